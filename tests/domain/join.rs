//! Workshops answered on members' own devices: join links and response links (their
//! limits and what they refuse), merging a response into the facilitator's workshop, the
//! live tally, anonymity below three people, and comparing a trust's workshops.
use waypoint::domain::base::school::Trust;
use waypoint::domain::base::text::{MAX_NAME_CHARS, MAX_NOTE_CHARS};
use waypoint::domain::records::edits::Edit;
use waypoint::domain::records::edits::{SchoolEdit, WorkshopEdit};
use waypoint::domain::records::schema::ReadError;
use waypoint::domain::records::share::MAX_LINK_LENGTH;
use waypoint::domain::records::store::Store;
use waypoint::domain::workshop::aas::{aas, workshop_results, Member, Position, When, Workshop};
use waypoint::domain::workshop::comparison::{comparable, compare};
use waypoint::domain::workshop::join::{
    check_belongs, chosen_practices, fingerprint, handover, invite_json, links_in, read_invite,
    read_response, response_json, Handover, ANONYMOUS, MAX_CODE_LINK, MAX_INVITE_BYTES,
    MAX_RESPONSE_BYTES,
};
use waypoint::domain::workshop::responses::{
    classify, read_responses, write_responses, Incoming, Resolution,
};
use waypoint::domain::workshop::tally::{
    by_role, counts, disagreement_words, may_show, tally, MIN_GROUP,
};

fn workshop() -> Workshop {
    Workshop::new(
        "w1".into(),
        "t1",
        "Elm Academy",
        Some(crate::support::day("2026-11-23")),
        1.0,
    )
}

fn store() -> Store {
    let mut store = Store::default();
    store
        .apply(
            &Edit::Schools(SchoolEdit::AddTrust(Trust::new(
                "t1".into(),
                "Oak Learning Trust",
                1.0,
            ))),
            1.0,
        )
        .unwrap();
    store
        .apply(&Edit::Workshop(WorkshopEdit::AddWorkshop(workshop())), 1.0)
        .unwrap();
    store
}

fn member(id: &str, name: &str, role: &str, now: Position, desired: Position) -> Member {
    let mut r = Member::new(id.into(), name, role);
    for id in ["governance-s1", "finance-s1"] {
        r.set(id, When::Now, Some(now));
        r.set(id, When::Desired, Some(desired));
    }
    r
}

fn merge(store: &mut Store, incoming: Member, clash: Option<(String, Resolution)>, fresh: &str) {
    store
        .apply(
            &Edit::Workshop(WorkshopEdit::MergeMember {
                workshop: "w1".into(),
                member: incoming,
                clash_with: clash,
                fresh_id: fresh.into(),
            }),
            2.0,
        )
        .unwrap();
}

fn invalid(result: Result<impl std::fmt::Debug, ReadError>) -> String {
    match result {
        Err(ReadError::Invalid(why)) => why,
        other => panic!("expected a damaged payload, got {other:?}"),
    }
}

#[test]
fn a_join_link_carries_the_workshop_and_the_practices_chosen() {
    let mut w = workshop();
    let all = invite_json(aas(), &w, "Oak Learning Trust");
    let invite = read_invite(aas(), &all).unwrap();
    assert_eq!(
        (invite.workshop_id.as_str(), invite.trust_id.as_str()),
        ("w1", "t1")
    );
    assert_eq!(invite.trust_name, "Oak Learning Trust");
    assert_eq!(
        (invite.academy.as_str(), invite.date.iso().as_str()),
        ("Elm Academy", "2026-11-23")
    );
    assert!(invite.practices.is_empty(), "all practices");
    assert!(!all.contains("\"c\""), "no list when all are chosen");

    w.practices = vec!["governance-s1".into(), "finance-s1".into()];
    let some = invite_json(aas(), &w, "Oak Learning Trust");
    let invite = read_invite(aas(), &some).unwrap();
    assert_eq!(invite.practices, w.practices);
    let copy = invite.into_copy("local1".into(), "t1", 5.0);
    assert_eq!(copy.joined_from.as_deref(), Some("w1"));
    let asked: Vec<&str> = chosen_practices(aas(), &copy)
        .iter()
        .map(|p| p.statement.id.as_str())
        .collect();
    assert_eq!(asked, ["governance-s1", "finance-s1"]);
    // Short enough for a QR code a phone can read off a projector.
    assert!(some.len() < 400, "{} characters", some.len());
}

