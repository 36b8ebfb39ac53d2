//! PDF export: the text reads back (through the fonts' ToUnicode maps, as any
//! reader extracts it), fonts are embedded and subset, layout keeps 禁则 and
//! repeats table headers, the same report exports to the same bytes.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]
#![cfg(feature = "pdf")]

use std::collections::HashMap;

use lopdf::{Document, Object};
use nianbao::assets;
use nianbao::export::pdf;
use nianbao::form::{AppCol, AppRow, AppealGroup, AppealPart, BLOCKS, ProactiveField, Section};
use nianbao::report::{CellRef, Report};

const CREATED: i64 = 1_735_689_600; // 2025-01-01

/// Parse a ToUnicode CMap (bfchar and bfrange) into code → text.
fn parse_cmap(data: &[u8]) -> HashMap<u16, String> {
    let text = String::from_utf8_lossy(data);
    let hex = |s: &str| -> Vec<u16> {
        let s = s.trim_matches(|c| c == '<' || c == '>');
        (0..s.len() / 4)
            .map(|i| u16::from_str_radix(&s[i * 4..i * 4 + 4], 16).unwrap())
            .collect()
    };
    let mut map = HashMap::new();
    let mut mode = "";
    for line in text.lines() {
        let line = line.trim();
        if line.ends_with("beginbfchar") {
            mode = "char";
        } else if line.ends_with("beginbfrange") {
            mode = "range";
        } else if line.starts_with("end") {
            mode = "";
        } else if !line.is_empty() {
            let parts: Vec<&str> = line.split_whitespace().collect();
            match (mode, parts.as_slice()) {
                ("char", [src, dst]) => {
                    map.insert(hex(src)[0], String::from_utf16_lossy(&hex(dst)));
                }
                ("range", [lo, hi, dst]) if dst.starts_with('<') => {
                    let (lo, hi, d) = (hex(lo)[0], hex(hi)[0], hex(dst));
                    for (k, code) in (lo..=hi).enumerate() {
                        let mut v = d.clone();
                        *v.last_mut().unwrap() += k as u16;
                        map.insert(code, String::from_utf16_lossy(&v));
                    }
                }
                _ => {}
            }
        }
    }
    map
}

/// One text-showing operation as a reader sees it.
struct Shown {
    text: String,
}

/// Every text-showing operation of every page, in content order, decoded
/// through the fonts' ToUnicode maps.
fn extract(bytes: &[u8]) -> Vec<Vec<Shown>> {
    let doc = Document::load_mem(bytes).expect("the PDF parses");
    let mut pages = Vec::new();
    for (_, page) in doc.get_pages() {
        let mut cmaps = HashMap::new();
        for (name, font) in doc.get_page_fonts(page).unwrap() {
            let tu = font.get(b"ToUnicode").expect("every font has ToUnicode");
            let stream = doc
                .get_object(tu.as_reference().unwrap())
                .unwrap()
                .as_stream()
                .unwrap();
            cmaps.insert(
                name,
                parse_cmap(
                    &stream
                        .decompressed_content()
                        .unwrap_or(stream.content.clone()),
                ),
            );
        }
        let content = doc.get_and_decode_page_content(page).unwrap();
        let mut font = Vec::new();
        let mut shown = Vec::new();
        for op in content.operations {
            match op.operator.as_str() {
                "Tf" => font = op.operands[0].as_name().unwrap().to_vec(),
                "Tj" | "TJ" => {
                    let strings: Vec<&Object> = match &op.operands[0] {
                        Object::Array(a) => a.iter().collect(),
                        o => vec![o],
                    };
                    let mut text = String::new();
                    for s in strings {
                        if let Object::String(b, _) = s {
                            for pair in b.chunks(2) {
                                let code = u16::from_be_bytes([pair[0], pair[1]]);
                                text.push_str(&cmaps[&font][&code]);
                            }
                        }
                    }
                    shown.push(Shown { text });
                }
                _ => {}
            }
        }
        pages.push(shown);
    }
    pages
}

fn is_folio(s: &str) -> bool {
    s.starts_with("— ") && s.ends_with(" —")
}

/// All text in content order without page numbers, joined without separators:
/// a paragraph broken over lines and pages reads back whole.
fn running_text(pages: &[Vec<Shown>]) -> String {
    pages
        .iter()
        .flatten()
        .filter(|s| !is_folio(&s.text))
        .map(|s| s.text.as_str())
        .collect()
}

