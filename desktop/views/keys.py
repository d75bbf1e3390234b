"""Keys a shop owner expects of lists and fields, where Qt has no such key of its own:
Enter on a list's row opens it (as a double-click does), Delete on a form's list removes
the chosen line (as the button beside it does), Enter in an "add" field adds and does not
also press the dialog's Save, typing in a long drop-down finds its entries."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QCompleter, QLineEdit

_ENTER = (Qt.Key_Return, Qt.Key_Enter)


class _EnterOpens(QObject):
    """Enter (or Return) on a list's row does what a double-click on it does."""

    def eventFilter(self, table, event):
        if event.type() == QEvent.KeyPress and event.key() in _ENTER \
                and not event.modifiers() & ~Qt.KeypadModifier and table.currentIndex().isValid():
            table.doubleClicked.emit(table.currentIndex())
            return True
        return False


def enter_opens(table: QAbstractItemView) -> None:
    """Enter on a row opens it as a double-click does (the influencer or order to edit, what
    an event is about): the one way in from the keyboard. A list nothing opens from ignores it."""
    table.installEventFilter(_EnterOpens(table))


class _DeleteRemoves(QObject):
    def __init__(self, listing: QAbstractItemView, button):
        super().__init__(listing)
        self.button = button

    def eventFilter(self, listing, event):
        if event.type() == QEvent.KeyPress and event.key() == Qt.Key_Delete and not event.modifiers() \
                and self.button.isEnabled():
            self.button.click()
            return True
        return False


def delete_removes(listing: QAbstractItemView, button) -> None:
    """Delete on a form's list (the list itself, not a field in one of its rows) removes what
    is chosen in it, as ``button`` ("Verwijderen", beside the list) does."""
    listing.installEventFilter(_DeleteRemoves(listing, button))


class _EnterAdds(QObject):
    def __init__(self, field: QLineEdit, add):
        super().__init__(field)
        self.add = add

    def eventFilter(self, field, event):
        if event.type() == QEvent.KeyPress and event.key() in _ENTER:
            self.add()
            return True  # not on to the dialog, whose Save it would press as well
        return False


def enter_adds(field: QLineEdit, add) -> None:
    """Enter in ``field`` (a new to-do, a product to add) calls ``add``, and only that."""
    field.installEventFilter(_EnterAdds(field, add))


def tab_in_reading_order(*widgets) -> None:
    """Tab goes through ``widgets`` in this order (each moved right after the one before):
    fields a dialog makes in code come at the end of Qt's chain otherwise, after its
    Save and Cancel (audit 9, new owner F10: Tab reached "Opslaan" before the accounts)."""
    from PySide6.QtWidgets import QWidget

    for first, second in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(first, second)


def type_to_find(combo: QComboBox) -> None:
    """Typing in ``combo`` finds its entries by any part of their text ("jansen", an e-mail
    address, a city), as the catalogue search does: a drop-down of 1,800 customers an
    orders import brought is no list to scroll (audit 9, new owner F9). Only its entries
    can be chosen: text that names none is put back to the chosen entry when she leaves."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchContains)
    completer.setCaseSensitivity(Qt.CaseInsensitive)
    completer.setCompletionMode(QCompleter.PopupCompletion)
    combo.setCompleter(completer)

    def put_back():
        if combo.findText(combo.currentText(), Qt.MatchFixedString) < 0:
            combo.setEditText(combo.itemText(combo.currentIndex()))

    def take_first_match():
        typed = combo.currentText()
        if typed and combo.findText(typed, Qt.MatchFixedString) < 0:
            completer.setCompletionPrefix(typed)
            if completer.completionCount():
                completer.setCurrentRow(0)
                found = combo.findText(completer.currentCompletion(), Qt.MatchFixedString)
                if found >= 0:
                    combo.setCurrentIndex(found)
        completer.popup().hide()
        put_back()

    # Enter takes the first match of what was typed ("daan" and Enter: Daan Koster), or the
    # one picked with the arrow keys; it never presses the dialog's Save as well. (With the
    # matches open, the completer hands Enter to the field past its filters: returnPressed.)
    combo.lineEdit().returnPressed.connect(take_first_match)
    combo.lineEdit().editingFinished.connect(put_back)
    enter_adds(combo.lineEdit(), take_first_match)
