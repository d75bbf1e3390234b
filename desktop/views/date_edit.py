"""The app's date fields: Qt's QDateEdit and QDateTimeEdit (their calendar popup, value,
range and signals), with what the owner types read here instead of by Qt.

Qt's own field shortens the day to the length of the month it holds *while she types*:
"31-12-2026" typed over 30-11-2026 became 30-12 (the 31st was cut to November's 30 before
the 12 arrived), "29-02-2028" became 28-02, and a day that does not exist (31-04) became
another one without a word; a year past the field's range was refused key by key, so the
old year stayed (badinput #1). Here the text in the field is what she typed, part by part
(``domain/dates.read``): it becomes the field's date the moment it is a whole date the
field takes; a day that does not exist, an unfinished date or one outside the field's
range stays in the field as typed, framed in red with the reason
(``presentation/date_entry``), and ``problem()`` gives that reason to the dialog, which
saves nothing while a field has one.

Typing works as in Qt's field and as people write dates: a digit replaces the part the
cursor is in (after a click, Tab, or moving on), a full part moves on to the next by itself
("17" → the month), and a separator moves on once ("17-12-2026", "7-3-2027", "7/3/2027"
and "31.12.2026" all work; a separator right after moving on by itself is not a second
move); a short day or month gets its 0 when she moves on, and a two-digit year is this
century's ("26": 2026). The arrow keys, Page Up/Down and the wheel step the part the cursor
is in. Tab and Shift+Tab move on to the next or previous field, as from any field of a form.

Qt's field follows its text through the line edit's ``textChanged`` and
``cursorPositionChanged``, and at every move of the cursor to another part writes its value
back over the text: the very step that cut the 31st. Those two connections are taken off
(``_take_over_the_text``); the field's value is set here, from a whole date only.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QDateTimeEdit, QToolTip

from desktop.domain import dates
from desktop.presentation import date_entry
from desktop.views import theme

_ENTER_KEYS = frozenset((Qt.Key_Return, Qt.Key_Enter))
_STEP_KEYS = {Qt.Key_Up: 1, Qt.Key_Down: -1, Qt.Key_PageUp: 10, Qt.Key_PageDown: -10}
_NO_TYPING = Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier


class _TypedDateMixin:
    """What ``DateEdit`` and ``DateTimeEdit`` share (before the Qt class in their bases, so
    Qt's virtual functions find these first)."""

    def _typing_setup(self) -> None:
        self._part: int | None = None  # the part the last digit went into (None: none yet)
        self._moved_on = False  # reached this part by itself or by a separator, nothing typed since
        self._shape: dates.Layout | None = None
        self._shape_of = ""
        self._shown_problem = ""
        self._before: QDateTime | None = None  # the date before she began typing (a mistake leaves it)
        self._edits = 0  # how often the line edit changed the text itself (a paste, undo)
        self._take_over_the_text()
        self.dateTimeChanged.connect(lambda _value: self._show_problem(live=False))

    def _take_over_the_text(self) -> None:
        line = self.lineEdit()
        line.textChanged.disconnect()  # Qt's _q_editorTextChanged: read here (``_text_edited``)
        line.cursorPositionChanged.disconnect()  # Qt's section tracking, which rewrites the text
        line.textChanged.connect(self._text_edited)

    # --- the pattern and the text -------------------------------------------------------
    def shape(self) -> dates.Layout | None:
        pattern = self.displayFormat()
        if self._shape is None or self._shape_of != pattern:
            self._shape, self._shape_of = dates.layout(pattern), pattern
        return self._shape

    def _special(self, text: str) -> bool:
        return bool(self.specialValueText()) and text == self.specialValueText()

    def reading(self, text: str | None = None) -> dates.Reading | None:
        shape = self.shape()
        return dates.read(self.lineEdit().text() if text is None else text, shape) if shape else None

    def problem(self) -> str:
        """Why the text in the field is not a date it takes, in words ('' when it is one).

        A text that is not the field's date written out ("3-11-2026" while the field still
        holds 23-11: a part she has not finished, see ``finish_typing``) is not taken
        either: '' always means that ``date()`` is the date shown."""
        said = self._text_problem()
        text = self.lineEdit().text()
        if said or self.shape() is None or self._special(text) or not self._unsettled(text):
            return said
        return date_entry.problem(text, dates.Reading(dates.UNFINISHED), self.displayFormat(),
                                  self.minimumDate().toPython(), self.maximumDate().toPython())

    def _text_problem(self) -> str:
        """Why the text itself is not a date the field takes ('' when it is one)."""
        text = self.lineEdit().text()
        if self.shape() is None or self._special(text):
            return ""
        return date_entry.problem(text, self.reading(text), self.displayFormat(),
                                  self.minimumDate().toPython(), self.maximumDate().toPython())

    def _unsettled(self, text: str) -> bool:
        """Does ``text`` differ from the field's date as the field writes it?"""
        return text != self.textFromDateTime(self.dateTime())

    def finish_typing(self) -> None:
        """She is done with the field (a dialog saves; a button was clicked that takes no
        focus, as on macOS): every part written out ("3" as "03", "26" as 2026), and a whole
        date it takes becomes its value, so ``date()`` is the date shown."""
        if self.shape() is None:
            return
        text = self.lineEdit().text()
        finished = self._finished(text)
        if finished != text:
            self._set_text(finished, len(finished), 0, select=False)
        self._commit(finished)
        self._part, self._moved_on = None, False
        self._show_problem(live=False)

    def shown_problem(self) -> str:
        """The reason shown at the field now ('' while she is still typing a date)."""
        return self._shown_problem

    def _taken(self, reading: dates.Reading | None) -> bool:
        """Is ``reading`` a whole date within the field's range?"""
        if reading is None or reading.state != dates.WHOLE:
            return False
        day = reading.value.date() if isinstance(reading.value, datetime) else reading.value
        return self.minimumDate().toPython() <= day <= self.maximumDate().toPython()

    def _moment(self, day: QDate, time: QTime) -> QDateTime:
        """``day`` at ``time`` as the field keeps its value: Qt's QDateEdit in UTC, its
        QDateTimeEdit in local time. A QDateTime built in another spec is converted on the
        way in: midnight in Amsterdam is 23:00 the day before in UTC, and every typed date
        was saved a day early there."""
        moment = self.dateTime()
        moment.setDate(day)
        moment.setTime(time)
        return moment

    def _value_of(self, reading: dates.Reading) -> QDateTime:
        value = reading.value
        day = QDate(value.year, value.month, value.day)
        if isinstance(value, datetime):
            return self._moment(day, QTime(value.hour, value.minute))
        return self._moment(day, self.time())

    # --- Qt's questions (a paste, Enter, leaving the field) ---------------------------
    def validate(self, text: str, pos: int):
        if self.shape() is None:
            return super().validate(text, pos)
        if self._special(text):
            return QValidator.Acceptable, text, pos
        reading = self.reading(text)
        if reading is None:
            return QValidator.Invalid, text, pos
        return (QValidator.Acceptable if self._taken(reading) else QValidator.Intermediate), text, pos

    def fixup(self, text: str) -> str:
        if self.shape() is None:
            return super().fixup(text)
        return text  # never another day: what is not a date stays as typed

    def dateTimeFromText(self, text: str) -> QDateTime:
        if self.shape() is None:
            return super().dateTimeFromText(text)
        if self._special(text):
            return self.minimumDateTime()
        reading = self.reading(text)
        return self._value_of(reading) if self._taken(reading) else self.dateTime()

    def _text_edited(self, text: str) -> None:
        """The text changed by the line edit itself (a paste, undo, by the keyboard or the
        context menu): a whole date becomes the value. (Qt writes its own value back with
        the line edit's signals blocked: that never comes here.)"""
        self._edits += 1
        if self.shape() is not None:
            self._commit(text)
            self._show_problem(live=True)

    # --- typing -------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        if self.shape() is None:
            super().keyPressEvent(event)
            return
        key, text = event.key(), event.text()
        typing = not (event.modifiers() & _NO_TYPING)
        if typing and key in (Qt.Key_Backspace, Qt.Key_Delete) and self._before is None:
            self._before = self.dateTime()
        if typing and key == Qt.Key_Backspace:
            self._erase(backwards=True)
        elif typing and key == Qt.Key_Delete:
            self._erase(backwards=False)
        elif typing and text and text.isprintable():
            if self._before is None:
                self._before = self.dateTime()
            for char in text:
                self._type(char)
        elif key in _STEP_KEYS and not event.modifiers() & _NO_TYPING:
            self.stepBy(_STEP_KEYS[key])  # the part the cursor is in (Qt's field would pick the part it last knew)
        else:
            if key in _ENTER_KEYS:
                self._leave_part()
            self._part, self._moved_on = None, False
            kept, edits = self.lineEdit().text(), self._edits
            super().keyPressEvent(event)  # Enter (Qt takes the value, the dialog its default button), Ctrl+C, Ctrl+V...
            if self._edits == edits:  # not an edit of her own (Ctrl+V, Shift+Insert, Ctrl+Z are read as such)
                self._keep_typed(kept)
            return
        event.accept()

    def _parts_now(self) -> tuple[list[str], int]:
        """The parts of the text shown and the part the cursor (or the selection) is in."""
        shape = self.shape()
        line = self.lineEdit()
        text = line.text()
        parts = None if self._special(text) else shape.split(text)
        if parts is None:  # "het begin" (no date yet), or a text of another shape: start from a date
            start = self.minimumDate().addDays(1) if self._special(text) else self.date()
            parts = shape.split(self.textFromDateTime(self._moment(start, self.time())))
            self._part, self._moved_on = None, False
            return parts, 0
        at = line.selectionStart() if line.hasSelectedText() else line.cursorPosition()
        part = 0
        for i, start in enumerate(shape.starts(parts)):
            if at >= start:
                part = i
        return parts, part

    def _type(self, char: str) -> None:
        shape = self.shape()
        parts, part = self._parts_now()
        last = len(parts) - 1
        if char in "0123456789":
            if self._part != part:  # the first digit in a part replaces what it held
                parts[part] = char
            elif len(parts[part]) < dates.PART_DIGITS[shape.parts[part]]:
                parts[part] += char
            elif part < last:  # the part is full: the digit begins the next one
                part += 1
                parts[part] = char
            else:
                return  # the last part is full
            self._part, self._moved_on = part, False
            if part < last and dates.part_done(shape.parts[part], parts[part]):
                parts[part] = dates.finish_part(shape.parts[part], shape.padded[part], parts[part])
                part += 1
                self._part, self._moved_on = None, True
            self._write(parts, part, select=self._moved_on)
            return
        if char.isalnum() or self._moved_on:
            return  # a letter is no part of a date; a separator right after moving on was that move
        if parts[part]:
            parts[part] = dates.finish_part(shape.parts[part], shape.padded[part], parts[part])
        part = min(part + 1, last)
        self._write(parts, part, select=True)
        self._part, self._moved_on = None, True

    def _erase(self, backwards: bool) -> None:
        parts, part = self._parts_now()
        line = self.lineEdit()
        if line.hasSelectedText() and self.shape().join(parts) == line.text():
            # As in any text field, the selection goes (Ctrl+A: all of it); the separators
            # stay, and she types on where it began.
            first, end = line.selectionStart(), line.selectionStart() + len(line.selectedText())
            for i, start in enumerate(self.shape().starts(parts)):
                digits = parts[i]
                parts[i] = "".join(c for at, c in enumerate(digits, start) if not first <= at < end)
        elif line.hasSelectedText():
            parts[part] = ""
        elif backwards:
            if not parts[part] and part > 0:
                part -= 1
            parts[part] = parts[part][:-1]
        else:
            parts[part] = parts[part][1:]
        self._part, self._moved_on = part, False
        self._write(parts, part, select=False)

    def _write(self, parts: list[str], part: int, select: bool) -> None:
        """Show ``parts`` as typed, with the cursor at the end of ``part`` (or ``part``
        selected); a whole date the field takes, written as the field writes it, becomes
        its value."""
        shape = self.shape()
        text = shape.join(parts)
        self._set_text(text, shape.starts(parts)[part], len(parts[part]), select)
        self._commit(text)
        self._show_problem(live=True)

    def _set_text(self, text: str, start: int, length: int, select: bool) -> None:
        line = self.lineEdit()
        blocked = line.blockSignals(True)
        try:
            if text != line.text():
                line.setText(text)
            if select:
                line.setSelection(start, length)
            else:
                line.setCursorPosition(start + length)
        finally:
            line.blockSignals(blocked)

    def _commit(self, text: str) -> None:
        """A whole date the field takes becomes its value, once it is written out as the
        field writes it ("3" may still become "31": not before the part is done)."""
        reading = self.reading(text)
        if not self._taken(reading):
            return
        value = self._value_of(reading)
        if self.textFromDateTime(value) != text or value == self.dateTime():
            return
        line = self.lineEdit()
        selection = (line.selectionStart(), len(line.selectedText())) if line.hasSelectedText() else None
        cursor = line.cursorPosition()
        self.setDateTime(value)  # Qt writes the same text again
        if selection:
            self._set_text(text, selection[0], selection[1], select=True)
        else:
            self._set_text(text, cursor, 0, select=False)

    def _finished(self, text: str) -> str:
        """``text`` with every part written out (a 0 before a single digit, 2026 for 26)."""
        shape = self.shape()
        parts = None if self._special(text) else shape.split(text)
        if parts is None:
            return text
        return shape.join([dates.finish_part(shape.parts[i], shape.padded[i], digits) if digits else digits
                           for i, digits in enumerate(parts)])

    def _leave_part(self) -> None:
        """She moves away from what she typed (Enter, another field): write its parts out,
        and take the date when it is whole."""
        if self.shape() is None or self._part is None:
            return
        text = self._finished(self.lineEdit().text())
        self._set_text(text, len(text), 0, select=False)
        self._commit(text)
        self._part, self._moved_on = None, False

    def _keep_typed(self, typed: str) -> None:
        """Qt's field writes its last good date back over text it has not taken (leaving
        the field, Enter, coming back to it): take what she typed when it is a whole date,
        and show it again when it is not (a date she did not mean is never shown as hers)."""
        if self.shape() is None or self._special(typed):
            self._show_problem(live=False)
            return
        typed = self._finished(typed)
        reading = self.reading(typed)
        if self._taken(reading):
            value = self._value_of(reading)
            if value != self.dateTime():
                self.setDateTime(value)
            self._before = None
        elif reading is not None:
            if self._before is not None and self._before != self.dateTime():
                # A whole date on the way ("29-11" of "29-02-2027") is not what she meant either.
                self.setDateTime(self._before)
            if typed != self.lineEdit().text():
                self._set_text(typed, len(typed), 0, select=False)
        self._show_problem(live=False)

    def _show_problem(self, live: bool) -> None:
        """The red frame and the reason on the field; while she is typing, an unfinished
        date is not a mistake yet."""
        problem = self.problem()
        if live and (getattr(self.reading(), "state", None) == dates.UNFINISHED
                     or (problem and not self._text_problem())):
            problem = ""  # a part she is typing ("3" of 31, not yet the field's date) is no mistake yet
        if problem == self._shown_problem:
            return
        self._shown_problem = problem
        theme.mark_mistake(self, bool(problem))
        self.setToolTip(problem)
        self.problemChanged.emit(problem)
        if problem and not live and self.isVisible():
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), problem, self)

    # --- stepping (arrow keys, Page Up/Down, the wheel) ------------------------------
    def stepEnabled(self):
        if self.shape() is None:
            return super().stepEnabled()
        return QAbstractSpinBox.StepUpEnabled | QAbstractSpinBox.StepDownEnabled

    def stepBy(self, steps: int) -> None:
        shape = self.shape()
        if shape is None:
            super().stepBy(steps)
            return
        self._leave_part()
        parts, part = self._parts_now()
        value = self.dateTime()
        letter = shape.parts[part]
        if self._special(self.lineEdit().text()):
            moved = self._moment(self.minimumDate(), self.time()) if steps < 0 else value.addDays(steps)
        elif letter == "d":
            moved = value.addDays(steps)
        elif letter == "M":
            moved = value.addMonths(steps)
        elif letter == "y":
            moved = value.addYears(steps)
        elif letter == "H":
            moved = value.addSecs(3600 * steps)
        else:
            moved = value.addSecs(60 * steps)
        if moved < self.minimumDateTime():
            moved = self.minimumDateTime()
        if moved > self.maximumDateTime():
            moved = self.maximumDateTime()
        self.setDateTime(moved)
        parts = shape.split(self.lineEdit().text())
        if parts is not None:
            self._set_text(self.lineEdit().text(), shape.starts(parts)[part], len(parts[part]), select=True)
        self._part, self._moved_on = None, False

    # --- the program ----------------------------------------------------------------
    def setDate(self, value) -> None:
        super().setDate(value)
        self._outside_range(self._moment(value, self.time()) if isinstance(value, QDate) else None)
        self._show_problem(live=False)

    def setDateTime(self, value) -> None:
        super().setDateTime(value)
        self._outside_range(value if isinstance(value, QDateTime) else None)
        self._show_problem(live=False)

    def _outside_range(self, value: QDateTime | None) -> None:
        """A date outside the field's range (stored before the forms refused it: 31-12-9999)
        is shown as it is, with the reason, not as the nearest date the field takes: Qt's
        field would show 31-12-2099, and the dialog would save that as if she had chosen it."""
        if value is None or not value.isValid() or self.shape() is None:
            return
        if self.minimumDate() <= value.date() <= self.maximumDate():
            return
        text = self.textFromDateTime(value)
        if self.shape().split(text) is not None:
            self._set_text(text, len(text), 0, select=False)

    # --- focus --------------------------------------------------------------------------
    def focusInEvent(self, event) -> None:
        self._part, self._moved_on = None, False
        self._before = None
        kept = self.lineEdit().text()
        super().focusInEvent(event)  # Qt writes its value back into the field, and selects a part
        if self.shape() is not None and kept != self.lineEdit().text():
            self._keep_typed(kept)
            parts = self.shape().split(self.lineEdit().text())
            if parts is not None and event.reason() != Qt.MouseFocusReason:
                part = len(parts) - 1 if event.reason() == Qt.BacktabFocusReason else 0
                self._set_text(self.lineEdit().text(), self.shape().starts(parts)[part], len(parts[part]), True)
        # Back from the calendar popup: a day picked there (the same day too) replaced what was typed.
        self._show_problem(live=False)

    def focusOutEvent(self, event) -> None:
        self._leave_part()
        kept = self.lineEdit().text()
        super().focusOutEvent(event)  # Qt writes its value back into the field
        self._keep_typed(kept)

    def focusNextPrevChild(self, next_: bool) -> bool:
        """Tab and Shift+Tab move on to the next or the previous field, as in every other
        field of a form. Qt's field moves part by part and leaves at the last part, but it
        finds the part from the cursor moves it followed (taken off here): Tab kept
        selecting the month and never left the field (audit 7). The parts are reached by
        typing (a full part or a separator moves on), a click or the arrow keys."""
        if self.shape() is None:
            return super().focusNextPrevChild(next_)
        self._leave_part()
        return QAbstractSpinBox.focusNextPrevChild(self, next_)  # QWidget's: the focus chain

    def mousePressEvent(self, event) -> None:
        self._part, self._moved_on = None, False
        super().mousePressEvent(event)


class DateEdit(_TypedDateMixin, QDateEdit):
    """A date field (every date the owner types; set up by ``forms.date_field``)."""

    problemChanged = Signal(str)  # the reason shown at the field ('' when it holds a date it takes)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._typing_setup()


class DateTimeEdit(_TypedDateMixin, QDateTimeEdit):
    """A date with its time of day (the quick note's moment)."""

    problemChanged = Signal(str)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._typing_setup()
