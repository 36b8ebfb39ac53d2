//! `narrative.sum` (FORMAT.md): a total in the text and the parts listed
//! after 其中 in the same sentence — "共公布政府信息2602条（其中机构职能类
//! 信息82条，…）" — whose parts add up to more than the total.
//!
//! Parts may leave some out, so only a sum above the total is flagged —
//! except after 分别为 / 分别是, which lists them all. Parts written as about
//! (30余件, 约30件) are not added, and a list that counts the same things
//! twice, by two dimensions (applicants, then outcomes), is not a sum.

use super::narrative::{narrative_cells, quote};
use super::text::{is_digit, sentences_with, whole_number};
use super::{Finding, Rule, Severity};
use crate::form::AppCol;
use crate::report::Report;

/// The units a total and its parts count in.
const UNITS: [char; 5] = ['条', '件', '个', '篇', '次'];

/// What ends the phrase a total stands in.
const PHRASE_ENDS: [char; 9] = ['，', '；', '：', ',', ';', ':', '（', '(', '。'];

/// Words after 共 that make a word of it, not a total: 共同, 共享, 共建….
const NOT_A_TOTAL_AFTER: &str = "同享建性识产青治商赢担鸣存通";

/// Words that split applications by outcome; a list that also splits them
/// by applicant counts each application twice.
const OUTCOMES: [&str; 10] = [
    "予以公开",
    "部分公开",
    "不予公开",
    "无法提供",
    "不予处理",
    "其他处理",
    "办结",
    "答复",
    "不掌握",
    "结转",
];

/// A number in a sentence and the unit after it.
struct Number<'a> {
    at: usize,
    end: usize,
    digits: &'a str,
    /// One of [`UNITS`], when the number counts in one.
    unit: Option<char>,
    /// Written as about: 约30件, 30余件, 30多件.
    about: bool,
}

fn numbers(s: &str) -> Vec<Number<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = s[from..].find(is_digit) {
        let at = from + i;
        let len = s[at..]
            .char_indices()
            .find(|(_, c)| !(is_digit(*c) || *c == '.' || *c == '．'))
            .map_or(s.len() - at, |(k, _)| k);
        let end = at + len;
        let mut after = s[end..].trim_start().chars();
        let (unit, approximate) = match (after.next(), after.next()) {
            (Some(u), _) if UNITS.contains(&u) => (Some(u), false),
            (Some('余' | '多'), Some(u)) if UNITS.contains(&u) => (Some(u), true),
            _ => (None, false),
        };
        let before: String = s[..at].trim_end().chars().rev().take(2).collect();
        out.push(Number {
            at,
            end,
            digits: &s[at..end],
            unit,
            about: approximate || before.contains('约'),
        });
        from = end;
    }
    out
}

/// Where the words that introduce a total stand: (start, end) in bytes.
fn total_words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for w in ["总计", "合计", "累计"] {
        for (i, _) in s.match_indices(w) {
            // 综合计划 is no total.
            if !(w == "合计" && s[..i].ends_with('综')) {
                out.push((i, i + w.len()));
            }
        }
    }
    for (i, _) in s.match_indices('共') {
        let end = i + '共'.len_utf8();
        let word = s[..i].ends_with(['公', '中'])
            || s[end..]
                .chars()
                .next()
                .is_some_and(|c| NOT_A_TOTAL_AFTER.contains(c));
        if !word {
            out.push((i, end));
        }
    }
    out.sort_unstable();
    out
}

/// A total: the first number after its word, in the same phrase (`ends`:
/// where the sentence's phrases end, in order), with its unit.
fn total_after<'a>(
    word_end: usize,
    ends: &[usize],
    nums: &'a [Number<'a>],
) -> Option<&'a Number<'a>> {
    let phrase_end = ends.get(ends.partition_point(|e| *e < word_end))?;
    let n = nums.get(nums.partition_point(|n| n.at < word_end))?;
    (n.at < *phrase_end && n.unit.is_some() && !n.about).then_some(n)
}

fn value(digits: &str) -> Option<u128> {
    whole_number(digits)?.parse().ok()
}

