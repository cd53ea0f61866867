//! Answer files for workshops: a member answers on their own device, exports a file,
//! and the board secretary merges it. Merging never overwrites silently: an identical
//! member is skipped, a clash is put to the user (keep both, or replace).

use serde::Serialize;
use serde_json::Value;

use crate::domain::base::reading::{read_envelope, ReadError};
use crate::domain::workshop::aas::{aas, Member, Workshop};

/// The marker of a responses file.
pub const RESPONSES_FORMAT: &str = "waypoint-aas-responses";
/// The version of the responses file this build writes.
pub const RESPONSES_VERSION: u64 = 1;
/// Files larger than this are refused before parsing, so the page never freezes.
pub const MAX_RESPONSES_BYTES: usize = 2_000_000;
/// More members than this in one file is not a workshop.
pub const MAX_RESPONDENTS: usize = 500;

/// Writes the members of a workshop as a responses file.
pub fn write_responses(
    workshop: &Workshop,
    trust_name: &str,
    members: &[&Member],
) -> String {
    /// The file as written, borrowing the workshop's data.
    #[derive(Serialize)]
    struct ResponsesDocument<'a> {
        format: &'a str,
        schema: u64,
        trust: &'a str,
        academy: &'a str,
        /// A member's copy names the facilitator's workshop it answers.
        #[serde(skip_serializing_if = "Option::is_none")]
        workshop: Option<&'a str>,
        #[serde(rename = "respondents")]
        members: &'a [&'a Member],
    }
    serde_json::to_string(&ResponsesDocument {
        format: RESPONSES_FORMAT,
        schema: RESPONSES_VERSION,
        trust: trust_name,
        academy: &workshop.academy,
        workshop: workshop.joined_from.as_deref(),
        members,
    })
    .expect("respondents always serialise")
}

/// A responses file that was read and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct ResponsesFile {
    pub trust: String,
    pub academy: String,
    /// The workshop the answers are for, when a member's copy wrote them.
    pub workshop: Option<String>,
    pub members: Vec<Member>,
}

/// Reads a responses file, naming what is wrong with it if it cannot be used.
pub fn read_responses(text: &str) -> Result<ResponsesFile, ReadError> {
    if text.len() > MAX_RESPONSES_BYTES {
        return Err(ReadError::Invalid(format!(
            "the file is {} KB; a responses file is at most {} KB",
            text.len() / 1000,
            MAX_RESPONSES_BYTES / 1000
        )));
    }
    let (value, _version) = read_envelope(text, RESPONSES_FORMAT, RESPONSES_VERSION)?;
    let object = value.as_object().ok_or(ReadError::NotWaypoint)?;
    let text_field = |name: &str| {
        object
            .get(name)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let list = object
        .get("respondents")
        .and_then(Value::as_array)
        .ok_or_else(|| ReadError::Invalid("it has no list of members".into()))?;
    if list.len() > MAX_RESPONDENTS {
        return Err(ReadError::Invalid(format!(
            "it has {} members; at most {MAX_RESPONDENTS} are accepted",
            list.len()
        )));
    }
    let mut members = Vec::with_capacity(list.len());
    for (index, item) in list.iter().enumerate() {
        let mut member: Member = serde_json::from_value(item.clone())
            .map_err(|e| ReadError::Invalid(format!("member {}: {e}", index + 1)))?;
        if member.anonymous {
            // Whatever name a hand-made file gives, an anonymous answer carries none.
            member.name = crate::domain::workshop::join::ANONYMOUS.into();
        }
        check_member(&member, index)?;
        members.push(member);
    }
    // A file may repeat an id or carry one that would not work in a link.
    crate::domain::workshop::aas::reissue_member_ids(&mut members);
    let workshop = object
        .get("workshop")
        .and_then(Value::as_str)
        .map(str::to_string);
    Ok(ResponsesFile {
        trust: text_field("trust"),
        academy: text_field("academy"),
        workshop,
        members,
    })
}

fn check_member(member: &Member, index: usize) -> Result<(), ReadError> {
    let place = format!("member {}", index + 1);
    if member.name.trim().is_empty() {
        return Err(ReadError::Invalid(format!("{place} has no name")));
    }
    if let Some(unknown) = member
        .placings
        .keys()
        .find(|id| aas().practice(id).is_none())
    {
        return Err(ReadError::Invalid(format!(
            "{place} ({}) answers a practice this tool does not have: \"{}\"",
            member.name,
            unknown.chars().take(40).collect::<String>()
        )));
    }
    Ok(())
}

/// How an incoming member relates to the workshop's.
#[derive(Clone, Debug, PartialEq)]
pub enum Incoming {
    /// Not in the workshop: added.
    New,
    /// Exactly the same as one already there: skipped.
    Duplicate,
    /// Same person (same id or same name) with different answers: the user chooses.
    Clash { existing_id: String },
}

/// Whether two members gave the same answers as the same person. Anonymous
/// members are told apart by their random id alone: the workshop numbers their names.
/// When and how each copy arrived do not make answers different.
pub fn same_answers(existing: &Member, incoming: &Member) -> bool {
    let same_person = existing.id == incoming.id
        && existing.name == incoming.name
        && existing.anonymous == incoming.anonymous;
    (same_person && existing.role == incoming.role && existing.placings == incoming.placings)
        || (existing.anonymous
            && incoming.anonymous
            && existing.id == incoming.id
            && existing.role == incoming.role
            && existing.placings == incoming.placings)
}

/// Classifies each incoming member against the workshop. Anonymous answers clash
/// only with the same id (the same person sending again), never by name.
pub fn classify(workshop: &Workshop, incoming: &Member) -> Incoming {
    if workshop
        .members
        .iter()
        .any(|r| same_answers(r, incoming))
    {
        return Incoming::Duplicate;
    }
    let same_name = |r: &&Member| {
        !incoming.anonymous
            && !r.anonymous
            && r.name.trim().to_lowercase() == incoming.name.trim().to_lowercase()
    };
    match workshop
        .members
        .iter()
        .find(|r| r.id == incoming.id)
        .or_else(|| workshop.members.iter().find(same_name))
    {
        Some(existing) => Incoming::Clash {
            existing_id: existing.id.clone(),
        },
        None => Incoming::New,
    }
}

/// How the user settles a clash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    KeepBoth,
    Replace,
}

