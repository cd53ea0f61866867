//! A ranked list of practices (largest gaps, where the board disagrees most, where it
//! agrees), the same on the results page and on the slides.

use leptos::prelude::*;

use crate::components::workshop::spectrum_profile::{describe_gap, describe_position};
use crate::domain::workshop::aas::{aas, PracticeResult};
use crate::domain::workshop::tally::disagreement_words;

#[component]
pub fn PracticeList(
    items: Vec<PracticeResult>,
    empty: &'static str,
    /// Show how far apart the answers are (else the gap between now and wanted).
    show_spread: bool,
) -> impl IntoView {
    if items.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    view! {
        <ol class="ranked">
            {items.into_iter().map(|p| {
                let place = aas().place_name(&p.area_id, &p.part_name);
                view! {
                    <li>
                        <span class="practice-text">{p.text.clone()}</span>
                        <span class="practice-meta">
                            {if show_spread {
                                format!("{place} · {} · disagreement {} of 4 ({}) · now {}, wanted {}", p.column.suggestion(), p.disagreement(),
                                    disagreement_words(f64::from(p.disagreement())),
                                    describe_position(p.mean_now), describe_position(p.mean_desired))
                            } else {
                                format!("{place} · {} · now {}, wanted {} · gap {}", p.column.suggestion(),
                                    describe_position(p.mean_now), describe_position(p.mean_desired), describe_gap(p.gap))
                            }}
                        </span>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}
