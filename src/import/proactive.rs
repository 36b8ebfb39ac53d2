//! Table A from published text. It has no totals, so digits run together
//! ("行政规范性文件693665") can rarely be split: such a row is left blank and
//! its digits quoted. The 2019 form's table A has other columns; only the
//! figures whose meaning is the same (处理决定数量) are taken over.

use super::applications::clip;
use super::cells::{self, Piece};
use super::rows;
use super::split;
use super::summary::{FormEdition, ImportSummary};
use super::text::{Squeezed, Text, squeeze};
use crate::form::{ARTICLE, BLOCKS, CONTENT_HEADER, ProactiveField, Section, format2019};
use crate::report::{Proactive, is_decimal};

/// "表二", as the summary names the table.
fn table() -> &'static str {
    Section::Proactive.table_name().unwrap_or_default()
}

/// A row as it may be printed: its label, its number of figure columns, and
/// where each column goes (`None`: no counterpart in the 2021 form).
struct RowSpec {
    label: &'static str,
    /// Labels printed instead of the official one (规范性文件 for 行政规范性文件).
    variants: &'static [&'static str],
    fields: Vec<Option<ProactiveField>>,
}

/// The 2021 rows, from the form.
fn rows_2021() -> Vec<RowSpec> {
    BLOCKS
        .iter()
        .flat_map(|b| b.rows.iter())
        .map(|r| RowSpec {
            label: r.label,
            variants: if r.fields[0] == ProactiveField::NormativeIssued {
                &[format2019::NORMATIVE_DOCUMENTS]
            } else {
                &[]
            },
            fields: r.fields.iter().map(|f| Some(*f)).collect(),
        })
        .collect()
}

/// The 2019 rows, from the form's description of the 2019 format: only
/// 处理决定数量 — this year's decisions — means what the 2021 column means.
fn rows_2019() -> Vec<RowSpec> {
    format2019::proactive_rows()
        .map(|r| RowSpec {
            label: r.label,
            variants: &[],
            fields: r.fields.to_vec(),
        })
        .collect()
}

/// Which form's table A the text holds, judged by its column headers.
pub fn edition(text: &Text, from: usize, to: usize) -> FormEdition {
    let sq = Squeezed::new(text, from, to);
    let is_2019 = format2019::telltales()
        .iter()
        .any(|w| sq.find(&squeeze(w), 0).is_some());
    if is_2019 {
        FormEdition::Y2019
    } else {
        FormEdition::Y2021
    }
}

/// Labels of the form that are not rows: block headers and column headers.
fn noise(sq: &[char]) -> bool {
    let s: String = sq.iter().collect();
    s.contains(ARTICLE) || s.contains(CONTENT_HEADER) || s.contains("数量") || s.contains("件数")
}

