//! The one way the store changes: `Store::apply` with an `Edit`. Every kind of edit
//! applies and stamps the time, records what was not downloaded, can be made twice
//! without changing the result (so a tab's unsaved edits replay on another tab's save),
//! keeps text two tabs typed at once, undoes removals in place, and refuses what would
//! break the store's rules.

use std::collections::BTreeSet;
use waypoint::domain::base::dates::OptionalDay;
use waypoint::domain::checklist::SchoolRecords;
use waypoint::domain::improvement::TrustRecords;

use crate::support::arbitrary::{self, Rng};
use waypoint::domain::base::content::four_stages;
use waypoint::domain::base::ids::is_valid_id;
use waypoint::domain::base::school::{School, Trust};
use waypoint::domain::base::text::{MAX_NAME_CHARS, MAX_NOTE_CHARS};
use waypoint::domain::checklist::assessment::{
    Assessment, AssessmentDetails, Level, Recheck as Reviewed, Scope,
};
use waypoint::domain::checklist::teams::history;
use waypoint::domain::improvement::accountability::{Impact, Verdict};
use waypoint::domain::improvement::calendar::TrustCalendar;
use waypoint::domain::improvement::categorisation::{Categorisation, Category, Decision};
use waypoint::domain::improvement::plans::{
    Commission, Intervention, Kind, Progress, Review, Status,
};
use waypoint::domain::improvement::trajectory::{Band, Point, Thresholds};
use waypoint::domain::records::edits::{Applied, Edit, EditError, Restorable};
use waypoint::domain::records::edits::{
    ChecklistEdit, ImprovementEdit, RecordsEdit, SchoolEdit, WorkshopEdit,
};
use waypoint::domain::records::layout::Key;
use waypoint::domain::records::schema::{read_store, write_store};
use waypoint::domain::records::store::{Store, TextPlace};
use waypoint::domain::workshop::aas::{Member, Position, When, Workshop};
use waypoint::domain::workshop::handback::{PendingCopy, Settle};
use waypoint::domain::workshop::responses::Resolution;

/// When the base store was made; every edit under test is later.
const MADE: f64 = 100.0;
/// When the edit under test is applied.
const NOW: f64 = 5_000.0;

fn details(scope: Scope) -> AssessmentDetails {
    AssessmentDetails {
        school: String::new(),
        scope,
        date: "2026-11-23".into(),
        assessors: "J. Patel".into(),
        phase: None,
    }
}

fn assessment(id: &str, school: &str) -> Assessment {
    Assessment::new(id.into(), school.into(), details(Scope::WholeSchool), MADE)
}

fn form() -> Commission {
    Commission {
        kind: Kind::SchoolToSchool,
        partner: "Elm Park".into(),
        focus: "Outcomes".into(),
        target: "Year 6 reading rises from 58% to 70%".into(),
        owner: "Deputy head".into(),
        start: "2026-09-07".into(),
        end: "2027-02-12".into(),
        review_weeks: 6,
        success_criteria: "Termly reading assessments show 70%".into(),
    }
}

fn point(period: &str, band: Band) -> Point {
    Point {
        period: period.into(),
        band: Some(band),
        value: None,
        date: OptionalDay::Absent,
    }
}

fn impact() -> Impact {
    Impact {
        date: Some(crate::support::day("2027-02-12")),
        practice: "Guided reading daily in every class".into(),
        systems: String::new(),
        organisation: String::new(),
        outcomes: "Year 6 reading at the expected standard 71%".into(),
        evidence: "Spring assessments; book looks".into(),
        verdict: Verdict::Met,
    }
}

fn categorisation(id: &str, school: &str) -> Categorisation {
    Categorisation {
        id: id.into(),
        school_id: school.into(),
        decision: Decision::Categorisation,
        date: Some(crate::support::day("2026-11-23")),
        category: Category::High,
        decided_by: "The board".into(),
        rationale: " Two red flags ".into(),
        suggested: Some(Category::High),
        suggested_reason: "placed at Stabilise".into(),
        assessed_on: Some(crate::support::day("2026-11-20")),
        created_ms: MADE,
        updated_ms: MADE,
    }
}

fn apply(store: &mut Store, edit: &Edit, now: f64) -> Applied {
    store
        .apply(edit, now)
        .unwrap_or_else(|e| panic!("{edit:?} was refused: {e}"))
}

/// Two schools, a trust, an assessment, a workshop with one person, a plan and a
/// trajectory, all made through edits and then downloaded.
fn base() -> Store {
    let mut store = Store::default();
    let edits = [
        Edit::Schools(SchoolEdit::AddSchool(School::new(
            "s1".into(),
            "Oakfield Primary",
            MADE,
        ))),
        Edit::Schools(SchoolEdit::AddSchool(School::new(
            "s2".into(),
            "Elm Park",
            MADE,
        ))),
        Edit::Schools(SchoolEdit::AddTrust(Trust::new(
            "t1".into(),
            "Oak Trust",
            MADE,
        ))),
        Edit::Checklist(ChecklistEdit::AddAssessment(assessment("a1", "s1"))),
        Edit::Workshop(WorkshopEdit::AddWorkshop(Workshop::new(
            "w1".into(),
            "t1",
            "",
            Some(crate::support::day("2026-11-23")),
            MADE,
        ))),
        Edit::Workshop(WorkshopEdit::AddMember {
            workshop: "w1".into(),
            member: Member::new("r1".into(), "Ann Evans", "Trustee"),
        }),
        Edit::Improvement(ImprovementEdit::Commission(Intervention::new(
            "p1".into(),
            "s1",
            Some("a1".into()),
            form(),
            MADE,
        ))),
        Edit::Improvement(ImprovementEdit::SetPoints {
            school: "s1".into(),
            trajectory_id: "j1".into(),
            points: vec![point("2024", Band::Coasting), point("2025", Band::Floor)],
        }),
        Edit::Improvement(ImprovementEdit::Categorise(categorisation("c1", "s1"))),
        Edit::Records(RecordsEdit::MarkAllDownloaded),
    ];
    for edit in &edits {
        apply(&mut store, edit, MADE);
    }
    store
}

/// The name of an edit's variant. The match has no catch-all, so a new kind of edit
/// does not compile here until the tests below are told about it.
fn variant(edit: &Edit) -> &'static str {
    match edit {
        Edit::Schools(SchoolEdit::AddSchool(_)) => "AddSchool",
        Edit::Schools(SchoolEdit::RenameSchool { .. }) => "RenameSchool",
        Edit::Schools(SchoolEdit::MergeSchools { .. }) => "MergeSchools",
        Edit::Schools(SchoolEdit::MarkDistinct { .. }) => "MarkDistinct",
        Edit::Schools(SchoolEdit::AddTrust(_)) => "AddTrust",
        Edit::Schools(SchoolEdit::RenameTrust { .. }) => "RenameTrust",
        Edit::Checklist(ChecklistEdit::AddAssessment(_)) => "AddAssessment",
        Edit::Checklist(ChecklistEdit::SetLevel { .. }) => "SetLevel",
        Edit::Checklist(ChecklistEdit::SetNote { .. }) => "SetNote",
        Edit::Checklist(ChecklistEdit::MarkReviewed { .. }) => "MarkReviewed",
        Edit::Checklist(ChecklistEdit::SetDetails { .. }) => "SetDetails",
        Edit::Checklist(ChecklistEdit::RemoveAssessment { .. }) => "RemoveAssessment",
        Edit::Workshop(WorkshopEdit::AddWorkshop(_)) => "AddWorkshop",
        Edit::Workshop(WorkshopEdit::RemoveWorkshop { .. }) => "RemoveWorkshop",
        Edit::Workshop(WorkshopEdit::AddMember { .. }) => "AddMember",
        Edit::Workshop(WorkshopEdit::RemoveMember { .. }) => "RemoveMember",
        Edit::Workshop(WorkshopEdit::Place { .. }) => "Place",
        Edit::Workshop(WorkshopEdit::SetPracticeNote { .. }) => "SetPracticeNote",
        Edit::Workshop(WorkshopEdit::MergeMember { .. }) => "MergeMember",
        Edit::Workshop(WorkshopEdit::MergeMembers { .. }) => "MergeMembers",
        Edit::Workshop(WorkshopEdit::ChoosePractices { .. }) => "ChoosePractices",
        Edit::Workshop(WorkshopEdit::SetMemberPlace { .. }) => "SetMemberPlace",
        Edit::Workshop(WorkshopEdit::HoldCopy { .. }) => "HoldCopy",
        Edit::Workshop(WorkshopEdit::SettleCopy { .. }) => "SettleCopy",
        Edit::Improvement(ImprovementEdit::SetPoints { .. }) => "SetPoints",
        Edit::Improvement(ImprovementEdit::SetThresholds { .. }) => "SetThresholds",
        Edit::Improvement(ImprovementEdit::SetCapacity { .. }) => "SetCapacity",
        Edit::Improvement(ImprovementEdit::Commission(_)) => "Commission",
        Edit::Improvement(ImprovementEdit::SetStatus { .. }) => "SetStatus",
        Edit::Improvement(ImprovementEdit::RecordReview { .. }) => "RecordReview",
        Edit::Improvement(ImprovementEdit::RemoveIntervention { .. }) => "RemoveIntervention",
        Edit::Improvement(ImprovementEdit::RecordImpact { .. }) => "RecordImpact",
        Edit::Improvement(ImprovementEdit::SetSource { .. }) => "SetSource",
        Edit::Improvement(ImprovementEdit::Categorise(_)) => "Categorise",
        Edit::Improvement(ImprovementEdit::RemoveCategorisation { .. }) => "RemoveCategorisation",
        Edit::Improvement(ImprovementEdit::SetCalendar(_)) => "SetCalendar",
        Edit::Records(RecordsEdit::Import(_)) => "Import",
        Edit::Records(RecordsEdit::Reset) => "Reset",
        Edit::Records(RecordsEdit::Restore(_)) => "Restore",
        Edit::Records(RecordsEdit::MarkDownloaded { .. }) => "MarkDownloaded",
        Edit::Records(RecordsEdit::MarkAllDownloaded) => "MarkAllDownloaded",
        Edit::Records(RecordsEdit::DismissRecovered { .. }) => "DismissRecovered",
        Edit::Batch(_) => "Batch",
    }
}

const VARIANTS: usize = 43;

/// Applies `edit` to a fresh base store at [`NOW`], checks that the item it is about
/// was stamped, and returns the store and what the edit reported.
fn stamped(
    covered: &mut BTreeSet<&'static str>,
    edit: Edit,
    stamp: impl Fn(&Store) -> f64,
) -> (Store, Applied) {
    let mut store = base();
    let applied = apply(&mut store, &edit, NOW);
    assert_eq!(stamp(&store), NOW, "{edit:?} did not stamp the time");
    assert!(!applied.changed.is_empty(), "{edit:?} asked for no save");
    covered.insert(variant(&edit));
    (store, applied)
}

