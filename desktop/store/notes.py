"""Saving what the owner logged by hand (a note, a call, a DM, a message) as a timeline
event, by the rules of ``domain/notes.py``."""

from __future__ import annotations

from datetime import datetime

from desktop.domain.notes import STORED_KIND, Entry, Invalid, validate
from desktop.store.models import Event, Person


def log_entry(entry: Entry, now: datetime) -> Event:
    """Store the entry as a timeline event, or raise ``Invalid`` and store nothing."""
    known = entry.person_id is not None and Person.select().where(Person.id == entry.person_id).exists()
    errors = validate(entry, now, known)
    if errors:
        raise Invalid(errors)
    is_note = entry.entry_kind == "note"
    return Event.create(
        at=entry.at.replace(microsecond=0),
        kind=STORED_KIND[entry.entry_kind],
        channel="" if is_note else entry.channel,
        direction="none" if is_note else entry.direction,
        text=entry.text.strip(),
        person=entry.person_id,
    )
