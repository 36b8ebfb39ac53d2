//! From last year's report to this year's, the cross-year checks
//! (`carry.prior_year`, `proactive.in_force`, `narrative.copied`,
//! `plausibility.jump`), and the web
//! page for the portal.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

mod common;
use common::nianbao;
use std::fs;
use std::path::Path;

use nianbao::assets;
use nianbao::checks::{self, Finding};
use nianbao::export::html;
use nianbao::form::{AppCol, AppRow, AppealGroup, AppealPart, ProactiveField, Section};
use nianbao::report::{CellRef, Report, next_year};
use nianbao::store;
use scraper::{ElementRef, Html, Selector};

fn findings(r: &Report, prior: Option<&Report>, id: &str) -> Vec<Finding> {
    checks::run(r, prior, &|_| true)
        .into_iter()
        .filter(|f| f.id == id)
        .collect()
}

/// Last year's report with something carried forward and rules in force.
fn last_year() -> Report {
    let mut r = assets::sample();
    // Two applications left open at the end of 2024: one natural person, one company.
    let row = r.applications.row_mut(AppRow::CarriedForward);
    row[AppCol::NaturalPerson.index()] = Some(1);
    row[AppCol::Commercial.index()] = Some(1);
    row[AppCol::Total.index()] = Some(2);
    let row = r.applications.row_mut(AppRow::NewReceived);
    row[AppCol::NaturalPerson.index()] = Some(1);
    row[AppCol::Commercial.index()] = Some(1);
    row[AppCol::Total.index()] = Some(2);
    r.proactive.normative_documents = nianbao::report::DocCounts {
        issued: Some(3),
        repealed: Some(1),
        in_force: Some(12),
    };
    r
}

#[test]
fn next_year_keeps_the_text_and_carries_the_figures_the_form_carries() {
    let prior = last_year();
    let next = next_year(&prior, "阿戛镇2024.nianbao.json");
    assert_eq!(next.year, 2025);
    assert_eq!(next.organ, "阿戛镇人民政府");
    assert_eq!(next.prior, "阿戛镇2024.nianbao.json");
    assert_eq!(next.overview, prior.overview);
    assert_eq!(next.preamble, prior.preamble);
    assert_eq!(next.problems, prior.problems);
    assert_eq!(next.other_matters, prior.other_matters);
    assert_eq!(
        next.applications.row(AppRow::CarriedOver),
        &[
            Some(1),
            Some(1),
            Some(0),
            Some(0),
            Some(0),
            Some(0),
            Some(2)
        ]
    );
    // 现行有效 starts from last year's; everything else waits for this year's figures.
    assert_eq!(next.proactive.normative_documents.in_force, Some(12));
    assert_eq!(next.proactive.normative_documents.issued, None);
    assert_eq!(next.proactive.rules.in_force, Some(0));
    assert_eq!(next.proactive.fees_wan_yuan, "");
    for cell in CellRef::table_cells() {
        let carried = matches!(cell, CellRef::App(AppRow::CarriedOver, _))
            || cell == CellRef::ProactiveField(ProactiveField::RulesInForce)
            || cell == CellRef::ProactiveField(ProactiveField::NormativeInForce);
        if !carried {
            assert_eq!(next.count(cell), None, "{} should be blank", cell.label());
        }
    }
    // The copied text still says 2024: the year check points at it.
    let stale = findings(&next, Some(&prior), "year.mismatch");
    assert!(!stale.is_empty());
    // The carried figures agree with last year by construction.
    assert!(findings(&next, Some(&prior), "carry.prior_year").is_empty());
}

