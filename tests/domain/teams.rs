//! One school as a whole: the teams map and its flags, history, and reassessment.

use crate::support::answered;
use waypoint::domain::base::content::{four_stages, Stage};
use waypoint::domain::base::ids::is_valid_id;
use waypoint::domain::base::school::{match_name, NameMatch, School};
use waypoint::domain::checklist::assessment::{Assessment, Level::*, Phase, Scope};
use waypoint::domain::checklist::teams::{
    history, is_early_years, is_year_6, teams_map, TEAMS_RULE,
};
use waypoint::domain::checklist::SchoolRecords;
use waypoint::domain::improvement::TrustRecords;
use waypoint::domain::records::edits::Edit;
use waypoint::domain::records::edits::{ChecklistEdit, ImprovementEdit, SchoolEdit};
use waypoint::domain::records::store::Store;
use waypoint::route::Route;

fn scoped(
    id: &str,
    scope: Scope,
    date: &str,
    levels: [waypoint::domain::checklist::assessment::Level; 4],
) -> Assessment {
    let mut a = answered(levels);
    a.id = id.into();
    a.scope = scope;
    a.date = Some(crate::support::day(date));
    a
}

const REPAIR: [waypoint::domain::checklist::assessment::Level; 4] =
    [Partly, Clearly, NotSeen, NotSeen];
const IMPROVE: [waypoint::domain::checklist::assessment::Level; 4] =
    [NotSeen, Partly, Clearly, NotSeen];
const SUSTAIN: [waypoint::domain::checklist::assessment::Level; 4] =
    [NotSeen, NotSeen, Partly, Clearly];

#[test]
fn the_map_shows_the_latest_assessment_of_each_scope() {
    let list = [
        scoped("m1", Scope::Subject("Maths".into()), "2025-07-01", REPAIR),
        scoped("m2", Scope::Subject("Maths".into()), "2026-07-01", IMPROVE),
        scoped("w1", Scope::WholeSchool, "2026-07-01", IMPROVE),
        scoped("p1", Scope::Subject("PE".into()), "2026-07-01", SUSTAIN),
    ];
    let map = teams_map(four_stages(), list.iter());
    let scopes: Vec<&str> = map.rows.iter().map(|r| r.scope.as_str()).collect();
    assert_eq!(scopes, ["Whole school", "Subject: Maths", "Subject: PE"]);
    assert_eq!(map.rows[1].assessment_id, "m2");
    assert_eq!(map.rows[1].overall, Some(Stage::Improve));
    assert_eq!(map.rows[2].overall, Some(Stage::Sustain));
    assert_eq!(map.rows[0].themes.len(), 6);
    assert!(map.flags.is_empty());
}

#[test]
fn early_years_and_year_6_both_in_repair_are_flagged() {
    let list = [
        scoped("e", Scope::YearGroup("EYFS".into()), "2026-07-01", REPAIR),
        scoped("y", Scope::YearGroup("Year 6".into()), "2026-07-01", REPAIR),
        scoped("m", Scope::Subject("Maths".into()), "2026-07-01", IMPROVE),
    ];
    let map = teams_map(four_stages(), list.iter());
    assert_eq!(map.flags.len(), 1);
    assert!(
        map.flags[0].starts_with(
            "Year group: EYFS (1\u{a0}Jul\u{a0}2026) and Year group: Year 6 (1\u{a0}Jul\u{a0}2026) both need repair"
        ),
        "{}",
        map.flags[0]
    );
    let fine = [
        list[0].clone(),
        scoped("y", Scope::YearGroup("Y6".into()), "2026-07-01", IMPROVE),
    ];
    assert!(teams_map(four_stages(), fine.iter()).flags.is_empty());
}

#[test]
fn several_teams_in_stabilise_are_flagged() {
    let crisis = [Clearly, NotSeen, NotSeen, NotSeen];
    let list = [
        scoped("a", Scope::Subject("Science".into()), "2026-07-01", crisis),
        scoped("b", Scope::Subject("English".into()), "2026-07-01", crisis),
    ];
    let map = teams_map(four_stages(), list.iter());
    assert_eq!(map.flags, vec!["Waypoint's own check, not Carter's: Subject: English, Subject: Science are all in Stabilise in the same school term; the school may not have the capacity to stabilise them all at once.".to_string()]);
    assert!(TEAMS_RULE.contains("is Waypoint's own, not Carter's"));
}

