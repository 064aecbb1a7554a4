//! Axis ticks that adapt to the zoom — decades, years, months, days, hours, minutes — with labels
//! that never overlap: the step is the finest whose shortest interval is wider than its widest label.

use super::scale::Viewport;
use crate::model::{civil_from_days, days_from_civil, historical, year_en};

/// The calendar unit of a tick step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    /// Years (a step of 10 years is a decade).
    Year,
    /// Months.
    Month,
    /// Days.
    Day,
    /// Hours.
    Hour,
    /// Minutes.
    Minute,
}

/// A tick step: `n` units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// The unit.
    pub unit: Unit,
    /// How many units between ticks.
    pub n: u64,
}

impl Step {
    /// Shortest possible interval of this step, in minutes (months of 28 days, years of 365).
    pub fn min_minutes(self) -> f64 {
        let unit = match self.unit {
            Unit::Year => 365.0 * 1440.0,
            Unit::Month => 28.0 * 1440.0,
            Unit::Day => 1440.0,
            Unit::Hour => 60.0,
            Unit::Minute => 1.0,
        };
        unit * step_f(self.n)
    }

    /// Widest label of this step in any of the interface's languages, in pixels (see [`label_width`]).
    pub fn label_px(self) -> f64 {
        label_width(match self.unit {
            Unit::Year => 5,                // "-2004" at worst
            Unit::Month => 10,              // "sept. 2004", "сент. 2004"
            Unit::Day => 13,                // "15 sept. 2004" (any interface language)
            Unit::Hour | Unit::Minute => 8, // "14:30", or "15 сент." at midnight
        })
    }

    /// A name for readers: "decades", "years", "months", …
    pub fn name(self) -> &'static str {
        match (self.unit, self.n) {
            (Unit::Year, n) if n >= 10 => "decades",
            (Unit::Year, _) => "years",
            (Unit::Month, _) => "months",
            (Unit::Day, _) => "days",
            (Unit::Hour, _) => "hours",
            (Unit::Minute, _) => "minutes",
        }
    }
}

/// Estimated pixel width of a tick label of `chars` characters (13 px tabular figures).
pub fn label_width(chars: usize) -> f64 {
    let c = f64::from(u32::try_from(chars).unwrap_or(u32::MAX));
    c * 7.5 + 4.0
}

/// Space kept between two labels.
pub const LABEL_GAP: f64 = 12.0;

/// The coarsest step (the first of [`STEPS`]): ten billion years, for the age of the universe.
const COARSEST: Step = Step { unit: Unit::Year, n: 10_000_000_000 };

/// Every step, coarsest first.
const STEPS: &[Step] = &[
    COARSEST,
    Step { unit: Unit::Year, n: 5_000_000_000 },
    Step { unit: Unit::Year, n: 2_000_000_000 },
    Step { unit: Unit::Year, n: 1_000_000_000 },
    Step { unit: Unit::Year, n: 500_000_000 },
    Step { unit: Unit::Year, n: 200_000_000 },
    Step { unit: Unit::Year, n: 100_000_000 },
    Step { unit: Unit::Year, n: 50_000_000 },
    Step { unit: Unit::Year, n: 20_000_000 },
    Step { unit: Unit::Year, n: 10_000_000 },
    Step { unit: Unit::Year, n: 5_000_000 },
    Step { unit: Unit::Year, n: 2_000_000 },
    Step { unit: Unit::Year, n: 1_000_000 },
    Step { unit: Unit::Year, n: 500_000 },
    Step { unit: Unit::Year, n: 200_000 },
    Step { unit: Unit::Year, n: 100_000 },
    Step { unit: Unit::Year, n: 50_000 },
    Step { unit: Unit::Year, n: 20_000 },
    Step { unit: Unit::Year, n: 10_000 },
    Step { unit: Unit::Year, n: 5000 },
    Step { unit: Unit::Year, n: 2000 },
    Step { unit: Unit::Year, n: 1000 },
    Step { unit: Unit::Year, n: 500 },
    Step { unit: Unit::Year, n: 100 },
    Step { unit: Unit::Year, n: 50 },
    Step { unit: Unit::Year, n: 20 },
    Step { unit: Unit::Year, n: 10 },
    Step { unit: Unit::Year, n: 5 },
    Step { unit: Unit::Year, n: 2 },
    Step { unit: Unit::Year, n: 1 },
    Step { unit: Unit::Month, n: 6 },
    Step { unit: Unit::Month, n: 3 },
    Step { unit: Unit::Month, n: 1 },
    Step { unit: Unit::Day, n: 7 },
    Step { unit: Unit::Day, n: 2 },
    Step { unit: Unit::Day, n: 1 },
    Step { unit: Unit::Hour, n: 12 },
    Step { unit: Unit::Hour, n: 6 },
    Step { unit: Unit::Hour, n: 3 },
    Step { unit: Unit::Hour, n: 1 },
    Step { unit: Unit::Minute, n: 30 },
    Step { unit: Unit::Minute, n: 15 },
    Step { unit: Unit::Minute, n: 5 },
];

