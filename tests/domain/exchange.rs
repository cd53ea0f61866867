//! Files in and out: exports read back exactly, imports merge without silent
//! overwrites, schools in files are matched by id or name (and asked about when the
//! names only look alike), CSV is safe for spreadsheets.
use crate::support;

use crate::support::arbitrary::{self, Rng};
use crate::support::{fresh_ids, import, school_store, SCHOOL_ID};
use serde_json::json;
use waypoint::domain::base::school::School;
use waypoint::domain::checklist::SchoolRecords;
use waypoint::domain::improvement::TrustRecords;
use waypoint::domain::records::edits::Edit;
use waypoint::domain::records::edits::{ChecklistEdit, RecordsEdit, SchoolEdit};
use waypoint::domain::records::exchange::{
    answers_csv, draft_import, file_name, finish_import, read_import, results_csv, select,
    selected_ids, write_export, ImportVerdict, Selection, MAX_IMPORT_BYTES,
};
use waypoint::domain::records::schema::ReadError;
use waypoint::domain::records::store::Store;
use waypoint::domain::workshop::responses::Resolution;

/// Property: for any store, export then import into an empty browser gives it back.
#[test]
fn any_export_imports_back_exactly() {
    arbitrary::for_any(400, |rng| {
        let store = arbitrary::store(rng);
        let text = write_export(&store, "Everything", "2026-11-23");
        let read = read_import(&text, "2026-12-01");
        if store == Store::default() {
            // The app's rule for a file with nothing in it: refused, saying so.
            let why = read.expect_err("an empty export is refused").to_string();
            assert!(why.contains("holds no schools"), "{why}");
            return;
        }
        let read = read.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read, store);
        let mut empty = Store::default();
        let draft = draft_import(&empty, read);
        assert!(draft.questions.is_empty());
        let summary = import(&mut empty, draft.incoming, Resolution::KeepBoth);
        assert_eq!(empty, store);
        assert_eq!(summary.replaced + summary.kept_both, 0);
    });
}

/// Property: importing a store's own export changes nothing, whatever the resolution.
#[test]
fn importing_what_is_already_here_changes_nothing() {
    arbitrary::for_any(200, |rng| {
        let store = arbitrary::store(rng);
        let incoming = read_import(
            &write_export(&store, "Everything", "2026-11-23"),
            "2026-12-01",
        )
        .unwrap_or_default();
        let draft = draft_import(&store, incoming);
        assert_eq!(draft.preview.count(ImportVerdict::Clash), 0);
        assert!(draft.questions.is_empty());
        for resolution in [Resolution::KeepBoth, Resolution::Replace] {
            let mut target = store.clone();
            let (items, summary) =
                finish_import(&target, draft.clone(), &[], resolution, fresh_ids());
            let applied = target
                .apply(
                    &Edit::Records(RecordsEdit::Import(Box::new(items))),
                    9_000.0,
                )
                .unwrap();
            assert_eq!(target, store);
            assert!(applied.changed.is_empty(), "{:?}", applied.changed);
            assert_eq!(summary.added, 0);
        }
    });
}

/// Property: a selection's export brings exactly that selection into another browser.
#[test]
fn a_selection_exports_what_it_names() {
    arbitrary::for_any(200, |rng| {
        let store = arbitrary::store(rng);
        let Some(first) = store.assessments.first() else {
            return;
        };
        for selection in [
            Selection::Assessment(first.id.clone()),
            Selection::School(first.school_id.clone()),
        ] {
            let part = select(&store, &selection);
            assert!(part.assessments.iter().any(|a| a.id == first.id));
            // The file carries the school records its items belong to, and no others.
            assert!(part.schools.iter().any(|s| s.id == first.school_id));
            assert!(part.schools.iter().all(|s| part
                .assessments
                .iter()
                .map(|a| &a.school_id)
                .chain(part.plans.iter().map(|p| &p.school_id))
                .chain(part.trajectories.iter().map(|t| &t.school_id))
                .any(|id| id == &s.id)));
            assert!(part.workshops.is_empty() && part.trusts.is_empty());
            if let Selection::Assessment(id) = &selection {
                assert_eq!(part.assessments.len(), 1);
                // One intervention plan per school: the file carries the whole of it, whichever
                // assessment or page each intervention was commissioned from.
                let school = &store.get(id).unwrap().school_id;
                assert_eq!(
                    part.plans,
                    store.plans_of(school).cloned().collect::<Vec<_>>()
                );
            }
            let read =
                read_import(&write_export(&part, "Part", "2026-11-23"), "2026-12-01").unwrap();
            assert_eq!(read, part);
            let ids = selected_ids(&part);
            assert!(ids.contains(&first.id) && ids.contains(&first.school_id));
        }
    });
}

