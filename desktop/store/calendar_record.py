"""What the calendar exports gave the owner's calendar: every event's UID with the day it stood
on, and the highest SEQUENCE written (the ``calendar_exported`` setting). A later export writes a
date that has ended since (done, delivered, cancelled, removed) once more as cancelled, so a
calendar that imports by UID takes it back (presentation/calendar_export.py). Codes and days
only: no words, nobody's name (an erased person's dates are taken back by number)."""

from __future__ import annotations

from datetime import date

from desktop.store import settings
from desktop.store.db import db

KEY = "calendar_exported"


def exported() -> tuple[int, dict[str, date]]:
    """The highest SEQUENCE an export wrote (0: none yet) and the day of every UID it wrote;
    an entry that does not read as a UID and a day is left out."""
    record = settings.get(KEY)
    if not isinstance(record, dict):
        return 0, {}
    sequence = record.get("sequence")
    days: dict[str, date] = {}
    for uid, text in (record.get("dates") or {}).items() if isinstance(record.get("dates"), dict) else ():
        try:
            days[str(uid)] = date.fromisoformat(text)
        except (TypeError, ValueError):
            continue
    return (sequence if isinstance(sequence, int) and sequence > 0 else 0), days


def remember(sequence: int, days: dict[str, date]) -> None:
    """After a file was written: its SEQUENCE and the days of the UIDs still worth taking back
    later (the ones in it), in place of the record before."""
    with db.atomic():
        settings.set(KEY, {"sequence": sequence,
                           "dates": {uid: day.isoformat() for uid, day in sorted(days.items())}})
