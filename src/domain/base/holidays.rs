//! Bank holidays in England and Wales, from the list GOV.UK publishes, bundled in
//! `content/bank_holidays.json` with the date it was taken, so the calendar never puts a
//! meeting on one and the app never fetches anything.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The bundled list, as published.
#[derive(Clone, Debug, Deserialize)]
pub struct BankHolidays {
    /// Where the list comes from.
    pub source: String,
    /// The day it was taken, as an ISO date.
    pub taken: String,
    pub events: Vec<BankHoliday>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct BankHoliday {
    pub date: String,
    pub title: String,
}

const BANK_HOLIDAYS_JSON: &str = include_str!("../../../content/bank_holidays.json");

/// The bundled list (read once).
pub fn bank_holidays() -> &'static BankHolidays {
    static LIST: OnceLock<BankHolidays> = OnceLock::new();
    LIST.get_or_init(|| {
        serde_json::from_str(BANK_HOLIDAYS_JSON).expect("content/bank_holidays.json is valid")
    })
}

fn dates() -> &'static BTreeSet<String> {
    static DATES: OnceLock<BTreeSet<String>> = OnceLock::new();
    DATES.get_or_init(|| {
        bank_holidays()
            .events
            .iter()
            .map(|e| e.date.clone())
            .collect()
    })
}

/// True on a bank holiday in England and Wales (from the bundled list).
pub fn is_bank_holiday(date: &str) -> bool {
    dates().contains(date)
}

/// The first and last years the bundled list covers.
pub fn years_covered() -> (i32, i32) {
    let year = |d: Option<&String>| {
        d.and_then(|d| d.get(0..4))
            .and_then(|y| y.parse().ok())
            .unwrap_or(0)
    };
    (year(dates().first()), year(dates().last()))
}

/// True when every year from `first` to `last` (ISO dates) is in the bundled list.
pub fn covers(first: &str, last: &str) -> bool {
    let year = |d: &str| d.get(0..4).and_then(|y| y.parse::<i32>().ok());
    let (from, to) = years_covered();
    matches!((year(first), year(last)), (Some(a), Some(b)) if a >= from && b <= to)
}
