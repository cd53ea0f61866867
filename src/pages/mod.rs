//! One page per file; pages compose components and read the shared state.

pub mod assessment;
pub mod glossary;
pub mod home;
pub mod new_assessment;
pub mod new_workshop;
pub mod not_found;
pub mod reassess;
pub mod report;
pub mod school;
pub mod shared;
pub mod trust;
pub mod workshop;
pub mod workshop_results;
