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

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use nianbao::import::{self, SourceKind};
use nianbao::{checks, fonts::Coverage, store};

static PRINT: LazyLock<Coverage> = LazyLock::new(Coverage::print);

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fuzz_target!(|data: &[u8]| {
    // The text shape the importer reads, on its own: no panic, and a
    // refusal in Chinese.
    if let Err(e) = import::pdf_text(data) {
        assert!(e.to_string().chars().any(is_cjk), "a refusal not in Chinese: {e}");
    }
    match import::import_bytes(data, Some(SourceKind::Pdf)) {
        Ok(imported) => {
            assert_eq!(imported.summary.source, SourceKind::Pdf);
            let report = &imported.report;
            checks::run(report, None, &|c| PRINT.covers(c));
            let _ = imported.summary.lines();
            let _ = imported.summary.gaps();
            let text = store::to_json(report);
            let back = store::parse(text.as_bytes())
                .unwrap_or_else(|e| panic!("an imported report, saved, does not load: {e}"));
            assert_eq!(&back, report, "an imported report, saved, loads back different");
        }
        Err(e) => {
            let shown = e.to_string();
            assert!(shown.chars().any(is_cjk), "a refusal not in Chinese: {shown}");
        }
    }
});