/// Adds a member. `KeepBoth` gives the newcomer a fresh id and a name that tells
/// them apart; `Replace` puts the newcomer where the existing one was.
pub fn merge_member(
    workshop: &mut Workshop,
    mut incoming: Member,
    clash_with: Option<(&str, Resolution)>,
    fresh_id: String,
) {
    if incoming.anonymous {
        incoming.name = next_anonymous_name(workshop);
    }
    match clash_with {
        Some((existing_id, Resolution::Replace)) => {
            if let Some(slot) = workshop
                .members
                .iter_mut()
                .find(|r| r.id == existing_id)
            {
                if incoming.anonymous && slot.anonymous {
                    incoming.name = slot.name.clone();
                }
                *slot = incoming;
                return;
            }
            workshop.members.push(incoming);
        }
        Some((_, Resolution::KeepBoth)) => {
            incoming.id = fresh_id;
            if incoming.anonymous {
                workshop.members.push(incoming);
                return;
            }
            let base = incoming.name.clone();
            let mut n = 2;
            while workshop
                .members
                .iter()
                .any(|r| r.name.eq_ignore_ascii_case(&incoming.name))
            {
                incoming.name = format!("{base} ({n})");
                n += 1;
            }
            workshop.members.push(incoming);
        }
        None => {
            if workshop.members.iter().any(|r| r.id == incoming.id) {
                incoming.id = fresh_id;
            }
            workshop.members.push(incoming);
        }
    }
}

/// The name of the next anonymous member: "Anonymous 1", "Anonymous 2", … The names
/// in use are gathered once, so adding a thousand answers is not a thousand scans each.
fn next_anonymous_name(workshop: &Workshop) -> String {
    let taken: std::collections::HashSet<String> = workshop
        .members
        .iter()
        .map(|r| r.name.to_lowercase())
        .collect();
    (1..)
        .map(|n| format!("{} {n}", crate::domain::workshop::join::ANONYMOUS))
        .find(|name| !taken.contains(&name.to_lowercase()))
        .expect("some number is free")
}

