//! Edits by area: The school's checklist: assessments, answers, notes and details.

use super::*;
use crate::domain::base::dates::Day;

/// The school's checklist: assessments, answers, notes and details.
#[derive(Clone, Debug, PartialEq)]
pub enum ChecklistEdit {
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
        date: Day,
        assessors: String,
        /// Marked as Early Years or Year 6 (or neither), whatever the scope's name says.
        phase: Option<Phase>,
    },
    RemoveAssessment {
        assessment: String,
    },
}

impl Store {
    pub(super) fn apply_checklist(
        &mut self,
        edit: &ChecklistEdit,
        now: f64,
        out: &mut Applied,
    ) -> Result<(), EditError> {
        match edit {
            ChecklistEdit::AddAssessment(assessment) => {
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
            ChecklistEdit::SetLevel {
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
            ChecklistEdit::SetNote {
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
            ChecklistEdit::MarkReviewed {
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
            ChecklistEdit::SetDetails {
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
                let assessors = clamp_chars(assessors.trim(), MAX_NAME_CHARS);
                let scope = clamp_scope(scope);
                let a = self
                    .get_mut(assessment)
                    .ok_or_else(|| not_found("assessment"))?;
                if a.school_id != *school_id
                    || a.scope != scope
                    || a.date != Some(*date)
                    || a.assessors != assessors
                    || a.phase() != *phase
                {
                    a.school_id = school_id.clone();
                    a.scope = scope;
                    a.date = Some(*date);
                    a.assessors = assessors;
                    a.set_phase(*phase);
                    a.updated_ms = now;
                    self.changed(Key::Assessment(assessment.clone()), out);
                    self.follow_assessment(assessment, now, out);
                }
            }
            ChecklistEdit::RemoveAssessment { assessment } => {
                if let Some(index) = self.assessments.iter().position(|a| &a.id == assessment) {
                    let removed = self.assessments.remove(index);
                    self.forget(assessment, out);
                    out.touch(Key::Assessment(assessment.clone()));
                    out.undo = Some(Edit::Records(RecordsEdit::Restore(Box::new(
                        Restorable::Assessment(index, removed),
                    ))));
                }
            }
        }
        Ok(())
    }
}
