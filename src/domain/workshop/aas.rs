//! Carter's Autonomy–Alignment–Standardisation tool: the content (kept verbatim in
//! `content/aas.json`), where members place each practice on the spectrum now and
//! where they want it, and what a board sees: positions, gaps and disagreement.
//!
//! Every statement of the three columns (STANDARDISED, ALIGNED, AUTONOMY) is a *practice*
//! the board places, now and wanted; the column the source lists it in is shown as
//! Carter's suggestion (see [`COLUMN_NOTE`]). The two in-between positions are Waypoint's
//! (see [`POSITIONS_NOTE`]).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;
use strum::{EnumString, IntoStaticStr};

use crate::domain::base::dates::{self, Day};

/// The three columns of the seed's tables.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Columns<T> {
    pub standardised: T,
    pub aligned: T,
    pub autonomy: T,
}

/// One statement of the tables, verbatim.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Statement {
    pub id: String,
    pub text: String,
}

/// A part of a strategic focus area (most areas have one; raising standards has three).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Part {
    pub id: String,
    pub name: String,
    pub questions: Columns<String>,
    pub headings: Columns<String>,
    pub standardised: Vec<Statement>,
    pub aligned: Vec<Statement>,
    pub autonomy: Vec<Statement>,
}

/// One of the four strategic focus areas.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Area {
    pub id: String,
    pub name: String,
    pub parts: Vec<Part>,
}

/// What one position of the spectrum means, in the seed's words.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PositionMeaning {
    pub id: String,
    pub name: String,
    pub meaning: Vec<String>,
}

/// The whole tool with the framing a board needs.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct AasFramework {
    pub source: String,
    pub key_factors: Vec<String>,
    pub positions: Vec<PositionMeaning>,
    pub benefits: Vec<String>,
    pub challenges_intro: String,
    pub challenges: Vec<String>,
    pub alignment_intro: Vec<String>,
    pub alignment_focus_areas: Vec<String>,
    pub areas: Vec<Area>,
}

/// How the practices use Carter's columns, in the words shown to users.
pub const COLUMN_NOTE: &str = "Every statement in Carter's tables is a practice to place: the standardised ones, and the aligned and autonomy ones too. The column the source lists it in is shown as Carter's suggestion; the board may place it anywhere on the spectrum.";

/// Whose the positions are, in the words shown to users.
pub const POSITIONS_NOTE: &str = "Carter names three positions: autonomy, alignment and standardisation. “Partly aligned” and “Largely standardised” are Waypoint's in-between steps, not Carter's.";

/// Whose the question's wording is, in the words shown to users.
pub const WORDING_NOTE: &str =
    "Waypoint's wording: how to read the question for this kind of statement.";

/// The column of Carter's tables a statement is listed in: his suggestion for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Standardised,
    Aligned,
    Autonomy,
}

impl Column {
    pub const ALL: [Column; 3] = [Column::Standardised, Column::Aligned, Column::Autonomy];

    /// "Carter's suggestion: aligned".
    pub fn suggestion(self) -> &'static str {
        match self {
            Column::Standardised => "Carter's suggestion: standardised",
            Column::Aligned => "Carter's suggestion: aligned",
            Column::Autonomy => "Carter's suggestion: autonomy",
        }
    }

    /// What kind of statement the column lists, in Waypoint's words.
    pub fn kind(self) -> &'static str {
        match self {
            Column::Standardised => "A feature of the trust's strategy",
            Column::Aligned => "How an academy aligns with the trust",
            Column::Autonomy => "A decision an academy may keep",
        }
    }

    /// What a member's answer means for this column's statements: one line, Waypoint's
    /// wording (see [`WORDING_NOTE`]).
    pub fn meaning(self) -> &'static str {
        match self {
            Column::Standardised => "Say how far this is the same in every academy: Standardised if every academy does it the trust's way, Autonomous if each academy decides for itself.",
            Column::Aligned => "Say how far the academy shapes this with the trust: Aligned if it is agreed together with room to adapt, Standardised if the trust sets it for all, Autonomous if the academy goes its own way.",
            Column::Autonomy => "Say who takes this decision: Autonomous if the academy takes it, Aligned if it is agreed with the trust, Standardised if the trust takes it for every academy.",
        }
    }

    /// The position on the spectrum the column stands for.
    pub fn position(self) -> Position {
        match self {
            Column::Standardised => Position::Standardised,
            Column::Aligned => Position::Aligned,
            Column::Autonomy => Position::Autonomous,
        }
    }
}

