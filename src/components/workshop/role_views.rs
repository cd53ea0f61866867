//! Each role's view of each area, shown only for roles of three or more people: with
//! fewer, each could tell the others' answers from their own. The reason is stated.

use leptos::prelude::*;

use crate::components::workshop::spectrum_profile::describe_position;
use crate::components::workshop::reading::with_workshop;
use crate::domain::workshop::aas::aas;
use crate::domain::workshop::tally::{by_role, HIDDEN_REASON};

#[component]
pub fn RoleViews(id: String) -> impl IntoView {
    let roles = Memo::new(move |_| with_workshop(&id, |w| by_role(aas(), w)));
    view! {
        <section class="panel role-views" aria-labelledby="roles-heading">
            <h2 id="roles-heading">"By role"</h2>
            {move || roles.get().map(|roles| roles.into_iter().map(|role| view! {
                <h3 dir="auto">{format!("{} ({} {})", role.role, role.people, if role.people == 1 { "member" } else { "members" })}</h3>
                {match role.areas {
                    None => view! { <p class="hidden-reason">{HIDDEN_REASON}</p> }.into_any(),
                    Some(areas) => view! {
                        <ul>{areas.into_iter().map(|(name, now, wanted)| view! {
                            <li>{format!("{name}: now {}, wanted {}", describe_position(now), describe_position(wanted))}</li>
                        }).collect_view()}</ul>
                    }.into_any(),
                }}
            }).collect_view())}
        </section>
    }
}
