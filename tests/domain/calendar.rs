//! The trust calendar: the cadence Waypoint starts from and the trust adjusts, the events
//! the data makes due (intervention reviews, categorisations and their reviews,
//! reassessments), and the iCalendar file, read back by a small parser written here from
//! RFC 5545 (unfolding, escaping, one VEVENT per date).
use crate::support;

use std::collections::{BTreeMap, BTreeSet};

use waypoint::domain::base::dates::Day;
use waypoint::domain::checklist::assessment::Level;
use waypoint::domain::improvement::calendar::{
    events, ics, utc_stamp, EventKind, TrustCalendar, Unit,
};
use waypoint::domain::improvement::categorisation::{Categorisation, Category, Decision};
use waypoint::domain::improvement::plans::{Commission, Intervention, Kind, Progress, Review};
use waypoint::domain::records::edits::{ChecklistEdit, ImprovementEdit};
use waypoint::domain::records::edits::{Edit, EditError};
use waypoint::domain::records::store::Store;

fn calendar() -> TrustCalendar {
    TrustCalendar::starting("k1".into(), "2026-11-23", 1.0)
}

/// The starting calendar with every meeting of the source's cadence switched on.
fn all_on() -> TrustCalendar {
    let mut c = calendar();
    for item in &mut c.items {
        item.on = true;
    }
    c
}

fn item<'a>(
    c: &'a TrustCalendar,
    id: &str,
) -> &'a waypoint::domain::improvement::calendar::CadenceItem {
    c.items.iter().find(|i| i.id == id).expect(id)
}

/// A stored date as its text, "" when unknown, for comparing with what a test expects.
fn iso(day: Option<Day>) -> String {
    day.map(Day::iso).unwrap_or_default()
}

fn isos(days: Vec<Day>) -> Vec<String> {
    days.into_iter().map(Day::iso).collect()
}

#[test]
fn the_starting_cadence_follows_the_sources_through_one_school_year() {
    assert!(
        calendar()
            .items
            .iter()
            .all(|i| !i.on && calendar().dates_of(i).is_empty()),
        "no meeting is on the calendar until the trust says it holds it"
    );
    let c = all_on();
    assert_eq!(
        (iso(c.year_start), iso(c.year_end)),
        ("2026-09-01".into(), "2027-07-31".into())
    );
    assert_eq!(
        iso(TrustCalendar::starting("k".into(), "2027-08-31", 1.0).year_start),
        "2026-09-01"
    );
    assert_eq!(
        iso(TrustCalendar::starting("k".into(), "2027-09-01", 1.0).year_start),
        "2027-09-01"
    );
    assert_eq!(
        c.intervals(),
        Default::default(),
        "annual categorisation, six-monthly review"
    );
    let dates = |id: &str| isos(c.dates_of(item(&c, id)));
    assert_eq!(
        dates("sip"),
        ["2026-09-01"],
        "one school improvement plan a year"
    );
    assert_eq!(
        dates("pd_days"),
        ["2026-11-27", "2027-06-28"],
        "terms 2 and 6"
    );
    assert_eq!(dates("standards").len(), 3, "three times a year");
    assert_eq!(dates("networks").len(), 3, "termly");
    assert_eq!(dates("heads_to_board").len(), 2, "bi-annually");
    assert_eq!(dates("dashboard").len(), 6, "every half term");
    let fortnightly = dates("ceo_heads");
    assert_eq!(fortnightly.len(), 24);
    assert_eq!(fortnightly[0], "2026-09-11");
    assert_eq!(fortnightly[1], "2026-09-25");
    // Nothing falls on a weekend or over Christmas and New Year: 27 Jun 2027 is a
    // Sunday, so the day moves to Monday.
    for id in c.items.iter().map(|i| i.id.clone()) {
        for date in dates(&id) {
            assert!(crate::support::day(&date).weekday() < 5, "{id} on {date}");
            assert!(
                !["12-25", "12-26", "01-01"].contains(&&date[5..]),
                "{id} on {date}"
            );
            assert!(date.as_str() >= "2026-09-01" && date.as_str() <= "2027-07-31");
        }
    }
}

