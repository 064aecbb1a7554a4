//! Calendar dates that say how precisely they are known.
//!
//! A [`PartialDate`] is always a real Gregorian date (or month, or year): the constructor
//! [`PartialDate::new`] checks month and day ranges, leap years and times. Its [`Precision`] is exactly
//! what the source gives — nothing is filled in — and [`When`] adds ranges, an "approximate" flag and a
//! length in days for events whose exact dates are not known.
//!
//! Years are written as readers count them: `-500` is 500 BCE, and there is no year 0. Calendar
//! arithmetic uses astronomical years inside (1 BCE is 0). Months and days are for years −9999 to
//! 9999; beyond them a date is a year alone, down to the age of the universe ([`MIN_YEAR`]).

use std::fmt;

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// Year, month and day.
    Day,
    /// Down to the minute.
    Minute,
}

impl Precision {
    /// "known to the year", … — shown next to dates in the detail panel.
    pub fn phrase(self) -> &'static str {
        match self {
            Precision::Year => "known to the year",
            Precision::Month => "known to the month",
            Precision::Day => "known to the day",
            Precision::Minute => "known to the minute",
        }
    }
}

/// A Gregorian date known to some [`Precision`]. Invariant: the parts present form a real date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// As readers count: negative is BCE; never 0.
    year: i64,
    month: Option<u8>,
    day: Option<u8>,
    /// Hour and minute, present together.
    time: Option<(u8, u8)>,
}

/// Why a set of date parts is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Month outside 1–12 (`(field, message)` for the path).
    Month(i64),
    /// Day outside the month's days.
    Day { day: i64, max: u8 },
    /// Hour outside 0–23.
    Hour(i64),
    /// Minute outside 0–59.
    Minute(i64),
    /// Year outside the supported range.
    Year(i64),
    /// Year 0, which no calendar has.
    YearZero,
    /// A month or day in a year beyond ±9999.
    Calendar(i64),
    /// A finer part without the coarser one (a day without a month, …).
    Gap { present: &'static str, missing: &'static str },
}

impl DateError {
    /// The date field this error belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            DateError::Month(_) => "month",
            DateError::Day { .. } => "day",
            DateError::Hour(_) => "hour",
            DateError::Minute(_) => "minute",
            DateError::Year(_) | DateError::YearZero => "year",
            DateError::Calendar(_) => "month",
            DateError::Gap { present, .. } => present,
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Month(m) => write!(f, "{m} is not a month (1–12)"),
            DateError::Day { day, max } => write!(f, "{day} is not a day of that month (1–{max})"),
            DateError::Hour(h) => write!(f, "{h} is not an hour (0–23)"),
            DateError::Minute(m) => write!(f, "{m} is not a minute (0–59)"),
            DateError::Year(y) => write!(
                f,
                "{y} is outside the supported years ({} to {})",
                year_en(MIN_YEAR),
                year_en(MAX_YEAR)
            ),
            DateError::YearZero => write!(f, "there is no year 0: 1 BCE is -1, and 1 CE is 1"),
            DateError::Calendar(y) => write!(
                f,
                "a month or day is only for years -{CALENDAR_YEARS} to {CALENDAR_YEARS}; for {}, give the year alone",
                year_en(*y)
            ),
            DateError::Gap { present, missing } => {
                write!(f, "a {present} needs a {missing}; give the {missing} or drop the {present}")
            }
        }
    }
}

/// Earliest supported year (15 billion BCE: before the Big Bang, 13.8 billion years ago). Its
/// minutes since 1970 (about 7.9 × 10^15) stay below 2^53, so layout's `f64` holds them exactly.
pub const MIN_YEAR: i64 = -15_000_000_000;
/// Latest supported year.
pub const MAX_YEAR: i64 = 15_000_000_000;
/// Months and days are for years within ±this.
pub const CALENDAR_YEARS: i64 = 9999;

/// The astronomical year (1 BCE is 0, 2 BCE is −1) of a year as readers count it.
pub fn astronomical(year: i64) -> i64 {
    if year < 0 {
        year + 1
    } else {
        year
    }
}

/// The year as readers count it (no year 0) of an astronomical year.
pub fn historical(astro: i64) -> i64 {
    if astro <= 0 {
        astro - 1
    } else {
        astro
    }
}

