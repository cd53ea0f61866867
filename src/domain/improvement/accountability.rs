//! Step 4 of the four-step cycle, accountability: each intervention's impact recorded
//! against its success criteria under the source's four headings, and what the board
//! receives, generated from the data: a summary of every intervention plan, a
//! headteacher's report twice a year, and a half-termly dashboard.

use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr};

use crate::domain::base::content::{Framework, Stage};
use crate::domain::base::dates::{self, add_days, add_months, display, Day, MaybeDay};
use crate::domain::base::school::School;
use crate::domain::base::text::{clamp_chars, MAX_NOTE_CHARS};
use crate::domain::checklist::assessment::{Assessment, Scope};
use crate::domain::checklist::placement::assess;
use crate::domain::improvement::categorisation::{
    standing_with, Category, DueState, Intervals, Standing,
};
use crate::domain::improvement::overview::{school_row, SchoolRow};
use crate::domain::improvement::plans::{Intervention, Progress, Status};
use crate::domain::improvement::TrustRecords;

/// The verdict on an intervention's success criteria.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, IntoStaticStr, EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Verdict {
    Met,
    PartlyMet,
    NotMet,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [Verdict::Met, Verdict::PartlyMet, Verdict::NotMet];

    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn from_id(id: &str) -> Option<Verdict> {
        id.parse().ok()
    }

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Met => "Success criteria met",
            Verdict::PartlyMet => "Success criteria partly met",
            Verdict::NotMet => "Success criteria not met",
        }
    }
}

/// An intervention's impact: what improved under each of the source's four headings,
/// the evidence, and the verdict on its success criteria.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Impact {
    /// The date of the impact review; `None` only for a record an older version took from
    /// a file with something else there (kept as stored, shown as "unknown"), or for a
    /// form whose date is not a real date ([`Impact::validate`] refuses it).
    #[serde(default, with = "dates::kept", skip_serializing_if = "Option::is_none")]
    pub date: Option<Day>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub practice: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub systems: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outcomes: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    pub verdict: Verdict,
}

impl Impact {
    /// The text under one of the four headings (by its id in `content/trust_cycle.json`).
    pub fn heading(&self, id: &str) -> &str {
        match id {
            "practice" => &self.practice,
            "systems" => &self.systems,
            "organisation" => &self.organisation,
            "outcomes" => &self.outcomes,
            _ => "",
        }
    }

    /// Sets the text under one of the four headings.
    pub fn set_heading(&mut self, id: &str, text: String) {
        match id {
            "practice" => self.practice = text,
            "systems" => self.systems = text,
            "organisation" => self.organisation = text,
            "outcomes" => self.outcomes = text,
            _ => {}
        }
    }

    /// Checks what was typed; the message says what to fix. An intervention whose
    /// success criteria were not met may have improved nothing (the form asks "what
    /// improved, if anything"): its evidence alone is enough; any other verdict says
    /// what improved under at least one heading.
    pub fn validate(&self) -> Result<(), String> {
        self.form_problems(Some(self.verdict))
            .into_iter()
            .next()
            .map_or(Ok(()), |(_, message)| Err(message))
    }

    /// Every problem with the impact form, in its order, each with the field it is about
    /// ("date", "practice" for the headings, "evidence" or "verdict"). `chosen` is the
    /// verdict ticked, if any: until there is one, the headings are not asked for, since
    /// a verdict of not met needs none.
    pub fn form_problems(&self, chosen: Option<Verdict>) -> Vec<(&'static str, String)> {
        let mut problems: Vec<(&'static str, String)> = Vec::new();
        if self.date.is_none() {
            problems.push((
                "date",
                "Enter the date of the impact review as a full date.".into(),
            ));
        }
        let headings = [
            &self.practice,
            &self.systems,
            &self.organisation,
            &self.outcomes,
        ];
        let needs_headings = chosen.is_some_and(|v| v != Verdict::NotMet);
        if needs_headings && headings.iter().all(|h| h.trim().is_empty()) {
            problems.push((
                "practice",
                "Say what improved under at least one heading.".into(),
            ));
        }
        if self.evidence.trim().is_empty() {
            problems.push(("evidence", "Enter the evidence of impact.".into()));
        }
        if chosen.is_none() {
            problems.push((
                "verdict",
                "Choose a verdict on the success criteria.".into(),
            ));
        }
        problems
    }

    /// The same impact with every text trimmed and within the note limit.
    pub fn tidied(&self) -> Impact {
        let tidy = |t: &str| clamp_chars(t.trim(), MAX_NOTE_CHARS);
        Impact {
            date: self.date,
            practice: tidy(&self.practice),
            systems: tidy(&self.systems),
            organisation: tidy(&self.organisation),
            outcomes: tidy(&self.outcomes),
            evidence: tidy(&self.evidence),
            verdict: self.verdict,
        }
    }
}

/// Where an intervention stands for the board (Waypoint's reading of its reviews).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlanState {
    /// A review or the time limit has passed without a record.
    Overdue,
    OffTrack,
    AtRisk,
    NotReviewed,
    OnTrack,
    /// Its success criteria were met at a review, or it was completed.
    Done,
    Stopped,
}

