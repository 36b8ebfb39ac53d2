//! The fonts the binary carries (OFL faces from Debian, see `fonts/LICENSE-*`),
//! and which characters they can draw.

use std::borrow::Cow;

use rust_embed::RustEmbed;
use skrifa::MetadataProvider;

#[derive(RustEmbed)]
#[folder = "fonts/"]
struct Fonts;

/// The editor's face: Noto Sans CJK SC, full coverage of 通用规范汉字表.
pub const UI_FONT: &str = "NotoSansCJKsc-Regular.otf";

/// A font file's bytes. With `debug-embed` these are borrowed from the binary
/// in every build, so handing them on costs no copy.
pub fn bytes(name: &str) -> Cow<'static, [u8]> {
    Fonts::get(name)
        .unwrap_or_else(|| panic!("font {name} is embedded at build time"))
        .data
}

/// Which characters a font can draw.
pub struct Coverage {
    font: Cow<'static, [u8]>,
}

impl Coverage {
    pub fn of(name: &str) -> Coverage {
        Coverage { font: bytes(name) }
    }

    pub fn covers(&self, c: char) -> bool {
        // Line breaks and tabs are layout, not glyphs.
        if c.is_control() {
            return true;
        }
        skrifa::FontRef::new(&self.font)
            .map(|f| f.charmap().map(c).is_some())
            .unwrap_or(false)
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
}
