//! Intervention plans: the interventions a trust commissions after a diagnosis, and how it
//! holds them to account.
//!
//! The model is the seed's four-step cycle (`content/cycle.json`): every intervention is
//! one of four kinds, "has clear targets, is time limited and has agreed success
//! criteria", and is reviewed at fixed dates. Waypoint flags the ones whose review or
//! time limit has passed without a record.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use strum::{EnumString, IntoStaticStr};

use crate::domain::base::dates::{self, Day, MaybeDay};

/// The seed's four kinds of intervention.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, IntoStaticStr, EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Kind {
    InSchool,
    SchoolToSchool,
    DirectTrust,
    External,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::InSchool,
        Kind::SchoolToSchool,
        Kind::DirectTrust,
        Kind::External,
    ];

    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn from_id(id: &str) -> Option<Kind> {
        id.parse().ok()
    }

    /// The seed's name and description of this kind.
    pub fn content(self) -> &'static KindContent {
        cycle()
            .kinds
            .iter()
            .find(|k| k.id == self.id())
            .expect("all four kinds are in content/cycle.json")
    }

    /// What the partner field means for this kind, if it has one.
    pub fn partner_label(self) -> Option<&'static str> {
        match self {
            Kind::SchoolToSchool => Some("Supporting school"),
            Kind::DirectTrust => Some("Trust lead (e.g. DTL or strategic headteacher)"),
            Kind::External => Some("External provider"),
            Kind::InSchool => None,
        }
    }
}

/// Whose the order of commissioning and its reasons are, shown with them: the source
/// trust's, not the user's.
pub const SOURCE_TRUST_NOTE: &str = "The source trust's policy (the trust whose four-step cycle Waypoint follows), in its own words: not your trust's unless you adopt it.";

/// The partners offered when commissioning one kind of intervention.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PartnerOptions {
    /// The trust's own schools, offered first (school-to-school only).
    pub own: Vec<String>,
    /// The source's list for this kind, shown as the source's, with its heading.
    pub source_heading: String,
    pub source: Vec<String>,
}

/// How partners are offered, in the words shown to users.
pub fn partner_hint(kind: Kind) -> &'static str {
    match kind {
        Kind::SchoolToSchool => "Another of your trust's own schools. The source trust's cycle: school-to-school support is “where there is not sufficient capacity or expertise within the school but that capacity exists with another of the Trust's schools”. Support from outside the trust is an external intervention.",
        Kind::DirectTrust => "Type your trust's own lead. The source trust's roles are listed for reference.",
        Kind::External => "Type your trust's own provider. The source's list (Carter's, from 2017) is shown for reference: some of its programmes and designations have since changed or closed.",
        Kind::InSchool => "",
    }
}

/// The partners to offer for `kind`: for school-to-school the trust's own schools (the
/// other schools kept here), first and only; for the other kinds the source's list, shown
/// as the source's beside a field for the trust's own.
pub fn partner_options(kind: Kind, other_schools: &[String]) -> PartnerOptions {
    let cycle = crate::domain::improvement::cycle::trust_cycle();
    let groups = |kinds: &[&str]| {
        cycle
            .providers
            .iter()
            .filter(|g| kinds.contains(&g.kind.as_str()))
            .collect::<Vec<_>>()
    };
    let (headings, names): (Vec<String>, Vec<String>) = match kind {
        Kind::SchoolToSchool | Kind::InSchool => (Vec::new(), Vec::new()),
        Kind::DirectTrust => {
            let g = groups(&["direct_trust"]);
            (
                g.iter().map(|g| g.heading.clone()).collect(),
                g.iter().flat_map(|g| g.names.clone()).collect(),
            )
        }
        Kind::External => {
            let g = groups(&["school_to_school", "external"]);
            (
                g.iter().map(|g| g.heading.clone()).collect(),
                g.iter().flat_map(|g| g.names.clone()).collect(),
            )
        }
    };
    PartnerOptions {
        own: if kind == Kind::SchoolToSchool {
            other_schools.to_vec()
        } else {
            Vec::new()
        },
        source_heading: if kind == Kind::External {
            format!(
                "The source's list (Carter's, from 2017): {}",
                headings.join("; ")
            )
        } else {
            headings.join("; ")
        },
        source: names,
    }
}

/// Where an intervention has got to.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, IntoStaticStr, EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Status {
    Planned,
    InProgress,
    Completed,
    Stopped,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Planned,
        Status::InProgress,
        Status::Completed,
        Status::Stopped,
    ];

    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Planned => "Planned",
            Status::InProgress => "In progress",
            Status::Completed => "Completed",
            Status::Stopped => "Stopped",
        }
    }

    pub fn from_id(id: &str) -> Option<Status> {
        id.parse().ok()
    }

    /// Whether the intervention is still running (and so can be overdue).
    pub fn is_open(self) -> bool {
        matches!(self, Status::Planned | Status::InProgress)
    }
}

/// The verdict recorded at a review.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, IntoStaticStr, EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Progress {
    OnTrack,
    AtRisk,
    OffTrack,
    Met,
}

