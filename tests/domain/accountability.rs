//! Step 4 of the cycle: impact against success criteria, and what the board receives
//! (the board summary, the half-termly dashboard, the headteacher's report); and the new
//! records (categorisations, the calendar, impact, diagnosis sources) through exports,
//! imports and merges.
use crate::support;
use waypoint::domain::base::dates::OptionalDay;
use waypoint::domain::checklist::assessment::Scope;

use waypoint::domain::base::content::{four_stages, Stage};
use waypoint::domain::base::school::School;
use waypoint::domain::checklist::assessment::Level;
use waypoint::domain::checklist::SchoolRecords;
use waypoint::domain::improvement::accountability::{
    board_summary, categories_csv, dashboard, dashboard_csv, headteacher_report, Impact, PlanState,
    Verdict,
};
use waypoint::domain::improvement::calendar::TrustCalendar;
use waypoint::domain::improvement::categorisation::{
    Categorisation, Category, Decision, DueState, Intervals,
};
use waypoint::domain::improvement::plans::{
    Commission, Intervention, Kind, Progress, Review, Status,
};
use waypoint::domain::improvement::trajectory::{Band, Point};
use waypoint::domain::records::edits::{ChecklistEdit, ImprovementEdit, SchoolEdit};
use waypoint::domain::records::edits::{Edit, EditError};
use waypoint::domain::records::exchange::{read_import, select, write_export, Selection};
use waypoint::domain::records::store::Store;
use waypoint::domain::workshop::responses::Resolution;

fn impact(verdict: Verdict) -> Impact {
    Impact {
        date: Some(crate::support::day("2027-02-12")),
        practice: "Guided reading every day in Years 5 and 6".into(),
        systems: "Fortnightly reading tracker".into(),
        organisation: String::new(),
        outcomes: "71% at the expected standard (58% last year)".into(),
        evidence: "Spring assessment data; book looks; pupil voice".into(),
        verdict,
    }
}

fn commission(target: &str, start: &str, end: &str) -> Commission {
    Commission {
        kind: Kind::SchoolToSchool,
        partner: "Elm Park Academy".into(),
        focus: "Teaching and outcomes".into(),
        target: target.into(),
        owner: "Deputy head".into(),
        start: start.into(),
        end: end.into(),
        review_weeks: 6,
        success_criteria: "70% at the expected standard".into(),
    }
}

fn review(date: &str, progress: Progress, note: &str) -> Review {
    Review {
        date: Some(crate::support::day(date)),
        progress,
        note: note.into(),
    }
}

