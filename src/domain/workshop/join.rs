//! Workshops answered on members' own devices, with no server: a *join link* carries the
//! workshop to a member's phone or laptop, and a *response link* carries their answers
//! back to the facilitator. Both ride in the URL fragment (never sent to a server), as
//! share links do: compact JSON, compressed by the browser (raw DEFLATE), in base64url.
//! This module does everything but the compression, so all of it is tested natively.
//!
//! Answers travel as two characters per practice, in the tool's order (`0`–`4` for a
//! position, `-` for none), with a fingerprint of the tool's list of practices so that
//! answers are never read against a different list. An anonymous response carries no
//! name; its id is random, made when the member joined, and used for nothing else.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::domain::base::dates::{Day, MaybeDay};
use crate::domain::base::ids::is_valid_id;
use crate::domain::base::reading::ReadError;
use crate::domain::base::text::{clamp_chars, MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::domain::workshop::aas::{AasFramework, Position, Practice, Member, Workshop};

pub const INVITE_FORMAT: &str = "waypoint-join";
pub const RESPONSE_FORMAT: &str = "waypoint-answers";
/// The version of both payloads this build writes and reads.
pub const JOIN_VERSION: u64 = 1;
/// The most a join payload may decompress to: it holds names and a date, nothing more.
pub const MAX_INVITE_BYTES: usize = 20_000;
/// The most a response payload may decompress to (answers and notes), so that a hostile
/// link cannot exhaust memory.
pub const MAX_RESPONSE_BYTES: usize = 1_000_000;
/// The longest link offered as a QR code: longer codes are too dense for a laptop's
/// camera to read from a phone's screen. Longer links are sent as links or files.
pub const MAX_CODE_LINK: usize = 1_200;
/// The name shown for an anonymous member before the facilitator's workshop numbers
/// them ("Anonymous 2").
pub const ANONYMOUS: &str = "Anonymous";

/// What a join link or a response link carries, as one document (one reader for both,
/// which keeps the download small); each kind uses its own fields.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Payload {
    #[serde(default)]
    f: String,
    #[serde(default)]
    v: Option<u64>,
    /// Fingerprint of the tool's practices.
    #[serde(default)]
    k: String,
    /// The facilitator's workshop id.
    #[serde(default)]
    w: String,
    /// Join: the trust's id. Response: the member's id (random, made when they joined).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    t: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    r: String,
    /// Join: the trust's name. Response: the member's name (none when anonymous).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    n: String,
    /// Join: the academy (empty for the trust as a whole). Response: the answers, two
    /// characters per practice in the tool's order (now, then wanted).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    a: String,
    /// Join: the date.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    d: String,
    /// Join: one `1` or `0` per practice in the tool's order; absent for all of them.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    c: String,
    /// Response: the role.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    o: String,
    /// Response: when the answers were last changed on the member's device (ms since
    /// 1970), so the facilitator can tell which of two copies is newer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    u: Option<f64>,
    /// Response: notes by practice id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    m: BTreeMap<String, String>,
}

/// A workshop as a join link carries it.
#[derive(Clone, Debug, PartialEq)]
pub struct Invite {
    pub workshop_id: String,
    pub trust_id: String,
    pub trust_name: String,
    pub academy: String,
    pub date: Day,
    /// The practices chosen for the meeting, by id; empty for all.
    pub practices: Vec<String>,
}

impl Invite {
    /// The member's own copy of the workshop, answered on their device.
    pub fn into_copy(self, id: String, trust_id: &str, now_ms: f64) -> Workshop {
        let mut copy = Workshop::new(id, trust_id, &self.academy, Some(self.date), now_ms);
        copy.practices = self.practices;
        copy.joined_from = Some(self.workshop_id);
        copy
    }
}

/// A response as read: whose workshop it answers, and the member to merge.
#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    pub workshop_id: String,
    pub member: Member,
}

/// A short fingerprint of the tool's list of practices (FNV-1a of their ids), so that
/// answers written against one list are never read against another.
pub fn fingerprint(framework: &AasFramework) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for practice in framework.practices() {
        for byte in practice.statement.id.bytes().chain([b'\n']) {
            hash ^= u32::from(byte);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    }
    format!("{hash:08x}")
}

/// The practices a workshop asks about, in the tool's order: those chosen for the
/// meeting, or all of them.
pub fn chosen_practices<'a>(framework: &'a AasFramework, workshop: &Workshop) -> Vec<Practice<'a>> {
    framework
        .practices()
        .filter(|p| workshop.practices.is_empty() || workshop.practices.contains(&p.statement.id))
        .collect()
}

/// A choice of practices as kept: known ids only, in the tool's order, once each, and
/// empty when every practice is chosen.
pub fn normalise_choice(framework: &AasFramework, chosen: &[String]) -> Vec<String> {
    let all: Vec<&str> = framework
        .practices()
        .map(|p| p.statement.id.as_str())
        .collect();
    let kept: Vec<String> = all
        .iter()
        .filter(|id| chosen.iter().any(|c| c == *id))
        .map(|id| id.to_string())
        .collect();
    if kept.len() == all.len() {
        Vec::new()
    } else {
        kept
    }
}