#[test]
fn a_trust_adjusts_its_cadence_and_moves_it_to_the_next_year() {
    let mut c = all_on();
    let pd = c.items.iter_mut().find(|i| i.id == "pd_days").unwrap();
    pd.first = Some(crate::support::day("2026-12-04"));
    pd.every = 6;
    let elg = c.items.iter_mut().find(|i| i.id == "elg").unwrap();
    elg.on = false;
    c.review_months = 4;
    assert_eq!(
        isos(c.dates_of(item(&c, "pd_days"))),
        ["2026-12-04", "2027-06-04"]
    );
    // Christmas Day 2026 is a Friday: the weekend follows, then the substitute Boxing
    // Day on Monday 28th, so Tuesday 29th.
    let pd = c.items.iter_mut().find(|i| i.id == "pd_days").unwrap();
    pd.first = Some(crate::support::day("2026-12-25"));
    assert_eq!(isos(c.dates_of(item(&c, "pd_days")))[0], "2026-12-29");
    let pd = c.items.iter_mut().find(|i| i.id == "pd_days").unwrap();
    pd.first = Some(crate::support::day("2026-12-04"));
    assert!(c.dates_of(item(&c, "elg")).is_empty(), "switched off");
    assert_eq!(c.intervals().review_months, 4);
    let next = c.moved_to(crate::support::day("2027-09-01")).unwrap();
    assert_eq!(c.with_year_start(crate::support::day("2027-09-01")), next);
    assert_eq!(iso(next.year_end), "2028-07-31");
    assert_eq!(iso(item(&next, "pd_days").first), "2027-12-04");
    assert_eq!(iso(item(&next, "sip").first), "2027-09-01");
    // The store keeps it; what cannot be a calendar is refused with the reason.
    let mut store = support::school_store();
    store
        .apply(
            &Edit::Improvement(ImprovementEdit::SetCalendar(c.clone())),
            5.0,
        )
        .unwrap();
    assert_eq!(store.intervals().review_months, 4);
    let applied = store
        .apply(
            &Edit::Improvement(ImprovementEdit::SetCalendar(c.clone())),
            6.0,
        )
        .unwrap();
    assert!(
        applied.changed.is_empty(),
        "the same calendar again changes nothing"
    );
    type Change = fn(&mut TrustCalendar);
    let cases: [(Change, &str); 5] = [
        (
            |c| c.year_end = Some(crate::support::day("2026-08-01")),
            "must end after it starts",
        ),
        (|c| c.items[0].every = 0, "every 1 to 12 months"),
        (
            |c| {
                c.items[5].unit = Unit::Weeks;
                c.items[5].every = 53
            },
            "every 1 to 52 weeks",
        ),
        (|c| c.items[1].title = "  ".into(), "needs a name"),
        (|c| c.categorise_months = 0, "every 1 to 24 months"),
    ];
    for (change, expected) in cases {
        let mut bad = c.clone();
        change(&mut bad);
        match store.apply(&Edit::Improvement(ImprovementEdit::SetCalendar(bad)), 7.0) {
            Err(EditError::Refused(why)) => assert!(why.contains(expected), "{why}"),
            other => panic!("{expected}: {other:?}"),
        }
    }
    assert_eq!(
        store.calendar(),
        Some(&TrustCalendar {
            updated_ms: 5.0,
            ..c
        })
    );
}

/// A store with one school assessed, an intervention reviewed once, and a categorisation.
fn busy_store() -> Store {
    let mut store = support::school_store();
    let mut a = support::answered([
        Level::Partly,
        Level::Clearly,
        Level::NotSeen,
        Level::NotSeen,
    ]);
    a.date = Some(crate::support::day("2026-10-05"));
    store
        .apply(&Edit::Checklist(ChecklistEdit::AddAssessment(a)), 2.0)
        .unwrap();
    let form = Commission {
        kind: Kind::SchoolToSchool,
        partner: "Elm Park; Year 6 team, maths".into(),
        focus: "Teaching and outcomes".into(),
        target: "Year 6 reading, writing; maths".into(),
        owner: "Deputy head".into(),
        start: "2026-09-07".into(),
        end: "2027-02-12".into(),
        review_weeks: 6,
        success_criteria: "70% at the expected standard".into(),
    };
    let plan = Intervention::new("p1".into(), support::SCHOOL_ID, None, form, 3.0);
    store
        .apply(&Edit::Improvement(ImprovementEdit::Commission(plan)), 3.0)
        .unwrap();
    store
        .apply(
            &Edit::Improvement(ImprovementEdit::RecordReview {
                plan: "p1".into(),
                review: Review {
                    date: Some(crate::support::day("2026-10-19")),
                    progress: Progress::OnTrack,
                    note: String::new(),
                },
            }),
            4.0,
        )
        .unwrap();
    let c = Categorisation {
        id: "c1".into(),
        school_id: support::SCHOOL_ID.into(),
        decision: Decision::Categorisation,
        date: Some(crate::support::day("2026-10-12")),
        category: Category::Moderate,
        decided_by: "Board".into(),
        rationale: "Red flags".into(),
        suggested: Some(Category::Moderate),
        suggested_reason: String::new(),
        assessed_on: Some(crate::support::day("2026-10-05")),
        created_ms: 5.0,
        updated_ms: 5.0,
    };
    store
        .apply(&Edit::Improvement(ImprovementEdit::Categorise(c)), 5.0)
        .unwrap();
    store
}

