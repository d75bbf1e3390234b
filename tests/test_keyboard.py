"""Afspraak by keyboard alone: arrow keys, Tab, mnemonics, focus after an action, names.

A shop owner with a sore wrist, or one who listens to a screen reader, works the whole
app from the keyboard: the arrow keys go from event to event, Tab reads the screen in
order and never gets stuck, Alt+letter opens one thing only, and every button says what
it does.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QWidget as QWidget_

from desktop import i18n
from desktop.store.models import Event, Person
from tests.conftest import NOW
from tests.helpers import make_window




@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_timelines_arrow_keys_pass_over_its_day_headings(qtbot, database, translator, language):
    """Down from the last event of a day went to that day's... next heading and stopped
    there, the pane empty; on Vandaag the keys pass over a group's heading. The timeline
    now does the same (one shared way of being a heading row)."""
    sanne = Person.create(name="Sanne", is_influencer=True)
    for days, text in ((0, "Vandaag"), (1, "Gisteren"), (3, "Eerder")):
        for n in range(2):
            Event.create(at=NOW - timedelta(days=days, minutes=n), kind="note", text=f"{text} {n}", person=sanne)
    window = make_window(qtbot, language)
    window.show_view("timeline")
    view = window.view("timeline")
    table, model = view.table, view.model
    headings = model.heading_rows()
    assert len(headings) == 3
    table.setFocus()
    rows = [table.currentIndex().row()]
    for _ in range(model.rowCount()):
        QTest.keyClick(table, Qt.Key_Down)
        rows.append(table.currentIndex().row())
    assert not set(rows) & set(headings), rows
    assert rows[-1] == model.rowCount() - 1  # to the last event, no further
    assert sorted(set(rows)) == [r for r in range(model.rowCount()) if r not in headings]
    for _ in range(model.rowCount()):
        QTest.keyClick(table, Qt.Key_Up)
        assert not model.is_heading(table.currentIndex().row())
    assert table.currentIndex().row() == 1  # the newest event, under its day's heading
    assert view.current_id == model.event_at(1).id  # the pane follows the keys
    QTest.keyClick(table, Qt.Key_End, Qt.ControlModifier)
    assert table.currentIndex().row() == model.rowCount() - 1
    QTest.keyClick(table, Qt.Key_Home, Qt.ControlModifier)
    assert table.currentIndex().row() == 1
    # the day's heading keeps its own text colour (not greyed out as a disabled row)
    top = model.index(0, 0)
    assert model.data(top, Qt.ForegroundRole) is not None


def _mnemonic(text: str) -> str | None:
    from PySide6.QtGui import QKeySequence

    keys = QKeySequence.mnemonic(text)
    return None if keys.isEmpty() else keys.toString()


def _clashes(texts: list[str]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for text in texts:
        key = _mnemonic(text)
        if key:
            seen.setdefault(key, []).append(text)
    return {key: named for key, named in seen.items() if len(named) > 1}


def _menu_clashes(menu, path: str, out: dict) -> None:
    actions = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    for key, named in _clashes([a.text() for a in actions]).items():
        out[f"{path} {key}"] = named
    for action in actions:
        if action.menu():
            _menu_clashes(action.menu(), f"{path} > {action.text()}", out)


def _widget_texts(root) -> list[str]:
    """The texts whose "&" letter Alt presses in ``root``: buttons, check boxes, labels with
    a buddy, group boxes (those visible; menus are counted apart)."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    texts = []
    for widget in root.findChildren(QAbstractButton) + root.findChildren(QLabel) + root.findChildren(QGroupBox):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
    return texts


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_two_menu_items_share_an_alt_letter(qtbot, demo_db, translator, language):
    """File had &Quick note… and &Quit (Alt+Q chose neither at once); Bestand had
    &agenda / &Afsluiten and &Importeren / &Instellingen, Bewerken &Ongedaan maken /
    &Opnieuw. Every menu, in both languages, now has one item per letter, and each
    item of Bestand (the ticks too) has a letter of its own."""
    window = make_window(qtbot, language)
    clashes: dict = {}
    bar = window.menuBar()
    for key, named in _clashes([a.text() for a in bar.actions()]).items():
        clashes[f"menu bar {key}"] = named
    for action in bar.actions():
        _menu_clashes(action.menu(), action.text(), clashes)
    assert clashes == {}
    file_menu = bar.actions()[0].menu()
    unmarked = [a.text() for a in file_menu.actions() if not a.isSeparator() and _mnemonic(a.text()) is None]
    assert unmarked == []
    languages = window._action("actionDutch").text(), window._action("actionEnglish").text()
    assert [_mnemonic(t) for t in languages] == ["Alt+N", "Alt+E"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_two_buttons_of_a_view_share_an_alt_letter_with_the_menus(qtbot, demo_db, translator, language):
    """Alt+letter in the window: the menu bar's titles and every visible button of the
    view on screen and of the products dock press one thing only."""
    window = make_window(qtbot, language)
    bar = [a.text() for a in window.menuBar().actions()]
    for name in ("today", "influencers", "shipments", "orders", "timeline"):
        window.show_view(name)
        QApplication.processEvents()
        assert _clashes(bar + _widget_texts(window.centralWidget()) + _widget_texts(window.shipping.catalogue)) == {}, name


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_product_dialogs_alt_letters_are_each_its_own(qtbot, database, translator, language):
    """Naam and Inkoopprijs both answered Alt+N; Price and Choose a picture Alt+P."""
    from desktop.views.shipping_dialogs import ProductDialog

    i18n.set_language(language)
    dialog = ProductDialog(None).dialog
    qtbot.addWidget(dialog)
    dialog.show()
    assert _clashes(_widget_texts(dialog)) == {}


def _every_dialog():
    """Every dialog with fields, on the example shop: (name, the dialog)."""
    from desktop.clock import utcnow
    from desktop.store.models import Collaboration, CustomOrder
    from desktop.views.collaboration_dialog import CollaborationDialog
    from desktop.views.content_dialog import ContentDialog
    from desktop.views.influencer_dialog import InfluencerDialog
    from desktop.views.order_dialog import OrderDialog
    from desktop.views.settings_window import SettingsWindow
    from desktop.views.shipping_dialogs import ProductDialog, ShipmentDialog
    from desktop.views.small_dialogs import BlockDialog, EndDialog, MessageDialog, RatingDialog, StrikeDialog

    sanne = Person.get(Person.name == "Sanne de Vries")
    collab = Collaboration.get(Collaboration.person == sanne)
    order = CustomOrder.get(CustomOrder.order_number == "#1033")
    return [
        ("influencer", InfluencerDialog(None, sanne)), ("new influencer", InfluencerDialog(None)),
        ("collaboration", CollaborationDialog(None, collaboration=collab)),
        ("order", OrderDialog(None, utcnow(), order_id=order.id)), ("content", ContentDialog(None, collab)),
        ("strike", StrikeDialog(None, sanne, collab)), ("rating", RatingDialog(None, collab)),
        ("end", EndDialog(None, collab)), ("block", BlockDialog(None, sanne)),
        ("message", MessageDialog(None, sanne, "Hoi Sanne")),
        ("parcel", ShipmentDialog(None, sanne.id, []).dialog), ("product", ProductDialog(None).dialog),
        ("settings", SettingsWindow(None)),  # its pages: tests/test_first_run_keys.py
    ]


def _unmarked(dialog) -> list[str]:
    """The fields in sight without an Alt letter: a label with a buddy, a check box, a radio
    button (not one whose text another has too: a row of the same choices per point)."""
    from collections import Counter

    from PySide6.QtWidgets import QCheckBox, QLabel, QRadioButton

    boxes = [box for box in dialog.findChildren(QCheckBox) + dialog.findChildren(QRadioButton) if box.text()]
    repeated = {text for text, count in Counter(box.text() for box in boxes).items() if count > 1}
    fields = [label for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    fields += [box for box in boxes if box.text() not in repeated]
    return [field.text() for field in fields if field.isVisibleTo(dialog) and _mnemonic(field.text()) is None]


def _all_texts(root) -> list[str]:
    """``_widget_texts`` of everything under ``root``, in sight or not (a page of Settings
    not shown, a field that appears once a date moves)."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    return ([w.text() for w in root.findChildren(QAbstractButton)]
            + [w.text() for w in root.findChildren(QLabel) if w.buddy() is not None]
            + [w.title() for w in root.findChildren(QGroupBox)])


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_field_of_a_dialog_has_an_alt_letter_of_its_own(qtbot, demo_db, translator, language):
    """Alt and a letter goes to a field in every dialog, in either language (audit 9): each
    field's label, check box and radio button has a letter ("Stille uren…" and "Afspraak
    starten als ik inlog" in Settings had none), and on each tab no two things share one; a
    dialog without tabs (Settings, its pages too) has each letter once. The name's letter in
    "Nieuwe influencer" (Alt+N) goes to the name."""
    from PySide6.QtWidgets import QCheckBox, QLabel, QTabWidget

    i18n.set_language(language)
    boxes_seen = 0
    for name, dialog in _every_dialog():
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        tabs = dialog.findChildren(QTabWidget)
        pages = getattr(dialog, "stack", None)  # Settings: its pages one after another
        for index in range(tabs[0].count() if tabs else pages.count() if pages is not None else 1):
            if tabs:
                tabs[0].setCurrentIndex(index)
                QApplication.processEvents()
            elif pages is not None:
                dialog.pages.setCurrentRow(index)
                QApplication.processEvents()
            texts = _widget_texts(dialog)
            assert _clashes(texts) == {}, (name, index)
            assert _unmarked(dialog) == [], (name, index)
            boxes_seen += sum(box.isVisibleTo(dialog) for box in dialog.findChildren(QCheckBox))
        if not tabs:
            assert _clashes(_all_texts(dialog)) == {}, name
        dialog.close()
    assert boxes_seen >= 8  # Settings' four, the parcel's, the rating's, the end's two, the order's
    from desktop.views.influencer_dialog import InfluencerDialog

    dialog = InfluencerDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    name_label = next(label for label in dialog.findChildren(QLabel) if label.buddy() is dialog.w("name"))
    letter = _mnemonic(name_label.text())
    assert letter == "Alt+N"
    dialog.w("notes").setFocus()
    QTest.keyClick(dialog, Qt.Key_N, Qt.AltModifier)
    assert QApplication.focusWidget() is dialog.w("name")


def test_the_language_question_and_a_question_with_a_box_give_their_choices_letters(qtbot, qapp, translator,
                                                                                   language_question):
    """The first start's "Nederlands / English" and the box under the erase question ("Also
    from the backups") had no Alt letter; each now has its own, none of the buttons'."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog, QRadioButton

    from desktop.views import dialogs

    box, check = dialogs.option_box(None, "Vraag", "Zeker?", "Ook uit de reservekopieën")
    qtbot.addWidget(box)
    box.show()
    QApplication.processEvents()
    assert _mnemonic(check.text()) is not None
    assert _clashes(_widget_texts(box)) == {}

    seen = []

    def look():
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QDialog) and w.objectName() == "languageQuestion" and w.isVisible()), None)
        if dialog is None:  # its exec() has not shown it yet: look again on the next turn
            QTimer.singleShot(0, look)
            return
        seen.extend(_widget_texts(dialog))
        seen.append([_mnemonic(b.text()) for b in dialog.findChildren(QRadioButton)])
        dialog.accept()

    QTimer.singleShot(0, look)
    assert language_question.real(None) == "nl"
    *texts, letters = seen
    assert letters == ["Alt+N", "Alt+E"] and _clashes(texts) == {}


