"""How the lists draw and size their cells: room around the text, two-line rows, status
labels, and column widths that follow the content and the window.

Every list has its key columns sized to their content (they never cut off) and at most
one free-text column (``elide_column``) that takes the remaining width; only that one may
end in "…", with its full text in the tooltip and in the detail pane. The layout check
(tests/test_layout.py) reads the ``elideColumn`` property set here.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.views import theme


class CellDelegate(QStyledItemDelegate):
    """Text cells with room to breathe; a cell whose text has two lines shows the second
    line quieter (a handle and followers under a name); the ``pill_column`` shows its text
    as a short coloured label (a status)."""

    def __init__(self, parent=None, pill_column: int | None = None):
        super().__init__(parent)
        self.pill_column = pill_column
        self.fitted_model = None  # the model whose resets re-measure the columns (fit_columns)

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        extra = theme.CELL_PADDING + (theme.S if index.column() == self.pill_column else 0)
        return QSize(size.width() + extra, size.height())

    def paint(self, painter, option, index):
        text = index.data()
        two_lines = isinstance(text, str) and "\n" in text
        pill = index.column() == self.pill_column and isinstance(text, str) and text
        if not two_lines and not pill:
            opt = QStyleOptionViewItem(option)
            opt.rect = option.rect.adjusted(theme.CELL_PADDING // 2 - 2, 0, 0, 0)
            super().paint(painter, opt, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(QStyle.CE_ItemViewItem, opt, painter, widget)  # background, selection
        selected = bool(opt.state & QStyle.State_Selected)
        group = QPalette.Active if opt.state & QStyle.State_Active else QPalette.Inactive
        normal = opt.palette.color(group, QPalette.HighlightedText if selected else QPalette.Text)
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
            foreground = index.data(Qt.ForegroundRole)
            painter.setFont(opt.font)
            painter.setPen(normal if selected or foreground is None else foreground.color())
            painter.drawText(top, Qt.AlignLeft | Qt.AlignBottom, fm.elidedText(first, Qt.ElideRight, top.width()))
            painter.setPen(normal if selected else theme.muted_colour(opt.palette))
            painter.drawText(bottom, Qt.AlignLeft | Qt.AlignTop, fm.elidedText(second.replace("\n", " "),
                                                                               Qt.ElideRight, bottom.width()))
        painter.restore()

    def _paint_pill(self, painter, opt, rect, text, index, selected, normal) -> None:
        foreground = index.data(Qt.ForegroundRole)
        colour = foreground.color() if foreground is not None else theme.muted_colour(opt.palette)
        fm = opt.fontMetrics
        width = min(rect.width(), fm.horizontalAdvance(text) + 2 * theme.S)
        height = fm.height() + theme.XS
        pill = QRect(rect.left(), rect.center().y() - height // 2, width, height)
        background = colour if not selected else normal
        background = type(colour)(background)
        background.setAlpha(theme.PILL_ALPHA if not selected else 60)
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        painter.setPen(Qt.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(normal if selected else colour)
        painter.setFont(opt.font)
        painter.drawText(pill.adjusted(theme.S, 0, -theme.S // 2, 0), Qt.AlignLeft | Qt.AlignVCenter,
                         fm.elidedText(text, Qt.ElideRight, pill.width() - theme.S - theme.S // 2))


def fit_columns(table: QAbstractItemView, elide_column: int | None, two_line: bool = False,
                pill_column: int | None = None) -> None:
    """Key columns as wide as their content; the one free-text column takes the rest."""
    if not isinstance(table.itemDelegate(), CellDelegate):
        table.setItemDelegate(CellDelegate(table, pill_column))
    else:
        table.itemDelegate().pill_column = pill_column
    header: QHeaderView = table.horizontalHeader()
    header.setStretchLastSection(False)
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
    model, delegate = table.model(), table.itemDelegate()
    if model is not None and getattr(delegate, "fitted_model", None) is not model:
        delegate.fitted_model = model  # new rows (a refresh, a search): measured again
        # New rows (a search, a filter): measured on the rows in sight, the ones painted.
        model.modelReset.connect(lambda: size_to_contents(table, in_sight=True))
    size_to_contents(table)
    table.setTextElideMode(Qt.ElideRight)
    fm = table.fontMetrics()
    vertical = table.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.Fixed)
    vertical.setDefaultSectionSize((2 * fm.height() + theme.M) if two_line else (fm.height() + theme.M))


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
    try:
        for column in range(model.columnCount()):
            if header.sectionResizeMode(column) == QHeaderView.Stretch or header.isSectionHidden(column):
                continue
            wanted = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, max(low, min(high, wanted)))
    finally:
        header.setResizeContentsPrecision(precision)
