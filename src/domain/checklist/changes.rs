//! What changed since the last assessment of the same school and scope: the overall
//! stage then and now, and each observable feature that moved on or back.

use crate::domain::base::content::{Feature, Framework, Stage};
use crate::domain::checklist::assessment::{level_at, Assessment, Level};
use crate::domain::checklist::placement::place;
use crate::domain::checklist::SchoolRecords;

/// How a feature's move is read, in the words shown to users.
pub const CHANGE_RULE: &str = "Waypoint's reading, not Carter's: a feature has moved on when more of a Repair, Improve or Sustain feature is seen than before, or less of a Stabilise concern; it has moved back the other way. A change to or from “not applicable” or no answer is listed without a direction.";

/// Which way a feature moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    On,
    Back,
    /// To or from "not applicable" or no answer: no direction can be read.
    Changed,
}

impl Direction {
    pub fn label(self) -> &'static str {
        match self {
            Direction::On => "moved on",
            Direction::Back => "moved back",
            Direction::Changed => "changed",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Direction::On => "forward",
            Direction::Back => "back",
            Direction::Changed => "changed",
        }
    }

    /// The direction of a feature of `stage` whose answer went from `from` to `to`.
    pub fn of(stage: Stage, from: Option<Level>, to: Option<Level>) -> Direction {
        let points = |l: Option<Level>| l.and_then(Level::half_points);
        match (points(from), points(to)) {
            (Some(a), Some(b)) => {
                // More of a Stabilise concern seen is a step back.
                if (b > a) != (stage == Stage::Stabilise) {
                    Direction::On
                } else {
                    Direction::Back
                }
            }
            _ => Direction::Changed,
        }
    }
}

/// One feature whose answer differs.
#[derive(Clone, Debug, PartialEq)]
pub struct FeatureChange<'a> {
    pub feature: &'a Feature,
    pub from: Option<Level>,
    pub to: Option<Level>,
    pub direction: Direction,
}

impl FeatureChange<'_> {
    /// "partly → clearly".
    pub fn describe(&self) -> String {
        let word = |l: Option<Level>| l.map_or("no answer", Level::label).to_lowercase();
        format!("{} → {}", word(self.from), word(self.to))
    }
}

/// The features answered differently in `after` than in `before` (level letters in the
/// framework's order), moved-on first, then moved back, then other changes.
pub fn changes<'a>(
    framework: &'a Framework,
    before: &str,
    after: &Assessment,
) -> Vec<FeatureChange<'a>> {
    let all: Vec<FeatureChange<'a>> = framework
        .features
        .iter()
        .enumerate()
        .filter_map(|(index, feature)| {
            let (from, to) = (level_at(before, index), after.level(&feature.id));
            (from != to).then(|| FeatureChange {
                feature,
                from,
                to,
                direction: Direction::of(feature.stage, from, to),
            })
        })
        .collect();
    [Direction::On, Direction::Back, Direction::Changed]
        .into_iter()
        .flat_map(|d| all.iter().filter(move |c| c.direction == d).cloned())
        .collect()
}

/// The earlier answers an assessment is set against.
#[derive(Clone, Debug, PartialEq)]
pub struct Baseline {
    pub date: String,
    /// Level letters in the framework's order.
    pub levels: String,
}

/// The answers a reassessment started from or, for one started blank, the latest earlier
/// assessment of the same school and scope in the store.
pub fn baseline(store: &impl SchoolRecords, assessment: &Assessment) -> Option<Baseline> {
    if let Some(prefill) = &assessment.prefilled {
        return Some(Baseline {
            date: prefill.date.clone(),
            levels: prefill.levels.clone(),
        });
    }
    let scope = assessment.scope.describe().to_lowercase();
    let key = |a: &Assessment| (a.date.clone(), a.created_ms);
    store
        .assessments_of(&assessment.school_id)
        .filter(|a| a.id != assessment.id && a.scope.describe().to_lowercase() == scope)
        .filter(|a| key(a) < key(assessment))
        .max_by(|a, b| {
            a.date
                .cmp(&b.date)
                .then(a.created_ms.total_cmp(&b.created_ms))
        })
        .map(|a| Baseline {
            date: a.date.clone(),
            levels: a.level_letters(),
        })
}

/// What changed since the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Since<'a> {
    pub date: String,
    /// The overall stage then and now (after any cap).
    pub stage_then: Option<Stage>,
    pub stage_now: Option<Stage>,
    pub changes: Vec<FeatureChange<'a>>,
}

impl Since<'_> {
    /// How many features moved on, and back.
    pub fn counts(&self) -> (usize, usize) {
        let count = |d| self.changes.iter().filter(|c| c.direction == d).count();
        (count(Direction::On), count(Direction::Back))
    }
}

/// The change from `baseline` to `assessment`.
pub fn since<'a>(
    framework: &'a Framework,
    baseline: &Baseline,
    assessment: &Assessment,
) -> Since<'a> {
    let mut then = assessment.clone();
    then.answers.clear();
    for (index, feature) in framework.features.iter().enumerate() {
        if let Some(level) = level_at(&baseline.levels, index) {
            then.answers.entry(feature.id.clone()).or_default().level = Some(level);
        }
    }
    Since {
        date: baseline.date.clone(),
        stage_then: place(framework, &then, |_| true).stage,
        stage_now: place(framework, assessment, |_| true).stage,
        changes: changes(framework, &baseline.levels, assessment),
    }
}
