//! Files that leave and enter the browser: a JSON export of one assessment, a school or
//! everything (the stored format, so an import gives back exactly what was exported),
//! the import that merges such a file without overwriting anything silently, and CSV
//! for spreadsheets.

use serde_json::Value;

use super::aas::Workshop;
use super::assessment::{Assessment, Level};
use super::content::{four_stages, Stage};
use super::placement::assess;
use super::plan::Intervention;
use super::responses::Resolution;
use super::schema::{read_store, Document, ReadError};
use super::store::Store;
use super::teams::school_key;
use super::trajectory::Trajectory;

/// The largest file an import reads; a 200-school trust export is about 2 MB.
pub const MAX_IMPORT_BYTES: usize = 20_000_000;

/// What to export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// One assessment and the interventions commissioned from it.
    Assessment(String),
    /// A school (by its key): its assessments, trajectory and interventions.
    School(String),
    /// Everything saved in this browser.
    Everything,
}

/// The part of the store a selection covers.
pub fn select(store: &Store, selection: &Selection) -> Store {
    match selection {
        Selection::Everything => store.clone(),
        Selection::Assessment(id) => Store {
            assessments: store.get(id).cloned().into_iter().collect(),
            plans: store.plans_from(id).cloned().collect(),
            ..Store::default()
        },
        Selection::School(key) => Store {
            assessments: store.assessments_of(key).cloned().collect(),
            trajectories: store.trajectory_of(key).cloned().into_iter().collect(),
            plans: store.plans_of(key).cloned().collect(),
            ..Store::default()
        },
    }
}

/// Writes an export: the stored format, with a line saying what it holds and when.
pub fn write_export(store: &Store, contents: &str, exported_on: &str) -> String {
    let document = Document::new(store).exported(contents, exported_on);
    let compact = serde_json::to_string(&document).expect("the store always serialises");
    // Laid out for people who open the file, by way of a generic value: exports are rare,
    // and this keeps one serialiser of the store's types in the app instead of two.
    match serde_json::from_str::<Value>(&compact) {
        Ok(value) => serde_json::to_string_pretty(&value).unwrap_or(compact),
        Err(_) => compact,
    }
}

/// A file name from a title and a date: lower case, ASCII, hyphens.
pub fn file_name(title: &str, date: &str, extension: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "export" } else { slug };
    format!("waypoint-{slug}-{date}.{extension}")
}

/// Reads a file offered for import (any earlier version is migrated).
pub fn read_import(text: &str) -> Result<Store, ReadError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ReadError::Invalid(format!(
            "the file is {:.1} MB; Waypoint imports files of up to {} MB",
            text.len() as f64 / 1e6,
            MAX_IMPORT_BYTES / 1_000_000
        )));
    }
    let store = read_store(text)?;
    if store == Store::default() && !mentions_any_list(text) {
        return Err(ReadError::Invalid(
            "it holds no assessments, workshops, trajectories or plans".into(),
        ));
    }
    Ok(store)
}

fn mentions_any_list(text: &str) -> bool {
    serde_json::from_str::<Value>(text).is_ok_and(|v| {
        ["assessments", "workshops", "trajectories", "plans"]
            .iter()
            .any(|k| v.get(k).is_some())
    })
}

/// How an incoming item relates to what is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    New,
    /// Exactly the same as what is stored: skipped.
    Same,
    /// The same item, changed: the user chooses.
    Clash,
}

/// One item of an import file, described for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncomingItem {
    pub description: String,
    pub verdict: Verdict,
}

/// What an import would do, before anything is changed.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Preview {
    pub items: Vec<IncomingItem>,
}

impl Preview {
    pub fn count(&self, verdict: Verdict) -> usize {
        self.items.iter().filter(|i| i.verdict == verdict).count()
    }

    pub fn clashes(&self) -> impl Iterator<Item = &IncomingItem> {
        self.items.iter().filter(|i| i.verdict == Verdict::Clash)
    }
}

fn verdict<T: PartialEq>(existing: Option<&T>, incoming: &T) -> Verdict {
    match existing {
        None => Verdict::New,
        Some(e) if e == incoming => Verdict::Same,
        Some(_) => Verdict::Clash,
    }
}

fn describe_assessment(a: &Assessment) -> String {
    format!("Assessment “{}”, {}", a.title(), a.date)
}

fn describe_workshop(w: &Workshop) -> String {
    format!("Workshop “{}”, {}", w.title(), w.date)
}

fn describe_trajectory(t: &Trajectory) -> String {
    format!("Performance trajectory of {}", t.school)
}

