//! How a board placed each practice of an area, as counts at each position, now and
//! wanted, with disagreement in words on the stated scale: readable for a ten-person
//! board, and naming nobody.

use leptos::prelude::*;

use crate::domain::workshop::aas::{Position, WorkshopResults};
use crate::domain::workshop::tally::{counts, disagreement_words};

#[component]
pub fn PositionSummary(
    results: Memo<WorkshopResults>,
    /// The practices to show, by id (one slide's worth).
    practices: Vec<String>,
) -> impl IntoView {
    view! {
        <div class="table-scroll" role="region" aria-label="How many placed each practice where" tabindex="0">
            <table class="summary-table">
                <thead><tr>
                    <th scope="col">"Practice"</th><th scope="col">"When"</th>
                    {Position::ALL.into_iter().map(|p| view! { <th scope="col" class="num">{p.label()}</th> }).collect_view()}
                    <th scope="col">"Disagreement"</th>
                </tr></thead>
                <tbody>
                    {move || results.with(|r| r.practices.iter().filter(|p| practices.contains(&p.practice_id)).map(|p| {
                        let c = counts(&p.views);
                        let row = |values: [usize; 5]| values.into_iter().map(|n| view! {
                            <td class="count" data-n=n.to_string()>{n.to_string()}</td>
                        }).collect_view();
                        let spread = p.disagreement();
                        let placed = p.mean_now.is_some() || p.mean_desired.is_some();
                        view! {
                            <tr>
                                <th scope="row" rowspan="2">{p.text.clone()}</th>
                                <td class="when">"Now"</td>
                                {row(c.now)}
                                <td rowspan="2">{if placed { format!("{spread} of 4: {}", disagreement_words(f64::from(spread))) } else { "no answers".to_string() }}</td>
                            </tr>
                            <tr>
                                <td class="when">"Wanted"</td>
                                {row(c.desired)}
                            </tr>
                        }
                    }).collect_view())}
                </tbody>
            </table>
        </div>
    }
}