impl Part {
    /// The statements of one column, with that column's question.
    pub fn column(&self, column: Column) -> (&str, &[Statement]) {
        match column {
            Column::Standardised => (&self.questions.standardised, &self.standardised),
            Column::Aligned => (&self.questions.aligned, &self.aligned),
            Column::Autonomy => (&self.questions.autonomy, &self.autonomy),
        }
    }
}

/// A practice to place: one statement of the tables, with its area, part and column.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Practice<'a> {
    pub area: &'a Area,
    pub part: &'a Part,
    pub statement: &'a Statement,
    pub column: Column,
}

impl AasFramework {
    pub fn from_json(json: &str) -> Result<AasFramework, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// Every practice, in the order of the tables: part by part, column by column.
    pub fn practices(&self) -> impl Iterator<Item = Practice<'_>> {
        self.areas.iter().flat_map(|area| {
            area.parts.iter().flat_map(move |part| {
                Column::ALL.into_iter().flat_map(move |column| {
                    part.column(column).1.iter().map(move |statement| Practice {
                        area,
                        part,
                        statement,
                        column,
                    })
                })
            })
        })
    }

    pub fn practice(&self, id: &str) -> Option<Practice<'_>> {
        self.practices().find(|p| p.statement.id == id)
    }

    /// Where a practice sits in the tool, in the same words everywhere: its area's name,
    /// and the part's too when the area has several parts.
    pub fn place_name(&self, area_id: &str, part_name: &str) -> String {
        match self.areas.iter().find(|a| a.id == area_id) {
            Some(area) if area.parts.len() > 1 => format!("{}: {part_name}", area.name),
            Some(area) => area.name.clone(),
            None => part_name.to_string(),
        }
    }

    /// All statements of all three columns.
    pub fn statement_count(&self) -> usize {
        self.areas
            .iter()
            .flat_map(|a| &a.parts)
            .map(|p| p.standardised.len() + p.aligned.len() + p.autonomy.len())
            .sum()
    }
}

const AAS_JSON: &str = include_str!("../../../content/aas.json");

/// The embedded tool, parsed once on first use.
pub fn aas() -> &'static AasFramework {
    static FRAMEWORK: OnceLock<AasFramework> = OnceLock::new();
    FRAMEWORK.get_or_init(|| AasFramework::from_json(AAS_JSON).expect("content/aas.json is valid"))
}

/// A place on the spectrum from autonomy (0) to standardisation (4).
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
pub enum Position {
    Autonomous,
    PartlyAligned,
    Aligned,
    LargelyStandardised,
    Standardised,
}

impl Position {
    pub const ALL: [Position; 5] = [
        Position::Autonomous,
        Position::PartlyAligned,
        Position::Aligned,
        Position::LargelyStandardised,
        Position::Standardised,
    ];

    pub fn value(self) -> u8 {
        self as u8
    }

    pub fn label(self) -> &'static str {
        match self {
            Position::Autonomous => "Autonomous",
            Position::PartlyAligned => "Partly aligned",
            Position::Aligned => "Aligned",
            Position::LargelyStandardised => "Largely standardised",
            Position::Standardised => "Standardised",
        }
    }

    pub fn id(self) -> &'static str {
        self.into()
    }

    /// The nearest position to a mean value on the 0–4 scale.
    pub fn nearest(value: f64) -> Position {
        let index = value.round().clamp(0.0, 4.0) as usize;
        Position::ALL[index]
    }
}

/// One member's placing of one practice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Placing {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<Position>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desired: Option<Position>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Placing {
    pub fn is_empty(&self) -> bool {
        self.now.is_none() && self.desired.is_none() && self.note.is_empty()
    }
}

/// Which of a placing's two answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    Now,
    Desired,
}

/// The roles a member can give when joining or being added (Waypoint's list; the by-role
/// view groups members by them).
pub const ROLES: [&str; 4] = ["Board member", "Headteacher", "Executive leader", "Other"];

/// A person's answers, by practice id.
pub type Placings = BTreeMap<String, Placing>;

