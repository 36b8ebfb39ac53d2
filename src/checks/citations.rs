//! `citation.outdated` (FORMAT.md): the report gives as its basis the 2019
//! format's notice (国办公开办函〔2019〕60号) in a year of the 2021 form, or
//! the 2007 regulation (国务院令第492号) after its 2019 revision
//! (国令第711号) — text carried over from old reports.
//!
//! Only a clause that gives the report's basis (根据/依据/按照/按 … 编制/要求/
//! 格式) counts: a report may well mention the old notice elsewhere. Citations
//! are compared without spaces, with every kind of bracket alike and digits
//! half-width ("国令第 711 号", "国办公开办函[2019]60号").

use super::text::clauses;
use super::{Finding, Rule, Severity};
use crate::form::{
    self, NOTICE, NOTICE_FIRST_YEAR, REGULATION, REGULATION_ORDERS, REGULATION_ORDERS_2007,
    REGULATION_REVISED,
};
use crate::report::{CellRef, Report};

/// Words that open a basis, and what the basis is for.
const BASIS: [&str; 3] = ["根据", "依据", "按"];
const BASIS_FOR: [&str; 3] = ["编制", "要求", "格式"];

/// Whether a clause gives the report's basis: a basis word, and after it
/// what the basis is for. (按 covers 按照.)
fn gives_basis(clause: &str) -> bool {
    BASIS
        .iter()
        .filter_map(|w| clause.find(w).map(|i| i + w.len()))
        .min()
        .is_some_and(|after| BASIS_FOR.iter().any(|w| clause[after..].contains(w)))
}

/// A text as citations are compared: no spaces, half-width digits, every
/// bracket as 〔〕 (the form the notices are written in).
fn citation_form(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '[' | '［' | '【' | '(' | '（' => '〔',
            ']' | '］' | '】' | ')' | '）' => '〕',
            _ => c,
        })
        .collect()
}

/// Whether any text of the report cites one of `citations`.
fn cites(r: &Report, citations: &[&str]) -> bool {
    r.texts().iter().any(|(_, t)| {
        t.contains('号') && {
            let t = citation_form(t);
            citations.iter().any(|c| t.contains(c))
        }
    })
}

pub fn check(r: &Report, out: &mut Vec<Finding>) {
    if r.year < REGULATION_REVISED {
        return;
    }
    let mut old_notice = None;
    let mut old_regulation = None;
    for (cell, text) in r.texts() {
        // Cheap first: a citation has a 号.
        if !text.contains('号') {
            continue;
        }
        for clause in clauses(text).filter(|c| c.contains('号') && gives_basis(c)) {
            let c = citation_form(clause);
            if old_notice.is_none()
                && r.year >= NOTICE_FIRST_YEAR
                && c.contains(form::format2019::NOTICE)
            {
                old_notice = Some(cell);
            }
            if old_regulation.is_none() && c.contains("条例") {
                old_regulation = REGULATION_ORDERS_2007
                    .iter()
                    .find(|o| c.contains(*o))
                    .map(|o| (cell, *o));
            }
        }
    }
    let year = r.year;
    if let Some(cell) = old_notice
        && !cites(r, &[NOTICE])
    {
        out.push(Finding {
            id: Rule::CitationOutdated,
            severity: Severity::Warning,
            cells: vec![cell, CellRef::Year],
            message: format!(
                "{}以{}为编制依据，那是2019、2020年度年报的格式：{year}年度的年报应按{NOTICE}规定的格式编制，请改为引用{NOTICE}",
                cell.label(),
                form::format2019::NOTICE
            ),
        });
    }
    if let Some((cell, order)) = old_regulation
        && !cites(r, &REGULATION_ORDERS)
    {
        let revised = REGULATION_ORDERS[0];
        out.push(Finding {
            id: Rule::CitationOutdated,
            severity: Severity::Warning,
            cells: vec![cell, CellRef::Year],
            message: format!(
                "{}引用的《{REGULATION}》是修订前的版本（{order}）：条例已于{REGULATION_REVISED}年修订（{revised}），{year}年度的年报应以修订后的条例为依据，请改为引用{revised}",
                cell.label()
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_that_gives_the_basis() {
        assert!(gives_basis(
            "根据《条例》（国办公开办函〔2019〕60号）要求，我区编制完成了本报告"
        ));
        assert!(gives_basis("本报告按照国办公开办函〔2019〕60号的格式"));
        assert!(!gives_basis("国办公开办函〔2019〕60号要求各地编制年报"));
        assert!(!gives_basis("根据国办公开办函〔2019〕60号"));
    }

    #[test]
    fn citations_are_compared_in_one_form() {
        assert_eq!(citation_form("国令第 711 号"), "国令第711号");
        assert_eq!(
            citation_form("国办公开办函【２０１９】60号"),
            "国办公开办函〔2019〕60号"
        );
        assert_eq!(
            citation_form("国办公开办函(2019)60号"),
            "国办公开办函〔2019〕60号"
        );
    }
}
