//! Files that leave and enter the browser: a JSON export of one assessment, a school or
//! everything (the stored format, so an import gives back exactly what was exported),
//! the import that merges such a file without overwriting anything silently, and CSV
//! for spreadsheets.

pub use crate::domain::base::csv::csv;
use crate::domain::base::dates::Day;
use crate::domain::checklist::SchoolRecords;
use crate::domain::improvement::TrustRecords;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

use crate::domain::base::content::{four_stages, Stage};
use crate::domain::base::school::{match_name, NameMatch, School, Trust};
use crate::domain::checklist::assessment::{Assessment, Level};
use crate::domain::checklist::placement::assess;
use crate::domain::improvement::plans::Intervention;
use crate::domain::improvement::trajectory::Trajectory;
use crate::domain::records::limits::check_import;
use crate::domain::records::schema::{Document, DocumentReader, ReadError};
use crate::domain::records::store::Store;
use crate::domain::workshop::aas::Workshop;
use crate::domain::workshop::responses::Resolution;

/// The largest file an import reads; a 200-school trust export is about 2 MB.
pub const MAX_IMPORT_BYTES: usize = 20_000_000;

/// What to export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// One assessment, its school and the school's intervention plan.
    Assessment(String),
    /// A school (by its id): its assessments, trajectory and interventions.
    School(String),
    /// Everything saved in this browser.
    Everything,
}

/// The part of the store a selection covers (with the school and trust records its
/// items refer to, so the file stands on its own).
pub fn select(store: &Store, selection: &Selection) -> Store {
    let mut part = match selection {
        Selection::Everything => Store {
            schools: store.schools.clone(),
            trusts: store.trusts.clone(),
            assessments: store.assessments.clone(),
            workshops: store.workshops.clone(),
            trajectories: store.trajectories.clone(),
            plans: store.plans.clone(),
            categorisations: store.categorisations.clone(),
            calendars: store.calendars.clone(),
            ..Store::default()
        },
        Selection::Assessment(id) => Store {
            assessments: store.get(id).cloned().into_iter().collect(),
            plans: store
                .get(id)
                .map(|a| store.plans_of(&a.school_id).cloned().collect())
                .unwrap_or_default(),
            ..Store::default()
        },
        Selection::School(school) => Store {
            assessments: store.assessments_of(school).cloned().collect(),
            trajectories: store.trajectory_of(school).cloned().into_iter().collect(),
            plans: store.plans_of(school).cloned().collect(),
            categorisations: store
                .categorisations
                .iter()
                .filter(|c| &c.school_id == school)
                .cloned()
                .collect(),
            ..Store::default()
        },
    };
    if *selection != Selection::Everything {
        let mut schools: Vec<&str> = part
            .assessments
            .iter()
            .map(|a| a.school_id.as_str())
            .chain(part.trajectories.iter().map(|t| t.school_id.as_str()))
            .chain(part.plans.iter().map(|p| p.school_id.as_str()))
            .collect();
        if let Selection::School(id) = selection {
            schools.push(id);
        }
        part.schools = store
            .schools
            .iter()
            .filter(|s| schools.contains(&s.id.as_str()))
            .cloned()
            .collect();
    }
    part
}

/// The ids of everything a selection holds, to mark as downloaded.
pub fn selected_ids(part: &Store) -> Vec<String> {
    part.schools
        .iter()
        .map(|s| s.id.clone())
        .chain(part.trusts.iter().map(|t| t.id.clone()))
        .chain(part.assessments.iter().map(|a| a.id.clone()))
        .chain(part.workshops.iter().map(|w| w.id.clone()))
        .chain(part.trajectories.iter().map(|t| t.id.clone()))
        .chain(part.plans.iter().map(|p| p.id.clone()))
        .chain(part.categorisations.iter().map(|c| c.id.clone()))
        .chain(part.calendars.iter().map(|c| c.id.clone()))
        .collect()
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

/// A file name from a title and a date: lower case, ASCII, hyphens. When the title does
/// not fit (it is long, or written in letters other than ASCII), a short code made from
/// the whole title is added, so two different titles never share a file name (the
/// answers and the results of a school with a long name, two schools named in Arabic).
pub fn file_name(title: &str, date: &str, extension: &str) -> String {
    /// The longest slug kept whole; a longer one is cut and given a code.
    const MOST: usize = 60;
    let mut slug = String::new();
    let mut lossy = false;
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else {
            lossy |= c.is_alphanumeric();
            if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
        }
    }
    let mut slug = slug.trim_end_matches('-').to_string();
    if slug.len() > MOST {
        slug.truncate(MOST - 16);
        lossy = true;
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "export" } else { slug };
    let extension = crate::domain::base::text::without_controls(extension, false);
    if lossy {
        format!("waypoint-{slug}-{}-{date}.{extension}", short_code(title))
    } else {
        format!("waypoint-{slug}-{date}.{extension}")
    }
}

