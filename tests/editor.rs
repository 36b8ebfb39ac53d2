//! The editor window driven like a clerk would, through egui_kittest: typing,
//! moving between cells, pasting, IME, undo, closing, following findings.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]
#![cfg(feature = "editor")]

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};

use eframe::egui::{self, Event, ImeEvent, Key, Modifiers, ViewportEvent, ViewportId};
use egui_kittest::{Harness, kittest::Queryable};
use nianbao::assets;
use nianbao::form::{AppCol, AppRow, Section};
use nianbao::report::{CellRef, Report};
use nianbao::ui::App;

/// Every editor in these tests is built here, and must be given its data
/// folder (recovery copies): a temporary one, so that no test meets — or
/// leaves — a recovery copy in the machine's real data folder.
fn launch(
    data: &Path,
    file: Option<PathBuf>,
    setup: impl FnOnce(&mut App) + 'static,
) -> Harness<'static, App> {
    let data = data.to_path_buf();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_eframe(move |cc| {
            let mut app = App::new(cc, file, Some(data));
            setup(&mut app);
            app
        });
    h.run();
    h
}

/// An editor with a data folder of its own, removed with it.
struct Editor {
    h: Harness<'static, App>,
    _data: tempfile::TempDir,
}

impl Deref for Editor {
    type Target = Harness<'static, App>;
    fn deref(&self) -> &Self::Target {
        &self.h
    }
}

impl DerefMut for Editor {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.h
    }
}

fn editor(report: Report, tab: Section) -> Editor {
    let data = tempfile::tempdir().unwrap();
    let h = launch(data.path(), None, move |app| {
        app.set_document(report, None);
        app.tab = tab;
    });
    Editor { h, _data: data }
}

fn label(row: AppRow, col: AppCol) -> String {
    CellRef::App(row, col).label()
}

fn value(h: &Harness<'_, App>, row: AppRow, col: AppCol) -> Option<u64> {
    h.state()
        .doc
        .as_ref()
        .unwrap()
        .report
        .applications
        .get(row, col)
}

/// Give a cell the keyboard focus, as a click or Tab would.
fn focus(h: &mut Harness<'_, App>, name: &str) {
    h.get_by_label(name).focus();
    h.run();
    assert!(
        h.get_by_label(name).is_focused(),
        "{name} should have focus"
    );
}

fn type_into(h: &mut Harness<'_, App>, name: &str, text: &str) {
    focus(h, name);
    h.get_by_label(name).type_text(text);
    h.run();
}

#[test]
fn typing_a_figure_shows_and_clears_the_balance_finding() {
    let mut h = editor(assets::sample(), Section::Applications);
    assert!(h.query_by_label_contains("三、自然人列").is_none());

    type_into(
        &mut h,
        &label(AppRow::NewReceived, AppCol::NaturalPerson),
        "3",
    );
    assert_eq!(
        value(&h, AppRow::NewReceived, AppCol::NaturalPerson),
        Some(3)
    );
    // 自动合计 filled the row's 总计, so only the column balance fails.
    assert_eq!(value(&h, AppRow::NewReceived, AppCol::Total), Some(3));
    h.get_by_label_contains(
        "三、自然人列：第一项(3)+第二项(0)=3，第三项总计(0)+第四项(0)=0，相差3",
    );
    assert!(
        h.query_by_label_contains("一、本年新收政府信息公开申请数量：")
            .is_none()
    );

    type_into(
        &mut h,
        &label(AppRow::CarriedForward, AppCol::NaturalPerson),
        "3",
    );
    assert!(h.query_by_label_contains("三、自然人列").is_none());
    assert!(h.query_by_label_contains("三、总计列").is_none());
    // The tables balance; (the sample's text still says no applications came,
    // which narrative.applications rightly warns about).
    h.get_by_label("错误 0");
}

#[test]
fn typing_replaces_the_cell_and_clearing_makes_it_blank() {
    let mut r = assets::sample();
    *r.applications.get_mut(AppRow::Granted, AppCol::Research) = Some(5);
    let mut h = editor(r, Section::Applications);
    let name = label(AppRow::Granted, AppCol::Research);
    type_into(&mut h, &name, "7");
    assert_eq!(value(&h, AppRow::Granted, AppCol::Research), Some(7));
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(value(&h, AppRow::Granted, AppCol::Research), None);
    h.get_by_label_contains("“三、（一）予以公开·科研机构”未填写");
}

#[test]
fn other_keys_are_refused_with_a_reason() {
    let mut h = editor(assets::sample(), Section::Applications);
    let name = label(AppRow::Granted, AppCol::Commercial);
    type_into(&mut h, &name, "a");
    assert_eq!(value(&h, AppRow::Granted, AppCol::Commercial), Some(0));
    h.get_by_label_contains("表格中只能填数字：“a”未被接受");
    // Full-width digits from a Chinese IME are taken as digits.
    h.get_by_label(&name).type_text("２");
    h.run();
    assert_eq!(value(&h, AppRow::Granted, AppCol::Commercial), Some(2));
}

#[test]
fn tab_enter_and_arrows_move_like_a_spreadsheet() {
    let mut h = editor(assets::sample(), Section::Applications);
    focus(&mut h, &label(AppRow::NewReceived, AppCol::NaturalPerson));
    let moves = [
        (
            Modifiers::NONE,
            Key::Tab,
            AppRow::NewReceived,
            AppCol::Commercial,
        ),
        (
            Modifiers::NONE,
            Key::Enter,
            AppRow::CarriedOver,
            AppCol::Commercial,
        ),
        (
            Modifiers::SHIFT,
            Key::Tab,
            AppRow::CarriedOver,
            AppCol::NaturalPerson,
        ),
        (
            Modifiers::NONE,
            Key::ArrowDown,
            AppRow::Granted,
            AppCol::NaturalPerson,
        ),
        (
            Modifiers::NONE,
            Key::ArrowUp,
            AppRow::CarriedOver,
            AppCol::NaturalPerson,
        ),
        (
            Modifiers::NONE,
            Key::ArrowRight,
            AppRow::CarriedOver,
            AppCol::Commercial,
        ),
        (
            Modifiers::SHIFT,
            Key::Enter,
            AppRow::NewReceived,
            AppCol::Commercial,
        ),
    ];
    for (m, key, row, col) in moves {
        h.key_press_modifiers(m, key);
        h.run();
        assert!(
            h.get_by_label(&label(row, col)).is_focused(),
            "{key:?} should reach {}",
            label(row, col)
        );
    }
    // Tab at the end of the row goes on to the next row's first cell.
    focus(&mut h, &label(AppRow::NewReceived, AppCol::Total));
    h.key_press(Key::Tab);
    h.run();
    assert!(
        h.get_by_label(&label(AppRow::CarriedOver, AppCol::NaturalPerson))
            .is_focused()
    );
}

