//! Choosing among the readings of a table's figures: "never a wrong number".
//!
//! A row whose digits ran together ("220000325"), or whose cells could sit in
//! more than one column (empty border cells of merged columns), has several
//! readings. A cell gets a figure only when every reading the document allows
//! gives it the same one. Allowed are the readings under which every
//! published sum that can hold at all does hold (the form's relations,
//! `form::relations`), and that agree with the figures the narrative states.
//! Where the sums contradict each other, they decide nothing; where readings
//! still differ in a cell, it stays blank and the summary says why.

use super::cells::Piece;
use super::summary::{Basis, ImportSummary};
use crate::report::{CellRef, Count};

/// Per cell, the piece every reading gives it, or `None` where they differ
/// (or there is no reading).
pub fn agreed(readings: &[&Vec<Piece>], k: usize) -> Vec<Option<Piece>> {
    (0..k)
        .map(|i| {
            let first = readings.first()?.get(i)?;
            readings
                .iter()
                .all(|r| r.get(i) == Some(first))
                .then(|| first.clone())
        })
        .collect()
}

/// A piece as a count: a blank is `None`; a number that is no count (a
/// decimal, a figure beyond 64 bits) is `Err` with its text.
pub fn count(p: &Piece) -> Result<Count, &str> {
    match p {
        Piece::Blank => Ok(None),
        Piece::Num(s) => s.parse().map(Some).map_err(|_| s.as_str()),
    }
}

/// Settle each of `cells` on the piece every allowed reading gives it
/// (`decided`): a count goes in through `put` (read by position where every
/// reading agreed, `by_position`, else by the sums), a blank stays blank, a
/// piece that is no count is left unplaced with its text. `name` names the
/// row in reasons. Returns the cells the readings leave open.
pub fn settle(
    cells: &[CellRef],
    decided: &[Option<Piece>],
    by_position: &[Option<Piece>],
    name: &str,
    summary: &mut ImportSummary,
    mut put: impl FnMut(CellRef, u64),
) -> Vec<CellRef> {
    let mut open = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        match decided.get(i).and_then(Option::as_ref) {
            Some(piece) => match count(piece) {
                Ok(Some(n)) => {
                    put(*cell, n);
                    let basis = match by_position.get(i) {
                        Some(Some(_)) => Basis::Position,
                        _ => Basis::Sum,
                    };
                    summary.read_cell(*cell, basis);
                }
                Ok(None) => summary.blank_cell(*cell),
                Err(s) => summary.unplace(vec![*cell], format!("{name}：“{s}”不是件数")),
            },
            None => open.push(*cell),
        }
    }
    open
}

/// Which readings of each unit (a row, a group) take part in a combination
/// — one reading per unit — under which every relation that holds under some
/// combination holds. `sizes[u]` is how many readings unit `u` has;
/// `holding(pick)` gives, as bits, the relations that hold when unit `u`
/// takes its reading `pick[u]`. A relation that holds under no combination
/// (the page's own error) tells nothing; relations that cannot all hold
/// together decide nothing: then every reading stays. `None` when there are
/// more than `limit` combinations — too many to weigh.
pub fn consistent(
    sizes: &[usize],
    limit: usize,
    holding: impl Fn(&[usize]) -> u64,
) -> Option<Vec<Vec<bool>>> {
    let total = combinations(sizes, limit)?;
    // Each combination is weighed once; the second walk reads its bits.
    let mut holds = Vec::with_capacity(total);
    each_combination(sizes, total, |pick| holds.push(holding(pick)));
    let can_hold = holds.iter().fold(0u64, |m, h| m | h);
    let mut keep: Vec<Vec<bool>> = sizes.iter().map(|n| vec![false; *n]).collect();
    let mut any = false;
    let mut k = 0;
    each_combination(sizes, total, |pick| {
        let h = holds[k];
        k += 1;
        if h == can_hold {
            any = true;
            for (u, r) in pick.iter().enumerate() {
                keep[u][*r] = true;
            }
        }
    });
    if !any {
        return Some(sizes.iter().map(|n| vec![true; *n]).collect());
    }
    Some(keep)
}

/// How many combinations of one reading per unit there are, if at most
/// `limit`: past it, there are too many to weigh.
pub fn combinations(sizes: &[usize], limit: usize) -> Option<usize> {
    sizes
        .iter()
        .try_fold(1usize, |acc, n| acc.checked_mul(*n))
        .filter(|n| *n <= limit)
}

/// Call `f` with every combination (odometer order).
fn each_combination(sizes: &[usize], total: usize, mut f: impl FnMut(&[usize])) {
    let mut pick = vec![0usize; sizes.len()];
    for _ in 0..total {
        f(&pick);
        for u in 0..sizes.len() {
            pick[u] += 1;
            if pick[u] < sizes[u] {
                break;
            }
            pick[u] = 0;
        }
    }
}

/// A reading as the summary quotes it: "22|0|空|3".
pub fn show(cells: &[Option<Piece>]) -> String {
    cells
        .iter()
        .map(|c| match c {
            Some(Piece::Num(s)) => s.clone(),
            Some(Piece::Blank) => "空".into(),
            None => "?".into(),
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// A whole reading as the summary quotes it.
pub fn show_all(cells: &[Piece]) -> String {
    let cells: Vec<_> = cells.iter().cloned().map(Some).collect();
    show(&cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(v: &[&str]) -> Vec<Piece> {
        v.iter()
            .map(|s| {
                if s.is_empty() {
                    Piece::Blank
                } else {
                    Piece::Num(s.to_string())
                }
            })
            .collect()
    }

    #[test]
    fn only_what_every_reading_says_is_kept() {
        let a = r(&["22", "0", "3"]);
        let b = r(&["2", "20", "3"]);
        assert_eq!(
            agreed(&[&a, &b], 3),
            [None, None, Some(Piece::Num("3".into()))]
        );
        assert_eq!(agreed(&[], 2), [None, None]);
    }

    #[test]
    fn a_sum_that_can_hold_decides_one_that_cannot_does_not() {
        // Unit 0 has two readings; relation bit 0 holds only under the
        // second, bit 1 under none: the second alone is consistent.
        let keep = consistent(&[2], 10, |p| if p[0] == 1 { 1 } else { 0 }).unwrap();
        assert_eq!(keep, [vec![false, true]]);
        // Bit 0 holds under reading 0, bit 1 under reading 1: they contradict
        // each other, so both readings stay.
        let keep = consistent(&[2], 10, |p| 1 << p[0]).unwrap();
        assert_eq!(keep, [vec![true, true]]);
        // Too many combinations: nothing is weighed.
        assert!(consistent(&[100, 100, 100], 10_000, |_| 0).is_none());
    }
}
