//! The three tables as printed: a grid of cells, some spanning rows or
//! columns, each a heading, a row label or a figure, and the columns' printed widths. The editor's grids and the
//! PDF both draw from this, so the merged cells of the official form are
//! described once.

use super::{
    APPEALS_HEADING_SPANS, APPLICANT_HEADER, AppCol, AppRow, AppealGroup, AppealPart, BALANCE_NOTE,
    BLOCKS, CONTENT_HEADER, ORGANISATION_HEADER, ProactiveField,
};

/// A figure cell of one of the three tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Figure {
    Proactive(ProactiveField),
    App(AppRow, AppCol),
    Appeal(AppealGroup, AppealPart),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// A column heading (or the table's top-left note).
    Heading(&'static str),
    /// A row label.
    RowLabel(&'static str),
    Figure(Figure),
}

/// One cell: its top-left position in the grid and how many rows and columns it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub row: usize,
    pub col: usize,
    pub rows: usize,
    pub cols: usize,
    pub content: Content,
}

#[derive(Clone, Debug)]
pub struct Table {
    /// Rows at the top that are headings (repeated when the table crosses a page).
    pub header_rows: usize,
    pub rows: usize,
    pub cols: usize,
    /// Leading columns that hold row labels rather than figures.
    pub label_cols: usize,
    /// Column widths as printed, in millimetres of the 156 mm A4 text block;
    /// the web page uses their proportions.
    pub widths_mm: &'static [f32],
    pub cells: Vec<Cell>,
}

impl Table {
    fn push(&mut self, row: usize, col: usize, rows: usize, cols: usize, content: Content) {
        self.cells.push(Cell {
            row,
            col,
            rows,
            cols,
            content,
        });
    }

    /// Each column's share of the table's printed width; the shares add up
    /// to 1. A face that is not A4 — the web page, the editor's grid — maps
    /// them to its own width rather than keeping widths of its own.
    pub fn proportions(&self) -> Vec<f32> {
        let total: f32 = self.widths_mm.iter().sum();
        self.widths_mm.iter().map(|w| w / total).collect()
    }

    /// The printed proportions scaled to `width`, in any unit (points, pixels).
    pub fn widths_for(&self, width: f32) -> Vec<f32> {
        self.proportions().into_iter().map(|p| p * width).collect()
    }

    /// The figure cells in reading order (row by row, left to right).
    pub fn figures(&self) -> impl Iterator<Item = &Cell> {
        let mut cells: Vec<_> = self
            .cells
            .iter()
            .filter(|c| matches!(c.content, Content::Figure(_)))
            .collect();
        cells.sort_by_key(|c| (c.row, c.col));
        cells.into_iter()
    }

    /// The figure whose cell covers grid position (`row`, `col`).
    pub fn figure_at(&self, row: usize, col: usize) -> Option<Figure> {
        self.cells.iter().find_map(|c| match c.content {
            Content::Figure(f)
                if (c.row..c.row + c.rows).contains(&row)
                    && (c.col..c.col + c.cols).contains(&col) =>
            {
                Some(f)
            }
            _ => None,
        })
    }

    /// Where a figure sits.
    pub fn position(&self, figure: Figure) -> Option<(usize, usize)> {
        self.cells
            .iter()
            .find(|c| c.content == Content::Figure(figure))
            .map(|c| (c.row, c.col))
    }
}

