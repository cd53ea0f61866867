//! Every change a user can make, as a plain value, and the one function that applies it.
//!
//! Views never write fields: they send an [`Edit`]. [`Store::apply`] keeps the invariants
//! (ids unique and valid, names and notes within their limits, references to schools
//! and trusts that exist), stamps the time, records what changed since the last download,
//! and returns what to save and how to undo it. Every edit can be applied again to a
//! store that already has it without changing the result, so the edits a tab has not
//! saved yet can be made again on top of whatever another tab saved meanwhile; when two
//! tabs typed into the same text, the other tab's text is kept in [`Store::recovered`].

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
use crate::domain::workshop::aas::{Position, Respondent, When, Workshop};
use crate::domain::workshop::responses::Resolution;

/// One change a user can make.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    AddSchool(School),
    RenameSchool {
        school: String,
        name: String,
    },
    /// Makes two school records one: everything of `absorb` moves to `keep`.
    MergeSchools {
        keep: String,
        absorb: String,
    },
    /// The user said two schools whose names look alike are different schools.
    MarkDistinct {
        a: String,
        b: String,
    },
    AddTrust(Trust),
    RenameTrust {
        trust: String,
        name: String,
    },

    AddAssessment(Assessment),
    SetLevel {
        assessment: String,
        feature: String,
        level: Option<Level>,
    },
    /// Sets an evidence note; `was` is the text this tab saw before, so that text typed
    /// meanwhile in another tab is recognised and kept.
    SetNote {
        assessment: String,
        feature: String,
        note: String,
        was: String,
    },
    /// Marks a pre-filled answer of a reassessment as looked at again and kept. Changing
    /// the level or the note marks it too.
    MarkReviewed {
        assessment: String,
        feature: String,
    },
    SetDetails {
        assessment: String,
        school_id: String,
        scope: Scope,
        date: String,
        assessors: String,
        /// Marked as Early Years or Year 6 (or neither), whatever the scope's name says.
        phase: Option<Phase>,
    },
    RemoveAssessment {
        assessment: String,
    },

    AddWorkshop(Workshop),
    RemoveWorkshop {
        workshop: String,
    },
    AddRespondent {
        workshop: String,
        respondent: Respondent,
    },
    RemoveRespondent {
        workshop: String,
        respondent: String,
    },
    Place {
        workshop: String,
        respondent: String,
        practice: String,
        when: When,
        position: Option<Position>,
    },
    SetPracticeNote {
        workshop: String,
        respondent: String,
        practice: String,
        note: String,
        was: String,
    },
    /// Chooses the practices a workshop asks about in its meeting (empty: all of them).
    ChoosePractices {
        workshop: String,
        practices: Vec<String>,
    },
    /// Adds a respondent from another device's answers; `clash_with` settles a clash
    /// with someone already there, and `fresh_id` is used wherever the id is taken.
    MergeRespondent {
        workshop: String,
        respondent: Respondent,
        clash_with: Option<(String, Resolution)>,
        fresh_id: String,
    },
    /// Adds many respondents from other devices at once (pasted links): those already
    /// there with the same answers, and clashes, are left out (the page asks about
    /// clashes one by one); `fresh_ids` are used wherever an id is taken.
    MergeRespondents {
        workshop: String,
        respondents: Vec<Respondent>,
        fresh_ids: Vec<String>,
    },

    /// Sets a school's results; `trajectory_id` names the trajectory if it is new.
    SetPoints {
        school: String,
        trajectory_id: String,
        points: Vec<Point>,
    },
    SetThresholds {
        school: String,
        trajectory_id: String,
        thresholds: Option<Thresholds>,
    },
    SetCapacity {
        school: String,
        trajectory_id: String,
        item: String,
        ticked: bool,
    },

    Commission(Intervention),
    SetStatus {
        plan: String,
        status: Status,
    },
    RecordReview {
        plan: String,
        review: Review,
    },
    RemoveIntervention {
        plan: String,
    },
    /// Records (or replaces) an intervention's impact against its success criteria.
    RecordImpact {
        plan: String,
        impact: Impact,
    },
    /// Tags an evidence note with the diagnosis source it comes from (`None` to untag).
    SetSource {
        assessment: String,
        feature: String,
        source: Option<String>,
    },
    /// The board's categorisation of a school, or its review.
    Categorise(Categorisation),
    RemoveCategorisation {
        id: String,
    },
    /// The trust's calendar as a whole (its cadence and intervals), added or replaced.
    SetCalendar(TrustCalendar),

    /// Puts the items of an import in, replacing those with the same id (see
    /// `exchange::plan_import`, which decides ids and clashes with the user first).
    Import(Box<Store>),
    /// Deletes everything (the user was first offered a backup).
    Reset,
    /// Puts back something deleted: the undo of every removal.
    Restore(Box<Restorable>),
    /// The user downloaded these items (an export of part of the store).
    MarkDownloaded {
        ids: Vec<String>,
    },
    /// The user downloaded everything.
    MarkAllDownloaded,
    /// The user put recovered text back, or no longer needs it.
    DismissRecovered {
        id: String,
    },
    /// Several edits as one (one undo, one save).
    Batch(Vec<Edit>),
}

