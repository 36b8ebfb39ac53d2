//! Reading the clerk's prose: clauses and the figures written in them.
//! Shared by the rules that compare the narrative with the tables.

/// The clauses of a text: pieces up to each 。 or ；(or a line break), trimmed,
/// empty ones dropped.
pub fn clauses(text: &str) -> impl Iterator<Item = &str> {
    text.split(['。', '；', ';', '\n'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
}

/// The sentences of a text (FORMAT.md, *Reading the narrative*): pieces up
/// to each 。！？ (or a line break), trimmed, empty ones dropped.
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(SENTENCE_ENDS)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// What ends a sentence (see [`sentences`]).
const SENTENCE_ENDS: [char; 6] = ['。', '！', '？', '!', '?', '\n'];

/// The sentences of `text` that hold one of `words`, in order, each once —
/// found by searching for the words, so that a long text without them costs
/// one scan per word and no splitting.
pub fn sentences_with<'a>(text: &'a str, words: &[&str]) -> Vec<&'a str> {
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    for w in words {
        // Each sentence is read once per word, however often the word recurs.
        let mut read_to = 0;
        for (i, _) in text.match_indices(w) {
            if i < read_to {
                continue;
            }
            let start = text[..i].rfind(SENTENCE_ENDS).map_or(0, |k| {
                k + text[k..].chars().next().map_or(1, char::len_utf8)
            });
            let end = text[i..].find(SENTENCE_ENDS).map_or(text.len(), |k| i + k);
            bounds.push((start, end));
            read_to = end;
        }
    }
    // A sentence with two of the words once.
    bounds.sort_unstable();
    bounds.dedup();
    bounds
        .into_iter()
        .map(|(a, b)| text[a..b].trim())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The phrases of a clause (FORMAT.md): pieces up to each ，；： — or their
/// ASCII forms, except between digits ("1,234") — with text in （…） or (…)
/// a phrase of its own, taken out of the phrase around it.
pub fn phrases(clause: &str) -> Vec<String> {
    let mut out = Vec::new();
    // The phrase being read at each depth of brackets: the clause's own first.
    let mut open = vec![String::new()];
    let flush = |phrase: &mut String, out: &mut Vec<String>| {
        let t = phrase.trim();
        if !t.is_empty() {
            out.push(t.to_string());
        }
        phrase.clear();
    };
    let mut prev = None;
    let mut chars = clause.chars().peekable();
    while let Some(c) = chars.next() {
        let between_digits =
            prev.is_some_and(is_digit) && chars.peek().is_some_and(|n| is_digit(*n));
        match c {
            '（' | '(' => open.push(String::new()),
            '）' | ')' if open.len() > 1 => {
                if let Some(mut inner) = open.pop() {
                    flush(&mut inner, &mut out);
                }
            }
            '，' | '；' | '：' => {
                if let Some(top) = open.last_mut() {
                    flush(top, &mut out);
                }
            }
            ',' | ';' | ':' if !between_digits => {
                if let Some(top) = open.last_mut() {
                    flush(top, &mut out);
                }
            }
            _ => {
                if let Some(top) = open.last_mut() {
                    top.push(c);
                }
            }
        }
        prev = Some(c);
    }
    // An unclosed bracket ends with the clause.
    while let Some(mut p) = open.pop() {
        flush(&mut p, &mut out);
    }
    out
}

/// Whether `unit` stands in `text` with no number before it — "申请件",
/// or "件" whose number text extracted from a PDF moved away: such a text
/// ties no count to anything, and is skipped rather than guessed.
pub fn unit_without_number(text: &str, unit: char) -> bool {
    text.char_indices()
        .filter(|(_, c)| *c == unit)
        .any(|(i, _)| !text[..i].trim_end().ends_with(is_digit))
}

/// A figure in prose with the unit that follows it: "3件" → (3, "件").
#[derive(Clone, Debug, PartialEq)]
pub struct Figure<'a> {
    pub number: &'a str,
    pub unit: &'a str,
}

