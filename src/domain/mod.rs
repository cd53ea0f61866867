//! The pure domain: no browser APIs, so all of it is tested natively with `cargo test`.
//!
//! Arranged by what the product is about, each area a folder. An area uses only the
//! areas listed before it, never one after, so there is no import circle between them:
//!
//! 1. [`base`]: ids, dates, text limits, sorting, schools and trusts, the framework
//!    texts, the glossary, and the plain documents the papers are written as;
//! 2. [`checklist`]: the school's checklist — answers, stage placement, changes since
//!    the last assessment, teams, the list of schools;
//! 3. [`workshop`]: the board's Autonomy–Alignment–Standardisation workshop — the
//!    tool, members' join and answer links, their answers, the tally, comparisons;
//! 4. [`improvement`]: the trust's improvement cycle — plans, categorisation, the
//!    calendar, accountability and board papers, trajectories, the trust overview;
//! 5. [`records`]: what is kept and exchanged — the store, the edits applied to it,
//!    its stored layout, schema versions and migrations, files and share links.
//!
//! `cargo test --test domain layering` checks the order from the sources.

pub mod base;
pub mod checklist;
pub mod improvement;
pub mod records;
pub mod workshop;
