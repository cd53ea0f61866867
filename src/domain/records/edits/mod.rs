//! Every change a user can make, as a plain value, and the one function that applies it.
//! [`Edit`] names the area an edit belongs to; each area's edits and how they are applied
//! are in that area's file.
//!
//! Views never write fields: they send an [`Edit`]. [`Store::apply`] keeps the invariants
//! (ids unique and valid, names and notes within their limits, references to schools
//! and trusts that exist), stamps the time, records what changed since the last download,
//! and returns what to save and how to undo it. Every edit can be applied again to a
//! store that already has it without changing the result, so the edits a tab has not
//! saved yet can be made again on top of whatever another tab saved meanwhile; when two
//! tabs typed into the same text, the other tab's text is kept in [`Store::recovered`].

mod checklist;
mod improvement;
mod kept;
mod schools;
mod workshop;

pub use checklist::ChecklistEdit;
pub use improvement::ImprovementEdit;
pub use kept::RecordsEdit;
pub use schools::SchoolEdit;
pub use workshop::{join_edits, JoinIds, WorkshopEdit};

use crate::domain::checklist::SchoolRecords;
use crate::domain::improvement::TrustRecords;
use std::collections::HashMap;

use crate::domain::base::ids::is_valid_id;
use crate::domain::base::school::{School, Trust};
use crate::domain::base::text::{clamp_chars, MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::domain::checklist::assessment::{Assessment, Level, Phase, Scope};
use crate::domain::improvement::accountability::Impact;
use crate::domain::improvement::calendar::TrustCalendar;
use crate::domain::improvement::categorisation::Categorisation;
use crate::domain::improvement::plans::{Intervention, Review, Status};
use crate::domain::improvement::trajectory::{Point, Thresholds, Trajectory};
use crate::domain::records::layout::Key;
use crate::domain::records::store::{Recovered, Store, TextPlace};
use crate::domain::workshop::aas::{Position, Member, When, Workshop};
use crate::domain::workshop::responses::Resolution;

/// One change a user can make, by the area of the product it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Schools(SchoolEdit),
    Checklist(ChecklistEdit),
    Workshop(WorkshopEdit),
    Improvement(ImprovementEdit),
    Records(RecordsEdit),
    /// Several edits as one: all are applied, or none.
    Batch(Vec<Edit>),
}

/// Something deleted, with where it was, so that it goes back in its place.
#[derive(Clone, Debug, PartialEq)]
pub enum Restorable {
    Assessment(usize, Assessment),
    Workshop(usize, Workshop),
    Plan(usize, Intervention),
    Categorisation(usize, Categorisation),
    Member {
        workshop: String,
        index: usize,
        member: Member,
    },
}

impl Restorable {
    /// What was deleted, in words for an "Undo" message.
    pub fn describe(&self, store: &Store) -> String {
        match self {
            Restorable::Assessment(_, a) => store.title(a),
            Restorable::Workshop(_, w) => store.workshop_title(w),
            Restorable::Plan(_, p) => p.target.clone(),
            Restorable::Categorisation(_, c) => format!(
                "{} of {} on {}",
                c.decision.label(),
                store.school_name(&c.school_id),
                crate::domain::base::dates::display(&c.date)
            ),
            Restorable::Member { member, .. } => member.name.clone(),
        }
    }
}

/// Why an edit could not be made. Edits made again on top of another tab's save may
/// meet these (the item was deleted there), and are then dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The item the edit is for does not exist (any more).
    NotFound(String),
    /// The edit would break a rule: an empty name, an id taken or invalid.
    Refused(String),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::NotFound(what) => write!(f, "{what} no longer exists"),
            EditError::Refused(why) => f.write_str(why),
        }
    }
}

/// What an edit did: what to save, and how to undo it (for removals).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Applied {
    /// The stored items that changed (the meta record holds schools, trusts and the
    /// bookkeeping).
    pub changed: Vec<Key>,
    /// The edit that puts back what this one removed.
    pub undo: Option<Edit>,
}

impl Applied {
    fn touch(&mut self, key: Key) {
        self.changed.push(key);
    }
}

fn not_found(what: &str) -> EditError {
    EditError::NotFound(what.to_string())
}

fn name_of(name: &str) -> Result<String, EditError> {
    let name = clamp_chars(name.trim(), MAX_NAME_CHARS);
    if name.is_empty() {
        return Err(EditError::Refused("a name cannot be empty".into()));
    }
    Ok(name)
}