#[test]
fn a_carry_that_differs_from_last_year_is_named_per_column() {
    let prior = last_year();
    let mut r = next_year(&prior, "");
    let row = r.applications.row_mut(AppRow::CarriedOver);
    row[AppCol::NaturalPerson.index()] = Some(0);
    row[AppCol::Other.index()] = Some(4);
    let found = findings(&r, Some(&prior), "carry.prior_year");
    let messages: Vec<_> = found.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "自然人列：本年“二、上年结转政府信息公开申请数量”为0，2024年年报“四、结转下年度继续办理”为1，相差1；两者应相等",
            "其他列：本年“二、上年结转政府信息公开申请数量”为4，2024年年报“四、结转下年度继续办理”为0，相差4；两者应相等",
        ]
    );
    assert_eq!(
        found[0].cells,
        [CellRef::App(AppRow::CarriedOver, AppCol::NaturalPerson)]
    );
    assert_eq!(found[0].severity, checks::Severity::Warning);
    // Without last year's report there is nothing to compare.
    assert!(findings(&r, None, "carry.prior_year").is_empty());
}

#[test]
fn rules_in_force_follow_from_last_year_or_get_a_hint() {
    let prior = last_year();
    let mut r = next_year(&prior, "");
    r.proactive.normative_documents.issued = Some(5);
    r.proactive.normative_documents.repealed = Some(2);
    r.proactive.normative_documents.in_force = Some(15);
    assert!(findings(&r, Some(&prior), "proactive.in_force").is_empty());

    r.proactive.normative_documents.in_force = Some(12);
    let found = findings(&r, Some(&prior), "proactive.in_force");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, checks::Severity::Info);
    assert_eq!(
        found[0].message,
        "“行政规范性文件·现行有效件数”为12，而2024年现行有效(12)+本年制发(5)−本年废止(2)=15，相差3；如有清理、修订等其他变化，可不理会"
    );
    assert_eq!(
        found[0].cells[0],
        CellRef::ProactiveField(ProactiveField::NormativeInForce)
    );

    // More repealed than were ever in force: a negative expectation, no overflow.
    r.proactive.normative_documents.repealed = Some(u64::MAX);
    r.proactive.normative_documents.in_force = Some(u64::MAX);
    let found = findings(&r, Some(&prior), "proactive.in_force");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.contains("=-18446744073709551598"),
        "{}",
        found[0].message
    );
}

/// `text` with every year `from` written as `to`.
fn years_changed(text: &str, from: u16, to: u16) -> String {
    text.replace(&from.to_string(), &to.to_string())
}

#[test]
fn last_years_report_with_only_the_years_changed_is_a_copy() {
    let prior = assets::sample();
    let mut r = next_year(&prior, "");
    let (from, to) = (prior.year, r.year);
    r.overview.intro = years_changed(&r.overview.intro, from, to);
    for part in &mut r.overview.parts {
        part.body = years_changed(&part.body, from, to);
    }
    r.problems = years_changed(&r.problems, from, to);
    r.other_matters = years_changed(&r.other_matters, from, to);
    let found = findings(&r, Some(&prior), "narrative.copied");
    // 一 and 五; 六 (“本年度没有依申请公开信件处理费,无其他需要报告的事项”) is too short to tell.
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].severity, checks::Severity::Warning);
    let mut overview = vec![CellRef::OverviewIntro];
    overview.extend((0..5).map(CellRef::OverviewPart));
    assert_eq!(found[0].cells, overview);
    assert_eq!(found[1].cells, [CellRef::Problems]);
    for (f, heading) in found
        .iter()
        .zip(["一、总体情况", "五、存在的主要问题及改进情况"])
    {
        assert!(
            f.message.starts_with(&format!("{heading}的文字有100%（")),
            "{}",
            f.message
        );
        assert!(
            f.message.ends_with(
                "字）与2024年年报的句子相同（年份、数字不计）：是否只改了年份？请按本年度的工作改写，避免内容雷同"
            ),
            "{}",
            f.message
        );
    }
    // Rewritten, it is this year's own.
    r.problems = "本年度新出现的问题是网站改版后部分栏目迁移不完整，群众反映查找不便，已于第四季度逐项补齐。".repeat(3);
    assert_eq!(findings(&r, Some(&prior), "narrative.copied").len(), 1);
    // Without last year's report there is nothing to compare.
    assert!(findings(&r, None, "narrative.copied").is_empty());
}

