//! Table B from published text: find each row by its label, read its seven
//! cells, and where a row reads more than one way (digits run together, empty
//! border cells of merged columns) keep only what every reading the table's
//! own sums allow agrees on — the row's 总计, the columns' 勾稽关系 (see
//! `choice`). What they leave open stays blank, with the reason.

use std::sync::OnceLock;

use super::bare;
use super::cells::{self, Piece};
use super::choice;
use super::rows::{self, Found};
use super::summary::{Basis, CellState, ImportSummary};
use super::text::{Squeezed, Text, squeeze};
use super::weighing::{Sides, Term, Weighing};
use crate::form::{
    APPLICANT_HEADER, AppCol, AppRow, Figure, ORGANISATION_HEADER, OutcomeGroup, Relation, Section,
};
use crate::report::{Applications, CellRef};

/// More cuts than this for one row, or combinations for the table: refuse to choose.
const CUT_LIMIT: usize = 20_000;
const COMBINATION_LIMIT: usize = 20_000;

/// "表三", as the summary names the table.
fn table() -> &'static str {
    Section::Applications.table_name().unwrap_or_default()
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
        // A converter's header row: "类别 | 数据1 … 数据6 | 总计", "项目".
        words.extend(["类别", "项目"].map(squeeze));
        words.extend((1..=AppCol::ALL.len()).map(|i| squeeze(&format!("数据{i}"))));
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

/// A row of table B as read: every reading its printed text allows.
struct RowReading {
    row: AppRow,
    /// Every reading of the row's seven cells by position alone.
    all: Vec<Vec<Piece>>,
    /// Those the row's own 总计 allows (all of them when none does).
    cands: Vec<Vec<Piece>>,
    /// The figures as printed, for the summary.
    raw: String,
}

/// "表三“（一）予以公开”".
fn row_name(row: AppRow) -> String {
    format!("{}“{}”", table(), row.short_label())
}

fn row_cells(row: AppRow) -> Vec<CellRef> {
    AppCol::ALL.iter().map(|c| CellRef::App(row, *c)).collect()
}

/// Read table B from text positions `from..to`.
/// The table, and whether any of its rows was found.
pub fn read(
    text: &Text,
    from: usize,
    to: usize,
    summary: &mut ImportSummary,
) -> (Applications, bool) {
    let sq = Squeezed::new(text, from, to);
    let found = locate(text, &sq, summary);

    let mut readings: Vec<RowReading> = Vec::new();
    let mut missing = Vec::new();
    // Where each row's figures are: after its label, or above it.
    let labels: Vec<bare::Label> = found
        .iter()
        .filter_map(|(_, l)| l.as_ref())
        .map(|l| bare::Label {
            start: l.start,
            end: l.end,
        })
        .collect();
    let ranges = match bare::ranges(text, from, to, &labels) {
        Ok((ranges, layout)) => {
            if layout == bare::Layout::Above {
                summary.notes.push(format!(
                    "{}各行的数字单独成行、印在标签上方（表格第一行之上有数字，最后一行之下没有）：已按此对应",
                    table()
                ));
            }
            Some(ranges)
        }
        Err(why) => {
            summary.unplace(
                found
                    .iter()
                    .filter(|(_, l)| l.is_some())
                    .flat_map(|(r, _)| row_cells(*r))
                    .collect(),
                format!("{}：{why}", table()),
            );
            None
        }
    };
    let mut k = 0;
    for (row, label) in &found {
        let Some(_) = label else {
            missing.push(*row);
            continue;
        };
        let Some((span_from, span_to)) = ranges.as_ref().map(|r| r[k]) else {
            continue;
        };
        k += 1;
        let cells = cells::read(text, span_from, span_to, &noise);
        if let Some(u) = &cells.unrecognised {
            summary.unrecognised.push(format!(
                "{}“{}”之后：{}",
                table(),
                row.short_label(),
                clip(u)
            ));
        }
        match cells.readings(7, CUT_LIMIT) {
            Ok(all) => {
                let fitting: Vec<Vec<Piece>> =
                    all.iter().filter(|v| adds_up(*row, v)).cloned().collect();
                let cands = if fitting.is_empty() {
                    all.clone()
                } else {
                    fitting
                };
                readings.push(RowReading {
                    row: *row,
                    all,
                    cands,
                    raw: cells.raw(),
                });
            }
            Err(why) => {
                if cells.pieces.is_empty() {
                    summary
                        .rows_missing
                        .push(format!("{}：找到了标签，但没有数字", row_name(*row)));
                }
                summary.unplace(row_cells(*row), format!("{}：{why}", row_name(*row)));
            }
        }
    }
    let names: Vec<String> = missing
        .iter()
        .map(|r| format!("“{}”", r.short_label()))
        .collect();
    match names.len() {
        0 => {}
        1..=3 => summary
            .rows_missing
            .push(format!("{}没有找到{}", table(), names.join("、"))),
        n => summary.rows_missing.push(format!(
            "{}没有找到{}等{n}行",
            table(),
            names[..2].join("、")
        )),
    }
    let one_row = summary.other_as_one_row;
    let mut out = Applications::default();
    place(&readings, one_row, &mut out, summary);
    let not_found: Vec<AppRow> = missing
        .iter()
        .copied()
        .filter(|r| !(one_row && is_other_sub_row(*r)))
        .collect();
    if !not_found.is_empty() {
        let cells = not_found.iter().flat_map(|r| row_cells(*r)).collect();
        summary.unplace(
            cells,
            format!("{}原文中没有找到{}", table(), names.join("、")),
        );
    }
    if one_row {
        // FORMAT.md: the one row's figures go to 3.其他, the two other
        // sub-rows hold zeros — where the row has a figure; a blank stays
        // blank, and a cell not read is not read in them either.
        for col in AppCol::ALL {
            let misc = CellRef::App(AppRow::OtherMisc, col);
            for r in [AppRow::OtherNoCorrection, AppRow::OtherNoFee] {
                let cell = CellRef::App(r, col);
                match summary.state(misc) {
                    Some(CellState::Read(_)) => {
                        *out.get_mut(r, col) = Some(0);
                        summary.read_cell(cell, Basis::Convention);
                    }
                    Some(CellState::Blank) => summary.blank_cell(cell),
                    Some(CellState::Unplaced(_)) | None => {}
                }
            }
        }
        let misc_unplaced: Vec<CellRef> = AppCol::ALL
            .iter()
            .filter(|c| {
                !matches!(
                    summary.state(CellRef::App(AppRow::OtherMisc, **c)),
                    Some(CellState::Read(_) | CellState::Blank)
                )
            })
            .flat_map(|c| {
                [AppRow::OtherNoCorrection, AppRow::OtherNoFee].map(|r| CellRef::App(r, *c))
            })
            .collect();
        summary.unplace(
            misc_unplaced,
            format!(
                "{}“{}”印作一行，这一行的数字没有读到，两个分项也无从填0",
                table(),
                OutcomeGroup::OtherHandling.label()
            ),
        );
    }
    (out, found.iter().any(|(_, l)| l.is_some()))
}

