//! Published reports into the file format: text copied from a report's web
//! page or PDF, the page's HTML, a Word document, or the PDF itself — its
//! text layer rebuilt into the same text shape (pdf/) (DESIGN.md, "import/").
//!
//! Published pages are messy — cells one per line or run together, labels
//! with typos, the 2019 form, pages cut short. The importer reads what is
//! there, keeps blank cells blank, puts a number in a cell only where its
//! label, its place, the form's sums or the narrative confirm it — never a
//! guess — and says all of it in an [`ImportSummary`], cell by cell.

mod appeals;
mod applications;
mod bare;
mod cells;
mod choice;
mod decode;
mod docx;
mod html;
mod labels;
mod markdown;
mod outline;
mod pdf;
mod proactive;
mod rows;
mod split;
mod stated;
mod structure;
mod summary;
mod text;
mod weighing;

use std::fmt;
use std::path::Path;

pub use summary::{
    Basis, CellState, FormEdition, ImportSummary, SourceKind, Structure, Tally, Unplaced,
};

use crate::form::{self, Section};
use crate::report::{CellRef, Part, Report};
use outline::Span;
use text::{Squeezed, Text, squeeze};

/// A report read from a published page, and what the import did.
#[derive(Clone, Debug)]
pub struct Imported {
    pub report: Report,
    pub summary: ImportSummary,
}

/// Why a file could not be imported at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file could not be read (the message says why).
    Unreadable(String),
    Empty,
    Binary,
    TooLarge(usize),
    Encoding,
    /// Text, but not a government information disclosure report.
    NotAReport,
    /// A Word 97–2003 (.doc) or WPS (.wps) file: to be saved as .docx.
    OldWord,
    /// A .docx that cannot be read (the message says why and what to do).
    Docx(String),
    /// A PDF whose structure cannot be read (truncated, damaged).
    PdfDamaged,
    /// A file named .pdf with no PDF inside (another kind of file renamed):
    /// "download it again" would send the clerk the wrong way.
    NotPdf,
    /// A PDF that needs a password to open.
    PdfEncrypted,
    /// A PDF of page images without a text layer: a scan.
    Scanned,
    /// A PDF whose fonts do not say which characters their glyphs are.
    PdfNoText,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ImportError::Unreadable(m) => f.write_str(m),
            ImportError::Empty => f.write_str("文件是空的：没有可以导入的内容"),
            ImportError::Binary => f.write_str(
                "这不是文本或网页文件（含有二进制数据，可能是图片、压缩包或 Word 文档）：请导入从网页复制保存的 .txt 文本，或保存下来的 .html 网页",
            ),
            ImportError::TooLarge(n) => write!(
                f,
                "文件太大（{:.1} MB）：年报的网页或文本通常不超过几 MB，请确认选择的是年报文件",
                *n as f64 / 1024.0 / 1024.0
            ),
            ImportError::Encoding => f.write_str(
                "无法识别文件的编码（既不是 UTF-8，也不是 GBK/GB18030）：请用记事本将它另存为 UTF-8 编码后再导入",
            ),
            ImportError::NotAReport => write!(
                f,
                "没有找到年报的内容（没有“{}”等标题，也没有统计表格）：这可能不是{}，请确认选择的文件",
                Section::Overview.heading(),
                crate::form::REPORT_NAME
            ),
            ImportError::OldWord => f.write_str(
                "这是旧版 Word（.doc）或 WPS（.wps）格式的文件，无法直接导入：请在 Word 或 WPS 中打开它，选择“文件 → 另存为”，文件类型选“Word 文档（*.docx）”，再导入另存的 .docx 文件（设有打开密码的文档请先取消密码）",
            ),
            ImportError::Docx(m) => f.write_str(m),
            ImportError::PdfDamaged => f.write_str(
                "PDF 文件已损坏或不完整（可能没有下载完），无法读取：请重新下载，或导入年报的网页",
            ),
            ImportError::NotPdf => f.write_str(
                "这个文件不是 PDF（文件开头没有 PDF 标记），只是名字以 .pdf 结尾：可能是图片、网页或 Word 文档改了扩展名。请确认选择的文件，或按它的真实格式导入",
            ),
            ImportError::PdfEncrypted => f.write_str(
                "PDF 文件设有打开密码，无法读取：请向发布单位索取未加密的文本版，或导入年报的网页",
            ),
            ImportError::Scanned => f.write_str(
                "这是扫描件：PDF 的页面只是图片，没有可以读取的文字层（本程序不做文字识别）。请向发布单位索取文本版（WPS 或 Word 导出的 PDF），或导入年报的网页",
            ),
            ImportError::PdfNoText => f.write_str(
                "PDF 中的文字无法识别：字体没有提供字形对应的文字。请向发布单位索取文本版，或导入年报的网页",
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Import a file: `.html`/`.htm` as a web page, `.pdf` as a PDF, `.docx` as
/// a Word document, anything else by its content (a PDF, a Word document, a
/// web page, or text).
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    let meta = std::fs::metadata(path).map_err(|e| ImportError::Unreadable(read_error(&e)))?;
    if meta.is_dir() {
        return Err(ImportError::Unreadable("这是一个文件夹，不是文件".into()));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let kind = match ext.as_deref() {
        Some("html" | "htm") => Some(SourceKind::Html),
        Some("pdf") => Some(SourceKind::Pdf),
        Some("docx") => Some(SourceKind::Docx),
        _ => None,
    };
    // PDFs and Word documents carry pictures (seals, signatures): larger caps.
    let limit = match ext.as_deref() {
        Some("pdf") => pdf::MAX_BYTES,
        Some("docx" | "doc" | "wps") => docx::MAX_BYTES,
        _ => decode::MAX_BYTES,
    };
    if meta.len() as usize > limit {
        return Err(ImportError::TooLarge(meta.len() as usize));
    }
    let bytes = std::fs::read(path).map_err(|e| ImportError::Unreadable(read_error(&e)))?;
    import_bytes(&bytes, kind)
}

fn read_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在：请检查路径".into(),
        std::io::ErrorKind::PermissionDenied => "没有读取这个文件的权限".into(),
        _ => format!("无法读取文件（{e}）"),
    }
}

