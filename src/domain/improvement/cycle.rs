//! The rest of a trust's improvement cycle in the source documents' own words: where a
//! diagnosis comes from, the order in which a trust commissions support, who can give
//! it, how impact is measured, what the board receives, the cadence a trust keeps, and
//! the inside-out rings.
//!
//! Everything quoted is kept verbatim in `content/trust_cycle.json` and checked against
//! the source documents by a test. The short names, the groupings, the default spacing of
//! the cadence and the mapping of features to rings are Waypoint's, and say so.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A quoted text with Waypoint's short name for it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Labelled {
    pub id: String,
    /// Waypoint's short name.
    pub label: String,
    /// The source's words.
    pub text: String,
}

/// One step of the source's order of commissioning, with the kind of intervention it is.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct OrderStep {
    pub kind: String,
    pub text: String,
}

/// Providers to offer, first for one kind of intervention.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Providers {
    pub kind: String,
    pub heading: String,
    pub names: Vec<String>,
}

/// A meeting or event of the cadence as Waypoint first sets it out.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct CadenceDefault {
    pub id: String,
    /// Waypoint's short name.
    pub title: String,
    /// The source document it comes from (the first three digits of its file name).
    pub source: String,
    /// The source's words.
    pub text: String,
    /// "weeks" or "months".
    pub unit: String,
    pub every: u32,
    /// Days after the start of the school year of the first one (Waypoint's default).
    pub offset_days: i64,
}

/// One ring of the inside-out model, from the centre out.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Ring {
    pub id: String,
    pub name: String,
    pub intro: String,
    pub points: Vec<String>,
}

/// The texts of the trust cycle.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TrustCycle {
    pub about: String,
    pub diagnosis: Vec<Labelled>,
    pub order: Vec<OrderStep>,
    pub order_why: String,
    pub order_giver: String,
    pub providers: Vec<Providers>,
    pub impact: Vec<Labelled>,
    pub impact_intro: String,
    pub board_summary: String,
    pub headteacher_report: String,
    pub dashboard: String,
    pub categorise: String,
    pub cadence: Vec<CadenceDefault>,
    pub rings: Vec<Ring>,
    /// How the source trust plans: from the centre outwards.
    pub inside_out: String,
    pub ring_rule: String,
    /// Ring id → the features placed in it (Waypoint's mapping).
    pub ring_features: BTreeMap<String, Vec<String>>,
    /// Theme id → the ring it is placed in (Waypoint's mapping).
    pub ring_themes: BTreeMap<String, String>,
}

const TRUST_CYCLE_JSON: &str = include_str!("../../../content/trust_cycle.json");

/// The embedded texts, parsed once.
pub fn trust_cycle() -> &'static TrustCycle {
    static CONTENT: OnceLock<TrustCycle> = OnceLock::new();
    CONTENT.get_or_init(|| {
        serde_json::from_str(TRUST_CYCLE_JSON).expect("content/trust_cycle.json is valid")
    })
}

/// Waypoint's short name of a diagnosis source, if the id is one.
pub fn diagnosis_label(id: &str) -> Option<&'static str> {
    trust_cycle()
        .diagnosis
        .iter()
        .find(|d| d.id == id)
        .map(|d| d.label.as_str())
}
