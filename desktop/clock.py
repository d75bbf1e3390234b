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
