//! The editor: the open report, the tab shown, the dialog (at most one), and
//! the commands queued this frame.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use eframe::egui::{self, Panel, ScrollArea, Ui, ViewportCommand};
use egui::util::undoer::Undoer;

use super::dialogs::{Dialog, Outcome};
use super::files::{self, Pick, Purpose};
use super::grid::{self, GridState};
use super::{Command, cell_id, findings, header, overview, start};
use crate::checks::{self, Finding, Severity};
use crate::export::{html, pdf};
use crate::fonts::Coverage;
use crate::form::{Section, layout};
use crate::report::{self, CellRef, Report};
use crate::store::recovery::{self, Recovered, RecoveryStore};
use crate::{assets, import, store};

const RECENT_KEY: &str = "recent_files";
const AUTO_SUM_KEY: &str = "auto_sum";
const MAX_RECENT: usize = 8;
/// Unsaved changes go to the recovery file this often (and when the window loses focus).
const AUTOSAVE_SECS: f64 = 60.0;

/// An open report and what belongs to it alone.
pub struct Document {
    pub report: Report,
    /// Where it is saved; `None` until saved the first time.
    pub path: Option<PathBuf>,
    /// The report as last saved or opened, to tell unsaved changes.
    saved: Report,
    /// The file's fingerprint when opened or saved, to tell whether another
    /// program changed it since.
    disk: Option<u64>,
    undoer: Undoer<Report>,
}

impl Document {
    fn new(report: Report, path: Option<PathBuf>) -> Document {
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
}

/// The tables as printed, built once.
struct Tables {
    proactive: layout::Table,
    applications: layout::Table,
    appeals: layout::Table,
}

pub struct App {
    pub doc: Option<Document>,
    /// Last year's report, as the open one's `prior` names it: for the
    /// cross-year checks and 对比上年 in the grids.
    pub prior: Option<Report>,
    pub tab: Section,
    pub auto_sum: bool,
    /// Use the system's file dialogs; when off, the built-in path prompt.
    pub native_dialogs: bool,
    grid: GridState,
    dialog: Option<Dialog>,
    queue: Vec<Command>,
    /// The last thing done or refused, shown in the status line.
    status: String,
    recent: Vec<PathBuf>,
    coverage: Coverage,
    tables: Tables,
    /// Set once the clerk has agreed to close despite unsaved changes.
    closing: bool,
    title: String,
    /// When set, the first frame prints the time since this instant and closes.
    startup_probe: Option<std::time::Instant>,
    /// Autosave and crash recovery; `None` when there is no data folder.
    recovery: Option<RecoveryStore>,
    /// Names this editor's recovery file for a report never saved.
    session: String,
    /// Copies left by a crashed editor, offered one by one.
    orphans: Vec<Recovered>,
    last_autosave: f64,
    focused: bool,
}

impl App {
    pub fn new(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> App {
        let recovery_dir = eframe::storage_dir(super::APP_ID).map(|d| d.join("recovery"));
        App::with_recovery_dir(cc, path, recovery_dir)
    }

    /// As [`App::new`], keeping recovery copies in `recovery_dir`.
    pub fn with_recovery_dir(
        cc: &eframe::CreationContext<'_>,
        path: Option<PathBuf>,
        recovery_dir: Option<PathBuf>,
    ) -> App {
        super::fonts::install(&cc.egui_ctx);
        // Office software is light; a dark window looks broken next to WPS.
        cc.egui_ctx.set_theme(egui::Theme::Light);
        let storage = cc.storage;
        let mut app = App {
            doc: None,
            prior: None,
            tab: Section::Overview,
            auto_sum: storage
                .and_then(|s| eframe::get_value(s, AUTO_SUM_KEY))
                .unwrap_or(true),
            native_dialogs: true,
            grid: GridState::default(),
            dialog: None,
            queue: Vec::new(),
            status: String::new(),
            recent: storage
                .and_then(|s| eframe::get_value(s, RECENT_KEY))
                .unwrap_or_default(),
            coverage: Coverage::print(),
            tables: Tables {
                proactive: layout::proactive(),
                applications: layout::applications(),
                appeals: layout::appeals(),
            },
            closing: false,
            title: String::new(),
            startup_probe: None,
            session: format!(
                "{}-{}",
                std::process::id(),
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos())
                    .unwrap_or(0)
            ),
            orphans: Vec::new(),
            recovery: recovery_dir.map(RecoveryStore::new),
            last_autosave: 0.0,
            focused: true,
        };
        if let Some(store) = &app.recovery {
            app.orphans = store.orphans();
        }
        if let Some(p) = path {
            app.open_path(&p);
        }
        app
    }

