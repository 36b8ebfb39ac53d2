//! The report as a Word document (.docx), for the leader's sign-off and the
//! seal: clerks print it from Word or WPS, and the leader's edits come back in
//! the same file (`import` reads it).
//!
//! The page follows FORMAT.md's "Print layout" (GB/T 9704): A4 with margins
//! 37/28/26/35 mm, the title in 2号 方正小标宋简体, the body in 3号 仿宋_GB2312
//! with a two-character first-line indent and 22 lines to the page, "一、" in
//! 黑体 and "（一）" in 楷体_GB2312, "— 1 —" at the outer foot of each page.
//! Fonts are named in each run's east-Asian slot, which is the one Word and
//! WPS use for Chinese text. The tables are `form::layout`'s, with its merged
//! cells as gridSpan/vMerge. The file holds what is printed and nothing else:
//! no hidden copy of the report.

mod package;

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, HeightRule, InstrPAGE, InstrText,
    LineSpacing, LineSpacingType, PageMargin, Paragraph, Run, RunFonts, Shading, ShdType,
    SpecialIndentType, TableAlignmentType, TableCell, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, VMergeType, WidthType,
};

use crate::form::layout::{self, Cell, Content, Table};
use crate::form::{Section, part_number};
use crate::report::{CellRef, Report};

/// The faces a clerk's PC has (FORMAT.md). 方正小标宋简体 is not on every PC:
/// the file's font table names 宋体 as its stand-in (see `package`).
pub const TITLE_FONT: &str = "方正小标宋简体";
pub const BODY_FONT: &str = "仿宋_GB2312";
pub const HEADING_FONT: &str = "黑体";
pub const SUBHEADING_FONT: &str = "楷体_GB2312";
pub const TABLE_FONT: &str = "宋体";
/// Digits and Latin letters, as official documents set them.
const LATIN_FONT: &str = "Times New Roman";

/// Sizes in half-points, as Word stores them.
const TITLE_SIZE: usize = 44; // 二号, 22 pt
const BODY_SIZE: usize = 32; // 三号, 16 pt
const TABLE_SIZE: usize = 21; // 五号, 10.5 pt
/// Table C's fifteen columns are 10.4 mm each: 小五 so that four characters
/// of a heading fit on two lines.
const NARROW_TABLE_SIZE: usize = 18; // 小五, 9 pt
const FOLIO_SIZE: usize = 28; // 四号, 14 pt

/// Twentieths of a point ("twips"), Word's unit of length.
fn twips(mm: f32) -> i32 {
    (mm * 1440.0 / 25.4).round() as i32
}

/// A4 in twips.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
/// 22 lines in the 225 mm text block, exactly.
const LINE: i32 = 579;
const TITLE_LINE: i32 = 680;
/// Two characters of body text.
const INDENT: i32 = 2 * (BODY_SIZE as i32 * 10);
/// The text block's width (156 mm): the tables' width.
const TEXT_W_MM: f32 = 156.0;
/// A table row's least height (17 pt, as in the PDF) and the room above and
/// below a cell's text, in twips.
const MIN_ROW: f32 = 340.0;
const CELL_PAD: usize = 40;
/// Light grey behind heading cells, as in the PDF.
const HEADING_FILL: &str = "E6E6E6";

/// The report as the bytes of a .docx file. `created` (Unix seconds) is the
/// date the document says it was made (see `pdf::creation_time`).
pub fn export(report: &Report, created: i64) -> Result<Vec<u8>, String> {
    let mut doc = Docx::new()
        .page_size(PAGE_W, PAGE_H)
        .page_margin(PageMargin {
            top: twips(37.0),
            left: twips(28.0),
            bottom: twips(35.0),
            right: twips(26.0),
            header: twips(15.0),
            // The folio's line sits 7 mm below the text block.
            footer: twips(23.0),
            gutter: 0,
        })
        // What the leader types in Word is body text too.
        .default_fonts(fonts(BODY_FONT))
        .default_size(BODY_SIZE)
        // The outer side: right on odd pages, left on even ones.
        .footer(Footer::new().add_paragraph(folio(AlignmentType::Right)))
        .even_footer(Footer::new().add_paragraph(folio(AlignmentType::Left)));

    doc = doc.add_paragraph(title(&title_lines(
        &report.display_title(),
        report.organ.trim(),
    )));
    for p in narrative(&report.preamble) {
        doc = doc.add_paragraph(p);
    }
    doc = doc.add_paragraph(heading(&Section::Overview.heading()));
    for p in narrative(&report.overview.intro) {
        doc = doc.add_paragraph(p);
    }
    for (i, part) in report.overview.parts.iter().enumerate() {
        doc = doc.add_paragraph(subheading(&format!(
            "{}{}",
            part_number(i),
            part.heading.trim()
        )));
        for p in narrative(&part.body) {
            doc = doc.add_paragraph(p);
        }
    }
    let tables = [
        (Section::Proactive, layout::proactive(), TABLE_SIZE),
        (Section::Applications, layout::applications(), TABLE_SIZE),
        (Section::Appeals, layout::appeals(), NARROW_TABLE_SIZE),
    ];
    let mut header_rows = Vec::new();
    for (section, t, size) in &tables {
        doc = doc.add_paragraph(heading(&section.heading()));
        doc = doc.add_table(table(t, report, *size));
        header_rows.push(t.header_rows);
    }
    doc = doc.add_paragraph(heading(&Section::Problems.heading()));
    for p in narrative(&report.problems) {
        doc = doc.add_paragraph(p);
    }
    doc = doc.add_paragraph(heading(&Section::OtherMatters.heading()));
    for p in narrative(&report.other_matters) {
        doc = doc.add_paragraph(p);
    }

    package::pack(doc, &header_rows, report, created)
}

