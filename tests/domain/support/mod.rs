//! Helpers shared by the native tests: building assessments answered a given way.
#![allow(dead_code)]

pub mod arbitrary;

use waypoint::domain::base::content::{four_stages, Stage};
use waypoint::domain::checklist::assessment::{Assessment, AssessmentDetails, Level, Scope};
use waypoint::domain::records::edits::RecordsEdit;

/// The school of [`blank`] and [`answered`], and a store that holds it.
pub const SCHOOL_ID: &str = "s1";

pub fn school_store() -> waypoint::domain::records::store::Store {
    waypoint::domain::records::store::Store {
        schools: vec![waypoint::domain::base::school::School::new(
            SCHOOL_ID.into(),
            "Oakfield Primary",
            500.0,
        )],
        ..Default::default()
    }
}

/// Ids for items whose own id is taken: "fresh1", "fresh2", …
pub fn fresh_ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("fresh{n}")
    }
}

/// Imports a file's store as the app does when the user has no schools to match by hand:
/// draft, settle clashes with `resolution`, apply as one edit. Returns what it did.
pub fn import(
    store: &mut waypoint::domain::records::store::Store,
    incoming: waypoint::domain::records::store::Store,
    resolution: waypoint::domain::workshop::responses::Resolution,
) -> waypoint::domain::records::exchange::Summary {
    use waypoint::domain::records::exchange::{draft_import, finish_import};
    let draft = draft_import(store, incoming);
    let (items, summary) = finish_import(store, draft, &[], resolution, fresh_ids());
    store
        .apply(
            &waypoint::domain::records::edits::Edit::Records(RecordsEdit::Import(Box::new(items))),
            9_000.0,
        )
        .expect("an import always applies");
    summary
}

pub fn blank() -> Assessment {
    Assessment::new(
        "a1".into(),
        SCHOOL_ID.into(),
        AssessmentDetails {
            school: "Oakfield Primary".into(),
            scope: Scope::WholeSchool,
            date: "2026-11-23".into(),
            assessors: "J. Patel".into(),
            phase: None,
        },
        1_000.0,
    )
}

/// Answers every feature of each stage with the level given for that stage.
pub fn answered(levels: [Level; 4]) -> Assessment {
    let mut assessment = blank();
    for feature in &four_stages().features {
        assessment.set_level(&feature.id, Some(levels[feature.stage.index()]), 2_000.0);
    }
    assessment
}

/// Answers the features of one stage only.
pub fn answer_stage(assessment: &mut Assessment, stage: Stage, level: Level) {
    for feature in four_stages().features_of_stage(stage) {
        assessment.set_level(&feature.id, Some(level), 3_000.0);
    }
}

/// The core source document (Carter's), see [`source_document`].
pub fn seed_text() -> Option<String> {
    source_document("003_22dad9f3d4c59bb1.txt")
}

/// A source document, which lives beside the repository (`../shared/seeds`) on the
/// team's machines and in CI. When it is missing, the checks against it cannot run: in
/// CI (where `CI` is set, e.g. `CI=true`) that fails the test; elsewhere the test says,
/// on the terminal and not only in captured output, that its comparison was skipped.
pub fn source_document(file: &str) -> Option<String> {
    let path = format!("{}/../shared/seeds/{file}", env!("CARGO_MANIFEST_DIR"));
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => match missing_document(&path, std::env::var("CI").ok().as_deref()) {
            Err(failure) => panic!("{failure}"),
            Ok(notice) => {
                use std::io::Write;
                let test = std::thread::current()
                    .name()
                    .unwrap_or("a test")
                    .to_string();
                // Written straight to stderr: the test harness captures `eprintln!`.
                let _ = writeln!(std::io::stderr(), "{test}: {notice}");
                None
            }
        },
    }
}

/// What a missing source document means: an error in CI, a notice elsewhere.
pub fn missing_document(path: &str, ci: Option<&str>) -> Result<String, String> {
    let in_ci = ci.is_some_and(|v| !matches!(v.trim(), "" | "0" | "false"));
    if in_ci {
        Err(format!(
            "the source document {path} is missing, and CI is set: the texts must be compared with the source documents in CI, not skipped"
        ))
    } else {
        Ok(format!(
            "SKIPPED the comparison with the source document: {path} was not found (CI is not set, so this is not a failure)"
        ))
    }
}

/// A date written in a test ("2026-11-23"); a test's date is always real.
pub fn day(text: &str) -> waypoint::domain::base::dates::Day {
    waypoint::domain::base::dates::Day::parse(text).expect("a test's date is real")
}

/// The workshop most tests start from: "w1" of trust "t1", held on 23 Nov 2026, nobody in it.
pub fn workshop_w1() -> waypoint::domain::workshop::aas::Workshop {
    waypoint::domain::workshop::aas::Workshop::new(
        "w1".into(),
        "t1",
        "",
        Some(day("2026-11-23")),
        1.0,
    )
}
