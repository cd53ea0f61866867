//! Reassessing: what a reassessment starts from, which answers are reviewed or changed,
//! and which features moved on or back since last time.

use crate::support::{answered, school_store};
use waypoint::domain::base::content::{four_stages, Stage};
use waypoint::domain::checklist::assessment::Level::{self, *};
use waypoint::domain::checklist::assessment::{Assessment, Recheck};
use waypoint::domain::checklist::changes::{baseline, changes, since, Direction};
use waypoint::domain::improvement::TrustRecords;
use waypoint::domain::records::edits::Edit;
use waypoint::domain::records::edits::{ChecklistEdit, ImprovementEdit};
use waypoint::domain::records::share::{read_payload, share_payload};

fn reassessed() -> (Assessment, Assessment) {
    let mut before = answered([Partly, Clearly, NotSeen, NotSeen]);
    before.set_note("repair-1", "New head in post", 5.0);
    let after = before.reassess("a2".into(), crate::support::day("2027-03-10"), 9.0);
    (before, after)
}

#[test]
fn a_reassessment_keeps_the_school_and_starts_from_the_last_answers() {
    let (before, after) = reassessed();
    assert_eq!(after.id, "a2");
    assert_eq!(after.school_id, before.school_id);
    assert_eq!(after.scope, before.scope);
    assert_eq!(after.date, Some(crate::support::day("2027-03-10")));
    assert_eq!(
        after.answers, before.answers,
        "answers and notes carried over"
    );
    let prefill = after
        .prefilled
        .as_ref()
        .expect("it says what it started from");
    assert_eq!(prefill.date, before.date);
    assert_eq!(prefill.levels, before.level_letters());
    // Every answer waits to be looked at again; an assessment started blank has no marks.
    assert!(four_stages()
        .features
        .iter()
        .all(|f| after.review(&f.id) == Some(Recheck::Unreviewed)));
    assert_eq!(after.review_counts(), (0, 0));
    assert_eq!(before.review("repair-1"), None);
}

#[test]
fn answers_are_marked_reviewed_or_changed_as_they_are_looked_at() {
    let (_, after) = reassessed();
    let mut store = school_store();
    store
        .apply(&Edit::Checklist(ChecklistEdit::AddAssessment(after)), 10.0)
        .unwrap();
    let send = |store: &mut waypoint::domain::records::store::Store, edit: Edit| {
        store.apply(&edit, 20.0).unwrap();
    };
    // Kept as it was.
    send(
        &mut store,
        Edit::Checklist(ChecklistEdit::MarkReviewed {
            assessment: "a2".into(),
            feature: "repair-1".into(),
        }),
    );
    // Changed.
    send(
        &mut store,
        Edit::Checklist(ChecklistEdit::SetLevel {
            assessment: "a2".into(),
            feature: "improve-1".into(),
            level: Some(Clearly),
        }),
    );
    // The same level chosen again: looked at, not changed.
    send(
        &mut store,
        Edit::Checklist(ChecklistEdit::SetLevel {
            assessment: "a2".into(),
            feature: "repair-2".into(),
            level: Some(Clearly),
        }),
    );
    // A new note: looked at.
    send(
        &mut store,
        Edit::Checklist(ChecklistEdit::SetNote {
            assessment: "a2".into(),
            feature: "repair-3".into(),
            note: "Governors now challenge".into(),
            was: String::new(),
        }),
    );
    let a = store.get("a2").unwrap();
    assert_eq!(a.review("repair-1"), Some(Recheck::Reviewed));
    assert_eq!(
        a.review("improve-1"),
        Some(Recheck::Changed { was: Some(NotSeen) })
    );
    assert_eq!(a.review("repair-2"), Some(Recheck::Reviewed));
    assert_eq!(a.review("repair-3"), Some(Recheck::Reviewed));
    assert_eq!(a.review("sustain-1"), Some(Recheck::Unreviewed));
    assert_eq!(a.review_counts(), (4, 1));
    // Changing it back to what it was leaves it reviewed, not changed.
    let mut store2 = store.clone();
    send(
        &mut store2,
        Edit::Checklist(ChecklistEdit::SetLevel {
            assessment: "a2".into(),
            feature: "improve-1".into(),
            level: Some(NotSeen),
        }),
    );
    assert_eq!(
        store2.get("a2").unwrap().review("improve-1"),
        Some(Recheck::Reviewed)
    );
    // The marks are stored and read back.
    let text = waypoint::domain::records::schema::write_store(&store);
    let read = waypoint::domain::records::schema::read_store(&text).unwrap();
    assert_eq!(read.get("a2"), store.get("a2"));
}

