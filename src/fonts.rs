//! The fonts the binary carries (OFL faces from Debian, see `fonts/LICENSE-*`),
//! and which characters they can draw.

use std::borrow::Cow;

use rust_embed::RustEmbed;
use skrifa::MetadataProvider;

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
    font: skrifa::FontRef<'static>,
}

impl Coverage {
    pub fn of(name: &str) -> Coverage {
        Coverage {
            font: skrifa::FontRef::new(bytes(name)).expect("embedded fonts parse"),
        }
    }

    /// The fonts a report is printed with: a character they lack prints as a blank box.
    pub fn print() -> Coverage {
        Coverage::of(BODY_FONT)
    }

    pub fn covers(&self, c: char) -> bool {
        // Line breaks and tabs are layout, not glyphs.
        c.is_control() || self.font.charmap().map(c).is_some()
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
