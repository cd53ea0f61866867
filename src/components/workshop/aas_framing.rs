//! What the three positions mean, and why standardisation helps and is hard: the seed's
//! framing, for a board that has not used the tool before.

use leptos::prelude::*;

use crate::domain::workshop::aas::aas;

#[component]
pub fn AasFraming() -> impl IntoView {
    let tool = aas();
    let list = |items: &'static [String]| {
        view! { <ul>{items.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}</ul> }
    };
    view! {
        <details class="framing panel">
            <summary>"About the Autonomy–Alignment–Standardisation tool"</summary>
            <div class="framing-grid">
                {tool.positions.iter().map(|p| view! {
                    <section class=format!("position-card position-{}", p.id)>
                        <h3>{p.name.clone()}</h3>
                        {p.meaning.iter().map(|m| view! { <p>{m.clone()}</p> }).collect_view()}
                    </section>
                }).collect_view()}
            </div>
            <h3>"What are the key factors underpinning this thinking?"</h3>
            {list(&tool.key_factors)}
            <h3>"What are the benefits of greater Standardisation across the MAT?"</h3>
            {list(&tool.benefits)}
            <h3>{tool.challenges_intro.clone()}</h3>
            {list(&tool.challenges)}
            <h3>"How Alignment across a MAT is a positive step towards greater Standardisation"</h3>
            {tool.alignment_intro.iter().map(|t| view! { <p>{t.clone()}</p> }).collect_view()}
            {list(&tool.alignment_focus_areas)}
            <p class="source">{tool.source.clone()}</p>
        </details>
    }
}
