//! The Word round trip (issue 15): `nianbao export --docx` read by an
//! independent reader (python-docx), the leader's edits read back, our own
//! file imported as the same report, Word files written by WPS and
//! LibreOffice read with every figure, and bad files refused in Chinese.
//!
//! python-docx is required (`pip install python-docx`; `.ci/run` installs
//! it): without it the tests that need it fail, saying so.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

mod common;
use common::{nianbao, stderr};

use std::fs;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao::form::layout::{self, Content};
use nianbao::form::{AppCol, AppRow, Section, part_number};
use nianbao::report::{Report, next_year};
use nianbao::{assets, source, store};
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/docx")
        .join(name)
}

/// `tests/python/docx_tool.py` with `args`: python-docx, not our reader.
fn python(args: &[&str]) -> String {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/docx_tool.py");
    let out = Command::new("python3")
        .arg(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("python3 is needed to read .docx files independently ({e}): install python3 and `pip install python-docx`")
        });
    let err = String::from_utf8_lossy(&out.stderr);
    assert_ne!(
        out.status.code(),
        Some(3),
        "python-docx is needed to read .docx files independently: `pip install python-docx` ({err})"
    );
    assert!(out.status.success(), "docx_tool.py {args:?}: {err}");
    String::from_utf8(out.stdout).unwrap()
}

/// The sample written by `nianbao sample` and exported with `--docx`.
fn exported_sample(dir: &Path) -> (Report, PathBuf) {
    let o = nianbao(&["sample", "-o", "s.json"], dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    export(dir, "s.json", "s.docx");
    (
        store::load(&dir.join("s.json")).unwrap(),
        dir.join("s.docx"),
    )
}

/// Exported, whatever the checks find in the report (exit 0 or 1).
fn export(dir: &Path, from: &str, to: &str) {
    let o = nianbao(&["export", from, "--docx", to], dir);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("已导出：{to}")),
        "{}",
        stderr(&o)
    );
}

