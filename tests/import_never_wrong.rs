//! "Never a wrong number" (issue 14): a published page whose tables balance
//! is imported in every shape converters and PDF text give it — figures on
//! the label's line, on a line below it, on a line above it, Markdown
//! tables, cells run together — and every cell comes out right or blank,
//! never wrong: no arithmetic 错误 is ours. A blank we made is said
//! (`import.unplaced`, with its reason) and is not the publisher's
//! (`value.blank` leaves it out).

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

mod expected;

use std::path::Path;

use expected::Expected;
use nianbao::checks::{self, Finding, Severity};
use nianbao::form::{AppCol, AppRow, AppealGroup, AppealPart, OutcomeGroup, ProactiveField};
use nianbao::import::{self, Basis, CellState, Imported};
use nianbao::report::{CellRef, Count};

/// The published figures of 032 (沭阳县 2025): every sum holds.
fn truth() -> Expected {
    Expected::load("032_jiangsu-shuyang-county-2025")
}

/// How a page prints a row of figures beside its label.
#[derive(Clone, Copy, Debug)]
enum Shape {
    /// "label 705 3 0 0 5 0 713" (pdftotext -layout).
    Line,
    /// The label, then its figures on the next line.
    Below,
    /// Its figures on a line of their own, then the label.
    Above,
    /// A converter's Markdown: "### label", a header "| 类别 | 数据1 | … |",
    /// "|---|", then "| label | 705 | … |".
    Markdown,
    /// The figures run together with nothing between them: "70530050713".
    RunTogether,
}

fn row_text(shape: Shape, label: &str, cells: &[String]) -> String {
    let spaced = cells.join(" ");
    match shape {
        Shape::Line => format!("{label} {spaced}\n"),
        Shape::Below => format!("{label}\n{spaced}\n"),
        Shape::Above => format!("{spaced}\n{label}\n"),
        Shape::Markdown => {
            let names: Vec<String> = (1..cells.len()).map(|i| format!("数据{i}")).collect();
            format!(
                "### {label}\n| 类别 | {} | 总计 |\n|{}\n| {label} | {} |\n\n",
                names.join(" | "),
                "---|".repeat(cells.len() + 1),
                cells.join(" | ")
            )
        }
        Shape::RunTogether => format!("{label}{}", cells.concat()),
    }
}

fn show(v: Count) -> String {
    v.map_or("-".into(), |n| n.to_string())
}

/// 032's report as a page in `shape`, with `overview` as its 总体情况.
fn page(shape: Shape, overview: &str, normative: Option<&str>) -> String {
    let t = truth();
    let mut s = String::from("某县人民政府2025年政府信息公开工作年度报告\n一、总体情况\n");
    s += overview;
    s += "\n二、主动公开政府信息情况\n";
    let a = [
        (
            "第二十条第（一）项",
            "信息内容 本年制发件数 本年废止件数 现行有效件数",
        ),
        ("第二十条第（五）项", "信息内容 本年处理决定数量"),
        ("第二十条第（六）项", "信息内容 本年处理决定数量"),
        ("第二十条第（八）项", "信息内容 本年收费金额（单位：万元）"),
    ];
    let rows: [(&str, usize, Vec<String>); 6] = [
        ("规章", 0, vec!["0".into(), "0".into(), "0".into()]),
        (
            "行政规范性文件",
            0,
            match normative {
                Some(n) => vec![n.to_string()],
                None => vec!["6".into(), "1".into(), "32".into()],
            },
        ),
        ("行政许可", 1, vec!["517645".into()]),
        ("行政处罚", 2, vec!["693957".into()]),
        ("行政强制", 2, vec!["2154".into()]),
        ("行政事业性收费", 3, vec!["4068.208".into()]),
    ];
    let mut block = usize::MAX;
    for (label, b, cells) in rows {
        if b != block {
            block = b;
            s += &format!("{}\n{}\n", a[b].0, a[b].1);
        }
        // Table A keeps its rows on their lines: the shapes are table B's and C's.
        s += &format!("{label} {}\n", cells.join(" "));
    }
    s += "三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\
          申请人情况\n自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n";
    let mut group = None;
    for row in AppRow::ALL {
        let l = row.label();
        if row == AppRow::Granted {
            s += l.top;
            s += "\n";
        }
        if l.group.is_some() && l.group != group {
            group = l.group;
            s += l.group.map(OutcomeGroup::label).unwrap_or_default();
            s += "\n";
        }
        let cells: Vec<String> = t.app_row(row).iter().map(|v| show(*v)).collect();
        s += &row_text(shape, l.leaf.unwrap_or(l.top), &cells);
    }
    s += "\n四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n\
          结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n\
          结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n";
    let c: Vec<String> = AppealGroup::ALL
        .iter()
        .flat_map(|g| AppealPart::ALL.map(|p| show(t.appeal(*g, p))))
        .collect();
    s += &match shape {
        Shape::RunTogether => c.concat(),
        _ => c.join(" "),
    };
    s += "\n五、存在的主要问题及改进情况\n政策解读多样性需进一步加强。\n\
          六、其他需要报告的事项\n收取信息处理费共计380元。\n";
    s
}

