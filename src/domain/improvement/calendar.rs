//! The trust's calendar: the cadence it keeps (plans, development days, committees,
//! meetings, reports to the board), which the trust can adjust, together with what its
//! data makes due: intervention reviews and time limits, categorisations and their
//! reviews, and reassessments. Downloadable as an iCalendar file that Outlook and Google
//! Calendar import (written with the `ics` crate).
//!
//! The meetings and their purposes are quoted from the source documents; the short names,
//! the spacing and the first dates Waypoint starts from are Waypoint's, for the trust to
//! change.

use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr};

use crate::domain::base::dates::{self, day_number, display, from_day_number, MaybeDay};
use crate::domain::base::dates::{Day, TermName, TermStart};
use crate::domain::base::holidays::is_bank_holiday;
use crate::domain::base::text::{clamp_chars, MAX_NAME_CHARS};
use crate::domain::improvement::categorisation::{history, next_due, Decision, Intervals};
use crate::domain::improvement::cycle::trust_cycle;
use crate::domain::improvement::terms::{validate_periods, Period, Season, TermDates};
use crate::domain::improvement::TrustRecords;

/// How a repeating event is spaced.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, IntoStaticStr, EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Unit {
    Weeks,
    Months,
}

impl Unit {
    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn from_id(id: &str) -> Option<Unit> {
        id.parse().ok()
    }
}

/// One repeating event of the cadence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CadenceItem {
    /// The default's id (see `content/trust_cycle.json`), or `own-…` for one the trust added.
    pub id: String,
    pub title: String,
    /// The first date in the school year; `None` only for a record an older version took
    /// from a file with something else there (kept as stored, shown as "unknown").
    #[serde(default, with = "dates::kept", skip_serializing_if = "Option::is_none")]
    pub first: Option<Day>,
    pub unit: Unit,
    pub every: u32,
    #[serde(default = "yes")]
    pub on: bool,
}

fn yes() -> bool {
    true
}

fn twelve() -> u32 {
    12
}

fn six() -> u32 {
    6
}

/// The most events of the cadence a calendar holds, so a mistyped spacing cannot make
/// thousands.
pub const MAX_ITEMS: usize = 40;
pub const MAX_EVERY_WEEKS: u32 = 52;
pub const MAX_EVERY_MONTHS: u32 = 12;

/// The trust's calendar for one school year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrustCalendar {
    pub id: String,
    /// The first and last day of the school year the calendar covers; `None` only for a
    /// record an older version took from a file with something else there (kept as
    /// stored, shown as "unknown"; the calendar form asks for a real date).
    #[serde(default, with = "dates::kept", skip_serializing_if = "Option::is_none")]
    pub year_start: Option<Day>,
    #[serde(default, with = "dates::kept", skip_serializing_if = "Option::is_none")]
    pub year_end: Option<Day>,
    #[serde(default = "twelve")]
    pub categorise_months: u32,
    #[serde(default = "six")]
    pub review_months: u32,
    #[serde(default = "six")]
    pub reassess_months: u32,
    #[serde(default)]
    pub items: Vec<CadenceItem>,
    /// The trust's terms, entered once or read from an .ics file; when there are any,
    /// every other day of the school year is a holiday.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<Period>,
    /// The trust's holidays within or around its terms (half terms, training days).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<Period>,
    #[serde(default)]
    pub created_ms: f64,
    #[serde(default)]
    pub updated_ms: f64,
}

/// The first day of the school year that `today` falls in (1 September); that of 2026
/// when `today` is not a date.
pub fn school_year_start(today: &str) -> Day {
    let fallback = Day::from_ymd(2026, 9, 1).expect("1 September 2026 is a date");
    let Some((year, month, _)) = today.maybe_day().map(Day::ymd) else {
        return fallback;
    };
    let year = if month >= 9 { year } else { year - 1 };
    Day::from_ymd(year, 9, 1).unwrap_or(fallback)
}

