//! Any bytes into the PDF reader, the way `nianbao import X.pdf` and the
//! editor's 导入 read a file named `.pdf`: lopdf reads the objects, our own
//! reader the content streams, fonts and CMaps, then the text goes through
//! the importer.
//!
//! Properties: it never panics (the reader also catches a panic inside
//! lopdf and says the file is damaged, but libFuzzer's panic hook aborts
//! first, so such a panic is found here); it never hangs (pages, operations,
//! glyphs, decoded bytes and form nesting are bounded); a refusal says
//! something in Chinese; what it imports passes through the checks and the
//! summary, and saved as a report file it loads back equal.

#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao::import::{self, SourceKind};

#[path = "exercise.rs"]
mod exercise;
use exercise::{exercise, is_cjk};

fuzz_target!(|data: &[u8]| {
    // The text shape the importer reads, on its own: no panic, and a
    // refusal in Chinese.
    if let Err(e) = import::pdf_text(data) {
        assert!(
            e.to_string().chars().any(is_cjk),
            "a refusal not in Chinese: {e}"
        );
    }
    let imported = import::import_bytes(data, Some(SourceKind::Pdf));
    if let Ok(i) = &imported {
        assert_eq!(i.summary.source, SourceKind::Pdf);
    }
    exercise(imported);
});