fn describe_plan(p: &Intervention) -> String {
    format!("Intervention “{}” at {}", p.target, p.school)
}

/// Compares an import with the store: what is new, the same, or clashes.
pub fn preview(store: &Store, incoming: &Store) -> Preview {
    let mut items = Vec::new();
    for a in &incoming.assessments {
        items.push(IncomingItem {
            description: describe_assessment(a),
            verdict: verdict(store.get(&a.id), a),
        });
    }
    for w in &incoming.workshops {
        items.push(IncomingItem {
            description: describe_workshop(w),
            verdict: verdict(store.workshop(&w.id), w),
        });
    }
    for t in &incoming.trajectories {
        items.push(IncomingItem {
            description: describe_trajectory(t),
            verdict: verdict(store.trajectory_of(&school_key(&t.school)), t),
        });
    }
    for p in &incoming.plans {
        items.push(IncomingItem {
            description: describe_plan(p),
            verdict: verdict(store.plan(&p.id), p),
        });
    }
    Preview { items }
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub added: usize,
    pub replaced: usize,
    pub kept_both: usize,
    /// Identical items, and trajectories kept as they were in this browser.
    pub unchanged: usize,
}

impl Summary {
    /// Counts an item added: kept beside a clashing copy, or simply new.
    fn count_added(&mut self, verdict: Verdict) {
        if verdict == Verdict::Clash {
            self.kept_both += 1;
        } else {
            self.added += 1;
        }
    }

    pub fn message(&self) -> String {
        let mut parts = vec![format!("{} added", self.added)];
        if self.replaced > 0 {
            parts.push(format!("{} replaced", self.replaced));
        }
        if self.kept_both > 0 {
            parts.push(format!(
                "{} kept beside this browser's copy",
                self.kept_both
            ));
        }
        if self.unchanged > 0 {
            parts.push(format!("{} already here and unchanged", self.unchanged));
        }
        parts.join(", ")
    }
}

/// Merges an import into the store. Identical items are skipped; a clash is settled by
/// `resolution` (a trajectory, one per school, is kept as it is under "keep both").
/// New ids come from `fresh_id` wherever an id is already taken.
pub fn apply(
    store: &mut Store,
    incoming: Store,
    resolution: Resolution,
    mut fresh_id: impl FnMut() -> String,
) -> Summary {
    let mut summary = Summary::default();
    let mut unique_id = |store: &Store, id: &str| -> String {
        if store.has_id(id) {
            loop {
                let candidate = fresh_id();
                if !store.has_id(&candidate) {
                    return candidate;
                }
            }
        } else {
            id.to_string()
        }
    };
    let mut plans = incoming.plans;

    let mut added_assessments = 0;
    for mut a in incoming.assessments {
        match verdict(store.get(&a.id), &a) {
            Verdict::Same => summary.unchanged += 1,
            Verdict::Clash if resolution == Resolution::Replace => {
                if let Some(slot) = store.get_mut(&a.id) {
                    *slot = a;
                }
                summary.replaced += 1;
            }
            verdict => {
                let id = unique_id(store, &a.id);
                for plan in plans.iter_mut() {
                    if plan.assessment_id.as_deref() == Some(a.id.as_str()) {
                        plan.assessment_id = Some(id.clone());
                    }
                }
                a.id = id;
                store.assessments.insert(added_assessments, a);
                added_assessments += 1;
                summary.count_added(verdict);
            }
        }
    }

    let mut added_workshops = 0;
    for mut w in incoming.workshops {
        match verdict(store.workshop(&w.id), &w) {
            Verdict::Same => summary.unchanged += 1,
            Verdict::Clash if resolution == Resolution::Replace => {
                if let Some(slot) = store.workshop_mut(&w.id) {
                    *slot = w;
                }
                summary.replaced += 1;
            }
            verdict => {
                w.id = unique_id(store, &w.id);
                store.workshops.insert(added_workshops, w);
                added_workshops += 1;
                summary.count_added(verdict);
            }
        }
    }

    for mut t in incoming.trajectories {
        let key = school_key(&t.school);
        match verdict(store.trajectory_of(&key), &t) {
            Verdict::Same => summary.unchanged += 1,
            Verdict::Clash if resolution == Resolution::Replace => {
                let existing_id = store.trajectory_of(&key).map(|e| e.id.clone());
                if let Some(existing_id) = existing_id {
                    store.trajectories.retain(|e| e.id != existing_id);
                }
                t.id = unique_id(store, &t.id);
                store.trajectories.push(t);
                summary.replaced += 1;
            }
            Verdict::Clash => summary.unchanged += 1,
            Verdict::New => {
                t.id = unique_id(store, &t.id);
                store.trajectories.push(t);
                summary.added += 1;
            }
        }
    }

    for mut p in plans {
        match verdict(store.plan(&p.id), &p) {
            Verdict::Same => summary.unchanged += 1,
            Verdict::Clash if resolution == Resolution::Replace => {
                if let Some(slot) = store.plan_mut(&p.id) {
                    *slot = p;
                }
                summary.replaced += 1;
            }
            verdict => {
                p.id = unique_id(store, &p.id);
                store.plans.push(p);
                summary.count_added(verdict);
            }
        }
    }
    summary
}

