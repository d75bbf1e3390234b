"""A fast table model for the list views: plain rows, filtered on a precomputed string.

Filtering a precomputed folded string per row (``domain/search_text.fold``: case, accents,
apostrophes and a leading "@" do not count, a phone number is its digits) and resetting the model is about ten
times cheaper than a QSortFilterProxyModel over a Python model (docs/ARCHITECTURE.md).
Every cell is shown as plain text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain import search_text
from desktop.views import theme


@dataclass(slots=True)
class Row:
    id: int | None  # None: a heading (``heading``), which is no item of the list
    cells: list[str]
    sort_keys: list[object] | None = None  # per column; defaults to the cell text
    # The text the search field matches against, folded (search_text.fold, once per row);
    # "": the cells' text, folded when the rows are set.
    search: str = ""
    tooltip: str | Callable[[], str] = ""  # a function: called (once) when Qt first asks
    colour: str = ""  # "red", "amber", "grey" or "": on the view's colour_columns
    # A colour of a column's own, over ``colour``: {column: colour} ("" for none). The
    # status label shows the status's colour, the deadline beside it shows lateness.
    colours: dict[int, str] | None = None
    extra: dict = field(default_factory=dict)
    subline: str = ""  # a quieter second line under the first cell (two-line rows)
    sublines: dict[int, str] | None = None  # the same under other cells: {column: text}
    # LazyRow: writes the rest of the rows passed (a screenful) when first read; None once done.
    fill: Callable[[list["Row"]], None] | None = None
    # LazyRow: writes only what the columns are measured on (the line under a name) of the
    # rows passed, cheaper than ``fill`` (no score); MEASURED once done; None: no such step.
    measure: Callable[[list["Row"]], None] | None = None
    # A heading over a group of rows (RowsModel.grouping): its text in the first cell,
    # spanning the row, never selected, never searched, never measured for the columns.
    heading: bool = False


_SLOTS = {name: Row.__dict__[name] for name in ("cells", "sort_keys", "tooltip", "subline", "sublines")}


# What a row says and how it is sorted and coloured: taken over by ``RowsModel.reword``.
_ROW_FIELDS = tuple(f.name for f in fields(Row) if f.name not in ("id", "search", "fill", "measure", "heading"))


def _lazy(name: str) -> property:
    slot = _SLOTS[name]

    def get(row):
        if row.fill is not None:
            row.fill([row])
        return slot.__get__(row)

    return property(get, slot.__set__)


class LazyRow(Row):
    """A row whose costly parts (``cells``, ``sort_keys``, ``tooltip``, ``subline``,
    ``sublines``) are written by ``fill`` when first read: the model fills the rows
    around the one Qt asks for in one call, a sort by any column fills every row first.
    ``id``, ``search``, ``colour`` and ``extra`` (what the search and the filters read)
    are there from the start. The influencer list scores a screenful of 10,000 people,
    not all of them (docs/PERFORMANCE.md, fix 25).

    With a ``measure`` step, the rows the columns are measured on (a hundred) are not
    filled for it: ``measure`` writes what those columns show, and the columns ``fill``
    alone writes are measured on the model's ``stand_ins`` (docs/PERFORMANCE.md, round 20)."""

    __slots__ = ()
    cells = _lazy("cells")
    sort_keys = _lazy("sort_keys")
    tooltip = _lazy("tooltip")
    subline = _lazy("subline")
    sublines = _lazy("sublines")


# Rows filled around the one Qt first asks for: what a tall window shows, and a little
# more (scoring costs about 0.3 ms a person: a batch stays within a frame or two).
FILL_BATCH = 40

# A list that reads its rows in chunks shows at least this many at once: more than a
# tall window shows, and every row the columns are measured on (views/base.py,
# RESIZE_SAMPLE_ROWS), so the widths are those of the whole list.
FIRST_ROWS = 100


def first_rows(chunks: Iterable[list[Row]], at_least: int = FIRST_ROWS) -> tuple[list[Row], Iterator | None]:
    """The first chunks of ``chunks`` up to ``at_least`` rows, and the rest (None when
    there is no more): what ``RowsModel.set_rows`` takes to show a long list at once."""
    chunks = iter(chunks)
    rows: list[Row] = []
    for chunk in chunks:
        rows.extend(chunk)
        if len(rows) >= at_least:
            return rows, chunks
    return rows, None


