//! Table B from published text: find each row by its label, read its seven
//! cells, and where digits ran together choose the split that the table's own
//! totals confirm — the row's 总计, then the columns' 勾稽关系.

use std::sync::OnceLock;

use super::cells::{self, Piece, RowText};
use super::rows::{self, Found};
use super::split;
use super::summary::ImportSummary;
use super::text::{Squeezed, Text, squeeze};
use crate::form::{
    APPLICANT_HEADER, AppCol, AppRow, Figure, ORGANISATION_HEADER, OutcomeGroup, Relation, Section,
};
use crate::report::{Applications, Count};

/// More cuts than this for one row, or combinations for the table: refuse to choose.
const CUT_LIMIT: usize = 20_000;
const COMBINATION_LIMIT: usize = 20_000;

type Row7 = [Count; 7];

/// "表三", as the summary names the table.
fn table() -> &'static str {
    Section::Applications.table_name().unwrap_or_default()
}

/// What was read for a row.
enum State {
    Missing,
    Known(Row7),
    /// Several splits fit the row's total; the columns may decide.
    Choices(Vec<Row7>, String),
}

/// Texts inside the table that are labels of the form but not rows of
/// figures: group labels, headers. pdftotext moves them between rows.
fn noise(sq: &[char]) -> bool {
    static WORDS: OnceLock<Vec<Vec<char>>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut words: Vec<Vec<char>> = [
            OutcomeGroup::Denied,
            OutcomeGroup::Unable,
            OutcomeGroup::Rejected,
            OutcomeGroup::OtherHandling,
        ]
        .iter()
        .map(|g| rows::parts(g.label()).body)
        .collect();
        words.push(rows::parts(AppRow::Granted.label().top).body);
        words.push(squeeze(APPLICANT_HEADER));
        words.push(squeeze(ORGANISATION_HEADER));
        words.extend(AppCol::ALL.iter().map(|c| squeeze(c.label())));
        words
    });
    // Nothing is left once the words and their ordinals are taken out
    // (pdftotext may run two together: "三、本年度办理结果（四）无法提供").
    let mut rest: Vec<char> = sq.to_vec();
    let mut removed = false;
    for w in words {
        while let Some(i) = rest.windows(w.len()).position(|x| x == w.as_slice()) {
            rest.drain(i..i + w.len());
            removed = true;
        }
    }
    removed && rest.iter().all(|c| "一二三四五六七八九十".contains(*c))
}

/// Read table B from text positions `from..to`.
pub fn read(text: &Text, from: usize, to: usize, summary: &mut ImportSummary) -> Applications {
    let sq = Squeezed::new(text, from, to);
    let found = locate(text, &sq, summary);

    let mut states: Vec<(AppRow, State)> = Vec::new();
    for (k, (row, label)) in found.iter().enumerate() {
        let Some(label) = label else {
            states.push((*row, State::Missing));
            continue;
        };
        let span_end = found[k + 1..]
            .iter()
            .find_map(|(_, l)| l.as_ref().map(|l| l.start))
            .unwrap_or(to)
            .max(label.end);
        let cells = cells::read(text, label.end, span_end, 7, &noise);
        if let Some(u) = &cells.unrecognised {
            summary.unrecognised.push(format!(
                "{}“{}”之后：{}",
                table(),
                row.short_label(),
                clip(u)
            ));
        }
        states.push((*row, state_of(*row, &cells, summary)));
    }
    let missing: Vec<String> = states
        .iter()
        .filter(|(_, s)| matches!(s, State::Missing))
        .map(|(r, _)| format!("“{}”", r.short_label()))
        .collect();
    match missing.len() {
        0 => {}
        1..=3 => summary
            .rows_missing
            .push(format!("{}没有找到{}", table(), missing.join("、"))),
        n => summary.rows_missing.push(format!(
            "{}没有找到{}等{n}行",
            table(),
            missing[..2].join("、")
        )),
    }
    let one_row = summary.other_as_one_row;
    resolve(&mut states, one_row, summary);

    let mut out = Applications::default();
    for (row, state) in &states {
        if let State::Known(values) = state {
            *out.row_mut(*row) = *values;
            for v in values {
                if v.is_some() {
                    summary.cells_read += 1;
                } else {
                    summary.cells_blank += 1;
                }
            }
        }
    }
    if summary.other_as_one_row {
        // FORMAT.md: the one row's figures go to 3.其他, the two other
        // sub-rows hold zeros — where the row has a figure; a blank stays blank.
        let misc = *out.row(AppRow::OtherMisc);
        for r in [AppRow::OtherNoCorrection, AppRow::OtherNoFee] {
            *out.row_mut(r) = misc.map(|v| v.map(|_| 0));
        }
    }
    out
}

