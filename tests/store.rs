//! The file format: the sample round-trips byte for byte, bad files are refused
//! with a Chinese message naming line and column, saves are atomic.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

use std::fs;

use nianbao::assets;
use nianbao::form::{AppCol, AppRow};
use nianbao::store::{self, LoadError};

fn sample_text() -> String {
    String::from_utf8(assets::sample_json().into_owned()).unwrap()
}

fn load_str(s: &str) -> Result<nianbao::report::Report, LoadError> {
    store::parse(s.as_bytes())
}

#[test]
fn sample_round_trips_byte_for_byte() {
    let text = sample_text();
    let report = load_str(&text).unwrap();
    assert_eq!(store::to_json(&report), text);
}

#[test]
fn sample_keeps_the_seed_verbatim() {
    let r = assets::sample();
    assert_eq!(r.organ, "阿戛镇人民政府");
    assert_eq!(r.year, 2024);
    assert_eq!(
        r.display_title(),
        "阿戛镇人民政府2024年政府信息公开工作年度报告"
    );
    let headings: Vec<_> = r
        .overview
        .parts
        .iter()
        .map(|p| p.heading.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "主动公开政府信息情况",
            "依申请公开政府信息的情况",
            "政府信息管理",
            "政府信息公开平台建设",
            "监督保障"
        ]
    );
    // The seed's ASCII punctuation is kept, not "corrected".
    assert!(
        r.overview
            .intro
            .starts_with("2024年,在区委区政府和业务部门的坚强领导下,")
    );
    assert!(
        r.overview.parts[0]
            .body
            .contains("门户网站公开政府信息数64;其中工作动态41条")
    );
    assert!(
        r.problems
            .starts_with("2024年本单位关于政务公开工作有着明显的提升")
    );
    assert_eq!(r.problems.split("\n\n").count(), 5);
    assert_eq!(
        r.other_matters,
        "本年度没有依申请公开信件处理费,无其他需要报告的事项。"
    );
    assert_eq!(r.proactive.fees_wan_yuan, "0");
    assert_eq!(
        r.applications.get(AppRow::CarriedForward, AppCol::Total),
        Some(0)
    );
}

#[test]
fn tables_are_written_one_row_per_line() {
    let text = sample_text();
    assert!(text.contains("\n    \"new_received\": [0, 0, 0, 0, 0, 0, 0],\n"));
    assert!(text.starts_with("{\n  \"schema\": \"nianbao.report/1\",\n"));
}

#[test]
fn blank_and_zero_stay_distinct() {
    let mut r = assets::sample();
    *r.applications.get_mut(AppRow::Granted, AppCol::Research) = None;
    r.proactive.fees_wan_yuan = "24252.311082".into();
    let text = store::to_json(&r);
    assert!(text.contains("\"granted\": [0, 0, null, 0, 0, 0, 0]"));
    let back = load_str(&text).unwrap();
    assert_eq!(back, r);
    assert_eq!(back.proactive.fees_wan_yuan, "24252.311082");
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let text = format!("\u{feff}{}", sample_text());
    assert_eq!(load_str(&text).unwrap(), assets::sample());
}

