"""The only place that reads the clock, and the owner's time.

Every part of the app (the shell, views, dialogs, the CLI) asks ``utcnow()`` here; the
domain takes ``now`` as an argument. Tests freeze the clock in one place (``freeze``),
so nothing depends on the day the suite runs.

Times are stored as naive UTC datetimes and shown in the owner's time: ``OwnerTime``
(time zone, quiet hours, weekends) is built from the settings by the store and handed in
with ``set_owner`` whenever they change; ``owner()`` is what every reader asks, so a
change in the settings reaches the ladder, the scheduler, the tray and the dialogs at
once, without a restart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Callable

_source: Callable[[], datetime] | None = None  # None: the real clock


def utcnow() -> datetime:
    """Now, as a naive UTC datetime (how the store keeps every moment)."""
    if _source is not None:
        return _source()
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def freeze(moment: datetime | Callable[[], datetime] | None) -> None:
    """Let ``utcnow()`` answer ``moment`` (naive UTC), or call it; ``None``: the real clock."""
    global _source
    if moment is None or callable(moment):
        _source = moment
    else:
        _source = lambda: moment  # noqa: E731


# --- the owner's time ------------------------------------------------------------------

_system_zone: tzinfo | None = None  # pinned by tests; None: asked of the machine


def system_zone() -> tzinfo:
    """The computer's time zone as a tzinfo that knows daylight saving time where possible.

    Tries ``$TZ`` and ``/etc/localtime`` (a link into the zoneinfo database) before falling
    back to the current fixed offset.
    """
    if _system_zone is not None:
        return _system_zone
    import os
    from pathlib import Path
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return datetime.now().astimezone().tzinfo or timezone.utc


def pin_system_zone(zone: tzinfo | None) -> None:
    """Tests: act as if the computer were in ``zone`` (``None``: ask the machine again)."""
    global _system_zone, _owner
    _system_zone = zone
    _owner = None


local_zone = system_zone  # the older name


def zone_named(name: str | None) -> tzinfo:
    """The IANA zone ``name`` ("Europe/Amsterdam"), else the computer's."""
    if name:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return system_zone()


def zone_key(zone: tzinfo) -> str:
    """The IANA name of ``zone`` ("Europe/Brussels"), or "" for a zone without one."""
    return str(getattr(zone, "key", "") or "")


def _hhmm(value) -> time:
    if isinstance(value, time):
        return value
    hours, minutes = str(value).split(":")
    return time(int(hours), int(minutes))


@dataclass(frozen=True)
class OwnerTime:
    """The owner's time zone, quiet hours and weekends: what "tonight", "tomorrow
    morning" and "the end of that day" mean for her."""

    tz: tzinfo
    quiet_start: time = time(21, 0)
    quiet_end: time = time(9, 0)
    skip_weekends: bool = False
    # The shop's country ("NL", "BE"): its public holidays are days off (domain/workdays.py;
    # the store works it out from the "shop_country" setting and the zone, store/settings.py).
    country: str = "NL"

    @classmethod
    def from_settings(cls, values) -> OwnerTime:
        """From stored settings: "time_zone" ("" = the computer's), "quiet_start",
        "quiet_end" ("HH:MM"), "skip_weekends" and "shop_country" (the country itself, as
        ``store.settings.owner_time`` works it out); missing or broken values keep defaults."""
        base = cls(tz=timezone.utc)
        try:
            start = _hhmm(values.get("quiet_start", base.quiet_start))
            end = _hhmm(values.get("quiet_end", base.quiet_end))
        except (TypeError, ValueError):
            start, end = base.quiet_start, base.quiet_end
        tz = zone_named(values.get("time_zone") or "")
        return cls(tz=tz, quiet_start=start, quiet_end=end, skip_weekends=bool(values.get("skip_weekends", False)),
                   country=str(values.get("shop_country") or base.country))

    def local(self, moment: datetime) -> datetime:
        """A stored naive-UTC moment as an aware datetime in the owner's zone (a moment at the
        very end or start of the calendar, which has no local time there, as it is: a slip
        stored before the forms refused it must not stop a list from showing)."""
        try:
            return moment.replace(tzinfo=timezone.utc).astimezone(self.tz)
        except OverflowError:
            return moment.replace(tzinfo=self.tz)

    def to_utc(self, value: datetime) -> datetime:
        """A moment in the owner's time (naive = her wall clock) as naive UTC, for storing."""
        if value.tzinfo is None:
            value = value.replace(tzinfo=self.tz)
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def today(self, now: datetime) -> date:
        """The owner's calendar day at the naive-UTC moment ``now``."""
        return self.local(now).date()

    def end_of_day(self, day: date) -> datetime:
        """The first moment after ``day`` ends in the owner's zone, as naive UTC: a deadline
        "on 2 December" has passed only then."""
        return self.to_utc(datetime.combine(day + timedelta(days=1), time(0, 0)))

    def is_quiet(self, moment: datetime) -> bool:
        """Inside the quiet hours (which may wrap midnight, 21:00-09:00) at naive-UTC ``moment``."""
        start, end, now = self.quiet_start, self.quiet_end, self.local(moment).time()
        if start == end:
            return False
        if start < end:
            return start <= now < end
        return now >= start or now < end

    def next_morning(self, now: datetime) -> datetime:
        """"Tomorrow morning": the next time the quiet hours end (at 02:00 that is this
        morning, at 10:00 the next day), as naive UTC."""
        day = self.today(now)
        morning = self.to_utc(datetime.combine(day, self.quiet_end))
        if morning <= now:
            morning = self.to_utc(datetime.combine(day + timedelta(days=1), self.quiet_end))
        return morning


def snooze_until(how, now: datetime) -> datetime:
    """The moment a snooze ends: ``how`` is a timedelta, or "tomorrow" for the next
    morning in the owner's time (when her quiet hours end)."""
    return owner().next_morning(now) if how == "tomorrow" else now + how


_owner: OwnerTime | None = None


def owner() -> OwnerTime:
    """The owner's time as last set from the settings (the computer's zone until then)."""
    global _owner
    if _owner is None:
        _owner = OwnerTime(tz=system_zone())
    return _owner


def set_owner(value: OwnerTime | None) -> None:
    """Hand in the owner's time after the settings were read or changed (``None``: defaults)."""
    global _owner
    _owner = value


def to_local(value: datetime) -> datetime:
    """A stored naive-UTC moment as an aware datetime in the owner's time zone, for display."""
    return owner().local(value)


def local_to_utc(value: datetime) -> datetime:
    """A naive local datetime (as the owner typed it) to naive UTC for storing."""
    return owner().to_utc(value)
