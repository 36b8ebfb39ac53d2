//! Ruled tables: the grid the rules draw, its merged cells (where a rule
//! between two grid units is missing), and the text of each cell.
//!
//! A table comes out in the text shape the importer reads, one line a row,
//! cells between `|`. A cell spanning n columns puts n−1 empty cells *before*
//! its text: the columns stay where they are, as html.rs keeps them, and a
//! spanning label's fillers end up after the previous row's figures — where
//! the row reader drops them — rather than between a label and its figures,
//! where a figure left blank by the publisher would let them shift the rest.
//! A cell spanning rows appears once, in its first row.

use super::lines::{groups, is_wide, lines};
use super::page::{Glyph, Rule};
use super::row::{Cell, Row};

/// Rules this close are one rule; positions this close are one grid line.
const SNAP: f32 = 2.0;

#[derive(Debug)]
pub struct Table {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    xs: Vec<f32>,
    ys: Vec<f32>,
    /// For each grid unit (row-major), the cell it belongs to.
    owner: Vec<usize>,
    cells: Vec<Span>,
}

#[derive(Debug, Clone, Copy)]
struct Span {
    r0: usize,
    c0: usize,
    c1: usize,
}

impl Table {
    pub fn contains(&self, (x, y): (f32, f32)) -> bool {
        self.x0 <= x && x <= self.x1 && self.y0 <= y && y <= self.y1
    }

    fn cell_at(&self, (x, y): (f32, f32)) -> Option<usize> {
        let c = self.xs.partition_point(|v| *v <= x).checked_sub(1)?;
        let r = self.ys.partition_point(|v| *v <= y).checked_sub(1)?;
        let cols = self.xs.len() - 1;
        let (c, r) = (c.min(cols - 1), r.min(self.ys.len() - 2));
        self.owner.get(r * cols + c).copied()
    }

    /// The table's rows as text lines, and how many cells were left blank
    /// because a number ran across a rule.
    pub fn rows(&self, glyphs: &[Glyph]) -> (Vec<Row>, usize) {
        let mut per_cell: Vec<Vec<Glyph>> = vec![Vec::new(); self.cells.len()];
        let mut cell_of = Vec::with_capacity(glyphs.len());
        for g in glyphs {
            let cell = self.cell_at(g.center());
            if let Some(i) = cell {
                per_cell[i].push(g.clone());
            }
            cell_of.push(cell);
        }
        let mut unsure = self.straddling(glyphs, &cell_of);
        let cols = self.xs.len() - 1;
        let (mut text, full): (Vec<String>, Vec<bool>) = per_cell
            .iter()
            .zip(&self.cells)
            .map(|(g, c)| cell_text(g, self.xs[(c.c1 + 1).min(cols)]))
            .unzip();
        for (i, t) in text.iter_mut().enumerate() {
            // A glyph we could not read may be a digit of the figure.
            if t.contains('\u{fffd}') && !unsure.contains(&i) {
                unsure.push(i);
            }
            if unsure.contains(&i) {
                t.clear();
            }
        }
        let mut order: Vec<usize> = (0..self.cells.len()).collect();
        order.sort_by_key(|&i| (self.cells[i].r0, self.cells[i].c0));
        let mut out = Vec::new();
        let mut k = 0;
        while k < order.len() {
            let r = self.cells[order[k]].r0;
            let row: Vec<usize> = order[k..]
                .iter()
                .copied()
                .take_while(|&i| self.cells[i].r0 == r)
                .collect();
            k += row.len();
            if row.iter().all(|&i| text[i].is_empty()) {
                continue;
            }
            out.push(Row {
                cells: row
                    .iter()
                    .map(|&i| {
                        let c = self.cells[i];
                        Cell {
                            text: std::mem::take(&mut text[i]),
                            fillers: c.c1 - c.c0,
                            full: full[i],
                            across: Some((self.xs[c.c0], self.xs[(c.c1 + 1).min(cols)])),
                        }
                    })
                    .collect(),
            });
        }
        (out, unsure.len())
    }