/// Six hexadecimal digits made from a text (FNV-1a), to tell file names apart.
fn short_code(text: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in text.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{:06x}", hash & 0x00ff_ffff)
}

/// Reads a file offered for import, a few items at a time, so that a browser can show
/// progress between slices. It is the one way a file comes in: the app reads in slices,
/// [`read_import`] all at once, by the same rules (size, nothing in it, the forms'
/// limits, any earlier version migrated).
pub struct ImportReader<'a> {
    reader: DocumentReader<'a>,
}

impl<'a> ImportReader<'a> {
    /// Checks the file's size and envelope and that it holds something.
    pub fn open(text: &'a str) -> Result<ImportReader<'a>, ReadError> {
        if text.len() > MAX_IMPORT_BYTES {
            return Err(ReadError::Refused(format!(
                "the file is {:.1} MB; Waypoint imports files of up to {} MB",
                text.len() as f64 / 1e6,
                MAX_IMPORT_BYTES / 1_000_000
            )));
        }
        let reader = DocumentReader::open(text)?;
        if reader.total() == 0 {
            return Err(ReadError::Refused(
                "it holds no schools, assessments, workshops, trajectories or plans".into(),
            ));
        }
        Ok(ImportReader { reader })
    }

    /// How many items the file holds.
    pub fn total(&self) -> usize {
        self.reader.total()
    }

    /// How many items have been read so far.
    pub fn done(&self) -> usize {
        self.reader.done()
    }

    /// Reads up to `count` more items; true once every item is read.
    pub fn read_some(&mut self, count: usize) -> Result<bool, ReadError> {
        self.reader.read_some(count)
    }

    /// The file as a store, checked against the forms' limits (a hand-made file can hold
    /// anything). `today` is the user's date (yyyy-mm-dd), for dates far from it.
    pub fn finish(self, today: &str) -> Result<Store, ReadError> {
        let store = self.reader.finish()?;
        check_import(&store, today).map_err(ReadError::Refused)?;
        Ok(store)
    }
}

/// Reads a whole file offered for import at once (see [`ImportReader`]).
pub fn read_import(text: &str, today: &str) -> Result<Store, ReadError> {
    ImportReader::open(text)?.finish(today)
}

/// How an incoming item relates to what is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportVerdict {
    New,
    /// Exactly the same as what is stored: skipped.
    Same,
    /// The same item, changed: the user chooses.
    Clash,
}

/// One item of an import file, described for the user when it clashes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncomingItem {
    pub description: String,
    pub verdict: ImportVerdict,
}

/// What an import would do, before anything is changed.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Preview {
    pub items: Vec<IncomingItem>,
}

impl Preview {
    pub fn count(&self, verdict: ImportVerdict) -> usize {
        self.items.iter().filter(|i| i.verdict == verdict).count()
    }

    pub fn clashes(&self) -> impl Iterator<Item = &IncomingItem> {
        self.items.iter().filter(|i| i.verdict == ImportVerdict::Clash)
    }
}

fn verdict<T: PartialEq>(existing: Option<&T>, incoming: &T) -> ImportVerdict {
    match existing {
        None => ImportVerdict::New,
        Some(e) if e == incoming => ImportVerdict::Same,
        Some(_) => ImportVerdict::Clash,
    }
}

fn describe_assessment(store: &Store, a: &Assessment) -> String {
    format!(
        "Assessment “{}”, {}",
        store.title(a),
        crate::domain::base::dates::display(&a.date)
    )
}

fn describe_workshop(store: &Store, w: &Workshop) -> String {
    format!(
        "Workshop “{}”, {}",
        store.workshop_title(w),
        crate::domain::base::dates::display(&w.date)
    )
}

fn describe_trajectory(store: &Store, t: &Trajectory) -> String {
    format!(
        "Performance trajectory of {}",
        store.school_name(&t.school_id)
    )
}

