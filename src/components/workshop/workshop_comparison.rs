//! This workshop against one of the trust's earlier ones, practice by practice: the same
//! trust by its record, whatever it is called now.

use leptos::prelude::*;

use crate::components::workshop::spectrum_profile::describe_position;
use crate::domain::base::dates::display;
use crate::domain::workshop::aas::{aas, Workshop};
use crate::domain::workshop::comparison::{comparable, compare};
use crate::state::AppState;

#[component]
pub fn WorkshopComparison(workshop: Memo<Option<Workshop>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let others = move || {
        workshop.with(|w| {
            w.as_ref().map_or_else(Vec::new, |w| {
                state.store.with(|s| {
                    comparable(s, w)
                        .into_iter()
                        .map(|o| {
                            (
                                o.id.clone(),
                                format!("{} ({})", s.workshop_title(o), display(&o.date)),
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    };
    let chosen = RwSignal::new(None::<String>);
    let earlier = move || {
        chosen
            .get()
            .or_else(|| others().first().map(|o| o.0.clone()))
    };
    view! {
        <Show when=move || !others().is_empty()>
            <section class="panel compare" aria-labelledby="compare-heading">
                <h2 id="compare-heading">"Compared with an earlier workshop"</h2>
                <label for="compare-with">"Compare with"</label>
                <select id="compare-with" on:change=move |ev| chosen.set(Some(event_target_value(&ev)))>
                    {move || others().into_iter().map(|(id, name)| {
                        let selected = earlier().as_deref() == Some(id.as_str());
                        view! { <option value=id selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
                <div class="table-scroll" role="region" aria-label="Practices then and now" tabindex="0">
                    <table class="workshop-compare">
                        <thead><tr>
                            <th scope="col">"Practice"</th><th scope="col">"Then: now → wanted"</th>
                            <th scope="col">"This time: now → wanted"</th><th scope="col">"Now moved"</th>
                        </tr></thead>
                        <tbody>
                            {move || {
                                let Some(id) = earlier() else { return Vec::new() };
                                state.store.with(|s| {
                                    let (Some(current), Some(then)) = (workshop.get(), s.workshop(&id)) else { return Vec::new() };
                                    compare(aas(), &current, then).into_iter().map(|c| view! {
                                        <tr>
                                            <th scope="row">{c.text.clone()}<span class="practice-meta">{format!(" · {}", c.area)}</span></th>
                                            <td>{format!("{} → {}", describe_position(c.earlier_now), describe_position(c.earlier_desired))}</td>
                                            <td>{format!("{} → {}", describe_position(c.now), describe_position(c.desired))}</td>
                                            <td>{c.moved().map_or("–".into(), |m| if m.abs() < 0.05 { "no change".to_string() } else if m > 0.0 { format!("{m:.1} towards standardisation") } else { format!("{:.1} towards autonomy", -m) })}</td>
                                        </tr>
                                    }).collect::<Vec<_>>()
                                })
                            }}
                        </tbody>
                    </table>
                </div>
            </section>
        </Show>
    }
}
