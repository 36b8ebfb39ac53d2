//! Every rule of FORMAT.md that issue 2 covers: a report that triggers it and
//! one that does not, asserting id, severity, cells and the numbers said.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

use nianbao::assets;
use nianbao::checks::{self, Finding, Severity};
use nianbao::form::{AppCol, AppRow, AppealGroup, AppealPart, ProactiveField};
use nianbao::report::{CellRef, Report};

fn findings(r: &Report) -> Vec<Finding> {
    checks::run(r, None, &|_| true)
}

fn with_id<'a>(fs: &'a [Finding], id: &str) -> Vec<&'a Finding> {
    fs.iter().filter(|f| f.id == id).collect()
}

fn paths(f: &Finding) -> Vec<String> {
    f.cells.iter().map(|c| c.to_string()).collect()
}

fn set(r: &mut Report, row: AppRow, col: AppCol, v: u64) {
    *r.applications.get_mut(row, col) = Some(v);
}

#[test]
fn the_sample_is_clean() {
    assert_eq!(findings(&assets::sample()), vec![]);
}

#[test]
fn balance_names_the_failing_column_with_its_numbers() {
    let mut r = assets::sample();
    use AppCol::*;
    use AppRow::*;
    // 法律服务机构: 3 + 0 received, 2 + 0 done: off by one. Row totals kept right.
    for (row, v) in [(NewReceived, 3), (OutcomeTotal, 2), (Granted, 2)] {
        set(&mut r, row, LegalServices, v);
        set(&mut r, row, Total, v);
    }
    // The sample says 未收到依申请公开办件; with applications that is a finding of its own.
    r.overview.parts[1].body = "依申请公开工作按时办结。".into();
    let fs = findings(&r);
    let balance = with_id(&fs, "apps.balance");
    assert_eq!(balance.len(), 2, "{fs:#?}");
    let f = balance[0];
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        f.message,
        "三、法律服务机构列：第一项(3)+第二项(0)=3，第三项总计(2)+第四项(0)=2，相差1"
    );
    assert_eq!(
        paths(f),
        [
            "applications.new_received[4]",
            "applications.carried_over[4]",
            "applications.outcome_total[4]",
            "applications.carried_forward[4]"
        ]
    );
    assert!(balance[1].message.starts_with("三、总计列："));
    // Nothing else is wrong.
    assert_eq!(fs.len(), 2, "{fs:#?}");

    set(&mut r, CarriedForward, LegalServices, 1);
    set(&mut r, CarriedForward, Total, 1);
    assert_eq!(findings(&r), vec![]);
}

#[test]
fn row_total_names_the_row_and_every_column() {
    let mut r = assets::sample();
    set(&mut r, AppRow::DeniedThirdParty, AppCol::NaturalPerson, 2);
    set(&mut r, AppRow::DeniedThirdParty, AppCol::Commercial, 1);
    set(&mut r, AppRow::DeniedThirdParty, AppCol::Total, 4);
    let fs = findings(&r);
    let rows = with_id(&fs, "apps.row_total");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].severity, Severity::Error);
    assert_eq!(
        rows[0].message,
        "三、（三）不予公开 4.保护第三方合法权益：自然人(2)+商业企业(1)+科研机构(0)+社会公益组织(0)+法律服务机构(0)+其他(0)=3，总计为4，相差1"
    );
    assert_eq!(paths(rows[0])[0], "applications.denied_third_party[6]");
    assert_eq!(rows[0].cells.len(), 7);

    set(&mut r, AppRow::DeniedThirdParty, AppCol::Total, 3);
    assert!(with_id(&findings(&r), "apps.row_total").is_empty());
}

#[test]
fn outcome_total_lists_what_was_added() {
    let mut r = assets::sample();
    set(&mut r, AppRow::Granted, AppCol::Research, 5);
    set(&mut r, AppRow::RejectedDuplicate, AppCol::Research, 2);
    set(&mut r, AppRow::OutcomeTotal, AppCol::Research, 6);
    let fs = findings(&r);
    let f = with_id(&fs, "apps.outcome_total");
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].message,
        "三、科研机构列：办理结果（一）至（六）之和为7：（一）予以公开(5)+（五）2.重复申请(2)，（七）总计为6，相差1"
    );
    assert_eq!(paths(f[0])[0], "applications.outcome_total[2]");
    assert_eq!(f[0].cells.len(), 22);

    set(&mut r, AppRow::OutcomeTotal, AppCol::Research, 7);
    assert!(with_id(&findings(&r), "apps.outcome_total").is_empty());
}

#[test]
fn appeals_total_per_group() {
    let mut r = assets::sample();
    let g = AppealGroup::SuitDirect;
    *r.appeals.get_mut(g, AppealPart::Upheld) = Some(2);
    *r.appeals.get_mut(g, AppealPart::Pending) = Some(1);
    *r.appeals.get_mut(g, AppealPart::Total) = Some(2);
    let fs = findings(&r);
    let f = with_id(&fs, "appeals.total");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Error);
    assert_eq!(
        f[0].message,
        "四、行政诉讼·未经复议直接起诉：结果维持(2)+结果纠正(0)+其他结果(0)+尚未审结(1)=3，总计为2，相差1"
    );
    assert_eq!(paths(f[0])[0], "appeals.suit_direct.total");

    *r.appeals.get_mut(g, AppealPart::Total) = Some(3);
    assert_eq!(findings(&r), vec![]);
}

