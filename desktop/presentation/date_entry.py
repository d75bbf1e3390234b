"""The words for a date field whose text is not a date Afspraak can take (domain/dates.py
reads the text; views/date_edit.py shows these at the field and the dialogs refuse to save).
"""

from __future__ import annotations

from datetime import date, datetime

from desktop import i18n
from desktop.domain import dates
from desktop.i18n import _

EXAMPLE = datetime(2027, 3, 7, 14, 30)  # "07-03-2027" / "07/03/2027": day and month tell apart


def example(pattern: str) -> str:
    """The field's pattern filled in with an example ("07-03-2027, 14:30")."""
    return i18n.format_datetime(EXAMPLE, pattern.replace("AP", "a"))


def problem(text: str, reading: dates.Reading | None, pattern: str, first: date, last: date) -> str:
    """Why ``text`` (read as ``reading``; None: not in the field's shape) is not taken; ''
    when it is a whole date from ``first`` to ``last``."""
    with_time = "H" in pattern
    if reading is None or reading.state == dates.UNFINISHED:
        if not any(c.isdigit() for c in text):
            if with_time:
                return _("Type a date and a time, like {example}.").format(example=example(pattern))
            return _("Type a date, like {example}.").format(example=example(pattern))
        if with_time:
            # TRANSLATORS: {text} is what the owner typed in a date field, e.g. "17-12-202".
            return _("“{text}” is not a whole date and time: type the day, the month, the year and the time, "
                     "like {example}.").format(text=text, example=example(pattern))
        # TRANSLATORS: {text} is what the owner typed in a date field, e.g. "17-12-202".
        return _("“{text}” is not a whole date: type the day, the month and the year, like {example}.").format(
            text=text, example=example(pattern))
    if reading.state == dates.NO_SUCH_DAY:
        month = i18n.format_date(date(reading.year, reading.month, 1), "LLLL y")
        # TRANSLATORS: "31-04-2027 does not exist: April 2027 has 30 days." {month} is "April 2027".
        shape = dates.layout(pattern)
        return _("{text} does not exist: {month} has {days} days.").format(
            text=shape.date_only(text) if shape else text, month=month, days=dates.days_in_month(reading.year, reading.month))
    if reading.state == dates.NOT_A_DATE:
        return _("“{text}” is not a date.").format(text=text)
    if reading.state == dates.NOT_A_TIME:
        return _("“{text}” is not a time of day: the hours go from 00 to 23, the minutes from 00 to 59.").format(
            text=text)
    value = reading.value
    day = value.date() if isinstance(value, datetime) else value
    if day is not None and not first <= day <= last:
        return dates.implausible(day) or _("Choose a date from {first} to {last}.").format(
            first=i18n.list_date(first), last=i18n.list_date(last))
    return ""