fn check_new_id(store: &Store, id: &str) -> Result<(), EditError> {
    if !is_valid_id(id) {
        return Err(EditError::Refused(format!("\"{id}\" is not a valid id")));
    }
    if store.has_id(id) {
        return Err(EditError::Refused(format!("the id \"{id}\" is taken")));
    }
    Ok(())
}

/// How one edit (not a batch) is applied: by every area's rules, or a workshop's only.
type ApplyOne = fn(&mut Store, &Edit, f64, &mut Applied) -> Result<(), EditError>;

impl Store {
    /// Applies one edit at `now_ms`. Applying an edit the store already has changes
    /// nothing, so unsaved edits can be made again on top of another tab's save.
    pub fn apply(&mut self, edit: &Edit, now_ms: f64) -> Result<Applied, EditError> {
        self.apply_by(edit, now_ms, Store::apply_into)
    }

    /// Applies an edit of a workshop or its trust (what a board member's small app sends,
    /// src/member_app.rs) by the same rules as [`Store::apply`]; any other edit is refused.
    /// That app calls only this, so the other areas' rules, and the framework texts they
    /// check against, are not in its download.
    pub fn apply_workshop_edit(&mut self, edit: &Edit, now_ms: f64) -> Result<Applied, EditError> {
        self.apply_by(edit, now_ms, Store::workshop_edit_into)
    }

    fn apply_by(&mut self, edit: &Edit, now_ms: f64, one: ApplyOne) -> Result<Applied, EditError> {
        let mut applied = Applied::default();
        self.apply_one(edit, now_ms, &mut applied, one)?;
        // In key order, once each (a set rather than a sort: smaller in the download).
        let unique: std::collections::BTreeSet<Key> = applied.changed.drain(..).collect();
        applied.changed.extend(unique);
        Ok(applied)
    }

    fn apply_into(&mut self, edit: &Edit, now: f64, out: &mut Applied) -> Result<(), EditError> {
        match edit {
            Edit::Schools(edit) => self.apply_schools(edit, now, out)?,
            Edit::Checklist(edit) => self.apply_checklist(edit, now, out)?,
            Edit::Workshop(edit) => self.apply_workshop(edit, now, out)?,
            Edit::Improvement(edit) => self.apply_improvement(edit, now, out)?,
            Edit::Records(edit) => self.apply_records(edit, now, out)?,
            Edit::Batch(_) => self.apply_one(edit, now, out, Store::apply_into)?,
        }
        Ok(())
    }

    /// One edit by `one`'s rules; a batch all or nothing, each part by the same rules.
    fn apply_one(
        &mut self,
        edit: &Edit,
        now: f64,
        out: &mut Applied,
        one: ApplyOne,
    ) -> Result<(), EditError> {
        let Edit::Batch(edits) = edit else {
            return one(self, edit, now, out);
        };
        // All or nothing: a refused part leaves the store as it was.
        let before = self.clone();
        let mut undo = Vec::new();
        for edit in edits {
            if let Err(error) = one(self, edit, now, out) {
                *self = before;
                out.changed.clear();
                return Err(error);
            }
            undo.extend(out.undo.take());
        }
        if !undo.is_empty() {
            undo.reverse();
            out.undo = Some(Edit::Batch(undo));
        }
        Ok(())
    }

    /// The edits a board member's small app applies: a workshop's, its trust's, and
    /// dismissing text kept from another tab.
    fn workshop_edit_into(
        &mut self,
        edit: &Edit,
        now: f64,
        out: &mut Applied,
    ) -> Result<(), EditError> {
        match edit {
            Edit::Workshop(edit) => self.apply_workshop(edit, now, out),
            Edit::Schools(edit @ (SchoolEdit::AddTrust(_) | SchoolEdit::RenameTrust { .. })) => {
                self.apply_trust(edit, now, out)
            }
            Edit::Records(RecordsEdit::DismissRecovered { id }) => {
                self.dismiss_recovered(id, out);
                Ok(())
            }
            Edit::Batch(_) => self.apply_one(edit, now, out, Store::workshop_edit_into),
            _ => Err(EditError::Refused(
                "this page cannot make that change".into(),
            )),
        }
    }

