//! Starting an Autonomy–Alignment–Standardisation workshop.

use crate::components::ui::error_summary::{ErrorSummary, Problems};
use leptos::prelude::*;

use crate::browser;
use crate::components::ui::date_field::{DateField, FarDateConfirmation};
use crate::components::workshop::practice_choice::PlanChoice;
use crate::domain::base::dates::Day;
use crate::domain::base::school::{NameMatch, Trust};
use crate::domain::base::text::{clamp_chars, MAX_NAME_CHARS};
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::{SchoolEdit, WorkshopEdit};
use crate::domain::workshop::aas::{aas, Workshop};
use crate::domain::workshop::plan::default_choice;
use crate::route::Route;
use crate::state::AppState;

#[component]
pub fn NewWorkshopPage() -> impl IntoView {
    browser::set_title("New workshop – Waypoint");
    let state = expect_context::<AppState>();
    let trust = crate::components::ui::draft::draft("new-workshop-trust", "");
    let academy = crate::components::ui::draft::draft("new-workshop-academy", "");
    let date = RwSignal::new(browser::today_iso());
    let date_confirmed = FarDateConfirmation::new();
    let problems = RwSignal::new(Problems::new());
    // Planned for one meeting: one area unless the facilitator chooses more.
    let chosen = RwSignal::new(default_choice(aas()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Problems::new();
        if trust.get_untracked().trim().is_empty() {
            found.push(("workshop-trust".into(), "Enter the trust's name.".into()));
        }
        let day = Day::parse(&date.get_untracked()).ok();
        if day.is_none() {
            found.push((
                "workshop-date".into(),
                "Enter the date of the workshop as a real date.".into(),
            ));
        } else if let Some(why) = date_confirmed.problem(&date.get_untracked()) {
            found.push((FarDateConfirmation::box_id("workshop-date"), why));
        }
        if !found.is_empty() {
            problems.set(found);
            return;
        }
        let id = browser::new_id();
        // The same trust's workshops are matched by the trust's record, not its name.
        let name = trust.get_untracked();
        let mut edits = Vec::new();
        let trust_id = match state.store.with_untracked(|s| s.match_trust(&name)) {
            NameMatch::Same(existing) => existing,
            _ => {
                let new = browser::new_id();
                edits.push(Edit::Schools(SchoolEdit::AddTrust(Trust::new(
                    new.clone(),
                    &name,
                    browser::now_ms(),
                ))));
                new
            }
        };
        let mut workshop = Workshop::new(
            id.clone(),
            &trust_id,
            &academy.get_untracked(),
            day,
            browser::now_ms(),
        );
        workshop.practices = chosen.get_untracked();
        edits.push(Edit::Workshop(WorkshopEdit::AddWorkshop(workshop)));
        if state.send(Edit::Batch(edits)) {
            trust.set(String::new());
            academy.set(String::new());
            browser::go_to(&Route::Workshop(id).href());
        }
    };
    let text_input = move |signal: RwSignal<String>| {
        move |ev| signal.set(clamp_chars(&event_target_value(&ev), MAX_NAME_CHARS))
    };
    view! {
        <section class="panel narrow">
            <h1>"New workshop"</h1>
            <p class="lead">
                "Decide, practice by practice, what the trust does the same way everywhere, what it co-constructs with its academies, and what each academy still decides. Each member places each practice where it is now and where they want it to be."
            </p>
            <form class="details-form" on:submit=submit novalidate>
                <ErrorSummary problems=problems />
                <div class="field">
                    <label for="workshop-trust">"Trust"</label>
                    <input id="workshop-trust" type="text" dir="auto" maxlength=MAX_NAME_CHARS.to_string()
                        list="workshop-trusts" autocomplete="off"
                        prop:value=move || trust.get() on:input=text_input(trust) />
                    <datalist id="workshop-trusts">
                        {move || state.store.with(|s| s.trusts.iter().map(|t| view! { <option value=t.name.clone()></option> }).collect_view())}
                    </datalist>
                </div>
                <div class="field">
                    <label for="workshop-academy">"One academy's view " <span class="optional">"(optional: leave empty for the trust as a whole)"</span></label>
                    <input id="workshop-academy" type="text" dir="auto" maxlength=MAX_NAME_CHARS.to_string()
                        list="workshop-academies" autocomplete="off"
                        prop:value=move || academy.get() on:input=text_input(academy) />
                    <datalist id="workshop-academies">
                        {move || state.store.with(|s| s.schools.iter().map(|x| view! { <option value=x.name.clone()></option> }).collect_view())}
                    </datalist>
                </div>
                <DateField id="workshop-date" label="Date" value=date confirm=date_confirmed />
                <PlanChoice chosen=chosen.into() on_choose=Callback::new(move |c| chosen.set(c)) />
                <div class="actions">
                    <button type="submit" class="button primary">"Start workshop"</button>
                    <a class="button" href="#/">"Cancel"</a>
                </div>
            </form>
        </section>
    }
}
