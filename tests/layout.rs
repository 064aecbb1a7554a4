//! Property tests of the layout: the geometry readers rely on.
#![cfg(not(target_arch = "wasm32"))]
// A failing test panics: that is how it reports. The no-panic lints guard the widget, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use anti_trafficking_timeline::layout::{
    admit, bands, lane_order, place, place_in_order, ticks, title_width, within, BandInput, Candidate, Frame,
    Limits, MarkInput, Unit, Viewport, GAP, LABEL_GAP,
};
use proptest::prelude::*;

const YEAR: f64 = 365.25 * 1440.0;
const Y2000: f64 = 10_957.0 * 1440.0; // 2000-01-01 in minutes since 1970

fn limits() -> Limits {
    Limits::around(Y2000, Y2000 + 25.0 * YEAR)
}

/// A window inside the 2000–2024 limits: `from` fraction and a span from 30 minutes to everything.
fn viewport() -> impl Strategy<Value = Viewport> {
    (0.0f64..1.0, 0.0f64..1.0).prop_map(|(a, s)| {
        let lim = limits();
        let span = lim.min_span * (lim.max_span() / lim.min_span).powf(s);
        let from = lim.min + a * (lim.max_span() - span);
        Viewport { from, to: from + span }
    })
}

proptest! {
    #[test]
    fn within_bounds_like_clamp_and_never_panics(v in any::<f64>(), lo in any::<f64>(), hi in any::<f64>()) {
        let r = within(v, lo, hi);
        if lo <= hi && !v.is_nan() {
            prop_assert!(r == v.clamp(lo, hi), "{r} vs clamp {}", v.clamp(lo, hi));
        }
        if !hi.is_nan() && !lo.is_nan() {
            prop_assert!(r <= hi);
        }
    }

    /// The widget places marks once per zoom level: a pan must not change the world frame, and the
    /// world placement seen through the view's offset is where the view frame puts each mark.
    #[test]
    fn a_pan_keeps_the_world_placement(
        starts in proptest::collection::vec((0usize..3, 0.0f64..1.0, 0.0f64..0.01, 1usize..60), 0..200),
        v in viewport(), width in 300.0f64..1600.0, dx in -5000.0f64..5000.0
    ) {
        let lim = limits();
        let marks: Vec<MarkInput> = starts.iter().map(|&(lane, s, len, chars)| {
            let start = lim.min + s * lim.max_span();
            MarkInput { lane, start, end: start + len * lim.max_span(), label_w: title_width(chars), pinned: false }
        }).collect();
        let order = lane_order(&marks, 3);
        let before = Frame::world(&v, width, &lim);
        let after = Frame::world(&v.pan(dx, width, &lim), width, &lim);
        prop_assert_eq!(before, after);
        let world = place_in_order(&marks, &order, &[], &before, 3);
        // Without flipping or clusters near the edges, the view frame agrees with the world frame.
        let view = place_in_order(&marks, &order, &[], &Frame { left: f64::NEG_INFINITY, right: f64::INFINITY, ..Frame::of_view(&v, width) }, 3);
        let wide = place_in_order(&marks, &order, &[], &Frame { left: f64::NEG_INFINITY, right: f64::INFINITY, ..before }, 3);
        prop_assert_eq!(view.placed.len(), wide.placed.len());
        let off = before.x(v.from);
        for (a, b) in view.placed.iter().zip(&wide.placed) {
            prop_assert_eq!((a.index, a.row), (b.index, b.row));
            // Near the view (where it matters), within a tenth of a pixel: the world frame's span is
            // rounded to 1/1024 minute.
            if a.x.abs() < 3.0 * width {
                prop_assert!((a.x - (b.x - off)).abs() < 0.1, "{} vs {}", a.x, b.x - off);
            }
        }
        // Every label in the world frame stays within the data's span.
        for p in &world.placed {
            prop_assert!(!p.flipped || p.left >= before.left - 1e-6);
        }
    }

    #[test]
    fn time_to_px_to_time_round_trips_within_a_pixel(v in viewport(), width in 200.0f64..2000.0, f in 0.0f64..1.0) {
        let t = v.from + f * v.span();
        let x = v.x(t, width);
        let back = v.t(x, width);
        prop_assert!((v.x(back, width) - x).abs() < 1.0);
        prop_assert!((back - t).abs() <= v.span() / width);
    }

    #[test]
    fn zoom_about_a_point_keeps_that_point_fixed(
        v in viewport(), width in 200.0f64..2000.0, ax in 0.0f64..1.0, factor in 0.25f64..4.0
    ) {
        let lim = limits();
        let anchor = ax * width;
        let t_before = v.t(anchor, width);
        let z = v.zoom(factor, anchor, width, &lim);
        prop_assert!(z.from >= lim.min - 1e-6 && z.to <= lim.max + 1e-6);
        prop_assert!(z.span() >= lim.min_span - 1e-6);
        let wanted = (v.span() / factor).clamp(lim.min_span, lim.max_span());
        let unclamped_from = t_before - anchor / width * wanted;
        let clamped = unclamped_from < lim.min || unclamped_from + wanted > lim.max || wanted != v.span() / factor;
        if !clamped {
            // Within a millionth of the span (f64 rounding on ~1.6e7-minute values).
            prop_assert!((z.t(anchor, width) - t_before).abs() <= z.span() * 1e-6, "{} vs {}", z.t(anchor, width), t_before);
        }
    }

    #[test]
    fn ticks_are_sorted_distinct_inside_and_never_overlap(v in viewport(), width in 240.0f64..2000.0) {
        let t = ticks(&v, width);
        // A window at least as long as the longest interval of the step (31-day months, leap years) has a tick.
        let usable = v.span() * (width - t.step.label_px()) / width;
        prop_assert!(!t.ticks.is_empty() || usable < t.step.min_minutes() * 31.0 / 28.0);
        let label_px = t.step.label_px();
        for w in t.ticks.windows(2) {
            prop_assert!(w[0].t < w[1].t, "not sorted: {:?}", w);
            prop_assert!(w[1].x - w[0].x >= label_px + LABEL_GAP - 1e-6, "labels overlap at {:?}: {:?}", t.step, w);
            prop_assert!(w[0].label != w[1].label || t.step.unit >= Unit::Hour, "repeated label {:?}", w);
        }
        for tk in &t.ticks {
            prop_assert!(tk.t >= v.from - 1e-6 && tk.t <= v.to + 1e-6);
            prop_assert!(tk.x >= -1e-6 && tk.x + label_px <= width + 1e-6, "label outside the view: {:?}", tk);
        }
    }

    #[test]
    fn no_two_labels_in_a_lane_overlap(
        starts in proptest::collection::vec((0usize..3, 0.0f64..1.0, 0.0f64..0.05, 1usize..60, proptest::bool::weighted(0.02)), 0..300),
        v in viewport(), width in 300.0f64..1600.0, max_rows in 1usize..5
    ) {
        let lim = limits();
        let marks: Vec<MarkInput> = starts.iter().map(|&(lane, s, len, chars, pinned)| {
            let start = lim.min + s * lim.max_span();
            MarkInput { lane, start, end: start + len * lim.max_span() + 1440.0, label_w: title_width(chars), pinned }
        }).collect();
        let out = place(&marks, 3, &v, width, max_rows);
        // Every mark is either placed or in exactly one cluster.
        let mut seen = vec![0u8; marks.len()];
        for p in &out.placed { seen[p.index] += 1; }
        for c in &out.clusters {
            for &m in &c.members { seen[m] += 1; }
            prop_assert!(c.x <= width - c.w + 1e-6, "cluster beyond the right edge");
        }
        prop_assert!(seen.iter().all(|&n| n == 1));
        // Pinned marks are never in a cluster.
        prop_assert!(out.clusters.iter().all(|c| c.members.iter().all(|&m| !marks[m].pinned)));
        // Boxes in the same lane and row never overlap; neither do clusters.
        let mut boxes: Vec<(usize, usize, f64, f64)> = out.placed.iter().map(|p| (p.lane, p.row, p.left, p.left + p.w)).collect();
        boxes.extend(out.clusters.iter().map(|c| (c.lane, c.row, c.x, c.x + c.w)));
        boxes.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(a.2.total_cmp(&b.2)));
        // Pinned marks may share a row with each other only when more pinned marks collide than
        // there are rows; outside that case no two boxes in a row overlap.
        let pinned = marks.iter().filter(|m| m.pinned).count();
        if pinned <= 1 {
            for w in boxes.windows(2) {
                if (w[0].0, w[0].1) == (w[1].0, w[1].1) {
                    prop_assert!(w[0].3 + GAP <= w[1].2 + 1e-6, "overlap: {:?}", w);
                }
            }
        }
        for p in &out.placed {
            prop_assert!(p.row < max_rows);
            prop_assert!(p.w >= marks[p.index].label_w - 1e-9);
            // A flipped label ends at its dot and stays inside the view.
            let label_w = marks[p.index].label_w;
            let tol = 1e-9 * p.x.abs().max(1.0);
            let ok = if p.flipped { (p.x - p.left - label_w).abs() < tol && p.left >= 0.0 } else { p.left == p.x };
            prop_assert!(ok, "flip geometry {:?}", p);
        }
    }

    #[test]
    fn period_bands_in_a_row_never_overlap(
        ps in proptest::collection::vec((0usize..2, 0.0f64..1.0, proptest::option::of(0.0f64..0.3)), 0..40),
        v in viewport(), width in 300.0f64..1600.0, min_w in prop_oneof![Just(0.0f64), Just(44.0f64)]
    ) {
        let lim = limits();
        let input: Vec<BandInput> = ps.iter().map(|&(group, s, len)| {
            let start = lim.min + s * lim.max_span();
            BandInput { group, start, end: len.map(|l| start + l * lim.max_span()) }
        }).collect();
        let (out, rows) = bands(&input, 2, lim.max, &v, width, min_w);
        prop_assert_eq!(out.len(), input.len());
        for a in &out {
            prop_assert!(a.row < rows[a.group]);
            prop_assert!(a.w >= min_w);
            for b in &out {
                if a.index != b.index && a.group == b.group && a.row == b.row {
                    prop_assert!(a.x + a.w <= b.x || b.x + b.w <= a.x, "bands overlap: {:?} {:?}", a, b);
                }
            }
        }
    }
}

