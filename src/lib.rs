//! nianbao — editor and checker for the 政府信息公开工作年度报告.
//!
//! `form` describes the official form once; `report` is the model; `checks`
//! are the 勾稽 rules; `store` reads and writes the file format. The faces
//! (`main.rs`, the editor) sit on top and never restate a label.

pub mod assets;
pub mod checks;
pub mod export;
pub mod fonts;
pub mod form;
pub mod import;
pub mod report;
pub mod store;
#[cfg(feature = "editor")]
pub mod ui;