#[test]
fn a_clash_is_shown_then_settled_as_the_user_chooses() {
    let mut rng = Rng::new(7);
    let mut store = school_store();
    let mut original = arbitrary::assessment(&mut rng, "a1".into());
    original.school_id = SCHOOL_ID.into();
    store.assessments.push(original.clone());
    let mut changed = original.clone();
    changed.assessors = "Someone else".into();
    let plan = arbitrary::intervention(&mut rng, "p1".into(), SCHOOL_ID, Some("a1".into()));
    let incoming = Store {
        schools: store.schools.clone(),
        assessments: vec![changed.clone()],
        plans: vec![plan],
        ..Store::default()
    };
    let draft = draft_import(&store, incoming);
    assert_eq!(draft.preview.count(ImportVerdict::Clash), 1);
    assert_eq!(draft.preview.count(ImportVerdict::New), 1);
    assert!(draft.has_clashes());
    assert!(draft
        .preview
        .clashes()
        .next()
        .unwrap()
        .description
        .contains(&store.title(&original)));

    let mut replaced = store.clone();
    let (items, summary) = finish_import(
        &replaced,
        draft.clone(),
        &[],
        Resolution::Replace,
        fresh_ids(),
    );
    replaced
        .apply(&Edit::Records(RecordsEdit::Import(Box::new(items))), 9.0)
        .unwrap();
    assert_eq!(replaced.assessments, vec![changed.clone()]);
    assert_eq!((summary.replaced, summary.added), (1, 1));
    assert_eq!(replaced.schools, store.schools, "the school is not doubled");

    let mut both = store.clone();
    let (items, summary) = finish_import(&both, draft, &[], Resolution::KeepBoth, fresh_ids());
    both.apply(&Edit::Records(RecordsEdit::Import(Box::new(items))), 9.0)
        .unwrap();
    assert_eq!(both.assessments.len(), 2);
    assert_eq!(summary.kept_both, 1);
    assert!(both.assessments.contains(&original));
    let copy = both.assessments.iter().find(|a| a.id != "a1").unwrap();
    assert_eq!(copy.assessors, "Someone else");
    // The intervention follows the copy it was commissioned from.
    assert_eq!(
        both.plans[0].assessment_id.as_deref(),
        Some(copy.id.as_str())
    );
}

#[test]
fn an_id_taken_by_another_kind_of_item_is_renewed() {
    let mut rng = Rng::new(9);
    let mut store = school_store();
    store
        .trusts
        .push(waypoint::domain::base::school::Trust::new(
            "t1".into(),
            "Oak Trust",
            1.0,
        ));
    let mut workshop = arbitrary::workshop(&mut rng, "x1".into());
    workshop.trust_id = "t1".into();
    store.workshops.push(workshop);
    let mut assessment = arbitrary::assessment(&mut rng, "x1".into());
    assessment.school_id = SCHOOL_ID.into();
    let incoming = Store {
        schools: store.schools.clone(),
        assessments: vec![assessment],
        ..Store::default()
    };
    import(&mut store, incoming, Resolution::KeepBoth);
    assert_eq!(store.assessments[0].id, "fresh1");
    assert!(waypoint::domain::records::schema::read_store(
        &waypoint::domain::records::schema::write_store(&store)
    )
    .is_ok());
}

