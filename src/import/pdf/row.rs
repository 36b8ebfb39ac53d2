//! A table row as the importer reads it: cells between `|`. A cell spanning
//! n columns comes with n−1 empty cells before its text (see table.rs).

use super::lines::is_figure;

#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    /// Empty cells before this one: the columns it spans beyond one.
    pub fillers: usize,
    /// The text's last line runs to the cell's right edge: a label a page
    /// break may have cut short.
    pub full: bool,
    /// The cell's left and right edges on the page (ruled tables only).
    pub across: Option<(f32, f32)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
}

impl Row {
    /// The row as one line: `| a |  | b |`.
    pub fn line(&self) -> String {
        let mut line = String::from("|");
        for c in &self.cells {
            for _ in 0..c.fillers {
                line.push_str("  |");
            }
            line.push(' ');
            // A border character inside a cell would split it in two.
            line.push_str(&c.text.replace('|', "/"));
            line.push_str(" |");
        }
        line
    }

    pub fn has_figures(&self) -> bool {
        self.cells.iter().any(|c| is_figure(&c.text))
    }

    /// The same text in the same cells (a header repeated on a new page).
    pub fn same_text(&self, other: &Row) -> bool {
        self.cells.len() == other.cells.len()
            && self
                .cells
                .iter()
                .zip(&other.cells)
                .all(|(a, b)| a.text == b.text && a.fillers == b.fillers)
    }

    /// The only text of a row that holds nothing else, with its cell: a
    /// label's end that a page break carried over ("政机关不再处理其政府信息公开申请").
    pub fn carried_over(&self) -> Option<&Cell> {
        let mut filled = self.cells.iter().filter(|c| !c.text.is_empty());
        let only = filled.next()?;
        (filled.next().is_none() && !is_figure(&only.text) && !starts_numbered(&only.text))
            .then_some(only)
    }

    /// The row's label (its last text that is not a figure) if `end`, the
    /// text a page break carried over, goes on in it: the row has figures,
    /// the label's last line is full and the carried text stands in the
    /// same column. A short label ("行政处罚") is whole, and the next page's
    /// row ("行政强制", its figure blank) is a row of its own.
    pub fn label_going_on_in(&mut self, end: &Cell) -> Option<&mut Cell> {
        if !self.has_figures() {
            return None;
        }
        let same_column = |c: &Cell| match (c.across, end.across) {
            (Some(a), Some(b)) => (a.0 - b.0).abs() <= 2.0 && (a.1 - b.1).abs() <= 2.0,
            _ => false,
        };
        self.cells
            .iter_mut()
            .rev()
            .find(|c| !c.text.is_empty() && !is_figure(&c.text))
            .filter(|c| c.full && same_column(c))
    }
}

/// "3.", "（六）", "四、": a label of its own, not the end of another.
fn starts_numbered(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('（' | '(') => true,
        Some(c) if c.is_ascii_digit() => {
            let rest: String = chars.skip_while(char::is_ascii_digit).take(1).collect();
            matches!(rest.as_str(), "." | "、" | "．")
        }
        Some(c) if "一二三四五六七八九十".contains(c) => chars.next() == Some('、'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[(&str, usize)]) -> Row {
        Row {
            cells: cells
                .iter()
                .map(|(t, f)| Cell {
                    text: t.to_string(),
                    fillers: *f,
                    full: true,
                    across: Some((0.0, 100.0)),
                })
                .collect(),
        }
    }

    #[test]
    fn rows_and_what_a_page_break_carries_over() {
        let r = row(&[("规章", 2), ("0", 0), ("a|b", 0)]);
        assert_eq!(r.line(), "|  |  | 规章 | 0 | a/b |");
        assert!(r.has_figures());
        let carried = row(&[("", 0), ("政机关不再处理其政府信息公开申请", 2), ("", 0)]);
        let end = carried.carried_over().unwrap();
        assert_eq!(end.text, "政机关不再处理其政府信息公开申请");
        let mut cut = row(&[("2.申请人逾期未按收费通知要求缴纳费用、行", 0), ("11", 0)]);
        assert!(cut.label_going_on_in(end).is_some());
        // Not into a label in another column, nor into a row without figures.
        let mut elsewhere = end.clone();
        elsewhere.across = Some((100.0, 300.0));
        assert!(cut.label_going_on_in(&elsewhere).is_none());
        assert!(row(&[("信息内容", 0)]).label_going_on_in(end).is_none());
        for own in [
            "3.补正后申请内容仍不明确",
            "（六）其他处理",
            "四、结转",
            "12",
        ] {
            assert!(row(&[(own, 0), ("", 0)]).carried_over().is_none(), "{own}");
        }
    }
}
