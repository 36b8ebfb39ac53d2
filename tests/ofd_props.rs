//! On random reports — any text, XML's special characters, characters no
//! face has, control characters, huge figures — whatever exports to PDF also
//! exports to a well-formed OFD package: every XML file in the zip parses
//! (quick-xml, with a check of its own that every tag closes and every
//! character is one XML allows), and everything a file references exists:
//! the document root, the public resources, each page, each font file (which
//! parses and maps the characters drawn with it), each font a text names, and
//! no ID is given twice or above MaxUnitID.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]
#![cfg(feature = "pdf")]

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

use nianbao::export::{ofd, pdf};
use nianbao::fonts;
use nianbao::form::{AppCol, AppRow, AppealGroup, AppealPart, ProactiveField};
use nianbao::report::{CellRef, Part, Report};
use proptest::prelude::*;
use quick_xml::events::Event;
use skrifa::MetadataProvider;

/// Characters a report might hold, the awkward ones often.
fn text(max: usize) -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        4 => Just("政府信息公开年度报告工作情况，。；：、（一）"),
        2 => Just("<&>\"'&amp;"),
        1 => Just("喆堃"),         // outside the GB 2312 subsets: a second face
        1 => Just("𠮷\u{E000}😀"), // in no face: drawn as a box
        1 => Just("\u{1}\u{8}\u{B}\u{1F}\u{FFFE}\u{FFFF}"),
        1 => Just("\t\r\n"),
        1 => Just("e\u{301}ABC 123 4.5%"),
        1 => Just("\u{3000}  "),
    ];
    prop::collection::vec(pieces, 0..max).prop_map(|v| v.concat())
}

fn figure() -> impl Strategy<Value = Option<u64>> {
    prop_oneof![Just(None), (0u64..100).prop_map(Some), Just(Some(u64::MAX)),]
}

fn count_cells() -> Vec<CellRef> {
    let mut cells = Vec::new();
    for r in AppRow::ALL {
        for c in AppCol::ALL {
            cells.push(CellRef::App(r, c));
        }
    }
    for g in AppealGroup::ALL {
        for p in AppealPart::ALL {
            cells.push(CellRef::Appeal(g, p));
        }
    }
    cells.extend(ProactiveField::ALL.map(CellRef::ProactiveField));
    cells
}

fn report() -> impl Strategy<Value = Report> {
    (
        (text(4), any::<u16>(), text(6), text(6)),
        (text(20), prop::collection::vec((text(4), text(12)), 0..3)),
        (text(30), text(12), text(3)),
        prop::collection::vec(figure(), count_cells().len()),
    )
        .prop_map(
            |((organ, year, title, preamble), (intro, parts), (problems, other, fees), figures)| {
                let mut r = Report::new(&organ, year);
                r.title = title;
                r.preamble = preamble;
                r.overview.intro = intro;
                r.overview.parts = parts
                    .into_iter()
                    .map(|(heading, body)| Part { heading, body })
                    .collect();
                r.problems = problems;
                r.other_matters = other;
                r.proactive.fees_wan_yuan = fees;
                for (cell, v) in count_cells().into_iter().zip(figures) {
                    if let Some(slot) = r.count_mut(cell) {
                        *slot = v;
                    }
                }
                r
            },
        )
}

/// An element as parsed: name, attributes (unescaped), children, text.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
    children: Vec<Element>,
    text: String,
}

impl Element {
    fn all(&self) -> Vec<&Element> {
        let mut out = vec![self];
        for c in &self.children {
            out.extend(c.all());
        }
        out
    }

    fn named<'a>(&'a self, local: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.all().into_iter().filter(move |e| e.local() == local)
    }

    fn local(&self) -> &str {
        self.name.rsplit(':').next().unwrap_or(&self.name)
    }

    fn child_text<'a>(&'a self, local: &'a str) -> Option<&'a str> {
        self.named(local).next().map(|e| e.text.as_str())
    }
}

/// The characters XML 1.0 allows (its `Char` production).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn unescape_ref(name: &str) -> Result<char, String> {
    let named = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    };
    let numeric = || {
        let n = name.strip_prefix('#')?;
        let v = match n.strip_prefix('x') {
            Some(h) => u32::from_str_radix(h, 16).ok()?,
            None => n.parse().ok()?,
        };
        char::from_u32(v)
    };
    named
        .or_else(numeric)
        .ok_or_else(|| format!("unknown entity &{name};"))
}

