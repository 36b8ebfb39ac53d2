//! The files that make the program part of a desktop: the Linux menu entry and
//! file association, the icon, the Windows command-line wrapper. A mismatch
//! here is a report that double-clicks into the wrong program, or a menu
//! entry with no icon.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

use std::fs;

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn desktop_key<'a>(entry: &'a str, key: &str) -> &'a str {
    entry
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
        .unwrap_or_else(|| panic!("nianbao.desktop has no {key}"))
}

#[test]
fn the_menu_entry_opens_report_files_by_their_type() {
    let entry = read("packaging/linux/nianbao.desktop");
    let mime = read("packaging/linux/nianbao-mime.xml");
    assert_eq!(desktop_key(&entry, "Name[zh_CN]"), "年报编辑器");
    // %f: a double-clicked file arrives as the one argument `nianbao FILE`.
    assert_eq!(desktop_key(&entry, "Exec"), "nianbao %f");
    let mime_type = desktop_key(&entry, "MimeType").trim_end_matches(';');
    assert!(
        mime.contains(&format!(r#"<mime-type type="{mime_type}">"#)),
        "the desktop entry's type {mime_type} is not the one the MIME file defines"
    );
    // DESIGN.md's file name pattern, and only it: other .json files stay with their programs.
    assert!(mime.contains(r#"<glob pattern="*.nianbao.json""#));
    assert_eq!(mime.matches("<glob ").count(), 1);
    assert_eq!(desktop_key(&entry, "Icon"), "nianbao");
    assert_eq!(desktop_key(&entry, "StartupWMClass"), nianbao::ui::APP_ID);
}

#[test]
fn the_icon_is_a_256_pixel_png_and_a_multi_size_ico() {
    let png = fs::read("assets/icon/nianbao.png").unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let (w, h) = (
        u32::from_be_bytes(png[16..20].try_into().unwrap()),
        u32::from_be_bytes(png[20..24].try_into().unwrap()),
    );
    assert_eq!((w, h), (256, 256));
    let ico = fs::read("assets/icon/nianbao.ico").unwrap();
    assert_eq!(&ico[..4], &[0, 0, 1, 0], "an ICO header");
    let sizes = u16::from_le_bytes([ico[4], ico[5]]);
    assert!(sizes >= 4, "small sizes for Explorer's lists: {sizes}");
}

#[test]
fn the_windows_command_wrapper_is_plain_ascii_with_crlf() {
    // cmd reads .bat files in the local code page (GBK on Chinese Windows) and
    // mis-parses LF-only lines.
    let bat = fs::read("packaging/windows/nianbao-cli.bat").unwrap();
    assert!(bat.is_ascii());
    let text = String::from_utf8(bat).unwrap();
    assert!(
        text.split_inclusive('\n').all(|l| l.ends_with("\r\n")),
        "every line ends in CRLF"
    );
    assert!(text.contains(r#"start "" /b /wait "%~dp0nianbao.exe" %*"#));
    assert!(text.contains("exit /b %errorlevel%"));
}
