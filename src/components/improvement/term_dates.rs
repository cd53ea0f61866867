//! The trust's term dates on its calendar: terms and holidays entered once (each change
//! saved as made), or read from the .ics file a local authority publishes.

use leptos::prelude::*;

use crate::components::ui::date_field::SavedDateField;
use crate::components::ui::saved_text::SavedTextField;
use crate::components::ui::file_drop::{FileDrop, PickedFile};
use crate::domain::base::dates::{display, Day};
use crate::domain::base::holidays::{bank_holidays, covers, years_covered};
use crate::domain::improvement::calendar::TrustCalendar;
use crate::domain::improvement::terms::{read_term_dates, Period};

/// Which list a row belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    Terms,
    Holidays,
}

impl List {
    fn of(self, c: &mut TrustCalendar) -> &mut Vec<Period> {
        match self {
            List::Terms => &mut c.terms,
            List::Holidays => &mut c.holidays,
        }
    }
    fn read(self, c: &TrustCalendar) -> &Vec<Period> {
        match self {
            List::Terms => &c.terms,
            List::Holidays => &c.holidays,
        }
    }
    fn id(self) -> &'static str {
        match self {
            List::Terms => "term",
            List::Holidays => "holiday",
        }
    }
}

#[component]
pub fn TermDates(
    /// The calendar as kept (or as Waypoint starts it).
    calendar: Signal<TrustCalendar>,
    /// Called with the changed calendar; the page checks and keeps it, or says why not.
    on_change: Callback<TrustCalendar, Option<String>>,
) -> impl IntoView {
    let said = RwSignal::new(None::<(bool, String)>);
    let change = move |f: &dyn Fn(&mut TrustCalendar)| -> Option<String> {
        let mut next = calendar.get_untracked();
        f(&mut next);
        on_change.run(next)
    };
    let on_file = Callback::new(move |(name, text): PickedFile| {
        let result = text.and_then(|t| read_term_dates(&t));
        match result {
            Ok(dates) => {
                let next = calendar.get_untracked().with_term_dates(&dates);
                let message = format!(
                    "{name}: {} term{} and {} holiday{} for this school year read.",
                    next.terms.len(),
                    if next.terms.len() == 1 { "" } else { "s" },
                    next.holidays.len(),
                    if next.holidays.len() == 1 { "" } else { "s" }
                );
                match on_change.run(next) {
                    None => said.set(Some((true, message))),
                    Some(why) => said.set(Some((false, format!("{name}: not used. {why}")))),
                }
            }
            Err(why) => said.set(Some((false, format!("{name}: {why}")))),
        }
    });
    let list = move |which: List, caption: &'static str| {
        view! {
            <div class="table-scroll" role="region" aria-label=caption tabindex="0">
                <table class="trust-table term-table" data-list=which.id()>
                    <caption>{caption}</caption>
                    <thead><tr><th scope="col">"Name"</th><th scope="col">"First day"</th><th scope="col">"Last day"</th><th scope="col"><span class="visually-hidden">"Remove"</span></th></tr></thead>
                    <tbody>
                        {move || calendar.with(|c| which.read(c).clone()).into_iter().enumerate().map(|(i, p)| {
                            // A date far from today is saved only once confirmed.
                            // The field's text is parsed here; one that is not a date is refused
                            // by the calendar's checks (`Period::validate`).
                            let save = move |f: fn(&mut Period, Option<Day>)| Callback::new(move |v: String| {
                                change(&|c| if let Some(p) = which.of(c).get_mut(i) { f(p, Day::parse(&v).ok()) });
                            });
                            let save_name = Callback::new(move |v: String| {
                                change(&|c| if let Some(p) = which.of(c).get_mut(i) { p.name = v.clone() })
                            });
                            // A row has no id of its own: its place and first day name its draft.
                            let draft_key = format!("calendar-{}-{i}-{}", which.id(), p.first.map(Day::iso).unwrap_or_default());
                            view! {
                                <tr>
                                    <td><SavedTextField draft_key=draft_key label=format!("Name of {} {}", which.id(), i + 1) stored=Signal::stored(p.name.clone()) on_save=save_name /></td>
                                    <td><SavedDateField id=format!("{}-{i}-first", which.id()) label=format!("First day: {}", p.name) label_hidden=true
                                        stored=Signal::stored(p.first.map(Day::iso).unwrap_or_default()) on_save=save(|p, v| p.first = v) /></td>
                                    <td><SavedDateField id=format!("{}-{i}-last", which.id()) label=format!("Last day: {}", p.name) label_hidden=true
                                        stored=Signal::stored(p.last.map(Day::iso).unwrap_or_default()) on_save=save(|p, v| p.last = v) /></td>
                                    <td><button type="button" class="link-button" on:click=move |_| { change(&|c| { if i < which.of(c).len() { which.of(c).remove(i); } }); }>{format!("Remove {}", p.name)}</button></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <button type="button" class="button" on:click=move |_| { change(&|c| {
                let day = c.year_start;
                let name = if which == List::Terms { "New term" } else { "New holiday" };
                which.of(c).push(Period { name: name.into(), first: day, last: day });
            }); }>{if which == List::Terms { "Add a term" } else { "Add a holiday" }}</button>
        }
    };
    let list_info = bank_holidays();
    let (first, last) = years_covered();
    view! {
        <section class="panel" aria-labelledby="terms-heading">
            <h2 id="terms-heading">"Term dates"</h2>
            <p>"Enter the trust's terms once, or read them from the .ics file your local authority or trust publishes. Nothing on the calendar falls outside the terms or in a holiday: it moves to the next school day."</p>
            <p class="hint">{format!("Bank holidays in England and Wales come from GOV.UK's list ({}), copied into Waypoint on {}; it covers {first} to {last}.", list_info.source, display(&list_info.taken))}</p>
            {move || calendar.with(|c| c.year_start.zip(c.year_end).is_some_and(|(first, last)| !covers(&first.iso(), &last.iso())).then(|| view! {
                <p class="form-error" role="alert">{format!("Waypoint's list of bank holidays stops at {last}: check this year's dates against GOV.UK.")}</p>
            }))}
            {list(List::Terms, "Terms")}
            {list(List::Holidays, "Holidays and training days within the terms")}
            <FileDrop id="term-dates-file" label="Read term dates from an .ics file" max_bytes=2_000_000 accept=".ics,text/calendar" on_file=on_file />
            <p role="status" class=move || match said.get() { Some((false, _)) => "form-error", _ => "hint" }>{move || said.get().map(|(_, m)| m)}</p>
        </section>
    }
}
