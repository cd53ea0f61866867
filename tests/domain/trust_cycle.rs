//! The trust cycle's texts against the source documents, the categorisation rules (due
//! dates, overdue, stale evidence, history) and Waypoint's mapping of features to rings.
use crate::support;

use waypoint::domain::base::content::{four_stages, Stage};
use waypoint::domain::base::dates::add_months;
use waypoint::domain::checklist::assessment::Level;
use waypoint::domain::improvement::categorisation::{
    history, next_due, standing, Categorisation, Category, CategoryForm, Decision, DueState,
    Intervals,
};
use waypoint::domain::improvement::cycle::{diagnosis_label, trust_cycle};
use waypoint::domain::improvement::inside_out::{
    inside_out, ring_of_feature, ring_of_focus, ItemKind,
};
use waypoint::domain::improvement::plans::{Commission, Intervention, Kind};
use waypoint::domain::records::edits::{ChecklistEdit, ImprovementEdit};
use waypoint::domain::records::edits::{Edit, EditError};
use waypoint::domain::records::store::Store;

const SEEDS: [&str; 5] = [
    "000_12fb667123e91251.txt",
    "001_d5c28564b3708ab7.txt",
    "002_1f8c08f4fbaf11af.txt",
    "003_22dad9f3d4c59bb1.txt",
    "004_9da21c39d918efca.txt",
];

fn seed(prefix: &str) -> Option<String> {
    let file = SEEDS
        .iter()
        .find(|f| f.starts_with(prefix))
        .expect("a seed");
    support::source_document(file)
}

#[test]
fn every_quoted_text_is_in_its_source_verbatim() {
    let c = trust_cycle();
    assert_eq!(c.diagnosis.len(), 6);
    assert_eq!(c.impact.len(), 4);
    assert_eq!(c.rings.len(), 5);
    assert_eq!(
        c.order.iter().map(|o| o.kind.as_str()).collect::<Vec<_>>(),
        ["school_to_school", "direct_trust", "external"]
    );
    let (Some(inside_out), Some(cycle), Some(cadence), Some(carter), Some(categorise)) = (
        seed("000"),
        seed("001"),
        seed("002"),
        seed("003"),
        seed("004"),
    ) else {
        return;
    };
    let mut cycle_texts: Vec<&str> = vec![
        &c.order_why,
        &c.impact_intro,
        &c.board_summary,
        &c.headteacher_report,
        &c.dashboard,
    ];
    cycle_texts.extend(c.diagnosis.iter().map(|d| d.text.as_str()));
    cycle_texts.extend(c.order.iter().map(|o| o.text.as_str()));
    cycle_texts.extend(c.impact.iter().map(|i| i.text.as_str()));
    for text in cycle_texts {
        assert!(cycle.contains(text), "not in 001: {text}");
    }
    assert!(inside_out.contains(&c.order_giver), "{}", c.order_giver);
    assert!(inside_out.contains(&c.inside_out), "{}", c.inside_out);
    assert!(categorise.contains(&c.categorise), "{}", c.categorise);
    for item in &c.cadence {
        let source = match item.source.as_str() {
            "001" => &cycle,
            "002" => &cadence,
            other => panic!("unexpected source {other}"),
        };
        assert!(
            source.contains(&item.text),
            "not in {}: {}",
            item.source,
            item.text
        );
    }
    for ring in &c.rings {
        assert!(inside_out.contains(&ring.name), "{}", ring.name);
        assert!(inside_out.contains(&ring.intro), "{}", ring.intro);
        for point in &ring.points {
            assert!(inside_out.contains(point.as_str()), "{point}");
        }
    }
    // Providers: the source's words; a list entry may start with a capital letter.
    for group in &c.providers {
        let source = if group.kind == "direct_trust" {
            &cycle
        } else {
            &carter
        };
        for name in &group.names {
            let lower = {
                let mut chars = name.chars();
                let first: String = chars
                    .next()
                    .into_iter()
                    .flat_map(char::to_lowercase)
                    .collect();
                first + chars.as_str()
            };
            assert!(
                source.contains(name.as_str()) || source.contains(&lower),
                "provider not in its source: {name}"
            );
        }
    }
    // Carter's full lists of capacity givers are offered, not a selection.
    assert_eq!(
        c.providers.iter().map(|g| g.names.len()).sum::<usize>(),
        6 + 10 + 9
    );
}