/// Run fonts: `face` for Chinese (the east-Asian slot, and the hint that puts
/// shared characters such as “” and — there too), Times New Roman for Latin.
fn fonts(face: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(face)
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
        .cs(LATIN_FONT)
        .hint("eastAsia")
}

/// Text as Word takes it: control characters are not allowed in XML, a tab
/// would be read as a cell border by the importer.
fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            c if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') => None,
            c => Some(c),
        })
        .collect()
}

fn run(text: &str, face: &str, size: usize) -> Run {
    Run::new()
        .add_text(clean(text))
        .fonts(fonts(face))
        .size(size)
}

/// A paragraph of body-sized text in `face`: exact line pitch, the paragraph
/// mark in the same face so that an empty line keeps the pitch.
fn line(text: &str, face: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, face, BODY_SIZE))
        .fonts(fonts(face))
        .size(BODY_SIZE)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(LINE)
                .before(0)
                .after(0),
        )
        .indent(
            Some(0),
            Some(SpecialIndentType::FirstLine(INDENT)),
            None,
            None,
        )
        .align(AlignmentType::Both)
}

/// About 20 characters of 2号 fit the text block's 156 mm.
const TITLE_EMS: f32 = 20.0;

/// The width of `s` in characters of its size: Latin letters and digits are
/// half as wide as Chinese ones.
fn ems(s: &str) -> f32 {
    s.chars()
        .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
        .sum()
}

/// The title on one line, or, when it is too long for one, on two broken
/// after the organ's name — where official titles break, and what the
/// importer reads back as the title ("{机关}" above "{年度}年…报告").
fn title_lines(title: &str, organ: &str) -> Vec<String> {
    if ems(title) > TITLE_EMS
        && !organ.is_empty()
        && let Some(rest) = title.strip_prefix(organ)
        && !rest.is_empty()
        && ems(organ) <= TITLE_EMS
        && ems(rest) <= TITLE_EMS
    {
        return vec![organ.to_string(), rest.to_string()];
    }
    vec![title.to_string()]
}

fn title(lines: &[String]) -> Paragraph {
    let mut r = Run::new().fonts(fonts(TITLE_FONT)).size(TITLE_SIZE);
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(clean(l));
    }
    Paragraph::new()
        .add_run(r)
        .fonts(fonts(TITLE_FONT))
        .size(TITLE_SIZE)
        .align(AlignmentType::Center)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(TITLE_LINE)
                .before(0)
                // One empty body line between the title and the text.
                .after(LINE as u32),
        )
        .keep_next(true)
}

/// "一、总体情况": 黑体, kept with what follows, a level in Word's outline.
fn heading(text: &str) -> Paragraph {
    line(text, HEADING_FONT).keep_next(true).outline_lvl(0)
}

/// "（一）主动公开政府信息情况": 楷体.
fn subheading(text: &str) -> Paragraph {
    line(text, SUBHEADING_FONT).keep_next(true).outline_lvl(1)
}

/// Each line of the clerk's text is a paragraph, as in the PDF and the web page.
fn narrative(text: &str) -> Vec<Paragraph> {
    text.lines()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| line(p, BODY_FONT))
        .collect()
}

/// "— N —": the page number as a PAGE field, in 4号 宋体, one character in
/// from the outer edge of the text block.
fn folio(align: AlignmentType) -> Paragraph {
    let one_char = FOLIO_SIZE as i32 * 10;
    let (left, right) = match align {
        AlignmentType::Left => (one_char, 0),
        _ => (0, one_char),
    };
    let face = TABLE_FONT;
    Paragraph::new()
        .align(align)
        .indent(Some(left), None, Some(right), None)
        .add_run(run("— ", face, FOLIO_SIZE))
        .add_run(
            Run::new()
                .fonts(fonts(face))
                .size(FOLIO_SIZE)
                .add_field_char(FieldCharType::Begin, false),
        )
        .add_run(
            Run::new()
                .fonts(fonts(face))
                .size(FOLIO_SIZE)
                .add_instr_text(InstrText::PAGE(InstrPAGE::new())),
        )
        .add_run(
            Run::new()
                .fonts(fonts(face))
                .size(FOLIO_SIZE)
                .add_field_char(FieldCharType::Separate, false),
        )
        .add_run(run("1", face, FOLIO_SIZE))
        .add_run(
            Run::new()
                .fonts(fonts(face))
                .size(FOLIO_SIZE)
                .add_field_char(FieldCharType::End, false),
        )
        .add_run(run(" —", face, FOLIO_SIZE))
}

