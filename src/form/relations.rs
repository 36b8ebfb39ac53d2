//! The form's 勾稽关系 as data: which figures add up to which. The checks'
//! four arithmetic rules, 自动合计 and the importer's choice between splits
//! of run-together digits all read these relations, and all add in the one
//! arithmetic below, which cannot overflow.
//!
//! Table B: 一 + 二 = 三（七）总计 + 四 in each column (the note in the
//! table's header); 总计 = the six applicant columns in each row;
//! 三（七）总计 = the 21 outcome rows （一）…（六） in each column.
//! Table C: each group's 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

use super::{AppCol, AppRow, AppealGroup, AppealPart, Figure};

/// The rows of table B's balance, in the words of its header note:
/// 第一项加第二项之和 …
pub const BALANCE_IN: [AppRow; 2] = [AppRow::NewReceived, AppRow::CarriedOver];
/// … 等于第三项加第四项之和 (第三项 by its （七）总计).
pub const BALANCE_OUT: [AppRow; 2] = [AppRow::OutcomeTotal, AppRow::CarriedForward];

/// One relation of the form: the figures of its left side add up to those of
/// its right side. A sum has one figure on the left, its total.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    /// 一 + 二 = 三（七）总计 + 四, in one column of table B.
    Balance(AppCol),
    /// 总计 = the six applicant columns, in one row of table B.
    RowTotal(AppRow),
    /// 三（七）总计 = the 21 outcome rows （一）…（六）, in one column of table B.
    OutcomeTotal(AppCol),
    /// 总计 = its four parts, in one group of table C.
    AppealTotal(AppealGroup),
}

impl Relation {
    /// Every relation of the form: the balances, the row totals, the outcome
    /// totals, the appeal groups — each kind in form order.
    pub fn all() -> impl Iterator<Item = Relation> {
        let balances = AppCol::ALL.into_iter().map(Relation::Balance);
        let rows = AppRow::ALL.into_iter().map(Relation::RowTotal);
        let outcomes = AppCol::ALL.into_iter().map(Relation::OutcomeTotal);
        let appeals = AppealGroup::ALL.into_iter().map(Relation::AppealTotal);
        balances.chain(rows).chain(outcomes).chain(appeals)
    }

    /// Every sum: the relations that have a total.
    pub fn sums() -> impl Iterator<Item = Relation> {
        Relation::all().filter(|r| r.total().is_some())
    }

    /// The total cell, for a sum; `None` for a balance, whose sides are both sums.
    pub fn total(self) -> Option<Figure> {
        match self {
            Relation::Balance(_) => None,
            Relation::RowTotal(row) => Some(Figure::App(row, AppCol::Total)),
            Relation::OutcomeTotal(col) => Some(Figure::App(AppRow::OutcomeTotal, col)),
            Relation::AppealTotal(g) => Some(Figure::Appeal(g, AppealPart::Total)),
        }
    }

    /// The left side: the total of a sum, or 一 and 二 of a balance.
    pub fn left(self) -> Vec<Figure> {
        match self {
            Relation::Balance(col) => BALANCE_IN.map(|row| Figure::App(row, col)).to_vec(),
            _ => self.total().into_iter().collect(),
        }
    }

    /// The right side: the addends of a sum, or 三（七）总计 and 四 of a balance.
    pub fn right(self) -> Vec<Figure> {
        match self {
            Relation::Balance(col) => BALANCE_OUT.map(|row| Figure::App(row, col)).to_vec(),
            Relation::RowTotal(row) => AppCol::APPLICANTS
                .iter()
                .map(|c| Figure::App(row, *c))
                .collect(),
            Relation::OutcomeTotal(col) => AppRow::outcomes()
                .map(|row| Figure::App(row, col))
                .collect(),
            Relation::AppealTotal(g) => AppealPart::ADDENDS
                .iter()
                .map(|p| Figure::Appeal(g, *p))
                .collect(),
        }
    }

    /// The addends of a sum (its right side); empty for a balance.
    pub fn addends(self) -> Vec<Figure> {
        if self.total().is_some() {
            self.right()
        } else {
            Vec::new()
        }
    }

    /// Every figure of the relation: the left side, then the right.
    pub fn figures(self) -> Vec<Figure> {
        let mut all = self.left();
        all.extend(self.right());
        all
    }

    /// The relation evaluated on figures given by `value`; `None` when one of
    /// them is blank (a rule that involves a blank cell is not evaluated).
    pub fn evaluate(self, value: impl Fn(Figure) -> Option<u64>) -> Option<Evaluation> {
        let side = |figures: Vec<Figure>| -> Option<Vec<u64>> {
            figures.into_iter().map(&value).collect()
        };
        let left = side(self.left())?;
        let right = side(self.right())?;
        Some(Evaluation {
            left_sum: sum(left.iter().copied()),
            right_sum: sum(right.iter().copied()),
            left,
            right,
        })
    }

