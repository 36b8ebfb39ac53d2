//! The files a check reads: the paths of the command line, a folder as every
//! report file below it — each folder once, however many links lead to it.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use nianbao::source::Kind;

/// One input of the run, in the order of the command line and, within a
/// folder, in name order.
#[derive(Debug, PartialEq, Eq)]
pub enum Input {
    /// A file to open; `in_folder` when found in a folder rather than named
    /// (a folder may hold notes that are no report: they are passed over).
    File { path: PathBuf, in_folder: bool },
    /// A folder that could not be listed, and why: the rest is still checked.
    Folder { path: PathBuf, why: String },
}

impl Input {
    pub fn path(&self) -> &Path {
        match self {
            Input::File { path, .. } | Input::Folder { path, .. } => path,
        }
    }
}

/// Every input below `paths`. A folder reached again — through a symbolic
/// link to itself or to its parent, or named twice — is read only the first
/// time: its real (canonical) path says it was visited.
pub fn collect(paths: &[PathBuf]) -> Vec<Input> {
    let mut walk = Walk::default();
    for path in paths {
        walk.path(path, false);
    }
    walk.inputs
}

#[derive(Default)]
struct Walk {
    inputs: Vec<Input>,
    visited: HashSet<PathBuf>,
}

impl Walk {
    fn path(&mut self, path: &Path, in_folder: bool) {
        if path.is_dir() {
            self.folder(path);
        } else if !in_folder || Kind::of(path).is_some() {
            self.inputs.push(Input::File {
                path: path.to_path_buf(),
                in_folder,
            });
        }
    }

    fn folder(&mut self, path: &Path) {
        let entries = std::fs::canonicalize(path).and_then(|real| {
            if !self.visited.insert(real) {
                return Ok(None);
            }
            std::fs::read_dir(path).map(Some)
        });
        let entries = match entries {
            Ok(Some(entries)) => entries,
            Ok(None) => return,
            Err(e) => {
                self.inputs.push(Input::Folder {
                    path: path.to_path_buf(),
                    why: unlistable(&e),
                });
                return;
            }
        };
        let mut children = Vec::new();
        for entry in entries {
            match entry {
                Ok(e) => children.push(e.path()),
                Err(e) => {
                    // Listing stopped part-way: what was listed is checked.
                    self.inputs.push(Input::Folder {
                        path: path.to_path_buf(),
                        why: unlistable(&e),
                    });
                    break;
                }
            }
        }
        children.sort();
        for child in children {
            self.path(&child, true);
        }
    }
}

/// Why a folder could not be listed, in words a reviewer can act on.
fn unlistable(e: &io::Error) -> String {
    let why = match e.kind() {
        io::ErrorKind::PermissionDenied => "没有读取这个文件夹的权限".to_string(),
        io::ErrorKind::NotFound => "文件夹不存在（可能已被移动或删除）".to_string(),
        _ => format!("无法列出其中的文件（{e}）"),
    };
    format!("无法读取文件夹：{why}；其中的年报没有检查")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(inputs: &[Input], root: &Path) -> Vec<String> {
        inputs
            .iter()
            .map(|i| {
                let rel = i.path().strip_prefix(root).unwrap_or(i.path());
                rel.display().to_string()
            })
            .collect()
    }

    #[cfg(unix)]
    #[test]
    fn a_link_back_to_the_parent_is_not_followed_again() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("b")).unwrap();
        for f in ["a.json", "b/c.txt", "b/d.html", "b/说明.doc", "b/图.png"] {
            std::fs::write(root.join(f), "").unwrap();
        }
        std::os::unix::fs::symlink("..", root.join("b/上级")).unwrap();
        std::os::unix::fs::symlink(root.join("b"), root.join("b2")).unwrap();
        let inputs = collect(&[root.to_path_buf(), root.join("b")]);
        assert_eq!(
            files(&inputs, root),
            ["a.json", "b/c.txt", "b/d.html", "b/说明.doc"]
        );
    }

    #[test]
    fn named_files_are_kept_whatever_their_name_and_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let named = [
            root.join("z.bak"),
            root.join("a.json"),
            root.join("缺.json"),
        ];
        let inputs = collect(&named);
        assert_eq!(files(&inputs, root), ["z.bak", "a.json", "缺.json"]);
        assert!(inputs.iter().all(|i| matches!(
            i,
            Input::File {
                in_folder: false,
                ..
            }
        )));
    }
}
