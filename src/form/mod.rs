//! The official form (国办公开办函〔2021〕30号), described once.
//!
//! Every face — the editor grid, the PDF and HTML tables, the importer and the
//! checks' messages — reads labels, row order, header spans and the sum
//! relations from here. No other module spells an official label, a row
//! order or which figures add up to which.

mod appeals;
mod applications;
pub mod format2019;
pub mod layout;
mod proactive;
pub mod prose;
pub mod relations;
mod sections;
mod title;

pub use appeals::{APPEALS_HEADING_SPANS, AppealGroup, AppealPart, LAWSUIT};
pub use applications::{
    APPLICANT_HEADER, AppCol, AppRow, BALANCE_NOTE, BALANCE_NOTE_SUBJECT, ORGANISATION_HEADER,
    OutcomeGroup, RowLabel,
};
pub use layout::Figure;
pub use proactive::{ARTICLE, BLOCKS, Block, BlockRow, CONTENT_HEADER, FieldKind, ProactiveField};
pub use relations::{Relation, is_total};
pub use sections::{CONVENTIONAL_PARTS, Section, part_number};
pub use title::{
    NOTICE, NOTICE_FIRST_YEAR, REGULATION, REGULATION_ORDERS, REGULATION_ORDERS_2007,
    REGULATION_REVISED, REPORT_NAME, title,
};