def _tab_walk(start, presses: int = 80) -> list:
    """The widgets Tab gives the focus to, one press at a time from ``start``."""
    start.setFocus()
    QApplication.processEvents()
    seen = []
    for _ in range(presses):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        seen.append(QApplication.focusWidget())
        if seen[-1] is start:
            break
    return seen


@pytest.mark.parametrize("name", ["today", "influencers", "shipments", "orders", "timeline"])
def test_tab_leaves_every_list_and_comes_round_again(qtbot, demo_db, translator, name):
    """Tab into a view's list went from cell to cell and never out of it: the pane's
    buttons, the filters and the sidebar could not be reached without the mouse. The
    list is one stop; Tab goes on through the view and back round to the sidebar."""
    window = make_window(qtbot)
    window.show_view(name)
    QApplication.processEvents()
    view = window.view(name)
    walk = _tab_walk(window.sidebar)
    assert walk[-1] is window.sidebar, [type(w).__name__ + ":" + w.objectName() for w in walk[:8]]
    assert walk.count(view.table) == 1
    products = window.shipping.catalogue.table
    assert walk.count(products) == (1 if products.isVisible() else 0)


def _forms_with_traps() -> list[str]:
    """Every built form's fields that keep Tab to themselves: a text box that types a tab
    character, a table that walks its cells with it."""
    from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit, QTextEdit

    from desktop.views.forms import load_form
    from desktop.views.ui_forms import FORMS

    traps = []
    for name in FORMS:
        form = load_form(name)
        for box in form.findChildren(QPlainTextEdit) + form.findChildren(QTextEdit):
            if not box.isReadOnly() and not box.tabChangesFocus():
                traps.append(f"{name}: {box.objectName()}")
        for view in form.findChildren(QAbstractItemView):
            if view.tabKeyNavigation():
                traps.append(f"{name}: {view.objectName()}")
        form.deleteLater()
    return traps


