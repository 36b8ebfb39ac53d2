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
use super::table;

/// What a page holds, top to bottom.
enum Item {
    Line(Line),
    /// Lines already in the importer's shape (table rows).
    Rows(Vec<String>),
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
}

impl Flow {
    pub fn new() -> Flow {
        Flow {
            pages: Vec::new(),
            out: String::new(),
            paragraph: String::new(),
            last: None,
            unsure_cells: 0,
        }
    }

    pub fn page(&mut self, page: &Page) {
        let tables = table::find(&page.rules);
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
        for page in std::mem::take(&mut self.pages) {
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
                            self.out.push_str(&r);
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

/// Does `next` continue the paragraph whose last line is `prev`? Either a
/// body line reaching the right margin followed by one not indented, or a
/// title set over several centred lines in a larger size.
fn continues(prev: &Line, pm: Margins, next: &Line, nm: Margins, new_page: bool) -> bool {
    let em = prev.size.max(1.0);
    let same_size = (prev.size - next.size).abs() <= 0.15 * em;
    if next.vertical || !same_size {
        return false;
    }
    let close = next.y > prev.y && next.y - prev.y <= 2.5 * em;
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
