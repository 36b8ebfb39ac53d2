//! Where a row's figures are. The form prints them after the row's label;
//! text taken from a PDF or OCR may print them on a line of their own —
//! below the label, or above it (a label centred in a tall cell lands on the
//! line after its figures). Given a bare line of figures between two labels,
//! which label is it? Reading it with the wrong one shifts every row of the
//! table by one, and every figure is then a wrong number.
//!
//! The table's ends tell: no figures above the first label, and the first
//! row's figures can only be below it — so are every row's; figures above the
//! first label and none below the last, above. Both: no row of bare figures
//! is placed. Within a table whose
//! rows carry their figures on their own line, a bare line between a
//! complete row and a label without figures is that label's.

use super::text::Text;

/// A label found in the text: `start..end`, text positions.
#[derive(Clone, Copy, Debug)]
pub struct Label {
    pub start: usize,
    pub end: usize,
}

/// How a table's bare rows of figures were assigned, for the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Figures after their label, on its line or below (the form's order).
    After,
    /// Every row's figures on a line of their own above its label.
    Above,
}

/// For each label (in text order), the text range its figures are read
/// from; `Err` with the reason when the page does not tell whether bare rows
/// of figures belong to the label above or below them.
pub fn ranges(
    text: &Text,
    from: usize,
    to: usize,
    labels: &[Label],
) -> Result<(Vec<(usize, usize)>, Layout), String> {
    let n = labels.len();
    let next_start = |i: usize| labels.get(i + 1).map_or(to, |l| l.start).max(labels[i].end);
    let mut spans: Vec<(usize, usize)> = (0..n).map(|i| (labels[i].end, next_start(i))).collect();
    if n == 0 {
        return Ok((spans, Layout::After));
    }
    let own: Vec<bool> = (0..n)
        .map(|i| {
            let line_end = line_end(text, labels[i].end, spans[i].1);
            text.norm[labels[i].end..line_end]
                .iter()
                .any(|c| c.is_ascii_digit())
        })
        .collect();
    // Bare lines below each label (before the next), and right above the first.
    let below: Vec<Vec<(usize, usize)>> = (0..n)
        .map(|i| bare_lines(text, line_end(text, labels[i].end, spans[i].1), spans[i].1))
        .collect();
    if own.iter().all(|o| !o) {
        if below.iter().all(Vec::is_empty) {
            return Ok((spans, Layout::After));
        }
        let above_first = bare_above(text, from, labels[0].start);
        let below_last = !below[n - 1].is_empty();
        return match above_first {
            // The first row's figures can only be below it (a page cut
            // short may lack the last row's).
            None => Ok((spans, Layout::After)),
            Some(first) if !below_last => {
                let ranges = (0..n)
                    .map(|i| {
                        let start = if i == 0 { first } else { labels[i - 1].end };
                        (start, labels[i].start)
                    })
                    .collect();
                Ok((ranges, Layout::Above))
            }
            Some(_) => Err(
                "各行的数字单独成行，表格第一行之上和最后一行之下都有这样的数字行，无法确定它们属于上面还是下面的标签"
                    .into(),
            ),
        };
    }
    // The first label printed without figures, a bare line right above it
    // and another below it: either could be its row (the one above, with
    // its label centred under it; or the one below) — the page does not say.
    if !own[0] && !below[0].is_empty() && bare_above(text, from, labels[0].start).is_some() {
        return Err(
            "表格第一行的标签上方和下方各有一行单独成行的数字，无法确定哪一行属于它".into(),
        );
    }
    // Rows with their figures on their own line: a label without figures
    // below it, after a row whose line holds its figures and then a bare
    // line, has that bare line (its label was printed below its figures).
    for i in 1..n {
        if !own[i] && below[i].is_empty() && own[i - 1] && !below[i - 1].is_empty() {
            let moved = below[i - 1][0].0;
            spans[i - 1].1 = moved;
            spans[i] = (moved, labels[i].start);
        }
    }
    Ok((spans, Layout::After))
}

