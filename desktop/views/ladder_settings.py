"""Settings for the follow-up ladder: when steps come due, quiet hours, and the message
templates (edit per language and form, live preview on a real due item, reset)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTime
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import utcnow
from desktop.presentation import messages
from desktop.domain.followup import DueItem, _parse_time
from desktop.i18n import _, pgettext
from desktop.presentation import due_texts
from desktop.store import due, settings, templates
from desktop.store.db import db
from desktop.store.models import Person
from desktop.views.forms import load_form
from desktop.views import theme

CODE_ROLE = Qt.UserRole  # the placeholder's name ("dagen_te_laat") on each list item


class PlaceholderDelegate(QStyledItemDelegate):
    """A placeholder in the list: its plain meaning, and below it its {code} in small print."""

    PAD = 4

    def _small(self, option: QStyleOptionViewItem):
        font = option.font
        font.setPointSizeF(font.pointSizeF() * 0.85)
        return font

    def sizeHint(self, option, index) -> QSize:
        base = super().sizeHint(option, index)
        small = option.fontMetrics.height() * 0.85
        return QSize(base.width(), int(option.fontMetrics.height() + small + 3 * self.PAD))

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.State_Selected)
        group = QPalette.Active if opt.state & QStyle.State_Active else QPalette.Inactive
        colour = opt.palette.color(group, QPalette.HighlightedText if selected else QPalette.Text)
        rect = opt.rect.adjusted(2 * self.PAD, self.PAD, -self.PAD, -self.PAD)
        line = opt.fontMetrics.height()
        painter.save()
        painter.setPen(colour)
        painter.setFont(opt.font)
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line), Qt.AlignLeft | Qt.AlignVCenter,
                         opt.fontMetrics.elidedText(text, Qt.ElideRight, rect.width()))
        painter.setFont(self._small(opt))
        if not selected:
            painter.setPen(opt.palette.color(group, QPalette.PlaceholderText))
        painter.drawText(QRect(rect.left(), rect.top() + line, rect.width(), rect.height() - line),
                         Qt.AlignLeft | Qt.AlignVCenter, "{" + str(index.data(CODE_ROLE)) + "}")
        painter.restore()


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
        self.placeholders: QListWidget = f.findChild(QListWidget, "placeholders")
        self.placeholder_help: QLabel = f.findChild(QLabel, "placeholderHelp")
        self.insert_button: QPushButton = f.findChild(QPushButton, "insertPlaceholder")
        self.placeholders.setItemDelegate(PlaceholderDelegate(self.placeholders))
        # Where an inserted placeholder goes: the text field the owner was in last.
        self._target: QLineEdit | QPlainTextEdit = self.body
        for editor in (self.subject, self.body):
            editor.installEventFilter(self)
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
        self._sample_items = [i for i in due.plan(self._now()) if i.action == "message"]

        self.save_timing.clicked.connect(self.store_timing)
        for box in (self.template, self.language, self.form_box):
            box.currentIndexChanged.connect(self._load_template)
        self.subject.textChanged.connect(self.update_preview)
        self.body.textChanged.connect(self.update_preview)
        self.save_template_button.clicked.connect(self.store_template)
        self.placeholders.activated.connect(lambda _index: self.insert_placeholder())
        self.placeholders.currentItemChanged.connect(self._show_placeholder_help)
        self.insert_button.clicked.connect(lambda: self.insert_placeholder())
        self.template.currentIndexChanged.connect(self._load_placeholders)
        self.reset_button.clicked.connect(self.reset_template)
        f.findChild(QPushButton, "closeButton").clicked.connect(self.accept)
        self._load_placeholders()
        self._load_template()
        self.resize(1000, 680)

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
        subject, body, own = due_texts.template_text(template_id, language, form)
        self.subject.setText(subject)
        self.body.setPlainText(body)
        self.template_state.setText(_("Your own wording") if own else _("Default wording"))
        self.template_problem.setText("")
        self.update_preview()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.FocusIn and watched in (self.subject, self.body):
            self._target = watched
        return super().eventFilter(watched, event)

    def _load_placeholders(self, *_args) -> None:
        """The placeholders this template can use, each by its plain meaning."""
        self.placeholders.clear()
        for name in messages.placeholders_for(self.template.currentData()):
            item = QListWidgetItem(pgettext("placeholder", messages.PLACEHOLDER_LABELS[name]))
            item.setData(CODE_ROLE, name)
            item.setToolTip("{" + name + "}: " + _(messages.PLACEHOLDERS[name]))
            self.placeholders.addItem(item)
        self.placeholders.setCurrentRow(0)

    def _show_placeholder_help(self, item: QListWidgetItem | None, *_args) -> None:
        self.placeholder_help.setText(item.toolTip() if item is not None else "")
        self.insert_button.setEnabled(item is not None)

    def insert_placeholder(self, name: str | None = None) -> None:
        """Put ``{name}`` (default: the chosen one) at the cursor of the subject or body,
        whichever was edited last, and go back there to keep typing."""
        if name is None:
            item = self.placeholders.currentItem()
            if item is None:
                return
            name = item.data(CODE_ROLE)
        token = "{" + name + "}"
        if self._target is self.subject:
            self.subject.insert(token)
        else:
            self.body.insertPlainText(token)
        self._target.setFocus(Qt.OtherFocusReason)

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
            values = due_texts.values_for(item, person, now, s)
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
