//! An assessment opened from a share link: read-only, with "save a copy to this browser".

use crate::domain::checklist::SchoolRecords;
use leptos::prelude::*;

use crate::browser;
use crate::components::improvement::report::Report;
use crate::domain::base::school::{NameMatch, SchoolChoice};
use crate::domain::checklist::assessment::Assessment;
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::{ChecklistEdit, ImprovementEdit};
use crate::domain::records::share::Shared;
use crate::pages::checklist::new_assessment::school_edits;
use crate::route::Route;
use crate::share_link;
use crate::state::AppState;

#[component]
pub fn SharedPage(data: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    browser::set_title("Shared assessment – Waypoint");
    let opened = RwSignal::new(None::<Result<Shared, String>>);
    leptos::task::spawn_local(async move {
        opened.set(Some(share_link::open(&data).await));
    });
    let assessment: Memo<Option<Assessment>> = Memo::new(move |_| {
        opened.with(|o| {
            o.as_ref()
                .and_then(|r| r.as_ref().ok())
                .map(|shared| shared.preview().1)
        })
    });
    let plans = Signal::derive(move || {
        opened.with(|o| match o {
            Some(Ok(shared)) => shared.plans.clone(),
            _ => Vec::new(),
        })
    });
    let baseline = Signal::derive(move || {
        opened.with(|o| match o {
            Some(Ok(shared)) => shared.baseline.clone(),
            _ => None,
        })
    });
    let school_name = Signal::derive(move || {
        opened.with(|o| match o {
            Some(Ok(shared)) => shared.school.clone(),
            _ => String::new(),
        })
    });
    // A school here whose name only looks like the link's: the user says whether it is.
    let alike = RwSignal::new(Vec::<(String, String)>::new());
    let saved_as = RwSignal::new(None::<String>);
    let save_as = move |shared: Shared, choice: SchoolChoice| {
        let (school_id, mut edits) = school_edits(choice);
        let id = browser::new_id();
        let plans = shared.plans_for(&school_id, &id, browser::new_id, browser::now_ms());
        let copy = shared.into_assessment(id.clone(), school_id, browser::now_ms());
        edits.push(Edit::Checklist(ChecklistEdit::AddAssessment(copy)));
        edits.extend(
            plans
                .into_iter()
                .map(|plan| Edit::Improvement(ImprovementEdit::Commission(plan))),
        );
        if state.send(Edit::Batch(edits)) {
            alike.set(Vec::new());
            saved_as.set(Some(id));
        }
    };
    let save_copy = move |_| {
        let Some(Some(Ok(shared))) = opened.with_untracked(|o| o.clone().map(Some)) else {
            return;
        };
        let choice = match state
            .store
            .with_untracked(|s| s.match_school(&shared.school))
        {
            NameMatch::Same(id) => SchoolChoice::Existing(id),
            NameMatch::None => SchoolChoice::New(shared.school.clone()),
            NameMatch::Alike(ids) => {
                alike.set(state.store.with_untracked(|s| {
                    ids.iter()
                        .map(|id| (id.clone(), s.school_name(id).to_string()))
                        .collect()
                }));
                return;
            }
        };
        save_as(shared, choice);
    };
    let answer = move |choice: SchoolChoice| {
        if let Some(Some(Ok(shared))) = opened.with_untracked(|o| o.clone().map(Some)) {
            save_as(shared, choice);
        }
    };
    view! {
        {move || match opened.get() {
            // A page's height while the link is read, so the footer does not jump down
            // when the assessment arrives (a layout shift on every share link).
            None => view! { <p role="status" class="opening">"Opening the shared assessment…"</p> }.into_any(),
            Some(Err(why)) => view! {
                <section class="panel">
                    <h1>"This link cannot be opened"</h1>
                    <p>{format!("Waypoint could not read the shared assessment: {why}.")}</p>
                    <p>"Ask the sender for the link again, or for the downloaded file, which you can import on the home page."</p>
                    <p><a href="#/">"Go to your assessments"</a></p>
                </section>
            }.into_any(),
            Some(Ok(_)) => view! {
                <div class="shared-banner banner no-print" role="region" aria-label="Shared copy">
                    <p><strong>"A read-only copy from a share link."</strong>" It is not saved in this browser unless you save a copy (with the school's intervention plan)."</p>
                    {move || match saved_as.get() {
                        None if !alike.with(Vec::is_empty) => view! {
                            <div class="school-question" role="group" aria-label="Which school is this?">
                                <p dir="auto">{move || format!("Is “{}” a school already in this browser?", school_name.get())}</p>
                                {alike.get().into_iter().map(|(id, name)| view! {
                                    <button type="button" class="button" dir="auto"
                                        on:click=move |_| answer(SchoolChoice::Existing(id.clone()))>{format!("Yes, it is “{name}”")}</button>
                                }).collect_view()}
                                <button type="button" class="button"
                                    on:click=move |_| answer(SchoolChoice::New(school_name.get_untracked()))>"No, a different school"</button>
                            </div>
                        }.into_any(),
                        None => view! { <button type="button" class="button primary" on:click=save_copy>"Save a copy to this browser"</button> }.into_any(),
                        Some(id) => view! { <p role="status">"Saved. "<a href=Route::Assessment(id).href()>"Open your copy"</a></p> }.into_any(),
                    }}
                </div>
            }.into_any(),
        }}
        <Show when=move || assessment.with(Option::is_some)>
            <Report assessment=assessment school_name=school_name plans=plans baseline=baseline prepared_on=browser::today_iso() />
        </Show>
    }
}
