//! The trust's terms and holidays, the bundled bank holidays, and what the calendar holds:
//! only what the trust set up and what the data makes due, never on a day off, decisions
//! spread across the weeks, and words that agree with the dates.
use std::collections::BTreeMap;

use waypoint::domain::base::dates::{add_months, day_number};
use waypoint::domain::base::holidays::{bank_holidays, covers, is_bank_holiday, years_covered};
use waypoint::domain::base::school::School;
use waypoint::domain::checklist::assessment::Level;
use waypoint::domain::improvement::calendar::{
    events, school_year_start, shown, EventKind, Showing, TrustCalendar, PER_WEEK,
};
use waypoint::domain::improvement::categorisation::Intervals;
use waypoint::domain::improvement::terms::{read_term_dates, Period};
use waypoint::domain::records::edits::{
    ChecklistEdit, Edit, EditError, ImprovementEdit, SchoolEdit,
};
use waypoint::domain::records::store::Store;

use crate::support;

fn calendar() -> TrustCalendar {
    TrustCalendar::starting("k1".into(), "2026-11-23", 1.0)
}

/// A year of term dates such as a local authority publishes for 2026–27.
fn with_terms() -> TrustCalendar {
    let mut c = calendar();
    c.terms = vec![
        Period::new(
            "Autumn term",
            crate::support::day("2026-09-03"),
            crate::support::day("2026-12-18"),
        ),
        Period::new(
            "Spring term",
            crate::support::day("2027-01-05"),
            crate::support::day("2027-03-25"),
        ),
        Period::new(
            "Summer term",
            crate::support::day("2027-04-12"),
            crate::support::day("2027-07-21"),
        ),
    ];
    c.holidays = vec![
        Period::new(
            "Autumn half term",
            crate::support::day("2026-10-26"),
            crate::support::day("2026-10-30"),
        ),
        Period::new(
            "Spring half term",
            crate::support::day("2027-02-15"),
            crate::support::day("2027-02-19"),
        ),
        Period::new(
            "Summer half term",
            crate::support::day("2027-05-31"),
            crate::support::day("2027-06-04"),
        ),
    ];
    c
}

/// True when the bank holidays cover the school year of the calendar Waypoint starts
/// on `today` (an ISO date, passed in: the test does not read the clock).
fn covers_the_calendar_started_on(today: &str) -> bool {
    let c = TrustCalendar::starting("k".into(), today, 1.0);
    covers(&c.year_start.unwrap().iso(), &c.year_end.unwrap().iso())
}

#[test]
fn the_bundled_bank_holidays_cover_the_calendars_school_year() {
    let list = bank_holidays();
    assert!(list.source.contains("gov.uk"));
    assert!(waypoint::domain::base::dates::is_iso_date(&list.taken));
    // The days the issue found meetings on.
    assert!(is_bank_holiday("2026-12-28"), "substitute Boxing Day");
    assert!(is_bank_holiday("2027-03-26"), "Good Friday");
    assert!(!is_bank_holiday("2027-03-24"));
    // The calendar Waypoint starts on the day the list was taken, and on the same day a
    // year later, is covered: a bundled list lasts at least a year. When this fails,
    // bundle a newer copy of the list.
    let a_year_on = add_months(&list.taken, 12).unwrap();
    for day in [list.taken.as_str(), a_year_on.as_str()] {
        assert!(
            covers_the_calendar_started_on(day),
            "bank holidays {:?} do not cover the school year from {day}",
            years_covered(),
        );
    }
    // A school year beyond the list is not covered, whether it is met by the calendar
    // or asked of the list directly.
    let (_, last) = years_covered();
    assert!(!covers_the_calendar_started_on(&format!("{}-12-01", last)));
    assert!(!covers("2099-09-01", "2100-07-31"));
    assert_eq!(school_year_start(&list.taken).ymd().1, 9);
}

