//! A Word document (.docx) to the text shape the importer reads — the shape
//! `html` makes of a web page: paragraphs as lines, each table row one line
//! of `|`-bordered cells. The tables then go through the same reader as
//! pages and text, under the same rule: never a wrong number.
//!
//! Merged cells: a figure cell spanning n columns (gridSpan) is followed by
//! n−1 empty cells, and a cell continuing a vertical merge (vMerge) is an
//! empty cell, so that every figure keeps its column whatever the merges
//! around it. A label spanning columns is not followed by empty cells (as in
//! `html`): the figures are read after their label, where an empty cell
//! would read as a blank figure and push them one column right. Columns of
//! the table's grid too narrow to hold anything (LibreOffice leaves 1-twip
//! slivers where its column edges do not line up) are not counted.
//!
//! Word's automatic numbering ("一、" before a heading typed as "总体情况")
//! is read as the number it shows (see `numbering`).
//!
//! What Word does not show is not read: deleted revisions, hidden text, the
//! fallback copy of a text box. Headers and footers (page numbers) are not
//! part of the document body and are not read either.
//!
//! A .docx is a zip archive; a damaged or hostile one is refused with a
//! message, and nothing in it is read past a size cap (a "zip bomb" expands
//! a few KB into GB).

mod numbering;

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};
use zip::ZipArchive;
use zip::result::ZipError;

use super::ImportError;
use numbering::Numbering;

/// A report's .docx with its photos of seals and signatures is a few MB;
/// past this it is not one.
pub const MAX_BYTES: usize = 100 * 1024 * 1024;
/// The document's XML, uncompressed. The 2021 form as WPS writes it is 250 KB.
const MAX_XML: u64 = 64 * 1024 * 1024;
/// Tables inside tables deeper than this are read as text of their cell.
const MAX_NESTING: usize = 8;

/// A zip archive (a .docx, .xlsx, .odt …) by its first bytes.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// An OLE compound file: Word 97–2003 (.doc), WPS (.wps), or a .docx with a
/// password, which Word stores encrypted in the same container.
pub fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

fn unreadable(why: &str) -> ImportError {
    ImportError::Docx(format!(
        "无法读取这个 Word 文档（{why}）：文件可能已损坏或没有下载完整。请在 Word 或 WPS 中打开它，“另存为”Word 文档（.docx）后再导入"
    ))
}

/// The document's body as text in the importer's shape.
pub fn to_text(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| match e {
        ZipError::UnsupportedArchive(_) => unreadable("压缩方式或加密不受支持"),
        _ => unreadable("压缩包结构损坏"),
    })?;
    let name = main_part(&mut zip)?;
    let xml = read_part(&mut zip, &name)?;
    let xml = decode(&xml)?;
    // The lists and styles beside the document, where Word puts them; a
    // document without them (or with them unreadable) is read unnumbered.
    let folder = name.rsplit_once('/').map_or("", |(d, _)| d);
    let mut beside = |part: &str| {
        let path = if folder.is_empty() {
            part.to_string()
        } else {
            format!("{folder}/{part}")
        };
        entry_name(&zip, &path)
            .and_then(|n| read_part(&mut zip, &n).ok())
            .and_then(|x| decode(&x).ok())
    };
    let lists = beside("numbering.xml");
    let styles = beside("styles.xml");
    let numbering = Numbering::read(lists.as_deref(), styles.as_deref());
    let blocks = parse(&xml, numbering)?;
    let mut out = String::new();
    render(&blocks, &mut out);
    Ok(out)
}

/// The name of an entry, matched as Word would: exactly, else ignoring case
/// and a leading slash (some writers differ there).
fn entry_name<R: Read + std::io::Seek>(zip: &ZipArchive<R>, name: &str) -> Option<String> {
    let name = name.trim_start_matches('/');
    if zip.index_for_name(name).is_some() {
        return Some(name.to_string());
    }
    zip.file_names()
        .find(|n| n.trim_start_matches('/').eq_ignore_ascii_case(name))
        .map(str::to_string)
}

