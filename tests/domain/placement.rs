//! Stage placement: the best-fit rule, ties, and honest caveats.

use crate::support::{answer_stage, answered, blank};
use waypoint::domain::base::content::{four_stages, Stage};
use waypoint::domain::checklist::assessment::Level::{self, *};
use waypoint::domain::checklist::placement::{
    assess, next_steps, place, red_flags_heading, Caveat, NextSteps, CONCERN_RULE, NEXT_STEPS_RULE,
};

fn overall(levels: [Level; 4]) -> waypoint::domain::checklist::placement::Placement {
    place(four_stages(), &answered(levels), |_| true)
}

#[test]
fn a_school_in_crisis_is_placed_in_stabilise() {
    let p = overall([Clearly, NotSeen, NotSeen, NotSeen]);
    assert_eq!(p.stage, Some(Stage::Stabilise));
    assert_eq!(p.caveats, vec![]);
}

#[test]
fn each_stage_is_placed_when_its_features_fit_best() {
    assert_eq!(
        overall([Partly, Clearly, NotSeen, NotSeen]).stage,
        Some(Stage::Repair)
    );
    assert_eq!(
        overall([NotSeen, Partly, Clearly, NotSeen]).stage,
        Some(Stage::Improve)
    );
    assert_eq!(
        overall([NotSeen, NotSeen, Partly, Clearly]).stage,
        Some(Stage::Sustain)
    );
}

#[test]
fn a_later_stage_needs_the_stage_before_it_secure() {
    // Sustain fully seen but Improve not seen: Sustain is not the stage, and the caveat says why.
    let p = overall([NotSeen, Clearly, NotSeen, Clearly]);
    assert_eq!(p.stage, Some(Stage::Repair));
    assert!(p.caveats.contains(&Caveat::NotSecure {
        reached: Stage::Sustain,
        insecure: Stage::Improve
    }));
    assert!(p.is_tentative());
    assert!(
        !p.contradictions.is_empty(),
        "Sustain's governance without Improve's"
    );
}

#[test]
fn partly_counts_half_and_half_is_not_most() {
    let p = overall([NotSeen, Partly, NotSeen, NotSeen]);
    assert_eq!(p.fit_of(Stage::Repair).fit(), Some(0.5));
    assert_eq!(p.fit_of(Stage::Stabilise).fit(), Some(0.0));
    assert_eq!(p.stage, None);
    assert_eq!(
        p.caveats,
        vec![Caveat::NoneReached {
            nearest: Stage::Repair,
            seen: "3½ of 7 seen".into()
        }]
    );
    assert_eq!(
        p.caveats[0].message(),
        "No stage is reached yet: by Waypoint's rule a stage is reached when most of its features are seen. The nearest is Repair (3½ of 7 seen)."
    );
}

#[test]
fn nothing_answered_gives_no_stage() {
    let p = place(four_stages(), &blank(), |_| true);
    assert_eq!(p.stage, None);
    assert_eq!(p.caveats, vec![Caveat::NoEvidence]);
    assert_eq!((p.answered, p.total), (0, 28));
}

#[test]
fn nothing_seen_gives_no_stage() {
    let p = overall([NotSeen; 4]);
    assert_eq!(p.stage, None);
    assert_eq!(p.caveats, vec![Caveat::NothingSeen]);
}

#[test]
fn few_answers_make_the_placement_provisional() {
    let mut a = blank();
    answer_stage(&mut a, Stage::Repair, Clearly);
    let p = place(four_stages(), &a, |_| true);
    assert_eq!(p.stage, Some(Stage::Repair));
    assert_eq!(
        p.caveats[0],
        Caveat::Provisional {
            answered: 7,
            total: 28,
            short: vec![
                (Stage::Stabilise, 0),
                (Stage::Improve, 0),
                (Stage::Sustain, 0)
            ],
        }
    );
    assert!(!p.is_settled());
    assert!(p
        .caveats
        .contains(&Caveat::StageWithoutEvidence(Stage::Sustain)));
    assert!(p.is_tentative());
}