#[test]
fn every_kind_of_edit_applies_and_stamps_the_time() {
    let mut covered = BTreeSet::new();
    let c = &mut covered;
    let school = |id: &'static str| move |s: &Store| s.school(id).unwrap().updated_ms;
    let assessed = |id: &'static str| move |s: &Store| s.get(id).unwrap().updated_ms;
    let workshop = |s: &Store| s.workshop("w1").unwrap().updated_ms;
    let trajectory = |s: &Store| s.trajectory_of("s1").unwrap().updated_ms;
    let plan = |id: &'static str| move |s: &Store| s.plan(id).unwrap().updated_ms;

    let (s, a) = stamped(
        c,
        Edit::Schools(SchoolEdit::AddSchool(School::new(
            "s3".into(),
            "Ash Primary",
            MADE,
        ))),
        school("s3"),
    );
    assert_eq!(s.school_name("s3"), "Ash Primary");
    assert_eq!(a.changed, vec![Key::Meta]);
    let (s, _) = stamped(
        c,
        Edit::Schools(SchoolEdit::RenameSchool {
            school: "s1".into(),
            name: "Oakfield Church Primary".into(),
        }),
        school("s1"),
    );
    assert_eq!(s.school_name("s1"), "Oakfield Church Primary");
    let (s, a) = stamped(
        c,
        Edit::Schools(SchoolEdit::MergeSchools {
            keep: "s2".into(),
            absorb: "s1".into(),
        }),
        assessed("a1"),
    );
    assert!(s.school("s1").is_none());
    assert_eq!(s.get("a1").unwrap().school_id, "s2");
    assert!(a.changed.contains(&Key::Meta));
    let (s, _) = stamped(
        c,
        Edit::Schools(SchoolEdit::AddTrust(Trust::new(
            "t2".into(),
            "Ash Trust",
            MADE,
        ))),
        |s| s.trust("t2").unwrap().updated_ms,
    );
    assert_eq!(s.trust_name("t2"), "Ash Trust");
    let (s, _) = stamped(
        c,
        Edit::Schools(SchoolEdit::RenameTrust {
            trust: "t1".into(),
            name: "Oak Learning Trust".into(),
        }),
        |s| s.trust("t1").unwrap().updated_ms,
    );
    assert_eq!(
        s.workshop_title(s.workshop("w1").unwrap()),
        "Oak Learning Trust"
    );
    let (s, a) = stamped(
        c,
        Edit::Checklist(ChecklistEdit::AddAssessment(assessment("a2", "s2"))),
        assessed("a2"),
    );
    assert_eq!(s.assessments[0].id, "a2", "new assessments come first");
    assert!(a.changed.contains(&Key::Assessment("a2".into())));
    let (s, a) = stamped(
        c,
        Edit::Checklist(ChecklistEdit::SetLevel {
            assessment: "a1".into(),
            feature: "stabilise-1".into(),
            level: Some(Level::Clearly),
        }),
        assessed("a1"),
    );
    assert_eq!(
        s.get("a1").unwrap().level("stabilise-1"),
        Some(Level::Clearly)
    );
    assert!(a.changed.contains(&Key::Assessment("a1".into())));
    let (s, _) = stamped(
        c,
        Edit::Checklist(ChecklistEdit::SetNote {
            assessment: "a1".into(),
            feature: "stabilise-1".into(),
            note: "Seen in the hall".into(),
            was: String::new(),
        }),
        assessed("a1"),
    );
    assert_eq!(
        s.get("a1").unwrap().answer("stabilise-1").unwrap().note,
        "Seen in the hall"
    );
    // A reassessment: its answers are marked as looked at again one by one.
    let mut next = base().get("a1").unwrap().clone();
    next.set_level("repair-1", Some(Level::Clearly), MADE);
    let next = next.reassess("a3".into(), crate::support::day("2027-03-01"), MADE);
    let mut s = base();
    apply(
        &mut s,
        &Edit::Checklist(ChecklistEdit::AddAssessment(next)),
        MADE,
    );
    let edit = Edit::Checklist(ChecklistEdit::MarkReviewed {
        assessment: "a3".into(),
        feature: "repair-1".into(),
    });
    let a = apply(&mut s, &edit, NOW);
    assert_eq!(s.get("a3").unwrap().updated_ms, NOW);
    assert_eq!(a.changed, vec![Key::Assessment("a3".into())]);
    assert_eq!(
        s.get("a3").unwrap().review("repair-1"),
        Some(Reviewed::Reviewed)
    );
    assert!(apply(&mut s, &edit, NOW + 1.0).changed.is_empty(), "once");
    c.insert(variant(&edit));
    let (s, _) = stamped(
        c,
        Edit::Checklist(ChecklistEdit::SetDetails {
            assessment: "a1".into(),
            school_id: "s2".into(),
            scope: Scope::Subject("Maths".into()),
            date: crate::support::day("2026-12-01"),
            assessors: "R. Osei".into(),
            phase: None,
        }),
        assessed("a1"),
    );
    assert_eq!(s.title(s.get("a1").unwrap()), "Elm Park — Subject: Maths");
    assert_eq!(s.plan("p1").unwrap().school_id, "s2", "the plan follows");
    let (s, a) = stamped(
        c,
        Edit::Workshop(WorkshopEdit::AddWorkshop(Workshop::new(
            "w2".into(),
            "t1",
            "Elm Park",
            Some(crate::support::day("2026-12-01")),
            MADE,
        ))),
        |s| s.workshop("w2").unwrap().updated_ms,
    );
    assert_eq!(s.workshops[0].id, "w2");
    assert!(a.changed.contains(&Key::Workshop("w2".into())));
    let (s, _) = stamped(
        c,
        Edit::Workshop(WorkshopEdit::AddMember {
            workshop: "w1".into(),
            member: Member::new("r2".into(), "Bo Li", "Head"),
        }),
        workshop,
    );
    assert_eq!(s.workshop("w1").unwrap().members.len(), 2);
    let (s, _) = stamped(
        c,
        Edit::Workshop(WorkshopEdit::RemoveMember {
            workshop: "w1".into(),
            member: "r1".into(),
        }),
        workshop,
    );
    assert!(s.workshop("w1").unwrap().members.is_empty());
    let (s, _) = stamped(
        c,
        Edit::Workshop(WorkshopEdit::Place {
            workshop: "w1".into(),
            member: "r1".into(),
            practice: "governance-s1".into(),
            when: When::Now,
            position: Some(Position::Aligned),
        }),
        workshop,
    );
    let placing = s.workshop("w1").unwrap().members[0]
        .placing("governance-s1")
        .cloned()
        .unwrap();
    assert_eq!(placing.now, Some(Position::Aligned));
    let (s, _) = stamped(
        c,
        Edit::Workshop(WorkshopEdit::SetPracticeNote {
            workshop: "w1".into(),
            member: "r1".into(),
            practice: "governance-s1".into(),
            note: "Values differ".into(),
            was: String::new(),
        }),
        workshop,
    );
    let placing = s.workshop("w1").unwrap().members[0]
        .placing("governance-s1")
        .cloned()
        .unwrap();
    assert_eq!(placing.note, "Values differ");
    let (s, _) = stamped(
        c,
        Edit::Workshop(WorkshopEdit::MergeMember {
            workshop: "w1".into(),
            member: Member::new("r1".into(), "Ann Evans", "Chair"),
            clash_with: Some(("r1".into(), Resolution::KeepBoth)),
            fresh_id: "r9".into(),
        }),
        workshop,
    );
    let people = &s.workshop("w1").unwrap().members;
    assert_eq!(people.len(), 2);
    assert_eq!(
        (people[1].id.as_str(), people[1].name.as_str()),
        ("r9", "Ann Evans (2)")
    );
    let mut anonymous = Member::new("r7".into(), "Anyone", "Other");
    anonymous.anonymous = true;
    let (s, _) = stamped(
        c,
        Edit::Workshop(WorkshopEdit::MergeMembers {
            workshop: "w1".into(),
            members: vec![Member::new("r5".into(), "Cy Okafor", "Chair"), anonymous],
            fresh_ids: vec!["r8".into()],
        }),
        workshop,
    );
    let people = &s.workshop("w1").unwrap().members;
    assert_eq!(people.len(), 3, "{people:?}");
    assert_eq!(
        (people[2].id.as_str(), people[2].name.as_str()),
        ("r7", "Anonymous 1")
    );
    let (s, _) = stamped(
        c,
        Edit::Workshop(WorkshopEdit::ChoosePractices {
            workshop: "w1".into(),
            practices: vec!["finance-s1".into(), "governance-s1".into()],
        }),
        workshop,
    );
    assert_eq!(
        s.workshop("w1").unwrap().practices,
        vec!["governance-s1".to_string(), "finance-s1".to_string()],
        "kept in the tool's order"
    );
    let (s, _) = stamped(
        c,
        Edit::Workshop(WorkshopEdit::SetMemberPlace {
            workshop: "w1".into(),
            practice: "finance-s2".into(),
        }),
        workshop,
    );
    assert_eq!(
        s.workshop("w1").unwrap().member_at.as_deref(),
        Some("finance-s2")
    );
    let mut second = Member::new("r1".into(), "Ann Evans", "Trustee");
    second.set("governance-s1", When::Now, Some(Position::Aligned));
    let hold = Edit::Workshop(WorkshopEdit::HoldCopy {
        workshop: "w1".into(),
        copy: PendingCopy {
            key: "k1".into(),
            existing_id: "r1".into(),
            member: second,
        },
    });
    let (s, _) = stamped(c, hold.clone(), workshop);
    assert_eq!(s.workshop("w1").unwrap().pending.len(), 1);
    let settle = Edit::Workshop(WorkshopEdit::SettleCopy {
        workshop: "w1".into(),
        key: "k1".into(),
        choice: Settle::UseNew,
        fresh_id: "r9".into(),
    });
    let mut held = base();
    apply(&mut held, &hold, MADE);
    let applied = apply(&mut held, &settle, NOW);
    assert_eq!(workshop(&held), NOW, "{settle:?} did not stamp the time");
    assert!(!applied.changed.is_empty());
    c.insert(variant(&settle));
    let w = held.workshop("w1").unwrap();
    assert!(w.pending.is_empty(), "answered: no longer asked");
    assert_eq!(w.members.len(), 1, "the second copy replaced the first");
    assert_eq!(
        w.members[0].placing("governance-s1").unwrap().now,
        Some(Position::Aligned)
    );
    let (s, a) = stamped(
        c,
        Edit::Improvement(ImprovementEdit::SetPoints {
            school: "s1".into(),
            trajectory_id: "unused".into(),
            points: vec![point("2025", Band::NationalAverage)],
        }),
        trajectory,
    );
    assert_eq!(s.trajectory_of("s1").unwrap().points.len(), 1);
    assert_eq!(
        BTreeSet::from_iter(a.changed),
        BTreeSet::from([Key::Trajectory("j1".into()), Key::Meta])
    );
    let (s, _) = stamped(
        c,
        Edit::Improvement(ImprovementEdit::SetThresholds {
            school: "s1".into(),
            trajectory_id: "unused".into(),
            thresholds: Some(Thresholds {
                measure: "% meeting the expected standard".into(),
                coasting: 40.0,
                national_average: 55.0,
                top15: 70.0,
            }),
        }),
        trajectory,
    );
    assert!(s.trajectory_of("s1").unwrap().thresholds.is_some());
    let (s, _) = stamped(
        c,
        Edit::Improvement(ImprovementEdit::SetCapacity {
            school: "s2".into(),
            trajectory_id: "j2".into(),
            item: "Deliver bespoke training".into(),
            ticked: true,
        }),
        |s| s.trajectory_of("s2").unwrap().updated_ms,
    );
    assert_eq!(s.trajectory_of("s2").unwrap().id, "j2", "made on first use");
    let (s, _) = stamped(
        c,
        Edit::Improvement(ImprovementEdit::Commission(Intervention::new(
            "p2".into(),
            "s2",
            None,
            form(),
            MADE,
        ))),
        plan("p2"),
    );
    assert_eq!(s.plans_of("s2").count(), 1);
    let (s, _) = stamped(
        c,
        Edit::Improvement(ImprovementEdit::SetStatus {
            plan: "p1".into(),
            status: Status::Stopped,
        }),
        plan("p1"),
    );
    assert_eq!(s.plan("p1").unwrap().status, Status::Stopped);
    let (s, _) = stamped(
        c,
        Edit::Improvement(ImprovementEdit::RecordReview {
            plan: "p1".into(),
            review: Review {
                date: Some(crate::support::day("2026-10-19")),
                progress: Progress::OnTrack,
                note: "Good start".into(),
            },
        }),
        plan("p1"),
    );
    assert_eq!(s.plan("p1").unwrap().reviews.len(), 1);
    assert_eq!(s.plan("p1").unwrap().status, Status::InProgress);
    let (s, _) = stamped(
        c,
        Edit::Improvement(ImprovementEdit::RecordImpact {
            plan: "p1".into(),
            impact: impact(),
        }),
        plan("p1"),
    );
    assert_eq!(s.plan("p1").unwrap().impact.as_deref(), Some(&impact()));
    let (s, _) = stamped(
        c,
        Edit::Improvement(ImprovementEdit::SetSource {
            assessment: "a1".into(),
            feature: "repair-2".into(),
            source: Some("trust_inspection".into()),
        }),
        assessed("a1"),
    );
    assert_eq!(
        s.get("a1").unwrap().source("repair-2"),
        Some("trust_inspection")
    );
    let (s, a) = stamped(
        c,
        Edit::Improvement(ImprovementEdit::Categorise(categorisation("c9", "s1"))),
        |s: &Store| s.categorisation("c9").unwrap().updated_ms,
    );
    assert_eq!(a.changed, vec![Key::Meta, Key::Categorisation("c9".into())]);
    assert_eq!(s.categorisation("c9").unwrap().rationale, "Two red flags");
    let (s, _) = stamped(
        c,
        Edit::Improvement(ImprovementEdit::SetCalendar(TrustCalendar::starting(
            "k1".into(),
            "2026-11-23",
            MADE,
        ))),
        |s: &Store| s.calendar().unwrap().updated_ms,
    );
    assert_eq!(
        s.calendar().unwrap().year_start,
        Some(crate::support::day("2026-09-01"))
    );

    // Removals leave nothing to stamp: they take the item away and offer an undo.
    for edit in [
        Edit::Checklist(ChecklistEdit::RemoveAssessment {
            assessment: "a1".into(),
        }),
        Edit::Workshop(WorkshopEdit::RemoveWorkshop {
            workshop: "w1".into(),
        }),
        Edit::Improvement(ImprovementEdit::RemoveIntervention { plan: "p1".into() }),
        Edit::Improvement(ImprovementEdit::RemoveCategorisation { id: "c1".into() }),
    ] {
        let mut s = base();
        let a = apply(&mut s, &edit, NOW);
        assert!(
            s.get("a1").is_none()
                || s.workshop("w1").is_none()
                || s.plan("p1").is_none()
                || s.categorisation("c1").is_none()
        );
        assert!(
            matches!(a.undo, Some(Edit::Records(RecordsEdit::Restore(_)))),
            "{edit:?}"
        );
        assert_eq!(a.changed.len(), 1, "{edit:?}: {:?}", a.changed);
        c.insert(variant(&edit));
    }

    // Bookkeeping edits change what is recorded, not an item.
    let mut s = base();
    let a = apply(
        &mut s,
        &Edit::Schools(SchoolEdit::MarkDistinct {
            a: "s1".into(),
            b: "s2".into(),
        }),
        NOW,
    );
    assert!(s.said_distinct("s2", "s1"));
    assert_eq!(a.changed, vec![Key::Meta]);
    c.insert("MarkDistinct");

    let mut s = base();
    apply(
        &mut s,
        &Edit::Checklist(ChecklistEdit::SetLevel {
            assessment: "a1".into(),
            feature: "repair-1".into(),
            level: Some(Level::Partly),
        }),
        NOW,
    );
    let edit = Edit::Records(RecordsEdit::MarkDownloaded {
        ids: vec!["a1".into()],
    });
    assert_eq!(apply(&mut s, &edit, NOW).changed, vec![Key::Meta]);
    assert!(s.not_downloaded.is_empty());
    c.insert(variant(&edit));
    apply(
        &mut s,
        &Edit::Schools(SchoolEdit::RenameSchool {
            school: "s2".into(),
            name: "Elm Park Academy".into(),
        }),
        NOW,
    );
    assert_eq!(
        apply(&mut s, &Edit::Records(RecordsEdit::MarkAllDownloaded), NOW).changed,
        vec![Key::Meta]
    );
    assert!(s.not_downloaded.is_empty());
    c.insert("MarkAllDownloaded");

    let mut s = base();
    for note in ["Tab A's note", "Tab B's note"] {
        apply(
            &mut s,
            &Edit::Checklist(ChecklistEdit::SetNote {
                assessment: "a1".into(),
                feature: "repair-2".into(),
                note: note.into(),
                was: String::new(),
            }),
            NOW,
        );
    }
    let id = s.recovered[0].id.clone();
    let edit = Edit::Records(RecordsEdit::DismissRecovered { id });
    assert_eq!(apply(&mut s, &edit, NOW).changed, vec![Key::Meta]);
    assert!(s.recovered.is_empty());
    c.insert(variant(&edit));

    // An import keeps the file's times: the items are as they were downloaded.
    let mut s = base();
    let mut other = assessment("a9", "s2");
    other.updated_ms = 42.0;
    let edit = Edit::Records(RecordsEdit::Import(Box::new(Store {
        assessments: vec![other.clone()],
        ..Store::default()
    })));
    let a = apply(&mut s, &edit, NOW);
    assert_eq!(s.get("a9"), Some(&other));
    assert_eq!(a.changed, vec![Key::Assessment("a9".into())]);
    c.insert(variant(&edit));

    let mut s = base();
    let keys = s.keys();
    let a = apply(&mut s, &Edit::Records(RecordsEdit::Reset), NOW);
    assert_eq!(s, Store::default());
    for key in keys {
        assert!(
            a.changed.contains(&key),
            "{key:?} is not cleared from storage"
        );
    }
    c.insert("Reset");

    let mut s = base();
    let undo = apply(
        &mut s,
        &Edit::Checklist(ChecklistEdit::RemoveAssessment {
            assessment: "a1".into(),
        }),
        NOW,
    )
    .undo
    .unwrap();
    let a = apply(&mut s, &undo, NOW);
    assert_eq!(s.get("a1"), base().get("a1"));
    assert!(a.changed.contains(&Key::Assessment("a1".into())));
    c.insert(variant(&undo));

    let edit = Edit::Batch(vec![
        Edit::Checklist(ChecklistEdit::SetLevel {
            assessment: "a1".into(),
            feature: "repair-3".into(),
            level: Some(Level::NotSeen),
        }),
        Edit::Improvement(ImprovementEdit::RemoveIntervention { plan: "p1".into() }),
    ]);
    let (s, a) = stamped(c, edit, assessed("a1"));
    assert!(s.plan("p1").is_none());
    assert!(matches!(a.undo, Some(Edit::Batch(ref undo)) if undo.len() == 1));

    assert_eq!(covered.len(), VARIANTS, "not covered: {covered:?}");
}

