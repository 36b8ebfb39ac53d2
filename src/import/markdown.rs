//! Text that a converter made from a PDF — Markdown pipe tables, OCR output —
//! into the shape the table reader reads: the `|`-bordered rows of a copied
//! page.
//!
//! A Markdown table's header row names its columns in the converter's words
//! (类别, 数据1 … 数据6; inside 表三 of one real page a stray header whose
//! names are wrong: 本年新收件数, 予以公开 … over the rows of （六）). Such a row
//! is dropped with its `|---|` separator, so that no column is ever mapped by
//! it: figures take their columns from the form, by position. Heading marks
//! (`###`) and rules (`---`) go; a heading's words stay.

/// The text without the converter's furniture, and the header rows dropped
/// (for telling the 2019 form by its column names).
pub struct Cleaned {
    pub text: String,
    pub headers: Vec<String>,
}

pub fn clean(text: &str) -> Cleaned {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut dropped = vec![false; lines.len()];
    let mut headers = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if is_rule(line) {
            dropped[i] = true;
            continue;
        }
        // Whether the line above is a header matters only to a line that may
        // be a separator: most lines are not, and are not split into cells twice.
        if !is_separator(line, true) {
            continue;
        }
        let prev = i.checked_sub(1).map(|p| lines[p]);
        let header_above = prev.is_some_and(is_header);
        if is_separator(line, header_above) {
            dropped[i] = true;
            if header_above && !dropped[i - 1] {
                dropped[i - 1] = true;
                headers.push(lines[i - 1].to_string());
            }
        }
    }
    let kept: Vec<&str> = lines
        .iter()
        .zip(&dropped)
        .filter(|(_, d)| !**d)
        .map(|(l, _)| without_heading_mark(l))
        .collect();
    Cleaned {
        text: kept.join("\n"),
        headers,
    }
}

/// The cells of a `|` row, trimmed; `None` for a line that is no such row.
fn cells(line: &str) -> Option<Vec<&str>> {
    let t = line.trim();
    if !t.contains('|') {
        return None;
    }
    let inner = t.strip_prefix('|').unwrap_or(t);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    Some(inner.split('|').map(str::trim).collect())
}

/// A row of column names: some words, and no cell that starts with a figure.
fn is_header(line: &str) -> bool {
    let Some(cells) = cells(line) else {
        return false;
    };
    let dashes = |c: &str| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | '—'));
    let worded = cells.iter().any(|c| !c.is_empty() && !dashes(c));
    let figure = cells.iter().any(|c| {
        c.chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_digit() || ('０'..='９').contains(&ch))
    });
    worded && !figure
}

/// `|---|:--:|`: every cell dashes (with alignment colons). A row of single
/// dashes is a placeholder row of blank cells ("| - | - |") unless it follows
/// a header row — then it is the separator.
fn is_separator(line: &str, header_above: bool) -> bool {
    // Borders, dashes and colons only: any other character is in some cell,
    // which is then no dash cell. A table's rows are told without splitting.
    if !line
        .chars()
        .all(|c| matches!(c, '|' | '-' | ':') || c.is_whitespace())
    {
        return false;
    }
    let Some(cells) = cells(line) else {
        return false;
    };
    // An empty cell (a doubled border, "|---||") is no cell of its own.
    let cells: Vec<&str> = cells.into_iter().filter(|c| !c.is_empty()).collect();
    let dash_cell = |c: &&str, min: usize| {
        let core = c.trim_matches(':');
        core.chars().count() >= min && core.chars().all(|ch| ch == '-')
    };
    !cells.is_empty()
        && (cells.iter().all(|c| dash_cell(c, 3))
            || (header_above && cells.iter().all(|c| dash_cell(c, 1))))
}

/// A Markdown rule: "---", "***", "___" on a line of its own.
fn is_rule(line: &str) -> bool {
    let t = line.trim();
    let mut chars = t.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_')
        && t.chars().all(|c| c == first || c == ' ')
        && t.contains(&first.to_string().repeat(3))
}

/// "### 一、本年新收…" → "一、本年新收…".
fn without_heading_mark(line: &str) -> &str {
    let t = line.trim_start();
    let rest = t.trim_start_matches('#');
    let marks = t.len() - rest.len();
    if (1..=6).contains(&marks) && (rest.is_empty() || rest.starts_with(' ')) {
        rest.trim_start()
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_separators_go_placeholders_stay() {
        let c = clean(
            "### 申请人情况 (总计)\n| (数据项目) | 数量 |\n|---|---|\n| - | - |\n\n\
             | 项目 | 本年新收件数 | 总计 |\n|---|---|---|\n| 3. 其他 | 142 | 143 |\n---\n",
        );
        assert_eq!(
            c.text,
            "申请人情况 (总计)\n| - | - |\n\n| 3. 其他 | 142 | 143 |\n"
        );
        assert_eq!(
            c.headers,
            ["| (数据项目) | 数量 |", "| 项目 | 本年新收件数 | 总计 |"]
        );
    }

    #[test]
    fn a_first_row_of_figures_is_data_not_a_header() {
        let c = clean("| 规章 | 0 | 0 | 0 |\n|---|---|---|---|\n| 行政规范性文件 | 6 | 1 | 32 |");
        assert_eq!(
            c.text,
            "| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 6 | 1 | 32 |"
        );
        assert!(c.headers.is_empty());
    }

    #[test]
    fn a_row_of_single_dashes_is_blank_cells() {
        let c = clean("| 结果维持 | 总计 |\n| - | - |\n| - | - |");
        // The first dash row follows the header: the separator.
        assert_eq!(c.text, "| - | - |");
        let c = clean("| 3 | 4 |\n| - | - |");
        assert_eq!(c.text, "| 3 | 4 |\n| - | - |");
    }
}
