//! Calendar dates, which is all the plans need: no time zones, no clock. [`Day`] is a
//! real calendar date (stored and exported as "yyyy-mm-dd"); the free functions on text
//! serve the fields still kept as text.

use std::fmt;

/// A real calendar date, from 1 Jan 1900 to 31 Dec 9999. It is written to records and
/// files as "yyyy-mm-dd" (the stored format is unchanged), shown as "23 Nov 2026", and
/// only ever made from a date that exists: a record or file holding anything else is
/// refused when read ([`Day`]'s `Deserialize`), and a form's text is parsed with a reason
/// ([`Day::parse`]). The domain never reads a clock: "today" is a `Day` the browser gives.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Days since 1 Jan 1970 (negative before), so that order and arithmetic are plain.
    number: i64,
}

/// Why a text is not a date, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Nothing was entered.
    Missing,
    /// Not written yyyy-mm-dd (a date field gives that form).
    NotIsoForm,
    /// Written yyyy-mm-dd, but no such day (30 Feb, month 13) or before 1900.
    NoSuchDay,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::Missing => "Enter a date",
            DateError::NotIsoForm => "Enter the date as day, month and year",
            DateError::NoSuchDay => "Enter a real date",
        })
    }
}

impl std::error::Error for DateError {}

/// The first and last years a [`Day`] may have: 1900 (as the forms always took) to 9999
/// (four digits, so "yyyy-mm-dd" keeps its shape).
const FIRST_YEAR: i64 = 1900;
const LAST_YEAR: i64 = 9999;

impl Day {
    /// The date of a year, month (1–12) and day of the month, if that day exists.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<Day> {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) || day == 0 || day > days_in_month(year, month)? {
            return None;
        }
        Some(Day {
            number: civil_to_days(year, i64::from(month), i64::from(day)),
        })
    }

    /// A date written "yyyy-mm-dd" (as a form's date field and every record give it),
    /// with surrounding spaces ignored; the error says what is wrong, for the form.
    pub fn parse(text: &str) -> Result<Day, DateError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(DateError::Missing);
        }
        let parts: Vec<&str> = text.split('-').collect();
        let shaped = parts.len() == 3
            && [4, 2, 2].iter().zip(&parts).all(|(len, part)| {
                part.len() == *len && part.bytes().all(|b| b.is_ascii_digit())
            });
        if !shaped {
            return Err(DateError::NotIsoForm);
        }
        let year: i64 = parts[0].parse().map_err(|_| DateError::NotIsoForm)?;
        let month: u32 = parts[1].parse().map_err(|_| DateError::NotIsoForm)?;
        let day: u32 = parts[2].parse().map_err(|_| DateError::NotIsoForm)?;
        Day::from_ymd(year, month, day).ok_or(DateError::NoSuchDay)
    }

    /// The day a number of days since 1 Jan 1970 falls on, within the years a `Day` covers.
    fn from_number(number: i64) -> Option<Day> {
        let (year, _, _) = days_to_civil(number);
        (FIRST_YEAR..=LAST_YEAR)
            .contains(&year)
            .then_some(Day { number })
    }

    /// (year, month 1–12, day of the month 1–31).
    pub fn ymd(self) -> (i64, u32, u32) {
        let (y, m, d) = days_to_civil(self.number);
        (y, m as u32, d as u32)
    }

    pub fn year(self) -> i64 {
        self.ymd().0
    }

    /// "yyyy-mm-dd", as records and files keep it.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// The date `days` later (earlier when negative); `None` past the years a `Day` covers.
    pub fn add_days(self, days: i64) -> Option<Day> {
        Day::from_number(self.number.checked_add(days)?)
    }

    /// The date `months` calendar months later (earlier when negative); a day the month
    /// lacks becomes its last day (31 Aug + 6 months is 28 or 29 Feb).
    pub fn add_months(self, months: i64) -> Option<Day> {
        let (y, m, d) = self.ymd();
        let index = (y * 12 + i64::from(m) - 1).checked_add(months)?;
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
        let last = days_in_month(year, month)?;
        Day::from_ymd(year, month, d.min(last))
    }

    /// Days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Day) -> i64 {
        later.number - self.number
    }

    /// The weekday, 0 for Monday to 6 for Sunday (1 Jan 1970 was a Thursday).
    pub fn weekday(self) -> i64 {
        (self.number + 3).rem_euclid(7)
    }
}

