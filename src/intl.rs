//! Dates in the reader's language, formatted by the browser's `Intl` (no locale tables in the wasm).
//! English uses the model's own labels (the same text the no-JavaScript fallback prints).

use std::cell::RefCell;

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::strings;
use crate::layout::{range_label, Unit, Viewport};
use crate::model::{Lang, PartialDate, Period, Precision, PrecisionGap, When};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Year,
    Month,
    Day,
    Minute,
    ShortMonth,
}

thread_local! {
    static FORMATS: RefCell<Vec<((Lang, u8), Intl::DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
}

/// A cached `Intl.DateTimeFormat`; `era` adds the era (for BCE dates: "av. J.-C.", "г. до н. э.").
fn format_for(lang: Lang, style: Style, era: bool) -> Intl::DateTimeFormat {
    let key = (lang, style as u8 | if era { 0x10 } else { 0 });
    FORMATS.with(|f| {
        if let Some((_, fmt)) = f.borrow().iter().find(|(k, _)| *k == key) {
            return fmt.clone();
        }
        let opts = Object::new();
        let set = |k: &str, v: &str| {
            let _ = Reflect::set(&opts, &JsValue::from_str(k), &JsValue::from_str(v));
        };
        set("timeZone", "UTC");
        match style {
            Style::Year => set("year", "numeric"),
            Style::Month => {
                set("year", "numeric");
                set("month", "long");
            }
            Style::Day | Style::Minute => {
                set("year", "numeric");
                set("month", "long");
                set("day", "numeric");
                if style == Style::Minute {
                    set("hour", "2-digit");
                    set("minute", "2-digit");
                    set("hourCycle", "h23");
                }
            }
            Style::ShortMonth => set("month", "short"),
        }
        if era {
            set("era", "short");
        }
        let fmt = Intl::DateTimeFormat::new(&Array::of1(&JsValue::from_str(lang.tag())), &opts);
        f.borrow_mut().push((key, fmt.clone()));
        fmt
    })
}

/// 1 January of 1 CE, in minutes since 1970.
const FIRST_CE_MINUTE: f64 = -62_135_596_800.0 / 60.0;

fn js_date(minutes: f64) -> Date {
    Date::new(&JsValue::from_f64(minutes * 60_000.0))
}

fn format(lang: Lang, style: Style, minutes: f64) -> String {
    // Before the common era, the era is written (Intl's own words, as the no-JS list writes them).
    let era = minutes < FIRST_CE_MINUTE && style != Style::ShortMonth;
    let fmt = format_for(lang, style, era);
    fmt.format().call1(&fmt, &js_date(minutes)).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

fn format_range(lang: Lang, style: Style, a: f64, b: f64) -> Option<String> {
    let fmt = format_for(lang, style, a < FIRST_CE_MINUTE);
    let f: Function = Reflect::get(&fmt, &JsValue::from_str("formatRange")).ok()?.dyn_into().ok()?;
    f.call2(&fmt, &js_date(a), &js_date(b)).ok()?.as_string()
}

fn style_of(d: &PartialDate) -> Style {
    match d.precision() {
        Precision::Year => Style::Year,
        Precision::Month => Style::Month,
        Precision::Day => Style::Day,
        Precision::Minute => Style::Minute,
    }
}

fn start(d: &PartialDate) -> f64 {
    crate::state::minutes(d.start_minute())
}

/// A date with exactly its known parts: `15 novembre 2000`, `Juli 2002`, `2013`.
pub fn date(lang: Lang, d: &PartialDate) -> String {
    match (lang, d.precision()) {
        (Lang::En, _) => d.label_en(),
        (_, Precision::Year) => crate::i18n::year_text(lang, d.year()),
        _ => format(lang, style_of(d), start(d)),
    }
}

/// When something happened, with ranges, "n days" and "about".
pub fn when(lang: Lang, w: &When) -> String {
    crate::i18n::when_with(lang, w, &|d| date(lang, d), &|a, b| {
        format_range(lang, style_of(b), start(a), start(b))
    })
}

/// A period: its span, or "from …" when no end is known.
pub fn period(lang: Lang, p: &Period) -> String {
    crate::i18n::period_with(lang, p, &|d| date(lang, d), &|a, b| {
        format_range(lang, style_of(b), start(a), start(b))
    })
}

/// What the reader should know about a date's precision (`day not reported`, …), in `lang`.
pub fn precision_note(lang: Lang, w: &When) -> Option<&'static str> {
    let s = strings(lang);
    w.precision_gap().map(|gap| match gap {
        PrecisionGap::ExactDates => s.exact_dates_unknown,
        PrecisionGap::MonthAndDay => s.month_day_unknown,
        PrecisionGap::Day => s.day_unknown,
    })
}

#[allow(
    clippy::cast_possible_truncation,
    reason = "saturating: a view's times are clamped to the data's limits"
)]
fn civil(lang: Lang, t: f64) -> (String, u8, u8, i64) {
    let m = t.floor() as i64;
    let (y, mo, d) = crate::model::civil_from_days(m.div_euclid(1440));
    (crate::i18n::year_text(lang, crate::model::historical(y)), mo, d, m.rem_euclid(1440))
}

