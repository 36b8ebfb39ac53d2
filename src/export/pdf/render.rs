//! The printpdf backend: draws the display list, embeds the faces it uses
//! (subset, with ToUnicode), sets the document's metadata.

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, OffsetDateTime, Op, PaintMode, ParsedFont,
    PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt,
    TextItem, WindingOrder,
};

use super::faces::Face;
use crate::export::pages::Page;
use crate::export::subset::subset;

pub struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// The application that made the file (Info /Creator, xmp:CreatorTool).
    pub creator: String,
    /// Info /Producer, pdf:Producer.
    pub producer: String,
    /// Seconds since 1970 (UTC): the creation date written into the file.
    pub created: i64,
}

fn grey(v: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: v,
        icc_profile: None,
    })
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

pub fn render(pages: &[Page], meta: &Meta) -> Result<Vec<u8>, String> {
    let mut doc = PdfDocument::new(&meta.title);
    // The characters each face draws: printpdf is handed only those glyphs,
    // subset from the embedded bytes, never the whole face (export::subset).
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for run in pages.iter().flat_map(|p| &p.runs) {
        used.entry(run.face).or_default().extend(run.text.chars());
    }
    let mut font_ids = BTreeMap::new();
    for (face, chars) in &used {
        let bytes = subset(face.file(), chars)?;
        let mut warnings = Vec::new();
        let font = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
            .ok_or_else(|| format!("内置字体 {} 无法读取", face.file()))?;
        // printpdf's `add_font` names fonts after random ids (and orders the
        // file by them); fixed names make the same report give the same bytes.
        // The first six letters become the subset tag: NBAAAA+NotoSerif….
        let id = FontId(format!("NBAAA{}", (b'A' + *face as u8) as char));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(font));
        font_ids.insert(*face, id);
    }

    let mut out_pages = Vec::new();
    for page in pages {
        let mut ops = Vec::new();
        for f in &page.fills {
            ops.push(Op::SetFillColor { col: grey(f.grey) });
            ops.push(Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![PolygonRing {
                        points: vec![
                            point(f.x, f.y),
                            point(f.x + f.w, f.y),
                            point(f.x + f.w, f.y + f.h),
                            point(f.x, f.y + f.h),
                        ],
                    }],
                    mode: PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            });
        }
        ops.push(Op::SetOutlineColor { col: grey(0.0) });
        for r in &page.rules {
            ops.push(Op::SetOutlineThickness { pt: Pt(r.width) });
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![point(r.from.0, r.from.1), point(r.to.0, r.to.1)],
                    is_closed: false,
                },
            });
        }
        ops.push(Op::SetFillColor { col: grey(0.0) });
        for run in &page.runs {
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font_ids[&run.face].clone()),
                size: Pt(run.size),
            });
            ops.push(Op::SetCharacterSpacing {
                multiplier: run.spacing,
            });
            ops.push(Op::SetTextCursor {
                pos: Point {
                    x: Pt(run.x),
                    y: Pt(run.y),
                },
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(run.text.clone())],
            });
            ops.push(Op::EndTextSection);
        }
        out_pages.push(PdfPage::new(Mm(210.0), Mm(297.0), ops));
    }

    let date = OffsetDateTime::from_unix_timestamp(meta.created).map_err(|e| e.to_string())?;
    let info = &mut doc.metadata.info;
    info.document_title = meta.title.clone();
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.creator = meta.creator.clone();
    info.producer = meta.producer.clone();
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    info.identifier = String::new();

    let mut warnings = Vec::new();
    // The faces are subset already (above); printpdf's document is taken as
    // lopdf's, before it is written: it is finished below, written once,
    // never read back.
    let options = PdfSaveOptions {
        subset_fonts: false,
        optimize: false,
        ..Default::default()
    };
    let doc = printpdf::to_lopdf_doc(doc.with_pages(out_pages), &options, &mut warnings);
    tidy(doc, meta).map_err(|e| format!("PDF 后处理失败：{e}"))
}

