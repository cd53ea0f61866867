//! One school seen as a whole: its teams, subjects and year groups side by side (the
//! latest assessment of each), and how each moved over time.
//!
//! Carter: "Teams, year groups and departments will progress through the stages at
//! different rates", and "Big implications in a primary school if EY and Year 6 were
//! to be in need of repair at the same time".

use std::collections::BTreeMap;

use crate::domain::base::content::{Framework, Stage};
pub use crate::domain::base::dates::SCHOOL_TERM_RULE;
use crate::domain::base::dates::{display, school_term, TermStart};
use crate::domain::checklist::assessment::{Assessment, Phase, Scope};
use crate::domain::checklist::placement::assess;

/// How the teams' warnings are given, in the words shown to users.
pub const TEAMS_RULE: &str = "Carter warns of “big implications in a primary school if EY and Year 6 were to be in need of repair at the same time”. Waypoint reads “at the same time” as latest assessments in the same school term (autumn, spring or summer) of the same school year, by the trust's own term dates where it has entered them (see the school-term rule below). It recognises Early Years in a team, subject or year group named EY, EYFS, Early Years, Foundation Stage, FS1, FS2, Reception or Nursery, and Year 6 in one named Year 6, Y6, Yr 6 or Year Six (with words such as “team” or “class” around them), unless the assessment is marked Early Years, Year 6 or neither. The warning about several teams in Stabilise at once (in the same term) is Waypoint's own, not Carter's, and so is the gloss “the two ends of the school are both weak”.";

/// Carter's line on teams, quoted where the whole-school view points at the weakest.
pub const FOCUS_LINE: &str = "Seeing cross subject and cross team trajectories as part of the whole enables the strategic focus and resources to be targeted at the right areas";

/// A scope's latest placement, overall and per theme.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamRow {
    pub scope: String,
    pub whole_school: bool,
    pub assessment_id: String,
    pub date: Option<crate::domain::base::dates::Day>,
    pub overall: Option<Stage>,
    /// One per theme of the framework, in its order.
    pub themes: Vec<Option<Stage>>,
}

/// The teams map of one school, with Carter's warning and Waypoint's own (see [`TEAMS_RULE`]).
#[derive(Clone, Debug, PartialEq)]
pub struct TeamsMap {
    pub rows: Vec<TeamRow>,
    pub flags: Vec<String>,
    /// The weakest teams, where the strategic focus and resources go first (see [`focus`]).
    pub focus: Option<Focus>,
}

/// The teams at the earliest stage, when the teams assessed are at different stages.
#[derive(Clone, Debug, PartialEq)]
pub struct Focus {
    pub stage: Stage,
    /// The scopes' descriptions, in the map's order.
    pub teams: Vec<String>,
}

impl Focus {
    /// Where the focus and resources go, with Carter's line quoted.
    pub fn message(&self) -> String {
        format!(
            "Focus and resources first on {} ({}), the weakest of the teams assessed. Carter: “{FOCUS_LINE}.” Which teams are weakest is read by Waypoint from their latest stages.",
            self.teams.join(", "),
            self.stage
        )
    }
}

/// The weakest teams, subjects or year groups among `rows` (the whole school left out),
/// when at least two have a stage and they are not all at the same one.
pub fn focus(rows: &[TeamRow]) -> Option<Focus> {
    let placed: Vec<(&TeamRow, Stage)> = rows
        .iter()
        .filter(|r| !r.whole_school)
        .filter_map(|r| r.overall.map(|s| (r, s)))
        .collect();
    let weakest = placed.iter().map(|(_, s)| *s).min()?;
    let strongest = placed.iter().map(|(_, s)| *s).max()?;
    (placed.len() >= 2 && weakest < strongest).then(|| Focus {
        stage: weakest,
        teams: placed
            .iter()
            .filter(|(_, s)| *s == weakest)
            .map(|(r, _)| r.scope.clone())
            .collect(),
    })
}

