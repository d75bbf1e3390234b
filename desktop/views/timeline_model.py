"""The timeline's Qt model: pages of events, newest first, with a heading row per day.

``TimelineModel`` never loads every row: it asks ``presentation.timeline.fetch_page`` for
``PAGE`` events at a time when the view scrolls near the end (``canFetchMore`` /
``fetchMore``). A day heading row ("Vandaag", "Gisteren", "Maandag 16 november") goes
before the first event of each local day; the view spans it over all columns.

The same model, fixed on one person, feeds the history widget in detail panes
(``views/timeline_widget.py``).

``benchmark()`` measures first page and filter changes on the open database, for
``bench/run.py``.
"""

from __future__ import annotations

import statistics
import time as _time
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush

from desktop import i18n
from desktop.clock import utcnow
from desktop.presentation import timeline
from desktop.presentation.timeline import EventLine, TimelineFilter
from desktop.i18n import _
from desktop.labels import label
from desktop.views.rows import (
    DISPLAY,
    FOREGROUND,
    HEADING_FLAGS,
    TOOLTIP,
    USER,
    _Colours,
    _status_colour,
    heading_data,
    plain_tooltip,
)

PAGE = timeline.PAGE

# data() and flags() run for every visible cell and every role Qt asks for: compare
# plain ints and hand out values made once (as views/rows.py does; docs/PERFORMANCE.md).
EVENT_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable
# Day headings on a soft tint of the palette (views/rows.py, as Vandaag's group headings);
# messages the shop received (the other side answered) in green. Both follow the palette
# (light or dark desktop).
_IN_BRUSH = _Colours(lambda name: QBrush(_status_colour(name)))


# Columns (codes; the headers are translated when asked for).
COLUMNS = ("time", "person", "kind", "channel", "direction", "text")


def column_titles() -> dict[str, str]:
    return {
        # TRANSLATORS: column with the time of day of a timeline event.
        "time": _("Time"),
        "person": _("Person"),
        # TRANSLATORS: column with the kind of timeline event (message, shipment...).
        "kind": _("What"),
        # The kind over the channel, for narrow panes (two-line rows).
        "kind_channel": _("What"),
        "channel": _("Channel"),
        "direction": _("Direction"),
        "text": _("Text"),
    }


@dataclass
class Heading:
    day: date
    text: str


@dataclass
class Line:
    event: EventLine
    cells: list[str]
    local_day: date


