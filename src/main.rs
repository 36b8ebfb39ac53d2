//! `nianbao`: the editor when run without a subcommand, else the command line
//! of DESIGN.md.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    let command = match cli::parse(std::env::args_os().skip(1).collect()) {
        Ok(c) => c,
        Err(cli::UsageError(msg)) => {
            eprintln!("{msg}\n\n{}", cli::USAGE);
            return ExitCode::from(cli::EXIT_UNREADABLE);
        }
    };
    match command {
        cli::Command::Editor(path) => {
            let _ = path; // opened by the editor, which comes next
            eprintln!(
                "编辑器窗口尚未完成；目前可用命令行检查年报：\n\n{}",
                cli::USAGE
            );
            ExitCode::from(cli::EXIT_UNREADABLE)
        }
        other => ExitCode::from(cli::run(other)),
    }
}
