#![allow(clippy::unwrap_used)]
// Symbolic links and folder modes as Unix has them.
#![cfg(unix)]
//! The reviewer's desk: a folder of reports checked at once — years paired
//! within the run, folders followed once, the summary as CSV and as a
//! workbook read back by independent readers (calamine, the sheet's XML).

mod common;
use common::{nianbao, stderr, stdout};
use std::fs;
use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use nianbao::form::{AppCol, AppRow};
use nianbao::report::Report;
use nianbao::store;
use serde_json::Value;

/// What `carry.prior_year` says of one carried-over application, in the
/// column of 自然人 and of 总计.
const CARRY_MISMATCH: [&str; 2] = [
    "自然人列：本年“二、上年结转政府信息公开申请数量”为1，2024年年报“四、结转下年度继续办理”为0，相差1；两者应相等",
    "总计列：本年“二、上年结转政府信息公开申请数量”为1，2024年年报“四、结转下年度继续办理”为0，相差1；两者应相等",
];

fn sample() -> Report {
    nianbao::assets::sample()
}

/// This year's report (2025) for `last`'s organ, naming no previous year:
/// `last`'s figures, with one application carried over from the year before
/// (which `last` did not carry forward) and carried on to the next, so that
/// the year adds up in itself.
fn following(last: &Report, organ: &str) -> Report {
    let mut this = last.clone();
    this.year = last.year + 1;
    this.prior.clear();
    this.organ = organ.to_string();
    for row in [AppRow::CarriedOver, AppRow::CarriedForward] {
        for col in [AppCol::NaturalPerson, AppCol::Total] {
            let cell = &mut this.applications.row_mut(row)[col.index()];
            *cell = Some(cell.unwrap() + 1);
        }
    }
    this
}

/// `年报/` with the sample (2024), its following year (2025, the organ
/// written with a space and full-width brackets), a link back to itself and
/// one to its parent.
fn two_years_and_a_loop() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("年报");
    fs::create_dir(&reports).unwrap();
    let last = sample();
    store::save(&reports.join("2024.json"), &last).unwrap();
    let organ = format!("（{}）", last.organ.replace("人民", " 人民"));
    store::save(&reports.join("2025.json"), &following(&last, &organ)).unwrap();
    std::os::unix::fs::symlink("..", reports.join("上级")).unwrap();
    std::os::unix::fs::symlink(".", reports.join("本级")).unwrap();
    // Beside the folder, reachable only through the link to its parent:
    // not asked for, not read.
    store::save(&dir.path().join("旁边.json"), &last).unwrap();
    dir
}

fn json_lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn ids(line: &Value) -> Vec<&str> {
    line["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect()
}

#[test]
fn a_folder_with_a_link_loop_is_read_once_and_its_years_are_paired() {
    let dir = two_years_and_a_loop();
    let o = nianbao(&["check", "--format", "json", "年报"], dir.path());
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 2, "{}", stdout(&o));
    assert_eq!(lines[0]["file"], "年报/2024.json");
    assert_eq!(lines[1]["file"], "年报/2025.json");
    assert_eq!(lines[1]["prior"], "年报/2024.json");
    assert!(lines[0].get("prior").is_none());
    // Last year's report is the one before it: nothing to compare it with.
    assert!(!ids(&lines[0]).contains(&"carry.prior_year"));
    let carry: Vec<_> = lines[1]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"] == "carry.prior_year")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(carry, CARRY_MISMATCH);
    // A 警告, no 错误: exit 0.
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("年报/2025.json ← 年报/2024.json"),
        "the pair is said on stderr: {err}"
    );
    assert!(err.contains("共检查2个文件"), "{err}");

    // The text output lists the pair, before the files.
    let o = nianbao(&["check", "年报"], dir.path());
    let out = stdout(&o);
    assert!(
        out.starts_with("按机关和年度配对、核对上年结转数等的年报（本年 ← 上年）：\n  年报/2025.json ← 年报/2024.json（"),
        "{out}"
    );
    assert!(out.contains(CARRY_MISMATCH[0]), "{out}");
    assert!(out.contains("共检查2个文件：0个有错误"), "{out}");
}

