//! `nianbao import SOURCE -o OUT.json`: a published report (text, HTML or a
//! Word document) into the file format, with the import summary on stderr.

use std::path::PathBuf;

use lexopt::{Arg, Parser};
use nianbao::source;
use nianbao::store;

use super::args::{Stop, Sub};
use super::{EXIT_OK, EXIT_UNREADABLE};

pub const CMD: Sub = Sub {
    prog: "nianbao import",
    usage: "\
用法：nianbao import 年报网页或文本 -o 输出文件.json
  导入已发布的年报（.txt 文本或 .html 网页，UTF-8 或 GBK 编码；或 .docx Word 文档），写成年报文件；
  导入的情况（找到的表格、留空的格、未识别的内容）写在标准错误输出。
选项：
  -o, --output 输出文件.json
      要写出的年报文件
  -h, --help
      显示本说明
  --
      其后的参数都是路径（用于以“-”开头的文件名）
退出码：0 已导入（内容不完整的也导入，并说明缺少什么）；2 不是年报，或无法读取、写入",
};

pub struct Options {
    source: PathBuf,
    output: PathBuf,
}

pub fn parse(mut p: Parser) -> Result<Options, Stop> {
    let mut source = None;
    let mut output = None;
    while let Some(arg) = CMD.next(&mut p)? {
        match arg {
            Arg::Short('o') | Arg::Long("output") => {
                output = Some(PathBuf::from(
                    CMD.value(&mut p, "-o 后面应为输出文件，例如：-o 年报.nianbao.json")?,
                ));
            }
            Arg::Value(v) if source.is_none() => source = Some(PathBuf::from(v)),
            Arg::Value(v) => {
                return Err(CMD.error(format!(
                    "import 一次只能导入一个文件，多余的参数：“{}”",
                    v.to_string_lossy()
                )));
            }
            other => return Err(CMD.unknown(other)),
        }
    }
    match (source, output) {
        (Some(source), Some(output)) => Ok(Options { source, output }),
        _ => Err(CMD.error(
            "请给出要导入的年报网页或文本，以及输出文件：nianbao import 年报.html -o 年报.nianbao.json",
        )),
    }
}

pub fn run(opts: &Options) -> u8 {
    let opened = match source::open(&opts.source) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{}“{}”：{e}", e.failed(), opts.source.display());
            return EXIT_UNREADABLE;
        }
    };
    match &opened.summary {
        Some(summary) => {
            eprintln!("导入“{}”：", opts.source.display());
            for line in summary.lines() {
                eprintln!("  {line}");
            }
        }
        // Nothing to import; written again, it is at least in this version's layout.
        None => eprintln!(
            "“{}”已是年报文件，无需导入：按原样另存",
            opts.source.display()
        ),
    }
    if let Err(e) = store::save(&opts.output, &opened.report) {
        eprintln!("{e}");
        return EXIT_UNREADABLE;
    }
    eprintln!("已写出：{}", opts.output.display());
    // A page cut short or not in the national structure is still imported:
    // the summary above says what it lacked.
    EXIT_OK
}
