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
    /// A file of another kind altogether (a spreadsheet, a PDF): said in plain words.
    OtherKind(OtherKind),
}

/// Kinds of file people pick by mistake when importing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherKind {
    Csv,
    Office,
    Pdf,
    Calendar,
    WebPage,
}

impl OtherKind {
    /// "a CSV file", …
    pub fn name(self) -> &'static str {
        match self {
            OtherKind::Csv => "a CSV file",
            OtherKind::Office => "an Excel or Word file",
            OtherKind::Pdf => "a PDF file",
            OtherKind::Calendar => "a calendar (.ics) file",
            OtherKind::WebPage => "a web page",
        }
    }

    /// What the file is and what to do instead, as two sentences.
    pub fn advice(self) -> String {
        format!(
            "This is {}. Waypoint imports the .json files it downloads",
            self.name()
        )
    }
}

/// What a text that is not JSON looks like it is, by its first characters: a PDF, a
/// zipped Office file, a calendar, a web page, or comma- or tab-separated lines.
pub fn other_kind(text: &str) -> Option<OtherKind> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let lower: String = start.chars().take(20).collect::<String>().to_lowercase();
    if start.starts_with('{') || start.starts_with('[') || start.is_empty() {
        return None;
    }
    if start.starts_with("%PDF") {
        Some(OtherKind::Pdf)
    } else if start.starts_with("PK") {
        Some(OtherKind::Office)
    } else if lower.starts_with("begin:vcalendar") {
        Some(OtherKind::Calendar)
    } else if lower.starts_with("<!doctype") || lower.starts_with("<html") {
        Some(OtherKind::WebPage)
    } else {
        let first = start.lines().next().unwrap_or("");
        (first.contains(',') || first.contains('\t') || first.contains(';'))
            .then_some(OtherKind::Csv)
    }
}

/// Why `text` could not be parsed as JSON: its kind when it is plainly another kind of
/// file, otherwise the parser's detail.
pub fn not_json(text: &str, detail: impl fmt::Display) -> ReadError {
    match other_kind(text) {
        Some(kind) => ReadError::OtherKind(kind),
        None => ReadError::NotJson(detail.to_string()),
    }
}

/// The message for a file that was not taken in: "data.csv: not imported. This is a CSV
/// file. Waypoint imports the .json files it downloads. Nothing was changed." A reason
/// that is a sentence of its own (it starts with a capital) stands as one; any other
/// follows "because".
pub fn refusal(file: &str, not_done: &str, why: &str) -> String {
    if why.starts_with(|c: char| c.is_uppercase()) {
        format!("{file}: {not_done}. {why}. Nothing was changed.")
    } else {
        format!("{file}: {not_done}, because {why}. Nothing was changed.")
    }
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
            ReadError::OtherKind(kind) => f.write_str(&kind.advice()),
        }
    }
}

/// Parses a self-describing Waypoint document: JSON, of the expected `format`, with a
/// `schema` version no newer than `newest`. Returns the document and its version.
pub fn read_envelope(text: &str, format: &str, newest: u64) -> Result<(Value, u64), ReadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| not_json(text, e))?;
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
