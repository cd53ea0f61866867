//! What the board receives, generated from the data and laid out for printing: the
//! summary of every school's intervention plans (a page for the trust, then a page per
//! school), and a headteacher's report to the board, twice a year.

use leptos::prelude::*;

use crate::browser;
use crate::components::plain_table::{cell, Cell, PlainTable};
use crate::domain::accountability::{
    board_summary, headteacher_report, PlanLine, PlanState, SchoolSummary, PLAN_STATE_RULE,
};
use crate::domain::categorise::DueState;
use crate::domain::content::four_stages;
use crate::domain::cycle::trust_cycle;
use crate::domain::dates::display;
use crate::route::Route;
use crate::state::AppState;

fn toolbar(back: &'static str, back_text: &'static str) -> impl IntoView {
    view! {
        <div class="report-toolbar no-print">
            <a href=back>{back_text}</a>
            <button type="button" class="button primary" on:click=|_| browser::print()>"Print or save as PDF"</button>
            <p class="hint">"In the print dialog, choose “Save as PDF” to send it to the board. Each school starts on a new page."</p>
        </div>
    }
}

fn quote(text: &str) -> impl IntoView {
    view! { <blockquote class="source-quote">{text.to_string()}<span class="cite">" (the four-step cycle, step 4)"</span></blockquote> }
}

/// The impact recorded, in one cell: the verdict, then each heading with something under it.
fn impact_text(line: &PlanLine) -> Cell {
    let Some(impact) = &line.impact else {
        return "Not recorded yet".into();
    };
    let mut text = format!("{} ({})", impact.verdict.label(), display(&impact.date));
    for heading in &trust_cycle().impact {
        let said = impact.heading(&heading.id);
        if !said.is_empty() {
            text.push_str(&format!("\n{}: {said}", heading.label));
        }
    }
    text.push_str(&format!("\nEvidence: {}", impact.evidence));
    text.into()
}

fn plan_rows(lines: &[PlanLine]) -> Vec<Vec<Cell>> {
    lines
        .iter()
        .map(|l| {
            let mut what = format!("{}\n{}", l.target, l.kind);
            if !l.partner.is_empty() {
                what.push_str(&format!(" with {}", l.partner));
            }
            what.push_str(&format!("\nOwner: {}\n{}", l.owner, l.runs));
            let state_class = match l.state {
                PlanState::Overdue | PlanState::OffTrack => "overdue",
                PlanState::AtRisk => "soon",
                _ => "",
            };
            let mut state = format!("{}\nLatest: {}", l.state.label(), l.latest_review);
            if let Some(next) = &l.next_review {
                state.push_str(&format!("\nNext review {}", display(next)));
            }
            vec![
                what.into(),
                l.success_criteria.clone().into(),
                cell(state, state_class),
                impact_text(l),
            ]
        })
        .collect()
}

const PLAN_HEAD: [&str; 4] = ["Intervention", "Success criteria", "Reviews", "Impact"];

fn category_text(s: &SchoolSummary) -> String {
    match (s.category, &s.categorised_on) {
        (Some(c), Some(on)) => format!("{} (decided {})", c.label(), display(on)),
        _ => "Not yet categorised".into(),
    }
}

