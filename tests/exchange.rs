//! Files in and out: exports read back exactly, imports merge without silent
//! overwrites, CSV is safe for spreadsheets.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::arbitrary::{self, Rng};
use waypoint::domain::exchange::{
    answers_csv, apply, file_name, preview, read_import, results_csv, select, write_export,
    Selection, Verdict, MAX_IMPORT_BYTES,
};
use waypoint::domain::responses::Resolution;
use waypoint::domain::schema::ReadError;
use waypoint::domain::store::Store;
use waypoint::domain::teams::school_key;

fn fresh_ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("fresh{n}")
    }
}

/// Property: for any store, export then import into an empty browser gives it back.
#[test]
fn any_export_imports_back_exactly() {
    for seed in 0..400 {
        let mut rng = Rng::new(seed);
        let store = arbitrary::store(&mut rng);
        let text = write_export(&store, "Everything", "2026-11-23");
        let read = read_import(&text);
        if store == Store::default() {
            assert!(read.is_ok(), "an empty export still reads (seed {seed})");
            continue;
        }
        let read = read.unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        assert_eq!(read, store, "seed {seed}");
        let mut empty = Store::default();
        let summary = apply(&mut empty, read, Resolution::KeepBoth, fresh_ids());
        assert_eq!(empty, store, "seed {seed}");
        assert_eq!(summary.replaced + summary.kept_both, 0);
    }
}

/// Property: importing a store's own export changes nothing, whatever the resolution.
#[test]
fn importing_what_is_already_here_changes_nothing() {
    for seed in 0..200 {
        let mut rng = Rng::new(seed);
        let store = arbitrary::store(&mut rng);
        let incoming =
            read_import(&write_export(&store, "Everything", "2026-11-23")).unwrap_or_default();
        let shown = preview(&store, &incoming);
        assert_eq!(shown.count(Verdict::Clash), 0, "seed {seed}");
        for resolution in [Resolution::KeepBoth, Resolution::Replace] {
            let mut target = store.clone();
            let summary = apply(&mut target, incoming.clone(), resolution, fresh_ids());
            assert_eq!(target, store, "seed {seed}");
            assert_eq!(summary.added, 0);
        }
    }
}

/// Property: a selection's export brings exactly that selection into another browser.
#[test]
fn a_selection_exports_what_it_names() {
    for seed in 0..200 {
        let mut rng = Rng::new(1_000 + seed);
        let store = arbitrary::store(&mut rng);
        let Some(first) = store.assessments.first() else {
            continue;
        };
        for selection in [
            Selection::Assessment(first.id.clone()),
            Selection::School(school_key(&first.school)),
        ] {
            let part = select(&store, &selection);
            assert!(part.assessments.iter().any(|a| a.id == first.id));
            if let Selection::Assessment(id) = &selection {
                assert_eq!(part.assessments.len(), 1);
                assert!(part
                    .plans
                    .iter()
                    .all(|p| p.assessment_id.as_deref() == Some(id.as_str())));
            }
            let read = read_import(&write_export(&part, "Part", "2026-11-23")).unwrap();
            assert_eq!(read, part, "seed {seed}");
        }
    }
}

#[test]
fn a_clash_is_shown_then_settled_as_the_user_chooses() {
    let mut rng = Rng::new(7);
    let mut store = Store::default();
    let original = arbitrary::assessment(&mut rng, "a1".into());
    store.assessments.push(original.clone());
    let mut changed = original.clone();
    changed.assessors = "Someone else".into();
    let plan = arbitrary::intervention(&mut rng, "p1".into(), &changed.school, Some("a1".into()));
    let incoming = Store {
        assessments: vec![changed.clone()],
        plans: vec![plan],
        ..Store::default()
    };
    let shown = preview(&store, &incoming);
    assert_eq!(shown.count(Verdict::Clash), 1);
    assert_eq!(shown.count(Verdict::New), 1);
    assert!(shown
        .clashes()
        .next()
        .unwrap()
        .description
        .contains(&original.title()));

    let mut replaced = store.clone();
    let summary = apply(
        &mut replaced,
        incoming.clone(),
        Resolution::Replace,
        fresh_ids(),
    );
    assert_eq!(replaced.assessments, vec![changed.clone()]);
    assert_eq!((summary.replaced, summary.added), (1, 1));

    let mut both = store.clone();
    let summary = apply(&mut both, incoming, Resolution::KeepBoth, fresh_ids());
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
    let mut store = Store::default();
    store
        .workshops
        .push(arbitrary::workshop(&mut rng, "x1".into()));
    let incoming = Store {
        assessments: vec![arbitrary::assessment(&mut rng, "x1".into())],
        ..Store::default()
    };
    apply(&mut store, incoming, Resolution::KeepBoth, fresh_ids());
    assert_eq!(store.assessments[0].id, "fresh1");
    assert!(
        waypoint::domain::schema::read_store(&waypoint::domain::schema::write_store(&store))
            .is_ok()
    );
}

