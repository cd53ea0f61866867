//! The board's categorisation of each school: its category (level of need), the date,
//! who decided and why, with Waypoint's suggestion kept beside it; when the review and
//! the next categorisation fall due; and warnings when the evidence behind a category
//! has gone stale.
//!
//! The source trust categorises "on an annual basis and review[s] every 6 months"; those
//! are the default intervals, which a trust can change on its calendar. How soon "due
//! soon" starts and when an assessment counts as stale are Waypoint's rules
//! ([`CATEGORY_RULES`]).

use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr};

use crate::domain::base::dates::{self, display, Day, MaybeDay};
use crate::domain::improvement::overview::Need;
use crate::domain::improvement::TrustRecords;

/// The board's category: a level of need.
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
pub enum Category {
    High,
    Moderate,
    Low,
}

impl Category {
    pub const ALL: [Category; 3] = [Category::High, Category::Moderate, Category::Low];

    pub fn need(self) -> Need {
        match self {
            Category::High => Need::High,
            Category::Moderate => Need::Moderate,
            Category::Low => Need::Low,
        }
    }

    /// The category matching a suggested level of need, if it is known.
    pub fn from_need(need: Need) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.need() == need)
    }

    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn from_id(id: &str) -> Option<Category> {
        id.parse().ok()
    }

    /// "High need: intensive bespoke support", … (Waypoint's, see
    /// [`crate::domain::improvement::overview::CATEGORIES_NOTE`]).
    pub fn label(self) -> &'static str {
        self.need().label()
    }

    /// "High", …
    pub fn short(self) -> &'static str {
        self.need().short()
    }
}

/// Whether a decision is the annual categorisation or a review between two.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, IntoStaticStr, EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Decision {
    Categorisation,
    Review,
}

impl Decision {
    pub const ALL: [Decision; 2] = [Decision::Categorisation, Decision::Review];

    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn from_id(id: &str) -> Option<Decision> {
        id.parse().ok()
    }

    pub fn label(self) -> &'static str {
        match self {
            Decision::Categorisation => "Categorisation",
            Decision::Review => "Review of the category",
        }
    }
}

/// One decision of the board about one school.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Categorisation {
    pub id: String,
    pub school_id: String,
    pub decision: Decision,
    /// The date of the decision; `None` only for a record an older version took from a
    /// file with something else there (kept as stored, shown as "unknown").
    #[serde(default, with = "dates::kept", skip_serializing_if = "Option::is_none")]
    pub date: Option<Day>,
    pub category: Category,
    #[serde(default)]
    pub decided_by: String,
    #[serde(default)]
    pub rationale: String,
    /// Waypoint's suggestion on the day, kept beside the board's decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested: Option<Category>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub suggested_reason: String,
    /// The date of the assessment the suggestion came from (absent when there was none).
    #[serde(default, with = "dates::kept", skip_serializing_if = "Option::is_none")]
    pub assessed_on: Option<Day>,
    pub created_ms: f64,
    #[serde(default)]
    pub updated_ms: f64,
}

/// What the board types to record a decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryForm {
    pub decision: Decision,
    /// As the form's date field gives it (yyyy-mm-dd); read by [`CategoryForm::day`].
    pub date: String,
    pub category: Option<Category>,
    pub decided_by: String,
    pub rationale: String,
}

impl CategoryForm {
    /// Checks the form; the message says what to fix.
    pub fn validate(&self) -> Result<Category, String> {
        match (self.problems().into_iter().next(), self.category) {
            (Some((_, message)), _) => Err(message),
            (None, Some(category)) => Ok(category),
            (None, None) => Err("Choose the category.".into()),
        }
    }

