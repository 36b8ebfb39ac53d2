//! The numeric grids of tables A, B and C, drawn from `form::layout` with the
//! form's merged cells, and entered like a spreadsheet: Tab / Shift+Tab /
//! Enter / arrows move, typing replaces, only digits are taken, a block copied
//! from Excel or WPS pastes from the focused cell.

use std::collections::HashMap;

use eframe::egui::{
    self, Align2, Color32, Event, EventFilter, FontId, Id, Key, Modifiers, Rect, Sense, Stroke,
    StrokeKind, TextEdit, Ui, pos2, text::CCursor, text::CCursorRange, vec2,
};

use crate::checks::Severity;
use crate::form::layout::{Content, Figure, Table};
use crate::form::{AppCol, AppRow, AppealPart, FieldKind};
use crate::report::{CellRef, Count, Report, autosum};

/// The widget id of a report field, the same wherever it is drawn: findings
/// use it to move focus to their cell.
pub fn cell_id(cell: CellRef) -> Id {
    Id::unique(("nianbao-cell", cell))
}

/// What the grid remembers between frames.
#[derive(Default)]
pub struct GridState {
    /// The cell being typed into and its text as typed ("" while clearing).
    editing: Option<(CellRef, String)>,
    /// Why the last key or paste was refused, or what a paste did.
    pub notice: Option<String>,
}

impl GridState {
    /// Forget what is being typed: the report changed under it (undo, open).
    pub fn reset(&mut self) {
        self.editing = None;
        self.notice = None;
    }
}

/// Column widths in points: one per label column, then the figure width.
pub struct Widths {
    pub labels: &'static [f32],
    pub figure: f32,
}

pub const PROACTIVE_WIDTHS: Widths = Widths {
    labels: &[200.0],
    figure: 150.0,
};
pub const APPLICATIONS_WIDTHS: Widths = Widths {
    labels: &[92.0, 112.0, 236.0],
    figure: 66.0,
};
pub const APPEALS_WIDTHS: Widths = Widths {
    labels: &[],
    figure: 58.0,
};

const PAD: f32 = 4.0;
const MIN_ROW: f32 = 26.0;

/// What the grid shows beside the figures, the same for every table.
pub struct Overlay<'a> {
    /// The worst severity per cell, outlined in its colour.
    pub marks: &'a HashMap<CellRef, Severity>,
    /// 自动合计: fill the totals a typed figure feeds.
    pub auto_sum: bool,
    /// Last year's report, for 对比上年.
    pub prior: Option<&'a Report>,
}

