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
from statistics import median

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
    """``lines`` (the explanation) are written when first asked for, in the language of
    that moment: the influencer list scores 10,000 people at start-up and shows the
    explanation only in a tooltip or the detail pane (docs/PERFORMANCE.md)."""

    value: int | None  # 0..100, None = not enough history
    parts: dict[str, float] = field(default_factory=dict)
    facts: tuple = field(default=(), repr=False)  # what the lines say: (name, numbers...) each

    @property
    def lines(self) -> list[str]:
        return [_line(*fact) for fact in self.facts]

    def explanation(self) -> str:
        head = (_("Reliability score: {score} out of 100").format(score=self.value) if self.value is not None
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
    facts: list[tuple] = []
    on_time, judged = on_time_rate(deliverables, now)
    if judged:
        parts["on_time"] = on_time / judged
        facts.append(("on_time", on_time, judged))
    delays = reply_delays(messages)
    if delays:
        typical = median(delays)
        span = (REPLY_WORST - REPLY_PERFECT).total_seconds()
        parts["replies"] = min(1.0, max(0.0, 1 - (typical - REPLY_PERFECT).total_seconds() / span))
        facts.append(("replies", typical, len(delays)))
    if ratings:
        # The mean of the four-star averages, from whole numbers: the same float as
        # statistics.mean gives (one exact division), without its Fractions (a quarter of
        # the influencer list's load at 10,000 people).
        average = sum(sum(r) for r in ratings) / (4 * len(ratings))
        parts["ratings"] = (average - 1) / 4
        facts.append(("ratings", average, len(ratings)))
    if parts or counting_strikes:
        threshold = max(1, strikes_to_inactive)
        parts["strikes"] = max(0.0, 1 - counting_strikes / threshold)
        facts.append(("strikes", counting_strikes, threshold))
    if not parts:
        return Score(None, {}, (("nothing",),))
    total = sum(WEIGHTS[k] for k in parts)
    value = round(100 * sum(WEIGHTS[k] * v for k, v in parts.items()) / total)
    return Score(value, parts, tuple(facts))


def _line(name: str, *numbers) -> str:
    """One line of a score's explanation, in the current language."""
    if name == "on_time":
        on_time, judged = numbers
        return ngettext("On time: {on_time} of {n} deliverable", "On time: {on_time} of {n} deliverables",
                        judged).format(on_time=on_time, n=judged)
    if name == "replies":
        typical, n = numbers
        # TRANSLATORS: in an influencer's score; {n} is how many of her answers were timed (the
        # typical one is meant). One answer is no habit, so the singular says what happened.
        return ngettext("Answered within {duration} ({n} reply so far)",
                        "Usually answers within {duration} (going by {n} replies)",
                        n).format(duration=_format_delay(typical), n=n)
    if name == "ratings":
        from desktop import i18n

        average, n = numbers
        return ngettext("Rating: {stars} out of 5 ({n} collaboration)", "Rating: {stars} out of 5 ({n} collaborations)",
                        n).format(stars=i18n.format_number(round(average, 1)), n=n)
    if name == "strikes":
        counting, threshold = numbers
        return ngettext("{n} strike in force (inactive at {limit})", "{n} strikes in force (inactive at {limit})",
                        counting).format(n=counting, limit=threshold)
    return _("Nothing delivered, answered or rated yet.")


def _format_delay(delta: timedelta) -> str:
    from desktop import i18n

    return i18n.format_duration(delta)
