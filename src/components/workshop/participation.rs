//! Who answered how much of the meeting's practices: named members by name, anonymous
//! answers only as counts (largest first, so the order they arrived in tells nothing).

use leptos::prelude::*;

use crate::components::ui::pager::Pager;
use crate::components::workshop::reading::with_workshop;
use crate::domain::workshop::aas::aas;
use crate::domain::workshop::tally::{participation, placed_words};

#[component]
pub fn Participation(id: String) -> impl IntoView {
    let counted = Memo::new(move |_| with_workshop(&id, |w| participation(aas(), w)));
    // Named people a page at a time (a workshop of thousands would be thousands of lines).
    let page = RwSignal::new(0usize);
    let pages =
        Signal::derive(move || counted.with(|p| p.as_ref().map_or(1, |p| p.named_page(0).1.pages)));
    view! {
        <section class="panel participation" aria-labelledby="participation-heading">
            <h2 id="participation-heading">"Who answered how much"</h2>
            {move || counted.with(|p| p.as_ref().map(|p| {
                let people = p.named.len() + p.anonymous.len();
                let summary = match (people, p.partial()) {
                    (0, _) => "Nobody has answered yet.".to_string(),
                    (n, 0) => format!("{} placed all {} practices of this meeting.", if n == 1 { "The one member".to_string() } else { format!("All {n} members") }, p.asked),
                    (n, k) => format!("{k} of the {n} members placed only some of the {} practices of this meeting: read their results with that in mind.", p.asked),
                };
                view! {
                    <p class="participation-summary">{summary}</p>
                    <ul class="participation-list">
                        {p.named_page(page.get()).0.iter().map(|a| view! {
                            <li dir="auto" class:partial=a.placed < p.asked>{format!("{}: {}", a.name, placed_words(a.placed, p.asked))}</li>
                        }).collect_view()}
                        {(!p.anonymous.is_empty()).then(|| view! {
                            <li class="anonymous-counts">{format!("Anonymous answers ({}): {}", p.anonymous.len(),
                                p.anonymous.iter().map(|&n| placed_words(n, p.asked)).collect::<Vec<_>>().join(", "))}</li>
                        })}
                    </ul>
                    {(!p.anonymous.is_empty()).then_some(view! {
                        <p class="hint">"Anonymous answers are counted together, largest first, so nobody can tell whose is whose."</p>
                    })}
                }
            }))}
            <Show when=move || { pages.get() > 1 }>
                <Pager label="Pages of members who answered" previous="Previous members" next="Next members"
                    page=page pages=pages />
            </Show>
        </section>
    }
}
