//! Records from a newer version, and fields or values this version does not know: a newer
//! record is never read as current (so never rewritten by an older tab), and what this
//! version does not know is written back with the record, not dropped.
use crate::support;

use serde_json::{json, Value};
use waypoint::domain::base::reading::ReadError;
use waypoint::domain::checklist::assessment::Level;
use waypoint::domain::records::edits::{ChecklistEdit, Edit, WorkshopEdit};
use waypoint::domain::records::layout::{
    read_meta_keeping, read_record_keeping, write_record, Item, Key,
};
use waypoint::domain::records::schema::SCHEMA_VERSION;
use waypoint::domain::records::store::Store;

fn stored_assessment() -> (Store, Key, Value) {
    let mut store = support::school_store();
    store.assessments.push(support::blank());
    let key = Key::Assessment("a1".into());
    let text = write_record(&store, &key).unwrap();
    (store, key, serde_json::from_str(&text).unwrap())
}

#[test]
fn every_item_record_says_which_format_wrote_it() {
    let (_, _, record) = stored_assessment();
    assert_eq!(record["schema"], json!(SCHEMA_VERSION));
}

#[test]
fn a_record_from_a_newer_format_is_not_read_as_current() {
    let (_, key, mut record) = stored_assessment();
    record["schema"] = json!(SCHEMA_VERSION + 1);
    record["confidence"] = json!("high");
    assert_eq!(
        read_record_keeping(&key, &record.to_string()).unwrap_err(),
        ReadError::NewerVersion {
            found: SCHEMA_VERSION + 1
        }
    );
}

#[test]
fn a_value_this_version_does_not_know_is_newer_not_damage() {
    let (_, key, mut record) = stored_assessment();
    record["answers"] = json!({"not-a-feature": {"level": "mostly"}});
    let error = read_record_keeping(&key, &record.to_string()).unwrap_err();
    assert!(matches!(error, ReadError::UnknownValue(_)), "{error:?}");
    let (_, key, mut record) = stored_assessment();
    record["answers"] = json!({"levels": "cpq"});
    let error = read_record_keeping(&key, &record.to_string()).unwrap_err();
    assert!(matches!(error, ReadError::UnknownValue(_)), "{error:?}");
}

#[test]
fn fields_this_version_does_not_know_are_written_back_after_an_edit() {
    let (mut store, key, mut record) = stored_assessment();
    record["confidence"] = json!({"level": "high", "by": "the head"});
    record["answers"]["weights"] = json!([1, 2, 3]);
    let (item, unknown) = read_record_keeping(&key, &record.to_string()).unwrap();
    assert!(unknown.is_some());
    store.put_record_keeping(&key, Some(item), unknown);
    answer_first_feature(&mut store);
    let written: Value = serde_json::from_str(&write_record(&store, &key).unwrap()).unwrap();
    assert_eq!(written["confidence"], record["confidence"]);
    assert_eq!(written["answers"]["weights"], json!([1, 2, 3]));
    assert!(written["answers"]["levels"]
        .as_str()
        .unwrap()
        .starts_with('c'));
    assert_eq!(written["schema"], json!(SCHEMA_VERSION));
}

#[test]
fn unknown_fields_inside_list_entries_follow_their_entry() {
    use waypoint::domain::workshop::aas::Member;
    let mut store = Store::default();
    let mut w = crate::support::workshop_w1();
    w.members.push(Member::new("r1".into(), "Ann", "Other"));
    w.members.push(Member::new("r2".into(), "Bo", "Other"));
    store.workshops.push(w);
    let key = Key::Workshop("w1".into());
    let mut record: Value = serde_json::from_str(&write_record(&store, &key).unwrap()).unwrap();
    record["respondents"][1]["pronouns"] = json!("they");
    let (item, unknown) = read_record_keeping(&key, &record.to_string()).unwrap();
    store.put_record_keeping(&key, Some(item), unknown);
    // Ann leaves: Bo's field stays with Bo.
    store
        .apply(
            &Edit::Workshop(WorkshopEdit::RemoveMember {
                workshop: "w1".into(),
                member: "r1".into(),
            }),
            6_000.0,
        )
        .unwrap();
    let written: Value = serde_json::from_str(&write_record(&store, &key).unwrap()).unwrap();
    assert_eq!(written["respondents"][0]["id"], json!("r2"));
    assert_eq!(written["respondents"][0]["pronouns"], json!("they"));
}

