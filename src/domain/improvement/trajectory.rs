//! A school's performance over time against the four bands on Carter's performance
//! trajectory schematic (Floor, Coasting, National average, Top 15%), and which of his eight improvement journeys (A–H) it follows.
//!
//! The rules (also shown to users, see [`RULES`]) read the series in time: how far it
//! moved and how fast, from each point's date (or a period that reads as one, such as
//! "2024" or "Spring 2025"). Without dates they fall back on the order of the points and
//! say that speed is unknown. Where a series is too short or moves in no clear pattern,
//! the classification says so, and which journeys are close and why, instead of guessing.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use crate::domain::base::content::Stage;
use crate::domain::base::dates::OptionalDay;
use crate::domain::checklist::assessment::{Assessment, Level};
use std::sync::OnceLock;
use strum::{EnumString, IntoStaticStr};

/// A performance band, lowest first.
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
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
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
        self.into()
    }

    pub fn from_id(id: &str) -> Option<Band> {
        id.parse().ok()
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
    /// When the results were published, if given (stored yyyy-mm-dd); otherwise the
    /// period is read as a date where it can be (see [`period_year`]). Text an older
    /// version stored that is not a date is kept as stored (see [`OptionalDay`]).
    #[serde(default, skip_serializing_if = "OptionalDay::is_unwritten")]
    pub date: OptionalDay,
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

    /// The points with a band, placed in time where their dates can be read; in date
    /// order when every one of them has a date, otherwise in the order entered.
    pub fn series(&self) -> Vec<Dated> {
        let mut series: Vec<Dated> = self
            .points
            .iter()
            .zip(self.bands())
            .filter_map(|(p, band)| {
                Some(Dated {
                    period: p.period.clone(),
                    band: band?,
                    year: p.year(),
                })
            })
            .collect();
        if series.iter().all(|d| d.year.is_some()) {
            // Insertion sort, stable: series are short, and this keeps a sort out of the wasm.
            for i in 1..series.len() {
                let mut j = i;
                while j > 0 && series[j - 1].year > series[j].year {
                    series.swap(j - 1, j);
                    j -= 1;
                }
            }
        }
        series
    }

    /// The journey this trajectory follows, read in time.
    pub fn reading(&self) -> Reading {
        read_series(&self.series())
    }
}

impl Point {
    /// When the point's results came, in years (e.g. 2024.55), from its date or period.
    pub fn year(&self) -> Option<f64> {
        self.date
            .day()
            .and_then(|day| period_year(&day.iso()))
            .or_else(|| period_year(&self.period))
    }
}

/// Reads a date or a period as a time in years: a date (2024-07-15); a year (2024, read
/// as its summer, when results come); an academic year (2023/24, 2023-24: its summer); or
/// a term and year (Autumn 2024, Spring 2025, Summer 2025). `None` for anything else.
pub fn period_year(text: &str) -> Option<f64> {
    let text = text.trim().to_ascii_lowercase();
    if let Some(day) = crate::domain::base::dates::day_number(&text) {
        return Some(1970.0 + day as f64 / 365.25);
    }
    let mut numbers = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .map(|w| w.parse::<u32>().ok());
    let first = numbers.next()??;
    if !(1990..=2100).contains(&first) {
        return None;
    }
    // A second number that is the next year makes an academic year (2023/24, 2023-2024).
    let academic = match numbers.next() {
        None => false,
        Some(Some(next)) if next == first + 1 || next == (first + 1) % 100 => true,
        Some(_) => return None,
    };
    if numbers.next().is_some() {
        return None;
    }
    let term = [("aut", 0.9), ("fall", 0.9), ("spr", 0.25), ("sum", 0.55)]
        .into_iter()
        .find(|(word, _)| text.contains(word))
        .map(|(_, t)| t);
    let year = f64::from(first);
    Some(match (academic, term) {
        (false, t) => year + t.unwrap_or(0.55),
        (true, Some(t)) if t > 0.8 => year + t,
        (true, t) => year + 1.0 + t.unwrap_or(0.55),
    })
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

const JOURNEYS_JSON: &str = include_str!("../../../content/journeys.json");

/// The embedded journey content, parsed once.
pub fn journeys() -> &'static JourneyContent {
    static CONTENT: OnceLock<JourneyContent> = OnceLock::new();
    CONTENT.get_or_init(|| {
        serde_json::from_str(JOURNEYS_JSON).expect("content/journeys.json is valid")
    })
}