#[test]
fn a_report_with_its_own_prior_or_with_prior_given_is_not_paired() {
    let dir = two_years_and_a_loop();
    let o = nianbao(
        &[
            "check",
            "--format",
            "json",
            "--prior",
            "年报/2025.json",
            "年报",
        ],
        dir.path(),
    );
    let lines = json_lines(&stdout(&o));
    // Both against --prior: the pairing says nothing.
    assert!(lines.iter().all(|l| l["prior"] == "年报/2025.json"));
    assert!(!stderr(&o).contains("←"), "{}", stderr(&o));
}

#[test]
fn two_copies_of_one_year_pair_with_nothing_and_it_is_said() {
    let dir = two_years_and_a_loop();
    let reports = dir.path().join("年报");
    // The same report saved as the portal's page, beside the file.
    let o = nianbao(
        &["export", "年报/2024.json", "--html", "年报/2024网页.html"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(reports.join("2024网页.html").exists());
    let o = nianbao(&["check", "--format", "json", "年报"], dir.path());
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 3, "{}", stdout(&o));
    for l in &lines {
        assert!(l.get("prior").is_none(), "{l}");
        assert!(!ids(l).contains(&"carry.prior_year"), "{l}");
    }
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "同一机关同一年度有多份年报，不与其他年度配对：\n  {}2024年：年报/2024.json、年报/2024网页.html\n",
            sample().organ
        )),
        "{err}"
    );
}

#[test]
fn output_follows_the_input_order_whatever_the_threads_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    let mut r = sample();
    for i in 0..40 {
        // Organs of their own, each year alone: no pairs, no duplicates.
        r.organ = format!("第{i}号机关");
        let name = format!("{i:02}.json");
        store::save(&dir.path().join(&name), &r).unwrap();
        names.push(name);
    }
    // Named in reverse, with a file that cannot be read in the middle.
    names.reverse();
    names.insert(20, "缺.json".into());
    let mut args = vec!["check", "--format", "json"];
    args.extend(names.iter().map(String::as_str));
    let o = nianbao(&args, dir.path());
    assert_eq!(o.status.code(), Some(2));
    let files: Vec<String> = json_lines(&stdout(&o))
        .iter()
        .map(|l| l["file"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(files, names);
}

/// The rows of a sheet as text (numbers as integers).
fn rows(book: &mut Xlsx<std::io::BufReader<fs::File>>, sheet: &str) -> Vec<Vec<String>> {
    let range = book.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Float(f) => format!("{f}"),
                    Data::Int(i) => i.to_string(),
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => panic!("unexpected cell {other:?}"),
                })
                .collect()
        })
        .collect()
}

fn column(rows: &[Vec<String>], header: &str) -> Vec<String> {
    let col = rows[0].iter().position(|h| h == header).unwrap();
    rows[1..].iter().map(|r| r[col].clone()).collect()
}