    /// This report's recovery file.
    fn recovery_file(&self) -> Option<PathBuf> {
        let store = self.recovery.as_ref()?;
        let doc = self.doc.as_ref()?;
        Some(store.file_for(doc.path.as_deref(), &self.session))
    }

    /// Write the recovery copy now (it is also written every minute while
    /// there are unsaved changes).
    pub fn autosave(&mut self) {
        let (Some(store), Some(file), Some(doc)) =
            (&self.recovery, self.recovery_file(), &self.doc)
        else {
            return;
        };
        if let Err(e) = store.write(&file, doc.path.as_deref(), &doc.report) {
            self.status = format!("自动保存失败：{e}");
        }
    }

    /// The report's changes were saved or deliberately dropped: no copy to offer.
    fn forget_recovery(&self) {
        if let (Some(store), Some(file)) = (&self.recovery, self.recovery_file()) {
            store.remove(&file);
        }
    }

    /// Autosave when due: a minute after the last one, or when the window loses focus.
    fn autosave_when_due(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let focused = ctx.input(|i| i.viewport().focused.unwrap_or(true));
        let lost_focus = self.focused && !focused;
        self.focused = focused;
        if !self.doc.as_ref().is_some_and(Document::is_dirty) {
            return;
        }
        if lost_focus || now - self.last_autosave >= AUTOSAVE_SECS {
            self.autosave();
            self.last_autosave = now;
        }
        // egui sleeps while nothing happens; wake up for the next autosave.
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_SECS));
    }

    /// Take back a recovered copy: the report as it was, marked unsaved.
    fn restore(&mut self, rec: Recovered) {
        let baseline = rec
            .original
            .as_deref()
            .and_then(|p| store::load(p).ok())
            .unwrap_or_else(|| Report::new("", rec.report.year));
        self.set_document(rec.report, rec.original);
        if let Some(doc) = &mut self.doc {
            doc.saved = baseline;
        }
        if let Some(store) = &self.recovery {
            store.remove(&rec.file);
        }
        self.autosave();
        self.status = "已恢复自动保存的内容：请检查后保存".into();
    }

    pub fn probe_startup(&mut self, started: std::time::Instant) {
        self.startup_probe = Some(started);
    }

    /// Queue a command, as a menu item or shortcut does.
    pub fn enqueue(&mut self, command: Command) {
        self.queue.push(command);
    }

    pub fn status(&self) -> &str {
        &self.status
    }

    /// Start editing `report` as if just opened from `path`. The report it
    /// replaces was saved or deliberately dropped: its recovery copy goes.
    pub fn set_document(&mut self, report: Report, path: Option<PathBuf>) {
        self.forget_recovery();
        self.doc = Some(Document::new(report, path));
        self.grid.reset();
        self.tab = Section::Overview;
        self.load_prior();
    }

    /// Read last year's report as the open report's `prior` names it.
    fn load_prior(&mut self) {
        self.prior = None;
        let Some(doc) = &self.doc else { return };
        let Some(path) = prior_path(doc) else { return };
        match read_report(&path) {
            Ok(r) => self.prior = Some(r),
            Err(e) => {
                self.status = format!(
                    "上年年报“{}”无法读取（{e}），本次不做跨年度核对：可用“文件 → 关联上年年报”重新选择",
                    path.display()
                );
            }
        }
    }

    pub fn findings(&self) -> Vec<Finding> {
        match &self.doc {
            Some(d) => checks::run(&d.report, self.prior.as_ref(), &|c| self.coverage.covers(c)),
            None => Vec::new(),
        }
    }

    fn remember(&mut self, path: &Path) {
        let path = store::paths::absolute(path);
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    fn open_path(&mut self, path: &Path) {
        match store::load(path) {
            Ok(report) => {
                self.set_document(report, Some(path.to_path_buf()));
                self.remember(path);
                self.status = format!("已打开：{}", path.display());
            }
            Err(e) => {
                self.dialog = Some(Dialog::Notice {
                    title: "无法打开年报文件".into(),
                    text: format!("{}\n\n{e}\n\n文件没有被改动。", path.display()),
                });
            }
        }
    }

    /// Save to `path`; on failure the old file stays as it was and the clerk is told.
    fn save_to(&mut self, path: &Path) -> bool {
        let Some(doc) = &mut self.doc else {
            return false;
        };
        // Last year's file is named relative to this one, as DESIGN.md says,
        // so the pair can be moved (or mailed) together.
        if let Some(prior) = prior_path(doc) {
            doc.report.prior = relative_to(&prior, path);
        }
        match store::save(path, &doc.report) {
            Ok(()) => {
                // The copy under the old name (or none) is no longer needed.
                self.forget_recovery();
                let Some(doc) = &mut self.doc else {
                    return false;
                };
                doc.saved = doc.report.clone();
                doc.path = Some(path.to_path_buf());
                doc.disk = store::fingerprint(path);
                self.status = format!("已保存：{}", path.display());
                self.remember(path);
                true
            }
            Err(e) => {
                self.dialog = Some(Dialog::Notice {
                    title: "保存失败".into(),
                    text: format!("{e}\n\n原来的文件没有被改动。请另存到其他位置。"),
                });
                false
            }
        }
    }

    fn save(&mut self) -> bool {
        let Some(doc) = &self.doc else { return false };
        match doc.path.clone() {
            // Another program (or a second window) changed the file: ask first.
            Some(p) if store::fingerprint(&p).is_some_and(|f| Some(f) != doc.disk) => {
                self.dialog = Some(Dialog::ChangedOnDisk { path: p });
                false
            }
            Some(p) => self.save_to(&p),
            None => self.save_as(),
        }
    }

    /// Where a file of this report is suggested: beside it, named by the convention.
    fn suggested(&self, extension: &str) -> PathBuf {
        let Some(doc) = &self.doc else {
            return PathBuf::new();
        };
        let name = format!(
            "{}{}年政府信息公开工作年度报告{extension}",
            doc.report.organ.trim(),
            doc.report.year
        );
        match doc.path.as_deref().and_then(Path::parent) {
            Some(dir) => dir.join(name),
            None => PathBuf::from(name),
        }
    }

    /// Ask where, through the system's dialog or the path prompt. `Some` when chosen now.
    fn ask_path(&mut self, purpose: Purpose, suggested: Option<PathBuf>) -> Option<PathBuf> {
        match files::pick(purpose, suggested.as_deref(), self.native_dialogs) {
            Pick::Chosen(p) => Some(p),
            Pick::Cancelled => None,
            Pick::Unavailable(reason) => {
                self.dialog = Some(Dialog::Path {
                    purpose,
                    text: suggested
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                    reason,
                });
                None
            }
        }
    }

    fn save_as(&mut self) -> bool {
        let suggested = self.suggested(".nianbao.json");
        match self.ask_path(Purpose::SaveAs, Some(suggested)) {
            Some(p) => self.save_to(&with_extension(p, "json", ".nianbao.json")),
            None => false,
        }
    }

    fn export_html(&mut self, path: &Path) {
        let Some(doc) = &self.doc else { return };
        let path = with_extension(path.to_path_buf(), "html", ".html");
        match store::write_atomically(&path, html::export(&doc.report).as_bytes()) {
            Ok(()) => {
                self.status = format!("已导出网页：{}", path.display());
                self.dialog = Some(Dialog::Exported {
                    path, what: "网页"
                });
            }
            Err(e) => {
                self.dialog = Some(Dialog::Notice {
                    title: "导出失败".into(),
                    text: format!("{e}\n\n请换一个位置再导出。"),
                });
            }
        }
    }

    /// A published report (web page or text) as a new, unsaved report, with
    /// what the importer found and lacked.
    fn import(&mut self, path: &Path) {
        match import::import_file(path) {
            Ok(imported) => {
                self.set_document(imported.report, None);
                self.status = format!("已导入：{}（尚未保存）", path.display());
                let mut text = imported.summary.lines().join("\n");
                text.push_str("\n\n请核对各表数字后另存为年报文件。");
                self.dialog = Some(Dialog::Notice {
                    title: "导入完成".into(),
                    text,
                });
            }
            Err(e) => {
                self.dialog = Some(Dialog::Notice {
                    title: "无法导入".into(),
                    text: format!("{}\n\n{e}", path.display()),
                });
            }
        }
    }

    /// 从上年年报创建: this year's report from last year's.
    fn new_from_prior(&mut self, path: &Path) {
        match read_report(path) {
            Ok(prior) => {
                let absolute = store::paths::absolute(path);
                let report = report::next_year(&prior, &absolute.to_string_lossy());
                let year = report.year;
                self.set_document(report, None);
                self.status = format!(
                    "已从{}年年报创建{year}年年报：文字沿用上年，请逐段修改；表格已带入上年结转和现行有效件数",
                    prior.year
                );
            }
            Err(e) => {
                self.dialog = Some(Dialog::Notice {
                    title: "无法读取上年年报".into(),
                    text: format!("{}\n\n{e}", path.display()),
                });
            }
        }
    }

    /// Name `path` as the open report's previous year.
    fn link_prior(&mut self, path: &Path) {
        let Some(doc) = &mut self.doc else { return };
        let absolute = store::paths::absolute(path);
        doc.report.prior = match &doc.path {
            Some(own) => relative_to(&absolute, own),
            None => absolute.to_string_lossy().into_owned(),
        };
        self.load_prior();
        if let Some(p) = &self.prior {
            self.status = format!("已关联上年年报（{}年）：检查结果含跨年度核对", p.year);
        }
    }

    fn export_pdf(&mut self, path: &Path) {
        let Some(doc) = &self.doc else { return };
        let path = with_extension(path.to_path_buf(), "pdf", ".pdf");
        let written = pdf::export(&doc.report, pdf::creation_time())
            .map_err(|e| format!("无法生成PDF：{e}"))
            .and_then(|bytes| store::write_atomically(&path, &bytes).map_err(|e| e.to_string()));
        match written {
            Ok(()) => {
                self.status = format!("已导出PDF：{}", path.display());
                self.dialog = Some(Dialog::Exported { path, what: "PDF" });
            }
            Err(e) => {
                self.dialog = Some(Dialog::Notice {
                    title: "导出失败".into(),
                    text: e,
                });
            }
        }
    }

    /// Apply one command. `confirmed`: the clerk has already answered the
    /// unsaved-changes question for it.
    fn apply(&mut self, command: Command, ctx: &egui::Context, confirmed: bool) {
        if command.discards_report()
            && !confirmed
            && let Some(doc) = &self.doc
            && doc.is_dirty()
        {
            self.dialog = Some(Dialog::Unsaved {
                name: doc.name(),
                then: command,
            });
            return;
        }
        match command {
            Command::New => {
                self.set_document(Report::new("", default_year()), None);
                self.status = "新建年报：请先填写机关名称和年度".into();
            }
            Command::Open => {
                if let Some(p) = self.ask_path(Purpose::Open, None) {
                    self.open_path(&p);
                }
            }
            Command::OpenPath(p) => self.open_path(&p),
            Command::NewFromPrior => {
                if let Some(p) = self.ask_path(Purpose::NewFromPrior, None) {
                    self.new_from_prior(&p);
                }
            }
            Command::Import => {
                if let Some(p) = self.ask_path(Purpose::Import, None) {
                    self.import(&p);
                }
            }
            Command::LinkPrior => {
                if self.doc.is_some()
                    && let Some(p) = self.ask_path(Purpose::Prior, None)
                {
                    self.link_prior(&p);
                }
            }
            Command::ExportHtml => {
                if self.doc.is_some() {
                    let suggested = self.suggested(".html");
                    if let Some(p) = self.ask_path(Purpose::ExportHtml, Some(suggested)) {
                        self.export_html(&p);
                    }
                }
            }
            Command::OpenSample => {
                self.set_document(assets::sample(), None);
                self.status = "已打开示例：阿戛镇人民政府2024年年度报告（另存后可修改使用）".into();
            }
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::ExportPdf => {
                let errors = self
                    .findings()
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .count();
                if self.doc.is_none() {
                } else if errors > 0 && !confirmed {
                    self.dialog = Some(Dialog::ConfirmExport { errors });
                } else {
                    let suggested = self.suggested(".pdf");
                    if let Some(p) = self.ask_path(Purpose::ExportPdf, Some(suggested)) {
                        self.export_pdf(&p);
                    }
                }
            }
            Command::Undo | Command::Redo => {
                if let Some(doc) = &mut self.doc {
                    let restored = if command == Command::Undo {
                        doc.undoer.undo(&doc.report)
                    } else {
                        doc.undoer.redo(&doc.report)
                    };
                    if let Some(r) = restored {
                        doc.report = r.clone();
                        self.grid.reset();
                    }
                }
            }
            Command::Quit => {
                self.forget_recovery();
                self.closing = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    fn handle_input(&mut self, ctx: &egui::Context) {
        // App shortcuts are taken before any text field sees them, so that
        // Ctrl+Z undoes once, through the app's history.
        ctx.input_mut(|i| {
            for (command, shortcut) in &Command::WITH_SHORTCUTS {
                if i.consume_shortcut(shortcut) {
                    self.queue.push(command.clone());
                }
            }
        });
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(p) = dropped.into_iter().next() {
            self.queue.push(Command::OpenPath(p));
        }
        let close_requested = ctx.input(|i| i.viewport().close_requested());
        if close_requested && (self.closing || !self.doc.as_ref().is_some_and(Document::is_dirty)) {
            // A clean close: nothing to recover next time.
            self.forget_recovery();
        }
        if close_requested
            && !self.closing
            && let Some(doc) = &self.doc
            && doc.is_dirty()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved {
                name: doc.name(),
                then: Command::Quit,
            });
        }
    }

    fn show_dialog(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &mut self.dialog else {
            return;
        };
        let Some(outcome) = dialog.show(ctx) else {
            return;
        };
        self.dialog = None;
        match outcome {
            Outcome::Save(then) => {
                if self.save() {
                    self.apply(then, ctx, true);
                }
            }
            Outcome::Discard(then) => self.apply(then, ctx, true),
            Outcome::Path(Purpose::Open, p) => self.open_path(&p),
            Outcome::Path(Purpose::SaveAs, p) => {
                self.save_to(&with_extension(p, "json", ".nianbao.json"));
            }
            Outcome::Path(Purpose::ExportPdf, p) => self.export_pdf(&p),
            Outcome::Path(Purpose::ExportHtml, p) => self.export_html(&p),
            Outcome::Path(Purpose::Import, p) => self.import(&p),
            Outcome::Path(Purpose::Prior, p) => self.link_prior(&p),
            Outcome::Path(Purpose::NewFromPrior, p) => self.new_from_prior(&p),
            Outcome::ExportAnyway => self.apply(Command::ExportPdf, ctx, true),
            Outcome::Restore => {
                if !self.orphans.is_empty() {
                    let rec = self.orphans.remove(0);
                    self.restore(rec);
                }
            }
            Outcome::DropRecovery => {
                if !self.orphans.is_empty() {
                    let rec = self.orphans.remove(0);
                    if let Some(store) = &self.recovery {
                        store.remove(&rec.file);
                    }
                }
            }
            Outcome::Overwrite(p) => {
                self.save_to(&p);
            }
            Outcome::Then(command) => self.apply(command, ctx, false),
            Outcome::OpenExternally(p) => {
                if let Err(e) = open_externally(&p) {
                    self.status = format!("无法打开“{}”：{e}", p.display());
                }
            }
            Outcome::Closed => {}
        }
    }

    fn menu_bar(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("文件", |ui| {
                for cmd in [
                    Command::New,
                    Command::NewFromPrior,
                    Command::Open,
                    Command::OpenSample,
                    Command::Save,
                    Command::SaveAs,
                ] {
                    menu_item(ui, cmd, &mut self.queue);
                }
                ui.separator();
                for cmd in [
                    Command::Import,
                    Command::LinkPrior,
                    Command::ExportPdf,
                    Command::ExportHtml,
                ] {
                    menu_item(ui, cmd, &mut self.queue);
                }
                if !self.recent.is_empty() {
                    ui.menu_button("最近打开", |ui| {
                        for p in &self.recent {
                            if ui.button(p.display().to_string()).clicked() {
                                self.queue.push(Command::OpenPath(p.clone()));
                            }
                        }
                    });
                }
                ui.separator();
                menu_item(ui, Command::Quit, &mut self.queue);
            });
            ui.menu_button("编辑", |ui| {
                menu_item(ui, Command::Undo, &mut self.queue);
                menu_item(ui, Command::Redo, &mut self.queue);
                ui.separator();
                ui.checkbox(&mut self.auto_sum, "自动合计（修改数字时自动填写总计）");
            });
        });
    }

    fn document_ui(&mut self, ui: &mut Ui, findings: &[Finding]) {
        let Some(doc) = &mut self.doc else { return };
        let prior_year = self.prior.as_ref().map(|p| p.year);
        Panel::top("nianbao-header").show(ui, |ui| {
            ui.add_space(4.0);
            header::show(ui, &mut doc.report, prior_year);
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                for s in Section::ALL {
                    let errors = findings.iter().any(|f| {
                        f.severity == Severity::Error
                            && f.cells.first().is_some_and(|c| c.section() == s)
                    });
                    let label = if errors {
                        format!("{}●", s.heading())
                    } else {
                        s.heading()
                    };
                    ui.selectable_value(&mut self.tab, s, label);
                }
            });
        });
        let clicked = Panel::right("nianbao-findings")
            .default_size(300.0)
            .min_size(240.0)
            .show(ui, |ui| findings::show(ui, findings))
            .inner;
        Panel::bottom("nianbao-status").show(ui, |ui| {
            ui.label(&self.status);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            ScrollArea::both().auto_shrink(false).show(ui, |ui| {
                let marks = outline_marks(findings);
                let report = &mut doc.report;
                let grid = &mut self.grid;
                let overlay = grid::Overlay {
                    marks: &marks,
                    auto_sum: self.auto_sum,
                    prior: self.prior.as_ref(),
                };
                match self.tab {
                    Section::Overview => overview::overview(ui, report),
                    Section::Proactive => {
                        ui.heading(Section::Proactive.heading());
                        grid::notice(ui, grid);
                        grid::show(
                            ui,
                            &self.tables.proactive,
                            &grid::PROACTIVE_WIDTHS,
                            report,
                            grid,
                            &overlay,
                        );
                    }
                    Section::Applications => {
                        ui.heading(Section::Applications.heading());
                        grid::notice(ui, grid);
                        grid::show(
                            ui,
                            &self.tables.applications,
                            &grid::APPLICATIONS_WIDTHS,
                            report,
                            grid,
                            &overlay,
                        );
                    }
                    Section::Appeals => {
                        ui.heading(Section::Appeals.heading());
                        grid::notice(ui, grid);
                        grid::show(
                            ui,
                            &self.tables.appeals,
                            &grid::APPEALS_WIDTHS,
                            report,
                            grid,
                            &overlay,
                        );
                    }
                    Section::Problems => overview::problems(ui, report),
                    Section::OtherMatters => overview::other_matters(ui, report),
                }
            });
        });
        if let Some(cell) = clicked {
            self.tab = cell.section();
            ui.memory_mut(|m| m.request_focus(cell_id(cell)));
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.doc {
            Some(d) => format!(
                "{}{} — 年报编辑器",
                d.name(),
                if d.is_dirty() { " *" } else { "" }
            ),
            None => "年报编辑器".to_string(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.handle_input(&ctx);
        for command in std::mem::take(&mut self.queue) {
            self.apply(command, &ctx, false);
        }
        Panel::top("nianbao-menu").show(ui, |ui| self.menu_bar(ui));
        if self.doc.is_some() {
            let findings = self.findings();
            self.document_ui(ui, &findings);
        } else {
            let recent = self.recent.clone();
            egui::CentralPanel::default().show(ui, |ui| start::show(ui, &recent, &mut self.queue));
        }
        if self.dialog.is_none()
            && let Some(rec) = self.orphans.first()
        {
            self.dialog = Some(Dialog::Recover {
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
            });
        }
        self.show_dialog(&ctx);
        self.autosave_when_due(&ctx);
        if let Some(doc) = &mut self.doc {
            doc.undoer.feed_state(ctx.input(|i| i.time), &doc.report);
        }
        self.update_title(&ctx);
        if let Some(started) = self.startup_probe.take() {
            println!("first_frame_ms {}", started.elapsed().as_millis());
            self.closing = true;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, RECENT_KEY, &self.recent);
        eframe::set_value(storage, AUTO_SUM_KEY, &self.auto_sum);
    }
}

fn menu_item(ui: &mut Ui, cmd: Command, queue: &mut Vec<Command>) {
    let mut button = egui::Button::new(cmd.label());
    if let Some(s) = cmd.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&s));
    }
    if ui.add(button).clicked() {
        queue.push(cmd);
    }
}