fn describe_plan(store: &Store, p: &Intervention) -> String {
    format!(
        "Intervention “{}” at {}",
        p.target,
        store.school_name(&p.school_id)
    )
}

/// A school in a file whose name looks like one or more schools here: the user says
/// whether it is one of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchoolQuestion {
    /// The school's id in the file.
    pub incoming_id: String,
    pub name: String,
    /// `(id, name)` of the schools here whose names look alike.
    pub candidates: Vec<(String, String)>,
}

/// An import read and compared with the store, before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The file's items, with schools and trusts already matched by id or by exact name
    /// pointing at this browser's records.
    pub incoming: Store,
    /// Schools whose names only look alike: the user answers before anything is applied.
    pub questions: Vec<SchoolQuestion>,
    pub preview: Preview,
}

impl Draft {
    /// Whether the user must choose between keeping both and replacing.
    pub fn has_clashes(&self) -> bool {
        self.preview.clashes().next().is_some()
    }
}

/// Points an incoming school's items at another school id.
fn repoint_school(incoming: &mut Store, from: &str, to: &str) {
    repoint_school_in(incoming, from, to);
}

/// Reads what an import would do: schools and trusts with an id or exact name already
/// here are the same records; schools whose names only look alike become questions.
pub fn draft_import(store: &Store, mut incoming: Store) -> Draft {
    let mut questions = Vec::new();
    let mut schools = Vec::new();
    for school in std::mem::take(&mut incoming.schools) {
        if store.school(&school.id).is_some() {
            schools.push(school);
            continue;
        }
        let here = store
            .schools
            .iter()
            .map(|s| (s.id.as_str(), s.name.as_str()));
        match match_name(&school.name, here) {
            NameMatch::Same(id) => repoint_school(&mut incoming, &school.id, &id),
            NameMatch::Alike(ids) => {
                questions.push(SchoolQuestion {
                    incoming_id: school.id.clone(),
                    name: school.name.clone(),
                    candidates: ids
                        .iter()
                        .map(|id| (id.clone(), store.school_name(id).to_string()))
                        .collect(),
                });
                schools.push(school);
            }
            NameMatch::None => schools.push(school),
        }
    }
    incoming.schools = schools;
    let mut trusts = Vec::new();
    for trust in std::mem::take(&mut incoming.trusts) {
        let here = store
            .trusts
            .iter()
            .map(|t| (t.id.as_str(), t.name.as_str()));
        let same = if store.trust(&trust.id).is_some() {
            None
        } else {
            match match_name(&trust.name, here) {
                NameMatch::Same(id) => Some(id),
                _ => None,
            }
        };
        match same {
            Some(id) => {
                for w in incoming
                    .workshops
                    .iter_mut()
                    .filter(|w| w.trust_id == trust.id)
                {
                    w.trust_id = id.clone();
                }
            }
            None => trusts.push(trust),
        }
    }
    incoming.trusts = trusts;
    let preview = preview(store, &incoming);
    Draft {
        incoming,
        questions,
        preview,
    }
}

/// Compares an import with the store: what is new, the same, or clashes. Only clashes
/// are described (they are what the user is shown), so thousands of new items cost little.
pub fn preview(store: &Store, incoming: &Store) -> Preview {
    // Names for the descriptions: this browser's records, then the file's new ones.
    let names = Store {
        schools: incoming
            .schools
            .iter()
            .chain(&store.schools)
            .cloned()
            .collect(),
        trusts: incoming
            .trusts
            .iter()
            .chain(&store.trusts)
            .cloned()
            .collect(),
        ..Store::default()
    };
    let mut items = Vec::new();
    let mut add = |verdict: ImportVerdict, describe: &dyn Fn() -> String| {
        let description = if verdict == ImportVerdict::Clash {
            describe()
        } else {
            String::new()
        };
        items.push(IncomingItem {
            description,
            verdict,
        });
    };
    let here: HashMap<&str, &Assessment> = store
        .assessments
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    for a in &incoming.assessments {
        add(verdict(here.get(a.id.as_str()).copied(), a), &|| {
            describe_assessment(&names, a)
        });
    }
    for w in &incoming.workshops {
        add(verdict(store.workshop(&w.id), w), &|| {
            describe_workshop(&names, w)
        });
    }
    for t in &incoming.trajectories {
        add(trajectory_verdict(store, t), &|| {
            describe_trajectory(&names, t)
        });
    }
    for p in &incoming.plans {
        add(verdict(store.plan(&p.id), p), &|| describe_plan(&names, p));
    }
    for c in &incoming.categorisations {
        add(verdict(store.categorisation(&c.id), c), &|| {
            format!(
                "Categorisation of {} on {}",
                names.school_name(&c.school_id),
                c.date.map(Day::iso).unwrap_or_default()
            )
        });
    }
    for c in &incoming.calendars {
        add(
            verdict(store.calendars.iter().find(|e| e.id == c.id), c),
            &|| format!("The trust calendar from {}", c.year_start.map(Day::iso).unwrap_or_default()),
        );
    }
    Preview { items }
}