/// Table A: 信息内容 and up to three figure columns; a block with one figure
/// column spans it over all three, as the form prints it.
pub fn proactive() -> Table {
    let mut t = Table {
        widths_mm: &[48.0, 36.0, 36.0, 36.0],
        header_rows: 0,
        rows: 0,
        cols: 4,
        label_cols: 1,
        cells: Vec::new(),
    };
    let mut row = 0;
    for block in &BLOCKS {
        t.push(row, 0, 1, 4, Content::Heading(block.item));
        row += 1;
        let width = 3 / block.columns.len();
        t.push(row, 0, 1, 1, Content::Heading(CONTENT_HEADER));
        for (i, c) in block.columns.iter().enumerate() {
            t.push(row, 1 + i * width, 1, width, Content::Heading(c));
        }
        row += 1;
        for r in block.rows {
            t.push(row, 0, 1, 1, Content::RowLabel(r.label));
            for (i, f) in r.fields.iter().enumerate() {
                t.push(
                    row,
                    1 + i * width,
                    1,
                    width,
                    Content::Figure(Figure::Proactive(*f)),
                );
            }
            row += 1;
        }
    }
    t.rows = row;
    t
}

/// Table B: three label columns (一、…, （三）…, 1.…), seven figure columns,
/// three header rows.
pub fn applications() -> Table {
    const HEADER: usize = 3;
    let mut t = Table {
        widths_mm: &[14.0, 22.0, 48.4, 10.2, 10.2, 10.2, 10.2, 10.2, 10.2, 10.2],
        header_rows: HEADER,
        rows: HEADER + AppRow::ALL.len(),
        cols: 3 + AppCol::ALL.len(),
        label_cols: 3,
        cells: Vec::new(),
    };
    t.push(0, 0, 3, 3, Content::Heading(BALANCE_NOTE));
    t.push(0, 3, 1, 7, Content::Heading(APPLICANT_HEADER));
    t.push(1, 3, 2, 1, Content::Heading(AppCol::NaturalPerson.label()));
    t.push(1, 4, 1, 5, Content::Heading(ORGANISATION_HEADER));
    t.push(1, 9, 2, 1, Content::Heading(AppCol::Total.label()));
    for c in AppCol::ALL.iter().filter(|c| c.is_organisation()) {
        t.push(2, 3 + c.index(), 1, 1, Content::Heading(c.label()));
    }

    // Row labels: runs of rows sharing a level-1 label, and within 三 the
    // groups （三）…（六） whose numbered leaves sit in the third column.
    let row_of = |r: AppRow| HEADER + r.index();
    let mut i = 0;
    while i < AppRow::ALL.len() {
        let first = AppRow::ALL[i];
        let label = first.label();
        let run = AppRow::ALL[i..]
            .iter()
            .take_while(|r| r.label().top == label.top)
            .count();
        if label.leaf.is_none() {
            t.push(row_of(first), 0, 1, 3, Content::RowLabel(label.top));
        } else {
            t.push(row_of(first), 0, run, 1, Content::RowLabel(label.top));
            let mut j = i;
            while j < i + run {
                let r = AppRow::ALL[j];
                let l = r.label();
                let leaf = l.leaf.expect("rows under 三 have their own label");
                match l.group {
                    None => t.push(row_of(r), 1, 1, 2, Content::RowLabel(leaf)),
                    Some(g) => {
                        let n = AppRow::ALL[j..]
                            .iter()
                            .take_while(|x| x.label().group == Some(g))
                            .count();
                        t.push(row_of(r), 1, n, 1, Content::RowLabel(g.label()));
                        for (k, x) in AppRow::ALL[j..j + n].iter().enumerate() {
                            let leaf = x.label().leaf.expect("a group's rows are numbered");
                            t.push(row_of(r) + k, 2, 1, 1, Content::RowLabel(leaf));
                        }
                        j += n;
                        continue;
                    }
                }
                j += 1;
            }
        }
        i += run;
    }
    for r in AppRow::ALL {
        for c in AppCol::ALL {
            t.push(
                row_of(r),
                3 + c.index(),
                1,
                1,
                Content::Figure(Figure::App(r, c)),
            );
        }
    }
    t
}

