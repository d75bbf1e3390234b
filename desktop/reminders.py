"""Glue between the follow-up ladder (``store.due``) and what shows reminders: the
scheduler, the tray, the fallback popup and the Vandaag list.

``changed`` fires after anything the owner did to a reminder (sent, reply, snoozed, done)
so the scheduler recomputes its single timer at once instead of at the next recheck.
One plan per moment is cached, so the scheduler's two questions (what is due now, when
is the next) cost one scan.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal

from desktop.clock import utcnow
from desktop.domain import followup
from desktop.i18n import _
from desktop.labels import label


class _Signals(QObject):
    changed = Signal()


_signals = _Signals()
changed = _signals.changed
_cache: tuple[datetime, list] | None = None


def notify_changed(*_args) -> None:
    global _cache
    _cache = None
    changed.emit()


def plan(now: datetime) -> list:
    """Every open promise's next step (due now or later), cached for this moment."""
    global _cache
    from desktop.store import due

    if _cache is None or _cache[0] != now:
        _cache = (now, due.plan(now))
    return _cache[1]


def due_items(now: datetime) -> list:
    return followup.due_now(plan(now), now)


def next_due(now: datetime) -> datetime | None:
    return followup.next_moment(plan(now), now)


def describe(item) -> str:
    """One line for the tray menu and popups: who, which step, about what."""
    from desktop.store import due

    return _("{person}: {step} · {subject}").format(
        person=item.person_name, step=label("due_step", item.step), subject=due.subject_title(item))


def snooze(items: list, until: datetime) -> None:
    from desktop.store import due

    now = utcnow()
    for item in items:
        due.snooze(item, now, until)
    notify_changed()


def mark_done(items: list) -> None:
    from desktop.store import due

    now = utcnow()
    for item in items:
        due.dismiss(item, now)
    notify_changed()


def open_item(parent, item) -> None:
    """The due-step dialog with its ready message; acting on it reschedules the reminders."""
    from desktop.views.due_dialog import open_due_item

    open_due_item(item, parent)
