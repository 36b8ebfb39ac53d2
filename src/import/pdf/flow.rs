//! Pages into the text shape the importer reads: paragraphs as lines, each
//! table row as one line of `|`-bordered cells.
//!
//! A paragraph is rebuilt from its printed lines by their geometry: a line
//! that reaches the right margin goes on in the next line when that one is
//! not indented — across a page break too, with the page number between
//! them left out. So a number stays in its sentence.

use super::columns;
use super::lines::{Line, lines};
use super::page::{Glyph, Page};
use super::row::Row;
use super::table;

/// What a page holds, top to bottom.
enum Item {
    Line(Line),
    /// A table, or the part of one on this page.
    Rows(Vec<Row>),
}

/// The text margins of a page.
#[derive(Clone, Copy)]
struct Margins {
    left: f32,
    right: f32,
    /// The size of body text.
    body: f32,
}

/// A page read, waiting for the document's margins.
struct PageItems {
    items: Vec<(f32, Item)>,
    edges: Edges,
}

pub struct Flow {
    pages: Vec<PageItems>,
    out: String,
    /// The paragraph being built, and its last line with that line's margins.
    paragraph: String,
    last: Option<(Line, Margins)>,
    /// Cells left blank because their digits ran across a rule.
    pub unsure_cells: usize,
    /// Rule crossings table.rs may still try (a file of nothing but rules
    /// cannot make the reader crawl).
    crossings: usize,
}

impl Flow {
    pub fn new() -> Flow {
        Flow {
            pages: Vec::new(),
            out: String::new(),
            paragraph: String::new(),
            last: None,
            unsure_cells: 0,
            crossings: 20_000_000,
        }
    }

    pub fn page(&mut self, page: &Page) {
        let tables = table::find(&page.rules, &mut self.crossings);
        let mut inside: Vec<Vec<Glyph>> = vec![Vec::new(); tables.len()];
        let mut free: Vec<Glyph> = Vec::new();
        for g in &page.glyphs {
            match tables.iter().position(|t| t.contains(g.center())) {
                Some(i) => inside[i].push(g.clone()),
                None => free.push(g.clone()),
            }
        }
        let mut items: Vec<(f32, Item)> = Vec::new();
        for (t, glyphs) in tables.iter().zip(&inside) {
            let (rows, unsure) = t.rows(glyphs);
            self.unsure_cells += unsure;
            if !rows.is_empty() {
                items.push((t.y0, Item::Rows(rows)));
            }
        }
        let free_lines: Vec<Line> = lines(&free)
            .into_iter()
            .filter(|l| !super::super::is_page_number(&l.text()))
            .collect();
        let edges = edges(&free_lines, page.width);
        for block in columns::blocks(&free_lines) {
            match block {
                columns::Block::Line(l) => items.push((l.y - l.size, Item::Line(l))),
                columns::Block::Rows(top, rows) => items.push((top, Item::Rows(rows))),
            }
        }
        items.sort_by(|a, b| a.0.total_cmp(&b.0));
        self.pages.push(PageItems { items, edges });
    }

    /// The text of all pages: a page without margins of its own (a last
    /// page of a few lines) takes the document's.
    pub fn finish(mut self) -> String {
        let all = Edges::merged(self.pages.iter().map(|p| &p.edges));
        let mut pages = std::mem::take(&mut self.pages);
        stitch(&mut pages);
        for page in pages {
            let margins = page.edges.margins().or(all.margins());
            let margins = margins.unwrap_or(Margins {
                left: f32::MIN,
                right: f32::MAX,
                body: f32::MAX,
            });
            let mut first = true;
            for (_, item) in page.items {
                match item {
                    Item::Line(l) => self.line(l, margins, first),
                    Item::Rows(rows) => {
                        self.end_paragraph();
                        for r in rows {
                            self.out.push_str(&r.line());
                            self.out.push('\n');
                        }
                    }
                }
                first = false;
            }
        }
        self.end_paragraph();
        self.out
    }