/// `nianbao import FILE -o OUT.json`: the report written, and stderr.
fn import(dir: &Path, file: &Path) -> (Report, String) {
    let out = dir.join("imported.json");
    let o = nianbao(
        &[
            "import",
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        dir,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (store::load(&out).unwrap(), stderr(&o))
}

/// Every narrative field with runs of white space made one space.
fn texts(r: &Report) -> Vec<String> {
    r.texts()
        .into_iter()
        .map(|(_, t)| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// What the issue calls "the same report": organ, year, every table, every
/// narrative text apart from white space.
fn assert_same_report(got: &Report, want: &Report, what: &str) {
    assert_eq!(got.organ, want.organ, "{what}: organ");
    assert_eq!(got.year, want.year, "{what}: year");
    assert_eq!(got.proactive, want.proactive, "{what}: table A");
    assert_eq!(got.applications, want.applications, "{what}: table B");
    assert_eq!(got.appeals, want.appeals, "{what}: table C");
    assert_eq!(texts(got), texts(want), "{what}: text");
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap_or(""))
        .collect()
}

#[test]
fn python_docx_reads_the_printed_layout() {
    let dir = tempfile::tempdir().unwrap();
    let (sample, file) = exported_sample(dir.path());
    let d: Value = serde_json::from_str(&python(&["dump", file.to_str().unwrap()])).unwrap();

    // A4, GB/T 9704 margins.
    let page = &d["page"];
    for (key, mm) in [
        ("width_mm", 210.0),
        ("height_mm", 297.0),
        ("top_mm", 37.0),
        ("left_mm", 28.0),
        ("right_mm", 26.0),
        ("bottom_mm", 35.0),
    ] {
        let got = page[key].as_f64().unwrap();
        assert!((got - mm).abs() < 0.1, "{key}: {got}");
    }

    // The title: 2号, 方正小标宋简体, centred; the organ on its own line.
    let paras = d["paragraphs"].as_array().unwrap();
    let title = &paras[0];
    assert_eq!(
        title["text"].as_str().unwrap().replace('\n', ""),
        sample.display_title()
    );
    assert_eq!(strs(&title["east_asia"]), ["方正小标宋简体"]);
    assert_eq!(title["size_pt"][0].as_f64(), Some(22.0));
    assert_eq!(title["align"], "CENTER");

    // The seed's paragraphs in order, each with its face: the six headings
    // in 黑体, the parts of 一 in 楷体_GB2312, the text in 仿宋_GB2312 —
    // 3号, indented two characters.
    let lines = |t: &str| -> Vec<String> {
        t.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    };
    let mut want: Vec<(String, &str)> = Vec::new();
    want.extend(
        lines(&sample.preamble)
            .into_iter()
            .map(|l| (l, "仿宋_GB2312")),
    );
    want.push((Section::Overview.heading(), "黑体"));
    want.extend(
        lines(&sample.overview.intro)
            .into_iter()
            .map(|l| (l, "仿宋_GB2312")),
    );
    for (i, p) in sample.overview.parts.iter().enumerate() {
        want.push((format!("{}{}", part_number(i), p.heading), "楷体_GB2312"));
        want.extend(lines(&p.body).into_iter().map(|l| (l, "仿宋_GB2312")));
    }
    for s in [Section::Proactive, Section::Applications, Section::Appeals] {
        want.push((s.heading(), "黑体"));
    }
    want.push((Section::Problems.heading(), "黑体"));
    want.extend(
        lines(&sample.problems)
            .into_iter()
            .map(|l| (l, "仿宋_GB2312")),
    );
    want.push((Section::OtherMatters.heading(), "黑体"));
    want.extend(
        lines(&sample.other_matters)
            .into_iter()
            .map(|l| (l, "仿宋_GB2312")),
    );
    let body: Vec<&Value> = paras[1..]
        .iter()
        .filter(|p| !p["text"].as_str().unwrap().is_empty())
        .collect();
    let got: Vec<(String, String)> = body
        .iter()
        .map(|p| {
            (
                p["text"].as_str().unwrap().to_string(),
                strs(&p["east_asia"]).join(","),
            )
        })
        .collect();
    let want: Vec<(String, String)> = want.into_iter().map(|(t, f)| (t, f.into())).collect();
    assert_eq!(got, want);
    for p in &body {
        assert_eq!(p["size_pt"][0].as_f64(), Some(16.0), "{p}");
        assert_eq!(p["first_line_indent_pt"].as_f64(), Some(32.0), "{p}");
    }

    // The three tables: the form's grid, header rows marked to repeat.
    let tables = d["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 3);
    let forms = [
        layout::proactive(),
        layout::applications(),
        layout::appeals(),
    ];
    for (t, form) in tables.iter().zip(&forms) {
        assert_eq!(t["grid"].as_u64(), Some(form.cols as u64));
        let rows = t["rows"].as_array().unwrap();
        assert_eq!(rows.len(), form.rows);
        let headers: Vec<bool> = rows
            .iter()
            .map(|r| r["header"].as_bool().unwrap())
            .collect();
        let want: Vec<bool> = (0..form.rows).map(|r| r < form.header_rows).collect();
        assert_eq!(headers, want);
        // Every label of the form, in reading order, and every cell of a
        // row together covering the grid.
        let mut labels: Vec<_> = form
            .cells
            .iter()
            .filter_map(|c| match c.content {
                Content::Heading(l) | Content::RowLabel(l) => Some((c.row, c.col, l)),
                Content::Figure(_) => None,
            })
            .collect();
        labels.sort();
        let labels: Vec<&str> = labels.into_iter().map(|(_, _, l)| l).collect();
        let mut seen = Vec::new();
        for r in rows {
            let cells = r["cells"].as_array().unwrap();
            let width: u64 = cells.iter().map(|c| c["span"].as_u64().unwrap()).sum();
            assert_eq!(width, form.cols as u64, "{r}");
            for c in cells {
                let text = c["text"].as_str().unwrap();
                if c["vmerge"] == "continue" {
                    // The rest of a label spanning rows: empty.
                    assert_eq!(text, "", "{c}");
                    continue;
                }
                if text.chars().any(char::is_alphabetic) {
                    seen.push(text.to_string());
                } else {
                    // Figures: centred, in 宋体.
                    assert_eq!(strs(&c["align"]), ["CENTER"], "{c}");
                }
                assert!(strs(&c["east_asia"]).iter().all(|f| *f == "宋体"), "{c}");
            }
        }
        assert_eq!(seen, labels);
    }
    // The official merged cells of table B, as python-docx sees them.
    let b = &tables[1]["rows"];
    let cell = |r: usize, i: usize| {
        let c = &b[r]["cells"][i];
        (
            c["text"].as_str().unwrap().to_string(),
            c["span"].as_u64().unwrap(),
            c["vmerge"].as_str().map(String::from),
        )
    };
    let restart = Some("restart".to_string());
    let cont = Some("continue".to_string());
    assert_eq!(
        cell(0, 0),
        (
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）".into(),
            3,
            restart.clone()
        )
    );
    assert_eq!(cell(0, 1), ("申请人情况".into(), 7, None));
    assert_eq!(cell(1, 0), (String::new(), 3, cont.clone()));
    assert_eq!(cell(1, 2), ("法人或其他组织".into(), 5, None));
    assert_eq!(
        cell(5, 0),
        ("三、本年度办理结果".into(), 1, restart.clone())
    );
    assert_eq!(cell(5, 1), ("（一）予以公开".into(), 2, None));
    assert_eq!(cell(7, 1), ("（三）不予公开".into(), 1, restart));
    for r in 6..=26 {
        assert_eq!(cell(r, 0), (String::new(), 1, cont.clone()), "row {r}");
    }
    assert_eq!(cell(8, 1), (String::new(), 1, cont));
    assert_eq!(cell(27, 0), ("四、结转下年度继续办理".into(), 3, None));

    // "— 1 —" from a PAGE field, on the outer side: right on odd pages,
    // left on even ones.
    assert_eq!(d["odd_and_even_footers"], true);
    for (key, align) in [("footer", "RIGHT"), ("even_footer", "LEFT")] {
        let f = &d[key];
        assert_eq!(f["text"], "— 1 —", "{f}");
        assert_eq!(f["instr"], "PAGE", "{f}");
        assert_eq!(strs(&f["fld_chars"]), ["begin", "separate", "end"]);
        assert_eq!(strs(&f["align"]), [align]);
    }

    // Where a PC lacks a face, the font table names the stand-in: 宋体 for
    // 方正小标宋简体, 仿宋 for 仿宋_GB2312, 楷体 for 楷体_GB2312.
    let mut zip = zip::ZipArchive::new(Cursor::new(fs::read(&file).unwrap())).unwrap();
    let mut fonts = String::new();
    zip.by_name("word/fontTable.xml")
        .unwrap()
        .read_to_string(&mut fonts)
        .unwrap();
    for (face, stand_in) in [
        ("方正小标宋简体", "宋体"),
        ("仿宋_GB2312", "仿宋"),
        ("楷体_GB2312", "楷体"),
    ] {
        assert!(
            fonts.contains(&format!(
                r#"<w:font w:name="{face}"><w:altName w:val="{stand_in}"/>"#
            )),
            "{fonts}"
        );
    }
}

#[test]
fn the_leaders_edits_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let (sample, file) = exported_sample(dir.path());
    let edited = dir.path().join("签批后.docx");
    let old = sample
        .other_matters
        .lines()
        .next()
        .unwrap()
        .trim()
        .to_string();
    let new = "本年度未收取信息处理费。经领导签批修改。";
    python(&[
        "edit",
        file.to_str().unwrap(),
        edited.to_str().unwrap(),
        "17",
        &old,
        new,
    ]);
    let (got, said) = import(dir.path(), &edited);
    assert!(said.contains("来源：Word 文档"), "{said}");
    assert_eq!(
        got.applications
            .get(AppRow::NewReceived, AppCol::NaturalPerson),
        Some(17)
    );
    assert_eq!(got.other_matters.trim(), new);
    // Nothing else moved.
    let mut want = sample.clone();
    *want
        .applications
        .get_mut(AppRow::NewReceived, AppCol::NaturalPerson) = Some(17);
    want.other_matters = new.into();
    assert_same_report(&got, &want, "edited");
}

#[test]
fn our_own_document_imports_as_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    let (sample, file) = exported_sample(dir.path());
    let (got, said) = import(dir.path(), &file);
    assert_same_report(&got, &sample, "sample");
    assert!(!said.contains("没有找到"), "{said}");
    // Every figure different and a few blank: one read from the wrong cell
    // shows. Markup in the text is text.
    let mut want = store::load(&fixture("distinct.nianbao.json")).unwrap();
    want.problems = "存在问题：<b>加粗</b> & “引号” &amp;\n第二段。".into();
    store::save(&dir.path().join("d.json"), &want).unwrap();
    export(dir.path(), "d.json", "d.docx");
    let (got, said) = import(dir.path(), &dir.path().join("d.docx"));
    assert_same_report(&got, &want, "distinct");
    assert!(said.contains("读到数字192格，空格8格"), "{said}");
}

#[test]
fn the_file_carries_no_hidden_copy_of_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let (_, file) = exported_sample(dir.path());
    let bytes = fs::read(&file).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let names: Vec<String> = zip.file_names().map(String::from).collect();
    assert!(
        names.contains(&"word/document.xml".to_string()),
        "{names:?}"
    );
    for name in &names {
        assert!(!name.to_lowercase().contains("customxml"), "{name}");
        assert!(!name.ends_with(".json"), "{name}");
        let mut text = String::new();
        zip.by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        for json in ["{\"", "\"schema\"", "nianbao.report", "\"organ\""] {
            assert!(!text.contains(json), "{name} holds {json}");
        }
    }
}

#[test]
fn the_blank_wps_form_imports_with_nothing_placed() {
    let dir = tempfile::tempdir().unwrap();
    let file = fixture("template-2021-wps.docx");
    let (got, said) = import(dir.path(), &file);
    assert!(said.contains("没有找到机关名称"), "{said}");
    assert!(said.contains("没有找到报告年度"), "{said}");
    assert!(
        said.contains("找到表格：表二、表三、表四；读到数字0格，空格200格"),
        "{said}"
    );
    assert!(!said.contains("缺少的行"), "{said}");
    // Nothing placed: no figure, no text (the template's "（文字描述）"
    // and its own title are instructions, not the clerk's words).
    assert_eq!(got.organ, "");
    assert_eq!(got.year, 0);
    assert!(
        texts(&got).iter().all(String::is_empty),
        "{:?}",
        texts(&got)
    );
    assert_eq!(got.proactive, Default::default());
    assert_eq!(got.applications, Default::default());
    assert_eq!(got.appeals, Default::default());
    // Every table reported blank.
    let o = nianbao(
        &["check", "--format", "json", file.to_str().unwrap()],
        dir.path(),
    );
    let line: Value = serde_json::from_str(common::stdout(&o).trim()).unwrap();
    let blanks: Vec<&str> = line["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"] == "value.blank")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(blanks.len(), 3, "{blanks:?}");
    for (s, m) in [Section::Proactive, Section::Applications, Section::Appeals]
        .iter()
        .zip(&blanks)
    {
        assert!(m.starts_with(&s.heading()), "{m}");
    }
}

