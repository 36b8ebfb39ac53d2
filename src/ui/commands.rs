//! What the clerk can ask for, each with its Chinese label and shortcut. Menus
//! and shortcuts only enqueue a command; the app applies them once per frame,
//! outside the drawing code.

use std::path::PathBuf;

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers, ViewportCommand};

use super::App;
use super::dialogs::{About, ConfirmExport, Help, Unsaved};
use super::files::Purpose;
use crate::assets;
use crate::checks::{Rule, Severity};
use crate::report::Report;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    New,
    /// 从上年年报创建: pick last year's report, start this year's from it.
    NewFromPrior,
    Open,
    /// A published report (text or web page) into a new, unsaved report.
    Import,
    /// Link last year's report, for the cross-year checks and 对比上年.
    LinkPrior,
    OpenPath(PathBuf),
    OpenSample,
    Save,
    SaveAs,
    ExportPdf,
    /// OFD (GB/T 33190), the national fixed-layout format, for archives that ask for it.
    ExportOfd,
    ExportHtml,
    ExportDocx,
    /// 打印预览: the pages as the PDF prints them, in a window beside the editor.
    PrintPreview,
    Undo,
    Redo,
    /// 帮助: the guide and every rule, or one rule's explanation.
    Help(Option<Rule>),
    About,
    Quit,
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

impl Command {
    /// The commands that have shortcuts, most specific shortcut first: egui
    /// ignores an extra Shift when matching, so Ctrl+Shift+S must be tried
    /// before Ctrl+S.
    pub const WITH_SHORTCUTS: [(Command, KeyboardShortcut); 10] = [
        (Command::SaveAs, ctrl_shift(Key::S)),
        (Command::Redo, ctrl_shift(Key::Z)),
        (Command::New, ctrl(Key::N)),
        (Command::Open, ctrl(Key::O)),
        (Command::Save, ctrl(Key::S)),
        (Command::ExportPdf, ctrl(Key::P)),
        // Word's and WPS's key for 打印预览.
        (Command::PrintPreview, ctrl(Key::F2)),
        (Command::Undo, ctrl(Key::Z)),
        (Command::Redo, ctrl(Key::Y)),
        (Command::Quit, ctrl(Key::Q)),
    ];

    pub fn label(&self) -> &'static str {
        match self {
            Command::New => "新建年报",
            Command::NewFromPrior => "从上年年报创建…",
            Command::Open => "打开…",
            Command::Import => "导入已发布的年报（网页、文本、Word、PDF）…",
            Command::LinkPrior => "关联上年年报…",
            Command::OpenPath(_) => "打开",
            Command::OpenSample => "打开示例（阿戛镇2024年）",
            Command::Save => "保存",
            Command::SaveAs => "另存为…",
            Command::ExportPdf => "导出PDF…",
            Command::ExportOfd => "导出OFD…",
            Command::PrintPreview => "打印预览",
            Command::ExportHtml => "导出网页…",
            Command::ExportDocx => "导出Word…",
            Command::Undo => "撤销",
            Command::Redo => "重做",
            Command::Help(_) => "使用说明",
            Command::About => "关于",
            Command::Quit => "退出",
        }
    }

    /// The first shortcut, as shown in menus.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        Self::WITH_SHORTCUTS
            .iter()
            .find(|(c, _)| c == self)
            .map(|(_, s)| *s)
    }

    /// Whether the command replaces the open report (and so must ask first
    /// when it has unsaved changes).
    pub fn discards_report(&self) -> bool {
        matches!(
            self,
            Command::New
                | Command::NewFromPrior
                | Command::Open
                | Command::Import
                | Command::OpenPath(_)
                | Command::OpenSample
                | Command::Quit
        )
    }
}

impl App {
    /// Apply one command. `confirmed`: the clerk has already answered the
    /// question it asks (unsaved changes; errors before an export).
    pub(super) fn apply(&mut self, command: Command, ctx: &egui::Context, confirmed: bool) {
        if command.discards_report()
            && !confirmed
            && let Some(doc) = &self.doc
            && doc.is_dirty()
        {
            self.ask(Unsaved {
                name: doc.name(),
                then: command,
            });
            return;
        }
        match command {
            Command::New => {
                self.set_document(Report::new("", default_year()), None);
                self.status = format!(
                    "新建年报：请先填写{}和{}",
                    crate::form::prose::ORGAN,
                    crate::form::prose::YEAR
                );
            }
            Command::Open => {
                if let Some(p) = self.ask_path(Purpose::Open, None, None) {
                    self.open_path(&p);
                }
            }
            Command::OpenPath(p) => self.open_path(&p),
            Command::NewFromPrior => {
                if let Some(p) = self.ask_path(Purpose::NewFromPrior, None, None) {
                    self.new_from_prior(&p);
                }
            }
            Command::Import => {
                if let Some(p) = self.ask_path(Purpose::Import, None, None) {
                    self.import(&p);
                }
            }
            Command::LinkPrior => {
                if self.doc.is_some()
                    && let Some(p) = self.ask_path(Purpose::Prior, None, None)
                {
                    self.link_prior(&p);
                }
            }
            Command::ExportHtml => {
                if let Some(doc) = &self.doc {
                    let suggested = doc.suggested(".html");
                    if let Some(p) = self.ask_path(Purpose::ExportHtml, Some(suggested), None) {
                        self.export_html(&p);
                    }
                }
            }
            Command::ExportDocx => {
                if let Some(doc) = &self.doc {
                    let suggested = doc.suggested(".docx");
                    if let Some(p) = self.ask_path(Purpose::ExportDocx, Some(suggested), None) {
                        self.export_docx(&p);
                    }
                }
            }
            Command::Help(rule) => self.ask(Help { rule }),
            Command::About => self.ask(About),
            Command::OpenSample => {
                let sample = assets::sample();
                let status = format!(
                    "已打开示例：{}{}年年度报告（另存后可修改使用）",
                    sample.organ, sample.year
                );
                self.set_document(sample, None);
                self.status = status;
            }
            Command::Save => self.save(None, ctx),
            Command::SaveAs => self.save_as(None, ctx),
            // The formats for the archive: with errors in the report, ask first.
            Command::ExportPdf | Command::ExportOfd => {
                let errors = self
                    .findings()
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .count();
                let (purpose, extension) = if command == Command::ExportOfd {
                    (Purpose::ExportOfd, ".ofd")
                } else {
                    (Purpose::ExportPdf, ".pdf")
                };
                if let Some(doc) = &self.doc {
                    if errors > 0 && !confirmed {
                        self.ask(ConfirmExport {
                            errors,
                            then: command,
                        });
                    } else {
                        let suggested = doc.suggested(extension);
                        if let Some(p) = self.ask_path(purpose, Some(suggested), None) {
                            self.chosen(purpose, &p, None, ctx);
                        }
                    }
                }
            }
            Command::PrintPreview => {
                if self.doc.is_some() {
                    self.preview.open = true;
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
}

/// The year a report is usually written for: last year, until the report is
/// published at the end of January.
fn default_year() -> u16 {
    let year = time::OffsetDateTime::now_utc().year() - 1;
    u16::try_from(year).unwrap_or_default()
}
