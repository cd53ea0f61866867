//! Hand-back: when a second copy of a member's answers arrives, it is kept aside in the
//! workshop (so it survives a reload) until someone says which counts. The question says
//! which copy is newer, how complete each is, and how each arrived.

use serde::{Deserialize, Serialize};

use crate::domain::workshop::aas::{AasFramework, Member, Workshop};
use crate::domain::workshop::join::chosen_practices;
use crate::domain::workshop::responses::{merge_member, Resolution};

/// How a copy of a member's answers reached the facilitator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    Link,
    Code,
    File,
}

impl Via {
    /// "by link", "by QR code", "as a file".
    pub fn words(self) -> &'static str {
        match self {
            Via::Link => "by link",
            Via::Code => "by QR code",
            Via::File => "as a file",
        }
    }
}

/// How and when a copy arrived on the facilitator's device.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Arrival {
    pub via: Via,
    pub at_ms: f64,
}

/// A second copy from a member already in the workshop, waiting for an answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingCopy {
    /// Tells pending copies apart (made when the copy arrived).
    pub key: String,
    /// The member already in the workshop whom this copy is from.
    pub existing_id: String,
    /// Stored under its earlier name.
    #[serde(rename = "respondent")]
    pub member: Member,
}

/// What the user chooses for a second copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Settle {
    /// The new copy replaces the one already here.
    UseNew,
    /// The copy already here stays; the new one is set aside.
    KeepEarlier,
    /// Both count, as two people.
    KeepBoth,
}

/// Which of the two copies was answered later.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Newer {
    New,
    Earlier,
    Same,
    /// One copy does not say when it was last changed.
    Unknown,
}

/// One copy as the question describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct CopyFacts {
    /// Practices of the meeting placed both now and wanted.
    pub placed: usize,
    pub asked: usize,
    pub arrived: Option<Arrival>,
    pub changed_ms: Option<f64>,
}

/// The question put to the facilitator about one pending copy.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub key: String,
    /// Whose copies: the name already in the workshop ("Anonymous 2" for an anonymous
    /// member, whose name is Waypoint's numbering).
    pub name: String,
    pub earlier: CopyFacts,
    pub new: CopyFacts,
    pub newer: Newer,
}

fn facts(framework: &AasFramework, workshop: &Workshop, member: &Member) -> CopyFacts {
    CopyFacts {
        placed: crate::domain::workshop::plan::placed_of_meeting(framework, workshop, member),
        asked: chosen_practices(framework, workshop).len(),
        arrived: member.arrived,
        changed_ms: member.changed_ms,
    }
}

/// Which copy was answered later, by the time each was last changed on its device.
pub fn newer(earlier: &Member, new: &Member) -> Newer {
    match (earlier.changed_ms, new.changed_ms) {
        (Some(a), Some(b)) if b > a => Newer::New,
        (Some(a), Some(b)) if a > b => Newer::Earlier,
        (Some(_), Some(_)) => Newer::Same,
        _ => Newer::Unknown,
    }
}

/// The questions to put, oldest arrival first. A pending copy whose member is no
/// longer in the workshop is still asked about (as a copy to add or set aside).
pub fn questions(framework: &AasFramework, workshop: &Workshop) -> Vec<Question> {
    workshop
        .pending
        .iter()
        .map(|copy| {
            let existing = workshop.member(&copy.existing_id);
            let earlier = existing.map_or(
                CopyFacts {
                    placed: 0,
                    asked: chosen_practices(framework, workshop).len(),
                    arrived: None,
                    changed_ms: None,
                },
                |r| facts(framework, workshop, r),
            );
            Question {
                key: copy.key.clone(),
                name: existing.map_or_else(|| copy.member.name.clone(), |r| r.name.clone()),
                earlier,
                new: facts(framework, workshop, &copy.member),
                newer: existing.map_or(Newer::New, |r| newer(r, &copy.member)),
            }
        })
        .collect()
}

/// Which copy is newer, in plain words. `when` formats a moment for the user's time zone.
pub fn newer_words(question: &Question, when: impl Fn(f64) -> String) -> String {
    match question.newer {
        Newer::New => format!(
            "The second copy is newer: its answers were last changed {}.",
            question.new.changed_ms.map_or_else(String::new, &when)
        ),
        Newer::Earlier => format!(
            "The copy already counted is newer: its answers were last changed {}. The second copy is older.",
            question.earlier.changed_ms.map_or_else(String::new, &when)
        ),
        Newer::Same => "Both copies were last changed at the same moment.".into(),
        Newer::Unknown => {
            "Waypoint cannot tell which was answered later: one copy does not say when it was last changed.".into()
        }
    }
}

/// "12 of 23 practices placed, arrived by link on 23 Nov 2026, 14:05".
pub fn copy_words(copy: &CopyFacts, when: impl Fn(f64) -> String) -> String {
    let arrived = match copy.arrived {
        Some(a) => format!("arrived {} on {}", a.via.words(), when(a.at_ms)),
        None => {
            "how it arrived was not recorded (entered on this device, or before Waypoint kept it)"
                .into()
        }
    };
    format!(
        "{} of {} practices placed; {arrived}",
        copy.placed, copy.asked
    )
}

/// Keeps a second copy aside until it is settled; false when the same copy is already
/// waiting (a link pasted twice asks once).
pub fn hold(workshop: &mut Workshop, copy: PendingCopy) -> bool {
    let waiting = workshop.pending.iter().any(|p| {
        p.key == copy.key
            || (p.existing_id == copy.existing_id
                && crate::domain::workshop::responses::same_answers(
                    &p.member,
                    &copy.member,
                ))
    });
    if waiting {
        return false;
    }
    workshop.pending.push(copy);
    true
}

/// Settles a pending copy as chosen; false when there is no such copy (settled already).
pub fn settle(workshop: &mut Workshop, key: &str, choice: Settle, fresh_id: String) -> bool {
    let Some(index) = workshop.pending.iter().position(|p| p.key == key) else {
        return false;
    };
    let copy = workshop.pending.remove(index);
    let there = workshop.member(&copy.existing_id).is_some();
    match choice {
        Settle::KeepEarlier => {}
        Settle::UseNew if there => merge_member(
            workshop,
            copy.member,
            Some((&copy.existing_id, Resolution::Replace)),
            fresh_id,
        ),
        Settle::KeepBoth if there => merge_member(
            workshop,
            copy.member,
            Some((&copy.existing_id, Resolution::KeepBoth)),
            fresh_id,
        ),
        // The earlier copy was removed meanwhile: the new one simply joins.
        Settle::UseNew | Settle::KeepBoth => {
            merge_member(workshop, copy.member, None, fresh_id)
        }
    }
    true
}
