//! OFD (GB/T 33190), the national fixed-layout format, drawn from the same
//! display list as the PDF: one A4 page per PDF page, text as TextObject /
//! TextCode at the PDF's positions (so it searches and copies), rules and
//! shaded cells as PathObjects, the faces embedded as subsets.
//!
//! OFD measures in millimetres from the top-left corner; the display list in
//! points from the bottom-left.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;

use printpdf::OffsetDateTime;

use super::pages::Page;
use super::pdf::{Face, Faces};
use crate::report::Report;

const NS: &str = "http://www.ofdspec.org/2016";
const PT_MM: f32 = 25.4 / 72.0;
const PAGE_H_MM: f32 = 297.0;

fn mm(pt: f32) -> String {
    let v = (pt * PT_MM * 1000.0).round() / 1000.0;
    format!("{v}")
}

/// Text for an XML attribute or element, one character out for each in, so
/// that DeltaX stays aligned with the text.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // A reader would turn a literal \r\n into one \n, and a tab or a
            // line break in an attribute into a space.
            '\t' | '\n' | '\r' => {
                let _ = write!(out, "&#{};", c as u32);
            }
            // XML 1.0 cannot carry other control characters (nor U+FFFE,
            // U+FFFF), even escaped. No face draws them and the PDF shows a
            // box: the replacement character stands in, one for one.
            c if !xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The characters XML 1.0 allows (its `Char` production).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The report as OFD bytes (a zip package).
pub fn export(report: &Report, created: i64) -> Result<Vec<u8>, String> {
    let faces = Faces::load();
    let pages = super::pdf::layout(report);
    let date = OffsetDateTime::from_unix_timestamp(created).map_err(|e| e.to_string())?;
    let files = package(report, &pages, &faces, date)?;
    zip(&files).map_err(|e| format!("OFD 打包失败：{e}"))
}