#[test]
fn the_best_fit_waits_until_every_stage_has_a_few_answers() {
    // Four answers, all of one stage: a stage is suggested, but only as provisional.
    let mut a = blank();
    for id in ["stabilise-1", "stabilise-2", "stabilise-3", "stabilise-4"] {
        a.set_level(id, Some(Clearly), 5.0);
    }
    let p = place(four_stages(), &a, |_| true);
    assert_eq!(p.stage, Some(Stage::Stabilise));
    assert!(!p.is_settled());
    // More than half answered, but Sustain has only two answers: still provisional.
    let mut a = answered([NotSeen, Clearly, Partly, NotSeen]);
    for id in ["sustain-3", "sustain-4", "sustain-5", "sustain-6"] {
        a.set_level(id, None, 5.0);
    }
    let p = place(four_stages(), &a, |_| true);
    assert_eq!((p.answered, p.stage), (24, Some(Stage::Repair)));
    assert_eq!(
        p.caveats[0],
        Caveat::Provisional {
            answered: 24,
            total: 28,
            short: vec![(Stage::Sustain, 2)],
        }
    );
    assert!(p.caveats[0].message().contains("Sustain 2"));
    assert!(!p.is_settled() && p.is_tentative());
    // A third Sustain answer ("not applicable" counts) settles it.
    a.set_level("sustain-3", Some(NotApplicable), 6.0);
    let p = place(four_stages(), &a, |_| true);
    assert!(p.is_settled(), "{:?}", p.caveats);
    assert!(p.caveats.contains(&Caveat::Unanswered { count: 3 }));
    // A theme whose stage has only one feature needs only that one answered.
    let r = assess(
        four_stages(),
        &answered([Clearly, NotSeen, NotSeen, NotSeen]),
    );
    assert!(r.themes.iter().all(|t| t.placement.is_settled()));
}

#[test]
fn unanswered_features_are_counted_not_hidden() {
    let mut a = answered([Clearly, NotSeen, NotSeen, NotSeen]);
    a.set_level("sustain-1", None, 5.0);
    a.set_level("sustain-2", None, 5.0);
    let p = place(four_stages(), &a, |_| true);
    assert_eq!(p.answered, 26);
    assert!(p.caveats.contains(&Caveat::Unanswered { count: 2 }));
    assert!(!p.is_tentative());
}

#[test]
fn not_applicable_features_are_left_out_of_the_fit() {
    let mut a = answered([NotSeen, Clearly, NotSeen, NotSeen]);
    a.set_level("repair-1", Some(NotApplicable), 5.0);
    a.set_level("repair-2", Some(NotApplicable), 5.0);
    let p = place(four_stages(), &a, |_| true);
    let repair = p.fit_of(Stage::Repair);
    assert_eq!((repair.applicable_answered, repair.not_applicable), (5, 2));
    assert_eq!(repair.fit(), Some(1.0));
    assert_eq!(p.answered, 28);
}

#[test]
fn themes_are_placed_on_their_own_features() {
    let mut a = answered([NotSeen, NotSeen, Clearly, NotSeen]);
    // Behaviour is still at Repair: low-level disruption is common.
    a.set_level("improve-7", Some(NotSeen), 5.0);
    a.set_level("repair-7", Some(Clearly), 5.0);
    let result = assess(four_stages(), &a);
    assert_eq!(result.overall.stage, Some(Stage::Improve));
    let theme = |id: &str| {
        result
            .themes
            .iter()
            .find(|t| t.theme_id == id)
            .unwrap()
            .placement
            .stage
    };
    assert_eq!(theme("behaviour"), Some(Stage::Repair));
    assert_eq!(theme("governance"), Some(Stage::Improve));
    assert_eq!(result.themes.len(), 6);
}