fn paragraphs(r: &Report) -> Vec<String> {
    let mut out: Vec<String> = r.overview.intro.lines().map(String::from).collect();
    for p in &r.overview.parts {
        out.push(p.heading.clone());
        out.extend(p.body.lines().map(String::from));
    }
    out.extend(r.problems.lines().map(String::from));
    out.extend(r.other_matters.lines().map(String::from));
    out.into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Every label of the three tables.
fn table_labels() -> Vec<String> {
    let mut out: Vec<String> = vec![
        nianbao::form::BALANCE_NOTE.into(),
        nianbao::form::APPLICANT_HEADER.into(),
        nianbao::form::ORGANISATION_HEADER.into(),
        nianbao::form::LAWSUIT.into(),
    ];
    for b in &BLOCKS {
        out.push(b.item.into());
        out.extend(b.columns.iter().map(|c| c.to_string()));
        out.extend(b.rows.iter().map(|r| r.label.to_string()));
    }
    for r in AppRow::ALL {
        let l = r.label();
        out.push(l.top.into());
        out.extend(l.leaf.map(String::from));
        out.extend(l.group.map(|g| g.label().to_string()));
    }
    out.extend(AppCol::ALL.iter().map(|c| c.label().to_string()));
    out.extend(AppealGroup::ALL.iter().map(|g| g.label().to_string()));
    out.extend(AppealPart::ALL.iter().map(|p| p.label().to_string()));
    out.extend(Section::ALL.iter().map(|s| s.heading()));
    out.sort();
    out.dedup();
    out
}

#[test]
fn the_sample_reads_back_whole() {
    let r = assets::sample();
    let bytes = pdf::export(&r, CREATED).unwrap();
    assert!(bytes.len() <= 300 * 1024, "{} bytes", bytes.len());
    let pages = extract(&bytes);
    let text = running_text(&pages);
    assert!(
        text.starts_with("阿戛镇人民政府2024年政府信息公开工作年度报告"),
        "{}",
        &text[..60]
    );
    for p in paragraphs(&r) {
        assert!(text.contains(&p), "missing paragraph: {p}");
    }
    for l in table_labels() {
        assert!(text.contains(&l), "missing table label: {l}");
    }
    // Page numbers, in order.
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(page.last().unwrap().text, format!("— {} —", i + 1));
    }
}

#[test]
fn fonts_are_embedded_subset_and_mapped_to_unicode() {
    let bytes = pdf::export(&assets::sample(), CREATED).unwrap();
    let doc = Document::load_mem(&bytes).unwrap();
    assert_eq!(doc.version, "1.7");
    let mut faces = 0;
    for (_, obj) in doc.objects.iter() {
        let Ok(d) = obj.as_dict() else { continue };
        if d.get(b"Type").and_then(Object::as_name).ok() != Some(b"Font".as_slice())
            || d.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0".as_slice())
        {
            continue;
        }
        faces += 1;
        let base =
            String::from_utf8(d.get(b"BaseFont").unwrap().as_name().unwrap().to_vec()).unwrap();
        // A subset's name carries a six-letter tag: "ABCDEF+NotoSerif…".
        assert_eq!(base.find('+'), Some(6), "{base}");
        assert!(d.get(b"ToUnicode").is_ok(), "{base}");
        let resolve = |o: &'_ Object| -> lopdf::Dictionary {
            match o {
                Object::Reference(id) => doc.get_object(*id).unwrap().as_dict().unwrap().clone(),
                Object::Dictionary(d) => d.clone(),
                other => panic!("{other:?}"),
            }
        };
        let descendant = match d.get(b"DescendantFonts").unwrap() {
            Object::Array(a) => resolve(&a[0]),
            other => resolve(other),
        };
        let descendant = match descendant.get(b"DescendantFonts") {
            Ok(Object::Array(a)) => resolve(&a[0]),
            _ => descendant,
        };
        let descriptor = resolve(descendant.get(b"FontDescriptor").unwrap());
        assert!(
            descriptor.get(b"FontFile2").is_ok() || descriptor.get(b"FontFile3").is_ok(),
            "{base} is not embedded"
        );
    }
    // Body (宋), title, 黑体 headings, 楷体 headings.
    assert_eq!(faces, 4);
}

#[test]
fn metadata_and_reproducible_bytes() {
    let r = assets::sample();
    let a = pdf::export(&r, CREATED).unwrap();
    assert!(a == pdf::export(&r, CREATED).unwrap(), "two exports differ");
    let doc = Document::load_mem(&a).unwrap();
    let info = doc
        .get_object(doc.trailer.get(b"Info").unwrap().as_reference().unwrap())
        .unwrap()
        .as_dict()
        .unwrap();
    let text = |k: &[u8]| match info.get(k).unwrap() {
        Object::String(b, _) => {
            lopdf::decode_text_string(&Object::String(b.clone(), lopdf::StringFormat::Literal))
                .unwrap_or_default()
        }
        o => panic!("{o:?}"),
    };
    assert_eq!(
        text(b"Title"),
        "阿戛镇人民政府2024年政府信息公开工作年度报告"
    );
    assert_eq!(text(b"Author"), "阿戛镇人民政府");
    assert!(!text(b"Subject").is_empty());
    let created = text(b"CreationDate");
    assert!(created.starts_with("D:20250101"), "{created}");
    assert!(info.get(b"GTS_PDFXVersion").is_err());
}

