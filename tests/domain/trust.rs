//! The trust overview: level of need, filters and sorting, and suggested pairings.

use crate::support::answered;
use waypoint::domain::base::content::{four_stages, Stage};
use waypoint::domain::base::dates::OptionalDay;
use waypoint::domain::base::school::School;
use waypoint::domain::checklist::assessment::Level::{Clearly, NotSeen, Partly};
use waypoint::domain::checklist::SchoolRecords;
use waypoint::domain::improvement::overview::{
    arrange, data_check, need, overview, pairings, school_data_flag, Filter, Need, NeedFacts,
    SortBy, NEED_RULES_INTRO, PAIRING_RULE,
};
use waypoint::domain::improvement::trajectory::{Band, Point, Role, Trajectory};
use waypoint::domain::records::edits::Edit;
use waypoint::domain::records::edits::{ImprovementEdit, SchoolEdit};
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
            date: OptionalDay::Absent,
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
    // Results that contradict the self-assessment are moderate need.
    let ahead = NeedFacts {
        data_findings: 2,
        ..facts(Some(Stage::Sustain), None, None)
    };
    assert_eq!(
        need(&ahead),
        (
            Need::Moderate,
            "its results contradict its self-assessment (Carter's outcomes features)".into()
        )
    );
    assert!(NEED_RULES_INTRO.starts_with("Waypoint's own rule, not Carter's"));
    assert!(PAIRING_RULE.starts_with("Waypoint's own suggestion"));
}

/// The school: attendance and finance concerns clearly seen, everything else
/// consistent with Sustain. The overview once said Sustain with the lowest level of need.
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
    assert_eq!(row.stage, Some(Stage::Stabilise));
    assert_eq!(row.capped_from, Some(Stage::Sustain));
    assert_eq!(row.need, Need::High);
    assert_eq!(row.red_flags.len(), 2);
    assert!(row.red_flags[0].starts_with("Pupil attendance and PA below national floor"));
    let items = row.flag_items();
    assert_eq!(
        items[0],
        "The other answers fit Sustain; these concerns come first."
    );
    assert!(
        items[1].starts_with("Red flag: Pupil attendance"),
        "{items:?}"
    );
    assert_eq!(row.flag_mark().as_deref(), Some("⚑ 3"));
    let theme = |id: &str| {
        let index = four_stages()
            .themes
            .iter()
            .position(|t| t.id == id)
            .unwrap();
        row.themes[index]
    };
    assert_eq!(theme("governance"), Some(Stage::Stabilise));
    assert_eq!(theme("behaviour"), Some(Stage::Stabilise));
}

/// A school rating itself Sustain while its results sit at Floor: the results check comes
/// from Carter's own features (floor, coasting, consistently above floor), quoted.
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
    assert_eq!(check.period, "2023");
    let messages = check.messages();
    assert_eq!(
        messages[0],
        "Self-assessed Sustain, but the latest result is at Floor (2023). Carter lists “Poor student outcomes at KS2/KS4 – below floor and/or coasting” as a feature of Stabilise: check the stage against the results."
    );
    assert!(messages.iter().any(|m| m.starts_with("“Poor student outcomes at KS2/KS4 – below floor and/or coasting” is answered not seen, but the latest result (2023) is Floor")), "{messages:?}");
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("“Student outcomes are above floor")),
        "{messages:?}"
    );
    assert!(messages.iter().any(|m| m.contains("is answered clearly seen, but the school is not consistently above floor: its results were at Floor in 2022, 2023")), "{messages:?}");
    assert!(!check.message().contains("Carter's schematic sets"));
    assert_ne!(elm.need, Need::Low, "{}", elm.need_reason);
    // Improve at National average with answers the results bear out is not flagged.
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
    store.assessments[2].date = Some(crate::support::day("2027-01-10"));
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