/// Shown as people in the UK write it, "23 Nov 2026", with no-break spaces so that it
/// never splits across lines.
impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.ymd();
        write!(f, "{day}\u{a0}{}\u{a0}{year}", MONTHS[month as usize - 1])
    }
}

/// Debug shows the stored form, which is what a failing test needs to read.
impl fmt::Debug for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Day({})", self.iso())
    }
}

impl std::str::FromStr for Day {
    type Err = DateError;
    fn from_str(text: &str) -> Result<Day, DateError> {
        Day::parse(text)
    }
}

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> serde::Deserialize<'de> for Day {
    /// Only "yyyy-mm-dd" of a real date; anything else is refused naming what was found.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Day, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        let exact = Day::parse(&text).ok().filter(|day| day.iso() == *text);
        exact.ok_or_else(|| {
            let shown: String = text.chars().take(40).collect();
            serde::de::Error::custom(format!(
                "not a real date (yyyy-mm-dd): \u{201c}{shown}\u{201d}"
            ))
        })
    }
}

/// A date field that records of older versions may hold as something else (older imports
/// took any text): a real date reads as `Some`, anything else as `None`, shown as
/// "unknown". `None` is not written, so the text as stored stays in the record as a part
/// this build does not read (`records::layout::unknown_parts`) and is never lost; a form
/// that sets the date writes over it. Use with
/// `#[serde(default, with = "dates::kept", skip_serializing_if = "Option::is_none")]`.
pub mod kept {
    use super::Day;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(day: &Option<Day>, serializer: S) -> Result<S::Ok, S::Error> {
        match day {
            Some(day) => serializer.serialize_str(&day.iso()),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Day>, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        Ok(value
            .as_str()
            .and_then(|text| Day::parse(text).ok().filter(|day| day.iso() == text)))
    }
}

/// A date a record may leave out (a trajectory point's date of results). Unlike a date
/// every record has ([`kept`], where `None` is enough), three cases must be told apart:
/// left out, a real date, and text an older version stored that is not a date. That
/// text reads as [`OptionalDay::NotADate`], shown as "unknown"; it is not written, so the
/// text as stored stays in the record as a part this build does not read and is never
/// lost; and an import refuses it by name (`records::limits`). Use with
/// `#[serde(default, skip_serializing_if = "OptionalDay::is_unwritten")]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OptionalDay {
    /// Not given (absent, or null).
    #[default]
    Absent,
    On(Day),
    /// Something that is not a real date, as an older version may have stored.
    NotADate,
}

impl OptionalDay {
    /// The date, when there is a real one.
    pub fn day(self) -> Option<Day> {
        match self {
            OptionalDay::On(day) => Some(day),
            OptionalDay::Absent | OptionalDay::NotADate => None,
        }
    }

    /// True when nothing is written for it: left out, or kept as stored.
    pub fn is_unwritten(&self) -> bool {
        self.day().is_none()
    }
}

impl From<Option<Day>> for OptionalDay {
    fn from(day: Option<Day>) -> OptionalDay {
        day.map_or(OptionalDay::Absent, OptionalDay::On)
    }
}

impl serde::Serialize for OptionalDay {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        kept::serialize(&self.day(), serializer)
    }
}

impl<'de> serde::Deserialize<'de> for OptionalDay {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<OptionalDay, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        Ok(match value.as_str() {
            _ if value.is_null() => OptionalDay::Absent,
            Some(text) => exact(text).map_or(OptionalDay::NotADate, OptionalDay::On),
            None => OptionalDay::NotADate,
        })
    }
}

impl MaybeDay for OptionalDay {
    fn maybe_day(&self) -> Option<Day> {
        self.day()
    }
}