/// The main document part: where the package's relationships say it is,
/// else where Word puts it.
fn main_part<R: Read + std::io::Seek>(zip: &mut ZipArchive<R>) -> Result<String, ImportError> {
    let from_rels = entry_name(zip, "_rels/.rels")
        .and_then(|rels| read_part(zip, &rels).ok())
        .and_then(|xml| office_document(&String::from_utf8_lossy(&xml)));
    let found = from_rels
        .and_then(|target| entry_name(zip, &target))
        .or_else(|| entry_name(zip, "word/document.xml"));
    if let Some(name) = found {
        return Ok(name);
    }
    // Say what the archive is instead, when it is something a clerk knows.
    let has = |n: &str| entry_name(zip, n).is_some();
    let what = if has("xl/workbook.xml") {
        "这是 Excel 表格（.xlsx），不是 Word 文档"
    } else if has("ppt/presentation.xml") {
        "这是 PowerPoint 演示文稿（.pptx），不是 Word 文档"
    } else if has("content.xml") {
        "这是 OpenDocument 文档（.odt），不是 Word 文档：请在 WPS 或 Word 中打开它，“另存为”Word 文档（.docx）后再导入"
    } else {
        "这不是 Word 文档：压缩包里没有 Word 的正文（word/document.xml）。请确认选择的是年报的 .docx 文件"
    };
    Err(ImportError::Docx(what.to_string()))
}