#[test]
fn the_board_categorises_every_school_in_one_table_and_sorts_by_its_category() {
    use waypoint::domain::improvement::categorisation::{record_table, Category, TableLine};
    let mut store = Store::default();
    school(
        &mut store,
        "Ash",
        "a1",
        [Clearly, NotSeen, NotSeen, NotSeen],
    );
    school(
        &mut store,
        "Birch",
        "a2",
        [NotSeen, Clearly, Clearly, Clearly],
    );
    school(
        &mut store,
        "Cedar",
        "a3",
        [NotSeen, Clearly, Clearly, NotSeen],
    );
    let ids: Vec<String> = store.schools.iter().map(|s| s.id.clone()).collect();
    let line = |i: usize, c: Option<Category>, why: &str| TableLine {
        school_id: ids[i].clone(),
        category: c,
        rationale: why.into(),
    };
    let mut n = 0;
    let mut new_id = || {
        n += 1;
        format!("c{n}")
    };
    // Nothing chosen, or no one named as deciding: refused with the reason.
    let none = [line(0, None, ""), line(1, None, "")];
    assert!(record_table(
        &store,
        &none,
        "2026-11-23",
        "Board",
        "Annual",
        "2026-11-23",
        &mut new_id,
        1.0
    )
    .unwrap_err()
    .contains("at least one school"));
    let lines = [
        line(0, Some(Category::High), ""),
        line(1, Some(Category::High), "Head leaving; board's judgement"),
        line(2, None, ""),
    ];
    assert!(record_table(
        &store,
        &lines,
        "2026-11-23",
        " ",
        "Annual",
        "2026-11-23",
        &mut new_id,
        1.0
    )
    .unwrap_err()
    .starts_with("Ash: Enter who decided"));
    let made = record_table(
        &store,
        &lines,
        "2026-11-23",
        "Trust board",
        "Annual categorisation",
        "2026-11-23",
        &mut new_id,
        1.0,
    )
    .unwrap();
    assert_eq!(made.len(), 2, "the unchosen school is skipped");
    assert_eq!(made[0].rationale, "Annual categorisation");
    assert_eq!(made[1].rationale, "Head leaving; board's judgement");
    assert_eq!(
        made[1].suggested,
        Some(Category::Low),
        "Waypoint's suggestion kept beside it"
    );
    store
        .apply(
            &Edit::Batch(
                made.into_iter()
                    .map(|c| Edit::Improvement(ImprovementEdit::Categorise(c)))
                    .collect(),
            ),
            2.0,
        )
        .unwrap();
    let rows = overview(four_stages(), &store, "2026-11-23");
    let by = |sort: SortBy| -> Vec<String> {
        arrange(&rows, &Filter::default(), sort)
            .into_iter()
            .map(|r| r.name)
            .collect()
    };
    // Birch is High by the board's decision, Low by Waypoint's suggestion.
    assert_eq!(by(SortBy::Category), ["Ash", "Birch", "Cedar"]);
    assert_eq!(by(SortBy::Need), ["Ash", "Cedar", "Birch"]);
    let birch = rows.iter().find(|r| r.name == "Birch").unwrap();
    assert_eq!(
        (birch.category, birch.need),
        (Some(Category::High), Need::Low)
    );
    // Red flags shrink to a mark, with the detail kept for one click away.
    let ash = rows.iter().find(|r| r.name == "Ash").unwrap();
    assert_eq!(
        ash.flag_mark().as_deref(),
        Some(format!("⚑ {}", ash.flag_items().len()).as_str())
    );
    assert!(ash.flag_items().iter().all(|f| !f.is_empty()));
    assert_eq!(birch.flag_mark(), None);
}

/// Improve with Coasting results: Carter lists coasting outcomes as a Stabilise feature.
#[test]
fn improve_with_coasting_results_is_flagged_and_the_pairing_is_labelled_as_waypoints() {
    use waypoint::domain::improvement::trajectory::{DataFinding, DATA_RULE};
    let mut store = Store::default();
    school(
        &mut store,
        "Oak Primary",
        "o1",
        [NotSeen, Clearly, Clearly, NotSeen],
    );
    trajectory(
        &mut store,
        "Oak Primary",
        &[Band::NationalAverage, Band::Coasting, Band::Coasting],
    );
    let rows = overview(four_stages(), &store, "2026-11-23");
    assert_eq!(rows[0].stage, Some(Stage::Improve));
    let check = rows[0].data_check.as_ref().expect("flagged");
    assert_eq!(check.findings[0], DataFinding::StageWithPoorOutcomes);
    assert!(check
        .short()
        .contains("Carter lists such outcomes under Stabilise"));
    // Claiming "consistently above floor" with coasting results is not contradicted by
    // floor; saying the poor-outcomes feature is not seen is.
    assert!(check.findings.iter().any(
        |f| matches!(f, DataFinding::Answer { feature_id, .. } if feature_id == "stabilise-6")
    ));
    assert!(DATA_RULE.contains("below floor and/or coasting"));
    assert!(DATA_RULE.contains("the school is consistently above floor"));
    assert!(!DATA_RULE.contains("The pairing is Carter's"));
    assert!(
        waypoint::domain::improvement::trajectory::STAGE_JOURNEY_RULE
            .contains("Waypoint's reading of the schematic")
    );
}

