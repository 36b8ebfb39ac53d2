//! A table row as the importer reads it: cells between `|`. A cell spanning
//! n columns comes with n−1 empty cells before its text (see table.rs).

use super::lines::is_figure;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    /// Empty cells before this one: the columns it spans beyond one.
    pub fillers: usize,
    /// The text's last line runs to the cell's right edge: a label a page
    /// break may have cut short.
    pub full: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
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

    /// The only text of a row that holds nothing else: a label's end that
    /// a page break carried over ("政机关不再处理其政府信息公开申请").
    pub fn carried_over_text(&self) -> Option<&str> {
        let mut filled = self.cells.iter().filter(|c| !c.text.is_empty());
        let only = filled.next()?;
        (filled.next().is_none() && !is_figure(&only.text) && !starts_numbered(&only.text))
            .then_some(only.text.as_str())
    }

    /// The row's label (its last text that is not a figure), if the row
    /// has figures and the label's last line is full: only such a label
    /// goes on after a page break. A short one ("行政处罚") is whole, and
    /// the next page's row ("行政强制", its figure blank) is a row of its own.
    pub fn cut_label(&mut self) -> Option<&mut Cell> {
        if !self.has_figures() {
            return None;
        }
        self.cells
            .iter_mut()
            .rev()
            .find(|c| !c.text.is_empty() && !is_figure(&c.text))
            .filter(|c| c.full)
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
        assert_eq!(
            carried.carried_over_text(),
            Some("政机关不再处理其政府信息公开申请")
        );
        for own in [
            "3.补正后申请内容仍不明确",
            "（六）其他处理",
            "四、结转",
            "12",
        ] {
            assert_eq!(row(&[(own, 0), ("", 0)]).carried_over_text(), None, "{own}");
        }
    }
}