/// A person answering: a board member, headteacher or executive leader.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub placings: Placings,
    /// Answered anonymously on the person's own device: the name shown is Waypoint's
    /// ("Anonymous 2"), and nothing in their answers says who they are.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub anonymous: bool,
    /// When an answer or note was last changed, on the device where it was made: says
    /// which of two copies from the same member is newer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_ms: Option<f64>,
    /// On the facilitator's device: how these answers arrived (link, code or file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrived: Option<crate::domain::workshop::handback::Arrival>,
}

impl Member {
    pub fn new(id: String, name: &str, role: &str) -> Member {
        Member {
            id,
            name: name.trim().to_string(),
            role: role.trim().to_string(),
            placings: BTreeMap::new(),
            anonymous: false,
            changed_ms: None,
            arrived: None,
        }
    }

    pub fn placing(&self, practice_id: &str) -> Option<&Placing> {
        self.placings.get(practice_id)
    }

    pub fn set(&mut self, practice_id: &str, when: When, position: Option<Position>) {
        let placing = self.placings.entry(practice_id.to_string()).or_default();
        match when {
            When::Now => placing.now = position,
            When::Desired => placing.desired = position,
        }
        self.tidy(practice_id);
    }

    pub fn set_note(&mut self, practice_id: &str, note: &str) {
        self.placings
            .entry(practice_id.to_string())
            .or_default()
            .note = note.to_string();
        self.tidy(practice_id);
    }

    fn tidy(&mut self, practice_id: &str) {
        if self
            .placings
            .get(practice_id)
            .is_some_and(Placing::is_empty)
        {
            self.placings.remove(practice_id);
        }
    }

    /// How many practices have both positions placed.
    pub fn complete_count(&self) -> usize {
        self.placings
            .values()
            .filter(|p| p.now.is_some() && p.desired.is_some())
            .count()
    }
}

/// A board's workshop on the tool: for the trust as a whole, or one academy's view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workshop {
    pub id: String,
    /// The id of the trust whose board holds the workshop (see [`crate::domain::base::school::Trust`]).
    #[serde(default)]
    pub trust_id: String,
    /// The trust's name in format 4 and older; read once by the migration, never written.
    #[serde(default, rename = "trust", skip_serializing)]
    pub legacy_trust: Option<String>,
    /// Empty for the trust as a whole.
    #[serde(default)]
    pub academy: String,
    /// The date of the meeting; `None` only for a record an older version took from a
    /// file with something else there (kept as stored, shown as "unknown").
    #[serde(default, with = "dates::kept", skip_serializing_if = "Option::is_none")]
    pub date: Option<Day>,
    /// Stored under its earlier name, as in every file and record since format 1.
    #[serde(default, rename = "respondents")]
    pub members: Vec<Member>,
    pub created_ms: f64,
    pub updated_ms: f64,
    /// The practices chosen for this meeting, by id; empty for all of them (see
    /// [`crate::domain::workshop::join::chosen_practices`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub practices: Vec<String>,
    /// On a member's own device: the id of the facilitator's workshop that this copy
    /// answers (it was opened from a join link).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined_from: Option<String>,
    /// On a member's own device: the practice they last had open, to return them there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_at: Option<String>,
    /// On the facilitator's device: second copies from members already here, kept until
    /// someone says which counts (see [`crate::domain::workshop::handback`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pending: Vec<crate::domain::workshop::handback::PendingCopy>,
}

impl Workshop {
    /// `date` is `None` only for the empty workshop a page shows while it has none.
    pub fn new(
        id: String,
        trust_id: &str,
        academy: &str,
        date: Option<Day>,
        now_ms: f64,
    ) -> Workshop {
        Workshop {
            id,
            trust_id: trust_id.to_string(),
            legacy_trust: None,
            academy: academy.trim().to_string(),
            date,
            members: Vec::new(),
            created_ms: now_ms,
            updated_ms: now_ms,
            practices: Vec::new(),
            joined_from: None,
            member_at: None,
            pending: Vec::new(),
        }
    }

    /// "Oak Trust" or "Oak Trust — Elm Academy's view", given the trust's name.
    pub fn title(&self, trust_name: &str) -> String {
        if self.academy.is_empty() {
            trust_name.to_string()
        } else {
            format!("{trust_name} — {}’s view", self.academy)
        }
    }

