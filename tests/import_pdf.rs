//! Importing published PDFs: the WPS-made reference report reads with
//! exactly its transcribed figures, our own export reads back to the same
//! tables, fonts that are not embedded (GBK-EUC-H, UniGB-UCS2-H) give their
//! text, a scan is refused with its reason, and a damaged file gets a
//! message rather than a crash.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use lopdf::{Dictionary, Document, Object, Stream, dictionary};
use nianbao::checks::{self, Severity};
use nianbao::form::{AppRow, AppealGroup, AppealPart, ProactiveField, Section};
use nianbao::import::{self, FormEdition, ImportError, Imported, SourceKind};
use nianbao::report::Count;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name)
}

fn import_fixture(name: &str) -> Imported {
    import::import_file(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn count(v: &Value) -> Count {
    v.as_u64()
}

/// Every figure of an expected file (tests/corpus/expected, the hand
/// transcription) against the import, as tests/import_corpus.rs compares
/// the text of the same reports.
fn assert_expected_figures(i: &Imported, stem: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/expected")
        .join(format!("{stem}.json"));
    let exp: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let r = &i.report;
    assert_eq!(u64::from(r.year), exp["year"].as_u64().unwrap());
    let mut compared = 0;
    for (key, row) in exp["applications"].as_object().unwrap() {
        let values: Vec<Count> = row.as_array().unwrap().iter().map(count).collect();
        if key == "_other_sum" {
            assert_eq!(
                r.applications.row(AppRow::OtherMisc),
                &values[..],
                "other_misc"
            );
            let zeros: Vec<Count> = values.iter().map(|v| v.map(|_| 0)).collect();
            for sub in [AppRow::OtherNoCorrection, AppRow::OtherNoFee] {
                assert_eq!(r.applications.row(sub), &zeros[..], "{}", sub.key());
            }
            assert!(i.summary.other_as_one_row);
        } else {
            let row = AppRow::from_key(key).unwrap();
            assert_eq!(r.applications.row(row), &values[..], "{key}");
        }
        compared += values.len();
    }
    for g in AppealGroup::ALL {
        for p in AppealPart::ALL {
            let want = count(&exp["appeals"][g.key()][p.key()]);
            assert_eq!(r.appeals.get(g, p), want, "{}.{}", g.key(), p.key());
            compared += 1;
        }
    }
    let a = &exp["proactive"];
    for f in ProactiveField::ALL {
        let mut v = a;
        for part in f.key().split('.') {
            v = &v[part];
        }
        match f {
            ProactiveField::Fees => {
                assert_eq!(r.proactive.fees_wan_yuan, v.as_str().unwrap())
            }
            _ => assert_eq!(r.proactive.count(f), count(v), "{}", f.key()),
        }
        compared += 1;
    }
    // Every figure was compared: 23 rows of 7, 15 of table C, 10 of table A.
    assert_eq!(compared, 23 * 7 + 15 + 10);

    let errors: Vec<&str> = exp["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let mut found: Vec<&str> = checks::run(r, None, &|_| true)
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.id.id())
        .collect();
    found.dedup();
    assert_eq!(
        found, errors,
        "the published report's own 错误, and no other"
    );
}

#[test]
fn hongze_2023_as_published_by_wps_reads_with_its_transcribed_figures() {
    let i = import_fixture("hongze-2023-published.pdf");
    assert_expected_figures(&i, "008_jiangsu-huaian-hongzequ-2023");
    let s = &i.summary;
    assert_eq!(s.source, SourceKind::Pdf);
    assert_eq!(s.edition, Some(FormEdition::Y2021));
    assert_eq!(s.tables_found.len(), 3);
    assert!(s.rows_missing.is_empty(), "{:?}", s.lines());
    assert!(s.unplaced.is_empty(), "{:?}", s.lines());
    assert!(s.unrecognised.is_empty(), "{:?}", s.lines());
    assert!(s.sections_missing().is_empty(), "{:?}", s.lines());
    assert!(s.lines()[0].contains("PDF"), "{:?}", s.lines());
    let r = &i.report;
    assert_eq!(r.organ, "洪泽区人民政府");
    // Narrative numbers stay in their sentence, wrapped lines and the page
    // break between pages 1 and 2 are joined, page numbers are gone.
    assert_eq!(r.overview.parts.len(), 5);
    assert!(
        r.overview.parts[0]
            .body
            .starts_with("主要通过政府门户网站主动公开政府文件")
    );
    assert!(
        r.overview.parts[0]
            .body
            .ends_with("我区在政府网站平台主动公开政府信息1136条。"),
        "{}",
        r.overview.parts[0].body
    );
    assert!(
        r.overview.parts[2]
            .body
            .contains("严格执行“分级审核、先审后发”程序"),
        "{}",
        r.overview.parts[2].body
    );
    assert!(
        r.problems.contains("实行政府信息公开工作人员跟班学习制度"),
        "{}",
        r.problems
    );
    assert_eq!(
        r.other_matters,
        "2023年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。"
    );
}

#[test]
fn the_reference_pdf_as_text_keeps_table_rows_whole_across_the_page_break() {
    let bytes = std::fs::read(fixture("hongze-2023-published.pdf")).unwrap();
    let text = import::pdf_text(&bytes).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // Table B breaks between pages 3 and 4 without a repeated header: the
    // rows on either side are whole rows of cells.
    let before = lines
        .iter()
        .position(|l| l.contains("2.没有现成信息需要另行制作"))
        .unwrap();
    assert_eq!(
        lines[before],
        "| 2.没有现成信息需要另行制作 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |"
    );
    assert_eq!(
        lines[before + 1],
        "|  |  | 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
    );
    // A label wrapped inside its cell is one cell again.
    assert!(
        lines.contains(
            &"|  | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 4 | 0 | 0 | 0 | 0 | 0 | 4 |"
        ),
        "{text}"
    );
    // The vertical label of the outcome rows is read top to bottom.
    assert!(
        lines.contains(&"| 三、本年度办理结果 |  | （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"),
        "{text}"
    );
    // Table C: fifteen figures in fifteen cells.
    assert!(lines.contains(&"| 10 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 0 |"));
    assert!(!text.contains("-1-") && !text.contains("-3-"));
}

#[test]
fn our_own_exported_pdf_imports_back_to_the_same_tables() {
    // `nianbao sample -o s.json && nianbao export s.json --pdf sample-export.pdf`
    let i = import_fixture("sample-export.pdf");
    let sample = nianbao::assets::sample();
    let r = &i.report;
    assert_eq!(r.organ, sample.organ);
    assert_eq!(r.year, sample.year);
    assert_eq!(r.proactive, sample.proactive);
    assert_eq!(r.applications, sample.applications);
    assert_eq!(r.appeals, sample.appeals);
    assert_eq!(i.summary.tables_found.len(), 3);
    assert!(i.summary.unrecognised.is_empty(), "{:?}", i.summary.lines());
    assert_eq!(r.overview.parts.len(), sample.overview.parts.len());
    for (got, want) in r.overview.parts.iter().zip(&sample.overview.parts) {
        assert_eq!(got.heading, want.heading);
    }
}

/// The three tables of two reports, cell by cell.
fn assert_same_tables(got: &nianbao::report::Report, want: &nianbao::report::Report) {
    assert_eq!(got.proactive, want.proactive);
    for row in AppRow::ALL {
        assert_eq!(
            got.applications.row(row),
            want.applications.row(row),
            "{}",
            row.key()
        );
    }
    assert_eq!(got.appeals, want.appeals);
}

fn figures() -> nianbao::report::Report {
    let json = std::fs::read(fixture("figures.nianbao.json")).unwrap();
    nianbao::store::parse(&json).unwrap()
}

#[test]
fn libreoffice_made_from_our_web_page_reads_every_figure_in_its_cell() {
    let want = figures();
    // Writer's PDF export: the title, the tables on five pages.
    let i = import_fixture("libreoffice-writer-from-html.pdf");
    assert_eq!(i.report.organ, want.organ);
    assert_eq!(i.report.year, want.year);
    assert_same_tables(&i.report, &want);
    assert!(i.summary.unrecognised.is_empty(), "{:?}", i.summary.lines());

    // The web layout's export: headers repeated on each page, a label cut by
    // a page break, and 行政强制 (its figure blank) first on a page after
    // 行政处罚's 4119 — which must stay 行政处罚's.
    let i = import_fixture("libreoffice-web-from-html.pdf");
    assert_same_tables(&i.report, &want);
    assert_eq!(i.report.proactive.punishment, Some(4119));
    assert_eq!(i.report.proactive.enforcement, None);
    assert!(i.summary.unrecognised.is_empty(), "{:?}", i.summary.lines());
    assert!(i.summary.rows_missing.is_empty(), "{:?}", i.summary.lines());
    // LibreOffice leaves out the page's <h1>: said, not guessed.
    assert!(!i.summary.organ_found);
    assert!(
        i.summary
            .gaps()
            .contains(&"没有找到机关名称：请在编辑器中填写".to_string())
    );
}

#[test]
fn the_blank_form_from_word_via_libreoffice_reads_as_blank_cells_and_no_figure() {
    // shared/reference/template-2021-wps.docx (the blank 2021 form as WPS
    // writes it) converted by LibreOffice: the tables' structure, no figure.
    let bytes = std::fs::read(fixture("libreoffice-from-blank-form-docx.pdf")).unwrap();
    let text = import::pdf_text(&bytes).unwrap();
    for row in [
        "| 规章 |  |  |  |",
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
        "| （三）不予公开 | 1.属于国家秘密 |  |  |  |  |  |  |  |",
        "| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 |  |  |  |  |  |  |  |",
        "|  | （七）总计 |  |  |  |  |  |  |  |",
    ] {
        assert!(text.lines().any(|l| l == row), "{row}\n{text}");
    }
    let i = import::import_bytes(&bytes, None).unwrap();
    let tables = [Section::Proactive, Section::Applications, Section::Appeals];
    let tally = |f: fn(&nianbao::import::Tally) -> usize| -> usize {
        tables.iter().map(|t| f(&i.summary.tally(*t))).sum()
    };
    assert_eq!(tally(|t| t.read), 0, "{:?}", i.summary.lines());
    assert!(tally(|t| t.blank) > 100, "{:?}", i.summary.lines());
    assert_eq!(
        i.report.applications,
        nianbao::report::Applications::default()
    );
    assert!(!i.summary.organ_found && !i.summary.year_found);
}

/// The export as it is now, not only the committed fixture: a change of the
/// PDF layout that the reader cannot follow fails here.
#[cfg(feature = "pdf")]
#[test]
fn a_freshly_exported_report_with_figures_reads_back_equal() {
    use nianbao::form::AppCol;
    let mut report = nianbao::assets::sample();
    // Figures that are not all zero, and a blank cell.
    *report.applications.row_mut(AppRow::NewReceived) = [
        Some(21),
        Some(3),
        Some(0),
        Some(1),
        Some(0),
        Some(2),
        Some(27),
    ];
    *report.applications.row_mut(AppRow::Granted) =
        [Some(12), Some(3), Some(0), Some(1), Some(0), None, Some(16)];
    report.proactive.licensing = Some(550);
    report.proactive.normative_documents.in_force = Some(47);
    report.proactive.fees_wan_yuan = "7730.28".into();
    *report
        .appeals
        .get_mut(AppealGroup::Review, AppealPart::Upheld) = Some(10);
    let pdf = nianbao::export::pdf::export(&report, 1_735_689_600).unwrap();
    let i = import::import_bytes(&pdf, None).unwrap();
    assert_eq!(i.summary.source, SourceKind::Pdf);
    assert_eq!(i.report.applications, report.applications);
    assert_eq!(i.report.proactive, report.proactive);
    assert_eq!(i.report.appeals, report.appeals);
    assert_eq!(
        i.report.applications.get(AppRow::Granted, AppCol::Other),
        None
    );
}

/// A one-page PDF whose font is `font` (resource /F1), drawing `content`.
fn one_page(font: Dictionary, content: &[u8]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(font);
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let image_id = doc.add_object(Stream::new(
        dictionary! {"Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
        "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8},
        vec![0x80],
    ));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "Resources" => dictionary! {
            "Font" => dictionary! {"F1" => font_id},
            "XObject" => dictionary! {"Im1" => image_id},
        },
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! {"Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1},
        ),
    );
    let catalog_id = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages_id});
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A Chinese font that is not embedded: the reader has only its name and
/// the predefined CMap.
fn cjk_font(encoding: &str) -> Dictionary {
    dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "SimSun",
        "Encoding" => encoding,
        "DescendantFonts" => vec![Object::Dictionary(dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType0",
            "BaseFont" => "SimSun",
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("GB1"),
                "Supplement" => 2,
            },
            "FontDescriptor" => dictionary! {
                "Type" => "FontDescriptor", "FontName" => "SimSun", "Flags" => 6,
                "FontBBox" => vec![0.into(), (-141).into(), 996.into(), 855.into()],
                "ItalicAngle" => 0, "Ascent" => 855, "Descent" => -141,
                "CapHeight" => 855, "StemV" => 80,
            },
            "DW" => 1000,
        })],
    }
}

