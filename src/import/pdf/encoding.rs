//! The single-byte encodings of simple fonts (PDF 32000, annex D) and the
//! glyph names of `/Differences`, as far as a report's Latin text needs them:
//! digits, letters, punctuation. Chinese text is never in a simple font's
//! standard encoding.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    Standard,
    WinAnsi,
    MacRoman,
}

impl Base {
    pub fn from_name(name: &[u8]) -> Option<Base> {
        match name {
            b"WinAnsiEncoding" => Some(Base::WinAnsi),
            b"MacRomanEncoding" => Some(Base::MacRoman),
            b"StandardEncoding" => Some(Base::Standard),
            _ => None,
        }
    }

    pub fn char(self, code: u8) -> Option<char> {
        match (self, code) {
            (Base::Standard, 0x27) => Some('’'),
            (Base::Standard, 0x60) => Some('‘'),
            (_, 0x20..=0x7e) => Some(code as char),
            (Base::WinAnsi, 0x80..=0x9f) => WIN_ANSI_80
                .chars()
                .nth(usize::from(code - 0x80))
                .filter(|c| *c != '\u{fffd}'),
            (Base::WinAnsi, 0xa0..=0xff) => char::from_u32(u32::from(code)),
            (Base::MacRoman, 0x80..=0xff) => MAC_ROMAN_80.chars().nth(usize::from(code - 0x80)),
            (Base::Standard, 0xa1..=0xff) => STANDARD_A1
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, ch)| *ch),
            _ => None,
        }
    }
}

const WIN_ANSI_80: &str = "€\u{fffd}‚ƒ„…†‡ˆ‰Š‹Œ\u{fffd}Ž\u{fffd}\u{fffd}‘’“”•–—˜™š›œ\u{fffd}žŸ";

