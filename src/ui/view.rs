//! What the window shows: the menu bar, and for an open report the header
//! with the tabs, the findings panel, the status line and the tab itself.

use std::collections::HashMap;

use eframe::egui::{self, Panel, Ui, ViewportCommand};

use super::grid::Overlay;
use super::tabs::TabContext;
use super::{App, Command, cell_id, findings, header};
use crate::checks::{Finding, Rule, Severity};
use crate::form::Section;
use crate::report::CellRef;

impl App {
    pub(super) fn menu_bar(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("文件", |ui| {
                for cmd in [
                    Command::New,
                    Command::NewFromPrior,
                    Command::Open,
                    Command::OpenSample,
                    Command::Save,
                    Command::SaveAs,
                ] {
                    menu_item(ui, cmd, &mut self.queue);
                }
                ui.separator();
                for cmd in [
                    Command::Import,
                    Command::LinkPrior,
                    Command::PrintPreview,
                    Command::ExportPdf,
                    Command::ExportOfd,
                    Command::ExportHtml,
                    Command::ExportDocx,
                ] {
                    menu_item(ui, cmd, &mut self.queue);
                }
                if !self.recent.is_empty() {
                    ui.menu_button("最近打开", |ui| {
                        for p in &self.recent {
                            if ui.button(p.display().to_string()).clicked() {
                                self.queue.push(Command::OpenPath(p.clone()));
                            }
                        }
                    });
                }
                ui.separator();
                menu_item(ui, Command::Quit, &mut self.queue);
            });
            ui.menu_button("编辑", |ui| {
                menu_item(ui, Command::Undo, &mut self.queue);
                menu_item(ui, Command::Redo, &mut self.queue);
                ui.separator();
                ui.checkbox(&mut self.auto_sum, "自动合计（修改数字时自动填写总计）");
            });
            ui.menu_button("帮助", |ui| {
                menu_item(ui, Command::Help(None), &mut self.queue);
                menu_item(ui, Command::About, &mut self.queue);
            });
        });
    }

    pub(super) fn document_ui(&mut self, ui: &mut Ui, findings: &[Finding]) {
        let Some(doc) = &mut self.doc else { return };
        let prior_year = self.prior.as_ref().map(|p| p.year);
        Panel::top("nianbao-header").show(ui, |ui| {
            ui.add_space(4.0);
            header::show(ui, &mut doc.report, prior_year);
            ui.add_space(4.0);
            // One line of tabs: the full headings where they fit, else the
            // short ones, with the full heading on hover (and on the page).
            let short = tab_width(ui, Section::heading) > ui.available_width();
            ui.horizontal(|ui| {
                for s in Section::ALL {
                    let errors = findings.iter().any(|f| {
                        f.severity == Severity::Error
                            && f.cells.first().is_some_and(|c| c.section() == s)
                    });
                    let name = if short {
                        s.short_heading()
                    } else {
                        s.heading()
                    };
                    let label = if errors { format!("{name}●") } else { name };
                    ui.selectable_value(&mut self.tab, s, label)
                        .on_hover_text(s.heading());
                }
            });
        });
        let clicked = self.findings_panel.show(ui, findings);
        Panel::bottom("nianbao-status").show(ui, |ui| {
            ui.label(&self.status);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            // Each tab scrolls itself: a table under its frozen parts.
            let marks = outline_marks(findings);
            let mut cx = TabContext {
                report: &mut doc.report,
                grid: &mut self.grid,
                overlay: Overlay {
                    marks: &marks,
                    auto_sum: self.auto_sum,
                    prior: self.prior.as_ref(),
                    findings,
                },
            };
            self.tabs.view(self.tab).show(ui, &mut cx);
        });
        match clicked {
            Some(findings::Clicked::Cell(cell)) => {
                self.tab = cell.section();
                ui.memory_mut(|m| m.request_focus(cell_id(cell)));
            }
            Some(findings::Clicked::Explain(rule)) => self.queue.push(Command::Help(Some(rule))),
            // The panel folded or unfolded itself.
            Some(findings::Clicked::Fold | findings::Clicked::Unfold) | None => {}
        }
    }

    /// The window's title: the report's file name, `*` while unsaved.
    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.doc {
            Some(d) => format!(
                "{}{} — 年报编辑器",
                d.name(),
                if d.is_dirty() { " *" } else { "" }
            ),
            None => "年报编辑器".to_string(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

fn menu_item(ui: &mut Ui, cmd: Command, queue: &mut Vec<Command>) {
    let mut button = egui::Button::new(cmd.label());
    if let Some(s) = cmd.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&s));
    }
    if ui.add(button).clicked() {
        queue.push(cmd);
    }
}

/// The worst severity per cell, for outlining. Blank cells (`value.blank`) and
/// empty sections are listed in the panel but not outlined: on a new report
/// every cell is blank, and an amber grid would hide the real mistakes. A
/// figure that moved sharply (`plausibility.jump`) has its own corner mark,
/// which another finding's outline cannot hide.
fn outline_marks(findings: &[Finding]) -> HashMap<CellRef, Severity> {
    let mut marks = HashMap::new();
    for f in findings.iter().filter(|f| {
        !matches!(
            f.id,
            Rule::ValueBlank | Rule::SectionEmpty | Rule::PlausibilityJump
        )
    }) {
        for c in &f.cells {
            let e = marks.entry(*c).or_insert(f.severity);
            *e = (*e).min(f.severity);
        }
    }
    marks
}

/// How wide the tab bar is with each section named by `name` (and a ● mark).
fn tab_width(ui: &Ui, name: fn(Section) -> String) -> f32 {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let spacing = ui.spacing();
    let gaps = spacing.item_spacing.x + 2.0 * spacing.button_padding.x;
    Section::ALL
        .into_iter()
        .map(|s| {
            let text = format!("{}●", name(s));
            ui.fonts_mut(|f| {
                f.layout_no_wrap(text, font.clone(), egui::Color32::BLACK)
                    .size()
                    .x
            }) + gaps
        })
        .sum()
}