#[test]
fn join_and_response_payloads_refuse_what_they_cannot_use_by_name() {
    let w = workshop();
    let good = invite_json(aas(), &w, "Oak");
    assert!(matches!(
        read_invite(aas(), "{\"f\":\"waypoint-join\""),
        Err(ReadError::NotJson(_))
    ));
    assert!(matches!(
        read_invite(aas(), &good.replace("waypoint-join", "something-else")),
        Err(ReadError::NotWaypoint)
    ));
    assert!(matches!(
        read_invite(aas(), &good.replace("\"v\":1", "\"v\":7")),
        Err(ReadError::NewerVersion { found: 7 })
    ));
    let why = invalid(read_invite(
        aas(),
        &good.replace(&fingerprint(aas()), "00000000"),
    ));
    assert!(why.contains("different version of Waypoint"), "{why}");
    let why = invalid(read_invite(
        aas(),
        &good.replace("2026-11-23", "23/11/2026"),
    ));
    assert!(why.contains("date"), "{why}");
    let why = invalid(read_invite(
        aas(),
        &good.replace("\"w\":\"w1\"", "\"w\":\"w 1/\""),
    ));
    assert!(why.contains("id"), "{why}");
    let padded = good.replace(
        "\"n\":\"Oak\"",
        &format!("\"n\":\"{}\"", "x".repeat(MAX_INVITE_BYTES)),
    );
    assert_eq!(
        invalid(read_invite(aas(), &padded)),
        "the link holds too much data"
    );
    let mask = "1".repeat(aas().practices().count() - 1);
    let short = good.replace("\"d\":", &format!("\"c\":\"{mask}\",\"d\":"));
    assert!(invalid(read_invite(aas(), &short)).contains("chosen practices"));

    let r = member(
        "r1",
        "Ann Evans",
        "Board member",
        Position::Aligned,
        Position::Standardised,
    );
    let json = response_json(aas(), "w1", &r);
    assert!(matches!(
        read_response(aas(), &json.replace("\"v\":1", "\"v\":2")),
        Err(ReadError::NewerVersion { found: 2 })
    ));
    assert!(
        matches!(read_response(aas(), &good), Err(ReadError::NotWaypoint)),
        "a join link is not answers"
    );
    let why = invalid(read_response(
        aas(),
        &json.replace("\"a\":\"", "\"a\":\"--"),
    ));
    assert!(why.contains("expected two for each of the"), "{why}");
    let why = invalid(read_response(
        aas(),
        &json.replace("\"a\":\"", "\"a\":\"9-").replace("--\"", "\""),
    ));
    assert!(why.contains("expected 0–4 or -"), "{why}");
    let noted = json.replace("\"a\":", "\"m\":{\"no-such-practice\":\"hello\"},\"a\":");
    assert!(invalid(read_response(aas(), &noted)).contains("does not have"));
    let huge = json.replace(
        "\"a\":",
        &format!(
            "\"m\":{{\"governance-s1\":\"{}\"}},\"a\":",
            "x".repeat(MAX_RESPONSE_BYTES)
        ),
    );
    assert_eq!(
        invalid(read_response(aas(), &huge)),
        "the link holds too much data"
    );
}

#[test]
fn a_response_keeps_names_and_notes_within_their_limits() {
    let mut r = member(
        "r1",
        &"N".repeat(MAX_NAME_CHARS + 50),
        "Board member",
        Position::Aligned,
        Position::Aligned,
    );
    r.set_note("finance-s1", &"n".repeat(MAX_NOTE_CHARS + 10));
    let back = read_response(aas(), &response_json(aas(), "w1", &r)).unwrap();
    assert_eq!(back.member.name.chars().count(), MAX_NAME_CHARS);
    assert_eq!(
        back.member
            .placing("finance-s1")
            .unwrap()
            .note
            .chars()
            .count(),
        MAX_NOTE_CHARS
    );
    assert_eq!(
        back.member.placing("finance-s1").unwrap().now,
        Some(Position::Aligned)
    );
    assert!(
        back.member.placing("employer-s1").is_none(),
        "unanswered stays unanswered"
    );
}

