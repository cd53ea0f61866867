//! The app's shared state: the store of assessments as a signal, saved on every change.

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
}

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

    /// Takes in what another tab saved, if anything (also run on `storage` events).
    pub fn refresh(&self) {
        if let Some(newer) = storage::changed_elsewhere() {
            self.store.set(newer);
        }
    }

    /// Applies a change to one assessment, if it still exists, and saves.
    pub fn edit_assessment(&self, id: &str, change: impl FnOnce(&mut Assessment)) {
        self.edit(|store| {
            if let Some(assessment) = store.get_mut(id) {
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
                Ok(()) => SaveStatus::Saved,
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
