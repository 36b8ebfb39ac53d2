//! Table A from published text. It has no totals, so digits run together
//! ("行政规范性文件693665") can be split only by the figures the narrative
//! states; what nothing confirms is left blank and its digits quoted. The 2019 form's table A has other columns; only the
//! figures whose meaning is the same (处理决定数量) are taken over.

use super::applications::clip;
use super::bare;
use super::cells::{self, Piece};
use super::choice;
use super::rows;
use super::stated::Stated;
use super::summary::{Basis, FormEdition, ImportSummary};
use super::text::{Squeezed, Text, squeeze};
use crate::form::{
    ARTICLE, BLOCKS, CONTENT_HEADER, FieldKind, ProactiveField, Section, format2019,
};
use crate::report::{CellRef, Proactive, is_decimal};

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

/// Which form's table A the text holds, judged by its column headers — in
/// the text, or among the header rows a converter's table had (`headers`).
pub fn edition(text: &Text, from: usize, to: usize, headers: &[String]) -> FormEdition {
    let sq = Squeezed::new(text, from, to);
    let headers: Vec<Vec<char>> = headers.iter().map(|h| squeeze(h)).collect();
    let is_2019 = format2019::telltales().iter().any(|w| {
        let w = squeeze(w);
        sq.find(&w, 0).is_some()
            || headers
                .iter()
                .any(|h| h.windows(w.len()).any(|x| x == w.as_slice()))
    });
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
    narrative: &[Stated],
    summary: &mut ImportSummary,
) -> (Proactive, bool) {
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
                    .push(format!("{}没有找到“{}”", table(), spec.label));
                let cells: Vec<CellRef> = spec
                    .fields
                    .iter()
                    .flatten()
                    .map(|f| CellRef::ProactiveField(*f))
                    .collect();
                summary.unplace(
                    cells,
                    format!("{}原文中没有找到“{}”一行", table(), spec.label),
                );
            }
            None => {}
        }
    }

    // Where each row's figures are, block by block (a block's header ends
    // the row before it): after its label, or above it.
    let mut spans: Vec<Option<(usize, usize)>> = vec![None; found.len()];
    let block_of = |pos: usize| blocks.iter().rposition(|b| *b <= pos);
    let mut k = 0;
    while k < found.len() {
        let block = block_of(found[k].1.start);
        let rows: Vec<usize> = (k..found.len())
            .take_while(|j| block_of(found[*j].1.start) == block)
            .collect();
        let block_from = block.map_or(from, |b| blocks[b]);
        let block_to = blocks
            .iter()
            .copied()
            .find(|b| *b > found[k].1.start)
            .unwrap_or(to);
        let labels: Vec<bare::Label> = rows
            .iter()
            .map(|j| bare::Label {
                start: found[*j].1.start,
                end: found[*j].1.end,
            })
            .collect();
        match bare::ranges(text, block_from, block_to, &labels) {
            Ok((ranges, _)) => {
                for (j, r) in rows.iter().zip(ranges) {
                    spans[*j] = Some(r);
                }
            }
            Err(why) => {
                for j in &rows {
                    let cells = found[*j]
                        .0
                        .fields
                        .iter()
                        .flatten()
                        .map(|f| CellRef::ProactiveField(*f))
                        .collect();
                    summary.unplace(cells, format!("{}“{}”：{why}", table(), found[*j].0.label));
                }
            }
        }
        k += rows.len().max(1);
    }

    let mut out = Proactive::default();
    let mut unmapped = Vec::new();
    for ((spec, _), span) in found.iter().zip(spans) {
        let Some((span_from, span_to)) = span else {
            continue;
        };
        let cells = cells::read(text, span_from, span_to, &noise);
        let in_yuan = priced_in_yuan(
            text.norm
                .get(span_from..span_to.min(text.norm.len()))
                .unwrap_or_default(),
        );
        if let Some(u) = &cells.unrecognised {
            summary
                .unrecognised
                .push(format!("{}“{}”之后：{}", table(), spec.label, clip(u)));
        }
        let values = values(spec, &cells, narrative, summary);
        let mut shown = Vec::new();
        let mut left = Vec::new();
        for (field, v) in spec.fields.iter().zip(&values) {
            let Some(field) = field else {
                shown.push(match v {
                    Value::Read(s, _) => s.clone(),
                    _ => "空".into(),
                });
                continue;
            };
            let cell = CellRef::ProactiveField(*field);
            match v {
                Value::Read(s, basis) => {
                    let placed = match field {
                        // The column is in 万元: a fee printed in 元 ("251000元")
                        // would be ten thousand times too large.
                        ProactiveField::Fees if in_yuan => false,
                        ProactiveField::Fees if is_decimal(s) => {
                            out.fees_wan_yuan = s.clone();
                            true
                        }
                        ProactiveField::Fees => false,
                        _ => match (out.count_mut(*field), s.parse::<u64>()) {
                            (Some(slot), Ok(n)) => {
                                *slot = Some(n);
                                true
                            }
                            _ => false,
                        },
                    };
                    if placed {
                        summary.read_cell(cell, *basis);
                    } else {
                        let why = if *field == ProactiveField::Fees && in_yuan {
                            format!(
                                "{}“{}”：“{s}”的单位是元，表格的单位是万元，请核对后填写",
                                table(),
                                spec.label
                            )
                        } else {
                            format!("{}“{}”：“{s}”不是{}", table(), spec.label, kind_of(*field))
                        };
                        summary.unplace(vec![cell], why);
                    }
                }
                Value::Blank => summary.blank_cell(cell),
                Value::Unknown => left.push(cell),
            }
        }
        if !left.is_empty() {
            let why = unplaced_reason(spec, &cells, &left, narrative);
            summary.unplace(left, why);
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
        // The 2021 cells the 2019 table has no column for: not the
        // publisher's blanks, nothing to read them from.
        let mapped: Vec<ProactiveField> = specs
            .iter()
            .flat_map(|s| s.fields.iter().flatten().copied())
            .collect();
        let cells: Vec<CellRef> = ProactiveField::ALL
            .into_iter()
            .filter(|f| !mapped.contains(f))
            .map(CellRef::ProactiveField)
            .collect();
        summary.unplace(
            cells,
            format!("{}是2019年格式，没有2021年格式的这些栏目", table()),
        );
    }
    (out, !found.is_empty())
}

