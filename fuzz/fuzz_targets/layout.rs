//! Layout and view state with arbitrary numbers (NaN, infinities, huge and tiny values included):
//! zoom, pan, clamp, ticks, placement and bands must never panic, and a clamped view stays valid.
#![no_main]

use anti_trafficking_timeline::layout::{
    bands, lane_order, place, place_in_order, range_label, ticks, BandInput, Frame, Limits, MarkInput, Unit,
    Viewport,
};
use anti_trafficking_timeline::state::{Action, ViewState};
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    span: (f64, f64),
    width: f64,
    marks: Vec<(u8, f64, f64, f64, bool)>,
    periods: Vec<(u8, f64, Option<f64>)>,
    actions: Vec<Step>,
    max_rows: u8,
}

#[derive(Arbitrary, Debug)]
enum Step {
    Zoom(f64, Option<f64>),
    Pan(f64),
    Show(f64, f64, f64),
    Resize(f64),
    Edge(bool),
    Fit,
}

fuzz_target!(|input: Input| {
    let lim = Limits::around(input.span.0, input.span.1);
    let mut state = std::rc::Rc::new(ViewState::new(lim, Viewport::fit(&lim)));
    state = state.apply(Action::Resize(input.width));
    let lanes = 4;
    let marks: Vec<MarkInput> = input
        .marks
        .iter()
        .map(|&(lane, start, end, label_w, pinned)| MarkInput {
            lane: usize::from(lane % 5),
            start,
            end,
            label_w,
            pinned,
        })
        .collect();
    let order = lane_order(&marks, lanes);
    let periods: Vec<BandInput> = input
        .periods
        .iter()
        .map(|&(g, start, end)| BandInput { group: usize::from(g % 3), start, end })
        .collect();
    for step in input.actions.iter().take(64) {
        let action = match *step {
            Step::Zoom(f, a) => Action::ZoomBy { factor: f, anchor: a },
            Step::Pan(dx) => Action::PanBy(dx),
            Step::Show(a, b, pad) => Action::Show { from: a, to: b, pad },
            Step::Resize(w) => Action::Resize(w),
            Step::Edge(e) => Action::Edge(e),
            Step::Fit => Action::Fit,
        };
        state = state.apply(action);
        let v = state.view;
        let w = state.width.max(1.0);
        if lim.min.is_finite() && lim.max.is_finite() && lim.max > lim.min {
            assert!(
                v.from >= lim.min - 1e-6 * lim.max_span().abs().max(1.0) || !v.from.is_finite(),
                "{v:?} {lim:?}"
            );
        }
        let t = ticks(&v, w);
        let _ = range_label(&v, t.step.unit);
        let _ = range_label(&v, Unit::Minute);
        let _ = place(&marks, lanes, &v, w, usize::from(input.max_rows % 6));
        let _ = place_in_order(&marks, &order, &[0, 1, usize::MAX], &Frame::world(&v, w, &lim), 3);
        let _ = bands(&periods, 3, lim.max, &v, w, 44.0);
    }
});
