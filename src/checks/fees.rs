//! Section 六 and the 信息处理费 (国办函〔2020〕109号): `fee.statement`, `fee.notice`.

use super::text::{clauses, figures};
use super::{Finding, Rule, Severity};
use crate::form::relations::{self, Relation};
use crate::form::{AppCol, AppRow, Section};
use crate::report::{CellRef, Report};

pub fn check(r: &Report, out: &mut Vec<Finding>) {
    statement(r, out);
    notice(r, out);
}

/// 六 must say whether a processing fee was charged.
fn statement(r: &Report, out: &mut Vec<Finding>) {
    let text = &r.other_matters;
    if !text.contains("处理费") && !text.contains("收费") {
        out.push(Finding {
            id: Rule::FeeStatement,
            severity: Severity::Warning,
            cells: vec![CellRef::OtherMatters],
            message: format!(
                "{}没有说明信息处理费的收取情况：未收取的，请写明“本年度未收取信息处理费”",
                Section::OtherMatters.heading()
            ),
        });
    }
}

/// Fee notices were issued (三（六）2 > 0) but 六 gives no count or amount.
fn notice(r: &Report, out: &mut Vec<Finding>) {
    let row = AppRow::OtherNoFee;
    let sum = Relation::RowTotal(row);
    // The total column if filled, else what the applicant columns add up to
    // (exactly: huge figures must not overflow).
    let issued = match sum.total().and_then(|t| r.count(t.into())) {
        Some(n) => u128::from(n),
        None => relations::sum(sum.addends().into_iter().filter_map(|f| r.count(f.into()))),
    };
    if issued == 0 {
        return;
    }
    let stated = clauses(&r.other_matters)
        .filter(|c| c.contains("收费通知") || c.contains("处理费"))
        .any(|c| !figures(c, &["件", "份", "次", "元", "万元"]).is_empty());
    if !stated {
        out.push(Finding {
            id: Rule::FeeNotice,
            severity: Severity::Warning,
            cells: vec![CellRef::OtherMatters, CellRef::App(row, AppCol::Total)],
            message: format!(
                "“{}”为{issued}件，说明发出过收费通知，但{}没有写明收费通知的件数或收取的处理费金额：请补充",
                row.full_label(),
                Section::OtherMatters.heading()
            ),
        });
    }
}
