//! `citation.outdated` (FORMAT.md): a report whose stated basis is the 2019
//! format's notice or the 2007 regulation — and the published reports that
//! rightly cite what was in force in their year.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

use std::path::Path;

use nianbao::assets;
use nianbao::checks::{self, Finding, Severity};
use nianbao::import;
use nianbao::report::{CellRef, Report};

fn outdated(r: &Report) -> Vec<Finding> {
    checks::run(r, None, &|_| true)
        .into_iter()
        .filter(|f| f.id == "citation.outdated")
        .collect()
}

fn corpus(stem: &str) -> Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(format!("{stem}.txt"));
    import::import_file(&path)
        .unwrap_or_else(|e| panic!("{stem}: {e}"))
        .report
}

const BASIS_2019: &str = "根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求，编制本报告。本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。";

#[test]
fn a_report_citing_the_2019_notice_as_its_basis() {
    let mut r = assets::sample();
    r.preamble = BASIS_2019.into();
    let f = outdated(&r);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(f[0].cells, [CellRef::Preamble, CellRef::Year]);
    assert_eq!(
        f[0].message,
        "前言以国办公开办函〔2019〕60号为编制依据，那是2019、2020年度年报的格式：2024年度的年报应按国办公开办函〔2021〕30号规定的格式编制，请改为引用国办公开办函〔2021〕30号"
    );
    // Brackets of any kind, full-width digits, spaces: the same citation.
    for cited in [
        "国办公开办函[2019]60号",
        "国办公开办函［2019］60号",
        "国办公开办函【２０１９】６０号",
        "国办公开办函(2019)60号",
        "国办公开办函（2019）60 号",
    ] {
        r.preamble = BASIS_2019.replace("国办公开办函〔2019〕60号", cited);
        assert_eq!(outdated(&r).len(), 1, "{cited}");
    }
}

#[test]
fn the_2019_notice_is_right_before_2021_or_beside_the_2021_one() {
    let mut r = assets::sample();
    r.preamble = BASIS_2019.into();
    r.year = 2020;
    assert!(outdated(&r).is_empty());
    r.year = 2021;
    assert_eq!(outdated(&r).len(), 1);
    // Also citing the notice in force: the old one is history, not the basis.
    r.preamble = BASIS_2019.replace(
        "（国办公开办函〔2019〕60号）",
        "（国办公开办函〔2019〕60号）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
    );
    assert!(outdated(&r).is_empty());
    // Named, but not as the basis of this report.
    r.preamble = "国办公开办函〔2019〕60号印发的试行格式自2021年度起不再使用。".into();
    assert!(outdated(&r).is_empty());
}

#[test]
fn the_regulation_before_its_2019_revision() {
    let mut r = assets::sample();
    r.preamble =
        "依据《中华人民共和国政府信息公开条例》（国务院令第492号）的规定编制本报告。".into();
    let f = outdated(&r);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].cells, [CellRef::Preamble, CellRef::Year]);
    assert_eq!(
        f[0].message,
        "前言引用的《中华人民共和国政府信息公开条例》是修订前的版本（国务院令第492号）：条例已于2019年修订（国令第711号），2024年度的年报应以修订后的条例为依据，请改为引用国令第711号"
    );
    r.preamble = "按照《条例》（国令第４９２号）要求编制本报告。".into();
    let f = outdated(&r);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(f[0].message.contains("（国令第492号）"), "{}", f[0].message);
    // The revised regulation cited too; or a report from before the revision.
    r.preamble = "按照《条例》（国令第492号，2019年修订为国令第711号）要求编制本报告。".into();
    assert!(outdated(&r).is_empty());
    r.preamble =
        "依据《中华人民共和国政府信息公开条例》（国务院令第492号）的规定编制本报告。".into();
    r.year = 2018;
    assert!(outdated(&r).is_empty());
    r.year = 2019;
    assert_eq!(outdated(&r).len(), 1);
}

/// 平潭 2020 rightly cites 60号 (the form of its year); 洪泽 2023 cites
/// 国令第 711 号 with spaces; 沭阳 2025 and 平潭 2022 cite 30号.
#[test]
fn published_reports_cite_what_was_in_force() {
    for stem in [
        "000_guizhou-shuicheng-agazhen-2024",
        "001_fujian-pingtan-2020-format2019",
        "002_fujian-pingtan-2021",
        "003_fujian-pingtan-2022",
        "007_shanghai-municipal-office-2019-format2019",
        "008_jiangsu-huaian-hongzequ-2023",
        "032_jiangsu-shuyang-county-2025",
    ] {
        let f = outdated(&corpus(stem));
        assert!(f.is_empty(), "{stem}: {f:#?}");
    }
    // The same preamble a year later is out of date.
    let mut r = corpus("001_fujian-pingtan-2020-format2019");
    assert!(r.preamble.contains("（国办公开办函〔2019〕60号）"));
    r.year = 2021;
    assert_eq!(outdated(&r).len(), 1);
}