/// Draw `table` and let the clerk type into it. Returns whether the report changed.
pub fn show(
    ui: &mut Ui,
    table: &Table,
    widths: &Widths,
    report: &mut Report,
    state: &mut GridState,
    overlay: &Overlay,
) -> bool {
    let Overlay {
        marks,
        auto_sum,
        prior,
    } = *overlay;
    let mut changed = false;
    let order: Vec<Figure> = table
        .figures()
        .map(|c| match c.content {
            Content::Figure(f) => f,
            _ => unreachable!("figures() yields figures"),
        })
        .collect();
    let focused = ui
        .memory(|m| m.focused())
        .and_then(|id| order.iter().copied().find(|f| cell_id((*f).into()) == id));

    if let Some(f) = focused {
        if let Some(text) = take_paste(ui) {
            changed |= paste(table, report, f, &text, state, auto_sum);
        }
        if let Some(target) = navigation_target(ui, table, &order, f) {
            ui.memory_mut(|m| m.request_focus(cell_id(target.into())));
        }
    }

    // Column x positions and row heights.
    let font = FontId::proportional(14.0);
    let mut col_x = vec![0.0];
    for c in 0..table.cols {
        let w = widths.labels.get(c).copied().unwrap_or(widths.figure);
        col_x.push(col_x[c] + w);
    }
    let span_width = |col: usize, cols: usize| col_x[col + cols] - col_x[col];
    let mut heights = vec![MIN_ROW; table.rows];
    for cell in &table.cells {
        if cell.rows != 1 {
            continue;
        }
        if let Content::Heading(t) | Content::RowLabel(t) = cell.content {
            let galley = ui.painter().layout(
                t.to_string(),
                font.clone(),
                Color32::BLACK,
                span_width(cell.col, cell.cols) - 2.0 * PAD,
            );
            heights[cell.row] = heights[cell.row].max(galley.size().y + 2.0 * PAD);
        }
    }
    let mut row_y = vec![0.0];
    for h in &heights {
        row_y.push(row_y.last().unwrap() + h);
    }

    let (outer, _) = ui.allocate_exact_size(
        vec2(*col_x.last().unwrap(), *row_y.last().unwrap()),
        Sense::hover(),
    );
    let visuals = ui.visuals().clone();
    let line = Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color);
    let rect_of = |row: usize, col: usize, rows: usize, cols: usize| {
        Rect::from_min_max(
            outer.min + vec2(col_x[col], row_y[row]),
            outer.min + vec2(col_x[col + cols], row_y[row + rows]),
        )
    };

    for cell in &table.cells {
        let rect = rect_of(cell.row, cell.col, cell.rows, cell.cols);
        match &cell.content {
            Content::Heading(t) | Content::RowLabel(t) => {
                let heading = matches!(cell.content, Content::Heading(_));
                ui.painter().rect_filled(rect, 0.0, visuals.faint_bg_color);
                let galley = ui.painter().layout(
                    t.to_string(),
                    font.clone(),
                    visuals.text_color(),
                    rect.width() - 2.0 * PAD,
                );
                let pos = if heading {
                    rect.center() - galley.size() / 2.0
                } else {
                    pos2(rect.left() + PAD, rect.center().y - galley.size().y / 2.0)
                };
                ui.painter().galley(pos, galley, visuals.text_color());
            }
            Content::Figure(f) => {
                let cell_ref = CellRef::from(*f);
                if is_total(*f) {
                    // Totals are tinted: 自动合计 fills them.
                    ui.painter()
                        .rect_filled(rect, 0.0, visuals.extreme_bg_color);
                }
                let response = figure_cell(ui, rect, cell_ref, report, state, auto_sum);
                changed |= response.changed;
                if let Some(p) = prior {
                    let shown = display(p, cell_ref);
                    let figures = (p.count(cell_ref), report.count(cell_ref));
                    compare_with_prior(ui, rect, response.widget, &shown, figures);
                }
                if let Some(sev) = marks.get(&cell_ref) {
                    ui.painter().rect_stroke(
                        rect.shrink(1.0),
                        0.0,
                        Stroke::new(2.0, severity_color(*sev)),
                        StrokeKind::Inside,
                    );
                }
            }
        }
        ui.painter()
            .rect_stroke(rect, 0.0, line, StrokeKind::Middle);
    }
    changed
}

pub fn severity_color(s: Severity) -> Color32 {
    match s {
        Severity::Error => Color32::from_rgb(0xd0, 0x20, 0x20),
        Severity::Warning => Color32::from_rgb(0xe0, 0x90, 0x00),
        Severity::Info => Color32::from_rgb(0x30, 0x70, 0xd0),
    }
}

fn is_total(f: Figure) -> bool {
    match f {
        Figure::App(r, c) => r == AppRow::OutcomeTotal || c == AppCol::Total,
        Figure::Appeal(_, p) => p == AppealPart::Total,
        Figure::Proactive(_) => false,
    }
}

/// 对比上年 for one cell: last year's figure on hover, and a corner mark in
/// the 提示 colour where the figure moved by more than [`CHANGE_FACTOR`].
fn compare_with_prior(
    ui: &Ui,
    rect: Rect,
    response: egui::Response,
    shown: &str,
    (last, now): (Count, Count),
) {
    if shown.is_empty() {
        response.on_hover_text("上年：未填写");
        return;
    }
    let big = matches!((last, now), (Some(l), Some(n)) if big_change(l, n));
    if big {
        let corner = rect.shrink(2.0).right_top();
        ui.painter().add(egui::Shape::convex_polygon(
            vec![corner, corner + vec2(-8.0, 0.0), corner + vec2(0.0, 8.0)],
            severity_color(Severity::Info),
            Stroke::NONE,
        ));
    }
    let mut text = format!("上年：{shown}");
    if big && let Some(n) = now {
        text.push_str(&format!("\n本年{n}，变化超过{CHANGE_FACTOR}倍，请核对"));
    }
    response.on_hover_text(text);
}

/// A figure this many times last year's (or a this-many-th of it) is marked.
pub const CHANGE_FACTOR: u64 = 3;

/// Whether a figure moved enough from last year to be worth a second look.
/// Small counts (under 10 both years) move by chance and are never marked.
pub fn big_change(last: u64, now: u64) -> bool {
    if last.max(now) < 10 {
        return false;
    }
    // Wide, so that absurd values neither overflow nor saturate into a false mark.
    let (last, now, f) = (u128::from(last), u128::from(now), u128::from(CHANGE_FACTOR));
    now >= last * f || last >= now * f
}

