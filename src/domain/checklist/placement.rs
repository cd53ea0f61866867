//! Stage placement: where the answers place the school on Carter's four stages, for the
//! whole assessment and for each theme, by a rule in which each stage builds on the one
//! before; stated honestly when evidence is thin, and with answers that contradict each
//! other pointed out.
//!
//! The rule, in the words shown to users, is [`RULE_EXPLANATION`]; how Stabilise concerns
//! are treated is [`CONCERN_RULE`], and the next steps follow [`NEXT_STEPS_RULE`].

use crate::domain::base::content::{Feature, Framework, Stage, LINKS_NOTE};
use crate::domain::checklist::assessment::{Assessment, Level};

/// Waypoint's placement rule in one paragraph, shown on the result page and in the README.
pub const RULE_EXPLANATION: &str = "Waypoint's placement rule, not Carter's (Carter describes the stages and says schools improve sequentially and in stages; the answer scale and this rule are Waypoint's). Each stage builds on the one before. A stage is reached when most of its features (more than half) are seen: \"clearly\" counts in full, \"partly\" counts half, \"not seen\" counts nothing, and features marked \"not applicable\" or not yet answered are left out. An earlier stage is secure when at least half of its features are seen or moved past: some features describe a school still on its way (\"low level disruption is common\", \"CPD quality is mixed\"), and a later feature that is seen shows the school has moved past them. The school is placed at the latest stage it has reached whose earlier stages are all secure. Any Stabilise concern clearly seen comes first: the stage is then Stabilise, and the stage the other answers fit is shown beside it. When no stage is reached, Waypoint names none and says which is nearest.";

/// A stage is reached when more than this share of its features is seen.
pub const MOST: f64 = 0.5;

/// An earlier stage is secure when at least this share of its features is seen or moved past.
pub const SECURE: f64 = 0.5;

/// The answers each stage needs (or all its features, if it has fewer) before Waypoint
/// suggests a stage without calling it provisional: Waypoint's rule, so that a stage is
/// not suggested from a handful of answers.
pub const FEW_ANSWERS: usize = 3;

/// How Stabilise concerns are treated, in the words shown to users.
pub const CONCERN_RULE: &str = "Stabilise concerns are red flags: any Stabilise feature you see, clearly or partly, is listed first, in every theme it belongs to, in the report, the exports and the trust overview. Waypoint's own rule, not Carter's: while a concern is clearly seen, the stage is Stabilise (overall, and in each theme the concern belongs to), because the stages are sequential and the concerns come first. The stage the other answers fit is shown beside it, for what it is. A concern seen only partly is flagged; the stage is Stabilise only if no later stage is reached.";

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
    /// Features counted for security: answered (not "not applicable"), or moved past.
    pub held_counted: usize,
    /// Half points for security: each feature's own, or 2 (1) when a later feature that
    /// moves past it is clearly (partly) seen, whichever is more.
    pub held_half_points: u32,
}

impl StageFit {
    /// The share of this stage's answered features that are seen, from 0 to 1;
    /// `None` when none of them has an applicable answer.
    pub fn fit(&self) -> Option<f64> {
        (self.applicable_answered > 0)
            .then(|| f64::from(self.half_points) / (2.0 * self.applicable_answered as f64))
    }

    /// The share of this stage's features that are seen or moved past.
    pub fn held(&self) -> Option<f64> {
        (self.held_counted > 0)
            .then(|| f64::from(self.held_half_points) / (2.0 * self.held_counted as f64))
    }

    /// Most of its features are seen.
    pub fn is_reached(&self) -> bool {
        self.fit().is_some_and(|f| f > MOST + 1e-9)
    }

    /// At least half of its features are seen or moved past; or every one of them is
    /// "not applicable", which leaves the stage out.
    pub fn is_secure(&self) -> bool {
        match self.held() {
            Some(held) => held >= SECURE - 1e-9,
            None => self.total > 0 && self.not_applicable == self.total,
        }
    }

    /// "4 of 7 seen" (partly counting half, rounded down in words as "3½").
    pub fn seen_words(&self) -> String {
        let whole = self.half_points / 2;
        let half = if self.half_points % 2 == 1 { "½" } else { "" };
        format!("{whole}{half} of {} seen", self.applicable_answered)
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
    /// Features are seen, but no stage has most of its features seen.
    NoneReached { nearest: Stage, seen: String },
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
    /// Clearly seen Stabilise concerns come first; `other` is the stage the rest of the
    /// answers fit.
    ConcernsFirst { other: Stage, concerns: usize },
    /// A later stage is reached, but an earlier one is not secure, so it is not the stage.
    NotSecure { reached: Stage, insecure: Stage },
    /// A later stage is reached, but an earlier one has no answers yet.
    EarlierUnanswered { reached: Stage, missing: Stage },
}

impl Caveat {
    /// A later stage reached but held back by an earlier one.
    pub fn is_blocked(&self) -> bool {
        matches!(
            self,
            Caveat::NotSecure { .. } | Caveat::EarlierUnanswered { .. }
        )
    }

