//! Frozen panes, as in Excel and WPS: a table's header rows stay at the top
//! and its label columns at the left while the figures scroll under them, so
//! that on a small screen (1024×768, or 1366×768 at 125 %) 总计 can be
//! reached without losing sight of the row it belongs to.
//!
//! The whole table is the content of one scroll area; a frozen part is drawn
//! at the view's edge instead of where it would have scrolled to, and every
//! cell is clipped to the part of the view its rows and columns own.

use eframe::egui::{Rangef, Rect, Vec2};

/// One direction of the grid: columns (with the label columns frozen) or
/// rows (with the header rows frozen).
pub(super) struct Axis<'a> {
    /// Where each grid line is in the table, from 0 to its whole extent.
    pub lines: &'a [f32],
    /// How many leading columns (rows) stay put.
    pub frozen: usize,
    /// Where the table's start is on screen, scrolled.
    pub origin: f32,
    /// The visible range on screen.
    pub view: Rangef,
}

/// Where a span of columns (rows) is drawn, and the range it may paint in.
pub(super) struct Span {
    pub range: Rangef,
    pub clip: Rangef,
}

impl Axis<'_> {
    /// The frozen part's extent.
    pub fn frozen_size(&self) -> f32 {
        self.lines[self.frozen]
    }

    /// The frozen part's far edge on screen: where the scrolling part starts.
    pub fn frozen_edge(&self) -> f32 {
        self.view.min + self.frozen_size()
    }

    /// Lines `first` to `first + count`. A frozen span stays at the view's
    /// start; a span that starts frozen and ends scrolled (a heading across
    /// the whole of table 二) keeps its start and follows the scroll at
    /// its end.
    pub fn span(&self, first: usize, count: usize) -> Span {
        let last = first + count;
        let starts_frozen = first < self.frozen;
        let ends_frozen = last <= self.frozen;
        let min = if starts_frozen {
            self.view.min + self.lines[first]
        } else {
            self.origin + self.lines[first]
        };
        let max = if ends_frozen {
            self.view.min + self.lines[last]
        } else if starts_frozen {
            // Across the edge: never shorter than its frozen part.
            (self.origin + self.lines[last]).max(self.frozen_edge())
        } else {
            self.origin + self.lines[last]
        };
        let clip_min = if starts_frozen {
            self.view.min
        } else {
            self.frozen_edge()
        };
        let clip_max = if ends_frozen {
            self.frozen_edge()
        } else {
            self.view.max
        };
        Span {
            range: Rangef::new(min, max),
            clip: Rangef::new(clip_min, clip_max.max(clip_min)),
        }
    }
}

/// The rect and clip of a cell from its column span and row span.
pub(super) fn cell_rect(x: &Span, y: &Span) -> (Rect, Rect) {
    (
        Rect::from_x_y_ranges(x.range, y.range),
        Rect::from_x_y_ranges(x.clip, y.clip),
    )
}

/// What to bring into view so that a figure at `rect` (on screen, scrolled)
/// shows beside the frozen parts, not under them: the rect grown back by
/// their size. The scroll area keeps `margin` (the item spacing) clear
/// around what it reveals; taken back, the figure lands right against the
/// frozen parts or the view's far edge, as in a spreadsheet. A figure wider
/// (taller) than the `view` leaves shows from its start, where the grid's
/// wide figures (table 二's) are read from.
pub(super) fn reveal(rect: Rect, frozen: Vec2, view: Vec2, margin: Vec2) -> Rect {
    let size = (rect.size() + frozen - 2.0 * margin).min(view - 2.0 * margin);
    Rect::from_min_size(rect.min - frozen + margin, size.max(Vec2::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::Pos2;

    fn axis(lines: &[f32], scrolled: f32) -> Axis<'_> {
        Axis {
            lines,
            frozen: 2,
            origin: 100.0 - scrolled,
            view: Rangef::new(100.0, 300.0),
        }
    }

    #[test]
    fn frozen_columns_stay_and_the_rest_scroll_under_them() {
        let lines = [0.0, 40.0, 100.0, 160.0, 220.0, 280.0];
        let a = axis(&lines, 80.0);
        // A label column: where it is unscrolled, clipped to the frozen part.
        let label = a.span(1, 1);
        assert_eq!(label.range, Rangef::new(140.0, 200.0));
        assert_eq!(label.clip, Rangef::new(100.0, 200.0));
        // A figure column: scrolled, clipped to the rest of the view.
        let figure = a.span(2, 1);
        assert_eq!(figure.range, Rangef::new(120.0, 180.0));
        assert_eq!(figure.clip, Rangef::new(200.0, 300.0));
        // A heading across everything keeps its start.
        let across = a.span(0, 5);
        assert_eq!(across.range, Rangef::new(100.0, 300.0));
        assert_eq!(across.clip, Rangef::new(100.0, 300.0));
    }

    #[test]
    fn unscrolled_the_table_is_where_it_always_was() {
        let lines = [0.0, 40.0, 100.0, 160.0];
        let a = axis(&lines, 0.0);
        assert_eq!(a.span(1, 1).range, Rangef::new(140.0, 200.0));
        assert_eq!(a.span(2, 1).range, Rangef::new(200.0, 260.0));
    }

    #[test]
    fn a_figure_is_revealed_clear_of_the_frozen_parts() {
        let r = Rect::from_min_max(Pos2::new(500.0, 400.0), Pos2::new(560.0, 426.0));
        let (frozen, margin) = (Vec2::new(300.0, 90.0), Vec2::new(8.0, 3.0));
        let shown = reveal(r, frozen, Vec2::new(700.0, 400.0), margin);
        assert_eq!(shown.min, Pos2::new(208.0, 313.0));
        assert_eq!(shown.max, Pos2::new(552.0, 423.0));
        // Wider than the view: its start beside the labels.
        let shown = reveal(r, frozen, Vec2::new(346.0, 400.0), margin);
        assert_eq!(shown.min, Pos2::new(208.0, 313.0));
        assert_eq!(shown.max.x, 208.0 + 330.0);
    }
}
