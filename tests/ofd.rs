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
