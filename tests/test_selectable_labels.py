"""The text of the panes can be selected and copied with the mouse (views/base.py,
SelectableLabel): a label gets Qt's text document for that when the mouse first reaches
it, not when it is made (fifty labels a pane; docs/PERFORMANCE.md, fix 51)."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QEnterEvent
from PySide6.QtWidgets import QApplication

from desktop.views.base import plain_label


def selectable(label) -> bool:
    return bool(label.textInteractionFlags() & Qt.TextSelectableByMouse)


def test_a_label_becomes_selectable_when_the_mouse_comes_to_it(qtbot):
    label = plain_label("Fleur Peeters <b>niet vet</b>")
    qtbot.addWidget(label)
    label.show()
    assert not selectable(label)  # nothing made for it until the pointer is there
    QApplication.sendEvent(label, QEnterEvent(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5)))
    assert selectable(label)
    assert label.textFormat() == Qt.PlainText  # still shown as typed
    label.setSelection(0, 5)
    assert label.selectedText() == "Fleur"


def test_a_press_or_its_menu_makes_it_selectable_without_hovering_first(qtbot):
    pressed, asked = plain_label("Meir 8, Antwerpen"), plain_label("fleur@example.be")
    for label in (pressed, asked):
        qtbot.addWidget(label)
        label.show()
    qtbot.mousePress(pressed, Qt.LeftButton, pos=QPoint(3, 3))
    assert selectable(pressed)
    QApplication.sendEvent(asked, QContextMenuEvent(QContextMenuEvent.Keyboard, QPoint(3, 3), asked.mapToGlobal(QPoint(3, 3))))
    assert selectable(asked)
    menu = QApplication.activePopupWidget()  # Qt's own Copy / Select All, as for any selectable label
    if menu is not None:
        menu.close()
