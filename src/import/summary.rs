//! What an import did, for the user: on stderr for the CLI, in a dialog in the
//! editor. Every line is Chinese and says what to do about what was not read.
//!
//! Every cell of the three tables ends in one of three states, and the
//! summary keeps which: a figure confirmed by its label and place, by a sum of
//! the form or by the narrative; a cell the page leaves blank; or a cell left
//! blank because nothing confirmed a number for it (`import.unplaced`, with
//! its reason — never a guess).

use crate::checks::{Finding, Reading, Rule};
use crate::form::{self, AppCol, AppRow, AppealGroup, AppealPart, ProactiveField, Section};
use crate::report::CellRef;

/// What became of each cell, kept by the cell's place among the tables'
/// cells: the importer asks about every cell of every page, and as a
/// `BTreeMap` the asking was a twentieth of a batch check's work.
#[derive(Clone, Debug, Default)]
pub struct CellStates {
    /// By `slot`; empty until the first cell is set.
    tables: Vec<Option<CellState>>,
    /// Any other cell (none so far), in the order first set.
    others: Vec<(CellRef, CellState)>,
}

/// How many cells the three tables have.
const TABLE_CELLS: usize = ProactiveField::ALL.len()
    + AppRow::ALL.len() * AppCol::ALL.len()
    + AppealGroup::ALL.len() * AppealPart::ALL.len();

/// A table cell's place in `CellRef::table_cells()` (a test holds the two
/// to the same order).
fn slot(cell: CellRef) -> Option<usize> {
    let a = ProactiveField::ALL.len();
    let b = AppRow::ALL.len() * AppCol::ALL.len();
    match cell {
        CellRef::ProactiveField(f) => Some(f as usize),
        CellRef::App(r, c) => Some(a + r.index() * AppCol::ALL.len() + c.index()),
        CellRef::Appeal(g, p) => Some(a + b + g as usize * AppealPart::ALL.len() + p as usize),
        _ => None,
    }
}

impl CellStates {
    fn set(&mut self, cell: CellRef, state: CellState) {
        match slot(cell) {
            Some(i) => {
                if self.tables.is_empty() {
                    self.tables = vec![None; TABLE_CELLS];
                }
                self.tables[i] = Some(state);
            }
            None => match self.others.iter_mut().find(|(c, _)| *c == cell) {
                Some(known) => known.1 = state,
                None => self.others.push((cell, state)),
            },
        }
    }

    pub fn get(&self, cell: CellRef) -> Option<CellState> {
        match slot(cell) {
            Some(i) => self.tables.get(i).copied().flatten(),
            None => self
                .others
                .iter()
                .find(|(c, _)| *c == cell)
                .map(|(_, s)| *s),
        }
    }

    /// Every cell set, the tables' in form order.
    pub fn iter(&self) -> impl Iterator<Item = (CellRef, CellState)> + '_ {
        CellRef::table_cells()
            .zip(&self.tables)
            .filter_map(|(c, s)| s.map(|s| (c, s)))
            .chain(self.others.iter().copied())
    }
}

/// Which national form the page follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FormEdition {
    /// 国办公开办函〔2021〕30号, in force since the 2021 reports.
    #[default]
    Y2021,
    /// 国办公开办函〔2019〕60号, used for the 2019 and 2020 reports.
    Y2019,
}

impl FormEdition {
    pub fn label(self) -> String {
        match self {
            FormEdition::Y2021 => format!("2021年格式（{}）", form::NOTICE),
            FormEdition::Y2019 => format!("2019年格式（{}）", form::format2019::NOTICE),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SourceKind {
    #[default]
    Text,
    Html,
    /// A Word document (.docx).
    Docx,
    /// A PDF's text layer.
    Pdf,
}

/// What confirmed a figure: nothing else puts a number in a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Its row's label and its place in the row (between borders, or the only
    /// way to read the row's digits).
    Position,
    /// The form's sum relations: the only reading under which the published
    /// sums hold gives it.
    Sum,
    /// A number the narrative states ("本年制发77件").
    Narrative,
    /// FORMAT.md's convention for （六）其他处理 printed as one row: its two
    /// sub-rows the page does not print hold 0 beside the row's figure.
    Convention,
}

/// What became of one cell of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellState {
    Read(Basis),
    /// The page leaves it blank ("", "/", "-").
    Blank,
    /// Left blank because nothing confirmed a number; the index of its reason
    /// in [`ImportSummary::unplaced`].
    Unplaced(usize),
}

/// One table's cells, counted by what became of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Figures placed for certain (by label and place, by a sum or by the narrative).
    pub read: usize,
    /// Of those, decided by a sum of the form.
    pub by_sum: usize,
    /// Of those, decided by a number the narrative states.
    pub by_narrative: usize,
    /// Cells the page leaves blank.
    pub blank: usize,
    /// Cells left blank because nothing confirmed a number.
    pub unplaced: usize,
}

