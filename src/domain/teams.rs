//! One school seen as a whole: its teams, subjects and year groups side by side (the
//! latest assessment of each), and how each moved over time.
//!
//! Carter: "Teams, year groups and departments will progress through the stages at
//! different rates", and "Big implications in a primary school if EY and Year 6 were
//! to be in need of repair at the same time".

use std::collections::BTreeMap;

use super::assessment::{Assessment, Scope};
use super::content::{Framework, Stage};
use super::placement::assess;

/// The key that groups assessments of the same school: its name, trimmed and lowercased.
pub fn school_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// A school key as URL-safe text (hex of its UTF-8 bytes), and back.
pub fn encode_key(key: &str) -> String {
    key.bytes().map(|b| format!("{b:02x}")).collect()
}

pub fn decode_key(encoded: &str) -> Option<String> {
    if !encoded.len().is_multiple_of(2) {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..encoded.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(encoded.get(i..i + 2)?, 16).ok())
        .collect();
    String::from_utf8(bytes?).ok()
}

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

/// The teams map of one school, with the warnings the seed gives.
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

fn is_early_years(scope: &Scope) -> bool {
    let name = scope.name().trim().to_lowercase();
    matches!(name.as_str(), "ey" | "eyfs" | "reception" | "nursery")
        || name.contains("early years")
        || name.contains("eyfs")
}

fn is_year_6(scope: &Scope) -> bool {
    let name = scope.name().trim().to_lowercase().replace(' ', "");
    matches!(name.as_str(), "year6" | "y6" | "yr6" | "yearsix")
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
    super::order::sort_by_key(&mut chosen, |a| {
        (
            a.scope != Scope::WholeSchool,
            a.scope.kind() as u8,
            a.scope.name().to_lowercase(),
        )
    });
    let rows: Vec<TeamRow> = chosen.iter().map(|a| row(framework, a)).collect();

    let mut flags = Vec::new();
    let needing_repair = |a: &&&Assessment| {
        rows.iter()
            .find(|r| r.assessment_id == a.id)
            .and_then(|r| r.overall)
            .is_some_and(|s| s <= Stage::Repair)
    };
    let early = chosen
        .iter()
        .filter(|a| is_early_years(&a.scope))
        .find(needing_repair);
    let year6 = chosen
        .iter()
        .filter(|a| is_year_6(&a.scope))
        .find(needing_repair);
    if let (Some(ey), Some(y6)) = (early, year6) {
        flags.push(format!(
            "{} and {} both need repair or stabilising at the same time. Carter warns of “big implications in a primary school if EY and Year 6 were to be in need of repair at the same time”: the two ends of the school are both weak.",
            ey.scope.describe(),
            y6.scope.describe()
        ));
    }
    let stabilising: Vec<String> = rows
        .iter()
        .filter(|r| r.overall == Some(Stage::Stabilise) && r.scope != "Whole school")
        .map(|r| r.scope.clone())
        .collect();
    if stabilising.len() >= 2 {
        flags.push(format!(
            "{} are all in Stabilise: the school may not have the capacity to stabilise them all at once.",
            stabilising.join(", ")
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
            super::order::sort_by(&mut list, |a, b| {
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

/// How a theme (or the whole) moved between two assessments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Movement {
    Forward,
    Back,
    Same,
    /// One side has no stage: cannot compare.
    Unknown,
}

impl Movement {
    pub fn between(from: Option<Stage>, to: Option<Stage>) -> Movement {
        match (from, to) {
            (Some(a), Some(b)) if b > a => Movement::Forward,
            (Some(a), Some(b)) if b < a => Movement::Back,
            (Some(_), Some(_)) => Movement::Same,
            _ => Movement::Unknown,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Movement::Forward => "moved on",
            Movement::Back => "moved back",
            Movement::Same => "no change",
            Movement::Unknown => "cannot compare",
        }
    }
}
