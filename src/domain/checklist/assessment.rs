//! An assessment: who assessed what, when, and how far each observable feature matches.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use strum::{EnumString, IntoStaticStr};

use crate::domain::base::content::{Feature, Framework};
use crate::domain::base::dates::{self, Day};

/// How far an observable feature matches what the assessors see.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, IntoStaticStr, EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Level {
    NotSeen,
    Partly,
    Clearly,
    /// The feature does not apply to this scope (e.g. finance for one department).
    NotApplicable,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::NotSeen,
        Level::Partly,
        Level::Clearly,
        Level::NotApplicable,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Level::NotSeen => "Not seen",
            Level::Partly => "Partly",
            Level::Clearly => "Clearly",
            Level::NotApplicable => "Not applicable",
        }
    }

    pub fn id(self) -> &'static str {
        self.into()
    }

    /// The one letter that stands for the level in compact records and share links:
    /// c(learly), p(artly), n(ot seen), x (not applicable).
    pub fn letter(self) -> char {
        match self {
            Level::Clearly => 'c',
            Level::Partly => 'p',
            Level::NotSeen => 'n',
            Level::NotApplicable => 'x',
        }
    }

    /// The level a letter stands for; `Some(None)` for `-`, unanswered.
    pub fn from_letter(letter: char) -> Option<Option<Level>> {
        match letter {
            'c' => Some(Some(Level::Clearly)),
            'p' => Some(Some(Level::Partly)),
            'n' => Some(Some(Level::NotSeen)),
            'x' => Some(Some(Level::NotApplicable)),
            '-' => Some(None),
            _ => None,
        }
    }

    /// How much evidence the answer gives that the feature describes the school, in
    /// half points (clearly 2, partly 1, not seen 0); `None` when it does not apply.
    /// Clearly or partly.
    pub fn is_seen(self) -> bool {
        matches!(self, Level::Clearly | Level::Partly)
    }

    pub fn half_points(self) -> Option<u32> {
        match self {
            Level::NotSeen => Some(0),
            Level::Partly => Some(1),
            Level::Clearly => Some(2),
            Level::NotApplicable => None,
        }
    }
}

/// The answer to one feature: a level (if chosen yet) and an optional evidence note.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Answer {
    pub fn is_empty(&self) -> bool {
        self.level.is_none() && self.note.is_empty()
    }
}

/// What part of the school an assessment covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "name", rename_all = "snake_case")]
pub enum Scope {
    WholeSchool,
    Team(String),
    Subject(String),
    YearGroup(String),
}

/// Which end of a primary school a team, subject or year group is, when marked
/// explicitly: it overrides what Waypoint reads from the name (see
/// [`crate::domain::checklist::teams::TEAMS_RULE`]). Stored by its [`Phase::id`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    EarlyYears,
    Year6,
    /// Neither, whatever the name suggests.
    Neither,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::EarlyYears, Phase::Year6, Phase::Neither];

    pub fn label(self) -> &'static str {
        match self {
            Phase::EarlyYears => "Early Years",
            Phase::Year6 => "Year 6",
            Phase::Neither => "Neither",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Phase::EarlyYears => "early_years",
            Phase::Year6 => "year_6",
            Phase::Neither => "neither",
        }
    }

    pub fn from_id(id: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// The kinds of scope, for choosing one in a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    WholeSchool,
    Team,
    Subject,
    YearGroup,
}

impl ScopeKind {
    pub const ALL: [ScopeKind; 4] = [
        ScopeKind::WholeSchool,
        ScopeKind::Team,
        ScopeKind::Subject,
        ScopeKind::YearGroup,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ScopeKind::WholeSchool => "Whole school",
            ScopeKind::Team => "Team",
            ScopeKind::Subject => "Subject",
            ScopeKind::YearGroup => "Year group",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            ScopeKind::WholeSchool => "whole_school",
            ScopeKind::Team => "team",
            ScopeKind::Subject => "subject",
            ScopeKind::YearGroup => "year_group",
        }
    }

    pub fn from_id(id: &str) -> Option<ScopeKind> {
        ScopeKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// Builds a scope of this kind; the name is ignored for the whole school.
    pub fn with_name(self, name: &str) -> Scope {
        let name = name.trim().to_string();
        match self {
            ScopeKind::WholeSchool => Scope::WholeSchool,
            ScopeKind::Team => Scope::Team(name),
            ScopeKind::Subject => Scope::Subject(name),
            ScopeKind::YearGroup => Scope::YearGroup(name),
        }
    }
}