#[test]
fn blank_cells_are_listed_per_table_and_silence_the_arithmetic() {
    let mut r = assets::sample();
    // A blank in the 自然人 column of 一 would otherwise make balance and row_total fail.
    *r.applications
        .get_mut(AppRow::NewReceived, AppCol::NaturalPerson) = None;
    set(&mut r, AppRow::NewReceived, AppCol::Total, 5);
    *r.appeals.get_mut(AppealGroup::Review, AppealPart::Other) = None;
    r.proactive.fees_wan_yuan = "/".into();
    let fs = findings(&r);
    let blanks = with_id(&fs, "value.blank");
    assert_eq!(blanks.len(), 3, "{fs:#?}");
    assert!(blanks.iter().all(|f| f.severity == Severity::Warning));
    assert_eq!(paths(blanks[0]), ["proactive.fees_wan_yuan"]);
    assert_eq!(paths(blanks[1]), ["applications.new_received[0]"]);
    assert_eq!(
        blanks[1].message,
        "三、收到和处理政府信息公开申请情况：“一、本年新收政府信息公开申请数量·自然人”未填写：没有发生的请填0；含空格的合计不作勾稽检查"
    );
    assert_eq!(paths(blanks[2]), ["appeals.review.other"]);
    // The rules through the blank cells were skipped; the total column still balances
    // against nothing else, so only its own column rule can fire.
    assert!(with_id(&fs, "apps.row_total").is_empty());
    assert!(with_id(&fs, "appeals.total").is_empty());
    let balance = with_id(&fs, "apps.balance");
    assert_eq!(balance.len(), 1);
    assert!(balance[0].message.starts_with("三、总计列：第一项(5)"));
}

#[test]
fn many_blanks_are_counted() {
    let r = Report::new("某县人民政府", 2024);
    let fs = findings(&r);
    let blanks = with_id(&fs, "value.blank");
    assert_eq!(blanks.len(), 3);
    assert_eq!(blanks[1].cells.len(), 175);
    assert!(blanks[1].message.contains("有175格未填写"));
    assert!(!checks::has_errors(&fs), "{fs:#?}");
}

#[test]
fn impossible_values_are_errors() {
    let mut r = assets::sample();
    *r.proactive.count_mut(ProactiveField::Licensing).unwrap() = Some(100_000_001);
    r.proactive.fees_wan_yuan = "约5万".into();
    let fs = findings(&r);
    let invalid = with_id(&fs, "value.invalid");
    assert_eq!(invalid.len(), 2);
    assert_eq!(paths(invalid[0]), ["proactive.licensing"]);
    assert_eq!(
        invalid[0].message,
        "“行政许可·本年处理决定数量”为100000001，超过1亿，不可能是实际件数：请检查是否多输入了数字"
    );
    assert_eq!(paths(invalid[1]), ["proactive.fees_wan_yuan"]);
    assert!(invalid[1].message.contains("“约5万”"));

    *r.proactive.count_mut(ProactiveField::Licensing).unwrap() = Some(100_000_000);
    r.proactive.fees_wan_yuan = "24252.311082".into();
    assert_eq!(findings(&r), vec![]);
}

#[test]
fn huge_counts_do_not_overflow_the_sums() {
    let mut r = assets::sample();
    set(&mut r, AppRow::NewReceived, AppCol::NaturalPerson, u64::MAX);
    set(&mut r, AppRow::CarriedOver, AppCol::NaturalPerson, u64::MAX);
    let fs = findings(&r);
    let balance = with_id(&fs, "apps.balance");
    assert!(balance[0].message.contains("=36893488147419103230，"));
}

#[test]
fn empty_sections_one_and_five() {
    let mut r = assets::sample();
    r.overview.intro = " ".into();
    for p in &mut r.overview.parts {
        p.body.clear();
    }
    r.problems = "\n".into();
    let fs = findings(&r);
    let empty = with_id(&fs, "section.empty");
    assert_eq!(empty.len(), 2);
    assert_eq!(empty[0].severity, Severity::Warning);
    assert_eq!(
        empty[0].message,
        "一、总体情况没有内容：请概述本年度政府信息公开工作的总体情况"
    );
    assert_eq!(paths(empty[0])[0], "overview.intro");
    assert_eq!(paths(empty[1]), ["problems"]);

    // One part with text is enough for 一.
    r.overview.parts[3].body = "建设了平台。".into();
    assert_eq!(with_id(&findings(&r), "section.empty").len(), 1);
}

