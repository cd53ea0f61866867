//! The pure domain: no browser APIs, so all of it is tested natively with `cargo test`.

pub mod aas;
pub mod assessment;
pub mod content;
pub mod placement;
pub mod responses;
pub mod schema;
pub mod store;
pub mod teams;
pub mod text;
pub mod trajectory;
