"""Nothing cut off: every main view with the demo shop, on a laptop and on a big screen,
in Dutch and in English, measured the way the owner would read it.

A list fails on a horizontal scroll bar, on a column that runs past the list's right
edge, or on a column where the text of most visible cells is wider than its cell. Only
the one free-text column of a list (``elideColumn``) may end in "…", and then its full
text must be in the tooltip. What tells the rows apart is never cut, in any row: the
first column (the name over its handle and followers, the recipient, the customer, the
product), and in the free-text column the part before its ``wholeLead`` (the product
over the text to engrave, the first product of a parcel). On a window narrower than a laptop's screen
a list's yielding column (``yieldingColumn``, views/base.py) may end in "…" too, its whole text in the
tooltip; of its two-line cells the first line stays whole (the name: its handle and followers give way).
Outside the lists: a button or a one-line label narrower than its text, or a widget of a detail pane that
runs past the pane's edge, fails too.
"""

from __future__ import annotations

import html
import re

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QScrollArea,
    QTableView,
    QTreeView,
    QWidget,
)

from desktop import i18n
from desktop.views.base import LONGEST_RUN
from desktop.views.main_window import MainWindow

from .conftest import NOW

SIZES = [(1366, 768), (1920, 1080)]
# A 1920 × 1080 laptop screen at 150 % (Windows' default on 13–15" laptops): 1280 × 720 to lay out in.
NARROW = (1280, 720)
PADDING = 12  # what a cell needs beside its text to read as whole (left and right)
SAMPLE = 30  # the rows a person sees first


