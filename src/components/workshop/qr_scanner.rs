//! Scanning members' QR codes with this computer's camera. The decoder (the `rqrr` crate)
//! runs in a web worker of its own, fetched only when the scanner is opened, so it is not
//! part of the app's download; frames go from the camera to the worker and nowhere else.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The camera, the worker and the timer of a running scan.
struct Scan {
    stream: web_sys::MediaStream,
    worker: web_sys::Worker,
    timer: i32,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_tick: Closure<dyn FnMut()>,
}

impl Drop for Scan {
    fn drop(&mut self) {
        for track in self.stream.get_tracks() {
            track.unchecked_into::<web_sys::MediaStreamTrack>().stop();
        }
        self.worker.terminate();
        if let Some(window) = web_sys::window() {
            window.clear_interval_with_handle(self.timer);
        }
    }
}

/// The scanner worker's loader, named in the page by the build (`scripts/csp.mjs`).
fn worker_url() -> Option<String> {
    document()
        .query_selector("meta[name=waypoint-scanner]")
        .ok()
        .flatten()?
        .get_attribute("content")
}

/// The widest frame sent to the decoder: enough for a code held up to a laptop camera.
const FRAME_WIDTH: u32 = 800;

/// How many frames the decoder has read, and how long each took: shown on the scanner as
/// data attributes (`data-frames`, `data-decode-ms`), so tests wait on the app's own
/// progress and the decoding pace on a given machine can be measured.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Pace {
    frames: u32,
    total_ms: f64,
    slowest_ms: f64,
}

async fn start(
    video: web_sys::HtmlVideoElement,
    on_text: Rc<dyn Fn(String)>,
    pace: RwSignal<Pace>,
) -> Result<Scan, String> {
    let url = worker_url().ok_or("the scanner is missing from this copy of Waypoint")?;
    let devices = window()
        .navigator()
        .media_devices()
        .map_err(|_| "this browser gives no access to a camera")?;
    let constraints = web_sys::MediaStreamConstraints::new();
    let video_wanted = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&video_wanted, &"facingMode".into(), &"environment".into());
    constraints.set_video(&video_wanted);
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|_| "this browser gives no access to a camera")?;
    let stream: web_sys::MediaStream = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| "the camera could not be started, or using it was not allowed")?
        .unchecked_into();
    video.set_src_object(Some(&stream));
    let _ = video.play();
    let worker = web_sys::Worker::new(&url).map_err(|_| "the scanner could not be started")?;
    // The decoder's files may not load (offline before they were kept): say so.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        pace.update(|p| p.frames = u32::MAX);
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    let busy = Rc::new(RefCell::new(false));
    let done = busy.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            *done.borrow_mut() = false;
            let data = ev.data();
            let ms = js_sys::Reflect::get(&data, &"ms".into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0);
            pace.update(|p| {
                p.frames += 1;
                p.total_ms += ms;
                p.slowest_ms = p.slowest_ms.max(ms);
            });
            let found: js_sys::Array = js_sys::Reflect::get(&data, &"found".into())
                .map(JsCast::unchecked_into)
                .unwrap_or_default();
            for text in found.iter().filter_map(|t| t.as_string()) {
                on_text(text);
            }
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let canvas: web_sys::HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(|_| "no canvas")?
        .unchecked_into();
    // Frames are read back every time: tell the browser so.
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"willReadFrequently".into(), &true.into());
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context_with_context_options("2d", &options)
        .ok()
        .flatten()
        .ok_or("no canvas")?
        .unchecked_into();
    let sender = worker.clone();
    let on_tick = Closure::<dyn FnMut()>::new(move || {
        let (w, h) = (video.video_width(), video.video_height());
        if *busy.borrow() || w == 0 || h == 0 {
            return;
        }
        let scale = (f64::from(FRAME_WIDTH) / f64::from(w)).min(1.0);
        let (fw, fh) = ((f64::from(w) * scale) as u32, (f64::from(h) * scale) as u32);
        canvas.set_width(fw);
        canvas.set_height(fh);
        if context
            .draw_image_with_html_video_element_and_dw_and_dh(
                &video,
                0.0,
                0.0,
                fw.into(),
                fh.into(),
            )
            .is_err()
        {
            return;
        }
        let Ok(frame) = context.get_image_data(0.0, 0.0, fw.into(), fh.into()) else {
            return;
        };
        let pixels = js_sys::Reflect::get(&frame, &"data".into()).unwrap_or_default();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"width".into(), &fw.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &fh.into());
        let _ = js_sys::Reflect::set(&message, &"data".into(), &pixels);
        let buffer = js_sys::Reflect::get(&pixels, &"buffer".into()).unwrap_or_default();
        if sender
            .post_message_with_transfer(&message, &js_sys::Array::of1(&buffer))
            .is_ok()
        {
            *busy.borrow_mut() = true;
        }
    });
    let timer = window()
        .set_interval_with_callback_and_timeout_and_arguments_0(
            on_tick.as_ref().unchecked_ref(),
            250,
        )
        .map_err(|_| "the scanner could not be started")?;
    Ok(Scan {
        stream,
        worker,
        timer,
        _on_message: on_message,
        _on_tick: on_tick,
    })
}

