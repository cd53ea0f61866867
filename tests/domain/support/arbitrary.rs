//! A small seeded generator of arbitrary Waypoint data, for property tests: any store,
//! with odd text (scripts, emoji, right-to-left, control characters, long notes).
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use waypoint::domain::improvement::TrustRecords;

use waypoint::domain::base::content::four_stages;
use waypoint::domain::base::school::{School, Trust};
use waypoint::domain::checklist::assessment::{Answer, Assessment, Level, Phase, Prefill, Scope};
use waypoint::domain::improvement::plans::{Intervention, Kind, Progress, Review, Status};
use waypoint::domain::improvement::trajectory::{Band, Point, Thresholds, Trajectory};
use waypoint::domain::records::store::Store;
use waypoint::domain::workshop::aas::{aas, Member, Placing, Position, Workshop};

/// Where the arbitrary choices come from. Seeded, for the fixed-budget fuzzing; or a list of
/// choices that proptest generates and shrinks (shorter lists and smaller numbers make
/// smaller data, because a missing choice is 0 and 0 always picks the simplest case).
pub struct Rng(Source);

enum Source {
    /// xorshift64*: fast, seedable, good enough to vary test data.
    Seeded(u64),
    Choices(std::vec::IntoIter<u64>),
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(Source::Seeded(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1))
    }

    /// Choices from proptest: when a property fails, proptest shrinks the list, and the
    /// failure is reported for the smallest data that still fails.
    pub fn from_choices(choices: Vec<u64>) -> Rng {
        Rng(Source::Choices(choices.into_iter()))
    }

    pub fn next(&mut self) -> u64 {
        match &mut self.0 {
            Source::Seeded(state) => {
                *state ^= *state >> 12;
                *state ^= *state << 25;
                *state ^= *state >> 27;
                state.wrapping_mul(0x2545_F491_4F6C_DD1D)
            }
            Source::Choices(rest) => rest.next().unwrap_or(0),
        }
    }

    /// A number in `0..n`, smaller for smaller choices (so shrinking a choice shrinks it).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n.max(1) as u128) >> 64) as usize
    }

    /// True `percent` times in a hundred; a choice of 0 (the shrunk case) is false.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) + percent >= 100
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.below(256) as u8).collect()
    }

    /// Text mixing plain words with the awkward cases.
    pub fn text(&mut self, max_pieces: usize) -> String {
        const PIECES: [&str; 14] = [
            "Oakfield",
            "Primary",
            "<script>alert(1)</script>",
            "🏫📈",
            "مدرسة",
            "\"quoted\"",
            "comma, here",
            "line\nbreak",
            "=SUM(A1)",
            "tab\tand\r\ncrlf",
            "\u{0}\u{7}",
            "Ysgol Gymraeg",
            "é ü ß ø",
            "   spaced   ",
        ];
        let n = self.below(max_pieces + 1);
        (0..n)
            .map(|_| *self.pick(&PIECES))
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn name(&mut self) -> String {
        let text = self.text(3);
        // A name the forms would take (the same rule an import checks).
        if waypoint::domain::base::text::is_blank(&text) {
            "Elm Park".into()
        } else {
            text
        }
    }

    /// A real date in the 2020s.
    pub fn day(&mut self) -> waypoint::domain::base::dates::Day {
        crate::support::day(&self.date())
    }

    pub fn date(&mut self) -> String {
        format!(
            "20{:02}-{:02}-{:02}",
            20 + self.below(10),
            1 + self.below(12),
            1 + self.below(28)
        )
    }

    pub fn time(&mut self) -> f64 {
        // Any finite value JSON can carry, including fractions.
        self.below(4_000_000_000_000) as f64 / if self.chance(30) { 7.0 } else { 1.0 }
    }

    pub fn id(&mut self, prefix: &str, n: usize) -> String {
        format!("{prefix}{n}x{}", self.below(1_000_000))
    }
}

