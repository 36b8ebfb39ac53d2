//! Tables without rules: figures that stand in the same columns on
//! consecutive lines. Where the columns are plain — every figure falls in
//! exactly one column, no column holds two figures of a line — the rows
//! come out as `|` cells, a missing figure as a blank cell in its column.
//! Otherwise the lines stay as printed, with spaces, and the importer reads
//! them as it reads copied text (and leaves unsure rows blank).

use super::lines::{Line, is_figure};
use super::row::{Cell, Row};

pub enum Block {
    Line(Line),
    /// Rows in the importer's shape, and the top of the first.
    Rows(f32, Vec<Row>),
}

/// A line's pieces, and whether it holds figures standing apart.
struct Tabular {
    chunks: Vec<Line>,
}

fn tabular(line: &Line) -> Option<Tabular> {
    if line.vertical {
        return None;
    }
    let chunks = line.chunks();
    let figures = chunks.iter().filter(|c| is_figure(&c.text())).count();
    let separate =
        chunks.len() >= 2 && figures >= 1 && !is_figure(&chunks[0].text()) || figures >= 2;
    separate.then_some(Tabular { chunks })
}

/// Lines further apart than this many font sizes are not one table.
const ROW_GAP: f32 = 4.0;

pub fn blocks(lines: &[Line]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(first) = tabular(&lines[i]) else {
            out.push(Block::Line(lines[i].clone()));
            i += 1;
            continue;
        };
        // A run of tabular lines, with the lines between them (wrapped labels).
        let mut run: Vec<(usize, Option<Tabular>)> = vec![(i, Some(first))];
        let mut last_tabular = i;
        let mut j = i + 1;
        while j < lines.len() {
            let em = lines[last_tabular].size.max(1.0);
            if lines[j].y - lines[last_tabular].y > ROW_GAP * em {
                break;
            }
            let t = tabular(&lines[j]);
            if t.is_some() {
                last_tabular = j;
            }
            run.push((j, t));
            j += 1;
        }
        // Lines after the last tabular one are not part of the table.
        run.truncate(last_tabular - i + 1);
        i = last_tabular + 1;
        match columns(&run) {
            Some(cols) if cols.len() >= 2 => {
                let top = lines[run[0].0].y - lines[run[0].0].size;
                let mut rows = Vec::new();
                for (k, t) in &run {
                    match t {
                        Some(t) => rows.push(row(t, &cols)),
                        None => {
                            if !rows.is_empty() {
                                out.push(Block::Rows(top, std::mem::take(&mut rows)));
                            }
                            out.push(Block::Line(lines[*k].clone()));
                        }
                    }
                }
                if !rows.is_empty() {
                    out.push(Block::Rows(top, rows));
                }
            }
            _ => out.extend(run.iter().map(|(k, _)| Block::Line(lines[*k].clone()))),
        }
    }
    out
}

/// The figure columns of a run as x ranges, left to right; `None` when a
/// line puts two figures in one column.
fn columns(run: &[(usize, Option<Tabular>)]) -> Option<Vec<(f32, f32)>> {
    let mut spans: Vec<(f32, f32)> = Vec::new();
    for t in run.iter().filter_map(|(_, t)| t.as_ref()) {
        for c in t.chunks.iter().filter(|c| is_figure(&c.text())) {
            let pad = 0.3 * c.size.max(1.0);
            spans.push((c.x0 - pad, c.x1 + pad));
        }
    }
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut cols: Vec<(f32, f32)> = Vec::new();
    for (a, b) in spans {
        match cols.last_mut() {
            Some(c) if a <= c.1 => c.1 = c.1.max(b),
            _ => cols.push((a, b)),
        }
    }
    // Columns closer than an em: figures of one cell spaced apart, or columns
    // too tight to tell.
    let em = run
        .iter()
        .filter_map(|(_, t)| t.as_ref())
        .flat_map(|t| t.chunks.iter().map(|c| c.size))
        .fold(1.0, f32::max);
    if cols.windows(2).any(|w| w[1].0 - w[0].1 < em) {
        return None;
    }
    for t in run.iter().filter_map(|(_, t)| t.as_ref()) {
        let mut used = vec![false; cols.len()];
        for c in t.chunks.iter().filter(|c| is_figure(&c.text())) {
            let k = cols.iter().position(|col| col.0 <= c.x0 && c.x1 <= col.1)?;
            if used[k] {
                return None;
            }
            used[k] = true;
        }
        // Text standing among the figures: a cell we cannot tell the column of.
        if t.chunks
            .iter()
            .any(|c| !is_figure(&c.text()) && c.x1 > cols[0].0)
        {
            return None;
        }
    }
    Some(cols)
}

fn row(t: &Tabular, cols: &[(f32, f32)]) -> Row {
    let label: Vec<String> = t
        .chunks
        .iter()
        .filter(|c| !is_figure(&c.text()))
        .map(Line::text)
        .collect();
    let mut cells = vec![String::new(); cols.len()];
    for c in t.chunks.iter().filter(|c| is_figure(&c.text())) {
        if let Some(k) = cols.iter().position(|col| col.0 <= c.x0 && c.x1 <= col.1) {
            cells[k] = c.text();
        }
    }
    // No empty label cell: before the figures it would count as one.
    let label = (!label.is_empty()).then(|| label.join(" "));
    Row {
        cells: label
            .into_iter()
            .chain(cells)
            .map(|text| Cell {
                text,
                fillers: 0,
                full: false,
                across: None,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::pdf::lines::{lines, tests::run};

    fn text(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .flat_map(|b| match b {
                Block::Line(l) => vec![l.text()],
                Block::Rows(_, r) => r.iter().map(Row::line).collect(),
            })
            .collect()
    }

    #[test]
    fn a_blank_figure_keeps_its_column() {
        let mut g = run("信息内容", 60.0, 100.0, 12.0, 12.0);
        g.extend(run("规章", 60.0, 120.0, 12.0, 12.0));
        g.extend(run("0", 200.0, 120.0, 12.0, 6.0));
        g.extend(run("0", 300.0, 120.0, 12.0, 6.0));
        g.extend(run("12", 397.0, 120.0, 12.0, 6.0));
        g.extend(run("行政规范性文件", 60.0, 140.0, 12.0, 12.0));
        g.extend(run("3", 200.0, 140.0, 12.0, 6.0));
        g.extend(run("15", 397.0, 140.0, 12.0, 6.0));
        let b = blocks(&lines(&g));
        assert_eq!(
            text(&b),
            [
                "信息内容",
                "| 规章 | 0 | 0 | 12 |",
                "| 行政规范性文件 | 3 |  | 15 |"
            ]
        );
    }

    #[test]
    fn two_figures_in_one_column_stay_as_printed() {
        let mut g = run("规章", 60.0, 120.0, 12.0, 12.0);
        g.extend(run("0", 200.0, 120.0, 12.0, 6.0));
        g.extend(run("12", 300.0, 120.0, 12.0, 6.0));
        g.extend(run("行政规范性文件", 60.0, 140.0, 12.0, 12.0));
        g.extend(run("3", 200.0, 140.0, 12.0, 6.0));
        g.extend(run("4", 215.0, 140.0, 12.0, 6.0));
        let b = blocks(&lines(&g));
        assert_eq!(text(&b), ["规章 0 12", "行政规范性文件 3 4"]);
    }
}
