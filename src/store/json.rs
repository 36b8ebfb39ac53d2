//! The file's layout: indented objects, arrays of numbers on one line.
//!
//! serde_json's pretty printer puts each of the 175 counts of table B on a line
//! of its own; a clerk or a reviewer who opens the file in Notepad should see
//! one row of the form per line, as DESIGN.md shows it.

use serde_json::Value;

/// `value` as text: objects one key per line indented by two spaces, arrays
/// whose elements are all scalars inline, a final newline.
pub fn pretty(value: &Value) -> String {
    let mut out = String::new();
    write(&mut out, value, 0);
    out.push('\n');
    out
}

fn write(out: &mut String, value: &Value, depth: usize) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            out.push_str("{\n");
            for (i, (k, v)) in map.iter().enumerate() {
                indent(out, depth + 1);
                out.push_str(&scalar(&Value::String(k.clone())));
                out.push_str(": ");
                write(out, v, depth + 1);
                if i + 1 < map.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            indent(out, depth);
            out.push('}');
        }
        Value::Array(items) if items.iter().any(|v| v.is_object() || v.is_array()) => {
            out.push_str("[\n");
            for (i, v) in items.iter().enumerate() {
                indent(out, depth + 1);
                write(out, v, depth + 1);
                if i + 1 < items.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            indent(out, depth);
            out.push(']');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&scalar(v));
            }
            out.push(']');
        }
        other => out.push_str(&scalar(other)),
    }
}

fn scalar(v: &Value) -> String {
    // Compact serialization of a scalar (or an empty container) cannot fail.
    serde_json::to_string(v).expect("a JSON scalar serializes")
}

fn indent(out: &mut String, depth: usize) {
    out.extend(std::iter::repeat_n("  ", depth));
}

#[cfg(test)]
mod tests {
    use super::pretty;
    use serde_json::json;

    #[test]
    fn rows_of_numbers_stay_on_one_line() {
        let v = json!({"a": [1, null, 3], "b": {"c": "文字\n"}, "d": [{"e": []}], "f": {}});
        assert_eq!(
            pretty(&v),
            "{\n  \"a\": [1, null, 3],\n  \"b\": {\n    \"c\": \"文字\\n\"\n  },\n  \"d\": [\n    {\n      \"e\": []\n    }\n  ],\n  \"f\": {}\n}\n"
        );
    }
}