impl Scope {
    pub fn kind(&self) -> ScopeKind {
        match self {
            Scope::WholeSchool => ScopeKind::WholeSchool,
            Scope::Team(_) => ScopeKind::Team,
            Scope::Subject(_) => ScopeKind::Subject,
            Scope::YearGroup(_) => ScopeKind::YearGroup,
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Scope::WholeSchool => "",
            Scope::Team(n) | Scope::Subject(n) | Scope::YearGroup(n) => n,
        }
    }

    /// A short description such as "Subject: Maths" or "Whole school".
    pub fn describe(&self) -> String {
        match self {
            Scope::WholeSchool => "Whole school".to_string(),
            other => format!("{}: {}", other.kind().label(), other.name()),
        }
    }
}

/// The details a user gives when starting an assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssessmentDetails {
    pub school: String,
    pub scope: Scope,
    /// The date the assessment describes, as the form's date field gives it (yyyy-mm-dd);
    /// read by [`AssessmentDetails::day`].
    pub date: String,
    pub assessors: String,
    /// Marked as Early Years, Year 6 or neither; `None` to read it from the name.
    pub phase: Option<Phase>,
}

/// Why assessment details cannot be accepted, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DetailsProblem {
    MissingSchool,
    MissingScopeName(ScopeKind),
    BadDate,
}

impl DetailsProblem {
    pub fn message(&self) -> String {
        match self {
            DetailsProblem::MissingSchool => "Enter the school's name.".to_string(),
            DetailsProblem::MissingScopeName(kind) => {
                format!("Enter the name of the {}.", kind.label().to_lowercase())
            }
            DetailsProblem::BadDate => "Enter the date of the assessment as a real date.".into(),
        }
    }

    /// The form field the problem is about: "school", "scope-name" or "date".
    pub fn field(&self) -> &'static str {
        match self {
            DetailsProblem::MissingSchool => "school",
            DetailsProblem::MissingScopeName(_) => "scope-name",
            DetailsProblem::BadDate => "date",
        }
    }
}

impl AssessmentDetails {
    /// Checks what a form submitted; names are trimmed, other text is kept as typed.
    pub fn validate(&self) -> Result<(), DetailsProblem> {
        self.problems().into_iter().next().map_or(Ok(()), Err)
    }

    /// Every problem with what a form submitted, in the form's order, so that all of them
    /// are shown at once.
    pub fn problems(&self) -> Vec<DetailsProblem> {
        let mut problems = Vec::new();
        // The rule an import checks too: a name of only spaces or invisible characters is blank.
        if crate::domain::base::text::is_blank(&self.school) {
            problems.push(DetailsProblem::MissingSchool);
        }
        if self.scope.kind() != ScopeKind::WholeSchool && self.scope.name().trim().is_empty() {
            problems.push(DetailsProblem::MissingScopeName(self.scope.kind()));
        }
        if self.day().is_none() {
            problems.push(DetailsProblem::BadDate);
        }
        problems
    }

    /// The date entered, if it is a real date.
    pub fn day(&self) -> Option<Day> {
        Day::parse(&self.date).ok()
    }
}

/// A feature's position in the framework's order.
fn feature_index(feature_id: &str) -> Option<usize> {
    crate::domain::base::content::four_stages()
        .features
        .iter()
        .position(|f| f.id == feature_id)
}

