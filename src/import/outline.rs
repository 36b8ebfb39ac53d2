//! The shape of a published report: its title (organ and year), the six
//! section headings, where each table starts, and the narrative between them.

use super::rows;
use super::text::{Squeezed, Text, squeeze};
use crate::form::{AppRow, REPORT_NAME, Section, part_number};

/// Where a heading sits in the text: `start..end` covers "一、总体情况".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// How far after "四、" a heading's words are looked for (in squeezed characters).
const HEADING_WINDOW: usize = 32;

/// The six headings, each `None` when the text lacks it. Each is looked for
/// after the previous one found, so "三、本年度办理结果" inside table B or a
/// list of the sections in the preamble is not taken for one.
pub fn headings(text: &Text, sq: &Squeezed) -> [Option<Span>; 6] {
    let mut out = [None; 6];
    let mut cursor = 0;
    for (i, section) in Section::ALL.into_iter().enumerate() {
        let numeral = section.number().chars().next().expect("an ordinal");
        let mut p = cursor;
        while let Some(&c) = sq.chars.get(p) {
            if c == numeral
                && is_numbered(text, sq, p)
                && let Some(len) = title_len(section, &sq.chars[p + 1..])
            {
                out[i] = Some(Span {
                    start: sq.at[p],
                    end: sq.end_pos(p + 1 + len),
                });
                cursor = p + 1 + len;
                break;
            }
            p += 1;
        }
    }
    out
}

/// "四、" or "四." — a numeral used as a heading ordinal, not inside a word.
fn is_numbered(text: &Text, sq: &Squeezed, p: usize) -> bool {
    let after = text.norm[sq.at[p] + 1..]
        .iter()
        .find(|c| !c.is_whitespace())
        .copied();
    // Not inside a word: "第二、", "十三、", or a mention in English ("prose in
    // 一、总体情况"); after a sentence, a table's last figure or a unit
    // ("…295.90元三、收到…") it is a heading.
    let at = sq.at[p];
    let before = text.norm[..at]
        .iter()
        .rev()
        .find(|c| **c != ' ' && **c != '\t');
    let before_ok = match before {
        None => true,
        Some(c) if c.is_ascii_alphabetic() => false,
        Some(c) if "一二三四五六七八九十第".contains(*c) => false,
        Some(_) => true,
    };
    before_ok && matches!(after, Some('、' | '.' | ',' | '，'))
}

/// Whether the words after the ordinal are the section's title (allowing the
/// variants in use), and how many squeezed characters the title takes.
fn title_len(section: Section, w: &[char]) -> Option<usize> {
    let w = &w[..w.len().min(HEADING_WINDOW)];
    let at = |word: &str, limit: usize| -> Option<usize> {
        let pat = squeeze(word);
        (0..w.len().min(limit))
            .find(|&i| w[i..].starts_with(&pat))
            .map(|i| i + pat.len())
    };
    let starts = |word: &str| at(word, 1);
    // After the title's key word, "情况" may close it.
    let with_situation = |end: usize| {
        if w[end..].starts_with(&['情', '况']) {
            end + 2
        } else {
            end
        }
    };
    match section {
        Section::Overview => starts(Section::Overview.title()),
        Section::Proactive => starts("主动公开").and_then(|_| at("情况", 14)),
        Section::Applications => starts("收到")
            .and_then(|_| at("申请", 20))
            .map(with_situation),
        Section::Appeals => {
            // Table B's last row, "四、结转下年度继续办理": when it is blank,
            // the heading's words follow it within the window.
            if w.starts_with(&rows::parts(AppRow::CarriedForward.label().top).body) {
                return None;
            }
            at("复议", 20)?;
            at("诉讼", 30).map(with_situation)
        }
        Section::Problems => {
            at("问题", 18)?;
            at("改进", 24).map(with_situation)
        }
        Section::OtherMatters => starts("其他").and_then(|_| at("事项", 12).or(at("报告", 10))),
    }
}

/// The report's title line: organ, year and the title as printed.
#[derive(Debug, Default)]
pub struct Title {
    pub organ: Option<String>,
    pub year: Option<u16>,
    pub text: Option<String>,
    /// Lines taken by the title, left out of the preamble.
    pub lines: Vec<(usize, usize)>,
}

