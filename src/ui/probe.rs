//! Measuring probes for tools/measure-editor.sh: set by an environment
//! variable, they drive the real window, print their figures on standard
//! output and close it.
//!
//! `NIANBAO_TYPING_PROBE=N`: types one character a frame into 一、总体情况's
//! 导语 (the report opened should have a long one), with the cursor in the
//! middle of it, for N frames after a few to settle, and prints the time
//! between frames (what the clerk sees: input, checks, layout, painting and
//! the software renderer's flush), eframe's own frame time (without the
//! flush) and the CPU time the whole process spent a frame (the renderer's
//! threads too; what load on a shared machine changes least).

use std::time::Instant;

use eframe::egui::{self, text::CCursor, text::CCursorRange, text_edit::TextEditState};

use super::cell_id;
use crate::report::CellRef;

/// Frames before measuring: the first ones lay out and rasterise everything.
const SETTLE: usize = 10;
/// Typed each frame: a common character, so no glyph is new after the first.
const TYPED: &str = "政";

pub struct Typing {
    frames: usize,
    frame: usize,
    last: Option<Instant>,
    /// Milliseconds between consecutive frames.
    intervals: Vec<f32>,
    /// eframe's frame time, milliseconds.
    cpu: Vec<f32>,
    start_len: usize,
    /// The process's CPU time (all threads, the renderer's too) when
    /// measuring began.
    cpu_start: Option<f64>,
}

impl Typing {
    /// The probe `NIANBAO_TYPING_PROBE` asks for, if any.
    pub fn from_env() -> Option<Typing> {
        let frames = std::env::var("NIANBAO_TYPING_PROBE")
            .ok()?
            .trim()
            .parse()
            .ok()?;
        Some(Typing {
            frames,
            frame: 0,
            last: None,
            intervals: Vec::new(),
            cpu: Vec::new(),
            start_len: 0,
            cpu_start: None,
        })
    }

    /// Before the frame's input is read: one character typed, once the field
    /// has the focus.
    pub fn input(&self, raw: &mut egui::RawInput) {
        if self.frame > 1 {
            raw.events.push(egui::Event::Text(TYPED.into()));
        }
    }

    /// At the start of a frame. `text` is the field typed into; returns true
    /// when done and the window should close.
    pub fn frame(&mut self, ctx: &egui::Context, frame: &eframe::Frame, text: &str) -> bool {
        let now = Instant::now();
        let id = cell_id(CellRef::OverviewIntro);
        if self.frame == 0 {
            // Focus the field with the cursor mid-text, where typing relays
            // out the most.
            self.start_len = text.chars().count();
            let mut state = TextEditState::load(ctx, id).unwrap_or_default();
            state
                .cursor
                .set_char_range(Some(CCursorRange::one(CCursor::new(self.start_len / 2))));
            state.store(ctx, id);
            ctx.memory_mut(|m| m.request_focus(id));
        }
        if self.frame == SETTLE {
            self.cpu_start = process_cpu_ms();
        }
        if self.frame > SETTLE {
            if let Some(last) = self.last {
                self.intervals
                    .push(now.duration_since(last).as_secs_f32() * 1000.0);
            }
            if let Some(cpu) = frame.info().cpu_usage {
                self.cpu.push(cpu * 1000.0);
            }
        }
        self.last = Some(now);
        self.frame += 1;
        ctx.request_repaint();
        if self.intervals.len() < self.frames {
            return false;
        }
        let typed = text.chars().count().saturating_sub(self.start_len);
        println!("typing_text_chars {}", self.start_len);
        println!("typing_chars_typed {typed}");
        if let (Some(a), Some(b)) = (self.cpu_start, process_cpu_ms()) {
            let per_frame = (b - a) / self.intervals.len() as f64;
            println!("typing_process_cpu_ms_per_frame {per_frame:.1}");
        }
        report("typing_frame_ms", &mut self.intervals);
        report("typing_cpu_ms", &mut self.cpu);
        true
    }
}

/// User and system time of the whole process so far (Linux: /proc), in
/// milliseconds: load on the machine slows a frame but hardly changes it.
fn process_cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    // USER_HZ is 100 on every Linux this runs on.
    Some(ticks * 10.0)
}

/// `name_mean`, `name_p95` and `name_max` of `v`.
fn report(name: &str, v: &mut [f32]) {
    if v.is_empty() {
        return;
    }
    v.sort_by(f32::total_cmp);
    let mean = v.iter().sum::<f32>() / v.len() as f32;
    let p95 = v[(v.len() * 95 / 100).min(v.len() - 1)];
    let max = v[v.len() - 1];
    println!("{name}_mean {mean:.1}");
    println!("{name}_p95 {p95:.1}");
    println!("{name}_max {max:.1}");
}
