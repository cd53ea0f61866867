//! The app's shared state: the store as a signal, changed only by sending edits.
//!
//! An edit is applied at once, kept until it is saved, and made again on top of whatever
//! another tab saves meanwhile, so no tab undoes another's work. Answers and typing are
//! saved a moment later (one write per record however fast someone types); everything
//! else at once. A failed save keeps its edits; a newer version's data is never saved over.

use crate::domain::checklist::SchoolRecords;
use std::collections::BTreeSet;
use std::time::Duration;

use leptos::prelude::*;

use crate::browser::Persistence;
use crate::domain::records::edits::RecordsEdit;
use crate::domain::records::edits::{Applied, Edit};
use crate::domain::records::layout::Key;
use crate::domain::records::store::Store;
use crate::domain::records::tabs::{lost_notes, renames_in, replaced_renames, typed_notes, Rename};
use crate::storage::{self, Change, Kept, Unreadable};

/// Whether the latest change reached the browser's storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    /// Saving failed; the changes are still on the page and are tried again.
    Failed(String),
    /// Not saving, to avoid overwriting unreadable data that could not be kept aside.
    Held,
    /// Another tab runs a newer version of Waypoint: nothing is saved until a reload.
    Newer(String),
}

/// Something deleted that can still be put back.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    /// What was deleted, in words.
    pub title: String,
    /// The edit that puts it back.
    pub undo: Edit,
}

/// Shared by every page through Leptos context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub store: RwSignal<Store>,
    pub save_status: RwSignal<SaveStatus>,
    pub unreadable: RwSignal<Vec<Unreadable>>,
    /// The last deleted item, for "Undo".
    pub last_removed: RwSignal<Option<Deleted>>,
    /// When the user last downloaded everything.
    pub last_export: RwSignal<Option<f64>>,
    /// Whether the browser promised to keep the data (asked once there is data to keep).
    pub persistence: RwSignal<Option<Persistence>>,
    /// Counts changes of the window's size or pixel density, so that charts are redrawn
    /// sharp for the new size.
    pub viewport: RwSignal<u32>,
    /// What this tab must be told about another tab's saves (a rename of its replaced),
    /// in words for the user, until dismissed.
    pub notices: RwSignal<Vec<String>>,
    /// Renames made in this tab, watched until another tab's save replaces them.
    my_renames: StoredValue<Vec<Rename>>,
    /// Edits applied on the page and not saved yet.
    pending: StoredValue<Vec<Edit>>,
    /// The records those edits changed.
    dirty: StoredValue<BTreeSet<Key>>,
    /// Whether a save of the pending edits is on its way.
    save_scheduled: StoredValue<bool>,
    /// Saves tried since the page opened (said on the page for tests: `data-save-attempts`).
    save_attempts: StoredValue<u64>,
    /// Whether a large import is being written in slices (other saves wait for it).
    writing_slices: StoredValue<bool>,
    /// Which records this app keeps, and how it changes them.
    kept: Kept,
}

/// Records written between two pauses when many are written at once.
const RECORDS_PER_SLICE: usize = 250;

/// How long answers and typing wait before they are saved: at most one write per record
/// per this while someone types or clicks through answers.
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

impl AppState {
    /// Loads what this browser has saved, of the records this app keeps
    /// (`storage::EVERY_RECORD` for the whole app).
    pub fn load(kept: Kept) -> AppState {
        let loaded = storage::load(kept);
        let status = match (&loaded.unavailable, &loaded.newer) {
            (Some(reason), _) => SaveStatus::Failed(reason.clone()),
            (None, Some(message)) => SaveStatus::Newer(message.clone()),
            _ if loaded.unreadable.iter().any(|u| u.kept_as.is_none()) => SaveStatus::Held,
            _ => SaveStatus::Saved,
        };
        let moved = !loaded.to_save.is_empty() && loaded.store.keys().len() == loaded.to_save.len();
        let state = AppState {
            store: RwSignal::new(loaded.store),
            save_status: RwSignal::new(status),
            unreadable: RwSignal::new(loaded.unreadable),
            last_removed: RwSignal::new(None),
            last_export: RwSignal::new(storage::last_export()),
            persistence: RwSignal::new(None),
            viewport: RwSignal::new(0),
            notices: RwSignal::new(loaded.notices),
            my_renames: StoredValue::new(Vec::new()),
            pending: StoredValue::new(Vec::new()),
            dirty: StoredValue::new(loaded.to_save.into_iter().collect()),
            save_scheduled: StoredValue::new(false),
            save_attempts: StoredValue::new(0),
            writing_slices: StoredValue::new(false),
            kept,
        };
        if state.dirty.with_value(|d| !d.is_empty()) {
            state.save_pending();
            if moved && state.save_status.get_untracked() == SaveStatus::Saved {
                storage::finish_move_from_legacy();
            }
        }
        state
    }

