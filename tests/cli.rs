//! The command line as a reviewer uses it: exit codes, text and JSON Lines.

mod common;
use common::{nianbao, stderr, stdout};
use std::fs;
use std::path::Path;

/// A folder with the sample written by `nianbao sample`.
fn with_sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let o = nianbao(&["sample", "-o", "s.json"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    dir
}

fn raise_new_received(dir: &Path, name: &str) {
    let text = fs::read_to_string(dir.join("s.json")).unwrap();
    let text = text.replacen(
        "\"new_received\": [0, 0, 0, 0, 0, 0, 0]",
        "\"new_received\": [1, 0, 0, 0, 0, 0, 0]",
        1,
    );
    fs::write(dir.join(name), text).unwrap();
}

#[test]
fn the_sample_checks_clean() {
    let dir = with_sample();
    let o = nianbao(&["check", "s.json"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("s.json：未发现问题"), "{out}");
    assert!(
        out.contains("共检查1个文件：0个有错误，0个无法读取"),
        "{out}"
    );
}

#[test]
fn one_more_application_breaks_column_and_row() {
    let dir = with_sample();
    raise_new_received(dir.path(), "b.json");
    let o = nianbao(&["check", "b.json"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("b.json：2个错误\n  错误：\n"), "{out}");
    assert!(
        out.contains(
            "三、自然人列：第一项(1)+第二项(0)=1，第三项总计(0)+第四项(0)=0，相差1（apps.balance）"
        ),
        "{out}"
    );
    assert!(
        out.contains("一、本年新收政府信息公开申请数量：自然人(1)+商业企业(0)+科研机构(0)+社会公益组织(0)+法律服务机构(0)+其他(0)=1，总计为0，相差1（apps.row_total）"),
        "{out}"
    );
    assert!(out.ends_with("共检查1个文件：1个有错误，0个无法读取；共2个错误、0个警告、0个提示\n"));
}

#[test]
fn json_lines_are_one_object_per_file() {
    let dir = with_sample();
    raise_new_received(dir.path(), "b.json");
    let o = nianbao(
        &["check", "--format", "json", "b.json", "s.json"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<_> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert_eq!(
        lines[0],
        r#"{"file":"b.json","findings":[{"id":"apps.balance","severity":"error","cells":["applications.new_received[0]","applications.carried_over[0]","applications.outcome_total[0]","applications.carried_forward[0]"],"message":"三、自然人列：第一项(1)+第二项(0)=1，第三项总计(0)+第四项(0)=0，相差1"},{"id":"apps.row_total","severity":"error","cells":["applications.new_received[6]","applications.new_received[0]","applications.new_received[1]","applications.new_received[2]","applications.new_received[3]","applications.new_received[4]","applications.new_received[5]"],"message":"一、本年新收政府信息公开申请数量：自然人(1)+商业企业(0)+科研机构(0)+社会公益组织(0)+法律服务机构(0)+其他(0)=1，总计为0，相差1"}]}"#
    );
    assert_eq!(lines[1], r#"{"file":"s.json","findings":[]}"#);
    // The summary is for people, on stderr.
    assert!(stderr(&o).contains("共检查2个文件"));
}

#[test]
fn folders_are_checked_recursively() {
    let dir = with_sample();
    fs::create_dir_all(dir.path().join("各镇/二组")).unwrap();
    raise_new_received(dir.path(), "各镇/二组/b.json");
    fs::write(dir.path().join("各镇/说明.txt"), "不是年报").unwrap();
    let o = nianbao(&["check", "--format", "json", "."], dir.path());
    assert_eq!(o.status.code(), Some(1));
    let files: Vec<String> = stdout(&o)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["file"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(files, ["./s.json", "./各镇/二组/b.json"]);
}

#[test]
fn hostile_files_exit_2_naming_line_and_column() {
    let dir = with_sample();
    let sample = fs::read_to_string(dir.path().join("s.json")).unwrap();
    let cases = [
        (
            "truncated.json",
            sample[..sample.find("\"proactive\"").unwrap()].to_string(),
            "文件在此处意外结束",
        ),
        (
            "type.json",
            sample.replacen("\"year\": 2024", "\"year\": \"2024年\"", 1),
            "第4行第19列（year）：此处应为整数",
        ),
        (
            "negative.json",
            sample.replacen("\"licensing\": 0", "\"licensing\": -1", 1),
            "第44行第19列（proactive.licensing）：计数不能为负数",
        ),
        (
            "schema.json",
            sample.replacen("nianbao.report/1", "nianbao.report/9", 1),
            "第2行第30列：此文件由更新版本的程序保存",
        ),
    ];
    for (name, text, expected) in &cases {
        fs::write(dir.path().join(name), text).unwrap();
        let o = nianbao(&["check", name], dir.path());
        assert_eq!(o.status.code(), Some(2), "{name}");
        let out = stdout(&o);
        assert!(out.contains(&format!("{name}：无法读取：")), "{out}");
        assert!(out.contains(expected), "{name}: {out}");
        let o = nianbao(&["check", "--format", "json", name], dir.path());
        let line: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
        assert!(line["error"].as_str().unwrap().contains(expected), "{line}");
        // The bad file is never touched.
        assert_eq!(&fs::read_to_string(dir.path().join(name)).unwrap(), text);
    }
    // An unreadable file wins over errors elsewhere.
    raise_new_received(dir.path(), "b.json");
    let o = nianbao(&["check", "b.json", "type.json"], dir.path());
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn usage_mistakes_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    for (args, expected) in [
        (&["check"][..], "请给出要检查的年报文件"),
        (
            &["check", "--format", "xml", "a.json"],
            "--format 后面应为 text 或 json",
        ),
        (
            &["check", "--prior", "p.json", "a.json", "b.json"],
            "--prior 只能与一个年报文件一起使用",
        ),
        (&["sample"], "sample 需要指定输出文件"),
        (&["--version2"], "不认识的选项"),
    ] {
        let o = nianbao(args, dir.path());
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(expected), "{args:?}: {}", stderr(&o));
    }
    let o = nianbao(&["check", "无此文件.json"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("无此文件.json：无法读取：文件不存在"));
}

#[test]
fn sample_refuses_an_unwritable_target() {
    let dir = tempfile::tempdir().unwrap();
    let o = nianbao(&["sample", "-o", "无此目录/s.json"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("无法保存到"), "{}", stderr(&o));
}

#[test]
fn export_writes_a_pdf_and_names_characters_the_fonts_lack() {
    let dir = with_sample();
    let o = nianbao(&["export", "s.json", "--pdf", "s.pdf"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        fs::read(dir.path().join("s.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );

    // A private-use character no font has: still written, exit 1, named on stderr.
    let text = fs::read_to_string(dir.path().join("s.json")).unwrap();
    fs::write(
        dir.path().join("rare.json"),
        text.replacen("阿戛镇人民政府", "阿戛镇\u{E000}人民政府", 1),
    )
    .unwrap();
    let o = nianbao(&["export", "rare.json", "--pdf", "rare.pdf"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(dir.path().join("rare.pdf").exists());
    assert!(stderr(&o).contains("font.missing_glyph"), "{}", stderr(&o));
    assert!(stderr(&o).contains("U+E000"), "{}", stderr(&o));

    let o = nianbao(&["export", "无此文件.json", "--pdf", "x.pdf"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(!dir.path().join("x.pdf").exists());
    let o = nianbao(&["export", "s.json"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--pdf"), "{}", stderr(&o));
}

#[test]
fn more_hostile_inputs_exit_2_with_a_reason() {
    let dir = with_sample();
    // GBK-encoded JSON (saved by a Chinese Windows editor).
    let mut gbk = b"{\"schema\": \"nianbao.report/1\", \"organ\": \"".to_vec();
    gbk.extend([0xB0, 0xA2, 0xEA, 0xA9, 0xD5, 0xF2]); // 阿戛镇
    gbk.extend(b"\"}");
    fs::write(dir.path().join("gbk.json"), &gbk).unwrap();
    fs::write(dir.path().join("empty.json"), "").unwrap();
    fs::write(
        dir.path().join("dup.json"),
        fs::read_to_string(dir.path().join("s.json"))
            .unwrap()
            .replacen("\"year\": 2024,", "\"year\": 2024,\n  \"year\": 2025,", 1),
    )
    .unwrap();
    for (file, expected) in [
        ("gbk.json", "不是 UTF-8 编码"),
        ("empty.json", "文件是空的"),
        ("dup.json", "字段“year”出现了两次"),
    ] {
        let o = nianbao(&["check", file], dir.path());
        assert_eq!(o.status.code(), Some(2), "{file}");
        assert!(stdout(&o).contains(expected), "{file}: {}", stdout(&o));
        let o = nianbao(&["export", file, "--pdf", "out.pdf"], dir.path());
        assert_eq!(o.status.code(), Some(2), "{file}");
        assert!(stderr(&o).contains(expected), "{file}: {}", stderr(&o));
    }
    assert!(!dir.path().join("out.pdf").exists());
    fs::create_dir(dir.path().join("文件夹")).unwrap();
    let o = nianbao(&["export", "文件夹", "--pdf", "out.pdf"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("这是一个文件夹"), "{}", stderr(&o));
}
