//! The eight improvement journeys: recognised from hand-made series, and honest when unsure.
use crate::support;

use waypoint::domain::base::dates::OptionalDay;
use waypoint::domain::improvement::trajectory::{
    classify, journeys, period_year, suggest_role, Band, Classification, Point, Role, Thresholds,
    Trajectory, RULES,
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
    assert_eq!(journey_of(&[F, C, N, N]), 'G');
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
        "it rose 3 bands overall, from Coasting to Top 15%, 2 bands between two consecutive points"
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
fn a_zigzag_is_ambiguous_with_the_closest_journeys_and_why() {
    let zigzag = [Some(C), Some(T), Some(F), Some(N)];
    let Classification::Ambiguous { reason, closest } = classify(&zigzag) else {
        panic!("a zigzag was classified")
    };
    assert!(reason.contains("moves up and down"), "{reason}");
    let letters: Vec<char> = closest.iter().map(|c| c.letter).collect();
    assert_eq!(letters, vec!['F', 'G']);
    assert_eq!(closest[0].why, "it ends higher than it started");
    assert_eq!(closest[1].why, "it fell back on the way");
    let flat_coasting = [Some(C), Some(C), Some(C)];
    let Classification::Ambiguous { closest, .. } = classify(&flat_coasting) else {
        panic!()
    };
    let letters: Vec<char> = closest.iter().map(|c| c.letter).collect();
    assert_eq!(letters, vec!['D', 'H']);
    assert!(
        closest[0].why.contains("lack of momentum"),
        "{}",
        closest[0].why
    );
}

/// A series with a period per year, as a trajectory.
fn dated(points: &[(&str, Band)]) -> Trajectory {
    let mut t = Trajectory::new("t".into(), "Oak", 1.0);
    t.points = points
        .iter()
        .map(|(period, band)| Point {
            period: period.to_string(),
            date: OptionalDay::Absent,
            band: Some(*band),
            value: None,
        })
        .collect();
    t
}

fn letter_of(t: &Trajectory) -> Option<char> {
    t.reading().classification.letter()
}

/// The shapes, each of which today's rules misread.
#[test]
fn a_rise_that_stalls_below_the_top_is_g() {
    let t = dated(&[("2021", F), ("2022", C), ("2023", N), ("2024", N)]);
    let reading = t.reading();
    let Classification::Journey { letter, reason } = &reading.classification else {
        panic!("{reading:?}")
    };
    assert_eq!(*letter, 'G');
    assert!(reason.contains("stall below the Top 15%"), "{reason}");
}

#[test]
fn one_dip_from_the_top_is_not_yet_a_decline() {
    let Classification::Ambiguous { reason, closest } =
        classify(&[Some(T), Some(T), Some(T), Some(N)])
    else {
        panic!("one dip was classified")
    };
    assert!(
        reason.contains("one result does not yet make a trend"),
        "{reason}"
    );
    let letters: Vec<char> = closest.iter().map(|c| c.letter).collect();
    assert_eq!(letters, vec!['A', 'D']);
    // Two results down is a decline.
    assert_eq!(journey_of(&[T, T, N, N]), 'D');
}

#[test]
fn dates_decide_how_fast_a_fall_is() {
    // Three bands in four years: quick, though no single step is two bands.
    let quick = dated(&[("2020", T), ("2021", N), ("2023", C), ("2024", F)]);
    assert_eq!(letter_of(&quick), Some('C'));
    assert!(quick.reading().timed);
    // The same bands over eight years: slow.
    let slow = dated(&[("2016", T), ("2018", N), ("2021", C), ("2024", F)]);
    assert_eq!(letter_of(&slow), Some('D'));
    // Terms and academic years are read as dates too; a two-band step over five years is slow.
    let slow_step = dated(&[
        ("Summer 2019", F),
        ("2023/24", N),
        ("Spring 2025", N),
        ("2025-26", T),
    ]);
    assert!(slow_step.reading().timed, "{:?}", slow_step.reading());
    assert_eq!(letter_of(&slow_step), Some('F'));
    assert_eq!(
        quick.reading().speed,
        "Speed from the dates: from Top 15% (2020) to Floor (2024), 3 bands in 4.0 years."
    );
}

#[test]
fn points_without_dates_still_classify_and_say_speed_is_unknown() {
    let t = dated(&[("Year 1", T), ("Year 2", N), ("Year 3", N), ("Year 4", C)]);
    let reading = t.reading();
    assert!(!reading.timed);
    assert_eq!(reading.classification.letter(), Some('D'));
    assert!(
        reading.speed.starts_with("Speed unknown: “Year 1”"),
        "{}",
        reading.speed
    );
    // An explicit date beats the period label.
    let mut t = t;
    for (i, p) in t.points.iter_mut().enumerate() {
        p.date = OptionalDay::On(crate::support::day(&format!("{}-07-10", 2021 + i)));
    }
    assert!(t.reading().timed);
}

#[test]
fn periods_are_read_as_dates() {
    assert_eq!(period_year("2024"), Some(2024.55));
    assert_eq!(period_year("2023/24"), Some(2024.55));
    assert_eq!(period_year("2023-2024"), Some(2024.55));
    assert_eq!(period_year("Autumn 2024"), Some(2024.9));
    assert_eq!(period_year("Spring 2025"), Some(2025.25));
    assert_eq!(period_year("Autumn term 2024/25"), Some(2024.9));
    assert!(period_year("2024-07-01").is_some_and(|y| (y - 2024.5).abs() < 0.01));
    assert_eq!(period_year("Year 3"), None);
    assert_eq!(period_year("2019 and 2023"), None);
}

/// Floor, Floor, Coasting: today "Steady Improvers, likely capacity giver" while the
/// school is still at Coasting. The role now says what it needs and can give now.
#[test]
fn the_role_says_what_the_school_can_give_now_or_needs() {
    let rising = dated(&[("2022", F), ("2023", F), ("2024", C)]);
    let role = suggest_role(&rising.reading()).expect("a role");
    assert_eq!(role.role, Role::Taker);
    assert!(
        role.text
            .starts_with("Needs capacity now: its latest result is at Coasting."),
        "{}",
        role.text
    );
    assert!(
        !role.text.contains("memory of improvement"),
        "{}",
        role.text
    );
    let rapid = dated(&[("2022", F), ("2023", C), ("2024", T), ("2025", T)]);
    assert_eq!(letter_of(&rapid), Some('B'));
    let role = suggest_role(&rapid.reading()).expect("a role");
    assert_eq!(role.role, Role::Giver);
    assert!(
        role.text.contains("“These schools can be Capacity Givers as they improve quickly and can utilise the organisational memory of improvement as it remains fresh”"),
        "{}",
        role.text
    );
    let short = dated(&[("2024", N)]);
    assert_eq!(suggest_role(&short.reading()), None);
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
    assert_eq!(RULES.len(), 12);
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

/// Journey G is given Carter's own line for G, not B's "organisational memory".
#[test]
fn each_letter_s_role_is_given_in_carter_s_words() {
    use waypoint::domain::improvement::trajectory::carter_on;
    let g = carter_on('G');
    assert!(
        g.starts_with("Carter on journey G (Improver Decliners)")
            || g.starts_with("Carter on journey G ("),
        "{g}"
    );
    assert!(g.contains("“These schools are potentially Capacity Givers because supporting another school could be injection of momentum needed to make the difference”"), "{g}");
    assert!(!g.contains("memory"), "{g}");
    let stalled = dated(&[("2021", C), ("2022", N), ("2023", N), ("2024", C)]);
    if let Some(role) = suggest_role(&stalled.reading()) {
        assert!(
            !role.text.contains("memory of improvement"),
            "{}",
            role.text
        );
    }
    let risen = dated(&[("2021", F), ("2022", C), ("2023", N), ("2024", N)]);
    assert_eq!(letter_of(&risen), Some('G'));
    let role = suggest_role(&risen.reading()).expect("a role");
    assert_eq!(role.role, Role::Giver);
    assert!(role.text.contains("injection of momentum"), "{}", role.text);
    assert!(!role.text.contains("memory"), "{}", role.text);
    for letter in 'A'..='H' {
        let line = carter_on(letter);
        for quoted in &journeys().journey(letter).capacity {
            assert!(
                line.contains(quoted.trim_end_matches('.')),
                "{letter}: {line}"
            );
        }
    }
}

/// The case: four dated stage assessments, Repair → Improve → Improve → Repair,
/// got no letter. Read by Waypoint's reading of the schematic, they are journey G.
#[test]
fn journeys_are_read_from_dated_stages_as_well() {
    use waypoint::domain::base::content::Stage;
    use waypoint::domain::improvement::trajectory::{stage_reading, STAGE_JOURNEY_RULE};
    let stages = [
        ("2024-10-01", Stage::Repair),
        ("2025-03-01", Stage::Improve),
        ("2025-10-01", Stage::Improve),
        ("2026-03-01", Stage::Repair),
    ]
    .map(|(d, s)| (d.to_string(), s));
    let reading = stage_reading(&stages);
    assert_eq!(
        reading.classification.letter(),
        Some('G'),
        "{:?}",
        reading.classification
    );
    assert!(reading.timed);
    assert!(STAGE_JOURNEY_RULE.contains("Waypoint's reading of the schematic"));
    let few = stage_reading(&stages[..2]);
    assert_eq!(few.classification, Classification::TooShort { points: 2 });
}
