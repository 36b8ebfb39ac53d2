//! 对比上年 in the grid: last year's figure on hover, in every cell, and a
//! corner mark in the 提示 colour on the cells of a `plausibility.jump`
//! finding — the checks' rule is the mark, the grid has none of its own.

use eframe::egui::{self, Rect, Stroke, Ui, vec2};

use super::severity_color;
use crate::checks::{Finding, Rule};
use crate::report::{CellRef, Report};

/// Mark `cell` (drawn in `rect`, answering with `response`) when `jump`
/// names it, and show `prior`'s figure for it on hover, with the finding.
pub(super) fn compare(
    ui: &Ui,
    rect: Rect,
    response: egui::Response,
    prior: Option<&Report>,
    jump: Option<&Finding>,
    cell: CellRef,
) {
    if let Some(f) = jump {
        let corner = rect.shrink(2.0).right_top();
        ui.painter().add(egui::Shape::convex_polygon(
            vec![corner, corner + vec2(-8.0, 0.0), corner + vec2(0.0, 8.0)],
            severity_color(f.severity),
            Stroke::NONE,
        ));
    }
    let mut text = match prior.map(|p| p.figure_text(cell)) {
        Some(shown) if shown.is_empty() => "上年：未填写".to_string(),
        Some(shown) => format!("上年：{shown}"),
        None => String::new(),
    };
    if let Some(f) = jump {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&f.message);
    }
    if !text.is_empty() {
        response.on_hover_text(text);
    }
}

/// The `plausibility.jump` finding that names `cell`, if any.
pub(super) fn jump_at(findings: &[Finding], cell: CellRef) -> Option<&Finding> {
    findings
        .iter()
        .find(|f| f.id == Rule::PlausibilityJump && f.cells.contains(&cell))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Severity;
    use crate::form::{AppCol, AppRow};

    #[test]
    fn the_mark_is_the_rules_finding_on_its_cells() {
        let cell = CellRef::App(AppRow::NewReceived, AppCol::Total);
        let other = CellRef::App(AppRow::Granted, AppCol::Total);
        let finding = |id| Finding {
            id,
            severity: Severity::Info,
            cells: vec![cell],
            message: String::new(),
        };
        let fs = [finding(Rule::AppsBalance), finding(Rule::PlausibilityJump)];
        assert_eq!(
            jump_at(&fs, cell).map(|f| f.id),
            Some(Rule::PlausibilityJump)
        );
        assert!(jump_at(&fs, other).is_none());
        assert!(jump_at(&fs[..1], cell).is_none());
    }
}
