//! 帮助: what each rule means, how to put it right (the same text as
//! `nianbao check --explain`), opened from the 帮助 menu or from a finding.

use eframe::egui::{self, RichText, ScrollArea};

use super::{Dialog, Outcome, modal};
use crate::checks::Rule;
use crate::help::{self, Explanation};

pub struct Help {
    /// The rule shown; `None` for the list of every rule.
    pub rule: Option<Rule>,
}

impl Dialog for Help {
    fn show(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        let all = help::explanations();
        modal(ctx, |ui| {
            // A fixed size: the dialog stays put as the clerk moves from the
            // list to a rule and back.
            ui.set_width(560.0);
            ui.heading("使用说明");
            ui.label(GUIDE);
            ui.separator();
            // Its height fixed from the first frame (an area that took the
            // room left would grow frame by frame, moving the dialog and its
            // 关闭 up under the pointer); lower on a small screen, so that
            // 关闭 stays in the window.
            let height = (ctx.content_rect().height() - 280.0).clamp(160.0, 360.0);
            ScrollArea::vertical()
                .auto_shrink(false)
                .min_scrolled_height(height)
                .max_height(height)
                .show(ui, |ui| {
                    match self.rule.and_then(|r| all.iter().find(|e| e.rule == r)) {
                        Some(e) => explanation(ui, e),
                        None => {
                            ui.label("检查规则（点击查看说明）：");
                            for e in &all {
                                let text = format!(
                                    "{}（{}，{}）",
                                    e.title,
                                    e.rule,
                                    e.rule.severity().label()
                                );
                                if ui.link(text).clicked() {
                                    self.rule = Some(e.rule);
                                }
                            }
                        }
                    }
                });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if self.rule.is_some() && ui.button("全部规则").clicked() {
                    self.rule = None;
                }
                ui.button("关闭").clicked().then_some(Outcome::Closed)
            })
            .inner
        })
    }
}

fn explanation(ui: &mut egui::Ui, e: &Explanation) {
    ui.label(
        RichText::new(format!(
            "{}（{}，{}）",
            e.title,
            e.rule,
            e.rule.severity().label()
        ))
        .strong(),
    );
    for (part, text) in [
        ("说明", &e.what),
        ("示例", &e.example),
        ("如何修改", &e.fix),
    ] {
        ui.add_space(4.0);
        ui.label(RichText::new(part).strong());
        ui.label(text.as_str());
    }
}

/// How to fill the form, in a few lines.
const GUIDE: &str = "顶部填写机关名称和年度；六个标签页对应年报的六个部分，表二、表三、表四与正式表格一致。\
表格中直接输入数字，Tab、回车、方向键移动；空格不等于0，没有发生的请填0。\
右侧“检查结果”随输入即时更新：点击一条转到相关单元格，点“说明”查看这条规则检查什么、如何修改。\
屏幕较小时：表格的表头和左侧标签固定不动，数字可上下左右滚动，拖动标签列的右边线可以调窄；\
“检查结果”点“收起”只留错误、警告、提示的数目；Ctrl+加号、Ctrl+减号放大缩小，Ctrl+0 恢复。\
“文件”菜单可从上年年报创建、导入已发布的年报，导出PDF、OFD、网页和Word文档。";