/// The short name of the month of `t`, whatever its year (named through the same month of 2000: a
/// JavaScript date cannot hold every year this widget can).
#[allow(
    clippy::cast_possible_truncation,
    reason = "saturating: a view's times are clamped to the data's limits"
)]
fn short_month(lang: Lang, t: f64) -> String {
    let (_, m, _) = crate::model::civil_from_days((t.floor() as i64).div_euclid(1440));
    let proxy = crate::model::days_from_civil(2000, m, 15) * 1440;
    #[allow(clippy::cast_precision_loss, reason = "minutes of the year 2000 are far below 2^53")]
    format(lang, Style::ShortMonth, proxy as f64)
}

/// A tick label in `lang` (English: the layout's own label).
pub fn tick(lang: Lang, t: f64, unit: Unit, english: &str) -> String {
    if lang == Lang::En {
        return english.to_owned();
    }
    let (y, _, d, mins) = civil(lang, t + 0.5);
    match unit {
        Unit::Year => y,
        Unit::Month => format!("{} {y}", short_month(lang, t + 0.5)),
        Unit::Day => format!("{d} {} {y}", short_month(lang, t + 0.5)),
        Unit::Hour | Unit::Minute if mins == 0 => format!("{d} {}", short_month(lang, t + 0.5)),
        Unit::Hour | Unit::Minute => format!("{:02}:{:02}", mins / 60, mins % 60),
    }
}

/// The visible range at the tick unit's precision, in `lang`.
pub fn range(lang: Lang, view: &Viewport, unit: Unit) -> String {
    if lang == Lang::En {
        return range_label(view, unit);
    }
    let part = |t: f64| {
        let (y, _, d, mins) = civil(lang, t);
        match unit {
            Unit::Year => y,
            Unit::Month => format!("{} {y}", short_month(lang, t)),
            Unit::Day => format!("{d} {} {y}", short_month(lang, t)),
            Unit::Hour | Unit::Minute => {
                format!("{d} {} {y}, {:02}:{:02}", short_month(lang, t), mins / 60, mins % 60)
            }
        }
    };
    let (a, b) = (part(view.from), part(view.to - 1.0));
    if a == b {
        a
    } else {
        format!("{a} – {b}")
    }
}

/// The name of a tick unit ("years", "Monaten", …).
pub fn unit_name(lang: Lang, name: &str) -> &'static str {
    let i = ["decades", "years", "months", "days", "hours", "minutes"]
        .iter()
        .position(|n| *n == name)
        .unwrap_or(1);
    strings(lang).units.get(i).copied().unwrap_or_default()
}
