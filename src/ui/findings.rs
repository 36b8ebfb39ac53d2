//! The findings panel: always visible, counts per severity, one line per
//! finding; clicking one goes to its cell, its 说明 opens the rule's help.

use eframe::egui::{self, RichText, Sense, Ui};

use super::grid::severity_color;
use crate::checks::{Finding, Rule, Severity};
use crate::report::CellRef;

/// What the clerk clicked in the panel.
pub enum Clicked {
    /// A finding: go to its first cell.
    Cell(CellRef),
    /// A finding's 说明: what its rule means and how to fix it.
    Explain(Rule),
}

/// Draw the panel's content; returns what was clicked.
pub fn show(ui: &mut Ui, findings: &[Finding]) -> Option<Clicked> {
    ui.heading("检查结果");
    ui.horizontal_wrapped(|ui| {
        for s in Severity::ALL {
            let n = findings.iter().filter(|f| f.severity == s).count();
            ui.label(
                RichText::new(format!("{} {n}", s.label()))
                    .color(severity_color(s))
                    .strong(),
            );
        }
    });
    ui.separator();
    if findings.is_empty() {
        ui.label("未发现问题：表格勾稽关系无误。");
        return None;
    }
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            for f in findings {
                let text = RichText::new(format!("【{}】{}", f.severity.label(), f.message))
                    .color(severity_color(f.severity));
                let response = ui
                    .add(egui::Label::new(text).wrap().sense(Sense::click()))
                    .on_hover_text(format!("规则 {}，点击转到相关单元格", f.id));
                if response.clicked() {
                    clicked = f.cells.first().copied().map(Clicked::Cell);
                }
                let explain = ui
                    .small_button(format!("说明：{}", f.id))
                    .on_hover_text("这条规则检查什么、示例、如何修改");
                if explain.clicked() {
                    clicked = Some(Clicked::Explain(f.id));
                }
                ui.add_space(4.0);
            }
        });
    clicked
}
