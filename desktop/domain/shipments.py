"""The life of a shipment: which step may follow which, and when to ask "received?".

Pure rules; ``now`` is always an argument. Statuses: ready (klaar om te verzenden) ->
sent -> delivered -> received (ontvangen bevestigd), or returned (retour).
"""

from __future__ import annotations

from datetime import datetime, timedelta

# action -> (statuses it may start from, status it leads to)
ACTIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "send": (("ready",), "sent"),
    "deliver": (("sent",), "delivered"),
    "confirm": (("ready", "sent", "delivered"), "received"),
    "return": (("sent", "delivered"), "returned"),
}

# A collaboration moves along with its parcel, never backwards.
COLLAB_AFTER = {
    "send": ({"agreed"}, "shipped"),
    "confirm": ({"agreed", "shipped"}, "received"),
}

OPEN_COLLAB_STATUSES = ("proposed", "agreed")  # not shipped yet: a new parcel belongs here


def can(action: str, status: str) -> bool:
    starts, _target = ACTIONS[action]
    return status in starts


def next_status(action: str, status: str) -> str:
    if not can(action, status):
        raise ValueError(f"cannot {action} a shipment that is {status}")
    return ACTIONS[action][1]


def collaboration_status_after(action: str, collab_status: str) -> str:
    starts, target = COLLAB_AFTER.get(action, (set(), collab_status))
    return target if collab_status in starts else collab_status


def awaiting_receipt(status: str, sent_at: datetime | None, now: datetime, days: int) -> bool:
    """True when a sent parcel has not been confirmed as received ``days`` after sending."""
    return status in ("sent", "delivered") and sent_at is not None and now - sent_at >= timedelta(days=days)


def value_cents(items: list[tuple[int | None, int]]) -> int:
    """Total shop price of (price_cents, quantity) items; products without a price count 0."""
    return sum((price or 0) * quantity for price, quantity in items)
