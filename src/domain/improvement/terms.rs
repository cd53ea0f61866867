//! The trust's term dates: its terms and holidays, entered once on the calendar or read
//! from an iCalendar (.ics) file such as a local authority publishes, and the three
//! seasons of the school year (autumn, spring, summer) they start.

use serde::{Deserialize, Serialize};

use crate::domain::base::dates::{self, Day};
use crate::domain::base::text::{clamp_chars, MAX_NAME_CHARS};

/// A named stretch of days, first and last included: one of the trust's terms or holidays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub name: String,
    /// The first and last days; `None` only for a record an older version took from a
    /// file with something else there (kept as stored, shown as "unknown").
    #[serde(default, with = "dates::kept", skip_serializing_if = "Option::is_none")]
    pub first: Option<Day>,
    #[serde(default, with = "dates::kept", skip_serializing_if = "Option::is_none")]
    pub last: Option<Day>,
}

/// The longest a term or a holiday can be, in days (a school year).
pub const MAX_PERIOD_DAYS: i64 = 366;
/// The most terms and holidays a calendar holds.
pub const MAX_PERIODS: usize = 40;

impl Period {
    pub fn new(name: &str, first: Day, last: Day) -> Period {
        Period {
            name: name.into(),
            first: Some(first),
            last: Some(last),
        }
    }

    /// True when `date` is one of its days.
    pub fn contains(&self, date: Day) -> bool {
        self.first.is_some_and(|first| first <= date) && self.last.is_some_and(|last| date <= last)
    }

    /// Checks one term or holiday; the message says what to fix. `what` is "term" or
    /// "holiday".
    pub fn validate(&self, what: &str) -> Result<(), String> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(format!("Every {what} needs a name."));
        }
        let (Some(first), Some(last)) = (self.first, self.last) else {
            return Err(format!(
                "Enter the first and last days of “{name}” as full dates."
            ));
        };
        match first.days_until(last) {
            d if (0..MAX_PERIOD_DAYS).contains(&d) => Ok(()),
            d if d < 0 => Err(format!("“{name}” must end on or after its first day.")),
            _ => Err(format!("“{name}” can last at most a year.")),
        }
    }

    /// The period with its name trimmed and within the name limit.
    pub fn tidied(&self) -> Period {
        Period {
            name: clamp_chars(self.name.trim(), MAX_NAME_CHARS),
            ..self.clone()
        }
    }
}

/// Checks a list of terms or holidays: each one, how many, and (for terms) no two
/// overlapping.
pub fn validate_periods(periods: &[Period], what: &str, may_overlap: bool) -> Result<(), String> {
    if periods.len() > MAX_PERIODS {
        return Err(format!("A calendar holds at most {MAX_PERIODS} {what}s."));
    }
    for p in periods {
        p.validate(what)?;
    }
    if !may_overlap {
        let mut sorted: Vec<&Period> = periods.iter().collect();
        sorted.sort_by_key(|p| p.first);
        for pair in sorted.windows(2) {
            if pair[1].first <= pair[0].last {
                return Err(format!(
                    "The terms “{}” and “{}” overlap.",
                    pair[0].name.trim(),
                    pair[1].name.trim()
                ));
            }
        }
    }
    Ok(())
}

/// The three seasons of the school year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Season {
    Autumn,
    Spring,
    Summer,
}

impl Season {
    pub const ALL: [Season; 3] = [Season::Autumn, Season::Spring, Season::Summer];

    pub fn name(self) -> &'static str {
        match self {
            Season::Autumn => "Autumn",
            Season::Spring => "Spring",
            Season::Summer => "Summer",
        }
    }

    /// The season a term belongs to: by its name when it says, otherwise by the month it
    /// starts (August to December autumn, January to March spring, April to July summer).
    pub fn of_term(term: &Period) -> Season {
        let name = term.name.to_lowercase();
        if let Some(s) = Season::ALL
            .into_iter()
            .find(|s| name.contains(&s.name().to_lowercase()))
        {
            return s;
        }
        match term.first.map(|first| first.ymd().1) {
            Some(1..=3) => Season::Spring,
            Some(4..=7) => Season::Summer,
            _ => Season::Autumn,
        }
    }
}

/// Terms and holidays read from a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermDates {
    pub terms: Vec<Period>,
    pub holidays: Vec<Period>,
    /// Events that were neither (a parents' evening, a trip).
    pub skipped: usize,
}

/// What a named event is, by its words.
enum EventSort {
    Holiday,
    Term,
    Other,
}

fn sort_of(summary: &str) -> EventSort {
    let s = summary.to_lowercase();
    let holiday_words = [
        "holiday",
        "half term",
        "half-term",
        "halfterm",
        "break",
        "closed",
        "closure",
        "inset",
        "training day",
    ];
    if holiday_words.iter().any(|w| s.contains(w)) {
        EventSort::Holiday
    } else if s.contains("term") {
        EventSort::Term
    } else {
        EventSort::Other
    }
}

