//! The same trust's workshops side by side: this year's positions against last year's,
//! practice by practice. Workshops are matched by the trust's record, never by its name.

use crate::domain::workshop::aas::{workshop_results, AasFramework, Workshop, WorkshopResults};
use crate::domain::workshop::WorkshopRecords;

/// One practice in two workshops: mean positions then and now (0–4).
#[derive(Clone, Debug, PartialEq)]
pub struct PracticeChange {
    pub practice_id: String,
    pub text: String,
    pub area_id: String,
    pub area: String,
    pub earlier_now: Option<f64>,
    pub earlier_desired: Option<f64>,
    pub now: Option<f64>,
    pub desired: Option<f64>,
}

impl PracticeChange {
    /// How far the mean "now" moved, towards standardisation when positive.
    pub fn moved(&self) -> Option<f64> {
        Some(self.now? - self.earlier_now?)
    }
}

/// The trust's other workshops that can be compared with this one (not members' copies,
/// not this one), the latest first.
pub fn comparable<'a>(store: &'a impl WorkshopRecords, workshop: &Workshop) -> Vec<&'a Workshop> {
    let mut others: Vec<&Workshop> = store
        .workshops()
        .iter()
        .filter(|w| w.trust_id == workshop.trust_id)
        .filter(|w| w.id != workshop.id && w.joined_from.is_none())
        .collect();
    crate::domain::base::order::sort_by(&mut others, |a, b| b.date.cmp(&a.date));
    others
}

/// Every practice answered in either workshop, in the tool's order: this workshop's
/// results (already worked out for its page) against an earlier workshop.
pub fn compare(
    framework: &AasFramework,
    now: &WorkshopResults,
    earlier: &Workshop,
) -> Vec<PracticeChange> {
    let then = workshop_results(framework, earlier);
    now.practices
        .iter()
        .zip(&then.practices)
        .filter(|(a, b)| {
            [a.mean_now, a.mean_desired, b.mean_now, b.mean_desired]
                .iter()
                .any(Option::is_some)
        })
        .map(|(a, b)| PracticeChange {
            practice_id: a.practice_id.clone(),
            text: a.text.clone(),
            area_id: a.area_id.clone(),
            area: framework
                .areas
                .iter()
                .find(|area| area.id == a.area_id)
                .map_or_else(String::new, |area| area.name.clone()),
            earlier_now: b.mean_now,
            earlier_desired: b.mean_desired,
            now: a.mean_now,
            desired: a.mean_desired,
        })
        .collect()
}

/// One area in two workshops: mean positions then and now (0–4), over the practices
/// answered in either.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaChange {
    pub area_id: String,
    pub name: String,
    pub earlier_now: Option<f64>,
    pub earlier_desired: Option<f64>,
    pub now: Option<f64>,
    pub desired: Option<f64>,
    /// How many practices of the area were answered in either workshop.
    pub practices: usize,
}

impl AreaChange {
    /// How far the mean "now" moved, towards standardisation when positive.
    pub fn moved(&self) -> Option<f64> {
        Some(self.now? - self.earlier_now?)
    }
}

/// The comparison area by area first: each area answered in either workshop, in
/// Carter's order, from the same practices as the row-by-row comparison.
pub fn compare_areas(changes: &[PracticeChange], framework: &AasFramework) -> Vec<AreaChange> {
    fn mean(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
        let (sum, n) = values
            .flatten()
            .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
        (n > 0).then(|| sum / n as f64)
    }
    framework
        .areas
        .iter()
        .filter_map(|area| {
            let of_area: Vec<&PracticeChange> =
                changes.iter().filter(|c| c.area_id == area.id).collect();
            (!of_area.is_empty()).then(|| AreaChange {
                area_id: area.id.clone(),
                name: area.name.clone(),
                earlier_now: mean(of_area.iter().map(|c| c.earlier_now)),
                earlier_desired: mean(of_area.iter().map(|c| c.earlier_desired)),
                now: mean(of_area.iter().map(|c| c.now)),
                desired: mean(of_area.iter().map(|c| c.desired)),
                practices: of_area.len(),
            })
        })
        .collect()
}

/// Words for a move of the mean "now": "no change", "0.5 towards standardisation".
pub fn moved_words(moved: Option<f64>) -> String {
    match moved {
        None => "–".into(),
        Some(m) if m.abs() < 0.05 => "no change".into(),
        Some(m) if m > 0.0 => format!("{m:.1} towards standardisation"),
        Some(m) => format!("{:.1} towards autonomy", -m),
    }
}