class TimelineModel(QAbstractTableModel):
    """Events matching a ``TimelineFilter``, paged, grouped by local day."""

    counted = Signal(int)  # how many events match the filter (after every reset)

    def __init__(self, parent=None, columns: tuple[str, ...] = COLUMNS, page: int = PAGE,
                 now: Callable[[], datetime] = utcnow, tz: tzinfo | None = None, count: bool = True):
        super().__init__(parent)
        self.columns = tuple(columns)
        self.page = page
        self._now = now
        self.tz = tz
        self._count_enabled = count
        self.filter = TimelineFilter()
        self.items: list[Heading | Line] = []
        self.total = 0
        self._exhausted = True
        self._today = date.min

    # --- filtering and paging ----------------------------------------------------------
    def set_filter(self, f: TimelineFilter) -> None:
        """Show the events matching ``f`` from the top (first page only)."""
        self.filter = f
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.items = []
        self._today = timeline.to_local(self._now(), self.tz).date()
        self._exhausted = False
        self._append(timeline.fetch_page(self.filter, None, self.page))
        self.endResetModel()
        self.total = timeline.count(self.filter) if self._count_enabled else self.event_count()
        self.counted.emit(self.total)

    def follow_day(self) -> bool:
        """The owner's day changed (her midnight, the app open in the tray): the day headings
        say "Vandaag", "Gisteren" and a date's year as today stands, in place, so the rows
        loaded, the selection and the scroll stay ("Vandaag" over yesterday's events stayed
        until something reloaded the list: review of the days around New Year). True when
        the day had changed."""
        if self._today == date.min:
            return False  # nothing loaded yet: the first load words them
        today = timeline.to_local(self._now(), self.tz).date()
        if today == self._today:
            return False
        self._today = today
        locale = i18n.formatting_locale()
        changed = []
        for row, item in enumerate(self.items):
            if item.__class__ is Heading:
                text = timeline.day_heading(item.day, today, locale)
                if text != item.text:
                    item.text = text
                    changed.append(row)
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], len(self.columns) - 1))
        return True

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self._exhausted:
            return
        last = self.last_event()
        page = timeline.fetch_page(self.filter, last, self.page)
        if not page:
            self._exhausted = True
            return
        items = self._build(page)
        first = len(self.items)
        self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
        self.items.extend(items)
        self._exhausted = len(page) < self.page
        self.endInsertRows()

    def _append(self, page: list[EventLine]) -> None:
        self.items.extend(self._build(page))
        self._exhausted = len(page) < self.page

    def _build(self, page: list[EventLine]) -> list[Heading | Line]:
        previous = self._last_day()
        out: list[Heading | Line] = []
        locale = i18n.formatting_locale()
        for event in page:
            local = timeline.to_local(event.at, self.tz)
            day = local.date()
            if day != previous:
                out.append(Heading(day, timeline.day_heading(day, self._today, locale)))
                previous = day
            out.append(Line(event, self._cells(event, local, locale), day))
        return out

    def _cells(self, e: EventLine, local: datetime, locale) -> list[str]:
        values = {
            "time": i18n.format_time(local, "short", locale),
            "person": e.person_name,
            "kind": e.what,
            "channel": label("channel", e.channel) if e.channel else "",
            "kind_channel": e.what + ("\n" + label("channel", e.channel) if e.channel else ""),
            "direction": label("direction", e.direction) if e.direction != "none" else "",
            "text": " ".join(e.text.split()),  # one line: a message's paragraphs with one space between
        }
        return [values[c] for c in self.columns]

    def _last_day(self) -> date | None:
        for item in reversed(self.items):
            return item.local_day if isinstance(item, Line) else item.day
        return None

    # --- questions -------------------------------------------------------------------
    def last_event(self) -> EventLine | None:
        for item in reversed(self.items):
            if isinstance(item, Line):
                return item.event
        return None

    def is_heading(self, row: int) -> bool:
        return 0 <= row < len(self.items) and isinstance(self.items[row], Heading)

    def event_at(self, row: int) -> EventLine | None:
        if 0 <= row < len(self.items):
            item = self.items[row]
            return item.event if isinstance(item, Line) else None
        return None

    def row_of(self, event_id: int) -> int:
        for row, item in enumerate(self.items):
            if isinstance(item, Line) and item.event.id == event_id:
                return row
        return -1

    def first_event_row(self) -> int:
        for row, item in enumerate(self.items):
            if isinstance(item, Line):
                return row
        return -1

    def heading_rows(self) -> list[int]:
        return [row for row, item in enumerate(self.items) if isinstance(item, Heading)]

    def event_count(self) -> int:
        """How many events are loaded (not how many match: see ``total``)."""
        return sum(1 for item in self.items if isinstance(item, Line))

    # --- Qt model API ----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.columns):
            return column_titles()[self.columns[section]]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        return HEADING_FLAGS if self.items[index.row()].__class__ is Heading else EVENT_FLAGS

    def data(self, index, role=DISPLAY):
        row = index.row()
        if not index.isValid() or row >= len(self.items):
            return None
        item = self.items[row]
        role = int(role)
        if item.__class__ is Heading:  # passed over by the keys, as Vandaag's (views/rows.py)
            return heading_data(item.text, index.column(), role)
        if role == DISPLAY:
            return item.cells[index.column()]
        if role == TOOLTIP:
            column = self.columns[index.column()]
            if column == "kind_channel":  # narrowed in a narrow pane (PersonTimeline): said whole
                return plain_tooltip(item.cells[index.column()])
            return plain_tooltip(item.event.text) if column == "text" else None
        if role == FOREGROUND:
            return _IN_BRUSH["green"] if item.event.direction == "in" else None
        if role == USER:
            return item.event.id
        return None


def benchmark(repeat: int = 5, person_id: int | None = None) -> dict[str, float]:
    """Milliseconds (median of ``repeat``) for the timeline on the open database.

    first_page: a fresh model showing everything (first page, headings, count);
    next_page: one more page when scrolling; filter_kind / filter_person / search_text:
    changing the filter on an open model. For ``bench/run.py``; fill the database first,
    e.g. with ``store.synthetic.fill_events(250_000, now)``.
    """
    from desktop.store import lookups

    if person_id is None:
        person_id = lookups.latest_event_person() or 0

    def timed(action: Callable[[], object], setup: Callable[[], object] | None = None) -> float:
        runs = []
        for _run in range(repeat):
            if setup is not None:
                setup()
            start = _time.perf_counter()
            action()
            runs.append((_time.perf_counter() - start) * 1000)
        return round(statistics.median(runs), 2)

    model = TimelineModel()
    results = {
        "first_page": timed(lambda: TimelineModel().set_filter(TimelineFilter())),
        "next_page": timed(model.fetchMore, setup=lambda: model.set_filter(TimelineFilter())),
        "filter_kind": timed(lambda: model.set_filter(TimelineFilter(kind="message"))),
        "filter_person": timed(lambda: model.set_filter(TimelineFilter(person_id=person_id))),
        "search_text": timed(lambda: model.set_filter(TimelineFilter(text="pakket"))),
    }
    return results
