//! `nianbao check`: the reviewer's batch check.

use std::io::Write;
use std::path::{Path, PathBuf};

use lexopt::{Arg, Parser};
use nianbao::checks::{self, Finding, Severity};
use nianbao::fonts::Coverage;
use nianbao::report::Report;
use nianbao::source::{self, Kind};
use serde_json::json;

use super::args::{Stop, Sub};
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE};

pub const CMD: Sub = Sub {
    prog: "nianbao check",
    usage: "\
用法：nianbao check [选项] 路径...
  检查年报：.json 年报文件，或已发布年报的 .txt 文本、.html 网页、.docx Word 文档、.pdf 文件（导入后检查）；
  路径可以是文件夹，检查其中所有这些文件。
选项：
  --format text|json
      输出格式：text 供阅读（默认）；json 每个文件一行 JSON，汇总写在标准错误输出
  --explain 规则编号
      说明一条检查规则：检查什么、示例、如何修改（例如 --explain apps.balance）
  --prior 上年文件
      与上一年度的年报（年报文件、网页或文本）核对结转数等；只能与一个年报文件一起使用。
      不写时，年报中关联了上年年报的，自动与之核对
  -h, --help
      显示本说明
  --
      其后的参数都是路径（用于以“-”开头的文件名）
退出码：0 没有错误；1 有报告存在错误；2 有文件无法读取",
};

const FORMAT: &str = "--format 后面应为 text 或 json，例如：nianbao check --format json 年报.json";

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

pub struct Options {
    /// `--explain RULE`: explain a rule instead of checking.
    explain: Option<String>,
    format: Format,
    prior: Option<PathBuf>,
    paths: Vec<PathBuf>,
}

pub fn parse(mut p: Parser) -> Result<Options, Stop> {
    let mut opts = Options {
        explain: None,
        format: Format::Text,
        prior: None,
        paths: Vec::new(),
    };
    while let Some(arg) = CMD.next(&mut p)? {
        match arg {
            Arg::Long("format") => {
                opts.format = match CMD.value(&mut p, FORMAT)?.to_str() {
                    Some("text") => Format::Text,
                    Some("json") => Format::Json,
                    _ => return Err(CMD.error(FORMAT)),
                }
            }
            Arg::Long("prior") => {
                let file = CMD.value(&mut p, "--prior 后面应为上一年度的年报文件")?;
                opts.prior = Some(PathBuf::from(file));
            }
            Arg::Long("explain") => {
                let id = CMD.value(
                    &mut p,
                    "--explain 后面应为规则编号，例如：--explain apps.balance",
                )?;
                opts.explain = Some(id.to_string_lossy().into_owned());
            }
            Arg::Value(path) => opts.paths.push(PathBuf::from(path)),
            other => return Err(CMD.unknown(other)),
        }
    }
    if opts.explain.is_some() {
        return Ok(opts);
    }
    if opts.paths.is_empty() {
        return Err(
            CMD.error("请给出要检查的年报文件或文件夹，例如：nianbao check 年报.nianbao.json")
        );
    }
    if opts.prior.is_some() && opts.paths.len() != 1 {
        return Err(
            CMD.error("--prior 只能与一个年报文件一起使用（上一年度的年报只对应一份本年度年报）")
        );
    }
    Ok(opts)
}

/// `--explain RULE`: the same text the editor's help shows.
fn explain(id: &str) -> u8 {
    match checks::Rule::from_id(id.trim()).and_then(nianbao::help::explain) {
        Some(e) => {
            print!("{}", e.to_text());
            EXIT_OK
        }
        None => {
            let ids: Vec<_> = checks::Rule::ALL.iter().map(|r| r.id()).collect();
            eprintln!(
                "没有编号为“{id}”的检查规则。现有的规则：\n  {}",
                ids.join("\n  ")
            );
            EXIT_UNREADABLE
        }
    }
}

/// What became of one file.
enum Outcome {
    /// The findings, and for a published page what its import could not read.
    Checked(Vec<Finding>, Vec<String>),
    Unreadable(String),
}

/// A text or web page found in a folder that is no report (a 说明.txt): why.
struct Skipped(String);

pub fn run(opts: &Options) -> u8 {
    if let Some(id) = &opts.explain {
        return explain(id);
    }
    let prior = match &opts.prior {
        Some(p) => match source::open(p) {
            Ok(opened) => {
                // What last year's page lacked explains a cross-year finding
                // that is missing; stdout stays for the findings alone.
                let gaps = opened.summary.map(|s| s.gaps()).unwrap_or_default();
                if !gaps.is_empty() {
                    eprintln!("上一年度的年报“{}”导入时：", p.display());
                    for g in gaps {
                        eprintln!("  {g}");
                    }
                }
                Some(opened.report)
            }
            Err(e) => {
                eprintln!("{}上一年度的年报“{}”：{e}", e.failed(), p.display());
                return EXIT_UNREADABLE;
            }
        },
        None => None,
    };

    let mut files = Vec::new();
    for path in &opts.paths {
        collect(path, &mut files);
    }
    if files.is_empty() {
        eprintln!("给出的文件夹里没有年报文件（{}）", kinds_said());
        return EXIT_UNREADABLE;
    }

    let coverage = Coverage::print();
    let mut summary = Summary::default();
    let mut stdout = std::io::stdout().lock();
    for (file, in_folder) in &files {
        let outcome = match check_file(file, *in_folder, prior.as_ref(), &coverage) {
            Ok(o) => o,
            Err(Skipped(why)) => {
                eprintln!("跳过“{}”：{why}", file.display());
                continue;
            }
        };
        summary.add(&outcome);
        let text = match opts.format {
            Format::Json => json_line(file, &outcome) + "\n",
            Format::Text => text_block(file, &outcome),
        };
        // A reader that went away (`| head`) is no reason to panic; the exit
        // code still tells what was found so far.
        if stdout.write_all(text.as_bytes()).is_err() {
            return summary.exit_code();
        }
    }
    let line = summary.line();
    match opts.format {
        // stdout carries nothing but the JSON Lines.
        Format::Json => eprintln!("{line}"),
        Format::Text => {
            let _ = writeln!(stdout, "{line}");
        }
    }
    summary.exit_code()
}

