//! Says that a reassessment started from the last answers, and how far the review of
//! them has got.

use leptos::prelude::*;

use crate::domain::base::content::four_stages;
use crate::domain::base::dates::display;
use crate::domain::checklist::assessment::Assessment;

#[component]
pub fn PrefillBanner(assessment: Memo<Option<Assessment>>) -> impl IntoView {
    let total = four_stages().features.len();
    move || {
        assessment.with(|a| {
            let a = a.as_ref()?;
            let date = display(&a.prefilled.as_ref()?.date);
            let (reviewed, changed) = a.review_counts();
            Some(view! {
                <div class="prefill-banner" role="region" aria-label="Reassessment">
                    <p><strong>{format!("Pre-filled from {date}: review each answer.")}</strong>
                        " Keep an answer that still holds, or choose another; each is marked as reviewed or changed."</p>
                    <p class="prefill-progress">{format!("{reviewed} of {total} reviewed · {changed} changed")}</p>
                </div>
            })
        })
    }
}