/// The target of the package's officeDocument relationship.
fn office_document(rels: &str) -> Option<String> {
    let mut reader = Reader::from_str(rels);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let kind = attr(&e, b"Type").unwrap_or_default();
                if kind.ends_with("/officeDocument") {
                    return attr(&e, b"Target");
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// One part of the archive, at most [`MAX_XML`] bytes of it.
fn read_part<R: Read + std::io::Seek>(
    zip: &mut ZipArchive<R>,
    name: &str,
) -> Result<Vec<u8>, ImportError> {
    let file = zip.by_name(name).map_err(|e| match e {
        ZipError::UnsupportedArchive(_) => unreadable("压缩方式或加密不受支持"),
        _ => unreadable("压缩包结构损坏"),
    })?;
    let mut out = Vec::new();
    file.take(MAX_XML + 1)
        .read_to_end(&mut out)
        .map_err(|_| unreadable("压缩的数据损坏"))?;
    if out.len() as u64 > MAX_XML {
        return Err(unreadable("正文解压后过大，可能不是正常的 Word 文档"));
    }
    Ok(out)
}

/// XML parts are UTF-8, or UTF-16 with a byte order mark.
fn decode(xml: &[u8]) -> Result<String, ImportError> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(xml) {
        let (text, errors) = enc.decode_without_bom_handling(&xml[bom..]);
        if errors {
            return Err(unreadable("正文的编码有错误"));
        }
        return Ok(text.into_owned());
    }
    String::from_utf8(xml.to_vec()).map_err(|_| unreadable("正文的编码有错误"))
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            let raw = std::str::from_utf8(&a.value).ok()?;
            quick_xml::escape::unescape(raw)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The document as read: paragraphs and tables, in order.
#[derive(Debug)]
enum Block {
    Para(String),
    Table(TableRead),
}

#[derive(Debug, Default)]
struct TableRead {
    /// The grid's column widths in twips (w:tblGrid), as far as given.
    grid: Vec<u32>,
    rows: Vec<Row>,
}

#[derive(Debug, Default)]
struct Row {
    /// Grid columns skipped before the first cell (w:gridBefore).
    before: usize,
    cells: Vec<TableCell>,
}

#[derive(Debug)]
struct TableCell {
    blocks: Vec<Block>,
    /// Grid columns covered (w:gridSpan).
    span: usize,
    /// Continues the vertical merge of the cell above (w:vMerge without
    /// "restart"): shown empty, its text is the first cell's.
    continued: bool,
}

#[derive(Default)]
struct TableBuild {
    table: TableRead,
    row: Option<Row>,
    cell: Option<TableCell>,
}

/// Elements whose content Word does not show as text of the document.
const SKIPPED: [&[u8]; 6] = [
    b"Fallback",  // mc:Fallback: an older copy of what mc:Choice shows
    b"del",       // a deleted revision
    b"moveFrom",  // a moved-away revision
    b"instrText", // a field's code
    b"delInstrText",
    b"sdtPr", // a content control's settings (its placeholder text)
];

/// A paragraph being read: its text and what numbers it.
#[derive(Default)]
struct ParaRead {
    text: String,
    num_id: Option<String>,
    level: Option<usize>,
    style: Option<String>,
}

#[derive(Default)]
struct Parser {
    numbering: Numbering,
    body: Vec<Block>,
    tables: Vec<TableBuild>,
    /// Tables nested past `MAX_NESTING`, read as text of their cell.
    flattened: usize,
    /// Paragraphs being read (a text box's paragraph sits inside another).
    paras: Vec<ParaRead>,
    /// Per run being read: whether its text is hidden (w:vanish).
    runs: Vec<bool>,
    /// Local names of the open elements.
    path: Vec<Vec<u8>>,
    in_text: bool,
    skip: usize,
}

impl Parser {
    fn parent(&self) -> &[u8] {
        self.path.last().map_or(&[], |p| p.as_slice())
    }

    /// Where a finished paragraph or table goes: the open cell, else the body.
    fn container(&mut self) -> &mut Vec<Block> {
        match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => &mut cell.blocks,
            None => &mut self.body,
        }
    }

    fn push_text(&mut self, s: &str) {
        if self.runs.last().copied().unwrap_or(false) {
            return;
        }
        if let Some(p) = self.paras.last_mut() {
            p.text.push_str(s);
        }
    }

    /// Whether an element whose parent is `parent` sits in the properties
    /// of the paragraph being read: p/pPr/pStyle, p/pPr/numPr/numId.
    fn in_paragraph_properties(&self, parent: &[u8]) -> bool {
        let n = self.path.len();
        let at = |back: usize| n.checked_sub(back).map(|i| self.path[i].as_slice());
        match parent {
            b"pPr" => at(2) == Some(b"p"),
            b"numPr" => at(2) == Some(b"pPr") && at(3) == Some(b"p"),
            _ => false,
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        let name = e.local_name().as_ref().to_vec();
        let parent = self.parent().to_vec();
        match name.as_slice() {
            b"p" if !empty => self.paras.push(ParaRead::default()),
            // The paragraph's own properties (not a revision's record of them).
            b"pStyle" | b"numId" | b"ilvl" if self.in_paragraph_properties(&parent) => {
                let v = attr(e, b"val");
                if let Some(p) = self.paras.last_mut() {
                    match name.as_slice() {
                        b"pStyle" => p.style = v,
                        b"numId" => p.num_id = v,
                        _ => p.level = v.and_then(|v| v.trim().parse().ok()).filter(|l| *l < 9),
                    }
                }
            }
            b"r" if !empty => self.runs.push(false),
            b"t" if !empty && parent == b"r" => self.in_text = true,
            b"tab" | b"ptab" if parent == b"r" => self.push_text(" "),
            b"br" | b"cr" if parent == b"r" => self.push_text("\n"),
            b"noBreakHyphen" if parent == b"r" => self.push_text("-"),
            b"vanish" if parent == b"rPr" && self.path.len() >= 2 => {
                let in_run = self.path[self.path.len() - 2] == b"r";
                let off = matches!(attr(e, b"val").as_deref(), Some("0" | "false" | "off"));
                if in_run
                    && !off
                    && let Some(h) = self.runs.last_mut()
                {
                    *h = true;
                }
            }
            b"tbl" if !empty => {
                if self.tables.len() >= MAX_NESTING || self.flattened > 0 {
                    self.flattened += 1;
                } else {
                    self.tables.push(TableBuild::default());
                }
            }
            b"tr" if !empty && self.flattened == 0 => {
                if let Some(t) = self.tables.last_mut() {
                    t.row = Some(Row::default());
                }
            }
            b"tc" if !empty && self.flattened == 0 => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some(TableCell {
                        blocks: Vec::new(),
                        span: 1,
                        continued: false,
                    });
                }
            }
            b"gridSpan" if parent == b"tcPr" && self.flattened == 0 => {
                let n = attr(e, b"val").and_then(|v| v.trim().parse::<usize>().ok());
                if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    cell.span = n.unwrap_or(1).clamp(1, 64);
                }
            }
            b"vMerge" if parent == b"tcPr" && self.flattened == 0 => {
                // Without a value, a vMerge continues the merge above.
                let restart = attr(e, b"val").is_some_and(|v| v == "restart");
                if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    cell.continued = !restart;
                }
            }
            b"gridCol" if parent == b"tblGrid" && self.flattened == 0 => {
                let w = attr(e, b"w").and_then(|v| v.trim().parse::<f64>().ok());
                if let Some(t) = self.tables.last_mut()
                    && t.table.grid.len() < 1024
                {
                    t.table.grid.push(w.unwrap_or(0.0).clamp(0.0, 1e6) as u32);
                }
            }
            b"gridBefore" if parent == b"trPr" && self.flattened == 0 => {
                let n = attr(e, b"val").and_then(|v| v.trim().parse::<usize>().ok());
                if let Some(row) = self.tables.last_mut().and_then(|t| t.row.as_mut()) {
                    row.before = n.unwrap_or(0).min(64);
                }
            }
            _ => {}
        }
        if !empty {
            self.path.push(name);
        }
    }

    fn end(&mut self, local: &[u8]) {
        self.path.pop();
        match local {
            b"p" => {
                if let Some(p) = self.paras.pop() {
                    let label =
                        self.numbering
                            .label(p.num_id.as_deref(), p.level, p.style.as_deref());
                    let text = match label {
                        Some(l) => l + &p.text,
                        None => p.text,
                    };
                    self.container().push(Block::Para(text));
                }
            }
            b"r" => {
                self.runs.pop();
            }
            b"t" => self.in_text = false,
            b"tbl" => {
                if self.flattened > 0 {
                    self.flattened -= 1;
                } else if let Some(t) = self.tables.pop() {
                    self.container().push(Block::Table(t.table));
                }
            }
            b"tr" if self.flattened == 0 => {
                if let Some(t) = self.tables.last_mut()
                    && let Some(row) = t.row.take()
                {
                    t.table.rows.push(row);
                }
            }
            b"tc" if self.flattened == 0 => {
                if let Some(t) = self.tables.last_mut()
                    && let Some(cell) = t.cell.take()
                {
                    t.row.get_or_insert_with(Row::default).cells.push(cell);
                }
            }
            _ => {}
        }
    }
}

