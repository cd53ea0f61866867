//! The stored format: round trips, versions, and refusing what it cannot read.
use crate::support;

use crate::support::{answered, school_store};
use waypoint::domain::base::dates::is_iso_date;
use waypoint::domain::base::ids::is_valid_id;
use waypoint::domain::base::school::{name_key, School};
use waypoint::domain::base::text::clamp_chars;
use waypoint::domain::checklist::assessment::{AssessmentDetails, Level, Scope};
use waypoint::domain::checklist::SchoolRecords;
use waypoint::domain::improvement::TrustRecords;
use waypoint::domain::records::schema::{
    derived_id, read_store, write_store, ReadError, SCHEMA_VERSION,
};
use waypoint::domain::records::store::Store;

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
    let mut store = school_store();
    store.assessments.push(b);
    store.assessments.push(a);
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
    let text = write_store(&sample_store()).replace("\"levels\":\"", "\"levels\":\"q");
    let Err(ReadError::Invalid(detail)) = read_store(&text) else {
        panic!("an unknown level must be refused");
    };
    assert!(detail.contains("`q`"), "{detail}");
}

#[test]
fn duplicate_and_unusable_ids_are_reissued_with_their_references() {
    let mut store = sample_store();
    store.assessments[1].id = store.assessments[0].id.clone();
    store.assessments[0].id = "a b/é".into();
    let plan_from_first = "a b/é".to_string();
    let text = write_store(&store).replace(
        "\"plans\":[]",
        &format!(
            "\"plans\":[{{\"id\":\"p 1\",\"school_id\":\"s1\",\"assessment_id\":\"{plan_from_first}\",\"kind\":\"in_school\",\"target\":\"T\",\"owner\":\"O\",\"start\":\"2026-01-01\",\"end\":\"2026-06-01\",\"review_weeks\":6,\"success_criteria\":\"S\",\"status\":\"planned\",\"created_ms\":1,\"updated_ms\":1}}]"
        ),
    );
    let read = read_store(&text).expect("ids are re-issued, not refused");
    let ids: Vec<&str> = read.assessments.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
    assert!(
        ids.iter()
            .all(|id| waypoint::domain::base::ids::is_valid_id(id)),
        "{ids:?}"
    );
    assert!(waypoint::domain::base::ids::is_valid_id(&read.plans[0].id));
    assert_eq!(read.plans[0].assessment_id.as_deref(), Some(ids[0]));
    // The same file gives the same ids every time.
    assert_eq!(read_store(&text).unwrap(), read);
}

#[test]
fn a_repeated_assessment_id_is_reissued_for_the_later_one() {
    let mut store = sample_store();
    store.assessments[1].id = store.assessments[0].id.clone();
    let read = read_store(&write_store(&store)).expect("re-issued, not refused");
    assert_eq!(read.assessments[0].id, store.assessments[0].id);
    assert_ne!(read.assessments[1].id, read.assessments[0].id);
    assert!(is_valid_id(&read.assessments[1].id));
    assert_eq!(read.assessments[1].scope, store.assessments[1].scope);
    assert_eq!(read_store(&write_store(&store)), Ok(read));
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
    let nothing = AssessmentDetails {
        school: String::new(),
        scope: Scope::Team(String::new()),
        date: String::new(),
        ..ok.clone()
    };
    let fields: Vec<&str> = nothing.problems().iter().map(|p| p.field()).collect();
    assert_eq!(fields, ["school", "scope-name", "date"], "all at once");
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
    let text = include_str!("../fixtures/store-v1.json");
    let store = read_store(text).expect("version 1 is read");
    assert_eq!(store.assessments.len(), 1);
    assert!(store.workshops.is_empty());
    let a = &store.assessments[0];
    assert_eq!(a.scope, Scope::Subject("Maths".into()));
    assert_eq!(a.level("repair-7"), Some(Level::Partly));
    assert_eq!(a.answer("repair-7").unwrap().note, "Year 9 after lunch");
    assert_eq!(a.level("stabilise-5"), Some(Level::NotApplicable));
    // The school's name became a school record.
    assert_eq!(store.schools.len(), 1);
    assert_eq!(a.school_id, store.schools[0].id);
    assert_eq!(store.title(a), "Oakfield Primary — Subject: Maths");
    assert_eq!(a.legacy_school, None);
    // Written again, it is the current version and reads back the same.
    let again = write_store(&store);
    assert!(again.contains(&format!("\"schema\":{SCHEMA_VERSION}")));
    assert_eq!(read_store(&again), Ok(store));
}