/// A saved four-stage self-assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: String,
    /// The id of the school assessed (see [`crate::domain::base::school::School`]).
    #[serde(default)]
    pub school_id: String,
    /// The school's name, as stores and files of format 4 and older gave it instead of an
    /// id; read once by the migration to school records, never written.
    #[serde(default, rename = "school", skip_serializing)]
    pub legacy_school: Option<String>,
    pub scope: Scope,
    /// The date the assessment describes; `None` only for a record an older version took
    /// from a file with something else there (kept as stored, shown as "unknown").
    #[serde(default, with = "dates::kept", skip_serializing_if = "Option::is_none")]
    pub date: Option<Day>,
    #[serde(default)]
    pub assessors: String,
    /// Answers by feature id; features not present are unanswered. Kept compact (see
    /// [`compact_answers`]) so that thousands of assessments fit in a browser's storage.
    #[serde(default, with = "compact_answers")]
    pub answers: BTreeMap<String, Answer>,
    /// Marked as Early Years, Year 6 or neither (a [`Phase::id`]); empty (absent) to read
    /// it from the scope's name. Text, not an enum, so that an unknown value reads as unmarked.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phase: String,
    /// Where each evidence note comes from: feature id → a diagnosis source's id (see
    /// `content/trust_cycle.json`). Absent in older data.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sources: BTreeMap<String, String>,
    /// For a reassessment: the earlier assessment it started from, and which answers
    /// have been looked at again. Absent for an assessment started blank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefilled: Option<Prefill>,
    /// Milliseconds since 1970, when created and last changed.
    pub created_ms: f64,
    pub updated_ms: f64,
}

/// Where a reassessment started: the earlier assessment's date and answers, kept as they
/// were (the earlier one may be changed or deleted later), and which answers the
/// assessors have looked at again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Prefill {
    /// That assessment's date; `None` as for [`Assessment::date`].
    #[serde(default, with = "dates::kept", skip_serializing_if = "Option::is_none")]
    pub date: Option<Day>,
    /// Its levels, one letter per feature in the framework's order (as stored answers).
    pub levels: String,
    /// One letter per feature in the framework's order: `r` looked at again, `-` not yet.
    #[serde(default)]
    pub reviewed: String,
}

/// Where one pre-filled answer has got to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recheck {
    /// Carried over and not looked at yet.
    Unreviewed,
    /// Looked at again and kept.
    Reviewed,
    /// Different from the earlier answer (`was`).
    Changed { was: Option<Level> },
}

/// The level at `index` of a string of level letters (`None`: unanswered or unreadable).
pub fn level_at(letters: &str, index: usize) -> Option<Level> {
    letters
        .chars()
        .nth(index)
        .and_then(Level::from_letter)
        .flatten()
}

impl Assessment {
    /// A new assessment of the school `school_id`, from details without problems
    /// ([`AssessmentDetails::problems`]); `details.school` (its name) is not kept here.
    pub fn new(
        id: String,
        school_id: String,
        details: AssessmentDetails,
        now_ms: f64,
    ) -> Assessment {
        Assessment {
            id,
            school_id,
            legacy_school: None,
            date: details.day(),
            scope: details.scope,
            assessors: details.assessors.trim().to_string(),
            answers: BTreeMap::new(),
            phase: details.phase.map_or(String::new(), |p| p.id().to_string()),
            sources: BTreeMap::new(),
            prefilled: None,
            created_ms: now_ms,
            updated_ms: now_ms,
        }
    }

    /// The details as a form shows them, with the school's name.
    pub fn details(&self, school_name: &str) -> AssessmentDetails {
        AssessmentDetails {
            school: school_name.to_string(),
            scope: self.scope.clone(),
            date: self.date.map(Day::iso).unwrap_or_default(),
            assessors: self.assessors.clone(),
            phase: self.phase(),
        }
    }

    /// The marked phase, if any.
    pub fn phase(&self) -> Option<Phase> {
        Phase::from_id(&self.phase)
    }

    /// Marks the phase, or clears the mark with `None`.
    pub fn set_phase(&mut self, phase: Option<Phase>) {
        self.phase = phase.map_or(String::new(), |p| p.id().to_string());
    }

    /// A title for lists and headings, e.g. "Oakfield Primary — Subject: Maths".
    pub fn title(&self, school_name: &str) -> String {
        match self.scope {
            Scope::WholeSchool => school_name.to_string(),
            ref scope => format!("{school_name} — {}", scope.describe()),
        }
    }