#[test]
fn section_six_must_speak_of_the_fee() {
    let mut r = assets::sample();
    r.other_matters = "无其他需要报告的事项。".into();
    let fs = findings(&r);
    assert_eq!(fs.len(), 1);
    assert_eq!(fs[0].id, "fee.statement");
    assert_eq!(fs[0].severity, Severity::Warning);
    assert_eq!(paths(&fs[0]), ["other_matters"]);
    r.other_matters = "本年度未收取信息处理费。".into();
    assert_eq!(findings(&r), vec![]);
}

#[test]
fn fee_notices_need_a_count_in_section_six() {
    let mut r = assets::sample();
    use AppRow::*;
    for row in [NewReceived, OutcomeTotal, OtherNoFee] {
        set(&mut r, row, AppCol::NaturalPerson, 2);
        set(&mut r, row, AppCol::Total, 2);
    }
    r.overview.parts[1].body = "依申请公开工作按时办结。".into();
    r.other_matters = "2025年将继续规范收费通知工作；本年度未收取信息处理费。".into();
    let fs = findings(&r);
    assert_eq!(fs.len(), 1, "{fs:#?}");
    assert_eq!(fs[0].id, "fee.notice");
    assert_eq!(fs[0].severity, Severity::Warning);
    assert_eq!(
        paths(&fs[0]),
        ["other_matters", "applications.other_no_fee[6]"]
    );
    assert!(fs[0].message.contains("为2件，说明发出过收费通知"));

    r.other_matters = "本年度发出收费通知2件，未收取信息处理费。".into();
    assert_eq!(findings(&r), vec![]);
}

/// With the 总计 blank, the notices issued are what the applicant columns add
/// up to — exactly (the u64 sum panicked in a debug build).
#[test]
fn fee_notices_counted_from_huge_applicant_columns() {
    let mut r = assets::sample();
    *r.applications.get_mut(AppRow::OtherNoFee, AppCol::Total) = None;
    set(&mut r, AppRow::OtherNoFee, AppCol::NaturalPerson, u64::MAX);
    set(&mut r, AppRow::OtherNoFee, AppCol::Commercial, u64::MAX);
    let fs = findings(&r);
    let notice = with_id(&fs, "fee.notice");
    assert_eq!(notice.len(), 1, "{fs:#?}");
    assert!(
        notice[0]
            .message
            .contains("为36893488147419103230件，说明发出过收费通知"),
        "{}",
        notice[0].message
    );
}

#[test]
fn townships_reporting_rules_get_a_hint() {
    let mut r = assets::sample();
    *r.proactive.count_mut(ProactiveField::RulesInForce).unwrap() = Some(6);
    let fs = findings(&r);
    assert_eq!(fs.len(), 1);
    assert_eq!(fs[0].id, "plausibility.rules");
    assert_eq!(fs[0].severity, Severity::Info);
    assert_eq!(
        paths(&fs[0]),
        [
            "proactive.rules.issued",
            "proactive.rules.in_force",
            "organ"
        ]
    );
    assert!(fs[0].message.contains("本年制发0件、现行有效6件"));

    r.organ = "水城区人民政府".into();
    assert_eq!(findings(&r), vec![]);
    r.organ = "相桥街道办事处".into();
    assert_eq!(findings(&r).len(), 1);
}

#[test]
fn errors_come_before_warnings_and_hints() {
    let mut r = assets::sample();
    *r.proactive.count_mut(ProactiveField::RulesIssued).unwrap() = Some(1);
    r.problems.clear();
    set(&mut r, AppRow::Granted, AppCol::Total, 1);
    let sev: Vec<_> = findings(&r).iter().map(|f| f.severity).collect();
    let mut sorted = sev.clone();
    sorted.sort();
    assert_eq!(sev, sorted);
    assert_eq!(sev.first(), Some(&Severity::Error));
    assert_eq!(sev.last(), Some(&Severity::Info));
}

#[test]
fn cells_name_their_labels() {
    assert_eq!(
        CellRef::Appeal(AppealGroup::Review, AppealPart::Total).label(),
        "行政复议·总计"
    );
}

#[test]
fn characters_the_font_lacks_are_errors() {
    let mut r = assets::sample();
    r.organ = "\u{E000}镇人民政府".into();
    let covers = |c: char| c != '\u{E000}';
    let fs = checks::run(&r, None, &covers);
    assert_eq!(fs.len(), 1, "{fs:#?}");
    assert_eq!(fs[0].id, "font.missing_glyph");
    assert_eq!(fs[0].severity, Severity::Error);
    assert_eq!(paths(&fs[0]), ["organ"]);
    assert!(
        fs[0]
            .message
            .starts_with("“机关名称”中有字体无法显示的字：“\u{E000}”(U+E000)"),
        "{}",
        fs[0].message
    );
    // With the real embedded font.
    let font = nianbao::fonts::Coverage::of(nianbao::fonts::UI_FONT);
    let fs = checks::run(&r, None, &|c| font.covers(c));
    assert_eq!(fs.len(), 1);
    r.organ = "阿戛镇人民政府".into();
    assert!(checks::run(&r, None, &|c| font.covers(c)).is_empty());
}
