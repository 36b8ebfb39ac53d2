//! A block copied from Excel or WPS (tab-separated columns, one line per
//! row) pasted from the focused cell. All or nothing: one value that is not
//! a number cancels the paste.

use eframe::egui::{Event, Ui};

use super::GridState;
use super::entry::{parse_value, write};
use crate::form::layout::{Content, Figure, Table};
use crate::report::{CellRef, Report};

/// The text of a paste event aimed at the focused cell, taken before the
/// text field sees it.
pub(super) fn take_paste(ui: &mut Ui) -> Option<String> {
    ui.input_mut(|i| {
        let mut pasted = None;
        i.events.retain(|e| match e {
            Event::Paste(s) => {
                pasted = Some(s.clone());
                false
            }
            _ => true,
        });
        pasted
    })
}

/// The figures row by row, as a paste block is laid out over them.
fn figure_rows(table: &Table) -> Vec<Vec<Figure>> {
    let mut rows: Vec<(usize, Vec<Figure>)> = Vec::new();
    for c in table.figures() {
        let Content::Figure(f) = c.content else {
            continue;
        };
        match rows.last_mut() {
            Some((r, v)) if *r == c.row => v.push(f),
            _ => rows.push((c.row, vec![f])),
        }
    }
    rows.into_iter().map(|(_, v)| v).collect()
}

/// Paste `text` from `start`; the grid's notice says what happened.
pub(super) fn paste(
    table: &Table,
    report: &mut Report,
    start: Figure,
    text: &str,
    state: &mut GridState,
    auto_sum: bool,
) {
    let rows = figure_rows(table);
    let Some((r0, c0)) = rows
        .iter()
        .enumerate()
        .find_map(|(r, row)| row.iter().position(|f| *f == start).map(|c| (r, c)))
    else {
        return;
    };
    let block: Vec<Vec<&str>> = text
        .trim_end_matches(['\r', '\n'])
        .split('\n')
        .map(|line| line.trim_end_matches('\r').split('\t').collect())
        .collect();

    let mut writes = Vec::new();
    let mut outside = 0;
    for (i, line) in block.iter().enumerate() {
        for (j, raw) in line.iter().enumerate() {
            let Some(f) = rows.get(r0 + i).and_then(|row| row.get(c0 + j)) else {
                outside += 1;
                continue;
            };
            let cell = CellRef::from(*f);
            match parse_value(cell, raw) {
                Ok(v) => writes.push((cell, v)),
                Err(_) => {
                    state.notice = Some(format!(
                        "粘贴的内容第{}行第{}个“{}”不是数字：已取消粘贴，表格未改动",
                        i + 1,
                        j + 1,
                        raw.trim()
                    ));
                    return;
                }
            }
        }
    }
    let n = writes.len();
    for (cell, v) in &writes {
        write(report, *cell, v.clone(), auto_sum);
    }
    // Pasted totals are the clerk's figures: 自动合计 must not overwrite them.
    for (cell, v) in writes {
        write(report, cell, v, false);
    }
    state.editing = None;
    state.notice = Some(if outside > 0 {
        format!("已粘贴{n}个数；另有{outside}个超出表格范围，未粘贴")
    } else {
        format!("已粘贴{n}个数")
    });
}
