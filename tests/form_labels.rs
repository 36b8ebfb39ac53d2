//! The official form's labels, checked against an independent transcription of
//! FORMAT.md's tables (typed from FORMAT.md, not copied from `src/form`), and
//! spelled nowhere in `src` outside `src/form` (the house rule: the form is
//! described once, and every face reads it).

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use nianbao::form::{AppCol, AppRow, AppealGroup, AppealPart, BLOCKS, Section};

// ---- The transcription (FORMAT.md, 国办公开办函〔2021〕30号) ----

const SECTIONS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

const OVERVIEW_PARTS: [&str; 5] = [
    "主动公开政府信息情况",
    "依申请公开政府信息情况",
    "政府信息管理",
    "政府信息公开平台建设",
    "监督保障",
];

/// Table A: (block, columns, rows).
const TABLE_A: [(&str, &[&str], &[&str]); 4] = [
    (
        "第二十条第（一）项",
        &["本年制发件数", "本年废止件数", "现行有效件数"],
        &["规章", "行政规范性文件"],
    ),
    ("第二十条第（五）项", &["本年处理决定数量"], &["行政许可"]),
    (
        "第二十条第（六）项",
        &["本年处理决定数量"],
        &["行政处罚", "行政强制"],
    ),
    (
        "第二十条第（八）项",
        &["本年收费金额（单位：万元）"],
        &["行政事业性收费"],
    ),
];
const TABLE_A_CONTENT_HEADER: &str = "信息内容";

const TABLE_B_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
const TABLE_B_APPLICANTS: &str = "申请人情况";
const TABLE_B_ORGANISATIONS: &str = "法人或其他组织";
const TABLE_B_COLUMNS: [&str; 7] = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];

