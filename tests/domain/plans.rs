//! Intervention plans: the seed's four kinds, validation, review dates and overdue flags.
use crate::support;

use waypoint::domain::base::dates::{add_days, day_number, from_day_number, Day};
use waypoint::domain::checklist::SchoolRecords;
use waypoint::domain::improvement::plans::{
    cycle, Commission, Intervention, Kind, Overdue, Progress, Review, Status,
};
use waypoint::domain::improvement::TrustRecords;

fn form() -> Commission {
    Commission {
        kind: Kind::SchoolToSchool,
        partner: "Elm Park Academy".into(),
        focus: "Outcomes".into(),
        target: "Year 6 reading at the expected standard rises from 58% to 70%".into(),
        owner: "Deputy head".into(),
        start: "2026-09-07".into(),
        end: "2027-02-12".into(),
        review_weeks: 6,
        success_criteria: "Termly reading assessments show 70% at the expected standard".into(),
    }
}

#[test]
fn the_four_kinds_come_from_the_seed_verbatim() {
    let content = cycle();
    assert_eq!(content.kinds.len(), 4);
    assert_eq!(content.steps.len(), 4);
    for kind in Kind::ALL {
        assert!(!kind.content().description.is_empty());
        // Guidance about a date now past is kept apart, not shown as current.
        assert!(
            !kind.content().description.contains("2017"),
            "{}",
            kind.content().description
        );
    }
    let direct = Kind::DirectTrust.content();
    assert_eq!(
        direct.dated.as_deref(),
        Some("From September 2017, this team will also include lead teachers.")
    );
    let Some(seed) = support::source_document("001_d5c28564b3708ab7.txt") else {
        return;
    };
    let texts = content
        .kinds
        .iter()
        .flat_map(|k| {
            [&k.name, &k.description]
                .into_iter()
                .chain(k.dated.as_ref())
        })
        .chain(&content.steps)
        .chain([&content.delivery, &content.accountability]);
    for text in texts {
        assert!(seed.contains(text.as_str()), "not in the seed: {text}");
    }
    // Together they are the source's sentence, word for word.
    let whole = format!("{} {}", direct.description, direct.dated.as_ref().unwrap());
    assert!(seed.contains(&whole));
}

#[test]
fn dates_add_and_subtract_across_months_and_leap_years() {
    assert_eq!(day_number("1970-01-01"), Some(0));
    assert_eq!(add_days("2028-02-28", 1).as_deref(), Some("2028-02-29"));
    assert_eq!(add_days("2027-02-28", 1).as_deref(), Some("2027-03-01"));
    assert_eq!(add_days("2026-12-31", 1).as_deref(), Some("2027-01-01"));
    assert_eq!(
        crate::support::day("2026-09-07").days_until(crate::support::day("2027-02-12")),
        158
    );
    assert!(Day::parse("nonsense").is_err());
    for n in (-25_000..60_000).step_by(97) {
        assert_eq!(day_number(&from_day_number(n)), Some(n));
    }
}

#[test]
fn a_commission_needs_a_target_owner_dates_and_success_criteria() {
    assert_eq!(form().validate(), Ok(()));
    type Change = fn(&mut Commission);
    let cases: [(Change, &str); 8] = [
        (|f| f.target = " ".into(), "target"),
        (|f| f.owner.clear(), "owns"),
        (|f| f.partner.clear(), "supporting school"),
        (|f| f.start = "2026-13-01".into(), "start date"),
        (|f| f.end = "soon".into(), "time limit"),
        (|f| f.end = "2026-09-01".into(), "after the start"),
        (|f| f.review_weeks = 0, "Review every"),
        (|f| f.success_criteria.clear(), "success criteria"),
    ];
    for (change, expected) in cases {
        let mut f = form();
        change(&mut f);
        let message = f.validate().expect_err(expected);
        assert!(message.contains(expected), "{message}");
    }
    // Every problem at once, each with its field, in the form's order.
    let mut empty = form();
    empty.target.clear();
    empty.owner.clear();
    empty.end = "soon".into();
    empty.success_criteria.clear();
    let fields: Vec<&str> = empty.problems().iter().map(|(f, _)| *f).collect();
    assert_eq!(fields, ["target", "owner", "end", "criteria"]);
    let mut in_school = form();
    in_school.kind = Kind::InSchool;
    in_school.partner.clear();
    assert_eq!(in_school.validate(), Ok(()));
}