#[test]
fn every_kind_of_change_is_remembered_until_downloaded() {
    let cases: Vec<(Edit, &str)> = vec![
        (
            Edit::Checklist(ChecklistEdit::SetLevel {
                assessment: "a1".into(),
                feature: "improve-2".into(),
                level: Some(Level::Partly),
            }),
            "a1",
        ),
        (
            Edit::Checklist(ChecklistEdit::SetNote {
                assessment: "a1".into(),
                feature: "improve-2".into(),
                note: "Peer review".into(),
                was: String::new(),
            }),
            "a1",
        ),
        (
            Edit::Workshop(WorkshopEdit::Place {
                workshop: "w1".into(),
                member: "r1".into(),
                practice: "governance-s1".into(),
                when: When::Desired,
                position: Some(Position::Standardised),
            }),
            "w1",
        ),
        (
            Edit::Workshop(WorkshopEdit::AddMember {
                workshop: "w1".into(),
                member: Member::new("r2".into(), "Bo Li", "Head"),
            }),
            "w1",
        ),
        (
            Edit::Improvement(ImprovementEdit::SetCapacity {
                school: "s1".into(),
                trajectory_id: "unused".into(),
                item: "Lead a subject network".into(),
                ticked: true,
            }),
            "j1",
        ),
        (
            Edit::Improvement(ImprovementEdit::Commission(Intervention::new(
                "p2".into(),
                "s2",
                None,
                form(),
                MADE,
            ))),
            "p2",
        ),
        (
            Edit::Improvement(ImprovementEdit::RecordReview {
                plan: "p1".into(),
                review: Review {
                    date: Some(crate::support::day("2026-10-19")),
                    progress: Progress::AtRisk,
                    note: String::new(),
                },
            }),
            "p1",
        ),
        (
            Edit::Schools(SchoolEdit::RenameSchool {
                school: "s2".into(),
                name: "Elm Park Academy".into(),
            }),
            "s2",
        ),
        (
            Edit::Schools(SchoolEdit::RenameTrust {
                trust: "t1".into(),
                name: "Oak Learning Trust".into(),
            }),
            "t1",
        ),
    ];
    let mut all = base();
    assert_eq!(all.changes_not_downloaded(), 0);
    for (edit, id) in &cases {
        let mut store = base();
        let applied = apply(&mut store, edit, NOW);
        assert_eq!(
            store.not_downloaded,
            BTreeSet::from([id.to_string()]),
            "{edit:?}"
        );
        assert!(
            applied.changed.contains(&Key::Meta),
            "{edit:?}: the mark is saved"
        );
        apply(&mut all, edit, NOW);
    }
    assert_eq!(all.changes_not_downloaded(), 7);
    // Downloading some clears those only.
    apply(
        &mut all,
        &Edit::Records(RecordsEdit::MarkDownloaded {
            ids: vec!["a1".into(), "w1".into(), "missing".into()],
        }),
        NOW,
    );
    assert_eq!(
        all.not_downloaded,
        BTreeSet::from(["j1", "p2", "p1", "s2", "t1"].map(String::from))
    );
    // Downloading everything clears the rest; doing it again has nothing to save.
    apply(
        &mut all,
        &Edit::Records(RecordsEdit::MarkAllDownloaded),
        NOW,
    );
    assert_eq!(all.changes_not_downloaded(), 0);
    assert!(apply(
        &mut all,
        &Edit::Records(RecordsEdit::MarkAllDownloaded),
        NOW
    )
    .changed
    .is_empty());
    // Removing an item forgets that it was not downloaded: there is nothing to download.
    apply(
        &mut all,
        &Edit::Checklist(ChecklistEdit::AddAssessment(assessment("a5", "s1"))),
        NOW,
    );
    assert!(all.not_downloaded.contains("a5"));
    apply(
        &mut all,
        &Edit::Checklist(ChecklistEdit::RemoveAssessment {
            assessment: "a5".into(),
        }),
        NOW,
    );
    assert!(!all.not_downloaded.contains("a5"));
}

