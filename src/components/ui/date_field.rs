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
            {move || far().map(|why| far_date_question(
                hint_for_box.clone(),
                confirm_id.clone(),
                format!("{why}: is that right?"),
                confirmed.into(),
                Callback::new(move |ticked| confirmed.set(ticked)),
            ))}
        </div>
    }
}

/// A date saved as soon as it changes (a setting with no Save button, such as the
/// trust's school year): a date far from today is held, questioned beside the field, and
/// saved only once its box is ticked; any other date is saved at once.
#[component]
pub fn SavedDateField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    /// The label for screen readers only (a date in a table, under its column's heading).
    #[prop(optional)]
    label_hidden: bool,
    /// The date as stored.
    #[prop(into)]
    stored: Signal<String>,
    on_save: Callback<String>,
) -> impl IntoView {
    let today = StoredValue::new(crate::browser::today_iso());
    let far = move |date: &str| today.with_value(|t| far_from_today(date, t));
    // A far date typed and not yet confirmed (not saved).
    let held = RwSignal::new(None::<String>);
    let why = move || held.get().and_then(|d| far(&d));
    let hint_id = format!("{id}-far");
    let hint_for_box = hint_id.clone();
    let box_id = FarDateConfirmation::box_id(&id);
    view! {
        <div class="field">
            <label for=id.clone() class:visually-hidden=label_hidden>{move || label.get()}</label>
            <input id=id type="date" prop:value=move || held.get().unwrap_or_else(|| stored.get())
                aria-describedby=move || why().is_some().then(|| hint_id.clone())
                on:change=move |ev| {
                    let date = event_target_value(&ev);
                    if far(&date).is_some() {
                        held.set(Some(date));
                    } else {
                        held.set(None);
                        on_save.run(date);
                    }
                } />
            {move || why().map(|why| far_date_question(
                hint_for_box.clone(),
                box_id.clone(),
                format!("{why}: is that right? It is saved once the box is ticked."),
                Signal::stored(false),
                Callback::new(move |ticked| {
                    if let Some(date) = held.get_untracked().filter(|_| ticked) {
                        held.set(None);
                        on_save.run(date);
                    }
                }),
            ))}
        </div>
    }
}

/// Why a date is far from today (`question`: "… is that right?"), and the box that
/// confirms it: the one view of the question, for every date field.
fn far_date_question(
    hint_id: String,
    box_id: String,
    question: String,
    ticked: Signal<bool>,
    on_tick: Callback<bool>,
) -> impl IntoView {
    view! {
        <p class="hint far-date" id=hint_id>{question}</p>
        <div class="checkbox">
            <input type="checkbox" id=box_id.clone() prop:checked=move || ticked.get()
                on:change=move |ev| on_tick.run(event_target_checked(&ev)) />
            <label for=box_id>{CONFIRM_FAR_DATE}</label>
        </div>
    }
}
