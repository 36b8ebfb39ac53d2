//! Table C from published text: a header of group and part names, then one
//! row of fifteen figures. Run-together digits are split so that each group's
//! 总计 is the sum of its four parts.

use super::cells::{self, Piece};
use super::split;
use super::summary::ImportSummary;
use super::text::{Text, is_filler};
use crate::form::{AppealGroup, AppealPart};
use crate::report::{Appeals, Count};

const CELLS: usize = 15;

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
            .push("表四：找到了表头，但没有数字".into());
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
            summary
                .rows_missing
                .push(format!("表四只读到{}格数字（应为15格），其余留空", v.len()));
        }
        v.resize(CELLS, None);
        return v;
    }
    let raw = cells.raw();
    let Some(all) = split::cuts(pieces, CELLS, 50_000) else {
        summary
            .ambiguous
            .push(format!("表四的数字“{raw}”拆分方式太多"));
        return vec![None; CELLS];
    };
    // Prefer the splits under which most groups add up; a published table may
    // itself fail one group (that is what the checks are for).
    let score = |v: &Vec<Count>| v.chunks(5).filter(|g| split::sums_to_last(g)).count();
    let best = all.iter().map(score).max();
    let top: Vec<_> = all.iter().filter(|v| Some(score(v)) == best).collect();
    if top.len() == 1 && best.unwrap_or(0) > 0 {
        let shown: Vec<_> = top[0]
            .iter()
            .map(|v| v.map_or("空".into(), |n| n.to_string()))
            .collect();
        summary
            .rows_split
            .push(format!("表四“{raw}”→{}", shown.join("|")));
        return top[0].clone();
    }
    if all.is_empty() {
        summary.ambiguous.push(format!(
            "表四的数字“{raw}”无法分成15格（读到{}位数字）",
            cells.digit_count()
        ));
    } else {
        summary
            .ambiguous
            .push(format!("表四的数字“{raw}”可以有{}种拆分", top.len()));
    }
    vec![None; CELLS]
}
