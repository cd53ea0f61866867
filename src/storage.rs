//! The one place that touches localStorage: its keys, the stored schema, and what
//! happens when the browser cannot read or write.
//!
//! Each item is its own record (see `domain::records::layout`), so a save writes only what
//! changed. Before writing, a record is compared with what this tab last read or wrote:
//! if another tab saved it meanwhile, the caller takes that in first. Unreadable data is
//! never deleted: it is copied aside once under its own key, and offered as a download.

use crate::domain::checklist::SchoolRecords;
use std::cell::RefCell;
use std::collections::HashMap;

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use crate::domain::records::edits::{Applied, Edit, EditError};
use crate::domain::records::layout::{
    read_meta_keeping, read_record_keeping, read_workshop_record, write_record,
    write_workshop_record, Item, Key, Meta, PREFIX,
};
use crate::domain::records::schema::{read_store, ReadError, FORMAT_NAME, SCHEMA_VERSION};
use crate::domain::records::store::Store;

/// Which records an app keeps and how it changes them. The whole app keeps every record;
/// a board member's small app (src/member_app.rs) only the meta record (schools, trusts,
/// bookkeeping) and workshops, and leaves every other record as it is, so the readers,
/// writers and rules of the other areas are not in its download. Each app names its own
/// (`EVERY_RECORD`, `WORKSHOPS_ONLY`), so neither links the other's.
#[derive(Clone, Copy)]
pub struct Kept {
    /// Reads an item record of a kind this app keeps; `None` for any other kind.
    pub read: fn(&Key, &str) -> Option<Result<KeptItem, ReadError>>,
    /// A record's text to write (`Some(None)` to remove it); `None` for a kind this app
    /// does not keep.
    pub write: fn(&Store, &Key) -> Option<Option<String>>,
    /// Applies an edit (see `Store::apply`).
    pub apply: fn(&mut Store, &Edit, f64) -> Result<Applied, EditError>,
    /// Moves a store of format 4 or older, kept under one key, to one record per item.
    /// Only the whole app does; the page's start-up script (scripts/entries.mjs) never
    /// starts the member's app on such data.
    pub move_legacy: Option<fn(&web_sys::Storage, String, &mut Loaded)>,
}

/// An item as read, with what its record holds that this build does not know.
pub type KeptItem = (Item, Option<serde_json::Value>);

/// What the whole app keeps: everything.
pub const EVERY_RECORD: Kept = Kept {
    read: |key, text| Some(read_record_keeping(key, text)),
    write: |store, key| Some(write_record(store, key)),
    apply: Store::apply,
    move_legacy: Some(load_legacy),
};

/// What a board member's small app keeps: the meta record and workshops.
pub const WORKSHOPS_ONLY: Kept = Kept {
    read: read_workshop_record,
    write: write_workshop_record,
    apply: Store::apply_workshop_edit,
    move_legacy: None,
};

/// Where format 4 and older kept the whole store. After the move to one record per item
/// it holds a short marker, so that an older version of Waypoint still open in another
/// tab says the data is newer instead of showing an empty list.
pub const LEGACY_STORE_KEY: &str = "waypoint.store";
/// When the user last downloaded everything (milliseconds since 1970).
pub const LAST_EXPORT_KEY: &str = "waypoint.lastExport";
/// Prefix of the keys under which unreadable data is kept aside.
pub const UNREADABLE_PREFIX: &str = "waypoint.unreadable.";

/// A short token that every save changes, so that a tab can tell with one small read
/// that no other tab has saved since it last did.
pub const REVISION_KEY: &str = "waypoint.revision";

/// How much text one site may keep in localStorage, keys included: measured as 5.2
/// million characters in Chromium 156 (Firefox allows 5 MiB, about the same).
pub const QUOTA_CHARS: usize = 5_200_000;

thread_local! {
    /// A hash and the length of each record's text as this tab last read or wrote it.
    static KNOWN: RefCell<HashMap<String, (u64, usize)>> = RefCell::new(HashMap::new());
    /// The save token this tab last wrote or saw (see [`REVISION_KEY`]).
    static LAST_REVISION: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The characters Waypoint's records take, kept up to date as they are written.
    static USED: RefCell<usize> = const { RefCell::new(0) };
}

