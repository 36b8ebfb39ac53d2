//! A published PDF's text layer into the text shape the importer reads
//! (html.rs makes the same shape of a web page): paragraphs as lines, each
//! table row as one line of `|`-bordered cells.
//!
//! - `lexer`: content streams and CMaps into operations;
//! - `font`, `cmap`, `encoding`: the bytes of shown strings into characters
//!   and widths;
//! - `page`: the content stream with its graphics state into glyphs placed on
//!   the page and the rules drawn there;
//! - `lines`, `table`, `columns`, `flow`: glyphs into lines, ruled tables into
//!   rows of cells, unruled figures into columns, lines into paragraphs.
//!
//! lopdf reads the file's objects. Everything read from the file is
//! bounded (pages, operations, glyphs, decoded bytes, nesting), and a panic
//! inside the parser is caught: a malformed PDF gets a message, never a
//! crash.

mod cmap;
mod columns;
mod encoding;
mod flow;
mod font;
mod lexer;
mod lines;
mod page;
mod row;
mod table;

use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::{Document, LoadOptions, Object};

use super::ImportError;

/// The largest PDF read: reports with photos run to tens of MB.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// Pages read; a report has a dozen.
const MAX_PAGES: usize = 500;

/// The text of a PDF, and what the reader wants the user to know.
pub struct PdfText {
    pub text: String,
    pub notes: Vec<String>,
}

/// `%PDF-` near the start (readers accept up to 1024 bytes of junk before it).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

static NULL: Object = Object::Null;

/// An object with its references followed (a bounded number of times).
pub fn resolve<'a>(doc: &'a Document, mut o: &'a Object) -> &'a Object {
    for _ in 0..32 {
        match o {
            Object::Reference(id) => match doc.objects.get(id) {
                Some(next) => o = next,
                None => return &NULL,
            },
            _ => return o,
        }
    }
    &NULL
}

pub fn to_text(bytes: &[u8]) -> Result<PdfText, ImportError> {
    if !looks_like_pdf(bytes) {
        return Err(ImportError::NotPdf);
    }
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    catch_unwind(AssertUnwindSafe(|| read(bytes))).unwrap_or(Err(ImportError::PdfDamaged))
}

fn read(bytes: &[u8]) -> Result<PdfText, ImportError> {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_BYTES),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decryption(_)
        | lopdf::Error::InvalidPassword
        | lopdf::Error::UnsupportedSecurityHandler(_) => ImportError::PdfEncrypted,
        _ => ImportError::PdfDamaged,
    })?;
    // lopdf opens a file encrypted with an empty password (most are: they
    // only forbid printing); one with a real password stays encrypted.
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(ImportError::PdfEncrypted);
    }
    let pages: Vec<_> = doc.page_iter().take(MAX_PAGES + 1).collect();
    if pages.is_empty() {
        return Err(ImportError::PdfDamaged);
    }
    let mut notes = Vec::new();
    if pages.len() > MAX_PAGES {
        notes.push(format!("PDF 超过{MAX_PAGES}页，只读取了前{MAX_PAGES}页"));
    }
    let mut reader = page::Reader::new(&doc);
    let mut flow = flow::Flow::new();
    let (mut glyphs, mut unknown, mut images, mut read_pages) = (0usize, 0, 0, 0usize);
    for id in pages.into_iter().take(MAX_PAGES) {
        read_pages += 1;
        let p = reader.page(id);
        glyphs += p
            .glyphs
            .iter()
            .filter(|g| !g.text.trim().is_empty())
            .count();
        unknown += p.unknown;
        images += p.images;
        flow.page(&p);
        if reader.budget.exhausted {
            notes.push("PDF 的内容过于复杂，只读取了前面的部分".into());
            break;
        }
    }
    // No text, or images with a few stray characters (a stamp, a page
    // number typed over a scan): a scan.
    if glyphs == 0 || (images >= read_pages.div_ceil(2) && glyphs < 20 * read_pages) {
        return Err(ImportError::Scanned);
    }
    // Mostly glyphs without characters: the text cannot be read at all.
    if unknown * 2 > glyphs {
        return Err(ImportError::PdfNoText);
    }
    if unknown > 0 {
        notes.push(format!(
            "PDF 中有{unknown}个字的字体没有提供对应的文字，无法识别，显示为“\u{fffd}”；含有这些字的表格格子已留空，请对照原文填写"
        ));
    }
    if flow.unsure_cells > 0 {
        notes.push(format!(
            "PDF 表格中有{}格的数字跨过了表格线或无法识别，无法确定属于哪一格，已留空，请对照原文填写",
            flow.unsure_cells
        ));
    }
    Ok(PdfText {
        text: flow.finish(),
        notes,
    })
}
