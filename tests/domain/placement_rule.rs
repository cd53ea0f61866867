//! Waypoint's placement rule, in which each stage builds on the one before: the issue's
//! cases and a table of answer patterns with the result each is meant to give.

use crate::support::{answered, blank};
use waypoint::domain::base::content::{four_stages, Stage};
use waypoint::domain::checklist::assessment::{
    Assessment,
    Level::{self, *},
};
use waypoint::domain::checklist::placement::{
    assess, place, Caveat, ContradictionKind, Placement, RULE_EXPLANATION,
};

fn overall(a: &Assessment) -> Placement {
    place(four_stages(), a, |_| true)
}

fn with(levels: [Level; 4], overrides: &[(&str, Level)]) -> Assessment {
    let mut a = answered(levels);
    for (id, level) in overrides {
        a.set_level(id, Some(*level), 9.0);
    }
    a
}

/// The first case: every Improve and Sustain feature clearly seen, one Stabilise
/// concern clearly seen (behaviour "chaotic or unsafe"), every Repair feature not seen.
/// The badge said Repair (0% fit) with "Improve fits almost as well".
#[test]
fn a_concern_comes_first_and_the_other_answers_are_shown_for_what_they_fit() {
    let a = with(
        [NotSeen, NotSeen, Clearly, Clearly],
        &[("stabilise-8", Clearly)],
    );
    let p = overall(&a);
    assert_eq!(
        p.stage,
        Some(Stage::Stabilise),
        "never Repair, which has no evidence"
    );
    assert_eq!(p.fitted, Some(Stage::Sustain));
    assert_eq!(
        p.headline(),
        "Stabilise: the other answers fit Sustain; these concerns come first"
    );
    assert_eq!(
        p.caveats[0].message(),
        "A Stabilise concern is clearly seen: the other answers fit Sustain; these concerns come first."
    );
    assert!(!p
        .caveats
        .iter()
        .any(|c| c.message().contains("almost as well")));
    // The Sustain behaviour feature seen beside the behaviour concern is pointed out.
    let sustain_6 = p
        .contradictions
        .iter()
        .find(|c| c.earlier_id == "stabilise-8" && c.later_id == "sustain-6")
        .expect("the behaviour contradiction");
    assert_eq!(sustain_6.kind, ContradictionKind::Opposed);
    let message = sustain_6.message();
    assert!(
        message.contains("Student behaviour has been chaotic or unsafe"),
        "{message}"
    );
    assert!(
        message.contains("Behaviour of students is positive and low level disruption is rare"),
        "{message}"
    );
    assert!(p.is_tentative());
    // The stage named always has evidence: its concern is seen.
    assert!(p.fit_of(Stage::Stabilise).fit().unwrap() > 0.0);
}

/// The second case: Repair and Improve all clearly seen, Sustain all clearly but
/// one partly, no concerns. The old rule said Improve.
#[test]
fn sustain_is_reachable_without_a_perfect_score() {
    let a = with(
        [NotSeen, Clearly, Clearly, Clearly],
        &[("sustain-2", Partly)],
    );
    let p = overall(&a);
    assert_eq!(p.stage, Some(Stage::Sustain));
    assert!(p.caveats.is_empty(), "{:?}", p.caveats);
    // Repair's "mixed" CPD and "common" low level disruption, clearly seen beside
    // Sustain's, are pointed out; nothing else contradicts.
    let pairs: Vec<(&str, &str)> = p
        .contradictions
        .iter()
        .map(|c| (c.earlier_id.as_str(), c.later_id.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("repair-6", "sustain-5"),
            ("repair-7", "improve-7"),
            ("repair-7", "sustain-6")
        ]
    );
    // Most, not all: four of six Sustain features clearly seen still reach it.
    let a = with(
        [NotSeen, Clearly, Clearly, Clearly],
        &[("sustain-1", NotSeen), ("sustain-2", NotSeen)],
    );
    assert_eq!(overall(&a).stage, Some(Stage::Sustain));
}