/// A school has one trajectory: the same points and thresholds are the same trajectory.
fn trajectory_verdict(store: &Store, t: &Trajectory) -> ImportVerdict {
    match store.trajectory_of(&t.school_id) {
        None => ImportVerdict::New,
        Some(e)
            if e.points == t.points && e.thresholds == t.thresholds && e.capacity == t.capacity =>
        {
            ImportVerdict::Same
        }
        Some(_) => ImportVerdict::Clash,
    }
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
    fn count_added(&mut self, verdict: ImportVerdict) {
        if verdict == ImportVerdict::Clash {
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

/// Settles a draft into the items to put in (a [`RecordsEdit::Import`](crate::domain::records::edits::RecordsEdit)).
/// `same_school` holds the user's answers: a file's school id and the id of the school
/// here that it is. Identical items are skipped; a clash is settled by `resolution` (a
/// trajectory, one per school, is kept as it is under "keep both"). New ids come from
/// `fresh_id` wherever an id is already taken.
pub fn finish_import(
    store: &Store,
    draft: Draft,
    same_school: &[(String, String)],
    resolution: Resolution,
    mut fresh_id: impl FnMut() -> String,
) -> (Store, Summary) {
    let mut incoming = draft.incoming;
    for (from, to) in same_school {
        if store.school(to).is_some() {
            repoint_school(&mut incoming, from, to);
            incoming.schools.retain(|s| &s.id != from);
        }
    }
    let mut summary = Summary::default();
    let kept = store.all_ids();
    let here: HashMap<&str, &Assessment> = store
        .assessments
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    let mut taken: HashSet<String> = HashSet::new();
    let mut unique_id = |id: &str, taken: &mut HashSet<String>| -> String {
        let mut candidate = id.to_string();
        while kept.contains(candidate.as_str()) || taken.contains(&candidate) {
            candidate = fresh_id();
        }
        taken.insert(candidate.clone());
        candidate
    };
    let mut out = Store::default();
    for school in std::mem::take(&mut incoming.schools) {
        if store.school(&school.id).is_none() {
            let id = unique_id(&school.id, &mut taken);
            if id != school.id {
                repoint_school_in(&mut incoming, &school.id, &id);
            }
            out.schools.push(School { id, ..school });
        }
    }
    for trust in incoming.trusts {
        if store.trust(&trust.id).is_none() {
            let id = unique_id(&trust.id, &mut taken);
            for w in incoming
                .workshops
                .iter_mut()
                .filter(|w| w.trust_id == trust.id)
            {
                w.trust_id = id.clone();
            }
            out.trusts.push(Trust { id, ..trust });
        }
    }
    let mut plans = incoming.plans;
    for mut a in incoming.assessments {
        match verdict(here.get(a.id.as_str()).copied(), &a) {
            ImportVerdict::Same => summary.unchanged += 1,
            ImportVerdict::Clash if resolution == Resolution::Replace => {
                summary.replaced += 1;
                out.assessments.push(a);
            }
            verdict => {
                let id = unique_id(&a.id, &mut taken);
                if id != a.id {
                    for plan in plans.iter_mut() {
                        if plan.assessment_id.as_deref() == Some(a.id.as_str()) {
                            plan.assessment_id = Some(id.clone());
                        }
                    }
                }
                a.id = id;
                out.assessments.push(a);
                summary.count_added(verdict);
            }
        }
    }
    for mut w in incoming.workshops {
        match verdict(store.workshop(&w.id), &w) {
            ImportVerdict::Same => summary.unchanged += 1,
            ImportVerdict::Clash if resolution == Resolution::Replace => {
                summary.replaced += 1;
                out.workshops.push(w);
            }
            verdict => {
                w.id = unique_id(&w.id, &mut taken);
                out.workshops.push(w);
                summary.count_added(verdict);
            }
        }
    }
    for mut t in incoming.trajectories {
        match trajectory_verdict(store, &t) {
            ImportVerdict::Same => summary.unchanged += 1,
            ImportVerdict::Clash if resolution == Resolution::Replace => {
                t.id = match store.trajectory_of(&t.school_id) {
                    Some(existing) => existing.id.clone(),
                    None => unique_id(&t.id, &mut taken),
                };
                out.trajectories.push(t);
                summary.replaced += 1;
            }
            ImportVerdict::Clash => summary.unchanged += 1,
            ImportVerdict::New => {
                t.id = unique_id(&t.id, &mut taken);
                out.trajectories.push(t);
                summary.added += 1;
            }
        }
    }
    for mut p in plans {
        match verdict(store.plan(&p.id), &p) {
            ImportVerdict::Same => summary.unchanged += 1,
            ImportVerdict::Clash if resolution == Resolution::Replace => {
                summary.replaced += 1;
                out.plans.push(p);
            }
            verdict => {
                p.id = unique_id(&p.id, &mut taken);
                out.plans.push(p);
                summary.count_added(verdict);
            }
        }
    }
    for mut c in incoming.categorisations {
        match verdict(store.categorisation(&c.id), &c) {
            ImportVerdict::Same => summary.unchanged += 1,
            ImportVerdict::Clash if resolution == Resolution::Replace => {
                summary.replaced += 1;
                out.categorisations.push(c);
            }
            verdict => {
                c.id = unique_id(&c.id, &mut taken);
                out.categorisations.push(c);
                summary.count_added(verdict);
            }
        }
    }
    for mut c in incoming.calendars {
        match verdict(store.calendars.iter().find(|e| e.id == c.id), &c) {
            ImportVerdict::Same => summary.unchanged += 1,
            ImportVerdict::Clash if resolution == Resolution::Replace => {
                summary.replaced += 1;
                out.calendars.push(c);
            }
            verdict => {
                c.id = unique_id(&c.id, &mut taken);
                out.calendars.push(c);
                summary.count_added(verdict);
            }
        }
    }
    (out, summary)
}

fn repoint_school_in(incoming: &mut Store, from: &str, to: &str) {
    for a in incoming
        .assessments
        .iter_mut()
        .filter(|a| a.school_id == from)
    {
        a.school_id = to.to_string();
    }
    for t in incoming
        .trajectories
        .iter_mut()
        .filter(|t| t.school_id == from)
    {
        t.school_id = to.to_string();
    }
    for p in incoming.plans.iter_mut().filter(|p| p.school_id == from) {
        p.school_id = to.to_string();
    }
    for c in incoming
        .categorisations
        .iter_mut()
        .filter(|c| c.school_id == from)
    {
        c.school_id = to.to_string();
    }
}

fn stage_name(stage: Option<Stage>) -> String {
    stage.map(|s| s.name().to_string()).unwrap_or_default()
}

/// One row per assessment and feature: the answer and its evidence note.
pub fn answers_csv(store: &Store, assessments: &[Assessment]) -> String {
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
        "Diagnosis source",
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
                store.school_name(&a.school_id).to_string(),
                a.scope.describe(),
                a.date.map(Day::iso).unwrap_or_default(),
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
                a.source(&f.id)
                    .and_then(crate::domain::improvement::cycle::diagnosis_label)
                    .unwrap_or_default()
                    .to_string(),
            ]);
        }
    }
    csv(rows)
}

/// One row per assessment: the best fit, each stage's fit and each theme's stage.
pub fn results_csv(store: &Store, assessments: &[Assessment]) -> String {
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
        "Stage the other answers fit (the concerns come first)",
    ]
    .map(String::from)
    .to_vec();
    header.extend(Stage::ALL.iter().map(|s| format!("{} fit %", s.name())));
    header.extend(framework.themes.iter().map(|t| format!("{} stage", t.name)));
    let mut rows = vec![header];
    for a in assessments {
        let result = assess(framework, a);
        let mut row = vec![
            store.school_name(&a.school_id).to_string(),
            a.scope.describe(),
            a.date.map(Day::iso).unwrap_or_default(),
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
