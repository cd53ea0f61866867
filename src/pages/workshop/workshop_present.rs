//! The results as slides for a board: full screen, each slide fitting the screen (a long
//! area split across slides), nothing on screen to click or tick. A presenter's clicker
//! (Page Up and Page Down, the arrows, B for a blank screen), Space or a click move
//! through them; Escape leaves. Names are never shown: positions are summarised as
//! counts, and disagreement is given on a stated scale. The slides are the domain's
//! (`workshop::slides`).

use leptos::prelude::*;

use crate::browser;
use crate::charts::spectrum::{draw_spectrum, SpectrumRow};
use crate::components::ui::chart_canvas::ChartCanvas;
use crate::components::ui::not_found::{Missing, NotFound};
use crate::components::workshop::position_summary::PositionSummary;
use crate::components::workshop::ranked_practices::PracticeList;
use crate::components::workshop::reading::{self, with_workshop};
use crate::domain::workshop::aas::{aas, WorkshopResults};
use crate::domain::workshop::slides::{slides, Slide, RANKED_ON_SLIDE};
use crate::domain::workshop::tally::{AGREEMENT_EMPTY, AGREEMENT_NOTE, DISAGREEMENT_SCALE};
use crate::route::Route;

/// Asks the browser to show the page full screen (allowed after a click or key).
pub fn enter_full_screen() {
    let root = document().document_element();
    if let Some(root) = root {
        let request = js_sys::Reflect::get(&root, &"requestFullscreen".into()).unwrap_or_default();
        if let Some(request) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&request) {
            let _ = request.call0(&root);
        }
    }
}

fn leave_full_screen() {
    let doc = document();
    let open = js_sys::Reflect::get(&doc, &"fullscreenElement".into())
        .map(|e| !e.is_null() && !e.is_undefined())
        .unwrap_or(false);
    if open {
        let exit = js_sys::Reflect::get(&doc, &"exitFullscreen".into()).unwrap_or_default();
        if let Some(exit) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&exit) {
            let _ = exit.call0(&doc);
        }
    }
}