fn hash(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash ^ text.len() as u64
}

/// Remembers a record's text as read or written, and keeps the count of characters used.
fn remember(key: &str, text: Option<&str>) {
    let before = KNOWN.with(|known| {
        let mut known = known.borrow_mut();
        match text {
            Some(text) => known.insert(key.to_string(), (hash(text), key.len() + text.len())),
            None => known.remove(key),
        }
    });
    let after = text.map_or(0, |t| key.len() + t.len());
    USED.with(|u| {
        let mut u = u.borrow_mut();
        *u = u.saturating_sub(before.map_or(0, |(_, len)| len)) + after;
    });
}

/// Stored data that could not be read, kept for the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// Why it could not be read, in words for the user.
    pub reason: String,
    /// The text exactly as it was stored.
    pub raw: String,
    /// The key it was copied to, or `None` if the copy failed (then nothing is saved
    /// until the user has downloaded or discarded it).
    pub kept_as: Option<String>,
}

/// What the app starts from.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub store: Store,
    pub unreadable: Vec<Unreadable>,
    /// Set when the browser offers no storage at all.
    pub unavailable: Option<String>,
    /// A newer version of Waypoint wrote the data: this tab must not save over it.
    pub newer: Option<String>,
    /// Records to write at once (moving an older store to one record per item).
    pub to_save: Vec<Key>,
    /// What the user must be told about what was found, in words for the user.
    pub notices: Vec<String>,
}

fn local_storage() -> Result<web_sys::Storage, String> {
    // `LocalStorage::raw()` panics when storage is disabled, so ask first.
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(_))) => Ok(LocalStorage::raw()),
        _ => Err("this browser is not letting Waypoint store data (storage may be disabled or blocked for this site)".into()),
    }
}

/// The marker left under the legacy key once the store has moved to one record per item.
fn legacy_marker() -> String {
    format!("{{\"format\":\"{FORMAT_NAME}\",\"schema\":{SCHEMA_VERSION},\"layout\":\"records\"}}")
}

/// Copies unreadable text aside, once: the key comes from the text, so reloading with
/// the same damaged data does not fill the storage with copies.
fn keep_aside(storage: &web_sys::Storage, raw: String, reason: String) -> Unreadable {
    let key = format!("{UNREADABLE_PREFIX}{:016x}", hash(&raw));
    let kept_as = match storage.get_item(&key) {
        Ok(Some(_)) => Some(key),
        _ => storage.set_item(&key, &raw).ok().map(|_| key),
    };
    Unreadable {
        reason,
        raw,
        kept_as,
    }
}