const SHORT_REPORT: [&str; 8] = [
    "某某镇人民政府",
    "2023年政府信息公开工作年度报告",
    "一、总体情况",
    "本年度共收到政府信息公开申请21件，均按时答复。",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

/// The lines of `SHORT_REPORT` shown in `encode`'s bytes, one a line.
fn content(encode: impl Fn(&str) -> Vec<u8>) -> Vec<u8> {
    let mut out = Vec::new();
    for (k, line) in SHORT_REPORT.iter().enumerate() {
        let hex: String = encode(line).iter().map(|b| format!("{b:02X}")).collect();
        let y = 780 - 30 * k;
        out.extend(format!("BT /F1 12 Tf 72 {y} Td <{hex}> Tj ET\n").bytes());
    }
    out
}

fn assert_short_report(pdf: &[u8]) {
    let text = import::pdf_text(pdf).unwrap();
    assert_eq!(text, SHORT_REPORT.join("\n") + "\n");
    let i = import::import_bytes(pdf, None).unwrap();
    assert_eq!(i.report.organ, "某某镇人民政府");
    assert_eq!(i.report.year, 2023);
    assert_eq!(
        i.report.overview.intro,
        "本年度共收到政府信息公开申请21件，均按时答复。"
    );
}

#[test]
fn a_font_not_embedded_with_gbk_euc_h_reads_its_gbk_bytes() {
    let gbk = |s: &str| encoding_rs::GBK.encode(s).0.into_owned();
    assert_short_report(&one_page(cjk_font("GBK-EUC-H"), &content(gbk)));
}

#[test]
fn a_font_not_embedded_with_unigb_ucs2_h_reads_its_ucs2_bytes() {
    let ucs2 = |s: &str| s.encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert_short_report(&one_page(cjk_font("UniGB-UCS2-H"), &content(ucs2)));
    assert_short_report(&one_page(cjk_font("UniGB-UTF16-H"), &content(ucs2)));
}

/// Text shown at (x, y) in `font`'s encoding, 10 pt.
fn placed(encode: impl Fn(&str) -> Vec<u8>, texts: &[(&str, f32, f32)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (t, x, y) in texts {
        let hex: String = encode(t).iter().map(|b| format!("{b:02X}")).collect();
        out.extend(format!("BT /F1 10 Tf {x} {y} Td <{hex}> Tj ET\n").bytes());
    }
    out
}

#[test]
fn a_table_without_rules_keeps_a_blank_figure_in_its_column() {
    // Table B printed without rules (as converters and some offices do): the
    // figures stand in columns; 商业企业 of （一）予以公开 is blank.
    let gbk = |s: &str| encoding_rs::GBK.encode(s).0.into_owned();
    let cols = [300.0, 340.0, 380.0, 420.0, 460.0, 500.0, 540.0];
    let mut texts: Vec<(&str, f32, f32)> = vec![
        ("某某镇人民政府2023年政府信息公开工作年度报告", 72.0, 800.0),
        ("三、收到和处理政府信息公开申请情况", 72.0, 770.0),
        ("一、本年新收政府信息公开申请数量", 40.0, 740.0),
        ("二、上年结转政府信息公开申请数量", 40.0, 720.0),
        ("（一）予以公开", 40.0, 700.0),
    ];
    let rows: [[&str; 7]; 3] = [
        ["21", "3", "0", "1", "0", "2", "27"],
        ["1", "0", "0", "0", "0", "0", "1"],
        ["12", "", "0", "1", "0", "2", "15"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                texts.push((v, cols[c], 740.0 - 20.0 * r as f32));
            }
        }
    }
    let pdf = one_page(cjk_font("GBK-EUC-H"), &placed(gbk, &texts));
    let text = import::pdf_text(&pdf).unwrap();
    assert!(
        text.contains("| （一）予以公开 | 12 |  | 0 | 1 | 0 | 2 | 15 |"),
        "{text}"
    );
    let i = import::import_bytes(&pdf, None).unwrap();
    let a = &i.report.applications;
    assert_eq!(
        *a.row(AppRow::NewReceived),
        [
            Some(21),
            Some(3),
            Some(0),
            Some(1),
            Some(0),
            Some(2),
            Some(27)
        ]
    );
    assert_eq!(
        *a.row(AppRow::Granted),
        [Some(12), None, Some(0), Some(1), Some(0), Some(2), Some(15)]
    );
}

#[test]
fn figures_too_close_to_tell_their_columns_apart_stay_as_printed() {
    // Two figures a digit apart where the rows above have one column: no
    // cells are made up; the row reader gets the printed text.
    let gbk = |s: &str| encoding_rs::GBK.encode(s).0.into_owned();
    let texts = [
        ("规章", 40.0, 740.0),
        ("0", 300.0, 740.0),
        ("12", 400.0, 740.0),
        ("行政规范性文件", 40.0, 720.0),
        ("3", 300.0, 720.0),
        ("4", 309.0, 720.0),
    ];
    let pdf = one_page(cjk_font("GBK-EUC-H"), &placed(gbk, &texts));
    let text = import::pdf_text(&pdf).unwrap();
    assert_eq!(text, "规章 0 12\n行政规范性文件 3 4\n");
}

/// `pdf` encrypted (RC4, 128 bits) with these passwords.
fn encrypted(pdf: &[u8], user_password: &str) -> Vec<u8> {
    use lopdf::{EncryptionState, EncryptionVersion, Permissions};
    let mut doc = Document::load_mem(pdf).unwrap();
    doc.trailer.set(
        "ID",
        vec![
            Object::string_literal(b"0123456789abcdef".to_vec()),
            Object::string_literal(b"0123456789abcdef".to_vec()),
        ],
    );
    let state = EncryptionState::try_from(EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: Permissions::PRINTABLE,
    })
    .unwrap();
    doc.encrypt(&state).unwrap();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn a_pdf_locked_with_a_password_is_refused_and_one_only_restricted_is_read() {
    let gbk = |s: &str| encoding_rs::GBK.encode(s).0.into_owned();
    let plain = one_page(cjk_font("GBK-EUC-H"), &content(gbk));
    // Most published PDFs are encrypted only to forbid copying or printing:
    // no password is needed to open them.
    assert_short_report(&encrypted(&plain, ""));
    let e = import::import_bytes(&encrypted(&plain, "secret"), None).unwrap_err();
    assert_eq!(e, ImportError::PdfEncrypted);
    assert!(e.to_string().contains("设有打开密码"), "{e}");
}

fn scan() -> Vec<u8> {
    one_page(cjk_font("GBK-EUC-H"), b"q 595 0 0 842 0 0 cm /Im1 Do Q")
}

#[test]
fn a_scan_is_refused_with_its_reason() {
    let e = import::import_bytes(&scan(), None).unwrap_err();
    assert_eq!(e, ImportError::Scanned);
    let shown = e.to_string();
    assert!(shown.starts_with("这是扫描件"), "{shown}");
    assert!(shown.contains("没有可以读取的文字层"), "{shown}");
    assert!(
        shown.contains("索取文本版") && shown.contains("网页"),
        "{shown}"
    );
}

#[test]
fn the_cli_imports_a_pdf_and_refuses_a_scan_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("扫描版年报.pdf"), scan()).unwrap();
    let out = common::nianbao(&["import", "扫描版年报.pdf", "-o", "out.json"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        common::stderr(&out).contains("这是扫描件"),
        "{}",
        common::stderr(&out)
    );
    assert!(!dir.path().join("out.json").exists());

    std::fs::copy(
        fixture("hongze-2023-published.pdf"),
        dir.path().join("洪泽区2023年报.pdf"),
    )
    .unwrap();
    let out = common::nianbao(
        &["import", "洪泽区2023年报.pdf", "-o", "洪泽.json"],
        dir.path(),
    );
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("来源：PDF 文件（读取其中的文字层）"), "{err}");
    let saved =
        nianbao::store::parse(&std::fs::read(dir.path().join("洪泽.json")).unwrap()).unwrap();
    assert_eq!(saved.organ, "洪泽区人民政府");
    assert_eq!(
        saved
            .applications
            .get(AppRow::NewReceived, nianbao::form::AppCol::Total),
        Some(21)
    );
}

