//! How the store is laid out in the browser's storage: one record per item, and one
//! "meta" record for schools, trusts and the bookkeeping.
//!
//! An answer then rewrites one assessment (a few kilobytes), not the whole store, however
//! many thousand assessments a trust keeps; and a tab that sees another tab's save reads
//! only the records that changed. This module only turns records into text and back;
//! `storage.rs` reads and writes them.

use serde::{Deserialize, Serialize};
use serde_json::Value;
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

/// The text of a record, or `None` when the store no longer has the item (so the
/// record is to be removed). Each item record says which format wrote it (`schema`), so
/// a newer record is never read as current; and whatever this build did not know in the
/// record it read (see [`unknown_parts`]) is written back with it.
pub fn write_record(store: &Store, key: &Key) -> Option<String> {
    match key {
        Key::Meta => Some(write_meta(store)),
        Key::Assessment(id) => store.get(id).map(|v| item(store, key, v)),
        Key::Workshop(id) => store.workshop(id).map(|v| item(store, key, v)),
        Key::Trajectory(id) => store
            .trajectories
            .iter()
            .find(|t| &t.id == id)
            .map(|v| item(store, key, v)),
        Key::Plan(id) => store.plan(id).map(|v| item(store, key, v)),
        Key::Categorisation(id) => store.categorisation(id).map(|v| item(store, key, v)),
        Key::Calendar(id) => store
            .calendars
            .iter()
            .find(|c| &c.id == id)
            .map(|v| item(store, key, v)),
    }
}

/// As [`write_record`], for an app that keeps only the meta record and workshops (a
/// board member's small app): `None` for any other kind of record, which it leaves as it is.
pub fn write_workshop_record(store: &Store, key: &Key) -> Option<Option<String>> {
    match key {
        Key::Meta => Some(Some(write_meta(store))),
        Key::Workshop(id) => Some(store.workshop(id).map(|v| item(store, key, v))),
        _ => None,
    }
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("records always serialise")
}

/// An item's record when nothing unknown is kept with it: its fields, then the format
/// that wrote it, written straight to text (a workshop of 10,000 people took 180 ms,
/// natively, through a JSON tree). Such a record ends with [`stamp`], which tells the
/// reader it may be read back the same way (see [`read_as_written`]).
#[derive(Serialize)]
struct Stamped<'a, T: Serialize> {
    #[serde(flatten)]
    item: &'a T,
    schema: u64,
}

/// How a record written straight to text ends: `,"schema":5}`.
fn stamp() -> String {
    format!(",\"schema\":{SCHEMA_VERSION}}}")
}

/// A record's text: the item, what this build did not know in the record it read, and
/// the format that wrote it.
fn item<T: Serialize>(store: &Store, key: &Key, value: &T) -> String {
    if *key != Key::Meta && !store.unknown.contains_key(&key.storage_key()) {
        return json(&Stamped {
            item: value,
            schema: SCHEMA_VERSION,
        });
    }
    let mut value = serde_json::to_value(value).expect("records always serialise");
    if let Some(unknown) = store.unknown.get(&key.storage_key()) {
        merge_unknown(&mut value, unknown);
    }
    if let Value::Object(fields) = &mut value {
        fields.insert("schema".into(), Value::from(SCHEMA_VERSION));
    }
    json(&value)
}

/// The text of the meta record.
fn write_meta(store: &Store) -> String {
    item(
        store,
        &Key::Meta,
        &MetaOut {
            format: FORMAT_NAME,
            schema: SCHEMA_VERSION,
            schools: &store.schools,
            trusts: &store.trusts,
            not_downloaded: &store.not_downloaded,
            recovered: &store.recovered,
            distinct: &store.distinct,
        },
    )
}

/// What a record holds that this build does not read: fields it does not know, at any
/// depth (list entries matched by their `id`, or by place when they have none). `None`
/// when the build reads all of it. `read` is the record as stored, `written` the same
/// record as this build would write it.
pub fn unknown_parts(read: &Value, written: &Value) -> Option<Value> {
    match (read, written) {
        (Value::Object(read), Value::Object(written)) => {
            let mut kept = serde_json::Map::new();
            for (name, value) in read {
                if name == "schema" {
                    continue;
                }
                match written.get(name) {
                    None => {
                        kept.insert(name.clone(), value.clone());
                    }
                    Some(ours) => {
                        if let Some(inner) = unknown_parts(value, ours) {
                            kept.insert(format!("{NESTED}{name}"), inner);
                        }
                    }
                }
            }
            (!kept.is_empty()).then_some(Value::Object(kept))
        }
        (Value::Array(read), Value::Array(written)) => {
            let mut kept = serde_json::Map::new();
            for (index, value) in read.iter().enumerate() {
                let place = entry_place(value, index);
                let ours = find_entry(written, &place, index);
                if let Some(inner) = ours.and_then(|ours| unknown_parts(value, ours)) {
                    kept.insert(place, inner);
                }
            }
            (!kept.is_empty()).then_some(Value::Object(kept))
        }
        _ => None,
    }
}

