//! How each team moved over time: stage by date, a comparison of two assessments theme
//! by theme and feature by feature, and "reassess now" starting from the last answers.

use leptos::prelude::*;

use crate::charts::stage_grid::GridRow;
use crate::components::checklist::stage_grid::StageGrid;
use crate::domain::base::content::{four_stages, Stage};
use crate::domain::base::dates::{display, Day};
use crate::domain::checklist::changes::{changes, compare, ComparedRow, Direction, MOVEMENT_RULE};
use crate::domain::checklist::teams::HistoryPoint;
use crate::route::Route;
use crate::state::AppState;

type History = Vec<(String, Vec<HistoryPoint>)>;

#[component]
pub fn SchoolHistory(history: Memo<History>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let dates = Signal::derive(move || {
        let mut all: Vec<Option<Day>> = history.with(|h| {
            h.iter()
                .flat_map(|(_, p)| p.iter().map(|p| p.date))
                .collect()
        });
        crate::domain::base::order::sort_by(&mut all, |a, b| a.cmp(b));
        all.dedup();
        all
    });
    let rows = Signal::derive(move || {
        let dates = dates.get();
        history.with(|h| {
            h.iter()
                .map(|(label, points)| GridRow {
                    label: label.clone(),
                    cells: dates
                        .iter()
                        .map(|d| {
                            points
                                .iter()
                                .rev()
                                .find(|p| &p.date == d)
                                .and_then(|p| p.overall)
                        })
                        .collect(),
                })
                .collect()
        })
    });

    // Comparison of two assessments of one scope.
    let scope = RwSignal::new(None::<String>);
    let from = RwSignal::new(None::<String>);
    let to = RwSignal::new(None::<String>);
    let comparable = Memo::new(move |_| {
        history.with(|h| {
            h.iter()
                .filter(|(_, p)| p.len() >= 2)
                .map(|(l, _)| l.clone())
                .collect::<Vec<_>>()
        })
    });
    let points_of = move |label: &str| {
        history.with(|h| {
            h.iter()
                .find(|(l, _)| l == label)
                .map(|(_, p)| p.clone())
                .unwrap_or_default()
        })
    };
    Effect::new(move |_| {
        let options = comparable.get();
        let current = scope.get_untracked();
        if current.as_ref().is_none_or(|c| !options.contains(c)) {
            let first = options.first().cloned();
            let points = first.as_deref().map(points_of).unwrap_or_default();
            scope.set(first);
            from.set(points.iter().rev().nth(1).map(|p| p.assessment_id.clone()));
            to.set(points.last().map(|p| p.assessment_id.clone()));
        }
    });
    let comparison = move || {
        let label = scope.get()?;
        let points = points_of(&label);
        let a = points
            .iter()
            .find(|p| Some(&p.assessment_id) == from.get().as_ref())?
            .clone();
        let b = points
            .iter()
            .find(|p| Some(&p.assessment_id) == to.get().as_ref())?
            .clone();
        // Each theme's stages then and now, and how its answers moved; and the features
        // answered differently, in words.
        let (rows, moved): (Vec<ComparedRow>, Vec<(String, String, Direction)>) =
            state.store.with(|s| {
                let (Some(x), Some(y)) = (s.get(&a.assessment_id), s.get(&b.assessment_id)) else {
                    return (Vec::new(), Vec::new());
                };
                let moved = changes(four_stages(), &x.level_letters(), y)
                    .into_iter()
                    .map(|c| {
                        (
                            format!("{}: {}", c.feature.stage, c.feature.text),
                            c.describe(),
                            c.direction,
                        )
                    })
                    .collect();
                (compare(four_stages(), x, y), moved)
            });
        Some((display(&a.date), display(&b.date), rows, moved))
    };
    let date_select = move |id: &'static str,
                            label: &'static str,
                            signal: RwSignal<Option<String>>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id on:change=move |ev| signal.set(Some(event_target_value(&ev)))>
                    {move || scope.get().map(|l| points_of(&l)).unwrap_or_default().into_iter().map(|p| {
                        let value = p.assessment_id.clone();
                        view! { <option value=value.clone() selected=move || signal.get().as_ref() == Some(&value)>{display(&p.date)}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };

    view! {
        <section class="panel" aria-labelledby="history-heading">
            <h2 id="history-heading">"Over time"</h2>
            <p class="lead">{move || format!("Overall stage at each assessment. {}", state.store.with(|s| s.intervals().reassess_advice()))}</p>
            <StageGrid corner="Team" caption="Overall stage at each assessment date"
                columns=Signal::derive(move || dates.with(|d| d.iter().map(display).collect())) rows=rows />
            <ul class="reassess-list">
                {move || history.get().into_iter().filter_map(|(label, points)| {
                    let last = points.last()?.clone();
                    let href = Route::Assessment(last.assessment_id.clone()).href();
                    let again = Route::Reassess(last.assessment_id.clone()).href();
                    Some(view! {
                        <li>
                            <span dir="auto"><strong>{label.clone()}</strong>{format!(" – last assessed {}", display(&last.date))}</span>
                            <a class="button" href=href>"Open latest"</a>
                            <a class="button primary" href=again aria-label=format!("Reassess now: {label}")>"Reassess now"</a>
                        </li>
                    })
                }).collect_view()}
            </ul>
            <h3>"Compare two assessments"</h3>
            <Show when=move || !comparable.with(Vec::is_empty)
                fallback=|| view! { <p>"Once a team has been assessed twice, its two assessments can be compared here theme by theme."</p> }>
                <div class="field-row">
                    <div class="field">
                        <label for="compare-scope">"Team"</label>
                        <select id="compare-scope" on:change=move |ev| {
                            let label = event_target_value(&ev);
                            let points = points_of(&label);
                            from.set(points.iter().rev().nth(1).map(|p| p.assessment_id.clone()));
                            to.set(points.last().map(|p| p.assessment_id.clone()));
                            scope.set(Some(label));
                        }>
                            {move || comparable.get().into_iter().map(|l| {
                                let value = l.clone();
                                view! { <option value=value.clone() selected=move || scope.get().as_ref() == Some(&value)>{l}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    {date_select("compare-from", "From", from)}
                    {date_select("compare-to", "To", to)}
                </div>
                {move || comparison().map(|(a, b, rows, moved)| view! {
                    <div class="table-scroll" role="region" aria-label="Comparison by theme" tabindex="0">
                    <table class="profile-table compare-table">
                        <caption>{format!("How each theme moved from {a} to {b}.")}</caption>
                        <thead><tr><th scope="col">"Theme"</th><th scope="col">{a.clone()}</th><th scope="col">{b.clone()}</th><th scope="col">"Change"</th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|ComparedRow { name, then: x, now: y, movement }| {
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        <td class=format!("stage-cell stage-{}", x.map_or("none", Stage::id))>{x.map_or("–", Stage::name)}</td>
                                        <td class=format!("stage-cell stage-{}", y.map_or("none", Stage::id))>{y.map_or("–", Stage::name)}</td>
                                        <td class=format!("movement {}", movement.id())>{movement.label()}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                    <h4>"Features that moved"</h4>
                    {if moved.is_empty() {
                        view! { <p>"No answer changed between the two."</p> }.into_any()
                    } else {
                        view! {
                            <table class="changes-table">
                                <caption class="visually-hidden">{format!("Features answered differently on {b} than on {a}")}</caption>
                                <colgroup><col class="col-feature" /><col class="col-answer" /><col class="col-change" /></colgroup>
                                <thead><tr><th scope="col">"Observable feature"</th><th scope="col">"Then → now"</th><th scope="col">"Change"</th></tr></thead>
                                <tbody>
                                    {moved.into_iter().map(|(feature, what, direction)| view! {
                                        <tr><td>{feature}</td><td>{what}</td><td class=format!("movement {}", direction.id())>{direction.label()}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                    <p class="hint">{MOVEMENT_RULE}" "{crate::domain::checklist::changes::CHANGE_RULE}</p>
                })}
            </Show>
        </section>
    }
}
