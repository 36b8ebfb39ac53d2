//! Laying the report out on pages: title, narrative with its headings, the
//! three tables, page numbers.

use super::faces::{Face, Faces};
use super::geometry::*;
use super::linebreak::{Line, break_lines, may_break_between};
use super::table;
use crate::export::pages::{Page, TextRun};
use crate::form::{Section, layout, part_number};
use crate::report::Report;

/// How a paragraph's lines sit in the text block.
#[derive(Clone, Copy, PartialEq)]
pub enum Align {
    /// Justified, the last line flush left.
    Justify,
    Center,
}

/// A cursor moving down the pages.
pub struct Flow<'f> {
    pub faces: &'f Faces,
    pub pages: Vec<Page>,
    /// The top of the free space on the current page.
    pub y: f32,
}

impl<'f> Flow<'f> {
    pub fn new(faces: &'f Faces) -> Flow<'f> {
        Flow {
            faces,
            pages: vec![Page::default()],
            y: TEXT_TOP,
        }
    }

    pub fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a flow always has a page")
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TEXT_TOP;
    }

    /// Room left on the current page.
    pub fn room(&self) -> f32 {
        self.y - BOTTOM
    }

    /// Start a new page unless `h` points fit on this one.
    pub fn ensure(&mut self, h: f32) {
        if h > self.room() && self.y < TEXT_TOP {
            self.new_page();
        }
    }

    pub fn measure(&self, face: Face, size: f32) -> impl Fn(char) -> f32 + '_ {
        move |c| self.faces.advance(face, c, size)
    }

    /// Runs for one line of text starting at `x`, split where the face falls
    /// back, with `spacing` after each character.
    pub fn line_runs(
        &self,
        text: &str,
        face: Face,
        size: f32,
        x: f32,
        y: f32,
        spacing: f32,
    ) -> Vec<TextRun> {
        let mut runs: Vec<TextRun> = Vec::new();
        let mut x = x;
        for c in text.chars() {
            let (drawn, em) = self.faces.resolve(face, c);
            match runs.last_mut() {
                Some(r) if r.face == drawn => r.text.push(c),
                _ => runs.push(TextRun {
                    x,
                    y,
                    size,
                    face: drawn,
                    text: c.to_string(),
                    spacing,
                }),
            }
            x += em * size + spacing;
        }
        runs
    }

    /// A paragraph: lines broken to the text width, `indent` points on the first.
    pub fn paragraph(
        &mut self,
        text: &str,
        face: Face,
        size: f32,
        pitch: f32,
        indent: f32,
        align: Align,
    ) {
        let lines = break_lines(text, TEXT_W, indent, &self.measure(face, size));
        for (i, line) in lines.iter().enumerate() {
            self.ensure(pitch);
            let first_indent = if i == 0 { indent } else { 0.0 };
            self.place_line(line, face, size, pitch, first_indent, align);
        }
    }

    fn place_line(
        &mut self,
        line: &Line,
        face: Face,
        size: f32,
        pitch: f32,
        indent: f32,
        align: Align,
    ) {
        // Baseline: the line's box is `pitch` tall, text sits in its lower part.
        let baseline = self.y - pitch + (pitch - size) / 2.0 + size * 0.12;
        let avail = TEXT_W - indent;
        let n = line.text.chars().count();
        let (x, spacing) = match align {
            Align::Center => (LEFT + (TEXT_W - line.width) / 2.0, 0.0),
            Align::Justify if !line.last && n > 1 => (
                LEFT + indent,
                ((avail - line.width) / (n - 1) as f32).max(0.0),
            ),
            Align::Justify => (LEFT + indent, 0.0),
        };
        let runs = self.line_runs(&line.text, face, size, x, baseline, spacing);
        self.page().runs.extend(runs);
        self.y -= pitch;
    }

    /// Narrative text: each line of the clerk's text is a paragraph, indented two characters.
    pub fn narrative(&mut self, text: &str) {
        for para in text.lines().map(str::trim).filter(|p| !p.is_empty()) {
            self.paragraph(
                para,
                Face::Body,
                BODY_SIZE,
                LINE,
                2.0 * BODY_SIZE,
                Align::Justify,
            );
        }
    }

    /// A heading kept with at least `keep` points of what follows it.
    pub fn heading(&mut self, text: &str, face: Face, keep: f32) {
        self.ensure(LINE + keep);
        self.paragraph(text, face, BODY_SIZE, LINE, 2.0 * BODY_SIZE, Align::Justify);
    }
}