/// One of the three tables: a row of the grid is a row of the table; a cell
/// that spans columns is one cell with gridSpan, one that spans rows starts a
/// vertical merge continued by an empty cell in each row below it.
fn table(t: &Table, report: &Report, size: usize) -> docx_rs::Table {
    // The form's proportions stretched to the text block.
    let total: f32 = t.widths_mm.iter().sum();
    let grid: Vec<usize> = t
        .widths_mm
        .iter()
        .map(|w| twips(w / total * TEXT_W_MM) as usize)
        .collect();
    let mut rows = Vec::with_capacity(t.rows);
    for r in 0..t.rows {
        let mut cells = Vec::new();
        let mut col = 0;
        while col < t.cols {
            // The form's tables are tiled (form::layout's tests): every grid
            // position is covered by exactly one cell.
            let Some(cell) = t
                .cells
                .iter()
                .find(|c| c.col == col && (c.row..c.row + c.rows).contains(&r))
            else {
                col += 1;
                continue;
            };
            let width: usize = grid[col..col + cell.cols].iter().sum();
            cells.push(table_cell(
                cell,
                r,
                width,
                report,
                size,
                keep_with_next(t, r),
            ));
            col += cell.cols;
        }
        // A row is never split across pages; header rows are marked to repeat
        // on every page by `package` (docx-rs has no word for it).
        rows.push(
            TableRow::new(cells)
                .cant_split()
                .row_height(MIN_ROW)
                .height_rule(HeightRule::AtLeast),
        );
    }
    docx_rs::Table::new(rows)
        .set_grid(grid)
        .layout(TableLayoutType::Fixed)
        .width(twips(TEXT_W_MM) as usize, WidthType::Dxa)
        .align(TableAlignmentType::Center)
        .margins(TableCellMargins::new().margin(CELL_PAD, 57, CELL_PAD, 57))
}

/// Table A is four blocks without a common header: each block stays on one
/// page, as the PDF keeps it.
fn keep_with_next(t: &Table, r: usize) -> bool {
    let block_start = |r: usize| {
        t.cells
            .iter()
            .any(|c| c.row == r && c.cols == t.cols && c.rows == 1)
    };
    t.header_rows == 0 && r + 1 < t.rows && !block_start(r + 1)
}

fn table_cell(
    cell: &Cell,
    row: usize,
    width: usize,
    report: &Report,
    size: usize,
    keep_next: bool,
) -> TableCell {
    let mut tc = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center);
    if cell.cols > 1 {
        tc = tc.grid_span(cell.cols);
    }
    if matches!(cell.content, Content::Heading(_)) {
        tc = tc.shading(
            Shading::new()
                .shd_type(ShdType::Clear)
                .color("auto")
                .fill(HEADING_FILL),
        );
    }
    let (text, align) = match &cell.content {
        Content::Heading(h) => (h.to_string(), AlignmentType::Center),
        Content::RowLabel(l) => (l.to_string(), AlignmentType::Left),
        Content::Figure(f) => (report.figure_text(CellRef::from(*f)), AlignmentType::Center),
    };
    let continued = row > cell.row;
    if cell.rows > 1 {
        tc = tc.vertical_merge(if continued {
            VMergeType::Continue
        } else {
            VMergeType::Restart
        });
    }
    let mut p = Paragraph::new()
        .fonts(fonts(TABLE_FONT))
        .size(size)
        .align(align)
        .line_spacing(LineSpacing::new().line(240).before(0).after(0))
        .indent(Some(0), None, None, None)
        .keep_next(keep_next);
    if !continued && !text.is_empty() {
        p = p.add_run(run(&text, TABLE_FONT, size));
    }
    tc.add_paragraph(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_title_breaks_after_the_organ() {
        assert_eq!(
            title_lines(
                "阿戛镇人民政府2024年政府信息公开工作年度报告",
                "阿戛镇人民政府"
            ),
            ["阿戛镇人民政府", "2024年政府信息公开工作年度报告"]
        );
        // Short enough for one line: one line.
        assert_eq!(
            title_lines("某局2024年政府信息公开工作年度报告", "某局"),
            ["某局2024年政府信息公开工作年度报告"]
        );
        // A title that does not start with the organ is left to Word.
        let own = "关于2024年度政府信息公开工作情况的年度报告（阿戛镇人民政府）";
        assert_eq!(title_lines(own, "阿戛镇人民政府"), [own]);
    }

    #[test]
    fn text_word_cannot_hold_is_left_out() {
        assert_eq!(clean("甲\t乙\u{1b}丙\u{0}\u{ffff}"), "甲 乙丙");
    }
}
