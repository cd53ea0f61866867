//! The split storage layout: one record per item and a meta record. Every record reads
//! back as written, keys name their records and nothing else, and records that are not
//! Waypoint's, are newer, or sit under the wrong key are refused.
use crate::support;

use std::collections::BTreeSet;

use crate::support::arbitrary::{self, Rng};
use waypoint::domain::records::edits::Edit;
use waypoint::domain::records::edits::{ChecklistEdit, ImprovementEdit, SchoolEdit};
use waypoint::domain::records::layout::{read_meta, read_record, write_record, Item, Key, PREFIX};
use waypoint::domain::records::schema::{ReadError, SCHEMA_VERSION};
use waypoint::domain::records::store::{Recovered, Store, TextPlace};

/// An arbitrary store with the bookkeeping filled in too.
fn any_store(rng: &mut Rng) -> Store {
    let mut store = arbitrary::store(rng);
    store.not_downloaded = store
        .assessments
        .iter()
        .map(|a| a.id.clone())
        .chain(store.schools.iter().map(|s| s.id.clone()))
        .filter(|_| rng.chance(50))
        .collect();
    if let Some(a) = store.assessments.first() {
        store.recovered.push(Recovered {
            id: "r-1".to_string(),
            place: TextPlace::AssessmentNote {
                assessment: a.id.clone(),
                feature: "stabilise-1".into(),
            },
            what: "Evidence note in “Oakfield Primary”".into(),
            text: rng.text(4),
            at_ms: rng.time(),
        });
    }
    if store.schools.len() > 1 && rng.chance(50) {
        store
            .distinct
            .push((store.schools[0].id.clone(), store.schools[1].id.clone()));
    }
    store
}

/// The order `Store::from_records` gives: newest assessments and workshops first (ties
/// by id), plans and categorisations oldest first, trajectories and calendars as read.
fn in_record_order(mut store: Store) -> Store {
    store
        .assessments
        .sort_by(|a, b| b.created_ms.total_cmp(&a.created_ms).then(a.id.cmp(&b.id)));
    store
        .workshops
        .sort_by(|a, b| b.created_ms.total_cmp(&a.created_ms).then(a.id.cmp(&b.id)));
    store
        .plans
        .sort_by(|a, b| a.created_ms.total_cmp(&b.created_ms).then(a.id.cmp(&b.id)));
    store
        .categorisations
        .sort_by(|a, b| a.created_ms.total_cmp(&b.created_ms).then(a.id.cmp(&b.id)));
    store
}

/// Writes every record of a store and builds a store from them, as a tab loading does.
fn through_records(store: &Store) -> Store {
    let mut meta = None;
    let mut items = Vec::new();
    for key in store.keys() {
        let text = write_record(store, &key).unwrap_or_else(|| panic!("{key:?} has no record"));
        match key {
            Key::Meta => meta = Some(read_meta(&text).expect("the meta record reads")),
            _ => items.push(
                read_record(&key, &text).unwrap_or_else(|e| panic!("{key:?} does not read: {e}")),
            ),
        }
    }
    Store::from_records(meta.expect("a store always has a meta record"), items)
}

/// Property: for any store, every record reads back, and the records make the store.
#[test]
fn every_record_round_trips() {
    arbitrary::for_any(300, |rng| {
        let store = any_store(rng);
        let keys = store.keys();
        assert_eq!(keys[0], Key::Meta);
        assert_eq!(
            keys.len(),
            1 + store.assessments.len()
                + store.workshops.len()
                + store.trajectories.len()
                + store.plans.len()
                + store.categorisations.len()
                + store.calendars.len(),
            "one record per item"
        );
        assert_eq!(through_records(&store), in_record_order(store));
    });
}