#[test]
fn the_tick_unit_follows_the_zoom() {
    let lim = limits();
    let all = Viewport::fit(&lim);
    let width = 1000.0;
    assert_eq!(ticks(&all, width).step.unit, Unit::Year);
    let year = Viewport { from: Y2000, to: Y2000 + YEAR };
    assert_eq!(ticks(&year, width).step.unit, Unit::Month);
    let two_months = Viewport { from: Y2000, to: Y2000 + 60.0 * 1440.0 };
    assert_eq!(ticks(&two_months, width).step.unit, Unit::Day);
    let three_days = Viewport { from: Y2000, to: Y2000 + 3.0 * 1440.0 };
    let t = ticks(&three_days, width);
    assert_eq!(t.step.unit, Unit::Hour);
    let labels: Vec<&str> = t.ticks.iter().map(|t| t.label.as_str()).take(5).collect();
    assert_eq!(labels, ["1 Jan", "06:00", "12:00", "18:00", "2 Jan"], "midnight ticks name the day");
    let day = Viewport { from: Y2000, to: Y2000 + 1440.0 };
    assert_eq!(ticks(&day, width).step.unit, Unit::Hour);
    let hour = Viewport { from: Y2000, to: Y2000 + 60.0 };
    assert_eq!(ticks(&hour, width).step.unit, Unit::Minute);
    // Labels show exactly the unit.
    let labels: Vec<String> = ticks(&year, width).ticks.iter().map(|t| t.label.clone()).collect();
    assert_eq!(labels.first().map(String::as_str), Some("Jan 2000"));
    let labels: Vec<String> = ticks(&all, width).ticks.iter().map(|t| t.label.clone()).collect();
    assert!(labels.contains(&"2000".to_owned()) && labels.contains(&"2020".to_owned()), "{labels:?}");
}

