//! What the report is called, the notice that fixes its form, and the
//! regulation it rests on.

/// The report's name: every title ends with it.
pub const REPORT_NAME: &str = "政府信息公开工作年度报告";

/// The notice that fixes the form (in force since the 2021 reports).
pub const NOTICE: &str = "国办公开办函〔2021〕30号";

/// The first year whose reports use [`NOTICE`]'s form.
pub const NOTICE_FIRST_YEAR: u16 = 2021;

/// The regulation the report is made under (articles 49–50).
pub const REGULATION: &str = "中华人民共和国政府信息公开条例";

/// How the regulation as revised in 2019 is cited.
pub const REGULATION_ORDERS: [&str; 2] = ["国令第711号", "国务院令第711号"];

/// How the 2007 regulation, which the 2019 revision replaced, is cited.
pub const REGULATION_ORDERS_2007: [&str; 2] = ["国务院令第492号", "国令第492号"];

/// The year the revised regulation took effect.
pub const REGULATION_REVISED: u16 = 2019;

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