/// A random edit of `store`: mostly about items it has, sometimes about ones it does not.
fn random_edit(rng: &mut Rng, store: &Store, undos: &[Edit], n: usize) -> Edit {
    fn pick_id(rng: &mut Rng, ids: Vec<String>) -> String {
        if ids.is_empty() || rng.chance(5) {
            "missing".into()
        } else {
            rng.pick(&ids).clone()
        }
    }
    let features: Vec<&str> = four_stages()
        .features
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    let practices = ["governance-s1", "finance-s1", "curriculum-s3", "targets-s2"];
    let school = pick_id(rng, store.schools.iter().map(|s| s.id.clone()).collect());
    let trust = pick_id(rng, store.trusts.iter().map(|t| t.id.clone()).collect());
    let assessment = pick_id(
        rng,
        store.assessments.iter().map(|a| a.id.clone()).collect(),
    );
    let workshop = pick_id(rng, store.workshops.iter().map(|w| w.id.clone()).collect());
    let plan = pick_id(rng, store.plans.iter().map(|p| p.id.clone()).collect());
    let member = pick_id(
        rng,
        store
            .workshop(&workshop)
            .map(|w| w.members.iter().map(|r| r.id.clone()).collect())
            .unwrap_or_default(),
    );
    let current_note = |feature: &str| {
        store
            .get(&assessment)
            .and_then(|a| a.answer(feature))
            .map(|a| a.note.clone())
            .unwrap_or_default()
    };
    match rng.below(43) {
        0 => Edit::Schools(SchoolEdit::AddSchool(School::new(
            format!("s-new{n}"),
            &rng.name(),
            MADE,
        ))),
        1 => Edit::Schools(SchoolEdit::RenameSchool {
            school,
            name: rng.name(),
        }),
        2 => Edit::Schools(SchoolEdit::MergeSchools {
            keep: school,
            absorb: pick_id(rng, store.schools.iter().map(|s| s.id.clone()).collect()),
        }),
        3 => Edit::Schools(SchoolEdit::MarkDistinct {
            a: school,
            b: pick_id(rng, store.schools.iter().map(|s| s.id.clone()).collect()),
        }),
        4 => Edit::Schools(SchoolEdit::AddTrust(Trust::new(
            format!("t-new{n}"),
            &rng.name(),
            MADE,
        ))),
        5 => Edit::Schools(SchoolEdit::RenameTrust {
            trust,
            name: rng.name(),
        }),
        6 => {
            let mut a = arbitrary::assessment(rng, format!("a-new{n}"));
            a.school_id = school;
            Edit::Checklist(ChecklistEdit::AddAssessment(a))
        }
        7 | 8 => Edit::Checklist(ChecklistEdit::SetLevel {
            assessment,
            feature: rng.pick(&features).to_string(),
            level: rng.chance(85).then(|| *rng.pick(&Level::ALL)),
        }),
        9 | 10 => {
            let feature = rng.pick(&features).to_string();
            // Mostly what this tab saw; sometimes stale, as when another tab typed too.
            let was = if rng.chance(70) {
                current_note(&feature)
            } else {
                rng.text(2)
            };
            Edit::Checklist(ChecklistEdit::SetNote {
                assessment,
                note: rng.text(4),
                feature,
                was,
            })
        }
        11 => Edit::Checklist(ChecklistEdit::SetDetails {
            assessment,
            school_id: school,
            scope: if rng.chance(50) {
                Scope::WholeSchool
            } else {
                Scope::Team(rng.name())
            },
            date: rng.day(),
            assessors: rng.text(2),
            phase: None,
        }),
        12 => Edit::Checklist(ChecklistEdit::RemoveAssessment { assessment }),
        13 => {
            let mut w = arbitrary::workshop(rng, format!("w-new{n}"));
            w.trust_id = trust;
            Edit::Workshop(WorkshopEdit::AddWorkshop(w))
        }
        14 => Edit::Workshop(WorkshopEdit::RemoveWorkshop { workshop }),
        15 => Edit::Workshop(WorkshopEdit::AddMember {
            workshop,
            member: Member::new(format!("r-new{n}"), &rng.name(), &rng.text(1)),
        }),
        16 => Edit::Workshop(WorkshopEdit::RemoveMember { workshop, member }),
        17 | 18 => Edit::Workshop(WorkshopEdit::Place {
            workshop,
            member,
            practice: rng.pick(&practices).to_string(),
            when: if rng.chance(50) {
                When::Now
            } else {
                When::Desired
            },
            position: rng.chance(85).then(|| *rng.pick(&Position::ALL)),
        }),
        19 => Edit::Workshop(WorkshopEdit::SetPracticeNote {
            workshop,
            member,
            practice: rng.pick(&practices).to_string(),
            note: rng.text(3),
            was: rng.text(1),
        }),
        20 => {
            let mut incoming = Member::new(member.clone(), &rng.name(), "");
            incoming.anonymous = rng.chance(30);
            let practice: &&str = rng.pick(&practices);
            incoming.set(practice, When::Now, Some(Position::Aligned));
            let clash = rng.chance(60).then(|| {
                let how = if rng.chance(50) {
                    Resolution::KeepBoth
                } else {
                    Resolution::Replace
                };
                (member.clone(), how)
            });
            Edit::Workshop(WorkshopEdit::MergeMember {
                workshop,
                member: incoming,
                clash_with: clash,
                fresh_id: format!("r-fresh{n}"),
            })
        }
        21 => Edit::Improvement(ImprovementEdit::SetPoints {
            school,
            trajectory_id: format!("j-new{n}"),
            points: arbitrary::trajectory(rng, "x".into(), "x").points,
        }),
        22 => Edit::Improvement(ImprovementEdit::SetCapacity {
            school,
            trajectory_id: format!("j-new{n}"),
            item: rng
                .pick(&["Deliver bespoke training", "Lead a network"])
                .to_string(),
            ticked: rng.chance(60),
        }),
        23 => {
            let source = store.get(&assessment).map(|a| a.id.clone());
            Edit::Improvement(ImprovementEdit::Commission(arbitrary::intervention(
                rng,
                format!("p-new{n}"),
                &school,
                source,
            )))
        }
        24 => Edit::Improvement(ImprovementEdit::SetStatus {
            plan,
            status: *rng.pick(&Status::ALL),
        }),
        25 => Edit::Improvement(ImprovementEdit::RecordReview {
            plan,
            review: Review {
                date: Some(rng.day()),
                progress: *rng.pick(&Progress::ALL),
                note: rng.text(3),
            },
        }),
        26 => Edit::Improvement(ImprovementEdit::RemoveIntervention { plan }),
        27 if !undos.is_empty() => rng.pick(undos).clone(),
        28 => Edit::Records(RecordsEdit::MarkDownloaded {
            ids: vec![assessment, school],
        }),
        29 if rng.chance(20) => Edit::Records(RecordsEdit::MarkAllDownloaded),
        30 => Edit::Improvement(ImprovementEdit::SetThresholds {
            school,
            trajectory_id: format!("j-new{n}"),
            thresholds: rng.chance(60).then(|| Thresholds {
                measure: rng.text(2),
                coasting: 40.0,
                national_average: 55.0,
                top15: 70.0,
            }),
        }),
        31 if !store.recovered.is_empty() => Edit::Records(RecordsEdit::DismissRecovered {
            id: rng.pick(&store.recovered).id.clone(),
        }),
        32 => Edit::Workshop(WorkshopEdit::ChoosePractices {
            workshop,
            practices: practices
                .iter()
                .filter(|_| rng.chance(50))
                .map(|p| p.to_string())
                .collect(),
        }),
        33 => Edit::Improvement(ImprovementEdit::RecordImpact {
            plan,
            impact: Impact {
                verdict: *rng.pick(&Verdict::ALL),
                evidence: if rng.chance(90) {
                    rng.text(2)
                } else {
                    String::new()
                },
                ..impact()
            },
        }),
        34 => Edit::Improvement(ImprovementEdit::SetSource {
            assessment,
            feature: rng.pick(&features).to_string(),
            source: rng.chance(80).then(|| {
                rng.pick(&waypoint::domain::improvement::cycle::trust_cycle().diagnosis)
                    .id
                    .clone()
            }),
        }),
        35 => Edit::Improvement(ImprovementEdit::Categorise(arbitrary::categorisation(
            rng,
            format!("c-new{n}"),
            &school,
        ))),
        36 => Edit::Improvement(ImprovementEdit::RemoveCategorisation {
            id: pick_id(
                rng,
                store.categorisations.iter().map(|c| c.id.clone()).collect(),
            ),
        }),
        37 => {
            let mut calendar = store
                .calendar()
                .cloned()
                .unwrap_or_else(|| TrustCalendar::starting(format!("k-new{n}"), &rng.date(), MADE));
            if let Some(item) = calendar.items.first_mut() {
                item.every = rng.below(14) as u32;
                item.on = rng.chance(70);
            }
            Edit::Improvement(ImprovementEdit::SetCalendar(calendar))
        }
        38 => Edit::Checklist(ChecklistEdit::MarkReviewed {
            assessment,
            feature: rng.pick(&features).to_string(),
        }),
        39 => Edit::Workshop(WorkshopEdit::SetMemberPlace {
            workshop,
            practice: rng.pick(&practices).to_string(),
        }),
        40 => {
            let mut incoming = Member::new(member.clone(), &rng.name(), "");
            let practice: &&str = rng.pick(&practices);
            incoming.set(practice, When::Desired, Some(Position::Standardised));
            Edit::Workshop(WorkshopEdit::HoldCopy {
                workshop,
                copy: PendingCopy {
                    key: format!("k{}", rng.below(3)),
                    existing_id: member,
                    member: incoming,
                },
            })
        }
        41 => {
            let key = store
                .workshop(&workshop)
                .and_then(|w| w.pending.first())
                .map_or_else(|| "k0".to_string(), |p| p.key.clone());
            Edit::Workshop(WorkshopEdit::SettleCopy {
                workshop,
                key,
                choice: *rng.pick(&[Settle::UseNew, Settle::KeepEarlier, Settle::KeepBoth]),
                fresh_id: format!("r-fresh{n}"),
            })
        }
        42 => Edit::Workshop(WorkshopEdit::MergeMembers {
            workshop,
            members: (0..rng.below(4))
                .map(|i| {
                    let mut r = Member::new(format!("r-many{n}-{i}"), &rng.name(), "Other");
                    r.anonymous = rng.chance(50);
                    let practice: &&str = rng.pick(&practices);
                    r.set(practice, When::Now, Some(Position::Aligned));
                    r
                })
                .collect(),
            fresh_ids: vec![format!("r-spare{n}")],
        }),
        _ => Edit::Batch(vec![
            Edit::Checklist(ChecklistEdit::SetLevel {
                assessment: assessment.clone(),
                feature: rng.pick(&features).to_string(),
                level: Some(*rng.pick(&Level::ALL)),
            }),
            Edit::Improvement(ImprovementEdit::RemoveIntervention { plan }),
        ]),
    }
}

/// The store as written to a file: without this browser's bookkeeping.
fn as_filed(store: &Store) -> Store {
    Store {
        not_downloaded: BTreeSet::new(),
        recovered: Vec::new(),
        distinct: Vec::new(),
        ..store.clone()
    }
}