/// The title on one line, or two balanced lines when it is long, broken at a
/// natural place when one is balanced enough: after the organ's name or
/// before 政府信息公开工作年度报告.
fn title_lines(flow: &Flow, title: &str, organ: &str) -> Vec<String> {
    let measure = flow.measure(Face::Title, TITLE_SIZE);
    let width = |s: &[char]| s.iter().copied().map(&measure).sum::<f32>();
    let chars: Vec<char> = title.chars().collect();
    if width(&chars) <= TEXT_W {
        return vec![title.to_string()];
    }
    let fits = |i: usize| width(&chars[..i]) <= TEXT_W && width(&chars[i..]) <= TEXT_W;
    let imbalance = |i: usize| (width(&chars[..i]) - width(&chars[i..])).abs();
    let natural = [
        title.strip_prefix(organ).map(|_| organ.chars().count()),
        title
            .find(crate::form::REPORT_NAME)
            .map(|b| title[..b].chars().count()),
    ];
    let pick = natural
        .into_iter()
        .flatten()
        .filter(|&i| i > 0 && i < chars.len() && fits(i))
        .filter(|&i| imbalance(i) <= TEXT_W / 2.0)
        .min_by(|&a, &b| imbalance(a).total_cmp(&imbalance(b)))
        .or_else(|| {
            (1..chars.len())
                .filter(|&i| may_break_between(chars[i - 1], chars[i]) && fits(i))
                .min_by(|&a, &b| imbalance(a).total_cmp(&imbalance(b)))
        });
    match pick {
        Some(i) => vec![chars[..i].iter().collect(), chars[i..].iter().collect()],
        None => break_lines(title, TEXT_W, 0.0, &measure)
            .into_iter()
            .map(|l| l.text)
            .collect(),
    }
}

/// Every page of the report, page numbers included.
pub fn pages(report: &Report, faces: &Faces) -> Vec<Page> {
    let mut flow = Flow::new(faces);

    for line in title_lines(&flow, &report.display_title(), report.organ.trim()) {
        let l = Line {
            width: line
                .chars()
                .map(flow.measure(Face::Title, TITLE_SIZE))
                .sum(),
            text: line,
            last: true,
        };
        flow.place_line(&l, Face::Title, TITLE_SIZE, TITLE_LINE, 0.0, Align::Center);
    }
    flow.y -= LINE;
    flow.narrative(&report.preamble);

    flow.heading(&Section::Overview.heading(), Face::Hei, LINE);
    flow.narrative(&report.overview.intro);
    for (i, part) in report.overview.parts.iter().enumerate() {
        flow.heading(
            &format!("{}{}", part_number(i), part.heading.trim()),
            Face::Kai,
            LINE,
        );
        flow.narrative(&part.body);
    }

    let tables = [
        (Section::Proactive, layout::proactive()),
        (Section::Applications, layout::applications()),
        (Section::Appeals, layout::appeals()),
    ];
    for (section, t) in &tables {
        let placed = table::Placed::new(&flow, t, report);
        flow.heading(&section.heading(), Face::Hei, placed.first_part_height());
        placed.draw(&mut flow);
    }

    flow.heading(&Section::Problems.heading(), Face::Hei, LINE);
    flow.narrative(&report.problems);
    flow.heading(&Section::OtherMatters.heading(), Face::Hei, LINE);
    flow.narrative(&report.other_matters);

    let mut pages = flow.pages;
    folios(&mut pages, faces);
    pages
}

/// "— N —" under the text block, on the outer side: right on odd pages,
/// left on even ones, one character in from the edge.
fn folios(pages: &mut [Page], faces: &Faces) {
    let baseline = BOTTOM - mm(7.0) - FOLIO_SIZE * 0.88;
    for (i, page) in pages.iter_mut().enumerate() {
        let n = i + 1;
        let text = format!("— {n} —");
        let w: f32 = text
            .chars()
            .map(|c| faces.advance(Face::Body, c, FOLIO_SIZE))
            .sum();
        let x = if n % 2 == 1 {
            PAGE_W - RIGHT - FOLIO_SIZE - w
        } else {
            LEFT + FOLIO_SIZE
        };
        page.runs.push(TextRun {
            x,
            y: baseline,
            size: FOLIO_SIZE,
            face: Face::Body,
            text,
            spacing: 0.0,
        });
    }
}
