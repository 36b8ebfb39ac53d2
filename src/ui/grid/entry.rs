//! Typing into one figure cell: typing replaces the cell as in a
//! spreadsheet, only digits are taken (full-width ones from a Chinese IME
//! too), and 自动合计 fills the totals a typed figure feeds.

use eframe::egui::{
    self, Align2, EventFilter, Rect, TextEdit, Ui, text::CCursor, text::CCursorRange,
};

use super::{GridState, cell_id};
use crate::form::FieldKind;
use crate::report::{CellRef, Count, Report, autosum};

/// One figure as an editable text field.
pub(super) fn figure_cell(
    ui: &mut Ui,
    rect: Rect,
    cell: CellRef,
    report: &mut Report,
    state: &mut GridState,
    auto_sum: bool,
) -> egui::Response {
    let id = cell_id(cell);
    let mut text = match &state.editing {
        Some((c, t)) if *c == cell => t.clone(),
        _ => report.figure_text(cell),
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
    }
    if response.changed() && text != before {
        match parse_value(cell, &text) {
            Ok(value) => {
                write(report, cell, value, auto_sum);
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
    response
}

/// A parsed cell value: a count, or the fee's decimal string.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Count(Count),
    Fee(String),
}

/// Write a value into its cell, then (自动合计) the totals it feeds.
pub(super) fn write(report: &mut Report, cell: CellRef, value: Value, auto_sum: bool) {
    match value {
        Value::Fee(s) => report.proactive.fees_wan_yuan = s,
        Value::Count(v) => {
            let Some(slot) = report.count_mut(cell) else {
                return;
            };
            let changed = *slot != v;
            *slot = v;
            if changed && auto_sum {
                autosum::after_edit(report, cell);
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{AppCol, AppRow, ProactiveField};

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