#[test]
fn links_are_offered_as_codes_only_while_a_camera_can_read_them() {
    assert_eq!(handover(300), Handover::LinkAndCode);
    assert_eq!(handover(MAX_CODE_LINK), Handover::LinkAndCode);
    assert_eq!(handover(MAX_CODE_LINK + 1), Handover::LinkOnly);
    assert_eq!(handover(MAX_LINK_LENGTH + 1), Handover::FileOnly);
    // Every practice answered with no notes still makes a code.
    let mut r = Member::new("a1b2c3d4e5".into(), "Ann Evans", "Board member");
    for (i, p) in aas().practices().enumerate() {
        r.set(&p.statement.id, When::Now, Some(Position::ALL[i % 5]));
        r.set(
            &p.statement.id,
            When::Desired,
            Some(Position::ALL[(i * 3) % 5]),
        );
    }
    let json = response_json(aas(), "w1", &r);
    // Base64 of the compressed payload is never longer than 4/3 of the text itself.
    assert!(
        json.len() * 4 / 3 + 60 < MAX_CODE_LINK,
        "{} characters",
        json.len()
    );
}

#[test]
fn an_anonymous_response_carries_no_name_and_no_device_identifier() {
    let mut r = Member::new("k3j9x0q2m7".into(), ANONYMOUS, "Headteacher");
    r.anonymous = true;
    r.set("governance-s1", When::Now, Some(Position::Autonomous));
    let json = response_json(aas(), "w1", &r);
    assert!(
        !json.contains(ANONYMOUS) && !json.contains("\"n\""),
        "{json}"
    );
    // The only id is the member's own, random, made when they joined.
    assert_eq!(json.matches("k3j9x0q2m7").count(), 1);
    let back = read_response(aas(), &json).unwrap();
    assert!(back.member.anonymous);
    assert_eq!(back.member.name, ANONYMOUS);

    // The answers file of an anonymous member's copy carries no name either.
    let mut copy = workshop();
    copy.joined_from = Some("w-facilitator".into());
    copy.members.push(r.clone());
    let file = write_responses(&copy, "Oak Learning Trust", &[&r]);
    let read = read_responses(&file).unwrap();
    assert_eq!(read.workshop.as_deref(), Some("w-facilitator"));
    assert!(read.members[0].anonymous);
    assert_eq!(read.members[0].name, ANONYMOUS);
    // A hand-made file cannot slip a name in under "anonymous".
    let named = file.replace("\"name\":\"Anonymous\"", "\"name\":\"Ann Evans\"");
    assert_eq!(read_responses(&named).unwrap().members[0].name, ANONYMOUS);
}

#[test]
fn a_response_merges_into_its_workshop_with_the_usual_rules() {
    let mut s = store();
    let ann = member(
        "r-ann",
        "Ann Evans",
        "Board member",
        Position::Aligned,
        Position::Standardised,
    );
    let link = read_response(aas(), &response_json(aas(), "w1", &ann)).unwrap();
    let w = s.workshop("w1").unwrap().clone();
    check_belongs(&w.id, Some(&link.workshop_id)).unwrap();
    assert_eq!(classify(&w, &link.member), Incoming::New);
    merge(&mut s, link.member.clone(), None, "fresh1");
    assert_eq!(s.workshop("w1").unwrap().members, vec![ann.clone()]);

    // The same link again: identical, so skipped and nothing changes.
    let before = s.clone();
    assert_eq!(
        classify(s.workshop("w1").unwrap(), &link.member),
        Incoming::Duplicate
    );
    merge(&mut s, link.member.clone(), None, "fresh2");
    assert_eq!(s, before);

    // Changed answers from the same person: put to the user, never decided silently.
    let changed = member(
        "r-ann",
        "Ann Evans",
        "Board member",
        Position::Autonomous,
        Position::Aligned,
    );
    let again = read_response(aas(), &response_json(aas(), "w1", &changed)).unwrap();
    assert_eq!(
        classify(s.workshop("w1").unwrap(), &again.member),
        Incoming::Clash {
            existing_id: "r-ann".into()
        }
    );
    merge(
        &mut s,
        again.member,
        Some(("r-ann".into(), Resolution::Replace)),
        "fresh3",
    );
    let people = &s.workshop("w1").unwrap().members;
    assert_eq!(people.len(), 1);
    assert_eq!(
        people[0].placing("finance-s1").unwrap().now,
        Some(Position::Autonomous)
    );

    // Answers to another workshop are refused.
    let foreign = read_response(aas(), &response_json(aas(), "w-other", &ann)).unwrap();
    let why = check_belongs("w1", Some(&foreign.workshop_id)).unwrap_err();
    assert_eq!(
        why,
        "the answers are for a different workshop, not this one"
    );
    // A file from before members' copies says no workshop: the facilitator chose it.
    assert!(check_belongs("w1", None).is_ok());
}

