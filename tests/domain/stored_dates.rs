//! Stored dates kept as `dates::Day`, group by group: each is written as the same
//! "yyyy-mm-dd" text as before (the stored format does not change), a record an older
//! version stored with other text there still reads (the date shown as "unknown") and keeps
//! that text as stored until a form sets a real date, and a file with such a date is
//! refused naming the field.
use crate::support::{self, day};

use serde_json::{json, Value};
use waypoint::domain::base::dates::{display, OptionalDay};
use waypoint::domain::base::school::Trust;
use waypoint::domain::improvement::accountability::{Impact, Verdict};
use waypoint::domain::improvement::calendar::TrustCalendar;
use waypoint::domain::improvement::plans::{Intervention, Kind, Progress, Review, Status};
use waypoint::domain::improvement::terms::Period;
use waypoint::domain::improvement::trajectory::{Band, Point, Trajectory};
use waypoint::domain::records::edits::{Edit, ImprovementEdit, WorkshopEdit};
use waypoint::domain::records::exchange::read_import;
use waypoint::domain::records::layout::{read_record_keeping, write_record, Item, Key};
use waypoint::domain::records::schema::write_store;
use waypoint::domain::records::store::Store;
use waypoint::domain::workshop::aas::{aas, Member, Workshop};
use waypoint::domain::workshop::join::{invite_json, read_invite};

const TODAY: &str = "2026-11-23";

/// The text not a date that older versions may have stored, as JSON values.
fn not_dates() -> [Value; 4] {
    [
        json!("23/11/2026"),
        json!(""),
        json!("2026-02-30"),
        json!(null),
    ]
}

/// Reads a stored record as the app does, and puts it in the store with what this build
/// does not read.
fn read_into(store: &mut Store, key: &Key, record: &Value) -> Item {
    let (item, unknown) = read_record_keeping(key, &record.to_string())
        .unwrap_or_else(|e| panic!("{record} made the record unreadable: {e:?}"));
    store.put_record_keeping(key, Some(item.clone()), unknown);
    item
}

fn written(store: &Store, key: &Key) -> Value {
    serde_json::from_str(&write_record(store, key).unwrap()).unwrap()
}

/// The message an import of `file` is refused with.
fn refused(file: &str) -> String {
    read_import(file, TODAY)
        .expect_err("a file with a date that is not a date is refused")
        .to_string()
}

// Intervention plans and their impact.

fn plan() -> Intervention {
    Intervention {
        id: "p1".into(),
        school_id: support::SCHOOL_ID.into(),
        legacy_school: None,
        assessment_id: None,
        kind: Kind::SchoolToSchool,
        partner: "Elm Park Academy".into(),
        focus: "Outcomes".into(),
        target: "Year 6 reading".into(),
        owner: "Deputy head".into(),
        start: Some(day("2026-09-07")),
        end: Some(day("2027-02-12")),
        review_weeks: 6,
        success_criteria: "70% at the expected standard".into(),
        status: Status::InProgress,
        reviews: vec![Review {
            date: Some(day("2026-10-19")),
            progress: Progress::OnTrack,
            note: String::new(),
        }],
        impact: Some(Box::new(Impact {
            date: Some(day("2026-11-20")),
            practice: "Guided reading daily".into(),
            systems: String::new(),
            organisation: String::new(),
            outcomes: String::new(),
            evidence: "Book looks".into(),
            verdict: Verdict::Met,
        })),
        created_ms: 1_000.0,
        updated_ms: 1_000.0,
    }
}

fn plan_store() -> (Store, Key, Value) {
    let mut store = support::school_store();
    store.plans.push(plan());
    let key = Key::Plan("p1".into());
    let record = written(&store, &key);
    (store, key, record)
}

#[test]
fn an_intervention_s_dates_are_stored_as_the_same_text_and_read_back() {
    let (_, key, record) = plan_store();
    assert_eq!(record["start"], json!("2026-09-07"));
    assert_eq!(record["end"], json!("2027-02-12"));
    assert_eq!(record["reviews"][0]["date"], json!("2026-10-19"));
    assert_eq!(record["impact"]["date"], json!("2026-11-20"));
    let Item::Plan(read) = read_record_keeping(&key, &record.to_string()).unwrap().0 else {
        panic!("an intervention")
    };
    assert_eq!(read, plan());
}

