//! The findings the window shows, run again only when what the checks read
//! changed: the report, last year's, the importer's reading. Every frame used
//! to run every rule over every character of the report.
//!
//! Typing changes the report each frame. When a run of the checks is slow (a
//! long narrative), typing does not wait for each one: they run at most every
//! [`PAUSE`] while the text keeps changing, and once more when it settles.
//! A quick run (a report of ordinary length) never waits.

use std::time::{Duration, Instant};

use eframe::egui;

use crate::checks::{Finding, Reading};
use crate::report::Report;

/// A run slower than this lets typing go ahead of the findings.
const SLOW: Duration = Duration::from_millis(4);
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
    /// When the last run happened (egui's clock) and whether it was slow.
    last_run: f64,
    slow: bool,
}

impl Checked {
    /// The findings of `report`, running `run` only when the inputs changed
    /// since the last run (and, after a slow run, at least [`PAUSE`] later).
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
        let since = now - self.last_run;
        if self.slow && (0.0..PAUSE).contains(&since) {
            // Come back when they are due, even if the typing has stopped.
            ctx.request_repaint_after(Duration::from_secs_f64(PAUSE - since));
            return &self.findings;
        }
        let started = Instant::now();
        self.findings = run();
        self.slow = started.elapsed() > SLOW;
        self.last_run = now;
        self.inputs = Some(Inputs {
            report: report.clone(),
            prior: prior.cloned(),
            reading: reading.cloned(),
        });
        &self.findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs one frame at `time` seconds and returns the findings' messages.
    fn frame(
        ctx: &egui::Context,
        checked: &mut Checked,
        time: f64,
        report: &Report,
        slow: bool,
    ) -> Vec<String> {
        let mut out = Vec::new();
        let input = egui::RawInput {
            time: Some(time),
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| {
            let run = || {
                if slow {
                    std::thread::sleep(SLOW * 2);
                }
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
    fn a_quick_check_follows_every_keystroke() {
        let ctx = egui::Context::default();
        let mut checked = Checked::default();
        let mut r = crate::assets::sample();
        for (i, organ) in ["甲", "甲乙", "甲乙丙"].into_iter().enumerate() {
            r.organ = organ.into();
            let shown = frame(&ctx, &mut checked, i as f64 * 0.02, &r, false);
            assert_eq!(shown, vec![organ.to_string()]);
        }
    }

    #[test]
    fn a_slow_check_lets_typing_run_ahead_and_catches_up_after_a_pause() {
        let ctx = egui::Context::default();
        let mut checked = Checked::default();
        let mut r = crate::assets::sample();
        r.organ = "甲".into();
        assert_eq!(frame(&ctx, &mut checked, 1.0, &r, true), vec!["甲"]);
        r.organ = "甲乙".into();
        // Typed 20 ms later: the slow run is not repeated yet.
        assert_eq!(frame(&ctx, &mut checked, 1.02, &r, true), vec!["甲"]);
        // Once the pause has passed, the findings are of the text as it is.
        assert_eq!(
            frame(&ctx, &mut checked, 1.0 + PAUSE, &r, true),
            vec!["甲乙"]
        );
    }
}
