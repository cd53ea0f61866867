//! What arrives from outside (files, imported names, dates) held to the forms' limits;
//! what Waypoint writes for other programs (.ics, CSV, file names) kept clean and distinct.
use crate::support;

use waypoint::domain::base::csv::csv;
use waypoint::domain::base::dates::far_from_today;
use waypoint::domain::base::reading::{text_of_file, ReadError};
use waypoint::domain::base::school::School;
use waypoint::domain::base::text::without_controls;
use waypoint::domain::checklist::assessment::Level;
use waypoint::domain::improvement::calendar::{ics, Event, EventKind, TrustCalendar};
use waypoint::domain::records::exchange::file_name;
use waypoint::domain::records::limits::{check_calendar, check_import};
use waypoint::domain::records::store::Store;

const TODAY: &str = "2026-11-23";

fn one_assessment() -> Store {
    let mut store = support::school_store();
    store
        .assessments
        .push(support::answered([Level::Clearly; 4]));
    store
}

#[test]
fn dates_far_from_today_are_named() {
    assert_eq!(far_from_today("2026-11-23", TODAY), None);
    assert_eq!(far_from_today("2031-11-23", TODAY), None);
    assert_eq!(far_from_today("2006-11-23", TODAY), None);
    assert!(far_from_today("2062-01-01", TODAY)
        .unwrap()
        .contains("more than 5 years from now"));
    assert!(far_from_today("1990-01-01", TODAY)
        .unwrap()
        .contains("more than 20 years ago"));
    assert!(far_from_today("9999-12-31", TODAY).is_some());
}

#[test]
fn an_import_within_the_forms_limits_is_accepted() {
    assert_eq!(check_import(&one_assessment(), TODAY), Ok(()));
}

#[test]
fn an_import_with_a_note_longer_than_the_form_takes_is_refused() {
    let mut store = one_assessment();
    let answer = store.assessments[0].answers.values_mut().next().unwrap();
    answer.note = "x".repeat(1_000_000);
    let why = check_import(&store, TODAY).unwrap_err();
    assert!(why.contains("1000000 characters"), "{why}");
    let mut store = one_assessment();
    store.assessments[0].assessors = "y".repeat(100_000);
    assert!(check_import(&store, TODAY)
        .unwrap_err()
        .contains("list of assessors"));
}

#[test]
fn an_import_with_a_blank_school_name_is_refused() {
    let mut store = one_assessment();
    store.schools = vec![School::new(support::SCHOOL_ID.into(), "   \u{a0} ", 1.0)];
    assert!(check_import(&store, TODAY).unwrap_err().contains("blank"));
}

#[test]
fn an_import_with_dates_far_from_today_is_refused() {
    for far in ["9999-01-01", "1990-05-01", "2062-03-01"] {
        let mut store = one_assessment();
        store.assessments[0].date = Some(crate::support::day(far));
        let why = check_import(&store, TODAY).unwrap_err();
        assert!(why.contains("the date of an assessment"), "{why}");
    }
}

#[test]
fn an_imported_calendar_gets_the_calendar_forms_checks() {
    let good = TrustCalendar::starting("k1".into(), TODAY, 1.0);
    assert_eq!(check_calendar(&good, TODAY), Ok(()));
    let mut many = good.clone();
    let item = many.items[0].clone();
    many.items = vec![item; 1000];
    assert!(check_calendar(&many, TODAY)
        .unwrap_err()
        .contains("at most 40"));
    let mut backwards = good.clone();
    backwards.year_end = Some(crate::support::day("2026-01-01"));
    assert!(check_calendar(&backwards, TODAY).is_err());
    for every in [0, u32::MAX] {
        let mut odd = good.clone();
        odd.items[0].every = every;
        assert!(check_calendar(&odd, TODAY).is_err(), "{every}");
    }
    let mut unnamed = good.clone();
    unnamed.items[0].title = " ".into();
    assert!(check_calendar(&unnamed, TODAY).is_err());
    let mut store = one_assessment();
    store.calendars.push(many);
    assert!(check_import(&store, TODAY).is_err());
}

