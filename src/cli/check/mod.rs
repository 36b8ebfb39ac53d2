//! `nianbao check`: the reviewer's batch check. The files are read on every
//! core (`read`), a report with no previous year of its own is paired with
//! the same organ's report of the year before in the run (`pairing`), then
//! checked on every core; the output keeps the order of the input.

mod csv;
mod lines;
mod pairing;
mod parallel;
mod read;
mod sheet;
mod walk;
mod xlsx;

use std::io::Write;
use std::path::{Path, PathBuf};

use lexopt::{Arg, Parser};
use nianbao::checks::{self, Finding};
use nianbao::fonts::Coverage;
use nianbao::report::Report;
use nianbao::source::{self, Kind};
use nianbao::store;

use super::args::{Stop, Sub};
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE};
use read::{Read, ReadReport};
use walk::Input;

pub const CMD: Sub = Sub {
    prog: "nianbao check",
    usage: "\
用法：nianbao check [选项] 路径...
  检查年报：.json 年报文件，或已发布年报的 .txt 文本、.html 网页、.docx Word 文档、.pdf 文件（导入后检查）；
  路径可以是文件夹，检查其中所有这些文件（链接到的文件夹只读一次）。
  没有关联上年年报的，与同一次检查中同一机关上一年度的年报配对，核对上年结转数等。
选项：
  --format text|json|csv|xlsx
      输出格式：text 供阅读（默认）；json 每个文件一行 JSON，汇总写在标准错误输出；
      csv、xlsx 为审核汇总表（每个文件一行：机关、年度、各表总计、错误/警告/提示个数），
      xlsx 另有一页列出全部问题，须用 -o 指定文件
  -o 输出文件
      把结果写入文件，而不是显示在屏幕上（例如 -o 汇总.xlsx）
  --explain 规则编号
      说明一条检查规则：检查什么、示例、如何修改（例如 --explain apps.balance）
  --prior 上年文件
      与上一年度的年报（年报文件、网页或文本）核对结转数等；只能与一个年报文件一起使用。
      不写时，年报中关联了上年年报的，自动与之核对
  -h, --help
      显示本说明
  --
      其后的参数都是路径（用于以“-”开头的文件名）
退出码：0 没有错误；1 有报告存在错误；2 有文件无法读取，或结果无法写入",
};

const FORMAT: &str = "--format 后面应为 text、json、csv 或 xlsx，例如：nianbao check --format xlsx -o 汇总.xlsx 年报文件夹";

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Csv,
    Xlsx,
}

pub struct Options {
    /// `--explain RULE`: explain a rule instead of checking.
    explain: Option<String>,
    format: Format,
    /// `-o FILE`: where the output goes instead of stdout.
    output: Option<PathBuf>,
    prior: Option<PathBuf>,
    paths: Vec<PathBuf>,
}

