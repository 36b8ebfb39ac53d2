//! Cells left blank (`value.blank`) and values no real report can hold
//! (`value.invalid`).

use super::{Finding, Rule, Severity};
use crate::form::{ProactiveField, Section};
use crate::report::{CellRef, Report, is_decimal};

/// No organ handles a hundred million cases a year; a larger count is a slip
/// of the keyboard (or a pasted phone number).
pub const MAX_PLAUSIBLE_COUNT: u64 = 100_000_000;

const FEE: CellRef = CellRef::ProactiveField(ProactiveField::Fees);

/// `unplaced`: cells an importer left blank because nothing confirmed a
/// number — not blanks of the publisher's, so not listed here.
pub fn check(r: &Report, unplaced: &[CellRef], out: &mut Vec<Finding>) {
    blanks(r, unplaced, out);
    invalid(r, out);
}

/// The fee as the clerk wrote it, without surrounding spaces.
fn fee(r: &Report) -> &str {
    r.proactive.fees_wan_yuan.trim()
}

/// The fee is blank when empty or written the way published tables mark an
/// empty cell.
fn fee_is_blank(r: &Report) -> bool {
    matches!(fee(r), "" | "/" | "-" | "—" | "／")
}

fn is_blank(r: &Report, cell: CellRef) -> bool {
    if cell == FEE {
        fee_is_blank(r)
    } else {
        r.count(cell).is_none()
    }
}

/// One finding per table with blank cells, listing them all.
fn blanks(r: &Report, unplaced: &[CellRef], out: &mut Vec<Finding>) {
    for table in [Section::Proactive, Section::Applications, Section::Appeals] {
        let cells: Vec<_> = CellRef::table_cells()
            .filter(|c| c.section() == table && is_blank(r, *c) && !unplaced.contains(c))
            .collect();
        let Some(first) = cells.first() else { continue };
        let example = if cells.len() == 1 {
            format!("“{}”未填写", first.label())
        } else {
            format!("有{}格未填写（第一格是“{}”）", cells.len(), first.label())
        };
        out.push(Finding {
            id: Rule::ValueBlank,
            severity: Severity::Warning,
            cells,
            message: format!(
                "{}：{example}：没有发生的请填0；含空格的合计不作勾稽检查",
                table.heading()
            ),
        });
    }
}

fn invalid(r: &Report, out: &mut Vec<Finding>) {
    for cell in CellRef::table_cells() {
        if let Some(n) = r.count(cell).filter(|n| *n > MAX_PLAUSIBLE_COUNT) {
            out.push(Finding {
                id: Rule::ValueInvalid,
                severity: Severity::Error,
                cells: vec![cell],
                message: format!(
                    "“{}”为{n}，超过1亿，不可能是实际件数：请检查是否多输入了数字",
                    cell.label()
                ),
            });
        }
    }
    if !fee_is_blank(r) && !is_decimal(fee(r)) {
        out.push(Finding {
            id: Rule::ValueInvalid,
            severity: Severity::Error,
            cells: vec![FEE],
            message: format!(
                "“{}”填的是“{}”，不是金额：请只填数字（单位万元，可带小数，如 12.5）",
                FEE.label(),
                r.proactive.fees_wan_yuan
            ),
        });
    }
}