    /// Applies an edit and saves it at once. Returns whether the edit could be made.
    pub fn send(&self, edit: Edit) -> bool {
        let made = self.apply(edit);
        if made {
            self.save_pending();
        }
        made
    }

    /// Applies an edit at once and saves it a moment later (with any others made
    /// meanwhile), for answers and typing; it is saved early if the page is hidden.
    pub fn send_soon(&self, edit: Edit) -> bool {
        let made = self.apply(edit);
        if made && !self.save_scheduled.get_value() {
            self.save_scheduled.set_value(true);
            let state = *self;
            set_timeout(move || state.save_pending(), SAVE_DELAY);
        }
        made
    }

    fn apply(&self, edit: Edit) -> bool {
        let now = crate::browser::now_ms();
        let mut outcome = None;
        self.store.update(|store| {
            outcome = Some((self.kept.apply)(store, &edit, now).map(|applied| {
                let title = match &applied.undo {
                    Some(Edit::Records(RecordsEdit::Restore(removed))) => {
                        Some(removed.describe(store))
                    }
                    _ => None,
                };
                (applied, title)
            }));
        });
        match outcome {
            Some(Ok((Applied { changed, undo }, title))) => {
                if changed.is_empty() {
                    return true;
                }
                self.dirty.update_value(|d| d.extend(changed));
                crate::browser::mark_state(
                    "data-unsaved",
                    &self.dirty.with_value(BTreeSet::len).to_string(),
                );
                let renames = renames_in(&edit);
                if !renames.is_empty() {
                    self.my_renames.update_value(|mine| {
                        for rename in renames {
                            mine.retain(|m| !(m.trust == rename.trust && m.id == rename.id));
                            mine.push(rename);
                        }
                    });
                }
                self.pending.update_value(|p| p.push(edit));
                if let (Some(undo), Some(title)) = (undo, title) {
                    self.last_removed.set(Some(Deleted { title, undo }));
                }
                self.keep_data();
                true
            }
            _ => false,
        }
    }

    /// Saves the edits still waiting (run by the timer, when the page is hidden or
    /// closed, and after every immediate edit). Records another tab saved meanwhile are
    /// taken in first, with this page's edits made again on top.
    pub fn save_pending(&self) {
        self.save_scheduled.set_value(false);
        // How many times a save was tried, and how many records wait to be written (read
        // by the end-to-end tests instead of waiting a fixed time).
        self.save_attempts.update_value(|n| *n += 1);
        crate::browser::mark_state(
            "data-save-attempts",
            &self.save_attempts.get_value().to_string(),
        );
        self.save_pending_now();
        crate::browser::mark_state(
            "data-unsaved",
            &self.dirty.with_value(BTreeSet::len).to_string(),
        );
    }

    fn save_pending_now(&self) {
        if self.writing_slices.get_value() {
            return;
        }
        if matches!(
            self.save_status.get_untracked(),
            SaveStatus::Held | SaveStatus::Newer(_)
        ) {
            return;
        }
        let keys: Vec<Key> = self.dirty.with_value(|d| d.iter().cloned().collect());
        if keys.is_empty() {
            return;
        }
        let mut check = keys.clone();
        if !check.contains(&Key::Meta) {
            check.push(Key::Meta);
        }
        let elsewhere = storage::changed_elsewhere(&check);
        if !elsewhere.is_empty() {
            self.take_in(&elsewhere);
            if matches!(self.save_status.get_untracked(), SaveStatus::Newer(_)) {
                return;
            }
        }
        let keys: Vec<Key> = self.dirty.with_value(|d| d.iter().cloned().collect());
        let status = match self
            .store
            .with_untracked(|store| storage::save(store, &keys, self.kept))
        {
            Ok(()) => {
                self.pending.update_value(Vec::clear);
                self.dirty.update_value(BTreeSet::clear);
                SaveStatus::Saved
            }
            Err(reason) => SaveStatus::Failed(reason),
        };
        if self.save_status.get_untracked() != status {
            self.save_status.set(status);
        }
    }