/// One tick.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Time, minutes since 1970.
    pub t: f64,
    /// Pixel position.
    pub x: f64,
    /// Label text.
    pub label: String,
}

/// The ticks of a view.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    /// The step chosen for this zoom.
    pub step: Step,
    /// Ticks inside the view, in time order.
    pub ticks: Vec<Tick>,
}

/// The finest step whose labels fit, and its ticks inside `view` (`width` pixels wide).
pub fn ticks(view: &Viewport, width: f64) -> Ticks {
    let px_per_min = if view.span() > 0.0 && width > 0.0 { width / view.span() } else { 0.0 };
    let extra = year_extra_px(view);
    let fits = |s: &Step| s.min_minutes() * px_per_min >= s.label_px() + extra + LABEL_GAP;
    let step = STEPS.iter().rev().find(|s| fits(s)).copied().unwrap_or(COARSEST);
    let mut ticks = Vec::new();
    if px_per_min > 0.0 {
        let mut t = first_tick(view.from, step);
        // Bounded: at most width / (label + gap) + 2 ticks when the step fits.
        // A tick whose label would cross the right edge is left out.
        let last_x = width - step.label_px() - extra;
        while t <= view.to && ticks.len() < 2000 {
            let x = view.x(t, width);
            if x > last_x {
                break;
            }
            ticks.push(Tick { t, x, label: label(t, step.unit) });
            t = next_tick(t, step);
        }
    }
    if !fits(&step) {
        // Even the coarsest step is too dense (a huge span in a tiny view): keep every k-th label.
        let need = step.label_px() + extra + LABEL_GAP;
        let mut last = f64::NEG_INFINITY;
        ticks.retain(|tk| {
            let keep = tk.x - last >= need;
            if keep {
                last = tk.x;
            }
            keep
        });
    }
    Ticks { step, ticks }
}

/// What the years of this view add to a label: an era after BCE years (up to 12 characters: "г. до
/// н. э."), digit groups in years of five digits and more.
fn year_extra_px(view: &Viewport) -> f64 {
    let year = |t: f64| historical(civil_from_days(floor_i64(t / 1440.0)).0);
    let (a, b) = (year(view.from), year(view.to));
    let widest = a.unsigned_abs().max(b.unsigned_abs());
    let digits = widest.max(1).ilog10() as usize + 1;
    let grouped = if widest >= 10_000 { digits + (digits - 1) / 3 } else { digits };
    let era = if a < 0 { 12 } else { 0 };
    let chars = (grouped + era).saturating_sub(5);
    label_width(chars) - label_width(0)
}

/// `x` rounded down, within ±10^16 (about 19 billion years of minutes), so that the day arithmetic
/// below cannot overflow whatever the view holds (found by fuzzing).
#[allow(clippy::cast_possible_truncation, reason = "clamped to ±1e16 first")]
fn floor_i64(x: f64) -> i64 {
    super::within(x.floor(), -1e16, 1e16) as i64
}

#[allow(clippy::cast_precision_loss, reason = "minutes of real dates stay far below 2^53")]
fn minutes(days: i64) -> f64 {
    days.saturating_mul(1440) as f64
}