/// A part of the workbook's zip, as text.
fn part(file: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(fs::File::open(file).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_workbook_has_a_row_per_file_and_every_finding() {
    let dir = two_years_and_a_loop();
    // Something that cannot be read, too.
    fs::write(dir.path().join("年报/坏.json"), "{").unwrap();
    let o = nianbao(
        &["check", "--format", "xlsx", "-o", "汇总.xlsx", "年报"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("结果已写入“汇总.xlsx”"),
        "{}",
        stderr(&o)
    );
    let file = dir.path().join("汇总.xlsx");
    let mut book: Xlsx<_> = calamine::open_workbook(&file).unwrap();
    assert_eq!(book.sheet_names(), ["汇总", "问题清单"]);

    let summary = rows(&mut book, "汇总");
    assert_eq!(summary.len(), 4, "{summary:?}");
    for h in [
        "文件",
        "机关",
        "年度",
        "格式",
        "来源",
        "错误",
        "警告",
        "提示",
        "能否读取",
    ] {
        assert!(summary[0].iter().any(|c| c == h), "{h}: {:?}", summary[0]);
    }
    assert_eq!(
        column(&summary, "文件"),
        ["年报/2024.json", "年报/2025.json", "年报/坏.json"]
    );
    assert_eq!(column(&summary, "年度"), ["2024", "2025", ""]);
    assert_eq!(column(&summary, "格式"), ["2021", "2021", ""]);
    assert_eq!(
        column(&summary, "来源"),
        ["年报文件", "年报文件", "年报文件"]
    );
    assert_eq!(column(&summary, "机关")[0], sample().organ);
    assert_eq!(column(&summary, "能否读取"), ["是", "是", "否"]);
    assert!(column(&summary, "无法读取的原因")[2].contains("无法读取"));
    assert_eq!(
        column(&summary, "核对的上年年报"),
        ["", "年报/2024.json", ""]
    );
    // The sample's table 三: 一 总计 as the file has it.
    let new_received = sample()
        .applications
        .get(AppRow::NewReceived, AppCol::Total);
    assert_eq!(
        column(&summary, "一 总计")[0],
        new_received.unwrap().to_string()
    );
    assert_eq!(column(&summary, "二 总计")[1], "1");

    // The counts agree with the findings of the JSON output.
    let o = nianbao(&["check", "--format", "json", "年报"], dir.path());
    let lines = json_lines(&stdout(&o));
    let count = |line: &Value, severity: &str| {
        line["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == severity)
            .count()
            .to_string()
    };
    for (header, key) in [("错误", "error"), ("警告", "warning"), ("提示", "info")] {
        assert_eq!(
            column(&summary, header)[..2],
            [count(&lines[0], key), count(&lines[1], key)],
            "{header}"
        );
    }

    let findings = rows(&mut book, "问题清单");
    assert_eq!(
        findings[0],
        ["文件", "机关", "规则", "严重程度", "单元格", "说明"]
    );
    let total: usize = lines[..2]
        .iter()
        .map(|l| l["findings"].as_array().unwrap().len())
        .sum();
    assert_eq!(findings.len() - 1, total);
    let carry: Vec<_> = findings
        .iter()
        .filter(|r| r[2] == "carry.prior_year")
        .collect();
    assert_eq!(carry.len(), 2, "{findings:?}");
    assert_eq!(carry[0][0], "年报/2025.json");
    assert_eq!(
        carry[0][1],
        format!("（{}）", sample().organ.replace("人民", " 人民"))
    );
    assert_eq!(carry[0][3], "警告");
    assert_eq!(carry[0][4], "applications.carried_over[0]");
    assert_eq!(carry[0][5], CARRY_MISMATCH[0]);

    // A frozen header row and filters, on both sheets.
    for sheet in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
        let xml = part(&file, sheet);
        assert!(
            xml.contains(
                r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            ),
            "{sheet}: {xml}"
        );
        assert!(xml.contains("<autoFilter ref=\"A1:"), "{sheet}");
        assert!(xml.contains("<cols>"), "column widths: {sheet}");
    }
    assert!(part(&file, "xl/worksheets/sheet1.xml").contains("<autoFilter ref=\"A1:Q4\"/>"));
}

#[test]
fn the_csv_summary_has_a_byte_order_mark_and_a_row_per_file() {
    let dir = two_years_and_a_loop();
    let o = nianbao(&["check", "--format", "csv", "年报"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bytes = o.stdout.clone();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{:?}", &bytes[..8]);
    let text = stdout(&o);
    let lines: Vec<&str> = text.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("文件,机关,年度,格式,来源,"),
        "{}",
        lines[0]
    );
    assert!(lines[2].starts_with("年报/2025.json,"), "{}", lines[2]);
    assert!(lines[2].ends_with(",是,,年报/2024.json"), "{}", lines[2]);
    // The pair and the counts go to stderr, away from the table.
    assert!(stderr(&o).contains("共检查2个文件"), "{}", stderr(&o));

    // To a file: the same bytes.
    let o2 = nianbao(
        &["check", "--format", "csv", "-o", "汇总.csv", "年报"],
        dir.path(),
    );
    assert_eq!(o2.status.code(), Some(0));
    assert!(o2.stdout.is_empty());
    assert_eq!(fs::read(dir.path().join("汇总.csv")).unwrap(), bytes);
}

#[test]
fn the_workbook_needs_a_file_and_a_writable_place() {
    let dir = two_years_and_a_loop();
    let o = nianbao(&["check", "--format", "xlsx", "年报"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--format xlsx 需要用 -o 指定要写入的文件"),
        "{}",
        stderr(&o)
    );
    let o = nianbao(
        &[
            "check",
            "--format",
            "xlsx",
            "-o",
            "无此文件夹/汇总.xlsx",
            "年报",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("无法保存到“无此文件夹/汇总.xlsx”"),
        "{}",
        stderr(&o)
    );
}

/// Run the binary as a user that an unreadable folder keeps out: root reads
/// every folder whatever its mode, so as root the check runs as `nobody`.
fn nianbao_unprivileged(args: &[&str], dir: &Path) -> std::process::Output {
    let uid = std::process::Command::new("id").arg("-u").output().unwrap();
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        return nianbao(args, dir);
    }
    std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("setpriv (util-linux) runs the check as nobody when the tests run as root")
}

#[test]
fn an_unreadable_folder_is_reported_and_the_rest_is_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = two_years_and_a_loop();
    let reports = dir.path().join("年报");
    let closed = reports.join("封存");
    fs::create_dir(&closed).unwrap();
    fs::write(closed.join("x.json"), "{").unwrap();
    for p in [dir.path(), reports.as_path()] {
        fs::set_permissions(p, fs::Permissions::from_mode(0o755)).unwrap();
    }
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o000)).unwrap();
    let o = nianbao_unprivileged(&["check", "年报"], dir.path());
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o755)).unwrap();
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(2), "{out}{}", stderr(&o));
    assert!(
        out.contains("年报/封存：无法读取文件夹：没有读取这个文件夹的权限；其中的年报没有检查\n"),
        "{out}"
    );
    assert!(out.contains("年报/2025.json："), "{out}");
    assert!(
        out.contains("共检查2个文件：0个有错误，0个无法读取；"),
        "{out}"
    );
    assert!(out.ends_with("个提示；另有1个文件夹无法读取\n"), "{out}");
}

