//! Entering a school's performance over time, band by band or as a measure with the
//! user's thresholds; the banded chart; and which of the eight journeys it follows.

use crate::components::ui::error_summary::{ErrorSummary, Problems};
use crate::components::ui::terms::Terms;
use leptos::prelude::*;

use crate::browser;
use crate::charts::trajectory::draw_trajectory;
use crate::components::ui::chart_canvas::ChartCanvas;
use crate::components::ui::date_field::{DateField, FarDateConfirmation};
use crate::domain::base::content::four_stages;
use crate::domain::base::dates::{Day, OptionalDay};
use crate::domain::base::text::{clamp_chars, MAX_NAME_CHARS};
use crate::domain::checklist::SchoolRecords;
use crate::domain::improvement::overview::stage_journey;
use crate::domain::improvement::trajectory::{
    carter_on, journeys, read_series, suggest_role, Band, Classification, Point, Thresholds,
    Trajectory, ROLE_RULE, RULES, STAGE_JOURNEY_RULE,
};
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::ImprovementEdit;
use crate::state::AppState;

#[component]
pub fn TrajectoryEditor(
    /// The school's id.
    school: String,
    trajectory: Memo<Option<Trajectory>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Edits carry the new points or thresholds whole, worked out from what is shown.
    let school = StoredValue::new(school);
    type Change<T> = Box<dyn FnOnce(&mut T)>;
    let set_points = move |change: Change<Vec<Point>>| {
        let mut points =
            trajectory.with_untracked(|t| t.as_ref().map(|t| t.points.clone()).unwrap_or_default());
        change(&mut points);
        state.send(Edit::Improvement(ImprovementEdit::SetPoints {
            school: school.get_value(),
            trajectory_id: browser::new_id(),
            points,
        }));
    };
    let set_thresholds = move |change: Change<Option<Thresholds>>| {
        let mut thresholds =
            trajectory.with_untracked(|t| t.as_ref().and_then(|t| t.thresholds.clone()));
        change(&mut thresholds);
        state.send(Edit::Improvement(ImprovementEdit::SetThresholds {
            school: school.get_value(),
            trajectory_id: browser::new_id(),
            thresholds,
        }));
    };
    let uses_measure =
        Memo::new(move |_| trajectory.with(|t| t.as_ref().is_some_and(|t| t.thresholds.is_some())));
    let period = crate::components::ui::draft::draft(
        format!("trajectory-{}-period", school.get_value()),
        "",
    );
    let date =
        crate::components::ui::draft::draft(format!("trajectory-{}-date", school.get_value()), "");
    let date_confirmed = FarDateConfirmation::new();
    let band = RwSignal::new(Band::NationalAverage);
    let value =
        crate::components::ui::draft::draft(format!("trajectory-{}-value", school.get_value()), "");
    let problems = RwSignal::new(Problems::new());

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = period.get_untracked();
        if name.trim().is_empty() {
            problems.set(vec![(
                "point-period".into(),
                "Name the period, for example 2024 or Spring 2025.".into(),
            )]);
            return;
        }
        // The date is optional: left empty, the period is read as the time of results.
        let typed = date.get_untracked();
        let on = match typed.trim() {
            "" => OptionalDay::Absent,
            text => match Day::parse(text) {
                Ok(day) => OptionalDay::On(day),
                Err(_) => {
                    problems.set(vec![(
                        "point-date".into(),
                        "Enter the date the results came out as a real date, or leave it empty."
                            .into(),
                    )]);
                    return;
                }
            },
        };
        if let Some(why) = on.day().and_then(|_| date_confirmed.problem(&typed)) {
            problems.set(vec![(FarDateConfirmation::box_id("point-date"), why)]);
            return;
        }
        let point = if uses_measure.get_untracked() {
            match value.get_untracked().trim().parse::<f64>() {
                Ok(v) if v.is_finite() => Point {
                    period: name.trim().to_string(),
                    date: on,
                    band: None,
                    value: Some(v),
                },
                _ => {
                    problems.set(vec![(
                        "point-value".into(),
                        "Enter the measure as a number, for example 68.5.".into(),
                    )]);
                    return;
                }
            }
        } else {
            Point {
                period: name.trim().to_string(),
                date: on,
                band: Some(band.get_untracked()),
                value: None,
            }
        };
        set_points(Box::new(move |points| points.push(point)));
        period.set(String::new());
        date.set(String::new());
        value.set(String::new());
        problems.set(Vec::new());
    };
    let set_measure = move |on: bool| {
        set_thresholds(Box::new(move |thresholds| {
            *thresholds = on.then(|| Thresholds {
                measure: "% meeting the expected standard".into(),
                coasting: 50.0,
                national_average: 65.0,
                top15: 78.0,
            });
        }))
    };
    let threshold_field = move |id: &'static str,
                                label: &'static str,
                                get: fn(&Thresholds) -> f64,
                                set: fn(&mut Thresholds, f64)| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="number" step="any"
                    prop:value=move || trajectory.with(|t| t.as_ref().and_then(|t| t.thresholds.as_ref()).map(|th| get(th).to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                            set_thresholds(Box::new(move |t| if let Some(th) = t.as_mut() { set(th, v) }));
                        }
                    } />
            </div>
        }
    };
    let bad_thresholds = move || {
        trajectory.with(|t| {
            t.as_ref()
                .and_then(|t| t.thresholds.as_ref())
                .and_then(|th| th.band(0.0).err())
        })
    };

    view! {
        <section class="panel" aria-labelledby="trajectory-heading">
            <h2 id="trajectory-heading">"Performance trajectory"</h2>
            <p class="lead">"Enter the school's results over several years or terms against the four bands on Carter's performance trajectory schematic (Floor, Coasting, National average, Top 15%). Waypoint places the trajectory on one of his eight improvement journeys."</p>
            <fieldset class="segmented">
                <legend>"How to enter results"</legend>
                <input type="radio" id="entry-bands" name="entry-mode" prop:checked=move || !uses_measure.get()
                    on:change=move |_| set_measure(false) />
                <label for="entry-bands">"A band for each period"</label>
                <input type="radio" id="entry-measure" name="entry-mode" prop:checked=move || uses_measure.get()
                    on:change=move |_| set_measure(true) />
                <label for="entry-measure">"A measure with thresholds"</label>
            </fieldset>
            <Show when=move || uses_measure.get()>
                <div class="field-row thresholds">
                    {threshold_field("threshold-coasting", "Coasting from", |t| t.coasting, |t, v| t.coasting = v)}
                    {threshold_field("threshold-average", "National average from", |t| t.national_average, |t, v| t.national_average = v)}
                    {threshold_field("threshold-top", "Top 15% from", |t| t.top15, |t, v| t.top15 = v)}
                </div>
                <p class="hint">"Below the coasting threshold counts as Floor."</p>
                {move || bad_thresholds().map(|e| view! { <p class="form-error" role="alert">{format!("Check the thresholds: {e}.")}</p> })}
            </Show>
            <Terms text="Floor, Coasting, National average, Top 15%".to_string() />
            <form class="add-point" on:submit=add novalidate>
                <ErrorSummary problems=problems />
                <div class="field-row point-fields">
                    <div class="field">
                        <label for="point-period">"Period"</label>
                        <input id="point-period" type="text" dir="auto" maxlength=MAX_NAME_CHARS.to_string() placeholder="e.g. 2024"
                            prop:value=move || period.get() on:input=move |ev| period.set(clamp_chars(&event_target_value(&ev), 40)) />
                    </div>
                    <DateField id="point-date" label="Date of results" optional=true value=date confirm=date_confirmed />
                    <Show when=move || uses_measure.get()
                        fallback=move || view! {
                            <div class="field">
                                <label for="point-band">"Band"</label>
                                <select id="point-band" on:change=move |ev| if let Some(b) = Band::from_id(&event_target_value(&ev)) { band.set(b) }>
                                    {Band::ALL.into_iter().map(|b| view! { <option value=b.id() selected=move || band.get() == b>{b.name()}</option> }).collect_view()}
                                </select>
                            </div>
                        }>
                        <div class="field">
                            <label for="point-value">"Measure"</label>
                            <input id="point-value" type="text" inputmode="decimal" prop:value=move || value.get()
                                on:input=move |ev| value.set(event_target_value(&ev)) />
                        </div>
                    </Show>
                </div>
                <button type="submit" class="button">"Add point"</button>
            </form>
            <div class="trajectory-grid">
                <div>
                    <ChartCanvas wide=true
                        label=Signal::derive(move || format!("Performance trajectory chart: {}. The table gives the same.",
                            trajectory.with(|t| t.as_ref().map(|t| t.points.iter().zip(t.bands()).map(|(p, b)| format!("{} {}", p.period, b.map_or("no band", Band::name))).collect::<Vec<_>>().join(", ")).unwrap_or_default())))
                        draw=move |element| {
                            let points: Vec<(String, Option<Band>)> = trajectory.with(|t| {
                                t.as_ref()
                                    .map(|t| t.points.iter().map(|p| p.period.clone()).zip(t.bands()).collect())
                                    .unwrap_or_default()
                            });
                            draw_trajectory(element, &points)
                        } />
                    <table class="profile-table points-table">
                        <caption>"Points entered"</caption>
                        <thead><tr><th scope="col">"Period"</th><th scope="col">"Measure"</th><th scope="col">"Band"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                        <tbody>
                            {move || trajectory.with(|t| t.as_ref().map(|t| t.points.iter().cloned().zip(t.bands()).enumerate().map(|(i, (p, b))| {
                                view! {
                                    <tr>
                                        <th scope="row" dir="auto">{p.period.clone()}{(p.date != OptionalDay::Absent).then(|| format!(" ({})", crate::domain::base::dates::display(&p.date)))}</th>
                                        <td>{p.value.map(|v| v.to_string()).unwrap_or_else(|| "–".into())}</td>
                                        <td>{b.map_or("–", Band::name)}</td>
                                        <td><button type="button" class="link-button" aria-label=format!("Remove {}", p.period)
                                            on:click=move |_| set_points(Box::new(move |points| { if i < points.len() { points.remove(i); } }))>"Remove"</button></td>
                                    </tr>
                                }
                            }).collect_view()))}
                        </tbody>
                    </table>
                </div>
                <JourneyVerdict trajectory=trajectory />
                <StageJourney school=school.get_value() />
            </div>
        </section>
    }
}

