//! Glyphs into lines: the same baseline makes a line, read left to right,
//! with a space where the gap between two glyphs is wider than the text's
//! own spacing. Vertical text (a table's 三、本年度办理结果) makes a line of
//! its own, read top to bottom.

use super::page::Glyph;

#[derive(Clone, Debug)]
pub struct Line {
    pub glyphs: Vec<Glyph>,
    pub x0: f32,
    pub x1: f32,
    /// Baseline (upright) or top (vertical).
    pub y: f32,
    pub size: f32,
    pub vertical: bool,
}

impl Line {
    fn new(glyphs: Vec<Glyph>, vertical: bool) -> Line {
        let x0 = glyphs.iter().map(|g| g.x).fold(f32::MAX, f32::min);
        let (x1, y) = if vertical {
            let top = glyphs.iter().map(|g| g.y).fold(f32::MAX, f32::min);
            (
                glyphs.iter().map(|g| g.x + g.size).fold(f32::MIN, f32::max),
                top,
            )
        } else {
            (
                glyphs.iter().map(|g| g.x + g.w).fold(f32::MIN, f32::max),
                glyphs.first().map_or(0.0, |g| g.y),
            )
        };
        let size = glyphs.iter().map(|g| g.size).fold(0.0, f32::max);
        Line {
            glyphs,
            x0,
            x1,
            y,
            size,
            vertical,
        }
    }

    /// The line's text, spaces where the glyphs leave a gap.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut prev: Option<&Glyph> = None;
        let spread = spread(&self.glyphs);
        for g in &self.glyphs {
            if let Some(p) = prev
                && !self.vertical
                && spaced(p, g, spread)
                && !out.ends_with(' ')
            {
                out.push(' ');
            }
            if g.text == " " && out.ends_with(' ') {
                continue;
            }
            out.push_str(&g.text);
            prev = Some(g);
        }
        out.trim().to_string()
    }

    /// Pieces of the line: split where the gap is wider than one and a half
    /// font sizes, and between two figures wherever they are spaced apart.
    pub fn chunks(&self) -> Vec<Line> {
        let mut out: Vec<Vec<Glyph>> = Vec::new();
        let mut prev: Option<&Glyph> = None;
        let spread = spread(&self.glyphs);
        for g in &self.glyphs {
            if g.text.trim().is_empty() {
                continue;
            }
            let split = prev.is_none_or(|p| {
                let gap = g.x - (p.x + p.w);
                let figures = is_figure(&p.text) && is_figure(&g.text);
                gap > 1.5 * p.size.max(g.size).max(1.0) || (figures && spaced(p, g, spread))
            });
            match out.last_mut() {
                Some(c) if !split => c.push(g.clone()),
                _ => out.push(vec![g.clone()]),
            }
            prev = Some(g);
        }
        out.into_iter().map(|g| Line::new(g, false)).collect()
    }
}

/// Text made of what a table's figure is made of: digits, a decimal point,
/// a thousands comma, the dash or slash of a blank cell.
pub fn is_figure(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '/' | '—' | '－' | '%'))
}

/// Wide characters: CJK, full-width forms and punctuation.
pub fn is_wide(c: char) -> bool {
    ('\u{2e80}'..='\u{9fff}').contains(&c)
        || ('\u{f900}'..='\u{faff}').contains(&c)
        || ('\u{fe30}'..='\u{fe4f}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
        || ('\u{20000}'..='\u{3ffff}').contains(&c)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// Whether the gap between two glyphs on a line is a space. `spread` is
/// the line's own spacing (letter-spaced titles, justified lines): only a
/// gap wider than that counts. Chinese text is justified by spreading its
/// characters, and WPS sets digits a quarter em away from Chinese: those
/// gaps are no spaces. Between two digits a quarter em more than the line's
/// spacing is a space: the digits of one number are set tight.
fn spaced(a: &Glyph, b: &Glyph, spread: f32) -> bool {
    let gap = b.x - (a.x + a.w);
    let em = a.size.max(b.size).max(1.0);
    let (Some(ca), Some(cb)) = (a.text.chars().last(), b.text.chars().next()) else {
        return false;
    };
    if ca == ' ' || cb == ' ' {
        return false;
    }
    let threshold = if is_wide(ca) || is_wide(cb) {
        1.0
    } else {
        0.25
    };
    gap > spread + threshold * em
}

/// The usual gap between neighbouring glyphs of a line (the median of those
/// under an em — wider ones part words or columns — not below zero): a
/// line's letter-spacing.
fn spread(glyphs: &[Glyph]) -> f32 {
    let mut gaps: Vec<f32> = glyphs
        .windows(2)
        .filter(|w| !w[0].text.trim().is_empty() && !w[1].text.trim().is_empty())
        .map(|w| {
            (
                w[1].x - (w[0].x + w[0].w),
                w[0].size.max(w[1].size).max(1.0),
            )
        })
        .filter(|(gap, em)| *gap < 0.8 * em)
        .map(|(gap, _)| gap)
        .collect();
    gaps.sort_by(f32::total_cmp);
    gaps.get(gaps.len() / 2).copied().unwrap_or(0.0).max(0.0)
}

/// Lines of the glyphs, top to bottom; glyphs drawn twice over each other
/// (a bold imitated by overprinting) count once.
pub fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    let mut out: Vec<Line> = groups(glyphs)
        .into_iter()
        .map(|(idx, vertical)| {
            Line::new(idx.iter().map(|&i| glyphs[i].clone()).collect(), vertical)
        })
        .collect();
    out.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    out
}

/// The lines as indices into `glyphs`, each in reading order, and whether
/// the line is vertical.
pub fn groups(glyphs: &[Glyph]) -> Vec<(Vec<usize>, bool)> {
    let mut upright: Vec<usize> = (0..glyphs.len()).filter(|&i| !glyphs[i].vertical).collect();
    upright.sort_by(|&a, &b| {
        let (a, b) = (&glyphs[a], &glyphs[b]);
        a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x))
    });
    let mut out: Vec<(Vec<usize>, bool)> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut base = f32::MIN;
    let mut size: f32 = 0.0;
    for i in upright {
        let g = &glyphs[i];
        let tol = 0.3 * size.max(g.size).max(1.0);
        if !current.is_empty() && g.y - base > tol {
            out.push((finish(glyphs, std::mem::take(&mut current)), false));
        }
        if current.is_empty() {
            base = g.y;
            size = g.size;
        }
        size = size.max(g.size);
        current.push(i);
    }
    if !current.is_empty() {
        out.push((finish(glyphs, current), false));
    }

    // Vertical text: columns by x, each read down.
    let mut vertical: Vec<usize> = (0..glyphs.len()).filter(|&i| glyphs[i].vertical).collect();
    vertical.sort_by(|&a, &b| {
        let (a, b) = (&glyphs[a], &glyphs[b]);
        a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y))
    });
    let mut column: Vec<usize> = Vec::new();
    for i in vertical {
        let g = &glyphs[i];
        if let Some(&first) = column.first()
            && (g.x - glyphs[first].x).abs() > 0.5 * glyphs[first].size.max(1.0)
        {
            out.push((down(glyphs, std::mem::take(&mut column)), true));
        }
        column.push(i);
    }
    if !column.is_empty() {
        out.push((down(glyphs, column), true));
    }
    out
}

