"""The only place that reads the clock. The domain takes ``now`` as an argument.

Times are stored as naive UTC datetimes and shown in local time.
"""

from __future__ import annotations

from datetime import datetime, timezone


def utcnow() -> datetime:
    """Now, as a naive UTC datetime (how the store keeps every moment)."""
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def to_local(value: datetime) -> datetime:
    """A stored naive-UTC moment as an aware local datetime, for display."""
    return value.replace(tzinfo=timezone.utc).astimezone()


def local_to_utc(value: datetime) -> datetime:
    """A naive local datetime (as a user typed it) to naive UTC for storing."""
    return value.astimezone(timezone.utc).replace(tzinfo=None)


def local_zone():
    """The owner's time zone as a tzinfo that knows daylight saving time where possible.

    Tries ``$TZ`` and ``/etc/localtime`` (a link into the zoneinfo database) before falling
    back to the current fixed offset.
    """
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
