//! How the store is laid out in the browser's storage: one record per item, and one
//! "meta" record for schools, trusts and the bookkeeping.
//!
//! An answer then rewrites one assessment (a few kilobytes), not the whole store, however
//! many thousand assessments a trust keeps; and a tab that sees another tab's save reads
//! only the records that changed. This module only turns records into text and back;
//! `storage.rs` reads and writes them.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use crate::domain::base::school::{School, Trust};
use crate::domain::checklist::assessment::Assessment;
use crate::domain::improvement::calendar::TrustCalendar;
use crate::domain::improvement::categorisation::Categorisation;
use crate::domain::improvement::plans::Intervention;
use crate::domain::improvement::trajectory::Trajectory;
use crate::domain::records::schema::{read_envelope, ReadError, FORMAT_NAME, SCHEMA_VERSION};
use crate::domain::records::store::{Recovered, Store};
use crate::domain::workshop::aas::Workshop;

/// The prefix of every key Waypoint uses.
pub const PREFIX: &str = "waypoint.";

/// One stored record.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// Schools, trusts and the bookkeeping; also says which format the records are in.
    Meta,
    Assessment(String),
    Workshop(String),
    Trajectory(String),
    Plan(String),
    Categorisation(String),
    Calendar(String),
}

impl Key {
    /// The item's id (none for the meta record).
    pub fn id(&self) -> Option<&str> {
        match self {
            Key::Meta => None,
            Key::Assessment(id)
            | Key::Workshop(id)
            | Key::Trajectory(id)
            | Key::Plan(id)
            | Key::Categorisation(id)
            | Key::Calendar(id) => Some(id),
        }
    }

    /// The key under which the record is stored.
    pub fn storage_key(&self) -> String {
        match self {
            Key::Meta => format!("{PREFIX}meta"),
            Key::Assessment(id) => format!("{PREFIX}assessment.{id}"),
            Key::Workshop(id) => format!("{PREFIX}workshop.{id}"),
            Key::Trajectory(id) => format!("{PREFIX}trajectory.{id}"),
            Key::Plan(id) => format!("{PREFIX}plan.{id}"),
            Key::Categorisation(id) => format!("{PREFIX}categorisation.{id}"),
            Key::Calendar(id) => format!("{PREFIX}calendar.{id}"),
        }
    }

    /// The record a storage key names, if it is one of Waypoint's records.
    pub fn parse(storage_key: &str) -> Option<Key> {
        let rest = storage_key.strip_prefix(PREFIX)?;
        if rest == "meta" {
            return Some(Key::Meta);
        }
        let (kind, id) = rest.split_once('.')?;
        if !crate::domain::base::ids::is_valid_id(id) {
            return None;
        }
        let id = id.to_string();
        match kind {
            "assessment" => Some(Key::Assessment(id)),
            "workshop" => Some(Key::Workshop(id)),
            "trajectory" => Some(Key::Trajectory(id)),
            "plan" => Some(Key::Plan(id)),
            "categorisation" => Some(Key::Categorisation(id)),
            "calendar" => Some(Key::Calendar(id)),
            _ => None,
        }
    }
}

/// The meta record as written.
#[derive(Serialize)]
struct MetaOut<'a> {
    format: &'a str,
    schema: u64,
    schools: &'a [School],
    trusts: &'a [Trust],
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    not_downloaded: &'a BTreeSet<String>,
    #[serde(skip_serializing_if = "<[Recovered]>::is_empty")]
    recovered: &'a [Recovered],
    #[serde(skip_serializing_if = "<[(String, String)]>::is_empty")]
    distinct: &'a [(String, String)],
}

/// The meta record as read.
#[derive(Default, Deserialize)]
pub struct Meta {
    #[serde(default)]
    pub schools: Vec<School>,
    #[serde(default)]
    pub trusts: Vec<Trust>,
    #[serde(default)]
    pub not_downloaded: BTreeSet<String>,
    #[serde(default)]
    pub recovered: Vec<Recovered>,
    #[serde(default)]
    pub distinct: Vec<(String, String)>,
}

