"""The two custom-order reminder settings (form: ui/order_settings.ui)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QSpinBox, QVBoxLayout

from desktop.i18n import _
from desktop.store import settings
from desktop.store.db import db
from desktop.views.forms import load_form


class OrderSettingsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Reminders for custom orders"))
        self.form = load_form("order_settings.ui", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.warn_days: QSpinBox = self.form.findChild(QSpinBox, "warnDays")
        self.update_days: QSpinBox = self.form.findChild(QSpinBox, "updateDays")
        for name in ("warnLabel", "updateLabel"):
            self.form.findChild(QLabel, name).setWordWrap(True)
        self.warn_days.setValue(int(settings.get("delay_warning_days")))
        self.update_days.setValue(int(settings.get("order_update_days")))
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Save).setText(_("Save"))
        buttons.button(QDialogButtonBox.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        with db.atomic():
            settings.set("delay_warning_days", self.warn_days.value())
            settings.set("order_update_days", self.update_days.value())
        self.accept()
