//! The time axis: ticks, period bands, one lane per category with stacked marks and clusters.
//!
//! Only what is visible (plus a margin) is in the DOM; positions come from `layout` and are applied
//! as transforms through the CSSOM (`geometry`). Input becomes intents (`input`): wheel, drag and
//! pinch zoom and pan; arrows, Home and End on a mark move between events (`state::keys`).

mod axis;
pub(crate) mod geometry;
pub(crate) use geometry::watch_geometry;
mod input;
mod marks;

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::use_lang;
use crate::hooks::{use_element_width, Measure};
use crate::layout::{admit, place_in_order, Candidate, Frame, LaneLayout, ADMIT_PER_FRAME, RETIRE_PER_FRAME};
use crate::state::{Intent, ViewState};
use geometry::{MAX_ROWS, OVERSCAN};
use input::{on_mark_key, on_wheel, Gesture, WheelBatch};
use marks::{lanes_html, prepare};

/// Compares by pointer: memo dependencies on large, immutable values.
struct Same<T>(Rc<T>);
impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Properties of [`Stage`].
#[derive(Properties, PartialEq)]
pub struct StageProps {
    /// Per-instance id prefix.
    pub prefix: AttrValue,
    /// The session's state.
    pub state: Rc<ViewState>,
    /// Where the reader's intents go.
    pub send: Callback<Intent>,
}

