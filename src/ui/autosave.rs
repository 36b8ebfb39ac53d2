//! Autosave and crash recovery: unsaved changes go to a recovery copy in the
//! editor's data folder every minute and when the window loses focus; copies
//! left by an editor that crashed are offered back at the next start.

use std::path::PathBuf;

use eframe::egui;

use super::App;
use super::dialogs::Recover;
use super::document::Document;
use crate::report::Report;
use crate::store;
use crate::store::recovery::{self, Recovered, RecoveryStore};

/// Unsaved changes go to the recovery file this often (and when the window loses focus).
const AUTOSAVE_SECS: f64 = 60.0;

pub struct Autosave {
    /// `None` when there is no data folder.
    store: Option<RecoveryStore>,
    /// Names this editor's recovery file for a report never saved.
    session: String,
    /// Copies left by a crashed editor, offered one by one.
    orphans: Vec<Recovered>,
    last: f64,
    focused: bool,
}

impl Autosave {
    /// Recovery copies kept in `dir`, and those a crashed editor left there.
    pub fn new(dir: Option<PathBuf>) -> Autosave {
        let store = dir.map(RecoveryStore::new);
        Autosave {
            orphans: store
                .as_ref()
                .map(RecoveryStore::orphans)
                .unwrap_or_default(),
            store,
            session: format!(
                "{}-{}",
                std::process::id(),
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos())
                    .unwrap_or(0)
            ),
            last: 0.0,
            focused: true,
        }
    }

    /// This report's recovery file.
    fn file(&self, doc: &Document) -> Option<PathBuf> {
        let store = self.store.as_ref()?;
        Some(store.file_for(doc.path.as_deref(), &self.session))
    }

    /// Write `doc`'s recovery copy.
    fn write(&self, doc: &Document) -> Result<(), String> {
        let (Some(store), Some(file)) = (&self.store, self.file(doc)) else {
            return Ok(());
        };
        store
            .write(&file, doc.path.as_deref(), &doc.report)
            .map_err(|e| e.to_string())
    }

    /// `doc`'s changes were saved or deliberately dropped: no copy to offer.
    pub fn forget(&self, doc: &Document) {
        if let (Some(store), Some(file)) = (&self.store, self.file(doc)) {
            store.remove(&file);
        }
    }

    /// Whether an autosave is due: a minute after the last one, or the window
    /// just lost focus.
    fn due(&mut self, ctx: &egui::Context, dirty: bool) -> bool {
        let now = ctx.input(|i| i.time);
        let focused = ctx.input(|i| i.viewport().focused.unwrap_or(true));
        let lost_focus = self.focused && !focused;
        self.focused = focused;
        if !dirty {
            return false;
        }
        // egui sleeps while nothing happens; wake up for the next autosave.
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_SECS));
        if lost_focus || now - self.last >= AUTOSAVE_SECS {
            self.last = now;
            return true;
        }
        false
    }

    /// The question for the first copy still to offer.
    pub fn offer(&self) -> Option<Recover> {
        let rec = self.orphans.first()?;
        Some(Recover {
            what: format!(
                "{}{}年年度报告（{}）",
                rec.report.organ,
                rec.report.year,
                rec.original
                    .as_deref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| "未保存过的新年报".into())
            ),
            age: recovery::age(rec.saved_at),
        })
    }

    /// The copy just offered, taken back: its file goes.
    fn take_offered(&mut self) -> Option<Recovered> {
        if self.orphans.is_empty() {
            return None;
        }
        let rec = self.orphans.remove(0);
        if let Some(store) = &self.store {
            store.remove(&rec.file);
        }
        Some(rec)
    }
}

impl App {
    /// Write the recovery copy now (it is also written every minute while
    /// there are unsaved changes).
    pub fn autosave(&mut self) {
        let Some(doc) = &self.doc else { return };
        if let Err(e) = self.recovery.write(doc) {
            self.status = format!("自动保存失败：{e}");
        }
    }

    /// The open report's changes were saved or deliberately dropped.
    pub(super) fn forget_recovery(&self) {
        if let Some(doc) = &self.doc {
            self.recovery.forget(doc);
        }
    }

    pub(super) fn autosave_when_due(&mut self, ctx: &egui::Context) {
        let dirty = self.doc.as_ref().is_some_and(Document::is_dirty);
        if self.recovery.due(ctx, dirty) {
            self.autosave();
        }
    }

    /// 恢复: take back the copy offered, the report as it was, marked unsaved.
    pub(super) fn restore(&mut self) {
        let Some(rec) = self.recovery.take_offered() else {
            return;
        };
        let baseline = rec
            .original
            .as_deref()
            .and_then(|p| store::load(p).ok())
            .unwrap_or_else(|| Report::new("", rec.report.year));
        self.set_document(rec.report, rec.original);
        if let Some(doc) = &mut self.doc {
            doc.saved = baseline;
        }
        self.autosave();
        self.status = "已恢复自动保存的内容：请检查后保存".into();
    }

    /// 放弃: the copy offered is deleted.
    pub(super) fn drop_recovery(&mut self) {
        self.recovery.take_offered();
    }
}
