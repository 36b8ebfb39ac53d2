//! `plausibility.rules`: townships and subdistricts cannot make 规章.

use super::{Finding, Rule, Severity};
use crate::form::ProactiveField;
use crate::report::{CellRef, Report};

/// Name endings of organs below the county level (FORMAT.md).
const TOWNSHIP_SUFFIXES: [&str; 5] = ["镇人民政府", "乡人民政府", "镇政府", "乡政府", "街道办事处"];

pub fn check(r: &Report, out: &mut Vec<Finding>) {
    let organ = r.organ.trim();
    if !TOWNSHIP_SUFFIXES.iter().any(|s| organ.ends_with(s)) {
        return;
    }
    let issued = CellRef::ProactiveField(ProactiveField::RulesIssued);
    let in_force = CellRef::ProactiveField(ProactiveField::RulesInForce);
    let (i, f) = (r.count(issued).unwrap_or(0), r.count(in_force).unwrap_or(0));
    if i > 0 || f > 0 {
        out.push(Finding {
            id: Rule::PlausibilityRules,
            severity: Severity::Info,
            cells: vec![issued, in_force, CellRef::Organ],
            message: format!(
                "{organ}是乡镇（街道），没有制定规章的权限，但“{}”一行填了{}{i}件、{}{f}件：本机关的文件通常应填在“{}”一行",
                ProactiveField::RulesIssued.row_label(),
                ProactiveField::RulesIssued.brief(),
                ProactiveField::RulesInForce.brief(),
                ProactiveField::NormativeIssued.row_label()
            ),
        });
    }
}