/// The first tick at or after `t`.
fn first_tick(t: f64, step: Step) -> f64 {
    let n = i64::try_from(step.n).unwrap_or(i64::MAX);
    let days = floor_i64(t / 1440.0);
    let (y, m, _) = civil_from_days(days);
    let cand = match step.unit {
        Unit::Year => {
            // Round years as readers count them (…, 2000 BCE, 1000 BCE, 1 CE, 1000, …): there is no
            // year 0, so the multiple 0 is year 1.
            let r = historical(y).div_euclid(n) * n;
            year_start(crate::model::astronomical(if r == 0 { 1 } else { r }))
        }
        Unit::Month => {
            let idx = (y * 12 + i64::from(m) - 1).div_euclid(n) * n;
            month_start(idx)
        }
        Unit::Day => minutes(days.div_euclid(n) * n),
        Unit::Hour => (t / (60.0 * step_f(n))).floor() * 60.0 * step_f(n),
        Unit::Minute => (t / step_f(n)).floor() * step_f(n),
    };
    if cand < t {
        next_tick(cand, step)
    } else {
        cand
    }
}

#[allow(clippy::cast_precision_loss, reason = "step counts are below 2^53")]
fn step_f<N: TryInto<i64>>(n: N) -> f64 {
    n.try_into().unwrap_or(i64::MAX) as f64
}

/// The first minute of astronomical year `y`.
fn year_start(y: i64) -> f64 {
    minutes(days_from_civil(y, 1, 1))
}

fn month_start(index: i64) -> f64 {
    let m = u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1);
    minutes(days_from_civil(index.div_euclid(12), m, 1))
}

/// The tick after `t` (which is on a tick).
fn next_tick(t: f64, step: Step) -> f64 {
    let n = i64::try_from(step.n).unwrap_or(i64::MAX);
    let days = floor_i64((t + 0.5) / 1440.0);
    let (y, m, _) = civil_from_days(days);
    match step.unit {
        Unit::Year => {
            // The next round year as readers count them; year 1 stands for the multiple 0.
            let h = historical(y);
            let next = if h == 1 && n > 1 { n } else { h.saturating_add(n) };
            year_start(crate::model::astronomical(if next == 0 { 1 } else { next }))
        }
        Unit::Month => month_start(y * 12 + i64::from(m) - 1 + n),
        Unit::Day => minutes(days.saturating_add(n)),
        Unit::Hour => t + 60.0 * step_f(n),
        Unit::Minute => t + step_f(n),
    }
}

const MONTHS_SHORT: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn label(t: f64, unit: Unit) -> String {
    let days = floor_i64((t + 0.5) / 1440.0);
    let (y, m, d) = civil_from_days(days);
    let month = MONTHS_SHORT.get(usize::from(m).wrapping_sub(1)).copied().unwrap_or_default();
    let y = year_en(historical(y));
    match unit {
        Unit::Year => y,
        Unit::Month => format!("{month} {y}"),
        Unit::Day => format!("{d} {month} {y}"),
        Unit::Hour | Unit::Minute => match floor_i64(t + 0.5).rem_euclid(1440) {
            0 => format!("{d} {month}"),
            mins => format!("{:02}:{:02}", mins / 60, mins % 60),
        },
    }
}

/// The visible range as text at the precision of the tick unit: `2000 – 2024`, `Mar 2003 – Jun 2005`,
/// `15 Mar 2003 – 2 Apr 2003`, `15 Mar 2003, 09:00 – 17:30`.
pub fn range_label(view: &Viewport, unit: Unit) -> String {
    let part = |t: f64, unit: Unit| {
        let days = floor_i64(t / 1440.0);
        let (y, m, d) = civil_from_days(days);
        let month = MONTHS_SHORT.get(usize::from(m).wrapping_sub(1)).copied().unwrap_or_default();
        let mins = floor_i64(t).rem_euclid(1440);
        let y = year_en(historical(y));
        match unit {
            Unit::Year => y,
            Unit::Month => format!("{month} {y}"),
            Unit::Day => format!("{d} {month} {y}"),
            Unit::Hour | Unit::Minute => format!("{d} {month} {y}, {:02}:{:02}", mins / 60, mins % 60),
        }
    };
    // The right edge is exclusive: name the last minute shown.
    let (a, b) = (part(view.from, unit), part(view.to - 1.0, unit));
    if a == b {
        a
    } else {
        format!("{a} – {b}")
    }
}
