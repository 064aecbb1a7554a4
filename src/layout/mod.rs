//! Layout: pure arithmetic from the model to positions and groupings. No DOM, no framework.
//!
//! Architecture invariant: this module never imports `yew`, `web_sys` or `js_sys`.

mod admit;
mod column;
mod lanes;
mod scale;
mod ticks;

pub use admit::{admit, Admitted, Candidate, ADMIT_PER_FRAME, RETIRE_PER_FRAME};
pub use column::{years, Chunk, Entry, Year, DENSE_YEAR};
pub use lanes::{
    band_label_fits, bands, lane_order, mark_width, place, place_in_order, title_width, Band, BandInput,
    Cluster, Frame, LaneLayout, MarkInput, Placed, CLUSTER_W, GAP,
};
pub use scale::{Limits, Viewport, MIN_SPAN_MINUTES};
pub use ticks::{label_width, range_label, ticks, Step, Tick, Ticks, Unit, LABEL_GAP};

/// `v` within `lo..=hi` (`lo` if `v` is NaN). Unlike `f64::clamp` it cannot panic (when `lo > hi` or
/// either is NaN), so the wasm carries neither that panic path nor the float printing its message
/// needs.
pub fn within(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}