    /// Every problem with the form, in its order, each with the field it is about
    /// ("category", "date", "by" or "why").
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems: Vec<(&'static str, String)> = Vec::new();
        if self.category.is_none() {
            problems.push(("category", "Choose the category.".into()));
        }
        if self.day().is_none() {
            problems.push((
                "date",
                "Enter the date of the decision as a full date, for example 2026-11-23.".into(),
            ));
        }
        if self.decided_by.trim().is_empty() {
            problems.push((
                "by",
                "Enter who decided, for example the board or its standards committee.".into(),
            ));
        }
        if self.rationale.trim().is_empty() {
            problems.push(("why", "Enter the rationale: why this category.".into()));
        }
        problems
    }

    /// The date entered, if it is a real date.
    pub fn day(&self) -> Option<Day> {
        Day::parse(&self.date).ok()
    }
}

/// How often the board decides, in months (the trust can change them on its calendar).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Intervals {
    pub categorise_months: u32,
    pub review_months: u32,
    /// How old a whole-school assessment may grow before it is due again, and before a
    /// category decided on it counts as resting on stale evidence.
    pub reassess_months: u32,
}

impl Default for Intervals {
    /// The source's: categorised annually, reviewed every six months; and Waypoint's
    /// reassessment every six months, so that each review has fresh evidence.
    fn default() -> Intervals {
        Intervals {
            categorise_months: 12,
            review_months: 6,
            reassess_months: 6,
        }
    }
}

/// "every month", "every 6 months", "every year".
pub fn every_months(months: u32) -> String {
    match months {
        1 => "every month".into(),
        12 => "every year".into(),
        n => format!("every {n} months"),
    }
}

impl Intervals {
    /// When to reassess, in the words the screens use, from the same number the due
    /// dates come from, so the words and the dates agree.
    pub fn reassess_advice(self) -> String {
        format!(
            "Reassess {} (the trust calendar's setting) to see how things moved.",
            every_months(self.reassess_months)
        )
    }
}

/// How close "due soon" starts: Waypoint's.
pub const DUE_SOON_DAYS: i64 = 30;

/// The rules, in the words shown to users.
pub fn category_rules(intervals: Intervals) -> [String; 4] {
    [
        format!(
            "A review falls due {} months after the latest decision (the categorisation or the last review), and the next categorisation {} months after the categorisation; a review that would fall within a month of that categorisation is left to it (Waypoint's rule; the trust's calendar sets the months; the source trust categorises annually and reviews every six months).",
            intervals.review_months, intervals.categorise_months
        ),
        format!("Waypoint's rule: an item is due soon within {DUE_SOON_DAYS} days of its date, and overdue the day after it."),
        format!(
            "Waypoint's rule: a category rests on stale evidence when the assessment behind it was more than {} months old on the day, or the school's latest assessment is more than {} months old now.",
            intervals.reassess_months, intervals.reassess_months
        ),
        "Waypoint's suggestion is its own rule for the level of need (see the trust overview); the board's category is the board's.".to_string(),
    ]
}

/// Where a due item stands today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DueState {
    Overdue,
    Soon,
    Later,
}

impl DueState {
    /// `None` for an item due now: never done, so without a date of its own.
    pub fn of(date: Option<Day>, today: &str) -> DueState {
        let Some(date) = date else {
            return DueState::Soon;
        };
        match today.maybe_day().map(|today| today.days_until(date)) {
            Some(d) if d < 0 => DueState::Overdue,
            Some(d) if d <= DUE_SOON_DAYS => DueState::Soon,
            _ => DueState::Later,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            DueState::Overdue => "overdue",
            DueState::Soon => "soon",
            DueState::Later => "later",
        }
    }
}

/// Something the board is due to do for a school.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueItem {
    pub decision: Decision,
    /// `None`: due now, never having been done.
    pub date: Option<Day>,
    pub state: DueState,
}

impl DueItem {
    /// "Review due 23 May 2027", "⚠ Categorisation overdue (due 23 Nov 2027)", …
    pub fn message(&self) -> String {
        if self.date.is_none() {
            return "Categorisation due now".into();
        }
        let what = match self.decision {
            Decision::Categorisation => "Categorisation",
            Decision::Review => "Review",
        };
        match self.state {
            DueState::Overdue => format!("⚠ {what} overdue (due {})", display(&self.date)),
            _ => format!("{what} due {}", display(&self.date)),
        }
    }
}

