//! `nianbao export FILE --pdf OUT.pdf --html OUT.html --docx OUT.docx`: print,
//! publish or send for sign-off a report without opening a window.

use std::path::PathBuf;

use lexopt::{Arg, Parser};
use nianbao::checks::{self, Severity};
use nianbao::export::{docx, html, ofd, pdf};
use nianbao::fonts::Coverage;
use nianbao::source;
use nianbao::store;

use super::args::{Stop, Sub};
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE};

pub const CMD: Sub = Sub {
    prog: "nianbao export",
    usage: "\
用法：nianbao export 年报.nianbao.json [--pdf 年报.pdf] [--ofd 年报.ofd] [--html 年报.html] [--docx 年报.docx]
  导出 PDF（用于打印、盖章）、OFD（国家版式文件格式，用于归档）、用于网站发布的网页，
  或送领导签批的 Word 文档，不打开窗口；至少写其一。
  年报也可以是已发布年报的 .txt 文本、.html 网页或 .docx 文档，导入后导出。
选项：
  --pdf 年报.pdf
      要写出的 PDF 文件
  --ofd 年报.ofd
      要写出的 OFD 文件（GB/T 33190）
  --html 年报.html
      要写出的网页文件
  --docx 年报.docx
      要写出的 Word 文档（A4，公文格式：仿宋_GB2312 正文，表格含合并单元格）
  -h, --help
      显示本说明
  --
      其后的参数都是路径（用于以“-”开头的文件名）
退出码：0 已导出且没有错误；1 已导出，但年报有错误（如字体缺字，写在标准错误输出）；2 无法读取或写入",
};

pub struct Options {
    input: PathBuf,
    pdf: Option<PathBuf>,
    ofd: Option<PathBuf>,
    html: Option<PathBuf>,
    docx: Option<PathBuf>,
}

pub fn parse(mut p: Parser) -> Result<Options, Stop> {
    let mut input = None;
    let mut pdf = None;
    let mut ofd = None;
    let mut html = None;
    let mut docx = None;
    while let Some(arg) = CMD.next(&mut p)? {
        match arg {
            Arg::Long("pdf") => {
                pdf = Some(PathBuf::from(
                    CMD.value(&mut p, "--pdf 后面应为要写出的 PDF 文件名")?,
                ));
            }
            Arg::Long("ofd") => {
                ofd = Some(PathBuf::from(
                    CMD.value(&mut p, "--ofd 后面应为要写出的 OFD 文件名")?,
                ));
            }
            Arg::Long("html") => {
                html = Some(PathBuf::from(
                    CMD.value(&mut p, "--html 后面应为要写出的网页文件名")?,
                ));
            }
            Arg::Long("docx") => {
                docx = Some(PathBuf::from(
                    CMD.value(&mut p, "--docx 后面应为要写出的 Word 文档文件名")?,
                ));
            }
            Arg::Value(v) if input.is_none() => input = Some(PathBuf::from(v)),
            Arg::Value(v) => {
                return Err(CMD.error(format!(
                    "export 一次只导出一个年报，多余的参数：“{}”",
                    v.to_string_lossy()
                )));
            }
            other => return Err(CMD.unknown(other)),
        }
    }
    match input {
        Some(input) if pdf.is_some() || ofd.is_some() || html.is_some() || docx.is_some() => {
            Ok(Options {
                input,
                pdf,
                ofd,
                html,
                docx,
            })
        }
        Some(_) => Err(CMD.error(
            "请给出要写出的文件：--pdf 年报.pdf、--ofd 年报.ofd、--html 年报.html 或 --docx 年报.docx（至少写其一）",
        )),
        None => Err(CMD.error(
            "请给出要导出的年报，例如：nianbao export 年报.nianbao.json --pdf 年报.pdf --html 年报.html",
        )),
    }
}

pub fn run(opts: &Options) -> u8 {
    let opened = match source::open(&opts.input) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{}“{}”：{e}", e.failed(), opts.input.display());
            return EXIT_UNREADABLE;
        }
    };
    // A published page is exported as imported: what it lacked is said first.
    if let Some(summary) = &opened.summary {
        eprintln!("导入“{}”：", opts.input.display());
        for line in summary.lines() {
            eprintln!("  {line}");
        }
    }
    let report = opened.report;
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
    if let Some(out) = &opts.ofd {
        let bytes = match ofd::export(&report, pdf::creation_time()) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("无法生成 OFD：{e}");
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
    if let Some(out) = &opts.docx {
        let bytes = match docx::export(&report, pdf::creation_time()) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("无法生成 Word 文档：{e}");
                return EXIT_UNREADABLE;
            }
        };
        if let Err(e) = store::write_atomically(out, &bytes) {
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