impl TrustCalendar {
    /// The cadence Waypoint starts from, for the school year `today` falls in: the
    /// meetings of the source's cadence, each switched off until the trust says it holds
    /// it, so that a calendar holds only what the trust has set up.
    pub fn starting(id: String, today: &str, now_ms: f64) -> TrustCalendar {
        let start = school_year_start(today);
        let end = Day::from_ymd(start.year() + 1, 7, 31);
        let items = trust_cycle()
            .cadence
            .iter()
            .map(|d| CadenceItem {
                id: d.id.clone(),
                title: d.title.clone(),
                first: Some(start.add_days(d.offset_days).unwrap_or(start)),
                unit: Unit::from_id(&d.unit).unwrap_or(Unit::Months),
                every: d.every,
                on: false,
            })
            .collect();
        TrustCalendar {
            id,
            year_start: Some(start),
            year_end: end,
            categorise_months: 12,
            review_months: 6,
            reassess_months: 6,
            items,
            terms: Vec::new(),
            holidays: Vec::new(),
            created_ms: now_ms,
            updated_ms: now_ms,
        }
    }

    /// How often schools are categorised, reviewed and reassessed.
    pub fn intervals(&self) -> Intervals {
        Intervals {
            categorise_months: self.categorise_months,
            review_months: self.review_months,
            reassess_months: self.reassess_months,
        }
    }

    /// The same calendar moved to the school year starting `start`: every date moves by
    /// the same number of months (when both years start on the same day of the month) or
    /// of days, so the pattern of the year is kept.
    /// `None` when a date of the calendar is unknown (see [`TrustCalendar::year_start`]).
    pub fn moved_to(&self, start: Day) -> Option<TrustCalendar> {
        let from = self.year_start?;
        let days = from.days_until(start);
        let (from_ymd, start_ymd) = (from.ymd(), start.ymd());
        let months = (from_ymd.2 == start_ymd.2).then(|| {
            let month = |(year, month, _): (i64, u32, u32)| year * 12 + i64::from(month);
            month(start_ymd) - month(from_ymd)
        });
        let shift = |date: Option<Day>| match months {
            Some(m) => date?.add_months(m),
            None => date?.add_days(days),
        };
        let mut moved = self.clone();
        moved.year_start = Some(start);
        moved.year_end = Some(shift(self.year_end)?);
        for item in &mut moved.items {
            item.first = Some(shift(item.first)?);
        }
        // Term dates differ from year to year: the trust enters the new year's.
        moved.terms.clear();
        moved.holidays.clear();
        Some(moved)
    }

    /// The calendar with its school year starting on `start`, as the form's "School year
    /// starts" sets it: every date moved with it ([`TrustCalendar::moved_to`]) when they
    /// are all known; otherwise (a record an older version stored with other text) only
    /// the start is set, so that the user can enter the dates again one by one.
    pub fn with_year_start(&self, start: Day) -> TrustCalendar {
        self.moved_to(start).unwrap_or_else(|| TrustCalendar {
            year_start: Some(start),
            ..self.clone()
        })
    }

    /// Checks the calendar before it is kept; the message says what to fix.
    pub fn validate(&self) -> Result<(), String> {
        let (Some(year_start), Some(year_end)) = (self.year_start, self.year_end) else {
            return Err("Enter the first and last days of the school year as full dates.".into());
        };
        if !(1..=400).contains(&year_start.days_until(year_end)) {
            return Err("The school year must end after it starts, within about a year.".into());
        }
        for months in [
            self.categorise_months,
            self.review_months,
            self.reassess_months,
        ] {
            if !(1..=24).contains(&months) {
                return Err("Categorise, review and reassess every 1 to 24 months.".into());
            }
        }
        validate_periods(&self.terms, "term", false)?;
        validate_periods(&self.holidays, "holiday", true)?;
        if let Some(t) = self
            .terms
            .iter()
            .find(|t| t.first < self.year_start || t.last > self.year_end)
        {
            return Err(format!(
                "The term “{}” falls outside the school year ({} to {}).",
                t.name.trim(),
                display(&self.year_start),
                display(&self.year_end)
            ));
        }
        if self.items.len() > MAX_ITEMS {
            return Err(format!("A calendar holds at most {MAX_ITEMS} meetings."));
        }
        for item in &self.items {
            if item.title.trim().is_empty() {
                return Err("Every meeting needs a name.".into());
            }
            if item.first.is_none() {
                return Err(format!(
                    "Enter the first date of “{}” as a full date.",
                    item.title
                ));
            }
            let most = match item.unit {
                Unit::Weeks => MAX_EVERY_WEEKS,
                Unit::Months => MAX_EVERY_MONTHS,
            };
            if item.every == 0 || item.every > most {
                return Err(format!(
                    "“{}” can repeat every 1 to {most} {}.",
                    item.title,
                    item.unit.id()
                ));
            }
        }
        Ok(())
    }

