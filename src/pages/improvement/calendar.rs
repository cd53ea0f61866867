//! The trust's calendar: what is due when this school year (the trust's cadence, and the
//! intervention reviews, categorisations and reassessments its data makes due), the
//! cadence itself for the trust to adjust, and the calendar as a file for Outlook or
//! Google Calendar.

use leptos::prelude::*;

use crate::browser;
use crate::components::improvement::term_dates::TermDates;
use crate::components::ui::date_field::SavedDateField;
use crate::components::ui::plain_table::PlainTable;
use crate::components::ui::saved_text::SavedTextField;
use crate::domain::base::dates::{display, Day};
use crate::domain::base::document::cell;
use crate::domain::improvement::calendar::{
    events, ics, shown, CadenceItem, Showing, TrustCalendar, Unit, SPREAD_RULE,
};
use crate::domain::improvement::categorisation::category_rules;
use crate::domain::improvement::cycle::trust_cycle;
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::ImprovementEdit;
use crate::domain::records::exchange::file_name;
use crate::state::AppState;

#[component]
pub fn CalendarPage() -> impl IntoView {
    browser::set_title("Trust calendar – Waypoint");
    let state = expect_context::<AppState>();
    let today = StoredValue::new(browser::today_iso());
    let fresh_id = StoredValue::new(browser::new_id());
    // A change the calendar's checks refused, shown on the page but not saved, so that
    // the next change can complete it: a calendar an older version stored with several
    // dates that are not dates is entered again one field at a time.
    let pending = RwSignal::new(None::<TrustCalendar>);
    // The calendar kept, or the one Waypoint starts from (kept at the first change).
    let calendar = move || {
        pending.get().unwrap_or_else(|| {
            state
                .store
                .with(|s| s.calendar().cloned())
                .unwrap_or_else(|| {
                    TrustCalendar::starting(fresh_id.get_value(), &today.get_value(), 0.0)
                })
        })
    };
    let problem = RwSignal::new(None::<String>);
    let show = RwSignal::new(Showing::Ahead);
    // Keeps a change, or says why not (here, and to the field that made it).
    let change = move |f: &dyn Fn(&mut TrustCalendar)| -> Option<String> {
        let mut next = untracked(calendar);
        f(&mut next);
        match next.validate() {
            Ok(()) => {
                problem.set(None);
                pending.set(None);
                state.send(Edit::Improvement(ImprovementEdit::SetCalendar(next)));
                None
            }
            Err(why) => {
                problem.set(Some(why.clone()));
                pending.set(Some(next));
                Some(why)
            }
        }
    };
    let download = move |_| {
        let cal = untracked(calendar);
        // Keep the calendar first, so its events keep their ids in every later download.
        if state.store.with_untracked(|s| s.calendar().is_none()) {
            state.send(Edit::Improvement(ImprovementEdit::SetCalendar(cal.clone())));
        }
        let now = today.get_value();
        let text = state.store.with_untracked(|s| {
            ics(
                &cal.id,
                &shown(events(s, &cal, &now), show.get_untracked(), &now),
                "School improvement calendar (Waypoint)",
                browser::now_ms(),
            )
        });
        let name = file_name("trust calendar", &today.get_value(), "ics");
        problem.set(
            browser::download_text(&name, "text/calendar", &text)
                .err()
                .map(|why| format!("The file could not be made: {why}.")),
        );
    };
    let number = move |value: String| value.trim().parse::<u32>().unwrap_or(0);
    // One of the three intervals of the cadence, in months.
    let months_field = move |id: &'static str,
                             label: &'static str,
                             read: fn(&TrustCalendar) -> u32,
                             write: fn(&mut TrustCalendar, u32)| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="number" min="1" max="24" inputmode="numeric"
                    prop:value=move || read(&calendar()).to_string()
                    on:change=move |ev| { let n = number(event_target_value(&ev)); change(&|c| write(c, n)); } />
            </div>
        }
    };
    view! {
        <div class="page-head">
            <h1>"Trust calendar"</h1>
        </div>
        <p class="lead">"What is due when across the trust this school year: the meetings and reports the trust keeps to, and the intervention reviews, categorisations and reassessments its schools' data makes due."</p>
        <section class="panel no-print" aria-labelledby="calendar-file-heading">
            <h2 id="calendar-file-heading">"Put it in your calendar"</h2>
            <p>"Download the dates shown under “What is due when” as a file and import it: in Outlook, open the file or use Import; in Google Calendar, Settings, then Import and export. Each event keeps its identity, so importing a later download updates the events instead of adding them twice."</p>
            <button type="button" class="button primary" on:click=download>"Download calendar (.ics)"</button>
            <p class="form-error" role="alert">{move || problem.get()}</p>
        </section>

        <section class="panel" aria-labelledby="calendar-due-heading">
            <h2 id="calendar-due-heading">{move || { let c = calendar(); format!("What is due when: {} to {}", display(&c.year_start), display(&c.year_end)) }}</h2>
            <div class="field inline">
                <label for="calendar-show">"Show"</label>
                <select id="calendar-show" on:change=move |ev| { if let Some(s) = Showing::from_id(&event_target_value(&ev)) { show.set(s) } }>
                    {Showing::ALL.into_iter().map(|s| view! { <option value=s.id()>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            {move || {
                let cal = calendar();
                let now = today.get_value();
                let which = show.get();
                let list = state.store.with(|s| shown(events(s, &cal, &now), which, &now));
                let rows: Vec<_> = list.into_iter().map(|e| {
                    let late = e.overdue(&now);
                    let class = if late { "overdue" } else if e.date < now { "past" } else { "" };
                    let when = if late { format!("{}\noverdue", display(&e.date)) } else { display(&e.date) };
                    vec![cell(when, class), cell(e.title, class), e.kind.label().into()]
                }).collect();
                let count = format!("{} date{}", rows.len(), if rows.len() == 1 { "" } else { "s" });
                view! {
                    <p class="result-count" role="status">{count}</p>
                    <PlainTable caption="Dates of the school year, in order".into() head=vec!["Date", "What", "Kind"] rows=rows />
                }
            }}
            <p class="hint">{SPREAD_RULE}</p>
        </section>

        <TermDates calendar=Signal::derive(calendar) on_change=Callback::new(move |next: TrustCalendar| change(&|c| *c = next.clone())) />

        <section class="panel" aria-labelledby="cadence-heading">
            <h2 id="cadence-heading">"The trust's cadence"</h2>
            <p>"Tick the meetings and reports the trust holds: only those go on the calendar. Each meeting's purpose below is quoted from the source documents; the short names, the spacing and the first dates are Waypoint's starting point, to change to the trust's own. Changes are saved as you make them."</p>
            <div class="field-row">
                <SavedDateField id="year-start" label="School year starts".to_string()
                    stored=Signal::derive(move || { let c = calendar(); c.year_start.map(Day::iso).unwrap_or_default() })
                    on_save=Callback::new(move |v: String| { change(&|c| match Day::parse(&v) {
                        // Not a date: the calendar's checks say so, and nothing is kept.
                        Err(_) => c.year_start = None,
                        Ok(start) => *c = c.with_year_start(start),
                    }); }) />
                <SavedDateField id="year-end" label="School year ends".to_string()
                    stored=Signal::derive(move || { let c = calendar(); c.year_end.map(Day::iso).unwrap_or_default() })
                    on_save=Callback::new(move |v: String| { change(&|c| c.year_end = Day::parse(&v).ok()); }) />
                <div class="field">
                    <span class="label-like">"Next year"</span>
                    <button type="button" class="button" on:click=move |_| { change(&|c| {
                        if let Some(m) = c.year_start.and_then(|s| s.add_months(12)).and_then(|s| c.moved_to(s)) { *c = m }
                    }); }>"Move every date to the next school year"</button>
                </div>
            </div>
            <div class="field-row">
                {months_field("categorise-months", "Categorise each school every (months)", |c| c.categorise_months, |c, n| c.categorise_months = n)}
                {months_field("review-months", "Review the category every (months)", |c| c.review_months, |c, n| c.review_months = n)}
                {months_field("reassess-months", "Reassess each school every (months)", |c| c.reassess_months, |c, n| c.reassess_months = n)}
            </div>
            <blockquote class="source-quote">{trust_cycle().categorise.clone()}</blockquote>
            <details class="rule">
                <summary>"When categorisations fall due (the rules)"</summary>
                <ul>{move || category_rules({ let c = calendar(); c.intervals() }).into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            </details>
            <div class="table-scroll" role="region" aria-label="Meetings of the cadence" tabindex="0">
                <table class="trust-table cadence-table">
                    <caption>"Meetings and reports"</caption>
                    <thead><tr>
                        <th scope="col">"Include"</th><th scope="col">"Meeting"</th><th scope="col">"First date"</th>
                        <th scope="col">"Every"</th><th scope="col">"Dates this year"</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || { let c = calendar(); c.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>() }
                            key=|id| id.clone() let:id>
                            {cadence_row(id, calendar, change)}
                        </For>
                    </tbody>
                </table>
            </div>
            <button type="button" class="button" on:click=move |_| { change(&|c| {
                let id = format!("own-{}", browser::new_id());
                c.items.push(CadenceItem { id, title: "New meeting".into(), first: c.year_start, unit: Unit::Months, every: 1, on: true });
            }); }>"Add a meeting"</button>
        </section>
    }
}

/// Reads the calendar without making the caller depend on it.
fn untracked(calendar: impl Fn() -> TrustCalendar) -> TrustCalendar {
    leptos::prelude::untrack(calendar)
}

/// One meeting of the cadence, each change saved at once.
fn cadence_row(
    id: String,
    calendar: impl Fn() -> TrustCalendar + Copy + Send + Sync + 'static,
    change: impl Fn(&dyn Fn(&mut TrustCalendar)) -> Option<String> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let key = StoredValue::new(id.clone());
    let item = move || {
        let c = calendar();
        c.items.iter().find(|i| i.id == key.get_value()).cloned()
    };
    let edit = move |f: &dyn Fn(&mut CadenceItem)| {
        change(&|c| {
            if let Some(i) = c.items.iter_mut().find(|i| i.id == key.get_value()) {
                f(i)
            }
        })
    };
    let save_title = Callback::new(move |v: String| edit(&|i| i.title = v.clone()));
    let title = move || item().map(|i| i.title).unwrap_or_default();
    let quote = trust_cycle()
        .cadence
        .iter()
        .find(|d| d.id == id)
        .map(|d| d.text.clone());
    let own = quote.is_none();
    let f = move |what: &str| format!("cadence-{}-{what}", key.get_value());
    view! {
        <tr>
            <td><input type="checkbox" id=f("on") aria-label=move || format!("Include: {}", title())
                prop:checked=move || item().is_some_and(|i| i.on)
                on:change=move |ev| { let on = event_target_checked(&ev); edit(&|i| i.on = on); } /></td>
            <td>
                <SavedTextField draft_key=format!("calendar-meeting-{}", key.get_value()) class="cadence-title"
                    label="Name of the meeting" stored=Signal::derive(title) on_save=save_title />
                {quote.map(|q| view! { <span class="cell-note">{format!("Source: “{q}”")}</span> })}
                {own.then(|| view! { <button type="button" class="link-button" on:click=move |_| { change(&|c| c.items.retain(|i| i.id != key.get_value())); }>"Remove"</button> })}
            </td>
            <td><SavedDateField id=f("first") label=Signal::derive(move || format!("First date: {}", title())) label_hidden=true
                stored=Signal::derive(move || item().and_then(|i| i.first).map(Day::iso).unwrap_or_default())
                on_save=Callback::new(move |v: String| { edit(&|i| i.first = Day::parse(&v).ok()); }) /></td>
            <td class="every">
                <input type="number" min="1" max="52" inputmode="numeric" aria-label=move || format!("Every how many: {}", title())
                    prop:value=move || item().map(|i| i.every.to_string()).unwrap_or_default()
                    on:change=move |ev| { let n = event_target_value(&ev).trim().parse().unwrap_or(0); edit(&|i| i.every = n); } />
                <select aria-label=move || format!("Weeks or months: {}", title())
                    on:change=move |ev| { if let Some(u) = Unit::from_id(&event_target_value(&ev)) { edit(&|i| i.unit = u); } }>
                    <option value="weeks" selected=move || item().is_some_and(|i| i.unit == Unit::Weeks)>"weeks"</option>
                    <option value="months" selected=move || item().is_some_and(|i| i.unit == Unit::Months)>"months"</option>
                </select>
            </td>
            <td>{move || item().map(|i| { let c = calendar(); c.dates_of(&i).len() }).unwrap_or(0).to_string()}</td>
        </tr>
    }
}
