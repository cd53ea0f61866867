//! Waypoint: a browser-only self-assessment of a school's improvement journey.
//!
//! `domain` is pure Rust (framework content, answers, stage placement, stored schema)
//! and is tested natively. Everything else is the browser app: it is compiled only
//! for `wasm32` so that host builds and tests stay fast.

/// Modules public for the tests in tests/, and crate-private when the library is built
/// with `--cfg waypoint_dead_code` (`scripts/dead-code.sh`): then only the two entries
/// are public, and the compiler reports whatever the app itself never uses.
macro_rules! tested_modules {
    ($($(#[$attr:meta])* $name:ident;)*) => {$(
        $(#[$attr])*
        #[cfg(not(waypoint_dead_code))]
        pub mod $name;
        $(#[$attr])*
        #[cfg(waypoint_dead_code)]
        pub(crate) mod $name;
    )*};
}

tested_modules! {
    domain;
    route;
    #[cfg(target_arch = "wasm32")]
    browser;
    #[cfg(target_arch = "wasm32")]
    charts;
    #[cfg(target_arch = "wasm32")]
    components;
    #[cfg(target_arch = "wasm32")]
    join_link;
    #[cfg(target_arch = "wasm32")]
    pages;
    #[cfg(target_arch = "wasm32")]
    qr;
    #[cfg(target_arch = "wasm32")]
    share_link;
    #[cfg(target_arch = "wasm32")]
    state;
    #[cfg(target_arch = "wasm32")]
    storage;
}

/// The whole app's entry.
#[cfg(target_arch = "wasm32")]
pub mod app;
/// A board member's small app's entry.
#[cfg(target_arch = "wasm32")]
pub mod member_app;
