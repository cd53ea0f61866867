//! Fuzzing the decoders that read untrusted input (import files, share links, answer
//! files) with a fixed budget: mutated valid documents and random bytes must give a
//! value or an error, never a panic, and whatever is accepted must write back the same.

use crate::support::arbitrary::{self, Rng};
use waypoint::domain::checklist::SchoolRecords;
use waypoint::domain::records::exchange::{read_import, write_export};
use waypoint::domain::records::schema::{read_store, write_store};
use waypoint::domain::records::share::{base64url_decode, payload_json, read_payload, Shared};
use waypoint::domain::workshop::responses::read_responses;

/// Cases per decoder; enough to take about a second in a debug build.
const BUDGET: u64 = 1_500;

/// Damages text the way files and links get damaged: cut, flipped, spliced, repeated.
fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        if bytes.is_empty() {
            break;
        }
        let at = rng.below(bytes.len());
        match rng.below(6) {
            0 => bytes.truncate(at),
            1 => bytes[at] ^= 1 << rng.below(8),
            2 => bytes[at] = *rng.pick(b"{}[]\",:0-9eE\\u nulltruefalse"),
            3 => {
                let end = (at + rng.below(40)).min(bytes.len());
                let piece = bytes[at..end].to_vec();
                let to = rng.below(bytes.len());
                bytes.splice(to..to, piece);
            }
            4 => {
                let end = (at + rng.below(40)).min(bytes.len());
                bytes.drain(at..end);
            }
            _ => {
                let count = 1 + rng.below(8);
                let noise = rng.bytes(count);
                bytes.splice(at..at, noise);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn import_files_never_panic_and_what_is_read_is_stable() {
    let mut accepted = 0;
    for seed in 0..BUDGET {
        let mut rng = Rng::new(seed);
        let store = arbitrary::store(&mut rng);
        let text = mutate(&mut rng, &write_export(&store, "Everything", "2026-11-23"));
        if let Ok(read) = read_import(&text, "2026-12-01") {
            accepted += 1;
            assert_eq!(read_store(&write_store(&read)), Ok(read), "seed {seed}");
        }
    }
    assert!(
        accepted > 0,
        "some mutations should still be valid documents"
    );
}

#[test]
fn share_links_never_panic() {
    for seed in 0..BUDGET {
        let mut rng = Rng::new(seed);
        let assessment = arbitrary::assessment(&mut rng, "a1".into());
        let school = rng.name();
        let payload = mutate(&mut rng, &payload_json(&school, &assessment));
        if let Ok(shared) = read_payload(&payload) {
            let (store, preview) = shared.preview();
            let again = read_payload(&payload_json(
                store.school_name(&preview.school_id),
                &preview,
            ))
            .expect("re-encoded");
            // The preview's school record keeps the name trimmed, as every school record does.
            let expected = Shared {
                school: shared.school.trim().to_string(),
                ..shared
            };
            assert_eq!(again, expected, "seed {seed}");
        }
        let fragment: String = (0..rng.below(300))
            .map(|_| *rng.pick(b"AZaz09-_=+/%#!") as char)
            .collect();
        if let Some(bytes) = base64url_decode(&fragment) {
            let _ = read_payload(&String::from_utf8_lossy(&bytes));
        }
    }
}

#[test]
fn answer_files_never_panic() {
    for seed in 0..BUDGET {
        let mut rng = Rng::new(seed);
        let workshop = arbitrary::workshop(&mut rng, "w1".into());
        let members: Vec<_> = workshop.members.iter().collect();
        let trust = rng.name();
        let text =
            waypoint::domain::workshop::responses::write_responses(&workshop, &trust, &members);
        let _ = read_responses(&mutate(&mut rng, &text));
    }
}