/// The rules every store keeps, as reading a file checks them: ids valid and unique
/// across kinds, every item's school or trust present, one trajectory per school, each
/// person's id valid and unique in their workshop, answers only to the framework's features.
fn invariants(store: &Store) -> Result<(), String> {
    let mut ids = BTreeSet::new();
    for id in store
        .schools
        .iter()
        .map(|s| &s.id)
        .chain(store.trusts.iter().map(|t| &t.id))
        .chain(store.assessments.iter().map(|a| &a.id))
        .chain(store.workshops.iter().map(|w| &w.id))
        .chain(store.trajectories.iter().map(|t| &t.id))
        .chain(store.plans.iter().map(|p| &p.id))
        .chain(store.categorisations.iter().map(|c| &c.id))
        .chain(store.calendars.iter().map(|c| &c.id))
    {
        if !is_valid_id(id) || !ids.insert(id.clone()) {
            return Err(format!("id {id:?} is not valid or not unique"));
        }
    }
    let school = |id: &str| {
        store
            .school(id)
            .map(|_| ())
            .ok_or_else(|| format!("no school {id:?}"))
    };
    for a in &store.assessments {
        school(&a.school_id)?;
        if let Some(unknown) = a
            .answers
            .keys()
            .find(|f| !four_stages().features.iter().any(|x| &x.id == *f))
        {
            return Err(format!("{} answers {unknown:?}", a.id));
        }
    }
    for p in &store.plans {
        school(&p.school_id)?;
    }
    for c in &store.categorisations {
        school(&c.school_id)?;
    }
    let mut with_results = BTreeSet::new();
    for t in &store.trajectories {
        school(&t.school_id)?;
        if !with_results.insert(&t.school_id) {
            return Err(format!("two trajectories for {:?}", t.school_id));
        }
    }
    for w in &store.workshops {
        store
            .trust(&w.trust_id)
            .ok_or_else(|| format!("no trust {:?}", w.trust_id))?;
        let mut people = BTreeSet::new();
        for r in &w.members {
            if !is_valid_id(&r.id) || !people.insert(&r.id) {
                return Err(format!("person {:?} in {}", r.id, w.id));
            }
        }
    }
    Ok(())
}

/// Property: applying an edit again (later, as a replay does) to a store that already
/// has it changes nothing; a refused edit changes nothing; and whatever the edits did,
/// the store still writes and reads back (valid ids, references that exist).
#[test]
fn applying_an_edit_twice_is_the_same_as_once() {
    let applied_kinds = std::cell::RefCell::new(BTreeSet::new());
    arbitrary::for_any(150, |rng| {
        let mut store = arbitrary::store(rng);
        let mut undos = Vec::new();
        for n in 0..40 {
            let edit = random_edit(rng, &store, &undos, n);
            let now = 10_000.0 + n as f64;
            let before = store.clone();
            match store.apply(&edit, now) {
                Ok(applied) => {
                    applied_kinds.borrow_mut().insert(variant(&edit));
                    let once = store.clone();
                    store
                        .apply(&edit, now + 500.0)
                        .unwrap_or_else(|e| panic!("{edit:?} again: {e}"));
                    assert_eq!(store, once, "step {n}: {edit:?}");
                    undos.extend(applied.undo);
                    if matches!(edit, Edit::Schools(SchoolEdit::MergeSchools { .. })) {
                        // An undo from before a merge may name the absorbed school: see
                        // `undoing_after_a_merge_keeps_every_item_with_a_school`.
                        undos.clear();
                    }
                    if let Err(broken) = invariants(&store) {
                        panic!("step {n}: {edit:?} broke a rule: {broken}");
                    }
                }
                // A batch that fails part-way is checked on its own (see below).
                Err(_) if matches!(edit, Edit::Batch(_)) => store = before,
                Err(e) => assert_eq!(store, before, "refused {edit:?} ({e})"),
            }
        }
        // Whatever the edits did, the store still writes and reads back.
        assert_eq!(
            read_store(&write_store(&store)).as_ref(),
            Ok(&as_filed(&store))
        );
    });
    // The generator reaches every kind of edit but Import and Reset (tested on their own).
    let applied_kinds = applied_kinds.into_inner();
    assert!(applied_kinds.len() >= VARIANTS - 2, "{applied_kinds:?}");
}

#[test]
fn an_import_and_a_reset_applied_twice_are_the_same_as_once() {
    arbitrary::for_any(50, |rng| {
        let store = arbitrary::store(rng);
        let mut incoming = arbitrary::store(rng);
        // Another browser's items, some with this store's ids.
        for a in &mut incoming.assessments {
            a.assessors.push_str(" (theirs)");
        }
        for edit in [
            Edit::Records(RecordsEdit::Import(Box::new(incoming))),
            Edit::Records(RecordsEdit::Reset),
        ] {
            let mut once = store.clone();
            once.apply(&edit, 10.0).unwrap();
            let mut twice = once.clone();
            let again = twice.apply(&edit, 20.0).unwrap();
            assert_eq!(twice, once, "{}", variant(&edit));
            if matches!(edit, Edit::Records(RecordsEdit::Import(_))) {
                assert!(again.changed.is_empty(), "{:?}", again.changed);
            }
        }
    });
}

/// An edit that changes nothing asks for nothing to be saved, and does not count as a
/// change not yet downloaded.
#[test]
fn an_edit_that_changes_nothing_saves_nothing() {
    let mut store = base();
    for edit in [
        Edit::Improvement(ImprovementEdit::SetPoints {
            school: "s1".into(),
            trajectory_id: "unused".into(),
            points: store.trajectory_of("s1").unwrap().points.clone(),
        }),
        Edit::Improvement(ImprovementEdit::SetThresholds {
            school: "s1".into(),
            trajectory_id: "unused".into(),
            thresholds: None,
        }),
        Edit::Improvement(ImprovementEdit::SetCapacity {
            school: "s1".into(),
            trajectory_id: "unused".into(),
            item: "Not ticked".into(),
            ticked: false,
        }),
    ] {
        let applied = apply(&mut store, &edit, NOW);
        assert_eq!(applied, Applied::default(), "{edit:?}");
        assert!(store.not_downloaded.is_empty(), "{edit:?}");
    }
}

/// A batch is one edit: if any part is refused, none of it is made (the caller saves
/// nothing, so a half-made batch would live only in memory).
#[test]
fn a_refused_batch_changes_nothing() {
    let mut store = base();
    let before = store.clone();
    let batch = Edit::Batch(vec![
        Edit::Checklist(ChecklistEdit::SetLevel {
            assessment: "a1".into(),
            feature: "stabilise-1".into(),
            level: Some(Level::Clearly),
        }),
        Edit::Checklist(ChecklistEdit::SetLevel {
            assessment: "missing".into(),
            feature: "stabilise-1".into(),
            level: Some(Level::Clearly),
        }),
    ]);
    assert!(store.apply(&batch, NOW).is_err());
    assert_eq!(store, before);
}

/// A review whose note is over the limit is kept cut to the limit; recording the same
/// review again (a replay) must not add a second copy.
#[test]
fn a_long_review_recorded_twice_is_recorded_once() {
    let mut store = base();
    let edit = Edit::Improvement(ImprovementEdit::RecordReview {
        plan: "p1".into(),
        review: Review {
            date: Some(crate::support::day("2026-10-19")),
            progress: Progress::OnTrack,
            note: "x".repeat(MAX_NOTE_CHARS + 1),
        },
    });
    apply(&mut store, &edit, NOW);
    apply(&mut store, &edit, NOW + 1.0);
    let reviews = &store.plan("p1").unwrap().reviews;
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0].note.chars().count(), MAX_NOTE_CHARS);
}

/// Two tabs start from one saved store. Tab A saves its answers; tab B's unsaved edits
/// are then made again on top of A's save: both tabs' answers are kept.
#[test]
fn a_tab_s_unsaved_edits_replay_on_another_tab_s_save() {
    let saved = base();
    let mut tab_a = saved.clone();
    let mut tab_b = saved.clone();
    let a_edits = [
        Edit::Checklist(ChecklistEdit::SetLevel {
            assessment: "a1".into(),
            feature: "stabilise-1".into(),
            level: Some(Level::Clearly),
        }),
        Edit::Checklist(ChecklistEdit::SetNote {
            assessment: "a1".into(),
            feature: "stabilise-1".into(),
            note: "Typed in tab A".into(),
            was: String::new(),
        }),
        Edit::Workshop(WorkshopEdit::Place {
            workshop: "w1".into(),
            member: "r1".into(),
            practice: "governance-s1".into(),
            when: When::Now,
            position: Some(Position::Autonomous),
        }),
        Edit::Improvement(ImprovementEdit::RemoveIntervention { plan: "p1".into() }),
    ];
    for edit in &a_edits {
        apply(&mut tab_a, edit, 1_000.0);
    }
    let b_pending = vec![
        Edit::Checklist(ChecklistEdit::SetLevel {
            assessment: "a1".into(),
            feature: "repair-4".into(),
            level: Some(Level::Partly),
        }),
        Edit::Checklist(ChecklistEdit::SetNote {
            assessment: "a1".into(),
            feature: "repair-4".into(),
            note: "Typed in tab B".into(),
            was: String::new(),
        }),
        Edit::Workshop(WorkshopEdit::Place {
            workshop: "w1".into(),
            member: "r1".into(),
            practice: "governance-s1".into(),
            when: When::Desired,
            position: Some(Position::Standardised),
        }),
        Edit::Checklist(ChecklistEdit::AddAssessment(assessment("a2", "s2"))),
        // Tab A deleted this plan; tab B's review of it cannot be made and is dropped.
        Edit::Improvement(ImprovementEdit::RecordReview {
            plan: "p1".into(),
            review: Review {
                date: Some(crate::support::day("2026-10-19")),
                progress: Progress::OnTrack,
                note: String::new(),
            },
        }),
    ];
    for edit in &b_pending {
        apply(&mut tab_b, edit, 1_100.0);
    }
    // Tab B sees tab A's save, and makes its own unsaved edits again on top of it.
    let mut merged = tab_a.clone();
    let mut dropped = Vec::new();
    for edit in &b_pending {
        if let Err(e) = merged.apply(edit, 1_200.0) {
            dropped.push((variant(edit), e));
        }
    }
    assert_eq!(
        dropped,
        vec![("RecordReview", EditError::NotFound("intervention".into()))]
    );
    let a1 = merged.get("a1").unwrap();
    assert_eq!(
        a1.level("stabilise-1"),
        Some(Level::Clearly),
        "tab A's answer"
    );
    assert_eq!(a1.answer("stabilise-1").unwrap().note, "Typed in tab A");
    assert_eq!(a1.level("repair-4"), Some(Level::Partly), "tab B's answer");
    assert_eq!(a1.answer("repair-4").unwrap().note, "Typed in tab B");
    let placing = merged.workshop("w1").unwrap().members[0]
        .placing("governance-s1")
        .cloned()
        .unwrap();
    assert_eq!(
        (placing.now, placing.desired),
        (Some(Position::Autonomous), Some(Position::Standardised))
    );
    assert!(merged.get("a2").is_some());
    assert!(merged.plan("p1").is_none(), "tab A's deletion stands");
    assert!(merged.recovered.is_empty(), "nobody's text was overwritten");
    // Replaying once more (the save was interrupted) changes nothing.
    let again = merged.clone();
    for edit in &b_pending {
        let _ = merged.apply(edit, 1_300.0);
    }
    assert_eq!(merged, again);
}