pub fn assessment(rng: &mut Rng, id: String) -> Assessment {
    let scope = match rng.below(4) {
        0 => Scope::WholeSchool,
        1 => Scope::Team(rng.name()),
        2 => Scope::Subject(rng.name()),
        _ => Scope::YearGroup(rng.name()),
    };
    let mut answers = BTreeMap::new();
    for feature in &four_stages().features {
        if rng.chance(70) {
            let level = rng.chance(90).then(|| *rng.pick(&Level::ALL));
            let note = if rng.chance(30) {
                rng.text(6)
            } else {
                String::new()
            };
            if level.is_some() || !note.is_empty() {
                answers.insert(feature.id.clone(), Answer { level, note });
            }
        }
    }
    Assessment {
        id,
        school_id: String::new(),
        legacy_school: None,
        scope,
        date: Some(rng.day()),
        assessors: rng.text(2),
        answers,
        phase: if rng.chance(20) {
            rng.pick(&Phase::ALL).id().to_string()
        } else {
            String::new()
        },
        sources: four_stages()
            .features
            .iter()
            .filter_map(|f| {
                let sources = &waypoint::domain::improvement::cycle::trust_cycle().diagnosis;
                rng.chance(10)
                    .then(|| (f.id.clone(), rng.pick(sources).id.clone()))
            })
            .collect(),
        prefilled: rng.chance(20).then(|| {
            let letters: String = four_stages()
                .features
                .iter()
                .map(|_| *rng.pick(&['c', 'p', 'n', 'x', '-']))
                .collect();
            let reviewed: String = letters
                .chars()
                .map(|_| if rng.chance(50) { 'r' } else { '-' })
                .collect();
            Prefill {
                date: Some(rng.day()),
                levels: letters,
                reviewed,
            }
        }),
        created_ms: rng.time(),
        updated_ms: rng.time(),
    }
}

pub fn workshop(rng: &mut Rng, id: String) -> Workshop {
    let practices: Vec<String> = aas().practices().map(|p| p.statement.id.clone()).collect();
    let members = (0..rng.below(4))
        .map(|n| Member {
            id: format!("r{n}"),
            name: rng.name(),
            role: rng.text(1),
            placings: (0..rng.below(6))
                .map(|_| {
                    (
                        rng.pick(&practices).clone(),
                        Placing {
                            now: Some(*rng.pick(&Position::ALL)),
                            desired: rng.chance(50).then(|| *rng.pick(&Position::ALL)),
                            note: rng.text(2),
                        },
                    )
                })
                .collect(),
            anonymous: rng.chance(20),
            changed_ms: rng.chance(50).then(|| rng.time()),
            arrived: None,
        })
        .collect();
    Workshop {
        id,
        trust_id: String::new(),
        legacy_trust: None,
        academy: rng.text(1),
        date: Some(rng.day()),
        members,
        created_ms: rng.time(),
        updated_ms: rng.time(),
        practices: if rng.chance(30) {
            practices.iter().take(1 + rng.below(5)).cloned().collect()
        } else {
            Vec::new()
        },
        joined_from: rng.chance(20).then(|| "wfrom".to_string()),
        member_at: None,
        pending: Vec::new(),
    }
}

pub fn trajectory(rng: &mut Rng, id: String, school_id: &str) -> Trajectory {
    let thresholds = rng.chance(30).then(|| Thresholds {
        measure: "% meeting the expected standard".into(),
        coasting: 40.0,
        national_average: 55.0,
        top15: 70.0,
    });
    Trajectory {
        id,
        school_id: school_id.to_string(),
        legacy_school: None,
        points: (0..rng.below(6))
            .map(|n| Point {
                period: format!("{}", 2019 + n),
                date: rng.chance(30).then(|| rng.day()).into(),
                band: rng.chance(80).then(|| *rng.pick(&Band::ALL)),
                value: thresholds.is_some().then(|| rng.below(1000) as f64 / 10.0),
            })
            .collect(),
        thresholds,
        capacity: (0..rng.below(3))
            .map(|_| rng.text(2))
            .collect::<BTreeSet<_>>(),
        updated_ms: rng.time(),
    }
}

pub fn intervention(
    rng: &mut Rng,
    id: String,
    school_id: &str,
    assessment_id: Option<String>,
) -> Intervention {
    Intervention {
        id,
        school_id: school_id.to_string(),
        legacy_school: None,
        assessment_id,
        kind: *rng.pick(&Kind::ALL),
        partner: rng.text(2),
        focus: rng.text(1),
        target: rng.name(),
        owner: rng.name(),
        start: Some(crate::support::day("2026-09-01")),
        end: Some(rng.day()),
        review_weeks: 1 + rng.below(12) as u32,
        success_criteria: rng.text(5),
        status: *rng.pick(&Status::ALL),
        reviews: (0..rng.below(3))
            .map(|_| Review {
                date: Some(rng.day()),
                progress: *rng.pick(&Progress::ALL),
                note: rng.text(3),
            })
            .collect(),
        impact: rng.chance(30).then(|| {
            Box::new(waypoint::domain::improvement::accountability::Impact {
                date: Some(rng.day()),
                practice: rng.text(3),
                systems: rng.text(2),
                organisation: String::new(),
                outcomes: rng.text(4),
                evidence: rng.text(3),
                verdict: *rng.pick(&waypoint::domain::improvement::accountability::Verdict::ALL),
            })
        }),
        created_ms: rng.time(),
        updated_ms: rng.time(),
    }
}

