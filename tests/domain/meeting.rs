//! A workshop that fits a board meeting (issue 19): the plan and its load, the member's
//! place, the question per column, the hand-back of a second copy, who answered how
//! much, where the board agrees, the comparison by area, and slides that fit.

use waypoint::domain::records::edits::{Edit, SchoolEdit, WorkshopEdit};
use waypoint::domain::records::schema::{read_store, write_store};
use waypoint::domain::records::store::Store;
use waypoint::domain::workshop::aas::{
    aas, workshop_results, Column, Member, Position, When, Workshop, WORDING_NOTE,
};
use waypoint::domain::workshop::comparison::{compare, compare_areas, moved_words};
use waypoint::domain::workshop::handback::{
    copy_words, hold, newer, newer_words, questions, settle, Arrival, Newer, PendingCopy, Settle,
    Via,
};
use waypoint::domain::workshop::join::{read_response, response_json};
use waypoint::domain::workshop::plan::{
    area_choice, area_practices, choose_areas, default_choice, load, resume_step, toggle_area,
    AreaChoice, Load,
};
use waypoint::domain::workshop::responses::same_answers;
use waypoint::domain::workshop::slides::{slides, split_evenly, Slide, PRACTICES_PER_SLIDE};
use waypoint::domain::workshop::tally::{participation, placed_words};

use Position::*;

fn person(id: &str, name: &str, placings: &[(&str, Position, Position)]) -> Member {
    let mut r = Member::new(id.into(), name, "Board member");
    for &(practice, now, desired) in placings {
        r.set(practice, When::Now, Some(now));
        r.set(practice, When::Desired, Some(desired));
    }
    r
}

fn meeting(practices: Vec<String>, members: Vec<Member>) -> Workshop {
    let mut w = crate::support::workshop_w1();
    w.practices = practices;
    w.members = members;
    w
}

#[test]
fn the_load_counts_two_placements_a_practice_and_rounds_minutes_up() {
    assert_eq!(
        Load::of(80),
        Load {
            practices: 80,
            placements: 160,
            minutes: 22
        }
    );
    assert_eq!(Load::of(23).minutes, 7);
    assert_eq!(Load::of(1).minutes, 1);
    assert_eq!(Load::of(0).minutes, 0);
    assert_eq!(
        Load::of(1).describe(),
        "1 practice: 2 placements, about 1 minute for each member"
    );
    assert_eq!(
        Load::of(7).describe(),
        "7 practices: 14 placements, about 2 minutes for each member"
    );
}

#[test]
fn a_new_workshop_asks_about_one_area_and_areas_can_be_added_or_taken_out() {
    let tool = aas();
    let first = default_choice(tool);
    assert_eq!(first, area_practices(tool, "governance"));
    assert_eq!(first.len(), 23);
    let w = meeting(first.clone(), vec![]);
    assert_eq!(load(tool, &w).placements, 46);

    let two = toggle_area(tool, &first, "finance", true).unwrap();
    assert_eq!(two.len(), 30);
    assert_eq!(area_choice(tool, &two, &tool.areas[2]), AreaChoice::All);
    assert_eq!(area_choice(tool, &two, &tool.areas[1]), AreaChoice::None);
    assert_eq!(
        toggle_area(tool, &two, "governance", false).unwrap(),
        area_practices(tool, "finance")
    );
    // Taking out the only area would leave nothing to ask: refused.
    assert_eq!(toggle_area(tool, &first, "governance", false), None);
    // Every area chosen is kept as "all" (empty), as older workshops are.
    let ids: Vec<String> = tool.areas.iter().map(|a| a.id.clone()).collect();
    assert!(choose_areas(tool, &ids).is_empty());
    assert_eq!(area_choice(tool, &[], &tool.areas[3]), AreaChoice::All);
    // One practice of an area: part of it.
    let single = vec!["finance-s1".to_string()];
    assert_eq!(
        area_choice(tool, &single, &tool.areas[2]),
        AreaChoice::Some(1)
    );
    assert_eq!(
        toggle_area(tool, &single, "finance", true).unwrap(),
        area_practices(tool, "finance"),
        "ticking a partly chosen area chooses all of it"
    );
}

