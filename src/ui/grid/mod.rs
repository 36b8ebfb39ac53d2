//! The numeric grids of tables 二, 三 and 四, drawn from `form::layout` with
//! the form's merged cells, and entered like a spreadsheet: Tab / Shift+Tab /
//! Enter / arrows move (`navigation`), typing replaces and only digits are
//! taken (`entry`), a block copied from Excel or WPS pastes from the focused
//! cell (`paste`), last year's figure shows on hover (`prior`).

mod entry;
mod navigation;
mod paste;
mod prior;

use std::collections::HashMap;

use eframe::egui::{self, Color32, FontId, Id, Rect, Sense, Stroke, StrokeKind, Ui, pos2, vec2};

use crate::checks::{Finding, Severity};
use crate::form;
use crate::form::layout::{Content, Figure, Table};
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

/// Draw `table` and let the clerk type into it.
pub fn show(
    ui: &mut Ui,
    table: &Table,
    report: &mut Report,
    state: &mut GridState,
    overlay: &Overlay,
) {
    let Overlay {
        marks,
        auto_sum,
        prior,
        findings,
    } = *overlay;
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
            paste::paste(table, report, f, &text, state, auto_sum);
        }
        if let Some(target) = navigation::target(ui, table, &order, f) {
            ui.memory_mut(|m| m.request_focus(cell_id(target.into())));
        }
    }

    let font = FontId::proportional(14.0);
    let (col_x, row_y) = measure(ui, table, &font);
    let size = vec2(
        col_x.last().copied().unwrap_or_default(),
        row_y.last().copied().unwrap_or_default(),
    );
    let (outer, _) = ui.allocate_exact_size(size, Sense::hover());
    let visuals = ui.visuals().clone();
    let line = Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color);
    let rect_of = |row: usize, col: usize, rows: usize, cols: usize| {
        Rect::from_min_max(
            outer.min + vec2(col_x[col], row_y[row]),
            outer.min + vec2(col_x[col + cols], row_y[row + rows]),
        )
    };

    for cell in &table.cells {
        let rect = rect_of(cell.row, cell.col, cell.rows, cell.cols);
        match &cell.content {
            Content::Heading(t) | Content::RowLabel(t) => {
                let heading = matches!(cell.content, Content::Heading(_));
                ui.painter().rect_filled(rect, 0.0, visuals.faint_bg_color);
                let galley = ui.painter().layout(
                    t.to_string(),
                    font.clone(),
                    visuals.text_color(),
                    rect.width() - 2.0 * PAD,
                );
                let pos = if heading {
                    rect.center() - galley.size() / 2.0
                } else {
                    pos2(rect.left() + PAD, rect.center().y - galley.size().y / 2.0)
                };
                ui.painter().galley(pos, galley, visuals.text_color());
            }
            Content::Figure(f) => {
                let cell_ref = CellRef::from(*f);
                if form::is_total(*f) {
                    // Totals are tinted: 自动合计 fills them.
                    ui.painter()
                        .rect_filled(rect, 0.0, visuals.extreme_bg_color);
                }
                let response = entry::figure_cell(ui, rect, cell_ref, report, state, auto_sum);
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
        ui.painter()
            .rect_stroke(rect, 0.0, line, StrokeKind::Middle);
    }
}

/// Column x positions and row y positions (each from 0 to the table's
/// width or height): rows grow to fit their wrapped labels.
fn measure(ui: &Ui, table: &Table, font: &FontId) -> (Vec<f32>, Vec<f32>) {
    let mut col_x = vec![0.0];
    for c in 0..table.cols {
        let printed = table.widths_mm.get(c).copied().unwrap_or_default() * POINTS_PER_MM;
        let w = if c < table.label_cols {
            printed
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
                span_width(cell.col, cell.cols) - 2.0 * PAD,
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