/// Today an Early Years assessment from years ago was paired with this term's Year 6.
#[test]
fn at_the_same_time_means_within_a_term() {
    let old_ey = scoped("e", Scope::YearGroup("EYFS".into()), "2023-03-01", REPAIR);
    let y6 = scoped("y", Scope::YearGroup("Year 6".into()), "2026-07-01", REPAIR);
    let map = teams_map(four_stages(), [old_ey, y6.clone()].iter());
    assert_eq!(map.flags.len(), 1);
    assert!(
        map.flags[0].contains("in different school terms")
            && !map.flags[0].contains("both need repair or stabilising at the same time."),
        "{}",
        map.flags[0]
    );
    let recent_ey = scoped("e", Scope::YearGroup("EYFS".into()), "2026-05-20", REPAIR);
    let map = teams_map(four_stages(), [recent_ey, y6].iter());
    assert!(map.flags[0].contains("both need repair"), "{:?}", map.flags);
    assert!(TEAMS_RULE.contains("the same school term (autumn, spring or summer)"));
}

#[test]
fn more_names_are_recognised_and_a_marker_overrides_the_name() {
    let team = |name: &str| scoped("t", Scope::Team(name.into()), "2026-07-01", REPAIR);
    for name in [
        "Reception class",
        "Foundation Stage",
        "FS2",
        "EYFS unit",
        "Early Years team",
        "Nursery",
    ] {
        assert!(is_early_years(&team(name)), "{name}");
        assert!(!is_year_6(&team(name)), "{name}");
    }
    for name in ["Y6 team", "Year 6", "Yr 6 class", "Year Six", "year6"] {
        assert!(is_year_6(&team(name)), "{name}");
        assert!(!is_early_years(&team(name)), "{name}");
    }
    for name in ["Year 10", "Y16", "Maths", "Receptionists"] {
        let t = team(name);
        assert!(!is_year_6(&t) && !is_early_years(&t), "{name}");
    }
    // The stored ids, which the details form's options use.
    assert_eq!(
        Phase::ALL.map(Phase::id),
        ["early_years", "year_6", "neither"]
    );
    // Marked explicitly: the marker wins over the name.
    let mut little = team("Little Acorns");
    little.set_phase(Some(Phase::EarlyYears));
    assert!(is_early_years(&little));
    let mut leavers = team("Leavers");
    leavers.set_phase(Some(Phase::Year6));
    assert!(is_year_6(&leavers));
    let mut not_ey = team("Reception office");
    not_ey.set_phase(Some(Phase::Neither));
    assert!(!is_early_years(&not_ey));
    let map = teams_map(four_stages(), [little, leavers].iter());
    assert!(
        map.flags[0].starts_with("Team: Little Acorns (1\u{a0}Jul\u{a0}2026) and Team: Leavers"),
        "{:?}",
        map.flags
    );
}

#[test]
fn history_orders_each_scope_by_date_and_compares() {
    let list = [
        scoped("m2", Scope::Subject("Maths".into()), "2026-07-01", IMPROVE),
        scoped("m1", Scope::Subject("maths".into()), "2025-07-01", REPAIR),
        scoped("w1", Scope::WholeSchool, "2026-07-01", IMPROVE),
    ];
    let h = history(four_stages(), list.iter());
    assert_eq!(h.len(), 2);
    let (label, maths) = h
        .iter()
        .find(|(l, _)| l.ends_with("Maths") || l.ends_with("maths"))
        .unwrap();
    assert!(label.to_lowercase().contains("maths"));
    let dates: Vec<String> = maths.iter().map(|p| p.date.unwrap().iso()).collect();
    assert_eq!(dates, ["2025-07-01", "2026-07-01"]);
    assert!(maths[1].overall > maths[0].overall);
}