/// The package's files, path → bytes, in a fixed order (same report, same bytes).
fn package(
    report: &Report,
    pages: &[Page],
    faces: &Faces,
    date: OffsetDateTime,
) -> Result<BTreeMap<String, Vec<u8>>, String> {
    let mut files = BTreeMap::new();
    let mut next_id = 0u32;
    let mut id = || {
        next_id += 1;
        next_id
    };

    // Fonts: one resource per face used, a subset of the characters it draws.
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for run in pages.iter().flat_map(|p| &p.runs) {
        used.entry(run.face).or_default().extend(run.text.chars());
    }
    let mut font_ids = BTreeMap::new();
    let mut fonts_xml = String::new();
    for (face, chars) in &used {
        let fid = id();
        let bytes = subset(*face, chars)?;
        let ext = if bytes.starts_with(b"OTTO") {
            "otf"
        } else {
            "ttf"
        };
        let file = format!("font_{fid}.{ext}");
        let name = face
            .file()
            .trim_end_matches(".otf")
            .trim_end_matches(".ttf");
        let _ = write!(
            fonts_xml,
            "<ofd:Font ID=\"{fid}\" FontName=\"{name}\" FamilyName=\"{name}\"><ofd:FontFile>{file}</ofd:FontFile></ofd:Font>"
        );
        files.insert(format!("Doc_0/Res/{file}"), bytes);
        font_ids.insert(*face, fid);
    }
    files.insert(
        "Doc_0/PublicRes.xml".into(),
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Res xmlns:ofd=\"{NS}\" BaseLoc=\"Res\"><ofd:Fonts>{fonts_xml}</ofd:Fonts></ofd:Res>"
        )
        .into_bytes(),
    );

    let mut page_list = String::new();
    for (n, page) in pages.iter().enumerate() {
        let pid = id();
        let mut body = String::new();
        for f in &page.fills {
            let oid = id();
            let g = (f.grey * 255.0).round() as u8;
            let (x, top) = (f.x, f.y + f.h);
            let _ = write!(
                body,
                "<ofd:PathObject ID=\"{oid}\" Boundary=\"{} {} {} {}\" Fill=\"true\" Stroke=\"false\"><ofd:FillColor Value=\"{g} {g} {g}\"/><ofd:AbbreviatedData>M 0 0 L {} 0 L {} {} L 0 {} C</ofd:AbbreviatedData></ofd:PathObject>",
                mm(x),
                top_mm(top),
                mm(f.w),
                mm(f.h),
                mm(f.w),
                mm(f.w),
                mm(f.h),
                mm(f.h),
            );
        }
        for r in &page.rules {
            let oid = id();
            let (x0, x1) = (r.from.0.min(r.to.0), r.from.0.max(r.to.0));
            let (y0, y1) = (r.from.1.min(r.to.1), r.from.1.max(r.to.1));
            let pad = r.width;
            // Boundary with room for the stroke; the path is relative to it.
            let (bx, by) = (x0 - pad, y1 + pad);
            let rel = |x: f32, y: f32| format!("{} {}", mm(x - bx), mm(by - y));
            let _ = write!(
                body,
                "<ofd:PathObject ID=\"{oid}\" Boundary=\"{} {} {} {}\" LineWidth=\"{}\"><ofd:StrokeColor Value=\"0 0 0\"/><ofd:AbbreviatedData>M {} L {}</ofd:AbbreviatedData></ofd:PathObject>",
                mm(bx),
                top_mm(by),
                mm(x1 - x0 + 2.0 * pad),
                mm(y1 - y0 + 2.0 * pad),
                mm(r.width),
                rel(r.from.0, r.from.1),
                rel(r.to.0, r.to.1),
            );
        }
        for run in &page.runs {
            let oid = id();
            let chars: Vec<char> = run.text.chars().collect();
            let advances: Vec<f32> = chars
                .iter()
                .map(|c| faces.advance(run.face, *c, run.size) + run.spacing)
                .collect();
            let width: f32 = advances.iter().sum::<f32>().max(run.size);
            // The box runs from one size above the baseline to a quarter below.
            let top = run.y + run.size;
            let deltas: Vec<String> = advances
                .iter()
                .take(chars.len().saturating_sub(1))
                .map(|a| mm(*a))
                .collect();
            let delta = if deltas.is_empty() {
                String::new()
            } else {
                format!(" DeltaX=\"{}\"", deltas.join(" "))
            };
            let _ = write!(
                body,
                "<ofd:TextObject ID=\"{oid}\" Boundary=\"{} {} {} {}\" Font=\"{}\" Size=\"{}\"><ofd:FillColor Value=\"0 0 0\"/><ofd:TextCode X=\"0\" Y=\"{}\"{delta}>{}</ofd:TextCode></ofd:TextObject>",
                mm(run.x),
                top_mm(top),
                mm(width),
                mm(run.size * 1.25),
                font_ids[&run.face],
                mm(run.size),
                mm(run.size),
                escape(&run.text),
            );
        }
        files.insert(
            format!("Doc_0/Pages/Page_{n}/Content.xml"),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Page xmlns:ofd=\"{NS}\"><ofd:Content><ofd:Layer ID=\"{}\">{body}</ofd:Layer></ofd:Content></ofd:Page>",
                id()
            )
            .into_bytes(),
        );
        let _ = write!(
            page_list,
            "<ofd:Page ID=\"{pid}\" BaseLoc=\"Pages/Page_{n}/Content.xml\"/>"
        );
    }

    let max_id = id();
    files.insert(
        "Doc_0/Document.xml".into(),
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Document xmlns:ofd=\"{NS}\"><ofd:CommonData><ofd:MaxUnitID>{max_id}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>{page_list}</ofd:Pages></ofd:Document>"
        )
        .into_bytes(),
    );
    let day = format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        date.month() as u8,
        date.day()
    );
    files.insert(
        "OFD.xml".into(),
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:OFD xmlns:ofd=\"{NS}\" Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo><ofd:DocID>{}</ofd:DocID><ofd:Title>{}</ofd:Title><ofd:Author>{}</ofd:Author><ofd:Subject>{}</ofd:Subject><ofd:CreationDate>{day}</ofd:CreationDate><ofd:Creator>nianbao 年报编辑器</ofd:Creator><ofd:CreatorVersion>{}</ofd:CreatorVersion></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
            doc_id(&files),
            escape(&report.display_title()),
            escape(&report.organ),
            escape(crate::form::REPORT_NAME),
            env!("CARGO_PKG_VERSION"),
        )
        .into_bytes(),
    );
    Ok(files)
}

/// The display list's y (points from the bottom) as OFD's (mm from the top).
fn top_mm(y_pt: f32) -> String {
    let v = ((PAGE_H_MM - y_pt * PT_MM) * 1000.0).round() / 1000.0;
    format!("{v}")
}

/// 32 hex digits that change with the content (not a security hash).
fn doc_id(files: &BTreeMap<String, Vec<u8>>) -> String {
    use std::hash::{Hash, Hasher};
    let mut out = String::new();
    for i in 0..2u8 {
        let mut h = std::hash::DefaultHasher::new();
        (i, files).hash(&mut h);
        let _ = write!(out, "{:016x}", h.finish());
    }
    out
}

/// The face cut down to `chars` (as for the PDF).
fn subset(face: Face, chars: &BTreeSet<char>) -> Result<Vec<u8>, String> {
    super::subset::subset(face.file(), chars)
}

fn zip(files: &BTreeMap<String, Vec<u8>>) -> zip::result::ZipResult<Vec<u8>> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, bytes) in files {
        w.start_file(name.as_str(), options)?;
        w.write_all(bytes)?;
    }
    Ok(w.finish()?.into_inner())
}