#[test]
fn control_characters_never_reach_an_ics_or_csv_file() {
    assert_eq!(
        without_controls("a\u{0}b\u{b}c\u{1b}[31m", false),
        "abc[31m"
    );
    assert_eq!(
        without_controls("line\r\nnext\tcell", true),
        "line\n\nnext\tcell"
    );
    let event = Event {
        date: "2026-12-01".into(),
        title: "Board\u{0} meeting\u{1b}".into(),
        detail: "Targets\u{b} for\u{7f} Oak".into(),
        kind: EventKind::Cadence,
        uid: "m1".into(),
    };
    let file = ics("k1", &[event], "Oak\u{0} Trust", 1.0);
    assert!(
        !file
            .chars()
            .any(|c| c.is_control() && c != '\r' && c != '\n'),
        "{file:?}"
    );
    assert!(file.contains("SUMMARY:Board meeting"), "{file}");
    let table = csv(vec![vec!["Oak\u{0}field\u{1b}".into(), "=1+1".into()]]);
    assert!(
        !table.contains('\u{0}') && !table.contains('\u{1b}'),
        "{table:?}"
    );
    assert!(table.contains("Oakfield"));
}

#[test]
fn every_download_of_different_things_gets_a_different_name() {
    let long = "The Very Long Named Church of England Voluntary Aided Primary School and Nursery of St Mary";
    let answers = file_name(&format!("{long} answers"), TODAY, "csv");
    let results = file_name(&format!("{long} results"), TODAY, "csv");
    assert_ne!(answers, results);
    assert!(answers.len() < 100, "{answers}");
    let arabic = file_name("مدرسة النور", TODAY, "csv");
    let other = file_name("مدرسة الأمل", TODAY, "csv");
    assert_ne!(arabic, other);
    assert!(arabic.is_ascii() && !arabic.chars().any(char::is_control));
    // A short plain title stays as it was.
    assert_eq!(
        file_name("Oakfield Primary — Subject: Maths", TODAY, "json"),
        "waypoint-oakfield-primary-subject-maths-2026-11-23.json"
    );
}

