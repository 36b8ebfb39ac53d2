//! The rules of FORMAT.md by name: one enum, so that the editor, the CLI and
//! the help compare rules, not strings, and a misspelt id cannot compile.

use std::fmt;

use super::Severity;

macro_rules! rules {
    ($( $(#[$doc:meta])* $variant:ident => $id:literal, $severity:ident; )*) => {
        /// A rule of FORMAT.md; [`Rule::id`] is its id there and in the JSON output.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule { $( $(#[$doc])* $variant ),* }

        impl Rule {
            /// Every rule, in FORMAT.md's order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),*];

            /// The id of FORMAT.md, e.g. `apps.balance`.
            pub fn id(self) -> &'static str {
                match self { $(Rule::$variant => $id),* }
            }

            /// The severity FORMAT.md gives the rule.
            pub fn severity(self) -> Severity {
                match self { $(Rule::$variant => Severity::$severity),* }
            }
        }
    };
}

rules! {
    /// 一 + 二 = 三（七）总计 + 四, per column.
    AppsBalance => "apps.balance", Error;
    /// 总计 = the six applicant columns, per row.
    AppsRowTotal => "apps.row_total", Error;
    /// 三（七）总计 = the 21 outcome rows, per column.
    AppsOutcomeTotal => "apps.outcome_total", Error;
    /// Each group of table C adds up to its 总计.
    AppealsTotal => "appeals.total", Error;
    /// A value no real report can hold.
    ValueInvalid => "value.invalid", Error;
    /// 一 or 五 is empty.
    SectionEmpty => "section.empty", Warning;
    /// 六 says nothing of fees.
    FeeStatement => "fee.statement", Warning;
    /// The narrative says no applications came, the table has some.
    NarrativeApplications => "narrative.applications", Warning;
    /// A section speaks of an earlier year as its subject.
    YearMismatch => "year.mismatch", Warning;
    /// 二、上年结转 differs from last year's 四、结转下年度继续办理.
    CarryPriorYear => "carry.prior_year", Warning;
    /// 现行有效件数 differs from last year's plus 制发 minus 废止.
    ProactiveInForce => "proactive.in_force", Info;
    /// Cells of a fixed table left empty.
    ValueBlank => "value.blank", Warning;
    /// A count in the narrative differs from the table's.
    NarrativeNumbers => "narrative.numbers", Warning;
    /// Fee notices were issued but 六 gives no count or amount.
    FeeNotice => "fee.notice", Warning;
    /// A township reports 规章.
    PlausibilityRules => "plausibility.rules", Info;
    /// A character the embedded fonts cannot draw.
    FontMissingGlyph => "font.missing_glyph", Error;
    /// A count of applications completed, or carried forward, in 一 that
    /// differs from table 三's.
    NarrativeCompleted => "narrative.completed", Warning;
    /// The parts listed after 其中 add up to more than their total.
    NarrativeSum => "narrative.sum", Info;
    /// 一, 五 or 六 is mostly last year's sentences with the years changed.
    NarrativeCopied => "narrative.copied", Warning;
    /// A figure moved more than fivefold from last year's.
    PlausibilityJump => "plausibility.jump", Info;
    /// The basis cites the 2019 format's notice or the 2007 regulation.
    CitationOutdated => "citation.outdated", Warning;
    /// Cells the importer left blank because nothing confirmed a number
    /// (a published source only; the importer raises it).
    ImportUnplaced => "import.unplaced", Info;
    /// A national section heading not found, or the six out of order (a
    /// published source only; the importer raises it).
    StructureSections => "structure.sections", Warning;
}

impl Rule {
    /// The rule with FORMAT.md's id `id`.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.id() == id)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Tests and callers holding an id from a file or a command line compare it
/// with a rule directly.
impl PartialEq<&str> for Rule {
    fn eq(&self, other: &&str) -> bool {
        self.id() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_read_back() {
        for (i, r) in Rule::ALL.iter().enumerate() {
            assert_eq!(Rule::from_id(r.id()), Some(*r));
            assert!(Rule::ALL[..i].iter().all(|o| o.id() != r.id()), "{r}");
        }
        assert_eq!(Rule::from_id("apps.balanse"), None);
        assert_eq!(Rule::AppsBalance.to_string(), "apps.balance");
        assert_eq!(Rule::ProactiveInForce.severity(), Severity::Info);
    }
}