/// Something deleted, with where it was, so that it goes back in its place.
#[derive(Clone, Debug, PartialEq)]
pub enum Restorable {
    Assessment(usize, Assessment),
    Workshop(usize, Workshop),
    Plan(usize, Intervention),
    Categorisation(usize, Categorisation),
    Respondent {
        workshop: String,
        index: usize,
        respondent: Respondent,
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
            Restorable::Respondent { respondent, .. } => respondent.name.clone(),
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

impl Store {
    /// Applies one edit at `now_ms`. Applying an edit the store already has changes
    /// nothing, so unsaved edits can be made again on top of another tab's save.
    pub fn apply(&mut self, edit: &Edit, now_ms: f64) -> Result<Applied, EditError> {
        let mut applied = Applied::default();
        self.apply_into(edit, now_ms, &mut applied)?;
        // In key order, once each (a set rather than a sort: smaller in the download).
        let unique: std::collections::BTreeSet<Key> = applied.changed.drain(..).collect();
        applied.changed.extend(unique);
        Ok(applied)
    }

    fn apply_into(&mut self, edit: &Edit, now: f64, out: &mut Applied) -> Result<(), EditError> {
        match edit {
            Edit::AddSchool(school) => {
                if self.school(&school.id).is_some() {
                    return Ok(());
                }
                check_new_id(self, &school.id)?;
                let mut school = school.clone();
                school.name = name_of(&school.name)?;
                school.updated_ms = now;
                // Not counted as a change to back up on its own: its items are.
                self.schools.push(school);
                out.touch(Key::Meta);
            }
            Edit::RenameSchool { school, name } => {
                let name = name_of(name)?;
                let record = self.school_mut(school).ok_or_else(|| not_found("school"))?;
                if record.name != name {
                    record.name = name;
                    record.updated_ms = now;
                    out.touch(Key::Meta);
                    self.mark(school, out);
                }
            }
            Edit::MergeSchools { keep, absorb } => {
                if keep == absorb || self.school(keep).is_none() {
                    return Err(not_found("school"));
                }
                if self.school(absorb).is_none() {
                    return Ok(());
                }
                self.merge_schools(keep, absorb, now, out);
            }
            Edit::MarkDistinct { a, b } => {
                if !self.said_distinct(a, b) {
                    self.distinct.push((a.clone(), b.clone()));
                    out.touch(Key::Meta);
                }
            }
            Edit::AddTrust(trust) => {
                if self.trust(&trust.id).is_some() {
                    return Ok(());
                }
                check_new_id(self, &trust.id)?;
                let mut trust = trust.clone();
                trust.name = name_of(&trust.name)?;
                trust.updated_ms = now;
                self.mark(&trust.id, out);
                self.trusts.push(trust);
                out.touch(Key::Meta);
            }
            Edit::RenameTrust { trust, name } => {
                let name = name_of(name)?;
                let record = self
                    .trusts
                    .iter_mut()
                    .find(|t| &t.id == trust)
                    .ok_or_else(|| not_found("trust"))?;
                if record.name != name {
                    record.name = name;
                    record.updated_ms = now;
                    out.touch(Key::Meta);
                    self.mark(trust, out);
                }
            }

            Edit::AddAssessment(assessment) => {
                if self.get(&assessment.id).is_some() {
                    return Ok(());
                }
                check_new_id(self, &assessment.id)?;
                if self.school(&assessment.school_id).is_none() {
                    return Err(not_found("school"));
                }
                let mut assessment = assessment.clone();
                assessment.updated_ms = now;
                assessment.assessors = clamp_chars(assessment.assessors.trim(), MAX_NAME_CHARS);
                assessment.scope = clamp_scope(&assessment.scope);
                self.assessments.insert(0, assessment);
                self.changed(Key::Assessment(self.assessments[0].id.clone()), out);
            }
            Edit::SetLevel {
                assessment,
                feature,
                level,
            } => {
                let a = self
                    .get_mut(assessment)
                    .ok_or_else(|| not_found("assessment"))?;
                let reviewed = a.mark_reviewed(feature);
                let differs = a.level(feature) != *level;
                if differs {
                    a.set_level(feature, *level, now);
                } else if reviewed {
                    a.updated_ms = now;
                }
                if differs || reviewed {
                    self.changed(Key::Assessment(assessment.clone()), out);
                }
            }
            Edit::MarkReviewed {
                assessment,
                feature,
            } => {
                let a = self
                    .get_mut(assessment)
                    .ok_or_else(|| not_found("assessment"))?;
                if a.mark_reviewed(feature) {
                    a.updated_ms = now;
                    self.changed(Key::Assessment(assessment.clone()), out);
                }
            }
            Edit::SetNote {
                assessment,
                feature,
                note,
                was,
            } => {
                let note = clamp_chars(note, MAX_NOTE_CHARS);
                let a = self
                    .get(assessment)
                    .ok_or_else(|| not_found("assessment"))?;
                let current = a
                    .answer(feature)
                    .map(|x| x.note.clone())
                    .unwrap_or_default();
                if current == note {
                    return Ok(());
                }
                let place = TextPlace::AssessmentNote {
                    assessment: assessment.clone(),
                    feature: feature.clone(),
                };
                if overwrites_other_tab(&current, was, &note) {
                    let what = format!("Evidence note in “{}”", self.title(a));
                    self.recover(place.clone(), what, current, now, out);
                }
                if let Some(a) = self.get_mut(assessment) {
                    a.set_note(feature, &note, now);
                    a.mark_reviewed(feature);
                }
                self.settle_recovered(&place, &note, out);
                self.changed(Key::Assessment(assessment.clone()), out);
            }
            Edit::SetDetails {
                assessment,
                school_id,
                scope,
                date,
                assessors,
                phase,
            } => {
                if self.school(school_id).is_none() {
                    return Err(not_found("school"));
                }
                if !crate::domain::base::dates::is_iso_date(date) {
                    return Err(EditError::Refused("the date is not a valid date".into()));
                }
                let assessors = clamp_chars(assessors.trim(), MAX_NAME_CHARS);
                let scope = clamp_scope(scope);
                let a = self
                    .get_mut(assessment)
                    .ok_or_else(|| not_found("assessment"))?;
                if a.school_id != *school_id
                    || a.scope != scope
                    || a.date != *date
                    || a.assessors != assessors
                    || a.phase() != *phase
                {
                    a.school_id = school_id.clone();
                    a.scope = scope;
                    a.date = date.clone();
                    a.assessors = assessors;
                    a.set_phase(*phase);
                    a.updated_ms = now;
                    self.changed(Key::Assessment(assessment.clone()), out);
                    self.follow_assessment(assessment, now, out);
                }
            }
            Edit::RemoveAssessment { assessment } => {
                if let Some(index) = self.assessments.iter().position(|a| &a.id == assessment) {
                    let removed = self.assessments.remove(index);
                    self.forget(assessment, out);
                    out.touch(Key::Assessment(assessment.clone()));
                    out.undo = Some(Edit::Restore(Box::new(Restorable::Assessment(
                        index, removed,
                    ))));
                }
            }

            Edit::AddWorkshop(workshop) => {
                if self.workshop(&workshop.id).is_some() {
                    return Ok(());
                }
                check_new_id(self, &workshop.id)?;
                if self.trust(&workshop.trust_id).is_none() {
                    return Err(not_found("trust"));
                }
                let mut workshop = workshop.clone();
                workshop.academy = clamp_chars(workshop.academy.trim(), MAX_NAME_CHARS);
                workshop.updated_ms = now;
                let key = Key::Workshop(workshop.id.clone());
                self.workshops.insert(0, workshop);
                self.changed(key, out);
            }
            Edit::RemoveWorkshop { workshop } => {
                if let Some(index) = self.workshops.iter().position(|w| &w.id == workshop) {
                    let removed = self.workshops.remove(index);
                    self.forget(workshop, out);
                    out.touch(Key::Workshop(workshop.clone()));
                    out.undo = Some(Edit::Restore(Box::new(Restorable::Workshop(
                        index, removed,
                    ))));
                }
            }
            Edit::AddRespondent {
                workshop,
                respondent,
            } => {
                let w = self
                    .workshop_mut(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                if w.respondent(&respondent.id).is_some() {
                    return Ok(());
                }
                if !is_valid_id(&respondent.id) {
                    return Err(EditError::Refused("the person's id is not valid".into()));
                }
                let mut respondent = respondent.clone();
                respondent.name = name_of(&respondent.name)?;
                respondent.role = clamp_chars(respondent.role.trim(), MAX_NAME_CHARS);
                w.respondents.push(respondent);
                w.updated_ms = now;
                self.changed(Key::Workshop(workshop.clone()), out);
            }
            Edit::RemoveRespondent {
                workshop,
                respondent,
            } => {
                let w = self
                    .workshop_mut(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                if let Some(index) = w.respondents.iter().position(|r| &r.id == respondent) {
                    let removed = w.respondents.remove(index);
                    w.updated_ms = now;
                    out.undo = Some(Edit::Restore(Box::new(Restorable::Respondent {
                        workshop: workshop.clone(),
                        index,
                        respondent: removed,
                    })));
                    self.changed(Key::Workshop(workshop.clone()), out);
                }
            }
            Edit::Place {
                workshop,
                respondent,
                practice,
                when,
                position,
            } => {
                let w = self
                    .workshop_mut(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                let r = w
                    .respondent_mut(respondent)
                    .ok_or_else(|| not_found("person"))?;
                let current = r.placing(practice).and_then(|p| match when {
                    When::Now => p.now,
                    When::Desired => p.desired,
                });
                if current != *position {
                    r.set(practice, *when, *position);
                    w.updated_ms = now;
                    self.changed(Key::Workshop(workshop.clone()), out);
                }
            }
            Edit::SetPracticeNote {
                workshop,
                respondent,
                practice,
                note,
                was,
            } => {
                let note = clamp_chars(note, MAX_NOTE_CHARS);
                let w = self
                    .workshop(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                let r = w
                    .respondent(respondent)
                    .ok_or_else(|| not_found("person"))?;
                let current = r
                    .placing(practice)
                    .map(|p| p.note.clone())
                    .unwrap_or_default();
                if current == note {
                    return Ok(());
                }
                let place = TextPlace::PracticeNote {
                    workshop: workshop.clone(),
                    respondent: respondent.clone(),
                    practice: practice.clone(),
                };
                if overwrites_other_tab(&current, was, &note) {
                    let what = format!("{}’s note in “{}”", r.name, self.workshop_title(w));
                    self.recover(place.clone(), what, current, now, out);
                }
                if let Some(w) = self.workshop_mut(workshop) {
                    if let Some(r) = w.respondent_mut(respondent) {
                        r.set_note(practice, &note);
                    }
                    w.updated_ms = now;
                }
                self.settle_recovered(&place, &note, out);
                self.changed(Key::Workshop(workshop.clone()), out);
            }
            Edit::ChoosePractices {
                workshop,
                practices,
            } => {
                let framework = crate::domain::workshop::aas::aas();
                if let Some(unknown) = practices.iter().find(|p| framework.practice(p).is_none()) {
                    return Err(EditError::Refused(format!(
                        "\"{unknown}\" is not a practice of the tool"
                    )));
                }
                let chosen = crate::domain::workshop::join::normalise_choice(framework, practices);
                let w = self
                    .workshop_mut(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                if w.practices != chosen {
                    w.practices = chosen;
                    w.updated_ms = now;
                    self.changed(Key::Workshop(workshop.clone()), out);
                }
            }
            Edit::MergeRespondent {
                workshop,
                respondent,
                clash_with,
                fresh_id,
            } => {
                let w = self
                    .workshop_mut(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                let already = w
                    .respondents
                    .iter()
                    .any(|r| crate::domain::workshop::responses::same_answers(r, respondent))
                    || w.respondent(fresh_id).is_some();
                if already {
                    return Ok(());
                }
                let clash = clash_with.as_ref().map(|(id, r)| (id.as_str(), *r));
                crate::domain::workshop::responses::merge_respondent(
                    w,
                    respondent.clone(),
                    clash,
                    fresh_id.clone(),
                );
                w.updated_ms = now;
                self.changed(Key::Workshop(workshop.clone()), out);
            }
            Edit::MergeRespondents {
                workshop,
                respondents,
                fresh_ids,
            } => {
                let w = self
                    .workshop_mut(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                let mut spare = fresh_ids.iter().cloned();
                let mut counter = 0usize;
                let mut next = || {
                    spare.next().unwrap_or_else(|| {
                        counter += 1;
                        crate::domain::base::ids::derived_id(
                            "r",
                            &format!("{now}#{counter}"),
                            |_| false,
                        )
                    })
                };
                let added = crate::domain::workshop::responses::merge_new_respondents(
                    w,
                    respondents.clone(),
                    &mut next,
                );
                if added > 0 {
                    w.updated_ms = now;
                    self.changed(Key::Workshop(workshop.clone()), out);
                }
            }

            Edit::SetPoints {
                school,
                trajectory_id,
                points,
            } => self.change_trajectory(school, trajectory_id, now, out, |t| {
                let changed = t.points != *points;
                t.points = points.clone();
                changed
            })?,
            Edit::SetThresholds {
                school,
                trajectory_id,
                thresholds,
            } => self.change_trajectory(school, trajectory_id, now, out, |t| {
                let changed = t.thresholds != *thresholds;
                t.thresholds = thresholds.clone();
                changed
            })?,
            Edit::SetCapacity {
                school,
                trajectory_id,
                item,
                ticked,
            } => self.change_trajectory(school, trajectory_id, now, out, |t| {
                if *ticked {
                    t.capacity.insert(item.clone())
                } else {
                    t.capacity.remove(item)
                }
            })?,

            Edit::Commission(plan) => {
                if self.plan(&plan.id).is_some() {
                    return Ok(());
                }
                check_new_id(self, &plan.id)?;
                if self.school(&plan.school_id).is_none() {
                    return Err(not_found("school"));
                }
                let mut plan = plan.clone();
                plan.updated_ms = now;
                let key = Key::Plan(plan.id.clone());
                self.plans.push(plan);
                self.changed(key, out);
            }
            Edit::SetStatus { plan, status } => {
                let p = self
                    .plan_mut(plan)
                    .ok_or_else(|| not_found("intervention"))?;
                if p.status != *status {
                    p.status = *status;
                    p.updated_ms = now;
                    self.changed(Key::Plan(plan.clone()), out);
                }
            }
            Edit::RecordReview { plan, review } => {
                let p = self
                    .plan_mut(plan)
                    .ok_or_else(|| not_found("intervention"))?;
                let mut review = review.clone();
                review.note = clamp_chars(&review.note, MAX_NOTE_CHARS);
                if !p.reviews.contains(&review) {
                    p.add_review(review, now);
                    self.changed(Key::Plan(plan.clone()), out);
                }
            }
            Edit::RemoveIntervention { plan } => {
                if let Some(index) = self.plans.iter().position(|p| &p.id == plan) {
                    let removed = self.plans.remove(index);
                    self.forget(plan, out);
                    out.touch(Key::Plan(plan.clone()));
                    out.undo = Some(Edit::Restore(Box::new(Restorable::Plan(index, removed))));
                }
            }

            Edit::RecordImpact { plan, impact } => {
                impact.validate().map_err(EditError::Refused)?;
                let impact = impact.tidied();
                let p = self
                    .plan_mut(plan)
                    .ok_or_else(|| not_found("intervention"))?;
                if p.impact.as_deref() != Some(&impact) {
                    p.impact = Some(Box::new(impact));
                    p.updated_ms = now;
                    self.changed(Key::Plan(plan.clone()), out);
                }
            }
            Edit::SetSource {
                assessment,
                feature,
                source,
            } => {
                let known_feature = crate::domain::base::content::four_stages()
                    .features
                    .iter()
                    .any(|f| &f.id == feature);
                let known_source = source.as_deref().is_none_or(|s| {
                    crate::domain::improvement::cycle::diagnosis_label(s).is_some()
                });
                if !known_feature || !known_source {
                    return Err(EditError::Refused(
                        "not a feature or a diagnosis source".into(),
                    ));
                }
                let a = self
                    .get_mut(assessment)
                    .ok_or_else(|| not_found("assessment"))?;
                if a.sources.get(feature) != source.as_ref() {
                    match source {
                        Some(s) => a.sources.insert(feature.clone(), s.clone()),
                        None => a.sources.remove(feature),
                    };
                    a.updated_ms = now;
                    self.changed(Key::Assessment(assessment.clone()), out);
                }
            }
            Edit::Categorise(record) => {
                if self.categorisation(&record.id).is_some() {
                    return Ok(());
                }
                check_new_id(self, &record.id)?;
                if self.school(&record.school_id).is_none() {
                    return Err(not_found("school"));
                }
                if !crate::domain::base::dates::is_iso_date(&record.date) {
                    return Err(EditError::Refused("the date is not a valid date".into()));
                }
                let mut record = record.clone();
                record.decided_by = clamp_chars(record.decided_by.trim(), MAX_NAME_CHARS);
                record.rationale = clamp_chars(record.rationale.trim(), MAX_NOTE_CHARS);
                record.updated_ms = now;
                let key = Key::Categorisation(record.id.clone());
                self.categorisations.push(record);
                self.changed(key, out);
            }
            Edit::RemoveCategorisation { id } => {
                if let Some(index) = self.categorisations.iter().position(|c| &c.id == id) {
                    let removed = self.categorisations.remove(index);
                    self.forget(id, out);
                    out.touch(Key::Categorisation(id.clone()));
                    out.undo = Some(Edit::Restore(Box::new(Restorable::Categorisation(
                        index, removed,
                    ))));
                }
            }
            Edit::SetCalendar(calendar) => {
                calendar.validate().map_err(EditError::Refused)?;
                let calendar = calendar.tidied();
                let key = Key::Calendar(calendar.id.clone());
                match self.calendars.iter().position(|c| c.id == calendar.id) {
                    Some(i) => {
                        let mut kept = calendar;
                        kept.created_ms = self.calendars[i].created_ms;
                        kept.updated_ms = self.calendars[i].updated_ms;
                        if self.calendars[i] == kept {
                            return Ok(());
                        }
                        kept.updated_ms = now;
                        self.calendars[i] = kept;
                    }
                    None => {
                        check_new_id(self, &calendar.id)?;
                        let mut added = calendar;
                        added.updated_ms = now;
                        self.calendars.push(added);
                    }
                }
                self.changed(key, out);
            }

            Edit::Import(incoming) => self.import(incoming, out),
            Edit::Reset => {
                for key in self.keys() {
                    out.touch(key);
                }
                *self = Store::default();
                out.touch(Key::Meta);
            }
            Edit::Restore(restorable) => self.restore(restorable, out)?,
            Edit::MarkDownloaded { ids } => {
                for id in ids {
                    if self.not_downloaded.remove(id) {
                        out.touch(Key::Meta);
                    }
                }
            }
            Edit::MarkAllDownloaded => {
                if !self.not_downloaded.is_empty() {
                    self.not_downloaded.clear();
                    out.touch(Key::Meta);
                }
            }
            Edit::DismissRecovered { id } => {
                let before = self.recovered.len();
                self.recovered.retain(|r| &r.id != id);
                if self.recovered.len() != before {
                    out.touch(Key::Meta);
                }
            }
            Edit::Batch(edits) => {
                // All or nothing: a refused part leaves the store as it was.
                let before = self.clone();
                let mut undo = Vec::new();
                for edit in edits {
                    if let Err(error) = self.apply_into(edit, now, out) {
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
            }
        }
        Ok(())
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
            Restorable::Respondent {
                workshop,
                index,
                respondent,
            } => {
                let w = self
                    .workshop_mut(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                if w.respondent(&respondent.id).is_none() {
                    let index = (*index).min(w.respondents.len());
                    w.respondents.insert(index, respondent.clone());
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
