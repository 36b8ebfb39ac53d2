//! 打印预览: the pages as the PDF prints them, beside the editor. They are
//! drawn from the PDF's own display list (`export::pages`) with the print
//! faces, so what the clerk sees here is what the printer gets; the list is
//! laid out again only when the report changed, not every frame.
//!
//! The print faces are given to egui the first time the preview opens, not
//! at start-up: an editor that never previews never rasterises them.

use eframe::egui::{
    self, Color32, FontData, FontFamily, FontId, Pos2, Rect, ScrollArea, Sense, Stroke, TextFormat,
    Ui, Vec2, text::LayoutJob,
};
use eframe::epaint::text::{FontInsert, FontPriority, InsertFontFamily};

use super::Command;
use crate::export::pages::{PAGE_H, PAGE_W, Page};
use crate::export::pdf::{self, Face};
use crate::fonts;
use crate::report::Report;

/// Screen points per printed point at 100%: the paper at its real size on a
/// 96-dpi screen, as office programs count 100%.
const ACTUAL: f32 = 96.0 / 72.0;
/// The zoom steps of the − and + buttons, as fractions of the real size.
const STEPS: [f32; 9] = [0.25, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0];
/// Room around each page, in screen points.
const GAP: f32 = 12.0;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Zoom {
    /// The page as wide as the window.
    FitWidth,
    /// A fraction of the paper's real size.
    Actual(f32),
}

/// The pages of the report last laid out, and that report: when the open
/// report still equals it, the pages are reused.
struct Laid {
    report: Report,
    pages: Vec<Page>,
}

/// The scale and scroll offset of the pages last drawn.
#[derive(Clone, Copy, Default)]
struct Shown {
    scale: f32,
    offset: Vec2,
}

pub struct Preview {
    pub open: bool,
    zoom: Zoom,
    shown: Shown,
    /// Where in the view a change of zoom is centred, from its top-left corner.
    anchor: Vec2,
    laid: Option<Laid>,
    /// The print faces have been handed to egui (they arrive next frame).
    fonts_requested: bool,
}

impl Default for Preview {
    fn default() -> Preview {
        Preview {
            open: false,
            zoom: Zoom::FitWidth,
            shown: Shown::default(),
            anchor: Vec2::ZERO,
            laid: None,
            fonts_requested: false,
        }
    }
}

impl Preview {
    /// Lay the report out unless it is the one laid out last; `true` when it
    /// was laid out again.
    fn refresh(&mut self, report: &Report) -> bool {
        if self.laid.as_ref().is_some_and(|l| l.report == *report) {
            return false;
        }
        self.laid = Some(Laid {
            report: report.clone(),
            pages: pdf::layout(report),
        });
        true
    }

    /// The preview window, while open.
    pub fn show(&mut self, ctx: &egui::Context, report: &Report, queue: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        if !self.fonts_requested {
            install_print_fonts(ctx);
            self.fonts_requested = true;
        }
        let ready = ctx.fonts(|f| {
            Face::ALL
                .iter()
                .all(|face| f.definitions().families.contains_key(&family(*face)))
        });
        self.refresh(report);
        let content = ctx.content_rect();
        let mut open = self.open;
        egui::Window::new("打印预览")
            .id(egui::Id::unique("nianbao-preview"))
            .open(&mut open)
            .default_size([620.0, (content.height() - 80.0).max(300.0)])
            .default_pos([content.right() - 660.0, content.top() + 40.0])
            .min_width(320.0)
            .min_height(240.0)
            .show(ctx, |ui| {
                // Fit-width fits the window, less the scroll bar.
                let width = ui.available_width() - ui.spacing().scroll.bar_width;
                self.toolbar(ui, width, queue);
                ui.separator();
                if ready {
                    self.pages_ui(ui, width);
                } else {
                    // The faces are installed between frames.
                    ui.label("正在载入打印字体…");
                    ctx.request_repaint();
                }
            });
        self.open = open;
    }

    fn pages(&self) -> &[Page] {
        self.laid
            .as_ref()
            .map(|l| l.pages.as_slice())
            .unwrap_or(&[])
    }

