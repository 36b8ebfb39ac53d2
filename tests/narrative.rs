//! The rules that read the narrative (FORMAT.md): `narrative.applications`,
//! `narrative.numbers`, `narrative.completed`, `narrative.sum`,
//! `year.mismatch` — what they
//! catch, and the wording they leave alone (the published reports of
//! `tests/corpus/` among it).

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

use nianbao::assets;
use nianbao::checks::{self, Finding, Severity};
use nianbao::form::{AppCol, AppRow, AppealGroup, AppealPart};
use nianbao::import;
use nianbao::report::{CellRef, Report};

fn run(r: &Report, id: &str) -> Vec<Finding> {
    checks::run(r, None, &|_| true)
        .into_iter()
        .filter(|f| f.id == id)
        .collect()
}

fn with_new_received(total: u64, carried: u64) -> Report {
    let mut r = assets::sample();
    *r.applications.get_mut(AppRow::NewReceived, AppCol::Total) = Some(total);
    *r.applications.get_mut(AppRow::CarriedOver, AppCol::Total) = Some(carried);
    r
}

#[test]
fn the_sample_raises_no_narrative_finding() {
    let r = assets::sample();
    for id in [
        "narrative.applications",
        "narrative.numbers",
        "narrative.completed",
        "narrative.sum",
        "year.mismatch",
    ] {
        assert!(run(&r, id).is_empty(), "{id}: {:#?}", run(&r, id));
    }
}

#[test]
fn no_applications_in_the_text_but_some_in_the_table() {
    let r = with_new_received(2, 0);
    let f = run(&r, "narrative.applications");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(
        f[0].cells,
        [
            CellRef::OverviewPart(1),
            CellRef::App(AppRow::NewReceived, AppCol::Total)
        ]
    );
    assert_eq!(
        f[0].message,
        "一、总体情况·（二）写“2024年,我镇未收到依申请公开办件”，但表三“一、本年新收政府信息公开申请数量”总计为2件：正文与表格不一致，请核对"
    );
}

#[test]
fn wu_that_does_not_deny_is_not_read_as_none_came() {
    let mut r = with_new_received(2, 0);
    r.overview.parts[1].body =
        "对无法提供的申请逐件说明理由。申请人无正当理由逾期不补正的申请，依法不再处理。本年度无政府信息公开申请".into();
    let f = run(&r, "narrative.applications");
    // Only the last clause says none came.
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message.contains("“本年度无政府信息公开申请”"),
        "{}",
        f[0].message
    );
    r.overview.parts[1].body = "对无法提供的申请逐件说明理由。".into();
    assert!(run(&r, "narrative.applications").is_empty());
}

#[test]
fn received_may_count_new_or_new_plus_carried_over() {
    // 平潭 2022: 一 = 74, 二 = 1, the text says 收到申请75件.
    for said in [74, 75] {
        let mut r = with_new_received(74, 1);
        r.overview.parts[1].body = format!("2024年，全区收到政府信息公开申请{said}件，均已答复。");
        assert!(run(&r, "narrative.numbers").is_empty(), "{said}");
    }
    let mut r = with_new_received(74, 1);
    r.overview.parts[1].body = "2024年，全区收到政府信息公开申请73件，均已答复。".into();
    let f = run(&r, "narrative.numbers");
    assert_eq!(f.len(), 1);
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
        "一、总体情况·（二）写“2024年，全区收到政府信息公开申请73件，均已答复”，其中73件与表格不符：表三第一项本年新收总计为74件，第一项加第二项上年结转为75件，请核对"
    );
}

#[test]
fn a_count_before_the_word_application() {
    let mut r = with_new_received(70, 0);
    r.overview.parts[1].body =
        "本年度全区共收到71件申请，及时依法依规办结69件，1件结转下年度。".into();
    let f = run(&r, "narrative.numbers");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        f[0].message
            .contains("其中71件与表格不符：表三第一项本年新收总计为70件")
    );
}

