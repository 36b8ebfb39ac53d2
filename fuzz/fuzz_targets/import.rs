//! Any bytes into the importer of published reports, the way `nianbao import`
//! and the editor's 导入 read a file: `import_bytes` decodes (UTF-8, UTF-8 or
//! UTF-16 with BOM, GBK/GB18030), sniffs HTML, and reads the text.
//!
//! Properties: it never panics; a refusal says something in Chinese; what it
//! imports passes through the checks and the summary, and saved as a report
//! file it loads back equal.

#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao::import::{self, SourceKind};

#[path = "exercise.rs"]
mod exercise;
use exercise::exercise;

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
