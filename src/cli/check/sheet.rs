//! The reviewer's summary (DESIGN.md): one row per file with its organ,
//! year, form, the tables' totals and the number of findings of each
//! severity; and every finding on a row of its own. The same tables are
//! written as CSV (`csv`) or as a workbook (`xlsx`).

use nianbao::checks::Severity;
use nianbao::form::{AppCol, AppRow, AppealGroup, AppealPart};
use nianbao::import::FormEdition;
use nianbao::report::{Count, Report};
use nianbao::source::Kind;

use super::{Done, Outcome};

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(u64),
    Blank,
}

impl From<Count> for Value {
    fn from(c: Count) -> Value {
        c.map_or(Value::Blank, Value::Number)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}

/// A sheet: its name, its column headers, its rows.
pub struct Table {
    pub name: &'static str,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// The columns of the summary: after the file's identity, the rows of table
/// 三 whose 总计 is shown (see [`totals`]), then 复议 and 诉讼 of table 四.
fn summary_headers() -> Vec<String> {
    let mut h: Vec<String> = ["文件", "机关", "年度", "格式", "来源"]
        .map(String::from)
        .into();
    h.extend(TOTAL_ROWS.map(total_header));
    h.extend(["复议 总计", "诉讼 总计"].map(String::from));
    h.extend(Severity::ALL.map(|s| s.label().to_string()));
    h.extend(["能否读取", "无法读取的原因", "核对的上年年报"].map(String::from));
    h
}

/// The rows of table 三 whose 总计 the summary shows: 一 received, 二 carried
/// over, 三（七） handled, 四 carried forward.
const TOTAL_ROWS: [AppRow; 4] = [
    AppRow::NewReceived,
    AppRow::CarriedOver,
    AppRow::OutcomeTotal,
    AppRow::CarriedForward,
];

/// "一 总计", "三（七）总计": the row's ordinal (and its own label, when the
/// row is one under 三), as a reviewer names it.
fn total_header(row: AppRow) -> String {
    let label = row.label();
    let ordinal = label.top.split('、').next().unwrap_or_default();
    match label.leaf {
        Some(leaf) => format!("{ordinal}{leaf}"),
        None => format!("{ordinal} {}", AppCol::Total.label()),
    }
}

const FINDINGS: [&str; 6] = ["文件", "机关", "规则", "严重程度", "单元格", "说明"];

/// One row per file, in the order of the run.
pub fn summary(done: &[Done]) -> Table {
    Table {
        name: "汇总",
        headers: summary_headers(),
        rows: done.iter().map(summary_row).collect(),
    }
}

fn summary_row(d: &Done) -> Vec<Value> {
    let mut row = vec![Value::Text(d.file.display().to_string())];
    match &d.report {
        Some(r) => {
            row.push(r.report.organ.as_str().into());
            row.push(if r.year_known {
                Value::Number(r.report.year.into())
            } else {
                Value::Blank
            });
            row.push(match r.edition {
                Some(FormEdition::Y2021) => "2021".into(),
                Some(FormEdition::Y2019) => "2019".into(),
                None => Value::Blank,
            });
            row.push(r.kind.label().into());
            row.extend(totals(&r.report).map(Value::from));
        }
        None => {
            row.extend(std::iter::repeat_n(Value::Blank, 3));
            // What the name says it is, as far as it says.
            row.push(match Kind::of(d.file) {
                _ if d.folder => "文件夹".into(),
                Some(k) => k.label().into(),
                None => Value::Blank,
            });
            row.extend(std::iter::repeat_n(Value::Blank, 6));
        }
    }
    match &d.outcome {
        Outcome::Checked(findings) => {
            for s in Severity::ALL {
                let n = findings.iter().filter(|f| f.severity == s).count();
                row.push(Value::Number(n as u64));
            }
            row.push("是".into());
            row.push(Value::Blank);
        }
        Outcome::Unreadable(why) => {
            row.extend(std::iter::repeat_n(Value::Blank, 3));
            row.push("否".into());
            row.push(why.as_str().into());
        }
    }
    row.push(match &d.prior {
        Some(p) => Value::Text(p.display().to_string()),
        None => Value::Blank,
    });
    row
}

/// The 总计 of table 三's [`TOTAL_ROWS`]; 复议 and 诉讼 of table 四.
fn totals(r: &Report) -> [Count; 6] {
    let [received, carried_over, handled, carried_forward] =
        TOTAL_ROWS.map(|row| r.applications.get(row, AppCol::Total));
    let appeal = |g| r.appeals.get(g, AppealPart::Total);
    let suits = match (
        appeal(AppealGroup::SuitDirect),
        appeal(AppealGroup::SuitAfterReview),
    ) {
        (Some(a), Some(b)) => a.checked_add(b),
        // A blank half is unknown, and so is the sum.
        _ => None,
    };
    [
        received,
        carried_over,
        handled,
        carried_forward,
        appeal(AppealGroup::Review),
        suits,
    ]
}

/// Every finding of every file, files in the order of the run.
pub fn findings(done: &[Done]) -> Table {
    let mut rows = Vec::new();
    for d in done {
        let Outcome::Checked(findings) = &d.outcome else {
            continue;
        };
        let file = d.file.display().to_string();
        let organ = d.report.as_ref().map_or("", |r| r.report.organ.as_str());
        for f in findings {
            let cells: Vec<String> = f.cells.iter().map(ToString::to_string).collect();
            rows.push(vec![
                Value::Text(file.clone()),
                organ.into(),
                f.id.id().into(),
                f.severity.label().into(),
                Value::Text(cells.join(" ")),
                Value::Text(f.message.clone()),
            ]);
        }
    }
    Table {
        name: "问题清单",
        headers: FINDINGS.map(String::from).into(),
        rows,
    }
}
