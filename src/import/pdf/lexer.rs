//! The PostScript-like syntax of content streams and CMaps, read into
//! operations: operands, then the operator. Our own small reader rather than
//! lopdf's: it never gives up on a whole page for one bad token (an inline
//! image lopdf cannot size, a stray byte), and it cannot panic.

/// An operand. Dictionaries (marked content properties, inline image
/// parameters) are skipped: nothing read from a page needs them.
#[derive(Clone, Debug, PartialEq)]
pub enum Obj {
    Num(f32),
    Name(Vec<u8>),
    Str(Vec<u8>),
    Array(Vec<Obj>),
    Other,
}

impl Obj {
    pub fn num(&self) -> Option<f32> {
        match self {
            Obj::Num(n) => Some(*n),
            _ => None,
        }
    }
}

/// One operation: `operands operator`.
#[derive(Debug)]
pub struct Op<'a> {
    pub operator: &'a [u8],
    pub operands: Vec<Obj>,
}

/// Nested arrays deeper than this are read as `Other`.
const MAX_DEPTH: usize = 16;
/// Operands kept for one operator; more are dropped (no operator takes many,
/// except the CMap sections, which are capped by the same number).
const MAX_OPERANDS: usize = 100_000;

pub struct Ops<'a> {
    data: &'a [u8],
    pos: usize,
}

pub fn ops(data: &[u8]) -> Ops<'_> {
    Ops { data, pos: 0 }
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

enum Tok<'a> {
    Obj(Obj),
    ArrayOpen,
    ArrayClose,
    Word(&'a [u8]),
}

