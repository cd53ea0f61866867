//! Share links: the payload round-trips, and hand-made or damaged links are refused.
use crate::support;

use crate::support::arbitrary::{self, Rng};
use waypoint::domain::records::edits::ChecklistEdit;
use waypoint::domain::records::edits::Edit;
use waypoint::domain::records::share::{
    base64url_decode, base64url_encode, link_fit, payload_json, read_payload, LinkFit,
};

/// Property: any assessment travels through a link with its details, answers and notes.
#[test]
fn any_assessment_survives_the_link() {
    arbitrary::for_any(300, |rng| {
        let original = arbitrary::assessment(rng, "a1".into());
        let school = rng.name();
        let shared =
            read_payload(&payload_json(&school, &original)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(shared.school, school);
        let copy = shared.into_assessment(original.id.clone(), "s9".into(), original.created_ms);
        assert_eq!(copy.school_id, "s9");
        assert_eq!(copy.scope, original.scope);
        assert_eq!(copy.answers, original.answers);
        assert_eq!(copy.phase, original.phase);
        assert_eq!(copy.sources, original.sources);
    });
}

/// A diagnosis source the app does not know, or one for a feature it does not have, is
/// refused rather than saved.
#[test]
fn a_link_with_an_unknown_diagnosis_source_is_refused() {
    let mut original = support::blank();
    original
        .sources
        .insert("stabilise-1".into(), "half_termly_data".into());
    let json = payload_json("Oakfield Primary", &original);
    assert!(
        json.contains(r#""o":{"stabilise-1":"half_termly_data"}"#),
        "{json}"
    );
    assert!(read_payload(&json).is_ok());
    for bad in [
        json.replace("half_termly_data", "gossip"),
        json.replace(r#""o":{"stabilise-1""#, r#""o":{"stabilise-99""#),
    ] {
        assert!(read_payload(&bad).is_err(), "{bad}");
    }
}

/// The read-only view of a link names the link's school, and saving a copy gives an
/// assessment of the school the caller chose, with no school name of its own.
#[test]
fn a_link_previews_with_its_school_and_saves_to_a_school_here() {
    let mut original = support::blank();
    original.set_note("stabilise-1", "Seen in the hall", 5.0);
    let shared = read_payload(&payload_json("St Aidan's CE Primary", &original)).unwrap();
    let (store, preview) = shared.preview();
    assert_eq!(store.schools.len(), 1);
    assert_eq!(store.title(&preview), "St Aidan's CE Primary");
    assert_eq!(store.get(&preview.id), Some(&preview));
    assert_eq!(preview.answers, original.answers);
    let saved = shared.into_assessment("a7".into(), support::SCHOOL_ID.into(), 42.0);
    assert_eq!((saved.id.as_str(), saved.school_id.as_str()), ("a7", "s1"));
    assert_eq!(saved.legacy_school, None);
    assert_eq!((saved.created_ms, saved.updated_ms), (42.0, 42.0));
    let mut here = support::school_store();
    here.apply(&Edit::Checklist(ChecklistEdit::AddAssessment(saved)), 50.0)
        .unwrap();
    assert_eq!(here.title(&here.assessments[0]), "Oakfield Primary");
}

#[test]
fn base64url_round_trips_any_bytes() {
    let mut rng = Rng::new(5);
    for length in 0..200 {
        let bytes = rng.bytes(length);
        let text = base64url_encode(&bytes);
        assert!(text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(base64url_decode(&text), Some(bytes));
    }
    assert_eq!(base64url_decode("abc!"), None);
    assert_eq!(base64url_decode("a"), None);
}

#[test]
fn damaged_links_say_what_is_wrong() {
    let good = payload_json("Oakfield Primary", &support::blank());
    let cases = [
        (
            good.replace("\"waypoint-share\"", "\"other\""),
            "not in Waypoint's format",
        ),
        (good.replace("\"v\":1", "\"v\":7"), "newer version"),
        (good.replace("2026-11-23", "yesterday"), "date"),
        (
            good.replace("\"l\":\"", "\"l\":\"c"),
            "expected one for each",
        ),
        (
            good.replace("\"l\":\"-", "\"l\":\"z"),
            "expected one of c, p, n, x or -",
        ),
        (good[..good.len() - 2].to_string(), "not valid JSON"),
    ];
    for (text, expected) in cases {
        let message = read_payload(&text).expect_err(&text).to_string();
        assert!(message.contains(expected), "{text} → {message}");
    }
}

#[test]
fn long_links_are_flagged_for_mail() {
    assert_eq!(link_fit(400), LinkFit::Fine);
    assert_eq!(link_fit(5_000), LinkFit::LongForMail);
    assert_eq!(link_fit(100_000), LinkFit::TooLong);
}
