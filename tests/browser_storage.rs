//! The storage module in a real browser: one record per item, older stores moved to
//! records, unreadable data kept aside once, and another tab's writes noticed.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use waypoint::domain::base::school::School;
use waypoint::domain::checklist::assessment::{Assessment, AssessmentDetails, Level, Scope};
use waypoint::domain::records::edits::ChecklistEdit;
use waypoint::domain::records::layout::Key;
use waypoint::domain::records::store::Store;
use waypoint::storage::{self, LEGACY_STORE_KEY, UNREADABLE_PREFIX};

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear() {
    local().clear().unwrap();
}

fn kept_keys() -> Vec<String> {
    let storage = local();
    (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with(UNREADABLE_PREFIX))
        .collect()
}

fn sample() -> Store {
    let mut assessment = Assessment::new(
        "t1".into(),
        "s1".into(),
        AssessmentDetails {
            school: "Test School 🏫".into(),
            scope: Scope::Team("EYFS".into()),
            date: "2026-11-23".into(),
            assessors: String::new(),
            phase: None,
        },
        1.0,
    );
    assessment.set_level("repair-2", Some(Level::Partly), 2.0);
    assessment.set_note("repair-2", "<b>not bold</b>", 3.0);
    Store {
        schools: vec![School::new("s1".into(), "Test School 🏫", 1.0)],
        assessments: vec![assessment],
        ..Store::default()
    }
}

fn save_all(store: &Store) {
    storage::save(store, &store.keys(), storage::EVERY_RECORD).unwrap();
}

#[wasm_bindgen_test]
fn saved_records_load_back_exactly() {
    clear();
    save_all(&sample());
    let loaded = storage::load(storage::EVERY_RECORD);
    assert_eq!(loaded.store, sample());
    assert!(loaded.unreadable.is_empty());
    assert!(local()
        .get_item("waypoint.assessment.t1")
        .unwrap()
        .is_some());
    assert!(local().get_item("waypoint.meta").unwrap().is_some());
    clear();
}

#[wasm_bindgen_test]
fn an_answer_rewrites_one_record_not_the_store() {
    clear();
    let mut store = sample();
    for n in 0..50 {
        let mut other = store.assessments[0].clone();
        other.id = format!("x{n}");
        // Older than t1, each older than the one before: the order records load in.
        other.created_ms = 0.5 - f64::from(n);
        store.assessments.push(other);
    }
    save_all(&store);
    let before = local().get_item("waypoint.assessment.x7").unwrap();
    let applied = store
        .apply(
            &waypoint::domain::records::edits::Edit::Checklist(ChecklistEdit::SetLevel {
                assessment: "t1".into(),
                feature: "sustain-1".into(),
                level: Some(Level::Clearly),
            }),
            10.0,
        )
        .unwrap();
    assert!(applied.changed.contains(&Key::Assessment("t1".into())));
    assert!(!applied.changed.contains(&Key::Assessment("x7".into())));
    storage::save(&store, &applied.changed, storage::EVERY_RECORD).unwrap();
    assert_eq!(local().get_item("waypoint.assessment.x7").unwrap(), before);
    assert_eq!(storage::load(storage::EVERY_RECORD).store, store);
    clear();
}

#[wasm_bindgen_test]
fn an_older_single_key_store_is_moved_to_records() {
    clear();
    let legacy = include_str!("fixtures/store-v3.json");
    local().set_item(LEGACY_STORE_KEY, legacy).unwrap();
    let loaded = storage::load(storage::EVERY_RECORD);
    assert!(loaded.unreadable.is_empty());
    assert!(!loaded.store.assessments.is_empty());
    assert!(!loaded.store.schools.is_empty(), "schools became records");
    assert_eq!(
        loaded.to_save,
        loaded.store.keys(),
        "every record is to be written"
    );
    storage::save(&loaded.store, &loaded.to_save, storage::EVERY_RECORD).unwrap();
    storage::finish_move_from_legacy();
    let marker = local().get_item(LEGACY_STORE_KEY).unwrap().unwrap();
    assert!(marker.contains("\"layout\""), "{marker}");
    assert_eq!(
        storage::load(storage::EVERY_RECORD).store,
        loaded.store,
        "read back from records"
    );
    clear();
}

#[wasm_bindgen_test]
fn a_damaged_record_is_kept_aside_once_however_often_the_page_loads() {
    clear();
    save_all(&sample());
    local()
        .set_item("waypoint.assessment.bad", "{\"id\":\"bad\",\"scope\":")
        .unwrap();
    for _ in 0..3 {
        let loaded = storage::load(storage::EVERY_RECORD);
        assert_eq!(loaded.store, sample(), "the readable records still load");
        assert_eq!(loaded.unreadable.len(), 1);
        assert!(loaded.unreadable[0].kept_as.is_some());
    }
    assert_eq!(kept_keys().len(), 1, "one copy, not one per load");
    clear();
}

