//! The command line as a reviewer uses it: exit codes, text and JSON Lines.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

mod common;
use common::{nianbao, stderr, stdout};
use std::fs;
use std::path::Path;

use nianbao::form::{AppCol, AppRow};
use nianbao::report::next_year;
use nianbao::store;

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
            "--format 后面应为 text、json、csv 或 xlsx",
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

/// The ids and messages of one file's findings in `check --format json`.
fn json_findings(out: &str) -> Vec<(String, String)> {
    let line: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    line["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("no findings: {line}"))
        .iter()
        .map(|f| {
            (
                f["id"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn help_prints_the_usage_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    for (args, says) in [
        (
            &["--help"][..],
            "nianbao check [--format text|json|csv|xlsx]",
        ),
        (&["-h"], "nianbao check [--format text|json|csv|xlsx]"),
        (&["help"], "nianbao check [--format text|json|csv|xlsx]"),
        (&["check", "--help"], "--prior 上年文件"),
        (&["check", "-h"], "--prior 上年文件"),
        // Wherever it stands, on a line that would otherwise be refused.
        (
            &["check", "--prior", "p.json", "a.json", "b.json", "-h"],
            "--prior 上年文件",
        ),
        (&["import", "a.txt", "--help"], "-o, --output 输出文件.json"),
        (&["help", "check"], "--prior 上年文件"),
        (&["import", "--help"], "-o, --output 输出文件.json"),
        (&["export", "-h"], "--html 年报.html"),
        (&["sample", "--help"], "写出内置的示例年报"),
    ] {
        let o = nianbao(args, dir.path());
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(out.starts_with("用法："), "{args:?}: {out}");
        assert!(out.contains(says), "{args:?}: {out}");
        assert!(stderr(&o).is_empty(), "{args:?}: {}", stderr(&o));
    }
    // A subcommand's usage is its own: check's does not describe import.
    let o = nianbao(&["check", "--help"], dir.path());
    assert!(stdout(&o).starts_with("用法：nianbao check [选项] 路径..."));
    assert!(!stdout(&o).contains("nianbao import"), "{}", stdout(&o));
    // Nothing was written or read.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn an_option_value_may_follow_an_equals_sign() {
    let dir = with_sample();
    raise_new_received(dir.path(), "b.json");
    let spaced = nianbao(&["check", "--format", "json", "b.json"], dir.path());
    let joined = nianbao(&["check", "--format=json", "b.json"], dir.path());
    assert_eq!(joined.status.code(), Some(1));
    assert_eq!(stdout(&joined), stdout(&spaced));
    assert_eq!(json_findings(&stdout(&joined)).len(), 2);

    let o = nianbao(
        &["check", "--prior=s.json", "--format=text", "b.json"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("b.json：2个错误"), "{}", stdout(&o));

    let o = nianbao(&["sample", "--output=t.json"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        fs::read(dir.path().join("t.json")).unwrap(),
        fs::read(dir.path().join("s.json")).unwrap()
    );
    let o = nianbao(&["export", "s.json", "--html=s.html"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.path().join("s.html").exists());

    // `=` with nothing after it is an empty value, refused as the option says.
    let o = nianbao(&["check", "--format=", "b.json"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--format 后面应为 text、json、csv 或 xlsx"),
        "{}",
        stderr(&o)
    );
    // An option given no value at the end of the line says what should follow.
    let o = nianbao(&["check", "b.json", "--prior"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--prior 后面应为上一年度的年报文件"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_double_dash_ends_the_options() {
    let dir = with_sample();
    fs::copy(dir.path().join("s.json"), dir.path().join("-x.json")).unwrap();
    // Without it, a file name that starts with "-" reads as options.
    let o = nianbao(&["check", "-x.json"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("nianbao check：不认识的选项“-x”"),
        "{}",
        stderr(&o)
    );
    let o = nianbao(&["check", "--", "-x.json"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("-x.json：未发现问题"), "{}", stdout(&o));
    // Options come before it; after it even "--pdf" is a file name.
    let o = nianbao(&["export", "--pdf", "x.pdf", "--", "-x.json"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.path().join("x.pdf").exists());
    let o = nianbao(&["export", "--", "-x.json", "--pdf", "y.pdf"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("export 一次只导出一个年报，多余的参数：“--pdf”"),
        "{}",
        stderr(&o)
    );
    assert!(!dir.path().join("y.pdf").exists());
    let o = nianbao(&["import", "-o", "o.json", "--", "-x.json"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn every_subcommand_refuses_an_unknown_option_the_same_way() {
    let dir = with_sample();
    for (args, prog) in [
        (&["--bogus"][..], "nianbao"),
        (&["s.json", "--bogus"], "nianbao"),
        (&["check", "--bogus", "s.json"], "nianbao check"),
        (
            &["import", "s.json", "--bogus", "-o", "o.json"],
            "nianbao import",
        ),
        (
            &["export", "s.json", "--pdf", "o.pdf", "--bogus"],
            "nianbao export",
        ),
        (&["sample", "--bogus", "-o", "o.json"], "nianbao sample"),
    ] {
        for (bogus, shown) in [
            ("--bogus", "--bogus"),
            ("--bogus=1", "--bogus"),
            ("-q", "-q"),
        ] {
            let args: Vec<_> = args
                .iter()
                .map(|a| if *a == "--bogus" { bogus } else { a })
                .collect();
            let o = nianbao(&args, dir.path());
            assert_eq!(o.status.code(), Some(2), "{args:?}");
            let err = stderr(&o);
            assert!(
                err.starts_with(&format!("{prog}：不认识的选项“{shown}”\n\n用法：")),
                "{args:?}: {err}"
            );
            assert!(stdout(&o).is_empty(), "{args:?}: {}", stdout(&o));
        }
    }
    // The usage that follows is the subcommand's own.
    let o = nianbao(&["import", "--bogus"], dir.path());
    assert!(
        stderr(&o).contains("用法：nianbao import 年报网页或文本 -o 输出文件.json"),
        "{}",
        stderr(&o)
    );
    // Nothing was written.
    for f in ["o.json", "o.pdf"] {
        assert!(!dir.path().join(f).exists(), "{f}");
    }
}

/// This year's report (2025) with one application carried over from 2024
/// that the sample, as last year's report, did not carry forward.
fn carried_over_one(dir: &Path, prior: &str) {
    let last = store::load(&dir.join("s.json")).unwrap();
    let mut this = next_year(&last, prior);
    this.applications.row_mut(AppRow::CarriedOver)[AppCol::NaturalPerson.index()] = Some(1);
    store::save(&dir.join("2025.json"), &this).unwrap();
}

const CARRY_MISMATCH: &str = "自然人列：本年“二、上年结转政府信息公开申请数量”为1，2024年年报“四、结转下年度继续办理”为0，相差1；两者应相等";

#[test]
fn last_years_published_page_is_a_prior() {
    let dir = with_sample();
    // Last year's report as the portal shows it: the page `export --html` writes.
    let o = nianbao(&["export", "s.json", "--html", "2024.html"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    carried_over_one(dir.path(), "");
    let carry = |args: &[&str]| -> Vec<String> {
        let o = nianbao(args, dir.path());
        assert_ne!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        json_findings(&stdout(&o))
            .into_iter()
            .filter(|(id, _)| id == "carry.prior_year")
            .map(|(_, m)| m)
            .collect()
    };
    let json = ["check", "--format", "json"];
    assert_eq!(
        carry(&[&json[..], &["--prior", "2024.html", "2025.json"]].concat()),
        [CARRY_MISMATCH]
    );
    // Against nothing, there is nothing to compare.
    assert!(carry(&[&json[..], &["2025.json"]].concat()).is_empty());

    // The page named by the report's own link, relative to the report's folder.
    fs::create_dir(dir.path().join("2025")).unwrap();
    carried_over_one(dir.path(), "../2024.html");
    fs::rename(
        dir.path().join("2025.json"),
        dir.path().join("2025/本年.json"),
    )
    .unwrap();
    assert_eq!(
        carry(&[&json[..], &["2025/本年.json"]].concat()),
        [CARRY_MISMATCH]
    );

    // A prior that cannot be read stops the check, saying so.
    let o = nianbao(
        &["check", "--prior", "2023.html", "2025/本年.json"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("无法导入上一年度的年报“2023.html”：文件不存在"),
        "{}",
        stderr(&o)
    );
    let o = nianbao(
        &["check", "--prior", "2023.json", "2025/本年.json"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("无法读取上一年度的年报“2023.json”：文件不存在"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn explain_prints_what_a_rule_checks_and_how_to_fix_it() {
    let dir = tempfile::tempdir().unwrap();
    let o = nianbao(&["check", "--explain", "apps.balance"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("表三各列收支不平衡（apps.balance，错误）\n"),
        "{out}"
    );
    for part in ["\n说明：", "\n示例：", "\n修改："] {
        assert!(out.contains(part), "{part} missing: {out}");
    }
    // The same text as the library's, which the editor's help shows.
    let e = nianbao::help::explain(nianbao::checks::Rule::AppsBalance).unwrap();
    assert_eq!(out, e.to_text());
    // --explain=ID too; an unknown id is refused with the list of ids.
    let o = nianbao(&["check", "--explain=fee.notice"], dir.path());
    assert!(
        stdout(&o).contains("（fee.notice，警告）"),
        "{}",
        stdout(&o)
    );
    let o = nianbao(&["check", "--explain", "apps.balanse"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with("没有编号为“apps.balanse”的检查规则。"),
        "{err}"
    );
    assert!(err.contains("\n  apps.outcome_total\n"), "{err}");
    assert!(stdout(&o).is_empty());
}
