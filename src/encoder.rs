//! The QR code drawer's web worker: its own small wasm, fetched only by the pages that
//! show a code (the join screen, a member's "Send my answers"), so the encoder is not in
//! the app's download. It receives a link and answers with the code as an SVG path.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_text =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            let answer = js_sys::Object::new();
            let set = |key: &str, value: JsValue| {
                let _ = js_sys::Reflect::set(&answer, &key.into(), &value);
            };
            set("text", JsValue::from_str(&text));
            if let Some((size, path)) = waypoint::qr::svg_path(&text) {
                set("size", JsValue::from_f64(size as f64));
                set("path", JsValue::from_str(&path));
            }
            let _ = reply.post_message(&answer);
        });
    scope.set_onmessage(Some(on_text.as_ref().unchecked_ref()));
    on_text.forget();
    // Messages sent before this point were lost: the page waits for this one.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The QR code drawer is a web worker of Waypoint's: build it with `trunk build`.");
}