/// Every number in `clause` directly followed by one of `units` (the longest
/// unit wins, so "万元" is not read as "万"). A number followed by anything
/// else — "2025年" — is skipped.
pub fn figures<'a>(clause: &'a str, units: &[&'a str]) -> Vec<Figure<'a>> {
    let mut out = Vec::new();
    let mut rest = clause;
    while let Some(start) = rest.find(is_digit) {
        let tail = &rest[start..];
        let len = tail
            .char_indices()
            .find(|(_, c)| !(is_digit(*c) || *c == '.' || *c == '．'))
            .map_or(tail.len(), |(i, _)| i);
        let (number, after) = tail.split_at(len);
        let after_trimmed = after.trim_start();
        if let Some(unit) = units
            .iter()
            .filter(|u| after_trimmed.starts_with(**u))
            .max_by_key(|u| u.len())
        {
            out.push(Figure { number, unit });
        }
        rest = after;
    }
    out
}

/// A whole number written with ASCII or full-width digits, as its decimal
/// digits without leading zeros ("０３" → "3"); `None` for a decimal. Kept as
/// digits rather than parsed into an integer, so that a number of any length
/// compares exactly — a huge one never saturates into a figure it is not.
pub fn whole_number(s: &str) -> Option<String> {
    let digits: String = s
        .chars()
        .map(|c| {
            c.to_digit(10)
                .or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))
                .and_then(|d| char::from_digit(d, 10))
        })
        .collect::<Option<_>>()?;
    if digits.is_empty() {
        return None;
    }
    let significant = digits.trim_start_matches('0');
    Some(if significant.is_empty() {
        "0".to_string()
    } else {
        significant.to_string()
    })
}

/// A digit, half- or full-width.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_end_at_full_stops_and_semicolons() {
        let v: Vec<_> = clauses("甲。乙；丙;丁\n\n戊").collect();
        assert_eq!(v, ["甲", "乙", "丙", "丁", "戊"]);
    }

    #[test]
    fn sentences_end_at_full_stops_and_marks() {
        let v: Vec<_> = sentences("甲；乙。丙！丁?戊\n己").collect();
        assert_eq!(v, ["甲；乙", "丙", "丁", "戊", "己"]);
    }

    #[test]
    fn the_sentences_that_hold_a_word() {
        let t = "甲其中乙，其中丙。丁！其中戊\n己其中";
        assert_eq!(
            sentences_with(t, &["其中"]),
            ["甲其中乙，其中丙", "其中戊", "己其中"]
        );
        assert_eq!(
            sentences_with(t, &["丁", "己", "甲"]),
            ["甲其中乙，其中丙", "丁", "己其中"]
        );
        assert!(sentences_with(t, &["庚"]).is_empty());
        let all: Vec<&str> = sentences(t).collect();
        assert_eq!(sentences_with(t, &["其中", "丁"]), all);
    }

    #[test]
    fn a_bracket_is_a_phrase_of_its_own() {
        assert_eq!(
            phrases("答复申请805件（含上年结转18件，另有72件顺延到下年度），均已答复"),
            [
                "含上年结转18件",
                "另有72件顺延到下年度",
                "答复申请805件",
                "均已答复"
            ]
        );
        assert_eq!(
            phrases("共1,234件,其中:甲(乙"),
            ["共1,234件", "其中", "乙", "甲"]
        );
        assert_eq!(phrases("甲）乙"), ["甲）乙"], "a stray bracket is text");
    }

    #[test]
    fn a_unit_without_its_number() {
        assert!(unit_without_number("受理的申请件已答复", '件'));
        assert!(!unit_without_number("办结 3 件，另１件", '件'));
        assert!(!unit_without_number("均已办结", '件'));
    }

    #[test]
    fn whole_numbers_are_exact_digits() {
        assert_eq!(whole_number("３０").as_deref(), Some("30"));
        assert_eq!(whole_number("007").as_deref(), Some("7"));
        assert_eq!(whole_number("000").as_deref(), Some("0"));
        assert_eq!(whole_number("1.5"), None);
        assert_eq!(whole_number(""), None);
        // Far beyond u64 and u128: kept whole, never saturated to u64::MAX.
        let huge = "9".repeat(60);
        assert_eq!(whole_number(&huge), Some(huge.clone()));
        assert_ne!(
            whole_number("18446744073709551616").as_deref(),
            Some("18446744073709551615")
        );
    }

    #[test]
    fn figures_need_a_unit_and_skip_years() {
        let units = ["件", "元", "万元"];
        let f = figures("2025年发出收费通知3件，收取处理费1.5万元", &units);
        assert_eq!(
            f,
            [
                Figure {
                    number: "3",
                    unit: "件"
                },
                Figure {
                    number: "1.5",
                    unit: "万元"
                }
            ]
        );
        assert!(figures("2025年未收取", &units).is_empty());
        assert_eq!(figures("共２ 件", &units)[0].number, "２");
    }
}
