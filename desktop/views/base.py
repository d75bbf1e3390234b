"""The shape every main view shares: a title, a search field, a list, a detail pane and
an empty state that says what to do first. Subclasses say what the rows and the detail
are; they stay thin and ask domain/ and store/ for everything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.views.keys import enter_opens
from desktop.views.forms import load_form
from desktop.views.rows import Row, RowsModel, first_rows

RESIZE_SAMPLE_ROWS = 100
# While the owner types in the search, the list follows every filtered keystroke but the
# detail pane (dozens of queries and widgets for an influencer) only once she pauses this
# long: rebuilding it for each first row that flashes by cost 60-200 ms a key
# (docs/PERFORMANCE.md, fix 29).
DETAIL_PAUSE_MS = 150


class SelectableLabel(QLabel):
    """A label whose text the owner can select and copy with the mouse, made selectable
    when the mouse first comes to it (or presses, or asks for its menu).

    Qt gives a selectable label a text document of its own, which takes time to make and
    to lay out: a detail pane holds fifty labels, and made selectable at once they cost
    ~15 ms of Influencers' first visit and ~5 ms of every switch back to it
    (docs/PERFORMANCE.md, fix 51). A label the pointer never reaches never needs one."""

    def make_selectable(self) -> None:
        if not self.textInteractionFlags() & Qt.TextSelectableByMouse:
            self.setTextInteractionFlags(Qt.TextSelectableByMouse)
            if ZERO_WIDTH_SPACE in self.text():  # places to break (``breakable``): never copied
                QGuiApplication.clipboard().dataChanged.connect(self._copied_without_breaks)

    def _copied_without_breaks(self) -> None:
        """What she copies from a label given places to break is what it says: a link or a
        file's name without the invisible spaces, which would break it where it is pasted."""
        if not self.hasSelectedText():
            return
        clipboard = QGuiApplication.clipboard()
        text = clipboard.text()
        if ZERO_WIDTH_SPACE in text:
            clipboard.setText(text.replace(ZERO_WIDTH_SPACE, ""))

    def enterEvent(self, event) -> None:
        self.make_selectable()
        super().enterEvent(event)

    def mousePressEvent(self, event) -> None:
        self.make_selectable()
        super().mousePressEvent(event)

    def contextMenuEvent(self, event) -> None:
        self.make_selectable()
        super().contextMenuEvent(event)


def plain_label(text: str = "", parent: QWidget | None = None, bold: bool = False, wrap: bool = True) -> QLabel:
    """A QLabel that never interprets what it shows as rich text (user text is untrusted),
    its text selectable with the mouse (SelectableLabel)."""
    label = SelectableLabel(parent)
    label.setTextFormat(Qt.PlainText)
    label.setWordWrap(wrap)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    shown = text.lstrip(" ") if wrap and "\n" not in text else text
    if shown != text:
        # A line indented with spaces under its heading (a collaboration's deliverables in
        # the influencer pane): the label is indented as wide, so a line that wraps goes on
        # under its own start, not back at the pane's edge.
        label.setIndent(label.fontMetrics().horizontalAdvance(text[:len(text) - len(shown)]))
    label.setText(shown)
    return label


ZERO_WIDTH_SPACE = "\u200b"
LONGEST_RUN = 30  # characters without a space a message may hold before it gets a place to break
_LONG_RUN = re.compile(r"[^\s\u200b]{%d,}" % (LONGEST_RUN + 1))
# ...and in a link after "=", before "?" and "&": a tracking link breaks around its code, not inside it.
_AFTER_SEPARATOR = re.compile(r"(?<=[_.@\\=-])|(?<=/)(?!/)|(?=[?&])")


def breakable(text: str) -> str:
    """``text`` with a place to break a line (a zero-width space) in every run of more than
    LONGEST_RUN characters without a space: what the owner typed or pasted into a field (an
    e-mail address, an amount, a file's name) and a message quotes. A label breaks lines
    only between words; one such "word" made a message as wide as itself, wider than its
    dialog, and the dialog cut it off."""

    def split(match: re.Match) -> str:
        # After its separators first ("Schermafbeelding_2026-11-20_om…", "lotte.vermeulen@…"),
        # and a piece still too long every LONGEST_RUN characters.
        pieces = [piece for piece in _AFTER_SEPARATOR.split(match.group(0)) if piece]
        return "\u200b".join(piece[i:i + LONGEST_RUN] for piece in pieces for i in range(0, len(piece), LONGEST_RUN))

    return _LONG_RUN.sub(split, text)


