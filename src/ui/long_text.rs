//! Laying out a narrative field that holds a very long paragraph. egui lays a
//! field out again at every keystroke, each paragraph (the text between line
//! breaks) on its own and the unchanged ones from its cache; so a paragraph
//! of 20 000 characters, pasted from a converter that lost the line breaks,
//! is laid out whole every frame: 6 of the 17 ms a frame took under the
//! software renderer (tools/measure-editor.sh).
//!
//! Here a long paragraph is laid out in pieces of [`PIECE_ROWS`] rows, each
//! from the start of its first row, and an edit lays out again only the
//! pieces from the one it falls in. The rows after it cannot be kept: a row
//! of Chinese holds a fixed number of characters, so one character inserted
//! moves the start of every row after it. The pieces depend on the text
//! alone, never on the edits that made it, so the layout is the same however
//! the text came about. They differ from egui's layout of the paragraph in
//! one go by at most a pixel in a glyph's place: egui snaps each glyph to
//! pixels counting from where the layout starts.
//!
//! Every other paragraph, and every field without a long one, is egui's own
//! layout of the job egui's `TextEdit` makes.

use std::sync::Arc;

use eframe::egui::{
    self, Align, Galley, TextBuffer, TextStyle, Ui,
    text::{ByteIndex, LayoutJob},
};

/// A paragraph at least this long (bytes; 1 000 Chinese characters) is laid
/// out in pieces. Shorter ones lay out in well under a millisecond.
const LONG: usize = 3_000;

/// Rows in a piece of a long paragraph (the last piece has up to one more).
const PIECE_ROWS: usize = 32;

/// A long paragraph's last layout, in pieces.
#[derive(Clone)]
struct Pieces {
    /// The paragraph's job, its text included.
    job: Arc<LayoutJob>,
    pixels_per_point: f32,
    pieces: Vec<Piece>,
    /// The pieces stacked: the paragraph's galley.
    whole: Arc<Galley>,
}

/// Rows laid out from the start of the first: `galley`, the text's bytes
/// up to `end` from the end of the piece before. The rows, and that they are a piece and not the last one,
/// follow from the text before `settled`: the end of the second row after
/// them (usize::MAX for the last piece).
#[derive(Clone)]
struct Piece {
    end: usize,
    settled: usize,
    galley: Arc<Galley>,
}

/// The last layout of each long paragraph of a field, by the paragraph's
/// place in it; kept in egui's memory under the field's id.
#[derive(Clone, Default)]
struct Kept(Vec<Option<Pieces>>);

/// The layouter for the multi-line field `id` (see `TextEdit::layouter`).
pub fn layouter(id: egui::Id) -> impl FnMut(&Ui, &dyn TextBuffer, f32) -> Arc<Galley> {
    move |ui, text, wrap_width| layout(ui, id, text.as_str(), wrap_width)
}

/// The field's text laid out as egui's own `TextEdit` does it, the rows of a
/// long paragraph before an edit kept from the last layout.
pub fn layout(ui: &Ui, id: egui::Id, text: &str, wrap_width: f32) -> Arc<Galley> {
    let paragraphs = paragraphs(text);
    if !paragraphs.iter().any(|p| p.len() >= LONG) {
        if text.len() >= LONG {
            ui.data_mut(|d| d.remove::<Kept>(id));
        }
        let job = job(ui, text.to_owned(), wrap_width);
        return ui.fonts_mut(|f| f.layout_job(job));
    }
    let mut kept = ui.data_mut(|d| d.get_temp::<Kept>(id)).unwrap_or_default();
    kept.0.resize(paragraphs.len(), None);
    let mut pieces = Vec::with_capacity(paragraphs.len());
    for (paragraph, kept) in paragraphs.iter().zip(&mut kept.0) {
        let job = job(ui, (*paragraph).to_owned(), wrap_width);
        let old = kept.take();
        if paragraph.len() < LONG {
            pieces.push(ui.fonts_mut(|f| f.layout_job(job)));
            continue;
        }
        let long = lay_out_in_pieces(ui, old, job);
        pieces.push(Arc::clone(&long.whole));
        *kept = Some(long);
    }
    ui.data_mut(|d| d.insert_temp(id, kept));
    if pieces.len() == 1 {
        return pieces.swap_remove(0);
    }
    let whole = Arc::new(job(ui, text.to_owned(), wrap_width));
    Arc::new(Galley::concat(whole, &pieces, ui.pixels_per_point()))
}

