//! What an import did, for the user: on stderr for the CLI, in a dialog in the
//! editor. Every line is Chinese and says what to do about what was not read.

use crate::form::{self, Section};

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
    /// Figures read with a value, and cells read blank ("", "/", "-").
    pub cells_read: usize,
    pub cells_blank: usize,
    /// Rows of the form not found in a table that was found: "表三：6.属于四类过程性信息…".
    pub rows_missing: Vec<String>,
    /// Rows whose digits ran together and were split by the totals: "label：raw → a|b|c".
    pub rows_split: Vec<String>,
    /// Rows left blank because the digits allow more than one split.
    pub ambiguous: Vec<String>,
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
}

impl ImportSummary {
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
        out.push(format!(
            "找到表格：{}；读到数字{}格，空格{}格",
            if tables.is_empty() {
                "无".to_string()
            } else {
                tables.join("、")
            },
            self.cells_read,
            self.cells_blank
        ));
        out.extend(self.gaps());
        for r in &self.rows_split {
            out.push(format!("数字连在一起，已按合计关系拆分：{r}"));
        }
        for r in &self.approximate_labels {
            out.push(format!("标签有出入，按近似标签读取：{r}"));
        }
        out.extend(self.notes.iter().cloned());
        out
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
        for r in &self.ambiguous {
            out.push(format!("无法确定如何拆分，已留空，请对照原文填写：{r}"));
        }
        for r in &self.unrecognised {
            out.push(format!("未识别、未导入：{r}"));
        }
        out
    }
}