/// Two schools: Oakfield assessed at Repair with a red flag, categorised, with three
/// interventions; Elm Park assessed at Sustain, never categorised, nothing commissioned.
fn trust() -> Store {
    let mut store = support::school_store();
    let edits = vec![
        Edit::Schools(SchoolEdit::AddSchool(School::new(
            "s2".into(),
            "Elm Park Academy",
            1.0,
        ))),
        Edit::Checklist(ChecklistEdit::AddAssessment({
            let mut a = support::answered([
                Level::Partly,
                Level::Clearly,
                Level::NotSeen,
                Level::NotSeen,
            ]);
            a.date = Some(crate::support::day("2026-10-05"));
            a
        })),
        Edit::Checklist(ChecklistEdit::AddAssessment({
            let mut a = support::answered([
                Level::NotSeen,
                Level::Clearly,
                Level::Clearly,
                Level::Clearly,
            ]);
            a.id = "a2".into();
            a.school_id = "s2".into();
            a.date = Some(crate::support::day("2026-03-01"));
            a
        })),
        Edit::Improvement(ImprovementEdit::Commission(Intervention::new(
            "p1".into(),
            support::SCHOOL_ID,
            Some("a1".into()),
            commission("Year 6 reading", "2026-09-07", "2027-02-12"),
            2.0,
        ))),
        Edit::Improvement(ImprovementEdit::Commission(Intervention::new(
            "p2".into(),
            support::SCHOOL_ID,
            None,
            commission("Attendance above 95%", "2026-09-07", "2027-07-16"),
            3.0,
        ))),
        Edit::Improvement(ImprovementEdit::Commission(Intervention::new(
            "p3".into(),
            support::SCHOOL_ID,
            None,
            commission("Phonics screening", "2025-09-01", "2026-07-10"),
            4.0,
        ))),
        Edit::Improvement(ImprovementEdit::RecordReview {
            plan: "p1".into(),
            review: review("2026-10-19", Progress::OnTrack, "Guided reading in place"),
        }),
        Edit::Improvement(ImprovementEdit::RecordReview {
            plan: "p1".into(),
            review: review("2026-11-30", Progress::AtRisk, "Two classes behind"),
        }),
        Edit::Improvement(ImprovementEdit::RecordReview {
            plan: "p3".into(),
            review: review("2026-07-10", Progress::Met, "84% passed"),
        }),
        Edit::Improvement(ImprovementEdit::Categorise(Categorisation {
            id: "c1".into(),
            school_id: support::SCHOOL_ID.into(),
            decision: Decision::Categorisation,
            date: Some(crate::support::day("2026-10-12")),
            category: Category::Moderate,
            decided_by: "Trust board".into(),
            rationale: "Repair, with support working".into(),
            suggested: Some(Category::Moderate),
            suggested_reason: "placed at Repair".into(),
            assessed_on: Some(crate::support::day("2026-10-05")),
            created_ms: 5.0,
            updated_ms: 5.0,
        })),
        Edit::Improvement(ImprovementEdit::SetPoints {
            school: support::SCHOOL_ID.into(),
            trajectory_id: "j1".into(),
            points: ["2023", "2024", "2025"]
                .iter()
                .zip([Band::Floor, Band::Coasting, Band::Coasting])
                .map(|(p, b)| Point {
                    period: p.to_string(),
                    date: OptionalDay::Absent,
                    band: Some(b),
                    value: None,
                })
                .collect(),
        }),
    ];
    for edit in edits {
        store
            .apply(&edit, 6.0)
            .unwrap_or_else(|e| panic!("{edit:?}: {e}"));
    }
    store
}

#[test]
fn impact_is_recorded_under_the_four_headings_with_evidence_and_a_verdict() {
    let mut store = trust();
    assert_eq!(impact(Verdict::Met).validate(), Ok(()));
    let blank = Impact {
        practice: String::new(),
        systems: " ".into(),
        outcomes: String::new(),
        ..impact(Verdict::Met)
    };
    assert!(blank
        .validate()
        .unwrap_err()
        .contains("at least one heading"));
    // Criteria not met: nothing may have improved, and the evidence alone is enough
    // (the form asks "what improved, if anything").
    assert_eq!(
        Impact {
            verdict: Verdict::NotMet,
            ..blank.clone()
        }
        .validate(),
        Ok(())
    );
    assert!(Impact {
        verdict: Verdict::PartlyMet,
        ..blank.clone()
    }
    .validate()
    .is_err());
    let no_evidence = Impact {
        evidence: String::new(),
        ..impact(Verdict::Met)
    };
    assert!(no_evidence.validate().unwrap_err().contains("evidence"));
    let refused = store.apply(
        &Edit::Improvement(ImprovementEdit::RecordImpact {
            plan: "p1".into(),
            impact: no_evidence,
        }),
        7.0,
    );
    assert!(matches!(refused, Err(EditError::Refused(_))));
    let edit = Edit::Improvement(ImprovementEdit::RecordImpact {
        plan: "p1".into(),
        impact: Impact {
            practice: "  Guided reading every day in Years 5 and 6 ".into(),
            ..impact(Verdict::PartlyMet)
        },
    });
    store.apply(&edit, 7.0).unwrap();
    let kept = store.plan("p1").unwrap().impact.as_deref().unwrap();
    assert_eq!(kept, &impact(Verdict::PartlyMet), "trimmed");
    assert_eq!(
        kept.heading("outcomes"),
        "71% at the expected standard (58% last year)"
    );
    assert_eq!(kept.heading("organisation"), "");
    // Recording it again replaces it; the same again changes nothing.
    let again = Edit::Improvement(ImprovementEdit::RecordImpact {
        plan: "p1".into(),
        impact: impact(Verdict::Met),
    });
    assert!(!store.apply(&again, 8.0).unwrap().changed.is_empty());
    assert!(store.apply(&again, 9.0).unwrap().changed.is_empty());
}