#[test]
fn reviews_and_lawsuits_are_each_compared_with_their_total() {
    let mut r = assets::sample();
    *r.appeals.get_mut(AppealGroup::Review, AppealPart::Total) = Some(2);
    *r.appeals
        .get_mut(AppealGroup::SuitDirect, AppealPart::Total) = Some(1);
    // 平潭 2022's wording: both right.
    r.overview.parts[4].body = "共有行政诉讼案件1件、行政复议案件2件，均已结案。".into();
    assert!(run(&r, "narrative.numbers").is_empty());
    // A listing of both before one count is about them together: not compared.
    r.overview.parts[4].body = "行政复议、行政诉讼案件共3件。".into();
    assert!(run(&r, "narrative.numbers").is_empty());
    r.overview.parts[4].body = "全年收到行政复议申请3件，未经复议直接起诉的行政诉讼1件。".into();
    let f = run(&r, "narrative.numbers");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        f[0].cells,
        [
            CellRef::OverviewPart(4),
            CellRef::Appeal(AppealGroup::Review, AppealPart::Total)
        ]
    );
    assert!(
        f[0].message
            .contains("其中3件与表格不符：表四行政复议总计为2件")
    );
}

#[test]
fn normative_documents_in_force() {
    let mut r = assets::sample();
    r.overview.parts[0].body = "集中公开现行有效行政规范性文件698件。".into();
    let f = run(&r, "narrative.numbers");
    assert_eq!(f.len(), 1);
    assert!(f[0].message.contains("表二行政规范性文件现行有效件数为0件"));
}

#[test]
fn last_years_text_left_in_this_years_report() {
    let mut r = assets::sample();
    r.year = 2025;
    r.preamble = "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。".into();
    r.problems = "2024年本单位存在以下问题。2026年，我镇将加强培训。".into();
    let f = run(&r, "year.mismatch");
    let cells: Vec<_> = f.iter().map(|f| f.cells[0].to_string()).collect();
    assert_eq!(
        cells,
        [
            "preamble",
            "overview.intro",
            "overview.parts[0].body",
            "problems"
        ]
    );
    assert!(f.iter().all(|f| f.cells[1] == CellRef::Year));
    assert_eq!(
        f[1].message,
        "一、总体情况·导语开头写的年份是2024年（“2024年,在区委区政府和业务部门的坚强领导下,阿戛镇人民政…”），而本报告是2025年度的：是否沿用了上一年的文字？请核对年份"
    );
}

#[test]
fn a_later_year_or_a_year_inside_a_sentence_is_fine() {
    let mut r = assets::sample();
    r.problems = "下一步，我镇将对照2023年的做法，在2025年加强培训。".into();
    r.title = "阿戛镇人民政府2024年度政府信息公开工作年度报告".into();
    assert!(run(&r, "year.mismatch").is_empty());
    r.title = "阿戛镇人民政府2023年政府信息公开工作年度报告".into();
    let f = run(&r, "year.mismatch");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].cells, [CellRef::Title, CellRef::Year]);
}

/// 一 + 二 near u64::MAX: the sum the text is compared with is exact (it
/// overflowed u64 before: a panic in a debug build, a wrapped 0 in release).
#[test]
fn a_sum_beyond_u64_in_the_table_compares_exactly() {
    let max = u64::MAX; // 18446744073709551615
    // The text gives 一 + 二, one more than u64::MAX: it matches.
    let mut r = with_new_received(max, 1);
    r.overview.parts[1].body = "全年收到政府信息公开申请18446744073709551616件。".into();
    assert!(run(&r, "narrative.numbers").is_empty());
    r.overview.parts[1].body = "全年收到政府信息公开申请18446744073709551614件。".into();
    let f = run(&r, "narrative.numbers");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        f[0].message.ends_with(
            "表三第一项本年新收总计为18446744073709551615件，第一项加第二项上年结转为18446744073709551616件，请核对"
        ),
        "{}",
        f[0].message
    );
}

