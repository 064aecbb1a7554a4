//! Above the lanes: the time axis's ticks, and the period bands (mandates, evaluation rounds).

use yew::prelude::*;

use super::geometry::{band_h, px, rows, OVERSCAN};
use crate::components::{entry_dom_id, lang_attr};
use crate::i18n::strings;
use crate::layout::{bands, ticks, BandInput, Viewport};
use crate::model::{Lang, Timeline};
use crate::state::{minutes, Intent, ViewState};

/// The ticks, labelled in the reader's language.
pub(super) fn axis(view: &Viewport, width: f64, lang: Lang) -> Html {
    let t = ticks(view, width);
    html! {
        <div class="att-axis" aria-hidden="true" data-unit={t.step.name()}>
            { for t.ticks.iter().map(|tk| html! {
                <span key={tk.t.to_bits().to_string()} class="att-tick" data-x={px(tk.x)}>
                    { crate::intl::tick(lang, tk.t, t.step.unit, &tk.label) }
                </span>
            }) }
        </div>
    }
}

/// A band's accessible name: its visible label first (then the full title when it differs), its
/// span and its row.
fn band_name(per: &crate::model::Period, lang: Lang) -> String {
    let (label, title) = (per.info.short_in(lang), per.info.title_in(lang));
    let head = if label == title { label.to_owned() } else { format!("{label} — {title}") };
    format!("{head}, {}, {}", crate::intl::period(lang, per), per.group_in(lang))
}

/// A band's visible label, with its own `lang` when it is an English fallback.
fn label(per: &crate::model::Period, lang: Lang) -> Html {
    let (text, text_lang) = per.info.short_lang(lang);
    html! { <span lang={lang_attr(lang, text_lang)}>{ text.to_owned() }</span> }
}

/// One row group per kind of period; each band opens its period.
pub(super) fn period_bands(
    state: &ViewState,
    send: &Callback<Intent>,
    prefix: &str,
    t: &Timeline,
    lang: Lang,
) -> Html {
    if t.periods.is_empty() {
        return Html::default();
    }
    let width = state.width;
    let mut groups: Vec<&str> = Vec::new();
    for per in &t.periods {
        if !groups.contains(&per.group.as_str()) {
            groups.push(&per.group);
        }
    }
    let input: Vec<BandInput> = t
        .periods
        .iter()
        .map(|per| BandInput {
            group: groups.iter().position(|g| *g == per.group).unwrap_or(0),
            start: minutes(per.when.start_minute()),
            end: per.when.end.map(|_| minutes(per.when.end_minute())),
        })
        .collect();
    let horizon = minutes(t.span().1);
    let touch = state.touch();
    let min_w = if touch { 44.0 } else { 0.0 };
    let (bands, group_rows) = bands(&input, groups.len(), horizon, &state.view, width, min_w);
    html! {
        <div class="att-bands" role="group" aria-label={strings(lang).periods}>
            { for groups.iter().enumerate().map(|(g, key)| {
                let h = rows(group_rows.get(g).copied().unwrap_or(1).max(1), band_h(touch));
                // The row's name in the reader's language (its periods share the English one, the key).
                let name = t.periods.iter().find(|p| p.group == *key).map_or(*key, |p| p.group_in(lang));
                html! {
                    <div key={key.to_string()} class="att-bgroup" role="group" aria-label={name.to_owned()}>
                        <span class="att-bgl" aria-hidden="true">{ name.to_owned() }</span>
                        <ol class="att-bl" data-h={px(h)}>
                        { for bands.iter().filter(|b| b.group == g && b.x + b.w > -OVERSCAN && b.x < width + OVERSCAN)
                            .filter_map(|b| t.periods.get(b.index).map(|per| (b, per))).map(|(b, per)| {
                            // Clip to the visible area so the label stays readable (keeping the minimum width).
                            let x = b.x.max(0.0).min((width - min_w).max(0.0));
                            let w = ((b.x + b.w).min(width) - x).max(min_w);
                            let sel = state.selected.as_ref() == Some(&per.id);
                            // A label that does not fit is left out, never cut (the name stays in
                            // the accessible name, the tooltip and the details).
                            let short = per.info.short_lang(lang).0;
                            let fits = crate::layout::band_label_fits(short, w);
                            let (ws, we) = (per.when.start_latest.is_some(), per.when.end_latest.is_some());
                            let onclick = {
                                let id = per.id.as_str().to_owned();
                                send.reform(move |_: MouseEvent| Intent::Open(id.clone()))
                            };
                            html! {
                                <li key={per.id.as_str()} class="att-bi" data-cat={per.category.key()}
                                    data-x={px(x)} data-y={px(rows(b.row, band_h(touch)))} data-w={px(w.max(4.0))}>
                                    <button type="button" class={classes!("att-band", b.open.then_some("att-open"), ws.then_some("att-wins"), we.then_some("att-wine"), sel.then_some("att-sel"))}
                                        id={entry_dom_id(prefix, per.id.as_str())} tabindex="-1" {onclick}
                                        aria-label={band_name(per, lang)} title={(!fits).then(|| short.to_owned())}>
                                        if fits { { label(per, lang) } }
                                    </button>
                                </li>
                            }
                        }) }
                        </ol>
                    </div>
                }
            }) }
        </div>
    }
}
