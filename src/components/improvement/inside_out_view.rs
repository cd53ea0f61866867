//! A school's concerns and priorities ring by ring, from powerful learning at the centre
//! out to the wider system, in the source's words for each ring; the mapping of features
//! and themes to rings is Waypoint's and says so.

use leptos::prelude::*;

use crate::browser;
use crate::domain::base::content::four_stages;
use crate::domain::base::dates::display;
use crate::domain::improvement::cycle::trust_cycle;
use crate::domain::improvement::inside_out::inside_out;
use crate::state::AppState;

#[component]
pub fn InsideOutView(
    /// The school's id.
    school: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let key = StoredValue::new(school);
    let today = StoredValue::new(browser::today_iso());
    let content = trust_cycle();
    let features = &four_stages().features;
    view! {
        <section class="panel inside-out" aria-labelledby="inside-out-heading">
            <h2 id="inside-out-heading">"From the inside out"</h2>
            <blockquote class="source-quote">{content.inside_out.clone()}</blockquote>
            <p class="hint">"This school's concerns (Stabilise features seen), priorities (features of its stage not yet clearly seen) and open interventions, ring by ring from the centre out."</p>
            {move || {
                let view = state.store.with(|s| inside_out(four_stages(), s, &key.get_value(), &today.get_value()));
                view! {
                    <p class="meta">{match &view.assessed_on {
                        Some(on) => format!("From the assessment of {} and the interventions open now.", display(on)),
                        None => "No assessment yet: only the interventions open now.".to_string(),
                    }}</p>
                    <ol class="rings">
                        {view.rings.into_iter().map(|r| view! {
                            <li class=format!("ring ring-{}", r.ring.id)>
                                <h3>{r.ring.name.clone()}</h3>
                                <details>
                                    <summary>"The source's words"</summary>
                                    <p>{r.ring.intro.clone()}</p>
                                    {(!r.ring.points.is_empty()).then(|| view! {
                                        <ul>{r.ring.points.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
                                    })}
                                </details>
                                {if r.items.is_empty() {
                                    view! { <p class="empty-note">"Nothing here now."</p> }.into_any()
                                } else {
                                    view! { <ul class="ring-items">{r.items.into_iter().map(|(kind, text)| view! {
                                        <li class=format!("ring-item kind-{}", kind.id())><strong>{format!("{}: ", kind.label())}</strong><span dir="auto">{text}</span></li>
                                    }).collect_view()}</ul> }.into_any()
                                }}
                            </li>
                        }).collect_view()}
                    </ol>
                    {(!view.unplaced.is_empty()).then(|| view! {
                        <p>"Interventions whose area of need is not one of Waypoint's themes, so not placed in a ring:"</p>
                        <ul>{view.unplaced.into_iter().map(|t| view! { <li dir="auto">{t}</li> }).collect_view()}</ul>
                    })}
                }
            }}
            <details class="rule">
                <summary>"How features map to rings (Waypoint's mapping)"</summary>
                <p>{content.ring_rule.clone()}</p>
                <dl>
                    {content.rings.iter().map(|r| view! {
                        <dt>{r.name.clone()}</dt>
                        <dd><ul>{content.ring_features.get(&r.id).into_iter().flatten()
                            .filter_map(|id| features.iter().find(|f| &f.id == id))
                            .map(|f| view! { <li>{format!("{} ({})", f.text, f.stage.name())}</li> }).collect_view()}</ul></dd>
                    }).collect_view()}
                </dl>
            </details>
        </section>
    }
}
