//! Reading and writing `*.nianbao.json` (DESIGN.md, "The file format").
//!
//! Loading never half-succeeds: a file either becomes a whole [`Report`] or an
//! error that says, in Chinese, what is wrong and where. Saving replaces the
//! old file only once the new one is completely on disk.

mod json;
mod messages;
pub mod paths;
pub mod recovery;

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use serde::Deserialize;

use crate::report::{Report, Schema};

/// Why a file could not be read as a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// 1-based position of the problem in the file, when it has one.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Where in the report the problem sits, as a cell path ("applications.granted[3]").
    pub path: Option<String>,
    /// What is wrong and what to do, in Chinese.
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, "第{l}行第{c}列")?;
            if let Some(p) = &self.path {
                write!(f, "（{p}）")?;
            }
            f.write_str("：")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    fn plain(message: String) -> LoadError {
        LoadError {
            line: None,
            column: None,
            path: None,
            message,
        }
    }

    fn from_json(e: &serde_json::Error, path: Option<String>) -> LoadError {
        let text = e.to_string();
        // serde_json appends " at line L column C"; the position is kept apart.
        let msg = match text.rsplit_once(" at line ") {
            Some((m, _)) if e.line() > 0 => m,
            _ => &text,
        };
        LoadError {
            line: (e.line() > 0).then_some(e.line()),
            column: (e.line() > 0).then_some(e.column()),
            path: path.filter(|p| !p.is_empty() && p != "."),
            message: messages::explain(msg),
        }
    }
}

/// A report file is a few tens of kilobytes; anything this large is not one,
/// and is refused before it is read into memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Read a report file. Nothing is written, whatever happens.
pub fn load(path: &Path) -> Result<Report, LoadError> {
    parse(&read_limited(path)?)
}

/// The bytes of a file that may be a report: refused when missing,
/// unreadable, a folder, or too large to be one.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    let meta = fs::metadata(path).map_err(|e| LoadError::plain(read_error(&e)))?;
    if meta.is_dir() {
        return Err(LoadError::plain(
            "这是一个文件夹，不是文件：请选择年报文件".into(),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::plain(format!(
            "文件太大（{} MB），不是年报文件：年报文件通常不到 1 MB",
            meta.len() / (1024 * 1024)
        )));
    }
    fs::read(path).map_err(|e| LoadError::plain(read_error(&e)))
}

/// A fingerprint of a file's bytes, to tell whether another program changed
/// it since it was opened or saved. `None` when it cannot be read.
pub fn fingerprint(path: &Path) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let bytes = fs::read(path).ok()?;
    let mut h = std::hash::DefaultHasher::new();
    bytes.hash(&mut h);
    Some(h.finish())
}

/// Parse the bytes of a report file.
pub fn parse(bytes: &[u8]) -> Result<Report, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
        LoadError::plain(format!(
            "第{line}行：文件不是 UTF-8 编码，可能被其他软件以 GBK 等编码另存过：请用本程序或以 UTF-8 编码重新保存"
        ))
    })?;
    if text.trim().is_empty() {
        return Err(LoadError::plain("文件是空的：它不是年报文件".into()));
    }

    // A good file is read in one pass; a batch check reads thousands.
    if text.trim_start().starts_with('{')
        && let Ok(report) = serde_json::from_str::<Report>(text)
    {
        return Ok(report);
    }

    // Why it is not one, in order: first the syntax, then the schema tag, then
    // the content — a file from a newer version must be refused for its
    // version, not for a key it added.
    serde_json::from_str::<serde::de::IgnoredAny>(text)
        .map_err(|e| LoadError::from_json(&e, None))?;

    if !text.trim_start().starts_with('{') {
        return Err(LoadError::plain(
            "文件的最外层不是对象 {…}：它不是年报文件".into(),
        ));
    }
    #[derive(Deserialize)]
    struct Probe {
        schema: Option<Schema>,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| LoadError::from_json(&e, None))?;
    if probe.schema.is_none() {
        return Err(LoadError::plain(
            "文件中没有“schema”字段：它不是本程序的年报文件".into(),
        ));
    }

    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        LoadError::from_json(e.inner(), Some(path))
    })
}

/// The report as the file's text: always the same bytes for the same report.
pub fn to_json(report: &Report) -> String {
    let value = serde_json::to_value(report).expect("a report is plain data and serializes");
    json::pretty(&value)
}

/// Why a file could not be written. The old file, if any, is untouched.
#[derive(Debug)]
pub struct SaveError(pub String);

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SaveError {}

/// Save a report: written to a temporary file beside the target, flushed to
/// disk, then renamed over it — so a crash or a full disk leaves either the
/// old file or the new one, never half of one. The previous version is kept
/// as `NAME.bak` (itself written atomically).
pub fn save(path: &Path, report: &Report) -> Result<(), SaveError> {
    if let Ok(old) = fs::read(path) {
        write_atomically(&backup_path(path), &old)?;
    }
    write_atomically(path, to_json(report).as_bytes())
}

/// Where the previous version of `path` is kept: `NAME.bak` beside it.
pub fn backup_path(path: &Path) -> std::path::PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".bak");
    s.into()
}

/// Write `bytes` to `path` atomically (see [`save`]).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |e: io::Error| {
        SaveError(format!(
            "无法保存到“{}”：{}",
            path.display(),
            write_error(&e)
        ))
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().ok_or_else(|| {
        SaveError(format!(
            "“{}”不是文件名：请选择要保存的文件",
            path.display()
        ))
    })?;
    let prefix = format!(".{}.", name.to_string_lossy());
    remove_stale_temporaries(dir, &prefix);
    let tmp = dir.join(format!("{prefix}{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)?;
        // Make the rename itself durable; not possible (nor needed) on Windows.
        #[cfg(unix)]
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(fail)
}

/// Temporary files left by a save that was killed half-way (they carry the
/// pid of the process that wrote them).
fn remove_stale_temporaries(dir: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with(prefix) && name.ends_with(".tmp") {
            let _ = fs::remove_file(e.path());
        }
    }
}

fn read_error(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "文件不存在：请检查路径".into(),
        io::ErrorKind::PermissionDenied => "没有读取这个文件的权限".into(),
        io::ErrorKind::IsADirectory => "这是一个文件夹，不是文件".into(),
        _ => format!("无法读取文件（{e}）"),
    }
}

fn write_error(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => {
            "文件夹不存在（可能已被移动或删除，或U盘已拔出）：请另存到其他位置".into()
        }
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            "没有写入权限（文件或文件夹是只读的，或被其他程序占用）：请另存到“文档”等可写的文件夹"
                .into()
        }
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "磁盘已满：请清理磁盘空间，或另存到其他磁盘".into()
        }
        io::ErrorKind::IsADirectory => "这是一个文件夹，不是文件：请输入文件名".into(),
        io::ErrorKind::NotADirectory => "路径中有一部分不是文件夹：请检查路径".into(),
        _ => format!("写入失败（{e}）：请另存到其他位置"),
    }
}
