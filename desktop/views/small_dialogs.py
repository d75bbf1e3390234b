"""The small influencer dialogs: strike, rating, ending, block reason, ready message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QListWidgetItem

from desktop import clock, i18n
from desktop.domain import strikes as strike_rules
from desktop.domain.validation import validate_rating, validate_reason, validate_strike
from desktop.i18n import _, ngettext
from desktop.labels import choices, label
from desktop.store import influencers as ops
from desktop.presentation.due_texts import compose_for
from desktop.store import lookups
from desktop.views.form_dialog import FormDialog
from desktop.views.influencer_dialog import fill_combo
from desktop.presentation import event_texts, people_texts
from desktop.store.promises import gifts
from desktop.views import theme

TYPE_CHECKING = False  # not typing's; the models only name the types here (views run no SQL)
if TYPE_CHECKING:
    from desktop.store.models import Collaboration, Person

STARS = "★"


def _texts(dialog: FormDialog, save_text: str | None = None) -> None:
    box = dialog.buttons
    for button, text in ((box.StandardButton.Save, save_text or _("Save")), (box.StandardButton.Cancel, _("Cancel")),
                         (box.StandardButton.Ok, _("OK")), (box.StandardButton.Close, _("Close"))):
        if box.button(button) is not None:
            box.button(button).setText(text)


class StrikeDialog(FormDialog):
    form_name = "strike_dialog.ui"

    def __init__(self, parent=None, person: Person | None = None, collaboration: Collaboration | None = None):
        super().__init__(parent)
        self.person = person
        self.setWindowTitle(_("Strike for {name}").format(name=person.name))
        _texts(self, _("Add a strike"))
        fill_combo(self.w("reason"), [("", _("Choose a reason…")), *choices("strike_reason")])
        combo = self.w("collaboration")
        combo.addItem(_("(not about a specific collaboration)"), None)
        for c in lookups.collaborations_of(person.id):
            combo.addItem(c.title, c.id)
        if collaboration is not None:
            combo.setCurrentIndex(combo.findData(collaboration.id))
        elif combo.count() > 1:
            combo.setCurrentIndex(1)
        events = self.w("events")
        theme.roomy_rows(events, wrap=True)  # a long event wraps; no sideways scrolling
        theme.roomy_rows(self.w("evidencePictures"))
        # The lists take the height the form leaves; the form's rows keep their spacing.
        self.form.layout().setStretchFactor(events, 1)
        for e in lookups.recent_events(person.id, 30):
            item = QListWidgetItem(event_texts.dated_line(e))
            item.setData(Qt.UserRole, e.id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            events.addItem(item)
        self._fill_evidence(person)
        policy = ops.policy()
        now = clock.utcnow()
        n = len(strike_rules.counting(ops.strike_infos(person), policy, now)) + 1
        text = _("This will be strike {n} of {limit}.").format(n=n, limit=policy.to_inactive)
        if n >= policy.to_inactive and person.status == "active":
            text += " " + _("The influencer becomes inactive: no new collaborations until the outstanding work is posted.")
        warning = self.w("strikeWarning")
        warning.setText(text)
        if n >= policy.to_inactive:
            warning.setStyleSheet(theme.text_style("red", bold=True))

    def _fill_evidence(self, person: Person) -> None:
        """Her evidence pictures (screenshots kept with her content), to tick; hidden when there are none."""
        from desktop import clock as _clock
        from desktop.store import evidence as evidence_store
        from desktop.views.evidence import thumbnail_icon

        listing = self.w("evidencePictures")
        for row in evidence_store.of_person(person):
            # TRANSLATORS: an evidence picture in the strike dialog: the post it was kept with, the
            # file, and the day it was added to Afspraak (not the day of the post).
            item = QListWidgetItem(_("{content}: {name}, added {date}").format(
                content=event_texts.content_title(row.content),
                date=i18n.list_date(_clock.to_local(row.added_at)), name=row.original_name))
            item.setIcon(thumbnail_icon(row))
            item.setData(Qt.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            listing.addItem(item)
        empty = listing.count() == 0
        listing.setHidden(empty)
        self.w("evidenceLabel").setHidden(empty)

    @staticmethod
    def _checked(listing) -> list[int]:
        return [listing.item(i).data(Qt.UserRole) for i in range(listing.count())
                if listing.item(i).checkState() == Qt.Checked]

    def values(self) -> dict:
        return {"reason": self.w("reason").currentData(), "link": self.w("link").text(),
                "note": self.w("note").toPlainText(), "event_ids": self._checked(self.w("events")),
                "evidence_ids": self._checked(self.w("evidencePictures"))}

    def save(self) -> bool:
        errors, cleaned = validate_strike(self.values())
        if not self.show_errors(errors):
            return False
        c_id = self.w("collaboration").currentData()
        ops.add_strike(self.person, cleaned, clock.utcnow(), lookups.collaboration(c_id))
        return True

    def undo_text(self) -> str:
        # TRANSLATORS: Edit → Undo "…"; a strike given to {name}.
        return _("strike for {name}").format(name=self.person.name)


class RatingDialog(FormDialog):
    form_name = "rating_dialog.ui"
    FIELDS = ("communication", "quality", "punctuality", "result")

    def __init__(self, parent=None, collaboration: Collaboration | None = None):
        super().__init__(parent)
        self.collaboration = collaboration
        self.setWindowTitle(_("Rate: {title}").format(title=collaboration.title))
        _texts(self)
        self.w("ratingIntro").setText(_("How did the collaboration with {name} go?").format(
            name=collaboration.person.name))
        existing = lookups.rating_of(collaboration.id)
        for key in self.FIELDS:
            pairs = [(0, _("Choose…"))] + [(n, STARS * n + "☆" * (5 - n)) for n in range(1, 6)]
            fill_combo(self.w(key), pairs, getattr(existing, key) if existing else 0)
        if existing is not None:
            self.w("work_again").setChecked(existing.work_again)
            self.w("note").setPlainText(existing.note)

    def values(self) -> dict:
        out = {key: self.w(key).currentData() for key in self.FIELDS}
        out.update(work_again=self.w("work_again").isChecked(), note=self.w("note").toPlainText())
        return out

    def save(self) -> bool:
        errors, cleaned = validate_rating(self.values())
        if not self.show_errors(errors):
            return False
        ops.rate(self.collaboration, cleaned, clock.utcnow())
        return True

    def undo_text(self) -> str:
        # TRANSLATORS: Edit → Undo "…": the owner rated how a collaboration went.
        return _("rating of the collaboration with {name}").format(name=self.collaboration.person.name)


class EndDialog(FormDialog):
    """End a collaboration politely, with a ready message, and optionally block her."""

    form_name = "end_dialog.ui"

    def __init__(self, parent=None, collaboration: Collaboration | None = None):
        super().__init__(parent)
        self.collaboration = collaboration
        self.person = collaboration.person
        self.setWindowTitle(_("End: {title}").format(title=collaboration.title))
        _texts(self, _("End collaboration"))
        fill_combo(self.w("outcome"), [(s, label("collab_status", s)) for s in ("ended", "failed")])
        language = self.person.language
        if i18n.other_than_mine(language):
            # The reason is quoted in her message as typed: an English reason in a Dutch message
            # was copied as it stood (the screenshots' review of 2026-12-05).
            # TRANSLATORS: the ending dialog's reason field, when her messages are in another
            # language than the app's: "In Dutch: it is quoted in the message to Sanne de Vries".
            self.w("reason").setPlaceholderText(_("In {language}: it is quoted in the message to {name}").format(
                language=label("language", language), name=self.person.name))
        self._edited = False
        self.w("reason").textChanged.connect(self._fill_message)
        self.w("message").textChanged.connect(self._message_edited)
        self.w("copyMessage").clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.w("message").toPlainText()))
        self.w("block").toggled.connect(self.w("block_reason").setEnabled)
        self.w("block_reason").setEnabled(False)
        self._fill_message()

    def _message_edited(self) -> None:
        self._edited = not self._filling

    def _fill_message(self, *_args) -> None:
        if self._edited:
            return
        self._filling = True
        # No reason typed yet: the message goes without its reason sentence ("…" in its place was
        # copied as it stood: audit of 2026-12-05); the reason fills it in as she types.
        message = compose_for(self.person, "ending", {
            "titel": self.collaboration.title, "reden": self.w("reason").text().strip() or None}, clock.utcnow())
        self.w("message").setPlainText(message.body)
        self._filling = False

    _filling = False

    def save(self) -> bool:
        errors, cleaned = validate_reason({"reason": self.w("reason").text()})
        block = self.w("block").isChecked()
        if block:
            block_errors, _b = validate_reason({"reason": self.w("block_reason").text()})
            if "reason" in block_errors:  # the same check, shown under the block reason's field
                errors["block_reason"] = block_errors["reason"]
        if not self.show_errors(errors):
            return False
        message = self.w("message").toPlainText().strip() if self.w("message_sent").isChecked() else None
        ops.end_collaboration(self.collaboration, cleaned["reason"], message, clock.utcnow(),
                              block_reason=self.w("block_reason").text().strip() if block else None,
                              status=self.w("outcome").currentData())
        return True

    def undo_text(self) -> str:
        # TRANSLATORS: Edit → Undo "…".
        return _("collaboration with {name} ended").format(name=self.person.name)


class BlockDialog(FormDialog):
    form_name = "reason_dialog.ui"

    def __init__(self, parent=None, person: Person | None = None):
        super().__init__(parent)
        self.person = person
        self.setWindowTitle(_("Block {name}").format(name=person.name))
        _texts(self)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(_("Block"))  # what Enter does, not "OK"
        self.w("prompt").setText(people_texts.block_prompt(person.name, gifts.unsent_titles(person.id)))

    def save(self) -> bool:
        errors, cleaned = validate_reason({"reason": self.w("reason").text()})
        if not self.show_errors(errors):
            return False
        ops.block(self.person, cleaned["reason"], clock.utcnow())
        return True

    def undo_text(self) -> str:
        # TRANSLATORS: Edit → Undo "…".
        return _("{name} blocked").format(name=self.person.name)


class MessageDialog(FormDialog):
    """A ready message: edit, copy, send it yourself, then mark it as sent (timeline)."""

    form_name = "message_dialog.ui"

    def __init__(self, parent=None, person: Person | None = None, text: str = "", prompt: str = "",
                 collaboration: Collaboration | None = None):
        super().__init__(parent)
        self.person, self.collaboration = person, collaboration
        self.setWindowTitle(_("Message to {name}").format(name=person.name))
        _texts(self, _("Mark as sent"))
        self.w("prompt").setText(prompt)
        self.w("message").setPlainText(text)
        self.w("copyMessage").clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.w("message").toPlainText()))

    def save(self) -> bool:
        text = self.w("message").toPlainText().strip()
        if not self.show_errors({} if text else {"message": _("The message is empty.")}):
            return False
        ops.record_message(self.person, text, clock.utcnow(), self.collaboration)
        return True

    def undo_text(self) -> str:
        # TRANSLATORS: Edit → Undo "…"; a message the owner sent to {name} herself.
        return _("message to {name} marked sent").format(name=self.person.name)


class EndingMessageDialog(MessageDialog):
    """The message that tells her a collaboration ended (the template "ending"): offered right
    after the decision after a final reminder nobody answered ended it (the reminder's window,
    Vandaag's "End without strike"), and from her pane ("Closing message…") as long as no
    message told her. The decision alone left her without a word: the final reminder had
    said the collaboration would end, and nothing said it had (review of the influencer walk)."""

    def __init__(self, parent=None, person: Person | None = None, ending=None):
        from desktop.presentation.due_texts import ending_message

        collaborations = [lookups.collaboration(c) for c in ending.collaborations]
        collaborations = [c for c in collaborations if c is not None]
        titles = [c.title for c in collaborations]
        message = ending_message(person, titles, clock.utcnow(), ending.why,
                                 collaborations[0].end_reason if collaborations else "")
        # TRANSLATORS: over the closing message to an influencer whose collaboration(s) ended (after the
        # final reminder, say). "Not now" is the dialog's button; "Closing message…" the button in her pane.
        prompt = ngettext(
            "Let {name} know the collaboration has ended: copy this message, send it, then mark it as sent. "
            "Not now? It waits in Influencers, under the collaboration: “Closing message…”.",
            "Let {name} know the collaborations have ended: copy this message, send it, then mark it as sent. "
            "Not now? It waits in Influencers, under the collaborations: “Closing message…”.",
            len(titles)).format(name=person.name)
        super().__init__(parent, person, message.body, prompt, collaborations[0] if collaborations else None)
        # TRANSLATORS: title of the dialog with the message that tells an influencer her collaboration ended.
        self.setWindowTitle(_("Closing message to {name}").format(name=person.name))
        # TRANSLATORS: button of the closing message: close it without marking it sent (it waits in her pane).
        self.buttons.button(self.buttons.StandardButton.Close).setText(_("Not now"))

    def undo_text(self) -> str:
        # TRANSLATORS: Edit → Undo "…"; the message telling {name} her collaboration ended, marked sent.
        return _("closing message to {name} marked sent").format(name=self.person.name)


def offer_ending(parent, person_id: int, since, show=None) -> bool:
    """After a decision at ``since`` that ended her collaborations (her final reminder went
    unanswered): the message that tells her, when one ended then and none told her yet;
    True when she marked it sent. Skipped ("Not now"), it waits in her pane. ``show`` runs
    right before the dialog opens, only when there is one to offer (the tray brings the
    main window up first: the offer opens over it, not over a hidden window)."""
    from desktop.store import influencer_detail
    from desktop.views import dialogs

    ending = next((e for e in influencer_detail.untold_endings(person_id) if e.at >= since), None)
    person = lookups.person(person_id)
    if ending is None or person is None:
        return False
    if show is not None:
        show()
    return dialogs.run(EndingMessageDialog(parent, person, ending))


def mark_done(parent, items: list, now=None, marked=None, show=None) -> bool:
    """"Done" on reminders outside a step's own window: Vandaag's "End without strike", the
    tray popup's and a notification's "Done" (``app.Application._done``). They are marked
    done (``reminders.mark_done``; a strike decision: ended without a strike), ``marked``
    runs (the views follow), and for each person whose decision ended her collaborations
    then, the message that tells her is offered at once (:func:`offer_ending`, ``show``
    before it), as after the same choice in the step's window: from the tray, the decision
    ended the collaboration and no message was offered. True when one was marked sent (the
    reminders are told again: a message to her counts for the ladder)."""
    from desktop import reminders

    now = now or clock.utcnow()
    reminders.mark_done(items, now)
    if marked is not None:
        marked()
    told = False
    for person_id in dict.fromkeys(item.person_id for item in items if getattr(item, "action", "") == "strike"):
        told = offer_ending(parent, person_id, now, show) or told
    if told:
        reminders.notify_changed()
        if marked is not None:
            marked()
    return told
