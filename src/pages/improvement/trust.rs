//! The trust overview: every school in this browser with its stage, journey, likely
//! role (capacity giver or taker) and level of need; filtered, sorted, charted theme by
//! theme, with suggested school-to-school pairings.

use leptos::prelude::*;

use crate::browser;
use crate::charts::stage_grid::GridRow;
use crate::components::checklist::stage_badge::StageBadge;
use crate::components::checklist::stage_grid::StageGrid;
use crate::components::records::export_panel::ExportPanel;
use crate::domain::base::content::{four_stages, Stage};
use crate::domain::base::dates::display;
use crate::domain::improvement::accountability::categories_csv;
use crate::domain::improvement::categorisation::{standing_with, DueState};
use crate::domain::improvement::overview::{
    arrange, overview, pairings, Filter, Need, SortBy, NEED_RULES, NEED_RULES_INTRO, PAIRING_RULE,
};
use crate::domain::improvement::trajectory::Role;
use crate::domain::records::exchange::file_name;
use crate::domain::records::exchange::Selection;
use crate::route::Route;
use crate::state::AppState;

#[component]
pub fn TrustPage() -> impl IntoView {
    browser::set_title("Trust overview – Waypoint");
    let state = expect_context::<AppState>();
    let today = StoredValue::new(browser::today_iso());
    let rows = Memo::new(move |_| {
        state
            .store
            .with(|s| overview(four_stages(), s, &today.get_value()))
    });
    let categories = move |_| {
        let text = state
            .store
            .with_untracked(|s| categories_csv(s, s.intervals(), &today.get_value()));
        let name = file_name("categories", &today.get_value(), "csv");
        let _ = browser::download_text(&name, "text/csv", &text);
    };
    let filter = RwSignal::new(Filter::default());
    let sort = RwSignal::new(SortBy::Category);
    let shown = Memo::new(move |_| rows.with(|r| filter.with(|f| arrange(r, f, sort.get()))));
    let suggested = Memo::new(move |_| rows.with(|r| pairings(four_stages(), r)));
    let columns = Signal::derive(|| {
        std::iter::once("Overall".to_string())
            .chain(four_stages().themes.iter().map(|t| t.name.clone()))
            .collect::<Vec<_>>()
    });
    let grid = Signal::derive(move || {
        shown.with(|rows| {
            rows.iter()
                .map(|r| GridRow {
                    label: r.name.clone(),
                    cells: std::iter::once(r.stage)
                        .chain(r.themes.iter().copied())
                        .collect(),
                })
                .collect::<Vec<_>>()
        })
    });
    let set = move |change: fn(&mut Filter, &str), value: String| {
        filter.update(|f| change(f, &value));
    };
    let count = move || {
        let (n, total) = (shown.with(Vec::len), rows.with(Vec::len));
        if n == total {
            format!("{total} school{}", if total == 1 { "" } else { "s" })
        } else {
            format!("{n} of {total} schools")
        }
    };

    view! {
        <div class="page-head">
            <h1>"Trust overview"</h1>
            <nav class="board-links" aria-label="For the board">
                <a class="button" href="#/trust/dashboard">"Half-termly dashboard"</a>
                <a class="button" href="#/trust/board">"Board summary of intervention plans"</a>
                <a class="button" href="#/trust/calendar">"Trust calendar"</a>
            </nav>
        </div>
        <p class="lead">"Every school assessed or entered in this browser, typed in here or imported from colleagues' files. Stages come only from each school's latest whole-school assessment (a team's, subject's or year group's is never taken for the school's); journeys from its performance trajectory."</p>
        <crate::components::ui::waypoint_key::WaypointKey />
        <Show when=move || !rows.with(Vec::is_empty) fallback=|| view! {
            <section class="panel empty-state">
                <h2>"No schools yet"</h2>
                <p>"Assess a school, or import the files your schools exported, and they will appear here side by side."</p>
                <a class="button primary" href="#/">"Go to your assessments"</a>
            </section>
        }>
            <section class="panel trust-controls" aria-label="Filter and sort">
                <div class="field-row">
                    <div class="field">
                        <label for="trust-search">"School name contains"</label>
                        <input id="trust-search" type="search" dir="auto"
                            prop:value=move || filter.with(|f| f.text.clone())
                            on:input=move |ev| set(|f, v| f.text = v.to_string(), event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for="trust-need">"Waypoint's suggested need"</label>
                        <select id="trust-need" on:change=move |ev| set(|f, v| f.need = Need::ALL.into_iter().find(|n| n.id() == v), event_target_value(&ev))>
                            <option value="">"Any"</option>
                            {Need::ALL.into_iter().map(|n| view! { <option value=n.id()>{n.short()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="trust-stage">"Stage"</label>
                        <select id="trust-stage" on:change=move |ev| set(|f, v| f.stage = Stage::ALL.into_iter().find(|s| s.id() == v), event_target_value(&ev))>
                            <option value="">"Any"</option>
                            {Stage::ALL.into_iter().map(|s| view! { <option value=s.id()>{s.name()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="trust-role">"Capacity"</label>
                        <select id="trust-role" on:change=move |ev| set(|f, v| f.role = match v { "giver" => Some(Role::Giver), "taker" => Some(Role::Taker), _ => None }, event_target_value(&ev))>
                            <option value="">"Any"</option>
                            <option value="giver">"Likely giver"</option>
                            <option value="taker">"Likely taker"</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="trust-sort">"Sort by"</label>
                        <select id="trust-sort" on:change=move |ev| if let Some(s) = SortBy::from_id(&event_target_value(&ev)) { sort.set(s) }>
                            {SortBy::ALL.into_iter().map(|s| view! { <option value=s.id()>{s.label()}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                <p class="result-count" role="status">{count}</p>
            </section>

            <div class="table-scroll" role="region" aria-label="Schools" tabindex="0">
                <table class="trust-table">
                    <thead><tr>
                        <th scope="col">"School"</th>
                        <th scope="col">"Stage"</th>
                        <th scope="col">"Journey"</th>
                        <th scope="col">"Capacity"</th>
                        <th scope="col">"Category (the board's decision)"</th>
                        <th scope="col">"Waypoint's suggestion " <crate::components::ui::waypoint_key::WaypointMark /></th>
                        <th scope="col">"Interventions"</th>
                    </tr></thead>
                    <tbody>
                        {move || shown.get().into_iter().map(|row| view! {
                            <tr>
                                <th scope="row" dir="auto"><a href=Route::School(row.key.clone()).href()>{row.name.clone()}</a></th>
                                <td>
                                    {if row.teams_only {
                                        view! { <span class="no-whole-school">"No whole-school assessment"</span> }.into_any()
                                    } else {
                                        view! { <StageBadge stage=Signal::stored(row.stage) /> }.into_any()
                                    }}
                                    {row.tentative.then(|| view! { <span class="tentative">{format!(" ({})", crate::domain::checklist::placement::TENTATIVE_WORDS)}</span> })}
                                    {row.assessed_on.map(|d| view! { <span class="cell-note">{format!("assessed {}", crate::domain::base::dates::display(&d))}</span> })}
                                    {row.flag_mark().map(|mark| view! {
                                        <details class="flag-mark">
                                            <summary><span aria-hidden="true">{mark}</span><span class="visually-hidden">{format!("{} warnings", row.flag_items().len())}</span></summary>
                                            <ul>{row.flag_items().into_iter().map(|f| view! { <li dir="auto">{f}</li> }).collect_view()}</ul>
                                        </details>
                                    })}
                                </td>
                                <td>{match row.journey {
                                    Some(letter) => format!("{letter}: {}{}", crate::domain::improvement::trajectory::journeys().journey(letter).name,
                                        if row.journey_from_stages { " (from its dated stages)" } else { "" }),
                                    None => row.journey_note.clone(),
                                }}</td>
                                <td>{row.role.map_or("–", |r| r.label())}<span class="cell-note">{row.role_text.clone()}</span></td>
                                {
                                    let now = state.store.with(|s| standing_with(s, &row, s.intervals(), &today.get_value()));
                                    let due_class = match now.next.state {
                                        DueState::Overdue => "overdue-flag",
                                        DueState::Soon => "cell-note due-soon",
                                        DueState::Later => "cell-note",
                                    };
                                    view! { <td>
                                        {match &now.current {
                                            Some(c) => view! { <strong class=format!("category need-{}", c.category.id())>{c.category.short()}</strong>
                                                <span class="cell-note">{format!("decided {}", display(&c.date))}</span> }.into_any(),
                                            None => view! { <span class="category-none">"Not categorised"</span> }.into_any(),
                                        }}
                                        <span class=due_class>{now.next.message()}</span>
                                        {(!now.warnings.is_empty()).then(|| view! {
                                            <details class="flag-mark">
                                                <summary>{format!("⚠ {}", now.warnings.len())}<span class="visually-hidden">" warnings about the category"</span></summary>
                                                <ul>{now.warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul>
                                            </details>
                                        })}
                                    </td> }
                                }
                                <td><span class=format!("suggestion need-{}", row.need.id())>{row.need.short()}</span>
                                    <details class="why"><summary>"Why"</summary><p class="cell-note">{row.need_reason.clone()}</p></details></td>
                                <td>{if row.open_plans == 0 { "None open".to_string() } else { format!("{} open", row.open_plans) }}
                                    {(row.overdue_plans > 0).then(|| view! { <span class="overdue-flag">{format!("⚠ {} overdue", row.overdue_plans)}</span> })}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <crate::components::improvement::categorise_table::CategoriseTable />
            <details class="rule">
                <summary>"How the level of need and the role are suggested (Waypoint's rules)"</summary>
                <p>{NEED_RULES_INTRO}</p>
                <p>{crate::domain::improvement::overview::CATEGORIES_NOTE}</p>
                <ul>{NEED_RULES.iter().map(|r| view! { <li>{*r}</li> }).collect_view()}</ul>
                <p>{crate::domain::improvement::trajectory::ROLE_RULE}</p>
                <p>{crate::domain::improvement::trajectory::STAGE_JOURNEY_RULE}</p>
                <p>"One of the trusts in Waypoint's source documents categorises its schools every year and reviews the categories every six months. The board records its own category on each school's page; the suggestion is kept beside it."</p>
            </details>

            <section class="panel" aria-labelledby="trust-grid-heading">
                <h2 id="trust-grid-heading">"Stages theme by theme"</h2>
                <crate::components::ui::waypoint_key::WaypointMark />
                <StageGrid corner="School" caption="Each school's stage overall and in each theme (latest whole-school assessment)"
                    columns=columns rows=grid />
            </section>

            <section class="panel" aria-labelledby="pairings-heading">
                <h2 id="pairings-heading">"Suggested pairings"</h2>
                <p>{PAIRING_RULE}</p>
                <Show when=move || !suggested.with(Vec::is_empty)
                    fallback=|| view! { <p class="empty-note">"No pairings to suggest: no school is weak in a theme where another is strong."</p> }>
                    <div class="table-scroll" role="region" aria-label="Table of suggested pairings" tabindex="0">
                        <table class="trust-table">
                            <thead><tr><th scope="col">"Theme"</th><th scope="col">"Supporting school (giver)"</th><th scope="col">"Supported school (taker)"</th></tr></thead>
                            <tbody>
                                {move || suggested.get().into_iter().map(|p| view! {
                                    <tr>
                                        <td>{p.theme}</td>
                                        <td dir="auto">{format!("{} ({})", p.giver, p.giver_stage.name())}</td>
                                        <td dir="auto">{format!("{} ({})", p.taker, p.taker_stage.name())}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </Show>
            </section>
            <section class="panel no-print" aria-labelledby="trust-export-heading">
                <h2 id="trust-export-heading">"Download the trust's data"</h2>
                <ExportPanel selection=Signal::stored(Selection::Everything) title="Trust overview" />
                <p><button type="button" class="button" on:click=categories>"Categories (CSV)"</button>
                    <span class="hint">" Every school's categorisations and reviews, with Waypoint's suggestion and what is due next."</span></p>
            </section>
        </Show>
    }
}