#[test]
fn a_block_from_excel_pastes_from_the_focused_cell() {
    let mut h = editor(assets::sample(), Section::Applications);
    focus(&mut h, &label(AppRow::Granted, AppCol::Commercial));
    h.event(Event::Paste("1\t2\r\n3\t4\r\n5\t6\r\n".into()));
    h.run();
    use AppCol::*;
    use AppRow::*;
    for (row, col, v) in [
        (Granted, Commercial, 1),
        (Granted, Research, 2),
        (PartiallyGranted, Commercial, 3),
        (PartiallyGranted, Research, 4),
        (DeniedStateSecret, Commercial, 5),
        (DeniedStateSecret, Research, 6),
    ] {
        assert_eq!(value(&h, row, col), Some(v), "{}", label(row, col));
    }
    assert_eq!(value(&h, Granted, SocialWelfare), Some(0));
    assert_eq!(value(&h, Granted, NaturalPerson), Some(0));
    h.get_by_label("已粘贴6个数");

    // A word is refused and nothing changes.
    h.event(Event::Paste("7\t共计".into()));
    h.run();
    assert_eq!(value(&h, Granted, Commercial), Some(1));
    h.get_by_label_contains("“共计”不是数字：已取消粘贴");
}

#[test]
fn chinese_ime_text_reaches_a_text_field() {
    let mut h = editor(Report::new("", 2024), Section::Overview);
    focus(&mut h, "机关名称");
    h.event(Event::Ime(ImeEvent::Preedit {
        text: "a ga zhen".into(),
        active_range_chars: None,
    }));
    h.run();
    h.event(Event::Ime(ImeEvent::Commit("阿戛镇".into())));
    h.run();
    assert_eq!(h.state().doc.as_ref().unwrap().report.organ, "阿戛镇");
}

#[test]
fn ctrl_z_undoes_one_typing_burst_once() {
    let mut h = editor(Report::new("某局", 2024), Section::Overview);
    focus(&mut h, "机关名称");
    h.get_by_label("机关名称").type_text("甲");
    // Let the burst settle into the history.
    h.run_steps(90);
    h.get_by_label("机关名称").type_text("乙");
    h.run();
    let organ = |h: &Harness<'_, App>| h.state().doc.as_ref().unwrap().report.organ.clone();
    assert!(
        organ(&h).contains('甲') && organ(&h).contains('乙'),
        "{}",
        organ(&h)
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let after = organ(&h);
    assert!(after.contains('甲') && !after.contains('乙'), "{after}");
    // Redo brings it back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert!(organ(&h).contains('乙'));
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut h = editor(assets::sample(), Section::Applications);
    type_into(&mut h, &label(AppRow::Granted, AppCol::Commercial), "1");
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    h.run();
    h.get_by_label("保存修改？");
    h.get_by_label("不保存");
    h.get_by_label("保存");
    h.get_by_label("取消").click();
    h.run();
    assert!(h.query_by_label("保存修改？").is_none());
    assert_eq!(value(&h, AppRow::Granted, AppCol::Commercial), Some(1));
}

#[test]
fn clicking_a_finding_goes_to_its_cell() {
    let mut r = assets::sample();
    *r.applications.get_mut(AppRow::CarriedOver, AppCol::Other) = Some(2);
    *r.applications.get_mut(AppRow::CarriedOver, AppCol::Total) = Some(2);
    let mut h = editor(r, Section::Overview);
    h.get_by_label_contains("三、其他列：第一项(0)+第二项(2)=2")
        .click();
    h.run();
    assert_eq!(h.state().tab, Section::Applications);
    assert!(
        h.get_by_label(&label(AppRow::NewReceived, AppCol::Other))
            .is_focused()
    );
}

#[test]
fn the_start_page_opens_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = launch(dir.path(), None, |_| {});
    h.get_by_label("新建年报");
    h.get_by_label("打开示例（阿戛镇2024年）").click();
    h.run();
    assert_eq!(
        h.state().doc.as_ref().unwrap().report.organ,
        "阿戛镇人民政府"
    );
    h.get_by_label("导语");
}

#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_dropped_file_opens_as_written_without_filling_totals() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("洪泽.nianbao.json");
    let mut r = assets::sample();
    // A published report whose total is wrong must stay wrong: 自动合计 never runs on opening.
    *r.applications
        .get_mut(AppRow::NewReceived, AppCol::NaturalPerson) = Some(4);
    nianbao::store::save(&path, &r).unwrap();

    let mut h = editor(Report::new("", 2024), Section::Overview);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    h.run();
    let doc = h.state().doc.as_ref().unwrap();
    assert_eq!(doc.report, r);
    assert_eq!(doc.path.as_deref(), Some(path.as_path()));
    h.get_by_label_contains("一、本年新收政府信息公开申请数量：自然人(4)");
}

#[test]
fn a_broken_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("坏.nianbao.json");
    std::fs::write(&path, "{\"schema\": \"nianbao.report/1\",").unwrap();
    let mut h = editor(assets::sample(), Section::Overview);
    h.state_mut()
        .enqueue(nianbao::ui::Command::OpenPath(path.clone()));
    h.run();
    h.get_by_label("无法打开年报文件");
    h.get_by_label_contains("文件在此处意外结束");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "{\"schema\": \"nianbao.report/1\","
    );
    // The open report is still there.
    assert_eq!(
        h.state().doc.as_ref().unwrap().report.organ,
        "阿戛镇人民政府"
    );
}

#[test]
fn ctrl_s_saves_to_the_file_it_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.nianbao.json");
    nianbao::store::save(&path, &assets::sample()).unwrap();
    let mut h = launch(dir.path(), Some(path.clone()), |_| {});
    h.state_mut().tab = Section::Appeals;
    h.run();
    type_into(
        &mut h,
        &CellRef::Appeal(
            nianbao::form::AppealGroup::Review,
            nianbao::form::AppealPart::Upheld,
        )
        .label(),
        "2",
    );
    assert!(h.state().doc.as_ref().unwrap().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().doc.as_ref().unwrap().is_dirty());
    let saved = nianbao::store::load(&path).unwrap();
    assert_eq!(saved.appeals.review.upheld, Some(2));
    // 自动合计 filled 行政复议·总计 as the clerk typed.
    assert_eq!(saved.appeals.review.total, Some(2));
    assert!(h.state().status().starts_with("已保存"));
}