def _visible_in(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.isVisible() and widget.width() > 0


def _column_problems(view: QAbstractScrollArea, where: str) -> list[str]:
    model = view.model()
    if model is None:
        return []
    out = []
    viewport = view.viewport()
    fm = view.fontMetrics()
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    elide = view.property("elideColumn")
    elide = -1 if elide is None else int(elide)
    yielding = view.property("yieldingColumn")
    yielding = -1 if yielding is None else int(yielding)
    lead = view.property("wholeLead") or ""
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        name = model.headerData(column, Qt.Horizontal, Qt.DisplayRole)
        x, width = header.sectionViewportPosition(column), header.sectionSize(column)
        if x + width > viewport.width() + 1:
            out.append(f"{where}: column “{name}” runs past the right edge")
            continue
        if fm.horizontalAdvance(str(name or "")) + PADDING > width and column != elide:
            out.append(f"{where}: header “{name}” is cut ({width} px)")
        cut = total = 0
        for row in range(min(model.rowCount(), SAMPLE)):
            index = model.index(row, column)
            text = model.data(index, Qt.DisplayRole)
            if not isinstance(text, str) or not text:
                continue
            rect = view.visualRect(index)
            if rect.height() <= 0 or rect.top() > viewport.height() or rect.width() > viewport.width() * 2:
                continue  # not on screen, or a heading spanning the row
            total += 1
            needed = max(fm.horizontalAdvance(line) for line in text.splitlines()) + PADDING
            whole = text if column == 0 else text.split(lead, 1)[0].split("\n", 1)[0] if column == elide and lead else ""
            if column == yielding:
                whole = whole.split("\n", 1)[0]  # of a name over its handle and followers, the name
            if whole and max(fm.horizontalAdvance(line) for line in whole.splitlines()) + PADDING > rect.width():
                out.append(f"{where}: “{whole}” is what tells the row apart, and it is cut ({rect.width()} px)")
                continue
            if needed > rect.width():
                if column in (elide, yielding):
                    # The tooltip may give the text with its own line breaks (a message
                    # the cell shows on one line): compared word by word.
                    tip = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", model.data(index, Qt.ToolTipRole) or "")).split())
                    if " ".join(text.splitlines()[0].split()) not in tip:
                        out.append(f"{where}: “{text}” is cut and its tooltip lacks it")
                else:
                    cut += 1
        if total and cut * 2 > total:
            out.append(f"{where}: column “{name}” cut in {cut} of {total} rows ({width} px)")
    return out


def layout_problems(window: MainWindow) -> list[str]:
    return _area_problems(window) + _button_problems(window) + _label_problems(window)


def _area_problems(window: MainWindow) -> list[str]:
    """Scroll bars sideways, cut columns, and widgets running past a scrolling pane's edge."""
    out = []
    for area in window.findChildren(QAbstractScrollArea):
        if not _visible_in(area, window):
            continue
        where = area.objectName() or type(area).__name__
        if area.horizontalScrollBar().isVisible():
            out.append(f"{where}: horizontal scroll bar")
        if isinstance(area, (QTableView, QTreeView)):
            out.extend(_column_problems(area, where))
        if isinstance(area, QScrollArea) and area.widget() is not None:
            out.extend(_past_the_edge(area, where, window))
    return out


def _past_the_edge(area: QScrollArea, where: str, window: MainWindow) -> list[str]:
    """Widgets of a scrolling pane that run past its edge, or past the edge of the widget
    they are in (a field the form placed wider than the form: Qt clips it at its holder's
    edge even with the pane's margin beyond it, a bpost code's last digit cut in half)."""
    out = []
    edge = area.viewport().width()
    for child in area.widget().findChildren(QWidget):
        if not _visible_in(child, window) or child.parent() is None:
            continue
        right = child.mapTo(area.widget(), child.rect().topRight()).x()
        if right > edge + 1:
            out.append(f"{where}: {type(child).__name__} “{_text(child)}” runs past the pane's edge")
        elif child.parentWidget() is not area.widget() and child.geometry().right() >= child.parentWidget().width() + 1:
            out.append(f"{where}: {type(child).__name__} “{_text(child)}” runs past the edge of its "
                       f"{type(child.parentWidget()).__name__} ({child.geometry().right() + 1} > "
                       f"{child.parentWidget().width()} px)")
    return out


def _button_problems(window: MainWindow) -> list[str]:
    out = []
    for button in window.findChildren(QAbstractButton):
        text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if not text or not _visible_in(button, window):
            continue
        icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
        if button.fontMetrics().horizontalAdvance(text) + icon + 8 > button.width():
            out.append(f"button “{text}” is cut ({button.width()} px)")
    return out


def _label_problems(window: MainWindow) -> list[str]:
    out = []
    for label in window.findChildren(QLabel):
        if not label.text() or not _visible_in(label, window):
            continue
        if label.textFormat() == Qt.RichText or label.pixmap() is not None and not label.pixmap().isNull():
            continue
        if label.wordWrap():
            out.extend(_wrapped_label_problems(label))
            continue
        widest = max(label.fontMetrics().horizontalAdvance(line) for line in label.text().splitlines() or [""])
        if widest > label.contentsRect().width() + 1:
            out.append(f"label “{label.text()}” is cut ({label.contentsRect().width()} px)")
    return out


def _wrapped_label_problems(label: QLabel) -> list[str]:
    """A wrapping label cuts what it cannot break (a date kept whole, a long word) when it
    is narrower than that, and its last lines when it is lower than its text."""
    from PySide6.QtGui import QTextLayout, QTextOption

    width = label.contentsRect().width()
    layout = QTextLayout(label.text(), label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WordWrap)  # breaks only where a line may break, as a label does
    layout.setTextOption(option)
    layout.beginLayout()
    widest, height = 0.0, 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        widest = max(widest, line.naturalTextWidth())
        height += line.height()
    layout.endLayout()
    out = []
    if widest > width + 1:
        out.append(f"label “{label.text()}” is cut at its side ({width} px, needs {widest:.0f})")
    if height > label.contentsRect().height() + 2:
        out.append(f"label “{label.text()}” is cut at its foot ({label.contentsRect().height()} px, needs {height:.0f})")
    return out


def _text(widget: QWidget) -> str:
    return getattr(widget, "text", lambda: "")() if callable(getattr(widget, "text", None)) else ""


def shown_window(qtbot, monkeypatch, size=(1366, 768), view_key: str | None = None):
    """The main window on the demo shop at ``size``, Vandaag's clock at NOW, a view on screen."""
    from desktop.views import today

    monkeypatch.setattr(today, "utcnow", lambda: NOW)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    if view_key:
        window.show_view(view_key)
    return window


@pytest.mark.parametrize("size", [*SIZES, NARROW], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["nl", "en"])
def test_nothing_is_cut_off(qtbot, demo_db, translator, language, size, monkeypatch):
    """At 1280 × 720, beside the products panel, Influencers scrolled sideways with its Score
    out of sight, Maatwerk showed "Naamketting…" (silver or gold?) and "Sleutelhange…", and
    Zendingen "Oorbellen Druppel (zil…": the influencers' accounts under their names give
    way, and the Maatwerk and Zendingen panes give the list its room (their fields wrap)."""
    i18n.set_language(language)
    window = shown_window(qtbot, monkeypatch, size)
    problems = []
    for view in window.views:
        window.show_view(view.key)
        qtbot.waitUntil(lambda view=view: window.current_view() is view)
        window.layout().activate()
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        for _ in range(3):  # the rows read after the first paint, the list's room given after that
            QCoreApplication.processEvents()
        assert view.current_id is not None, f"{view.key}: nothing selected, so no detail pane to measure"
        problems += [f"{view.key}: {p}" for p in layout_problems(window)]
    assert not problems, "\n".join(problems)


def _about_cut(view) -> list[str]:
    table, model = view.table, view.table.model()
    fm = table.fontMetrics()
    cut = []
    for row, _r in view.item_rows():
        whole = model.data(model.index(row, 3), Qt.DisplayRole).split(" · ", 1)[0]
        if fm.horizontalAdvance(whole) + PADDING > table.visualRect(model.index(row, 3)).width():
            cut.append(whole)
    return cut


@pytest.mark.parametrize("language", ["nl", "en"])
def test_vandaags_about_column_names_each_promise_whole_on_a_laptop(qtbot, demo_db, translator, language, monkeypatch):
    """At 1366 the "About" column showed "bestelling #1…" (the order number lost) and "Ring
    Golf in st…" beside a wide Step column: what a row is about is named whole (its part
    before " · ", a parcel's date before its products), the list taking the room for it."""
    i18n.set_language(language)
    window = shown_window(qtbot, monkeypatch, view_key="today")
    view = window.current_view()
    QCoreApplication.processEvents()
    model = view.table.model()
    about = [model.data(model.index(row, 3), Qt.DisplayRole) for row, _r in view.item_rows()]
    assert any(a.startswith(("bestelling #", "order #")) for a in about)
    assert _about_cut(view) == []


@pytest.mark.parametrize("size", [(1180, 740), (1280, 720)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["nl", "en"])
def test_on_a_window_narrower_than_a_laptop_the_step_gives_way_to_what_a_row_is_about(
        qtbot, demo_db, translator, language, size, monkeypatch):
    """The bundle's window un-maximised (1180 px, its first size) showed "bestellin…" and
    "Ring Golf…" under About, beside a Step column as wide as its longest step: what tells
    the rows apart was cut while the step stood whole (and whole again in the pane). The Step
    column now gives way (to a third of its width at most, its whole text in its tooltip), also
    after a search; on a laptop's full width it is as wide as its text."""
    i18n.set_language(language)
    window = shown_window(qtbot, monkeypatch, size=size, view_key="today")
    view = window.current_view()
    QCoreApplication.processEvents()
    table, model = view.table, view.table.model()
    header = table.horizontalHeader()
    measured = int(table.property("measuredWidths")[2])
    assert _about_cut(view) == []
    assert measured // 3 <= header.sectionSize(2) < measured
    fm = table.fontMetrics()
    longest = max((model.data(model.index(row, 2), Qt.DisplayRole) for row, _r in view.item_rows()),
                  key=fm.horizontalAdvance)
    row = next(r for r, _r in view.item_rows() if model.data(model.index(r, 2), Qt.DisplayRole) == longest)
    assert longest in model.data(model.index(row, 2), Qt.ToolTipRole)
    view.search.setText("e")  # a search measures the rows in sight again
    qtbot.waitUntil(lambda: view.search.text() == "e" and not view._filter_timer.isActive())
    QCoreApplication.processEvents()
    assert _about_cut(view) == []
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: header.sectionSize(2) == int(table.property("measuredWidths")[2]))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_on_a_laptop_at_150_percent_the_influencers_accounts_give_way_to_the_score(
        qtbot, demo_db, translator, language, monkeypatch):
    """At 1280 × 720 the influencer list scrolled sideways: the Score (and in a narrower window
    the open count) out of sight beside a Name column as wide as "@anouk.mulder +1 · 22.650
    volgers". The handle and followers under each name give way (whole in the tooltip and the
    pane), never the name itself; after a search too; at 1366 they are whole again."""
    i18n.set_language(language)
    window = shown_window(qtbot, monkeypatch, size=NARROW, view_key="influencers")
    view = window.view("influencers")
    table, model = view.table, view.model
    header, fm = table.horizontalHeader(), table.fontMetrics()

    def check() -> None:
        for _ in range(3):
            QCoreApplication.processEvents()
        assert not table.horizontalScrollBar().isVisible()
        last = model.columnCount() - 1
        assert header.sectionViewportPosition(last) + header.sectionSize(last) <= table.viewport().width() + 1
        assert header.sectionSize(0) < int(table.property("measuredWidths")[0])
        for row in range(model.rowCount()):
            text = model.data(model.index(row, 0), Qt.DisplayRole)
            name, account = text.split("\n", 1)
            assert fm.horizontalAdvance(name) + PADDING <= header.sectionSize(0), name
            assert account in model.data(model.index(row, 0), Qt.ToolTipRole)

    check()
    assert not layout_problems(window)
    from PySide6.QtWidgets import QHeaderView

    header.setSectionResizeMode(0, QHeaderView.Interactive)  # the check can fail: a name cut is seen
    header.resizeSection(0, fm.horizontalAdvance("Anouk") + PADDING)
    assert any("tells the row apart" in p for p in layout_problems(window))
    header.setSectionResizeMode(0, QHeaderView.Fixed)
    view.search.setText("a")  # a search measures the rows in sight again
    qtbot.waitUntil(lambda: view.search.text() == "a" and not view._filter_timer.isActive())
    check()
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: header.sectionSize(0) == int(table.property("measuredWidths")[0]))