/// Import the bytes of a page; `kind` when the caller knows it, else sniffed.
pub fn import_bytes(bytes: &[u8], kind: Option<SourceKind>) -> Result<Imported, ImportError> {
    if kind == Some(SourceKind::Pdf) || (kind.is_none() && pdf::looks_like_pdf(bytes)) {
        return import_pdf(bytes);
    }
    if docx::is_ole(bytes) {
        return Err(ImportError::OldWord);
    }
    let word = kind == Some(SourceKind::Docx) || (kind.is_none() && docx::is_zip(bytes));
    let (plain, kind, encoding) = if word {
        // The document's XML is Unicode; its tables become the text shape of a page's.
        (docx::to_text(bytes)?, SourceKind::Docx, "UTF-8")
    } else {
        let (text, encoding) = decode::decode(bytes)?;
        let kind = kind.unwrap_or(if html::looks_like_html(&text) {
            SourceKind::Html
        } else {
            SourceKind::Text
        });
        let plain = match kind {
            SourceKind::Html => html::to_text(&text),
            _ => text,
        };
        (plain, kind, encoding)
    };
    let mut summary = ImportSummary {
        source: kind,
        encoding,
        ..ImportSummary::default()
    };
    // Converter text (Markdown pipe tables, OCR) is tidied to the page shape.
    let cleaned = markdown::clean(&without_page_numbers(&plain));
    let report = read(&cleaned, kind, &mut summary)?;
    Ok(Imported { report, summary })
}

/// A PDF's text as the importer reads it: paragraphs as lines, table rows
/// as `|`-bordered cells (for tests, and to see what an import read).
pub fn pdf_text(bytes: &[u8]) -> Result<String, ImportError> {
    pdf::to_text(bytes).map(|p| p.text)
}

/// A PDF's text layer, rebuilt into lines and table rows, read as text is.
fn import_pdf(bytes: &[u8]) -> Result<Imported, ImportError> {
    let pdf = pdf::to_text(bytes)?;
    let mut summary = ImportSummary {
        source: SourceKind::Pdf,
        encoding: "PDF",
        ..ImportSummary::default()
    };
    // The PDF reader writes the page shape itself: no converter's Markdown to tidy.
    let shaped = markdown::Cleaned {
        text: without_page_numbers(&pdf.text),
        headers: Vec::new(),
    };
    let report = read(&shaped, SourceKind::Pdf, &mut summary)?;
    summary.notes.extend(pdf.notes);
    Ok(Imported { report, summary })
}

