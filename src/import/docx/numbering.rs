//! Word's automatic numbering: a heading typed as "总体情况" in a list whose
//! level prints "一、" shows as "一、总体情况", and that is what the clerk
//! sees and what the importer must read. The numbers live in
//! word/numbering.xml (each list's levels: format, text such as "%1、",
//! start) and are attached to a paragraph directly or through its style
//! (word/styles.xml); Word counts them as it lays the document out, and so
//! does [`Numbering::label`], paragraph by paragraph in reading order.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::attr;
use crate::form::part_number;

/// Levels per list, as Word has them.
const LEVELS: usize = 9;

#[derive(Clone, Debug)]
struct Level {
    format: String,
    text: String,
    start: u32,
    /// What follows the number: a tab (the default), a space, or nothing.
    suffix: String,
}

impl Default for Level {
    fn default() -> Level {
        Level {
            format: "decimal".into(),
            text: String::new(),
            start: 1,
            suffix: "tab".into(),
        }
    }
}

/// A list instance (w:num): its abstract definition and restarts.
#[derive(Clone, Debug, Default)]
struct Instance {
    abstract_id: String,
    start_overrides: HashMap<usize, u32>,
}

#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    instances: HashMap<String, Instance>,
    /// Paragraph styles that number their paragraphs: (numId, level).
    styles: HashMap<String, (Option<String>, Option<usize>)>,
    based_on: HashMap<String, String>,
    /// The last number given at each level, per list.
    counters: HashMap<String, [Option<u32>; LEVELS]>,
}

fn level_index(v: Option<String>) -> Option<usize> {
    v.and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|l| *l < LEVELS)
}

impl Numbering {
    /// The lists of numbering.xml and the numbered styles of styles.xml;
    /// what cannot be read is left out (the text is then read unnumbered).
    pub fn read(numbering: Option<&str>, styles: Option<&str>) -> Numbering {
        let mut n = Numbering::default();
        if let Some(xml) = numbering {
            n.read_lists(xml);
        }
        if let Some(xml) = styles {
            n.read_styles(xml);
        }
        n
    }

