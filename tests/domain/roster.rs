//! Large workshops (issue 22): the list of who is answering, a page at a time and
//! searched, read from the workshop without copying anyone not shown.

use waypoint::domain::workshop::aas::{aas, Member, Position, When, Workshop};
use waypoint::domain::workshop::roster::{
    name_of, name_taken, roster_page, roster_page_of, PEOPLE_PER_ROSTER_PAGE,
};

fn workshop(people: usize) -> Workshop {
    let mut w = crate::support::workshop_w1();
    w.practices = aas()
        .practices()
        .take(2)
        .map(|p| p.statement.id.clone())
        .collect();
    for i in 0..people {
        let role = if i % 10 == 0 {
            "Headteacher"
        } else {
            "Board member"
        };
        w.members.push(Member::new(
            format!("r{i}"),
            &format!("Person {}", i + 1),
            role,
        ));
    }
    w
}

#[test]
fn ten_thousand_people_are_listed_a_page_at_a_time() {
    let w = workshop(10_000);
    let first = roster_page(aas(), &w, "", 0);
    assert_eq!(first.people.len(), PEOPLE_PER_ROSTER_PAGE);
    assert_eq!(first.people[0].name, "Person 1");
    assert!(first.is_long());
    assert_eq!(
        first.label(),
        format!("Members 1 to {PEOPLE_PER_ROSTER_PAGE} of 10,000")
    );
    let last = roster_page(aas(), &w, "", usize::MAX);
    assert_eq!(last.page, last.pages - 1);
    assert_eq!(last.people.last().unwrap().id, "r9999");
    assert_eq!(roster_page_of(&w, "r9999"), Some(last.page));
    assert_eq!(roster_page_of(&w, "nobody"), None);
}

#[test]
fn a_board_fits_on_one_page_with_no_search_or_pages() {
    let w = workshop(PEOPLE_PER_ROSTER_PAGE);
    let page = roster_page(aas(), &w, "", 0);
    assert_eq!(page.people.len(), PEOPLE_PER_ROSTER_PAGE);
    assert!(!page.is_long());
    assert_eq!(page.label(), "");
    let empty = roster_page(aas(), &workshop(0), "", 3);
    assert_eq!((empty.people.len(), empty.first, empty.pages), (0, 0, 1));
}

#[test]
fn a_person_is_found_among_many_by_part_of_a_name_or_role_in_any_case() {
    let mut w = workshop(10_000);
    w.members[7_345].name = "Zoë Ångström".into();
    let one = roster_page(aas(), &w, "  person 7345 ", 0);
    assert_eq!(one.found, 1);
    assert_eq!(one.people[0].id, "r7344");
    assert_eq!(one.label(), "1 member found for “person 7345”.");
    let accented = roster_page(aas(), &w, "ÅNGSTRÖM", 0);
    assert_eq!(accented.people[0].id, "r7345");
    // A search that finds many is paged too.
    let heads = roster_page(aas(), &w, "headteacher", 1);
    assert_eq!(heads.found, 1_000);
    assert_eq!(heads.people.len(), PEOPLE_PER_ROSTER_PAGE);
    assert_eq!(
        heads.people[0].id,
        format!("r{}", PEOPLE_PER_ROSTER_PAGE * 10)
    );
    assert_eq!(
        heads.label(),
        format!(
            "Members {} to {} of 1,000 found for “headteacher”.",
            PEOPLE_PER_ROSTER_PAGE + 1,
            2 * PEOPLE_PER_ROSTER_PAGE
        )
    );
    let few = roster_page(aas(), &w, "Person 999", 0);
    assert_eq!(few.found, 11, "999 and 9990–9999");
    assert_eq!(few.label(), "11 members found for “Person 999”.");
    let none = roster_page(aas(), &w, "nobody", 0);
    assert_eq!((none.found, none.people.len()), (0, 0));
    assert_eq!(none.label(), "No one found for “nobody”.");
}

#[test]
fn each_entry_counts_the_practices_placed_of_the_meeting() {
    let mut w = workshop(30);
    let practice = w.practices[0].clone();
    w.members[13].set(&practice, When::Now, Some(Position::Aligned));
    w.members[13].set(&practice, When::Desired, Some(Position::Standardised));
    w.members[14].set(&practice, When::Now, Some(Position::Aligned));
    let page = roster_page(aas(), &w, "", 1);
    assert_eq!(page.asked, 2);
    let placed: Vec<usize> = page.people.iter().map(|e| e.placed).collect();
    assert_eq!(&placed[..3], &[0, 1, 0], "only both now and wanted count");
}

#[test]
fn names_are_told_apart_ignoring_case_and_spaces() {
    let w = workshop(3);
    assert!(name_taken(&w, "  person 2 "));
    assert!(!name_taken(&w, "Person 4"));
    assert_eq!(name_of(&w, "r2"), Some("Person 3"));
    assert_eq!(name_of(&w, "r9"), None);
}

