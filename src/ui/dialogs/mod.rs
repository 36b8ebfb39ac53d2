//! One dialog at a time, one file per dialog. Each is a small struct whose
//! `show` returns what the clerk decided, and carries what happens after it:
//! a save asked for on the way to closing the window keeps that close with
//! it through every question the save itself asks. The app owns an
//! `Option<Box<dyn Dialog>>`, so dialogs never stack.

mod about;
mod changed_on_disk;
mod confirm_export;
mod exported;
mod help;
mod notice;
mod path_prompt;
mod recover;
mod unsaved;

use std::path::PathBuf;

use eframe::egui::{self, Id, Modal, Ui};

pub use about::About;
pub use changed_on_disk::ChangedOnDisk;
pub use confirm_export::ConfirmExport;
pub use exported::Exported;
pub use help::Help;
pub use notice::Notice;
pub use path_prompt::PathPrompt;
pub use recover::Recover;
pub use unsaved::Unsaved;

use super::files::Purpose;
use super::{App, Command};

pub trait Dialog {
    /// Draw the dialog; `Some` once the clerk has answered.
    fn show(&mut self, ctx: &egui::Context) -> Option<Outcome>;
}

/// What the clerk decided. `then`: a command to apply once the save (or the
/// file chosen) has gone through, as already confirmed — the command that
/// asked for the save in the first place (关闭 → 保存 → … → the window closes).
pub enum Outcome {
    /// Save to the report's file.
    Save {
        then: Option<Command>,
    },
    /// Save under a name still to be chosen.
    SaveAs {
        then: Option<Command>,
    },
    /// Save over a file another program changed.
    Overwrite {
        path: PathBuf,
        then: Option<Command>,
    },
    /// A command the clerk confirmed: 不保存, 仍然导出.
    Confirmed(Command),
    /// A path typed for `purpose`.
    Path {
        purpose: Purpose,
        path: PathBuf,
        then: Option<Command>,
    },
    OpenExternally(PathBuf),
    Restore,
    DropRecovery,
    Closed,
}

/// The frame every dialog shares: modal, at most 520 points wide; Escape or
/// a click beside it answers `Closed`.
fn modal(ctx: &egui::Context, add: impl FnOnce(&mut Ui) -> Option<Outcome>) -> Option<Outcome> {
    let mut outcome = None;
    let modal = Modal::new(Id::unique("nianbao-dialog")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        outcome = add(ui);
    });
    if outcome.is_none() && modal.should_close() {
        outcome = Some(Outcome::Closed);
    }
    outcome
}

impl App {
    /// Put `dialog` up (replacing any other).
    pub(super) fn ask(&mut self, dialog: impl Dialog + 'static) {
        self.dialog = Some(Box::new(dialog));
    }

    /// A message to acknowledge.
    pub(super) fn tell(&mut self, title: impl Into<String>, text: impl Into<String>) {
        self.ask(Notice {
            title: title.into(),
            text: text.into(),
        });
    }

    /// Draw the dialog, if any, and carry out the clerk's answer.
    pub(super) fn show_dialog(&mut self, ctx: &egui::Context) {
        // A second recovery copy waits while the open report has unsaved
        // changes: taking it would replace (and forget) the first one.
        if self.dialog.is_none()
            && self.doc.as_ref().is_none_or(|d| !d.is_dirty())
            && let Some(offer) = self.recovery.offer()
        {
            self.ask(offer);
        }
        let Some(dialog) = &mut self.dialog else {
            return;
        };
        let Some(outcome) = dialog.show(ctx) else {
            return;
        };
        self.dialog = None;
        match outcome {
            Outcome::Save { then } => self.save(then, ctx),
            Outcome::SaveAs { then } => self.save_as(then, ctx),
            Outcome::Overwrite { path, then } => self.save_to(&path, then, ctx),
            Outcome::Confirmed(command) => self.apply(command, ctx, true),
            Outcome::Path {
                purpose,
                path,
                then,
            } => self.chosen(purpose, &path, then, ctx),
            Outcome::OpenExternally(p) => {
                if let Err(e) = super::file_ops::open_externally(&p) {
                    self.status = format!("无法打开“{}”：{e}", p.display());
                }
            }
            Outcome::Restore => self.restore(),
            Outcome::DropRecovery => self.drop_recovery(),
            Outcome::Closed => {}
        }
    }
}
