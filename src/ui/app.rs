//! The editor: the open report, the tab shown, the dialog (at most one), the
//! commands queued this frame — and the frame itself, in order: input,
//! commands, the view, the dialog, autosave, undo history, title. The parts
//! live beside it: `document`, `commands`, `autosave`, `file_ops`, `view`,
//! `dialogs`.

use std::path::PathBuf;

use eframe::egui::{self, Panel, Ui, ViewportCommand};

use super::autosave::Autosave;
use super::dialogs::{Dialog, Unsaved};
use super::document::Document;
use super::grid::GridState;
use super::preview::Preview;
use super::tabs::Tabs;
use super::{Command, findings, start};
use crate::checks::{self, Finding};
use crate::fonts::Coverage;
use crate::form::Section;
use crate::report::Report;

const RECENT_KEY: &str = "recent_files";
const AUTO_SUM_KEY: &str = "auto_sum";
/// Ctrl+plus and Ctrl+minus (egui's own keys; Ctrl+0 resets).
const ZOOM_KEY: &str = "zoom";

pub struct App {
    pub doc: Option<Document>,
    /// Last year's report, as the open one's `prior` names it: for the
    /// cross-year checks and 对比上年 in the grids.
    pub prior: Option<Report>,
    /// What the importer said of a report just imported (`import.unplaced`,
    /// `structure.sections`, and the cells it left blank, which are not the
    /// publisher's blanks): kept until another report is opened.
    pub reading: Option<checks::Reading>,
    pub tab: Section,
    pub auto_sum: bool,
    /// Use the system's file dialogs; when off, the built-in path prompt.
    pub native_dialogs: bool,
    pub(super) grid: GridState,
    /// The findings panel: open or folded, and how wide.
    pub(super) findings_panel: findings::PanelLayout,
    /// The zoom of the window, as last seen, to keep between runs.
    zoom: f32,
    pub(super) dialog: Option<Box<dyn Dialog>>,
    pub(super) queue: Vec<Command>,
    /// The last thing done or refused, shown in the status line.
    pub(super) status: String,
    pub(super) recent: Vec<PathBuf>,
    coverage: Coverage,
    /// The findings shown, run again only when the report changed.
    checked: super::checked::Checked,
    pub(super) tabs: Tabs,
    /// 打印预览 (its window, zoom and the pages last laid out).
    pub(super) preview: Preview,
    /// Set once the clerk has agreed to close despite unsaved changes.
    pub(super) closing: bool,
    pub(super) title: String,
    /// When set, the first frame prints the time since this instant and closes.
    startup_probe: Option<std::time::Instant>,
    /// `NIANBAO_TYPING_PROBE`: types into the 导语 and prints frame times.
    typing_probe: Option<super::probe::Typing>,
    /// When (egui's clock, seconds) the desktop editor gives back the
    /// memory start-up freed; see [`App::give_back_start_up_memory`].
    give_back_at: Option<f64>,
    pub(super) recovery: Autosave,
    /// The panels' colours, light and dark, once the window paints them by
    /// clearing (see [`App::paint_panels_by_clearing`]).
    panel_clear: Option<[egui::Color32; 2]>,
}

