//! The page as GB/T 9704-2012 sets it: A4, margins 37/28/26/35 mm, a text
//! block of 156 × 225 mm holding 22 lines of 16 pt text.

pub fn mm(v: f32) -> f32 {
    v * 72.0 / 25.4
}

pub use crate::export::pages::{PAGE_H, PAGE_W};
pub const LEFT: f32 = 28.0 * 72.0 / 25.4;
pub const RIGHT: f32 = 26.0 * 72.0 / 25.4;
pub const TOP: f32 = 37.0 * 72.0 / 25.4;
pub const BOTTOM: f32 = 35.0 * 72.0 / 25.4;
/// Width of the text block (156 mm).
pub const TEXT_W: f32 = PAGE_W - LEFT - RIGHT;
/// The y of the text block's top edge.
pub const TEXT_TOP: f32 = PAGE_H - TOP;

/// 三号: body text and headings.
pub const BODY_SIZE: f32 = 16.0;
/// 22 lines in the 225 mm block.
pub const LINE: f32 = 225.0 * 72.0 / 25.4 / 22.0;
/// 二号: the title.
pub const TITLE_SIZE: f32 = 22.0;
pub const TITLE_LINE: f32 = 34.0;
/// 小五: table text, so that table C's 15 columns fit the width.
pub const TABLE_SIZE: f32 = 9.0;
pub const TABLE_LINE: f32 = 11.5;
/// 四号: page numbers.
pub const FOLIO_SIZE: f32 = 14.0;
