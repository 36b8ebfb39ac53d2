//! The check's output for reading (`text`) and for programs (`json`, one
//! object per file), and the lines that say which years were paired.

use std::path::Path;

use nianbao::checks::Severity;
use nianbao::report::CellRef;
use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};

use super::pairing::Pairing;
use super::read::Read;
use super::walk::Input;
use super::{Done, Outcome};

/// A duplicate group names this many files, then how many there are.
const NAMED: usize = 3;

/// One line of `--format json`, serialized as it stands (no
/// `serde_json::Value` built first: a batch writes thousands).
#[derive(Serialize)]
struct JsonLine<'a> {
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    findings: Option<Vec<JsonFinding<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    /// The report it was checked against, when any.
    #[serde(skip_serializing_if = "Option::is_none")]
    prior: Option<String>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    id: &'static str,
    severity: &'static str,
    cells: Cells<'a>,
    message: &'a str,
}

/// A finding's cells, each written by its `Display` straight into the line.
struct Cells<'a>(&'a [CellRef]);

impl Serialize for Cells<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for cell in self.0 {
            seq.serialize_element(&Shown(cell))?;
        }
        seq.end()
    }
}

struct Shown<'a>(&'a CellRef);

impl Serialize for Shown<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self.0)
    }
}

pub fn json_line(d: &Done) -> String {
    let (findings, error) = match &d.outcome {
        Outcome::Checked(findings) => {
            let findings = findings
                .iter()
                .map(|f| JsonFinding {
                    id: f.id.id(),
                    severity: f.severity.key(),
                    cells: Cells(&f.cells),
                    message: &f.message,
                })
                .collect();
            (Some(findings), None)
        }
        Outcome::Unreadable(e) => (None, Some(e.as_str())),
    };
    let line = JsonLine {
        file: d.file.display().to_string(),
        findings,
        error,
        prior: d.prior.as_ref().map(|p| p.display().to_string()),
    };
    serde_json::to_string(&line).expect("strings and lists of strings serialize")
}

pub fn text_block(d: &Done) -> String {
    let name = d.file.display();
    let findings = match &d.outcome {
        Outcome::Unreadable(e) => return format!("{name}：{e}\n\n"),
        Outcome::Checked(f) => f,
    };
    let gaps = d.report.map_or(&[][..], |r| r.gaps.as_slice());
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

/// The pairs made and the reports that could not be paired, for the text
/// output (or stderr); empty when there is nothing to say.
pub fn pairing(p: &Pairing, inputs: &[Input], read: &[Read]) -> String {
    let file = |i: usize| inputs[i].path().display().to_string();
    let report = |i: usize| match &read[i] {
        Read::Report(r) => Some(&r.report),
        _ => None,
    };
    let mut out = String::new();
    if !p.pairs.is_empty() {
        out.push_str("按机关和年度配对、核对上年结转数等的年报（本年 ← 上年）：\n");
        for &(this, prior) in &p.pairs {
            let organ = report(this).map_or("", |r| r.organ.as_str());
            out.push_str(&format!("  {} ← {}（{organ}）\n", file(this), file(prior)));
        }
    }
    if !p.duplicates.is_empty() {
        out.push_str("同一机关同一年度有多份年报，不与其他年度配对：\n");
        for group in &p.duplicates {
            let (organ, year) = report(group[0]).map_or(("", 0), |r| (r.organ.as_str(), r.year));
            let names: Vec<String> = group.iter().take(NAMED).map(|&i| file(i)).collect();
            let more = if group.len() > NAMED {
                format!("等{}份", group.len())
            } else {
                String::new()
            };
            out.push_str(&format!("  {organ}{year}年：{}{more}\n", names.join("、")));
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// "跳过“说明.txt”：没有找到年报的内容……"
pub fn skipped(file: &Path, why: &str) -> String {
    format!("跳过“{}”：{why}", file.display())
}
