"""The due scan's full output on two shops at many moments, as plain JSON: what
tests/test_due_golden.py compares with tests/data/due_golden.json.gz, which
tests/make_due_golden.py wrote with the code before the due-scan rework (fix 27 in
docs/PERFORMANCE.md). Every field of every DueItem and DuePart is in it.

The shops: the demo (``demo.fill(NOW)``) and the benchmark's generator at the small scale
(``bench/generate.py``, seed 3, anchored at ANCHOR); each under the default settings and
under another zone, quiet hours, weekends skipped and other step hours; each before and
after the owner acted on some steps (sent, snoozed, dismissed, a reply logged)."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.domain.followup import DueItem

ANCHOR = datetime(2026, 11, 23, 9, 0)
SMALL_SEED = 3
HOURS = (-50, -7, 0, 3, 11, 26, 49, 75, 101, 150, 222)
OTHER_SETTINGS = {"time_zone": "America/New_York", "quiet_start": "20:00", "quiet_end": "08:30",
                  "skip_weekends": True, "ladder_step_hours": [6, 30, 54, 80]}


def _value(v):
    if isinstance(v, datetime):
        return v.isoformat()
    if isinstance(v, dict):
        return {str(k): _value(x) for k, x in sorted(v.items())}
    if isinstance(v, (list, tuple)):
        return [_value(x) for x in v]
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def item_json(item: DueItem) -> dict:
    out = {name: _value(getattr(item, name)) for name in item.__dataclass_fields__ if name != "parts"}
    out["parts"] = [{name: _value(getattr(p, name)) for name in p.__dataclass_fields__} for p in item.parts]
    return out


def collect(start: datetime) -> dict[str, list]:
    """Every scan the golden file holds, on the open database (which it changes: acting
    on steps), keyed by a name saying what was asked."""
    from desktop.store import due, settings

    found: dict[str, list] = {}

    def scans(label: str) -> None:
        for hours in HOURS:
            now = start + timedelta(hours=hours)
            found[f"{label} plan {hours:+d}h"] = [item_json(i) for i in due.plan(now)]
            found[f"{label} due_now {hours:+d}h"] = [item_json(i) for i in due.due_now(now)]
        people = sorted({i.person_id for i in due.plan(start)})
        for pid in people[:: max(1, len(people) // 6)]:
            for hours in (0, 30):
                now = start + timedelta(hours=hours)
                found[f"{label} person {pid} plan {hours:+d}h"] = [item_json(i) for i in due.plan(now, pid)]
                found[f"{label} person {pid} due_now {hours:+d}h"] = [item_json(i) for i in due.due_now(now, pid)]

    settings.set("time_zone", "Europe/Amsterdam")
    scans("default")
    for key, value in OTHER_SETTINGS.items():
        settings.set(key, value)
    scans("other")
    for key, value in {"time_zone": "Europe/Amsterdam", "quiet_start": "21:00", "quiet_end": "09:00",
                       "skip_weekends": False, "ladder_step_hours": [0, 24, 48, 72]}.items():
        settings.set(key, value)
    # the owner acts: every fourth item due now sent, snoozed, dismissed or answered, in turn
    first = due.due_now(start)
    for n, item in enumerate(first[::4]):
        kind = n % 4
        if kind == 0:
            due.mark_sent(item, start, item.channel, "Hoi!")
        elif kind == 1:
            due.snooze(item, start, start + timedelta(hours=20))
        elif kind == 2:
            due.dismiss(item, start)
        else:
            due.mark_reply(item, start, "email", "Komt eraan")
    scans("acted")
    later = start + timedelta(hours=49)
    for n, item in enumerate(due.due_now(later)[::3]):
        if n % 2 == 0:
            due.mark_sent(item, later, item.channel, "Nogmaals hoi")
        else:
            due.dismiss(item, later)
    scans("acted twice")
    return found