def test_no_field_of_a_form_keeps_tab_to_itself(qtbot, database, translator):
    """Tab in the notes of an influencer, a caption, a strike's note, a rating, the end
    message, a message, an order's note or body typed a tab character and stayed; the
    deliverables and products tables of a collaboration walked their cells for ever. In
    every form Tab now moves on (Ctrl+Tab is no way out a shop owner knows)."""
    assert _forms_with_traps() == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_tab_reaches_save_in_the_dialogs_with_a_text_box(qtbot, demo_db, translator, language):
    from desktop.store.models import Collaboration
    from desktop.views.collaboration_dialog import CollaborationDialog
    from desktop.views.influencer_dialog import InfluencerDialog
    from desktop.views.small_dialogs import MessageDialog

    i18n.set_language(language)
    sanne = Person.get(Person.name == "Sanne de Vries")
    for dialog in (InfluencerDialog(None, sanne), MessageDialog(None, sanne, "Hoi Sanne"),
                   CollaborationDialog(None, collaboration=Collaboration.get(Collaboration.person == sanne))):
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        walk = _tab_walk(QApplication.focusWidget() or dialog)
        buttons = [w for w in walk if w.metaObject().className() == "QPushButton"]
        assert buttons, (dialog.windowTitle(), [w.objectName() for w in walk[:10]])
        dialog.close()


