//! Best-fit stage placement: which of the four stages the answers describe best,
//! for the whole assessment and for each theme, stated honestly when evidence is
//! thin or mixed.
//!
//! The rule, in the words shown to users, is [`RULE_EXPLANATION`]; how Stabilise concerns
//! are treated is [`CONCERN_RULE`], and the next steps follow [`NEXT_STEPS_RULE`].

use crate::domain::base::content::{Feature, Framework, Stage};
use crate::domain::checklist::assessment::{Assessment, Level};

/// How the best-fit stage is chosen, in plain words for the result page.
pub const RULE_EXPLANATION: &str = "Carter describes the stages; the answer scale and this rule for \
choosing one are Waypoint's. Each stage's fit is the share of its observable features that you see: \
\"clearly\" counts in full, \"partly\" counts half, \"not seen\" counts nothing, and features marked \
\"not applicable\" or not yet answered are left out. The best-fit stage is the one with the highest fit. \
When two stages fit equally well, Waypoint chooses the later one, because each stage builds on the one \
before. A stage that fits almost as well (within 15 percentage points) is reported beside the best fit, \
because the stages overlap in practice.";

/// The answers each stage needs (or all its features, if it has fewer) before Waypoint
/// suggests a best fit without calling it provisional: Waypoint's rule, so that a stage is
/// not suggested from a handful of answers.
pub const FEW_ANSWERS: usize = 3;

/// Fits this close to the best (as a fraction) are reported as almost as good.
pub const CLOSE_MARGIN: f64 = 0.15;

/// How Stabilise concerns are treated, in the words shown to users.
pub const CONCERN_RULE: &str = "Stabilise concerns are red flags: any Stabilise feature you see, \
clearly or partly, is listed first, in every theme it belongs to, in the report, the exports and the \
trust overview. Waypoint's own rule, not Carter's: while a concern is clearly seen, the stage is at \
most Repair (overall, and in each theme the concern belongs to), because the stages are sequential \
and a school is not past repair while a Stabilise concern is plain to see. The stage the answers \
would otherwise fit is shown beside it. A concern seen only partly is flagged but does not cap the stage.";

/// The latest stage a placement can have while a Stabilise concern is clearly seen.
pub const CAP: Stage = Stage::Repair;

/// A Stabilise feature that is seen: a red flag, shown before anything else.
#[derive(Clone, Debug, PartialEq)]
pub struct RedFlag {
    pub feature_id: String,
    pub text: String,
    /// Clearly or partly.
    pub level: Level,
    /// The names of the themes the feature belongs to.
    pub themes: Vec<String>,
}

impl RedFlag {
    /// E.g. "Significant financial risk or mismanagement (clearly seen; Governance and finance)".
    pub fn message(&self) -> String {
        format!(
            "{} ({} seen; {})",
            self.text,
            self.level.label().to_lowercase(),
            self.themes.join(", ")
        )
    }
}

/// "Red flag: a Stabilise concern is seen" or "Red flags: 2 Stabilise concerns are seen".
pub fn red_flags_heading(count: usize) -> String {
    if count == 1 {
        "Red flag: a Stabilise concern is seen".into()
    } else {
        format!("Red flags: {count} Stabilise concerns are seen")
    }
}

/// The evidence for one stage within a set of features.
#[derive(Clone, Debug, PartialEq)]
pub struct StageFit {
    pub stage: Stage,
    /// Features of this stage in the set.
    pub total: usize,
    /// Features answered with a level other than "not applicable".
    pub applicable_answered: usize,
    pub not_applicable: usize,
    /// Clearly = 2, partly = 1, not seen = 0, summed.
    pub half_points: u32,
}

impl StageFit {
    /// The share of this stage's answered features that are seen, from 0 to 1;
    /// `None` when none of them has an applicable answer.
    pub fn fit(&self) -> Option<f64> {
        (self.applicable_answered > 0)
            .then(|| f64::from(self.half_points) / (2.0 * self.applicable_answered as f64))
    }

    pub fn unanswered(&self) -> usize {
        self.total - self.applicable_answered - self.not_applicable
    }

    /// Features with any level chosen, "not applicable" included.
    pub fn answered(&self) -> usize {
        self.applicable_answered + self.not_applicable
    }

    /// Whether the stage has fewer answers than [`FEW_ANSWERS`] (or than its features).
    pub fn is_short(&self) -> bool {
        self.answered() < FEW_ANSWERS.min(self.total)
    }
}

/// How a stage to read with care is marked, in plain words.
pub const TENTATIVE_WORDS: &str = "not clear-cut: read with care";

