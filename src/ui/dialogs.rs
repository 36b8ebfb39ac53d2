//! One dialog at a time, each a small struct whose `show` returns what the
//! clerk decided. The app owns an `Option<Dialog>`, so dialogs never stack.

use std::path::PathBuf;

use eframe::egui::{self, Id, Modal, TextEdit};

use super::Command;
use super::files::Purpose;

pub enum Dialog {
    /// Unsaved changes: 保存 / 不保存 / 取消, then `then`.
    Unsaved { name: String, then: Command },
    /// The built-in path prompt used when the system's file dialog is missing.
    Path {
        purpose: Purpose,
        text: String,
        reason: String,
    },
    /// The report has 错误: export anyway, or go back and fix them.
    ConfirmExport { errors: usize },
    /// Exported: open the file (PDF or web page) or its folder.
    Exported { path: PathBuf, what: &'static str },
    /// A copy autosaved before a crash: 恢复 / 放弃.
    Recover { what: String, age: String },
    /// The file changed on disk since it was opened: overwrite, save elsewhere, or not.
    ChangedOnDisk { path: PathBuf },
    /// A message to acknowledge (e.g. why a file could not be opened).
    Notice { title: String, text: String },
}

pub enum Outcome {
    Save(Command),
    Discard(Command),
    Path(Purpose, PathBuf),
    ExportAnyway,
    OpenExternally(PathBuf),
    Restore,
    DropRecovery,
    Overwrite(PathBuf),
    Then(Command),
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
                    ui.heading(purpose.title());
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
                Dialog::ConfirmExport { errors } => {
                    ui.heading("年报中还有错误");
                    ui.label(format!(
                        "检查发现{errors}个错误（见右侧“检查结果”）。带着错误导出的PDF不宜归档或公开。"
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("返回修改").clicked() {
                            outcome = Some(Outcome::Closed);
                        }
                        if ui.button("仍然导出").clicked() {
                            outcome = Some(Outcome::ExportAnyway);
                        }
                    });
                }
                Dialog::Exported { path, what } => {
                    ui.heading(format!("{what}已导出"));
                    ui.label(path.display().to_string());
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(format!("打开{what}")).clicked() {
                            outcome = Some(Outcome::OpenExternally(path.clone()));
                        }
                        if ui.button("打开所在文件夹").clicked() {
                            let folder = path.parent().map(PathBuf::from).unwrap_or_default();
                            outcome = Some(Outcome::OpenExternally(folder));
                        }
                        if ui.button("关闭").clicked() {
                            outcome = Some(Outcome::Closed);
                        }
                    });
                }
                Dialog::Recover { what, age } => {
                    ui.heading("恢复未保存的年报？");
                    ui.label(format!(
                        "上次程序意外关闭时，{what}还有未保存的修改，{age}自动保存了一份。"
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("恢复").clicked() {
                            outcome = Some(Outcome::Restore);
                        }
                        if ui.button("放弃").clicked() {
                            outcome = Some(Outcome::DropRecovery);
                        }
                    });
                }
                Dialog::ChangedOnDisk { path } => {
                    ui.heading("文件已被其他程序修改");
                    ui.label(format!(
                        "“{}”在打开之后被其他程序（或另一个窗口）修改过。覆盖保存会丢掉那些修改。",
                        path.display()
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("覆盖保存").clicked() {
                            outcome = Some(Outcome::Overwrite(path.clone()));
                        }
                        if ui.button("另存为…").clicked() {
                            outcome = Some(Outcome::Then(Command::SaveAs));
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