    /// Records that an item changed: it is to be saved, and it is not in any download.
    fn changed(&mut self, key: Key, out: &mut Applied) {
        if let Some(id) = key.id() {
            let id = id.to_string();
            self.mark(&id, out);
        }
        out.touch(key);
    }

    /// Marks an item as changed since the last download.
    fn mark(&mut self, id: &str, out: &mut Applied) {
        if !self.not_downloaded.contains(id) {
            self.not_downloaded.insert(id.to_string());
            out.touch(Key::Meta);
        }
    }

    /// Forgets a deleted item in the bookkeeping.
    fn forget(&mut self, id: &str, out: &mut Applied) {
        if self.not_downloaded.remove(id) {
            out.touch(Key::Meta);
        }
    }

    /// Drops kept text that the place's text now starts with: an earlier state of it.
    fn settle_recovered(&mut self, place: &TextPlace, text: &str, out: &mut Applied) {
        let before = self.recovered.len();
        self.recovered
            .retain(|r| &r.place != place || !text.starts_with(r.text.as_str()));
        if self.recovered.len() != before {
            out.touch(Key::Meta);
        }
    }

    /// Keeps the other tab's text for a place, once: a later state of the same typing
    /// replaces an earlier one.
    fn recover(
        &mut self,
        place: TextPlace,
        what: String,
        text: String,
        now: f64,
        out: &mut Applied,
    ) {
        // Earlier states of the same typing are not kept beside later ones.
        if self
            .recovered
            .iter()
            .any(|r| r.place == place && r.text.starts_with(text.as_str()))
        {
            return;
        }
        self.recovered
            .retain(|r| r.place != place || !text.starts_with(r.text.as_str()));
        out.touch(Key::Meta);
        let id = format!("r{}-{}", now as u64, self.recovered.len() + 1);
        self.recovered.push(Recovered {
            id,
            place,
            what,
            text,
            at_ms: now,
        });
        out.touch(Key::Meta);
    }

    /// Every stored item's key, meta first.
    pub fn keys(&self) -> Vec<Key> {
        let mut keys = vec![Key::Meta];
        keys.extend(
            self.assessments
                .iter()
                .map(|a| Key::Assessment(a.id.clone())),
        );
        keys.extend(self.workshops.iter().map(|w| Key::Workshop(w.id.clone())));
        keys.extend(
            self.trajectories
                .iter()
                .map(|t| Key::Trajectory(t.id.clone())),
        );
        keys.extend(self.plans.iter().map(|p| Key::Plan(p.id.clone())));
        keys.extend(
            self.categorisations
                .iter()
                .map(|c| Key::Categorisation(c.id.clone())),
        );
        keys.extend(self.calendars.iter().map(|c| Key::Calendar(c.id.clone())));
        keys
    }

    /// Changes a school's trajectory (made with `new_id` if it has none yet); `change`
    /// says whether it changed anything, and only then is it stamped and saved.
    fn change_trajectory(
        &mut self,
        school: &str,
        new_id: &str,
        now: f64,
        out: &mut Applied,
        change: impl FnOnce(&mut Trajectory) -> bool,
    ) -> Result<(), EditError> {
        let created = self.trajectory_of(school).is_none();
        let t = self.trajectory_for(school, new_id, now)?;
        if change(t) || created {
            t.updated_ms = now;
            let key = Key::Trajectory(t.id.clone());
            self.changed(key, out);
        }
        Ok(())
    }

    /// The trajectory of a school, created (with `new_id`) if it has none yet.
    fn trajectory_for(
        &mut self,
        school: &str,
        new_id: &str,
        now: f64,
    ) -> Result<&mut Trajectory, EditError> {
        if self.school(school).is_none() {
            return Err(not_found("school"));
        }
        match self.trajectories.iter().position(|t| t.school_id == school) {
            Some(index) => Ok(&mut self.trajectories[index]),
            None => {
                check_new_id(self, new_id)?;
                self.trajectories
                    .push(Trajectory::new(new_id.to_string(), school, now));
                Ok(self.trajectories.last_mut().expect("just pushed"))
            }
        }
    }

    /// Gives the interventions commissioned from an assessment its school.
    fn follow_assessment(&mut self, id: &str, now: f64, out: &mut Applied) {
        let Some(school) = self.get(id).map(|a| a.school_id.clone()) else {
            return;
        };
        let moved: Vec<String> = self
            .plans
            .iter_mut()
            .filter(|p| p.assessment_id.as_deref() == Some(id) && p.school_id != school)
            .map(|plan| {
                plan.school_id = school.clone();
                plan.updated_ms = now;
                plan.id.clone()
            })
            .collect();
        for plan in moved {
            self.changed(Key::Plan(plan), out);
        }
    }