/// Reads a payload of the given format, naming a foreign or newer one as such rather
/// than as damaged.
fn read_payload(json: &str, format: &str, limit: usize) -> Result<Payload, ReadError> {
    if json.len() > limit {
        return Err(ReadError::Invalid("the link holds too much data".into()));
    }
    let p: Payload = serde_json::from_str(json).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ReadError::Invalid(e.to_string()),
        _ => ReadError::NotJson(e.to_string()),
    })?;
    if p.f != format {
        return Err(ReadError::NotWaypoint);
    }
    match p.v {
        Some(v) if v > JOIN_VERSION => Err(ReadError::NewerVersion { found: v }),
        Some(_) => Ok(p),
        None => Err(ReadError::Invalid("the link's version is missing".into())),
    }
}

const OTHER_VERSION: &str =
    "it was made by a different version of Waypoint, whose list of practices differs (reload the page to get the latest version, and make the link again)";

/// The uncompressed payload of a workshop's join link.
pub fn invite_json(framework: &AasFramework, workshop: &Workshop, trust_name: &str) -> String {
    let chosen = normalise_choice(framework, &workshop.practices);
    let mask = if chosen.is_empty() {
        String::new()
    } else {
        framework
            .practices()
            .map(|p| {
                if chosen.contains(&p.statement.id) {
                    '1'
                } else {
                    '0'
                }
            })
            .collect()
    };
    let payload = Payload {
        f: INVITE_FORMAT.into(),
        v: Some(JOIN_VERSION),
        k: fingerprint(framework),
        w: workshop.id.clone(),
        t: workshop.trust_id.clone(),
        n: trust_name.to_string(),
        a: workshop.academy.clone(),
        d: workshop.date.map(Day::iso).unwrap_or_default(),
        c: mask,
        ..Payload::default()
    };
    serde_json::to_string(&payload).expect("a payload always serialises")
}

/// Reads a join link's payload, checking everything a hand-made link could get wrong.
pub fn read_invite(framework: &AasFramework, json: &str) -> Result<Invite, ReadError> {
    let p = read_payload(json, INVITE_FORMAT, MAX_INVITE_BYTES)?;
    if p.k != fingerprint(framework) {
        return Err(ReadError::Invalid(OTHER_VERSION.into()));
    }
    if !is_valid_id(&p.w) || !is_valid_id(&p.t) {
        return Err(ReadError::Invalid("the workshop's id is not valid".into()));
    }
    let trust_name = clamp_chars(p.n.trim(), MAX_NAME_CHARS);
    if trust_name.is_empty() {
        return Err(ReadError::Invalid("the trust's name is missing".into()));
    }
    let Some(date) = p.d.maybe_day() else {
        return Err(ReadError::Invalid(
            "the workshop's date is not a date".into(),
        ));
    };
    let practices: Vec<String> = if p.c.is_empty() {
        Vec::new()
    } else {
        if p.c.len() != framework.practices().count() || p.c.chars().any(|c| c != '0' && c != '1') {
            return Err(ReadError::Invalid(
                "the list of chosen practices is damaged".into(),
            ));
        }
        framework
            .practices()
            .zip(p.c.chars())
            .filter(|(_, c)| *c == '1')
            .map(|(practice, _)| practice.statement.id.clone())
            .collect()
    };
    if !p.c.is_empty() && practices.is_empty() {
        return Err(ReadError::Invalid("the link chooses no practices".into()));
    }
    Ok(Invite {
        workshop_id: p.w,
        trust_id: p.t,
        trust_name,
        academy: clamp_chars(p.a.trim(), MAX_NAME_CHARS),
        date,
        practices: normalise_choice(framework, &practices),
    })
}

fn digit(position: Option<Position>) -> char {
    position.map_or('-', |p| char::from(b'0' + p.value()))
}

fn position_of(c: char) -> Option<Option<Position>> {
    match c {
        '-' => Some(None),
        '0'..='4' => Some(Some(Position::ALL[c as usize - '0' as usize])),
        _ => None,
    }
}

/// The uncompressed payload of a member's response link: their answers to the
/// facilitator's workshop `workshop_id`. An anonymous member's name is left out.
pub fn response_json(
    framework: &AasFramework,
    workshop_id: &str,
    member: &Member,
) -> String {
    let mut answers = String::new();
    for practice in framework.practices() {
        let placing = member.placing(&practice.statement.id);
        answers.push(digit(placing.and_then(|p| p.now)));
        answers.push(digit(placing.and_then(|p| p.desired)));
    }
    let payload = Payload {
        f: RESPONSE_FORMAT.into(),
        v: Some(JOIN_VERSION),
        k: fingerprint(framework),
        w: workshop_id.to_string(),
        r: member.id.clone(),
        n: if member.anonymous {
            String::new()
        } else {
            member.name.clone()
        },
        o: member.role.clone(),
        u: member.changed_ms,
        a: answers,
        m: member
            .placings
            .iter()
            .filter(|(_, p)| !p.note.is_empty())
            .map(|(id, p)| (id.clone(), p.note.clone()))
            .collect(),
        ..Payload::default()
    };
    serde_json::to_string(&payload).expect("a payload always serialises")
}

