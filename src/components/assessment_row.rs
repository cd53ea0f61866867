//! One saved assessment in the list, with open, duplicate, rename and delete.

use leptos::prelude::*;

use crate::browser;
use crate::components::confirm_delete::ConfirmDelete;
use crate::components::stage_badge::StageBadge;
use crate::domain::content::{four_stages, Stage};
use crate::domain::placement::place;
use crate::domain::teams::{encode_key, school_key};
use crate::domain::text::{clamp_chars, MAX_NAME_CHARS};
use crate::route::Route;
use crate::state::AppState;

#[derive(Clone, Debug, PartialEq)]
struct RowSummary {
    school: String,
    scope: String,
    date: String,
    assessors: String,
    answered: usize,
    stage: Option<Stage>,
    tentative: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum RowMode {
    Normal,
    Renaming,
}

#[component]
pub fn AssessmentRow(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lookup_id = id.clone();
    let summary = Memo::new(move |_| {
        state.store.with(|s| {
            s.get(&lookup_id).map(|a| {
                let placement = place(four_stages(), a, |_| true);
                RowSummary {
                    school: a.school.clone(),
                    scope: a.scope.describe(),
                    date: a.date.clone(),
                    assessors: a.assessors.clone(),
                    answered: a.answered_count(four_stages()),
                    stage: placement.stage,
                    tentative: placement.is_tentative(),
                }
            })
        })
    });
    let field = move |f: fn(&RowSummary) -> String| {
        move || summary.with(|s| s.as_ref().map(f).unwrap_or_default())
    };
    let mode = RwSignal::new(RowMode::Normal);
    let new_name = RwSignal::new(String::new());
    let href = Route::Assessment(id.clone()).href();
    // Follows renames: the overview is found by the school's current name.
    let school_href = move || {
        summary.with(|s| {
            s.as_ref()
                .map(|s| Route::School(encode_key(&school_key(&s.school))).href())
        })
    };
    let total = four_stages().features.len();
    let heading_id = format!("row-{id}");
    let rename_input_id = format!("rename-{id}");

    let (dup_id, rename_id, delete_id) = (id.clone(), id.clone(), id.clone());
    let duplicate = move |_| {
        let new_id = browser::new_id();
        state.edit(|s| {
            s.duplicate(&dup_id, new_id, browser::now_ms());
        });
    };
    let start_rename = move |_| {
        new_name.set(
            summary.with_untracked(|s| s.as_ref().map(|s| s.school.clone()).unwrap_or_default()),
        );
        mode.set(RowMode::Renaming);
    };
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        if name.trim().is_empty() {
            return;
        }
        state.edit(|s| {
            s.rename(&rename_id, &name, browser::now_ms());
        });
        mode.set(RowMode::Normal);
    };
    let delete = Callback::new(move |_: ()| state.delete(&delete_id));

    view! {
        <li class="assessment-row" aria-labelledby=heading_id.clone()>
            <div class="row-main">
                <h2 id=heading_id.clone() class="row-title">
                    <a href=href.clone() dir="auto">{field(|s| s.school.clone())}</a>
                </h2>
                <p class="meta">
                    <span dir="auto">{field(|s| s.scope.clone())}</span>
                    <span aria-hidden="true">" · "</span>
                    <time>{field(|s| s.date.clone())}</time>
                    <Show when=move || summary.with(|s| s.as_ref().is_some_and(|s| !s.assessors.is_empty()))>
                        <span aria-hidden="true">" · "</span>
                        <span dir="auto">{field(|s| s.assessors.clone())}</span>
                    </Show>
                </p>
                <p class="row-progress">
                    {move || summary.with(|s| s.as_ref().map(|s| format!("{} of {total} answered", s.answered)))}
                </p>
            </div>
            <div class="row-stage">
                <span class="visually-hidden">"Best fit: "</span>
                <StageBadge stage=Signal::derive(move || summary.with(|s| s.as_ref().and_then(|s| s.stage)))/>
                <Show when=move || summary.with(|s| s.as_ref().is_some_and(|s| s.tentative))>
                    <span class="tentative">"provisional or mixed"</span>
                </Show>
            </div>
            <div class="row-actions">
                {move || match mode.get() {
                    RowMode::Normal => view! {
                        <a class="button primary" href=href.clone()>"Open"</a>
                        <a class="button" href=school_href>"School overview"</a>
                        <button type="button" class="button" on:click=duplicate.clone()>"Duplicate"</button>
                        <button type="button" class="button" on:click=start_rename>"Rename"</button>
                        <ConfirmDelete question="Delete this assessment?" on_confirm=delete />
                    }.into_any(),
                    RowMode::Renaming => {
                        let input_id = rename_input_id.clone();
                        view! {
                            <form class="inline-form" on:submit=rename.clone()>
                                <label for=input_id.clone()>"New school name"</label>
                                <input id=input_id type="text" dir="auto" autofocus
                                    maxlength=MAX_NAME_CHARS.to_string()
                                    prop:value=move || new_name.get()
                                    on:input=move |ev| new_name.set(clamp_chars(&event_target_value(&ev), MAX_NAME_CHARS)) />
                                <button type="submit" class="button primary">"Save name"</button>
                                <button type="button" class="button" on:click=move |_| mode.set(RowMode::Normal)>"Cancel"</button>
                            </form>
                        }.into_any()
                    }
                }}
            </div>
        </li>
    }
}
