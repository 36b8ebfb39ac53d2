//! Any bytes into the JSON loader (`store::parse`, what opening a file does).
//!
//! Properties: it never panics; a refusal says something in Chinese; a report
//! that loads passes through the checks, and saved again it loads back equal
//! and saves to the same bytes.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use nianbao::{checks, fonts::Coverage, store};

static PRINT: LazyLock<Coverage> = LazyLock::new(Coverage::print);

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fuzz_target!(|data: &[u8]| {
    match store::parse(data) {
        Ok(report) => {
            let covers = |c| PRINT.covers(c);
            checks::run(&report, None, &covers);
            // The year-to-year rules too, the report standing as its own prior.
            checks::run(&report, Some(&report), &covers);
            let text = store::to_json(&report);
            let back = store::parse(text.as_bytes())
                .unwrap_or_else(|e| panic!("a saved report does not load again: {e}"));
            assert_eq!(back, report, "a saved report loads back different");
            assert_eq!(store::to_json(&back), text, "saving is not stable");
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
