//! Fonts: from the bytes of a shown string to characters and their widths.
//!
//! - Composite (Type0) fonts: codes by the encoding's code space, text by
//!   the ToUnicode map — what WPS and Word write (Identity-H with a
//!   ToUnicode map) — or, for a font that is not embedded and uses a
//!   predefined CMap, by the encoding itself: GBK-EUC-H codes are GBK bytes,
//!   UniGB-UCS2-H / UniGB-UTF16-H codes are UTF-16. No CID tables are needed
//!   for that; widths then follow the character (half width for ASCII).
//! - Simple fonts: one byte a code, text by ToUnicode, `/Differences` or the
//!   base encoding, widths from `/Widths`.

use lopdf::{Dictionary, Document, Object};

use super::cmap::{CMap, CodeSpace, code_value};
use super::encoding::{Base, glyph_char};
use super::resolve;

/// The largest font program stream read (a ToUnicode map or encoding CMap).
const MAX_CMAP_BYTES: usize = 4 << 20;

/// One character code of a shown string.
pub struct Code {
    /// `None`: the font does not say which character the glyph is.
    pub text: Option<String>,
    /// The advance, in thousandths of the font size.
    pub width: f32,
    /// The single-byte code 32, to which word spacing applies.
    pub word_space: bool,
}

/// How a predefined CMap's codes turn into text without a ToUnicode map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bytes {
    /// Identity: codes are glyph ids; without ToUnicode, no text.
    Glyphs,
    Gbk,
    Gb18030,
    Big5,
    Utf16,
}

struct Predefined {
    bytes: Bytes,
    vertical: bool,
    codespace: CodeSpace,
}

/// The predefined CMaps of Chinese fonts (PDF 32000, 9.7.5.2) and Identity.
fn predefined(name: &[u8]) -> Option<Predefined> {
    let name = std::str::from_utf8(name).ok()?;
    let vertical = name.ends_with("-V");
    let base = name.strip_suffix("-V").or(name.strip_suffix("-H"))?;
    let one_or_two = |lead_lo: u8, lo2: u8| {
        CodeSpace::new(&[(&[0x00], &[0x80]), (&[lead_lo, lo2], &[0xfe, 0xfe])])
    };
    let (bytes, codespace) = match base {
        "Identity" => (
            Bytes::Glyphs,
            CodeSpace::new(&[(&[0x00, 0x00], &[0xff, 0xff])]),
        ),
        "GB-EUC" | "GBpc-EUC" | "GBT-EUC" | "GBTpc-EUC" => (Bytes::Gbk, one_or_two(0xa1, 0xa1)),
        "GBK-EUC" | "GBKp-EUC" => (Bytes::Gbk, one_or_two(0x81, 0x40)),
        "GBK2K" => (
            Bytes::Gb18030,
            CodeSpace::new(&[
                (&[0x00], &[0x80]),
                (&[0x81, 0x30, 0x81, 0x30], &[0xfe, 0x39, 0xfe, 0x39]),
                (&[0x81, 0x40], &[0xfe, 0xfe]),
            ]),
        ),
        "B5pc" | "ETen-B5" | "HKscs-B5" | "ETenms-B5" => (Bytes::Big5, one_or_two(0xa1, 0x40)),
        "UniGB-UCS2" | "UniCNS-UCS2" | "UniJIS-UCS2" | "UniKS-UCS2" => (
            Bytes::Utf16,
            CodeSpace::new(&[(&[0x00, 0x00], &[0xff, 0xff])]),
        ),
        "UniGB-UTF16" | "UniCNS-UTF16" | "UniJIS-UTF16" | "UniKS-UTF16" => (
            Bytes::Utf16,
            CodeSpace::new(&[
                (&[0x00, 0x00], &[0xd7, 0xff]),
                (&[0xd8, 0x00, 0xdc, 0x00], &[0xdb, 0xff, 0xdf, 0xff]),
                (&[0xe0, 0x00], &[0xff, 0xff]),
            ]),
        ),
        _ => return None,
    };
    Some(Predefined {
        bytes,
        vertical,
        codespace,
    })
}

fn bytes_text(bytes: Bytes, code: &[u8]) -> Option<String> {
    let text = match bytes {
        Bytes::Glyphs => return None,
        _ if code.len() == 1 => {
            return (code[0] < 0x80).then(|| char::from(code[0]).to_string());
        }
        Bytes::Gbk => encoding_rs::GBK.decode_without_bom_handling(code).0,
        Bytes::Gb18030 => encoding_rs::GB18030.decode_without_bom_handling(code).0,
        Bytes::Big5 => encoding_rs::BIG5.decode_without_bom_handling(code).0,
        Bytes::Utf16 => encoding_rs::UTF_16BE.decode_without_bom_handling(code).0,
    };
    (!text.contains('\u{fffd}')).then(|| text.into_owned())
}

