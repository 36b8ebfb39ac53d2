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

/// egui makes its glyph atlas as wide as the largest texture the renderer
/// takes (16 384 pixels on Mesa's software renderer), then doubles its
/// height as rows fill: 4 MB for the first two rows of glyphs, and again in
/// the renderer. Narrower holds the same glyphs in the area they need. Not
/// narrower than 4 096: the atlas grows no taller than it is wide, and egui
/// clears every glyph and laid-out text when it is 80 % full; the print
/// preview draws four CJK faces at any zoom, four times the area each on a
/// high-density screen.
pub fn limit_atlas(raw_input: &mut egui::RawInput) {
    const SIDE: usize = 4096;
    raw_input.max_texture_side = Some(raw_input.max_texture_side.map_or(SIDE, |m| m.min(SIDE)));
}
