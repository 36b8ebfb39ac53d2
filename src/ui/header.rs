//! Above the tabs, always visible: organ and year, and (folded) the optional
//! title and preamble.

use eframe::egui::{self, TextEdit, Ui};

use super::cell_id;
use crate::form::prose;
use crate::report::{CellRef, Report};

/// `prior_year`: the year of last year's report when the one `report.prior`
/// names could be read.
pub fn show(ui: &mut Ui, report: &mut Report, prior_year: Option<u16>) {
    ui.horizontal(|ui| {
        let label = ui.label(prose::ORGAN);
        ui.add(
            TextEdit::singleline(&mut report.organ)
                .id(cell_id(CellRef::Organ))
                .hint_text("例如：阿戛镇人民政府")
                .desired_width(280.0),
        )
        .labelled_by(label.id);
        ui.add_space(16.0);
        let label = ui.label(prose::YEAR);
        ui.add(
            egui::DragValue::new(&mut report.year)
                .range(1990..=2100)
                .speed(0.05)
                .suffix(" 年"),
        )
        .labelled_by(label.id);
        if !report.prior.trim().is_empty() {
            ui.add_space(16.0);
            let name = std::path::Path::new(report.prior.trim())
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match prior_year {
                Some(y) => ui.weak(format!("上年年报：{name}（{y}年，用于跨年度核对）")),
                None => ui.colored_label(
                    super::grid::severity_color(crate::checks::Severity::Warning),
                    format!("上年年报“{name}”无法读取：请用“文件 → 关联上年年报”重新选择"),
                ),
            };
        }
    });
    egui::CollapsingHeader::new("标题与前言（可选）")
        .id_salt("title-and-preamble")
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label("标题");
                let conventional = crate::form::title(&report.organ, report.year);
                ui.add(
                    TextEdit::singleline(&mut report.title)
                        .id(cell_id(CellRef::Title))
                        .hint_text(format!("不填则为：{conventional}"))
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            });
            let label = ui.label("前言（法律依据、统计期限、发布网址、咨询联系方式等）");
            ui.add(
                TextEdit::multiline(&mut report.preamble)
                    .id(cell_id(CellRef::Preamble))
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        });
}