#[test]
fn waypoint_s_ring_mapping_places_every_feature_and_theme_once_and_says_it_is_waypoint_s() {
    let c = trust_cycle();
    assert!(c
        .ring_rule
        .starts_with("Waypoint's mapping, not the source's"));
    let framework = four_stages();
    for feature in &framework.features {
        let rings: Vec<&String> = c
            .ring_features
            .iter()
            .filter(|(_, fs)| fs.contains(&feature.id))
            .map(|(r, _)| r)
            .collect();
        assert_eq!(rings.len(), 1, "{} is in {rings:?}", feature.id);
    }
    let mapped: usize = c.ring_features.values().map(Vec::len).sum();
    assert_eq!(
        mapped,
        framework.features.len(),
        "no feature the framework lacks"
    );
    for theme in &framework.themes {
        let ring = c
            .ring_themes
            .get(&theme.id)
            .expect("every theme has a ring");
        assert!(c.rings.iter().any(|r| &r.id == ring));
    }
    assert!(c
        .ring_features
        .keys()
        .all(|r| c.rings.iter().any(|x| &x.id == r)));
    // Pupil outcomes are at the centre; external support in the wider system.
    assert_eq!(ring_of_feature("stabilise-6"), Some("centre"));
    assert_eq!(ring_of_feature("repair-2"), Some("system"));
    assert_eq!(
        ring_of_focus(framework, "Behaviour and attendance"),
        Some("preconditions")
    );
    assert_eq!(
        ring_of_focus(framework, "  governance AND finance "),
        Some("organisation")
    );
    assert_eq!(
        ring_of_focus(framework, "Effective Classroom Practice"),
        Some("classroom")
    );
    assert_eq!(ring_of_focus(framework, "Phonics"), None);
    assert_eq!(
        diagnosis_label("trust_inspection"),
        Some("Trust inspection")
    );
    assert_eq!(diagnosis_label("rumour"), None);
}

fn decision(id: &str, kind: Decision, date: &str, category: Category) -> Categorisation {
    Categorisation {
        id: id.into(),
        school_id: support::SCHOOL_ID.into(),
        decision: kind,
        date: Some(crate::support::day(date)),
        category,
        decided_by: "The board".into(),
        rationale: "Because".into(),
        suggested: None,
        suggested_reason: String::new(),
        assessed_on: None,
        created_ms: 1.0,
        updated_ms: 1.0,
    }
}

fn due(list: &[Categorisation], today: &str) -> (Decision, String, DueState) {
    let mut store = support::school_store();
    store.categorisations = list.to_vec();
    let d = next_due(
        &history(&store, support::SCHOOL_ID),
        Intervals::default(),
        today,
    );
    (
        d.decision,
        d.date.map(|d| d.iso()).unwrap_or_default(),
        d.state,
    )
}