def _searchable(rows: list[Row]) -> list[Row]:
    for row in rows:
        if not row.search:
            row.search = search_text.fold(" ".join(row.cells))  # a LazyRow brings its own
    return rows


def shortcut_safe(text: str) -> str:
    """User text (a name, a to-do, a shop's product) for a menu item, a button or a check
    box, shown as typed: Qt reads "&" there as the mark of an Alt shortcut, so "Anna & Bo"
    showed as "Anna _Bo" (and Alt+B pressed it); "&&" shows one "&"."""
    return text.replace("&", "&&")


def without_shortcut(text: str) -> str:
    """A menu item's or button's text as words, without its shortcut mark ("&Undo Anna && Bo"
    → "Undo Anna & Bo"): for a tooltip or a message."""
    return re.sub(r"&(.)", r"\1", text)


def plain_tooltip(text: str) -> str:
    """Qt shows a tooltip that looks like HTML as rich text: escape user text so it is
    shown exactly as typed (and a pasted <a href="javascript:..."> is never a link)."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


class _Colours:
    """The colours of meaning ("red", "amber", "grey"...) for the palette in use now
    (views/theme.py): light and dark desktops both get readable text."""

    def __init__(self, make):
        self._make = make  # name -> the value for the palette in use
        self._cache: dict[str, object] = {}
        self._key = None

    def __getitem__(self, name: str):
        key = theme.palette().cacheKey()
        if key != self._key:  # the desktop switched between light and dark
            self._cache.clear()
            self._key = key
        found = self._cache.get(name)
        if found is None:
            found = self._cache[name] = self._make(name)
        return found


def _status_colour(name: str) -> QColor:
    return theme.status_colour(name)


COLOURS = _Colours(_status_colour)
BRUSHES = _Colours(lambda name: QBrush(_status_colour(name)))

# The event that brings a model its next chunk of rows (RowsModel.resume).
_CHUNK = QEvent.Type(QEvent.registerEventType())

# Roles as plain ints: data() runs for every visible cell and every role Qt asks for
# (about ten per cell), and looking up Qt.DisplayRole on the enum each time costs more
# than the rest of the call (docs/PERFORMANCE.md).
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
USER = int(Qt.ItemDataRole.UserRole.value)
FONT = int(Qt.ItemDataRole.FontRole.value)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
_HEADING_ROLES = frozenset((FONT, BACKGROUND))  # what only a heading row answers
_ROLES = frozenset((DISPLAY, FOREGROUND, TOOLTIP, USER)) | _HEADING_ROLES  # the roles RowsModel.data answers
# A heading row is not an item: the arrow keys pass over it (Qt skips a disabled row) and
# a click does not select it. Its text keeps the palette's text colour (HEADING_TEXT).
# Every list with heading rows (Vandaag's groups, the timeline's days) uses these two.
HEADING_FLAGS = Qt.ItemFlag.NoItemFlags
_ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def heading_colour() -> QColor:
    """The soft tint of a heading row (a day on the timeline, a group on Vandaag)."""
    return theme.mix(theme.accent(), theme.palette().color(theme.QPalette.Base), 0.15)


HEADING_BRUSH = _Colours(lambda _name: QBrush(heading_colour()))
HEADING_TEXT = _Colours(lambda _name: QBrush(theme.palette().color(theme.QPalette.Text)))
_HEADING_FONT: QFont | None = None  # made on first use (a QFont needs the application)


def heading_font() -> QFont:
    global _HEADING_FONT
    if _HEADING_FONT is None:
        _HEADING_FONT = QFont()
        _HEADING_FONT.setBold(True)
    return _HEADING_FONT


def heading_data(text: str, column: int, role: int):
    """What a heading row answers (its flags are ``HEADING_FLAGS``): its text in the first
    cell (the row spans the table), bold on a soft tint, in the palette's text colour,
    which a disabled row would otherwise lose."""
    if role == DISPLAY:
        return text if column == 0 else None
    if role == FONT:
        return heading_font()
    if role == BACKGROUND:
        return HEADING_BRUSH["heading"]
    if role == FOREGROUND:
        return HEADING_TEXT["text"]
    return None
HORIZONTAL = Qt.Orientation.Horizontal


def _display(row: Row, column: int) -> str:
    """A cell's text as the list shows it: its value, with the row's line under it."""
    return _text(row.cells, row.subline, row.sublines, column)


def _measured_text(row: Row, column: int) -> str:
    """``_display`` of a LazyRow measured but not filled: what it holds now, not filled for it."""
    return _text(_SLOTS["cells"].__get__(row), _SLOTS["subline"].__get__(row), _SLOTS["sublines"].__get__(row),
                 column)


def _text(cells: list[str], subline: str, sublines: dict[int, str] | None, column: int) -> str:
    if column == 0 and subline:
        return cells[0] + "\n" + subline
    if sublines:
        below = sublines.get(column)
        if below:
            return cells[column] + "\n" + below
    return cells[column]


def MEASURED(rows: list[Row]) -> None:  # a mark, used as a constant
    """A LazyRow's ``measure`` once it ran: nothing more to write for measuring."""


