//! The trust overview: every school in this browser with its stage, journey, whether it
//! is likely to give or take capacity, and its level of need; and suggested pairings of
//! a school strong in a theme with one that is weak in it.
//!
//! The seeds categorise schools "on an annual basis and review every 6 months to
//! determine overall level of need", and hold that "everyone has something to 'bring to
//! the table'". Waypoint suggests a level by its own rule in [`NEED_RULES`] (not Carter's,
//! nor any trust's); it is a starting point for the trust's own judgement, and says why.

use crate::domain::base::dates::Day;
use crate::domain::base::content::{Framework, Stage};
use crate::domain::checklist::assessment::{Assessment, Scope};
use crate::domain::checklist::placement::{assess, concerns_first_line};
use crate::domain::improvement::trajectory::{
    check_against_data, journeys, suggest_role, Classification, DataCheck, Role,
};
use crate::domain::improvement::TrustRecords;

/// Shown where a school has assessments of its teams, subjects or year groups only.
pub const NO_WHOLE_SCHOOL: &str = "no whole-school assessment yet, so no stage for the school (its teams, subjects or year groups are on its own page)";

/// A suggested level of need, highest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Need {
    High,
    Moderate,
    Low,
    /// Neither an assessment nor a journey is known.
    Unknown,
}

impl Need {
    pub const ALL: [Need; 4] = [Need::High, Need::Moderate, Need::Low, Need::Unknown];

    pub fn label(self) -> &'static str {
        match self {
            Need::High => "High need: intensive bespoke support",
            Need::Moderate => "Moderate need: targeted bespoke support",
            Need::Low => "Low need: bespoke support to keep improving",
            Need::Unknown => "Not yet known",
        }
    }

    pub fn short(self) -> &'static str {
        match self {
            Need::High => "High",
            Need::Moderate => "Moderate",
            Need::Low => "Low",
            Need::Unknown => "Not known",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Need::High => "high",
            Need::Moderate => "moderate",
            Need::Low => "low",
            Need::Unknown => "unknown",
        }
    }
}

/// Whose the categories are, shown wherever they are chosen or listed.
pub const CATEGORIES_NOTE: &str = "The three categories and their wording are Waypoint's, not Carter's nor any trust's. Every school gets support bespoke to its needs: one source trust writes “We do not operate a ‘one size fits all’ model” and “school improvement is not reserved for schools which have standards lower than we expect”.";

/// Whose rule the level of need is, shown above [`NEED_RULES`].
pub const NEED_RULES_INTRO: &str = "Waypoint's own rule, not Carter's: a starting point for the trust's own categorisation. The highest level any part of it reaches is suggested, with every reason at that level.";

/// How the level of need is suggested, in the words shown to users.
pub const NEED_RULES: [&str; 4] = [
    "High need: the latest whole-school assessment places the school at Stabilise, or two or more Stabilise concerns are clearly seen, or its trajectory is journey C (Rapid Decliners) or H (Weakest System Performers).",
    "Moderate need: it is placed at Repair, or a Stabilise concern is seen (clearly or partly), or its journey is D (Slow Decliners), or it is placed at Improve while likely to take capacity, or its results contradict its self-assessment by Carter's outcomes features.",
    "Low need: it is placed at Improve or Sustain with no Stabilise concern seen and none of the above, or only a journey of capacity givers is known.",
    "Not yet known: there is no assessment with a stage and no journey.",
];