#[test]
fn zoom_is_bounded_by_the_data_and_by_minutes() {
    let lim = limits();
    let mut v = Viewport::fit(&lim);
    for _ in 0..100 {
        v = v.zoom(2.0, 500.0, 1000.0, &lim);
    }
    assert!((v.span() - lim.min_span).abs() < 1e-6, "closest zoom is {} minutes", v.span());
    for _ in 0..100 {
        v = v.zoom(0.5, 10.0, 1000.0, &lim);
    }
    assert_eq!(v, Viewport::fit(&lim));
    let panned = v.pan(1e9, 1000.0, &lim);
    assert_eq!(panned, v, "cannot pan beyond the data");
}

#[test]
fn dense_marks_become_clusters_that_separate_when_zoomed() {
    let lim = limits();
    let all = Viewport::fit(&lim);
    let marks: Vec<MarkInput> = (0..6)
        .map(|i| {
            let start = Y2000 + f64::from(i) * 1440.0;
            MarkInput { lane: 0, start, end: start + 1440.0, label_w: 120.0, pinned: false }
        })
        .collect();
    let out = place(&marks, 1, &all, 1000.0, 2);
    assert_eq!(out.placed.len(), 2);
    assert_eq!(out.clusters.len(), 1);
    assert_eq!(out.clusters[0].members, vec![2, 3, 4, 5]);
    assert_eq!(out.rows, vec![3]);
    // A pinned mark is placed even where it would have been clustered.
    let mut pinned = marks.clone();
    pinned[4].pinned = true;
    let out = place(&pinned, 1, &all, 1000.0, 2);
    assert!(out.placed.iter().any(|p| p.index == 4));
    assert!(out.clusters.iter().all(|c| !c.members.contains(&4)));
    let close = Viewport { from: Y2000 - 1440.0, to: Y2000 + 10.0 * 1440.0 };
    let out = place(&marks, 1, &close, 1000.0, 2);
    assert_eq!(out.placed.len(), 6);
    assert!(out.clusters.is_empty());
}

