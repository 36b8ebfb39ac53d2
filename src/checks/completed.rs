//! `narrative.completed` (FORMAT.md): what 一 says was completed, or carried
//! into next year, against table 三.
//!
//! Read phrase by phrase (*Reading the narrative*): a phrase that says
//! applications were completed (办结, 答复, 办理完毕, 处理完毕; 共办理 where the
//! sentence speaks of 申请) and holds one count must give 三（七）总计 — or
//! that less 二、上年结转, as some organs count only this year's — and a
//! phrase that carries applications into next year must give 四's total.
//! A phrase about last year's carry-over (上年, 结转, 顺延) is not a count of
//! this year's completed ones; a phrase with two counts, or a 件 without its
//! number, is not read at all.

use super::narrative::{overview_cells, stated_against_table};
use super::text::{clauses, figures, phrases, sentences_with, unit_without_number, whole_number};
use super::{Finding, Rule};
use crate::form::{AppCol, AppRow, Section};
use crate::report::{CellRef, Report};

/// What a phrase says of the applications.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Said {
    /// This many were completed (answered, dealt with).
    Completed,
    /// This many go on into next year.
    CarriedForward,
}

/// Every word [`said`] reads, for skipping a sentence that holds none.
const WORDS: [&str; 7] = [
    "办结",
    "答复",
    "办理完毕",
    "处理完毕",
    "共办理",
    "结转",
    "顺延",
];

fn said(phrase: &str, speaks_of_applications: bool) -> Option<Said> {
    let has = |words: &[&str]| words.iter().any(|w| phrase.contains(w));
    let last_year = phrase.contains("上年");
    if has(&["结转", "顺延"]) {
        (has(&["下年度", "下一年"]) && !last_year).then_some(Said::CarriedForward)
    } else if !last_year
        && (has(&["办结", "答复", "办理完毕", "处理完毕"])
            || (speaks_of_applications && phrase.contains("共办理")))
    {
        Some(Said::Completed)
    } else {
        None
    }
}

/// The phrase's one count N件, as digits; `None` when it holds none, more
/// than one, a decimal, or a 件 whose number is not beside it.
fn sole_count(phrase: &str) -> Option<String> {
    if unit_without_number(phrase, '件') {
        return None;
    }
    match figures(phrase, &["件"]).as_slice() {
        [one] => whole_number(one.number),
        _ => None,
    }
}

pub fn check(r: &Report, out: &mut Vec<Finding>) {
    let done_cell = CellRef::App(AppRow::OutcomeTotal, AppCol::Total);
    let carried_cell = CellRef::App(AppRow::CarriedOver, AppCol::Total);
    let forward_cell = CellRef::App(AppRow::CarriedForward, AppCol::Total);
    let (done, carried, forward) = (
        r.count(done_cell),
        r.count(carried_cell),
        r.count(forward_cell),
    );
    if done.is_none() && forward.is_none() {
        return;
    }
    let table = Section::Applications.table_name().unwrap_or_default();
    for cell in overview_cells(r) {
        let Some(text) = r.text(cell) else { continue };
        // Only the sentences with one of the words, and a 件 for the count.
        for sentence in sentences_with(text, &WORDS)
            .into_iter()
            .filter(|s| s.contains('件'))
        {
            let speaks_of_applications = sentence.contains("申请");
            for phrase in clauses(sentence).flat_map(phrases) {
                let Some(what) = said(&phrase, speaks_of_applications) else {
                    continue;
                };
                let Some(n) = sole_count(&phrase) else {
                    continue;
                };
                // The figures the table allows, the cells they come from, and
                // how the message states them. A blank cell is value.blank's.
                let (allowed, cells, stated) = match what {
                    Said::Completed => {
                        let Some(d) = done else { continue };
                        let row = AppRow::OutcomeTotal;
                        let said_done =
                            format!("{table}{}{}为{d}件", row.item(), row.short_label());
                        match carried.filter(|c| *c <= d) {
                            Some(c) => (
                                vec![d, d - c],
                                vec![done_cell, carried_cell],
                                format!(
                                    "{said_done}，减去{}{}{c}件为{}件",
                                    AppRow::CarriedOver.item(),
                                    AppRow::CarriedOver.brief(),
                                    d - c
                                ),
                            ),
                            None => (vec![d], vec![done_cell], said_done),
                        }
                    }
                    Said::CarriedForward => {
                        let Some(f) = forward else { continue };
                        let row = AppRow::CarriedForward;
                        (
                            vec![f],
                            vec![forward_cell],
                            format!(
                                "{table}{}{}{}为{f}件",
                                row.item(),
                                row.brief(),
                                AppCol::Total.label()
                            ),
                        )
                    }
                };
                out.extend(stated_against_table(
                    Rule::NarrativeCompleted,
                    cell,
                    &phrase,
                    &n,
                    &allowed,
                    cells,
                    &stated,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_phrase_says() {
        assert_eq!(said("及时依法依规办结69件", false), Some(Said::Completed));
        assert_eq!(said("共办理 718 件", true), Some(Said::Completed));
        assert_eq!(said("全县共办理相关案件 74 件", false), None);
        assert_eq!(
            said("1件结转下年度继续办理", false),
            Some(Said::CarriedForward)
        );
        assert_eq!(
            said("另有72件申请顺延到下年度答复", false),
            Some(Said::CarriedForward)
        );
        assert_eq!(said("含上年度结转申请18件", false), None);
        assert_eq!(said("答复上年结转申请3件", false), None);
        assert_eq!(said("收到申请5件", true), None);
    }

    #[test]
    fn one_count_beside_its_number() {
        assert_eq!(sole_count("办结 69 件").as_deref(), Some("69"));
        assert_eq!(sole_count("办结６９件").as_deref(), Some("69"));
        assert_eq!(sole_count("办结3件、答复2件"), None);
        assert_eq!(sole_count("受理的申请件均已答复"), None);
        assert_eq!(sole_count("办结率100%"), None);
        assert_eq!(sole_count("办结1.5件"), None);
    }
}