#[component]
fn JourneyVerdict(trajectory: Memo<Option<Trajectory>>) -> impl IntoView {
    let content = journeys();
    view! {
        <div class="journey" aria-live="polite">
            {move || { let reading = trajectory.with(|t| t.as_ref().map_or_else(|| read_series(&[]), Trajectory::reading)); let role = suggest_role(&reading); let verdict = match reading.classification {
                Classification::TooShort { points } => view! {
                    <h3>"Journey: not enough data yet"</h3>
                    <p>{format!("{points} point{} with a band. At least three are needed to see a trajectory; Waypoint will not guess from fewer.", if points == 1 { "" } else { "s" })}</p>
                }.into_any(),
                Classification::Ambiguous { reason, closest } => view! {
                    <h3>"Journey: no clear match"</h3>
                    <p>{format!("Waypoint cannot place this trajectory on one journey: {reason}.")}</p>
                    <p>"The closest journeys, and why:"</p>
                    <ul>{closest.into_iter().map(|n| { let j = content.journey(n.letter); view! { <li><strong>{format!("{} – {}", j.letter, j.name)}</strong>{format!(": {}. ", n.why)}{j.description.clone()}</li> } }).collect_view()}</ul>
                }.into_any(),
                Classification::Journey { letter, reason } => {
                    let j = content.journey(letter);
                    view! {
                        <p class="journey-letter" aria-hidden="true">{letter.to_string()}</p>
                        <h3>{format!("Journey {} – {}", j.letter, j.name)}</h3>
                        <p class="journey-why">{format!("Why: {reason}.")}</p>
                        <p>{j.description.clone()}</p>
                        <p class="journey-question"><strong>"Key question: "</strong>{j.question.clone()}</p>
                        <ul>{j.capacity.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                    }.into_any()
                }
            };
            view! {
                {verdict}
                <p class="hint">{reading.speed}</p>
                {role.map(|r| view! { <p class=format!("role role-{:?}", r.role).to_lowercase()><strong>{r.role.label()}</strong>{format!(". {}", r.text)}</p> })}
            } }}
            <details class="rule">
                <summary>"How the journey and role are suggested (Waypoint's rules)"</summary>
                <p>"Carter names and describes the eight journeys; these rules for recognising them in a school's results are Waypoint's."</p>
                <ol>{RULES.iter().map(|r| view! { <li>{*r}</li> }).collect_view()}</ol>
                <p>{ROLE_RULE}</p>
            </details>
        </div>
    }
}

/// The journey read from the school's dated whole-school stages, beside the one from its
/// results (Waypoint's reading of the schematic, see [`STAGE_JOURNEY_RULE`]).
#[component]
fn StageJourney(school: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let reading = Memo::new(move |_| {
        state.store.with(|s| {
            let list: Vec<_> = s.assessments_of(&school).collect();
            stage_journey(four_stages(), &list)
        })
    });
    view! {
        <div class="journey-from-stages" aria-live="polite">
            <h3>"From the dated stage assessments"</h3>
            {move || reading.with(|r| match &r.classification {
                Classification::TooShort { points } => view! {
                    <p>{format!("{points} dated whole-school assessment{} with a stage. At least three are needed to read a journey from the stages.", if *points == 1 { "" } else { "s" })}</p>
                }.into_any(),
                Classification::Ambiguous { reason, closest } => view! {
                    <p>{format!("No clear journey from the stages: {reason}. Closest: {}.", closest.iter().map(|n| n.letter.to_string()).collect::<Vec<_>>().join(" or "))}</p>
                }.into_any(),
                Classification::Journey { letter, reason } => {
                    let j = journeys().journey(*letter);
                    view! {
                        <p class="stage-journey-letter"><strong>{format!("Journey {} – {}", j.letter, j.name)}</strong>{format!(". Why: {reason}.")}</p>
                        <p>{carter_on(*letter)}"."</p>
                    }.into_any()
                }
            })}
            <p class="hint">{STAGE_JOURNEY_RULE}</p>
        </div>
    }
}
