//! The official 勾稽关系 of tables B and C: `apps.balance`, `apps.row_total`,
//! `apps.outcome_total`, `appeals.total` — one finding per failing relation
//! of `form::relations`.
//!
//! A rule that involves a blank cell is not evaluated: `value.blank` stands in
//! for it. Sums are the form's exact ones, so absurd values cannot overflow.

use super::{Finding, Rule, Severity};
use crate::form::relations::{BALANCE_IN, BALANCE_OUT, Evaluation};
use crate::form::{AppCol, AppRow, AppealGroup, AppealPart, Relation, Section};
use crate::report::{CellRef, Report};

pub fn check(r: &Report, out: &mut Vec<Finding>) {
    // The balances, the row totals, the outcome totals, the appeal groups:
    // the order of FORMAT.md, each in form order.
    for relation in Relation::all() {
        let Some(e) = relation.evaluate(|f| r.count(f.into())) else {
            continue;
        };
        if e.holds() {
            continue;
        }
        let (id, message) = match relation {
            Relation::Balance(col) => (Rule::AppsBalance, balance(col, &e)),
            Relation::RowTotal(row) => (Rule::AppsRowTotal, row_total(row, &e)),
            Relation::OutcomeTotal(col) => (Rule::AppsOutcomeTotal, outcome_total(col, &e)),
            Relation::AppealTotal(g) => (Rule::AppealsTotal, appeal_total(g, &e)),
        };
        out.push(Finding {
            id,
            severity: Severity::Error,
            // The total first (that is the cell the clerk most likely
            // mistyped), or 一、二 then 三、四 of a balance.
            cells: relation.figures().into_iter().map(CellRef::from).collect(),
            message,
        });
    }
}

/// 一 + 二 = 三（七）总计 + 四, per column (the note in the table's header).
fn balance(col: AppCol, e: &Evaluation) -> String {
    // "第一项(3)+第二项(0)", "第三项总计(2)+第四项(0)".
    let side = |rows: [AppRow; 2], values: &[u64]| {
        rows.iter()
            .zip(values)
            .map(|(row, n)| {
                let total = if *row == AppRow::OutcomeTotal {
                    AppCol::Total.label()
                } else {
                    ""
                };
                format!("{}{total}({n})", row.item())
            })
            .collect::<Vec<_>>()
            .join("+")
    };
    format!(
        "{}{}列：{}={}，{}={}，相差{}",
        Section::Applications.ordinal(),
        col.label(),
        side(BALANCE_IN, &e.left),
        e.left_sum,
        side(BALANCE_OUT, &e.right),
        e.right_sum,
        e.difference()
    )
}

/// 总计 = the six applicant columns, per row.
fn row_total(row: AppRow, e: &Evaluation) -> String {
    let terms: Vec<_> = AppCol::APPLICANTS
        .iter()
        .zip(&e.right)
        .map(|(c, n)| format!("{}({n})", c.label()))
        .collect();
    format!(
        "{}：{}={}，{}为{}，相差{}",
        row.full_label(),
        terms.join("+"),
        e.right_sum,
        AppCol::Total.label(),
        e.left_sum,
        e.difference()
    )
}

/// 三（七）总计 = the 21 outcome rows （一）…（六）, per column.
fn outcome_total(col: AppCol, e: &Evaluation) -> String {
    // Name the rows that hold something, so the clerk sees what was added.
    let filled: Vec<_> = AppRow::outcomes()
        .zip(&e.right)
        .filter(|(_, n)| **n > 0)
        .map(|(row, n)| format!("{}({n})", row.short_label()))
        .collect();
    let detail = if filled.is_empty() {
        String::new()
    } else {
        format!("：{}", filled.join("+"))
    };
    format!(
        "{}{}列：{}（一）至（六）之和为{}{detail}，{}为{}，相差{}",
        Section::Applications.ordinal(),
        col.label(),
        AppRow::OutcomeTotal.brief(),
        e.right_sum,
        AppRow::OutcomeTotal.short_label(),
        e.left_sum,
        e.difference()
    )
}

/// 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, per group of table C.
fn appeal_total(group: AppealGroup, e: &Evaluation) -> String {
    let terms: Vec<_> = AppealPart::ADDENDS
        .iter()
        .zip(&e.right)
        .map(|(p, n)| format!("{}({n})", p.label()))
        .collect();
    format!(
        "{}{}：{}={}，{}为{}，相差{}",
        Section::Appeals.ordinal(),
        group.full_label(),
        terms.join("+"),
        e.right_sum,
        AppealPart::Total.label(),
        e.left_sum,
        e.difference()
    )
}
