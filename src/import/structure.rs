//! `structure.sections` (FORMAT.md): whether a published report has the six
//! national headings, in order. A heading is a line outside the tables that
//! starts with 一、…六、 and contains the key word of its section; other
//! wording around the key word is fine. Table rows such as
//! 四、结转下年度继续办理 are no headings.
//!
//! Pages whose line breaks were lost run everything into a few lines
//! ("…联系电话。一、总体情况2021年，我区…"): there a line also begins after a
//! sentence's end or a table's last figure, where the page had its break.

use super::summary::Structure;
use crate::form::Section;

/// How much of a line is read for its key word: a heading's length.
const HEADING_CHARS: usize = 40;

/// A heading line: where it starts (in characters of the text) and its words.
struct Candidate {
    at: usize,
    section: Section,
}

/// Read from the text's normalized characters (`Text::norm`), which the
/// importer has already made.
pub fn read(norm: &[char]) -> Structure {
    let candidates = candidates(norm);
    let mut out = Structure::default();
    let mut cursor = 0;
    for section in Section::ALL {
        let mine = || candidates.iter().filter(|c| c.section == section);
        match mine().find(|c| c.at >= cursor) {
            Some(c) => cursor = c.at + 1,
            None if mine().next().is_some() => out.out_of_order.push(section),
            None => out.missing.push(section),
        }
    }
    out
}

/// Every heading line of the text, in order.
fn candidates(norm: &[char]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut offset = 0;
    for chars in norm.split(|c| *c == '\n') {
        let len = chars.len();
        // Table rows: `|`-bordered, or cells a browser copied with tabs.
        if !chars.contains(&'|') && !chars.contains(&'\t') {
            let starts = line_starts(chars);
            for (k, &s) in starts.iter().enumerate() {
                let until = starts.get(k + 1).copied().unwrap_or(len);
                if let Some(section) = heading(&chars[s..until.min(s + HEADING_CHARS)]) {
                    out.push(Candidate {
                        at: offset + s,
                        section,
                    });
                }
            }
        }
        offset += len + 1;
    }
    out
}

/// Where a heading may begin in a line: its first character (after spaces
/// and Markdown's marks), and in run-together text every ordinal 一、…六、
/// right after a sentence's end or a figure (with its unit).
fn line_starts(chars: &[char]) -> Vec<usize> {
    let first = chars
        .iter()
        .position(|c| !c.is_whitespace() && !matches!(c, '#' | '*' | '>'));
    let mut out: Vec<usize> = first.into_iter().collect();
    for i in 1..chars.len() {
        if Some(i) == first || !is_ordinal(chars, i) {
            continue;
        }
        let mut before = chars[..i].iter().rev().filter(|c| !c.is_whitespace());
        let last = before.next();
        // A figure, a figure and its unit ("2895.90元"), a sentence's end.
        let figure = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_digit());
        let ends = match last {
            Some(c) if "元件条个项".contains(*c) => figure(before.next()),
            Some(c) => c.is_ascii_digit() || "。！？!?]】".contains(*c),
            None => false,
        };
        if ends {
            out.push(i);
        }
    }
    out
}

/// "一、" … "六、" at `i`.
fn is_ordinal(chars: &[char], i: usize) -> bool {
    // The comma first: it rules out almost every character at once.
    chars.get(i + 1) == Some(&'、')
        && Section::ALL
            .iter()
            .any(|s| s.number().starts_with(chars[i]))
}

/// The section whose heading `words` are, if they are one.
fn heading(words: &[char]) -> Option<Section> {
    // Only a line that opens with an ordinal can be one: the others are told
    // without copying them.
    let mut opening = words.iter().filter(|c| !c.is_whitespace());
    let (Some(&first), Some('、')) = (opening.next(), opening.next()) else {
        return None;
    };
    if !Section::ALL.iter().any(|s| s.number().starts_with(first)) {
        return None;
    }
    let s: String = words.iter().filter(|c| !c.is_whitespace()).collect();
    Section::ALL
        .into_iter()
        .find(|sec| s.starts_with(sec.ordinal()) && sec.key_words().iter().any(|k| s.contains(k)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::Text;

    fn read(text: &str) -> Structure {
        super::read(&Text::new(text).norm)
    }

    fn six() -> String {
        Section::ALL.map(|s| s.heading()).join("\n正文。\n")
    }

    #[test]
    fn the_six_headings_in_order() {
        assert_eq!(read(&six()), Structure::default());
        // Other words around the key word, Markdown's marks, run together.
        let t = "## 一、总体情况\n### 二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n\
                 | 四、结转下年度继续办理 | 0 |\n四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n\
                 五、政府信息公开工作存在的主要问题及改进情况。六、其他需要报告的事项";
        assert_eq!(read(t), Structure::default());
    }

    /// FORMAT.md's definition case by case: the key word decides, wherever
    /// it stands in the heading; the ordinal must open the line; table rows
    /// that open with an ordinal are no headings.
    #[test]
    fn a_heading_is_its_ordinal_and_its_key_word() {
        for (heading, found) in [
            ("　一、工作总体情况", true),
            ("**二、政府主动公开信息情况**", true),
            ("三、依申请公开情况", true),
            ("四、行政复議和行政訴訟情况", true),
            ("五、政府信息公开工作存在的主要问题及改进情况", true),
            ("六、其他", true),
            ("一、概述", false),
            ("第一部分 一、总体情况", false),
            ("| 一、总体情况 |", false),
        ] {
            // In the place of the section its ordinal names.
            let number = heading.trim_start_matches(['　', '*', '|', ' ']);
            let number = number.strip_prefix("第一部分 ").unwrap_or(number);
            let section = Section::ALL
                .into_iter()
                .find(|s| number.starts_with(s.ordinal()))
                .unwrap();
            let t = six().replace(&section.heading(), heading);
            assert_eq!(read(&t).missing.is_empty(), found, "{heading}");
        }
        // Rows of table 三 open with 一、…四、 but hold no key word of the
        // section with that number.
        let rows = "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n\
                    二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n\
                    三、本年度办理结果\n四、结转下年度继续办理 0 0 0 0 0 0 0";
        let t = format!(
            "{rows}\n{}",
            six().replace("四、政府信息公开行政复议、行政诉讼情况", "四、其他")
        );
        let s = read(&t);
        assert_eq!(s.missing, [Section::Appeals]);
        assert!(s.out_of_order.is_empty());
    }

    #[test]
    fn missing_and_out_of_order() {
        let t = six().replace("五、存在的主要问题及改进情况", "五、下一步打算");
        assert_eq!(read(&t).missing, [Section::Problems]);
        // 二 only after 三: out of order (a table row is no heading).
        let t = "一、总体情况\n三、收到和处理政府信息公开申请情况\n二、主动公开政府信息情况\n\
                 四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项";
        let s = read(t);
        assert_eq!(s.out_of_order, [Section::Applications]);
        assert!(s.missing.is_empty());
        // Within a sentence an ordinal is no heading.
        let t = six().replace(
            "\n六、其他需要报告的事项",
            "我们做了三件事，六、其他需要报告的事项",
        );
        assert_eq!(read(&t).missing, [Section::OtherMatters]);
    }
}
