//! Reading the figures of one table row from the text between its label and
//! the next: cells between `|` borders, or numbers separated by spaces (or by
//! nothing — those are split later, in `split`).

use super::split;
use super::text::{Text, squeeze};

/// One cell as printed: a number (digits, maybe run together with its
/// neighbours' digits), or a blank ("", "/", "-").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Num(String),
    Blank,
}

impl Piece {
    pub fn raw(&self) -> &str {
        match self {
            Piece::Num(s) => s,
            Piece::Blank => "",
        }
    }
}

/// The figures found for a row.
#[derive(Clone, Debug, Default)]
pub struct RowText {
    pub pieces: Vec<Piece>,
    /// Cells were delimited by `|`: each piece is one cell, nothing to split.
    pub piped: bool,
    /// Text that is no known label, with what follows it in the row's span:
    /// a provincial extra row, or a note. Reported, never read as figures.
    pub unrecognised: Option<String>,
    /// A number on a line of its own between bordered rows (a page number, a
    /// figure that slipped out of its cell): no reading of the row is safe.
    pub stray: Option<String>,
}

impl RowText {
    /// The figures as they appear, for quoting in the summary: "200 000121".
    pub fn raw(&self) -> String {
        let parts: Vec<_> = self
            .pieces
            .iter()
            .map(|p| match p {
                Piece::Num(s) => s.as_str(),
                Piece::Blank => "空",
            })
            .collect();
        parts.join(" ")
    }

    pub fn digit_count(&self) -> usize {
        self.pieces.iter().map(|p| p.raw().len()).sum()
    }

    /// Every reading of the row's `k` cells that its printed text allows by
    /// position alone — one when the text leaves no doubt; several when
    /// empty border cells or run-together digits can be read more than one
    /// way (the form's sums or the narrative may then decide) — or why there
    /// is none. `limit`: more cuts of run-together digits than this are too
    /// many to choose from honestly.
    pub fn readings(&self, k: usize, limit: usize) -> Result<Vec<Vec<Piece>>, String> {
        let p = &self.pieces;
        let filled: Vec<Piece> = p.iter().filter(|x| **x != Piece::Blank).cloned().collect();
        if let Some(n) = &self.stray {
            return Err(format!(
                "表格行之间有单独一行的数字“{n}”（可能是页码），无法确定各数属于哪一列"
            ));
        }
        if p.is_empty() {
            return Err("找到了标签，但没有读到数字".into());
        }
        if p.len() == k {
            // Run together in unbordered text, "0 12" reads as "012": a figure
            // with a leading zero is no figure to place by position.
            if let Some(Piece::Num(s)) = p.iter().find(|x| {
                !self.piped
                    && matches!(x, Piece::Num(s) if s.len() > 1 && s.starts_with('0')
                        && s.as_bytes().get(1).is_some_and(u8::is_ascii_digit))
            }) {
                return Err(format!("“{s}”以0开头，可能是几个数连在一起，无法确定"));
            }
            return Ok(vec![p.clone()]);
        }
        if self.piped {
            if p.len() < k {
                return Err(format!(
                    "只读到{}格（应为{k}格），无法确定各数属于哪一列",
                    p.len()
                ));
            }
            // As many figures as cells: the empty cells are borders of merged columns.
            if filled.len() == k {
                return Ok(vec![filled]);
            }
            // k cells in a row, the empty cells around them borders. Windows
            // that read alike are one reading: all blank, a blank row leaves
            // nothing to decide.
            let mut windows: Vec<Vec<Piece>> = Vec::new();
            for i in 0..=p.len() - k {
                let w = &p[i..i + k];
                let mut borders = p[..i].iter().chain(&p[i + k..]);
                if borders.all(|x| *x == Piece::Blank) && !windows.iter().any(|v| v == w) {
                    windows.push(w.to_vec());
                }
            }
            return if windows.is_empty() {
                Err(format!(
                    "读到{}个数字，多于{k}格，无法确定各数属于哪一列",
                    filled.len()
                ))
            } else {
                Ok(windows)
            };
        }
        if let Some(bad) = filled
            .iter()
            .find(|x| !x.raw().bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(format!("“{}”不是整数，无法确定各数属于哪一列", bad.raw()));
        }
        let raw = self.raw();
        match split::cuts(p, k, limit) {
            None => Err(format!("数字“{raw}”拆分方式太多")),
            Some(c) if c.is_empty() => Err(format!(
                "数字“{raw}”无法分成{k}格（读到{}位数字）",
                self.digit_count()
            )),
            Some(c) => Ok(c
                .into_iter()
                .map(|v| {
                    v.into_iter()
                        .map(|n| n.map_or(Piece::Blank, |n| Piece::Num(n.to_string())))
                        .collect()
                })
                .collect()),
        }
    }
}

