//! Share links: the payload round-trips, and hand-made or damaged links are refused.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::arbitrary::{self, Rng};
use waypoint::domain::share::{
    base64url_decode, base64url_encode, link_fit, payload_json, read_payload, LinkFit,
};

/// Property: any assessment travels through a link with its details, answers and notes.
#[test]
fn any_assessment_survives_the_link() {
    for seed in 0..300 {
        let mut rng = Rng::new(seed);
        let original = arbitrary::assessment(&mut rng, "a1".into());
        let shared = read_payload(&payload_json(&original)).unwrap_or_else(|e| panic!("{e}"));
        let copy = shared.into_assessment(original.id.clone(), original.created_ms);
        assert_eq!(copy.school, original.school);
        assert_eq!(copy.scope, original.scope);
        assert_eq!(copy.answers, original.answers, "seed {seed}");
        assert_eq!(copy.phase, original.phase, "seed {seed}");
    }
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
    let good = payload_json(&support::blank());
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