#[test]
fn two_tabs_typing_one_note_keep_the_other_tab_s_text() {
    let mut store = base();
    let place = TextPlace::AssessmentNote {
        assessment: "a1".into(),
        feature: "sustain-2".into(),
    };
    // Tab A saved its note; tab B, which saw the note empty, typed its own.
    let from = |note: &str, was: &str| {
        Edit::Checklist(ChecklistEdit::SetNote {
            assessment: "a1".into(),
            feature: "sustain-2".into(),
            note: note.into(),
            was: was.into(),
        })
    };
    apply(
        &mut store,
        &from("Tab A: moderated with Elm Park", ""),
        1_000.0,
    );
    let applied = apply(
        &mut store,
        &from("Tab B: external review booked", ""),
        1_100.0,
    );
    let note = |s: &Store| {
        s.get("a1")
            .unwrap()
            .answer("sustain-2")
            .unwrap()
            .note
            .clone()
    };
    assert_eq!(note(&store), "Tab B: external review booked");
    assert_eq!(store.recovered.len(), 1);
    let kept = &store.recovered[0];
    assert_eq!(kept.text, "Tab A: moderated with Elm Park");
    assert_eq!(kept.place, place);
    assert_eq!(kept.at_ms, 1_100.0);
    assert!(kept.what.contains("Oakfield Primary"), "{}", kept.what);
    assert!(
        applied.changed.contains(&Key::Meta),
        "the recovered text is saved"
    );
    // Typing on from what is there now recovers nothing more.
    apply(
        &mut store,
        &from(
            "Tab B: external review booked for March",
            "Tab B: external review booked",
        ),
        1_200.0,
    );
    assert_eq!(store.recovered.len(), 1);
    // An older edit replayed over newer text keeps the newer text; replaying it once
    // more keeps nothing further.
    apply(
        &mut store,
        &from("Tab B: external review booked", ""),
        1_300.0,
    );
    assert_eq!(store.recovered.len(), 2);
    assert_eq!(
        store.recovered[1].text,
        "Tab B: external review booked for March"
    );
    apply(
        &mut store,
        &from("Tab B: external review booked", ""),
        1_400.0,
    );
    assert_eq!(store.recovered.len(), 2);
    // Clearing an empty note, or emptying what this tab saw, is not a clash.
    let mut quiet = base();
    apply(&mut quiet, &from("Draft", ""), 1.0);
    apply(&mut quiet, &from("", "Draft"), 2.0);
    assert!(quiet.recovered.is_empty());
    assert!(quiet.get("a1").unwrap().answer("sustain-2").is_none());

    // The same for a workshop note.
    let practice = |note: &str, was: &str| {
        Edit::Workshop(WorkshopEdit::SetPracticeNote {
            workshop: "w1".into(),
            member: "r1".into(),
            practice: "finance-s1".into(),
            note: note.into(),
            was: was.into(),
        })
    };
    let mut store = base();
    apply(&mut store, &practice("A's view", ""), 1.0);
    apply(&mut store, &practice("B's view", ""), 2.0);
    assert_eq!(store.recovered.len(), 1);
    assert_eq!(store.recovered[0].text, "A's view");
    assert_eq!(
        store.recovered[0].place,
        TextPlace::PracticeNote {
            workshop: "w1".into(),
            member: "r1".into(),
            practice: "finance-s1".into(),
        }
    );
    assert!(store.recovered[0].what.contains("Ann Evans"));
    apply(&mut store, &practice("B's view, revised", "B's view"), 3.0);
    assert_eq!(store.recovered.len(), 1);
    let id = store.recovered[0].id.clone();
    apply(
        &mut store,
        &Edit::Records(RecordsEdit::DismissRecovered { id: id.clone() }),
        4.0,
    );
    assert!(store.recovered.is_empty());
    assert!(apply(
        &mut store,
        &Edit::Records(RecordsEdit::DismissRecovered { id }),
        5.0
    )
    .changed
    .is_empty());
}

#[test]
fn undoing_a_removal_puts_the_item_back_in_its_place() {
    let mut store = base();
    for (id, school) in [("a2", "s2"), ("a3", "s1")] {
        apply(
            &mut store,
            &Edit::Checklist(ChecklistEdit::AddAssessment(assessment(id, school))),
            MADE,
        );
    }
    apply(
        &mut store,
        &Edit::Workshop(WorkshopEdit::AddWorkshop(Workshop::new(
            "w2".into(),
            "t1",
            "Elm Park",
            Some(crate::support::day("2026-12-01")),
            MADE,
        ))),
        MADE,
    );
    apply(
        &mut store,
        &Edit::Workshop(WorkshopEdit::AddWorkshop(Workshop::new(
            "w3".into(),
            "t1",
            "",
            Some(crate::support::day("2027-01-01")),
            MADE,
        ))),
        MADE,
    );
    for id in ["p2", "p3"] {
        apply(
            &mut store,
            &Edit::Improvement(ImprovementEdit::Commission(Intervention::new(
                id.into(),
                "s2",
                None,
                form(),
                MADE,
            ))),
            MADE,
        );
    }
    for (id, name) in [("r2", "Bo Li"), ("r3", "Cy Dale")] {
        apply(
            &mut store,
            &Edit::Workshop(WorkshopEdit::AddMember {
                workshop: "w1".into(),
                member: Member::new(id.into(), name, "Trustee"),
            }),
            MADE,
        );
    }
    apply(
        &mut store,
        &Edit::Records(RecordsEdit::MarkAllDownloaded),
        MADE,
    );
    let before = store.clone();
    let middle = |ids: Vec<&str>| ids[1].to_string();
    let removals = [
        Edit::Checklist(ChecklistEdit::RemoveAssessment {
            assessment: middle(before.assessments.iter().map(|a| a.id.as_str()).collect()),
        }),
        Edit::Workshop(WorkshopEdit::RemoveWorkshop {
            workshop: middle(before.workshops.iter().map(|w| w.id.as_str()).collect()),
        }),
        Edit::Improvement(ImprovementEdit::RemoveIntervention {
            plan: middle(before.plans.iter().map(|p| p.id.as_str()).collect()),
        }),
        Edit::Workshop(WorkshopEdit::RemoveMember {
            workshop: "w1".into(),
            member: "r2".into(),
        }),
    ];
    for removal in &removals {
        let mut s = before.clone();
        let applied = apply(&mut s, removal, NOW);
        assert_ne!(
            as_filed(&s),
            as_filed(&before),
            "{removal:?} removed nothing"
        );
        let undo = applied.undo.expect("a removal can be undone");
        let Edit::Records(RecordsEdit::Restore(restorable)) = &undo else {
            panic!("{undo:?}")
        };
        assert!(!restorable.describe(&s).is_empty());
        let restored = apply(&mut s, &undo, NOW + 1.0);
        assert!(!restored.changed.is_empty());
        assert_eq!(s.assessments, before.assessments, "{removal:?}");
        assert_eq!(s.plans, before.plans, "{removal:?}");
        let ids = |s: &Store| -> Vec<String> { s.workshops.iter().map(|w| w.id.clone()).collect() };
        assert_eq!(ids(&s), ids(&before), "{removal:?}");
        assert_eq!(
            s.workshop("w1").unwrap().members,
            before.workshop("w1").unwrap().members,
            "{removal:?}"
        );
        // Undoing twice puts back one copy.
        let once = s.clone();
        apply(&mut s, &undo, NOW + 2.0);
        assert_eq!(s, once);
        // Removing what is already gone does nothing and offers no undo.
        let mut gone = before.clone();
        apply(&mut gone, removal, NOW);
        let again = apply(&mut gone, removal, NOW + 3.0);
        assert_eq!(again.undo, None, "{removal:?}");
        if !matches!(removal, Edit::Workshop(WorkshopEdit::RemoveMember { .. })) {
            assert!(again.changed.is_empty(), "{removal:?}: {:?}", again.changed);
        }
    }
    // The undo of a batch puts back everything the batch removed.
    let mut s = before.clone();
    let undo = apply(&mut s, &Edit::Batch(removals.to_vec()), NOW)
        .undo
        .unwrap();
    apply(&mut s, &undo, NOW + 1.0);
    assert_eq!(s.assessments, before.assessments);
    assert_eq!(s.plans, before.plans);
    assert_eq!(s.workshops.len(), before.workshops.len());
}

/// An undo must not bring back an item of a school that has since been merged away:
/// the store would then hold an item of a school it does not have, and its export
/// would be refused on import.
#[test]
fn undoing_after_a_merge_keeps_every_item_with_a_school() {
    let mut store = base();
    apply(
        &mut store,
        &Edit::Improvement(ImprovementEdit::Commission(Intervention::new(
            "p2".into(),
            "s2",
            None,
            form(),
            MADE,
        ))),
        MADE,
    );
    let undo = apply(
        &mut store,
        &Edit::Improvement(ImprovementEdit::RemoveIntervention { plan: "p2".into() }),
        NOW,
    )
    .undo
    .unwrap();
    apply(
        &mut store,
        &Edit::Schools(SchoolEdit::MergeSchools {
            keep: "s1".into(),
            absorb: "s2".into(),
        }),
        NOW,
    );
    let _ = store.apply(&undo, NOW);
    for plan in &store.plans {
        assert!(store.school(&plan.school_id).is_some(), "{plan:?}");
    }
    assert!(read_store(&write_store(&store)).is_ok());
}

#[test]
fn renaming_a_school_keeps_its_history_trajectory_and_plans_together() {
    let mut store = base();
    let mut later = assessment("a2", "s1");
    later.date = Some(crate::support::day("2027-03-01"));
    apply(
        &mut store,
        &Edit::Checklist(ChecklistEdit::AddAssessment(later)),
        MADE,
    );
    let before = store.clone();
    let history_of = |s: &Store| history(four_stages(), s.assessments_of("s1")).len();
    apply(
        &mut store,
        &Edit::Schools(SchoolEdit::RenameSchool {
            school: "s1".into(),
            name: "  Oakfield Church of England Primary  ".into(),
        }),
        NOW,
    );
    assert_eq!(
        store.school_name("s1"),
        "Oakfield Church of England Primary"
    );
    assert_eq!(store.school("s1").unwrap().created_ms, MADE);
    let ids = |s: &Store| -> Vec<String> { s.assessments_of("s1").map(|a| a.id.clone()).collect() };
    assert_eq!(ids(&store), ids(&before));
    assert_eq!(ids(&store).len(), 2);
    assert_eq!(history_of(&store), history_of(&before));
    assert_eq!(store.trajectory_of("s1"), before.trajectory_of("s1"));
    assert_eq!(store.plans_of("s1").count(), 1);
    assert_eq!(
        store.title(store.get("a1").unwrap()),
        "Oakfield Church of England Primary"
    );
    // Only the school record changed: nothing else needs saving.
    assert_eq!(store.assessments, before.assessments);
    assert_eq!(store.plans, before.plans);
    // Renaming to the same name again is no change at all.
    let again = apply(
        &mut store,
        &Edit::Schools(SchoolEdit::RenameSchool {
            school: "s1".into(),
            name: "Oakfield Church of England Primary".into(),
        }),
        NOW + 1.0,
    );
    assert_eq!(again, Applied::default());
}

