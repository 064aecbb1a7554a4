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
use crate::layout::{place_in_order, Frame, LaneLayout};
use crate::state::{Intent, ViewState};
use geometry::MAX_ROWS;
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
    let body = if width > 0.0 {
        html! {
            <>
                { axis::axis(&state.view, width, lang) }
                { axis::period_bands(state, send, &props.prefix, t, lang) }
                { lanes_html((state, send, &props.prefix), t, prepared, &placement, frame.x(state.view.from), lang) }
            </>
        }
    } else {
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