/// Attendance and finance concerns clearly seen, everything else consistent with Sustain:
/// the concerns come first (Stabilise), and Sustain is shown as what the other answers fit.
#[test]
fn clearly_seen_concerns_come_first_with_the_stage_the_other_answers_fit() {
    let mut a = answered([NotSeen, NotSeen, Partly, Clearly]);
    a.set_level("stabilise-4", Some(Clearly), 5.0);
    a.set_level("stabilise-5", Some(Clearly), 5.0);
    let result = assess(four_stages(), &a);
    let overall = &result.overall;
    assert_eq!(overall.stage, Some(Stage::Stabilise));
    assert_eq!(overall.fitted, Some(Stage::Sustain));
    assert!(overall.is_capped());
    assert_eq!(
        overall.caveats[0],
        Caveat::ConcernsFirst {
            other: Stage::Sustain,
            concerns: 2
        }
    );
    let flagged: Vec<&str> = overall
        .red_flags
        .iter()
        .map(|f| f.feature_id.as_str())
        .collect();
    assert_eq!(flagged, ["stabilise-4", "stabilise-5"]);
    assert_eq!(
        overall.red_flags[1].message(),
        "Significant financial risk or mismanagement (clearly seen; Governance and finance)"
    );
    let theme = |id: &str| {
        &result
            .themes
            .iter()
            .find(|t| t.theme_id == id)
            .unwrap()
            .placement
    };
    for id in ["governance", "behaviour"] {
        assert_eq!(theme(id).stage, Some(Stage::Stabilise), "{id}");
        assert_eq!(theme(id).red_flags.len(), 1, "{id}");
    }
    for id in ["governance", "behaviour"] {
        assert_eq!(theme(id).fitted, Some(Stage::Sustain), "{id}");
        assert_eq!(
            theme(id).flag_note().as_deref(),
            Some("⚑ 1 concern; other answers fit Sustain")
        );
    }
    // Themes without a concern keep the stage their answers fit.
    assert_eq!(theme("leadership").stage, Some(Stage::Sustain));
    assert!(theme("leadership").red_flags.is_empty());
    assert_eq!(
        overall.caveats[0].message(),
        "2 Stabilise concerns are clearly seen: the other answers fit Sustain; these concerns come first."
    );
    assert_eq!(
        overall.headline(),
        "Stabilise: the other answers fit Sustain; these concerns come first"
    );
    assert_eq!(
        red_flags_heading(2),
        "Red flags: 2 Stabilise concerns are seen"
    );
    assert!(CONCERN_RULE.contains("Waypoint's own rule"));
    // The next steps start from the stage the other answers fit: the concerns to remove
    // first, then Sustain's features, not Repair's, which this school is past.
    let steps = next_steps(four_stages(), &a, overall.fitted);
    assert_eq!(steps.concerns.len(), 2);
    assert_eq!(steps.stage, Some(Stage::Sustain));
    assert!(steps.not_yet_seen.is_empty());
}

#[test]
fn partly_seen_concerns_are_flagged_but_do_not_cap() {
    let mut a = answered([NotSeen, NotSeen, Partly, Clearly]);
    a.set_level("stabilise-8", Some(Partly), 5.0);
    let p = place(four_stages(), &a, |_| true);
    assert_eq!(p.stage, Some(Stage::Sustain));
    assert!(!p.is_capped());
    assert_eq!(p.red_flags.len(), 1);
    assert_eq!(p.red_flags[0].level, Partly);
    assert_eq!(p.flag_note().as_deref(), Some("⚑ 1 concern"));
    // With every concern clearly seen and nothing else, the stage is Stabilise, plainly.
    let crisis = overall([Clearly, NotSeen, NotSeen, NotSeen]);
    assert_eq!(
        (crisis.stage, crisis.fitted),
        (Some(Stage::Stabilise), Some(Stage::Stabilise))
    );
    assert_eq!(crisis.red_flags.len(), 8);
}

