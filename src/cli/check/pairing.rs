//! Year pairing in a batch: a report that names no previous year is checked
//! against the report of the same organ for the year before, when the run
//! holds exactly one of each. One pass over a hash map: a batch of thousands
//! of copies of one report takes no longer to pair than to list.

use std::collections::HashMap;

/// What pairing needs of one report of the run.
pub struct Candidate<'a> {
    pub organ: &'a str,
    pub year: u16,
    /// The report has no previous year of its own (no `prior`, no `--prior`).
    pub wants_prior: bool,
}

/// The pairs made and the reports left unpaired because they were not alone.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Pairing {
    /// For each report of the run, the index of the report it is checked against.
    pub prior: Vec<Option<usize>>,
    /// (this year, previous year), in the order of the run.
    pub pairs: Vec<(usize, usize)>,
    /// Reports of one organ and year found more than once (the PDF and the web
    /// page of one report, say): none of them is paired, either way. In the
    /// order of the run, each group in its own order.
    pub duplicates: Vec<Vec<usize>>,
}

/// Pair the reports of a run; `None` for an input that is no report, or whose
/// organ or year is unknown.
pub fn pair(candidates: &[Option<Candidate>]) -> Pairing {
    let mut groups: HashMap<(String, u16), Vec<usize>> = HashMap::new();
    let mut keys = Vec::with_capacity(candidates.len());
    for (i, c) in candidates.iter().enumerate() {
        let key = c
            .as_ref()
            .map(|c| (organ_key(c.organ), c.year))
            .filter(|(organ, year)| !organ.is_empty() && *year > 0);
        if let Some(key) = &key {
            groups.entry(key.clone()).or_default().push(i);
        }
        keys.push(key);
    }

    let alone = |key: &(String, u16)| match groups.get(key).map(Vec::as_slice) {
        Some([one]) => Some(*one),
        _ => None,
    };
    let mut out = Pairing {
        prior: vec![None; candidates.len()],
        ..Pairing::default()
    };
    for (i, (c, key)) in candidates.iter().zip(keys).enumerate() {
        let (Some(c), Some((organ, year))) = (c, key) else {
            continue;
        };
        let group = groups
            .get(&(organ.clone(), year))
            .map_or(&[][..], Vec::as_slice);
        if group.len() > 1 {
            // Listed once, when its first report comes.
            if group.first() == Some(&i) {
                out.duplicates.push(group.to_vec());
            }
            continue;
        }
        if !c.wants_prior {
            continue;
        }
        if let Some(p) = alone(&(organ, year - 1)) {
            out.prior[i] = Some(p);
            out.pairs.push((i, p));
        }
    }
    out
}

/// An organ's name as compared: without spaces and punctuation, full-width
/// letters and digits as their ASCII forms, letters in lower case — so that
/// "XX市 人民政府（办公室）" and "XX市人民政府办公室" are one organ.
pub fn organ_key(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            // Full-width forms U+FF01..U+FF5E are ASCII shifted by 0xFEE0.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(organ: &str, year: u16) -> Option<Candidate<'_>> {
        Some(Candidate {
            organ,
            year,
            wants_prior: true,
        })
    }

    #[test]
    fn names_are_compared_without_spaces_and_punctuation() {
        assert_eq!(
            organ_key(" 阿戛镇 人民政府（办公室）"),
            organ_key("阿戛镇人民政府办公室")
        );
        assert_eq!(organ_key("ＸＸ县·Ａ局"), organ_key("xx县a局"));
        assert_ne!(organ_key("阿戛镇人民政府"), organ_key("阿戛乡人民政府"));
        assert_eq!(organ_key("（）、。"), "");
    }

    #[test]
    fn each_year_is_paired_with_the_year_before_of_the_same_organ() {
        let run = [
            c("阿戛镇人民政府", 2025),
            c("某县人民政府", 2024),
            c("阿戛镇 人民政府", 2024),
            c("阿戛镇人民政府", 2023),
            None,
            c("某县人民政府", 2022),
        ];
        let p = pair(&run);
        assert_eq!(p.pairs, [(0, 2), (2, 3)]);
        assert_eq!(p.prior, [Some(2), None, Some(3), None, None, None]);
        assert!(p.duplicates.is_empty());
    }

    #[test]
    fn a_report_with_its_own_prior_is_not_paired_but_can_be_a_prior() {
        let mut run = [c("阿戛镇人民政府", 2025), c("阿戛镇人民政府", 2024)];
        if let Some(first) = &mut run[0] {
            first.wants_prior = false;
        }
        assert!(pair(&run).pairs.is_empty());
        let run = [c("阿戛镇人民政府", 2024), c("阿戛镇人民政府", 2025)];
        assert_eq!(pair(&run).pairs, [(1, 0)]);
    }

    #[test]
    fn two_reports_of_one_organ_and_year_pair_with_nothing() {
        let run = [
            c("阿戛镇人民政府", 2024),
            c("阿戛镇人民政府", 2025),
            c("阿戛镇人民政府", 2024),
            c("阿戛镇人民政府", 2023),
            c("某县人民政府", 2025),
            c("某县人民政府", 2025),
        ];
        let p = pair(&run);
        assert!(p.pairs.is_empty(), "{:?}", p.pairs);
        assert_eq!(p.duplicates, [vec![0, 2], vec![4, 5]]);
    }

    #[test]
    fn an_unknown_organ_or_year_pairs_with_nothing() {
        let run = [c("", 2025), c("", 2024), c("某县", 0), c("某县", 2025)];
        let p = pair(&run);
        assert!(p.pairs.is_empty());
        assert!(p.duplicates.is_empty());
    }

    #[test]
    fn thousands_of_copies_are_one_group() {
        let run: Vec<_> = (0..3000).map(|_| c("阿戛镇人民政府", 2024)).collect();
        let p = pair(&run);
        assert_eq!(p.duplicates.len(), 1);
        assert_eq!(p.duplicates[0].len(), 3000);
        assert!(p.pairs.is_empty());
    }
}