    fn line(&mut self, line: Line, margins: Margins, first_on_page: bool) {
        let text = line.text();
        if text.is_empty() {
            return;
        }
        let goes_on = self
            .last
            .as_ref()
            .is_some_and(|(prev, m)| continues(prev, *m, &line, margins, first_on_page));
        if !goes_on {
            self.end_paragraph();
        } else if self
            .paragraph
            .ends_with(|c: char| c.is_ascii_alphanumeric())
            && text.starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            self.paragraph.push(' ');
        }
        self.paragraph.push_str(&text);
        self.last = (!line.vertical).then_some((line, margins));
        if self.last.is_none() {
            self.end_paragraph();
        }
    }

    fn end_paragraph(&mut self) {
        if !self.paragraph.is_empty() {
            self.out.push_str(&self.paragraph);
            self.out.push('\n');
            self.paragraph.clear();
        }
        self.last = None;
    }
}

/// A table that goes on at the top of the next page goes on as one table:
/// the header rows the next page repeats are left out (the row reader
/// would take their 其他 and 总计 for rows), and a label whose end the page
/// break carried over is whole again.
fn stitch(pages: &mut [PageItems]) {
    let mut header: Vec<Row> = Vec::new();
    for p in 0..pages.len() {
        let starts_with_table = matches!(pages[p].items.first(), Some((_, Item::Rows(_))));
        let before_is_table =
            p > 0 && matches!(pages[p - 1].items.last(), Some((_, Item::Rows(_))));
        let (done, rest) = pages.split_at_mut(p);
        if starts_with_table
            && before_is_table
            && let Some((_, Item::Rows(next))) = rest[0].items.first_mut()
        {
            let repeated = next
                .iter()
                .take_while(|r| header.iter().any(|h| h.same_text(r)))
                .count();
            next.drain(..repeated);
            let carried = next.first().and_then(Row::carried_over).cloned();
            if let Some(end) = carried
                && let Some((_, Item::Rows(before))) = done[p - 1].items.last_mut()
                && let Some(label) = before.last_mut().and_then(|r| r.label_going_on_in(&end))
            {
                label.text.push_str(&end.text);
                next.remove(0);
            }
        }
        // The table that may go on on the next page: the page's last one,
        // unless that is the one continued here. Its header is what comes
        // before its first figure.
        let tables: Vec<&Vec<Row>> = rest[0]
            .items
            .iter()
            .filter_map(|(_, i)| match i {
                Item::Rows(r) => Some(r),
                Item::Line(_) => None,
            })
            .collect();
        let continued_only = starts_with_table && before_is_table && tables.len() == 1;
        if let Some(last) = tables.last()
            && !continued_only
        {
            header = last
                .iter()
                .take_while(|r| !r.has_figures())
                .cloned()
                .collect();
        }
    }
}

/// Does `next` continue the paragraph whose last line is `prev`? Either a
/// body line reaching the right margin followed by one not indented, or a
/// title set over several centred lines in a larger size.
fn continues(prev: &Line, pm: Margins, next: &Line, nm: Margins, new_page: bool) -> bool {
    let em = prev.size.max(1.0);
    let same_size = (prev.size - next.size).abs() <= 0.15 * em;
    if next.vertical || !same_size {
        return false;
    }
    // Up to three ems from baseline to baseline: double-spaced text too.
    let close = next.y > prev.y && next.y - prev.y <= 3.0 * em;
    let centred = |l: &Line, m: Margins| {
        m.right > m.left && ((l.x0 + l.x1) / 2.0 - (m.left + m.right) / 2.0).abs() <= 1.5 * em
    };
    let title =
        !new_page && close && prev.size >= 1.2 * pm.body && centred(prev, pm) && centred(next, nm);
    let full = prev.x1 >= pm.right - 1.5 * em;
    let flush = next.x0 <= nm.left + 0.8 * em;
    title || (full && flush && (new_page || close))
}

/// The body text's lines of a page: where they start and end, their size.
struct Edges {
    starts: Vec<f32>,
    ends: Vec<f32>,
    sizes: Vec<f32>,
    width: f32,
}

