//! `nianbao export FILE --pdf OUT.pdf --html OUT.html`: print or publish a
//! report without opening a window.

use std::ffi::OsString;
use std::path::PathBuf;

use nianbao::checks::{self, Severity};
use nianbao::export::{html, pdf};
use nianbao::fonts::Coverage;
use nianbao::store;

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, UsageError};

const USAGE: &str =
    "用法：nianbao export 年报.nianbao.json --pdf 年报.pdf --html 年报.html（两者可只写其一）";

pub struct Options {
    input: PathBuf,
    pdf: Option<PathBuf>,
    html: Option<PathBuf>,
}

pub fn parse(args: Vec<OsString>) -> Result<Options, UsageError> {
    let mut input = None;
    let mut pdf = None;
    let mut html = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--pdf") => match args.next() {
                Some(p) => pdf = Some(PathBuf::from(p)),
                None => return Err(UsageError("--pdf 后面应为要写出的 PDF 文件名".into())),
            },
            Some("--html") => match args.next() {
                Some(p) => html = Some(PathBuf::from(p)),
                None => return Err(UsageError("--html 后面应为要写出的网页文件名".into())),
            },
            Some(s) if s.starts_with("--") => {
                return Err(UsageError(format!("export 不认识选项“{s}”。{USAGE}")));
            }
            _ if input.is_none() => input = Some(PathBuf::from(arg)),
            _ => {
                return Err(UsageError(format!(
                    "export 一次只导出一个年报，多余的参数：“{}”",
                    arg.to_string_lossy()
                )));
            }
        }
    }
    match input {
        Some(input) if pdf.is_some() || html.is_some() => Ok(Options { input, pdf, html }),
        _ => Err(UsageError(USAGE.into())),
    }
}

pub fn run(opts: &Options) -> u8 {
    let report = match store::load(&opts.input) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("无法读取“{}”：{e}", opts.input.display());
            return EXIT_UNREADABLE;
        }
    };
    if let Some(out) = &opts.pdf {
        let bytes = match pdf::export(&report, pdf::creation_time()) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("无法生成 PDF：{e}");
                return EXIT_UNREADABLE;
            }
        };
        if let Err(e) = store::write_atomically(out, &bytes) {
            eprintln!("{e}");
            return EXIT_UNREADABLE;
        }
        eprintln!("已导出：{}", out.display());
    }
    if let Some(out) = &opts.html {
        if let Err(e) = store::write_atomically(out, html::export(&report).as_bytes()) {
            eprintln!("{e}");
            return EXIT_UNREADABLE;
        }
        eprintln!("已导出：{}", out.display());
    }
    // The files are written; their 错误 (e.g. characters the fonts lack) are said here.
    let coverage = Coverage::print();
    let errors: Vec<_> = checks::run(&report, None, &|c| coverage.covers(c))
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    for f in &errors {
        eprintln!("[{}] {}（{}）", f.severity.label(), f.message, f.id);
    }
    if errors.is_empty() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    }
}