/// A change of two or more bands at this pace (bands a year) or faster is quick.
pub const QUICK_BANDS_PER_YEAR: f64 = 0.75;

/// The classification rules, in the words shown to users. They are Waypoint's reading of
/// Carter's journeys: he names and describes them, but gives no rules.
pub const RULES: [&str; 12] = [
    "At least three points with a band are needed; fewer cannot show a trajectory.",
    "Speed comes from the dates: each point's date of results, or a period Waypoint can read as one (a year such as 2024, an academic year such as 2023/24, or a term such as Spring 2025). A move of two or more bands is quick at three quarters of a band a year or faster: two bands within two and a half years, three within four. When a point has no readable date, speed is unknown, and a move counts as quick only if it is two bands between consecutive points.",
    "A, Strongest Performers: every point is in the Top 15%.",
    "H, Weakest System Performers: every point is at Floor or Coasting, at least half are at Floor, and it ends no higher than it started.",
    "G, Improver Decliners (stalled): it rose to National average and its last two or more points stay there, below the Top 15%.",
    "B, Rapid improvers: it ends at least two bands higher than it started, and rose two or more bands quickly.",
    "C, Rapid Decliners: it ends at least two bands lower than it started, and fell two or more bands quickly.",
    "One result does not make a trend: when every point but the last is in one band and the last is one band away, Waypoint names the journeys on either side instead of choosing.",
    "G, Improver Decliners (fell back): it rose to a peak below the Top 15% and then fell back.",
    "F, Steady Improvers: it ends higher than it started, never falls, and is still rising at the end (or has reached the Top 15%).",
    "D, Slow Decliners: it ends lower than it started, never rises, and its last two points are both below the first: a decline that has lasted.",
    "E, Steady and Secure: every point is at National average or above, without a sustained rise or fall. Anything else moves in no clear pattern: Waypoint names the closest journeys and why.",
];

/// A journey that is close to an ambiguous series, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Near {
    pub letter: char,
    pub why: &'static str,
}

/// What the data says about a school's journey.
#[derive(Clone, Debug, PartialEq)]
pub enum Classification {
    /// Too few points with a band.
    TooShort { points: usize },
    /// One journey fits; `reason` says which rule matched.
    Journey { letter: char, reason: String },
    /// No rule fits; the closest journeys and why.
    Ambiguous { reason: String, closest: Vec<Near> },
}

impl Classification {
    pub fn letter(&self) -> Option<char> {
        match self {
            Classification::Journey { letter, .. } => Some(*letter),
            _ => None,
        }
    }
}

/// A point with a band, placed in time when its date can be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Dated {
    pub period: String,
    pub band: Band,
    /// In years, e.g. 2024.55; `None` when neither a date nor the period can be read.
    pub year: Option<f64>,
}

/// A journey read from a series in time, with how fast it moved (or why that is unknown).
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub classification: Classification,
    /// True when every point has a readable date, so speed is known.
    pub timed: bool,
    /// How fast it moved, or why speed is unknown, in words.
    pub speed: String,
    /// The band of the latest point, and its period.
    pub latest: Option<(String, Band)>,
    /// True when read from dated stages set beside the bands ([`stage_reading`]).
    pub from_stages: bool,
}

/// Applies [`RULES`] to a series of bands with no dates (missing bands are skipped):
/// speed is unknown, so only consecutive points are compared.
pub fn classify(bands: &[Option<Band>]) -> Classification {
    let series: Vec<Dated> = bands
        .iter()
        .flatten()
        .map(|&band| Dated {
            period: String::new(),
            band,
            year: None,
        })
        .collect();
    read_series(&series).classification
}

/// A move of two or more bands between two points.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Move {
    bands: i32,
    /// Years between the two points, when the series is timed.
    years: Option<f64>,
    from: usize,
    to: usize,
}