/// "23 Nov 2026" for a date, "unknown" for one a damaged record lost.
pub fn show(day: Option<Day>) -> String {
    day.map_or_else(|| "unknown".into(), |day| day.to_string())
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The days in a month of a year; `None` for a month outside 1–12.
fn days_in_month(year: i64, month: u32) -> Option<u32> {
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => return None,
    })
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's civil-days algorithm).
fn civil_to_days(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month, day) of a number of days since 1970-01-01.
fn days_to_civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The date in a stored "yyyy-mm-dd" text, only when it is exactly that form of a real date.
fn exact(text: &str) -> Option<Day> {
    Day::parse(text).ok().filter(|day| day.iso() == text)
}

/// True for a real calendar date written yyyy-mm-dd.
pub fn is_iso_date(text: &str) -> bool {
    exact(text).is_some()
}

/// Days since 1970-01-01 of a valid ISO date.
pub fn day_number(date: &str) -> Option<i64> {
    exact(date).map(|day| day.number)
}

/// The ISO date of a day number.
pub fn from_day_number(days: i64) -> String {
    let (y, m, d) = days_to_civil(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The date `days` after `date`.
pub fn add_days(date: &str, days: i64) -> Option<String> {
    day_number(date).map(|n| from_day_number(n + days))
}

/// The date `months` calendar months after `date` (before it when negative); a day the
/// month lacks becomes its last day (31 Aug + 6 months is 28 or 29 Feb).
pub fn add_months(date: &str, months: i64) -> Option<String> {
    exact(date)?.add_months(months).map(Day::iso)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date as people in the UK write it, "23 Nov 2026", with no-break spaces so that it
/// never splits across lines, or "unknown" when the text is not a real date (damaged data
/// is never shown as if it were a date).
pub fn display<D: MaybeDay + ?Sized>(date: &D) -> String {
    show(date.maybe_day())
}

/// What may hold a date: a [`Day`], a date a damaged record lost (`Option<Day>`), or the
/// "yyyy-mm-dd" text of a field not yet kept as a `Day` (only that exact form is a date).
pub trait MaybeDay {
    fn maybe_day(&self) -> Option<Day>;
}

impl MaybeDay for Day {
    fn maybe_day(&self) -> Option<Day> {
        Some(*self)
    }
}

impl MaybeDay for Option<Day> {
    fn maybe_day(&self) -> Option<Day> {
        *self
    }
}

impl MaybeDay for str {
    fn maybe_day(&self) -> Option<Day> {
        exact(self)
    }
}

impl MaybeDay for String {
    fn maybe_day(&self) -> Option<Day> {
        exact(self)
    }
}

/// One of the three school terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TermName {
    Autumn,
    Spring,
    Summer,
}

impl TermName {
    pub const ALL: [TermName; 3] = [TermName::Autumn, TermName::Spring, TermName::Summer];

    pub fn name(self) -> &'static str {
        match self {
            TermName::Autumn => "Autumn",
            TermName::Spring => "Spring",
            TermName::Summer => "Summer",
        }
    }

    /// Waypoint's default start in England, as (month, day) of the term's calendar year:
    /// autumn 1 September, spring 1 January, summer 1 April (see [`SCHOOL_TERM_RULE`]).
    fn default_start(self) -> (u32, u32) {
        match self {
            TermName::Autumn => (9, 1),
            TermName::Spring => (1, 1),
            TermName::Summer => (4, 1),
        }
    }
}

/// The first day of a term as a trust enters it (an ISO date).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermStart {
    pub term: TermName,
    pub date: String,
}

/// A term of a school year: "Autumn term 2026/27".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SchoolTerm {
    /// The calendar year the school year starts in (its autumn).
    pub school_year: i32,
    pub term: TermName,
}

impl SchoolTerm {
    /// "Autumn term 2026/27".
    pub fn describe(&self) -> String {
        format!(
            "{} term {}/{:02}",
            self.term.name(),
            self.school_year,
            (self.school_year + 1).rem_euclid(100)
        )
    }
}

