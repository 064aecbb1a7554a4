//! Input on the time axis, turned into intents: the wheel (summed per animation frame), pointer drags
//! and pinches, and the arrow keys on a mark.
//!
//! Ctrl/⌘ + wheel (and a trackpad pinch, which arrives as Ctrl + wheel) zooms about the pointer; a
//! horizontal wheel or Shift + wheel pans; a plain vertical wheel is left to the page. One pointer
//! drags (after 4 px, so that a tap still clicks), two pinch.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::state::{Data, Direction, Intent};

/// The left edge of the surface in viewport pixels.
fn left_of(surface: &NodeRef) -> f64 {
    surface.cast::<Element>().map_or(0.0, |s| s.get_bounding_client_rect().left())
}

/// Wheel input not yet applied: a trackpad sends far more events than frames, so they are summed and
/// applied once per animation frame (one render per frame, whatever the input rate).
#[derive(Default)]
pub(super) struct WheelBatch {
    factor: Option<f64>,
    anchor: f64,
    pan: f64,
    scheduled: bool,
}

/// Adds a wheel event to the batch, and schedules the batch's intents for the next frame.
pub(super) fn on_wheel(
    e: &WheelEvent,
    send: &Callback<Intent>,
    surface: &NodeRef,
    batch: &Rc<RefCell<WheelBatch>>,
) {
    let scale = match e.delta_mode() {
        1 => 16.0,  // lines
        2 => 400.0, // pages
        _ => 1.0,
    };
    let (dx, dy) = (e.delta_x() * scale, e.delta_y() * scale);
    let mut b = batch.borrow_mut();
    if e.ctrl_key() || e.meta_key() {
        e.prevent_default();
        let factor = crate::layout::within((-dy * 0.002).exp(), 0.25, 4.0);
        b.factor = Some(b.factor.unwrap_or(1.0) * factor);
        b.anchor = f64::from(e.client_x()) - left_of(surface);
    } else if e.shift_key() && dy != 0.0 {
        e.prevent_default();
        b.pan -= dy;
    } else if dx.abs() > dy.abs() {
        e.prevent_default();
        b.pan -= dx;
    } else {
        return;
    }
    if b.scheduled {
        return;
    }
    b.scheduled = true;
    let (send, batch) = (send.clone(), batch.clone());
    let apply = Closure::once_into_js(move || {
        let WheelBatch { factor, anchor, pan, .. } = std::mem::take(&mut *batch.borrow_mut());
        if let Some(factor) = factor {
            send.emit(Intent::ZoomBy {
                factor: crate::layout::within(factor, 0.01, 100.0),
                anchor: Some(anchor),
            });
        }
        if pan != 0.0 {
            send.emit(Intent::PanBy(pan));
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(apply.unchecked_ref());
    }
}

/// Pointer gestures under way.
#[derive(Default)]
pub(super) struct Gesture {
    pointers: Vec<(i32, f64)>,
    dragging: bool,
    start_x: f64,
}

impl Gesture {
    pub(super) fn down(&mut self, e: &PointerEvent) {
        if e.button() != 0 && e.pointer_type() == "mouse" {
            return;
        }
        self.pointers.retain(|(id, _)| *id != e.pointer_id());
        self.pointers.push((e.pointer_id(), f64::from(e.client_x())));
        if self.pointers.len() == 1 {
            self.start_x = f64::from(e.client_x());
            self.dragging = false;
        }
    }

    pub(super) fn moved(&mut self, e: &PointerEvent, send: &Callback<Intent>, surface: &NodeRef) {
        let x = f64::from(e.client_x());
        let Some(i) = self.pointers.iter().position(|(id, _)| *id == e.pointer_id()) else { return };
        let Some(prev) = self.pointers.get(i).map(|p| p.1) else { return };
        if self.pointers.len() >= 2 {
            let other = self.pointers.get(1 - i.min(1)).map_or(prev, |p| p.1);
            let (d0, d1) = ((prev - other).abs(), (x - other).abs());
            if let Some(p) = self.pointers.get_mut(i) {
                p.1 = x;
            }
            if d0 > 8.0 && d1 > 8.0 {
                let left = left_of(surface);
                self.begin(e, send, surface);
                send.emit(Intent::ZoomBy { factor: d1 / d0, anchor: Some((x + other) / 2.0 - left) });
            }
            return;
        }
        if !self.dragging && (x - self.start_x).abs() > 4.0 {
            self.begin(e, send, surface);
        }
        if let Some(p) = self.pointers.get_mut(i) {
            p.1 = x;
        }
        if self.dragging {
            send.emit(Intent::PanBy(x - prev));
        }
    }

    fn begin(&mut self, e: &PointerEvent, send: &Callback<Intent>, surface: &NodeRef) {
        if !self.dragging {
            self.dragging = true;
            // Capture only once it is a drag: capturing on press would retarget the click of a mark.
            if let Some(s) = surface.cast::<Element>() {
                let _ = s.set_pointer_capture(e.pointer_id());
            }
            send.emit(Intent::Gesture(true));
        }
    }

    pub(super) fn up(&mut self, e: &PointerEvent, send: &Callback<Intent>) {
        self.pointers.retain(|(id, _)| *id != e.pointer_id());
        if self.pointers.is_empty() && self.dragging {
            self.dragging = false;
            send.emit(Intent::Gesture(false));
        }
    }
}

/// Arrow keys, Home and End on a mark: the mark's entry and the direction (see `state::keys`).
pub(super) fn on_mark_key(e: &KeyboardEvent, send: &Callback<Intent>, prefix: &str, data: &Data) {
    let Some(dir) = Direction::from_key(&e.key()) else { return };
    let Some(target) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else { return };
    let Some(from) = data.get().and_then(|t| crate::components::entry_of_dom_id(prefix, &target.id(), t))
    else {
        return;
    };
    e.prevent_default();
    send.emit(Intent::Move { from, dir });
}