#[test]
fn export_warns_about_errors_then_writes_the_pdf_where_asked() {
    let dir = tempfile::tempdir().unwrap();
    let mut r = assets::sample();
    *r.applications.get_mut(AppRow::Granted, AppCol::Total) = Some(1);
    let path = dir.path().join("阿戛镇.nianbao.json");
    let mut h = launch(dir.path(), None, move |app| {
        app.set_document(r, Some(path));
        // No system dialog in tests: the built-in path prompt instead.
        app.native_dialogs = false;
    });
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    h.get_by_label("年报中还有错误");
    h.get_by_label("返回修改").click();
    h.run();
    assert!(h.query_by_label("年报中还有错误").is_none());

    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    h.get_by_label("仍然导出").click();
    h.run();
    // The prompt suggests the conventional name beside the report.
    let expected = dir
        .path()
        .join("阿戛镇人民政府2024年政府信息公开工作年度报告.pdf");
    assert_eq!(
        h.get_by_label("文件路径").value().as_deref(),
        Some(expected.to_str().unwrap())
    );
    h.get_by_label("确定").click();
    h.run();
    h.get_by_label("PDF已导出");
    let bytes = std::fs::read(&expected).unwrap();
    assert!(bytes.starts_with(b"%PDF-1.7"));
    h.get_by_label("关闭").click();
    h.run();
    assert!(h.state().status().starts_with("已导出PDF"));
}

/// The editor with `dir` as its data folder (so a second editor started
/// there finds the first one's recovery copies) and the built-in path prompt.
fn editor_with_recovery(dir: &Path, path: Option<PathBuf>) -> Harness<'static, App> {
    launch(dir, path, |app| app.native_dialogs = false)
}

#[test]
fn after_a_crash_the_unsaved_report_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("年报.nianbao.json");
    nianbao::store::save(&file, &assets::sample()).unwrap();

    let mut h = editor_with_recovery(dir.path(), Some(file.clone()));
    type_into(&mut h, "机关名称", "（改）");
    let edited = h.state().doc.as_ref().unwrap().report.clone();
    assert!(edited.organ.ends_with("（改）"));
    // The window loses focus: the unsaved report is autosaved.
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .focused = Some(false);
    h.run();
    // A crash: the editor is gone without closing, the file never saved.
    drop(h);
    assert_eq!(nianbao::store::load(&file).unwrap(), assets::sample());

    let mut h = editor_with_recovery(dir.path(), None);
    h.get_by_label("恢复未保存的年报？");
    h.get_by_label_contains("自动保存了一份");
    h.get_by_label("恢复").click();
    h.run();
    let doc = h.state().doc.as_ref().unwrap();
    assert_eq!(doc.report, edited);
    assert_eq!(doc.path.as_deref(), Some(file.as_path()));
    assert!(doc.is_dirty(), "a restored report is not yet saved");

    // Saving it cleanly removes the copy: the next start offers nothing.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(nianbao::store::load(&file).unwrap(), edited);
    drop(h);
    let h = editor_with_recovery(dir.path(), None);
    assert!(h.query_by_label("恢复未保存的年报？").is_none());
}

#[test]
fn declining_the_recovered_copy_deletes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor_with_recovery(dir.path(), None);
    h.state_mut().set_document(Report::new("某局", 2024), None);
    h.run();
    type_into(&mut h, "机关名称", "甲");
    h.state_mut().autosave();
    drop(h);
    let mut h = editor_with_recovery(dir.path(), None);
    h.get_by_label("放弃").click();
    h.run();
    assert!(h.state().doc.is_none());
    drop(h);
    let h = editor_with_recovery(dir.path(), None);
    assert!(h.query_by_label("恢复未保存的年报？").is_none());
}

#[test]
fn saving_over_a_file_changed_elsewhere_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.nianbao.json");
    nianbao::store::save(&file, &assets::sample()).unwrap();
    let mut h = editor_with_recovery(dir.path(), Some(file.clone()));
    // Another program rewrites the file.
    let mut other = assets::sample();
    other.problems = "另一个窗口写的".into();
    nianbao::store::save(&file, &other).unwrap();

    type_into(&mut h, "机关名称", "乙");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("文件已被其他程序修改");
    h.get_by_label("取消").click();
    h.run();
    assert_eq!(nianbao::store::load(&file).unwrap(), other);

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("覆盖保存").click();
    h.run();
    let saved = nianbao::store::load(&file).unwrap();
    assert!(saved.organ.ends_with('乙'));
    // The version it replaced is kept beside it.
    let bak = nianbao::store::load(&nianbao::store::backup_path(&file)).unwrap();
    assert_eq!(bak, other);
}

/// The editor with no report open and the built-in path prompt for files.
fn editor_with_prompt(dir: &Path) -> Harness<'static, App> {
    editor_with_recovery(dir, None)
}

/// Replace the path the prompt suggests with `path` (select all, type), as a
/// clerk without a system file dialog would; the caller confirms.
fn replace_path(h: &mut Harness<'_, App>, path: &Path) {
    h.get_by_label("文件路径").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("文件路径").type_text(path.to_str().unwrap());
    h.run();
}

/// Answer the path prompt the way a clerk without a system file dialog would.
fn enter_path(h: &mut Harness<'_, App>, path: &Path) {
    h.run();
    let field = h.get_by_label("文件路径");
    field.focus();
    field.type_text(path.to_str().unwrap());
    h.run();
    h.get_by_label("确定").click();
    h.run();
}

