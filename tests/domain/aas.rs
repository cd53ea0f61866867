//! The Autonomy–Alignment–Standardisation tool: content, results, answer files, merging.
use crate::support;

use waypoint::domain::records::schema::ReadError;
use waypoint::domain::workshop::aas::{
    aas, workshop_results, Column, Member, Position, When, Workshop, COLUMN_NOTE, POSITIONS_NOTE,
};
use waypoint::domain::workshop::responses::{
    classify, merge_member, read_responses, write_responses, Incoming, Resolution,
};

#[test]
fn has_all_80_statements_in_four_areas() {
    let tool = aas();
    assert_eq!(tool.statement_count(), 80);
    let names: Vec<&str> = tool.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Governance and Setting Vision",
            "Being a single employer",
            "Financial Management",
            "Raising Standards and Improvement Planning"
        ]
    );
    let count = |f: fn(&waypoint::domain::workshop::aas::Part) -> usize| -> usize {
        tool.areas.iter().flat_map(|a| &a.parts).map(f).sum()
    };
    assert_eq!(count(|p| p.standardised.len()), 31);
    assert_eq!(count(|p| p.aligned.len()), 24);
    assert_eq!(count(|p| p.autonomy.len()), 25);
    assert_eq!(tool.practices().count(), 80);
    let parts: Vec<&str> = tool.areas[3]
        .parts
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        parts,
        [
            "Target Setting and Monitoring",
            "School to School Support across the MAT",
            "Curriculum Delivery"
        ]
    );
}

/// Today only the 31 standardised statements could be placed; the other 49 were context.
#[test]
fn every_statement_is_a_practice_with_carters_column_as_a_suggestion() {
    let tool = aas();
    let count = |column| tool.practices().filter(|p| p.column == column).count();
    assert_eq!(
        (
            count(Column::Standardised),
            count(Column::Aligned),
            count(Column::Autonomy)
        ),
        (31, 24, 25)
    );
    let behaviour = tool
        .practice("support-o2")
        .expect("an autonomy statement is a practice");
    assert_eq!(
        behaviour.statement.text,
        "Behaviour systems are academy centric against MAT ethos"
    );
    assert_eq!(behaviour.column, Column::Autonomy);
    assert_eq!(
        behaviour.column.suggestion(),
        "Carter's suggestion: autonomy"
    );
    assert_eq!(behaviour.column.position(), Position::Autonomous);
    // Existing placings keep their keys: the standardised statements' ids.
    assert_eq!(
        tool.practice("governance-s1").unwrap().column,
        Column::Standardised
    );
    assert_eq!(
        tool.practice("employer-a2").unwrap().column,
        Column::Aligned
    );
    // A board places it now and wanted, and the results count it.
    let w = workshop(vec![member(
        "r1",
        "Ann",
        &[
            ("support-o2", Autonomous, Aligned),
            ("governance-s1", Aligned, Standardised),
        ],
    )]);
    let results = workshop_results(tool, &w);
    assert_eq!(results.practices.len(), 80);
    let placed = results
        .practices
        .iter()
        .find(|p| p.practice_id == "support-o2")
        .unwrap();
    assert_eq!((placed.gap, placed.column), (Some(2.0), Column::Autonomy));
    let standards = results
        .areas
        .iter()
        .find(|a| a.area_id == "standards")
        .unwrap();
    assert_eq!(standards.placings, 2);
    assert!(COLUMN_NOTE.contains("Carter's suggestion"));
    assert!(POSITIONS_NOTE.contains("Waypoint's in-between steps"));
    // The two in-between positions are Waypoint's; Carter's three are his columns.
    let carters: Vec<Position> = Column::ALL.iter().map(|c| c.position()).collect();
    assert!(
        !carters.contains(&Position::PartlyAligned)
            && !carters.contains(&Position::LargelyStandardised)
    );
}

#[test]
fn framing_text_is_present() {
    let tool = aas();
    assert_eq!(tool.positions.len(), 3);
    assert_eq!(tool.benefits.len(), 5);
    assert_eq!(tool.challenges.len(), 4);
    assert_eq!(tool.key_factors.len(), 4);
    assert_eq!(tool.alignment_focus_areas.len(), 5);
    assert!(tool.positions[0].meaning[0].starts_with("Being Autonomous means"));
}

#[test]
fn statements_are_verbatim_from_the_source() {
    let Some(seed) = support::seed_text() else {
        return;
    };
    let tables: String = seed
        .lines()
        .filter(|l| l.starts_with("<ul"))
        .map(|l| format!("{l}\n"))
        .collect();
    // A whole item: after its number, and followed by a space, a tab or the end of the line.
    let whole_item = |text: &str| {
        [" ", "\t", "\n"]
            .iter()
            .any(|end| tables.contains(&format!(". {text}{end}")))
    };
    let mut ids = std::collections::HashSet::new();
    for area in &aas().areas {
        for part in &area.parts {
            for s in part
                .standardised
                .iter()
                .chain(&part.aligned)
                .chain(&part.autonomy)
            {
                assert!(ids.insert(s.id.clone()), "duplicate id {}", s.id);
                assert!(
                    whole_item(&s.text),
                    "{} is not verbatim: {:?}",
                    s.id,
                    s.text
                );
            }
        }
    }
    for line in aas()
        .benefits
        .iter()
        .chain(&aas().challenges)
        .chain(&aas().key_factors)
    {
        assert!(seed.contains(line.as_str()), "{line}");
    }
}