    /// Cells a number runs into from its neighbour: which cell the digits
    /// belong to is not for us to guess.
    fn straddling(&self, glyphs: &[Glyph], cell_of: &[Option<usize>]) -> Vec<usize> {
        let mut unsure = Vec::new();
        for (line, vertical) in groups(glyphs) {
            if vertical {
                continue;
            }
            for w in line.windows(2) {
                let (a, b) = (&glyphs[w[0]], &glyphs[w[1]]);
                let digits = a.text.ends_with(|c: char| c.is_ascii_digit())
                    && b.text.starts_with(|c: char| c.is_ascii_digit());
                let touching = b.x - (a.x + a.w) < 0.3 * a.size.max(1.0);
                if digits && touching && cell_of[w[0]] != cell_of[w[1]] {
                    for c in [cell_of[w[0]], cell_of[w[1]]].into_iter().flatten() {
                        if !unsure.contains(&c) {
                            unsure.push(c);
                        }
                    }
                }
            }
        }
        unsure
    }
}

/// A cell's text: its lines joined, Chinese without a space, Latin with
/// one; and whether its last line runs to the cell's right edge `right`.
fn cell_text(glyphs: &[Glyph], right: f32) -> (String, bool) {
    let mut out = String::new();
    let mut full = false;
    for l in lines(glyphs) {
        let t = l.text();
        if t.is_empty() {
            continue;
        }
        let joined_tight = out.ends_with(is_wide) || t.starts_with(is_wide);
        if !out.is_empty() && !joined_tight {
            out.push(' ');
        }
        out.push_str(&t);
        full = !l.vertical && l.x1 >= right - 2.0 * l.size;
    }
    (out, full)
}

/// Rules along one line merged: overlapping or touching pieces are one.
fn merge(mut rules: Vec<Rule>) -> Vec<Rule> {
    rules.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.a.total_cmp(&b.a)));
    let mut out: Vec<Rule> = Vec::new();
    'next: for r in rules {
        for m in out.iter_mut().rev().take(16) {
            if (m.at - r.at).abs() <= SNAP && r.a <= m.b + SNAP && m.a <= r.b + SNAP {
                m.a = m.a.min(r.a);
                m.b = m.b.max(r.b);
                continue 'next;
            }
        }
        out.push(r);
    }
    out
}

/// Positions within `SNAP` of each other as one.
fn snap(mut v: Vec<f32>) -> Vec<f32> {
    v.sort_by(f32::total_cmp);
    let mut out: Vec<Vec<f32>> = Vec::new();
    for x in v {
        match out.last_mut() {
            Some(g) if x - g[g.len() - 1] <= SNAP => g.push(x),
            _ => out.push(vec![x]),
        }
    }
    out.iter()
        .map(|g| g.iter().sum::<f32>() / g.len() as f32)
        .collect()
}

/// Rules read per page: more are a drawing, not a table.
const MAX_RULES: usize = 2000;