    /// Whether the relation holds on the figures given by `value` (no: a blank).
    pub fn holds(self, value: impl Fn(Figure) -> Option<u64>) -> bool {
        self.evaluate(value).is_some_and(|e| e.holds())
    }
}

/// A relation's figures and its two sides' exact sums.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    /// The values of [`Relation::left`], in its order.
    pub left: Vec<u64>,
    /// The values of [`Relation::right`], in its order.
    pub right: Vec<u64>,
    pub left_sum: u128,
    pub right_sum: u128,
}

impl Evaluation {
    pub fn holds(&self) -> bool {
        self.left_sum == self.right_sum
    }

    /// How far apart the two sides are.
    pub fn difference(&self) -> u128 {
        self.left_sum.abs_diff(self.right_sum)
    }
}

/// The exact sum of counts. A u128 holds the sum of 2^64 values of u64::MAX,
/// so no sum of the form's figures — nor of any list a program can hold —
/// overflows, saturates or wraps.
pub fn sum(values: impl IntoIterator<Item = u64>) -> u128 {
    values.into_iter().map(u128::from).sum()
}

/// Whether `addends` add up to exactly `total`.
pub fn adds_up(total: u64, addends: impl IntoIterator<Item = u64>) -> bool {
    sum(addends) == u128::from(total)
}

/// A sum as a count, `None` when it is larger than any count can be: such a
/// total is never written as a wrong (saturated or wrapped) number.
pub fn as_count(sum: u128) -> Option<u64> {
    u64::try_from(sum).ok()
}

/// Whether `figure` is the total cell of some relation: the 总计 column, the
/// （七）总计 row, each 表四 group's 总计. 自动合计 fills these.
pub fn is_total(figure: Figure) -> bool {
    Relation::sums().any(|r| r.total() == Some(figure))
}

/// The relations `figure` takes part in, on either side.
pub fn relations_of(figure: Figure) -> impl Iterator<Item = Relation> {
    Relation::all().filter(move |r| r.figures().contains(&figure))
}

