//! One dialog at a time, each a small struct whose `show` returns what the
//! clerk decided. The app owns an `Option<Dialog>`, so dialogs never stack.

use std::path::PathBuf;

use eframe::egui::{self, Id, Modal, TextEdit};

use super::Command;

/// What a path is asked for when no file dialog can be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
}

pub enum Dialog {
    /// Unsaved changes: 保存 / 不保存 / 取消, then `then`.
    Unsaved { name: String, then: Command },
    /// The built-in path prompt used when the system's file dialog is missing.
    Path {
        purpose: PathPurpose,
        text: String,
        reason: String,
    },
    /// A message to acknowledge (e.g. why a file could not be opened).
    Notice { title: String, text: String },
}

pub enum Outcome {
    Save(Command),
    Discard(Command),
    Path(PathPurpose, PathBuf),
    Closed,
}

impl Dialog {
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        let mut outcome = None;
        let modal = Modal::new(Id::unique("nianbao-dialog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            match self {
                Dialog::Unsaved { name, then } => {
                    ui.heading("保存修改？");
                    ui.label(format!(
                        "“{name}”有尚未保存的修改。不保存的话，这些修改会丢失。"
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("保存").clicked() {
                            outcome = Some(Outcome::Save(then.clone()));
                        }
                        if ui.button("不保存").clicked() {
                            outcome = Some(Outcome::Discard(then.clone()));
                        }
                        if ui.button("取消").clicked() {
                            outcome = Some(Outcome::Closed);
                        }
                    });
                }
                Dialog::Path {
                    purpose,
                    text,
                    reason,
                } => {
                    ui.heading(match purpose {
                        PathPurpose::Open => "打开年报文件",
                        PathPurpose::SaveAs => "保存年报文件",
                    });
                    ui.label(format!(
                        "未能打开系统的文件选择窗口（{reason}）。请直接输入文件的完整路径："
                    ));
                    let label = ui.label("文件路径");
                    let response = ui
                        .add(TextEdit::singleline(text).desired_width(f32::INFINITY))
                        .labelled_by(label.id);
                    let entered =
                        response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.horizontal(|ui| {
                        if (ui.button("确定").clicked() || entered) && !text.trim().is_empty() {
                            outcome = Some(Outcome::Path(*purpose, PathBuf::from(text.trim())));
                        }
                        if ui.button("取消").clicked() {
                            outcome = Some(Outcome::Closed);
                        }
                    });
                }
                Dialog::Notice { title, text } => {
                    ui.heading(title.as_str());
                    ui.label(text.as_str());
                    ui.add_space(8.0);
                    if ui.button("知道了").clicked() {
                        outcome = Some(Outcome::Closed);
                    }
                }
            }
        });
        if outcome.is_none() && modal.should_close() {
            outcome = Some(Outcome::Closed);
        }
        outcome
    }
}
