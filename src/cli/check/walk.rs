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
/// link, or named twice — is read only the first time: its real (canonical)
/// path says it was visited. A link back to a folder that holds it (to
/// itself, to its parent) is a loop and is not followed at all: the files
/// around the folder given were not asked for.
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
    /// The real paths of the folders being read, outermost first.
    within: Vec<PathBuf>,
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
            let holds = self
                .within
                .last()
                .is_some_and(|inner| inner.starts_with(&real));
            if holds || !self.visited.insert(real.clone()) {
                return Ok(None);
            }
            std::fs::read_dir(path).map(|e| Some((e, real)))
        });
        let (entries, real) = match entries {
            Ok(Some(found)) => found,
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
        self.within.push(real);
        for child in children {
            self.path(&child, true);
        }
        self.within.pop();
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
        for d in ["b", "b/c", "外"] {
            std::fs::create_dir(root.join(d)).unwrap();
        }
        for f in [
            "a.json",
            "b/c.txt",
            "b/d.html",
            "b/说明.doc",
            "b/图.png",
            "外/x.json",
        ] {
            std::fs::write(root.join(f), "").unwrap();
        }
        std::os::unix::fs::symlink("..", root.join("b/上级")).unwrap();
        std::os::unix::fs::symlink("../..", root.join("b/c/上上级")).unwrap();
        std::os::unix::fs::symlink(".", root.join("b/本级")).unwrap();
        std::os::unix::fs::symlink(root.join("b"), root.join("b2")).unwrap();
        // Beside the folder given, reached through a link: read, once.
        std::os::unix::fs::symlink(root.join("外"), root.join("b/c/外")).unwrap();
        let inputs = collect(&[root.join("b"), root.join("b2"), root.join("b/c")]);
        assert_eq!(
            files(&inputs, root),
            ["b/c/外/x.json", "b/c.txt", "b/d.html", "b/说明.doc"]
        );
        // Named on its own after its link was followed: not again.
        let inputs = collect(&[root.join("b"), root.join("外")]);
        assert_eq!(inputs.len(), 4);
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