/// The sample with one textual replacement (which must apply).
fn edited(from: &str, to: &str) -> String {
    let text = sample_text();
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

fn error_of(text: &str) -> LoadError {
    load_str(text).expect_err("must not load")
}

#[test]
fn negative_counts_are_refused_with_their_position() {
    let e = error_of(&edited("\"licensing\": 0", "\"licensing\": -3"));
    assert_eq!((e.line, e.column), (Some(44), Some(19)));
    assert_eq!(e.path.as_deref(), Some("proactive.licensing"));
    assert_eq!(
        e.to_string(),
        "第44行第19列（proactive.licensing）：计数不能为负数（此处为-3）：请填0或正整数，未填写的格写 null"
    );
}

#[test]
fn fractions_huge_numbers_and_text_are_refused() {
    let e = error_of(&edited("\"punishment\": 0", "\"punishment\": 2.5"));
    assert!(e.message.contains("计数必须是整数（此处为2.5）"), "{e}");
    let e = error_of(&edited(
        "\"punishment\": 0",
        "\"punishment\": 123456789012345678901",
    ));
    assert!(e.message.starts_with("数字过大"), "{e}");
    let e = error_of(&edited("\"punishment\": 0", "\"punishment\": \"五\""));
    assert_eq!(e.message, "此处应为整数，实际是带引号的文字");
    assert_eq!(e.line, Some(45));
}

#[test]
fn rows_must_have_seven_figures() {
    let e = error_of(&edited(
        "\"granted\": [0, 0, 0, 0, 0, 0, 0]",
        "\"granted\": [0, 0, 0]",
    ));
    assert_eq!(e.path.as_deref(), Some("applications.granted"));
    assert!(e.message.contains("应有7个数"), "{e}");
    assert!(e.message.contains("实际有3个"), "{e}");
}

#[test]
fn missing_unknown_and_duplicate_keys_are_refused() {
    let e = error_of(&edited("    \"granted\": [0, 0, 0, 0, 0, 0, 0],\n", ""));
    assert_eq!(e.message, "缺少字段“granted”：文件不完整或不是本程序保存的");
    assert!(e.line.is_some());

    let e = error_of(&edited(
        "\"licensing\": 0",
        "\"licensing\": null,\n    \"licence\": 1",
    ));
    assert!(e.message.starts_with("未知字段“licence”"), "{e}");

    let e = error_of(&edited(
        "\"granted\": [0, 0, 0, 0, 0, 0, 0]",
        "\"granted\": [0, 0, 0, 0, 0, 0, 0], \"granted\": [0, 0, 0, 0, 0, 0, 0]",
    ));
    assert_eq!(e.message, "字段“granted”出现了两次");

    // `null` is "not filled", but the key itself must be there.
    let e = error_of(&edited("      \"pending\": 0,\n", ""));
    assert!(e.message.contains("缺少字段“pending”"), "{e}");
}

#[test]
fn truncated_files_are_refused() {
    let text = sample_text();
    let cut: String = text.chars().take(text.chars().count() / 2).collect();
    let e = error_of(&cut);
    assert!(e.message.starts_with("文件在此处意外结束"), "{e}");
    assert!(e.line.is_some() && e.column.is_some());
}

#[test]
fn syntax_errors_name_line_and_column() {
    let e = error_of(&edited("\"year\": 2024,", "\"year\": 2024"));
    // serde_json stops at the next key, on the line after the missing comma.
    assert_eq!((e.line, e.column), (Some(5), Some(3)));
    assert_eq!(e.message, "此处前面缺少逗号“,”或右花括号“}”");
}

#[test]
fn unknown_or_newer_schemas_are_refused() {
    let e = error_of(&edited("nianbao.report/1", "nianbao.report/2"));
    assert_eq!(e.line, Some(2));
    assert!(e.message.contains("更新版本的程序"), "{e}");
    let e = error_of(&edited("nianbao.report/1", "other/1"));
    assert!(e.message.starts_with("不是本程序的年报文件"), "{e}");
    // A newer file is refused for its version, not for the keys it added.
    let e = error_of(&edited(
        "nianbao.report/1\",",
        "nianbao.report/3\",\n  \"attachments\": [],",
    ));
    assert!(e.message.contains("更新版本"), "{e}");
    let e = error_of("{\"organ\": \"某局\"}");
    assert!(e.message.contains("没有“schema”字段"), "{e}");
    let e = error_of("[1, 2]");
    assert!(e.message.contains("不是年报文件"), "{e}");
}

#[test]
fn other_encodings_are_refused() {
    // "年报" in GBK.
    let mut bytes = b"{\"organ\": \"".to_vec();
    bytes.extend([0xC4, 0xEA, 0xB1, 0xA8]);
    let e = store::parse(&bytes).unwrap_err();
    assert!(e.message.contains("不是 UTF-8 编码"), "{e}");
    assert!(store::parse(b"").unwrap_err().message.contains("空"));
}

#[test]
fn save_replaces_the_file_whole_and_leaves_no_litter() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("年报.nianbao.json");
    fs::write(&path, "旧内容").unwrap();
    store::save(&path, &assets::sample()).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), sample_text());
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // The target and its backup; no temporary file left behind.
    assert_eq!(names, ["年报.nianbao.json", "年报.nianbao.json.bak"]);
    assert_eq!(
        fs::read_to_string(store::backup_path(&path)).unwrap(),
        "旧内容"
    );
}

