//! The stored and exported format: a self-describing, versioned JSON document.
//!
//! Reading never guesses: text that is not Waypoint's, or is from a newer version,
//! is reported with a reason so the app can keep it aside instead of losing it.

use crate::domain::checklist::SchoolRecords;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::domain::base::content::four_stages;
pub use crate::domain::base::ids::derived_id;
use crate::domain::base::ids::is_valid_id;
pub use crate::domain::base::reading::{read_envelope, ReadError};
use crate::domain::base::school::{name_key, School, Trust};
use crate::domain::checklist::assessment::Assessment;
use crate::domain::improvement::calendar::TrustCalendar;
use crate::domain::improvement::categorisation::Categorisation;
use crate::domain::improvement::plans::Intervention;
use crate::domain::improvement::trajectory::Trajectory;
use crate::domain::records::store::Store;
use crate::domain::workshop::aas::reissue_member_ids;
use crate::domain::workshop::aas::Workshop;

/// The version of the stored format this build writes.
pub const SCHEMA_VERSION: u64 = 5;
/// The marker that says a document is Waypoint's.
pub const FORMAT_NAME: &str = "waypoint";

/// The stored document as written. It borrows the store, so saving (on every answer)
/// writes the text straight from the store without building a copy first.
#[derive(Serialize)]
pub(crate) struct Document<'a> {
    format: &'a str,
    schema: u64,
    /// What an export holds, in words ("Oakfield Primary – whole school"); not stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    contents: Option<&'a str>,
    /// The date of an export; not stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    exported: Option<&'a str>,
    schools: &'a [School],
    trusts: &'a [Trust],
    assessments: &'a [Assessment],
    workshops: &'a [Workshop],
    trajectories: &'a [Trajectory],
    plans: &'a [Intervention],
    categorisations: &'a [Categorisation],
    calendars: &'a [TrustCalendar],
}

impl<'a> Document<'a> {
    pub(crate) fn new(store: &'a Store) -> Document<'a> {
        Document {
            format: FORMAT_NAME,
            schema: SCHEMA_VERSION,
            contents: None,
            exported: None,
            schools: &store.schools,
            trusts: &store.trusts,
            assessments: &store.assessments,
            workshops: &store.workshops,
            trajectories: &store.trajectories,
            plans: &store.plans,
            categorisations: &store.categorisations,
            calendars: &store.calendars,
        }
    }

    /// The same document as an export, saying what it holds and when it was made.
    pub(crate) fn exported(self, contents: &'a str, on: &'a str) -> Document<'a> {
        Document {
            contents: Some(contents),
            exported: Some(on),
            ..self
        }
    }
}

/// Serialises the store as one versioned document (the format of exports).
pub fn write_store(store: &Store) -> String {
    serde_json::to_string(&Document::new(store)).expect("the store always serialises")
}

/// Reads a document (an export, or a store of format 4 and older kept under one key),
/// migrating older versions to the current one. Ids that would not make a working link
/// are re-issued, with every reference to them.
pub fn read_store(text: &str) -> Result<Store, ReadError> {
    let mut reader = DocumentReader::open(text)?;
    while !reader.read_some(usize::MAX)? {}
    reader.finish()
}

/// The lists of a document, in the order they are read.
const LISTS: [(&str, &str); 8] = [
    ("schools", "school"),
    ("trusts", "trust"),
    ("assessments", "assessment"),
    ("workshops", "workshop"),
    ("trajectories", "trajectory"),
    ("plans", "intervention"),
    ("categorisations", "categorisation"),
    ("calendars", "calendar"),
];

/// Reads a document a few items at a time, so that a browser can read a file of
/// thousands of assessments in short slices and show progress between them.
pub struct DocumentReader<'a> {
    lists: Vec<Vec<&'a RawValue>>,
    list: usize,
    item: usize,
    done: usize,
    store: Store,
}

