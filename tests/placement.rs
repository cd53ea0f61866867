//! Stage placement: the best-fit rule, ties, and honest caveats.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{answer_stage, answered, blank};
use waypoint::domain::assessment::Level::{self, *};
use waypoint::domain::content::{four_stages, Stage};
use waypoint::domain::placement::{assess, next_steps, place, Caveat};

fn overall(levels: [Level; 4]) -> waypoint::domain::placement::Placement {
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
fn equal_fits_choose_the_later_stage_and_say_so() {
    let p = overall([NotSeen, NotSeen, Clearly, Clearly]);
    assert_eq!(p.stage, Some(Stage::Sustain));
    assert_eq!(
        p.caveats,
        vec![Caveat::Boundary {
            other: Stage::Improve
        }]
    );
}

#[test]
fn a_distant_stage_that_also_fits_is_reported_as_mixed() {
    let p = overall([Clearly, NotSeen, Clearly, NotSeen]);
    assert_eq!(p.stage, Some(Stage::Improve));
    assert_eq!(
        p.caveats,
        vec![Caveat::Mixed {
            other: Stage::Stabilise
        }]
    );
    assert!(p.is_tentative());
}

#[test]
fn partly_counts_half() {
    let p = overall([NotSeen, Partly, NotSeen, NotSeen]);
    assert_eq!(p.fit_of(Stage::Repair).fit(), Some(0.5));
    assert_eq!(p.fit_of(Stage::Stabilise).fit(), Some(0.0));
    assert_eq!(p.stage, Some(Stage::Repair));
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
            total: 28
        }
    );
    assert!(p
        .caveats
        .contains(&Caveat::StageWithoutEvidence(Stage::Sustain)));
    assert!(p.is_tentative());
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

#[test]
fn next_steps_name_the_next_stage_and_current_concerns() {
    let mut a = answered([NotSeen, Clearly, Partly, NotSeen]);
    a.set_level("stabilise-4", Some(Partly), 5.0);
    a.set_level("improve-3", Some(Clearly), 5.0);
    let steps = next_steps(four_stages(), &a, Some(Stage::Repair));
    assert_eq!(steps.next_stage, Some(Stage::Improve));
    assert_eq!(
        steps.to_reach.len(),
        6,
        "all Improve features but the one clearly seen"
    );
    assert!(steps.to_reach.iter().all(|s| s.feature.id != "improve-3"));
    assert_eq!(steps.concerns.len(), 1);
    assert_eq!(steps.concerns[0].feature.id, "stabilise-4");
    assert!(steps.to_secure.is_empty());
}

#[test]
fn at_sustain_the_steps_are_to_secure_it() {
    let mut a = answered([NotSeen, NotSeen, Partly, Clearly]);
    a.set_level("sustain-5", Some(Partly), 5.0);
    let steps = next_steps(four_stages(), &a, Some(Stage::Sustain));
    assert_eq!(steps.next_stage, None);
    assert!(steps.to_reach.is_empty());
    assert_eq!(steps.to_secure.len(), 1);
    assert_eq!(steps.to_secure[0].feature.id, "sustain-5");
}

#[test]
fn caveats_read_as_plain_sentences() {
    for caveat in [
        Caveat::NoEvidence,
        Caveat::NothingSeen,
        Caveat::Provisional {
            answered: 3,
            total: 28,
        },
        Caveat::Unanswered { count: 1 },
        Caveat::StageWithoutEvidence(Stage::Repair),
        Caveat::Boundary {
            other: Stage::Repair,
        },
        Caveat::Mixed {
            other: Stage::Sustain,
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
