"""When the shop owes a customer news about a custom order.

Two reminders, both pure functions of the order's facts, the owner's settings and
``now`` (never the clock):

- **delay** (``order_delay``): the order is not ready ``warn_days`` days before its
  promised ready date. It comes due at the start of that calendar day in the owner's time
  zone, moved to the end of the quiet hours when the day starts inside them (so at 09:00
  with the default 21:00-09:00). News sent at or after that moment answers it; a new
  promised date (the delay message) moves it.
- **update** (``order_update``): an order in production has had no news sent for
  ``update_days`` days (counted from the last message sent, or from the moment it went
  into production). Not while the delay reminder is due: that one says more.

Orders that are ready, shipped, delivered or cancelled owe nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from desktop.domain.orders import IN_THE_MAKING

DELAY = "order_delay"
UPDATE = "order_update"


@dataclass(frozen=True)
class OrderFacts:
    """What the rules need to know about one order (moments are naive UTC)."""

    order_id: int
    person_id: int
    status: str
    promised_ready: date | None
    in_production_since: datetime | None = None  # when it entered production (or was created)
    last_news_at: datetime | None = None  # last outgoing message about this order


@dataclass(frozen=True)
class OrderDue:
    order_id: int
    person_id: int
    step: str  # DELAY or UPDATE
    due_at: datetime  # naive UTC


@dataclass(frozen=True)
class Rules:
    warn_days: int = 2
    update_days: int = 7
    quiet_start: time = time(21, 0)
    quiet_end: time = time(9, 0)
    tz: tzinfo = timezone.utc


def parse_clock(text: str) -> time:
    """'21:00' -> time(21, 0)."""
    hours, _sep, minutes = str(text).partition(":")
    return time(int(hours), int(minutes or 0))


def in_quiet_hours(local: datetime, start: time, end: time) -> bool:
    """Whether a local wall-clock moment falls inside the quiet hours [start, end)."""
    t = local.timetz().replace(tzinfo=None)
    if start == end:
        return False
    if start < end:
        return start <= t < end
    return t >= start or t < end  # over midnight, e.g. 21:00-09:00


def after_quiet_hours(local: datetime, start: time, end: time) -> datetime:
    """``local`` itself, or the end of the quiet hours it falls in (same tz)."""
    if not in_quiet_hours(local, start, end):
        return local
    day = local.date()
    if start > end and local.timetz().replace(tzinfo=None) >= start:
        day += timedelta(days=1)
    return datetime.combine(day, end, tzinfo=local.tzinfo)


def _to_utc(local: datetime) -> datetime:
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def _to_local(utc: datetime, tz: tzinfo) -> datetime:
    return utc.replace(tzinfo=timezone.utc).astimezone(tz)


def delay_due_at(facts: OrderFacts, rules: Rules) -> datetime | None:
    """The moment (naive UTC) the delay reminder comes due, or None when none will."""
    if facts.status not in IN_THE_MAKING or facts.promised_ready is None:
        return None
    day = facts.promised_ready - timedelta(days=rules.warn_days)
    start = datetime.combine(day, time(0, 0), tzinfo=rules.tz)
    due = after_quiet_hours(start, rules.quiet_start, rules.quiet_end)
    return _to_utc(due)


def update_due_at(facts: OrderFacts, rules: Rules) -> datetime | None:
    """The moment (naive UTC) the "no news for a while" reminder comes due, or None."""
    if facts.status != "in_production" or rules.update_days <= 0:
        return None
    since = max(m for m in (facts.in_production_since, facts.last_news_at) if m) if (
        facts.in_production_since or facts.last_news_at) else None
    if since is None:
        return None
    local = _to_local(since + timedelta(days=rules.update_days), rules.tz)
    return _to_utc(after_quiet_hours(local, rules.quiet_start, rules.quiet_end))


def due(facts: OrderFacts, rules: Rules, now: datetime) -> OrderDue | None:
    """What this order asks of the owner at ``now`` (naive UTC), if anything.

    Nothing is due inside the quiet hours, even a reminder that came due before them: it
    waits for the morning.
    """
    if in_quiet_hours(_to_local(now, rules.tz), rules.quiet_start, rules.quiet_end):
        return None
    delay_at = delay_due_at(facts, rules)
    if delay_at is not None and delay_at <= now and not (facts.last_news_at and facts.last_news_at >= delay_at):
        return OrderDue(facts.order_id, facts.person_id, DELAY, delay_at)
    update_at = update_due_at(facts, rules)
    if update_at is not None and update_at <= now:
        return OrderDue(facts.order_id, facts.person_id, UPDATE, update_at)
    return None