#[derive(Debug, PartialEq)]
enum Tok {
    Num(String),
    Blank,
    Pipe,
    /// A line break: between two `|` it ends a row rather than holding a cell
    /// when rows are printed one per line ("| 3 | 0 |\n| 5 |").
    Break,
    Text(String),
}

/// What a run of text between figures is.
#[derive(PartialEq)]
enum TextKind {
    /// Punctuation, a unit (元, 件), a lone ordinal: nothing.
    Ignorable,
    /// A label of the form that is not a row of its own (（三）不予公开).
    Noise,
    Unrecognised,
}

fn classify(text: &str, noise: &dyn Fn(&[char]) -> bool) -> TextKind {
    let sq = squeeze(text);
    // A unit after a figure ("251000元") is not text of its own.
    let core: Vec<char> = sq
        .iter()
        .copied()
        .skip_while(|c| "万元件条个".contains(*c))
        .collect();
    let s: String = core.iter().collect();
    if core.len() < 2 || matches!(s.as_str(), "单位件" | "单位万元") {
        TextKind::Ignorable
    } else if noise(&sq) {
        TextKind::Noise
    } else {
        TextKind::Unrecognised
    }
}

/// `tabs`: a tab separates cells (a table copied from a browser), like `|`.
fn tokens(text: &Text, from: usize, to: usize, tabs: bool) -> Vec<Tok> {
    let chars = &text.norm[from..to.min(text.len())];
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next_is_digit = chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_ascii_digit() || (c == '-' && next_is_digit && !prev_digit(chars, i)) {
            let start = i;
            i += 1;
            let thousands = |i: usize| {
                chars[i] == ','
                    && chars.len() >= i + 4
                    && chars[i + 1..i + 4].iter().all(|c| c.is_ascii_digit())
                    && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
            };
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || thousands(i)
                    || (chars[i] == '.' && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())))
            {
                i += 1;
            }
            // "1,234": a thousands separator, not two cells.
            out.push(Tok::Num(
                chars[start..i].iter().filter(|c| **c != ',').collect(),
            ));
            // "22（其中修订16件）": a note on the figure, in its cell; its
            // numbers are not figures.
            if let Some(end) = note_after(chars, i) {
                i = end;
            }
        } else if c == '|' || (tabs && c == '\t') {
            out.push(Tok::Pipe);
            i += 1;
        } else if c == '\n' {
            out.push(Tok::Break);
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' || c == '-' {
            while i < chars.len() && (chars[i] == '/' || chars[i] == '-') {
                i += 1;
            }
            out.push(Tok::Blank);
        } else {
            // A run of text, spaces inside it included: pdftotext spreads a
            // label over the page ("三 、本 年 度办 理 结果").
            let start = i;
            let mut end = i;
            while i < chars.len() {
                let c = chars[i];
                if c.is_ascii_digit() && ends_with_column_name(&chars[start..i]) {
                    // "数据1": a converter's column name, not a figure.
                    while i < chars.len() && chars[i].is_ascii_digit() {
                        i += 1;
                    }
                    end = i;
                    continue;
                }
                if c.is_ascii_digit() || c == '|' || c == '/' || c == '-' || (tabs && c == '\t') {
                    break;
                }
                i += 1;
                if !c.is_whitespace() {
                    end = i;
                }
            }
            i = end;
            out.push(Tok::Text(
                text.orig[from + start..from + end].iter().collect(),
            ));
        }
    }
    out
}