/// One school's row of the overview.
#[derive(Clone, Debug, PartialEq)]
pub struct SchoolRow {
    /// The school's id.
    pub key: String,
    pub name: String,
    /// The latest whole-school assessment, if any.
    pub assessment_id: Option<String>,
    /// Only teams, subjects or year groups are assessed: there is no whole-school stage.
    pub teams_only: bool,
    pub assessed_on: Option<Day>,
    pub stage: Option<Stage>,
    pub tentative: bool,
    /// The stage of each theme, in the framework's order.
    pub themes: Vec<Option<Stage>>,
    /// The stage the other answers fit, when clearly seen concerns come first.
    pub capped_from: Option<Stage>,
    /// The Stabilise concerns seen in that assessment, as red flags.
    pub red_flags: Vec<String>,
    /// The stage set beside the latest result, when they are two or more steps apart.
    pub data_check: Option<DataCheck>,
    /// The journey letter, when one fits: from the results' bands, or else from the dated
    /// stages of its whole-school assessments.
    pub journey: Option<char>,
    /// True when the journey (and role) come from the dated stages, not the bands.
    pub journey_from_stages: bool,
    pub journey_note: String,
    /// The role it can play now, and what it can give or needs.
    pub role: Option<Role>,
    pub role_text: String,
    pub need: Need,
    pub need_reason: String,
    /// The board's category in force, if the board has decided one (not Waypoint's
    /// suggestion, which is `need`).
    pub category: Option<crate::domain::improvement::categorisation::Category>,
    /// Open interventions, and how many of them are overdue today.
    pub open_plans: usize,
    pub overdue_plans: usize,
}

impl SchoolRow {
    /// The row's warnings, one an item: the concerns first, each red flag, the stage against the
    /// data; shown behind a compact mark ([`SchoolRow::flag_mark`]).
    pub fn flag_items(&self) -> Vec<String> {
        let mut items = Vec::new();
        if let Some(fitted) = self.capped_from {
            items.push(concerns_first_line(fitted));
        }
        items.extend(self.red_flags.iter().map(|f| format!("Red flag: {f}")));
        if let Some(check) = &self.data_check {
            items.push(check.short());
        }
        items
    }

    /// "⚑ 8" for eight warnings, or `None` without any.
    pub fn flag_mark(&self) -> Option<String> {
        let n = self.flag_items().len();
        (n > 0).then(|| format!("⚑ {n}"))
    }
}

/// The latest whole-school assessment: a team's, subject's or year group's stage is never
/// taken for the school's.
fn latest<'a>(assessments: &[&'a Assessment]) -> Option<&'a Assessment> {
    assessments
        .iter()
        .copied()
        .filter(|a| a.scope == Scope::WholeSchool)
        .max_by(|a, b| {
            a.date
                .cmp(&b.date)
                .then(a.updated_ms.total_cmp(&b.updated_ms))
        })
}

/// What the level of need is suggested from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NeedFacts {
    pub stage: Option<Stage>,
    pub journey: Option<char>,
    pub role: Option<Role>,
    /// Stabilise concerns clearly seen, and partly seen.
    pub concerns_clear: usize,
    pub concerns_partly: usize,
    /// How many of the answers and the stage the results contradict (Carter's outcomes
    /// features, see [`crate::domain::improvement::trajectory::DATA_RULE`]).
    pub data_findings: usize,
}

/// The suggested level of need and the reasons, by [`NEED_RULES`].
pub fn need(facts: &NeedFacts) -> (Need, String) {
    let journey_name =
        |letter: char| format!("journey {letter} ({})", journeys().journey(letter).name);
    let mut reasons: Vec<(Need, String)> = Vec::new();
    let mut add = |need: Need, reason: String| reasons.push((need, reason));
    match facts.stage {
        Some(Stage::Stabilise) => add(Need::High, "placed at Stabilise".into()),
        Some(Stage::Repair) => add(Need::Moderate, "placed at Repair".into()),
        _ => {}
    }
    let concerns = |n: usize, how: &str| {
        format!(
            "{n} Stabilise concern{} {how} seen",
            if n == 1 { "" } else { "s" },
        )
    };
    match (facts.concerns_clear, facts.concerns_partly) {
        (clear, _) if clear >= 2 => add(Need::High, concerns(clear, "clearly")),
        (1, _) => add(Need::Moderate, concerns(1, "clearly")),
        (0, partly) if partly > 0 => add(Need::Moderate, concerns(partly, "partly")),
        _ => {}
    }
    match facts.journey {
        Some(j @ ('C' | 'H')) => add(Need::High, format!("on {}", journey_name(j))),
        Some(j @ 'D') => add(Need::Moderate, format!("on {}", journey_name(j))),
        _ => {}
    }
    if facts.stage == Some(Stage::Improve) && facts.role == Some(Role::Taker) {
        add(
            Need::Moderate,
            "placed at Improve but likely to take capacity".into(),
        );
    }
    if facts.data_findings > 0 {
        add(
            Need::Moderate,
            "its results contradict its self-assessment (Carter's outcomes features)".into(),
        );
    }
    if let Some(level) = reasons.iter().map(|(n, _)| *n).min() {
        let why: Vec<String> = reasons
            .into_iter()
            .filter(|(n, _)| *n == level)
            .map(|(_, r)| r)
            .collect();
        return (level, why.join("; "));
    }
    match (facts.stage, facts.journey) {
        (Some(stage), Some(j)) => (
            Need::Low,
            format!("placed at {} on {}", stage.name(), journey_name(j)),
        ),
        (Some(stage), None) => (
            Need::Low,
            format!("placed at {}; no journey known", stage.name()),
        ),
        (None, Some(j)) => (
            Need::Low,
            format!("on {}; not assessed yet", journey_name(j)),
        ),
        (None, None) => (Need::Unknown, "no stage and no journey yet".into()),
    }
}

