//! What a page draws, read from its content streams with the graphics state:
//! each glyph with its position and size, and the straight lines that may be
//! a table's rules. Coordinates are the page as displayed, in points, with y
//! growing downwards.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font::Font;
use super::lexer::{Obj, ops};
use super::resolve;

/// A character placed on the page.
#[derive(Clone, Debug)]
pub struct Glyph {
    pub text: String,
    /// Left edge and baseline (upright text), advance and font size.
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub size: f32,
    /// Written top to bottom (a vertical font, or text turned 90°).
    pub vertical: bool,
}

impl Glyph {
    /// The middle of the glyph's box.
    pub fn center(&self) -> (f32, f32) {
        if self.vertical {
            (self.x, self.y + self.w / 2.0)
        } else {
            (self.x + self.w / 2.0, self.y - self.size * 0.35)
        }
    }
}

/// A horizontal or vertical line: `a..b` along it, at `at` across it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    pub horizontal: bool,
    pub at: f32,
    pub a: f32,
    pub b: f32,
}

#[derive(Default, Debug)]
pub struct Page {
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    pub images: usize,
    /// Glyphs whose font does not say which character they are.
    pub unknown: usize,
    pub width: f32,
    pub height: f32,
}

/// Work allowed for the whole document: a file cannot make the reader loop.
pub struct Budget {
    pub ops: usize,
    pub glyphs: usize,
    pub bytes: usize,
    pub exhausted: bool,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget {
            ops: 20_000_000,
            glyphs: 500_000,
            bytes: 256 << 20,
            exhausted: false,
        }
    }
}