#[test]
fn next_years_report_starts_from_last_years_and_checks_against_it() {
    let dir = tempfile::tempdir().unwrap();
    let last = dir.path().join("阿戛镇2024.nianbao.json");
    let mut prior = assets::sample();
    *prior
        .applications
        .get_mut(AppRow::CarriedForward, AppCol::NaturalPerson) = Some(2);
    nianbao::store::save(&last, &prior).unwrap();

    let mut h = editor_with_prompt(dir.path());
    h.get_by_label("从上年年报创建…").click();
    enter_path(&mut h, &last);
    {
        let doc = h.state().doc.as_ref().unwrap();
        assert_eq!(doc.report.year, 2025);
        assert_eq!(doc.report.organ, "阿戛镇人民政府");
        assert_eq!(doc.report.overview.intro, prior.overview.intro);
        assert_eq!(
            doc.report
                .applications
                .get(AppRow::CarriedOver, AppCol::NaturalPerson),
            Some(2)
        );
        assert_eq!(
            doc.report
                .applications
                .get(AppRow::NewReceived, AppCol::NaturalPerson),
            None
        );
        assert!(doc.path.is_none(), "not saved yet");
    }
    assert!(
        h.state()
            .status()
            .starts_with("已从2024年年报创建2025年年报")
    );
    assert!(h.state().prior.is_some());
    h.get_by_label("上年年报：阿戛镇2024.nianbao.json（2024年，用于跨年度核对）");
    // The copied text still speaks of 2024.
    assert!(
        h.query_all_by_label_contains("而本报告是2025年度的")
            .next()
            .is_some()
    );

    // Changing what was carried over is compared with last year's file.
    h.state_mut().tab = Section::Applications;
    h.run();
    type_into(
        &mut h,
        &label(AppRow::CarriedOver, AppCol::NaturalPerson),
        "5",
    );
    h.get_by_label_contains(
        "自然人列：本年“二、上年结转政府信息公开申请数量”为5，2024年年报“四、结转下年度继续办理”为2，相差3",
    );

    // Saved beside last year's file, the report names it by file name alone.
    let this = dir.path().join("阿戛镇2025.nianbao.json");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    replace_path(&mut h, &this);
    h.run();
    h.get_by_label("确定").click();
    h.run();
    let saved = nianbao::store::load(&this).unwrap();
    assert_eq!(saved.prior, "阿戛镇2024.nianbao.json");
}

#[test]
fn last_years_figure_shows_beside_the_cell() {
    let dir = tempfile::tempdir().unwrap();
    let last = dir.path().join("2024.nianbao.json");
    let mut prior = assets::sample();
    *prior.applications.get_mut(AppRow::Granted, AppCol::Total) = Some(40);
    *prior
        .applications
        .get_mut(AppRow::NewReceived, AppCol::Total) = Some(30);
    nianbao::store::save(&last, &prior).unwrap();
    let this = dir.path().join("2025.nianbao.json");
    let mut r = nianbao::report::next_year(&prior, "2024.nianbao.json");
    *r.applications.get_mut(AppRow::Granted, AppCol::Total) = Some(200);
    *r.applications.get_mut(AppRow::NewReceived, AppCol::Total) = Some(200);
    nianbao::store::save(&this, &r).unwrap();

    let mut h = editor_with_recovery(dir.path(), Some(this));
    h.state_mut().tab = Section::Applications;
    h.run();
    // Every cell shows last year's figure, whether or not it moved much; the
    // one that moved sharply, by plausibility.jump's own finding, says so —
    // （一）予以公开, which the rule does not compare, does not.
    let jump = "“一、本年新收政府信息公开申请数量·总计”本年为200，2024年年报为30，变化超过5倍";
    h.get_by_label(&label(AppRow::Granted, AppCol::Total))
        .hover();
    h.run();
    h.get_by_label_contains("上年：40");
    assert!(h.query_by_label_contains("上年：40\n").is_none());
    h.get_by_label(&label(AppRow::NewReceived, AppCol::Total))
        .hover();
    h.run();
    h.get_by_label_contains(&format!("上年：30\n{jump}"));
    let jumps: Vec<_> = h
        .state()
        .findings()
        .into_iter()
        .filter(|f| f.id == "plausibility.jump")
        .collect();
    assert_eq!(jumps.len(), 1, "{jumps:#?}");
    assert_eq!(
        jumps[0].cells,
        [CellRef::App(AppRow::NewReceived, AppCol::Total)]
    );
    h.get_by_label_contains("提示 1");
}

#[test]
fn a_published_page_imports_into_a_new_report_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("阿戛镇.html");
    std::fs::write(&page, nianbao::export::html::export(&assets::sample())).unwrap();
    let mut h = editor_with_prompt(dir.path());
    h.get_by_label("导入已发布的年报（网页、文本、Word、PDF）…")
        .click();
    enter_path(&mut h, &page);
    h.get_by_label("导入完成");
    h.get_by_label_contains("来源：网页");
    // For each table, what was read for certain and what was left blank.
    h.get_by_label_contains("表三：读到数字175格，原表空白0格，无法确定、已留空0格");
    let doc = h.state().doc.as_ref().unwrap();
    assert_eq!(doc.report.applications, assets::sample().applications);
    assert!(
        doc.path.is_none(),
        "an import is saved only when the clerk says where"
    );
}

#[test]
fn the_web_page_is_exported_where_asked() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor_with_prompt(dir.path());
    h.state_mut().set_document(assets::sample(), None);
    h.state_mut().native_dialogs = false;
    h.state_mut().enqueue(nianbao::ui::Command::ExportHtml);
    h.run();
    let target = dir.path().join("网页");
    replace_path(&mut h, &target);
    h.get_by_label("确定").click();
    h.run();
    h.get_by_label("网页已导出");
    let written = std::fs::read_to_string(dir.path().join("网页.html")).unwrap();
    assert!(written.contains("<h1 style=\"text-align:center;font-size:22px\">阿戛镇人民政府2024年政府信息公开工作年度报告</h1>"));
}

#[test]
fn a_missing_prior_file_is_said_and_the_report_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    let this = dir.path().join("2025.nianbao.json");
    let r = nianbao::report::next_year(&assets::sample(), "已删除的2024.nianbao.json");
    nianbao::store::save(&this, &r).unwrap();
    let h = editor_with_recovery(dir.path(), Some(this));
    assert_eq!(h.state().doc.as_ref().unwrap().report.year, 2025);
    assert!(h.state().prior.is_none());
    // Said beside the year, where it stays while the report is open.
    h.get_by_label_contains("上年年报“已删除的2024.nianbao.json”无法读取");
}

/// Ask the window to close, as its close button does.
fn request_close(h: &mut Harness<'_, App>) {
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    h.run();
}

/// Run frames until the editor settles; whether any of them asked the window to close.
fn run_seeing_close(h: &mut Harness<'_, App>) -> bool {
    let mut closed = false;
    for _ in 0..8 {
        h.step();
        closed |= h
            .output()
            .viewport_output
            .get(&ViewportId::ROOT)
            .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::Close));
    }
    closed
}

