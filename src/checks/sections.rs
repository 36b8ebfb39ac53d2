//! `section.empty`: 一 or 五 left without text.

use super::{Finding, Rule, Severity};
use crate::form::Section;
use crate::report::{CellRef, Report};

pub fn check(r: &Report, out: &mut Vec<Finding>) {
    let overview: Vec<_> = std::iter::once(CellRef::OverviewIntro)
        .chain((0..r.overview.parts.len()).map(CellRef::OverviewPart))
        .collect();
    empty(
        r,
        Section::Overview,
        overview,
        &format!(
            "请概述本年度政府信息公开工作的{}",
            Section::Overview.title()
        ),
        out,
    );
    empty(
        r,
        Section::Problems,
        vec![CellRef::Problems],
        "请写明存在的主要问题和改进措施",
        out,
    );
}

fn empty(r: &Report, section: Section, cells: Vec<CellRef>, advice: &str, out: &mut Vec<Finding>) {
    let blank = cells
        .iter()
        .all(|c| r.text(*c).is_none_or(|t| t.trim().is_empty()));
    if blank {
        out.push(Finding {
            id: Rule::SectionEmpty,
            severity: Severity::Warning,
            cells,
            message: format!("{}没有内容：{advice}", section.heading()),
        });
    }
}