#[test]
fn the_review_falls_due_six_months_after_a_categorisation_and_the_next_twelve() {
    let first = decision("c1", Decision::Categorisation, "2026-09-15", Category::High);
    // Never categorised: due now, without a date.
    let (what, date, state) = due(&[], "2026-11-23");
    assert_eq!(
        (what, date.as_str(), state),
        (Decision::Categorisation, "", DueState::Soon)
    );
    // Categorised: the review six months later, not yet due, then soon, then overdue.
    let list = [first.clone()];
    assert_eq!(
        due(&list, "2026-11-23"),
        (Decision::Review, "2027-03-15".into(), DueState::Later)
    );
    assert_eq!(due(&list, "2027-02-13").2, DueState::Soon, "30 days before");
    assert_eq!(
        due(&list, "2027-02-12").2,
        DueState::Later,
        "31 days before"
    );
    assert_eq!(due(&list, "2027-03-15").2, DueState::Soon, "on the day");
    assert_eq!(
        due(&list, "2027-03-16").2,
        DueState::Overdue,
        "the day after"
    );
    // An early review: the next falls six months after it.
    let early = [
        first.clone(),
        decision("c2", Decision::Review, "2026-10-20", Category::High),
    ];
    assert_eq!(
        due(&early, "2026-11-23"),
        (Decision::Review, "2027-04-20".into(), DueState::Later)
    );
    // Reviewed in March: a review in September would fall within a month of the
    // categorisation, so the categorisation, twelve months after the first, is next.
    let reviewed = [
        first.clone(),
        decision("c2", Decision::Review, "2027-03-10", Category::Moderate),
    ];
    assert_eq!(
        due(&reviewed, "2027-04-01"),
        (
            Decision::Categorisation,
            "2027-09-15".into(),
            DueState::Later
        )
    );
    assert_eq!(due(&reviewed, "2027-09-16").2, DueState::Overdue);
    // A review never held does not hold up the categorisation once that is due.
    assert_eq!(
        due(&list, "2027-09-20"),
        (
            Decision::Categorisation,
            "2027-09-15".into(),
            DueState::Overdue
        )
    );
    // A new categorisation starts the cycle again; the history keeps every decision.
    let again = [
        first,
        decision("c2", Decision::Review, "2027-03-10", Category::Moderate),
        decision("c3", Decision::Categorisation, "2027-09-14", Category::Low),
    ];
    assert_eq!(
        due(&again, "2027-09-20"),
        (Decision::Review, "2028-03-14".into(), DueState::Later)
    );
    let mut store = support::school_store();
    store.categorisations = again.to_vec();
    let order: Vec<&str> = history(&store, support::SCHOOL_ID)
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(order, ["c3", "c2", "c1"], "newest first, none lost");
}

#[test]
fn month_ends_and_a_trust_s_own_intervals_are_respected() {
    assert_eq!(add_months("2026-08-31", 6).as_deref(), Some("2027-02-28"));
    assert_eq!(add_months("2027-08-31", 6).as_deref(), Some("2028-02-29"));
    assert_eq!(add_months("2027-03-31", -1).as_deref(), Some("2027-02-28"));
    assert_eq!(add_months("2026-11-23", -12).as_deref(), Some("2025-11-23"));
    assert_eq!(add_months("2026-02-30", 1), None);
    assert_eq!(crate::support::day("2026-11-23").weekday(), 0, "a Monday");
    assert_eq!(crate::support::day("2026-11-29").weekday(), 6, "a Sunday");
    let termly = Intervals {
        categorise_months: 12,
        review_months: 4,
        reassess_months: 4,
    };
    let first = decision("c1", Decision::Categorisation, "2026-08-31", Category::Low);
    let review = decision("c2", Decision::Review, "2026-12-20", Category::Low);
    let d = next_due(&[&first], termly, "2026-09-01");
    assert_eq!(
        (d.decision, d.date),
        (Decision::Review, Some(crate::support::day("2026-12-31")))
    );
    // The next review falls four months after the latest one.
    let d = next_due(&[&review, &first], termly, "2027-01-01");
    assert_eq!(
        (d.decision, d.date),
        (Decision::Review, Some(crate::support::day("2027-04-20")))
    );
    // A review recorded before the categorisation belongs to the year before.
    let old = decision("c0", Decision::Review, "2026-06-01", Category::Low);
    let d = next_due(&[&first, &old], Intervals::default(), "2026-09-01");
    assert_eq!(
        (d.decision, d.date),
        (Decision::Review, Some(crate::support::day("2027-02-28")))
    );
}

fn store_with_assessment(date: &str, levels: [Level; 4]) -> Store {
    let mut store = support::school_store();
    let mut a = support::answered(levels);
    a.date = Some(crate::support::day(date));
    store
        .apply(&Edit::Checklist(ChecklistEdit::AddAssessment(a)), 2.0)
        .unwrap();
    store
}