#[test]
fn each_intervention_is_read_as_overdue_on_track_at_risk_or_done() {
    let store = trust();
    let state = |id: &str, today: &str| PlanState::of(store.plan(id).unwrap(), today);
    assert_eq!(
        state("p1", "2026-12-01"),
        PlanState::AtRisk,
        "its latest review"
    );
    assert_eq!(
        state("p1", "2027-01-12"),
        PlanState::Overdue,
        "the 11 Jan review is missed"
    );
    assert_eq!(state("p2", "2026-10-01"), PlanState::NotReviewed);
    assert_eq!(
        state("p3", "2026-12-01"),
        PlanState::Done,
        "met at its final review"
    );
    let mut stopped = store.plan("p2").unwrap().clone();
    stopped.status = Status::Stopped;
    assert_eq!(PlanState::of(&stopped, "2027-01-12"), PlanState::Stopped);
}

#[test]
fn the_board_summary_has_a_row_per_school_and_a_page_of_plans_for_each() {
    let store = trust();
    let summary = board_summary(four_stages(), &store, Intervals::default(), "2026-12-01");
    let names: Vec<&str> = summary.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["Elm Park Academy", "Oakfield Primary"],
        "every school, by name"
    );
    let elm = &summary[0];
    assert!(elm.lines.is_empty());
    assert_eq!(elm.category, None);
    assert_eq!(elm.due, "Categorisation due now");
    assert_eq!(elm.stage, Some(Stage::Sustain));
    let oak = &summary[1];
    assert_eq!(oak.category, Some(Category::Moderate));
    assert_eq!(oak.categorised_on, Some(crate::support::day("2026-10-12")));
    assert_eq!(oak.due, "Review due 12\u{a0}Apr\u{a0}2027");
    assert_eq!(oak.due_state, DueState::Later);
    assert_eq!(oak.stage, Some(Stage::Repair));
    assert_eq!(
        oak.red_flags.len(),
        8,
        "every Stabilise feature partly seen"
    );
    // Plans most in need of attention first.
    let targets: Vec<&str> = oak.lines.iter().map(|l| l.target.as_str()).collect();
    assert_eq!(
        targets,
        [
            "Attendance above 95%",
            "Year 6 reading",
            "Phonics screening"
        ]
    );
    assert_eq!(
        oak.lines[0].state,
        PlanState::Overdue,
        "its 19 Oct review was missed"
    );
    assert_eq!(oak.lines[1].state, PlanState::AtRisk);
    assert_eq!(
        oak.lines[1].latest_review,
        "30\u{a0}Nov\u{a0}2026: At risk – Two classes behind"
    );
    assert_eq!(
        oak.lines[1].next_review,
        Some(crate::support::day("2027-01-11"))
    );
    assert_eq!(
        oak.lines[1].runs,
        "7\u{a0}Sep\u{a0}2026 to 12\u{a0}Feb\u{a0}2027"
    );
    assert_eq!(oak.lines[2].next_review, None, "completed");
    // Counts in PlanState::ALL's order: overdue, off track, at risk, not reviewed, on track, done, stopped.
    assert_eq!(oak.counts, [1, 0, 1, 0, 0, 1, 0]);
}