#[test]
fn closing_then_saving_over_a_file_changed_elsewhere_still_closes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.nianbao.json");
    nianbao::store::save(&file, &assets::sample()).unwrap();
    let mut h = editor_with_recovery(dir.path(), Some(file.clone()));
    let mut other = assets::sample();
    other.problems = "另一个窗口写的".into();
    nianbao::store::save(&file, &other).unwrap();
    type_into(&mut h, "机关名称", "乙");

    request_close(&mut h);
    h.get_by_label("保存").click();
    h.run();
    // The save has to ask first; the close must wait for the answer, not be lost.
    h.get_by_label("文件已被其他程序修改");
    h.get_by_label("覆盖保存").click();
    assert!(
        run_seeing_close(&mut h),
        "the window should close once saved"
    );
    assert!(nianbao::store::load(&file).unwrap().organ.ends_with('乙'));
}

#[test]
fn closing_then_saving_a_new_report_closes_once_a_path_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor_with_prompt(dir.path());
    h.state_mut().set_document(Report::new("某局", 2024), None);
    h.run();
    type_into(&mut h, "机关名称", "甲");

    request_close(&mut h);
    h.get_by_label("保存").click();
    h.run();
    // No system file dialog: the typed-path prompt asks where.
    let target = dir.path().join("新.nianbao.json");
    replace_path(&mut h, &target);
    h.get_by_label("确定").click();
    assert!(
        run_seeing_close(&mut h),
        "the window should close once saved"
    );
    assert_eq!(nianbao::store::load(&target).unwrap().organ, "某局甲");
}

/// Set for the child process of `the_real_data_folder_is_never_read`: the
/// fake home its real data folder is under.
const FAKE_HOME: &str = "NIANBAO_TEST_FAKE_HOME";

/// No editor test reads the machine's real data folder: with the home
/// folder pointed at a fake one that holds an orphaned recovery copy, an
/// editor given the real data folder offers it back, and the editors these
/// tests build do not. In a child process, the environment being per process.
#[test]
#[cfg(unix)]
fn the_real_data_folder_is_never_read() {
    let fake = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "planted_recovery_copy_child",
            "--exact",
            "--ignored",
            "--test-threads=1",
        ])
        .env(FAKE_HOME, fake.path())
        .env("HOME", fake.path())
        .env("XDG_DATA_HOME", fake.path().join("share"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
#[ignore = "run by the_real_data_folder_is_never_read, in a child process with a fake home"]
fn planted_recovery_copy_child() {
    let fake = std::env::var_os(FAKE_HOME).expect("run by the_real_data_folder_is_never_read");
    let real = nianbao::ui::data_dir().expect("a data folder under the fake home");
    // Never plant anything in a real user's folder.
    assert!(
        real.starts_with(&fake),
        "{} is not under the fake home",
        real.display()
    );
    // An orphaned copy, as a crashed editor leaves it.
    let store = nianbao::store::recovery::RecoveryStore::new(real.join("recovery"));
    store
        .write(
            &store.file_for(None, "planted"),
            None,
            &Report::new("某局", 2024),
        )
        .unwrap();
    let offered = |h: &Harness<'_, App>| h.query_by_label("恢复未保存的年报？").is_some();

    let mut with_real = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_eframe(|cc| App::new(cc, None, nianbao::ui::data_dir()));
    with_real.run();
    assert!(
        offered(&with_real),
        "the planted copy should be found there"
    );

    let dir = tempfile::tempdir().unwrap();
    assert!(!offered(&editor(assets::sample(), Section::Overview)));
    assert!(!offered(&editor_with_recovery(dir.path(), None)));
    assert!(!offered(&launch(dir.path(), None, |_| {})));
}

#[test]
fn the_word_file_is_exported_where_asked_under_the_conventional_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor_with_prompt(dir.path());
    h.state_mut().set_document(assets::sample(), None);
    h.state_mut().native_dialogs = false;
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label("导出Word…").click();
    h.run();
    // The prompt suggests {organ}{year}年政府信息公开工作年度报告.docx.
    let field = h.get_by_label("文件路径");
    let suggested = field.value().unwrap_or_default();
    assert!(
        suggested.ends_with("阿戛镇人民政府2024年政府信息公开工作年度报告.docx"),
        "{suggested}"
    );
    replace_path(&mut h, &dir.path().join("签批稿"));
    h.get_by_label("确定").click();
    h.run();
    h.get_by_label("Word文档已导出");
    // The file is the report: our own importer reads the tables back.
    let back = nianbao::source::open(&dir.path().join("签批稿.docx")).unwrap();
    assert_eq!(back.report.applications, assets::sample().applications);
    assert_eq!(back.report.organ, "阿戛镇人民政府");
}

#[test]
fn a_finding_opens_the_explanation_of_its_rule() {
    let mut r = assets::sample();
    *r.applications
        .get_mut(AppRow::NewReceived, AppCol::NaturalPerson) = Some(3);
    let mut e = editor(r, Section::Applications);
    let h = &mut e.h;
    h.get_by_label("说明：apps.balance").click();
    h.run();
    // The same text as `nianbao check --explain apps.balance`.
    let ex = nianbao::help::explain(nianbao::checks::Rule::AppsBalance).unwrap();
    h.get_by_label("表三各列收支不平衡（apps.balance，错误）");
    h.get_by_label(&ex.example);
    h.get_by_label(&ex.fix);
    // From one rule to the list of all, and to another.
    h.get_by_label("全部规则").click();
    h.run();
    h.get_by_label_contains("（apps.row_total，错误）").click();
    h.run();
    let fee = nianbao::help::explain(nianbao::checks::Rule::AppsRowTotal).unwrap();
    h.get_by_label(&fee.fix);
    h.get_by_label("关闭").click();
    h.run();
    assert!(h.query_by_label(&fee.fix).is_none(), "the help closes");
}

#[test]
fn the_help_menu_lists_every_rule_and_about_names_the_version_and_font_licences() {
    let mut e = editor(assets::sample(), Section::Overview);
    let h = &mut e.h;
    h.get_by_label("帮助").click();
    h.run();
    h.get_by_label("使用说明").click();
    h.run();
    for rule in nianbao::checks::Rule::ALL {
        h.get_by_label_contains(&format!("（{}，", rule.id()));
    }
    h.get_by_label("关闭").click();
    h.run();
    h.get_by_label("帮助").click();
    h.run();
    h.get_by_label("关于").click();
    h.run();
    h.get_by_label(&format!("版本 {}", env!("CARGO_PKG_VERSION")));
    h.get_by_label("LICENSE-NotoCJK.txt");
    h.get_by_label("LICENSE-LXGWWenKai.txt");
    assert_eq!(
        h.get_all_by_label_contains("SIL OPEN FONT LICENSE").count(),
        2,
        "both licence texts shown"
    );
}

#[test]
fn at_1024_by_768_the_tabs_take_short_names_on_one_line() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_path_buf();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .build_eframe(move |cc| {
            let mut app = App::new(cc, None, Some(dir));
            app.set_document(assets::sample(), None);
            app
        });
    h.run();
    let names: Vec<String> = Section::ALL.iter().map(|s| s.short_heading()).collect();
    assert_eq!(names[2], "三、依申请公开");
    let tops: Vec<f32> = names
        .iter()
        // The first node is the tab (一's page heading reads the same).
        .map(|n| h.get_all_by_label(n).next().unwrap().rect().top())
        .collect();
    assert!(
        tops.iter().all(|t| (t - tops[0]).abs() < 1.0),
        "the tabs take one line: {tops:?}"
    );
    assert!(
        h.query_by_label("三、收到和处理政府信息公开申请情况")
            .is_none(),
        "the long name is only on hover and on its page"
    );
    // Chosen, the tab's page is headed by the full heading.
    h.get_by_label("三、依申请公开").click();
    h.run();
    h.get_by_label("三、收到和处理政府信息公开申请情况");
}

