/// The six sections of the report, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Overview,
    Proactive,
    Applications,
    Appeals,
    Problems,
    OtherMatters,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Overview,
        Section::Proactive,
        Section::Applications,
        Section::Appeals,
        Section::Problems,
        Section::OtherMatters,
    ];

    /// The ordinal as printed: 一 … 六.
    pub fn number(self) -> &'static str {
        match self {
            Section::Overview => "一",
            Section::Proactive => "二",
            Section::Applications => "三",
            Section::Appeals => "四",
            Section::Problems => "五",
            Section::OtherMatters => "六",
        }
    }

    /// The ordinal as it opens the heading, and the messages that name the
    /// section's table by it: "三、".
    pub fn ordinal(self) -> &'static str {
        match self {
            Section::Overview => "一、",
            Section::Proactive => "二、",
            Section::Applications => "三、",
            Section::Appeals => "四、",
            Section::Problems => "五、",
            Section::OtherMatters => "六、",
        }
    }

    /// The name of the section's table, as reviewers and messages call it
    /// after its section: 表二, 表三, 表四; `None` for a narrative section.
    pub fn table_name(self) -> Option<&'static str> {
        match self {
            Section::Proactive => Some("表二"),
            Section::Applications => Some("表三"),
            Section::Appeals => Some("表四"),
            _ => None,
        }
    }

    /// The official title without its ordinal.
    pub fn title(self) -> &'static str {
        match self {
            Section::Overview => "总体情况",
            Section::Proactive => "主动公开政府信息情况",
            Section::Applications => "收到和处理政府信息公开申请情况",
            Section::Appeals => "政府信息公开行政复议、行政诉讼情况",
            Section::Problems => "存在的主要问题及改进情况",
            Section::OtherMatters => "其他需要报告的事项",
        }
    }

    /// The heading as printed, e.g. "一、总体情况".
    pub fn heading(self) -> String {
        format!("{}{}", self.ordinal(), self.title())
    }

    /// The heading shortened for a tab where space is short:
    /// "三、依申请公开" for "三、收到和处理政府信息公开申请情况".
    pub fn short_heading(self) -> String {
        let short = match self {
            Section::Overview => "总体情况",
            Section::Proactive => "主动公开",
            Section::Applications => "依申请公开",
            Section::Appeals => "复议诉讼",
            Section::Problems => "问题改进",
            Section::OtherMatters => "其他事项",
        };
        format!("{}{short}", self.ordinal())
    }

    /// The key words by which a heading line is the section's (FORMAT.md,
    /// `structure.sections`): it contains one of them, whatever else it says
    /// ("五、政府信息公开工作存在的主要问题及改进情况").
    pub fn key_words(self) -> &'static [&'static str] {
        match self {
            Section::Overview => &["总体情况"],
            Section::Proactive => &["主动公开"],
            Section::Applications => &["申请"],
            Section::Appeals => &["复议", "诉讼"],
            Section::Problems => &["问题"],
            Section::OtherMatters => &["其他"],
        }
    }
}

/// The five sub-parts of 一、总体情况 that reports conventionally have; a new
/// report starts with them and the organ may rename, add or drop them.
pub const CONVENTIONAL_PARTS: [&str; 5] = [
    "主动公开政府信息情况",
    "依申请公开政府信息情况",
    "政府信息管理",
    "政府信息公开平台建设",
    "监督保障",
];

/// The printed number of the i-th sub-part (0-based): "（一）", "（二）", …
pub fn part_number(i: usize) -> String {
    format!("（{}）", chinese_ordinal(i + 1))
}

fn chinese_ordinal(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_and_table_names_follow_the_numbers() {
        for s in Section::ALL {
            assert_eq!(s.ordinal(), format!("{}、", s.number()));
            if let Some(t) = s.table_name() {
                assert_eq!(t, format!("表{}", s.number()));
            }
        }
        let tables: Vec<_> = Section::ALL.iter().filter_map(|s| s.table_name()).collect();
        assert_eq!(tables, ["表二", "表三", "表四"]);
        assert_eq!(
            Section::Appeals.heading(),
            "四、政府信息公开行政复议、行政诉讼情况"
        );
    }

    #[test]
    fn part_numbers_read_as_printed() {
        assert_eq!(part_number(0), "（一）");
        assert_eq!(part_number(9), "（十）");
        assert_eq!(part_number(10), "（十一）");
        assert_eq!(part_number(20), "（二十一）");
    }
}