/// CID widths: `/W` ranges and `/DW`.
#[derive(Default)]
struct Widths {
    default: f32,
    ranges: Vec<(u32, u32, f32)>,
}

impl Widths {
    fn of(&self, cid: u32) -> f32 {
        let i = self.ranges.partition_point(|r| r.0 <= cid);
        match i.checked_sub(1).map(|i| self.ranges[i]) {
            Some((_, last, w)) if cid <= last => w,
            _ => self.default,
        }
    }
}

enum Kind {
    Simple {
        chars: Box<[Option<char>; 256]>,
        widths: Box<[f32; 256]>,
    },
    Composite {
        codespace: CodeSpace,
        /// The encoding's own code → CID map, when it is embedded.
        cids: Option<CMap>,
        bytes: Bytes,
        widths: Widths,
    },
}

pub struct Font {
    kind: Kind,
    to_unicode: Option<CMap>,
    /// Written top to bottom (Identity-V, GBK-EUC-V …).
    pub vertical: bool,
    /// Glyph space to thousandths of the font size (Type 3 fonts have their own matrix).
    scale: f32,
}

impl Font {
    /// A font nothing is known of: one byte a code, no text.
    pub fn unknown() -> Font {
        Font {
            kind: Kind::Simple {
                chars: Box::new([None; 256]),
                widths: Box::new([500.0; 256]),
            },
            to_unicode: None,
            vertical: false,
            scale: 1.0,
        }
    }

    pub fn load(doc: &Document, dict: &Dictionary) -> Font {
        let to_unicode = dict
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| stream_bytes(doc, o))
            .map(|b| CMap::parse(&b));
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        if subtype == b"Type0" {
            return composite(doc, dict, to_unicode);
        }
        simple(doc, dict, subtype, to_unicode)
    }

    /// Each code of a shown string, in order.
    pub fn decode(&self, bytes: &[u8], mut each: impl FnMut(Code)) {
        match &self.kind {
            Kind::Simple { chars, widths } => {
                for &b in bytes {
                    let text = self
                        .to_unicode
                        .as_ref()
                        .and_then(|m| m.text(&[b]))
                        .filter(|t| usable(t))
                        .or_else(|| chars[usize::from(b)].map(String::from));
                    each(Code {
                        text,
                        width: widths[usize::from(b)] * self.scale,
                        word_space: b == 32,
                    });
                }
            }
            Kind::Composite {
                codespace,
                cids,
                bytes: kind,
                widths,
            } => {
                let mut rest = bytes;
                while !rest.is_empty() {
                    let n = codespace.code_len(rest).min(rest.len());
                    let (code, tail) = rest.split_at(n);
                    rest = tail;
                    let text = self
                        .to_unicode
                        .as_ref()
                        .and_then(|m| m.text(code))
                        .filter(|t| usable(t))
                        .or_else(|| bytes_text(*kind, code));
                    let cid = match (cids, kind) {
                        (Some(m), _) => m.cid(code),
                        (None, Bytes::Glyphs) => Some(code_value(code)),
                        _ => None,
                    };
                    let width = match cid {
                        Some(cid) => widths.of(cid),
                        // Predefined CMaps without their CID tables: the
                        // CJK fonts' half-width Latin and full-width rest.
                        None if half_width(code, text.as_deref()) => 500.0,
                        None => widths.default,
                    };
                    each(Code {
                        text,
                        width: width * self.scale,
                        word_space: code == [32],
                    });
                }
            }
        }
    }
}

/// A ToUnicode entry worth taking: not empty, not a NUL some writers put.
fn usable(t: &str) -> bool {
    !t.is_empty() && !t.chars().all(|c| c == '\0')
}

fn half_width(code: &[u8], text: Option<&str>) -> bool {
    code.len() == 1
        || text.is_some_and(|t| {
            t.chars()
                .all(|c| c.is_ascii() || ('\u{ff61}'..='\u{ffdc}').contains(&c))
        })
}

/// The decoded bytes of a stream (given directly or by reference).
pub fn stream_bytes(doc: &Document, o: &Object) -> Option<Vec<u8>> {
    let stream = resolve(doc, o).as_stream().ok()?;
    stream.get_plain_content_with_limit(MAX_CMAP_BYTES).ok()
}

