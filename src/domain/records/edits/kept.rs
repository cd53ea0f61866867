//! Edits by area: What is kept: imports, reset, undoing a removal, downloads, recovered text.

use super::*;

/// What is kept: imports, reset, undoing a removal, downloads, recovered text.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordsEdit {
    /// Puts the items of an import in, replacing those with the same id (see
    /// `exchange::plan_import`, which decides ids and clashes with the user first).
    Import(Box<Store>),
    /// Deletes everything (the user was first offered a backup).
    Reset,
    /// Puts back something deleted: the undo of every removal.
    Restore(Box<Restorable>),
    /// The user downloaded these items (an export of part of the store).
    MarkDownloaded { ids: Vec<String> },
    /// The user downloaded everything.
    MarkAllDownloaded,
    /// The user put recovered text back, or no longer needs it.
    DismissRecovered { id: String },
}

impl Store {
    pub(super) fn apply_records(
        &mut self,
        edit: &RecordsEdit,
        _now: f64,
        out: &mut Applied,
    ) -> Result<(), EditError> {
        match edit {
            RecordsEdit::Import(incoming) => self.import(incoming, out),
            RecordsEdit::Reset => {
                for key in self.keys() {
                    out.touch(key);
                }
                *self = Store::default();
                out.touch(Key::Meta);
            }
            RecordsEdit::Restore(restorable) => self.restore(restorable, out)?,
            RecordsEdit::MarkDownloaded { ids } => {
                for id in ids {
                    if self.not_downloaded.remove(id) {
                        out.touch(Key::Meta);
                    }
                }
            }
            RecordsEdit::MarkAllDownloaded => {
                if !self.not_downloaded.is_empty() {
                    self.not_downloaded.clear();
                    out.touch(Key::Meta);
                }
            }
            RecordsEdit::DismissRecovered { id } => self.dismiss_recovered(id, out),
        }
        Ok(())
    }

    /// Forgets a text kept from another tab (also in a board member's small app).
    pub(super) fn dismiss_recovered(&mut self, id: &str, out: &mut Applied) {
        let before = self.recovered.len();
        self.recovered.retain(|r| r.id != id);
        if self.recovered.len() != before {
            out.touch(Key::Meta);
        }
    }
}
