//! The QR code scanner's web worker: its own wasm, fetched only when the facilitator
//! opens the scanner. It receives camera frames (RGBA pixels) from the page and answers
//! with the text of every QR code found in each, and how long the decoding took (so the
//! page can show its pace: see `components::workshop::qr_scanner`). Nothing leaves the
//! browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_frame =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let number = |key: &str| {
                js_sys::Reflect::get(&data, &key.into())
                    .ok()
                    .and_then(|v| v.as_f64())
                    .unwrap_or(0.0) as usize
            };
            let (width, height) = (number("width"), number("height"));
            let pixels: Vec<u8> = js_sys::Reflect::get(&data, &"data".into())
                .map(|v| v.unchecked_into::<js_sys::Uint8ClampedArray>().to_vec())
                .unwrap_or_default();
            let started = js_sys::Date::now();
            let found = js_sys::Array::new();
            for text in waypoint::qr::decode_rgba(width, height, &pixels) {
                found.push(&JsValue::from_str(&text));
            }
            let took = js_sys::Date::now() - started;
            let answer = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&answer, &"found".into(), &found);
            let _ = js_sys::Reflect::set(&answer, &"ms".into(), &JsValue::from_f64(took));
            let _ = reply.post_message(&answer);
        });
    scope.set_onmessage(Some(on_frame.as_ref().unchecked_ref()));
    on_frame.forget();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The scanner is a web worker of Waypoint's: build it with `trunk build`.");
}