/// Regressions (found by `cargo xtask fuzz`, target `layout`): limits from extreme numbers with a NaN
/// width and a zoom by 0, or a huge span and width then a pan, overflowed the ticks' day arithmetic.
#[test]
fn extreme_numbers_never_panic() {
    use anti_trafficking_timeline::state::{Data, Intent, ViewState};
    let odd = [
        0.0,
        -0.0,
        1e-300,
        -1.669_502_751_087_051_3e305,
        9.061_310_151_404_359e49,
        -2.572_248_787_790_944e-71,
        3.533_694_125_000_998_5e72,
        1.221_202_709_454_332e71,
        f64::MAX,
        f64::MIN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ];
    for &a in &odd {
        for &b in &odd {
            let lim = Limits::around(a, b);
            let data = Data(std::rc::Rc::new(Err(Vec::new())));
            let mut s = std::rc::Rc::new(ViewState::new(data, lim, Viewport::fit(&lim)));
            for &w in &odd {
                for intent in [
                    Intent::Resize(w),
                    Intent::ZoomBy { factor: 0.0, anchor: None },
                    Intent::PanBy(3.211e-308),
                ] {
                    s = s.apply(intent).0;
                }
                let width = s.width.max(1.0);
                let t = ticks(&s.view, width);
                let _ = anti_trafficking_timeline::layout::range_label(&s.view, t.step.unit);
                let marks = [MarkInput { lane: 0, start: a, end: b, label_w: w, pinned: false }];
                let _ = place(&marks, 1, &s.view, width, 3);
                let _ = place_in_order(
                    &marks,
                    &lane_order(&marks, 1),
                    &[0],
                    &Frame::world(&s.view, width, &lim),
                    3,
                );
                let _ = bands(&[BandInput { group: 0, start: a, end: Some(b) }], 1, b, &s.view, width, 44.0);
            }
        }
    }
}