#[test]
fn filled_wps_forms_read_every_figure() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (docx, json) in [
        (
            "wps-filled-hongze-2023.docx",
            fixtures.join("008_jiangsu-huaian-hongzequ-2023.nianbao.json"),
        ),
        ("wps-filled-distinct.docx", fixture("distinct.nianbao.json")),
    ] {
        let want = store::load(&json).unwrap();
        let (got, said) = import(dir.path(), &fixture(docx));
        assert_same_report(&got, &want, docx);
        assert!(
            !said.contains("缺少") && !said.contains("未识别"),
            "{docx}: {said}"
        );
    }
}

#[test]
fn libreoffice_documents_import_with_the_reports_figures() {
    let dir = tempfile::tempdir().unwrap();
    let distinct = store::load(&fixture("distinct.nianbao.json")).unwrap();
    for (docx, want) in [
        // `nianbao export --html`, opened and saved as .docx by LibreOffice.
        ("libreoffice-from-html-sample.docx", assets::sample()),
        ("libreoffice-from-html-distinct.docx", distinct.clone()),
        // `nianbao export --docx`, opened and saved again by LibreOffice (its
        // grid has a 1-twip sliver column and a figure spanning it).
        ("libreoffice-resaved-distinct.docx", distinct),
    ] {
        let (got, _) = import(dir.path(), &fixture(docx));
        assert_same_report(&got, &want, docx);
    }
}

