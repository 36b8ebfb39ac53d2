//! The 2019 format (国办公开办函〔2019〕60号), used for the 2019 and 2020
//! reports: only read, by the importer, which must recognise it and map what
//! means the same in the 2021 form rather than mis-map its numbers.
//!
//! Its tables 三 and 四 have the 2021 labels (（六）其他处理 as one row); its
//! table 二 differs, and is described here.

use super::ProactiveField::{self, Enforcement, Licensing, Punishment};

/// The notice that fixed the 2019 format.
pub const NOTICE: &str = "国办公开办函〔2019〕60号";

/// The 2019 label of the row the 2021 form calls 行政规范性文件; some 2021
/// pages still print it.
pub const NORMATIVE_DOCUMENTS: &str = "规范性文件";

/// One row of the 2019 table 二: its label, and for each of its columns the
/// 2021 figure that means the same (`None`: no counterpart).
#[derive(Debug)]
pub struct Row {
    pub label: &'static str,
    pub fields: &'static [Option<ProactiveField>],
}

/// One block of the 2019 table 二: the 第二十条 item, its columns, its rows.
#[derive(Debug)]
pub struct Block {
    pub item: &'static str,
    pub columns: &'static [&'static str],
    pub rows: &'static [Row],
}

/// The column of all documents disclosed to date, which has no 2021 counterpart.
pub const TOTAL_DISCLOSED: &str = "对外公开总数量";
/// The extra row of 第二十条第（九）项.
pub const PROCUREMENT: &str = "政府集中采购";

const NEW_COLUMNS: [&str; 3] = ["本年新制作数量", "本年新公开数量", TOTAL_DISCLOSED];
/// 处理决定数量 — this year's decisions — is the only 2019 column whose
/// meaning is that of a 2021 column (本年处理决定数量).
const ITEM_COLUMNS: [&str; 3] = ["上一年项目数量", "本年增/减", "处理决定数量"];

/// The 2019 table 二, in printed order.
pub const PROACTIVE: [Block; 5] = [
    Block {
        item: "第二十条第（一）项",
        columns: &NEW_COLUMNS,
        rows: &[
            Row {
                label: "规章",
                fields: &[None, None, None],
            },
            Row {
                label: NORMATIVE_DOCUMENTS,
                fields: &[None, None, None],
            },
        ],
    },
    Block {
        item: "第二十条第（五）项",
        columns: &ITEM_COLUMNS,
        rows: &[
            Row {
                label: "行政许可",
                fields: &[None, None, Some(Licensing)],
            },
            Row {
                label: "其他对外管理服务事项",
                fields: &[None, None, None],
            },
        ],
    },
    Block {
        item: "第二十条第（六）项",
        columns: &ITEM_COLUMNS,
        rows: &[
            Row {
                label: "行政处罚",
                fields: &[None, None, Some(Punishment)],
            },
            Row {
                label: "行政强制",
                fields: &[None, None, Some(Enforcement)],
            },
        ],
    },
    Block {
        item: "第二十条第（八）项",
        columns: &[ITEM_COLUMNS[0], ITEM_COLUMNS[1]],
        rows: &[Row {
            label: "行政事业性收费",
            fields: &[None, None],
        }],
    },
    Block {
        item: "第二十条第（九）项",
        columns: &["采购项目数量", "采购总金额"],
        rows: &[Row {
            label: PROCUREMENT,
            fields: &[None, None],
        }],
    },
];

/// The column of 2019 decisions that the 2021 form keeps (as 本年处理决定数量).
pub const DECISIONS: &str = ITEM_COLUMNS[2];

/// Words only the 2019 table 二 prints: its first columns of the first two
/// blocks, and its extra item 第二十条第（九）项 with its row.
pub fn telltales() -> [&'static str; 4] {
    let extra = &PROACTIVE[4];
    [
        PROACTIVE[0].columns[0],
        PROACTIVE[1].columns[0],
        extra.item,
        extra.rows[0].label,
    ]
}

/// The rows of the 2019 table 二, in printed order.
pub fn proactive_rows() -> impl Iterator<Item = &'static Row> {
    PROACTIVE.iter().flat_map(|b| b.rows.iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_row_has_a_target_per_column() {
        for b in &PROACTIVE {
            for r in b.rows {
                assert_eq!(r.fields.len(), b.columns.len(), "{}", r.label);
            }
        }
        // Only 处理决定数量 of 行政许可, 行政处罚, 行政强制 is taken over.
        let mapped: Vec<_> = proactive_rows()
            .flat_map(|r| r.fields.iter().flatten())
            .collect();
        assert_eq!(mapped, [&Licensing, &Punishment, &Enforcement]);
        // … and only from that column (其他对外管理服务事项 has none in 2021).
        for b in &PROACTIVE {
            for r in b.rows {
                for (c, f) in b.columns.iter().zip(r.fields) {
                    assert!(f.is_none() || *c == DECISIONS, "{} {c}", r.label);
                }
            }
        }
    }
}
