//! The command line read one argument at a time (lexopt: `--format json` and
//! `--format=json` alike, `--` ends the options), with what every subcommand
//! shares: `-h`/`--help`, and one way to say each kind of mistake.
//!
//! A subcommand is a [`Sub`] and a loop over [`Sub::next`] that matches its
//! options; a new option (`-o`, `--explain`, `--docx` …) is one more arm.

use std::ffi::OsString;

use lexopt::{Arg, Parser};

/// A subcommand, or `nianbao` itself: how it is typed and its usage text.
pub struct Sub {
    /// "nianbao check": how messages name it.
    pub prog: &'static str,
    pub usage: &'static str,
}

/// A command line that cannot be understood: the message says why, and the
/// usage of the command it was meant for follows it.
pub struct UsageError {
    pub message: String,
    pub usage: &'static str,
}

/// Why reading the arguments stopped before a command was understood.
pub enum Stop {
    /// `-h` or `--help`: print this usage and exit 0.
    Help(&'static str),
    Usage(UsageError),
}

impl Sub {
    /// The next argument: an option, or a value (a path). `-h`/`--help`
    /// stops here for every command alike.
    pub fn next<'p>(&self, p: &'p mut Parser) -> Result<Option<Arg<'p>>, Stop> {
        match p.next() {
            Ok(Some(Arg::Short('h') | Arg::Long("help"))) => Err(Stop::Help(self.usage)),
            Ok(arg) => Ok(arg),
            // `--prior=a.json` given to an option that takes no value.
            Err(lexopt::Error::UnexpectedValue { option, value }) => Err(self.error(format!(
                "{}：选项“{option}”后面不带值（多了“={}”）",
                self.prog,
                value.to_string_lossy()
            ))),
            Err(e) => Err(self.error(format!("{}：无法理解命令行（{e}）", self.prog))),
        }
    }

    /// The value of the option just read (`--format json` or `--format=json`);
    /// `missing` says what should follow it when nothing does.
    pub fn value(&self, p: &mut Parser, missing: &str) -> Result<OsString, Stop> {
        p.value().map_err(|_| self.error(missing))
    }

    /// An option this command does not have.
    pub fn unknown(&self, arg: Arg) -> Stop {
        let shown = match arg {
            Arg::Short(c) => format!("-{c}"),
            Arg::Long(l) => format!("--{l}"),
            Arg::Value(v) => v.to_string_lossy().into_owned(),
        };
        self.error(format!("{}：不认识的选项“{shown}”", self.prog))
    }

    pub fn error(&self, message: impl Into<String>) -> Stop {
        Stop::Usage(UsageError {
            message: message.into(),
            usage: self.usage,
        })
    }
}