#[test]
fn a_member_returns_to_where_they_were() {
    let tool = aas();
    let mut copy = meeting(
        area_practices(tool, "finance"),
        vec![person(
            "r1",
            "Ann",
            &[("finance-s1", Aligned, Standardised)],
        )],
    );
    // Nothing kept yet: the first practice not placed both ways.
    assert_eq!(resume_step(tool, &copy), 2);
    copy.member_at = Some("finance-o1".into());
    let at = area_practices(tool, "finance")
        .iter()
        .position(|p| p == "finance-o1")
        .unwrap();
    assert_eq!(resume_step(tool, &copy), at + 1);
    // A practice no longer asked falls back to the first unanswered.
    copy.member_at = Some("governance-s1".into());
    assert_eq!(resume_step(tool, &copy), 2);

    // Kept on the device by an edit, and read back after a reload.
    let mut store = Store::default();
    let edits = [
        Edit::Schools(SchoolEdit::AddTrust(
            waypoint::domain::base::school::Trust::new("t1".into(), "Oak Trust", 1.0),
        )),
        Edit::Workshop(WorkshopEdit::AddWorkshop(meeting(
            area_practices(tool, "finance"),
            vec![],
        ))),
        Edit::Workshop(WorkshopEdit::SetMemberPlace {
            workshop: "w1".into(),
            practice: "finance-a1".into(),
        }),
    ];
    for edit in &edits {
        store.apply(edit, 5.0).unwrap();
    }
    let again = read_store(&write_store(&store)).unwrap();
    assert_eq!(
        again.workshop("w1").unwrap().member_at.as_deref(),
        Some("finance-a1")
    );
    assert!(store
        .apply(
            &Edit::Workshop(WorkshopEdit::SetMemberPlace {
                workshop: "w1".into(),
                practice: "no-such".into(),
            }),
            6.0
        )
        .is_err());
}

#[test]
fn each_column_is_asked_in_its_own_words_labelled_as_waypoints() {
    let kinds: Vec<&str> = Column::ALL.iter().map(|c| c.kind()).collect();
    assert_eq!(
        kinds,
        [
            "A feature of the trust's strategy",
            "How an academy aligns with the trust",
            "A decision an academy may keep"
        ]
    );
    for column in Column::ALL {
        let line = column.meaning();
        assert!(line.starts_with("Say "), "{line}");
        assert!(
            line.contains("Standardised") && line.contains("Autonomous"),
            "both ends of the scale explained: {line}"
        );
        assert!(!line.contains('\n'));
    }
    assert!(Column::Aligned.meaning().contains("Aligned if"));
    assert!(WORDING_NOTE.starts_with("Waypoint's wording"));
}

#[test]
fn a_response_link_says_when_the_answers_were_last_changed() {
    let tool = aas();
    let mut ann = person("r1", "Ann", &[("finance-s1", Aligned, Standardised)]);
    ann.changed_ms = Some(1_795_424_400_000.0);
    let back = read_response(tool, &response_json(tool, "w1", &ann)).unwrap();
    assert_eq!(back.member.changed_ms, ann.changed_ms);
    ann.changed_ms = None;
    let back = read_response(tool, &response_json(tool, "w1", &ann)).unwrap();
    assert_eq!(back.member.changed_ms, None);
}

#[test]
fn how_and_when_a_copy_arrived_does_not_make_it_different() {
    let mut a = person("r1", "Ann", &[("finance-s1", Aligned, Standardised)]);
    let mut b = a.clone();
    a.arrived = Some(Arrival {
        via: Via::Link,
        at_ms: 1.0,
    });
    b.arrived = Some(Arrival {
        via: Via::File,
        at_ms: 2.0,
    });
    b.changed_ms = Some(3.0);
    assert!(same_answers(&a, &b));
    b.set("finance-s2", When::Now, Some(Aligned));
    assert!(!same_answers(&a, &b));
}

