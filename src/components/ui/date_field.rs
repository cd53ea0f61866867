//! A labelled date field bound to a signal: the one way forms here ask for a date. A date
//! far from today (Waypoint's range: `domain::base::dates::far_from_today`) is questioned
//! beside the field, and the form takes it only once the box under it is ticked
//! ([`FarDateConfirmation::problem`], the check every form makes before it saves).

use leptos::prelude::*;

use crate::domain::base::dates::{far_from_today, unconfirmed_far_date, CONFIRM_FAR_DATE};

/// Whether the user has ticked "Yes, this date is right" under one date field: made by
/// the form, given to its [`DateField`], and asked before the form saves.
#[derive(Clone, Copy)]
pub struct FarDateConfirmation(RwSignal<bool>);

impl FarDateConfirmation {
    pub fn new() -> Self {
        Self(RwSignal::new(false))
    }

    /// What the form says when `date` is far from today and not confirmed (the domain's
    /// rule, `unconfirmed_far_date`); `None` when the form may take it.
    pub fn problem(self, date: &str) -> Option<String> {
        unconfirmed_far_date(date, &crate::browser::today_iso(), self.0.get_untracked())
    }

    /// The id of the box, for a form's error summary to link to.
    pub fn box_id(field_id: &str) -> String {
        format!("{field_id}-confirm")
    }
}

impl Default for FarDateConfirmation {
    fn default() -> Self {
        Self::new()
    }
}

/// `<div class="field">` with its label and a date input holding `value` (yyyy-mm-dd).
/// A date far from today shows why, and a box to confirm it (its id is the field's id
/// with `-confirm`); changing the date clears the box.
#[component]
pub fn DateField(
    #[prop(into)] id: String,
    label: &'static str,
    value: RwSignal<String>,
    confirm: FarDateConfirmation,
    /// "(optional)" after the label, for a date a form can do without.
    #[prop(optional)]
    optional: bool,
) -> impl IntoView {
    let today = StoredValue::new(crate::browser::today_iso());
    let far = move || today.with_value(|t| far_from_today(&value.get(), t));
    let confirm_id = FarDateConfirmation::box_id(&id);
    let hint_id = format!("{id}-far");
    let hint_for_box = hint_id.clone();
    let FarDateConfirmation(confirmed) = confirm;
    view! {
        <div class="field">
            <label for=id.clone()>{label}{optional.then(|| view! { " " <span class="optional">"(optional)"</span> })}</label>
            <input id=id type="date" prop:value=move || value.get()
                aria-describedby=move || far().is_some().then(|| hint_id.clone())
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    confirmed.set(false);
                } />
            {move || far().map(|why| {
                let (hint, box_id) = (hint_for_box.clone(), confirm_id.clone());
                view! {
                    <p class="hint far-date" id=hint>{format!("{why}: is that right?")}</p>
                    <div class="checkbox">
                        <input type="checkbox" id=box_id.clone() prop:checked=move || confirmed.get()
                            on:change=move |ev| confirmed.set(event_target_checked(&ev)) />
                        <label for=box_id>{CONFIRM_FAR_DATE}</label>
                    </div>
                }
            })}
        </div>
    }
}
