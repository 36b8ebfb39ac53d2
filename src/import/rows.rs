//! Finding a table row by its label, as the form prints it: the ordinal in
//! front ("6." — which, in text run together, is glued to the previous row's
//! digits: "10000016.属于四类过程性信息"), the words, a note in brackets after.

use super::labels;
use super::text::{Squeezed, Text, normalize_char, squeeze};

/// A form label taken apart: "1.属于国家秘密" → ("1.", "属于国家秘密").
pub struct Parts {
    /// The ordinal, normalized: "1.", "(二)", "一、", or "".
    pub ordinal: String,
    /// The words that identify the row, squeezed.
    pub body: Vec<char>,
}

pub fn parts(label: &str) -> Parts {
    let norm: String = label.chars().map(normalize_char).collect();
    let mut ordinal_len = 0;
    let digits = norm.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && norm[digits..].starts_with(['.', '、']) {
        ordinal_len = digits + 1;
    } else if norm.starts_with('(')
        && let Some(close) = norm.find(')')
        && close <= 7
    {
        ordinal_len = close + 1;
    } else if let Some((i, '、')) = norm.char_indices().nth(1)
        && "一二三四五六七八九十".contains(&norm[..i])
    {
        ordinal_len = i + '、'.len_utf8();
    }
    let rest = &norm[ordinal_len..];
    // A trailing note: "部分公开(区分处理的，只计这一情形，不计其他情形)".
    let body = match rest.find('(') {
        Some(i) if i > 0 && rest.ends_with(')') => &rest[..i],
        _ => rest,
    };
    Parts {
        ordinal: norm[..ordinal_len].to_string(),
        body: squeeze(body),
    }
}

/// A row label found in the text.
#[derive(Clone, Debug)]
pub struct Found {
    /// Text positions: the label (with its ordinal and note) is `start..end`.
    pub start: usize,
    pub end: usize,
    /// Matched only approximately: the text as printed, for the summary.
    pub approximate: Option<String>,
}

/// Find a row label in squeezed `sq[from..to]`; `None` if absent.
pub fn find(text: &Text, sq: &Squeezed, label: &Parts, from: usize, to: usize) -> Option<Found> {
    Some(placed(
        text,
        sq,
        label,
        labels::find(sq, &label.body, from, to)?,
    ))
}

/// The label's words as found, widened to its ordinal and its note.
fn placed(text: &Text, sq: &Squeezed, label: &Parts, f: labels::Found) -> Found {
    let start = extend_ordinal(text, sq.at[f.start], &label.ordinal);
    let end = skip_note(text, sq.end_pos(f.end));
    Found {
        start,
        end,
        approximate: f.fuzzy.then(|| text.slice(start, sq.end_pos(f.end))),
    }
}

/// A label printed again before any figure follows it — a converter's
/// heading above its table ("### 一、本年新收…" and then the table's own
/// "| 本年新收… | 705 |"), a header row repeated: the label found runs from
/// the first to the last of them, and the row's figures follow the last.
pub fn last_repeat(text: &Text, sq: &Squeezed, label: &Parts, mut f: Found) -> Found {
    /// Squeezed characters between the two: a heading's own words, no more.
    const CLOSE: usize = 40;
    loop {
        let after = sq_index(sq, f.end);
        // Only an exact repeat counts: a label with a typo so close to the
        // first is another row's, or a note's, not the same label again.
        let Some(words) = labels::find_exact(
            sq,
            &label.body,
            after,
            sq.len().min(after + CLOSE + label.body.len()),
        ) else {
            return f;
        };
        let again = placed(text, sq, label, words);
        let between = &sq.chars[after..sq_index(sq, again.start).max(after)];
        if between.iter().any(|c| c.is_ascii_digit()) {
            return f;
        }
        f.end = again.end;
    }
}

/// Like [`find`], but only where the label's ordinal is printed before it:
/// "(六)其他" is a row, the column "其他" is not.
pub fn find_numbered(
    text: &Text,
    sq: &Squeezed,
    label: &Parts,
    from: usize,
    to: usize,
) -> Option<Found> {
    let mut p = from;
    while let Some(f) = find(text, sq, label, p, to) {
        let words = labels::find(sq, &label.body, p, to)?;
        if f.start < sq.at[words.start] {
            return Some(f);
        }
        p = words.start + 1;
    }
    None
}

/// The squeezed index of the first character at or after text position `pos`.
pub fn sq_index(sq: &Squeezed, pos: usize) -> usize {
    sq.at.partition_point(|&a| a < pos)
}

/// Move `start` back over the label's ordinal if the text has it there.
fn extend_ordinal(text: &Text, start: usize, ordinal: &str) -> usize {
    if ordinal.is_empty() {
        return start;
    }
    let same = |a: char, b: char| {
        a == b || (matches!(a, '.' | '、' | ',') && matches!(b, '.' | '、' | ','))
    };
    let mut i = start;
    for want in ordinal.chars().rev() {
        while i > 0 && text.norm[i - 1].is_whitespace() {
            i -= 1;
        }
        if i == 0 || !same(text.norm[i - 1], want) {
            return start;
        }
        i -= 1;
    }
    i
}

/// Past a note in brackets right after a label ("(设区的市…应提供相关数据)").
fn skip_note(text: &Text, end: usize) -> usize {
    let mut i = end;
    while i < text.len() && text.norm[i].is_whitespace() {
        i += 1;
    }
    if text.norm.get(i) != Some(&'(') {
        return end;
    }
    let mut depth = 0;
    for (k, c) in text.norm[i..text.len().min(i + 200)].iter().enumerate() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return i + k + 1;
                }
            }
            _ => {}
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_come_apart() {
        let p = parts("（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
        assert_eq!(p.ordinal, "(二)");
        assert_eq!(p.body.iter().collect::<String>(), "部分公开");
        let p = parts("6.属于四类过程性信息");
        assert_eq!(p.ordinal, "6.");
        let p = parts("一、本年新收政府信息公开申请数量");
        assert_eq!(p.ordinal, "一、");
        assert_eq!(parts("规章").ordinal, "");
    }

    #[test]
    fn an_ordinal_glued_to_digits_belongs_to_the_label() {
        let t = Text::new("5.属于三类内部事务信息10000016.属于四类过程性信息2000002");
        let sq = Squeezed::new(&t, 0, t.len());
        let f = find(&t, &sq, &parts("6.属于四类过程性信息"), 10, sq.len()).unwrap();
        assert_eq!(t.slice(f.start, f.end), "6.属于四类过程性信息");
        assert_eq!(t.slice(12, f.start), "1000001");
    }

    #[test]
    fn a_note_after_the_label_is_part_of_it() {
        let t = Text::new("（二）部分公开（区分处理的，只计这一情 形，不\n计其他情形）\n 4 0");
        let sq = Squeezed::new(&t, 0, t.len());
        let f = find(&t, &sq, &parts("（二）部分公开（区分处理的）"), 0, sq.len()).unwrap();
        assert_eq!(f.start, 0);
        assert_eq!(t.slice(f.end, t.len()), "\n 4 0");
    }
}