#[test]
fn the_calendar_holds_intervention_reviews_category_reviews_and_reassessments() {
    let store = busy_store();
    let all = events(&store, &calendar(), "2026-11-23");
    let of = |kind: EventKind| -> Vec<(&str, &str)> {
        all.iter()
            .filter(|e| e.kind == kind)
            .map(|e| (e.date.as_str(), e.title.as_str()))
            .collect()
    };
    // The review already recorded (19 Oct) is not on the calendar; the rest are, and
    // the last is the time limit.
    assert_eq!(
        of(EventKind::InterventionReview),
        [
            (
                "2026-11-30",
                "Oakfield Primary: review of “Year 6 reading, writing; maths”"
            ),
            (
                "2027-01-11",
                "Oakfield Primary: review of “Year 6 reading, writing; maths”"
            ),
            (
                "2027-02-12",
                "Oakfield Primary: final review of “Year 6 reading, writing; maths”"
            ),
        ]
    );
    assert_eq!(
        of(EventKind::CategoryReview),
        [("2027-04-12", "Oakfield Primary: review of the category")]
    );
    assert_eq!(
        of(EventKind::Reassessment),
        [("2027-04-05", "Oakfield Primary: reassessment due")]
    );
    let cadence = of(EventKind::Cadence).len();
    let expected: usize = calendar()
        .items
        .iter()
        .map(|i| calendar().dates_of(i).len())
        .sum();
    assert_eq!(cadence, expected);
    // In date order, and each event keeps one id wherever it is downloaded.
    assert!(all.windows(2).all(|w| w[0].date <= w[1].date));
    let uids: BTreeSet<&str> = all.iter().map(|e| e.uid.as_str()).collect();
    assert_eq!(uids.len(), all.len(), "ids are unique");
    assert_eq!(
        events(&store, &calendar(), "2026-11-23"),
        all,
        "the same every time"
    );
}

/// A content line's name, parameters and value, after unfolding.
#[derive(Debug)]
struct Line {
    name: String,
    params: BTreeMap<String, String>,
    value: String,
}

/// Reads iCalendar text as RFC 5545 says: lines end in CRLF, a line that starts with a
/// space or tab continues the one before, and "NAME;PARAM=V:value" splits at the first
/// colon outside quotes.
fn parse(text: &str) -> Vec<Line> {
    assert!(text.ends_with("\r\n"), "ends with CRLF");
    let mut logical: Vec<String> = Vec::new();
    for raw in text.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(
            !raw.contains('\n') && !raw.contains('\r'),
            "bare line break in {raw:?}"
        );
        assert!(
            raw.len() <= 75,
            "a line longer than 75 octets and its fold: {raw:?}"
        );
        if let Some(rest) = raw.strip_prefix(' ').or_else(|| raw.strip_prefix('\t')) {
            logical
                .last_mut()
                .expect("a fold follows a line")
                .push_str(rest);
        } else {
            logical.push(raw.to_string());
        }
    }
    logical
        .into_iter()
        .map(|line| {
            let colon = line.find(':').expect("every line has a value");
            let (head, value) = (&line[..colon], &line[colon + 1..]);
            let mut parts = head.split(';');
            let name = parts.next().unwrap().to_ascii_uppercase();
            let params = parts
                .map(|p| {
                    let (k, v) = p.split_once('=').expect("PARAM=VALUE");
                    (k.to_ascii_uppercase(), v.to_string())
                })
                .collect();
            Line {
                name,
                params,
                value: value.to_string(),
            }
        })
        .collect()
}

/// A TEXT value as written: backslash escapes undone.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("a lone backslash"),
            }
        } else {
            assert!(c != ',' && c != ';', "unescaped {c} in {value:?}");
            out.push(c);
        }
    }
    out
}