class RowsModel(QAbstractTableModel):
    """The rows of a list, filtered on their search text.

    A long list can come in chunks (``set_rows(rows, more)``): the first rows are shown at
    once, the rest are read one chunk per event-loop turn and added at the end when all
    are read. Whatever needs every row (a search, a filter, a sort, finding a row by id:
    ``index_of``) reads the rest first (``complete``). ``completed`` is emitted when every
    row is in.

    ``grouping`` (a list that comes whole, not in chunks): given the rows that pass the
    search and the filter, it returns them with heading rows (``Row.heading``) put in,
    after every search, filter and sort, so a heading names what is listed under it."""

    completed = Signal()

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self.headers = headers
        self.all_rows: list[Row] = []
        self.rows: list[Row] = []
        self._load_ids: list[int | None] = []  # the ids of all_rows in the order they were loaded
        self._more: Iterator[list[Row]] | None = None  # the chunks still to come
        self._pending: list[Row] = []  # rows read from them, shown once all are in
        self._chunk_posted = False  # a _CHUNK event is on its way to this model
        self._needle = ""  # the typed words, folded (search_text.needle)
        self._digits = ""  # the typed phone number's digits, or "" (search_text.phone_digits)
        self._predicate = None  # an extra filter (e.g. status/tag/country), or None
        # The free-text column that may end in "…": its tooltip shows the whole text.
        self.elide_column: int | None = None
        # A key column that may be narrowed on a small window (views/base.py): its tooltip too.
        self.yielding_column: int | None = None
        # The columns a row's colour applies to (None: the whole row).
        self.colour_columns: tuple[int, ...] | None = None
        self.grouping: Callable[[list[Row]], list[Row]] | None = None
        # LazyRow lists with a ``measure`` step: per column that ``fill`` alone writes, texts
        # as wide as the widest it may write. The column is measured on them, not on rows
        # filled for it (a row already filled counts too).
        self.stand_ins: dict[int, tuple[str, ...]] = {}

    # --- data --------------------------------------------------------------------
    def set_rows(self, rows: list[Row], more: Iterator[list[Row]] | None = None, wait: bool = False) -> None:
        """Show ``rows``; ``more``: the chunks of rows that follow, read one per turn from
        now on, or (``wait``) from ``resume()`` on: a list reads the rest once it has
        painted its first rows."""
        _searchable(rows)
        self.all_rows = rows
        self._load_ids = [r.id for r in rows]  # the order they came in (a sort by a header moves all_rows)
        self._more = more  # a chunk on its way from earlier rows reads these
        self._pending = []
        if more is not None and (self._needle or self._predicate is not None):
            self._read_rest()  # a search or a filter is on: it needs every row
            self.all_rows.extend(self._pending)
            self._load_ids.extend(r.id for r in self._pending)
            self._pending = []
        self._apply()
        if self._more is not None:
            if not wait:
                self.resume()
        elif more is not None:
            self.completed.emit()

    def resume(self) -> None:
        """Read the rows still to come, a chunk per event-loop turn (after
        ``set_rows(..., wait=True)``). A posted event, not a timer: posted while Qt paints,
        it is handled on the next turn, after the paint, never inside it."""
        if self._more is not None and not self._chunk_posted:
            self._chunk_posted = True
            QCoreApplication.postEvent(self, QEvent(_CHUNK))

    def event(self, event):
        if event.type() == _CHUNK:
            self._chunk_posted = False
            self._next_chunk()
            return True
        return super().event(event)

    @property
    def loading(self) -> bool:
        """Rows are still to come (a chunk per event-loop turn)."""
        return self._more is not None

    def complete(self) -> None:
        """Read every row still to come now (a search, a filter or a sort needs them)."""
        if self._more is None:
            return
        self._read_rest()
        self._show_pending()

    def _read_rest(self) -> None:
        more, self._more = self._more, None
        for chunk in more:
            self._pending.extend(_searchable(chunk))

    def _next_chunk(self) -> None:
        if self._more is None:
            return
        chunk = next(self._more, None)
        if chunk is None:
            self._more = None
            self._show_pending()
            return
        self._pending.extend(_searchable(chunk))
        self.resume()

    def _show_pending(self) -> None:
        """The rows read meanwhile, added at the end of the list in one go: every added
        row makes Qt lay out and paint the whole list again, so not a chunk at a time.
        While rows come in no search, filter or sort is on (each reads every row
        first), so every new row is shown."""
        rows, self._pending = self._pending, []
        if rows:
            self.all_rows.extend(rows)
            self._load_ids.extend(r.id for r in rows)
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self.completed.emit()

    def index_of(self, row_id: int) -> int | None:
        """Where the row ``row_id`` is in the list shown (reading the rest of a list that
        comes in chunks when it is not among the rows in), or None."""
        for _attempt in range(2):
            for index, row in enumerate(self.rows):
                if row.id == row_id:
                    return index
            if not self.loading:
                return None
            self.complete()
        return None

    def set_filter(self, text: str) -> None:
        needle, digits = search_text.needle(text), search_text.phone_digits(text)
        if (needle, digits) == (self._needle, self._digits):
            return
        self.complete()
        # Typing one more letter only narrows: a row that matches "sanne d" is among the
        # rows that matched "sanne", so search those instead of every row (not so for a
        # phone number, whose digits are compared as dialled at home).
        narrowing = (bool(self._needle) and needle.startswith(self._needle)
                     and not digits and not self._digits)
        self._needle, self._digits = needle, digits
        self._apply(self.rows if narrowing else None)

    def set_predicate(self, predicate) -> None:
        """Keep only rows for which ``predicate(row)`` is true (None: all rows)."""
        if predicate is not None:
            self.complete()
        self._predicate = predicate
        self._apply()

    def predicate_keeps_any(self) -> bool:
        """Does the predicate (the view's own filters, the search aside) keep any row?"""
        if self._predicate is None:
            return bool(self.all_rows)
        return any(self._predicate(r) for r in self.all_rows)

    def _apply(self, within: list[Row] | None = None) -> None:
        """Filter ``within`` (rows already known to pass the predicate), or all rows."""
        self.beginResetModel()
        if within is not None:
            rows = within if self.grouping is None else [r for r in within if not r.heading]
        elif self._predicate is None:
            rows = self.all_rows
        else:
            rows = [r for r in self.all_rows if self._predicate(r)]
        if self._digits:
            # A phone number: its digits in the row's text, or its words as typed.
            digits, words = self._digits, self._needle.split()
            self.rows = [r for r in rows if digits in r.search or all(w in r.search for w in words)]
        elif self._needle:
            # Every word in the row's text: one plain pass per word over the rows the
            # words before left (an all() over a generator per row cost three times more).
            for word in self._needle.split():
                rows = [r for r in rows if word in r.search]  # a new list: never all_rows itself
            self.rows = rows
        else:
            self.rows = list(rows)
        if self.grouping is not None:
            self.rows = self.grouping(self.rows)
        self.endResetModel()

    def reword(self, rows: list[Row]) -> bool:
        """The rows shown, worded anew as the clock stands (the owner's day changed: "nog 3
        dagen" is "nog 2 dagen" now, a date lost its year): each takes its new words in place,
        so the selection, the search, a sort by a header and the scroll stay as they are, and
        nothing is measured again. False (nothing changed) when ``rows`` are not the rows
        loaded, in their order, or a search would keep others: the view then loads again."""
        if self.loading or self.grouping is not None or any(type(r) is not Row for r in rows):
            return False
        if [r.id for r in rows] != self._load_ids or any(type(r) is not Row for r in self.all_rows):
            return False
        _searchable(rows)
        by_id = {r.id: r for r in rows}
        if len(by_id) != len(rows) or any(by_id[r.id].search != r.search for r in self.all_rows):
            return False
        for row in self.all_rows:
            fresh = by_id[row.id]
            for name in _ROW_FIELDS:
                setattr(row, name, getattr(fresh, name))
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.headers) - 1))
        return True

    def fill_near(self, index: int) -> None:
        """Fill the lazy rows from ``index`` on (the ones Qt is about to show) in one go."""
        batch = [r for r in self.rows[max(0, index - FILL_BATCH // 4):index + FILL_BATCH] if r.fill is not None]
        if batch:
            batch[0].fill(batch)

    def fill_range(self, start: int, stop: int) -> None:
        """Fill the lazy rows shown at ``start`` up to ``stop`` in one call (the rows the
        columns are measured on); a row with a ``measure`` step gets only that."""
        batch = [r for r in self.rows[max(0, start):stop] if r.fill is not None]
        measured = [r for r in batch if r.measure is not None and r.measure is not MEASURED]
        if measured:
            measured[0].measure(measured)
            for row in measured:
                row.measure = MEASURED
        batch = [r for r in batch if r.measure is None]
        if batch:
            batch[0].fill(batch)

    def fill_all(self) -> None:
        self.complete()
        pending = [r for r in self.all_rows if r.fill is not None]
        if pending:
            pending[0].fill(pending)

    def row_at(self, index: int) -> Row | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def is_heading(self, index: int) -> bool:
        return 0 <= index < len(self.rows) and self.rows[index].heading

    def first_item(self) -> int | None:
        """Where the first row that is not a heading is (None: there is none)."""
        for index, row in enumerate(self.rows):
            if not row.heading:
                return index
        return None

    # --- Qt model API ------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=DISPLAY):
        if role == DISPLAY and orientation == HORIZONTAL and section < len(self.headers):
            return self.headers[section]
        return None

    def display_text(self, i: int, column: int) -> str | None:
        """What ``data`` shows in this cell (DISPLAY), without a Qt index, for measuring a
        column (views/cells.py measures many rows with it): None for a heading row, which
        spans the row and so is not measured for any column, and for a column measured on
        its ``stand_ins`` in a row not filled yet; a row measured but not filled gives what
        it holds so far. Not the text to copy or export: read the row, which fills it."""
        row = self.rows[i]
        if row.heading:
            return None
        if row.fill is not None and row.measure is not None:
            if column in self.stand_ins:  # measured on its stand-ins, not on rows filled for it
                return None
            if row.measure is not MEASURED:
                self.fill_range(i, i + FILL_BATCH)
            return _measured_text(row, column)
        if row.fill is not None:
            self.fill_near(i)
        return _display(row, column)

    def data(self, index, role=DISPLAY):
        # Called for about ten roles of every cell painted or measured: the roles a list
        # does not use are answered first, without looking at the row.
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        i = index.row()
        row = self.rows[i]
        if row.heading:
            return self._heading_data(row, index.column(), role)
        if role in _HEADING_ROLES:
            return None
        if row.fill is not None:
            self.fill_near(i)
        if role == DISPLAY:
            return _display(row, index.column())
        if role == FOREGROUND:
            colours = row.colours
            if colours is not None and index.column() in colours:
                colour = colours[index.column()]
                return BRUSHES[colour] if colour else None
            colour = row.colour
            if colour and (self.colour_columns is None or index.column() in self.colour_columns):
                return BRUSHES[colour]
            return None
        if role == TOOLTIP:
            if callable(row.tooltip):
                row.tooltip = row.tooltip()
            if index.column() in (self.elide_column, self.yielding_column) and row.cells[index.column()]:
                # the whole cell, its line under it too (an engraving cut with "…" at 1366 wide)
                whole = _display(row, index.column())
                return plain_tooltip(whole + ("\n\n" + row.tooltip if row.tooltip else ""))
            return plain_tooltip(row.tooltip) if row.tooltip else None
        return row.id  # USER

    @staticmethod
    def _heading_data(row: Row, column: int, role: int):
        return heading_data(row.cells[0], column, role)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return HEADING_FLAGS if self.rows[index.row()].heading else _ITEM_FLAGS

    def sort(self, column, order=Qt.AscendingOrder):
        if not 0 <= column < len(self.headers):
            return
        def key(r: Row):
            k = r.sort_keys[column] if r.sort_keys else r.cells[column]
            return (k is None, k if k is not None else 0)

        self.fill_all()  # the sort reads every row's keys: one fill, not one per row
        self.layoutAboutToBeChanged.emit()
        reverse = order == Qt.DescendingOrder
        self.all_rows.sort(key=key, reverse=reverse)
        if self.grouping is None:
            self.rows.sort(key=key, reverse=reverse)
        else:  # each group sorted under its heading
            self.rows = self.grouping(sorted((r for r in self.rows if not r.heading), key=key, reverse=reverse))
        self.layoutChanged.emit()
