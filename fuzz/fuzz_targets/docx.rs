//! Word documents into the importer, the way `nianbao import 年报.docx` and
//! the editor's 导入 read them: `import_bytes` with the kind `.docx` says.
//!
//! Two shapes of input, chosen by the first byte: the bytes as the whole file
//! (damaged archives, zip bombs, OLE files), or the bytes as the document's
//! XML inside a well-formed archive (so that the fuzzer reaches the XML
//! reader and the table reader behind it instead of stopping at the zip's
//! checksums).
//!
//! Properties: it never panics; a refusal says something in Chinese; what it
//! imports passes through the checks and the summary, and saved as a report
//! file it loads back equal.

#![no_main]

use std::io::{Cursor, Write};
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use nianbao::import::{self, SourceKind};
use nianbao::{checks, fonts::Coverage, store};
use zip::write::SimpleFileOptions;

static PRINT: LazyLock<Coverage> = LazyLock::new(Coverage::print);

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// A .docx holding `xml` as its document, deflated or stored.
fn package(xml: &[u8], deflate: bool) -> Vec<u8> {
    let method = if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    let options = SimpleFileOptions::default().compression_method(method);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(xml).unwrap();
    zip.finish().unwrap().into_inner()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let file = match mode % 3 {
        0 => rest.to_vec(),
        m => package(rest, m == 2),
    };
    match import::import_bytes(&file, Some(SourceKind::Docx)) {
        Ok(imported) => {
            let report = &imported.report;
            checks::run(report, None, &|c| PRINT.covers(c));
            let _ = imported.summary.lines();
            let _ = imported.summary.gaps();
            let text = store::to_json(report);
            let back = store::parse(text.as_bytes())
                .unwrap_or_else(|e| panic!("an imported report, saved, does not load: {e}"));
            assert_eq!(
                &back, report,
                "an imported report, saved, loads back different"
            );
        }
        Err(e) => {
            let shown = e.to_string();
            assert!(
                shown.chars().any(is_cjk),
                "a refusal not in Chinese: {shown}"
            );
        }
    }
});
