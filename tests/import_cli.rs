//! `nianbao import` and `nianbao check` on published pages, as a reviewer
//! runs them: what is written, what is said on stderr, the exit codes — and
//! hostile input that must be refused with a clear message, never a panic.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

mod common;
use common::{nianbao, stderr, stdout};
use std::fs;
use std::path::Path;

use nianbao::form::{AppCol, AppRow, AppealGroup, AppealPart};
use nianbao::store;

fn corpus(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

/// A report page as a portal serves it: GBK, tables with merged cells.
fn report_page() -> String {
    let td = |v: &str| format!("<td>{v}</td>");
    let mut b = String::new();
    b.push_str(
        "<tr><td colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>\
         <td colspan=\"7\">申请人情况</td></tr>\
         <tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>\
         <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>",
    );
    for row in AppRow::ALL {
        let values: [&str; 7] = match row {
            AppRow::NewReceived | AppRow::OutcomeTotal => ["3", "1", "0", "0", "0", "0", "4"],
            AppRow::Granted => ["2", "1", "0", "0", "0", "0", "3"],
            AppRow::UnableNotHeld => ["1", "0", "0", "0", "0", "0", "1"],
            AppRow::RejectedPublication => ["0", "", "0", "0", "0", "0", "0"],
            _ => ["0"; 7],
        };
        let l = row.label();
        let mut tr = String::from("<tr>");
        match (l.group, l.leaf) {
            (_, None) => tr += &format!("<td colspan=\"3\">{}</td>", l.top),
            (group, Some(leaf)) => {
                if row == AppRow::Granted {
                    tr += &format!("<td rowspan=\"22\">{}</td>", l.top);
                }
                match group {
                    None => tr += &format!("<td colspan=\"2\">{leaf}</td>"),
                    Some(g) => {
                        let first = AppRow::ALL.iter().find(|r| r.label().group == Some(g));
                        if first == Some(&row) {
                            let n = AppRow::ALL
                                .iter()
                                .filter(|r| r.label().group == Some(g))
                                .count();
                            tr += &format!("<td rowspan=\"{n}\">{}</td>", g.label());
                        }
                        tr += &td(leaf);
                    }
                }
            }
        }
        for v in values {
            tr += &td(v);
        }
        b += &tr;
        b += "</tr>\n";
    }
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"gbk\"><title>年报</title>\
         <script>var x = '一、总体情况';</script></head><body>\
         <div class=\"nav\">首页 &gt; 政府信息公开年报</div>\
         <h1>测试县人民政府2024年政府信息公开工作年度报告</h1>\
         <p>本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。</p>\
         <p><strong>一、总体情况</strong></p>\
         <p>2024年，我县认真贯彻落实《条例》。</p>\
         <p>（一）依申请公开</p><p>全年共受理政府信息公开申请4件，均按时答复。</p>\
         <p>二、主动公开政府信息情况</p>\
         <table><tr><td colspan=\"4\">第二十条第（一）项</td></tr>\
         <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>\
         <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>\
         <tr><td>行政规范性文件</td><td>3</td><td>1</td><td>12</td></tr>\
         <tr><td colspan=\"4\">第二十条第（五）项</td></tr>\
         <tr><td>信息内容</td><td colspan=\"3\">本年处理决定数量</td></tr>\
         <tr><td>行政许可</td><td colspan=\"3\">1,234</td></tr>\
         <tr><td colspan=\"4\">第二十条第（六）项</td></tr>\
         <tr><td>信息内容</td><td colspan=\"3\">本年处理决定数量</td></tr>\
         <tr><td>行政处罚</td><td colspan=\"3\">45</td></tr>\
         <tr><td>行政强制</td><td colspan=\"3\">/</td></tr>\
         <tr><td colspan=\"4\">第二十条第（八）项</td></tr>\
         <tr><td>信息内容</td><td colspan=\"3\">本年收费金额（单位：万元）</td></tr>\
         <tr><td>行政事业性收费</td><td colspan=\"3\">12.50</td></tr></table>\
         <p>三、收到和处理政府信息公开申请情况</p><table><tbody>{b}</tbody></table>\
         <p>四、政府信息公开行政复议、行政诉讼情况</p>\
         <table><tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr>\
         <tr><td rowspan=\"2\">结果维持</td><td rowspan=\"2\">结果纠正</td><td rowspan=\"2\">其他结果</td>\
         <td rowspan=\"2\">尚未审结</td><td rowspan=\"2\">总计</td>\
         <td colspan=\"5\">未经复议直接起诉</td><td colspan=\"5\">复议后起诉</td></tr>\
         <tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>\
         <td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>\
         <tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td>\
         <td>0</td><td>0</td><td>0</td><td colspan=\"2\"></td></tr></table>\
         <p>五、存在的主要问题及改进情况</p><p>队伍建设有待加强。</p>\
         <p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>\
         <div class=\"footer\">主办单位：测试县人民政府办公室</div></body></html>"
    )
}

