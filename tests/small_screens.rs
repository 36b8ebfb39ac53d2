//! The editor on small screens (issue 19): township offices run 1024×768
//! monitors, or 1366×768 laptops at 125 % (about 1093×614 logical pixels).
//! Tables 二, 三 and 四 scroll under their frozen header rows and label
//! columns; the findings panel folds to a strip and is resized; the panel
//! and the zoom are kept between runs.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]
#![cfg(feature = "editor")]

use std::collections::HashMap;

use eframe::egui::{
    self, Event, Key, Modifiers, MouseWheelSource, MouseWheelUnit, PointerButton, Rect, Role,
    TouchPhase, pos2, vec2,
};
use egui_kittest::{Harness, kittest::Queryable};
use nianbao::assets;
use nianbao::form::{AppCol, AppRow, Section, layout};
use nianbao::report::{CellRef, Report};
use nianbao::ui::{App, Command};

const SMALL: [(f32, f32); 2] = [(1024.0, 768.0), (1093.0, 614.0)];

/// The editor's preferences between runs, kept in memory as eframe keeps
/// them in a file.
#[derive(Default)]
struct Prefs(HashMap<String, String>);

impl eframe::Storage for Prefs {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

/// The editor in a window of `size`, started with `prefs` as stored by an
/// earlier run (none: the first start), showing the sample on `tab`.
fn launch<'a>(
    size: (f32, f32),
    prefs: Option<&'a Prefs>,
    data: &std::path::Path,
    tab: Section,
    report: Report,
) -> Harness<'a, App> {
    let data = data.to_path_buf();
    let mut h = Harness::builder()
        .with_size(vec2(size.0, size.1))
        .build_eframe(move |cc| {
            cc.storage = prefs.map(|p| p as &dyn eframe::Storage);
            let mut app = App::new(cc, None, Some(data));
            app.set_document(report, None);
            app.tab = tab;
            app
        });
    h.run();
    h
}

/// The sample with one error, so that the panel has a finding to show.
fn sample_with_error() -> Report {
    let mut r = assets::sample();
    *r.applications
        .get_mut(AppRow::NewReceived, AppCol::Commercial) = Some(2);
    r
}

const FINDING: &str = "一、本年新收政府信息公开申请数量：自然人";

fn unfold(h: &mut Harness<'_, App>) {
    h.get_by_label("展开").click();
    h.run();
    assert!(h.query_by_label("检查结果").is_some(), "the panel opened");
}

/// Where the grid's figures may show: left of the findings panel and of the
/// grid's vertical scroll bar, above the status line and the horizontal bar.
fn grid_room(h: &Harness<'_, App>, size: (f32, f32)) -> Rect {
    let bar = egui::style::ScrollStyle::solid().allocated_width();
    let right = h
        .query_by_label("检查结果")
        .map(|n| n.rect().left())
        .unwrap_or(size.0);
    let bottom = h.get_by_label_contains("已打开示例").rect().top();
    Rect::from_min_max(pos2(0.0, 0.0), pos2(right - bar, bottom - bar))
}

fn cell(h: &Harness<'_, App>, c: CellRef) -> Rect {
    h.get_by_label(&c.label()).rect()
}

const ROW_ONE: &str = "一、本年新收政府信息公开申请数量";

