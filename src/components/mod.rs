//! Reusable pieces of the pages, one component per file.
//! Arranged by the same areas as the domain.

pub mod checklist;
pub mod improvement;
pub mod records;
pub mod ui;
pub mod workshop;
