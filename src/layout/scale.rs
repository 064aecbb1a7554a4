//! The time ↔ pixel mapping of the visible window, and zoom and pan as pure functions.
//!
//! Times are minutes since 1970-01-01 (civil time, as `model` counts them), as `f64`.

/// The visible window of time. Invariant (after [`Viewport::clamp`]): `from < to`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Time at the left edge.
    pub from: f64,
    /// Time at the right edge.
    pub to: f64,
}

/// How far the view may go: not beyond the data's span (plus a margin), not closer than `min_span`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Earliest time the left edge may show.
    pub min: f64,
    /// Latest time the right edge may show.
    pub max: f64,
    /// Narrowest window, in minutes.
    pub min_span: f64,
}

/// The narrowest window anyone can zoom to: 30 minutes.
pub const MIN_SPAN_MINUTES: f64 = 30.0;

impl Limits {
    /// Limits around data covering `[start, end)`, with a margin of 3 % of the span (at least a day).
    pub fn around(start: f64, end: f64) -> Self {
        let span = (end - start).max(MIN_SPAN_MINUTES);
        let pad = (span * 0.03).max(1440.0);
        Self { min: start - pad, max: start + span + pad, min_span: MIN_SPAN_MINUTES }
    }

    /// The widest window: everything.
    pub fn max_span(&self) -> f64 {
        (self.max - self.min).max(self.min_span)
    }
}

impl Viewport {
    /// The window showing everything within `lim`.
    pub fn fit(lim: &Limits) -> Self {
        Self { from: lim.min, to: lim.min + lim.max_span() }
    }

    /// Width of the window, in minutes.
    pub fn span(&self) -> f64 {
        self.to - self.from
    }

    /// Pixel position of time `t` in a `width`-pixel view.
    pub fn x(&self, t: f64, width: f64) -> f64 {
        (t - self.from) / self.span() * width
    }

    /// Time at pixel `x` in a `width`-pixel view.
    pub fn t(&self, x: f64, width: f64) -> f64 {
        self.from + x / width * self.span()
    }

    /// Zooms by `factor` (2 = twice as close) keeping the time under pixel `anchor_x` where it is,
    /// within `lim`.
    pub fn zoom(self, factor: f64, anchor_x: f64, width: f64, lim: &Limits) -> Self {
        if !(factor.is_finite() && factor > 0.0 && width > 0.0) {
            return self.clamp(lim);
        }
        let anchor_t = self.t(anchor_x, width);
        let span = super::within(self.span() / factor, lim.min_span, lim.max_span());
        let from = anchor_t - anchor_x / width * span;
        Self { from, to: from + span }.clamp(lim)
    }

    /// Moves the window so that content moves right by `dx` pixels (drag right = go back in time).
    pub fn pan(self, dx: f64, width: f64, lim: &Limits) -> Self {
        if !(dx.is_finite() && width > 0.0) {
            return self.clamp(lim);
        }
        let dt = dx / width * self.span();
        Self { from: self.from - dt, to: self.to - dt }.clamp(lim)
    }

    /// The window of the same width centred on `t`.
    pub fn centred_on(self, t: f64, lim: &Limits) -> Self {
        let half = self.span() / 2.0;
        Self { from: t - half, to: t + half }.clamp(lim)
    }

    /// The window `[from, to]` with a margin of `pad` (fraction of the span) on each side.
    pub fn around(from: f64, to: f64, pad: f64, lim: &Limits) -> Self {
        let span = (to - from).max(lim.min_span);
        let mid = (from + to) / 2.0;
        let half = span * (0.5 + pad);
        Self { from: mid - half, to: mid + half }.clamp(lim)
    }

    /// Whether the window already shows `[from, to)` entirely.
    pub fn shows(&self, from: f64, to: f64) -> bool {
        from >= self.from && to <= self.to
    }

    /// The nearest window that respects `lim`: width within bounds, edges inside `[min, max]`.
    pub fn clamp(self, lim: &Limits) -> Self {
        let span = if self.span().is_finite() { self.span() } else { lim.max_span() };
        let span = super::within(span, lim.min_span, lim.max_span());
        let mut from = if self.from.is_finite() { self.from } else { lim.min };
        if from < lim.min {
            from = lim.min;
        }
        if from + span > lim.max {
            from = (lim.max - span).max(lim.min);
        }
        Self { from, to: from + span }
    }
}