/// `tests/python/xlsx_read.py` on `file`: the workbook as openpyxl reads it.
fn openpyxl(file: &Path) -> Value {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/xlsx_read.py");
    let out = std::process::Command::new("python3")
        .arg(tool)
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("需要 python3 与 openpyxl（pip install openpyxl）：{e}"));
    assert_ne!(
        out.status.code(),
        Some(3),
        "openpyxl reads the workbook independently: `pip install openpyxl`"
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Issue 17's acceptance as a reviewer meets it: a folder holding a 2024
/// and a 2025 report of one organ and a link loop, the 2025 one giving the
/// 2019 notice as its basis; the summary opened by openpyxl, as Excel would.
#[test]
fn the_reviewers_folder_as_the_issue_accepts_it() {
    let dir = two_years_and_a_loop();
    let file = dir.path().join("年报/2025.json");
    let mut this = store::load(&file).unwrap();
    this.preamble = "本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2019〕60号）要求编制。".into();
    store::save(&file, &this).unwrap();

    let o = nianbao(&["check", "--format", "json", "年报"], dir.path());
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 2, "{}", stdout(&o));
    let found = ids(&lines[1]);
    for id in ["carry.prior_year", "citation.outdated", "narrative.copied"] {
        assert!(
            found.contains(&id),
            "2025 without --prior: {id} in {found:?}"
        );
    }
    assert!(!ids(&lines[0]).contains(&"citation.outdated"));

    let o = nianbao(
        &["check", "--format", "xlsx", "-o", "汇总.xlsx", "年报"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let book = openpyxl(&dir.path().join("汇总.xlsx"));
    let sheets = book.as_array().unwrap();
    assert_eq!(sheets.len(), 2, "{book}");
    let summary = &sheets[0];
    let rows = summary["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3, "a header and two data rows: {rows:?}");
    let header: Vec<&str> = rows[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap())
        .collect();
    for h in ["机关", "年度", "错误", "警告"] {
        assert!(header.contains(&h), "{h} in {header:?}");
    }
    let year = header.iter().position(|h| *h == "年度").unwrap();
    assert_eq!(rows[1][year], 2024);
    assert_eq!(rows[2][year], 2025);
    assert_eq!(summary["freeze"], "A2", "the header row stays frozen");
    assert!(
        summary["filter"]
            .as_str()
            .is_some_and(|r| r.starts_with("A1:"))
    );
    let findings = &sheets[1];
    assert_eq!(findings["title"], "问题清单");
    let listed = findings["rows"].as_array().unwrap();
    assert!(
        listed.iter().any(|r| r
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v == "citation.outdated")),
        "{listed:?}"
    );
    assert_eq!(findings["freeze"], "A2");

    let o = nianbao(&["check", "--format", "csv", "年报"], dir.path());
    assert!(o.stdout.starts_with(b"\xEF\xBB\xBF"));
}
