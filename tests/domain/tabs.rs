//! Two tabs: a rename replaced by another tab's is named to the tab that made it; notes
//! typed into an item another tab deleted are kept and offered back.
use crate::support;

use waypoint::domain::records::edits::{ChecklistEdit, Edit, RecordsEdit, SchoolEdit};
use waypoint::domain::records::store::{Store, TextPlace};
use waypoint::domain::records::tabs::{
    lost_notes, place_exists, renames_in, replaced_renames, typed_notes,
};

#[test]
fn a_rename_replaced_by_another_tabs_is_told() {
    let mine = renames_in(&Edit::Batch(vec![Edit::Schools(
        SchoolEdit::RenameSchool {
            school: support::SCHOOL_ID.into(),
            name: " Oakfield Academy ".into(),
        },
    )]));
    assert_eq!(mine.len(), 1);
    let mut theirs = support::school_store();
    theirs.schools[0].name = "Oakfield Academy".into();
    let (told, standing) = replaced_renames(&mine, &theirs);
    assert!(told.is_empty(), "{told:?}");
    assert_eq!(standing, mine);
    theirs.schools[0].name = "Oakfield School".into();
    let (told, standing) = replaced_renames(&mine, &theirs);
    assert_eq!(told.len(), 1);
    assert!(
        told[0].contains("“Oakfield School”") && told[0].contains("“Oakfield Academy”"),
        "{}",
        told[0]
    );
    assert!(standing.is_empty());
    let (told, _) = replaced_renames(&mine, &Store::default());
    assert!(told[0].contains("removed or merged"));
}

#[test]
fn notes_typed_into_an_assessment_deleted_elsewhere_are_kept() {
    let mut before = support::school_store();
    before.assessments.push(support::blank());
    let feature = waypoint::domain::base::content::four_stages().features[2]
        .id
        .clone();
    let note = |text: &str| {
        Edit::Checklist(ChecklistEdit::SetNote {
            assessment: "a1".into(),
            feature: feature.clone(),
            note: text.into(),
            was: String::new(),
        })
    };
    let pending = vec![
        note("Att"),
        note("Attendance is up"),
        Edit::Records(RecordsEdit::MarkAllDownloaded),
    ];
    let typed = typed_notes(&before, &pending);
    assert_eq!(typed.len(), 1, "the latest text for each place");
    // Still there: nothing to keep.
    assert!(lost_notes(typed.clone(), &before, 1.0).is_empty());
    let after = support::school_store();
    let kept = lost_notes(typed, &after, 1.0);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].text, "Attendance is up");
    assert!(kept[0].what.contains("feature 3"), "{}", kept[0].what);
    assert!(
        kept[0].what.contains("deleted in another tab"),
        "{}",
        kept[0].what
    );
    assert!(!place_exists(&after, &kept[0].place));
    assert!(matches!(kept[0].place, TextPlace::AssessmentNote { .. }));
}