#[component]
pub fn WorkshopPresentPage(id: String) -> impl IntoView {
    // Each signal reads the stored workshop in place: nothing copies ten thousand members.
    let exists = reading::exists(id.clone());
    let results: Memo<WorkshopResults> = reading::results(id.clone());
    let deck_id = id.clone();
    let deck: Memo<Vec<Slide>> =
        Memo::new(move |_| with_workshop(&deck_id, |w| slides(aas(), w)).unwrap_or_default());
    let date_id = id.clone();
    let date = Memo::new(move |_| {
        with_workshop(&date_id, |w| crate::domain::base::dates::display(&w.date))
            .unwrap_or_default()
    });
    let count = move || deck.with(Vec::len).max(1);
    let slide = RwSignal::new(0usize);
    // B (or the full stop many clickers send) blanks the screen; any key brings it back.
    let blank = RwSignal::new(false);
    let width = RwSignal::new(0.0f64);
    let results_href = Route::WorkshopResults(id.clone()).href();
    let leave_to = results_href.clone();
    let leave = move || {
        leave_full_screen();
        browser::go_to(&leave_to);
    };
    let go = move |step: isize| {
        if blank.get_untracked() {
            blank.set(false);
            return;
        }
        let last = count() as isize - 1;
        slide.update(|s| *s = (*s as isize + step).clamp(0, last) as usize);
    };
    let leave_key = leave.clone();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " | "Enter" | "n" | "N" => go(1),
            "ArrowLeft" | "ArrowUp" | "PageUp" | "Backspace" | "p" | "P" => go(-1),
            "Home" => {
                blank.set(false);
                slide.set(0)
            }
            "End" => {
                blank.set(false);
                slide.set(count() - 1)
            }
            "b" | "B" | "." => blank.update(|b| *b = !*b),
            "Escape" => leave_key(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    let resized = window_event_listener(leptos::ev::resize, move |_| {
        width.set(
            window()
                .inner_width()
                .ok()
                .and_then(|w| w.as_f64())
                .unwrap_or(0.0),
        );
    });
    on_cleanup(move || resized.remove());
    // Leaving full screen (Escape, or the browser's own control) ends the presentation.
    let on_full = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        let open = js_sys::Reflect::get(&document(), &"fullscreenElement".into())
            .map(|e| !e.is_null() && !e.is_undefined())
            .unwrap_or(false);
        if !open {
            leave();
        }
    });
    let _ = document().add_event_listener_with_callback(
        "fullscreenchange",
        wasm_bindgen::JsCast::unchecked_ref(on_full.as_ref()),
    );
    let on_full = StoredValue::new_local(Some(on_full));
    on_cleanup(move || {
        if let Some(listener) = on_full.try_update_value(Option::take).flatten() {
            let _ = document().remove_event_listener_with_callback(
                "fullscreenchange",
                wasm_bindgen::JsCast::unchecked_ref(listener.as_ref()),
            );
        }
    });
    let title = reading::title(id.clone());
    let title = move || title.get();
    let people = reading::member_count(id.clone());
    let people = move || people.get();
    Effect::new(move |_| browser::set_title(&format!("{} – presentation – Waypoint", title())));
    let area_number = move |area_id: &str| {
        let shown: Vec<String> = deck.with(|d| {
            let mut ids: Vec<String> = Vec::new();
            for s in d {
                if let Slide::Area { area_id, .. } = s {
                    if !ids.contains(area_id) {
                        ids.push(area_id.clone());
                    }
                }
            }
            ids
        });
        let n = shown.iter().position(|a| a == area_id).map_or(0, |i| i + 1);
        format!("Area {n} of {}", shown.len())
    };
    view! {
        <Show when=move || exists.get() fallback=|| view! {
            <NotFound what=Missing::Workshop />
        }>
        <div class="presentation" class:blank=move || blank.get() on:click=move |_| go(1)
            data-slide=move || slide.get().to_string() data-slides=move || count().to_string()
            data-blank=move || blank.get().to_string()>
            <p class="visually-hidden">"Presentation. Page Down, Page Up or the arrow keys move between slides, B blanks the screen, and Escape leaves."</p>
            {move || {
                if blank.get() {
                    return view! { <p class="visually-hidden" role="status">"The screen is blank. Press B, or any key, to show the slide again."</p> }.into_any();
                }
                let index = slide.get().min(count() - 1);
                let Some(current) = deck.with(|d| d.get(index).cloned()) else {
                    return ().into_any();
                };
                let position = format!("Slide {} of {}", index + 1, count());
                match current {
                    Slide::Overview => view! {
                        <h1 dir="auto">{title()}</h1>
                        <p class="slide-count">{move || format!("{} · {} {} answered · names are not shown · {position}",
                            date.get(),
                            people(), if people() == 1 { "member" } else { "members" })}</p>
                        <h2>"Where each area stands"</h2>
                        <ChartCanvas wide=true
                            label=Signal::derive(move || "Each area on the spectrum: where it is now and where the board wants it.".to_string())
                            draw=move |element| {
                                width.track();
                                let rows: Vec<SpectrumRow> = results.with(|r| r.areas.iter().chain(std::iter::once(&r.overall))
                                    .map(|a| SpectrumRow { label: a.name.clone(), now: a.mean_now, desired: a.mean_desired }).collect());
                                draw_spectrum(element, &rows)
                            } />
                        <p class="scale-note">"Hollow dot: where it is now (the mean of everyone's answers). Filled dot: where the board wants it."</p>
                    }.into_any(),
                    Slide::Area { ref area_id, ref practices, .. } => view! {
                        <h1>{current.title()}</h1>
                        <p class="slide-count">{format!("{} · {position}", area_number(area_id))}</p>
                        <PositionSummary results=results practices=practices.clone() />
                        <p class="scale-note">{DISAGREEMENT_SCALE}</p>
                    }.into_any(),
                    Slide::Disagreements => view! {
                        <h1>{current.title()}</h1>
                        <p class="slide-count">{position}</p>
                        {move || view! { <PracticeList items=results.with(|r| r.largest_disagreements(RANKED_ON_SLIDE).into_iter().cloned().collect())
                            empty="No practice has answers two or more steps apart." show_spread=true /> }}
                        <p class="scale-note">{DISAGREEMENT_SCALE}</p>
                    }.into_any(),
                    Slide::Agreements => view! {
                        <h1>{current.title()}</h1>
                        <p class="slide-count">{position}</p>
                        {move || view! { <PracticeList items=results.with(|r| r.largest_agreements(RANKED_ON_SLIDE).into_iter().cloned().collect())
                            empty=AGREEMENT_EMPTY show_spread=true /> }}
                        <p class="scale-note">{AGREEMENT_NOTE}</p>
                    }.into_any(),
                }
            }}
        </div>
        </Show>
    }
}
