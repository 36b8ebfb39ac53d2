//! Reading the clerk's prose: clauses and the figures written in them.
//! Shared by the rules that compare the narrative with the tables.

/// The clauses of a text: pieces up to each 。 or ；(or a line break), trimmed,
/// empty ones dropped.
pub fn clauses(text: &str) -> impl Iterator<Item = &str> {
    text.split(['。', '；', ';', '\n'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
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

fn is_digit(c: char) -> bool {
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
