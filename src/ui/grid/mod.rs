//! The numeric grids of tables 二, 三 and 四, drawn from `form::layout` with
//! the form's merged cells, and entered like a spreadsheet: Tab / Shift+Tab /
//! Enter / arrows move (`navigation`), typing replaces and only digits are
//! taken (`entry`), a block copied from Excel or WPS pastes from the focused
//! cell (`paste`), last year's figure shows on hover (`prior`).

mod entry;
mod label_width;
mod navigation;
mod panes;
mod paste;
mod prior;

use std::collections::HashMap;

use eframe::egui::style::{ScrollAnimation, ScrollStyle};
use eframe::egui::text::LayoutJob;
use eframe::egui::{
    self, Color32, FontId, Id, Rangef, Rect, Role, ScrollArea, Sense, Stroke, StrokeKind, Ui,
    UiBuilder, WidgetInfo, pos2, vec2,
};

use crate::checks::{Finding, Severity};
use crate::form;
use crate::form::layout::{Cell, Content, Figure, Table};
use crate::report::{CellRef, Report};

/// The widget id of a report field, the same wherever it is drawn: findings
/// use it to move focus to their cell.
pub fn cell_id(cell: CellRef) -> Id {
    Id::unique(("nianbao-cell", cell))
}

/// What the grid remembers between frames.
#[derive(Default)]
pub struct GridState {
    /// The cell being typed into and its text as typed ("" while clearing).
    editing: Option<(CellRef, String)>,
    /// Why the last key or paste was refused, or what a paste did.
    pub notice: Option<String>,
}

impl GridState {
    /// Forget what is being typed: the report changed under it (undo, open).
    pub fn reset(&mut self) {
        self.editing = None;
        self.notice = None;
    }
}

/// The screen's widths are the printed ones (`form::layout`, millimetres)
/// at one scale for every table, so the grid keeps the form's proportions;
/// a figure column gets at least `MIN_FIGURE` points, enough for a count and
/// a four-character heading, where the printed column is narrower.
const POINTS_PER_MM: f32 = 4.8;
const MIN_FIGURE: f32 = 62.0;

const PAD: f32 = 4.0;
const MIN_ROW: f32 = 26.0;

/// What the grid shows beside the figures, the same for every table.
pub struct Overlay<'a> {
    /// The worst severity per cell, outlined in its colour.
    pub marks: &'a HashMap<CellRef, Severity>,
    /// 自动合计: fill the totals a typed figure feeds.
    pub auto_sum: bool,
    /// Last year's report, for 对比上年.
    pub prior: Option<&'a Report>,
    /// Every finding: a `plausibility.jump` marks its cells (`prior`).
    pub findings: &'a [Finding],
}

/// Draw `table` in the rest of `ui`, scrolling under its frozen header rows
/// and label columns, and let the clerk type into it. `id`: the table's own,
/// for its scroll position and label width.
pub fn show(
    ui: &mut Ui,
    id: Id,
    table: &Table,
    report: &mut Report,
    state: &mut GridState,
    overlay: &Overlay,
) {
    let order: Vec<Figure> = table
        .figures()
        .filter_map(|c| match c.content {
            Content::Figure(f) => Some(f),
            _ => None,
        })
        .collect();
    let focused = ui
        .memory(|m| m.focused())
        .and_then(|id| order.iter().copied().find(|f| cell_id((*f).into()) == id));

    if let Some(f) = focused {
        if let Some(text) = paste::take_paste(ui) {
            paste::paste(table, report, f, &text, state, overlay.auto_sum);
        }
        if let Some(target) = navigation::target(ui, table, &order, f) {
            ui.memory_mut(|m| m.request_focus(cell_id(target.into())));
        }
    }

    ui.scope(|ui| {
        // Solid bars take their own room: a floating one would cover the
        // last row and column.
        ui.spacing_mut().scroll = ScrollStyle::solid();
        let bar = ui.spacing().scroll.allocated_width();
        let font = FontId::proportional(14.0);
        let scale = label_width::scale(ui, id, table, ui.available_width() - bar);
        let (col_x, row_y) = measure(ui, table, &font, scale);
        let size = vec2(
            col_x.last().copied().unwrap_or_default(),
            row_y.last().copied().unwrap_or_default(),
        );
        ScrollArea::both()
            .id_salt(id)
            // As wide as the table where it fits: the bar sits beside it.
            .auto_shrink([true, false])
            .content_margin(0.0)
            .show_viewport(ui, |ui, _| {
                let (outer, _) = ui.allocate_exact_size(size, Sense::hover());
                let view = ui.clip_rect();
                let x = panes::Axis {
                    lines: &col_x,
                    frozen: table.label_cols,
                    origin: outer.min.x,
                    view: view.x_range(),
                };
                let y = panes::Axis {
                    lines: &row_y,
                    frozen: table.header_rows,
                    origin: outer.min.y,
                    view: view.y_range(),
                };
                let cx = Cells {
                    x: &x,
                    y: &y,
                    font: &font,
                    id,
                    overlay,
                };
                cx.draw(ui, table, report, state);
                if table.label_cols > 0 {
                    let extent = outer.intersect(view);
                    label_width::handle(
                        ui,
                        id,
                        table,
                        Rangef::new(view.left(), x.frozen_edge()),
                        extent.y_range(),
                    );
                }
            });
    });
}