#[test]
fn at_small_sizes_total_of_row_one_is_reached_and_its_row_label_stays() {
    let total = CellRef::App(AppRow::NewReceived, AppCol::Total);
    for size in SMALL {
        let data = tempfile::tempdir().unwrap();
        // The panel open, as the issue found it: 总计 is out of sight.
        let mut h = opened_with_panel(size, data.path());
        h.get_by_label("三、依申请公开").click();
        h.run();
        let room = grid_room(&h, size);
        assert!(
            cell(&h, total).right() > room.right(),
            "{size:?}: 总计 starts out of sight"
        );
        let label_before = h.get_by_label(ROW_ONE).rect();
        let natural = CellRef::App(AppRow::NewReceived, AppCol::NaturalPerson);
        let natural_before = cell(&h, natural);

        // Scroll right with the wheel (Shift+wheel on a mouse), over the figures.
        let over = cell(&h, CellRef::App(AppRow::Granted, AppCol::NaturalPerson)).center();
        h.event(Event::PointerMoved(over));
        h.event(Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: vec2(-3000.0, 0.0),
            phase: TouchPhase::Move,
            source: MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        // The wheel scrolls smoothly, over a few frames.
        h.run_steps(8);
        h.run();
        let t = cell(&h, total);
        assert!(
            room.contains_rect(t),
            "{size:?}: 总计 {t:?} is in sight, in {room:?}"
        );
        let label = h.get_by_label(ROW_ONE).rect();
        assert_eq!(label, label_before, "{size:?}: the row label stays put");
        assert!(
            label.right() <= t.left() && label.left() >= 0.0,
            "{size:?}: the row label {label:?} shows left of 总计 {t:?}"
        );
        // The figures moved, under the labels: 自然人 is (partly) hidden.
        let n = cell(&h, natural);
        assert!(
            n.left() < label.right() && n.left() < natural_before.left() - 40.0,
            "{size:?}: 自然人 {natural_before:?} → {n:?}"
        );
        // The header stays too: 总计's heading is above its column.
        let heading = h.get_by_label("总计").rect();
        assert!(heading.bottom() <= t.top() && (heading.center().x - t.center().x).abs() < 2.0);

        // 总计 takes the focus and the typing.
        h.get_by_label(&total.label()).focus();
        h.run();
        assert!(h.get_by_label(&total.label()).is_focused());
        h.get_by_label(&total.label()).type_text("7");
        h.run();
        let report = &h.state().doc.as_ref().unwrap().report;
        assert_eq!(
            report.applications.get(AppRow::NewReceived, AppCol::Total),
            Some(7),
            "{size:?}"
        );
        assert_eq!(h.get_by_label(ROW_ONE).rect(), label_before);

        // Enter down to the last row and the arrows back to its first
        // figure: each is brought into sight, beside its row's label.
        let last = *AppRow::ALL.last().unwrap();
        for _ in 1..AppRow::ALL.len() {
            h.key_press(Key::Enter);
            h.run();
        }
        let bottom = CellRef::App(last, AppCol::Total);
        assert!(h.get_by_label(&bottom.label()).is_focused());
        assert!(
            room.contains_rect(cell(&h, bottom)),
            "{size:?}: {bottom:?} in sight"
        );
        for _ in 1..AppCol::ALL.len() {
            h.key_press(Key::ArrowLeft);
            h.run();
        }
        let first = CellRef::App(last, AppCol::NaturalPerson);
        assert!(h.get_by_label(&first.label()).is_focused());
        let f = cell(&h, first);
        assert!(
            room.contains_rect(f),
            "{size:?}: {first:?} at {f:?} in sight"
        );
        let l = last.label();
        let leaf = h.get_by_label(l.leaf.unwrap_or(l.top)).rect();
        assert!(
            leaf.right() <= f.left() && leaf.y_range().contains(f.center().y),
            "{size:?}: the last row's label {leaf:?} beside {f:?}"
        );
    }
}

/// Press at `from`, move by `by`, release, as a mouse drag.
fn drag(h: &mut Harness<'_, App>, from: egui::Pos2, by: egui::Vec2) {
    h.event(Event::PointerMoved(from));
    h.run();
    h.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.run();
    h.event(Event::PointerMoved(from + by / 2.0));
    h.run();
    h.event(Event::PointerMoved(from + by));
    h.run();
    h.event(Event::PointerButton {
        pos: from + by,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
}

#[test]
fn the_label_columns_narrow_by_dragging_their_edge_and_a_cut_label_shows_on_hover() {
    let size = SMALL[0];
    let data = tempfile::tempdir().unwrap();
    let mut h = opened_with_panel(size, data.path());
    h.get_by_label("三、依申请公开").click();
    h.run();
    let room = grid_room(&h, size);
    let total = CellRef::App(AppRow::NewReceived, AppCol::Total);
    assert!(cell(&h, total).right() > room.right());
    let label = h.get_by_label(ROW_ONE).rect();
    let partly = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
    let partly_height = h.get_by_label(partly).rect().height();

    // The grip is on the labels' right edge; dragged far left, they stop at
    // two characters in the narrowest column.
    drag(
        &mut h,
        pos2(label.right() - 3.0, label.center().y),
        vec2(-400.0, 0.0),
    );
    let narrowed = h.get_by_label(ROW_ONE).rect();
    assert!(
        narrowed.width() < label.width() * 0.5,
        "{label:?} → {narrowed:?}"
    );
    // Labels wrap: the rows grow. All seven columns are in sight now.
    assert!(h.get_by_label(partly).rect().height() > partly_height);
    assert!(room.contains_rect(cell(&h, total)), "总计 in sight");

    // Dragged back, they widen again, as far as they were.
    drag(
        &mut h,
        pos2(narrowed.right() - 3.0, narrowed.center().y),
        vec2(400.0, 0.0),
    );
    assert_eq!(h.get_by_label(ROW_ONE).rect().width(), label.width());

    // Scrolled down a little, row 一's label is half under the header: its
    // text is cut, and hovering shows it whole.
    h.event(Event::PointerMoved(label.center()));
    h.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, -(label.height() * 0.6)),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    h.run_steps(8);
    h.run();
    let cut = h.get_by_label(ROW_ONE).rect();
    assert!(
        cut.top() < label.top() - 5.0,
        "scrolled: {label:?} → {cut:?}"
    );
    h.event(Event::PointerMoved(pos2(
        cut.center().x,
        cut.bottom() - 3.0,
    )));
    h.run_steps(8);
    h.run();
    assert_eq!(
        h.get_all_by_label(ROW_ONE).count(),
        2,
        "the label and its tooltip"
    );
}

/// Tab from the first figure to the last: each in turn has the focus and is
/// wholly in sight, clear of the frozen parts and of everything else drawn.
fn tab_through(h: &mut Harness<'_, App>, size: (f32, f32), table: &layout::Table) {
    let order: Vec<CellRef> = table
        .figures()
        .filter_map(|c| match c.content {
            layout::Content::Figure(f) => Some(CellRef::from(f)),
            _ => None,
        })
        .collect();
    let room = grid_room(h, size);
    for (i, c) in order.iter().enumerate() {
        if i == 0 {
            h.get_by_label(&c.label()).focus();
        } else {
            h.key_press(Key::Tab);
        }
        h.run();
        let name = c.label();
        let node = h.get_by_label(&name);
        assert!(node.is_focused(), "{size:?}: Tab reaches {name}");
        let r = node.rect();
        let inner = r.shrink(1.0);
        let mut beside_labels = false;
        for label in h.get_all_by_role(Role::Label) {
            let l = label.rect();
            assert!(
                !l.intersects(inner),
                "{size:?}: {label:?} covers {name} at {r:?}"
            );
            beside_labels |=
                (l.right() - r.left()).abs() < 3.0 && l.y_range().intersects(r.y_range());
        }
        // Wholly in sight; a figure wider than the room (table 二's span
        // three columns) from its start, right beside the frozen labels.
        let start_in_sight = room.contains(r.left_top()) && room.contains(r.left_bottom());
        assert!(
            room.contains_rect(r) || (start_in_sight && beside_labels),
            "{size:?}: {name} at {r:?} is in sight in {room:?}"
        );
    }
}

/// The editor with the sample opened as a clerk opens it (the status line
/// says so) and the findings panel open: the least room for the grid.
fn opened_with_panel(size: (f32, f32), data: &std::path::Path) -> Harness<'static, App> {
    let mut h = launch(size, None, data, Section::Overview, assets::sample());
    h.state_mut().enqueue(Command::OpenSample);
    h.run();
    unfold(&mut h);
    h
}

fn tables() -> [(&'static str, layout::Table); 3] {
    [
        ("二、主动公开", layout::proactive()),
        ("三、依申请公开", layout::applications()),
        ("四、复议诉讼", layout::appeals()),
    ]
}

fn every_figure_reached(size: (f32, f32)) {
    let data = tempfile::tempdir().unwrap();
    let mut h = opened_with_panel(size, data.path());
    for (tab, table) in &tables() {
        h.get_by_label(tab).click();
        h.run();
        tab_through(&mut h, size, table);
    }
}

#[test]
fn at_1024_by_768_the_keyboard_reaches_every_figure_in_sight() {
    every_figure_reached(SMALL[0]);
}

#[test]
fn at_1093_by_614_the_keyboard_reaches_every_figure_in_sight() {
    every_figure_reached(SMALL[1]);
}

#[test]
fn zoomed_in_the_keyboard_still_reaches_every_figure_of_table_three() {
    let size = SMALL[0];
    let data = tempfile::tempdir().unwrap();
    let mut h = opened_with_panel(size, data.path());
    // Ctrl+plus twice: 120 %, less fits.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    assert!((h.ctx.zoom_factor() - 1.2).abs() < 1e-3);
    let (tab, table) = &tables()[1];
    h.get_by_label(tab).click();
    h.run();
    tab_through(&mut h, (size.0 / 1.2, size.1 / 1.2), table);
}

#[test]
fn the_findings_panel_folds_to_its_counts_and_comes_back() {
    for size in SMALL {
        let data = tempfile::tempdir().unwrap();
        let mut h = launch(
            size,
            None,
            data.path(),
            Section::Applications,
            sample_with_error(),
        );
        // First start on a narrow window: folded, the counts still shown.
        assert!(h.query_by_label_contains(FINDING).is_none());
        h.get_by_label("错误\n2");
        h.get_by_label("警告\n0");
        h.get_by_label("提示\n0");
        // Folded, all seven columns of table 三 fit at 1024 wide.
        let total = cell(&h, CellRef::App(AppRow::NewReceived, AppCol::Total));
        assert!(total.right() < h.get_by_label("展开").rect().left());

        unfold(&mut h);
        h.get_by_label_contains(FINDING);
        h.get_by_label("错误 2");
        h.get_by_label("收起").click();
        h.run();
        assert!(h.query_by_label_contains(FINDING).is_none());
        assert!(h.query_by_label("检查结果").is_none());
        // A count in the strip opens it too.
        h.get_by_label("错误\n2").click();
        h.run();
        h.get_by_label_contains(FINDING);
    }
    // A wide window starts with it open.
    let data = tempfile::tempdir().unwrap();
    let h = launch(
        (1400.0, 900.0),
        None,
        data.path(),
        Section::Applications,
        sample_with_error(),
    );
    h.get_by_label_contains(FINDING);
}

#[test]
fn a_first_start_zoomed_in_on_a_small_screen_folds_the_panel_too() {
    // Zoomed before the first frame, as a zoom kept from an earlier run
    // is: the first frames may not know the window's size yet.
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_path_buf();
    let mut h = Harness::builder()
        .with_size(vec2(SMALL[1].0, SMALL[1].1))
        .build_eframe(move |cc| {
            cc.egui_ctx.set_zoom_factor(1.2);
            let mut app = App::new(cc, None, Some(dir));
            app.set_document(sample_with_error(), None);
            app
        });
    h.run();
    assert!(h.query_by_label_contains(FINDING).is_none());
    h.get_by_label("错误\n2");
    let mut prefs = Prefs::default();
    eframe::App::save(h.state_mut(), &mut prefs);
    // Kept folded, as it was shown.
    let h = launch(
        (1400.0, 900.0),
        Some(&prefs),
        data.path(),
        Section::Applications,
        sample_with_error(),
    );
    assert!(h.query_by_label_contains(FINDING).is_none());
}

/// Drag the open panel's left edge `by` points (negative: wider).
fn drag_panel_edge(h: &mut Harness<'_, App>, by: f32) {
    // The heading sits one frame margin inside the edge.
    let heading = h.get_by_label("检查结果").rect();
    let start = pos2(heading.left() - 8.0, heading.bottom() + 200.0);
    drag(h, start, vec2(by, 0.0));
}

#[test]
fn the_panel_and_the_zoom_are_kept_between_runs() {
    let data = tempfile::tempdir().unwrap();
    let first = Prefs::default();
    let size = SMALL[0];
    let mut second = Prefs::default();
    let width = {
        let mut h = launch(
            size,
            Some(&first),
            data.path(),
            Section::Applications,
            sample_with_error(),
        );
        unfold(&mut h);
        let before = h.get_by_label("检查结果").rect().left();
        drag_panel_edge(&mut h, -80.0);
        let left = h.get_by_label("检查结果").rect().left();
        assert!(
            (before - left - 80.0).abs() < 2.0,
            "the panel widened by the drag: {before} → {left}"
        );
        let width = size.0 - left;
        h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
        h.run();
        assert!((h.ctx.zoom_factor() - 1.1).abs() < 1e-3);
        eframe::App::save(h.state_mut(), &mut second);
        width
    };
    let mut third = Prefs::default();
    {
        // The same narrow window: the remembered state wins over the first-start rule.
        let mut h = launch(
            size,
            Some(&second),
            data.path(),
            Section::Applications,
            sample_with_error(),
        );
        assert!((h.ctx.zoom_factor() - 1.1).abs() < 1e-3, "zoom kept");
        // The window is narrower in points at 110 %; the panel as wide.
        let w = h.ctx.content_rect().width() - h.get_by_label("检查结果").rect().left();
        assert!((w - width).abs() < 1.0, "width kept: {w} vs {width}");
        h.get_by_label_contains(FINDING);
        // Ctrl+0 resets the zoom.
        h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
        h.run();
        assert_eq!(h.ctx.zoom_factor(), 1.0);
        h.get_by_label("收起").click();
        h.run();
        eframe::App::save(h.state_mut(), &mut third);
    }
    // A wide window: folded, as it was left.
    let h = launch(
        (1400.0, 900.0),
        Some(&third),
        data.path(),
        Section::Applications,
        sample_with_error(),
    );
    assert_eq!(h.ctx.zoom_factor(), 1.0);
    assert!(h.query_by_label_contains(FINDING).is_none());
    h.get_by_label("错误\n2");
}