/// A number in the text too large for a u64 once saturated to u64::MAX and
/// matched a 一 总计 of u64::MAX: it is read whole, and compared exactly.
#[test]
fn a_number_beyond_any_integer_type_is_read_whole() {
    let max = u64::MAX;
    let mut r = with_new_received(max, 0);
    r.overview.parts[1].body = "全年收到政府信息公开申请99999999999999999999件。".into();
    let f = run(&r, "narrative.numbers");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        f[0].message,
        "一、总体情况·（二）写“全年收到政府信息公开申请99999999999999999999件”，其中99999999999999999999件与表格不符：表三第一项本年新收总计为18446744073709551615件，第一项加第二项上年结转为18446744073709551615件，请核对"
    );
    // Longer than any integer type, with full-width digits: still whole.
    let huge = "９".repeat(45);
    r.overview.parts[1].body = format!("全年收到政府信息公开申请{huge}件。");
    let f = run(&r, "narrative.numbers");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        f[0].message
            .contains(&format!("其中{}件与表格不符", "9".repeat(45))),
        "{}",
        f[0].message
    );
}

/// 直接起诉总计 + 复议后起诉总计 near u64::MAX: exact, not wrapped.
#[test]
fn the_lawsuit_sum_of_two_huge_totals_is_exact() {
    let mut r = assets::sample();
    for g in [AppealGroup::SuitDirect, AppealGroup::SuitAfterReview] {
        *r.appeals.get_mut(g, AppealPart::Total) = Some(u64::MAX);
    }
    r.overview.parts[4].body = "本年度发生行政诉讼36893488147419103230件。".into();
    assert!(run(&r, "narrative.numbers").is_empty());
    // Wrapped, the sum would be 18446744073709551614.
    r.overview.parts[4].body = "本年度发生行政诉讼18446744073709551614件。".into();
    let f = run(&r, "narrative.numbers");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        f[0].message.ends_with(
            "其中18446744073709551614件与表格不符：表四行政诉讼总计为36893488147419103230件（未经复议直接起诉18446744073709551615件、复议后起诉18446744073709551615件），请核对"
        ),
        "{}",
        f[0].message
    );
}

/// A published report of `tests/corpus/`, imported as `nianbao check` reads it.
fn corpus(stem: &str) -> Report {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(format!("{stem}.txt"));
    import::import_file(&path)
        .unwrap_or_else(|e| panic!("{stem}: {e}"))
        .report
}

fn set_total(r: &mut Report, row: AppRow, v: Option<u64>) {
    *r.applications.get_mut(row, AppCol::Total) = v;
}

/// 5 new, 1 carried over, 6 done: the sample's tables otherwise.
fn with_six_done() -> Report {
    let mut r = with_new_received(5, 1);
    set_total(&mut r, AppRow::OutcomeTotal, Some(6));
    r
}

#[test]
fn completed_counts_all_done_or_only_this_years() {
    let mut r = with_six_done();
    for said in ["办结6件", "办结5件", "均已办理完毕，共6件", "答复申请６件"] {
        r.overview.parts[1].body = format!("全年共收到政府信息公开申请5件，{said}。");
        assert!(run(&r, "narrative.completed").is_empty(), "{said}");
    }
    r.overview.parts[1].body = "全年共收到政府信息公开申请5件，办结4件。".into();
    let f = run(&r, "narrative.completed");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(
        f[0].cells,
        [
            CellRef::OverviewPart(1),
            CellRef::App(AppRow::OutcomeTotal, AppCol::Total),
            CellRef::App(AppRow::CarriedOver, AppCol::Total)
        ]
    );
    assert_eq!(
        f[0].message,
        "一、总体情况·（二）写“办结4件”，其中4件与表格不符：表三第三项（七）总计为6件，减去第二项上年结转1件为5件，请核对"
    );
    // 二 blank: only （七）总计 is compared, and said so.
    set_total(&mut r, AppRow::CarriedOver, None);
    let f = run(&r, "narrative.completed");
    assert_eq!(
        f[0].message,
        "一、总体情况·（二）写“办结4件”，其中4件与表格不符：表三第三项（七）总计为6件，请核对"
    );
    assert_eq!(f[0].cells.len(), 2);
    // （七）总计 blank: nothing to compare with (value.blank says so).
    set_total(&mut r, AppRow::OutcomeTotal, None);
    assert!(run(&r, "narrative.completed").is_empty());
}

