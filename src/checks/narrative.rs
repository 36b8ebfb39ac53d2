//! The rules that read the narrative against the tables (FORMAT.md):
//! `narrative.applications` — 一 says no applications came, table B says
//! some did; `narrative.numbers` — a count in the text that matches no figure
//! of the table it speaks of.

use super::text::{Figure, clauses, figures, whole_number};
use super::{Finding, Rule, Severity};
use crate::form::relations;
use crate::form::{AppCol, AppRow, AppealGroup, AppealPart, LAWSUIT, ProactiveField, Section};
use crate::report::{CellRef, Report};

pub fn check(r: &Report, out: &mut Vec<Finding>) {
    no_applications(r, out);
    numbers(r, out);
}

/// The narrative fields of 一, in reading order.
pub(super) fn overview_cells(r: &Report) -> Vec<CellRef> {
    std::iter::once(CellRef::OverviewIntro)
        .chain((0..r.overview.parts.len()).map(CellRef::OverviewPart))
        .collect()
}

/// Every narrative field whose figures are compared with the tables.
pub(super) fn narrative_cells(r: &Report) -> Vec<CellRef> {
    let mut cells = overview_cells(r);
    cells.extend([CellRef::Problems, CellRef::OtherMatters]);
    cells
}

/// A clause quoted in a message: whole if short, else cut with "…".
pub(super) fn quote(clause: &str) -> String {
    // Only the head is read: a finding in a long text costs no more.
    let mut rest = clause.chars();
    let head: String = rest.by_ref().take(40).collect();
    if rest.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Words that say nothing came; 无 only where it negates (not 无法, 无正当理由).
fn says_none_came(clause: &str) -> bool {
    let Some(app) = clause.rfind("申请") else {
        return false;
    };
    let before = &clause[..app];
    [
        "未收到",
        "没有收到",
        "未接到",
        "没有接到",
        "未受理",
        "没有受理",
    ]
    .iter()
    .any(|w| before.contains(w))
        || before.match_indices('无').any(|(i, _)| {
            let rest = &before[i + '无'.len_utf8()..];
            !["法", "正当", "理由", "需", "论"]
                .iter()
                .any(|w| rest.starts_with(w))
                && !rest.contains(['，', ','])
                && rest.chars().count() <= 12
        })
}

/// `narrative.applications`: a clause of 一 says no applications came while
/// 一、本年新收 总计 > 0.
fn no_applications(r: &Report, out: &mut Vec<Finding>) {
    let total_cell = CellRef::App(AppRow::NewReceived, AppCol::Total);
    let Some(total) = r.count(total_cell).filter(|n| *n > 0) else {
        return;
    };
    for cell in overview_cells(r) {
        let Some(text) = r.text(cell) else { continue };
        if let Some(clause) = clauses(text).find(|c| says_none_came(c)) {
            out.push(Finding {
                id: Rule::NarrativeApplications,
                severity: Severity::Warning,
                cells: vec![cell, total_cell],
                message: format!(
                    "{}写“{}”，但{}“{}”{}为{total}件：正文与表格不一致，请核对",
                    cell.label(),
                    quote(clause),
                    Section::Applications.table_name().unwrap_or_default(),
                    AppRow::NewReceived.full_label(),
                    AppCol::Total.label()
                ),
            });
            return;
        }
    }
}

/// What a count in the narrative speaks of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Topic {
    Applications,
    Review,
    Lawsuits,
    NormativeInForce,
}

/// Where each topic's key word sits in a clause (byte offset just after it).
fn topics(clause: &str) -> Vec<(usize, usize, Topic)> {
    let mut out = Vec::new();
    for w in ["收到", "受理", "新收"] {
        for (i, _) in clause.match_indices(w) {
            out.push((i, i + w.len(), Topic::Applications));
        }
    }
    for (i, _) in clause.match_indices("复议") {
        let before = &clause[..i];
        let after = &clause[i + "复议".len()..];
        // 复议后起诉 and 未经复议直接起诉 are lawsuits, not reviews.
        if !after.starts_with("后") && !before.ends_with('经') {
            out.push((i, i + "复议".len(), Topic::Review));
        }
    }
    for (i, _) in clause.match_indices("诉讼") {
        out.push((i, i + "诉讼".len(), Topic::Lawsuits));
    }
    for (i, _) in clause.match_indices("现行有效") {
        out.push((i, i + "现行有效".len(), Topic::NormativeInForce));
    }
    out.sort_by_key(|(start, end, _)| (*start, *end));
    out
}

/// Byte offset of a figure in its clause (figures borrow from the clause).
fn offset(clause: &str, f: &Figure) -> usize {
    f.number.as_ptr() as usize - clause.as_ptr() as usize
}

/// A count the narrative states (`n`, in `text` of `cell`) against the
/// figures the table allows: nothing where one of them is `n` (compared as
/// digits: exact however long the number in the text), else `rule`'s
/// finding on the text and the table's `cells`, saying what the table has.
pub(super) fn stated_against_table(
    rule: Rule,
    cell: CellRef,
    text: &str,
    n: &str,
    allowed: &[impl ToString],
    cells: Vec<CellRef>,
    said: &str,
) -> Option<Finding> {
    if allowed.iter().any(|a| a.to_string() == n) {
        return None;
    }
    let mut all = vec![cell];
    all.extend(cells);
    Some(Finding {
        id: rule,
        severity: rule.severity(),
        cells: all,
        message: format!(
            "{}写“{}”，其中{n}件与表格不符：{said}，请核对",
            cell.label(),
            quote(text)
        ),
    })
}