/// A report that strains every part of the layout.
fn stress() -> Report {
    let mut r = assets::sample();
    r.organ =
        "某某省某某市某某县某某乡镇人民政府综合行政执法和政务服务管理中心办公室信息公开科".into();
    assert_eq!(r.organ.chars().count(), 40);
    let mut n = 10_000;
    for cell in CellRef::table_cells() {
        n += 1;
        match cell {
            CellRef::ProactiveField(ProactiveField::Fees) => {
                r.proactive.fees_wan_yuan = "24252.311082".into()
            }
            c => *r.count_mut(c).unwrap() = Some(n),
        }
    }
    let para = "本年度，我乡镇在㙟堃喆砼犇等生僻字地名的信息公开中，坚持“谁公开、谁审查”，联系电话0858-8888888，网址http://www.example.gov.cn/zwgk/zfxxgk/fdzdgknr/ndbg/index.html，依据国办公开办函〔2021〕30号（以下简称《格式》）。";
    r.overview.intro = [para; 12].join("\n");
    r.problems = [para; 8].join("\n");
    r
}

#[test]
fn a_stress_report_keeps_every_figure_and_rare_character() {
    let r = stress();
    let bytes = pdf::export(&r, CREATED).unwrap();
    let pages = extract(&bytes);
    assert!(pages.len() >= 7, "{} pages", pages.len());
    let text = running_text(&pages);
    for p in paragraphs(&r) {
        assert!(text.contains(&p), "missing paragraph: {p}");
    }
    for cell in CellRef::table_cells() {
        let v = match cell {
            CellRef::ProactiveField(ProactiveField::Fees) => r.proactive.fees_wan_yuan.clone(),
            c => r.count(c).unwrap().to_string(),
        };
        assert!(text.contains(&v), "missing {v} of {}", cell.label());
    }
    for l in table_labels() {
        assert!(text.contains(&l), "missing table label: {l}");
    }
    for c in "㙟堃喆砼犇".chars() {
        assert!(text.contains(c), "{c}");
    }
}

#[test]
fn no_line_starts_with_closing_punctuation() {
    for r in [assets::sample(), stress()] {
        let pages = pdf::layout(&r);
        for page in &pages {
            // Lines: runs grouped by baseline; a line starts at its leftmost run.
            let mut lines: Vec<(f32, f32, &str)> = Vec::new();
            for run in &page.runs {
                match lines.iter_mut().find(|l| (l.0 - run.y).abs() < 0.5) {
                    Some(l) if run.x < l.1 => *l = (run.y, run.x, &run.text),
                    Some(_) => {}
                    None => lines.push((run.y, run.x, &run.text)),
                }
            }
            for (_, _, start) in lines {
                let first = start.chars().next().unwrap();
                assert!(
                    !"，。、；：？！）》」』”’,.;:?!)".contains(first),
                    "line starts with {start}"
                );
            }
        }
    }
}

#[test]
fn a_table_crossing_a_page_repeats_its_header_and_keeps_spans_whole() {
    let mut r = assets::sample();
    // Push table B down so that it must break.
    r.overview.intro = ["政务公开工作稳步推进，各项制度得到落实。"; 40].join("\n");
    let pages = pdf::layout(&r);
    let on = |p: &pdf::Page, s: &str| p.runs.iter().any(|run| run.text == s);
    let with_b: Vec<&pdf::Page> = pages
        .iter()
        .filter(|p| {
            p.runs.iter().any(|run| {
                run.text.starts_with("（七）总计") || run.text == "二、上年结转政府信息公开申请数量"
            })
        })
        .collect();
    let header_pages = pages.iter().filter(|p| on(p, "申请人情况")).count();
    assert!(!with_b.is_empty());
    // Every page that shows rows of table B shows its header.
    for p in &with_b {
        assert!(on(p, "申请人情况"), "a page of table B without its header");
    }
    assert!(header_pages >= with_b.len());
    // The 22 rows under 三、本年度办理结果 are never split: its label is drawn once.
    let label_runs = pages
        .iter()
        .flat_map(|p| &p.runs)
        .filter(|run| run.text.starts_with("三、本"))
        .count();
    assert_eq!(label_runs, 1);
}

#[test]
#[ignore = "writes /tmp/nianbao-stress.pdf for looking at"]
fn write_the_stress_report() {
    std::fs::write(
        "/tmp/nianbao-stress.pdf",
        pdf::export(&stress(), CREATED).unwrap(),
    )
    .unwrap();
}