fn prev_digit(chars: &[char], i: usize) -> bool {
    i > 0 && chars[i - 1].is_ascii_digit()
}

/// The word converters name figure columns with: 数据1 … 数据6.
const COLUMN_NAME: [char; 2] = ['数', '据'];

fn ends_with_column_name(text: &[char]) -> bool {
    text.ends_with(&COLUMN_NAME)
}

/// After a figure ending at `i`: the end of a note in brackets that follows
/// it in the same cell ("22（其中修订16件）"), if one does. An ordinal such as
/// "(七)" is no note: it starts the next row's label.
fn note_after(chars: &[char], i: usize) -> Option<usize> {
    let mut j = i;
    while j < chars.len() && chars[j] == ' ' {
        j += 1;
    }
    if chars.get(j) != Some(&'(') {
        return None;
    }
    let close = (j + 1..chars.len().min(j + 80)).find(|&k| chars[k] == ')')?;
    let inside = &chars[j + 1..close];
    let worded = inside
        .iter()
        .any(|c| !c.is_ascii_digit() && !c.is_whitespace() && !"一二三四五六七八九十".contains(*c));
    let one_cell = !inside.iter().any(|c| matches!(c, '|' | '\n' | '\t' | '('));
    (worded && one_cell).then_some(close + 1)
}

/// The figures of a row whose span is `from..to`. `noise` says whether a
/// squeezed text is a label to skip.
pub fn read(text: &Text, from: usize, to: usize, noise: &dyn Fn(&[char]) -> bool) -> RowText {
    let span = &text.norm[from..to.min(text.len())];
    let tabs = !span.contains(&'|') && span.contains(&'\t');
    let toks = tokens(text, from, to, tabs);
    let mut row = RowText {
        piped: toks.contains(&Tok::Pipe),
        ..RowText::default()
    };
    // Where unrecognised text starts, everything after it is reported, not read.
    let mut cut = None;
    for (i, t) in toks.iter().enumerate() {
        if let Tok::Text(s) = t
            && classify(s, noise) == TextKind::Unrecognised
        {
            cut = Some(i);
            break;
        }
    }
    if let Some(i) = cut {
        // The label (its note cut short) and the figures of that row.
        let mut rest = Vec::new();
        for (k, t) in toks[i..].iter().enumerate() {
            match t {
                Tok::Text(s) if k == 0 => {
                    let chars: Vec<char> = s.chars().collect();
                    rest.push(if chars.len() > 30 {
                        format!("{}…", chars[..30].iter().collect::<String>())
                    } else {
                        s.clone()
                    });
                }
                Tok::Text(_) => break,
                Tok::Num(s) => rest.push(s.clone()),
                Tok::Blank => rest.push("-".into()),
                Tok::Pipe | Tok::Break => {}
            }
        }
        row.unrecognised = Some(rest.join(" "));
    }
    let toks = &toks[..cut.unwrap_or(toks.len())];
    if row.piped {
        // Rows one per line, each line bordered: "| 3 | 0 |".
        let row_lines = text.norm[from..to.min(text.len())]
            .split(|c| *c == '\n')
            .any(|l| {
                let l: Vec<_> = l.iter().filter(|c| !c.is_whitespace()).collect();
                l.first() == Some(&&'|') && l.iter().filter(|c| ***c == '|').count() >= 2
            });
        row.pieces = piped(toks, noise, row_lines);
        if row_lines {
            row.stray = stray_line(toks);
        }
    } else {
        row.pieces = toks
            .iter()
            .filter_map(|t| match t {
                Tok::Num(s) => Some(Piece::Num(s.clone())),
                Tok::Blank => Some(Piece::Blank),
                _ => None,
            })
            .collect();
    }
    row
}

