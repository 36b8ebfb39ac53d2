//! Exported: open the file (PDF, web page or Word file) or its folder.

use std::path::PathBuf;

use eframe::egui;

use super::{Dialog, Outcome, modal};

pub struct Exported {
    pub path: PathBuf,
    /// "PDF" or "网页".
    pub what: &'static str,
}

impl Dialog for Exported {
    fn show(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        modal(ctx, |ui| {
            ui.heading(format!("{}已导出", self.what));
            ui.label(self.path.display().to_string());
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let mut outcome = None;
                if ui.button(format!("打开{}", self.what)).clicked() {
                    outcome = Some(Outcome::OpenExternally(self.path.clone()));
                }
                if ui.button("打开所在文件夹").clicked() {
                    let folder = self.path.parent().map(PathBuf::from).unwrap_or_default();
                    outcome = Some(Outcome::OpenExternally(folder));
                }
                if ui.button("关闭").clicked() {
                    outcome = Some(Outcome::Closed);
                }
                outcome
            })
            .inner
        })
    }
}
