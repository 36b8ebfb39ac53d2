//! The six tabs, one per section, all drawn through one small trait: the
//! three tables through the grid, the narrative sections as text fields.

use eframe::egui::{Id, ScrollArea, Ui};

use super::grid::{self, GridState, Overlay};
use super::overview;
use crate::form::{Section, layout};
use crate::report::Report;

/// What a tab draws and edits.
pub struct TabContext<'a> {
    pub report: &'a mut Report,
    pub grid: &'a mut GridState,
    pub overlay: Overlay<'a>,
}

pub trait TabView {
    fn show(&self, ui: &mut Ui, cx: &mut TabContext<'_>);
}

/// A table of the form, entered through the grid.
struct TableTab {
    section: Section,
    /// Built once: the layout does not change while the editor runs.
    table: layout::Table,
}

impl TabView for TableTab {
    fn show(&self, ui: &mut Ui, cx: &mut TabContext<'_>) {
        ui.heading(self.section.heading());
        grid::notice(ui, cx.grid);
        // The grid scrolls itself, under its frozen headings and labels.
        let id = Id::unique(("nianbao-grid", self.section));
        grid::show(ui, id, &self.table, cx.report, cx.grid, &cx.overlay);
    }
}

/// A narrative section, drawn by one of [`overview`]'s functions.
struct TextTab(fn(&mut Ui, &mut Report));

impl TabView for TextTab {
    fn show(&self, ui: &mut Ui, cx: &mut TabContext<'_>) {
        ScrollArea::both()
            .auto_shrink(false)
            .show(ui, |ui| (self.0)(ui, cx.report));
    }
}

/// One view per section, in [`Section::ALL`]'s order.
pub struct Tabs(Vec<Box<dyn TabView>>);

impl Tabs {
    pub fn new() -> Tabs {
        Tabs(Section::ALL.into_iter().map(view_of).collect())
    }

    pub fn view(&self, section: Section) -> &dyn TabView {
        let i = Section::ALL
            .iter()
            .position(|s| *s == section)
            .unwrap_or_default();
        self.0[i].as_ref()
    }
}

fn view_of(section: Section) -> Box<dyn TabView> {
    let table = |table| -> Box<dyn TabView> { Box::new(TableTab { section, table }) };
    match section {
        Section::Overview => Box::new(TextTab(overview::overview)),
        Section::Proactive => table(layout::proactive()),
        Section::Applications => table(layout::applications()),
        Section::Appeals => table(layout::appeals()),
        Section::Problems => Box::new(TextTab(overview::problems)),
        Section::OtherMatters => Box::new(TextTab(overview::other_matters)),
    }
}