fn row(framework: &Framework, assessment: &Assessment) -> TeamRow {
    let result = assess(framework, assessment);
    TeamRow {
        scope: assessment.scope.describe(),
        whole_school: assessment.scope == Scope::WholeSchool,
        assessment_id: assessment.id.clone(),
        date: assessment.date,
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

/// True when two assessments fall in the same school term of the same school year, by
/// the trust's term starts where entered and Waypoint's defaults elsewhere
/// ([`SCHOOL_TERM_RULE`]).
pub fn same_time(a: &Assessment, b: &Assessment, terms: &[TermStart]) -> bool {
    match (school_term(&a.date, terms), school_term(&b.date, terms)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// The latest assessment of each scope of one school, whole school first, with flags,
/// "the same time" read by Waypoint's default terms.
pub fn teams_map<'a>(
    framework: &Framework,
    assessments: impl Iterator<Item = &'a Assessment>,
) -> TeamsMap {
    teams_map_in_terms(framework, assessments, &[])
}

/// [`teams_map`] with the trust's own term starts.
pub fn teams_map_in_terms<'a>(
    framework: &Framework,
    assessments: impl Iterator<Item = &'a Assessment>,
    terms: &[TermStart],
) -> TeamsMap {
    let mut latest: BTreeMap<String, &Assessment> = BTreeMap::new();
    for a in assessments {
        let key = a.scope.describe().to_lowercase();
        match latest.get(&key) {
            Some(existing)
                if (existing.date, existing.updated_ms)
                    >= (a.date, a.updated_ms) => {}
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
            .find(|y6| needs_repair(ey) && needs_repair(y6) && same_time(ey, y6, terms))
            .map(|y6| (ey, y6))
    });
    if let Some((ey, y6)) = both {
        flags.push(format!(
            "{} ({}) and {} ({}) both need repair or stabilising in the same term ({}). Carter warns of “big implications in a primary school if EY and Year 6 were to be in need of repair at the same time”. Waypoint's gloss: the two ends of the school are both weak.",
            ey.scope.describe(),
            display(&ey.date),
            y6.scope.describe(),
            display(&y6.date),
            school_term(&ey.date, terms).map_or_else(String::new, |t| t.describe())
        ));
    } else if let Some((ey, y6)) = early.iter().find_map(|ey| {
        year6
            .iter()
            .find(|y6| !same_time(ey, y6, terms) && (needs_repair(ey) || needs_repair(y6)))
            .map(|y6| (ey, y6))
    }) {
        flags.push(format!(
            "{} was last assessed on {} ({}) and {} on {} ({}), in different school terms, so Waypoint cannot say whether both need repair at the same time. Reassess the older one.",
            ey.scope.describe(),
            display(&ey.date),
            school_term(&ey.date, terms).map_or_else(String::new, |t| t.describe()),
            y6.scope.describe(),
            display(&y6.date),
            school_term(&y6.date, terms).map_or_else(String::new, |t| t.describe())
        ));
    }
    let stabilising: Vec<&Assessment> = chosen
        .iter()
        .copied()
        .filter(|a| a.scope != Scope::WholeSchool && stage_of(a) == Some(Stage::Stabilise))
        .collect();
    let together: Vec<String> = stabilising
        .iter()
        .filter(|a| {
            stabilising
                .iter()
                .any(|b| b.id != a.id && same_time(a, b, terms))
        })
        .map(|a| a.scope.describe())
        .collect();
    if together.len() >= 2 {
        flags.push(format!(
            "Waypoint's own check, not Carter's: {} are all in Stabilise in the same school term; the school may not have the capacity to stabilise them all at once.",
            together.join(", ")
        ));
    }
    let focus = focus(&rows);
    TeamsMap { rows, flags, focus }
}

/// One assessment of a scope in a history.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryPoint {
    pub assessment_id: String,
    pub date: Option<crate::domain::base::dates::Day>,
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
