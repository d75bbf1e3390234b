"""Settings for the follow-up ladder: when steps come due, quiet hours, and the message
templates (edit per language and form, live preview on a real due item, reset)."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import utcnow
from desktop.domain import messages
from desktop.domain.followup import DueItem, _parse_time
from desktop.i18n import _
from desktop.store import due, settings, templates
from desktop.store.db import db
from desktop.store.models import Person
from desktop.views.forms import load_form
from desktop.views import theme



class LadderSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, now=utcnow):
        super().__init__(parent)
        self._now = now
        self.setWindowTitle(_("Reminders and messages"))
        self.form = load_form("ladder_settings.ui", self)
        QVBoxLayout(self).addWidget(self.form)
        f = self.form
        self.tabs: QTabWidget = f.findChild(QTabWidget, "tabs")
        self.steps = [f.findChild(QSpinBox, f"step{n}") for n in range(1, 5)]
        self.strike_hours: QSpinBox = f.findChild(QSpinBox, "strikeHours")
        self.pause_days: QSpinBox = f.findChild(QSpinBox, "pauseDays")
        self.checkin_days: QSpinBox = f.findChild(QSpinBox, "checkinDays")
        self.quiet_start: QTimeEdit = f.findChild(QTimeEdit, "quietStart")
        self.quiet_end: QTimeEdit = f.findChild(QTimeEdit, "quietEnd")
        self.skip_weekends: QCheckBox = f.findChild(QCheckBox, "skipWeekends")
        self.shop_name: QLineEdit = f.findChild(QLineEdit, "shopName")
        self.owner_name: QLineEdit = f.findChild(QLineEdit, "ownerName")
        self.timing_problem: QLabel = f.findChild(QLabel, "timingProblem")
        self.save_timing: QPushButton = f.findChild(QPushButton, "saveTiming")
        self.template: QComboBox = f.findChild(QComboBox, "template")
        self.language: QComboBox = f.findChild(QComboBox, "language")
        self.form_box: QComboBox = f.findChild(QComboBox, "form")
        self.subject: QLineEdit = f.findChild(QLineEdit, "subject")
        self.body: QPlainTextEdit = f.findChild(QPlainTextEdit, "body")
        self.placeholders: QLabel = f.findChild(QLabel, "placeholders")
        self.preview_title: QLabel = f.findChild(QLabel, "previewTitle")
        self.preview: QPlainTextEdit = f.findChild(QPlainTextEdit, "preview")
        self.template_problem: QLabel = f.findChild(QLabel, "templateProblem")
        self.template_state: QLabel = f.findChild(QLabel, "templateState")
        self.reset_button: QPushButton = f.findChild(QPushButton, "resetTemplate")
        self.save_template_button: QPushButton = f.findChild(QPushButton, "saveTemplate")
        self.timing_problem.setStyleSheet(theme.text_style("red"))
        self.template_problem.setStyleSheet(theme.text_style("red"))

        self._load_timing()
        for template_id, template in messages.TEMPLATES.items():
            self.template.addItem(_(template.title), template_id)
        self.language.addItem(_("Dutch"), "nl")
        self.language.addItem(_("English"), "en")
        self.form_box.addItem(_("informal (je)"), "je")
        self.form_box.addItem(_("formal (u)"), "u")
        self.placeholders.setText(_("Placeholders: {list}").format(
            list="; ".join("{" + name + "} " + _(help_text) for name, help_text in messages.PLACEHOLDERS.items())))
        self._sample_items = [i for i in due.plan(self._now()) if i.action == "message"]

        self.save_timing.clicked.connect(self.store_timing)
        for box in (self.template, self.language, self.form_box):
            box.currentIndexChanged.connect(self._load_template)
        self.subject.textChanged.connect(self.update_preview)
        self.body.textChanged.connect(self.update_preview)
        self.save_template_button.clicked.connect(self.store_template)
        self.reset_button.clicked.connect(self.reset_template)
        f.findChild(QPushButton, "closeButton").clicked.connect(self.accept)
        self._load_template()
        self.resize(900, 680)

    # --- timing --------------------------------------------------------------------
    def _load_timing(self) -> None:
        for box, hours in zip(self.steps, settings.get("ladder_step_hours")):
            box.setValue(int(hours))
        self.strike_hours.setValue(int(settings.get("ladder_strike_hours")))
        self.pause_days.setValue(int(settings.get("ladder_pause_days")))
        self.checkin_days.setValue(int(settings.get("checkin_days")))
        for edit, key in ((self.quiet_start, "quiet_start"), (self.quiet_end, "quiet_end")):
            t = _parse_time(settings.get(key))
            edit.setTime(QTime(t.hour, t.minute))
        self.skip_weekends.setChecked(bool(settings.get("skip_weekends")))
        self.shop_name.setText(settings.get("shop_name"))
        self.owner_name.setText(settings.get("owner_name"))

    def store_timing(self) -> bool:
        hours = [box.value() for box in self.steps]
        if hours != sorted(hours) or len(set(hours)) != 4:
            self.timing_problem.setText(_("Each step must come later than the one before it. Nothing was saved."))
            return False
        self.timing_problem.setText("")
        with db.atomic():
            settings.set("ladder_step_hours", hours)
            settings.set("ladder_strike_hours", self.strike_hours.value())
            settings.set("ladder_pause_days", self.pause_days.value())
            settings.set("checkin_days", self.checkin_days.value())
            settings.set("quiet_start", self.quiet_start.time().toString("HH:mm"))
            settings.set("quiet_end", self.quiet_end.time().toString("HH:mm"))
            settings.set("skip_weekends", self.skip_weekends.isChecked())
            settings.set("shop_name", self.shop_name.text().strip())
            settings.set("owner_name", self.owner_name.text().strip())
        self.timing_problem.setText("")
        self.update_preview()
        return True

    # --- templates -----------------------------------------------------------------
    def selection(self) -> tuple[str, str, str]:
        return self.template.currentData(), self.language.currentData(), self.form_box.currentData()

    def _load_template(self, *_args) -> None:
        template_id, language, form = self.selection()
        subject, body, own = templates.current(template_id, language, form)
        self.subject.setText(subject)
        self.body.setPlainText(body)
        self.template_state.setText(_("Your own wording") if own else _("Default wording"))
        self.template_problem.setText("")
        self.update_preview()

    def _sample(self) -> DueItem | None:
        template_id = self.template.currentData()
        base = template_id.removesuffix(".alt")
        matching = [i for i in self._sample_items if i.template.removesuffix(".alt") == base]
        return (matching or [None])[0]

    def update_preview(self) -> None:
        """Render the text being edited on a real due item when there is one."""
        template_id, language, form = self.selection()
        now = self._now()
        item = self._sample()
        if item is not None:
            person = Person.get_by_id(item.person_id)
            s = due.ladder_settings()
            values = due.values_for(item, person, now, s)
            to = messages.Recipient(values.get("voornaam") or "", language, person.country, form)
            values["afspraken"] = [messages.describe(p.kind, due.part_details(p), to, now, s.tz) for p in item.parts]
            title = _("Preview for {person}").format(person=person.name)
        else:
            values = messages.sample_values(language)
            to = messages.Recipient("Sanne", language, "NL", form)
            values["afspraken"] = [messages.describe("deliverable", {"what": "reel", "product": values["product"]}, to)]
            title = _("Preview with example values")
        msg = messages.render(template_id, values, to, now=now, tz=due.owner_zone(),
                              override=(self.subject.text(), self.body.toPlainText()))
        self.preview_title.setText(title)
        self.preview.setPlainText(msg.subject + "\n\n" + msg.body)
        problems = messages.validate(self.subject.text()) + messages.validate(self.body.toPlainText())
        self.template_problem.setText("\n".join(dict.fromkeys(problems)))

    def store_template(self) -> bool:
        template_id, language, form = self.selection()
        try:
            templates.save(template_id, language, form, self.subject.text(), self.body.toPlainText(), utcnow())
        except templates.TemplateRefused as refused:
            self.template_problem.setText(_("Not saved:") + "\n" + "\n".join(refused.problems))
            return False
        self.template_state.setText(_("Your own wording"))
        return True

    def reset_template(self) -> None:
        template_id, language, form = self.selection()
        templates.reset(template_id, language, form)
        self._load_template()


def open_ladder_settings(parent: QWidget | None = None) -> None:
    LadderSettingsDialog(parent).exec()


__all__ = ["LadderSettingsDialog", "open_ladder_settings"]