/// Whether the parts split the total along two dimensions: the parts up to a
/// new phrase already make the total, and more follow; or some parts name
/// applicants and others outcomes.
fn two_dimensions(s: &str, list_at: usize, parts: &[(&Number, u128)], total: u128) -> bool {
    let mut sum = 0u128;
    for k in 1..parts.len() {
        sum = sum.saturating_add(parts[k - 1].1);
        let gap = &s[parts[k - 1].0.end..parts[k].0.at];
        if sum == total && gap.contains(['，', ',']) {
            return true;
        }
    }
    let applicants: Vec<&str> = AppCol::APPLICANTS
        .iter()
        .filter(|c| **c != AppCol::Other)
        .map(|c| c.label())
        .chain(["法人", "公民"])
        .collect();
    let mut by_applicant = false;
    let mut by_outcome = false;
    let mut from = list_at;
    for (n, _) in parts {
        let label = &s[from..n.at];
        if applicants.iter().any(|a| label.contains(a)) {
            by_applicant = true;
        } else if OUTCOMES.iter().any(|o| label.contains(o)) {
            by_outcome = true;
        }
        from = n.end;
    }
    by_applicant && by_outcome
}

pub fn check(r: &Report, out: &mut Vec<Finding>) {
    for cell in narrative_cells(r) {
        let Some(text) = r.text(cell) else { continue };
        for s in sentences_with(text, &["其中"]) {
            let words = total_words(s);
            let nums = numbers(s);
            // Found once, and searched by halves: a sentence of many totals
            // costs no scan per total.
            let phrase_ends: Vec<usize> = s
                .match_indices(PHRASE_ENDS)
                .map(|(i, _)| i)
                .chain([s.len()])
                .collect();
            for (k, &(start, word_end)) in words.iter().enumerate() {
                let next_word = words.get(k + 1).map_or(s.len(), |w| w.0);
                let Some(total) = total_after(word_end, &phrase_ends, &nums) else {
                    continue;
                };
                let (Some(unit), Some(n)) = (total.unit, value(total.digits)) else {
                    continue;
                };
                // 其中 of this total: before the next total word.
                let Some(q) = s.get(total.end..next_word).and_then(|t| t.find("其中")) else {
                    continue;
                };
                let list_at = total.end + q + "其中".len();
                // The list ends at the next total word, or a ； before it.
                let next_total = words
                    .get(words.partition_point(|w| w.0 < list_at))
                    .map_or(s.len(), |w| w.0);
                let list_end = s[list_at..next_total]
                    .find(['；', ';'])
                    .map_or(next_total, |i| list_at + i);
                // The numbers are in order: the list's, found without a scan
                // of the sentence for each total.
                let from = nums.partition_point(|p| p.at < list_at);
                let to = nums.partition_point(|p| p.end <= list_end);
                let in_list: Vec<&Number> = nums[from..to.max(from)]
                    .iter()
                    .filter(|p| p.unit == Some(unit))
                    .collect();
                if in_list.is_empty() || in_list.iter().any(|p| p.about) {
                    continue;
                }
                let Some(parts) = in_list
                    .iter()
                    .map(|p| value(p.digits).map(|v| (*p, v)))
                    .collect::<Option<Vec<_>>>()
                else {
                    continue;
                };
                if two_dimensions(s, list_at, &parts, n) {
                    continue;
                }
                let Some(sum) = parts.iter().try_fold(0u128, |a, p| a.checked_add(p.1)) else {
                    continue;
                };
                let first = parts[0].0.at;
                let all_listed = ["分别为", "分别是"]
                    .iter()
                    .any(|w| s[list_at..first].contains(w));
                let wrong = if all_listed { sum != n } else { sum > n };
                if !wrong {
                    continue;
                }
                let terms: Vec<String> = parts.iter().map(|p| p.1.to_string()).collect();
                let phrase_start = phrase_ends[..phrase_ends.partition_point(|e| *e < start)]
                    .last()
                    .map_or(0, |i| i + s[*i..].chars().next().map_or(0, char::len_utf8));
                let compared = if all_listed {
                    format!("与总数{n}{unit}不符")
                } else {
                    format!("多于总数{n}{unit}")
                };
                out.push(Finding {
                    id: Rule::NarrativeSum,
                    severity: Severity::Info,
                    cells: vec![cell],
                    message: format!(
                        "{}写“{}”：其中各项{}={sum}{unit}，{compared}，请核对",
                        cell.label(),
                        quote(s[phrase_start..].trim()),
                        terms.join("+")
                    ),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_a_total_and_words_that_are_not() {
        let s = "公共服务共10条，共同推进，中共党员，合计3个，综合计划";
        let found: Vec<&str> = total_words(s).iter().map(|(a, b)| &s[*a..*b]).collect();
        assert_eq!(found, ["共", "合计"]);
    }

    #[test]
    fn numbers_with_their_units() {
        let n = numbers("约30件、40余条、５ 篇、2024年");
        let seen: Vec<_> = n.iter().map(|n| (n.digits, n.unit, n.about)).collect();
        assert_eq!(
            seen,
            [
                ("30", Some('件'), true),
                ("40", Some('条'), true),
                ("５", Some('篇'), false),
                ("2024", None, false)
            ]
        );
    }
}