fn second_copy() -> (Workshop, PendingCopy) {
    let tool = aas();
    let mut earlier = person(
        "r1",
        "Ann Evans",
        &[
            ("finance-s1", Aligned, Standardised),
            ("finance-s2", Aligned, Aligned),
        ],
    );
    earlier.changed_ms = Some(1_000.0);
    earlier.arrived = Some(Arrival {
        via: Via::Code,
        at_ms: 5_000.0,
    });
    let mut later = person(
        "r1",
        "Ann Evans",
        &[("finance-s1", Standardised, Standardised)],
    );
    later.changed_ms = Some(2_000.0);
    later.arrived = Some(Arrival {
        via: Via::Link,
        at_ms: 6_000.0,
    });
    let w = meeting(area_practices(tool, "finance"), vec![earlier]);
    let copy = PendingCopy {
        key: "k1".into(),
        existing_id: "r1".into(),
        member: later,
    };
    (w, copy)
}

#[test]
fn a_second_copy_is_asked_about_saying_which_is_newer_how_complete_and_how_it_came() {
    let tool = aas();
    let (mut w, copy) = second_copy();
    assert!(hold(&mut w, copy.clone()));
    assert!(!hold(&mut w, copy.clone()), "the same copy twice asks once");
    let mut again = copy.clone();
    again.key = "k2".into();
    assert!(!hold(&mut w, again), "pasted again: still asked once");
    let asked = questions(tool, &w);
    assert_eq!(asked.len(), 1);
    let q = &asked[0];
    assert_eq!(q.name, "Ann Evans");
    assert_eq!(q.newer, Newer::New);
    assert_eq!((q.earlier.placed, q.earlier.asked), (2, 7));
    assert_eq!((q.new.placed, q.new.asked), (1, 7));
    let when = |ms: f64| format!("at {ms}");
    assert_eq!(
        newer_words(q, when),
        "The second copy is newer: its answers were last changed at 2000."
    );
    assert_eq!(
        copy_words(&q.earlier, when),
        "2 of 7 practices placed; arrived by QR code on at 5000"
    );
    assert_eq!(
        copy_words(&q.new, when),
        "1 of 7 practices placed; arrived by link on at 6000"
    );

    // Kept in the stored workshop: a reload asks again.
    let mut store = Store {
        trusts: vec![waypoint::domain::base::school::Trust::new(
            "t1".into(),
            "Oak",
            1.0,
        )],
        workshops: vec![w.clone()],
        ..Store::default()
    };
    store.workshops[0].pending = w.pending.clone();
    let read = read_store(&write_store(&store)).unwrap();
    assert_eq!(questions(tool, read.workshop("w1").unwrap()), asked);
}

#[test]
fn older_and_unknown_copies_are_named_as_such() {
    let (w, mut copy) = second_copy();
    let earlier = &w.members[0];
    assert_eq!(newer(earlier, &copy.member), Newer::New);
    copy.member.changed_ms = Some(500.0);
    assert_eq!(newer(earlier, &copy.member), Newer::Earlier);
    copy.member.changed_ms = Some(1_000.0);
    assert_eq!(newer(earlier, &copy.member), Newer::Same);
    copy.member.changed_ms = None;
    assert_eq!(newer(earlier, &copy.member), Newer::Unknown);
    let mut unrecorded = w.clone();
    unrecorded.members[0].arrived = None;
    hold(&mut unrecorded, copy);
    let q = &questions(aas(), &unrecorded)[0];
    assert!(newer_words(q, |_| String::new()).starts_with("Waypoint cannot tell"));
    assert!(copy_words(&q.earlier, |_| String::new()).contains("was not recorded"));
}

