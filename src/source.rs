//! One way to open a report, whatever it is written in: the file format
//! (`.json`), or a published report imported on the way (`.txt` text, `.html`
//! web page, `.docx` Word document). The command line and the editor open files — and last year's
//! report — through here, so that what one accepts the other accepts too.
//!
//! A new kind of source (the `.pdf` and `.docx` of the next importers) is one
//! more [`Kind`]: its extensions, its label and how the importer is told of
//! it. The compiler then points at every `match` that must say more.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::import::{self, ImportError, ImportSummary, SourceKind};
use crate::report::Report;
use crate::store::{self, LoadError};

/// What a file is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The file format, `*.nianbao.json`.
    Json,
    /// A published report's text, copied from its web page or PDF.
    Text,
    /// A published report's web page, as saved from the portal.
    Html,
    /// A Word document: a draft back from sign-off, or last year's report.
    /// `.doc` and `.wps` are claimed too, so that they are refused with what
    /// to do (save as .docx) rather than passed over.
    Docx,
    /// A published PDF (its text layer; a scan is refused).
    Pdf,
}

impl Kind {
    /// Every kind, the file format first.
    pub const ALL: [Kind; 5] = [Kind::Json, Kind::Text, Kind::Html, Kind::Docx, Kind::Pdf];

    /// The file name extensions that say this kind, lower case, without the dot.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Kind::Json => &["json"],
            Kind::Text => &["txt"],
            Kind::Html => &["html", "htm"],
            Kind::Docx => &["docx", "doc", "wps"],
            Kind::Pdf => &["pdf"],
        }
    }

    /// The kind a file's name says; `None` for an extension no kind claims
    /// (such a file is still opened, by its content: see [`open`]).
    pub fn of(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?;
        Kind::ALL
            .into_iter()
            .find(|k| k.extensions().iter().any(|e| e.eq_ignore_ascii_case(ext)))
    }

    /// The kind, in words a clerk knows.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Json => "年报文件",
            Kind::Text => "文本",
            Kind::Html => "网页",
            Kind::Docx => "Word 文档",
            Kind::Pdf => "PDF 文件",
        }
    }

    /// Whether a file of this kind is a published report, imported when opened.
    pub fn is_imported(self) -> bool {
        self != Kind::Json
    }

    /// What the importer read a page as.
    fn of_import(kind: SourceKind) -> Kind {
        match kind {
            SourceKind::Text => Kind::Text,
            SourceKind::Html => Kind::Html,
            SourceKind::Docx => Kind::Docx,
            SourceKind::Pdf => Kind::Pdf,
        }
    }
}

/// A report, opened.
#[derive(Clone, Debug)]
pub struct Opened {
    pub report: Report,
    /// What the file turned out to be (for a file whose name said nothing,
    /// what its content showed).
    pub kind: Kind,
    /// What the import found and lacked; `None` for the file format.
    pub summary: Option<ImportSummary>,
}

impl Opened {
    /// What the reading of a published source adds to the checks (its
    /// unplaced cells, `import.unplaced`, `structure.sections`); `None` for
    /// the file format, which is read whole.
    pub fn reading(&self) -> Option<crate::checks::Reading> {
        self.summary.as_ref().map(ImportSummary::reading)
    }
}

/// Why a file could not be opened. Shown, it is the reason alone, in Chinese;
/// [`OpenError::failed`] is how a sentence about the file begins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// A file in the file format that is unreadable or no report.
    Load(LoadError),
    /// A published report that could not be imported.
    Import(ImportError),
}

impl OpenError {
    /// "无法读取" for the file format, "无法导入" for a published report.
    pub fn failed(&self) -> &'static str {
        match self {
            OpenError::Load(_) => "无法读取",
            OpenError::Import(_) => "无法导入",
        }
    }

    /// The file holds no report at all (a note, a picture, an empty file):
    /// a check of a whole folder passes over it rather than count it as a
    /// report it could not read. Only these named reasons: any other — a file
    /// that is a report we could not read, such as a scanned PDF — counts as
    /// unreadable, and a new reason must be named here to be passed over
    /// (the match has no catch-all, so the compiler asks).
    pub fn is_no_report(&self) -> bool {
        match self {
            OpenError::Load(_) => false,
            OpenError::Import(e) => match e {
                ImportError::NotAReport | ImportError::Empty | ImportError::Binary => true,
                ImportError::Unreadable(_)
                | ImportError::TooLarge(_)
                | ImportError::Encoding
                | ImportError::OldWord
                | ImportError::Docx(_)
                | ImportError::PdfDamaged
                | ImportError::NotPdf
                | ImportError::PdfEncrypted
                | ImportError::Scanned
                | ImportError::PdfNoText => false,
            },
        }
    }
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            OpenError::Load(e) => e.fmt(f),
            OpenError::Import(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for OpenError {}

/// Open any source the project reads, by its name's extension (see
/// [`Kind::of`]); a file whose extension says nothing is the file format when
/// its content is a JSON object, else a published report. Nothing is written.
pub fn open(path: &Path) -> Result<Opened, OpenError> {
    match Kind::of(path) {
        Some(Kind::Json) => store::load(path).map(file_format).map_err(OpenError::Load),
        // The importer knows these by their extension.
        Some(Kind::Text | Kind::Html | Kind::Docx | Kind::Pdf) => import::import_file(path)
            .map(imported)
            .map_err(OpenError::Import),
        None => {
            let bytes = store::read_limited(path).map_err(OpenError::Load)?;
            if looks_like_json(&bytes) {
                store::parse(&bytes)
                    .map(file_format)
                    .map_err(OpenError::Load)
            } else {
                import::import_bytes(&bytes, None)
                    .map(imported)
                    .map_err(OpenError::Import)
            }
        }
    }
}

fn file_format(report: Report) -> Opened {
    Opened {
        report,
        kind: Kind::Json,
        summary: None,
    }
}

fn imported(i: import::Imported) -> Opened {
    Opened {
        report: i.report,
        kind: Kind::of_import(i.summary.source),
        summary: Some(i.summary),
    }
}

/// A JSON object, or nothing at all (which the file format's loader refuses
/// in words meant for a report file). Published pages never start with `{`.
fn looks_like_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b) => *b == b'{',
        None => true,
    }
}

