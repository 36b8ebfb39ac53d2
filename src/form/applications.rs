//! Table B — 三、收到和处理政府信息公开申请情况: 25 rows × 7 columns.

/// The note printed in the table's top-left header cell.
pub const BALANCE_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// The note's opening words, which pages print even where the rest of the
/// note is worded otherwise.
pub const BALANCE_NOTE_SUBJECT: &str = "本列数据的勾稽关系";

/// The spanning header above all columns.
pub const APPLICANT_HEADER: &str = "申请人情况";
/// The header spanning the five organisation columns.
pub const ORGANISATION_HEADER: &str = "法人或其他组织";

/// The seven columns, in the order of the form and of the file format's arrays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AppCol {
    NaturalPerson,
    Commercial,
    Research,
    SocialWelfare,
    LegalServices,
    Other,
    Total,
}

impl AppCol {
    pub const ALL: [AppCol; 7] = [
        AppCol::NaturalPerson,
        AppCol::Commercial,
        AppCol::Research,
        AppCol::SocialWelfare,
        AppCol::LegalServices,
        AppCol::Other,
        AppCol::Total,
    ];
    /// The six applicant columns that add up to 总计.
    pub const APPLICANTS: [AppCol; 6] = [
        AppCol::NaturalPerson,
        AppCol::Commercial,
        AppCol::Research,
        AppCol::SocialWelfare,
        AppCol::LegalServices,
        AppCol::Other,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(i: usize) -> Option<AppCol> {
        AppCol::ALL.get(i).copied()
    }

    pub fn label(self) -> &'static str {
        match self {
            AppCol::NaturalPerson => "自然人",
            AppCol::Commercial => "商业企业",
            AppCol::Research => "科研机构",
            AppCol::SocialWelfare => "社会公益组织",
            AppCol::LegalServices => "法律服务机构",
            AppCol::Other => "其他",
            AppCol::Total => "总计",
        }
    }

    /// Whether the column sits under the 法人或其他组织 header.
    pub fn is_organisation(self) -> bool {
        !matches!(self, AppCol::NaturalPerson | AppCol::Total)
    }
}

/// The outcome groups （一）…（七） of 三、本年度办理结果.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutcomeGroup {
    Denied,
    Unable,
    Rejected,
    OtherHandling,
}

impl OutcomeGroup {
    pub fn label(self) -> &'static str {
        match self {
            OutcomeGroup::Denied => "（三）不予公开",
            OutcomeGroup::Unable => "（四）无法提供",
            OutcomeGroup::Rejected => "（五）不予处理",
            OutcomeGroup::OtherHandling => "（六）其他处理",
        }
    }

    /// The group's ordinal, "（三）".
    pub fn number(self) -> &'static str {
        let l = self.label();
        &l[..l.find('）').map_or(0, |i| i + '）'.len_utf8())]
    }
}

/// How a row's label is printed: the level-1 label (一、… 四、), and for the
/// rows under 三、本年度办理结果 the level-2 group and the row's own label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowLabel {
    /// "一、本年新收政府信息公开申请数量" or "三、本年度办理结果".
    pub top: &'static str,
    /// "（三）不予公开" for the numbered leaf rows under a group.
    pub group: Option<OutcomeGroup>,
    /// "（一）予以公开" or "1.属于国家秘密"; `None` when `top` is the row's label.
    pub leaf: Option<&'static str>,
}

const RESULTS: &str = "三、本年度办理结果";

macro_rules! rows {
    ($( $variant:ident => $key:literal, $top:expr, $group:expr, $leaf:expr; )*) => {
        /// The 25 rows of table B, in form order. `key()` is the file format's key.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum AppRow { $($variant),* }

        impl AppRow {
            pub const ALL: [AppRow; 25] = [$(AppRow::$variant),*];
            /// The file format's keys, in form order.
            pub const KEYS: [&'static str; 25] = [$($key),*];

            pub fn key(self) -> &'static str {
                match self { $(AppRow::$variant => $key),* }
            }

            pub fn label(self) -> RowLabel {
                match self {
                    $(AppRow::$variant => RowLabel { top: $top, group: $group, leaf: $leaf }),*
                }
            }
        }
    };
}

use OutcomeGroup::*;