    fn read_lists(&mut self, xml: &str) {
        let mut reader = Reader::from_str(xml);
        let mut path: Vec<Vec<u8>> = Vec::new();
        let mut abstract_id: Option<String> = None;
        let mut level: Option<usize> = None;
        let mut instance: Option<String> = None;
        let mut override_level: Option<usize> = None;
        loop {
            let (e, empty) = match reader.read_event() {
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::End(_)) => {
                    match path.pop().as_deref() {
                        Some(b"abstractNum") => abstract_id = None,
                        Some(b"lvl") => level = None,
                        Some(b"num") => instance = None,
                        Some(b"lvlOverride") => override_level = None,
                        _ => {}
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => continue,
            };
            let name = e.local_name().as_ref().to_vec();
            let parent = path.last().cloned().unwrap_or_default();
            match name.as_slice() {
                b"abstractNum" => {
                    abstract_id = attr(&e, b"abstractNumId");
                    if let Some(id) = &abstract_id {
                        self.abstracts
                            .insert(id.clone(), vec![Level::default(); LEVELS]);
                    }
                }
                b"lvl" if parent == b"abstractNum" => level = level_index(attr(&e, b"ilvl")),
                b"num" => {
                    instance = attr(&e, b"numId");
                    if let Some(id) = &instance {
                        self.instances.insert(id.clone(), Instance::default());
                    }
                }
                b"abstractNumId" if parent == b"num" => {
                    if let (Some(id), Some(v)) = (&instance, attr(&e, b"val"))
                        && let Some(i) = self.instances.get_mut(id)
                    {
                        i.abstract_id = v;
                    }
                }
                b"lvlOverride" => override_level = level_index(attr(&e, b"ilvl")),
                b"startOverride" => {
                    let start = attr(&e, b"val").and_then(|v| v.trim().parse().ok());
                    if let (Some(id), Some(l), Some(s)) = (&instance, override_level, start)
                        && let Some(i) = self.instances.get_mut(id)
                    {
                        i.start_overrides.insert(l, s);
                    }
                }
                b"start" | b"numFmt" | b"lvlText" | b"suff" if parent == b"lvl" => {
                    let lvl = abstract_id
                        .as_ref()
                        .zip(level)
                        .and_then(|(id, l)| self.abstracts.get_mut(id)?.get_mut(l));
                    if let (Some(lvl), Some(v)) = (lvl, attr(&e, b"val")) {
                        match name.as_slice() {
                            b"start" => lvl.start = v.trim().parse().unwrap_or(1),
                            b"numFmt" => lvl.format = v,
                            b"lvlText" => lvl.text = v,
                            _ => lvl.suffix = v,
                        }
                    }
                }
                _ => {}
            }
            if !empty {
                path.push(name);
            }
        }
    }

    fn read_styles(&mut self, xml: &str) {
        let mut reader = Reader::from_str(xml);
        let mut path: Vec<Vec<u8>> = Vec::new();
        let mut style: Option<String> = None;
        loop {
            let (e, empty) = match reader.read_event() {
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::End(_)) => {
                    if path.pop().as_deref() == Some(b"style") {
                        style = None;
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => continue,
            };
            let name = e.local_name().as_ref().to_vec();
            let parent = path.last().cloned().unwrap_or_default();
            match (name.as_slice(), &style) {
                (b"style", _) => style = attr(&e, b"styleId"),
                (b"basedOn", Some(s)) if parent == b"style" => {
                    if let Some(v) = attr(&e, b"val") {
                        self.based_on.insert(s.clone(), v);
                    }
                }
                (b"numId" | b"ilvl", Some(s)) if parent == b"numPr" => {
                    let entry = self.styles.entry(s.clone()).or_default();
                    if name == b"numId" {
                        entry.0 = attr(&e, b"val");
                    } else {
                        entry.1 = level_index(attr(&e, b"val"));
                    }
                }
                _ => {}
            }
            if !empty {
                path.push(name);
            }
        }
    }

    /// The list and level a paragraph's style gives it, through the styles
    /// it is based on.
    fn of_style(&self, style: &str) -> (Option<String>, Option<usize>) {
        let mut s = style;
        for _ in 0..16 {
            if let Some((id, lvl)) = self.styles.get(s)
                && id.is_some()
            {
                return (id.clone(), *lvl);
            }
            match self.based_on.get(s) {
                Some(b) => s = b,
                None => break,
            }
        }
        (None, None)
    }

    /// The number Word shows before a paragraph, counting it: "一、",
    /// "（二）", "3." — with the space a tab or space after it stands for.
    /// `None` for an unnumbered paragraph or a bullet.
    pub fn label(
        &mut self,
        num_id: Option<&str>,
        level: Option<usize>,
        style: Option<&str>,
    ) -> Option<String> {
        let (style_id, style_level) = style.map(|s| self.of_style(s)).unwrap_or_default();
        let id = num_id.map(str::to_string).or(style_id)?;
        // numId 0 takes a style's numbering away.
        if id == "0" {
            return None;
        }
        let level = level.or(style_level).unwrap_or(0);
        let instance = self.instances.get(&id)?.clone();
        let levels = self.abstracts.get(&instance.abstract_id)?.clone();
        let lvl = levels.get(level)?;
        if matches!(lvl.format.as_str(), "bullet" | "none") {
            return None;
        }
        let start = |l: usize| {
            instance
                .start_overrides
                .get(&l)
                .copied()
                .unwrap_or(levels[l].start)
        };
        // Lists restarted by an override count on their own; others share
        // their definition's count, as Word continues them.
        let key = if instance.start_overrides.is_empty() {
            format!("a{}", instance.abstract_id)
        } else {
            format!("n{id}")
        };
        let counters = self.counters.entry(key).or_default();
        counters[level] = Some(counters[level].map_or(start(level), |n| n.saturating_add(1)));
        for deeper in counters.iter_mut().skip(level + 1) {
            *deeper = None;
        }
        let counters = *counters;
        let mut out = lvl.text.clone();
        for l in (0..LEVELS).rev() {
            let pat = format!("%{}", l + 1);
            if out.contains(&pat) {
                let n = counters[l].unwrap_or(start(l));
                out = out.replace(&pat, &number(&levels[l].format, n));
            }
        }
        match lvl.suffix.as_str() {
            "nothing" => {}
            _ => out.push(' '),
        }
        Some(out)
    }
}

/// `n` written in a numbering format of Word's.
fn number(format: &str, n: u32) -> String {
    let nth = |set: &str| {
        let chars: Vec<char> = set.chars().collect();
        (n as usize)
            .checked_sub(1)
            .and_then(|i| chars.get(i))
            .map_or_else(|| n.to_string(), |c| c.to_string())
    };
    let letters = |base: u8| {
        // Word writes "AA", "AAA"… past Z; a hostile start value (4 000 000 000)
        // would repeat a letter millions of times: beyond ZZ…Z (30 letters) the
        // digits stand in — no real heading is numbered that far.
        if n == 0 || n > 26 * 30 {
            return n.to_string();
        }
        let c = (base + ((n - 1) % 26) as u8) as char;
        c.to_string().repeat(((n - 1) / 26 + 1) as usize)
    };
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "ideographDigital"
        | "koreanCounting" => {
            // The form's own numerals: part_number(0) is "（一）".
            if n == 0 {
                "〇".into()
            } else {
                part_number(n as usize - 1)
                    .trim_start_matches('（')
                    .trim_end_matches('）')
                    .to_string()
            }
        }
        "chineseLegalSimplified" => nth("壹贰叁肆伍陆柒捌玖拾"),
        "ideographTraditional" => nth("甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => nth("子丑寅卯辰巳午未申酉戌亥"),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => nth("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"),
        "decimalEnclosedParen" => nth("⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"),
        "decimalEnclosedFullstop" => nth("⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 + 0xfee0).unwrap_or(c))
            .collect(),
        "decimalZero" => format!("{n:02}"),
        "lowerLetter" => letters(b'a'),
        "upperLetter" => letters(b'A'),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let mut out = String::new();
    for (v, s) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hostile_start_number_stays_small() {
        assert_eq!(number("upperLetter", 28), "BB");
        assert_eq!(number("upperLetter", 4_000_000_000), "4000000000");
        assert_eq!(number("lowerLetter", 0), "0");
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn lists() -> Numbering {
        let numbering = format!(
            r#"<w:numbering {W}>
            <w:abstractNum w:abstractNumId="3">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>
              <w:lvl w:ilvl="2"><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
            </w:abstractNum>
            <w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="·"/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="3"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="4"/></w:num>
            <w:num w:numId="5"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
            </w:numbering>"#
        );
        let styles = format!(
            r#"<w:styles {W}>
            <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="mine"><w:basedOn w:val="1"/></w:style>
            </w:styles>"#
        );
        Numbering::read(Some(&numbering), Some(&styles))
    }

    #[test]
    fn headings_numbered_by_word_read_as_printed() {
        let mut n = lists();
        let mut label = |id: Option<&str>, l: Option<usize>, s: Option<&str>| n.label(id, l, s);
        assert_eq!(label(Some("1"), Some(0), None).as_deref(), Some("一、"));
        assert_eq!(label(Some("1"), Some(1), None).as_deref(), Some("（一）"));
        assert_eq!(label(Some("1"), Some(1), None).as_deref(), Some("（二）"));
        assert_eq!(label(Some("1"), Some(2), None).as_deref(), Some("1. "));
        // Through the style (and the style it is based on).
        assert_eq!(label(None, None, Some("mine")).as_deref(), Some("二、"));
        // A deeper level starts again under a new heading.
        assert_eq!(label(Some("1"), Some(1), None).as_deref(), Some("（一）"));
        // Bullets and "no numbering" are no text.
        assert_eq!(label(Some("2"), Some(0), None), None);
        assert_eq!(label(Some("0"), None, Some("1")), None);
        assert_eq!(label(None, None, None), None);
        // A list restarted by an override counts on its own.
        assert_eq!(label(Some("5"), Some(2), None).as_deref(), Some("7. "));
    }

    #[test]
    fn formats() {
        assert_eq!(number("chineseCounting", 11), "十一");
        assert_eq!(number("chineseCountingThousand", 20), "二十");
        assert_eq!(number("decimalEnclosedCircle", 3), "③");
        assert_eq!(number("ideographTraditional", 2), "乙");
        assert_eq!(number("upperRoman", 14), "XIV");
        assert_eq!(number("lowerLetter", 28), "bb");
        assert_eq!(number("decimalFullWidth", 12), "１２");
        assert_eq!(number("decimalEnclosedCircle", 99), "99");
    }
}
