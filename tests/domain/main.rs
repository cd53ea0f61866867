//! Waypoint's native tests: one test binary (one link step after a domain edit), a module
//! per area of the domain or per concern. `cargo test --test domain NAME` runs one.
#![cfg(not(target_arch = "wasm32"))]

mod support;

mod aas;
mod accountability;
mod calendar;
mod changes;
mod content;
mod day;
mod edit;
mod enums;
mod exchange;
mod fuzz;
mod hostile;
mod join;
mod layering;
mod layout;
mod meeting;
mod newer;
mod placement;
mod placement_rule;
mod plans;
mod reading;
mod roster;
mod schema;
mod share;
mod shrinking;
mod stored_dates;
mod tabs;
mod teams;
mod terms;
mod trajectory;
mod trust;
mod trust_cycle;
