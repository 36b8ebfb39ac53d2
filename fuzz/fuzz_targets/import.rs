//! Any bytes into the importer of published reports, the way `nianbao import`
//! and the editor's 导入 read a file: `import_bytes` decodes (UTF-8, UTF-8 or
//! UTF-16 with BOM, GBK/GB18030), sniffs HTML, and reads the text.
//!
//! Properties: it never panics; a refusal says something in Chinese; what it
//! imports passes through the checks and the summary, and saved as a report
//! file it loads back equal.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use nianbao::import::{self, ImportError, Imported, SourceKind};
use nianbao::{checks, fonts::Coverage, store};

static PRINT: LazyLock<Coverage> = LazyLock::new(Coverage::print);

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn exercise(result: Result<Imported, ImportError>) {
    match result {
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
}

fuzz_target!(|data: &[u8]| {
    // As a `.txt` file: the kind is sniffed.
    let sniffed = import::import_bytes(data, None);
    let was_html = matches!(&sniffed, Ok(i) if i.summary.source == SourceKind::Html);
    exercise(sniffed);
    // As a `.html` file: read as a web page whatever it looks like.
    if !was_html {
        exercise(import::import_bytes(data, Some(SourceKind::Html)));
    }
});
