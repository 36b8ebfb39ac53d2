//! The system's file dialogs (rfd), and telling when there is none.
//!
//! On Linux rfd talks to xdg-desktop-portal (or zenity); where neither runs it
//! returns `None` at once, exactly as if the clerk had cancelled. A dialog
//! that "was cancelled" faster than a person can react was never shown, so
//! the editor offers its own path prompt instead of silently doing nothing.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::source::Kind;

pub enum Pick {
    Chosen(PathBuf),
    Cancelled,
    /// No dialog could be shown; the text says why, for the clerk.
    Unavailable(String),
}

/// What a file dialog is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Open,
    SaveAs,
    ExportPdf,
    ExportOfd,
    ExportHtml,
    /// The Word file for the leader's sign-off.
    ExportDocx,
    /// A published report's text or web page.
    Import,
    /// Last year's report: our file, or a published page.
    Prior,
    /// Last year's report to start this year's from.
    NewFromPrior,
}

impl Purpose {
    pub fn title(self) -> &'static str {
        match self {
            Purpose::Open => "打开年报文件",
            Purpose::SaveAs => "保存年报文件",
            Purpose::ExportPdf => "导出PDF",
            Purpose::ExportOfd => "导出OFD",
            Purpose::ExportHtml => "导出网页",
            Purpose::ExportDocx => "导出Word",
            Purpose::Import => "导入已发布的年报",
            Purpose::Prior => "选择上年年报",
            Purpose::NewFromPrior => "从上年年报创建",
        }
    }

    /// The dialog's filter. What can be imported comes from `source::Kind`,
    /// so that a new kind of source shows up here by itself.
    fn filter(self) -> (&'static str, Vec<&'static str>) {
        let kinds = |imported_only: bool| -> Vec<&'static str> {
            Kind::ALL
                .into_iter()
                .filter(|k| !imported_only || k.is_imported())
                .flat_map(|k| k.extensions().iter().copied())
                .collect()
        };
        match self {
            Purpose::ExportPdf => ("PDF 文件", vec!["pdf"]),
            Purpose::ExportOfd => ("OFD 版式文件", vec!["ofd"]),
            Purpose::ExportHtml => ("网页", vec!["html", "htm"]),
            Purpose::ExportDocx => ("Word 文档", vec!["docx"]),
            Purpose::Import => ("已发布的年报", kinds(true)),
            Purpose::Prior | Purpose::NewFromPrior => ("年报文件或已发布的年报", kinds(false)),
            Purpose::Open | Purpose::SaveAs => ("年报文件", vec!["json"]),
        }
    }

    /// Whether the dialog picks an existing file (rather than a place to save).
    fn opens(self) -> bool {
        matches!(
            self,
            Purpose::Open | Purpose::Import | Purpose::Prior | Purpose::NewFromPrior
        )
    }
}

fn missing_backend() -> Option<String> {
    if cfg!(target_os = "linux") {
        let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
        let has_zenity = std::env::var_os("PATH")
            .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join("zenity").is_file()));
        if !has_bus && !has_zenity {
            return Some("系统中没有 xdg-desktop-portal 或 zenity".into());
        }
    }
    None
}

/// Ask for a file through the system's dialog. `native: false` skips it
/// (the tests, and clerks whose dialog hangs, use the path prompt).
pub fn pick(purpose: Purpose, suggested: Option<&Path>, native: bool) -> Pick {
    if !native {
        return Pick::Unavailable("已设置为不使用系统文件窗口".into());
    }
    if let Some(why) = missing_backend() {
        return Pick::Unavailable(why);
    }
    let (name, extensions) = purpose.filter();
    let mut dialog = rfd::FileDialog::new()
        .set_title(purpose.title())
        .add_filter(name, &extensions);
    if let Some(s) = suggested {
        if let Some(dir) = s.parent().filter(|d| d.is_dir()) {
            dialog = dialog.set_directory(dir);
        }
        if let Some(file) = s.file_name() {
            dialog = dialog.set_file_name(file.to_string_lossy());
        }
    }
    let started = Instant::now();
    let chosen = if purpose.opens() {
        dialog.pick_file()
    } else {
        dialog.save_file()
    };
    match chosen {
        Some(p) => Pick::Chosen(p),
        None if started.elapsed() < Duration::from_millis(150) => {
            Pick::Unavailable("文件选择窗口没有出现，可能缺少 xdg-desktop-portal".into())
        }
        None => Pick::Cancelled,
    }
}
