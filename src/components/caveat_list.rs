//! What to keep in mind about a result (thin evidence, a boundary between stages, …).

use leptos::prelude::*;

use crate::domain::placement::AssessmentResult;

#[component]
pub fn CaveatList(result: Memo<Option<AssessmentResult>>) -> impl IntoView {
    let messages = move || {
        result.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.overall
                        .caveats
                        .iter()
                        .map(|c| c.message())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <ul class="caveats">
            {move || messages().into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
        </ul>
    }
}
