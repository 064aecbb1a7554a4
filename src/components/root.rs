//! The top of an instance: data given by a script, or a data file fetched from `src` (the widget's own,
//! `data/timeline.LANG.json`, unless the page names another) with a timeout, a size cap, and a visible
//! explanation with a retry when it fails.

use std::rc::Rc;

use yew::prelude::*;

use super::errors::ErrorList;
use super::TimelineView;
use crate::hooks::{use_converted, use_fetch, Fetch, Inbox};
use crate::source::LoadError;
use crate::state::{Data, Effect};

/// Properties of [`Root`].
#[derive(Properties, PartialEq, Clone)]
pub struct RootProps {
    /// `false` while the app waits in the embedder's pool: nothing is rendered, nothing runs.
    #[prop_or(true)]
    pub active: bool,
    /// URL of a data file to fetch; `None` uses `data`.
    #[prop_or_default]
    pub src: Option<String>,
    /// `src` is the widget's own data file: loaded once per page, shared by the instances.
    #[prop_or_default]
    pub shared: bool,
    /// The format of `src`: detected, or declared by the page.
    #[prop_or_default]
    pub format: crate::format::Format,
    /// Vertical, horizontal, or by the widget's width.
    #[prop_or_default]
    pub layout: crate::state::Layout,
    /// Already loaded data (given by a script).
    #[prop_or_default]
    pub data: Option<Data>,
    /// A script's data that must be converted first (a TimelineJS3 file), as JSON text.
    #[prop_or_default]
    pub text: Option<AttrValue>,
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
    /// The host page's intents (`select`, `zoomTo`, `close`, deep links).
    #[prop_or_default]
    pub inbox: Inbox,
    /// The effects meant for the host page (events, URL hash).
    #[prop_or_default]
    pub on_effect: Callback<Effect>,
    /// Which widget this is on the page (1, 2, …).
    #[prop_or(1)]
    pub ordinal: u32,
    /// The element's width when it was mounted (CSS pixels; 0 if unknown): see
    /// [`TimelineViewProps::host_width`](super::timeline::TimelineViewProps).
    #[prop_or_default]
    pub host_width: f64,
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
    let attempt = use_state(|| 0u32);
    let fetched = use_fetch(props.src.clone(), props.format, *attempt, props.shared);
    let converted = use_converted(props.text.clone(), props.format, *attempt);
    let fetched = if props.text.is_some() { converted } else { fetched };
    let data = match (&props.src, &props.data, &fetched) {
        (None, Some(d), _) => Some(d.clone()),
        (_, _, Fetch::Done(d)) => Some(d.clone()),
        _ => None,
    };
    let theme = props.theme.clone();
    let lang = props.lang.clone();
    let l = props.lang.as_deref().and_then(crate::model::Lang::from_tag).unwrap_or_default();
    let st = crate::i18n::strings(l);
    match data {
        Some(data) => html! {
            <TimelineView data={data} prefix={props.prefix.clone()} start={props.start.clone()}
                inbox={props.inbox.clone()} on_effect={props.on_effect.clone()} theme={theme} lang={lang}
                layout={props.layout} host_width={props.host_width}
                ordinal={props.ordinal} />
        },
        None => {
            let src = props.src.clone().unwrap_or_default();
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
            };
            let body = match &fetched {
                Fetch::Failed(e) => html! {
                    <section class="att-errors" role="alert" aria-labelledby={format!("{}-title", props.prefix)}>
                        <h2 class="att-h" id={format!("{}-title", props.prefix)}>{ st.load_failed }</h2>
                        <p>{ e.explain(&src, l) }</p>
                        if let LoadError::Invalid(errs) = e {
                            <ErrorList errors={Rc::new(errs.clone())} prefix={AttrValue::from(format!("{}-data", props.prefix))} lang={l} />
                        }
                        <button type="button" class="att-btn" onclick={retry}>{ st.try_again }</button>
                    </section>
                },
                _ => html! { <p class="att-loading" role="status">{ st.loading }</p> },
            };
            // The width classes of the width read at mount (this view does not measure itself).
            let classes = classes!("att", crate::state::width_classes_of(props.host_width));
            html! { <div class={classes} id={props.prefix.clone()} data-theme={theme} lang={l.tag()}>{ body }</div> }
        }
    }
}