/// Repair's features describe a school in Repair; they are not targets for a school in
/// Stabilise. Today's next steps said "To reach Repair, these features need to be
/// clearly seen — CPD quality is mixed…".
#[test]
fn next_steps_describe_the_next_stage_instead_of_demanding_it() {
    let a = answered([Clearly, NotSeen, NotSeen, NotSeen]);
    let steps = next_steps(four_stages(), &a, Some(Stage::Stabilise));
    assert_eq!(steps.concerns.len(), 8, "the concerns to remove come first");
    assert!(
        steps.not_yet_seen.is_empty(),
        "Stabilise's features are the concerns"
    );
    assert_eq!(steps.next_stage, Some(Stage::Repair));
    assert_eq!(
        steps.next_looks_like.len(),
        7,
        "the whole description of Repair"
    );
    assert!(steps
        .next_looks_like
        .iter()
        .any(|s| s.feature.text.starts_with("CPD quality is mixed")));
    let heading = NextSteps::next_heading(Stage::Repair);
    assert_eq!(heading, "What Repair looks like, in Carter's words");
    let note = NextSteps::next_note(Stage::Repair);
    assert!(note.contains("not a list of targets"), "{note}");
    for text in [heading.as_str(), note.as_str(), NEXT_STEPS_RULE] {
        assert!(!text.contains("need to be clearly seen"), "{text}");
        assert!(!text.contains("To reach"), "{text}");
    }
}

#[test]
fn next_steps_list_concerns_then_the_current_stage_then_the_next() {
    let mut a = answered([NotSeen, Clearly, Partly, NotSeen]);
    a.set_level("stabilise-4", Some(Partly), 5.0);
    a.set_level("repair-6", Some(NotSeen), 5.0);
    a.set_level("improve-3", Some(Clearly), 5.0);
    let steps = next_steps(four_stages(), &a, Some(Stage::Repair));
    assert_eq!(steps.concerns.len(), 1);
    assert_eq!(steps.concerns[0].feature.id, "stabilise-4");
    let current: Vec<&str> = steps
        .not_yet_seen
        .iter()
        .map(|s| s.feature.id.as_str())
        .collect();
    assert_eq!(current, ["repair-6"]);
    assert_eq!(steps.next_stage, Some(Stage::Improve));
    assert_eq!(steps.next_looks_like.len(), 7);
    let improve_3 = steps
        .next_looks_like
        .iter()
        .find(|s| s.feature.id == "improve-3")
        .unwrap();
    assert_eq!(
        improve_3.level,
        Some(Clearly),
        "answers are shown beside the description"
    );
}

#[test]
fn at_sustain_the_steps_are_its_features_not_yet_seen() {
    let mut a = answered([NotSeen, NotSeen, Partly, Clearly]);
    a.set_level("sustain-5", Some(Partly), 5.0);
    let steps = next_steps(four_stages(), &a, Some(Stage::Sustain));
    assert_eq!(steps.next_stage, None);
    assert!(steps.next_looks_like.is_empty());
    assert_eq!(steps.not_yet_seen.len(), 1);
    assert_eq!(steps.not_yet_seen[0].feature.id, "sustain-5");
}

#[test]
fn caveats_read_as_plain_sentences() {
    for caveat in [
        Caveat::NoEvidence,
        Caveat::NothingSeen,
        Caveat::Provisional {
            answered: 3,
            total: 28,
            short: vec![],
        },
        Caveat::Provisional {
            answered: 20,
            total: 28,
            short: vec![(Stage::Sustain, 2)],
        },
        Caveat::Unanswered { count: 1 },
        Caveat::StageWithoutEvidence(Stage::Repair),
        Caveat::NoneReached {
            nearest: Stage::Repair,
            seen: "2 of 7 seen".into(),
        },
        Caveat::ConcernsFirst {
            other: Stage::Improve,
            concerns: 1,
        },
        Caveat::NotSecure {
            reached: Stage::Sustain,
            insecure: Stage::Improve,
        },
    ] {
        let message = caveat.message();
        assert!(message.ends_with('.'), "{message}");
        let first = message.chars().next().unwrap();
        assert!(first.is_uppercase() || first.is_ascii_digit(), "{message}");
    }
    assert_eq!(
        Caveat::Unanswered { count: 1 }.message(),
        "1 feature is still unanswered."
    );
}

