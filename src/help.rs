//! What each rule means, for a clerk: one text (`assets/help/rules.md`),
//! shown by `nianbao check --explain RULE` and by the editor's help, and for
//! each rule a small example that raises it — a report, or for the rules the
//! importer raises a published text — the tests run every example through
//! the checks, so an explanation cannot drift from its rule.

use crate::assets;
use crate::checks::{self, Finding, Rule};
use crate::form::{AppCol, AppRow, AppealGroup, AppealPart, ProactiveField};
use crate::import;
use crate::report::{CellRef, Report};

/// One rule explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub rule: Rule,
    /// One line: what is wrong when the rule fires.
    pub title: String,
    /// What the rule checks.
    pub what: String,
    /// A small case that raises it (the same case [`example`] builds).
    pub example: String,
    /// How to put it right.
    pub fix: String,
}

impl Explanation {
    /// As `check --explain` prints it.
    pub fn to_text(&self) -> String {
        format!(
            "{}（{}，{}）\n\n说明：{}\n\n示例：{}\n\n修改：{}\n",
            self.title,
            self.rule.id(),
            self.rule.severity().label(),
            self.what,
            self.example,
            self.fix
        )
    }
}

/// The explanation of `rule`. Every rule has one (a test holds it).
pub fn explain(rule: Rule) -> Option<Explanation> {
    explanations().into_iter().find(|e| e.rule == rule)
}

/// Every explanation in the help text, in its order.
pub fn explanations() -> Vec<Explanation> {
    parse(&assets::help_rules())
}

/// The user's guide and rules as one text, for the editor's 使用说明.
pub fn rules_text() -> String {
    assets::help_rules()
}