const STABILISE: [Level; 4] = [
    Level::Clearly,
    Level::NotSeen,
    Level::NotSeen,
    Level::NotSeen,
];
const SUSTAIN: [Level; 4] = [
    Level::NotSeen,
    Level::Clearly,
    Level::Clearly,
    Level::Clearly,
];

#[test]
fn a_category_warns_when_its_evidence_is_stale_or_waypoint_now_suggests_otherwise() {
    let mut store = store_with_assessment("2026-01-10", STABILISE);
    let school = store.schools[0].clone();
    let today = "2026-11-23";
    let now = standing(&store, &school, Intervals::default(), today);
    assert_eq!(now.suggested.short(), "High");
    assert!(now.current.is_none());
    assert!(
        now.warnings.is_empty(),
        "nothing to warn about before a category"
    );
    let form = CategoryForm {
        decision: Decision::Categorisation,
        date: today.into(),
        category: Some(Category::Moderate),
        decided_by: "Trust board".into(),
        rationale: "New head in post; support already working".into(),
    };
    let category = form.validate().unwrap();
    let record = waypoint::domain::improvement::categorisation::record(
        "c1".into(),
        &school.id,
        &form,
        category,
        &now,
        3.0,
    );
    assert_eq!(
        record.suggested,
        Some(Category::High),
        "Waypoint's suggestion kept beside it"
    );
    assert_eq!(record.assessed_on, Some(crate::support::day("2026-01-10")));
    store
        .apply(&Edit::Improvement(ImprovementEdit::Categorise(record)), 3.0)
        .unwrap();
    let now = standing(&store, &school, Intervals::default(), today);
    assert_eq!(
        now.current.as_ref().map(|c| c.category),
        Some(Category::Moderate)
    );
    assert!(
        now.warnings
            .iter()
            .any(|w| w.contains("decided on an assessment from 10\u{a0}Jan\u{a0}2026")),
        "{:?}",
        now.warnings
    );
    assert!(
        now.warnings.iter().any(|w| w
            .contains("The latest assessment (10\u{a0}Jan\u{a0}2026) is more than 6 months old")),
        "{:?}",
        now.warnings
    );
    assert_eq!(now.reassess_due, Some(crate::support::day("2026-07-10")));
    // A fresh assessment that suggests another level: the warnings say so.
    let mut fresh = support::answered(SUSTAIN);
    fresh.id = "a2".into();
    fresh.date = Some(crate::support::day("2026-11-20"));
    store
        .apply(&Edit::Checklist(ChecklistEdit::AddAssessment(fresh)), 4.0)
        .unwrap();
    let now = standing(&store, &school, Intervals::default(), today);
    assert!(now.warnings.iter().any(|w| w
        .contains("Waypoint now suggests low need from the assessment of 20\u{a0}Nov\u{a0}2026; the board's category is moderate")),
        "{:?}", now.warnings);
    assert!(!now
        .warnings
        .iter()
        .any(|w| w.contains("more than 6 months old")));
}

#[test]
fn a_decision_needs_a_date_a_category_who_decided_and_why() {
    let ok = CategoryForm {
        decision: Decision::Review,
        date: "2027-03-15".into(),
        category: Some(Category::Low),
        decided_by: "Standards committee".into(),
        rationale: "Outcomes sustained".into(),
    };
    assert_eq!(ok.validate(), Ok(Category::Low));
    type Change = fn(&mut CategoryForm);
    let cases: [(Change, &str); 4] = [
        (|f| f.date = "15/03/2027".into(), "date"),
        (|f| f.category = None, "category"),
        (|f| f.decided_by = " ".into(), "who decided"),
        (|f| f.rationale.clear(), "rationale"),
    ];
    for (change, expected) in cases {
        let mut f = ok.clone();
        change(&mut f);
        let message = f.validate().unwrap_err();
        assert!(message.contains(expected), "{message}");
    }
    // The store refuses a decision about a school it does not have, or without a date.
    let mut store = support::school_store();
    let mut c = decision("c1", Decision::Categorisation, "2026-09-15", Category::High);
    c.school_id = "nowhere".into();
    assert!(matches!(
        store.apply(
            &Edit::Improvement(ImprovementEdit::Categorise(c.clone())),
            1.0
        ),
        Err(EditError::NotFound(_))
    ));
    c.school_id = support::SCHOOL_ID.into();
    c.date = None;
    assert!(matches!(
        store.apply(&Edit::Improvement(ImprovementEdit::Categorise(c)), 1.0),
        Err(EditError::Refused(_))
    ));
    assert!(store.categorisations.is_empty());
}

