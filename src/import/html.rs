//! A report's web page to the text shape the importer reads: paragraphs as
//! lines, each table row as one line of `|`-bordered cells — the shape a clerk
//! gets by copying the page.
//!
//! Merged cells: a figure cell spanning n columns is followed by n−1 empty
//! cells, so that blank figures keep their column; a label spanning columns
//! is not (figures are read after their label, where an empty cell would read
//! as a blank figure and push the row's figures one column right); a cell
//! spanning rows appears once, in its first row (as copied text shows it) —
//! spanning cells are labels, and labels are found by their text, not by
//! their position.

use scraper::{ElementRef, Html, Node};

/// Whether `text` is HTML rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    // A page of text is told at its first character, without copying 4 KB of it.
    if !text.starts_with('<') {
        return false;
    }
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with('<')
        && [
            "<html",
            "<body",
            "<table",
            "<div",
            "<p>",
            "<p ",
            "<!doctype html",
        ]
        .iter()
        .any(|t| head.contains(t))
}

pub fn to_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::new();
    flow(doc.root_element(), &mut out);
    out
}

/// Elements after which text continues on a new line.
const BLOCKS: [&str; 24] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "center",
    "form",
    "hr",
];

/// What is not page text.
const SKIPPED: [&str; 9] = [
    "head", "script", "style", "noscript", "template", "svg", "iframe", "object", "select",
];

fn flow(node: ElementRef, out: &mut String) {
    for child in node.children() {
        if let Some(t) = child.value().as_text() {
            inline(out, t);
        } else if let Some(child) = ElementRef::wrap(child) {
            {
                let name = child.value().name();
                if SKIPPED.contains(&name) {
                } else if name == "br" {
                    out.push('\n');
                } else if name == "table" {
                    newline(out);
                    table(child, out);
                } else if BLOCKS.contains(&name) {
                    newline(out);
                    flow(child, out);
                    newline(out);
                } else {
                    flow(child, out);
                }
            }
        }
    }
}

/// Text as a browser shows it: runs of white space are one space.
fn inline(out: &mut String, t: &str) {
    for c in t.chars() {
        if c.is_whitespace() && c != '\u{3000}' && c != '\u{a0}' {
            if !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

fn newline(out: &mut String) {
    let trimmed = out.trim_end_matches(' ').len();
    out.truncate(trimmed);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// The rows of a table, through thead/tbody/tfoot but not into nested tables.
fn rows<'a>(table: ElementRef<'a>, out: &mut Vec<ElementRef<'a>>) {
    for child in table.children().filter_map(ElementRef::wrap) {
        match child.value().name() {
            "tr" => out.push(child),
            "thead" | "tbody" | "tfoot" => rows(child, out),
            _ => {}
        }
    }
}

fn table(node: ElementRef, out: &mut String) {
    let mut trs = Vec::new();
    rows(node, &mut trs);
    for tr in trs {
        let mut line = String::from("|");
        let mut has_cells = false;
        for cell in tr.children().filter_map(ElementRef::wrap) {
            if !matches!(cell.value().name(), "td" | "th") {
                continue;
            }
            // A layout table: the cell holds a page, not a figure.
            if cell
                .descendants()
                .filter_map(ElementRef::wrap)
                .any(|d| d.value().name() == "table")
            {
                if has_cells {
                    newline(out);
                    out.push_str(&line);
                    line = String::from("|");
                    has_cells = false;
                }
                newline(out);
                flow(cell, out);
                newline(out);
                continue;
            }
            let mut text = String::new();
            for d in cell.descendants() {
                match d.value() {
                    Node::Text(t) => inline(&mut text, t),
                    Node::Element(e) if e.name() == "br" || BLOCKS.contains(&e.name()) => {
                        text.push(' ')
                    }
                    _ => {}
                }
            }
            // A border character inside a cell would split it in two.
            let text = text.replace('|', "/");
            line.push(' ');
            line.push_str(text.trim());
            line.push_str(" |");
            let span: usize = cell
                .value()
                .attr("colspan")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(1);
            if !is_label(&text) {
                for _ in 1..span.clamp(1, 64) {
                    line.push_str("  |");
                }
            }
            has_cells = true;
        }
        if has_cells {
            newline(out);
            out.push_str(&line);
            out.push('\n');
        }
    }
}

/// A cell holding words (a label), not a figure, a blank or a blank's mark
/// ("/", "-"): its columns need no place-holders (see the module's doc).
pub fn is_label(cell: &str) -> bool {
    cell.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_become_bordered_lines() {
        let html = "<html><head><title>x</title><script>var a=1;</script></head><body>\
            <h2>三、收到和处理政府信息公开申请情况</h2>\
            <table><tbody>\
            <tr><td rowspan=2>三、本年度办理结果</td><td colspan=2>（一）予以公开</td><td>5</td><td></td></tr>\
            <tr><td>（二）部分<br>公开</td><td>1</td></tr>\
            </tbody></table><p>五、存在的&nbsp;问题</p></body></html>";
        let text = to_text(html);
        assert_eq!(
            text,
            "三、收到和处理政府信息公开申请情况\n\
             | 三、本年度办理结果 | （一）予以公开 | 5 |  |\n\
             | （二）部分 公开 | 1 |\n\
             五、存在的\u{a0}问题\n"
        );
        assert!(looks_like_html(html));
        assert!(!looks_like_html("一、总体情况\n<p>"));
    }
}
