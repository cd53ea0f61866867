//! The stored and exported format: a self-describing, versioned JSON document.
//!
//! Reading never guesses: text that is not Waypoint's, or is from a newer version,
//! is reported with a reason so the app can keep it aside instead of losing it.

use serde_json::{json, Value};
use std::collections::HashSet;
use std::fmt;

use super::store::Store;

/// The version of the stored format this build writes.
pub const SCHEMA_VERSION: u64 = 1;
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

/// Serialises the store as a versioned document.
pub fn write_store(store: &Store) -> String {
    let document = json!({
        "format": FORMAT_NAME,
        "schema": SCHEMA_VERSION,
        "assessments": store.assessments,
    });
    document.to_string()
}

/// Reads a stored document, migrating older versions to the current one.
pub fn read_store(text: &str) -> Result<Store, ReadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ReadError::NotJson(e.to_string()))?;
    let object = value.as_object().ok_or(ReadError::NotWaypoint)?;
    if object.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
        return Err(ReadError::NotWaypoint);
    }
    let version = object
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| ReadError::Invalid("the format version is missing".into()))?;
    if version > SCHEMA_VERSION {
        return Err(ReadError::NewerVersion { found: version });
    }
    let current = migrate(value, version)?;
    let store: Store =
        serde_json::from_value(current).map_err(|e| ReadError::Invalid(e.to_string()))?;
    check_ids(&store)?;
    Ok(store)
}

/// Brings a document of an older version up to [`SCHEMA_VERSION`], one step at a time.
/// Version 1 is the first stored format, so there are no steps yet; each later
/// version adds its step here with a test that reads a saved document of the old one.
fn migrate(document: Value, version: u64) -> Result<Value, ReadError> {
    match version {
        SCHEMA_VERSION => Ok(document),
        other => Err(ReadError::Invalid(format!(
            "format version {other} is not one Waypoint ever wrote"
        ))),
    }
}

fn check_ids(store: &Store) -> Result<(), ReadError> {
    let mut seen = HashSet::new();
    for (index, assessment) in store.assessments.iter().enumerate() {
        if assessment.id.is_empty() {
            return Err(ReadError::Invalid(format!(
                "assessment {} has no id",
                index + 1
            )));
        }
        if !seen.insert(assessment.id.as_str()) {
            return Err(ReadError::Invalid(format!(
                "two assessments share the id \"{}\"",
                assessment.id
            )));
        }
    }
    Ok(())
}
