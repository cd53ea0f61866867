//! Schools and trusts as records with ids, so that a rename keeps a school's history,
//! trajectory and plans together, and a trust's workshops are matched by the trust itself.
//!
//! Names are matched only when records arrive without ids (migrating an older store,
//! importing an older file, saving a shared link): an identical name is the same school,
//! and a name that only looks alike is put to the user (see [`looks_alike`]).

use serde::{Deserialize, Serialize};

/// What the user sees for a school whose record is missing (damaged data).
pub const UNKNOWN_SCHOOL: &str = "Unknown school";

/// A school (or academy) that assessments, a trajectory and plans belong to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct School {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub created_ms: f64,
    #[serde(default)]
    pub updated_ms: f64,
}

impl School {
    pub fn new(id: String, name: &str, now_ms: f64) -> School {
        School {
            id,
            name: name.trim().to_string(),
            created_ms: now_ms,
            updated_ms: now_ms,
        }
    }
}

/// A multi-academy trust, whose board runs Autonomy–Alignment–Standardisation workshops.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trust {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub created_ms: f64,
    #[serde(default)]
    pub updated_ms: f64,
}

impl Trust {
    pub fn new(id: String, name: &str, now_ms: f64) -> Trust {
        Trust {
            id,
            name: name.trim().to_string(),
            created_ms: now_ms,
            updated_ms: now_ms,
        }
    }
}

/// A name as compared for identity: trimmed, lower case, inner spaces collapsed.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Words that a school's name may carry or drop without naming another school.
const FILLER_WORDS: [&str; 6] = ["school", "academy", "the", "and", "&", "of"];

/// The significant words of a name: letters and digits only, without filler words.
fn core_words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '&')
        .filter(|w| !w.is_empty() && !FILLER_WORDS.contains(w))
        .map(|w| w.trim_end_matches('s').to_string())
        .collect()
}

/// Whether two different names might be the same school ("St Aidan's CE Primary" and
/// "St Aidan's CE Primary School"): the same significant words, or one name's words all
/// in the other's with at most one more. Waypoint asks the user rather than deciding.
pub fn looks_alike(a: &str, b: &str) -> bool {
    words_alike(
        (&name_key(a), &core_words(a)),
        (&name_key(b), &core_words(b)),
    )
}

/// A name read once for comparing with many others: its key and significant words.
pub fn name_words(name: &str) -> (String, Vec<String>) {
    (name_key(name), core_words(name))
}

/// [`looks_alike`] on names already read by [`name_words`].
pub fn words_alike(a: (&str, &[String]), b: (&str, &[String])) -> bool {
    let ((ka, wa), (kb, wb)) = (a, b);
    if ka == kb {
        return false;
    }
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    if wa == wb {
        return true;
    }
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    short.len() >= 2 && long.len() - short.len() <= 1 && short.iter().all(|w| long.contains(w))
}

/// How a name without an id relates to the records already kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameMatch {
    /// A record with exactly this name (ignoring case and spacing): the same one.
    Same(String),
    /// Records whose names look alike: the user is asked.
    Alike(Vec<String>),
    None,
}

/// Matches a name against `(id, name)` records.
pub fn match_name<'a>(
    name: &str,
    records: impl Iterator<Item = (&'a str, &'a str)> + Clone,
) -> NameMatch {
    let key = name_key(name);
    if let Some((id, _)) = records.clone().find(|(_, n)| name_key(n) == key) {
        return NameMatch::Same(id.to_string());
    }
    let alike: Vec<String> = records
        .filter(|(_, n)| looks_alike(name, n))
        .map(|(id, _)| id.to_string())
        .collect();
    if alike.is_empty() {
        NameMatch::None
    } else {
        NameMatch::Alike(alike)
    }
}

/// Which school a form's details are for: one kept already, or a new one to add.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchoolChoice {
    Existing(String),
    New(String),
}