#[test]
fn the_dashboard_lists_what_is_due_before_the_next_one_and_exports() {
    let mut store = trust();
    store
        .apply(
            &Edit::Improvement(ImprovementEdit::RecordReview {
                plan: "p2".into(),
                review: review("2027-01-11", Progress::OnTrack, ""),
            }),
            7.0,
        )
        .unwrap();
    let rows = dashboard(four_stages(), &store, Intervals::default(), "2027-01-12");
    let oak = rows
        .iter()
        .find(|r| r.summary.name == "Oakfield Primary")
        .unwrap();
    let due: Vec<(&str, &str, DueState)> = oak
        .due
        .iter()
        .map(|d| (d.date.as_str(), d.text.as_str(), d.state))
        .collect();
    assert_eq!(
        due,
        [
            (
                "2027-01-11",
                "⚠ Review of “Year 6 reading” overdue",
                DueState::Overdue
            ),
            (
                "2027-02-22",
                "Review of “Attendance above 95%” 22\u{a0}Feb\u{a0}2027",
                DueState::Later
            ),
        ],
        "within seven weeks; the category review (Apr) and reassessment (Apr) are later"
    );
    let elm = rows
        .iter()
        .find(|r| r.summary.name == "Elm Park Academy")
        .unwrap();
    let due: Vec<&str> = elm.due.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(
        due,
        [
            "Categorisation due now",
            "⚠ Reassessment overdue (due 1\u{a0}Sep\u{a0}2026)"
        ]
    );
    let csv = dashboard_csv(&rows);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert!(lines[0].starts_with("School,Stage,Assessed,Category,Categorised,Waypoint's suggestion,Red flags,Overdue,Off track,At risk,Not reviewed yet,On track,Completed,"));
    assert!(lines[1].starts_with("Elm Park Academy,Sustain,2026-03-01,,,Low,,0,0,0,0,0,0,Categorisation due now; ⚠ Reassessment overdue"), "{}", lines[1]);
    assert!(
        lines[2].starts_with("Oakfield Primary,Repair,2026-10-05,Moderate,2026-10-12,Moderate,"),
        "{}",
        lines[2]
    );
    assert!(
        lines[2].contains(",1,0,0,0,1,1,⚠ Review of “Year 6 reading” overdue;"),
        "{}",
        lines[2]
    );
    let cats = categories_csv(&store, Intervals::default(), "2027-01-12");
    let lines: Vec<&str> = cats.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(
        lines[1].starts_with("Elm Park Academy,,,,,,,,,Categorisation due now"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2], "Oakfield Primary,Categorisation,2026-10-12,Moderate,Trust board,\"Repair, with support working\",Moderate,placed at Repair,2026-10-05,Review due 12\u{a0}Apr\u{a0}2027");
}

#[test]
fn the_headteacher_s_report_covers_six_months_of_attainment_progress_and_the_plan() {
    let mut store = trust();
    // An older whole-school assessment, before the period.
    let mut old = support::answered([
        Level::Clearly,
        Level::NotSeen,
        Level::NotSeen,
        Level::NotSeen,
    ]);
    old.id = "a0".into();
    old.date = Some(crate::support::day("2026-05-01"));
    store
        .apply(&Edit::Checklist(ChecklistEdit::AddAssessment(old)), 7.0)
        .unwrap();
    let school = store.school(support::SCHOOL_ID).unwrap().clone();
    let report = headteacher_report(
        four_stages(),
        &store,
        &school,
        Intervals::default(),
        "2027-01-31",
        "2027-01-31",
    );
    assert_eq!(
        (report.from.as_str(), report.to.as_str()),
        ("2026-07-31", "2027-01-31")
    );
    assert_eq!(
        report.stage_then,
        Some(("2026-05-01".into(), Some(Stage::Stabilise)))
    );
    assert_eq!(
        report.stage_now,
        Some(("2026-10-05".into(), Some(Stage::Repair)))
    );
    assert_eq!(
        report.results,
        [
            ("2023".to_string(), "Floor".to_string()),
            ("2024".into(), "Coasting".into()),
            ("2025".into(), "Coasting".into())
        ]
    );
    assert_eq!(
        report.category,
        "Moderate need: targeted bespoke support (decided 12\u{a0}Oct\u{a0}2026)"
    );
    // Phonics ended before the period; the other two ran in it.
    let targets: Vec<&str> = report.lines.iter().map(|l| l.target.as_str()).collect();
    assert_eq!(targets, ["Year 6 reading", "Attendance above 95%"]);
    assert_eq!(
        report.reviews,
        [
            (
                "2026-10-19".to_string(),
                "Year 6 reading".to_string(),
                "On track – Guided reading in place".to_string()
            ),
            (
                "2026-11-30".into(),
                "Year 6 reading".into(),
                "At risk – Two classes behind".into()
            ),
        ]
    );
}

