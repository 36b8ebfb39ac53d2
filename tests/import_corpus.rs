//! Real published reports (`tests/corpus/`, copied from the shared corpus with
//! the figures transcribed by hand in `tests/corpus/expected/`): every page
//! imports; a complete one comes out with every published figure and the
//! checks raise exactly its known 错误; a partial one says what it lacked.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

mod expected;

use std::path::{Path, PathBuf};

use expected::Expected;

use nianbao::checks::{self, Finding, Severity};
use nianbao::form::{AppCol, AppRow, ProactiveField, Section};
use nianbao::import::{self, CellState, FormEdition, Imported};
use nianbao::report::{CellRef, Report};

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

fn import(stem: &str) -> Imported {
    import::import_file(&corpus(&format!("{stem}.txt"))).unwrap_or_else(|e| panic!("{stem}: {e}"))
}

fn findings(r: &Report) -> Vec<Finding> {
    checks::run(r, None, &|_| true)
}

/// The findings as `nianbao check` makes them for a published page: with the
/// importer's, and no value.blank for the cells it could not read.
fn findings_read(i: &Imported) -> Vec<Finding> {
    checks::run_read(&i.report, None, &|_| true, Some(&i.summary.reading()))
}

/// Every figure of the expected file (blank where the page is blank), the
/// errors exactly, the warnings at least, the form's edition, all three tables.
fn matches_expected(stem: &str) {
    let imported = import(stem);
    let r = &imported.report;
    let exp = Expected::load(stem);
    exp.assert_figures(r);
    // （六）其他处理 printed as one row is read into 3.其他 and said so.
    assert_eq!(
        imported.summary.other_as_one_row,
        exp.other_as_one_row(),
        "{stem}"
    );
    exp.assert_findings(&findings_read(&imported));
    let edition = if exp.is_2019_form() {
        FormEdition::Y2019
    } else {
        FormEdition::Y2021
    };
    assert_eq!(imported.summary.edition, Some(edition), "{stem}");
    assert_eq!(imported.summary.tables_found.len(), 3, "{stem}");
}

#[test]
fn the_seed_one_cell_per_line() {
    matches_expected("000_guizhou-shuicheng-agazhen-2024");
    let r = import("000_guizhou-shuicheng-agazhen-2024").report;
    assert_eq!(r.organ, "六盘水市水城区阿戛镇人民政府");
    assert_eq!(r.overview.parts.len(), 5);
    assert_eq!(r.overview.parts[1].heading, "依申请公开政府信息的情况");
    assert!(r.other_matters.contains("处理费"));
    // Every label as the form prints it: none read approximately.
    let i = import("000_guizhou-shuicheng-agazhen-2024");
    assert!(
        i.summary.approximate_labels.is_empty(),
        "{:?}",
        i.summary.approximate_labels
    );
}

#[test]
fn pingtan_2020_run_together_in_the_2019_form() {
    matches_expected("001_fujian-pingtan-2020-format2019");
    let i = import("001_fujian-pingtan-2020-format2019");
    // "200 000121": the space is a boundary, the row total does the rest.
    assert!(
        i.summary
            .decided
            .iter()
            .any(|s| s.contains("“200 000121”→20|0|0|0|0|1|21")),
        "{:?}",
        i.summary.decided
    );
    // 2019 table A: only 处理决定数量 carries over; the rest is quoted, not mis-mapped.
    assert_eq!(i.report.proactive.rules.issued, None);
    let lines = i.summary.lines().join("\n");
    assert!(
        lines.contains("格式：2019年格式（国办公开办函〔2019〕60号）"),
        "{lines}"
    );
    assert!(lines.contains("规章(007)"), "{lines}");
}

