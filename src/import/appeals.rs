//! Table C from published text: a header of group and part names, then one
//! row of fifteen figures — or, as converters print it, each group under its
//! own label with its five figures. Run-together digits are split only where
//! each group's 总计 being the sum of its four parts leaves one way.

use super::cells::{self, Piece};
use super::choice;
use super::summary::{ImportSummary, table_name};
use super::text::{Squeezed, Text, is_filler, squeeze};
use crate::form::{AppealGroup, AppealPart, Figure, LAWSUIT, Relation, Section};
use crate::report::{Appeals, CellRef};

/// More cuts of run-together digits than this: too many to choose from.
const CUT_LIMIT: usize = 50_000;

/// "表四", as the summary names the table.
fn table() -> &'static str {
    table_name(Section::Appeals)
}

/// Texts inside the table that are its labels, not figures: the groups,
/// the parts, 行政诉讼 (converters move them between the figures).
fn noise(sq: &[char]) -> bool {
    let words: Vec<Vec<char>> = AppealGroup::ALL
        .iter()
        .map(|g| g.label())
        .chain(AppealPart::ALL.iter().map(|p| p.label()))
        .chain([LAWSUIT])
        .map(squeeze)
        .collect();
    let mut rest: Vec<char> = sq.to_vec();
    let mut removed = false;
    for w in &words {
        while let Some(i) = rest.windows(w.len()).position(|x| x == w.as_slice()) {
            rest.drain(i..i + w.len());
            removed = true;
        }
    }
    removed && rest.is_empty()
}

/// Groups read together from one span of text: their text positions.
struct Unit {
    groups: Vec<AppealGroup>,
    from: usize,
    to: usize,
}

/// The table, and whether any of its figures was found.
pub fn read(text: &Text, from: usize, to: usize, summary: &mut ImportSummary) -> (Appeals, bool) {
    let mut out = Appeals::default();
    let sq = Squeezed::new(text, from, to);
    let units = per_group(&sq, to).unwrap_or_else(|| {
        vec![Unit {
            groups: AppealGroup::ALL.to_vec(),
            from,
            to,
        }]
    });
    let mut found = false;
    for unit in units {
        found |= read_unit(text, &unit, &mut out, summary);
    }
    (out, found)
}

/// Each group under its own label, its figures before the next group's
/// label ("### 行政复议 | 27 | 10 | 9 | 15 | 61 | ### 行政诉讼（未经复议直接起诉）…"):
/// the spans of the three groups; `None` for the form's own layout (the
/// header first, then one row of fifteen).
fn per_group(sq: &Squeezed, to: usize) -> Option<Vec<Unit>> {
    let mut spans = Vec::new();
    let mut p = 0;
    for g in AppealGroup::ALL {
        let w = squeeze(g.label());
        let i = sq.find(&w, p)?;
        spans.push((i, i + w.len()));
        p = i + w.len();
    }
    let digit_in = |a: usize, b: usize| sq.chars[a..b].iter().any(|c| c.is_ascii_digit());
    let each_has_figures = (0..spans.len()).all(|k| {
        let end = spans.get(k + 1).map_or(sq.len(), |s| s.0);
        digit_in(spans[k].1, end)
    });
    if !each_has_figures {
        return None;
    }
    Some(
        AppealGroup::ALL
            .iter()
            .enumerate()
            .map(|(k, g)| Unit {
                groups: vec![*g],
                from: sq.end_pos(spans[k].1),
                to: spans.get(k + 1).map_or(to, |s| sq.at[s.0]),
            })
            .collect(),
    )
}

fn cells_of(groups: &[AppealGroup]) -> Vec<CellRef> {
    groups
        .iter()
        .flat_map(|g| AppealPart::ALL.iter().map(|p| CellRef::Appeal(*g, *p)))
        .collect()
}

/// "表四" for the whole table, "表四“行政复议”" for one group.
fn unit_name(groups: &[AppealGroup]) -> String {
    match groups {
        [g] => format!("{}“{}”", table(), g.full_label()),
        _ => table().to_string(),
    }
}

