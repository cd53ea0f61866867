//! The eight improvement journeys: recognised from hand-made series, and honest when unsure.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use waypoint::domain::trajectory::{
    classify, journeys, Band, Classification, Role, Thresholds, RULES,
};

const F: Band = Band::Floor;
const C: Band = Band::Coasting;
const N: Band = Band::NationalAverage;
const T: Band = Band::Top15;

fn journey_of(series: &[Band]) -> char {
    let bands: Vec<Option<Band>> = series.iter().copied().map(Some).collect();
    match classify(&bands) {
        Classification::Journey { letter, .. } => letter,
        other => panic!("{series:?} was not classified: {other:?}"),
    }
}

#[test]
fn each_journey_is_recognised() {
    assert_eq!(journey_of(&[T, T, T, T]), 'A');
    assert_eq!(journey_of(&[F, C, T, T]), 'B');
    assert_eq!(journey_of(&[T, T, C, F]), 'C');
    assert_eq!(journey_of(&[T, N, N, C]), 'D');
    assert_eq!(journey_of(&[N, T, N, N]), 'E');
    assert_eq!(journey_of(&[F, C, C, N, T]), 'F');
    assert_eq!(journey_of(&[C, N, N, C]), 'G');
    assert_eq!(journey_of(&[F, F, C, F]), 'H');
}

#[test]
fn reasons_explain_the_match() {
    let Classification::Journey { letter, reason } = classify(&[Some(F), Some(C), Some(T)]) else {
        panic!()
    };
    assert_eq!(letter, 'B');
    assert_eq!(
        reason,
        "it rose 3 bands overall, 2 of them between two consecutive points"
    );
}

#[test]
fn too_few_points_are_not_guessed() {
    assert_eq!(
        classify(&[Some(T), Some(T)]),
        Classification::TooShort { points: 2 }
    );
    assert_eq!(
        classify(&[Some(T), None, None, Some(F)]),
        Classification::TooShort { points: 2 }
    );
    assert_eq!(classify(&[]), Classification::TooShort { points: 0 });
}

#[test]
fn a_zigzag_is_ambiguous_with_the_closest_journeys() {
    let zigzag = [Some(C), Some(T), Some(F), Some(N)];
    let Classification::Ambiguous { reason, closest } = classify(&zigzag) else {
        panic!("a zigzag was classified")
    };
    assert!(reason.contains("moves up and down"), "{reason}");
    assert_eq!(closest, vec!['F', 'B']);
    let flat_coasting = [Some(C), Some(C), Some(C)];
    let Classification::Ambiguous { closest, .. } = classify(&flat_coasting) else {
        panic!()
    };
    assert_eq!(closest, vec!['D', 'H']);
}

#[test]
fn missing_bands_are_skipped() {
    assert_eq!(journey_of_opt(&[Some(F), None, Some(C), Some(N)]), 'F');
}

fn journey_of_opt(bands: &[Option<Band>]) -> char {
    match classify(bands) {
        Classification::Journey { letter, .. } => letter,
        other => panic!("{other:?}"),
    }
}

#[test]
fn values_are_banded_by_the_user_thresholds() {
    let t = Thresholds {
        measure: "% meeting expected standard".into(),
        coasting: 50.0,
        national_average: 65.0,
        top15: 78.0,
    };
    assert_eq!(t.band(40.0), Ok(Band::Floor));
    assert_eq!(t.band(50.0), Ok(Band::Coasting));
    assert_eq!(t.band(70.0), Ok(Band::NationalAverage));
    assert_eq!(t.band(90.0), Ok(Band::Top15));
    let muddled = Thresholds {
        coasting: 70.0,
        ..t
    };
    assert!(muddled.band(60.0).is_err());
}

#[test]
fn journey_content_is_complete_and_verbatim() {
    let content = journeys();
    let letters: String = content.journeys.iter().map(|j| j.letter).collect();
    assert_eq!(letters, "ABCDEFGH");
    let givers: String = content
        .journeys
        .iter()
        .filter(|j| j.role == Role::Giver)
        .map(|j| j.letter)
        .collect();
    assert_eq!(givers, "ABEFG");
    assert_eq!(content.journey('H').name, "Weakest System Performers");
    assert_eq!(content.journey('D').question, "How does prevention work here? How do we convince leaders and governors to focus on improvement?");
    assert_eq!(
        Band::ALL.map(Band::name),
        ["Floor", "Coasting", "National average", "Top 15%"]
    );
    assert_eq!(
        content
            .contributions
            .iter()
            .map(|g| g.items.len())
            .sum::<usize>(),
        14
    );
    assert_eq!(RULES.len(), 10);
    let Some(seed) = support::seed_text() else {
        return;
    };
    let plain = seed.replace("**", "");
    for j in &content.journeys {
        assert!(plain.contains(&j.description), "{}", j.description);
        assert!(plain.contains(&j.question), "{}", j.question);
        for line in &j.capacity {
            assert!(plain.contains(line.as_str()), "{line}");
        }
    }
    for item in content.contributions.iter().flat_map(|g| &g.items) {
        assert!(seed.contains(item.as_str()), "{item}");
    }
}