/// Each record holds one item and the meta record holds no items: an answer rewrites
/// one assessment, not the store.
#[test]
fn records_hold_one_item_each() {
    let mut store = support::school_store();
    store
        .apply(
            &Edit::Checklist(ChecklistEdit::AddAssessment(support::blank())),
            1.0,
        )
        .unwrap();
    let meta = write_record(&store, &Key::Meta).unwrap();
    assert!(meta.contains("\"format\":\"waypoint\""), "{meta}");
    assert!(
        meta.contains(&format!("\"schema\":{SCHEMA_VERSION}")),
        "{meta}"
    );
    assert!(meta.contains("Oakfield Primary"));
    assert!(!meta.contains("\"assessments\""), "{meta}");
    let record = write_record(&store, &Key::Assessment("a1".into())).unwrap();
    let Item::Assessment(read) = read_record(&Key::Assessment("a1".into()), &record).unwrap()
    else {
        panic!("not an assessment")
    };
    assert_eq!(&read, store.get("a1").unwrap());
    assert!(
        !record.contains("\"school\":"),
        "no name, only the id: {record}"
    );
    // An item no longer in the store has no record: it is to be removed.
    assert_eq!(write_record(&store, &Key::Assessment("a9".into())), None);
    assert_eq!(write_record(&store, &Key::Plan("a1".into())), None);
    assert_eq!(write_record(&store, &Key::Workshop("a1".into())), None);
    assert_eq!(write_record(&store, &Key::Trajectory("a1".into())), None);
}

/// What a tab does on seeing another tab's save: it reads the changed records and puts
/// them in place of its own.
#[test]
fn another_tab_s_records_are_put_in_place() {
    arbitrary::for_any(100, |rng| {
        let store = any_store(rng);
        let Some(first) = store.assessments.first().cloned() else {
            return;
        };
        let mut theirs = store.clone();
        let mut changed = Vec::new();
        let mut record = |edit: Edit, theirs: &mut Store| {
            changed.extend(theirs.apply(&edit, 50.0).unwrap().changed);
        };
        record(
            Edit::Checklist(ChecklistEdit::SetLevel {
                assessment: first.id.clone(),
                feature: "sustain-1".into(),
                level: Some(waypoint::domain::checklist::assessment::Level::Clearly),
            }),
            &mut theirs,
        );
        let mut added = support::blank();
        added.id = "new-1".to_string();
        added.school_id = store.schools[0].id.clone();
        added.created_ms = 1e13;
        record(
            Edit::Checklist(ChecklistEdit::AddAssessment(added)),
            &mut theirs,
        );
        if let Some(plan) = store.plans.first() {
            record(
                Edit::Improvement(ImprovementEdit::RemoveIntervention {
                    plan: plan.id.clone(),
                }),
                &mut theirs,
            );
        }
        record(
            Edit::Schools(SchoolEdit::RenameSchool {
                school: store.schools[0].id.clone(),
                name: "Renamed in the other tab".into(),
            }),
            &mut theirs,
        );
        let mut ours = store.clone();
        for key in changed.iter().collect::<BTreeSet<_>>() {
            match write_record(&theirs, key) {
                Some(text) if *key == Key::Meta => ours.put_meta(read_meta(&text).unwrap()),
                Some(text) => ours.put_record(key, Some(read_record(key, &text).unwrap())),
                None => ours.put_record(key, None),
            }
        }
        assert_eq!(ours, theirs);
    });
}

#[test]
fn keys_name_their_records_and_nothing_else() {
    let keys = [
        Key::Meta,
        Key::Assessment("a1".into()),
        Key::Workshop("w-2_x".into()),
        Key::Trajectory("j1".into()),
        Key::Plan("p9".into()),
        Key::Categorisation("c1".into()),
        Key::Calendar("k1".into()),
    ];
    let mut texts = BTreeSet::new();
    for key in &keys {
        let text = key.storage_key();
        assert!(text.starts_with(PREFIX), "{text}");
        assert_eq!(Key::parse(&text).as_ref(), Some(key), "{text}");
        assert!(texts.insert(text), "two keys share a storage key");
    }
    assert_eq!(Key::Meta.id(), None);
    assert_eq!(Key::Plan("p9".into()).id(), Some("p9"));
    assert_eq!(Key::Meta.storage_key(), "waypoint.meta");
    assert_eq!(
        Key::Assessment("a1".into()).storage_key(),
        "waypoint.assessment.a1"
    );
    assert_eq!(
        Key::Categorisation("c1".into()).storage_key(),
        "waypoint.categorisation.c1"
    );
    assert_eq!(
        Key::Calendar("k1".into()).storage_key(),
        "waypoint.calendar.k1"
    );
    // Other programs' keys, and Waypoint's keys that are not records.
    for other in [
        "",
        "meta",
        "waypoint",
        "waypoint.",
        "waypoint.store",
        "waypoint.lastExport",
        "waypoint.revision",
        "waypoint.unreadable.assessment.a1",
        "waypoint.meta.a1",
        "waypoint.metadata",
        "waypoint.school.s1",
        "waypoint.assessments.a1",
        "Waypoint.assessment.a1",
        "waypoint-assessment.a1",
        "other.assessment.a1",
        "assessment.a1",
        " waypoint.meta",
    ] {
        assert_eq!(Key::parse(other), None, "{other:?}");
    }
}

