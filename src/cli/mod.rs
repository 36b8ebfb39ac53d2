//! The command line of DESIGN.md. Arguments are few and fixed, so they are
//! parsed by hand; every message is Chinese and says what to type instead.

mod check;
mod export;
mod import;

use std::ffi::OsString;
use std::path::PathBuf;

/// Exit codes shared by every subcommand (DESIGN.md).
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_UNREADABLE: u8 = 2;

pub const USAGE: &str = "\
用法：
  nianbao [文件]                         打开编辑器（可指定要打开的年报文件）
  nianbao check [--format text|json] [--prior 上年文件] 路径...
                                         检查年报（.json 文件，或已发布年报的 .txt/.html 网页，导入后检查；
                                         路径可以是文件夹，检查其中所有这些文件）
  nianbao import 年报网页或文本 -o 输出文件.json
                                         导入已发布的年报（.txt 文本或 .html 网页，UTF-8 或 GBK 编码）
  nianbao export 年报.json [--pdf 年报.pdf] [--html 年报.html]
                                         导出 PDF 或用于网站发布的网页（不打开窗口）
  nianbao sample -o 输出文件.json         写出内置的示例年报（阿戛镇人民政府2024年）
退出码：0 没有错误；1 有报告存在错误；2 有文件无法读取或写入";

/// What the command line asks for.
pub enum Command {
    Editor(Option<PathBuf>),
    Check(check::Options),
    Import(import::Options),
    Export(export::Options),
    Sample(PathBuf),
    Help,
}

/// A command line that cannot be understood: the message says why.
pub struct UsageError(pub String);

pub fn parse(args: Vec<OsString>) -> Result<Command, UsageError> {
    let mut args = args.into_iter();
    let Some(first) = args.next() else {
        return Ok(Command::Editor(None));
    };
    match first.to_str() {
        Some("check") => check::parse(args.collect()).map(Command::Check),
        Some("import") => import::parse(args.collect()).map(Command::Import),
        Some("export") => export::parse(args.collect()).map(Command::Export),
        Some("sample") => {
            let rest: Vec<_> = args.collect();
            match rest.as_slice() {
                [flag, out] if flag == "-o" || flag == "--output" => {
                    Ok(Command::Sample(PathBuf::from(out)))
                }
                _ => Err(UsageError(
                    "sample 需要指定输出文件：nianbao sample -o 示例.nianbao.json".into(),
                )),
            }
        }
        Some("help" | "-h" | "--help") => Ok(Command::Help),
        Some(s) if s.starts_with('-') => Err(UsageError(format!("不认识的选项“{s}”"))),
        _ => {
            if let Some(extra) = args.next() {
                return Err(UsageError(format!(
                    "编辑器一次只能打开一个文件，多余的参数：“{}”",
                    extra.to_string_lossy()
                )));
            }
            Ok(Command::Editor(Some(PathBuf::from(first))))
        }
    }
}

/// Run a non-editor command; returns the exit code.
pub fn run(command: Command) -> u8 {
    match command {
        Command::Check(opts) => check::run(&opts),
        Command::Import(opts) => import::run(&opts),
        Command::Export(opts) => export::run(&opts),
        Command::Sample(out) => sample(&out),
        Command::Help => {
            println!("{USAGE}");
            EXIT_OK
        }
        Command::Editor(_) => unreachable!("the editor is started by main"),
    }
}

fn sample(out: &std::path::Path) -> u8 {
    match nianbao::store::write_atomically(out, &nianbao::assets::sample_json()) {
        Ok(()) => {
            eprintln!("已写出示例年报：{}", out.display());
            EXIT_OK
        }
        Err(e) => {
            eprintln!("{e}");
            EXIT_UNREADABLE
        }
    }
}