#[test]
fn anonymous_responses_are_numbered_and_never_taken_for_each_other() {
    let mut s = store();
    let anonymous = |id: &str, now: Position| {
        let mut r = member(id, "ignored", "Headteacher", now, Position::Standardised);
        r.anonymous = true;
        read_response(aas(), &response_json(aas(), "w1", &r))
            .unwrap()
            .member
    };
    let first = anonymous("x1", Position::Aligned);
    let second = anonymous("x2", Position::Autonomous);
    assert_eq!(classify(s.workshop("w1").unwrap(), &first), Incoming::New);
    merge(&mut s, first.clone(), None, "f1");
    assert_eq!(
        classify(s.workshop("w1").unwrap(), &second),
        Incoming::New,
        "same name, different people"
    );
    merge(&mut s, second, None, "f2");
    let names: Vec<&str> = s
        .workshop("w1")
        .unwrap()
        .members
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(names, ["Anonymous 1", "Anonymous 2"]);

    // The first sends the same answers again: skipped, though the workshop numbered them.
    let before = s.clone();
    assert_eq!(
        classify(s.workshop("w1").unwrap(), &first),
        Incoming::Duplicate
    );
    merge(&mut s, first, None, "f3");
    assert_eq!(s, before);
    // …and then changed answers: a clash with their own earlier answers, by id.
    let changed = anonymous("x1", Position::Standardised);
    assert_eq!(
        classify(s.workshop("w1").unwrap(), &changed),
        Incoming::Clash {
            existing_id: "x1".into()
        }
    );
    merge(
        &mut s,
        changed,
        Some(("x1".into(), Resolution::Replace)),
        "f4",
    );
    let people = &s.workshop("w1").unwrap().members;
    assert_eq!(people[0].name, "Anonymous 1", "keeps its number");
    assert_eq!(
        people[0].placing("governance-s1").unwrap().now,
        Some(Position::Standardised)
    );
    assert_eq!(people.len(), 2);
}

#[test]
fn pasted_text_gives_every_response_link_once() {
    let text = "Ann: https://x.test/app/#/answers/AbC-1_z thanks!\n\
        http://127.0.0.1:8080/#/answers/QQQ\n#/answers/AbC-1_z (again) #/join/JJJ #/answers/";
    assert_eq!(links_in(text, "answers"), ["AbC-1_z", "QQQ"]);
    assert_eq!(links_in(text, "join"), ["JJJ"]);
    assert!(links_in("no links here", "answers").is_empty());
}

#[test]
fn choosing_practices_keeps_the_tool_s_order_and_refuses_unknown_ones() {
    let mut s = store();
    let choose = |practices: &[&str]| {
        Edit::Workshop(WorkshopEdit::ChoosePractices {
            workshop: "w1".into(),
            practices: practices.iter().map(|p| p.to_string()).collect(),
        })
    };
    s.apply(&choose(&["finance-s1", "governance-s2", "finance-s1"]), 3.0)
        .unwrap();
    assert_eq!(
        s.workshop("w1").unwrap().practices,
        ["governance-s2", "finance-s1"]
    );
    let again = s
        .apply(&choose(&["governance-s2", "finance-s1"]), 4.0)
        .unwrap();
    assert!(
        again.changed.is_empty(),
        "the same choice again saves nothing"
    );
    let before = s.clone();
    assert!(s
        .apply(&choose(&["governance-s2", "made-up"]), 5.0)
        .is_err());
    assert_eq!(s, before);
    let all: Vec<String> = aas().practices().map(|p| p.statement.id.clone()).collect();
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    s.apply(&choose(&all), 6.0).unwrap();
    assert!(
        s.workshop("w1").unwrap().practices.is_empty(),
        "every practice is kept as all"
    );
}