#[test]
fn pingtan_2021_columns_settle_a_row_the_row_total_cannot() {
    matches_expected("002_fujian-pingtan-2021");
    let i = import("002_fujian-pingtan-2021");
    // 220000325: 22|0|0|0|0|3|25 and 2|20|0|0|0|3|25 both add up; the columns decide.
    assert!(
        i.summary
            .decided
            .iter()
            .any(|s| s.contains("“220000325”→22|0|0|0|0|3|25（按各列合计确定）")),
        "{:?}",
        i.summary.decided
    );
    // Table A has no totals, and the narrative states none of these
    // figures: 693665 is left blank and quoted, not guessed.
    assert_eq!(i.report.proactive.normative_documents.in_force, None);
    let normative = [
        ProactiveField::NormativeIssued,
        ProactiveField::NormativeRepealed,
        ProactiveField::NormativeInForce,
    ]
    .map(CellRef::ProactiveField);
    let u = i
        .summary
        .unplaced
        .iter()
        .find(|u| u.reason.contains("“693665”"))
        .unwrap_or_else(|| panic!("{:#?}", i.summary.unplaced));
    assert_eq!(u.cells, normative);
    assert!(
        u.reason
            .contains("本表没有合计可供核对，正文也没有说明这些数字"),
        "{}",
        u.reason
    );
    // import.unplaced names them; value.blank does not.
    let f = findings_read(&i);
    let unplaced: Vec<_> = f.iter().filter(|f| f.id == "import.unplaced").collect();
    assert!(
        unplaced.iter().any(|f| f.cells == normative),
        "{unplaced:#?}"
    );
    assert!(
        !f.iter()
            .any(|f| f.id == "value.blank" && f.cells.iter().any(|c| normative.contains(c))),
        "{f:#?}"
    );
    assert_eq!(i.report.proactive.licensing, Some(2293));
    assert_eq!(i.report.proactive.fees_wan_yuan, "24252.311082");
    // Run-together text, but every label as the form prints it.
    assert!(
        i.summary.approximate_labels.is_empty(),
        "{:?}",
        i.summary.approximate_labels
    );
}