#[test]
fn a_file_in_another_encoding_is_refused_by_the_encodings_name() {
    let json = "{\"format\":\"waypoint\"}";
    let be: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain(json.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    assert_eq!(text_of_file(&be), Err(ReadError::Encoding("UTF-16BE")));
    let be_bare: Vec<u8> = json.encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert_eq!(text_of_file(&be_bare), Err(ReadError::Encoding("UTF-16BE")));
    let le_bare: Vec<u8> = json.encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert_eq!(text_of_file(&le_bare), Err(ReadError::Encoding("UTF-16LE")));
    assert!(text_of_file(&[b'{', 0xe9, b'}'])
        .unwrap_err()
        .to_string()
        .contains("Windows-1252"));
    let with_mark: Vec<u8> = [0xef, 0xbb, 0xbf]
        .iter()
        .chain(json.as_bytes())
        .copied()
        .collect();
    assert_eq!(text_of_file(&with_mark).as_deref(), Ok(json));
    assert!(ReadError::Encoding("UTF-16BE")
        .to_string()
        .contains("UTF-16BE"));
}

#[test]
fn the_grid_of_a_thousand_people_is_drawn_a_page_at_a_time() {
    use waypoint::domain::workshop::aas::{Member, Workshop};
    use waypoint::domain::workshop::grid::{grid_page, page_of_person, PEOPLE_PER_GRID_PAGE};
    let mut w = Workshop::new("w1".into(), "t1", "", Some(crate::support::day(TODAY)), 1.0);
    for i in 0..1000 {
        w.members.push(Member::new(
            format!("r{i}"),
            &format!("Person {i}"),
            "Other",
        ));
    }
    let first = grid_page(&w, 0);
    assert_eq!(first.people.len(), PEOPLE_PER_GRID_PAGE);
    assert_eq!(first.pages, 1000usize.div_ceil(PEOPLE_PER_GRID_PAGE));
    assert_eq!(
        first.label(),
        format!("Members 1 to {PEOPLE_PER_GRID_PAGE} of 1,000")
    );
    let beyond = grid_page(&w, 10_000);
    assert_eq!(beyond.page, beyond.pages - 1);
    assert_eq!(beyond.last, 1000);
    assert_eq!(beyond.people.last().unwrap().0, "r999");
    assert_eq!(page_of_person(&w, "r999"), Some(beyond.pages - 1));
    let small = Workshop::new("w2".into(), "t1", "", Some(crate::support::day(TODAY)), 1.0);
    assert_eq!(grid_page(&small, 3).label(), "");
    assert_eq!(grid_page(&small, 3).first, 0);
}

#[test]
fn pasted_links_are_merged_in_time_that_grows_with_their_number() {
    use std::time::Instant;
    use waypoint::domain::workshop::aas::{Member, Position, When, Workshop};
    use waypoint::domain::workshop::join::links_found;
    use waypoint::domain::workshop::responses::{merge_new_members, sort_incoming};
    let found = links_found(
        "a #/answers/AAA b #/answers/BBB c #/answers/AAA #/answers/AAA",
        "answers",
    );
    assert_eq!(found.links, vec!["AAA".to_string(), "BBB".to_string()]);
    assert_eq!(found.repeats, 2);
    let people = |n: usize| -> Vec<Member> {
        (0..n)
            .map(|i| {
                let mut r = Member::new(format!("r{i}"), "Anonymous", "Other");
                r.anonymous = true;
                r.set("s1", When::Now, Some(Position::Aligned));
                r
            })
            .collect()
    };
    let mut w = Workshop::new("w1".into(), "t1", "", Some(crate::support::day(TODAY)), 1.0);
    let mut ids = support::fresh_ids();
    let started = Instant::now();
    let sorted = sort_incoming(&w, people(10_000));
    assert_eq!(sorted.new.len(), 10_000);
    assert_eq!(merge_new_members(&mut w, sorted.new, &mut ids), 10_000);
    assert!(
        started.elapsed().as_millis() < 2_000,
        "10,000 anonymous answers took {:?}",
        started.elapsed()
    );
    assert_eq!(w.members[9_999].name, "Anonymous 10000");
    // The same answers again are all skipped; one person's changed answers clash.
    let mut again = people(10_000);
    again[5].set("s1", When::Now, Some(Position::Standardised));
    let sorted = sort_incoming(&w, again);
    assert_eq!(sorted.duplicates.len(), 9_999);
    assert_eq!(sorted.clashes.len(), 1);
    assert_eq!(sorted.clashes[0].1, "r5");
}

#[test]
fn a_form_takes_a_date_far_from_today_only_once_confirmed() {
    use waypoint::domain::base::dates::{unconfirmed_far_date, CONFIRM_FAR_DATE};
    assert_eq!(unconfirmed_far_date("2026-12-01", TODAY, false), None);
    let why = unconfirmed_far_date("2062-01-01", TODAY, false).unwrap();
    assert!(
        why.contains("more than 5 years from now") && why.contains(CONFIRM_FAR_DATE),
        "{why}"
    );
    assert_eq!(unconfirmed_far_date("2062-01-01", TODAY, true), None);
}

#[test]
fn a_file_with_an_assessment_date_that_is_not_a_date_is_refused_saying_why() {
    let mut store = support::school_store();
    store.assessments.push(support::blank());
    let file = waypoint::domain::records::schema::write_store(&store);
    assert!(waypoint::domain::records::exchange::read_import(&file, TODAY).is_ok());
    for damaged in ["2026-02-30", "23/11/2026", ""] {
        let hand_made = file.replace(
            &format!("\"date\":\"{}\"", store.assessments[0].date.unwrap().iso()),
            &format!("\"date\":\"{damaged}\""),
        );
        assert_ne!(hand_made, file);
        let why = waypoint::domain::records::exchange::read_import(&hand_made, TODAY)
            .unwrap_err()
            .to_string();
        assert!(
            why.contains("the date of an assessment") && why.contains("not a real date"),
            "{damaged}: {why}"
        );
    }
}

#[test]
fn pasted_answers_are_numbered_past_every_name_already_there_or_arriving() {
    use waypoint::domain::workshop::aas::{Member, Workshop};
    use waypoint::domain::workshop::responses::merge_new_members;
    let mut w = Workshop::new("w1".into(), "t1", "", Some(crate::support::day(TODAY)), 1.0);
    w.members
        .push(Member::new("a".into(), "Anonymous 1", "Other"));
    let named = Member::new("b".into(), "anonymous 2", "Other");
    let mut unnamed = Member::new("c".into(), "Anonymous", "Other");
    unnamed.anonymous = true;
    let mut ids = support::fresh_ids();
    assert_eq!(merge_new_members(&mut w, vec![named, unnamed], &mut ids), 2);
    let last = &w.members[2];
    assert_eq!(
        last.name, "Anonymous 3",
        "past a name arriving in the same paste"
    );
}
