//! nianbao — editor and checker for the 政府信息公开工作年度报告.
//!
//! `form` describes the official form once; `report` is the model; `checks`
//! are the 勾稽 rules; `store` reads and writes the file format; `import`
//! reads published reports; `source` opens either, the one way the faces
//! (`main.rs`, the editor) open a report. The faces sit on top and never
//! restate a label.

pub mod assets;
pub mod checks;
#[allow(unsafe_code)] // Win32 calls: the one module that may (see its doc).
pub mod desktop;
pub mod export;
pub mod fonts;
pub mod form;
pub mod help;
pub mod import;
pub mod report;
pub mod source;
pub mod store;
#[cfg(feature = "editor")]
pub mod ui;