#[test]
fn carried_into_next_year_is_compared_with_table_four() {
    let mut r = with_six_done();
    set_total(&mut r, AppRow::CarriedForward, Some(1));
    r.overview.intro = "本年度办结6件，2件结转下年度继续办理。".into();
    let f = run(&r, "narrative.completed");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        f[0].cells,
        [
            CellRef::OverviewIntro,
            CellRef::App(AppRow::CarriedForward, AppCol::Total)
        ]
    );
    assert_eq!(
        f[0].message,
        "一、总体情况·导语写“2件结转下年度继续办理”，其中2件与表格不符：表三第四项结转下年度总计为1件，请核对"
    );
    for said in ["1件结转下年度继续办理", "另有1件顺延至下一年度答复"] {
        r.overview.intro = format!("本年度办结6件，{said}。");
        assert!(run(&r, "narrative.completed").is_empty(), "{said}");
    }
    // Last year's carry-over is not this year's.
    r.overview.intro = "办结上年结转至本年度的申请3件。".into();
    assert!(run(&r, "narrative.completed").is_empty());
    set_total(&mut r, AppRow::CarriedForward, None);
    r.overview.intro = "2件结转下年度继续办理。".into();
    assert!(run(&r, "narrative.completed").is_empty());
}

#[test]
fn completed_skips_what_it_cannot_tie() {
    let mut r = with_six_done();
    for text in [
        // Two counts in one phrase; a 件 whose number moved away.
        "办结3件、答复4件。",
        "受理的申请件已按规定办结。",
        // 共办理 of cases, in a sentence without 申请.
        "全县共办理相关案件 74 件，维护了政府公信力。",
        // Other sections are not read.
    ] {
        r.overview.parts[1].body = text.into();
        assert!(run(&r, "narrative.completed").is_empty(), "{text}");
    }
    r.overview.parts[1].body = "全年受理申请5件；共办理 4 件。".into();
    assert_eq!(run(&r, "narrative.completed").len(), 1);
    r.overview.parts[1].body.clear();
    r.problems = "全年办结4件。".into();
    assert!(run(&r, "narrative.completed").is_empty());
}

/// 上海 2019 (答复…805件（含上年度结转申请18件，另有72件申请…顺延到下年度答复）)
/// and 沭阳 2025 (共办理 718 件，结转下一年 31 件; 共办理相关案件 74 件) say
/// what their tables say — and a table that said otherwise would be caught.
#[test]
fn completed_reads_the_published_wording() {
    for stem in [
        "002_fujian-pingtan-2021",
        "003_fujian-pingtan-2022",
        "007_shanghai-municipal-office-2019-format2019",
        "008_jiangsu-huaian-hongzequ-2023",
        "032_jiangsu-shuyang-county-2025",
    ] {
        let r = corpus(stem);
        let f = run(&r, "narrative.completed");
        assert!(f.is_empty(), "{stem}: {f:#?}");
    }

    let mut r = corpus("007_shanghai-municipal-office-2019-format2019");
    set_total(&mut r, AppRow::OutcomeTotal, Some(800));
    set_total(&mut r, AppRow::CarriedForward, Some(70));
    let messages: Vec<_> = run(&r, "narrative.completed")
        .into_iter()
        .map(|f| f.message)
        .collect();
    assert_eq!(
        messages,
        [
            "一、总体情况·（二）写“另有72件申请按照《条例》顺延到下年度答复”，其中72件与表格不符：表三第四项结转下年度总计为70件，请核对",
            "一、总体情况·（二）写“答复政府信息公开申请805件”，其中805件与表格不符：表三第三项（七）总计为800件，减去第二项上年结转18件为782件，请核对",
        ]
    );

    let mut r = corpus("032_jiangsu-shuyang-county-2025");
    set_total(&mut r, AppRow::OutcomeTotal, Some(717));
    let f = run(&r, "narrative.completed");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        f[0].message
            .contains("写“共办理 718 件”，其中718件与表格不符"),
        "{}",
        f[0].message
    );
}