/// Something the user should know about how far to trust a placement.
#[derive(Clone, Debug, PartialEq)]
pub enum Caveat {
    /// No feature has an applicable answer yet.
    NoEvidence,
    /// Every answered feature is "not seen", so no stage describes the school.
    NothingSeen,
    /// Fewer than half of the features are answered, or a stage has fewer than
    /// [`FEW_ANSWERS`] answers (`short`: each such stage and its answers so far): the
    /// placement is provisional.
    Provisional {
        answered: usize,
        total: usize,
        short: Vec<(Stage, usize)>,
    },
    /// Some features are still unanswered.
    Unanswered { count: usize },
    /// A stage could not be weighed because none of its features has an applicable answer.
    StageWithoutEvidence(Stage),
    /// The neighbouring stage fits almost as well: the school is between the two.
    Boundary { other: Stage },
    /// A stage that is not next to the best fit also fits: the evidence pulls two ways.
    Mixed { other: Stage },
    /// The answers fit `fitted` best, but clearly seen Stabilise concerns cap the stage at Repair.
    Capped { fitted: Stage, concerns: usize },
}

impl Caveat {
    /// The caveat in plain words.
    pub fn message(&self) -> String {
        match self {
            Caveat::NoEvidence => "No features are answered yet, so no stage can be suggested.".into(),
            Caveat::NothingSeen => "Every feature answered so far is \"not seen\", so none of the stages describes what you see yet. Answer more features, or check the answers.".into(),
            Caveat::Provisional { answered, total, short } if short.is_empty() => format!(
                "Provisional: only {answered} of {total} features are answered. A best fit needs at least half of them."
            ),
            Caveat::Provisional { answered, total, short } => format!(
                "Provisional: {answered} of {total} features are answered. A best fit needs at least half of them, with {FEW_ANSWERS} or more in every stage (still short: {}).",
                short
                    .iter()
                    .map(|(stage, n)| format!("{stage} {n}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Caveat::Unanswered { count } => format!(
                "{count} feature{} still unanswered.",
                if *count == 1 { " is" } else { "s are" }
            ),
            Caveat::StageWithoutEvidence(stage) => format!(
                "{stage} is left out of the best fit: none of its features has an answer other than “Not applicable”."
            ),
            Caveat::Boundary { other } => format!(
                "{other} fits almost as well: the evidence places this between the two stages."
            ),
            Caveat::Mixed { other } => format!(
                "Mixed evidence: {other} also fits well, although it is not a neighbouring stage. Check the answers and notes."
            ),
            Caveat::Capped { fitted, concerns } => format!(
                "Capped at {CAP}: the answers fit {fitted} best, but {} clearly seen. By Waypoint's rule, the stage is at most {CAP} while one is.",
                if *concerns == 1 {
                    "a Stabilise concern is".to_string()
                } else {
                    format!("{concerns} Stabilise concerns are")
                }
            ),
        }
    }
}

/// The best-fit stage for a set of features, with the evidence behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// `None` when no stage can be suggested (see the caveats). At most [`CAP`] while a
    /// Stabilise concern is clearly seen.
    pub stage: Option<Stage>,
    /// The stage the fits alone choose, before the cap.
    pub fitted: Option<Stage>,
    /// The Stabilise features of this set that are seen, clearly or partly.
    pub red_flags: Vec<RedFlag>,
    /// One entry per stage, earliest first.
    pub fits: Vec<StageFit>,
    /// Features with any level chosen, including "not applicable".
    pub answered: usize,
    pub total: usize,
    pub caveats: Vec<Caveat>,
}

impl Placement {
    pub fn fit_of(&self, stage: Stage) -> &StageFit {
        &self.fits[stage.index()]
    }

    /// True when clearly seen concerns hold the stage below the one the answers fit.
    pub fn is_capped(&self) -> bool {
        self.stage != self.fitted
    }

    /// A short note for a table cell: "⚑ 2 concerns; capped from Sustain".
    pub fn flag_note(&self) -> Option<String> {
        if self.red_flags.is_empty() {
            return None;
        }
        let n = self.red_flags.len();
        let mut note = format!("⚑ {n} concern{}", if n == 1 { "" } else { "s" });
        if let (true, Some(fitted)) = (self.is_capped(), self.fitted) {
            note.push_str(&format!("; capped from {fitted}"));
        }
        Some(note)
    }

    /// True when a stage is suggested and the answers are enough to stand behind it: at
    /// least half the features, and [`FEW_ANSWERS`] in every stage. Until then the best
    /// fit is shown as provisional.
    pub fn is_settled(&self) -> bool {
        self.stage.is_some()
            && !self
                .caveats
                .iter()
                .any(|c| matches!(c, Caveat::Provisional { .. }))
    }

