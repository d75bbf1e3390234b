"""One timer for reminders: wakes at the next due moment, rechecks every few minutes,
notices sleep and clock jumps, and catches up with one summary.

The scheduler asks two functions (the follow-up ladder's store glue in the app, fakes
in tests): ``due_source(now)`` -> the items due at ``now`` and ``next_due(now)`` -> the
next moment something comes due (or None). It emits ``due_changed`` with the current
items (tray count, banner, Vandaag) and ``announce`` with what to pop up now.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from desktop import clock as _clock
from desktop.domain.notify import Announcement, PopupPolicy, fired_late
from desktop.store import storage_errors

log = logging.getLogger(__name__)

RECHECK = timedelta(minutes=5)


class Scheduler(QObject):
    due_changed = Signal(list)
    announce = Signal(object)  # Announcement

    def __init__(
        self,
        due_source: Callable[[datetime], Sequence],
        next_due: Callable[[datetime], datetime | None] | None = None,
        clock: Callable[[], datetime] = _clock.utcnow,
        owner_time: Callable[[], _clock.OwnerTime] = _clock.owner,
        parent=None,
    ):
        super().__init__(parent)
        self.due_source = due_source
        self.next_due = next_due or (lambda now: None)
        self.clock = clock
        self.policy = PopupPolicy()
        # Asked at every check, never kept: quiet hours changed in the settings count at once.
        self.owner_time = owner_time
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timeout)
        self.planned: datetime | None = None
        self.items: list = []

    def quiet(self, now: datetime) -> bool:
        return self.owner_time().is_quiet(now)

    def start(self) -> None:
        """First check at start-up: whatever came due while the app was closed is one summary."""
        self.check(catch_up=True)

    def reschedule(self) -> None:
        """Call after every change that can move a due moment (sent, snoozed, new deadline...)."""
        self.check()

    def pause(self, duration: timedelta) -> None:
        self.policy.pause(self.clock() + duration)
        self.check()

    def _on_timeout(self) -> None:
        now = self.clock()
        late = self.planned is not None and fired_late(self.planned, now)
        if late:
            log.info("timer fired %s late: catching up", now - self.planned)
        self.check(catch_up=late)

    def check(self, catch_up: bool = False) -> Announcement | None:
        now = self.clock()
        try:
            self.items = list(self.due_source(now))
        except Exception as exc:  # a broken query must not kill the reminders for good
            if storage_errors.is_damage(exc):
                raise  # a damaged database file: the app recovers from it (app.py), not an empty list
            log.exception("due scan failed")
            self.items = []
        self.due_changed.emit(self.items)
        announcement = self.policy.decide(now, self.items, self.quiet, catch_up=catch_up and len(self.items) > 1)
        if announcement is not None:
            self.announce.emit(announcement)
        self._plan(now)
        return announcement

    def _plan(self, now: datetime) -> None:
        wake = self.policy.next_wake(now, self._next_after(now))
        # something due but held back (gap, quiet hours, pause): look again soon
        pending = [i for i in self.items if PopupPolicy.moment_key(i) not in self.policy.announced]
        if pending and (wake is None or wake <= now):
            wake = now + self.policy.min_gap
        if wake is None or wake > now + RECHECK:
            wake = now + RECHECK
        wake = max(wake, now + timedelta(seconds=1))
        self.planned = wake
        self.timer.start(int((wake - now).total_seconds() * 1000))

    def _next_after(self, now: datetime) -> datetime | None:
        try:
            moment = self.next_due(now)
        except Exception as exc:
            if storage_errors.is_damage(exc):
                raise
            log.exception("next due failed")
            return None
        return moment if moment is not None and moment > now else None
