//! The stored and exported format: a self-describing, versioned JSON document.
//!
//! Reading never guesses: text that is not Waypoint's, or is from a newer version,
//! is reported with a reason so the app can keep it aside instead of losing it.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashSet;
use std::fmt;

use super::aas::Workshop;
use super::assessment::Assessment;
use super::content::four_stages;
use super::plan::Intervention;
use super::store::Store;
use super::trajectory::Trajectory;

/// The version of the stored format this build writes.
pub const SCHEMA_VERSION: u64 = 4;
/// The marker that says a document is Waypoint's.
pub const FORMAT_NAME: &str = "waypoint";

/// Why stored text could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// Not JSON at all (truncated, hand-edited, another program's data).
    NotJson(String),
    /// JSON, but not a Waypoint document.
    NotWaypoint,
    /// Written by a newer version of Waypoint than this one.
    NewerVersion { found: u64 },
    /// A Waypoint document whose content does not fit the format.
    Invalid(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotJson(detail) => write!(f, "the data is not valid JSON ({detail})"),
            ReadError::NotWaypoint => f.write_str("the data is not in Waypoint's format"),
            ReadError::NewerVersion { found } => write!(
                f,
                "the data was saved by a newer version of Waypoint (format {found}; this version reads up to {SCHEMA_VERSION})"
            ),
            ReadError::Invalid(detail) => write!(f, "the data is damaged: {detail}"),
        }
    }
}

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
    assessments: &'a [Assessment],
    workshops: &'a [Workshop],
    trajectories: &'a [Trajectory],
    plans: &'a [Intervention],
}

impl<'a> Document<'a> {
    pub(crate) fn new(store: &'a Store) -> Document<'a> {
        Document {
            format: FORMAT_NAME,
            schema: SCHEMA_VERSION,
            contents: None,
            exported: None,
            assessments: &store.assessments,
            workshops: &store.workshops,
            trajectories: &store.trajectories,
            plans: &store.plans,
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

/// Serialises the store as a versioned document.
pub fn write_store(store: &Store) -> String {
    serde_json::to_string(&Document::new(store)).expect("the store always serialises")
}

/// Parses a self-describing Waypoint document: JSON, of the expected `format`, with a
/// `schema` version no newer than `newest`. Returns the document and its version.
pub fn read_envelope(text: &str, format: &str, newest: u64) -> Result<(Value, u64), ReadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ReadError::NotJson(e.to_string()))?;
    let object = value.as_object().ok_or(ReadError::NotWaypoint)?;
    if object.get("format").and_then(Value::as_str) != Some(format) {
        return Err(ReadError::NotWaypoint);
    }
    let version = object
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| ReadError::Invalid("the format version is missing".into()))?;
    if version > newest {
        return Err(ReadError::NewerVersion { found: version });
    }
    Ok((value, version))
}

/// Reads a stored document, migrating older versions to the current one.
pub fn read_store(text: &str) -> Result<Store, ReadError> {
    let (value, version) = read_envelope(text, FORMAT_NAME, SCHEMA_VERSION)?;
    let current = migrate(value, version)?;
    let store = Store {
        assessments: read_items::<Assessment>(&current, "assessments", "assessment")?,
        workshops: read_items::<Workshop>(&current, "workshops", "workshop")?,
        trajectories: read_items::<Trajectory>(&current, "trajectories", "trajectory")?,
        plans: read_items::<Intervention>(&current, "plans", "intervention")?,
    };
    check_ids(&store)?;
    check_answers(&store)?;
    Ok(store)
}

/// Reads one list of the document item by item, so that a problem names its place:
/// "assessment 3 (Oakfield Primary): unknown variant `sometimes`, expected one of …".
fn read_items<T: DeserializeOwned>(
    document: &Value,
    field: &str,
    noun: &str,
) -> Result<Vec<T>, ReadError> {
    let Some(list) = document.get(field) else {
        return Ok(Vec::new());
    };
    let list = list
        .as_array()
        .ok_or_else(|| ReadError::Invalid(format!("\"{field}\" should be a list")))?;
    list.iter()
        .enumerate()
        .map(|(index, item)| {
            T::deserialize(item).map_err(|e| {
                let name = item
                    .get("school")
                    .or_else(|| item.get("trust"))
                    .or_else(|| item.get("target"))
                    .and_then(Value::as_str)
                    .map(|n| format!(" ({})", short(n)))
                    .unwrap_or_default();
                ReadError::Invalid(format!("{noun} {}{name}: {e}", index + 1))
            })
        })
        .collect()
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
    let framework = four_stages();
    for (index, assessment) in store.assessments.iter().enumerate() {
        if let Some(unknown) = assessment
            .answers
            .keys()
            .find(|id| !framework.features.iter().any(|f| &f.id == *id))
        {
            return Err(ReadError::Invalid(format!(
                "assessment {} ({}): answers a feature this version does not have (\"{}\"); expected ids such as \"stabilise-1\"",
                index + 1,
                short(&assessment.title()),
                short(unknown)
            )));
        }
    }
    Ok(())
}

/// Brings a document of an older version up to [`SCHEMA_VERSION`], one step at a time.
/// Each step has a test that reads a saved document of the older version.
fn migrate(mut document: Value, version: u64) -> Result<Value, ReadError> {
    let mut version = version;
    while version < SCHEMA_VERSION {
        document = match version {
            1 => v1_to_v2(document),
            2 => v2_to_v3(document),
            3 => v3_to_v4(document),
            other => {
                return Err(ReadError::Invalid(format!(
                    "format version {other} is not one Waypoint ever wrote"
                )))
            }
        };
        version += 1;
    }
    Ok(document)
}

/// Version 4 added action plans (commissioned interventions).
fn v3_to_v4(mut document: Value) -> Value {
    if let Some(object) = document.as_object_mut() {
        object.insert("plans".into(), Value::Array(Vec::new()));
        object.insert("schema".into(), Value::from(4));
    }
    document
}

/// Version 3 added schools' performance trajectories.
fn v2_to_v3(mut document: Value) -> Value {
    if let Some(object) = document.as_object_mut() {
        object.insert("trajectories".into(), Value::Array(Vec::new()));
        object.insert("schema".into(), Value::from(3));
    }
    document
}

/// Version 2 added Autonomy–Alignment–Standardisation workshops.
fn v1_to_v2(mut document: Value) -> Value {
    if let Some(object) = document.as_object_mut() {
        object.insert("workshops".into(), Value::Array(Vec::new()));
        object.insert("schema".into(), Value::from(2));
    }
    document
}

fn check_ids(store: &Store) -> Result<(), ReadError> {
    let mut seen = HashSet::new();
    let ids = store
        .assessments
        .iter()
        .map(|a| a.id.as_str())
        .chain(store.workshops.iter().map(|w| w.id.as_str()))
        .chain(store.trajectories.iter().map(|t| t.id.as_str()))
        .chain(store.plans.iter().map(|p| p.id.as_str()));
    for (index, id) in ids.enumerate() {
        if id.is_empty() {
            return Err(ReadError::Invalid(format!("item {} has no id", index + 1)));
        }
        if !seen.insert(id) {
            return Err(ReadError::Invalid(format!(
                "two items share the id \"{id}\""
            )));
        }
    }
    Ok(())
}
