//! Edits by area: Schools and trusts: adding, renaming, merging look-alikes.

use super::*;

/// Schools and trusts: adding, renaming, merging look-alikes.
#[derive(Clone, Debug, PartialEq)]
pub enum SchoolEdit {
    AddSchool(School),
    RenameSchool {
        school: String,
        name: String,
    },
    /// Makes two school records one: everything of `absorb` moves to `keep`.
    MergeSchools {
        keep: String,
        absorb: String,
    },
    /// The user said two schools whose names look alike are different schools.
    MarkDistinct {
        a: String,
        b: String,
    },
    AddTrust(Trust),
    RenameTrust {
        trust: String,
        name: String,
    },
}

impl Store {
    pub(super) fn apply_schools(
        &mut self,
        edit: &SchoolEdit,
        now: f64,
        out: &mut Applied,
    ) -> Result<(), EditError> {
        match edit {
            SchoolEdit::AddSchool(school) => {
                if self.school(&school.id).is_some() {
                    return Ok(());
                }
                check_new_id(self, &school.id)?;
                let mut school = school.clone();
                school.name = name_of(&school.name)?;
                school.updated_ms = now;
                // Not counted as a change to back up on its own: its items are.
                self.schools.push(school);
                out.touch(Key::Meta);
            }
            SchoolEdit::RenameSchool { school, name } => {
                let name = name_of(name)?;
                let record = self.school_mut(school).ok_or_else(|| not_found("school"))?;
                if record.name != name {
                    record.name = name;
                    record.updated_ms = now;
                    out.touch(Key::Meta);
                    self.mark(school, out);
                }
            }
            SchoolEdit::MergeSchools { keep, absorb } => {
                if keep == absorb || self.school(keep).is_none() {
                    return Err(not_found("school"));
                }
                if self.school(absorb).is_none() {
                    return Ok(());
                }
                self.merge_schools(keep, absorb, now, out);
            }
            SchoolEdit::MarkDistinct { a, b } => {
                if !self.said_distinct(a, b) {
                    self.distinct.push((a.clone(), b.clone()));
                    out.touch(Key::Meta);
                }
            }
            SchoolEdit::AddTrust(_) | SchoolEdit::RenameTrust { .. } => {
                self.apply_trust(edit, now, out)?
            }
        }
        Ok(())
    }

    /// A trust's edits: also all a board member's small app applies of this area
    /// (`Store::apply_workshop_edit`), so that the rest of it is not in its download.
    pub(super) fn apply_trust(
        &mut self,
        edit: &SchoolEdit,
        now: f64,
        out: &mut Applied,
    ) -> Result<(), EditError> {
        match edit {
            SchoolEdit::AddTrust(trust) => {
                if self.trust(&trust.id).is_some() {
                    return Ok(());
                }
                check_new_id(self, &trust.id)?;
                let mut trust = trust.clone();
                trust.name = name_of(&trust.name)?;
                trust.updated_ms = now;
                self.mark(&trust.id, out);
                self.trusts.push(trust);
                out.touch(Key::Meta);
            }
            SchoolEdit::RenameTrust { trust, name } => {
                let name = name_of(name)?;
                let record = self
                    .trusts
                    .iter_mut()
                    .find(|t| &t.id == trust)
                    .ok_or_else(|| not_found("trust"))?;
                if record.name != name {
                    record.name = name;
                    record.updated_ms = now;
                    out.touch(Key::Meta);
                    self.mark(trust, out);
                }
            }
            _ => return Err(EditError::Refused("not a trust's edit".into())),
        }
        Ok(())
    }
}