#[test]
fn merging_schools_moves_assessments_and_plans_and_joins_trajectories() {
    let mut store = base();
    apply(
        &mut store,
        &Edit::Checklist(ChecklistEdit::AddAssessment(assessment("a2", "s2"))),
        MADE,
    );
    apply(
        &mut store,
        &Edit::Improvement(ImprovementEdit::Commission(Intervention::new(
            "p2".into(),
            "s2",
            Some("a2".into()),
            form(),
            MADE,
        ))),
        MADE,
    );
    let thresholds = Thresholds {
        measure: "% meeting the expected standard".into(),
        coasting: 40.0,
        national_average: 55.0,
        top15: 70.0,
    };
    let edits = [
        Edit::Improvement(ImprovementEdit::SetPoints {
            school: "s2".into(),
            trajectory_id: "j2".into(),
            points: vec![point("2025", Band::Floor), point("2026", Band::Coasting)],
        }),
        Edit::Improvement(ImprovementEdit::SetThresholds {
            school: "s2".into(),
            trajectory_id: "j2".into(),
            thresholds: Some(thresholds.clone()),
        }),
        Edit::Improvement(ImprovementEdit::SetCapacity {
            school: "s2".into(),
            trajectory_id: "j2".into(),
            item: "Needs support with phonics".into(),
            ticked: true,
        }),
        Edit::Improvement(ImprovementEdit::SetCapacity {
            school: "s1".into(),
            trajectory_id: "j1".into(),
            item: "Deliver bespoke training".into(),
            ticked: true,
        }),
        Edit::Schools(SchoolEdit::AddSchool(School::new(
            "s3".into(),
            "Elm Park Infants",
            MADE,
        ))),
        Edit::Schools(SchoolEdit::MarkDistinct {
            a: "s2".into(),
            b: "s3".into(),
        }),
        Edit::Records(RecordsEdit::MarkAllDownloaded),
    ];
    for edit in &edits {
        apply(&mut store, edit, MADE);
    }
    let merge = Edit::Schools(SchoolEdit::MergeSchools {
        keep: "s1".into(),
        absorb: "s2".into(),
    });
    let applied = apply(&mut store, &merge, NOW);
    assert!(store.school("s2").is_none());
    let mut ids: Vec<&str> = store.assessments_of("s1").map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["a1", "a2"]);
    let mut plans: Vec<&str> = store.plans_of("s1").map(|p| p.id.as_str()).collect();
    plans.sort_unstable();
    assert_eq!(plans, ["p1", "p2"]);
    assert_eq!(store.get("a2").unwrap().updated_ms, NOW);
    // One trajectory: the kept school's, with the absorbed school's results joined.
    assert_eq!(store.trajectories.len(), 1);
    let joined = store.trajectory_of("s1").unwrap();
    assert_eq!(joined.id, "j1");
    let periods: BTreeSet<&str> = joined.points.iter().map(|p| p.period.as_str()).collect();
    assert_eq!(periods, BTreeSet::from(["2024", "2025", "2026"]));
    assert_eq!(
        joined.capacity,
        BTreeSet::from(
            ["Deliver bespoke training", "Needs support with phonics"].map(String::from)
        )
    );
    assert_eq!(joined.thresholds, Some(thresholds));
    // The absorbed trajectory's record is deleted, and the user's "different schools"
    // answer about the absorbed school is forgotten.
    assert!(applied.changed.contains(&Key::Trajectory("j2".into())));
    assert!(applied.changed.contains(&Key::Meta));
    assert!(store.distinct.is_empty());
    assert!(store.not_downloaded.contains("a2") && store.not_downloaded.contains("j1"));
    assert!(!store.not_downloaded.contains("j2"));
    assert!(read_store(&write_store(&store)).is_ok());
    // Merging again changes nothing; merging a school into itself is refused.
    let once = store.clone();
    apply(&mut store, &merge, NOW + 1.0);
    assert_eq!(store, once);
    assert!(store
        .apply(
            &Edit::Schools(SchoolEdit::MergeSchools {
                keep: "s1".into(),
                absorb: "s1".into(),
            }),
            NOW
        )
        .is_err());
    // A school without results takes over the absorbed school's trajectory whole.
    let mut store = base();
    apply(
        &mut store,
        &Edit::Schools(SchoolEdit::MergeSchools {
            keep: "s2".into(),
            absorb: "s1".into(),
        }),
        NOW,
    );
    assert_eq!(store.trajectory_of("s2").unwrap().id, "j1");
    assert_eq!(store.trajectory_of("s2").unwrap().points.len(), 2);
}

/// A trajectory is a series, one point per period in period order (the journey is read
/// from that order): merging two schools' results must keep it so.
#[test]
fn merged_results_stay_one_point_per_period_in_order() {
    let mut store = base();
    apply(
        &mut store,
        &Edit::Improvement(ImprovementEdit::SetPoints {
            school: "s2".into(),
            trajectory_id: "j2".into(),
            points: vec![point("2023", Band::Floor), point("2024", Band::Floor)],
        }),
        MADE,
    );
    apply(
        &mut store,
        &Edit::Schools(SchoolEdit::MergeSchools {
            keep: "s1".into(),
            absorb: "s2".into(),
        }),
        NOW,
    );
    let periods: Vec<&str> = store
        .trajectory_of("s1")
        .unwrap()
        .points
        .iter()
        .map(|p| p.period.as_str())
        .collect();
    assert_eq!(periods, ["2023", "2024", "2025"]);
}

#[test]
fn edits_that_would_break_the_rules_are_refused_and_change_nothing() {
    let refused = |edit: Edit| {
        let mut store = base();
        let before = store.clone();
        let result = store.apply(&edit, NOW);
        assert_eq!(store, before, "{edit:?} changed the store");
        result.expect_err(&format!("{edit:?} was accepted"))
    };
    let is_refused = |e: EditError| matches!(e, EditError::Refused(_));
    let is_missing = |e: EditError| matches!(e, EditError::NotFound(_));

    // Empty names.
    assert!(is_refused(refused(Edit::Schools(SchoolEdit::AddSchool(
        School::new("s3".into(), "  ", MADE)
    )))));
    assert!(is_refused(refused(Edit::Schools(
        SchoolEdit::RenameSchool {
            school: "s1".into(),
            name: " \t ".into(),
        }
    ))));
    assert!(is_refused(refused(Edit::Schools(SchoolEdit::AddTrust(
        Trust::new("t2".into(), "", MADE)
    )))));
    assert!(is_refused(refused(Edit::Schools(
        SchoolEdit::RenameTrust {
            trust: "t1".into(),
            name: String::new(),
        }
    ))));
    assert!(is_refused(refused(Edit::Workshop(
        WorkshopEdit::AddMember {
            workshop: "w1".into(),
            member: Member::new("r2".into(), "   ", "Trustee"),
        }
    ))));
    // Ids that would not make a working link.
    for bad in ["", "a b", "a/1", "é", &"x".repeat(65)] {
        assert!(
            is_refused(refused(Edit::Schools(SchoolEdit::AddSchool(School::new(
                bad.into(),
                "Ash",
                MADE
            ))))),
            "{bad:?}"
        );
        assert!(
            is_refused(refused(Edit::Checklist(ChecklistEdit::AddAssessment(
                assessment(bad, "s1")
            )))),
            "{bad:?}"
        );
        assert!(
            is_refused(refused(Edit::Workshop(WorkshopEdit::AddWorkshop(
                Workshop::new(
                    bad.into(),
                    "t1",
                    "",
                    Some(crate::support::day("2026-11-23")),
                    MADE
                )
            )))),
            "{bad:?}"
        );
        assert!(
            is_refused(refused(Edit::Improvement(ImprovementEdit::Commission(
                Intervention::new(bad.into(), "s1", None, form(), MADE)
            )))),
            "{bad:?}"
        );
        assert!(
            is_refused(refused(Edit::Schools(SchoolEdit::AddTrust(Trust::new(
                bad.into(),
                "Ash Trust",
                MADE
            ))))),
            "{bad:?}"
        );
        assert!(
            is_refused(refused(Edit::Workshop(WorkshopEdit::AddMember {
                workshop: "w1".into(),
                member: Member::new(bad.into(), "Bo Li", ""),
            }))),
            "{bad:?}"
        );
        assert!(
            is_refused(refused(Edit::Improvement(ImprovementEdit::SetPoints {
                school: "s2".into(),
                trajectory_id: bad.into(),
                points: Vec::new(),
            }))),
            "{bad:?}"
        );
    }
    // Ids already taken, by an item of any kind.
    assert!(is_refused(refused(Edit::Schools(SchoolEdit::AddSchool(
        School::new("a1".into(), "Ash", MADE)
    )))));
    assert!(is_refused(refused(Edit::Checklist(
        ChecklistEdit::AddAssessment(assessment("s2", "s1"))
    ))));
    assert!(is_refused(refused(Edit::Checklist(
        ChecklistEdit::AddAssessment(assessment("w1", "s1"))
    ))));
    assert!(is_refused(refused(Edit::Schools(SchoolEdit::AddTrust(
        Trust::new("p1".into(), "Ash Trust", MADE)
    )))));
    assert!(is_refused(refused(Edit::Improvement(
        ImprovementEdit::Commission(Intervention::new("j1".into(), "s1", None, form(), MADE))
    ))));
    assert!(is_refused(refused(Edit::Workshop(
        WorkshopEdit::AddWorkshop(Workshop::new(
            "s1".into(),
            "t1",
            "",
            Some(crate::support::day("2026-11-23")),
            MADE
        ))
    ))));
    assert!(is_refused(refused(Edit::Improvement(
        ImprovementEdit::SetCapacity {
            school: "s2".into(),
            trajectory_id: "a1".into(),
            item: "Lead a network".into(),
            ticked: true,
        }
    ))));
    // Items of a school (or trust) that does not exist.
    assert!(is_missing(refused(Edit::Checklist(
        ChecklistEdit::AddAssessment(assessment("a2", "s-nowhere"))
    ))));
    assert!(is_missing(refused(Edit::Checklist(
        ChecklistEdit::SetDetails {
            assessment: "a1".into(),
            school_id: "s-nowhere".into(),
            scope: Scope::WholeSchool,
            date: crate::support::day("2026-11-23"),
            assessors: String::new(),
            phase: None,
        }
    ))));
    assert!(is_missing(refused(Edit::Improvement(
        ImprovementEdit::Commission(Intervention::new(
            "p2".into(),
            "s-nowhere",
            None,
            form(),
            MADE
        ))
    ))));
    assert!(is_missing(refused(Edit::Workshop(
        WorkshopEdit::AddWorkshop(Workshop::new(
            "w2".into(),
            "t-nowhere",
            "",
            Some(crate::support::day("2026-11-23")),
            MADE
        ))
    ))));
    assert!(is_missing(refused(Edit::Improvement(
        ImprovementEdit::SetPoints {
            school: "s-nowhere".into(),
            trajectory_id: "j9".into(),
            points: Vec::new(),
        }
    ))));
    // Edits of items that are gone.
    assert!(is_missing(refused(Edit::Checklist(
        ChecklistEdit::SetLevel {
            assessment: "a-gone".into(),
            feature: "stabilise-1".into(),
            level: None,
        }
    ))));
    assert!(is_missing(refused(Edit::Workshop(WorkshopEdit::Place {
        workshop: "w1".into(),
        member: "r-gone".into(),
        practice: "finance-s1".into(),
        when: When::Now,
        position: None,
    }))));
    assert!(is_missing(refused(Edit::Improvement(
        ImprovementEdit::SetStatus {
            plan: "p-gone".into(),
            status: Status::Completed,
        }
    ))));
    assert!(is_missing(refused(Edit::Schools(
        SchoolEdit::RenameSchool {
            school: "s-gone".into(),
            name: "Ash".into(),
        }
    ))));
    // A date that is not a date cannot even be put in the edit: it takes a `Day`.
    assert!(waypoint::domain::base::dates::Day::parse("2026-02-30").is_err());
    // The messages say what is wrong.
    let message = refused(Edit::Checklist(ChecklistEdit::AddAssessment(assessment(
        "s2", "s1",
    ))))
    .to_string();
    assert!(message.contains("taken"), "{message}");
    let message = refused(Edit::Schools(SchoolEdit::AddSchool(School::new(
        "s3".into(),
        " ",
        MADE,
    ))))
    .to_string();
    assert!(message.contains("empty"), "{message}");
}