#[test]
fn features_that_moved_on_or_back_are_listed_with_their_direction() {
    let (before, mut after) = reassessed();
    after.set_level("improve-1", Some(Clearly), 10.0); // not seen → clearly: on
    after.set_level("repair-2", Some(Partly), 10.0); // clearly → partly: back
    after.set_level("stabilise-3", Some(NotSeen), 10.0); // a concern less seen: on
    after.set_level("stabilise-4", Some(Clearly), 10.0); // a concern more seen: back
    after.set_level("sustain-1", Some(NotApplicable), 10.0); // no direction
    after.set_level("sustain-2", None, 10.0); // unanswered now: no direction
    let list = changes(four_stages(), &before.level_letters(), &after);
    let seen: Vec<(&str, Direction)> = list
        .iter()
        .map(|c| (c.feature.id.as_str(), c.direction))
        .collect();
    assert_eq!(
        seen,
        vec![
            ("stabilise-3", Direction::On),
            ("improve-1", Direction::On),
            ("stabilise-4", Direction::Back),
            ("repair-2", Direction::Back),
            ("sustain-1", Direction::Changed),
            ("sustain-2", Direction::Changed),
        ]
    );
    assert_eq!(list[1].describe(), "not seen → clearly");
    assert_eq!(list[5].describe(), "not seen → no answer");
    assert!(changes(four_stages(), &before.level_letters(), &before).is_empty());
}

#[test]
fn the_change_since_last_time_comes_from_the_prefill_or_the_last_assessment() {
    let (before, mut after) = reassessed();
    for f in four_stages().features_of_stage(Stage::Improve) {
        after.set_level(&f.id, Some(Clearly), 10.0);
    }
    for f in four_stages().features_of_stage(Stage::Stabilise) {
        after.set_level(&f.id, Some(NotSeen), 10.0);
    }
    let mut store = school_store();
    store
        .apply(
            &Edit::Checklist(ChecklistEdit::AddAssessment(before.clone())),
            5.0,
        )
        .unwrap();
    store
        .apply(
            &Edit::Checklist(ChecklistEdit::AddAssessment(after.clone())),
            10.0,
        )
        .unwrap();
    let base = baseline(&store, &after).unwrap();
    assert_eq!(base.date, Some(crate::support::day("2026-11-23")));
    let change = since(four_stages(), &base, &after);
    assert_eq!(change.stage_then, Some(Stage::Repair));
    assert_eq!(change.stage_now, Some(Stage::Improve));
    assert_eq!(change.counts(), (15, 0));
    // Started blank: the latest earlier assessment of the same scope is the baseline.
    let mut blank_next = after.clone();
    blank_next.prefilled = None;
    blank_next.id = "a3".into();
    blank_next.created_ms = 20.0;
    store
        .apply(
            &Edit::Checklist(ChecklistEdit::AddAssessment(blank_next.clone())),
            20.0,
        )
        .unwrap();
    let base = baseline(&store, &blank_next).unwrap();
    assert_eq!(
        base.date,
        Some(crate::support::day("2027-03-10")),
        "the reassessment, not the first"
    );
    // The first assessment has nothing before it; another scope is never compared.
    assert_eq!(baseline(&store, &before), None);
    let mut team = blank_next.clone();
    team.id = "a4".into();
    team.scope = waypoint::domain::checklist::assessment::Scope::Team("EYFS".into());
    assert_eq!(baseline(&store, &team), None);
}

#[test]
fn a_share_link_carries_the_school_intervention_plan_and_the_comparison() {
    use waypoint::domain::improvement::plans::{Commission, Intervention, Kind};
    let (before, after) = reassessed();
    let mut store = school_store();
    store
        .apply(&Edit::Checklist(ChecklistEdit::AddAssessment(before)), 5.0)
        .unwrap();
    store
        .apply(
            &Edit::Checklist(ChecklistEdit::AddAssessment(after.clone())),
            6.0,
        )
        .unwrap();
    let form = Commission {
        kind: Kind::DirectTrust,
        partner: "DTL".into(),
        focus: "Leadership".into(),
        target: "Middle leaders lead their subjects".into(),
        owner: "Head".into(),
        start: "2027-01-04".into(),
        end: "2027-07-16".into(),
        review_weeks: 6,
        success_criteria: "Subject reviews show leadership".into(),
    };
    // One from the school page, one from this assessment: both are the school's plan.
    for (id, from) in [("p1", None), ("p2", Some("a2".to_string()))] {
        let plan = Intervention::new(id.into(), "s1", from, form.clone(), 7.0);
        store
            .apply(&Edit::Improvement(ImprovementEdit::Commission(plan)), 7.0)
            .unwrap();
    }
    let shared = read_payload(&share_payload(&store, &after)).unwrap();
    assert_eq!(shared.plans.len(), 2);
    assert_eq!(shared.plans[0].target, "Middle leaders lead their subjects");
    assert_eq!(shared.plans_from_this, vec![false, true]);
    let (preview, shown) = shared.preview();
    assert_eq!(preview.plans_of(&shown.school_id).count(), 2);
    let base = baseline(&preview, &shown).expect("the comparison travels too");
    assert_eq!(base.date, Some(crate::support::day("2026-11-23")));
    // Saving a copy saves the plan with it, for the school chosen here.
    let mut n = 0;
    let saved = shared.plans_for(
        "s9",
        "a9",
        || {
            n += 1;
            format!("q{n}")
        },
        50.0,
    );
    assert_eq!(saved[1].assessment_id.as_deref(), Some("a9"));
    assert!(saved.iter().all(|p| p.school_id == "s9"));
}