fn edges(lines: &[Line], width: f32) -> Edges {
    let body: Vec<&Line> = lines
        .iter()
        .filter(|l| !l.vertical && l.glyphs.len() >= 8)
        .collect();
    Edges {
        starts: body.iter().map(|l| l.x0).collect(),
        ends: body.iter().map(|l| l.x1).collect(),
        sizes: body.iter().map(|l| l.size).collect(),
        width,
    }
}

impl Edges {
    fn merged<'a>(all: impl Iterator<Item = &'a Edges>) -> Edges {
        let mut out = Edges {
            starts: Vec::new(),
            ends: Vec::new(),
            sizes: Vec::new(),
            width: 0.0,
        };
        for e in all {
            out.starts.extend(&e.starts);
            out.ends.extend(&e.ends);
            out.sizes.extend(&e.sizes);
            out.width = out.width.max(e.width);
        }
        out
    }

    /// The margins: an edge is where at least three lines of body text meet
    /// it, within half an em, and the right one is in the right part of the
    /// page (short lines that happen to end together are no margin).
    fn margins(&self) -> Option<Margins> {
        let mut sizes = self.sizes.clone();
        sizes.sort_by(f32::total_cmp);
        let body = *sizes.get(sizes.len() / 2)?;
        let em = body.clamp(1.0, 100.0);
        let shared = |v: &[f32], largest: bool| {
            let mut v = v.to_vec();
            v.sort_by(f32::total_cmp);
            if largest {
                v.reverse();
            }
            v.windows(3)
                .find(|w| (w[0] - w[2]).abs() <= 0.5 * em)
                .map(|w| w[0])
        };
        let left = shared(&self.starts, false)?;
        let right = shared(&self.ends, true).filter(|r| *r >= 0.6 * self.width)?;
        Some(Margins { left, right, body })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::pdf::row::Cell;

    fn row(cells: &[(&str, bool)]) -> Row {
        Row {
            cells: cells
                .iter()
                .map(|(t, full)| Cell {
                    text: t.to_string(),
                    fillers: 0,
                    full: *full,
                    across: Some((0.0, 100.0)),
                })
                .collect(),
        }
    }

    fn page(rows: Vec<Row>) -> PageItems {
        PageItems {
            items: vec![(0.0, Item::Rows(rows))],
            edges: edges(&[], 595.0),
        }
    }

    fn lines(p: &PageItems) -> Vec<String> {
        match &p.items[0].1 {
            Item::Rows(r) => r.iter().map(Row::line).collect(),
            Item::Line(_) => vec![],
        }
    }

    #[test]
    fn a_table_goes_on_without_its_repeated_header_and_with_its_cut_label_whole() {
        let header = row(&[("信息内容", false), ("本年处理决定数量", false)]);
        let mut pages = [
            page(vec![
                header.clone(),
                row(&[
                    ("2.申请人逾期未按收费通知要求缴纳费用、行", true),
                    ("11", false),
                ]),
            ]),
            page(vec![
                header.clone(),
                row(&[("政机关不再处理其政府信息公开申请", false), ("", false)]),
                row(&[("3.其他", false), ("101", false)]),
            ]),
        ];
        stitch(&mut pages);
        assert_eq!(
            lines(&pages[0]),
            [
                "| 信息内容 | 本年处理决定数量 |",
                "| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 11 |"
            ]
        );
        assert_eq!(lines(&pages[1]), ["| 3.其他 | 101 |"]);
    }

    #[test]
    fn a_short_label_is_whole_and_the_next_row_its_own() {
        let mut pages = [
            page(vec![row(&[("行政处罚", false), ("4119", false)])]),
            page(vec![row(&[("行政强制", false), ("", false)])]),
        ];
        stitch(&mut pages);
        assert_eq!(lines(&pages[0]), ["| 行政处罚 | 4119 |"]);
        assert_eq!(lines(&pages[1]), ["| 行政强制 |  |"]);
    }
}