/// A sentence of `n` characters as the rule counts them: "2024年" is two.
fn sentence(n: usize, fill: char) -> String {
    format!("2024年{}。", fill.to_string().repeat(n - 2))
}

#[test]
fn copied_from_sixty_percent_of_a_hundred_characters() {
    let mut prior = Report::new("阿戛镇人民政府", 2024);
    // Last year's 六 holds the sentence; this year's 五 repeats it, another year in it.
    prior.other_matters = sentence(60, '甲');
    let mut r = assets::sample();
    r.year = 2025;
    let this_year = |copied: usize, own: usize| {
        format!(
            "{}{}。短句不计。",
            sentence(copied, '甲').replace("2024", "2025"),
            "乙".repeat(own)
        )
    };
    r.problems = this_year(60, 40);
    let found = findings(&r, Some(&prior), "narrative.copied");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].cells, [CellRef::Problems]);
    assert_eq!(
        found[0].message,
        "五、存在的主要问题及改进情况的文字有60%（100字中的60字）与2024年年报的句子相同（年份、数字不计）：是否只改了年份？请按本年度的工作改写，避免内容雷同"
    );
    // 59 %: not flagged.
    prior.other_matters = sentence(59, '甲');
    r.problems = this_year(59, 41);
    assert!(findings(&r, Some(&prior), "narrative.copied").is_empty());
    // All copied, but under 100 characters: too short to tell.
    prior.other_matters = sentence(99, '甲');
    r.problems = this_year(99, 0);
    assert!(findings(&r, Some(&prior), "narrative.copied").is_empty());
    prior.other_matters = sentence(100, '甲');
    r.problems = this_year(100, 0);
    assert_eq!(findings(&r, Some(&prior), "narrative.copied").len(), 1);
}

#[test]
fn a_real_consecutive_pair_is_not_a_copy() {
    // 平潭 2021 and 2022 as published: each year's own text.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let read = |name: &str| {
        nianbao::import::import_file(&root.join(name))
            .unwrap()
            .report
    };
    let prior = read("002_fujian-pingtan-2021.txt");
    let r = read("003_fujian-pingtan-2022.txt");
    assert!(findings(&r, Some(&prior), "narrative.copied").is_empty());
    assert_eq!(findings(&r, Some(&r), "narrative.copied").len(), 2);
}

#[test]
fn a_figure_that_moved_more_than_fivefold() {
    let prior = assets::sample();
    let mut r = next_year(&prior, "");
    let cell = CellRef::App(AppRow::OutcomeTotal, AppCol::Total);
    // Last year 0: 20 is a jump, 19 is chance.
    *r.count_mut(cell).unwrap() = Some(19);
    assert!(findings(&r, Some(&prior), "plausibility.jump").is_empty());
    *r.count_mut(cell).unwrap() = Some(20);
    let found = findings(&r, Some(&prior), "plausibility.jump");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].severity, checks::Severity::Info);
    assert_eq!(found[0].cells, [cell]);
    assert_eq!(
        found[0].message,
        "“三、（七）总计·总计”本年为20，2024年年报为0，变化超过5倍：请核对是否填错行、多填或漏填了位数；如确实如此，可不理会"
    );
    // Down as well as up; exactly five times is not more than five.
    let mut last = prior.clone();
    *last.count_mut(cell).unwrap() = Some(120);
    *r.count_mut(cell).unwrap() = Some(24);
    assert!(findings(&r, Some(&last), "plausibility.jump").is_empty());
    *r.count_mut(cell).unwrap() = Some(23);
    assert_eq!(findings(&r, Some(&last), "plausibility.jump").len(), 1);
    // A blank figure either year is value.blank's.
    *r.count_mut(cell).unwrap() = None;
    assert!(findings(&r, Some(&last), "plausibility.jump").is_empty());
    assert!(findings(&r, None, "plausibility.jump").is_empty());
}

