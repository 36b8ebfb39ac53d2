//! The open report and what belongs to it alone: its file, the version last
//! saved, the file's fingerprint on disk, and its undo history.

use std::path::{Path, PathBuf};

use eframe::egui;
use egui::util::undoer::Undoer;

use crate::form;
use crate::report::Report;
use crate::store;

pub struct Document {
    pub report: Report,
    /// Where it is saved; `None` until saved the first time.
    pub path: Option<PathBuf>,
    /// The report as last saved or opened, to tell unsaved changes.
    pub(super) saved: Report,
    /// The file's fingerprint when opened or saved, to tell whether another
    /// program changed it since.
    disk: Option<u64>,
    pub(super) undoer: Undoer<Report>,
}

impl Document {
    pub(super) fn new(report: Report, path: Option<PathBuf>) -> Document {
        Document {
            saved: report.clone(),
            disk: path.as_deref().and_then(store::fingerprint),
            report,
            path,
            undoer: Undoer::default(),
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.report != self.saved
    }

    pub fn name(&self) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "未命名年报".to_string())
    }

    /// The report was just written to `path`.
    pub(super) fn saved_as(&mut self, path: &Path) {
        self.saved = self.report.clone();
        self.path = Some(path.to_path_buf());
        self.disk = store::fingerprint(path);
    }

    /// Whether another program (or a second window) changed the file since
    /// it was opened or saved here.
    pub(super) fn changed_on_disk(&self, path: &Path) -> bool {
        store::fingerprint(path).is_some_and(|f| Some(f) != self.disk)
    }

    /// Where the report's `prior` points: relative to the report's own
    /// folder (or as written, for a report not yet saved).
    pub(super) fn prior_path(&self) -> Option<PathBuf> {
        crate::source::prior_path(self.path.as_deref(), &self.report)
    }

    /// Where a file of this report is suggested: beside it, named by the
    /// title convention.
    pub(super) fn suggested(&self, extension: &str) -> PathBuf {
        let name = format!(
            "{}{extension}",
            form::title(self.report.organ.trim(), self.report.year)
        );
        match self.path.as_deref().and_then(Path::parent) {
            Some(dir) => dir.join(name),
            None => PathBuf::from(name),
        }
    }
}

/// How a report saved at `own` names `target`: by file name when they share a
/// folder, else by the full path.
pub(super) fn relative_to(target: &Path, own: &Path) -> String {
    let dir = |p: &Path| p.parent().map(store::paths::absolute);
    match (dir(target), dir(own), target.file_name()) {
        (Some(a), Some(b), Some(name)) if a == b => name.to_string_lossy().into_owned(),
        _ => store::paths::absolute(target)
            .to_string_lossy()
            .into_owned(),
    }
}
