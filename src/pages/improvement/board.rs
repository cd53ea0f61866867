//! What the board receives, generated from the data and laid out for printing: the
//! summary of every school's intervention plans (a page for the trust, then a page per
//! school), and a headteacher's report to the board, twice a year. Both are documents
//! worked out in `domain::improvement::papers`.

use crate::domain::checklist::SchoolRecords;
use leptos::prelude::*;

use crate::components::ui::not_found::{Missing, NotFound};

use crate::browser;
use crate::components::ui::plain_table::DocumentView;
use crate::domain::base::content::four_stages;
use crate::domain::base::dates::display;
use crate::domain::improvement::accountability::{board_summary, headteacher_report};
use crate::domain::improvement::papers::{board_paper, head_report_paper};
use crate::route::Route;
use crate::state::AppState;

#[component]
pub fn BoardPage() -> impl IntoView {
    browser::set_title("Board summary of intervention plans – Waypoint");
    let state = expect_context::<AppState>();
    let today = browser::today_iso();
    let prepared = format!("Prepared {}", display(&today));
    view! {
        <div class="report-toolbar no-print">
            <a href="#/trust">"Back to the trust overview"</a>
            <button type="button" class="button primary" on:click=|_| browser::print()>"Print or save as PDF"</button>
            <p class="hint">"In the print dialog, choose “Save as PDF” to send it to the board. Each school starts on a new page."</p>
        </div>
        <article class="report board-page">
            <header class="board-head">
                <p class="report-kicker">"For the board"</p>
                <h1>"Summary of intervention plans"</h1>
                <p class="meta">{prepared}</p>
            </header>
            {move || {
                let blocks = state.store.with(|s| board_paper(&board_summary(four_stages(), s, s.intervals(), &today)));
                view! { <DocumentView blocks=blocks /> }
            }}
        </article>
    }
}

#[component]
pub fn HeadReportPage(
    /// The school's id.
    id: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = browser::today_iso();
    let to = RwSignal::new(today.clone());
    let back = Route::School(id.clone()).href();
    view! {
        <div class="report-toolbar no-print">
            <a href=back>"Back to the school"</a>
            <div class="field inline">
                <label for="report-to">"Six months to"</label>
                <input id="report-to" type="date" prop:value=move || to.get()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if crate::domain::base::dates::is_iso_date(&v) { to.set(v) }
                    } />
            </div>
            <button type="button" class="button primary" on:click=|_| browser::print()>"Print or save as PDF"</button>
        </div>
        {move || {
            let report = state.store.with(|s| s.school(&id).map(|school| {
                headteacher_report(four_stages(), s, school, s.intervals(), &to.get(), &today)
            }));
            match report {
                None => view! { <NotFound what=Missing::School /> }.into_any(),
                Some(r) => {
                    browser::set_title(&format!("{} – report to the board – Waypoint", r.name));
                    view! {
                        <article class="report board-page">
                            <header class="board-head">
                                <p class="report-kicker">"Headteacher's report to the board"</p>
                                <h1 dir="auto">{r.name.clone()}</h1>
                                <p class="meta">{format!("{} to {}", display(&r.from), display(&r.to))}</p>
                            </header>
                            <DocumentView blocks=head_report_paper(&r) />
                        </article>
                    }.into_any()
                }
            }
        }}
    }
}
