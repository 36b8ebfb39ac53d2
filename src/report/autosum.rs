//! 自动合计: the totals the editor fills in when the clerk edits a figure that
//! feeds them. Never applied on opening or importing a file — a published
//! report's own totals are what the checks must see.

use super::{CellRef, Count, Report};
use crate::form::Figure;
use crate::form::relations::{self, Relation};

/// A sum's new total: the sum of its filled addends, `None` when none is
/// filled — or when the sum is larger than a count can be, where the total is
/// left as it was (the check then shows the exact sum) rather than written as
/// a wrong, saturated number.
fn total(r: &Report, sum: Relation) -> Count {
    let filled: Vec<u64> = sum
        .addends()
        .into_iter()
        .filter_map(|f| r.count(f.into()))
        .collect();
    if filled.is_empty() {
        return None;
    }
    relations::as_count(relations::sum(filled))
}

/// Update the totals that `edited` feeds; returns the cells that changed.
///
/// The sums the edited figure is an addend of get their totals recomputed,
/// then the sums those totals are addends of (an outcome row's 总计 feeds the
/// 总计 column's （七）总计), and so on. Each total is written once, by the
/// first sum that reaches it: the edited figure's own row and column come
/// before a total reached through another total.
pub fn after_edit(r: &mut Report, edited: CellRef) -> Vec<CellRef> {
    let mut changed = Vec::new();
    let Some(first) = edited.figure() else {
        return changed;
    };
    let mut reached: Vec<Figure> = vec![first];
    let mut queue = std::collections::VecDeque::from([first]);
    while let Some(figure) = queue.pop_front() {
        for sum in relations::sums_fed_by(figure) {
            let Some(target) = sum.total() else { continue };
            if reached.contains(&target) {
                continue;
            }
            reached.push(target);
            queue.push_back(target);
            let cell = CellRef::from(target);
            let v = total(r, sum);
            if let Some(slot) = r.count_mut(cell)
                && v.is_some()
                && *slot != v
            {
                *slot = v;
                changed.push(cell);
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{AppCol, AppRow, AppealGroup, AppealPart};

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

    #[test]
    fn a_column_total_follows_the_row_totals_it_is_made_of() {
        let mut r = Report::new("某局", 2024);
        *r.applications.get_mut(AppRow::Granted, AppCol::Total) = Some(4);
        let changed = after_edit(&mut r, CellRef::App(AppRow::Granted, AppCol::Total));
        assert_eq!(changed, [CellRef::App(AppRow::OutcomeTotal, AppCol::Total)]);
        assert_eq!(
            r.applications.get(AppRow::OutcomeTotal, AppCol::Total),
            Some(4)
        );
        // A (七)总计 typed by hand fills its row's 总计.
        *r.applications.get_mut(AppRow::OutcomeTotal, AppCol::Other) = Some(2);
        after_edit(&mut r, CellRef::App(AppRow::OutcomeTotal, AppCol::Other));
        assert_eq!(
            r.applications.get(AppRow::OutcomeTotal, AppCol::Total),
            Some(2)
        );
    }

    #[test]
    fn a_total_beyond_any_count_is_not_written_as_a_wrong_number() {
        let mut r = Report::new("某局", 2024);
        *r.applications.get_mut(AppRow::Granted, AppCol::Total) = Some(7);
        *r.applications
            .get_mut(AppRow::Granted, AppCol::NaturalPerson) = Some(u64::MAX);
        *r.applications.get_mut(AppRow::Granted, AppCol::Commercial) = Some(1);
        let changed = after_edit(&mut r, CellRef::App(AppRow::Granted, AppCol::Commercial));
        // Saturating, the 总计 would read u64::MAX: one less than the sum.
        assert_eq!(r.applications.get(AppRow::Granted, AppCol::Total), Some(7));
        assert_eq!(
            r.applications.get(AppRow::OutcomeTotal, AppCol::Commercial),
            Some(1)
        );
        assert_eq!(
            r.applications
                .get(AppRow::OutcomeTotal, AppCol::NaturalPerson),
            None
        );
        assert!(!changed.contains(&CellRef::App(AppRow::Granted, AppCol::Total)));
        // Just within a count, it is written exactly.
        *r.applications
            .get_mut(AppRow::Granted, AppCol::NaturalPerson) = Some(u64::MAX - 1);
        after_edit(&mut r, CellRef::App(AppRow::Granted, AppCol::NaturalPerson));
        assert_eq!(
            r.applications.get(AppRow::Granted, AppCol::Total),
            Some(u64::MAX)
        );
    }
}
