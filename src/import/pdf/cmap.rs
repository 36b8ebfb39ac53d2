//! CMaps: a font's ToUnicode map (character code → text) and an embedded
//! encoding CMap (character code → CID), with the code space that says how
//! many bytes one code takes.

use super::encoding;
use super::lexer::{Obj, ops};

/// Byte ranges a code of each length may take ("<8140> <FEFE>": two bytes,
/// the first 81–FE, the second 40–FE).
#[derive(Clone, Debug, Default)]
pub struct CodeSpace {
    ranges: Vec<(Vec<u8>, Vec<u8>)>,
}

impl CodeSpace {
    pub fn new(ranges: &[(&[u8], &[u8])]) -> CodeSpace {
        CodeSpace {
            ranges: ranges
                .iter()
                .map(|(a, b)| (a.to_vec(), b.to_vec()))
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// How many bytes the code at the start of `bytes` takes (at least one).
    pub fn code_len(&self, bytes: &[u8]) -> usize {
        let fits = |lo: &[u8], hi: &[u8]| {
            bytes.len() >= lo.len()
                && lo
                    .iter()
                    .zip(hi)
                    .zip(bytes)
                    .all(|((l, h), b)| l <= b && b <= h)
        };
        if let Some((lo, _)) = self.ranges.iter().find(|(lo, hi)| fits(lo, hi)) {
            return lo.len();
        }
        // Not in the code space: as many bytes as a range whose first byte
        // matches would take, else the shortest code (PDF 32000, 9.7.6.3).
        self.ranges
            .iter()
            .find(|(lo, hi)| {
                bytes
                    .first()
                    .is_some_and(|b| lo.first() <= Some(b) && Some(b) <= hi.first())
            })
            .or_else(|| self.ranges.iter().min_by_key(|(lo, _)| lo.len()))
            .map_or(1, |(lo, _)| lo.len())
            .clamp(1, bytes.len().max(1))
    }
}

/// The value of a code in `code` as a number, big-endian.
pub fn code_value(code: &[u8]) -> u32 {
    code.iter().take(4).fold(0, |v, b| v << 8 | u32::from(*b))
}

#[derive(Clone, Debug)]
enum Target {
    /// UTF-16 units; for a range, the last unit counts up with the code.
    Text(Vec<u16>),
    /// A range mapped to a list of texts, one for each code.
    List(Vec<String>),
    Cid(u32),
}

#[derive(Clone, Debug)]
struct Range {
    len: u8,
    lo: u32,
    hi: u32,
    to: Target,
}

#[derive(Clone, Debug, Default)]
pub struct CMap {
    pub codespace: CodeSpace,
    /// `/WMode 1`: vertical writing.
    pub vertical: bool,
    /// A predefined CMap this one builds on (`usecmap`).
    pub uses: Option<Vec<u8>>,
    text: Vec<Range>,
    cids: Vec<Range>,
}

/// More entries than this in one CMap are ignored (a hostile file).
const MAX_ENTRIES: usize = 200_000;
/// A range wider than this is no real font's.
const MAX_RANGE: u32 = 0x1_0000;

impl CMap {
    pub fn parse(data: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        for op in ops(data) {
            let n = &op.operands;
            match op.operator {
                b"endcodespacerange" => {
                    for pair in n.chunks_exact(2) {
                        if let (Obj::Str(lo), Obj::Str(hi)) = (&pair[0], &pair[1])
                            && !lo.is_empty()
                            && lo.len() <= 4
                            && lo.len() == hi.len()
                        {
                            cmap.codespace.ranges.push((lo.clone(), hi.clone()));
                        }
                    }
                }
                b"endbfchar" => {
                    for pair in n.chunks_exact(2) {
                        let to = match &pair[1] {
                            Obj::Str(s) => Target::Text(utf16_units(s)),
                            Obj::Name(name) => match encoding::glyph_char(name) {
                                Some(c) => Target::Text(c.encode_utf16(&mut [0; 2]).to_vec()),
                                None => continue,
                            },
                            _ => continue,
                        };
                        if let Obj::Str(code) = &pair[0] {
                            cmap.push_text(code, code, to);
                        }
                    }
                }
                b"endbfrange" => {
                    for t in n.chunks_exact(3) {
                        let (Obj::Str(lo), Obj::Str(hi)) = (&t[0], &t[1]) else {
                            continue;
                        };
                        let to = match &t[2] {
                            Obj::Str(s) => Target::Text(utf16_units(s)),
                            Obj::Array(items) => Target::List(
                                items
                                    .iter()
                                    .map(|o| match o {
                                        Obj::Str(s) => utf16_string(&utf16_units(s)),
                                        _ => String::new(),
                                    })
                                    .collect(),
                            ),
                            _ => continue,
                        };
                        cmap.push_text(lo, hi, to);
                    }
                }
                b"endcidchar" => {
                    for pair in n.chunks_exact(2) {
                        if let (Obj::Str(code), Some(cid)) = (&pair[0], pair[1].num()) {
                            cmap.push_cid(code, code, cid);
                        }
                    }
                }
                b"endcidrange" => {
                    for t in n.chunks_exact(3) {
                        if let (Obj::Str(lo), Obj::Str(hi), Some(cid)) = (&t[0], &t[1], t[2].num())
                        {
                            cmap.push_cid(lo, hi, cid);
                        }
                    }
                }
                b"usecmap" => {
                    if let Some(Obj::Name(name)) = n.last() {
                        cmap.uses = Some(name.clone());
                    }
                }
                b"def" => {
                    if let [.., Obj::Name(key), value] = &n[..]
                        && key == b"WMode"
                        && value.num() == Some(1.0)
                    {
                        cmap.vertical = true;
                    }
                }
                _ => {}
            }
        }
        let order = |a: &Range, b: &Range| (a.len, a.lo).cmp(&(b.len, b.lo));
        cmap.text.sort_by(order);
        cmap.cids.sort_by(order);
        cmap
    }

    fn push_text(&mut self, lo: &[u8], hi: &[u8], to: Target) {
        if let Some(r) = range(lo, hi, to)
            && self.text.len() < MAX_ENTRIES
        {
            self.text.push(r);
        }
    }

    fn push_cid(&mut self, lo: &[u8], hi: &[u8], cid: f32) {
        if cid >= 0.0
            && let Some(r) = range(lo, hi, Target::Cid(cid as u32))
            && self.cids.len() < MAX_ENTRIES
        {
            self.cids.push(r);
        }
    }

    /// The text of a code, if the map has it.
    pub fn text(&self, code: &[u8]) -> Option<String> {
        let value = code_value(code);
        let r = find(&self.text, code.len(), value)?;
        let offset = value - r.lo;
        match &r.to {
            Target::Text(units) => {
                let mut units = units.clone();
                if let Some(last) = units.last_mut() {
                    *last = last.wrapping_add(offset as u16);
                }
                Some(utf16_string(&units))
            }
            Target::List(list) => list.get(offset as usize).cloned(),
            Target::Cid(_) => None,
        }
    }

    /// The CID of a code, if the map has it.
    pub fn cid(&self, code: &[u8]) -> Option<u32> {
        let value = code_value(code);
        let r = find(&self.cids, code.len(), value)?;
        match r.to {
            Target::Cid(base) => Some(base.saturating_add(value - r.lo)),
            _ => None,
        }
    }

    pub fn has_cids(&self) -> bool {
        !self.cids.is_empty()
    }
}

fn range(lo: &[u8], hi: &[u8], to: Target) -> Option<Range> {
    if lo.is_empty() || lo.len() > 4 {
        return None;
    }
    let (a, b) = (code_value(lo), code_value(hi));
    (a <= b && b - a < MAX_RANGE).then_some(Range {
        len: lo.len() as u8,
        lo: a,
        hi: b,
        to,
    })
}

fn find(ranges: &[Range], len: usize, value: u32) -> Option<&Range> {
    let len = len as u8;
    let i = ranges.partition_point(|r| (r.len, r.lo) <= (len, value));
    // Ranges may overlap (a bfchar inside a bfrange): the nearest start wins.
    ranges[..i]
        .iter()
        .rev()
        .take(8)
        .find(|r| r.len == len && value <= r.hi)
}

/// Bytes as UTF-16BE units; a single byte is taken as one unit (some writers
/// put `<20>` for a space).
fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    if bytes.len() == 1 {
        return vec![u16::from(bytes[0])];
    }
    bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)]))
        .collect()
}

