//! Table A as stored.

use serde::{Deserialize, Serialize};

use super::{Count, required};
use crate::form::ProactiveField;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proactive {
    pub rules: DocCounts,
    pub normative_documents: DocCounts,
    #[serde(deserialize_with = "required")]
    pub licensing: Count,
    #[serde(deserialize_with = "required")]
    pub punishment: Count,
    #[serde(deserialize_with = "required")]
    pub enforcement: Count,
    /// 本年收费金额 in 万元, exactly as written ("24252.311082"); `""` = not filled.
    /// A string, never a float, so that no digit is ever rounded away.
    pub fees_wan_yuan: String,
}

/// 本年制发件数 · 本年废止件数 · 现行有效件数 of 规章 or 行政规范性文件.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocCounts {
    #[serde(deserialize_with = "required")]
    pub issued: Count,
    #[serde(deserialize_with = "required")]
    pub repealed: Count,
    #[serde(deserialize_with = "required")]
    pub in_force: Count,
}

impl Proactive {
    /// A count field's value; `None` when blank, and for the fee (not a count).
    pub fn count(&self, f: ProactiveField) -> Count {
        use ProactiveField::*;
        match f {
            RulesIssued => self.rules.issued,
            RulesRepealed => self.rules.repealed,
            RulesInForce => self.rules.in_force,
            NormativeIssued => self.normative_documents.issued,
            NormativeRepealed => self.normative_documents.repealed,
            NormativeInForce => self.normative_documents.in_force,
            Licensing => self.licensing,
            Punishment => self.punishment,
            Enforcement => self.enforcement,
            Fees => None,
        }
    }

    /// A count field to write into; `None` for the fee.
    pub fn count_mut(&mut self, f: ProactiveField) -> Option<&mut Count> {
        use ProactiveField::*;
        Some(match f {
            RulesIssued => &mut self.rules.issued,
            RulesRepealed => &mut self.rules.repealed,
            RulesInForce => &mut self.rules.in_force,
            NormativeIssued => &mut self.normative_documents.issued,
            NormativeRepealed => &mut self.normative_documents.repealed,
            NormativeInForce => &mut self.normative_documents.in_force,
            Licensing => &mut self.licensing,
            Punishment => &mut self.punishment,
            Enforcement => &mut self.enforcement,
            Fees => return None,
        })
    }
}

/// Whether `s` is a non-negative decimal as a fee may be written: digits,
/// optionally a point and more digits ("0", "12.5", "24252.311082").
pub fn is_decimal(s: &str) -> bool {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    digits(int) && frac.is_none_or(digits)
}

#[cfg(test)]
mod tests {
    use super::is_decimal;

    #[test]
    fn decimals() {
        for ok in ["0", "12.5", "24252.311082", "007"] {
            assert!(is_decimal(ok), "{ok}");
        }
        for bad in ["", "-1", "1.", ".5", "1,000", "１２", "1e3", "约5万", " 3"] {
            assert!(!is_decimal(bad), "{bad}");
        }
    }
}
