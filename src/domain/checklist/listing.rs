//! The home page's list: assessments grouped by school and, within a school, by term,
//! most recently active school first, narrowed by a search, and cut into pages, so that a
//! trust's thousands of assessments stay a short list to read.

use crate::domain::base::dates::{describe_term, display, TermStart};
use crate::domain::base::school::name_key;
use crate::domain::checklist::SchoolRecords;

/// Schools shown on one page of the list.
pub const SCHOOLS_PER_PAGE: usize = 10;
/// Assessments shown under a school before "Show all".
pub const ASSESSMENTS_SHOWN: usize = 4;

/// One school in the list, with its assessments, newest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchoolEntry {
    pub school_id: String,
    pub name: String,
    pub assessment_ids: Vec<String>,
    /// The school term of each of them (by the one school-term rule, with the trust's
    /// term dates when it has entered them), in the same order.
    pub terms: Vec<String>,
    /// How many of them match the search (all when there is none).
    pub matching: usize,
}

/// The schools that have assessments, with those matching `query` (in the school's
/// name, or an assessment's scope, date, term or assessors), most recently active first.
/// `terms` are the trust's term starts (none for Waypoint's reading of the year).
pub fn school_list(
    store: &impl SchoolRecords,
    query: &str,
    terms: &[TermStart],
) -> Vec<SchoolEntry> {
    let query = name_key(query);
    let mut by_school: std::collections::HashMap<
        &str,
        Vec<&crate::domain::checklist::assessment::Assessment>,
    > = std::collections::HashMap::new();
    for a in store.assessments() {
        by_school.entry(a.school_id.as_str()).or_default().push(a);
    }
    let mut entries: Vec<(f64, SchoolEntry)> = Vec::new();
    for school in store.schools() {
        let Some(list) = by_school.get_mut(school.id.as_str()) else {
            continue;
        };
        crate::domain::base::order::sort_by(list, |a, b| {
            b.date
                .cmp(&a.date)
                .then(b.updated_ms.total_cmp(&a.updated_ms))
        });
        let school_matches = query.is_empty() || name_key(&school.name).contains(&query);
        let matching: Vec<&&crate::domain::checklist::assessment::Assessment> = list
            .iter()
            .filter(|a| {
                school_matches
                    || name_key(&a.scope.describe()).contains(&query)
                    || name_key(&a.assessors).contains(&query)
                    || a.date.is_some_and(|d| d.iso().contains(&query))
                    || name_key(&display(&a.date)).contains(&query)
                    || name_key(&describe_term(&a.date, terms)).contains(&query)
            })
            .collect();
        if matching.is_empty() {
            continue;
        }
        let latest = list.iter().map(|a| a.updated_ms).fold(0.0, f64::max);
        let shown: Vec<&crate::domain::checklist::assessment::Assessment> = if school_matches {
            list.to_vec()
        } else {
            matching.into_iter().copied().collect()
        };
        entries.push((
            latest,
            SchoolEntry {
                school_id: school.id.clone(),
                name: school.name.clone(),
                matching: shown.len(),
                assessment_ids: shown.iter().map(|a| a.id.clone()).collect(),
                terms: shown
                    .iter()
                    .map(|a| describe_term(&a.date, terms))
                    .collect(),
            },
        ));
    }
    crate::domain::base::order::sort_by(&mut entries, |a, b| {
        b.0.total_cmp(&a.0).then(a.1.name.cmp(&b.1.name))
    });
    entries.into_iter().map(|(_, e)| e).collect()
}

/// The entries of one page (counted from 0), and how many pages there are.
pub fn page_of<T: Clone>(items: &[T], page: usize, per_page: usize) -> (Vec<T>, usize) {
    let pages = items.len().div_ceil(per_page).max(1);
    let page = page.min(pages - 1);
    let start = page * per_page;
    (
        items[start.min(items.len())..(start + per_page).min(items.len())].to_vec(),
        pages,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::base::school::School;
    use crate::domain::checklist::assessment::{Assessment, AssessmentDetails, Scope};

    fn assessment(id: &str, school: &str, scope: Scope, date: &str, at: f64) -> Assessment {
        let details = AssessmentDetails {
            school: String::new(),
            scope,
            date: date.into(),
            assessors: "J. Patel".into(),
            phase: None,
        };
        Assessment::new(id.into(), school.into(), details, at)
    }

    /// The records the list reads, without the store: the checklist needs only these.
    struct Records {
        schools: Vec<School>,
        assessments: Vec<Assessment>,
    }

    impl SchoolRecords for Records {
        fn schools(&self) -> &[School] {
            &self.schools
        }
        fn assessments(&self) -> &[Assessment] {
            &self.assessments
        }
    }

    #[test]
    fn assessments_are_listed_by_school_then_term_newest_first() {
        let store = Records {
            schools: vec![
                School::new("s1".into(), "Oakfield Primary", 1.0),
                School::new("s2".into(), "Elm Park", 1.0),
            ],
            assessments: vec![
                assessment("a1", "s1", Scope::WholeSchool, "2026-10-01", 10.0),
                assessment("a2", "s1", Scope::Team("EYFS".into()), "2026-11-23", 20.0),
                assessment("a3", "s1", Scope::WholeSchool, "2027-02-02", 30.0),
                assessment("a4", "s2", Scope::WholeSchool, "2026-11-23", 5.0),
            ],
        };
        let list = school_list(&store, "", &[]);
        assert_eq!(
            list[0].name, "Oakfield Primary",
            "most recently active first"
        );
        assert_eq!(list[0].assessment_ids, ["a3", "a2", "a1"]);
        assert_eq!(
            list[0].terms,
            [
                "Spring term 2026/27",
                "Autumn term 2026/27",
                "Autumn term 2026/27"
            ]
        );
        // A term or a date as shown finds the assessments of that term or day.
        let autumn = school_list(&store, "autumn term 2026/27", &[]);
        assert_eq!(autumn.len(), 2);
        assert_eq!(autumn[0].assessment_ids, ["a2", "a1"]);
        let day = school_list(&store, "23 Nov 2026", &[]);
        assert_eq!(day[0].assessment_ids, ["a2"]);
        assert_eq!(day[1].assessment_ids, ["a4"]);
    }
}