fn import(text: &str) -> Imported {
    import::import_bytes(text.as_bytes(), None).unwrap()
}

fn findings(i: &Imported) -> Vec<Finding> {
    checks::run_read(&i.report, None, &|_| true, Some(&i.summary.reading()))
}

/// Every cell of tables B and C is the published figure or blank — and
/// blank only where the importer says why.
fn right_or_blank(shape: Shape, i: &Imported) -> usize {
    let t = truth();
    let mut blank = 0;
    for (cell, want) in t.table_cells() {
        let got = i.report.count(cell);
        if got.is_none() {
            blank += 1;
            assert!(
                matches!(i.summary.state(cell), Some(CellState::Unplaced(_))),
                "{shape:?}: {cell} blank without a reason"
            );
        } else {
            assert_eq!(got, want, "{shape:?}: {cell} is a wrong number");
        }
    }
    blank
}

/// The published sums hold; so whatever shape the page is in, the import
/// raises no arithmetic 错误 — and with the figures on the label's line,
/// below it, above it or in Markdown, it reads every cell.
#[test]
fn a_page_whose_sums_hold_imports_without_an_arithmetic_error() {
    for shape in [
        Shape::Line,
        Shape::Below,
        Shape::Above,
        Shape::Markdown,
        Shape::RunTogether,
    ] {
        let i = import(&page(shape, "本年度工作有序开展。", None));
        let f = findings(&i);
        let errors: Vec<_> = f.iter().filter(|f| f.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "{shape:?}: {errors:#?}");
        let blank = right_or_blank(shape, &i);
        assert_eq!(blank, 0, "{shape:?}: {:#?}", i.summary.unplaced);
        assert!(f.is_empty(), "{shape:?}: {f:#?}");
    }
}

/// Digits with nothing between them ("70530050713") are split only where
/// the form's sums leave one way — and the summary says which were.
#[test]
fn run_together_digits_are_split_by_the_sums_and_said() {
    let i = import(&page(Shape::RunTogether, "本年度工作有序开展。", None));
    assert_eq!(right_or_blank(Shape::RunTogether, &i), 0);
    let lines = i.summary.lines();
    for want in [
        "表三：读到数字175格（其中57格按合计关系确定），原表空白0格，无法确定、已留空0格",
        "表四：读到数字15格（其中15格按合计关系确定），原表空白0格，无法确定、已留空0格",
        "按合计关系或正文确定：表三“一、本年新收政府信息公开申请数量”“70530050713”→705|3|0|0|5|0|713（按本行总计确定）",
        "按合计关系或正文确定：表三“（二）部分公开”“9900020101”→99|0|0|0|2|0|101（按各列合计确定）",
        "按合计关系或正文确定：表四“27109156130003801110”→27|10|9|15|61|3|0|0|0|3|8|0|1|1|10（按各组总计确定）",
    ] {
        assert!(lines.contains(&want.to_string()), "{want}\n{lines:#?}");
    }
    let cell = CellRef::App(AppRow::PartiallyGranted, AppCol::NaturalPerson);
    assert_eq!(i.summary.state(cell), Some(CellState::Read(Basis::Sum)));
}

/// Figures above their labels are read with the label below them, not the
/// one above: one shifted row would be 175 wrong numbers.
#[test]
fn figures_above_their_labels_go_with_the_label_below() {
    let i = import(&page(Shape::Above, "本年度工作有序开展。", None));
    assert_eq!(
        i.report.applications.row(AppRow::NewReceived),
        &[705, 3, 0, 0, 5, 0, 713].map(Some)
    );
    assert!(
        i.summary
            .notes
            .iter()
            .any(|n| n.contains("各行的数字单独成行、印在标签上方")),
        "{:#?}",
        i.summary.notes
    );
}

/// Bare rows of figures at both ends of the table: nothing tells which
/// label they go with, so none is placed, and the reason is given.
#[test]
fn bare_rows_that_could_go_either_way_are_not_placed() {
    let text = page(Shape::Above, "本年度工作有序开展。", None).replace(
        "四、结转下年度继续办理\n",
        "四、结转下年度继续办理\n31 0 0 0 0 0 31\n",
    );
    let i = import(&text);
    assert_eq!(*i.report.applications.row(AppRow::NewReceived), [None; 7]);
    let u = &i.summary.unplaced[0];
    assert!(
        u.reason.contains("无法确定它们属于上面还是下面的标签"),
        "{u:?}"
    );
    assert_eq!(u.cells.len(), 175);
    assert!(!checks::has_errors(&findings(&i)));
}