impl PlanState {
    pub const ALL: [PlanState; 7] = [
        PlanState::Overdue,
        PlanState::OffTrack,
        PlanState::AtRisk,
        PlanState::NotReviewed,
        PlanState::OnTrack,
        PlanState::Done,
        PlanState::Stopped,
    ];

    pub fn of(plan: &Intervention, today: &str) -> PlanState {
        match plan.status {
            Status::Stopped => return PlanState::Stopped,
            Status::Completed => return PlanState::Done,
            _ => {}
        }
        if plan.overdue(today).is_some() {
            return PlanState::Overdue;
        }
        match plan.latest_review().map(|r| r.progress) {
            None => PlanState::NotReviewed,
            Some(Progress::OnTrack) => PlanState::OnTrack,
            Some(Progress::AtRisk) => PlanState::AtRisk,
            Some(Progress::OffTrack) => PlanState::OffTrack,
            Some(Progress::Met) => PlanState::Done,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            PlanState::Overdue => "overdue",
            PlanState::OffTrack => "off-track",
            PlanState::AtRisk => "at-risk",
            PlanState::NotReviewed => "not-reviewed",
            PlanState::OnTrack => "on-track",
            PlanState::Done => "done",
            PlanState::Stopped => "stopped",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PlanState::Overdue => "Overdue",
            PlanState::OffTrack => "Off track",
            PlanState::AtRisk => "At risk",
            PlanState::NotReviewed => "Not reviewed yet",
            PlanState::OnTrack => "On track",
            PlanState::Done => "Completed",
            PlanState::Stopped => "Stopped",
        }
    }
}

/// How an intervention's state is read, in the words shown to users.
pub const PLAN_STATE_RULE: &str = "Waypoint's reading: an open intervention is overdue when a review or its time limit has passed without a record; otherwise it takes the progress of its latest review (on track, at risk, off track; success criteria met counts as completed), or is not reviewed yet.";

/// One intervention as the board sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanLine {
    pub id: String,
    pub kind: String,
    pub partner: String,
    pub focus: String,
    pub target: String,
    pub owner: String,
    pub runs: String,
    pub success_criteria: String,
    pub state: PlanState,
    /// "12 Jan 2027: On track – guided reading in place"
    pub latest_review: String,
    pub next_review: Option<Day>,
    pub impact: Option<Impact>,
}

impl PlanLine {
    pub fn of(plan: &Intervention, today: &str) -> PlanLine {
        PlanLine {
            id: plan.id.clone(),
            kind: plan.kind.content().name.clone(),
            partner: plan.partner.clone(),
            focus: plan.focus.clone(),
            target: plan.target.clone(),
            owner: plan.owner.clone(),
            runs: format!("{} to {}", display(&plan.start), display(&plan.end)),
            success_criteria: plan.success_criteria.clone(),
            state: PlanState::of(plan, today),
            latest_review: plan
                .latest_review()
                .map(|r| {
                    let mut text = format!("{}: {}", display(&r.date), r.progress.label());
                    if !r.note.is_empty() {
                        text.push_str(" – ");
                        text.push_str(&r.note);
                    }
                    text
                })
                .unwrap_or_else(|| "No review yet".into()),
            next_review: plan
                .status
                .is_open()
                .then(|| plan.next_review(today))
                .flatten(),
            impact: plan.impact.as_deref().cloned(),
        }
    }
}

/// How many of a school's interventions are in each state, in [`PlanState::ALL`]'s order.
pub fn tally(lines: &[PlanLine]) -> [usize; 7] {
    let mut counts = [0; 7];
    for line in lines {
        if let Some(i) = PlanState::ALL.iter().position(|s| *s == line.state) {
            counts[i] += 1;
        }
    }
    counts
}

