//! Share links: an assessment packed into the URL fragment (`#/shared/…`), which the
//! browser never sends to any server.
//!
//! The payload is a compact JSON document (levels as one letter per feature, in the
//! framework's order), compressed by the browser (raw DEFLATE) and written in base64url.
//! This module does everything but the compression, so all of it is tested natively.

use crate::domain::checklist::SchoolRecords;
use crate::domain::improvement::TrustRecords;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::domain::base::content::four_stages;
use crate::domain::base::dates::{Day, MaybeDay};
use crate::domain::base::school::School;
use crate::domain::base::text::{clamp_chars, MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::domain::checklist::assessment::{Answer, Assessment, Level, Prefill, Scope};
use crate::domain::checklist::changes::{baseline, Baseline};
use crate::domain::improvement::plans::{Intervention, Review, MAX_REVIEW_WEEKS};
use crate::domain::records::schema::ReadError;
use crate::domain::records::store::Store;

/// The marker and version of the payload format.
pub const SHARE_FORMAT: &str = "waypoint-share";
pub const SHARE_VERSION: u64 = 1;
/// Links longer than this break in some mail clients and chat apps.
pub const MAIL_SAFE_LENGTH: usize = 2_000;
pub use crate::domain::base::text::MAX_LINK_LENGTH;
/// The most a payload may decompress to, so that a hostile link cannot exhaust memory.
pub const MAX_PAYLOAD_BYTES: usize = 1_000_000;

/// The assessment as it travels in a link: no ids or timestamps of this browser.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Payload {
    f: String,
    v: u64,
    /// School, scope, date, assessors.
    s: String,
    c: Scope,
    d: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    a: String,
    /// One letter per feature in framework order: c(learly), p(artly), n(ot seen),
    /// x (not applicable), - (unanswered).
    l: String,
    /// Evidence notes by feature id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    n: BTreeMap<String, String>,
    /// Marked as Early Years, Year 6 or neither (a phase id).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    p: String,
    /// The school's intervention plan, each intervention as stored, without this browser's ids;
    /// `assessment_id` is set on those commissioned from the shared assessment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    i: Vec<Intervention>,
    /// The earlier answers to compare with (their date and level letters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    b: Option<Prefill>,
    /// Where evidence notes come from: feature id → diagnosis source id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    o: BTreeMap<String, String>,
}

/// The start of any payload: what it is, and its version.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    f: Option<String>,
    #[serde(default)]
    v: Option<u64>,
}

/// What a link carries: the assessment's details and answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub school: String,
    pub scope: Scope,
    pub date: Day,
    pub assessors: String,
    pub answers: BTreeMap<String, Answer>,
    /// A phase id, or empty.
    pub phase: String,
    /// The school's intervention plan (ids and school made up for showing; see [`Shared::plans_for`]).
    pub plans: Vec<Intervention>,
    /// Which of the plans were commissioned from this assessment.
    pub plans_from_this: Vec<bool>,
    /// The earlier answers the assessment is compared with.
    pub baseline: Option<Baseline>,
    /// Where evidence notes come from: feature id → diagnosis source id.
    pub sources: BTreeMap<String, String>,
}

impl Shared {
    /// A saved assessment made from the link, for "save a copy to this browser", of
    /// the school `school_id` (matched or made from [`Shared::school`] by the caller).
    pub fn into_assessment(self, id: String, school_id: String, now_ms: f64) -> Assessment {
        Assessment {
            id,
            school_id,
            legacy_school: None,
            scope: self.scope,
            date: Some(self.date),
            assessors: self.assessors,
            answers: self.answers,
            phase: self.phase,
            sources: self.sources,
            prefilled: self
                .baseline
                .map(|b| crate::domain::checklist::assessment::Prefill {
                    date: b.date,
                    reviewed: "r".repeat(b.levels.len()),
                    levels: b.levels,
                }),
            created_ms: now_ms,
            updated_ms: now_ms,
        }
    }

    /// The plans for saving with a copy: of the school `school_id`, with ids from
    /// `new_id`, those commissioned from this assessment linked to `assessment_id`.
    pub fn plans_for(
        &self,
        school_id: &str,
        assessment_id: &str,
        mut new_id: impl FnMut() -> String,
        now_ms: f64,
    ) -> Vec<Intervention> {
        self.plans
            .iter()
            .zip(&self.plans_from_this)
            .map(|(plan, from_this)| Intervention {
                id: new_id(),
                school_id: school_id.to_string(),
                assessment_id: from_this.then(|| assessment_id.to_string()),
                created_ms: now_ms,
                updated_ms: now_ms,
                ..plan.clone()
            })
            .collect()
    }

