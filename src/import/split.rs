//! Cells run together with no separator ("21710000218" = 217|1|0|0|0|0|218):
//! every way to cut a row's digits into its cells, so that the caller can keep
//! the cuts that satisfy the form's relations — and admit it when more than one does.

use super::cells::Piece;
use crate::report::Count;

/// No published count has more than nine digits (the checks flag anything
/// above 100 000 000 as impossible).
const MAX_DIGITS: usize = 9;

/// Every cut of `pieces` into exactly `k` cells. A piece is never joined with
/// its neighbour (a space or border separates them for sure); a blank stays
/// one blank cell; a number never starts with 0 unless it is 0. `None` when
/// there are more than `limit` cuts (or a piece is not a whole number): too
/// many to choose from honestly.
pub fn cuts(pieces: &[Piece], k: usize, limit: usize) -> Option<Vec<Vec<Count>>> {
    if pieces
        .iter()
        .any(|p| matches!(p, Piece::Num(s) if !s.bytes().all(|b| b.is_ascii_digit())))
    {
        return None;
    }
    // Cheap bounds first: each piece gives at least one cell, each digit at most one.
    let max_cells: usize = pieces.iter().map(|p| p.raw().len().max(1)).sum();
    let min_cells: usize = pieces
        .iter()
        .map(|p| match p {
            Piece::Num(s) => s.len().div_ceil(MAX_DIGITS),
            Piece::Blank => 1,
        })
        .sum();
    if k < min_cells || k > max_cells {
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    let mut current = Vec::with_capacity(k);
    let mut search = Search {
        pieces,
        k,
        limit,
        out: &mut out,
    };
    search.piece(0, &mut current).then_some(out)
}

struct Search<'a> {
    pieces: &'a [Piece],
    k: usize,
    limit: usize,
    out: &'a mut Vec<Vec<Count>>,
}

impl Search<'_> {
    /// Cut pieces[i..]; false when the limit was hit.
    fn piece(&mut self, i: usize, current: &mut Vec<Count>) -> bool {
        if i == self.pieces.len() {
            if current.len() == self.k {
                if self.out.len() >= self.limit {
                    return false;
                }
                self.out.push(current.clone());
            }
            return true;
        }
        match &self.pieces[i] {
            Piece::Blank => {
                current.push(None);
                let ok = self.piece(i + 1, current);
                current.pop();
                ok
            }
            Piece::Num(digits) => self.digits(i, digits.as_bytes(), 0, current),
        }
    }

    /// Cut the rest of piece `i`'s digits, from `at`.
    fn digits(&mut self, i: usize, d: &[u8], at: usize, current: &mut Vec<Count>) -> bool {
        if at == d.len() {
            return self.piece(i + 1, current);
        }
        let longest = if d[at] == b'0' {
            1
        } else {
            MAX_DIGITS.min(d.len() - at)
        };
        for len in 1..=longest {
            if !self.fits(i, at + len, current.len() + 1) {
                continue;
            }
            let n: u64 = std::str::from_utf8(&d[at..at + len])
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            current.push(Some(n));
            let ok = self.digits(i, d, at + len, current);
            current.pop();
            if !ok {
                return false;
            }
        }
        true
    }

    /// Whether `made` cells so far, with piece `i` consumed up to digit `at`,
    /// can still come to exactly k.
    fn fits(&self, i: usize, at: usize, made: usize) -> bool {
        let mut lo = made;
        let mut hi = made;
        for (j, p) in self.pieces.iter().enumerate().skip(i) {
            let len = match p {
                Piece::Num(s) if j == i => s.len() - at.min(s.len()),
                Piece::Num(s) => s.len(),
                Piece::Blank => {
                    lo += 1;
                    hi += 1;
                    continue;
                }
            };
            lo += len.div_ceil(MAX_DIGITS);
            hi += len;
        }
        lo <= self.k && self.k <= hi
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::AppRow;
    use crate::import::applications::adds_up;

    /// The cuts of a row of table B that satisfy its row total.
    fn with_total(cands: &[Vec<Count>]) -> Vec<Vec<Count>> {
        cands
            .iter()
            .filter(|c| {
                let pieces: Vec<Piece> = c
                    .iter()
                    .map(|n| n.map_or(Piece::Blank, |n| Piece::Num(n.to_string())))
                    .collect();
                adds_up(AppRow::Granted, &pieces)
            })
            .cloned()
            .collect()
    }

    fn pieces(s: &str) -> Vec<Piece> {
        s.split(' ')
            .map(|p| {
                if p == "-" {
                    Piece::Blank
                } else {
                    Piece::Num(p.into())
                }
            })
            .collect()
    }

    fn one(v: &[u64]) -> Vec<Count> {
        v.iter().map(|n| Some(*n)).collect()
    }

    #[test]
    fn the_row_total_picks_the_only_sensible_cut() {
        let all = cuts(&pieces("21710000218"), 7, 10_000).unwrap();
        assert!(all.len() > 1);
        assert_eq!(with_total(&all), [one(&[217, 1, 0, 0, 0, 0, 218])]);
    }

    #[test]
    fn spaces_are_kept_as_boundaries() {
        let all = cuts(&pieces("200 000121"), 7, 10_000).unwrap();
        assert_eq!(with_total(&all), [one(&[20, 0, 0, 0, 0, 1, 21])]);
        let all = cuts(&pieces("20 0 00 0 121"), 7, 10_000).unwrap();
        assert_eq!(with_total(&all), [one(&[20, 0, 0, 0, 0, 1, 21])]);
    }

    #[test]
    fn as_many_digits_as_cells_is_unambiguous() {
        assert_eq!(
            cuts(&pieces("1000001"), 7, 10).unwrap(),
            [one(&[1, 0, 0, 0, 0, 0, 1])]
        );
    }

    #[test]
    fn an_ambiguous_row_keeps_every_fitting_cut() {
        // 22|0|0|0|0|3|25 and 2|20|0|0|0|3|25 both add up: only the column
        // totals of the whole table can tell them apart.
        let all = cuts(&pieces("220000325"), 7, 10_000).unwrap();
        let fit = with_total(&all);
        assert_eq!(
            fit,
            [one(&[2, 20, 0, 0, 0, 3, 25]), one(&[22, 0, 0, 0, 0, 3, 25])]
        );
    }

    #[test]
    fn three_cells_without_a_total_are_ambiguous() {
        // 行政规范性文件 693665: 6|9|3665, 69|36|65, 693|66|5 …
        let all = cuts(&pieces("693665"), 3, 10_000).unwrap();
        assert!(all.len() > 1);
    }

    #[test]
    fn blanks_and_impossible_rows() {
        assert_eq!(
            cuts(&pieces("3 - 3"), 3, 10).unwrap(),
            [vec![Some(3), None, Some(3)]]
        );
        assert!(cuts(&pieces("12"), 3, 10).unwrap().is_empty());
        assert!(cuts(&pieces("1.5"), 1, 10).is_none());
        // Hundreds of digits: no cut has cells short enough.
        assert!(cuts(&pieces(&"7".repeat(500)), 7, 10).unwrap().is_empty());
        // Too many cuts to list: refused rather than guessed.
        assert!(cuts(&pieces(&"7".repeat(40)), 7, 100).is_none());
    }
}
