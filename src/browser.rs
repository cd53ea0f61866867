//! Thin wrappers over the few browser APIs the views need (time, ids, downloads, location).

use wasm_bindgen::JsCast;

/// Milliseconds since 1970, from the browser clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Today's local date as yyyy-mm-dd.
pub fn today_iso() -> String {
    date_of(now_ms())
}

/// A short id, unique within one browser: the time plus randomness, URL-safe.
pub fn new_id() -> String {
    let time = now_ms() as u64;
    let noise = (js_sys::Math::random() * 2_176_782_336.0) as u64;
    format!(
        "a{}{}",
        crate::domain::base::ids::base36(time),
        crate::domain::base::ids::base36(noise)
    )
}

/// An id made of randomness alone (no time in it): for a member's answers, which must
/// not tell when or where they were made.
pub fn random_id() -> String {
    let part = || (js_sys::Math::random() * 2_176_782_336.0) as u64;
    format!(
        "r{}{}",
        crate::domain::base::ids::base36(part()),
        crate::domain::base::ids::base36(part())
    )
}

/// The current location hash, e.g. `#/new`.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Navigates to another page of the app.
pub fn go_to(href: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(href.trim_start_matches('#'));
    }
}

/// Lets the browser draw and handle input before long work goes on (a task boundary).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Reloads the page (to pick up a newer version of Waypoint).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Offers text to the user as a downloaded file; nothing leaves the browser.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not prepare the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not prepare the file".to_string())?;
    let outcome = download_url(file_name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
    outcome
}

/// Sets the browser tab's title.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Moves focus to the page's main heading, after a page change.
pub fn focus_main_heading() {
    let heading = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main h1").ok().flatten());
    if let Some(heading) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.focus();
    }
}

/// Scrolls the element with this id into view and moves focus to it (making it focusable
/// if it is not), as an in-page link would: the app's own links change the route.
pub fn focus_id(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        if element.tab_index() < 0 && !element.has_attribute("tabindex") {
            let _ = element.set_attribute("tabindex", "-1");
        }
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// Reads a file the user picked or dropped, as UTF-8 text; a file in another encoding
/// is refused with the encoding's name (see `domain::base::reading::text_of_file`).
pub async fn read_file_text(file: &web_sys::File) -> Result<String, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "the browser could not read the file".to_string())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    crate::domain::base::reading::text_of_file(&bytes).map_err(|e| e.to_string())
}

/// Offers a URL (a `blob:` of text, or a `data:` image such as a chart) as a downloaded file.
pub fn download_url(file_name: &str, url: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "no document")?
        .unchecked_into();
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.click();
    Ok(())
}

/// Copies text to the clipboard; false if the browser refused.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Opens the browser's print dialog (where "Save as PDF" lives).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A CompressionStream or DecompressionStream: the browser's own (de)compression, so
    /// the app ships no compression code.
    type TransformStream;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &TransformStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &TransformStream) -> web_sys::WritableStream;
}

/// Which way bytes go through the browser's DEFLATE streams.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deflate {
    Compress,
    Decompress,
}

/// Raw DEFLATE of `bytes`, in or out. Output beyond `limit` bytes stops the stream, so
/// a hostile link cannot inflate into gigabytes.
pub async fn deflate(bytes: &[u8], direction: Deflate, limit: usize) -> Result<Vec<u8>, String> {
    let class = match direction {
        Deflate::Compress => "CompressionStream",
        Deflate::Decompress => "DecompressionStream",
    };
    let stream: TransformStream = js_sys::Reflect::get(&js_sys::global(), &class.into())
        .and_then(|c| c.dyn_into::<js_sys::Function>())
        .and_then(|c| js_sys::Reflect::construct(&c, &js_sys::Array::of1(&"deflate-raw".into())))
        .map_err(|_| "this browser cannot compress or expand data".to_string())?
        .unchecked_into();
    let (readable, writable) = (stream.readable(), stream.writable());
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|_| "no blob")?;
    let output = blob
        .stream()
        .pipe_through(&web_sys::ReadableWritablePair::new(&readable, &writable));
    let reader: web_sys::ReadableStreamDefaultReader = output.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|_| "the data is damaged".to_string())?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .map(|d| d.is_truthy())
            .unwrap_or(true);
        if done {
            return Ok(out);
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| "no data")?;
        let array: js_sys::Uint8Array = value.unchecked_into();
        if out.len() + array.length() as usize > limit {
            let _ = reader.cancel();
            return Err("the data expands to more than Waypoint will read".into());
        }
        let start = out.len();
        out.resize(start + array.length() as usize, 0);
        array.copy_to(&mut out[start..]);
    }
}