/// The time axis with its lanes.
#[function_component]
pub fn Stage(props: &StageProps) -> Html {
    crate::guard::rendering(&props.prefix);
    let lang = use_lang();
    let surface = use_node_ref();
    let state = &props.state;
    let send = &props.send;

    // Positions from data attributes to the CSSOM, for every element added or changed, in the same
    // frame as the render (a MutationObserver, see `watch_geometry`). Before the width below (effects
    // run in the order of their hooks): its measurement lays the widget out, and the first render's
    // marks (placed at the width the widget had when mounted) must be in place by then, or the frame
    // lays them out a second time.
    {
        let surface = surface.clone();
        use_effect_with((), move |()| {
            let stop = surface.cast::<Element>().map(|el| watch_geometry(&el));
            move || {
                if let Some(stop) = stop {
                    let _ = stop.call0(&wasm_bindgen::JsValue::NULL);
                }
            }
        });
    }
    // Its width, now and whenever it resizes (the container, not the window).
    use_element_width(surface.clone(), Measure::Content, send.reform(Intent::Resize), state.width > 0.0);
    // The marks, prepared once per data set, language and shown lanes.
    let prepared = use_memo((state.data.clone(), lang, state.hidden.clone()), |(data, lang, hidden)| {
        data.get().map(|t| prepare(t, *lang, hidden))
    });
    // The placement, in the frame of the whole span at this zoom: computed once per zoom level (and
    // selection), not once per pan step.
    let frame = Frame::world(&state.view, state.width.max(1.0), &state.limits);
    let placement = {
        let pins = (state.selected.clone(), state.active.clone());
        use_memo(
            (Same(prepared.clone()), state.data.clone(), frame, pins),
            |(prepared, data, frame, pins)| {
                let (Some(p), Some(t)) = (prepared.0.as_ref(), data.get()) else {
                    return LaneLayout::default();
                };
                // The selected and focused marks are never in a cluster.
                let pinned: Vec<usize> = p
                    .events
                    .iter()
                    .enumerate()
                    .filter(|(_, &i)| {
                        t.events
                            .get(i)
                            .is_some_and(|e| [&pins.0, &pins.1].iter().any(|id| id.as_ref() == Some(&e.id)))
                    })
                    .map(|(k, _)| k)
                    .collect();
                place_in_order(&p.marks, &p.order, &pinned, frame, MAX_ROWS)
            },
        )
    };
    let wheel_batch = use_mut_ref(WheelBatch::default);
    let gesture = use_mut_ref(Gesture::default);
    // The marks the last frame showed (by mark index, for this `prepared`), and whether marks wait
    // for a later frame (`layout::admit`): then the next animation frame renders again and adds more.
    let shown = use_mut_ref(|| (0_usize, Vec::<bool>::new()));
    let waiting = use_mut_ref(|| (0_usize, false));
    {
        let (waiting, force) = (waiting.clone(), use_force_update());
        use_effect(move || {
            let mut w = waiting.borrow_mut();
            if w.0 == 0 || w.1 {
                return;
            }
            w.1 = true;
            let waiting = waiting.clone();
            let next = wasm_bindgen::closure::Closure::once_into_js(move || {
                waiting.borrow_mut().1 = false;
                force.force_update();
            });
            if let Some(win) = web_sys::window() {
                let _ = win.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&next));
            }
        });
    }
    let prepared_at = Rc::as_ptr(&prepared) as usize;
    let Some(t) = state.timeline() else { return Html::default() };
    let Some(prepared) = prepared.as_ref() else { return Html::default() };

    let onwheel = {
        let (send, surface) = (send.clone(), surface.clone());
        Callback::from(move |e: WheelEvent| on_wheel(&e, &send, &surface, &wheel_batch))
    };
    let onpointerdown = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| gesture.borrow_mut().down(&e))
    };
    let onpointermove = {
        let (gesture, send, surface) = (gesture.clone(), send.clone(), surface.clone());
        Callback::from(move |e: PointerEvent| gesture.borrow_mut().moved(&e, &send, &surface))
    };
    let onpointerup = {
        let (gesture, send): (Rc<RefCell<Gesture>>, _) = (gesture, send.clone());
        Callback::from(move |e: PointerEvent| gesture.borrow_mut().up(&e, &send))
    };
    let onkeydown = {
        let (send, prefix, data) = (send.clone(), props.prefix.to_string(), state.data.clone());
        Callback::from(move |e: KeyboardEvent| on_mark_key(&e, &send, &prefix, &data))
    };

    let width = state.width;
    let off = frame.x(state.view.from);
    let body = if width > 0.0 {
        let include = {
            let mut shown = shown.borrow_mut();
            if shown.0 != prepared_at {
                *shown = (prepared_at, Vec::new());
            }
            // Marks are keyed by their index, clusters by their first member's, after the marks.
            let n = prepared.marks.len();
            let rendered = |left: f64, w: f64| left + w > off - OVERSCAN && left < off + width + OVERSCAN;
            let mut all = Vec::with_capacity(placement.placed.len() + placement.clusters.len());
            for p in &placement.placed {
                all.push(Candidate { key: p.index, x: p.x, wanted: rendered(p.left, p.w) });
            }
            for c in &placement.clusters {
                let key = n + c.members.first().copied().unwrap_or(0);
                all.push(Candidate { key, x: c.x, wanted: rendered(c.x, c.w) });
            }
            let must = |k: usize| {
                prepared.events.get(k).and_then(|&i| t.events.get(i)).is_some_and(|e| {
                    [&state.selected, &state.active].iter().any(|id| id.as_ref() == Some(&e.id))
                })
            };
            let a =
                admit(&all, 2 * n, &shown.1, must, off + width / 2.0, (ADMIT_PER_FRAME, RETIRE_PER_FRAME));
            shown.1 = a.shown;
            waiting.borrow_mut().0 = a.deferred;
            let mut include = a.include;
            let clusters = include.split_off(placement.placed.len());
            (include, clusters)
        };
        html! {
            <>
                { axis::axis(&state.view, width, lang) }
                { axis::period_bands(state, send, &props.prefix, t, lang) }
                { lanes_html((state, send, &props.prefix), t, prepared, (&placement, &include.0, &include.1), off, lang) }
            </>
        }
    } else {
        *shown.borrow_mut() = (prepared_at, Vec::new());
        waiting.borrow_mut().0 = 0;
        Html::default()
    };
    html! {
        <div class={classes!("att-surface", (state.animate && !state.gesture).then_some("att-anim"), state.gesture.then_some("att-drag"))} ref={surface}
            {onwheel} {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()}
            onpointercancel={onpointerup} {onkeydown}>
            { body }
        </div>
    }
}
