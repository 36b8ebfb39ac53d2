//! What the clerk can ask for, each with its Chinese label and shortcut. Menus
//! and shortcuts only enqueue a command; the app applies them once per frame.

use std::path::PathBuf;

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

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
    ExportHtml,
    Undo,
    Redo,
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
    pub const WITH_SHORTCUTS: [(Command, KeyboardShortcut); 9] = [
        (Command::SaveAs, ctrl_shift(Key::S)),
        (Command::Redo, ctrl_shift(Key::Z)),
        (Command::New, ctrl(Key::N)),
        (Command::Open, ctrl(Key::O)),
        (Command::Save, ctrl(Key::S)),
        (Command::ExportPdf, ctrl(Key::P)),
        (Command::Undo, ctrl(Key::Z)),
        (Command::Redo, ctrl(Key::Y)),
        (Command::Quit, ctrl(Key::Q)),
    ];

    pub fn label(&self) -> &'static str {
        match self {
            Command::New => "新建年报",
            Command::NewFromPrior => "从上年年报创建…",
            Command::Open => "打开…",
            Command::Import => "导入已发布的年报（网页或文本）…",
            Command::LinkPrior => "关联上年年报…",
            Command::OpenPath(_) => "打开",
            Command::OpenSample => "打开示例（阿戛镇2024年）",
            Command::Save => "保存",
            Command::SaveAs => "另存为…",
            Command::ExportPdf => "导出PDF…",
            Command::ExportHtml => "导出网页…",
            Command::Undo => "撤销",
            Command::Redo => "重做",
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