    fn merge_schools(&mut self, keep: &str, absorb: &str, now: f64, out: &mut Applied) {
        let mut moved = Vec::new();
        for a in self
            .assessments
            .iter_mut()
            .filter(|a| a.school_id == absorb)
        {
            a.school_id = keep.to_string();
            a.updated_ms = now;
            moved.push(Key::Assessment(a.id.clone()));
        }
        for p in self.plans.iter_mut().filter(|p| p.school_id == absorb) {
            p.school_id = keep.to_string();
            p.updated_ms = now;
            moved.push(Key::Plan(p.id.clone()));
        }
        for c in self
            .categorisations
            .iter_mut()
            .filter(|c| c.school_id == absorb)
        {
            c.school_id = keep.to_string();
            c.updated_ms = now;
            moved.push(Key::Categorisation(c.id.clone()));
        }
        // One trajectory per school: the absorbed school's results join the kept one's.
        if let Some(index) = self.trajectories.iter().position(|t| t.school_id == absorb) {
            let absorbed = self.trajectories.remove(index);
            out.touch(Key::Trajectory(absorbed.id.clone()));
            self.forget(&absorbed.id, out);
            match self.trajectories.iter_mut().find(|t| t.school_id == keep) {
                Some(kept) => {
                    // One point per period: the kept school's results win.
                    for point in absorbed.points {
                        if !kept.points.iter().any(|p| p.period == point.period) {
                            kept.points.push(point);
                        }
                    }
                    // In time order, when every point says when it was.
                    if kept.points.iter().all(|p| p.year().is_some()) {
                        crate::domain::base::order::sort_by(&mut kept.points, |a, b| {
                            a.year().unwrap_or(0.0).total_cmp(&b.year().unwrap_or(0.0))
                        });
                    }
                    kept.capacity.extend(absorbed.capacity);
                    if kept.thresholds.is_none() {
                        kept.thresholds = absorbed.thresholds;
                    }
                    kept.updated_ms = now;
                    moved.push(Key::Trajectory(kept.id.clone()));
                }
                None => {
                    let mut absorbed = absorbed;
                    absorbed.school_id = keep.to_string();
                    absorbed.updated_ms = now;
                    moved.push(Key::Trajectory(absorbed.id.clone()));
                    self.trajectories.push(absorbed);
                }
            }
        }
        self.schools.retain(|s| s.id != absorb);
        self.distinct.retain(|(a, b)| a != absorb && b != absorb);
        self.forget(absorb, out);
        out.touch(Key::Meta);
        for key in moved {
            self.changed(key, out);
        }
    }