#[test]
fn an_imported_report_shows_the_cells_we_could_not_read_not_as_the_publishers_blanks() {
    let dir = tempfile::tempdir().unwrap();
    let page =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/002_fujian-pingtan-2021.txt");
    let mut h = editor_with_prompt(dir.path());
    h.get_by_label("导入已发布的年报（网页、文本、Word、PDF）…")
        .click();
    enter_path(&mut h, &page);
    h.get_by_label("导入完成");
    let findings = h.state().findings();
    let unplaced: Vec<_> = findings
        .iter()
        .filter(|f| f.id == nianbao::checks::Rule::ImportUnplaced)
        .flat_map(|f| f.cells.clone())
        .collect();
    assert!(!unplaced.is_empty(), "{findings:?}");
    for f in findings
        .iter()
        .filter(|f| f.id == nianbao::checks::Rule::ValueBlank)
    {
        assert!(
            f.cells.iter().all(|c| !unplaced.contains(c)),
            "value.blank lists a cell we could not read: {f:?}"
        );
    }
    // Another report opened: the reading goes with the imported one.
    h.state_mut().set_document(assets::sample(), None);
    assert!(
        !h.state()
            .findings()
            .iter()
            .any(|f| f.id == nianbao::checks::Rule::ImportUnplaced)
    );
}

#[test]
fn a_second_recovered_copy_waits_until_the_first_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    // Two windows crashed, each leaving a copy of an unsaved new report.
    let store = nianbao::store::recovery::RecoveryStore::new(dir.path().join("recovery"));
    for (key, organ) in [("a", "甲局"), ("b", "乙局")] {
        store
            .write(&store.file_for(None, key), None, &Report::new(organ, 2024))
            .unwrap();
    }
    let mut h = editor_with_recovery(dir.path(), None);
    h.get_by_label("恢复").click();
    h.run();
    let first = h.state().doc.as_ref().unwrap().report.organ.clone();
    // The restored report is unsaved: taking the other copy now would put
    // it away. The second offer waits.
    assert!(
        h.query_by_label("恢复未保存的年报？").is_none(),
        "a second copy was offered over the unsaved first"
    );
    assert_eq!(h.state().doc.as_ref().unwrap().report.organ, first);
    // Saved, the first is safe; then the second is offered.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    replace_path(&mut h, &dir.path().join("第一份"));
    h.get_by_label("确定").click();
    h.run();
    assert_eq!(
        nianbao::store::load(&dir.path().join("第一份.nianbao.json"))
            .unwrap()
            .organ,
        first
    );
    h.get_by_label("恢复未保存的年报？");
}

/// Pages in the PDF exported from `report`, counted by lopdf.
fn pdf_pages(report: &Report) -> usize {
    let bytes = nianbao::export::pdf::export(report, 0).unwrap();
    lopdf::Document::load_mem(&bytes).unwrap().get_pages().len()
}

/// The page count the print preview shows (its “共N页”).
fn previewed_pages(h: &Harness<'_, App>) -> usize {
    use egui_kittest::kittest::NodeT;
    let counts: Vec<usize> = h
        .query_all_by_label_contains("页")
        .filter_map(|n| {
            let node = n.accesskit_node();
            let label = node.value().or_else(|| node.label())?;
            label.strip_prefix('共')?.strip_suffix('页')?.parse().ok()
        })
        .collect();
    assert_eq!(counts.len(), 1, "one page count shown: {counts:?}");
    counts[0]
}

#[test]
fn the_print_preview_counts_the_pdf_s_pages_and_follows_typing() {
    let report = assets::sample();
    let mut h = editor(report.clone(), Section::Problems);
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label_contains("打印预览").click();
    h.run();
    let before = pdf_pages(&report);
    assert_eq!(previewed_pages(&h), before);

    // A long 五、 adds pages, to the preview as to the PDF.
    let heading = Section::Problems.heading();
    let field = h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, &heading);
    field.focus();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, &heading)
        .type_text(&"针对群众反映的问题，逐条整改并建立长效机制。".repeat(120));
    h.run();
    let typed = h.state().doc.as_ref().unwrap().report.clone();
    assert_ne!(
        typed.problems, report.problems,
        "the text reached the report"
    );
    let after = pdf_pages(&typed);
    assert!(
        after > before,
        "{after} pages after typing, {before} before"
    );
    assert_eq!(previewed_pages(&h), after);
}

#[test]
fn ctrl_f2_opens_the_print_preview_and_its_zoom_buttons_work() {
    let mut h = editor(assets::sample(), Section::Overview);
    assert!(h.query_by_label_contains("适合宽度").is_none());
    // The print faces reach egui only when the preview first opens.
    let print_faces = |h: &Harness<'_, App>| {
        h.ctx.fonts(|f| {
            f.definitions()
                .font_data
                .keys()
                .filter(|k| k.starts_with("nianbao-print-"))
                .count()
        })
    };
    assert_eq!(print_faces(&h), 0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F2);
    h.run();
    assert_eq!(print_faces(&h), 4);
    assert_eq!(previewed_pages(&h), pdf_pages(&assets::sample()));
    h.get_by_label("100%").click();
    h.run();
    assert_eq!(shown_zoom(&h), 100);
    h.get_by_label("＋").click();
    h.run();
    assert_eq!(shown_zoom(&h), 125);
    // Ctrl+wheel over the pages zooms in.
    h.event(Event::PointerMoved(egui::pos2(1050.0, 500.0)));
    h.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, 1.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::COMMAND,
    });
    h.run();
    let zoomed = shown_zoom(&h);
    assert!(zoomed > 125, "Ctrl+wheel zoomed in: {zoomed}%");
    h.get_by_label("适合宽度").click();
    h.run();
    assert_ne!(shown_zoom(&h), zoomed);
}