/// The self-assessed stage of a whole-school assessment set beside its school's latest
/// result (see [`crate::domain::improvement::trajectory::DATA_RULE`]); `None` for a team's assessment or
/// without results.
pub fn data_check(
    store: &impl TrustRecords,
    assessment: &Assessment,
    stage: Option<Stage>,
) -> Option<DataCheck> {
    if assessment.scope != Scope::WholeSchool {
        return None;
    }
    let trajectory = store.trajectory_of(&assessment.school_id)?;
    check_against_data(stage, assessment, trajectory)
}

/// A school's latest whole-school assessment set against its results, when they disagree
/// (for the school page).
pub fn school_data_flag(
    framework: &Framework,
    store: &impl TrustRecords,
    key: &str,
) -> Option<DataCheck> {
    let list: Vec<&Assessment> = store.assessments_of(key).collect();
    let chosen = latest(&list)?;
    let stage = assess(framework, chosen).overall.stage;
    data_check(store, chosen, stage).filter(DataCheck::flagged)
}

/// The journey read from the dated stages of a school's whole-school assessments, oldest
/// first (see [`crate::domain::improvement::trajectory::STAGE_JOURNEY_RULE`]).
pub fn stage_journey(
    framework: &Framework,
    assessments: &[&Assessment],
) -> crate::domain::improvement::trajectory::Reading {
    let mut whole: Vec<&Assessment> = assessments
        .iter()
        .copied()
        .filter(|a| a.scope == Scope::WholeSchool)
        .collect();
    crate::domain::base::order::sort_by(&mut whole, |a, b| {
        a.date
            .cmp(&b.date)
            .then(a.created_ms.total_cmp(&b.created_ms))
    });
    let stages: Vec<(String, Stage)> = whole
        .iter()
        .filter_map(|a| {
            assess(framework, a)
                .overall
                .stage
                .map(|s| (a.date.map(Day::iso).unwrap_or_default(), s))
        })
        .collect();
    crate::domain::improvement::trajectory::stage_reading(&stages)
}

/// Every school in the store, by name.
pub fn overview(framework: &Framework, store: &impl TrustRecords, today: &str) -> Vec<SchoolRow> {
    let mut schools: Vec<&crate::domain::base::school::School> = store.schools().iter().collect();
    crate::domain::base::order::sort_by_key(&mut schools, |s| s.name.to_lowercase());
    schools
        .into_iter()
        .map(|school| school_row(framework, store, school, today))
        .collect()
}

