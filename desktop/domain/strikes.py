"""The strike policy (seed 001): three strikes and an influencer is inactive until the
outstanding work is delivered.

Policy values come from the owner's settings (``strikes_to_inactive``,
``strike_expiry_days``, ``strikes_lift_when_delivered``). Pure Python: callers pass
plain values and ``now``.

Decisions:
- A strike *counts* while it is not lifted and not expired (expiry 0 = never).
- Reaching the threshold of counting strikes makes the person inactive.
- When the last outstanding deliverable of an inactive person is posted, and the policy
  says so, every counting strike is lifted (kept in the history with the date) and the
  person is active again. A strike of an active person is not lifted by delivery: it
  stays as a warning until it expires.
- Blocked is the owner's decision and is never changed by this policy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.i18n import _, ngettext


@dataclass(frozen=True)
class Policy:
    to_inactive: int = 3
    expiry_days: int = 0  # 0 = strikes never expire
    lift_when_delivered: bool = True

    @classmethod
    def from_settings(cls, get) -> "Policy":
        """``get`` is ``store.settings.get`` (passed in to keep this module pure)."""
        return cls(
            to_inactive=max(1, int(get("strikes_to_inactive"))),
            expiry_days=max(0, int(get("strike_expiry_days"))),
            lift_when_delivered=bool(get("strikes_lift_when_delivered")),
        )


@dataclass(frozen=True)
class StrikeInfo:
    id: int
    created_at: datetime
    lifted_at: datetime | None = None


def counts(strike: StrikeInfo, policy: Policy, now: datetime) -> bool:
    """Whether a strike still counts towards inactive."""
    if strike.lifted_at is not None:
        return False
    if policy.expiry_days and strike.created_at + timedelta(days=policy.expiry_days) <= now:
        return False
    return True


def counting(strikes: list[StrikeInfo], policy: Policy, now: datetime) -> list[StrikeInfo]:
    return [s for s in strikes if counts(s, policy, now)]


def status_after(current: str, strikes: list[StrikeInfo], policy: Policy, now: datetime) -> str:
    """The person status the policy gives: "inactive" at the threshold, "active" below it.

    A blocked person stays blocked.
    """
    if current == "blocked":
        return "blocked"
    return "inactive" if len(counting(strikes, policy, now)) >= policy.to_inactive else "active"


def to_lift_on_delivery(
    status: str, strikes: list[StrikeInfo], policy: Policy, now: datetime,
    outstanding_before: int, outstanding_after: int,
) -> list[StrikeInfo]:
    """The strikes to lift because the last outstanding work was just delivered."""
    if not policy.lift_when_delivered or status != "inactive":
        return []
    if outstanding_before <= 0 or outstanding_after > 0:
        return []
    return counting(strikes, policy, now)


def inactive_reason(strikes: list[StrikeInfo], policy: Policy, now: datetime) -> str:
    """The reason shown wherever an inactive influencer appears."""
    n = len(counting(strikes, policy, now))
    text = ngettext("{n} strike", "{n} strikes", n).format(n=n)
    if policy.lift_when_delivered:
        return _("{strikes}: inactive until the outstanding work is posted.").format(strikes=text)
    return _("{strikes}: inactive.").format(strikes=text)
