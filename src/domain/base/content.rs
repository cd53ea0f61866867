//! The four-stage framework (stages, themes, observable features), kept verbatim in
//! `content/four_stages.json` and embedded in the build so the app never fetches it.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::OnceLock;
use strum::{EnumString, IntoStaticStr};

/// The four stages of Carter's improvement journey, in the order a school moves through them.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    IntoStaticStr,
    EnumString,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Stage {
    Stabilise,
    Repair,
    Improve,
    Sustain,
}

impl Stage {
    /// All stages, earliest first.
    pub const ALL: [Stage; 4] = [
        Stage::Stabilise,
        Stage::Repair,
        Stage::Improve,
        Stage::Sustain,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Stabilise => "Stabilise",
            Stage::Repair => "Repair",
            Stage::Improve => "Improve",
            Stage::Sustain => "Sustain",
        }
    }

    /// A stable lowercase identifier, used in CSS classes and stored data.
    pub fn id(self) -> &'static str {
        self.into()
    }

    /// Position on the journey, from 0 (Stabilise) to 3 (Sustain).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The stage a school moves to from this one, if any.
    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.index() + 1).copied()
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A stage as described in the content file.
#[derive(Clone, Debug, Deserialize)]
pub struct StageInfo {
    pub id: Stage,
    pub name: String,
    /// A one-line summary in Waypoint's words (see [`STAGE_SUMMARY_NOTE`]).
    #[serde(default)]
    pub summary: String,
}

/// Whose the stages' one-line summaries are, shown beside them.
pub const STAGE_SUMMARY_NOTE: &str = "Waypoint's summary, not Carter's words";

/// The key shown once on a page whose panels mark Waypoint's own words with
/// [`WAYPOINT_MARK`], instead of a note on every panel.
pub const WAYPOINT_KEY: &str = "Marked ◆: Waypoint's own words, not Carter's: its one-line stage summaries, the six themes that group Carter's features (he lists them stage by stage), and its rules and warnings. Carter's words are quoted and attributed to him.";

/// The mark beside Waypoint's own words (see [`WAYPOINT_KEY`]).
pub const WAYPOINT_MARK: &str = "◆";

/// Whose the themes are, shown wherever they appear.
pub const THEMES_NOTE: &str = "The six themes are Waypoint's grouping of Carter's observable features, not Carter's own: he lists the features stage by stage.";

/// A theme groups the features that describe the same aspect of a school across stages.
/// The themes are Waypoint's (see [`THEMES_NOTE`]).
#[derive(Clone, Debug, Deserialize)]
pub struct Theme {
    pub id: String,
    pub name: String,
    pub description: String,
}

/// One observable feature of a stage, in the source's own words.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Feature {
    pub id: String,
    pub stage: Stage,
    pub themes: Vec<String>,
    pub text: String,
    /// Later features that, once seen, mean the school has moved past this one: Waypoint's
    /// reading (see [`LINKS_NOTE`]), used to judge whether an earlier stage is secure.
    #[serde(default)]
    pub moved_past_by: Vec<String>,
    /// Later features that include this one: the later seen while this one is not is a
    /// contradiction. Waypoint's reading.
    #[serde(default)]
    pub kept_in: Vec<String>,
    /// Later features that say the opposite: both seen, one clearly, is a contradiction.
    /// Waypoint's reading.
    #[serde(default)]
    pub opposed_by: Vec<String>,
}

/// Whose the links between features are, shown wherever they are used.
pub const LINKS_NOTE: &str = "Which answers contradict each other, and which later features show that a school has moved past an earlier one, is Waypoint's reading of Carter's features, not Carter's.";

/// The whole four-stage framework.
#[derive(Clone, Debug, Deserialize)]
pub struct Framework {
    pub source: String,
    pub stages: Vec<StageInfo>,
    pub themes: Vec<Theme>,
    pub features: Vec<Feature>,
}

impl Framework {
    /// Parses a framework document; used for the embedded file and in tests.
    pub fn from_json(json: &str) -> Result<Framework, serde_json::Error> {
        serde_json::from_str(json)
    }

    pub fn features_of_stage(&self, stage: Stage) -> impl Iterator<Item = &Feature> {
        self.features.iter().filter(move |f| f.stage == stage)
    }

    pub fn features_of_theme<'a>(&'a self, theme: &'a str) -> impl Iterator<Item = &'a Feature> {
        self.features
            .iter()
            .filter(move |f| f.themes.iter().any(|t| t == theme))
    }

    /// The one-line summary of a stage, in Waypoint's words.
    pub fn summary(&self, stage: Stage) -> &str {
        self.stages
            .iter()
            .find(|s| s.id == stage)
            .map_or("", |s| s.summary.as_str())
    }

    pub fn feature(&self, id: &str) -> Option<&Feature> {
        self.features.iter().find(|f| f.id == id)
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }
}

const FOUR_STAGES_JSON: &str = include_str!("../../../content/four_stages.json");

/// The embedded four-stage framework, parsed once on first use.
pub fn four_stages() -> &'static Framework {
    static FRAMEWORK: OnceLock<Framework> = OnceLock::new();
    FRAMEWORK.get_or_init(|| {
        Framework::from_json(FOUR_STAGES_JSON).expect("content/four_stages.json is valid")
    })
}