/// The ruled tables of a page. `budget`: rule crossings still to be tried
/// in the document; when it runs out, pages are read without their rules.
pub fn find(rules: &[Rule], budget: &mut usize) -> Vec<Table> {
    let rules = &rules[..rules.len().min(MAX_RULES)];
    let h = merge(rules.iter().filter(|r| r.horizontal).copied().collect());
    let v = merge(rules.iter().filter(|r| !r.horizontal).copied().collect());
    // Connected rules: a horizontal and a vertical that meet.
    let n = h.len() + v.len();
    let mut parent: Vec<usize> = (0..n).collect();
    // `v` is sorted by position: only the verticals within a horizontal's
    // reach are tried.
    for (i, a) in h.iter().enumerate() {
        let from = v.partition_point(|b| b.at < a.a - SNAP);
        for (j, b) in v.iter().enumerate().skip(from) {
            if b.at > a.b + SNAP {
                break;
            }
            if *budget == 0 {
                return Vec::new();
            }
            *budget -= 1;
            if b.a - SNAP <= a.at && a.at <= b.b + SNAP {
                union(&mut parent, i, h.len() + j);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of_root: Vec<Option<usize>> = vec![None; n];
    for i in 0..n {
        let root = find_root(&mut parent, i);
        match group_of_root[root] {
            Some(g) => groups[g].push(i),
            None => {
                group_of_root[root] = Some(groups.len());
                groups.push(vec![i]);
            }
        }
    }
    let mut out = Vec::new();
    for members in groups {
        let hs: Vec<Rule> = members
            .iter()
            .filter(|&&i| i < h.len())
            .map(|&i| h[i])
            .collect();
        let vs: Vec<Rule> = members
            .iter()
            .filter(|&&i| i >= h.len())
            .map(|&i| v[i - h.len()])
            .collect();
        if hs.len() < 2 || vs.len() < 2 {
            continue;
        }
        if let Some(t) = grid(&hs, &vs) {
            out.push(t);
        }
    }
    out
}

fn grid(hs: &[Rule], vs: &[Rule]) -> Option<Table> {
    let x0 = hs
        .iter()
        .map(|r| r.a)
        .chain(vs.iter().map(|r| r.at))
        .fold(f32::MAX, f32::min);
    let x1 = hs
        .iter()
        .map(|r| r.b)
        .chain(vs.iter().map(|r| r.at))
        .fold(f32::MIN, f32::max);
    let y0 = vs
        .iter()
        .map(|r| r.a)
        .chain(hs.iter().map(|r| r.at))
        .fold(f32::MAX, f32::min);
    let y1 = vs
        .iter()
        .map(|r| r.b)
        .chain(hs.iter().map(|r| r.at))
        .fold(f32::MIN, f32::max);
    // Outer edges count as grid lines even where a table has no outer border.
    let xs = snap(vs.iter().map(|r| r.at).chain([x0, x1]).collect());
    let ys = snap(hs.iter().map(|r| r.at).chain([y0, y1]).collect());
    // A single column is a frame around text, not a table.
    if xs.len() < 3 || ys.len() < 2 {
        return None;
    }
    let (cols, rows) = (xs.len() - 1, ys.len() - 1);
    if cols * rows > 20_000 {
        return None;
    }
    // The rules on each grid line, so that a unit's borders are looked up
    // among a few.
    let on_lines = |lines: &[f32], rules: &[Rule]| -> Vec<Vec<(f32, f32)>> {
        lines
            .iter()
            .map(|at| {
                rules
                    .iter()
                    .filter(|r| (r.at - at).abs() <= SNAP)
                    .map(|r| (r.a, r.b))
                    .collect()
            })
            .collect()
    };
    let (v_on, h_on) = (on_lines(&xs, vs), on_lines(&ys, hs));
    let covers = |on: &[(f32, f32)], a: f32, b: f32| {
        on.iter().any(|r| r.1.min(b) - r.0.max(a) >= 0.5 * (b - a))
    };
    let mut parent: Vec<usize> = (0..cols * rows).collect();
    for r in 0..rows {
        for c in 0..cols {
            let unit = r * cols + c;
            if c + 1 < cols && !covers(&v_on[c + 1], ys[r], ys[r + 1]) {
                union(&mut parent, unit, unit + 1);
            }
            if r + 1 < rows && !covers(&h_on[r + 1], xs[c], xs[c + 1]) {
                union(&mut parent, unit, unit + cols);
            }
        }
    }
    let mut cells: Vec<Span> = Vec::new();
    let mut index_of_root: Vec<Option<usize>> = vec![None; cols * rows];
    let mut owner = vec![0; cols * rows];
    for r in 0..rows {
        for c in 0..cols {
            let unit = r * cols + c;
            let root = find_root(&mut parent, unit);
            let i = match index_of_root[root] {
                Some(i) => {
                    let cell = &mut cells[i];
                    cell.c0 = cell.c0.min(c);
                    cell.c1 = cell.c1.max(c);
                    i
                }
                None => {
                    cells.push(Span {
                        r0: r,
                        c0: c,
                        c1: c,
                    });
                    index_of_root[root] = Some(cells.len() - 1);
                    cells.len() - 1
                }
            };
            owner[unit] = i;
        }
    }
    Some(Table {
        x0,
        y0,
        x1,
        y1,
        xs,
        ys,
        owner,
        cells,
    })
}

fn find_root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find_root(parent, a), find_root(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::pdf::lines::tests::run;

    fn h(at: f32, a: f32, b: f32) -> Rule {
        Rule {
            horizontal: true,
            at,
            a,
            b,
        }
    }

    fn v(at: f32, a: f32, b: f32) -> Rule {
        Rule {
            horizontal: false,
            at,
            a,
            b,
        }
    }

    /// Two rows: a label spanning two columns, then a row of three cells.
    fn two_rows() -> Vec<Rule> {
        vec![
            h(100.0, 50.0, 350.0),
            h(130.0, 50.0, 350.0),
            h(160.0, 50.0, 350.0),
            v(50.0, 100.0, 160.0),
            v(150.0, 130.0, 160.0), // only in the second row
            v(250.0, 100.0, 160.0),
            v(350.0, 100.0, 160.0),
        ]
    }

    #[test]
    fn spans_and_cells() {
        let tables = find(&two_rows(), &mut 1000);
        assert_eq!(tables.len(), 1);
        let mut g = run("一、本年新收", 60.0, 120.0, 12.0, 12.0);
        g.extend(run("21", 290.0, 120.0, 12.0, 6.0));
        g.extend(run("（二）部分公开", 60.0, 142.0, 10.0, 10.0));
        g.extend(run("（区分）", 60.0, 155.0, 10.0, 10.0));
        g.extend(run("4", 200.0, 150.0, 12.0, 6.0));
        let (rows, unsure) = tables[0].rows(&g);
        let rows: Vec<String> = rows.iter().map(Row::line).collect();
        assert_eq!(unsure, 0);
        assert_eq!(
            rows,
            [
                "|  | 一、本年新收 | 21 |",
                "| （二）部分公开（区分） | 4 |  |"
            ]
        );
    }

    #[test]
    fn a_number_across_a_rule_is_not_placed() {
        let tables = find(&two_rows(), &mut 1000);
        let mut g = run("12", 243.0, 150.0, 12.0, 6.0);
        g.extend(run("3", 290.0, 150.0, 12.0, 6.0));
        let (rows, unsure) = tables[0].rows(&g);
        assert_eq!(unsure, 2);
        assert_eq!(rows, Vec::<Row>::new());
    }

    #[test]
    fn thin_fills_and_missing_outer_borders() {
        // Inner verticals only; the horizontals give the width.
        let rules = vec![
            h(100.0, 50.0, 350.0),
            h(130.0, 50.0, 350.0),
            v(150.0, 100.0, 130.0),
            v(250.0, 100.0, 130.0),
        ];
        let t = &find(&rules, &mut 1000)[0];
        let mut g = run("规章", 60.0, 120.0, 12.0, 12.0);
        g.extend(run("0", 200.0, 120.0, 12.0, 6.0));
        g.extend(run("5", 300.0, 120.0, 12.0, 6.0));
        assert_eq!(t.rows(&g).0[0].line(), "| 规章 | 0 | 5 |");
        // A lone underline is no table.
        assert!(find(&[h(100.0, 50.0, 350.0)], &mut 1000).is_empty());
        // Out of budget: no table.
        assert!(find(&rules, &mut 2).is_empty());
    }
}