    /// The calendar with its names trimmed and within the name limit.
    pub fn tidied(&self) -> TrustCalendar {
        let mut out = self.clone();
        for item in &mut out.items {
            item.title = clamp_chars(item.title.trim(), MAX_NAME_CHARS);
        }
        out.terms = out.terms.iter().map(Period::tidied).collect();
        out.holidays = out.holidays.iter().map(Period::tidied).collect();
        out
    }

    /// The calendar with the term dates read from a file: the terms within its school
    /// year, and the holidays that touch it, replace those it had.
    pub fn with_term_dates(&self, dates: &TermDates) -> TrustCalendar {
        let mut out = self.clone();
        out.terms = dates
            .terms
            .iter()
            .filter(|t| t.first >= self.year_start && t.last <= self.year_end)
            .cloned()
            .collect();
        out.holidays = dates
            .holidays
            .iter()
            .filter(|h| h.last >= self.year_start && h.first <= self.year_end)
            .cloned()
            .collect();
        out
    }

    /// True on a day a meeting or a review can fall: a weekday that is not a bank holiday
    /// in England and Wales nor one of the trust's holidays and, when the trust has
    /// entered its terms, within one of them.
    pub fn is_working_day(&self, date: Day) -> bool {
        if date.weekday() > 4 || is_bank_holiday(&date.iso()) {
            return false;
        }
        if self.holidays.iter().any(|h| h.contains(date)) {
            return false;
        }
        let in_year = Some(date) >= self.year_start && Some(date) <= self.year_end;
        !(in_year && !self.terms.is_empty() && !self.terms.iter().any(|t| t.contains(date)))
    }

    /// `date`, or the first working day after it (see [`TrustCalendar::is_working_day`]).
    pub fn next_working_day(&self, date: Day) -> Day {
        let mut day = date;
        // The longest run of days off is the summer holiday, well within this.
        for _ in 0..120 {
            if self.is_working_day(day) {
                break;
            }
            match day.add_days(1) {
                Some(next) => day = next,
                None => break,
            }
        }
        day
    }

    /// The trust's entered terms as term starts for "the same school term" (the team
    /// map's Early Years / Year 6 check): each term under its season, earliest first, so
    /// a season's first half-term is its start. Empty when no terms are entered, and
    /// then Waypoint's default terms apply (`dates::school_term`).
    pub fn school_term_starts(&self) -> Vec<TermStart> {
        let mut starts: Vec<TermStart> = self
            .terms
            .iter()
            .filter_map(|t| {
                Some(TermStart {
                    term: match Season::of_term(t) {
                        Season::Autumn => TermName::Autumn,
                        Season::Spring => TermName::Spring,
                        Season::Summer => TermName::Summer,
                    },
                    date: t.first?.iso(),
                })
            })
            .collect();
        starts.sort_by(|a, b| a.date.cmp(&b.date));
        starts
    }

    /// The dates of one repeating event within the school year; a date on a weekend, a
    /// bank holiday or in the trust's holidays moves to the next working day.
    /// None when a date it needs is unknown (see [`TrustCalendar::year_start`]).
    pub fn dates_of(&self, item: &CadenceItem) -> Vec<Day> {
        let mut dates = Vec::new();
        let (Some(first), Some(start), Some(end)) = (item.first, self.year_start, self.year_end)
        else {
            return dates;
        };
        if !item.on || item.every == 0 {
            return dates;
        }
        for n in 0..400i64 {
            let date = match item.unit {
                Unit::Weeks => first.add_days(n * 7 * i64::from(item.every)),
                Unit::Months => first.add_months(n * i64::from(item.every)),
            };
            let Some(date) = date.map(|d| self.next_working_day(d)) else {
                break;
            };
            if date > end {
                break;
            }
            if date >= start && dates.last() != Some(&date) {
                dates.push(date);
            }
        }
        dates
    }
}

/// What an event on the calendar is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    Cadence,
    InterventionReview,
    Categorisation,
    CategoryReview,
    Reassessment,
}

