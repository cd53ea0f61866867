//! The checked date type: only real dates, stored as "yyyy-mm-dd", shown the UK way.

use proptest::prelude::*;
use waypoint::domain::base::dates::{show, DateError, Day};

fn day(text: &str) -> Day {
    Day::parse(text).unwrap()
}

#[test]
fn a_form_s_text_parses_to_a_date_or_says_why_not() {
    assert_eq!(day("2026-11-23").ymd(), (2026, 11, 23));
    assert_eq!(
        day(" 2026-11-23 "),
        day("2026-11-23"),
        "spaces around are ignored"
    );
    assert_eq!(Day::parse(""), Err(DateError::Missing));
    assert_eq!(Day::parse("   "), Err(DateError::Missing));
    for shape in [
        "23/11/2026",
        "2026-1-23",
        "26-11-23",
        "2026-11-23x",
        "2026-+1-23",
        "yyyy-mm-dd",
    ] {
        assert_eq!(Day::parse(shape), Err(DateError::NotIsoForm), "{shape}");
    }
    for missing in [
        "2026-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-04-31",
        "2026-11-00",
        "1899-12-31",
    ] {
        assert_eq!(Day::parse(missing), Err(DateError::NoSuchDay), "{missing}");
    }
    assert_eq!(DateError::NoSuchDay.to_string(), "Enter a real date");
    assert_eq!("2026-11-23".parse::<Day>(), Ok(day("2026-11-23")));
}

#[test]
fn leap_years_follow_the_gregorian_rule() {
    assert!(Day::parse("2024-02-29").is_ok());
    assert!(Day::parse("2000-02-29").is_ok(), "divisible by 400");
    assert_eq!(
        Day::parse("1900-02-29"),
        Err(DateError::NoSuchDay),
        "divisible by 100"
    );
    assert_eq!(Day::parse("2100-02-29"), Err(DateError::NoSuchDay));
    assert_eq!(day("2024-02-28").add_days(1), Some(day("2024-02-29")));
    assert_eq!(day("2025-02-28").add_days(1), Some(day("2025-03-01")));
    assert_eq!(day("2024-08-31").add_months(6), Some(day("2025-02-28")));
    assert_eq!(day("2023-08-31").add_months(6), Some(day("2024-02-29")));
    assert_eq!(day("2024-02-29").add_months(12), Some(day("2025-02-28")));
    assert_eq!(day("2024-02-29").add_months(-48), Some(day("2020-02-29")));
}

#[test]
fn arithmetic_stays_within_the_years_a_date_covers() {
    assert_eq!(day("2026-12-31").add_days(1), Some(day("2027-01-01")));
    assert_eq!(day("2026-03-01").add_days(-1), Some(day("2026-02-28")));
    assert_eq!(day("2026-11-23").days_until(day("2027-11-23")), 365);
    assert_eq!(day("2027-11-23").days_until(day("2026-11-23")), -365);
    assert_eq!(day("2026-11-23").weekday(), 0, "a Monday");
    assert_eq!(day("1900-01-01").add_days(-1), None);
    assert_eq!(day("9999-12-31").add_days(1), None);
    assert_eq!(day("9999-06-01").add_months(12), None);
    assert_eq!(day("2026-11-23").add_months(i64::MAX), None);
    assert_eq!(day("2026-11-23").add_days(i64::MAX), None);
}

#[test]
fn dates_are_shown_the_uk_way_and_unknown_when_lost() {
    assert_eq!(day("2026-11-23").to_string(), "23\u{a0}Nov\u{a0}2026");
    assert_eq!(day("2027-02-01").to_string(), "1\u{a0}Feb\u{a0}2027");
    assert_eq!(show(Some(day("2026-12-18"))), "18\u{a0}Dec\u{a0}2026");
    assert_eq!(show(None), "unknown");
}

#[test]
fn stored_as_the_same_text_and_only_real_dates_are_read() {
    let d = day("2026-11-23");
    assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-11-23\"");
    assert_eq!(serde_json::from_str::<Day>("\"2026-11-23\"").unwrap(), d);
    for refused in [
        "\"2026-02-30\"",
        "\"\"",
        "\"23/11/2026\"",
        "\" 2026-11-23\"",
        "20261123",
        "null",
    ] {
        let error = serde_json::from_str::<Day>(refused)
            .unwrap_err()
            .to_string();
        assert!(!error.is_empty(), "{refused}");
    }
    let why = serde_json::from_str::<Day>("\"2026-02-30\"")
        .unwrap_err()
        .to_string();
    assert!(
        why.contains("not a real date") && why.contains("2026-02-30"),
        "{why}"
    );
}

#[test]
fn a_kept_date_reads_damage_as_unknown_and_writes_only_real_dates() {
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct Record {
        #[serde(
            default,
            with = "waypoint::domain::base::dates::kept",
            skip_serializing_if = "Option::is_none"
        )]
        date: Option<Day>,
    }
    let read = |json: &str| serde_json::from_str::<Record>(json).unwrap().date;
    assert_eq!(read(r#"{"date": "2026-11-23"}"#), Some(day("2026-11-23")));
    for damaged in [
        r#"{"date": ""}"#,
        r#"{"date": "23/11/2026"}"#,
        r#"{"date": 3}"#,
        r#"{}"#,
    ] {
        assert_eq!(read(damaged), None, "{damaged}");
    }
    let written = serde_json::to_string(&Record { date: None }).unwrap();
    assert_eq!(
        written, "{}",
        "the text as stored is left for the record's unknown parts"
    );
}

proptest! {
    #[test]
    fn order_is_the_calendar_s_and_text_round_trips(a in 0i64..2_900_000, b in 0i64..2_900_000) {
        let first = day("1900-01-01");
        let (x, y) = (first.add_days(a).unwrap(), first.add_days(b).unwrap());
        prop_assert_eq!(x.cmp(&y), a.cmp(&b));
        prop_assert_eq!(x.iso().cmp(&y.iso()), a.cmp(&b), "the stored text sorts the same way");
        prop_assert_eq!(Day::parse(&x.iso()), Ok(x));
        let json = serde_json::to_string(&x).unwrap();
        prop_assert_eq!(serde_json::from_str::<Day>(&json).unwrap(), x);
        prop_assert_eq!(x.days_until(y), b - a);
    }
}
