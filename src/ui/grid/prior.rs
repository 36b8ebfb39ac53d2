//! 对比上年 in the grid: last year's figure on hover, and a corner mark in
//! the 提示 colour where the figure moved by more than [`CHANGE_FACTOR`].

use eframe::egui::{self, Rect, Stroke, Ui, vec2};

use super::severity_color;
use crate::checks::Severity;
use crate::report::{CellRef, Report};

/// A figure this many times last year's (or a this-many-th of it) is marked.
pub const CHANGE_FACTOR: u64 = 3;

/// Whether a figure moved enough from last year to be worth a second look.
/// Small counts (under 10 both years) move by chance and are never marked.
pub fn big_change(last: u64, now: u64) -> bool {
    if last.max(now) < 10 {
        return false;
    }
    // Wide, so that absurd values neither overflow nor saturate into a false mark.
    let (last, now, f) = (u128::from(last), u128::from(now), u128::from(CHANGE_FACTOR));
    now >= last * f || last >= now * f
}

/// Compare `cell` (drawn in `rect`, answering with `response`) with `prior`'s.
pub(super) fn compare(
    ui: &Ui,
    rect: Rect,
    response: egui::Response,
    prior: &Report,
    report: &Report,
    cell: CellRef,
) {
    let shown = prior.figure_text(cell);
    if shown.is_empty() {
        response.on_hover_text("上年：未填写");
        return;
    }
    let (last, now) = (prior.count(cell), report.count(cell));
    let big = matches!((last, now), (Some(l), Some(n)) if big_change(l, n));
    if big {
        let corner = rect.shrink(2.0).right_top();
        ui.painter().add(egui::Shape::convex_polygon(
            vec![corner, corner + vec2(-8.0, 0.0), corner + vec2(0.0, 8.0)],
            severity_color(Severity::Info),
            Stroke::NONE,
        ));
    }
    let mut text = format!("上年：{shown}");
    if big && let Some(n) = now {
        text.push_str(&format!("\n本年{n}，变化超过{CHANGE_FACTOR}倍，请核对"));
    }
    response.on_hover_text(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_big_change_is_threefold_and_not_among_small_counts() {
        assert!(big_change(40, 200));
        assert!(big_change(30, 10));
        assert!(big_change(0, 12));
        assert!(!big_change(40, 119));
        assert!(!big_change(2, 9), "small counts move by chance");
        assert!(!big_change(u64::MAX, u64::MAX));
        assert!(big_change(u64::MAX, 1));
    }
}
