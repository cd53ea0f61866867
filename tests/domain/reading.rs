//! A file of another kind, imported by mistake, is named for what it is, with what to do.
use waypoint::domain::base::reading::{other_kind, refusal, OtherKind, ReadError};
use waypoint::domain::records::schema::DocumentReader;
use waypoint::domain::workshop::responses::read_responses;

#[test]
fn a_file_of_another_kind_says_what_it_is_and_what_to_do() {
    let csv = "\u{feff}School,Stage,Date\nOakfield,Repair,2026-11-23\n";
    assert_eq!(other_kind(csv), Some(OtherKind::Csv));
    assert_eq!(other_kind("%PDF-1.7\n..."), Some(OtherKind::Pdf));
    assert_eq!(other_kind("PK\u{3}\u{4}\u{14}"), Some(OtherKind::Office));
    assert_eq!(other_kind("BEGIN:VCALENDAR\r\n"), Some(OtherKind::Calendar));
    assert_eq!(
        other_kind("<!DOCTYPE html><html>"),
        Some(OtherKind::WebPage)
    );
    assert_eq!(other_kind("{\"format\":"), None, "damaged JSON stays JSON");
    assert_eq!(other_kind("hello"), None);
    let Err(why) = DocumentReader::open(csv) else {
        panic!("refused")
    };
    assert_eq!(why, ReadError::OtherKind(OtherKind::Csv));
    assert_eq!(
        refusal("schools.csv", "not imported", &why.to_string()),
        "schools.csv: not imported. This is a CSV file. Waypoint imports the .json files it downloads. Nothing was changed."
    );
    let Err(answers) = read_responses("%PDF-1.4") else {
        panic!("refused")
    };
    assert!(
        answers.to_string().starts_with("This is a PDF file."),
        "{answers}"
    );
    // Damaged JSON keeps its reason, after "because".
    let Err(broken) = DocumentReader::open("{\"format\":") else {
        panic!("refused")
    };
    assert!(refusal("b.json", "not imported", &broken.to_string())
        .starts_with("b.json: not imported, because the data is not valid JSON"));
}