#[test]
fn last_years_word_report_starts_this_year() {
    let dir = tempfile::tempdir().unwrap();
    let last = store::load(&fixture("distinct.nianbao.json")).unwrap();
    let word = dir.path().join("2024年报.docx");
    fs::write(&word, nianbao::export::docx::export(&last, 0).unwrap()).unwrap();
    // The one open function the editor's 从上年年报创建 goes through.
    let opened = source::open(&word).unwrap();
    assert_eq!(opened.kind, source::Kind::Docx);
    let this = next_year(&opened.report, "2024年报.docx");
    assert_eq!(this.year, 2025);
    assert_eq!(this.organ, last.organ);
    assert_eq!(texts(&this)[2..], texts(&last)[2..]);
    assert_eq!(
        this.applications.row(AppRow::CarriedOver),
        last.applications.row(AppRow::CarriedForward)
    );
    assert_eq!(
        this.proactive.normative_documents.in_force,
        last.proactive.normative_documents.in_force
    );
    assert_eq!(this.applications.get(AppRow::Granted, AppCol::Total), None);
    assert_eq!(this.proactive.licensing, None);
}

#[test]
fn headings_numbered_by_word_read_as_printed() {
    // Our own file, its headings turned into Word's automatic numbering:
    // "总体情况" in a list whose first level prints "一、", the parts of 一
    // at the second level printing "（一）".
    let want = store::load(&fixture("distinct.nianbao.json")).unwrap();
    let bytes = nianbao::export::docx::export(&want, 0).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut parts: Vec<(String, String)> = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        parts.push((f.name().to_string(), text));
    }
    let number = |doc: &mut String, printed: &str, words: &str, level: u8| {
        let at = doc
            .find(&format!(">{printed}<"))
            .unwrap_or_else(|| panic!("{printed}"));
        let ppr = doc[..at].rfind("<w:pPr>").unwrap() + "<w:pPr>".len();
        doc.replace_range(at + 1..at + 1 + printed.len(), words);
        doc.insert_str(
            ppr,
            &format!(r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="9"/></w:numPr>"#),
        );
    };
    for (name, text) in &mut parts {
        if name == "word/document.xml" {
            for s in Section::ALL {
                number(text, &s.heading(), s.title(), 0);
            }
            for (i, p) in want.overview.parts.iter().enumerate() {
                number(
                    text,
                    &format!("{}{}", part_number(i), p.heading),
                    &p.heading,
                    1,
                );
            }
            assert!(!text.contains(">一、总体情况<"));
        }
        if name == "word/numbering.xml" {
            *text = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="90">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:num w:numId="9"><w:abstractNumId w:val="90"/></w:num>
</w:numbering>"#
                .into();
        }
    }
    let refs: Vec<(&str, &str)> = parts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("自动编号.docx");
    fs::write(&file, archive(&refs)).unwrap();
    let opened = source::open(&file).unwrap();
    assert_same_report(&opened.report, &want, "numbered");
    let summary = opened.summary.unwrap();
    assert!(summary.is_complete(), "{:?}", summary.lines());
}