#[test]
fn the_inside_out_view_groups_concerns_priorities_and_interventions_from_the_centre_out() {
    let mut store = store_with_assessment(
        "2026-11-20",
        [
            Level::Partly,
            Level::Clearly,
            Level::NotSeen,
            Level::NotSeen,
        ],
    );
    let form = |focus: &str| Commission {
        kind: Kind::InSchool,
        partner: String::new(),
        focus: focus.into(),
        target: format!("Better {focus}"),
        owner: "Head".into(),
        start: "2026-11-23".into(),
        end: "2027-02-12".into(),
        review_weeks: 6,
        success_criteria: "Seen".into(),
    };
    for (id, focus) in [("p1", "Teaching and outcomes"), ("p2", "Phonics")] {
        let plan = Intervention::new(id.into(), support::SCHOOL_ID, None, form(focus), 5.0);
        store
            .apply(&Edit::Improvement(ImprovementEdit::Commission(plan)), 5.0)
            .unwrap();
    }
    let view = inside_out(four_stages(), &store, support::SCHOOL_ID, "2026-11-23");
    let ids: Vec<&str> = view.rings.iter().map(|r| r.ring.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "centre",
            "preconditions",
            "classroom",
            "organisation",
            "system"
        ]
    );
    assert_eq!(view.assessed_on.as_deref(), Some("2026-11-20"));
    let items = |ring: &str, kind: ItemKind| -> Vec<String> {
        view.rings
            .iter()
            .find(|r| r.ring.id == ring)
            .unwrap()
            .items
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, t)| t.clone())
            .collect()
    };
    // Partly seen Stabilise concerns: outcomes at the centre, finance in the organisation.
    assert!(items("centre", ItemKind::Concern)
        .iter()
        .any(|t| t.starts_with("Poor student outcomes") && t.ends_with("(partly seen)")));
    assert!(items("organisation", ItemKind::Concern)
        .iter()
        .any(|t| t.starts_with("Significant financial risk")));
    // The stage is Repair: its features not yet clearly seen are priorities (all are seen).
    let stage =
        waypoint::domain::checklist::placement::assess(four_stages(), store.get("a1").unwrap())
            .overall
            .fitted;
    assert_eq!(stage, Some(Stage::Repair));
    assert!(view
        .rings
        .iter()
        .all(|r| r.items.iter().all(|(k, _)| *k != ItemKind::NextStep)));
    assert_eq!(
        items("classroom", ItemKind::Intervention),
        ["Better Teaching and outcomes (Teaching and outcomes)"]
    );
    assert_eq!(view.unplaced, ["Better Phonics (Phonics)"]);
}

#[test]
fn every_problem_with_a_decision_is_named_with_its_field_in_the_form_s_order() {
    let blank = CategoryForm {
        decision: Decision::Categorisation,
        date: String::new(),
        category: None,
        decided_by: " ".into(),
        rationale: String::new(),
    };
    let fields: Vec<&str> = blank.problems().iter().map(|(field, _)| *field).collect();
    assert_eq!(fields, ["category", "date", "by", "why"]);
    assert_eq!(blank.validate().unwrap_err(), blank.problems()[0].1);
    let ok = CategoryForm {
        date: "2027-03-15".into(),
        category: Some(Category::High),
        decided_by: "Board".into(),
        rationale: "New head".into(),
        ..blank
    };
    assert!(ok.problems().is_empty());
}
