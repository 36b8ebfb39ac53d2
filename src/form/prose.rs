//! The form's words outside its tables: what the report is called, its
//! title convention, the notice that fixes the format, and what each
//! narrative section is expected to say (FORMAT.md, "The six sections").

use super::Section;

/// What the report is called, after the organ and the year.
pub const REPORT_NAME: &str = "政府信息公开工作年度报告";

/// The notice that fixes the format in force since the 2021 reports.
pub const FORMAT_NOTICE: &str = "国办公开办函〔2021〕30号";

/// The title's parts as the convention names them: `{机关名称}{年度}年…`.
pub const ORGAN: &str = "机关名称";
pub const YEAR: &str = "年度";

/// The title a report has unless the organ writes its own:
/// `{机关名称}{年度}年政府信息公开工作年度报告`.
pub fn conventional_title(organ: &str, year: u16) -> String {
    format!("{organ}{year}年{REPORT_NAME}")
}

/// What a narrative section (or 一's lead paragraph) is expected to say, as a
/// hint for an empty field; `None` for the sections that are tables.
pub fn guidance(section: Section) -> Option<&'static str> {
    match section {
        Section::Overview => Some("概述本年度政府信息公开工作的总体情况"),
        Section::Problems => Some("先写存在的主要问题，再写改进措施"),
        Section::OtherMatters => Some(
            "须写明信息处理费的收取情况，例如“本年度未收取信息处理费”；以及年度政务公开工作要点落实情况等",
        ),
        Section::Proactive | Section::Applications | Section::Appeals => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_conventional_title_reads_as_printed() {
        assert_eq!(
            conventional_title("阿戛镇人民政府", 2024),
            "阿戛镇人民政府2024年政府信息公开工作年度报告"
        );
    }

    #[test]
    fn only_the_narrative_sections_have_guidance() {
        for s in Section::ALL {
            let narrative = matches!(
                s,
                Section::Overview | Section::Problems | Section::OtherMatters
            );
            assert_eq!(guidance(s).is_some(), narrative, "{s:?}");
        }
        // 六 must state the 信息处理费 (FORMAT.md; the rule fee.statement).
        assert!(guidance(Section::OtherMatters).is_some_and(|g| g.contains("处理费")));
    }
}