    /// True when the stage should be read with care (thin or mixed evidence); shown in
    /// the words of [`TENTATIVE_WORDS`].
    pub fn is_tentative(&self) -> bool {
        self.caveats.iter().any(|c| {
            matches!(
                c,
                Caveat::Provisional { .. } | Caveat::Boundary { .. } | Caveat::Mixed { .. }
            )
        })
    }
}

/// Places the features of `framework` that `include` selects.
pub fn place<F>(framework: &Framework, assessment: &Assessment, include: F) -> Placement
where
    F: Fn(&Feature) -> bool,
{
    let mut fits: Vec<StageFit> = Stage::ALL
        .iter()
        .map(|&stage| StageFit {
            stage,
            total: 0,
            applicable_answered: 0,
            not_applicable: 0,
            half_points: 0,
        })
        .collect();
    let mut answered = 0;
    let mut total = 0;
    let mut red_flags = Vec::new();
    for feature in framework.features.iter().filter(|f| include(f)) {
        total += 1;
        let fit = &mut fits[feature.stage.index()];
        fit.total += 1;
        let Some(level) = assessment.level(&feature.id) else {
            continue;
        };
        answered += 1;
        if feature.stage == Stage::Stabilise && matches!(level, Level::Clearly | Level::Partly) {
            red_flags.push(RedFlag {
                feature_id: feature.id.clone(),
                text: feature.text.clone(),
                level,
                themes: feature
                    .themes
                    .iter()
                    .filter_map(|t| framework.theme(t).map(|t| t.name.clone()))
                    .collect(),
            });
        }
        match level.half_points() {
            Some(points) => {
                fit.applicable_answered += 1;
                fit.half_points += points;
            }
            None => fit.not_applicable += 1,
        }
    }
    let (fitted, mut caveats) = choose_stage(&fits);
    let clear = red_flags
        .iter()
        .filter(|f| f.level == Level::Clearly)
        .count();
    let stage = match fitted {
        Some(s) if clear > 0 && s > CAP => {
            caveats.insert(
                0,
                Caveat::Capped {
                    fitted: s,
                    concerns: clear,
                },
            );
            Some(CAP)
        }
        other => other,
    };
    if stage.is_some() {
        let short: Vec<(Stage, usize)> = fits
            .iter()
            .filter(|f| f.is_short())
            .map(|f| (f.stage, f.answered()))
            .collect();
        if answered * 2 < total || !short.is_empty() {
            caveats.insert(
                0,
                Caveat::Provisional {
                    answered,
                    total,
                    short,
                },
            );
        }
        if answered < total && answered * 2 >= total {
            caveats.push(Caveat::Unanswered {
                count: total - answered,
            });
        }
        caveats.extend(
            fits.iter()
                .filter(|f| f.total > 0 && f.fit().is_none())
                .map(|f| Caveat::StageWithoutEvidence(f.stage)),
        );
    }
    Placement {
        stage,
        fitted,
        red_flags,
        fits,
        answered,
        total,
        caveats,
    }
}

fn choose_stage(fits: &[StageFit]) -> (Option<Stage>, Vec<Caveat>) {
    let weighed: Vec<(Stage, f64)> = fits
        .iter()
        .filter_map(|f| f.fit().map(|fit| (f.stage, fit)))
        .collect();
    let Some(best) = weighed.iter().map(|&(_, fit)| fit).reduce(f64::max) else {
        return (None, vec![Caveat::NoEvidence]);
    };
    if best <= 0.0 {
        return (None, vec![Caveat::NothingSeen]);
    }
    const TIE: f64 = 1e-9;
    let chosen = weighed
        .iter()
        .rev()
        .find(|&&(_, fit)| fit >= best - TIE)
        .map(|&(stage, _)| stage)
        .expect("the best fit belongs to a stage");
    let caveats = weighed
        .iter()
        .filter(|&&(stage, fit)| stage != chosen && fit > 0.0 && fit >= best - CLOSE_MARGIN - TIE)
        .map(|&(other, _)| {
            if other.index().abs_diff(chosen.index()) == 1 {
                Caveat::Boundary { other }
            } else {
                Caveat::Mixed { other }
            }
        })
        .collect();
    (Some(chosen), caveats)
}

/// What the next steps are, in the words shown to users.
pub const NEXT_STEPS_RULE: &str = "Next steps in Carter's terms: first the Stabilise concerns still \
seen, to remove; then the features of the stage your answers fit (before any cap) that are not yet \
clearly seen; then what the next stage looks like, in Carter's words. Carter describes what a school at each stage looks \
like: the next stage is a description, not a list of targets, and some of its features (mixed CPD, \
low-level disruption) describe what is still imperfect there.";

/// A feature listed as a next step, with the answer it has now.
#[derive(Clone, Debug, PartialEq)]
pub struct StepFeature<'a> {
    pub feature: &'a Feature,
    pub level: Option<Level>,
}

