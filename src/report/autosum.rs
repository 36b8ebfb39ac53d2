//! 自动合计: the totals the editor fills in when the clerk edits a figure that
//! feeds them. Never applied on opening or importing a file — a published
//! report's own totals are what the checks must see.

use super::{CellRef, Count, Report};
use crate::form::{AppCol, AppRow, AppealPart};

/// The sum of the filled cells, or `None` when none is filled.
fn sum(values: impl IntoIterator<Item = Count>) -> Count {
    values
        .into_iter()
        .flatten()
        .fold(None, |acc, v| Some(acc.unwrap_or(0).saturating_add(v)))
}

/// Update the totals that `edited` feeds; returns the cells that changed.
pub fn after_edit(r: &mut Report, edited: CellRef) -> Vec<CellRef> {
    let mut changed = Vec::new();
    let mut set = |r: &mut Report, cell: CellRef, v: Count| {
        if let Some(slot) = r.count_mut(cell)
            && v.is_some()
            && *slot != v
        {
            *slot = v;
            changed.push(cell);
        }
    };
    match edited {
        CellRef::App(row, col) => {
            let row_total = |r: &Report, row: AppRow| {
                sum(AppCol::APPLICANTS
                    .iter()
                    .map(|c| r.applications.get(row, *c)))
            };
            let is_outcome = AppRow::outcomes().any(|o| o == row);
            if col != AppCol::Total {
                let v = row_total(r, row);
                set(r, CellRef::App(row, AppCol::Total), v);
            }
            if is_outcome {
                // The edited column's （七）总计, and the 总计 column's, which the
                // row total above may just have changed.
                for c in [col, AppCol::Total] {
                    let v = sum(AppRow::outcomes().map(|o| r.applications.get(o, c)));
                    set(r, CellRef::App(AppRow::OutcomeTotal, c), v);
                }
            }
        }
        CellRef::Appeal(group, part) if part != AppealPart::Total => {
            let v = sum(AppealPart::ADDENDS.iter().map(|p| r.appeals.get(group, *p)));
            set(r, CellRef::Appeal(group, AppealPart::Total), v);
        }
        _ => {}
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::AppealGroup;

    #[test]
    fn an_outcome_fills_its_row_and_column_totals() {
        let mut r = Report::new("某局", 2024);
        *r.applications.get_mut(AppRow::Granted, AppCol::Research) = Some(3);
        let changed = after_edit(&mut r, CellRef::App(AppRow::Granted, AppCol::Research));
        assert_eq!(r.applications.get(AppRow::Granted, AppCol::Total), Some(3));
        assert_eq!(
            r.applications.get(AppRow::OutcomeTotal, AppCol::Research),
            Some(3)
        );
        assert_eq!(
            r.applications.get(AppRow::OutcomeTotal, AppCol::Total),
            Some(3)
        );
        assert_eq!(changed.len(), 3);
        // Blank neighbours stay blank: value.blank still reports them.
        assert_eq!(
            r.applications.get(AppRow::Granted, AppCol::Commercial),
            None
        );
    }

    #[test]
    fn editing_a_total_changes_nothing_else() {
        let mut r = Report::new("某局", 2024);
        *r.applications.get_mut(AppRow::NewReceived, AppCol::Total) = Some(9);
        assert!(after_edit(&mut r, CellRef::App(AppRow::NewReceived, AppCol::Total)).is_empty());
        *r.appeals.get_mut(AppealGroup::Review, AppealPart::Total) = Some(2);
        assert!(
            after_edit(
                &mut r,
                CellRef::Appeal(AppealGroup::Review, AppealPart::Total)
            )
            .is_empty()
        );
    }

    #[test]
    fn appeals_total() {
        let mut r = Report::new("某局", 2024);
        *r.appeals
            .get_mut(AppealGroup::SuitDirect, AppealPart::Pending) = Some(2);
        after_edit(
            &mut r,
            CellRef::Appeal(AppealGroup::SuitDirect, AppealPart::Pending),
        );
        assert_eq!(
            r.appeals.get(AppealGroup::SuitDirect, AppealPart::Total),
            Some(2)
        );
    }
}
