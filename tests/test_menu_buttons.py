"""Buttons that open a menu ("Bericht sturen", "Meer", "Later") keep their arrow apart from
their text: one kind of button (theme.menu_button, a QPushButton), whose width counts the
arrow, never a QToolButton that draws its arrow into the last letter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QAbstractButton, QPushButton, QStyle, QStyleOptionButton, QToolButton

from desktop import i18n, reminders
from desktop.views.due_dialog import DueStepDialog
from desktop.views.main_window import MainWindow

from .conftest import NOW


def _menu_problems(root) -> list[str]:
    out = []
    for button in root.findChildren(QAbstractButton):
        if not button.isVisible() or not hasattr(button, "menu") or button.menu() is None:
            continue
        name = button.objectName() or button.text()
        if isinstance(button, QToolButton) and button.text():
            out.append(f"{name}: a tool button with a menu draws its arrow into the text")
            continue
        option = QStyleOptionButton()
        option.initFrom(button)
        arrow = button.style().pixelMetric(QStyle.PM_MenuButtonIndicator, option, button)
        if button.fontMetrics().horizontalAdvance(button.text()) + arrow + 8 > button.width():
            out.append(f"{name}: {button.width()} px leaves no room for the text and its arrow")
    return out


def test_the_orders_menu_buttons_keep_their_arrow_apart(qtbot, demo_db, translator):
    i18n.set_language("nl")
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_view("orders")
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()
    view = window.view("orders")
    names = {b.objectName() for b in view.detail.findChildren(QPushButton) if b.menu() is not None}
    assert {"sendMessage", "moreActions"} <= names
    assert not _menu_problems(window)


def test_the_due_dialogs_later_button_keeps_its_arrow_apart(qtbot, demo_db, translator):
    item = next(i for i in reminders.plan(NOW) if i.due <= NOW and i.action == "message")
    dialog = DueStepDialog(item, now=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    QCoreApplication.processEvents()
    assert isinstance(dialog.snooze_button, QPushButton) and dialog.snooze_button.menu() is not None
    assert [a.text() for a in dialog.snooze_button.menu().actions()][0] == "Over 1 uur"
    assert not _menu_problems(dialog)


def test_the_check_sees_a_jammed_arrow(qtbot, qapp):
    from PySide6.QtWidgets import QMenu, QWidget

    holder = QWidget()
    qtbot.addWidget(holder)
    jammed = QToolButton(holder)
    jammed.setText("Meer")
    jammed.setPopupMode(QToolButton.InstantPopup)
    jammed.setMenu(QMenu(jammed))
    holder.show()
    assert _menu_problems(holder)