#[component]
pub fn BoardPage() -> impl IntoView {
    browser::set_title("Board summary of intervention plans – Waypoint");
    let state = expect_context::<AppState>();
    let today = StoredValue::new(browser::today_iso());
    view! {
        {toolbar("#/trust", "Back to the trust overview")}
        <article class="report board-page">
            <header class="board-head">
                <p class="report-kicker">"For the board"</p>
                <h1>"Summary of intervention plans"</h1>
                <p class="meta">{format!("Prepared {}", display(&today.get_value()))}</p>
                {quote(&trust_cycle().board_summary)}
                {quote(&trust_cycle().impact_intro)}
            </header>
            {move || {
                let schools = state.store.with(|s| board_summary(four_stages(), s, s.intervals(), &today.get_value()));
                let rows: Vec<Vec<Cell>> = schools.iter().map(|s| {
                    let open: usize = s.counts[..5].iter().sum();
                    vec![
                        s.name.clone().into(),
                        category_text(s).into(),
                        s.stage.map_or("Not assessed".to_string(), |st| st.name().to_string()).into(),
                        open.to_string().into(),
                        cell(s.counts[0].to_string(), if s.counts[0] > 0 { "overdue" } else { "" }),
                        (s.counts[1] + s.counts[2]).to_string().into(),
                        s.counts[5].to_string().into(),
                        cell(s.due.clone(), if s.due_state == DueState::Overdue { "overdue" } else { "" }),
                    ]
                }).collect();
                view! {
                    <section class="board-trust" aria-labelledby="board-trust-heading">
                        <h2 id="board-trust-heading">"The trust"</h2>
                        <PlainTable caption="Every school's intervention plans".into()
                            head=vec!["School", "Category", "Stage", "Open", "Overdue", "At risk or off track", "Completed", "Category next due"]
                            rows=rows />
                        <p class="hint">{PLAN_STATE_RULE}</p>
                    </section>
                    {schools.into_iter().map(|s| {
                        let heading = format!("board-{}", s.school_id);
                        let labelled = heading.clone();
                        view! {
                            <section class="board-school" aria-labelledby=labelled>
                                <h2 id=heading dir="auto">{s.name.clone()}</h2>
                                <p class="board-facts">{format!("Category: {}. {}. Stage: {}.", category_text(&s), s.due,
                                    s.stage.map_or("not assessed".to_string(), |st| st.name().to_string()))}</p>
                                {(!s.red_flags.is_empty()).then(|| view! { <p class="cell-flag">{format!("⚑ Red flags: {}", s.red_flags.join("; "))}</p> })}
                                {(!s.warnings.is_empty()).then(|| view! { <ul class="warnings">{s.warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul> })}
                                {if s.lines.is_empty() {
                                    view! { <p class="empty-note">"No interventions commissioned."</p> }.into_any()
                                } else {
                                    view! { <PlainTable caption=format!("Intervention plans of {}", s.name) head=PLAN_HEAD.to_vec() rows=plan_rows(&s.lines) /> }.into_any()
                                }}
                            </section>
                        }
                    }).collect_view()}
                }
            }}
        </article>
    }
}

#[component]
pub fn HeadReportPage(
    /// The school's id.
    id: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = browser::today_iso();
    let to = RwSignal::new(today.clone());
    let today = StoredValue::new(today);
    let school_id = StoredValue::new(id.clone());
    let back = Route::School(id).href();
    let report = move || {
        state.store.with(|s| {
            s.school(&school_id.get_value()).map(|school| {
                headteacher_report(
                    four_stages(),
                    s,
                    school,
                    s.intervals(),
                    &to.get(),
                    &today.get_value(),
                )
            })
        })
    };
    view! {
        <div class="report-toolbar no-print">
            <a href=back>"Back to the school"</a>
            <div class="field inline">
                <label for="report-to">"Six months to"</label>
                <input id="report-to" type="date" prop:value=move || to.get()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if crate::domain::assessment::is_iso_date(&v) { to.set(v) }
                    } />
            </div>
            <button type="button" class="button primary" on:click=|_| browser::print()>"Print or save as PDF"</button>
        </div>
        {move || match report() {
            None => view! { <section class="panel"><h1>"School not found"</h1><p>"This school is not saved in this browser."</p></section> }.into_any(),
            Some(r) => {
                browser::set_title(&format!("{} – report to the board – Waypoint", r.name));
                let stage = |s: &Option<(String, Option<crate::domain::content::Stage>)>| match s {
                    Some((on, Some(stage))) => format!("{stage} (assessed {})", display(on)),
                    Some((on, None)) => format!("No stage (assessed {})", display(on)),
                    None => "No whole-school assessment".into(),
                };
                view! {
                    <article class="report board-page">
                        <header class="board-head">
                            <p class="report-kicker">"Headteacher's report to the board"</p>
                            <h1 dir="auto">{r.name.clone()}</h1>
                            <p class="meta">{format!("{} to {}", display(&r.from), display(&r.to))}</p>
                            {quote(&trust_cycle().headteacher_report)}
                        </header>
                        <section aria-labelledby="hr-attainment">
                            <h2 id="hr-attainment">"Pupil attainment"</h2>
                            {if r.results.is_empty() {
                                view! { <p class="empty-note">"No results entered (the school page's performance trajectory)."</p> }.into_any()
                            } else {
                                view! { <PlainTable caption="Results".into() head=vec!["Period", "Result"]
                                    rows=r.results.iter().map(|(p, b)| vec![p.clone().into(), b.clone().into()]).collect() /> }.into_any()
                            }}
                            <p>{r.journey.clone()}</p>
                        </section>
                        <section aria-labelledby="hr-progress">
                            <h2 id="hr-progress">"Progress"</h2>
                            <dl class="report-facts">
                                <div><dt>{format!("Stage on {}", display(&r.from))}</dt><dd>{stage(&r.stage_then)}</dd></div>
                                <div><dt>{format!("Stage on {}", display(&r.to))}</dt><dd>{stage(&r.stage_now)}</dd></div>
                                <div><dt>"Category"</dt><dd>{r.category.clone()}</dd></div>
                                <div><dt>"Next"</dt><dd>{r.due.clone()}</dd></div>
                            </dl>
                            {(!r.red_flags.is_empty()).then(|| view! { <p class="cell-flag">{format!("⚑ Red flags: {}", r.red_flags.join("; "))}</p> })}
                            {(!r.warnings.is_empty()).then(|| view! { <ul class="warnings">{r.warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul> })}
                        </section>
                        <section aria-labelledby="hr-plan">
                            <h2 id="hr-plan">"Implementation of the school improvement plan"</h2>
                            {if r.lines.is_empty() {
                                view! { <p class="empty-note">"No interventions ran in these six months."</p> }.into_any()
                            } else {
                                view! { <PlainTable caption="Interventions in these six months".into() head=PLAN_HEAD.to_vec() rows=plan_rows(&r.lines) /> }.into_any()
                            }}
                            {(!r.reviews.is_empty()).then(|| view! {
                                <PlainTable caption="Reviews held in these six months".into() head=vec!["Date", "Intervention", "Progress"]
                                    rows=r.reviews.iter().map(|(d, t, p)| vec![display(d).into(), t.clone().into(), p.clone().into()]).collect() />
                            })}
                        </section>
                    </article>
                }.into_any()
            }
        }}
    }
}