/// The zoom the preview shows, in percent (its label, not the 100% button).
fn shown_zoom(h: &Harness<'_, App>) -> u32 {
    use egui_kittest::kittest::NodeT;
    let shown: Vec<u32> = h
        .query_all_by_role(egui::accesskit::Role::Label)
        .filter_map(|n| n.accesskit_node().value()?.strip_suffix('%')?.parse().ok())
        .collect();
    assert_eq!(shown.len(), 1, "{shown:?}");
    shown[0]
}

#[test]
fn the_ofd_is_exported_where_asked_under_the_conventional_name_after_the_errors_question() {
    let dir = tempfile::tempdir().unwrap();
    let mut r = assets::sample();
    *r.applications.get_mut(AppRow::Granted, AppCol::Total) = Some(1);
    let pages = pdf_pages(&r);
    let path = dir.path().join("阿戛镇.nianbao.json");
    let mut h = launch(dir.path(), None, move |app| {
        app.set_document(r, Some(path));
        app.native_dialogs = false;
    });
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label("导出OFD…").click();
    h.run();
    h.get_by_label_contains("带着错误导出的OFD不宜归档或公开");
    h.get_by_label("仍然导出").click();
    h.run();
    let expected = dir
        .path()
        .join("阿戛镇人民政府2024年政府信息公开工作年度报告.ofd");
    assert_eq!(
        h.get_by_label("文件路径").value().as_deref(),
        Some(expected.to_str().unwrap())
    );
    h.get_by_label("确定").click();
    h.run();
    h.get_by_label("OFD已导出");
    assert!(h.state().status().starts_with("已导出OFD"));
    // An OFD package: OFD.xml at its root, one content file per PDF page.
    let file = std::fs::File::open(&expected).unwrap();
    let zip = zip::ZipArchive::new(file).unwrap();
    let names: Vec<&str> = zip.file_names().collect();
    assert!(names.contains(&"OFD.xml"), "{names:?}");
    let contents = names.iter().filter(|n| n.ends_with("/Content.xml")).count();
    assert_eq!(contents, pages);
}

#[test]
fn a_failed_ofd_export_says_why_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor_with_prompt(dir.path());
    h.state_mut().set_document(assets::sample(), None);
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label("导出OFD…").click();
    h.run();
    // A folder that does not exist.
    let target = dir.path().join("没有这个文件夹").join("年报.ofd");
    replace_path(&mut h, &target);
    h.get_by_label("确定").click();
    h.run();
    h.get_by_label("导出失败");
    assert!(!target.exists());
    assert!(!h.state().status().starts_with("已导出"));
}

/// Pixels the frame fills in `colour`, within each mesh's clip rectangle (the
/// renderer's scissor): a triangle counted by its bounding box's clipped share.
fn area_filled_in(h: &Harness<'_, App>, colour: egui::Color32) -> f32 {
    let shapes = h.output().shapes.clone();
    let mut area = 0.0;
    for p in h.ctx.tessellate(shapes, h.ctx.pixels_per_point()) {
        let egui::epaint::Primitive::Mesh(mesh) = &p.primitive else {
            continue;
        };
        for t in mesh.indices.chunks(3) {
            let v = t
                .iter()
                .map(|&i| mesh.vertices[i as usize])
                .collect::<Vec<_>>();
            if v.iter().any(|v| v.color != colour) {
                continue;
            }
            let (a, b, c) = (v[0].pos, v[1].pos, v[2].pos);
            let bounds = egui::Rect::from_points(&[a, b, c]);
            let shown = bounds.intersect(p.clip_rect);
            if !shown.is_positive() {
                continue;
            }
            let triangle = ((b - a).x * (c - a).y - (b - a).y * (c - a).x).abs() / 2.0;
            area += triangle * (shown.area() / bounds.area()).min(1.0);
        }
    }
    area
}

/// The window clears itself in the panels' colour rather than filling every
/// panel (ui::run): the same look, a window's worth of pixels fewer a frame
/// for a software renderer.
#[test]
fn the_window_clears_to_the_panels_colour_instead_of_filling_them() {
    let size = egui::vec2(1280.0, 820.0);
    for clearing in [false, true] {
        let data = tempfile::tempdir().unwrap();
        let dir = data.path().to_path_buf();
        let mut h = Harness::builder().with_size(size).build_eframe(move |cc| {
            let mut app = App::new(cc, None, Some(dir));
            app.set_document(assets::sample(), None);
            if clearing {
                app.paint_panels_by_clearing(&cc.egui_ctx);
            }
            app
        });
        h.run();
        let dark = h.ctx.global_style().visuals.dark_mode;
        let panels = if dark {
            egui::Visuals::dark().panel_fill
        } else {
            egui::Visuals::light().panel_fill
        };
        let filled = area_filled_in(&h, panels);
        let visuals = h.ctx.global_style().visuals.clone();
        let cleared = eframe::App::clear_color(h.state(), &visuals);
        let window = size.x * size.y;
        if clearing {
            assert!(
                filled < window * 0.01,
                "{filled} of {window} pixels filled as panels"
            );
            assert_eq!(cleared, panels.to_normalized_gamma_f32());
        } else {
            // What the change saves: the panels covered the window.
            assert!(
                filled > window * 0.9,
                "{filled} of {window} pixels filled as panels"
            );
        }
    }
}