    /// Takes in records another tab saved (on `storage` events, and before saving): the
    /// records this page's unsaved edits touched are read again too, and those edits are
    /// made again on top, so both tabs' work is kept.
    pub fn take_in(&self, keys: &[Key]) {
        let mut reload: BTreeSet<Key> = keys.iter().cloned().collect();
        self.dirty.with_value(|d| reload.extend(d.iter().cloned()));
        let mut newer = false;
        let mut unreadable = Vec::new();
        let changes: Vec<(Key, Change)> = reload
            .into_iter()
            .map(|key| {
                let change = storage::read_now(&key, self.kept);
                (key, change)
            })
            .collect();
        let now = crate::browser::now_ms();
        let pending = self.pending.get_value();
        let mut changed = Vec::new();
        let meta_changed = changes.iter().any(|(key, _)| *key == Key::Meta);
        self.store.update(|store| {
            // Notes typed here and not saved yet, described while their items are here.
            let typed = typed_notes(store, &pending);
            for (key, change) in changes {
                match change {
                    Change::Item(item, unknown) => store.put_record_keeping(&key, item, unknown),
                    Change::Meta(meta, unknown) => {
                        store.put_meta(*meta);
                        match unknown {
                            Some(u) => store.unknown.insert(key.storage_key(), u),
                            None => store.unknown.remove(&key.storage_key()),
                        };
                    }
                    Change::Newer => newer = true,
                    Change::Unreadable(u) => unreadable.push(u),
                    Change::NotKept => {}
                }
            }
            // Text typed into an item another tab deleted is kept, and offered back.
            let lost = lost_notes(typed, store, now);
            if !lost.is_empty() {
                store.recovered.extend(lost);
                changed.push(Key::Meta);
            }
            for edit in &pending {
                if let Ok(applied) = (self.kept.apply)(store, edit, now) {
                    changed.extend(applied.changed);
                }
            }
        });
        if meta_changed {
            // A rename of this tab's that another tab's replaced: say so, once.
            let mine = self.my_renames.get_value();
            if !mine.is_empty() {
                let (told, standing) = self.store.with_untracked(|s| replaced_renames(&mine, s));
                self.my_renames.set_value(standing);
                if !told.is_empty() {
                    self.notices.update(|n| n.extend(told));
                }
            }
        }
        self.dirty.update_value(|d| d.extend(changed));
        if !unreadable.is_empty() {
            self.unreadable.update(|u| u.extend(unreadable));
        }
        if newer {
            self.save_status.set(SaveStatus::Newer(
                "Waypoint has been updated in another tab or window, and the data is now in a newer format than this page reads. Reload this page to carry on; until then nothing here is saved.".into(),
            ));
        }
    }

    /// Applies a large import and writes it in slices, pausing between them so the page
    /// stays responsive; `progress` hears how many records are written of how many.
    /// The records' text is made first, so that the caller has checked it fits.
    pub async fn send_in_slices(
        &self,
        edit: Edit,
        records: Vec<(Key, String)>,
        progress: impl Fn(usize, usize),
    ) -> Result<(), String> {
        // Saving is held (a newer version's data, or unreadable data not yet kept aside):
        // an import must not write over it either.
        if let SaveStatus::Newer(why) = self.save_status.get_untracked() {
            return Err(why);
        }
        if self.save_status.get_untracked() == SaveStatus::Held {
            return Err(
                "saving is held until the unreadable data above is downloaded or set aside".into(),
            );
        }
        if !self.apply(edit) {
            return Err("the items could not be added".into());
        }
        self.writing_slices.set_value(true);
        // The page redraws with the new items before the writing starts.
        crate::browser::next_task().await;
        // Schools and trusts first: an import stopped part-way (storage full) never leaves
        // items referring to schools that were not written.
        let meta = self
            .store
            .with_untracked(|s| crate::domain::records::layout::write_record(s, &Key::Meta));
        if let Some(meta) = meta {
            if let Err(reason) = storage::write_texts(&[(Key::Meta, meta)]) {
                self.writing_slices.set_value(false);
                self.save_status.set(SaveStatus::Failed(reason.clone()));
                return Err(reason);
            }
            self.dirty.update_value(|d| {
                d.remove(&Key::Meta);
            });
        }
        let total = records.len();
        let mut written = 0;
        let mut result = Ok(());
        for slice in records.chunks(RECORDS_PER_SLICE) {
            if let Err(reason) = storage::write_texts(slice) {
                result = Err(reason);
                break;
            }
            self.dirty.update_value(|d| {
                for (key, _) in slice {
                    d.remove(key);
                }
            });
            written += slice.len();
            progress(written, total);
            crate::browser::next_task().await;
        }
        self.writing_slices.set_value(false);
        if let Err(reason) = &result {
            // What was not written stays among the edits on the page, and is tried again.
            self.save_status.set(SaveStatus::Failed(reason.clone()));
            return result;
        }
        self.save_pending();
        result
    }