def test_a_quieter_line_is_never_cut_inside_a_number(qtbot, qapp):
    """A cut account line read "@julia.mertens +1 · 33.…" (33 followers?): it ends before
    the number instead; a word may still be cut ("sierlijk letter…"), and a line that fits is whole."""
    from PySide6.QtGui import QFontMetrics

    from desktop.views.cells import quiet_line

    fm = QFontMetrics(qapp.font())
    account = "@julia.mertens +1 · 33.750 volgers"
    inside = fm.horizontalAdvance("@julia.mertens +1 · 33.…") + 1
    assert quiet_line(fm, account, inside) == "@julia.mertens +1 …"
    assert quiet_line(fm, account, fm.horizontalAdvance(account) + 1) == account
    past = fm.horizontalAdvance("@julia.mertens +1 · 33.750 vol…") + 1
    assert quiet_line(fm, account, past).startswith("@julia.mertens +1 · 33.750 ")
    engraving = "Naam: Ingrid, sierlijk lettertype"
    cut = quiet_line(fm, engraving, fm.horizontalAdvance("Naam: Ingrid, sierlijk letter…") + 1)
    assert cut.startswith("Naam: Ingrid, sierlijk lett") and cut.endswith("…")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_narrow_order_pane_keeps_its_dates_whole_and_its_history_in_sight(
        qtbot, demo_db, translator, language, monkeypatch):
    """At 1280 × 720 the Maatwerk pane gives the list the room for its products: a date that
    cannot stand beside its name ("Beloofd bezorgd") goes under it, never broken, and in the
    customer's history the kind of event gives way to its text (whole in its tooltip), so it
    never scrolls sideways. At 1366 the dates stand beside their names, as before."""
    from PySide6.QtWidgets import QFormLayout

    from desktop.views.cells import needed_width

    i18n.set_language(language)
    window = shown_window(qtbot, monkeypatch, size=NARROW, view_key="orders")
    view = window.view("orders")
    for _ in range(3):
        QCoreApplication.processEvents()
    assert view.splitter.sizes()[0] >= needed_width(view.table)
    history = view.detail.findChild(QTableView, "personTimeline")
    assert history.isVisible() and not history.horizontalScrollBar().isVisible()
    kind = history.horizontalHeader()
    assert kind.sectionSize(1) < int(history.property("measuredWidths")[1])
    assert not layout_problems(window)

    def beside() -> bool:
        """Every field of the order's form on the line of its name."""
        form = next(f for f in view.detail.findChildren(QFormLayout) if f.rowCount() > 5)
        return all(form.itemAt(r, QFormLayout.FieldRole).widget().y()
                   == form.itemAt(r, QFormLayout.LabelRole).widget().y() for r in range(form.rowCount()))

    # Dutch "Beloofd bezorgd" leaves no room for "donderdag 26 november 2026" at 1280; English
    # "Deliver by" does, since the form's margins are the pane's own (no extra 9 px a side)
    assert beside() == (language == "en")
    window.resize(1366, 768)
    for _ in range(3):
        QCoreApplication.processEvents()
    qtbot.waitUntil(lambda: kind.sectionSize(1) == int(history.property("measuredWidths")[1]))
    assert beside()
    assert not layout_problems(window)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_an_influencers_reminders_read_whole_beside_their_button(qtbot, demo_db, translator, language, monkeypatch):
    """The pane's reminder lines sit beside an "Open" button: their moment is a list's
    short one, which the narrow line can hold ("… sinds 23 nov 2026, 09:00"); the long
    one ("maandag 23 november 2026, 09:00", never broken inside its date) was cut."""
    from desktop.store.models import Person

    i18n.set_language(language)
    window = shown_window(qtbot, monkeypatch, view_key="influencers")
    view = window.view("influencers")
    fleur = Person.get(Person.name == "Fleur Peeters")
    view.select_person(fleur.id)
    qtbot.waitUntil(lambda: any(b.objectName().startswith("openDue_") and b.isVisible()
                                for b in view.detail.findChildren(QAbstractButton)), timeout=3000)
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()
    lines = [b.parentWidget().findChild(QLabel) for b in view.detail.findChildren(QAbstractButton)
             if b.objectName().startswith("openDue_")]
    assert lines and all(line.text() for line in lines)
    problems = [p for line in lines for p in _wrapped_label_problems(line)]
    assert not problems, problems
    assert not layout_problems(window)


