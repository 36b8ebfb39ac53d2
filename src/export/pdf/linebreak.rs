//! Breaking a paragraph of Chinese (with digits and Latin mixed in) into lines.
//!
//! Chinese breaks between any two characters, except that closing punctuation
//! may not start a line and opening punctuation may not end one (禁则). Runs of
//! digits and Latin letters — phone numbers, 〔2021〕30号, URLs — are kept
//! whole, unless a run is too long for any line, when it is broken after a
//! slash, dot or hyphen, or failing that anywhere.

/// Closing punctuation (full-width and the ASCII forms clerks type): never at a line start.
const NO_START: &str = "，。、；：？！）》」』”’〕】〉…—％,.;:?!)]}%";
/// Opening punctuation: never at a line end.
const NO_END: &str = "（《「『“‘〔【〈([{";

/// One laid-out line: the text, its natural width, and whether it ends the
/// paragraph (the last line is not justified).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub text: String,
    pub width: f32,
    pub last: bool,
}

/// Whether a line may end after `a` and the next begin with `b`.
pub fn may_break_between(a: char, b: char) -> bool {
    !(NO_START.contains(b) || NO_END.contains(a) || (is_run_char(a) && is_run_char(b)))
}

fn is_run_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-_/.:@%+#&=?~".contains(c)
}