/// One school's page of the board summary, and its row in the trust's.
#[derive(Clone, Debug, PartialEq)]
pub struct SchoolSummary {
    pub school_id: String,
    pub name: String,
    pub stage: Option<Stage>,
    pub assessed_on: Option<Day>,
    pub category: Option<Category>,
    pub categorised_on: Option<Day>,
    pub suggested: String,
    pub due: String,
    pub due_state: DueState,
    pub warnings: Vec<String>,
    pub red_flags: Vec<String>,
    pub lines: Vec<PlanLine>,
    pub counts: [usize; 7],
    /// Interventions whose impact was recorded as not meeting their success criteria.
    pub not_met: usize,
}

impl SchoolSummary {
    /// True when the board has something to read about the school beyond its row:
    /// interventions, red flags, or warnings about its category.
    pub fn has_news(&self) -> bool {
        !self.lines.is_empty() || !self.red_flags.is_empty() || !self.warnings.is_empty()
    }

    /// Its interventions by status, one a line ("1 overdue", "1 stopped", "1 not met"),
    /// every status counted (stopped ones too), or "None".
    pub fn by_status(&self) -> String {
        let mut parts: Vec<String> = PlanState::ALL
            .iter()
            .zip(self.counts)
            .filter(|(_, n)| *n > 0)
            .map(|(state, n)| format!("{n} {}", state.label().to_lowercase()))
            .collect();
        if self.not_met > 0 {
            parts.push(format!("{} with success criteria not met", self.not_met));
        }
        if parts.is_empty() {
            "None".into()
        } else {
            parts.join("\n")
        }
    }
}

fn summary_of(
    store: &impl TrustRecords,
    row: &SchoolRow,
    standing: &Standing,
    today: &str,
) -> SchoolSummary {
    let mut plans: Vec<&Intervention> = store.plans_of(&row.key).collect();
    crate::domain::base::order::sort_by(&mut plans, |a, b| {
        PlanState::of(a, today)
            .cmp(&PlanState::of(b, today))
            .then(a.start.cmp(&b.start))
    });
    let lines: Vec<PlanLine> = plans.into_iter().map(|p| PlanLine::of(p, today)).collect();
    SchoolSummary {
        school_id: row.key.clone(),
        name: row.name.clone(),
        stage: row.stage,
        assessed_on: row.assessed_on,
        category: standing.current.as_ref().map(|c| c.category),
        categorised_on: standing.current.as_ref().and_then(|c| c.date),
        suggested: row.need.short().to_string(),
        due: standing.next.message(),
        due_state: standing.next.state,
        warnings: standing.warnings.clone(),
        red_flags: row.red_flags.clone(),
        counts: tally(&lines),
        not_met: lines
            .iter()
            .filter(|l| {
                l.impact
                    .as_ref()
                    .is_some_and(|i| i.verdict == Verdict::NotMet)
            })
            .count(),
        lines,
    }
}

/// The board summary: every school, by name, with its intervention plans.
pub fn board_summary(
    framework: &Framework,
    store: &impl TrustRecords,
    intervals: Intervals,
    today: &str,
) -> Vec<SchoolSummary> {
    crate::domain::improvement::overview::overview(framework, store, today)
        .iter()
        .map(|row| {
            let standing = standing_with(store, row, intervals, today);
            summary_of(store, row, &standing, today)
        })
        .collect()
}

/// How far ahead the dashboard looks for reviews due: to the next half-termly dashboard.
pub const DASHBOARD_WEEKS: i64 = 7;

/// Something due for one school, for the dashboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueLine {
    pub date: String,
    pub text: String,
    pub state: DueState,
}

/// One school's row of the half-termly dashboard.
#[derive(Clone, Debug, PartialEq)]
pub struct DashboardRow {
    pub summary: SchoolSummary,
    /// Reviews due before the next dashboard, and anything overdue: interventions,
    /// the category, the reassessment.
    pub due: Vec<DueLine>,
}