def _row_and_column(widget, view):
    from PySide6.QtCore import QPoint

    top_left = widget.mapTo(view.window(), QPoint(0, 0))
    return top_left.y() + widget.height() // 2, top_left.x()


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name", ["today", "influencers", "shipments", "orders", "timeline"])
def test_tab_reads_a_view_as_it_is_laid_out(qtbot, demo_db, translator, name, language):
    """Tab went search, list, pane, and only then the buttons and filters above the list;
    the buttons of the detail pane came after the whole products panel. Now: what is above
    the list from top to bottom and left to right, the list, then the pane and its
    buttons, then the products panel."""
    window = make_window(qtbot, language)
    window.resize(1366, 768)
    window.show_view(name)
    QApplication.processEvents()
    view = window.view(name)
    walk = _tab_walk(window.sidebar)
    inside = [w for w in walk if view.isAncestorOf(w)]
    table = inside.index(view.table)
    above = inside[:table]
    assert walk[0] is above[0] and view.search in above  # from the sidebar into the view's top
    spots = [_row_and_column(w, view) for w in above]
    assert all(b[0] > a[0] - 6 for a, b in zip(spots, spots[1:])), [w.objectName() for w in above]  # top to bottom
    for (ya, xa), (yb, xb) in zip(spots, spots[1:]):
        if abs(ya - yb) < 6:
            assert xa < xb, [w.objectName() for w in above]  # along a row, left to right
    pane = inside[table + 1:]
    assert all(view.pages.isAncestorOf(w) for w in pane), [w.objectName() for w in pane]
    assert [w for w in walk if window.shipping.catalogue.isAncestorOf(w)] == \
        [w for w in walk[walk.index(inside[-1]):] if window.shipping.catalogue.isAncestorOf(w)]


