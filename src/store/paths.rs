//! Absolute paths as a clerk reads them.
//!
//! `std::fs::canonicalize` on Windows answers in the verbatim form
//! `\\?\C:\年报\阿戛镇.nianbao.json`: correct, but it would be shown in the
//! status line and the recent-files list, and stored as a report's `prior`,
//! where Explorer and older programs do not understand it. We canonicalize
//! (to compare paths reliably) and then drop the verbatim prefix.

use std::path::{Path, PathBuf};

/// `path` made absolute with links resolved, in the form Explorer shows; the
/// path itself when it cannot be resolved (e.g. it does not exist yet).
pub fn absolute(path: &Path) -> PathBuf {
    match std::fs::canonicalize(path) {
        Ok(p) => match p.to_str().and_then(plain_windows_path) {
            Some(plain) => PathBuf::from(plain),
            None => p,
        },
        Err(_) => path.to_path_buf(),
    }
}

/// `\\?\C:\a` → `C:\a`, `\\?\UNC\server\share\a` → `\\server\share\a`;
/// `None` when `s` is not a verbatim path (or is one with no plain spelling).
pub fn plain_windows_path(s: &str) -> Option<String> {
    let rest = s.strip_prefix(r"\\?\")?;
    if let Some(unc) = rest.strip_prefix(r"UNC\") {
        return Some(format!(r"\\{unc}"));
    }
    let bytes = rest.as_bytes();
    let is_drive =
        bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'\\';
    is_drive.then(|| rest.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_drive_and_unc_paths_lose_their_prefix() {
        assert_eq!(
            plain_windows_path(r"\\?\C:\Users\张三\年报 2024\阿戛镇.nianbao.json").as_deref(),
            Some(r"C:\Users\张三\年报 2024\阿戛镇.nianbao.json")
        );
        assert_eq!(
            plain_windows_path(r"\\?\UNC\fileserver\公开办\年报.json").as_deref(),
            Some(r"\\fileserver\公开办\年报.json")
        );
    }

    #[test]
    fn other_paths_are_left_alone() {
        assert_eq!(plain_windows_path("/home/clerk/年报.json"), None);
        assert_eq!(plain_windows_path(r"C:\年报.json"), None);
        // A verbatim device path has no plain spelling.
        assert_eq!(plain_windows_path(r"\\?\Volume{1234}\a"), None);
    }

    #[test]
    fn missing_files_keep_the_path_given() {
        let p = Path::new("/nonexistent/目录/年报.nianbao.json");
        assert_eq!(absolute(p), p);
    }
}