#[test]
fn themes_are_offered_weakest_first_with_unplaced_themes_last() {
    use waypoint::domain::checklist::assessment::{Assessment, AssessmentDetails, Level, Scope};
    use waypoint::domain::checklist::placement::assess;
    let framework = waypoint::domain::base::content::four_stages();
    let details = AssessmentDetails {
        school: String::new(),
        scope: Scope::WholeSchool,
        date: "2026-11-23".into(),
        assessors: "J. Patel".into(),
        phase: None,
    };
    let mut a = Assessment::new("a".into(), "s".into(), details, 1.0);
    // Themes answered differently, so that they are placed at different stages: half the
    // themes have every feature clearly seen, the others none beyond Repair;
    // no Stabilise concern is seen.
    for f in &framework.features {
        let theme = framework
            .themes
            .iter()
            .position(|t| f.themes.contains(&t.id))
            .unwrap_or(0);
        // Stabilise features are concerns: none is seen.
        let seen = f.stage.index() == 1 || (f.stage.index() > 1 && theme % 2 == 0);
        let level = if seen { Level::Clearly } else { Level::NotSeen };
        a.set_level(&f.id, Some(level), 1.0);
    }
    let result = assess(framework, &a);
    let names = result.themes_weakest_first();
    assert_eq!(names.len(), framework.themes.len());
    let rank = |name: &str| {
        let t = result.themes.iter().find(|t| t.theme_name == name).unwrap();
        t.placement.stage.map_or(usize::MAX, |s| s.index())
    };
    let ranks: Vec<usize> = names.iter().map(|n| rank(n)).collect();
    let mut sorted = ranks.clone();
    sorted.sort();
    assert_eq!(
        ranks, sorted,
        "weakest (earliest stage) first, unplaced last"
    );
    assert_ne!(
        ranks.first(),
        ranks.last(),
        "the case places themes at different stages"
    );
    // A blank assessment places no theme: all are offered, in the framework's order.
    let blank = assess(
        framework,
        &Assessment::new(
            "b".into(),
            "s".into(),
            AssessmentDetails {
                school: String::new(),
                scope: Scope::WholeSchool,
                date: "2026-11-23".into(),
                assessors: "J. Patel".into(),
                phase: None,
            },
            1.0,
        ),
    );
    let names: Vec<String> = framework.themes.iter().map(|t| t.name.clone()).collect();
    assert_eq!(blank.themes_weakest_first(), names);
}

#[test]
fn the_short_badge_says_the_stage_only_once_the_answers_stand_behind_it() {
    use waypoint::domain::checklist::placement::StageBadge;
    let settled = overall([Partly, Clearly, NotSeen, NotSeen]);
    assert_eq!(settled.badge(), StageBadge::Stage(Stage::Repair));
    assert_eq!(settled.badge().label(), "Repair");
    assert_eq!(settled.badge().class(), "stage-badge stage-repair");
    let mut a = blank();
    a.set_level("stabilise-1", Some(Clearly), 5.0);
    let leaning = place(four_stages(), &a, |_| true);
    assert_eq!(leaning.stage, Some(Stage::Stabilise));
    assert_eq!(leaning.badge(), StageBadge::Provisional);
    assert_eq!(leaning.badge().label(), "Provisional");
    let none = place(four_stages(), &blank(), |_| true);
    assert_eq!(none.badge(), StageBadge::NoStage);
    assert_eq!(none.badge().label(), "No stage yet");
    assert!(none.badge().class().ends_with("stage-none"));
}