#[test]
fn the_figures_plausibility_jump_compares() {
    let prior = assets::sample();
    let compared = [
        CellRef::ProactiveField(ProactiveField::RulesIssued),
        CellRef::ProactiveField(ProactiveField::NormativeIssued),
        CellRef::ProactiveField(ProactiveField::Licensing),
        CellRef::ProactiveField(ProactiveField::Punishment),
        CellRef::ProactiveField(ProactiveField::Enforcement),
        CellRef::App(AppRow::NewReceived, AppCol::Total),
        CellRef::App(AppRow::OutcomeTotal, AppCol::Total),
        CellRef::Appeal(AppealGroup::Review, AppealPart::Total),
        CellRef::Appeal(AppealGroup::SuitDirect, AppealPart::Total),
        CellRef::Appeal(AppealGroup::SuitAfterReview, AppealPart::Total),
    ];
    // Every figure of the three tables from 0 to 100: only these ten are compared.
    let mut r = prior.clone();
    r.year = 2025;
    for cell in CellRef::table_cells() {
        if let Some(v) = r.count_mut(cell) {
            *v = Some(100);
        }
    }
    let found: Vec<CellRef> = findings(&r, Some(&prior), "plausibility.jump")
        .into_iter()
        .flat_map(|f| f.cells)
        .collect();
    assert_eq!(found, compared);
    let f = findings(&r, Some(&prior), "plausibility.jump");
    assert!(
        f[2].message
            .starts_with("“行政许可·本年处理决定数量”本年为100，2024年年报为0"),
        "{}",
        f[2].message
    );
    assert!(
        f[9].message
            .starts_with("“行政诉讼·复议后起诉·总计”本年为100"),
        "{}",
        f[9].message
    );
}

#[test]
fn check_with_prior_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let prior = last_year();
    store::save(&dir.path().join("2024.json"), &prior).unwrap();
    let mut good = next_year(&prior, "");
    good.proactive.normative_documents.issued = Some(0);
    good.proactive.normative_documents.repealed = Some(0);
    store::save(&dir.path().join("good.json"), &good).unwrap();
    let mut bad = good.clone();
    bad.applications.row_mut(AppRow::CarriedOver)[AppCol::Commercial.index()] = Some(3);
    bad.proactive.normative_documents.in_force = Some(20);
    store::save(&dir.path().join("bad.json"), &bad).unwrap();

    let ids = |file: &str| -> Vec<String> {
        let o = nianbao(
            &["check", "--format", "json", "--prior", "2024.json", file],
            dir.path(),
        );
        let line: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        line["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["id"].as_str().unwrap().to_string())
            .filter(|id| id == "carry.prior_year" || id == "proactive.in_force")
            .collect()
    };
    assert!(ids("good.json").is_empty());
    assert_eq!(ids("bad.json"), ["carry.prior_year", "proactive.in_force"]);

    // A report whose `prior` names last year's file is checked against it unasked.
    bad.prior = "2024.json".into();
    store::save(&dir.path().join("bad.json"), &bad).unwrap();
    let o = nianbao(&["check", "bad.json"], dir.path());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("商业企业列：本年“二、上年结转政府信息公开申请数量”为3"),
        "{out}"
    );
}

