//! The form's words outside its tables: the title's parts and what each
//! narrative section is expected to say (FORMAT.md, "The six sections").
//! The report's name, its title convention and the notice that fixes the
//! format are in `form::title`.

use super::Section;

/// The title's parts as the convention names them: `{机关名称}{年度}年…`.
pub const ORGAN: &str = "机关名称";
pub const YEAR: &str = "年度";

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