impl Progress {
    pub const ALL: [Progress; 4] = [
        Progress::OnTrack,
        Progress::AtRisk,
        Progress::OffTrack,
        Progress::Met,
    ];

    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Progress::OnTrack => "On track",
            Progress::AtRisk => "At risk",
            Progress::OffTrack => "Off track",
            Progress::Met => "Success criteria met",
        }
    }

    pub fn from_id(id: &str) -> Option<Progress> {
        id.parse().ok()
    }
}

/// A review held on a date: the verdict and what was found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// The date of the review; `None` only for a record an older version took from a file
    /// with something else there (kept as stored, shown as "unknown").
    #[serde(default, with = "dates::kept", skip_serializing_if = "Option::is_none")]
    pub date: Option<Day>,
    pub progress: Progress,
    #[serde(default)]
    pub note: String,
}

/// One commissioned intervention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Intervention {
    pub id: String,
    /// The id of the school supported.
    #[serde(default)]
    pub school_id: String,
    /// The school's name in format 4 and older; read once by the migration, never written.
    #[serde(default, rename = "school", skip_serializing)]
    pub legacy_school: Option<String>,
    /// The assessment whose diagnosis led to it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment_id: Option<String>,
    pub kind: Kind,
    /// The supporting school, trust lead or provider (see [`Kind::partner_label`]).
    #[serde(default)]
    pub partner: String,
    /// The area of need, e.g. a theme of the four stages.
    #[serde(default)]
    pub focus: String,
    pub target: String,
    pub owner: String,
    /// The start; `None` only for a record an older version took from a file with
    /// something else there (kept as stored, shown as "unknown"), as for `end`.
    #[serde(default, with = "dates::kept", skip_serializing_if = "Option::is_none")]
    pub start: Option<Day>,
    /// The time limit: the date by which the target is to be met.
    #[serde(default, with = "dates::kept", skip_serializing_if = "Option::is_none")]
    pub end: Option<Day>,
    /// Weeks between reviews (the seed's trust reviews every six weeks).
    pub review_weeks: u32,
    pub success_criteria: String,
    pub status: Status,
    #[serde(default)]
    pub reviews: Vec<Review>,
    /// The impact recorded against the success criteria (step 4 of the cycle).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<Box<crate::domain::improvement::accountability::Impact>>,
    pub created_ms: f64,
    pub updated_ms: f64,
}

/// What a user types to commission an intervention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commission {
    pub kind: Kind,
    pub partner: String,
    pub focus: String,
    pub target: String,
    pub owner: String,
    /// As the form's date fields give them (yyyy-mm-dd); read by [`Commission::days`].
    pub start: String,
    pub end: String,
    pub review_weeks: u32,
    pub success_criteria: String,
}

/// The longest an intervention may run, and the review spacing allowed, so that review
/// dates stay a short list.
pub const MAX_DAYS: i64 = 3 * 366;
pub const MAX_REVIEW_WEEKS: u32 = 52;

impl Commission {
    /// Checks the form; the message says what to fix, in words for the user.
    pub fn validate(&self) -> Result<(), String> {
        self.problems()
            .into_iter()
            .next()
            .map_or(Ok(()), |(_, message)| Err(message))
    }

    /// Every problem with the form, in its order, each with the field it is about
    /// ("partner", "target", "owner", "start", "end", "weeks" or "criteria").
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems: Vec<(&'static str, String)> = Vec::new();
        if let Some(label) = self.kind.partner_label() {
            if self.kind == Kind::SchoolToSchool && self.partner.trim().is_empty() {
                problems.push(("partner", format!("Enter the {}.", label.to_lowercase())));
            }
        }
        if self.target.trim().is_empty() {
            problems.push((
                "target",
                "Enter the target: what will be better, and for whom.".into(),
            ));
        }
        if self.owner.trim().is_empty() {
            problems.push(("owner", "Enter who owns the intervention.".into()));
        }
        let start = Day::parse(&self.start).ok();
        if start.is_none() {
            problems.push(("start", "Enter the start date as a real date.".into()));
        }
        let end = Day::parse(&self.end).ok();
        if end.is_none() {
            problems.push(("end", "Enter the time limit as a real date.".into()));
        } else if let (Some(start), Some(end)) = (start, end) {
            let days = start.days_until(end);
            if days <= 0 {
                problems.push(("end", "The time limit must be after the start date.".into()));
            } else if days > MAX_DAYS {
                problems.push((
                    "end",
                    "Keep an intervention to three years at most; split longer work into stages."
                        .into(),
                ));
            }
        }
        if self.review_weeks == 0 || self.review_weeks > MAX_REVIEW_WEEKS {
            problems.push((
                "weeks",
                format!("Review every 1 to {MAX_REVIEW_WEEKS} weeks."),
            ));
        }
        if self.success_criteria.trim().is_empty() {
            problems.push((
                "criteria",
                "Enter the success criteria: how you will know it worked.".into(),
            ));
        }
        problems
    }