/// One school's categorisation as it stands today.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    /// The decision in force: the latest, categorisation or review.
    pub current: Option<Categorisation>,
    /// What the board is due to do next.
    pub next: DueItem,
    /// Waypoint's suggestion today, and why.
    pub suggested: Need,
    pub suggested_reason: String,
    /// The date of the assessment today's suggestion comes from.
    pub assessed_on: Option<Day>,
    /// Stale evidence and a suggestion that has moved away from the category.
    pub warnings: Vec<String>,
    /// When the school's next whole-school assessment is due, if it has one.
    pub reassess_due: Option<Day>,
}

/// Every decision about one school, newest first (by date, then as recorded).
pub fn history<'a>(store: &'a impl TrustRecords, school_id: &str) -> Vec<&'a Categorisation> {
    let mut list: Vec<&Categorisation> = store
        .categorisations()
        .iter()
        .filter(|c| c.school_id == school_id)
        .collect();
    crate::domain::base::order::sort_by(&mut list, |a, b| {
        b.date
            .cmp(&a.date)
            .then(b.created_ms.total_cmp(&a.created_ms))
    });
    list
}

/// What falls due next after these decisions (newest first), on `today`.
pub fn next_due(decisions: &[&Categorisation], intervals: Intervals, today: &str) -> DueItem {
    let item = |decision, date: Day| DueItem {
        state: DueState::of(Some(date), today),
        decision,
        date: Some(date),
    };
    let Some(base) = decisions
        .iter()
        .find(|c| c.decision == Decision::Categorisation)
    else {
        // Never categorised: due now, without a date of its own.
        return DueItem {
            decision: Decision::Categorisation,
            date: None,
            state: DueState::Soon,
        };
    };
    let annual = i64::from(intervals.categorise_months.max(1));
    let step = i64::from(intervals.review_months.max(1));
    let today = today.maybe_day();
    let Some(next_categorisation) = base
        .date
        .and_then(|d| d.add_months(annual))
        .or(today)
    else {
        return DueItem {
            decision: Decision::Categorisation,
            date: None,
            state: DueState::Soon,
        };
    };
    // A review falls `step` months after the latest decision (categorisation or review),
    // unless the categorisation itself is due by then or within a month after it.
    let latest = decisions
        .iter()
        .filter_map(|c| c.date)
        .filter(|d| Some(*d) >= base.date)
        .max()
        .or(base.date);
    let review = latest.and_then(|d| d.add_months(step)).filter(|r| {
        r.add_days(DUE_SOON_DAYS)
            .is_some_and(|soon| soon < next_categorisation)
            && today.is_some_and(|today| today < next_categorisation)
    });
    match review {
        Some(date) => item(Decision::Review, date),
        None => item(Decision::Categorisation, next_categorisation),
    }
}

/// One school's categorisation today: the decision in force, what is due, Waypoint's
/// suggestion, and warnings about stale evidence.
pub fn standing(
    store: &impl TrustRecords,
    school: &crate::domain::base::school::School,
    intervals: Intervals,
    today: &str,
) -> Standing {
    let row = crate::domain::improvement::overview::school_row(
        crate::domain::base::content::four_stages(),
        store,
        school,
        today,
    );
    standing_with(store, &row, intervals, today)
}

