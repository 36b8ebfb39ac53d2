//! The official 勾稽关系 of tables B and C: `apps.balance`, `apps.row_total`,
//! `apps.outcome_total`, `appeals.total`.
//!
//! A rule that involves a blank cell is not evaluated: `value.blank` stands in
//! for it. Sums are taken in u128 so that absurd values cannot overflow.

use super::{Finding, Severity};
use crate::form::{AppCol, AppRow, AppealGroup, AppealPart};
use crate::report::{CellRef, Report};

pub fn check(r: &Report, out: &mut Vec<Finding>) {
    balance(r, out);
    row_totals(r, out);
    outcome_totals(r, out);
    appeal_totals(r, out);
}

/// The values of `cells`, or `None` when one of them is blank.
fn values(r: &Report, cells: &[CellRef]) -> Option<Vec<u128>> {
    cells.iter().map(|c| r.count(*c).map(u128::from)).collect()
}

fn difference(a: u128, b: u128) -> u128 {
    a.abs_diff(b)
}

/// 一 + 二 = 三（七）总计 + 四, per column (the note in the table's header).
fn balance(r: &Report, out: &mut Vec<Finding>) {
    use AppRow::*;
    for col in AppCol::ALL {
        let cells: Vec<_> = [NewReceived, CarriedOver, OutcomeTotal, CarriedForward]
            .into_iter()
            .map(|row| CellRef::App(row, col))
            .collect();
        let Some(v) = values(r, &cells) else { continue };
        let (left, right) = (v[0] + v[1], v[2] + v[3]);
        if left != right {
            out.push(Finding {
                id: "apps.balance",
                severity: Severity::Error,
                cells,
                message: format!(
                    "三、{}列：第一项({})+第二项({})={left}，第三项总计({})+第四项({})={right}，相差{}",
                    col.label(),
                    v[0],
                    v[1],
                    v[2],
                    v[3],
                    difference(left, right)
                ),
            });
        }
    }
}

/// 总计 = the six applicant columns, per row.
fn row_totals(r: &Report, out: &mut Vec<Finding>) {
    for row in AppRow::ALL {
        let cells: Vec<_> = AppCol::ALL.iter().map(|c| CellRef::App(row, *c)).collect();
        let Some(v) = values(r, &cells) else { continue };
        let (parts, total) = v.split_at(6);
        let sum: u128 = parts.iter().sum();
        if sum != total[0] {
            let terms: Vec<_> = AppCol::APPLICANTS
                .iter()
                .zip(parts)
                .map(|(c, n)| format!("{}({n})", c.label()))
                .collect();
            out.push(Finding {
                id: "apps.row_total",
                severity: Severity::Error,
                // The total first: that is the cell the clerk most likely mistyped.
                cells: cells[6..].iter().chain(&cells[..6]).copied().collect(),
                message: format!(
                    "{}：{}={sum}，总计为{}，相差{}",
                    row.full_label(),
                    terms.join("+"),
                    total[0],
                    difference(sum, total[0])
                ),
            });
        }
    }
}

/// 三（七）总计 = the 21 outcome rows （一）…（六）, per column.
fn outcome_totals(r: &Report, out: &mut Vec<Finding>) {
    for col in AppCol::ALL {
        let total_cell = CellRef::App(AppRow::OutcomeTotal, col);
        let cells: Vec<_> = std::iter::once(total_cell)
            .chain(AppRow::outcomes().map(|row| CellRef::App(row, col)))
            .collect();
        let Some(v) = values(r, &cells) else { continue };
        let sum: u128 = v[1..].iter().sum();
        if sum != v[0] {
            // Name the rows that hold something, so the clerk sees what was added.
            let filled: Vec<_> = AppRow::outcomes()
                .zip(&v[1..])
                .filter(|(_, n)| **n > 0)
                .map(|(row, n)| format!("{}({n})", row.short_label()))
                .collect();
            let detail = if filled.is_empty() {
                String::new()
            } else {
                format!("：{}", filled.join("+"))
            };
            out.push(Finding {
                id: "apps.outcome_total",
                severity: Severity::Error,
                cells,
                message: format!(
                    "三、{}列：办理结果（一）至（六）之和为{sum}{detail}，（七）总计为{}，相差{}",
                    col.label(),
                    v[0],
                    difference(sum, v[0])
                ),
            });
        }
    }
}

/// 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, per group of table C.
fn appeal_totals(r: &Report, out: &mut Vec<Finding>) {
    for group in AppealGroup::ALL {
        let cells: Vec<_> = std::iter::once(AppealPart::Total)
            .chain(AppealPart::ADDENDS)
            .map(|p| CellRef::Appeal(group, p))
            .collect();
        let Some(v) = values(r, &cells) else { continue };
        let sum: u128 = v[1..].iter().sum();
        if sum != v[0] {
            let terms: Vec<_> = AppealPart::ADDENDS
                .iter()
                .zip(&v[1..])
                .map(|(p, n)| format!("{}({n})", p.label()))
                .collect();
            out.push(Finding {
                id: "appeals.total",
                severity: Severity::Error,
                cells,
                message: format!(
                    "四、{}：{}={sum}，总计为{}，相差{}",
                    group.full_label(),
                    terms.join("+"),
                    v[0],
                    difference(sum, v[0])
                ),
            });
        }
    }
}