#[wasm_bindgen_test]
fn data_from_a_newer_version_is_never_saved_over() {
    clear();
    save_all(&sample());
    let newer = "{\"format\":\"waypoint\",\"schema\":99,\"schools\":[]}";
    local().set_item("waypoint.meta", newer).unwrap();
    let loaded = storage::load(storage::EVERY_RECORD);
    assert!(loaded.newer.is_some());
    assert_eq!(local().get_item("waypoint.meta").unwrap().unwrap(), newer);
    clear();
}

#[wasm_bindgen_test]
fn another_tabs_write_is_noticed_record_by_record() {
    clear();
    save_all(&sample());
    let _ = storage::load(storage::EVERY_RECORD);
    let keys = sample().keys();
    assert!(storage::changed_elsewhere(&keys).is_empty());
    // Another tab writes the assessment.
    let mut theirs = sample();
    theirs.assessments[0].set_level("stabilise-1", Some(Level::Clearly), 5.0);
    let text =
        waypoint::domain::records::layout::write_record(&theirs, &Key::Assessment("t1".into()));
    local()
        .set_item("waypoint.assessment.t1", &text.unwrap())
        .unwrap();
    // As every save does, the other tab leaves a new revision token.
    local()
        .set_item(storage::REVISION_KEY, "another-tab")
        .unwrap();
    assert_eq!(
        storage::changed_elsewhere(&keys),
        vec![Key::Assessment("t1".into())]
    );
    match storage::read_now(&Key::Assessment("t1".into()), storage::EVERY_RECORD) {
        storage::Change::Item(Some(item), _) => {
            assert_eq!(
                item,
                waypoint::domain::records::layout::Item::Assessment(theirs.assessments[0].clone())
            )
        }
        _ => panic!("the other tab's record is read"),
    }
    assert!(storage::changed_elsewhere(&keys).is_empty(), "now known");
    clear();
}

#[wasm_bindgen_test]
fn only_waypoint_keys_can_be_discarded() {
    clear();
    local().set_item("someone-else", "keep me").unwrap();
    storage::discard_unreadable("someone-else");
    assert_eq!(
        local().get_item("someone-else").unwrap().as_deref(),
        Some("keep me")
    );
    clear();
}

/// A board member's small app keeps only the meta record and workshops: it reads those,
/// leaves every other record exactly as it was (not read, not kept aside, not written),
/// and its saves write only what it keeps.
#[wasm_bindgen_test]
fn the_member_s_app_reads_and_writes_only_workshops_and_leaves_the_rest() {
    use waypoint::domain::base::school::Trust;
    use waypoint::domain::records::edits::{Edit, WorkshopEdit};
    use waypoint::domain::workshop::aas::Workshop;
    clear();
    let mut whole = sample();
    whole
        .trusts
        .push(Trust::new("tr1".into(), "Oak Trust", 1.0));
    whole.workshops.push(Workshop::new(
        "w1".into(),
        "tr1",
        "",
        waypoint::domain::base::dates::Day::parse("2026-11-23").ok(),
        1.0,
    ));
    save_all(&whole);
    let assessment_text = local().get_item("waypoint.assessment.t1").unwrap();
    // Damaged, but not the member's app's to read: left alone, not kept aside.
    local().set_item("waypoint.plan.p1", "{not json").unwrap();

    let mut loaded = storage::load(storage::WORKSHOPS_ONLY);
    assert!(
        loaded.unreadable.is_empty(),
        "{:?}",
        loaded.unreadable.len()
    );
    assert!(loaded.store.assessments.is_empty() && loaded.store.plans.is_empty());
    assert_eq!(loaded.store.workshops, whole.workshops);
    assert_eq!(
        loaded.store.schools, whole.schools,
        "the meta record is whole"
    );
    assert_eq!(kept_keys(), Vec::<String>::new());

    let edit = Edit::Workshop(WorkshopEdit::AddWorkshop(Workshop::new(
        "w2".into(),
        "tr1",
        "",
        waypoint::domain::base::dates::Day::parse("2026-11-24").ok(),
        2.0,
    )));
    let applied = (storage::WORKSHOPS_ONLY.apply)(&mut loaded.store, &edit, 3.0).unwrap();
    let refused = Edit::Checklist(ChecklistEdit::RemoveAssessment {
        assessment: "t1".into(),
    });
    assert!((storage::WORKSHOPS_ONLY.apply)(&mut loaded.store, &refused, 3.0).is_err());
    let mut keys = applied.changed.clone();
    // Even asked to, it writes nothing it does not keep.
    keys.push(Key::Assessment("t1".into()));
    storage::save(&loaded.store, &keys, storage::WORKSHOPS_ONLY).unwrap();
    assert_eq!(
        local().get_item("waypoint.assessment.t1").unwrap(),
        assessment_text
    );
    let back = storage::load(storage::EVERY_RECORD);
    assert_eq!(back.store.assessments, whole.assessments);
    assert_eq!(back.store.workshops.len(), 2);
    assert_eq!(back.store.schools, whole.schools);
    clear();
}
