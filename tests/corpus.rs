//! Real published reports, their tables transcribed by hand from
//! `../shared/expected/` into `tests/fixtures/`: the checks raise exactly the
//! 错误 that reviewers found in them, and at least the listed 警告.

use std::path::Path;

use nianbao::checks::{self, Severity};
use nianbao::store;

fn ids(file: &str, severity: Severity) -> Vec<&'static str> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(file);
    let report = store::load(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut ids: Vec<_> = checks::run(&report, None, &|_| true)
        .into_iter()
        .filter(|f| f.severity == severity)
        .map(|f| f.id)
        .collect();
    ids.dedup();
    ids
}

#[test]
fn each_published_report_raises_exactly_its_errors() {
    let cases: [(&str, &[&str]); 6] = [
        ("000_guizhou-shuicheng-agazhen-2024.nianbao.json", &[]),
        (
            "001_fujian-pingtan-2020-format2019.nianbao.json",
            &["apps.outcome_total"],
        ),
        ("002_fujian-pingtan-2021.nianbao.json", &[]),
        ("003_fujian-pingtan-2022.nianbao.json", &[]),
        (
            "007_shanghai-municipal-office-2019-format2019.nianbao.json",
            &[],
        ),
        (
            "008_jiangsu-huaian-hongzequ-2023.nianbao.json",
            &["appeals.total"],
        ),
    ];
    for (file, errors) in cases {
        assert_eq!(ids(file, Severity::Error), errors, "{file}");
    }
}

#[test]
fn shanghai_2019_blank_totals_are_warned_not_summed() {
    let warnings = ids(
        "007_shanghai-municipal-office-2019-format2019.nianbao.json",
        Severity::Warning,
    );
    assert!(warnings.contains(&"value.blank"), "{warnings:?}");
}

#[test]
fn pingtan_2020_names_both_failing_columns() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/001_fujian-pingtan-2020-format2019.nianbao.json");
    let report = store::load(&path).unwrap();
    let messages: Vec<_> = checks::run(&report, None, &|_| true)
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
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/008_jiangsu-huaian-hongzequ-2023.nianbao.json");
    let report = store::load(&path).unwrap();
    let messages: Vec<_> = checks::run(&report, None, &|_| true)
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
