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

/// How a set of features (the whole, or a theme) moved between two assessments, read
/// from the answers, never from the two stages: "moved back" only when an answer got worse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Movement {
    /// Some answers better, none worse.
    Forward,
    /// Some answers worse, none better.
    Back,
    /// Some answers better and some worse.
    Both,
    /// Answers changed only to or from "not applicable" or no answer.
    Changed,
    /// No answer changed.
    Same,
}

/// How movement is read, in the words shown to users.
pub const MOVEMENT_RULE: &str = "Waypoint's reading: a theme (or the whole) has moved back only when one of its answers got worse, and moved on when one got better and none got worse; the stages then and now are shown beside it, but the change is read from the answers, not from the two stages.";

impl Movement {
    pub fn label(self) -> &'static str {
        match self {
            Movement::Forward => "moved on",
            Movement::Back => "moved back",
            Movement::Both => "some answers better, some worse",
            Movement::Changed => "changed without a direction",
            Movement::Same => "no answer changed",
        }
    }

    /// The CSS class: "forward", "back", "changed" or "same".
    pub fn id(self) -> &'static str {
        match self {
            Movement::Forward => "forward",
            Movement::Back => "back",
            Movement::Both | Movement::Changed => "changed",
            Movement::Same => "same",
        }
    }

    /// The movement of a list of feature changes.
    pub fn of(changes: &[FeatureChange<'_>]) -> Movement {
        let on = changes.iter().any(|c| c.direction == Direction::On);
        let back = changes.iter().any(|c| c.direction == Direction::Back);
        match (on, back) {
            (true, true) => Movement::Both,
            (true, false) => Movement::Forward,
            (false, true) => Movement::Back,
            (false, false) if changes.is_empty() => Movement::Same,
            (false, false) => Movement::Changed,
        }
    }
}

/// How the features `include` selects moved from `before` (level letters in the
/// framework's order) to `after`.
pub fn movement<F>(framework: &Framework, before: &str, after: &Assessment, include: F) -> Movement
where
    F: Fn(&Feature) -> bool,
{
    let moved: Vec<FeatureChange<'_>> = changes(framework, before, after)
        .into_iter()
        .filter(|c| include(c.feature))
        .collect();
    Movement::of(&moved)
}

/// One row of a comparison: the whole or a theme, its stages then and now, and how its
/// answers moved.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparedRow {
    pub name: String,
    pub then: Option<Stage>,
    pub now: Option<Stage>,
    pub movement: Movement,
}

/// Two assessments of one scope compared, overall and theme by theme.
pub fn compare(framework: &Framework, before: &Assessment, after: &Assessment) -> Vec<ComparedRow> {
    let letters = before.level_letters();
    let (then, now) = (
        crate::domain::checklist::placement::assess(framework, before),
        crate::domain::checklist::placement::assess(framework, after),
    );
    let mut rows = vec![ComparedRow {
        name: "Overall".into(),
        then: then.overall.stage,
        now: now.overall.stage,
        movement: movement(framework, &letters, after, |_| true),
    }];
    for (i, theme) in framework.themes.iter().enumerate() {
        rows.push(ComparedRow {
            name: theme.name.clone(),
            then: then.themes[i].placement.stage,
            now: now.themes[i].placement.stage,
            movement: movement(framework, &letters, after, |f| f.themes.contains(&theme.id)),
        });
    }
    rows
}

/// The earlier answers an assessment is set against.
#[derive(Clone, Debug, PartialEq)]
pub struct Baseline {
    pub date: Option<crate::domain::base::dates::Day>,
    /// Level letters in the framework's order.
    pub levels: String,
}

/// The answers a reassessment started from or, for one started blank, the latest earlier
/// assessment of the same school and scope in the store.
pub fn baseline(store: &impl SchoolRecords, assessment: &Assessment) -> Option<Baseline> {
    if let Some(prefill) = &assessment.prefilled {
        return Some(Baseline {
            date: prefill.date,
            levels: prefill.levels.clone(),
        });
    }
    let scope = assessment.scope.describe().to_lowercase();
    let key = |a: &Assessment| (a.date, a.created_ms);
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
            date: a.date,
            levels: a.level_letters(),
        })
}

/// What changed since the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Since<'a> {
    pub date: Option<crate::domain::base::dates::Day>,
    /// The overall stage then and now.
    pub stage_then: Option<Stage>,
    pub stage_now: Option<Stage>,
    pub changes: Vec<FeatureChange<'a>>,
}

impl Since<'_> {
    /// How the whole moved, read from the answers.
    pub fn movement(&self) -> Movement {
        Movement::of(&self.changes)
    }

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
        date: baseline.date,
        stage_then: place(framework, &then, |_| true).stage,
        stage_now: place(framework, assessment, |_| true).stage,
        changes: changes(framework, &baseline.levels, assessment),
    }
}