fn parse(text: &str) -> Vec<Explanation> {
    let mut out = Vec::new();
    for section in text.split("\n## ").skip(1) {
        let mut lines = section.lines();
        let Some(rule) = lines.next().and_then(|id| Rule::from_id(id.trim())) else {
            continue;
        };
        let field = |prefix: &str| {
            section
                .lines()
                .find_map(|l| l.strip_prefix(prefix))
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        out.push(Explanation {
            rule,
            title: field("标题："),
            what: field("说明："),
            example: field("示例："),
            fix: field("修改："),
        });
    }
    out
}

/// What raises a rule: a report (and last year's, for the rules that compare
/// years) — the embedded sample, which raises nothing, changed as the
/// explanation's example says — or, for the rules the importer raises, a
/// small published text (`assets/help/examples/`), imported and then checked.
pub enum Example {
    Report {
        report: Box<Report>,
        prior: Option<Box<Report>>,
    },
    /// The text of a published report, as a clerk copies it from the page.
    Published(String),
}

impl Example {
    /// The findings the example raises: the checks' — for a published text,
    /// with the importer's. `Err` with the importer's message for a text it
    /// cannot import (a test holds that none is).
    pub fn findings(&self, covers: &dyn Fn(char) -> bool) -> Result<Vec<Finding>, String> {
        match self {
            Example::Report { report, prior } => Ok(checks::run(report, prior.as_deref(), covers)),
            Example::Published(text) => {
                let i = import::import_bytes(text.as_bytes(), None).map_err(|e| e.to_string())?;
                Ok(checks::run_read(
                    &i.report,
                    None,
                    covers,
                    Some(&i.summary.reading()),
                ))
            }
        }
    }
}

/// The published text every importer rule's example changes: it imports
/// whole and raises nothing.
pub fn published_base() -> String {
    assets::help_example("clean").expect("the base example is embedded at build time")
}

/// The example of `rule`'s explanation.
pub fn example(rule: Rule) -> Example {
    // The rules the importer raises: a published text named after the rule.
    if let Some(text) = assets::help_example(rule.id()) {
        return Example::Published(text);
    }
    let mut r = assets::sample();
    let mut prior = None;
    let set = |r: &mut Report, cell: CellRef, v: u64| {
        if let Some(slot) = r.count_mut(cell) {
            *slot = Some(v);
        }
    };
    let app = |row, col| CellRef::App(row, col);
    use AppCol::{Commercial, NaturalPerson, Total};
    use AppRow::*;
    match rule {
        Rule::AppsBalance => {
            for (row, v) in [(NewReceived, 3), (Granted, 2), (OutcomeTotal, 2)] {
                set(&mut r, app(row, NaturalPerson), v);
                set(&mut r, app(row, Total), v);
            }
        }
        Rule::AppsRowTotal => {
            set(&mut r, app(Granted, NaturalPerson), 2);
            set(&mut r, app(Granted, Commercial), 1);
            set(&mut r, app(Granted, Total), 2);
        }
        Rule::AppsOutcomeTotal => {
            set(&mut r, app(Granted, NaturalPerson), 2);
            set(&mut r, app(UnableNotHeld, NaturalPerson), 1);
            set(&mut r, app(OutcomeTotal, NaturalPerson), 2);
        }
        Rule::AppealsTotal => {
            let review = |p| CellRef::Appeal(AppealGroup::Review, p);
            set(&mut r, review(AppealPart::Upheld), 10);
            set(&mut r, review(AppealPart::Corrected), 1);
            set(&mut r, review(AppealPart::Total), 0);
        }
        Rule::ValueInvalid => r.proactive.fees_wan_yuan = "约5万".into(),
        Rule::SectionEmpty => r.problems.clear(),
        Rule::FeeStatement => r.other_matters = "无其他事项。".into(),
        Rule::NarrativeApplications => {
            r.overview.intro = "本年度未收到政府信息公开申请。".into();
            for (row, v) in [(NewReceived, 2), (Granted, 2), (OutcomeTotal, 2)] {
                set(&mut r, app(row, NaturalPerson), v);
                set(&mut r, app(row, Total), v);
            }
        }
        Rule::YearMismatch => {
            r.overview.intro = format!("{}年，我镇坚持依法公开。", r.year - 1);
        }
        Rule::CarryPriorYear => {
            let mut p = assets::sample();
            p.year -= 1;
            set(&mut p, app(CarriedForward, NaturalPerson), 1);
            set(&mut p, app(CarriedForward, Total), 1);
            prior = Some(p);
        }
        Rule::ProactiveInForce => {
            let mut p = assets::sample();
            p.year -= 1;
            set(
                &mut p,
                CellRef::ProactiveField(ProactiveField::NormativeInForce),
                10,
            );
            prior = Some(p);
            for (f, v) in [
                (ProactiveField::NormativeIssued, 2),
                (ProactiveField::NormativeRepealed, 1),
                (ProactiveField::NormativeInForce, 12),
            ] {
                set(&mut r, CellRef::ProactiveField(f), v);
            }
        }
        Rule::ValueBlank => {
            if let Some(slot) =
                r.count_mut(CellRef::Appeal(AppealGroup::Review, AppealPart::Pending))
            {
                *slot = None;
            }
        }
        Rule::NarrativeNumbers => {
            r.overview.intro = "全年共收到政府信息公开申请5件。".into();
            for (row, v) in [(NewReceived, 3), (Granted, 3), (OutcomeTotal, 3)] {
                set(&mut r, app(row, NaturalPerson), v);
                set(&mut r, app(row, Total), v);
            }
        }
        Rule::FeeNotice => {
            for (row, v) in [(NewReceived, 1), (OtherNoFee, 1), (OutcomeTotal, 1)] {
                set(&mut r, app(row, NaturalPerson), v);
                set(&mut r, app(row, Total), v);
            }
            r.other_matters = "本年度未收取信息处理费。".into();
        }
        Rule::PlausibilityRules => {
            set(
                &mut r,
                CellRef::ProactiveField(ProactiveField::RulesInForce),
                6,
            );
        }
        Rule::FontMissingGlyph => r.organ.push('\u{E000}'),
        Rule::NarrativeCompleted => {
            for (row, v) in [(NewReceived, 3), (Granted, 3), (OutcomeTotal, 3)] {
                set(&mut r, app(row, NaturalPerson), v);
                set(&mut r, app(row, Total), v);
            }
            r.overview.parts[1].body =
                "全年共收到政府信息公开申请3件，已办结2件，均在法定期限内予以答复。".into();
        }
        Rule::NarrativeSum => {
            r.overview.intro = "全年共发布政府信息30条，其中工作动态20条、通知公告15条。".into();
        }
        Rule::NarrativeCopied => {
            // Last year's report said the same, of its own year.
            let mut p = assets::sample();
            p.year -= 1;
            let (this, last) = (format!("{}年", r.year), format!("{}年", p.year));
            for part in &mut p.overview.parts {
                part.body = part.body.replace(&this, &last);
            }
            p.problems = p.problems.replace(&this, &last);
            prior = Some(p);
        }
        Rule::PlausibilityJump => {
            let licensing = CellRef::ProactiveField(ProactiveField::Licensing);
            let mut p = assets::sample();
            p.year -= 1;
            set(&mut p, licensing, 3);
            prior = Some(p);
            set(&mut r, licensing, 40);
        }
        Rule::CitationOutdated => {
            r.preamble = "根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求，编制本报告。".into();
        }
        // Published texts, above.
        Rule::ImportUnplaced | Rule::StructureSections => {}
    }
    Example::Report {
        report: Box::new(r),
        prior: prior.map(Box::new),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_explained_once_with_every_part() {
        let all = explanations();
        for rule in Rule::ALL {
            let found: Vec<_> = all.iter().filter(|e| e.rule == *rule).collect();
            assert_eq!(found.len(), 1, "{rule}");
            let e = found[0];
            for (part, text) in [
                ("标题", &e.title),
                ("说明", &e.what),
                ("示例", &e.example),
                ("修改", &e.fix),
            ] {
                assert!(text.chars().count() >= 4, "{rule}: {part} missing");
            }
        }
        assert_eq!(all.len(), Rule::ALL.len());
    }

    #[test]
    fn the_text_names_the_rule_and_its_severity() {
        let t = explain(Rule::AppsBalance).unwrap().to_text();
        assert!(
            t.starts_with("表三各列收支不平衡（apps.balance，错误）\n"),
            "{t}"
        );
        assert!(t.contains("\n示例：自然人列本年新收3件"), "{t}");
    }
}