/// Rows one per line: a number standing on a line of its own, outside every
/// border ("| 30 |\n3\n| 2.…"), is no cell of the row.
fn stray_line(toks: &[Tok]) -> Option<String> {
    let groups: Vec<&[Tok]> = toks.split(|t| *t == Tok::Pipe).collect();
    let last = groups.len() - 1;
    groups.iter().enumerate().skip(1).find_map(|(i, g)| {
        let alone = g.first() == Some(&Tok::Break) && (g.last() == Some(&Tok::Break) || i == last);
        g.iter().find_map(|t| match t {
            Tok::Num(n) if alone => Some(n.clone()),
            _ => None,
        })
    })
}

/// Cells between `|` borders, all of them: blank cells count by position, and
/// which of them are empty border cells of merged columns ("0 | ||") is for
/// [`RowText::readings`] to say.
///
/// Rows printed one per line: blank cells on lines after the row's own line
/// are the next row's, standing before its label (the empty cells under a
/// label merged over rows, "|  | （二）部分公开 |"); counted here they would
/// give the row one cell too many and its figures two places to sit.
fn piped(toks: &[Tok], noise: &dyn Fn(&[char]) -> bool, row_lines: bool) -> Vec<Piece> {
    let groups: Vec<&[Tok]> = toks.split(|t| *t == Tok::Pipe).collect();
    let last = groups.len() - 1;
    let mut cells = Vec::new();
    // The line each cell is on (line breaks before it in the span).
    let mut lines = Vec::new();
    let mut line = 0;
    for (i, g) in groups.iter().enumerate() {
        let here = line + g.iter().take_while(|t| **t == Tok::Break).count();
        line += g.iter().filter(|t| **t == Tok::Break).count();
        let nums: Vec<_> = g
            .iter()
            .filter_map(|t| match t {
                Tok::Num(s) => Some(Piece::Num(s.clone())),
                _ => None,
            })
            .collect();
        let is_noise = g
            .iter()
            .any(|t| matches!(t, Tok::Text(s) if classify(s, noise) == TextKind::Noise));
        let boundary = row_lines && g.contains(&Tok::Break) && g.iter().all(|t| *t == Tok::Break);
        if nums.is_empty() {
            if boundary {
                continue;
            }
            // Before the first border: the rest of the label's cell; after the
            // last: outside the table; a label of the form: not a cell.
            if i == 0 || i == last || is_noise {
                continue;
            }
            cells.push(Piece::Blank);
            lines.push(here);
        } else {
            lines.extend(nums.iter().map(|_| here));
            cells.extend(nums);
        }
    }
    if row_lines && let Some(first) = lines.first() {
        let own = lines.iter().take_while(|l| *l == first).count();
        if cells[own..].iter().all(|c| *c == Piece::Blank) {
            cells.truncate(own);
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(s: &str) -> RowText {
        let t = Text::new(s);
        let noise = |sq: &[char]| sq.ends_with(&squeeze("不予公开"));
        read(&t, 0, t.len(), &noise)
    }

    fn nums(r: &RowText) -> Vec<&str> {
        r.pieces.iter().map(|p| p.raw()).collect()
    }

    /// The one reading of `k` cells the text allows.
    fn one(s: &str, k: usize) -> Vec<String> {
        let all = read_str(s).readings(k, 100).unwrap();
        assert_eq!(all.len(), 1, "{all:?}");
        all[0].iter().map(|p| p.raw().to_string()).collect()
    }

    #[test]
    fn one_cell_per_line_with_merged_border_cells() {
        assert_eq!(
            one(" |\n0 |\n1 |\n2 | ||\n（三）不予公开 |", 3),
            ["0", "1", "2"]
        );
    }

    #[test]
    fn blank_cells_between_borders_stay_blank() {
        assert_eq!(
            one(" | 258 | 12 |  |  | 1 | 1 |  |\n", 7),
            ["258", "12", "", "", "1", "1", ""]
        );
    }

    #[test]
    fn more_cells_than_columns_is_read_only_where_every_alignment_agrees() {
        // Eight cells for seven columns, one of the blanks a merged border:
        // first or last? Two readings; the table's sums may decide.
        let r = read_str(" |  | 258 | 12 |  |  | 1 | 1 |  |\n");
        let all = r.readings(7, 100).unwrap();
        assert_eq!(all.len(), 2);
        // A figure first: the extra blank is the last cell's border.
        assert_eq!(
            one(" | 258 | 12 |  |  | 1 | 1 |  |  |\n", 7),
            ["258", "12", "", "", "1", "1", ""]
        );
        // Fewer cells than columns: which is missing is anyone's guess.
        let e = read_str(" | 3 | 4 |\n").readings(7, 100).unwrap_err();
        assert_eq!(e, "只读到2格（应为7格），无法确定各数属于哪一列");
    }

    #[test]
    fn the_next_rows_cells_before_its_label_are_not_this_rows() {
        // A Word table: the next row starts with the empty cell under a
        // label merged over rows. Read as this row's eighth cell, it would
        // let the seven sit one column further left as well.
        assert_eq!(
            one(" |  | 25 | 26 |  | 28 | 29 | 30 |\n|  | ", 7),
            ["", "25", "26", "", "28", "29", "30"]
        );
        // Figures on the next line are no such cells: both lines count.
        let r = read_str(" |  | 25 |\n| 3 | ");
        assert_eq!(nums(&r), ["", "25", "3"]);
    }

    #[test]
    fn a_number_on_a_line_of_its_own_between_rows_places_nothing() {
        // A bare page number between two bordered rows, the row's first
        // figure blank: read as an eighth cell it would slide into 总计.
        let r = read_str(" |  |  |  |  |  |  |  |\n3\n| ");
        let why = r.readings(7, 100).unwrap_err();
        assert!(why.contains("单独一行的数字“3”"), "{why}");
        // A row's own figures on its own line are no stray.
        let r = read_str(" | 1 | 2 |\n| ");
        assert_eq!(r.stray, None);
    }

    #[test]
    fn a_blank_row_wider_than_its_figures_is_one_reading() {
        // One figure printed over three columns, blank: whichever column
        // holds it, it is blank — nothing to decide.
        let all = read_str(" |  |  |  |\n").readings(1, 100).unwrap();
        assert_eq!(all, [vec![Piece::Blank]]);
    }

    #[test]
    fn spaces_and_dashes() {
        let r = read_str(" 4 0 - / 200 000121 1,234 ");
        assert_eq!(r.pieces.last(), Some(&Piece::Num("1234".into())));
        let r = read_str(" 4 0 - / 200 000121 ");
        assert!(!r.piped);
        assert_eq!(nums(&r), ["4", "0", "", "", "200", "000121"]);
    }

    #[test]
    fn tabs_copied_from_a_browser_keep_blank_cells() {
        assert_eq!(
            one("\t821\t35\t\t\t2\t1\t859\n", 7),
            ["821", "35", "", "", "2", "1", "859"]
        );
    }

    #[test]
    fn unknown_text_ends_the_row_and_is_reported() {
        let r = read_str(" | 2 | 2 | 19 | ||\n其他主动公开文件(含…) | 186 | 86 | 255 |");
        assert_eq!(nums(&r), ["2", "2", "19", "", ""]);
        assert_eq!(r.readings(3, 10).unwrap(), [r.pieces[..3].to_vec()]);
        assert!(r.unrecognised.unwrap().starts_with("其他主动公开文件"));
    }

    #[test]
    fn a_lone_unit_or_ordinal_is_not_a_row() {
        let r = read_str("251000元 三 ");
        assert_eq!(nums(&r), ["251000"]);
        assert!(r.unrecognised.is_none());
        // "(七)" after a figure starts the next label: no note.
        assert_eq!(nums(&read_str(" 1 2 (七)")), ["1", "2"]);
    }

    #[test]
    fn a_note_on_a_figure_is_not_a_figure() {
        assert_eq!(one("| 22（其中修订16件） | 3 | 0 |", 3), ["22", "3", "0"]);
        assert_eq!(nums(&read_str(" 22(含修订16件) 3 0")), ["22", "3", "0"]);
    }

    #[test]
    fn converter_column_names_are_not_figures() {
        let r = read_str(" 类别 数据1 数据2 总计 ");
        assert!(r.pieces.is_empty(), "{:?}", r.pieces);
    }
}
