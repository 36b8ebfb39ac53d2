//! Tables as an Excel workbook (rust_xlsxwriter), one sheet each: a bold
//! header row frozen above the rows, filters on every column, and column
//! widths that fit their text (a Chinese character is two columns wide).

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::sheet::{Table, Value};

/// A column is at most this wide (in characters of the default font); longer
/// text, a finding's message, is cut off at the edge of the cell but whole in it.
const MAX_WIDTH: usize = 80;

/// The workbook's bytes.
pub fn write(tables: &[Table]) -> Result<Vec<u8>, String> {
    build(tables).map_err(|e| format!("无法生成 Excel 文件（{e}）"))
}

fn build(tables: &[Table]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let header = Format::new().set_bold();
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(table.name)?;
        fill(sheet, table, &header)?;
    }
    book.save_to_buffer()
}

fn fill(sheet: &mut Worksheet, table: &Table, header: &Format) -> Result<(), XlsxError> {
    let mut widths: Vec<usize> = table.headers.iter().map(|h| width(h)).collect();
    for (col, h) in (0u16..).zip(&table.headers) {
        sheet.write_string_with_format(0, col, h, header)?;
    }
    for (row, values) in (1u32..).zip(&table.rows) {
        for ((col, value), w) in (0u16..).zip(values).zip(&mut widths) {
            match value {
                Value::Text(s) => {
                    sheet.write_string(row, col, s)?;
                    *w = (*w).max(width(s));
                }
                Value::Number(n) => {
                    // Counts are far below 2^53: exact as a spreadsheet's number.
                    sheet.write_number(row, col, *n as f64)?;
                    *w = (*w).max(n.to_string().len());
                }
                Value::Blank => {}
            }
        }
    }
    for (col, w) in (0u16..).zip(widths) {
        // Room for the filter's drop-down button beside the header.
        sheet.set_column_width(col, (w.min(MAX_WIDTH) + 3) as f64)?;
    }
    let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
    let last_col = u16::try_from(table.headers.len().saturating_sub(1)).unwrap_or(0);
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    Ok(())
}

/// How many columns of the default font `s` takes: CJK and other wide
/// characters count two.
fn width(s: &str) -> usize {
    s.chars().map(|c| if wide(c) { 2 } else { 1 }).sum()
}

fn wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_twice_as_wide() {
        assert_eq!(width("年报a.json"), 10);
        assert_eq!(width("（七）"), 6);
    }
}
