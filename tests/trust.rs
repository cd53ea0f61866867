//! The trust overview: level of need, filters and sorting, and suggested pairings.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::answered;
use waypoint::domain::assessment::Level::{Clearly, NotSeen, Partly};
use waypoint::domain::content::{four_stages, Stage};
use waypoint::domain::store::Store;
use waypoint::domain::trajectory::{Band, Point, Role, Trajectory};
use waypoint::domain::trust::{arrange, need, overview, pairings, Filter, Need, SortBy};

fn school(
    store: &mut Store,
    name: &str,
    id: &str,
    levels: [waypoint::domain::assessment::Level; 4],
) {
    let mut a = answered(levels);
    a.id = id.into();
    a.school = name.into();
    store.assessments.push(a);
}

fn trajectory(store: &mut Store, name: &str, bands: &[Band]) {
    let mut t = Trajectory::new(format!("t-{name}"), name, 1.0);
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
        [Clearly, Clearly, Partly, NotSeen],
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
}

#[test]
fn need_follows_the_stated_rules() {
    assert_eq!(
        need(Some(Stage::Sustain), Some('H'), Some(Role::Taker)).0,
        Need::High
    );
    assert_eq!(
        need(Some(Stage::Repair), Some('A'), Some(Role::Giver)).0,
        Need::Moderate
    );
    assert_eq!(
        need(Some(Stage::Improve), Some('C'), Some(Role::Taker)).0,
        Need::High
    );
    assert_eq!(need(Some(Stage::Improve), None, None).0, Need::Low);
    assert_eq!(need(None, None, None).0, Need::Unknown);
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