/// `n` with `sep` between groups of three digits, from 10,000 up (years of four digits stay whole).
pub fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    if n < 10_000 {
        return digits;
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A year in English: `2004`, `500 BCE`, `13,800,000,000 BCE`, `15,000`.
pub fn year_en(year: i64) -> String {
    if year < 0 {
        format!("{} BCE", grouped(year.unsigned_abs(), ","))
    } else {
        grouped(year.unsigned_abs(), ",")
    }
}

/// English month names (January first).
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of month `m` (1–12); empty for anything else.
fn month_name(m: u8) -> &'static str {
    MONTHS.get(usize::from(m).wrapping_sub(1)).copied().unwrap_or_default()
}

/// Whether astronomical `year` is a Gregorian leap year.
pub fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month (1–12) of an astronomical year.
pub fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a civil date of an astronomical year (proleptic Gregorian; H. Hinnant's
/// algorithm). Exact for every supported year.
pub fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let y = year.clamp(-4 * MAX_YEAR, 4 * MAX_YEAR) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count from 1970-01-01, with its astronomical year (inverse of
/// [`days_from_civil`]).
pub fn civil_from_days(days: i64) -> (i64, u8, u8) {
    // ±2 × 10^13 days is ±55 billion years, beyond anything shown; the clamp keeps the arithmetic
    // below from overflowing whatever a caller passes (found by fuzzing the layout).
    let z = days.clamp(-20_000_000_000_000, 20_000_000_000_000) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // The ranges are guaranteed by the algorithm: day 1–31, month 1–12.
    (year, u8::try_from(month).unwrap_or(1), u8::try_from(day).unwrap_or(1))
}

impl PartialDate {
    /// Checks the parts and builds a date. Parts must be contiguous from the year down.
    pub fn new(
        year: i64,
        month: Option<i64>,
        day: Option<i64>,
        hour: Option<i64>,
        minute: Option<i64>,
    ) -> Result<Self, DateError> {
        if year == 0 {
            return Err(DateError::YearZero);
        }
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(DateError::Year(year));
        }
        if month.is_some() && year.abs() > CALENDAR_YEARS {
            return Err(DateError::Calendar(year));
        }
        if day.is_some() && month.is_none() {
            return Err(DateError::Gap { present: "day", missing: "month" });
        }
        if (hour.is_some() || minute.is_some()) && day.is_none() {
            let present = if hour.is_some() { "hour" } else { "minute" };
            return Err(DateError::Gap { present, missing: "day" });
        }
        if hour.is_some() != minute.is_some() {
            return Err(if hour.is_some() {
                DateError::Gap { present: "hour", missing: "minute" }
            } else {
                DateError::Gap { present: "minute", missing: "hour" }
            });
        }
        let month = match month {
            None => None,
            Some(m) => {
                Some(u8::try_from(m).ok().filter(|m| (1..=12).contains(m)).ok_or(DateError::Month(m))?)
            }
        };
        let day = match (day, month) {
            (Some(d), Some(m)) => {
                let max = days_in_month(astronomical(year), m);
                Some(
                    u8::try_from(d)
                        .ok()
                        .filter(|d| (1..=max).contains(d))
                        .ok_or(DateError::Day { day: d, max })?,
                )
            }
            _ => None,
        };
        let time = match (hour, minute) {
            (Some(h), Some(mi)) => {
                let h = u8::try_from(h).ok().filter(|h| *h < 24).ok_or(DateError::Hour(h))?;
                let mi = u8::try_from(mi).ok().filter(|m| *m < 60).ok_or(DateError::Minute(mi))?;
                Some((h, mi))
            }
            _ => None,
        };
        Ok(Self { year, month, day, time })
    }

    /// Parses ISO text with any precision: `2004`, `2004-05`, `2004-05-13`, `2004-05-13T09:30`. ISO
    /// years are astronomical: `-0499` is 500 BCE, `0000` is 1 BCE.
    pub fn parse_iso(text: &str) -> Option<Self> {
        let text = text.trim();
        let (date, time) = match text.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (text, None),
        };
        let (neg, date) = match date.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, date.strip_prefix('+').unwrap_or(date)),
        };
        let num = |s: &str| -> Option<i64> {
            (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
        };
        let mut parts = date.split('-');
        let year = num(parts.next()?)?;
        let year = historical(if neg { -year } else { year });
        let month = parts.next().map(num);
        let day = parts.next().map(num);
        if parts.next().is_some() || month == Some(None) || day == Some(None) {
            return None;
        }
        let (hour, minute) = match time {
            None => (None, None),
            Some(t) => {
                let (h, m) = t.split_once(':')?;
                (Some(num(h)?), Some(num(m)?))
            }
        };
        Self::new(year, month.flatten(), day.flatten(), hour, minute).ok()
    }

    /// A year-precision date. Panics never: years outside the range are clamped, and 0 is 1 CE.
    pub fn year_only(year: i64) -> Self {
        let year = if year == 0 { 1 } else { year.clamp(MIN_YEAR, MAX_YEAR) };
        Self { year, month: None, day: None, time: None }
    }

    /// The year, as readers count it (negative: BCE; never 0).
    pub fn year(&self) -> i64 {
        self.year
    }
    /// The month (1–12), if known.
    pub fn month(&self) -> Option<u8> {
        self.month
    }
    /// The day of the month, if known.
    pub fn day(&self) -> Option<u8> {
        self.day
    }
    /// Hour and minute, if known.
    pub fn time(&self) -> Option<(u8, u8)> {
        self.time
    }

    /// How precisely this date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day, self.time) {
            (_, _, Some(_)) => Precision::Minute,
            (_, Some(_), None) => Precision::Day,
            (Some(_), None, None) => Precision::Month,
            (None, _, _) => Precision::Year,
        }
    }

    /// First minute covered, in minutes since 1970-01-01T00:00 (timezone-free civil time).
    pub fn start_minute(&self) -> i64 {
        let days = days_from_civil(astronomical(self.year), self.month.unwrap_or(1), self.day.unwrap_or(1));
        let (h, m) = self.time.unwrap_or((0, 0));
        days * 1440 + i64::from(h) * 60 + i64::from(m)
    }

    /// First minute after the whole period this date covers (a year, a month, a day or a minute).
    pub fn end_minute(&self) -> i64 {
        match (self.month, self.day, self.time) {
            (_, _, Some(_)) => self.start_minute() + 1,
            (_, Some(_), None) => self.start_minute() + 1440,
            (Some(m), None, None) => {
                let y = astronomical(self.year);
                let (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                days_from_civil(y, m, 1) * 1440
            }
            (None, _, _) => days_from_civil(astronomical(self.year) + 1, 1, 1) * 1440,
        }
    }

    /// ISO 8601 text with exactly the known parts, for `<time datetime>`: `2000`, `2000-11`,
    /// `2000-11-15`, `2000-11-15T09:30`.
    pub fn iso(&self) -> String {
        let y = astronomical(self.year);
        let mut s = if (0..=9999).contains(&y) { format!("{y:04}") } else { format!("{y:+07}") };
        if let Some(m) = self.month {
            s.push_str(&format!("-{m:02}"));
        }
        if let Some(d) = self.day {
            s.push_str(&format!("-{d:02}"));
        }
        if let Some((h, mi)) = self.time {
            s.push_str(&format!("T{h:02}:{mi:02}"));
        }
        s
    }

    /// English text with exactly the known parts: `2000`, `July 2002`, `15 November 2000`,
    /// `15 November 2000, 09:30`.
    pub fn label_en(&self) -> String {
        let month = self.month.map(month_name);
        let y = year_en(self.year);
        match (month, self.day, self.time) {
            (Some(mo), Some(d), Some((h, mi))) => format!("{d} {mo} {y}, {h:02}:{mi:02}"),
            (Some(mo), Some(d), None) => format!("{d} {mo} {y}"),
            (Some(mo), None, _) => format!("{mo} {y}"),
            _ => y,
        }
    }
}