/// What would move the school on from its stage, in Carter's terms.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct NextSteps<'a> {
    /// Stabilise concerns still seen (clearly or partly): to remove, first.
    pub concerns: Vec<StepFeature<'a>>,
    /// The stage the school is placed at.
    pub stage: Option<Stage>,
    /// The current stage's features not yet clearly seen. Empty at Stabilise, whose
    /// features are the concerns themselves.
    pub not_yet_seen: Vec<StepFeature<'a>>,
    /// The next stage, and every one of its features: how Carter describes it.
    pub next_stage: Option<Stage>,
    pub next_looks_like: Vec<StepFeature<'a>>,
}

impl NextSteps<'_> {
    pub const CONCERNS_HEADING: &'static str = "Stabilise concerns to remove first";

    pub fn current_heading(stage: Stage) -> String {
        format!("{stage} features not yet clearly seen")
    }

    pub fn current_note(stage: Stage) -> String {
        format!("Carter's description of {stage}, the stage your answers fit. Where a feature is not seen, check whether the school has moved past it or has still to reach it.")
    }

    pub fn next_heading(next: Stage) -> String {
        format!("What {next} looks like, in Carter's words")
    }

    pub fn next_note(next: Stage) -> String {
        format!("How Carter describes a school in {next}: a description of the stage, not a list of targets. Your answer to each is shown beside it.")
    }
}

/// The next steps from a placement: the concerns to remove, the current stage's features
/// not yet seen, and what the next stage looks like. `placed` is the stage the answers fit
/// ([`Placement::fitted`]): a cap holds the stage back, not the description of where the
/// school is.
pub fn next_steps<'a>(
    framework: &'a Framework,
    assessment: &Assessment,
    placed: Option<Stage>,
) -> NextSteps<'a> {
    let step = |feature: &'a Feature| StepFeature {
        feature,
        level: assessment.level(&feature.id),
    };
    let concerns = framework
        .features_of_stage(Stage::Stabilise)
        .map(step)
        .filter(|s| matches!(s.level, Some(Level::Clearly) | Some(Level::Partly)))
        .collect();
    let Some(stage) = placed else {
        return NextSteps {
            concerns,
            ..NextSteps::default()
        };
    };
    let not_yet_seen = if stage == Stage::Stabilise {
        Vec::new()
    } else {
        framework
            .features_of_stage(stage)
            .map(step)
            .filter(|s| !matches!(s.level, Some(Level::Clearly) | Some(Level::NotApplicable)))
            .collect()
    };
    let next_stage = stage.next();
    let next_looks_like = next_stage
        .map(|next| framework.features_of_stage(next).map(step).collect())
        .unwrap_or_default();
    NextSteps {
        concerns,
        stage: Some(stage),
        not_yet_seen,
        next_stage,
        next_looks_like,
    }
}

/// The placement of one theme.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemePlacement {
    pub theme_id: String,
    pub theme_name: String,
    pub placement: Placement,
}

/// The whole result of an assessment: overall, per theme, and the next steps.
#[derive(Clone, Debug, PartialEq)]
pub struct AssessmentResult {
    pub overall: Placement,
    pub themes: Vec<ThemePlacement>,
}

/// Places the whole assessment and each theme of the framework.
pub fn assess(framework: &Framework, assessment: &Assessment) -> AssessmentResult {
    let overall = place(framework, assessment, |_| true);
    let themes = framework
        .themes
        .iter()
        .map(|theme| ThemePlacement {
            theme_id: theme.id.clone(),
            theme_name: theme.name.clone(),
            placement: place(framework, assessment, |f| f.themes.contains(&theme.id)),
        })
        .collect();
    AssessmentResult { overall, themes }
}

impl AssessmentResult {
    /// The themes' names as areas of need, weakest first: earlier stages before later
    /// ones, and themes that could not be placed (too few answers) last, in the
    /// framework's order where they tie. Commissioning offers them in this order.
    pub fn themes_weakest_first(&self) -> Vec<String> {
        let rank = |t: &ThemePlacement| t.placement.stage.map_or(usize::MAX, |s| s.index());
        let order = crate::domain::base::order::stable_order(self.themes.len(), &|a, b| {
            rank(&self.themes[a]).cmp(&rank(&self.themes[b]))
        });
        order
            .into_iter()
            .map(|i| self.themes[i].theme_name.clone())
            .collect()
    }
}
