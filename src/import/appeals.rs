//! Table C from published text: a header of group and part names, then one
//! row of fifteen figures. Run-together digits are split so that each group's
//! 总计 is the sum of its four parts.

use super::cells::{self, Piece};
use super::split;
use super::summary::ImportSummary;
use super::text::{Text, is_filler};
use crate::form::{AppealGroup, AppealPart, Figure, Relation, Section};
use crate::report::{Appeals, Count};

const CELLS: usize = 15;

/// "表四", as the summary names the table.
fn table() -> &'static str {
    Section::Appeals.table_name().unwrap_or_default()
}

pub fn read(text: &Text, from: usize, to: usize, summary: &mut ImportSummary) -> Appeals {
    let mut out = Appeals::default();
    // The figures start after the header: after the last word before the
    // first digit (after the last word of all in a table left blank).
    let first_digit = (from..to).find(|&i| text.norm[i].is_ascii_digit());
    let start = (from..first_digit.unwrap_or(to))
        .rev()
        .find(|&i| {
            let c = text.norm[i];
            !is_filler(c) && !c.is_ascii_digit()
        })
        .map_or(from, |i| i + 1);
    let cells = cells::read(text, start, to, CELLS, &|_| false);
    // Without a digit, only a bordered row of fifteen empty cells is the
    // figures' row, left blank; anything else is a header without its row.
    let blank_row = cells.piped && cells.pieces.len() == CELLS;
    if first_digit.is_none() && !blank_row {
        summary
            .rows_missing
            .push(format!("{}：找到了表头，但没有数字", table()));
        return out;
    }
    let values = values(&cells, summary);
    for (i, v) in values.iter().enumerate() {
        let g = AppealGroup::ALL[i / 5];
        let p = AppealPart::ALL[i % 5];
        *out.get_mut(g, p) = *v;
        match v {
            Some(_) => summary.cells_read += 1,
            None => summary.cells_blank += 1,
        }
    }
    out
}

/// Where a figure sits in the row of fifteen: the groups in form order, each
/// with its five parts in form order (as `read` places them).
fn slot(f: Figure) -> Option<usize> {
    let Figure::Appeal(g, p) = f else { return None };
    let group = AppealGroup::ALL.iter().position(|x| *x == g)?;
    let part = AppealPart::ALL.iter().position(|x| *x == p)?;
    Some(group * AppealPart::ALL.len() + part)
}

fn values(cells: &cells::RowText, summary: &mut ImportSummary) -> Vec<Count> {
    let pieces = &cells.pieces;
    if cells.piped || pieces.len() == CELLS {
        let mut v: Vec<Count> = pieces
            .iter()
            .map(|p| match p {
                Piece::Num(s) => s.parse().ok(),
                Piece::Blank => None,
            })
            .collect();
        if v.len() < CELLS {
            summary.rows_missing.push(format!(
                "{}只读到{}格数字（应为15格），其余留空",
                table(),
                v.len()
            ));
        }
        v.resize(CELLS, None);
        return v;
    }
    let raw = cells.raw();
    let Some(all) = split::cuts(pieces, CELLS, 50_000) else {
        summary
            .ambiguous
            .push(format!("{}的数字“{raw}”拆分方式太多", table()));
        return vec![None; CELLS];
    };
    // Prefer the splits under which most groups add up; a published table may
    // itself fail one group (that is what the checks are for).
    let score = |v: &Vec<Count>| {
        AppealGroup::ALL
            .into_iter()
            .filter(|g| {
                Relation::AppealTotal(*g)
                    .holds(|f| slot(f).and_then(|i| v.get(i).copied().flatten()))
            })
            .count()
    };
    let best = all.iter().map(score).max();
    let top: Vec<_> = all.iter().filter(|v| Some(score(v)) == best).collect();
    if top.len() == 1 && best.unwrap_or(0) > 0 {
        let shown: Vec<_> = top[0]
            .iter()
            .map(|v| v.map_or("空".into(), |n| n.to_string()))
            .collect();
        summary
            .rows_split
            .push(format!("{}“{raw}”→{}", table(), shown.join("|")));
        return top[0].clone();
    }
    if all.is_empty() {
        summary.ambiguous.push(format!(
            "{}的数字“{raw}”无法分成15格（读到{}位数字）",
            table(),
            cells.digit_count()
        ));
    } else {
        summary
            .ambiguous
            .push(format!("{}的数字“{raw}”可以有{}种拆分", table(), top.len()));
    }
    vec![None; CELLS]
}
