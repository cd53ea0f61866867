//! One page per file; pages compose components and read the shared state.

pub mod answer;
pub mod answers_link;
pub mod assessment;
pub mod board;
pub mod calendar;
pub mod dashboard;
pub mod glossary;
pub mod home;
pub mod join;
pub mod new_assessment;
pub mod new_workshop;
pub mod not_found;
pub mod reassess;
pub mod report;
pub mod school;
pub mod send_answers;
pub mod shared;
pub mod trust;
pub mod workshop;
pub mod workshop_grid;
pub mod workshop_join;
pub mod workshop_present;
pub mod workshop_results;