fn member(id: &str, name: &str, placings: &[(&str, Position, Position)]) -> Member {
    let mut r = Member::new(id.into(), name, "Trustee");
    for &(practice, now, desired) in placings {
        r.set(practice, When::Now, Some(now));
        r.set(practice, When::Desired, Some(desired));
    }
    r
}

fn workshop(members: Vec<Member>) -> Workshop {
    let mut w = crate::support::workshop_w1();
    w.members = members;
    w
}

use Position::*;

#[test]
fn positions_gaps_and_spread_per_practice() {
    let w = workshop(vec![
        member("r1", "Ann", &[("governance-s1", Autonomous, Standardised)]),
        member("r2", "Bo", &[("governance-s1", Aligned, Standardised)]),
        member("r3", "Cy", &[("governance-s1", PartlyAligned, Aligned)]),
    ]);
    let results = workshop_results(aas(), &w);
    let p = results
        .practices
        .iter()
        .find(|p| p.practice_id == "governance-s1")
        .unwrap();
    assert_eq!(p.text, "Articulating the values and beliefs of the trust");
    assert_eq!(p.mean_now, Some(1.0));
    assert!((p.mean_desired.unwrap() - 10.0 / 3.0).abs() < 1e-9);
    assert!((p.gap.unwrap() - 7.0 / 3.0).abs() < 1e-9);
    assert_eq!(p.spread_now, Some(2));
    assert_eq!(p.spread_desired, Some(2));
    assert_eq!(p.views.len(), 3);
    assert_eq!(p.views[2].now, Some(PartlyAligned));
    let untouched = results
        .practices
        .iter()
        .find(|p| p.practice_id == "finance-s1")
        .unwrap();
    assert_eq!(
        (untouched.mean_now, untouched.gap, untouched.spread_now),
        (None, None, None)
    );
}

#[test]
fn areas_and_overall_average_their_practices() {
    let w = workshop(vec![member(
        "r1",
        "Ann",
        &[
            ("finance-s1", Autonomous, Standardised),
            ("finance-s2", Aligned, Aligned),
            ("employer-s1", Standardised, Standardised),
        ],
    )]);
    let results = workshop_results(aas(), &w);
    let finance = results
        .areas
        .iter()
        .find(|a| a.area_id == "finance")
        .unwrap();
    assert_eq!(finance.mean_now, Some(1.0));
    assert_eq!(finance.mean_desired, Some(3.0));
    assert_eq!(finance.gap, Some(2.0));
    assert_eq!(finance.placings, 4);
    let governance = results
        .areas
        .iter()
        .find(|a| a.area_id == "governance")
        .unwrap();
    assert_eq!(governance.mean_now, None);
    assert_eq!(results.overall.mean_now, Some(2.0));
    assert!((results.overall.gap.unwrap() - 4.0 / 3.0).abs() < 1e-9);
}

#[test]
fn largest_gaps_and_disagreements_are_ranked() {
    let w = workshop(vec![
        member(
            "r1",
            "Ann",
            &[
                ("targets-s1", Autonomous, Standardised),
                ("targets-s2", Aligned, LargelyStandardised),
                ("targets-s3", Aligned, Aligned),
            ],
        ),
        member(
            "r2",
            "Bo",
            &[
                ("targets-s1", Autonomous, Standardised),
                ("targets-s2", Aligned, PartlyAligned),
                ("targets-s3", Aligned, Aligned),
            ],
        ),
    ]);
    let results = workshop_results(aas(), &w);
    let gaps: Vec<&str> = results
        .largest_gaps(5)
        .iter()
        .map(|p| p.practice_id.as_str())
        .collect();
    assert_eq!(
        gaps,
        ["targets-s1"],
        "targets-s2's gaps cancel out; s3 has none"
    );
    let split: Vec<&str> = results
        .largest_disagreements(5)
        .iter()
        .map(|p| p.practice_id.as_str())
        .collect();
    assert_eq!(split, ["targets-s2"]);
    assert_eq!(
        results
            .practices
            .iter()
            .find(|p| p.practice_id == "targets-s2")
            .unwrap()
            .disagreement(),
        2
    );
}

#[test]
fn nearest_position_rounds_to_the_scale() {
    assert_eq!(Position::nearest(0.4), Autonomous);
    assert_eq!(Position::nearest(2.5), LargelyStandardised);
    assert_eq!(Position::nearest(9.0), Standardised);
}

#[test]
fn responses_files_round_trip() {
    let mut ann = member("r1", "Ann 🏫", &[("curriculum-s3", Aligned, Standardised)]);
    ann.set_note("curriculum-s3", "<script>x</script> phonics first");
    let w = workshop(vec![ann.clone()]);
    let text = write_responses(&w, "Oak Trust", &[&ann]);
    let file = read_responses(&text).unwrap();
    assert_eq!(file.trust, "Oak Trust");
    assert_eq!(file.members, vec![ann]);
}