#[test]
fn parts_that_add_up_to_more_than_their_total() {
    let mut r = assets::sample();
    r.overview.intro = "全年共发布政府信息30条，其中工作动态20条、通知公告15条。".into();
    let f = run(&r, "narrative.sum");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, Severity::Info);
    assert_eq!(f[0].cells, [CellRef::OverviewIntro]);
    assert_eq!(
        f[0].message,
        "一、总体情况·导语写“全年共发布政府信息30条，其中工作动态20条、通知公告15条”：其中各项20+15=35条，多于总数30条，请核对"
    );
    // Parts may leave some out; the unit must be the total's; the list ends
    // at ；, 。 or the next total.
    for text in [
        "全年共发布政府信息30条，其中工作动态20条、通知公告10条。",
        "全年共发布政府信息30条，其中工作动态20条。",
        "全年共发布政府信息30条，其中工作动态20条、浏览量15次。",
        "全年共发布政府信息30条，其中工作动态20条；另在政务公开栏公开信息15条。",
        "全年共发布政府信息30条，其中工作动态20条，累计转载15条。",
        "全年共发布政府信息30条。其中工作动态20条、通知公告15条。",
        "公共服务类信息30条，其中工作动态20条、通知公告15条。",
    ] {
        r.overview.intro = text.into();
        assert!(run(&r, "narrative.sum").is_empty(), "{text}");
    }
}

#[test]
fn parts_listed_with_fenbiewei_must_make_the_total() {
    let mut r = assets::sample();
    r.problems = "共收到申请10件，其中自然人、法人分别为6件、3件。".into();
    let f = run(&r, "narrative.sum");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].cells, [CellRef::Problems]);
    assert_eq!(
        f[0].message,
        "五、存在的主要问题及改进情况写“共收到申请10件，其中自然人、法人分别为6件、3件”：其中各项6+3=9件，与总数10件不符，请核对"
    );
    r.problems = "共收到申请10件，其中自然人、法人分别为7件、3件。".into();
    assert!(run(&r, "narrative.sum").is_empty());
}

#[test]
fn approximate_parts_and_two_dimensions_are_not_added() {
    let mut r = assets::sample();
    for text in [
        "全年共发布政府信息30条，其中工作动态20余条、通知公告15条。",
        "全年共发布政府信息30条，其中工作动态约20条、通知公告15条。",
        "全年共发布政府信息30多条，其中工作动态20条、通知公告15条。",
        // Applicants, then outcomes: each application counted twice.
        "共收到申请30件，其中自然人28件、法人2件，予以公开20件、不予公开10件。",
        "共收到申请30件，其中自然人申请25件，予以公开20件。",
    ] {
        r.overview.parts[1].body = text.into();
        assert!(run(&r, "narrative.sum").is_empty(), "{text}");
    }
}

/// 平潭 2020: 82+80+21+40+390+69+143+208+246+271+1053 = 2603, one more than
/// the 2602 it says it published; the other published reports' lists hold.
#[test]
fn a_published_list_that_does_not_add_up() {
    let f = run(
        &corpus("001_fujian-pingtan-2020-format2019"),
        "narrative.sum",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].cells, [CellRef::OverviewIntro]);
    assert_eq!(
        f[0].message,
        "一、总体情况·导语写“全年我区政府信息公开单位共公布政府信息2602条(其中机构职能类信息82条，政策…”：其中各项82+80+21+40+390+69+143+208+246+271+1053=2603条，多于总数2602条，请核对"
    );
    for stem in [
        "000_guizhou-shuicheng-agazhen-2024",
        "002_fujian-pingtan-2021",
        "003_fujian-pingtan-2022",
        "007_shanghai-municipal-office-2019-format2019",
        "008_jiangsu-huaian-hongzequ-2023",
        "032_jiangsu-shuyang-county-2025",
    ] {
        let f = run(&corpus(stem), "narrative.sum");
        assert!(f.is_empty(), "{stem}: {f:#?}");
    }
}