    pub fn answer(&self, feature_id: &str) -> Option<&Answer> {
        self.answers.get(feature_id)
    }

    pub fn level(&self, feature_id: &str) -> Option<Level> {
        self.answers.get(feature_id).and_then(|a| a.level)
    }

    /// Records a level (or clears it with `None`), keeping any note.
    pub fn set_level(&mut self, feature_id: &str, level: Option<Level>, now_ms: f64) {
        let answer = self.answers.entry(feature_id.to_string()).or_default();
        answer.level = level;
        self.tidy(feature_id);
        self.updated_ms = now_ms;
    }

    /// Records the evidence note for a feature, exactly as typed.
    pub fn set_note(&mut self, feature_id: &str, note: &str, now_ms: f64) {
        let answer = self.answers.entry(feature_id.to_string()).or_default();
        answer.note = note.to_string();
        self.tidy(feature_id);
        self.updated_ms = now_ms;
    }

    /// The diagnosis source of a feature's evidence note, if one was given.
    pub fn source(&self, feature_id: &str) -> Option<&str> {
        self.sources.get(feature_id).map(String::as_str)
    }

    fn tidy(&mut self, feature_id: &str) {
        if self.answers.get(feature_id).is_some_and(Answer::is_empty) {
            self.answers.remove(feature_id);
        }
    }

    /// The next assessment of the same school and scope: starts from these answers and
    /// notes, dated `date`, so that only what changed needs answering; it remembers what
    /// it started from, and every answer is marked as not yet looked at again.
    pub fn reassess(&self, new_id: String, date: Day, now_ms: f64) -> Assessment {
        let count = crate::domain::base::content::four_stages().features.len();
        Assessment {
            id: new_id,
            date: Some(date),
            prefilled: Some(Prefill {
                date: self.date,
                levels: self.level_letters(),
                reviewed: "-".repeat(count),
            }),
            created_ms: now_ms,
            updated_ms: now_ms,
            ..self.clone()
        }
    }

    /// The levels, one letter per feature in the framework's order (`-` unanswered).
    pub fn level_letters(&self) -> String {
        crate::domain::base::content::four_stages()
            .features
            .iter()
            .map(|f| self.level(&f.id).map_or('-', Level::letter))
            .collect()
    }

    /// Where a pre-filled answer has got to; `None` when the assessment was not pre-filled.
    pub fn review(&self, feature_id: &str) -> Option<Recheck> {
        let prefill = self.prefilled.as_ref()?;
        let index = feature_index(feature_id)?;
        let was = level_at(&prefill.levels, index);
        Some(if was != self.level(feature_id) {
            Recheck::Changed { was }
        } else if prefill.reviewed.chars().nth(index) == Some('r') {
            Recheck::Reviewed
        } else {
            Recheck::Unreviewed
        })
    }

    /// Marks a pre-filled answer as looked at again; false when nothing changed.
    pub fn mark_reviewed(&mut self, feature_id: &str) -> bool {
        let (Some(prefill), Some(index)) = (self.prefilled.as_mut(), feature_index(feature_id))
        else {
            return false;
        };
        let mut marks: Vec<char> = prefill.reviewed.chars().collect();
        marks.resize(marks.len().max(index + 1), '-');
        if marks[index] == 'r' {
            return false;
        }
        marks[index] = 'r';
        prefill.reviewed = marks.into_iter().collect();
        true
    }

