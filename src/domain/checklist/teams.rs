//! One school seen as a whole: its teams, subjects and year groups side by side (the
//! latest assessment of each), and how each moved over time.
//!
//! Carter: "Teams, year groups and departments will progress through the stages at
//! different rates", and "Big implications in a primary school if EY and Year 6 were
//! to be in need of repair at the same time".

use std::collections::BTreeMap;

use crate::domain::base::content::{Framework, Stage};
use crate::domain::base::dates::{days_between, display};
use crate::domain::checklist::assessment::{Assessment, Phase, Scope};
use crate::domain::checklist::placement::assess;

/// "At the same time": latest assessments no more than this many days apart.
pub const TERM_DAYS: i64 = 122;

/// How the teams' warnings are given, in the words shown to users.
pub const TEAMS_RULE: &str = "Carter warns of “big implications in a primary school if EY and Year 6 were to be in need of repair at the same time”. Waypoint reads “at the same time” as latest assessments within one term (four months) of each other. It recognises Early Years in a team, subject or year group named EY, EYFS, Early Years, Foundation Stage, FS1, FS2, Reception or Nursery, and Year 6 in one named Year 6, Y6, Yr 6 or Year Six (with words such as “team” or “class” around them), unless the assessment is marked Early Years, Year 6 or neither. The warning about several teams in Stabilise at once (within a term) is Waypoint's own, not Carter's.";

/// A scope's latest placement, overall and per theme.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamRow {
    pub scope: String,
    pub assessment_id: String,
    pub date: String,
    pub overall: Option<Stage>,
    /// One per theme of the framework, in its order.
    pub themes: Vec<Option<Stage>>,
}

/// The teams map of one school, with Carter's warning and Waypoint's own (see [`TEAMS_RULE`]).
#[derive(Clone, Debug, PartialEq)]
pub struct TeamsMap {
    pub rows: Vec<TeamRow>,
    pub flags: Vec<String>,
}

fn row(framework: &Framework, assessment: &Assessment) -> TeamRow {
    let result = assess(framework, assessment);
    TeamRow {
        scope: assessment.scope.describe(),
        assessment_id: assessment.id.clone(),
        date: assessment.date.clone(),
        overall: result.overall.stage,
        themes: result.themes.iter().map(|t| t.placement.stage).collect(),
    }
}

/// The words of a scope's name, lower case.
fn words(scope: &Scope) -> Vec<String> {
    scope
        .name()
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Early Years: marked so, or (unmarked) named so.
pub fn is_early_years(a: &Assessment) -> bool {
    if a.scope == Scope::WholeSchool {
        return false;
    }
    match a.phase() {
        Some(phase) => phase == Phase::EarlyYears,
        None => {
            let words = words(&a.scope);
            let joined = words.join(" ");
            words.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "ey" | "eyfs" | "reception" | "nursery" | "fs1" | "fs2"
                )
            }) || joined.contains("early years")
                || joined.contains("foundation stage")
        }
    }
}

/// Year 6: marked so, or (unmarked) named so.
pub fn is_year_6(a: &Assessment) -> bool {
    if a.scope == Scope::WholeSchool {
        return false;
    }
    match a.phase() {
        Some(phase) => phase == Phase::Year6,
        None => {
            let words = words(&a.scope);
            words
                .iter()
                .any(|w| matches!(w.as_str(), "y6" | "yr6" | "year6"))
                || words.windows(2).any(|p| {
                    matches!(p[0].as_str(), "year" | "yr" | "y")
                        && matches!(p[1].as_str(), "6" | "six")
                })
        }
    }
}

/// True when two assessments are within one term of each other ([`TERM_DAYS`]).
pub fn same_time(a: &Assessment, b: &Assessment) -> bool {
    days_between(&a.date, &b.date).is_some_and(|d| d.abs() <= TERM_DAYS)
}

