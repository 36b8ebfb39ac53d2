//! PDF/A-2b: each clause the exported PDF must meet, read back by an
//! independent parser (pikepdf, on qpdf), not by lopdf which writes the file.
//! No veraPDF here: README lists which clauses these tests cover.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]
#![cfg(feature = "pdf")]

use std::process::Command;

use lopdf::{Document, Object};
use nianbao::assets;
use nianbao::export::pdf;
use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider;
use skrifa::raw::ps::cff::CffFontRef;
use skrifa::raw::ps::cs::CommandSink;
use skrifa::raw::ps::string::Sid;
use skrifa::raw::types::Fixed;
use skrifa::{FontRef, GlyphId, MetadataProvider};

const CREATED: i64 = 1_735_732_805; // 2025-01-01 12:00:05 UTC

const CHECK: &str = r#"
import re, sys
try:
    import pikepdf
except ImportError:
    print("缺少 pikepdf：请运行 pip install pikepdf")
    sys.exit(3)

path, title, organ = sys.argv[1], sys.argv[2], sys.argv[3]
fails = []
def need(cond, what):
    if not cond:
        fails.append(what)

pdf = pikepdf.open(path)
info = pdf.docinfo

# XMP: identification, title, creator, dates equal to Info's.
meta = pdf.open_metadata()
need(meta.pdfa_status == "2B", "pdfaid part/conformance is %r, not 2B" % meta.pdfa_status)
need(meta.get("dc:title") == title, "dc:title %r" % meta.get("dc:title"))
need(meta.get("dc:creator") == [organ], "dc:creator %r" % meta.get("dc:creator"))
need(str(info.get("/Title")) == title, "Info Title")
need(str(info.get("/Author")) == organ, "Info Author")
md = pdf.Root.get("/Metadata")
need(md is not None and md.get("/Subtype") == "/XML", "Metadata stream /Subtype /XML")
need(md is None or "/Filter" not in md, "Metadata stream is not compressed")
def info_date(s):
    m = re.fullmatch(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)\+00'00'", s)
    return m and "%s-%s-%sT%s:%s:%s+00:00" % m.groups()
xmp_re = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00"
for key, xkey in [("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")]:
    d = info_date(str(info.get(key, "")))
    need(d is not None, "Info %s format: %r" % (key, str(info.get(key, ""))))
    x = meta.get(xkey)
    need(x is not None and re.fullmatch(xmp_re, x), "%s format: %r" % (xkey, x))
    need(d == x, "Info %s %r differs from %s %r" % (key, d, xkey, x))
need(meta.get("xmp:MetadataDate") == meta.get("xmp:CreateDate"), "xmp:MetadataDate")
need(meta.get("xmp:CreateDate") == "2025-01-01T12:00:05+00:00", "creation time %r" % meta.get("xmp:CreateDate"))
need(str(info.get("/Producer")) == meta.get("pdf:Producer"), "Producer")
need(str(info.get("/Creator")) == meta.get("xmp:CreatorTool"), "Creator")
need(str(info.get("/Subject")) == meta.get("dc:description"), "Subject")
need("/GTS_PDFXVersion" not in info, "Info claims PDF/X")

# Output intent: GTS_PDFA1 with an embedded RGB ICC profile (sRGB).
intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == "/GTS_PDFA1"]
need(len(intents) == 1, "one GTS_PDFA1 OutputIntent, found %d" % len(intents))
for i in intents:
    need("/OutputConditionIdentifier" in i, "OutputConditionIdentifier")
    prof = i.get("/DestOutputProfile")
    need(prof is not None, "DestOutputProfile")
    if prof is not None:
        icc = prof.read_bytes()
        need(int(prof.get("/N", 0)) == 3, "profile /N 3")
        need(icc[36:40] == b"acsp", "an ICC profile")
        need(icc[16:20] == b"RGB ", "an RGB profile")
        need(icc[8] in (2, 4), "ICC version 2 or 4")
        need(b"sRGB" in icc, "the sRGB profile")
