//! The .docx package as docx-rs builds it, with three parts finished here
//! where docx-rs has no word for what the document needs:
//!
//! - the header rows of tables B and C repeat on every page (`w:tblHeader`);
//! - the font table names a stand-in for each Chinese face (`w:altName`), so
//!   that a PC without 方正小标宋简体 or 仿宋_GB2312 shows 宋体 or 仿宋 rather
//!   than whatever it guesses;
//! - the document properties carry the report's title and organ, and the
//!   date it was made.

use std::io::Cursor;

use docx_rs::Docx;
use quick_xml::Reader;
use quick_xml::Writer;
use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};

use crate::report::Report;

pub fn pack(
    doc: Docx,
    header_rows: &[usize],
    report: &Report,
    created: i64,
) -> Result<Vec<u8>, String> {
    let mut xml = doc.build();
    xml.document = repeat_headers(&xml.document, header_rows)?;
    xml.font_table = FONT_TABLE.as_bytes().to_vec();
    xml.doc_props.core = core(report, created).into_bytes();
    let mut stored = Cursor::new(Vec::new());
    xml.pack(&mut stored).map_err(|e| e.to_string())?;
    deflated(stored.get_ref()).map_err(|e| e.to_string())
}

/// docx-rs stores its parts uncompressed (a quarter of a megabyte for the
/// tables' XML); the same parts deflated, as Word writes them, in the same
/// order, without the folder entries Word does not write.
fn deflated(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        if part.is_dir() {
            continue;
        }
        out.start_file(part.name().to_string(), options)?;
        std::io::copy(&mut part, &mut out)?;
    }
    Ok(out.finish()?.into_inner())
}

/// Mark the first `header_rows[i]` rows of the i-th top-level table as
/// header rows (`<w:tblHeader/>` in their row properties).
fn repeat_headers(document: &[u8], header_rows: &[usize]) -> Result<Vec<u8>, String> {
    let mut reader = Reader::from_reader(document);
    let mut writer = Writer::new(Vec::with_capacity(document.len() + 1024));
    let mut depth = 0usize;
    let mut table = None::<usize>;
    let mut row = 0usize;
    let mut in_header_row = false;
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let mut mark = false;
        if let Event::Empty(e) = &event
            && e.name().as_ref() == b"w:trPr"
            && depth == 1
            && in_header_row
        {
            // `<w:trPr/>`: opened, marked and closed.
            let start = e.to_owned();
            let end = start.to_end().into_owned();
            for ev in [
                Event::Start(start),
                Event::Empty(BytesStart::new("w:tblHeader")),
                Event::End(end),
            ] {
                writer.write_event(ev).map_err(|e| e.to_string())?;
            }
            continue;
        }
        match &event {
            Event::Eof => break,
            Event::Start(e) => match e.name().as_ref() {
                b"w:tbl" => {
                    depth += 1;
                    if depth == 1 {
                        table = Some(table.map_or(0, |t| t + 1));
                        row = 0;
                    }
                }
                b"w:tr" if depth == 1 => {
                    let rows = table.and_then(|t| header_rows.get(t)).copied();
                    in_header_row = rows.is_some_and(|n| row < n);
                    row += 1;
                }
                b"w:trPr" if depth == 1 => mark = in_header_row,
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"w:tbl" => depth = depth.saturating_sub(1),
                b"w:tr" if depth == 1 => in_header_row = false,
                _ => {}
            },
            _ => {}
        }
        writer.write_event(event).map_err(|e| e.to_string())?;
        if mark {
            writer
                .write_event(Event::Empty(BytesStart::new("w:tblHeader")))
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(writer.into_inner())
}

/// The faces the document names, each with the face Word and WPS should use
/// where it is not installed. The classification (charset 86 = GB2312, a
/// Song-like PANOSE for the Song faces) guides a word processor that knows
/// neither name.
const FONT_TABLE: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    r#"<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:panose1 w:val="02010609030101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#,
    r#"<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#,
    r#"<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/><w:panose1 w:val="02010609030101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#,
    r#"</w:fonts>"#
);

/// docProps/core.xml: the title, the organ as author, the date.
fn core(report: &Report, created: i64) -> String {
    let text = |s: &str| -> String {
        let s: String = s.chars().filter(|c| !c.is_control()).collect();
        escape(s.as_str()).into_owned()
    };
    let date = w3c_date(created);
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title>",
            "<dc:subject>政府信息公开工作年度报告</dc:subject>",
            "<dc:creator>{organ}</dc:creator>",
            "<cp:lastModifiedBy>{organ}</cp:lastModifiedBy>",
            "<cp:revision>1</cp:revision>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        title = text(&report.display_title()),
        organ = text(report.organ.trim()),
        date = date,
    )
}

/// Unix seconds as `2025-01-31T08:00:00Z` (the proleptic Gregorian calendar,
/// days from the civil date algorithm).
fn w3c_date(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let s = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s % 3600 / 60,
        s % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_calendar_dates() {
        assert_eq!(w3c_date(0), "1970-01-01T00:00:00Z");
        assert_eq!(w3c_date(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(w3c_date(1_735_689_599), "2024-12-31T23:59:59Z");
    }

    #[test]
    fn header_rows_of_each_table_are_marked() {
        let doc = "<w:body><w:tbl><w:tr><w:trPr></w:trPr></w:tr></w:tbl>\
            <w:tbl><w:tr><w:trPr/></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr>\
            <w:tc><w:tbl><w:tr><w:trPr></w:trPr></w:tr></w:tbl></w:tc></w:tr>\
            <w:tr><w:trPr></w:trPr></w:tr></w:tbl></w:body>";
        let out = repeat_headers(doc.as_bytes(), &[0, 2]).unwrap();
        let out = String::from_utf8(out).unwrap();
        // Table 2's two first rows are marked; table 1, the table nested in
        // a cell and the third row are not.
        assert_eq!(out.matches("<w:tblHeader/>").count(), 2, "{out}");
        assert!(
            out.contains("<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>"),
            "{out}"
        );
        assert!(
            out.contains("<w:trPr><w:tblHeader/><w:cantSplit/>"),
            "{out}"
        );
    }
}
