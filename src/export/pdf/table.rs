//! The three tables as ruled grids with the form's merged cells. A table that
//! does not fit the page continues on the next with its header rows repeated,
//! breaking between rows that no row label spans when it can.

use super::faces::Face;
use super::geometry::*;
use super::layout::Flow;
use super::linebreak::break_lines;
use crate::export::pages::{Fill, Rule};
use crate::form::layout::Figure;
use crate::form::layout::{Content, Table};
use crate::report::{CellRef, Report};

const PAD: f32 = 2.5;
const MIN_ROW: f32 = 17.0;
const HEADING_GREY: f32 = 0.9;
const RULE: f32 = 0.6;

/// A table measured and ready to be drawn across pages.
pub struct Placed<'t> {
    table: &'t Table,
    /// x offsets of the column edges, from the text block's left edge.
    col_x: Vec<f32>,
    heights: Vec<f32>,
    /// The text of each cell of `table.cells`, as lines.
    lines: Vec<Vec<String>>,
}

fn figure_text(report: &Report, f: Figure) -> String {
    report.figure_text(CellRef::from(f))
}

impl<'t> Placed<'t> {
    pub fn new(flow: &Flow, table: &'t Table, report: &Report) -> Placed<'t> {
        // The left edge of each column, and the table's right edge last.
        let col_x: Vec<f32> = std::iter::once(0.0)
            .chain(table.widths_mm.iter().scan(0.0, |x, w| {
                *x += mm(*w);
                Some(*x)
            }))
            .collect();
        let measure = flow.measure(Face::Body, TABLE_SIZE);
        let lines: Vec<Vec<String>> = table
            .cells
            .iter()
            .map(|c| {
                let text = match &c.content {
                    Content::Heading(t) | Content::RowLabel(t) => t.to_string(),
                    Content::Figure(f) => figure_text(report, *f),
                };
                let width = col_x[c.col + c.cols] - col_x[c.col] - 2.0 * PAD;
                if matches!(c.content, Content::Figure(_)) {
                    // A figure is never broken; `draw_part` shrinks it to fit.
                    return vec![text].into_iter().filter(|t| !t.is_empty()).collect();
                }
                break_lines(&text, width, 0.0, &measure)
                    .into_iter()
                    .map(|l| l.text)
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .collect();

        // Each row as tall as its tallest single-row cell; a spanning cell
        // that needs more grows the last row it spans.
        let need = |i: usize| lines[i].len() as f32 * TABLE_LINE + 2.0 * PAD;
        let mut heights = vec![MIN_ROW; table.rows];
        for (i, c) in table.cells.iter().enumerate().filter(|(_, c)| c.rows == 1) {
            heights[c.row] = heights[c.row].max(need(i));
        }
        for (i, c) in table.cells.iter().enumerate().filter(|(_, c)| c.rows > 1) {
            let have: f32 = heights[c.row..c.row + c.rows].iter().sum();
            if need(i) > have {
                heights[c.row + c.rows - 1] += need(i) - have;
            }
        }
        Placed {
            table,
            col_x,
            heights,
            lines,
        }
    }

    fn header_height(&self) -> f32 {
        self.heights[..self.table.header_rows].iter().sum()
    }

    fn rows_height(&self, from: usize, to: usize) -> f32 {
        self.heights[from..to].iter().sum()
    }

    /// Whether a page may break before body row `b`: no row label spans the
    /// boundary; in a table of blocks without a common header (table A),
    /// only before a block's full-width heading, so blocks stay whole.
    fn breakable(&self, b: usize) -> bool {
        let t = self.table;
        let spanned = t.cells.iter().any(|c| c.row < b && b < c.row + c.rows);
        let block_start = t.header_rows > 0
            || t.cells.iter().any(|c| {
                c.row == b && c.cols == t.cols && matches!(c.content, Content::Heading(_))
            });
        !spanned && block_start
    }

    /// How many spanning cells a break before `b` would cut.
    fn cut(&self, b: usize) -> usize {
        self.table
            .cells
            .iter()
            .filter(|c| c.row < b && b < c.row + c.rows)
            .count()
    }

    /// The smallest height the table needs on the page it starts on: its
    /// header and its first unbreakable group of rows.
    pub fn first_part_height(&self) -> f32 {
        let start = self.table.header_rows;
        let end = (start + 1..=self.table.rows)
            .find(|&b| b == self.table.rows || self.breakable(b))
            .unwrap_or(self.table.rows);
        (self.header_height() + self.rows_height(start, end)).min(TEXT_TOP - BOTTOM)
    }

    /// Where the part starting at `start` should end, given `room` points.
    fn part_end(&self, start: usize, room: f32, fresh_page: bool) -> Option<usize> {
        let rows = self.table.rows;
        let avail = room - self.header_height();
        let fits = |b: usize| self.rows_height(start, b) <= avail;
        if fits(rows) {
            return Some(rows);
        }
        let clean = (start + 1..rows)
            .rev()
            .find(|&b| fits(b) && self.breakable(b));
        if clean.is_some() {
            return clean;
        }
        if !fresh_page {
            return None; // try again on a fresh page before cutting a span
        }
        // A group taller than a page: cut where the fewest spans are cut.
        (start + 1..rows)
            .filter(|&b| fits(b))
            .min_by_key(|&b| (self.cut(b), std::cmp::Reverse(b)))
            .or(Some(start + 1))
    }

    pub fn draw(&self, flow: &mut Flow) {
        let mut start = self.table.header_rows;
        while start < self.table.rows {
            let fresh = flow.y >= TEXT_TOP;
            match self.part_end(start, flow.room(), fresh) {
                Some(end) => {
                    self.draw_part(flow, start, end);
                    start = end;
                    if start < self.table.rows {
                        flow.new_page();
                    }
                }
                None => flow.new_page(),
            }
        }
        flow.y -= LINE / 2.0;
    }

    /// Header rows and body rows `start..end` at the flow's position.
    fn draw_part(&self, flow: &mut Flow, start: usize, end: usize) {
        let t = self.table;
        let visible: Vec<usize> = (0..t.header_rows).chain(start..end).collect();
        // Top y of each visible row, and of the part's bottom.
        let mut top = std::collections::HashMap::new();
        let mut y = flow.y;
        for r in &visible {
            top.insert(*r, y);
            y -= self.heights[*r];
        }
        let bottom = y;
        let row_bottom = |r: usize| top[&r] - self.heights[r];

        for (i, c) in t.cells.iter().enumerate() {
            // The rows of this cell shown in this part.
            let rows: Vec<usize> = (c.row..c.row + c.rows)
                .filter(|r| top.contains_key(r))
                .collect();
            let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
                continue;
            };
            let (y_top, y_bottom) = (top[first], row_bottom(*last));
            let x0 = LEFT + self.col_x[c.col];
            let x1 = LEFT + self.col_x[c.col + c.cols];
            let page = flow.page();
            if matches!(c.content, Content::Heading(_)) {
                page.fills.push(Fill {
                    x: x0,
                    y: y_bottom,
                    w: x1 - x0,
                    h: y_top - y_bottom,
                    grey: HEADING_GREY,
                });
            }
            for (from, to) in [
                ((x0, y_top), (x1, y_top)),
                ((x0, y_bottom), (x1, y_bottom)),
                ((x0, y_top), (x0, y_bottom)),
                ((x1, y_top), (x1, y_bottom)),
            ] {
                page.rules.push(Rule {
                    from,
                    to,
                    width: RULE,
                });
            }

            let lines = &self.lines[i];
            let block = lines.len() as f32 * TABLE_LINE;
            let mut baseline = (y_top + y_bottom) / 2.0 + block / 2.0 - TABLE_LINE
                + (TABLE_LINE - TABLE_SIZE) / 2.0
                + 1.0;
            for line in lines {
                let natural: f32 = line.chars().map(flow.measure(Face::Body, TABLE_SIZE)).sum();
                // A long figure (a fee with many decimals) is set smaller rather than broken.
                let size = TABLE_SIZE * ((x1 - x0 - 2.0 * PAD) / natural).min(1.0);
                let w = natural * size / TABLE_SIZE;
                let x = match c.content {
                    Content::RowLabel(_) => x0 + PAD,
                    _ => (x0 + x1 - w) / 2.0,
                };
                let runs = flow.line_runs(line, Face::Body, size, x, baseline, 0.0);
                flow.page().runs.extend(runs);
                baseline -= TABLE_LINE;
            }
        }
        flow.y = bottom;
    }
}