/// Page numbers of a PDF ("-3-", "— 3 —", "第3页") sit between table rows.
fn without_page_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if !is_page_number(line) {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

fn is_page_number(line: &str) -> bool {
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '－');
    // Most lines fail on their first character: nothing to collect.
    if !line
        .chars()
        .all(|c| c.is_whitespace() || c.is_ascii_digit() || dash(c) || c == '第' || c == '页')
    {
        return false;
    }
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = t.trim_matches(dash);
    let digits = !inner.is_empty() && inner.len() <= 3 && inner.bytes().all(|b| b.is_ascii_digit());
    let dashed = digits && t.starts_with(dash) && t.ends_with(dash);
    let page = t
        .strip_prefix('第')
        .and_then(|r| r.strip_suffix('页'))
        .is_some_and(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()));
    dashed || page
}

/// Where the tables start, and where every part of the text begins.
struct Layout {
    headings: [Option<Span>; 6],
    /// Start of tables A, B, C (after their heading, or at their first label).
    tables: [Option<usize>; 3],
    boundaries: Vec<usize>,
}

impl Layout {
    /// The first boundary after `start`: where a section or table ends.
    fn end_of(&self, start: usize, len: usize) -> usize {
        self.boundaries
            .iter()
            .copied()
            .filter(|b| *b > start)
            .min()
            .unwrap_or(len)
    }
}

fn layout(text: &Text, sq: &Squeezed) -> Layout {
    let headings = outline::headings(text, sq);
    // Without their headings, tables start at their first words: table A's
    // first block, table B's note or first row, table C's first group above
    // its first part.
    let marker =
        |words: &[Vec<char>], from: usize| words.iter().filter_map(|w| sq.find(w, from)).min();
    let sq_of = |pos: usize| rows::sq_index(sq, pos);
    let a = headings[1]
        .map(|h| h.end)
        .or_else(|| marker(&[squeeze(form::BLOCKS[0].item)], 0).map(|i| sq.at[i]));
    let b_from = a.map_or(0, sq_of);
    let b = headings[2].map(|h| h.end).or_else(|| {
        let first_row = rows::parts(form::AppRow::NewReceived.label().top).body;
        marker(&[squeeze(form::BALANCE_NOTE_SUBJECT), first_row], b_from).map(|i| sq.at[i])
    });
    let c_from = b.or(a).map_or(0, sq_of);
    let c = headings[3].map(|h| h.end).or_else(|| {
        let review = squeeze(form::AppealGroup::Review.label());
        let upheld = squeeze(form::AppealPart::Upheld.label());
        let mut p = c_from;
        while let Some(i) = sq.find(&review, p) {
            if sq.find_before(&upheld, i, i + 60).is_some() {
                return Some(sq.at[i]);
            }
            p = i + 1;
        }
        None
    });
    let mut boundaries: Vec<usize> = headings.iter().flatten().map(|h| h.start).collect();
    for (i, t) in [a, b, c].iter().enumerate() {
        if headings[i + 1].is_none()
            && let Some(t) = t
        {
            boundaries.push(*t);
        }
    }
    Layout {
        headings,
        tables: [a, b, c],
        boundaries,
    }
}

/// Does the text name itself a government information disclosure report?
fn calls_itself_a_report(sq: &Squeezed) -> bool {
    sq.find(&squeeze("政府信息公开"), 0).is_some()
        && (sq.find(&squeeze("年度报告"), 0).is_some() || sq.find(&squeeze("年报"), 0).is_some())
}