    /// The page (from 0) a member is on when the members are listed `per_page` at a time
    /// in the workshop's order.
    pub fn page_of_member(&self, id: &str, per_page: usize) -> Option<usize> {
        self.members
            .iter()
            .position(|r| r.id == id)
            .map(|i| i / per_page.max(1))
    }

    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|r| r.id == id)
    }

    pub fn member_mut(&mut self, id: &str) -> Option<&mut Member> {
        self.members.iter_mut().find(|r| r.id == id)
    }
}

/// Mean of some values, or `None` when there are none.
pub(crate) fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0usize), |(s, c), v| (s + v, c + 1));
    (count > 0).then(|| sum / count as f64)
}

/// Each practice's place in `listed`, by its id: for reading members' placings in one pass.
pub fn practice_places<'a>(listed: &[Practice<'a>]) -> std::collections::HashMap<&'a str, usize> {
    listed
        .iter()
        .enumerate()
        .map(|(i, p)| (p.statement.id.as_str(), i))
        .collect()
}

/// One member's placing of one practice. Only members who placed it (now, wanted or both)
/// have one; the member is their place in the workshop's list, so that results for ten
/// thousand members copy no names (the page looks a name up only when it shows it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub member: usize,
    pub now: Option<Position>,
    pub desired: Option<Position>,
}

/// Where a practice stands across all members.
#[derive(Clone, Debug, PartialEq)]
pub struct PracticeResult {
    pub practice_id: String,
    pub text: String,
    pub area_id: String,
    pub part_name: String,
    /// Carter's column for it.
    pub column: Column,
    /// The members who placed it, in the workshop's order.
    pub views: Vec<View>,
    pub mean_now: Option<f64>,
    pub mean_desired: Option<f64>,
    /// Mean desired minus mean now: positive means towards standardisation.
    pub gap: Option<f64>,
    /// Furthest apart two members placed it (0–4), now and desired.
    pub spread_now: Option<u8>,
    pub spread_desired: Option<u8>,
}

impl PracticeResult {
    /// How many people placed it, now or wanted.
    pub fn people(&self) -> usize {
        self.views
            .iter()
            .filter(|v| v.now.is_some() || v.desired.is_some())
            .count()
    }

    /// The larger of the two spreads: how far the board is from agreeing.
    pub fn disagreement(&self) -> u8 {
        self.spread_now
            .unwrap_or(0)
            .max(self.spread_desired.unwrap_or(0))
    }
}

/// Where an area (or the whole trust) stands.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaResult {
    pub area_id: String,
    pub name: String,
    pub mean_now: Option<f64>,
    pub mean_desired: Option<f64>,
    pub gap: Option<f64>,
    /// Mean of the practices' disagreement, 0–4.
    pub mean_disagreement: Option<f64>,
    /// Placings counted (now and desired separately).
    pub placings: usize,
}

/// Everything the results page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkshopResults {
    pub practices: Vec<PracticeResult>,
    pub areas: Vec<AreaResult>,
    pub overall: AreaResult,
}

fn spread(values: &[u8]) -> Option<u8> {
    let max = values.iter().max()?;
    let min = values.iter().min()?;
    Some(max - min)
}

fn practice_result(practice: &Practice<'_>, views: Vec<View>) -> PracticeResult {
    let nows: Vec<u8> = views
        .iter()
        .filter_map(|v| v.now.map(Position::value))
        .collect();
    let desires: Vec<u8> = views
        .iter()
        .filter_map(|v| v.desired.map(Position::value))
        .collect();
    let gap = mean(views.iter().filter_map(|v| match (v.now, v.desired) {
        (Some(now), Some(desired)) => Some(f64::from(desired.value()) - f64::from(now.value())),
        _ => None,
    }));
    PracticeResult {
        practice_id: practice.statement.id.clone(),
        text: practice.statement.text.clone(),
        area_id: practice.area.id.clone(),
        part_name: practice.part.name.clone(),
        column: practice.column,
        mean_now: mean(nows.iter().map(|&v| f64::from(v))),
        mean_desired: mean(desires.iter().map(|&v| f64::from(v))),
        gap,
        spread_now: spread(&nows),
        spread_desired: spread(&desires),
        views,
    }
}