#[test]
fn an_intervention_an_older_version_stored_with_other_text_keeps_it() {
    for damaged in not_dates() {
        let (mut store, key, mut record) = plan_store();
        for place in ["start", "end"] {
            record[place] = damaged.clone();
        }
        record["reviews"][0]["date"] = damaged.clone();
        record["impact"]["date"] = damaged.clone();
        let Item::Plan(read) = read_into(&mut store, &key, &record) else {
            panic!("an intervention")
        };
        assert_eq!((read.start, read.end), (None, None), "{damaged}");
        assert_eq!(read.reviews[0].date, None);
        assert_eq!(display(&read.start), "unknown");
        // Nothing is worked out from a date it does not know.
        assert!(read.review_dates().is_empty());
        assert_eq!(read.overdue(TODAY), None);
        store
            .apply(
                &Edit::Improvement(ImprovementEdit::SetStatus {
                    plan: "p1".into(),
                    status: Status::Stopped,
                }),
                2_000.0,
            )
            .unwrap();
        let after = written(&store, &key);
        assert_eq!(after["status"], json!("stopped"));
        for place in ["start", "end"] {
            assert_eq!(after[place], damaged, "{place} kept exactly as stored");
        }
        assert_eq!(after["reviews"][0]["date"], damaged);
        assert_eq!(after["impact"]["date"], damaged);
        // The impact form's real date replaces the one it holds.
        let mut impact = *plan().impact.unwrap();
        impact.date = Some(day("2026-11-23"));
        store
            .apply(
                &Edit::Improvement(ImprovementEdit::RecordImpact {
                    plan: "p1".into(),
                    impact,
                }),
                3_000.0,
            )
            .unwrap();
        assert_eq!(written(&store, &key)["impact"]["date"], json!("2026-11-23"));
    }
}

#[test]
fn a_review_or_impact_without_a_date_is_not_recorded() {
    let (mut store, _, _) = plan_store();
    let review = Review {
        date: None,
        progress: Progress::OnTrack,
        note: String::new(),
    };
    let edit = Edit::Improvement(ImprovementEdit::RecordReview {
        plan: "p1".into(),
        review,
    });
    assert!(store.apply(&edit, 2_000.0).is_err());
    let mut impact = *plan().impact.unwrap();
    impact.date = None;
    let edit = Edit::Improvement(ImprovementEdit::RecordImpact {
        plan: "p1".into(),
        impact,
    });
    assert!(store.apply(&edit, 2_000.0).is_err());
    let mut undated = plan();
    undated.id = "p2".into();
    undated.start = None;
    assert!(store
        .apply(
            &Edit::Improvement(ImprovementEdit::Commission(undated)),
            2_000.0
        )
        .is_err());
}

#[test]
fn a_file_with_an_intervention_date_that_is_not_a_date_is_refused_naming_it() {
    let (store, _, _) = plan_store();
    let file = write_store(&store);
    assert!(read_import(&file, TODAY).is_ok());
    for (stored, named) in [
        ("\"start\":\"2026-09-07\"", "the start of the intervention"),
        (
            "\"end\":\"2027-02-12\"",
            "the time limit of the intervention",
        ),
        (
            "\"date\":\"2026-10-19\"",
            "the date of a review of the intervention",
        ),
        (
            "\"date\":\"2026-11-20\"",
            "the date of the impact review of the intervention",
        ),
    ] {
        for damaged in ["2026-02-30", "23/11/2026", ""] {
            let field = stored.split(':').next().unwrap();
            let hand_made = file.replace(stored, &format!("{field}:\"{damaged}\""));
            assert_ne!(hand_made, file, "{stored}");
            let why = refused(&hand_made);
            assert!(
                why.contains(named) && why.contains("not a real date"),
                "{stored} as {damaged}: {why}"
            );
        }
    }
}

// A trajectory's points: the date of results, which a point may leave out.

