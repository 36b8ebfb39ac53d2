//! Installing the embedded CJK face into egui, once, without copying it.

use std::sync::Arc;

use eframe::egui::{self, FontData, FontDefinitions, FontFamily};

use crate::fonts::{UI_FONT, bytes};

/// Put Noto Sans CJK SC first for every family, egui's own fonts after it
/// (for the few symbols the CJK face lacks). Call once at start-up: setting
/// fonts re-rasterises everything.
pub fn install(ctx: &egui::Context) {
    let data = FontData::from_static(bytes(UI_FONT));
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(UI_FONT.to_owned(), Arc::new(data));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, UI_FONT.to_owned());
    }
    ctx.set_fonts(fonts);
}