pub fn read(
    text: &Text,
    from: usize,
    to: usize,
    edition: FormEdition,
    summary: &mut ImportSummary,
) -> Proactive {
    let sq = Squeezed::new(text, from, to);
    let specs = match edition {
        FormEdition::Y2021 => rows_2021(),
        FormEdition::Y2019 => rows_2019(),
    };
    // Block headers end the row before them.
    let block = squeeze(&format!("{ARTICLE}第"));
    let mut blocks = Vec::new();
    let mut p = 0;
    while let Some(i) = sq.find(&block, p) {
        blocks.push(sq.at[i]);
        p = i + 1;
    }

    let mut found = Vec::new();
    let mut cursor = 0;
    for spec in &specs {
        let hit = std::iter::once(spec.label)
            .chain(spec.variants.iter().copied())
            .filter_map(|l| {
                rows::find(text, &sq, &rows::parts(l), cursor, sq.len()).map(|f| (l, f))
            })
            .min_by_key(|(_, f)| f.start);
        match hit {
            Some((printed, f)) => {
                if printed != spec.label {
                    summary.notes.push(format!(
                        "{}的“{printed}”一行按“{}”读取",
                        table(),
                        spec.label
                    ));
                }
                // A typo in table A's label is said too, as in table B's.
                if let Some(typed) = &f.approximate {
                    summary
                        .approximate_labels
                        .push(format!("“{typed}”按“{printed}”读取"));
                }
                cursor = rows::sq_index(&sq, f.end);
                found.push((spec, f));
            }
            None if spec.fields.iter().any(Option::is_some) => {
                summary
                    .rows_missing
                    .push(format!("{}没有找到“{}”", table(), spec.label))
            }
            None => {}
        }
    }

    let mut out = Proactive::default();
    let mut unmapped = Vec::new();
    for (k, (spec, f)) in found.iter().enumerate() {
        let next_row = found.get(k + 1).map_or(to, |(_, n)| n.start);
        let next_block = blocks.iter().copied().find(|b| *b >= f.end).unwrap_or(to);
        let end = next_row.min(next_block).max(f.end);
        let k_cols = spec.fields.len();
        let cells = cells::read(text, f.end, end, k_cols, &noise);
        if let Some(u) = &cells.unrecognised {
            summary
                .unrecognised
                .push(format!("{}“{}”之后：{}", table(), spec.label, clip(u)));
        }
        let values = values(spec, &cells, summary);
        let mut shown = Vec::new();
        for (field, v) in spec.fields.iter().zip(&values) {
            match field {
                Some(ProactiveField::Fees) => {
                    if let Some(s) = v.as_deref().filter(|s| is_decimal(s)) {
                        out.fees_wan_yuan = s.to_string();
                    }
                }
                Some(field) => {
                    if let (Some(slot), Some(n)) = (
                        out.count_mut(*field),
                        v.as_deref().and_then(|s| s.parse().ok()),
                    ) {
                        *slot = Some(n);
                    }
                }
                None => shown.push(v.clone().unwrap_or_else(|| "空".into())),
            }
            match v {
                Some(_) => summary.cells_read += 1,
                None => summary.cells_blank += 1,
            }
        }
        if edition == FormEdition::Y2019 && !shown.is_empty() && !cells.pieces.is_empty() {
            unmapped.push(format!("{}({})", spec.label, cells.raw()));
        }
    }
    if edition == FormEdition::Y2019 {
        summary.notes.push(format!(
            "{}是2019年格式：只有“{}”与2021年格式的“{}”含义相同，已导入；本年新制作/新公开数量、{}、项目数量及增减、{}在2021年格式中没有对应栏目，未导入{}；{}、{}和收费金额请按2021年格式补填",
            table(),
            format2019::DECISIONS,
            ProactiveField::Licensing.column_label(),
            format2019::TOTAL_DISCLOSED,
            format2019::PROCUREMENT,
            if unmapped.is_empty() {
                String::new()
            } else {
                format!("（原表：{}）", unmapped.join("，"))
            },
            ProactiveField::RulesIssued.row_label(),
            ProactiveField::NormativeIssued.row_label(),
        ));
    }
    out
}

/// The row's cells as text, `None` for blank; a row whose digits cannot be
/// split with certainty is blank throughout and quoted in the summary.
fn values(
    spec: &RowSpec,
    cells: &cells::RowText,
    summary: &mut ImportSummary,
) -> Vec<Option<String>> {
    let k = spec.fields.len();
    let pieces = &cells.pieces;
    let as_text = |p: &Piece| match p {
        Piece::Num(s) => Some(s.clone()),
        Piece::Blank => None,
    };
    if pieces.is_empty() {
        return vec![None; k];
    }
    if cells.piped || pieces.len() == k {
        let mut v: Vec<_> = pieces.iter().map(as_text).collect();
        v.resize(k, None);
        return v;
    }
    let raw = cells.raw();
    match split::cuts(pieces, k, 1000) {
        Some(c) if c.len() == 1 => {
            let v: Vec<_> = c[0].iter().map(|n| n.map(|n| n.to_string())).collect();
            if cells.digit_count() != k {
                summary.rows_split.push(format!(
                    "{}“{}”“{raw}”→{}",
                    table(),
                    spec.label,
                    v.iter()
                        .map(|x| x.clone().unwrap_or_else(|| "空".into()))
                        .collect::<Vec<_>>()
                        .join("|")
                ));
            }
            v
        }
        // A row with no counterpart in the 2021 form is quoted in the 2019 note instead.
        _ if spec.fields.iter().all(Option::is_none) => vec![None; k],
        _ => {
            summary.ambiguous.push(format!(
                "{}“{}”的数字“{raw}”（{}格，本表没有合计可供核对）",
                table(),
                spec.label,
                k
            ));
            vec![None; k]
        }
    }
}
