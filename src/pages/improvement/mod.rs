//! The trust's improvement cycle: plans, categories, impact and reports.

pub mod board;
pub mod calendar;
pub mod dashboard;
pub mod trust;