/// How dates fall into school terms for "the same time", in the words shown to users.
pub const SCHOOL_TERM_RULE: &str = "Waypoint's reading of the school year in England: a school year runs from the autumn term to the summer term. Unless the trust's own term dates say otherwise, the autumn term starts on 1 September, the spring term on 1 January and the summer term on 1 April (Waypoint's simplification: the summer term really starts after the Easter holidays, which move from year to year, so a trust's own dates are better). A date belongs to the latest term that has started by then.";

/// The school year an entered term start belongs to: its own calendar year for an autumn
/// start, the year before for spring and summer.
fn school_year_of(start: &TermStart) -> Option<i64> {
    let year = exact(&start.date)?.year();
    Some(match start.term {
        TermName::Autumn => year,
        _ => year - 1,
    })
}

/// "Autumn term 2026/27" for a date, or "Date unknown" for text that is not a real date
/// (by [`school_term`]).
pub fn describe_term<D: MaybeDay + ?Sized>(date: &D, trust_starts: &[TermStart]) -> String {
    school_term(date, trust_starts).map_or_else(|| "Date unknown".into(), |t| t.describe())
}

/// The school term `date` falls in: the latest term start on or before it, taking the
/// trust's own starts (`trust_starts`, any years) where it has entered them and
/// Waypoint's defaults for England elsewhere ([`SCHOOL_TERM_RULE`]). `None` for what is
/// not a real date.
pub fn school_term<D: MaybeDay + ?Sized>(date: &D, trust_starts: &[TermStart]) -> Option<SchoolTerm> {
    let date = date.maybe_day()?;
    let year = date.year();
    let mut starts: Vec<(Day, SchoolTerm)> = Vec::new();
    for school_year in year - 2..=year + 1 {
        for term in TermName::ALL {
            let entered = trust_starts
                .iter()
                .find(|s| s.term == term && school_year_of(s) == Some(school_year))
                .and_then(|s| exact(&s.date));
            let start = entered.or_else(|| {
                let (month, day) = term.default_start();
                let calendar_year = if term == TermName::Autumn {
                    school_year
                } else {
                    school_year + 1
                };
                Day::from_ymd(calendar_year, month, day)
            });
            if let Some(start) = start {
                let school_year = i32::try_from(school_year).ok()?;
                starts.push((start, SchoolTerm { school_year, term }));
            }
        }
    }
    starts
        .into_iter()
        .filter(|(start, _)| *start <= date)
        .max_by_key(|(start, _)| *start)
        .map(|(_, term)| term)
}

/// The earliest and latest moments Waypoint shows as dates (1 Jan 2000 to 31 Dec 2199,
/// in milliseconds since 1970): anything else comes from damaged data.
const PLAUSIBLE_MS: std::ops::RangeInclusive<f64> = 946_684_800_000.0..=7_258_118_399_000.0;

/// The ISO date of a moment given as milliseconds since 1970, taken at `offset_minutes`
/// east of UTC, if it is a plausible moment.
pub fn from_ms(ms: f64, offset_minutes: f64) -> Option<String> {
    if !ms.is_finite() || !PLAUSIBLE_MS.contains(&ms) {
        return None;
    }
    let local = ms + offset_minutes * 60_000.0;
    Some(from_day_number((local / 86_400_000.0).floor() as i64))
}

/// A moment as "23 Nov 2026" (no-break spaces), or "unknown".
pub fn display_ms(ms: f64, offset_minutes: f64) -> String {
    from_ms(ms, offset_minutes).map_or_else(|| "unknown".into(), |d| display(&d))
}

/// A moment as "23 Nov 2026, 14:05" (24-hour clock, no-break spaces in the date), or
/// "unknown".
pub fn display_ms_time(ms: f64, offset_minutes: f64) -> String {
    match from_ms(ms, offset_minutes) {
        None => "unknown".into(),
        Some(date) => {
            let minutes = ((ms + offset_minutes * 60_000.0) / 60_000.0).floor() as i64;
            let of_day = minutes.rem_euclid(24 * 60);
            format!("{}, {:02}:{:02}", display(&date), of_day / 60, of_day % 60)
        }
    }
}