    /// The caveat in plain words.
    pub fn message(&self) -> String {
        match self {
            Caveat::NoEvidence => "No features are answered yet, so no stage can be suggested.".into(),
            Caveat::NothingSeen => "Every feature answered so far is \"not seen\", so none of the stages describes what you see yet. Answer more features, or check the answers.".into(),
            Caveat::NoneReached { nearest, seen } => format!(
                "No stage is reached yet: by Waypoint's rule a stage is reached when most of its features are seen. The nearest is {nearest} ({seen})."
            ),
            Caveat::Provisional { answered, total, short } if short.is_empty() => format!(
                "Provisional: only {answered} of {total} features are answered. A stage needs at least half of them."
            ),
            Caveat::Provisional { answered, total, short } => format!(
                "Provisional: {answered} of {total} features are answered. A stage needs at least half of them, with {FEW_ANSWERS} or more in every stage (still short: {}).",
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
            Caveat::ConcernsFirst { other, concerns } => {
                let seen = if *concerns == 1 {
                    "A Stabilise concern is clearly seen".to_string()
                } else {
                    format!("{concerns} Stabilise concerns are clearly seen")
                };
                format!("{seen}: the other answers fit {other}; these concerns come first.")
            }
            Caveat::EarlierUnanswered { reached, missing } => format!(
                "Most of {reached}'s answered features are seen, but {missing} has no answers yet: by Waypoint's rule each stage builds on the one before, so answer {missing}'s features too."
            ),
            Caveat::NotSecure { reached, insecure } => format!(
                "Most of {reached}'s features are seen, but {insecure} is not secure: fewer than half of its features are seen or moved past. By Waypoint's rule each stage builds on the one before, so {reached} is not the stage yet. Check the answers."
            ),
        }
    }
}

/// Two answers that cannot both be true: Waypoint's reading of the features (see
/// [`LINKS_NOTE`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Contradiction {
    pub earlier_id: String,
    pub earlier_stage: Stage,
    pub earlier_text: String,
    pub earlier_level: Level,
    pub later_id: String,
    pub later_stage: Stage,
    pub later_text: String,
    pub later_level: Level,
    pub kind: ContradictionKind,
}

/// How two answers contradict each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContradictionKind {
    /// A feature and a later one saying the opposite, both seen (one clearly).
    Opposed,
    /// A later feature clearly seen while the earlier feature it includes is not seen.
    Kept,
}

impl Contradiction {
    /// Both answers in Carter's words, and why they do not fit together.
    pub fn message(&self) -> String {
        let side = |stage: Stage, text: &str, level: Level| {
            format!("{stage}: “{text}” ({} seen)", level.label().to_lowercase())
        };
        let earlier = side(self.earlier_stage, &self.earlier_text, self.earlier_level);
        let later = side(self.later_stage, &self.later_text, self.later_level);
        match self.kind {
            ContradictionKind::Opposed => format!("{earlier} — and yet {later}. The two say opposite things: check the answers and notes."),
            ContradictionKind::Kept => format!("{later} — but {}: “{}” is answered not seen, and the first includes it. Check the answers.", self.earlier_stage, self.earlier_text),
        }
    }
}

/// The note shown with contradictions: whose reading it is.
pub const CONTRADICTIONS_NOTE: &str = LINKS_NOTE;

/// What the other answers fit, when clearly seen concerns come first: one wording for the
/// result, the report and the trust overview.
pub fn concerns_first_line(other: Stage) -> String {
    format!("The other answers fit {other}; these concerns come first.")
}

/// What a stage badge says: a stage, or why there is none yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageBadge {
    Stage(Stage),
    Provisional,
    NoStage,
}

impl StageBadge {
    pub fn label(self) -> &'static str {
        match self {
            StageBadge::Stage(stage) => stage.name(),
            StageBadge::Provisional => "Provisional",
            StageBadge::NoStage => "No stage yet",
        }
    }

    /// The badge's classes: the stage's colour, or a dashed outline without one.
    pub fn class(self) -> String {
        match self {
            StageBadge::Stage(stage) => format!("stage-badge stage-{}", stage.id()),
            StageBadge::Provisional => "stage-badge stage-none provisional".into(),
            StageBadge::NoStage => "stage-badge stage-none".into(),
        }
    }
}