def _pane_button(view, text: str):
    from PySide6.QtWidgets import QPushButton

    return next(b for b in view.pages.findChildren(QPushButton) if b.text() == text and b.isVisibleTo(view))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_after_saving_from_the_pane_the_focus_is_on_her_row(qtbot, demo_db, translator, monkeypatch, language):
    """Edit in the pane, Save: the pane was built again, the button she pressed was gone and
    the focus with it (Tab then started from the top of the window). The focus now goes to
    the list, on the row the dialog was about, so the arrow keys and Tab go on from there."""
    from desktop.views import dialogs

    window = make_window(qtbot, language)
    window.show_view("influencers")
    view = window.view("influencers")
    lien = Person.get(Person.name == "Lien Wouters")
    view.select_person(lien.id)
    QApplication.processEvents()
    edit = _pane_button(view, "Bewerken…" if language == "nl" else "Edit…")
    edit.setFocus()

    def save(dialog):
        dialog.buttons.accepted.emit()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run", save)
    QTest.keyClick(edit, Qt.Key_Space)
    QApplication.processEvents()
    assert window.focusWidget() is view.table
    assert view.model.rows[view.table.currentIndex().row()].id == lien.id
    cancel = _pane_button(view, "Bewerken…" if language == "nl" else "Edit…")
    cancel.setFocus()
    monkeypatch.setattr(dialogs, "run", lambda dialog: False)
    QTest.keyClick(cancel, Qt.Key_Space)
    assert window.focusWidget() is cancel  # nothing changed: she is where she was


def test_after_marking_an_order_ready_the_focus_is_on_its_row(qtbot, demo_db, translator, monkeypatch):
    """Markeren als klaar in the Maatwerk pane: the pane changed under her; the focus goes
    to the order's row, not to the top of the window."""
    from desktop.store.models import CustomOrder
    from desktop.views import dialogs

    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)  # no message to the customer now
    window = make_window(qtbot)
    window.show_view("orders")
    view = window.view("orders")
    QApplication.processEvents()
    order_id = view.current_id
    ready = view.pages.findChild(QWidget_, "nextStatus")
    ready.setFocus()
    QTest.keyClick(ready, Qt.Key_Space)
    QApplication.processEvents()
    assert window.focusWidget() is view.table
    assert view.current_id == order_id and CustomOrder.get_by_id(order_id).status == "ready"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_products_go_to_the_chosen_influencer_by_keyboard_alone(qtbot, demo_db, translator, monkeypatch, language):
    """The drag of products onto an influencer has a route without the mouse: her row in
    the list, the products in the panel (Ctrl+P), Ctrl+Shift+S. The "Send to…" list now
    starts on the influencer chosen in the list, so Enter sends to her; Down in its search
    field goes to the next name. The parcel is made by the drop's own code
    (ShippingController.send_products)."""
    from desktop.store.models import Product
    from desktop.views import dialogs
    from desktop.views.shipping_dialogs import Chooser

    window = make_window(qtbot, language)
    window.show_view("influencers")
    view = window.view("influencers")
    sanne = Person.get(Person.name == "Sanne de Vries")
    view.select_person(sanne.id)
    offered = []

    def choose(parent, title, prompt, entries, current=None):
        form = Chooser(parent, title, prompt, entries, current=current)
        qtbot.addWidget(form.dialog)
        form.dialog.show()
        offered.append(form)
        QTest.keyClick(form.filter, Qt.Key_Return)
        return form.result

    sent = []
    monkeypatch.setattr(dialogs, "choose", choose)
    monkeypatch.setattr(dialogs, "ask_shipment",
                        lambda parent, person_id, ids, collaboration_id=None: sent.append((person_id, ids)))
    catalogue = window.shipping.catalogue
    catalogue.show()
    ids = [Product.get(Product.sku == s).id for s in ("ZK-001", "OR-101")]
    catalogue.select_ids(ids)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    catalogue.table.setFocus()
    QTest.keyClick(catalogue.table, Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)
    assert [(person, sorted(products)) for person, products in sent] == [(sanne.id, sorted(ids))]
    form = offered[0]
    before = form.current_row()
    QTest.keyClick(form.filter, Qt.Key_Down)
    assert form.current_row() > before
    QTest.keyClick(form.filter, Qt.Key_Up)
    assert form.current_row() == before