def test_the_check_sees_a_wrapping_label_that_cannot_hold_its_date(qtbot, demo_db, translator, monkeypatch):
    """The check can fail: a date kept whole in a line too narrow for it is reported."""
    from datetime import datetime

    window = shown_window(qtbot, monkeypatch, view_key="influencers")
    view = window.view("influencers")
    label = view.detail.findChild(QLabel)
    label.setWordWrap(True)
    label.setText("tot " + i18n.format_moment(datetime(2026, 11, 23, 9, 0)))
    label.setFixedWidth(label.fontMetrics().horizontalAdvance("tot maandag") + 4)
    assert any("cut at its side" in p for p in _wrapped_label_problems(label))


@pytest.mark.parametrize("size", [*SIZES, NARROW], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_order_reads_whole_in_its_pane(qtbot, demo_db, translator, language, size, monkeypatch):
    """Every order, not only the first: the pane is as wide as its forms need with each
    name beside its value. A date is never broken ("donderdag 26 november 2026"), and beside
    "Beloofd klaar" it ran up to 29 px past the Dutch pane's edge for some orders."""
    i18n.set_language(language)
    window = shown_window(qtbot, monkeypatch, size, view_key="orders")
    view = window.view("orders")
    problems = []
    for row in range(view.model.rowCount()):
        view.table.selectRow(row)
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        qtbot.wait(20)
        window.layout().activate()
        QCoreApplication.processEvents()
        problems += [f"row {row}: {p}" for p in layout_problems(window)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_long_tracking_code_gives_way_to_the_products_and_the_status(qtbot, demo_db, translator, language,
                                                                       monkeypatch):
    """At 1366 a parcel with a bpost code of 24 digits (3232…, the carrier's own format) pushed
    "Producten" down to "…" and the status out of sight behind a sideways scroll bar: the code
    column gives way (ending in "…", whole in its tooltip and the pane); at 1920 it is whole."""
    from desktop.store.models import Shipment

    code = "323299999900001234567890"
    parcel = Shipment.select().where(Shipment.status == "sent").order_by(Shipment.sent_at.desc()).first()
    link = f"https://track.bpost.cloud/btr/web/#/search?itemCode={code}&lang=nl"  # its own: the example's has its own
    Shipment.update(carrier="bpost", tracking_code=code, tracking_url=link).where(Shipment.id == parcel.id).execute()
    i18n.set_language(language)
    window = shown_window(qtbot, monkeypatch, view_key="shipments")
    view = window.view("shipments")
    table, model = view.table, view.table.model()
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 3), Qt.DisplayRole) == code)
    view.select_id(parcel.id)  # its pane shows the tracking link, long too
    for _ in range(3):
        QCoreApplication.processEvents()
    assert view.current_id == parcel.id
    assert not layout_problems(window)
    assert code in model.data(model.index(row, 3), Qt.ToolTipRole)  # whole there, if the column gave way
    window.resize(1920, 1080)
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(3) == int(table.property("measuredWidths")[3]))


def test_the_check_sees_a_cut_column(qtbot, demo_db, translator, monkeypatch):
    """The check can fail: a key column squeezed to a sliver is reported."""
    window = shown_window(qtbot, monkeypatch, view_key="shipments")
    view = window.view("shipments")
    from PySide6.QtWidgets import QHeaderView

    header = view.table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.Interactive)
    header.resizeSection(0, 30)
    problems = layout_problems(window)
    assert any("cut" in p and "table" in p for p in problems), problems


def test_the_check_sees_a_cut_name_even_in_the_free_text_column(qtbot, demo_db, translator, monkeypatch):
    """A list whose name column is its free-text column (it may end in "…", the full
    name in the tooltip) still fails when the name is cut: it is what tells rows apart."""
    from PySide6.QtWidgets import QHeaderView

    window = shown_window(qtbot, monkeypatch, view_key="influencers")
    view = window.view("influencers")
    view.table.setProperty("elideColumn", 0)
    view.table.setProperty("yieldingColumn", -1)  # its handle and followers too
    view.model.elide_column = 0
    header = view.table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.Interactive)
    header.resizeSection(0, 150)
    problems = layout_problems(window)
    assert any("tells the row apart" in p for p in problems), problems


