"""The timeline as a widget: day headings over the full width, and one person's history.

Every day heading of a ``TimelineModel`` spans all columns of the table, also for pages
fetched later (``views/cells.span_headings``).

``PersonTimeline`` is the history of one person for any detail pane::

    history = PersonTimeline(person.id)           # newest first, pages as you scroll
    history.open_subject.connect(main_window.open_subject)   # double-click an event
    layout.addWidget(history)

It is the Tijdlijn's own model, fixed on that person, without the filter bar.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from desktop.presentation.timeline import TimelineFilter
from desktop.i18n import _
from desktop.views.base import plain_label
from desktop.views.cells import span_headings
from desktop.views.keys import enter_opens
from desktop.views.timeline_model import TimelineModel


def setup_table(table: QTableView, model: TimelineModel) -> None:
    """The look every timeline table shares."""
    table.setModel(model)
    table.verticalHeader().hide()
    table.setSortingEnabled(False)  # always newest first: paging follows that order
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setTabKeyNavigation(False)  # the arrow keys walk the events; Tab moves on
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setStretchLastSection(True)
    header.setMinimumSectionSize(24)
    from desktop.views.cells import CellDelegate

    table.setItemDelegate(CellDelegate(table))
    # The text (last) is the one column that may end in "…": its tooltip has it all.
    table.setProperty("elideColumn", model.columnCount() - 1)
    span_headings(table, model)


# What the text column asks the list for beside the other columns: room for a line of
# about this many characters. The list takes it from the detail pane (down to the pane's
# minimum) before the pane grows to its comfortable width (views/base.py give_list_room).
TEXT_READ_CHARS = 60


def size_columns(table: QTableView, model: TimelineModel, sample: int = 100) -> None:
    """Every column but the text as wide as its widest text in the first rows (day
    headings span the row and do not count) or its title, and not wider: the text takes
    the rest. The list asks for that and a readable line of text (``contentWidth``,
    views/cells.py ``needed_width``), so at 1366 × 768 the pane beside it gives up its
    spare room to the text instead of leaving it a few words."""
    from desktop.views import theme

    header = table.horizontalHeader()
    fm = table.fontMetrics()
    # The cell's padding and a few pixels for the grid line: the timeline does not sort
    # (setup_table), so a title needs no room for a sort arrow.
    extra = theme.CELL_PADDING + theme.XS
    rows = [r for r in range(min(model.rowCount(), sample)) if not model.is_heading(r)]
    total = 0
    measured: list[int] = []  # each column's width as measured (PersonTimeline._give_way)
    for column in range(model.columnCount() - 1):
        title = str(model.headerData(column, Qt.Horizontal, Qt.DisplayRole) or "")
        widest = fm.horizontalAdvance(title)
        for row in rows:
            text = model.data(model.index(row, column), Qt.DisplayRole)
            if isinstance(text, str) and text:
                widest = max(widest, max(fm.horizontalAdvance(part) for part in text.splitlines()))
        header.resizeSection(column, widest + extra)
        measured.append(widest + extra)
        total += widest + extra
    table.setProperty("contentWidth", total + fm.averageCharWidth() * TEXT_READ_CHARS)
    table.setProperty("measuredWidths", measured)


def event_subject(model: TimelineModel, index: QModelIndex) -> tuple[str, int, int] | None:
    event = model.event_at(index.row()) if index.isValid() else None
    if event is None:
        return None
    return event.subject_type, event.subject_id or 0, event.person_id or 0


# In a narrow pane the text of an event keeps room for about this many characters a line
# (on two lines); the kind of event beside it gives way to it (PersonTimeline._give_way).
TEXT_MIN_CHARS = 12
KIND_COLUMN = 1  # "What": the kind of event over its channel


class PersonTimeline(QWidget):
    """One person's history, newest first, paged; double-click opens an event's subject.

    In a pane narrower than its columns (Maatwerk's, on a 1280 px window beside the products
    panel) the kind of event gives way to the text, as a list's yielding column does
    (views/base.py): it ends in "…", whole in its tooltip, and the table never scrolls sideways."""

    open_subject = Signal(str, int, int)  # subject_type, subject_id, person_id

    def __init__(self, person_id: int | None = None, parent=None, rows: int = 10):
        super().__init__(parent)
        # Narrow detail panes: the direction shows as colour (green = they answered).
        # Two-line rows: the kind of event over its channel, so the text keeps some width.
        self.model = TimelineModel(self, columns=("time", "kind_channel", "text"), page=100, count=False)
        self.visible_rows = rows
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView(self)
        self.table.setObjectName("personTimeline")
        # TRANSLATORS: the name a screen reader gives one person's list of events in a detail pane.
        self.table.setAccessibleName(_("History"))
        setup_table(self.table, self.model)
        self.table.verticalHeader().setDefaultSectionSize(2 * self.table.fontMetrics().height() + 10)
        # A narrow pane: the text wraps onto the row's second line before it is cut (and
        # then ends in "…", its whole text in the tooltip) instead of cutting after a word.
        self.table.setWordWrap(True)
        self.table.setProperty("yieldingColumn", KIND_COLUMN)
        # The text (stretched) may get narrower than Qt's default section; the kind gives way
        # first. A stretched last section never gets narrower than it was when stretched.
        header = self.table.horizontalHeader()
        header.setDefaultSectionSize(self.table.fontMetrics().averageCharWidth() * TEXT_MIN_CHARS)
        header.setStretchLastSection(False)
        header.resizeSection(self.model.columnCount() - 1, header.defaultSectionSize())
        header.setStretchLastSection(True)
        self.table.viewport().installEventFilter(self)
        self.empty = plain_label(_("Nothing on the timeline yet."))
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        self.table.doubleClicked.connect(self._open)
        enter_opens(self.table)
        self.set_person(person_id)

    def set_person(self, person_id: int | None) -> None:
        self.person_id = person_id
        if person_id is None:
            self.model.beginResetModel()
            self.model.items = []
            self.model.endResetModel()
        else:
            self.model.set_filter(TimelineFilter(person_id=person_id))
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if has_rows:
            size_columns(self.table, self.model)
            self._give_way()
            shown = min(self.model.rowCount(), self.visible_rows)
            self.table.setFixedHeight(self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
                                      + shown * self.table.verticalHeader().defaultSectionSize() + 2)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Resize:  # the viewport: the pane's width, or a scroll bar came
            self._give_way()
        return False

    def _give_way(self) -> None:
        """The kind column narrowed by what the text lacks of its minimum (never below its
        heading), or back at its measured width when the table has the room."""
        widths = self.table.property("measuredWidths")
        if not widths or len(widths) <= KIND_COLUMN:
            return
        header = self.table.horizontalHeader()
        others = sum(int(w) for i, w in enumerate(widths) if i != KIND_COLUMN)
        room = self.table.viewport().width() - others - header.defaultSectionSize()
        width = max(header.sectionSizeHint(KIND_COLUMN), min(int(widths[KIND_COLUMN]), room))
        if header.sectionSize(KIND_COLUMN) != width:
            header.resizeSection(KIND_COLUMN, width)

    def _open(self, index) -> None:
        found = event_subject(self.model, index)
        if found:
            self.open_subject.emit(*found)
