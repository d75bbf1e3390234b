"""Glue between the follow-up ladder (``store.due``) and what shows reminders: the
scheduler, the tray, the fallback popup and the Vandaag list.

``changed`` fires after anything the owner did to a reminder (sent, reply, snoozed, done)
so the scheduler recomputes its single timer at once instead of at the next recheck.
The scheduler asks two questions in a row (what is due now, when is the next): the plan
made for the first is handed to the second once, so a check costs one scan.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Signal

from desktop.clock import utcnow
from desktop.domain import followup
from desktop.i18n import _
from desktop.labels import label


class _Signals(QObject):
    changed = Signal()
    undoable = Signal(str, object)  # (what, store.journal.Change): the main window puts it on Edit → Undo
    # Nothing done before may be taken back any more (a person erased: an older step would
    # bring her data back): the main window empties Edit → Undo.
    steps_forgotten = Signal()


_signals = _Signals()
changed = _signals.changed
undoable = _signals.undoable
steps_forgotten = _signals.steps_forgotten


@contextmanager
def recorded(what):
    """Record what the owner does inside the block and hand it to Edit → Undo
    (``undoable``; the main window pushes it): a misclick on "Reply received…", "Done
    without a message" or a strike is taken back with Ctrl+Z, as a parcel is (walk-through
    finding 15), and so is a dialog's save (``views/undo.saved_as_step``). ``what`` is the
    step's name, or a function that gives it once the block has run ("" for no step).
    Nothing is handed on when the block changed nothing or failed."""
    from desktop.store import journal

    with journal.recording() as change:
        yield
    text = what() if callable(what) else what
    if not change.empty and text:
        undoable.emit(text, change)


_handover: tuple[datetime, list] | None = None


def notify_changed(*_args) -> None:
    global _handover
    _handover = None
    changed.emit()


def plan(now: datetime) -> list:
    """Every open promise's next step (due now or later)."""
    from desktop.store import due

    return due.plan(now)


def due_items(now: datetime) -> list:
    """What the owner has to do at ``now`` (the tray's and the sidebar's count): what is
    due, and what came due before a day off or the quiet hours and waits through them
    (``followup.to_do``). A popup shows only what is due (``domain/notify``)."""
    global _handover
    items = plan(now)
    _handover = (now, items)
    return followup.to_do(items, now)


def next_due(now: datetime) -> datetime | None:
    global _handover
    handed, _handover = _handover, None
    items = handed[1] if handed is not None and handed[0] == now else plan(now)
    return followup.next_moment(items, now)


def describe(item) -> str:
    """One line for the tray menu and popups: who, which step, about what."""
    from desktop.presentation import due_texts

    return _("{person}: {step} · {subject}").format(
        person=item.person_name, step=label("due_step", item.step), subject=due_texts.subject_title(item))


def _shown_keys(item) -> tuple[str, ...]:
    return tuple(getattr(item, "keys", ())) or (item.key,)


def current(items: list, now: datetime) -> list:
    """``items`` as the ladder plans them at ``now``, for a press on something shown earlier
    (a popup, a notification, Vandaag's list): the owner may have handled a step since, from
    the tray's menu or a dialog. Each step is looked up again by its key: one sent or done
    since (or whose promise closed) is left out, and the rest come back as they are now,
    with only the parts that were shown (one that joined since was not seen: it comes up on
    its own). A press never acts on a step as it was (review walk: "Afvinken" on a popup took
    a final notice sent since back to "done", and its strike decision never came)."""
    if not items:
        return []
    shown = {key for item in items for key in _shown_keys(item)}
    found = []
    for item in plan(now):
        parts = tuple(part for part in item.parts if part.key in shown)
        if not parts:
            continue
        if len(parts) < len(item.parts):
            first = parts[0]
            item = replace(item, parts=parts, kind=first.kind, subject_type=first.subject_type,
                           subject_id=first.subject_id, step=first.step, key=first.key, template=first.template)
        found.append(item)
    return found


def current_item(item, now: datetime):
    """The item the ladder plans now for the step ``item`` showed (its primary part), whole
    as it is now; None when that step was handled since (:func:`current`)."""
    for planned in plan(now):
        if item.key in planned.keys:
            return planned
    return None