/// A .docx holding `parts` (name, content).
fn archive(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn bad_files_get_a_chinese_message_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let (_, good) = exported_sample(dir.path());
    let good = fs::read(good).unwrap();
    let ole = [
        &[0xD0u8, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..],
        &[0; 504],
    ]
    .concat();
    let notice = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
        <w:p><w:r><w:t>关于召开安全生产工作会议的通知</w:t></w:r></w:p>
        <w:p><w:r><w:t>各村、各单位：定于下周一上午九时召开会议。</w:t></w:r></w:p></w:body></w:document>"#;
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "旧版.doc",
            ole.clone(),
            "“文件 → 另存为”，文件类型选“Word 文档（*.docx）”",
        ),
        ("年报.wps", ole.clone(), "旧版 Word（.doc）或 WPS（.wps）"),
        // Named .docx but in the old format.
        ("改了扩展名.docx", ole, "另存为"),
        (
            "下载不全.docx",
            good[..good.len() / 2].to_vec(),
            "无法读取这个 Word 文档",
        ),
        ("空.docx", Vec::new(), "文件是空的"),
        (
            "无正文.docx",
            archive(&[("word/styles.xml", "<w:styles/>")]),
            "压缩包里没有 Word 的正文",
        ),
        (
            "表格.docx",
            archive(&[("xl/workbook.xml", "<workbook/>")]),
            "这是 Excel 表格",
        ),
        (
            "坏的XML.docx",
            archive(&[("word/document.xml", "<w:document><w:body><w:p></w:body>")]),
            "正文的 XML 在第",
        ),
        (
            "通知.docx",
            archive(&[("word/document.xml", notice)]),
            "没有找到年报的内容",
        ),
    ];
    for (name, bytes, says) in cases {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        for args in [
            vec!["import", name, "-o", "out.json"],
            vec!["export", name, "--docx", "out.docx"],
        ] {
            let o = nianbao(&args, dir.path());
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains(says), "{args:?}: {err}");
            assert!(!err.contains("panicked"), "{args:?}: {err}");
        }
        // `check` names the file and says the same.
        let o = nianbao(&["check", name], dir.path());
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(
            common::stdout(&o).contains(says),
            "{name}: {}",
            common::stdout(&o)
        );
    }
    assert!(!dir.path().join("out.json").exists());
    assert!(!dir.path().join("out.docx").exists());
}
