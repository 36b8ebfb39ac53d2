//! The 勾稽 rules of FORMAT.md: pure functions from a report to findings.
//!
//! The editor calls [`run`] every frame, the CLI once per file, the tests at
//! will — the same function. Each family of rules lives in its own module.

mod arithmetic;
mod carry;
mod citations;
mod completed;
mod copied;
mod fees;
mod glyphs;
mod jumps;
mod narrative;
mod plausibility;
mod rules;
mod sections;
mod sums;
pub mod text;
mod values;
mod years;

use std::fmt;

pub use rules::Rule;

use crate::report::{CellRef, Report};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// 错误: the form contradicts itself.
    Error,
    /// 警告: very likely a mistake.
    Warning,
    /// 提示: worth a look.
    Info,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    /// The name in the JSON output: `error`, `warning`, `info`.
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The name a clerk sees: 错误, 警告, 提示.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// One thing wrong (or worth a look) in a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The rule of FORMAT.md, e.g. `apps.balance`.
    pub id: Rule,
    pub severity: Severity,
    /// The cells the rule compared, first the one to go to.
    pub cells: Vec<CellRef>,
    /// What was compared and by how much it is off, in Chinese.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "[{}] {}（{}）",
            self.severity.label(),
            self.message,
            self.id
        )
    }
}

/// What the reading of a published source adds to the checks (FORMAT.md:
/// `import.unplaced` and `structure.sections` describe the reading, and come
/// from the importer).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    /// The importer's own findings.
    pub findings: Vec<Finding>,
    /// Cells the importer left blank because nothing confirmed a number: the
    /// publisher did not leave them blank, so `value.blank` does not list them.
    pub unplaced: Vec<CellRef>,
}

/// Every finding for `report`, errors first, in form order within a severity.
/// `prior` is last year's report when the caller has it (for the rules that
/// compare years); `covers` says whether the embedded fonts can draw a
/// character (the caller knows the fonts; the checks do not read files).
pub fn run(report: &Report, prior: Option<&Report>, covers: &dyn Fn(char) -> bool) -> Vec<Finding> {
    run_read(report, prior, covers, None)
}

/// [`run`] for a report read from a published source: with the importer's
/// findings, and without its unplaced cells in `value.blank`.
pub fn run_read(
    report: &Report,
    prior: Option<&Report>,
    covers: &dyn Fn(char) -> bool,
    reading: Option<&Reading>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    glyphs::check(report, covers, &mut out);
    values::check(report, reading.map_or(&[], |r| &r.unplaced), &mut out);
    arithmetic::check(report, &mut out);
    sections::check(report, &mut out);
    fees::check(report, &mut out);
    plausibility::check(report, &mut out);
    narrative::check(report, &mut out);
    completed::check(report, &mut out);
    sums::check(report, &mut out);
    years::check(report, &mut out);
    citations::check(report, &mut out);
    if let Some(prior) = prior {
        carry::check(report, prior, &mut out);
        copied::check(report, prior, &mut out);
        jumps::check(report, prior, &mut out);
    }
    if let Some(r) = reading {
        out.extend(r.findings.iter().cloned());
    }
    out.sort_by_key(|f| f.severity);
    out
}

/// Whether any finding is an 错误.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}
