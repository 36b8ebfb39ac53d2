//! The official form (国办公开办函〔2021〕30号), described once.
//!
//! Every face — the editor grid, the PDF and HTML tables, the importer and the
//! checks' messages — reads labels, row order and header spans from here. No
//! other module spells an official label or a row order.

mod appeals;
mod applications;
pub mod layout;
mod proactive;
pub mod prose;
mod sections;

pub use appeals::{APPEALS_HEADING_SPANS, AppealGroup, AppealPart, LAWSUIT};
pub use applications::{
    APPLICANT_HEADER, AppCol, AppRow, BALANCE_NOTE, ORGANISATION_HEADER, OutcomeGroup, RowLabel,
};
pub use layout::Figure;
pub use proactive::{BLOCKS, Block, BlockRow, CONTENT_HEADER, FieldKind, ProactiveField};
pub use sections::{CONVENTIONAL_PARTS, Section, part_number};