/// Parse a whole XML file: one root element, every tag closed in order,
/// every character allowed.
fn parse(name: &str, bytes: &[u8]) -> Result<Element, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("{name}: not UTF-8: {e}"))?;
    if let Some(bad) = text.chars().find(|c| !xml_char(*c)) {
        return Err(format!(
            "{name}: U+{:04X} is not allowed in XML",
            bad as u32
        ));
    }
    let mut reader = quick_xml::Reader::from_str(text);
    let mut stack: Vec<Element> = Vec::new();
    let mut root = None;
    let err = |e: &dyn std::fmt::Display| format!("{name}: {e}");
    loop {
        let event = reader.read_event().map_err(|e| err(&e))?;
        match event {
            Event::Start(e) => stack.push(element(name, &e)?),
            Event::Empty(e) => {
                let el = element(name, &e)?;
                close(el, &mut stack, &mut root, name)?;
            }
            Event::End(e) => {
                let el = stack
                    .pop()
                    .ok_or_else(|| format!("{name}: stray end tag"))?;
                if el.name.as_bytes() != e.name().as_ref() {
                    return Err(format!("{name}: <{}> closed by another tag", el.name));
                }
                close(el, &mut stack, &mut root, name)?;
            }
            Event::Text(t) => {
                let s = t.decode().map_err(|e| err(&e))?;
                match stack.last_mut() {
                    Some(el) => el.text.push_str(&s),
                    None if s.trim().is_empty() => {}
                    None => return Err(format!("{name}: text outside the root")),
                }
            }
            Event::GeneralRef(r) => {
                let c = unescape_ref(&String::from_utf8_lossy(&r)).map_err(|e| err(&e))?;
                let el = stack
                    .last_mut()
                    .ok_or_else(|| format!("{name}: text outside the root"))?;
                el.text.push(c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!("{name}: <{}> never closed", open.name));
    }
    root.ok_or_else(|| format!("{name}: no root element"))
}

/// An element from its start tag, attributes unescaped.
fn element(name: &str, e: &quick_xml::events::BytesStart<'_>) -> Result<Element, String> {
    let err = |e: &dyn std::fmt::Display| format!("{name}: {e}");
    let mut el = Element {
        name: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
        ..Element::default()
    };
    for a in e.attributes() {
        let a = a.map_err(|e| err(&e))?;
        let raw = std::str::from_utf8(&a.value).map_err(|e| err(&e))?;
        let value = quick_xml::escape::unescape(raw)
            .map_err(|e| err(&e))?
            .into_owned();
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        if el.attrs.insert(key.clone(), value).is_some() {
            return Err(format!("{name}: attribute {key} twice"));
        }
    }
    Ok(el)
}

fn close(
    el: Element,
    stack: &mut [Element],
    root: &mut Option<Element>,
    name: &str,
) -> Result<(), String> {
    match stack.last_mut() {
        Some(parent) => parent.children.push(el),
        None if root.is_none() => *root = Some(el),
        None => return Err(format!("{name}: a second root element")),
    }
    Ok(())
}

/// `loc` as OFD resolves it: from the package root when it starts with `/`,
/// else from the folder `base` (a path inside the package, "" for the root).
fn resolve(base: &str, loc: &str) -> String {
    let joined = match loc.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None if base.is_empty() => loc.to_string(),
        None => format!("{base}/{loc}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(p),
        }
    }
    parts.join("/")
}