/// A store saved by version 2 (before trajectories) keeps its workshops.
#[test]
fn a_version_2_store_is_migrated() {
    let store = read_store(include_str!("../fixtures/store-v2.json")).expect("version 2 is read");
    assert!(store.trajectories.is_empty());
    let member = &store.workshops[0].members[0];
    assert_eq!(member.name, "Ann Evans");
    assert_eq!(
        member.placing("governance-s1").unwrap().note,
        "Values differ"
    );
    // The trust's name became a trust record.
    assert_eq!(store.trusts.len(), 1);
    assert_eq!(store.workshops[0].trust_id, store.trusts[0].id);
    assert_eq!(
        store.workshop_title(&store.workshops[0]),
        "Oak Learning Trust"
    );
    assert_eq!(store.workshops[0].legacy_trust, None);
    assert_eq!(read_store(&write_store(&store)), Ok(store));
}

/// A store saved by version 3 (before intervention plans) keeps its trajectories.
#[test]
fn a_version_3_store_is_migrated() {
    let store = read_store(include_str!("../fixtures/store-v3.json")).expect("version 3 is read");
    assert!(store.plans.is_empty());
    assert_eq!(store.trajectories[0].points.len(), 3);
    assert_eq!(
        store.assessments[0].answer("improve-1").unwrap().note,
        "Peer review in place"
    );
    // The assessment and the trajectory name the same school: one record.
    assert_eq!(store.schools.len(), 1);
    assert_eq!(
        store
            .trajectory_of(&store.assessments[0].school_id)
            .unwrap()
            .id,
        "t1"
    );
    assert_eq!(read_store(&write_store(&store)), Ok(store));
}

