//! Autosave and crash recovery: a copy of an unsaved report in the app's
//! data folder, offered back at the next start when the editor that wrote it
//! is gone. One file per open report, so two windows never share one.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::{SaveError, write_atomically};
use crate::report::Report;

const SUFFIX: &str = ".recovery.json";

#[derive(Serialize, Deserialize)]
struct RecoveryFile {
    /// The editor process that wrote it: while it runs, the copy is not orphaned.
    pid: u32,
    /// The report's own file, empty for a report never saved.
    original: String,
    report: Report,
}

/// A recovered copy found at start-up.
pub struct Recovered {
    pub file: PathBuf,
    pub original: Option<PathBuf>,
    pub saved_at: SystemTime,
    pub report: Report,
}

pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    pub fn new(dir: PathBuf) -> RecoveryStore {
        RecoveryStore { dir }
    }

    /// The recovery file for a report: by its path, or for a report not yet
    /// saved by `session` (unique to this editor process).
    pub fn file_for(&self, original: Option<&Path>, session: &str) -> PathBuf {
        use std::hash::{Hash, Hasher};
        let key = match original {
            Some(p) => {
                let p = super::paths::absolute(p);
                let mut h = std::hash::DefaultHasher::new();
                p.hash(&mut h);
                format!("file-{:016x}", h.finish())
            }
            None => format!("new-{session}"),
        };
        self.dir.join(format!("{key}{SUFFIX}"))
    }

    pub fn write(
        &self,
        file: &Path,
        original: Option<&Path>,
        report: &Report,
    ) -> Result<(), SaveError> {
        fs::create_dir_all(&self.dir).map_err(|e| {
            SaveError(format!(
                "无法创建自动保存文件夹“{}”：{e}",
                self.dir.display()
            ))
        })?;
        let content = RecoveryFile {
            pid: std::process::id(),
            original: original
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            report: report.clone(),
        };
        let json = serde_json::to_vec(&content).expect("a report serializes");
        write_atomically(file, &json)
    }

    pub fn remove(&self, file: &Path) {
        let _ = fs::remove_file(file);
    }

    /// Copies left by editors that are no longer running, newest first.
    pub fn orphans(&self) -> Vec<Recovered> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut out: Vec<Recovered> = entries
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(SUFFIX))
            .filter_map(|e| {
                let file = e.path();
                let saved_at = e.metadata().and_then(|m| m.modified()).ok()?;
                let content: RecoveryFile = serde_json::from_slice(&fs::read(&file).ok()?).ok()?;
                if content.pid != std::process::id() && process_alive(content.pid) {
                    return None;
                }
                Some(Recovered {
                    file,
                    original: (!content.original.is_empty())
                        .then(|| PathBuf::from(content.original)),
                    saved_at,
                    report: content.report,
                })
            })
            .collect();
        out.sort_by_key(|b| std::cmp::Reverse(b.saved_at));
        out
    }
}

/// Whether a process still runs: an editor's copy must not be offered (and
/// perhaps discarded) by a second window while the first still edits it.
/// Elsewhere than Linux and Windows we cannot tell cheaply and say no: a copy
/// is offered rather than lost.
fn process_alive(pid: u32) -> bool {
    crate::desktop::process_alive(pid)
}

/// "3分钟前", for the offer.
pub fn age(saved_at: SystemTime) -> String {
    let secs = SystemTime::now()
        .duration_since(saved_at)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    match secs {
        0..60 => "刚刚".into(),
        60..3600 => format!("{}分钟前", secs / 60),
        3600..86_400 => format!("{}小时前", secs / 3600),
        _ => format!("{}天前", secs / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orphans_of_dead_editors_are_found_and_live_ones_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().to_path_buf());
        let mut r = Report::new("某镇人民政府", 2024);
        r.problems = "未保存的文字".into();
        let file = store.file_for(None, "s1");
        store.write(&file, None, &r).unwrap();
        // Written by this (running) process: not an orphan — except to itself.
        let found = store.orphans();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].report, r);
        // A copy whose writer is gone.
        let dead = RecoveryFile {
            pid: u32::MAX - 1,
            original: "/x/a.json".into(),
            report: r.clone(),
        };
        fs::write(
            dir.path().join(format!("dead{SUFFIX}")),
            serde_json::to_vec(&dead).unwrap(),
        )
        .unwrap();
        assert_eq!(store.orphans().len(), 2);
        // Two reports, two files.
        assert_ne!(store.file_for(None, "s1"), store.file_for(None, "s2"));
        assert_ne!(
            store.file_for(Some(Path::new("/a.json")), "s"),
            store.file_for(Some(Path::new("/b.json")), "s")
        );
        store.remove(&file);
        assert_eq!(store.orphans().len(), 1);
    }
}
