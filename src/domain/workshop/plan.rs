//! Planning a workshop for a meeting: which of Carter's focus areas (or which single
//! practices) members are asked about, how many placements that means, and about how long
//! it takes each member. On a member's device: where they were, so that leaving and
//! coming back (or sending early) returns them there.

use crate::domain::workshop::aas::{AasFramework, Area, Practice, Workshop};
use crate::domain::workshop::join::{chosen_practices, normalise_choice};

/// Each practice is placed twice: where it is now, and where the member wants it.
pub const PLACEMENTS_PER_PRACTICE: usize = 2;

/// Waypoint's estimate of the seconds a member takes per placement on a phone, reading
/// included: a trial took about 20 minutes for 80 practices (160 placements).
pub const SECONDS_PER_PLACEMENT: usize = 8;

/// Whose the estimate is, in the words shown to users.
pub const ESTIMATE_NOTE: &str =
    "Waypoint's estimate: about 8 seconds a placement on a phone, reading included.";

/// How much a choice of practices asks of each member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Load {
    pub practices: usize,
    pub placements: usize,
    /// Whole minutes, rounded up; at least 1 when anything is asked.
    pub minutes: usize,
}

impl Load {
    pub fn of(practices: usize) -> Load {
        let placements = practices * PLACEMENTS_PER_PRACTICE;
        Load {
            practices,
            placements,
            minutes: (placements * SECONDS_PER_PLACEMENT).div_ceil(60),
        }
    }

    /// "23 practices: 46 placements, about 7 minutes for each member".
    pub fn describe(self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "{}: {}, about {} for each member",
            plural(self.practices, "practice", "practices"),
            plural(self.placements, "placement", "placements"),
            plural(self.minutes, "minute", "minutes"),
        )
    }
}

/// The ids of an area's practices, in the tool's order.
pub fn area_practices(framework: &AasFramework, area_id: &str) -> Vec<String> {
    framework
        .practices()
        .filter(|p| p.area.id == area_id)
        .map(|p| p.statement.id.clone())
        .collect()
}

/// The choice a new workshop starts with: one area, the first of Carter's.
pub fn default_choice(framework: &AasFramework) -> Vec<String> {
    framework
        .areas
        .first()
        .map(|a| area_practices(framework, &a.id))
        .unwrap_or_default()
}

/// A choice of whole areas, as kept (see [`normalise_choice`]).
pub fn choose_areas(framework: &AasFramework, area_ids: &[String]) -> Vec<String> {
    let chosen: Vec<String> = area_ids
        .iter()
        .flat_map(|id| area_practices(framework, id))
        .collect();
    normalise_choice(framework, &chosen)
}

/// How much of an area a choice includes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AreaChoice {
    None,
    Some(usize),
    All,
}

/// How much of `area` the chosen practices (as kept: empty for all) include.
pub fn area_choice(framework: &AasFramework, chosen: &[String], area: &Area) -> AreaChoice {
    let ids = area_practices(framework, &area.id);
    let included = if chosen.is_empty() {
        ids.len()
    } else {
        ids.iter().filter(|id| chosen.contains(id)).count()
    };
    match included {
        0 => AreaChoice::None,
        n if n == ids.len() => AreaChoice::All,
        n => AreaChoice::Some(n),
    }
}

/// The choice with an area's practices all added, or all taken out; `None` when taking
/// it out would leave nothing to ask.
pub fn toggle_area(
    framework: &AasFramework,
    chosen: &[String],
    area_id: &str,
    include: bool,
) -> Option<Vec<String>> {
    let mut ids: Vec<String> = if chosen.is_empty() {
        framework
            .practices()
            .map(|p| p.statement.id.clone())
            .collect()
    } else {
        chosen.to_vec()
    };
    let area = area_practices(framework, area_id);
    ids.retain(|id| !area.contains(id));
    if include {
        ids.extend(area);
    }
    if ids.is_empty() {
        return None;
    }
    Some(normalise_choice(framework, &ids))
}

/// How many of the meeting's practices a person placed both now and wanted.
pub fn placed_of_meeting(
    framework: &AasFramework,
    workshop: &Workshop,
    member: &crate::domain::workshop::aas::Member,
) -> usize {
    placed_among(&chosen_practices(framework, workshop), member)
}

/// How many of `asked` a person placed both now and wanted: for counting many people
/// against the meeting's practices, listed once.
pub fn placed_among(asked: &[Practice<'_>], member: &crate::domain::workshop::aas::Member) -> usize {
    asked
        .iter()
        .filter(|p| {
            member
                .placing(&p.statement.id)
                .is_some_and(|x| x.now.is_some() && x.desired.is_some())
        })
        .count()
}

/// The load of a workshop's meeting.
pub fn load(framework: &AasFramework, workshop: &Workshop) -> Load {
    Load::of(chosen_practices(framework, workshop).len())
}

/// The step (from 1) a member returns to: the practice they last had open, or else the
/// first they have not placed both ways, or else the first.
pub fn resume_step(framework: &AasFramework, workshop: &Workshop) -> usize {
    let asked = chosen_practices(framework, workshop);
    if let Some(at) = &workshop.member_at {
        if let Some(i) = asked.iter().position(|p| &p.statement.id == at) {
            return i + 1;
        }
    }
    let me = workshop.members.first();
    asked
        .iter()
        .position(|p| {
            !me.and_then(|r| r.placing(&p.statement.id))
                .is_some_and(|x| x.now.is_some() && x.desired.is_some())
        })
        .map_or(1, |i| i + 1)
}
