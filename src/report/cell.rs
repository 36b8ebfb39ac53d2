//! Naming one cell or field of a report, as the checks, the CLI and the
//! editor all speak of it.

use std::fmt;

use crate::form::{AppCol, AppRow, AppealGroup, AppealPart, Figure, ProactiveField};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CellRef {
    App(AppRow, AppCol),
    Appeal(AppealGroup, AppealPart),
    ProactiveField(ProactiveField),
    Organ,
    Year,
    Title,
    Preamble,
    OverviewIntro,
    OverviewHeading(usize),
    OverviewPart(usize),
    Problems,
    OtherMatters,
}

impl From<Figure> for CellRef {
    fn from(f: Figure) -> CellRef {
        match f {
            Figure::Proactive(p) => CellRef::ProactiveField(p),
            Figure::App(r, c) => CellRef::App(r, c),
            Figure::Appeal(g, p) => CellRef::Appeal(g, p),
        }
    }
}

impl CellRef {
    /// The table figure this cell is, if it is one.
    pub fn figure(self) -> Option<Figure> {
        match self {
            CellRef::ProactiveField(p) => Some(Figure::Proactive(p)),
            CellRef::App(r, c) => Some(Figure::App(r, c)),
            CellRef::Appeal(g, p) => Some(Figure::Appeal(g, p)),
            _ => None,
        }
    }

    /// The section of the report the cell belongs to (the editor's tab).
    pub fn section(self) -> crate::form::Section {
        use crate::form::Section;
        match self {
            CellRef::ProactiveField(_) => Section::Proactive,
            CellRef::App(..) => Section::Applications,
            CellRef::Appeal(..) => Section::Appeals,
            CellRef::Problems => Section::Problems,
            CellRef::OtherMatters => Section::OtherMatters,
            _ => Section::Overview,
        }
    }

    /// Every cell of table A, B or C that holds a figure, in form order.
    pub fn table_cells() -> impl Iterator<Item = CellRef> {
        let a = ProactiveField::ALL.into_iter().map(CellRef::ProactiveField);
        let b = AppRow::ALL
            .into_iter()
            .flat_map(|r| AppCol::ALL.into_iter().map(move |c| CellRef::App(r, c)));
        let c = AppealGroup::ALL.into_iter().flat_map(|g| {
            AppealPart::ALL
                .into_iter()
                .map(move |p| CellRef::Appeal(g, p))
        });
        a.chain(b).chain(c)
    }

    /// The cell's label as the form prints it, for messages and accessible names:
    /// "一、本年新收政府信息公开申请数量·自然人", "行政复议·总计".
    pub fn label(self) -> String {
        use crate::form::Section;
        match self {
            CellRef::App(r, c) => format!("{}·{}", r.full_label(), c.label()),
            CellRef::Appeal(g, p) => format!("{}·{}", g.full_label(), p.label()),
            CellRef::ProactiveField(f) => f.full_label(),
            CellRef::Organ => "机关名称".into(),
            CellRef::Year => "年度".into(),
            CellRef::Title => "标题".into(),
            CellRef::Preamble => "前言".into(),
            CellRef::OverviewIntro => format!("{}·导语", Section::Overview.heading()),
            CellRef::OverviewHeading(i) => {
                format!(
                    "{}·{}标题",
                    Section::Overview.heading(),
                    crate::form::part_number(i)
                )
            }
            CellRef::OverviewPart(i) => {
                format!(
                    "{}·{}",
                    Section::Overview.heading(),
                    crate::form::part_number(i)
                )
            }
            CellRef::Problems => Section::Problems.heading(),
            CellRef::OtherMatters => Section::OtherMatters.heading(),
        }
    }
}

/// The cell's path in the file format (DESIGN.md): `applications.new_received[0]`.
impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            CellRef::App(r, c) => write!(f, "applications.{}[{}]", r.key(), c.index()),
            CellRef::Appeal(g, p) => write!(f, "appeals.{}.{}", g.key(), p.key()),
            CellRef::ProactiveField(p) => write!(f, "proactive.{}", p.key()),
            CellRef::Organ => f.write_str("organ"),
            CellRef::Year => f.write_str("year"),
            CellRef::Title => f.write_str("title"),
            CellRef::Preamble => f.write_str("preamble"),
            CellRef::OverviewIntro => f.write_str("overview.intro"),
            CellRef::OverviewHeading(i) => write!(f, "overview.parts[{i}].heading"),
            CellRef::OverviewPart(i) => write!(f, "overview.parts[{i}].body"),
            CellRef::Problems => f.write_str("problems"),
            CellRef::OtherMatters => f.write_str("other_matters"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_the_file_format() {
        let c = CellRef::App(AppRow::CarriedForward, AppCol::Total);
        assert_eq!(c.to_string(), "applications.carried_forward[6]");
        assert_eq!(
            CellRef::Appeal(AppealGroup::SuitAfterReview, AppealPart::Pending).to_string(),
            "appeals.suit_after_review.pending"
        );
        assert_eq!(
            CellRef::ProactiveField(ProactiveField::NormativeInForce).to_string(),
            "proactive.normative_documents.in_force"
        );
        assert_eq!(CellRef::table_cells().count(), 10 + 175 + 15);
    }

    #[test]
    fn labels_name_row_and_column() {
        assert_eq!(
            CellRef::App(AppRow::NewReceived, AppCol::NaturalPerson).label(),
            "一、本年新收政府信息公开申请数量·自然人"
        );
    }
}