    /// The current name of an assessment's school (follows renames).
    pub fn school_name_of(
        &self,
        assessment: Memo<Option<crate::domain::checklist::assessment::Assessment>>,
    ) -> Memo<String> {
        let store = self.store;
        Memo::new(move |_| {
            assessment.with(|a| {
                a.as_ref()
                    .map(|a| store.with(|s| s.school_name(&a.school_id).to_string()))
                    .unwrap_or_default()
            })
        })
    }

    /// Follows what the browser tells every page: another tab's saves, a new window size
    /// (charts are redrawn for it), and the page being left or hidden (typing is saved now).
    /// Both entries call it once, when their app is built.
    pub fn follow_the_browser(&self) {
        let state = *self;
        // Another tab of this browser saved a record: take it in here too, with this page's
        // unsaved edits made again on top.
        let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
            match ev.key() {
                Some(name) => {
                    if let Some(key) = crate::storage::record_key(&name) {
                        state.take_in(&[key]);
                    }
                }
                // The other tab cleared the storage.
                None => {
                    let keys = state.store.with_untracked(|s| s.keys());
                    state.take_in(&keys);
                }
            }
        });
        on_cleanup(move || other_tab.remove());
        // Charts are drawn for the size they are shown at: a new window size or density
        // (a projector, a zoom) redraws them, once a frame at most.
        let waiting = StoredValue::new(false);
        let resized = window_event_listener(leptos::ev::resize, move |_| {
            if !waiting.get_value() {
                waiting.set_value(true);
                request_animation_frame(move || {
                    waiting.set_value(false);
                    state.viewport.update(|n| *n = n.wrapping_add(1));
                });
            }
        });
        on_cleanup(move || resized.remove());
        // Typing is saved a moment later; leaving or hiding the page saves it now.
        let leaving = window_event_listener(leptos::ev::pagehide, move |_| state.save_pending());
        on_cleanup(move || leaving.remove());
        let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().hidden() {
                state.save_pending();
            }
        });
        on_cleanup(move || hidden.remove());
    }

    /// Once there is something to keep, asks the browser not to evict it.
    pub fn keep_data(&self) {
        if self.persistence.get_untracked().is_some()
            || self.store.with_untracked(|s| s.last_change_ms().is_none())
        {
            return;
        }
        self.persistence.set(Some(Persistence::Unknown));
        let persistence = self.persistence;
        leptos::task::spawn_local(async move {
            persistence.set(Some(crate::browser::request_persistence().await));
        });
    }

    /// Deletes everything saved in this browser (the user was first offered a backup).
    pub fn reset(&self) {
        self.send(Edit::Records(RecordsEdit::Reset));
        self.last_removed.set(None);
    }

    /// Notes that the user downloaded items (`None`: everything), for the backup reminder.
    pub fn downloaded(&self, ids: Option<Vec<String>>) {
        match ids {
            Some(ids) => {
                self.send(Edit::Records(RecordsEdit::MarkDownloaded { ids }));
            }
            None => {
                let now = crate::browser::now_ms();
                storage::record_export(now);
                self.last_export.set(Some(now));
                self.send(Edit::Records(RecordsEdit::MarkAllDownloaded));
            }
        }
    }

    /// Puts back the last deleted item.
    pub fn undo_delete(&self) {
        if let Some(deleted) = self.last_removed.get_untracked() {
            self.send(deleted.undo);
            self.last_removed.set(None);
        }
    }

    /// Lets the user set unreadable data aside for good (after downloading it, or not).
    pub fn dismiss_unreadable(&self, discard: bool) {
        if discard {
            for key in self.unreadable.with_untracked(|u| {
                u.iter()
                    .filter_map(|u| u.kept_as.clone())
                    .collect::<Vec<_>>()
            }) {
                storage::discard_unreadable(&key);
            }
        }
        self.unreadable.set(Vec::new());
        if self.save_status.get_untracked() == SaveStatus::Held {
            self.save_status.set(SaveStatus::Saved);
        }
        self.save_pending();
    }
}