/// "件数", or for the fee "金额".
fn kind_of(field: ProactiveField) -> &'static str {
    match field.kind() {
        FieldKind::Count => "件数",
        FieldKind::Decimal => "金额",
    }
}

/// What a cell of table A came to.
enum Value {
    Read(String, Basis),
    Blank,
    /// Nothing confirmed a figure.
    Unknown,
}

/// The row's cells: a figure where its place in the row — or, for digits
/// run together, the figures the narrative states — leave one reading.
fn values(
    spec: &RowSpec,
    cells: &cells::RowText,
    narrative: &[Stated],
    summary: &mut ImportSummary,
) -> Vec<Value> {
    let k = spec.fields.len();
    let Ok(all) = cells.readings(k, 1000) else {
        return (0..k).map(|_| Value::Unknown).collect();
    };
    let by_position = choice::agreed(&all.iter().collect::<Vec<_>>(), k);
    // The figures the narrative states for this row's cells.
    let facts: Vec<(usize, &Stated)> = narrative
        .iter()
        .filter_map(|s| {
            let i = spec.fields.iter().position(|f| *f == Some(s.field))?;
            Some((i, s))
        })
        .collect();
    let mut allowed: Vec<&Vec<Piece>> = all.iter().collect();
    if all.len() > 1 && !facts.is_empty() {
        let agree: Vec<&Vec<Piece>> = all
            .iter()
            .filter(|r| {
                facts
                    .iter()
                    .all(|(i, s)| r[*i] == Piece::Num(s.value.to_string()))
            })
            .collect();
        if agree.is_empty() {
            summary.notes.push(format!(
                "{}“{}”：正文所述（{}）与表中数字“{}”对不上，未用于拆分",
                table(),
                spec.label,
                quotes(&facts),
                cells.raw()
            ));
        } else {
            allowed = agree;
        }
    }
    let decided = choice::agreed(&allowed, k);
    if all.len() > 1 && decided.iter().any(Option::is_some) {
        let how = if decided
            .iter()
            .zip(&by_position)
            .any(|(d, p)| d.is_some() && p.is_none())
        {
            format!("（按正文：{}）", quotes(&facts))
        } else {
            String::new()
        };
        summary.decided.push(format!(
            "{}“{}”“{}”→{}{how}",
            table(),
            spec.label,
            cells.raw(),
            choice::show(&decided)
        ));
    }
    decided
        .iter()
        .zip(&by_position)
        .map(|(d, p)| match d {
            Some(Piece::Num(s)) => Value::Read(
                s.clone(),
                if p.is_some() {
                    Basis::Position
                } else {
                    Basis::Narrative
                },
            ),
            Some(Piece::Blank) => Value::Blank,
            None => Value::Unknown,
        })
        .collect()
}

fn quotes(facts: &[(usize, &Stated)]) -> String {
    facts
        .iter()
        .map(|(_, s)| format!("“{}”", s.quote))
        .collect::<Vec<_>>()
        .join("、")
}

/// Why `left` of a row stayed blank, for the summary and `import.unplaced`.
fn unplaced_reason(
    spec: &RowSpec,
    cells: &cells::RowText,
    left: &[CellRef],
    narrative: &[Stated],
) -> String {
    let k = spec.fields.len();
    let name = format!("{}“{}”", table(), spec.label);
    let columns: Vec<&str> = left
        .iter()
        .filter_map(|c| match c {
            CellRef::ProactiveField(f) => Some(f.column_label()),
            _ => None,
        })
        .collect();
    match cells.readings(k, 1000) {
        Err(why) => format!("{name}：{why}"),
        Ok(all) => {
            let stated: Vec<String> = narrative
                .iter()
                .filter(|s| spec.fields.contains(&Some(s.field)))
                .map(|s| format!("“{}”", s.quote))
                .collect();
            let narrative = if stated.is_empty() {
                "正文也没有说明这些数字".to_string()
            } else {
                format!("正文只说明了{}", stated.join("、"))
            };
            format!(
                "{name}的数字“{}”连在一起，可以拆成{}种，本表没有合计可供核对，{narrative}：{}无法确定",
                cells.raw(),
                all.len(),
                columns.join("、")
            )
        }
    }
}

/// Whether a figure in `span` is followed by 元 on its own (not 万元): an
/// amount in yuan where the form counts in ten thousands.
fn priced_in_yuan(span: &[char]) -> bool {
    let chars: Vec<char> = span
        .iter()
        .copied()
        .filter(|c| !c.is_whitespace())
        .collect();
    chars
        .windows(2)
        .any(|w| (w[0].is_ascii_digit() || w[0] == '.') && w[1] == '元')
}
