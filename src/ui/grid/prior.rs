//! 对比上年 in the grid: last year's figure on hover, in every cell. A figure
//! that moved sharply is marked by the checks' own `plausibility.jump`
//! finding, outlined like any other: one rule, not a second one here.

use eframe::egui;

use crate::report::{CellRef, Report};

/// Show `prior`'s figure for `cell` when the pointer rests on it.
pub(super) fn compare(response: egui::Response, prior: &Report, cell: CellRef) {
    let shown = prior.figure_text(cell);
    if shown.is_empty() {
        response.on_hover_text("上年：未填写");
    } else {
        response.on_hover_text(format!("上年：{shown}"));
    }
}