/// One school's row of the overview.
pub fn school_row(
    framework: &Framework,
    store: &impl TrustRecords,
    school: &crate::domain::base::school::School,
    today: &str,
) -> SchoolRow {
    let key = school.id.clone();
    let name = school.name.clone();
    let assessments: Vec<&Assessment> = store.assessments_of(&key).collect();
    let chosen = latest(&assessments);
    let result = chosen.map(|a| assess(framework, a));
    let stage = result.as_ref().and_then(|r| r.overall.stage);
    let band_reading = store.trajectory_of(&key).map(|t| t.reading());
    let staged = stage_journey(framework, &assessments);
    let journey_from_stages = band_reading
        .as_ref()
        .is_none_or(|r| r.classification.letter().is_none())
        && staged.classification.letter().is_some();
    let reading = if journey_from_stages {
        Some(staged)
    } else {
        band_reading
    };
    let (journey, journey_note) = match reading.as_ref().map(|r| &r.classification) {
        Some(Classification::Journey { letter, .. }) => (Some(*letter), String::new()),
        Some(Classification::Ambiguous { closest, .. }) => (
            None,
            format!(
                "No clear journey; closest {}",
                closest
                    .iter()
                    .map(|c| c.letter.to_string())
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        ),
        Some(Classification::TooShort { .. }) => (None, "Too few points for a journey".into()),
        None => (None, "No trajectory entered".into()),
    };
    let suggestion = reading.as_ref().and_then(suggest_role);
    let role = suggestion.as_ref().map(|s| s.role);
    let overall = result.as_ref().map(|r| &r.overall);
    let flags = overall.map(|o| o.red_flags.as_slice()).unwrap_or_default();
    let clear = flags
        .iter()
        .filter(|f| f.level == crate::domain::checklist::assessment::Level::Clearly)
        .count();
    let checked = chosen.and_then(|a| data_check(store, a, stage));
    let teams_only = chosen.is_none() && !assessments.is_empty();
    let (need, mut need_reason) = need(&NeedFacts {
        stage,
        journey,
        role,
        concerns_clear: clear,
        concerns_partly: flags.len() - clear,
        data_findings: checked.as_ref().map_or(0, |c| c.findings.len()),
    });
    if teams_only && stage.is_none() {
        need_reason = format!("{need_reason}: {NO_WHOLE_SCHOOL}");
    }
    let plans: Vec<_> = store
        .plans_of(&key)
        .filter(|p| p.status.is_open())
        .collect();
    SchoolRow {
        assessment_id: chosen.map(|a| a.id.clone()),
        teams_only,
        assessed_on: chosen.and_then(|a| a.date),
        stage,
        tentative: result.as_ref().is_some_and(|r| r.overall.is_tentative()),
        capped_from: overall.filter(|o| o.is_capped()).and_then(|o| o.fitted),
        red_flags: flags
            .iter()
            .map(|f| format!("{} ({})", f.text, f.level.label().to_lowercase()))
            .collect(),
        data_check: checked.filter(DataCheck::flagged),
        role_text: suggestion.map(|s| s.text).unwrap_or_default(),
        themes: result
            .map(|r| r.themes.iter().map(|t| t.placement.stage).collect())
            .unwrap_or_else(|| vec![None; framework.themes.len()]),
        journey,
        journey_from_stages,
        journey_note,
        role,
        need,
        need_reason,
        category: crate::domain::improvement::categorisation::history(store, &key)
            .first()
            .map(|c| c.category),
        open_plans: plans.len(),
        overdue_plans: plans.iter().filter(|p| p.overdue(today).is_some()).count(),
        key,
        name,
    }
}

/// A suggested school-to-school pairing for one theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Pairing {
    pub theme_id: String,
    pub theme: String,
    pub giver: String,
    pub giver_stage: Stage,
    pub taker: String,
    pub taker_stage: Stage,
}

/// How pairings are suggested, in the words shown to users.
pub const PAIRING_RULE: &str = "Waypoint's own suggestion, not Carter's: for each theme, a school placed at Stabilise or Repair in that theme is paired with a school placed at Sustain in it (or Improve, if none is at Sustain) that is not itself a likely capacity taker. The strongest in the theme is chosen first, and no school is asked to support more than two others in the same theme.";

