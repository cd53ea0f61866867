//! The collection of saved assessments and the edits a user can make to it.

use serde::{Deserialize, Serialize};

use super::aas::Workshop;
use super::assessment::{Assessment, AssessmentDetails};
use super::plan::Intervention;
use super::trajectory::Trajectory;

/// Everything Waypoint keeps for one browser.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Store {
    pub assessments: Vec<Assessment>,
    /// Autonomy–Alignment–Standardisation workshops.
    #[serde(default)]
    pub workshops: Vec<Workshop>,
    /// Performance trajectories, one per school.
    #[serde(default)]
    pub trajectories: Vec<Trajectory>,
    /// Commissioned interventions (action plans), every school's.
    #[serde(default)]
    pub plans: Vec<Intervention>,
}

/// An assessment taken out of the store, kept so that the deletion can be undone.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    pub index: usize,
    pub assessment: Assessment,
}

impl Store {
    pub fn get(&self, id: &str) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Assessment> {
        self.assessments.iter_mut().find(|a| a.id == id)
    }

    /// Adds an assessment at the top of the list.
    pub fn add(&mut self, assessment: Assessment) {
        self.assessments.insert(0, assessment);
    }

    /// Removes an assessment, returning what is needed to put it back.
    pub fn remove(&mut self, id: &str) -> Option<Removed> {
        let index = self.assessments.iter().position(|a| a.id == id)?;
        Some(Removed {
            index,
            assessment: self.assessments.remove(index),
        })
    }

    /// Puts a removed assessment back where it was (or at the end if the list shrank).
    pub fn restore(&mut self, removed: Removed) {
        if self.get(&removed.assessment.id).is_some() {
            return;
        }
        let index = removed.index.min(self.assessments.len());
        self.assessments.insert(index, removed.assessment);
    }

    /// Adds a copy of an assessment just below the original; returns the copy's id.
    pub fn duplicate(&mut self, id: &str, new_id: String, now_ms: f64) -> Option<String> {
        let index = self.assessments.iter().position(|a| a.id == id)?;
        let copy = self.assessments[index].duplicate(new_id.clone(), now_ms);
        self.assessments.insert(index + 1, copy);
        Some(new_id)
    }

    /// Renames the school of an assessment; an empty name is refused. Interventions
    /// commissioned from it move with it, so the trust overview shows no stale school.
    pub fn rename(&mut self, id: &str, school: &str, now_ms: f64) -> bool {
        let school = school.trim();
        match self.get_mut(id) {
            Some(a) if !school.is_empty() => {
                a.school = school.to_string();
                a.updated_ms = now_ms;
                self.follow_assessment(id, now_ms);
                true
            }
            _ => false,
        }
    }

    /// Replaces an assessment's details (school, scope, date, assessors).
    pub fn set_details(&mut self, id: &str, details: AssessmentDetails, now_ms: f64) {
        if let Some(a) = self.get_mut(id) {
            a.school = details.school.trim().to_string();
            a.scope = details.scope;
            a.date = details.date;
            a.assessors = details.assessors.trim().to_string();
            a.updated_ms = now_ms;
            self.follow_assessment(id, now_ms);
        }
    }

    /// Gives the interventions commissioned from an assessment its school's name.
    fn follow_assessment(&mut self, id: &str, now_ms: f64) {
        let Some(school) = self.get(id).map(|a| a.school.clone()) else {
            return;
        };
        for plan in self
            .plans
            .iter_mut()
            .filter(|p| p.assessment_id.as_deref() == Some(id) && p.school != school)
        {
            plan.school = school.clone();
            plan.updated_ms = now_ms;
        }
    }
}

impl Store {
    pub fn workshop(&self, id: &str) -> Option<&Workshop> {
        self.workshops.iter().find(|w| w.id == id)
    }

    pub fn workshop_mut(&mut self, id: &str) -> Option<&mut Workshop> {
        self.workshops.iter_mut().find(|w| w.id == id)
    }

    /// The trajectory of a school (by its key), if one was entered.
    pub fn trajectory_of(&self, school_key: &str) -> Option<&Trajectory> {
        self.trajectories
            .iter()
            .find(|t| super::teams::school_key(&t.school) == school_key)
    }

    /// The trajectory of a school, created empty if it has none yet.
    pub fn trajectory_mut(&mut self, school: &str, new_id: String, now_ms: f64) -> &mut Trajectory {
        let key = super::teams::school_key(school);
        match self
            .trajectories
            .iter()
            .position(|t| super::teams::school_key(&t.school) == key)
        {
            Some(index) => &mut self.trajectories[index],
            None => {
                self.trajectories
                    .push(Trajectory::new(new_id, school, now_ms));
                self.trajectories.last_mut().expect("just pushed")
            }
        }
    }

    /// The assessments of one school (by its key).
    pub fn assessments_of<'a>(
        &'a self,
        school_key: &'a str,
    ) -> impl Iterator<Item = &'a Assessment> + 'a {
        self.assessments
            .iter()
            .filter(move |a| super::teams::school_key(&a.school) == school_key)
    }

    pub fn plan(&self, id: &str) -> Option<&Intervention> {
        self.plans.iter().find(|p| p.id == id)
    }

    pub fn plan_mut(&mut self, id: &str) -> Option<&mut Intervention> {
        self.plans.iter_mut().find(|p| p.id == id)
    }

    /// The interventions commissioned from one assessment.
    pub fn plans_from<'a>(
        &'a self,
        assessment_id: &'a str,
    ) -> impl Iterator<Item = &'a Intervention> + 'a {
        self.plans
            .iter()
            .filter(move |p| p.assessment_id.as_deref() == Some(assessment_id))
    }

    /// The interventions of one school (by its key).
    pub fn plans_of<'a>(
        &'a self,
        school_key: &'a str,
    ) -> impl Iterator<Item = &'a Intervention> + 'a {
        self.plans
            .iter()
            .filter(move |p| super::teams::school_key(&p.school) == school_key)
    }

    /// When anything saved last changed (milliseconds since 1970), if anything is saved.
    pub fn last_change_ms(&self) -> Option<f64> {
        self.assessments
            .iter()
            .map(|a| a.updated_ms)
            .chain(self.workshops.iter().map(|w| w.updated_ms))
            .chain(self.trajectories.iter().map(|t| t.updated_ms))
            .chain(self.plans.iter().map(|p| p.updated_ms))
            .reduce(f64::max)
    }

    /// Whether something changed since the last full export (or nothing was ever exported),
    /// so the user should be reminded to download a backup.
    pub fn has_unexported_work(&self, last_export_ms: Option<f64>) -> bool {
        match (self.last_change_ms(), last_export_ms) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(changed), Some(exported)) => changed > exported,
        }
    }

    /// Whether any item of any kind already has this id (ids are unique across kinds).
    pub fn has_id(&self, id: &str) -> bool {
        self.assessments.iter().any(|a| a.id == id)
            || self.workshops.iter().any(|w| w.id == id)
            || self.trajectories.iter().any(|t| t.id == id)
            || self.plans.iter().any(|p| p.id == id)
    }

    /// Adds a workshop at the top of its list.
    pub fn add_workshop(&mut self, workshop: Workshop) {
        self.workshops.insert(0, workshop);
    }

    /// Removes a workshop; returns it so the caller can offer to undo.
    pub fn remove_workshop(&mut self, id: &str) -> Option<(usize, Workshop)> {
        let index = self.workshops.iter().position(|w| w.id == id)?;
        Some((index, self.workshops.remove(index)))
    }
}
