//! `narrative.copied` (FORMAT.md): 一, 五 or 六 made of last year's sentences
//! with only the years (or other figures) changed. The 30号 notice names
//! 内容雷同 as a ground for accountability; a report just made with 从上年年报
//! 创建 is flagged until it is rewritten — the intended reminder.
//!
//! Linear in the texts: every sentence of last year's report goes, normalised,
//! into a set (as a 64-bit hash, so that no sentence is copied), and each
//! sentence of this year's is looked up once. The hash is a multiply-rotate
//! one, a few instructions a character: a batch checks thousands of reports
//! a second, and two sentences that merely share a hash are not a threat.

use std::collections::HashSet;

use super::narrative::overview_cells;
use super::{Finding, Rule, Severity};
use crate::form::Section;
use crate::report::{CellRef, Report};

/// Shorter sentences ("无。", "具体如下") are alike in any two reports.
const MIN_SENTENCE: usize = 15;
/// A text shorter than this says too little to be called a copy.
const MIN_TEXT: usize = 100;
/// The share of a text, in per cent, that makes it a copy.
const COPIED_PERCENT: usize = 60;

/// The sentences of a text as this rule splits them: at 。！？； (and their
/// ASCII forms, and line breaks).
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['。', '！', '？', '；', '!', '?', ';', '\n'])
}

/// A 64-bit hash of a sequence of characters (the multiply-rotate of rustc's
/// FxHasher).
#[derive(Default)]
struct SentenceHash(u64);

impl SentenceHash {
    fn add(&mut self, c: char) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(c)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A sentence normalised — whitespace removed, full- and half-width
/// punctuation made one, every run of digits one mark — as its hash and its
/// length in characters.
fn normalised(sentence: &str) -> (u64, usize) {
    let mut h = SentenceHash::default();
    let mut len = 0;
    let mut in_digits = false;
    for c in sentence.chars().filter(|c| !c.is_whitespace()) {
        let c = match c {
            // Full-width forms of ASCII: ，→, （→( and full-width digits.
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '“' | '”' => '"',
            '‘' | '’' => '\'',
            '〔' | '【' => '[',
            '〕' | '】' => ']',
            _ => c,
        };
        if c.is_ascii_digit() {
            if in_digits {
                continue;
            }
            in_digits = true;
            h.add('#');
        } else {
            in_digits = false;
            h.add(c);
        }
        len += 1;
    }
    (h.0, len)
}

/// Every sentence anywhere in last year's report, normalised.
fn last_years(prior: &Report) -> HashSet<u64> {
    prior
        .texts()
        .into_iter()
        .flat_map(|(_, t)| sentences(t))
        // Fewer bytes than a sentence's least characters: it can match none.
        .filter(|s| s.len() >= MIN_SENTENCE)
        .map(|s| normalised(s).0)
        .collect()
}

pub fn check(r: &Report, prior: &Report, out: &mut Vec<Finding>) {
    let mut last = None;
    for (section, cells) in [
        (Section::Overview, overview_cells(r)),
        (Section::Problems, vec![CellRef::Problems]),
        (Section::OtherMatters, vec![CellRef::OtherMatters]),
    ] {
        // Nothing to compare in a text too short to be flagged.
        let chars: usize = cells
            .iter()
            .filter_map(|c| r.text(*c))
            .map(|t| t.chars().count())
            .sum();
        if chars < MIN_TEXT {
            continue;
        }
        let last = last.get_or_insert_with(|| last_years(prior));
        let (mut total, mut copied) = (0, 0);
        let mut copied_in = Vec::new();
        for cell in cells {
            let Some(text) = r.text(cell) else { continue };
            for (hash, len) in sentences(text).map(normalised) {
                if len < MIN_SENTENCE {
                    continue;
                }
                total += len;
                if last.contains(&hash) {
                    copied += len;
                    if !copied_in.contains(&cell) {
                        copied_in.push(cell);
                    }
                }
            }
        }
        if total < MIN_TEXT || copied * 100 < total * COPIED_PERCENT {
            continue;
        }
        out.push(Finding {
            id: Rule::NarrativeCopied,
            severity: Severity::Warning,
            cells: copied_in,
            message: format!(
                "{}的文字有{}%（{total}字中的{copied}字）与{}年年报的句子相同（年份、数字不计）：是否只改了年份？请按本年度的工作改写，避免内容雷同",
                section.heading(),
                copied * 100 / total,
                prior.year
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_figures_spaces_and_punctuation_do_not_tell_sentences_apart() {
        let a = normalised("2023年，我镇共公开信息 120 条（含通知10条）");
        let b = normalised("２０２４年,我镇共公开信息5条(含通知1条)");
        assert_eq!(a, b);
        assert_eq!(a.1, "#年,我镇共公开信息#条(含通知#条)".chars().count());
        assert_ne!(a.0, normalised("2024年，我县共公开信息5条（含通知1条）").0);
    }
}
