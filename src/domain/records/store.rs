//! Everything Waypoint keeps for one browser, and how to find things in it.
//!
//! The store changes only through [`Store::apply`] (see `edit.rs`), which keeps the
//! timestamps, the ids and the record of what changed since the last download.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use crate::domain::base::school::{School, Trust};
use crate::domain::checklist::assessment::Assessment;
use crate::domain::checklist::SchoolRecords;
use crate::domain::improvement::calendar::TrustCalendar;
use crate::domain::improvement::categorisation::Categorisation;
use crate::domain::improvement::plans::Intervention;
use crate::domain::improvement::trajectory::Trajectory;
use crate::domain::improvement::TrustRecords;
use crate::domain::workshop::aas::Workshop;
use crate::domain::workshop::WorkshopRecords;

/// Everything Waypoint keeps for one browser.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Store {
    #[serde(default)]
    pub schools: Vec<School>,
    #[serde(default)]
    pub trusts: Vec<Trust>,
    #[serde(default)]
    pub assessments: Vec<Assessment>,
    /// Autonomy–Alignment–Standardisation workshops.
    #[serde(default)]
    pub workshops: Vec<Workshop>,
    /// Performance trajectories, one per school.
    #[serde(default)]
    pub trajectories: Vec<Trajectory>,
    /// Commissioned interventions (intervention plans), every school's.
    #[serde(default)]
    pub plans: Vec<Intervention>,
    /// The board's categorisations of its schools and their reviews, every school's.
    #[serde(default)]
    pub categorisations: Vec<Categorisation>,
    /// The trust's calendar (one, normally; an import may bring another).
    #[serde(default)]
    pub calendars: Vec<TrustCalendar>,
    /// Ids of the items changed since they were last downloaded: the backup reminder.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub not_downloaded: BTreeSet<String>,
    /// Text that another tab wrote at the same time as this one, kept for the user.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recovered: Vec<Recovered>,
    /// Pairs of school ids the user said are different schools, so Waypoint does not
    /// ask again whether they are the same.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub distinct: Vec<(String, String)>,
    /// What each stored record holds that this build does not know (a newer version's
    /// fields), by storage key: written back with the record, never dropped (see
    /// `layout::unknown_parts`). Not part of exports.
    #[serde(skip)]
    pub unknown: std::collections::BTreeMap<String, serde_json::Value>,
}

/// Where a piece of text lives, so that recovered text can be put back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextPlace {
    AssessmentNote {
        assessment: String,
        feature: String,
    },
    PracticeNote {
        workshop: String,
        /// Stored under its earlier name.
        #[serde(rename = "respondent")]
        member: String,
        practice: String,
    },
}

/// Text that was replaced because two tabs edited it at the same time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovered {
    pub id: String,
    pub place: TextPlace,
    /// What the text was about, in words ("Note on … in Oakfield Primary").
    pub what: String,
    /// The other tab's text, which this tab's replaced.
    pub text: String,
    pub at_ms: f64,
}

impl Store {
    /// The assessment with this id (the checklist's lookup, kept as a method of its own
    /// so that views need no trait in scope).
    pub fn get(&self, id: &str) -> Option<&Assessment> {
        SchoolRecords::assessment(self, id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Assessment> {
        self.assessments.iter_mut().find(|a| a.id == id)
    }

    pub fn school_mut(&mut self, id: &str) -> Option<&mut School> {
        self.schools.iter_mut().find(|s| s.id == id)
    }

    pub fn trust(&self, id: &str) -> Option<&Trust> {
        self.trusts.iter().find(|t| t.id == id)
    }

    /// A trust's name, or "Unknown trust" when its record is missing.
    pub fn trust_name(&self, id: &str) -> &str {
        self.trust(id).map_or("Unknown trust", |t| t.name.as_str())
    }

    /// An assessment's title with its school's current name.
    pub fn title(&self, assessment: &Assessment) -> String {
        assessment.title(self.school_name(&assessment.school_id))
    }

    /// A workshop's title with its trust's current name.
    pub fn workshop_title(&self, workshop: &Workshop) -> String {
        workshop.title(self.trust_name(&workshop.trust_id))
    }

    pub fn workshop(&self, id: &str) -> Option<&Workshop> {
        self.workshops.iter().find(|w| w.id == id)
    }

    pub fn workshop_mut(&mut self, id: &str) -> Option<&mut Workshop> {
        self.workshops.iter_mut().find(|w| w.id == id)
    }

    /// The latest assessment of the same school and scope dated after `assessment`, if
    /// any: reassessing from an older one would start from out-of-date answers.
    pub fn newer_than<'a>(&'a self, assessment: &Assessment) -> Option<&'a Assessment> {
        self.assessments
            .iter()
            .filter(|a| {
                a.school_id == assessment.school_id
                    && a.scope == assessment.scope
                    && a.date > assessment.date
            })
            .max_by(|a, b| a.date.cmp(&b.date))
    }

    pub fn plan(&self, id: &str) -> Option<&Intervention> {
        self.plans.iter().find(|p| p.id == id)
    }

    pub fn plan_mut(&mut self, id: &str) -> Option<&mut Intervention> {
        self.plans.iter_mut().find(|p| p.id == id)
    }

    /// The categorisation with this id.
    pub fn categorisation(&self, id: &str) -> Option<&Categorisation> {
        self.categorisations.iter().find(|c| c.id == id)
    }