/// How many years before today a date may lie before Waypoint asks whether it is right
/// (Waypoint's range, not a rule of the sources): older records than this are unlikely
/// to be a trust's working data, and a mistyped year (1990 for 2026) is caught.
pub const SENSIBLE_YEARS_BEFORE: i64 = 20;
/// How many years after today a date may lie (Waypoint's range): plans and reviews look
/// a few years ahead at most, and 2062 or 9999 is a slip of the keyboard.
pub const SENSIBLE_YEARS_AFTER: i64 = 5;

/// Why a date is far from today, in words for the user; `None` when it is within
/// Waypoint's range ([`SENSIBLE_YEARS_BEFORE`] before today to [`SENSIBLE_YEARS_AFTER`]
/// after) or is not a date at all (that is the form's other check).
pub fn far_from_today(date: &str, today: &str) -> Option<String> {
    let earliest = add_months(today, -12 * SENSIBLE_YEARS_BEFORE)?;
    let latest = add_months(today, 12 * SENSIBLE_YEARS_AFTER)?;
    if !is_iso_date(date) {
        return None;
    }
    if date < earliest.as_str() {
        Some(format!(
            "{} is more than {SENSIBLE_YEARS_BEFORE} years ago",
            display(date)
        ))
    } else if date > latest.as_str() {
        Some(format!(
            "{} is more than {SENSIBLE_YEARS_AFTER} years from now",
            display(date)
        ))
    } else {
        None
    }
}

/// The words of the box a form shows beside a date far from today.
pub const CONFIRM_FAR_DATE: &str = "Yes, this date is right";

/// What a form says when a date is far from today and the user has not confirmed it (a
/// form takes such a date only once confirmed; an import refuses it).
pub fn unconfirmed_far_date(date: &str, today: &str, confirmed: bool) -> Option<String> {
    if confirmed {
        return None;
    }
    far_from_today(date, today)
        .map(|why| format!("Check the date: {why}. If it is right, tick “{CONFIRM_FAR_DATE}”."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_shown_the_uk_way_or_as_unknown() {
        assert_eq!(display("2026-11-23"), "23\u{a0}Nov\u{a0}2026");
        assert_eq!(display("2027-02-01"), "1\u{a0}Feb\u{a0}2027");
        assert!(!display("2026-12-18").contains([' ', '-']), "never splits");
        for damaged in ["0000-01-00", "2026-02-30", "2026-13-01", "", "23/11/2026"] {
            assert_eq!(display(damaged), "unknown", "{damaged}");
        }
        // 23 Nov 2026 09:00 UTC, seen from UTC and from UTC+10.
        let ms = 1_795_424_400_000.0;
        assert_eq!(display_ms(ms, 0.0), "23\u{a0}Nov\u{a0}2026");
        assert_eq!(display_ms_time(ms, 0.0), "23\u{a0}Nov\u{a0}2026, 09:00");
        assert_eq!(display_ms_time(ms, 600.0), "23\u{a0}Nov\u{a0}2026, 19:00");
        assert_eq!(display_ms_time(f64::NAN, 0.0), "unknown");
        assert_eq!(display_ms(ms, 600.0), "23\u{a0}Nov\u{a0}2026");
        // Values a damaged record could hold are never shown as dates.
        for damaged in [f64::NAN, f64::INFINITY, -1.0, 0.0, 1.35e17, 2.0e15] {
            assert_eq!(display_ms(damaged, 0.0), "unknown", "{damaged}");
        }
    }

    #[test]
    fn dates_fall_in_school_terms() {
        let term = |date: &str| describe_term(date, &[]);
        assert_eq!(term("2026-09-01"), "Autumn term 2026/27");
        assert_eq!(term("2026-12-18"), "Autumn term 2026/27");
        assert_eq!(term("2027-01-04"), "Spring term 2026/27");
        assert_eq!(term("2027-03-31"), "Spring term 2026/27");
        assert_eq!(term("2027-04-19"), "Summer term 2026/27");
        assert_eq!(term("2027-08-31"), "Summer term 2026/27");
        assert_eq!(term("2027-02-30"), "Date unknown");
    }
}