class _ResumeAfterPaint(QObject):
    """Once the list has painted, its model reads the rows still to come (RowsModel.resume)."""

    def __init__(self, view):
        super().__init__(view)
        self._view = view

    def eventFilter(self, _watched, event):
        if event.type() == _PAINT:
            self._view.model.resume()
        return False


_PAINT = QEvent.Type.Paint
_BREAKS = re.compile(r"[ \t\n\u200b]+")  # where a label may break a line (not at a no-break space)


class _EscapeClears(QObject):
    """Escape in a view's search field clears what was typed (the whole list is back); in
    an empty field it goes on to the list."""

    def __init__(self, view):
        super().__init__(view)
        self._view = view

    def eventFilter(self, search, event):
        if event.type() == QEvent.KeyPress and event.key() == Qt.Key_Escape and not event.modifiers():
            if search.text():
                search.clear()
            else:
                self._view.focus_list()
            return True
        return False


def tab_stops(root: QWidget, beside: QWidget | None = None, hidden_too: bool = False) -> list[QWidget]:
    """The widgets under ``root`` that Tab stops at, in the order they were made (a form's
    order, top to bottom): not the parts of a field (a date's text, a list's popup), and
    not those hidden in it (with ``hidden_too`` those as well: a pane's buttons made just
    now are hidden until the next turn of the event loop, and Tab passes a hidden one by
    anyway); with ``beside``, not those under that widget either (a list and its pane:
    looked at on every switch to the view, its fifty labels took the most)."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    found = root.findChildren(QWidget)
    if beside is not None:
        under = set(beside.findChildren(QWidget))
        found = [w for w in found if w is not beside and w not in under]
    return [w for w in found
            if w.focusPolicy() & Qt.TabFocus and (hidden_too or w.isVisibleTo(root)) and w.window() is root.window()
            and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))]


def clear_layout(layout) -> None:
    """Every widget out of the layout at once (hidden and out of the widget tree), not only
    when the event loop deletes it: findChild and the eye never meet a stale one."""
    while layout.count():
        widget = layout.takeAt(0).widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


def bullet_item(text: str) -> QWidget:
    """A "•" and its text beside it: the text wraps under itself, not under the bullet."""
    from PySide6.QtWidgets import QHBoxLayout

    from desktop.views import theme

    holder = QWidget()
    holder.setObjectName("bulletItem")
    row = QHBoxLayout(holder)
    row.setContentsMargins(theme.M, 0, 0, 0)
    row.setSpacing(theme.S)
    mark = QLabel("•")
    mark.setAccessibleName("")
    row.addWidget(mark, 0, Qt.AlignTop)
    row.addWidget(plain_label(text), 1)
    return holder


def add_bullets(layout, lines: list[str]) -> None:
    for line in lines:
        layout.addWidget(bullet_item(line))


def load_moment():
    """What a view's load reads besides its own search and filters: the database's content
    (``lookups.data_token``), the clock (to the second), the owner's time and the language.
    None when it cannot be vouched for (no database open, a transaction still open)."""
    from desktop import clock, i18n
    from desktop.store import lookups

    if not lookups.database_open():
        return None
    token = lookups.data_token()
    if token is None:
        return None
    return token, clock.utcnow(), clock.owner(), i18n.current_language()


class LazyRefresh:
    """For widgets that load data: refresh now when on screen, else the next time shown.

    Start-up loads only what the owner sees (the view on screen; the product panel only
    once it is shown). Mix in before the Qt class; the widget defines ``refresh()`` and
    sets ``self._stale = False`` in it (and calls ``_loaded`` for ``follow_change``)."""

    _stale = False
    _loaded_as = None  # load_moment() of the last load, until the end of its event-loop turn
    _forget_queued = False

    def refresh_when_shown(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def follow_change(self, even_hidden: bool = False) -> None:
        """The data changed, said by a signal (``reminders.changed``, the window's
        ``data_changed``): load again now when on screen (or ``even_hidden``), else the next
        time shown. One action says it more than once (a reminder's dialog tells the
        reminders, then the window; a Settings save too): a view that loaded the data as it
        is now in this same event-loop turn (same database content, second, owner's time and
        language: ``load_moment``) has nothing new to show and is not loaded again. Vandaag
        loaded twice after every action on a reminder (docs/PERFORMANCE.md, round 28)."""
        if self._loaded_as is not None and self._loaded_as == load_moment():
            return
        if even_hidden or self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _loaded(self, moment) -> None:
        """``refresh`` read the data as of ``moment`` (``load_moment()`` taken before it
        read): a ``follow_change`` in the same event-loop turn with nothing changed since is
        answered by this load. Forgotten when the turn ends, so a later change is never
        judged against an old load."""
        self._loaded_as = moment
        if moment is not None and not self._forget_queued:
            self._forget_queued = True
            QTimer.singleShot(0, self, self._forget_load)

    def _forget_load(self) -> None:
        self._forget_queued = False
        self._loaded_as = None

    def refresh_if_stale(self) -> None:
        """Load now if a refresh was put off (e.g. before selecting in a hidden view)."""
        if self._stale:
            self._stale = False
            self.refresh()

    def showEvent(self, event):
        super().showEvent(event)
        self.refresh_if_stale()


class ListView(LazyRefresh, QWidget):
    """Base of the four main views."""

    key = ""  # stable id used for "last view" and the sidebar
    # Column layout (views/cells.py): the one free-text column that takes the remaining
    # width and may end in "…" (None: none may), rows of two lines, the status column
    # drawn as a coloured label, and the columns a row's colour applies to (None: all).
    elide_column: int | None = None
    two_line_rows = False
    pill_column: int | None = None
    colour_columns: tuple[int, ...] | None = None
    # What of the free-text column must stay whole (views/cells.py fit_columns): "\n"
    # its first line, ", " its first item; the list is given the room for it.
    whole_lead: str | None = None
    # A key column that gives way when the list cannot get the room its columns need (a
    # window narrower than a laptop's screen: 1180 px un-maximised, or a 1920 × 1080 screen
    # at 150 %, 1280 px): it is narrowed, at most to a third of its width, its text ending in
    # "…" (whole in its tooltip and the pane), so that what tells the rows apart stays whole
    # and no column is pushed out of sight. Of a two-line cell only the quieter second line
    # gives way: the first (a name) stays whole. None: none gives way.
    yielding_column: int | None = None
    # The pane's fields (add_fields) may go under their names: on a pane narrower than a
    # name beside its value (the list beside it took the room for its key columns) a value
    # that cannot stand beside its name goes under it, rather than the pane staying as wide
    # as its widest pair (_room_for_fields) while the list cuts what tells its rows apart.
    fields_wrap = False
    selection_changed = Signal(int)
    # The widget Tab comes from into the view (the window's sidebar, which sets it): the
    # view's stops follow it, whatever was built in between.
    tab_anchor: QWidget | None = None
    _pane_stops: list[QWidget] = []  # the pane's Tab stops in order, as show_detail linked them
    # What a view asks of the window, which connects these (views/main_window.py): a
    # done action for Edit → Undo (a views/undo.py command), a short status-bar message,
    # and "the data changed: refresh every view".
    undoable = Signal(object)
    status_message = Signal(str)
    data_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.form = load_form("list_view.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        f = self.form
        self.title: QLabel = f.findChild(QLabel, "title")
        self.search = f.findChild(QWidget, "search")
        self.pages = f.findChild(QWidget, "pages")
        self.empty_title: QLabel = f.findChild(QLabel, "emptyTitle")
        self.empty_text: QLabel = f.findChild(QLabel, "emptyText")
        self.table: QAbstractItemView = f.findChild(QWidget, "table")
        self.detail: QWidget = f.findChild(QWidget, "detail")
        self.no_match: QLabel = f.findChild(QLabel, "noMatch")
        self.splitter = f.findChild(QWidget, "splitter")

        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        font = self.empty_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.empty_title.setFont(font)

        self.model = RowsModel(self.headers(), self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        # Column widths from the first rows, not the first thousand (Qt's default):
        # every cell measured is a round of data() calls into Python.
        self.table.horizontalHeader().setResizeContentsPrecision(RESIZE_SAMPLE_ROWS)
        self.table.verticalHeader().setResizeContentsPrecision(RESIZE_SAMPLE_ROWS)
        # Rows arrive in the view's own order (urgency, newest first...); a click on a
        # header sorts from there.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        enter_opens(self.table)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # Once the owner drags the divider herself, the list is never widened past the width
        # she gave it (give_list_room).
        self._owner_list_width: int | None = None
        self.splitter.splitterMoved.connect(self._owner_moved_split)
        if self.yielding_column is not None:  # a search measures the rows in sight again: give way again
            self.model.modelReset.connect(lambda: QTimer.singleShot(0, self, self.give_list_room))
        self._fit_layout()

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(120)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        self.search.installEventFilter(_EscapeClears(self))
        self._typing = False  # set while a search keystroke moves the selection
        self._pending_detail: int | None = None  # the row the pane shows after the pause
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_PAUSE_MS)
        self._detail_timer.timeout.connect(self._show_pending_detail)

        self.title.setText(self.view_title())
        # What a screen reader calls them (a placeholder or a title above is not a name).
        # TRANSLATORS: the name a screen reader gives the search field of a view ("Search in Influencers").
        self.search.setAccessibleName(_("Search in {view}").format(view=self.view_title()))
        self.table.setAccessibleName(self.view_title())
        # TRANSLATORS: the name a screen reader gives the pane beside a list, which shows the chosen row.
        self.detail_scroll.setAccessibleName(_("Details of the chosen row"))
        self.empty_title.setText(self.empty_heading())
        self.empty_text.setText(self.empty_help())
        self.current_id: int | None = None
        self._stale = False

    def _fit_layout(self) -> None:
        """Margins from the one spacing scale; a detail pane that wraps, never scrolls sideways."""
        from PySide6.QtWidgets import QScrollArea

        from desktop.views import theme

        self.form.layout().setContentsMargins(theme.PAGE_MARGIN, theme.M, theme.PAGE_MARGIN, theme.S)
        self.form.layout().setSpacing(theme.S)
        self.detail_scroll = self.form.findChild(QScrollArea, "detailScroll")
        self.detail_scroll.setMinimumWidth(theme.DETAIL_MIN_WIDTH)
        self.detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.detail.layout().setContentsMargins(theme.M, theme.M, theme.M, theme.M)
        self.detail.layout().setSpacing(theme.S)

    def _room_for_fields(self) -> None:
        """The pane at least as wide as its forms (``add_fields``) need with every name
        beside its value (with ``fields_wrap``: each value that cannot stand beside its name
        under it). A value is never broken inside a date ("donderdag 26 november
        2026"), and beside "Beloofd klaar" it ran up to 29 px past the edge of the Dutch
        Maatwerk pane. The pane only ever widens, the list beside it giving the room, so
        its divider moves once for a wider form, not back and forth from row to row."""
        forms = self.detail.findChildren(QFormLayout)
        if not forms:
            return
        scroll = self.detail_scroll
        margins = self.detail.layout().contentsMargins()
        wanted = (max(form.minimumSize().width() for form in forms) + margins.left() + margins.right()
                  + scroll.verticalScrollBar().sizeHint().width() + 2 * scroll.frameWidth())
        if wanted > scroll.minimumWidth():
            scroll.setMinimumWidth(wanted)
            # The list lost that room: its yielding column gives way (once the splitter has moved),
            # rather than the free-text column taking it all (a bpost code in the Shipments pane
            # cut every product to "Goud…").
            QTimer.singleShot(0, self, self.give_list_room)

    def fit_columns(self) -> None:
        """Key columns as wide as their content, the free-text column takes the rest."""
        from desktop.views.cells import fit_columns

        if isinstance(self.model, RowsModel):
            self.model.elide_column = self.elide_column
            self.model.yielding_column = self.yielding_column
            self.model.colour_columns = self.colour_columns
        fit_columns(self.table, self.elide_column, self.two_line_rows, self.pill_column, self.whole_lead,
                    yielding_column=self.yielding_column)
        self.give_list_room()

    def give_list_room(self) -> None:
        """Widen the list (narrowing the detail pane, never below its minimum) when its
        columns need more room than it has: a name, a product, a status is never cut
        while the pane beside it has room to give. Called after the columns are measured
        and when the view is resized or shown. Once the owner has dragged the divider herself
        (in this session), never past the width she gave the list: a pane she made wider
        stays so, and a list she left wide enough is widened again after the window shrank."""
        from desktop.views.cells import needed_width

        sizes = self.splitter.sizes()
        if len(sizes) != 2 or not all(sizes) or not self.table.isVisible():
            return
        need = needed_width(self.table)
        self._widen_list(sizes, need)
        self._give_way(need - self.splitter.sizes()[0])

    def _widen_list(self, sizes: list[int], need: int) -> None:
        total = sum(sizes)
        if self._owner_list_width is not None:
            need = min(need, self._owner_list_width)
        if need <= sizes[0]:
            self._give_pane_room(sizes, need)
            return
        pane = self.splitter.widget(1)
        wanted = min(need, total - max(pane.minimumWidth(), pane.minimumSizeHint().width()))
        if wanted > sizes[0]:
            self.splitter.setSizes([wanted, total - wanted])

    def _give_way(self, shortfall: int) -> None:
        """The yielding column narrowed by what the list still lacks (at most to a third of its
        width, never below its heading nor the first line of its two-line cells), or back at
        its measured width when nothing lacks."""
        column = self.yielding_column
        widths = self.table.property("measuredWidths")
        if column is None or not widths or column >= len(widths) or not widths[column]:
            return
        header = self.table.horizontalHeader()
        measured = int(widths[column])
        floor = max(header.minimumSectionSize(), header.sectionSizeHint(column), measured // 3,
                    int(self.table.property("yieldingFloor") or 0))
        width = max(min(floor, measured), measured - max(0, shortfall))
        if header.sectionSize(column) != width:
            header.resizeSection(column, width)

    def _give_pane_room(self, sizes: list[int], need: int) -> None:
        """On a wide window the list had room to spare while its pane stayed at its narrow
        first width (dates and history wrapping, cut): the pane takes the list's spare
        room, up to a comfortable width. Not once the owner has placed the divider."""
        from desktop.views import theme

        if self._owner_list_width is not None or sizes[1] >= theme.DETAIL_COMFORT_WIDTH:
            return
        grow = min(sizes[0] - need, theme.DETAIL_COMFORT_WIDTH - sizes[1])
        if grow > theme.S:
            self.splitter.setSizes([sizes[0] - grow, sizes[1] + grow])

    def _owner_moved_split(self, _pos: int, _index: int) -> None:
        # Only a drag of the handle moves it so (setSizes does not): the list's width she chose.
        self._owner_list_width = self.splitter.sizes()[0]

    def resizeEvent(self, event):
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self.give_list_room)  # once the splitter has its new size

    def showEvent(self, event):
        super().showEvent(event)  # a view put off loads first (refresh_if_stale)
        if self._pane_stale:
            self._reword_pane()
        self._tab_in_reading_order()
        QTimer.singleShot(0, self, self.give_list_room)

    def _tab_in_reading_order(self) -> None:
        """Tab reads the view as it is laid out: the search, then the buttons and filters
        above the list (top to bottom, left to right), the list, then the pane. Views add
        their toolbars after the form is built, so Tab otherwise reached them only after
        the list and its pane."""
        above = tab_stops(self.form, beside=self.pages)
        row_height = max(1, self.search.height() // 2)

        def place(widget: QWidget) -> tuple[int, int]:
            spot = widget.mapTo(self, widget.rect().center())
            return spot.y() // row_height, spot.x()

        # Where the view's stops begin: the window's sidebar (``tab_anchor``), else the stop
        # before the search. Not simply the latter: in the app the products panel is built
        # after the first view, its stops came between the sidebar and the view, and Tab
        # from the sidebar went through the panel first. Qt moves nothing after a widget
        # that takes no focus.
        before = self.tab_anchor or self.search.previousInFocusChain()
        while before in above or before.focusPolicy() == Qt.NoFocus:
            before = before.previousInFocusChain()
        # The list, then its pane with its buttons (as show_detail linked them): what was
        # built in between (the products panel) comes after the pane, not inside the view.
        window = self.window()
        pane = [w for w in self._pane_stops if w.window() is window]
        chain = [before] + sorted(above, key=place) + [self.table, self.detail_scroll] + pane
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # --- to override ---------------------------------------------------------------
    def view_title(self) -> str:
        raise NotImplementedError

    def headers(self) -> list[str]:
        raise NotImplementedError

    def load_rows(self) -> list[Row] | Iterable[list[Row]]:
        """The rows, or (a long list) an iterable of chunks of rows: the first ones are
        shown at once, the rest read one chunk per event-loop turn (RowsModel.set_rows)."""
        raise NotImplementedError

    def empty_heading(self) -> str:
        raise NotImplementedError

    def empty_help(self) -> str:
        raise NotImplementedError

    def fill_detail(self, row_id: int, layout: QVBoxLayout) -> None:
        raise NotImplementedError

    # --- behaviour -----------------------------------------------------------------
    # The pane words a reminder's moment as the clock stands ("from …", "due since …", a
    # due reminder's banner): ``moment_passed`` builds it again when a moment came or the
    # day changed (Vandaag loads its list again instead: ``TodayView.follow_due``).
    pane_tells_time = False
    _pane_stale = False

    def moment_passed(self) -> None:
        """A reminder's moment came, or the owner's day changed, with nothing written: the
        pane's words about time are built again, for the row she is on, now when on screen
        and nobody is typing or in the pane, else when the view is shown again."""
        if not self.pane_tells_time:
            return
        focus = self.window().focusWidget()
        in_pane = focus is not None and focus is not self.table and self.pages.isAncestorOf(focus)
        if not self.isVisible() or in_pane or self.detail_pending():
            self._pane_stale = True
            return
        self._reword_pane()

    def time_came(self, now) -> None:
        """The scheduler looked at ``now`` (naive UTC) with nothing written, whether or not a
        reminder's moment came: a view with moments of its own (Zendingen's "received?")
        loads again once one has come. Most views have none."""

    def _reword_pane(self) -> None:
        self._pane_stale = False
        if self.current_id is not None:
            self.show_detail(self.current_id)

    # The rows word days as the owner's calendar stands ("3 dagen te laat", "nog 4 dagen", a
    # date without its year): ``day_passed`` words them again when her day changed. Maatwerk
    # kept yesterday's counts after midnight while the app stayed open in the tray (review of
    # the days around New Year).
    rows_tell_day = False
    _rows_day: date | None = None  # the owner's day the rows were worded on

    def day_passed(self, day: date) -> None:
        """The owner's day is ``day`` now (the scheduler's check after her midnight): rows
        worded on an earlier day take today's words, in place (``RowsModel.reword``: her
        selection, search, sort and scroll stay); rows that are no longer the same are loaded
        again now when on screen, else when the view is shown."""
        if not self.rows_tell_day or self._rows_day is None or self._rows_day == day or self._stale:
            return
        if self.model.reword(self.load_rows_now()):
            self._rows_day = day
            return
        bar = self.table.verticalScrollBar()
        place = bar.value()
        self.refresh_when_shown()
        if not self._stale:
            bar.setValue(place)

    def load_rows_now(self) -> list[Row]:
        """Every row of ``load_rows`` at once (a long list comes in chunks)."""
        rows = self.load_rows()
        if isinstance(rows, list):
            return rows
        return [row for chunk in rows for row in chunk]

    @staticmethod
    def owner_day() -> date:
        """The owner's calendar day now (her zone, never UTC's)."""
        from desktop import clock

        return clock.owner().today(clock.utcnow())

    def refresh(self) -> None:
        self._stale = False
        self._pane_stale = False  # the pane is built again with the rows
        moment = load_moment()  # first: a write while the rows are read is read next time
        self._rows_day = self.owner_day()
        rows = self.load_rows()
        more = None
        if not isinstance(rows, list):
            rows, more = first_rows(rows)
            self._watch_paint()
        # A long list: the first rows now, the rest once the list has painted them
        # (docs/PERFORMANCE.md, fix 34). The columns are measured once, below.
        from desktop.views.cells import held_sizing

        with held_sizing(self.table):
            self.model.set_rows(rows, more, wait=True)
        self.pages.setCurrentIndex(0 if not rows else 1)
        self._after_filter()
        self.fit_columns()
        self.follow_rows(None)
        self._loaded(moment)

    def _watch_paint(self) -> None:
        if getattr(self, "_paint_watch", None) is None:
            self._paint_watch = _ResumeAfterPaint(self)
            self.table.viewport().installEventFilter(self._paint_watch)

    def select_id(self, row_id: int) -> bool:
        """Select the row with this id (clearing the search when it hides the row)."""
        for attempt in range(2):
            index = self.model.index_of(row_id)
            if index is not None:
                self.table.selectRow(index)
                self.table.scrollTo(self.model.index(index, 0))
                return True
            if attempt == 0 and self.search.text():
                self.search.clear()
                self._apply_filter()
        return False

    def focus_list(self) -> None:
        """The keys to the list (Ctrl+1…5, Escape in an empty search); while the view has
        nothing to list (its empty page, the list hidden), to what starts it instead
        (``empty_focus``): the focus went to the hidden list, and the keys went nowhere."""
        target = self.table if self.pages.currentIndex() == 1 else self.empty_focus()
        target.setFocus(Qt.ShortcutFocusReason)

    def empty_focus(self) -> QWidget:
        """What the keys go to on the empty page: its button back to the whole list when a
        filter hides every row (``show_filtered_empty``), else the first button above the
        list that can be pressed ("New influencer…"), else the search field."""
        from PySide6.QtWidgets import QAbstractButton

        back = getattr(self, "show_all_button", None)
        if back is not None and not back.isHidden() and self.pages.currentIndex() == 0:
            return back
        buttons = [w for w in tab_stops(self.form, beside=self.pages) if isinstance(w, QAbstractButton)]
        return next((b for b in buttons if b.isEnabled()), self.search)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    def _apply_filter(self) -> None:
        keep = self.current_id
        self.model.set_filter(self.search.text())
        self._after_filter()
        self._typing = True  # the pane follows after the typing pause (show_detail)
        try:
            self.follow_rows(keep)
        finally:
            self._typing = False

    def detail_pending(self) -> bool:
        """The pane still shows an earlier row: the owner is typing (it follows after the pause)."""
        return self._detail_timer.isActive()

    def _show_pending_detail(self) -> None:
        if self._pending_detail is not None and self._pending_detail == self.current_id:
            self.show_detail(self._pending_detail)

    def follow_rows(self, keep: int | None) -> None:
        """After the rows changed (a search, a filter, a refresh): the detail pane shows the
        selected row, and the selected row is one the list shows. ``keep`` stays selected
        when it is still listed; otherwise the first row is; with no row, a hint.

        A model reset clears the current row without a "row changed" signal, so the pane
        would otherwise go on showing a row the search has hidden."""
        index = self.model.index_of(keep) if keep is not None else None
        if index is None:
            index = self.model.first_item()  # a group's heading above it is not a row to show
        if index is None:
            self.table.clearSelection()
            self.show_detail(None)
            return
        row_id = self.model.rows[index].id
        if self.table.currentIndex().row() != index:
            self.table.selectRow(index)  # the "row changed" signal rebuilds the pane
        if self.current_id != row_id:
            self.show_detail(row_id)

    def _after_filter(self) -> None:
        no_rows = self.model.all_rows and not self.model.rows
        self.no_match.setVisible(bool(no_rows))
        if no_rows:
            self.no_match.setText(_("Nothing matches “{text}”.").format(text=self.search.text()))

    def show_filtered_empty(self, hides: bool, title: str = "", text: str = "", button: str = "") -> None:
        """The empty page when rows exist but the view's own filter (not the search) hides
        every one: ``title`` and ``text`` say so, with ``button`` (back to the whole list:
        ``show_all``) under them; with ``hides`` false, the list again when there are rows,
        and the page back to its words for "nothing here yet". The list left empty beside
        a pane that said to clear the search field, which was empty (as Maatwerk did before
        its own page, review of 2026-12-07)."""
        from PySide6.QtWidgets import QPushButton

        back = getattr(self, "show_all_button", None)
        if hides:
            if back is None:
                back = self.show_all_button = QPushButton(self)
                back.setObjectName("showAll")
                back.clicked.connect(self.show_all)
                empty_layout = self.empty_text.parentWidget().layout()
                empty_layout.insertWidget(empty_layout.indexOf(self.empty_text) + 1, back, 0, Qt.AlignHCenter)
            back.setText(button)
            self.empty_title.setText(title)
            self.empty_text.setText(text)
            self.no_match.hide()
            self.pages.setCurrentIndex(0)
        elif back is not None and not back.isHidden():  # (only then: a search asks at every key)
            if self.model.all_rows:
                self.pages.setCurrentIndex(1)
            self.empty_title.setText(self.empty_heading())
            self.empty_text.setText(self.empty_help())
        if back is not None:
            back.setVisible(hides)

    def show_all(self) -> None:
        """The view's filters back to "all" (the button of ``show_filtered_empty``)."""

    def _on_current(self, current, _previous) -> None:
        row = self.model.row_at(current.row())
        if row is not None and row.heading:
            return  # a heading is never shown in the pane: the row shown stays
        self.show_detail(row.id if row else None)

    def show_detail(self, row_id: int | None) -> None:
        self.current_id = row_id
        if self._typing and row_id is not None:
            # A search keystroke moved the selection: the row is selected now (actions
            # work on it), its pane is built once the owner pauses.
            self._pending_detail = row_id
            self._detail_timer.start()
            return
        self._detail_timer.stop()
        self._pending_detail = None
        # A button of the pane had the focus (she saved, deleted, moved a status from it):
        # the pane is built again and that button goes, so the focus goes to the list, on
        # the row the pane is about, not to the top of the window.
        focus = self.window().focusWidget()
        in_pane = focus is not None and focus is not self.table and self.pages.isAncestorOf(focus)
        layout: QVBoxLayout = self.detail.layout()
        clear_layout(layout)
        self._pane_stops = []
        if in_pane:
            self.table.setFocus(Qt.OtherFocusReason)
        if row_id is None:
            self._add_detail_hint(layout)
            return
        self.fill_detail(row_id, layout)
        # The pane's buttons are made now, long after the window: Tab reaches them right
        # after the pane itself, not after the products panel and everything else.
        chain = [self.detail_scroll] + tab_stops(self.detail, hidden_too=True)
        self._pane_stops = chain[1:]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        if not any(layout.stretch(i) for i in range(layout.count())):
            layout.addStretch(1)  # the pane's content at the top; a view may give one widget the room instead
        self._room_for_fields()

    def _add_detail_hint(self, layout: QVBoxLayout) -> None:
        """In place of the detail of a row: why there is none, and what to do."""
        if self.pages.currentIndex() == 0:
            return  # nothing at all yet: the empty page says what to do first
        if self.model.rowCount():
            text = _("Choose a row in the list to see it here.")
        else:
            # TRANSLATORS: shown in the detail pane when the search or filters hide every row.
            text = _("Nothing in the list matches the search or the filters, so nothing is shown here. "
                     "Clear the search field to see everything again.")
        hint = plain_label(text)
        hint.setObjectName("detailHint")
        hint.setStyleSheet("color: #666;")
        layout.addWidget(hint)
        layout.addStretch(1)

    def say_moved_deadlines(self, now) -> None:
        """Deadlines a step recorded at ``now`` moved (a late parcel, a gift given late), said
        in the status bar at once, not only on the timeline (after the undo step's own line,
        which it replaces)."""
        from desktop.presentation import event_texts

        moved = event_texts.moved_deadlines_at(now) if now is not None else ""
        if moved:
            self.status_message.emit(moved)

    # helpers for subclasses
    def add_heading(self, layout: QVBoxLayout, text: str) -> QLabel:
        label = plain_label(text, bold=True)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        label.setFont(font)
        layout.addWidget(label)
        return label

    def add_section(self, layout: QVBoxLayout, text: str) -> None:
        line = QFrame()
        line.setFrameShape(QFrame.HLine)
        line.setFrameShadow(QFrame.Sunken)
        layout.addWidget(line)
        layout.addWidget(plain_label(text, bold=True))

    def add_fields(self, layout: QVBoxLayout, pairs: list[tuple[str, str | QWidget]]) -> None:
        holder = QWidget()
        form = QFormLayout(holder)  # on its widget first: its spacing is the style's
        form.setLabelAlignment(Qt.AlignLeft)
        if self.fields_wrap:
            form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        # The gap between a name and its value is the name's own right margin, not the form's
        # spacing: QFormLayout decides to wrap a row (WrapLongRows) on the name's width plus the
        # value's minimum, without the spacing, then places the value after the spacing. A value
        # up to that many pixels too wide stayed beside its name and was clipped at the form's
        # edge (a bpost code's last digit, at 1366 × 768). With the gap in the name, what it
        # decides on is what it places.
        gap = form.horizontalSpacing()
        form.setHorizontalSpacing(0)

        def name_label(name: str) -> QLabel:
            shown = plain_label(name, wrap=False)
            shown.setContentsMargins(0, 0, max(gap, 0), 0)
            return shown

        for name, value in pairs:
            if isinstance(value, QWidget):  # a value that is not text (a link to click)
                form.addRow(name_label(name), value)
                continue
            # A value with a long run without a space (a tracking link, a file's name) gets places
            # to break: it wraps in the pane rather than widen it past the list's room (review of
            # the timeline: a bpost link took the list's room and cut its products to "Goud…").
            value = breakable(value)
            field = plain_label(value)
            if self.fields_wrap:
                # A wrapping label tells the form it can be as narrow as a word; a date is one
                # word ("woensdag 11 november 2026", kept together): its row wraps instead.
                field.setMinimumWidth(max(field.fontMetrics().horizontalAdvance(word)
                                          for word in _BREAKS.split(value)))
            form.addRow(name_label(name), field)
        # Margins from the one spacing scale, the names in line with the pane's headings: the
        # style's 9 px on each side (off the scale) took the room of a date beside its name,
        # and Maatwerk's "donderdag 26 november 2026" went under "Beloofd bezorgd" at 1366 × 768.
        from desktop.views import theme

        form.setContentsMargins(0, theme.S, 0, theme.S)
        layout.addWidget(holder)

    def add_bullets(self, layout: QVBoxLayout, lines: list[str]) -> None:
        """One bullet per line, its wrapped text indented under its first word (a hanging
        indent), so a line that wraps never reads as the next item."""
        add_bullets(layout, lines)

    def add_lines(self, layout: QVBoxLayout, lines: list[str], empty: str) -> None:
        if not lines:
            layout.addWidget(plain_label(empty))
        for line in lines:
            # A file's name is one long word ("customer_order_csv_export_one_row_per_order.csv"): it
            # breaks after its "_", "-" and "." rather than run past the pane's edge.
            layout.addWidget(plain_label(breakable(line)))
