//! The app's shared state: the store of assessments as a signal, saved on every change
//! (answers and typing a moment later, so a large store is not written out on every key).

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use crate::browser::Persistence;
use crate::domain::aas::Workshop;
use crate::domain::assessment::Assessment;
use crate::domain::store::{Removed, Store};
use crate::storage::{self, Unreadable};

/// Whether the latest change reached the browser's storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    /// Saving failed; the changes are still on the page.
    Failed(String),
    /// Not saving, to avoid overwriting unreadable data that could not be kept aside.
    Held,
}

/// Shared by every page through Leptos context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub store: RwSignal<Store>,
    pub save_status: RwSignal<SaveStatus>,
    pub unreadable: RwSignal<Option<Unreadable>>,
    /// The last deleted item, for "Undo".
    pub last_removed: RwSignal<Option<Deleted>>,
    /// When the user last downloaded an export of their data.
    pub last_export: RwSignal<Option<f64>>,
    /// Whether the browser promised to keep the data (asked once there is data to keep).
    pub persistence: RwSignal<Option<Persistence>>,
    /// Changes on the page that are not saved yet, kept so that they can be made again on
    /// top of whatever another tab saves meanwhile.
    pending: StoredValue<Vec<PendingChange>, LocalStorage>,
    /// Whether a save of the pending changes is on its way.
    save_scheduled: StoredValue<bool>,
}

/// A change that gives the same result however often it is made (a note set to a text).
type PendingChange = Rc<dyn Fn(&mut Store)>;

/// How long answers and typing wait before they are saved: at most one write of the store
/// per this while someone types or clicks through answers, however large the store.
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

/// Something deleted that can still be put back.
#[derive(Clone, Debug, PartialEq)]
pub enum Deleted {
    Assessment(Removed),
    Workshop(usize, Workshop),
}

impl Deleted {
    pub fn title(&self) -> String {
        match self {
            Deleted::Assessment(removed) => removed.assessment.title(),
            Deleted::Workshop(_, workshop) => workshop.title(),
        }
    }
}

impl AppState {
    /// Loads what this browser has saved.
    pub fn load() -> AppState {
        let loaded = storage::load();
        let status = match loaded.unavailable {
            Some(reason) => SaveStatus::Failed(reason),
            None => SaveStatus::Saved,
        };
        AppState {
            store: RwSignal::new(loaded.store),
            save_status: RwSignal::new(status),
            unreadable: RwSignal::new(loaded.unreadable),
            last_removed: RwSignal::new(None),
            last_export: RwSignal::new(storage::last_export()),
            persistence: RwSignal::new(None),
            pending: StoredValue::new_local(Vec::new()),
            save_scheduled: StoredValue::new(false),
        }
    }

    /// Applies a change to the store and saves it at once. The change is made to the
    /// latest saved store, so an edit made meanwhile in another tab is kept.
    pub fn edit(&self, change: impl FnOnce(&mut Store)) {
        self.refresh();
        self.store.update(change);
        self.save();
        self.keep_data();
    }

    /// Applies a change at once and saves it a moment later (with any others made
    /// meanwhile), for answers and typing. Until then the change is kept, and made again on top of
    /// anything another tab saves; it is saved early if the page is hidden or closed.
    pub fn edit_soon(&self, change: impl Fn(&mut Store) + 'static) {
        self.refresh();
        self.store.update(|store| change(store));
        self.pending
            .update_value(|pending| pending.push(Rc::new(change)));
        self.keep_data();
        if !self.save_scheduled.get_value() {
            self.save_scheduled.set_value(true);
            let state = *self;
            set_timeout(move || state.save_pending(), SAVE_DELAY);
        }
    }

    /// Saves changes still waiting (run when the page is hidden or closed, and by the timer).
    pub fn save_pending(&self) {
        self.save_scheduled.set_value(false);
        if self.pending.with_value(|pending| !pending.is_empty()) {
            self.refresh();
            self.save();
        }
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
        self.edit(|store| *store = Store::default());
        self.last_removed.set(None);
    }