/// Where a report's `prior` points: relative to the folder of `file`, the
/// report's own file, so that a pair moved or mailed together still finds
/// each other; as written for a report not saved yet (`file` is `None`).
/// `None` when the report names no previous year.
pub fn prior_path(file: Option<&Path>, report: &Report) -> Option<PathBuf> {
    let prior = report.prior.trim();
    if prior.is_empty() {
        return None;
    }
    // `join` keeps an absolute `prior` as it is.
    Some(match file.and_then(Path::parent) {
        Some(dir) => dir.join(prior),
        None => PathBuf::from(prior),
    })
}

/// Last year's report as `report.prior` names it (see [`prior_path`]),
/// opened like any source: a saved report, or last year's published page.
/// `None` when the report names no previous year.
pub fn open_prior(file: Option<&Path>, report: &Report) -> Option<Result<Opened, OpenError>> {
    prior_path(file, report).map(|p| open(&p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_says_the_kind_in_any_case() {
        assert_eq!(Kind::of(Path::new("阿戛镇.nianbao.json")), Some(Kind::Json));
        assert_eq!(Kind::of(Path::new("年报.TXT")), Some(Kind::Text));
        assert_eq!(Kind::of(Path::new("a/年报.Htm")), Some(Kind::Html));
        assert_eq!(Kind::of(Path::new("年报.html")), Some(Kind::Html));
        assert_eq!(Kind::of(Path::new("年报.json.bak")), None);
        assert_eq!(Kind::of(Path::new("年报")), None);
    }

    #[test]
    fn json_is_told_by_its_first_character() {
        assert!(looks_like_json(b"\xEF\xBB\xBF \n{\"schema\": 1}"));
        assert!(looks_like_json(b"  \r\n"));
        assert!(!looks_like_json("一、总体情况".as_bytes()));
        assert!(!looks_like_json(b"<html>{}</html>"));
    }

    fn corpus(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus")
            .join(name)
    }

    #[test]
    fn every_kind_opens_and_says_what_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let sample = crate::assets::sample();
        let file = dir.path().join("阿戛镇.nianbao.json");
        store::save(&file, &sample).unwrap();
        let o = open(&file).unwrap();
        assert_eq!(o.kind, Kind::Json);
        assert!(o.summary.is_none());
        assert_eq!(o.report, sample);

        // A backup is the file format whatever its name says.
        let bak = dir.path().join("阿戛镇.nianbao.json.bak");
        std::fs::copy(&file, &bak).unwrap();
        let o = open(&bak).unwrap();
        assert_eq!((o.kind, o.report), (Kind::Json, sample.clone()));

        let o = open(&corpus("000_guizhou-shuicheng-agazhen-2024.txt")).unwrap();
        assert_eq!(o.kind, Kind::Text);
        assert_eq!(o.report.year, 2024);
        let summary = o.summary.unwrap();
        assert_eq!(summary.source, SourceKind::Text);
        assert_eq!(summary.tables_found.len(), 3);

        // A page saved under a portal's own extension: a web page by its content.
        let page = dir.path().join("2024.shtml");
        std::fs::write(&page, crate::export::html::export(&sample)).unwrap();
        let o = open(&page).unwrap();
        assert_eq!(o.kind, Kind::Html);
        assert_eq!(o.report.organ, sample.organ);
        assert_eq!(o.report.applications, sample.applications);
    }

    #[test]
    fn a_refusal_says_what_failed_and_whether_there_is_a_report_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).unwrap();
            p
        };
        let cases = [
            (dir.path().join("无.json"), "无法读取", "文件不存在", false),
            (dir.path().join("无.html"), "无法导入", "文件不存在", false),
            (
                write("坏.json", "{\"schema\""),
                "无法读取",
                "意外结束",
                false,
            ),
            (write("坏.bak", " {"), "无法读取", "意外结束", false),
            (write("空.txt", ""), "无法导入", "文件是空的", true),
            (
                write("说明.txt", "各单位年报已下载。"),
                "无法导入",
                "没有找到年报的内容",
                true,
            ),
            (
                write("说明", "各单位年报已下载。"),
                "无法导入",
                "没有找到年报的内容",
                true,
            ),
        ];
        for (path, failed, reason, no_report) in cases {
            let e = open(&path).unwrap_err();
            let name = path.display();
            assert_eq!(e.failed(), failed, "{name}");
            assert!(e.to_string().contains(reason), "{name}: {e}");
            assert_eq!(e.is_no_report(), no_report, "{name}");
        }
    }

    #[test]
    fn prior_is_found_beside_the_report() {
        let mut r = Report::new("阿戛镇人民政府", 2025);
        let own = Path::new("年报/2025.nianbao.json");
        assert_eq!(prior_path(Some(own), &r), None);
        r.prior = " 2024.html ".into();
        assert_eq!(
            prior_path(Some(own), &r),
            Some(PathBuf::from("年报/2024.html"))
        );
        // Not saved yet: as written.
        assert_eq!(prior_path(None, &r), Some(PathBuf::from("2024.html")));
        // A bare file name has an empty parent: the current folder.
        assert_eq!(
            prior_path(Some(Path::new("2025.json")), &r),
            Some(PathBuf::from("2024.html"))
        );
    }
}
