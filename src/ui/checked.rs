//! The findings the window shows, run again only when what the checks read
//! changed: the report, last year's, the importer's reading. Every frame used
//! to run every rule over every character of the report.
//!
//! Typing changes the report each frame. In a long report (the checks take
//! milliseconds over 20 000 characters) typing does not wait for each run:
//! they run at most every [`PAUSE`] while the text keeps changing, and once
//! more when it settles. A report of ordinary length is checked at every
//! keystroke, as before. (Length, not a measured time, decides: the same
//! report behaves the same on every machine and in tests.)

use std::time::Duration;

use eframe::egui;

use crate::checks::{Finding, Reading};
use crate::report::Report;

/// A report with more text than this (bytes of UTF-8, about 5 000
/// characters) lets typing go ahead of the findings.
const LONG: usize = 15_000;
/// How long findings may lag the text while typing goes on, seconds.
const PAUSE: f64 = 0.3;

/// What a run of the checks read.
#[derive(PartialEq)]
struct Inputs {
    report: Report,
    prior: Option<Report>,
    reading: Option<Reading>,
}

#[derive(Default)]
pub struct Checked {
    inputs: Option<Inputs>,
    findings: Vec<Finding>,
    /// When the last run happened (egui's clock); `None` before the first.
    last_run: Option<f64>,
}

impl Checked {
    /// The findings of `report`, running `run` only when the inputs changed
    /// since the last run (and, for a long report, at least [`PAUSE`] later).
    pub fn findings(
        &mut self,
        ctx: &egui::Context,
        report: &Report,
        prior: Option<&Report>,
        reading: Option<&Reading>,
        run: impl FnOnce() -> Vec<Finding>,
    ) -> &[Finding] {
        let unchanged = self.inputs.as_ref().is_some_and(|i| {
            i.report == *report && i.prior.as_ref() == prior && i.reading.as_ref() == reading
        });
        if unchanged {
            return &self.findings;
        }
        let now = ctx.input(|i| i.time);
        // Only typing may run ahead: a report's first findings, and those
        // after last year's report or the importer's reading changed, come at
        // once (never "no problems" for a report not yet checked).
        let typing = self
            .inputs
            .as_ref()
            .is_some_and(|i| i.prior.as_ref() == prior && i.reading.as_ref() == reading);
        let since = self.last_run.map_or(f64::INFINITY, |t| now - t);
        if typing && text_len(report) > LONG && (0.0..PAUSE).contains(&since) {
            // Come back when they are due, even if the typing has stopped.
            ctx.request_repaint_after(Duration::from_secs_f64(PAUSE - since));
            return &self.findings;
        }
        self.findings = run();
        self.last_run = Some(now);
        self.inputs = Some(Inputs {
            report: report.clone(),
            prior: prior.cloned(),
            reading: reading.cloned(),
        });
        &self.findings
    }
}

/// The report's free text (`Report::texts`), in bytes: what the checks'
/// time grows with.
fn text_len(r: &Report) -> usize {
    r.texts().iter().map(|(_, t)| t.len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs one frame at `time` seconds and returns the findings' messages
    /// (here: the organ's name, as the checks last saw it).
    fn frame(
        ctx: &egui::Context,
        checked: &mut Checked,
        time: f64,
        report: &Report,
    ) -> Vec<String> {
        let mut out = Vec::new();
        let input = egui::RawInput {
            time: Some(time),
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| {
            let run = || {
                vec![Finding {
                    id: crate::checks::Rule::FontMissingGlyph,
                    severity: crate::checks::Severity::Error,
                    cells: Vec::new(),
                    message: report.organ.clone(),
                }]
            };
            out = checked
                .findings(ui.ctx(), report, None, None, run)
                .iter()
                .map(|f| f.message.clone())
                .collect();
        });
        // No renderer here to take the font atlas.
        output.textures_delta.clear();
        out
    }

    #[test]
    fn a_report_of_ordinary_length_is_checked_at_every_keystroke() {
        let ctx = egui::Context::default();
        let mut checked = Checked::default();
        let mut r = crate::assets::sample();
        for (i, organ) in ["甲", "甲乙", "甲乙丙"].into_iter().enumerate() {
            r.organ = organ.into();
            let shown = frame(&ctx, &mut checked, i as f64 * 0.02, &r);
            assert_eq!(shown, vec![organ.to_string()]);
        }
    }

    #[test]
    fn a_long_reports_first_findings_come_at_once() {
        let ctx = egui::Context::default();
        let mut checked = Checked::default();
        let mut r = crate::assets::sample();
        r.overview.intro = "政务公开".repeat(5_000);
        r.organ = "甲".into();
        // The window's clock starts near 0, as the first frame's does.
        assert_eq!(frame(&ctx, &mut checked, 0.0, &r), vec!["甲"]);
    }

    #[test]
    fn in_a_long_report_typing_runs_ahead_and_the_findings_catch_up_after_a_pause() {
        let ctx = egui::Context::default();
        let mut checked = Checked::default();
        let mut r = crate::assets::sample();
        r.overview.intro = "政务公开".repeat(5_000);
        r.organ = "甲".into();
        assert_eq!(frame(&ctx, &mut checked, 1.0, &r), vec!["甲"]);
        r.organ = "甲乙".into();
        // Typed 20 ms later: not checked again yet.
        assert_eq!(frame(&ctx, &mut checked, 1.02, &r), vec!["甲"]);
        // Once the pause has passed, the findings are of the text as it is.
        assert_eq!(frame(&ctx, &mut checked, 1.0 + PAUSE, &r), vec!["甲乙"]);
    }
}
