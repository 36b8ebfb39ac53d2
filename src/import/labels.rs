//! Finding a label in the squeezed text, tolerating what published pages do
//! to labels: typos (其他法律行政止公开), a dropped or doubled character.
//! Spacing, width and traditional characters are already gone in the squeezed
//! form; what is left is matched by edit distance.

use super::text::Squeezed;

/// How far ahead of the cursor a label with a typo is looked for: labels of
/// one table follow each other closely, and the search stays cheap on huge input.
const FUZZY_WINDOW: usize = 600;

/// Where a label was found, in squeezed indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    /// Found only approximately (a typo); the summary says so.
    pub fuzzy: bool,
}

/// Edits allowed for a label of `len` characters: none for very short labels
/// (其他, 总计), where one edit would match almost anything.
fn allowed_edits(len: usize) -> usize {
    if len < 4 { 0 } else { len / 4 }
}

/// The first occurrence of `pat` in `sq[from..to]`: exactly, or with a few
/// edits when no exact one is close by.
pub fn find(sq: &Squeezed, pat: &[char], from: usize, to: usize) -> Option<Found> {
    let to = to.min(sq.len());
    let exact = find_exact(sq, pat, from, to);
    if let Some(e) = exact
        && e.start - from <= FUZZY_WINDOW
    {
        return Some(e);
    }
    if pat.is_empty() || from >= to {
        return None;
    }
    let k = allowed_edits(pat.len());
    if k > 0
        && let Some((start, end)) =
            approximate(&sq.chars[from..to.min(from + FUZZY_WINDOW)], pat, k)
    {
        return Some(Found {
            start: from + start,
            end: from + end,
            fuzzy: true,
        });
    }
    exact
}

/// The first exact occurrence of `pat` in `sq[from..to]`.
pub fn find_exact(sq: &Squeezed, pat: &[char], from: usize, to: usize) -> Option<Found> {
    let to = to.min(sq.len());
    if pat.is_empty() || from >= to {
        return None;
    }
    sq.find_before(pat, from, to)
        .filter(|s| s + pat.len() <= to)
        .map(|s| Found {
            start: s,
            end: s + pat.len(),
            fuzzy: false,
        })
}

/// Approximate matching (Sellers): the first place where `pat` matches a
/// substring of `text` with at most `k` edits, extended to the best end
/// nearby. Returns the substring's start and end.
///
/// Only the rows of each column that can still be within `k` are computed
/// (Ukkonen's cut-off): below the last row within `k`, every cost exceeds
/// `k`, and such a cell can neither match nor, on a tie, decide where a
/// match within `k` starts. Most windows hold no label, and this was the
/// importer's largest single cost.
fn approximate(text: &[char], pat: &[char], k: usize) -> Option<(usize, usize)> {
    let m = pat.len();
    // cost[i], start[i]: best alignment of pat[..i] ending at the current
    // text position; above `last + 1` a cost is only known to exceed `k`.
    let mut cost: Vec<usize> = (0..=m).collect();
    let mut start = vec![0usize; m + 1];
    // The last row whose cost is within `k`.
    let mut last = k.min(m);
    let mut best: Option<(usize, usize, usize)> = None; // (cost, start, end)
    for (j, &t) in text.iter().enumerate() {
        let mut prev_cost = cost[0];
        let mut prev_start = start[0];
        cost[0] = 0;
        start[0] = j + 1;
        let top = m.min(last + 1);
        for i in 1..=top {
            let diag = prev_cost + usize::from(pat[i - 1] != t);
            let diag_start = prev_start;
            prev_cost = cost[i];
            prev_start = start[i];
            // On a tie the later start wins: the shortest substring that matches.
            let (mut c, mut s) = (diag, diag_start);
            for (alt_c, alt_s) in [(cost[i] + 1, start[i]), (cost[i - 1] + 1, start[i - 1])] {
                if alt_c < c || (alt_c == c && alt_s > s) {
                    (c, s) = (alt_c, alt_s);
                }
            }
            cost[i] = c;
            start[i] = s;
        }
        // The row below the computed ones is read by the next column: it
        // is beyond `k` (a cost grows by at most one a row), so say just that.
        if top < m {
            cost[top + 1] = k + 1;
        }
        last = top;
        while cost[last] > k {
            last -= 1;
        }
        if top == m && cost[m] <= k && best.is_none_or(|(c, _, _)| cost[m] < c) {
            best = Some((cost[m], start[m], j + 1));
        }
        // Past the first match by more than a label's length: settle.
        if let Some((_, _, end)) = best
            && j + 1 >= end + m
        {
            break;
        }
    }
    best.map(|(_, s, e)| (s, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::{Text, squeeze};

    fn sq(s: &str) -> Squeezed {
        let t = Text::new(s);
        Squeezed::new(&t, 0, t.len())
    }

    #[test]
    fn typos_are_tolerated_in_long_labels_only() {
        let s = sq("1.属于国家秘密 1 0 2.其他法律行政止公开 0 0");
        let f = find(&s, &squeeze("其他法律行政法规禁止公开"), 0, s.len()).unwrap();
        assert!(f.fuzzy);
        let got: String = s.chars[f.start..f.end].iter().collect();
        assert_eq!(got, "其他法律行政止公开");
        assert!(find(&s, &squeeze("总计"), 0, s.len()).is_none());
    }

    /// The full table, every row of every column: what the cut-off must agree with.
    fn approximate_in_full(text: &[char], pat: &[char], k: usize) -> Option<(usize, usize)> {
        let m = pat.len();
        let mut cost: Vec<usize> = (0..=m).collect();
        let mut start = vec![0usize; m + 1];
        let mut best: Option<(usize, usize, usize)> = None;
        for (j, &t) in text.iter().enumerate() {
            let mut prev_cost = cost[0];
            let mut prev_start = start[0];
            cost[0] = 0;
            start[0] = j + 1;
            for i in 1..=m {
                let diag = prev_cost + usize::from(pat[i - 1] != t);
                let diag_start = prev_start;
                prev_cost = cost[i];
                prev_start = start[i];
                let (mut c, mut s) = (diag, diag_start);
                for (alt_c, alt_s) in [(cost[i] + 1, start[i]), (cost[i - 1] + 1, start[i - 1])] {
                    if alt_c < c || (alt_c == c && alt_s > s) {
                        (c, s) = (alt_c, alt_s);
                    }
                }
                cost[i] = c;
                start[i] = s;
            }
            if cost[m] <= k && best.is_none_or(|(c, _, _)| cost[m] < c) {
                best = Some((cost[m], start[m], j + 1));
            }
            if let Some((_, _, end)) = best
                && j + 1 >= end + m
            {
                break;
            }
        }
        best.map(|(_, s, e)| (s, e))
    }

    proptest::proptest! {
        #[test]
        fn the_cut_off_finds_what_the_full_table_finds(
            text in proptest::collection::vec(proptest::sample::select(vec!['政', '府', '信', '息', '公', '开', '年', '1']), 0..80),
            pat in proptest::collection::vec(proptest::sample::select(vec!['政', '府', '信', '息', '公', '开', '年', '1']), 1..16),
            k in 0usize..5,
        ) {
            proptest::prop_assert_eq!(approximate(&text, &pat, k), approximate_in_full(&text, &pat, k));
        }
    }

    #[test]
    fn exact_matches_win() {
        let s = sq("（四）无法提供 1.本机关不掌握相关政府信息 3");
        let f = find(&s, &squeeze("本机关不掌握相关政府信息"), 0, s.len()).unwrap();
        assert!(!f.fuzzy);
    }
}