    /// The trust's calendar: the one changed last, if there is one.
    pub fn calendar(&self) -> Option<&TrustCalendar> {
        self.calendars
            .iter()
            .max_by(|a, b| a.updated_ms.total_cmp(&b.updated_ms))
    }

    /// How often schools are categorised, reviewed and reassessed: the calendar's, or
    /// the source's when there is no calendar yet.
    pub fn intervals(&self) -> crate::domain::improvement::categorisation::Intervals {
        self.calendar()
            .map(TrustCalendar::intervals)
            .unwrap_or_default()
    }

    /// When anything saved last changed (milliseconds since 1970), if anything is saved.
    pub fn last_change_ms(&self) -> Option<f64> {
        self.assessments
            .iter()
            .map(|a| a.updated_ms)
            .chain(self.workshops.iter().map(|w| w.updated_ms))
            .chain(self.trajectories.iter().map(|t| t.updated_ms))
            .chain(self.plans.iter().map(|p| p.updated_ms))
            .chain(self.categorisations.iter().map(|c| c.updated_ms))
            .chain(self.calendars.iter().map(|c| c.updated_ms))
            .chain(self.schools.iter().map(|s| s.updated_ms))
            .reduce(f64::max)
    }

    /// How many items changed since they were last downloaded (in any export).
    pub fn changes_not_downloaded(&self) -> usize {
        self.not_downloaded.len()
    }

    /// Every id kept, of every kind (for checking many new ids at once).
    pub fn all_ids(&self) -> std::collections::HashSet<&str> {
        self.assessments
            .iter()
            .map(|a| a.id.as_str())
            .chain(self.workshops.iter().map(|w| w.id.as_str()))
            .chain(self.trajectories.iter().map(|t| t.id.as_str()))
            .chain(self.plans.iter().map(|p| p.id.as_str()))
            .chain(self.categorisations.iter().map(|c| c.id.as_str()))
            .chain(self.calendars.iter().map(|c| c.id.as_str()))
            .chain(self.schools.iter().map(|s| s.id.as_str()))
            .chain(self.trusts.iter().map(|t| t.id.as_str()))
            .collect()
    }

    /// Whether an item of any kind already has this id (ids are unique across kinds).
    pub fn has_id(&self, id: &str) -> bool {
        self.assessments.iter().any(|a| a.id == id)
            || self.workshops.iter().any(|w| w.id == id)
            || self.trajectories.iter().any(|t| t.id == id)
            || self.plans.iter().any(|p| p.id == id)
            || self.categorisations.iter().any(|c| c.id == id)
            || self.calendars.iter().any(|c| c.id == id)
            || self.schools.iter().any(|s| s.id == id)
            || self.trusts.iter().any(|t| t.id == id)
    }

    /// Whether the user said these two schools are different.
    pub fn said_distinct(&self, a: &str, b: &str) -> bool {
        self.distinct
            .iter()
            .any(|(x, y)| (x == a && y == b) || (x == b && y == a))
    }

    /// Pairs of schools whose names look alike and that the user has not yet said are
    /// different: Waypoint asks whether each pair is one school.
    pub fn possible_duplicate_schools(&self) -> Vec<(&School, &School)> {
        // Each name is read once: a trust's hundreds of schools make many pairs.
        let words: Vec<(String, Vec<String>)> = self
            .schools
            .iter()
            .map(|s| crate::domain::base::school::name_words(&s.name))
            .collect();
        let mut pairs = Vec::new();
        for (i, a) in self.schools.iter().enumerate() {
            for (j, b) in self.schools.iter().enumerate().skip(i + 1) {
                let (wa, wb) = (&words[i], &words[j]);
                if crate::domain::base::school::words_alike((&wa.0, &wa.1), (&wb.0, &wb.1))
                    && !self.said_distinct(&a.id, &b.id)
                {
                    pairs.push((a, b));
                }
            }
        }
        pairs
    }

    /// How a typed school name relates to the schools kept: the same one, ones that
    /// look alike (the user is asked), or none (a new school).
    pub fn match_school(&self, name: &str) -> crate::domain::base::school::NameMatch {
        crate::domain::base::school::match_name(
            name,
            self.schools
                .iter()
                .map(|s| (s.id.as_str(), s.name.as_str())),
        )
    }

    /// How a typed trust name relates to the trusts kept.
    pub fn match_trust(&self, name: &str) -> crate::domain::base::school::NameMatch {
        crate::domain::base::school::match_name(
            name,
            self.trusts.iter().map(|t| (t.id.as_str(), t.name.as_str())),
        )
    }

    /// Whether the store holds nothing a user made.
    pub fn is_empty(&self) -> bool {
        self.assessments.is_empty()
            && self.workshops.is_empty()
            && self.trajectories.is_empty()
            && self.plans.is_empty()
            && self.categorisations.is_empty()
            && self.calendars.is_empty()
            && self.schools.is_empty()
            && self.trusts.is_empty()
    }
}

impl SchoolRecords for Store {
    fn schools(&self) -> &[School] {
        &self.schools
    }
    fn assessments(&self) -> &[Assessment] {
        &self.assessments
    }
}

impl WorkshopRecords for Store {
    fn workshops(&self) -> &[Workshop] {
        &self.workshops
    }
}

impl TrustRecords for Store {
    fn plans(&self) -> &[Intervention] {
        &self.plans
    }
    fn categorisations(&self) -> &[Categorisation] {
        &self.categorisations
    }
    fn trajectories(&self) -> &[Trajectory] {
        &self.trajectories
    }
    fn calendars(&self) -> &[TrustCalendar] {
        &self.calendars
    }
}