#[test]
fn a_gbk_web_page_with_merged_cells_imports() {
    let dir = tempfile::tempdir().unwrap();
    let page = report_page();
    let (gbk, _, _) = encoding_rs::GBK.encode(&page);
    fs::write(dir.path().join("nb.htm"), &gbk).unwrap();
    let o = nianbao(&["import", "nb.htm", "-o", "out.json"], dir.path());
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("来源：网页，编码 GBK/GB18030"), "{err}");
    assert!(err.contains("找到表格：表二、表三、表四"), "{err}");
    assert!(err.contains("已写出：out.json"), "{err}");

    let r = store::load(&dir.path().join("out.json")).unwrap();
    assert_eq!(r.organ, "测试县人民政府");
    assert_eq!(r.year, 2024);
    assert_eq!(r.overview.parts[0].heading, "依申请公开");
    assert_eq!(r.proactive.normative_documents.in_force, Some(12));
    assert_eq!(r.proactive.enforcement, None, "“/” is blank");
    assert_eq!(r.proactive.fees_wan_yuan, "12.50");
    assert_eq!(r.proactive.punishment, Some(45));
    assert_eq!(r.proactive.licensing, Some(1234));
    assert_eq!(
        r.applications.row(AppRow::NewReceived),
        &[
            Some(3),
            Some(1),
            Some(0),
            Some(0),
            Some(0),
            Some(0),
            Some(4)
        ]
    );
    assert_eq!(
        r.applications
            .get(AppRow::RejectedPublication, AppCol::Commercial),
        None
    );
    assert_eq!(
        r.applications
            .get(AppRow::RejectedPublication, AppCol::Research),
        Some(0)
    );
    assert_eq!(
        r.applications.get(AppRow::OtherMisc, AppCol::Total),
        Some(0)
    );
    assert_eq!(
        r.appeals.get(AppealGroup::Review, AppealPart::Total),
        Some(1)
    );
    // A blank cell spanning two columns is two blank cells.
    assert_eq!(
        r.appeals
            .get(AppealGroup::SuitAfterReview, AppealPart::Other),
        Some(0)
    );
    assert_eq!(
        r.appeals
            .get(AppealGroup::SuitAfterReview, AppealPart::Pending),
        None
    );
    assert_eq!(
        r.appeals
            .get(AppealGroup::SuitAfterReview, AppealPart::Total),
        None
    );
    assert!(r.other_matters.contains("未收取信息处理费"));

    // Checked on the fly: the blanks are reported, nothing else.
    let o = nianbao(&["check", "--format", "json", "nb.htm"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let line: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let ids: Vec<_> = line["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["value.blank"; 3], "{line}");
}

#[test]
fn a_page_cut_short_is_imported_and_says_what_it_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let src = corpus("013_jilin-changchun-sports-bureau-2023-PARTIAL.txt");
    let o = nianbao(
        &["import", src.to_str().unwrap(), "-o", "o.json"],
        dir.path(),
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains(
            "内容不完整（页面可能只复制了一部分）：没有找到四、政府信息公开行政复议、行政诉讼情况"
        ),
        "{err}"
    );
    let r = store::load(&dir.path().join("o.json")).unwrap();
    assert_eq!(r.year, 2023);
}

#[test]
fn a_folder_of_published_pages_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    fs::create_dir(&pages).unwrap();
    for f in [
        "000_guizhou-shuicheng-agazhen-2024.txt",
        "008_jiangsu-huaian-hongzequ-2023.txt",
        "README.md",
    ] {
        fs::copy(corpus(f), pages.join(f)).unwrap();
    }
    fs::write(pages.join("说明.txt"), "各单位年报已下载。").unwrap();
    let o = nianbao(&["check", "pages"], dir.path());
    let out = stdout(&o);
    // A note among the pages is no report: skipped, said, not counted.
    assert!(
        stderr(&o).contains("说明.txt”：没有找到年报的内容"),
        "{}",
        stderr(&o)
    );
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("000_guizhou-shuicheng-agazhen-2024.txt：未发现问题"),
        "{out}"
    );
    assert!(
        out.contains("四、行政复议：结果维持(10)+结果纠正(1)+其他结果(0)+尚未审结(0)=11，总计为0，相差11（appeals.total）"),
        "{out}"
    );
    assert!(
        out.ends_with("共检查2个文件：1个有错误，0个无法读取；共2个错误、0个警告、0个提示\n"),
        "{out}"
    );
}