/// Table B's 25 rows as printed: (level 1, level 2 group, own label).
const TABLE_B_ROWS: [(&str, &str, &str); 25] = [
    ("一、本年新收政府信息公开申请数量", "", ""),
    ("二、上年结转政府信息公开申请数量", "", ""),
    ("三、本年度办理结果", "", "（一）予以公开"),
    (
        "三、本年度办理结果",
        "",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ),
    ("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"),
    (
        "三、本年度办理结果",
        "（三）不予公开",
        "2.其他法律行政法规禁止公开",
    ),
    (
        "三、本年度办理结果",
        "（三）不予公开",
        "3.危及“三安全一稳定”",
    ),
    (
        "三、本年度办理结果",
        "（三）不予公开",
        "4.保护第三方合法权益",
    ),
    (
        "三、本年度办理结果",
        "（三）不予公开",
        "5.属于三类内部事务信息",
    ),
    (
        "三、本年度办理结果",
        "（三）不予公开",
        "6.属于四类过程性信息",
    ),
    ("三、本年度办理结果", "（三）不予公开", "7.属于行政执法案卷"),
    ("三、本年度办理结果", "（三）不予公开", "8.属于行政查询事项"),
    (
        "三、本年度办理结果",
        "（四）无法提供",
        "1.本机关不掌握相关政府信息",
    ),
    (
        "三、本年度办理结果",
        "（四）无法提供",
        "2.没有现成信息需要另行制作",
    ),
    (
        "三、本年度办理结果",
        "（四）无法提供",
        "3.补正后申请内容仍不明确",
    ),
    (
        "三、本年度办理结果",
        "（五）不予处理",
        "1.信访举报投诉类申请",
    ),
    ("三、本年度办理结果", "（五）不予处理", "2.重复申请"),
    (
        "三、本年度办理结果",
        "（五）不予处理",
        "3.要求提供公开出版物",
    ),
    (
        "三、本年度办理结果",
        "（五）不予处理",
        "4.无正当理由大量反复申请",
    ),
    (
        "三、本年度办理结果",
        "（五）不予处理",
        "5.要求行政机关确认或重新出具已获取信息",
    ),
    (
        "三、本年度办理结果",
        "（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        "三、本年度办理结果",
        "（六）其他处理",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    ("三、本年度办理结果", "（六）其他处理", "3.其他"),
    ("三、本年度办理结果", "", "（七）总计"),
    ("四、结转下年度继续办理", "", ""),
];

const TABLE_C_GROUPS: [&str; 3] = ["行政复议", "未经复议直接起诉", "复议后起诉"];
const TABLE_C_LAWSUIT: &str = "行政诉讼";
const TABLE_C_PARTS: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/// Labels of the 2019 format (国办公开办函〔2019〕60号) that the importer
/// recognises; FORMAT.md, "The 2019 format".
const FORMAT_2019: [&str; 9] = [
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "处理决定数量",
    "其他对外管理服务事项",
    "政府集中采购",
    "采购项目数量",
];

const TITLE_EXAMPLE: (&str, u16, &str) = (
    "阿戛镇人民政府",
    2024,
    "阿戛镇人民政府2024年政府信息公开工作年度报告",
);

// ---- The form against the transcription ----

#[test]
fn sections_and_parts_match_format_md() {
    let headings: Vec<String> = Section::ALL.iter().map(|s| s.heading()).collect();
    assert_eq!(headings, SECTIONS);
    assert_eq!(nianbao::form::CONVENTIONAL_PARTS, OVERVIEW_PARTS);
}

#[test]
fn table_a_matches_format_md() {
    assert_eq!(nianbao::form::CONTENT_HEADER, TABLE_A_CONTENT_HEADER);
    assert_eq!(BLOCKS.len(), TABLE_A.len());
    for (block, (item, columns, rows)) in BLOCKS.iter().zip(TABLE_A) {
        assert_eq!(block.item, item);
        assert_eq!(block.columns, columns, "{item}");
        let labels: Vec<_> = block.rows.iter().map(|r| r.label).collect();
        assert_eq!(labels, rows, "{item}");
        for row in block.rows {
            assert_eq!(row.fields.len(), columns.len(), "{item} {}", row.label);
        }
    }
}

#[test]
fn table_b_matches_format_md() {
    assert_eq!(nianbao::form::BALANCE_NOTE, TABLE_B_NOTE);
    assert_eq!(nianbao::form::APPLICANT_HEADER, TABLE_B_APPLICANTS);
    assert_eq!(nianbao::form::ORGANISATION_HEADER, TABLE_B_ORGANISATIONS);
    let columns: Vec<_> = AppCol::ALL.iter().map(|c| c.label()).collect();
    assert_eq!(columns, TABLE_B_COLUMNS);
    let organisations: Vec<_> = AppCol::ALL
        .iter()
        .filter(|c| c.is_organisation())
        .map(|c| c.label())
        .collect();
    assert_eq!(organisations, TABLE_B_COLUMNS[1..6]);
    assert_eq!(AppRow::ALL.len(), TABLE_B_ROWS.len());
    for (row, (top, group, leaf)) in AppRow::ALL.iter().zip(TABLE_B_ROWS) {
        let l = row.label();
        assert_eq!(l.top, top, "{row:?}");
        assert_eq!(l.group.map_or("", |g| g.label()), group, "{row:?}");
        assert_eq!(l.leaf.unwrap_or(""), leaf, "{row:?}");
    }
}

#[test]
fn table_c_matches_format_md() {
    let groups: Vec<_> = AppealGroup::ALL.iter().map(|g| g.label()).collect();
    assert_eq!(groups, TABLE_C_GROUPS);
    let parts: Vec<_> = AppealPart::ALL.iter().map(|p| p.label()).collect();
    assert_eq!(parts, TABLE_C_PARTS);
    assert_eq!(nianbao::form::LAWSUIT, TABLE_C_LAWSUIT);
    assert_eq!(
        nianbao::form::APPEALS_HEADING_SPANS,
        [("行政复议", 5), (TABLE_C_LAWSUIT, 10)]
    );
}

#[test]
fn the_title_convention() {
    let (organ, year, title) = TITLE_EXAMPLE;
    assert_eq!(nianbao::form::title(organ, year), title);
}

// ---- Spelled once: no official label in src outside src/form ----

/// Labels that may stand in `src` outside `src/form`, each with its reason:
/// (file relative to `src`, label, why).
const ALLOWED: &[(&str, &str, &str)] = &[];

/// Every label of the transcription with four or more characters, as printed
/// and (for hierarchical rows) each part on its own.
fn official_labels() -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    all.extend(SECTIONS.iter().map(|s| s.to_string()));
    // The headings' titles without their ordinal, as messages use them.
    all.extend(
        SECTIONS
            .iter()
            .map(|s| s.split_once('、').unwrap().1.to_string()),
    );
    all.extend(OVERVIEW_PARTS.iter().map(|s| s.to_string()));
    for (item, columns, rows) in TABLE_A {
        all.push(item.to_string());
        all.extend(columns.iter().map(|s| s.to_string()));
        all.extend(rows.iter().map(|s| s.to_string()));
    }
    all.push(TABLE_A_CONTENT_HEADER.into());
    all.extend([TABLE_B_NOTE, TABLE_B_APPLICANTS, TABLE_B_ORGANISATIONS].map(String::from));
    all.extend(TABLE_B_COLUMNS.iter().map(|s| s.to_string()));
    for (top, group, leaf) in TABLE_B_ROWS {
        all.extend([top, group, leaf].map(String::from));
    }
    all.extend(TABLE_C_GROUPS.iter().map(|s| s.to_string()));
    all.push(TABLE_C_LAWSUIT.into());
    all.extend(TABLE_C_PARTS.iter().map(|s| s.to_string()));
    all.extend(FORMAT_2019.iter().map(|s| s.to_string()));
    all.push("年政府信息公开工作年度报告".into());
    all.retain(|l| l.chars().count() >= 4);
    all.sort();
    all.dedup();
    all
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a source file without comments and without its test module
/// (by the project's convention the `#[cfg(test)]` module closes the file).
fn code_of(source: &str) -> String {
    let mut code = String::new();
    for line in source.lines() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        let line = match line.find("//") {
            // Not a comment when the slashes sit inside a string ("https://").
            Some(i) if line[..i].matches('"').count() % 2 == 0 => &line[..i],
            _ => line,
        };
        code.push_str(line);
        code.push('\n');
    }
    code
}

#[test]
fn no_official_label_is_spelled_outside_src_form() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let labels = official_labels();
    assert!(labels.len() > 60, "the transcription lost labels");
    let mut found = Vec::new();
    for file in files {
        let rel = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("form/") {
            continue;
        }
        let code = code_of(&std::fs::read_to_string(&file).unwrap());
        for label in &labels {
            if code.contains(label.as_str())
                && !ALLOWED.iter().any(|(f, l, _)| *f == rel && l == label)
            {
                found.push(format!("{rel}: “{label}”"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "official labels spelled outside src/form (read them from nianbao::form, or add an \
         entry with its reason to ALLOWED):\n{}",
        found.join("\n")
    );
    // Every exception still names something real.
    for (file, label, _) in ALLOWED {
        let code = code_of(&std::fs::read_to_string(src.join(file)).unwrap());
        assert!(
            code.contains(label),
            "stale ALLOWED entry: {file} “{label}”"
        );
    }
}
