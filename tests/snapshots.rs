//! A few image snapshots of the editor (`cargo test --features snapshots`,
//! run by `.ci/run`): layout mistakes that state assertions cannot see.
//! Refresh after an intended change with `UPDATE_SNAPSHOTS=1`.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]
#![cfg(feature = "snapshots")]

use eframe::egui;
use egui_kittest::{Harness, kittest::Queryable};
use nianbao::assets;
use nianbao::form::{AppCol, AppRow, Section};
use nianbao::report::CellRef;
use nianbao::ui::App;

/// The editor on `tab`, with a temporary data folder (kept alive with it) so
/// that no recovery copy on the machine can pop up in a snapshot.
fn editor(tab: Section) -> (Harness<'static, App>, tempfile::TempDir) {
    editor_sized(egui::vec2(1280.0, 820.0), tab)
}

fn editor_sized(size: egui::Vec2, tab: Section) -> (Harness<'static, App>, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    let mut r = assets::sample();
    *r.applications
        .get_mut(AppRow::NewReceived, AppCol::Commercial) = Some(2);
    let dir = data.path().to_path_buf();
    let mut h = Harness::builder()
        .with_size(size)
        // The editor sets the light theme at start-up; the harness would otherwise impose dark.
        .with_theme(egui::Theme::Light)
        .wgpu()
        .build_eframe(move |cc| {
            let mut app = App::new(cc, None, Some(dir));
            app.set_document(r, None);
            app.tab = tab;
            app
        });
    h.run();
    (h, data)
}

#[test]
fn matrix_tab_with_findings() {
    let (mut h, _data) = editor(Section::Applications);
    h.snapshot("matrix_tab_with_findings");
}

#[test]
fn appeals_tab() {
    let (mut h, _data) = editor(Section::Appeals);
    h.snapshot("appeals_tab");
}

/// 打印预览 at fit-width over the report: white A4 pages, the title, the
/// narrative and the rules where the PDF has them.
#[test]
fn print_preview() {
    let (mut h, _data) = editor(Section::Overview);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F2);
    h.run();
    h.snapshot("print_preview");

    // At half size, scrolled to the tables: rules, spans, shading.
    h.get_by_label("100%").click();
    h.run();
    for _ in 0..3 {
        h.get_by_label("－").click();
        h.run();
    }
    h.get_by_label("50%");
    h.event(egui::Event::PointerMoved(egui::pos2(900.0, 400.0)));
    for _ in 0..10 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -150.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
        });
        h.run();
    }
    h.snapshot("print_preview_table");
}

/// A 1024×768 monitor with the findings panel opened: table 三 scrolled to
/// 总计 under its frozen headings and row labels.
#[test]
fn table_three_at_1024_by_768_scrolled_to_total() {
    let (mut h, _data) = editor_sized(egui::vec2(1024.0, 768.0), Section::Applications);
    h.get_by_label("展开").click();
    h.run();
    h.get_by_label(&CellRef::App(AppRow::NewReceived, AppCol::Total).label())
        .focus();
    h.run();
    h.snapshot("table_three_1024x768");
}
