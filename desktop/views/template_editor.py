"""The message template editor of the settings window (views/settings_window.py): edit per
template, language and form, placeholders by their meaning, live preview on a real due item,
reset; the changes are saved with the other settings, in one transaction.

The placeholders read and are typed in the app's language ({greeting} in English, {aanhef} in
Dutch), whichever language the template is in; either spelling is read, and a template is
kept with the canonical (Dutch) names (``messages.canonical``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import utcnow
from desktop.presentation import messages
from desktop.domain.followup import DueItem
from desktop import i18n
from desktop.i18n import _, pgettext
from desktop.labels import label
from desktop.presentation import due_texts
from desktop.store import due, lookups
from desktop.views.forms import load_form
from desktop.views import theme

CODE_ROLE = Qt.UserRole  # the placeholder's canonical name ("dagen_te_laat") on each list item
NAME_ROLE = Qt.UserRole + 1  # ... as the owner types it in the app's language ("days_late")


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
                         Qt.AlignLeft | Qt.AlignVCenter, "{" + str(index.data(NAME_ROLE) or index.data(CODE_ROLE)) + "}")
        painter.restore()


class TemplateEditor(QWidget):
    """The message templates: choose one (with its language and form), edit its subject and
    body with the placeholders beside them, see it rendered on a real due item.

    Nothing is written while editing: every changed template (or one set back to its
    default wording) is kept in ``edits`` until the settings window saves them all in its
    one transaction (``problems`` first, then ``store/settings.save_changes``)."""

    RESET = None  # an entry of ``edits``: back to the default wording (as store/settings.save_changes reads it)

    def __init__(self, parent: QWidget | None = None, now=utcnow):
        super().__init__(parent)
        self._now = now
        self.form = load_form("template_editor.ui", self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.form)
        f = self.form
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
        for editor in (self.subject, self.body, self.placeholders):
            editor.installEventFilter(self)
        self.preview_title: QLabel = f.findChild(QLabel, "previewTitle")
        self.preview: QPlainTextEdit = f.findChild(QPlainTextEdit, "preview")
        self.template_problem: QLabel = f.findChild(QLabel, "templateProblem")
        self.template_state: QLabel = f.findChild(QLabel, "templateState")
        self.reset_button: QPushButton = f.findChild(QPushButton, "resetTemplate")
        self.template_problem.setStyleSheet(theme.text_style("red"))
        # (template, language, form) -> (subject, body) typed, or RESET; written on save
        self.edits: dict[tuple[str, str, str], tuple[str, str] | None] = {}
        self._shown: tuple[str, str, str] | None = None  # the selection the editors hold

        for template_id, template in messages.TEMPLATES.items():
            self.template.addItem(_(template.title), template_id)
            if template_id in messages.TEMPLATE_NOTES:  # when it is sent, where the name cannot say it all
                self.template.setItemData(self.template.count() - 1, _(messages.TEMPLATE_NOTES[template_id]),
                                          Qt.ToolTipRole)
        self.language.addItem(_("Dutch"), "nl")
        self.language.addItem(_("English"), "en")
        # The templates open in the language the app speaks: an owner who works in English
        # starts on the English wording, not on Dutch she did not ask for.
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        for code in ("je", "u"):
            self.form_box.addItem("", code)
        self._name_forms()
        self.language.currentIndexChanged.connect(self._name_forms)
        self._sample_items = [i for i in due.plan(self._now()) if i.action == "message"]

        for box in (self.template, self.language, self.form_box):
            box.currentIndexChanged.connect(self._load_template)
        self.subject.textChanged.connect(self._edited)
        self.body.textChanged.connect(self._edited)
        self.placeholders.activated.connect(lambda _index: self.insert_placeholder())
        self.placeholders.currentItemChanged.connect(self._show_placeholder_help)
        self.insert_button.clicked.connect(lambda: self.insert_placeholder())
        self.template.currentIndexChanged.connect(self._load_placeholders)
        self.reset_button.clicked.connect(self.reset_template)
        self._load_placeholders()
        self._load_template()

    def _name_forms(self, *_args) -> None:
        """The forms of address named for the language chosen: a Dutch template's by its
        pronoun ("informal (je)"), an English one's by the greeting it gives ("informal (Hi …)")."""
        for index in range(self.form_box.count()):
            code = self.form_box.itemData(index)
            if self.language.currentData() == "nl":
                # TRANSLATORS: the Dutch forms of address, named by their pronoun (a Dutch text).
                text = _("formal (u)") if code == "u" else _("informal (je)")
            else:
                text = label("address_form", code)
            self.form_box.setItemText(index, text)

    # --- templates -----------------------------------------------------------------
    def selection(self) -> tuple[str, str, str]:
        return self.template.currentData(), self.language.currentData(), self.form_box.currentData()

    def _stored(self, selection: tuple[str, str, str]) -> tuple[str, str, bool]:
        """(subject, body, own wording) as saved now, or as the pending reset leaves it."""
        if selection in self.edits and self.edits[selection] is self.RESET:
            subject, body = messages.default_text(*selection)
            return subject, body, False
        return due_texts.template_text(*selection)

    def _load_template(self, *_args) -> None:
        selection = self.selection()
        stored_subject, stored_body, own = self._stored(selection)
        typed = self.edits.get(selection)
        subject, body = typed if typed else (stored_subject, stored_body)
        self._shown = None  # no edit is noted while the editors are filled
        self.subject.setText(self._spelled(subject))
        self.body.setPlainText(self._spelled(body))
        self._shown = selection
        self.template_problem.setText("")
        self._show_state()
        self.update_preview()

    def _edited(self, *_args) -> None:
        """Note what was typed for the template on screen (written when the settings are saved)."""
        if self._shown is not None:
            subject, body = self.typed()
            stored_subject, stored_body, _own = self._stored(self._shown)
            if (subject, body) != (stored_subject, stored_body):
                self.edits[self._shown] = (subject, body)
            elif self.edits.get(self._shown) is not self.RESET:
                self.edits.pop(self._shown, None)
            self._show_state()
        self.update_preview()

    @staticmethod
    def _spelled(text: str) -> str:
        """A template's text with its placeholders named in the app's language."""
        return messages.spelled(text, i18n.current_language())

    def typed(self) -> tuple[str, str]:
        """(subject, body) as typed, the placeholders by their canonical names (either spelling)."""
        return messages.canonical(self.subject.text()), messages.canonical(self.body.toPlainText())

    def _show_state(self) -> None:
        selection = self.selection()
        if selection in self.edits:
            state = _("Changed: saved when you save the settings")
        else:
            own = due_texts.template_text(*selection)[2]
            # A sentence, not a lone word beside the reset button: what this text is, and what to do.
            state = (_("This is your own wording; “Reset to default” brings back the standard text.") if own else
                     _("This is the standard text. Change it here to make it your own."))
        note = messages.TEMPLATE_NOTES.get(selection[0])  # when this template is sent (reply.1.parcel)
        self.template_state.setText(state if note is None else _(note) + "\n" + state)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.FocusIn and watched in (self.subject, self.body):
            self._target = watched
        if (watched is self.placeholders and event.type() == QEvent.KeyPress
                and event.key() in (Qt.Key_Return, Qt.Key_Enter)):
            # Enter inserts the placeholder; it must not reach the window's Save button
            self.insert_placeholder()
            return True
        return super().eventFilter(watched, event)

    def _load_placeholders(self, *_args) -> None:
        """The placeholders this template can use, each by its plain meaning."""
        self.placeholders.clear()
        language = i18n.current_language()
        template_id = self.template.currentData()
        for name in messages.placeholders_for(template_id):
            # its meaning in this template ({pakketvraag} in reply.1.parcel asks after her message too)
            item = QListWidgetItem(pgettext("placeholder", messages.placeholder_label(template_id, name)))
            item.setData(CODE_ROLE, name)
            typed = messages.spelled_name(name, language)
            item.setData(NAME_ROLE, typed)
            item.setToolTip("{" + typed + "}: " + _(messages.placeholder_help(template_id, name)))
            self.placeholders.addItem(item)
        self.placeholders.setCurrentRow(0)

    def _show_placeholder_help(self, item: QListWidgetItem | None, *_args) -> None:
        self.placeholder_help.setText(item.toolTip() if item is not None else "")
        self.insert_button.setEnabled(item is not None)

    def insert_placeholder(self, name: str | None = None) -> None:
        """Put ``{name}`` (default: the chosen one; a canonical name) at the cursor of the
        subject or body, whichever was edited last, as the owner types it in the app's
        language, and go back there to keep typing."""
        if name is None:
            item = self.placeholders.currentItem()
            if item is None:
                return
            name = item.data(CODE_ROLE)
        token = "{" + messages.spelled_name(name, i18n.current_language()) + "}"
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
        person = lookups.person(item.person_id) if item is not None else None
        if item is not None and person is not None:
            s = due.ladder_settings()
            to = messages.Recipient(due_texts.recipient(person).first_name, language, person.country, form)
            values, owed = due_texts.item_values(item, person, now, s, to)
            if template_id in messages.ASKS_ARRIVAL and owed.pakketvraag:  # her own step 1, the parcel apart
                values["pakketvraag"] = owed.asked_apart
            title = _("Preview for {person}").format(person=person.name)
        else:
            values, owed = messages.sample_values(language), None
            to = messages.Recipient("Sanne", language, "NL", form)
            values["afspraken"] = [messages.describe("deliverable", {"what": "reel", "product": values["product"]}, to)]
            if template_id in messages.SEVERAL_COLLABORATIONS.values():  # a notice that ends several collaborations
                values["afspraken"].append(messages.describe("deliverable", {"what": "story", "count": 2}, to))
            values["inhoud"] = messages.describe("deliverable", {"what": "story"}, to)  # "je story" / "uw story"
            if template_id in messages.ASKS_ARRIVAL.values():  # "did both my message and the parcel … reach you?"
                values["pakketvraag"] = messages.parcel_question({"product": values["product"]}, to, with_message=True)
            title = _("Preview with example values")
        subject, body = self.typed()
        body, values = due_texts.fitted(values, body, owed)
        msg = messages.render(template_id, values, to, now=now, tz=due.owner_zone(), override=(subject, body))
        self.preview_title.setText(title)
        self.preview.setPlainText(msg.subject + "\n\n" + msg.body)
        problems = messages.validate(self.subject.text()) + messages.validate(self.body.toPlainText())
        self.template_problem.setText("\n".join(dict.fromkeys(problems)))

    def problems(self) -> list[tuple[tuple[str, str, str], list[str]]]:
        """Every changed template that cannot be saved, with what is wrong with it."""
        found = []
        for selection, typed in self.edits.items():
            if typed is self.RESET:
                continue
            subject, body = typed
            problems = messages.validate(subject) + messages.validate(body)
            if not body.strip():
                problems.append(_("The message is empty."))
            if problems:
                found.append((selection, list(dict.fromkeys(problems))))
        return found

    def describe(self, selection: tuple[str, str, str]) -> str:
        """A template, language and form as the owner chose them in the boxes."""
        template_id, language, form = selection
        names = [box.itemText(box.findData(value))
                 for box, value in ((self.template, template_id), (self.language, language), (self.form_box, form))]
        return _("{template} ({language}, {form})").format(template=names[0], language=names[1], form=names[2])

    def show_template(self, selection: tuple[str, str, str]) -> None:
        for box, value in zip((self.template, self.language, self.form_box), selection):
            box.setCurrentIndex(box.findData(value))

    def saved(self) -> None:
        """After the transaction: nothing is pending any more."""
        self.edits.clear()
        self._show_state()

    def reset_template(self) -> None:
        """Back to the default wording (when the settings are saved)."""
        selection = self.selection()
        self.edits[selection] = self.RESET
        if not due_texts.template_text(*selection)[2]:
            self.edits.pop(selection)  # it already has the default wording
        self._load_template()


__all__ = ["PlaceholderDelegate", "TemplateEditor", "CODE_ROLE", "NAME_ROLE"]
