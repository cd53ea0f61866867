//! What the board sees: each area on the spectrum, the largest gaps, where it disagrees,
//! how many placed each practice where (names only when shown on purpose, and never for
//! fewer than three people), each role's view, and the trust's earlier workshops.
//! "Present" shows the results as full-screen slides.

use leptos::prelude::*;

use crate::components::ui::not_found::{Missing, NotFound};

use crate::browser;
use crate::components::workshop::participation::Participation;
use crate::components::workshop::ranked_practices::PracticeList;
use crate::components::workshop::reading::{self, with_workshop};
use crate::components::workshop::role_views::RoleViews;
use crate::components::workshop::spectrum_profile::SpectrumProfile;
use crate::components::workshop::workshop_comparison::WorkshopComparison;
use crate::domain::workshop::aas::{aas, Member, Position, PracticeResult};
use crate::domain::workshop::tally::{
    counts, may_show, Counts, AGREEMENT_EMPTY, AGREEMENT_NOTE, DISAGREEMENT_SCALE, HIDDEN_REASON,
};
use crate::route::Route;

/// Who placed a practice at a position: a count of members, or their names when shown
/// on purpose (looked up only then).
fn who(
    p: &PracticeResult,
    counted: &Counts,
    members: &[Member],
    position: Position,
    now: bool,
    show_names: bool,
) -> String {
    let at = usize::from(position.value());
    match (if now { counted.now[at] } else { counted.desired[at] }, show_names) {
        (0, _) => String::new(),
        (n, false) => format!("{n} {}", if n == 1 { "member" } else { "members" }),
        (_, true) => p
            .views
            .iter()
            .filter(|v| if now { v.now } else { v.desired } == Some(position))
            .map(|v| members.get(v.member).map_or("", |m| m.name.as_str()))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

#[component]
pub fn WorkshopResultsPage(id: String) -> impl IntoView {
    // Each signal reads the stored workshop in place: nothing copies ten thousand members.
    let exists = reading::exists(id.clone());
    let results = reading::results(id.clone());
    let title = reading::title(id.clone());
    let members = reading::member_count(id.clone());
    let show_names = RwSignal::new(false);
    Effect::new(move |_| {
        let w = title.get();
        if !w.is_empty() {
            browser::set_title(&format!("{w} – workshop results – Waypoint"));
        }
    });
    let answer_href = Route::Workshop(id.clone()).href();
    let present_href = Route::WorkshopPresent(id.clone()).href();
    let present = move |_| {
        crate::pages::workshop::workshop_present::enter_full_screen();
        browser::go_to(&present_href);
    };
    view! {
        <Show when=move || exists.get() fallback=|| view! {
            <NotFound what=Missing::Workshop />
        }>
            {
                let members = move || members.get();
                let names_id = id.clone();
                view! {
                    <div class="workshop-results">
                        <div class="assessment-head">
                            <p class="breadcrumb"><a href=answer_href.clone()>"Back to the questionnaire"</a></p>
                            <h1 dir="auto">{move || title.get()}</h1>
                            <p class="meta">{move || format!("Autonomy–Alignment–Standardisation results · {} member{}",
                                members(), if members() == 1 { "" } else { "s" })}</p>
                            <div class="view-options no-print">
                                <button type="button" class="button primary" on:click=present.clone()>"Present"</button>
                                <button type="button" class="button" on:click=|_| browser::print()>"Print"</button>
                                <label class="toggle"><input type="checkbox" prop:checked=move || show_names.get()
                                    on:change=move |_| show_names.update(|a| *a = !*a) />" Show names"</label>
                            </div>
                        </div>
                        <Participation id=id.clone() />
                        <SpectrumProfile results=results />
                        <div class="results-grid agreement">
                            <section class="panel" aria-labelledby="split-heading">
                                <h2 id="split-heading">"Where the board disagrees most"</h2>
                                {move || view! { <PracticeList items=results.with(|r| r.largest_disagreements(5).into_iter().cloned().collect())
                                    empty="No practice has answers two or more steps apart." show_spread=true /> }}
                            </section>
                            <section class="panel" aria-labelledby="agree-heading">
                                <h2 id="agree-heading">"Where the board agrees"</h2>
                                {move || view! { <PracticeList items=results.with(|r| r.largest_agreements(5).into_iter().cloned().collect())
                                    empty=AGREEMENT_EMPTY show_spread=true /> }}
                                <p class="hint">{AGREEMENT_NOTE}</p>
                            </section>
                        </div>
                        <section class="panel" aria-labelledby="gaps-heading">
                            <h2 id="gaps-heading">"Largest gaps between now and wanted"</h2>
                            {move || view! { <PracticeList items=results.with(|r| r.largest_gaps(5).into_iter().cloned().collect())
                                empty="No gaps yet: either nothing is answered, or every practice is where the board wants it." show_spread=false /> }}
                        </section>
                        <p class="scale-note">{DISAGREEMENT_SCALE}</p>
                        <RoleViews id=id.clone() />
                        <section class="spread" aria-labelledby="spread-heading">
                            <h2 id="spread-heading">"Who placed each practice where"</h2>
                            <Show when=move || may_show(members()) fallback=|| view! { <p class="hidden-reason">{HIDDEN_REASON}</p> }>
                            <p class="hint">"Counts of members; tick Show names to see who, on purpose."</p>
                            {aas().areas.iter().map(|area| {
                                let area_id: &'static str = &area.id;
                                view! {
                                    <h3>{area.name.clone()}</h3>
                                    <div class="table-scroll" role="region" aria-label=format!("Spread for {}", area.name) tabindex="0">
                                        <table class="spread-table">
                                            <thead><tr>
                                                <th scope="col">"Practice"</th><th scope="col">"When"</th>
                                                {Position::ALL.into_iter().map(|p| view! { <th scope="col">{p.label()}</th> }).collect_view()}
                                            </tr></thead>
                                            {let names_id = names_id.clone(); move || {
                                                    let hide = !show_names.get();
                                                    with_workshop(&names_id, |w| results.with(|r| r.practices.iter().filter(|p| p.area_id == area_id).map(|p| {
                                                        let split = p.disagreement() >= 2;
                                                        let counted = counts(&p.views);
                                                        let row = |now: bool| Position::ALL.into_iter().map(|pos| {
                                                            view! { <td>{who(p, &counted, &w.members, pos, now, !hide)}</td> }
                                                        }).collect_view();
                                                        view! {
                                                            <tbody class="practice-rows">
                                                            <tr class:split=split>
                                                                <th scope="row" rowspan="2">{p.text.clone()}<span class="cell-note">{p.column.suggestion()}</span>
                                                                    {split.then_some(view! { <span class="split-flag">" Disagreement"</span> })}</th>
                                                                <th scope="row" class="when">"Now"</th>
                                                                {row(true)}
                                                            </tr>
                                                            <tr class:split=split>
                                                                <th scope="row" class="when">"Wanted"</th>
                                                                {row(false)}
                                                            </tr>
                                                            </tbody>
                                                        }
                                                    }).collect_view()))
                                            }}
                                        </table>
                                    </div>
                                }
                            }).collect_view()}
                            </Show>
                        </section>
                        <WorkshopComparison id=id.clone() results=results />
                    </div>
                }
            }
        </Show>
    }
}
