"""Keys a shop owner expects of lists and fields, where Qt has no such key of its own:
Enter on a list's row opens it (as a double-click does), Delete on a form's list removes
the chosen line (as the button beside it does), Enter in an "add" field adds and does not
also press the dialog's Save, typing in a long drop-down finds its entries."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QCompleter, QLineEdit

from desktop.domain import search_text

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


# The role a drop-down's entry keeps its text in as the search compares it (FoldedCompleter).
FOLDED = Qt.UserRole + 70


class FoldedCompleter(QCompleter):
    """Typing in an editable drop-down finds its entries by any part of their text, folded
    as every list's search is (domain/search_text.py): "creme" finds "Crème", "@anna" finds
    "@anna.maakt", "dhondt" finds "D’Hondt" (review of the product and person searches).
    Each entry's folded text is kept once, in ``FOLDED``: all at once when the completer is
    made, and by ``refill`` for a list filled again (no slot per added entry: 13,000 people
    in the timeline's person filter filled ten times slower with one); the typed text is
    folded per keystroke (``splitPath``); a chosen match puts the entry's own text in the
    field (``pathFromIndex``)."""

    def __init__(self, combo: QComboBox):
        super().__init__(combo.model(), combo)
        self.setFilterMode(Qt.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitive)  # both sides are folded already
        self.setCompletionRole(FOLDED)
        self.setCompletionMode(QCompleter.PopupCompletion)
        self._combo = combo
        fold_entries(combo)

    def splitPath(self, path: str) -> list[str]:
        return [search_text.needle(path)]

    def pathFromIndex(self, index) -> str:
        return index.data(Qt.DisplayRole) or ""


def fold_entries(combo: QComboBox) -> None:
    """Keep every entry's text of ``combo`` folded in ``FOLDED`` (the names folded as one
    text: search_text.needles)."""
    texts = [combo.itemText(row) for row in range(combo.count())]
    for row, folded in enumerate(search_text.needles(texts)):
        combo.setItemData(row, folded, FOLDED)


def refill(combo: QComboBox, entries) -> None:
    """Put ``entries`` ((text, data) pairs) in ``combo`` (with a FoldedCompleter) in place of
    what it held, folded. The completer's last typed text is let go first: while it stays,
    Qt filters the whole list again after every entry added (13,000 people: seconds)."""
    combo.completer().setCompletionPrefix("")
    combo.clear()
    for text, data in entries:
        combo.addItem(text, data)
    fold_entries(combo)


def find_folded(combo: QComboBox, typed: str) -> int:
    """The entry of ``combo`` whose whole text is ``typed`` (folded as the search folds: "creme
    ketting" is "Crème ketting"), or -1. Needs a FoldedCompleter on ``combo``."""
    wanted = search_text.needle(typed)
    if not wanted:
        return -1
    found = combo.model().match(combo.model().index(0, 0), FOLDED, wanted, 1, Qt.MatchExactly | Qt.MatchCaseSensitive)
    return found[0].row() if found else -1


def type_to_find(combo: QComboBox) -> None:
    """Typing in ``combo`` finds its entries by any part of their text ("jansen", an e-mail
    address, a city), as the catalogue search does: a drop-down of 1,800 customers an
    orders import brought is no list to scroll (audit 9, new owner F9). Only its entries
    can be chosen: text that names none is put back to the chosen entry when she leaves."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.NoInsert)
    completer = FoldedCompleter(combo)
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


# --- Alt letters for a dialog's fields -----------------------------------------------------

_LETTERS = set("abcdefghijklmnopqrstuvwxyz0123456789")


def _taken(text: str) -> set[str]:
    """The Alt letter ``text`` has, as Qt reads it ("&&" is a literal "&", not a letter)."""
    from PySide6.QtGui import QKeySequence

    keys = QKeySequence.mnemonic(text)
    return set() if keys.isEmpty() else {keys.toString()[-1].lower()}


def _letters_for(texts: list[str], taken: set[str]) -> dict[int, int]:
    """Where the "&" goes in each of ``texts`` (by index; a text with none left out): each a
    letter of its own, none in ``taken``. A word's first letter is preferred, then the
    letters in reading order; the texts with the fewest letters choose first, and when a
    text still finds none free, one chosen before is moved to another letter of its own
    text (a matching), so every field gets one while letters last."""
    options = []
    for text in texts:
        if "&" in text:  # chosen by hand in the form
            options.append([])
            continue
        starts = [i for i, char in enumerate(text) if i == 0 or not text[i - 1].isalnum()]
        order = starts + [i for i in range(len(text)) if i not in starts]
        options.append([i for i in order if text[i].lower() in _LETTERS and text[i].lower() not in taken])
    owner: dict[str, int] = {}
    chosen: dict[int, int] = {}

    def place(index: int, seen: set[str]) -> bool:
        for position in options[index]:
            letter = texts[index][position].lower()
            if letter in seen:
                continue
            seen.add(letter)
            if letter not in owner or place(owner[letter], seen):
                owner[letter], chosen[index] = index, position
                return True
        return False

    # The texts with the fewest letters choose first ("Taal" before "Aanspreekvorm"), each
    # its first free letter; one left without moves another (``place``).
    for index in sorted(range(len(texts)), key=lambda i: (len({texts[i][p].lower() for p in options[i]}), i)):
        free = next((position for position in options[index] if texts[index][position].lower() not in owner), None)
        if free is not None:
            owner[texts[index][free].lower()], chosen[index] = index, free
        else:
            place(index, set())
    return chosen


def _page_of(widget, pages: set) -> object | None:
    """The tab page ``widget`` is on (None: on no tab, in sight whichever tab is open)."""
    while widget is not None:
        if widget in pages:
            return widget
        widget = widget.parentWidget()
    return None


def _lettered_choices(root) -> list:
    """The check boxes and radio buttons of ``root`` that get a letter of their own: not one
    without text, and not one whose text another has too (a row of "OK / Missing / Not
    checked" per point: Alt and a letter would say nothing of which point; the arrow keys
    go through a group)."""
    from collections import Counter

    from PySide6.QtWidgets import QCheckBox, QRadioButton

    boxes = [box for box in root.findChildren(QCheckBox) + root.findChildren(QRadioButton) if box.text()]
    counts = Counter(box.text() for box in boxes)
    return [box for box in boxes if counts[box.text()] == 1]


def letter_fields(root) -> None:
    """Alt and a letter goes to a field, as in any desktop dialog: each field's label (a
    QLabel with a buddy), check box and radio button without one of its own gets the first
    free letter of its text in the language on screen, so no catalog needs a letter chosen
    by hand per language. A letter is free when nothing the owner can see with that field
    has it: the buttons, the tabs' titles, the labels and boxes on no tab or on the same tab
    (a hidden tab's shortcuts are off, so two tabs may share one); without tabs, nothing
    else in the dialog (Settings' pages are one dialog). Letters chosen by hand in a form
    (ui/product_dialog.ui) are kept."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget

    pages = set()
    shared: set[str] = set()  # letters in sight on every tab
    for tabs in root.findChildren(QTabWidget):
        for index in range(tabs.count()):
            pages.add(tabs.widget(index))
            shared |= _taken(tabs.tabText(index))
    per_page: dict[object, set[str]] = {}
    groups: dict[object, list] = {}  # the fields' labels and the boxes, by the tab they are on
    choices = set(_lettered_choices(root))
    for widget in root.findChildren(QLabel) + root.findChildren(QAbstractButton) + root.findChildren(QGroupBox):
        page = _page_of(widget, pages)
        per_page.setdefault(page, set()).update(_taken(widget.title() if isinstance(widget, QGroupBox)
                                                       else widget.text()))
        if (isinstance(widget, QLabel) and widget.buddy() is not None) or widget in choices:
            groups.setdefault(page, []).append(widget)
    # The labels on no tab first (in sight with every tab), then each tab's own.
    shared |= per_page.get(None, set())
    order = ([None] if None in groups else []) + [page for page in groups if page is not None]
    for page in order:
        members = groups[page]
        taken = shared | (set().union(*per_page.values()) if page is None else per_page.get(page, set()))
        texts = [member.text() for member in members]
        for index, position in _letters_for(texts, taken).items():
            text = texts[index]
            members[index].setText(text[:position] + "&" + text[position:])
            (shared if page is None else per_page[page]).add(text[position].lower())


class _LettersOnShow(QObject):
    def eventFilter(self, dialog, event):
        if event.type() == QEvent.Show:
            dialog.removeEventFilter(self)
            letter_fields(dialog)  # the texts as the dialog shows them, those set in code too
        return False


def letters_when_shown(dialog) -> None:
    """``letter_fields`` on ``dialog`` when it is first shown."""
    dialog.installEventFilter(_LettersOnShow(dialog))