/// The paragraphs egui lays out one by one (its `GalleyCache`): split at each
/// line break, the break dropped, except that a break ending the text stays
/// with the last paragraph.
fn paragraphs(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        if end + 1 == text.len() && text.ends_with('\n') {
            end += 1;
        }
        found.push(&text[start..end]);
        start = end + 1;
    }
    found
}

/// The job egui's `TextEdit` lays a multi-line field out with, in the style
/// its default theme gives a field's text (the inactive widget's colour, which
/// it keeps while hovered or typed into). The wrap width is rounded as egui's
/// cache rounds it, so that a kept layout compares equal.
fn job(ui: &Ui, text: String, wrap_width: f32) -> LayoutJob {
    let style = ui.style();
    let font_id =
        (style.override_font_id.clone()).unwrap_or_else(|| TextStyle::Body.resolve(style));
    let color = (style.visuals.override_text_color)
        .unwrap_or_else(|| style.visuals.widgets.inactive.text_color());
    let line_height =
        ui.fonts_mut(|f| f.row_height(&font_id)) + ui.spacing().extra_text_line_spacing;
    let wrap_width = if wrap_width.is_finite() {
        wrap_width.round()
    } else {
        wrap_width
    };
    let mut job = LayoutJob::simple(text, font_id, color, wrap_width);
    job.halign = Align::LEFT;
    job.keep_trailing_whitespace = true;
    for section in &mut job.sections {
        section.format.line_height = Some(line_height);
    }
    job
}

/// `job`, one long paragraph, laid out in pieces; those of `old`, its last
/// layout, kept while they are settled before the first byte that changed.
fn lay_out_in_pieces(ui: &Ui, old: Option<Pieces>, job: LayoutJob) -> Pieces {
    let pixels_per_point = ui.pixels_per_point();
    let mut pieces = Vec::new();
    let same_style = |old: &Pieces| {
        old.pixels_per_point == pixels_per_point
            && old.job.wrap == job.wrap
            && old.job.halign == job.halign
            && old.job.sections.len() == 1
            && job.sections.len() == 1
            && old.job.sections[0].format == job.sections[0].format
    };
    if let Some(old) = old.filter(same_style) {
        if old.job.text == job.text {
            return old;
        }
        let changed = common_prefix(&old.job.text, &job.text);
        // Pieces settled before the change, and before the glyph after
        // that (whether a row may end before it depends on it).
        let kept = (old.pieces.iter())
            .take_while(|p| p.settled.saturating_add(4) <= changed)
            .count();
        pieces = old.pieces;
        pieces.truncate(kept);
    }
    let text = job.text.as_str();
    let mut start = pieces.last().map_or(0, |p| p.end);
    while start < text.len() {
        let piece = next_piece(ui, &job, start);
        start = piece.end;
        pieces.push(piece);
    }
    let galleys: Vec<Arc<Galley>> = pieces.iter().map(|p| Arc::clone(&p.galley)).collect();
    let job = Arc::new(job);
    let mut whole = Galley::concat(Arc::clone(&job), &galleys, pixels_per_point);
    // `concat` ends each galley but the last with a line break; a piece
    // ends with a wrap.
    let mut row = 0;
    for galley in &galleys[..galleys.len().saturating_sub(1)] {
        row += galley.rows.len();
        if let Some(last) = row.checked_sub(1).and_then(|r| whole.rows.get_mut(r)) {
            last.ends_with_newline = false;
        }
    }
    Pieces {
        job,
        pixels_per_point,
        pieces,
        whole: Arc::new(whole),
    }
}

