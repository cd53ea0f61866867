//! The pure domain: no browser APIs, so all of it is tested natively with `cargo test`.

pub mod aas;
pub mod assessment;
pub mod changes;
pub mod content;
pub mod dates;
pub mod edit;
pub mod exchange;
pub mod glossary;
pub mod ids;
pub mod join;
pub mod layout;
pub mod listing;
pub mod order;
pub mod placement;
pub mod plan;
pub mod responses;
pub mod schema;
pub mod school;
pub mod share;
pub mod store;
pub mod tally;
pub mod teams;
pub mod text;
pub mod trajectory;
pub mod trust;
pub mod workshop_compare;