#[test]
fn settling_a_second_copy_uses_it_keeps_the_earlier_or_keeps_both() {
    let (base, copy) = second_copy();
    let held = |w: &Workshop| {
        let mut w = w.clone();
        hold(&mut w, copy.clone());
        w
    };
    let mut w = held(&base);
    assert!(settle(&mut w, "k1", Settle::UseNew, "r9".into()));
    assert!(w.pending.is_empty());
    assert_eq!(w.members.len(), 1);
    assert_eq!(
        w.members[0].placing("finance-s1").unwrap().now,
        Some(Standardised)
    );
    assert!(!settle(&mut w, "k1", Settle::UseNew, "r9".into()), "once");

    let mut w = held(&base);
    settle(&mut w, "k1", Settle::KeepEarlier, "r9".into());
    assert_eq!(w.members, base.members);
    assert!(w.pending.is_empty());

    let mut w = held(&base);
    settle(&mut w, "k1", Settle::KeepBoth, "r9".into());
    let names: Vec<&str> = w.members.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Ann Evans", "Ann Evans (2)"]);

    // The earlier copy was removed meanwhile: the second one joins.
    let mut w = held(&base);
    w.members.clear();
    let asked = questions(aas(), &w);
    assert_eq!(asked[0].newer, Newer::New);
    settle(&mut w, "k1", Settle::UseNew, "r9".into());
    assert_eq!(w.members.len(), 1);
}

#[test]
fn who_answered_how_much_keeps_anonymous_answers_anonymous() {
    let tool = aas();
    let finance = area_practices(tool, "finance");
    let all: Vec<(&str, Position, Position)> = finance
        .iter()
        .map(|p| (p.as_str(), Aligned, Standardised))
        .collect();
    let mut anon_partial = person("a1", "Anonymous 1", &all[..2]);
    anon_partial.anonymous = true;
    let mut anon_full = person("a2", "Anonymous 2", &all);
    anon_full.anonymous = true;
    let w = meeting(
        finance.clone(),
        vec![
            anon_partial,
            person("r1", "Ann", &all),
            person("r2", "Bo", &all[..3]),
            anon_full,
        ],
    );
    let p = participation(tool, &w);
    assert_eq!(p.asked, 7);
    let named: Vec<(&str, usize)> = p
        .named
        .iter()
        .map(|a| (a.name.as_str(), a.placed))
        .collect();
    assert_eq!(named, [("Ann", 7), ("Bo", 3)]);
    assert_eq!(
        p.anonymous,
        [7, 2],
        "largest first, not in the order they came"
    );
    assert_eq!(p.partial(), 2);
    assert_eq!(placed_words(7, 7), "all 7");
    assert_eq!(placed_words(3, 7), "3 of 7");
}

#[test]
fn where_the_board_agrees_is_ranked_beside_where_it_disagrees() {
    let tool = aas();
    let w = meeting(
        Vec::new(),
        vec![
            person(
                "r1",
                "Ann",
                &[
                    ("finance-s1", Aligned, Standardised),
                    ("finance-s2", Aligned, Aligned),
                    ("finance-s3", Autonomous, Standardised),
                    ("governance-s1", Aligned, Aligned),
                ],
            ),
            person(
                "r2",
                "Bo",
                &[
                    ("finance-s1", Aligned, Standardised),
                    ("finance-s2", PartlyAligned, Aligned),
                    ("finance-s3", Standardised, Standardised),
                ],
            ),
            person("r3", "Cy", &[("finance-s1", Aligned, Standardised)]),
        ],
    );
    let results = workshop_results(tool, &w);
    let agreed: Vec<&str> = results
        .largest_agreements(5)
        .iter()
        .map(|p| p.practice_id.as_str())
        .collect();
    // finance-s1: three people, no steps apart; finance-s2: one step; governance-s1 has
    // one person only, and finance-s3 is far apart.
    assert_eq!(agreed, ["finance-s1", "finance-s2"]);
    let split: Vec<&str> = results
        .largest_disagreements(5)
        .iter()
        .map(|p| p.practice_id.as_str())
        .collect();
    assert_eq!(split, ["finance-s3"]);
}

