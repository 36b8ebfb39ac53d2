//! An embedded face cut down to the characters a document draws, for the
//! PDF and the OFD.
//!
//! Read in place from the binary's bytes: the face (24 MB for the body) is
//! neither copied nor parsed whole. Subsetters walk the face's whole
//! character map (44 000 mappings, each tested against the glyphs kept) to
//! build the subset's own map; here they are shown a map of just the
//! characters used instead. Handing printpdf the whole face instead cost an
//! export 0.1 s and 100 MB before its first page (README, 性能).

use std::borrow::Cow;
use std::collections::BTreeSet;

use allsorts::binary::read::ReadScope;
use allsorts::error::ParseError;
use allsorts::font_data::{DynamicFontTableProvider, FontData};
use allsorts::subset::{CmapTarget, SubsetProfile};
use allsorts::tables::FontTableProvider;
use allsorts::tag;
use skrifa::MetadataProvider;

use crate::fonts;

/// The embedded font file `file` (a `fonts::*_FONT`) with only the glyphs of
/// `chars`: an sfnt whose `cmap` maps exactly those of `chars` the face has.
pub fn subset(file: &str, chars: &BTreeSet<char>) -> Result<Vec<u8>, String> {
    let unreadable = |e: &dyn std::fmt::Display| format!("内置字体 {file} 无法读取：{e}");
    let bytes = fonts::bytes(file);
    let charmap = skrifa::FontRef::new(bytes)
        .map_err(|e| unreadable(&e))?
        .charmap();
    // Glyph 0 (.notdef) first, then the rest ascending without repeats:
    // allsorts numbers the subset's glyphs in this order.
    let mut mapped: Vec<(char, u16)> = Vec::new();
    for &c in chars {
        if let Some(gid) = charmap.map(c).and_then(|g| u16::try_from(g.to_u32()).ok())
            && gid != 0
        {
            mapped.push((c, gid));
        }
    }
    let mut glyphs: Vec<u16> = mapped.iter().map(|&(_, g)| g).collect();
    glyphs.push(0);
    glyphs.sort_unstable();
    glyphs.dedup();

    let font = ReadScope::new(bytes)
        .read::<FontData<'_>>()
        .map_err(|e| unreadable(&e))?;
    let provider = UsedCmap {
        inner: font.table_provider(0).map_err(|e| unreadable(&e))?,
        cmap: cmap_format12(&mapped),
    };
    allsorts::subset::subset(&provider, &glyphs, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| format!("内置字体 {file} 无法取子集：{e}"))
}

/// The face's tables, but for a `cmap` of only the characters used.
struct UsedCmap<'a> {
    inner: DynamicFontTableProvider<'a>,
    cmap: Vec<u8>,
}

impl FontTableProvider for UsedCmap<'_> {
    fn table_data(&self, tag: u32) -> Result<Option<Cow<'_, [u8]>>, ParseError> {
        if tag == tag::CMAP {
            return Ok(Some(Cow::Borrowed(&self.cmap)));
        }
        self.inner.table_data(tag)
    }

    fn has_table(&self, tag: u32) -> bool {
        tag == tag::CMAP || self.inner.has_table(tag)
    }

    fn table_tags(&self) -> Option<Vec<u32>> {
        self.inner.table_tags()
    }
}

/// A `cmap` table with one Windows UCS-4 (format 12) subtable: one group per
/// character, `mapped` sorted by character.
fn cmap_format12(mapped: &[(char, u16)]) -> Vec<u8> {
    let groups = mapped.len() as u32;
    let sub_len = 16 + 12 * groups;
    let mut t = Vec::with_capacity(12 + sub_len as usize);
    // Header: version 0, one encoding record (platform 3, encoding 10) at 12.
    for v in [0u16, 1, 3, 10] {
        t.extend_from_slice(&v.to_be_bytes());
    }
    t.extend_from_slice(&12u32.to_be_bytes());
    // Subtable: format 12, reserved, length, language, group count.
    t.extend_from_slice(&12u16.to_be_bytes());
    t.extend_from_slice(&0u16.to_be_bytes());
    for v in [sub_len, 0, groups] {
        t.extend_from_slice(&v.to_be_bytes());
    }
    for &(c, gid) in mapped {
        for v in [c as u32, c as u32, u32::from(gid)] {
            t.extend_from_slice(&v.to_be_bytes());
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{BODY_FONT, KAI_FONT};

    fn map_of(font: &[u8]) -> Vec<(char, u32)> {
        let f = skrifa::FontRef::new(font).expect("subset parses");
        f.charmap()
            .mappings()
            .filter_map(|(c, g)| Some((char::from_u32(c)?, g.to_u32())))
            .collect()
    }

    /// Counts an outline's drawing commands.
    struct Strokes(usize);

    impl skrifa::outline::OutlinePen for Strokes {
        fn move_to(&mut self, _: f32, _: f32) {
            self.0 += 1;
        }
        fn line_to(&mut self, _: f32, _: f32) {
            self.0 += 1;
        }
        fn quad_to(&mut self, _: f32, _: f32, _: f32, _: f32) {
            self.0 += 1;
        }
        fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, _: f32, _: f32) {
            self.0 += 1;
        }
        fn close(&mut self) {}
    }

    #[test]
    fn a_subset_maps_exactly_the_characters_used_and_keeps_their_outlines() {
        // A rare character of a place name, a Latin letter and a figure.
        let chars: BTreeSet<char> = "戛镇A1年".chars().collect();
        for file in [BODY_FONT, KAI_FONT] {
            let out = subset(file, &chars).expect("subset");
            assert!(out.len() < 200_000, "{file}: {} bytes", out.len());
            let map = map_of(&out);
            let got: BTreeSet<char> = map.iter().map(|&(c, _)| c).collect();
            assert_eq!(got, chars, "{file}");
            // Each character has a glyph of its own (not .notdef) with an outline.
            let f = skrifa::FontRef::new(&out).expect("parses");
            let outlines = f.outline_glyphs();
            for (c, gid) in map {
                assert_ne!(gid, 0, "{file} {c}");
                let glyph = outlines.get(gid.into()).expect("has an outline");
                let mut pen = Strokes(0);
                glyph
                    .draw(skrifa::instance::Size::unscaled(), &mut pen)
                    .expect("draws");
                assert!(pen.0 > 3, "{file} {c}: empty outline");
            }
        }
    }

    #[test]
    fn a_character_the_face_lacks_is_left_out() {
        let chars: BTreeSet<char> = "年\u{E000}".chars().collect();
        let out = subset(BODY_FONT, &chars).expect("subset");
        let got: Vec<char> = map_of(&out).into_iter().map(|(c, _)| c).collect();
        assert_eq!(got, vec!['年']);
    }
}