def test_the_window_opens_maximised_the_first_time_then_as_left(qtbot, database):
    from desktop.store import settings

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.windowState() & Qt.WindowMaximized
    window.setWindowState(Qt.WindowNoState)
    window.setGeometry(40, 50, 700, 500)  # inside the small screen of the test platform
    window.save_state()
    assert settings.get("window_geometry")
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert not again.windowState() & Qt.WindowMaximized
    assert again.size().width() == 700


def test_one_way_to_show_a_date_per_kind_of_place():
    from datetime import date, datetime

    nl, en = i18n.formatting_locale("nl"), i18n.formatting_locale("en")
    nbsp = "\u00a0"  # a date is never broken over two lines; a moment only after its comma
    assert i18n.list_date(date(2026, 12, 3), nl) == f"3{nbsp}dec{nbsp}2026"
    assert i18n.detail_date(date(2026, 12, 3), nl) == f"donderdag{nbsp}3{nbsp}december{nbsp}2026"
    assert i18n.list_moment(datetime(2026, 12, 3, 17, 14), nl) == f"3{nbsp}dec{nbsp}2026, 17:14"
    assert i18n.list_date(date(2026, 12, 3), en) == f"3{nbsp}Dec{nbsp}2026"
    assert i18n.list_moment(datetime(2026, 12, 3, 17, 14), en) == f"3{nbsp}Dec{nbsp}2026, 17:14"


def test_a_date_in_a_narrow_label_wraps_before_or_after_it_never_inside(qtbot, qapp):
    """A wrapping label too narrow for "uiterlijk 13 dec 2026" puts the whole date on the
    next line ("uiterlijk / 13 dec 2026"), never "13 dec / 2026"."""
    from datetime import date

    from PySide6.QtGui import QTextLayout

    from desktop.views.base import plain_label

    text = "uiterlijk " + i18n.list_date(date(2026, 12, 13))
    label = plain_label(text)
    qtbot.addWidget(label)
    layout = QTextLayout(text, label.font())
    layout.beginLayout()
    width = label.fontMetrics().horizontalAdvance(i18n.list_date(date(2026, 12, 13))) + 4
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart():line.textStart() + line.textLength()].strip())
    layout.endLayout()
    assert lines == ["uiterlijk", i18n.list_date(date(2026, 12, 13))]