#[test]
fn an_earlier_workshop_is_compared_area_by_area_then_row_by_row() {
    let tool = aas();
    let then = meeting(
        Vec::new(),
        vec![person(
            "r1",
            "Ann",
            &[
                ("finance-s1", Autonomous, Aligned),
                ("finance-s2", Aligned, Aligned),
            ],
        )],
    );
    let now = meeting(
        Vec::new(),
        vec![person(
            "r1",
            "Ann",
            &[
                ("finance-s1", Aligned, Standardised),
                ("finance-s2", Standardised, Standardised),
                ("governance-s1", Aligned, Aligned),
            ],
        )],
    );
    let rows = compare(tool, &workshop_results(tool, &now), &then);
    assert_eq!(rows.len(), 3);
    let areas = compare_areas(&rows, tool);
    let summary: Vec<(&str, usize, Option<f64>)> = areas
        .iter()
        .map(|a| (a.area_id.as_str(), a.practices, a.moved()))
        .collect();
    assert_eq!(
        summary,
        [("governance", 1, None), ("finance", 2, Some(2.0))],
        "in Carter's order; an area new this time has nothing to move from"
    );
    assert_eq!(areas[1].earlier_now, Some(1.0));
    assert_eq!(areas[1].now, Some(3.0));
    assert_eq!(moved_words(areas[1].moved()), "2.0 towards standardisation");
    assert_eq!(moved_words(Some(-0.5)), "0.5 towards autonomy");
    assert_eq!(moved_words(Some(0.01)), "no change");
    assert_eq!(moved_words(None), "–");
}

#[test]
fn long_areas_are_split_evenly_across_slides() {
    let seven: Vec<u8> = (0..7).collect();
    let sizes: Vec<usize> = split_evenly(&seven, 5).iter().map(Vec::len).collect();
    assert_eq!(sizes, [4, 3]);
    let sizes: Vec<usize> = split_evenly(&(0..34).collect::<Vec<u8>>(), 5)
        .iter()
        .map(Vec::len)
        .collect();
    assert_eq!(sizes, [5, 5, 5, 5, 5, 5, 4]);
    assert!(split_evenly::<u8>(&[], 5).is_empty());
}

#[test]
fn slides_cover_the_meetings_areas_then_disagreement_and_agreement() {
    let tool = aas();
    let mut choice = area_practices(tool, "finance");
    choice.extend(area_practices(tool, "standards"));
    let w = meeting(choice, vec![]);
    let deck = slides(tool, &w);
    let titles: Vec<String> = deck.iter().map(Slide::title).collect();
    assert_eq!(titles[0], "Where each area stands");
    assert_eq!(titles[1], "Financial Management, 1 of 2");
    assert_eq!(titles[2], "Financial Management, 2 of 2");
    assert_eq!(
        titles[3],
        "Raising Standards and Improvement Planning, 1 of 7"
    );
    assert_eq!(
        titles[9],
        "Raising Standards and Improvement Planning, 7 of 7"
    );
    assert_eq!(
        &titles[10..],
        ["Where the board disagrees most", "Where the board agrees"]
    );
    let mut shown = Vec::new();
    for slide in &deck {
        if let Slide::Area { practices, .. } = slide {
            assert!(practices.len() <= PRACTICES_PER_SLIDE);
            shown.extend(practices.iter().cloned());
        }
    }
    assert_eq!(
        shown, w.practices,
        "every practice of the meeting, once, in order"
    );

    // One short area: one slide, titled by the area alone.
    let one = meeting(vec!["finance-s1".into()], vec![]);
    assert_eq!(slides(tool, &one)[1].title(), "Financial Management");
}