#[test]
fn the_ics_file_parses_back_to_the_same_events() {
    let store = busy_store();
    let all = events(&store, &calendar(), "2026-11-23");
    // 23 Nov 2026 09:05:07 UTC.
    let stamp = 1_795_424_707_000.0;
    assert_eq!(utc_stamp(stamp), "20261123T090507Z");
    let text = ics("k1", &all, "Oak Trust: improvement calendar", stamp);
    let lines = parse(&text);
    assert_eq!(
        lines.first().map(|l| (l.name.as_str(), l.value.as_str())),
        Some(("BEGIN", "VCALENDAR"))
    );
    assert_eq!(
        lines.last().map(|l| (l.name.as_str(), l.value.as_str())),
        Some(("END", "VCALENDAR"))
    );
    let header: BTreeMap<&str, &str> = lines
        .iter()
        .take_while(|l| !(l.name == "BEGIN" && l.value == "VEVENT"))
        .map(|l| (l.name.as_str(), l.value.as_str()))
        .collect();
    assert_eq!(header.get("VERSION"), Some(&"2.0"));
    assert!(header.get("PRODID").is_some_and(|p| p.contains("Waypoint")));
    assert_eq!(header.get("METHOD"), Some(&"PUBLISH"));
    assert_eq!(
        header.get("X-WR-CALNAME").map(|n| unescape(n)),
        Some("Oak Trust: improvement calendar".into())
    );
    // Each VEVENT, read back.
    let mut read = Vec::new();
    let mut current: Option<BTreeMap<String, &Line>> = None;
    let mut depth = 0;
    for line in &lines {
        match (line.name.as_str(), line.value.as_str()) {
            ("BEGIN", what) => {
                depth += 1;
                if what == "VEVENT" {
                    assert_eq!(depth, 2, "events sit directly in the calendar");
                    current = Some(BTreeMap::new());
                }
            }
            ("END", what) => {
                depth -= 1;
                if what == "VEVENT" {
                    read.push(current.take().expect("an END for each BEGIN"));
                }
            }
            (name, _) => {
                if let Some(props) = current.as_mut() {
                    assert!(
                        props.insert(name.to_string(), line).is_none(),
                        "{name} twice"
                    );
                }
            }
        }
    }
    assert_eq!(depth, 0, "every BEGIN has its END");
    assert_eq!(read.len(), all.len());
    let mut uids = BTreeSet::new();
    for (props, event) in read.iter().zip(&all) {
        for required in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"] {
            assert!(
                props.contains_key(required),
                "{required} missing in {props:?}"
            );
        }
        assert!(uids.insert(props["UID"].value.clone()), "UIDs are unique");
        assert_eq!(props["UID"].value, format!("k1-{}@waypoint", event.uid));
        assert_eq!(props["DTSTAMP"].value, "20261123T090507Z");
        let start = props["DTSTART"];
        assert_eq!(
            start.params.get("VALUE").map(String::as_str),
            Some("DATE"),
            "an all-day event"
        );
        assert_eq!(start.value, event.date.replace('-', ""));
        assert_eq!(
            props["DTEND"].params.get("VALUE").map(String::as_str),
            Some("DATE")
        );
        assert!(props["DTEND"].value > start.value, "ends the day after");
        assert_eq!(
            unescape(&props["SUMMARY"].value),
            event.title,
            "commas and semicolons survive"
        );
        assert_eq!(unescape(&props["DESCRIPTION"].value), event.detail);
    }
    // A title long enough to fold, with accents, is unfolded whole.
    let long = waypoint::domain::improvement::calendar::Event {
        date: "2027-01-11".into(),
        kind: EventKind::InterventionReview,
        title:
            "Ysgol Gynradd Llanfair Pwllgwyngyll – adolygiad “darllen”, ysgrifennu; mathemateg ✓ "
                .repeat(3),
        detail: "Line one\nLine two, with a comma".into(),
        uid: "long".into(),
    };
    let lines = parse(&ics("k1", std::slice::from_ref(&long), "x", stamp));
    let summary = lines.iter().find(|l| l.name == "SUMMARY").unwrap();
    assert_eq!(unescape(&summary.value), long.title);
    let detail = lines.iter().find(|l| l.name == "DESCRIPTION").unwrap();
    assert_eq!(unescape(&detail.value), long.detail);
}
