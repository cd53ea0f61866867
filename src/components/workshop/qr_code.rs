//! A link as a QR code, drawn as one SVG path so that it is sharp at any size, from a
//! phone's screen to a projector. The code is made by the encoder's web worker (fetched
//! only by pages that show a code), so the encoder is not in the app's download.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A code as drawn: the link it is for, and its size and path (`None`: too long).
type Drawn = (String, Option<(usize, String)>);

/// The encoder worker, with the listener that hears its answers.
struct Encoder {
    worker: web_sys::Worker,
    _on_answer: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Drop for Encoder {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Why no code can be shown, in words for the user (then the link itself is offered).
const NO_CODE: &str = "No QR code can be shown: the code maker could not be loaded (this device may be offline, and Waypoint had not kept it). Send the link itself instead.";

fn start(
    drawn: RwSignal<Option<Drawn>>,
    ready: RwSignal<bool>,
    failed: RwSignal<bool>,
) -> Option<Encoder> {
    let url = document()
        .query_selector("meta[name=waypoint-encoder]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"));
    let Some(worker) = url.and_then(|url| web_sys::Worker::new(&url).ok()) else {
        failed.set(true);
        return None;
    };
    // A loader or wasm that cannot be fetched (offline, not kept) ends the worker.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| failed.set(true));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    let on_answer =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            if js_sys::Reflect::has(&data, &"failed".into()).unwrap_or(false) {
                failed.set(true);
                return;
            }
            if data.as_string().is_some() {
                // "ready": the worker listens from now on.
                ready.set(true);
                return;
            }
            let get = |key: &str| js_sys::Reflect::get(&data, &key.into()).unwrap_or_default();
            let text = get("text").as_string().unwrap_or_default();
            let code = get("size")
                .as_f64()
                .zip(get("path").as_string())
                .map(|(size, path)| (size as usize, path));
            drawn.set(Some((text, code)));
        });
    worker.set_onmessage(Some(on_answer.as_ref().unchecked_ref()));
    Some(Encoder {
        worker,
        _on_answer: on_answer,
    })
}

#[component]
pub fn QrCode(
    /// The text to encode (a join or response link).
    #[prop(into)]
    text: Signal<String>,
    /// What the code is, for screen readers ("QR code of the join link").
    label: &'static str,
) -> impl IntoView {
    let drawn = RwSignal::new(None::<Drawn>);
    let ready = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let encoder: StoredValue<Option<Encoder>, LocalStorage> =
        StoredValue::new_local(start(drawn, ready, failed));
    Effect::new(move |_| {
        let wanted = text.get();
        if !ready.get() {
            return;
        }
        encoder.with_value(|e| {
            if let Some(e) = e {
                let _ = e.worker.post_message(&JsValue::from_str(&wanted));
            }
        });
    });
    on_cleanup(move || encoder.set_value(None));
    view! {
        {move || failed.get().then(|| view! { <p class="hint qr-unavailable" role="status">{NO_CODE}</p> })}
        {move || drawn.with(|d| match d {
            // The answer for the link shown now (an earlier link's answer is not shown).
            Some((for_text, code)) if text.with(|t| t == for_text) => Some(match code {
                Some((size, path)) => view! {
                    <svg class="qr-code" viewBox=format!("0 0 {size} {size}") role="img" aria-label=label
                        shape-rendering="crispEdges">
                        <rect width=size.to_string() height=size.to_string() fill="#fff"></rect>
                        <path d=path.clone() fill="#000"></path>
                    </svg>
                }.into_any(),
                None => view! { <p class="hint">"This link is too long for a QR code: send the link itself."</p> }.into_any(),
            }),
            _ => None,
        })}
    }
}