/// A key whose id could never be an item's (empty, or with characters ids do not have)
/// is not one of Waypoint's records.
#[test]
fn keys_with_ids_no_item_can_have_are_not_records() {
    for other in [
        "waypoint.assessment.",
        "waypoint.plan.a b",
        "waypoint.workshop.w1.backup",
    ] {
        assert_eq!(Key::parse(other), None, "{other:?}");
    }
}

#[test]
fn a_meta_record_from_a_newer_version_or_another_program_is_refused() {
    let store = support::school_store();
    let meta = write_record(&store, &Key::Meta).unwrap();
    assert!(read_meta(&meta).is_ok());
    let newer = meta.replace(
        &format!("\"schema\":{SCHEMA_VERSION}"),
        &format!("\"schema\":{}", SCHEMA_VERSION + 1),
    );
    assert!(matches!(
        read_meta(&newer),
        Err(ReadError::NewerVersion { found }) if found == SCHEMA_VERSION + 1
    ));
    for foreign in [
        "{\"schools\":[]}",
        "{\"format\":\"other\",\"schema\":5}",
        "{\"format\":\"waypoint-aas-responses\",\"schema\":1}",
        "[1,2,3]",
        "\"waypoint\"",
        "null",
    ] {
        assert_eq!(
            read_meta(foreign).err(),
            Some(ReadError::NotWaypoint),
            "{foreign}"
        );
    }
    assert!(matches!(
        read_meta("{\"format\":"),
        Err(ReadError::NotJson(_))
    ));
    assert!(matches!(read_meta(""), Err(ReadError::NotJson(_))));
    let damaged = meta
        .replace("\"schools\":[", "\"schools\":{")
        .replace("}],", "}},");
    assert!(matches!(
        read_meta(&damaged),
        Err(ReadError::Invalid(_) | ReadError::NotJson(_))
    ));
}

#[test]
fn a_record_under_another_item_s_key_is_refused() {
    let mut rng = Rng::new(3);
    let store = arbitrary::store(&mut rng);
    let mut store = store;
    let mut a = support::blank();
    a.school_id = store.schools[0].id.clone();
    store
        .apply(&Edit::Checklist(ChecklistEdit::AddAssessment(a)), 1.0)
        .unwrap();
    let text = write_record(&store, &Key::Assessment("a1".into())).unwrap();
    let Err(ReadError::Invalid(why)) = read_record(&Key::Assessment("a2".into()), &text) else {
        panic!("a record under another id's key was accepted")
    };
    assert!(why.contains("does not match"), "{why}");
    assert!(read_record(&Key::Meta, &text).is_err());
    assert!(matches!(
        read_record(&Key::Assessment("a1".into()), "{\"id\":"),
        Err(ReadError::Invalid(_))
    ));
    for w in &store.workshops {
        let text = write_record(&store, &Key::Workshop(w.id.clone())).unwrap();
        assert!(read_record(&Key::Workshop("other".into()), &text).is_err());
        assert!(read_record(&Key::Workshop(w.id.clone()), &text).is_ok());
    }
    for p in &store.plans {
        let text = write_record(&store, &Key::Plan(p.id.clone())).unwrap();
        assert!(read_record(&Key::Plan("other".into()), &text).is_err());
    }
    for t in &store.trajectories {
        let text = write_record(&store, &Key::Trajectory(t.id.clone())).unwrap();
        assert!(read_record(&Key::Trajectory("other".into()), &text).is_err());
    }
}