#[test]
fn names_and_notes_are_kept_within_their_limits() {
    // 350 characters between spaces, with no space near the cut.
    let long_name = format!("  {}  ", "Ysgol-🏫".repeat(50));
    let long_note = "é".repeat(MAX_NOTE_CHARS + 50);
    let chars = |text: &str| text.chars().count();
    let mut store = base();
    let edits = [
        Edit::Schools(SchoolEdit::AddSchool(School::new("s3".into(), "x", MADE))),
        Edit::Schools(SchoolEdit::RenameSchool {
            school: "s3".into(),
            name: long_name.clone(),
        }),
        Edit::Schools(SchoolEdit::AddTrust(Trust::new("t2".into(), "x", MADE))),
        Edit::Schools(SchoolEdit::RenameTrust {
            trust: "t2".into(),
            name: long_name.clone(),
        }),
        Edit::Checklist(ChecklistEdit::SetNote {
            assessment: "a1".into(),
            feature: "stabilise-1".into(),
            note: long_note.clone(),
            was: String::new(),
        }),
        Edit::Checklist(ChecklistEdit::SetDetails {
            assessment: "a1".into(),
            school_id: "s1".into(),
            scope: Scope::Team(long_name.clone()),
            date: crate::support::day("2026-11-23"),
            assessors: long_name.clone(),
            phase: None,
        }),
        Edit::Workshop(WorkshopEdit::AddMember {
            workshop: "w1".into(),
            member: Member::new("r2".into(), &long_name, &long_name),
        }),
        Edit::Workshop(WorkshopEdit::SetPracticeNote {
            workshop: "w1".into(),
            member: "r2".into(),
            practice: "finance-s1".into(),
            note: long_note.clone(),
            was: String::new(),
        }),
        Edit::Improvement(ImprovementEdit::RecordReview {
            plan: "p1".into(),
            review: Review {
                date: Some(crate::support::day("2026-10-19")),
                progress: Progress::OnTrack,
                note: long_note.clone(),
            },
        }),
    ];
    for edit in &edits {
        apply(&mut store, edit, NOW);
    }
    let mut added = School::new("s4".into(), "x", MADE);
    added.name = long_name.clone();
    apply(
        &mut store,
        &Edit::Schools(SchoolEdit::AddSchool(added)),
        NOW,
    );
    let mut added = Trust::new("t3".into(), "x", MADE);
    added.name = long_name.clone();
    apply(&mut store, &Edit::Schools(SchoolEdit::AddTrust(added)), NOW);
    let mut a = assessment("a2", "s1");
    a.assessors = long_name.clone();
    apply(
        &mut store,
        &Edit::Checklist(ChecklistEdit::AddAssessment(a)),
        NOW,
    );
    let mut w = Workshop::new(
        "w2".into(),
        "t1",
        "x",
        Some(crate::support::day("2026-11-23")),
        MADE,
    );
    w.academy = long_name.clone();
    apply(
        &mut store,
        &Edit::Workshop(WorkshopEdit::AddWorkshop(w)),
        NOW,
    );

    for id in ["s3", "s4"] {
        let name = store.school_name(id);
        assert_eq!(chars(name), MAX_NAME_CHARS, "{id}");
        assert!(name.starts_with("Ysgol"), "trimmed before cutting");
    }
    for id in ["t2", "t3"] {
        assert_eq!(chars(store.trust_name(id)), MAX_NAME_CHARS, "{id}");
    }
    let a1 = store.get("a1").unwrap();
    assert_eq!(
        chars(&a1.answer("stabilise-1").unwrap().note),
        MAX_NOTE_CHARS
    );
    assert_eq!(chars(a1.scope.name()), MAX_NAME_CHARS);
    assert_eq!(chars(&a1.assessors), MAX_NAME_CHARS);
    assert_eq!(chars(&store.get("a2").unwrap().assessors), MAX_NAME_CHARS);
    let w1 = store.workshop("w1").unwrap();
    let r2 = w1.member("r2").unwrap();
    assert_eq!(chars(&r2.name), MAX_NAME_CHARS);
    assert_eq!(chars(&r2.role), MAX_NAME_CHARS);
    assert_eq!(
        chars(&r2.placing("finance-s1").unwrap().note),
        MAX_NOTE_CHARS
    );
    assert_eq!(
        chars(&store.workshop("w2").unwrap().academy),
        MAX_NAME_CHARS
    );
    assert_eq!(
        chars(&store.plan("p1").unwrap().reviews[0].note),
        MAX_NOTE_CHARS
    );
    // A note of exactly the limit is kept whole.
    let exact = "n".repeat(MAX_NOTE_CHARS);
    apply(
        &mut store,
        &Edit::Checklist(ChecklistEdit::SetNote {
            assessment: "a1".into(),
            feature: "repair-1".into(),
            note: exact.clone(),
            was: String::new(),
        }),
        NOW,
    );
    assert_eq!(
        store.get("a1").unwrap().answer("repair-1").unwrap().note,
        exact
    );
}

/// A new assessment's scope is a name like any other (a team, subject or year group).
#[test]
fn a_new_assessment_s_scope_name_is_kept_within_the_limit() {
    let mut store = base();
    let a = Assessment::new(
        "a2".into(),
        "s1".into(),
        details(Scope::Subject("Maths ".repeat(100))),
        MADE,
    );
    apply(
        &mut store,
        &Edit::Checklist(ChecklistEdit::AddAssessment(a)),
        NOW,
    );
    assert!(store.get("a2").unwrap().scope.name().chars().count() <= MAX_NAME_CHARS);
}

#[test]
fn a_restorable_says_what_it_puts_back() {
    let mut store = base();
    let undo = apply(
        &mut store,
        &Edit::Workshop(WorkshopEdit::RemoveMember {
            workshop: "w1".into(),
            member: "r1".into(),
        }),
        NOW,
    )
    .undo
    .unwrap();
    let Edit::Records(RecordsEdit::Restore(restorable)) = undo else {
        panic!()
    };
    assert_eq!(restorable.describe(&store), "Ann Evans");
    let assessment = Restorable::Assessment(0, base().get("a1").unwrap().clone());
    assert_eq!(assessment.describe(&base()), "Oakfield Primary");
}

/// The edits a board member's small app applies (`Store::apply_workshop_edit`): a
/// workshop's and its trust's, and dismissing recovered text; batches of them.
fn is_workshop_edit(edit: &Edit) -> bool {
    match edit {
        Edit::Batch(edits) => edits.iter().all(is_workshop_edit),
        Edit::Workshop(_) => true,
        Edit::Schools(edit) => matches!(
            edit,
            SchoolEdit::AddTrust(_) | SchoolEdit::RenameTrust { .. }
        ),
        Edit::Records(edit) => matches!(edit, RecordsEdit::DismissRecovered { .. }),
        _ => false,
    }
}

#[test]
fn the_member_s_app_applies_workshop_edits_by_the_same_rules_and_refuses_the_rest() {
    let accepted = std::cell::RefCell::new(BTreeSet::new());
    arbitrary::for_any(150, |rng| {
        let mut store = arbitrary::store(rng);
        let mut undos = Vec::new();
        for n in 0..40 {
            let edit = random_edit(rng, &store, &undos, n);
            let now = 10_000.0 + n as f64;
            let mut whole = store.clone();
            let mut member = store.clone();
            let by_whole = whole.apply(&edit, now);
            let by_member = member.apply_workshop_edit(&edit, now);
            if is_workshop_edit(&edit) {
                assert_eq!(by_member, by_whole, "step {n}: {edit:?}");
                assert_eq!(member, whole, "step {n}: {edit:?}");
                if by_member.is_ok() {
                    accepted.borrow_mut().insert(variant(&edit));
                }
            } else {
                assert!(
                    matches!(by_member, Err(EditError::Refused(_))),
                    "step {n}: {edit:?} was not refused"
                );
                assert_eq!(member, store, "refused {edit:?} changed the store");
            }
            if let Ok(applied) = by_whole {
                undos.extend(applied.undo);
                if matches!(edit, Edit::Schools(SchoolEdit::MergeSchools { .. })) {
                    undos.clear();
                }
                store = whole;
            }
        }
    });
    let accepted = accepted.into_inner();
    assert!(accepted.len() >= 9, "{accepted:?}");
}

/// Every edit (`AreaEdit::Name`) named in the files a board member's small app draws
/// (src/member_app.rs and the pages and components it uses, followed through their `use`
/// lines), with the file naming it.
fn edits_named_by_the_member_s_app() -> BTreeSet<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut todo = vec!["src/member_app.rs".to_string()];
    let mut seen = BTreeSet::new();
    let mut named = BTreeSet::new();
    while let Some(file) = todo.pop() {
        if !seen.insert(file.clone()) {
            continue;
        }
        let text = std::fs::read_to_string(root.join(&file)).expect("source");
        for line in text.lines() {
            let line = line.trim();
            for area in ["pages", "components"] {
                let Some(rest) = line.strip_prefix(&format!("use crate::{area}::")) else {
                    continue;
                };
                let parts: Vec<&str> = rest.split("::").take(2).collect();
                if parts.len() == 2 {
                    todo.push(format!("src/{area}/{}/{}.rs", parts[0], parts[1]));
                }
            }
        }
        for kind in [
            "SchoolEdit",
            "ChecklistEdit",
            "WorkshopEdit",
            "ImprovementEdit",
            "RecordsEdit",
        ] {
            for (at, _) in text.match_indices(&format!("{kind}::")) {
                let name: String = text[at + kind.len() + 2..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                named.insert((file.clone(), format!("{kind}::{name}")));
            }
        }
    }
    named
}

#[test]
fn the_member_s_app_sends_only_edits_it_can_apply() {
    let named = edits_named_by_the_member_s_app();
    // The join page's edits are made by the domain (`join_edits`, applied by the member's
    // rules in tests/domain/join.rs); the answer page's are named here.
    assert!(
        named.iter().any(|(file, _)| file.ends_with("answer.rs")),
        "the answer page was followed: {named:?}"
    );
    let applied_by_member = |name: &str| {
        name.starts_with("WorkshopEdit::")
            || [
                "SchoolEdit::AddTrust",
                "SchoolEdit::RenameTrust",
                "RecordsEdit::DismissRecovered",
            ]
            .contains(&name)
    };
    // Putting back an assessment's recovered note: offered only where the assessment is
    // kept (src/components/records/recovered_texts.rs), and the member's app keeps none.
    let never_offered = [(
        "src/components/records/recovered_texts.rs",
        "ChecklistEdit::SetNote",
    )];
    let wrong: Vec<_> = named
        .iter()
        .filter(|(file, name)| {
            !applied_by_member(name) && !never_offered.contains(&(file.as_str(), name.as_str()))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "the member's app would send edits it refuses: {wrong:?}"
    );
}
