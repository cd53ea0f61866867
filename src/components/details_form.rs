//! The form for an assessment's details, used to start one and to edit one.

use leptos::prelude::*;

use crate::domain::assessment::{AssessmentDetails, Phase, ScopeKind};
use crate::domain::text::{clamp_chars, MAX_NAME_CHARS};

#[component]
pub fn DetailsForm(
    initial: AssessmentDetails,
    submit_label: &'static str,
    on_submit: Callback<AssessmentDetails>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let school = RwSignal::new(initial.school.clone());
    let kind = RwSignal::new(initial.scope.kind());
    let scope_name = RwSignal::new(initial.scope.name().to_string());
    let date = RwSignal::new(initial.date.clone());
    let assessors = RwSignal::new(initial.assessors.clone());
    let initial_phase = initial.phase;
    let phase = RwSignal::new(initial_phase);
    let problem = RwSignal::new(None::<String>);
    let form_id = format!("details-{}", crate::browser::new_id());
    let field = |name: &str| format!("{form_id}-{name}");
    let scope_name_id = field("scope-name");
    let phase_id = field("phase");

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let details = AssessmentDetails {
            school: school.get_untracked(),
            scope: kind.get_untracked().with_name(&scope_name.get_untracked()),
            date: date.get_untracked(),
            assessors: assessors.get_untracked(),
            phase: phase.get_untracked(),
        };
        match details.validate() {
            Ok(()) => {
                problem.set(None);
                on_submit.run(details);
            }
            Err(p) => problem.set(Some(p.message())),
        }
    };
    let name_input = move |signal: RwSignal<String>| {
        move |ev| signal.set(clamp_chars(&event_target_value(&ev), MAX_NAME_CHARS))
    };

    view! {
        <form class="details-form" on:submit=submit novalidate>
            <div class="field">
                <label for=field("school")>"School"</label>
                <input id=field("school") name="school" type="text" dir="auto" autocomplete="organization"
                    maxlength=MAX_NAME_CHARS.to_string()
                    prop:value=move || school.get() on:input=name_input(school) />
            </div>
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
                <div class="field">
                    <label for=field("date")>"Date"</label>
                    <input id=field("date") name="date" type="date"
                        prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for=field("assessors")>"Assessed by " <span class="optional">"(optional)"</span></label>
                    <input id=field("assessors") name="assessors" type="text" dir="auto" autocomplete="name"
                        maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=move || assessors.get() on:input=name_input(assessors) />
                </div>
            </div>
            <p class="form-error" role="alert">{move || problem.get()}</p>
            <div class="actions">
                <button type="submit" class="button primary">{submit_label}</button>
                <button type="button" class="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </form>
    }
}