fn folder(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

/// Check the package; `Err` says what is wrong.
fn check_package(bytes: &[u8]) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut files = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| e.to_string())?;
        let mut data = Vec::new();
        f.read_to_end(&mut data).map_err(|e| e.to_string())?;
        if files.insert(f.name().to_string(), data).is_some() {
            return Err(format!("{} twice in the zip", f.name()));
        }
    }
    let mut xml = BTreeMap::new();
    for (name, data) in &files {
        if name.ends_with(".xml") {
            xml.insert(name.clone(), parse(name, data)?);
        }
    }
    let exists = |path: &str, what: &str| -> Result<(), String> {
        if files.contains_key(path) {
            Ok(())
        } else {
            Err(format!("{what} {path} is not in the package"))
        }
    };

    let entry = xml.get("OFD.xml").ok_or("no OFD.xml")?;
    let doc_root = entry
        .child_text("DocRoot")
        .ok_or("OFD.xml names no DocRoot")?;
    let doc_path = resolve("", doc_root);
    exists(&doc_path, "DocRoot")?;
    let document = &xml[&doc_path];
    let doc_dir = folder(&doc_path).to_string();
    let max_id: u64 = document
        .child_text("MaxUnitID")
        .ok_or("no MaxUnitID")?
        .trim()
        .parse()
        .map_err(|_| "MaxUnitID is not a number")?;

    // IDs over the whole document: unique, positive, at most MaxUnitID.
    let mut ids = BTreeSet::new();
    let mut take_id = |e: &Element, file: &str| -> Result<(), String> {
        if let Some(id) = e.attrs.get("ID") {
            let v: u64 = id
                .parse()
                .map_err(|_| format!("{file}: ID {id} is not a number"))?;
            if v == 0 || v > max_id {
                return Err(format!("{file}: ID {v} outside 1..={max_id}"));
            }
            if !ids.insert(v) {
                return Err(format!("{file}: ID {v} given twice"));
            }
        }
        Ok(())
    };

    // Resources: the fonts, each with its file, parsed.
    let mut fonts_by_id: BTreeMap<String, skrifa::FontRef<'_>> = BTreeMap::new();
    for res in document
        .named("PublicRes")
        .chain(document.named("DocumentRes"))
    {
        let res_path = resolve(&doc_dir, &res.text);
        exists(&res_path, "resource file")?;
        let res_xml = &xml[&res_path];
        let base = resolve(
            folder(&res_path),
            res_xml.attrs.get("BaseLoc").map_or("", String::as_str),
        );
        for font in res_xml.named("Font") {
            take_id(font, &res_path)?;
            let id = font.attrs.get("ID").ok_or("a Font without ID")?.clone();
            let file = font
                .child_text("FontFile")
                .ok_or("a Font without FontFile")?;
            let path = resolve(&base, file);
            exists(&path, "font file")?;
            let parsed = skrifa::FontRef::new(&files[&path])
                .map_err(|e| format!("font file {path} does not parse: {e}"))?;
            fonts_by_id.insert(id, parsed);
        }
    }

    // Pages: each content file exists and parses; each text names a font
    // that exists and maps the characters it draws.
    let body = skrifa::FontRef::new(fonts::bytes(fonts::BODY_FONT)).unwrap();
    let mut pages = 0;
    for page in document.named("Page") {
        take_id(page, &doc_path)?;
        let loc = page.attrs.get("BaseLoc").ok_or("a Page without BaseLoc")?;
        let path = resolve(&doc_dir, loc);
        exists(&path, "page")?;
        let content = xml
            .get(&path)
            .ok_or_else(|| format!("page {path} is not XML"))?;
        for e in content.all() {
            take_id(e, &path)?;
        }
        for t in content.named("TextObject") {
            let id = t.attrs.get("Font").ok_or("a TextObject without Font")?;
            let font = fonts_by_id
                .get(id)
                .ok_or_else(|| format!("{path}: font {id} is not a resource"))?;
            let code = t
                .named("TextCode")
                .next()
                .ok_or("a TextObject without TextCode")?;
            for c in code.text.chars() {
                // What no face has is drawn as a box, in the PDF as here.
                let drawable = body.charmap().map(c).is_some() && !c.is_control();
                if drawable && font.charmap().map(c).is_none() {
                    return Err(format!("{path}: font {id} cannot draw “{c}”"));
                }
            }
        }
        pages += 1;
    }
    if pages == 0 {
        return Err("no pages".into());
    }
    Ok(())
}

proptest! {
    // Each case lays the report out and writes it twice (PDF, OFD): a few
    // seconds for all of them in a debug build.
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn whatever_exports_to_pdf_exports_to_a_well_formed_ofd(r in report()) {
        prop_assume!(pdf::export(&r, 0).is_ok());
        let bytes = ofd::export(&r, 0);
        prop_assert!(bytes.is_ok(), "{:?}", bytes.err());
        let checked = check_package(&bytes.unwrap());
        prop_assert!(checked.is_ok(), "{}", checked.unwrap_err());
    }
}

#[test]
fn the_checker_finds_a_missing_page_and_a_broken_tag() {
    let r = nianbao::assets::sample();
    let good = ofd::export(&r, 0).unwrap();
    check_package(&good).unwrap();

    // The same package without its second page's content, then with a tag cut.
    let rewrite = |drop: Option<&str>, edit: &dyn Fn(&str, Vec<u8>) -> Vec<u8>| {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&good)).unwrap();
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let name = f.name().to_string();
            if Some(name.as_str()) == drop {
                continue;
            }
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            w.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut w, &edit(&name, data)).unwrap();
        }
        w.finish().unwrap().into_inner()
    };
    let missing = rewrite(Some("Doc_0/Pages/Page_1/Content.xml"), &|_, d| d);
    let e = check_package(&missing).unwrap_err();
    assert!(e.contains("Page_1"), "{e}");
    let cut = rewrite(None, &|name, d| {
        if name == "Doc_0/PublicRes.xml" {
            String::from_utf8(d)
                .unwrap()
                .replace("</ofd:Fonts>", "")
                .into_bytes()
        } else {
            d
        }
    });
    let e = check_package(&cut).unwrap_err();
    assert!(e.contains("PublicRes.xml"), "{e}");
}