/// Read one unit; whether it had figures.
fn read_unit(text: &Text, unit: &Unit, out: &mut Appeals, summary: &mut ImportSummary) -> bool {
    let cells = cells_of(&unit.groups);
    let k = cells.len();
    let name = unit_name(&unit.groups);
    // The figures start after the header: after the last word before the
    // first digit — or, with no digit at all, after the last word: a blank
    // form's row of empty cells.
    let first_digit = (unit.from..unit.to).find(|&i| text.norm[i].is_ascii_digit());
    let start = (unit.from..first_digit.unwrap_or(unit.to))
        .rev()
        .find(|&i| {
            let c = text.norm[i];
            !is_filler(c) && !c.is_ascii_digit()
        })
        .map_or(unit.from, |i| i + 1);
    if first_digit.is_none() {
        // A bordered row of exactly its empty cells is the figures' row,
        // printed blank; anything else is a header without its row.
        let row = cells::read(text, start, unit.to, &noise);
        if row.piped
            && row.pieces.len() == k
            && row.pieces.iter().all(|p| matches!(p, Piece::Blank))
        {
            for cell in cells {
                summary.blank_cell(cell);
            }
            return true;
        }
        summary
            .rows_missing
            .push(format!("{name}：找到了表头，但没有数字"));
        summary.unplace(cells, format!("{name}：找到了表头，但没有读到数字"));
        return false;
    }
    let row = cells::read(text, start, unit.to, &noise);
    if let Some(u) = &row.unrecognised {
        summary
            .unrecognised
            .push(format!("{name}之后：{}", super::applications::clip(u)));
    }
    let all = match row.readings(k, CUT_LIMIT) {
        Ok(all) => all,
        Err(why) => {
            summary.unplace(cells, format!("{name}：{why}"));
            return true;
        }
    };
    // Each group's 总计 = its four parts: the readings under which every
    // group that can add up does.
    let slot = |f: Figure| -> Option<usize> {
        let Figure::Appeal(g, p) = f else { return None };
        cells.iter().position(|c| *c == CellRef::Appeal(g, p))
    };
    let keep = choice::consistent(&[all.len()], usize::MAX, |pick| {
        let reading = &all[pick[0]];
        unit.groups
            .iter()
            .enumerate()
            .filter(|(_, g)| {
                Relation::AppealTotal(**g).holds(|f| {
                    slot(f)
                        .and_then(|i| choice::count(&reading[i]).ok())
                        .flatten()
                })
            })
            .fold(0u64, |m, (i, _)| m | 1 << i)
    });
    let allowed: Vec<&Vec<Piece>> = all
        .iter()
        .enumerate()
        .filter(|(i, _)| keep.as_ref().is_none_or(|k| k[0][*i]))
        .map(|(_, r)| r)
        .collect();
    let by_position = choice::agreed(&all.iter().collect::<Vec<_>>(), k);
    let decided = choice::agreed(&allowed, k);
    let left = choice::settle(&cells, &decided, &by_position, &name, summary, |cell, n| {
        if let CellRef::Appeal(g, p) = cell {
            *out.get_mut(g, p) = Some(n);
        }
    });
    let raw = row.raw();
    if all.len() > 1 && left.len() < k {
        let how = if decided
            .iter()
            .zip(&by_position)
            .any(|(d, p)| d.is_some() && p.is_none())
        {
            "（按各组总计确定）"
        } else {
            ""
        };
        summary
            .decided
            .push(format!("{name}“{raw}”→{}{how}", choice::show(&decided)));
    }
    if !left.is_empty() {
        let labels: Vec<String> = left
            .iter()
            .filter_map(|c| match c {
                CellRef::Appeal(g, p) => Some(format!("{}·{}", g.label(), p.label())),
                _ => None,
            })
            .collect();
        let options: Vec<_> = allowed
            .iter()
            .take(3)
            .map(|r| choice::show_all(r))
            .collect();
        summary.unplace(
            left,
            format!(
                "{name}的数字“{raw}”可以有{}种拆分（如{}），合计关系不能确定是哪一种：{}",
                allowed.len(),
                options.join("或"),
                labels.join("、")
            ),
        );
    }
    true
}