/// Table A has no totals. "6132" for 本年制发 · 本年废止 · 现行有效 splits
/// many ways; the narrative's figures decide — two of three stated leave
/// one split; one stated fixes its own cell only.
#[test]
fn the_narrative_splits_table_a() {
    let normative = |i: &Imported| {
        [
            ProactiveField::NormativeIssued,
            ProactiveField::NormativeRepealed,
            ProactiveField::NormativeInForce,
        ]
        .map(|f| i.report.proactive.count(f))
    };
    // Nothing stated: blank, and why.
    let i = import(&page(Shape::Line, "本年度工作有序开展。", Some("6132")));
    assert_eq!(normative(&i), [None; 3]);
    let u = i
        .summary
        .unplaced
        .iter()
        .find(|u| u.reason.contains("“6132”"))
        .unwrap();
    assert!(u.reason.contains("正文也没有说明这些数字"), "{}", u.reason);

    // Two of the three stated: the third follows.
    let i = import(&page(
        Shape::Line,
        "全年制发行政规范性文件6件，现行有效行政规范性文件32件。",
        Some("6132"),
    ));
    assert_eq!(normative(&i), [Some(6), Some(1), Some(32)]);
    let cell = CellRef::ProactiveField(ProactiveField::NormativeRepealed);
    assert_eq!(
        i.summary.state(cell),
        Some(CellState::Read(Basis::Narrative))
    );
    let lines = i.summary.lines();
    assert!(
        lines.iter().any(|l| l.contains(
            "“6132”→6|1|32（按正文：“制发行政规范性文件6件”、“现行有效行政规范性文件32件”）"
        )),
        "{lines:#?}"
    );
    assert!(
        lines.contains(
            &"表二：读到数字10格（其中3格按正文所述数字确定），原表空白0格，无法确定、已留空0格"
                .to_string()
        ),
        "{lines:#?}"
    );

    // One stated: its cell only; the other two stay blank, with the reason.
    let i = import(&page(
        Shape::Line,
        "全年制发行政规范性文件6件。",
        Some("6132"),
    ));
    assert_eq!(normative(&i), [Some(6), None, None]);
    let u = i
        .summary
        .unplaced
        .iter()
        .find(|u| u.reason.contains("“6132”"))
        .unwrap();
    assert!(
        u.reason
            .contains("正文只说明了“制发行政规范性文件6件”：本年废止件数、现行有效件数无法确定"),
        "{}",
        u.reason
    );
    // A narrative figure no split can give is not used.
    let i = import(&page(
        Shape::Line,
        "全年制发行政规范性文件9件。",
        Some("6132"),
    ));
    assert_eq!(normative(&i), [None; 3]);
}

/// A cell's note is not a figure: "22（其中修订16件）" is 22.
#[test]
fn a_note_in_a_cell_is_not_a_figure() {
    let text = page(Shape::Markdown, "本年度工作有序开展。", None).replace(
        "| （一）予以公开 | 290 |",
        "| （一）予以公开 | 290（其中线上申请16件） |",
    );
    let i = import(&text);
    assert_eq!(
        i.report
            .applications
            .get(AppRow::Granted, AppCol::NaturalPerson),
        Some(290)
    );
    assert!(findings(&i).is_empty());
}

/// OCR text without Markdown: a header row naming the columns 数据1…数据6
/// between a label and its figures is no figure, and is no reason to stop.
#[test]
fn converter_column_names_are_not_figures() {
    let text = page(Shape::Below, "本年度工作有序开展。", None).replace(
        "（一）予以公开\n",
        "（一）予以公开\n类别 数据1 数据2 数据3 数据4 数据5 数据6 总计\n",
    );
    let i = import(&text);
    assert_eq!(
        i.report.applications.row(AppRow::Granted),
        &[290, 1, 0, 0, 3, 0, 294].map(Some)
    );
    assert!(
        i.summary.unrecognised.is_empty(),
        "{:#?}",
        i.summary.unrecognised
    );
    assert!(findings(&i).is_empty());
}