fn is_other_sub_row(r: AppRow) -> bool {
    matches!(r, AppRow::OtherNoCorrection | AppRow::OtherNoFee)
}

/// Place every row's figures: a cell gets the figure all readings allowed by
/// the table's sums give it (see `choice`), else it stays blank with the reason.
fn place(
    readings: &[RowReading],
    one_row: bool,
    out: &mut Applications,
    summary: &mut ImportSummary,
) {
    // Every relation of table B, as bits.
    let relations: Vec<Relation> = Relation::all()
        .filter(|r| {
            matches!(
                r,
                Relation::Balance(_) | Relation::OutcomeTotal(_) | Relation::RowTotal(_)
            )
        })
        .collect();
    let weigh = |sets: &[&Vec<Vec<Piece>>]| {
        // Each figure found and parsed once, before the walk (see `weighing`).
        let term = |f: Figure| match f {
            Figure::App(r, _) if one_row && is_other_sub_row(r) => Term::Zero,
            Figure::App(r, c) => match readings.iter().position(|rr| rr.row == r) {
                Some(u) => Term::Cell(u, c.index()),
                None => Term::Blank,
            },
            _ => Term::Blank,
        };
        let compiled: Vec<Sides> = relations
            .iter()
            .map(|rel| {
                [
                    rel.left().into_iter().map(term).collect(),
                    rel.right().into_iter().map(term).collect(),
                ]
            })
            .collect();
        let values: Vec<Vec<Vec<Option<u64>>>> = sets
            .iter()
            .map(|set| {
                set.iter()
                    .map(|reading| {
                        reading
                            .iter()
                            .map(|p| choice::count(p).ok().flatten())
                            .collect()
                    })
                    .collect()
            })
            .collect();
        Weighing::new(&values, compiled).consistent(COMBINATION_LIMIT)
    };
    // Every reading is weighed against every sum at once. Narrowing a row to
    // the readings its own 总计 allows comes only when that is too many
    // combinations: done first, it would hide the column sums under which the
    // row's printed 总计 is the page's own error, and place a wrong split.
    let every: Vec<&Vec<Vec<Piece>>> = readings.iter().map(|r| &r.all).collect();
    let narrowed: Vec<&Vec<Vec<Piece>>> = readings.iter().map(|r| &r.cands).collect();
    let open = every.iter().any(|s| s.len() > 1);
    let (sets, keep) = if !open {
        (every, None)
    } else if let Some(keep) = weigh(&every) {
        (every, Some(keep))
    } else {
        let keep = if narrowed.iter().any(|s| s.len() > 1) {
            weigh(&narrowed)
        } else {
            None
        };
        (narrowed, keep)
    };
    let too_many = keep.is_none() && sets.iter().any(|s| s.len() > 1);
    for (u, rr) in readings.iter().enumerate() {
        let allowed: Vec<&Vec<Piece>> = sets[u]
            .iter()
            .enumerate()
            .filter(|(i, _)| keep.as_ref().is_none_or(|k| k[u][*i]))
            .map(|(_, c)| c)
            .collect();
        let by_position = choice::agreed(&rr.all.iter().collect::<Vec<_>>(), 7);
        let by_row = choice::agreed(&rr.cands.iter().collect::<Vec<_>>(), 7);
        let decided = choice::agreed(&allowed, 7);
        let name = row_name(rr.row);
        let left = choice::settle(
            &row_cells(rr.row),
            &decided,
            &by_position,
            &name,
            summary,
            |cell, n| {
                if let CellRef::App(r, c) = cell {
                    *out.get_mut(r, c) = Some(n);
                }
            },
        );
        if rr.all.len() > 1 && left.len() < 7 {
            let how = if decided
                .iter()
                .zip(&by_row)
                .any(|(d, r)| d.is_some() && r.is_none())
            {
                "（按各列合计确定）"
            } else if decided
                .iter()
                .zip(&by_position)
                .any(|(d, p)| d.is_some() && p.is_none())
            {
                "（按本行总计确定）"
            } else {
                ""
            };
            summary.decided.push(format!(
                "{name}“{}”→{}{how}",
                rr.raw,
                choice::show(&decided)
            ));
        }
        if !left.is_empty() {
            let cols: Vec<_> = left
                .iter()
                .filter_map(|c| match c {
                    CellRef::App(_, col) => Some(col.label()),
                    _ => None,
                })
                .collect();
            let options: Vec<_> = allowed
                .iter()
                .take(3)
                .map(|c| choice::show_all(c))
                .collect();
            let why = if too_many {
                "拆分组合太多，无法用合计关系核对".to_string()
            } else {
                "合计关系不能确定是哪一种".to_string()
            };
            summary.unplace(
                left,
                format!(
                    "{name}的数字“{}”可以拆成{}种（如{}），{why}：{}{}格",
                    rr.raw,
                    allowed.len(),
                    options.join("或"),
                    cols.join("、"),
                    if cols.len() == 7 { "全部" } else { "" }
                ),
            );
        }
    }
}

