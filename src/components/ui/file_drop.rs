//! A file picker that also takes files dropped on it, several at once. Files over the
//! size limit are refused before they are read, so a huge file cannot freeze the page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;

/// A file as read: its name, and its text or why it could not be read.
pub type PickedFile = (String, Result<String, String>);

#[component]
pub fn FileDrop(
    /// The input's id, unique on the page.
    id: &'static str,
    label: &'static str,
    /// The largest file read, in bytes.
    max_bytes: usize,
    /// The kinds of file offered (the picker's `accept`).
    #[prop(default = ".json,application/json")]
    accept: &'static str,
    on_file: Callback<PickedFile>,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let take_files = move |files: Option<web_sys::FileList>| {
        let Some(files) = files else { return };
        for index in 0..files.length() {
            let Some(file) = files.get(index) else {
                continue;
            };
            let name = file.name();
            if file.size() > max_bytes as f64 {
                on_file.run((
                    name,
                    Err(format!(
                        "the file is {:.1} MB; Waypoint reads files of up to {} MB",
                        file.size() / 1e6,
                        max_bytes / 1_000_000
                    )),
                ));
                continue;
            }
            leptos::task::spawn_local(async move {
                let text = browser::read_file_text(&file).await;
                on_file.run((name, text));
            });
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().expect("an input").unchecked_into();
        take_files(input.files());
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        take_files(ev.data_transfer().and_then(|d| d.files()));
    };
    view! {
        <div class="drop-zone" class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <label for=id>{label}</label>
            <input id=id type="file" accept=accept multiple on:change=on_pick />
        </div>
    }
}