need(not any(i.get("/S") == "/GTS_PDFX" for i in pdf.Root.get("/OutputIntents", [])), "a PDF/X intent")

# File structure: ID, no encryption.
ids = pdf.trailer.get("/ID")
need(ids is not None and len(ids) == 2 and all(len(bytes(x)) == 16 for x in ids), "trailer /ID")
need(not pdf.is_encrypted and "/Encrypt" not in pdf.trailer, "encrypted")

# No transparency, no JavaScript, no actions, anywhere in the file.
for obj in pdf.objects:
    d = obj
    if isinstance(obj, pikepdf.Stream):
        d = obj.stream_dict
    if not isinstance(d, pikepdf.Dictionary):
        continue
    keys = set(d.keys())
    need("/SMask" not in keys or d.get("/SMask") == "/None", "SMask in %r" % (obj.objgen,))
    for k in ("/CA", "/ca"):
        need(k not in keys or float(d[k]) >= 1.0, "%s < 1 in %r" % (k, (obj.objgen,)))
    need("/BM" not in keys or d["/BM"] in ("/Normal", "/Compatible"), "blend mode in %r" % (obj.objgen,))
    need(not (d.get("/S") == "/Transparency"), "transparency group in %r" % (obj.objgen,))
    need("/JS" not in keys and d.get("/S") != "/JavaScript", "JavaScript in %r" % (obj.objgen,))
    need("/AA" not in keys, "additional actions in %r" % (obj.objgen,))
need("/JavaScript" not in pdf.Root.get("/Names", {}), "document JavaScript")
need("/OpenAction" not in pdf.Root, "OpenAction")

# Every font embedded, with widths.
fonts = 0
for page in pdf.pages:
    for name, f in page.Resources.get("/Font", {}).items():
        fonts += 1
        for d in f.get("/DescendantFonts", [f]):
            fd = d.get("/FontDescriptor")
            need(fd is not None and any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")),
                 "font %s not embedded" % name)
            need("/W" in d or "/Widths" in d, "font %s has no widths" % name)
            if d.get("/Subtype") == "/CIDFontType2":
                need(d.get("/CIDToGIDMap") is not None, "CIDToGIDMap of %s" % name)
need(fonts > 0, "no fonts")

for f in fails:
    print("FAIL:", f)
print("checked", len(pdf.pages), "pages")
sys.exit(1 if fails else 0)
"#;

