//! The storage module in a real browser: round trips, and unreadable data kept aside.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use waypoint::domain::assessment::{Assessment, AssessmentDetails, Level, Scope};
use waypoint::domain::store::Store;
use waypoint::storage::{self, STORE_KEY, UNREADABLE_PREFIX};

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
        assessments: vec![assessment],
        ..Store::default()
    }
}

#[wasm_bindgen_test]
fn saved_assessments_load_back_exactly() {
    clear();
    storage::save(&sample()).unwrap();
    let loaded = storage::load();
    assert_eq!(loaded.store, sample());
    assert_eq!(loaded.unreadable, None);
    assert_eq!(loaded.unavailable, None);
}

#[wasm_bindgen_test]
fn an_empty_browser_starts_with_no_assessments() {
    clear();
    let loaded = storage::load();
    assert_eq!(loaded.store, Store::default());
    assert_eq!(loaded.unreadable, None);
}

#[wasm_bindgen_test]
fn corrupted_data_is_kept_aside_not_deleted() {
    clear();
    let broken = "{\"format\":\"waypoint\",\"schema\":1,\"assessments\":[{\"id\":";
    local().set_item(STORE_KEY, broken).unwrap();
    let loaded = storage::load();
    assert_eq!(loaded.store, Store::default());
    let unreadable = loaded.unreadable.expect("reported as unreadable");
    assert!(
        unreadable.reason.contains("not valid JSON"),
        "{}",
        unreadable.reason
    );
    assert_eq!(unreadable.raw, broken);
    let key = unreadable.kept_as.expect("kept aside");
    assert_eq!(local().get_item(&key).unwrap().as_deref(), Some(broken));
    // Saving new work afterwards leaves the kept copy alone.
    storage::save(&sample()).unwrap();
    assert_eq!(kept_keys(), vec![key.clone()]);
    storage::discard_unreadable(&key);
    assert!(kept_keys().is_empty());
}

#[wasm_bindgen_test]
fn data_from_a_newer_version_is_not_misread() {
    clear();
    local()
        .set_item(
            STORE_KEY,
            "{\"format\":\"waypoint\",\"schema\":42,\"assessments\":[]}",
        )
        .unwrap();
    let unreadable = storage::load().unreadable.expect("refused");
    assert!(
        unreadable.reason.contains("newer version"),
        "{}",
        unreadable.reason
    );
    assert_eq!(kept_keys().len(), 1);
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
}