/// The stage for a set of features, with the evidence behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// `None` when no stage can be suggested (see the caveats). Stabilise while a
    /// Stabilise concern is clearly seen.
    pub stage: Option<Stage>,
    /// The stage the other answers (Repair, Improve and Sustain) fit, by the rule, leaving
    /// the concerns aside; Stabilise when they fit none and a concern is seen.
    pub fitted: Option<Stage>,
    /// The Stabilise features of this set that are seen, clearly or partly.
    pub red_flags: Vec<RedFlag>,
    /// Answers that cannot both be true.
    pub contradictions: Vec<Contradiction>,
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

    /// True when clearly seen concerns come before the stage the other answers fit.
    pub fn is_capped(&self) -> bool {
        self.stage != self.fitted
    }

    /// A short note for a table cell: "⚑ 2 concerns; other answers fit Sustain".
    pub fn flag_note(&self) -> Option<String> {
        if self.red_flags.is_empty() {
            return None;
        }
        let n = self.red_flags.len();
        let mut note = format!("⚑ {n} concern{}", if n == 1 { "" } else { "s" });
        if let (true, Some(fitted)) = (self.is_capped(), self.fitted) {
            note.push_str(&format!("; other answers fit {fitted}"));
        }
        Some(note)
    }

    /// "The other answers fit Sustain; these concerns come first.", when clearly seen
    /// concerns hold the stage at Stabilise: said beside the stage wherever it is shown.
    pub fn concerns_first(&self) -> Option<String> {
        match (self.is_capped(), self.fitted) {
            (true, Some(other)) => Some(concerns_first_line(other)),
            _ => None,
        }
    }

    /// The headline in words: "Stabilise: the other answers fit Sustain; these concerns
    /// come first", or the stage's name.
    pub fn headline(&self) -> String {
        match (self.stage, self.is_capped(), self.fitted) {
            (None, ..) => "No stage yet".into(),
            (Some(stage), true, Some(other)) => {
                let line = concerns_first_line(other);
                let line = line.trim_end_matches('.');
                format!("{stage}: {}{}", line[..1].to_lowercase(), &line[1..])
            }
            (Some(stage), ..) if !self.red_flags.is_empty() && stage == Stage::Stabilise => {
                format!("{stage}: these concerns come first")
            }
            (Some(stage), ..) => stage.name().to_string(),
        }
    }

    /// The stage as its badge shows it, wherever the page is short of room: the stage once
    /// the answers stand behind it, else "Provisional" or "No stage yet".
    pub fn badge(&self) -> StageBadge {
        match self.stage {
            Some(stage) if self.is_settled() => StageBadge::Stage(stage),
            Some(_) => StageBadge::Provisional,
            None => StageBadge::NoStage,
        }
    }

    /// True when a stage is suggested and the answers are enough to stand behind it: at
    /// least half the features, and [`FEW_ANSWERS`] in every stage. Until then the stage is
    /// shown as provisional.
    pub fn is_settled(&self) -> bool {
        self.stage.is_some()
            && !self
                .caveats
                .iter()
                .any(|c| matches!(c, Caveat::Provisional { .. }))
    }

    /// True when the stage should be read with care (thin or contradictory evidence);
    /// shown in the words of [`TENTATIVE_WORDS`].
    pub fn is_tentative(&self) -> bool {
        !self.contradictions.is_empty()
            || self
                .caveats
                .iter()
                .any(|c| matches!(c, Caveat::Provisional { .. } | Caveat::NotSecure { .. }))
    }
}