/// The worst severity per cell, for outlining. Blank cells (`value.blank`) and
/// empty sections are listed in the panel but not outlined: on a new report
/// every cell is blank, and an amber grid would hide the real mistakes.
fn outline_marks(findings: &[Finding]) -> HashMap<CellRef, Severity> {
    let mut marks = HashMap::new();
    for f in findings
        .iter()
        .filter(|f| f.id != "value.blank" && f.id != "section.empty")
    {
        for c in &f.cells {
            let e = marks.entry(*c).or_insert(f.severity);
            *e = (*e).min(f.severity);
        }
    }
    marks
}

/// A path with the extension its file type needs (`json`, `pdf`), so that the
/// dialogs' filters find the file again: `suffix` is added when it lacks it.
fn with_extension(p: PathBuf, extension: &str, suffix: &str) -> PathBuf {
    if p.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
    {
        p
    } else {
        let mut s = p.into_os_string();
        s.push(suffix);
        PathBuf::from(s)
    }
}

/// Where the open report's `prior` points: relative to the report's own
/// folder (or as written, for a report not yet saved).
fn prior_path(doc: &Document) -> Option<PathBuf> {
    let prior = doc.report.prior.trim();
    if prior.is_empty() {
        return None;
    }
    let dir = doc.path.as_deref().and_then(Path::parent);
    Some(match dir {
        Some(d) => d.join(prior),
        None => PathBuf::from(prior),
    })
}

/// How a report saved at `own` names `target`: by file name when they share a
/// folder, else by the full path.
fn relative_to(target: &Path, own: &Path) -> String {
    let dir = |p: &Path| p.parent().map(store::paths::absolute);
    match (dir(target), dir(own), target.file_name()) {
        (Some(a), Some(b), Some(name)) if a == b => name.to_string_lossy().into_owned(),
        _ => store::paths::absolute(target)
            .to_string_lossy()
            .into_owned(),
    }
}

/// A report from our file format, or imported from a published page or text.
fn read_report(path: &Path) -> Result<Report, String> {
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        store::load(path).map_err(|e| e.to_string())
    } else {
        import::import_file(path)
            .map(|i| i.report)
            .map_err(|e| e.to_string())
    }
}

/// Open a file or folder with the system's default program.
fn open_externally(path: &Path) -> std::io::Result<()> {
    let program = if cfg!(windows) {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(path)
        .spawn()
        .map(|_| ())
}

/// The year a report is usually written for: last year, until the report is
/// published at the end of January.
fn default_year() -> u16 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    // Days since 1970 to the civil year (proleptic Gregorian), Howard Hinnant's method.
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year - 1) as u16
}