/// The half-termly dashboard: stage, need, red flags, interventions by state, and what is
/// due before the next one.
pub fn dashboard(
    framework: &Framework,
    store: &impl TrustRecords,
    intervals: Intervals,
    today: &str,
) -> Vec<DashboardRow> {
    let horizon = add_days(today, DASHBOARD_WEEKS * 7).unwrap_or_else(|| today.to_string());
    crate::domain::improvement::overview::overview(framework, store, today)
        .iter()
        .map(|row| {
            let standing = standing_with(store, row, intervals, today);
            let summary = summary_of(store, row, &standing, today);
            let mut due = Vec::new();
            let mut add = |date: &str, text: String| {
                let state = DueState::of(date.maybe_day(), today);
                if date <= horizon.as_str() {
                    due.push(DueLine {
                        date: date.to_string(),
                        text,
                        state,
                    });
                }
            };
            for plan in store.plans_of(&row.key).filter(|p| p.status.is_open()) {
                if let Some(overdue) = plan.overdue(today) {
                    let date = match overdue {
                        crate::domain::improvement::plans::Overdue::ReviewMissed { due } => due,
                        crate::domain::improvement::plans::Overdue::PastTimeLimit { end } => end,
                    };
                    add(&date.iso(), format!("⚠ Review of “{}” overdue", plan.target));
                } else if let Some(next) = plan.next_review(today) {
                    add(&next.iso(), format!("Review of “{}” {next}", plan.target));
                }
            }
            // Never categorised: due now, without a date (listed first).
            let next = standing.next.date.map(Day::iso).unwrap_or_default();
            add(&next, standing.next.message());
            if let Some(date) = standing.reassess_due {
                let text = if Some(date) < today.maybe_day() {
                    format!("⚠ Reassessment overdue (due {date})")
                } else {
                    format!("Reassessment due {date}")
                };
                add(&date.iso(), text);
            }
            crate::domain::base::order::sort_by(&mut due, |a, b| a.date.cmp(&b.date));
            DashboardRow { summary, due }
        })
        .collect()
}

/// The dashboard as a spreadsheet (CSV).
pub fn dashboard_csv(rows: &[DashboardRow]) -> String {
    let mut out = vec![[
        "School",
        "Stage",
        "Assessed",
        "Category",
        "Categorised",
        "Waypoint's suggestion",
        "Red flags",
        "Overdue",
        "Off track",
        "At risk",
        "Not reviewed yet",
        "On track",
        "Completed",
        "Due before the next dashboard",
        "Warnings",
    ]
    .map(String::from)
    .to_vec()];
    for row in rows {
        let s = &row.summary;
        let mut line = vec![
            s.name.clone(),
            s.stage.map(|x| x.name().to_string()).unwrap_or_default(),
            s.assessed_on.map(Day::iso).unwrap_or_default(),
            s.category
                .map(|c| c.short().to_string())
                .unwrap_or_default(),
            s.categorised_on.map(Day::iso).unwrap_or_default(),
            s.suggested.clone(),
            s.red_flags.join("; "),
        ];
        line.extend(s.counts[..6].iter().map(|n| n.to_string()));
        line.push(
            row.due
                .iter()
                .map(|d| d.text.clone())
                .collect::<Vec<_>>()
                .join("; "),
        );
        line.push(s.warnings.join(" "));
        out.push(line);
    }
    crate::domain::base::csv::csv(out)
}

/// The categories of every school, as a spreadsheet (CSV): each decision, newest first.
pub fn categories_csv(store: &impl TrustRecords, intervals: Intervals, today: &str) -> String {
    let mut out = vec![[
        "School",
        "Decision",
        "Date",
        "Category",
        "Decided by",
        "Rationale",
        "Waypoint's suggestion on the day",
        "Why Waypoint suggested it",
        "Assessment behind the suggestion",
        "Next due",
    ]
    .map(String::from)
    .to_vec()];
    for row in crate::domain::improvement::overview::overview(
        crate::domain::base::content::four_stages(),
        store,
        today,
    ) {
        let standing = standing_with(store, &row, intervals, today);
        let decisions = crate::domain::improvement::categorisation::history(store, &row.key);
        for (i, c) in decisions.iter().enumerate() {
            out.push(vec![
                row.name.clone(),
                c.decision.label().to_string(),
                c.date.map(Day::iso).unwrap_or_default(),
                c.category.short().to_string(),
                c.decided_by.clone(),
                c.rationale.clone(),
                c.suggested
                    .map(|s| s.short().to_string())
                    .unwrap_or_default(),
                c.suggested_reason.clone(),
                c.assessed_on.map(Day::iso).unwrap_or_default(),
                if i == 0 {
                    standing.next.message()
                } else {
                    String::new()
                },
            ]);
        }
        if decisions.is_empty() {
            let mut line = vec![row.name.clone()];
            line.extend(std::iter::repeat_n(String::new(), 8));
            line.push(standing.next.message());
            out.push(line);
        }
    }
    crate::domain::base::csv::csv(out)
}

