"""A fast table model for the list views: plain rows, filtered on a precomputed string.

Filtering a precomputed lower-case string per row and resetting the model is about ten
times cheaper than a QSortFilterProxyModel over a Python model (docs/ARCHITECTURE.md).
Every cell is shown as plain text.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor


@dataclass(slots=True)
class Row:
    id: int
    cells: list[str]
    sort_keys: list[object] | None = None  # per column; defaults to the cell text
    search: str = ""  # lower-case text the search field matches against
    tooltip: str | Callable[[], str] = ""  # a function: called (once) when Qt first asks
    colour: str = ""  # "red", "amber", "grey" or ""
    extra: dict = field(default_factory=dict)
    subline: str = ""  # a quieter second line under the first cell (two-line rows)
    sublines: dict[int, str] | None = None  # the same under other cells: {column: text}
    # LazyRow: writes the rest of the rows passed (a screenful) when first read; None once done.
    fill: Callable[[list["Row"]], None] | None = None


_SLOTS = {name: Row.__dict__[name] for name in ("cells", "sort_keys", "tooltip", "subline", "sublines")}


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
    not all of them (docs/PERFORMANCE.md, fix 25)."""

    __slots__ = ()
    cells = _lazy("cells")
    sort_keys = _lazy("sort_keys")
    tooltip = _lazy("tooltip")
    subline = _lazy("subline")
    sublines = _lazy("sublines")


# Rows filled around the one Qt first asks for: what a tall window shows, and a little
# more (scoring costs about 0.3 ms a person: a batch stays within a frame or two).
FILL_BATCH = 40


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
        from desktop.views import theme

        key = theme.palette().cacheKey()
        if key != self._key:  # the desktop switched between light and dark
            self._cache.clear()
            self._key = key
        found = self._cache.get(name)
        if found is None:
            found = self._cache[name] = self._make(name)
        return found


def _status_colour(name: str) -> QColor:
    from desktop.views import theme

    return theme.status_colour(name)


COLOURS = _Colours(_status_colour)
BRUSHES = _Colours(lambda name: QBrush(_status_colour(name)))

# Roles as plain ints: data() runs for every visible cell and every role Qt asks for
# (about ten per cell), and looking up Qt.DisplayRole on the enum each time costs more
# than the rest of the call (docs/PERFORMANCE.md).
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
USER = int(Qt.ItemDataRole.UserRole.value)
HORIZONTAL = Qt.Orientation.Horizontal


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self.headers = headers
        self.all_rows: list[Row] = []
        self.rows: list[Row] = []
        self._needle = ""
        self._predicate = None  # an extra filter (e.g. status/tag/country), or None
        # The free-text column that may end in "…": its tooltip shows the whole text.
        self.elide_column: int | None = None
        # The columns a row's colour applies to (None: the whole row).
        self.colour_columns: tuple[int, ...] | None = None

    # --- data --------------------------------------------------------------------
    def set_rows(self, rows: list[Row]) -> None:
        for row in rows:
            if not row.search:
                row.search = " ".join(row.cells).lower()  # a LazyRow brings its own
        self.all_rows = rows
        self._apply()

    def set_filter(self, text: str) -> None:
        needle = " ".join(text.lower().split())
        if needle == self._needle:
            return
        # Typing one more letter only narrows: a row that matches "sanne d" is among the
        # rows that matched "sanne", so search those instead of every row.
        narrowing = bool(self._needle) and needle.startswith(self._needle)
        self._needle = needle
        self._apply(self.rows if narrowing else None)

    def set_predicate(self, predicate) -> None:
        """Keep only rows for which ``predicate(row)`` is true (None: all rows)."""
        self._predicate = predicate
        self._apply()

    def _apply(self, within: list[Row] | None = None) -> None:
        """Filter ``within`` (rows already known to pass the predicate), or all rows."""
        self.beginResetModel()
        if within is not None:
            rows = within
        elif self._predicate is None:
            rows = self.all_rows
        else:
            rows = [r for r in self.all_rows if self._predicate(r)]
        if self._needle:
            words = self._needle.split()
            if len(words) == 1:
                word = words[0]
                self.rows = [r for r in rows if word in r.search]
            else:
                self.rows = [r for r in rows if all(w in r.search for w in words)]
        else:
            self.rows = list(rows)
        self.endResetModel()

    def fill_near(self, index: int) -> None:
        """Fill the lazy rows from ``index`` on (the ones Qt is about to show) in one go."""
        batch = [r for r in self.rows[max(0, index - FILL_BATCH // 4):index + FILL_BATCH] if r.fill is not None]
        if batch:
            batch[0].fill(batch)

    def fill_all(self) -> None:
        pending = [r for r in self.all_rows if r.fill is not None]
        if pending:
            pending[0].fill(pending)

    def row_at(self, index: int) -> Row | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    # --- Qt model API ------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=DISPLAY):
        if role == DISPLAY and orientation == HORIZONTAL and section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        role = int(role)
        if self.rows[index.row()].fill is not None:
            self.fill_near(index.row())
        if role == DISPLAY:
            row = self.rows[index.row()]
            column = index.column()
            if row.subline and column == 0:
                return row.cells[0] + "\n" + row.subline
            if row.sublines and row.sublines.get(column):
                return row.cells[column] + "\n" + row.sublines[column]
            return row.cells[column]
        if role == FOREGROUND:
            colour = self.rows[index.row()].colour
            if colour and (self.colour_columns is None or index.column() in self.colour_columns):
                return BRUSHES[colour]
            return None
        if role == TOOLTIP:
            row = self.rows[index.row()]
            if callable(row.tooltip):
                row.tooltip = row.tooltip()
            if index.column() == self.elide_column and row.cells[index.column()]:
                whole = row.cells[index.column()]
                return plain_tooltip(whole + ("\n\n" + row.tooltip if row.tooltip else ""))
            return plain_tooltip(row.tooltip) if row.tooltip else None
        if role == USER:
            return self.rows[index.row()].id
        return None

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
        self.rows.sort(key=key, reverse=reverse)
        self.layoutChanged.emit()