#[test]
fn a_real_consecutive_pair_agrees() {
    // 平潭 2021 carried one application into 2022, as its 2022 report says.
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let o = nianbao(
        &[
            "check",
            "--format",
            "json",
            "--prior",
            "002_fujian-pingtan-2021.nianbao.json",
            "003_fujian-pingtan-2022.nianbao.json",
        ],
        &fixtures,
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(!out.contains("carry.prior_year"), "{out}");
    let prior = store::load(&fixtures.join("002_fujian-pingtan-2021.nianbao.json")).unwrap();
    let mut r = store::load(&fixtures.join("003_fujian-pingtan-2022.nianbao.json")).unwrap();
    *r.applications
        .get_mut(AppRow::CarriedOver, AppCol::NaturalPerson) = Some(0);
    assert_eq!(findings(&r, Some(&prior), "carry.prior_year").len(), 1);
}

/// `carry.prior_year` messages of `check --format json ARGS` run in `dir`.
fn carry_messages(args: &[&str], dir: &Path) -> Vec<String> {
    let o = nianbao(&[&["check", "--format", "json"][..], args].concat(), dir);
    let line: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)));
    line["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"] == "carry.prior_year")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn last_years_published_text_is_a_prior() {
    // 平潭's 2021 report as published (the text of its page) against its 2022 report.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        root.join("tests/corpus/002_fujian-pingtan-2021.txt"),
        dir.path().join("2021.txt"),
    )
    .unwrap();
    let mut r =
        store::load(&root.join("tests/fixtures/003_fujian-pingtan-2022.nianbao.json")).unwrap();
    store::save(&dir.path().join("2022.json"), &r).unwrap();
    let args = ["--prior", "2021.txt", "2022.json"];
    assert!(carry_messages(&args, dir.path()).is_empty());

    *r.applications
        .get_mut(AppRow::CarriedOver, AppCol::NaturalPerson) = Some(0);
    store::save(&dir.path().join("2022.json"), &r).unwrap();
    assert_eq!(
        carry_messages(&args, dir.path()),
        [
            "自然人列：本年“二、上年结转政府信息公开申请数量”为0，2021年年报“四、结转下年度继续办理”为1，相差1；两者应相等"
        ]
    );
    // Named by the report's own link, it is found unasked.
    r.prior = "2021.txt".into();
    store::save(&dir.path().join("2022.json"), &r).unwrap();
    assert_eq!(carry_messages(&["2022.json"], dir.path()).len(), 1);
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text(e: ElementRef) -> String {
    e.text().collect::<String>()
}

fn span(e: ElementRef, attr: &str) -> usize {
    e.value().attr(attr).map_or(1, |v| v.parse().unwrap())
}

/// The number of grid columns each row of `table` covers, rowspans included.
fn covered_columns(table: ElementRef) -> Vec<usize> {
    let rows: Vec<_> = table.select(&sel("tr")).collect();
    let mut covered = vec![0; rows.len()];
    for (i, tr) in rows.iter().enumerate() {
        for cell in tr.select(&sel("td, th")) {
            for c in covered.iter_mut().skip(i).take(span(cell, "rowspan")) {
                *c += span(cell, "colspan");
            }
        }
    }
    covered
}

fn figures_report() -> Report {
    let mut r = assets::sample();
    // Distinct figures everywhere, so that a cell in the wrong place shows.
    for (i, cell) in CellRef::table_cells().enumerate() {
        if let Some(v) = r.count_mut(cell) {
            *v = Some(i as u64 + 1);
        }
    }
    r.proactive.fees_wan_yuan = "24252.311082".into();
    // The largest count the file format holds prints and reads back whole.
    *r.applications.get_mut(AppRow::NewReceived, AppCol::Other) = Some(u64::MAX);
    r.problems = "存在问题：<script>alert('x')</script> & “引号”\n第二段。".into();
    r
}

