//! The report as plain data: what one organ reports for one year.
//!
//! No UI and no I/O here. The serde representation *is* the file format of
//! DESIGN.md (`store` adds only reading and writing); blank cells are `None`,
//! never zero, so that the checks can tell "not filled" from "nothing happened".

mod appeals;
mod applications;
pub mod autosum;
mod cell;
mod next_year;
mod proactive;
mod schema;

use serde::{Deserialize, Serialize};

use crate::form;

pub use appeals::{AppealFigures, Appeals};
pub use applications::Applications;
pub use cell::CellRef;
pub use next_year::next_year;
pub use proactive::{DocCounts, Proactive, is_decimal};
pub use schema::{SCHEMA, Schema};

/// A count as stored: `None` = not filled in.
pub type Count = Option<u64>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub schema: Schema,
    pub organ: String,
    pub year: u16,
    /// Empty means the conventional title (see [`Report::display_title`]).
    pub title: String,
    pub preamble: String,
    /// Path of last year's report, relative to this file; empty when none.
    pub prior: String,
    pub overview: Overview,
    pub proactive: Proactive,
    pub applications: Applications,
    pub appeals: Appeals,
    pub problems: String,
    pub other_matters: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overview {
    pub intro: String,
    pub parts: Vec<Part>,
}

/// A sub-part of 一、总体情况: its heading without the （一） number, which is
/// generated from its position.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub heading: String,
    pub body: String,
}

impl Report {
    /// A blank report for an organ and year: the five conventional parts of 一,
    /// every table cell blank.
    pub fn new(organ: &str, year: u16) -> Report {
        Report {
            schema: Schema,
            organ: organ.to_string(),
            year,
            title: String::new(),
            preamble: String::new(),
            prior: String::new(),
            overview: Overview {
                intro: String::new(),
                parts: form::CONVENTIONAL_PARTS
                    .iter()
                    .map(|h| Part {
                        heading: h.to_string(),
                        body: String::new(),
                    })
                    .collect(),
            },
            proactive: Proactive::default(),
            applications: Applications::default(),
            appeals: Appeals::default(),
            problems: String::new(),
            other_matters: String::new(),
        }
    }

    /// The title as printed: the clerk's own, or `{机关名称}{年度}年政府信息公开工作年度报告`.
    pub fn display_title(&self) -> String {
        if self.title.trim().is_empty() {
            form::title(&self.organ, self.year)
        } else {
            self.title.clone()
        }
    }

    /// The text of a narrative field, for the checks and the faces.
    pub fn text(&self, cell: CellRef) -> Option<&str> {
        Some(match cell {
            CellRef::Organ => &self.organ,
            CellRef::Title => &self.title,
            CellRef::Preamble => &self.preamble,
            CellRef::OverviewIntro => &self.overview.intro,
            CellRef::OverviewHeading(i) => &self.overview.parts.get(i)?.heading,
            CellRef::OverviewPart(i) => &self.overview.parts.get(i)?.body,
            CellRef::Problems => &self.problems,
            CellRef::OtherMatters => &self.other_matters,
            CellRef::ProactiveField(form::ProactiveField::Fees) => &self.proactive.fees_wan_yuan,
            _ => return None,
        })
    }

    /// Every free-text field with its cell, in reading order.
    pub fn texts(&self) -> Vec<(CellRef, &str)> {
        let mut out = vec![
            (CellRef::Organ, self.organ.as_str()),
            (CellRef::Title, self.title.as_str()),
            (CellRef::Preamble, self.preamble.as_str()),
            (CellRef::OverviewIntro, self.overview.intro.as_str()),
        ];
        for (i, p) in self.overview.parts.iter().enumerate() {
            out.push((CellRef::OverviewHeading(i), p.heading.as_str()));
            out.push((CellRef::OverviewPart(i), p.body.as_str()));
        }
        out.push((CellRef::Problems, self.problems.as_str()));
        out.push((CellRef::OtherMatters, self.other_matters.as_str()));
        out
    }

    /// A count cell's value; `None` for a blank cell or for a cell that is not a count.
    pub fn count(&self, cell: CellRef) -> Count {
        match cell {
            CellRef::App(r, c) => self.applications.get(r, c),
            CellRef::Appeal(g, p) => self.appeals.get(g, p),
            CellRef::ProactiveField(f) => self.proactive.count(f),
            _ => None,
        }
    }

    /// A table cell as written on the page: a count in digits, the fee as its
    /// decimal string, a blank cell empty. Every face (grid, PDF, web page) shows this.
    pub fn figure_text(&self, cell: CellRef) -> String {
        if cell == CellRef::ProactiveField(form::ProactiveField::Fees) {
            return self.proactive.fees_wan_yuan.clone();
        }
        self.count(cell).map(|v| v.to_string()).unwrap_or_default()
    }

    /// A count cell to write into; `None` when the cell holds no count.
    pub fn count_mut(&mut self, cell: CellRef) -> Option<&mut Count> {
        match cell {
            CellRef::App(r, c) => Some(self.applications.get_mut(r, c)),
            CellRef::Appeal(g, p) => Some(self.appeals.get_mut(g, p)),
            CellRef::ProactiveField(f) => self.proactive.count_mut(f),
            _ => None,
        }
    }
}

/// Deserialize a field that must be present even though it may be `null`:
/// serde would otherwise read a missing `Option` key as `None`, and DESIGN.md
/// says a file with missing keys does not load.
pub(crate) fn required<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d)
}