def _unnamed(root) -> list[str]:
    """Stops of ``root`` a screen reader can only call "button", "combo box", "table":
    no text of their own, no accessible name, no label that names them (a buddy)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from desktop.views.base import tab_stops

    named_by_label = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for widget in tab_stops(root):
        if not widget.isVisibleTo(root) or id(widget) in named_by_label or widget.accessibleName():
            continue
        if isinstance(widget, QAbstractButton) and widget.text().strip("×+-–…. "):
            continue
        missing.append(f"{type(widget).__name__}:{widget.objectName()}")
    return missing


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_stop_of_the_views_has_a_name(qtbot, demo_db, translator, language):
    """The timeline's filters, the lists and the products panel were read as "combo box",
    "table": each now says what it is, in her language."""
    window = make_window(qtbot, language)
    found = {}
    for name in ("today", "influencers", "shipments", "orders", "timeline"):
        window.show_view(name)
        QApplication.processEvents()
        missing = _unnamed(window.view(name)) + _unnamed(window.shipping.catalogue)
        if missing:
            found[name] = missing
    assert found == {}, repr(found)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_reminder_popups_close_button_says_what_it_does(qtbot, translator, language):
    """The popup's "×" was read as "×" and had no tooltip."""
    from PySide6.QtWidgets import QToolButton

    from desktop.tray import ReminderPopup

    i18n.set_language(language)
    popup = ReminderPopup()
    qtbot.addWidget(popup)
    close = popup.findChild(QToolButton, "closeButton")
    assert close.accessibleName() == ("Sluiten" if language == "nl" else "Close")
    assert close.toolTip() == close.accessibleName()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_enter_on_a_row_does_what_a_double_click_does(qtbot, demo_db, translator, monkeypatch, language):
    """A double-click on an influencer or an order opens it to edit, on an event opens what
    it is about; Enter on the row did nothing, so without a mouse there was no way in."""
    from desktop.store.models import Collaboration
    from desktop.views import dialogs

    opened = []
    monkeypatch.setattr(dialogs, "run", lambda dialog: opened.append(dialog.windowTitle()) or False)
    window = make_window(qtbot, language)
    window.show_view("influencers")
    view = window.view("influencers")
    lien = Person.get(Person.name == "Lien Wouters")
    view.select_person(lien.id)
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key_Return)
    assert len(opened) == 1 and "Lien Wouters" in opened[0]

    window.show_view("timeline")
    timeline = window.view("timeline")
    timeline.set_filter(kind="agreement")
    row = timeline.model.first_event_row()
    event = timeline.model.event_at(row)
    timeline.table.setCurrentIndex(timeline.model.index(row, 0))
    timeline.table.setFocus()
    QTest.keyClick(timeline.table, Qt.Key_Enter)
    assert window.current_view().key == "influencers"
    assert window.current_view().current_id == Collaboration.get_by_id(event.subject_id).person_id

    # Zendingen: Enter opens the parcel's tracking page (nothing changes); without one it says why.
    from desktop.store.models import Shipment
    from desktop.views import shipments

    links, said = [], []
    monkeypatch.setattr(shipments, "open_link", lambda url: links.append(url) or True)
    tracked, untracked = Shipment.select().order_by(Shipment.id).limit(2)
    page = "https://jouw.postnl.nl/track-and-trace/3SZLVR1234567-NL-3511AB"
    Shipment.update(tracking_url=page).where(Shipment.id == tracked.id).execute()
    Shipment.update(tracking_code="", tracking_url="").where(Shipment.id == untracked.id).execute()
    window.refresh_all()  # written behind the app's back
    window.show_view("shipments")
    parcels = window.view("shipments")
    parcels.status_message.connect(said.append)
    before = [(s.id, s.status) for s in Shipment.select()]
    for parcel in (tracked, untracked):
        parcels.select_id(parcel.id)
        parcels.table.setFocus()
        QTest.keyClick(parcels.table, Qt.Key_Return)
    assert links == [page]
    assert said == [shipments._no_link_text(Shipment.get_by_id(untracked.id))]  # why: tests/test_parcel_links.py
    if language == "en":
        assert said == ["No tracking page for this parcel: it has no tracking code."]
    assert [(s.id, s.status) for s in Shipment.select()] == before


def test_delete_removes_what_is_selected_in_a_forms_list(qtbot, demo_db, translator):
    """In an order's to-do list and pictures, a collaboration's deliverables and products,
    Delete did nothing: only the Remove button beside the list removed the chosen line."""
    from desktop.clock import utcnow
    from desktop.store.models import Collaboration, CustomOrder
    from desktop.views.collaboration_dialog import CollaborationDialog
    from desktop.views.order_dialog import OrderDialog

    order = OrderDialog(None, utcnow(), order_id=CustomOrder.get(CustomOrder.order_number == "#1033").id)
    qtbot.addWidget(order)
    order.show()
    for text in ("Graveren", "Inpakken"):
        order.new_todo.setText(text)
        order.add_todo()
    before = order.checklist.count()
    order.checklist.setCurrentRow(0)
    order.checklist.setFocus()
    QTest.keyClick(order.checklist, Qt.Key_Delete)
    assert order.checklist.count() == before - 1

    sanne = Person.get(Person.name == "Sanne de Vries")
    collab = CollaborationDialog(None, collaboration=Collaboration.get(Collaboration.person == sanne))
    qtbot.addWidget(collab)
    collab.show()
    table = collab.w("deliverables")
    collab.add_deliverable("story", 1, None)
    rows = table.rowCount()
    table.selectRow(rows - 1)
    table.setFocus()
    QTest.keyClick(table, Qt.Key_Delete)
    assert table.rowCount() == rows - 1