    /// The carried-over answers among `features` not looked at yet: what "keep the rest of
    /// this part as it was" marks reviewed.
    pub fn unreviewed_among<'a>(
        &self,
        features: impl IntoIterator<Item = &'a crate::domain::base::content::Feature>,
    ) -> Vec<String> {
        features
            .into_iter()
            .filter(|f| self.review(&f.id) == Some(Recheck::Unreviewed))
            .map(|f| f.id.clone())
            .collect()
    }

    /// How many pre-filled answers are reviewed or changed, and how many changed.
    pub fn review_counts(&self) -> (usize, usize) {
        let features = &crate::domain::base::content::four_stages().features;
        let reviews = features.iter().filter_map(|f| self.review(&f.id));
        reviews.fold((0, 0), |(seen, changed), r| match r {
            Recheck::Unreviewed => (seen, changed),
            Recheck::Reviewed => (seen + 1, changed),
            Recheck::Changed { .. } => (seen + 1, changed + 1),
        })
    }

    /// How many of the framework's features have a level chosen.
    pub fn answered_count(&self, framework: &Framework) -> usize {
        self.answered_among(framework.features.iter())
    }

    /// How many of the given features have a level chosen.
    pub fn answered_among<'a>(&self, features: impl Iterator<Item = &'a Feature>) -> usize {
        features.filter(|f| self.level(&f.id).is_some()).count()
    }
}

/// Answers as stored and exported: `{"levels": "cpn-x…", "notes": {"repair-2": "…"}}`,
/// one letter per feature in the framework's order, instead of an object per answer
/// (a fifth of the size). Reading also accepts the older form, an object per feature id.
pub mod compact_answers {
    use serde::de::{MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserializer, Serializer};
    use std::collections::BTreeMap;

    use super::{Answer, Level};
    use crate::domain::base::content::four_stages;

    pub fn serialize<S: Serializer>(
        answers: &BTreeMap<String, Answer>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let features = &four_stages().features;
        let levels: String = features
            .iter()
            .map(|f| {
                answers
                    .get(&f.id)
                    .and_then(|a| a.level)
                    .map_or('-', Level::letter)
            })
            .collect();
        let notes: BTreeMap<&str, &str> = answers
            .iter()
            .filter(|(_, a)| !a.note.is_empty())
            .map(|(id, a)| (id.as_str(), a.note.as_str()))
            .collect();
        // An answer to a feature the framework lacks keeps its old form (never lost).
        let others: Vec<(&String, &Answer)> = answers
            .iter()
            .filter(|(id, _)| !features.iter().any(|f| &f.id == *id))
            .collect();
        let mut map = serializer.serialize_map(None)?;
        if levels.chars().any(|c| c != '-') {
            map.serialize_entry("levels", &levels)?;
        }
        if !notes.is_empty() {
            map.serialize_entry("notes", &notes)?;
        }
        for (id, answer) in others {
            map.serialize_entry(id, answer)?;
        }
        map.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<String, Answer>, D::Error> {
        struct AnswersVisitor;
        impl<'de> Visitor<'de> for AnswersVisitor {
            type Value = BTreeMap<String, Answer>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("answers")
            }

            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut answers: BTreeMap<String, Answer> = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "levels" => {
                            let letters: String = map.next_value()?;
                            let features = &four_stages().features;
                            for (feature, letter) in features.iter().zip(letters.chars()) {
                                let level = Level::from_letter(letter).ok_or_else(|| {
                                    serde::de::Error::custom(format!(
                                        "unknown answer letter `{letter}`, expected one of c, p, n, x, -"
                                    ))
                                })?;
                                if level.is_some() {
                                    answers.entry(feature.id.clone()).or_default().level = level;
                                }
                            }
                        }
                        "notes" => {
                            let notes: BTreeMap<String, String> = map.next_value()?;
                            for (id, note) in notes.into_iter().filter(|(_, n)| !n.is_empty()) {
                                answers.entry(id).or_default().note = note;
                            }
                        }
                        _ => {
                            // An answer to a feature the framework lacks, or a newer
                            // version's field: the latter is not an answer, and is kept
                            // by the records' layout (written back, never dropped).
                            let value: serde_json::Value = map.next_value()?;
                            match <Answer as serde::Deserialize>::deserialize(&value) {
                                Ok(answer) if !answer.is_empty() => {
                                    answers.insert(key, answer);
                                }
                                Ok(_) => {}
                                Err(e) if e.to_string().contains("unknown variant") => {
                                    return Err(serde::de::Error::custom(e));
                                }
                                Err(_) => {}
                            }
                        }
                    }
                }
                Ok(answers)
            }
        }
        deserializer.deserialize_map(AnswersVisitor)
    }
}
