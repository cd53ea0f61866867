//! Waypoint: a browser-only self-assessment of a school's improvement journey.
//!
//! `domain` is pure Rust (framework content, answers, stage placement, stored schema)
//! and is tested natively. Everything else is the browser app: it is compiled only
//! for `wasm32` so that host builds and tests stay fast.

pub mod domain;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod charts;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod join_link;
#[cfg(target_arch = "wasm32")]
pub mod member_app;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod qr;
#[cfg(target_arch = "wasm32")]
pub mod share_link;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod storage;
