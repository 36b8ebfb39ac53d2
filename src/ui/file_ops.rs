//! What the editor does with files: open, save (asking first when the file
//! changed on disk), import a published report, start from or link last
//! year's, export. Where a file is asked for, the system's dialog is used, or
//! the built-in path prompt when there is none.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::dialogs::{ChangedOnDisk, Exported, PathPrompt};
use super::document::relative_to;
use super::files::{self, Pick, Purpose};
use super::{App, Command};
use crate::export::{docx, html, ofd, pdf};
use crate::form::ProactiveField;
use crate::report::{self, Report};
use crate::{source, store};

/// How many recently opened files the menu and the start page list.
const MAX_RECENT: usize = 8;

impl App {
    fn remember(&mut self, path: &Path) {
        let path = store::paths::absolute(path);
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    pub(super) fn open_path(&mut self, path: &Path) {
        match store::load(path) {
            Ok(report) => {
                self.set_document(report, Some(path.to_path_buf()));
                self.remember(path);
                self.status = format!("已打开：{}", path.display());
            }
            Err(e) => self.tell(
                "无法打开年报文件",
                format!("{}\n\n{e}\n\n文件没有被改动。", path.display()),
            ),
        }
    }

    /// Save to the report's file, then apply `then` as confirmed. When the
    /// save has to ask first (the file changed on disk; no file yet), the
    /// question carries `then` to its answer.
    pub(super) fn save(&mut self, then: Option<Command>, ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        match doc.path.clone() {
            Some(path) if doc.changed_on_disk(&path) => self.ask(ChangedOnDisk { path, then }),
            Some(path) => self.save_to(&path, then, ctx),
            None => self.save_as(then, ctx),
        }
    }

    /// 另存为: ask where, then save there (and apply `then`).
    pub(super) fn save_as(&mut self, then: Option<Command>, ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        let suggested = doc.suggested(".nianbao.json");
        if let Some(p) = self.ask_path(Purpose::SaveAs, Some(suggested), then.clone()) {
            self.save_to(&report_file(p), then, ctx);
        }
    }

    /// Save to `path`, then apply `then` as confirmed. On failure the old
    /// file stays as it was, the clerk is told, and `then` is dropped.
    pub(super) fn save_to(&mut self, path: &Path, then: Option<Command>, ctx: &egui::Context) {
        let Some(doc) = &mut self.doc else { return };
        // Last year's file is named relative to this one, as DESIGN.md says,
        // so the pair can be moved (or mailed) together.
        // The link is rewritten only once the save has gone through: a
        // failed save to another folder must not leave it pointing wrong.
        let prior = doc.prior_path().map(|p| relative_to(&p, path));
        let mut to_write = doc.report.clone();
        if let Some(prior) = &prior {
            to_write.prior.clone_from(prior);
        }
        if let Err(e) = store::save(path, &to_write) {
            self.tell(
                "保存失败",
                format!("{e}\n\n原来的文件没有被改动。请另存到其他位置。"),
            );
            return;
        }
        if let Some(prior) = prior {
            doc.report.prior = prior;
        }
        // The copy under the old name (or none) is no longer needed.
        self.forget_recovery();
        if let Some(doc) = &mut self.doc {
            doc.saved_as(path);
        }
        self.status = format!("已保存：{}", path.display());
        self.remember(path);
        if let Some(command) = then {
            self.apply(command, ctx, true);
        }
    }

    /// Ask where, through the system's dialog or the path prompt (which
    /// carries `then`). `Some` when chosen now.
    pub(super) fn ask_path(
        &mut self,
        purpose: Purpose,
        suggested: Option<PathBuf>,
        then: Option<Command>,
    ) -> Option<PathBuf> {
        match files::pick(purpose, suggested.as_deref(), self.native_dialogs) {
            Pick::Chosen(p) => Some(p),
            Pick::Cancelled => None,
            Pick::Unavailable(reason) => {
                self.ask(PathPrompt {
                    purpose,
                    text: suggested
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                    reason,
                    then,
                });
                None
            }
        }
    }

    /// A path typed into the prompt for `purpose`.
    pub(super) fn chosen(
        &mut self,
        purpose: Purpose,
        path: &Path,
        then: Option<Command>,
        ctx: &egui::Context,
    ) {
        match purpose {
            Purpose::Open => self.open_path(path),
            Purpose::SaveAs => self.save_to(&report_file(path.to_path_buf()), then, ctx),
            Purpose::ExportPdf => self.export_pdf(path),
            Purpose::ExportOfd => self.export_ofd(path),
            Purpose::ExportHtml => self.export_html(path),
            Purpose::ExportDocx => self.export_docx(path),
            Purpose::Import => self.import(path),
            Purpose::Prior => self.link_prior(path),
            Purpose::NewFromPrior => self.new_from_prior(path),
        }
    }

    /// A published report (web page or text) as a new, unsaved report, with
    /// what the importer found and lacked.
    pub(super) fn import(&mut self, path: &Path) {
        match source::open(path) {
            Ok(opened) => {
                let reading = opened.reading();
                let summary = opened.summary.map(|s| s.lines()).unwrap_or_default();
                self.set_document(opened.report, None);
                self.reading = reading;
                self.status = format!("已导入：{}（尚未保存）", path.display());
                let mut text = summary.join("\n");
                text.push_str("\n\n请核对各表数字后另存为年报文件。");
                self.tell("导入完成", text);
            }
            Err(e) => self.tell("无法导入", format!("{}\n\n{e}", path.display())),
        }
    }

    /// 从上年年报创建: this year's report from last year's.
    pub(super) fn new_from_prior(&mut self, path: &Path) {
        match read_report(path) {
            Ok(prior) => {
                let absolute = store::paths::absolute(path);
                let report = report::next_year(&prior, &absolute.to_string_lossy());
                let year = report.year;
                self.set_document(report, None);
                self.status = format!(
                    "已从{}年年报创建{year}年年报：文字沿用上年，请逐段修改；表格已带入上年结转和{}",
                    prior.year,
                    ProactiveField::RulesInForce.column_label()
                );
            }
            Err(e) => self.tell("无法读取上年年报", format!("{}\n\n{e}", path.display())),
        }
    }

    /// Name `path` as the open report's previous year.
    pub(super) fn link_prior(&mut self, path: &Path) {
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

    /// Read last year's report as the open report's `prior` names it.
    pub(super) fn load_prior(&mut self) {
        self.prior = None;
        let Some(path) = self.doc.as_ref().and_then(|d| d.prior_path()) else {
            return;
        };
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

    pub(super) fn export_html(&mut self, path: &Path) {
        let Some(doc) = &self.doc else { return };
        let path = with_extension(path.to_path_buf(), "html", ".html");
        match store::write_atomically(&path, html::export(&doc.report).as_bytes()) {
            Ok(()) => {
                self.status = format!("已导出网页：{}", path.display());
                self.ask(Exported {
                    path, what: "网页"
                });
            }
            Err(e) => self.tell("导出失败", format!("{e}\n\n请换一个位置再导出。")),
        }
    }

    /// The Word file for the leader's sign-off (签批) and the seal.
    pub(super) fn export_docx(&mut self, path: &Path) {
        let Some(doc) = &self.doc else { return };
        let path = with_extension(path.to_path_buf(), "docx", ".docx");
        let written = docx::export(&doc.report, pdf::creation_time())
            .map_err(|e| format!("无法生成Word文档：{e}"))
            .and_then(|bytes| store::write_atomically(&path, &bytes).map_err(|e| e.to_string()));
        match written {
            Ok(()) => {
                self.status = format!("已导出Word文档：{}", path.display());
                self.ask(Exported {
                    path,
                    what: "Word文档",
                });
            }
            Err(e) => self.tell("导出失败", e),
        }
    }

    pub(super) fn export_pdf(&mut self, path: &Path) {
        self.export_printed(path, "pdf", "PDF", pdf::export);
    }

    /// OFD, from the same pages as the PDF.
    pub(super) fn export_ofd(&mut self, path: &Path) {
        self.export_printed(path, "ofd", "OFD", ofd::export);
    }

    /// A fixed-layout file (`extension`, named `what` to the clerk) written
    /// by `export`; on failure the clerk is told why and nothing is left half
    /// written.
    fn export_printed(
        &mut self,
        path: &Path,
        extension: &str,
        what: &'static str,
        export: fn(&Report, i64) -> Result<Vec<u8>, String>,
    ) {
        let Some(doc) = &self.doc else { return };
        let path = with_extension(path.to_path_buf(), extension, &format!(".{extension}"));
        let written = export(&doc.report, pdf::creation_time())
            .map_err(|e| format!("无法生成{what}：{e}"))
            .and_then(|bytes| store::write_atomically(&path, &bytes).map_err(|e| e.to_string()));
        match written {
            Ok(()) => {
                self.status = format!("已导出{what}：{}", path.display());
                self.ask(Exported { path, what });
            }
            Err(e) => self.tell("导出失败", e),
        }
    }
}

/// A report file's path: with `.nianbao.json` added unless it ends in `.json`.
fn report_file(p: PathBuf) -> PathBuf {
    with_extension(p, "json", ".nianbao.json")
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

/// A report from any source the project reads (`source::open`: the file
/// format, or a published page, text, PDF or Word file imported).
fn read_report(path: &Path) -> Result<Report, String> {
    source::open(path)
        .map(|o| o.report)
        .map_err(|e| e.to_string())
}

/// Open a file or folder with the system's default program.
pub(super) fn open_externally(path: &Path) -> std::io::Result<()> {
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
