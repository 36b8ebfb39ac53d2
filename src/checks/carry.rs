//! The rules that need last year's report: `carry.prior_year` and
//! `proactive.in_force`.
//!
//! What last year carried forward is what this year carries over, column by
//! column; and the rules in force are last year's plus those issued less
//! those repealed (提示 only: a clean-up or a revision can change the count
//! without an issue or a repeal). Blank cells are left to `value.blank`.

use super::{Finding, Rule, Severity};
use crate::form::{AppCol, AppRow, ProactiveField};
use crate::report::{CellRef, Report};

pub fn check(r: &Report, prior: &Report, out: &mut Vec<Finding>) {
    carried_over(r, prior, out);
    in_force(r, prior, out);
}

fn carried_over(r: &Report, prior: &Report, out: &mut Vec<Finding>) {
    for col in AppCol::ALL {
        let here = CellRef::App(AppRow::CarriedOver, col);
        let there = CellRef::App(AppRow::CarriedForward, col);
        let (Some(now), Some(last)) = (r.count(here), prior.count(there)) else {
            continue;
        };
        if now != last {
            out.push(Finding {
                id: Rule::CarryPriorYear,
                severity: Severity::Warning,
                cells: vec![here],
                message: format!(
                    "{}列：本年“{}”为{now}，{}年年报“{}”为{last}，相差{}；两者应相等",
                    col.label(),
                    AppRow::CarriedOver.full_label(),
                    prior.year,
                    AppRow::CarriedForward.full_label(),
                    now.abs_diff(last)
                ),
            });
        }
    }
}

fn in_force(r: &Report, prior: &Report, out: &mut Vec<Finding>) {
    use ProactiveField::*;
    for (issued, repealed, in_force) in [
        (RulesIssued, RulesRepealed, RulesInForce),
        (NormativeIssued, NormativeRepealed, NormativeInForce),
    ] {
        let cells = [in_force, issued, repealed].map(CellRef::ProactiveField);
        let (Some(now), Some(i), Some(x), Some(last)) = (
            r.count(cells[0]),
            r.count(cells[1]),
            r.count(cells[2]),
            prior.count(cells[0]),
        ) else {
            continue;
        };
        // Signed and wide: more repealed than ever were in force must not wrap.
        let expected = i128::from(last) + i128::from(i) - i128::from(x);
        if i128::from(now) != expected {
            out.push(Finding {
                id: Rule::ProactiveInForce,
                severity: Severity::Info,
                cells: cells.to_vec(),
                message: format!(
                    "“{}”为{now}，而{}年{}({last})+{}({i})−{}({x})={expected}，相差{}；如有清理、修订等其他变化，可不理会",
                    in_force.full_label(),
                    prior.year,
                    in_force.brief(),
                    issued.brief(),
                    repealed.brief(),
                    (i128::from(now) - expected).unsigned_abs()
                ),
            });
        }
    }
}