/// The sums `figure` is an addend of: those whose total it feeds.
pub fn sums_fed_by(figure: Figure) -> impl Iterator<Item = Relation> {
    Relation::sums().filter(move |r| r.right().contains(&figure))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn of_kind(pick: impl Fn(&Relation) -> bool) -> Vec<Relation> {
        Relation::all().filter(|r| pick(r)).collect()
    }

    /// FORMAT.md, "Cross-checks": one balance per column, one row total per
    /// row, one outcome total per column, one sum per group of table C.
    #[test]
    fn the_relations_are_those_format_md_names() {
        let balances = of_kind(|r| matches!(r, Relation::Balance(_)));
        let rows = of_kind(|r| matches!(r, Relation::RowTotal(_)));
        let outcomes = of_kind(|r| matches!(r, Relation::OutcomeTotal(_)));
        let appeals = of_kind(|r| matches!(r, Relation::AppealTotal(_)));
        assert_eq!(
            (balances.len(), rows.len(), outcomes.len(), appeals.len()),
            (7, 25, 7, 3)
        );
        assert_eq!(Relation::all().count(), 42);

        for r in &balances {
            let Relation::Balance(col) = *r else {
                unreachable!()
            };
            assert_eq!(r.total(), None);
            assert_eq!(
                r.left(),
                [
                    Figure::App(AppRow::NewReceived, col),
                    Figure::App(AppRow::CarriedOver, col)
                ]
            );
            assert_eq!(
                r.right(),
                [
                    Figure::App(AppRow::OutcomeTotal, col),
                    Figure::App(AppRow::CarriedForward, col)
                ]
            );
            assert!(r.addends().is_empty());
        }
        for r in &rows {
            let Relation::RowTotal(row) = *r else {
                unreachable!()
            };
            assert_eq!(r.total(), Some(Figure::App(row, AppCol::Total)));
            let cols: Vec<_> = r
                .addends()
                .iter()
                .map(|f| match f {
                    Figure::App(x, c) if *x == row => c.index(),
                    other => panic!("{other:?} is not in row {row:?}"),
                })
                .collect();
            assert_eq!(cols, [0, 1, 2, 3, 4, 5]);
        }
        for r in &outcomes {
            let Relation::OutcomeTotal(col) = *r else {
                unreachable!()
            };
            assert_eq!(r.total(), Some(Figure::App(AppRow::OutcomeTotal, col)));
            let addends = r.addends();
            assert_eq!(addends.len(), 21);
            // （一）予以公开 … （六）3.其他, every row between, in form order.
            let rows: Vec<usize> = addends
                .iter()
                .map(|f| match f {
                    Figure::App(row, c) if *c == col => row.index(),
                    other => panic!("{other:?} is not in column {col:?}"),
                })
                .collect();
            assert_eq!(
                rows,
                (AppRow::Granted.index()..=AppRow::OtherMisc.index()).collect::<Vec<_>>()
            );
        }
        for r in &appeals {
            let Relation::AppealTotal(g) = *r else {
                unreachable!()
            };
            assert_eq!(r.total(), Some(Figure::Appeal(g, AppealPart::Total)));
            let labels: Vec<_> = r
                .addends()
                .iter()
                .map(|f| match f {
                    Figure::Appeal(x, p) if *x == g => p.label(),
                    other => panic!("{other:?} is not in group {g:?}"),
                })
                .collect();
            assert_eq!(labels, ["结果维持", "结果纠正", "其他结果", "尚未审结"]);
        }
    }

    #[test]
    fn the_totals_are_the_total_column_the_seventh_outcome_and_the_appeal_totals() {
        let totals: BTreeSet<Figure> = Relation::sums().filter_map(Relation::total).collect();
        // 25 cells of the 总计 column, 6 more of （七）总计, 3 of table C.
        assert_eq!(totals.len(), 25 + 6 + 3);
        for f in crate::form::layout::applications()
            .figures()
            .chain(crate::form::layout::appeals().figures())
            .chain(crate::form::layout::proactive().figures())
            .filter_map(|c| match c.content {
                crate::form::layout::Content::Figure(f) => Some(f),
                _ => None,
            })
        {
            let expected = match f {
                Figure::App(row, col) => row == AppRow::OutcomeTotal || col == AppCol::Total,
                Figure::Appeal(_, p) => p == AppealPart::Total,
                Figure::Proactive(_) => false,
            };
            assert_eq!(is_total(f), expected, "{f:?}");
            assert_eq!(totals.contains(&f), expected, "{f:?}");
        }
    }

    #[test]
    fn a_figure_knows_the_sums_it_feeds() {
        let fed: Vec<_> = sums_fed_by(Figure::App(AppRow::Granted, AppCol::Research)).collect();
        assert_eq!(
            fed,
            [
                Relation::RowTotal(AppRow::Granted),
                Relation::OutcomeTotal(AppCol::Research)
            ]
        );
        // A row total of an outcome row feeds the 总计 column's （七）总计.
        let fed: Vec<_> = sums_fed_by(Figure::App(AppRow::Granted, AppCol::Total)).collect();
        assert_eq!(fed, [Relation::OutcomeTotal(AppCol::Total)]);
        // 一 feeds no sum, but takes part in its column's balance and its row's total.
        let new = Figure::App(AppRow::NewReceived, AppCol::Other);
        assert_eq!(sums_fed_by(new).count(), 1);
        assert_eq!(
            relations_of(new).collect::<Vec<_>>(),
            [
                Relation::Balance(AppCol::Other),
                Relation::RowTotal(AppRow::NewReceived)
            ]
        );
        assert_eq!(
            sums_fed_by(Figure::Appeal(AppealGroup::Review, AppealPart::Total)).count(),
            0
        );
    }

    #[test]
    fn sums_are_exact_far_beyond_u64() {
        // Saturating, these would be u64::MAX both; wrapping, 0 and u64::MAX - 1.
        assert_eq!(sum([u64::MAX, 1]), u128::from(u64::MAX) + 1);
        assert_ne!(sum([u64::MAX, 1]), sum([u64::MAX]));
        assert!(!adds_up(u64::MAX, [u64::MAX, 1]));
        assert!(!adds_up(0, [u64::MAX, 1]));
        assert!(adds_up(u64::MAX, [u64::MAX - 5, 2, 3]));
        assert_eq!(
            sum(std::iter::repeat_n(u64::MAX, 25)),
            u128::from(u64::MAX) * 25
        );
        assert_eq!(as_count(sum([u64::MAX, 1])), None);
        assert_eq!(as_count(sum([u64::MAX - 1, 1])), Some(u64::MAX));
    }

    #[test]
    fn evaluation_keeps_the_values_and_the_exact_difference() {
        let r = Relation::AppealTotal(AppealGroup::SuitDirect);
        let value = |f: Figure| match f {
            Figure::Appeal(_, AppealPart::Total) => Some(u64::MAX),
            Figure::Appeal(_, AppealPart::Pending) => None,
            _ => Some(u64::MAX),
        };
        assert_eq!(r.evaluate(value), None);
        assert!(!r.holds(value));
        let e = r
            .evaluate(|f| match f {
                Figure::Appeal(_, AppealPart::Total) => Some(u64::MAX),
                _ => Some(u64::MAX),
            })
            .expect("no blank");
        assert_eq!(e.left, [u64::MAX]);
        assert_eq!(e.right, [u64::MAX; 4]);
        assert_eq!(e.difference(), u128::from(u64::MAX) * 3);
        assert!(!e.holds());
    }
}
