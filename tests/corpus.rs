//! Real published reports, their tables transcribed by hand into
//! `tests/fixtures/*.nianbao.json` from `tests/corpus/expected/` (copies of
//! `../shared/expected/`). The expected file is the one source of truth: each
//! fixture holds its figures, and the checks raise exactly the 错误 it lists
//! and at least its 警告.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

mod expected;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use expected::Expected;
use nianbao::checks::{self, Finding};
use nianbao::form::{AppCol, AppRow, AppealGroup, AppealPart, Section};
use nianbao::report::{CellRef, Report};
use nianbao::store;

/// Every `tests/fixtures/*.nianbao.json`, by stem, in name order.
fn fixtures() -> Vec<(String, Report)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let stem = name.strip_suffix(".nianbao.json")?.to_string();
            let report = store::load(&e.path()).unwrap_or_else(|e| panic!("{name}: {e}"));
            Some((stem, report))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn fixture(stem: &str) -> Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{stem}.nianbao.json"));
    store::load(&path).unwrap_or_else(|e| panic!("{stem}: {e}"))
}

fn findings(r: &Report) -> Vec<Finding> {
    checks::run(r, None, &|_| true)
}

#[test]
fn each_fixture_holds_its_expected_figures() {
    let fixtures = fixtures();
    // The seven complete reports of the shared corpus; a lost file fails here.
    assert_eq!(fixtures.len(), 7);
    for (stem, report) in &fixtures {
        Expected::load(stem).assert_figures(report);
    }
}

#[test]
fn each_published_report_raises_exactly_its_errors() {
    for (stem, report) in fixtures() {
        Expected::load(&stem).assert_findings(&findings(&report));
    }
}

/// The comparison above is not vacuous: an error raised but not listed fails
/// it, and so does one listed but not raised.
#[test]
fn an_unlisted_or_a_missing_error_fails_the_comparison() {
    let clean = "000_guizhou-shuicheng-agazhen-2024";
    let faulty = "001_fujian-pingtan-2020-format2019";
    let faulty_findings = findings(&fixture(faulty));
    assert!(!Expected::load(faulty).errors().is_empty());
    assert!(Expected::load(clean).errors().is_empty());
    for (stem, found) in [
        (clean, faulty_findings.clone()),
        (faulty, findings(&fixture(clean))),
    ] {
        let exp = Expected::load(stem);
        let result = catch_unwind(AssertUnwindSafe(|| exp.assert_findings(&found)));
        assert!(result.is_err(), "{stem}");
    }
}

#[test]
fn shanghai_2019_blank_cells_are_warned_not_summed() {
    let stem = "007_shanghai-municipal-office-2019-format2019";
    let exp = Expected::load(stem);
    let blank: Vec<CellRef> = findings(&fixture(stem))
        .into_iter()
        .filter(|f| f.id == "value.blank")
        .flat_map(|f| f.cells)
        .filter(|c| matches!(c.section(), Section::Applications | Section::Appeals))
        .collect();
    // Every blank cell of tables B and C, 总计 of the outcome rows and the
    // empty 行政复议·结果纠正 among them, and nothing else.
    assert_eq!(blank, exp.blank_cells());
    assert!(blank.contains(&CellRef::App(AppRow::Granted, AppCol::Total)));
    assert!(blank.contains(&CellRef::Appeal(AppealGroup::Review, AppealPart::Corrected)));
}

#[test]
fn pingtan_2020_names_both_failing_columns() {
    let messages: Vec<_> = findings(&fixture("001_fujian-pingtan-2020-format2019"))
        .into_iter()
        .filter(|f| f.id == "apps.outcome_total")
        .map(|f| f.message)
        .collect();
    assert_eq!(messages.len(), 2);
    assert!(messages[0].starts_with("三、自然人列：办理结果（一）至（六）之和为26"));
    assert!(messages[0].ends_with("（七）总计为20，相差6"));
    assert!(messages[1].starts_with("三、总计列：办理结果（一）至（六）之和为27"));
    assert!(messages[1].ends_with("（七）总计为21，相差6"));
}

#[test]
fn hongze_2023_names_both_failing_groups() {
    let messages: Vec<_> = findings(&fixture("008_jiangsu-huaian-hongzequ-2023"))
        .into_iter()
        .filter(|f| f.id == "appeals.total")
        .map(|f| f.message)
        .collect();
    assert_eq!(
        messages,
        [
            "四、行政复议：结果维持(10)+结果纠正(1)+其他结果(0)+尚未审结(0)=11，总计为0，相差11",
            "四、行政诉讼·复议后起诉：结果维持(5)+结果纠正(0)+其他结果(0)+尚未审结(0)=5，总计为0，相差5"
        ]
    );
}
