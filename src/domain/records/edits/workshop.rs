//! Edits by area: The board's workshop: workshops, members and their placings.

use super::*;

/// The board's workshop: workshops, members and their placings.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkshopEdit {
    AddWorkshop(Workshop),
    RemoveWorkshop {
        workshop: String,
    },
    AddMember {
        workshop: String,
        member: Member,
    },
    RemoveMember {
        workshop: String,
        member: String,
    },
    Place {
        workshop: String,
        member: String,
        practice: String,
        when: When,
        position: Option<Position>,
    },
    SetPracticeNote {
        workshop: String,
        member: String,
        practice: String,
        note: String,
        was: String,
    },
    /// Chooses the practices a workshop asks about in its meeting (empty: all of them).
    ChoosePractices {
        workshop: String,
        practices: Vec<String>,
    },
    /// On a member's device: the practice they have open, to return them there.
    SetMemberPlace {
        workshop: String,
        practice: String,
    },
    /// Keeps a second copy of a member's answers aside until someone says which counts.
    HoldCopy {
        workshop: String,
        copy: crate::domain::workshop::handback::PendingCopy,
    },
    /// Settles a second copy (by its key); `fresh_id` is used if both are kept.
    SettleCopy {
        workshop: String,
        key: String,
        choice: crate::domain::workshop::handback::Settle,
        fresh_id: String,
    },
    /// Adds a member from another device's answers; `clash_with` settles a clash
    /// with someone already there, and `fresh_id` is used wherever the id is taken.
    MergeMember {
        workshop: String,
        member: Member,
        clash_with: Option<(String, Resolution)>,
        fresh_id: String,
    },
    /// Adds many members from other devices at once (pasted links): those already
    /// there with the same answers, and clashes, are left out (the page asks about
    /// clashes one by one); `fresh_ids` are used wherever an id is taken.
    MergeMembers {
        workshop: String,
        members: Vec<Member>,
        fresh_ids: Vec<String>,
    },
}

