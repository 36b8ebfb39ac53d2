//! The command line of DESIGN.md, read with lexopt (see `args`); every
//! message is Chinese and says what to type instead.

mod args;
mod check;
mod export;
mod import;
mod sample;

use std::ffi::OsString;
use std::path::PathBuf;

use lexopt::{Arg, Parser};

pub use args::UsageError;
use args::{Stop, Sub};

/// Exit codes shared by every subcommand (DESIGN.md).
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_UNREADABLE: u8 = 2;

const USAGE: &str = "\
用法：
  nianbao [文件]                         打开编辑器（可指定要打开的年报文件）
  nianbao check [--format text|json|csv|xlsx] [-o 输出文件] [--prior 上年文件] 路径...
                                         检查年报（.json 文件，或已发布年报的 .txt/.html 网页、.docx 文档、.pdf 文件，导入后检查；
                                         路径可以是文件夹，检查其中所有这些文件）；csv、xlsx 为审核汇总表
  nianbao import 年报网页、文本或Word文档 -o 输出文件.json
                                         导入已发布的年报（.txt 文本、.html 网页或 .docx Word 文档）
  nianbao export 年报.json [--pdf 年报.pdf] [--html 年报.html] [--docx 年报.docx]
                                         导出 PDF、用于网站发布的网页或 Word 文档（不打开窗口）
  nianbao sample -o 输出文件.json         写出内置的示例年报（阿戛镇人民政府2024年）
  nianbao 子命令 --help                  显示子命令的详细用法
以“-”开头的文件名写在“--”之后，例如：nianbao check -- -年报.json
退出码：0 没有错误；1 有报告存在错误；2 有文件无法读取或写入";

const NIANBAO: Sub = Sub {
    prog: "nianbao",
    usage: USAGE,
};

/// What the command line asks for.
pub enum Command {
    Editor(Option<PathBuf>),
    Check(check::Options),
    Import(import::Options),
    Export(export::Options),
    Sample(PathBuf),
    /// Print this usage (`--help`).
    Help(&'static str),
}

pub fn parse(args: Vec<OsString>) -> Result<Command, UsageError> {
    match parse_args(Parser::from_args(args)) {
        Ok(command) => Ok(command),
        Err(Stop::Help(usage)) => Ok(Command::Help(usage)),
        Err(Stop::Usage(e)) => Err(e),
    }
}

fn parse_args(mut p: Parser) -> Result<Command, Stop> {
    let first = match NIANBAO.next(&mut p)? {
        None => return Ok(Command::Editor(None)),
        Some(Arg::Value(v)) => v,
        Some(other) => return Err(NIANBAO.unknown(other)),
    };
    match first.to_str() {
        Some("check") => check::parse(p).map(Command::Check),
        Some("import") => import::parse(p).map(Command::Import),
        Some("export") => export::parse(p).map(Command::Export),
        Some("sample") => sample::parse(p).map(Command::Sample),
        Some("help") => help(p),
        _ => {
            // The editor's file, as a file manager passes it.
            match NIANBAO.next(&mut p)? {
                None => Ok(Command::Editor(Some(PathBuf::from(first)))),
                Some(Arg::Value(extra)) => Err(NIANBAO.error(format!(
                    "编辑器一次只能打开一个文件，多余的参数：“{}”",
                    extra.to_string_lossy()
                ))),
                Some(other) => Err(NIANBAO.unknown(other)),
            }
        }
    }
}

/// `nianbao help [子命令]`.
fn help(mut p: Parser) -> Result<Command, Stop> {
    let Some(arg) = NIANBAO.next(&mut p)? else {
        return Ok(Command::Help(USAGE));
    };
    let sub = match arg {
        Arg::Value(v) => match v.to_str() {
            Some("check") => &check::CMD,
            Some("import") => &import::CMD,
            Some("export") => &export::CMD,
            Some("sample") => &sample::CMD,
            _ => {
                return Err(NIANBAO.error(format!(
                    "没有子命令“{}”：可用的子命令有 check、import、export、sample",
                    v.to_string_lossy()
                )));
            }
        },
        other => return Err(NIANBAO.unknown(other)),
    };
    Ok(Command::Help(sub.usage))
}

/// Run a non-editor command; returns the exit code.
pub fn run(command: Command) -> u8 {
    match command {
        Command::Check(opts) => check::run(&opts),
        Command::Import(opts) => import::run(&opts),
        Command::Export(opts) => export::run(&opts),
        Command::Sample(out) => sample::run(&out),
        Command::Help(usage) => {
            println!("{usage}");
            EXIT_OK
        }
        Command::Editor(_) => unreachable!("the editor is started by main"),
    }
}
