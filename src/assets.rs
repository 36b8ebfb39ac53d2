//! What the binary carries inside it (rust-embed; `debug-embed` so that debug
//! builds and tests read the same bytes a release build ships).

use std::borrow::Cow;

use rust_embed::RustEmbed;

use crate::report::Report;

#[derive(RustEmbed)]
#[folder = "assets/"]
// The .ico goes into the Windows executable's resources (build.rs), not here.
#[exclude = "*.ico"]
struct Assets;

pub const SAMPLE_FILE: &str = "sample.nianbao.json";

/// The application icon (a white 年 on red), for the window's title bar.
pub fn icon_png() -> Cow<'static, [u8]> {
    Assets::get("icon/nianbao.png")
        .expect("the icon is embedded at build time")
        .data
}

/// The sample report's file bytes: 阿戛镇人民政府's 2024 report.
pub fn sample_json() -> Cow<'static, [u8]> {
    Assets::get(SAMPLE_FILE)
        .expect("the sample is embedded at build time")
        .data
}

/// The rules explained (`assets/help/rules.md`): see `crate::help`.
pub fn help_rules() -> String {
    let bytes = Assets::get("help/rules.md")
        .expect("the help is embedded at build time")
        .data;
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A published text that raises an importer rule, by the rule's id
/// (`assets/help/examples/import.unplaced.txt`), or the base they change
/// ("clean"); `None` when there is none.
pub fn help_example(name: &str) -> Option<String> {
    let file = Assets::get(&format!("help/examples/{name}.txt"))?;
    Some(String::from_utf8_lossy(&file.data).into_owned())
}

/// The sample report.
pub fn sample() -> Report {
    crate::store::parse(&sample_json()).expect("the embedded sample is a valid report")
}
