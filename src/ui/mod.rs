//! The editor window (eframe/egui). One module per part of the window; the
//! app applies queued commands once per frame, outside the drawing code.

mod app;
mod autosave;
mod checked;
mod commands;
mod dialogs;
mod document;
mod file_ops;
mod files;
mod findings;
pub mod fonts;
mod grid;
mod header;
mod long_text;
mod overview;
mod preview;
mod probe;
mod start;
mod tabs;
mod view;

use std::path::PathBuf;

pub use app::App;
pub use commands::Command;
pub use document::Document;
pub use grid::cell_id;

/// The window's application id (also the folder of its stored preferences).
pub const APP_ID: &str = "nianbao";

/// The user's data folder for this program, where the window keeps its
/// recovery copies (and eframe its preferences). Only the window itself
/// uses it: an editor in a test is given a temporary folder instead.
pub fn data_dir() -> Option<PathBuf> {
    eframe::storage_dir(APP_ID)
}

/// The environment variable that forces one renderer (`glow` or `wgpu`).
pub const RENDERER_VARIABLE: &str = "NIANBAO_RENDERER";

/// Open the editor window; returns when it is closed. `Err` says, in Chinese,
/// why no window could be opened.
///
/// Renderers are tried in order until one starts: glow (OpenGL 2+) first, it
/// starts fastest and draws fastest in software; on Windows then wgpu, whose
/// DirectX 12 path runs on the WARP software adapter of PCs whose driver (a VM,
/// a remote-desktop session) offers only OpenGL 1.1. eframe keeps one event
/// loop per thread, so a second `run_native` after a failed one is allowed.
pub fn run(path: Option<PathBuf>) -> Result<(), String> {
    let started = std::time::Instant::now();
    crate::desktop::keep_freed_memory();
    let choice = std::env::var(RENDERER_VARIABLE).ok();
    let renderers = renderer_order(choice.as_deref())?;
    let mut failures = Vec::new();
    for renderer in renderers {
        match run_with(renderer, path.clone(), started) {
            Ok(()) => return Ok(()),
            Err(e) => failures.push(format!("{renderer}：{e}")),
        }
    }
    Err(format!(
        "无法打开编辑器窗口（{}）。\n本程序需要图形界面和支持 OpenGL 2.0 的显卡驱动{}；\
         远程桌面或虚拟机中请开启 3D 加速，或安装 Mesa 软件渲染。\n命令行检查（nianbao check …）不受影响。",
        failures.join("；"),
        if cfg!(windows) {
            "或 DirectX 12"
        } else {
            "（X11 或 Wayland）"
        },
    ))
}

/// The renderers to try, in order: all those built in, or the one
/// `NIANBAO_RENDERER` names.
pub fn renderer_order(choice: Option<&str>) -> Result<Vec<eframe::Renderer>, String> {
    #[cfg_attr(not(windows), expect(unused_mut))]
    let mut built_in = vec![eframe::Renderer::Glow];
    #[cfg(windows)]
    built_in.push(eframe::Renderer::Wgpu);
    let Some(name) = choice.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(built_in);
    };
    // eframe's FromStr ignores case.
    match name.parse::<eframe::Renderer>() {
        Ok(r) if built_in.contains(&r) => Ok(vec![r]),
        _ => Err(format!(
            "环境变量 {RENDERER_VARIABLE}={name} 无法识别：本程序可用的渲染方式为 {}；\
             删除该变量即自动选择。",
            built_in
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、")
        )),
    }
}

fn run_with(
    renderer: eframe::Renderer,
    path: Option<PathBuf>,
    started: std::time::Instant,
) -> Result<(), eframe::Error> {
    let icon = eframe::icon_data::from_png_bytes(&crate::assets::icon_png()).unwrap_or_default();
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("年报编辑器")
            .with_app_id(APP_ID)
            .with_icon(icon)
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true),
        renderer,
        // Every glyph comes from the embedded font, the same on every PC.
        system_font_fallback: false,
        // Dithering smooths gradients, of which the window has none, and
        // costs the software renderer a fifth of its time a frame.
        dithering: false,
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let mut app = App::new(cc, path, data_dir());
            app.paint_panels_by_clearing(&cc.egui_ctx);
            app.give_back_start_up_memory();
            // `NIANBAO_STARTUP_PROBE=1`: print the time to the first frame and
            // close (tools/measure-editor.sh).
            if std::env::var_os("NIANBAO_STARTUP_PROBE").is_some() {
                app.probe_startup(started);
            }
            Ok(Box::new(app))
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glow_comes_first_and_the_variable_forces_one() {
        assert_eq!(renderer_order(None).unwrap()[0], eframe::Renderer::Glow);
        assert_eq!(
            renderer_order(Some("")).unwrap(),
            renderer_order(None).unwrap()
        );
        assert_eq!(
            renderer_order(Some(" GLOW ")).unwrap(),
            vec![eframe::Renderer::Glow]
        );
        #[cfg(windows)]
        assert_eq!(
            renderer_order(Some("wgpu")).unwrap(),
            vec![eframe::Renderer::Wgpu]
        );
    }

    #[test]
    fn an_unknown_renderer_is_refused_with_the_choices() {
        let e = renderer_order(Some("directx")).unwrap_err();
        assert!(e.contains("NIANBAO_RENDERER=directx"), "{e}");
        assert!(e.contains("glow"), "{e}");
        #[cfg(not(windows))]
        assert!(renderer_order(Some("wgpu")).is_err());
    }
}