/// What drawing one cell needs: where the panes are, and what the grid shows.
struct Cells<'a> {
    x: &'a panes::Axis<'a>,
    y: &'a panes::Axis<'a>,
    font: &'a FontId,
    id: Id,
    overlay: &'a Overlay<'a>,
}

impl Cells<'_> {
    /// Every cell, the scrolling ones first so that the frozen ones are drawn
    /// over them.
    fn draw(&self, ui: &mut Ui, table: &Table, report: &mut Report, state: &mut GridState) {
        let mut cells: Vec<&Cell> = table.cells.iter().collect();
        cells.sort_by_key(|c| {
            u8::from(c.col < table.label_cols) + u8::from(c.row < table.header_rows)
        });
        let line = Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color);
        // Where the frozen parts end, a darker line, as WPS draws it.
        let edge = Stroke::new(2.0, ui.visuals().widgets.inactive.fg_stroke.color);
        for cell in cells {
            let (rect, clip) = panes::cell_rect(
                &self.x.span(cell.col, cell.cols),
                &self.y.span(cell.row, cell.rows),
            );
            let clip = clip.intersect(ui.clip_rect());
            let is_figure = matches!(cell.content, Content::Figure(_));
            // A figure is always there, to take the focus and scroll itself
            // into view; a label out of sight is left out.
            if !is_figure && !clip.intersects(rect) {
                continue;
            }
            let mut cu = ui.new_child(UiBuilder::new().max_rect(rect));
            cu.set_clip_rect(clip);
            match &cell.content {
                Content::Heading(t) | Content::RowLabel(t) => {
                    let heading = matches!(cell.content, Content::Heading(_));
                    self.label(&mut cu, cell, rect, t, heading);
                }
                Content::Figure(f) => self.figure(&mut cu, rect, *f, report, state),
            }
            cu.painter()
                .rect_stroke(rect, 0.0, line, StrokeKind::Middle);
            if cell.col + cell.cols == table.label_cols {
                cu.painter().vline(rect.right() - 1.0, rect.y_range(), edge);
            }
            if cell.row + cell.rows == table.header_rows {
                cu.painter()
                    .hline(rect.x_range(), rect.bottom() - 1.0, edge);
            }
        }
    }

    /// A heading or row label: wrapped to its cell, cut short with … where
    /// the cell is too small (the whole text on hover), and kept in sight
    /// while a cell spanning many rows or columns is partly scrolled away.
    fn label(&self, ui: &mut Ui, cell: &Cell, rect: Rect, text: &str, heading: bool) {
        let visuals = ui.visuals().clone();
        ui.painter().rect_filled(rect, 0.0, visuals.faint_bg_color);
        let inner = rect.shrink(PAD);
        let job = |max_rows: usize| {
            let mut job = LayoutJob::simple(
                text.to_string(),
                self.font.clone(),
                visuals.text_color(),
                inner.width().max(1.0),
            );
            job.wrap.max_rows = max_rows;
            job
        };
        let mut galley = ui.painter().layout_job(job(usize::MAX));
        // Rows were measured to fit a one-row cell; a cell over several rows
        // or a label column narrowed by the clerk may still be too short.
        let fitting = galley
            .rows
            .iter()
            .take_while(|r| r.rect().bottom() <= inner.height() + 0.5)
            .count();
        if fitting < galley.rows.len() {
            galley = ui.painter().layout_job(job(fitting.max(1)));
        }
        let shown = rect.intersect(ui.clip_rect());
        let size = galley.size();
        let centred = |lo: f32, hi: f32, shown_mid: f32, len: f32| {
            // Centred in the part in sight, but never out of the cell.
            (shown_mid - len / 2.0).min(hi - len).max(lo)
        };
        let x = if heading {
            centred(inner.left(), inner.right(), shown.center().x, size.x)
        } else {
            inner.left()
        };
        let y = centred(inner.top(), inner.bottom(), shown.center().y, size.y);
        // Cut short, or partly scrolled out of sight: the whole on hover.
        let cut = galley.elided || !shown.contains_rect(Rect::from_min_size(pos2(x, y), size));
        ui.painter()
            .galley(pos2(x, y), galley, visuals.text_color());
        let response = ui.interact(
            rect,
            self.id.with(("label", cell.row, cell.col)),
            Sense::hover(),
        );
        response.widget_info(|| WidgetInfo::labeled(Role::Label, true, text));
        if cut {
            response.on_hover_text(text);
        }
    }

    fn figure(
        &self,
        ui: &mut Ui,
        rect: Rect,
        f: Figure,
        report: &mut Report,
        state: &mut GridState,
    ) {
        let Overlay {
            marks,
            auto_sum,
            prior,
            findings,
        } = *self.overlay;
        let visuals = ui.visuals().clone();
        let cell_ref = CellRef::from(f);
        if form::is_total(f) {
            // Totals are tinted: 自动合计 fills them.
            ui.painter()
                .rect_filled(rect, 0.0, visuals.extreme_bg_color);
        }
        let response = entry::figure_cell(ui, rect, cell_ref, report, state, auto_sum);
        if response.gained_focus() {
            // Tab, Enter, an arrow or a finding moved here: bring the cell
            // into view beside the frozen parts, at once, as a spreadsheet does.
            let frozen = vec2(self.x.frozen_size(), self.y.frozen_size());
            let view = vec2(self.x.view.span(), self.y.view.span());
            ui.scroll_to_rect_animation(
                panes::reveal(rect, frozen, view, ui.spacing().item_spacing),
                None,
                ScrollAnimation::none(),
            );
        }
        let jump = prior::jump_at(findings, cell_ref);
        prior::compare(ui, rect, response, prior, jump, cell_ref);
        if let Some(sev) = marks.get(&cell_ref) {
            ui.painter().rect_stroke(
                rect.shrink(1.0),
                0.0,
                Stroke::new(2.0, severity_color(*sev)),
                StrokeKind::Inside,
            );
        }
    }
}

