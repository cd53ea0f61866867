//! Best-fit stage placement: which of the four stages the answers describe best,
//! for the whole assessment and for each theme, stated honestly when evidence is
//! thin or mixed.
//!
//! The rule, in the words shown to users, is [`RULE_EXPLANATION`].

use super::assessment::{Assessment, Level};
use super::content::{Feature, Framework, Stage};

/// How the best-fit stage is chosen, in plain words for the result page.
pub const RULE_EXPLANATION: &str = "Each stage's fit is the share of its observable features that you see: \
\"clearly\" counts in full, \"partly\" counts half, \"not seen\" counts nothing, and features marked \
\"not applicable\" or not yet answered are left out. The best-fit stage is the one with the highest fit. \
When two stages fit equally well, Waypoint chooses the later one, because each stage builds on the one \
before. A stage that fits almost as well (within 15 percentage points) is reported beside the best fit, \
because the stages overlap in practice.";

/// Fits this close to the best (as a fraction) are reported as almost as good.
pub const CLOSE_MARGIN: f64 = 0.15;

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
}

/// Something the user should know about how far to trust a placement.
#[derive(Clone, Debug, PartialEq)]
pub enum Caveat {
    /// No feature has an applicable answer yet.
    NoEvidence,
    /// Every answered feature is "not seen", so no stage describes the school.
    NothingSeen,
    /// Fewer than half of the features are answered: the placement is provisional.
    Provisional { answered: usize, total: usize },
    /// Some features are still unanswered.
    Unanswered { count: usize },
    /// A stage could not be weighed because none of its features has an applicable answer.
    StageWithoutEvidence(Stage),
    /// The neighbouring stage fits almost as well: the school is between the two.
    Boundary { other: Stage },
    /// A stage that is not next to the best fit also fits: the evidence pulls two ways.
    Mixed { other: Stage },
}

impl Caveat {
    /// The caveat in plain words.
    pub fn message(&self) -> String {
        match self {
            Caveat::NoEvidence => "No features are answered yet, so no stage can be suggested.".into(),
            Caveat::NothingSeen => "Every feature answered so far is \"not seen\", so none of the stages describes what you see yet. Answer more features, or check the answers.".into(),
            Caveat::Provisional { answered, total } => format!(
                "Provisional: only {answered} of {total} features are answered."
            ),
            Caveat::Unanswered { count } => format!(
                "{count} feature{} still unanswered.",
                if *count == 1 { " is" } else { "s are" }
            ),
            Caveat::StageWithoutEvidence(stage) => format!(
                "{stage} could not be weighed: none of its features has an applicable answer."
            ),
            Caveat::Boundary { other } => format!(
                "{other} fits almost as well: the evidence places this between the two stages."
            ),
            Caveat::Mixed { other } => format!(
                "Mixed evidence: {other} also fits well, although it is not a neighbouring stage. Check the answers and notes."
            ),
        }
    }
}

/// The best-fit stage for a set of features, with the evidence behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// `None` when no stage can be suggested (see the caveats).
    pub stage: Option<Stage>,
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

    /// True when the stage should be read with care (thin or mixed evidence).
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
    for feature in framework.features.iter().filter(|f| include(f)) {
        total += 1;
        let fit = &mut fits[feature.stage.index()];
        fit.total += 1;
        let Some(level) = assessment.level(&feature.id) else {
            continue;
        };
        answered += 1;
        match level.half_points() {
            Some(points) => {
                fit.applicable_answered += 1;
                fit.half_points += points;
            }
            None => fit.not_applicable += 1,
        }
    }
    let (stage, mut caveats) = choose_stage(&fits);
    if stage.is_some() {
        if answered * 2 < total {
            caveats.insert(0, Caveat::Provisional { answered, total });
        } else if answered < total {
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

/// A feature listed as a next step, with the answer it has now.
#[derive(Clone, Debug, PartialEq)]
pub struct StepFeature<'a> {
    pub feature: &'a Feature,
    pub level: Option<Level>,
}

/// What would move the school on from its best-fit stage.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct NextSteps<'a> {
    /// Stabilise-stage concerns still seen (clearly or partly): these come first.
    pub concerns: Vec<StepFeature<'a>>,
    /// The next stage and its features that are not yet clearly seen.
    pub next_stage: Option<Stage>,
    pub to_reach: Vec<StepFeature<'a>>,
    /// At Sustain: its features not yet clearly seen, to secure.
    pub to_secure: Vec<StepFeature<'a>>,
}

/// The next steps from a placement: what is still a concern and what the next stage asks for.
pub fn next_steps<'a>(
    framework: &'a Framework,
    assessment: &Assessment,
    placed: Option<Stage>,
) -> NextSteps<'a> {
    let step = |feature: &'a Feature| StepFeature {
        feature,
        level: assessment.level(&feature.id),
    };
    let not_yet_clear =
        |s: &StepFeature| !matches!(s.level, Some(Level::Clearly) | Some(Level::NotApplicable));
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
    let next_stage = stage.next();
    let to_reach = next_stage
        .map(|next| {
            framework
                .features_of_stage(next)
                .map(step)
                .filter(not_yet_clear)
                .collect()
        })
        .unwrap_or_default();
    let to_secure = if stage == Stage::Sustain {
        framework
            .features_of_stage(Stage::Sustain)
            .map(step)
            .filter(not_yet_clear)
            .collect()
    } else {
        Vec::new()
    };
    NextSteps {
        concerns,
        next_stage,
        to_reach,
        to_secure,
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