#[component]
pub fn QrScanner(
    /// Called with the text of each new code read.
    on_code: Callback<String>,
) -> impl IntoView {
    let video = NodeRef::<leptos::html::Video>::new();
    let scan: StoredValue<Option<Scan>, LocalStorage> = StoredValue::new_local(None);
    let open = RwSignal::new(false);
    let read = RwSignal::new(0usize);
    let problem = RwSignal::new(None::<String>);
    let pace = RwSignal::new(Pace::default());
    let seen: StoredValue<Vec<String>> = StoredValue::new(Vec::new());
    let stop = move || {
        scan.set_value(None);
        open.set(false);
    };
    let begin = move |_| {
        problem.set(None);
        open.set(true);
        request_animation_frame(move || {
            let Some(element) = video.get_untracked() else {
                return;
            };
            let on_text: Rc<dyn Fn(String)> = Rc::new(move |text: String| {
                if seen.with_value(|s| s.contains(&text)) {
                    return;
                }
                seen.update_value(|s| s.push(text.clone()));
                read.update(|n| *n += 1);
                on_code.run(text);
            });
            leptos::task::spawn_local(async move {
                match start(element, on_text, pace).await {
                    Ok(running) => scan.set_value(Some(running)),
                    Err(why) => {
                        problem.set(Some(format!("The camera could not be used: {why}. Paste the answer links instead, or drop the files.")));
                        open.set(false);
                    }
                }
            });
        });
    };
    on_cleanup(move || scan.set_value(None));
    view! {
        <div class="scanner"
            data-frames=move || pace.with(|p| if p.frames == u32::MAX { 0 } else { p.frames }).to_string()
            data-decode-ms=move || pace.with(|p| if p.frames == 0 || p.frames == u32::MAX { String::new() } else { format!("{:.1}", p.total_ms / f64::from(p.frames)) })
            data-slowest-ms=move || pace.with(|p| format!("{:.1}", p.slowest_ms))>
            <Show when=move || open.get() fallback=move || view! {
                <button type="button" class="button" on:click=begin>"Scan answer codes with the camera"</button>
            }>
                <video node_ref=video class="scanner-video" muted=true playsinline=true aria-label="What the camera sees"></video>
                <p role="status">{move || match read.get() {
                    0 => "Hold a member's code up to the camera. Nothing from the camera leaves this computer.".to_string(),
                    1 => "1 code read. Hold up the next one.".to_string(),
                    n => format!("{n} codes read. Hold up the next one."),
                }}</p>
                <button type="button" class="button" on:click=move |_| stop()>"Stop scanning"</button>
            </Show>
            <p class="form-error" role="alert">{move || problem.get().or_else(|| pace.with(|p| p.frames == u32::MAX).then(|| {
                "The code reader could not be loaded (this computer may be offline, and Waypoint has not kept it yet). Paste the answer links instead, or drop the files.".to_string()
            }))}</p>
        </div>
    }
}