/// Each row's label, in form order; `None` for a row not found.
fn locate(text: &Text, sq: &Squeezed, summary: &mut ImportSummary) -> Vec<(AppRow, Option<Found>)> {
    let mut out = Vec::new();
    let mut cursor = 0;
    let look = |row_label: &str, cursor: &mut usize, summary: &mut ImportSummary| {
        let parts = rows::parts(row_label);
        let f = rows::find(text, sq, &parts, *cursor, sq.len())?;
        if let Some(printed) = &f.approximate {
            summary
                .approximate_labels
                .push(format!("“{printed}”按“{row_label}”读取"));
        }
        *cursor = rows::sq_index(sq, f.end);
        Some(f)
    };
    for row in AppRow::ALL {
        let label = leaf(row);
        if row == AppRow::OtherNoCorrection {
            // （六）其他处理 printed as one row (the 2019 form, and some 2021 pages).
            let sub = rows::find(text, sq, &rows::parts(label), cursor, sq.len());
            if sub.is_none() {
                let group = OutcomeGroup::OtherHandling.label();
                if let Some(f) = look(group, &mut cursor, summary) {
                    summary.other_as_one_row = true;
                    summary.notes.push(format!(
                        "{}“{group}”印作一行：其数字已填入“{}”，“{}”“{}”两行填0（与FORMAT.md的约定一致），合计关系不受影响",
                        table(),
                        AppRow::OtherMisc.short_label(),
                        AppRow::OtherNoCorrection.short_label(),
                        AppRow::OtherNoFee.short_label()
                    ));
                    out.push((AppRow::OtherMisc, Some(f)));
                    continue;
                }
            }
        }
        if summary.other_as_one_row
            && matches!(
                row,
                AppRow::OtherNoCorrection | AppRow::OtherNoFee | AppRow::OtherMisc
            )
        {
            continue;
        }
        let f = look(label, &mut cursor, summary);
        out.push((row, f));
    }
    out
}

/// The label that identifies a row: its own leaf, or its level-1 label.
fn leaf(row: AppRow) -> &'static str {
    let l = row.label();
    l.leaf.unwrap_or(l.top)
}

/// A long text cut short for the summary.
pub(super) fn clip(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() > 60 {
        format!("{}…", chars[..60].iter().collect::<String>())
    } else {
        s.to_string()
    }
}

fn state_of(row: AppRow, cells: &RowText, summary: &mut ImportSummary) -> State {
    let name = format!("{}“{}”", table(), row.short_label());
    let pieces = &cells.pieces;
    if pieces.is_empty() {
        summary
            .rows_missing
            .push(format!("{name}：找到了标签，但没有数字"));
        return State::Known([None; 7]);
    }
    if cells.piped || pieces.len() == 7 {
        let mut values = [None; 7];
        for (v, p) in values.iter_mut().zip(pieces) {
            *v = match p {
                Piece::Num(s) => match s.parse::<u64>() {
                    Ok(n) => Some(n),
                    Err(_) => {
                        summary
                            .unrecognised
                            .push(format!("{name}：“{s}”不是件数，已留空"));
                        None
                    }
                },
                Piece::Blank => None,
            };
        }
        if pieces.len() < 7 {
            summary.rows_missing.push(format!(
                "{name}只有{}格数字（应为7格），其余留空",
                pieces.len()
            ));
        }
        return State::Known(values);
    }
    let raw = cells.raw();
    let Some(all) = split::cuts(pieces, 7, CUT_LIMIT) else {
        summary
            .ambiguous
            .push(format!("{name}的数字“{raw}”拆分方式太多"));
        return State::Known([None; 7]);
    };
    if all.is_empty() {
        summary.ambiguous.push(format!(
            "{name}的数字“{raw}”无法分成7格（读到{}位数字）",
            cells.digit_count()
        ));
        return State::Known([None; 7]);
    }
    let fitting: Vec<Vec<Count>> = all.iter().filter(|v| adds_up(row, v)).cloned().collect();
    let cands: Vec<Row7> = if fitting.is_empty() { all } else { fitting }
        .into_iter()
        .map(|v| v.try_into().expect("cuts have 7 cells"))
        .collect();
    if cands.len() == 1 {
        // One digit per cell needs no explaining.
        if cells.digit_count() != 7 {
            summary
                .rows_split
                .push(format!("{name}“{raw}”→{}", show(&cands[0])));
        }
        return State::Known(cands[0]);
    }
    State::Choices(cands, raw)
}

