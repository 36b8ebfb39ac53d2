//! What the report is called, and the notice that fixes its form.

/// The report's name: every title ends with it.
pub const REPORT_NAME: &str = "政府信息公开工作年度报告";

/// The notice that fixes the form (in force since the 2021 reports).
pub const NOTICE: &str = "国办公开办函〔2021〕30号";

/// The title convention: `{机关名称}{年度}年政府信息公开工作年度报告`, e.g.
/// 阿戛镇人民政府2024年政府信息公开工作年度报告.
pub fn title(organ: &str, year: u16) -> String {
    format!("{organ}{year}年{REPORT_NAME}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_convention_of_format_md() {
        assert_eq!(
            title("阿戛镇人民政府", 2024),
            "阿戛镇人民政府2024年政府信息公开工作年度报告"
        );
    }
}