/// The figures the table gives for a topic, and the cells they come from;
/// `None` when a cell involved is blank (value.blank stands in). Sums are
/// exact: two huge counts add up to a number larger than any u64, never to a
/// wrapped or saturated one that a figure in the text could equal.
fn table_figures(r: &Report, topic: Topic) -> Option<(Vec<u128>, Vec<CellRef>, String)> {
    let total = |row| CellRef::App(row, AppCol::Total);
    let group_total = |g| CellRef::Appeal(g, AppealPart::Total);
    let sum = |a: u64, b: u64| relations::sum([a, b]);
    let applications = Section::Applications.table_name().unwrap_or_default();
    let appeals = Section::Appeals.table_name().unwrap_or_default();
    let total_label = AppCol::Total.label();
    Some(match topic {
        Topic::Applications => {
            let (new, carried) = (total(AppRow::NewReceived), total(AppRow::CarriedOver));
            let n = r.count(new)?;
            // "表三第一项本年新收总计为…件".
            let said_new = format!(
                "{applications}{}{}{total_label}为{n}件",
                AppRow::NewReceived.item(),
                AppRow::NewReceived.brief()
            );
            match r.count(carried) {
                Some(c) => (
                    vec![n.into(), sum(n, c)],
                    vec![new, carried],
                    format!(
                        "{said_new}，{}加{}{}为{}件",
                        AppRow::NewReceived.item(),
                        AppRow::CarriedOver.item(),
                        AppRow::CarriedOver.brief(),
                        sum(n, c)
                    ),
                ),
                None => (vec![n.into()], vec![new], said_new),
            }
        }
        Topic::Review => {
            let g = AppealGroup::Review;
            let c = group_total(g);
            let n = r.count(c)?;
            (
                vec![n.into()],
                vec![c],
                format!("{appeals}{}{total_label}为{n}件", g.label()),
            )
        }
        Topic::Lawsuits => {
            let (direct, after) = (AppealGroup::SuitDirect, AppealGroup::SuitAfterReview);
            let (d, a) = (group_total(direct), group_total(after));
            let (x, y) = (r.count(d)?, r.count(a)?);
            (
                vec![sum(x, y)],
                vec![d, a],
                format!(
                    "{appeals}{LAWSUIT}{total_label}为{}件（{}{x}件、{}{y}件）",
                    sum(x, y),
                    direct.label(),
                    after.label()
                ),
            )
        }
        Topic::NormativeInForce => {
            let field = ProactiveField::NormativeInForce;
            let c = CellRef::ProactiveField(field);
            let n = r.count(c)?;
            (
                vec![n.into()],
                vec![c],
                format!(
                    "{}{}{}为{n}件",
                    Section::Proactive.table_name().unwrap_or_default(),
                    field.row_label(),
                    field.column_label()
                ),
            )
        }
    })
}

/// How far after its key word a count may stand and still be about it.
const REACH: usize = 40;

/// `narrative.numbers`: within a clause, the first N件 after a key word must
/// equal the table's figure for it. A count after a list of key words of
/// different topics ("行政复议、行政诉讼案件3件") is about them together and
/// is skipped.
fn numbers(r: &Report, out: &mut Vec<Finding>) {
    for cell in narrative_cells(r) {
        let Some(text) = r.text(cell) else { continue };
        for clause in clauses(text) {
            let found = figures(clause, &["件"]);
            let keys = topics(clause);
            // The first count after each key word, unless another key word comes first.
            let counts: Vec<Option<&Figure>> = keys
                .iter()
                .enumerate()
                .map(|(k, &(_, end, _))| {
                    let fig = found.iter().find(|f| offset(clause, f) >= end)?;
                    let at = offset(clause, fig);
                    let taken = keys[k + 1..].iter().any(|(s, _, _)| *s < at);
                    (!taken && at - end <= REACH * 3).then_some(fig)
                })
                .collect();
            for (k, &(_, key_end, topic)) in keys.iter().enumerate() {
                let Some(fig) = counts[k] else { continue };
                let listed = k > 0 && counts[k - 1].is_none() && keys[k - 1].2 != topic && {
                    let gap = clause[keys[k - 1].1..keys[k].0].replace("行政", "");
                    !gap.is_empty() && gap.chars().all(|c| "、和及与或,， ".contains(c))
                };
                if listed || !about(clause, key_end, offset(clause, fig), topic) {
                    continue;
                }
                let Some(n) = whole_number(fig.number) else {
                    continue;
                };
                let Some((expected, cells, said)) = table_figures(r, topic) else {
                    continue;
                };
                out.extend(stated_against_table(
                    Rule::NarrativeNumbers,
                    cell,
                    clause,
                    &n,
                    &expected,
                    cells,
                    &said,
                ));
            }
        }
    }
}

/// Whether the count at `at` is of what the key word's topic counts:
/// 收到 … 申请 (or 收到N件申请), 现行有效 … 规范性文件.
fn about(clause: &str, key_end: usize, at: usize, topic: Topic) -> bool {
    let between = &clause[key_end..at];
    match topic {
        Topic::Applications => {
            let after = clause[at..].trim_start_matches(|c: char| c.is_numeric() || c == ' ');
            between.contains("申请") || after.starts_with("件申请")
        }
        Topic::NormativeInForce => between.contains("规范性文件"),
        Topic::Review | Topic::Lawsuits => true,
    }
}