/// [`standing`] from a school's overview row already worked out.
pub fn standing_with(
    store: &impl TrustRecords,
    row: &crate::domain::improvement::overview::SchoolRow,
    intervals: Intervals,
    today: &str,
) -> Standing {
    let decisions = history(store, &row.key);
    let next = next_due(&decisions, intervals, today);
    let current = decisions.first().map(|c| (*c).clone());
    let months = i64::from(intervals.reassess_months.max(1));
    let reassess_due = row.assessed_on.and_then(|d| d.add_months(months));
    let mut warnings = Vec::new();
    if let Some(c) = &current {
        if c.assessed_on
            .and_then(|on| on.add_months(months))
            .is_some_and(|d| c.date.is_some_and(|date| d < date))
        {
            warnings.push(format!(
                "The category was decided on an assessment from {}, more than {months} months before the decision.",
                display(&c.assessed_on)
            ));
        }
        match (row.assessed_on, reassess_due) {
            (Some(on), Some(due)) if Some(due) < today.maybe_day() => warnings.push(format!(
                "The latest assessment ({}) is more than {months} months old: reassess before the board next decides.",
                on
            )),
            (None, _) => warnings.push(
                "No assessment of this school is kept in this browser: the category rests on other evidence only."
                    .into(),
            ),
            _ => {}
        }
        let newer = row.assessed_on.is_some_and(|on| Some(on) > c.assessed_on);
        if newer && Category::from_need(row.need).is_some_and(|s| s != c.category) {
            warnings.push(format!(
                "Waypoint now suggests {} need from the assessment of {}; the board's category is {}.",
                row.need.short().to_lowercase(),
                display(&row.assessed_on),
                c.category.short().to_lowercase()
            ));
        }
    }
    Standing {
        current,
        next,
        suggested: row.need,
        suggested_reason: row.need_reason.clone(),
        assessed_on: row.assessed_on,
        warnings,
        reassess_due,
    }
}

/// A decision ready to record, with Waypoint's suggestion of the day kept beside it.
pub fn record(
    id: String,
    school_id: &str,
    form: &CategoryForm,
    category: Category,
    standing: &Standing,
    now_ms: f64,
) -> Categorisation {
    Categorisation {
        id,
        school_id: school_id.to_string(),
        decision: form.decision,
        date: form.day(),
        category,
        decided_by: form.decided_by.trim().to_string(),
        rationale: form.rationale.trim().to_string(),
        suggested: Category::from_need(standing.suggested),
        suggested_reason: standing.suggested_reason.clone(),
        assessed_on: standing.assessed_on,
        created_ms: now_ms,
        updated_ms: now_ms,
    }
}

/// One school's line of the board's table of categories (every school in one table).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableLine {
    pub school_id: String,
    /// `None`: the board did not decide on this school this time.
    pub category: Option<Category>,
    /// This school's own rationale; empty to use the one for the whole table.
    pub rationale: String,
}

/// The board's decisions on several schools at one meeting: one date, who decided and a
/// rationale typed once, a category chosen per school (each a categorisation or a
/// review, whichever is due). Schools left unchosen are skipped; the message says what
/// to fix.
#[allow(clippy::too_many_arguments)]
pub fn record_table(
    store: &impl TrustRecords,
    lines: &[TableLine],
    date: &str,
    decided_by: &str,
    rationale: &str,
    today: &str,
    mut new_id: impl FnMut() -> String,
    now_ms: f64,
) -> Result<Vec<Categorisation>, String> {
    let chosen: Vec<&TableLine> = lines.iter().filter(|l| l.category.is_some()).collect();
    if chosen.is_empty() {
        return Err("Choose a category for at least one school.".into());
    }
    let intervals = store
        .calendars()
        .first()
        .map(|c| c.intervals())
        .unwrap_or_default();
    let mut out = Vec::new();
    for line in chosen {
        let Some(school) = store.schools().iter().find(|s| s.id == line.school_id) else {
            continue;
        };
        let now = standing(store, school, intervals, today);
        let own = line.rationale.trim();
        let form = CategoryForm {
            decision: now.next.decision,
            date: date.to_string(),
            category: line.category,
            decided_by: decided_by.to_string(),
            rationale: if own.is_empty() { rationale } else { own }.to_string(),
        };
        let category = form
            .validate()
            .map_err(|why| format!("{}: {why}", school.name))?;
        out.push(record(new_id(), &school.id, &form, category, &now, now_ms));
    }
    Ok(out)
}