impl EventKind {
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Cadence => "Trust cadence",
            EventKind::InterventionReview => "Intervention review",
            EventKind::Categorisation => "Categorisation",
            EventKind::CategoryReview => "Review of the category",
            EventKind::Reassessment => "Reassessment",
        }
    }
}

/// One event of the calendar: a whole day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub date: String,
    pub kind: EventKind,
    pub title: String,
    pub detail: String,
    /// The same event keeps the same id in every download, so a calendar program
    /// updates it instead of adding it twice.
    pub uid: String,
}

/// Every event of the school year: the cadence, then what the data makes due (only
/// what is still to do: reviews already recorded are left out), in date order.
pub fn events(store: &impl TrustRecords, calendar: &TrustCalendar, today: &str) -> Vec<Event> {
    let content = trust_cycle();
    let mut out = Vec::new();
    let in_year = |d: Day| Some(d) >= calendar.year_start && Some(d) <= calendar.year_end;
    // A board's decision or a reassessment still due from an earlier year is overdue, and shown.
    let due_by_year_end = |d: &str| d.maybe_day().is_some_and(|d| Some(d) <= calendar.year_end);
    // A date still to come moves to the next working day; one already past keeps its date.
    let working_from_today = |d: Day| {
        if d.iso().as_str() >= today {
            calendar.next_working_day(d)
        } else {
            d
        }
    };
    for item in &calendar.items {
        let quote = content
            .cadence
            .iter()
            .find(|d| d.id == item.id)
            .map(|d| d.text.as_str())
            .unwrap_or("Added by the trust.");
        for date in calendar.dates_of(item).into_iter().map(Day::iso) {
            out.push(Event {
                uid: format!("{}-{}", item.id, compact(&date)),
                date,
                kind: EventKind::Cadence,
                title: item.title.clone(),
                detail: quote.to_string(),
            });
        }
    }
    let intervals = calendar.intervals();
    for school in store.schools() {
        let name = &school.name;
        for plan in store.plans_of(&school.id).filter(|p| p.status.is_open()) {
            let last = plan.latest_review().and_then(|r| r.date);
            for due in plan.review_dates() {
                if Some(due) <= last || !in_year(due) {
                    continue;
                }
                let end = Some(due) == plan.end;
                let date = calendar.next_working_day(due).iso();
                out.push(Event {
                    uid: format!("review-{}-{}", plan.id, compact(&date)),
                    title: format!(
                        "{}: {} of “{}”",
                        name,
                        if end { "final review" } else { "review" },
                        plan.target
                    ),
                    detail: format!(
                        "{}. Success criteria: {}{}",
                        plan.kind.content().name,
                        plan.success_criteria,
                        if end {
                            " The time limit is this day."
                        } else {
                            ""
                        }
                    ),
                    kind: EventKind::InterventionReview,
                    date,
                });
            }
        }
        let decisions = history(store, &school.id);
        let due = next_due(&decisions, intervals, today);
        // Never categorised: due now.
        let due_date = due
            .date
            .or(today.maybe_day())
            .map_or_else(|| today.to_string(), |d| working_from_today(d).iso());
        if due_by_year_end(&due_date) {
            let (kind, what) = match due.decision {
                Decision::Categorisation => (EventKind::Categorisation, "categorisation"),
                Decision::Review => (EventKind::CategoryReview, "review of the category"),
            };
            out.push(Event {
                uid: format!("category-{}-{}", school.id, compact(&due_date)),
                title: format!("{name}: {what}"),
                detail: format!(
                    "{} {}",
                    content.categorise,
                    decisions
                        .first()
                        .map(|c| format!(
                            "Category now: {} (decided {}).",
                            c.category.short(),
                            display(&c.date)
                        ))
                        .unwrap_or_default()
                ),
                kind,
                date: due_date,
            });
        }
        let latest = store
            .assessments_of(&school.id)
            .filter(|a| a.scope == crate::domain::checklist::assessment::Scope::WholeSchool)
            .filter_map(|a| a.date)
            .max();
        if let Some(date) = latest
            .and_then(|d| d.add_months(i64::from(intervals.reassess_months)))
            .map(|d| working_from_today(d).iso())
        {
            if due_by_year_end(&date) {
                out.push(Event {
                    uid: format!("reassess-{}-{}", school.id, compact(&date)),
                    title: format!("{name}: reassessment due"),
                    detail: format!(
                        "The latest whole-school assessment was on {}; Waypoint suggests reassessing every {} months so that each review of the category has fresh evidence.",
                        display(&latest),
                        intervals.reassess_months
                    ),
                    kind: EventKind::Reassessment,
                    date,
                });
            }
        }
    }
    spread(calendar, &mut out, today);
    crate::domain::base::order::sort_by(&mut out, |a, b| {
        a.date
            .cmp(&b.date)
            .then(a.kind.cmp(&b.kind))
            .then(a.title.cmp(&b.title))
    });
    out
}

