//! PDF export for the archive: our own layout (CJK line breaking, ruled
//! tables with the form's spans, pagination) produces pages of positioned
//! text runs and rules; a thin printpdf backend draws them.

mod faces;
mod geometry;
mod layout;
mod linebreak;
mod pdfa;
mod render;
mod table;

pub use super::pages::{Fill, Page, Rule, TextRun};
pub use faces::{Face, Faces};
pub use linebreak::{Line, break_lines};

use crate::report::Report;

/// The report laid out on pages, before any PDF is written.
pub fn layout(report: &Report) -> Vec<Page> {
    layout::pages(report, &Faces::load())
}

/// The creation date for the file: `SOURCE_DATE_EPOCH` when set (so that the
/// same report exports to the same bytes), else now.
pub fn creation_time() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        })
}

/// The report as PDF bytes.
pub fn export(report: &Report, created: i64) -> Result<Vec<u8>, String> {
    let pages = layout(report);
    let meta = render::Meta {
        title: report.display_title(),
        author: report.organ.clone(),
        subject: crate::form::REPORT_NAME.into(),
        creator: "nianbao 年报编辑器".into(),
        producer: format!("nianbao {}", env!("CARGO_PKG_VERSION")),
        created,
    };
    render::render(&pages, &meta)
}