/// A file of format 4 (schools named on each item), with one assessment of `school`.
fn v4_file(school: &str, assessment_id: &str) -> String {
    json!({
        "format": "waypoint",
        "schema": 4,
        "assessments": [{
            "id": assessment_id,
            "school": school,
            "scope": {"kind": "whole_school"},
            "date": "2026-03-01",
            "assessors": "R. Osei",
            "answers": {"improve-1": {"level": "clearly", "note": "Peer review in place"}},
            "created_ms": 10.0,
            "updated_ms": 20.0
        }],
        "workshops": [],
        "trajectories": [],
        "plans": [{
            "id": "p1",
            "school": school,
            "assessment_id": assessment_id,
            "kind": "in_school",
            "target": "Reading",
            "owner": "Deputy head",
            "start": "2026-03-01",
            "end": "2026-07-01",
            "review_weeks": 6,
            "success_criteria": "70% at the expected standard",
            "status": "planned",
            "created_ms": 11.0,
            "updated_ms": 11.0
        }]
    })
    .to_string()
}

/// A store with one school of this name, as this browser made it (its own id).
fn store_with_school(id: &str, name: &str) -> Store {
    let mut store = Store::default();
    store
        .apply(
            &Edit::Schools(SchoolEdit::AddSchool(School::new(id.into(), name, 1.0))),
            1.0,
        )
        .unwrap();
    store
}

#[test]
fn a_school_whose_name_only_looks_alike_is_asked_about_not_added_silently() {
    let store = store_with_school("s-local", "St Aidan's CE Primary School");
    let incoming = read_import(&v4_file("St Aidan's CE Primary", "a9"), "2026-12-01").unwrap();
    let draft = draft_import(&store, incoming);
    assert_eq!(draft.questions.len(), 1, "{:?}", draft.questions);
    let question = &draft.questions[0];
    assert_eq!(question.name, "St Aidan's CE Primary");
    assert_eq!(
        question.candidates,
        vec![(
            "s-local".to_string(),
            "St Aidan's CE Primary School".to_string()
        )]
    );
    // Until the user answers, the file's items keep to the file's own school.
    assert_eq!(
        draft.incoming.assessments[0].school_id,
        question.incoming_id
    );
    assert!(draft
        .incoming
        .schools
        .iter()
        .any(|s| s.id == question.incoming_id));
}

#[test]
fn answering_that_it_is_the_same_school_repoints_the_file_s_items() {
    let mut store = store_with_school("s-local", "St Aidan's CE Primary School");
    let incoming = read_import(&v4_file("St Aidan's CE Primary", "a9"), "2026-12-01").unwrap();
    let draft = draft_import(&store, incoming);
    let same = vec![(
        draft.questions[0].incoming_id.clone(),
        "s-local".to_string(),
    )];
    let (items, summary) = finish_import(&store, draft, &same, Resolution::KeepBoth, fresh_ids());
    assert!(
        items.schools.is_empty(),
        "no second school: {:?}",
        items.schools
    );
    assert_eq!(items.assessments[0].school_id, "s-local");
    assert_eq!(items.plans[0].school_id, "s-local");
    assert_eq!(summary.added, 2);
    store
        .apply(&Edit::Records(RecordsEdit::Import(Box::new(items))), 9.0)
        .unwrap();
    assert_eq!(store.schools.len(), 1);
    assert_eq!(store.assessments_of("s-local").count(), 1);
    assert_eq!(store.plans_of("s-local").count(), 1);
    assert_eq!(
        store.title(store.get("a9").unwrap()),
        "St Aidan's CE Primary School"
    );
}

#[test]
fn answering_that_they_differ_keeps_two_schools() {
    let mut store = store_with_school("s-local", "St Aidan's CE Primary School");
    let incoming = read_import(&v4_file("St Aidan's CE Primary", "a9"), "2026-12-01").unwrap();
    let draft = draft_import(&store, incoming);
    let theirs = draft.questions[0].incoming_id.clone();
    let (items, _) = finish_import(&store, draft, &[], Resolution::KeepBoth, fresh_ids());
    store
        .apply(&Edit::Records(RecordsEdit::Import(Box::new(items))), 9.0)
        .unwrap();
    assert_eq!(store.schools.len(), 2);
    assert_eq!(store.get("a9").unwrap().school_id, theirs);
    assert_eq!(store.school_name(&theirs), "St Aidan's CE Primary");
}

