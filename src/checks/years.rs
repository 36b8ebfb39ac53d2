//! `year.mismatch`: text copied from last year's report with last year still
//! in it. Only a year that is the subject — in the title, the statistics
//! period, or at the head of a section — counts; a year later in a sentence
//! ("比2023年增长") or a later year (plans for next year) is fine.

use super::text::clauses;
use super::{Finding, Rule, Severity};
use crate::report::{CellRef, Report};

pub fn check(r: &Report, out: &mut Vec<Finding>) {
    if r.year == 0 {
        return;
    }
    let year = u32::from(r.year);
    let mut flag = |cell: CellRef, found: u32, quoted: &str, what: &str| {
        out.push(Finding {
            id: Rule::YearMismatch,
            severity: Severity::Warning,
            cells: vec![cell, CellRef::Year],
            message: format!(
                "{}{what}是{found}年（“{}”），而本报告是{year}年度的：是否沿用了上一年的文字？请核对年份",
                cell.label(),
                quote(quoted)
            ),
        });
    };

    if let Some(y) = years(&r.title).first().filter(|y| **y < year) {
        flag(CellRef::Title, *y, &r.title, "写的年份");
    }
    for clause in clauses(&r.preamble) {
        let Some(at) = ["统计期限", "统计时限", "统计期间", "统计周期", "统计区间"]
            .iter()
            .filter_map(|w| clause.find(w))
            .min()
        else {
            continue;
        };
        if let Some(y) = years(&clause[at..]).first().filter(|y| **y < year) {
            flag(CellRef::Preamble, *y, clause, "中的统计期限");
            break;
        }
    }
    let mut heads = vec![CellRef::OverviewIntro];
    heads.extend((0..r.overview.parts.len()).map(CellRef::OverviewPart));
    heads.extend([CellRef::Problems, CellRef::OtherMatters]);
    for cell in heads {
        let Some(first) = r.text(cell).and_then(|t| clauses(t).next()) else {
            continue;
        };
        if let Some(y) = leading_year(first).filter(|y| *y < year) {
            flag(cell, y, first, "开头写的年份");
        }
    }
}

fn quote(s: &str) -> String {
    let chars: Vec<char> = s.trim().chars().collect();
    if chars.len() <= 30 {
        chars.iter().collect()
    } else {
        format!("{}…", chars[..30].iter().collect::<String>())
    }
}

fn digit(c: char) -> Option<u32> {
    c.to_digit(10)
        .or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))
}

/// Every "YYYY年" in `s` (spaces before 年 allowed: "2023 年"), in order.
fn years(s: &str) -> Vec<u32> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|c| digit(**c).is_some())
            .count();
        if run == 0 {
            i += 1;
            continue;
        }
        if run == 4
            && chars[i + 4..]
                .iter()
                .find(|c| **c != ' ')
                .is_some_and(|c| *c == '年')
        {
            out.push(
                chars[i..i + 4]
                    .iter()
                    .filter_map(|c| digit(*c))
                    .fold(0, |a, d| a * 10 + d),
            );
        }
        i += run;
    }
    out
}

/// The year a clause opens with ("2023年，我镇…", "2023 年度…").
fn leading_year(clause: &str) -> Option<u32> {
    let t = clause.trim_start();
    let digits: String = t.chars().take_while(|c| digit(*c).is_some()).collect();
    if digits.chars().count() != 4 {
        return None;
    }
    years(t).first().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_text() {
        assert_eq!(years("自2023 年1月1日起至２０２３年12月31日"), [2023, 2023]);
        assert_eq!(leading_year("2023年，我镇"), Some(2023));
        assert_eq!(leading_year("我镇比2023年"), None);
        assert_eq!(leading_year("20231件"), None);
    }
}