/// Any categorisation of a school.
pub fn categorisation(
    rng: &mut Rng,
    id: String,
    school_id: &str,
) -> waypoint::domain::improvement::categorisation::Categorisation {
    use waypoint::domain::improvement::categorisation::{Categorisation, Category, Decision};
    Categorisation {
        id,
        school_id: school_id.to_string(),
        decision: *rng.pick(&Decision::ALL),
        date: Some(rng.day()),
        category: *rng.pick(&Category::ALL),
        decided_by: rng.name(),
        rationale: rng.text(4),
        suggested: rng.chance(70).then(|| *rng.pick(&Category::ALL)),
        suggested_reason: rng.text(2),
        assessed_on: rng.chance(60).then(|| rng.day()),
        created_ms: rng.time(),
        updated_ms: rng.time(),
    }
}

/// Any store: a few of each kind of item, ids unique, schools sometimes shared.
pub fn store(rng: &mut Rng) -> Store {
    let mut store = Store::default();
    for n in 0..1 + rng.below(3) {
        store
            .schools
            .push(School::new(format!("s{n}"), &rng.name(), rng.time()));
    }
    for n in 0..1 + rng.below(2) {
        store
            .trusts
            .push(Trust::new(format!("t{n}"), &rng.name(), rng.time()));
    }
    let schools: Vec<String> = store.schools.iter().map(|s| s.id.clone()).collect();
    let trusts: Vec<String> = store.trusts.iter().map(|t| t.id.clone()).collect();
    for n in 0..rng.below(5) {
        let mut a = assessment(rng, format!("a{n}"));
        a.school_id = rng.pick(&schools).clone();
        store.assessments.push(a);
    }
    for n in 0..rng.below(3) {
        let mut w = workshop(rng, format!("w{n}"));
        w.trust_id = rng.pick(&trusts).clone();
        store.workshops.push(w);
    }
    for n in 0..rng.below(3) {
        let school = rng.pick(&schools).clone();
        if store.trajectory_of(&school).is_none() {
            store
                .trajectories
                .push(trajectory(rng, format!("j{n}"), &school));
        }
    }
    for n in 0..rng.below(4) {
        let school = rng.pick(&schools).clone();
        let source = store
            .assessments
            .iter()
            .find(|a| a.school_id == school)
            .map(|a| a.id.clone());
        store
            .plans
            .push(intervention(rng, format!("p{n}"), &school, source));
    }
    for n in 0..rng.below(4) {
        let school = rng.pick(&schools).clone();
        store
            .categorisations
            .push(categorisation(rng, format!("c{n}"), &school));
    }
    if rng.chance(30) {
        let mut calendar = waypoint::domain::improvement::calendar::TrustCalendar::starting(
            "k0".into(),
            &rng.date(),
            rng.time(),
        );
        if rng.chance(50) {
            calendar.items[0].every = 1 + rng.below(12) as u32;
            calendar.items.pop();
        }
        store.calendars.push(calendar);
    }
    store
}

/// Checks a property on `cases` arbitrary cases. A failing case is shrunk by proptest (fewer
/// and smaller choices) and the panic reports the smallest case that still fails.
pub fn for_any(cases: u32, check: impl Fn(&mut Rng)) {
    use proptest::collection::vec;
    use proptest::prelude::any;
    use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};
    use std::panic::{catch_unwind, AssertUnwindSafe};

    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        // Shrinking a long list of choices takes many small steps (proptest's default is
        // four per case). Counted in steps, not time, so a busy machine shrinks as far.
        max_shrink_iters: 200_000,
        // The same cases on every run, as in CI: a failure here fails there too.
        rng_seed: RngSeed::Fixed(0x5741_5950_4F49_4E54),
        ..Config::default()
    });
    let outcome = runner.run(&vec(any::<u64>(), 0..CHOICES), |choices| {
        catch_unwind(AssertUnwindSafe(|| check(&mut Rng::from_choices(choices)))).map_err(|panic| {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            TestCaseError::fail(message)
        })
    });
    if let Err(failure) = outcome {
        panic!("{failure}");
    }
}

/// Enough choices for the largest arbitrary store; a list that runs out gives 0s.
const CHOICES: usize = 3_000;
