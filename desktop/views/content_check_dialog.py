"""Check a logged post's points yourself ("Check…" in the influencer pane).

What a caption cannot show (said in the video itself, the first and last story) is a box
in "Log content…"; a box left unticked is "not checked" (domain/disclosure.py). Once the
owner looked at the post herself, she says here what she found for each such point: in
order, missing, or not checked yet; a point she found missing is listed again (once the
influencer added it, it is in order). The store records it with a timeline event
(``influencers.check_content``; the domain decides what the post then lacks); Edit → Undo
takes it back as any dialog's save.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QWidget

from desktop import clock
from desktop.i18n import _
from desktop.presentation import disclosure_texts, event_texts
from desktop.store import influencers as ops
from desktop.views.base import plain_label
from desktop.views.form_dialog import FormDialog

TYPE_CHECKING = False  # not typing's; the models only name the types here (views run no SQL)
if TYPE_CHECKING:
    from desktop.store.models import Content

# The choices' names in the dialog (objectName "<point>_<name>"), in check_choices' order.
CHOICE_NAMES = {True: "ok", False: "missing", None: "unchecked"}


class ContentCheckDialog(FormDialog):
    form_name = "content_check.ui"

    def __init__(self, parent=None, content: Content | None = None):
        super().__init__(parent)
        self.content = content
        self.person = content.collaboration.person
        # as the pane read them: points older versions stored in words read as their codes
        self.stored = disclosure_texts.stored_state(content)
        self.rechecked = None
        # TRANSLATORS: title of the dialog to check a logged post's points yourself; {content} e.g.
        # "Reel on Instagram".
        self.setWindowTitle(_("Check: {content}").format(content=event_texts.content_title(content)))
        self.buttons.button(self.buttons.StandardButton.Save).setText(_("Save"))
        self.buttons.button(self.buttons.StandardButton.Cancel).setText(_("Cancel"))
        self.w("content").setText(event_texts.content_line(content))
        choices = disclosure_texts.check_choices()
        missing = next(text for value, text in choices if value is False)
        # TRANSLATORS: the check dialog's text above the points; {missing} is the choice "Missing",
        # {name} the influencer.
        self.w("prompt").setText(_(
            "Look at it yourself and choose for each point what you found. What you mark “{missing}” is named in "
            "the request to {name} to add it.").format(missing=missing, name=self.person.name))
        holder = self.w("points")
        layout = holder.layout()
        self.groups: dict[str, QButtonGroup] = {}
        layout.setSpacing(2)  # a point's choices right under it...
        for key, words, now in disclosure_texts.points_to_check(content):
            layout.addSpacing(self.fontMetrics().height() // 2)  # ...and the points apart
            point = plain_label(words, holder, bold=True)
            layout.addWidget(point)
            row = QWidget(holder)
            row.setObjectName(f"point_{key}")
            line = QHBoxLayout(row)
            line.setContentsMargins(point.fontMetrics().horizontalAdvance("    "), 0, 0, 0)
            group = QButtonGroup(row)
            for index, (value, text) in enumerate(choices):
                button = QRadioButton(text, row)
                button.setObjectName(f"{key}_{CHOICE_NAMES[value]}")
                button.setAccessibleDescription(words)  # which point "OK" is about
                button.setChecked(value is now)
                group.addButton(button, index)
                line.addWidget(button)
            line.addStretch(1)
            layout.addWidget(row)
            group.buttonToggled.connect(lambda *_args, group=group: _one_tab_stop(group))
            _one_tab_stop(group)
            self.groups[key] = group
        self._values = [value for value, _text in choices]
        if self.groups:  # the first point's answer, not Save: she comes to choose
            first = next(iter(self.groups.values())).checkedButton()
            first.setFocus(Qt.OtherFocusReason)

    def found(self) -> dict[str, bool | None]:
        """What she chose for each point: True in order, False missing, None not checked yet."""
        return {key: self._values[group.checkedId()] for key, group in self.groups.items()}

    def choose(self, key: str, value: bool | None) -> None:
        """Pick ``value`` for the point ``key`` (as a click on its choice does)."""
        self.groups[key].button(self._values.index(value)).setChecked(True)

    def save(self) -> bool:
        self.rechecked = ops.check_content(self.content, self.found(), clock.utcnow(), self.stored)
        return True

    def undo_text(self) -> str:
        # TRANSLATORS: Edit → Undo "…": the owner recorded what she found when she checked a post herself;
        # {content} e.g. "reel on Instagram".
        return _("{name}'s {content} checked").format(
            content=event_texts.content_title(self.content, inline=True), name=self.person.name)


def _one_tab_stop(group: QButtonGroup) -> None:
    """Tab stops once at a point, on its answer; the arrow keys change it (as a group of
    radio buttons does on every desktop), not three stops a point."""
    for button in group.buttons():
        button.setFocusPolicy(Qt.StrongFocus if button.isChecked() else Qt.ClickFocus)
