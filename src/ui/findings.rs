//! The findings panel: counts per severity, one line per finding; clicking
//! one goes to its cell, its 说明 opens the rule's help. On a small screen it
//! gives way: it folds to a narrow strip that still shows the counts, and it
//! can be resized; both are kept between runs.

use eframe::egui::{self, Align, Layout, Panel, RichText, Sense, Ui};

use super::grid::severity_color;
use crate::checks::{Finding, Rule, Severity};
use crate::report::CellRef;

/// What the clerk clicked in the panel.
pub enum Clicked {
    /// A finding: go to its first cell.
    Cell(CellRef),
    /// A finding's 说明: what its rule means and how to fix it.
    Explain(Rule),
    /// 收起: fold the panel to its strip.
    Fold,
    /// 展开, or a count in the strip: open the panel again.
    Unfold,
}

/// Whether the panel is open and how wide, as kept between runs.
pub struct PanelLayout {
    /// As the clerk left it (this run or the last); `None` at the first
    /// start until the clerk folds or opens it: then the window's width
    /// decides, frame by frame (the first frames may not know it yet).
    pub open: Option<bool>,
    /// Open or folded in the last frame drawn, as the next run will start.
    shown: Option<bool>,
    /// The open panel's width, its frame included.
    pub width: f32,
}

const OPEN_KEY: &str = "findings_open";
const WIDTH_KEY: &str = "findings_width";
/// The open panel's width at the first start.
const DEFAULT_WIDTH: f32 = 300.0;
const MIN_WIDTH: f32 = 240.0;
/// The strip: two characters and the panel's margins.
const FOLDED_WIDTH: f32 = 60.0;
/// The open panel never takes more than this share of the window.
const MAX_SHARE: f32 = 0.6;
/// Below this window width (logical pixels) the panel starts folded, the
/// first time: at 1024×768 the grid needs the room.
pub const FOLD_BELOW: f32 = 1200.0;

impl PanelLayout {
    pub fn load(storage: Option<&dyn eframe::Storage>) -> PanelLayout {
        PanelLayout {
            open: storage.and_then(|s| eframe::get_value(s, OPEN_KEY)),
            shown: None,
            width: storage
                .and_then(|s| eframe::get_value(s, WIDTH_KEY))
                .unwrap_or(DEFAULT_WIDTH),
        }
    }

    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        if let Some(open) = self.open.or(self.shown) {
            eframe::set_value(storage, OPEN_KEY, &open);
        }
        eframe::set_value(storage, WIDTH_KEY, &self.width);
    }

    /// Draw the panel, open or folded, on the right of `ui`; returns what was
    /// clicked.
    pub fn show(&mut self, ui: &mut Ui, findings: &[Finding]) -> Option<Clicked> {
        let window = ui.ctx().content_rect().width();
        let open = self.open.unwrap_or(window >= FOLD_BELOW);
        self.shown = Some(open);
        let clicked = if open {
            let r = Panel::right("nianbao-findings")
                .default_size(self.width)
                .size_range(MIN_WIDTH..=(window * MAX_SHARE).max(MIN_WIDTH))
                .show(ui, |ui| show(ui, findings));
            self.width = r.response.rect.width();
            r.inner
        } else {
            Panel::right("nianbao-findings-folded")
                .resizable(false)
                .exact_size(FOLDED_WIDTH)
                .show(ui, |ui| strip(ui, findings))
                .inner
        };
        match clicked {
            Some(Clicked::Fold) => self.open = Some(false),
            Some(Clicked::Unfold) => self.open = Some(true),
            _ => {}
        }
        clicked
    }
}

/// The count of each severity, in its colour.
fn counts(findings: &[Finding]) -> impl Iterator<Item = (Severity, usize)> + '_ {
    Severity::ALL
        .into_iter()
        .map(|s| (s, findings.iter().filter(|f| f.severity == s).count()))
}

/// The folded panel: 展开, and the counts one above the other.
fn strip(ui: &mut Ui, findings: &[Finding]) -> Option<Clicked> {
    let mut clicked = None;
    ui.vertical_centered(|ui| {
        if ui.button("展开").on_hover_text("展开检查结果").clicked() {
            clicked = Some(Clicked::Unfold);
        }
        ui.add_space(8.0);
        for (s, n) in counts(findings) {
            let text = RichText::new(format!("{}\n{n}", s.label()))
                .color(severity_color(s))
                .strong();
            let count = ui
                .add(egui::Label::new(text).sense(Sense::click()))
                .on_hover_text(format!("{n} 条{}，点击展开检查结果", s.label()));
            if count.clicked() {
                clicked = Some(Clicked::Unfold);
            }
            ui.add_space(4.0);
        }
    });
    clicked
}

/// Draw the panel's content; returns what was clicked.
fn show(ui: &mut Ui, findings: &[Finding]) -> Option<Clicked> {
    let mut clicked = None;
    ui.horizontal(|ui| {
        ui.heading("检查结果");
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui
                .small_button("收起")
                .on_hover_text("收起到窗口右侧，只显示数目")
                .clicked()
            {
                clicked = Some(Clicked::Fold);
            }
        });
    });
    ui.horizontal_wrapped(|ui| {
        for (s, n) in counts(findings) {
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
        return clicked;
    }
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