/// A path given on the command line: a file as is, a folder as every report
/// file below it (every [`Kind`] the project opens), in name order.
/// Each file comes with whether it was found in a folder (rather than named).
fn collect(path: &Path, out: &mut Vec<(PathBuf, bool)>) {
    if !path.is_dir() {
        out.push((path.to_path_buf(), false));
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        out.push((path.to_path_buf(), false));
        return;
    };
    let mut children: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    children.sort();
    for child in children {
        if child.is_dir() {
            collect(&child, out);
        } else if Kind::of(&child).is_some() {
            out.push((child, true));
        }
    }
}

/// The extensions a folder is searched for: "`.json`，或已发布年报的 `.txt`、…".
fn kinds_said() -> String {
    let dotted = |imported: bool| {
        Kind::ALL
            .iter()
            .filter(|k| k.is_imported() == imported)
            .flat_map(|k| k.extensions())
            .map(|e| format!(".{e}"))
            .collect::<Vec<_>>()
            .join("、")
    };
    format!("{}，或已发布年报的 {}", dotted(false), dotted(true))
}

fn check_file(
    file: &Path,
    in_folder: bool,
    prior: Option<&Report>,
    coverage: &Coverage,
) -> Result<Outcome, Skipped> {
    let opened = match source::open(file) {
        Ok(o) => o,
        // A folder of downloaded pages may hold notes and other pages too.
        Err(e) if in_folder && e.is_no_report() => return Err(Skipped(e.to_string())),
        Err(e) => return Ok(Outcome::Unreadable(format!("{}：{e}", e.failed()))),
    };
    let gaps = opened
        .summary
        .as_ref()
        .map(|s| s.gaps())
        .unwrap_or_default();
    // A published page: the importer's findings, and no value.blank for
    // the cells it could not read.
    let reading = opened.reading();
    let report = opened.report;
    // Without --prior, a report that names last year's file is checked against it.
    let own_prior = match prior {
        Some(_) => None,
        None => source::open_prior(Some(file), &report)
            .and_then(Result::ok)
            .map(|o| o.report),
    };
    let findings = checks::run_read(
        &report,
        prior.or(own_prior.as_ref()),
        &|c| coverage.covers(c),
        reading.as_ref(),
    );
    Ok(Outcome::Checked(findings, gaps))
}

fn json_line(file: &Path, outcome: &Outcome) -> String {
    let file = file.display().to_string();
    let value = match outcome {
        Outcome::Checked(findings, _) => json!({
            "file": file,
            "findings": findings.iter().map(|f| json!({
                "id": f.id.id(),
                "severity": f.severity.key(),
                "cells": f.cells.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
                "message": f.message,
            })).collect::<Vec<_>>(),
        }),
        Outcome::Unreadable(e) => json!({ "file": file, "error": e }),
    };
    value.to_string()
}

fn text_block(file: &Path, outcome: &Outcome) -> String {
    let name = file.display();
    let (findings, gaps) = match outcome {
        Outcome::Unreadable(e) => return format!("{name}：{e}\n\n"),
        Outcome::Checked(f, g) => (f, g),
    };
    // What an imported page lacked comes first: it explains blank-cell findings.
    let mut imported = String::new();
    if !gaps.is_empty() {
        imported.push_str("  导入：\n");
        for g in gaps {
            imported.push_str(&format!("    {g}\n"));
        }
    }
    if findings.is_empty() {
        return format!("{name}：未发现问题\n{imported}\n");
    }
    let counts: Vec<_> = Severity::ALL
        .iter()
        .map(|s| (s, findings.iter().filter(|f| f.severity == *s).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{n}个{}", s.label()))
        .collect();
    let mut out = format!("{name}：{}\n{imported}", counts.join("，"));
    for severity in Severity::ALL {
        let group: Vec<_> = findings.iter().filter(|f| f.severity == severity).collect();
        if group.is_empty() {
            continue;
        }
        out.push_str(&format!("  {}：\n", severity.label()));
        for f in group {
            out.push_str(&format!("    {}（{}）\n", f.message, f.id));
        }
    }
    out.push('\n');
    out
}

#[derive(Default)]
struct Summary {
    files: usize,
    unreadable: usize,
    with_errors: usize,
    by_severity: [usize; 3],
}

impl Summary {
    fn add(&mut self, outcome: &Outcome) {
        self.files += 1;
        match outcome {
            Outcome::Unreadable(_) => self.unreadable += 1,
            Outcome::Checked(findings, _) => {
                if checks::has_errors(findings) {
                    self.with_errors += 1;
                }
                for f in findings {
                    self.by_severity[f.severity as usize] += 1;
                }
            }
        }
    }

    fn line(&self) -> String {
        let [e, w, i] = self.by_severity;
        let mut line = format!(
            "共检查{}个文件：{}个有错误，{}个无法读取；共{e}个错误、{w}个警告、{i}个提示",
            self.files, self.with_errors, self.unreadable
        );
        if self.with_errors == 0 && self.unreadable == 0 {
            line.push_str("。表格勾稽关系无误");
        }
        line
    }

    fn exit_code(&self) -> u8 {
        if self.unreadable > 0 {
            EXIT_UNREADABLE
        } else if self.with_errors > 0 {
            EXIT_FINDINGS
        } else {
            EXIT_OK
        }
    }
}
