//! The print faces and their metrics. Every face but the body falls back to
//! the body face for a character it lacks (the heading faces are subsets).

use std::cell::RefCell;
use std::collections::HashMap;

use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::raw::TableProvider;
use skrifa::{FontRef, MetadataProvider};

use crate::fonts;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    /// 宋体-style body text (Noto Serif CJK SC).
    Body,
    /// 小标宋-style title (Noto Serif CJK SC Bold).
    Title,
    /// 黑体-style level-1 headings (Noto Sans CJK SC).
    Hei,
    /// 楷体-style level-2 headings (LXGW WenKai).
    Kai,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Body, Face::Title, Face::Hei, Face::Kai];

    pub fn file(self) -> &'static str {
        match self {
            Face::Body => fonts::BODY_FONT,
            Face::Title => fonts::TITLE_FONT,
            Face::Hei => fonts::UI_FONT,
            Face::Kai => fonts::KAI_FONT,
        }
    }
}

struct Loaded {
    font: FontRef<'static>,
    metrics: GlyphMetrics<'static>,
    upem: f32,
}

/// The four faces, parsed once per export.
pub struct Faces {
    loaded: Vec<Loaded>,
    /// Advance in em of (face, char) as drawn (after fallback).
    cache: RefCell<HashMap<(Face, char), (Face, f32)>>,
}

impl Faces {
    pub fn load() -> Faces {
        let loaded = Face::ALL
            .iter()
            .map(|f| {
                let font = FontRef::new(fonts::bytes(f.file())).expect("embedded fonts parse");
                let upem = font.head().map(|h| h.units_per_em()).unwrap_or(1000) as f32;
                let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
                Loaded {
                    font,
                    metrics,
                    upem,
                }
            })
            .collect();
        Faces {
            loaded,
            cache: RefCell::new(HashMap::new()),
        }
    }

    fn get(&self, face: Face) -> &Loaded {
        &self.loaded[face as usize]
    }

    /// The face that draws `c` when `face` is wanted, and its advance in em.
    pub fn resolve(&self, face: Face, c: char) -> (Face, f32) {
        if let Some(hit) = self.cache.borrow().get(&(face, c)) {
            return *hit;
        }
        let lookup = |f: Face| {
            let l = self.get(f);
            let gid = l.font.charmap().map(c)?;
            Some((f, l.metrics.advance_width(gid).unwrap_or(l.upem) / l.upem))
        };
        // A character no face has is drawn (as a box) one em wide; the checks report it.
        let hit = lookup(face)
            .or_else(|| lookup(Face::Body))
            .unwrap_or((Face::Body, 1.0));
        self.cache.borrow_mut().insert((face, c), hit);
        hit
    }

    /// The advance of `c` at `size` points.
    pub fn advance(&self, face: Face, c: char, size: f32) -> f32 {
        if c == '\n' {
            return 0.0;
        }
        self.resolve(face, c).1 * size
    }
}