#[test]
fn reassessing_starts_from_the_last_answers() {
    let mut last = scoped("m1", Scope::Subject("Maths".into()), "2025-07-01", REPAIR);
    last.set_note("repair-3", "Governors' link visits started", 5.0);
    let next = last.reassess("m2".into(), crate::support::day("2026-01-10"), 99.0);
    assert_eq!(
        (next.id.as_str(), next.date, next.school_id.as_str()),
        (
            "m2",
            Some(crate::support::day("2026-01-10")),
            last.school_id.as_str()
        )
    );
    assert_eq!(next.answers, last.answers);
    assert_eq!(next.created_ms, 99.0);
}

#[test]
fn schools_are_grouped_by_record_and_keys_survive_urls() {
    let mut store = Store::default();
    store
        .apply(
            &Edit::Schools(SchoolEdit::AddSchool(School::new(
                "s1".into(),
                "  Oakfield Primary ",
                1.0,
            ))),
            1.0,
        )
        .unwrap();
    assert_eq!(store.school_name("s1"), "Oakfield Primary");
    // A name typed again with other case and spacing is the same school, not a new one.
    let here = || {
        store
            .schools
            .iter()
            .map(|s| (s.id.as_str(), s.name.as_str()))
    };
    assert_eq!(
        match_name("OAKFIELD   primary", here()),
        NameMatch::Same("s1".into())
    );
    assert_eq!(match_name("Oakfield Infants", here()), NameMatch::None);
    let a = scoped("a", Scope::WholeSchool, "2026-07-01", IMPROVE);
    let b = scoped("b", Scope::Subject("Art".into()), "2026-07-01", IMPROVE);
    for assessment in [a, b] {
        store
            .apply(
                &Edit::Checklist(ChecklistEdit::AddAssessment(assessment)),
                2.0,
            )
            .unwrap();
    }
    assert_eq!(store.assessments_of("s1").count(), 2);
    assert_eq!(store.assessments_of("s2").count(), 0);
    // A school's id is its address: it needs no encoding to go in a link.
    assert!(is_valid_id("s1"));
    assert_eq!(
        Route::parse(&Route::School("s1".into()).href()),
        Route::School("s1".into())
    );
    // One trajectory per school: the first edit names it, later ones find it.
    store
        .apply(
            &Edit::Improvement(ImprovementEdit::SetCapacity {
                school: "s1".into(),
                trajectory_id: "t1".into(),
                item: "Deliver bespoke training".into(),
                ticked: true,
            }),
            3.0,
        )
        .unwrap();
    assert!(store.trajectory_of("s1").is_some());
    store
        .apply(
            &Edit::Improvement(ImprovementEdit::SetPoints {
                school: "s1".into(),
                trajectory_id: "t2".into(),
                points: Vec::new(),
            }),
            4.0,
        )
        .unwrap();
    assert_eq!(store.trajectories.len(), 1);
    assert_eq!(store.trajectory_of("s1").unwrap().id, "t1");
}