/// A file may repeat a person's id or carry one that would not work in a link: each
/// person gets a valid id of their own, the same every time the file is read.
#[test]
fn responses_with_repeated_or_unusable_ids_get_ids_of_their_own() {
    let people = [
        member("r1", "Ann", &[("finance-s1", Aligned, Aligned)]),
        member("r1", "Bo", &[]),
        member("", "Cy", &[]),
        member("r 4/é", "Di", &[]),
    ];
    let w = workshop(people.to_vec());
    let text = write_responses(&w, "Oak Trust", &people.iter().collect::<Vec<_>>());
    let file = read_responses(&text).expect("ids are re-issued, not refused");
    let ids: Vec<&str> = file.members.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids[0], "r1", "the first keeps its id");
    assert!(
        ids.iter()
            .all(|id| waypoint::domain::base::ids::is_valid_id(id)),
        "{ids:?}"
    );
    let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), 4, "{ids:?}");
    let names: Vec<&str> = file.members.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Ann", "Bo", "Cy", "Di"]);
    assert_eq!(read_responses(&text), Ok(file));
}

#[test]
fn bad_responses_files_are_refused_with_reasons() {
    assert!(matches!(
        read_responses("not json"),
        Err(ReadError::NotJson(_))
    ));
    assert_eq!(
        read_responses("{\"format\":\"waypoint\",\"schema\":2,\"assessments\":[]}"),
        Err(ReadError::NotWaypoint)
    );
    let newer = "{\"format\":\"waypoint-aas-responses\",\"schema\":9,\"respondents\":[]}";
    assert_eq!(
        read_responses(newer),
        Err(ReadError::NewerVersion { found: 9 })
    );
    let foreign = "{\"format\":\"waypoint-aas-responses\",\"schema\":1,\"respondents\":[{\"id\":\"r1\",\"name\":\"Ann\",\"placings\":{\"made-up\":{\"now\":\"aligned\"}}}]}";
    let Err(ReadError::Invalid(why)) = read_responses(foreign) else {
        panic!("unknown practice accepted")
    };
    assert!(
        why.contains("member 1 (Ann)") && why.contains("made-up"),
        "{why}"
    );
    let bad_position = foreign
        .replace("made-up", "finance-s1")
        .replace("aligned", "sideways");
    let Err(ReadError::Invalid(why)) = read_responses(&bad_position) else {
        panic!("bad position accepted")
    };
    assert!(why.contains("sideways"), "{why}");
    let nameless = "{\"format\":\"waypoint-aas-responses\",\"schema\":1,\"respondents\":[{\"id\":\"r1\",\"name\":\"  \"}]}";
    assert!(
        matches!(read_responses(nameless), Err(ReadError::Invalid(w)) if w.contains("no name"))
    );
    let huge = format!("{{\"pad\":\"{}\"}}", "x".repeat(2_100_000));
    assert!(matches!(read_responses(&huge), Err(ReadError::Invalid(w)) if w.contains("at most")));
}

#[test]
fn merging_skips_duplicates_and_asks_about_clashes() {
    let ann = member("r1", "Ann", &[("finance-s1", Aligned, Aligned)]);
    let mut w = workshop(vec![ann.clone()]);
    assert_eq!(classify(&w, &ann), Incoming::Duplicate);
    let changed = member("r1", "Ann", &[("finance-s1", Autonomous, Aligned)]);
    assert_eq!(
        classify(&w, &changed),
        Incoming::Clash {
            existing_id: "r1".into()
        }
    );
    let same_name = member("r9", "ann", &[]);
    assert_eq!(
        classify(&w, &same_name),
        Incoming::Clash {
            existing_id: "r1".into()
        }
    );
    let bo = member("r2", "Bo", &[]);
    assert_eq!(classify(&w, &bo), Incoming::New);

    merge_member(
        &mut w,
        changed.clone(),
        Some(("r1", Resolution::KeepBoth)),
        "r3".into(),
    );
    assert_eq!(w.members.len(), 2);
    assert_eq!(w.members[1].name, "Ann (2)");
    assert_eq!(w.members[1].id, "r3");
    assert_eq!(w.members[0], ann, "the original is untouched");

    merge_member(
        &mut w,
        changed.clone(),
        Some(("r1", Resolution::Replace)),
        "r4".into(),
    );
    assert_eq!(w.members[0], changed);
    assert_eq!(w.members.len(), 2);

    merge_member(&mut w, bo, None, "r5".into());
    assert_eq!(w.members.len(), 3);
}

#[test]
fn clearing_both_positions_forgets_the_placing() {
    let mut r = member("r1", "Ann", &[("finance-s2", Aligned, Aligned)]);
    assert_eq!(r.complete_count(), 1);
    r.set("finance-s2", When::Now, None);
    assert_eq!(r.complete_count(), 0);
    r.set("finance-s2", When::Desired, None);
    assert!(r.placing("finance-s2").is_none());
}
