//! Figures the narrative states for table A's document rows: "本年制发行政
//! 规范性文件77件……现行有效470件". Table A has no totals, so where a row's
//! digits ran together ("77132470") these are the only constraint the
//! document offers: a split is taken only if it agrees with every figure
//! stated — and only the cells every such split agrees on.

use crate::checks::text::clauses;
use crate::form::{ProactiveField, format2019};

/// A figure the narrative states for a cell of table A, with its clause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stated {
    pub field: ProactiveField,
    pub value: u64,
    /// The words that state it, as printed ("制发77件").
    pub quote: String,
}

/// Words that say which column a figure is: 本年制发 · 本年废止 · 现行有效.
const ISSUED: [&str; 4] = ["制发", "印发", "出台", "制定"];
const REPEALED: [&str; 3] = ["废止", "宣布失效", "失效"];
const IN_FORCE: [&str; 1] = ["现行有效"];

/// Every figure `narrative` states for 规章 or 行政规范性文件: in a clause
/// that names exactly one of the two, the first "N件" after 制发/废止/现行有效
/// and before the next of these words.
pub fn stated(narrative: &str) -> Vec<Stated> {
    let normative = format2019::NORMATIVE_DOCUMENTS;
    let rules = ProactiveField::RulesIssued.row_label();
    let mut out = Vec::new();
    // Cells stated twice differently: they stay unstated, however often a
    // later clause repeats one of the figures.
    let mut contradicted: Vec<ProactiveField> = Vec::new();
    for clause in clauses(narrative) {
        let fields = match (clause.contains(normative), clause.contains(rules)) {
            (true, false) => [
                ProactiveField::NormativeIssued,
                ProactiveField::NormativeRepealed,
                ProactiveField::NormativeInForce,
            ],
            (false, true) => [
                ProactiveField::RulesIssued,
                ProactiveField::RulesRepealed,
                ProactiveField::RulesInForce,
            ],
            _ => continue,
        };
        // Every key word in the clause, by position: (start, end, column).
        let mut keys: Vec<(usize, usize, usize)> = Vec::new();
        for (column, words) in [&ISSUED[..], &REPEALED[..], &IN_FORCE[..]]
            .iter()
            .enumerate()
        {
            for w in words.iter() {
                for (i, _) in clause.match_indices(w) {
                    // "宣布失效" is also "失效": one key word.
                    if !keys.iter().any(|(s, e, _)| *s <= i && i < *e) {
                        keys.push((i, i + w.len(), column));
                    }
                }
            }
        }
        keys.sort();
        for (k, (start, end, column)) in keys.iter().enumerate() {
            let until = keys.get(k + 1).map_or(clause.len(), |n| n.0);
            if let Some((value, at)) = first_count(&clause[*end..until]) {
                let field = fields[*column];
                let quote = clause[*start..*end + at].to_string();
                // One figure per cell: a cell stated twice differently says nothing.
                if contradicted.contains(&field) {
                    continue;
                }
                match out.iter().position(|s: &Stated| s.field == field) {
                    Some(i) if out[i].value != value => {
                        out.remove(i);
                        contradicted.push(field);
                    }
                    Some(_) => {}
                    None => out.push(Stated {
                        field,
                        value,
                        quote,
                    }),
                }
            }
        }
    }
    out
}

/// The first whole number directly followed by 件 in `s`, and the byte
/// position just after the 件.
fn first_count(s: &str) -> Option<(u64, usize)> {
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let d = rest.find(|c: char| c.is_ascii_digit())?;
        let start = i + d;
        let len = s[start..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(s.len() - start);
        let after = &s[start + len..];
        let after_trim = after.trim_start();
        if after_trim.starts_with('件') && !s[..start].ends_with('.') {
            let n = s[start..start + len].parse().ok()?;
            let unit_end = start + len + (after.len() - after_trim.len()) + '件'.len_utf8();
            return Some((n, unit_end));
        }
        i = start + len;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_stated_differently_stays_unstated_even_when_repeated() {
        let text = "制发行政规范性文件5件。制发行政规范性文件6件。制发行政规范性文件6件。";
        assert!(
            stated(text)
                .iter()
                .all(|s| s.field != ProactiveField::NormativeIssued),
            "{:?}",
            stated(text)
        );
    }

    #[test]
    fn figures_for_the_document_rows() {
        let s = stated(
            "2024年，本机关制发行政规范性文件77件，废止132件，现行有效行政规范性文件470件。全年主动公开政府信息1200条。",
        );
        assert_eq!(
            s.iter().map(|s| (s.field, s.value)).collect::<Vec<_>>(),
            [
                (ProactiveField::NormativeIssued, 77),
                (ProactiveField::NormativeRepealed, 132),
                (ProactiveField::NormativeInForce, 470),
            ]
        );
        assert_eq!(s[0].quote, "制发行政规范性文件77件");
    }

    #[test]
    fn a_clause_naming_both_kinds_or_no_count_says_nothing() {
        assert!(stated("制发规章0件、行政规范性文件3件。").is_empty());
        assert!(stated("现行有效的行政规范性文件已全部公开。").is_empty());
        // 宣布失效 is one key word, not two.
        let s = stated("宣布失效行政规范性文件2件。");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].field, ProactiveField::NormativeRepealed);
    }
}