/// Cells left blank because nothing confirmed a number for them, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unplaced {
    pub cells: Vec<CellRef>,
    /// "表三“（一）予以公开”的数字“220000325”可以拆成2种…", in Chinese.
    pub reason: String,
}

/// The six headings as FORMAT.md defines them (`structure.sections`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Structure {
    /// Sections whose heading the text lacks.
    pub missing: Vec<Section>,
    /// Sections whose heading comes only before the heading of a section
    /// that precedes it in the form.
    pub out_of_order: Vec<Section>,
}

#[derive(Clone, Debug, Default)]
pub struct ImportSummary {
    pub source: SourceKind,
    /// "UTF-8", "GBK/GB18030", …
    pub encoding: &'static str,
    /// `None` when no table told which form the page follows.
    pub edition: Option<FormEdition>,
    pub organ_found: bool,
    pub year_found: bool,
    /// Headings 一…六 found in the text.
    pub sections_found: Vec<Section>,
    /// Tables found: `Section::Proactive`, `Applications`, `Appeals`.
    pub tables_found: Vec<Section>,
    /// Every cell of the three tables and what became of it.
    pub cells: CellStates,
    /// Cells left blank because nothing confirmed a number, with the reason.
    pub unplaced: Vec<Unplaced>,
    /// Rows of the form not found in a table that was found: "表三：6.属于四类过程性信息…".
    pub rows_missing: Vec<String>,
    /// Figures decided by a sum or by the narrative: "label：raw → a|b|c（how）".
    pub decided: Vec<String>,
    /// Rows or text the importer did not recognise (a provincial extra row, a note).
    pub unrecognised: Vec<String>,
    /// Labels recognised despite a typo: "“其他法律行政止公开”按“…”读取".
    pub approximate_labels: Vec<String>,
    /// Anything else the user should know (the 2019 mapping, （六） as one row).
    pub notes: Vec<String>,
    /// （六）其他处理 was printed as one row.
    pub other_as_one_row: bool,
    /// The text follows none of the national structure (no heading, no table).
    pub not_national: bool,
    /// The six headings as FORMAT.md defines them.
    pub structure: Structure,
}

/// The tables, in form order.
const TABLES: [Section; 3] = [Section::Proactive, Section::Applications, Section::Appeals];

/// "表三", as the summary names a table.
pub fn table_name(table: Section) -> &'static str {
    table.table_name().unwrap_or_default()
}

impl ImportSummary {
    /// A figure was placed in `cell`, confirmed by `basis`.
    pub(super) fn read_cell(&mut self, cell: CellRef, basis: Basis) {
        self.cells.set(cell, CellState::Read(basis));
    }

    /// The page leaves `cell` blank.
    pub(super) fn blank_cell(&mut self, cell: CellRef) {
        self.cells.set(cell, CellState::Blank);
    }

    /// `cells` are left blank because nothing confirmed a number: `reason`.
    pub(super) fn unplace(&mut self, cells: Vec<CellRef>, reason: String) {
        if cells.is_empty() {
            return;
        }
        let i = self.unplaced.len();
        for c in &cells {
            self.cells.set(*c, CellState::Unplaced(i));
        }
        self.unplaced.push(Unplaced { cells, reason });
    }

    /// What became of `cell`; `None` only while importing.
    pub fn state(&self, cell: CellRef) -> Option<CellState> {
        self.cells.get(cell)
    }

    /// The cells left blank because nothing confirmed a number.
    pub fn unplaced_cells(&self) -> Vec<CellRef> {
        self.unplaced.iter().flat_map(|u| u.cells.clone()).collect()
    }