/// When something happened: a start, an optional end, and how sure we are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    /// The start (or the only date).
    pub start: PartialDate,
    /// The last date of a range, inclusive.
    pub end: Option<PartialDate>,
    /// The source gives the date only approximately.
    pub approximate: bool,
    /// Length in days when the exact dates are unknown (the 2024 meeting: "2024, two days").
    pub days: Option<u16>,
    /// When the sources give only a window for the start: the latest it can be (`start` is the
    /// earliest). "Between June 2018 and November 2019."
    pub start_latest: Option<PartialDate>,
    /// The same for the end.
    pub end_latest: Option<PartialDate>,
}

impl When {
    /// A single date.
    pub fn at(start: PartialDate) -> Self {
        Self { start, end: None, approximate: false, days: None, start_latest: None, end_latest: None }
    }

    /// First minute covered (the earliest the start can be).
    pub fn start_minute(&self) -> i64 {
        self.start.start_minute()
    }

    /// First minute after the covered span: after the latest the end (or the only date) can be.
    pub fn end_minute(&self) -> i64 {
        let last = match &self.end {
            Some(end) => self.end_latest.as_ref().unwrap_or(end),
            None => self.start_latest.as_ref().unwrap_or(&self.start),
        };
        last.end_minute()
    }

    /// Whether the sources give only a window for the start or the end.
    pub fn windowed(&self) -> bool {
        self.start_latest.is_some() || self.end_latest.is_some()
    }