/// Find "{机关}{年度}年政府信息公开工作年度报告" (or "{年度}年{机关}…"): the
/// first such line that names an organ (a page's furniture may name the
/// report before its title does).
pub fn title(text: &Text, sq: &Squeezed) -> Title {
    let mut hits = Vec::new();
    // The report's name, or its name without 工作 as some pages print it.
    for pat in [REPORT_NAME, "政府信息公开年度报告"] {
        let pat = squeeze(pat);
        let mut from = 0;
        while let Some(i) = sq.find(&pat, from) {
            hits.push((i, pat.len()));
            from = i + pat.len();
            if hits.len() > 20 {
                break;
            }
        }
    }
    hits.sort();
    // A note on where the text came from (the corpus's first line, a
    // converter's header) may quote a file name that holds the title: the
    // document's own title comes first, the note's only when there is none.
    hits.sort_by_cached_key(|(p, _)| {
        let (s, e) = line_of(text, sq.at[*p]);
        let line = &text.norm[s.min(e)..e.min(text.len())];
        line.iter()
            .skip_while(|c| c.is_whitespace())
            .take(7)
            .copied()
            .eq("source:".chars())
    });
    let mut best: Option<Title> = None;
    for (p, len) in hits {
        let t = title_at(text, sq, p, len);
        if t.organ.is_some() {
            best = Some(t);
            break;
        }
        if best.is_none() && t.year.is_some() {
            best = Some(t);
        }
    }
    let mut t = best.unwrap_or_default();
    if t.year.is_none() {
        t.year = fallback_year(sq);
    }
    t
}

/// The title around the words at squeezed index `p`.
fn title_at(text: &Text, sq: &Squeezed, p: usize, len: usize) -> Title {
    let mut t = Title::default();
    {
        let (line_start, line_end) = line_of(text, sq.at[p]);
        t.lines.push((line_start, line_end));
        let title_end = sq.end_pos(p + len);
        let no_spaces = |s: String| s.split_whitespace().collect::<String>();
        // "…2024年" or "…2024年度" right before the words?
        let k = if p > 0 && sq.chars[p - 1] == '度' {
            p - 1
        } else {
            p
        };
        let year_before = (k >= 5
            && sq.chars[k - 1] == '年'
            && sq.chars[k - 5..k - 1].iter().all(|c| c.is_ascii_digit())
            && (k == 5 || !sq.chars[k - 6].is_ascii_digit()))
        .then(|| {
            sq.chars[k - 5..k - 1]
                .iter()
                .collect::<String>()
                .parse::<u16>()
                .ok()
        })
        .flatten();
        if let Some(y) = year_before {
            let year_pos = sq.at[k - 5];
            let mut organ = clean_organ(&text.slice(line_start, year_pos));
            if organ.is_empty() {
                // pdftotext puts the organ on the line above the year.
                if let Some((s, e)) = previous_line(text, line_start) {
                    let above = text.slice(s, e);
                    let above = above.trim();
                    if above.chars().count() <= 30 && !above.chars().any(|c| c.is_ascii_digit()) {
                        organ = clean_organ(above);
                        t.lines.push((s, e));
                    }
                }
            }
            t.year = Some(y);
            if !organ.is_empty() {
                t.text = Some(format!(
                    "{organ}{}",
                    no_spaces(text.slice(year_pos, title_end))
                ));
                t.organ = Some(organ);
            }
        } else if let Some((y, skip)) = leading_year(&text.norm_slice(line_start, sq.at[p])) {
            // "2019年上海市人民政府办公厅政府信息公开工作年度报告".
            let organ = clean_organ(&text.slice(line_start + skip, sq.at[p]));
            t.year = Some(y);
            if !organ.is_empty() {
                t.text = Some(no_spaces(text.slice(line_start, title_end)));
                t.organ = Some(organ);
            }
        }
    }
    t
}

/// "2019年" (or "2019年度") at the start of a line: the year and where the organ starts.
fn leading_year(line: &str) -> Option<(u16, usize)> {
    let trimmed = line.trim_start();
    let lead = line.chars().count() - trimmed.chars().count();
    let digits: String = trimmed.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.len() != 4 {
        return None;
    }
    let rest: String = trimmed.chars().skip(4).collect();
    let rest_trim = rest.trim_start();
    let spaces = rest.chars().count() - rest_trim.chars().count();
    let nian = if rest_trim.starts_with("年度") {
        2
    } else if rest_trim.starts_with('年') {
        1
    } else {
        return None;
    };
    let y: u16 = digits.parse().ok()?;
    Some((y, lead + 4 + spaces + nian))
}

/// An organ's name as printed before the year: what follows the last
/// separator ("标题: 平潭综合实验区" → "平潭综合实验区"), without quotes.
fn clean_organ(s: &str) -> String {
    let s = s.trim();
    let cut = s
        .char_indices()
        .filter(|(_, c)| ":：;；,，。 \t".contains(*c))
        .map(|(i, c)| i + c.len_utf8())
        .next_back()
        .unwrap_or(0);
    let name = s[cut..]
        .trim()
        .trim_matches(['《', '》', '“', '”', '"', '【', '】']);
    if name.chars().count() > 40 {
        String::new()
    } else {
        name.to_string()
    }
}

