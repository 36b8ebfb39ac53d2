//! A table as CSV for Excel and WPS: UTF-8 with a byte order mark (without
//! it both read the file as GBK and garble the Chinese), CRLF line ends, a
//! field quoted when it holds a comma, a quote or a line break.

use super::sheet::{Table, Value};

const BOM: &str = "\u{FEFF}";

pub fn write(table: &Table) -> String {
    let mut out = String::from(BOM);
    line(&mut out, table.headers.iter().map(|h| field(h)));
    for row in &table.rows {
        line(
            &mut out,
            row.iter().map(|v| match v {
                Value::Text(s) => field(&text(s)),
                Value::Number(n) => n.to_string(),
                Value::Blank => String::new(),
            }),
        );
    }
    out
}

fn line(out: &mut String, fields: impl Iterator<Item = String>) {
    let fields: Vec<String> = fields.collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

fn field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Text as a spreadsheet must show it: an organ's name or a file name taken
/// from a published page that begins like a formula ("=HYPERLINK(…)") would
/// be run by Excel on opening; a leading apostrophe keeps it text.
fn text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_stay_text() {
        let table = Table {
            name: "汇总",
            headers: ["文件", "机关", "年度"].map(String::from).into(),
            rows: vec![vec![
                Value::Text("a,\"b\".txt".into()),
                Value::Text("=1+1".into()),
                Value::Number(2024),
            ]],
        };
        assert_eq!(
            write(&table),
            "\u{FEFF}文件,机关,年度\r\n\"a,\"\"b\"\".txt\",'=1+1,2024\r\n"
        );
    }
}