impl Store {
    pub(super) fn apply_workshop(
        &mut self,
        edit: &WorkshopEdit,
        now: f64,
        out: &mut Applied,
    ) -> Result<(), EditError> {
        match edit {
            WorkshopEdit::AddWorkshop(workshop) => {
                if self.workshop(&workshop.id).is_some() {
                    return Ok(());
                }
                check_new_id(self, &workshop.id)?;
                if self.trust(&workshop.trust_id).is_none() {
                    return Err(not_found("trust"));
                }
                let mut workshop = workshop.clone();
                workshop.academy = clamp_chars(workshop.academy.trim(), MAX_NAME_CHARS);
                workshop.updated_ms = now;
                let key = Key::Workshop(workshop.id.clone());
                self.workshops.insert(0, workshop);
                self.changed(key, out);
            }
            WorkshopEdit::RemoveWorkshop { workshop } => {
                if let Some(index) = self.workshops.iter().position(|w| &w.id == workshop) {
                    let removed = self.workshops.remove(index);
                    self.forget(workshop, out);
                    out.touch(Key::Workshop(workshop.clone()));
                    out.undo = Some(Edit::Records(RecordsEdit::Restore(Box::new(
                        Restorable::Workshop(index, removed),
                    ))));
                }
            }
            WorkshopEdit::AddMember {
                workshop,
                member,
            } => {
                let w = self
                    .workshop_mut(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                if w.member(&member.id).is_some() {
                    return Ok(());
                }
                if !is_valid_id(&member.id) {
                    return Err(EditError::Refused("the person's id is not valid".into()));
                }
                let mut member = member.clone();
                member.name = name_of(&member.name)?;
                member.role = clamp_chars(member.role.trim(), MAX_NAME_CHARS);
                w.members.push(member);
                w.updated_ms = now;
                self.changed(Key::Workshop(workshop.clone()), out);
            }
            WorkshopEdit::RemoveMember {
                workshop,
                member,
            } => {
                let w = self
                    .workshop_mut(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                if let Some(index) = w.members.iter().position(|r| &r.id == member) {
                    let removed = w.members.remove(index);
                    w.updated_ms = now;
                    out.undo = Some(Edit::Records(RecordsEdit::Restore(Box::new(
                        Restorable::Member {
                            workshop: workshop.clone(),
                            index,
                            member: removed,
                        },
                    ))));
                    self.changed(Key::Workshop(workshop.clone()), out);
                }
            }
            WorkshopEdit::Place {
                workshop,
                member,
                practice,
                when,
                position,
            } => {
                let w = self
                    .workshop_mut(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                let r = w
                    .member_mut(member)
                    .ok_or_else(|| not_found("person"))?;
                let current = r.placing(practice).and_then(|p| match when {
                    When::Now => p.now,
                    When::Desired => p.desired,
                });
                if current != *position {
                    r.set(practice, *when, *position);
                    r.changed_ms = Some(now);
                    w.updated_ms = now;
                    self.changed(Key::Workshop(workshop.clone()), out);
                }
            }
            WorkshopEdit::SetPracticeNote {
                workshop,
                member,
                practice,
                note,
                was,
            } => {
                let note = clamp_chars(note, MAX_NOTE_CHARS);
                let w = self
                    .workshop(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                let r = w
                    .member(member)
                    .ok_or_else(|| not_found("person"))?;
                let current = r
                    .placing(practice)
                    .map(|p| p.note.clone())
                    .unwrap_or_default();
                if current == note {
                    return Ok(());
                }
                let place = TextPlace::PracticeNote {
                    workshop: workshop.clone(),
                    member: member.clone(),
                    practice: practice.clone(),
                };
                if overwrites_other_tab(&current, was, &note) {
                    let what = format!("{}’s note in “{}”", r.name, self.workshop_title(w));
                    self.recover(place.clone(), what, current, now, out);
                }
                if let Some(w) = self.workshop_mut(workshop) {
                    if let Some(r) = w.member_mut(member) {
                        r.set_note(practice, &note);
                        r.changed_ms = Some(now);
                    }
                    w.updated_ms = now;
                }
                self.settle_recovered(&place, &note, out);
                self.changed(Key::Workshop(workshop.clone()), out);
            }
            WorkshopEdit::ChoosePractices {
                workshop,
                practices,
            } => {
                let framework = crate::domain::workshop::aas::aas();
                if let Some(unknown) = practices.iter().find(|p| framework.practice(p).is_none()) {
                    return Err(EditError::Refused(format!(
                        "\"{unknown}\" is not a practice of the tool"
                    )));
                }
                let chosen = crate::domain::workshop::join::normalise_choice(framework, practices);
                let w = self
                    .workshop_mut(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                if w.practices != chosen {
                    w.practices = chosen;
                    w.updated_ms = now;
                    self.changed(Key::Workshop(workshop.clone()), out);
                }
            }
            WorkshopEdit::SetMemberPlace { workshop, practice } => {
                if crate::domain::workshop::aas::aas()
                    .practice(practice)
                    .is_none()
                {
                    return Err(EditError::Refused(format!(
                        "\"{practice}\" is not a practice of the tool"
                    )));
                }
                let w = self
                    .workshop_mut(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                if w.member_at.as_deref() != Some(practice.as_str()) {
                    w.member_at = Some(practice.clone());
                    w.updated_ms = now;
                    self.changed(Key::Workshop(workshop.clone()), out);
                }
            }
            WorkshopEdit::HoldCopy { workshop, copy } => {
                if !is_valid_id(&copy.member.id) || !is_valid_id(&copy.key) {
                    return Err(EditError::Refused("the copy's id is not valid".into()));
                }
                let w = self
                    .workshop_mut(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                if crate::domain::workshop::handback::hold(w, copy.clone()) {
                    w.updated_ms = now;
                    self.changed(Key::Workshop(workshop.clone()), out);
                }
            }
            WorkshopEdit::SettleCopy {
                workshop,
                key,
                choice,
                fresh_id,
            } => {
                let w = self
                    .workshop_mut(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                if w.member(fresh_id).is_some() {
                    return Ok(());
                }
                if crate::domain::workshop::handback::settle(w, key, *choice, fresh_id.clone()) {
                    w.updated_ms = now;
                    self.changed(Key::Workshop(workshop.clone()), out);
                }
            }
            WorkshopEdit::MergeMember {
                workshop,
                member,
                clash_with,
                fresh_id,
            } => {
                let w = self
                    .workshop_mut(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                let already = w
                    .members
                    .iter()
                    .any(|r| crate::domain::workshop::responses::same_answers(r, member))
                    || w.member(fresh_id).is_some();
                if already {
                    return Ok(());
                }
                let clash = clash_with.as_ref().map(|(id, r)| (id.as_str(), *r));
                crate::domain::workshop::responses::merge_member(
                    w,
                    member.clone(),
                    clash,
                    fresh_id.clone(),
                );
                w.updated_ms = now;
                self.changed(Key::Workshop(workshop.clone()), out);
            }
            WorkshopEdit::MergeMembers {
                workshop,
                members,
                fresh_ids,
            } => {
                let w = self
                    .workshop_mut(workshop)
                    .ok_or_else(|| not_found("workshop"))?;
                let mut spare = fresh_ids.iter().cloned();
                let mut counter = 0usize;
                let mut next = || {
                    spare.next().unwrap_or_else(|| {
                        counter += 1;
                        crate::domain::base::ids::derived_id(
                            "r",
                            &format!("{now}#{counter}"),
                            |_| false,
                        )
                    })
                };
                let added = crate::domain::workshop::responses::merge_new_members(
                    w,
                    members.clone(),
                    &mut next,
                );
                if added > 0 {
                    w.updated_ms = now;
                    self.changed(Key::Workshop(workshop.clone()), out);
                }
            }
        }
        Ok(())
    }
}

/// Ids the caller makes for a member joining a workshop (random in the browser).
pub struct JoinIds {
    /// The member's own copy of the workshop.
    pub copy: String,
    /// The trust's, when the invite's id is taken here by something else.
    pub spare_trust: String,
}

/// The edits that join a workshop from its invite on a member's device: the trust found
/// by the invite's id, or else by name, or else added (under a fresh id when its id is
/// taken here by something else), then the member's copy of the workshop and the member.
/// Returns the copy's id with the edits, to apply as one batch.
pub fn join_edits(
    store: &Store,
    invite: crate::domain::workshop::join::Invite,
    member: Member,
    ids: JoinIds,
    now_ms: f64,
) -> (String, Vec<Edit>) {
    let mut edits = Vec::new();
    let trust_id = if store.trust(&invite.trust_id).is_some() {
        invite.trust_id.clone()
    } else if let crate::domain::base::school::NameMatch::Same(id) =
        store.match_trust(&invite.trust_name)
    {
        id
    } else {
        let id = if store.has_id(&invite.trust_id) {
            ids.spare_trust
        } else {
            invite.trust_id.clone()
        };
        edits.push(Edit::Schools(SchoolEdit::AddTrust(Trust::new(
            id.clone(),
            &invite.trust_name,
            now_ms,
        ))));
        id
    };
    let copy = invite.into_copy(ids.copy.clone(), &trust_id, now_ms);
    edits.push(Edit::Workshop(WorkshopEdit::AddWorkshop(copy)));
    edits.push(Edit::Workshop(WorkshopEdit::AddMember {
        workshop: ids.copy.clone(),
        member,
    }));
    (ids.copy, edits)
}