/// A second after start, the desktop editor has the allocator give back
/// what start-up freed (desktop::give_back_freed_memory): mimalloc keeps
/// freed pages until it next allocates, which an idle editor never does.
/// Asked of the test's own blocks (mincore), so that other tests running
/// at the same time cannot change the answer.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)] // mimalloc's own calls, to hold blocks it keeps.
#[test]
fn freed_memory_is_given_back_when_the_editor_asks() {
    const BLOCK: usize = 256 << 10;
    // SAFETY: sysconf only reads a system constant.
    let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap();
    // Pages of the blocks still in memory (a range no longer mapped has none).
    let resident = |blocks: &[usize]| -> usize {
        let mut pages = vec![0u8; BLOCK.div_ceil(page) + 1];
        blocks
            .iter()
            .map(|&b| {
                let start = b / page * page;
                let len = b + BLOCK - start;
                // SAFETY: mincore only writes one byte per page of the range
                // into `pages`, which has room for them.
                let ok = unsafe { libc::mincore(start as *mut _, len, pages.as_mut_ptr()) } == 0;
                let n = len.div_ceil(page);
                if ok {
                    pages[..n].iter().filter(|p| **p & 1 == 1).count()
                } else {
                    0
                }
            })
            .sum()
    };
    // 64 MB in blocks of 256 KB, touched, then freed: mimalloc keeps them.
    let blocks: Vec<usize> = (0..256)
        .map(|_| {
            // SAFETY: mi_malloc returns a block of the size asked or null.
            let p = unsafe { libmimalloc_sys::mi_malloc(BLOCK) }.cast::<u8>();
            assert!(!p.is_null());
            // SAFETY: the block holds BLOCK bytes.
            unsafe { std::ptr::write_bytes(p, 1, BLOCK) };
            p as usize
        })
        .collect();
    for &p in &blocks {
        // SAFETY: each block came from mi_malloc and is freed once.
        unsafe { libmimalloc_sys::mi_free(p as *mut _) };
    }
    let total = blocks.len() * BLOCK / page;
    let kept = resident(&blocks);
    assert!(kept * 2 > total, "{kept} of {total} pages kept after free");
    nianbao::desktop::give_back_freed_memory();
    let left = resident(&blocks);
    assert!(left * 10 < total, "{left} of {total} pages still in memory");
}

/// What the editor unmaps a second after start (desktop::
/// unmap_read_only_file_pages): the pages of a file it only reads leave the
/// process (the kernel's page map says so) and read the same again; a page a
/// private mapping wrote, made read-only after (as the loader does with a
/// library's relocated tables), is kept with what was written.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)] // mmap and the page map, to watch the call's effect.
#[test]
fn pages_of_files_only_read_are_unmapped_and_written_ones_kept() {
    use std::io::{Read, Seek, SeekFrom, Write};
    use std::os::fd::AsRawFd;
    const PAGES: usize = 64;
    // SAFETY: sysconf only reads a system constant.
    let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap();
    let len = PAGES * page;
    let content: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
    // By a name: the mapping of a file removed is left alone.
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(&content).unwrap();
    let file = file.as_file();
    let map = |prot| {
        // SAFETY: a new private mapping of the whole file, checked below.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                prot,
                libc::MAP_PRIVATE,
                file.as_raw_fd(),
                0,
            )
        };
        assert_ne!(p, libc::MAP_FAILED);
        p.cast::<u8>()
    };
    // Pages of the mapping at `p` present in this process's page table.
    let present = |p: *const u8| -> usize {
        let mut pagemap = std::fs::File::open("/proc/self/pagemap").unwrap();
        pagemap
            .seek(SeekFrom::Start((p as usize / page * 8) as u64))
            .unwrap();
        let mut entries = vec![0u8; PAGES * 8];
        pagemap.read_exact(&mut entries).unwrap();
        entries
            .chunks(8)
            .filter(|e| u64::from_le_bytes((*e).try_into().unwrap()) >> 63 == 1)
            .count()
    };
    let read = map(libc::PROT_READ);
    // SAFETY: the mapping holds `len` readable bytes for the whole test.
    let view = |p: *const u8| unsafe { std::slice::from_raw_parts(p, len) };
    assert_eq!(view(read), &content[..]);
    assert_eq!(present(read), PAGES);
    let written = map(libc::PROT_READ | libc::PROT_WRITE);
    // SAFETY: the first byte of a writable mapping; then made read-only.
    unsafe {
        *written = 0xEE;
        assert_eq!(libc::mprotect(written.cast(), len, libc::PROT_READ), 0);
    }

    assert!(nianbao::desktop::unmap_read_only_file_pages() >= len);
    let left = present(read);
    assert!(left * 10 < PAGES, "{left} of {PAGES} pages still mapped");
    assert_eq!(view(read), &content[..]);
    assert_eq!(view(written)[0], 0xEE);
    assert_eq!(&view(written)[1..], &content[1..]);
    // SAFETY: both mappings are unused from here.
    unsafe {
        libc::munmap(read.cast(), len);
        libc::munmap(written.cast(), len);
    }
}

/// The desktop editor gives back what start-up freed once, a second after
/// start, not at the first frame (which frees much of start-up's memory).
#[test]
fn the_editor_gives_back_start_up_memory_a_second_after_start() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_path_buf();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .with_step_dt(0.1)
        .build_eframe(move |cc| {
            let mut app = App::new(cc, None, Some(dir));
            app.give_back_start_up_memory();
            app
        });
    h.step();
    assert!(h.state().giving_back_pending());
    for _ in 0..12 {
        h.step();
    }
    assert!(!h.state().giving_back_pending());
}

/// A 导语 of one paragraph of 6 500 characters (laid out in pieces of rows,
/// again only from the piece an edit falls in: ui::long_text) takes typing
/// and the cursor keys where the cursor is, near its start, middle and end.
#[test]
fn typing_into_one_long_paragraph_edits_where_the_cursor_is() {
    use egui::text::{CCursor, CCursorRange};
    use egui::text_edit::TextEditState;
    let mut report = assets::sample();
    let long = "政府信息公开工作年度报告，".repeat(500);
    report.overview.intro = long.clone();
    let mut h = editor(report, Section::Overview);
    focus(&mut h, "导语");
    let id = nianbao::ui::cell_id(CellRef::OverviewIntro);
    let mut expected: Vec<char> = long.chars().collect();
    for at in [5, 3_333, 6_400] {
        let mut state = TextEditState::load(&h.ctx, id).unwrap();
        state
            .cursor
            .set_char_range(Some(CCursorRange::one(CCursor::new(at))));
        state.store(&h.ctx, id);
        h.run();
        h.get_by_label("导语").type_text("新增");
        h.run();
        h.key_press(egui::Key::ArrowLeft);
        h.run();
        h.get_by_label("导语").type_text("A");
        h.run();
        expected.splice(at..at, "新A增".chars());
        let intro = &h.state().doc.as_ref().unwrap().report.overview.intro;
        assert_eq!(*intro, expected.iter().collect::<String>(), "typed at {at}");
    }
}
