//! The editor window (eframe/egui). One module per part of the window; the
//! app applies queued commands once per frame, outside the drawing code.

mod app;
mod commands;
mod dialogs;
mod files;
mod findings;
pub mod fonts;
mod grid;
mod header;
mod overview;
mod start;

use std::path::PathBuf;

pub use app::{App, Document};
pub use commands::Command;
pub use grid::cell_id;

/// The window's application id (also the folder of its stored preferences).
pub const APP_ID: &str = "nianbao";

/// Open the editor window; returns when it is closed. `Err` says, in Chinese,
/// why no window could be opened.
pub fn run(path: Option<PathBuf>) -> Result<(), String> {
    let started = std::time::Instant::now();
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("年报编辑器")
            .with_app_id(APP_ID)
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true),
        // Every glyph comes from the embedded font, the same on every PC.
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let mut app = App::new(cc, path);
            // `NIANBAO_STARTUP_PROBE=1`: print the time to the first frame and
            // close (tools/measure-editor.sh).
            if std::env::var_os("NIANBAO_STARTUP_PROBE").is_some() {
                app.probe_startup(started);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| {
        format!(
            "无法打开编辑器窗口（{e}）。\n本程序需要图形界面（X11 或 Wayland）和支持 OpenGL 2.0 的显卡驱动；\
             远程桌面或虚拟机中请开启 3D 加速，或安装 Mesa 软件渲染。\n命令行检查（nianbao check …）不受影响。"
        )
    })
}