#[test]
fn reading_ten_thousand_people_back_finds_each_where_it_was() {
    use std::time::Instant;
    use waypoint::domain::records::layout::{read_record_keeping, Key};
    let mut w = workshop(10_000);
    for r in &mut w.members {
        r.set("governance-s1", When::Now, Some(Position::Aligned));
    }
    let mut value = serde_json::to_value(&w).unwrap();
    // A field a newer version added to one person, to be kept.
    value["respondents"][9_999]["pronouns"] = "they".into();
    let text = serde_json::to_string(&value).unwrap();
    let started = Instant::now();
    let (_, unknown) = read_record_keeping(&Key::Workshop("w1".into()), &text).unwrap();
    let took = started.elapsed();
    assert!(
        serde_json::to_string(&unknown).unwrap().contains("they"),
        "{unknown:?}"
    );
    // Each person is looked for first where they were, not among all 10,000 (which took
    // 50 million comparisons: 21 s in a debug build here, against under 1 s).
    assert!(took.as_millis() < 10_000, "took {took:?}");
    eprintln!("read 10,000 people in {took:?}");
}

#[test]
fn who_answered_how_much_names_people_a_page_at_a_time() {
    use waypoint::domain::workshop::tally::{participation, NAMED_PER_PAGE};
    let counted = participation(aas(), &workshop(10_000));
    assert_eq!(counted.named.len(), 10_000);
    let (first, bounds) = counted.named_page(0);
    assert_eq!(first.len(), NAMED_PER_PAGE);
    assert_eq!(first[0].name, "Person 1");
    assert_eq!(bounds.pages, 10_000 / NAMED_PER_PAGE);
    let (last, _) = counted.named_page(usize::MAX);
    assert_eq!(last.last().unwrap().name, "Person 10000");
}

/// A workshop of `people` where each places the two practices in a pattern that spreads
/// answers over all five positions, and one in seven leaves "wanted" empty.
fn answered(people: usize) -> Workshop {
    let mut w = workshop(people);
    let chosen = w.practices.clone();
    for (n, m) in w.members.iter_mut().enumerate() {
        for (i, p) in chosen.iter().enumerate() {
            m.set(p, When::Now, Some(Position::ALL[(n + i) % 5]));
            if n % 7 != 0 {
                m.set(p, When::Desired, Some(Position::ALL[(n * 3 + i) % 5]));
            }
        }
    }
    w
}

#[test]
fn results_list_only_the_members_who_placed_a_practice_by_their_place() {
    use waypoint::domain::workshop::aas::workshop_results;
    let mut w = answered(5);
    w.members
        .push(Member::new("late".into(), "Late arrival", "Board member"));
    let results = workshop_results(aas(), &w);
    let first = &results.practices[0];
    assert_eq!(first.practice_id, w.practices[0]);
    // Five placed it; the late arrival did not, and is not listed.
    assert_eq!(first.views.len(), 5);
    assert_eq!(first.people(), 5);
    for (i, view) in first.views.iter().enumerate() {
        assert_eq!(view.member, i);
        assert_eq!(view.now, w.members[i].placing(&w.practices[0]).unwrap().now);
    }
    // A practice nobody was asked has nobody.
    assert!(results.practices[10].views.is_empty());
}

#[test]
fn each_roles_view_is_the_boards_results_for_that_role_alone() {
    use waypoint::domain::workshop::aas::workshop_results;
    use waypoint::domain::workshop::tally::by_role;
    let mut w = answered(40);
    // Two of a third role: too few to show.
    for n in 0..2 {
        let mut m = Member::new(format!("c{n}"), &format!("Clerk {n}"), " clerk ");
        m.set(&w.practices[0].clone(), When::Now, Some(Position::Aligned));
        w.members.push(m);
    }
    let views = by_role(aas(), &w);
    assert_eq!(views.len(), 3);
    for view in &views {
        let mut alone = w.clone();
        alone
            .members
            .retain(|m| m.role.trim().eq_ignore_ascii_case(&view.role));
        assert_eq!(view.people, alone.members.len());
        if view.people < 3 {
            assert_eq!(view.areas, None, "{}", view.role);
            continue;
        }
        let expected: Vec<_> = workshop_results(aas(), &alone)
            .areas
            .into_iter()
            .map(|a| (a.name, a.mean_now, a.mean_desired))
            .collect();
        let got = view.areas.clone().unwrap();
        assert_eq!(got.len(), expected.len());
        for (g, e) in got.iter().zip(&expected) {
            assert_eq!(g.0, e.0);
            for (x, y) in [(g.1, e.1), (g.2, e.2)] {
                match (x, y) {
                    (Some(x), Some(y)) => assert!((x - y).abs() < 1e-9, "{}: {x} vs {y}", g.0),
                    _ => assert_eq!(x, y, "{}", g.0),
                }
            }
        }
    }
}

#[test]
fn the_results_of_ten_thousand_members_count_everyone() {
    use std::time::Instant;
    use waypoint::domain::workshop::aas::workshop_results;
    use waypoint::domain::workshop::tally::by_role;
    let w = answered(10_000);
    let started = Instant::now();
    let results = workshop_results(aas(), &w);
    let roles = by_role(aas(), &w);
    let took = started.elapsed();
    assert_eq!(results.practices[0].views.len(), 10_000);
    assert_eq!(roles.len(), 2);
    // Speed is the benchmark's to measure (docs/figures.md); this prints it.
    eprintln!("results of 10,000 members in {took:?}");
}