#[test]
fn reviews_fall_every_few_weeks_and_at_the_time_limit() {
    let plan = Intervention::new("p1".into(), "Oakfield", None, form(), 1.0);
    assert_eq!(
        plan.review_dates(),
        ["2026-10-19", "2026-11-30", "2027-01-11", "2027-02-12"].map(crate::support::day)
    );
    // The October review was missed: it is the one to hold next, as the warning says.
    assert_eq!(
        plan.next_review("2026-11-23"),
        Some(crate::support::day("2026-10-19"))
    );
    assert!(plan.overdue("2026-11-23").is_some());
    let mut reviewed = plan.clone();
    reviewed.add_review(
        waypoint::domain::improvement::plans::Review {
            date: Some(crate::support::day("2026-10-20")),
            progress: waypoint::domain::improvement::plans::Progress::OnTrack,
            note: String::new(),
        },
        2.0,
    );
    assert_eq!(
        reviewed.next_review("2026-11-23"),
        Some(crate::support::day("2026-11-30"))
    );
    assert_eq!(reviewed.overdue("2026-11-23"), None);
}

#[test]
fn a_missed_review_or_time_limit_is_flagged_until_recorded() {
    let mut plan = Intervention::new("p1".into(), "Oakfield", None, form(), 1.0);
    assert_eq!(plan.overdue("2026-10-19"), None);
    assert_eq!(
        plan.overdue("2026-11-23"),
        Some(Overdue::ReviewMissed {
            due: crate::support::day("2026-10-19")
        })
    );
    plan.add_review(
        Review {
            date: Some(crate::support::day("2026-10-20")),
            progress: Progress::OnTrack,
            note: "Guided reading in place".into(),
        },
        2.0,
    );
    assert_eq!(plan.status, Status::InProgress);
    assert_eq!(plan.overdue("2026-11-23"), None);
    assert!(plan
        .overdue("2027-03-01")
        .unwrap()
        .message()
        .contains("time limit"));
    plan.add_review(
        Review {
            date: Some(crate::support::day("2027-02-12")),
            progress: Progress::Met,
            note: String::new(),
        },
        3.0,
    );
    assert_eq!(plan.status, Status::Completed);
    assert_eq!(plan.overdue("2027-03-01"), None);
    assert_eq!(
        plan.reviews[0].date,
        Some(crate::support::day("2026-10-20"))
    );
}

#[test]
fn interventions_follow_their_assessment_when_the_school_is_renamed() {
    use waypoint::domain::base::school::School;
    use waypoint::domain::checklist::assessment::{Assessment, AssessmentDetails, Scope};
    use waypoint::domain::records::edits::Edit;
    use waypoint::domain::records::edits::{ChecklistEdit, ImprovementEdit, SchoolEdit};
    use waypoint::domain::records::store::Store;
    let details = |school: &str| AssessmentDetails {
        school: school.into(),
        scope: Scope::WholeSchool,
        date: "2026-11-23".into(),
        assessors: String::new(),
        phase: None,
    };
    let mut store = Store::default();
    let edits = [
        Edit::Schools(SchoolEdit::AddSchool(School::new(
            "s-oak".into(),
            "Oakfeild Primary",
            1.0,
        ))),
        Edit::Schools(SchoolEdit::AddSchool(School::new(
            "s-elm".into(),
            "Elm Park",
            1.0,
        ))),
        Edit::Checklist(ChecklistEdit::AddAssessment(Assessment::new(
            "a1".into(),
            "s-oak".into(),
            details("Oakfeild Primary"),
            1.0,
        ))),
        Edit::Improvement(ImprovementEdit::Commission(Intervention::new(
            "p1".into(),
            "s-oak",
            Some("a1".into()),
            form(),
            1.0,
        ))),
        Edit::Improvement(ImprovementEdit::Commission(Intervention::new(
            "p2".into(),
            "s-elm",
            None,
            form(),
            1.0,
        ))),
    ];
    for edit in &edits {
        store.apply(edit, 1.0).unwrap();
    }
    // Correcting the school's name keeps its plans with it.
    store
        .apply(
            &Edit::Schools(SchoolEdit::RenameSchool {
                school: "s-oak".into(),
                name: "Oakfield Primary".into(),
            }),
            2.0,
        )
        .unwrap();
    assert_eq!(store.plans[0].school_id, "s-oak");
    assert_eq!(
        store.school_name(&store.plans[0].school_id),
        "Oakfield Primary"
    );
    // Moving the assessment to another school takes its interventions along; others stay.
    store
        .apply(
            &Edit::Schools(SchoolEdit::AddSchool(School::new(
                "s-oak2".into(),
                "Oakfield Primary School",
                3.0,
            ))),
            3.0,
        )
        .unwrap();
    let a = details("Oakfield Primary School");
    let date = a.day().unwrap();
    store
        .apply(
            &Edit::Checklist(ChecklistEdit::SetDetails {
                assessment: "a1".into(),
                school_id: "s-oak2".into(),
                scope: a.scope,
                date,
                assessors: a.assessors,
                phase: None,
            }),
            3.0,
        )
        .unwrap();
    assert_eq!(store.plans[0].school_id, "s-oak2");
    assert_eq!(store.plans[0].updated_ms, 3.0);
    assert_eq!(store.plans[1].school_id, "s-elm");
    assert_eq!(store.plans_of("s-oak2").count(), 1);
}