/// The piece of `job`'s text that starts at byte `start`: the first
/// [`PIECE_ROWS`] rows of the text from there, or all of it when it makes no
/// more than one row more. A row is final once two more follow it (its end
/// depends on the next row's first word and the glyph after that), so the
/// text is laid out only as far as that needs.
fn next_piece(ui: &Ui, job: &LayoutJob, start: usize) -> Piece {
    let text = job.text.as_str();
    let font_size = job.sections.first().map_or(14.0, |s| s.format.font_id.size);
    // A row of full-width characters, three bytes each in UTF-8.
    let row_bytes = 3 * ((job.wrap.max_width / font_size).ceil() as usize).clamp(8, 512);
    let mut window = row_bytes * (PIECE_ROWS + 3);
    loop {
        let mut end = (start + window).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let mut part = job.clone();
        part.text = text[start..end].to_owned();
        part.sections.truncate(1);
        part.sections[0].byte_range = ByteIndex(0)..ByteIndex(part.text.len());
        let galley = ui.fonts_mut(|f| f.layout_job(part));
        let starts = row_starts(&galley);
        if galley.rows.len() >= PIECE_ROWS + 2 && end < text.len() && starts.is_empty() {
            // Rows that do not account for the text character by character
            // cannot be cut into pieces: the rest whole.
            window = text.len();
            continue;
        }
        if galley.rows.len() >= PIECE_ROWS + 2 && !starts.is_empty() {
            let bytes = starts[PIECE_ROWS];
            let settled = start + starts.get(PIECE_ROWS + 2).copied().unwrap_or(end - start);
            let mut first = Galley::clone(&galley);
            first.rows.truncate(PIECE_ROWS);
            first.num_vertices = first
                .rows
                .iter()
                .map(|r| r.visuals.mesh.vertices.len())
                .sum();
            first.num_indices = first
                .rows
                .iter()
                .map(|r| r.visuals.mesh.indices.len())
                .sum();
            return Piece {
                end: start + bytes,
                settled,
                galley: Arc::new(first),
            };
        }
        if end == text.len() {
            return Piece {
                end,
                settled: usize::MAX,
                galley,
            };
        }
        window *= 2;
    }
}

/// The byte where each row of a one-paragraph `galley` starts; empty when
/// its rows do not account for its text character by character.
fn row_starts(galley: &Galley) -> Vec<usize> {
    let text = galley.job.text.as_str();
    let counts: Vec<usize> = (galley.rows.iter())
        .map(|r| r.char_count_including_newline().0)
        .collect();
    if counts.iter().sum::<usize>() != text.chars().count() {
        return Vec::new();
    }
    let mut starts = Vec::with_capacity(counts.len());
    let mut byte = 0;
    for n in counts {
        starts.push(byte);
        byte = text[byte..]
            .char_indices()
            .nth(n)
            .map_or(text.len(), |(i, _)| byte + i);
    }
    starts
}