#[test]
fn the_vertical_column_runs_by_year_in_time_order_in_chunks() {
    use anti_trafficking_timeline::layout::{years, Entry};
    use anti_trafficking_timeline::model::Category;
    let t = anti_trafficking_timeline::format::from_str(anti_trafficking_timeline::BUNDLED_DATA).unwrap();
    let ys = years(&t, &[], 4);
    assert_eq!(ys.first().map(|y| y.year), Some(2000));
    assert_eq!(ys.last().map(|y| y.year), Some(2024));
    assert!(ys.windows(2).all(|w| w[0].year < w[1].year), "each year once, in order");
    let entries: Vec<Entry> =
        ys.iter().flat_map(|y| y.chunks.iter().flat_map(|c| c.entries.iter().copied())).collect();
    assert_eq!(entries.len(), t.events.len() + t.periods.len(), "every event and period once");
    assert!(ys.iter().all(|y| y.chunks.iter().all(|c| !c.entries.is_empty() && c.entries.len() <= 4)));
    // No year of the bundled data is dense: no month markers.
    assert!(ys.iter().all(|y| y.chunks.iter().all(|c| c.month.is_none())));
    let start = |e: &Entry| match e {
        Entry::Event(i) => t.events[*i].when.start_minute(),
        Entry::Period(i) => t.periods[*i].when.start_minute(),
    };
    assert!(entries.windows(2).all(|w| start(&w[0]) <= start(&w[1])), "time runs down");
    // A hidden lane's events are not in the column; periods stay.
    let without_un = years(&t, &[Category::Un], 40);
    let n: usize = without_un.iter().flat_map(|y| y.chunks.iter()).map(|c| c.entries.len()).sum();
    let un = t.events.iter().filter(|e| e.category == Category::Un).count();
    assert_eq!(n, t.events.len() - un + t.periods.len());
}