/// Indivisible pieces of the text (with their widths), before 禁则 merging.
fn units(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut run = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        // A comma or point between digits belongs to the number ("1,000", "24252.3").
        let in_number = (c == ',' || c == '.')
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if is_run_char(c) && (!run.is_empty() || !NO_START.contains(c)) || in_number {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            out.push(std::mem::take(&mut run));
        }
        out.push(c.to_string());
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

/// Glue closing punctuation to what precedes it and opening punctuation to
/// what follows, so that no break falls between them.
fn kinsoku(units: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut pending_open = String::new();
    for u in units {
        let first = u.chars().next().unwrap_or(' ');
        let is_single = u.chars().count() == 1;
        if is_single && NO_END.contains(first) {
            pending_open.push_str(&u);
            continue;
        }
        let u = std::mem::take(&mut pending_open) + &u;
        let starts_closed = u.chars().next().is_some_and(|c| NO_START.contains(c));
        match out.last_mut() {
            Some(prev) if starts_closed => prev.push_str(&u),
            _ => out.push(u),
        }
    }
    if !pending_open.is_empty() {
        match out.last_mut() {
            Some(prev) => prev.push_str(&pending_open),
            None => out.push(pending_open),
        }
    }
    out
}

/// Split a unit too wide for a line into pieces that fit, preferring breaks
/// after `/`, `.`, `-` or `_`.
fn split_long(unit: &str, width: f32, measure: &dyn Fn(char) -> f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut w = 0.0;
    let mut last_soft: Option<usize> = None; // byte index in `piece` after a soft break
    for c in unit.chars() {
        let cw = measure(c);
        if w + cw > width && !piece.is_empty() {
            let cut = last_soft.unwrap_or(piece.len());
            let rest = piece.split_off(cut);
            pieces.push(std::mem::take(&mut piece));
            piece = rest;
            w = piece.chars().map(measure).sum();
            last_soft = None;
        }
        piece.push(c);
        w += cw;
        if "/.-_".contains(c) {
            last_soft = Some(piece.len());
        }
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

/// Lines of `text` no wider than `width`, the first one indented by `indent`.
/// `measure` gives a character's advance at the paragraph's size.
pub fn break_lines(
    text: &str,
    width: f32,
    indent: f32,
    measure: &dyn Fn(char) -> f32,
) -> Vec<Line> {
    let unit_width = |u: &str| u.chars().map(measure).sum::<f32>();
    let mut pieces = Vec::new();
    for u in kinsoku(units(text)) {
        if unit_width(&u) > width - indent {
            pieces.extend(split_long(&u, width - indent, measure));
        } else {
            pieces.push(u);
        }
    }

    let mut lines = Vec::new();
    let mut line = String::new();
    let mut w = 0.0;
    let mut avail = width - indent;
    for p in pieces {
        let pw = unit_width(&p);
        if w + pw > avail && !line.is_empty() {
            let text = line.trim_end().to_string();
            lines.push(Line {
                width: unit_width(&text),
                text,
                last: false,
            });
            line.clear();
            w = 0.0;
            // After the first line the indent no longer applies.
            avail = width;
            if p == " " {
                continue; // a space at a line start is dropped
            }
        }
        line.push_str(&p);
        w += pw;
    }
    let text = line.trim_end().to_string();
    let w = unit_width(&text);
    lines.push(Line {
        text,
        width: w,
        last: true,
    });
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Full-width characters 1 wide, ASCII 0.5, as in a CJK font.
    fn m(c: char) -> f32 {
        if c.is_ascii() { 0.5 } else { 1.0 }
    }

    fn texts(text: &str, width: f32) -> Vec<String> {
        break_lines(text, width, 0.0, &m)
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        // Without 禁则 the comma would start line 2.
        let lines = texts("一二三四，五六", 4.0);
        assert_eq!(lines, ["一二三", "四，五六"]);
        // The ASCII comma too: it stays with 年 although 2024年 would fill the line.
        let lines = texts("2024年,在区委", 3.0);
        assert_eq!(lines, ["2024", "年,在", "区委"]);
        for close in [
            "。", "、", "；", "：", "？", "！", "）", "》", "”", "’", ".", ";", ":", "?", "!", ")",
        ] {
            let t = format!("一二三四{close}五六七八");
            for l in texts(&t, 4.0).iter().skip(1) {
                assert!(!l.starts_with(close), "{t}: {l}");
            }
        }
    }

    #[test]
    fn opening_punctuation_never_ends_a_line() {
        // 《 would fit after 一二三, but goes down with 条.
        let lines = texts("一二三《条例》五六", 4.0);
        assert_eq!(lines, ["一二三", "《条例》", "五六"]);
        let lines = texts("一二三“三审三校”", 4.0);
        assert_eq!(lines, ["一二三", "“三审三", "校”"]);
    }

    #[test]
    fn digit_runs_stay_whole() {
        // The phone number (6 wide) does not fit beside 咨询电话 (4) in 8: it moves down whole.
        let lines = texts("咨询电话0858-8888888或来信", 8.0);
        assert_eq!(lines, ["咨询电话", "0858-8888888或来", "信"]);
        // 〔2021〕 is glued to its brackets and does not fit after 函 in 7.
        let lines = texts("国办公开办函〔2021〕30号", 7.0);
        assert_eq!(lines, ["国办公开办函", "〔2021〕30号"]);
        // The decimal point belongs to the number: 2 + 6 fills the line exactly.
        let lines = texts("金额24252.311082万元", 8.0);
        assert_eq!(lines, ["金额24252.311082", "万元"]);
    }

    #[test]
    fn a_url_longer_than_a_line_breaks_after_a_slash() {
        let url = "http://www.shuicheng.gov.cn/zwgk/zfxxgk/fdzdgknr/ndbg/index.html";
        let lines = texts(&format!("网址：{url}。"), 12.0);
        // Each line at most 12 wide (24 ASCII), cut after the last dot or slash that fits.
        assert_eq!(
            lines,
            [
                "网址：",
                "http://www.shuicheng.",
                "gov.cn/zwgk/zfxxgk/",
                "fdzdgknr/ndbg/index.",
                "html。"
            ]
        );
    }

    #[test]
    fn indent_applies_to_the_first_line_only_and_last_is_marked() {
        let lines = break_lines("一二三四五六七八九十", 4.0, 2.0, &m);
        assert_eq!(lines[0].text, "一二");
        assert_eq!(lines[1].text, "三四五六");
        assert!(lines.last().unwrap().last);
        assert!(!lines[0].last);
        let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(joined, "一二三四五六七八九十");
    }
}