const MAC_ROMAN_80: &str = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{a0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{f8ff}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

const STANDARD_A1: [(u8, char); 38] = [
    (0xa1, '¡'),
    (0xa2, '¢'),
    (0xa3, '£'),
    (0xa4, '⁄'),
    (0xa5, '¥'),
    (0xa6, 'ƒ'),
    (0xa7, '§'),
    (0xa8, '¤'),
    (0xa9, '\''),
    (0xaa, '“'),
    (0xab, '«'),
    (0xac, '‹'),
    (0xad, '›'),
    (0xae, 'ﬁ'),
    (0xaf, 'ﬂ'),
    (0xb1, '–'),
    (0xb2, '†'),
    (0xb3, '‡'),
    (0xb4, '·'),
    (0xb6, '¶'),
    (0xb7, '•'),
    (0xb8, '‚'),
    (0xb9, '„'),
    (0xba, '”'),
    (0xbb, '»'),
    (0xbc, '…'),
    (0xbd, '‰'),
    (0xbf, '¿'),
    (0xd0, '—'),
    (0xe1, 'Æ'),
    (0xe3, 'ª'),
    (0xe9, 'Ø'),
    (0xea, 'Œ'),
    (0xeb, 'º'),
    (0xf1, 'æ'),
    (0xf5, 'ı'),
    (0xf9, 'ø'),
    (0xfa, 'œ'),
];

/// Glyph names of the Adobe Glyph List that a report's text may use.
const NAMES: [(&str, char); 95] = [
    ("space", ' '),
    ("nbspace", ' '),
    ("exclam", '!'),
    ("quotedbl", '"'),
    ("numbersign", '#'),
    ("dollar", '$'),
    ("percent", '%'),
    ("ampersand", '&'),
    ("quotesingle", '\''),
    ("quoteright", '’'),
    ("parenleft", '('),
    ("parenright", ')'),
    ("asterisk", '*'),
    ("plus", '+'),
    ("comma", ','),
    ("hyphen", '-'),
    ("sfthyphen", '-'),
    ("minus", '−'),
    ("period", '.'),
    ("slash", '/'),
    ("zero", '0'),
    ("one", '1'),
    ("two", '2'),
    ("three", '3'),
    ("four", '4'),
    ("five", '5'),
    ("six", '6'),
    ("seven", '7'),
    ("eight", '8'),
    ("nine", '9'),
    ("colon", ':'),
    ("semicolon", ';'),
    ("less", '<'),
    ("equal", '='),
    ("greater", '>'),
    ("question", '?'),
    ("at", '@'),
    ("bracketleft", '['),
    ("backslash", '\\'),
    ("bracketright", ']'),
    ("asciicircum", '^'),
    ("underscore", '_'),
    ("grave", '`'),
    ("quoteleft", '‘'),
    ("braceleft", '{'),
    ("bar", '|'),
    ("braceright", '}'),
    ("asciitilde", '~'),
    ("bullet", '•'),
    ("endash", '–'),
    ("emdash", '—'),
    ("ellipsis", '…'),
    ("quotedblleft", '“'),
    ("quotedblright", '”'),
    ("quotesinglbase", '‚'),
    ("quotedblbase", '„'),
    ("guillemotleft", '«'),
    ("guillemotright", '»'),
    ("guilsinglleft", '‹'),
    ("guilsinglright", '›'),
    ("dagger", '†'),
    ("daggerdbl", '‡'),
    ("perthousand", '‰'),
    ("trademark", '™'),
    ("copyright", '©'),
    ("registered", '®'),
    ("degree", '°'),
    ("plusminus", '±'),
    ("multiply", '×'),
    ("divide", '÷'),
    ("periodcentered", '·'),
    ("middot", '·'),
    ("section", '§'),
    ("paragraph", '¶'),
    ("cent", '¢'),
    ("sterling", '£'),
    ("yen", '¥'),
    ("Euro", '€'),
    ("currency", '¤'),
    ("florin", 'ƒ'),
    ("fraction", '⁄'),
    ("onehalf", '½'),
    ("onequarter", '¼'),
    ("threequarters", '¾'),
    ("mu", 'µ'),
    ("exclamdown", '¡'),
    ("questiondown", '¿'),
    ("brokenbar", '¦'),
    ("logicalnot", '¬'),
    ("ordfeminine", 'ª'),
    ("ordmasculine", 'º'),
    ("dotlessi", 'ı'),
    ("germandbls", 'ß'),
    ("fi", 'ﬁ'),
    ("fl", 'ﬂ'),
];

/// The character a glyph name stands for: "zero", "uni6D2A", "u1F600", "A".
pub fn glyph_char(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    // "one.oldstyle", "a.sc": the part before the dot.
    let name = name.split('.').next().unwrap_or(name);
    if name.len() == 1 && name.as_bytes()[0].is_ascii_alphabetic() {
        return name.chars().next();
    }
    if let Some(hex) = name.strip_prefix("uni")
        && hex.len() >= 4
        && let Some(h) = hex.get(..4)
    {
        return u32::from_str_radix(h, 16).ok().and_then(char::from_u32);
    }
    if let Some(hex) = name.strip_prefix('u')
        && (4..=6).contains(&hex.len())
        && hex.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
    }
    NAMES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_their_length() {
        assert_eq!(WIN_ANSI_80.chars().count(), 32);
        assert_eq!(MAC_ROMAN_80.chars().count(), 128);
    }

    #[test]
    fn codes_and_names() {
        assert_eq!(Base::WinAnsi.char(b'7'), Some('7'));
        assert_eq!(Base::WinAnsi.char(0x96), Some('–'));
        assert_eq!(Base::WinAnsi.char(0x81), None);
        assert_eq!(Base::MacRoman.char(0xd0), Some('–'));
        assert_eq!(Base::Standard.char(0x27), Some('’'));
        assert_eq!(glyph_char(b"seven"), Some('7'));
        assert_eq!(glyph_char(b"uni6D2A"), Some('洪'));
        assert_eq!(glyph_char(b"u1F600"), Some('😀'));
        assert_eq!(glyph_char(b"g123"), None);
        assert_eq!(glyph_char(b"zero.lf"), Some('0'));
    }
}