#[test]
fn a_dense_year_gets_a_marker_per_month() {
    use anti_trafficking_timeline::layout::{years, DENSE_YEAR};
    let event = |i: usize, month: usize| {
        format!(
            r#"{{"id": "e{i}", "title": "E{i}", "date": {{"year": 2010, "month": {month}}}, "category": "un", "summary": "S", "sources": [{{"title": "s", "url": "https://example.org/{i}"}}]}}"#
        )
    };
    let events: Vec<String> = (0..40).map(|i| event(i, 1 + i % 3)).collect();
    let text = format!(r#"{{"version": 1, "events": [{}]}}"#, events.join(","));
    let t = anti_trafficking_timeline::format::from_str(&text).unwrap();
    let ys = years(&t, &[], 5);
    assert_eq!(ys.len(), 1);
    const { assert!(40 > DENSE_YEAR) };
    let months: Vec<(Option<u8>, bool, usize)> =
        ys[0].chunks.iter().map(|c| (c.month, c.first_of_month, c.entries.len())).collect();
    // January: 14 entries in chunks of 5; February and March: 13 each.
    assert_eq!(
        months,
        [
            (Some(1), true, 5),
            (Some(1), false, 5),
            (Some(1), false, 4),
            (Some(2), true, 5),
            (Some(2), false, 5),
            (Some(2), false, 3),
            (Some(3), true, 5),
            (Some(3), false, 5),
            (Some(3), false, 3),
        ]
    );
}

#[test]
fn a_band_shows_its_label_only_where_it_fits_whole() {
    use anti_trafficking_timeline::layout::band_label_fits;
    assert!(band_label_fits("Richey", 80.0));
    assert!(!band_label_fits("Salvoni (acting)", 47.0), "a few months' band at 1280 px");
    assert!(band_label_fits("Salvoni (acting)", 140.0));
    // Longer text never needs less room.
    let mut w = 0.0;
    while !band_label_fits("Giammarinaro", w) {
        w += 1.0;
    }
    assert!(!band_label_fits("Giammarinaro (OSCE)", w) && (40.0..120.0).contains(&w), "{w}");
}

/// From the Big Bang to today: round years, BCE as readers count them, never overlapping, on a
/// desktop and on a phone.
#[test]
fn cosmological_spans_get_round_readable_year_ticks() {
    use anti_trafficking_timeline::layout::{ticks, Limits, Viewport};
    use anti_trafficking_timeline::model::PartialDate;
    let y = |n: i64| PartialDate::new(n, None, None, None, None).unwrap();
    #[allow(clippy::cast_precision_loss, reason = "below 2^53")]
    let lim = Limits::around(y(-13_800_000_000).start_minute() as f64, y(2024).end_minute() as f64);
    for width in [1280.0, 390.0] {
        let t = ticks(&Viewport::fit(&lim), width);
        let labels: Vec<&str> = t.ticks.iter().map(|k| k.label.as_str()).collect();
        assert!(labels.len() >= if width > 1000.0 { 2 } else { 1 }, "{width}: {labels:?}");
        assert!(labels.iter().all(|l| l.ends_with(",000,000,000 BCE") || *l == "1"), "{width}: {labels:?}");
        for w in t.ticks.windows(2) {
            assert!(w[1].x - w[0].x >= 18.0 * 7.5, "{width}: labels overlap: {labels:?}");
        }
    }
    // Around the start of the era: 1 BCE is followed by 1 CE, and steps stay round.
    #[allow(clippy::cast_precision_loss, reason = "below 2^53")]
    let view = Viewport { from: y(-2500).start_minute() as f64, to: y(2500).start_minute() as f64 };
    let labels: Vec<String> = ticks(&view, 1280.0).ticks.into_iter().map(|k| k.label).collect();
    assert_eq!(labels, ["2000 BCE", "1000 BCE", "1", "1000", "2000"]);
}

proptest! {
    /// Marks enter and leave the DOM a budget per frame (`layout::admit`): marks that must be there
    /// always are, no frame adds or removes more than the budget (apart from marks no longer in the
    /// layout at all), and after a bounded number of frames exactly the wanted marks are shown.
    #[test]
    fn marks_come_and_go_a_budget_per_frame_and_settle_on_the_wanted_ones(
        xs in proptest::collection::vec((0.0..2000.0f64, any::<bool>(), any::<bool>()), 0..120),
        shown0 in proptest::collection::vec(any::<bool>(), 120),
        must_key in 0usize..120,
        add in 1usize..30,
        retire in 1usize..30,
    ) {
        let all: Vec<Candidate> = xs.iter().enumerate().map(|(key, &(x, wanted, _))| Candidate { key, x, wanted }).collect();
        let keys = 120;
        let must = |k: usize| k == must_key;
        let mut shown = shown0.clone();
        let mut frames = 0;
        loop {
            let a = admit(&all, keys, &shown, must, 1000.0, (add, retire));
            frames += 1;
            prop_assert_eq!(a.include.len(), all.len());
            let first = !shown.iter().any(|&s| s);
            let mut added = 0;
            let mut removed = 0;
            for (c, &inc) in all.iter().zip(&a.include) {
                if c.wanted && (must(c.key) || shown[c.key]) {
                    prop_assert!(inc, "mark {} must stay or come", c.key);
                }
                if !c.wanted && !shown[c.key] {
                    prop_assert!(!inc, "mark {} was not shown and is not wanted", c.key);
                }
                added += usize::from(inc && !shown[c.key] && !must(c.key));
                removed += usize::from(!inc && shown[c.key]);
            }
            if !first {
                prop_assert!(added <= add, "{} added, budget {}", added, add);
                prop_assert!(removed <= retire, "{} removed, budget {}", removed, retire);
            }
            // Keys no longer candidates are not shown.
            prop_assert!(a.shown.iter().enumerate().skip(all.len()).all(|(_, &s)| !s));
            shown = a.shown;
            if a.deferred == 0 {
                break;
            }
            prop_assert!(frames <= 2 + 120 / add.min(retire), "no end after {} frames", frames);
        }
        let wanted: Vec<bool> = (0..keys).map(|k| all.get(k).is_some_and(|c| c.wanted)).collect();
        prop_assert_eq!(shown, wanted);
    }
}
