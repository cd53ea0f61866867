//! This workshop against one of the trust's earlier ones: area by area first, then row by
//! row (each area's practices behind its own summary). The same trust by its record,
//! whatever it is called now.

use leptos::prelude::*;

use crate::components::workshop::spectrum_profile::describe_position;
use crate::domain::base::dates::display;
use crate::domain::workshop::aas::{aas, WorkshopResults};
use crate::domain::workshop::comparison::{comparable, compare, compare_areas, moved_words};
use crate::state::AppState;

#[component]
pub fn WorkshopComparison(id: String, results: Memo<WorkshopResults>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let others = Memo::new(move |_| {
        state.store.with(|s| {
            s.workshop(&id).map_or_else(Vec::new, |w| {
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
    });
    let chosen = RwSignal::new(None::<String>);
    let earlier = move || {
        chosen
            .get()
            .or_else(|| others.get().first().map(|o| o.0.clone()))
    };
    view! {
        <Show when=move || !others.get().is_empty()>
            <section class="panel compare" aria-labelledby="compare-heading">
                <h2 id="compare-heading">"Compared with an earlier workshop"</h2>
                <label for="compare-with">"Compare with"</label>
                <select id="compare-with" on:change=move |ev| chosen.set(Some(event_target_value(&ev)))>
                    {move || others.get().into_iter().map(|(id, name)| {
                        let selected = earlier().as_deref() == Some(id.as_str());
                        view! { <option value=id selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
                {move || {
                    let id = earlier()?;
                    let changes = state.store.with(|s| {
                        let then = s.workshop(&id)?;
                        Some(results.with(|now| compare(aas(), now, then)))
                    })?;
                    let areas = compare_areas(&changes, aas());
                    let then_now = |now: Option<f64>, desired: Option<f64>| format!("{} → {}", describe_position(now), describe_position(desired));
                    Some(view! {
                        <h3>"Area by area"</h3>
                        <div class="table-scroll" role="region" aria-label="Areas then and now" tabindex="0">
                            <table class="workshop-compare-areas">
                                <thead><tr>
                                    <th scope="col">"Area"</th><th scope="col">"Then: now → wanted"</th>
                                    <th scope="col">"This time: now → wanted"</th><th scope="col">"Now moved"</th>
                                </tr></thead>
                                <tbody>
                                    {areas.iter().map(|a| view! {
                                        <tr data-area=a.area_id.clone()>
                                            <th scope="row">{a.name.clone()}<span class="practice-meta">{format!(" · {} practice{}", a.practices, if a.practices == 1 { "" } else { "s" })}</span></th>
                                            <td>{then_now(a.earlier_now, a.earlier_desired)}</td>
                                            <td>{then_now(a.now, a.desired)}</td>
                                            <td>{moved_words(a.moved())}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <h3>"Row by row"</h3>
                        {areas.iter().map(|a| {
                            let rows: Vec<_> = changes.iter().filter(|c| c.area_id == a.area_id).cloned().collect();
                            view! {
                                <details class="compare-rows" data-area=a.area_id.clone()>
                                    <summary>{format!("{}: {} practice{}", a.name, rows.len(), if rows.len() == 1 { "" } else { "s" })}</summary>
                                    <div class="table-scroll" role="region" aria-label=format!("{}, practices then and now", a.name) tabindex="0">
                                        <table class="workshop-compare">
                                            <thead><tr>
                                                <th scope="col">"Practice"</th><th scope="col">"Then: now → wanted"</th>
                                                <th scope="col">"This time: now → wanted"</th><th scope="col">"Now moved"</th>
                                            </tr></thead>
                                            <tbody>
                                                {rows.into_iter().map(|c| view! {
                                                    <tr>
                                                        <th scope="row">{c.text.clone()}</th>
                                                        <td>{then_now(c.earlier_now, c.earlier_desired)}</td>
                                                        <td>{then_now(c.now, c.desired)}</td>
                                                        <td>{moved_words(c.moved())}</td>
                                                    </tr>
                                                }).collect_view()}
                                            </tbody>
                                        </table>
                                    </div>
                                </details>
                            }
                        }).collect_view()}
                    })
                }}
            </section>
        </Show>
    }
}