/// The end of the line holding position `pos` (the position of its '\n'),
/// or `limit` if that comes first. Bounded because a page without line
/// breaks would otherwise be scanned to its end once for every label.
fn line_end(text: &Text, pos: usize, limit: usize) -> usize {
    let limit = limit.min(text.len());
    if pos >= limit {
        return limit;
    }
    text.norm[pos..limit]
        .iter()
        .position(|c| *c == '\n')
        .map_or(limit, |i| pos + i)
}

/// Whether `line` holds figures and nothing else ("0 0 3 |", "12  -  4").
fn is_bare(line: &[char]) -> bool {
    line.iter().any(|c| c.is_ascii_digit())
        && line
            .iter()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || "|-/,.".contains(*c))
}

/// The bare lines wholly inside `from..to`: (start, end).
fn bare_lines(text: &Text, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = from;
    while start < to {
        let end = line_end(text, start, to);
        if is_bare(&text.norm[start..end]) {
            out.push((start, end));
        }
        start = end + 1;
    }
    out
}

/// Where the bare lines right above `label_start` begin (blank lines
/// between allowed; the label's own line is not counted), if there are any.
fn bare_above(text: &Text, from: usize, label_start: usize) -> Option<usize> {
    let line_start = |pos: usize| {
        text.norm[..pos]
            .iter()
            .rposition(|c| *c == '\n')
            .map_or(0, |i| i + 1)
    };
    let mut first = None;
    let mut end = line_start(label_start);
    while end > from {
        let start = line_start(end - 1).max(from);
        let line = &text.norm[start..end - 1];
        if line.iter().all(|c| c.is_whitespace()) {
        } else if is_bare(line) {
            first = Some(start);
        } else {
            break;
        }
        end = start;
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The labels "甲", "乙", "丙" of `s`, and the ranges found.
    fn read(s: &str) -> Result<(Vec<String>, Layout), String> {
        let t = Text::new(s);
        let labels: Vec<Label> = t
            .orig
            .iter()
            .enumerate()
            .filter(|(_, c)| "甲乙丙".contains(**c))
            .map(|(i, _)| Label {
                start: i,
                end: i + 1,
            })
            .collect();
        let (r, layout) = ranges(&t, 0, t.len(), &labels)?;
        Ok((
            r.iter()
                .map(|(a, b)| {
                    t.slice(*a, *b)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect(),
            layout,
        ))
    }

    #[test]
    fn figures_below_their_labels() {
        let (r, l) = read("表头\n甲\n1 2\n乙\n3 4\n丙\n5 6\n").unwrap();
        assert_eq!(r, ["1 2", "3 4", "5 6"]);
        assert_eq!(l, Layout::After);
        let (r, _) = read("甲 1 2\n乙 3 4\n丙 5 6").unwrap();
        assert_eq!(r, ["1 2", "3 4", "5 6"]);
    }

    #[test]
    fn figures_above_their_labels() {
        let (r, l) = read("表头\n1 2\n甲\n3 4\n乙\n5 6\n丙\n").unwrap();
        assert_eq!(r, ["1 2", "3 4", "5 6"]);
        assert_eq!(l, Layout::Above);
    }

    #[test]
    fn figures_at_both_ends_are_not_placed() {
        assert!(read("1 2\n甲\n3 4\n乙\n5 6\n丙\n7 8").is_err());
        // A page cut short after its last label: still below.
        let (r, l) = read("表头\n甲\n1 2\n乙\n3 4\n丙").unwrap();
        assert_eq!(r, ["1 2", "3 4", ""]);
        assert_eq!(l, Layout::After);
    }

    #[test]
    fn first_label_between_two_bare_lines_among_rows_on_their_lines() {
        // "1 2" above 甲 or "3 4" below it: either could be 甲's.
        let why = read("1 2\n甲\n3 4\n乙 5 6\n丙 7 8").unwrap_err();
        assert!(why.contains("无法确定哪一行属于它"), "{why}");
        // Nothing above it: the line below is its own.
        let (r, _) = read("表头\n甲\n3 4\n乙 5 6\n丙 7 8").unwrap();
        assert_eq!(r, ["3 4", "5 6", "7 8"]);
    }

    #[test]
    fn one_label_below_its_figures_among_rows_on_their_lines() {
        let (r, _) = read("甲 1 2\n3 4\n乙\n丙 5 6").unwrap();
        assert_eq!(r, ["1 2", "3 4", "5 6"]);
    }
}
