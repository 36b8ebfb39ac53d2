//! The built-in path prompt, used when the system's file dialog is missing.

use std::path::PathBuf;

use eframe::egui::{self, TextEdit};

use super::{Dialog, Outcome, modal};
use crate::ui::Command;
use crate::ui::files::Purpose;

pub struct PathPrompt {
    pub purpose: Purpose,
    /// The path as typed so far (first the suggested one).
    pub text: String,
    /// Why the system's dialog could not be shown.
    pub reason: String,
    /// What to do once the file is written (see [`Outcome`]).
    pub then: Option<Command>,
}

impl Dialog for PathPrompt {
    fn show(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        modal(ctx, |ui| {
            ui.heading(self.purpose.title());
            ui.label(format!(
                "未能打开系统的文件选择窗口（{}）。请直接输入文件的完整路径：",
                self.reason
            ));
            let label = ui.label("文件路径");
            let response = ui
                .add(TextEdit::singleline(&mut self.text).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let mut outcome = None;
                let text = self.text.trim();
                if (ui.button("确定").clicked() || entered) && !text.is_empty() {
                    outcome = Some(Outcome::Path {
                        purpose: self.purpose,
                        path: PathBuf::from(text),
                        then: self.then.take(),
                    });
                }
                if ui.button("取消").clicked() {
                    outcome = Some(Outcome::Closed);
                }
                outcome
            })
            .inner
        })
    }
}
