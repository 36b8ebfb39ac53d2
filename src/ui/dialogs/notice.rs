//! A message to acknowledge (e.g. why a file could not be opened).

use eframe::egui;

use super::{Dialog, Outcome, modal};

pub struct Notice {
    pub title: String,
    pub text: String,
}

impl Dialog for Notice {
    fn show(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        modal(ctx, |ui| {
            ui.heading(self.title.as_str());
            ui.label(self.text.as_str());
            ui.add_space(8.0);
            ui.button("知道了").clicked().then_some(Outcome::Closed)
        })
    }
}
