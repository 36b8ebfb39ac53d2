//! `nianbao import SOURCE -o OUT.json`: a published report (text or HTML)
//! into the file format, with the import summary on stderr.

use std::ffi::OsString;
use std::path::PathBuf;

use nianbao::import;
use nianbao::store;

use super::{EXIT_OK, EXIT_UNREADABLE, UsageError};

pub struct Options {
    source: PathBuf,
    output: PathBuf,
}

pub fn parse(args: Vec<OsString>) -> Result<Options, UsageError> {
    let mut source = None;
    let mut output = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("-o" | "--output") => match args.next() {
                Some(o) => output = Some(PathBuf::from(o)),
                None => {
                    return Err(UsageError(
                        "-o 后面应为输出文件，例如：-o 年报.nianbao.json".into(),
                    ));
                }
            },
            Some(s) if s.starts_with('-') && s.len() > 1 => {
                return Err(UsageError(format!("import 不认识选项“{s}”")));
            }
            _ if source.is_none() => source = Some(PathBuf::from(arg)),
            _ => {
                return Err(UsageError(format!(
                    "import 一次只能导入一个文件，多余的参数：“{}”",
                    arg.to_string_lossy()
                )));
            }
        }
    }
    match (source, output) {
        (Some(source), Some(output)) => Ok(Options { source, output }),
        _ => Err(UsageError(
            "请给出要导入的年报网页或文本，以及输出文件：nianbao import 年报.html -o 年报.nianbao.json"
                .into(),
        )),
    }
}

pub fn run(opts: &Options) -> u8 {
    let imported = match import::import_file(&opts.source) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("无法导入“{}”：{e}", opts.source.display());
            return EXIT_UNREADABLE;
        }
    };
    eprintln!("导入“{}”：", opts.source.display());
    for line in imported.summary.lines() {
        eprintln!("  {line}");
    }
    if let Err(e) = store::save(&opts.output, &imported.report) {
        eprintln!("{e}");
        return EXIT_UNREADABLE;
    }
    eprintln!("已写出：{}", opts.output.display());
    // A page cut short or not in the national structure is still imported:
    // the summary above says what it lacked.
    EXIT_OK
}