fn summarise(area_id: &str, name: &str, practices: &[&PracticeResult]) -> AreaResult {
    let placed = |p: &&&PracticeResult| p.mean_now.is_some() || p.mean_desired.is_some();
    AreaResult {
        area_id: area_id.to_string(),
        name: name.to_string(),
        mean_now: mean(practices.iter().filter_map(|p| p.mean_now)),
        mean_desired: mean(practices.iter().filter_map(|p| p.mean_desired)),
        gap: mean(practices.iter().filter_map(|p| p.gap)),
        mean_disagreement: mean(
            practices
                .iter()
                .filter(placed)
                .map(|p| f64::from(p.disagreement())),
        ),
        placings: practices
            .iter()
            .flat_map(|p| &p.views)
            .map(|v| usize::from(v.now.is_some()) + usize::from(v.desired.is_some()))
            .sum(),
    }
}

/// Positions, gaps and spread per practice, per area and overall.
/// One pass over the members' own placings: the cost follows the answers given, not
/// members × practices (ten thousand members answering four practices is 40,000 placings,
/// not 800,000).
pub fn workshop_results(framework: &AasFramework, workshop: &Workshop) -> WorkshopResults {
    let listed: Vec<Practice<'_>> = framework.practices().collect();
    let place = practice_places(&listed);
    let mut views: Vec<Vec<View>> = vec![Vec::new(); listed.len()];
    for (member, m) in workshop.members.iter().enumerate() {
        for (id, placing) in &m.placings {
            if placing.now.is_none() && placing.desired.is_none() {
                continue;
            }
            if let Some(&i) = place.get(id.as_str()) {
                views[i].push(View {
                    member,
                    now: placing.now,
                    desired: placing.desired,
                });
            }
        }
    }
    let practices: Vec<PracticeResult> = listed
        .iter()
        .zip(views)
        .map(|(p, views)| practice_result(p, views))
        .collect();
    let areas = framework
        .areas
        .iter()
        .map(|area| {
            let of_area: Vec<&PracticeResult> =
                practices.iter().filter(|p| p.area_id == area.id).collect();
            summarise(&area.id, &area.name, &of_area)
        })
        .collect();
    let all: Vec<&PracticeResult> = practices.iter().collect();
    let overall = summarise("overall", "All areas", &all);
    WorkshopResults {
        practices,
        areas,
        overall,
    }
}

impl WorkshopResults {
    /// The practices furthest from where the board wants them, largest first.
    pub fn largest_gaps(&self, count: usize) -> Vec<&PracticeResult> {
        let mut with_gap: Vec<&PracticeResult> = self
            .practices
            .iter()
            .filter(|p| p.gap.is_some_and(|g| g.abs() > 0.0))
            .collect();
        crate::domain::base::order::sort_by(&mut with_gap, |a, b| {
            let key = |p: &PracticeResult| p.gap.map_or(0.0, f64::abs);
            key(b).total_cmp(&key(a))
        });
        with_gap.truncate(count);
        with_gap
    }

    /// The practices the members agree on most: placed by at least two people, with
    /// answers at most one step apart (Waypoint's threshold: "close" on the scale),
    /// closest first, then those placed by more people, in the tool's order.
    pub fn largest_agreements(&self, count: usize) -> Vec<&PracticeResult> {
        let mut agreed: Vec<&PracticeResult> = self
            .practices
            .iter()
            .filter(|p| p.people() >= 2 && p.disagreement() <= 1)
            .collect();
        crate::domain::base::order::sort_by(&mut agreed, |a, b| {
            a.disagreement()
                .cmp(&b.disagreement())
                .then(b.people().cmp(&a.people()))
        });
        agreed.truncate(count);
        agreed
    }

    /// The practices the members disagree on most (spread of 2 or more), largest first.
    pub fn largest_disagreements(&self, count: usize) -> Vec<&PracticeResult> {
        let mut split: Vec<&PracticeResult> = self
            .practices
            .iter()
            .filter(|p| p.disagreement() >= 2)
            .collect();
        crate::domain::base::order::sort_by_key(&mut split, |p| {
            std::cmp::Reverse(p.disagreement())
        });
        split.truncate(count);
        split
    }
}

/// Gives each person in a workshop a valid id of their own (a file may repeat one).
pub fn reissue_member_ids(members: &mut [Member]) {
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (i, r) in members.iter_mut().enumerate() {
        if !crate::domain::base::ids::is_valid_id(&r.id) || seen.contains(&r.id) {
            let seed = format!("{}#{i}", r.id);
            r.id = crate::domain::base::ids::derived_id("r", &seed, |c| seen.contains(c));
        }
        seen.insert(r.id.clone());
    }
}
