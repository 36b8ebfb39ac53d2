//! Running the `nianbao` binary as a reviewer would, for the command-line tests.
#![allow(dead_code)] // each test file uses what it needs

use std::path::Path;
use std::process::{Command, Output};

pub fn nianbao(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}