fn trajectory_store() -> (Store, Key, Value) {
    let mut store = support::school_store();
    let mut trajectory = Trajectory::new("t1".into(), support::SCHOOL_ID, 1_000.0);
    trajectory.points = vec![
        Point {
            period: "2025".into(),
            date: OptionalDay::On(day("2025-07-08")),
            band: Some(Band::NationalAverage),
            value: None,
        },
        Point {
            period: "2026".into(),
            date: OptionalDay::Absent,
            band: Some(Band::Top15),
            value: None,
        },
    ];
    store.trajectories.push(trajectory);
    let key = Key::Trajectory("t1".into());
    let record = written(&store, &key);
    (store, key, record)
}

#[test]
fn a_trajectory_s_dates_are_stored_as_the_same_text_and_read_back() {
    let (store, key, record) = trajectory_store();
    assert_eq!(record["points"][0]["date"], json!("2025-07-08"));
    assert_eq!(record["points"][1].get("date"), None, "left out, as before");
    let Item::Trajectory(read) = read_record_keeping(&key, &record.to_string()).unwrap().0 else {
        panic!("a trajectory")
    };
    assert_eq!(read, store.trajectories[0]);
    let mut null = record.clone();
    null["points"][1]["date"] = Value::Null;
    let Item::Trajectory(read) = read_record_keeping(&key, &null.to_string()).unwrap().0 else {
        panic!("a trajectory")
    };
    assert_eq!(read.points[1].date, OptionalDay::Absent);
}

#[test]
fn a_trajectory_an_older_version_stored_with_other_text_keeps_it() {
    for damaged in [
        json!("23/11/2026"),
        json!(""),
        json!("2026-02-30"),
        json!(7),
    ] {
        let (mut store, key, mut record) = trajectory_store();
        record["points"][0]["date"] = damaged.clone();
        let Item::Trajectory(read) = read_into(&mut store, &key, &record) else {
            panic!("a trajectory")
        };
        assert_eq!(read.points[0].date, OptionalDay::NotADate, "{damaged}");
        assert_eq!(display(&read.points[0].date), "unknown");
        // The period still places the point in time.
        assert!(read.points[0].year().is_some());
        store
            .apply(
                &Edit::Improvement(ImprovementEdit::SetCapacity {
                    school: support::SCHOOL_ID.into(),
                    trajectory_id: "t1".into(),
                    item: "capacity-item".into(),
                    ticked: true,
                }),
                2_000.0,
            )
            .unwrap();
        let after = written(&store, &key);
        assert_eq!(after["capacity"], json!(["capacity-item"]));
        assert_eq!(
            after["points"][0]["date"], damaged,
            "kept exactly as stored"
        );
    }
}

#[test]
fn a_file_with_a_trajectory_date_that_is_not_a_date_is_refused_naming_it() {
    let (store, _, _) = trajectory_store();
    let file = write_store(&store);
    assert!(read_import(&file, TODAY).is_ok());
    for damaged in ["\"2026-02-30\"", "\"23/11/2026\"", "\"\"", "7"] {
        let hand_made = file.replace("\"2025-07-08\"", damaged);
        assert_ne!(hand_made, file);
        let why = refused(&hand_made);
        assert!(
            why.contains("the date of results of the trajectory's period “2025”")
                && why.contains("not a real date"),
            "{damaged}: {why}"
        );
    }
}

// A workshop's date, and the join link that carries it.

fn workshop_store() -> (Store, Key, Value) {
    let mut store = Store {
        trusts: vec![Trust::new("t1".into(), "Oak Learning Trust", 1.0)],
        ..Default::default()
    };
    store.workshops.push(Workshop::new(
        "w1".into(),
        "t1",
        "Elm Academy",
        Some(day("2026-11-20")),
        1_000.0,
    ));
    let key = Key::Workshop("w1".into());
    let record = written(&store, &key);
    (store, key, record)
}

#[test]
fn a_workshop_s_date_is_stored_as_the_same_text_and_read_back() {
    let (store, key, record) = workshop_store();
    assert_eq!(record["date"], json!("2026-11-20"));
    let Item::Workshop(read) = read_record_keeping(&key, &record.to_string()).unwrap().0 else {
        panic!("a workshop")
    };
    assert_eq!(read, store.workshops[0]);
    let link = invite_json(aas(), &read, "Oak Learning Trust");
    assert_eq!(read_invite(aas(), &link).unwrap().date, day("2026-11-20"));
}

