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

use libfuzzer_sys::fuzz_target;
use nianbao::import::{self, SourceKind};
use zip::write::SimpleFileOptions;

#[path = "exercise.rs"]
mod exercise;
use exercise::exercise;

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
    exercise(import::import_bytes(&file, Some(SourceKind::Docx)));
});
