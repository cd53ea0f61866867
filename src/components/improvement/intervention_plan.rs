//! The school's intervention plan: one per school, the same on each of its assessments and on
//! its overview, each intervention with its reviews, and the form to commission another.

use crate::domain::improvement::TrustRecords;
use leptos::prelude::*;

use crate::components::improvement::commission_form::CommissionForm;
use crate::components::improvement::intervention_card::InterventionCard;
use crate::state::AppState;

#[component]
pub fn InterventionPlan(
    /// The school's id.
    #[prop(into)]
    school: Signal<String>,
    /// The assessment shown, if any: interventions commissioned here are linked to it.
    assessment_id: Option<String>,
    /// Areas of need to offer, weakest first.
    #[prop(into)]
    focus_options: Signal<Vec<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ids = Memo::new(move |_| {
        let key = school.get();
        state
            .store
            .with(|s| s.plans_of(&key).map(|p| p.id.clone()).collect::<Vec<_>>())
    });
    let here = StoredValue::new(assessment_id.clone());
    // Open again with what was typed when the form had a draft.
    let adding = RwSignal::new(crate::components::ui::draft::has_draft(&format!(
        "commission-{}-open",
        school.get_untracked()
    )));
    let done = Callback::new(move |_: ()| adding.set(false));
    view! {
        <section class="intervention-plan panel" aria-labelledby="intervention-plan-heading">
            <h2 id="intervention-plan-heading">"Intervention plan"</h2>
            <p class="lead">"One plan for the school, the same on each of its assessments and on its overview. Commission interventions for the needs a diagnosis shows, then record each review. Overdue reviews are flagged here and on the trust overview."</p>
            <Show when=move || !ids.with(Vec::is_empty)
                fallback=|| view! { <p class="empty-note">"No interventions commissioned yet."</p> }>
                <div class="intervention-list">
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <InterventionCard id=id here=here.get_value() />
                    </For>
                </div>
            </Show>
            <div class="no-print">
                <Show when=move || adding.get() fallback=move || view! {
                    <button type="button" class="button primary" on:click=move |_| adding.set(true)>"Commission an intervention"</button>
                }>
                    <div class="commission panel">
                        <h3>"Commission an intervention"</h3>
                        <CommissionForm school=school assessment_id=assessment_id.clone()
                            focus_options=focus_options on_done=done />
                    </div>
                </Show>
            </div>
        </section>
    }
}