/// The most board decisions (categorisations and reviews of the category), and the most
/// reassessments, Waypoint puts in one week: Waypoint's rule, so that a board is not
/// asked to decide on every school on one day.
pub const PER_WEEK: usize = 2;

/// How the dates of decisions and reassessments are spread, in the words shown to users.
pub const SPREAD_RULE: &str = "Waypoint's rule: no date falls on a weekend, a bank holiday in England and Wales or in the trust's holidays (nor outside its terms, once they are entered); it moves to the next working day. At most 2 board decisions and 2 reassessments fall in one week; the rest move to the weeks after.";

/// Spreads the decisions and the reassessments still to come across the weeks, at most
/// [`PER_WEEK`] of each kind a week, in the order they fall due (overdue ones keep their
/// dates: they are already late).
fn spread(calendar: &TrustCalendar, events: &mut [Event], today: &str) {
    let groups: [&[EventKind]; 2] = [
        &[EventKind::Categorisation, EventKind::CategoryReview],
        &[EventKind::Reassessment],
    ];
    for kinds in groups {
        let mut chosen: Vec<usize> = (0..events.len())
            .filter(|&i| kinds.contains(&events[i].kind) && events[i].date.as_str() >= today)
            .collect();
        chosen.sort_by(|&a, &b| {
            events[a]
                .date
                .cmp(&events[b].date)
                .then(events[a].title.cmp(&events[b].title))
        });
        let mut per_week: std::collections::BTreeMap<i64, usize> = Default::default();
        let week_of = |d: &str| day_number(d).map(|n| n - (n + 3).rem_euclid(7));
        for i in chosen {
            let mut date = events[i].date.clone();
            for _ in 0..60 {
                let Some(week) = week_of(&date) else { break };
                if per_week.get(&week).copied().unwrap_or(0) < PER_WEEK {
                    *per_week.entry(week).or_default() += 1;
                    break;
                }
                // The Monday after, then its first working day.
                let monday = from_day_number(week + 7);
                date = match monday.maybe_day() {
                    Some(monday) => calendar.next_working_day(monday).iso(),
                    None => monday,
                };
            }
            if date != events[i].date {
                events[i].uid = format!(
                    "{}-{}",
                    events[i].uid.rsplit_once('-').map_or("", |(head, _)| head),
                    compact(&date)
                );
                events[i].date = date;
            }
        }
    }
}

impl Event {
    /// True for what the data makes due (not the trust's own meetings).
    pub fn from_data(&self) -> bool {
        self.kind != EventKind::Cadence
    }

    /// True when something the data made due has passed without being done.
    pub fn overdue(&self, today: &str) -> bool {
        self.from_data() && self.date.as_str() < today
    }
}

/// Which events a calendar shows and downloads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Showing {
    /// What is still to come, and anything overdue (the default).
    Ahead,
    /// The whole school year, past meetings included.
    Year,
    /// Only what the schools' data makes due.
    Data,
}

impl Showing {
    pub const ALL: [Showing; 3] = [Showing::Ahead, Showing::Year, Showing::Data];

    pub fn id(self) -> &'static str {
        match self {
            Showing::Ahead => "ahead",
            Showing::Year => "year",
            Showing::Data => "data",
        }
    }

    pub fn from_id(id: &str) -> Option<Showing> {
        Showing::ALL.into_iter().find(|s| s.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Showing::Ahead => "What is still to come, and anything overdue",
            Showing::Year => "The whole school year, past dates included",
            Showing::Data => "Only what the schools' data makes due",
        }
    }

    /// True when the calendar shows `event` on `today`.
    pub fn keeps(self, event: &Event, today: &str) -> bool {
        match self {
            Showing::Ahead => event.overdue(today) || event.date.as_str() >= today,
            Showing::Year => true,
            Showing::Data => event.from_data(),
        }
    }
}

