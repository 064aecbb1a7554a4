//! Placing marks in lanes: labels stacked in rows without collisions, and where a lane is too dense
//! at the current zoom, cluster marks ("+5") in an overflow row. Also the period bands.
//!
//! O(n log n): one sort per lane, then one greedy pass.

use super::scale::{Limits, Viewport};
use crate::model::order;

/// One mark to place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkInput {
    /// Lane index (0-based, dense).
    pub lane: usize,
    /// Start, minutes since 1970.
    pub start: f64,
    /// End (exclusive), minutes since 1970; the span a coarse date covers counts.
    pub end: f64,
    /// Width of the label in pixels (see [`title_width`]).
    pub label_w: f64,
    /// Never put this mark in a cluster (the selected or focused entry): it is placed first.
    pub pinned: bool,
}

/// A placed mark.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Index into the input.
    pub index: usize,
    /// Lane.
    pub lane: usize,
    /// Row within the lane (0 = top).
    pub row: usize,
    /// The start's position (where the dot is).
    pub x: f64,
    /// Left edge of the box: `x`, or `x` minus the label width when the label is flipped.
    pub left: f64,
    /// Width of the span bar (0 for an instant at this zoom).
    pub bar_w: f64,
    /// Width of the whole box (label or bar, whichever is wider).
    pub w: f64,
    /// The label is drawn to the left of the dot (it would overflow the right edge otherwise).
    pub flipped: bool,
}

/// Several marks that do not fit at this zoom, drawn as one "+N".
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Lane.
    pub lane: usize,
    /// Row (always the lane's overflow row, `max_rows`).
    pub row: usize,
    /// Left edge.
    pub x: f64,
    /// Width.
    pub w: f64,
    /// Indices into the input, in time order.
    pub members: Vec<usize>,
    /// Earliest start of the members.
    pub from: f64,
    /// Latest end of the members.
    pub to: f64,
}

/// The result of [`place`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LaneLayout {
    /// Marks that fit, by lane then time.
    pub placed: Vec<Placed>,
    /// Clusters, by lane then time.
    pub clusters: Vec<Cluster>,
    /// Rows used in each lane (including the overflow row if it has clusters).
    pub rows: Vec<usize>,
}

/// Gap kept between boxes in a row.
pub const GAP: f64 = 8.0;
/// Width of a cluster mark.
pub const CLUSTER_W: f64 = 44.0;
/// A cluster takes every overflowing mark that starts within this many pixels of its left edge: one
/// "+N" per 120 px of a lane's overflow row at most (at N = 10,000 that halves the clusters, about 180
/// to 90, each an element to create at every zoom level, and the row is easier to read).
pub const CLUSTER_REACH: f64 = 120.0;
/// A span narrower than this many pixels is drawn as an instant.
pub const MIN_BAR: f64 = 3.0;

/// Estimated label width of a title of `chars` characters (dot, padding, 14 px text), between 64 and
/// 220 pixels; the view truncates longer titles with an ellipsis to this width.
pub fn title_width(chars: usize) -> f64 {
    let c = f64::from(u32::try_from(chars).unwrap_or(u32::MAX));
    super::within(c * 7.2 + 26.0, 64.0, 220.0)
}

/// Estimated width of a mark showing `label` (dot, padding and the 14 px semibold text), between 64 and
/// 260 pixels. Per-character widths by kind (narrow, wide, capitals, digits, Cyrillic), fitted to
/// Chromium's rendering of the bundled labels in four languages and rounded up by 16 %, so a label
/// that fits the estimate shows whole; longer ones are cut with an ellipsis at 260.
pub fn mark_width(label: &str) -> f64 {
    super::within(text_width(label) + 20.0, 64.0, 260.0)
}

/// Whether a period band `width` pixels wide shows `label` whole: its 12.5 px regular text measured
/// at most 0.92 of a mark's 14 px semibold estimate before the 16 % margin (Chromium, the bundled
/// band labels), kept at 0.93, plus 6 px padding and a 1 px border each side. A band too narrow shows
/// no text rather than a cut one; its accessible name, tooltip and details still name it.
pub fn band_label_fits(label: &str, width: f64) -> bool {
    text_width(label) / 1.16 * 0.93 + 14.0 <= width
}