HOUR = timedelta(hours=1)  # "In 1 hour"


def snoozes_offered(item, now: datetime) -> tuple[bool, bool]:
    """Which snoozes a step's buttons offer (Vandaag's pane and the step's own window alike):
    ("In 1 hour", tomorrow morning). Only one that moves the step later
    (``followup.snooze_moves``: a step of the next days stays as planned); and no "In 1 hour"
    that brings it back at the same moment as the morning button (``due_texts.snooze_back``:
    at 20:30 both came back tomorrow at 09:00 after the quiet hours, at 07:30 both today at
    09:00: two buttons for one thing, review of session 33)."""
    from desktop.clock import snooze_until
    from desktop.presentation import due_texts

    morning = followup.snooze_moves(item, snooze_until("tomorrow", now))
    hour = followup.snooze_moves(item, snooze_until(HOUR, now))
    if hour and morning and due_texts.snooze_back(now, HOUR) == due_texts.snooze_back(now):
        hour = False
    return hour, morning


def snoozes_offered_all(items, now: datetime) -> tuple[bool, bool]:
    """:func:`snoozes_offered` for what one popup or notification shows (a summary of several:
    its buttons snooze them all, and :func:`snooze` moves only those it moves later): a snooze
    is offered when it moves one of them. The tray's popup and the desktop notification's
    buttons ask it, so at 20:30 neither offers an "In 1 hour" that means tomorrow at 09:00."""
    offered = [snoozes_offered(item, now) for item in items]
    return any(hour for hour, _morning in offered), any(morning for _hour, morning in offered)


def snooze(items: list, until: datetime, now: datetime | None = None, tell: bool = True) -> list:
    """Move ``items`` to ``until``: what is still open of them (:func:`current`) and comes
    up before ``until`` (``followup.snooze_moves``); one not due until later stays as it is,
    with no step on Edit → Undo and nothing said of it. The items moved are returned.
    ``tell`` False: the caller tells the reminders itself (a step's dialog, through its
    ``acted``), so the scheduler scans once, not twice."""
    from desktop.store import due

    now = now or utcnow()
    moved = [item for item in current(items, now) if followup.snooze_moves(item, until)]
    for item in moved:
        # TRANSLATORS: Edit → Undo "…"; {name} is the person the reminder is about.
        with recorded(_("reminder for {name} moved later").format(name=item.person_name)):
            due.snooze(item, now, until)
    if tell and moved:
        notify_changed()
    return moved



def mark_done(items: list, now: datetime | None = None, tell: bool = True) -> None:
    """Done without a message; for a strike decision: ended without a strike (the final
    notice said the collaboration ends). Only what is still open of ``items`` (:func:`current`).
    ``tell``: as for :func:`snooze`."""
    from desktop.presentation import due_texts
    from desktop.store import due

    now = now or utcnow()
    for item in current(items, now):
        if item.action == "strike":
            with recorded(without_strike_text(item.person_name)):
                due.end_without_strike(item, now, **due_texts.no_strike_words())
        else:
            with recorded(done_text(item.person_name, gift=item.kind == "gift", kind=item.kind)):
                due.dismiss(item, now)
    if tell:
        notify_changed()


def done_text(name: str, gift: bool = False, kind: str = "") -> str:
    if kind == "agreement":
        # TRANSLATORS: Edit → Undo "…"; the owner said she agreed nothing with {name} in return for the gift.
        return _("nothing agreed with {name}").format(name=name)
    if gift:
        # TRANSLATORS: Edit → Undo "…"; the gift reached {name} another way than a parcel (by hand, say).
        return _("gift for {name} given without a parcel").format(name=name)
    # TRANSLATORS: Edit → Undo "…"; {name} is the person the reminder is about.
    return _("reminder for {name} done without a message").format(name=name)


def without_strike_text(name: str) -> str:
    # TRANSLATORS: Edit → Undo "…"; after the final reminder, ended without a strike.
    return _("collaboration with {name} ended without a strike").format(name=name)