/// Write `bytes` as `name`, import it, expect exit 2 and `message` on stderr.
fn refused(name: &str, bytes: &[u8], message: &str) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), bytes).unwrap();
    let o = nianbao(&["import", name, "-o", "o.json"], dir.path());
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{name}: {err}");
    assert!(err.contains(message), "{name}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!dir.path().join("o.json").exists(), "nothing is written");
    // The batch check says the same and goes on.
    let o = nianbao(&["check", name], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains(message), "{}", stdout(&o));
}

#[test]
fn hostile_input_is_refused_with_a_reason() {
    refused("empty.txt", b"", "文件是空的");
    refused("blank.txt", b"  \r\n\t\n", "文件是空的");
    refused(
        "image.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
        "这不是文本或网页文件（含有二进制数据",
    );
    refused(
        "news.html",
        "<html><body><h1>县政府召开常务会议</h1><p>会议研究了春耕生产工作。</p><table><tr><td>1</td></tr></table></body></html>".as_bytes(),
        "没有找到年报的内容",
    );
    refused(
        "huge.txt",
        "一、总体情况 1 2 3 |\n"
            .repeat(50 * 1024 * 1024 / 24)
            .as_bytes(),
        "文件太大",
    );
}

#[test]
fn a_missing_output_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = nianbao(&["import", "a.txt"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nianbao import 年报.html -o 年报.nianbao.json"));
    let o = nianbao(&["import", "missing.txt", "-o", "o.json"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("无法导入“missing.txt”：文件不存在"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn every_command_opens_any_source() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        corpus("000_guizhou-shuicheng-agazhen-2024.txt"),
        dir.path().join("2024.txt"),
    )
    .unwrap();
    // A published text straight to a web page: what the import found comes first.
    let o = nianbao(&["export", "2024.txt", "--html", "2024.html"], dir.path());
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.starts_with("导入“2024.txt”：\n  来源：文本"), "{err}");
    assert!(err.contains("已导出：2024.html"), "{err}");

    // That page under a portal's own extension is read as a web page.
    fs::copy(dir.path().join("2024.html"), dir.path().join("2024.shtml")).unwrap();
    let o = nianbao(&["import", "2024.shtml", "-o", "a.json"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("来源：网页"), "{}", stderr(&o));
    let a = store::load(&dir.path().join("a.json")).unwrap();
    let text = nianbao::import::import_file(&dir.path().join("2024.txt"))
        .unwrap()
        .report;
    assert_eq!(a.organ, text.organ);
    assert_eq!(a.applications, text.applications);

    // A report file needs no import: it is written as it is.
    let o = nianbao(&["import", "a.json", "-o", "b.json"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("“a.json”已是年报文件，无需导入"),
        "{}",
        stderr(&o)
    );
    assert_eq!(store::load(&dir.path().join("b.json")).unwrap(), a);
}

/// `nianbao import` says, for each table, what it read for certain, what it
/// left blank and why, and what a sum decided; `nianbao check` lists the
/// blanks it made as `import.unplaced` — not as the publisher's `value.blank`.
#[test]
fn import_and_check_say_which_cells_were_not_placed_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let src = corpus("002_fujian-pingtan-2021.txt");
    let o = nianbao(
        &["import", src.to_str().unwrap(), "-o", "o.json"],
        dir.path(),
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    for line in [
        "  表二：读到数字7格，原表空白0格，无法确定、已留空3格\n",
        "  表四：读到数字15格（其中11格按合计关系确定），原表空白0格，无法确定、已留空0格\n",
        "  无法确定、已留空（请对照原文填写）：表二“行政规范性文件”的数字“693665”连在一起，可以拆成10种，本表没有合计可供核对，正文也没有说明这些数字：本年制发件数、本年废止件数、现行有效件数无法确定\n",
        "  按合计关系或正文确定：表三“（四）1.本机关不掌握相关政府信息”“220000325”→22|0|0|0|0|3|25（按各列合计确定）\n",
    ] {
        assert!(err.contains(line), "{line}\n{err}");
    }
    assert!(err.contains("  表三：读到数字175格（其中"), "{err}");

    let o = nianbao(&["check", src.to_str().unwrap()], dir.path());
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains(
            "  提示：\n    导入时无法确定，已留空：表二“行政规范性文件”的数字“693665”连在一起"
        ),
        "{out}"
    );
    assert!(out.contains("（import.unplaced）"), "{out}");
    assert!(!out.contains("value.blank"), "{out}");
    let o = nianbao(
        &["check", "--format", "json", src.to_str().unwrap()],
        dir.path(),
    );
    let line: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let f = &line["findings"][0];
    assert_eq!(f["id"], "import.unplaced", "{line}");
    assert_eq!(f["severity"], "info");
    assert_eq!(
        f["cells"],
        serde_json::json!([
            "proactive.normative_documents.issued",
            "proactive.normative_documents.repealed",
            "proactive.normative_documents.in_force"
        ])
    );
}

/// `structure.sections` for a page that does not follow the six national
/// sections — and not for one that does, whatever else its headings say.
#[test]
fn check_reports_a_page_without_the_national_sections() {
    let dir = tempfile::tempdir().unwrap();
    let src = corpus("021_zhejiang-longyou-hengshanzhen-2023-nonstandard-PARTIAL.txt");
    let o = nianbao(&["check", src.to_str().unwrap()], dir.path());
    let out = stdout(&o);
    assert!(
        out.contains("    没有找到“一、总体情况”、“二、主动公开政府信息情况”"),
        "{out}"
    );
    assert!(out.contains("（structure.sections）"), "{out}");
    let src = corpus("032_jiangsu-shuyang-county-2025.txt");
    let o = nianbao(&["check", src.to_str().unwrap()], dir.path());
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains("032_jiangsu-shuyang-county-2025.txt：未发现问题"),
        "{out}"
    );
}

/// In a folder, a file that holds a report we could not read counts as
/// unreadable, with its reason, and the run exits 2; only files that hold
/// no report at all (a note, an empty file) are passed over.
#[test]
fn a_folder_counts_a_file_it_could_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    fs::create_dir(&pages).unwrap();
    fs::copy(
        corpus("000_guizhou-shuicheng-agazhen-2024.txt"),
        pages.join("a.txt"),
    )
    .unwrap();
    // Neither UTF-8 nor GBK: a report, maybe, but not one we can read.
    fs::write(pages.join("b.txt"), b"\xc4\xea\xb1\xa8 \xff\xff\xff").unwrap();
    fs::write(pages.join("c.txt"), "").unwrap();
    let o = nianbao(&["check", "pages"], dir.path());
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(2), "{out}");
    assert!(out.contains("b.txt：无法导入：无法识别文件的编码"), "{out}");
    assert!(stderr(&o).contains("c.txt”：文件是空的"), "{}", stderr(&o));
    assert!(
        out.ends_with("共检查2个文件：0个有错误，1个无法读取；共0个错误、0个警告、0个提示\n"),
        "{out}"
    );
}
