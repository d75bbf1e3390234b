"""The dates Afspraak takes, and reading a date as it is typed. Pure Python: no Qt.

One rule for every way a date comes in (a dialog, a shop export): a date of a small shop's
orders, promises and posts lies in ``YEARS``. Anything else is a typing slip or a broken
file ("01-01-1900", "31-12-9999"), and a reminder counted from it would be nonsense (or,
at the very end of the calendar, arithmetic that cannot be done).

``read`` takes the text of a date field as the owner types it, part by part, in the
field's pattern ("dd-MM-yyyy", "d/MM/yyyy", "dd/MM/yyyy, HH:mm"), and says what it is: a
real date, not finished yet, or a day that does not exist ("31-04-2027"). It never turns
one day into another: that was Qt's own field, which shortened the 31st to the length of
the month shown while she was still typing (issue: badinput #1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from desktop.i18n import _

YEARS = range(1990, 2100)
FIRST_DAY = date(YEARS.start, 1, 1)
LAST_DAY = date(YEARS.stop - 1, 12, 31)


def plausible(value: date | datetime | None) -> bool:
    """Is ``value`` (None: no date) a date Afspraak takes?"""
    return value is None or value.year in YEARS


def implausible(value: date | datetime | None) -> str:
    """What to say about a date outside ``YEARS`` (the owner's own slip, most likely), or ''."""
    if plausible(value):
        return ""
    # TRANSLATORS: a date typed far in the past or future; the years are plain numbers (1990, 2099).
    return _("Is the year {year} right? Afspraak accepts dates from {first} to {last}.").format(
        year=str(value.year), first=str(YEARS.start), last=str(YEARS.stop - 1))


def past_day_problem(day: date, today: date, future: str) -> str:
    """What is wrong with ``day`` as the day something already happened, on the owner's
    ``today``: ``future`` (the caller's words) for a day still to come, else an implausible
    year ('' when nothing)."""
    if day > today:
        return future
    return implausible(day)


def add_days(day: date, days: int) -> date:
    """``day`` plus ``days``, held at the ends of the calendar instead of failing there
    (a stored 31-12-9999 must never stop a list, a reminder or the start of the app)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


# --- a date as it is typed -----------------------------------------------------------

# The parts a date field can have: (letter in the pattern, most digits it takes).
PART_DIGITS = {"d": 2, "M": 2, "y": 4, "H": 2, "m": 2}
DATE_PARTS = ("d", "M", "y")

WHOLE, UNFINISHED, NO_SUCH_DAY, NOT_A_DATE, NOT_A_TIME = "whole", "unfinished", "no_such_day", "not_a_date", "not_a_time"


@dataclass(frozen=True)
class Layout:
    """A pattern's parts in order, with the text between them."""

    parts: tuple[str, ...]  # "d", "M", "y", "H", "m"
    padded: tuple[bool, ...]  # "dd" (True) or "d" (False)
    separators: tuple[str, ...]  # one fewer than parts

    def join(self, parts: list[str] | tuple[str, ...]) -> str:
        """The text of ``parts`` (all of them, or the first few)."""
        out = parts[0]
        for separator, part in zip(self.separators, parts[1:], strict=False):
            out += separator + part
        return out

    def split(self, text: str) -> list[str] | None:
        """The digits of each part of ``text`` written in this layout, or None when ``text``
        has another shape (a separator missing, a letter)."""
        expression = "".join(
            (re.escape(self.separators[i - 1]) if i else "") + r"(\d{0,%d})" % PART_DIGITS[part]
            for i, part in enumerate(self.parts))
        found = re.fullmatch(expression, text, flags=re.ASCII)
        return list(found.groups()) if found else None

    def date_only(self, text: str) -> str:
        """The date of ``text`` without its time ("31-04-2027" of "31-04-2027, 14:05")."""
        parts = self.split(text)
        if parts is None or set(self.parts[:3]) != set(DATE_PARTS):
            return text
        return self.join(parts[:3]) if len(parts) > 3 else text

    def starts(self, parts: list[str]) -> list[int]:
        """Where each part begins in the joined text."""
        out, at = [], 0
        for i, part in enumerate(parts):
            out.append(at)
            at += len(part) + (len(self.separators[i]) if i < len(self.separators) else 0)
        return out


def layout(pattern: str) -> Layout | None:
    """The layout of a date field's pattern, or None for one with month names, a two-digit
    year or AM/PM (none of Afspraak's languages types those)."""
    parts, padded, separators, between = [], [], [], ""
    for match in re.finditer(r"'([^']*)'|(d+|M+|y+|H+|m+)|(.)", pattern):
        quoted, field, other = match.groups()
        if field is None:
            between += quoted if quoted is not None else other
            continue
        letter = field[0]
        if (letter == "y" and len(field) != 4) or len(field) > PART_DIGITS[letter] or letter in parts:
            return None
        if parts:
            if not between:
                return None
            separators.append(between)
        elif between:
            return None
        between = ""
        parts.append(letter)
        padded.append(len(field) == PART_DIGITS[letter])
    if between or not set(DATE_PARTS) <= set(parts) or re.search(r"[A-Za-z]", "".join(separators)):
        return None
    return Layout(tuple(parts), tuple(padded), tuple(separators))


def part_done(part: str, digits: str) -> bool:
    """Can no further digit belong to this part? ("3" may still become 31; "4" is the 4th.)"""
    if len(digits) >= PART_DIGITS[part]:
        return True
    if len(digits) != 1:
        return False
    first_too_high = {"d": 3, "M": 1, "H": 2, "m": 5}.get(part)
    return first_too_high is not None and int(digits) > first_too_high


def finish_part(part: str, padded: bool, digits: str) -> str:
    """A part the owner moved away from, written out: "7" as "07" where the pattern pads,
    a two-digit year as this century's ("26": 2026). Anything else stays as typed."""
    if part == "y":
        return "20" + digits if len(digits) == 2 else digits
    if padded and len(digits) == 1:
        return "0" + digits
    return digits


@dataclass(frozen=True)
class Reading:
    """What a typed text is: ``state`` WHOLE (``value`` holds it), UNFINISHED (a part is
    empty or short), NO_SUCH_DAY (day, month and year each fine, but that month has fewer
    days: ``day``, ``month``, ``year`` say which), NOT_A_DATE (a month 13, a day 0) or
    NOT_A_TIME (an hour 25, a minute 61)."""

    state: str
    value: date | datetime | None = None
    day: int = 0
    month: int = 0
    year: int = 0


def read(text: str, shape: Layout) -> Reading | None:
    """``text`` read in ``shape``; None when it is not written in that shape at all."""
    parts = shape.split(text)
    if parts is None:
        return None
    got = dict(zip(shape.parts, parts, strict=True))
    if any(not digits or (part == "y" and len(digits) != 4) for part, digits in got.items()):
        return Reading(UNFINISHED)
    day, month, year = int(got["d"]), int(got["M"]), int(got["y"])
    hour, minute = int(got.get("H", 0)), int(got.get("m", 0))
    if not 1 <= month <= 12 or not 1 <= day <= 31 or year < 1:
        return Reading(NOT_A_DATE)
    try:
        day_typed = date(year, month, day)
    except ValueError:
        return Reading(NO_SUCH_DAY, day=day, month=month, year=year)
    if hour > 23 or minute > 59:
        return Reading(NOT_A_TIME)
    if "H" in got:
        return Reading(WHOLE, datetime(year, month, day, hour, minute))
    return Reading(WHOLE, day_typed)


def days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - timedelta(days=1)).day


def same_wall_time(moment: datetime, old: tzinfo, new: tzinfo, wall: time) -> datetime | None:
    """A calendar day stored as a moment (a deadline: ``wall`` 23:59 of its day; a day
    entered without a time: 12:00) after the owner's time zone changed from ``old`` to
    ``new``: ``wall`` of the same day in ``new``, as naive UTC. None when ``moment`` (naive
    UTC) is not exactly ``wall`` in ``old`` (a real moment, which stays where it was) or
    when it would not move. Without this a deadline of Saturday 26 December 23:59 in UTC
    read as Sunday 27 December 00:59 in Amsterdam (review of the settings)."""
    try:
        local = moment.replace(tzinfo=timezone.utc).astimezone(old)
    except OverflowError:  # the very end of the calendar: left as it is
        return None
    if local.time() != wall:
        return None
    try:
        moved = datetime.combine(local.date(), wall, tzinfo=new).astimezone(timezone.utc).replace(tzinfo=None)
    except OverflowError:
        return None
    return None if moved == moment else moved