/// A character or entity reference inside text (`&amp;`, `&#x4E00;`).
fn reference(r: &BytesRef) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    let name: &[u8] = r;
    match name {
        b"amp" => Some('&'),
        b"lt" => Some('<'),
        b"gt" => Some('>'),
        b"quot" => Some('"'),
        b"apos" => Some('\''),
        _ => None,
    }
}

fn parse(xml: &str, numbering: Numbering) -> Result<Vec<Block>, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut p = Parser {
        numbering,
        ..Parser::default()
    };
    loop {
        let event = reader.read_event().map_err(|_| {
            unreadable(&format!(
                "正文的 XML 在第 {} 字节附近有错误",
                reader.error_position()
            ))
        })?;
        if p.skip > 0 {
            match event {
                Event::Start(_) => p.skip += 1,
                Event::End(_) => p.skip -= 1,
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(e) => {
                if SKIPPED.contains(&e.local_name().as_ref()) {
                    p.skip = 1;
                } else {
                    p.start(&e, false);
                }
            }
            Event::Empty(e) => p.start(&e, true),
            Event::End(e) => p.end(e.local_name().as_ref()),
            Event::Text(t) if p.in_text => {
                let s = t.decode().map_err(|_| unreadable("正文的编码有错误"))?;
                p.push_text(&s);
            }
            Event::CData(t) if p.in_text => {
                p.push_text(&String::from_utf8_lossy(&t));
            }
            Event::GeneralRef(r) if p.in_text => {
                if let Some(c) = reference(&r) {
                    p.push_text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // A document cut short: what was read so far, tables included.
    while let Some(mut t) = p.tables.pop() {
        if let Some(cell) = t.cell.take() {
            t.row.get_or_insert_with(Row::default).cells.push(cell);
        }
        if let Some(row) = t.row.take() {
            t.table.rows.push(row);
        }
        p.container().push(Block::Table(t.table));
    }
    Ok(p.body)
}

/// A template's instruction where the text goes — "（文字描述）",
/// "（文字描述，收取信息处理费情况在此处报告。）" — or its own title,
/// "政府信息公开工作年度报告格式模板": not the clerk's text.
fn is_placeholder(para: &str) -> bool {
    let t = para.trim();
    let instruction =
        ["（文字描述", "(文字描述"].iter().any(|p| t.starts_with(p)) && t.ends_with(['）', ')']);
    let template_title = t.chars().count() <= 40
        && t.contains("年度报告")
        && (t.ends_with("模板") || t.ends_with("格式"));
    instruction || template_title
}

fn render(blocks: &[Block], out: &mut String) {
    for b in blocks {
        match b {
            Block::Para(text) => {
                if !is_placeholder(text) {
                    for line in text.split('\n') {
                        out.push_str(line.trim_end());
                        out.push('\n');
                    }
                }
            }
            Block::Table(t) => table(t, out),
        }
    }
}

/// Narrower than this (in twips, 1 mm) a grid column holds nothing.
const SLIVER: u32 = 57;

fn table(t: &TableRead, out: &mut String) {
    // Columns that count; with no usable widths (none given, or all zero as
    // some writers leave them) every column does.
    let widths = !t.grid.is_empty() && t.grid.iter().any(|w| *w >= SLIVER);
    let columns = |from: usize, n: usize| {
        if widths && n > 0 {
            (from..from + n)
                .filter(|c| t.grid.get(*c).is_none_or(|w| *w >= SLIVER))
                .count()
                .max(1)
        } else {
            n
        }
    };
    // Whether the cell last seen in each grid column was a label: a vertical
    // merge's continuation is what the merge started with.
    let mut label_above: Vec<bool> = Vec::new();
    for row in &t.rows {
        // A layout table: a cell holds a page, not a figure.
        let layout = row
            .cells
            .iter()
            .any(|c| c.blocks.iter().any(|b| matches!(b, Block::Table(_))));
        if layout {
            for c in &row.cells {
                render(&c.blocks, out);
            }
            continue;
        }
        if row.cells.is_empty() {
            continue;
        }
        let mut line = String::from("|");
        for _ in 0..columns(0, row.before) {
            line.push_str("  |");
        }
        let mut col = row.before;
        for c in &row.cells {
            let (text, label) = if c.continued {
                (String::new(), label_above.get(col).copied().unwrap_or(true))
            } else {
                let text = cell_text(c);
                let label = super::html::is_label(&text);
                (text, label)
            };
            if label_above.len() < col + 1 && col < 1024 {
                label_above.resize(col + 1, true);
            }
            if let Some(l) = label_above.get_mut(col) {
                *l = label;
            }
            line.push(' ');
            line.push_str(&text);
            line.push_str(" |");
            if !label {
                for _ in 1..columns(col, c.span) {
                    line.push_str("  |");
                }
            }
            col += c.span;
        }
        out.push_str(&line);
        out.push('\n');
    }
}

/// A cell's paragraphs on one line: "商业" and "企业" as "商业 企业"; a border
/// character inside a cell would split it in two.
fn cell_text(c: &TableCell) -> String {
    let mut text = String::new();
    for b in &c.blocks {
        if let Block::Para(p) = b {
            text.push(' ');
            text.push_str(p);
        }
    }
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    fn text_of(body: &str) -> String {
        let xml = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
        let mut out = String::new();
        render(&parse(&xml, Numbering::default()).unwrap(), &mut out);
        out
    }

    #[test]
    fn merged_cells_keep_every_figure_in_its_column() {
        let row = |cells: &str| format!("<w:tr>{cells}</w:tr>");
        let tc = |pr: &str, text: &str| {
            format!("<w:tc><w:tcPr>{pr}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
        };
        let body = format!(
            "<w:tbl>{}{}</w:tbl>",
            row(&[
                tc(r#"<w:vMerge w:val="restart"/>"#, "三、本年度办理结果"),
                tc(r#"<w:gridSpan w:val="2"/>"#, "（一）予以公开"),
                tc("", "5"),
                tc("", ""),
            ]
            .concat()),
            row(&[
                tc("<w:vMerge/>", ""),
                tc("", "（二）部分"),
                tc("", "公开"),
                tc("", "1")
            ]
            .concat()),
        );
        assert_eq!(
            text_of(&body),
            "| 三、本年度办理结果 | （一）予以公开 | 5 |  |\n|  | （二）部分 | 公开 | 1 |\n"
        );
        // A figure spanning three columns keeps its place-holders.
        let body = format!(
            "<w:tbl>{}</w:tbl>",
            row(&[tc("", "行政许可"), tc(r#"<w:gridSpan w:val="3"/>"#, "7")].concat())
        );
        assert_eq!(text_of(&body), "| 行政许可 | 7 |  |  |\n");
        // A blank merged over five figures keeps the figure after it in its
        // column; a sliver of a grid column (LibreOffice) is no column.
        let grid = |w: &[u32]| {
            let cols: String = w
                .iter()
                .map(|w| format!(r#"<w:gridCol w:w="{w}"/>"#))
                .collect();
            format!("<w:tblGrid>{cols}</w:tblGrid>")
        };
        let body = format!(
            "<w:tbl>{}{}</w:tbl><w:tbl>{}{}</w:tbl>",
            grid(&[900, 600, 600, 600, 600, 600, 600, 600]),
            row(&[
                tc("", "（一）予以公开"),
                tc("", "3"),
                tc(r#"<w:gridSpan w:val="5"/>"#, ""),
                tc("", "8"),
            ]
            .concat()),
            grid(&[600, 600, 1, 600]),
            row(&[
                tc("", "188"),
                tc(r#"<w:gridSpan w:val="2"/>"#, "189"),
                tc("", "190")
            ]
            .concat()),
        );
        assert_eq!(
            text_of(&body),
            "| （一）予以公开 | 3 |  |  |  |  |  | 8 |\n| 188 | 189 | 190 |\n"
        );
    }

    #[test]
    fn only_what_word_shows_is_read() {
        let body = r#"<w:p><w:r><w:t xml:space="preserve">一、总体 </w:t></w:r>
            <w:del><w:r><w:delText>删去的</w:delText></w:r></w:del>
            <w:ins><w:r><w:t>情况</w:t></w:r></w:ins>
            <w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的</w:t></w:r>
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>
            <w:r><w:t>&amp;&#x4E00;</w:t><w:tab/><w:br/><w:t>第二行</w:t></w:r>
            <mc:AlternateContent><mc:Choice><w:r><w:t>甲</w:t></w:r></mc:Choice>
            <mc:Fallback><w:r><w:t>甲</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>
            <w:p><w:r><w:t>（文字描述）</w:t></w:r></w:p>"#;
        assert_eq!(text_of(body), "一、总体 情况&一\n第二行甲\n");
    }

    #[test]
    fn a_cell_holding_a_table_is_read_as_its_text() {
        let inner = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>\
            <w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
        let body = format!(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>标题</w:t></w:r></w:p>{inner}</w:tc></w:tr></w:tbl>"
        );
        assert_eq!(text_of(&body), "标题\n| 1 | 2 |\n");
        // Nested past the limit: the cells' text, never a stack overflow.
        let deep = format!(
            "{}<w:p><w:r><w:t>底</w:t></w:r></w:p>{}",
            "<w:tbl><w:tr><w:tc>".repeat(200),
            "</w:tc></w:tr></w:tbl>".repeat(200)
        );
        assert!(text_of(&deep).contains('底'));
    }

    #[test]
    fn a_zip_bomb_is_read_no_further_than_the_cap() {
        // 64 MB of spaces deflate to some 64 KB.
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("word/document.xml", options).unwrap();
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..=(MAX_XML >> 20) {
            std::io::Write::write_all(&mut zip, &chunk).unwrap();
        }
        let bytes = zip.finish().unwrap().into_inner();
        assert!(bytes.len() < 1 << 20, "{}", bytes.len());
        let e = to_text(&bytes).unwrap_err();
        assert!(e.to_string().contains("正文解压后过大"), "{e}");
    }

    #[test]
    fn bad_archives_are_refused_with_a_reason() {
        let e = to_text(b"PK\x03\x04 not really a zip").unwrap_err();
        assert!(e.to_string().contains("压缩包结构损坏"), "{e}");
        assert!(is_ole(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]));
        assert!(is_zip(b"PK\x03\x04"));
    }
}
