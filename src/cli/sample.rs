//! `nianbao sample -o OUT.json`: the embedded sample report, to try the
//! editor and the checks on.

use std::path::{Path, PathBuf};

use lexopt::{Arg, Parser};

use super::args::{Stop, Sub};
use super::{EXIT_OK, EXIT_UNREADABLE};

pub const CMD: Sub = Sub {
    prog: "nianbao sample",
    usage: "\
用法：nianbao sample -o 输出文件.json
  写出内置的示例年报（阿戛镇人民政府2024年），可用编辑器打开或用 check 检查。
选项：
  -o, --output 输出文件.json
      要写出的年报文件
  -h, --help
      显示本说明",
};

const MISSING: &str = "sample 需要指定输出文件：nianbao sample -o 示例.nianbao.json";

pub fn parse(mut p: Parser) -> Result<PathBuf, Stop> {
    let mut output = None;
    while let Some(arg) = CMD.next(&mut p)? {
        match arg {
            Arg::Short('o') | Arg::Long("output") => {
                output = Some(PathBuf::from(CMD.value(&mut p, MISSING)?));
            }
            Arg::Value(v) => {
                return Err(CMD.error(format!(
                    "sample 需要指定输出文件：nianbao sample -o {}",
                    v.to_string_lossy()
                )));
            }
            other => return Err(CMD.unknown(other)),
        }
    }
    output.ok_or_else(|| CMD.error(MISSING))
}

pub fn run(out: &Path) -> u8 {
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
