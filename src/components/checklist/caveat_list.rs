//! What to keep in mind about a result: red flags (Stabilise concerns seen, and a stage far
//! from the school's results) first, then thin evidence, a boundary between stages, ….

use leptos::prelude::*;

use crate::domain::checklist::assessment::Assessment;
use crate::domain::checklist::placement::{red_flags_heading, AssessmentResult};
use crate::domain::improvement::overview::data_check;
use crate::state::AppState;

#[component]
pub fn CaveatList(
    assessment: Memo<Option<Assessment>>,
    result: Memo<Option<AssessmentResult>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let flags = move || {
        result.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.overall
                        .red_flags
                        .iter()
                        .map(|f| f.message())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    // The stage set beside the school's latest result leads the caveats when far from it.
    let messages = move || {
        let stage = result.with(|r| r.as_ref().and_then(|r| r.overall.stage));
        let data = assessment.with(|a| {
            state
                .store
                .with(|s| data_check(s, a.as_ref()?, stage))
                .filter(|c| c.flagged())
                .map(|c| format!("⚠ {}", c.message()))
        });
        result.with(|r| {
            data.into_iter()
                .chain(
                    r.iter()
                        .flat_map(|r| r.overall.caveats.iter().map(|c| c.message())),
                )
                .collect::<Vec<_>>()
        })
    };
    view! {
        {move || {
            let flags = flags();
            (!flags.is_empty()).then(|| view! {
                <div class="red-flags" role="group" aria-label="Red flags">
                    <p class="red-flags-heading">{red_flags_heading(flags.len())}</p>
                    <ul>{flags.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                </div>
            })
        }}
        <ul class="caveats">
            {move || messages().into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
        </ul>
    }
}
