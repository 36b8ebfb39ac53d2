//! PDF/A-2b marks, added to what printpdf writes: printpdf 0.12 writes no
//! `pdfaid` XMP and a PDF/X-style intent even when asked for PDF/A, so the
//! file is corrected here with lopdf.
//!
//! What PDF/A-2b asks of this file, and where it comes from:
//! - XMP metadata (pdfaid:part 2, conformance B) agreeing with the Info
//!   dictionary: written here, Info's dates rewritten so both say the same;
//! - an OutputIntent `GTS_PDFA1` with an sRGB profile (assets/icc/sRGB.icc,
//!   zlib licence, see the README beside it): written here;
//! - every font embedded with its widths: printpdf's subsets;
//! - no encryption, transparency or JavaScript: nothing here writes any;
//! - a trailer /ID: `render::tidy`.

use lopdf::{Dictionary, Document, Object, Stream, StringFormat};
use printpdf::OffsetDateTime;

use super::render::Meta;

/// sRGB IEC61966-2.1 (ICC v2.3, from Debian's icc-profiles-free; zlib licence).
const SRGB_ICC: &[u8] = include_bytes!("../../../assets/icc/sRGB.icc");

/// Mark `doc` as PDF/A-2b: XMP, output intent, Info consistent with the XMP.
pub fn mark(doc: &mut Document, meta: &Meta) -> Result<(), String> {
    let date = OffsetDateTime::from_unix_timestamp(meta.created).map_err(|e| e.to_string())?;
    let (pdf_date, xmp_date) = dates(date);

    // Info: only entries the XMP mirrors (PDF/A requires them to agree).
    let info_id = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())?;
    let info = doc
        .get_object_mut(info_id)
        .and_then(Object::as_dict_mut)
        .map_err(|e| e.to_string())?;
    for key in [
        &b"GTS_PDFXVersion"[..],
        b"Identifier",
        b"Keywords",
        b"Trapped",
    ] {
        info.remove(key);
    }
    let literal = |s: &str| Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    info.set("CreationDate", literal(&pdf_date));
    info.set("ModDate", literal(&pdf_date));

    let xmp = xmp(meta, &xmp_date);
    let metadata = doc.add_object(Stream::new(
        Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp.into_bytes(),
    ));
    let profile = doc.add_object(Stream::new(
        Dictionary::from_iter(vec![("N", Object::Integer(3))]),
        SRGB_ICC.to_vec(),
    ));
    let intent = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFA1".to_vec())),
        ("OutputConditionIdentifier", literal("sRGB IEC61966-2.1")),
        ("Info", literal("sRGB IEC61966-2.1")),
        ("RegistryName", literal("http://www.color.org")),
        ("DestOutputProfile", Object::Reference(profile)),
    ]);
    let catalog = doc.catalog_mut().map_err(|e| e.to_string())?;
    catalog.set("Metadata", Object::Reference(metadata));
    catalog.set(
        "OutputIntents",
        Object::Array(vec![Object::Dictionary(intent)]),
    );
    Ok(())
}

/// The same instant as the Info dictionary writes it (`D:20250101000000+00'00'`)
/// and as XMP does (`2025-01-01T00:00:00+00:00`).
fn dates(d: OffsetDateTime) -> (String, String) {
    let (y, mo, da, h, mi, s) = (
        d.year(),
        d.month() as u8,
        d.day(),
        d.hour(),
        d.minute(),
        d.second(),
    );
    (
        format!("D:{y:04}{mo:02}{da:02}{h:02}{mi:02}{s:02}+00'00'"),
        format!("{y:04}-{mo:02}-{da:02}T{h:02}:{mi:02}:{s:02}+00:00"),
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The XMP packet: the Info dictionary's entries in their XMP homes, and the
/// PDF/A identification.
fn xmp(meta: &Meta, date: &str) -> String {
    let title = escape(&meta.title);
    let author = escape(&meta.author);
    let subject = escape(&meta.subject);
    let creator = escape(&meta.creator);
    let producer = escape(&meta.producer);
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <pdf:Producer>{producer}</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{feff}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn info_and_xmp_dates_name_the_same_instant() {
        let d = OffsetDateTime::from_unix_timestamp(1_735_732_805);
        assert_eq!(
            d.map(dates).ok(),
            Some((
                "D:20250101120005+00'00'".to_string(),
                "2025-01-01T12:00:05+00:00".to_string()
            ))
        );
    }

    #[test]
    fn xmp_escapes_markup_in_the_title() {
        let meta = Meta {
            title: "A&B<机关>".into(),
            author: "\"甲\"".into(),
            subject: String::new(),
            creator: String::new(),
            producer: String::new(),
            created: 0,
        };
        let x = xmp(&meta, "2025-01-01T00:00:00+00:00");
        assert!(x.contains("A&amp;B&lt;机关&gt;"));
        assert!(x.contains("&quot;甲&quot;"));
    }
}
