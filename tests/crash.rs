//! Saves survive being killed: a child process saves a changing report in a
//! loop and is killed with SIGKILL at random moments; every time, the file
//! parses and is one of the versions the child saved whole.

// Tests unwrap: a panic is a failing test with its reason (Cargo.toml [lints]).
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use nianbao::assets;
use nianbao::store;

const CHILD_ENV: &str = "NIANBAO_CRASH_CHILD";

/// The child process, not a test: `a_killed_save_leaves_a_whole_file`
/// re-invokes this binary with `--ignored --exact save_loop_child` and the
/// file to save in `NIANBAO_CRASH_CHILD`, and kills it. Saves forever.
#[test]
#[ignore = "the child process of a_killed_save_leaves_a_whole_file, which runs it"]
fn save_loop_child() {
    // Run by hand (`--ignored`), it has nothing to save: fail rather than pass.
    let path = std::env::var_os(CHILD_ENV)
        .expect("run only by a_killed_save_leaves_a_whole_file, which sets NIANBAO_CRASH_CHILD");
    let path = Path::new(&path);
    // Carry on from the version on disk, so that every round writes new ones.
    let mut r = store::load(path).unwrap();
    let start = version(&r).map_or(0, |n| n + 1);
    for i in start.. {
        r.organ = format!("第{i}版");
        // Vary the size too, so that a torn write could not pass for whole.
        r.problems = "问题".repeat((i % 50) as usize);
        store::save(path, &r).unwrap();
    }
}

fn version(r: &nianbao::report::Report) -> Option<u64> {
    r.organ.strip_prefix('第')?.strip_suffix("版")?.parse().ok()
}

/// A small pseudo-random number from the clock (no dependency needed).
fn jitter(max_ms: u64) -> Duration {
    let n = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64;
    Duration::from_millis(1 + n % max_ms)
}

#[test]
#[cfg(unix)]
fn a_killed_save_leaves_a_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("年报.nianbao.json");
    store::save(&path, &assets::sample()).unwrap();
    let me = std::env::current_exe().unwrap();
    let mut versions_seen = std::collections::BTreeSet::new();
    let mut backups_seen = 0;
    // At least 200 rounds, and on until the kills have landed mid-save often
    // enough: on a loaded machine the child may start too late for a kill
    // 1-40 ms after the spawn to find it saving, and 200 rounds fell short.
    let enough = |versions: usize, backups: usize| versions > 100 && backups > 100;
    for round in 0..2_000 {
        if round >= 200 && enough(versions_seen.len(), backups_seen) {
            break;
        }
        let mut child = Command::new(&me)
            .args([
                "save_loop_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(jitter(40));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();

        let r = store::load(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
        let n = match version(&r) {
            Some(n) => n,
            None => {
                assert_eq!(r, assets::sample(), "round {round}");
                continue;
            }
        };
        // Exactly the version the child wrote as number n.
        assert_eq!(
            r.problems,
            "问题".repeat((n % 50) as usize),
            "round {round}"
        );
        versions_seen.insert(n);
        // The backup is written the same way: whole, and the version before
        // (or, killed between the two writes, the same one).
        let bak_path = store::backup_path(&path);
        if bak_path.exists() {
            let bak =
                store::load(&bak_path).unwrap_or_else(|e| panic!("round {round}: backup: {e}"));
            match version(&bak) {
                Some(b) => {
                    assert!(b <= n, "round {round}: backup {b}, file {n}");
                    assert_eq!(bak.problems, "问题".repeat((b % 50) as usize));
                }
                None => assert_eq!(bak, assets::sample(), "round {round}"),
            }
            backups_seen += 1;
        }
    }
    assert!(backups_seen > 100, "{backups_seen} backups");
    // The kills did land mid-loop, at many different versions.
    assert!(
        versions_seen.len() > 100,
        "{} versions",
        versions_seen.len()
    );
    // Killed saves leave no litter behind once the next save runs.
    store::save(&path, &assets::sample()).unwrap();
    let litter: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(litter.is_empty(), "{litter:?}");
}
