"""A name with "&" in it is shown as typed in menus, buttons and check boxes (badinput #8).

Qt reads "&" in the text of a menu item, a button or a check box as the mark of an Alt
shortcut: the tray's reminder for "Anna & Bo", Edit → Undo after a parcel to her, the undo
button and an order's to-do "Graveren & poetsen" showed "Anna _Bo" (the B underlined, and
Alt+B pressing it). ``rows.shortcut_safe`` writes "&&" for every "&" of user text there.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QKeySequence, QTextDocument, QUndoCommand
from PySide6.QtWidgets import QCheckBox

from desktop import i18n
from desktop.store.models import CustomOrder, Person
from desktop.views.rows import shortcut_safe, without_shortcut
from tests.conftest import NOW
from tests.helpers import Item


def shows(text: str) -> str:
    """What Qt draws for a menu item, button or check box text (the shortcut mark gone)."""
    return without_shortcut(text)


def test_the_helpers():
    assert shortcut_safe("Anna & Bo") == "Anna && Bo"
    assert without_shortcut("&Ongedaan maken: zending naar Anna && Bo") == "Ongedaan maken: zending naar Anna & Bo"
    assert QKeySequence.mnemonic(shortcut_safe("Anna & Bo")).isEmpty()


def test_the_tray_menu_names_anna_and_bo(qtbot, translator):
    from desktop.tray import Tray

    tray = Tray(available=True, describe=lambda item: f"{item.person_name}: {item.title}")
    tray.set_items([Item("a", NOW, person_name="Anna & Bo")])
    texts = [action.text() for action in tray.menu.actions()]
    tray.hide()
    shown = [t for t in texts if "Anna" in t]
    assert shown and shows(shown[0]) == "Anna & Bo: Reel is 2 dagen te laat"
    assert QKeySequence.mnemonic(shown[0]).isEmpty()


def test_edit_undo_and_the_undo_button_name_anna_and_bo(qtbot, database, translator):
    from desktop.views.main_window import MainWindow

    i18n.set_language("nl")
    window = MainWindow()
    qtbot.addWidget(window)

    class Sent(QUndoCommand):
        def undo(self):
            pass

        def redo(self):
            pass

    window.push_undoable(Sent("zending naar Anna & Bo <b>x</b>"))
    assert shows(window.undo_action.text()) == "Ongedaan maken: zending naar Anna & Bo <b>x</b>"
    assert QKeySequence.mnemonic(window.undo_action.text()).toString() == "Alt+O"  # the menu's own, kept
    assert shows(window.undo_button.text()) == "Ongedaan maken: zending naar Anna & Bo <b>x</b>"
    assert QKeySequence.mnemonic(window.undo_button.text()).isEmpty()
    tooltip = QTextDocument()
    tooltip.setHtml(window.undo_button.toolTip())
    assert tooltip.toPlainText() == "Ongedaan maken: zending naar Anna & Bo <b>x</b>"  # not "Anna  Bo", not bold
    window.undo_action.trigger()
    assert shows(window.redo_action.text()) == "Opnieuw: zending naar Anna & Bo <b>x</b>"


def test_an_orders_to_do_reads_graveren_en_poetsen(qtbot, database, translator):
    from desktop.views.main_window import MainWindow

    person = Person.create(name="Klant & Co", is_customer=True)
    CustomOrder.create(person=person, ordered_on=NOW.date(), promised_ready=NOW.date() + timedelta(days=5),
                       personalisation="Letter A", checklist=[{"text": "Graveren & poetsen", "done": False}])
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_view("orders")
    view = window.view("orders")
    view.table.selectRow(view.model.first_row() if hasattr(view.model, "first_row") else 0)
    boxes = [b for b in view.detail.findChildren(QCheckBox) if "Graveren" in b.text()]
    assert boxes and shows(boxes[0].text()) == "Graveren & poetsen"
    assert QKeySequence.mnemonic(boxes[0].text()).isEmpty()