#[test]
fn the_new_records_survive_export_import_and_merging() {
    let mut store = trust();
    store
        .apply(
            &Edit::Improvement(ImprovementEdit::RecordImpact {
                plan: "p3".into(),
                impact: impact(Verdict::Met),
            }),
            8.0,
        )
        .unwrap();
    store
        .apply(
            &Edit::Improvement(ImprovementEdit::SetSource {
                assessment: "a1".into(),
                feature: "stabilise-4".into(),
                source: Some("half_termly_data".into()),
            }),
            8.0,
        )
        .unwrap();
    let unknown = Edit::Improvement(ImprovementEdit::SetSource {
        assessment: "a1".into(),
        feature: "stabilise-4".into(),
        source: Some("gossip".into()),
    });
    assert!(matches!(
        store.apply(&unknown, 8.0),
        Err(EditError::Refused(_))
    ));
    store
        .apply(
            &Edit::Improvement(ImprovementEdit::SetCalendar(TrustCalendar::starting(
                "k1".into(),
                "2026-11-23",
                8.0,
            ))),
            8.0,
        )
        .unwrap();
    // Everything, out and back in.
    let text = write_export(
        &select(&store, &Selection::Everything),
        "Oak Trust",
        "2027-01-12",
    );
    assert!(text.contains("\"categorisations\"") && text.contains("\"calendars\""));
    let back = read_import(&text, "2026-12-01").unwrap();
    assert_eq!(back.categorisations, store.categorisations);
    assert_eq!(back.calendars, store.calendars);
    assert_eq!(
        back.plan("p3").unwrap().impact,
        store.plan("p3").unwrap().impact
    );
    assert_eq!(
        back.get("a1").unwrap().source("stabilise-4"),
        Some("half_termly_data")
    );
    let answers = waypoint::domain::records::exchange::answers_csv(&back, &back.assessments);
    assert!(answers
        .lines()
        .any(|l| l.contains(",stabilise-4,") && l.ends_with(",Half-termly data")));
    // A school's file holds its categorisations; an assessment's does not.
    let school = select(&store, &Selection::School(support::SCHOOL_ID.into()));
    assert_eq!(school.categorisations.len(), 1);
    assert!(school.calendars.is_empty());
    assert!(select(&store, &Selection::Assessment("a1".into()))
        .categorisations
        .is_empty());
    // Into an empty browser, and again (nothing changes), then a changed copy clashes.
    let mut other = Store::default();
    let summary = support::import(&mut other, back.clone(), Resolution::KeepBoth);
    assert_eq!(other.categorisations, store.categorisations);
    assert_eq!(other.calendars.len(), 1);
    assert_eq!(summary.replaced + summary.kept_both, 0);
    let summary = support::import(&mut other, back.clone(), Resolution::KeepBoth);
    assert_eq!(summary.added, 0, "{summary:?}");
    let mut changed = back;
    changed.categorisations[0].category = Category::High;
    let summary = support::import(&mut other, changed, Resolution::Replace);
    assert_eq!(summary.replaced, 1);
    assert_eq!(other.categorisation("c1").unwrap().category, Category::High);
    // A categorisation of a school the file lacks is refused with the reason.
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["categorisations"][0]["school_id"] = "nowhere".into();
    let orphan = json.to_string();
    let message = read_import(&orphan, "2026-12-01").unwrap_err().to_string();
    assert!(
        message.contains("categorisation 1 belongs to a school the file does not include"),
        "{message}"
    );
    // Merging two schools keeps the history with the kept school.
    store
        .apply(
            &Edit::Schools(SchoolEdit::MergeSchools {
                keep: "s2".into(),
                absorb: support::SCHOOL_ID.into(),
            }),
            9.0,
        )
        .unwrap();
    assert_eq!(store.categorisation("c1").unwrap().school_id, "s2");
}