#[test]
fn the_same_name_with_other_case_and_spacing_matches_silently() {
    let mut store = store_with_school("s-local", "St Aidan's CE Primary School");
    let incoming = read_import(
        &v4_file("  st aidan's   CE primary SCHOOL ", "a9"),
        "2026-12-01",
    )
    .unwrap();
    let draft = draft_import(&store, incoming);
    assert!(draft.questions.is_empty(), "{:?}", draft.questions);
    assert!(draft.incoming.schools.is_empty());
    assert_eq!(draft.incoming.assessments[0].school_id, "s-local");
    assert_eq!(draft.incoming.plans[0].school_id, "s-local");
    let (items, _) = finish_import(&store, draft, &[], Resolution::KeepBoth, fresh_ids());
    store
        .apply(&Edit::Records(RecordsEdit::Import(Box::new(items))), 9.0)
        .unwrap();
    assert_eq!(store.schools.len(), 1);
    assert_eq!(store.school_name("s-local"), "St Aidan's CE Primary School");
    assert_eq!(store.assessments_of("s-local").count(), 1);
}

#[test]
fn a_school_from_another_browser_matches_by_id_even_if_renamed() {
    let mut store = store_with_school("s-shared", "Oakfield Primary");
    // The other browser renamed the school after this one last imported from it.
    let mut theirs = store_with_school("s-shared", "Oakfield Church of England Academy");
    let mut a = support::blank();
    a.id = "a-theirs".into();
    a.school_id = "s-shared".into();
    theirs
        .apply(&Edit::Checklist(ChecklistEdit::AddAssessment(a)), 2.0)
        .unwrap();
    let file = write_export(&theirs, "Everything", "2026-11-23");
    let draft = draft_import(&store, read_import(&file, "2026-12-01").unwrap());
    assert!(draft.questions.is_empty(), "{:?}", draft.questions);
    assert_eq!(draft.incoming.assessments[0].school_id, "s-shared");
    let (items, summary) = finish_import(&store, draft, &[], Resolution::KeepBoth, fresh_ids());
    assert_eq!(summary.added, 1);
    store
        .apply(&Edit::Records(RecordsEdit::Import(Box::new(items))), 9.0)
        .unwrap();
    assert_eq!(store.schools.len(), 1);
    assert_eq!(store.assessments_of("s-shared").count(), 1);
    // This browser's name for its own school is kept.
    assert_eq!(store.school_name("s-shared"), "Oakfield Primary");
}

#[test]
fn two_older_files_naming_the_same_school_agree_on_its_id() {
    let mut store = Store::default();
    import(
        &mut store,
        read_import(&v4_file("Elm Park Academy", "a1"), "2026-12-01").unwrap(),
        Resolution::KeepBoth,
    );
    let second = read_import(&v4_file("ELM PARK ACADEMY", "a2"), "2026-12-01").unwrap();
    assert_eq!(second.schools[0].id, store.schools[0].id);
    let draft = draft_import(&store, second);
    assert!(draft.questions.is_empty());
    let (items, _) = finish_import(&store, draft, &[], Resolution::KeepBoth, fresh_ids());
    store
        .apply(&Edit::Records(RecordsEdit::Import(Box::new(items))), 9.0)
        .unwrap();
    assert_eq!(store.schools.len(), 1);
    assert_eq!(store.assessments.len(), 2);
}