#[test]
fn the_web_page_has_the_sections_and_the_official_table_structure() {
    let r = figures_report();
    let page = html::export(&r);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(page.contains("<meta charset=\"utf-8\">"));
    // Self-contained: nothing fetched from elsewhere.
    for external in ["src=", "href=", "@import", "url("] {
        assert!(!page.contains(external), "{external}");
    }
    let doc = Html::parse_document(&page);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    assert_eq!(
        text(doc.select(&sel("h1")).next().unwrap()),
        "阿戛镇人民政府2024年政府信息公开工作年度报告"
    );
    let headings: Vec<_> = doc.select(&sel("h2")).map(text).collect();
    let expected: Vec<_> = Section::ALL.iter().map(|s| s.heading()).collect();
    assert_eq!(headings, expected);
    assert_eq!(
        doc.select(&sel("h3")).map(text).next().unwrap(),
        "（一）主动公开政府信息情况"
    );
    // Text is escaped: the script is shown, not run, and reads back unchanged.
    assert!(doc.select(&sel("script")).next().is_none());
    let paragraphs: Vec<_> = doc.select(&sel("p")).map(text).collect();
    assert!(paragraphs.contains(&"存在问题：<script>alert('x')</script> & “引号”".to_string()));
    assert!(paragraphs.contains(&"第二段。".to_string()));

    let tables: Vec<_> = doc.select(&sel("table")).collect();
    assert_eq!(tables.len(), 3);

    // Table B: three header rows, 25 body rows, each row covering 3 label + 7 figure columns.
    let b = tables[1];
    assert_eq!(b.select(&sel("thead tr")).count(), 3);
    // Column widths in the printed form's proportions: figure columns are not squeezed.
    assert_eq!(b.select(&sel("col")).count(), 10);
    let body: Vec<_> = b.select(&sel("tbody tr")).collect();
    assert_eq!(body.len(), 25);
    assert!(
        covered_columns(b).iter().all(|&c| c == 10),
        "{:?}",
        covered_columns(b)
    );
    let header = |label: &str| {
        b.select(&sel("th"))
            .find(|th| text(*th) == label)
            .unwrap_or_else(|| panic!("no heading {label}"))
    };
    assert_eq!(span(header("申请人情况"), "colspan"), 7);
    assert_eq!(span(header("法人或其他组织"), "colspan"), 5);
    assert_eq!(span(header("自然人"), "rowspan"), 2);
    assert_eq!(span(header("总计"), "rowspan"), 2);
    let results = b
        .select(&sel("td"))
        .find(|td| text(*td) == "三、本年度办理结果")
        .unwrap();
    assert_eq!(span(results, "rowspan"), 22);
    for (tr, row) in body.iter().zip(AppRow::ALL) {
        let cells: Vec<_> = tr.select(&sel("td")).map(text).collect();
        let figures = &cells[cells.len() - 7..];
        for (shown, col) in figures.iter().zip(AppCol::ALL) {
            assert_eq!(
                shown,
                &r.figure_text(CellRef::App(row, col)),
                "{}",
                CellRef::App(row, col).label()
            );
        }
    }

    // Table C: two header rows of groups and parts, one row of 15 figures.
    let c = tables[2];
    let c_rows = covered_columns(c);
    assert!(c_rows.iter().all(|&n| n == 15), "{c_rows:?}");
    let last = c.select(&sel("tr")).last().unwrap();
    let figures: Vec<_> = last.select(&sel("td")).map(text).collect();
    let expected: Vec<_> = AppealGroup::ALL
        .iter()
        .flat_map(|g| AppealPart::ALL.iter().map(move |p| (*g, *p)))
        .map(|(g, p)| r.figure_text(CellRef::Appeal(g, p)))
        .collect();
    assert_eq!(figures, expected);

    // Table A: the fee exactly as written.
    assert!(
        tables[0]
            .select(&sel("td"))
            .any(|td| text(td) == "24252.311082")
    );
}

#[test]
fn the_web_page_imports_back_to_the_same_report() {
    let r = figures_report();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("年报.html");
    store::save(&dir.path().join("年报.json"), &r).unwrap();
    let o = nianbao(&["export", "年报.json", "--html", "年报.html"], dir.path());
    assert_eq!(
        o.status.code(),
        Some(1),
        "the figures do not balance, so there are 错误: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(fs::read_to_string(&page).unwrap().contains("<table"));
    let back = nianbao::import::import_file(&page).unwrap().report;
    assert_eq!(back.year, 2024);
    assert_eq!(back.organ, r.organ);
    assert_eq!(back.applications, r.applications);
    assert_eq!(back.appeals, r.appeals);
    assert_eq!(back.proactive, r.proactive);
    assert_eq!(back.overview.parts.len(), r.overview.parts.len());
    assert_eq!(back.overview.parts[0].body, r.overview.parts[0].body);
}

#[test]
fn export_refuses_a_missing_target_kind() {
    let dir = tempfile::tempdir().unwrap();
    let o = nianbao(&["export", "a.json"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--html 年报.html"));
}