#[test]
fn the_board_s_papers_read_as_documents_with_a_page_per_school() {
    use waypoint::domain::base::document::{text_of, Block};
    use waypoint::domain::improvement::papers::{board_paper, dashboard_paper, head_report_paper};
    let store = trust();
    let summary = board_summary(four_stages(), &store, Intervals::default(), "2026-12-01");
    let paper = board_paper(&summary);
    let new_pages: Vec<&str> = paper
        .iter()
        .filter_map(|b| match b {
            Block::Heading {
                text,
                new_page: true,
            } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        new_pages,
        ["Oakfield Primary"],
        "a page only for a school with something to report"
    );
    let text = text_of(&paper);
    assert!(text.starts_with("Summaries of school intervention plans are submitted to Trust’s Board at least annually or more frequently if required (from the trust improvement cycle in Waypoint's source documents)\n"));
    // One table of every school opens the paper: the board's category, the stage,
    // Waypoint's suggestion and the interventions by status.
    assert!(text.contains("School | Category (the board's) | Stage | Need (Waypoint's suggestion) | Interventions by status | Category next due\n"), "{text}");
    assert!(text.contains("Oakfield Primary | Moderate need: targeted bespoke support (decided 12\u{a0}Oct\u{a0}2026) | Repair | Moderate | 1 overdue\n1 at risk\n1 completed | Review due 12\u{a0}Apr\u{a0}2027\n"), "{text}");
    assert!(text.contains("Elm Park Academy | Not yet categorised | Sustain | Low | None | Categorisation due now\n"), "{text}");
    assert!(text.contains("Nothing more to report on Elm Park Academy: no interventions, red flags or warnings.\n"), "{text}");
    assert!(!text.contains("No interventions commissioned"));
    assert!(text.contains("Year 6 reading\nSchool-to-school intervention with Elm Park Academy\nOwner: Deputy head\n7\u{a0}Sep\u{a0}2026 to 12\u{a0}Feb\u{a0}2027 | 70% at the expected standard | At risk\nLatest: 30\u{a0}Nov\u{a0}2026: At risk – Two classes behind\nNext review 11\u{a0}Jan\u{a0}2027 | Not recorded yet"), "{text}");
    // Stopped and not met are counted, not shown as noughts.
    let mut store2 = trust();
    store2
        .apply(
            &Edit::Improvement(ImprovementEdit::SetStatus {
                plan: "p2".into(),
                status: waypoint::domain::improvement::plans::Status::Stopped,
            }),
            7.0,
        )
        .unwrap();
    store2
        .apply(
            &Edit::Improvement(ImprovementEdit::RecordImpact {
                plan: "p3".into(),
                impact: impact(Verdict::NotMet),
            }),
            8.0,
        )
        .unwrap();
    let summary2 = board_summary(four_stages(), &store2, Intervals::default(), "2026-12-01");
    assert_eq!(
        summary2[1].by_status(),
        "1 at risk\n1 completed\n1 stopped\n1 with success criteria not met"
    );
    // The headteacher's report and the dashboard, as documents too.
    let school = store.school(support::SCHOOL_ID).unwrap().clone();
    let report = headteacher_report(
        four_stages(),
        &store,
        &school,
        Intervals::default(),
        "2027-01-31",
        "2027-01-31",
    );
    let text = text_of(&head_report_paper(&report));
    for part in [
        "Pupil attainment",
        "2024 | Coasting",
        "Progress",
        "Stage on 31\u{a0}Jan\u{a0}2027 | Repair (assessed 5\u{a0}Oct\u{a0}2026)",
        "Implementation of the school improvement plan",
        "Reviews held in these six months",
        "30\u{a0}Nov\u{a0}2026 | Year 6 reading | At risk – Two classes behind",
    ] {
        assert!(text.contains(part), "{part} not in {text}");
    }
    assert!(text.contains("No team, year group or subject has been assessed on its own."));
    // With Early Years and Year 6 both in Repair, the report carries the teams and
    // Carter's warning, so the head prints one document.
    let mut with_teams = store.clone();
    for (id, scope) in [
        ("ey", Scope::YearGroup("EYFS".into())),
        ("y6", Scope::YearGroup("Year 6".into())),
    ] {
        let mut a = support::answered([
            Level::Partly,
            Level::Clearly,
            Level::NotSeen,
            Level::NotSeen,
        ]);
        a.id = id.into();
        a.scope = scope;
        a.date = Some(crate::support::day("2026-11-02"));
        with_teams
            .apply(&Edit::Checklist(ChecklistEdit::AddAssessment(a)), 9.0)
            .unwrap();
    }
    let report = headteacher_report(
        four_stages(),
        &with_teams,
        &school,
        Intervals::default(),
        "2027-01-31",
        "2027-01-31",
    );
    let text = text_of(&head_report_paper(&report));
    for part in [
        "Teams, year groups and subjects",
        "Whole school | 5\u{a0}Oct\u{a0}2026 | Repair",
        "Year group: EYFS | 2\u{a0}Nov\u{a0}2026 | Repair",
        "Year group: Year 6 | 2\u{a0}Nov\u{a0}2026 | Repair",
        "Carter warns of “big implications in a primary school if EY and Year 6",
    ] {
        assert!(text.contains(part), "{part} not in {text}");
    }
    let rows = dashboard(four_stages(), &store, Intervals::default(), "2027-01-12");
    let text = text_of(&dashboard_paper(&rows));
    assert!(text.contains("Oakfield Primary | Repair\nassessed 5\u{a0}Oct\u{a0}2026 | Moderate (decided 12\u{a0}Oct\u{a0}2026)\nWaypoint suggests: Moderate | ⚑ 8 | 2 overdue\n1 completed | ⚠ Review of “Year 6 reading” overdue\n⚠ Review of “Attendance above 95%” overdue"), "{text}");
}

#[test]
fn a_file_from_before_the_trust_cycle_still_reads() {
    // The same export with the new lists and fields taken out: as main wrote it before.
    let store = trust();
    let text = write_export(
        &select(&store, &Selection::Everything),
        "Oak Trust",
        "2027-01-12",
    );
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let object = json.as_object_mut().unwrap();
    object.remove("categorisations");
    object.remove("calendars");
    let older = read_import(&json.to_string(), "2026-12-01").unwrap();
    assert!(older.categorisations.is_empty() && older.calendars.is_empty());
    assert_eq!(older.plans, store.plans);
    assert_eq!(
        older.intervals(),
        Intervals::default(),
        "the source's intervals"
    );
}

#[test]
fn every_problem_with_the_impact_form_is_named_with_its_field() {
    let empty = Impact {
        date: None, // not a date
        practice: String::new(),
        systems: String::new(),
        organisation: String::new(),
        outcomes: String::new(),
        evidence: " ".into(),
        ..impact(Verdict::Met)
    };
    let fields = |chosen| -> Vec<&'static str> {
        empty
            .form_problems(chosen)
            .iter()
            .map(|(f, _)| *f)
            .collect()
    };
    // No verdict yet: the headings wait for it; the verdict is asked for last, as on the form.
    assert_eq!(fields(None), ["date", "evidence", "verdict"]);
    assert_eq!(fields(Some(Verdict::Met)), ["date", "practice", "evidence"]);
    assert_eq!(fields(Some(Verdict::NotMet)), ["date", "evidence"]);
    assert!(impact(Verdict::Met)
        .form_problems(Some(Verdict::Met))
        .is_empty());
    assert_eq!(
        empty.validate().unwrap_err(),
        empty.form_problems(Some(Verdict::Met))[0].1
    );
}