/// Whether a row's seven cells satisfy the form's row total (总计 = the six
/// applicant columns); a blank cell: no.
pub(super) fn adds_up(row: AppRow, values: &[Count]) -> bool {
    Relation::RowTotal(row).holds(|f| match f {
        Figure::App(_, c) => values.get(c.index()).copied().flatten(),
        _ => None,
    })
}

fn show(values: &[Count]) -> String {
    values
        .iter()
        .map(|v| v.map_or("空".to_string(), |n| n.to_string()))
        .collect::<Vec<_>>()
        .join("|")
}

/// Choose among the splits of ambiguous rows the combination that satisfies
/// most of the table's column rules; a row whose choice the rules do not
/// settle is left blank and reported.
fn resolve(states: &mut [(AppRow, State)], one_row: bool, summary: &mut ImportSummary) {
    let open: Vec<usize> = states
        .iter()
        .enumerate()
        .filter(|(_, (_, s))| matches!(s, State::Choices(..)))
        .map(|(i, _)| i)
        .collect();
    if open.is_empty() {
        return;
    }
    let sizes: Vec<usize> = open
        .iter()
        .map(|&i| match &states[i].1 {
            State::Choices(c, _) => c.len(),
            _ => 1,
        })
        .collect();
    let combinations = sizes
        .iter()
        .try_fold(1usize, |acc, n| acc.checked_mul(*n))
        .filter(|n| *n <= COMBINATION_LIMIT);

    let mut matrix = [[None; 7]; 25];
    for (row, s) in states.iter() {
        if let State::Known(v) = s {
            matrix[row.index()] = *v;
        }
    }
    // For each open row, which of its candidates appear in a best combination.
    let mut best_score = None;
    let mut best: Vec<Vec<bool>> = sizes.iter().map(|n| vec![false; *n]).collect();
    if let Some(total) = combinations {
        let mut pick = vec![0usize; open.len()];
        for _ in 0..total {
            for (k, &i) in open.iter().enumerate() {
                if let (row, State::Choices(c, _)) = &states[i] {
                    matrix[row.index()] = c[pick[k]];
                }
            }
            let score = satisfied(&matrix, one_row);
            if best_score.is_none_or(|b| score > b) {
                best_score = Some(score);
                best.iter_mut().for_each(|b| b.fill(false));
            }
            if best_score == Some(score) {
                for (k, p) in pick.iter().enumerate() {
                    best[k][*p] = true;
                }
            }
            // Next combination (odometer).
            for k in 0..open.len() {
                pick[k] += 1;
                if pick[k] < sizes[k] {
                    break;
                }
                pick[k] = 0;
            }
        }
    }
    for (k, &i) in open.iter().enumerate() {
        let row = states[i].0;
        let State::Choices(cands, raw) = &states[i].1 else {
            continue;
        };
        let chosen: Vec<usize> = (0..cands.len()).filter(|&c| best[k][c]).collect();
        let name = format!("{}“{}”", table(), row.short_label());
        let new = if combinations.is_some() && chosen.len() == 1 {
            let v = cands[chosen[0]];
            summary
                .rows_split
                .push(format!("{name}“{raw}”→{}（按各列合计确定）", show(&v)));
            State::Known(v)
        } else {
            let options: Vec<_> = cands.iter().take(3).map(|c| show(c)).collect();
            summary.ambiguous.push(format!(
                "{name}的数字“{raw}”可以拆成{}种，如{}",
                cands.len(),
                options.join("或")
            ));
            State::Known([None; 7])
        };
        states[i].1 = new;
    }
}

/// How many of the column rules (apps.outcome_total, apps.balance) hold, in
/// the form's exact arithmetic: a page with huge numbers neither overflows
/// nor wraps into a sum that seems to hold. With （六） printed as one row,
/// its two other sub-rows are not in the text: they count as 0.
fn satisfied(m: &[[Count; 7]; 25], one_row: bool) -> usize {
    let value = |f: Figure| match f {
        Figure::App(AppRow::OtherNoCorrection | AppRow::OtherNoFee, _) if one_row => Some(0),
        Figure::App(r, c) => m[r.index()][c.index()],
        _ => None,
    };
    Relation::all()
        .filter(|r| matches!(r, Relation::OutcomeTotal(_) | Relation::Balance(_)))
        .filter(|r| r.holds(value))
        .count()
}