pub fn parse(mut p: Parser) -> Result<Options, Stop> {
    let mut opts = Options {
        explain: None,
        format: Format::Text,
        output: None,
        prior: None,
        paths: Vec::new(),
    };
    while let Some(arg) = CMD.next(&mut p)? {
        match arg {
            Arg::Long("format") => {
                opts.format = match CMD.value(&mut p, FORMAT)?.to_str() {
                    Some("text") => Format::Text,
                    Some("json") => Format::Json,
                    Some("csv") => Format::Csv,
                    Some("xlsx") => Format::Xlsx,
                    _ => return Err(CMD.error(FORMAT)),
                }
            }
            Arg::Short('o') | Arg::Long("output") => {
                let file = CMD.value(&mut p, "-o 后面应为输出文件，例如：-o 汇总.xlsx")?;
                opts.output = Some(PathBuf::from(file));
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
    if opts.format == Format::Xlsx && opts.output.is_none() {
        return Err(CMD.error(
            "--format xlsx 需要用 -o 指定要写入的文件，例如：nianbao check --format xlsx -o 汇总.xlsx 年报文件夹",
        ));
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

/// One input once checked (a note passed over in a folder has none).
pub struct Done<'a> {
    pub file: &'a Path,
    /// A folder that could not be listed, rather than a file.
    pub folder: bool,
    pub report: Option<&'a ReadReport>,
    pub outcome: Outcome,
    /// The report it was checked against: `--prior`, its own `prior`, or the
    /// same organ's report of the year before in the run.
    pub prior: Option<PathBuf>,
}

/// What became of one input.
pub enum Outcome {
    Checked(Vec<Finding>),
    Unreadable(String),
}

pub fn run(opts: &Options) -> u8 {
    if let Some(id) = &opts.explain {
        return explain(id);
    }
    let prior = match &opts.prior {
        Some(p) => match open_prior(p) {
            Some(r) => Some((p.as_path(), r)),
            None => return EXIT_UNREADABLE,
        },
        None => None,
    };

    let inputs = walk::collect(&opts.paths);
    if inputs.is_empty() {
        eprintln!("给出的文件夹里没有年报文件（{}）", kinds_said());
        return EXIT_UNREADABLE;
    }
    let reads = parallel::map(&inputs, |i| read::read(i, prior.is_some()));
    for (input, r) in inputs.iter().zip(&reads) {
        if let Read::Skipped(why) = r {
            eprintln!("{}", lines::skipped(input.path(), why));
        }
    }
    // `--prior` is last year's report for every file: nothing to pair.
    let pairing = match prior {
        Some(_) => pairing::Pairing::default(),
        None => pairing::pair(&candidates(&reads)),
    };
    let done = check_all(&inputs, &reads, &pairing, prior.as_ref());

    let tally = Tally::of(&done);
    let pairs = lines::pairing(&pairing, &inputs, &reads);
    let output = match opts.format {
        Format::Text => {
            let mut out = pairs;
            out.extend(parallel::map(&done, lines::text_block));
            out.push_str(&tally.line());
            out.push('\n');
            out.into_bytes()
        }
        Format::Json => {
            // stdout carries nothing but the JSON Lines.
            eprint!("{pairs}");
            let lines = parallel::map(&done, |d| lines::json_line(d) + "\n");
            lines.concat().into_bytes()
        }
        Format::Csv => {
            eprint!("{pairs}");
            csv::write(&sheet::summary(&done)).into_bytes()
        }
        Format::Xlsx => {
            eprint!("{pairs}");
            match xlsx::write(&[sheet::summary(&done), sheet::findings(&done)]) {
                Ok(bytes) => bytes,
                Err(e) => {
                    eprintln!("{e}");
                    return EXIT_UNREADABLE;
                }
            }
        }
    };
    if opts.format != Format::Text {
        eprintln!("{}", tally.line());
    }
    if emit(opts.output.as_deref(), &output) {
        tally.exit_code()
    } else {
        EXIT_UNREADABLE
    }
}

/// Check every report read, on every core, against last year's: `--prior`,
/// else the report's own `prior`, else the report it was paired with.
fn check_all<'a>(
    inputs: &'a [Input],
    reads: &'a [Read],
    pairing: &pairing::Pairing,
    prior: Option<&(&Path, Report)>,
) -> Vec<Done<'a>> {
    let coverage = Coverage::print();
    let covers = |c: char| coverage.covers(c);
    let indices: Vec<usize> = (0..inputs.len()).collect();
    let done = parallel::map(&indices, |&i| {
        let file = inputs[i].path();
        let (report, outcome, against) = match &reads[i] {
            Read::Skipped(_) => return None,
            Read::Unreadable(why) => (None, Outcome::Unreadable(why.clone()), None),
            Read::Report(r) => {
                let paired = pairing.prior.get(i).copied().flatten();
                let (last_year, path) = match (prior, &r.linked_prior, paired) {
                    (Some((p, report)), _, _) => (Some(report), Some(p.to_path_buf())),
                    (None, Some(l), _) => (Some(l), source::prior_path(Some(file), &r.report)),
                    (None, None, Some(j)) => match &reads[j] {
                        Read::Report(p) => (Some(&p.report), Some(inputs[j].path().to_owned())),
                        _ => (None, None),
                    },
                    (None, None, None) => (None, None),
                };
                let findings = checks::run_read(&r.report, last_year, &covers, r.reading.as_ref());
                (Some(&**r), Outcome::Checked(findings), path)
            }
        };
        Some(Done {
            file,
            folder: matches!(inputs[i], Input::Folder { .. }),
            report,
            outcome,
            prior: against,
        })
    });
    done.into_iter().flatten().collect()
}

/// The output to `-o FILE` (written whole or not at all) or to stdout;
/// whether it was written.
fn emit(file: Option<&Path>, output: &[u8]) -> bool {
    match file {
        Some(path) => match store::write_atomically(path, output) {
            Ok(()) => {
                eprintln!("结果已写入“{}”", path.display());
                true
            }
            Err(e) => {
                eprintln!("{e}");
                false
            }
        },
        // A reader that went away (`| head`) is no reason to fail: the exit
        // code still tells what was found.
        None => {
            let _ = std::io::stdout().lock().write_all(output);
            true
        }
    }
}

/// `--prior FILE`, opened; `None` (having said why) when it cannot be.
fn open_prior(p: &Path) -> Option<Report> {
    match source::open(p) {
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
            None
        }
    }
}

/// What pairing needs of each input: the reports whose organ and year are known.
fn candidates(read: &[Read]) -> Vec<Option<pairing::Candidate<'_>>> {
    read.iter()
        .map(|r| match r {
            Read::Report(r) if r.year_known => Some(pairing::Candidate {
                organ: &r.report.organ,
                year: r.report.year,
                wants_prior: !r.names_prior(),
            }),
            _ => None,
        })
        .collect()
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

/// The counts of the last line, and the exit code.
#[derive(Default)]
struct Tally {
    files: usize,
    unreadable: usize,
    folders: usize,
    with_errors: usize,
    by_severity: [usize; 3],
}

impl Tally {
    fn of(done: &[Done]) -> Tally {
        let mut t = Tally::default();
        for d in done {
            match &d.outcome {
                Outcome::Unreadable(_) if d.folder => t.folders += 1,
                Outcome::Unreadable(_) => {
                    t.files += 1;
                    t.unreadable += 1;
                }
                Outcome::Checked(findings) => {
                    t.files += 1;
                    if checks::has_errors(findings) {
                        t.with_errors += 1;
                    }
                    for f in findings {
                        t.by_severity[f.severity as usize] += 1;
                    }
                }
            }
        }
        t
    }

    fn line(&self) -> String {
        let [e, w, i] = self.by_severity;
        let mut line = format!(
            "共检查{}个文件：{}个有错误，{}个无法读取；共{e}个错误、{w}个警告、{i}个提示",
            self.files, self.with_errors, self.unreadable
        );
        if self.folders > 0 {
            line.push_str(&format!("；另有{}个文件夹无法读取", self.folders));
        }
        if self.with_errors == 0 && self.unreadable == 0 && self.folders == 0 {
            line.push_str("。表格勾稽关系无误");
        }
        line
    }

    fn exit_code(&self) -> u8 {
        if self.unreadable > 0 || self.folders > 0 {
            EXIT_UNREADABLE
        } else if self.with_errors > 0 {
            EXIT_FINDINGS
        } else {
            EXIT_OK
        }
    }
}
