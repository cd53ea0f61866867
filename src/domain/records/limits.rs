//! The forms' limits, applied to what arrives in a file: names and notes no longer than a
//! form accepts, no blank names, dates within Waypoint's range of today, calendars that
//! pass the calendar form's checks. An import that breaks one is refused with the reason
//! (naming the item), before anything changes, so a hand-made or hostile file cannot
//! store what no form would (a note of a million characters, a review in 2062, a thousand
//! meetings a year).

use crate::domain::base::dates::{far_from_today, is_iso_date, Day, OptionalDay};
use crate::domain::base::text::{is_blank, MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::domain::checklist::assessment::Scope;
use crate::domain::records::store::Store;
use crate::domain::workshop::aas::Workshop;
use crate::domain::workshop::responses::MAX_RESPONDENTS;

/// Checks one text against a limit; `what` names it ("the note on feature 3").
fn within(text: &str, most: usize, what: &str) -> Result<(), String> {
    let count = text.chars().count();
    if count > most {
        return Err(format!(
            "{what} is {count} characters long; the form takes at most {most}"
        ));
    }
    Ok(())
}

/// A name: not blank, and within the name limit.
fn name(text: &str, what: &str) -> Result<(), String> {
    if is_blank(text) {
        return Err(format!("{what} is blank"));
    }
    within(text, MAX_NAME_CHARS, what)
}

/// A date a form would take: a real date, within Waypoint's range of `today`.
fn date(text: &str, today: &str, what: &str) -> Result<(), String> {
    if !is_iso_date(text) {
        return Err(format!(
            "{what} is not a real date (\u{201c}{}\u{201d})",
            shown(text)
        ));
    }
    match far_from_today(text, today) {
        Some(why) => Err(format!("{what} is {}", why.replacen(" is ", ", ", 1))),
        None => Ok(()),
    }
}

/// A date kept as a [`Day`] (`None` when the file held something else there, which a
/// form would never take), within Waypoint's range of `today`.
fn day(day: Option<Day>, today: &str, what: &str) -> Result<(), String> {
    match day {
        Some(day) => date(&day.iso(), today, what),
        None => Err(format!("{what} is missing or not a real date (yyyy-mm-dd)")),
    }
}

/// A piece of untrusted text, short enough to quote in a message.
fn shown(text: &str) -> String {
    crate::domain::base::text::clamp_chars(
        &crate::domain::base::text::without_controls(text, false),
        40,
    )
}

/// Checks a workshop's people and answers against the forms' limits.
pub fn check_workshop(workshop: &Workshop, today: &str) -> Result<(), String> {
    day(workshop.date, today, "the workshop's date")?;
    within(&workshop.academy, MAX_NAME_CHARS, "the workshop's academy")?;
    if workshop.members.len() > MAX_RESPONDENTS {
        return Err(format!(
            "a workshop has {} people; a workshop takes at most {MAX_RESPONDENTS}",
            workshop.members.len()
        ));
    }
    for r in &workshop.members {
        name(&r.name, "a person's name in a workshop")?;
        within(&r.role, MAX_NAME_CHARS, "a person's role")?;
        for placing in r.placings.values() {
            within(&placing.note, MAX_NOTE_CHARS, "a note in a workshop")?;
        }
    }
    Ok(())
}

/// Checks everything a file would bring in. `today` is the user's date (yyyy-mm-dd).
pub fn check_import(store: &Store, today: &str) -> Result<(), String> {
    for school in &store.schools {
        name(&school.name, "a school's name")?;
    }
    for trust in &store.trusts {
        name(&trust.name, "a trust's name")?;
    }
    for a in &store.assessments {
        let dated = a.date.map_or_else(|| "unknown".into(), Day::iso);
        let place = |what: &str| format!("{what} of an assessment dated {dated}");
        day(a.date, today, &place("the date"))?;
        within(
            &a.assessors,
            MAX_NAME_CHARS,
            &place("the list of assessors"),
        )?;
        if a.scope != Scope::WholeSchool {
            name(a.scope.name(), &place("the team, subject or year group"))?;
        }
        for answer in a.answers.values() {
            within(&answer.note, MAX_NOTE_CHARS, &place("a note"))?;
        }
    }
    for w in &store.workshops {
        check_workshop(w, today)?;
    }
    for p in &store.plans {
        let place = |what: &str| {
            format!(
                "{what} of the intervention \u{201c}{}\u{201d}",
                shown(&p.target)
            )
        };
        for (text, what) in [(&p.partner, "the partner"), (&p.owner, "the owner")] {
            within(text, MAX_NAME_CHARS, &place(what))?;
        }
        for (text, what) in [
            (&p.focus, "the focus"),
            (&p.target, "the target"),
            (&p.success_criteria, "the success criteria"),
        ] {
            within(text, MAX_NOTE_CHARS, &place(what))?;
        }
        day(p.start, today, &place("the start"))?;
        day(p.end, today, &place("the time limit"))?;
        for review in &p.reviews {
            day(review.date, today, &place("the date of a review"))?;
            within(&review.note, MAX_NOTE_CHARS, &place("a review's note"))?;
        }
        if let Some(impact) = &p.impact {
            day(impact.date, today, &place("the date of the impact review"))?;
            for text in [
                &impact.practice,
                &impact.systems,
                &impact.organisation,
                &impact.outcomes,
                &impact.evidence,
            ] {
                within(text, MAX_NOTE_CHARS, &place("the impact"))?;
            }
        }
    }
    for c in &store.categorisations {
        let dated = c.date.map_or_else(|| "unknown".into(), Day::iso);
        let place = |what: &str| format!("{what} of a categorisation dated {dated}");
        day(c.date, today, &place("the date"))?;
        within(&c.decided_by, MAX_NAME_CHARS, &place("who decided"))?;
        within(&c.rationale, MAX_NOTE_CHARS, &place("the rationale"))?;
        within(&c.suggested_reason, MAX_NOTE_CHARS, &place("the reason"))?;
    }
    for t in &store.trajectories {
        for point in &t.points {
            within(&point.period, MAX_NAME_CHARS, "a trajectory's period")?;
            let what = format!(
                "the date of results of the trajectory's period \u{201c}{}\u{201d}",
                shown(&point.period)
            );
            match point.date {
                OptionalDay::Absent => {}
                OptionalDay::On(on) => day(Some(on), today, &what)?,
                OptionalDay::NotADate => day(None, today, &what)?,
            }
        }
    }
    for c in &store.calendars {
        check_calendar(c, today)?;
    }
    Ok(())
}

/// The calendar form's checks, and Waypoint's date range for its school year: for a
/// calendar that arrives in a file (the calendar page calls the same checks).
pub fn check_calendar(
    calendar: &crate::domain::improvement::calendar::TrustCalendar,
    today: &str,
) -> Result<(), String> {
    calendar
        .validate()
        .map_err(|why| format!("a trust calendar does not pass the calendar's checks: {why}"))?;
    day(
        calendar.year_start,
        today,
        "the start of a trust calendar's year",
    )?;
    for item in &calendar.items {
        name(&item.title, "a meeting's name in a trust calendar")?;
    }
    Ok(())
}