/// Reads a response link's payload. Names, roles and notes are kept within their
/// limits; anything that does not fit the tool is refused with the reason.
pub fn read_response(framework: &AasFramework, json: &str) -> Result<Response, ReadError> {
    let p = read_payload(json, RESPONSE_FORMAT, MAX_RESPONSE_BYTES)?;
    if p.k != fingerprint(framework) {
        return Err(ReadError::Invalid(OTHER_VERSION.into()));
    }
    if !is_valid_id(&p.w) || !is_valid_id(&p.r) {
        return Err(ReadError::Invalid("the answers' ids are not valid".into()));
    }
    let practices: Vec<Practice<'_>> = framework.practices().collect();
    let letters: Vec<char> = p.a.chars().collect();
    if letters.len() != practices.len() * 2 {
        return Err(ReadError::Invalid(format!(
            "it has {} answers; expected two for each of the {} practices",
            letters.len(),
            practices.len()
        )));
    }
    let name = clamp_chars(p.n.trim(), MAX_NAME_CHARS);
    let anonymous = name.is_empty();
    let mut member = Member::new(
        p.r,
        if anonymous { ANONYMOUS } else { &name },
        &clamp_chars(p.o.trim(), MAX_NAME_CHARS),
    );
    member.anonymous = anonymous;
    for (practice, pair) in practices.iter().zip(letters.chunks(2)) {
        let damaged = || {
            ReadError::Invalid(format!(
                "the answer for {} is \"{}{}\"; expected 0–4 or - twice",
                practice.statement.id, pair[0], pair[1]
            ))
        };
        let now = position_of(pair[0]).ok_or_else(damaged)?;
        let desired = position_of(pair[1]).ok_or_else(damaged)?;
        let id = &practice.statement.id;
        member.set(id, crate::domain::workshop::aas::When::Now, now);
        member.set(id, crate::domain::workshop::aas::When::Desired, desired);
    }
    for (id, note) in p.m {
        if framework.practice(&id).is_none() {
            return Err(ReadError::Invalid(format!(
                "a note is for a practice this tool does not have (\"{}\")",
                id.chars().take(40).collect::<String>()
            )));
        }
        member.set_note(&id, &clamp_chars(&note, MAX_NOTE_CHARS));
    }
    // Set after the answers: setting them does not stamp a time.
    member.changed_ms = p.u.filter(|ms| ms.is_finite() && *ms > 0.0);
    Ok(Response {
        workshop_id: p.w,
        member,
    })
}

/// Whether answers belong in this workshop: the one their join link came from. A link
/// always says which workshop it answers; a file says so when a member's copy wrote it
/// (`None`: a file from before members' copies, merged by the facilitator's choice).
pub fn check_belongs(workshop_id: &str, answers_for: Option<&str>) -> Result<(), String> {
    match answers_for {
        Some(other) if other != workshop_id => {
            Err("the answers are for a different workshop, not this one".into())
        }
        _ => Ok(()),
    }
}

/// The data of every Waypoint link in some pasted text (`…#/answers/DATA`, or `…#/join/DATA`
/// for `kind` "join"), in the order pasted, once each.
pub fn links_in(text: &str, kind: &str) -> Vec<String> {
    links_found(text, kind).links
}

/// The links found in pasted text, and how many were exact repeats of one before them
/// (left out, and said so).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinksFound {
    pub links: Vec<String>,
    pub repeats: usize,
}

/// As [`links_in`], counting the repeats; in time that grows with the text, not with
/// the square of the number of links.
pub fn links_found(text: &str, kind: &str) -> LinksFound {
    let marker = format!("#/{kind}/");
    let mut found = LinksFound::default();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut rest = text;
    while let Some(at) = rest.find(&marker) {
        rest = &rest[at + marker.len()..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        let data = &rest[..end];
        if !data.is_empty() {
            if seen.insert(data) {
                found.links.push(data.to_string());
            } else {
                found.repeats += 1;
            }
        }
        rest = &rest[end..];
    }
    found
}

/// How a link of this length can be handed over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handover {
    /// As a link and as a QR code.
    LinkAndCode,
    /// As a link only: a code would be too dense to scan.
    LinkOnly,
    /// Too long for a link: as a file.
    FileOnly,
}

pub fn handover(length: usize) -> Handover {
    if length > crate::domain::base::text::MAX_LINK_LENGTH {
        Handover::FileOnly
    } else if length > MAX_CODE_LINK {
        Handover::LinkOnly
    } else {
        Handover::LinkAndCode
    }
}