/// The quickest move of two or more bands in one direction (`sign` 1 up, -1 down).
fn quick_move(series: &[Dated], levels: &[i32], sign: i32, timed: bool) -> Option<Move> {
    let mut best: Option<(f64, Move)> = None;
    for from in 0..levels.len() {
        for to in from + 1..levels.len() {
            let bands = (levels[to] - levels[from]) * sign;
            if bands < 2 {
                continue;
            }
            let pace = if timed {
                let years = series[to].year.unwrap_or(0.0) - series[from].year.unwrap_or(0.0);
                let pace = if years <= 0.0 {
                    f64::INFINITY
                } else {
                    f64::from(bands) / years
                };
                (pace >= QUICK_BANDS_PER_YEAR - 1e-9).then_some((pace, Some(years)))
            } else {
                (to == from + 1).then_some((f64::from(bands), None))
            };
            if let Some((pace, years)) = pace {
                if best.as_ref().is_none_or(|(b, _)| pace > *b) {
                    best = Some((
                        pace,
                        Move {
                            bands,
                            years,
                            from,
                            to,
                        },
                    ));
                }
            }
        }
    }
    best.map(|(_, m)| m)
}

fn name(level: i32) -> &'static str {
    Band::ALL[level.clamp(0, 3) as usize].name()
}

/// Applies [`RULES`] in order to a series in time.
pub fn read_series(series: &[Dated]) -> Reading {
    let timed = !series.is_empty() && series.iter().all(|d| d.year.is_some());
    let levels: Vec<i32> = series.iter().map(|d| d.band.level()).collect();
    let rise = quick_move(series, &levels, 1, timed);
    let fall = quick_move(series, &levels, -1, timed);
    let speed = if timed {
        match rise.or(fall) {
            Some(m) => format!("Speed from the dates: {}.", quick_words(m, series)),
            None => "Speed from the dates: no move of two or more bands was quick.".into(),
        }
    } else {
        let undated: Vec<&str> = series
            .iter()
            .filter(|d| d.year.is_none() && !d.period.is_empty())
            .map(|d| d.period.as_str())
            .take(3)
            .collect();
        format!(
            "Speed unknown: {} no readable date, so Waypoint compares consecutive points instead. Give each point a date (or a period such as 2024 or Spring 2025) to see how fast it moved.",
            if undated.is_empty() {
                "the points have".to_string()
            } else {
                format!("“{}” has", undated.join("”, “"))
            }
        )
    };
    let classification = classify_levels(
        &levels,
        rise.map(|m| quick_words(m, series)),
        fall.map(|m| quick_words(m, series)),
    );
    Reading {
        classification,
        timed,
        speed,
        latest: series.last().map(|d| (d.period.clone(), d.band)),
        from_stages: false,
    }
}