/// Pairs schools weak in a theme with schools strong in it.
pub fn pairings(framework: &Framework, rows: &[SchoolRow]) -> Vec<Pairing> {
    let mut out = Vec::new();
    for (index, theme) in framework.themes.iter().enumerate() {
        let stage_in = |row: &SchoolRow| row.themes.get(index).copied().flatten();
        let mut givers: Vec<(&SchoolRow, Stage, usize)> = rows
            .iter()
            .filter(|r| r.role != Some(Role::Taker))
            .filter_map(|r| {
                stage_in(r)
                    .filter(|s| *s >= Stage::Improve)
                    .map(|s| (r, s, 0))
            })
            .collect();
        // Strongest first; then by name, so the suggestion is stable.
        crate::domain::base::order::sort_by(&mut givers, |a, b| {
            b.1.cmp(&a.1).then(a.0.name.cmp(&b.0.name))
        });
        let mut takers: Vec<(&SchoolRow, Stage)> = rows
            .iter()
            .filter_map(|r| stage_in(r).filter(|s| *s <= Stage::Repair).map(|s| (r, s)))
            .collect();
        crate::domain::base::order::sort_by(&mut takers, |a, b| {
            a.1.cmp(&b.1).then(a.0.name.cmp(&b.0.name))
        });
        for (taker, taker_stage) in takers {
            let best = givers
                .iter_mut()
                .filter(|g| g.0.key != taker.key && g.2 < 2)
                .min_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
            if let Some(giver) = best {
                giver.2 += 1;
                out.push(Pairing {
                    theme_id: theme.id.clone(),
                    theme: theme.name.clone(),
                    giver: giver.0.name.clone(),
                    giver_stage: giver.1,
                    taker: taker.name.clone(),
                    taker_stage,
                });
            }
        }
    }
    out
}

/// How the overview can be sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    Name,
    /// The board's category (highest need first; schools not categorised last).
    Category,
    /// Waypoint's suggested level of need.
    Need,
    Stage,
    Journey,
}

impl SortBy {
    pub const ALL: [SortBy; 5] = [
        SortBy::Category,
        SortBy::Need,
        SortBy::Stage,
        SortBy::Journey,
        SortBy::Name,
    ];

    pub fn id(self) -> &'static str {
        match self {
            SortBy::Name => "name",
            SortBy::Category => "category",
            SortBy::Need => "need",
            SortBy::Stage => "stage",
            SortBy::Journey => "journey",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortBy::Name => "School name",
            SortBy::Category => "The board's category (highest need first)",
            SortBy::Need => "Waypoint's suggested need (highest first)",
            SortBy::Stage => "Stage (earliest first)",
            SortBy::Journey => "Journey (A to H)",
        }
    }

    pub fn from_id(id: &str) -> Option<SortBy> {
        SortBy::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// Which schools to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Part of the name, any case.
    pub text: String,
    pub need: Option<Need>,
    pub stage: Option<Stage>,
    pub role: Option<Role>,
}

impl Filter {
    pub fn keeps(&self, row: &SchoolRow) -> bool {
        let text = self.text.trim().to_lowercase();
        (text.is_empty() || row.name.to_lowercase().contains(&text))
            && self.need.is_none_or(|n| row.need == n)
            && self.stage.is_none_or(|s| row.stage == Some(s))
            && self.role.is_none_or(|r| row.role == Some(r))
    }
}

/// The rows the filter keeps, in the chosen order (ties by name).
pub fn arrange(rows: &[SchoolRow], filter: &Filter, sort: SortBy) -> Vec<SchoolRow> {
    let mut kept: Vec<SchoolRow> = rows.iter().filter(|r| filter.keeps(r)).cloned().collect();
    let stage_rank = |r: &SchoolRow| r.stage.map_or(4, |s| s.index());
    crate::domain::base::order::sort_by(&mut kept, |a, b| {
        let first = match sort {
            SortBy::Name => std::cmp::Ordering::Equal,
            SortBy::Category => a
                .category
                .map_or(3, |c| c as u8)
                .cmp(&b.category.map_or(3, |c| c as u8))
                .then(a.need.cmp(&b.need)),
            SortBy::Need => a.need.cmp(&b.need).then(stage_rank(a).cmp(&stage_rank(b))),
            SortBy::Stage => stage_rank(a).cmp(&stage_rank(b)),
            SortBy::Journey => a.journey.unwrap_or('Z').cmp(&b.journey.unwrap_or('Z')),
        };
        first.then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    kept
}
