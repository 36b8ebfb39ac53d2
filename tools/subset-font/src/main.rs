//! subset-font IN OUT CHARS.txt — keep only the glyphs of the characters in CHARS.txt.
use std::{env, fs};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use skrifa::MetadataProvider;

fn main() {
    let args: Vec<String> = env::args().collect();
    let [_, input, output, chars] = args.as_slice() else {
        eprintln!("usage: subset-font IN OUT CHARS.txt");
        std::process::exit(2);
    };
    let data = fs::read(input).expect("read font");
    let text = fs::read_to_string(chars).expect("read character list");
    let charmap = skrifa::FontRef::new(&data).expect("parse font").charmap();
    let mut gids: Vec<u16> = vec![0];
    for c in text.chars() {
        if let Some(g) = charmap.map(c) {
            let g = g.to_u32() as u16;
            if !gids.contains(&g) {
                gids.push(g);
            }
        }
    }
    let scope = ReadScope::new(&data);
    let font = scope.read::<FontData<'_>>().expect("parse font");
    let provider = font.table_provider(0).expect("table provider");
    let out = subset(&provider, &gids, &SubsetProfile::Minimal, CmapTarget::Unicode).expect("subset");
    fs::write(output, &out).expect("write font");
    eprintln!("{} glyphs, {} bytes", gids.len(), out.len());
}