#[test]
fn files_that_are_not_exports_are_refused_with_a_reason() {
    let cases = [
        ("", "not valid JSON"),
        ("{\"format\":\"waypoint\"", "not valid JSON"),
        ("[1,2,3]", "not in Waypoint's format"),
        ("{\"format\":\"waypoint-responses\",\"schema\":1}", "not in Waypoint's format"),
        ("{\"format\":\"waypoint\",\"schema\":99,\"assessments\":[]}", "newer version"),
        ("{\"format\":\"waypoint\",\"schema\":4}", "holds no schools, assessments"),
        (
            "{\"format\":\"waypoint\",\"schema\":5,\"assessments\":[],\"plans\":[]}",
            "holds no schools, assessments",
        ),
        (
            "{\"format\":\"waypoint\",\"schema\":4,\"assessments\":[{\"id\":\"a\",\"school\":\"Elm\"}]}",
            "assessment 1 (Elm): missing field",
        ),
        ("{\"format\":\"waypoint\",\"schema\":4,\"assessments\":{}}", "should be a list"),
    ];
    for (text, expected) in cases {
        let error = read_import(text, "2026-12-01").expect_err(text).to_string();
        assert!(error.contains(expected), "{text} → {error}");
    }
    // Deep nesting is refused by the parser, not by a stack overflow: a list is not a
    // Waypoint document at all, and nesting inside one is too deep to be JSON we read.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(
        read_import(&deep, "2026-12-01"),
        Err(ReadError::NotJson(_) | ReadError::NotWaypoint)
    ));
    let deep_inside = format!(
        "{{\"format\":\"waypoint\",\"schema\":5,\"assessments\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(matches!(
        read_import(&deep_inside, "2026-12-01"),
        Err(ReadError::NotJson(_) | ReadError::Invalid(_))
    ));
    let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
    assert!(read_import(&huge, "2026-12-01")
        .unwrap_err()
        .to_string()
        .contains("MB"));
}

#[test]
fn csv_is_quoted_and_safe_for_spreadsheets() {
    let store = Store {
        schools: vec![School::new(
            SCHOOL_ID.into(),
            "=HYPERLINK(\"http://x\")",
            1.0,
        )],
        ..Store::default()
    };
    let mut a = support::blank();
    a.set_note("stabilise-1", "line one\nline \"two\", three", 1.0);
    a.set_level(
        "stabilise-1",
        Some(waypoint::domain::checklist::assessment::Level::Clearly),
        1.0,
    );
    let text = answers_csv(&store, std::slice::from_ref(&a));
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{text}");
    assert!(text.contains("\"line one\nline \"\"two\"\", three\""));
    assert_eq!(text.matches("\r\n").count(), 1 + 28);
    let results = results_csv(&store, &[a]);
    assert!(results.contains("'=HYPERLINK"), "{results}");
    assert_eq!(results.matches("\r\n").count(), 2);
    assert!(results.lines().next().unwrap().contains("Sustain fit %"));
}

/// Stabilise concerns travel with the exports: today's CSVs did not mention them.
#[test]
fn exports_carry_the_red_flags_and_the_cap() {
    use waypoint::domain::checklist::assessment::Level::*;
    let mut a = support::answered([NotSeen, NotSeen, Partly, Clearly]);
    a.set_level("stabilise-4", Some(Clearly), 5.0);
    a.set_level("stabilise-5", Some(Clearly), 5.0);
    let store = support::school_store();
    let answers = answers_csv(&store, std::slice::from_ref(&a));
    assert!(answers
        .lines()
        .next()
        .unwrap()
        .ends_with(",Red flag,Diagnosis source"));
    assert_eq!(answers.matches("Stabilise concern seen").count(), 2);
    let results = results_csv(&store, &[a]);
    let header: Vec<&str> = results.lines().next().unwrap().split(',').collect();
    let row = results.lines().nth(1).unwrap();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
            .unwrap()
    };
    assert!(column("Red flags: Stabilise concerns seen") > 0);
    assert!(row.contains("Pupil attendance and PA below national floor (clearly seen; Behaviour and attendance); Significant financial risk or mismanagement (clearly seen; Governance and finance)"), "{row}");
    assert!(row.contains(",Stabilise,"), "{row}");
    assert!(
        row.contains("Stabilise (⚑ 1 concern; other answers fit Sustain)"),
        "{row}"
    );
    assert!(column("Stage the other answers fit (the concerns come first)") > 0);
}