    /// `table`'s cells, counted by what became of them.
    pub fn tally(&self, table: Section) -> Tally {
        let mut t = Tally::default();
        for (cell, state) in self.cells.iter() {
            if cell.section() != table {
                continue;
            }
            match state {
                CellState::Read(basis) => {
                    t.read += 1;
                    match basis {
                        Basis::Position | Basis::Convention => {}
                        Basis::Sum => t.by_sum += 1,
                        Basis::Narrative => t.by_narrative += 1,
                    }
                }
                CellState::Blank => t.blank += 1,
                CellState::Unplaced(_) => t.unplaced += 1,
            }
        }
        t
    }

    /// Sections of the national structure the page lacks.
    pub fn sections_missing(&self) -> Vec<Section> {
        Section::ALL
            .into_iter()
            .filter(|s| !self.sections_found.contains(s) && !self.tables_found.contains(s))
            .collect()
    }

    /// Whether everything of the national form was found and read.
    pub fn is_complete(&self) -> bool {
        !self.not_national
            && self.sections_missing().is_empty()
            && self.tables_found.len() == 3
            && self.rows_missing.is_empty()
    }

    /// The summary as lines of Chinese text.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        match self.source {
            SourceKind::Text => out.push(format!("来源：文本，编码 {}", self.encoding)),
            SourceKind::Html => out.push(format!("来源：网页，编码 {}", self.encoding)),
            SourceKind::Docx => out.push(format!("来源：Word 文档，编码 {}", self.encoding)),
            SourceKind::Pdf => out.push("来源：PDF 文件（读取其中的文字层）".into()),
        }
        match self.edition {
            Some(e) => out.push(format!("格式：{}", e.label())),
            None => out.push("格式：未能判断（没有找到统计表格）".into()),
        }
        let tables: Vec<_> = self
            .tables_found
            .iter()
            .filter_map(|s| s.table_name())
            .collect();
        // All tables at a glance: figures read, cells the page leaves blank.
        let (read, blank) = TABLES
            .iter()
            .map(|t| self.tally(*t))
            .fold((0, 0), |(r, b), t| (r + t.read, b + t.blank));
        out.push(format!(
            "找到表格：{}；读到数字{read}格，空格{blank}格",
            if tables.is_empty() {
                "无".to_string()
            } else {
                tables.join("、")
            }
        ));
        for table in TABLES {
            if self.tables_found.contains(&table) {
                out.push(self.tally_line(table));
            }
        }
        out.extend(self.gaps());
        for r in &self.decided {
            out.push(format!("按合计关系或正文确定：{r}"));
        }
        for r in &self.approximate_labels {
            out.push(format!("标签有出入，按近似标签读取：{r}"));
        }
        out.extend(self.notes.iter().cloned());
        out
    }

    /// "表三：读到175格（其中14格按合计关系确定），原表空白0格，无法确定、已留空0格".
    fn tally_line(&self, table: Section) -> String {
        let t = self.tally(table);
        let mut how = Vec::new();
        if t.by_sum > 0 {
            how.push(format!("{}格按合计关系确定", t.by_sum));
        }
        if t.by_narrative > 0 {
            how.push(format!("{}格按正文所述数字确定", t.by_narrative));
        }
        let how = if how.is_empty() {
            String::new()
        } else {
            format!("（其中{}）", how.join("，"))
        };
        format!(
            "{}：读到数字{}格{how}，原表空白{}格，无法确定、已留空{}格",
            table_name(table),
            t.read,
            t.blank,
            t.unplaced
        )
    }

    /// What the import could not read: missing parts, blanks left for the
    /// user, text not recognised. Empty for a complete, clean import.
    pub fn gaps(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.not_national {
            out.push(format!(
                "未按全国统一格式：没有找到“{first}”至“{}”的标题，也没有找到统计表格；正文已全部放入“{first}”，请在编辑器中整理",
                Section::OtherMatters.heading(),
                first = Section::Overview.heading(),
            ));
        }
        let missing = self.sections_missing();
        if !missing.is_empty() && !self.not_national {
            let names: Vec<_> = missing.iter().map(|s| s.heading()).collect();
            out.push(format!(
                "内容不完整（页面可能只复制了一部分）：没有找到{}",
                names.join("、")
            ));
        }
        for r in &self.rows_missing {
            out.push(format!("缺少的行：{r}"));
        }
        if !self.organ_found {
            out.push("没有找到机关名称：请在编辑器中填写".into());
        }
        if !self.year_found {
            out.push("没有找到报告年度：请在编辑器中填写".into());
        }
        for u in &self.unplaced {
            out.push(format!("无法确定、已留空（请对照原文填写）：{}", u.reason));
        }
        for r in &self.unrecognised {
            out.push(format!("未识别、未导入：{r}"));
        }
        out
    }

    /// What the reading of the page adds to the checks: the findings only
    /// the importer can make (`import.unplaced`, `structure.sections`) and
    /// the cells it left blank, which `value.blank` must not list — the
    /// publisher did not leave them blank, we could not read them.
    pub fn reading(&self) -> Reading {
        let mut findings: Vec<Finding> = self
            .unplaced
            .iter()
            .map(|u| Finding {
                id: Rule::ImportUnplaced,
                severity: Rule::ImportUnplaced.severity(),
                cells: u.cells.clone(),
                message: format!("导入时无法确定，已留空：{}；请对照原文填写", u.reason),
            })
            .collect();
        findings.extend(self.structure_findings());
        Reading {
            findings,
            unplaced: self.unplaced_cells(),
        }
    }

    /// `structure.sections`: headings not found, and headings out of order.
    fn structure_findings(&self) -> Vec<Finding> {
        let s = &self.structure;
        let mut out = Vec::new();
        let say = |sections: &[Section]| {
            sections
                .iter()
                .map(|s| format!("“{}”", s.heading()))
                .collect::<Vec<_>>()
                .join("、")
        };
        let rule = format!(
            "全国统一格式的六个部分应依次以“{}”至“{}”开头的标题行分开",
            Section::Overview.ordinal(),
            Section::OtherMatters.ordinal()
        );
        if !s.missing.is_empty() {
            out.push(Finding {
                id: Rule::StructureSections,
                severity: Rule::StructureSections.severity(),
                cells: s.missing.iter().map(|s| section_cell(*s)).collect(),
                message: format!("没有找到{}的标题：{rule}", say(&s.missing)),
            });
        }
        if !s.out_of_order.is_empty() {
            out.push(Finding {
                id: Rule::StructureSections,
                severity: Rule::StructureSections.severity(),
                cells: s.out_of_order.iter().map(|s| section_cell(*s)).collect(),
                message: format!("{}的标题顺序不对：{rule}", say(&s.out_of_order)),
            });
        }
        out
    }
}

