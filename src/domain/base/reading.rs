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
    /// A value this version does not know (a newer version's): not damage, but not to
    /// be read as current either.
    UnknownValue(String),
    /// Text in an encoding Waypoint does not read (it reads UTF-8): the encoding's name.
    Encoding(&'static str),
    /// Readable, but refused as a whole: too large, empty, or beyond the forms' limits.
    /// The reason is said as it stands.
    Refused(String),
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
            ReadError::UnknownValue(detail) => write!(
                f,
                "the data holds a value this version of Waypoint does not know, probably from a newer version ({detail})"
            ),
            ReadError::Refused(why) => f.write_str(why),
            ReadError::Encoding(name) => write!(
                f,
                "the file is in the {name} encoding, and Waypoint reads only UTF-8 (save it as UTF-8 and try again)"
            ),
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

/// A file's bytes as text, or the name of the encoding it is in when that is not UTF-8
/// (a byte-order mark says which; without one, a pattern of zero bytes gives UTF-16 away).
/// A UTF-8 byte-order mark is dropped.
pub fn text_of_file(bytes: &[u8]) -> Result<String, ReadError> {
    let marked = [
        (&[0x00, 0x00, 0xfe, 0xff][..], "UTF-32BE"),
        (&[0xff, 0xfe, 0x00, 0x00][..], "UTF-32LE"),
        (&[0xfe, 0xff][..], "UTF-16BE"),
        (&[0xff, 0xfe][..], "UTF-16LE"),
        (&[0x2b, 0x2f, 0x76][..], "UTF-7"),
        (&[0xf7, 0x64, 0x4c][..], "UTF-1"),
        (&[0x0e, 0xfe, 0xff][..], "SCSU"),
        (&[0xfb, 0xee, 0x28][..], "BOCU-1"),
        (&[0x84, 0x31, 0x95, 0x33][..], "GB 18030"),
        (&[0xdd, 0x73, 0x66, 0x73][..], "UTF-EBCDIC"),
    ];
    if let Some((_, name)) = marked.iter().find(|(mark, _)| bytes.starts_with(mark)) {
        return Err(ReadError::Encoding(name));
    }
    let bytes = bytes.strip_prefix(&[0xef, 0xbb, 0xbf][..]).unwrap_or(bytes);
    let head = &bytes[..bytes.len().min(512)];
    let zeros_at = |parity: usize| {
        head.iter()
            .enumerate()
            .filter(|(i, b)| i % 2 == parity && **b == 0)
            .count()
    };
    if head.len() >= 4 {
        let half = head.len() / 2;
        if zeros_at(0) * 2 > half && zeros_at(1) == 0 {
            return Err(ReadError::Encoding("UTF-16BE"));
        }
        if zeros_at(1) * 2 > half && zeros_at(0) == 0 {
            return Err(ReadError::Encoding("UTF-16LE"));
        }
    }
    String::from_utf8(bytes.to_vec()).map_err(|_| {
        ReadError::Encoding("a single-byte encoding such as Windows-1252 or ISO 8859-1")
    })
}