/// Installs the service worker that lets the app open offline after a first visit.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let served = window
        .location()
        .protocol()
        .is_ok_and(|p| p == "http:" || p == "https:");
    let supported =
        js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into()).unwrap_or(false);
    if served && supported {
        let _ = window.navigator().service_worker().register("sw.js");
    }
}

/// Calls `ready` when the service worker keeps a newer release of the app than this page
/// runs (`public/sw.js`): the page tells the worker which release it runs (its `<head>`,
/// which links the release's hashed files), and the worker's only message means "ready".
/// Untyped calls through `Reflect`, because each new typed binding adds to the download;
/// where there is no service worker a call fails and is ignored.
pub fn on_new_version(mut ready: impl FnMut() + 'static) {
    use js_sys::Reflect;
    let Some(window) = web_sys::window() else {
        return;
    };
    let get = |target: &wasm_bindgen::JsValue, key: &str| {
        Reflect::get(target, &key.into()).unwrap_or_default()
    };
    let container = get(&window.navigator(), "serviceWorker");
    let listener =
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |_| ready());
    let _ = container
        .unchecked_ref::<web_sys::EventTarget>()
        .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    listener.forget();
    let worker = get(&container, "controller");
    let head = get(&get(&window.document().into(), "head"), "innerHTML");
    let _ = get(&worker, "postMessage")
        .unchecked_into::<js_sys::Function>()
        .call1(&worker, &head);
}

/// Whether the browser keeps this site's data until the user clears it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    Unknown,
    /// The browser may clear the data under storage pressure or after weeks unvisited.
    BestEffort,
    Persistent,
}

/// Asks the browser to keep this site's data (`navigator.storage.persist()`); some grant
/// it at once, some only to installed or bookmarked sites, some ask the user.
pub async fn request_persistence() -> Persistence {
    let Some(window) = web_sys::window() else {
        return Persistence::Unknown;
    };
    if !js_sys::Reflect::has(&window.navigator(), &"storage".into()).unwrap_or(false) {
        return Persistence::Unknown;
    }
    let storage = window.navigator().storage();
    let ask = |promise: Result<js_sys::Promise, wasm_bindgen::JsValue>| async move {
        match promise {
            Ok(p) => wasm_bindgen_futures::JsFuture::from(p)
                .await
                .ok()
                .and_then(|v| v.as_bool()),
            Err(_) => None,
        }
    };
    if ask(storage.persisted()).await == Some(true) {
        return Persistence::Persistent;
    }
    match ask(storage.persist()).await {
        Some(true) => Persistence::Persistent,
        Some(false) => Persistence::BestEffort,
        None => Persistence::Unknown,
    }
}

/// A time as a local date, yyyy-mm-dd.
pub fn date_of(ms: f64) -> String {
    crate::domain::base::dates::from_ms(ms, utc_offset_minutes(ms))
        .unwrap_or_else(|| "unknown".into())
}

/// A moment as "23 Nov 2026" in local time, or "unknown" for an impossible value.
pub fn display_moment(ms: f64) -> String {
    crate::domain::base::dates::display_ms(ms, utc_offset_minutes(ms))
}

/// A moment as "23 Nov 2026, 14:05" in local time, or "unknown".
pub fn display_moment_time(ms: f64) -> String {
    crate::domain::base::dates::display_ms_time(ms, utc_offset_minutes(ms))
}

/// Minutes east of UTC at that moment, in this browser's time zone.
fn utc_offset_minutes(ms: f64) -> f64 {
    -js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms)).get_timezone_offset()
}

/// Mounts an app in place of the page's own first screen (index.html draws one for a
/// first visit to the home page, and for join and answer links): the copy gives way to
/// the app's, which is the same, in one task, so nothing moves or flashes; and only once
/// it has been painted, so that it shows as soon as the page and stylesheet are in,
/// whatever the network.
pub fn mount_after_first_screen(mount: impl FnOnce() + 'static) {
    match leptos::prelude::document().get_element_by_id("first-screen") {
        Some(first) => leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(
                move || {
                    first.remove();
                    mount();
                },
                std::time::Duration::ZERO,
            )
        }),
        None => mount(),
    }
}

/// Says on the page's root element what the app is doing (`data-…`), for tests and for
/// anyone watching the page: tests wait on these, never on a fixed time.
pub fn mark_state(name: &str, value: &str) {
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute(name, value);
    }
}
