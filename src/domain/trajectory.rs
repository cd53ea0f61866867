//! A school's performance over time against Carter's bands (Floor, Coasting, National
//! average, Top 15%), and which of his eight improvement journeys (A–H) it follows.
//!
//! The rules (also shown to users, see [`RULES`]) look only at the order of bands, so
//! they work the same for years, terms or half terms. Where a series is too short or
//! moves in no clear pattern, the classification says so instead of guessing.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// A performance band, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Floor,
    Coasting,
    NationalAverage,
    Top15,
}

impl Band {
    pub const ALL: [Band; 4] = [
        Band::Floor,
        Band::Coasting,
        Band::NationalAverage,
        Band::Top15,
    ];

    pub fn level(self) -> i32 {
        self as i32
    }

    pub fn name(self) -> &'static str {
        match self {
            Band::Floor => "Floor",
            Band::Coasting => "Coasting",
            Band::NationalAverage => "National average",
            Band::Top15 => "Top 15%",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Band::Floor => "floor",
            Band::Coasting => "coasting",
            Band::NationalAverage => "national_average",
            Band::Top15 => "top15",
        }
    }

    pub fn from_id(id: &str) -> Option<Band> {
        Band::ALL.into_iter().find(|b| b.id() == id)
    }
}

/// Thresholds for turning a measure (e.g. % meeting the expected standard) into bands:
/// a value at or above a threshold is in that band or higher.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    pub measure: String,
    pub coasting: f64,
    pub national_average: f64,
    pub top15: f64,
}

impl Thresholds {
    /// The band of a value, or an explanation if the thresholds are not in order.
    pub fn band(&self, value: f64) -> Result<Band, String> {
        if !(self.coasting < self.national_average && self.national_average < self.top15) {
            return Err(
                "the thresholds must rise from coasting to national average to top 15%".into(),
            );
        }
        Ok(if value >= self.top15 {
            Band::Top15
        } else if value >= self.national_average {
            Band::NationalAverage
        } else if value >= self.coasting {
            Band::Coasting
        } else {
            Band::Floor
        })
    }
}

/// One point of the series: a period (e.g. "2023" or "Spring 2025") and its band or value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub period: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<Band>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

/// A school's performance trajectory and the capacity it offers or needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trajectory {
    pub id: String,
    /// The id of the school whose results these are.
    #[serde(default)]
    pub school_id: String,
    /// The school's name in format 4 and older; read once by the migration, never written.
    #[serde(default, rename = "school", skip_serializing)]
    pub legacy_school: Option<String>,
    /// When set, points are entered as values and banded with these thresholds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thresholds: Option<Thresholds>,
    #[serde(default)]
    pub points: Vec<Point>,
    /// Contributions (from the seed's list) the school offers, or needs.
    #[serde(default)]
    pub capacity: BTreeSet<String>,
    pub updated_ms: f64,
}

impl Trajectory {
    pub fn new(id: String, school_id: &str, now_ms: f64) -> Trajectory {
        Trajectory {
            id,
            school_id: school_id.to_string(),
            legacy_school: None,
            thresholds: None,
            points: Vec::new(),
            capacity: BTreeSet::new(),
            updated_ms: now_ms,
        }
    }

    /// The band of each point, using the thresholds when values are entered.
    pub fn bands(&self) -> Vec<Option<Band>> {
        self.points
            .iter()
            .map(|p| match (&self.thresholds, p.value) {
                (Some(t), Some(v)) => t.band(v).ok(),
                _ => p.band,
            })
            .collect()
    }
}

/// Journey content kept verbatim in `content/journeys.json`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Journey {
    pub letter: char,
    pub name: String,
    pub description: String,
    pub question: String,
    pub capacity: Vec<String>,
    pub role: Role,
}

/// Whether a journey's schools give capacity to the system or take it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Giver,
    Taker,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Giver => "Likely capacity giver",
            Role::Taker => "Likely capacity taker",
        }
    }
}

/// A group of the contributions capacity givers make.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ContributionGroup {
    pub name: String,
    pub items: Vec<String>,
}

/// The journeys and the contributions of capacity givers (band names are [`Band::name`]).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct JourneyContent {
    pub source: String,
    pub journeys: Vec<Journey>,
    pub contributions: Vec<ContributionGroup>,
}

impl JourneyContent {
    pub fn journey(&self, letter: char) -> &Journey {
        self.journeys
            .iter()
            .find(|j| j.letter == letter)
            .expect("journeys A to H are in the content")
    }
}

const JOURNEYS_JSON: &str = include_str!("../../content/journeys.json");

