//! A stage shown as a coloured label; the name is always written, so colour is never the only cue.

use leptos::prelude::*;

use crate::domain::base::content::Stage;

#[component]
pub fn StageBadge(#[prop(into)] stage: Signal<Option<Stage>>) -> impl IntoView {
    view! {
        <span class=move || match stage.get() {
            Some(s) => format!("stage-badge stage-{}", s.id()),
            None => "stage-badge stage-none".to_string(),
        }>
            {move || stage.get().map_or("No stage yet", |s| s.name())}
        </span>
    }
}