/// The latest assessment of each scope of one school, whole school first, with flags.
pub fn teams_map<'a>(
    framework: &Framework,
    assessments: impl Iterator<Item = &'a Assessment>,
) -> TeamsMap {
    let mut latest: BTreeMap<String, &Assessment> = BTreeMap::new();
    for a in assessments {
        let key = a.scope.describe().to_lowercase();
        match latest.get(&key) {
            Some(existing)
                if (existing.date.as_str(), existing.updated_ms)
                    >= (a.date.as_str(), a.updated_ms) => {}
            _ => {
                latest.insert(key, a);
            }
        }
    }
    let mut chosen: Vec<&Assessment> = latest.into_values().collect();
    crate::domain::base::order::sort_by_key(&mut chosen, |a| {
        (
            a.scope != Scope::WholeSchool,
            a.scope.kind() as u8,
            a.scope.name().to_lowercase(),
        )
    });
    let rows: Vec<TeamRow> = chosen.iter().map(|a| row(framework, a)).collect();

    let mut flags = Vec::new();
    let stage_of = |a: &Assessment| {
        rows.iter()
            .find(|r| r.assessment_id == a.id)
            .and_then(|r| r.overall)
    };
    let needs_repair = |a: &Assessment| stage_of(a).is_some_and(|s| s <= Stage::Repair);
    let early: Vec<&Assessment> = chosen
        .iter()
        .copied()
        .filter(|a| is_early_years(a))
        .collect();
    let year6: Vec<&Assessment> = chosen.iter().copied().filter(|a| is_year_6(a)).collect();
    let both = early.iter().find_map(|ey| {
        year6
            .iter()
            .find(|y6| needs_repair(ey) && needs_repair(y6) && same_time(ey, y6))
            .map(|y6| (ey, y6))
    });
    if let Some((ey, y6)) = both {
        flags.push(format!(
            "{} ({}) and {} ({}) both need repair or stabilising at the same time. Carter warns of “big implications in a primary school if EY and Year 6 were to be in need of repair at the same time”: the two ends of the school are both weak.",
            ey.scope.describe(),
            display(&ey.date),
            y6.scope.describe(),
            display(&y6.date)
        ));
    } else if let Some((ey, y6)) = early.iter().find_map(|ey| {
        year6
            .iter()
            .find(|y6| !same_time(ey, y6) && (needs_repair(ey) || needs_repair(y6)))
            .map(|y6| (ey, y6))
    }) {
        flags.push(format!(
            "{} was last assessed on {} and {} on {}, more than a term apart, so Waypoint cannot say whether both need repair at the same time. Reassess the older one.",
            ey.scope.describe(),
            display(&ey.date),
            y6.scope.describe(),
            display(&y6.date)
        ));
    }
    let stabilising: Vec<&Assessment> = chosen
        .iter()
        .copied()
        .filter(|a| a.scope != Scope::WholeSchool && stage_of(a) == Some(Stage::Stabilise))
        .collect();
    let together: Vec<String> = stabilising
        .iter()
        .filter(|a| stabilising.iter().any(|b| b.id != a.id && same_time(a, b)))
        .map(|a| a.scope.describe())
        .collect();
    if together.len() >= 2 {
        flags.push(format!(
            "Waypoint's own check, not Carter's: {} are all in Stabilise within a term of each other; the school may not have the capacity to stabilise them all at once.",
            together.join(", ")
        ));
    }
    TeamsMap { rows, flags }
}

/// One assessment of a scope in a history.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryPoint {
    pub assessment_id: String,
    pub date: String,
    pub overall: Option<Stage>,
    pub themes: Vec<Option<Stage>>,
}

/// The assessments of each scope of a school, oldest first, keyed by scope description.
pub fn history<'a>(
    framework: &Framework,
    assessments: impl Iterator<Item = &'a Assessment>,
) -> Vec<(String, Vec<HistoryPoint>)> {
    let mut by_scope: BTreeMap<String, (String, Vec<&Assessment>)> = BTreeMap::new();
    for a in assessments {
        by_scope
            .entry(a.scope.describe().to_lowercase())
            .or_insert_with(|| (a.scope.describe(), Vec::new()))
            .1
            .push(a);
    }
    by_scope
        .into_values()
        .map(|(label, mut list)| {
            crate::domain::base::order::sort_by(&mut list, |a, b| {
                a.date
                    .cmp(&b.date)
                    .then(a.created_ms.total_cmp(&b.created_ms))
            });
            let points = list
                .iter()
                .map(|a| {
                    let r = row(framework, a);
                    HistoryPoint {
                        assessment_id: r.assessment_id,
                        date: r.date,
                        overall: r.overall,
                        themes: r.themes,
                    }
                })
                .collect();
            (label, points)
        })
        .collect()
}