impl<'a> Ops<'a> {
    fn skip_white(&mut self) {
        while let Some(&b) = self.data.get(self.pos) {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(&b) = self.data.get(self.pos) {
                    if b == b'\n' || b == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn token(&mut self) -> Option<Tok<'a>> {
        self.skip_white();
        let data = self.data;
        let b = *data.get(self.pos)?;
        match b {
            b'(' => Some(Tok::Obj(Obj::Str(self.literal()))),
            b'<' if data.get(self.pos + 1) == Some(&b'<') => {
                self.skip_dict();
                Some(Tok::Obj(Obj::Other))
            }
            b'<' => Some(Tok::Obj(Obj::Str(self.hex()))),
            b'[' => {
                self.pos += 1;
                Some(Tok::ArrayOpen)
            }
            b']' => {
                self.pos += 1;
                Some(Tok::ArrayClose)
            }
            b'/' => {
                self.pos += 1;
                let start = self.pos;
                while self
                    .data
                    .get(self.pos)
                    .is_some_and(|&b| !is_white(b) && !is_delim(b))
                {
                    self.pos += 1;
                }
                Some(Tok::Obj(Obj::Name(unescape_name(&data[start..self.pos]))))
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let start = self.pos;
                while self
                    .data
                    .get(self.pos)
                    .is_some_and(|&b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.'))
                {
                    self.pos += 1;
                }
                Some(Tok::Obj(Obj::Num(number(&data[start..self.pos]))))
            }
            b')' | b'>' | b'{' | b'}' => {
                // Stray delimiters (PostScript procedures in CMaps): skip.
                self.pos += 1;
                Some(Tok::Obj(Obj::Other))
            }
            _ => {
                let start = self.pos;
                while self
                    .data
                    .get(self.pos)
                    .is_some_and(|&b| !is_white(b) && !is_delim(b))
                {
                    self.pos += 1;
                }
                Some(Tok::Word(&data[start..self.pos]))
            }
        }
    }

    /// A literal string, `(` at `pos`: balanced parentheses, escapes.
    fn literal(&mut self) -> Vec<u8> {
        let data = self.data;
        let mut out = Vec::new();
        let mut depth = 0usize;
        let mut i = self.pos + 1;
        while i < data.len() {
            let b = data[i];
            i += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                    out.push(b);
                }
                b'\\' => {
                    let Some(&e) = data.get(i) else { break };
                    i += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if data.get(i) == Some(&b'\n') {
                                i += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match data.get(i) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        i += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xff) as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        self.pos = i;
        out
    }

    /// A hex string, `<` at `pos`.
    fn hex(&mut self) -> Vec<u8> {
        let data = self.data;
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        let mut i = self.pos + 1;
        while i < data.len() {
            let b = data[i];
            i += 1;
            let v = match b {
                b'>' => break,
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => continue,
            };
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        self.pos = i;
        out
    }

    /// A dictionary, `<<` at `pos`: skipped, strings inside included.
    fn skip_dict(&mut self) {
        let mut depth = 0usize;
        while self.pos < self.data.len() {
            match self.data[self.pos] {
                b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                    depth += 1;
                    self.pos += 2;
                }
                b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                b'(' => {
                    self.literal();
                }
                b'<' => {
                    self.hex();
                }
                _ => self.pos += 1,
            }
        }
    }

    /// An array after its `[`.
    fn array(&mut self, depth: usize) -> Obj {
        let mut items = Vec::new();
        while let Some(t) = self.token() {
            match t {
                Tok::ArrayClose => break,
                Tok::ArrayOpen if depth >= MAX_DEPTH => {
                    self.skip_array();
                    items.push(Obj::Other);
                }
                Tok::ArrayOpen => items.push(self.array(depth + 1)),
                Tok::Obj(o) => {
                    if items.len() < MAX_OPERANDS {
                        items.push(o);
                    }
                }
                // `true`, `false`, `null` inside an array.
                Tok::Word(_) => items.push(Obj::Other),
            }
        }
        Obj::Array(items)
    }

    /// An array too deep to keep, after its `[`: skipped without recursion.
    fn skip_array(&mut self) {
        let mut depth = 1usize;
        while let Some(t) = self.token() {
            match t {
                Tok::ArrayOpen => depth += 1,
                Tok::ArrayClose => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    /// Past an inline image's data: from `ID` to the `EI` that ends it.
    fn skip_inline_image(&mut self) {
        let data = self.data;
        // One white-space byte follows ID, then the data.
        let mut i = self.pos + 1;
        while i + 2 <= data.len() {
            if data[i] == b'E'
                && data[i + 1] == b'I'
                && is_white(data[i - 1])
                && data.get(i + 2).is_none_or(|&b| is_white(b))
            {
                self.pos = i + 2;
                return;
            }
            i += 1;
        }
        self.pos = data.len();
    }
}

impl<'a> Iterator for Ops<'a> {
    type Item = Op<'a>;

    fn next(&mut self) -> Option<Op<'a>> {
        let mut operands = Vec::new();
        loop {
            match self.token()? {
                Tok::Obj(o) => {
                    if operands.len() < MAX_OPERANDS {
                        operands.push(o);
                    }
                }
                Tok::ArrayOpen => {
                    let a = self.array(1);
                    if operands.len() < MAX_OPERANDS {
                        operands.push(a);
                    }
                }
                Tok::ArrayClose => {}
                Tok::Word(w) => match w {
                    b"true" | b"false" | b"null" => operands.push(Obj::Other),
                    b"ID" => {
                        self.skip_inline_image();
                        return Some(Op {
                            operator: b"EI",
                            operands: Vec::new(),
                        });
                    }
                    _ => {
                        return Some(Op {
                            operator: w,
                            operands,
                        });
                    }
                },
            }
        }
    }
}

fn number(s: &[u8]) -> f32 {
    // Lenient, as readers are: "--5", "4.", ".5", "1.2.3" (up to the second dot).
    let mut t = String::with_capacity(s.len());
    let mut negative = false;
    let mut rest = s;
    while let Some((&c, r)) = rest.split_first() {
        match c {
            b'-' => negative = !negative,
            b'+' => {}
            _ => break,
        }
        rest = r;
    }
    let mut dot = false;
    for &c in rest {
        match c {
            b'0'..=b'9' => t.push(c as char),
            b'.' if !dot => {
                dot = true;
                t.push('.');
            }
            _ => break,
        }
    }
    let v: f32 = t.parse().unwrap_or(0.0);
    let v = if negative { -v } else { v };
    if v.is_finite() { v } else { 0.0 }
}

/// `#xx` escapes of a name.
fn unescape_name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#'
            && let Some(h) = raw.get(i + 1..i + 3)
            && let Ok(s) = std::str::from_utf8(h)
            && let Ok(v) = u8::from_str_radix(s, 16)
        {
            out.push(v);
            i += 3;
        } else {
            out.push(raw[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(s: &[u8]) -> Vec<(String, Vec<Obj>)> {
        ops(s)
            .map(|o| (String::from_utf8_lossy(o.operator).into_owned(), o.operands))
            .collect()
    }

    #[test]
    fn operators_with_their_operands() {
        let got =
            all(b"BT /F1 12 Tf 0.05 0 0 -.05 115.44 802.49 Tm<0010>Tj [(a\\(b\\)) -250 <41>]TJ ET");
        assert_eq!(got[0].0, "BT");
        assert_eq!(
            got[1],
            ("Tf".into(), vec![Obj::Name(b"F1".to_vec()), Obj::Num(12.0)])
        );
        assert_eq!(got[2].1[3], Obj::Num(-0.05));
        assert_eq!(got[3], ("Tj".into(), vec![Obj::Str(vec![0, 0x10])]));
        assert_eq!(
            got[4].1,
            vec![Obj::Array(vec![
                Obj::Str(b"a(b)".to_vec()),
                Obj::Num(-250.0),
                Obj::Str(b"A".to_vec())
            ])]
        );
        assert_eq!(got[5].0, "ET");
    }

    #[test]
    fn escapes_dictionaries_and_inline_images() {
        let got = all(
            b"/P <</MCID 0 /Alt (x>>y)>> BDC (\\101\\n\\\n) Tj BI /W 2 /H 1 /CS /G ID \xffEI EI\x00 EI Q",
        );
        assert_eq!(got[0].0, "BDC");
        assert_eq!(got[0].1, vec![Obj::Name(b"P".to_vec()), Obj::Other]);
        assert_eq!(got[1].1, vec![Obj::Str(b"A\n".to_vec())]);
        assert_eq!(got[2].0, "BI");
        // The inline image's data (binary, "EI" inside it not preceded by
        // white space) ends at the first EI between white space.
        assert_eq!(got[3].0, "EI");
        assert_eq!(got[4].0, "EI");
        assert_eq!(got.last().unwrap().0, "Q");
    }

    #[test]
    fn garbage_never_panics() {
        for s in [
            &b"((((("[..],
            b"<<<<<<",
            &b"[".repeat(100_000)[..],
            b"<4",
            b"/#",
            b"/#zz BI ID",
            b"- -- . 1e5 Tj",
            b")>}]",
        ] {
            let _ = all(s);
        }
        assert_eq!(number(b"--5"), 5.0);
        assert_eq!(number(b"4."), 4.0);
        assert_eq!(unescape_name(b"A#20B#2"), b"A B#2");
    }
}
