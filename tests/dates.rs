//! Property tests of the calendar arithmetic the whole widget stands on.
#![cfg(not(target_arch = "wasm32"))]
// A failing test panics: that is how it reports. The no-panic lints guard the widget, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use anti_trafficking_timeline::model::{
    civil_from_days, days_from_civil, days_in_month, DateError, PartialDate, Precision, MAX_YEAR, MIN_YEAR,
};
use proptest::prelude::*;

proptest! {
    #[test]
    fn civil_days_round_trip(days in -6_000_000_000_000i64..6_000_000_000_000) {
        let (y, m, d) = civil_from_days(days);
        prop_assert!((1..=12).contains(&m));
        prop_assert!(d >= 1 && d <= days_in_month(y, m));
        prop_assert_eq!(days_from_civil(y, m, d), days);
    }

    #[test]
    fn next_day_is_one_more(y in -4000i64..4000, m in 1u8..=12, d in 1u8..=28) {
        prop_assert_eq!(days_from_civil(y, m, d) + 1, days_from_civil(y, m, d + 1));
    }

    #[test]
    fn a_date_covers_a_nonempty_span_that_contains_its_finer_dates(
        y in -4000i64..4000, m in 1i64..=12, d in 1i64..=28, h in 0i64..24, mi in 0i64..60
    ) {
        prop_assume!(y != 0);
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
    fn iso_text_has_exactly_the_known_parts(y in 1i64..=9999, m in 1i64..=12, d in 1i64..=28) {
        let iso = PartialDate::new(y, Some(m), Some(d), None, None).map(|p| p.iso());
        prop_assert_eq!(iso, Ok(format!("{y:04}-{m:02}-{d:02}")));
    }
}

proptest! {
    /// Any year, from the Big Bang to as far ahead: a year ends where the next begins (1 BCE is
    /// followed by 1 CE), and a later year starts later.
    #[test]
    fn years_of_any_size_follow_each_other(y in MIN_YEAR..MAX_YEAR) {
        prop_assume!(y != 0);
        let a = PartialDate::new(y, None, None, None, None).unwrap();
        let next = if y == -1 { 1 } else { y + 1 };
        let b = PartialDate::new(next, None, None, None, None).unwrap();
        prop_assert_eq!(a.end_minute(), b.start_minute());
        prop_assert!(a.start_minute() < a.end_minute());
        // Minutes stay exact in the layout's f64.
        prop_assert!(a.start_minute().unsigned_abs() < 1u64 << 53);
    }
}

#[test]
fn bce_years_read_as_readers_count_them_and_there_is_no_year_zero() {
    let y = |n: i64| PartialDate::new(n, None, None, None, None);
    assert_eq!(y(-500).map(|d| d.label_en()), Ok("500 BCE".to_owned()));
    assert_eq!(y(-13_800_000_000).map(|d| d.label_en()), Ok("13,800,000,000 BCE".to_owned()));
    assert_eq!(y(12_000).map(|d| d.label_en()), Ok("12,000".to_owned()));
    assert_eq!(y(0), Err(DateError::YearZero));
    assert_eq!(DateError::YearZero.to_string(), "there is no year 0: 1 BCE is -1, and 1 CE is 1");
    assert_eq!(y(MIN_YEAR - 1), Err(DateError::Year(MIN_YEAR - 1)));
    // Months and days only where calendars are written: beyond ±9999, the year alone.
    let e = PartialDate::new(-13_800_000_000, Some(1), None, None, None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "a month or day is only for years -9999 to 9999; for 13,800,000,000 BCE, give the year alone"
    );
    // BCE dates with a month and day; ISO years are astronomical (-0499 is 500 BCE).
    let d = PartialDate::new(-44, Some(3), Some(15), None, None).unwrap();
    assert_eq!((d.label_en(), d.iso()), ("15 March 44 BCE".to_owned(), "-000043-03-15".to_owned()));
    assert_eq!(PartialDate::parse_iso("-0499"), y(-500).ok());
    assert_eq!(PartialDate::parse_iso("0000"), y(-1).ok());
    // 1 BCE ends where 1 CE begins; 44 BCE's 15 March is a real day (leap years: 45 BCE was one).
    assert_eq!(y(-1).unwrap().end_minute(), y(1).unwrap().start_minute());
    assert!(PartialDate::new(-45, Some(2), Some(29), None, None).is_ok());
    assert!(PartialDate::new(-44, Some(2), Some(29), None, None).is_err());
}

#[test]
fn leap_years() {
    assert!(PartialDate::new(2000, Some(2), Some(29), None, None).is_ok());
    assert!(PartialDate::new(1900, Some(2), Some(29), None, None).is_err());
    assert!(PartialDate::new(2024, Some(2), Some(29), None, None).is_ok());
    assert_eq!(days_from_civil(1970, 1, 1), 0);
}