/// Reassessing from an older assessment is possible, but the page names the newer one of
/// the same school and scope; other scopes and older ones do not count.
#[test]
fn a_newer_assessment_of_the_same_school_and_scope_is_found() {
    let (before, after) = reassessed();
    let mut store = school_store();
    store.assessments = vec![before.clone(), after.clone()];
    assert_eq!(store.newer_than(&before).map(|a| a.id.as_str()), Some("a2"));
    assert_eq!(store.newer_than(&after), None);
    let mut team = after.clone();
    team.id = "a3".into();
    team.scope = waypoint::domain::checklist::assessment::Scope::Team("Year 6".into());
    store.assessments = vec![before.clone(), team];
    assert_eq!(store.newer_than(&before), None, "another scope");
}

#[test]
fn the_rest_of_a_part_is_kept_as_it_was_in_one_step() {
    let (_, mut after) = reassessed();
    let repair: Vec<_> = four_stages().features_of_stage(Stage::Repair).collect();
    assert_eq!(
        after.unreviewed_among(repair.iter().copied()).len(),
        repair.len()
    );
    // Two answers of the part changed, then the rest kept in one step.
    after.set_level(&repair[0].id, Some(NotSeen), 10.0);
    after.mark_reviewed(&repair[1].id);
    let rest = after.unreviewed_among(repair.iter().copied());
    assert_eq!(rest.len(), repair.len() - 2);
    assert!(!rest.contains(&repair[0].id) && !rest.contains(&repair[1].id));
    let mut store = school_store();
    store
        .apply(
            &Edit::Checklist(ChecklistEdit::AddAssessment(after.clone())),
            11.0,
        )
        .unwrap();
    let edits = rest
        .iter()
        .map(|f| {
            Edit::Checklist(ChecklistEdit::MarkReviewed {
                assessment: after.id.clone(),
                feature: f.clone(),
            })
        })
        .collect();
    store.apply(&Edit::Batch(edits), 12.0).unwrap();
    let kept = store.get(&after.id).unwrap();
    assert!(kept.unreviewed_among(repair.iter().copied()).is_empty());
    assert_eq!(
        kept.review(&repair[0].id),
        Some(Recheck::Changed { was: Some(Clearly) })
    );
    assert_eq!(kept.review(&repair[2].id), Some(Recheck::Reviewed));
    // Other parts are untouched.
    let sustain: Vec<_> = four_stages().features_of_stage(Stage::Sustain).collect();
    assert_eq!(
        kept.unreviewed_among(sustain.iter().copied()).len(),
        sustain.len()
    );
}

/// The case: a theme at 50% for each of three stages in December, one answer
/// better in March. The comparison said "Sustain → Improve ▼ moved back".
#[test]
fn moved_back_only_when_an_answer_got_worse() {
    use waypoint::domain::checklist::changes::{compare, movement, Movement};
    let mut december = crate::support::answered([
        Level::NotSeen,
        Level::Clearly,
        Level::Clearly,
        Level::Clearly,
    ]);
    for id in ["repair-3", "improve-3", "sustain-3"] {
        december.set_level(id, Some(Level::Partly), 5.0);
    }
    let mut march = december.clone();
    march.set_level("improve-3", Some(Level::Clearly), 6.0);
    let rows = compare(four_stages(), &december, &march);
    let governance = rows
        .iter()
        .find(|r| r.name == "Governance and finance")
        .unwrap();
    assert_eq!(governance.movement, Movement::Forward);
    assert_ne!(governance.movement.label(), "moved back");
    assert!(
        rows.iter().all(|r| r.movement != Movement::Back),
        "{rows:?}"
    );
    let overall = &rows[0];
    assert_eq!(overall.movement, Movement::Forward);
    // One answer worse is moved back, whatever the two stages are.
    let mut worse = march.clone();
    worse.set_level("sustain-3", Some(Level::NotSeen), 7.0);
    let governance = |a: &waypoint::domain::checklist::assessment::Assessment| {
        movement(four_stages(), &march.level_letters(), a, |f| {
            f.themes.iter().any(|t| t == "governance")
        })
    };
    assert_eq!(governance(&worse), Movement::Back);
    assert_eq!(governance(&march), Movement::Same);
    // Better and worse at once is said so, neither on nor back.
    let mut both = worse.clone();
    both.set_level("repair-3", Some(Level::Clearly), 8.0);
    assert_eq!(governance(&both), Movement::Both);
    // A concern seen more is worse.
    let mut concern = march.clone();
    concern.set_level("stabilise-5", Some(Level::Partly), 8.0);
    assert_eq!(governance(&concern), Movement::Back);
}