fn line_of(text: &Text, pos: usize) -> (usize, usize) {
    let start = text.orig[..pos]
        .iter()
        .rposition(|c| *c == '\n')
        .map_or(0, |i| i + 1);
    let end = text.orig[pos..]
        .iter()
        .position(|c| *c == '\n')
        .map_or(text.len(), |i| pos + i);
    (start, end)
}

fn previous_line(text: &Text, line_start: usize) -> Option<(usize, usize)> {
    let mut end = line_start.checked_sub(1)?;
    // Skip blank lines.
    loop {
        let (s, e) = line_of(text, end);
        if !text.slice(s, e).trim().is_empty() {
            return Some((s, e));
        }
        end = s.checked_sub(1)?;
    }
}

/// Without a title: the year that "…年政府信息公开" names, else the statistics
/// period's, else the year the text names most often.
fn fallback_year(sq: &Squeezed) -> Option<u16> {
    let years: Vec<(usize, u16)> = (0..sq.len().saturating_sub(4))
        .filter(|&i| {
            sq.chars[i..i + 4].iter().all(|c| c.is_ascii_digit())
                && sq.chars.get(i + 4) == Some(&'年')
                && (i == 0 || !sq.chars[i - 1].is_ascii_digit())
        })
        .filter_map(|i| {
            let y: u16 = sq.chars[i..i + 4].iter().collect::<String>().parse().ok()?;
            (2000..=2100).contains(&y).then_some((i, y))
        })
        .collect();
    let followed_by = |i: usize, word: &str| {
        let w = squeeze(word);
        sq.starts_with_at(i + 5, &w) || sq.starts_with_at(i + 6, &w)
    };
    if let Some((_, y)) = years.iter().find(|(i, _)| followed_by(*i, "政府信息公开")) {
        return Some(*y);
    }
    for word in ["统计期限", "统计时限", "统计期间"] {
        if let Some(p) = sq.find(&squeeze(word), 0)
            && let Some((_, y)) = years.iter().find(|(i, _)| *i > p && *i < p + 8)
        {
            return Some(*y);
        }
    }
    let mut counts: Vec<(u16, usize)> = Vec::new();
    for (_, y) in &years {
        match counts.iter_mut().find(|(c, _)| c == y) {
            Some((_, n)) => *n += 1,
            None => counts.push((*y, 1)),
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(y, _)| y)
}

/// Section 一 split at its sub-part markers （一）（二）…: the intro, then
/// each part's heading and body (raw text).
pub fn parts(text: &Text, from: usize, to: usize) -> (String, Vec<(String, String)>) {
    let mut markers = Vec::new();
    let mut cursor = from;
    for i in 0.. {
        let marker: Vec<char> = part_number(i)
            .chars()
            .map(super::text::normalize_char)
            .collect();
        let Some(p) = (cursor..to.saturating_sub(marker.len() - 1))
            .find(|&p| text.norm[p..p + marker.len()] == *marker)
        else {
            break;
        };
        markers.push((p, p + marker.len()));
        cursor = p + marker.len();
    }
    let intro = text.slice(from, markers.first().map_or(to, |m| m.0));
    let mut parts = Vec::new();
    for (k, &(_, after)) in markers.iter().enumerate() {
        let end = markers.get(k + 1).map_or(to, |m| m.0);
        let (heading, body_start) = part_heading(text, after, end);
        parts.push((heading, text.slice(body_start, end)));
    }
    (intro, parts)
}

/// A sub-part's heading runs to the end of its line, its first 。 or a space.
fn part_heading(text: &Text, from: usize, to: usize) -> (String, usize) {
    let mut i = from;
    while i < to && text.norm[i] == ' ' {
        i += 1;
    }
    let start = i;
    while i < to {
        let c = text.norm[i];
        if c == '\n' || c == '。' || c == '[' || c == ':' || c.is_whitespace() {
            break;
        }
        i += 1;
    }
    let heading = text.slice(start, i);
    if heading.chars().count() > 40 {
        return (String::new(), from);
    }
    let body_start = if i < to && matches!(text.norm[i], '。' | ':') {
        i + 1
    } else {
        i
    };
    (heading.trim().to_string(), body_start)
}

/// Narrative text as paragraphs separated by a blank line (the file format's
/// convention). Text copied from a PDF is wrapped at the page width and
/// broken by page numbers: there a line that does not end a sentence goes on
/// in the next, unless it is a short numbered heading ("（一）主要问题").
pub fn prose(raw: &str, wrapped: bool) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut heading = false;
    for line in raw.lines() {
        let line = line.trim();
        if line.is_empty() || line == "|" {
            if !wrapped && !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        let continues = wrapped
            && !current.is_empty()
            && !heading
            && !current.ends_with(['。', '！', '？', '；', '：', ':', ';', '!', '?', '”', '」'])
            && !starts_numbered(line);
        if !current.is_empty() && !continues {
            paragraphs.push(std::mem::take(&mut current));
        }
        if continues
            && current.ends_with(|c: char| c.is_ascii_alphanumeric())
            && line.starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            current.push(' ');
        }
        current.push_str(line);
        heading = starts_numbered(line) && line.chars().count() < 25;
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs.join("\n\n")
}

fn starts_numbered(line: &str) -> bool {
    let mut chars = line.chars().map(super::text::normalize_char);
    match chars.next() {
        Some('(') => true,
        Some(c) if "一二三四五六七八九十".contains(c) => chars.next() == Some('、'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(s: &str) -> (Text, Squeezed) {
        let t = Text::new(s);
        let sq = Squeezed::new(&t, 0, t.len());
        (t, sq)
    }

    #[test]
    fn headings_skip_table_rows_and_lists() {
        let s = "本报告包括总体情况、主动公开政府信息情况等六个部分。一、总体情况2020年…\
                 二、主动公开政府信息情况 表 三、收到和处理政府信息公开申请情况 三、本年度办理结果 \
                 四、结转下年度继续办理 四、因政府信息公开工作被申请行政复议、提起行政诉讼情况 \
                 五、政府信息公开工作存在的主要问题及改进情况 …六、其他需要报告的事项 无";
        let (t, sq) = outline(s);
        let h = headings(&t, &sq);
        let text = |i: usize| h[i].map(|sp| t.slice(sp.start, sp.end));
        assert_eq!(text(0).as_deref(), Some("一、总体情况"));
        assert_eq!(
            text(2).as_deref(),
            Some("三、收到和处理政府信息公开申请情况")
        );
        assert_eq!(
            text(3).as_deref(),
            Some("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况")
        );
        assert_eq!(text(5).as_deref(), Some("六、其他需要报告的事项"));
    }

    #[test]
    fn a_blank_last_row_of_table_b_is_not_heading_four() {
        let (t, sq) = outline(
            "三、收到和处理政府信息公开申请情况\n| 四、结转下年度继续办理 |  |  |\n\
             四、政府信息公开行政复议、行政诉讼情况\n",
        );
        let h = headings(&t, &sq);
        assert_eq!(
            h[3].map(|sp| t.slice(sp.start, sp.end)).as_deref(),
            Some("四、政府信息公开行政复议、行政诉讼情况")
        );
    }

    #[test]
    fn titles_in_three_shapes() {
        let (t, sq) = outline("标题: 平潭综合实验区2020年度政府信息公开工作年度报告\n正文");
        let ti = title(&t, &sq);
        assert_eq!(ti.organ.as_deref(), Some("平潭综合实验区"));
        assert_eq!(ti.year, Some(2020));
        assert_eq!(
            ti.text.as_deref(),
            Some("平潭综合实验区2020年度政府信息公开工作年度报告")
        );
        let (t, sq) = outline("2019年上海市人民政府办公厅政府信息公开工作年度报告\n");
        let ti = title(&t, &sq);
        assert_eq!(ti.organ.as_deref(), Some("上海市人民政府办公厅"));
        assert_eq!(ti.year, Some(2019));
        let (t, sq) = outline("    洪泽区人民政府\n  2023 年政府信息公开工作年度报告\n");
        let ti = title(&t, &sq);
        assert_eq!(ti.organ.as_deref(), Some("洪泽区人民政府"));
        assert_eq!(ti.year, Some(2023));
    }

    #[test]
    fn sub_parts_and_wrapped_lines() {
        let s = "导语。（一）主动公开方面。正文一\n（二）依申请公开 正文二";
        let t = Text::new(s);
        let (intro, parts) = parts(&t, 0, t.len());
        assert_eq!(intro, "导语。");
        assert_eq!(
            parts[0],
            ("主动公开方面".to_string(), "正文一\n".to_string())
        );
        assert_eq!(parts[1].0, "依申请公开");
        let wrapped = "2023 年，洪泽区人民政府坚持以习近平新时代中国特色社会\n主义思想为指导。\n（一）主要问题\n一是…";
        assert_eq!(
            prose(wrapped, true),
            "2023 年，洪泽区人民政府坚持以习近平新时代中国特色社会主义思想为指导。\n\n（一）主要问题\n\n一是…"
        );
    }
}
