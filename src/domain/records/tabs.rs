//! Two tabs on the same records: what one tab must be told when another's save undoes or
//! removes what it did. A rename replaced by another tab's is named; text typed into an
//! item another tab deleted is kept (as recovered text) and offered back, never lost.

use crate::domain::records::edits::{ChecklistEdit, Edit, SchoolEdit, WorkshopEdit};
use crate::domain::records::store::{Recovered, Store, TextPlace};

/// A rename this tab made: which record (school or trust), its id, and the name given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rename {
    pub trust: bool,
    pub id: String,
    pub name: String,
}

/// The renames an edit makes (a batch's included).
pub fn renames_in(edit: &Edit) -> Vec<Rename> {
    match edit {
        Edit::Schools(SchoolEdit::RenameSchool { school, name }) => vec![Rename {
            trust: false,
            id: school.clone(),
            name: name.trim().to_string(),
        }],
        Edit::Schools(SchoolEdit::RenameTrust { trust, name }) => vec![Rename {
            trust: true,
            id: trust.clone(),
            name: name.trim().to_string(),
        }],
        Edit::Batch(edits) => edits.iter().flat_map(renames_in).collect(),
        _ => Vec::new(),
    }
}

/// What to tell this tab about its renames that another tab's save has replaced, in
/// words for the user, with the renames still standing (to keep watching).
pub fn replaced_renames(mine: &[Rename], now: &Store) -> (Vec<String>, Vec<Rename>) {
    let mut told = Vec::new();
    let mut standing = Vec::new();
    for rename in mine {
        let current = if rename.trust {
            now.trust(&rename.id).map(|t| t.name.as_str())
        } else {
            now.schools
                .iter()
                .find(|s| s.id == rename.id)
                .map(|s| s.name.as_str())
        };
        let what = if rename.trust { "trust" } else { "school" };
        match current {
            Some(name) if name == rename.name => standing.push(rename.clone()),
            Some(name) => told.push(format!(
                "Another tab or window renamed the {what} you renamed “{}” here: it is now called “{name}”. Rename it again if yours was right.",
                rename.name
            )),
            None => told.push(format!(
                "The {what} you renamed “{}” here was removed or merged in another tab or window.",
                rename.name
            )),
        }
    }
    (told, standing)
}

/// A note this tab typed and has not saved yet: where it goes, what it is, the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Typed {
    pub place: TextPlace,
    /// What the note is on, in words ("note on feature 3 of Oakfield Primary").
    pub what: String,
    pub text: String,
}

/// The notes among this tab's unsaved edits (the latest text for each place), described
/// while their items are still in `store`.
pub fn typed_notes(store: &Store, pending: &[Edit]) -> Vec<Typed> {
    let mut typed: Vec<Typed> = Vec::new();
    for edit in flatten(pending) {
        let found = match edit {
            Edit::Checklist(ChecklistEdit::SetNote {
                assessment,
                feature,
                note,
                ..
            }) => store.get(assessment).map(|a| Typed {
                place: TextPlace::AssessmentNote {
                    assessment: assessment.clone(),
                    feature: feature.clone(),
                },
                what: format!(
                    "Your note on feature {} of {}",
                    feature_number(feature),
                    store.title(a)
                ),
                text: note.clone(),
            }),
            Edit::Workshop(WorkshopEdit::SetPracticeNote {
                workshop,
                member,
                practice,
                note,
                ..
            }) => store.workshop(workshop).map(|w| Typed {
                place: TextPlace::PracticeNote {
                    workshop: workshop.clone(),
                    member: member.clone(),
                    practice: practice.clone(),
                },
                what: format!(
                    "Your note{} in the workshop {}",
                    w.member(member)
                        .map_or_else(String::new, |r| format!(" for {}", r.name)),
                    store.workshop_title(w)
                ),
                text: note.clone(),
            }),
            _ => None,
        };
        if let Some(found) = found {
            typed.retain(|t| t.place != found.place);
            typed.push(found);
        }
    }
    typed
}

/// Of the notes typed here, those whose item another tab's save removed (`after` is the
/// store with that save taken in): kept as recovered text, saying what happened.
pub fn lost_notes(typed: Vec<Typed>, after: &Store, now_ms: f64) -> Vec<Recovered> {
    typed
        .into_iter()
        .filter(|t| !t.text.trim().is_empty() && !place_exists(after, &t.place))
        .enumerate()
        .map(|(n, t)| Recovered {
            id: format!("typed-{}-{n}", now_ms as u64),
            place: t.place,
            what: format!(
                "{} (deleted in another tab or window while you typed it)",
                t.what
            ),
            text: t.text,
            at_ms: now_ms,
        })
        .collect()
}

fn flatten(edits: &[Edit]) -> Vec<&Edit> {
    edits
        .iter()
        .flat_map(|e| match e {
            Edit::Batch(inner) => flatten(inner),
            other => vec![other],
        })
        .collect()
}

/// A feature's number in the framework (1–28), or its id when unknown.
fn feature_number(feature: &str) -> String {
    crate::domain::base::content::four_stages()
        .features
        .iter()
        .position(|f| f.id == feature)
        .map_or_else(|| feature.to_string(), |i| (i + 1).to_string())
}

/// Whether a recovered text's place still exists (then it can be put back; otherwise it
/// is offered to copy).
pub fn place_exists(store: &Store, place: &TextPlace) -> bool {
    match place {
        TextPlace::AssessmentNote { assessment, .. } => store.get(assessment).is_some(),
        TextPlace::PracticeNote {
            workshop,
            member,
            ..
        } => store
            .workshop(workshop)
            .and_then(|w| w.member(member))
            .is_some(),
    }
}
