//! `font.missing_glyph`: a character the embedded fonts cannot draw would print
//! as an empty box in the archived PDF.

use super::{Finding, Rule, Severity};
use crate::report::Report;

pub fn check(r: &Report, covers: &dyn Fn(char) -> bool, out: &mut Vec<Finding>) {
    for (cell, text) in r.texts() {
        let mut missing: Vec<char> = Vec::new();
        for c in text.chars() {
            if !covers(c) && !missing.contains(&c) {
                missing.push(c);
            }
        }
        if missing.is_empty() {
            continue;
        }
        let shown: Vec<String> = missing
            .iter()
            .take(8)
            .map(|c| format!("“{c}”(U+{:04X})", *c as u32))
            .collect();
        let more = if missing.len() > 8 {
            format!("等{}个字", missing.len())
        } else {
            String::new()
        };
        out.push(Finding {
            id: Rule::FontMissingGlyph,
            severity: Severity::Error,
            cells: vec![cell],
            message: format!(
                "“{}”中有字体无法显示的字：{}{more}：打印出的PDF中会是空白方框，请换用其他写法（生僻字可用通用规范汉字或加注拼音）",
                cell.label(),
                shown.join("、")
            ),
        });
    }
}