/// The case: Reception on 15 Jul 2026 and Year 6 on 5 Nov 2026 fall in different
/// school years, so a different Year 6: not "the same time".
#[test]
fn the_same_time_is_the_same_school_term_of_the_same_school_year() {
    use waypoint::domain::base::dates::{school_term, SchoolTerm, TermName, TermStart};
    use waypoint::domain::checklist::teams::{same_time, teams_map_in_terms, SCHOOL_TERM_RULE};
    let reception = scoped(
        "e",
        Scope::YearGroup("Reception".into()),
        "2026-07-15",
        REPAIR,
    );
    let year6 = scoped("y", Scope::YearGroup("Year 6".into()), "2026-11-05", REPAIR);
    assert!(!same_time(&reception, &year6, &[]));
    let map = teams_map(four_stages(), [reception.clone(), year6.clone()].iter());
    assert!(
        !map.flags
            .iter()
            .any(|f| f.contains("both need repair or stabilising")),
        "{:?}",
        map.flags
    );
    assert!(
        map.flags[0].contains("Summer term 2025/26")
            && map.flags[0].contains("Autumn term 2026/27"),
        "{:?}",
        map.flags
    );
    // Only 16 days apart but across the start of the autumn term: not the same time.
    let july = scoped("e", Scope::YearGroup("EYFS".into()), "2026-07-20", REPAIR);
    let september = scoped("y", Scope::YearGroup("Year 6".into()), "2026-09-05", REPAIR);
    assert!(!same_time(&july, &september, &[]));
    // The same autumn term, three months apart: the same time, and the gloss is labelled.
    let early = scoped("e", Scope::YearGroup("EYFS".into()), "2026-09-10", REPAIR);
    let map = teams_map(four_stages(), [early.clone(), year6.clone()].iter());
    assert!(
        map.flags[0].contains("in the same term (Autumn term 2026/27)"),
        "{:?}",
        map.flags
    );
    assert!(map.flags[0].contains("Waypoint's gloss: the two ends of the school are both weak"));
    // Defaults for England: autumn from 1 Sep, spring from 1 Jan, summer from 1 Apr.
    let at = |d: &str, terms: &[TermStart]| school_term(d, terms).unwrap();
    assert_eq!(
        at("2026-08-31", &[]),
        SchoolTerm {
            school_year: 2025,
            term: TermName::Summer
        }
    );
    assert_eq!(
        at("2026-09-01", &[]),
        SchoolTerm {
            school_year: 2026,
            term: TermName::Autumn
        }
    );
    assert_eq!(
        at("2027-01-01", &[]),
        SchoolTerm {
            school_year: 2026,
            term: TermName::Spring
        }
    );
    assert_eq!(
        at("2027-04-01", &[]),
        SchoolTerm {
            school_year: 2026,
            term: TermName::Summer
        }
    );
    assert!(SCHOOL_TERM_RULE.starts_with("Waypoint's reading of the school year in England"));
    // A trust's own dates replace the defaults: summer after Easter on 19 Apr 2027.
    let trust = [
        TermStart {
            term: TermName::Summer,
            date: "2027-04-19".into(),
        },
        TermStart {
            term: TermName::Autumn,
            date: "2026-09-03".into(),
        },
    ];
    assert_eq!(at("2027-04-10", &trust).term, TermName::Spring);
    assert_eq!(at("2027-04-19", &trust).term, TermName::Summer);
    assert_eq!(
        at("2026-09-02", &trust),
        SchoolTerm {
            school_year: 2025,
            term: TermName::Summer
        }
    );
    let spring = scoped("e", Scope::YearGroup("EYFS".into()), "2027-03-20", REPAIR);
    let easter = scoped("y", Scope::YearGroup("Year 6".into()), "2027-04-12", REPAIR);
    assert!(!same_time(&spring, &easter, &[]));
    assert!(same_time(&spring, &easter, &trust));
    let map = teams_map_in_terms(four_stages(), [spring, easter].iter(), &trust);
    assert!(
        map.flags[0].contains("both need repair or stabilising"),
        "{:?}",
        map.flags
    );
    assert_eq!(school_term("2027-02-30", &[]), None);
}

/// Carter's own example: Maths in Improve, Science in Repair and PE in Sustain. The view
/// points the focus and resources at Science, quoting him.
#[test]
fn the_whole_school_view_points_at_the_weakest_teams() {
    let list = [
        scoped("m", Scope::Subject("Maths".into()), "2026-10-01", IMPROVE),
        scoped("s", Scope::Subject("Science".into()), "2026-10-01", REPAIR),
        scoped("p", Scope::Subject("PE".into()), "2026-10-01", SUSTAIN),
        scoped("w", Scope::WholeSchool, "2026-10-01", REPAIR),
    ];
    let map = teams_map(four_stages(), list.iter());
    let focus = map.focus.expect("a focus");
    assert_eq!(focus.stage, Stage::Repair);
    assert_eq!(focus.teams, ["Subject: Science"]);
    assert!(focus
        .message()
        .starts_with("Focus and resources first on Subject: Science (Repair)"));
    assert!(focus.message().contains("“Seeing cross subject and cross team trajectories as part of the whole enables the strategic focus and resources to be targeted at the right areas.”"));
    // All at one stage: no team stands out.
    let same = [
        scoped("m", Scope::Subject("Maths".into()), "2026-10-01", IMPROVE),
        scoped("s", Scope::Subject("Science".into()), "2026-10-01", IMPROVE),
    ];
    assert_eq!(teams_map(four_stages(), same.iter()).focus, None);
}