/// Many incoming members sorted against a workshop at once (pasted links, a file):
/// in time that grows with the count, not its square.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sorted {
    /// Not in the workshop: to add.
    pub new: Vec<Member>,
    /// Already there with the same answers, or the same answers twice in what arrived:
    /// skipped, and said so.
    pub duplicates: Vec<Member>,
    /// The same person with different answers: each put to the user, with the id of the
    /// member already there.
    pub clashes: Vec<(Member, String)>,
}

/// Sorts what arrived as [`classify`] would, one by one, with each new member
/// counting as present for those after it.
pub fn sort_incoming(workshop: &Workshop, incoming: Vec<Member>) -> Sorted {
    use std::collections::HashMap;
    let name_key = |r: &Member| r.name.trim().to_lowercase();
    // The people already here, looked up without copying them.
    let mut here_by_id: HashMap<&str, &Member> = HashMap::new();
    let mut here_by_name: HashMap<String, &str> = HashMap::new();
    for r in &workshop.members {
        here_by_id.entry(r.id.as_str()).or_insert(r);
        if !r.anonymous {
            here_by_name.entry(name_key(r)).or_insert(r.id.as_str());
        }
    }
    // Those added so far from what arrived, by their place in `added`.
    let mut added: Vec<Member> = Vec::new();
    let mut added_by_id: HashMap<String, usize> = HashMap::new();
    let mut added_by_name: HashMap<String, usize> = HashMap::new();
    let mut sorted = Sorted::default();
    for r in incoming {
        let key = (!r.anonymous).then(|| name_key(&r));
        let by_id: Option<&Member> = here_by_id
            .get(r.id.as_str())
            .copied()
            .or_else(|| added_by_id.get(&r.id).map(|&i| &added[i]));
        let by_name: Option<&Member> = key.as_ref().and_then(|k| {
            here_by_name
                .get(k)
                .and_then(|id| here_by_id.get(id).copied())
                .or_else(|| added_by_name.get(k).map(|&i| &added[i]))
        });
        if by_id.is_some_and(|e| same_answers(e, &r))
            || by_name.is_some_and(|e| same_answers(e, &r))
        {
            sorted.duplicates.push(r);
            continue;
        }
        match by_id.or(by_name).map(|e| e.id.clone()) {
            Some(existing_id) => sorted.clashes.push((r, existing_id)),
            None => {
                added_by_id.insert(r.id.clone(), added.len());
                if let Some(key) = key {
                    added_by_name.insert(key, added.len());
                }
                added.push(r);
            }
        }
    }
    sorted.new = added;
    sorted
}

/// Adds many members at once (those [`sort_incoming`] found new), as
/// [`merge_member`] would one by one without a clash: an id already taken is replaced
/// by the next of `fresh_ids`, and anonymous answers are numbered on from the last
/// "Anonymous N". Anyone already there with the same answers is skipped. Returns how
/// many were added.
pub fn merge_new_members(
    workshop: &mut Workshop,
    incoming: Vec<Member>,
    fresh_ids: &mut dyn FnMut() -> String,
) -> usize {
    use std::collections::HashSet;
    let sorted = sort_incoming(workshop, incoming);
    let count = sorted.new.len();
    let mut arriving = Vec::with_capacity(count);
    {
        let ids: HashSet<&str> = workshop.members.iter().map(|r| r.id.as_str()).collect();
        let mut new_ids: HashSet<String> = HashSet::new();
        // Names are needed only to number anonymous answers.
        let mut names: Option<HashSet<String>> = None;
        let mut number = 1;
        for mut r in sorted.new {
            if r.anonymous {
                let names = names.get_or_insert_with(|| {
                    workshop
                        .members
                        .iter()
                        .chain(&arriving)
                        .map(|r| r.name.to_lowercase())
                        .collect()
                });
                loop {
                    let name = format!("{} {number}", crate::domain::workshop::join::ANONYMOUS);
                    number += 1;
                    if !names.contains(&name.to_lowercase()) {
                        r.name = name;
                        break;
                    }
                }
            }
            while ids.contains(r.id.as_str()) || new_ids.contains(&r.id) {
                r.id = fresh_ids();
            }
            new_ids.insert(r.id.clone());
            if let Some(names) = names.as_mut() {
                names.insert(r.name.to_lowercase());
            }
            arriving.push(r);
        }
    }
    workshop.members.extend(arriving);
    count
}