@pytest.mark.parametrize("name", ["influencers", "orders", "timeline"])
def test_escape_in_a_search_field_clears_it_then_goes_to_the_list(qtbot, demo_db, translator, name):
    """Escape in the search field did nothing: she had to select and erase what she typed
    to see the whole list again. Escape now clears it; a second Escape goes to the list."""
    window = make_window(qtbot)
    window.show_view(name)
    view = window.view(name)
    view.search.setFocus()
    QTest.keyClicks(view.search, "zzz")
    QTest.keyClick(view.search, Qt.Key_Escape)
    assert view.search.text() == ""
    QTest.keyClick(view.search, Qt.Key_Escape)
    assert window.focusWidget() is view.table


def test_the_collaboration_dialog_opens_on_its_first_field(qtbot, demo_db, translator):
    """It opened with the focus on its tabs, so typing went nowhere; the title field is the
    first field, as in every other dialog."""
    from desktop.store.models import Collaboration
    from desktop.views.collaboration_dialog import CollaborationDialog

    sanne = Person.get(Person.name == "Sanne de Vries")
    for dialog in (CollaborationDialog(None, sanne),
                   CollaborationDialog(None, collaboration=Collaboration.get(Collaboration.person == sanne))):
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        assert dialog.focusWidget() is dialog.w("title")


def test_escape_closes_the_reminder_popup_as_its_close_button_does(qtbot, translator):
    from desktop.tray import ReminderPopup

    popup = ReminderPopup()
    qtbot.addWidget(popup)
    popup.show()
    popup.open_button.setFocus()
    QTest.keyClick(popup.open_button, Qt.Key_Escape)
    assert not popup.isVisible()


@pytest.mark.parametrize("kind,key", [("agreement", "influencers"), ("order", "orders"), ("shipment", "shipments")])
def test_opening_what_an_event_is_about_puts_the_focus_on_its_row(qtbot, demo_db, translator, kind, key):
    """Enter on an event opened the influencer, order or parcel in its view, but the focus
    stayed behind in the timeline, now hidden: the arrow keys moved nothing she could see."""
    window = make_window(qtbot)
    window.show_view("timeline")
    timeline = window.view("timeline")
    timeline.set_filter(kind=kind)
    row = timeline.model.first_event_row()
    timeline.table.setCurrentIndex(timeline.model.index(row, 0))
    timeline.table.setFocus()
    QTest.keyClick(timeline.table, Qt.Key_Return)
    view = window.current_view()
    assert view.key == key
    assert window.focusWidget() is view.table
    assert view.model.rows[view.table.currentIndex().row()].id == view.current_id


