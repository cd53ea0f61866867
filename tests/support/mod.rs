//! Helpers shared by the native tests: building assessments answered a given way.
#![allow(dead_code)]

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
