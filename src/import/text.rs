//! The source text in two parallel forms: as written (for the narrative,
//! which is never rewritten) and normalized (for recognising labels), plus a
//! "squeezed" view without spaces or punctuation in which labels are matched.
//!
//! Normalization maps one character to one character, so a position found in
//! the normalized text is the same position in the original.

use std::sync::OnceLock;

/// The text, character by character.
pub struct Text {
    pub orig: Vec<char>,
    pub norm: Vec<char>,
}

impl Text {
    pub fn new(source: &str) -> Text {
        let mut orig: Vec<char> = Vec::with_capacity(source.len());
        orig.extend(source.chars());
        let mut norm: Vec<char> = orig.iter().map(|c| normalize_char(*c)).collect();
        // Mirrors of mainland pages turn 文件 into 檔案; 案 alone must stay (执法案卷).
        for i in 1..norm.len() {
            if orig[i - 1] == '檔' && orig[i] == '案' {
                norm[i - 1] = '文';
                norm[i] = '件';
            }
        }
        Text { orig, norm }
    }

    pub fn len(&self) -> usize {
        self.orig.len()
    }

    /// The original text of `from..to`.
    pub fn slice(&self, from: usize, to: usize) -> String {
        self.orig[from.min(to)..to.min(self.orig.len())]
            .iter()
            .collect()
    }

    /// The normalized text of `from..to`.
    pub fn norm_slice(&self, from: usize, to: usize) -> String {
        self.norm[from.min(to)..to.min(self.norm.len())]
            .iter()
            .collect()
    }
}

/// Full-width forms to ASCII, traditional characters of the form's vocabulary
/// to simplified, odd spaces to a space, dashes to `-`.
pub fn normalize_char(c: char) -> char {
    match c {
        '\u{3000}' | '\u{a0}' | '\u{2002}'..='\u{200b}' | '\u{feff}' => ' ',
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' | '\u{2500}' => '-',
        // Every character of the table is a CJK ideograph (a test says so):
        // the rest of the text, read character by character, skips the search.
        CJK_FIRST..=CJK_LAST => simplified(c),
        _ => c,
    }
}

fn simplified(c: char) -> char {
    let table = traditional();
    let i = c as usize - CJK_FIRST as usize;
    if table.marked[i / 64] & (1 << (i % 64)) == 0 {
        return c;
    }
    match table.pairs.binary_search_by_key(&c, |p| p.0) {
        Ok(i) => table.pairs[i].1,
        Err(_) => c,
    }
}

/// Pairs of (traditional, simplified) for the characters of the form's labels,
/// headings and the words the rules look for. Mirrors of reports in
/// traditional script exist (FORMAT.md); this covers what must be recognised.
const TRADITIONAL: &str = "規规範范條条項项內内製制發发數数廢废現现許许處处罰罚強强費费額额單单萬万業业\
對对總总減减務务採采購购開开請请結结轉转辦办區区計计這这屬属國国穩稳護护權权類类過过執执詢询\
無无機机關关沒没補补後后確确訪访舉举報报訴诉複复復复當当認认獲获繳缴納纳繼继續续議议訟讼維维\
糾纠審审經经體体況况動动問问題题進进統统會会縣县鎮镇鄉乡廳厅門门網网號号態态環环與与為为於于\
個个們们來来時时間间將将實实際际據据應应檢检專专欄栏佈布傳传導导領领組组織织員员貫贯徹彻標标\
準准細细則则設设護护認认證证錄录條条徵征獎奖給给決决價价歲岁優优齊齐劃划並并從从務务節节藝艺\
龍龙遊游漢汉陝陕聯联繫系產产資资訊讯億亿兩两歷历態态獨独狀状況况帳账壹壹貳贰參参陸陆柒柒捌捌\
玖玖拾拾覆覆辦办鬥斗";

/// The CJK Unified Ideographs block, where every character of the table is.
const CJK_FIRST: char = '\u{4e00}';
const CJK_LAST: char = '\u{9fff}';

/// The table, ready for the importer, which asks about every character of a
/// page (a hash lookup each time was a tenth of a batch check): one bit per
/// ideograph says whether it is in the table at all, and the pairs, sorted,
/// give its simplified form.
struct Table {
    marked: Vec<u64>,
    pairs: Vec<(char, char)>,
}