def test_an_address_is_a_line_per_part_and_its_place_stays_whole(qtbot, demo_db, translator, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from desktop.store.models import Shipment
    from desktop.presentation.address_texts import PostalAddress, address_text
    from desktop.presentation.delivery_texts import parcel_of

    nbsp = "\u00a0"
    assert (address_text(PostalAddress("Lange Voorhout 1", "2514 EA", "Den Haag", "NL"), screen=True)
            == f"Lange Voorhout 1\n2514{nbsp}EA{nbsp}Den{nbsp}Haag")
    # a place written over two lines (the United Kingdom): each kept whole, the country named
    assert (address_text(PostalAddress("", "SW1A 2AA", "St Albans", "GB"), screen=True, locale=i18n.formatting_locale("nl"),
                         home="NL") == f"St{nbsp}Albans\nSW1A{nbsp}2AA\nVerenigd Koninkrijk")
    window = shown_window(qtbot, monkeypatch, view_key="shipments")
    view = window.view("shipments")
    shipment = Shipment.select().where(Shipment.person.is_null(False)).first()
    view.select_id(shipment.id)
    to = parcel_of(shipment.custom_order_id, shipment.person) if shipment.custom_order_id else None
    where = to.address() if to is not None else PostalAddress.of_card(shipment.person)
    texts = [label.text() for label in view.detail.findChildren(QLabel)]
    assert address_text(where, screen=True) in texts  # as the formatter writes it, the country when abroad
    if not shipment.tracking_url:
        assert "Link" not in texts  # a field without a value is left out, not shown as a bare label


def test_a_divider_the_owner_dragged_stays_where_she_left_it(qtbot, demo_db, translator, monkeypatch):
    """The list takes width from the pane beside it when its columns need it, but never past
    the width the owner gave it by dragging the divider herself: switching away and back, or
    resizing the window, leaves a pane she made wider as she made it. Without her drag the
    list takes its room back (the same steps, the sizes set by the program); and a list she
    left wide enough is widened again when the window shrinks (her width is not a cut)."""
    from desktop.views.cells import needed_width

    window = shown_window(qtbot, monkeypatch, size=(1600, 800), view_key="shipments")
    view = window.view("shipments")
    qtbot.waitUntil(lambda: view.splitter.sizes()[0] > 0)
    total = sum(view.splitter.sizes())
    narrow = total // 3  # narrower than the list's columns need

    def settle():
        for _ in range(3):
            QCoreApplication.processEvents()

    def away_and_back():
        window.show_view("today")
        window.show_view("shipments")
        settle()

    view.splitter.setSizes([narrow, total - narrow])  # the program, not the owner
    away_and_back()
    assert view.splitter.sizes()[0] > narrow + 20, "the list should take its room back"
    view.splitter.moveSplitter(narrow, 1)  # what dragging the handle does
    left = view.splitter.sizes()
    away_and_back()
    assert view.splitter.sizes() == left
    window.resize(1700, 800)
    settle()
    assert view.splitter.sizes()[0] < needed_width(view.table), "her narrow list stays narrower than its columns"

    # Wide enough by her hand, then a smaller window: the columns stay whole.
    window.resize(1600, 800)
    settle()
    view.splitter.moveSplitter(needed_width(view.table) + 40, 1)
    window.resize(1366, 768)
    settle()
    sizes = view.splitter.sizes()
    pane = view.splitter.widget(1)
    assert sizes[0] >= needed_width(view.table) or sizes[1] <= max(pane.minimumWidth(), pane.minimumSizeHint().width())


@pytest.mark.parametrize("view_key", ["today", "orders", "timeline", "shipments"])
def test_on_a_wide_window_the_pane_takes_the_lists_spare_room(qtbot, demo_db, translator, monkeypatch, view_key):
    """At 1920 × 1080 the Maatwerk pane stayed at its first narrow width beside a list with
    hundreds of pixels to spare (its dates wrapping, its history cut): a pane grows to a
    comfortable width out of the list's spare room, never taking what the list's columns
    need, and not once the owner has placed the divider herself."""
    from desktop.views import theme
    from desktop.views.cells import needed_width

    window = shown_window(qtbot, monkeypatch, size=(1920, 1080), view_key=view_key)
    view = window.view(view_key)
    qtbot.waitUntil(lambda: view.splitter.sizes()[1] >= theme.DETAIL_COMFORT_WIDTH - 2)
    assert view.splitter.sizes()[0] >= needed_width(view.table)
    view.splitter.moveSplitter(sum(view.splitter.sizes()) - theme.DETAIL_MIN_WIDTH - 20, 1)  # her narrow pane
    mine = view.splitter.sizes()
    window.show_view("influencers" if view_key != "influencers" else "today")
    window.show_view(view_key)
    for _ in range(3):
        QCoreApplication.processEvents()
    assert view.splitter.sizes() == mine


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_timelines_text_column_has_room_to_be_read(qtbot, demo_db, translator, language, size, monkeypatch):
    """At 1366 × 768 the Tijdlijn's Tekst column was 200 px ("Beste Fleur, ik probeer u op …"),
    with the detail pane beside it at its comfortable 480 px and the columns before it
    wider than their words: the text column gets the room left after the columns that
    hold a time, a name or a word (each as wide as its widest text, not more), the pane
    keeping its own minimum, and nothing else is cut."""
    from desktop.views import theme

    i18n.set_language(language)
    window = shown_window(qtbot, monkeypatch, size, view_key="timeline")
    view = window.view("timeline")
    for _ in range(3):
        QCoreApplication.processEvents()
    table, model = view.table, view.model
    header, fm = table.horizontalHeader(), table.fontMetrics()
    text_column = model.columnCount() - 1
    room = header.sectionSize(text_column)
    # Some 55 characters: a line a person reads at a glance, not "Beste Fleur, ik probeer u op …".
    assert room >= fm.averageCharWidth() * 55, f"the text column holds {room} px beside {view.splitter.sizes()}"
    rows = [r for r in range(min(model.rowCount(), 100)) if not model.is_heading(r)]
    for column in range(text_column):
        title = str(model.headerData(column, Qt.Horizontal, Qt.DisplayRole))
        widest = max([fm.horizontalAdvance(title)] + [fm.horizontalAdvance(model.data(model.index(r, column)) or "")
                                                      for r in rows])
        assert header.sectionSize(column) <= widest + PADDING + theme.S, f"“{title}” wastes room"
    assert not layout_problems(window)


def _hint_problems(dialog: QWidget) -> list[str]:
    """Every field's grey hint (placeholder) that does not fit its field as shown."""
    from PySide6.QtWidgets import QLineEdit

    problems = []
    for edit in dialog.findChildren(QLineEdit):
        hint = edit.placeholderText()
        if not hint or not edit.isVisibleTo(dialog):
            continue
        room = edit.contentsRect().width() - 2 * 2 - edit.textMargins().left() - edit.textMargins().right() - 4
        needed = edit.fontMetrics().horizontalAdvance(hint)
        if needed > room:
            problems.append(f"{edit.objectName()}: “{hint}” needs {needed} px, has {room}")
    return problems


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_dialogs_hints_read_whole_at_its_opening_size(qtbot, demo_db, translator, language):
    """Audit 9, F11: at the size they open at, the influencer's WhatsApp hint read "Alleen als
    het afwijkt van het telefoonnu…" and the order's "Een letter of naam, bijvoorbeeld M of Lo…"."""
    from desktop.views.influencer_dialog import InfluencerDialog
    from desktop.views.order_dialog import OrderDialog

    from desktop.store.models import CustomOrder

    i18n.set_language(language)
    problems = []
    moving = OrderDialog(None, NOW, CustomOrder.select().where(CustomOrder.status == "in_production").first().id)
    moving.promised_ready.setDate(moving.promised_ready.date().addDays(3))  # the reason for the move shows
    assert moving.change_reason.isVisibleTo(moving)
    for dialog in (InfluencerDialog(None), OrderDialog(None, NOW), moving):
        shown = getattr(dialog, "dialog", dialog)
        qtbot.addWidget(shown)
        shown.show()
        qtbot.waitExposed(shown)
        shown.layout().activate()
        QCoreApplication.processEvents()
        problems += [f"{type(dialog).__name__}: {p}" for p in _hint_problems(shown)]
        shown.close()
    assert not problems, "\n".join(problems)


def _first_products_cut(view) -> list[str]:
    """The first product of each row (``whole_lead``) that does not read whole in its cell."""
    table, model = view.table, view.table.model()
    fm = table.fontMetrics()
    cut = []
    for row in range(model.rowCount()):
        first = (model.data(model.index(row, 1), Qt.DisplayRole) or "").split(", ")[0]
        if first and fm.horizontalAdvance(first) + PADDING > table.visualRect(model.index(row, 1)).width():
            cut.append(first)
    return cut


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_long_tracking_link_wraps_in_the_pane_and_the_products_stay_readable(qtbot, demo_db, translator,
                                                                                language, monkeypatch):
    """At 1366 the pane of a bpost parcel with its long link (and "Andere vervoerder" in the
    list) took the list's room: every product read "Goud…" and the heading "Producter". The
    link wraps in the pane, which is no wider for it, and the code column gives way instead."""
    from desktop.domain import carriers
    from desktop.store.models import Person, Product, Shipment, ShipmentItem
    from desktop.views.base import ZERO_WIDTH_SPACE

    gold = Product.create(key="GS50", sku="GS50", name="Gouden schakelketting", variant="50 cm")
    belgian = Person.select().where(Person.country == "BE").first()
    parcels = []
    for carrier, code in (("other", "ABC-123"), ("bpost", "323212345678901234567890"), ("dhl", "JVGL0123456789")):
        url = carriers.tracking_link(carrier, code, belgian.postcode, "BE", "nl")
        parcel = Shipment.create(person=belgian, carrier=carrier, tracking_code=code, tracking_url=url,
                                 status="ready", created_at=NOW)
        ShipmentItem.create(shipment=parcel, product=gold)
        parcels.append(parcel)
    long_link = parcels[1]
    assert len(long_link.tracking_url) > 80
    i18n.set_language(language)
    window = shown_window(qtbot, monkeypatch, view_key="shipments")
    view = window.view("shipments")

    def settle():
        for _ in range(4):
            QCoreApplication.processEvents()

    Shipment.update(tracking_url="").where(Shipment.id == long_link.id).execute()
    window.refresh_all()
    view.select_id(long_link.id)
    settle()
    without_link = view.detail_scroll.minimumWidth()
    Shipment.update(tracking_url=long_link.tracking_url).where(Shipment.id == long_link.id).execute()
    window.refresh_all()
    view.select_id(parcels[0].id)
    view.select_id(long_link.id)
    settle()
    assert view.current_id == long_link.id
    assert view.detail_scroll.minimumWidth() <= without_link  # the link wraps: the pane is no wider for it
    shown = [label.text().replace(ZERO_WIDTH_SPACE, "") for label in view.detail.findChildren(QLabel)]
    assert long_link.tracking_url in shown
    assert _first_products_cut(view) == []
    assert not layout_problems(window)


def test_a_long_file_name_wraps_in_the_timeline_pane(qtbot, demo_db, translator, monkeypatch):
    """At 1366 an import's file name ran past the edge of the Timeline pane (the ")" out of
    sight): it breaks after its "_", and what she copies from it is the name as it is."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from desktop.domain.order_importers import parse_any
    from desktop.store import shop_orders
    from desktop.store.models import Event
    from desktop.views.base import ZERO_WIDTH_SPACE
    from pathlib import Path


    name = "customer_order_csv_export_one_row_per_order.csv"
    plan = shop_orders.plan_import(parse_any((Path(__file__).parent / "data" / "shop" / "shopify_orders_nl.csv").read_bytes()))
    shop_orders.apply_plan(plan, NOW, file_name=name)
    i18n.set_language("nl")
    window = shown_window(qtbot, monkeypatch, view_key="timeline")
    view = window.view("timeline")
    view.select_id(Event.select().where(Event.fact == "orders_imported").get().id)
    for _ in range(4):
        QCoreApplication.processEvents()
    labels = [label for label in view.detail.findChildren(QLabel)
              if name in label.text().replace(ZERO_WIDTH_SPACE, "")]
    assert labels, "the file's name is in the pane"
    assert not layout_problems(window)
    label = labels[0]
    label.make_selectable()
    label.setFocus()
    label.setSelection(0, len(label.text()))
    QTest.keyClick(label, Qt.Key_C, Qt.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert name in copied and ZERO_WIDTH_SPACE not in copied


@pytest.mark.parametrize("size", [(1366, 768), NARROW], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_lost_parcel_and_its_button_read_whole_in_zendingen(qtbot, demo_db, translator, language, size, monkeypatch):
    """Zendingen's "Kwijt" became "Zoekgeraakt", as Maatwerk and the messages say it: the button
    "Markeren als zoekgeraakt" under a parcel on its way, then the wider status in the list and in
    its filter and the pane of the lost parcel read whole on a laptop."""
    from PySide6.QtWidgets import QPushButton

    from desktop.labels import label
    from desktop.store import shipping
    from desktop.store.models import Shipment

    parcel = Shipment.select().where(Shipment.status == "sent").order_by(Shipment.id).first()
    i18n.set_language(language)
    window = shown_window(qtbot, monkeypatch, size, view_key="shipments")
    view = window.view("shipments")

    def shown(shipment_id: int) -> list[str]:
        view.select_id(shipment_id)
        for _ in range(3):
            QCoreApplication.processEvents()
        assert view.current_id == shipment_id
        return layout_problems(window)

    assert shown(parcel.id) == []
    lose = view.detail.findChild(QPushButton, "action_lose")
    assert lose is not None and lose.text() == i18n.pgettext("shipment action", "Mark as lost")
    shipping.advance(parcel.id, "lose", NOW)
    view.refresh()
    lost = label("shipment_status", "lost")
    assert shown(parcel.id) == [] and lost in view.model.rows[view.model.index_of(parcel.id)].cells
    combo = view.status_filter
    combo.setCurrentIndex(combo.findText(lost))
    for _ in range(3):
        QCoreApplication.processEvents()
    assert combo.currentText() == lost and combo.fontMetrics().horizontalAdvance(lost) + 24 <= combo.width()
    assert shown(parcel.id) == []


def _code_of_width(label: QWidget, width: int) -> str:
    """A tracking code of capitals and digits, as the carriers' are (PostNL's 3S…), exactly
    ``width`` px wide in ``label``'s font and at most ``LONGEST_RUN`` long: one word, with no
    place to break it."""
    import itertools
    import string

    fm = label.fontMetrics()
    extras = ["", *string.ascii_uppercase, *map("".join, itertools.product(string.ascii_uppercase, repeat=2))]
    for wide in range(0, LONGEST_RUN):
        for digits in range(4, LONGEST_RUN - 2 - wide + 1):
            for extra in extras:
                code = "3S" + "W" * wide + "9" * digits + extra
                if len(code) <= LONGEST_RUN and fm.horizontalAdvance(code) == width:
                    return code
    raise AssertionError(f"no code {width} px wide")


@pytest.mark.parametrize("size", [(1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["nl"])  # English: test_every_form_of_a_pane_wraps_a_value_that_does_not_fit
def test_a_code_a_few_pixels_too_wide_to_stand_beside_its_name_goes_under_it(qtbot, demo_db, translator, language,
                                                                             size, monkeypatch):
    """At 1366 × 768 a bpost code in the Zendingen pane ran a few pixels past the form and lost
    half its last digit: QFormLayout wraps a row (WrapLongRows) when the name's width plus the
    value's minimum is wider than the form, without the gap between them, and then places the
    value after that gap. A value up to that gap too wide stayed beside its name, clipped at
    the form's edge. Now it goes under its name; one that fits stays beside it."""
    from PySide6.QtWidgets import QFormLayout

    from desktop.domain import carriers
    from desktop.store.models import Shipment

    i18n.set_language(language)
    parcel = Shipment.select().where(Shipment.carrier == "bpost", Shipment.status == "sent").first()
    window = shown_window(qtbot, monkeypatch, size, view_key="shipments")
    view = window.view("shipments")

    def pane():
        view.select_id(parcel.id)
        for _ in range(4):
            QCoreApplication.processEvents()
        [form] = [f for f in view.detail.findChildren(QFormLayout) if f.parentWidget().isVisible()]
        rows = [(form.itemAt(r, QFormLayout.LabelRole).widget(), form.itemAt(r, QFormLayout.FieldRole).widget())
                for r in range(form.rowCount())]
        return form, rows

    def shown_code(code: str):
        url = carriers.tracking_link("bpost", code, "3000", "BE", language)
        Shipment.update(tracking_code=code, tracking_url=url).where(Shipment.id == parcel.id).execute()
        window.refresh_all()
        form, rows = pane()
        [(name, value)] = [(n, v) for n, v in rows if v.text().replace(ZERO_WIDTH, "") == code]
        return form, name, value

    def names(rows) -> int:  # the widest name, without the gap after it
        return max(n.sizeHint().width() - n.contentsMargins().right() for n, _v in rows)

    form = shown_code("3SWWWWW9999999999")[0]  # a long code in the list: the pane settles
    rows = pane()[1]
    for short_by in (1, 3):  # too wide by less than the gap between a name and its value
        for _ in range(4):  # the pane may give the list room for the new code: measured again
            width, widest = form.geometry().width(), names(rows)
            code = _code_of_width(rows[0][1], width - widest - short_by)
            assert len(code) <= LONGEST_RUN  # one word: no place to break it
            form, name, value = shown_code(code)
            rows = pane()[1]
            if (form.geometry().width(), names(rows)) == (width, widest):
                break
        assert value.geometry().right() < form.geometry().width(), (code, value.geometry(), form.geometry())
        assert value.geometry().top() > name.geometry().top()  # under its name
        assert not layout_problems(window)
    if _SHOTS:
        window.grab().save(f"/tmp/marker-wrap-shots/wrap_{language}_{size[0]}.png")
    # a code that fits beside its name stays beside it
    code = _code_of_width(value, form.geometry().width() - max(n.sizeHint().width() for n, _v in rows))
    form, name, value = shown_code(code)
    assert value.geometry().top() == name.geometry().top() and value.geometry().left() > name.geometry().left()
    assert value.geometry().right() < form.geometry().width()
    assert not layout_problems(window)


