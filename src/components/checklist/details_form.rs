//! The form for an assessment's details, used to start one and to edit one.
//!
//! The school is chosen from those kept (the list is offered as the user types); a name
//! that only looks like a kept school's is put to the user, so a second record of the
//! same school is never made by a slip of typing.

use crate::domain::checklist::SchoolRecords;
use leptos::prelude::*;

use crate::components::ui::date_field::{DateField, FarDateConfirmation};
use crate::components::ui::error_summary::{ErrorSummary, Problems};
use crate::domain::base::school::{NameMatch, SchoolChoice};
use crate::domain::base::text::{clamp_chars, MAX_NAME_CHARS};
use crate::domain::checklist::assessment::{AssessmentDetails, Phase, ScopeKind};
use crate::state::AppState;

/// The fields a details form keeps as drafts (under its `draft_key`).
const DRAFTED: [&str; 3] = ["school", "scope", "assessors"];

/// Forgets what was typed into the details form kept under `draft_key`, once it is saved.
pub fn forget_details_draft(draft_key: &str) {
    for what in DRAFTED {
        crate::components::ui::draft::forget(&format!("{draft_key}-{what}"));
    }
}

#[component]
pub fn DetailsForm(
    initial: AssessmentDetails,
    /// The kept school the form starts with (coming from that school's page).
    #[prop(default = None)]
    school_id: Option<String>,
    submit_label: &'static str,
    /// Where the typed text is kept until it is saved (see [`forget_details_draft`]).
    #[prop(optional)]
    draft_key: Option<String>,
    on_submit: Callback<(AssessmentDetails, SchoolChoice)>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Typed text is kept as a draft until it is saved.
    let typed = |what: &str, initial: String| match &draft_key {
        Some(key) => crate::components::ui::draft::draft(format!("{key}-{what}"), initial),
        None => RwSignal::new(initial),
    };
    let school = typed("school", initial.school.clone());
    // Kept schools whose names look like the one typed, and the user's answer.
    let alike = RwSignal::new(Vec::<(String, String)>::new());
    let chosen = RwSignal::new(school_id.map(SchoolChoice::Existing));
    let kind = RwSignal::new(initial.scope.kind());
    let scope_name = typed("scope", initial.scope.name().to_string());
    let date = RwSignal::new(initial.date.clone());
    let assessors = typed("assessors", initial.assessors.clone());
    let initial_phase = initial.phase;
    let phase = RwSignal::new(initial_phase);
    let problems = RwSignal::new(Problems::new());
    let form_id = format!("details-{}", crate::browser::new_id());
    let field = |name: &str| format!("{form_id}-{name}");
    let scope_name_id = field("scope-name");
    let phase_id = field("phase");
    let id_of = StoredValue::new(form_id.clone());
    let full = move |name: &str| format!("{}-{name}", id_of.get_value());

    let date_confirmed = FarDateConfirmation::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let details = AssessmentDetails {
            school: school.get_untracked(),
            scope: kind.get_untracked().with_name(&scope_name.get_untracked()),
            date: date.get_untracked(),
            assessors: assessors.get_untracked(),
            phase: phase.get_untracked(),
        };
        let mut found: Problems = details
            .problems()
            .iter()
            .map(|p| (full(p.field()), p.message()))
            .collect();
        if let Some(why) = date_confirmed.problem(&details.date) {
            found.push((FarDateConfirmation::box_id(&full("date")), why));
        }
        if !found.is_empty() {
            problems.set(found);
            return;
        }
        let typed = details.school.trim().to_string();
        let choice = match chosen.get_untracked() {
            Some(choice) => choice,
            None => match state.store.with_untracked(|s| s.match_school(&typed)) {
                NameMatch::Same(id) => SchoolChoice::Existing(id),
                NameMatch::None => SchoolChoice::New(typed),
                NameMatch::Alike(ids) => {
                    let names = state.store.with_untracked(|s| {
                        ids.iter()
                            .map(|id| (id.clone(), s.school_name(id).to_string()))
                            .collect()
                    });
                    let first = format!("{}-{}", full("same-school"), ids[0]);
                    alike.set(names);
                    problems.set(vec![(
                        first,
                        "Choose whether this is a school already in Waypoint.".into(),
                    )]);
                    return;
                }
            },
        };
        problems.set(Vec::new());
        on_submit.run((details, choice));
    };
    let school_names = Memo::new(move |_| {
        state.store.with(|s| {
            let mut names: Vec<String> = s.schools.iter().map(|x| x.name.clone()).collect();
            crate::domain::base::order::sort_by_key(&mut names, |n| n.to_lowercase());
            names
        })
    });
    let list_id = field("schools");
    let same_group = field("same-school");
    let new_school_id = field("new-school");
    let typed_school = move || school.get().trim().to_string();
    let name_input = move |signal: RwSignal<String>| {
        move |ev| signal.set(clamp_chars(&event_target_value(&ev), MAX_NAME_CHARS))
    };

    view! {
        <form class="details-form" on:submit=submit novalidate>
            <ErrorSummary problems=problems />
            <div class="field">
                <label for=field("school")>"School"</label>
                <p class="hint" id=field("school-hint")>"Choose a school already in Waypoint as you type, or enter a new one."</p>
                <input id=field("school") name="school" type="text" dir="auto" autocomplete="off"
                    aria-describedby=field("school-hint")
                    list=list_id.clone()
                    maxlength=MAX_NAME_CHARS.to_string()
                    prop:value=move || school.get()
                    on:input=move |ev| {
                        school.set(clamp_chars(&event_target_value(&ev), MAX_NAME_CHARS));
                        alike.set(Vec::new());
                        chosen.set(None);
                    } />
                <datalist id=list_id>
                    {move || school_names.get().into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
                </datalist>
            </div>
            <Show when=move || !alike.with(Vec::is_empty)>
                <fieldset class="field school-question">
                    <legend>{move || format!("Is “{}” a school already in Waypoint?", typed_school())}</legend>
                    {let same_group = same_group.clone(); move || alike.get().into_iter().map(|(id, name)| {
                        let radio_id = format!("{same_group}-{id}");
                        let group = same_group.clone();
                        let pick = SchoolChoice::Existing(id.clone());
                        let is_picked = pick.clone();
                        view! {
                            <div class="choice">
                                <input type="radio" name=group id=radio_id.clone()
                                    prop:checked=move || chosen.get() == Some(is_picked.clone())
                                    on:change=move |_| chosen.set(Some(pick.clone())) />
                                <label for=radio_id dir="auto">{format!("Yes, it is “{name}”")}</label>
                            </div>
                        }
                    }).collect_view()}
                    <div class="choice">
                        <input type="radio" name=same_group.clone() id=new_school_id.clone()
                            prop:checked=move || matches!(chosen.get(), Some(SchoolChoice::New(_)))
                            on:change=move |_| chosen.set(Some(SchoolChoice::New(typed_school()))) />
                        <label for=new_school_id.clone() dir="auto">{move || format!("No, “{}” is a different school", typed_school())}</label>
                    </div>
                </fieldset>
            </Show>
            <div class="field-row">
                <div class="field">
                    <label for=field("scope")>"What are you assessing?"</label>
                    <select id=field("scope") name="scope"
                        on:change=move |ev| {
                            if let Some(k) = ScopeKind::from_id(&event_target_value(&ev)) {
                                kind.set(k);
                            }
                        }>
                        {ScopeKind::ALL.into_iter().map(|k| view! {
                            <option value=k.id() selected=move || kind.get() == k>{k.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Show when=move || kind.get() != ScopeKind::WholeSchool>
                    <div class="field">
                        <label for=scope_name_id.clone()>
                            {move || format!("Name of the {}", kind.get().label().to_lowercase())}
                        </label>
                        <input id=scope_name_id.clone() name="scope-name" type="text" dir="auto"
                            maxlength=MAX_NAME_CHARS.to_string()
                            prop:value=move || scope_name.get() on:input=name_input(scope_name) />
                    </div>
                    <div class="field">
                        <label for=phase_id.clone()>"Early Years or Year 6?"</label>
                        <select id=phase_id.clone() on:change=move |ev| phase.set(Phase::from_id(&event_target_value(&ev)))>
                            <option value="" selected=initial_phase.is_none()>"Tell from the name"</option>
                            <option value="early_years" selected=initial_phase == Some(Phase::EarlyYears)>"Early Years"</option>
                            <option value="year_6" selected=initial_phase == Some(Phase::Year6)>"Year 6"</option>
                            <option value="neither" selected=initial_phase == Some(Phase::Neither)>"Neither"</option>
                        </select>
                    </div>
                </Show>
            </div>
            <div class="field-row">
                <DateField id=field("date") label="Date" value=date confirm=date_confirmed />
                <div class="field">
                    <label for=field("assessors")>"Assessed by " <span class="optional">"(optional)"</span></label>
                    <input id=field("assessors") name="assessors" type="text" dir="auto" autocomplete="name"
                        maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=move || assessors.get() on:input=name_input(assessors) />
                </div>
            </div>
            <div class="actions">
                <button type="submit" class="button primary">{submit_label}</button>
                <button type="button" class="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </form>
    }
}
