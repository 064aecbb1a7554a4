//! Property tests of the calendar arithmetic the whole widget stands on.
#![cfg(not(target_arch = "wasm32"))]
// A failing test panics: that is how it reports. The no-panic lints guard the widget, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use anti_trafficking_timeline::model::{
    civil_from_days, days_from_civil, days_in_month, PartialDate, Precision,
};
use proptest::prelude::*;

proptest! {
    #[test]
    fn civil_days_round_trip(days in -3_000_000i64..3_000_000) {
        let (y, m, d) = civil_from_days(days);
        prop_assert!((1..=12).contains(&m));
        prop_assert!(d >= 1 && d <= days_in_month(y, m));
        prop_assert_eq!(days_from_civil(y, m, d), days);
    }

    #[test]
    fn next_day_is_one_more(y in -4000i32..4000, m in 1u8..=12, d in 1u8..=28) {
        prop_assert_eq!(days_from_civil(y, m, d) + 1, days_from_civil(y, m, d + 1));
    }

    #[test]
    fn a_date_covers_a_nonempty_span_that_contains_its_finer_dates(
        y in -4000i64..4000, m in 1i64..=12, d in 1i64..=28, h in 0i64..24, mi in 0i64..60
    ) {
        let year = PartialDate::new(y, None, None, None, None).ok();
        let month = PartialDate::new(y, Some(m), None, None, None).ok();
        let day = PartialDate::new(y, Some(m), Some(d), None, None).ok();
        let minute = PartialDate::new(y, Some(m), Some(d), Some(h), Some(mi)).ok();
        let all = [year, month, day, minute];
        prop_assert!(all.iter().all(Option::is_some));
        let all: Vec<PartialDate> = all.into_iter().flatten().collect();
        let precisions: Vec<Precision> = all.iter().map(PartialDate::precision).collect();
        prop_assert_eq!(precisions, vec![Precision::Year, Precision::Month, Precision::Day, Precision::Minute]);
        for w in all.windows(2) {
            prop_assert!(w[0].start_minute() <= w[1].start_minute());
            prop_assert!(w[1].end_minute() <= w[0].end_minute());
            prop_assert!(w[1].start_minute() < w[1].end_minute());
        }
    }

    #[test]
    fn iso_text_has_exactly_the_known_parts(y in 0i64..=9999, m in 1i64..=12, d in 1i64..=28) {
        let iso = PartialDate::new(y, Some(m), Some(d), None, None).map(|p| p.iso());
        prop_assert_eq!(iso, Ok(format!("{y:04}-{m:02}-{d:02}")));
    }
}

#[test]
fn leap_years() {
    assert!(PartialDate::new(2000, Some(2), Some(29), None, None).is_ok());
    assert!(PartialDate::new(1900, Some(2), Some(29), None, None).is_err());
    assert!(PartialDate::new(2024, Some(2), Some(29), None, None).is_ok());
    assert_eq!(days_from_civil(1970, 1, 1), 0);
}