    /// The start and the time limit entered, if both are real dates.
    pub fn days(&self) -> Option<(Day, Day)> {
        Some((Day::parse(&self.start).ok()?, Day::parse(&self.end).ok()?))
    }
}

impl Intervention {
    pub fn new(
        id: String,
        school_id: &str,
        assessment_id: Option<String>,
        form: Commission,
        now_ms: f64,
    ) -> Intervention {
        Intervention {
            id,
            school_id: school_id.to_string(),
            legacy_school: None,
            assessment_id,
            kind: form.kind,
            partner: form.partner.trim().to_string(),
            focus: form.focus.trim().to_string(),
            target: form.target.trim().to_string(),
            owner: form.owner.trim().to_string(),
            start: form.days().map(|(start, _)| start),
            end: form.days().map(|(_, end)| end),
            review_weeks: form.review_weeks,
            success_criteria: form.success_criteria.trim().to_string(),
            status: Status::Planned,
            reviews: Vec::new(),
            impact: None,
            created_ms: now_ms,
            updated_ms: now_ms,
        }
    }

    /// The review dates: every `review_weeks` from the start, and the time limit itself.
    /// None when the start or the time limit is unknown (see [`Intervention::start`]).
    pub fn review_dates(&self) -> Vec<Day> {
        let mut dates = Vec::new();
        let step = i64::from(self.review_weeks.clamp(1, MAX_REVIEW_WEEKS)) * 7;
        let (Some(start), Some(end)) = (self.start, self.end) else {
            return dates;
        };
        let span = start.days_until(end);
        let mut offset = step;
        while offset < span.min(MAX_DAYS) {
            if let Some(date) = start.add_days(offset) {
                dates.push(date);
            }
            offset += step;
        }
        if span > 0 {
            dates.push(end);
        }
        dates
    }

    /// Records a review; reviews stay in date order.
    pub fn add_review(&mut self, review: Review, now_ms: f64) {
        let at = self
            .reviews
            .iter()
            .position(|r| r.date > review.date)
            .unwrap_or(self.reviews.len());
        if review.progress == Progress::Met && self.status.is_open() {
            self.status = Status::Completed;
        } else if self.status == Status::Planned {
            self.status = Status::InProgress;
        }
        self.reviews.insert(at, review);
        self.updated_ms = now_ms;
    }

    /// The latest review, if any.
    pub fn latest_review(&self) -> Option<&Review> {
        self.reviews.iter().max_by(|a, b| a.date.cmp(&b.date))
    }

    /// Whether, on `today`, a review or the time limit has passed without a record.
    pub fn overdue(&self, today: &str) -> Option<Overdue> {
        // Once its impact is recorded, an intervention has been accounted for.
        if !self.status.is_open() || self.impact.is_some() {
            return None;
        }
        let today = today.maybe_day()?;
        if let Some(end) = self.end.filter(|end| *end < today) {
            return Some(Overdue::PastTimeLimit { end });
        }
        let last_reviewed = self.latest_review().and_then(|r| r.date);
        self.review_dates()
            .into_iter()
            .filter(|d| *d < today && Some(*d) > last_reviewed)
            .max()
            .map(|due| Overdue::ReviewMissed { due })
    }

    /// The review to hold next: a missed one first (the date the overdue warning names),
    /// otherwise the next on or after `today`.
    pub fn next_review(&self, today: &str) -> Option<Day> {
        if let Some(Overdue::ReviewMissed { due }) = self.overdue(today) {
            return Some(due);
        }
        let today = today.maybe_day()?;
        self.review_dates().into_iter().find(|d| *d >= today)
    }
}

/// Why an intervention needs attention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overdue {
    ReviewMissed { due: Day },
    PastTimeLimit { end: Day },
}

impl Overdue {
    pub fn message(&self) -> String {
        match self {
            Overdue::ReviewMissed { due } => {
                format!("Overdue: the review due on {due} has not been recorded.")
            }
            Overdue::PastTimeLimit { end } => format!(
                "Overdue: the time limit ({end}) has passed; record the final review and close it."
            ),
        }
    }
}

/// The seed's text for one kind of intervention.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct KindContent {
    pub id: String,
    pub name: String,
    /// The source's description, as current guidance.
    pub description: String,
    /// A sentence of the source's description that was about a date now past ("From
    /// September 2017, …"): kept verbatim here, and not shown as current guidance.
    #[serde(default)]
    pub dated: Option<String>,
}

/// The four-step cycle, kept verbatim in `content/cycle.json`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct CycleContent {
    pub source: String,
    pub steps: Vec<String>,
    pub delivery: String,
    pub kinds: Vec<KindContent>,
    pub accountability: String,
}

const CYCLE_JSON: &str = include_str!("../../../content/cycle.json");

/// The embedded cycle content, parsed once.
pub fn cycle() -> &'static CycleContent {
    static CONTENT: OnceLock<CycleContent> = OnceLock::new();
    CONTENT.get_or_init(|| serde_json::from_str(CYCLE_JSON).expect("content/cycle.json is valid"))
}
