//! Saving over a file another program changed since it was opened:
//! overwrite, save elsewhere, or not.

use std::path::PathBuf;

use eframe::egui;

use super::{Dialog, Outcome, modal};
use crate::ui::Command;

pub struct ChangedOnDisk {
    pub path: PathBuf,
    /// What to do once saved (see [`Outcome`]).
    pub then: Option<Command>,
}

impl Dialog for ChangedOnDisk {
    fn show(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        modal(ctx, |ui| {
            ui.heading("文件已被其他程序修改");
            ui.label(format!(
                "“{}”在打开之后被其他程序（或另一个窗口）修改过。覆盖保存会丢掉那些修改。",
                self.path.display()
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let mut outcome = None;
                if ui.button("覆盖保存").clicked() {
                    outcome = Some(Outcome::Overwrite {
                        path: self.path.clone(),
                        then: self.then.take(),
                    });
                }
                if ui.button("另存为…").clicked() {
                    outcome = Some(Outcome::SaveAs {
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