/// A headteacher's report to the board for the six months to `to`, from the data kept:
/// attainment (results), progress (stage then and now), and the implementation of the
/// school's improvement plan (its interventions, reviews and impact in the period).
#[derive(Clone, Debug, PartialEq)]
pub struct HeadReport {
    pub name: String,
    pub from: String,
    pub to: String,
    /// Results: (period, band or value), oldest first.
    pub results: Vec<(String, String)>,
    pub journey: String,
    /// The stage of the latest whole-school assessment at the start of the period, and now.
    pub stage_then: Option<(String, Option<Stage>)>,
    pub stage_now: Option<(String, Option<Stage>)>,
    pub red_flags: Vec<String>,
    pub category: String,
    pub due: String,
    pub warnings: Vec<String>,
    /// Interventions running at some time in the period.
    pub lines: Vec<PlanLine>,
    /// Reviews recorded in the period: (date, target, progress and note).
    pub reviews: Vec<(String, String, String)>,
    /// The latest assessment of each team, year group and subject by the end of the
    /// period: (what was assessed, date, stage), whole school first.
    pub teams: Vec<(String, String, Option<Stage>)>,
    /// Carter's warning about Early Years and Year 6, and Waypoint's own about teams.
    pub team_warnings: Vec<String>,
}

fn latest_whole_school<'a>(
    store: &'a impl TrustRecords,
    school: &'a str,
    by: &str,
) -> Option<&'a Assessment> {
    store
        .assessments_of(school)
        .filter(|a| a.scope == Scope::WholeSchool && a.date <= by.maybe_day())
        .max_by(|a, b| {
            a.date
                .cmp(&b.date)
                .then(a.updated_ms.total_cmp(&b.updated_ms))
        })
}

/// The headteacher's report for `school` covering the six months to `to`.
pub fn headteacher_report(
    framework: &Framework,
    store: &impl TrustRecords,
    school: &School,
    intervals: Intervals,
    to: &str,
    today: &str,
) -> HeadReport {
    let from = add_months(to, -6).unwrap_or_else(|| to.to_string());
    let row = school_row(framework, store, school, today);
    let standing = standing_with(store, &row, intervals, today);
    let stage_at = |by: &str| {
        latest_whole_school(store, &school.id, by)
            .map(|a| (a.date.map(Day::iso).unwrap_or_default(), assess(framework, a).overall.stage))
    };
    let (results, journey) = match store.trajectory_of(&school.id) {
        Some(t) => (
            t.points
                .iter()
                .zip(t.bands())
                .map(|(p, band)| {
                    let mut text = band.map(|b| b.name().to_string()).unwrap_or_default();
                    if let Some(v) = p.value {
                        text = format!("{v} ({text})");
                    }
                    (p.period.clone(), text)
                })
                .collect(),
            match row.journey {
                Some(letter) => format!(
                    "Journey {letter}: {}",
                    crate::domain::improvement::trajectory::journeys()
                        .journey(letter)
                        .name
                ),
                None => row.journey_note.clone(),
            },
        ),
        None => (Vec::new(), "No results entered".into()),
    };
    let mut plans: Vec<&Intervention> = store
        .plans_of(&school.id)
        .filter(|p| p.start <= to.maybe_day() && p.end >= from.maybe_day())
        .collect();
    crate::domain::base::order::sort_by(&mut plans, |a, b| a.start.cmp(&b.start));
    let mut reviews = Vec::new();
    for p in &plans {
        for r in p
            .reviews
            .iter()
            .filter(|r| r.date > from.maybe_day() && r.date <= to.maybe_day())
        {
            let mut text = r.progress.label().to_string();
            if !r.note.is_empty() {
                text.push_str(" – ");
                text.push_str(&r.note);
            }
            reviews.push((r.date.map(Day::iso).unwrap_or_default(), p.target.clone(), text));
        }
    }
    crate::domain::base::order::sort_by(&mut reviews, |a, b| a.0.cmp(&b.0));
    let map = crate::domain::checklist::teams::teams_map_in_terms(
        framework,
        store
            .assessments_of(&school.id)
            .filter(|a| a.date <= to.maybe_day()),
        &crate::domain::improvement::calendar::trust_term_starts(store),
    );
    HeadReport {
        teams: map
            .rows
            .iter()
            .map(|r| (r.scope.clone(), r.date.map(Day::iso).unwrap_or_default(), r.overall))
            .collect(),
        team_warnings: map.flags,
        name: school.name.clone(),
        stage_then: stage_at(&from),
        stage_now: stage_at(to),
        red_flags: row.red_flags.clone(),
        category: standing
            .current
            .as_ref()
            .map(|c| format!("{} (decided {})", c.category.label(), display(&c.date)))
            .unwrap_or_else(|| "Not yet categorised".into()),
        due: standing.next.message(),
        warnings: standing.warnings.clone(),
        lines: plans.into_iter().map(|p| PlanLine::of(p, today)).collect(),
        reviews,
        results,
        journey,
        from,
        to: to.to_string(),
    }
}