#[test]
fn damaged_pdfs_get_a_message_never_a_panic() {
    let whole = std::fs::read(fixture("hongze-2023-published.pdf")).unwrap();
    let chinese = |e: &ImportError| {
        e.to_string()
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    };
    // Cut anywhere (a download that stopped): the file is said to be damaged.
    for k in 1..40 {
        let cut = &whole[..whole.len() * k / 40];
        assert_eq!(
            import::import_bytes(cut, None).unwrap_err(),
            ImportError::PdfDamaged,
            "cut at {k}/40"
        );
    }
    // Bytes flipped through the file.
    let mut flipped = whole.clone();
    for i in (0..flipped.len()).step_by(997) {
        flipped[i] ^= 0x5a;
    }
    if let Err(e) = import::import_bytes(&flipped, None) {
        assert!(chinese(&e), "{e}");
    }
    for junk in [
        &b"%PDF-1.7\n"[..],
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        b"%PDF-\xff\xfe\x00garbage\x00\x01",
    ] {
        assert_eq!(
            import::import_bytes(junk, None).unwrap_err(),
            ImportError::PdfDamaged
        );
    }
    // A file called .pdf that is no PDF (a picture or a page renamed): not
    // "damaged, download again", but "this is no PDF".
    for other in [
        &b"<html>not a pdf</html>"[..],
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    ] {
        let e = import::import_bytes(other, Some(SourceKind::Pdf)).unwrap_err();
        assert_eq!(e, ImportError::NotPdf);
        assert!(e.to_string().contains("这个文件不是 PDF"), "{e}");
    }
    assert!(
        ImportError::PdfDamaged
            .to_string()
            .contains("PDF 文件已损坏或不完整")
    );
}