/// Categories labelled as Waypoint's, with bespoke support for every school; partners from
/// the trust's own schools first; the source trust's policy and 2017 list attributed.
#[test]
fn categories_are_waypoints_and_partners_come_from_the_trusts_own_schools() {
    use waypoint::domain::improvement::overview::CATEGORIES_NOTE;
    use waypoint::domain::improvement::plans::{
        partner_hint, partner_options, Kind, SOURCE_TRUST_NOTE,
    };
    for need in [Need::High, Need::Moderate, Need::Low] {
        let label = need.label().to_lowercase();
        assert!(label.contains("bespoke"), "{label}");
        assert!(!label.contains("light touch"), "{label}");
    }
    assert!(CATEGORIES_NOTE.starts_with("The three categories and their wording are Waypoint's"));
    assert!(CATEGORIES_NOTE.contains("one size fits all"));
    let schools = vec!["Ash Primary".to_string(), "Birch Academy".to_string()];
    let s2s = partner_options(Kind::SchoolToSchool, &schools);
    assert_eq!(s2s.own, schools);
    assert!(
        s2s.source.is_empty(),
        "no national system leaders as a supporting school"
    );
    assert!(partner_hint(Kind::SchoolToSchool).contains("another of the Trust's schools"));
    let external = partner_options(Kind::External, &schools);
    assert!(external.own.is_empty());
    assert!(external
        .source
        .iter()
        .any(|n| n == "Teaching School Alliances"));
    assert!(external
        .source
        .iter()
        .any(|n| n == "National leaders of education"));
    assert!(external
        .source_heading
        .starts_with("The source's list (Carter's, from 2017)"));
    assert!(partner_hint(Kind::External).starts_with("Type your trust's own provider"));
    assert!(SOURCE_TRUST_NOTE.starts_with("The source trust's policy"));
}

/// The overview gives a journey from dated stages where no bands are entered.
#[test]
fn the_overview_reads_a_journey_from_dated_stages() {
    let mut store = Store::default();
    let id = school_id(&mut store, "Yew Primary");
    for (n, (date, levels)) in [
        ("2024-10-01", [NotSeen, Clearly, NotSeen, NotSeen]),
        ("2025-03-01", [NotSeen, Clearly, Clearly, NotSeen]),
        ("2025-10-01", [NotSeen, Clearly, Clearly, NotSeen]),
        ("2026-03-01", [NotSeen, Clearly, NotSeen, NotSeen]),
    ]
    .into_iter()
    .enumerate()
    {
        let mut a = answered(levels);
        a.id = format!("y{n}");
        a.school_id = id.clone();
        a.date = Some(crate::support::day(date));
        store.assessments.push(a);
    }
    let rows = overview(four_stages(), &store, "2026-11-23");
    assert_eq!(rows[0].journey, Some('G'));
    assert!(rows[0].journey_from_stages);
    assert!(
        rows[0].role_text.contains("injection of momentum"),
        "{}",
        rows[0].role_text
    );
    assert!(
        rows[0]
            .role_text
            .starts_with("Needs capacity now: its latest stage is Repair."),
        "{}",
        rows[0].role_text
    );
}

/// Claiming "consistently above floor" with results at Floor is pointed out even before
/// the answers give a stage.
#[test]
fn a_contradicted_claim_is_pointed_out_without_a_stage() {
    let mut store = Store::default();
    let id = school_id(&mut store, "Ivy Primary");
    let mut a = crate::support::blank();
    a.school_id = id;
    a.set_level("sustain-4", Some(Clearly), 5.0);
    store.assessments.push(a.clone());
    trajectory(
        &mut store,
        "Ivy Primary",
        &[Band::Coasting, Band::Floor, Band::Coasting],
    );
    let check = data_check(&store, &a, None).expect("results entered");
    assert!(check.flagged());
    assert!(
        check
            .message()
            .contains("not consistently above floor: its results were at Floor in 2022"),
        "{}",
        check.message()
    );
    assert!(
        check
            .short()
            .starts_with("⚠ No stage yet, but results at Coasting (2023)"),
        "{}",
        check.short()
    );
}