#[test]
fn a_failed_save_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.nianbao.json");
    fs::write(&path, "旧内容").unwrap();
    // The target's folder does not exist: the save must fail and say so in Chinese.
    let e = store::save(&dir.path().join("无此目录/a.json"), &assets::sample()).unwrap_err();
    assert!(e.to_string().contains("文件夹不存在"), "{e}");
    // A target that is a folder cannot be replaced; nothing else is touched.
    let e = store::save(dir.path(), &assets::sample()).unwrap_err();
    assert!(
        e.to_string().starts_with("无法保存到") || e.to_string().contains("不是文件名"),
        "{e}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "旧内容");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn loading_never_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.nianbao.json");
    fs::write(&path, "{ \"schema\": ").unwrap();
    assert!(store::load(&path).is_err());
    assert_eq!(fs::read_to_string(&path).unwrap(), "{ \"schema\": ");
    let e = store::load(&dir.path().join("missing.json")).unwrap_err();
    assert_eq!(e.to_string(), "文件不存在：请检查路径");
}

#[test]
fn saving_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.nianbao.json");
    let first = assets::sample();
    store::save(&path, &first).unwrap();
    assert!(
        !store::backup_path(&path).exists(),
        "nothing to back up the first time"
    );
    let mut second = first.clone();
    second.problems = "第二版".into();
    store::save(&path, &second).unwrap();
    assert_eq!(
        store::backup_path(&path),
        dir.path().join("a.nianbao.json.bak")
    );
    assert_eq!(store::load(&store::backup_path(&path)).unwrap(), first);
    assert_eq!(store::load(&path).unwrap(), second);
}

#[test]
fn a_save_that_cannot_write_leaves_the_old_file_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("只读");
    fs::create_dir(&ro).unwrap();
    let path = ro.join("a.nianbao.json");
    store::save(&path, &assets::sample()).unwrap();
    let before = fs::read(&path).unwrap();
    let mut changed = assets::sample();
    changed.problems = "新内容".into();

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
        // root ignores permissions; the next case covers that machine too.
        if fs::write(ro.join("probe"), "x").is_err() {
            let e = store::save(&path, &changed).unwrap_err();
            assert!(e.to_string().contains("没有写入权限"), "{e}");
            assert_eq!(fs::read(&path).unwrap(), before);
        }
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
    }
    // A target whose folder is really a file: no one can write there.
    let blocker = dir.path().join("不是文件夹");
    fs::write(&blocker, "x").unwrap();
    let e = store::save(&blocker.join("a.nianbao.json"), &changed).unwrap_err();
    assert!(e.to_string().starts_with("无法保存到"), "{e}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(fs::read(&blocker).unwrap(), b"x");
}

#[test]
fn folders_and_huge_files_are_not_reports() {
    let dir = tempfile::tempdir().unwrap();
    let e = store::load(dir.path()).unwrap_err();
    assert!(e.message.contains("这是一个文件夹"), "{e}");
    // 100 MB (sparse): refused before it is read.
    let big = dir.path().join("big.json");
    fs::File::create(&big)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let e = store::load(&big).unwrap_err();
    assert!(e.message.starts_with("文件太大（100 MB）"), "{e}");
}
