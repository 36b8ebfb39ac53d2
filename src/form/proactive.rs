//! Table A — 二、主动公开政府信息情况: four blocks, each with its own header row.

/// Every figure of table A. `key()` is its path in the file format below `proactive.`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProactiveField {
    RulesIssued,
    RulesRepealed,
    RulesInForce,
    NormativeIssued,
    NormativeRepealed,
    NormativeInForce,
    Licensing,
    Punishment,
    Enforcement,
    Fees,
}

/// What a cell holds: a count, or the fee as an exact decimal string in 万元.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Count,
    Decimal,
}

impl ProactiveField {
    pub const ALL: [ProactiveField; 10] = [
        ProactiveField::RulesIssued,
        ProactiveField::RulesRepealed,
        ProactiveField::RulesInForce,
        ProactiveField::NormativeIssued,
        ProactiveField::NormativeRepealed,
        ProactiveField::NormativeInForce,
        ProactiveField::Licensing,
        ProactiveField::Punishment,
        ProactiveField::Enforcement,
        ProactiveField::Fees,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ProactiveField::RulesIssued => "rules.issued",
            ProactiveField::RulesRepealed => "rules.repealed",
            ProactiveField::RulesInForce => "rules.in_force",
            ProactiveField::NormativeIssued => "normative_documents.issued",
            ProactiveField::NormativeRepealed => "normative_documents.repealed",
            ProactiveField::NormativeInForce => "normative_documents.in_force",
            ProactiveField::Licensing => "licensing",
            ProactiveField::Punishment => "punishment",
            ProactiveField::Enforcement => "enforcement",
            ProactiveField::Fees => "fees_wan_yuan",
        }
    }

    pub fn kind(self) -> FieldKind {
        match self {
            ProactiveField::Fees => FieldKind::Decimal,
            _ => FieldKind::Count,
        }
    }

    /// "规章·本年制发件数", "行政许可·本年处理决定数量": row and column label, for
    /// messages and accessible names.
    pub fn full_label(self) -> String {
        format!("{}·{}", self.row_label(), self.column_label())
    }

    /// The label of the field's row: "规章", "行政规范性文件", "行政许可".
    pub fn row_label(self) -> &'static str {
        self.place().0
    }

    /// The header of the field's column: "本年制发件数", "本年处理决定数量".
    pub fn column_label(self) -> &'static str {
        self.place().1
    }

    /// The column's words without "件数", as messages write them: 本年制发,
    /// 本年废止, 现行有效.
    pub fn brief(self) -> &'static str {
        let c = self.column_label();
        c.strip_suffix("件数").unwrap_or(c)
    }

    /// The field's row label and column header.
    fn place(self) -> (&'static str, &'static str) {
        for block in &BLOCKS {
            for row in block.rows {
                if let Some(i) = row.fields.iter().position(|f| *f == self) {
                    return (row.label, block.columns[i]);
                }
            }
        }
        unreachable!("every field sits in one block")
    }
}

/// One row of a block: its label and its figures in column order.
#[derive(Debug)]
pub struct BlockRow {
    pub label: &'static str,
    pub fields: &'static [ProactiveField],
}

/// One block: the 第二十条 item it reports, its column headers after 信息内容, its rows.
#[derive(Debug)]
pub struct Block {
    pub item: &'static str,
    pub columns: &'static [&'static str],
    pub rows: &'static [BlockRow],
}

/// The article of the regulation whose items the blocks report: every
/// block's heading is "第二十条第（…）项".
pub const ARTICLE: &str = "第二十条";

/// The header of every block's first column.
pub const CONTENT_HEADER: &str = "信息内容";

use ProactiveField::*;

pub const BLOCKS: [Block; 4] = [
    Block {
        item: "第二十条第（一）项",
        columns: &["本年制发件数", "本年废止件数", "现行有效件数"],
        rows: &[
            BlockRow {
                label: "规章",
                fields: &[RulesIssued, RulesRepealed, RulesInForce],
            },
            BlockRow {
                label: "行政规范性文件",
                fields: &[NormativeIssued, NormativeRepealed, NormativeInForce],
            },
        ],
    },
    Block {
        item: "第二十条第（五）项",
        columns: &["本年处理决定数量"],
        rows: &[BlockRow {
            label: "行政许可",
            fields: &[Licensing],
        }],
    },
    Block {
        item: "第二十条第（六）项",
        columns: &["本年处理决定数量"],
        rows: &[
            BlockRow {
                label: "行政处罚",
                fields: &[Punishment],
            },
            BlockRow {
                label: "行政强制",
                fields: &[Enforcement],
            },
        ],
    },
    Block {
        item: "第二十条第（八）项",
        columns: &["本年收费金额（单位：万元）"],
        rows: &[BlockRow {
            label: "行政事业性收费",
            fields: &[Fees],
        }],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_appears_in_exactly_one_block_cell() {
        for f in ProactiveField::ALL {
            let n = BLOCKS
                .iter()
                .flat_map(|b| b.rows.iter())
                .flat_map(|r| r.fields.iter())
                .filter(|x| **x == f)
                .count();
            assert_eq!(n, 1, "{f:?}");
        }
        assert_eq!(
            ProactiveField::Fees.full_label(),
            "行政事业性收费·本年收费金额（单位：万元）"
        );
        assert_eq!(
            ProactiveField::NormativeInForce.row_label(),
            "行政规范性文件"
        );
        assert_eq!(ProactiveField::RulesRepealed.brief(), "本年废止");
        assert_eq!(ProactiveField::Licensing.brief(), "本年处理决定数量");
        assert!(BLOCKS.iter().all(|b| b.item.starts_with(ARTICLE)));
    }
}