#[test]
fn nothing_falls_on_a_bank_holiday_in_the_trusts_holidays_or_outside_its_terms() {
    let mut c = with_terms();
    for item in &mut c.items {
        item.on = true;
    }
    let mut store = twelve_schools();
    store
        .apply(
            &Edit::Improvement(ImprovementEdit::SetCalendar(c.clone())),
            9.0,
        )
        .unwrap();
    let all = events(&store, &c, "2026-09-01");
    assert!(all.len() > 20);
    for e in &all {
        assert!(
            c.is_working_day(crate::support::day(&e.date)),
            "{} on {}",
            e.title,
            e.date
        );
        assert!(!is_bank_holiday(&e.date));
        assert!(crate::support::day(&e.date).weekday() < 5);
        assert!(
            c.terms
                .iter()
                .any(|t| t.contains(crate::support::day(&e.date))),
            "{}",
            e.date
        );
        assert!(
            !c.holidays
                .iter()
                .any(|h| h.contains(crate::support::day(&e.date))),
            "{}",
            e.date
        );
    }
    // A day in half term moves to the Monday after it; one after the last term stays put.
    assert_eq!(
        c.next_working_day(crate::support::day("2026-10-27")),
        crate::support::day("2026-11-02")
    );
    assert_eq!(
        c.next_working_day(crate::support::day("2026-12-21")),
        crate::support::day("2027-01-05")
    );
    assert_eq!(
        calendar().next_working_day(crate::support::day("2027-03-26")),
        crate::support::day("2027-03-30")
    );
}

/// The one school-term rule (`dates::school_term`) with the trust's terms: each season
/// starts with its earliest term, also when half terms are entered as terms of their own;
/// without term dates, Waypoint's reading of the year.
#[test]
fn the_trusts_terms_decide_which_term_a_date_is_in() {
    use waypoint::domain::base::dates::{describe_term, school_term};
    let terms = with_terms().school_term_starts();
    let same = |a: &str, b: &str, terms: &[waypoint::domain::base::dates::TermStart]| {
        school_term(a, terms) == school_term(b, terms)
    };
    assert_eq!(describe_term("2027-04-11", &terms), "Spring term 2026/27");
    assert_eq!(describe_term("2027-04-12", &terms), "Summer term 2026/27");
    assert_eq!(describe_term("2027-09-10", &terms), "Autumn term 2027/28");
    assert!(same("2026-09-10", "2026-12-01", &terms));
    assert!(!same("2026-12-01", "2027-01-06", &terms));
    let mut halves = calendar();
    halves.terms = vec![
        Period::new(
            "Term 1",
            crate::support::day("2026-09-03"),
            crate::support::day("2026-10-23"),
        ),
        Period::new(
            "Term 2",
            crate::support::day("2026-11-02"),
            crate::support::day("2026-12-18"),
        ),
        Period::new(
            "Term 3",
            crate::support::day("2027-01-05"),
            crate::support::day("2027-02-12"),
        ),
        Period::new(
            "Term 4",
            crate::support::day("2027-02-22"),
            crate::support::day("2027-03-25"),
        ),
        Period::new(
            "Term 5",
            crate::support::day("2027-04-12"),
            crate::support::day("2027-05-28"),
        ),
        Period::new(
            "Term 6",
            crate::support::day("2027-06-07"),
            crate::support::day("2027-07-21"),
        ),
    ];
    let halves = halves.school_term_starts();
    for date in [
        "2026-09-03",
        "2026-11-05",
        "2027-03-01",
        "2027-04-11",
        "2027-04-12",
        "2027-07-01",
    ] {
        assert_eq!(
            school_term(date, &halves),
            school_term(date, &terms),
            "{date}"
        );
    }
    assert_eq!(describe_term("2027-03-31", &[]), "Spring term 2026/27");
    assert_eq!(describe_term("2027-04-01", &[]), "Summer term 2026/27");
    assert_eq!(describe_term("not a date", &[]), "Date unknown");
}