/// What one cell did this frame.
struct CellResponse {
    changed: bool,
    widget: egui::Response,
}

/// One figure as an editable text field.
fn figure_cell(
    ui: &mut Ui,
    rect: Rect,
    cell: CellRef,
    report: &mut Report,
    state: &mut GridState,
    auto_sum: bool,
) -> CellResponse {
    let id = cell_id(cell);
    let shown = display(report, cell);
    let mut text = match &state.editing {
        Some((c, t)) if *c == cell => t.clone(),
        _ => shown.clone(),
    };
    let before = text.clone();
    let edit = TextEdit::singleline(&mut text)
        .id(id)
        .frame(egui::Frame::NONE)
        .align(Align2::CENTER_CENTER)
        // The grid moves focus itself; the field must not act on these keys.
        .event_filter(EventFilter {
            tab: true,
            horizontal_arrows: true,
            vertical_arrows: true,
            escape: false,
        })
        .return_key(None);
    let response = ui.put(rect.shrink(2.0), edit).accessible_name(cell.label());

    if response.gained_focus() {
        // Typing replaces the cell, as in a spreadsheet.
        if let Some(mut s) = TextEdit::load_state(ui.ctx(), id) {
            s.cursor.set_char_range(Some(CCursorRange::two(
                CCursor::new(0),
                CCursor::new(text.chars().count()),
            )));
            s.store(ui.ctx(), id);
        }
        response.scroll_to_me(None);
    }
    let mut changed = false;
    if response.changed() && text != before {
        match parse_value(cell, &text) {
            Ok(value) => {
                changed = write(report, cell, value, auto_sum);
                state.editing = Some((cell, normalise(&text)));
                state.notice = None;
            }
            Err(why) => {
                state.notice = Some(why);
                state.editing = Some((cell, before));
            }
        }
    }
    if response.lost_focus() && matches!(&state.editing, Some((c, _)) if *c == cell) {
        state.editing = None;
    }
    CellResponse {
        changed,
        widget: response,
    }
}

/// A parsed cell value: a count, or the fee's decimal string.
#[derive(Debug, PartialEq)]
pub enum Value {
    Count(Count),
    Fee(String),
}

/// Write a value into its cell, then (自动合计) the totals it feeds.
fn write(report: &mut Report, cell: CellRef, value: Value, auto_sum: bool) -> bool {
    match value {
        Value::Fee(s) => {
            let changed = report.proactive.fees_wan_yuan != s;
            report.proactive.fees_wan_yuan = s;
            changed
        }
        Value::Count(v) => {
            let Some(slot) = report.count_mut(cell) else {
                return false;
            };
            let changed = *slot != v;
            *slot = v;
            if changed && auto_sum {
                autosum::after_edit(report, cell);
            }
            changed
        }
    }
}

fn display(report: &Report, cell: CellRef) -> String {
    report.figure_text(cell)
}

/// Full-width digits and point (typed through a Chinese IME) as ASCII, spaces dropped.
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            _ => c,
        })
        .collect()
}

/// What the clerk typed or pasted into `cell`, or why it cannot go there.
pub fn parse_value(cell: CellRef, text: &str) -> Result<Value, String> {
    let t = normalise(text);
    let is_fee = matches!(cell, CellRef::ProactiveField(f) if f.kind() == FieldKind::Decimal);
    if is_fee {
        return if t.is_empty() || crate::report::is_decimal(&t) || is_decimal_prefix(&t) {
            Ok(Value::Fee(t))
        } else {
            Err(format!(
                "“{}”只能填金额数字（单位万元，可带小数，如 12.5），“{}”不是数字",
                cell.label(),
                text.trim()
            ))
        };
    }
    if t.is_empty() {
        return Ok(Value::Count(None));
    }
    if let Some(bad) = t.chars().find(|c| !c.is_ascii_digit()) {
        return Err(format!(
            "表格中只能填数字：“{bad}”未被接受。没有发生的请填0，不填表示空白"
        ));
    }
    t.parse::<u64>()
        .map(|v| Value::Count(Some(v)))
        .map_err(|_| format!("“{t}”太大，不可能是实际件数"))
}

/// "12." while typing "12.5".
fn is_decimal_prefix(t: &str) -> bool {
    t.strip_suffix('.').is_some_and(crate::report::is_decimal)
}

