//! `plausibility.jump` (FORMAT.md): a headline figure that moved more than
//! fivefold from last year's — often a figure typed into the wrong row, a
//! missing or extra digit, or last year's figure left standing.
//!
//! Small counts move by chance, so the larger of the two must be at least
//! [`FLOOR`]; a zero counts (0 → 20 is a jump). The editor marks a cell that
//! moved sharply by this rule's findings, not by a rule of its own.

use super::{Finding, Rule, Severity};
use crate::form::{AppCol, AppRow, AppealGroup, AppealPart, ProactiveField};
use crate::report::{CellRef, Report};

/// The larger figure must be more than this many times the smaller.
const FACTOR: u128 = 5;
/// …and at least this large.
const FLOOR: u64 = 20;

/// The figures compared with last year's, in form order.
const CELLS: [CellRef; 10] = [
    CellRef::ProactiveField(ProactiveField::RulesIssued),
    CellRef::ProactiveField(ProactiveField::NormativeIssued),
    CellRef::ProactiveField(ProactiveField::Licensing),
    CellRef::ProactiveField(ProactiveField::Punishment),
    CellRef::ProactiveField(ProactiveField::Enforcement),
    CellRef::App(AppRow::NewReceived, AppCol::Total),
    CellRef::App(AppRow::OutcomeTotal, AppCol::Total),
    CellRef::Appeal(AppealGroup::Review, AppealPart::Total),
    CellRef::Appeal(AppealGroup::SuitDirect, AppealPart::Total),
    CellRef::Appeal(AppealGroup::SuitAfterReview, AppealPart::Total),
];

/// Whether `now` moved sharply from `last`. Wide, so that absurd values
/// neither overflow nor saturate into a false jump.
fn jumped(last: u64, now: u64) -> bool {
    let (small, large) = (last.min(now), last.max(now));
    large >= FLOOR && u128::from(large) > FACTOR * u128::from(small)
}

pub fn check(r: &Report, prior: &Report, out: &mut Vec<Finding>) {
    for cell in CELLS {
        let (Some(now), Some(last)) = (r.count(cell), prior.count(cell)) else {
            continue;
        };
        if jumped(last, now) {
            out.push(Finding {
                id: Rule::PlausibilityJump,
                severity: Severity::Info,
                cells: vec![cell],
                message: format!(
                    "“{}”本年为{now}，{}年年报为{last}，变化超过{FACTOR}倍：请核对是否填错行、多填或漏填了位数；如确实如此，可不理会",
                    cell.label(),
                    prior.year
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jump_is_more_than_fivefold_to_at_least_twenty() {
        assert!(jumped(0, 20));
        assert!(jumped(20, 0));
        assert!(jumped(4, 21));
        assert!(!jumped(4, 20), "exactly five times is not more");
        assert!(!jumped(0, 19), "small counts move by chance");
        assert!(!jumped(100, 400));
        assert!(jumped(u64::MAX, 1));
        assert!(!jumped(u64::MAX, u64::MAX / 4));
    }
}