/// The events shown (and downloaded) for one choice.
pub fn shown(events: Vec<Event>, showing: Showing, today: &str) -> Vec<Event> {
    events
        .into_iter()
        .filter(|e| showing.keeps(e, today))
        .collect()
}

/// A date as iCalendar writes it: 20261123.
fn compact(date: &str) -> String {
    date.replace('-', "")
}

/// A moment (milliseconds since 1970) as an iCalendar time in UTC: 20261123T090000Z.
pub fn utc_stamp(ms: f64) -> String {
    let ms = if ms.is_finite() && ms > 0.0 { ms } else { 0.0 };
    let days = (ms / 86_400_000.0).floor() as i64;
    let seconds = ((ms - days as f64 * 86_400_000.0) / 1000.0).floor() as i64;
    format!(
        "{}T{:02}{:02}{:02}Z",
        compact(&from_day_number(days)),
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// The calendar as an iCalendar file (RFC 5545): one all-day event per date, each with
/// an id made from the calendar's id (`id`) and the event's, so that importing it again
/// updates rather than duplicates, and two trusts' events never share an id.
pub fn ics(id: &str, events: &[Event], name: &str, stamp_ms: f64) -> String {
    use crate::domain::base::text::without_controls;
    use ics::parameters::Value;
    use ics::properties::{Categories, Description, DtEnd, DtStart, Method, Summary, Transp};
    use ics::{escape_text, Event as Vevent, ICalendar};
    // Control characters in imported names would reach calendar programs as they are.
    let clean = |text: &str| escape_text(without_controls(text, true));
    let stamp = utc_stamp(stamp_ms);
    let mut calendar = ICalendar::new("2.0", "-//Waypoint//Trust calendar//EN");
    calendar.push(Method::new("PUBLISH"));
    calendar.push(ics::properties::CalScale::new("GREGORIAN"));
    calendar.push(ics::components::Property::new("X-WR-CALNAME", clean(name)));
    for event in events {
        let Some(next) = day_number(&event.date).map(|n| from_day_number(n + 1)) else {
            continue;
        };
        let mut vevent = Vevent::new(format!("{}-{}@waypoint", id, event.uid), stamp.clone());
        let mut start = DtStart::new(compact(&event.date));
        start.add(Value::DATE);
        let mut end = DtEnd::new(compact(&next));
        end.add(Value::DATE);
        vevent.push(start);
        vevent.push(end);
        vevent.push(Summary::new(clean(&event.title)));
        vevent.push(Description::new(clean(&event.detail)));
        vevent.push(Categories::new(escape_text(event.kind.label())));
        vevent.push(Transp::transparent());
        calendar.add_event(vevent);
    }
    refold(&calendar.to_string())
}

/// The most octets on a line of an iCalendar file, a fold's leading space included
/// (RFC 5545, 3.1). The `ics` crate writes 75 after that space.
const ICS_LINE_OCTETS: usize = 75;

/// Unfolds every content line and folds it again within [`ICS_LINE_OCTETS`], never
/// inside a character.
fn refold(text: &str) -> String {
    let mut logical: Vec<String> = Vec::new();
    for line in text.split("\r\n").filter(|l| !l.is_empty()) {
        match (line.strip_prefix(' '), logical.last_mut()) {
            (Some(rest), Some(last)) => last.push_str(rest),
            _ => logical.push(line.to_string()),
        }
    }
    let mut out = String::with_capacity(text.len() + text.len() / 70);
    for line in logical {
        let mut rest = line.as_str();
        let mut room = ICS_LINE_OCTETS;
        loop {
            let mut cut = rest.len().min(room);
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n");
            rest = &rest[cut..];
            if rest.is_empty() {
                break;
            }
            out.push(' ');
            room = ICS_LINE_OCTETS - 1;
        }
    }
    out
}

/// The trust's term starts from its calendar (the one changed last), or none.
pub fn trust_term_starts(store: &impl TrustRecords) -> Vec<TermStart> {
    store
        .calendars()
        .iter()
        .max_by(|a, b| a.updated_ms.total_cmp(&b.updated_ms))
        .map(TrustCalendar::school_term_starts)
        .unwrap_or_default()
}
