//! The inside-out view of one school: its concerns and priorities grouped by the five
//! rings of the source's model, from powerful learning at the centre out to the wider
//! system. The rings and their words are the source's; which ring a feature or a theme
//! belongs to is Waypoint's mapping (`ring_features` and `ring_themes` in
//! `content/trust_cycle.json`), and the page says so.

use crate::domain::base::dates::Day;
use crate::domain::base::content::Framework;
use crate::domain::checklist::assessment::Level;
use crate::domain::checklist::placement::{assess, next_steps};
use crate::domain::improvement::cycle::{trust_cycle, Ring};
use crate::domain::improvement::TrustRecords;

/// What one item in a ring is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// A Stabilise concern seen: a red flag.
    Concern,
    /// A feature of the school's stage not yet clearly seen.
    NextStep,
    /// An open intervention whose area of need maps to the ring.
    Intervention,
}

impl ItemKind {
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Concern => "Concern",
            ItemKind::NextStep => "Priority",
            ItemKind::Intervention => "Intervention",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            ItemKind::Concern => "concern",
            ItemKind::NextStep => "priority",
            ItemKind::Intervention => "intervention",
        }
    }
}

/// One ring with the school's items in it.
#[derive(Clone, Debug, PartialEq)]
pub struct RingView {
    pub ring: &'static Ring,
    pub items: Vec<(ItemKind, String)>,
}

/// A school seen from the inside out.
#[derive(Clone, Debug, PartialEq)]
pub struct InsideOut {
    pub rings: Vec<RingView>,
    /// Open interventions whose area of need is not one of Waypoint's themes or a ring.
    pub unplaced: Vec<String>,
    /// The date of the assessment the concerns and priorities come from.
    pub assessed_on: Option<String>,
}

/// The ring a feature is placed in (Waypoint's mapping).
pub fn ring_of_feature(feature_id: &str) -> Option<&'static str> {
    trust_cycle()
        .ring_features
        .iter()
        .find(|(_, features)| features.iter().any(|f| f == feature_id))
        .map(|(ring, _)| ring.as_str())
}

/// The ring an area of need is placed in: a theme's ring (by the theme's name), or a
/// ring named in it.
pub fn ring_of_focus(framework: &Framework, focus: &str) -> Option<&'static str> {
    let focus = focus.trim().to_lowercase();
    if focus.is_empty() {
        return None;
    }
    let content = trust_cycle();
    if let Some(theme) = framework
        .themes
        .iter()
        .find(|t| t.name.to_lowercase() == focus)
    {
        return content.ring_themes.get(&theme.id).map(String::as_str);
    }
    content
        .rings
        .iter()
        .find(|r| r.name.to_lowercase().contains(&focus))
        .map(|r| r.id.as_str())
}

/// The school's concerns and priorities, ring by ring from the centre out: the red flags
/// and not-yet-seen features of its latest whole-school assessment (or latest of any
/// scope), and its open interventions.
pub fn inside_out(
    framework: &Framework,
    store: &impl TrustRecords,
    school_id: &str,
    today: &str,
) -> InsideOut {
    let content = trust_cycle();
    let mut rings: Vec<RingView> = content
        .rings
        .iter()
        .map(|ring| RingView {
            ring,
            items: Vec::new(),
        })
        .collect();
    let mut put = |ring: Option<&str>, kind: ItemKind, text: String| -> bool {
        match rings.iter_mut().find(|r| Some(r.ring.id.as_str()) == ring) {
            Some(view) => {
                view.items.push((kind, text));
                true
            }
            None => false,
        }
    };
    let row = store
        .school(school_id)
        .map(|s| crate::domain::improvement::overview::school_row(framework, store, s, today));
    let assessment = row
        .as_ref()
        .and_then(|r| r.assessment_id.as_deref())
        .and_then(|id| store.assessment(id));
    if let Some(a) = assessment {
        let result = assess(framework, a);
        let steps = next_steps(framework, a, result.overall.fitted);
        for step in &steps.concerns {
            let how = if step.level == Some(Level::Clearly) {
                "clearly seen"
            } else {
                "partly seen"
            };
            put(
                ring_of_feature(&step.feature.id),
                ItemKind::Concern,
                format!("{} ({how})", step.feature.text),
            );
        }
        for step in &steps.not_yet_seen {
            put(
                ring_of_feature(&step.feature.id),
                ItemKind::NextStep,
                format!("{} (not yet clearly seen)", step.feature.text),
            );
        }
    }
    let mut unplaced = Vec::new();
    for plan in store.plans_of(school_id).filter(|p| p.status.is_open()) {
        let text = if plan.focus.is_empty() {
            plan.target.clone()
        } else {
            format!("{} ({})", plan.target, plan.focus)
        };
        if !put(
            ring_of_focus(framework, &plan.focus),
            ItemKind::Intervention,
            text.clone(),
        ) {
            unplaced.push(text);
        }
    }
    InsideOut {
        rings,
        unplaced,
        assessed_on: assessment.and_then(|a| a.date).map(Day::iso),
    }
}