/// One item record as read.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Assessment(Assessment),
    Workshop(Workshop),
    Trajectory(Trajectory),
    Plan(Intervention),
    Categorisation(Categorisation),
    Calendar(TrustCalendar),
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("records always serialise")
}

/// The text of the meta record.
fn write_meta(store: &Store) -> String {
    json(&MetaOut {
        format: FORMAT_NAME,
        schema: SCHEMA_VERSION,
        schools: &store.schools,
        trusts: &store.trusts,
        not_downloaded: &store.not_downloaded,
        recovered: &store.recovered,
        distinct: &store.distinct,
    })
}

/// The text of a record, or `None` when the store no longer has the item (so the
/// record is to be removed).
pub fn write_record(store: &Store, key: &Key) -> Option<String> {
    match key {
        Key::Meta => Some(write_meta(store)),
        Key::Assessment(id) => store.get(id).map(json),
        Key::Workshop(id) => store.workshop(id).map(json),
        Key::Trajectory(id) => store.trajectories.iter().find(|t| &t.id == id).map(json),
        Key::Plan(id) => store.plan(id).map(json),
        Key::Categorisation(id) => store.categorisation(id).map(json),
        Key::Calendar(id) => store.calendars.iter().find(|c| &c.id == id).map(json),
    }
}

/// As [`write_record`], for an app that keeps only the meta record and workshops (a
/// board member's small app): `None` for any other kind of record, which it leaves as it is.
pub fn write_workshop_record(store: &Store, key: &Key) -> Option<Option<String>> {
    match key {
        Key::Meta => Some(Some(write_meta(store))),
        Key::Workshop(id) => Some(store.workshop(id).map(json)),
        _ => None,
    }
}

/// Reads the meta record: refuses another program's data and a newer format.
pub fn read_meta(text: &str) -> Result<Meta, ReadError> {
    let (value, _) = read_envelope(text, FORMAT_NAME, SCHEMA_VERSION)?;
    Meta::deserialize(&value).map_err(|e| ReadError::Invalid(e.to_string()))
}

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ReadError> {
    serde_json::from_str(text).map_err(|e| ReadError::Invalid(e.to_string()))
}

/// Reads one item record.
pub fn read_record(key: &Key, text: &str) -> Result<Item, ReadError> {
    let item = match key {
        Key::Meta => return Err(ReadError::Invalid("not an item".into())),
        Key::Assessment(_) => Item::Assessment(parse(text)?),
        Key::Workshop(_) => Item::Workshop(parse(text)?),
        Key::Trajectory(_) => Item::Trajectory(parse(text)?),
        Key::Plan(_) => Item::Plan(parse(text)?),
        Key::Categorisation(_) => Item::Categorisation(parse(text)?),
        Key::Calendar(_) => Item::Calendar(parse(text)?),
    };
    matching_id(key, item)
}

/// As [`read_record`], for an app that keeps only the meta record and workshops: `None`
/// for any other kind of record.
pub fn read_workshop_record(key: &Key, text: &str) -> Option<Result<Item, ReadError>> {
    match key {
        Key::Workshop(_) => Some(parse(text).and_then(|w| matching_id(key, Item::Workshop(w)))),
        _ => None,
    }
}

fn matching_id(key: &Key, item: Item) -> Result<Item, ReadError> {
    if item.id() != key.id().unwrap_or_default() {
        return Err(ReadError::Invalid(
            "the record's id does not match its key".into(),
        ));
    }
    Ok(item)
}

impl Item {
    pub fn id(&self) -> &str {
        match self {
            Item::Assessment(a) => &a.id,
            Item::Workshop(w) => &w.id,
            Item::Trajectory(t) => &t.id,
            Item::Plan(p) => &p.id,
            Item::Categorisation(c) => &c.id,
            Item::Calendar(c) => &c.id,
        }
    }
}

