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
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..Default::default()
    };
    let bytes = doc.with_pages(out_pages).save(&options, &mut warnings);
    tidy(&bytes, meta).map_err(|e| format!("PDF 后处理失败：{e}"))
}

/// printpdf labels the file PDF 1.3 and writes an empty `/GTS_PDFXVersion`
/// (claiming PDF/X); neither is true of this file. Say what it is: PDF 1.7,
/// PDF/A-2b.
fn tidy(bytes: &[u8], meta: &Meta) -> Result<Vec<u8>, String> {
    let mut doc = lopdf::Document::load_mem(bytes).map_err(|e| e.to_string())?;
    doc.version = "1.7".into();
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
