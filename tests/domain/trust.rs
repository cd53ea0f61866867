//! The trust overview: level of need, filters and sorting, and suggested pairings.

use crate::support::answered;
use waypoint::domain::base::content::{four_stages, Stage};
use waypoint::domain::base::school::School;
use waypoint::domain::checklist::assessment::Level::{Clearly, NotSeen, Partly};
use waypoint::domain::checklist::SchoolRecords;
use waypoint::domain::improvement::overview::{
    arrange, data_check, need, overview, pairings, school_data_flag, Filter, Need, NeedFacts,
    SortBy, NEED_RULES_INTRO, PAIRING_RULE,
};
use waypoint::domain::improvement::trajectory::{Band, Point, Role, Trajectory};
use waypoint::domain::records::edits::Edit;
use waypoint::domain::records::edits::SchoolEdit;
use waypoint::domain::records::store::Store;

/// The id of the school named `name`, adding its record the first time.
fn school_id(store: &mut Store, name: &str) -> String {
    if let Some(school) = store.schools.iter().find(|s| s.name == name) {
        return school.id.clone();
    }
    let id = format!("s{}", store.schools.len() + 1);
    store.schools.push(School::new(id.clone(), name, 1.0));
    id
}

fn school(
    store: &mut Store,
    name: &str,
    id: &str,
    levels: [waypoint::domain::checklist::assessment::Level; 4],
) {
    let mut a = answered(levels);
    a.id = id.into();
    a.school_id = school_id(store, name);
    store.assessments.push(a);
}

fn trajectory(store: &mut Store, name: &str, bands: &[Band]) {
    let school = school_id(store, name);
    let mut t = Trajectory::new(format!("t-{school}"), &school, 1.0);
    t.points = bands
        .iter()
        .enumerate()
        .map(|(i, b)| Point {
            period: format!("{}", 2021 + i),
            date: None,
            band: Some(*b),
            value: None,
        })
        .collect();
    store.trajectories.push(t);
}

fn trust() -> Store {
    let mut store = Store::default();
    school(
        &mut store,
        "Ash Primary",
        "a1",
        [Clearly, Partly, NotSeen, NotSeen],
    );
    school(
        &mut store,
        "Beech Academy",
        "a2",
        [NotSeen, Clearly, Clearly, Clearly],
    );
    school(
        &mut store,
        "Cedar School",
        "a3",
        [Partly, Clearly, Partly, NotSeen],
    );
    trajectory(
        &mut store,
        "Beech Academy",
        &[Band::Top15, Band::Top15, Band::Top15],
    );
    trajectory(
        &mut store,
        "Cedar School",
        &[
            Band::NationalAverage,
            Band::NationalAverage,
            Band::Coasting,
            Band::Coasting,
            Band::Floor,
        ],
    );
    trajectory(
        &mut store,
        "Dale Infants",
        &[
            Band::Floor,
            Band::Coasting,
            Band::Coasting,
            Band::NationalAverage,
        ],
    );
    store
}

#[test]
fn every_school_appears_with_stage_journey_role_and_need() {
    let rows = overview(four_stages(), &trust(), "2026-11-23");
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Ash Primary",
            "Beech Academy",
            "Cedar School",
            "Dale Infants"
        ]
    );
    let ash = &rows[0];
    assert_eq!((ash.stage, ash.need), (Some(Stage::Stabilise), Need::High));
    let beech = &rows[1];
    assert_eq!((beech.journey, beech.role), (Some('A'), Some(Role::Giver)));
    assert_eq!(beech.stage, Some(Stage::Sustain));
    assert_eq!(beech.need, Need::Low);
    let cedar = &rows[2];
    assert_eq!(cedar.journey, Some('D'));
    assert_eq!(cedar.need, Need::Moderate, "{}", cedar.need_reason);
    let dale = &rows[3];
    assert_eq!((dale.stage, dale.journey), (None, Some('F')));
    assert!(dale.need_reason.contains("not assessed"));
    // Each row is keyed by its school's record, which is also its page's address.
    let store = trust();
    for row in &rows {
        assert_eq!(store.school_name(&row.key), row.name);
    }
}

#[test]
fn a_renamed_school_keeps_its_row() {
    let mut store = trust();
    let before = overview(four_stages(), &store, "2026-11-23");
    let ash = before[0].key.clone();
    store
        .apply(
            &Edit::Schools(SchoolEdit::RenameSchool {
                school: ash.clone(),
                name: "Zelkova Primary".into(),
            }),
            9.0,
        )
        .unwrap();
    let after = overview(four_stages(), &store, "2026-11-23");
    let renamed = after.iter().find(|r| r.key == ash).unwrap();
    assert_eq!(renamed.name, "Zelkova Primary");
    assert_eq!(after.last().unwrap().key, ash, "rows are in name order");
    assert_eq!(
        (renamed.stage, renamed.need, &renamed.assessment_id),
        (before[0].stage, before[0].need, &before[0].assessment_id)
    );
}