    /// Takes in what another tab saved, if anything (also run on `storage` events), with
    /// this page's unsaved changes made again on top of it.
    pub fn refresh(&self) {
        if let Some(mut newer) = storage::changed_elsewhere() {
            self.pending.with_value(|pending| {
                for change in pending {
                    change(&mut newer);
                }
            });
            self.store.set(newer);
        }
    }

    /// Applies a change to one assessment, if it still exists; saved a moment later (for
    /// answers and typing).
    pub fn edit_assessment_soon(&self, id: &str, change: impl Fn(&mut Assessment) + 'static) {
        let id = id.to_string();
        self.edit_soon(move |store| {
            if let Some(assessment) = store.get_mut(&id) {
                change(assessment);
            }
        });
    }

    /// Writes the store to the browser, recording whether it worked.
    pub fn save(&self) {
        let held = self
            .unreadable
            .with_untracked(|u| u.as_ref().is_some_and(|u| u.kept_as.is_none()));
        let status = if held {
            SaveStatus::Held
        } else {
            match self.store.with_untracked(storage::save) {
                Ok(()) => {
                    self.pending.update_value(Vec::clear);
                    SaveStatus::Saved
                }
                Err(reason) => SaveStatus::Failed(reason),
            }
        };
        if self.save_status.get_untracked() != status {
            self.save_status.set(status);
        }
    }

    /// Notes that the user downloaded an export, for backup reminders.
    pub fn exported(&self) {
        let now = crate::browser::now_ms();
        storage::record_export(now);
        self.last_export.set(Some(now));
    }

    /// Deletes an assessment, keeping it for "Undo".
    pub fn delete(&self, id: &str) {
        let mut removed = None;
        self.edit(|store| removed = store.remove(id).map(Deleted::Assessment));
        if removed.is_some() {
            self.last_removed.set(removed);
        }
    }

    /// Deletes a workshop, keeping it for "Undo".
    pub fn delete_workshop(&self, id: &str) {
        let mut removed = None;
        self.edit(|store| {
            removed = store
                .remove_workshop(id)
                .map(|(index, w)| Deleted::Workshop(index, w))
        });
        if removed.is_some() {
            self.last_removed.set(removed);
        }
    }

    /// Applies a change to one workshop, if it still exists, and saves.
    pub fn edit_workshop(&self, id: &str, change: impl FnOnce(&mut Workshop)) {
        self.edit(|store| {
            if let Some(workshop) = store.workshop_mut(id) {
                change(workshop);
            }
        });
    }

    /// Like `edit_workshop`, saved a moment later: for answers and typing.
    pub fn edit_workshop_soon(&self, id: &str, change: impl Fn(&mut Workshop) + 'static) {
        let id = id.to_string();
        self.edit_soon(move |store| {
            if let Some(workshop) = store.workshop_mut(&id) {
                change(workshop);
            }
        });
    }

    /// Puts back the last deleted item.
    pub fn undo_delete(&self) {
        if let Some(deleted) = self.last_removed.get_untracked() {
            self.edit(|store| match deleted {
                Deleted::Assessment(removed) => store.restore(removed),
                Deleted::Workshop(index, workshop) => {
                    if store.workshop(&workshop.id).is_none() {
                        let index = index.min(store.workshops.len());
                        store.workshops.insert(index, workshop);
                    }
                }
            });
            self.last_removed.set(None);
        }
    }

    /// Lets the user set unreadable data aside for good (after downloading it, or not).
    pub fn dismiss_unreadable(&self, discard: bool) {
        if discard {
            if let Some(key) = self
                .unreadable
                .with_untracked(|u| u.as_ref().and_then(|u| u.kept_as.clone()))
            {
                storage::discard_unreadable(&key);
            }
        }
        self.unreadable.set(None);
        self.save();
    }
}