pub fn utf16_string(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const WPS: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0010> <002D> <33D3> <6D2A> endbfchar
2 beginbfrange <0013> <001C> <0030> <0100> <0102> [<0041> <D83DDE00> <0043>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn a_to_unicode_map_as_wps_writes_it() {
        let m = CMap::parse(WPS);
        assert_eq!(m.codespace.code_len(&[0x33, 0xd3, 0x10]), 2);
        assert_eq!(m.text(&[0x00, 0x10]).as_deref(), Some("-"));
        assert_eq!(m.text(&[0x33, 0xd3]).as_deref(), Some("洪"));
        assert_eq!(m.text(&[0x00, 0x15]).as_deref(), Some("2"));
        assert_eq!(m.text(&[0x01, 0x01]).as_deref(), Some("😀"));
        assert_eq!(m.text(&[0x00, 0x1d]), None);
        assert_eq!(m.text(&[0x10]), None);
    }

    #[test]
    fn an_encoding_cmap_with_cids() {
        let m = CMap::parse(
            b"/WMode 1 def /Identity-V usecmap 2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange
              1 begincidrange <8140> <817F> 100 endcidrange 1 begincidchar <41> 34 endcidchar",
        );
        assert!(m.vertical);
        assert_eq!(m.uses.as_deref(), Some(&b"Identity-V"[..]));
        assert_eq!(m.codespace.code_len(b"A\x81\x40"), 1);
        assert_eq!(m.codespace.code_len(b"\x81\x40"), 2);
        assert_eq!(m.codespace.code_len(b"\x81"), 1);
        assert_eq!(m.cid(b"\x81\x42"), Some(102));
        assert_eq!(m.cid(b"A"), Some(34));
    }
}
