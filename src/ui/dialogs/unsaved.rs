//! 保存修改？ before a command that replaces the report or closes the window.

use eframe::egui;

use super::{Dialog, Outcome, modal};
use crate::ui::Command;

pub struct Unsaved {
    /// The report's file name.
    pub name: String,
    /// What the clerk asked for, to do after 保存 or 不保存.
    pub then: Command,
}

impl Dialog for Unsaved {
    fn show(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        modal(ctx, |ui| {
            ui.heading("保存修改？");
            ui.label(format!(
                "“{}”有尚未保存的修改。不保存的话，这些修改会丢失。",
                self.name
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let mut outcome = None;
                if ui.button("保存").clicked() {
                    outcome = Some(Outcome::Save {
                        then: Some(self.then.clone()),
                    });
                }
                if ui.button("不保存").clicked() {
                    outcome = Some(Outcome::Confirmed(self.then.clone()));
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