    /// The finest precision of the dates (the start's).
    pub fn precision(&self) -> Precision {
        self.start.precision()
    }

    /// Whether `other` lies entirely within this span.
    pub fn contains(&self, other: &When) -> bool {
        other.start_minute() >= self.start_minute() && other.end_minute() <= self.end_minute()
    }

    /// ISO text for `<time datetime>` of the start.
    pub fn iso(&self) -> String {
        self.start.iso()
    }

    /// English label: `15 November 2000`, `12–15 December 2000`, `May 2004 – May 2006`,
    /// `2024, two days`, `about July 2004`, `between June 2018 and November 2019 – between March 2023
    /// and June 2023`.
    pub fn label_en(&self) -> String {
        let between = |a: &PartialDate, b: &Option<PartialDate>| match b {
            Some(b) => format!("between {} and {}", a.label_en(), b.label_en()),
            None => a.label_en(),
        };
        let base = match &self.end {
            _ if self.windowed() => match &self.end {
                None => between(&self.start, &self.start_latest),
                Some(end) => {
                    format!(
                        "{} – {}",
                        between(&self.start, &self.start_latest),
                        between(end, &self.end_latest)
                    )
                }
            },
            None => self.start.label_en(),
            Some(end) => range_label_en(&self.start, end),
        };
        let base = match self.days {
            Some(n) => format!("{base}, {}", days_phrase(n)),
            None => base,
        };
        if self.approximate {
            format!("about {base}")
        } else {
            base
        }
    }
}

fn days_phrase(n: u16) -> String {
    const WORDS: [&str; 10] =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    match WORDS.get(usize::from(n)) {
        Some(w) if n == 1 => format!("{w} day"),
        Some(w) => format!("{w} days"),
        None => format!("{n} days"),
    }
}

/// Shortens ranges that share a month or a year: `12–15 December 2000`, `18 March – 22 April 2024`.
fn range_label_en(a: &PartialDate, b: &PartialDate) -> String {
    // The same day with two times: `25 December 2003, 09:30–17:00`.
    if let (Some((h1, m1)), Some((h2, m2))) = (a.time, b.time) {
        if (a.year, a.month, a.day) == (b.year, b.month, b.day) {
            let day = PartialDate { time: None, ..*a };
            return format!("{}, {h1:02}:{m1:02}–{h2:02}:{m2:02}", day.label_en());
        }
    }
    let same_precision_day = a.precision() == Precision::Day && b.precision() == Precision::Day;
    if same_precision_day && a.year == b.year {
        if a.month == b.month {
            if let (Some(da), Some(m)) = (a.day, a.month) {
                return format!("{da}–{} {} {}", b.day.unwrap_or(da), month_name(m), year_en(a.year));
            }
        } else if let (Some(da), Some(ma)) = (a.day, a.month) {
            return format!("{da} {} – {}", month_name(ma), b.label_en());
        }
    }
    if a.precision() == Precision::Year && b.precision() == Precision::Year {
        return format!("{}–{}", year_en(a.year), year_en(b.year));
    }
    format!("{} – {}", a.label_en(), b.label_en())
}

/// What a date does not say, when it is coarser than a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrecisionGap {
    /// A span of days whose calendar dates are unknown ("2024, two days").
    ExactDates,
    /// Known to the year only.
    MonthAndDay,
    /// Known to the month only.
    Day,
}

impl When {
    /// What the reader should be told is not reported; `None` when known to the day or better.
    pub fn precision_gap(&self) -> Option<PrecisionGap> {
        match (self.days.is_some(), self.precision()) {
            (true, Precision::Year | Precision::Month) => Some(PrecisionGap::ExactDates),
            (_, Precision::Year) => Some(PrecisionGap::MonthAndDay),
            (_, Precision::Month) => Some(PrecisionGap::Day),
            _ => None,
        }
    }
}