#[test]
fn need_follows_the_stated_rules() {
    let facts = |stage, journey, role| NeedFacts {
        stage,
        journey,
        role,
        ..NeedFacts::default()
    };
    assert_eq!(
        need(&facts(Some(Stage::Sustain), Some('H'), Some(Role::Taker))).0,
        Need::High
    );
    assert_eq!(
        need(&facts(Some(Stage::Repair), Some('A'), Some(Role::Giver))).0,
        Need::Moderate
    );
    assert_eq!(
        need(&facts(Some(Stage::Improve), Some('C'), Some(Role::Taker))).0,
        Need::High
    );
    assert_eq!(need(&facts(Some(Stage::Improve), None, None)).0, Need::Low);
    assert_eq!(need(&facts(None, None, None)).0, Need::Unknown);
    // Concerns count: two clearly seen make high need, one partly seen moderate.
    let (level, why) = need(&NeedFacts {
        concerns_clear: 2,
        ..facts(Some(Stage::Repair), None, None)
    });
    assert_eq!(level, Need::High);
    assert_eq!(why, "2 Stabilise concerns clearly seen");
    let partly = NeedFacts {
        concerns_partly: 1,
        ..facts(Some(Stage::Sustain), Some('A'), Some(Role::Giver))
    };
    assert_eq!(need(&partly).0, Need::Moderate);
    // A stage two steps ahead of the data is moderate need.
    let ahead = NeedFacts {
        data_gap: Some(3),
        ..facts(Some(Stage::Sustain), None, None)
    };
    assert_eq!(
        need(&ahead),
        (
            Need::Moderate,
            "its stage is 3 steps ahead of its latest result".into()
        )
    );
    assert!(NEED_RULES_INTRO.starts_with("Waypoint's own rule, not Carter's"));
    assert!(PAIRING_RULE.starts_with("Waypoint's own suggestion"));
}

/// The school: attendance and finance concerns clearly seen, everything else
/// consistent with Sustain. Today the overview said Sustain and "Low need: light touch".
#[test]
fn stabilise_concerns_are_flagged_on_the_overview_and_raise_the_need() {
    let mut store = Store::default();
    let mut a = answered([NotSeen, NotSeen, Partly, Clearly]);
    a.set_level("stabilise-4", Some(Clearly), 5.0);
    a.set_level("stabilise-5", Some(Clearly), 5.0);
    a.school_id = school_id(&mut store, "Oakfield Primary");
    store.assessments.push(a);
    let rows = overview(four_stages(), &store, "2026-11-23");
    let row = &rows[0];
    assert_eq!(row.stage, Some(Stage::Repair));
    assert_eq!(row.capped_from, Some(Stage::Sustain));
    assert_eq!(row.need, Need::High);
    assert_eq!(row.red_flags.len(), 2);
    assert!(row.red_flags[0].starts_with("Pupil attendance and PA below national floor"));
    assert!(
        row.flag_text()
            .starts_with("Capped from Sustain. ⚑ Pupil attendance"),
        "{}",
        row.flag_text()
    );
    let theme = |id: &str| {
        let index = four_stages()
            .themes
            .iter()
            .position(|t| t.id == id)
            .unwrap();
        row.themes[index]
    };
    assert_eq!(theme("governance"), Some(Stage::Repair));
    assert_eq!(theme("behaviour"), Some(Stage::Repair));
}

