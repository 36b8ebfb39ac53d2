//! The report as one web page for the government portal: valid HTML5, UTF-8,
//! nothing external. Portal CMSs take pasted HTML and often drop `<style>`
//! blocks, so the rules and alignment the tables need are inline on each
//! element; the page still reads correctly with no styling at all.
//!
//! Headings and table structure come from `form` (the same description the
//! PDF and the editor draw), so the spans are the official form's.

use std::fmt::Write;

use crate::form::layout::{self, Content, Table};
use crate::form::{Section, part_number};
use crate::report::{CellRef, Report};

const TABLE_STYLE: &str = "border-collapse:collapse;width:100%;font-size:14px";
const CELL_STYLE: &str = "border:1px solid #000;padding:4px 6px;text-align:center";
const LABEL_STYLE: &str = "border:1px solid #000;padding:4px 6px;text-align:left";
const PARAGRAPH_STYLE: &str = "text-indent:2em;line-height:1.8";

/// The whole page.
pub fn export(report: &Report) -> String {
    let title = escape(&report.display_title());
    let mut out = String::with_capacity(48 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"nianbao {}\">\n<title>{title}</title>\n</head>\n\
         <body style=\"max-width:50em;margin:2em auto;padding:0 1em;font-family:serif\">\n\
         <h1 style=\"text-align:center;font-size:22px\">{title}</h1>\n",
        env!("CARGO_PKG_VERSION")
    );
    paragraphs(&mut out, &report.preamble);

    heading(&mut out, 2, &Section::Overview.heading());
    paragraphs(&mut out, &report.overview.intro);
    for (i, part) in report.overview.parts.iter().enumerate() {
        heading(
            &mut out,
            3,
            &format!("{}{}", part_number(i), part.heading.trim()),
        );
        paragraphs(&mut out, &part.body);
    }

    for (section, t) in [
        (Section::Proactive, layout::proactive()),
        (Section::Applications, layout::applications()),
        (Section::Appeals, layout::appeals()),
    ] {
        heading(&mut out, 2, &section.heading());
        table(&mut out, &t, report);
    }

    heading(&mut out, 2, &Section::Problems.heading());
    paragraphs(&mut out, &report.problems);
    heading(&mut out, 2, &Section::OtherMatters.heading());
    paragraphs(&mut out, &report.other_matters);
    out.push_str("</body>\n</html>\n");
    out
}

fn heading(out: &mut String, level: u8, text: &str) {
    let _ = writeln!(
        out,
        "<h{level} style=\"font-size:{}px\">{}</h{level}>",
        if level == 2 { 18 } else { 16 },
        escape(text)
    );
}

/// Each line of the clerk's text is a paragraph, as in the PDF.
fn paragraphs(out: &mut String, text: &str) {
    for para in text.lines().map(str::trim).filter(|p| !p.is_empty()) {
        let _ = writeln!(out, "<p style=\"{PARAGRAPH_STYLE}\">{}</p>", escape(para));
    }
}

/// One table: header rows in `<thead>`, one `<tr>` per grid row, each cell
/// once at its top-left position with the spans it covers.
fn table(out: &mut String, t: &Table, report: &Report) {
    let _ = writeln!(out, "<table style=\"{TABLE_STYLE}\">");
    // The printed form's proportions, so that figure columns are not squeezed
    // by long row labels.
    out.push_str("<colgroup>");
    for share in t.proportions() {
        let _ = write!(out, "<col style=\"width:{:.1}%\">", share * 100.0);
    }
    out.push_str("</colgroup>\n");
    let mut cells: Vec<_> = t.cells.iter().collect();
    cells.sort_by_key(|c| (c.row, c.col));
    for row in 0..t.rows {
        if row == 0 && t.header_rows > 0 {
            out.push_str("<thead>\n");
        }
        if row == t.header_rows {
            out.push_str("<tbody>\n");
        }
        out.push_str("<tr>");
        for c in cells.iter().filter(|c| c.row == row) {
            let (tag, style, text) = match &c.content {
                Content::Heading(h) => ("th", CELL_STYLE, escape(h)),
                Content::RowLabel(l) => ("td", LABEL_STYLE, escape(l)),
                Content::Figure(f) => (
                    "td",
                    CELL_STYLE,
                    escape(&report.figure_text(CellRef::from(*f))),
                ),
            };
            let _ = write!(out, "<{tag}");
            if c.rows > 1 {
                let _ = write!(out, " rowspan=\"{}\"", c.rows);
            }
            if c.cols > 1 {
                let _ = write!(out, " colspan=\"{}\"", c.cols);
            }
            let _ = write!(out, " style=\"{style}\">{text}</{tag}>");
        }
        out.push_str("</tr>\n");
        if row + 1 == t.header_rows {
            out.push_str("</thead>\n");
        }
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Text as HTML character data or attribute value.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in HTML text; a tab is kept.
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_shown_not_obeyed() {
        assert_eq!(
            escape("<script>alert(\"x\")</script> & '引号'"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;引号&#39;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c"), "abc");
    }
}
