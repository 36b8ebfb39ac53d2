//! The start page: 新建 / 打开 / 打开示例 / 最近打开的文件.

use std::path::PathBuf;

use eframe::egui::{self, RichText, Ui};

use super::Command;

pub fn show(ui: &mut Ui, recent: &[PathBuf], queue: &mut Vec<Command>) {
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        ui.heading(RichText::new(crate::form::REPORT_NAME).size(28.0));
        ui.label(format!(
            "按{}格式填写，边填写边检查表格勾稽关系",
            crate::form::NOTICE
        ));
        ui.add_space(24.0);
        for cmd in [
            Command::New,
            Command::NewFromPrior,
            Command::Open,
            Command::Import,
            Command::OpenSample,
        ] {
            let button = egui::Button::new(RichText::new(cmd.label()).size(18.0))
                .min_size(egui::vec2(260.0, 36.0));
            if ui.add(button).clicked() {
                queue.push(cmd);
            }
            ui.add_space(6.0);
        }
        if !recent.is_empty() {
            ui.add_space(24.0);
            ui.label(RichText::new("最近打开").strong());
            for path in recent {
                if ui.link(path.display().to_string()).clicked() {
                    queue.push(Command::OpenPath(path.clone()));
                }
            }
        }
    });
}