    /// The page count, the zoom, the exports. `width`: the pages' view.
    fn toolbar(&mut self, ui: &mut Ui, width: f32, queue: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.label(format!("共{}页", self.pages().len()));
            ui.separator();
            if ui
                .selectable_label(self.zoom == Zoom::FitWidth, "适合宽度")
                .clicked()
            {
                self.zoom = Zoom::FitWidth;
            }
            if ui
                .selectable_label(self.zoom == Zoom::Actual(1.0), "100%")
                .clicked()
            {
                self.zoom = Zoom::Actual(1.0);
            }
            let now = self.fraction(width);
            if ui.button("－").on_hover_text("缩小").clicked() {
                let smaller = STEPS.iter().rev().find(|s| **s < now - 0.005);
                self.zoom = Zoom::Actual(*smaller.unwrap_or(&STEPS[0]));
            }
            ui.label(format!("{:.0}%", now * 100.0))
                .on_hover_text("按住 Ctrl 滚动鼠标滚轮也可缩放");
            if ui.button("＋").on_hover_text("放大").clicked() {
                let larger = STEPS.iter().find(|s| **s > now + 0.005);
                self.zoom = Zoom::Actual(*larger.unwrap_or(&STEPS[STEPS.len() - 1]));
            }
            ui.separator();
            for command in [Command::ExportPdf, Command::ExportOfd] {
                if ui.button(command.label()).clicked() {
                    queue.push(command);
                }
            }
        });
    }

    /// Screen points per printed point for a view `width` points wide.
    fn scale(&self, width: f32) -> f32 {
        match self.zoom {
            Zoom::FitWidth => ((width - 2.0 * GAP) / PAGE_W).max(0.1),
            Zoom::Actual(z) => z * ACTUAL,
        }
    }

    /// The zoom as a fraction of the paper's real size.
    fn fraction(&self, width: f32) -> f32 {
        self.scale(width) / ACTUAL
    }

    fn pages_ui(&mut self, ui: &mut Ui, width: f32) {
        let scale = self.scale(width);
        let mut area = ScrollArea::both()
            .id_salt("nianbao-preview-pages")
            .auto_shrink(false);
        // A new zoom keeps the point at the anchor where it was (the pointer
        // for Ctrl+wheel, else the view's top-left corner): the clerk stays
        // on the page being read.
        if self.shown.scale > 0.0 && (scale - self.shown.scale).abs() > 1e-4 {
            let ratio = scale / self.shown.scale;
            let offset = (self.shown.offset + self.anchor) * ratio - self.anchor;
            area = area.scroll_offset(offset.max(Vec2::ZERO));
        }
        let output = area.show(ui, |ui| {
            ui.spacing_mut().item_spacing = Vec2::ZERO;
            let page = Vec2::new(PAGE_W, PAGE_H) * scale;
            let row = Vec2::new(ui.available_width().max(page.x + 2.0 * GAP), page.y + GAP);
            ui.add_space(GAP);
            for p in self.pages() {
                let (slot, _) = ui.allocate_exact_size(row, Sense::hover());
                let rect = Rect::from_min_size(
                    Pos2::new(slot.center().x - page.x / 2.0, slot.top()),
                    page,
                );
                if ui.is_rect_visible(rect) {
                    draw_page(ui, p, rect, scale);
                }
            }
        });
        self.shown = Shown {
            scale,
            offset: output.state.clamped_offset(),
        };
        self.anchor = Vec2::ZERO;
        // Ctrl+wheel over the pages zooms them (egui turns it into a zoom
        // delta), gently: egui's factor is made for maps, about ×1.5 a notch.
        let delta = ui.input(|i| i.zoom_delta());
        if delta != 1.0
            && let Some(pointer) = ui.ctx().pointer_hover_pos()
            && output.inner_rect.contains(pointer)
        {
            let z =
                (self.fraction(width) * delta.powf(0.4)).clamp(STEPS[0], STEPS[STEPS.len() - 1]);
            self.zoom = Zoom::Actual(z);
            self.anchor = pointer - output.inner_rect.min;
        }
    }
}

