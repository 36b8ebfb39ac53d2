//! A published page whose table holds numbers near u64::MAX: the importer's
//! choice between splits of run-together digits adds in the form's exact
//! arithmetic, so it neither panics (a debug build) nor wraps into a balance
//! that seems to hold (a release build) and picks or refuses the wrong split.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

use nianbao::checks;
use nianbao::form::{AppCol, AppRow};
use nianbao::import::{self, Imported};
use nianbao::report::CellRef;

/// A text page, as copied from a portal, whose table B has `rows` (row →
/// its cells as printed; rows not given print seven zeros).
fn page(rows: &[(AppRow, &str)]) -> String {
    let mut t = String::from(
        "测试县人民政府2024年政府信息公开工作年度报告\n\
         一、总体情况\n2024年，我县认真贯彻落实《条例》。\n\
         二、主动公开政府信息情况\n\
         第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n\
         规章 0 0 0\n行政规范性文件 0 0 0\n\
         第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 0\n\
         第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚 0\n行政强制 0\n\
         第二十条第（八）项\n信息内容 本年收费金额（单位：万元）\n行政事业性收费 0\n\
         三、收到和处理政府信息公开申请情况\n\
         （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\
         申请人情况\n自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n",
    );
    for row in AppRow::ALL {
        let l = row.label();
        if row == AppRow::Granted {
            t += l.top;
            t += "\n";
        }
        if let Some(g) = l.group
            && AppRow::ALL.iter().find(|r| r.label().group == Some(g)) == Some(&row)
        {
            t += g.label();
            t += "\n";
        }
        let cells = rows
            .iter()
            .find(|(r, _)| *r == row)
            .map_or("0 0 0 0 0 0 0", |(_, c)| c);
        t += &format!("{} {cells}\n", l.leaf.unwrap_or(l.top));
    }
    t += "四、政府信息公开行政复议、行政诉讼情况\n\
          行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n\
          结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n\
          0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n\
          五、存在的主要问题及改进情况\n队伍建设有待加强。\n\
          六、其他需要报告的事项\n本年度未收取信息处理费。\n";
    t
}

fn import(text: &str) -> Imported {
    import::import_bytes(text.as_bytes(), None).expect("a report")
}

/// 四 is printed run together, "220000325": 22|0|0|0|0|3|25 or 2|20|0|0|0|3|25
/// both make its row total. The columns decide. 自然人: 22 + 0 = 0 + 22, so
/// the first. 商业企业: u64::MAX + 21 can equal no 0 + 四 — but wrapped to 20
/// it "balanced" the second split and tied the choice (and in a debug build
/// the addition panicked).
#[test]
fn huge_figures_neither_panic_nor_balance_by_wrapping() {
    let text = page(&[
        // 其他 and 总计 balance only with 四's true split (3, 25): a page whose
        // other columns a wrong split could balance by chance decides nothing.
        (AppRow::NewReceived, "22 18446744073709551615 0 0 0 3 25"),
        (AppRow::CarriedOver, "0 21 0 0 0 0 0"),
        (AppRow::CarriedForward, "220000325"),
    ]);
    let i = import(&text);
    let a = &i.report.applications;
    assert_eq!(
        a.row(AppRow::NewReceived)[..2],
        [Some(22), Some(u64::MAX)],
        "{:#?}",
        i.summary
    );
    assert_eq!(
        *a.row(AppRow::CarriedForward),
        [22, 0, 0, 0, 0, 3, 25].map(Some),
        "{:#?}",
        i.summary.lines()
    );
    assert!(
        i.summary
            .decided
            .iter()
            .any(|s| s.contains("“220000325”→22|0|0|0|0|3|25（按各列合计确定）")),
        "{:#?}",
        i.summary.decided
    );
    assert!(i.summary.unplaced.is_empty(), "{:#?}", i.summary.unplaced);

    // The checks see the exact sums: 商业企业 does not balance.
    let findings = checks::run(&i.report, None, &|_| true);
    let balance: Vec<_> = findings
        .iter()
        .filter(|f| f.id == "apps.balance")
        .map(|f| f.message.as_str())
        .collect();
    assert!(
        balance.contains(
            &"三、商业企业列：第一项(18446744073709551615)+第二项(21)=18446744073709551636，第三项总计(0)+第四项(0)=0，相差18446744073709551636"
        ),
        "{balance:#?}"
    );
    assert!(
        !balance.iter().any(|m| m.starts_with("三、自然人列")),
        "{balance:#?}"
    );
}

/// The 21 outcome rows at u64::MAX each: their sum (21 × u64::MAX) is exact,
/// never wrapped into the (七)总计 printed (it panicked in a debug build);
/// where no rule tells the splits of 四 apart, the cells they differ in are
/// left blank — those they agree on are the row total's.
#[test]
fn huge_outcome_rows_are_summed_exactly() {
    let max = u64::MAX.to_string();
    let huge_row = format!("{max} 0 0 0 0 0 0");
    let mut rows: Vec<(AppRow, &str)> =
        AppRow::outcomes().map(|r| (r, huge_row.as_str())).collect();
    // 21 × u64::MAX wraps to u64::MAX − 20 = 18446744073709551595.
    rows.push((AppRow::OutcomeTotal, "18446744073709551595 0 0 0 0 0 0"));
    // 其他 balances with both splits of 四 that make its row total (…|3|25).
    rows.push((AppRow::NewReceived, "0 10 0 0 0 3 13"));
    rows.push((AppRow::CarriedForward, "220000325"));
    let text = page(&rows);
    let i = import(&text);
    let a = &i.report.applications;
    assert_eq!(
        a.get(AppRow::Granted, AppCol::NaturalPerson),
        Some(u64::MAX)
    );
    assert_eq!(
        a.get(AppRow::OutcomeTotal, AppCol::NaturalPerson),
        Some(18_446_744_073_709_551_595)
    );
    // Nothing tells the two splits of 四 apart (22|0… or 2|20…): those two
    // cells are left blank and said so; the other five every split agrees on.
    assert_eq!(
        *a.row(AppRow::CarriedForward),
        [None, None, Some(0), Some(0), Some(0), Some(3), Some(25)]
    );
    let u = i
        .summary
        .unplaced
        .iter()
        .find(|u| u.reason.contains("“220000325”可以拆成2种"))
        .unwrap_or_else(|| panic!("{:#?}", i.summary.unplaced));
    assert_eq!(
        u.cells,
        [AppCol::NaturalPerson, AppCol::Commercial]
            .map(|c| CellRef::App(AppRow::CarriedForward, c))
    );
    let findings = checks::run(&i.report, None, &|_| true);
    let outcome: Vec<_> = findings
        .iter()
        .filter(|f| f.id == "apps.outcome_total")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(outcome.len(), 1, "{outcome:#?}");
    assert!(
        outcome[0].contains("之和为387381625547900583915"),
        "{}",
        outcome[0]
    );
}
