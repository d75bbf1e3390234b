"""How the lists draw and size their cells: room around the text, two-line rows, status
labels, and column widths that follow the content and the window.

Every list has its key columns sized to their content (they never cut off) and at most
one free-text column (``elide_column``) that takes the remaining width; only that one may
end in "…", with its full text in the tooltip and in the detail pane. The layout check
(tests/test_layout.py) reads the ``elideColumn`` property set here.
"""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from desktop.views import theme

# Flags and roles looked up once: paint() runs for every cell in sight on every repaint,
# and each PySide6 enum lookup or ``|`` is a Python call (docs/PERFORMANCE.md, fix 30).
_LEFT_BOTTOM = Qt.AlignLeft | Qt.AlignBottom
_LEFT_TOP = Qt.AlignLeft | Qt.AlignTop
_LEFT_MIDDLE = Qt.AlignLeft | Qt.AlignVCenter
_ELIDE_RIGHT = Qt.ElideRight
_FOREGROUND = Qt.ForegroundRole
_SELECTED, _ACTIVE = QStyle.State_Selected, QStyle.State_Active
_ACTIVE_GROUP, _INACTIVE_GROUP = QPalette.Active, QPalette.Inactive
_HIGHLIGHTED_TEXT, _TEXT = QPalette.HighlightedText, QPalette.Text
_ITEM = QStyle.CE_ItemViewItem
_ITEM_SIZE = QStyle.CT_ItemViewItem
_NO_SIZE = QSize()
_HAS_DISPLAY = QStyleOptionViewItem.HasDisplay
_LINE_SEPARATOR = "\u2028"
_NO_PEN = Qt.NoPen
_ANTIALIASING = None  # QPainter.RenderHint.Antialiasing, looked up on the first pill


