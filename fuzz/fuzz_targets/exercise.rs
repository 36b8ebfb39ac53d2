//! What every import target does with a result (included by each with
//! `#[path]`, not a target itself): a report goes through the checks and the
//! import summary, and saved as a report file it loads back equal; a refusal
//! says something in Chinese.

// Not every target uses every helper here.
#![allow(dead_code)]

use std::sync::LazyLock;

use nianbao::import::{ImportError, Imported};
use nianbao::{checks, fonts::Coverage, store};

static PRINT: LazyLock<Coverage> = LazyLock::new(Coverage::print);

pub fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

pub fn exercise(result: Result<Imported, ImportError>) {
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