#[test]
fn the_tally_counts_answers_per_practice_and_per_role() {
    let mut w = workshop();
    w.practices = vec!["governance-s1".into(), "finance-s1".into()];
    let empty = tally(aas(), &w);
    assert_eq!((empty.people, empty.complete), (0, 0));
    assert_eq!(empty.practices.len(), 2);
    w.members.push(member(
        "a",
        "Ann",
        "Board member",
        Position::Aligned,
        Position::Standardised,
    ));
    let mut bo = Member::new("b".into(), "Bo", "board member ");
    bo.set("governance-s1", When::Now, Some(Position::Autonomous));
    bo.set("governance-s1", When::Desired, Some(Position::Aligned));
    w.members.push(bo);
    w.members.push(Member::new("c".into(), "Cy", ""));
    let t = tally(aas(), &w);
    assert_eq!((t.people, t.complete), (3, 1));
    let answered: Vec<(&str, usize)> = t
        .practices
        .iter()
        .map(|p| (p.practice_id.as_str(), p.answered))
        .collect();
    assert_eq!(answered, [("governance-s1", 2), ("finance-s1", 1)]);
    let roles: Vec<(&str, usize, usize)> = t
        .roles
        .iter()
        .map(|r| (r.role.as_str(), r.people, r.complete))
        .collect();
    assert_eq!(roles, [("Board member", 2, 1), ("Role not given", 1, 0)]);
    // The tally names nobody.
    assert!(!format!("{t:?}").contains("Ann"));
}

#[test]
fn breakdowns_of_fewer_than_three_people_are_hidden() {
    assert_eq!(MIN_GROUP, 3);
    assert!(!may_show(1) && !may_show(2) && may_show(3));
    let mut w = workshop();
    for (id, role, now) in [
        ("a", "Board member", Position::Aligned),
        ("b", "Board member", Position::Standardised),
        ("c", "Board member", Position::Aligned),
        ("d", "Headteacher", Position::Autonomous),
        ("e", "Headteacher", Position::Autonomous),
    ] {
        w.members
            .push(member(id, id, role, now, Position::Standardised));
    }
    let views = by_role(aas(), &w);
    let board = views.iter().find(|v| v.role == "Board member").unwrap();
    let heads = views.iter().find(|v| v.role == "Headteacher").unwrap();
    assert_eq!(heads.people, 2);
    assert!(
        heads.areas.is_none(),
        "two headteachers could tell each other's answers"
    );
    let areas = board.areas.as_ref().expect("three board members are shown");
    let finance = areas
        .iter()
        .find(|a| a.0 == "Financial Management")
        .unwrap();
    assert!((finance.1.unwrap() - 8.0 / 3.0).abs() < 1e-9, "{finance:?}");
}

#[test]
fn positions_are_summarised_as_counts_with_disagreement_in_words() {
    let mut w = workshop();
    for (id, now) in [
        ("a", Position::Autonomous),
        ("b", Position::Aligned),
        ("c", Position::Aligned),
    ] {
        w.members
            .push(member(id, id, "", now, Position::Standardised));
    }
    let results = waypoint::domain::workshop::aas::workshop_results(aas(), &w);
    let practice = results
        .practices
        .iter()
        .find(|p| p.practice_id == "finance-s1")
        .unwrap();
    let c = counts(&practice.views);
    assert_eq!(c.now, [1, 0, 2, 0, 0]);
    assert_eq!(c.desired, [0, 0, 0, 0, 3]);
    assert_eq!(
        disagreement_words(f64::from(practice.disagreement())),
        "split"
    );
    assert_eq!(disagreement_words(0.0), "everyone agrees");
    assert_eq!(disagreement_words(1.2), "close");
    assert_eq!(disagreement_words(3.6), "far apart");
}