/// Bytes `a` and `b` share from the start, ending on a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    let n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    (0..=n)
        .rev()
        .find(|&i| a.is_char_boundary(i) && b.is_char_boundary(i))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use eframe::egui::{CentralPanel, Context, RawInput, TextEdit};
    use proptest::prelude::*;

    use super::*;

    /// Runs `f` in a frame of `ctx` with a panel's `Ui`.
    fn in_frame<R>(ctx: &Context, f: impl FnOnce(&mut Ui) -> R) -> R {
        let mut f = Some(f);
        let mut out = None;
        let mut output = ctx.run_ui(RawInput::default(), |ui| {
            CentralPanel::default().show(ui, |ui| {
                if let Some(f) = f.take() {
                    out = Some(f(ui));
                }
            });
        });
        output.textures_delta.clear();
        out.expect("the panel ran")
    }

    fn context() -> Context {
        let ctx = Context::default();
        crate::ui::fonts::install(&ctx);
        ctx
    }

    /// What the clerk sees and where the cursor lands: every row's place,
    /// size, end and glyphs, and the galley's extent and mesh.
    fn assert_same(got: &Galley, want: &Galley) {
        assert_eq!(got.job.text, want.job.text);
        assert_eq!(got.rows.len(), want.rows.len(), "rows");
        for (i, (g, w)) in got.rows.iter().zip(&want.rows).enumerate() {
            assert_eq!(g.pos, w.pos, "row {i}'s place");
            assert_eq!(g.row.size, w.row.size, "row {i}'s size");
            assert_eq!(g.ends_with_newline, w.ends_with_newline, "row {i}'s end");
            let glyphs = |r: &egui::epaint::text::Row| -> Vec<(char, egui::Pos2)> {
                r.glyphs.iter().map(|g| (g.chr, g.pos)).collect()
            };
            assert_eq!(glyphs(&g.row), glyphs(&w.row), "row {i}'s glyphs");
            assert_eq!(g.row.visuals.mesh, w.row.visuals.mesh, "row {i}'s mesh");
        }
        assert_eq!(got.rect, want.rect);
        assert_eq!(got.mesh_bounds, want.mesh_bounds);
        assert_eq!(got.num_vertices, want.num_vertices);
        assert_eq!(got.num_indices, want.num_indices);
        assert_eq!(got.size(), want.size());
    }

    /// The field's text laid out by egui whole, as if nothing were kept.
    fn whole(ui: &Ui, text: &str, wrap_width: f32) -> Arc<Galley> {
        let job = job(ui, text.to_owned(), wrap_width);
        ui.fonts_mut(|f| f.layout_job(job))
    }

    #[test]
    fn a_field_is_laid_out_with_the_job_of_egui_s_own_text_edit() {
        let ctx = context();
        let id = egui::Id::unique("long");
        for text in [
            "",
            "一、总体情况\n本年度共主动公开政府信息 12 条。",
            "abc def\n\n",
        ] {
            let (mine, egui) = in_frame(&ctx, |ui| {
                let mut a = text.to_owned();
                let mut b = text.to_owned();
                let mut layouter = layouter(id);
                let mine = (TextEdit::multiline(&mut a).id(id).layouter(&mut layouter))
                    .desired_width(f32::INFINITY)
                    .show(ui);
                let egui = (TextEdit::multiline(&mut b).id(egui::Id::unique("egui")))
                    .desired_width(f32::INFINITY)
                    .show(ui);
                (mine.galley, egui.galley)
            });
            assert_eq!(mine.job, egui.job, "{text:?}");
            assert_same(&mine, &egui);
        }
    }

    #[test]
    fn paragraphs_are_split_as_egui_splits_them() {
        assert_eq!(paragraphs(""), Vec::<&str>::new());
        assert_eq!(paragraphs("a"), ["a"]);
        assert_eq!(paragraphs("a\nb"), ["a", "b"]);
        assert_eq!(paragraphs("a\n\nb"), ["a", "", "b"]);
        assert_eq!(paragraphs("a\n"), ["a\n"]);
        assert_eq!(paragraphs("a\n\n"), ["a", "\n"]);
        assert_eq!(paragraphs("\n"), ["\n"]);
    }

    /// Text of a narrative: Chinese, numbers, Latin words, punctuation, and
    /// now and then a line break.
    fn narrative(chars: std::ops::Range<usize>) -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            8 => prop::sample::select(vec!["政", "府", "信", "息", "公", "开", "年", "度", "报", "告"]),
            2 => prop::sample::select(vec!["，", "。", "、", "（", "）", "“", "”"]),
            2 => prop::sample::select(vec!["12", "2024", " ", "PDF ", "information ", "a"]),
            1 => prop::sample::select(vec!["Disclosure-of-government-information-in-one-long-word "]),
        ];
        prop::collection::vec(piece, chars).prop_map(|v| v.concat())
    }

    /// An edit: at a share of the text, remove some characters and put some in.
    fn edit() -> impl Strategy<Value = (f64, usize, String)> {
        let inserted = prop_oneof![
            4 => prop::sample::select(vec!["政", "，", "a", " ", "2024", "公开政府信息"]).prop_map(str::to_owned),
            1 => Just("\n".to_owned()),
            1 => narrative(0..80),
        ];
        (
            0.0..=1.0f64,
            prop_oneof![3 => Just(0usize), 1 => 1..40usize],
            inserted,
        )
    }

    /// Rows as the clerk reads them: the characters of each.
    fn row_texts(galley: &Galley) -> Vec<String> {
        galley
            .rows
            .iter()
            .map(|r| r.row.glyphs.iter().map(|g| g.chr).collect())
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// After any edits, a field with a long paragraph is laid out exactly
        /// as the same text laid out afresh: what was kept is what a fresh
        /// layout makes. Every character shown once, in order; no row wider
        /// than the field.
        #[test]
        fn a_long_paragraph_edited_is_laid_out_as_the_same_text_afresh(
            start in narrative(1_200..2_400),
            edits in prop::collection::vec(edit(), 1..6),
            widths in prop::collection::vec(prop_oneof![4 => Just(600.0f32), 1 => 200.0..900.0f32], 6),
        ) {
            let ctx = context();
            let id = egui::Id::unique("long");
            let mut text = start;
            for (step, (at, removed, inserted)) in edits.iter().enumerate() {
                let width = widths[step];
                let chars: Vec<char> = text.chars().collect();
                let at = ((chars.len() as f64 * at) as usize).min(chars.len());
                let end = (at + removed).min(chars.len());
                in_frame(&ctx, |ui| layout(ui, id, &text, width));
                text = chars[..at].iter().copied().chain(inserted.chars()).chain(chars[end..].iter().copied()).collect();
                let (got, fresh, egui) = in_frame(&ctx, |ui| {
                    let fresh = layout(ui, egui::Id::unique(("fresh", step)), &text, width);
                    (layout(ui, id, &text, width), fresh, whole(ui, &text, width))
                });
                assert_same(&got, &fresh);
                prop_assert_eq!(row_texts(&got).concat(), text.replace('\n', ""));
                for row in &got.rows {
                    prop_assert!(row.row.size.x <= width.round() + 1.0 || row.row.glyphs.len() == 1);
                }
                // Where a glyph's place is a fraction of a pixel from a
                // row's end, a row may break a word earlier or later than
                // egui's layout in one go; never by more than a row a piece.
                let pieces = got.rows.len().div_ceil(PIECE_ROWS);
                prop_assert!(got.rows.len().abs_diff(egui.rows.len()) <= pieces);
            }
        }
    }

    /// Typing into the middle of a long paragraph lays out again only from
    /// a little before the edit: the rows above it are the very same rows.
    #[test]
    fn rows_before_an_edit_are_kept() {
        let ctx = context();
        let id = egui::Id::unique("long");
        let text = "政府信息公开工作年度报告，".repeat(300);
        let before = in_frame(&ctx, |ui| layout(ui, id, &text, 600.0));
        let mid = text.char_indices().nth(text.chars().count() / 2).unwrap().0;
        let edited = format!("{}政{}", &text[..mid], &text[mid..]);
        let after = in_frame(&ctx, |ui| layout(ui, id, &edited, 600.0));
        let same = (before.rows.iter().zip(&after.rows))
            .take_while(|(a, b)| Arc::ptr_eq(&a.row, &b.row))
            .count();
        assert!(
            same * 3 > before.rows.len(),
            "{same} of {} rows kept",
            before.rows.len()
        );
        assert!(same < before.rows.len() * 2 / 3, "{same} rows kept");
        // Chinese glyphs are whole pixels wide: the rows are egui's own.
        let egui = in_frame(&ctx, |ui| whole(ui, &edited, 600.0));
        assert_same(&after, &egui);
    }
}
