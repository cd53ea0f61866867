//! The one place that touches localStorage: its keys, the stored schema, and what
//! happens when the browser cannot read or write.
//!
//! Unreadable data is never deleted: it is copied aside under its own key (and the
//! app offers it as a download) before anything new is saved over it.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use crate::domain::schema::{read_store, write_store};
use crate::domain::store::Store;

/// Where the assessments live.
pub const STORE_KEY: &str = "waypoint.store";
/// When the user last downloaded an export (milliseconds since 1970), for backup reminders.
pub const LAST_EXPORT_KEY: &str = "waypoint.lastExport";
/// Prefix of the keys under which unreadable data is kept aside.
pub const UNREADABLE_PREFIX: &str = "waypoint.unreadable.";

/// A short token that changes with every save, so that a tab can tell cheaply (without
/// reading the whole store) that another tab has saved.
pub const REVISION_KEY: &str = "waypoint.revision";

thread_local! {
    /// The revision this tab last read or wrote.
    static LAST_SEEN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn remember(revision: Option<String>) {
    LAST_SEEN.with(|seen| *seen.borrow_mut() = revision);
}

fn current_revision(storage: &web_sys::Storage) -> Option<String> {
    storage.get_item(REVISION_KEY).ok().flatten()
}

/// The store as another tab of this browser saved it, if it saved since this tab last
/// read or wrote. Edits start from this, so that two tabs never undo each other; when
/// nothing changed (the usual case) only the short revision is read.
pub fn changed_elsewhere() -> Option<Store> {
    let storage = local_storage().ok()?;
    let revision = current_revision(&storage);
    if LAST_SEEN.with(|seen| *seen.borrow() == revision) {
        return None;
    }
    let store = read_store(&storage.get_item(STORE_KEY).ok()??).ok()?;
    remember(revision);
    Some(store)
}

/// Stored data that could not be read, kept for the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// Why it could not be read, in words for the user.
    pub reason: String,
    /// The text exactly as it was stored.
    pub raw: String,
    /// The key it was copied to, or `None` if the copy failed (then nothing is
    /// saved over it until the user has downloaded or discarded it).
    pub kept_as: Option<String>,
}

/// What the app starts from.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub store: Store,
    pub unreadable: Option<Unreadable>,
    /// Set when the browser offers no storage at all.
    pub unavailable: Option<String>,
}

fn local_storage() -> Result<web_sys::Storage, String> {
    // `LocalStorage::raw()` panics when storage is disabled, so ask first.
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(_))) => Ok(LocalStorage::raw()),
        _ => Err("this browser is not letting Waypoint store data (storage may be disabled or blocked for this site)".into()),
    }
}

/// Reads the saved assessments, keeping aside anything unreadable.
pub fn load() -> Loaded {
    let storage = match local_storage() {
        Ok(storage) => storage,
        Err(reason) => {
            return Loaded {
                store: Store::default(),
                unreadable: None,
                unavailable: Some(reason),
            }
        }
    };
    let raw = match storage.get_item(STORE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            return Loaded {
                store: Store::default(),
                unreadable: None,
                unavailable: None,
            }
        }
        Err(error) => {
            return Loaded {
                store: Store::default(),
                unreadable: None,
                unavailable: Some(describe_js_error(&error)),
            }
        }
    };
    match read_store(&raw) {
        Ok(store) => {
            remember(current_revision(&storage));
            Loaded {
                store,
                unreadable: None,
                unavailable: None,
            }
        }
        Err(error) => {
            let key = format!("{UNREADABLE_PREFIX}{}", js_sys::Date::now() as u64);
            let kept_as = storage.set_item(&key, &raw).ok().map(|_| key);
            Loaded {
                store: Store::default(),
                unreadable: Some(Unreadable {
                    reason: error.to_string(),
                    raw,
                    kept_as,
                }),
                unavailable: None,
            }
        }
    }
}

/// Saves the assessments; the error says why in words for the user.
pub fn save(store: &Store) -> Result<(), String> {
    let storage = local_storage()?;
    storage
        .set_item(STORE_KEY, &write_store(store))
        .map_err(|error| describe_js_error(&error))?;
    let revision = format!(
        "{}-{}",
        js_sys::Date::now(),
        (js_sys::Math::random() * 1e9) as u64
    );
    let written = storage.set_item(REVISION_KEY, &revision).is_ok();
    remember(if written {
        Some(revision)
    } else {
        current_revision(&storage)
    });
    Ok(())
}

/// Records that an export was downloaded now.
pub fn record_export(now_ms: f64) {
    if let Ok(storage) = local_storage() {
        let _ = storage.set_item(LAST_EXPORT_KEY, &format!("{now_ms}"));
    }
}

/// When an export was last downloaded, if ever.
pub fn last_export() -> Option<f64> {
    local_storage()
        .ok()?
        .get_item(LAST_EXPORT_KEY)
        .ok()??
        .parse()
        .ok()
        .filter(|ms: &f64| ms.is_finite())
}

/// Removes data that was kept aside, once the user has chosen to discard it.
pub fn discard_unreadable(key: &str) {
    if key.starts_with(UNREADABLE_PREFIX) {
        LocalStorage::delete(key);
    }
}

fn describe_js_error(error: &wasm_bindgen::JsValue) -> String {
    match error.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
        Some(name) if name == "QuotaExceededError" => {
            "the browser's storage for this site is full".into()
        }
        Some(name) if name == "SecurityError" => {
            "the browser is not letting Waypoint store data for this site".into()
        }
        _ => "the browser refused to store the data".into(),
    }
}
