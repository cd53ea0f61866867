//! Prints, as JSON, the uncompressed payloads of the landing links the benchmark and
//! Lighthouse open (tests/lighthouse/links.mjs compresses them as the browser does): a
//! join link, a member's answer link and a share link, each made by the domain's own
//! functions from a small example workshop and assessment.
//! Usage: `cargo run --quiet --example landing_links`

use waypoint::domain::base::content::four_stages;
use waypoint::domain::checklist::assessment::{Assessment, AssessmentDetails, Level, Scope};
use waypoint::domain::records::share::payload_json;
use waypoint::domain::workshop::aas::{aas, Member, Position, When, Workshop};
use waypoint::domain::workshop::join::{invite_json, response_json};

fn main() {
    let workshop = Workshop::new(
        "w-example".into(),
        "t-example",
        "",
        waypoint::domain::base::dates::Day::parse("2026-11-23").ok(),
        0.0,
    );
    let mut member = Member::new("r-example".into(), "Alex Morgan", "Trustee");
    for (n, practice) in aas().practices().enumerate().take(20) {
        let id = &practice.statement.id;
        member.set(id, When::Now, Some(Position::ALL[n % 5]));
        member.set(id, When::Desired, Some(Position::ALL[(n + 1) % 5]));
    }
    let mut assessment = Assessment::new(
        "a-example".into(),
        "s-example".into(),
        AssessmentDetails {
            school: "Example Primary".into(),
            scope: Scope::WholeSchool,
            date: "2026-11-23".into(),
            assessors: String::new(),
            phase: None,
        },
        0.0,
    );
    for (n, feature) in four_stages().features.iter().enumerate() {
        let level = [Level::NotSeen, Level::Partly, Level::Clearly][n % 3];
        assessment.set_level(&feature.id, Some(level), 0.0);
    }
    let quote = |text: String| serde_json::to_string(&text).expect("a string");
    println!(
        "{{\"join\":{},\"answers\":{},\"shared\":{}}}",
        quote(invite_json(aas(), &workshop, "Example Trust")),
        quote(response_json(aas(), &workshop.id, &member)),
        quote(payload_json("Example Primary", &assessment)),
    );
}
