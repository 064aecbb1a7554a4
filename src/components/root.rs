//! The top of an instance: the bundled data, or a data file fetched from `src` with a timeout, a size
//! cap, and a visible explanation with a retry when it fails.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::errors::ErrorList;
use super::{HostEvent, Loaded, Request, Shared, TimelineView};
use crate::source::{self, LoadError};

/// Properties of [`Root`].
#[derive(Properties, PartialEq, Clone)]
pub struct RootProps {
    /// `false` while the app waits in the embedder's pool: nothing is rendered, nothing runs.
    #[prop_or(true)]
    pub active: bool,
    /// URL of a data file to fetch; `None` uses `data`.
    #[prop_or_default]
    pub src: Option<String>,
    /// The format of `src`: detected, or declared by the page.
    #[prop_or_default]
    pub format: crate::model::Format,
    /// Already loaded data (the bundled file).
    #[prop_or_default]
    pub data: Option<Shared>,
    /// Per-instance id prefix.
    pub prefix: AttrValue,
    /// What to show first.
    #[prop_or_default]
    pub start: Option<AttrValue>,
    /// Interface language.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// `light`, `dark` or `auto`.
    #[prop_or_default]
    pub theme: Option<AttrValue>,
    /// Requests from the host page.
    #[prop_or_default]
    pub request: Option<(u32, Request)>,
    /// Events for the host page.
    #[prop_or_default]
    pub on_host: Callback<HostEvent>,
    /// Told the data once it is loaded (the embedder uses it for event details).
    #[prop_or_default]
    pub on_data: Callback<Rc<Loaded>>,
    /// Which widget this is on the page (1, 2, …).
    #[prop_or(1)]
    pub ordinal: u32,
}

/// A request under way: its abort controller, its timeout timer, and the timer's callback.
type InFlight = (web_sys::AbortController, i32, Closure<dyn Fn()>);

#[derive(Clone, PartialEq)]
enum Fetch {
    Loading,
    Done(Shared),
    Failed(LoadError),
}

/// One instance of the widget. Keyed by the instance's prefix, so that an app reused from the
/// embedder's pool starts with fresh state.
#[function_component]
pub fn Root(props: &RootProps) -> Html {
    if !props.active {
        return Html::default();
    }
    html! { <Instance key={props.prefix.to_string()} ..props.clone() /> }
}

/// Loads the data if needed, then shows the timeline.
#[function_component]
fn Instance(props: &RootProps) -> Html {
    crate::guard::rendering(&props.prefix);
    let fetched = use_state(|| Fetch::Loading);
    let attempt = use_state(|| 0u32);
    {
        let (fetched, on_data) = (fetched.clone(), props.on_data.clone());
        use_effect_with((props.src.clone(), *attempt, props.format), move |(src, _, format)| {
            let format = *format;
            let mut cleanup: Option<InFlight> = None;
            if let Some(src) = src.clone() {
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
                        let result = source::fetch(&src, &signal, format).await;
                        if signal.aborted() && !matches!(result, Err(LoadError::Timeout)) {
                            return; // destroyed or retried meanwhile
                        }
                        if let Some(w) = web_sys::window() {
                            w.clear_timeout_with_handle(timer);
                        }
                        fetched.set(match result {
                            Ok(t) => {
                                let data = Rc::new(Ok(t));
                                on_data.emit(data.clone());
                                Fetch::Done(Shared(data))
                            }
                            Err(e) => Fetch::Failed(e),
                        });
                    });
                    cleanup = Some((ctrl, timer, abort));
                }
            }
            // On destroy or retry: stop the request and its timer.
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
    let data = match (&props.src, &props.data, &*fetched) {
        (None, Some(d), _) => Some(d.clone()),
        (Some(_), _, Fetch::Done(d)) => Some(d.clone()),
        _ => None,
    };
    let theme = props.theme.clone();
    let lang = props.lang.clone();
    let l = props.lang.as_deref().and_then(crate::model::Lang::from_tag).unwrap_or_default();
    let st = crate::i18n::strings(l);
    match data {
        Some(data) => html! {
            <TimelineView data={data} prefix={props.prefix.clone()} start={props.start.clone()}
                request={props.request.clone()} on_host={props.on_host.clone()} theme={theme} lang={lang}
                ordinal={props.ordinal} />
        },
        None => {
            let src = props.src.clone().unwrap_or_default();
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
            };
            let body = match &*fetched {
                Fetch::Failed(e) => html! {
                    <section class="att-errors" role="alert" aria-labelledby={format!("{}-title", props.prefix)}>
                        <h2 class="att-h" id={format!("{}-title", props.prefix)}>{ st.load_failed }</h2>
                        <p>{ e.explain(&src, l) }</p>
                        if let LoadError::Invalid(errs) = e {
                            <ErrorList errors={Rc::new(errs.clone())} prefix={AttrValue::from(format!("{}-data", props.prefix))} />
                        }
                        <button type="button" class="att-btn" onclick={retry}>{ st.try_again }</button>
                    </section>
                },
                _ => html! { <p class="att-loading" role="status">{ st.loading }</p> },
            };
            html! { <div class="att" id={props.prefix.clone()} data-theme={theme} lang={l.tag()}>{ body }</div> }
        }
    }
}
