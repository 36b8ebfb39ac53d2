//! On random reports, the four arithmetic rules report exactly the failing
//! columns, rows and groups — computed here independently, straight from the
//! definitions in FORMAT.md.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use nianbao::checks;
use nianbao::form::{AppCol, AppRow, AppealGroup, AppealPart};
use nianbao::report::{CellRef, Report};
use proptest::prelude::*;

/// A report whose figures are random but often consistent: each cell is either
/// derived from its addends (as a careful clerk would) or a random slip.
fn report() -> impl Strategy<Value = Report> {
    (
        prop::collection::vec(0u64..4, 25 * 7),
        prop::collection::vec(any::<bool>(), 25 + 7 * 2),
        prop::collection::vec(0u64..4, 15),
        prop::collection::vec(any::<bool>(), 3),
    )
        .prop_map(|(cells, consistent, appeals, appeals_ok)| {
            let mut r = nianbao::assets::sample();
            for row in AppRow::ALL {
                for col in AppCol::ALL {
                    *r.applications.get_mut(row, col) = Some(cells[row.index() * 7 + col.index()]);
                }
            }
            // Make the outcome total, then carried_forward, then row totals
            // consistent for some columns/rows.
            for col in AppCol::APPLICANTS {
                if consistent[25 + col.index()] {
                    let sum = AppRow::outcomes()
                        .map(|row| r.applications.get(row, col).unwrap())
                        .sum();
                    *r.applications.get_mut(AppRow::OutcomeTotal, col) = Some(sum);
                }
                if consistent[32 + col.index()] {
                    let get = |row| r.applications.get(row, col).unwrap();
                    let got = get(AppRow::NewReceived) + get(AppRow::CarriedOver);
                    let done = get(AppRow::OutcomeTotal);
                    if got >= done {
                        *r.applications.get_mut(AppRow::CarriedForward, col) = Some(got - done);
                    }
                }
            }
            for row in AppRow::ALL {
                if consistent[row.index()] {
                    let sum = AppCol::APPLICANTS
                        .iter()
                        .map(|c| r.applications.get(row, *c).unwrap())
                        .sum();
                    *r.applications.get_mut(row, AppCol::Total) = Some(sum);
                }
            }
            for (i, g) in AppealGroup::ALL.into_iter().enumerate() {
                for (j, p) in AppealPart::ALL.into_iter().enumerate() {
                    *r.appeals.get_mut(g, p) = Some(appeals[i * 5 + j]);
                }
                if appeals_ok[i] {
                    let sum = AppealPart::ADDENDS
                        .iter()
                        .map(|p| r.appeals.get(g, *p).unwrap())
                        .sum();
                    *r.appeals.get_mut(g, AppealPart::Total) = Some(sum);
                }
            }
            r
        })
}

fn v(r: &Report, row: AppRow, col: AppCol) -> u64 {
    r.applications.get(row, col).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arithmetic_rules_report_exactly_what_fails(r in report()) {
        let findings = checks::run(&r, None, &|_| true);
        let first_cells = |id: &str| -> BTreeSet<CellRef> {
            findings.iter().filter(|f| f.id == id).map(|f| f.cells[0]).collect()
        };

        let balance: BTreeSet<_> = AppCol::ALL.into_iter()
            .filter(|c| v(&r, AppRow::NewReceived, *c) + v(&r, AppRow::CarriedOver, *c)
                != v(&r, AppRow::OutcomeTotal, *c) + v(&r, AppRow::CarriedForward, *c))
            .map(|c| CellRef::App(AppRow::NewReceived, c))
            .collect();
        prop_assert_eq!(first_cells("apps.balance"), balance);

        let rows: BTreeSet<_> = AppRow::ALL.into_iter()
            .filter(|row| AppCol::APPLICANTS.iter().map(|c| v(&r, *row, *c)).sum::<u64>()
                != v(&r, *row, AppCol::Total))
            .map(|row| CellRef::App(row, AppCol::Total))
            .collect();
        prop_assert_eq!(first_cells("apps.row_total"), rows);

        let outcomes: BTreeSet<_> = AppCol::ALL.into_iter()
            .filter(|c| AppRow::outcomes().map(|row| v(&r, row, *c)).sum::<u64>()
                != v(&r, AppRow::OutcomeTotal, *c))
            .map(|c| CellRef::App(AppRow::OutcomeTotal, c))
            .collect();
        prop_assert_eq!(first_cells("apps.outcome_total"), outcomes);

        let groups: BTreeSet<_> = AppealGroup::ALL.into_iter()
            .filter(|g| AppealPart::ADDENDS.iter().map(|p| r.appeals.get(*g, *p).unwrap()).sum::<u64>()
                != r.appeals.get(*g, AppealPart::Total).unwrap())
            .map(|g| CellRef::Appeal(g, AppealPart::Total))
            .collect();
        prop_assert_eq!(first_cells("appeals.total"), groups);

        // Every finding of these rules is an error and says how far off it is.
        for f in findings.iter().filter(|f| f.id.id().starts_with("apps.") || f.id == "appeals.total") {
            prop_assert_eq!(f.severity, checks::Severity::Error);
            prop_assert!(f.message.contains("相差"), "{}", f.message);
        }
    }
}