/// Each row's label, in form order; `None` for a row not found.
fn locate(text: &Text, sq: &Squeezed, summary: &mut ImportSummary) -> Vec<(AppRow, Option<Found>)> {
    let mut out = Vec::new();
    let mut cursor = 0;
    let look =
        |row_label: &str, parts: &rows::Parts, cursor: &mut usize, summary: &mut ImportSummary| {
            let f = rows::find(text, sq, parts, *cursor, sq.len())?;
            let f = rows::last_repeat(text, sq, parts, f);
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
            let sub = rows::find(text, sq, leaf_parts(row), cursor, sq.len());
            if sub.is_none() {
                let group = OutcomeGroup::OtherHandling.label();
                // "(六)其他" as converters print it; its ordinal tells it from 3.其他.
                let short = rows::parts(group)
                    .body
                    .get(..2)
                    .map(|w| w.iter().collect::<String>());
                let found = look(group, &rows::parts(group), &mut cursor, summary).or_else(|| {
                    let f = rows::find_numbered(
                        text,
                        sq,
                        &rows::parts(&format!(
                            "{}{}",
                            OutcomeGroup::OtherHandling.number(),
                            short.as_deref()?
                        )),
                        cursor,
                        sq.len(),
                    )?;
                    cursor = rows::sq_index(sq, f.end);
                    Some(f)
                });
                if let Some(f) = found {
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
        let f = look(label, leaf_parts(row), &mut cursor, summary);
        out.push((row, f));
    }
    out
}

/// The label that identifies a row: its own leaf, or its level-1 label.
fn leaf(row: AppRow) -> &'static str {
    let l = row.label();
    l.leaf.unwrap_or(l.top)
}

/// [`leaf`] taken apart for the search, once for every page read.
fn leaf_parts(row: AppRow) -> &'static rows::Parts {
    static PARTS: OnceLock<Vec<rows::Parts>> = OnceLock::new();
    &PARTS.get_or_init(|| AppRow::ALL.iter().map(|r| rows::parts(leaf(*r))).collect())[row.index()]
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

/// Whether a row's seven cells satisfy the form's row total (总计 = the six
/// applicant columns); a blank cell: no.
pub(super) fn adds_up(row: AppRow, values: &[Piece]) -> bool {
    Relation::RowTotal(row).holds(|f| match f {
        Figure::App(_, c) => values
            .get(c.index())
            .and_then(|p| choice::count(p).ok().flatten()),
        _ => None,
    })
}