    /// A read-only assessment for showing the link's contents, with a store that names
    /// its school and holds its intervention plan, for the views that show assessments.
    pub fn preview(&self) -> (Store, Assessment) {
        let school = School::new("shared-school".into(), &self.school, 0.0);
        let assessment = self
            .clone()
            .into_assessment("shared".into(), school.id.clone(), 0.0);
        let mut n = 0;
        let plans = self.plans_for(
            &school.id,
            &assessment.id,
            || {
                n += 1;
                format!("shared-plan-{n}")
            },
            0.0,
        );
        let store = Store {
            schools: vec![school],
            assessments: vec![assessment.clone()],
            plans,
            ..Store::default()
        };
        (store, assessment)
    }
}

fn letter(level: Option<Level>) -> char {
    level.map_or('-', Level::letter)
}

fn level_of(letter: char) -> Option<Option<Level>> {
    Level::from_letter(letter)
}

/// The uncompressed payload of an assessment's link, with its school's intervention plan and
/// the earlier answers it is compared with.
pub fn share_payload(store: &Store, assessment: &Assessment) -> String {
    let plans: Vec<&Intervention> = store.plans_of(&assessment.school_id).collect();
    payload_with(
        store.school_name(&assessment.school_id),
        assessment,
        &plans,
        baseline(store, assessment).as_ref(),
    )
}

/// The uncompressed payload of an assessment's link, without a plan or a comparison.
pub fn payload_json(school_name: &str, assessment: &Assessment) -> String {
    payload_with(school_name, assessment, &[], None)
}

fn payload_with(
    school_name: &str,
    assessment: &Assessment,
    plans: &[&Intervention],
    baseline: Option<&Baseline>,
) -> String {
    let framework = four_stages();
    let payload = Payload {
        f: SHARE_FORMAT.into(),
        v: SHARE_VERSION,
        s: school_name.to_string(),
        c: assessment.scope.clone(),
        d: assessment.date.map(Day::iso).unwrap_or_default(),
        a: assessment.assessors.clone(),
        l: framework
            .features
            .iter()
            .map(|f| letter(assessment.level(&f.id)))
            .collect(),
        n: assessment
            .answers
            .iter()
            .filter(|(_, a)| !a.note.is_empty())
            .map(|(id, a)| (id.clone(), a.note.clone()))
            .collect(),
        p: assessment.phase.clone(),
        i: plans
            .iter()
            .map(|p| Intervention {
                id: String::new(),
                school_id: String::new(),
                assessment_id: (p.assessment_id.as_deref() == Some(assessment.id.as_str()))
                    .then(|| "this".to_string()),
                created_ms: 0.0,
                updated_ms: 0.0,
                ..(*p).clone()
            })
            .collect(),
        b: baseline.map(|b| Prefill {
            date: b.date,
            levels: b.levels.clone(),
            reviewed: String::new(),
        }),
        o: assessment.sources.clone(),
    };
    serde_json::to_string(&payload).expect("a payload always serialises")
}

