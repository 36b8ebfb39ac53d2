//! Moving between figure cells like a spreadsheet: Tab / Shift+Tab in
//! reading order, Enter / Shift+Enter and the arrows up and down a column.

use eframe::egui::{Key, Modifiers, Ui};

use crate::form::layout::{Figure, Table};

/// Where a navigation key moves the focus from `from`, consuming the key.
/// `order`: the table's figures in reading order.
pub(super) fn target(ui: &mut Ui, table: &Table, order: &[Figure], from: Figure) -> Option<Figure> {
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