/// The embedded journey content, parsed once.
pub fn journeys() -> &'static JourneyContent {
    static CONTENT: OnceLock<JourneyContent> = OnceLock::new();
    CONTENT.get_or_init(|| {
        serde_json::from_str(JOURNEYS_JSON).expect("content/journeys.json is valid")
    })
}

/// The classification rules, in the words shown to users.
pub const RULES: [&str; 10] = [
    "At least three points with a band are needed; fewer cannot show a trajectory.",
    "A, Strongest Performers: every point is in the Top 15%.",
    "H, Weakest System Performers: every point is at Floor or Coasting, at least half are at Floor, and it ends no higher than it started.",
    "B, Rapid improvers: it ends at least two bands higher than it started, with a rise of two or more bands between two consecutive points.",
    "C, Rapid Decliners: it ends at least two bands lower than it started, with a fall of two or more bands between two consecutive points.",
    "F, Steady Improvers: it ends higher than it started and never falls, one band at a time.",
    "D, Slow Decliners: it ends lower than it started and never rises, one band at a time.",
    "G, Improver Decliners: it rises to a peak below the Top 15% and then falls back.",
    "E, Steady and Secure: every point is at National average or above, without a sustained rise or fall.",
    "Anything else moves up and down in no clear pattern: Waypoint names the closest journeys instead of choosing one.",
];

/// What the data says about a school's journey.
#[derive(Clone, Debug, PartialEq)]
pub enum Classification {
    /// Too few points with a band.
    TooShort { points: usize },
    /// One journey fits; `reason` says which rule matched.
    Journey { letter: char, reason: String },
    /// No rule fits; the closest journeys and why.
    Ambiguous { reason: String, closest: Vec<char> },
}

/// Applies [`RULES`] in order to a series of bands (missing bands are skipped).
pub fn classify(bands: &[Option<Band>]) -> Classification {
    let levels: Vec<i32> = bands.iter().flatten().map(|b| b.level()).collect();
    let n = levels.len();
    if n < 3 {
        return Classification::TooShort { points: n };
    }
    let (first, last) = (levels[0], levels[n - 1]);
    let net = last - first;
    let steps: Vec<i32> = levels.windows(2).map(|w| w[1] - w[0]).collect();
    let biggest_rise = steps.iter().copied().max().unwrap_or(0).max(0);
    let biggest_fall = (-steps.iter().copied().min().unwrap_or(0)).max(0);
    let max = *levels.iter().max().expect("non-empty");
    let min = *levels.iter().min().expect("non-empty");
    let at_floor = levels.iter().filter(|&&l| l == 0).count();
    let peak_index = levels.iter().position(|&l| l == max).expect("non-empty");
    let found = |letter: char, reason: String| Classification::Journey { letter, reason };

    if min == 3 {
        return found('A', format!("all {n} points are in the Top 15%"));
    }
    if max <= 1 && at_floor * 2 >= n && net <= 0 {
        return found(
            'H',
            format!("{at_floor} of {n} points are at Floor and none reaches National average"),
        );
    }
    if net >= 2 && biggest_rise >= 2 {
        return found('B', format!("it rose {net} bands overall, {biggest_rise} of them between two consecutive points"));
    }
    if net <= -2 && biggest_fall >= 2 {
        return found(
            'C',
            format!(
                "it fell {} bands overall, {biggest_fall} of them between two consecutive points",
                -net
            ),
        );
    }
    if net >= 1 && biggest_fall == 0 && biggest_rise <= 1 {
        return found(
            'F',
            format!(
                "it rose {net} band{} one step at a time and never fell",
                plural(net)
            ),
        );
    }
    if net <= -1 && biggest_rise == 0 && biggest_fall <= 1 {
        return found(
            'D',
            format!(
                "it fell {} band{} one step at a time and never recovered",
                -net,
                plural(-net)
            ),
        );
    }
    if max < 3 && peak_index > 0 && max > first && last < max {
        return found(
            'G',
            format!(
                "it rose to {} and then fell back to {} without reaching the Top 15%",
                Band::ALL[max as usize].name(),
                Band::ALL[last as usize].name()
            ),
        );
    }
    if min >= 2 && net.abs() <= 1 {
        return found(
            'E',
            "every point is at National average or above, without a sustained rise or fall".into(),
        );
    }
    let closest = match net.signum() {
        1 => vec!['F', 'B'],
        -1 => vec!['D', 'C'],
        _ if max <= 1 => vec!['D', 'H'],
        _ => vec!['E', 'G'],
    };
    Classification::Ambiguous {
        reason: format!(
            "the series moves up and down (from {} to {}) in no pattern that one journey describes",
            Band::ALL[first as usize].name(),
            Band::ALL[last as usize].name()
        ),
        closest,
    }
}

fn plural(n: i32) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