/// Column x positions and row y positions (each from 0 to the table's
/// width or height): the label columns at `label_scale` of their printed
/// width, rows grown to fit their wrapped labels.
fn measure(ui: &Ui, table: &Table, font: &FontId, label_scale: f32) -> (Vec<f32>, Vec<f32>) {
    let mut col_x = vec![0.0];
    for c in 0..table.cols {
        let printed = table.widths_mm.get(c).copied().unwrap_or_default() * POINTS_PER_MM;
        let w = if c < table.label_cols {
            printed * label_scale
        } else {
            printed.max(MIN_FIGURE)
        };
        col_x.push(col_x[c] + w);
    }
    let span_width = |col: usize, cols: usize| col_x[col + cols] - col_x[col];
    let mut heights = vec![MIN_ROW; table.rows];
    for cell in &table.cells {
        if cell.rows != 1 {
            continue;
        }
        if let Content::Heading(t) | Content::RowLabel(t) = cell.content {
            let galley = ui.painter().layout(
                t.to_string(),
                font.clone(),
                Color32::BLACK,
                (span_width(cell.col, cell.cols) - 2.0 * PAD).max(1.0),
            );
            heights[cell.row] = heights[cell.row].max(galley.size().y + 2.0 * PAD);
        }
    }
    let mut row_y = vec![0.0];
    for h in &heights {
        row_y.push(row_y[row_y.len() - 1] + h);
    }
    (col_x, row_y)
}

/// The printed width of the label columns together, in points.
fn printed_label_width(table: &Table) -> f32 {
    table.widths_mm[..table.label_cols].iter().sum::<f32>() * POINTS_PER_MM
}

pub fn severity_color(s: Severity) -> Color32 {
    match s {
        Severity::Error => Color32::from_rgb(0xd0, 0x20, 0x20),
        Severity::Warning => Color32::from_rgb(0xe0, 0x90, 0x00),
        Severity::Info => Color32::from_rgb(0x30, 0x70, 0xd0),
    }
}

/// A compact hint shown above a grid.
pub fn notice(ui: &mut Ui, state: &GridState) {
    if let Some(n) = &state.notice {
        ui.label(egui::RichText::new(n).color(severity_color(Severity::Warning)));
    }
}
