//! The system's file dialogs (rfd), and telling when there is none.
//!
//! On Linux rfd talks to xdg-desktop-portal (or zenity); where neither runs it
//! returns `None` at once, exactly as if the clerk had cancelled. A dialog
//! that "was cancelled" faster than a person can react was never shown, so
//! the editor offers its own path prompt instead of silently doing nothing.

use std::path::PathBuf;
use std::time::{Duration, Instant};

pub enum Pick {
    Chosen(PathBuf),
    Cancelled,
    /// No dialog could be shown; the text says why, for the clerk.
    Unavailable(String),
}

const FILTER_NAME: &str = "年报文件";
const EXTENSIONS: [&str; 1] = ["json"];

fn missing_backend() -> Option<String> {
    if cfg!(target_os = "linux") {
        let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
        let has_zenity = std::env::var_os("PATH")
            .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join("zenity").is_file()));
        if !has_bus && !has_zenity {
            return Some("系统中没有 xdg-desktop-portal 或 zenity".into());
        }
    }
    None
}

fn pick(run: impl FnOnce() -> Option<PathBuf>) -> Pick {
    if let Some(why) = missing_backend() {
        return Pick::Unavailable(why);
    }
    let started = Instant::now();
    match run() {
        Some(p) => Pick::Chosen(p),
        None if started.elapsed() < Duration::from_millis(150) => {
            Pick::Unavailable("文件选择窗口没有出现，可能缺少 xdg-desktop-portal".into())
        }
        None => Pick::Cancelled,
    }
}

pub fn pick_open() -> Pick {
    pick(|| {
        rfd::FileDialog::new()
            .set_title("打开年报文件")
            .add_filter(FILTER_NAME, &EXTENSIONS)
            .pick_file()
    })
}

pub fn pick_save(suggested: &str) -> Pick {
    pick(|| {
        rfd::FileDialog::new()
            .set_title("保存年报文件")
            .add_filter(FILTER_NAME, &EXTENSIONS)
            .set_file_name(suggested)
            .save_file()
    })
}
