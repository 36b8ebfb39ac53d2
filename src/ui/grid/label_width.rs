//! How wide a table's label columns are: their printed width at most, and
//! at most half the room the grid has, so that figures always show beside
//! them; the clerk can narrow them by dragging their edge (the labels wrap,
//! the rows grow), and widen them again the same way. The choice is kept per
//! table, with the window's other settings.

use eframe::egui::{CursorIcon, Id, Rangef, Rect, Sense, Ui};

use super::printed_label_width;
use crate::form::layout::Table;

/// The narrowest the label columns go: two characters in the narrowest.
pub(super) const MIN_SCALE: f32 = 0.4;
/// The share of the grid's width the label columns may take at most.
const MAX_SHARE: f32 = 0.5;
/// How wide the grip at the label columns' edge is.
const GRIP: f32 = 6.0;

fn key(id: Id) -> Id {
    id.with("label-scale")
}

/// The label columns' share of their printed width, in a grid `room` wide.
pub(super) fn scale(ui: &Ui, id: Id, table: &Table, room: f32) -> f32 {
    let chosen: f32 = ui.data_mut(|d| *d.get_persisted_mut_or(key(id), 1.0));
    let printed = printed_label_width(table);
    let most = if printed > 0.0 {
        (room * MAX_SHARE / printed).clamp(MIN_SCALE, 1.0)
    } else {
        1.0
    };
    chosen.clamp(MIN_SCALE, most)
}

/// The grip on the right edge of the label columns, which span `columns` on
/// screen, over `rows` (the table's part in sight).
pub(super) fn handle(ui: &mut Ui, id: Id, table: &Table, columns: Rangef, rows: Rangef) {
    let edge = columns.max;
    let rect = Rect::from_x_y_ranges(Rangef::new(edge - GRIP, edge), rows);
    let response = ui
        .interact(rect, id.with("label-grip"), Sense::drag())
        .on_hover_cursor(CursorIcon::ResizeColumn)
        .on_hover_text("拖动可调整标签列的宽度");
    let printed = printed_label_width(table);
    if response.dragged()
        && let Some(pointer) = response.interact_pointer_pos()
        && printed > 0.0
    {
        let chosen = ((pointer.x - columns.min) / printed).clamp(MIN_SCALE, 1.0);
        ui.data_mut(|d| d.insert_persisted(key(id), chosen));
    }
    if response.hovered() || response.dragged() {
        let stroke = ui.visuals().widgets.hovered.fg_stroke;
        ui.painter().vline(edge - 1.0, rows, stroke);
    }
}