#[test]
fn a_problem_names_the_item_and_what_was_expected() {
    let text = write_store(&sample_store()).replace("\"whole_school\"", "\"sometimes\"");
    let Err(ReadError::Invalid(detail)) = read_store(&text) else {
        panic!("an unknown level must be refused");
    };
    assert!(
        detail.starts_with("assessment 2 (Oakfield Primary): "),
        "{detail}"
    );
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

/// The same problem in a file of format 4, whose items still carry their school's name.
#[test]
fn a_problem_in_an_older_file_names_the_item_and_what_was_expected() {
    let text = include_str!("../fixtures/store-v4.json").replace("\"clearly\"", "\"sometimes\"");
    let Err(ReadError::Invalid(detail)) = read_store(&text) else {
        panic!("an unknown level must be refused");
    };
    assert!(
        detail.starts_with("assessment 1 (Elm Park Academy)"),
        "{detail}"
    );
    assert!(detail.contains("expected one of"), "{detail}");
}

/// A store saved by version 4 (schools named on every item) gets school and trust
/// records: spellings that differ only in case and spacing are one school, and every
/// item keeps its id.
#[test]
fn a_version_4_store_is_migrated() {
    let text = include_str!("../fixtures/store-v4.json");
    let store = read_store(text).expect("version 4 is read");
    assert_eq!(store.schools.len(), 2, "{:?}", store.schools);
    let elm = store
        .schools
        .iter()
        .find(|s| name_key(&s.name) == "elm park academy")
        .expect("Elm Park Academy is a school");
    let ash = store
        .schools
        .iter()
        .find(|s| s.name == "Ash Primary")
        .unwrap();
    let ids: Vec<&str> = store.assessments.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a1", "a2", "a3"]);
    for id in ["a1", "a2"] {
        assert_eq!(store.get(id).unwrap().school_id, elm.id, "{id}");
    }
    assert_eq!(store.get("a3").unwrap().school_id, ash.id);
    assert_eq!(store.trajectories[0].id, "t1");
    assert_eq!(store.trajectories[0].school_id, elm.id);
    assert_eq!(store.plans[0].id, "p1");
    assert_eq!(store.plans[0].school_id, elm.id);
    assert_eq!(store.plans[0].assessment_id.as_deref(), Some("a1"));
    assert_eq!(store.plans[0].reviews[0].note, "Good start");
    assert_eq!(store.assessments_of(&elm.id).count(), 2);
    assert_eq!(store.plans_of(&elm.id).count(), 1);
    assert_eq!(
        store.title(store.get("a2").unwrap()),
        format!("{} — Subject: Maths", elm.name)
    );
    assert_eq!(store.workshops[0].id, "w1");
    assert_eq!(store.trusts.len(), 1);
    assert_eq!(store.trusts[0].name, "Oak Learning Trust");
    assert_eq!(store.workshops[0].trust_id, store.trusts[0].id);
    assert!(store
        .schools
        .iter()
        .map(|s| &s.id)
        .chain(store.trusts.iter().map(|t| &t.id))
        .all(|id| is_valid_id(id)));
    assert!(store.assessments.iter().all(|a| a.legacy_school.is_none()));
    // The ids come from the names, so every browser migrating the same names agrees.
    assert_eq!(elm.id, derived_id("s", "elm park academy", |_| false));
    assert_eq!(read_store(text), Ok(store.clone()));
    // Written again, it is the current version, names no school on its items, and reads
    // back the same.
    let again = write_store(&store);
    assert!(again.contains(&format!("\"schema\":{SCHEMA_VERSION}")));
    assert!(!again.contains("\"school\":"), "{again}");
    assert!(!again.contains("\"trust\":"), "{again}");
    assert_eq!(read_store(&again), Ok(store));
}

#[test]
fn an_item_of_a_school_the_document_lacks_is_refused() {
    let mut store = sample_store();
    store.assessments[1].school_id = "s-elsewhere".into();
    let Err(ReadError::Invalid(detail)) = read_store(&write_store(&store)) else {
        panic!("an assessment of a missing school must be refused");
    };
    assert!(detail.contains("assessment 2"), "{detail}");
    assert!(
        detail.contains("school the file does not include"),
        "{detail}"
    );
}

#[test]
fn an_unusable_school_id_is_reissued_and_its_items_follow() {
    let mut store = sample_store();
    store.schools[0].id = "Oakfield Primary/1".into();
    for a in &mut store.assessments {
        a.school_id = "Oakfield Primary/1".into();
    }
    let read = read_store(&write_store(&store)).expect("re-issued, not refused");
    let id = &read.schools[0].id;
    assert!(is_valid_id(id), "{id}");
    assert!(read.assessments.iter().all(|a| &a.school_id == id));
    assert_eq!(read_store(&write_store(&store)), Ok(read.clone()));
}

/// Two records with one id: the first keeps it (and, as `Store::school` finds the first,
/// the items that named it stay with it); the second gets a new id.
#[test]
fn a_duplicated_school_id_leaves_the_items_with_the_first_record() {
    let mut store = sample_store();
    store
        .schools
        .push(School::new(support::SCHOOL_ID.into(), "Elm Park", 600.0));
    assert_eq!(store.school_name(support::SCHOOL_ID), "Oakfield Primary");
    let read = read_store(&write_store(&store)).expect("re-issued, not refused");
    assert_eq!(read.schools.len(), 2);
    assert_ne!(read.schools[0].id, read.schools[1].id);
    for a in &read.assessments {
        assert_eq!(read.school_name(&a.school_id), "Oakfield Primary");
    }
}

#[test]
fn migrated_and_reissued_school_ids_make_working_links() {
    for fixture in [
        include_str!("../fixtures/store-v1.json"),
        include_str!("../fixtures/store-v3.json"),
        include_str!("../fixtures/store-v4.json"),
    ] {
        let store = read_store(fixture).unwrap();
        for school in &store.schools {
            let route = waypoint::route::Route::School(school.id.clone());
            assert_eq!(waypoint::route::Route::parse(&route.href()), route);
        }
    }
}