/// Form XObjects inside form XObjects deeper than this are not drawn.
const MAX_FORM_DEPTH: usize = 8;
/// `q` nesting kept; deeper saves are ignored.
const MAX_SAVES: usize = 256;
/// Lines thinner than this, filled as rectangles, are rules (WPS draws
/// borders so).
const THIN: f32 = 2.5;

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`.
fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
}

fn linear(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (x * m[0] + y * m[2], x * m[1] + y * m[3])
}

fn matrix(operands: &[Obj]) -> Option<Matrix> {
    let n: Vec<f32> = operands.iter().filter_map(Obj::num).collect();
    let m: Matrix = n.get(..6)?.try_into().ok()?;
    m.iter().all(|v| v.is_finite()).then_some(m)
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_space: f32,
    word_space: f32,
    scale: f32,
    leading: f32,
    rise: f32,
    stroke_white: bool,
    fill_white: bool,
}

pub struct Reader<'a> {
    doc: &'a Document,
    fonts: HashMap<ObjectId, Rc<Font>>,
    pub budget: Budget,
}

/// The dictionary behind an object, if it is one (or a stream's).
fn dict_of<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    match resolve(doc, o) {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// A page's entry, inherited from the page tree when the page lacks it.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..32 {
        if let Ok(o) = node.get(key) {
            return Some(o);
        }
        node = dict_of(doc, node.get(b"Parent").ok()?)?;
    }
    None
}

impl<'a> Reader<'a> {
    pub fn new(doc: &'a Document) -> Reader<'a> {
        Reader {
            doc,
            fonts: HashMap::new(),
            budget: Budget::default(),
        }
    }

    pub fn page(&mut self, id: ObjectId) -> Page {
        let doc = self.doc;
        let mut page = Page::default();
        let Ok(dict) = doc.get_dictionary(id) else {
            return page;
        };
        let bbox: Vec<f32> = inherited(doc, dict, b"MediaBox")
            .map(|o| resolve(doc, o))
            .and_then(|o| o.as_array().ok())
            .map(|a| a.iter().filter_map(|o| num(doc, o)).collect())
            .unwrap_or_default();
        let [x0, y0, x1, y1] = match bbox[..] {
            [a, b, c, d] => [a.min(c), b.min(d), a.max(c), b.max(d)],
            _ => [0.0, 0.0, 595.0, 842.0],
        };
        let rotate = inherited(doc, dict, b"Rotate")
            .and_then(|o| num(doc, o))
            .map_or(0, |r| (r as i64).rem_euclid(360));
        // From user space to the page as displayed, y down.
        let (base, w, h) = match rotate {
            90 => ([0.0, 1.0, 1.0, 0.0, -y0, -x0], y1 - y0, x1 - x0),
            180 => ([-1.0, 0.0, 0.0, 1.0, x1, -y0], x1 - x0, y1 - y0),
            270 => ([0.0, -1.0, -1.0, 0.0, y1, x1], y1 - y0, x1 - x0),
            _ => ([1.0, 0.0, 0.0, -1.0, -x0, y1], x1 - x0, y1 - y0),
        };
        page.width = w;
        page.height = h;
        let resources = inherited(doc, dict, b"Resources").and_then(|o| dict_of(doc, o));
        let mut content = Vec::new();
        let streams: Vec<&Object> = match dict.get(b"Contents").map(|o| resolve(doc, o)) {
            Ok(Object::Array(a)) => a.iter().collect(),
            Ok(o) => vec![o],
            Err(_) => vec![],
        };
        for s in streams {
            if let Some(bytes) = self.stream(s) {
                content.extend_from_slice(&bytes);
                content.push(b'\n');
            }
        }
        let state = State {
            ctm: base,
            font: None,
            size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            stroke_white: false,
            fill_white: false,
        };
        self.run(&content, resources, state, 0, &mut page);
        page
    }

    /// A stream's decoded bytes within the budget.
    fn stream(&mut self, o: &Object) -> Option<Vec<u8>> {
        let s = resolve(self.doc, o).as_stream().ok()?;
        let bytes = s.get_plain_content_with_limit(self.budget.bytes).ok()?;
        self.budget.bytes = self.budget.bytes.saturating_sub(bytes.len());
        Some(bytes)
    }

    fn font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Rc<Font> {
        let doc = self.doc;
        let Some(entry) = resources
            .and_then(|r| r.get(b"Font").ok())
            .and_then(|o| dict_of(doc, o))
            .and_then(|fonts| fonts.get(name).ok())
        else {
            return Rc::new(Font::unknown());
        };
        let id = match entry {
            Object::Reference(id) => Some(*id),
            _ => None,
        };
        if let Some(f) = id.and_then(|id| self.fonts.get(&id)) {
            return f.clone();
        }
        let font = Rc::new(match dict_of(doc, entry) {
            Some(d) => Font::load(doc, d),
            None => Font::unknown(),
        });
        if let Some(id) = id {
            self.fonts.insert(id, font.clone());
        }
        font
    }

    fn run(
        &mut self,
        content: &[u8],
        resources: Option<&Dictionary>,
        mut gs: State,
        depth: usize,
        page: &mut Page,
    ) {
        let mut saved: Vec<State> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        let mut path = Path::default();
        let mut fonts: HashMap<Vec<u8>, Rc<Font>> = HashMap::new();
        for op in ops(content) {
            if self.budget.ops == 0 || self.budget.glyphs == 0 {
                self.budget.exhausted = true;
                return;
            }
            self.budget.ops -= 1;
            let n = &op.operands;
            let f = |i: usize| n.get(i).and_then(Obj::num).unwrap_or(0.0);
            match op.operator {
                b"q" if saved.len() < MAX_SAVES => saved.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = saved.pop() {
                        gs = s;
                    }
                }
                b"cm" => {
                    if let Some(m) = matrix(n) {
                        gs.ctm = mul(&m, &gs.ctm);
                    }
                }
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"Tf" => {
                    if let Some(Obj::Name(name)) = n.first() {
                        let font = match fonts.get(name) {
                            Some(f) => f.clone(),
                            None => {
                                let font = self.font(resources, name);
                                fonts.insert(name.clone(), font.clone());
                                font
                            }
                        };
                        gs.font = Some(font);
                    }
                    gs.size = f(1);
                }
                b"Tc" => gs.char_space = f(0),
                b"Tw" => gs.word_space = f(0),
                b"Tz" => gs.scale = f(0) / 100.0,
                b"TL" => gs.leading = f(0),
                b"Ts" => gs.rise = f(0),
                b"Td" | b"TD" => {
                    if op.operator == b"TD" {
                        gs.leading = -f(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, f(0), f(1)], &tlm);
                    tm = tlm;
                }
                b"Tm" => {
                    if let Some(m) = matrix(n) {
                        tlm = m;
                        tm = m;
                    }
                }
                b"T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" | b"TJ" => {
                    if op.operator != b"Tj" && op.operator != b"TJ" {
                        if op.operator == b"\"" {
                            gs.word_space = f(0);
                            gs.char_space = f(1);
                        }
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                        tm = tlm;
                    }
                    match n.last() {
                        Some(Obj::Str(s)) => self.show(s, &gs, &mut tm, page),
                        Some(Obj::Array(items)) if op.operator == b"TJ" => {
                            for item in items {
                                match item {
                                    Obj::Str(s) => self.show(s, &gs, &mut tm, page),
                                    Obj::Num(adjust) => {
                                        let d = -adjust / 1000.0 * gs.size;
                                        let vertical = gs.font.as_ref().is_some_and(|f| f.vertical);
                                        let t = if vertical {
                                            [1.0, 0.0, 0.0, 1.0, 0.0, d]
                                        } else {
                                            [1.0, 0.0, 0.0, 1.0, d * gs.scale, 0.0]
                                        };
                                        tm = mul(&t, &tm);
                                    }
                                    _ => {}
                                }
                            }
                        }
                        _ => {}
                    }
                }
                b"m" => path.move_to(apply(&gs.ctm, f(0), f(1))),
                b"l" => path.line_to(apply(&gs.ctm, f(0), f(1))),
                b"c" | b"v" | b"y" => {
                    let k = n.len();
                    let end = apply(&gs.ctm, f(k.saturating_sub(2)), f(k.saturating_sub(1)));
                    path.curve_to(end);
                }
                b"h" => path.close(),
                b"re" => {
                    let (x, y, w, h) = (f(0), f(1), f(2), f(3));
                    let c = &gs.ctm;
                    path.move_to(apply(c, x, y));
                    path.line_to(apply(c, x + w, y));
                    path.line_to(apply(c, x + w, y + h));
                    path.line_to(apply(c, x, y + h));
                    path.close();
                }
                b"S" | b"s" => {
                    if op.operator == b"s" {
                        path.close();
                    }
                    if !gs.stroke_white {
                        path.stroke(&mut page.rules);
                    }
                    path = Path::default();
                }
                b"f" | b"F" | b"f*" => {
                    if !gs.fill_white {
                        path.fill(&mut page.rules);
                    }
                    path = Path::default();
                }
                b"B" | b"B*" | b"b" | b"b*" => {
                    if op.operator.starts_with(b"b") {
                        path.close();
                    }
                    if !gs.stroke_white {
                        path.stroke(&mut page.rules);
                    }
                    if !gs.fill_white {
                        path.fill(&mut page.rules);
                    }
                    path = Path::default();
                }
                b"n" => path = Path::default(),
                b"G" | b"RG" | b"K" | b"SC" | b"SCN" => gs.stroke_white = is_white(n),
                b"g" | b"rg" | b"k" | b"sc" | b"scn" => gs.fill_white = is_white(n),
                b"CS" => gs.stroke_white = false,
                b"cs" => gs.fill_white = false,
                b"EI" => page.images += 1,
                b"Do" => {
                    if let Some(Obj::Name(name)) = n.first() {
                        self.draw_object(resources, name, &gs, depth, page);
                    }
                }
                _ => {}
            }
        }
    }

    fn draw_object(
        &mut self,
        resources: Option<&Dictionary>,
        name: &[u8],
        gs: &State,
        depth: usize,
        page: &mut Page,
    ) {
        let doc = self.doc;
        let Some(o) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|o| dict_of(doc, o))
            .and_then(|x| x.get(name).ok())
        else {
            return;
        };
        let Some(dict) = dict_of(doc, o) else { return };
        match dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => page.images += 1,
            Ok(b"Form") if depth < MAX_FORM_DEPTH => {
                let Some(content) = self.stream(o) else {
                    return;
                };
                let own = dict.get(b"Resources").ok().and_then(|r| dict_of(doc, r));
                let mut inner = gs.clone();
                if let Ok(m) = dict
                    .get(b"Matrix")
                    .map(|o| resolve(doc, o))
                    .and_then(Object::as_array)
                {
                    let v: Vec<Obj> = m.iter().filter_map(|o| num(doc, o)).map(Obj::Num).collect();
                    if let Some(m) = matrix(&v) {
                        inner.ctm = mul(&m, &inner.ctm);
                    }
                }
                self.run(&content, own.or(resources), inner, depth + 1, page);
            }
            _ => {}
        }
    }

    /// Show a string: each code's glyph where the text matrix puts it, then
    /// the text matrix moved past it.
    fn show(&mut self, bytes: &[u8], gs: &State, tm: &mut Matrix, page: &mut Page) {
        let Some(font) = gs.font.clone() else { return };
        let fs = gs.size;
        let trm_base = mul(tm, &gs.ctm);
        // The size of text on the page: the text space's "up" at this size.
        let (ux, uy) = linear(&trm_base, 0.0, fs);
        let size = (ux * ux + uy * uy).sqrt();
        let (dx, dy) = linear(&trm_base, 1.0, 0.0);
        let turned = dx <= 0.0 || dy.abs() > dx.abs() * 0.2;
        let mut glyphs = std::mem::take(&mut page.glyphs);
        font.decode(bytes, |code| {
            if self.budget.glyphs == 0 {
                return;
            }
            self.budget.glyphs -= 1;
            let trm = mul(tm, &gs.ctm);
            let spacing = gs.char_space + if code.word_space { gs.word_space } else { 0.0 };
            let (ox, oy) = apply(&trm, 0.0, gs.rise);
            let (advance, step) = if font.vertical {
                // Vertical fonts advance one em down (PDF 32000, 9.7.4.3).
                let ty = -fs + spacing;
                (ty, [1.0, 0.0, 0.0, 1.0, 0.0, ty])
            } else {
                let tx = (code.width / 1000.0 * fs + spacing) * gs.scale;
                (tx, [1.0, 0.0, 0.0, 1.0, tx, 0.0])
            };
            let (ax, ay) = if font.vertical {
                linear(&trm_base, 0.0, advance)
            } else {
                linear(&trm_base, advance, 0.0)
            };
            let w = (ax * ax + ay * ay).sqrt();
            let mut text = code.text.unwrap_or_else(|| {
                page.unknown += 1;
                char::REPLACEMENT_CHARACTER.to_string()
            });
            if text.chars().any(char::is_control) {
                text = text
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
            }
            let vertical = font.vertical || turned;
            if size.is_finite() && ox.is_finite() && oy.is_finite() && w.is_finite() {
                glyphs.push(Glyph {
                    text,
                    x: ox,
                    y: oy,
                    w: if vertical { w.max(size) } else { w },
                    size,
                    vertical,
                });
            }
            *tm = mul(&step, tm);
        });
        page.glyphs = glyphs;
    }
}

fn num(doc: &Document, o: &Object) -> Option<f32> {
    match resolve(doc, o) {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// A colour operator's operands name white (a rule drawn white is not seen).
fn is_white(n: &[Obj]) -> bool {
    let v: Vec<f32> = n.iter().filter_map(Obj::num).collect();
    match v[..] {
        [g] => g >= 0.99,
        [r, g, b] => r >= 0.99 && g >= 0.99 && b >= 0.99,
        [c, m, y, k] => c <= 0.01 && m <= 0.01 && y <= 0.01 && k <= 0.01,
        _ => false,
    }
}

/// The path under construction, in page coordinates.
#[derive(Default)]
struct Path {
    subpaths: Vec<Subpath>,
    /// Points in all subpaths.
    points: usize,
}

#[derive(Default)]
struct Subpath {
    points: Vec<(f32, f32)>,
    closed: bool,
    curved: bool,
}

/// Points kept for one path: a page of curves is no table.
const MAX_POINTS: usize = 100_000;
/// Rules kept for one page (table.rs reads fewer still).
const MAX_RULES: usize = 20_000;

impl Path {
    fn move_to(&mut self, p: (f32, f32)) {
        if self.points < MAX_POINTS {
            self.points += 1;
            self.subpaths.push(Subpath {
                points: vec![p],
                ..Subpath::default()
            });
        }
    }

    fn line_to(&mut self, p: (f32, f32)) {
        if self.points >= MAX_POINTS {
            return;
        }
        match self.subpaths.last_mut() {
            Some(s) => {
                self.points += 1;
                s.points.push(p);
            }
            None => self.move_to(p),
        }
    }

    fn curve_to(&mut self, p: (f32, f32)) {
        self.line_to(p);
        if let Some(s) = self.subpaths.last_mut() {
            s.curved = true;
        }
    }

    fn close(&mut self) {
        if let Some(s) = self.subpaths.last_mut() {
            s.closed = true;
        }
    }

    fn stroke(&self, rules: &mut Vec<Rule>) {
        for s in self.subpaths.iter().filter(|s| !s.curved) {
            if rules.len() >= MAX_RULES {
                return;
            }
            let mut pts = s.points.clone();
            if s.closed
                && let Some(first) = pts.first().copied()
            {
                pts.push(first);
            }
            for w in pts.windows(2) {
                if let Some(r) = rule(w[0], w[1]) {
                    rules.push(r);
                }
            }
        }
    }

    /// Thin filled rectangles are rules; other fills (shading) are not.
    fn fill(&self, rules: &mut Vec<Rule>) {
        for s in self
            .subpaths
            .iter()
            .filter(|s| !s.curved && s.points.len() >= 3)
        {
            if rules.len() >= MAX_RULES {
                return;
            }
            let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
            for &(x, y) in &s.points {
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x);
                y1 = y1.max(y);
            }
            let on_edge = |&(x, y): &(f32, f32)| {
                ((x - x0).abs() < 0.5 || (x - x1).abs() < 0.5)
                    && ((y - y0).abs() < 0.5 || (y - y1).abs() < 0.5)
            };
            if s.points.len() > 5 || !s.points.iter().all(on_edge) {
                continue;
            }
            let (w, h) = (x1 - x0, y1 - y0);
            if h <= THIN && w > h {
                rules.extend(rule(((x0), (y0 + y1) / 2.0), (x1, (y0 + y1) / 2.0)));
            } else if w <= THIN && h > w {
                rules.extend(rule(((x0 + x1) / 2.0, y0), ((x0 + x1) / 2.0, y1)));
            }
        }
    }
}

/// A segment as a rule, if it is horizontal or vertical and not a dot.
fn rule(p: (f32, f32), q: (f32, f32)) -> Option<Rule> {
    let (dx, dy) = ((q.0 - p.0).abs(), (q.1 - p.1).abs());
    if !(dx.is_finite() && dy.is_finite()) {
        return None;
    }
    if dy <= 1.0 && dx >= 1.0 {
        Some(Rule {
            horizontal: true,
            at: (p.1 + q.1) / 2.0,
            a: p.0.min(q.0),
            b: p.0.max(q.0),
        })
    } else if dx <= 1.0 && dy >= 1.0 {
        Some(Rule {
            horizontal: false,
            at: (p.0 + q.0) / 2.0,
            a: p.1.min(q.1),
            b: p.1.max(q.1),
        })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Stream, dictionary};

    /// A page 600×800 with a simple font F1 (every glyph 500 wide) and a
    /// form XObject Fm1 that draws "Z" and then itself.
    fn page_of(content: &[u8]) -> Page {
        let mut doc = Document::with_version("1.5");
        let font = doc.add_object(dictionary! {"Type" => "Font", "Subtype" => "Type1",
        "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding", "FirstChar" => 32,
        "Widths" => vec![Object::Integer(500); 95]});
        let form_id = doc.new_object_id();
        let form = Stream::new(
            dictionary! {"Type" => "XObject", "Subtype" => "Form",
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into(), (-100).into()],
            "Resources" => dictionary! {"Font" => dictionary! {"F1" => font},
                "XObject" => dictionary! {"Fm1" => form_id}}},
            b"BT /F1 10 Tf 1 0 0 1 300 700 Tm (Z) Tj ET /Fm1 Do".to_vec(),
        );
        doc.objects.insert(form_id, Object::Stream(form));
        let contents = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
        let page = doc.add_object(dictionary! {"Type" => "Page",
        "MediaBox" => vec![0.into(), 0.into(), 600.into(), 800.into()],
        "Contents" => contents,
        "Resources" => dictionary! {"Font" => dictionary! {"F1" => font},
            "XObject" => dictionary! {"Fm1" => form_id}}});
        Reader::new(&doc).page(page)
    }

    fn placed(p: &Page) -> Vec<(String, f32, f32)> {
        p.glyphs
            .iter()
            .map(|g| (g.text.clone(), (g.x * 10.0).round() / 10.0, g.y.round()))
            .collect()
    }

    #[test]
    fn text_state_moves_each_glyph() {
        let p = page_of(
            b"BT /F1 10 Tf 1 0 0 1 100 700 Tm (AB) Tj 2 Tc (C) Tj 0 Tc 50 Tz (DE) Tj 100 Tz
              14 TL T* [(F) -1000 (G)] TJ 0 -20 TD (H) Tj (I) ' 3 1 (J K) \" ET",
        );
        let got = placed(&p);
        let want: Vec<(String, f32, f32)> = [
            ("A", 100.0, 100.0),
            ("B", 105.0, 100.0),
            ("C", 110.0, 100.0),
            // Tc 2 after C; Tz 50 halves the advance.
            ("D", 117.0, 100.0),
            ("E", 119.5, 100.0),
            // T* with TL 14; the TJ number moves G one em right.
            ("F", 100.0, 114.0),
            ("G", 115.0, 114.0),
            // TD sets TL to 20; ' and " go to the next line.
            ("H", 100.0, 134.0),
            ("I", 100.0, 154.0),
            ("J", 100.0, 174.0),
            (" ", 106.0, 174.0),
            // Tc 1 after each glyph, Tw 3 after the space too.
            ("K", 115.0, 174.0),
        ]
        .iter()
        .map(|(t, x, y)| (t.to_string(), *x, *y))
        .collect();
        assert_eq!(got, want);
        assert!(p.glyphs.iter().all(|g| (g.size - 10.0).abs() < 1e-3));
    }

    #[test]
    fn the_ctm_scales_and_forms_draw_with_a_depth_limit() {
        let p = page_of(b"q 2 0 0 2 0 0 cm BT /F1 10 Tf 1 0 0 1 50 350 Tm (A) Tj ET Q /Fm1 Do");
        let a = &p.glyphs[0];
        assert_eq!((a.x, a.y, a.w, a.size), (100.0, 100.0, 10.0, 20.0));
        // The form draws Z 100 below its own position, then itself again,
        // nested until the limit.
        let z: Vec<f32> = p.glyphs[1..].iter().map(|g| g.y).collect();
        assert_eq!(z.len(), MAX_FORM_DEPTH);
        assert_eq!(z[0], 200.0);
        assert_eq!(z[1], 300.0);
    }

    #[test]
    fn rules_are_stroked_lines_and_thin_fills() {
        let p = page_of(
            b"100 100 m 300 100 l S 50 50 200 0.5 re f 50 50 200 100 re f
              1 G 10 10 m 10 300 l S 0 G 10 10 m 10 300 l S 0 0 m 100 100 l S",
        );
        let r: Vec<(bool, f32)> = p.rules.iter().map(|r| (r.horizontal, r.at)).collect();
        assert_eq!(r, [(true, 700.0), (true, 749.75), (false, 10.0)]);
    }
}