#[test]
fn the_index_record_keeps_what_it_does_not_know() {
    let mut store = support::school_store();
    let mut meta: Value = serde_json::from_str(&write_record(&store, &Key::Meta).unwrap()).unwrap();
    meta["schools"][0]["urn"] = json!("123456");
    meta["regions"] = json!(["North"]);
    let (read, unknown) = read_meta_keeping(&meta.to_string()).unwrap();
    store.put_meta(read);
    store
        .unknown
        .insert(Key::Meta.storage_key(), unknown.unwrap());
    let written: Value = serde_json::from_str(&write_record(&store, &Key::Meta).unwrap()).unwrap();
    assert_eq!(written["schools"][0]["urn"], json!("123456"));
    assert_eq!(written["regions"], json!(["North"]));
}

/// An older Waypoint imported files without checking dates, so a stored assessment may
/// hold a date that is not one. Such a record still reads (its date is unknown, shown as
/// "unknown"), keeps the text as stored through any edit, and a real date set by the
/// form replaces it.
#[test]
fn a_stored_date_that_is_not_a_date_still_reads_and_is_kept_as_stored() {
    for damaged in [
        json!("23/11/2026"),
        json!(""),
        json!("2026-02-30"),
        json!(null),
    ] {
        let (mut store, key, mut record) = stored_assessment();
        record["date"] = damaged.clone();
        record["prefilled"] = json!({"date": damaged, "levels": "", "reviewed": ""});
        let (item, unknown) = read_record_keeping(&key, &record.to_string())
            .unwrap_or_else(|e| panic!("{damaged} made the record unreadable: {e:?}"));
        let Item::Assessment(a) = &item else {
            panic!("an assessment")
        };
        assert_eq!(a.date, None);
        assert_eq!(waypoint::domain::base::dates::display(&a.date), "unknown");
        store.put_record_keeping(&key, Some(item), unknown);
        answer_first_feature(&mut store);
        let written: Value = serde_json::from_str(&write_record(&store, &key).unwrap()).unwrap();
        assert_eq!(written["date"], damaged, "kept exactly as stored");
        assert_eq!(written["prefilled"]["date"], damaged);
        let school_id = store.assessments[0].school_id.clone();
        store
            .apply(
                &Edit::Checklist(ChecklistEdit::SetDetails {
                    assessment: "a1".into(),
                    school_id,
                    scope: waypoint::domain::checklist::assessment::Scope::WholeSchool,
                    date: crate::support::day("2026-11-23"),
                    assessors: String::new(),
                    phase: None,
                }),
                6_000.0,
            )
            .unwrap();
        let written: Value = serde_json::from_str(&write_record(&store, &key).unwrap()).unwrap();
        assert_eq!(
            written["date"],
            json!("2026-11-23"),
            "the form's date replaces it"
        );
    }
}

#[test]
fn a_record_read_straight_from_its_text_is_only_one_this_version_wrote_whole() {
    use waypoint::domain::records::layout::Item;
    use waypoint::domain::workshop::aas::{Member, Position, When, Workshop};
    let mut store = support::school_store();
    let mut w = Workshop::new(
        "w1".into(),
        "t1",
        "",
        Some(crate::support::day("2026-11-23")),
        1.5,
    );
    let mut r = Member::new("r1".into(), "Ann", "Board member");
    r.set("governance-s1", When::Now, Some(Position::Aligned));
    w.members.push(r);
    store.workshops.push(w.clone());
    let key = Key::Workshop("w1".into());
    let text = write_record(&store, &key).unwrap();
    let stamp = format!(",\"schema\":{SCHEMA_VERSION}}}");
    assert!(text.ends_with(&stamp), "{text}");
    assert_eq!(
        read_record_keeping(&key, &text).unwrap(),
        (Item::Workshop(w), None)
    );
    // Written the same way by a version that knows one more field: kept, not dropped.
    let more = text.replace(&stamp, &format!(",\"venue\":\"Hall\"{stamp}"));
    let (_, unknown) = read_record_keeping(&key, &more).unwrap();
    assert_eq!(unknown.unwrap()["venue"], json!("Hall"));
    // An answer this version does not know is not read as damage, nor as current.
    let mostly = text.replace("\"aligned\"", "\"mostly\"");
    assert!(matches!(
        read_record_keeping(&key, &mostly),
        Err(ReadError::UnknownValue(_))
    ));
    // Another record's id under this key is refused, as through the tree.
    let other = text.replace("\"id\":\"w1\"", "\"id\":\"w2\"");
    assert!(read_record_keeping(&key, &other).is_err());
}

/// Answers the first feature of assessment "a1" "clearly", as a user's edit would.
fn answer_first_feature(store: &mut Store) {
    let feature = waypoint::domain::base::content::four_stages().features[0]
        .id
        .clone();
    store
        .apply(
            &Edit::Checklist(ChecklistEdit::SetLevel {
                assessment: "a1".into(),
                feature,
                level: Some(Level::Clearly),
            }),
            5_000.0,
        )
        .unwrap();
}