/// Reads everything this browser saved, keeping aside anything unreadable.
pub fn load(kept: Kept) -> Loaded {
    let storage = match local_storage() {
        Ok(storage) => storage,
        Err(reason) => {
            return Loaded {
                unavailable: Some(reason),
                ..Loaded::default()
            }
        }
    };
    let mut loaded = Loaded::default();
    let meta_key = Key::Meta.storage_key();
    let meta_text = match storage.get_item(&meta_key) {
        Ok(text) => text,
        Err(error) => {
            loaded.unavailable = Some(describe_js_error(&error));
            return loaded;
        }
    };
    let legacy = storage
        .get_item(LEGACY_STORE_KEY)
        .ok()
        .flatten()
        .filter(|text| *text != legacy_marker());
    if meta_text.is_none() {
        if let (Some(legacy), Some(move_legacy)) = (legacy.clone(), kept.move_legacy) {
            move_legacy(&storage, legacy, &mut loaded);
            return loaded;
        }
    }
    // Records without a meta record (a first save cut short): they are still read, and
    // their schools show as "Unknown school" until renamed.
    let meta_text = meta_text.unwrap_or_default();
    let mut meta_unknown = None;
    let meta = match read_meta_keeping(&meta_text) {
        _ if meta_text.is_empty() => Meta::default(),
        Ok((meta, unknown)) => {
            meta_unknown = unknown;
            meta
        }
        Err(ReadError::NewerVersion { .. }) => {
            loaded.newer = Some(newer_message());
            return loaded;
        }
        Err(error) => {
            loaded
                .unreadable
                .push(keep_aside(&storage, meta_text.clone(), error.to_string()));
            loaded.to_save.push(Key::Meta);
            Meta::default()
        }
    };
    USED.with(|u| *u.borrow_mut() = 0);
    if !meta_text.is_empty() {
        remember(&meta_key, Some(&meta_text));
    }
    let mut items = Vec::new();
    let mut unknown = Vec::new();
    // All names first: keeping a damaged record aside adds a key, which may reorder them.
    let count = storage.length().unwrap_or(0);
    let names: Vec<(String, Key)> = (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter_map(|name| {
            let key = Key::parse(&name).filter(|k| *k != Key::Meta)?;
            Some((name, key))
        })
        .collect();
    for (name, key) in names {
        let Ok(Some(text)) = storage.get_item(&name) else {
            continue;
        };
        match (kept.read)(&key, &text) {
            // A kind of record this app does not keep: left as it is.
            None => {}
            Some(Ok((item, extra))) => {
                remember(&name, Some(&text));
                items.push(item);
                if let Some(extra) = extra {
                    unknown.push((name, extra));
                }
            }
            // A record from a newer version (or with a value this one does not know) is
            // left as it is, unread; nothing is saved until a reload brings that version.
            Some(Err(ReadError::NewerVersion { .. } | ReadError::UnknownValue(_))) => {
                remember(&name, Some(&text));
                loaded.newer = Some(newer_record_message(&name));
            }
            Some(Err(error)) => {
                let reason = format!("a saved record ({name}) could not be read: {error}");
                loaded.unreadable.push(keep_aside(&storage, text, reason));
            }
        }
    }
    loaded.store = Store::from_records(meta, items);
    loaded.store.unknown = unknown.into_iter().collect();
    if let Some(extra) = meta_unknown {
        loaded.store.unknown.insert(meta_key.clone(), extra);
    }
    if let Some(legacy) = legacy.filter(|_| !meta_text.is_empty()) {
        let reason = "an older version of Waypoint saved data in this browser after it had moved to the current format; download it and import it to bring those changes in".to_string();
        loaded.unreadable.push(keep_aside(&storage, legacy, reason));
        let _ = storage.set_item(LEGACY_STORE_KEY, &legacy_marker());
    }
    let index_missing = meta_text.is_empty() && !loaded.store.keys().is_empty();
    if repair_references(&mut loaded.store) {
        if index_missing {
            // Said, and not written over: a backup imported brings the names back.
            let unknown = loaded
                .store
                .schools
                .iter()
                .filter(|s| s.name == crate::domain::base::school::UNKNOWN_SCHOOL)
                .count();
            loaded.notices.push(format!(
                "Waypoint's index of schools and trusts ({meta_key}) is missing from this browser, so {unknown} school{} {} shown as “Unknown school”. Their assessments and plans are safe. Import your latest backup to bring the names back, or rename each school.",
                if unknown == 1 { "" } else { "s" },
                if unknown == 1 { "is" } else { "are" },
            ));
        } else {
            loaded.to_save.push(Key::Meta);
        }
    }
    loaded
}

/// A store of format 4 or older, kept under one key: read, migrated, and written as
/// records by the caller (the old text stays until that has worked).
pub(crate) fn load_legacy(storage: &web_sys::Storage, legacy: String, loaded: &mut Loaded) {
    match read_store(&legacy) {
        Ok(mut store) => {
            // What changed after the last full download is what a backup lacks.
            let exported = last_export().unwrap_or(0.0);
            store.not_downloaded = store
                .assessments
                .iter()
                .filter(|a| a.updated_ms > exported)
                .map(|a| a.id.clone())
                .chain(
                    store
                        .workshops
                        .iter()
                        .filter(|w| w.updated_ms > exported)
                        .map(|w| w.id.clone()),
                )
                .chain(
                    store
                        .trajectories
                        .iter()
                        .filter(|t| t.updated_ms > exported)
                        .map(|t| t.id.clone()),
                )
                .chain(
                    store
                        .plans
                        .iter()
                        .filter(|p| p.updated_ms > exported)
                        .map(|p| p.id.clone()),
                )
                .collect();
            loaded.to_save = store.keys();
            loaded.store = store;
        }
        Err(ReadError::NewerVersion { .. }) => loaded.newer = Some(newer_message()),
        Err(error) => loaded
            .unreadable
            .push(keep_aside(storage, legacy, error.to_string())),
    }
}

/// After writing the records of a migrated store, leaves the marker in the legacy key.
pub fn finish_move_from_legacy() {
    if let Ok(storage) = local_storage() {
        if storage
            .get_item(Key::Meta.storage_key().as_str())
            .ok()
            .flatten()
            .is_some()
        {
            let _ = storage.set_item(LEGACY_STORE_KEY, &legacy_marker());
        }
    }
}

/// Gives every school and trust that items refer to a record (a damaged meta record
/// loses them): they show as "Unknown school" and can be renamed. True if any was made.
fn repair_references(store: &mut Store) -> bool {
    use crate::domain::base::school::{School, Trust};
    let mut made = false;
    let schools: Vec<String> = store
        .assessments
        .iter()
        .map(|a| a.school_id.clone())
        .chain(store.trajectories.iter().map(|t| t.school_id.clone()))
        .chain(store.plans.iter().map(|p| p.school_id.clone()))
        .collect();
    for id in schools {
        if store.school(&id).is_none() {
            store.schools.push(School::new(
                id,
                crate::domain::base::school::UNKNOWN_SCHOOL,
                0.0,
            ));
            made = true;
        }
    }
    let trusts: Vec<String> = store.workshops.iter().map(|w| w.trust_id.clone()).collect();
    for id in trusts {
        if store.trust(&id).is_none() {
            store.trusts.push(Trust::new(id, "Unknown trust", 0.0));
            made = true;
        }
    }
    made
}

/// Why saving is held when one record is newer than this version reads.
fn newer_record_message(name: &str) -> String {
    format!("A saved record ({name}) was written by a newer version of Waypoint, or holds something this version does not know. Reload this page to carry on with the newer version; until then nothing here is saved, so nothing of it is lost.")
}

fn newer_message() -> String {
    "Waypoint has been updated in another tab or window, and the data is now in a newer format than this page reads. Reload this page to carry on; until then nothing here is saved.".into()
}

/// What another tab did to one record since this tab last read or wrote it.
pub enum Change {
    /// The item (or its removal), with what it holds that this build does not know.
    Item(Option<Item>, Option<serde_json::Value>),
    Meta(Box<Meta>, Option<serde_json::Value>),
    /// The record is from a newer version of Waypoint.
    Newer,
    Unreadable(Unreadable),
    /// A kind of record this app does not keep.
    NotKept,
}

/// The records among `keys` that another tab wrote since this tab last read or wrote
/// them. When no tab has saved since this one (the revision is as this tab left it),
/// nothing more is read; otherwise only these few records are.
pub fn changed_elsewhere(keys: &[Key]) -> Vec<Key> {
    let Ok(storage) = local_storage() else {
        return Vec::new();
    };
    let revision = storage.get_item(REVISION_KEY).ok().flatten();
    if revision.is_some() && LAST_REVISION.with(|r| *r.borrow() == revision) {
        return Vec::new();
    }
    LAST_REVISION.with(|r| *r.borrow_mut() = revision);
    keys.iter()
        .filter(|key| {
            let name = key.storage_key();
            let now = storage.get_item(&name).ok().flatten().map(|t| hash(&t));
            now != KNOWN.with(|known| known.borrow().get(&name).map(|(h, _)| *h))
        })
        .cloned()
        .collect()
}

/// Reads one record as it is stored now (another tab's save), remembering it.
pub fn read_now(key: &Key, kept: Kept) -> Change {
    let Ok(storage) = local_storage() else {
        return Change::Item(None, None);
    };
    let name = key.storage_key();
    let text = storage.get_item(&name).ok().flatten();
    remember(&name, text.as_deref());
    let Some(text) = text else {
        return match key {
            Key::Meta => Change::Meta(Box::default(), None),
            _ => Change::Item(None, None),
        };
    };
    let result = match key {
        Key::Meta => {
            read_meta_keeping(&text).map(|(meta, extra)| Change::Meta(Box::new(meta), extra))
        }
        _ => match (kept.read)(key, &text) {
            Some(read) => read.map(|(item, extra)| Change::Item(Some(item), extra)),
            None => return Change::NotKept,
        },
    };
    match result {
        Ok(change) => change,
        Err(ReadError::NewerVersion { .. } | ReadError::UnknownValue(_)) => Change::Newer,
        Err(error) => {
            let reason = format!("a saved record ({name}) could not be read: {error}");
            Change::Unreadable(keep_aside(&storage, text, reason))
        }
    }
}

/// Writes the given records of the store (removing those it no longer has); the error
/// says why in words for the user. The meta record is written last.
pub fn save(store: &Store, keys: &[Key], kept: Kept) -> Result<(), String> {
    let storage = local_storage()?;
    let mut ordered: Vec<&Key> = keys.iter().filter(|k| **k != Key::Meta).collect();
    if keys.contains(&Key::Meta) {
        ordered.push(&Key::Meta);
    }
    for key in ordered {
        if let Some(text) = (kept.write)(store, key) {
            write_one(&storage, &key.storage_key(), text.as_deref())?;
        }
    }
    bump_revision(&storage);
    Ok(())
}

/// Writes one record (or removes it, for `None`), remembering what was written.
fn write_one(storage: &web_sys::Storage, name: &str, text: Option<&str>) -> Result<(), String> {
    match text {
        Some(text) => storage
            .set_item(name, text)
            .map_err(|error| describe_js_error(&error))?,
        None => {
            let _ = storage.remove_item(name);
        }
    }
    remember(name, text);
    Ok(())
}

/// Marks a save with a new token, and remembers it as this tab's own.
fn bump_revision(storage: &web_sys::Storage) {
    let token = format!("{:x}", (js_sys::Math::random() * 1e15) as u64);
    let _ = storage.set_item(REVISION_KEY, &token);
    LAST_REVISION.with(|r| *r.borrow_mut() = Some(token));
}

/// Writes records whose text is already made (a large import, in slices).
pub fn write_texts(records: &[(Key, String)]) -> Result<(), String> {
    let storage = local_storage()?;
    for (key, text) in records {
        write_one(&storage, &key.storage_key(), Some(text))?;
    }
    bump_revision(&storage);
    Ok(())
}

/// How many characters everything in this site's storage takes, keys included: Waypoint's
/// records, unreadable data kept aside, and anything else stored under this address. The
/// browser's limit is for all of it, so this is what an import must fit beside.
pub fn used_by_everything() -> usize {
    let Ok(storage) = local_storage() else {
        return QUOTA_CHARS;
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .map(|key| {
            let value = storage.get_item(&key).ok().flatten().unwrap_or_default();
            key.encode_utf16().count() + value.encode_utf16().count()
        })
        .sum()
}

/// Room left in this site's storage, in characters (see [`used_by_everything`]).
pub fn free_chars() -> usize {
    QUOTA_CHARS.saturating_sub(used_by_everything())
}

/// Whether a storage key is one of Waypoint's records (for `storage` events).
pub fn record_key(name: &str) -> Option<Key> {
    name.starts_with(PREFIX).then(|| Key::parse(name)).flatten()
}

/// Records that everything was downloaded now.
pub fn record_export(now_ms: f64) {
    if let Ok(storage) = local_storage() {
        let _ = storage.set_item(LAST_EXPORT_KEY, &format!("{now_ms}"));
    }
}

/// When everything was last downloaded, if ever.
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

/// Prefix of the keys under which unsent form text is kept in sessionStorage.
pub const DRAFT_PREFIX: &str = "waypoint.draft.";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// The text last typed into a form field that was not yet saved, if any. Drafts live in
/// sessionStorage: they outlive a form closing or the page re-rendering, and go with the
/// tab.
pub fn read_draft(key: &str) -> Option<String> {
    session_storage()
        .and_then(|s| s.get_item(&format!("{DRAFT_PREFIX}{key}")).ok().flatten())
        .filter(|t| !t.is_empty())
}

/// Keeps a form field's unsaved text (empty text removes it). A full sessionStorage only
/// means the draft is not kept.
pub fn write_draft(key: &str, text: &str) {
    if let Some(s) = session_storage() {
        let key = format!("{DRAFT_PREFIX}{key}");
        let _ = if text.is_empty() {
            s.remove_item(&key)
        } else {
            s.set_item(&key, text)
        };
    }
}
