//! A copy autosaved before a crash: 恢复 / 放弃.

use eframe::egui;

use super::{Dialog, Outcome, modal};

pub struct Recover {
    /// Which report, e.g. "某局2024年年度报告（D:\年报\2024.nianbao.json）".
    pub what: String,
    /// How long ago it was saved, e.g. "3分钟前".
    pub age: String,
}

impl Dialog for Recover {
    fn show(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        modal(ctx, |ui| {
            ui.heading("恢复未保存的年报？");
            ui.label(format!(
                "上次程序意外关闭时，{}还有未保存的修改，{}自动保存了一份。",
                self.what, self.age
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let mut outcome = None;
                if ui.button("恢复").clicked() {
                    outcome = Some(Outcome::Restore);
                }
                if ui.button("放弃").clicked() {
                    outcome = Some(Outcome::DropRecovery);
                }
                outcome
            })
            .inner
        })
    }
}