    fn import(&mut self, incoming: &Store, out: &mut Applied) {
        for school in &incoming.schools {
            match self.school_mut(&school.id) {
                Some(slot) if slot != school => *slot = school.clone(),
                Some(_) => continue,
                None => self.schools.push(school.clone()),
            }
            out.touch(Key::Meta);
        }
        for trust in &incoming.trusts {
            match self.trusts.iter_mut().find(|t| t.id == trust.id) {
                Some(slot) if slot != trust => *slot = trust.clone(),
                Some(_) => continue,
                None => self.trusts.push(trust.clone()),
            }
            out.touch(Key::Meta);
        }
        // Thousands of items may come at once: find clashes through an index, and put
        // the new ones at the top in one go.
        let index: HashMap<&str, usize> = self
            .assessments
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let mut replaced = Vec::new();
        let mut new = Vec::new();
        for a in &incoming.assessments {
            match index.get(a.id.as_str()) {
                Some(&i) if self.assessments[i] == *a => continue,
                Some(&i) => replaced.push((i, a.clone())),
                None => new.push(a.clone()),
            }
            out.touch(Key::Assessment(a.id.clone()));
        }
        for (i, a) in replaced {
            self.assessments[i] = a;
        }
        self.assessments.splice(0..0, new);
        let mut added = 0;
        for w in &incoming.workshops {
            match self.workshop_mut(&w.id) {
                Some(slot) if slot == w => continue,
                Some(slot) => *slot = w.clone(),
                None => {
                    self.workshops.insert(added, w.clone());
                    added += 1;
                }
            }
            out.touch(Key::Workshop(w.id.clone()));
        }
        for t in &incoming.trajectories {
            if self.trajectories.iter().any(|e| e == t) {
                continue;
            }
            // One trajectory per school: the incoming one takes the place of any other.
            let replaced: Vec<String> = self
                .trajectories
                .iter()
                .filter(|e| e.school_id == t.school_id || e.id == t.id)
                .map(|e| e.id.clone())
                .collect();
            self.trajectories
                .retain(|e| e.school_id != t.school_id && e.id != t.id);
            for id in replaced {
                out.touch(Key::Trajectory(id));
            }
            self.trajectories.push(t.clone());
            out.touch(Key::Trajectory(t.id.clone()));
        }
        let index: HashMap<String, usize> = self
            .plans
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        for p in &incoming.plans {
            match index.get(&p.id) {
                Some(&i) if self.plans[i] == *p => continue,
                Some(&i) => self.plans[i] = p.clone(),
                None => self.plans.push(p.clone()),
            }
            out.touch(Key::Plan(p.id.clone()));
        }
        for c in &incoming.categorisations {
            match self.categorisations.iter().position(|e| e.id == c.id) {
                Some(i) if self.categorisations[i] == *c => continue,
                Some(i) => self.categorisations[i] = c.clone(),
                None => self.categorisations.push(c.clone()),
            }
            out.touch(Key::Categorisation(c.id.clone()));
        }
        for c in &incoming.calendars {
            match self.calendars.iter().position(|e| e.id == c.id) {
                Some(i) if self.calendars[i] == *c => continue,
                Some(i) => self.calendars[i] = c.clone(),
                None => self.calendars.push(c.clone()),
            }
            out.touch(Key::Calendar(c.id.clone()));
        }
    }

    fn restore(&mut self, restorable: &Restorable, out: &mut Applied) -> Result<(), EditError> {
        match restorable {
            Restorable::Assessment(index, a) => {
                if self.get(&a.id).is_none() {
                    if self.school(&a.school_id).is_none() {
                        return Err(not_found("school"));
                    }
                    let index = (*index).min(self.assessments.len());
                    self.assessments.insert(index, a.clone());
                    self.changed(Key::Assessment(a.id.clone()), out);
                }
            }
            Restorable::Workshop(index, w) => {
                if self.workshop(&w.id).is_none() {
                    if self.trust(&w.trust_id).is_none() {
                        return Err(not_found("trust"));
                    }
                    let index = (*index).min(self.workshops.len());
                    self.workshops.insert(index, w.clone());
                    self.changed(Key::Workshop(w.id.clone()), out);
                }
            }
            Restorable::Plan(index, p) => {
                if self.plan(&p.id).is_none() {
                    if self.school(&p.school_id).is_none() {
                        return Err(not_found("school"));
                    }
                    let index = (*index).min(self.plans.len());
                    self.plans.insert(index, p.clone());
                    self.changed(Key::Plan(p.id.clone()), out);
                }
            }
            Restorable::Categorisation(index, c) => {
                if self.categorisation(&c.id).is_none() {
                    if self.school(&c.school_id).is_none() {
                        return Err(not_found("school"));
                    }
                    let index = (*index).min(self.categorisations.len());
                    self.categorisations.insert(index, c.clone());
                    self.changed(Key::Categorisation(c.id.clone()), out);
                }
            }
            Restorable::Member {
                workshop,
                index,
                member,
            } => {
                let w = self
                    .workshop_mut(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                if w.member(&member.id).is_none() {
                    let index = (*index).min(w.members.len());
                    w.members.insert(index, member.clone());
                    self.changed(Key::Workshop(workshop.clone()), out);
                }
            }
        }
        Ok(())
    }
}

/// A scope with its name trimmed and within the name limit.
fn clamp_scope(scope: &Scope) -> Scope {
    scope
        .kind()
        .with_name(&clamp_chars(scope.name().trim(), MAX_NAME_CHARS))
}

/// Whether writing `note` over `current` would lose text another tab saved: `current` is
/// not what this tab last saw (`was`), is not blank, and is not an earlier state of the
/// same typing.
fn overwrites_other_tab(current: &str, was: &str, note: &str) -> bool {
    current != was && !current.trim().is_empty() && !note.starts_with(current)
}