/// Finish printpdf's document. It labels the file PDF 1.3 and writes an
/// empty `/GTS_PDFXVersion` (claiming PDF/X); neither is true of this file:
/// say what it is, PDF 1.7, PDF/A-2b. Name each face as the subset it is,
/// and compress the streams.
fn tidy(mut doc: lopdf::Document, meta: &Meta) -> Result<Vec<u8>, String> {
    doc.version = "1.7".into();
    tag_subsets(&mut doc);
    compress(&mut doc)?;
    super::pdfa::mark(&mut doc, meta)?;
    // The file identifier printpdf writes changes from one export to the next;
    // derive it from the content so that the same report gives the same bytes.
    doc.trailer.remove(b"ID");
    let mut draft = Vec::new();
    doc.save_to(&mut draft).map_err(|e| e.to_string())?;
    let id = lopdf::Object::String(
        fingerprint(&draft).to_vec(),
        lopdf::StringFormat::Hexadecimal,
    );
    doc.trailer
        .set("ID", lopdf::Object::Array(vec![id.clone(), id]));
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// "NotoSerifCJKsc-Regular" → "QHVXKB+NotoSerifCJKsc-Regular" wherever the
/// file names an embedded face (font, descendant font, descriptor): a
/// subset's name carries a tag of six capitals (ISO 32000-1, 9.6.4).
/// printpdf adds it only when it subsets the faces itself, which it is no
/// longer asked to do. The tag comes from the embedded program's bytes: the
/// same report gives the same file, and two different subsets of a face
/// never share a name (a tool merging PDFs by font name would draw the wrong
/// glyphs). A face named but not embedded is left as it is.
fn tag_subsets(doc: &mut lopdf::Document) {
    let mut tags = BTreeMap::new();
    for obj in doc.objects.values() {
        embedded_faces(doc, obj, &mut tags);
    }
    for obj in doc.objects.values_mut() {
        tag_in(obj, &tags);
    }
}

/// The faces `obj` (and what it holds directly) embeds: name → tag.
fn embedded_faces(
    doc: &lopdf::Document,
    obj: &lopdf::Object,
    tags: &mut BTreeMap<Vec<u8>, Vec<u8>>,
) {
    use lopdf::Object;
    let dict = match obj {
        Object::Array(items) => {
            return items.iter().for_each(|o| embedded_faces(doc, o, tags));
        }
        Object::Dictionary(d) => d,
        _ => return,
    };
    for (_, v) in dict.iter() {
        embedded_faces(doc, v, tags);
    }
    if dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"FontDescriptor") {
        return;
    }
    let Ok(name) = dict.get(b"FontName").and_then(Object::as_name) else {
        return;
    };
    let program = [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
        .iter()
        .find_map(|k| dict.get(k).ok()?.as_reference().ok())
        .and_then(|id| doc.get_object(id).ok()?.as_stream().ok());
    if let Some(program) = program {
        let tag = fingerprint(&program.content)
            .iter()
            .take(6)
            .map(|b| b'A' + b % 26)
            .collect();
        tags.insert(name.to_vec(), tag);
    }
}

fn tag_in(obj: &mut lopdf::Object, tags: &BTreeMap<Vec<u8>, Vec<u8>>) {
    use lopdf::Object;
    let dict = match obj {
        Object::Array(items) => return items.iter_mut().for_each(|o| tag_in(o, tags)),
        Object::Stream(s) => &mut s.dict,
        Object::Dictionary(d) => d,
        _ => return,
    };
    let key: &[u8] = match dict.get(b"Type").and_then(Object::as_name) {
        Ok(b"Font") => b"BaseFont",
        Ok(b"FontDescriptor") => b"FontName",
        _ => b"",
    };
    if let Ok(name) = dict.get(key).and_then(Object::as_name)
        && let Some(tag) = tags.get(name)
    {
        let tagged = [tag, &b"+"[..], name].concat();
        dict.set(key, Object::Name(tagged));
    }
    for (_, v) in dict.iter_mut() {
        tag_in(v, tags);
    }
}

/// Deflate every stream printpdf left plain, at zlib's level 2: printpdf's
/// level 9 took a fifth of an export's instructions; level 2 takes a third
/// of that for a file 3 % larger (the sample: 175 -> 181 KB; level 1 makes
/// it 207 KB).
fn compress(doc: &mut lopdf::Document) -> Result<(), String> {
    use std::io::Write;
    for obj in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = obj else {
            continue;
        };
        if stream.dict.has(b"Filter") || !stream.allows_compression {
            continue;
        }
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(2));
        z.write_all(&stream.content).map_err(|e| e.to_string())?;
        let packed = z.finish().map_err(|e| e.to_string())?;
        if packed.len() < stream.content.len() {
            stream
                .dict
                .set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(packed);
        }
    }
    Ok(())
}

/// 16 bytes that change whenever the content does (not a security hash).
fn fingerprint(bytes: &[u8]) -> [u8; 16] {
    use std::hash::{Hash, Hasher};
    let mut out = [0u8; 16];
    for (i, chunk) in out.chunks_mut(8).enumerate() {
        let mut h = std::hash::DefaultHasher::new();
        (i, bytes).hash(&mut h);
        chunk.copy_from_slice(&h.finish().to_le_bytes());
    }
    out
}