/// The rules on the levels alone, given the quick rise and fall found (in words).
fn classify_levels(levels: &[i32], rise: Option<String>, fall: Option<String>) -> Classification {
    let n = levels.len();
    if n < 3 {
        return Classification::TooShort { points: n };
    }
    let (first, last) = (levels[0], levels[n - 1]);
    let net = last - first;
    let ever_rises = levels.windows(2).any(|w| w[1] > w[0]);
    let ever_falls = levels.windows(2).any(|w| w[1] < w[0]);
    let max = *levels.iter().max().expect("non-empty");
    let min = *levels.iter().min().expect("non-empty");
    let at_floor = levels.iter().filter(|&&l| l == 0).count();
    let peak_index = levels.iter().position(|&l| l == max).expect("non-empty");
    let found = |letter: char, reason: String| Classification::Journey { letter, reason };
    let unsure = |reason: String, closest: [(char, &'static str); 2]| Classification::Ambiguous {
        reason,
        closest: closest
            .into_iter()
            .map(|(letter, why)| Near { letter, why })
            .collect(),
    };
    let (from, to, peak) = (name(first), name(last), name(max));

    if min == 3 {
        return found('A', format!("all {n} points are in the Top 15%"));
    }
    if max <= 1 && at_floor * 2 >= n && net <= 0 {
        return found(
            'H',
            format!("{at_floor} of {n} points are at Floor and none reaches National average"),
        );
    }
    if last == 2 && max == 2 && first < 2 && levels[n - 2] == 2 {
        return found(
            'G',
            format!("it rose from {from} to National average and has stayed there: a stall below the Top 15%"),
        );
    }
    match (net, rise, fall) {
        (2.., Some(quick), _) => {
            return found('B', format!("it rose {net} bands overall, {quick}"))
        }
        (..=-2, _, Some(quick)) => {
            return found('C', format!("it fell {} bands overall, {quick}", -net))
        }
        _ => {}
    }
    if levels[..n - 1].iter().all(|&l| l == first) && net.abs() == 1 {
        let before = match first {
            3 => ('A', "every point but the last is in the Top 15%"),
            2 => (
                'E',
                "it was steady at National average until the last point",
            ),
            1 if net > 0 => (
                'D',
                "it was level at Coasting, a lack of momentum, until the last point",
            ),
            _ => ('H', "it was below National average until the last point"),
        };
        let after = if net > 0 {
            (
                'F',
                "a rise of one band: if the next result holds or rises, this is steady improvement",
            )
        } else {
            (
                'D',
                "a fall of one band: if the next result is lower too, this is a slow decline",
            )
        };
        return unsure(
            format!("every point was at {from} until the last, at {to}: one result does not yet make a trend"),
            [before, after],
        );
    }
    if max < 3 && peak_index > 0 && max > first && last < max {
        return found(
            'G',
            format!("it rose to {peak} and then fell back to {to} without reaching the Top 15%"),
        );
    }
    if net >= 1 && !ever_falls && (last > levels[n - 2] || last == 3) {
        return found(
            'F',
            format!("it rose from {from} to {to}, never fell, and is still rising"),
        );
    }
    if net <= -1 && !ever_rises && levels[n - 2] < first {
        return found(
            'D',
            format!("it fell slowly from {from} to {to}, never recovered, and its last two points are both below where it started"),
        );
    }
    if min >= 2 && net.abs() <= 1 {
        return found(
            'E',
            "every point is at National average or above, without a sustained rise or fall".into(),
        );
    }
    let closest = if net > 0 {
        [
            ('F', "it ends higher than it started"),
            if max <= 1 {
                ('H', "it has not yet reached National average")
            } else if ever_falls {
                ('G', "it fell back on the way")
            } else {
                ('G', "it has stopped rising below the Top 15%")
            },
        ]
    } else if net < 0 {
        [
            ('D', "it ends lower than it started"),
            if levels.windows(2).any(|w| w[0] - w[1] >= 2) {
                ('C', "it fell two or more bands between two points")
            } else if ever_rises {
                ('G', "it rose before falling")
            } else {
                ('H', "it is at Floor or Coasting")
            },
        ]
    } else if max <= 1 {
        [
            (
                'D',
                "it ends where it started, below National average: a lack of momentum",
            ),
            ('H', "it never reaches National average"),
        ]
    } else {
        [
            ('E', "it ends where it started"),
            ('G', "it rose and came back"),
        ]
    };
    unsure(
        format!("the series moves up and down (from {from} to {to}) in no pattern that one journey describes"),
        closest,
    )
}

/// "Floor (2022)".
fn describe(point: &Dated) -> String {
    if point.period.is_empty() {
        point.band.name().to_string()
    } else {
        format!("{} ({})", point.band.name(), point.period)
    }
}

/// "from Floor (2022) to Top 15% (2024), 3 bands in 2.0 years".
fn quick_words(m: Move, series: &[Dated]) -> String {
    let years = m
        .years
        .map_or("between two consecutive points".into(), |y| {
            format!("in {y:.1} years")
        });
    format!(
        "from {} to {}, {} bands {years}",
        describe(&series[m.from]),
        describe(&series[m.to]),
        m.bands
    )
}

/// What a school can give now, or needs: Waypoint's suggestion from Carter's journeys and
/// the latest result, in the words of [`ROLE_RULE`].
#[derive(Clone, Debug, PartialEq)]
pub struct RoleSuggestion {
    pub role: Role,
    pub text: String,
}

/// How the role is suggested, in the words shown to users.
pub const ROLE_RULE: &str = "Waypoint's suggestion, from Carter's journeys and the latest result: a school on journey C, D or H, or whose latest result is at Floor or Coasting, needs capacity now; one on journey A, B, E, F or G whose latest result is at National average or above can give capacity now. What it can give, or needs, is said in Carter's terms. With no clear journey and a latest result at National average or above, no role is suggested.";

/// Carter's words on a journey's role, quoted: “These schools are potentially Capacity
/// Givers because …”.
pub fn carter_on(letter: char) -> String {
    let journey = journeys().journey(letter);
    format!(
        "Carter on journey {letter} ({}): {}",
        journey.name,
        journey
            .capacity
            .iter()
            .map(|c| format!("“{}”", c.trim_end_matches('.')))
            .collect::<Vec<_>>()
            .join(" ")
    )
}

/// The role the school can play now, by [`ROLE_RULE`], with Carter's words on its journey.
pub fn suggest_role(reading: &Reading) -> Option<RoleSuggestion> {
    let (_, latest) = reading.latest.as_ref()?;
    let letter = reading.classification.letter();
    let with_carter = |text: String| match letter {
        Some(l) => format!("{text} {}.", carter_on(l)),
        None => text,
    };
    if matches!(letter, Some('C' | 'D' | 'H')) {
        return Some(RoleSuggestion {
            role: Role::Taker,
            text: with_carter("Needs capacity now.".into()),
        });
    }
    if *latest <= Band::Coasting {
        return Some(RoleSuggestion {
            role: Role::Taker,
            text: with_carter(if reading.from_stages {
                format!(
                    "Needs capacity now: its latest stage is {}.",
                    paired_stage(*latest)
                )
            } else {
                format!(
                    "Needs capacity now: its latest result is at {}.",
                    latest.name()
                )
            }),
        });
    }
    letter?;
    Some(RoleSuggestion {
        role: Role::Giver,
        text: with_carter("Can give now.".into()),
    })
}

/// How a journey is read from dated stage assessments, in the words shown to users.
pub const STAGE_JOURNEY_RULE: &str = "Where a school has dated whole-school assessments, Waypoint also reads a journey from its stages, by the same rules, with each stage set beside a band by Waypoint's reading of the schematic (Stabilise beside Floor, Repair beside Coasting, Improve beside National average, Sustain beside Top 15%): Carter draws the stages and the bands on one chart but does not pair them.";

/// A journey read from dated stages (oldest first), each set beside a band by
/// [`STAGE_JOURNEY_RULE`]; the period of each point names its stage and date.
pub fn stage_reading(stages: &[(String, Stage)]) -> Reading {
    let series: Vec<Dated> = stages
        .iter()
        .map(|(date, stage)| Dated {
            period: format!("{stage}, {}", crate::domain::base::dates::display(date)),
            band: paired_band(*stage),
            year: period_year(date),
        })
        .collect();
    Reading {
        from_stages: true,
        ..read_series(&series)
    }
}

/// How the self-assessed stage and answers are set against the results, in the words
/// shown to users.
pub const DATA_RULE: &str = "Carter's own tests of results are in his observable features: Stabilise has “Poor student outcomes at KS2/KS4 – below floor and/or coasting”, Improve has “Student outcomes are above floor and there is confidence that this can be sustained by younger children in the school”, and Sustain has “Outcomes for all learners are good, the school is consistently above floor and no groups of learners significantly underperform”. Where the school has results in its performance trajectory, Waypoint sets the answers and the stage of its whole-school assessment against them and says where they disagree: a stage of Improve or Sustain with the latest result at Floor or Coasting; an answer that the results contradict. Reading “consistently above floor” as every result entered being above Floor is Waypoint's.";

/// The band set beside a stage, by [`STAGE_JOURNEY_RULE`].
pub fn paired_band(stage: Stage) -> Band {
    Band::ALL[stage.index()]
}

/// The stage set beside a band, by [`STAGE_JOURNEY_RULE`].
pub fn paired_stage(band: Band) -> Stage {
    Stage::ALL[band.level() as usize]
}

/// Carter's outcomes features, by id in the content.
const POOR_OUTCOMES: &str = "stabilise-6";
const ABOVE_FLOOR: &str = "improve-4";
const CONSISTENTLY_ABOVE_FLOOR: &str = "sustain-4";

/// Where the answers and the results disagree, by Carter's own features.
#[derive(Clone, Debug, PartialEq)]
pub enum DataFinding {
    /// Placed at Improve or Sustain with the latest result at Floor or Coasting.
    StageWithPoorOutcomes,
    /// A feature answered as seen that the results contradict, or Carter's Stabilise
    /// outcomes feature answered not seen while the results show it.
    Answer {
        feature_id: String,
        text: String,
        level: Level,
        /// Why the results contradict it.
        why: String,
    },
}

/// A self-assessment set against the school's results.
#[derive(Clone, Debug, PartialEq)]
pub struct DataCheck {
    /// The self-assessed stage, if the answers give one.
    pub stage: Option<Stage>,
    pub band: Band,
    /// The period of the latest result.
    pub period: String,
    pub findings: Vec<DataFinding>,
}

impl DataCheck {
    /// True when the answers or the stage disagree with the results.
    pub fn flagged(&self) -> bool {
        !self.findings.is_empty()
    }

    fn at(&self) -> String {
        format!(
            "{} {} ({})",
            if self.band == Band::Top15 {
                "in the"
            } else {
                "at"
            },
            self.band.name(),
            self.period
        )
    }

    /// Briefly, for a table: "⚠ Sustain, but results at Floor (2023): 2 answers disagree".
    pub fn short(&self) -> String {
        format!(
            "⚠ {}, but results {}: {}",
            self.stage.map_or("No stage yet", Stage::name),
            self.at(),
            self.findings
                .iter()
                .map(|f| match f {
                    DataFinding::StageWithPoorOutcomes =>
                        "Carter lists such outcomes under Stabilise".to_string(),
                    DataFinding::Answer { text, .. } => format!("“{}” disagrees", short_text(text)),
                })
                .collect::<Vec<_>>()
                .join("; ")
        )
    }

    /// Each disagreement in words, quoting Carter.
    pub fn messages(&self) -> Vec<String> {
        self.findings
            .iter()
            .map(|f| match f {
                DataFinding::StageWithPoorOutcomes => format!(
                    "Self-assessed {}, but the latest result is {}. Carter lists “Poor student outcomes at KS2/KS4 – below floor and/or coasting” as a feature of Stabilise: check the stage against the results.",
                    self.stage.map_or("No stage yet", Stage::name),
                    self.at()
                ),
                DataFinding::Answer { text, level, why, .. } => format!(
                    "“{text}” is answered {}, but {why}. Check the answer against the results.",
                    match level {
                        Level::NotSeen => "not seen".to_string(),
                        other => format!("{} seen", other.label().to_lowercase()),
                    }
                ),
            })
            .collect()
    }

    /// Every disagreement in one paragraph.
    pub fn message(&self) -> String {
        self.messages().join(" ")
    }
}

/// The first words of a feature, for a table cell.
fn short_text(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 6 {
        text.to_string()
    } else {
        format!("{}…", words[..6].join(" "))
    }
}

/// The stage and answers of an assessment set against the trajectory's results, by
/// Carter's outcomes features ([`DATA_RULE`]); `None` without a result.
pub fn check_against_data(
    stage: Option<Stage>,
    assessment: &Assessment,
    trajectory: &Trajectory,
) -> Option<DataCheck> {
    let series = trajectory.series();
    let (period, band) = trajectory.reading().latest?;
    let framework = crate::domain::base::content::four_stages();
    let text = |id: &str| {
        framework
            .feature(id)
            .map_or(String::new(), |f| f.text.clone())
    };
    let mut findings = Vec::new();
    if stage.is_some_and(|s| s >= Stage::Improve) && band <= Band::Coasting {
        findings.push(DataFinding::StageWithPoorOutcomes);
    }
    let latest_words = format!("the latest result ({period}) is {}", band.name());
    let answer = |id: &str| assessment.level(id).filter(|l| *l != Level::NotApplicable);
    match answer(POOR_OUTCOMES) {
        Some(Level::NotSeen) if band <= Band::Coasting => findings.push(DataFinding::Answer {
            feature_id: POOR_OUTCOMES.into(),
            text: text(POOR_OUTCOMES),
            level: Level::NotSeen,
            why: latest_words.clone(),
        }),
        Some(level) if level.is_seen() && band >= Band::NationalAverage => {
            findings.push(DataFinding::Answer {
                feature_id: POOR_OUTCOMES.into(),
                text: text(POOR_OUTCOMES),
                level,
                why: latest_words.clone(),
            })
        }
        _ => {}
    }
    if let Some(level) = answer(ABOVE_FLOOR).filter(|l| l.is_seen()) {
        if band == Band::Floor {
            findings.push(DataFinding::Answer {
                feature_id: ABOVE_FLOOR.into(),
                text: text(ABOVE_FLOOR),
                level,
                why: latest_words.clone(),
            });
        }
    }
    if let Some(level) = answer(CONSISTENTLY_ABOVE_FLOOR).filter(|l| l.is_seen()) {
        let at_floor: Vec<&str> = series
            .iter()
            .filter(|d| d.band == Band::Floor)
            .map(|d| d.period.as_str())
            .collect();
        if !at_floor.is_empty() {
            findings.push(DataFinding::Answer {
                feature_id: CONSISTENTLY_ABOVE_FLOOR.into(),
                text: text(CONSISTENTLY_ABOVE_FLOOR),
                level,
                why: format!(
                    "the school is not consistently above floor: its results were at Floor in {}",
                    at_floor.join(", ")
                ),
            });
        }
    }
    Some(DataCheck {
        stage,
        band,
        period,
        findings,
    })
}