impl<'a> DocumentReader<'a> {
    /// Checks that the text is a Waypoint document of a version this build reads, and
    /// finds its items (without reading them yet).
    pub fn open(text: &'a str) -> Result<DocumentReader<'a>, ReadError> {
        let top: BTreeMap<String, &'a RawValue> =
            serde_json::from_str(text).map_err(|e| match e.classify() {
                serde_json::error::Category::Data => ReadError::NotWaypoint,
                _ => crate::domain::base::reading::not_json(text, e),
            })?;
        // Both are read from their JSON text as it stands: the format is a plain string.
        let format = top.get("format").map(|raw| raw.get());
        if format != Some(concat!("\"", "waypoint", "\"")) {
            return Err(ReadError::NotWaypoint);
        }
        let version: u64 = top
            .get("schema")
            .and_then(|raw| raw.get().parse().ok())
            .ok_or_else(|| ReadError::Invalid("the format version is missing".into()))?;
        if version > SCHEMA_VERSION {
            return Err(ReadError::NewerVersion { found: version });
        }
        if version == 0 {
            return Err(ReadError::Invalid(
                "format version 0 is not one Waypoint ever wrote".into(),
            ));
        }
        let mut lists = Vec::with_capacity(LISTS.len());
        for (field, _) in LISTS {
            let list = match top.get(field) {
                None => Vec::new(),
                Some(raw) => serde_json::from_str::<Vec<&'a RawValue>>(raw.get())
                    .map_err(|_| ReadError::Invalid(format!("\"{field}\" should be a list")))?,
            };
            lists.push(list);
        }
        Ok(DocumentReader {
            lists,
            list: 0,
            item: 0,
            done: 0,
            store: Store::default(),
        })
    }

    /// How many items the document holds.
    pub fn total(&self) -> usize {
        self.lists.iter().map(Vec::len).sum()
    }

    /// How many items have been read so far.
    pub fn done(&self) -> usize {
        self.done
    }

    /// Reads up to `count` more items; true once every item is read.
    pub fn read_some(&mut self, count: usize) -> Result<bool, ReadError> {
        let mut left = count;
        while self.list < self.lists.len() {
            if left == 0 {
                return Ok(false);
            }
            let Some(raw) = self.lists[self.list].get(self.item).copied() else {
                self.list += 1;
                self.item = 0;
                continue;
            };
            let noun = LISTS[self.list].1;
            let index = self.item;
            let store = &mut self.store;
            match self.list {
                0 => store.schools.push(read_item(raw, noun, index, store)?),
                1 => store.trusts.push(read_item(raw, noun, index, store)?),
                2 => store.assessments.push(read_item(raw, noun, index, store)?),
                3 => store.workshops.push(read_item(raw, noun, index, store)?),
                4 => store.trajectories.push(read_item(raw, noun, index, store)?),
                5 => store.plans.push(read_item(raw, noun, index, store)?),
                6 => store
                    .categorisations
                    .push(read_item(raw, noun, index, store)?),
                _ => store.calendars.push(read_item(raw, noun, index, store)?),
            }
            self.item += 1;
            self.done += 1;
            left -= 1;
        }
        Ok(true)
    }

    /// The document as a store: older versions' names made into school and trust
    /// records, ids re-issued where needed, references and answers checked.
    pub fn finish(mut self) -> Result<Store, ReadError> {
        while !self.read_some(usize::MAX)? {}
        let mut store = self.store;
        name_records(&mut store);
        reissue_ids(&mut store);
        check_references(&store)?;
        check_answers(&store)?;
        Ok(store)
    }
}

/// Reads one item, so that a problem names its place: "assessment 3 (Oakfield
/// Primary): unknown variant `sometimes`, expected one of …".
fn read_item<T: DeserializeOwned>(
    raw: &RawValue,
    noun: &str,
    index: usize,
    read_so_far: &Store,
) -> Result<T, ReadError> {
    serde_json::from_str(raw.get()).map_err(|e| {
        let item: Value = serde_json::from_str(raw.get()).unwrap_or(Value::Null);
        // Format 5 names the school by id: the schools are read first.
        let school = item
            .get("school_id")
            .and_then(Value::as_str)
            .and_then(|id| read_so_far.school(id))
            .map(|s| Value::String(s.name.clone()));
        let name = school
            .as_ref()
            .or_else(|| item.get("school"))
            .or_else(|| item.get("trust"))
            .or_else(|| item.get("target"))
            .or_else(|| item.get("name"))
            .and_then(Value::as_str)
            .map(|n| format!(" ({})", short(n)))
            .unwrap_or_default();
        ReadError::Invalid(format!("{noun} {}{name}: {e}", index + 1))
    })
}

/// Format 4 and older named each item's school (and each workshop's trust); format 5
/// keeps schools and trusts as records with ids. Items with the same name (ignoring case
/// and spacing) become one record; the record's id comes from the name, so it is the
/// same in every browser and every older file.
fn name_records(store: &mut Store) {
    let mut schools: HashMap<String, String> = store
        .schools
        .iter()
        .map(|s| (name_key(&s.name), s.id.clone()))
        .collect();
    let mut school_for = |store: &mut Store, name: &str, created_ms: f64| -> String {
        let key = name_key(name);
        if let Some(id) = schools.get(&key) {
            return id.clone();
        }
        let id = derived_id("s", &key, |id| store.has_id(id));
        let mut school = School::new(id.clone(), name, created_ms);
        if school.name.is_empty() {
            school.name = crate::domain::base::school::UNKNOWN_SCHOOL.into();
        }
        store.schools.push(school);
        schools.insert(key, id.clone());
        id
    };
    for i in 0..store.assessments.len() {
        if let Some(name) = store.assessments[i].legacy_school.take() {
            let created = store.assessments[i].created_ms;
            store.assessments[i].school_id = school_for(store, &name, created);
        }
    }
    for i in 0..store.trajectories.len() {
        if let Some(name) = store.trajectories[i].legacy_school.take() {
            let created = store.trajectories[i].updated_ms;
            store.trajectories[i].school_id = school_for(store, &name, created);
        }
    }
    for i in 0..store.plans.len() {
        if let Some(name) = store.plans[i].legacy_school.take() {
            let created = store.plans[i].created_ms;
            store.plans[i].school_id = school_for(store, &name, created);
        }
    }
    for i in 0..store.workshops.len() {
        if let Some(name) = store.workshops[i].legacy_trust.take() {
            let key = name_key(&name);
            let id = match store.trusts.iter().find(|t| name_key(&t.name) == key) {
                Some(t) => t.id.clone(),
                None => {
                    let id = derived_id("t", &key, |id| store.has_id(id));
                    let created = store.workshops[i].created_ms;
                    store.trusts.push(Trust::new(id.clone(), &name, created));
                    id
                }
            };
            store.workshops[i].trust_id = id;
        }
    }
}

/// Re-issues ids that are not valid or not unique (the later item gets the new id), and
/// points every reference at the new id, so that every item opens.
fn reissue_ids(store: &mut Store) {
    let mut seen: HashSet<String> = HashSet::new();
    // Returns the old id when references to it should follow: an invalid id. A repeated
    // id is given to the later item only, and references stay with the first.
    let mut fix = |id: &mut String, prefix: &str, index: usize, taken: &dyn Fn(&str) -> bool| {
        let valid = is_valid_id(id);
        if valid && !seen.contains(id.as_str()) {
            seen.insert(id.clone());
            return None;
        }
        let new = derived_id(prefix, &format!("{id}#{index}"), |c| {
            seen.contains(c) || taken(c)
        });
        seen.insert(new.clone());
        let old = std::mem::replace(id, new);
        (!valid).then_some(old)
    };
    let all: HashSet<String> = store
        .schools
        .iter()
        .map(|s| s.id.clone())
        .chain(store.trusts.iter().map(|t| t.id.clone()))
        .chain(store.assessments.iter().map(|a| a.id.clone()))
        .chain(store.workshops.iter().map(|w| w.id.clone()))
        .chain(store.trajectories.iter().map(|t| t.id.clone()))
        .chain(store.plans.iter().map(|p| p.id.clone()))
        .chain(store.categorisations.iter().map(|c| c.id.clone()))
        .chain(store.calendars.iter().map(|c| c.id.clone()))
        .collect();
    let taken = |c: &str| all.contains(c);
    for (i, school) in store.schools.iter_mut().enumerate() {
        if let Some(old) = fix(&mut school.id, "s", i, &taken) {
            let new = school.id.clone();
            for a in store.assessments.iter_mut().filter(|a| a.school_id == old) {
                a.school_id = new.clone();
            }
            for t in store.trajectories.iter_mut().filter(|t| t.school_id == old) {
                t.school_id = new.clone();
            }
            for p in store.plans.iter_mut().filter(|p| p.school_id == old) {
                p.school_id = new.clone();
            }
            for c in store
                .categorisations
                .iter_mut()
                .filter(|c| c.school_id == old)
            {
                c.school_id = new.clone();
            }
        }
    }
    for (i, trust) in store.trusts.iter_mut().enumerate() {
        if let Some(old) = fix(&mut trust.id, "t", i, &taken) {
            let new = trust.id.clone();
            for w in store.workshops.iter_mut().filter(|w| w.trust_id == old) {
                w.trust_id = new.clone();
            }
        }
    }
    for (i, a) in store.assessments.iter_mut().enumerate() {
        if let Some(old) = fix(&mut a.id, "a", i, &taken) {
            let new = a.id.clone();
            for p in store
                .plans
                .iter_mut()
                .filter(|p| p.assessment_id.as_deref() == Some(old.as_str()))
            {
                p.assessment_id = Some(new.clone());
            }
        }
    }
    for (i, w) in store.workshops.iter_mut().enumerate() {
        fix(&mut w.id, "w", i, &taken);
        reissue_member_ids(&mut w.members);
    }
    for (i, t) in store.trajectories.iter_mut().enumerate() {
        fix(&mut t.id, "j", i, &taken);
    }
    for (i, p) in store.plans.iter_mut().enumerate() {
        fix(&mut p.id, "p", i, &taken);
    }
    for (i, c) in store.categorisations.iter_mut().enumerate() {
        fix(&mut c.id, "c", i, &taken);
    }
    for (i, c) in store.calendars.iter_mut().enumerate() {
        fix(&mut c.id, "k", i, &taken);
    }
}

/// Every item must belong to a school (or trust) the document has.
fn check_references(store: &Store) -> Result<(), ReadError> {
    let schools: HashSet<&str> = store.schools.iter().map(|s| s.id.as_str()).collect();
    let missing = |noun: &str, index: usize| {
        ReadError::Invalid(format!(
            "{noun} {} belongs to a school the file does not include",
            index + 1
        ))
    };
    for (i, a) in store.assessments.iter().enumerate() {
        if !schools.contains(a.school_id.as_str()) {
            return Err(missing("assessment", i));
        }
    }
    for (i, t) in store.trajectories.iter().enumerate() {
        if !schools.contains(t.school_id.as_str()) {
            return Err(missing("trajectory", i));
        }
    }
    for (i, p) in store.plans.iter().enumerate() {
        if !schools.contains(p.school_id.as_str()) {
            return Err(missing("intervention", i));
        }
    }
    for (i, c) in store.categorisations.iter().enumerate() {
        if !schools.contains(c.school_id.as_str()) {
            return Err(missing("categorisation", i));
        }
    }
    for (i, w) in store.workshops.iter().enumerate() {
        if store.trust(&w.trust_id).is_none() {
            return Err(ReadError::Invalid(format!(
                "workshop {} belongs to a trust the file does not include",
                i + 1
            )));
        }
    }
    Ok(())
}

/// The first characters of a name, for messages.
fn short(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// Every answer must be to a feature of the framework, so nothing is silently dropped.
fn check_answers(store: &Store) -> Result<(), ReadError> {
    let features: HashSet<&str> = four_stages()
        .features
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    for (index, assessment) in store.assessments.iter().enumerate() {
        if let Some(unknown) = assessment
            .answers
            .keys()
            .find(|id| !features.contains(id.as_str()))
        {
            return Err(ReadError::Invalid(format!(
                "assessment {} ({}): answers a feature this version does not have (\"{}\"); expected ids such as \"stabilise-1\"",
                index + 1,
                short(&store.title(assessment)),
                short(unknown)
            )));
        }
    }
    Ok(())
}
