//! OFD export, read back by an independent reader (ofdkit, pip): the same
//! number of pages as the PDF, the report's text, the DocInfo.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]
#![cfg(feature = "pdf")]

use std::process::Command;

use nianbao::assets;
use nianbao::export::{ofd, pdf};

const CREATED: i64 = 1_735_689_600; // 2025-01-01

const READ: &str = r#"
import json, sys
try:
    import ofdkit
except ImportError:
    print("缺少 ofdkit：请运行 pip install ofdkit")
    sys.exit(3)
d = ofdkit.open(sys.argv[1])
i = d.info
print(json.dumps({"pages": len(d.pages), "title": i.title, "author": i.author,
                  "created": i.creation_date, "text": ofdkit.extract_text(sys.argv[1])},
                 ensure_ascii=False))
"#;

#[test]
fn ofdkit_reads_the_pages_text_and_title_of_the_exported_ofd() {
    let report = assets::sample();
    let bytes = ofd::export(&report, CREATED).unwrap();
    assert_eq!(
        bytes,
        ofd::export(&report, CREATED).unwrap(),
        "deterministic"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("报告.ofd");
    std::fs::write(&path, &bytes).unwrap();
    let out = Command::new("python3")
        .arg("-c")
        .arg(READ)
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("需要 python3 与 ofdkit（pip install ofdkit）：{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "ofdkit failed (install: pip install ofdkit):\n{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();

    let pdf_pages = lopdf::Document::load_mem(&pdf::export(&report, CREATED).unwrap())
        .unwrap()
        .get_pages()
        .len();
    assert_eq!(v["pages"], pdf_pages);
    assert_eq!(v["title"], report.display_title().as_str());
    assert_eq!(v["author"], report.organ.as_str());
    assert_eq!(v["created"], "2025-01-01");

    let text: String = v["text"]
        .as_str()
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut paras = vec![report.overview.intro.clone()];
    for p in &report.overview.parts {
        paras.push(p.heading.clone());
        paras.extend(p.body.lines().map(str::to_string));
    }
    paras.extend(report.problems.lines().map(str::to_string));
    for p in paras.iter().filter(|p| !p.trim().is_empty()) {
        let p: String = p.chars().filter(|c| !c.is_whitespace()).collect();
        // A paragraph may break across pages, with the page number between.
        let head: String = p.chars().take(20).collect();
        assert!(text.contains(&head), "OFD text lacks {head}");
    }
    for label in [
        "政府信息公开行政复议、行政诉讼情况",
        "收到和处理政府信息公开申请情况",
    ] {
        assert!(text.contains(label), "OFD text lacks {label}");
    }
}

/// One run of text as `tests/python/ofd_pdf_lines.py` reads it, in mm from
/// the page's top-left corner.
#[derive(Debug, serde::Deserialize)]
struct Run {
    text: String,
    x: f64,
    y: f64,
    right: Option<f64>,
}

#[derive(serde::Deserialize)]
struct Lines {
    pdf: Vec<Vec<Run>>,
    ofd: Vec<Vec<Run>>,
}

/// The runs of `report`'s PDF (PyMuPDF) and OFD (ofdkit), page by page.
fn read_lines(report: &nianbao::report::Report) -> Lines {
    let dir = tempfile::tempdir().unwrap();
    let pdf_path = dir.path().join("报告.pdf");
    let ofd_path = dir.path().join("报告.ofd");
    std::fs::write(&pdf_path, pdf::export(report, CREATED).unwrap()).unwrap();
    std::fs::write(&ofd_path, ofd::export(report, CREATED).unwrap()).unwrap();
    let tool =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/ofd_pdf_lines.py");
    let out = Command::new("python3")
        .arg(&tool)
        .arg(&pdf_path)
        .arg(&ofd_path)
        .output()
        .unwrap_or_else(|e| {
            panic!("需要 python3 与 PyMuPDF、ofdkit（pip install pymupdf ofdkit）：{e}")
        });
    assert_eq!(
        out.status.code(),
        Some(0),
        "ofd_pdf_lines.py failed (install: pip install pymupdf ofdkit):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Within 0.5 mm, as a reader would see it on paper.
const TOLERANCE_MM: f64 = 0.5;

/// Every text run of the PDF has one in the OFD with the same text whose
/// start, baseline and (where ofdkit knows it) end are within 0.5 mm, and the
/// OFD has no text the PDF lacks.
fn assert_same_positions(report: &nianbao::report::Report) {
    let lines = read_lines(report);
    assert_eq!(lines.pdf.len(), lines.ofd.len(), "page count");
    let mut compared = 0;
    for (n, (pdf_page, ofd_page)) in lines.pdf.iter().zip(&lines.ofd).enumerate() {
        let page = n + 1;
        let mut unmatched: Vec<&Run> = ofd_page.iter().collect();
        for p in pdf_page {
            let nearest = unmatched
                .iter()
                .enumerate()
                .filter(|(_, o)| o.text == p.text)
                .min_by(|(_, a), (_, b)| {
                    let d = |o: &Run| (o.x - p.x).hypot(o.y - p.y);
                    d(a).total_cmp(&d(b))
                })
                .map(|(i, _)| i);
            let Some(i) = nearest else {
                panic!("page {page}: the PDF's “{}” is not in the OFD", p.text);
            };
            let o = unmatched.remove(i);
            let off = |what: &str, a: f64, b: f64| {
                assert!(
                    (a - b).abs() <= TOLERANCE_MM,
                    "page {page}, “{}”: {what} {a:.2} mm in the OFD, {b:.2} mm in the PDF",
                    p.text
                );
            };
            off("start", o.x, p.x);
            off("baseline", o.y, p.y);
            if let Some(right) = o.right {
                off(
                    "end",
                    right,
                    p.right.expect("PyMuPDF gives every span its box"),
                );
            }
            compared += 1;
        }
        assert!(
            unmatched.is_empty(),
            "page {page}: the OFD has text the PDF lacks: {unmatched:?}"
        );
    }
    assert!(compared > 100, "only {compared} runs compared");
}

#[test]
fn every_text_line_of_the_ofd_sits_where_the_pdf_has_it() {
    assert_same_positions(&assets::sample());
}

#[test]
fn lines_in_two_faces_and_justified_lines_sit_where_the_pdf_has_them() {
    let mut r = assets::sample();
    // 喆 is outside the title's and 楷体's GB 2312 subsets: those lines are
    // drawn in two faces.
    r.organ = "喆镇人民政府".into();
    r.overview.parts[0].heading = "主动公开喆镇政府信息情况".into();
    // Latin, digits and punctuation among the Chinese: justified lines.
    r.problems = "一是APP和12345热线的回复时限（3个工作日）执行不严，\
                  部分信息更新滞后；二是网站栏目设置有待优化。"
        .repeat(12);
    assert_same_positions(&r);
}