/// A label's estimated width in a mark's text (see [`mark_width`]), 16 % generous.
fn text_width(label: &str) -> f64 {
    let text: f64 = label
        .chars()
        .map(|c| match c {
            ' ' | '\u{a0}' => 4.2,
            '.' | ',' | ':' | ';' | '\'' | '’' | '(' | ')' | '!' | '|' | 'i' | 'l' | 'I' | 'j' | 't'
            | 'f' | '-' | '/' | 'r' => 4.6,
            'm' | 'w' | 'M' | 'W' => 12.6,
            'ш' | 'щ' | 'ж' | 'м' | 'ы' | 'ю' | 'Ш' | 'Щ' | 'Ж' | 'М' | 'Ы' | 'Ю' => 11.6,
            'а'..='я' | 'ё' => 8.8,
            'А'..='Я' | 'Ё' => 11.0,
            '0'..='9' | '–' => 8.9,
            c if c.is_uppercase() => 10.6,
            c if c.is_lowercase() => 8.6,
            _ => 9.5,
        })
        .sum();
    text * 1.16
}

/// The pixel space marks are placed in: `x = (t - origin) * scale`, with labels kept between `left`
/// and `right` (they flip to the left of their dot near `right`).
///
/// For a still view this is the view itself ([`Frame::of_view`]). The widget places marks in the
/// frame of the whole data span at the current zoom ([`Frame::world`]): the placement then does not
/// change when the view pans, so a pan moves one layer instead of every mark, and the placement is
/// computed once per zoom level.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Time at `x = 0`.
    pub origin: f64,
    /// Pixels per minute.
    pub scale: f64,
    /// Leftmost pixel a label may reach.
    pub left: f64,
    /// Rightmost pixel a label may reach.
    pub right: f64,
}

impl Frame {
    /// The view's own pixels: `0..width`.
    pub fn of_view(view: &Viewport, width: f64) -> Self {
        Self { origin: view.from, scale: width / view.span(), left: 0.0, right: width }
    }

    /// The whole span `[lim.min, lim.max]` at the zoom of `view` (`width` pixels wide): `x = 0` is
    /// `lim.min`. The scale is rounded (to 1/1024 minute of span) so that views that differ only by a
    /// pan give the same frame, bit for bit.
    pub fn world(view: &Viewport, width: f64, lim: &Limits) -> Self {
        let span = ((view.span() * 1024.0).round() / 1024.0).max(f64::MIN_POSITIVE);
        let scale = width / span;
        Self { origin: lim.min, scale, left: 0.0, right: (lim.max - lim.min) * scale }
    }

    /// Pixel position of time `t`.
    pub fn x(&self, t: f64) -> f64 {
        (t - self.origin) * self.scale
    }
}

/// Places `marks` in `lanes` lanes of at most `max_rows` rows each, for `view` at `width` pixels.
pub fn place(marks: &[MarkInput], lanes: usize, view: &Viewport, width: f64, max_rows: usize) -> LaneLayout {
    place_in_order(marks, &lane_order(marks, lanes), &[], &Frame::of_view(view, width), max_rows)
}

/// Each lane's marks in time order (ties in input order): what [`place_in_order`] needs, computed
/// once per data set rather than once per frame.
pub fn lane_order(marks: &[MarkInput], lanes: usize) -> Vec<Vec<usize>> {
    let mut by_lane: Vec<Vec<usize>> = vec![Vec::new(); lanes];
    for (i, m) in marks.iter().enumerate() {
        if let Some(l) = by_lane.get_mut(m.lane) {
            l.push(i);
        }
    }
    let start = |i: usize| marks.get(i).map_or(0.0, |m| m.start);
    by_lane.into_iter().map(|idx| order::sorted_by(idx, |&i| [order::float_key(start(i)), 0, 0])).collect()
}

