//! Reading a document of Waypoint's (a store, an export, a link's payload): why it
//! could not be read, and the envelope every one of them has (format name and version).

use serde_json::Value;
use std::fmt;

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
                "the data was saved by a newer version of Waypoint (format {found})"
            ),
            ReadError::Invalid(detail) => write!(f, "the data is damaged: {detail}"),
        }
    }
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