#[test]
fn the_exported_pdf_meets_each_pdfa_2b_clause_as_pikepdf_reads_it() {
    let report = assets::sample();
    let bytes = pdf::export(&report, CREATED).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("报告.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let out = Command::new("python3")
        .arg("-c")
        .arg(CHECK)
        .arg(&path)
        .arg(report.display_title())
        .arg(&report.organ)
        .output()
        .unwrap_or_else(|e| panic!("需要 python3 与 pikepdf（pip install pikepdf）：{e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "pikepdf check failed (install: pip install pikepdf):\n{text}{err}"
    );
    assert!(text.contains("checked"), "{text}");
}

/// The bytes of one widths array, CID → width in 1/1000 em.
fn widths(w: &[Object]) -> Vec<(u32, f32)> {
    let num = |o: &Object| match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => panic!("not a number: {o:?}"),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let first = num(&w[i]) as u32;
        match &w[i + 1] {
            Object::Array(list) => {
                for (k, v) in list.iter().enumerate() {
                    out.push((first + k as u32, num(v)));
                }
                i += 2;
            }
            _ => {
                let last = num(&w[i + 1]) as u32;
                for c in first..=last {
                    out.push((c, num(&w[i + 2])));
                }
                i += 3;
            }
        }
    }
    out
}

/// Discards a charstring's outline: only its width is wanted.
struct NoPath;
impl CommandSink for NoPath {
    fn move_to(&mut self, _: Fixed, _: Fixed) {}
    fn line_to(&mut self, _: Fixed, _: Fixed) {}
    fn curve_to(&mut self, _: Fixed, _: Fixed, _: Fixed, _: Fixed, _: Fixed, _: Fixed) {}
    fn close(&mut self) {}
}

/// PDF/A asks that the widths a reader uses (/W) agree with the embedded font
/// program's: the TrueType subset's hmtx, the CFF subsets' charstrings.
#[test]
fn every_font_is_embedded_with_widths_that_match_its_program() {
    let bytes = pdf::export(&assets::sample(), CREATED).unwrap();
    let doc = Document::load_mem(&bytes).unwrap();
    let mut checked = 0;
    let mut truetype = 0;
    let mut cff_fonts = 0;
    for (_, page) in doc.get_pages() {
        for (_, font) in doc.get_page_fonts(page).unwrap() {
            let deref = |o: &Object| -> lopdf::Dictionary {
                match o {
                    Object::Reference(r) => doc.get_dictionary(*r).unwrap().clone(),
                    Object::Dictionary(d) => d.clone(),
                    o => panic!("not a dictionary: {o:?}"),
                }
            };
            let cid = deref(&font.get(b"DescendantFonts").unwrap().as_array().unwrap()[0]);
            let fd = deref(cid.get(b"FontDescriptor").unwrap());
            let name = String::from_utf8_lossy(fd.get(b"FontName").unwrap().as_name().unwrap())
                .to_string();
            let w = match cid.get(b"W").unwrap() {
                Object::Array(a) => a.clone(),
                Object::Reference(r) => doc.get_object(*r).unwrap().as_array().unwrap().clone(),
                o => panic!("W is {o:?}"),
            };
            let list = widths(&w);
            assert!(!list.is_empty(), "{name}: empty /W");
            let stream = |key: &[u8]| {
                let s = doc
                    .get_object(fd.get(key).ok()?.as_reference().unwrap())
                    .unwrap()
                    .as_stream()
                    .unwrap();
                Some(s.decompressed_content().unwrap_or(s.content.clone()))
            };
            if let Some(program) = stream(b"FontFile2") {
                // TrueType: /W by glyph id (CIDToGIDMap Identity) against hmtx.
                let font = FontRef::new(&program).unwrap();
                let upem = font.head().unwrap().units_per_em() as f32;
                let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
                for (gid, width) in list {
                    let adv = metrics.advance_width(GlyphId::new(gid)).unwrap() * 1000.0 / upem;
                    assert!(
                        (adv - width).abs() <= 1.0,
                        "{name}: glyph {gid} is {adv} wide in the font, /W says {width}"
                    );
                    checked += 1;
                }
                truetype += 1;
            } else {
                // Bare CFF (CIDFontType0C): /W by CID; the charset maps a CID
                // to its glyph, whose charstring carries the width.
                let program = stream(b"FontFile3").expect("font embedded");
                let cff = CffFontRef::new_cff(&program, 0, None).unwrap();
                assert!(cff.is_cid(), "{name}: a CID-keyed CFF");
                let upem = cff.upem() as f32;
                let charset = cff.charset().unwrap();
                for (cid, width) in list {
                    let gid = charset.glyph_id(Sid::new(cid as u16)).unwrap();
                    let sub = cff.subfont(cff.subfont_index(gid).unwrap(), &[]).unwrap();
                    let adv = cff
                        .evaluate_charstring(&sub, gid, &[], &mut NoPath)
                        .unwrap()
                        .unwrap()
                        .to_f32()
                        * 1000.0
                        / upem;
                    assert!(
                        (adv - width).abs() <= 1.0,
                        "{name}: CID {cid} is {adv} wide in the font, /W says {width}"
                    );
                    checked += 1;
                }
                cff_fonts += 1;
            }
        }
    }
    assert!(cff_fonts > 0, "the Noto faces are CFF subsets");
    assert!(truetype > 0, "the Kai face is a TrueType subset");
    assert!(checked > 100, "only {checked} widths checked");
}
