//! Table C — 四、政府信息公开行政复议、行政诉讼情况: three groups of five figures.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AppealGroup {
    Review,
    SuitDirect,
    SuitAfterReview,
}

impl AppealGroup {
    pub const ALL: [AppealGroup; 3] = [
        AppealGroup::Review,
        AppealGroup::SuitDirect,
        AppealGroup::SuitAfterReview,
    ];

    pub fn key(self) -> &'static str {
        match self {
            AppealGroup::Review => "review",
            AppealGroup::SuitDirect => "suit_direct",
            AppealGroup::SuitAfterReview => "suit_after_review",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AppealGroup::Review => "行政复议",
            AppealGroup::SuitDirect => "未经复议直接起诉",
            AppealGroup::SuitAfterReview => "复议后起诉",
        }
    }

    /// "行政复议", "行政诉讼·未经复议直接起诉": with the spanning header, for messages.
    pub fn full_label(self) -> String {
        match self {
            AppealGroup::Review => self.label().to_string(),
            _ => format!("{LAWSUIT}·{}", self.label()),
        }
    }
}

/// The header spanning the two lawsuit groups.
pub const LAWSUIT: &str = "行政诉讼";

/// The top header row: (label, number of figure columns it spans).
pub const APPEALS_HEADING_SPANS: [(&str, usize); 2] = [("行政复议", 5), (LAWSUIT, 10)];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AppealPart {
    Upheld,
    Corrected,
    Other,
    Pending,
    Total,
}

impl AppealPart {
    pub const ALL: [AppealPart; 5] = [
        AppealPart::Upheld,
        AppealPart::Corrected,
        AppealPart::Other,
        AppealPart::Pending,
        AppealPart::Total,
    ];
    /// The four parts that add up to 总计.
    pub const ADDENDS: [AppealPart; 4] = [
        AppealPart::Upheld,
        AppealPart::Corrected,
        AppealPart::Other,
        AppealPart::Pending,
    ];

    pub fn key(self) -> &'static str {
        match self {
            AppealPart::Upheld => "upheld",
            AppealPart::Corrected => "corrected",
            AppealPart::Other => "other",
            AppealPart::Pending => "pending",
            AppealPart::Total => "total",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AppealPart::Upheld => "结果维持",
            AppealPart::Corrected => "结果纠正",
            AppealPart::Other => "其他结果",
            AppealPart::Pending => "尚未审结",
            AppealPart::Total => "总计",
        }
    }
}
