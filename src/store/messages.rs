//! serde_json's English errors, said in Chinese to a clerk.
//!
//! The wording of serde and serde_json errors is stable in practice (their own
//! tests pin it); anything not recognised falls back to the original text
//! behind a Chinese lead, so nothing is hidden.

use crate::form::AppCol;

/// A Chinese explanation of a serde_json error message (without its position).
pub fn explain(msg: &str) -> String {
    if let Some(rest) = msg.strip_prefix("missing field `") {
        return format!(
            "缺少字段“{}”：文件不完整或不是本程序保存的",
            until_tick(rest)
        );
    }
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        return format!(
            "未知字段“{}”：本程序不认识它（拼写有误，或文件来自更新版本的程序）",
            until_tick(rest)
        );
    }
    if let Some(rest) = msg.strip_prefix("duplicate field `") {
        return format!("字段“{}”出现了两次", until_tick(rest));
    }
    if let Some(rest) = msg.strip_prefix("invalid length ") {
        let found = rest.split(',').next().unwrap_or(rest);
        if rest.contains("length 7") {
            let cols: Vec<_> = AppCol::ALL.iter().map(|c| c.label()).collect();
            return format!("这一行应有7个数（{}），实际有{found}个", cols.join("、"));
        }
        return format!("数组长度不对（实际有{found}个）");
    }
    if let Some(rest) = msg.strip_prefix("invalid value: integer `") {
        let n = until_tick(rest);
        if n.starts_with('-') {
            return format!("计数不能为负数（此处为{n}）：请填0或正整数，未填写的格写 null");
        }
        if rest.ends_with("expected u16") {
            return format!("年度不对（此处为{n}）：应为四位数的年份");
        }
        return format!("数值超出范围（此处为{n}）");
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        if let Some(f) = found.strip_prefix("floating point `") {
            let f = until_tick(f);
            if expected.starts_with('u') {
                let huge = f.contains('e') || f.parse::<f64>().is_ok_and(|v| v >= u64::MAX as f64);
                return if huge {
                    format!("数字过大（此处为{f}）：计数最多{}", u64::MAX)
                } else {
                    format!("计数必须是整数（此处为{f}）")
                };
            }
        }
        return format!("此处应为{}，实际是{}", kind(expected), kind(found));
    }
    if msg.starts_with("EOF while parsing") {
        return "文件在此处意外结束：内容不完整（可能保存时被中断），请找回完整的文件".into();
    }
    let syntax = [
        ("expected `,` or `}`", "此处前面缺少逗号“,”或右花括号“}”"),
        ("expected `,` or `]`", "此处前面缺少逗号“,”或右方括号“]”"),
        ("expected `:`", "此处缺少冒号“:”"),
        (
            "expected value",
            "此处应为一个值（数字、带引号的文字、null、{…} 或 […]）",
        ),
        (
            "expected ident",
            "此处的写法不对（应为 true、false 或 null）",
        ),
        ("trailing comma", "多了一个逗号"),
        ("trailing characters", "文件结尾后还有多余的内容"),
        ("key must be a string", "字段名必须写在双引号里"),
        (
            "control character",
            "文字里有未转义的控制字符（例如直接换行，应写作 \\n）",
        ),
        (
            "invalid escape",
            "文字里的转义写法不对（反斜杠 \\ 后面的字符）",
        ),
        ("invalid number", "数字的写法不对"),
        ("number out of range", "数字超出范围"),
        ("invalid unicode code point", "文字里有无效的 Unicode 字符"),
        ("lone leading surrogate", "文字里有无效的 Unicode 转义"),
        (
            "unexpected end of hex escape",
            "文字里有不完整的 Unicode 转义",
        ),
        ("recursion limit exceeded", "嵌套层数过多"),
    ];
    for (english, chinese) in syntax {
        if msg.starts_with(english) {
            return chinese.to_string();
        }
    }
    if msg.chars().any(is_cjk) {
        // Our own messages (e.g. the schema check) are already for the clerk.
        return msg.to_string();
    }
    format!("文件内容不符合年报文件格式（{msg}）")
}

fn until_tick(s: &str) -> &str {
    s.split('`').next().unwrap_or(s)
}

/// The name of what serde found or expected, in words a clerk knows.
fn kind(s: &str) -> String {
    let s = s.trim();
    if s.starts_with("u64") || s.starts_with("u16") || s.starts_with("integer") {
        return "整数".into();
    }
    if s.starts_with("floating point") {
        return "小数".into();
    }
    if s.starts_with("a string") || s.starts_with("string") {
        return "带引号的文字".into();
    }
    if s.starts_with("struct") || s.starts_with("map") || s.starts_with("an object") {
        return "对象 {…}".into();
    }
    if s.starts_with("sequence") || s.starts_with("a sequence") || s.starts_with("an array") {
        return "数组 […]".into();
    }
    if s.starts_with("null") || s.starts_with("unit") {
        return "null".into();
    }
    if s.starts_with("boolean") {
        return "true/false".into();
    }
    if s.starts_with("option") {
        return "整数或 null".into();
    }
    s.to_string()
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}
