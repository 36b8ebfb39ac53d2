//! 关于: the program's version and the licences of the fonts it carries.

use eframe::egui::{self, RichText, ScrollArea};

use super::{Dialog, Outcome, modal};
use crate::fonts;

pub struct About;

impl Dialog for About {
    fn show(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        modal(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading("关于年报编辑器");
            ui.label(format!("版本 {}", env!("CARGO_PKG_VERSION")));
            ui.label("程序以 MIT 或 Apache-2.0 许可发布。");
            ui.separator();
            ui.label(RichText::new("内置字体及其许可").strong());
            ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                for (file, licence) in fonts::licences() {
                    ui.label(RichText::new(file).strong());
                    ui.label(RichText::new(licence).small());
                    ui.add_space(6.0);
                }
            });
            ui.add_space(8.0);
            ui.button("关闭").clicked().then_some(Outcome::Closed)
        })
    }
}
