"""A dialog around a Qt Designer form, with messages at the fields.

``save()`` is called when the user presses OK; it returns True when the change is stored.
When ``validate`` found problems, ``show_errors`` puts each message under its field
(a label ``<field>Error`` from the form if there is one, otherwise a new row below the
field), marks the field and focuses the first one. Nothing is stored then.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.views.base import plain_label
from desktop.views.forms import load_form
from desktop.views.keys import letters_when_shown
from desktop.views import theme



class FormDialog(QDialog):
    form_name = ""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.form = load_form(self.form_name, self)
        letters_when_shown(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.setWindowTitle(self.form.windowTitle())
        self.buttons: QDialogButtonBox = self.form.findChild(QDialogButtonBox, "buttons")
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self._error_labels: dict[str, QLabel] = {}
        self.errors: dict[str, str] = {}
        for form_layout in self.form.findChildren(QFormLayout):
            form_layout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        # The size drawn in Designer is the size the dialog opens with (never smaller than it needs).
        hint = self.sizeHint()
        self.resize(max(hint.width(), self.form.width()), max(hint.height(), self.form.height()))

    def showEvent(self, event) -> None:
        """Grown when shown to the height its wrapped texts need at its width (never shrunk): a
        prompt set after the size was taken (the block dialog naming her unsent gifts) was cut off."""
        super().showEvent(event)
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Taller when its wrapped texts need it at its width (never shrunk): when shown, and
        when a message appears at a field (it overlapped the buttons of a small dialog)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def w(self, name: str):
        found = self.form.findChild(QWidget, name)
        if found is None:
            raise KeyError(name)
        return found

    # --- saving ------------------------------------------------------------------------
    def _on_ok(self) -> None:
        from desktop.views.undo import saved_as_step

        if saved_as_step(self.save, self.undo_text):
            self.accept()

    def save(self) -> bool:
        raise NotImplementedError

    def undo_text(self) -> str:
        """What Edit → Undo calls what ``save`` did ("new influencer Sanne"), asked once it
        saved. Every dialog that saves names it: Ctrl+Z then takes back the save just made,
        never an older step (an import) past it."""
        raise NotImplementedError

    # --- errors ------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for key, label in self._error_labels.items():
            label.hide()
            field = self.form.findChild(QWidget, key)
            if field is not None:
                theme.mark_mistake(field, False)
        self.errors = {}

    def show_errors(self, errors: dict[str, str]) -> bool:
        """Show ``errors``; True when there were none."""
        self.clear_errors()
        self.errors = dict(errors)
        first = None
        for key, message in errors.items():
            field = self.form.findChild(QWidget, key)
            label = self._error_label(key, field)
            label.setText(message)
            label.show()
            if field is not None:
                theme.mark_mistake(field, True)
                first = first or field
        if first is not None:
            self._reveal(first)
            first.setFocus(Qt.OtherFocusReason)
        if errors and self.isVisible():
            self._grow_to_fit()
        return not errors

    def error_text(self, key: str) -> str:
        """The message shown at ``key`` ("" when none): what tests and users read."""
        label = self._error_labels.get(key)
        return label.text() if label is not None and not label.isHidden() else ""

    def _error_label(self, key: str, field: QWidget | None) -> QLabel:
        if key in self._error_labels:
            return self._error_labels[key]
        label = self.form.findChild(QLabel, key + "Error")
        if label is None:
            label = plain_label()
            placed = field is not None and self._place_below(field, label)
            if not placed:
                self.form.layout().addWidget(label)
        label.setTextFormat(Qt.PlainText)
        label.setWordWrap(True)
        label.setStyleSheet(theme.text_style("red"))
        self._error_labels[key] = label
        return label

    def _place_below(self, field: QWidget, label: QLabel) -> bool:
        layout = _layout_of(self.form.layout(), field) or _layout_of(field.parentWidget().layout(), field)
        if isinstance(layout, QFormLayout):
            row, _role = layout.getWidgetPosition(field)
            layout.insertRow(row + 1, "", label)
            return True
        if isinstance(layout, QGridLayout):
            index = layout.indexOf(field)
            row, column, _rs, _cs = layout.getItemPosition(index)
            layout.addWidget(label, layout.rowCount(), column)
            return True
        if layout is not None:
            index = layout.indexOf(field)
            layout.insertWidget(index + 1, label)
            return True
        return False

    def _reveal(self, field: QWidget) -> None:
        """Switch to the tab that holds ``field``."""
        # A tab's page is not the tab widget's direct child (a QStackedWidget is between them).
        parent = field.parentWidget()
        while parent is not None:
            if isinstance(parent, QTabWidget):
                for index in range(parent.count()):
                    if parent.widget(index).isAncestorOf(field):
                        parent.setCurrentIndex(index)
                        return
            parent = parent.parentWidget()


def _layout_of(layout: QLayout | None, widget: QWidget) -> QLayout | None:
    """The layout, ``layout`` or one nested in it, that holds ``widget`` directly.

    Asks layouts (QObjects) only, never ``itemAt``: PySide keeps a wrapper of every
    QLayoutItem it hands out alive with its layout, and Qt frees the item without telling
    it, so a later object at the same address can come back as that stale wrapper
    ("'QWidgetItem' object has no attribute ...", and crashes).
    """
    if layout is None:
        return None
    for candidate in (layout, *layout.findChildren(QLayout)):
        if candidate.indexOf(widget) >= 0:
            return candidate
    return None