/// [`place`] in `frame`, with the lanes' order given (see [`lane_order`]) and extra pinned marks:
/// O(n) per call.
pub fn place_in_order(
    marks: &[MarkInput],
    order: &[Vec<usize>],
    pinned: &[usize],
    frame: &Frame,
    max_rows: usize,
) -> LaneLayout {
    let is_pinned = |i: usize, m: &MarkInput| m.pinned || pinned.contains(&i);
    let mut out = LaneLayout { rows: vec![0; order.len()], ..LaneLayout::default() };
    let max_rows = max_rows.max(1);
    for (lane, idx) in order.iter().enumerate() {
        let geometry = |i: usize, m: &MarkInput| {
            let x = frame.x(m.start);
            let bar = frame.x(m.end) - x;
            let bar_w = if bar >= MIN_BAR { bar } else { 0.0 };
            // Near the right edge, the label goes to the left of its dot (the bar stays to the right).
            let flipped = x + m.label_w.max(bar_w) > frame.right && x - m.label_w >= frame.left;
            let (left, w) =
                if flipped { (x - m.label_w, m.label_w + bar_w) } else { (x, m.label_w.max(bar_w)) };
            Placed { index: i, lane, row: 0, x, left, bar_w, w, flipped }
        };
        // The lane's marks (indices that are not marks are skipped), pinned first.
        let lane_marks = || idx.iter().filter_map(|&i| marks.get(i).map(|m| (i, m)));
        // Pinned marks first, each in the first row where it overlaps no other pinned mark.
        let mut reserved: Vec<Vec<(f64, f64)>> = vec![Vec::new(); max_rows];
        let clear = |taken: &[(f64, f64)], a: f64, b: f64| taken.iter().all(|&(c, d)| b <= c || d <= a);
        let mut used = 0;
        for (i, m) in lane_marks().filter(|&(i, m)| is_pinned(i, m)) {
            let mut p = geometry(i, m);
            let (a, b) = (p.left, p.left + p.w + GAP);
            let row = reserved.iter().position(|taken| clear(taken, a, b)).unwrap_or(0);
            if let Some(taken) = reserved.get_mut(row) {
                taken.push((a, b));
            }
            p.row = row;
            used = used.max(row + 1);
            out.placed.push(p);
        }
        let mut row_end = vec![f64::NEG_INFINITY; max_rows];
        for (i, m) in lane_marks().filter(|&(i, m)| !is_pinned(i, m)) {
            let mut p = geometry(i, m);
            let (a, b) = (p.left, p.left + p.w + GAP);
            let free = row_end.iter().zip(&reserved).position(|(&end, taken)| end <= a && clear(taken, a, b));
            if let Some((row, end)) = free.and_then(|r| row_end.get_mut(r).map(|e| (r, e))) {
                *end = b;
                used = used.max(row + 1);
                p.row = row;
                out.placed.push(p);
                continue;
            }
            // Kept inside the frame at the right edge.
            let cx = p.x.min(frame.right - CLUSTER_W);
            match out.clusters.last_mut() {
                Some(c) if c.lane == lane && cx < c.x + CLUSTER_REACH.max(c.w + GAP) => {
                    c.members.push(i);
                    c.to = c.to.max(m.end);
                }
                _ => out.clusters.push(Cluster {
                    lane,
                    row: max_rows,
                    x: cx,
                    w: CLUSTER_W,
                    members: vec![i],
                    from: m.start,
                    to: m.end,
                }),
            }
        }
        let has_clusters = out.clusters.last().is_some_and(|c| c.lane == lane);
        if let Some(rows) = out.rows.get_mut(lane) {
            *rows = if has_clusters { max_rows + 1 } else { used.max(1) };
        }
    }
    out
}

/// One period band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    /// Index into the input.
    pub index: usize,
    /// Group (row block) index.
    pub group: usize,
    /// Row within the group.
    pub row: usize,
    /// Left edge.
    pub x: f64,
    /// Width.
    pub w: f64,
    /// The period has no known end: drawn to `open_until` and faded.
    pub open: bool,
}

/// A period to draw: `end` is `None` when no source gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BandInput {
    /// Group index (dense).
    pub group: usize,
    /// Start.
    pub start: f64,
    /// End, if known.
    pub end: Option<f64>,
}

/// Lays out period bands by group. An open-ended band is drawn (faded) up to the next start in its
/// group, or to `horizon`. A band is at least `min_w` pixels wide (a touch target). Overlapping bands
/// take extra rows. Returns the bands and rows per group.
pub fn bands(
    periods: &[BandInput],
    groups: usize,
    horizon: f64,
    view: &Viewport,
    width: f64,
    min_w: f64,
) -> (Vec<Band>, Vec<usize>) {
    let mut rows = vec![0usize; groups];
    let mut out = Vec::with_capacity(periods.len());
    for (g, group_rows) in rows.iter_mut().enumerate() {
        let idx: Vec<(usize, &BandInput)> =
            periods.iter().enumerate().filter(|(_, p)| p.group == g).collect();
        let idx = order::sorted_by(idx, |(_, p)| [order::float_key(p.start), 0, 0]);
        let mut row_end: Vec<f64> = Vec::new();
        for (k, &(i, p)) in idx.iter().enumerate() {
            let next_start = idx.iter().skip(k + 1).map(|(_, q)| q.start).find(|&s| s > p.start);
            let end = p.end.unwrap_or_else(|| next_start.unwrap_or(horizon).max(p.start));
            let x = view.x(p.start, width);
            let w = (view.x(end, width) - x).max(MIN_BAR).max(min_w);
            let row = match row_end.iter().position(|&e| e <= x) {
                Some(r) => r,
                None => {
                    row_end.push(f64::NEG_INFINITY);
                    row_end.len() - 1
                }
            };
            if let Some(end) = row_end.get_mut(row) {
                *end = x + w + 1.0;
            }
            out.push(Band { index: i, group: g, row, x, w, open: p.end.is_none() });
        }
        *group_rows = row_end.len();
    }
    (out, rows)
}
