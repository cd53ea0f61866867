//! The stored format: round trips, versions, and refusing what it cannot read.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::answered;
use waypoint::domain::assessment::{is_iso_date, AssessmentDetails, Level, Scope};
use waypoint::domain::schema::{read_store, write_store, ReadError, SCHEMA_VERSION};
use waypoint::domain::store::Store;
use waypoint::domain::text::clamp_chars;

fn sample_store() -> Store {
    let mut a = answered([
        Level::Clearly,
        Level::Partly,
        Level::NotSeen,
        Level::NotApplicable,
    ]);
    a.set_note(
        "stabilise-1",
        "<script>alert('x')</script> 🏫 مدرسة \"quoted\"",
        9.0,
    );
    let mut b = a.clone();
    b.id = "b2".into();
    b.scope = Scope::Subject("Maths".into());
    let mut store = Store::default();
    store.add(a);
    store.add(b);
    store
}

#[test]
fn a_written_store_reads_back_exactly() {
    let store = sample_store();
    let text = write_store(&store);
    assert_eq!(read_store(&text), Ok(store));
    assert!(text.contains(&format!("\"schema\":{SCHEMA_VERSION}")));
}

#[test]
fn an_empty_store_round_trips() {
    assert_eq!(
        read_store(&write_store(&Store::default())),
        Ok(Store::default())
    );
}

#[test]
fn text_that_is_not_json_is_reported() {
    assert!(matches!(
        read_store("{\"format\":\"waypoint\",\"sch"),
        Err(ReadError::NotJson(_))
    ));
    assert!(matches!(read_store(""), Err(ReadError::NotJson(_))));
}

#[test]
fn json_from_elsewhere_is_not_taken_for_waypoint_data() {
    assert_eq!(read_store("[1,2,3]"), Err(ReadError::NotWaypoint));
    assert_eq!(
        read_store("{\"schema\":1,\"assessments\":[]}"),
        Err(ReadError::NotWaypoint)
    );
}

#[test]
fn a_newer_version_is_refused_not_misread() {
    let text = write_store(&Store::default())
        .replace(&format!("\"schema\":{SCHEMA_VERSION}"), "\"schema\":7");
    assert_eq!(read_store(&text), Err(ReadError::NewerVersion { found: 7 }));
    assert!(ReadError::NewerVersion { found: 7 }
        .to_string()
        .contains("newer version"));
}

#[test]
fn an_unknown_older_version_is_refused() {
    let text = "{\"format\":\"waypoint\",\"schema\":0,\"assessments\":[]}";
    assert!(matches!(read_store(text), Err(ReadError::Invalid(_))));
}

#[test]
fn damaged_content_names_what_is_wrong() {
    let text = write_store(&sample_store()).replace("\"clearly\"", "\"very\"");
    let Err(ReadError::Invalid(detail)) = read_store(&text) else {
        panic!("an unknown level must be refused");
    };
    assert!(detail.contains("very"), "{detail}");
}

#[test]
fn duplicate_ids_are_refused() {
    let mut store = sample_store();
    store.assessments[1].id = store.assessments[0].id.clone();
    let Err(ReadError::Invalid(detail)) = read_store(&write_store(&store)) else {
        panic!("duplicate ids must be refused");
    };
    assert!(detail.contains("share the id"), "{detail}");
}

#[test]
fn store_edits_can_be_undone() {
    let mut store = sample_store();
    let before = store.clone();
    let removed = store.remove("a1").unwrap();
    assert_eq!(store.assessments.len(), 1);
    store.restore(removed);
    assert_eq!(store, before);
    assert!(store.remove("missing").is_none());
}

#[test]
fn duplicate_and_rename() {
    let mut store = sample_store();
    let copy_id = store.duplicate("a1", "c3".into(), 50.0).unwrap();
    let copy = store.get(&copy_id).unwrap();
    assert_eq!(copy.school, "Oakfield Primary (copy)");
    assert_eq!(copy.answers, store.get("a1").unwrap().answers);
    assert!(store.rename("c3", "  Elm Academy ", 60.0));
    assert_eq!(store.get("c3").unwrap().school, "Elm Academy");
    assert!(!store.rename("c3", "   ", 70.0));
}

