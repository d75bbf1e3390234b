"""The reliability score of an influencer: computed from her history, never stored.

Four parts, each a number from 0 to 1, weighted; parts without data are left out and
the weights of the others are scaled up. Without any data there is no score.

- on time (weight 40): deliverables posted on or before their deadline, out of those
  that are due or delivered; overdue ones count as late.
- replies (weight 20): the median time she took to answer the shop's messages;
  within a day is perfect, a week or more counts as nothing.
- ratings (weight 25): the average of all stars the owner gave (1-5).
- strikes (weight 15): counting strikes against the threshold for inactive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import mean, median

from desktop.i18n import _, ngettext

WEIGHTS = {"on_time": 40, "replies": 20, "ratings": 25, "strikes": 15}
REPLY_PERFECT = timedelta(days=1)
REPLY_WORST = timedelta(days=7)


@dataclass(frozen=True)
class DeliverableFact:
    deadline: datetime | None
    delivered_at: datetime | None


@dataclass
class Score:
    value: int | None  # 0..100, None = not enough history
    parts: dict[str, float] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def explanation(self) -> str:
        head = (_("Reliability score {score} of 100").format(score=self.value) if self.value is not None
                else _("No reliability score yet: not enough history."))
        return "\n".join([head, *self.lines])


def on_time_rate(deliverables: list[DeliverableFact], now: datetime) -> tuple[int, int]:
    """(on time, judged): delivered ones, and overdue ones that count as late."""
    judged = on_time = 0
    for d in deliverables:
        if d.deadline is None:
            continue
        if d.delivered_at is not None:
            judged += 1
            on_time += d.delivered_at <= d.deadline
        elif d.deadline < now:
            judged += 1
    return on_time, judged


def reply_delays(messages: list[tuple[datetime, str]]) -> list[timedelta]:
    """Time from the first unanswered message of the shop ("out") to her next answer ("in")."""
    delays = []
    waiting_since = None
    for at, direction in sorted(messages):
        if direction == "out" and waiting_since is None:
            waiting_since = at
        elif direction == "in" and waiting_since is not None:
            delays.append(at - waiting_since)
            waiting_since = None
    return delays


def compute(
    deliverables: list[DeliverableFact],
    messages: list[tuple[datetime, str]],
    ratings: list[tuple[int, int, int, int]],
    counting_strikes: int,
    strikes_to_inactive: int,
    now: datetime,
) -> Score:
    parts: dict[str, float] = {}
    lines: list[str] = []
    on_time, judged = on_time_rate(deliverables, now)
    if judged:
        parts["on_time"] = on_time / judged
        lines.append(ngettext("On time: {on_time} of {n} deliverable", "On time: {on_time} of {n} deliverables",
                              judged).format(on_time=on_time, n=judged))
    delays = reply_delays(messages)
    if delays:
        typical = median(delays)
        span = (REPLY_WORST - REPLY_PERFECT).total_seconds()
        parts["replies"] = min(1.0, max(0.0, 1 - (typical - REPLY_PERFECT).total_seconds() / span))
        lines.append(ngettext("Usually answers within {duration} (median of {n} reply)",
                              "Usually answers within {duration} (median of {n} replies)",
                              len(delays)).format(duration=_format_delay(typical), n=len(delays)))
    if ratings:
        average = mean(sum(r) / 4 for r in ratings)
        parts["ratings"] = (average - 1) / 4
        from desktop import i18n

        lines.append(ngettext("Rating: {stars} of 5 ({n} collaboration)", "Rating: {stars} of 5 ({n} collaborations)",
                              len(ratings)).format(stars=i18n.format_number(round(average, 1)), n=len(ratings)))
    if parts or counting_strikes:
        threshold = max(1, strikes_to_inactive)
        parts["strikes"] = max(0.0, 1 - counting_strikes / threshold)
        lines.append(ngettext("{n} strike counts ({limit} make inactive)", "{n} strikes count ({limit} make inactive)",
                              counting_strikes).format(n=counting_strikes, limit=threshold))
    if not parts:
        return Score(None, {}, [_("Nothing delivered, answered or rated yet.")])
    total = sum(WEIGHTS[k] for k in parts)
    value = round(100 * sum(WEIGHTS[k] * v for k, v in parts.items()) / total)
    return Score(value, parts, lines)


def _format_delay(delta: timedelta) -> str:
    from desktop import i18n

    return i18n.format_duration(delta)