/// Marks a field whose value is known but holds unknown parts (not a field of its own).
const NESTED: &str = "\u{1}";

/// How a list entry is found again: "id:…" when it has an id, else "at:…" (its place).
fn entry_place(value: &Value, index: usize) -> String {
    match value.get("id").and_then(Value::as_str) {
        Some(id) => format!("id:{id}"),
        None => format!("at:{index}"),
    }
}

fn find_entry<'a>(list: &'a [Value], place: &str, index: usize) -> Option<&'a Value> {
    match place.strip_prefix("id:") {
        Some(id) => {
            let has_id = |v: &&Value| v.get("id").and_then(Value::as_str) == Some(id);
            // Looked for first where it was: entries are written back in the order read,
            // and a search of the whole list for each entry took seconds at 10,000.
            list.get(index)
                .filter(has_id)
                .or_else(|| list.iter().find(has_id))
        }
        None => list.get(index),
    }
}

/// Puts the unknown parts kept by [`unknown_parts`] back into a record as this build
/// writes it: a field it does not know is added (never over one it writes), and the
/// unknown parts of a field or entry it still has are put back inside it.
pub fn merge_unknown(written: &mut Value, unknown: &Value) {
    let Value::Object(unknown) = unknown else {
        return;
    };
    match written {
        Value::Object(fields) => {
            for (name, value) in unknown {
                match name.strip_prefix(NESTED) {
                    Some(inner) => {
                        if let Some(ours) = fields.get_mut(inner) {
                            merge_unknown(ours, value);
                        }
                    }
                    None => {
                        fields.entry(name.clone()).or_insert_with(|| value.clone());
                    }
                }
            }
        }
        Value::Array(list) => {
            for (place, value) in unknown {
                let index = match place.strip_prefix("id:") {
                    Some(id) => list
                        .iter()
                        .position(|v| v.get("id").and_then(Value::as_str) == Some(id)),
                    None => place.strip_prefix("at:").and_then(|i| i.parse().ok()),
                };
                if let Some(entry) = index.and_then(|i| list.get_mut(i)) {
                    merge_unknown(entry, value);
                }
            }
        }
        _ => {}
    }
}

/// Reads the meta record: refuses another program's data and a newer format.
pub fn read_meta(text: &str) -> Result<Meta, ReadError> {
    read_meta_keeping(text).map(|(meta, _)| meta)
}

/// Reads the meta record, and what in it this build does not know (to be written back).
pub fn read_meta_keeping(text: &str) -> Result<(Meta, Option<Value>), ReadError> {
    let (value, _) = read_envelope(text, FORMAT_NAME, SCHEMA_VERSION)?;
    let meta = Meta::deserialize(&value).map_err(|e| ReadError::Invalid(e.to_string()))?;
    let written = serde_json::to_value(MetaOut {
        format: FORMAT_NAME,
        schema: SCHEMA_VERSION,
        schools: &meta.schools,
        trusts: &meta.trusts,
        not_downloaded: &meta.not_downloaded,
        recovered: &meta.recovered,
        distinct: &meta.distinct,
    })
    .expect("records always serialise");
    let unknown = unknown_parts(&value, &written);
    Ok((meta, unknown))
}

/// Reads one item record.
pub fn read_record(key: &Key, text: &str) -> Result<Item, ReadError> {
    read_record_keeping(key, text).map(|(item, _)| item)
}

/// Reads one item record, and what in it this build does not know (to be written back
/// with it). A record from a newer format, or holding a value this build does not know
/// (an answer "mostly"), is refused as newer: it is never read as current, so never
/// rewritten without what it holds.
pub fn read_record_keeping(key: &Key, text: &str) -> Result<(Item, Option<Value>), ReadError> {
    if let Some(item) = read_as_written(key, text) {
        return Ok((item, None));
    }
    let value = checked_value(text)?;
    let item = match key {
        Key::Meta => return Err(ReadError::Invalid("not an item".into())),
        Key::Assessment(_) => Item::Assessment(parse(&value)?),
        Key::Workshop(_) => Item::Workshop(parse(&value)?),
        Key::Trajectory(_) => Item::Trajectory(parse(&value)?),
        Key::Plan(_) => Item::Plan(parse(&value)?),
        Key::Categorisation(_) => Item::Categorisation(parse(&value)?),
        Key::Calendar(_) => Item::Calendar(parse(&value)?),
    };
    let written = item.to_value();
    matching_id(key, item, &value, &written)
}