#[test]
fn a_workshop_an_older_version_stored_with_other_text_keeps_it() {
    for damaged in not_dates() {
        let (mut store, key, mut record) = workshop_store();
        record["date"] = damaged.clone();
        let Item::Workshop(read) = read_into(&mut store, &key, &record) else {
            panic!("a workshop")
        };
        assert_eq!(read.date, None, "{damaged}");
        assert_eq!(display(&read.date), "unknown");
        // A join link for it says so rather than carrying a date that is not one.
        let link = invite_json(aas(), &read, "Oak Learning Trust");
        assert!(read_invite(aas(), &link).is_err());
        store
            .apply(
                &Edit::Workshop(WorkshopEdit::AddMember {
                    workshop: "w1".into(),
                    member: Member::new("m1".into(), "Ann", "Trustee"),
                }),
                2_000.0,
            )
            .unwrap();
        let after = written(&store, &key);
        assert_eq!(after["respondents"][0]["name"], json!("Ann"));
        assert_eq!(after["date"], damaged, "kept exactly as stored");
    }
}

#[test]
fn a_file_with_a_workshop_date_that_is_not_a_date_is_refused_naming_it() {
    let (store, _, _) = workshop_store();
    let file = write_store(&store);
    assert!(read_import(&file, TODAY).is_ok());
    for damaged in ["2026-02-30", "23/11/2026", ""] {
        let hand_made = file.replace("\"2026-11-20\"", &format!("\"{damaged}\""));
        assert_ne!(hand_made, file);
        let why = refused(&hand_made);
        assert!(
            why.contains("the workshop's date") && why.contains("not a real date"),
            "{damaged}: {why}"
        );
    }
}

// The trust's calendar: its school year, its meetings' first dates, its terms and holidays.

fn calendar_store() -> (Store, Key, Value) {
    let mut store = support::school_store();
    let mut calendar = TrustCalendar::starting("k1".into(), TODAY, 1_000.0);
    calendar.items[0].on = true;
    calendar.terms = vec![Period::new(
        "Autumn term",
        day("2026-09-03"),
        day("2026-12-18"),
    )];
    calendar.holidays = vec![Period::new(
        "Autumn half term",
        day("2026-10-26"),
        day("2026-10-30"),
    )];
    store.calendars.push(calendar);
    let key = Key::Calendar("k1".into());
    let record = written(&store, &key);
    (store, key, record)
}

#[test]
fn a_calendar_s_dates_are_stored_as_the_same_text_and_read_back() {
    let (store, key, record) = calendar_store();
    assert_eq!(record["year_start"], json!("2026-09-01"));
    assert_eq!(record["year_end"], json!("2027-07-31"));
    assert_eq!(record["items"][0]["first"], json!("2026-09-01"));
    assert_eq!(record["terms"][0]["first"], json!("2026-09-03"));
    assert_eq!(record["terms"][0]["last"], json!("2026-12-18"));
    assert_eq!(record["holidays"][0]["last"], json!("2026-10-30"));
    let Item::Calendar(read) = read_record_keeping(&key, &record.to_string()).unwrap().0 else {
        panic!("a calendar")
    };
    assert_eq!(read, store.calendars[0]);
}

