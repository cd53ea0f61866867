//! The meanings of the glossary's terms that a text uses, shown beneath it, so that an
//! abbreviation is explained wherever it appears.

use leptos::prelude::*;

use crate::domain::base::glossary::terms_in;

#[component]
pub fn Terms(
    /// The text the terms come from.
    text: String,
) -> impl IntoView {
    let found = terms_in(&text);
    (!found.is_empty()).then(|| {
        view! {
            <p class="terms">
                {found.into_iter().map(|t| view! {
                    <span class="term"><abbr>{t.term}</abbr>{format!(": {}", t.meaning)}</span>
                }).collect_view()}
            </p>
        }
    })
}
