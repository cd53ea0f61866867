//! The results as slides for a board: full screen, one area per slide, nothing on screen
//! to click or tick. Arrow keys, Page Up and Page Down (a presenter's clicker), Space or a
//! click move between slides; Escape leaves. Names are never shown: positions are
//! summarised as counts, and disagreement is given on a stated scale.

use leptos::prelude::*;

use crate::browser;
use crate::charts::spectrum::{draw_spectrum, SpectrumRow};
use crate::components::ui::chart_canvas::ChartCanvas;
use crate::components::ui::not_found::{Missing, NotFound};
use crate::components::workshop::position_summary::PositionSummary;
use crate::domain::workshop::aas::{aas, workshop_results, Workshop, WorkshopResults};
use crate::domain::workshop::tally::DISAGREEMENT_SCALE;
use crate::route::Route;
use crate::state::AppState;

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
    let state = expect_context::<AppState>();
    let lookup_id = id.clone();
    let workshop: Memo<Option<Workshop>> =
        Memo::new(move |_| state.store.with(|s| s.workshop(&lookup_id).cloned()));
    let results: Memo<WorkshopResults> = Memo::new(move |_| {
        workshop.with(|w| match w {
            Some(w) => workshop_results(aas(), w),
            None => workshop_results(aas(), &Workshop::new(String::new(), "", "", "", 0.0)),
        })
    });
    let slides = aas().areas.len() + 1;
    let slide = RwSignal::new(0usize);
    let width = RwSignal::new(0.0f64);
    let results_href = Route::WorkshopResults(id.clone()).href();
    let leave_to = results_href.clone();
    let leave = move || {
        leave_full_screen();
        browser::go_to(&leave_to);
    };
    let go = move |step: isize| {
        slide.update(|s| *s = (*s as isize + step).clamp(0, slides as isize - 1) as usize);
    };
    let leave_key = leave.clone();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " | "Enter" => go(1),
            "ArrowLeft" | "ArrowUp" | "PageUp" | "Backspace" => go(-1),
            "Home" => slide.set(0),
            "End" => slide.set(slides - 1),
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
    let title = move || {
        workshop.with(|w| {
            w.as_ref()
                .map(|w| state.store.with_untracked(|s| s.workshop_title(w)))
                .unwrap_or_default()
        })
    };
    let people = move || workshop.with(|w| w.as_ref().map_or(0, |w| w.respondents.len()));
    Effect::new(move |_| browser::set_title(&format!("{} – presentation – Waypoint", title())));
    view! {
        <Show when=move || workshop.with(Option::is_some) fallback=|| view! {
            <NotFound what=Missing::Workshop />
        }>
        <div class="presentation" on:click=move |_| go(1)>
            <p class="visually-hidden">"Presentation. Use the arrow keys to move between slides, and Escape to leave."</p>
            {move || match slide.get() {
                0 => view! {
                    <h1 dir="auto">{title()}</h1>
                    <p class="slide-count">{move || format!("{} · {} {} answered · names are not shown",
                        workshop.with(|w| w.as_ref().map(|w| crate::domain::base::dates::display(&w.date)).unwrap_or_default()),
                        people(), if people() == 1 { "person" } else { "people" })}</p>
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
                n => {
                    let area = &aas().areas[n - 1];
                    let area_id: &'static str = &area.id;
                    view! {
                        <h1>{area.name.clone()}</h1>
                        <p class="slide-count">{format!("Area {n} of {}", slides - 1)}</p>
                        <PositionSummary results=results area_id=area_id />
                        <p class="scale-note">{DISAGREEMENT_SCALE}</p>
                    }.into_any()
                }
            }}
        </div>
        </Show>
    }
}