impl App {
    /// The editor, opening `path` if given. `data_dir`: the folder for the
    /// editor's own files — recovery copies go in its `recovery` folder;
    /// `None`, no autosave. The window passes the user's data folder
    /// ([`super::data_dir`]); tests pass a temporary one, so that they never
    /// meet (or leave) a real recovery copy.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        path: Option<PathBuf>,
        data_dir: Option<PathBuf>,
    ) -> App {
        super::fonts::install(&cc.egui_ctx);
        // Office software is light; a dark window looks broken next to WPS.
        cc.egui_ctx.set_theme(egui::Theme::Light);
        let storage = cc.storage;
        let zoom = storage
            .and_then(|s| eframe::get_value::<f32>(s, ZOOM_KEY))
            .filter(|z| z.is_finite() && (0.2..=5.0).contains(z))
            .unwrap_or(1.0);
        cc.egui_ctx.set_zoom_factor(zoom);
        let mut app = App {
            doc: None,
            prior: None,
            reading: None,
            tab: Section::Overview,
            auto_sum: storage
                .and_then(|s| eframe::get_value(s, AUTO_SUM_KEY))
                .unwrap_or(true),
            native_dialogs: true,
            grid: GridState::default(),
            findings_panel: findings::PanelLayout::load(storage),
            zoom,
            dialog: None,
            queue: Vec::new(),
            status: String::new(),
            recent: storage
                .and_then(|s| eframe::get_value(s, RECENT_KEY))
                .unwrap_or_default(),
            coverage: Coverage::print(),
            checked: Default::default(),
            tabs: Tabs::new(),
            preview: Preview::default(),
            closing: false,
            title: String::new(),
            startup_probe: None,
            typing_probe: super::probe::Typing::from_env(),
            give_back_at: None,
            recovery: Autosave::new(data_dir.map(|d| d.join("recovery"))),
            panel_clear: None,
        };
        if let Some(p) = path {
            app.open_path(&p);
        }
        app
    }

    pub fn probe_startup(&mut self, started: std::time::Instant) {
        self.startup_probe = Some(started);
    }

    /// In the desktop editor: a second after start, when the first frames
    /// are drawn, give back what start-up freed (fonts parsed, the first
    /// layouts) and unmap the pages of code and fonts start-up read (see
    /// `desktop::unmap_read_only_file_pages`). The allocator otherwise keeps
    /// freed pages until it next allocates, and an editor left idle would
    /// hold them for good.
    pub fn give_back_start_up_memory(&mut self) {
        self.give_back_at = Some(1.0);
    }

    /// Whether the memory start-up freed is still to be given back.
    pub fn giving_back_pending(&self) -> bool {
        self.give_back_at.is_some()
    }

    /// Queue a command, as a menu item or shortcut does.
    pub fn enqueue(&mut self, command: Command) {
        self.queue.push(command);
    }

    pub fn status(&self) -> &str {
        &self.status
    }

    /// Start editing `report` as if just opened from `path`. The report it
    /// replaces was saved or deliberately dropped: its recovery copy goes.
    pub fn set_document(&mut self, report: Report, path: Option<PathBuf>) {
        self.forget_recovery();
        self.doc = Some(Document::new(report, path));
        // Another report's findings are never shown for this one.
        self.checked = Default::default();
        self.reading = None;
        self.grid.reset();
        self.tab = Section::Overview;
        self.load_prior();
    }

    pub fn findings(&self) -> Vec<Finding> {
        match &self.doc {
            Some(d) => checks::run_read(
                &d.report,
                self.prior.as_ref(),
                &|c| self.coverage.covers(c),
                self.reading.as_ref(),
            ),
            None => Vec::new(),
        }
    }

    /// [`App::findings`] for this frame: the last run's while the report is
    /// unchanged (see `ui::checked`).
    fn frame_findings(&mut self, ctx: &egui::Context) -> Vec<Finding> {
        let Some(doc) = &self.doc else {
            return Vec::new();
        };
        let (prior, reading, coverage) =
            (self.prior.as_ref(), self.reading.as_ref(), &self.coverage);
        self.checked
            .findings(ctx, &doc.report, prior, reading, || {
                checks::run_read(&doc.report, prior, &|c| coverage.covers(c), reading)
            })
            .to_vec()
    }

    fn handle_input(&mut self, ctx: &egui::Context) {
        // App shortcuts are taken before any text field sees them, so that
        // Ctrl+Z undoes once, through the app's history.
        ctx.input_mut(|i| {
            for (command, shortcut) in &Command::WITH_SHORTCUTS {
                if i.consume_shortcut(shortcut) {
                    self.queue.push(command.clone());
                }
            }
        });
        let dropped: Option<PathBuf> =
            ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()));
        if let Some(p) = dropped {
            self.queue.push(Command::OpenPath(p));
        }
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        match &self.doc {
            Some(doc) if doc.is_dirty() && !self.closing => {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.ask(Unsaved {
                    name: doc.name(),
                    then: Command::Quit,
                });
            }
            // A clean close: nothing to recover next time.
            _ => self.forget_recovery(),
        }
    }

    /// Paint the panels by clearing the window in their colour, not by
    /// filling each with it: the look is the same, but on a software renderer
    /// (Mesa's llvmpipe, a PC or VM without its graphics driver) every pixel
    /// filled costs, and the panels covered the whole window once more each
    /// frame — 10 of 27 ms of CPU a frame while typing (tools/measure-editor.sh).
    /// The window calls this ([`super::run`]); tests rendering images do not,
    /// since their renderer clears to transparent.
    pub fn paint_panels_by_clearing(&mut self, ctx: &egui::Context) {
        let take = |theme| {
            let mut fill = egui::Color32::TRANSPARENT;
            ctx.style_mut_of(theme, |style| {
                fill = std::mem::replace(&mut style.visuals.panel_fill, egui::Color32::TRANSPARENT);
            });
            fill
        };
        if self.panel_clear.is_none() {
            self.panel_clear = Some([take(egui::Theme::Light), take(egui::Theme::Dark)]);
        }
    }
}

impl eframe::App for App {
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        let fill = match self.panel_clear {
            Some([light, dark]) => {
                if visuals.dark_mode {
                    dark
                } else {
                    light
                }
            }
            None => visuals.panel_fill,
        };
        fill.to_normalized_gamma_f32()
    }

    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.zoom = ctx.zoom_factor();
        if let Some(probe) = &mut self.typing_probe {
            let text = self.doc.as_ref().map_or("", |d| &d.report.overview.intro);
            if probe.frame(&ctx, frame, text) {
                self.typing_probe = None;
                self.closing = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
        self.handle_input(&ctx);
        for command in std::mem::take(&mut self.queue) {
            self.apply(command, &ctx, false);
        }
        Panel::top("nianbao-menu").show(ui, |ui| self.menu_bar(ui));
        if self.doc.is_some() {
            let findings = self.frame_findings(&ctx);
            self.document_ui(ui, &findings);
            if let Some(doc) = &self.doc {
                self.preview.show(&ctx, &doc.report, &mut self.queue);
            }
        } else {
            let recent = self.recent.clone();
            egui::CentralPanel::default().show(ui, |ui| start::show(ui, &recent, &mut self.queue));
        }
        self.show_dialog(&ctx);
        self.autosave_when_due(&ctx);
        if let Some(doc) = &mut self.doc {
            doc.undoer.feed_state(ctx.input(|i| i.time), &doc.report);
        }
        self.update_title(&ctx);
        if let Some(at) = self.give_back_at {
            let now = ctx.input(|i| i.time);
            if now >= at {
                crate::desktop::give_back_freed_memory();
                crate::desktop::unmap_read_only_file_pages();
                self.give_back_at = None;
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(at - now));
            }
        }
        if let Some(started) = self.startup_probe.take() {
            println!("first_frame_ms {}", started.elapsed().as_millis());
            self.closing = true;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if let Some(probe) = &self.typing_probe {
            probe.input(raw_input);
        }
        super::fonts::limit_atlas(raw_input);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, RECENT_KEY, &self.recent);
        eframe::set_value(storage, AUTO_SUM_KEY, &self.auto_sum);
        eframe::set_value(storage, ZOOM_KEY, &self.zoom);
        self.findings_panel.save(storage);
    }
}