#[test]
fn a_calendar_an_older_version_stored_with_other_text_keeps_it() {
    for damaged in not_dates() {
        let (mut store, key, mut record) = calendar_store();
        record["items"][0]["first"] = damaged.clone();
        record["terms"][0]["last"] = damaged.clone();
        record["holidays"][0]["first"] = damaged.clone();
        let Item::Calendar(read) = read_into(&mut store, &key, &record) else {
            panic!("a calendar")
        };
        assert_eq!(read.items[0].first, None, "{damaged}");
        assert_eq!(display(&read.terms[0].last), "unknown");
        // Nothing is put on the calendar from a date it does not know.
        assert!(read.dates_of(&read.items[0]).is_empty());
        assert!(!read.terms[0].contains(day("2026-10-01")));
        // The next edit the form makes (it checks the whole calendar) says what to fix.
        let mut changed = read.clone();
        changed.review_months = 4;
        let refused = store.apply(
            &Edit::Improvement(ImprovementEdit::SetCalendar(changed.clone())),
            2_000.0,
        );
        assert!(refused.is_err(), "{damaged}");
        // Once the dates are entered again, the calendar is kept and written as dates.
        changed.items[0].first = Some(day("2026-09-01"));
        changed.terms[0].last = Some(day("2026-12-18"));
        changed.holidays[0].first = Some(day("2026-10-26"));
        store
            .apply(
                &Edit::Improvement(ImprovementEdit::SetCalendar(changed)),
                3_000.0,
            )
            .unwrap();
        let after = written(&store, &key);
        assert_eq!(after["review_months"], json!(4));
        assert_eq!(after["items"][0]["first"], json!("2026-09-01"));
        assert_eq!(after["terms"][0]["last"], json!("2026-12-18"));
        // A year that is not a date is kept as stored until a date is entered.
        let (mut store, key, mut record) = calendar_store();
        record["year_end"] = damaged.clone();
        let Item::Calendar(read) = read_into(&mut store, &key, &record) else {
            panic!("a calendar")
        };
        assert_eq!(read.year_end, None);
        assert!(read.moved_to(day("2027-09-01")).is_none());
        // The form's school year can still be set, and then the end entered again.
        let started = read.with_year_start(day("2026-09-02"));
        assert_eq!(started.year_start, Some(day("2026-09-02")));
        assert!(started.validate().is_err(), "the end is still to enter");
        let mut ended = started.clone();
        ended.year_end = Some(day("2027-07-31"));
        assert_eq!(ended.validate(), Ok(()));
        store
            .apply(
                &Edit::Improvement(ImprovementEdit::RemoveCategorisation { id: "none".into() }),
                4_000.0,
            )
            .unwrap();
        assert_eq!(written(&store, &key)["year_end"], damaged);
    }
}

#[test]
fn a_file_with_a_calendar_date_that_is_not_a_date_is_refused_naming_it() {
    let (store, _, _) = calendar_store();
    let file = write_store(&store);
    assert!(read_import(&file, TODAY).is_ok());
    for (stored, named) in [
        (
            "\"year_end\":\"2027-07-31\"",
            "the first and last days of the school year",
        ),
        ("\"first\":\"2026-09-01\"", "the first date of"),
        (
            "\"last\":\"2026-12-18\"",
            "the first and last days of “Autumn term”",
        ),
        (
            "\"first\":\"2026-10-26\"",
            "the first and last days of “Autumn half term”",
        ),
    ] {
        for damaged in ["2026-02-30", "23/11/2026", ""] {
            let field = stored.split(':').next().unwrap();
            let hand_made = file.replacen(stored, &format!("{field}:\"{damaged}\""), 1);
            assert_ne!(hand_made, file, "{stored}");
            let why = refused(&hand_made);
            assert!(
                why.contains("a trust calendar") && why.contains(named),
                "{stored} as {damaged}: {why}"
            );
        }
    }
}

#[test]
fn whatever_a_record_holds_where_a_date_belongs_reads_without_failing() {
    use waypoint::domain::base::dates::{Day, OptionalDay};
    let read = |json: &str| serde_json::from_str::<OptionalDay>(json).unwrap();
    let day = Day::parse("2026-02-03").unwrap();
    assert_eq!(read("\"2026-02-03\""), OptionalDay::On(day));
    assert_eq!(read("null"), OptionalDay::Absent);
    for other in [
        "\"2026-02-30\"",
        "\"3 Feb 2026\"",
        "5",
        "-1.5",
        "true",
        "[1, [2]]",
        "{\"a\": {\"b\": 1}}",
    ] {
        assert_eq!(read(other), OptionalDay::NotADate, "{other}");
    }
    // The same through a JSON tree, as records with parts this build does not know are read.
    let tree: serde_json::Value =
        serde_json::from_str("[\"2026-02-03\", {\"x\": 1}, null]").unwrap();
    let through_tree: Vec<OptionalDay> = serde_json::from_value(tree).unwrap();
    assert_eq!(
        through_tree,
        vec![
            OptionalDay::On(day),
            OptionalDay::NotADate,
            OptionalDay::Absent
        ]
    );
}
