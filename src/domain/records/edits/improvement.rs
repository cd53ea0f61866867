//! Edits by area: The trust's improvement cycle: bands, interventions, impact, categories, the calendar.

use super::*;

/// The trust's improvement cycle: bands, interventions, impact, categories, the calendar.
#[derive(Clone, Debug, PartialEq)]
pub enum ImprovementEdit {
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
}

impl Store {
    pub(super) fn apply_improvement(
        &mut self,
        edit: &ImprovementEdit,
        now: f64,
        out: &mut Applied,
    ) -> Result<(), EditError> {
        match edit {
            ImprovementEdit::SetPoints {
                school,
                trajectory_id,
                points,
            } => self.change_trajectory(school, trajectory_id, now, out, |t| {
                let changed = t.points != *points;
                t.points = points.clone();
                changed
            })?,
            ImprovementEdit::SetThresholds {
                school,
                trajectory_id,
                thresholds,
            } => self.change_trajectory(school, trajectory_id, now, out, |t| {
                let changed = t.thresholds != *thresholds;
                t.thresholds = thresholds.clone();
                changed
            })?,
            ImprovementEdit::SetCapacity {
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
            ImprovementEdit::Commission(plan) => {
                if self.plan(&plan.id).is_some() {
                    return Ok(());
                }
                check_new_id(self, &plan.id)?;
                if self.school(&plan.school_id).is_none() {
                    return Err(not_found("school"));
                }
                if plan.start.is_none() || plan.end.is_none() {
                    return Err(EditError::Refused(
                        "the intervention has no start or time limit".into(),
                    ));
                }
                let mut plan = plan.clone();
                plan.updated_ms = now;
                let key = Key::Plan(plan.id.clone());
                self.plans.push(plan);
                self.changed(key, out);
            }
            ImprovementEdit::SetStatus { plan, status } => {
                let p = self
                    .plan_mut(plan)
                    .ok_or_else(|| not_found("intervention"))?;
                if p.status != *status {
                    p.status = *status;
                    p.updated_ms = now;
                    self.changed(Key::Plan(plan.clone()), out);
                }
            }
            ImprovementEdit::RecordReview { plan, review } => {
                let p = self
                    .plan_mut(plan)
                    .ok_or_else(|| not_found("intervention"))?;
                if review.date.is_none() {
                    return Err(EditError::Refused("the review has no date".into()));
                }
                let mut review = review.clone();
                review.note = clamp_chars(&review.note, MAX_NOTE_CHARS);
                if !p.reviews.contains(&review) {
                    p.add_review(review, now);
                    self.changed(Key::Plan(plan.clone()), out);
                }
            }
            ImprovementEdit::RemoveIntervention { plan } => {
                if let Some(index) = self.plans.iter().position(|p| &p.id == plan) {
                    let removed = self.plans.remove(index);
                    self.forget(plan, out);
                    out.touch(Key::Plan(plan.clone()));
                    out.undo = Some(Edit::Records(RecordsEdit::Restore(Box::new(
                        Restorable::Plan(index, removed),
                    ))));
                }
            }
            ImprovementEdit::RecordImpact { plan, impact } => {
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
            ImprovementEdit::SetSource {
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
            ImprovementEdit::Categorise(record) => {
                if self.categorisation(&record.id).is_some() {
                    return Ok(());
                }
                check_new_id(self, &record.id)?;
                if self.school(&record.school_id).is_none() {
                    return Err(not_found("school"));
                }
                if record.date.is_none() {
                    return Err(EditError::Refused("the decision has no date".into()));
                }
                let mut record = record.clone();
                record.decided_by = clamp_chars(record.decided_by.trim(), MAX_NAME_CHARS);
                record.rationale = clamp_chars(record.rationale.trim(), MAX_NOTE_CHARS);
                record.updated_ms = now;
                let key = Key::Categorisation(record.id.clone());
                self.categorisations.push(record);
                self.changed(key, out);
            }
            ImprovementEdit::RemoveCategorisation { id } => {
                if let Some(index) = self.categorisations.iter().position(|c| &c.id == id) {
                    let removed = self.categorisations.remove(index);
                    self.forget(id, out);
                    out.touch(Key::Categorisation(id.clone()));
                    out.undo = Some(Edit::Records(RecordsEdit::Restore(Box::new(
                        Restorable::Categorisation(index, removed),
                    ))));
                }
            }
            ImprovementEdit::SetCalendar(calendar) => {
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
        }
        Ok(())
    }
}