fn down(glyphs: &[Glyph], mut column: Vec<usize>) -> Vec<usize> {
    column.sort_by(|&a, &b| glyphs[a].y.total_cmp(&glyphs[b].y));
    column
}

fn finish(glyphs: &[Glyph], mut line: Vec<usize>) -> Vec<usize> {
    line.sort_by(|&a, &b| glyphs[a].x.total_cmp(&glyphs[b].x));
    let mut kept: Vec<usize> = Vec::with_capacity(line.len());
    for i in line {
        let g = &glyphs[i];
        let twice = kept.iter().rev().take(4).any(|&k| {
            let k = &glyphs[k];
            k.text == g.text
                && (k.x - g.x).abs() < 0.3 * g.size.max(1.0)
                && (k.y - g.y).abs() < 0.3 * g.size.max(1.0)
        });
        if !twice {
            kept.push(i);
        }
    }
    kept
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// Glyphs of `text` set from `x` on baseline `y`, `advance` apart.
    pub fn run(text: &str, x: f32, y: f32, size: f32, advance: f32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                text: c.to_string(),
                x: x + i as f32 * advance,
                y,
                w: if c.is_ascii() { size / 2.0 } else { size },
                size,
                vertical: false,
            })
            .collect()
    }

    #[test]
    fn baselines_make_lines_and_gaps_make_spaces() {
        let mut g = run("申请21件", 100.0, 200.0, 12.0, 12.0);
        // WPS: a quarter em between Chinese and digits, digits half an em wide.
        g[2].x = 127.0;
        g[3].x = 133.0;
        g[4].x = 142.0;
        g.extend(run("2023年", 100.0, 218.0, 12.0, 6.0));
        g.extend(run("10", 300.0, 200.4, 12.0, 6.0));
        g.extend(run("0", 330.0, 199.8, 12.0, 6.0));
        let l = lines(&g);
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].text(), "申请21件 10 0");
        assert_eq!(l[1].text(), "2023年");
    }

    #[test]
    fn a_letter_spaced_title_keeps_its_year_whole() {
        // Every glyph a third of an em apart: the line's own spacing.
        let mut g = Vec::new();
        for c in "2023年度报告".chars() {
            let w = if c.is_ascii() { 6.0 } else { 12.0 };
            let x = 100.0 + g.iter().map(|g: &Glyph| g.w + 4.0).sum::<f32>();
            g.push(Glyph {
                text: c.to_string(),
                x,
                y: 100.0,
                w,
                size: 12.0,
                vertical: false,
            });
        }
        assert_eq!(lines(&g)[0].text(), "2023年度报告");
        // Digits set apart from each other on a tight line are two figures.
        let mut g = run("行政规范性文件", 40.0, 100.0, 10.0, 10.0);
        g.extend(run("3", 300.0, 100.0, 10.0, 5.0));
        g.extend(run("4", 309.0, 100.0, 10.0, 5.0));
        assert_eq!(lines(&g)[0].text(), "行政规范性文件 3 4");
    }

    #[test]
    fn overprinted_bold_counts_once() {
        let mut g = run("10", 100.0, 100.0, 12.0, 6.0);
        g.extend(run("10", 100.3, 100.2, 12.0, 6.0));
        assert_eq!(lines(&g)[0].text(), "10");
    }

    #[test]
    fn chunks_split_at_wide_gaps() {
        let mut g = run("规章", 100.0, 100.0, 12.0, 12.0);
        g.extend(run("0", 200.0, 100.0, 12.0, 6.0));
        g.extend(run("15", 300.0, 100.0, 12.0, 6.0));
        let l = &lines(&g)[0];
        let c: Vec<String> = l.chunks().iter().map(Line::text).collect();
        assert_eq!(c, ["规章", "0", "15"]);
    }
}