/// The cell a finding about a section's heading points at: its text, or its
/// table's first cell.
fn section_cell(s: Section) -> CellRef {
    use crate::form::{AppCol, AppRow, AppealGroup, AppealPart, ProactiveField};
    match s {
        Section::Overview => CellRef::OverviewIntro,
        Section::Proactive => CellRef::ProactiveField(ProactiveField::ALL[0]),
        Section::Applications => CellRef::App(AppRow::ALL[0], AppCol::ALL[0]),
        Section::Appeals => CellRef::Appeal(AppealGroup::ALL[0], AppealPart::ALL[0]),
        Section::Problems => CellRef::Problems,
        Section::OtherMatters => CellRef::OtherMatters,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_cell_has_its_own_slot_in_form_order() {
        let cells: Vec<CellRef> = CellRef::table_cells().collect();
        assert_eq!(cells.len(), TABLE_CELLS);
        for (i, c) in cells.iter().enumerate() {
            assert_eq!(slot(*c), Some(i), "{c:?}");
        }
        assert_eq!(slot(CellRef::Organ), None);
    }

    #[test]
    fn a_cell_keeps_the_last_state_set() {
        let mut states = CellStates::default();
        let cell = CellRef::App(AppRow::ALL[3], AppCol::ALL[6]);
        assert_eq!(states.get(cell), None);
        states.set(cell, CellState::Blank);
        states.set(cell, CellState::Unplaced(2));
        states.set(CellRef::Organ, CellState::Blank);
        assert_eq!(states.get(cell), Some(CellState::Unplaced(2)));
        assert_eq!(states.get(CellRef::Organ), Some(CellState::Blank));
        assert_eq!(
            states.iter().collect::<Vec<_>>(),
            [
                (cell, CellState::Unplaced(2)),
                (CellRef::Organ, CellState::Blank)
            ]
        );
    }
}