/// An iCalendar date or date-time value's day.
fn ics_day(value: &str) -> Option<Day> {
    let digits = value.get(0..8)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Day::parse(&format!("{}-{}-{}", &digits[0..4], &digits[4..6], &digits[6..8])).ok()
}

fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push(' '),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// An event being read: its name, first day, and end (a day, and whether all-day).
type Pending = (String, Option<Day>, Option<(Day, bool)>);

/// Reads the terms and holidays of an iCalendar file (RFC 5545): each event whose name
/// says holiday, half term, break, closure or training day is a holiday; any other whose
/// name says term is a term. An event named "… starts" or "… begins" and one named
/// "… ends" with the same words make one term. All-day events end the day before their
/// DTEND, as the standard says.
pub fn read_term_dates(text: &str) -> Result<TermDates, String> {
    if !text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with("BEGIN:VCALENDAR")
    {
        return Err(
            "This is not a calendar (.ics) file. Choose the term dates file your local authority or trust publishes, ending .ics."
                .into(),
        );
    }
    let mut lines: Vec<String> = Vec::new();
    for line in text.split('\n').map(|l| l.trim_end_matches('\r')) {
        match (line.strip_prefix([' ', '\t']), lines.last_mut()) {
            (Some(rest), Some(last)) => last.push_str(rest),
            _ => lines.push(line.to_string()),
        }
    }
    let mut out = TermDates::default();
    let mut starts: Vec<(String, Day)> = Vec::new();
    let mut ends: Vec<(String, Day)> = Vec::new();
    let mut event: Option<Pending> = None;
    for line in lines {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let (name, params) = key.split_once(';').unwrap_or((key, ""));
        match (name.to_ascii_uppercase().as_str(), value) {
            ("BEGIN", "VEVENT") => event = Some((String::new(), None, None)),
            ("SUMMARY", _) => {
                if let Some(e) = event.as_mut() {
                    e.0 = unescape(value).trim().to_string();
                }
            }
            ("DTSTART", _) => {
                if let Some(e) = event.as_mut() {
                    e.1 = ics_day(value);
                }
            }
            ("DTEND", _) => {
                if let Some(e) = event.as_mut() {
                    let all_day = params.to_ascii_uppercase().contains("VALUE=DATE")
                        && !params.to_ascii_uppercase().contains("DATE-TIME")
                        || value.len() == 8;
                    e.2 = ics_day(value).map(|d| (d, all_day));
                }
            }
            ("END", "VEVENT") => {
                let Some((summary, Some(first), end)) = event.take() else {
                    out.skipped += 1;
                    continue;
                };
                let last = match end {
                    Some((day, true)) if day > first => day.add_days(-1).unwrap_or(day),
                    Some((day, _)) if day >= first => day,
                    _ => first,
                };
                let lower = summary.to_lowercase();
                let stem = |words: &[&str]| {
                    words
                        .iter()
                        .find(|w| lower.ends_with(*w) || lower.contains(&format!("{} ", w)))
                        .map(|w| lower.replace(w, "").trim().to_string())
                };
                match sort_of(&summary) {
                    EventSort::Holiday => out.holidays.push(Period::new(&summary, first, last)),
                    EventSort::Term if first == last => {
                        if let Some(s) = stem(&["starts", "begins", "start", "begin"]) {
                            starts.push((s, first));
                        } else if let Some(s) = stem(&["ends", "finishes", "end"]) {
                            ends.push((s, first));
                        } else {
                            out.skipped += 1;
                        }
                    }
                    EventSort::Term => out.terms.push(Period::new(&summary, first, last)),
                    EventSort::Other => out.skipped += 1,
                }
            }
            _ => {}
        }
    }
    for (stem, first) in starts {
        match ends
            .iter()
            .position(|(s, last)| *s == stem && *last >= first)
        {
            Some(i) => {
                let (_, last) = ends.remove(i);
                let mut name = stem.clone();
                if let Some(c) = name.get_mut(0..1) {
                    c.make_ascii_uppercase();
                }
                out.terms.push(Period::new(&name, first, last));
            }
            None => out.skipped += 1,
        }
    }
    out.skipped += ends.len();
    out.terms.sort_by_key(|t| t.first);
    out.holidays.sort_by_key(|h| h.first);
    if out.terms.is_empty() && out.holidays.is_empty() {
        return Err("No terms or holidays were found in this calendar file: Waypoint looks for events named as terms (“Autumn term”) or holidays (“Half term”, “Christmas holiday”).".into());
    }
    Ok(out)
}