/// OCR breaks rows over several lines: a long label in two, a row of
/// figures in two. The row is still one row, its figures in their columns.
#[test]
fn rows_broken_over_lines_are_one_row() {
    let label = AppRow::OtherNoCorrection.label().leaf.unwrap();
    let (head, tail) = label.split_at(label.char_indices().nth(20).unwrap().0);
    let text = page(Shape::Markdown, "本年度工作有序开展。", None)
        .replace(
            &format!("| {label} | 9 |"),
            &format!("| {head}\n{tail} | 9 |"),
        )
        .replace(
            "| （一）予以公开 | 290 | 1 | 0 | 0 | 3 | 0 | 294 |",
            "| （一）予以公开 | 290 | 1 | 0 |\n| 0 | 3 | 0 | 294 |",
        );
    assert!(text.contains(tail) && text.contains("| 0 | 3 | 0 | 294 |"));
    let i = import(&text);
    assert_eq!(
        right_or_blank(Shape::Markdown, &i),
        0,
        "{:#?}",
        i.summary.unplaced
    );
    assert!(findings(&i).is_empty());
}

#[test]
fn a_fee_printed_in_yuan_is_not_read_as_ten_thousand_yuan() {
    let page = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus/000_guizhou-shuicheng-agazhen-2024.txt"),
    )
    .unwrap();
    let page = page.replacen("行政事业性收费 |\n0 |", "行政事业性收费 |\n251000元 |", 1);
    assert!(page.contains("251000元"));
    let i = import(&page);
    // The column counts in 万元: 251000 there would be 25.1亿元.
    assert_eq!(i.report.proactive.fees_wan_yuan, "");
    let why: Vec<_> = i
        .summary
        .unplaced
        .iter()
        .map(|u| u.reason.as_str())
        .collect();
    assert!(
        why.iter()
            .any(|r| r.contains("“251000”的单位是元，表格的单位是万元")),
        "{why:?}"
    );
    // 万元 stays 万元.
    let page = page.replacen("251000元", "25.1万元", 1);
    assert_eq!(import(&page).report.proactive.fees_wan_yuan, "25.1");
}

/// "(六) 其他" as converters print （六）其他处理 on one row: its figures go
/// to 3.其他 with zeros beside them (FORMAT.md), and the sums still hold.
#[test]
fn other_handling_printed_short_and_on_one_row() {
    let rows = [
        AppRow::OtherNoCorrection,
        AppRow::OtherNoFee,
        AppRow::OtherMisc,
    ];
    let mut text = page(Shape::Line, "本年度工作有序开展。", None);
    let t = truth();
    let line = |r: AppRow| {
        let cells: Vec<String> = t.app_row(r).iter().map(|v| show(*v)).collect();
        format!("{} {}\n", r.label().leaf.unwrap(), cells.join(" "))
    };
    for r in rows {
        text = text.replace(&line(r), "");
    }
    text = text.replace(
        &format!("{}\n", OutcomeGroup::OtherHandling.label()),
        "(六) 其他 158 1 0 0 0 0 159\n",
    );
    let i = import(&text);
    assert!(i.summary.other_as_one_row);
    let a = &i.report.applications;
    assert_eq!(
        a.row(AppRow::OtherMisc),
        &[158, 1, 0, 0, 0, 0, 159].map(Some)
    );
    assert_eq!(a.row(AppRow::OtherNoFee), &[Some(0); 7]);
    assert_eq!(
        i.summary
            .state(CellRef::App(AppRow::OtherNoFee, AppCol::Total)),
        Some(CellState::Read(Basis::Convention))
    );
    assert!(findings(&i).is_empty(), "{:#?}", findings(&i));
}

/// A row whose printed 总计 is the publisher's own error, with two figures
/// run together ("705 30 0 5 0 1741"): one split adds up to the row's 总计
/// (705|30|0|5|0|1|741) but breaks every column's sums; the other keeps the
/// columns and leaves the row's 总计 wrong. The sums contradict each other,
/// so they decide nothing — the split that merely fits its own row must not
/// be placed (that would be five wrong numbers in one row).
#[test]
fn a_split_that_only_fits_its_own_row_total_is_not_placed() {
    let label = AppRow::NewReceived.label().top;
    let printed = format!("{label} 705 3 0 0 5 0 713\n");
    let text = page(Shape::Line, "本年度工作有序开展。", None);
    assert!(text.contains(&printed));
    let text = text.replace(&printed, &format!("{label} 705 30 0 5 0 1741\n"));
    let i = import(&text);
    let t = truth();
    let want = t.app_row(AppRow::NewReceived);
    let got = i.report.applications.row(AppRow::NewReceived);
    for col in AppCol::ALL {
        let k = col.index();
        let cell = CellRef::App(AppRow::NewReceived, col);
        match got[k] {
            None => assert!(
                matches!(i.summary.state(cell), Some(CellState::Unplaced(_))),
                "{cell} blank without a reason"
            ),
            Some(1741) if col == AppCol::Total => {}
            Some(n) => assert_eq!(Some(n), want[k], "{cell} is a wrong number"),
        }
    }
    assert_ne!(got[AppCol::Commercial.index()], Some(30));
}