#[test]
fn export_file_names_are_plain() {
    assert_eq!(
        file_name("Oakfield Primary — Subject: Maths", "2026-11-23", "json"),
        "waypoint-oakfield-primary-subject-maths-2026-11-23.json"
    );
    let arabic = file_name("مدرسة", "2026-11-23", "csv");
    assert!(
        arabic.starts_with("waypoint-export-") && arabic.ends_with("-2026-11-23.csv"),
        "{arabic}"
    );
}

#[test]
fn unexported_work_is_noticed_until_it_is_downloaded() {
    let empty = Store::default();
    assert_eq!(empty.changes_not_downloaded(), 0);
    let mut store = school_store();
    store
        .apply(
            &Edit::Checklist(ChecklistEdit::AddAssessment(support::blank())),
            5_000.0,
        )
        .unwrap();
    assert_eq!(store.last_change_ms(), Some(5_000.0));
    assert!(store.changes_not_downloaded() > 0);
    // Downloading one assessment clears it (and its school), not the rest.
    let mut other = support::blank();
    other.id = "a2".into();
    store
        .apply(
            &Edit::Checklist(ChecklistEdit::AddAssessment(other)),
            6_000.0,
        )
        .unwrap();
    let part = select(&store, &Selection::Assessment("a1".into()));
    store
        .apply(
            &Edit::Records(RecordsEdit::MarkDownloaded {
                ids: selected_ids(&part),
            }),
            7_000.0,
        )
        .unwrap();
    assert!(!store.not_downloaded.contains("a1"));
    assert!(store.not_downloaded.contains("a2"));
    // Downloading everything clears the reminder.
    store
        .apply(&Edit::Records(RecordsEdit::MarkAllDownloaded), 8_000.0)
        .unwrap();
    assert_eq!(store.changes_not_downloaded(), 0);
    // An import is what was downloaded elsewhere: it is not counted as unsaved work.
    let mut fresh = Store::default();
    import(
        &mut fresh,
        read_import(
            &write_export(&store, "Everything", "2026-11-23"),
            "2026-12-01",
        )
        .unwrap(),
        Resolution::KeepBoth,
    );
    assert_eq!(fresh.changes_not_downloaded(), 0);
}

/// The app reads files in slices (`ImportReader`); a whole read is the same rules:
/// the forms' limits and dates hold for a file, and the reason is said as it stands.
#[test]
fn a_file_is_read_by_the_forms_rules_in_slices_or_whole() {
    use waypoint::domain::records::exchange::ImportReader;
    let long_note = v4_file("Elm Park Academy", "a1").replace(
        "Peer review in place",
        &"x".repeat(waypoint::domain::base::text::MAX_NOTE_CHARS + 1),
    );
    let why = read_import(&long_note, "2026-12-01").unwrap_err();
    assert!(matches!(why, ReadError::Refused(_)), "{why:?}");
    assert!(
        why.to_string().starts_with("a note of an assessment dated"),
        "{why}"
    );
    let far = v4_file("Elm Park Academy", "a1").replace("2026-03-01", "2062-03-01");
    let why = read_import(&far, "2026-12-01").unwrap_err().to_string();
    assert!(why.contains("years from now"), "{why}");

    // In slices: the same store as a whole read, and the same refusals.
    let good = v4_file("Elm Park Academy", "a1");
    let mut reader = ImportReader::open(&good).unwrap();
    assert_eq!(reader.total(), 2);
    assert!(!reader.read_some(1).unwrap());
    assert_eq!(reader.done(), 1);
    while !reader.read_some(1).unwrap() {}
    assert_eq!(reader.done(), 2);
    assert_eq!(
        reader.finish("2026-12-01").unwrap(),
        read_import(&good, "2026-12-01").unwrap()
    );
    let mut reader = ImportReader::open(&far).unwrap();
    while !reader.read_some(1).unwrap() {}
    assert!(reader.finish("2026-12-01").is_err());
}