rows! {
    NewReceived => "new_received", "一、本年新收政府信息公开申请数量", None, None;
    CarriedOver => "carried_over", "二、上年结转政府信息公开申请数量", None, None;
    Granted => "granted", RESULTS, None, Some("（一）予以公开");
    PartiallyGranted => "partially_granted", RESULTS, None,
        Some("（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
    DeniedStateSecret => "denied_state_secret", RESULTS, Some(Denied), Some("1.属于国家秘密");
    DeniedProhibitedByLaw => "denied_prohibited_by_law", RESULTS, Some(Denied),
        Some("2.其他法律行政法规禁止公开");
    DeniedSecurityStability => "denied_security_stability", RESULTS, Some(Denied),
        Some("3.危及“三安全一稳定”");
    DeniedThirdParty => "denied_third_party", RESULTS, Some(Denied), Some("4.保护第三方合法权益");
    DeniedInternalAffairs => "denied_internal_affairs", RESULTS, Some(Denied),
        Some("5.属于三类内部事务信息");
    DeniedProcessInfo => "denied_process_info", RESULTS, Some(Denied), Some("6.属于四类过程性信息");
    DeniedEnforcementFiles => "denied_enforcement_files", RESULTS, Some(Denied),
        Some("7.属于行政执法案卷");
    DeniedInquiry => "denied_inquiry", RESULTS, Some(Denied), Some("8.属于行政查询事项");
    UnableNotHeld => "unable_not_held", RESULTS, Some(Unable), Some("1.本机关不掌握相关政府信息");
    UnableNeedsCreation => "unable_needs_creation", RESULTS, Some(Unable),
        Some("2.没有现成信息需要另行制作");
    UnableUnclear => "unable_unclear", RESULTS, Some(Unable), Some("3.补正后申请内容仍不明确");
    RejectedComplaint => "rejected_complaint", RESULTS, Some(Rejected), Some("1.信访举报投诉类申请");
    RejectedDuplicate => "rejected_duplicate", RESULTS, Some(Rejected), Some("2.重复申请");
    RejectedPublication => "rejected_publication", RESULTS, Some(Rejected),
        Some("3.要求提供公开出版物");
    RejectedExcessive => "rejected_excessive", RESULTS, Some(Rejected),
        Some("4.无正当理由大量反复申请");
    RejectedConfirmation => "rejected_confirmation", RESULTS, Some(Rejected),
        Some("5.要求行政机关确认或重新出具已获取信息");
    OtherNoCorrection => "other_no_correction", RESULTS, Some(OtherHandling),
        Some("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
    OtherNoFee => "other_no_fee", RESULTS, Some(OtherHandling),
        Some("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
    OtherMisc => "other_misc", RESULTS, Some(OtherHandling), Some("3.其他");
    OutcomeTotal => "outcome_total", RESULTS, None, Some("（七）总计");
    CarriedForward => "carried_forward", "四、结转下年度继续办理", None, None;
}

impl AppRow {
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_key(key: &str) -> Option<AppRow> {
        AppRow::ALL.into_iter().find(|r| r.key() == key)
    }

    /// The 21 outcome rows （一）…（六） that add up to （七）总计.
    pub fn outcomes() -> impl Iterator<Item = AppRow> {
        AppRow::ALL
            .into_iter()
            .filter(|r| (AppRow::Granted..=AppRow::OtherMisc).contains(r))
    }

    /// How the header note counts the row's level-1 row: "第一项" … "第四项"
    /// (the rows under 三 are all of 第三项).
    pub fn item(self) -> String {
        let ordinal: String = self.label().top.chars().take(1).collect();
        format!("第{ordinal}项")
    }

    /// The short name messages give the row's level-1 row: 本年新收,
    /// 上年结转, 办理结果, 结转下年度.
    pub fn brief(self) -> &'static str {
        match self {
            AppRow::NewReceived => "本年新收",
            AppRow::CarriedOver => "上年结转",
            AppRow::CarriedForward => "结转下年度",
            _ => "办理结果",
        }
    }

    /// The label as one line, for messages and accessible names:
    /// "一、本年新收政府信息公开申请数量", "三、（三）不予公开 1.属于国家秘密".
    pub fn full_label(self) -> String {
        let l = self.label();
        match (l.group, l.leaf) {
            (_, None) => l.top.to_string(),
            (None, Some(leaf)) => format!("三、{leaf}"),
            (Some(g), Some(leaf)) => format!("三、{} {leaf}", g.label()),
        }
    }

    /// The row's label without its long notes, for listing rows in a message:
    /// "（二）部分公开", "（四）1.本机关不掌握相关政府信息".
    pub fn short_label(self) -> String {
        let l = self.label();
        let leaf = l.leaf.unwrap_or(l.top);
        // Drop a trailing note such as "（区分处理的，只计这一情形，不计其他情形）".
        let leaf = match leaf.rfind('（') {
            Some(i) if i > 0 && leaf.ends_with('）') => &leaf[..i],
            _ => leaf,
        };
        match l.group {
            Some(g) => format!("{}{leaf}", g.number()),
            None => leaf.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_in_form_order_with_unique_keys() {
        let keys: Vec<_> = AppRow::ALL.iter().map(|r| r.key()).collect();
        assert_eq!(keys.first(), Some(&"new_received"));
        assert_eq!(keys.last(), Some(&"carried_forward"));
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 25);
        for (i, r) in AppRow::ALL.iter().enumerate() {
            assert_eq!(r.index(), i);
            assert_eq!(AppRow::from_key(r.key()), Some(*r));
        }
    }

    #[test]
    fn twenty_one_outcome_rows() {
        assert_eq!(AppRow::outcomes().count(), 21);
        assert!(!AppRow::outcomes().any(|r| r == AppRow::OutcomeTotal));
    }

    #[test]
    fn full_labels_follow_the_hierarchy() {
        assert_eq!(
            AppRow::DeniedStateSecret.full_label(),
            "三、（三）不予公开 1.属于国家秘密"
        );
        assert_eq!(AppRow::Granted.full_label(), "三、（一）予以公开");
        assert_eq!(
            AppRow::CarriedForward.full_label(),
            "四、结转下年度继续办理"
        );
        assert_eq!(AppRow::PartiallyGranted.short_label(), "（二）部分公开");
        assert_eq!(AppRow::CarriedOver.item(), "第二项");
        assert_eq!(AppRow::OutcomeTotal.item(), "第三项");
        assert_eq!(AppRow::CarriedForward.item(), "第四项");
        for r in AppRow::ALL {
            assert!(r.label().top.contains(r.brief()), "{r:?}");
        }
        assert!(BALANCE_NOTE.contains(BALANCE_NOTE_SUBJECT));
        for r in [
            AppRow::NewReceived,
            AppRow::CarriedOver,
            AppRow::OutcomeTotal,
            AppRow::CarriedForward,
        ] {
            assert!(BALANCE_NOTE.contains(&r.item()));
        }
        assert_eq!(
            AppRow::UnableNotHeld.short_label(),
            "（四）1.本机关不掌握相关政府信息"
        );
    }
}