#[test]
fn the_rule_is_stated_as_waypoints_in_one_paragraph() {
    assert!(RULE_EXPLANATION.starts_with("Waypoint's placement rule, not Carter's"));
    assert!(!RULE_EXPLANATION.contains('\n'));
    for words in [
        "builds on the one before",
        "most of its features",
        "secure",
        "come",
    ] {
        assert!(RULE_EXPLANATION.contains(words), "{words}");
    }
}

/// What each answer pattern is meant to give: the stage, and the stage the other answers
/// fit when concerns come first. Patterns give each stage's level, then single answers.
#[test]
fn a_table_of_answer_patterns_gives_the_intended_stages() {
    type Row<'a> = (
        &'a str,
        [Level; 4],
        &'a [(&'a str, Level)],
        Option<Stage>,
        Option<Stage>,
    );
    use Stage::*;
    let table: &[Row] = &[
        ("nothing seen", [NotSeen; 4], &[], None, None),
        (
            "every concern clearly",
            [Clearly, NotSeen, NotSeen, NotSeen],
            &[],
            Some(Stabilise),
            Some(Stabilise),
        ),
        (
            "Repair only",
            [NotSeen, Clearly, NotSeen, NotSeen],
            &[],
            Some(Repair),
            Some(Repair),
        ),
        (
            "Repair and Improve",
            [NotSeen, Clearly, Clearly, NotSeen],
            &[],
            Some(Improve),
            Some(Improve),
        ),
        (
            "all three",
            [NotSeen, Clearly, Clearly, Clearly],
            &[],
            Some(Sustain),
            Some(Sustain),
        ),
        (
            "past Repair, at Improve",
            [NotSeen, NotSeen, Clearly, NotSeen],
            &[],
            Some(Improve),
            Some(Improve),
        ),
        (
            "past Repair, at Sustain",
            [NotSeen, NotSeen, Clearly, Clearly],
            &[],
            Some(Sustain),
            Some(Sustain),
        ),
        (
            "Sustain without Improve",
            [NotSeen, Clearly, NotSeen, Clearly],
            &[],
            Some(Repair),
            Some(Repair),
        ),
        (
            "Sustain alone",
            [NotSeen, NotSeen, NotSeen, Clearly],
            &[],
            None,
            None,
        ),
        (
            "Improve half seen",
            [NotSeen, Clearly, Partly, NotSeen],
            &[],
            Some(Repair),
            Some(Repair),
        ),
        (
            "Sustain half seen",
            [NotSeen, Clearly, Clearly, Partly],
            &[],
            Some(Improve),
            Some(Improve),
        ),
        (
            "Improve partly, Sustain clearly",
            [NotSeen, NotSeen, Partly, Clearly],
            &[],
            Some(Sustain),
            Some(Sustain),
        ),
        (
            "Repair partly, the rest clearly",
            [NotSeen, Partly, Clearly, Clearly],
            &[],
            Some(Sustain),
            Some(Sustain),
        ),
        (
            "concerns partly, Repair clearly",
            [Partly, Clearly, NotSeen, NotSeen],
            &[],
            Some(Repair),
            Some(Repair),
        ),
        (
            "concerns partly, nothing reached",
            [Partly, NotSeen, NotSeen, NotSeen],
            &[],
            Some(Stabilise),
            Some(Stabilise),
        ),
        (
            "everything clearly",
            [Clearly; 4],
            &[],
            Some(Stabilise),
            Some(Sustain),
        ),
        (
            "everything partly",
            [Partly; 4],
            &[],
            Some(Stabilise),
            Some(Stabilise),
        ),
        (
            "partly everywhere but the concerns",
            [NotSeen, Partly, Partly, Partly],
            &[],
            None,
            None,
        ),
        (
            "a finance concern in a Sustain school",
            [NotSeen, Clearly, Clearly, Clearly],
            &[("stabilise-5", Clearly)],
            Some(Stabilise),
            Some(Sustain),
        ),
        (
            "a partly seen concern in a Sustain school",
            [NotSeen, Clearly, Clearly, Clearly],
            &[("stabilise-3", Partly)],
            Some(Sustain),
            Some(Sustain),
        ),
        (
            "Improve mostly not seen blocks Sustain",
            [NotSeen, Clearly, Clearly, Clearly],
            &[
                ("improve-1", NotSeen),
                ("improve-2", NotSeen),
                ("improve-3", NotSeen),
                ("improve-4", NotSeen),
            ],
            Some(Repair),
            Some(Repair),
        ),
        (
            "Repair three of seven",
            [NotSeen, Clearly, NotSeen, NotSeen],
            &[
                ("repair-1", NotSeen),
                ("repair-2", NotSeen),
                ("repair-3", NotSeen),
                ("repair-4", NotSeen),
            ],
            None,
            None,
        ),
        (
            "Repair four of seven",
            [NotSeen, Clearly, NotSeen, NotSeen],
            &[
                ("repair-1", NotSeen),
                ("repair-2", NotSeen),
                ("repair-3", NotSeen),
            ],
            Some(Repair),
            Some(Repair),
        ),
        (
            "Improve not applicable is left out",
            [NotSeen, Clearly, NotApplicable, Clearly],
            &[],
            Some(Sustain),
            Some(Sustain),
        ),
        (
            "a behaviour concern with Improve's features",
            [NotSeen, NotSeen, Clearly, NotSeen],
            &[("stabilise-8", Clearly)],
            Some(Stabilise),
            Some(Improve),
        ),
    ];
    assert!(table.len() >= 20);
    for (name, levels, overrides, stage, fitted) in table {
        let p = overall(&with(*levels, overrides));
        assert_eq!(
            (p.stage, p.fitted),
            (*stage, *fitted),
            "{name}: {:?}",
            p.caveats
        );
        // Never a stage the answers give no evidence for.
        if let Some(stage) = p.stage {
            let fit = p.fit_of(stage);
            assert!(
                fit.half_points > 0,
                "{name}: {stage} named with nothing seen"
            );
        }
    }
}

