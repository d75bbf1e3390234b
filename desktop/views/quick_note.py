"""Quick note (Ctrl+N from anywhere): a note, or a call, DM or message logged for a person.

The form is ``ui/quick_note.ui``; the rules (what is stored, what is refused) are in
``domain/notes.py``. A refused entry shows its message under the field and stores
nothing. Logging a received message (direction "in") is what stops that person's
follow-up reminders, so it is always a deliberate choice: the dialog opens as a plain
note, and a call, DM or message has no direction until the owner picks one.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
)

from desktop.clock import local_to_utc, to_local, utcnow
from desktop.domain import notes
from desktop.store import notes as note_store
from desktop.i18n import _
from desktop.labels import choices
from desktop.store import lookups
from desktop.views.forms import date_field, date_problems, load_form
from desktop.views.keys import FoldedCompleter, find_folded, letters_when_shown

FIELDS = ("person", "kind", "channel", "direction", "at", "text")


class QuickNote(QObject):
    """Owns the dialog; ``saved`` carries the new event's id."""

    saved = Signal(int)

    def __init__(self, parent=None, person_id: int | None = None, now=None):
        super().__init__(parent)
        self._now = now if now is not None else (lambda: utcnow())  # the clock read at each use
        self.dialog: QDialog = load_form("quick_note.ui", parent)
        letters_when_shown(self.dialog)
        self.dialog.setWindowModality(Qt.WindowModal)
        d = self.dialog
        self.person: QComboBox = d.findChild(QComboBox, "person")
        self.kind: QComboBox = d.findChild(QComboBox, "kind")
        self.channel: QComboBox = d.findChild(QComboBox, "channel")
        self.direction: QComboBox = d.findChild(QComboBox, "direction")
        self.at: QDateTimeEdit = d.findChild(QDateTimeEdit, "at")
        self.text: QPlainTextEdit = d.findChild(QPlainTextEdit, "text")
        self.buttons: QDialogButtonBox = d.findChild(QDialogButtonBox, "buttons")
        self.errors = {name: d.findChild(QLabel, f"{name}Error") for name in FIELDS}

        for person_id_, name in lookups.person_names():
            self.person.addItem(name, person_id_)
        self.person.setCurrentIndex(max(self.person.findData(person_id), 0) if person_id else -1)
        self.person.lineEdit().setPlaceholderText(_("Type a name"))
        self.person.setCompleter(FoldedCompleter(self.person))  # "anais" finds "Anaïs", "@juul" her handle
        for code, text in notes.entry_kinds():
            self.kind.addItem(text, code)
        for code, text in choices("channel"):
            if code:
                self.channel.addItem(text, code)
        # TRANSLATORS: direction of a logged contact: the other side wrote or called.
        self.direction.addItem(_("From them (received)"), "in")
        # TRANSLATORS: direction of a logged contact: the shop wrote or called.
        self.direction.addItem(_("From us (sent)"), "out")
        date_field(self.at)
        self.at.setDateTime(QDateTime(to_local(self._now()).replace(tzinfo=None)))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.dialog.reject)
        self.buttons.button(QDialogButtonBox.Save).setText(_("Save"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(_("Cancel"))
        # A plain note unless the owner chooses otherwise, and no direction until she picks
        # one: logging a reply stops that person's reminders, so it is never a default.
        # TRANSLATORS: shown in the direction field of the quick note until one is chosen.
        self.direction.setPlaceholderText(_("Choose…"))
        self.direction.setCurrentIndex(-1)
        self.kind.setCurrentIndex(self.kind.findData("note"))
        self._kind_changed()

    def show(self) -> None:
        self.dialog.open()
        (self.text if self.person.currentIndex() >= 0 else self.person).setFocus(Qt.OtherFocusReason)

    def choose(self, entry_kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(entry_kind))

    def _kind_changed(self, *_args) -> None:
        code = self.kind.currentData()
        is_note = code == "note"
        self.channel.setEnabled(not is_note)
        self.direction.setEnabled(not is_note)
        self.dialog.findChild(QLabel, "channelLabel").setEnabled(not is_note)
        self.dialog.findChild(QLabel, "directionLabel").setEnabled(not is_note)
        default = notes.DEFAULT_CHANNEL.get(code or "", "")
        if default:
            self.channel.setCurrentIndex(self.channel.findData(default))

    def _person_id(self) -> int | None:
        typed = self.person.currentText().strip()
        if not typed:
            return None
        index = find_folded(self.person, typed)
        return self.person.itemData(index) if index >= 0 else None

    def entry(self) -> notes.Entry:
        local = self.at.dateTime().toPython()
        return notes.Entry(
            person_id=self._person_id(),
            entry_kind=self.kind.currentData() or "",
            channel=self.channel.currentData() or "",
            direction=self.direction.currentData() or "",
            text=self.text.toPlainText(),
            at=local_to_utc(local),
        )

    def save(self) -> None:
        for label in self.errors.values():
            label.hide()
        try:
            typed = date_problems({"at": self.at})
            if typed:  # the field still holds its last good moment, not the one she typed
                raise notes.Invalid(typed)
            event = note_store.log_entry(self.entry(), self._now())
        except notes.Invalid as refused:
            first = None
            for name in FIELDS:
                if name in refused.errors:
                    self.errors[name].setText(refused.errors[name])
                    self.errors[name].show()
                    first = first or name
            widget = {"person": self.person, "kind": self.kind, "channel": self.channel,
                      "direction": self.direction, "at": self.at, "text": self.text}[first]
            widget.setFocus(Qt.OtherFocusReason)
            return
        self.saved.emit(event.id)
        self.dialog.accept()