impl Store {
    /// Puts a record read from storage in place of the store's copy (another tab's save).
    pub fn put_record(&mut self, key: &Key, item: Option<Item>) {
        fn put<T>(list: &mut Vec<T>, same: impl Fn(&T) -> bool, item: Option<T>, at_top: bool) {
            match (list.iter().position(same), item) {
                (Some(i), Some(item)) => list[i] = item,
                (Some(i), None) => {
                    list.remove(i);
                }
                (None, Some(item)) if at_top => list.insert(0, item),
                (None, Some(item)) => list.push(item),
                (None, None) => {}
            }
        }
        let id = key.id().unwrap_or_default();
        match (key, item) {
            (Key::Assessment(_), Some(Item::Assessment(a))) => {
                put(&mut self.assessments, |x| x.id == id, Some(a), true)
            }
            (Key::Assessment(_), None) => put(&mut self.assessments, |x| x.id == id, None, true),
            (Key::Workshop(_), Some(Item::Workshop(w))) => {
                put(&mut self.workshops, |x| x.id == id, Some(w), true)
            }
            (Key::Workshop(_), None) => put(&mut self.workshops, |x| x.id == id, None, true),
            (Key::Trajectory(_), Some(Item::Trajectory(t))) => {
                put(&mut self.trajectories, |x| x.id == id, Some(t), false)
            }
            (Key::Trajectory(_), None) => put(&mut self.trajectories, |x| x.id == id, None, false),
            (Key::Plan(_), Some(Item::Plan(p))) => {
                put(&mut self.plans, |x| x.id == id, Some(p), false)
            }
            (Key::Plan(_), None) => put(&mut self.plans, |x| x.id == id, None, false),
            (Key::Categorisation(_), Some(Item::Categorisation(c))) => {
                put(&mut self.categorisations, |x| x.id == id, Some(c), false)
            }
            (Key::Categorisation(_), None) => {
                put(&mut self.categorisations, |x| x.id == id, None, false)
            }
            (Key::Calendar(_), Some(Item::Calendar(c))) => {
                put(&mut self.calendars, |x| x.id == id, Some(c), false)
            }
            (Key::Calendar(_), None) => put(&mut self.calendars, |x| x.id == id, None, false),
            _ => {}
        }
    }

    /// Puts a meta record read from storage in place of the store's.
    pub fn put_meta(&mut self, meta: Meta) {
        self.schools = meta.schools;
        self.trusts = meta.trusts;
        self.not_downloaded = meta.not_downloaded;
        self.recovered = meta.recovered;
        self.distinct = meta.distinct;
    }

    /// Builds a store from its records, newest assessments and workshops first.
    pub fn from_records(meta: Meta, items: Vec<Item>) -> Store {
        let mut store = Store::default();
        store.put_meta(meta);
        for item in items {
            match item {
                Item::Assessment(a) => store.assessments.push(a),
                Item::Workshop(w) => store.workshops.push(w),
                Item::Trajectory(t) => store.trajectories.push(t),
                Item::Plan(p) => store.plans.push(p),
                Item::Categorisation(c) => store.categorisations.push(c),
                Item::Calendar(c) => store.calendars.push(c),
            }
        }
        use crate::domain::base::order::sort_by;
        sort_by(&mut store.assessments, |a, b| {
            b.created_ms.total_cmp(&a.created_ms).then(a.id.cmp(&b.id))
        });
        sort_by(&mut store.workshops, |a, b| {
            b.created_ms.total_cmp(&a.created_ms).then(a.id.cmp(&b.id))
        });
        sort_by(&mut store.plans, |a, b| {
            a.created_ms.total_cmp(&b.created_ms).then(a.id.cmp(&b.id))
        });
        sort_by(&mut store.categorisations, |a, b| {
            a.created_ms.total_cmp(&b.created_ms).then(a.id.cmp(&b.id))
        });
        store
    }
}
