//! Every school categorised in one table: the date, who decided and the rationale typed
//! once; a category chosen per school beside Waypoint's suggestion; saved as one change.

use leptos::prelude::*;

use crate::browser;
use crate::components::ui::date_field::{DateField, FarDateConfirmation};
use crate::components::ui::draft::draft;
use crate::components::ui::error_summary::{ErrorSummary, Problems};
use crate::domain::base::content::four_stages;
use crate::domain::base::text::{clamp_chars, MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::domain::checklist::SchoolRecords;
use crate::domain::improvement::categorisation::{record_table, Category, TableLine};
use crate::domain::improvement::overview::overview;
use crate::domain::records::edits::{Edit, ImprovementEdit};
use crate::state::AppState;

#[component]
pub fn CategoriseTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = StoredValue::new(browser::today_iso());
    let date = draft("categorise-all-date", today.get_value());
    let date_confirmed = FarDateConfirmation::new();
    let by = draft("categorise-all-by", "");
    let why = draft("categorise-all-why", "");
    let problems = RwSignal::new(Problems::new());
    let saved = RwSignal::new(None::<String>);
    // The schools in name order, with Waypoint's suggestion and the board's category.
    let rows = Memo::new(move |_| {
        state.store.with(|s| {
            let mut rows = overview(four_stages(), s, &today.get_value());
            crate::domain::base::order::sort_by(&mut rows, |a, b| {
                a.name.to_lowercase().cmp(&b.name.to_lowercase())
            });
            rows
        })
    });
    // Each school's choice and own rationale, kept as drafts by school id.
    let choice = move |school: &str| draft(format!("categorise-all-{school}-category"), "");
    let own = move |school: &str| draft(format!("categorise-all-{school}-why"), "");
    let fields = StoredValue::new(Vec::<(String, RwSignal<String>, RwSignal<String>)>::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lines: Vec<TableLine> = fields.with_value(|f| {
            f.iter()
                .map(|(id, c, w)| TableLine {
                    school_id: id.clone(),
                    category: Category::from_id(&c.get_untracked()),
                    rationale: w.get_untracked(),
                })
                .collect()
        });
        let made = state.store.with_untracked(|s| {
            record_table(
                s,
                &lines,
                &date.get_untracked(),
                &by.get_untracked(),
                &why.get_untracked(),
                &today.get_value(),
                browser::new_id,
                browser::now_ms(),
            )
        });
        match made {
            Err(message) => {
                let field = if message.contains("who decided") {
                    "categorise-all-by"
                } else if message.contains("rationale") {
                    "categorise-all-why"
                } else if message.contains("date") {
                    "categorise-all-date"
                } else {
                    "categorise-all-table"
                };
                problems.set(vec![(field.into(), message)]);
            }
            Ok(decisions) => {
                if let Some(why) = date_confirmed.problem(&date.get_untracked()) {
                    let field = FarDateConfirmation::box_id("categorise-all-date");
                    return problems.set(vec![(field, why)]);
                }
                let n = decisions.len();
                let names: Vec<String> = state.store.with_untracked(|s| {
                    decisions
                        .iter()
                        .filter_map(|d| s.school(&d.school_id).map(|x| x.name.clone()))
                        .collect()
                });
                if state.send(Edit::Batch(
                    decisions
                        .into_iter()
                        .map(|d| Edit::Improvement(ImprovementEdit::Categorise(d)))
                        .collect(),
                )) {
                    problems.set(Vec::new());
                    fields.with_value(|f| {
                        for (_, c, w) in f {
                            c.set(String::new());
                            w.set(String::new());
                        }
                    });
                    saved.set(Some(format!(
                        "{n} decision{} recorded: {}.",
                        if n == 1 { "" } else { "s" },
                        names.join(", ")
                    )));
                }
            }
        }
    };
    view! {
        <section class="panel no-print categorise-all" aria-labelledby="categorise-all-heading">
            <h2 id="categorise-all-heading">"Categorise every school"</h2>
            <p>"Record the board's decisions from one meeting in one go: the date, who decided and the rationale once, then a category for each school decided on. Schools left on “No decision” are not changed. Each decision is a categorisation or a review of the category, whichever is due."</p>
            <form on:submit=save novalidate>
                <ErrorSummary problems=problems />
                <div class="field-row">
                    <DateField id="categorise-all-date" label="Date of the decisions" value=date confirm=date_confirmed />
                    <div class="field">
                        <label for="categorise-all-by">"Decided by"</label>
                        <input id="categorise-all-by" type="text" dir="auto" prop:value=move || by.get()
                            on:input=move |ev| by.set(clamp_chars(&event_target_value(&ev), MAX_NAME_CHARS)) />
                    </div>
                </div>
                <div class="field">
                    <label for="categorise-all-why">"Rationale for these decisions"</label>
                    <textarea id="categorise-all-why" rows="2" dir="auto" prop:value=move || why.get()
                        on:input=move |ev| why.set(clamp_chars(&event_target_value(&ev), MAX_NOTE_CHARS))></textarea>
                </div>
                <div class="table-scroll" role="region" aria-label="A category for each school" tabindex="0" id="categorise-all-table">
                    <table class="trust-table categorise-table">
                        <caption>"A category for each school"</caption>
                        <thead><tr>
                            <th scope="col">"School"</th>
                            <th scope="col">"Category now"</th>
                            <th scope="col">"Waypoint's suggestion"</th>
                            <th scope="col">"The board's decision"</th>
                            <th scope="col">"Own rationale (optional)"</th>
                        </tr></thead>
                        <tbody>
                            {move || {
                                let list = rows.get();
                                let made: Vec<_> = list.iter().map(|r| (r.key.clone(), choice(&r.key), own(&r.key))).collect();
                                fields.set_value(made.clone());
                                list.into_iter().zip(made).map(|(r, (key, c, w))| {
                                    let select_id = format!("categorise-all-{key}");
                                    view! {
                                        <tr>
                                            <th scope="row" dir="auto"><label for=select_id.clone()>{r.name.clone()}</label></th>
                                            <td>{r.category.map_or("Not categorised", |c| c.short())}</td>
                                            <td><span class=format!("suggestion need-{}", r.need.id())>{r.need.short()}</span></td>
                                            <td><select id=select_id on:change=move |ev| c.set(event_target_value(&ev))>
                                                <option value="" selected=move || c.get().is_empty()>"No decision"</option>
                                                {Category::ALL.into_iter().map(|cat| view! {
                                                    <option value=cat.id() selected=move || c.get() == cat.id()>{cat.short()}</option>
                                                }).collect_view()}
                                            </select></td>
                                            <td><input type="text" dir="auto" aria-label=format!("Own rationale: {}", r.name)
                                                prop:value=move || w.get() on:input=move |ev| w.set(clamp_chars(&event_target_value(&ev), MAX_NOTE_CHARS)) /></td>
                                        </tr>
                                    }
                                }).collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
                <button type="submit" class="button primary">"Record these decisions"</button>
                <p role="status" class="hint">{move || saved.get()}</p>
            </form>
        </section>
    }
}
