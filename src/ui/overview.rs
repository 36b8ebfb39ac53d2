//! The narrative tabs: 一、总体情况 (intro and sub-parts that can be added,
//! removed, renamed and reordered), 五 and 六.

use eframe::egui::{self, TextEdit, Ui};

use super::cell_id;
use crate::form::{Section, part_number, prose};
use crate::report::{CellRef, Part, Report};

/// A multi-line field that grows with its text and takes IME input; a very
/// long paragraph is laid out again only from the piece of rows an edit falls
/// in (long_text).
fn text_area(ui: &mut Ui, text: &mut String, cell: CellRef, hint: &str, label: egui::Id) {
    let id = cell_id(cell);
    let mut layouter = super::long_text::layouter(id);
    ui.add(
        TextEdit::multiline(text)
            .id(id)
            .layouter(&mut layouter)
            .hint_text(hint)
            .desired_rows(4)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label);
}

enum PartAction {
    Up(usize),
    Down(usize),
    Remove(usize),
    Add,
}

pub fn overview(ui: &mut Ui, report: &mut Report) {
    ui.heading(Section::Overview.heading());
    let label = ui.label("导语");
    text_area(
        ui,
        &mut report.overview.intro,
        CellRef::OverviewIntro,
        prose::guidance(Section::Overview).unwrap_or_default(),
        label.id,
    );
    let n = report.overview.parts.len();
    let mut action = None;
    for (i, part) in report.overview.parts.iter_mut().enumerate() {
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let number = ui.label(egui::RichText::new(part_number(i)).strong());
            ui.add(
                TextEdit::singleline(&mut part.heading)
                    .id(cell_id(CellRef::OverviewHeading(i)))
                    .desired_width(360.0),
            )
            .labelled_by(number.id);
            if ui.add_enabled(i > 0, egui::Button::new("上移")).clicked() {
                action = Some(PartAction::Up(i));
            }
            if ui
                .add_enabled(i + 1 < n, egui::Button::new("下移"))
                .clicked()
            {
                action = Some(PartAction::Down(i));
            }
            if ui.button("删除这一部分").clicked() {
                action = Some(PartAction::Remove(i));
            }
        });
        let id = cell_id(CellRef::OverviewPart(i));
        let mut layouter = super::long_text::layouter(id);
        ui.add(
            TextEdit::multiline(&mut part.body)
                .id(id)
                .layouter(&mut layouter)
                .desired_rows(4)
                .desired_width(f32::INFINITY),
        )
        .accessible_name(CellRef::OverviewPart(i).label());
    }
    ui.add_space(8.0);
    if ui.button("添加一部分").clicked() {
        action = Some(PartAction::Add);
    }
    let parts = &mut report.overview.parts;
    match action {
        Some(PartAction::Up(i)) => parts.swap(i, i - 1),
        Some(PartAction::Down(i)) => parts.swap(i, i + 1),
        // Undo (Ctrl+Z) brings a removed part back.
        Some(PartAction::Remove(i)) => {
            parts.remove(i);
        }
        Some(PartAction::Add) => parts.push(Part::default()),
        None => {}
    }
}

pub fn problems(ui: &mut Ui, report: &mut Report) {
    let label = ui.heading(Section::Problems.heading());
    text_area(
        ui,
        &mut report.problems,
        CellRef::Problems,
        prose::guidance(Section::Problems).unwrap_or_default(),
        label.id,
    );
}

pub fn other_matters(ui: &mut Ui, report: &mut Report) {
    let label = ui.heading(Section::OtherMatters.heading());
    text_area(
        ui,
        &mut report.other_matters,
        CellRef::OtherMatters,
        prose::guidance(Section::OtherMatters).unwrap_or_default(),
        label.id,
    );
}