/// One page, white on the window's grey, with its fills, rules and text at
/// the display list's positions (points from the bottom-left corner).
fn draw_page(ui: &Ui, page: &Page, rect: Rect, scale: f32) {
    let painter = ui.painter_at(rect.expand(3.0));
    painter.rect_filled(
        rect.translate(Vec2::splat(2.0)),
        0.0,
        Color32::from_gray(150),
    );
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    painter.rect_stroke(
        rect,
        0.0,
        Stroke::new(1.0, Color32::from_gray(170)),
        egui::StrokeKind::Outside,
    );
    let at = |x: f32, y: f32| rect.min + Vec2::new(x * scale, (PAGE_H - y) * scale);
    for f in &page.fills {
        let grey = (f.grey.clamp(0.0, 1.0) * 255.0).round() as u8;
        painter.rect_filled(
            Rect::from_two_pos(at(f.x, f.y), at(f.x + f.w, f.y + f.h)),
            0.0,
            Color32::from_gray(grey),
        );
    }
    for r in &page.rules {
        painter.line_segment(
            [at(r.from.0, r.from.1), at(r.to.0, r.to.1)],
            Stroke::new(r.width * scale, Color32::BLACK),
        );
    }
    for run in &page.runs {
        let format = TextFormat {
            font_id: FontId::new(run.size * scale, family(run.face)),
            color: Color32::BLACK,
            extra_letter_spacing: run.spacing * scale,
            ..Default::default()
        };
        let galley = painter.layout_job(LayoutJob::single_section(run.text.clone(), format));
        // The display list gives the baseline; egui places a galley by its top.
        let baseline = galley
            .rows
            .first()
            .and_then(|r| r.row.glyphs.first().map(|g| r.pos.y + g.pos.y))
            .unwrap_or(0.0);
        painter.galley(
            at(run.x, run.y) - Vec2::new(0.0, baseline),
            galley,
            Color32::BLACK,
        );
    }
}

/// The egui family a print face is drawn with.
fn family(face: Face) -> FontFamily {
    FontFamily::Name(format!("nianbao-print-{face:?}").into())
}

/// Give egui the four print faces, each a family of its own with the body
/// face behind it (as the PDF falls back), borrowed from the binary — never
/// copied. They take effect from the next frame.
fn install_print_fonts(ctx: &egui::Context) {
    for face in Face::ALL {
        let mut families = vec![InsertFontFamily {
            family: family(face),
            priority: FontPriority::Highest,
        }];
        if face == Face::Body {
            families.extend(Face::ALL.iter().filter(|f| **f != Face::Body).map(|f| {
                InsertFontFamily {
                    family: family(*f),
                    priority: FontPriority::Lowest,
                }
            }));
        }
        // A name of its own: the editor's face is already installed under
        // its file name, and egui skips a font whose name it has.
        ctx.add_font(FontInsert {
            name: format!("nianbao-print-{}", face.file()),
            data: FontData::from_static(fonts::bytes(face.file())),
            families,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets;

    #[test]
    fn the_pages_are_laid_out_again_only_when_the_report_changed() {
        let mut p = Preview::default();
        let mut r = assets::sample();
        assert!(p.refresh(&r));
        assert!(!p.refresh(&r), "the same report is not laid out again");
        let before = p.pages().len();
        r.problems.push_str(&"改进措施。".repeat(400));
        assert!(p.refresh(&r));
        assert!(p.pages().len() > before);
        assert!(!p.refresh(&r));
    }

    #[test]
    fn fit_width_fills_the_view_and_100_percent_is_the_paper_s_size() {
        let mut p = Preview::default();
        assert!((p.scale(PAGE_W + 2.0 * GAP) - 1.0).abs() < 1e-4);
        p.zoom = Zoom::Actual(1.0);
        // 210 mm at 96 dpi: 794 screen points whatever the window.
        assert!((PAGE_W * p.scale(300.0) - 793.7).abs() < 0.5);
    }
}