#[test]
fn files_that_are_not_exports_are_refused_with_a_reason() {
    let cases = [
        ("", "not valid JSON"),
        ("{\"format\":\"waypoint\"", "not valid JSON"),
        ("[1,2,3]", "not in Waypoint's format"),
        ("{\"format\":\"waypoint-responses\",\"schema\":1}", "not in Waypoint's format"),
        ("{\"format\":\"waypoint\",\"schema\":99,\"assessments\":[]}", "newer version"),
        ("{\"format\":\"waypoint\",\"schema\":4}", "holds no assessments"),
        (
            "{\"format\":\"waypoint\",\"schema\":4,\"assessments\":[{\"id\":\"a\",\"school\":\"Elm\"}]}",
            "assessment 1 (Elm): missing field",
        ),
        ("{\"format\":\"waypoint\",\"schema\":4,\"assessments\":{}}", "should be a list"),
    ];
    for (text, expected) in cases {
        let error = read_import(text).expect_err(text).to_string();
        assert!(error.contains(expected), "{text} → {error}");
    }
    // Deep nesting is refused by the parser, not by a stack overflow.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(read_import(&deep), Err(ReadError::NotJson(_))));
    let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
    assert!(read_import(&huge).unwrap_err().to_string().contains("MB"));
}

#[test]
fn csv_is_quoted_and_safe_for_spreadsheets() {
    let mut a = support::blank();
    a.school = "=HYPERLINK(\"http://x\")".into();
    a.set_note("stabilise-1", "line one\nline \"two\", three", 1.0);
    a.set_level(
        "stabilise-1",
        Some(waypoint::domain::assessment::Level::Clearly),
        1.0,
    );
    let text = answers_csv(std::slice::from_ref(&a));
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{text}");
    assert!(text.contains("\"line one\nline \"\"two\"\", three\""));
    assert_eq!(text.matches("\r\n").count(), 1 + 28);
    let results = results_csv(&[a]);
    assert_eq!(results.matches("\r\n").count(), 2);
    assert!(results.lines().next().unwrap().contains("Sustain fit %"));
}

/// Stabilise concerns travel with the exports: today's CSVs did not mention them.
#[test]
fn exports_carry_the_red_flags_and_the_cap() {
    use waypoint::domain::assessment::Level::*;
    let mut a = support::answered([NotSeen, NotSeen, Partly, Clearly]);
    a.set_level("stabilise-4", Some(Clearly), 5.0);
    a.set_level("stabilise-5", Some(Clearly), 5.0);
    let answers = answers_csv(std::slice::from_ref(&a));
    assert!(answers.lines().next().unwrap().ends_with(",Red flag"));
    assert_eq!(answers.matches("Stabilise concern seen").count(), 2);
    let results = results_csv(&[a]);
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
    assert!(row.contains(",Repair,"), "{row}");
    assert!(
        row.contains("Repair (⚑ 1 concern; capped from Sustain)"),
        "{row}"
    );
}

#[test]
fn export_file_names_are_plain() {
    assert_eq!(
        file_name("Oakfield Primary — Subject: Maths", "2026-11-23", "json"),
        "waypoint-oakfield-primary-subject-maths-2026-11-23.json"
    );
    assert_eq!(
        file_name("مدرسة", "2026-11-23", "csv"),
        "waypoint-export-2026-11-23.csv"
    );
}

#[test]
fn unexported_work_is_noticed_until_a_backup_is_newer() {
    let empty = Store::default();
    assert!(!empty.has_unexported_work(None));
    let mut rng = Rng::new(11);
    let mut store = Store::default();
    let mut a = arbitrary::assessment(&mut rng, "a1".into());
    a.updated_ms = 5_000.0;
    store.assessments.push(a);
    assert_eq!(store.last_change_ms(), Some(5_000.0));
    assert!(store.has_unexported_work(None));
    assert!(store.has_unexported_work(Some(4_000.0)));
    assert!(!store.has_unexported_work(Some(6_000.0)));
}