class CellDelegate(QStyledItemDelegate):
    """Text cells with room to breathe; a cell whose text has two lines shows the second
    line quieter (a handle and followers under a name); the ``pill_column`` shows its text
    as a short coloured label (a status)."""

    def __init__(self, parent=None, pill_column: int | None = None):
        super().__init__(parent)
        self.pill_column = pill_column
        # How the first line of a cell too narrow for it ends: on the right ("Oorbellen
        # Druppel (zi…"), or in the middle where the end tells rows apart ("Oorbellen…(zilver)").
        self.elide_mode = _ELIDE_RIGHT
        self.fitted_model = None  # the model whose resets re-measure the columns (fit_columns)
        self.hold_sizing = False  # a refresh measures its rows once, after setting them (held_sizing)
        self._muted = (None, None)  # (palette cache key, the muted colour for it)
        # Measured cells: (font, column, text) -> size. The columns are measured again
        # after every search keystroke on the rows in sight, mostly rows measured before;
        # Qt's measure asks the model for every role of the cell (docs/PERFORMANCE.md, fix 30).
        self._sizes: dict = {}

    def sizeHint(self, option, index):
        text = index.data()
        key = (option.font.key(), index.column(), text) if isinstance(text, str) else None
        found = self._sizes.get(key) if key is not None else None
        if found is not None:
            return QSize(found)
        return QSize(self._keep(key, index.column(), super().sizeHint(option, index)))

    def text_width(self, option, column: int, text: str) -> int:
        """What ``sizeHint`` answers for the width of a cell of ``column`` showing ``text``,
        for a model whose cells are text alone (RowsModel: no icon, check box or font of
        their own). ``option``: the view's item option with the text feature on
        (``_text_option``), reused for every text. The style measures the text as for
        sizeHint, without QStyledItemDelegate.initStyleOption asking the model for every
        role of the cell first: 6x faster, the same widths (tests/test_rows.py;
        docs/PERFORMANCE.md, fix 58)."""
        key = (option.font.key(), column, text)
        found = self._sizes.get(key)
        if found is None:
            option.text = text.replace("\n", _LINE_SEPARATOR)  # as QStyledItemDelegate.displayText does
            widget = option.widget
            found = self._keep(key, column, widget.style().sizeFromContents(_ITEM_SIZE, option, _NO_SIZE, widget))
        return found.width()

    def _keep(self, key, column: int, size: QSize) -> QSize:
        """The cell's size as the list gives it (the style's, with room around the text and a
        status label's), kept under ``key`` (None: not kept) for the next measure."""
        extra = theme.CELL_PADDING + (theme.S if column == self.pill_column else 0)
        found = QSize(size.width() + extra, size.height())
        if key is not None:
            if len(self._sizes) > 20000:
                self._sizes.clear()
            self._sizes[key] = found
        return found

    def _muted_colour(self, palette):
        key = palette.cacheKey()
        if self._muted[0] != key:
            self._muted = (key, theme.muted_colour(palette))
        return self._muted[1]

    def paint(self, painter, option, index):
        text = index.data()
        two_lines = isinstance(text, str) and "\n" in text
        pill = index.column() == self.pill_column and isinstance(text, str) and text
        if not two_lines and not pill:
            opt = QStyleOptionViewItem(option)
            opt.rect = option.rect.adjusted(theme.CELL_PADDING // 2 - 2, 0, 0, 0)
            super().paint(painter, opt, index)
            return
        # The cell's background and selection only (no text, icon or check box): the
        # view's option as it is, without initStyleOption asking the model about every
        # role of the cell (docs/PERFORMANCE.md, fix 39).
        opt = QStyleOptionViewItem(option)
        widget = opt.widget
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(_ITEM, opt, painter, widget)  # background, selection
        state = opt.state
        selected = bool(state & _SELECTED)
        group = _ACTIVE_GROUP if state & _ACTIVE else _INACTIVE_GROUP
        normal = opt.palette.color(group, _HIGHLIGHTED_TEXT if selected else _TEXT)
        rect = option.rect.adjusted(theme.CELL_PADDING // 2 + 1, 0, -theme.XS, 0)
        painter.save()
        if pill:
            self._paint_pill(painter, opt, rect, text, index, selected, normal)
        else:
            first, second = text.split("\n", 1)
            fm = opt.fontMetrics
            half = rect.height() // 2
            top = QRect(rect.left(), rect.top() + 1, rect.width(), half - 1)
            bottom = QRect(rect.left(), rect.top() + half, rect.width(), rect.height() - half - 1)
            foreground = index.data(_FOREGROUND)
            painter.setFont(opt.font)
            painter.setPen(normal if selected or foreground is None else foreground.color())
            painter.drawText(top, _LEFT_BOTTOM, fm.elidedText(first, self.elide_mode, top.width()))
            painter.setPen(normal if selected else self._muted_colour(opt.palette))
            painter.drawText(bottom, _LEFT_TOP, quiet_line(fm, second.replace("\n", " "), bottom.width()))
        painter.restore()

    def _paint_pill(self, painter, opt, rect, text, index, selected, normal) -> None:
        global _ANTIALIASING
        foreground = index.data(_FOREGROUND)
        colour = foreground.color() if foreground is not None else self._muted_colour(opt.palette)
        fm = opt.fontMetrics
        width = min(rect.width(), fm.horizontalAdvance(text) + 2 * theme.S)
        height = fm.height() + theme.XS
        pill = QRect(rect.left(), rect.center().y() - height // 2, width, height)
        background = colour if not selected else normal
        background = type(colour)(background)
        background.setAlpha(theme.PILL_ALPHA if not selected else 60)
        if _ANTIALIASING is None:
            _ANTIALIASING = painter.RenderHint.Antialiasing
        painter.setRenderHint(_ANTIALIASING)
        painter.setPen(_NO_PEN)
        painter.setBrush(background)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(normal if selected else colour)
        painter.setFont(opt.font)
        painter.drawText(pill.adjusted(theme.S, 0, -theme.S // 2, 0), _LEFT_MIDDLE,
                         fm.elidedText(text, _ELIDE_RIGHT, pill.width() - theme.S - theme.S // 2))


_ELLIPSIS = "\u2026"


def quiet_line(fm, text: str, width: int) -> str:
    """A cell's second line as ``width`` shows it: whole, or ending in "…", but never inside
    a number, which, cut, reads as another one ("@julia.mertens +1 · 33.…": 33 followers?):
    then it ends before the number ("@julia.mertens +1 …")."""
    shown = fm.elidedText(text, _ELIDE_RIGHT, width)
    if shown == text or not shown.endswith(_ELLIPSIS):
        return shown
    kept = shown[:-1]
    if not text.startswith(kept) or text[len(kept):len(kept) + 1] in ("", " "):
        return shown  # cut between words
    start = kept.rfind(" ") + 1
    if not any(c.isdigit() for c in text[start:].split(" ", 1)[0]):
        return shown  # a word cut reads as cut ("sierlijk letter…")
    kept = kept[:start].rstrip(" ·")
    return kept + " " + _ELLIPSIS if kept else shown


def fit_columns(table: QAbstractItemView, elide_column: int | None, two_line: bool = False,
                pill_column: int | None = None, whole_lead: str | None = None,
                elide_mode=_ELIDE_RIGHT, yielding_column: int | None = None) -> None:
    """Key columns as wide as their content; the one free-text column takes the rest.

    ``whole_lead``: what of the free-text column's cells must stay whole, the part before
    this separator ("\n": the first line, the product over its engraving; ", ": the first
    product of a parcel). ``needed_width`` counts it in, and the view gives the list that
    room (views/base.py). Without a free-text column the last column takes the rest (every
    column is as wide as its content, none may be cut). ``yielding_column``: the key column
    the view narrows when the list lacks room (views/base.py ``_give_way``); the widest
    first line of its two-line cells is measured with it (``yieldingFloor``)."""
    if not isinstance(table.itemDelegate(), CellDelegate):
        table.setItemDelegate(CellDelegate(table, pill_column))
    else:
        table.itemDelegate().pill_column = pill_column
    table.itemDelegate().elide_mode = elide_mode
    header: QHeaderView = table.horizontalHeader()
    header.setStretchLastSection(elide_column is None)
    table.setProperty("wholeLead", whole_lead or "")
    header.setMinimumSectionSize(theme.XL)
    # Sized to the content when the content changes, not in Qt's ResizeToContents mode:
    # that mode measures a hundred rows of every column again (a Python call per cell)
    # each time the list is shown, resized or laid out, so switching back to a view of
    # 20,000 shipments cost 0.1-0.2 s (docs/PERFORMANCE.md, fix 24). Fixed columns, the
    # free-text one stretched, measured once per change of the rows: the same widths.
    header.setSectionResizeMode(QHeaderView.Fixed)
    if elide_column is not None:
        header.setSectionResizeMode(elide_column, QHeaderView.Stretch)
    table.setProperty("elideColumn", -1 if elide_column is None else elide_column)
    table.setProperty("yieldingColumn", -1 if yielding_column is None else yielding_column)
    model, delegate = table.model(), table.itemDelegate()
    if model is not None and getattr(delegate, "fitted_model", None) is not model:
        delegate.fitted_model = model  # new rows (a refresh, a search): measured again
        # New rows (a search, a filter): measured on the rows in sight, the ones painted;
        # not while a refresh sets them (it measures them all next: held_sizing).
        model.modelReset.connect(lambda: delegate.hold_sizing or size_to_contents(table, in_sight=True))
    size_to_contents(table)
    table.setTextElideMode(elide_mode)
    fm = table.fontMetrics()
    vertical = table.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.Fixed)
    vertical.setDefaultSectionSize((2 * fm.height() + theme.M) if two_line else (fm.height() + theme.M))


def span_headings(table: QTableView, model) -> None:
    """Span each heading row of ``model`` (its ``is_heading(row)``: a day on the timeline,
    a group on Vandaag) over every column, now and whenever rows arrive."""

    def span_all() -> None:
        table.clearSpans()
        span(0, model.rowCount() - 1)

    def span(first: int, last: int) -> None:
        columns = model.columnCount()
        if columns < 2:
            return
        for row in range(first, last + 1):
            if model.is_heading(row):
                table.setSpan(row, 0, 1, columns)

    model.modelReset.connect(span_all)
    model.layoutChanged.connect(span_all)
    model.rowsInserted.connect(lambda _parent, first, last: span(first, last))
    span_all()


@contextmanager
def held_sizing(table: QAbstractItemView):
    """New rows set inside are not measured on the model's reset: the caller fits the
    columns right after (a refresh measured every column twice, docs/PERFORMANCE.md fix 36)."""
    delegate = table.itemDelegate()
    if not isinstance(delegate, CellDelegate):
        yield
        return
    delegate.hold_sizing = True
    try:
        yield
    finally:
        delegate.hold_sizing = False


def size_to_contents(table: QAbstractItemView, in_sight: bool = False) -> None:
    """Every column but the stretched one as wide as its content (the rows Qt samples,
    ``resizeContentsPrecision``; ``in_sight``: only the rows a shown list has in sight,
    what a keystroke in the search needs) and its heading, as ResizeToContents does."""
    header: QHeaderView = table.horizontalHeader()
    model = table.model()
    if model is None:
        return
    precision = header.resizeContentsPrecision()
    if in_sight and table.isVisible():
        rows = table.viewport().height() // max(1, table.verticalHeader().defaultSectionSize()) + 1
        header.setResizeContentsPrecision(max(1, min(precision, rows)))
    low, high = header.minimumSectionSize(), header.maximumSectionSize()
    total = 0
    measured = [0] * model.columnCount()  # each key column's width as measured (views/base.py _give_way)
    try:
        sample = _qt_sample(table, model, header.resizeContentsPrecision())  # the same rows for every column
        fill = getattr(model, "fill_range", None)
        if fill is not None and sample:  # rows written when first read: the measured ones in one go
            fill(min(sample), max(sample) + 1)
        for column in range(model.columnCount()):
            if header.sectionResizeMode(column) == QHeaderView.Stretch or header.isSectionHidden(column):
                continue
            content = _content_width(table, model, column, sample)
            wanted = max(low, min(high, max(content, header.sectionSizeHint(column))))
            header.resizeSection(column, wanted)
            measured[column] = wanted
            total += wanted
        total += _measure_lead(table, header, sample)
        table.setProperty("contentWidth", total)
        table.setProperty("measuredWidths", measured)
        table.setProperty("yieldingFloor", _first_lines_width(table, sample))
    finally:
        header.setResizeContentsPrecision(precision)


def _qt_sample(table: QAbstractItemView, model, count: int) -> list[int]:
    """The rows Qt's sizeHintForColumn measures, in its order: those in sight (every row
    of a hidden list), then in turn one above and one below, ``count`` in all (0: those
    in sight only; below 0: every row). The lists hide no rows (a filter leaves them out
    of the model), so none is skipped as Qt skips a hidden one."""
    total = model.rowCount()
    vertical = table.verticalHeader()
    top = max(0, vertical.visualIndexAt(0))
    bottom = vertical.visualIndexAt(table.viewport().height())
    if not table.isVisible() or bottom == -1:
        bottom = total - 1
    rows = list(range(top, min(bottom, total - 1) + 1))
    if count > 0:
        rows = rows[:count]
    limit = total if count < 0 else count
    above, below = top, (rows[-1] if rows else top - 1)
    while count != 0 and len(rows) < limit and (above > 0 or below < total - 1):
        if (len(rows) % 2 and above > 0) or below == total - 1:
            above -= 1
            rows.append(above)
        else:
            below += 1
            rows.append(below)
    return [vertical.logicalIndex(row) for row in rows]


def _content_width(table: QAbstractItemView, model, column: int, sample: list[int]) -> int:
    """What Qt's sizeHintForColumn answers, asking the delegate once per different text
    rather than once per row: a cell's width follows from its column and text alone
    (CellDelegate.sizeHint), and a column of 600 prices or statuses has a few dozen
    (docs/PERFORMANCE.md, fix 45). A model without ``display_text`` is measured by Qt."""
    text_at = getattr(model, "display_text", None)
    delegate = table.itemDelegate()
    option = _text_option(table) if text_at is not None and isinstance(delegate, CellDelegate) else None
    if option is None:
        return table.sizeHintForColumn(column)
    seen: set = set()
    hint = 0
    # Texts as wide as the widest a column of rows not filled yet may show (RowsModel.stand_ins).
    for text in getattr(model, "stand_ins", {}).get(column, ()):
        seen.add(text)
        hint = max(hint, delegate.text_width(option, column, text))
    for row in sample:
        text = text_at(row, column)
        if text is None or text in seen:  # None: a heading spanning the row
            continue
        seen.add(text)
        hint = max(hint, delegate.text_width(option, column, text))
    return hint + 1 if table.showGrid() else hint


def _text_option(table: QAbstractItemView) -> QStyleOptionViewItem | None:
    """The item option the view gives its delegate (font, alignment, word wrap, the
    widget), with the text feature on: what sizeHintForIndex has a text cell measured
    with (CellDelegate.text_width). None where PySide does not offer the view's
    ``initViewItemOption`` (a view not made from Python)."""
    option = QStyleOptionViewItem()
    try:
        table.initViewItemOption(option)
    except (AttributeError, TypeError):
        return None
    if option.widget is None:
        return None
    option.features |= _HAS_DISPLAY
    return option


def _measure_lead(table: QAbstractItemView, header: QHeaderView, sample: list[int]) -> int:
    """The width the free-text column needs for the part of its cells that must stay
    whole (``whole_lead``), on the rows the other columns are measured on (``sample``, as
    Qt samples them); at least the narrowest column."""
    elide, lead = table.property("elideColumn"), table.property("wholeLead")
    if elide is None or int(elide) < 0 or header.isSectionHidden(int(elide)):
        return 0
    width = 0
    if lead:
        model, fm = table.model(), table.fontMetrics()
        column = int(elide)
        # A RowsModel gives its text without a Qt call per row (the catalogue measures 600).
        text_at = getattr(model, "display_text", None) or (lambda row, col: model.index(row, col).data())
        for row in sample:
            text = text_at(row, column)
            if isinstance(text, str) and text:
                width = max(width, fm.horizontalAdvance(text.split(lead, 1)[0].split("\n", 1)[0]))
        width += theme.CELL_PADDING + theme.XS
    return max(header.minimumSectionSize(), width)


def _first_lines_width(table: QAbstractItemView, sample: list[int]) -> int:
    """The width the yielding column (``yieldingColumn``) may not give way past: the widest
    first line of its two-line cells (a name over its handle and followers: the quieter
    line under it gives way, the name stays whole), on the rows the columns are measured
    on; 0 for a column of one-line cells (Vandaag's steps), which give way as a whole."""
    column = table.property("yieldingColumn")
    if column is None or int(column) < 0:
        return 0
    model, fm, column = table.model(), table.fontMetrics(), int(column)
    text_at = getattr(model, "display_text", None) or (lambda row, col: model.index(row, col).data())
    width = 0
    for row in sample:
        text = text_at(row, column)
        if isinstance(text, str) and "\n" in text:
            width = max(width, fm.horizontalAdvance(text.split("\n", 1)[0]))
    return width + theme.CELL_PADDING + theme.XS if width else 0


def needed_width(table: QAbstractItemView) -> int:
    """How wide the list must be for nothing but free text to be cut: every column at its
    content's width (as last measured), the free-text column at the width of what must
    stay whole in it, the frame and a vertical scroll bar."""
    content = table.property("contentWidth")
    if not content:
        return 0
    return int(content) + 2 * table.frameWidth() + table.style().pixelMetric(QStyle.PM_ScrollBarExtent) + 2

