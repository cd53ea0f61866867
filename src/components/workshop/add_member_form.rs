//! Adding a member to a workshop by name and role, on the workshop page and on the grid:
//! one form, one rule for a blank name or one already here (`roster::name_taken`).

use leptos::prelude::*;

use crate::browser;
use crate::domain::base::text::{clamp_chars, MAX_NAME_CHARS};
use crate::domain::records::edits::{Edit, WorkshopEdit};
use crate::domain::workshop::aas::{Member, ROLES};
use crate::domain::workshop::roster::name_taken;
use crate::state::AppState;

#[component]
pub fn AddMemberForm(
    /// The workshop to add to.
    workshop_id: String,
    /// The start of the fields' ids ("new-member" gives `new-member-name`), and of the
    /// typed name's draft key.
    id_prefix: &'static str,
    /// The form's own class beside `inline-form`.
    #[prop(default = "")]
    class: &'static str,
    /// Told the new member's id once they are added.
    on_added: Callback<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let new_name = crate::components::ui::draft::draft(format!("{id_prefix}-{workshop_id}"), "");
    let new_role = RwSignal::new(ROLES[0].to_string());
    let problem = RwSignal::new(None::<&'static str>);
    let workshop_id = StoredValue::new(workshop_id);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        if name.trim().is_empty() {
            problem.set(Some("Enter the member's name."));
            return;
        }
        let wid = workshop_id.get_value();
        if state
            .store
            .with_untracked(|s| s.workshop(&wid).is_some_and(|w| name_taken(w, &name)))
        {
            problem.set(Some("Someone of that name is already here: choose them above, or add a surname or initial."));
            return;
        }
        let id = browser::new_id();
        let member = Member::new(id.clone(), &name, &new_role.get_untracked());
        if state.send(Edit::Workshop(WorkshopEdit::AddMember {
            workshop: wid,
            member,
        })) {
            new_name.set(String::new());
            problem.set(None);
            on_added.run(id);
        }
    };
    let name_id = format!("{id_prefix}-name");
    let role_id = format!("{id_prefix}-role");
    view! {
        <form class=format!("inline-form {class}") on:submit=add>
            <label for=name_id.clone()>"Add a member"</label>
            <input id=name_id type="text" dir="auto" maxlength=MAX_NAME_CHARS.to_string()
                placeholder="Name" prop:value=move || new_name.get()
                on:input=move |ev| new_name.set(clamp_chars(&event_target_value(&ev), MAX_NAME_CHARS)) />
            <label for=role_id.clone() class="visually-hidden">"Role"</label>
            <select id=role_id on:change=move |ev| new_role.set(event_target_value(&ev))>
                {ROLES.into_iter().map(|r| view! { <option value=r>{r}</option> }).collect_view()}
            </select>
            <button type="submit" class="button">"Add"</button>
        </form>
        <p class="form-error" role="alert">{move || problem.get()}</p>
    }
}