/// As [`read_record_keeping`], for an app that keeps only the meta record and workshops:
/// `None` for any other kind of record.
pub fn read_workshop_record(
    key: &Key,
    text: &str,
) -> Option<Result<(Item, Option<Value>), ReadError>> {
    let Key::Workshop(_) = key else {
        return None;
    };
    if let Some(item) = read_as_written(key, text) {
        return Some(Ok((item, None)));
    }
    Some(checked_value(text).and_then(|value| {
        let workshop: crate::domain::workshop::aas::Workshop = parse(&value)?;
        let written = serde_json::to_value(&workshop).expect("records always serialise");
        matching_id(key, Item::Workshop(workshop), &value, &written)
    }))
}

/// A record this build wrote straight to text (it ends with [`stamp`]), read straight
/// from text: `None` unless writing the item read gives the very same text, so nothing
/// in it is unknown, newer or damaged (anything else is read through a JSON tree, which
/// finds what this build does not know). Reading 10,000 people took 180 ms natively
/// through the tree, against about 80 ms this way.
fn read_as_written(key: &Key, text: &str) -> Option<Item> {
    if !text.ends_with(&stamp()) {
        return None;
    }
    let item = match key {
        Key::Meta => return None,
        Key::Assessment(_) => Item::Assessment(serde_json::from_str(text).ok()?),
        Key::Workshop(_) => Item::Workshop(serde_json::from_str(text).ok()?),
        Key::Trajectory(_) => Item::Trajectory(serde_json::from_str(text).ok()?),
        Key::Plan(_) => Item::Plan(serde_json::from_str(text).ok()?),
        Key::Categorisation(_) => Item::Categorisation(serde_json::from_str(text).ok()?),
        Key::Calendar(_) => Item::Calendar(serde_json::from_str(text).ok()?),
    };
    let same = item.id() == key.id().unwrap_or_default() && item.stamped() == text;
    same.then_some(item)
}

/// A record's JSON, refused when a newer format wrote it.
fn checked_value(text: &str) -> Result<Value, ReadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ReadError::Invalid(e.to_string()))?;
    match value.get("schema") {
        None => {}
        Some(schema) => match schema.as_u64() {
            Some(found) if found > SCHEMA_VERSION => return Err(ReadError::NewerVersion { found }),
            Some(_) => {}
            None => {
                return Err(ReadError::Invalid(
                    "the record's format is not a number".into(),
                ))
            }
        },
    }
    Ok(value)
}

/// An item from a record's JSON; a value this build does not know (an answer "mostly")
/// is told apart from damage.
fn parse<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, ReadError> {
    T::deserialize(value).map_err(|e| {
        let why = e.to_string();
        if why.contains("unknown variant") || why.contains("unknown answer letter") {
            ReadError::UnknownValue(why)
        } else {
            ReadError::Invalid(why)
        }
    })
}

/// The item when its id is its key's, with what the record held that this build does not
/// know (`read` as stored, `written` as this build writes the item).
fn matching_id(
    key: &Key,
    item: Item,
    read: &Value,
    written: &Value,
) -> Result<(Item, Option<Value>), ReadError> {
    if item.id() != key.id().unwrap_or_default() {
        return Err(ReadError::Invalid(
            "the record's id does not match its key".into(),
        ));
    }
    Ok((item, unknown_parts(read, written)))
}

impl Item {
    /// The item's record as written when nothing unknown is kept with it.
    fn stamped(&self) -> String {
        fn text<T: Serialize>(item: &T) -> String {
            json(&Stamped {
                item,
                schema: SCHEMA_VERSION,
            })
        }
        match self {
            Item::Assessment(a) => text(a),
            Item::Workshop(w) => text(w),
            Item::Trajectory(t) => text(t),
            Item::Plan(p) => text(p),
            Item::Categorisation(c) => text(c),
            Item::Calendar(c) => text(c),
        }
    }

    /// The item as this build writes it, as a JSON value.
    fn to_value(&self) -> Value {
        let value = match self {
            Item::Assessment(a) => serde_json::to_value(a),
            Item::Workshop(w) => serde_json::to_value(w),
            Item::Trajectory(t) => serde_json::to_value(t),
            Item::Plan(p) => serde_json::to_value(p),
            Item::Categorisation(c) => serde_json::to_value(c),
            Item::Calendar(c) => serde_json::to_value(c),
        };
        value.expect("records always serialise")
    }

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
        self.put_record_keeping(key, item, None);
    }

    /// As [`Store::put_record`], with what the record holds that this build does not
    /// know, to be written back with it.
    pub fn put_record_keeping(&mut self, key: &Key, item: Option<Item>, unknown: Option<Value>) {
        match unknown {
            Some(unknown) => {
                self.unknown.insert(key.storage_key(), unknown);
            }
            None => {
                self.unknown.remove(&key.storage_key());
            }
        }
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
