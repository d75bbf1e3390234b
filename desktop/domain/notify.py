"""When to pop up a reminder: pure rules, no Qt, ``now`` passed in.

- at most one popup per minute; several items due at once become one summary;
- none inside quiet hours and none while the owner paused reminders;
- an item is announced once per due moment (a snoozed item comes back at its new time);
- after sleep or a clock jump, everything that came due is caught up in one summary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable, Protocol, Sequence

MIN_GAP = timedelta(minutes=1)
# A timer that fires this much later than planned means the laptop slept or the clock jumped.
JUMP_THRESHOLD = timedelta(minutes=2)


class Announceable(Protocol):
    key: str
    due: datetime


@dataclass
class Announcement:
    items: list
    summary: bool  # True: show "3 reminders" instead of one item
    catch_up: bool = False

    @property
    def can_be_done(self) -> bool:
        """May its notification offer "Done"? Not for a summary of several, nor for a
        decision (a strike after the final notice: with or without, the collaboration
        ends), which is made in its own dialog."""
        return not self.summary and all(getattr(i, "action", "message") == "message" for i in self.items)


@dataclass
class PopupPolicy:
    min_gap: timedelta = MIN_GAP
    last_popup: datetime | None = None
    announced: set[str] = field(default_factory=set)
    paused_until: datetime | None = None

    @staticmethod
    def moment_key(item: Announceable) -> str:
        return f"{item.key}@{item.due.isoformat()}"

    def pause(self, until: datetime) -> None:
        self.paused_until = until

    def decide(
        self,
        now: datetime,
        due_items: Sequence[Announceable],
        quiet: Callable[[datetime], bool],
        catch_up: bool = False,
    ) -> Announcement | None:
        """What to show now, if anything; remembers what it showed."""
        fresh = [i for i in due_items if i.due <= now and self.moment_key(i) not in self.announced]
        if not fresh:
            return None
        if self.paused_until is not None and now < self.paused_until:
            return None
        if quiet(now):
            return None
        if self.last_popup is not None and now - self.last_popup < self.min_gap:
            return None
        self.last_popup = now
        self.announced.update(self.moment_key(i) for i in fresh)
        return Announcement(items=list(fresh), summary=len(fresh) > 1 or catch_up, catch_up=catch_up)

    def next_wake(self, now: datetime, next_due: datetime | None) -> datetime | None:
        """When the scheduler should look again to honour gap and pause."""
        candidates = [t for t in (next_due,) if t is not None]
        if self.paused_until is not None and self.paused_until > now:
            candidates = [max(t, self.paused_until) for t in candidates] or [self.paused_until]
        if self.last_popup is not None:
            gap_end = self.last_popup + self.min_gap
            candidates = [max(t, gap_end) for t in candidates]
        return min(candidates) if candidates else None


def fired_late(planned: datetime, actual: datetime) -> bool:
    """True when a timer fired far later than planned (sleep, suspend, clock jump)."""
    return actual - planned > JUMP_THRESHOLD