fn read(
    cleaned: &markdown::Cleaned,
    kind: SourceKind,
    summary: &mut ImportSummary,
) -> Result<Report, ImportError> {
    let text = Text::new(&cleaned.text);
    let sq = Squeezed::new(&text, 0, text.len());
    let lay = layout(&text, &sq);
    let len = text.len();

    // Tables: each read where it starts, up to the next part of the text.
    let mut report = Report::new("", 0);
    if let Some(a) = lay.tables[0] {
        let end = lay.end_of(a, len);
        let edition = proactive::edition(&text, a, end, &cleaned.headers);
        // Table A has no totals: the figures the narrative before it states
        // are what may split its run-together digits.
        let stated = stated::stated(&text.slice(0, a));
        let (proactive, found) = proactive::read(&text, a, end, edition, &stated, summary);
        report.proactive = proactive;
        if found {
            summary.tables_found.push(Section::Proactive);
            summary.edition = Some(edition);
        }
    }
    if let Some(b) = lay.tables[1] {
        let (applications, found) = applications::read(&text, b, lay.end_of(b, len), summary);
        report.applications = applications;
        if found {
            summary.tables_found.push(Section::Applications);
            summary.edition.get_or_insert(FormEdition::Y2021);
        }
    }
    if let Some(c) = lay.tables[2] {
        let (appeals, found) = appeals::read(&text, c, lay.end_of(c, len), summary);
        report.appeals = appeals;
        if found {
            summary.tables_found.push(Section::Appeals);
        }
    }
    account_for_every_cell(summary);
    summary.structure = structure::read(&text.norm);
    for (i, s) in Section::ALL.into_iter().enumerate() {
        if lay.headings[i].is_some() {
            summary.sections_found.push(s);
        }
    }

    let no_structure = summary.sections_found.is_empty() && summary.tables_found.is_empty();
    if no_structure && !calls_itself_a_report(&sq) {
        return Err(ImportError::NotAReport);
    }
    summary.not_national = no_structure;

    let title = outline::title(&text, &sq);
    report.organ = title.organ.clone().unwrap_or_default();
    report.year = title.year.unwrap_or(0);
    summary.organ_found = title.organ.is_some();
    summary.year_found = title.year.is_some();
    if let Some(t) = &title.text
        && *t != report.display_title()
    {
        report.title = t.clone();
    }

    // The narrative.
    let wrapped = kind == SourceKind::Text;
    let first = lay.boundaries.iter().copied().min().unwrap_or(len);
    let body = |i: usize| {
        lay.headings[i].map(|h| {
            let end = lay.end_of(h.end, len);
            (h.end, end)
        })
    };
    if no_structure {
        report.overview.intro = outline::prose(&without_title(&text, 0, len, &title), wrapped);
        report.overview.parts.clear();
    } else {
        report.preamble = outline::prose(&without_title(&text, 0, first, &title), wrapped);
        report.overview.parts.clear();
        if let Some((from, to)) = body(0) {
            let (intro, parts) = outline::parts(&text, from, to);
            report.overview.intro = outline::prose(&intro, wrapped);
            report.overview.parts = parts
                .into_iter()
                .map(|(heading, body)| Part {
                    heading,
                    body: outline::prose(&body, wrapped),
                })
                .collect();
        }
        if let Some((from, to)) = body(4) {
            report.problems = outline::prose(&text.slice(from, to), wrapped);
        }
        if let Some((from, to)) = body(5) {
            report.other_matters = outline::prose(&text.slice(from, to), wrapped);
        }
    }
    Ok(report)
}

/// Every cell of the three tables is read, blank as printed, or unplaced
/// with its reason: a table the page lacks is no blank of the publisher's.
fn account_for_every_cell(summary: &mut ImportSummary) {
    for table in [Section::Proactive, Section::Applications, Section::Appeals] {
        let cells: Vec<CellRef> = CellRef::table_cells()
            .filter(|c| c.section() == table && summary.state(*c).is_none())
            .collect();
        let name = summary::table_name(table);
        let reason = if summary.tables_found.contains(&table) {
            format!("{name}中这些格没有读到")
        } else {
            format!("原文中没有找到{name}")
        };
        summary.unplace(cells, reason);
    }
}

/// The text before the first heading, without the title's lines and the
/// page's own furniture (发布时间, 来源 …).
fn without_title(text: &Text, from: usize, to: usize, title: &outline::Title) -> String {
    let mut out = String::new();
    let mut line_start = from;
    for (i, c) in text.orig[from..to].iter().enumerate() {
        let pos = from + i;
        if *c == '\n' || pos + 1 == to {
            let end = if *c == '\n' { pos } else { pos + 1 };
            let in_title = title
                .lines
                .iter()
                .any(|(s, e)| *s <= line_start && end <= *e);
            let line = text.slice(line_start, end);
            let furniture = ["标题", "发布时间", "发布日期", "来源", "source:", "字号"]
                .iter()
                .any(|p| line.trim_start().starts_with(p));
            if !in_title && !furniture {
                out.push_str(&line);
                out.push('\n');
            }
            line_start = pos + 1;
        }
    }
    // A title repeated at the head of the first paragraph.
    if let Some(i) = out.find("工作年度报告")
        && out[..i].chars().count() <= 40
        && !out[..i].contains('\n')
    {
        out = out[i + "工作年度报告".len()..].to_string();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_recognised() {
        for p in ["-3-", "  — 12 —", "－1－", "第3页"] {
            assert!(is_page_number(p), "{p}");
        }
        for not in ["-", "3", "0 |", "- 3", "2023"] {
            assert!(!is_page_number(not), "{not}");
        }
    }
}