#[test]
fn a_trust_s_workshops_are_compared_by_the_trust_record_not_its_name() {
    let mut s = store();
    s.apply(
        &Edit::Schools(SchoolEdit::AddTrust(Trust::new(
            "t2".into(),
            "Oak Learning Trust",
            1.0,
        ))),
        1.0,
    )
    .unwrap();
    let mut last_year = Workshop::new(
        "w0".into(),
        "t1",
        "",
        Some(crate::support::day("2025-11-20")),
        1.0,
    );
    last_year.members.push(member(
        "a",
        "Ann",
        "",
        Position::Autonomous,
        Position::Aligned,
    ));
    let same_name_other_trust = Workshop::new(
        "wx".into(),
        "t2",
        "",
        Some(crate::support::day("2025-06-01")),
        1.0,
    );
    let mut members_copy = Workshop::new(
        "wc".into(),
        "t1",
        "",
        Some(crate::support::day("2026-11-23")),
        1.0,
    );
    members_copy.joined_from = Some("w1".into());
    for w in [last_year, same_name_other_trust, members_copy] {
        s.apply(&Edit::Workshop(WorkshopEdit::AddWorkshop(w)), 1.0)
            .unwrap();
    }
    s.apply(
        &Edit::Workshop(WorkshopEdit::MergeMember {
            workshop: "w1".into(),
            member: member("b", "Bo", "", Position::Aligned, Position::Standardised),
            clash_with: None,
            fresh_id: "f".into(),
        }),
        2.0,
    )
    .unwrap();
    let current = s.workshop("w1").unwrap();
    let others: Vec<&str> = comparable(&s, current)
        .iter()
        .map(|w| w.id.as_str())
        .collect();
    assert_eq!(others, ["w0"]);
    let changes = compare(
        aas(),
        &workshop_results(aas(), current),
        s.workshop("w0").unwrap(),
    );
    let ids: Vec<&str> = changes.iter().map(|c| c.practice_id.as_str()).collect();
    assert_eq!(ids, ["governance-s1", "finance-s1"]);
    let finance = &changes[1];
    assert_eq!(finance.area, "Financial Management");
    assert_eq!((finance.earlier_now, finance.now), (Some(0.0), Some(2.0)));
    assert_eq!(
        (finance.earlier_desired, finance.desired),
        (Some(2.0), Some(4.0))
    );
    assert_eq!(finance.moved(), Some(2.0));
}

/// Joining on a member's device finds the trust by the invite's id, else by name, else
/// adds it (under a spare id when the invite's is taken here), then the member's copy.
#[test]
fn joining_finds_the_trust_by_id_then_name_or_adds_it() {
    use waypoint::domain::records::edits::{join_edits, JoinIds};
    let invite = || {
        read_invite(
            aas(),
            &invite_json(aas(), &workshop(), "Northern Lights Trust"),
        )
        .unwrap()
    };
    let ids = || JoinIds {
        copy: "copy1".into(),
        spare_trust: "spare1".into(),
    };
    let me = || Member::new("r-me".into(), "Ann Evans", "Board member");
    let joined = |store: &Store| {
        let mut store = store.clone();
        let (id, edits) = join_edits(&store, invite(), me(), ids(), 5.0);
        assert_eq!(id, "copy1");
        // Applied by the member's app's rules, as on a member's phone.
        store.apply_workshop_edit(&Edit::Batch(edits), 5.0).unwrap();
        let copy = store.workshop("copy1").unwrap().clone();
        assert_eq!(copy.members.len(), 1);
        assert_eq!(
            copy.joined_from.as_deref(),
            Some(invite().workshop_id.as_str())
        );
        (store, copy)
    };
    // A browser that has never seen the trust: added under the invite's id.
    let (fresh, copy) = joined(&Store::default());
    assert_eq!(copy.trust_id, invite().trust_id);
    assert_eq!(fresh.trusts.len(), 1);
    // The trust kept here under another id but the same name: that one, nothing added.
    let mut named = Store::default();
    named
        .trusts
        .push(Trust::new("t-here".into(), "northern lights TRUST", 1.0));
    let (after, copy) = joined(&named);
    assert_eq!(copy.trust_id, "t-here");
    assert_eq!(after.trusts.len(), 1);
    // The invite's id taken here by something else: the trust is added under a spare id.
    let mut taken = Store::default();
    taken
        .schools
        .push(waypoint::domain::base::school::School::new(
            invite().trust_id,
            "Elm Park",
            1.0,
        ));
    let (after, copy) = joined(&taken);
    assert_eq!(copy.trust_id, "spare1");
    assert_eq!(after.trusts.len(), 1);
}