/// Table C: 行政复议 | 行政诉讼 (未经复议直接起诉, 复议后起诉), five figures each.
pub fn appeals() -> Table {
    let mut t = Table {
        widths_mm: &[10.4; 15],
        header_rows: 3,
        rows: 4,
        cols: 15,
        label_cols: 0,
        cells: Vec::new(),
    };
    let mut col = 0;
    for (label, span) in APPEALS_HEADING_SPANS {
        t.push(0, col, 1, span, Content::Heading(label));
        col += span;
    }
    for (gi, g) in AppealGroup::ALL.into_iter().enumerate() {
        let first = gi * 5;
        // 行政复议's parts sit right under it; the lawsuit groups have their own heading row.
        let (parts_row, parts_rows) = if g == AppealGroup::Review {
            (1, 2)
        } else {
            (2, 1)
        };
        if g != AppealGroup::Review {
            t.push(1, first, 1, 5, Content::Heading(g.label()));
        }
        for (pi, p) in AppealPart::ALL.into_iter().enumerate() {
            t.push(
                parts_row,
                first + pi,
                parts_rows,
                1,
                Content::Heading(p.label()),
            );
            t.push(3, first + pi, 1, 1, Content::Figure(Figure::Appeal(g, p)));
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every grid position is covered by exactly one cell.
    fn assert_tiled(t: &Table) {
        let mut covered = vec![vec![0; t.cols]; t.rows];
        for c in &t.cells {
            for row in covered.iter_mut().skip(c.row).take(c.rows) {
                for n in row.iter_mut().skip(c.col).take(c.cols) {
                    *n += 1;
                }
            }
        }
        for (r, row) in covered.iter().enumerate() {
            assert!(row.iter().all(|n| *n == 1), "row {r}: {row:?}");
        }
    }

    #[test]
    fn tables_are_tiled_without_gaps_or_overlaps() {
        assert_tiled(&proactive());
        assert_tiled(&applications());
        assert_tiled(&appeals());
    }

    #[test]
    fn widths_fill_the_text_block_in_printed_proportions() {
        for t in [proactive(), applications(), appeals()] {
            assert_eq!(t.widths_mm.len(), t.cols);
            // The 156 mm text block of GB/T 9704 (FORMAT.md, print layout).
            let mm: f32 = t.widths_mm.iter().sum();
            assert!((155.0..=156.0).contains(&mm), "{mm}");
            let shares: f32 = t.proportions().iter().sum();
            assert!((shares - 1.0).abs() < 1e-5, "{shares}");
            let px = t.widths_for(780.0);
            assert!((px.iter().sum::<f32>() - 780.0).abs() < 1e-2);
        }
        // Table B: the label columns take more than half, each figure column the same.
        let p = applications().proportions();
        assert!(p[..3].iter().sum::<f32>() > 0.5);
        assert!(p[3..].windows(2).all(|w| w[0] == w[1]));
    }

    #[test]
    fn every_figure_appears_once() {
        assert_eq!(proactive().figures().count(), 10);
        assert_eq!(applications().figures().count(), 175);
        assert_eq!(appeals().figures().count(), 15);
    }

    #[test]
    fn applications_labels_span_like_the_form() {
        let t = applications();
        let find = |s: &str| {
            t.cells
                .iter()
                .find(|c| matches!(c.content, Content::RowLabel(l) | Content::Heading(l) if l == s))
                .map(|c| (c.row, c.col, c.rows, c.cols))
        };
        assert_eq!(find("三、本年度办理结果"), Some((5, 0, 22, 1)));
        assert_eq!(find("（三）不予公开"), Some((7, 1, 8, 1)));
        assert_eq!(find("（一）予以公开"), Some((5, 1, 1, 2)));
        assert_eq!(find("（七）总计"), Some((26, 1, 1, 2)));
        assert_eq!(find("四、结转下年度继续办理"), Some((27, 0, 1, 3)));
        assert_eq!(find("法人或其他组织"), Some((1, 4, 1, 5)));
        assert_eq!(
            t.figure_at(3, 3),
            Some(Figure::App(AppRow::NewReceived, AppCol::NaturalPerson))
        );
    }
}
