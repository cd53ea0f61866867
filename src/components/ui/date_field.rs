//! A labelled date field bound to a signal: the one way forms here ask for a date. A date
//! far from today (Waypoint's range: `domain::base::dates::far_from_today`) is questioned
//! beside the field, and the form takes it only once the box under it is ticked.

use leptos::prelude::*;

use crate::domain::base::dates::{far_from_today, CONFIRM_FAR_DATE};

/// `<div class="field">` with its label and a date input holding `value` (yyyy-mm-dd).
/// With `confirm`, a date far from today shows why, and a box to confirm it (its id is
/// the field's id with `-confirm`); changing the date clears the box.
#[component]
pub fn DateField(
    #[prop(into)] id: String,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] confirm: Option<RwSignal<bool>>,
) -> impl IntoView {
    let today = StoredValue::new(crate::browser::today_iso());
    let far = move || today.with_value(|t| far_from_today(&value.get(), t));
    let confirm_id = format!("{id}-confirm");
    let hint_id = format!("{id}-far");
    let hint_for_box = hint_id.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="date" prop:value=move || value.get()
                aria-describedby=move || (confirm.is_some() && far().is_some()).then(|| hint_id.clone())
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    if let Some(c) = confirm { c.set(false); }
                } />
            {move || confirm.and_then(|c| far().map(|why| {
                let (hint, box_id) = (hint_for_box.clone(), confirm_id.clone());
                view! {
                    <p class="hint far-date" id=hint>{format!("{why}: is that right?")}</p>
                    <div class="checkbox">
                        <input type="checkbox" id=box_id.clone() prop:checked=move || c.get()
                            on:change=move |ev| c.set(event_target_checked(&ev)) />
                        <label for=box_id>{CONFIRM_FAR_DATE}</label>
                    </div>
                }
            }))}
        </div>
    }
}
