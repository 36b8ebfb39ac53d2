//! `nianbao`: the editor when run without a subcommand, else the command line
//! of DESIGN.md.

// A release build on Windows opens no console window behind the editor.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

mod cli;

use std::process::ExitCode;

/// mimalloc, not the C library's allocator: checking a folder of published
/// text pages spent a quarter of its time in glibc's malloc and free, and is
/// about 15–30 % faster with it (tools/bench-check.sh). The editor has it give
/// back what start-up freed (desktop::give_back_freed_memory).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    nianbao::desktop::attach_console();
    let command = match cli::parse(std::env::args_os().skip(1).collect()) {
        Ok(c) => c,
        Err(cli::UsageError { message, usage }) => {
            eprintln!("{message}\n\n{usage}");
            return ExitCode::from(cli::EXIT_UNREADABLE);
        }
    };
    match command {
        cli::Command::Editor(path) => match nianbao::ui::run(path) {
            Ok(()) => ExitCode::SUCCESS,
            Err(msg) => {
                nianbao::desktop::report_fatal(&msg);
                ExitCode::from(cli::EXIT_UNREADABLE)
            }
        },
        other => ExitCode::from(cli::run(other)),
    }
}