#[test]
fn details_are_validated_with_messages() {
    let ok = AssessmentDetails {
        school: "Elm".into(),
        scope: Scope::YearGroup("Year 6".into()),
        date: "2024-02-29".into(),
        assessors: String::new(),
        phase: None,
    };
    assert_eq!(ok.validate(), Ok(()));
    let no_school = AssessmentDetails {
        school: " ".into(),
        ..ok.clone()
    };
    assert_eq!(
        no_school.validate().unwrap_err().message(),
        "Enter the school's name."
    );
    let no_scope = AssessmentDetails {
        scope: Scope::Subject(" ".into()),
        ..ok.clone()
    };
    assert_eq!(
        no_scope.validate().unwrap_err().message(),
        "Enter the name of the subject."
    );
    assert!(!is_iso_date("2023-02-29"));
    assert!(!is_iso_date("23-02-01"));
    assert!(is_iso_date("2026-11-23"));
}

#[test]
fn long_text_is_clamped_on_character_boundaries() {
    assert_eq!(clamp_chars("🏫🏫🏫", 2), "🏫🏫");
    assert_eq!(clamp_chars("abc", 10), "abc");
}

/// A store saved by version 1 (before workshops) reads back with its answers intact.
#[test]
fn a_version_1_store_is_migrated() {
    let text = include_str!("fixtures/store-v1.json");
    let store = read_store(text).expect("version 1 is read");
    assert_eq!(store.assessments.len(), 1);
    assert!(store.workshops.is_empty());
    let a = &store.assessments[0];
    assert_eq!(a.scope, Scope::Subject("Maths".into()));
    assert_eq!(a.level("repair-7"), Some(Level::Partly));
    assert_eq!(a.answer("repair-7").unwrap().note, "Year 9 after lunch");
    assert_eq!(a.level("stabilise-5"), Some(Level::NotApplicable));
    // Written again, it is the current version and reads back the same.
    let again = write_store(&store);
    assert!(again.contains(&format!("\"schema\":{SCHEMA_VERSION}")));
    assert_eq!(read_store(&again), Ok(store));
}

/// A store saved by version 2 (before trajectories) keeps its workshops.
#[test]
fn a_version_2_store_is_migrated() {
    let store = read_store(include_str!("fixtures/store-v2.json")).expect("version 2 is read");
    assert!(store.trajectories.is_empty());
    let respondent = &store.workshops[0].respondents[0];
    assert_eq!(respondent.name, "Ann Evans");
    assert_eq!(
        respondent.placing("governance-s1").unwrap().note,
        "Values differ"
    );
    assert_eq!(read_store(&write_store(&store)), Ok(store));
}

/// A store saved by version 3 (before action plans) keeps its trajectories.
#[test]
fn a_version_3_store_is_migrated() {
    let store = read_store(include_str!("fixtures/store-v3.json")).expect("version 3 is read");
    assert!(store.plans.is_empty());
    assert_eq!(store.trajectories[0].points.len(), 3);
    assert_eq!(
        store.assessments[0].answer("improve-1").unwrap().note,
        "Peer review in place"
    );
    assert_eq!(read_store(&write_store(&store)), Ok(store));
}

#[test]
fn a_problem_names_the_item_and_what_was_expected() {
    let text = write_store(&sample_store()).replace("\"clearly\"", "\"sometimes\"");
    let Err(ReadError::Invalid(detail)) = read_store(&text) else {
        panic!("an unknown level must be refused");
    };
    assert!(detail.starts_with("assessment 1 ("), "{detail}");
    assert!(detail.contains("expected one of"), "{detail}");
}

#[test]
fn an_answer_to_an_unknown_feature_is_refused() {
    let text = write_store(&sample_store()).replacen("\"stabilise-1\"", "\"made-up-9\"", 1);
    let Err(ReadError::Invalid(detail)) = read_store(&text) else {
        panic!("an unknown feature must be refused");
    };
    assert!(detail.contains("made-up-9"), "{detail}");
}
