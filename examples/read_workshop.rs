//! Where reading a large workshop's record goes (issue 22), phase by phase, natively:
//! `cargo run --release --example read_workshop [PEOPLE]`. The same work runs in the
//! browser after a reload (about 2–3 times slower as WebAssembly); see docs/figures.md.

use std::time::Instant;

use serde::Deserialize;
use serde_json::Value;
use waypoint::domain::records::layout::{read_record_keeping, unknown_parts, write_record, Key};
use waypoint::domain::records::store::Store;
use waypoint::domain::workshop::aas::{aas, workshop_results, Member, Position, When, Workshop};
use waypoint::domain::workshop::tally::{by_role, participation, tally};

fn main() {
    let people: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    // As the benchmark stores it: four practices chosen, each placed now and wanted.
    let chosen: Vec<String> = aas()
        .practices()
        .take(4)
        .map(|p| p.statement.id.clone())
        .collect();
    let mut w = Workshop::new(
        "w1".into(),
        "t1",
        "",
        waypoint::domain::base::dates::Day::parse("2026-11-23").ok(),
        1.0,
    );
    w.practices = chosen.clone();
    for n in 0..people {
        let mut r = Member::new(
            format!("r{n}"),
            &format!("Person {}", n + 1),
            "Board member",
        );
        for (i, p) in chosen.iter().enumerate() {
            r.set(p, When::Now, Some(Position::ALL[(n + i) % 5]));
            r.set(p, When::Desired, Some(Position::ALL[(n + 2 * i) % 5]));
        }
        w.members.push(r);
    }
    let store = Store {
        workshops: vec![w],
        ..Store::default()
    };
    let key = Key::Workshop("w1".into());
    let time = |what: &str, f: &mut dyn FnMut()| {
        let started = Instant::now();
        f();
        println!(
            "{:>8.1} ms  {what}",
            started.elapsed().as_secs_f64() * 1000.0
        );
    };
    let mut text = String::new();
    time("write the record (as a save does)", &mut || {
        text = write_record(&store, &key).unwrap()
    });
    println!(
        "{people} people, {:.2} M characters",
        text.len() as f64 / 1e6
    );
    let mut value = Value::Null;
    time("parse the text into a JSON tree", &mut || {
        value = serde_json::from_str(&text).unwrap()
    });
    let mut read = None;
    time("the workshop from the tree", &mut || {
        read = Some(Workshop::deserialize(&value).unwrap())
    });
    let mut written = Value::Null;
    time("the workshop back into a tree", &mut || {
        written = serde_json::to_value(read.as_ref().unwrap()).unwrap()
    });
    time("compare the trees (fields not known kept)", &mut || {
        assert!(unknown_parts(&value, &written).is_none())
    });
    time("all of it: read_record_keeping", &mut || {
        read_record_keeping(&key, &text).unwrap();
    });
    time(
        "for comparison: the workshop straight from the text",
        &mut || {
            serde_json::from_str::<Workshop>(&text).unwrap();
        },
    );
    time("for comparison: clone the workshop", &mut || {
        let _ = store.workshops[0].clone();
    });
    // What the results page works out from the workshop once it is read.
    let w = &store.workshops[0];
    time("results: every practice, area and overall", &mut || {
        let _ = workshop_results(aas(), w);
    });
    time("results: each role's view", &mut || {
        let _ = by_role(aas(), w);
    });
    time("results: who answered how much", &mut || {
        let _ = participation(aas(), w);
    });
    time("the live tally", &mut || {
        let _ = tally(aas(), w);
    });
}
