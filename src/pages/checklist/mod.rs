//! The school's checklist: answering, results, teams and a school's history.

pub mod assessment;
pub mod home;
pub mod new_assessment;
pub mod reassess;
pub mod report;
pub mod school;
pub mod shared;
