//! The display list: what a page shows, in points from the bottom-left
//! corner, before any file format is involved — so layout can be tested
//! directly, and the PDF and the OFD writers draw the same pages.

use super::pdf::Face;

/// A4 in points: every page of the PDF, the OFD and the print preview.
pub const PAGE_W: f32 = 595.276;
pub const PAGE_H: f32 = 841.89;

/// A run of text in one face on one baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    pub x: f32,
    /// The baseline.
    pub y: f32,
    pub size: f32,
    pub face: Face,
    pub text: String,
    /// Extra space after each character (justification), in points.
    pub spacing: f32,
}

/// A ruled line.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub from: (f32, f32),
    pub to: (f32, f32),
    pub width: f32,
}

/// A shaded rectangle (table headings).
#[derive(Clone, Debug, PartialEq)]
pub struct Fill {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    /// 0 = black, 1 = white.
    pub grey: f32,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub fills: Vec<Fill>,
    pub rules: Vec<Rule>,
    pub runs: Vec<TextRun>,
}

impl Page {
    /// The page's text in drawing order, one run per line of output — what a
    /// reader extracting text should see.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut last_y = f32::NAN;
        for r in &self.runs {
            if !out.is_empty() && (r.y - last_y).abs() > 0.5 {
                out.push('\n');
            }
            out.push_str(&r.text);
            last_y = r.y;
        }
        out
    }
}