/// A school rating itself Sustain while its results sit at Floor: today nothing is said.
#[test]
fn a_stage_far_from_the_data_is_flagged_with_both_sides() {
    let mut store = Store::default();
    school(
        &mut store,
        "Elm Primary",
        "e1",
        [NotSeen, NotSeen, Partly, Clearly],
    );
    trajectory(
        &mut store,
        "Elm Primary",
        &[Band::Coasting, Band::Floor, Band::Floor],
    );
    school(
        &mut store,
        "Fir Primary",
        "f1",
        [NotSeen, Partly, Clearly, NotSeen],
    );
    trajectory(
        &mut store,
        "Fir Primary",
        &[Band::Coasting, Band::Coasting, Band::NationalAverage],
    );
    let rows = overview(four_stages(), &store, "2026-11-23");
    let elm = &rows[0];
    assert_eq!(elm.stage, Some(Stage::Sustain));
    let check = elm.data_check.as_ref().expect("flagged");
    assert_eq!((check.gap(), check.period.as_str()), (3, "2023"));
    assert_eq!(
        check.message(),
        "Self-assessed Sustain, but the latest result (2023) is Floor. Carter's schematic sets Sustain beside Top 15%: the self-assessment is 3 steps ahead of the data. Check it against the results."
    );
    assert_ne!(elm.need, Need::Low, "{}", elm.need_reason);
    // One step apart is not flagged.
    assert_eq!(rows[1].data_check, None);
    // The school page shows the same flag; a team's assessment is not set beside the
    // school's results.
    assert_eq!(
        school_data_flag(
            four_stages(),
            &store,
            &school_id(&mut store.clone(), "Elm Primary")
        )
        .as_ref(),
        Some(check)
    );
    assert_eq!(
        school_data_flag(
            four_stages(),
            &store,
            &school_id(&mut store.clone(), "Fir Primary")
        ),
        None
    );
    let mut team = store.assessments[0].clone();
    team.scope = waypoint::domain::checklist::assessment::Scope::Subject("Maths".into());
    assert_eq!(data_check(&store, &team, Some(Stage::Sustain)), None);
}

#[test]
fn filters_and_sorting() {
    let rows = overview(four_stages(), &trust(), "2026-11-23");
    let by_need: Vec<String> = arrange(&rows, &Filter::default(), SortBy::Need)
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(by_need[0], "Ash Primary");
    assert_eq!(by_need[1], "Cedar School");
    let givers = Filter {
        role: Some(Role::Giver),
        ..Filter::default()
    };
    assert_eq!(arrange(&rows, &givers, SortBy::Name).len(), 2);
    let text = Filter {
        text: " beech ".into(),
        ..Filter::default()
    };
    assert_eq!(
        arrange(&rows, &text, SortBy::Journey)[0].name,
        "Beech Academy"
    );
}

#[test]
fn weak_schools_are_paired_with_strong_ones_theme_by_theme() {
    let rows = overview(four_stages(), &trust(), "2026-11-23");
    let suggested = pairings(four_stages(), &rows);
    assert!(!suggested.is_empty());
    for pairing in &suggested {
        assert_eq!(pairing.giver, "Beech Academy", "{pairing:?}");
        assert!(pairing.taker_stage <= Stage::Repair);
        assert!(pairing.giver_stage >= Stage::Improve);
    }
    // Cedar is a likely taker (journey D), so it never gives, even where it is strong.
    assert!(suggested.iter().all(|p| p.giver != "Cedar School"));
    // No giver supports more than two schools in one theme.
    for theme in &four_stages().themes {
        assert!(suggested.iter().filter(|p| p.theme_id == theme.id).count() <= 2);
    }
}

#[test]
fn only_whole_school_assessments_give_a_school_its_stage() {
    use waypoint::domain::checklist::assessment::Scope;
    use waypoint::domain::improvement::overview::NO_WHOLE_SCHOOL;
    let mut store = Store::default();
    school(
        &mut store,
        "St Aidan's CE Primary School",
        "a1",
        [NotSeen, NotSeen, Partly, Clearly],
    );
    // The same school typed differently, with only its Year 6 assessed, at Repair.
    school(
        &mut store,
        "St Aidan's CE Primary",
        "a2",
        [Partly, Clearly, NotSeen, NotSeen],
    );
    store.assessments[1].scope = Scope::YearGroup("Year 6".into());
    // A team assessed later than the whole school does not replace the school's stage.
    school(
        &mut store,
        "St Aidan's CE Primary School",
        "a3",
        [Clearly, NotSeen, NotSeen, NotSeen],
    );
    store.assessments[2].scope = Scope::Team("EYFS".into());
    store.assessments[2].date = "2027-01-10".into();
    let rows = overview(four_stages(), &store, "2027-02-01");
    let year6_only = rows
        .iter()
        .find(|r| r.name == "St Aidan's CE Primary")
        .unwrap();
    assert_eq!((year6_only.stage, year6_only.teams_only), (None, true));
    assert!(year6_only.themes.iter().all(Option::is_none));
    assert_eq!(year6_only.need, Need::Unknown);
    assert!(year6_only.need_reason.contains(NO_WHOLE_SCHOOL));
    let whole = rows.iter().find(|r| r.name.ends_with("School")).unwrap();
    assert_eq!(whole.stage, Some(Stage::Sustain));
    assert_eq!(whole.assessment_id.as_deref(), Some("a1"));
    assert!(!whole.teams_only);
    // Nothing to pair: the Year 6 assessment is not the school's stage in any theme.
    assert!(pairings(four_stages(), &rows).is_empty());
}