#[test]
fn why_a_reached_stage_is_not_the_stage_is_said() {
    let p = overall(&with([NotSeen, NotSeen, NotSeen, Clearly], &[]));
    assert_eq!(p.stage, None);
    assert_eq!(
        p.caveats,
        vec![Caveat::NotSecure {
            reached: Stage::Sustain,
            insecure: Stage::Improve
        }]
    );
    assert!(p.caveats[0]
        .message()
        .contains("each stage builds on the one before"));
    // Sustain's "Governance is strong and sustainable" includes Improve's "Governance is
    // strong…", answered not seen: pointed out.
    assert!(p
        .contradictions
        .iter()
        .any(|c| c.kind == ContradictionKind::Kept && c.earlier_id == "improve-3"));
}

#[test]
fn themes_follow_the_same_rule() {
    let a = with(
        [NotSeen, NotSeen, Clearly, Clearly],
        &[("stabilise-8", Clearly)],
    );
    let r = assess(four_stages(), &a);
    let theme = |id: &str| {
        &r.themes
            .iter()
            .find(|t| t.theme_id == id)
            .unwrap()
            .placement
    };
    assert_eq!(theme("behaviour").stage, Some(Stage::Stabilise));
    assert_eq!(theme("behaviour").fitted, Some(Stage::Sustain));
    assert_eq!(theme("governance").stage, Some(Stage::Sustain));
    assert!(theme("governance").contradictions.is_empty());
    assert!(!theme("behaviour").contradictions.is_empty());
    let _ = blank();
}

/// One Sustain answer alone names no stage: Improve has no answers yet.
#[test]
fn a_later_stage_alone_waits_for_the_stages_before_it() {
    let mut a = blank();
    a.set_level("sustain-3", Some(Clearly), 5.0);
    let p = overall(&a);
    assert_eq!(p.stage, None);
    assert_eq!(
        p.caveats,
        vec![Caveat::EarlierUnanswered {
            reached: Stage::Sustain,
            missing: Stage::Improve
        }]
    );
    assert!(p.caveats[0]
        .message()
        .contains("Improve has no answers yet"));
}
