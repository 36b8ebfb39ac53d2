//! Absolute paths as a clerk reads them.
//!
//! `std::fs::canonicalize` on Windows answers in the verbatim form
//! `\\?\C:\年报\阿戛镇.nianbao.json`: correct, but it would be shown in the
//! status line and the recent-files list, and stored as a report's `prior`,
//! where Explorer and older programs do not understand it. `dunce` drops the
//! prefix wherever the plain form names the same file (not for a name such as
//! `CON` or one ending in a dot, nor past 260 characters, where only the
//! verbatim form works; a network path `\\?\UNC\…` also stays verbatim).

use std::path::{Path, PathBuf};

/// `path` made absolute with links resolved, in the form Explorer shows; the
/// path itself when it cannot be resolved (e.g. it does not exist yet).
pub fn absolute(path: &Path) -> PathBuf {
    dunce::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_files_keep_the_path_given() {
        let p = Path::new("/nonexistent/目录/年报.nianbao.json");
        assert_eq!(absolute(p), p);
    }

    #[test]
    fn a_relative_name_becomes_the_full_path_in_the_plain_form() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("年报 2024");
        std::fs::create_dir(&folder).unwrap();
        let file = folder.join("阿戛镇.nianbao.json");
        std::fs::write(&file, "{}").unwrap();
        let via_dots = folder
            .join("..")
            .join("年报 2024")
            .join("阿戛镇.nianbao.json");
        let shown = absolute(&via_dots);
        assert!(shown.is_absolute(), "{}", shown.display());
        assert!(
            shown.ends_with("年报 2024/阿戛镇.nianbao.json"),
            "{}",
            shown.display()
        );
        assert!(
            !shown.to_string_lossy().starts_with(r"\\?\"),
            "{}",
            shown.display()
        );
        assert_eq!(absolute(&file), shown, "one file, one spelling");
    }

    /// What `absolute` relies on, in the forms Windows gives.
    #[cfg(windows)]
    #[test]
    fn verbatim_drive_paths_lose_their_prefix_only_when_safe() {
        let plain = |s: &str| {
            dunce::simplified(Path::new(s))
                .to_string_lossy()
                .into_owned()
        };
        assert_eq!(
            plain(r"\\?\C:\Users\张三\年报 2024\阿戛镇.nianbao.json"),
            r"C:\Users\张三\年报 2024\阿戛镇.nianbao.json"
        );
        // A reserved name means something else in the plain form.
        assert_eq!(plain(r"\\?\C:\年报\CON"), r"\\?\C:\年报\CON");
        assert_eq!(plain(r"C:\年报.json"), r"C:\年报.json");
    }
}