/// Quotes a CSV field, and defuses text a spreadsheet would run as a formula.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn csv(rows: Vec<Vec<String>>) -> String {
    // A byte-order mark so that spreadsheets read the UTF-8 (curly quotes, names) right.
    let mut out = String::from("\u{feff}");
    for row in rows {
        let line: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn stage_name(stage: Option<Stage>) -> String {
    stage.map(|s| s.name().to_string()).unwrap_or_default()
}

/// One row per assessment and feature: the answer and its evidence note.
pub fn answers_csv(assessments: &[Assessment]) -> String {
    let framework = four_stages();
    let mut rows = vec![[
        "School",
        "Scope",
        "Date",
        "Assessors",
        "Stage",
        "Feature id",
        "Observable feature",
        "Themes",
        "Answer",
        "Evidence note",
        "Red flag",
    ]
    .map(String::from)
    .to_vec()];
    for a in assessments {
        for f in &framework.features {
            let answer = a.answer(&f.id);
            let themes: Vec<&str> = f
                .themes
                .iter()
                .filter_map(|t| framework.theme(t).map(|t| t.name.as_str()))
                .collect();
            rows.push(vec![
                a.school.clone(),
                a.scope.describe(),
                a.date.clone(),
                a.assessors.clone(),
                f.stage.name().to_string(),
                f.id.clone(),
                f.text.clone(),
                themes.join("; "),
                answer
                    .and_then(|x| x.level)
                    .map(|l| l.label().to_string())
                    .unwrap_or_default(),
                answer.map(|x| x.note.clone()).unwrap_or_default(),
                if f.stage == Stage::Stabilise
                    && matches!(
                        answer.and_then(|x| x.level),
                        Some(Level::Clearly | Level::Partly)
                    )
                {
                    "Stabilise concern seen"
                } else {
                    ""
                }
                .to_string(),
            ]);
        }
    }
    csv(rows)
}

/// One row per assessment: the best fit, each stage's fit and each theme's stage.
pub fn results_csv(assessments: &[Assessment]) -> String {
    let framework = four_stages();
    let mut header: Vec<String> = [
        "School",
        "Scope",
        "Date",
        "Assessors",
        "Answered",
        "Best-fit stage",
        "Tentative",
        "Red flags: Stabilise concerns seen",
        "Stage the answers fit before the cap",
    ]
    .map(String::from)
    .to_vec();
    header.extend(Stage::ALL.iter().map(|s| format!("{} fit %", s.name())));
    header.extend(framework.themes.iter().map(|t| format!("{} stage", t.name)));
    let mut rows = vec![header];
    for a in assessments {
        let result = assess(framework, a);
        let mut row = vec![
            a.school.clone(),
            a.scope.describe(),
            a.date.clone(),
            a.assessors.clone(),
            format!("{} of {}", result.overall.answered, result.overall.total),
            stage_name(result.overall.stage),
            if result.overall.is_tentative() {
                "yes"
            } else {
                "no"
            }
            .to_string(),
            result
                .overall
                .red_flags
                .iter()
                .map(|f| f.message())
                .collect::<Vec<_>>()
                .join("; "),
            if result.overall.is_capped() {
                stage_name(result.overall.fitted)
            } else {
                String::new()
            },
        ];
        row.extend(Stage::ALL.iter().map(|s| {
            result
                .overall
                .fit_of(*s)
                .fit()
                .map(|f| format!("{:.0}", f * 100.0))
                .unwrap_or_default()
        }));
        row.extend(result.themes.iter().map(|t| {
            let mut cell = stage_name(t.placement.stage);
            if let Some(note) = t.placement.flag_note() {
                cell.push_str(&format!(" ({note})"));
            }
            cell
        }));
        rows.push(row);
    }
    csv(rows)
}