ZERO_WIDTH = "\u200b"
_SHOTS = False  # True: the screens of the test above in /tmp/marker-wrap-shots (to look at, not asserted)


@pytest.mark.parametrize("wrap", [True, False])
def test_every_form_of_a_pane_wraps_a_value_that_does_not_fit(qtbot, wrap):
    """``ListView.add_fields`` (every pane's names and values) on its own, at every width around
    the one where a long code no longer fits beside its name: beside it while it fits, under
    it from the first pixel it does not (a pane whose fields wrap), never past the form's edge."""
    from types import SimpleNamespace

    from PySide6.QtWidgets import QFormLayout, QVBoxLayout

    from desktop.views.base import ListView

    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    code = "3SWWWW99999999999999"
    ListView.add_fields(SimpleNamespace(fields_wrap=wrap), layout, [
        ("Status", "Sent"), ("Tracking code", code), ("Receipt confirmed", "not yet")])
    [form] = page.findChildren(QFormLayout)
    rows = [(form.itemAt(r, QFormLayout.LabelRole).widget(), form.itemAt(r, QFormLayout.FieldRole).widget())
            for r in range(form.rowCount())]
    name, value = rows[1]
    widest = max(n.sizeHint().width() for n, _v in rows)
    page.show()
    fits = widest + value.minimumWidth()  # the gap after the name included
    for width in range(fits - 8, fits + 3):
        page.resize(max(width, page.minimumSizeHint().width()), 400)
        layout.activate()
        QCoreApplication.processEvents()
        beside = value.geometry().top() == name.geometry().top()
        assert value.geometry().right() < form.geometry().width() or not wrap and page.width() > width
        if wrap:
            assert beside == (form.geometry().width() >= fits), (width, value.geometry(), form.geometry())
        if beside:  # a gap between a name and its value
            assert value.geometry().left() >= name.fontMetrics().horizontalAdvance(name.text()) + 4