/// Reads an uncompressed payload, checking everything a hand-made link could get wrong.
pub fn read_payload(json: &str) -> Result<Shared, ReadError> {
    if json.len() > MAX_PAYLOAD_BYTES {
        return Err(ReadError::Invalid("the link holds too much data".into()));
    }
    let header: Header =
        serde_json::from_str(json).map_err(|e| ReadError::NotJson(e.to_string()))?;
    if header.f.as_deref() != Some(SHARE_FORMAT) {
        return Err(ReadError::NotWaypoint);
    }
    match header.v {
        Some(v) if v > SHARE_VERSION => return Err(ReadError::NewerVersion { found: v }),
        Some(_) => {}
        None => return Err(ReadError::Invalid("the link's version is missing".into())),
    }
    let payload: Payload =
        serde_json::from_str(json).map_err(|e| ReadError::Invalid(e.to_string()))?;
    let framework = four_stages();
    if payload.s.trim().is_empty() {
        return Err(ReadError::Invalid("the school's name is missing".into()));
    }
    let Some(date) = payload.d.maybe_day() else {
        return Err(ReadError::Invalid(format!(
            "the date should look like 2026-11-23 (found \"{}\")",
            payload.d.chars().take(20).collect::<String>()
        )));
    };
    let letters: Vec<char> = payload.l.chars().collect();
    if letters.len() != framework.features.len() {
        return Err(ReadError::Invalid(format!(
            "the link has {} answers; expected one for each of the {} features",
            letters.len(),
            framework.features.len()
        )));
    }
    let mut answers = BTreeMap::new();
    for (feature, letter) in framework.features.iter().zip(letters) {
        let level = level_of(letter).ok_or_else(|| {
            ReadError::Invalid(format!(
                "the answer for {} is \"{letter}\"; expected one of c, p, n, x or -",
                feature.id
            ))
        })?;
        if level.is_some() {
            answers.insert(
                feature.id.clone(),
                Answer {
                    level,
                    note: String::new(),
                },
            );
        }
    }
    for (id, note) in payload.n {
        if !framework.features.iter().any(|f| f.id == id) {
            return Err(ReadError::Invalid(format!(
                "a note is for a feature this version does not have (\"{}\")",
                id.chars().take(40).collect::<String>()
            )));
        }
        if !note.is_empty() {
            answers.entry(id).or_default().note = note;
        }
    }
    for (feature, source) in &payload.o {
        let known_feature = framework.features.iter().any(|f| &f.id == feature);
        if !known_feature || crate::domain::improvement::cycle::diagnosis_label(source).is_none() {
            return Err(ReadError::Invalid(
                "a diagnosis source is for a feature or source this version does not have".into(),
            ));
        }
    }
    let letters_ok = |l: &str| {
        l.chars().count() == framework.features.len()
            && l.chars().all(|c| Level::from_letter(c).is_some())
    };
    let baseline = match payload.b {
        Some(b) if b.date.is_some() && letters_ok(&b.levels) => Some(Baseline {
            date: b.date,
            levels: b.levels,
        }),
        Some(_) => {
            return Err(ReadError::Invalid(
                "the earlier answers it is compared with are damaged".into(),
            ))
        }
        None => None,
    };
    let mut plans = Vec::new();
    let mut plans_from_this = Vec::new();
    for p in payload.i {
        // A date that is not a real one reads as `None` (`dates::kept`): damaged.
        let dates_ok =
            p.start.is_some() && p.end.is_some() && p.reviews.iter().all(|r| r.date.is_some());
        if !dates_ok
            || p.target.trim().is_empty()
            || !(1..=MAX_REVIEW_WEEKS).contains(&p.review_weeks)
        {
            return Err(ReadError::Invalid(
                "an intervention of the intervention plan is damaged".into(),
            ));
        }
        let note = |t: &str| clamp_chars(t, MAX_NOTE_CHARS);
        let name = |t: &str| clamp_chars(t, MAX_NAME_CHARS);
        plans_from_this.push(p.assessment_id.is_some());
        plans.push(Intervention {
            id: String::new(),
            school_id: String::new(),
            legacy_school: None,
            assessment_id: None,
            partner: name(&p.partner),
            focus: name(&p.focus),
            target: note(&p.target),
            owner: name(&p.owner),
            success_criteria: note(&p.success_criteria),
            reviews: p
                .reviews
                .into_iter()
                .map(|r| Review {
                    note: note(&r.note),
                    ..r
                })
                .collect(),
            created_ms: 0.0,
            updated_ms: 0.0,
            ..p
        });
    }
    Ok(Shared {
        sources: payload.o,
        plans,
        plans_from_this,
        baseline,
        phase: payload.p,
        school: payload.s,
        scope: payload.c,
        date,
        assessors: payload.a,
        answers,
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding, safe in a URL fragment.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// Decodes base64url (no padding); `None` for any character or length it cannot be.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let value = ALPHABET.iter().position(|a| a == c)? as u32;
            n |= value << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// What the sharing panel says about a link of this length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkFit {
    Fine,
    /// Works in browsers, but some mail clients cut it.
    LongForMail,
    /// Too long to offer: share the file instead.
    TooLong,
}

pub fn link_fit(length: usize) -> LinkFit {
    if length > MAX_LINK_LENGTH {
        LinkFit::TooLong
    } else if length > MAIL_SAFE_LENGTH {
        LinkFit::LongForMail
    } else {
        LinkFit::Fine
    }
}
