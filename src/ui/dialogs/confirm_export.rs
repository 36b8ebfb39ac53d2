//! The report has 错误: export anyway, or go back and fix them.

use eframe::egui;

use super::{Dialog, Outcome, modal};
use crate::ui::Command;

pub struct ConfirmExport {
    pub errors: usize,
    /// The export asked for (PDF or OFD), applied as confirmed on 仍然导出.
    pub then: Command,
}

impl Dialog for ConfirmExport {
    fn show(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        modal(ctx, |ui| {
            ui.heading("年报中还有错误");
            ui.label(format!(
                "检查发现{}个错误（见右侧“检查结果”）。带着错误导出的{}不宜归档或公开。",
                self.errors,
                if self.then == Command::ExportOfd {
                    "OFD"
                } else {
                    "PDF"
                }
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let mut outcome = None;
                if ui.button("返回修改").clicked() {
                    outcome = Some(Outcome::Closed);
                }
                if ui.button("仍然导出").clicked() {
                    outcome = Some(Outcome::Confirmed(self.then.clone()));
                }
                outcome
            })
            .inner
        })
    }
}