#[test]
fn term_dates_are_checked_and_read_from_an_ics_file() {
    let mut store = support::school_store();
    type Change = fn(&mut TrustCalendar);
    let cases: [(Change, &str); 4] = [
        (
            |c| c.terms[0].last = Some(crate::support::day("2026-08-01")),
            "end on or after",
        ),
        (
            |c| c.terms[1].first = Some(crate::support::day("2026-12-01")),
            "overlap",
        ),
        (|c| c.terms[0].name = " ".into(), "needs a name"),
        (
            |c| c.terms[2].last = Some(crate::support::day("2027-08-20")),
            "outside the school year",
        ),
    ];
    for (change, expected) in cases {
        let mut bad = with_terms();
        change(&mut bad);
        match store.apply(&Edit::Improvement(ImprovementEdit::SetCalendar(bad)), 2.0) {
            Err(EditError::Refused(why)) => assert!(why.contains(expected), "{why}"),
            other => panic!("{expected}: {other:?}"),
        }
    }
    store
        .apply(
            &Edit::Improvement(ImprovementEdit::SetCalendar(with_terms())),
            2.0,
        )
        .unwrap();
    assert_eq!(store.calendar().unwrap().terms.len(), 3);

    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
BEGIN:VEVENT\r\nSUMMARY:Autumn Term\r\nDTSTART;VALUE=DATE:20260903\r\nDTEND;VALUE=DATE:20261219\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nSUMMARY:October half term\r\nDTSTART;VALUE=DATE:20261026\r\nDTEND;VALUE=DATE:20261031\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nSUMMARY:Spring term starts\r\nDTSTART;VALUE=DATE:20270105\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nSUMMARY:Spring term ends\r\nDTSTART;VALUE=DATE:20270325\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nSUMMARY:Summer term\r\nDTSTART:20270412T080000Z\r\nDTEND:20270721T150000Z\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nSUMMARY:Parents' evening\r\nDTSTART;VALUE=DATE:20261110\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nSUMMARY:Autumn Term 2027\r\nDTSTART;VALUE=DATE:20270902\r\nDTEND;VALUE=DATE:20271218\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";
    let read = read_term_dates(ics).unwrap();
    assert_eq!(read.skipped, 1, "the parents' evening");
    let c = calendar().with_term_dates(&read);
    assert_eq!(
        c.terms,
        [
            Period::new(
                "Autumn Term",
                crate::support::day("2026-09-03"),
                crate::support::day("2026-12-18")
            ),
            Period::new(
                "Spring term",
                crate::support::day("2027-01-05"),
                crate::support::day("2027-03-25")
            ),
            Period::new(
                "Summer term",
                crate::support::day("2027-04-12"),
                crate::support::day("2027-07-21")
            ),
        ],
        "the next year's term is left out"
    );
    assert_eq!(
        c.holidays,
        [Period::new(
            "October half term",
            crate::support::day("2026-10-26"),
            crate::support::day("2026-10-30")
        )]
    );
    assert_eq!(c.validate(), Ok(()));
    assert!(read_term_dates("Date,Event\n2026-09-03,Autumn term\n")
        .unwrap_err()
        .contains("not a calendar (.ics) file"));
    assert!(read_term_dates("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
        .unwrap_err()
        .contains("No terms or holidays"));
}

/// Twelve schools, none categorised, all assessed on one day.
fn twelve_schools() -> Store {
    let mut store = Store::default();
    for n in 1..=12 {
        let id = format!("s{n}");
        store
            .apply(
                &Edit::Schools(SchoolEdit::AddSchool(School::new(
                    id.clone(),
                    &format!("School {n:02}"),
                    1.0,
                ))),
                1.0,
            )
            .unwrap();
        let mut a = support::answered([
            Level::Partly,
            Level::Clearly,
            Level::NotSeen,
            Level::NotSeen,
        ]);
        a.id = format!("a{n}");
        a.school_id = id;
        a.date = Some(crate::support::day("2026-04-20"));
        store
            .apply(&Edit::Checklist(ChecklistEdit::AddAssessment(a)), 2.0)
            .unwrap();
    }
    store
}

#[test]
fn a_calendar_holds_only_what_the_trust_set_up_and_spreads_decisions_across_the_weeks() {
    let store = twelve_schools();
    // Nothing of the cadence until the trust switches it on: only what the data makes due.
    let today = "2026-10-21";
    let all = events(&store, &with_terms(), today);
    assert!(all.iter().all(|e| e.from_data()));
    let mut per_week: BTreeMap<(i64, bool), usize> = BTreeMap::new();
    for e in all.iter().filter(|e| !e.overdue(today)) {
        let n = day_number(&e.date).unwrap();
        let decision = matches!(
            e.kind,
            EventKind::Categorisation | EventKind::CategoryReview
        );
        *per_week
            .entry((n - crate::support::day(&e.date).weekday(), decision))
            .or_default() += 1;
    }
    assert_eq!(
        all.iter()
            .filter(|e| e.kind == EventKind::Categorisation)
            .count(),
        12
    );
    assert!(per_week.values().all(|n| *n <= PER_WEEK), "{per_week:?}");
    // None in half term (26–30 Oct), none on the day asked.
    assert!(all
        .iter()
        .all(|e| !("2026-10-26"..="2026-10-30").contains(&e.date.as_str())));
    // Reassessments were due in October (six months after 20 April): overdue, kept on
    // their date and shown as overdue; past cadence is hidden unless asked for.
    let reassess: Vec<_> = all
        .iter()
        .filter(|e| e.kind == EventKind::Reassessment)
        .collect();
    assert_eq!(reassess.len(), 12);
    assert!(reassess
        .iter()
        .all(|e| e.date == "2026-10-20" && e.overdue(today)));
    let mut c = with_terms();
    c.items[0].on = true; // the school improvement plan, in September
    let year = events(&store, &c, today);
    assert_eq!(shown(year.clone(), Showing::Year, today).len(), year.len());
    let ahead = shown(year.clone(), Showing::Ahead, today);
    assert!(ahead
        .iter()
        .all(|e| e.date.as_str() >= today || e.overdue(today)));
    assert_eq!(ahead.len(), year.len() - 1, "the September meeting is past");
    assert!(shown(year, Showing::Data, today)
        .iter()
        .all(|e| e.from_data()));
}

#[test]
fn the_words_about_reassessing_agree_with_the_due_dates() {
    let mut intervals = Intervals::default();
    assert!(intervals.reassess_advice().contains("every 6 months"));
    assert!(!intervals.reassess_advice().contains("term"));
    intervals.reassess_months = 4;
    assert!(intervals.reassess_advice().contains("every 4 months"));
    // The reassessment falls due the same number of months after the assessment.
    let mut c = calendar();
    c.reassess_months = 4;
    let store = twelve_schools();
    let due: Vec<_> = events(&store, &c, "2026-08-01")
        .into_iter()
        .filter(|e| e.kind == EventKind::Reassessment)
        .collect();
    // 20 Apr + 4 months is 20 Aug; the twelve are spread two a week from there.
    assert_eq!(due[0].date, "2026-08-20");
    assert!(due.iter().all(|e| e.date.as_str() >= "2026-08-20"));
    assert!(
        due[0].detail.contains("every 4 months"),
        "{}",
        due[0].detail
    );
}

/// The trust's entered terms decide "the same school term" for the team map's Early Years
/// and Year 6 check: 20 Mar and 10 Apr 2027 are both in the spring term when summer
/// starts after Easter on 12 Apr, though Waypoint's default puts summer from 1 Apr.
#[test]
fn the_calendars_terms_decide_the_same_school_term_for_the_teams() {
    use waypoint::domain::base::dates::{TermName, TermStart};
    use waypoint::domain::checklist::assessment::Scope;
    use waypoint::domain::checklist::teams::{same_time, teams_map_in_terms};
    use waypoint::domain::improvement::calendar::trust_term_starts;
    let starts = with_terms().school_term_starts();
    assert_eq!(
        starts,
        [
            TermStart {
                term: TermName::Autumn,
                date: "2026-09-03".into()
            },
            TermStart {
                term: TermName::Spring,
                date: "2027-01-05".into()
            },
            TermStart {
                term: TermName::Summer,
                date: "2027-04-12".into()
            },
        ]
    );
    assert!(calendar().school_term_starts().is_empty());
    let scoped = |id: &str, year: &str, date: &str| {
        let mut a = support::answered([
            Level::Partly,
            Level::Clearly,
            Level::NotSeen,
            Level::NotSeen,
        ]);
        a.id = id.into();
        a.scope = Scope::YearGroup(year.into());
        a.date = Some(crate::support::day(date));
        a
    };
    let early = scoped("e", "EYFS", "2027-03-20");
    let year6 = scoped("y", "Year 6", "2027-04-10");
    assert!(!same_time(&early, &year6, &[]));
    let mut store = Store::default();
    assert!(trust_term_starts(&store).is_empty());
    store.calendars.push(with_terms());
    let terms = trust_term_starts(&store);
    assert!(same_time(&early, &year6, &terms));
    let map = teams_map_in_terms(
        waypoint::domain::base::content::four_stages(),
        [early, year6].iter(),
        &terms,
    );
    assert!(
        map.flags[0].contains("both need repair or stabilising"),
        "{:?}",
        map.flags
    );
}