fn number(doc: &Document, o: &Object) -> Option<f32> {
    match resolve(doc, o) {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

fn composite(doc: &Document, dict: &Dictionary, to_unicode: Option<CMap>) -> Font {
    let descendant = dict
        .get(b"DescendantFonts")
        .map(|o| resolve(doc, o))
        .and_then(Object::as_array)
        .ok()
        .and_then(|a| a.first())
        .map(|o| resolve(doc, o))
        .and_then(|o| o.as_dict().ok());
    let encoding = dict.get(b"Encoding").map(|o| resolve(doc, o));
    let (mut codespace, mut cids, mut base) = (CodeSpace::default(), None, None);
    let mut vertical = false;
    match encoding {
        Ok(Object::Name(name)) => base = predefined(name),
        Ok(o @ Object::Stream(_)) => {
            if let Some(data) = stream_bytes(doc, o) {
                let m = CMap::parse(&data);
                codespace = m.codespace.clone();
                vertical = m.vertical;
                base = m.uses.as_deref().and_then(predefined);
                if m.has_cids() {
                    cids = Some(m);
                }
            }
        }
        _ => {}
    }
    let mut bytes = Bytes::Glyphs;
    if let Some(p) = base {
        if codespace.is_empty() {
            codespace = p.codespace;
        }
        bytes = p.bytes;
        vertical |= p.vertical;
    }
    if codespace.is_empty() {
        codespace = CodeSpace::new(&[(&[0x00, 0x00], &[0xff, 0xff])]);
    }
    let mut widths = Widths {
        default: 1000.0,
        ranges: Vec::new(),
    };
    if let Some(d) = descendant {
        if let Some(dw) = d.get(b"DW").ok().and_then(|o| number(doc, o)) {
            widths.default = dw;
        }
        if let Ok(w) = d
            .get(b"W")
            .map(|o| resolve(doc, o))
            .and_then(Object::as_array)
        {
            widths.ranges = cid_widths(doc, w);
        }
    }
    Font {
        kind: Kind::Composite {
            codespace,
            cids,
            bytes,
            widths,
        },
        to_unicode,
        vertical,
        scale: 1.0,
    }
}

/// `/W [c [w1 w2 …] cfirst clast w …]`, as sorted ranges.
fn cid_widths(doc: &Document, w: &[Object]) -> Vec<(u32, u32, f32)> {
    let mut out = Vec::new();
    let mut i = 0;
    let cid = |o: &Object| number(doc, o).filter(|n| *n >= 0.0).map(|n| n as u32);
    while i + 1 < w.len() && out.len() < 100_000 {
        let Some(first) = cid(&w[i]) else { break };
        match resolve(doc, &w[i + 1]) {
            Object::Array(list) => {
                for (k, o) in list.iter().enumerate().take(100_000) {
                    if let Some(v) = number(doc, o) {
                        let c = first.saturating_add(k as u32);
                        out.push((c, c, v));
                    }
                }
                i += 2;
            }
            o => {
                let (Some(last), Some(v)) = (cid(o), w.get(i + 2).and_then(|o| number(doc, o)))
                else {
                    break;
                };
                if first <= last {
                    out.push((first, last, v));
                }
                i += 3;
            }
        }
    }
    out.sort_by_key(|r| r.0);
    out
}

fn simple(doc: &Document, dict: &Dictionary, subtype: &[u8], to_unicode: Option<CMap>) -> Font {
    let descriptor = dict
        .get(b"FontDescriptor")
        .map(|o| resolve(doc, o))
        .and_then(Object::as_dict)
        .ok();
    let base_font = dict
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    let mut chars: Box<[Option<char>; 256]> = Box::new([None; 256]);
    let (base, differences) = match dict.get(b"Encoding").map(|o| resolve(doc, o)) {
        Ok(Object::Name(n)) => (Base::from_name(n), None),
        Ok(Object::Dictionary(d)) => (
            d.get(b"BaseEncoding")
                .and_then(Object::as_name)
                .ok()
                .and_then(Base::from_name),
            d.get(b"Differences")
                .map(|o| resolve(doc, o))
                .and_then(Object::as_array)
                .ok(),
        ),
        _ => (None, None),
    };
    let base = base.unwrap_or(Base::Standard);
    for (code, c) in chars.iter_mut().enumerate() {
        *c = base.char(code as u8);
    }
    if let Some(diff) = differences {
        let mut code: Option<usize> = None;
        for o in diff.iter().take(4096) {
            match resolve(doc, o) {
                Object::Integer(i) => code = usize::try_from(*i).ok(),
                Object::Name(name) => {
                    if let Some(c) = code.filter(|c| *c < 256) {
                        chars[c] = glyph_char(name);
                        code = Some(c + 1);
                    }
                }
                _ => {}
            }
        }
    }

    // Widths: the font's own, else the standard fonts' typical ones.
    let courier = base_font.windows(7).any(|w| w == b"Courier");
    let missing = descriptor
        .and_then(|d| d.get(b"MissingWidth").ok())
        .and_then(|o| number(doc, o))
        .filter(|w| *w > 0.0);
    let mut widths: Box<[f32; 256]> = Box::new([0.0; 256]);
    for (code, w) in widths.iter_mut().enumerate() {
        *w = missing.unwrap_or(match (courier, code) {
            (true, _) => 600.0,
            (false, 32) => 250.0,
            _ => 500.0,
        });
    }
    let first = dict
        .get(b"FirstChar")
        .ok()
        .and_then(|o| number(doc, o))
        .unwrap_or(0.0);
    if let Ok(list) = dict
        .get(b"Widths")
        .map(|o| resolve(doc, o))
        .and_then(Object::as_array)
        && (0.0..256.0).contains(&first)
    {
        for (k, o) in list.iter().take(256).enumerate() {
            let code = first as usize + k;
            if code < 256
                && let Some(v) = number(doc, o)
            {
                widths[code] = v;
            }
        }
    }
    // Type 3 glyphs are in their own units: `/FontMatrix [0.001 0 0 0.001 0 0]` is 1.
    let scale = if subtype == b"Type3" {
        dict.get(b"FontMatrix")
            .map(|o| resolve(doc, o))
            .and_then(Object::as_array)
            .ok()
            .and_then(|m| m.first())
            .and_then(|o| number(doc, o))
            .map_or(1.0, |a| (a * 1000.0).abs())
            .clamp(0.0, 1000.0)
    } else {
        1.0
    };
    Font {
        kind: Kind::Simple { chars, widths },
        to_unicode,
        vertical: false,
        scale,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    fn codes(font: &Font, bytes: &[u8]) -> Vec<(Option<String>, f32)> {
        let mut out = Vec::new();
        font.decode(bytes, |c| out.push((c.text, c.width)));
        out
    }

    #[test]
    fn gbk_euc_without_a_to_unicode_map() {
        let doc = Document::with_version("1.5");
        let font = Font::load(
            &doc,
            &dictionary! {"Type" => "Font", "Subtype" => "Type0", "BaseFont" => "SimSun",
            "Encoding" => "GBK-EUC-H"},
        );
        let (gbk, _, _) = encoding_rs::GBK.encode("总计12件");
        let got = codes(&font, &gbk);
        let text: String = got.iter().filter_map(|c| c.0.clone()).collect();
        assert_eq!(text, "总计12件");
        let widths: Vec<f32> = got.iter().map(|c| c.1).collect();
        assert_eq!(widths, [1000.0, 1000.0, 500.0, 500.0, 1000.0]);
    }

    #[test]
    fn ucs2_and_utf16() {
        let doc = Document::with_version("1.5");
        let font = Font::load(
            &doc,
            &dictionary! {"Subtype" => "Type0", "Encoding" => "UniGB-UTF16-V"},
        );
        assert!(font.vertical);
        let bytes: Vec<u8> = "年报𠀀7"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        let text: Vec<_> = codes(&font, &bytes).into_iter().map(|c| c.0).collect();
        assert_eq!(
            text,
            [
                Some("年".into()),
                Some("报".into()),
                Some("𠀀".into()),
                Some("7".into())
            ]
        );
    }

    #[test]
    fn identity_without_a_map_has_no_text_but_widths() {
        let mut doc = Document::with_version("1.5");
        let desc = doc.add_object(dictionary! {"Subtype" => "CIDFontType2", "DW" => 900,
            "W" => vec![16.into(), vec![333.into(), 250.into()].into(), 19.into(), 28.into(), 500.into()]});
        let font = Font::load(
            &doc,
            &dictionary! {"Subtype" => "Type0", "Encoding" => "Identity-H",
            "DescendantFonts" => vec![desc.into()]},
        );
        let got = codes(&font, &[0, 17, 0, 20, 1, 0]);
        assert_eq!(got, [(None, 250.0), (None, 500.0), (None, 900.0)]);
    }

    #[test]
    fn simple_font_with_differences_and_widths() {
        let doc = Document::with_version("1.5");
        let font = Font::load(
            &doc,
            &dictionary! {"Subtype" => "TrueType", "FirstChar" => 48,
            "Widths" => vec![556.into(), 556.into()],
            "Encoding" => dictionary! {"BaseEncoding" => "WinAnsiEncoding",
                "Differences" => vec![49.into(), Object::Name(b"seven".to_vec())]}},
        );
        assert_eq!(
            codes(&font, b"01 "),
            [
                (Some("0".into()), 556.0),
                (Some("7".into()), 556.0),
                (Some(" ".into()), 250.0)
            ]
        );
    }
}