/// A typo in a label of table 二 is tolerated and said, as in table 三.
#[test]
fn a_typo_in_table_two_is_read_and_said() {
    let text = std::fs::read_to_string(corpus("000_guizhou-shuicheng-agazhen-2024.txt"))
        .unwrap()
        .replacen("行政规范性文件 |", "行政规范姓文件 |", 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.txt");
    std::fs::write(&path, text).unwrap();
    let i = import::import_file(&path).unwrap();
    assert_eq!(
        i.summary.approximate_labels,
        ["“行政规范姓文件”按“行政规范性文件”读取"]
    );
    assert_eq!(i.report.proactive.normative_documents.in_force, Some(0));
}

#[test]
fn pingtan_2022_counting_carried_over_applications_is_not_flagged() {
    matches_expected("003_fujian-pingtan-2022");
    let r = import("003_fujian-pingtan-2022").report;
    assert!(
        r.overview.parts[1]
            .body
            .contains("收到政府信息公开申请75件")
    );
    let f = findings(&r);
    assert!(
        !f.iter()
            .any(|f| f.id.id().starts_with("narrative.") || f.id == "year.mismatch"),
        "{f:#?}"
    );
    // The heading with its typo (行政法复议) is still 四.
    assert_eq!(r.appeals.review.total, Some(2));
    // Table A's "8855698" runs together and has no total; the narrative
    // states two of its three figures ("现行有效行政规范性文件698件",
    // "制发的规范性文件88件"), which leaves one split: 88|55|698.
    assert_eq!(
        [
            r.proactive.normative_documents.issued,
            r.proactive.normative_documents.repealed,
            r.proactive.normative_documents.in_force
        ],
        [Some(88), Some(55), Some(698)]
    );
    let i = import("003_fujian-pingtan-2022");
    assert_eq!(
        i.summary
            .state(CellRef::ProactiveField(ProactiveField::NormativeRepealed)),
        Some(CellState::Read(import::Basis::Narrative))
    );
}

#[test]
fn shanghai_2019_blank_cells_stay_blank() {
    matches_expected("007_shanghai-municipal-office-2019-format2019");
    let r = import("007_shanghai-municipal-office-2019-format2019").report;
    assert_eq!(r.organ, "上海市人民政府办公厅");
    assert_eq!(r.applications.get(AppRow::Granted, AppCol::Total), None);
}

#[test]
fn hongze_2023_pdf_text_with_a_typo_and_one_row_other_handling() {
    matches_expected("008_jiangsu-huaian-hongzequ-2023");
    let i = import("008_jiangsu-huaian-hongzequ-2023");
    assert_eq!(i.report.organ, "洪泽区人民政府");
    // The typo is read as the row it stands for, and said; no other label is approximate.
    assert_eq!(
        i.summary.approximate_labels,
        ["“2.其他法律行政止公开”按“2.其他法律行政法规禁止公开”读取"]
    );
    let lines = i.summary.lines().join("\n");
    assert!(lines.contains("“（六）其他处理”印作一行"), "{lines}");
    // Page numbers between the rows are not figures, wrapped lines are joined.
    assert!(
        i.report.overview.parts[0]
            .body
            .starts_with("主要通过政府门户网站主动公开政府文件")
    );
}

fn gaps(i: &Imported) -> String {
    i.summary.gaps().join("\n")
}

#[test]
fn a_township_cut_short_in_table_three() {
    let i = import("011_xinjiang-town-2023-PARTIAL");
    let r = &i.report;
    assert_eq!(r.year, 2023);
    assert_eq!(r.proactive.rules.in_force, Some(6));
    assert_eq!(
        r.applications
            .get(AppRow::DeniedInternalAffairs, AppCol::Total),
        Some(0)
    );
    assert_eq!(
        r.applications.get(AppRow::OutcomeTotal, AppCol::Total),
        None
    );
    let g = gaps(&i);
    assert!(g.contains("没有找到四、政府信息公开行政复议、行政诉讼情况、五、存在的主要问题及改进情况、六、其他需要报告的事项"), "{g}");
    assert!(g.contains("表三没有找到“（三）7.属于行政执法案卷”"), "{g}");
    assert!(!i.summary.is_complete());
}

#[test]
fn changchun_narrative_says_two_applications_table_says_three() {
    let i = import("013_jilin-changchun-sports-bureau-2023-PARTIAL");
    assert_eq!(
        i.report
            .applications
            .get(AppRow::NewReceived, AppCol::Total),
        Some(3)
    );
    let f: Vec<_> = findings(&i.report)
        .into_iter()
        .filter(|f| f.id == "narrative.numbers")
        .collect();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(
        f[0].cells,
        [
            CellRef::OverviewPart(1),
            CellRef::App(AppRow::NewReceived, AppCol::Total),
            CellRef::App(AppRow::CarriedOver, AppCol::Total)
        ]
    );
    assert_eq!(
        f[0].message,
        "一、总体情况·（二）写“本年度,共受理政府信息公开申请2件,都在法定期限内予以答复”，其中2件与表格不符：表三第一项本年新收总计为3件，第一项加第二项上年结转为3件，请核对"
    );
    assert!(gaps(&i).contains("没有找到四、"));
}

#[test]
fn wuhan_traditional_characters_in_the_2019_form_with_a_provincial_row() {
    let i = import("014_hubei-wuhan-ecoenv-bureau-2020-format2019-PARTIAL");
    assert_eq!(i.summary.edition, Some(FormEdition::Y2019));
    assert_eq!(i.report.year, 2020);
    // 處理決定數量 of 行政許可 and 行政處罰; 行政強制's is "-": blank.
    assert_eq!(i.report.proactive.licensing, Some(93));
    assert_eq!(i.report.proactive.punishment, Some(22));
    assert_eq!(i.report.proactive.enforcement, None);
    let g = gaps(&i);
    assert!(
        g.contains("未识别、未导入：表二“规范性文件”之后：其他主動公開檔案"),
        "{g}"
    );
    assert!(g.contains("186 86 255"), "{g}");
}

#[test]
fn xiangqiao_normative_documents_under_the_old_label() {
    let i = import("016_shaanxi-xian-lintong-xiangqiao-subdistrict-2022-PARTIAL");
    assert_eq!(i.report.organ, "西安市临潼区相桥街道办事处");
    assert_eq!(i.report.proactive.normative_documents.in_force, Some(0));
    assert!(
        i.summary
            .notes
            .contains(&"表二的“规范性文件”一行按“行政规范性文件”读取".to_string())
    );
    assert_eq!(i.summary.tables_found, [Section::Proactive]);
}

#[test]
fn hengshan_is_reported_as_not_following_the_national_structure() {
    let i = import("021_zhejiang-longyou-hengshanzhen-2023-nonstandard-PARTIAL");
    assert!(i.summary.not_national);
    assert!(gaps(&i).starts_with("未按全国统一格式"));
    assert_eq!(i.report.organ, "龙游县横山镇");
    assert!(
        i.report
            .overview
            .intro
            .contains("2023年度受理政府信息公开申请1件")
    );
}

/// OCR of the published PDF turned into Markdown by a converter: pipe
/// tables, columns named 数据1…数据6, a stray header row with wrong column
/// names inside 表三, empty "-" tables, each group of 表四 a table of its own.
/// Every published sum holds: any misplaced number would be a false 错误.
#[test]
fn shuyang_2025_converter_markdown() {
    let stem = "032_jiangsu-shuyang-county-2025";
    matches_expected(stem);
    let i = import(stem);
    let f = findings_read(&i);
    assert!(!checks::has_errors(&f), "{f:#?}");
    // Every cell read for certain: by its label and place, none by a guess.
    for table in [Section::Proactive, Section::Applications, Section::Appeals] {
        let t = i.summary.tally(table);
        assert_eq!((t.blank, t.unplaced), (0, 0), "{table:?}: {t:?}");
    }
    assert!(i.summary.unplaced.is_empty(), "{:#?}", i.summary.unplaced);
    assert!(
        i.summary.unrecognised.is_empty(),
        "{:#?}",
        i.summary.unrecognised
    );
    // Its 六、 is a plain line, its 五、 has more words: the six are there.
    assert!(
        !f.iter()
            .any(|f| f.id == "structure.sections" || f.id == "import.unplaced"),
        "{f:#?}"
    );
    let lines = i.summary.lines();
    assert!(
        lines.contains(&"表三：读到数字175格，原表空白0格，无法确定、已留空0格".to_string()),
        "{lines:#?}"
    );
    assert_eq!(i.report.organ, "沐阳县人民政府");
}

/// Every cell of every table is accounted for: a figure in the report only
/// where the importer confirmed one, a blank either printed blank or
/// unplaced with its reason.
fn assert_every_cell_accounted_for(name: &str, i: &Imported) {
    for cell in CellRef::table_cells() {
        let state = i.summary.state(cell);
        let filled = match cell {
            CellRef::ProactiveField(ProactiveField::Fees) => {
                !i.report.proactive.fees_wan_yuan.is_empty()
            }
            _ => i.report.count(cell).is_some(),
        };
        match state {
            Some(CellState::Read(_)) => assert!(filled, "{name}: {cell} read but empty"),
            Some(CellState::Blank | CellState::Unplaced(_)) => {
                assert!(!filled, "{name}: {cell} holds a number nothing confirmed")
            }
            None => panic!("{name}: {cell} not accounted for"),
        }
    }
    for (table, n) in [
        (Section::Proactive, 10),
        (Section::Applications, 175),
        (Section::Appeals, 15),
    ] {
        let t = i.summary.tally(table);
        assert_eq!(t.read + t.blank + t.unplaced, n, "{name}: {table:?}");
    }
}

#[test]
fn every_corpus_file_imports() {
    let dir = corpus("");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "txt") {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let i = import::import_file(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
            let lines = i.summary.lines();
            assert_eq!(lines[0], "来源：文本，编码 UTF-8", "{name}");
            // A page copied only in part says so, and what it lacks; a
            // complete one is read whole, every section and row found.
            let partial = name.contains("PARTIAL");
            assert_eq!(i.summary.is_complete(), !partial, "{name}: {lines:#?}");
            let says_incomplete = lines.iter().any(|l| {
                l.starts_with("内容不完整（页面可能只复制了一部分）：没有找到")
                    || l.starts_with("未按全国统一格式")
            });
            assert_eq!(says_incomplete, partial, "{name}: {lines:#?}");
            assert_every_cell_accounted_for(&name, &i);
            // The six national headings: found in every complete page (run
            // together, pdftotext, Markdown), missing from the partial ones.
            let sections = findings_read(&i)
                .into_iter()
                .any(|f| f.id == "structure.sections");
            assert_eq!(sections, partial, "{name}");
            n += 1;
        }
    }
    // The shared corpus's 12 pages and the published PDF of 008 as pdftotext prints it.
    assert_eq!(n, 13);
}

#[test]
fn hongze_2023_as_pdftotext_prints_the_published_pdf() {
    // `pdftotext -layout` of ../shared/reference/hongze-2023-published.pdf: the
    // same report as 008, in the columns a PDF viewer copies out.
    matches_expected("008_jiangsu-huaian-hongzequ-2023-pdftotext");
    let i = import("008_jiangsu-huaian-hongzequ-2023-pdftotext");
    assert_eq!(i.report.year, 2023);
    assert!(i.summary.unrecognised.is_empty(), "{:?}", i.summary.lines());
}
