//! Stored enums: the id the app uses for each value (in links, CSS, CSV and forms) is the
//! name serde writes and reads, derived once (strum) rather than written as a table.
use serde::{de::DeserializeOwned, Serialize};
use std::fmt::Debug;
use waypoint::domain::base::content::Stage;
use waypoint::domain::checklist::assessment::Level;
use waypoint::domain::improvement::accountability::Verdict;
use waypoint::domain::improvement::calendar::Unit;
use waypoint::domain::improvement::categorisation::{Category, Decision};
use waypoint::domain::improvement::plans::{Kind, Progress, Status};
use waypoint::domain::improvement::trajectory::Band;
use waypoint::domain::workshop::aas::Position;

fn ids_are_serde_names<T>(values: &[T], id: impl Fn(T) -> &'static str)
where
    T: Copy + Debug + PartialEq + Serialize + DeserializeOwned,
{
    let mut seen = std::collections::BTreeSet::new();
    for &value in values {
        let written = serde_json::to_string(&value).unwrap();
        assert_eq!(written, format!("\"{}\"", id(value)), "{value:?}");
        assert_eq!(serde_json::from_str::<T>(&written).unwrap(), value);
        assert!(
            seen.insert(id(value)),
            "two values share the id {}",
            id(value)
        );
    }
}

#[test]
fn every_stored_enum_uses_serde_s_names_as_its_ids() {
    ids_are_serde_names(&Stage::ALL, Stage::id);
    ids_are_serde_names(&Level::ALL, Level::id);
    ids_are_serde_names(&Position::ALL, Position::id);
    ids_are_serde_names(&Category::ALL, Category::id);
    ids_are_serde_names(&Decision::ALL, Decision::id);
    ids_are_serde_names(&[Unit::Weeks, Unit::Months], Unit::id);
    ids_are_serde_names(&Band::ALL, Band::id);
    ids_are_serde_names(&Kind::ALL, Kind::id);
    ids_are_serde_names(&Status::ALL, Status::id);
    ids_are_serde_names(&Progress::ALL, Progress::id);
    ids_are_serde_names(&Verdict::ALL, Verdict::id);
}

#[test]
fn ids_read_back_and_unknown_ids_are_refused() {
    for kind in Kind::ALL {
        assert_eq!(Kind::from_id(kind.id()), Some(kind));
    }
    for band in Band::ALL {
        assert_eq!(Band::from_id(band.id()), Some(band));
    }
    for category in Category::ALL {
        assert_eq!(Category::from_id(category.id()), Some(category));
    }
    assert_eq!(Status::from_id("in_progress"), Some(Status::InProgress));
    assert_eq!(Unit::from_id("months"), Some(Unit::Months));
    assert_eq!(Decision::from_id("review"), Some(Decision::Review));
    for unknown in ["", "In_Progress", "mostly", "top_15", " high"] {
        assert_eq!(Status::from_id(unknown), None);
        assert_eq!(Band::from_id(unknown), None);
        assert_eq!(Category::from_id(unknown), None);
    }
}