fn traditional() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let chars: Vec<char> = TRADITIONAL.chars().filter(|c| !c.is_whitespace()).collect();
        let mut pairs: Vec<(char, char)> = chars
            .chunks_exact(2)
            .filter(|p| p[0] != p[1])
            .map(|p| (p[0], p[1]))
            .collect();
        pairs.sort_unstable();
        pairs.dedup_by_key(|p| p.0);
        let mut marked = vec![0u64; (CJK_LAST as usize - CJK_FIRST as usize) / 64 + 1];
        for (t, _) in &pairs {
            // Outside the block a character would never be looked up: the
            // test below keeps the table inside it.
            if let Some(i) = (*t as usize).checked_sub(CJK_FIRST as usize)
                && let Some(word) = marked.get_mut(i / 64)
            {
                *word |= 1 << (i % 64);
            }
        }
        Table { marked, pairs }
    })
}

/// Characters that carry no meaning for recognising a label: spaces, table
/// borders and punctuation. Digits and letters (CJK or not) are kept.
pub fn is_filler(c: char) -> bool {
    // The characters a page is made of, told first.
    if c.is_ascii_alphanumeric() || (CJK_FIRST..=CJK_LAST).contains(&c) {
        return false;
    }
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || ('\u{2010}'..='\u{206f}').contains(&c)
        || (('\u{3000}'..='\u{303f}').contains(&c) && c != '〇')
        || ('\u{fe30}'..='\u{fe4f}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
        || c == '·'
        || c == '…'
}

/// `text.norm[from..to]` without fillers, each character remembering where it
/// came from.
pub struct Squeezed {
    pub chars: Vec<char>,
    /// `at[i]` is the position of `chars[i]` in the text.
    pub at: Vec<usize>,
}

impl Squeezed {
    pub fn new(text: &Text, from: usize, to: usize) -> Squeezed {
        let range = &text.norm[from..to.min(text.len())];
        let mut chars = Vec::with_capacity(range.len());
        let mut at = Vec::with_capacity(range.len());
        for (i, c) in range.iter().enumerate() {
            if !is_filler(*c) {
                chars.push(*c);
                at.push(from + i);
            }
        }
        Squeezed { chars, at }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Position in the text just after the squeezed range ending before `i`.
    pub fn end_pos(&self, i: usize) -> usize {
        if i == 0 {
            self.at.first().copied().unwrap_or(0)
        } else {
            self.at[i - 1] + 1
        }
    }

    /// The first exact occurrence of `pat` at or after `from`.
    pub fn find(&self, pat: &[char], from: usize) -> Option<usize> {
        self.find_before(pat, from, self.chars.len())
    }

    /// The first exact occurrence of `pat` starting in `from..before`.
    pub fn find_before(&self, pat: &[char], from: usize, before: usize) -> Option<usize> {
        if pat.is_empty() || from >= self.chars.len() {
            return None;
        }
        let last = self.chars.len().checked_sub(pat.len())?;
        (from..=last.min(before.saturating_sub(1)))
            .find(|&i| self.chars[i] == pat[0] && self.chars[i..i + pat.len()] == *pat)
    }

    pub fn starts_with_at(&self, i: usize, pat: &[char]) -> bool {
        self.chars.get(i..i + pat.len()).is_some_and(|s| s == pat)
    }
}

/// A label as matched in squeezed form: normalized, fillers dropped.
pub fn squeeze(s: &str) -> Vec<char> {
    s.chars()
        .map(normalize_char)
        .filter(|c| !is_filler(*c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalization_keeps_positions() {
        let t = Text::new("規範性檔案（一）１２");
        assert_eq!(t.norm.iter().collect::<String>(), "规范性文件(一)12");
        assert_eq!(t.orig.len(), t.norm.len());
        assert_eq!(t.slice(0, 5), "規範性檔案");
    }

    #[test]
    fn traditional_characters_are_ideographs_each_with_one_simplified_form() {
        let table = &traditional().pairs;
        assert!(table.len() > 100);
        for (i, &(t, s)) in table.iter().enumerate() {
            assert!((CJK_FIRST..=CJK_LAST).contains(&t), "{t}");
            assert_eq!(normalize_char(t), s);
            assert!(i == 0 || table[i - 1].0 < t, "{t} twice");
        }
        assert_eq!(normalize_char('文'), '文');
        assert_eq!(normalize_char('a'), 'a');
    }

    #[test]
    fn squeezed_drops_spaces_and_punctuation() {
        let t = Text::new("三 、本 年 度办 理 结果 | 2.其他");
        let s = Squeezed::new(&t, 0, t.len());
        assert_eq!(s.chars.iter().collect::<String>(), "三本年度办理结果2其他");
        assert_eq!(s.find(&squeeze("办理结果"), 0), Some(4));
        assert_eq!(t.orig[s.at[4]], '办');
    }
}
