//! The fetch of a data file (`src`): with a timeout, aborted on unmount or retry.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::format::Format;
use crate::source::{self, LoadError};
use crate::state::Data;

/// Where a fetch is.
#[derive(Clone, PartialEq)]
pub enum Fetch {
    /// Under way (or nothing to fetch).
    Loading,
    /// Loaded and valid.
    Done(Data),
    /// Failed: why.
    Failed(LoadError),
}

/// A request under way: its abort controller, its timeout timer, and the timer's callback.
type InFlight = (web_sys::AbortController, i32, Closure<dyn Fn()>);

/// Fetches `src` (again whenever `attempt` changes); `Loading` while there is nothing to fetch.
/// `shared`: the widget's own data file, loaded once per page (`source::shared`): an instance that
/// mounts after it has arrived starts with it, without a request or a "loading" frame.
#[hook]
pub fn use_fetch(src: Option<String>, format: Format, attempt: u32, shared: bool) -> Fetch {
    let cached = || src.as_deref().filter(|_| shared).and_then(source::shared);
    let fetched = use_state(|| cached().map_or(Fetch::Loading, Fetch::Done));
    {
        let fetched = fetched.clone();
        use_effect_with((src, attempt, format), move |(src, _, format)| {
            let format = *format;
            let mut cleanup: Option<InFlight> = None;
            let src = src.clone().filter(|u| !(shared && source::shared(u).is_some()));
            if let Some(src) = src {
                fetched.set(Fetch::Loading);
                if let (Ok(ctrl), Some(window)) = (web_sys::AbortController::new(), web_sys::window()) {
                    let signal = ctrl.signal();
                    let abort = {
                        let ctrl = ctrl.clone();
                        Closure::<dyn Fn()>::new(move || ctrl.abort())
                    };
                    let timer = window
                        .set_timeout_with_callback_and_timeout_and_arguments_0(
                            abort.as_ref().unchecked_ref(),
                            source::TIMEOUT_MS,
                        )
                        .unwrap_or(0);
                    yew::platform::spawn_local(async move {
                        let result = source::fetch(&src, &signal, format, shared).await;
                        if signal.aborted() && !matches!(result, Err(LoadError::Timeout)) {
                            return; // unmounted or retried meanwhile
                        }
                        if let Some(w) = web_sys::window() {
                            w.clear_timeout_with_handle(timer);
                        }
                        // Instances that shared the request share one copy of the data.
                        let first = if shared { source::shared(&src) } else { None };
                        fetched.set(match (result, first) {
                            (Ok(_), Some(data)) => Fetch::Done(data),
                            (Ok(t), None) => {
                                let data = Data(Rc::new(Ok(t)));
                                if shared {
                                    source::share(&src, &data);
                                }
                                Fetch::Done(data)
                            }
                            (Err(e), _) => Fetch::Failed(e),
                        });
                    });
                    cleanup = Some((ctrl, timer, abort));
                }
            }
            // On unmount or retry: stop the request and its timer.
            move || {
                if let Some((ctrl, timer, _abort)) = cleanup {
                    if let Some(w) = web_sys::window() {
                        w.clear_timeout_with_handle(timer);
                    }
                    ctrl.abort();
                }
            }
        });
    }
    (*fetched).clone()
}

/// A script's data that must be converted first (`mount(element, { data })` with a TimelineJS3
/// file): its text, loaded through the converter (`source::load`), again whenever `attempt` changes;
/// `Loading` while there is none.
#[hook]
pub fn use_converted(text: Option<AttrValue>, format: Format, attempt: u32) -> Fetch {
    let converted = use_state(|| Fetch::Loading);
    {
        let converted = converted.clone();
        use_effect_with((text, format, attempt), move |(text, format, _)| {
            let live = Rc::new(std::cell::Cell::new(true));
            if let Some(text) = text.clone() {
                let (format, live) = (*format, live.clone());
                converted.set(Fetch::Loading);
                yew::platform::spawn_local(async move {
                    let result = source::load(&text, format).await;
                    if live.get() {
                        converted.set(match result {
                            Ok(t) => Fetch::Done(Data(Rc::new(Ok(t)))),
                            Err(e) => Fetch::Failed(e),
                        });
                    }
                });
            }
            move || live.set(false)
        });
    }
    (*converted).clone()
}