/// The text of a paste event aimed at the focused cell, taken before the
/// text field sees it.
fn take_paste(ui: &mut Ui) -> Option<String> {
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

/// Paste a block (tab-separated columns, one line per row) from `start`.
/// All or nothing: one value that is not a number cancels the paste.
fn paste(
    table: &Table,
    report: &mut Report,
    start: Figure,
    text: &str,
    state: &mut GridState,
    auto_sum: bool,
) -> bool {
    let rows = figure_rows(table);
    let Some((r0, c0)) = rows
        .iter()
        .enumerate()
        .find_map(|(r, row)| row.iter().position(|f| *f == start).map(|c| (r, c)))
    else {
        return false;
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
                    return false;
                }
            }
        }
    }
    let n = writes.len();
    for (cell, v) in &writes {
        write(report, *cell, clone_value(v), auto_sum);
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
    n > 0
}

fn clone_value(v: &Value) -> Value {
    match v {
        Value::Count(c) => Value::Count(*c),
        Value::Fee(s) => Value::Fee(s.clone()),
    }
}

/// Where a navigation key moves the focus from `from`, consuming the key.
fn navigation_target(ui: &mut Ui, table: &Table, order: &[Figure], from: Figure) -> Option<Figure> {
    #[derive(Clone, Copy)]
    enum Move {
        Next,
        Previous,
        Up,
        Down,
    }
    let moves = [
        (Modifiers::SHIFT, Key::Tab, Move::Previous),
        (Modifiers::NONE, Key::Tab, Move::Next),
        (Modifiers::SHIFT, Key::Enter, Move::Up),
        (Modifiers::NONE, Key::Enter, Move::Down),
        (Modifiers::NONE, Key::ArrowUp, Move::Up),
        (Modifiers::NONE, Key::ArrowDown, Move::Down),
        (Modifiers::NONE, Key::ArrowLeft, Move::Previous),
        (Modifiers::NONE, Key::ArrowRight, Move::Next),
    ];
    let mv = ui.input_mut(|i| {
        moves
            .iter()
            .find(|(m, k, _)| i.consume_key(*m, *k))
            .map(|(_, _, mv)| *mv)
    })?;
    let i = order.iter().position(|f| *f == from)?;
    let (row, col) = table.position(from)?;
    let vertical = |down: bool| {
        let mut candidates: Vec<_> = order
            .iter()
            .filter_map(|f| table.position(*f).map(|p| (p, *f)))
            .filter(|((r, c), _)| *c == col && if down { *r > row } else { *r < row })
            .collect();
        candidates.sort_by_key(|((r, _), _)| *r);
        if down {
            candidates.first().map(|(_, f)| *f)
        } else {
            candidates.last().map(|(_, f)| *f)
        }
    };
    match mv {
        Move::Next => Some(order[(i + 1) % order.len()]),
        Move::Previous => Some(order[(i + order.len() - 1) % order.len()]),
        // Enter at the bottom goes on to the next cell in reading order.
        Move::Down => vertical(true).or_else(|| order.get(i + 1).copied()),
        Move::Up => vertical(false),
    }
}

/// A compact hint shown above a grid.
pub fn notice(ui: &mut Ui, state: &GridState) {
    if let Some(n) = &state.notice {
        ui.label(egui::RichText::new(n).color(severity_color(Severity::Warning)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::ProactiveField;

    #[test]
    fn a_big_change_is_threefold_and_not_among_small_counts() {
        assert!(big_change(40, 200));
        assert!(big_change(30, 10));
        assert!(big_change(0, 12));
        assert!(!big_change(40, 119));
        assert!(!big_change(2, 9), "small counts move by chance");
        assert!(!big_change(u64::MAX, u64::MAX));
        assert!(big_change(u64::MAX, 1));
    }

    #[test]
    fn typed_values() {
        let c = CellRef::App(AppRow::Granted, AppCol::Total);
        assert_eq!(parse_value(c, "１２"), Ok(Value::Count(Some(12))));
        assert_eq!(parse_value(c, " "), Ok(Value::Count(None)));
        assert!(parse_value(c, "十").unwrap_err().contains("“十”未被接受"));
        assert!(parse_value(c, "99999999999999999999").is_err());
        let fee = CellRef::ProactiveField(ProactiveField::Fees);
        assert_eq!(parse_value(fee, "12."), Ok(Value::Fee("12.".into())));
        assert_eq!(parse_value(fee, "0.5"), Ok(Value::Fee("0.5".into())));
        assert!(parse_value(fee, "五万").is_err());
    }
}