/// Places the features of `framework` that `include` selects.
pub fn place<F>(framework: &Framework, assessment: &Assessment, include: F) -> Placement
where
    F: Fn(&Feature) -> bool,
{
    let included: Vec<&Feature> = framework.features.iter().filter(|f| include(f)).collect();
    let level_of = |id: &str| {
        included
            .iter()
            .any(|f| f.id == id)
            .then(|| assessment.level(id))
            .flatten()
    };
    let mut fits: Vec<StageFit> = Stage::ALL
        .iter()
        .map(|&stage| StageFit {
            stage,
            total: 0,
            applicable_answered: 0,
            not_applicable: 0,
            half_points: 0,
            held_counted: 0,
            held_half_points: 0,
        })
        .collect();
    let mut answered = 0;
    let mut red_flags = Vec::new();
    for feature in &included {
        let fit = &mut fits[feature.stage.index()];
        fit.total += 1;
        let Some(level) = assessment.level(&feature.id) else {
            continue;
        };
        answered += 1;
        if feature.stage == Stage::Stabilise && level.is_seen() {
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
    // Security: latest stages first, so that a feature moved past by one that is itself
    // moved past counts too.
    let mut held: std::collections::BTreeMap<&str, u32> = std::collections::BTreeMap::new();
    for feature in included.iter().rev() {
        let own = assessment.level(&feature.id);
        if own == Some(Level::NotApplicable) {
            continue;
        }
        let past = feature
            .moved_past_by
            .iter()
            .filter_map(|id| held.get(id.as_str()).copied())
            .max();
        let points = match (own.and_then(Level::half_points), past) {
            (None, None) => continue,
            (a, b) => a.unwrap_or(0).max(b.unwrap_or(0)),
        };
        held.insert(feature.id.as_str(), points);
        let fit = &mut fits[feature.stage.index()];
        fit.held_counted += 1;
        fit.held_half_points += points;
    }
    let contradictions = contradictions(&included, &level_of);

    let (other, mut caveats) = ladder(&fits, !red_flags.is_empty());
    let clear = red_flags
        .iter()
        .filter(|f| f.level == Level::Clearly)
        .count();
    let (stage, fitted) = if clear > 0 {
        caveats.retain(Caveat::is_blocked);
        if let Some(other) = other {
            caveats.insert(
                0,
                Caveat::ConcernsFirst {
                    other,
                    concerns: clear,
                },
            );
        }
        (Some(Stage::Stabilise), other.or(Some(Stage::Stabilise)))
    } else if other.is_none() && !red_flags.is_empty() {
        caveats.clear();
        (Some(Stage::Stabilise), Some(Stage::Stabilise))
    } else {
        (other, other)
    };
    let total = included.len();
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
        contradictions,
        fits,
        answered,
        total,
        caveats,
    }
}

/// The latest stage from Repair on that is reached with every earlier one secure (see
/// [`RULE_EXPLANATION`]), leaving Stabilise concerns aside; with why a later reached
/// stage is not the stage, or why none is.
fn ladder(fits: &[StageFit], concerns_seen: bool) -> (Option<Stage>, Vec<Caveat>) {
    let positive = &fits[Stage::Repair.index()..];
    if fits.iter().all(|f| f.fit().is_none()) {
        return (None, vec![Caveat::NoEvidence]);
    }
    let mut placed = None;
    let mut caveats = Vec::new();
    for (i, fit) in positive.iter().enumerate() {
        if !fit.is_reached() {
            continue;
        }
        match positive[..i].iter().find(|e| !e.is_secure()) {
            None => placed = Some(fit.stage),
            Some(insecure) => {
                caveats.retain(|c: &Caveat| !c.is_blocked());
                caveats.push(if insecure.held().is_none() {
                    Caveat::EarlierUnanswered {
                        reached: fit.stage,
                        missing: insecure.stage,
                    }
                } else {
                    Caveat::NotSecure {
                        reached: fit.stage,
                        insecure: insecure.stage,
                    }
                });
            }
        }
    }
    // Only a stage later than the one placed is worth a caveat.
    caveats.retain(|c| match c {
        Caveat::NotSecure { reached, .. } | Caveat::EarlierUnanswered { reached, .. } => {
            Some(*reached) > placed
        }
        _ => true,
    });
    if placed.is_none() && !concerns_seen && caveats.is_empty() {
        let best = positive
            .iter()
            .filter(|f| f.fit().is_some_and(|x| x > 0.0))
            .max_by(|a, b| {
                a.fit()
                    .unwrap_or(0.0)
                    .total_cmp(&b.fit().unwrap_or(0.0))
                    .then(b.stage.cmp(&a.stage))
            });
        match best {
            Some(best) => caveats.insert(
                0,
                Caveat::NoneReached {
                    nearest: best.stage,
                    seen: best.seen_words(),
                },
            ),
            None => caveats = vec![Caveat::NothingSeen],
        }
    }
    (placed, caveats)
}

/// The pairs of answers in the set that cannot both be true, by the links in the content.
fn contradictions(
    included: &[&Feature],
    level_of: &dyn Fn(&str) -> Option<Level>,
) -> Vec<Contradiction> {
    let mut found = Vec::new();
    for earlier in included {
        let Some(earlier_level) = level_of(&earlier.id) else {
            continue;
        };
        let links = [
            (&earlier.opposed_by, ContradictionKind::Opposed),
            (&earlier.kept_in, ContradictionKind::Kept),
        ];
        for (ids, kind) in links {
            for later in included.iter().filter(|f| ids.contains(&f.id)) {
                let Some(later_level) = level_of(&later.id) else {
                    continue;
                };
                let clash = match kind {
                    ContradictionKind::Opposed => {
                        earlier_level.is_seen()
                            && later_level.is_seen()
                            && (earlier_level == Level::Clearly || later_level == Level::Clearly)
                    }
                    ContradictionKind::Kept => {
                        earlier_level == Level::NotSeen && later_level == Level::Clearly
                    }
                };
                if clash {
                    found.push(Contradiction {
                        earlier_id: earlier.id.clone(),
                        earlier_stage: earlier.stage,
                        earlier_text: earlier.text.clone(),
                        earlier_level,
                        later_id: later.id.clone(),
                        later_stage: later.stage,
                        later_text: later.text.clone(),
                        later_level,
                        kind,
                    });
                }
            }
        }
    }
    found
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
