//! Helpers shared by the native tests: building assessments answered a given way.
#![allow(dead_code)]

pub mod arbitrary;

use waypoint::domain::assessment::{Assessment, AssessmentDetails, Level, Scope};
use waypoint::domain::content::{four_stages, Stage};

pub fn blank() -> Assessment {
    Assessment::new(
        "a1".into(),
        AssessmentDetails {
            school: "Oakfield Primary".into(),
            scope: Scope::WholeSchool,
            date: "2026-11-23".into(),
            assessors: "J. Patel".into(),
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

/// The source document, which lives beside the repository (`../shared/seeds`) on the
/// team's machines and in CI; `None` in a clone elsewhere, where verbatim checks are skipped.
pub fn seed_text() -> Option<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seeds/003_22dad9f3d4c59bb1.txt"
    );
    let text = std::fs::read_to_string(path).ok();
    if text.is_none() {
        eprintln!("source document not found at {path}; verbatim check skipped");
    }
    text
}