def test_enter_in_an_add_field_adds_and_does_not_save_the_dialog(qtbot, demo_db, translator, monkeypatch):
    """Enter in an order's "new to-do" field added the to-do and then pressed Save as well,
    closing the order; Enter in a collaboration's product search added the product and
    saved too. Enter there now only adds."""
    from desktop.clock import utcnow
    from desktop.store.models import Collaboration, CustomOrder
    from desktop.views.collaboration_dialog import CollaborationDialog
    from desktop.views.form_dialog import FormDialog
    from desktop.views.order_dialog import OrderDialog

    saved = []
    order = OrderDialog(None, utcnow(), order_id=CustomOrder.get(CustomOrder.order_number == "#1033").id)
    qtbot.addWidget(order)
    monkeypatch.setattr(order, "accept", lambda: saved.append("order"))
    order.show()
    before = order.checklist.count()
    order.new_todo.setFocus()
    QTest.keyClicks(order.new_todo, "Poetsen")
    QTest.keyClick(order.new_todo, Qt.Key_Return)
    assert order.checklist.count() == before + 1 and saved == []

    monkeypatch.setattr(FormDialog, "_on_ok", lambda self: saved.append("collaboration"))
    sanne = Person.get(Person.name == "Sanne de Vries")
    collab = CollaborationDialog(None, collaboration=Collaboration.get(Collaboration.person == sanne))
    qtbot.addWidget(collab)
    collab.show()
    collab.w("tabs").setCurrentIndex(1)
    search = collab.w("giftSearch").lineEdit()
    search.setFocus()
    QTest.keyClicks(search, "Creolen")
    QTest.keyClick(search, Qt.Key_Return)
    assert collab.w("gifts").rowCount() == 1 and saved == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_enter_on_a_reminder_opens_it_to_send(qtbot, demo_db, translator, monkeypatch, language):
    """On Vandaag, Enter (or a double-click) on a reminder did nothing; the pane's first
    button, "Openen en versturen…", was three Tab presses away. Enter now opens it."""
    from desktop.views import due_dialog

    opened = []
    monkeypatch.setattr(due_dialog, "open_due_item", lambda item, parent: opened.append(item))
    window = make_window(qtbot, language)
    view = window.view("today")
    view.table.setFocus()
    row = view.table.currentIndex().row()
    QTest.keyClick(view.table, Qt.Key_Return)
    assert opened == [view.items[view.model.rows[row].id]]


def test_the_block_dialogs_button_says_block(qtbot, demo_db, translator):
    """Enter pressed "OK": a screen reader said "OK", not what it does."""
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.views.small_dialogs import BlockDialog

    dialog = BlockDialog(None, Person.get(Person.name == "Sanne de Vries"))
    qtbot.addWidget(dialog)
    assert dialog.buttons.button(QDialogButtonBox.Ok).text() == "Blokkeren"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_ctrl_and_a_number_opens_a_view_on_its_list(qtbot, demo_db, translator, language):
    """From deep in a pane the other views were many Shift+Tab presses away (the sidebar is
    the first stop). Ctrl+1 to Ctrl+5 (View menu) open the five views in the sidebar's
    order, with the focus on the list."""
    window = make_window(qtbot, language)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for number, key in enumerate(("today", "influencers", "shipments", "orders", "timeline"), start=1):
        QTest.keyClick(QApplication.focusWidget() or window, getattr(Qt, f"Key_{number}"), Qt.ControlModifier)
        assert window.current_view().key == key
        assert window.focusWidget() is window.view(key).table
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.menu().objectName() == "menuView")
    assert [a.shortcut().toString() for a in view_menu.actions()[:5]] == [f"Ctrl+{n}" for n in range(1, 6)]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_new_influencer_saved_from_the_toolbar_has_the_focus_on_her_row(qtbot, database, translator, monkeypatch,
                                                                         language):
    """New influencer, Save: her row was selected, but the focus stayed on the button above
    the list; Enter then opened yet another new influencer instead of hers."""
    from desktop.views import dialogs

    def save(dialog):
        dialog.w("name").setText("Noor Bakker")
        dialog.buttons.accepted.emit()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run", save)
    window = make_window(qtbot, language)
    window.show_view("influencers")
    view = window.view("influencers")
    button = view.findChild(QWidget_, "newInfluencer")
    button.setFocus()
    QTest.keyClick(button, Qt.Key_Space)
    noor = Person.get(Person.name == "Noor Bakker")
    assert view.current_id == noor.id
    assert window.focusWidget() is view.table


def test_a_new_order_saved_from_the_toolbar_has_the_focus_on_its_row(qtbot, demo_db, translator, monkeypatch):
    from desktop.store.models import CustomOrder
    from desktop.views import dialogs
    from desktop.views import orders as orders_view

    def save(dialog):
        dialog.show()
        dialog.name.setText("Ingrid Jansen")
        dialog.order_number.setText("#1050")
        dialog.personalisation.setText("Letter M")
        dialog.price.setText("24,95")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        dialog.hide()
        return dialog.result()

    monkeypatch.setattr(orders_view, "run_dialog", save)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
    window = make_window(qtbot)
    window.show_view("orders")
    view = window.view("orders")
    button = view.findChild(QWidget_, "newOrder")
    button.setFocus()
    QTest.keyClick(button, Qt.Key_Space)
    order = CustomOrder.get(CustomOrder.order_number == "#1050")
    assert view.current_id == order.id
    assert window.focusWidget() is view.table
