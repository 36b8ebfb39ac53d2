//! The fonts the binary carries (OFL faces from Debian, see `fonts/LICENSE-*`),
//! and which characters they can draw.

use std::borrow::Cow;
use std::sync::OnceLock;

use rust_embed::RustEmbed;
use skrifa::charmap::Charmap;

#[derive(RustEmbed)]
#[folder = "fonts/"]
struct Fonts;

/// The editor's face, and 黑体-style headings in print: Noto Sans CJK SC,
/// full coverage of 通用规范汉字表.
pub const UI_FONT: &str = "NotoSansCJKsc-Regular.otf";
/// Body text in print (宋体 stands in for 仿宋, of which no open face exists):
/// Noto Serif CJK SC, full coverage. Every other print face falls back to it.
pub const BODY_FONT: &str = "NotoSerifCJKsc-Regular.otf";
/// The title (小标宋-style bold Song), subset to GB 2312 at build time.
pub const TITLE_FONT: &str = "NotoSerifCJKsc-Bold-GB2312.otf";
/// （一） headings (楷体): LXGW WenKai subset to GB 2312 and renamed (its
/// licence reserves the name for unmodified fonts).
pub const KAI_FONT: &str = "NianbaoKai-GB2312.ttf";

/// A font file's bytes, borrowed from the binary: rust-embed includes them in
/// every build (`debug-embed`), so handing them on costs no copy.
pub fn bytes(name: &str) -> &'static [u8] {
    let data = Fonts::get(name)
        .unwrap_or_else(|| panic!("font {name} is embedded at build time"))
        .data;
    match data {
        Cow::Borrowed(b) => b,
        // Not reached with embedded files; kept so a change of build mode is not fatal.
        Cow::Owned(v) => Box::leak(v.into_boxed_slice()),
    }
}

/// The fonts' licence files (`fonts/LICENSE-*`), name and text, for 关于.
pub fn licences() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Fonts::iter()
        .filter(|name| name.starts_with("LICENSE-"))
        .filter_map(|name| {
            let data = Fonts::get(&name)?.data;
            Some((
                name.to_string(),
                String::from_utf8_lossy(&data).into_owned(),
            ))
        })
        .collect();
    out.sort();
    out
}

/// Which characters a font can draw.
pub struct Coverage {
    charmap: Charmap<'static>,
    /// The Basic Multilingual Plane, one bit a character, filled on first
    /// use from the font's character map: a check asks about every character
    /// of a report, and choosing and searching the cmap subtable on each was
    /// most of the time a batch check took.
    bmp: OnceLock<Box<[u64]>>,
}

/// Characters below this are looked up in the bitmap.
const BMP: u32 = 0x1_0000;

impl Coverage {
    pub fn of(name: &str) -> Coverage {
        let font = skrifa::FontRef::new(bytes(name)).expect("embedded fonts parse");
        Coverage {
            charmap: Charmap::new(&font),
            bmp: OnceLock::new(),
        }
    }

    /// The fonts a report is printed with: a character they lack prints as a blank box.
    pub fn print() -> Coverage {
        Coverage::of(BODY_FONT)
    }

    pub fn covers(&self, c: char) -> bool {
        // Line breaks and tabs are layout, not glyphs.
        if c.is_control() {
            return true;
        }
        let code = c as u32;
        if code >= BMP {
            return self.charmap.map(code).is_some();
        }
        let bits = self.bmp.get_or_init(|| {
            let mut bits = vec![0u64; (BMP / 64) as usize].into_boxed_slice();
            for (code, _) in self.charmap.mappings().filter(|(code, _)| *code < BMP) {
                bits[(code / 64) as usize] |= 1 << (code % 64);
            }
            bits
        });
        bits[(code / 64) as usize] & (1 << (code % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ui_font_draws_the_form_and_rare_names() {
        let c = Coverage::of(UI_FONT);
        for ch in "政府信息公开工作年度报告（一）“三安全一稳定”阿戛镇0123，。；：、".chars()
        {
            assert!(c.covers(ch), "{ch}");
        }
        // A private-use character no font has.
        assert!(!c.covers('\u{E000}'));
    }

    #[test]
    fn the_bitmap_says_what_the_character_map_says() {
        let font = skrifa::FontRef::new(bytes(BODY_FONT)).unwrap();
        let charmap = Charmap::new(&font);
        let c = Coverage::print();
        let mut drawn = 0;
        for code in 0..BMP {
            let Some(ch) = char::from_u32(code) else {
                continue;
            };
            let mapped = charmap.map(code).is_some();
            assert_eq!(c.covers(ch), mapped || ch.is_control(), "U+{code:04X}");
            drawn += usize::from(mapped);
        }
        // Noto Serif CJK: tens of thousands of characters of the plane.
        assert!(drawn > 30_000, "{drawn}");
        // Beyond the plane, as the font says: 𠀀 (U+20000) is in CJK Extension B.
        assert_eq!(c.covers('\u{20000}'), charmap.map(0x20000u32).is_some());
        assert!(!c.covers('\u{F0000}'));
    }
}
