"""One due follow-up step with its ready message: copy it, open the right channel, then
mark it sent, log the reply, snooze it or close it without a message.

Self-contained: anything that has a ``DueItem`` (the influencer pane, the Vandaag list,
a tray popup) opens it with :func:`open_due_item` or ``DueStepDialog(item, parent)``.
The ``acted`` signal says what the owner did ("sent", "reply", "snoozed", "dismissed",
"strike") so the caller can refresh and tell the reminders (``open_due_item`` does, once:
the dialog's own snooze and done leave that to it).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.clock import snooze_until, utcnow
from desktop.domain import followup
from desktop.domain.followup import NO_OTHER_CHANNEL, DueItem
from desktop.i18n import _
from desktop.labels import label
from desktop.presentation import due_texts, messages
from desktop.store import due
from desktop.views.forms import load_form
from desktop.views.keys import letters_when_shown


def open_url(url: str) -> bool:
    """Open a link in the desktop's default program (tests replace this)."""
    return QDesktopServices.openUrl(QUrl(url, QUrl.TolerantMode))


def channel_url(channel: str, info: due.ContactInfo, subject: str, text: str) -> str:
    """The link that opens ``channel`` for this person with the message where possible."""
    if channel == "email" and info.email:
        return f"mailto:{quote(info.email, safe='@')}?subject={quote(subject)}&body={quote(text)}"
    if channel == "whatsapp" and info.whatsapp:
        digits = "".join(ch for ch in info.whatsapp if ch.isdigit())
        if info.whatsapp.strip().startswith("00"):
            digits = digits[2:]
        return f"https://wa.me/{digits}?text={quote(text)}"
    if channel == "instagram" and info.instagram:
        return f"https://www.instagram.com/{quote(info.instagram)}/"
    if channel == "tiktok" and info.tiktok:
        return f"https://www.tiktok.com/@{quote(info.tiktok)}"
    return ""


# --- step 3 without another channel -------------------------------------------------

def no_other_channel_words(item: DueItem, info: due.ContactInfo) -> str:
    """What step 3 says when it cannot propose another channel (``item.channel_note``):
    the channels known, and what to add to reach her another way."""
    from babel.lists import format_list

    known = [label("channel", code) for code, value in (
        ("instagram", info.instagram), ("tiktok", info.tiktok), ("email", info.email),
        ("whatsapp", info.whatsapp if info.whatsapp != info.phone else ""), ("phone", info.phone)) if value]
    if known:
        # TRANSLATORS: step 3 of the ladder ("try another channel") when only these channels are known,
        # e.g. "You only know Sanne's Instagram." {channels} is one or more channel names.
        first = _("You only know {name}'s {channels}.").format(
            name=item.person_name, channels=format_list(known, locale=i18n.formatting_locale()))
    else:
        first = _("You don't have any way to reach {name} yet.").format(name=item.person_name)
    if not info.email and not info.phone:
        then = _("Add an email address or a phone number to reach {name} another way.")
    elif not info.phone:
        then = _("Add a phone number to reach {name} another way.")
    else:
        then = _("Add an email address to reach {name} another way.")
    return first + " " + then.format(name=item.person_name)


def add_contact_details(parent: QWidget | None, person_id: int) -> bool:
    """The influencer's edit dialog at her email address (or phone number); True when saved."""
    from desktop.store import lookups
    from desktop.views import dialogs
    from desktop.views.influencer_dialog import InfluencerDialog

    person = lookups.person(person_id)
    if person is None:
        return False
    dialog = InfluencerDialog(parent, person)
    field = dialog.w("phone" if person.email else "email")
    field.setFocus()
    dialog.setFocusProxy(field)
    return dialogs.run(dialog)


def current_item(item: DueItem, now: datetime) -> DueItem | None:
    """``item`` as the ladder plans it now (after a change to the person), or None."""
    from desktop import reminders

    return next((i for i in reminders.plan(now) if i.key == item.key), None)


def add_channel_button(parent: QWidget | None, item: DueItem, name: str, after_saved: Callable[[], None]) -> QPushButton:
    button = QPushButton(_("Add an email address or phone number…"))
    button.setObjectName(name)

    def clicked() -> None:
        from desktop import reminders

        if add_contact_details(button.window(), item.person_id):
            reminders.notify_changed()
            after_saved()

    button.clicked.connect(clicked)
    return button


class DueStepDialog(QDialog):
    acted = Signal(str)

    def __init__(self, item: DueItem, parent: QWidget | None = None, now: Callable[[], datetime] = utcnow):
        super().__init__(parent)
        self.item = item
        self._now = now
        self.setWindowTitle(_("Follow-up: {person}").format(person=item.person_name))
        self.form = load_form("due_step.ui", self)
        letters_when_shown(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        f = self.form
        self.heading: QLabel = f.findChild(QLabel, "heading")
        self.about: QLabel = f.findChild(QLabel, "about")
        self.hint: QLabel = f.findChild(QLabel, "hint")
        self.pages: QStackedWidget = f.findChild(QStackedWidget, "pages")
        self.channel: QComboBox = f.findChild(QComboBox, "channel")
        self.subject: QLineEdit = f.findChild(QLineEdit, "subject")
        self.message: QPlainTextEdit = f.findChild(QPlainTextEdit, "message")
        self.number: QLabel = f.findChild(QLabel, "number")
        self.copy_button: QPushButton = f.findChild(QPushButton, "copyButton")
        self.open_button: QPushButton = f.findChild(QPushButton, "openButton")
        self.sent_button: QPushButton = f.findChild(QPushButton, "sentButton")
        self.sent_earlier_button: QPushButton = f.findChild(QPushButton, "sentEarlierButton")
        # What a message step has and a strike decision has not; off while the message is not chosen yet.
        self._message_buttons = (self.sent_button, self.sent_earlier_button, self.copy_button, self.open_button)
        self.strike_button: QPushButton = f.findChild(QPushButton, "strikeButton")
        self.reply_button: QPushButton = f.findChild(QPushButton, "replyButton")
        self.snooze_button: QPushButton = f.findChild(QPushButton, "snoozeButton")  # a menu button (theme.menu_button)
        self.dismiss_button: QPushButton = f.findChild(QPushButton, "dismissButton")
        self.close_button: QPushButton = f.findChild(QPushButton, "closeButton")
        self.strike_text: QLabel = f.findChild(QLabel, "strikeText")

        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.info = due.contact_info(item.person_id)
        self.incomplete_question: QWidget | None = None
        self.add_channel: QPushButton | None = None
        self._fill()

        self.copy_button.clicked.connect(self.copy_message)
        self.open_button.clicked.connect(self.open_channel)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.sent_button.clicked.connect(self.mark_sent)
        self.sent_earlier_button.clicked.connect(self.mark_sent_earlier)
        self.sent_earlier_button.setToolTip(_("You sent this message on an earlier day (from your phone, say): it is "
                                              "logged on that day, and the next reminder counts from it."))
        self.strike_button.clicked.connect(self.give_strike)
        self.reply_button.clicked.connect(self.mark_reply)
        if item.kind == "shipment":
            self._add_parcel_buttons()
        else:
            self.reply_button.setToolTip(_("An answer came in: the reminders pause. A post or story still missing a "
                                           "week later is asked about again, with thanks for her message."))
        self.dismiss_button.clicked.connect(self.dismiss)
        self.close_button.clicked.connect(self.reject)
        menu = QMenu(self.snooze_button)
        self.snooze_hour = menu.addAction(_("In 1 hour"))
        self.snooze_tomorrow = menu.addAction(due_texts.snooze_morning_label(self._now()))  # "Maandag 09:00" on a Saturday
        self.snooze_hour.triggered.connect(lambda: self.snooze(self._now() + timedelta(hours=1)))
        self.snooze_tomorrow.triggered.connect(lambda: self.snooze(self.tomorrow_morning()))
        self.snooze_button.setMenu(menu)
        # Only a snooze that moves the step later: a step of the next days stays as planned.
        # ...and no "In 1 hour" that comes back when the morning one does: Vandaag's rule
        from desktop import reminders

        hour, morning = reminders.snoozes_offered(item, self._now())
        self.snooze_hour.setVisible(hour)
        self.snooze_tomorrow.setVisible(morning)
        self.snooze_button.setVisible(self.snooze_hour.isVisible() or self.snooze_tomorrow.isVisible())
        self.resize(680, 640)

    # --- filling ------------------------------------------------------------------
    def _fill(self) -> None:
        item = self.item
        self.heading.setText(_("{person}: {step}").format(person=item.person_name, step=label("due_step", item.step)))
        zone = due.owner_zone()
        about = [label("due_kind", item.kind) + " · " + due_texts.subject_title(item)]
        # each part with its own moment, never another part's; a decision has no message: what
        # else it decides on (the joint decision after a notice that named several collaborations)
        # TRANSLATORS: the header of a strike decision that decides on several late deliverables at once:
        # a line per deliverable after the first ("Content overdue · also in this decision · <moment>").
        also = _("also in this decision") if item.action == "strike" else _("also in this message")
        about += [label("due_kind", p.kind) + " · " + also + " · "
                  + i18n.format_moment(p.due.replace(tzinfo=timezone.utc).astimezone(zone)) for p in item.parts[1:]]
        self.about.setText("\n".join(about))
        local_due = item.own_due.replace(tzinfo=timezone.utc).astimezone(zone)
        # "since" only for a step whose turn came; one planned for later says "from" (audit 9, F5).
        # TRANSLATORS: the due dialog's line: "Due since" or "Due from" (translated on their own), then a moment.
        self.hint.setText(_("{due_since_or_from} {moment}.").format(
            due_since_or_from=due_texts.step_moment_label(item.own_due, self._now()),
            moment=i18n.format_moment(local_due)))
        is_message = item.action == "message"
        self.pages.setCurrentIndex(0 if is_message else 1)
        for w in self._message_buttons:
            w.setVisible(is_message)
        self.strike_button.setVisible(not is_message)
        self.reply_button.setVisible(item.kind != "custom_order")
        if not is_message:
            if len(due.strike_facts(item, self._now())["collaborations"]) > 1:  # a notice that named several
                # TRANSLATORS: a strike decision after a final reminder that named the late work of several
                # collaborations: the decision ends them all (one strike).
                words = _("{person} did not answer the final reminder. Add a strike and mark the collaborations "
                          "“Not fulfilled”? The strike lists the reminders as evidence. Or end the collaborations "
                          "without a strike: they end either way, as the final reminder said.")
            else:
                words = _("{person} did not answer the final reminder. Add a strike and mark the collaboration "
                          "“Not fulfilled”? The strike lists the reminders as evidence. Or end the collaboration "
                          "without a strike: it ends either way, as the final reminder said.")
            self.strike_text.setText(words.format(person=item.person_name))
            self.dismiss_button.setText(_("End without strike"))
            return
        # as written: laid out for the channel chosen below (_channel_changed), an e-mail as a letter
        message = due_texts.compose(item, self._now(), channel="")
        self._written = None  # the message the box shows, until she changes its text
        if message is not None and message.incomplete:
            self._ask_incomplete(message)
        else:
            self.show_message(message)
        channels = [c for c, value in (("email", self.info.email), ("whatsapp", self.info.whatsapp),
                                       ("instagram", self.info.instagram), ("tiktok", self.info.tiktok),
                                       ("phone", self.info.phone)) if value]
        if item.channel and item.channel not in channels:
            channels.insert(0, item.channel)
        if item.channel_note == NO_OTHER_CHANNEL:
            self.hint.setText(self.hint.text() + " " + no_other_channel_words(item, self.info))
            self.add_channel = add_channel_button(self, item, "addChannelButton", self._contact_details_added)
            self.form.layout().insertWidget(self.form.layout().indexOf(self.hint) + 1, self.add_channel, 0,
                                            Qt.AlignLeft)
        elif item.step == "3":
            self.hint.setText(self.hint.text() + " " + _(
                "Try a different channel from last time: call, or send a direct message."))
        for code in channels or ["other"]:
            self.channel.addItem(label("channel", code), code)
        index = self.channel.findData(item.channel)
        self.channel.setCurrentIndex(max(index, 0))
        self._channel_changed()

    def _contact_details_added(self) -> None:
        """The person has a new email address or number: the step as the ladder plans it now."""
        new = current_item(self.item, self._now())
        if new is None:
            return
        self.item = new
        self.info = due.contact_info(new.person_id)
        self._fill_again()

    def _names_filled_in(self) -> None:
        """Settings at the shop's names (the message was not signed); saved, the message
        is written again with them."""
        from desktop.views.settings_window import fill_in_names

        if fill_in_names(self):
            self._fill_again()
            self.copy_button.setFocus(Qt.OtherFocusReason)

    def _fill_again(self) -> None:
        for old in (self.add_channel, self.incomplete_question):
            if old is not None:
                old.hide()
                old.deleteLater()
        self.add_channel = self.incomplete_question = None
        for button in self._message_buttons:  # off while the question was asked: asked again if still needed
            button.setEnabled(True)
        self.message.setPlaceholderText("")
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.blockSignals(False)
        self._fill()

    def show_message(self, message) -> None:
        self.subject.setText(message.subject if message else "")
        self._written = message
        self._shown = messages.for_channel(message, self.current_channel()).body if message else ""
        self.message.setPlainText(self._shown)

    def _lay_out(self) -> None:
        """The ready message laid out for the chosen channel (an e-mail's greeting on a line
        of its own, step 3's chat form on one line: ``messages.for_channel``), as long as the
        owner has not changed its text."""
        if self._written is None or self.message.toPlainText() != self._shown:
            return
        laid_out = messages.for_channel(self._written, self.current_channel()).body
        if laid_out != self._shown:
            self._shown = laid_out
            self.message.setPlainText(laid_out)

    def _ask_incomplete(self, message) -> None:
        """Ask before showing a message that lacks a value it needs: show it without the
        sentences that need the value, or start from an empty text; without the names that
        sign it, first of all: fill them in (Settings), and the message is written again."""
        from desktop.presentation.messages import PLACEHOLDERS

        from babel.lists import format_list

        def listed(names) -> str:
            return format_list([_(PLACEHOLDERS[name]) for name in names], locale=i18n.formatting_locale())

        unsigned = messages.UNSIGNED <= set(message.incomplete)
        others = [name for name in message.incomplete if not unsigned or name not in messages.UNSIGNED]
        box = QWidget(self)
        box.setObjectName("incompleteQuestion")
        row = QVBoxLayout(box)
        if unsigned and not others:
            # TRANSLATORS: the reminder dialog; {missing} is "your own name and your shop's name"
            text = _("Afspraak does not know {missing} yet, so this message is not signed. Fill in your names first, "
                     "see the message without a signature, or write it yourself?").format(
                missing=listed(sorted(messages.UNSIGNED)))
        elif unsigned:
            # TRANSLATORS: the reminder dialog; {names}: "your own name and your shop's name", {missing}: the rest
            text = _("Afspraak does not know {names} yet, so this message is not signed, and it lacks {missing}: the "
                     "sentences that need it are left out. Fill in your names first, see the message without them, "
                     "or write it yourself?").format(names=listed(sorted(messages.UNSIGNED)), missing=listed(others))
        else:
            text = _("This message needs something Afspraak does not know: {missing}. The sentences that need it "
                     "are left out. Show the message anyway, or write it yourself?").format(missing=listed(others))
        question = QLabel(text)
        question.setWordWrap(True)
        row.addWidget(question)
        answers = []
        if unsigned:  # no name to sign it with: fill them in
            names = QPushButton(_("Fill in your names…"))
            names.setObjectName("fillInNames")
            names.clicked.connect(self._names_filled_in)
            answers.append(names)
        show = QPushButton(_("Show without a signature") if unsigned and not others else
                           _("Show without those sentences"))
        show.setObjectName("showIncomplete")
        own = QPushButton(_("Write it myself"))
        own.setObjectName("writeOwn")
        answers += [show, own]
        for button in answers:
            row.addWidget(button)
        self.layout().insertWidget(0, box)
        # The question comes first: the keys start at its first answer (with the dialog's
        # send buttons off until one is chosen, Enter on "Kanaal" pressed nothing).
        from desktop.views.base import tab_stops
        from desktop.views.keys import tab_in_reading_order

        tab_in_reading_order(*answers, *(w for w in tab_stops(self) if w not in answers))
        answers[0].setFocus(Qt.OtherFocusReason)
        for button in self._message_buttons:
            button.setEnabled(False)
        self.message.setPlainText("")
        self.message.setPlaceholderText(_("Choose above how to start this message."))

        def answer(show_it: bool) -> None:
            box.hide()
            for button in self._message_buttons:
                button.setEnabled(True)
            self.message.setPlaceholderText("")
            self.subject.setText(message.subject)
            if show_it:
                self.show_message(message)
            else:
                self.message.setPlainText("")
            # on from the answer that went: to the message's first button, or into the box to write it
            (self.copy_button if show_it else self.message).setFocus(Qt.OtherFocusReason)

        show.clicked.connect(lambda: answer(True))
        own.clicked.connect(lambda: answer(False))
        self.incomplete_question = box

    def current_channel(self) -> str:
        return self.channel.currentData() or ""

    def _channel_changed(self, *_args) -> None:
        channel = self.current_channel()
        texts = {"email": _("Open email draft"), "whatsapp": _("Open WhatsApp chat"),
                 "instagram": _("Open Instagram profile"), "tiktok": _("Open TikTok profile"),
                 "phone": _("Show number")}
        self.open_button.setText(texts.get(channel, _("Open")))
        self.open_button.setEnabled(channel in texts)
        self.subject.setEnabled(channel == "email")
        self.number.setText("")
        self._lay_out()

    # --- sending ------------------------------------------------------------------
    def text(self) -> str:
        return self.message.toPlainText().strip()

    def copy_message(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    def open_channel(self) -> str:
        """Open the chosen channel; returns the link opened ("" for showing the number)."""
        channel = self.current_channel()
        if channel == "phone":
            self.number.setText(self.info.phone or self.info.whatsapp)
            return ""
        url = channel_url(channel, self.info, self.subject.text(), self.text())
        if channel in ("instagram", "tiktok"):
            self.copy_message()  # a profile link cannot carry the text: paste it in the DM
            self.number.setText(_("Message copied: paste it in the chat."))
        if url:
            open_url(url)
        return url

    # --- acting -------------------------------------------------------------------
    def tomorrow_morning(self) -> datetime:
        return snooze_until("tomorrow", self._now())

    def _done(self, what: str) -> None:
        self.acted.emit(what)
        self.accept()

    def _still_open(self) -> bool:
        """Is the step this window shows still to do? The window stays open beside everything
        else, and the same step may be sent, done or closed meanwhile from the tray's menu, a
        popup or notification, or Vandaag: a press here then does nothing (a "Verstuurd" in a
        window left open logged the message a second time), says what happened, and closes
        the window. Still open, a press acts on the step as it is now, the parts shown
        (``reminders.current``), as a popup's press does."""
        from desktop import reminders
        from desktop.views import dialogs

        found = reminders.current([self.item], self._now())
        if found:
            self.item = found[0]
            return True
        title, text = due_texts.handled_since_words(self.item, due.handled_as(self.item))
        dialogs.inform(self, title, text)
        self.reject()
        return False

    def _add_parcel_buttons(self) -> None:
        """A parcel check-in is where "yes, it came" or "no, nothing arrived" comes in: the
        parcel's own buttons next to "Reply received…" (walk-through 2, finding P: her "nothing
        arrived" was logged as a reply, and the lost parcel was chased to a strike)."""
        from PySide6.QtWidgets import QBoxLayout, QHBoxLayout

        buttons_row = next(box for box in self.form.findChildren(QBoxLayout) if box.indexOf(self.reply_button) >= 0)
        outer = buttons_row.parent()
        row = QHBoxLayout()  # a row of their own above the dialog's buttons: that row is full at 1366
        outer.insertLayout(outer.indexOf(buttons_row), row)
        # TRANSLATORS: buttons on a parcel check-in: she confirmed it arrived / it never arrived (lost).
        self.arrived_button = QPushButton(_("Arrived"), self)
        self.arrived_button.setObjectName("arrivedButton")
        self.arrived_button.setToolTip(_("She confirmed the parcel arrived: the question is answered."))
        self.lost_button = QPushButton(_("Not arrived: lost"), self)
        self.lost_button.setObjectName("lostButton")
        self.lost_button.setToolTip(_("Nothing arrived: the parcel is marked lost, and what was agreed for it is not "
                                      "asked about until a new parcel reaches her."))
        row.addWidget(self.arrived_button)
        row.addWidget(self.lost_button)
        row.addStretch(1)
        self.arrived_button.clicked.connect(lambda: self._parcel("confirm"))
        self.lost_button.clicked.connect(lambda: self._parcel("lose"))
        self.reply_button.setToolTip(_("An answer came in: this question is answered. Did she say whether the parcel "
                                       "arrived? Then use the button for that."))

    def _parcel(self, action: str) -> None:
        from desktop import reminders
        from desktop.domain.shipments import ACTIONS
        from desktop.store import shipping
        from desktop.views.undo import parcel_marked

        if not self._still_open():
            return
        with reminders.recorded(parcel_marked(self.item.person_name, ACTIONS[action][1])):
            shipping.advance(self.item.subject_id, action, self._now())
        self._done("parcel")

    # Each action goes on Edit → Undo (reminders.recorded): a misclick is taken back with Ctrl+Z.
    def mark_sent(self) -> None:
        from desktop import reminders
        from desktop.views.undo import reminder_marked_sent

        if not self._still_open():
            return
        with reminders.recorded(reminder_marked_sent(self.item.person_name)):
            due.mark_sent(self.item, self._now(), self.current_channel(), self.text())
        self._done("sent")

    def mark_sent_earlier(self) -> None:
        """The message went out on an earlier day: asked which (yesterday unless changed)."""
        from desktop.views import day_dialog, dialogs

        if not self._still_open():
            return
        if dialogs.run(day_dialog.message_sent_earlier(self, self.item, self.current_channel(), self.text())):
            self._done("sent")  # its save is the undo step

    def mark_reply(self) -> None:
        """Her answer logged on the day it came (asked: today unless changed; audit 11, F3: an
        answer logged the next morning was thanked for as a message of that morning)."""
        from desktop.views import day_dialog, dialogs

        if not self._still_open():
            return
        channel = self.current_channel() if self.item.action == "message" else ""
        if dialogs.run(day_dialog.reply_received(self, self.item, channel)):  # its save is the undo step
            self._done("reply")

    def snooze(self, until: datetime) -> None:
        from desktop import reminders

        if not self._still_open():
            return
        if not reminders.snooze([self.item], until, self._now(), tell=False):  # told once, by ``acted``
            return  # it comes up later than that anyway: nothing moved (the menu offers no such snooze)
        self._done("snoozed")

    def dismiss(self) -> None:
        from desktop import reminders

        if not self._still_open():
            return
        if self.item.kind == "gift":  # the day it reached her is asked; its save is the undo step
            from desktop.views import day_dialog, dialogs

            if dialogs.run(day_dialog.handed_over(self, self.item)):
                self._done("dismissed")  # told once, by ``acted``
            return
        now = self._now()
        reminders.mark_done([self.item], now, tell=False)  # a strike decision: ended without a strike
        self._done("dismissed")
        if self.item.action == "strike":
            self._offer_ending(now)

    def give_strike(self) -> None:
        from desktop import reminders

        if not self._still_open():
            return
        now = self._now()
        # TRANSLATORS: Edit → Undo "…"; a strike given to {name} after the final reminder.
        with reminders.recorded(_("strike for {name}").format(name=self.item.person_name)):
            due.apply_strike(self.item, now, **due_texts.strike_words(self.item))
        self._done("strike")
        self._offer_ending(now)

    def _offer_ending(self, decided: datetime) -> None:
        """The decision ended her collaboration(s): the message that tells her, in the same
        flow ("Not now" leaves it in her pane). Marked sent, the views and the reminders hear
        of it (``acted``: a message to her counts for the ladder too)."""
        from desktop.views.small_dialogs import offer_ending

        if offer_ending(self.parentWidget(), self.item.person_id, decided):
            self.acted.emit("told")


def open_due_item(item: DueItem, parent: QWidget | None = None,
                  on_acted: Callable[[str], None] | None = None) -> QDialog | None:
    """Show the dialog for ``item`` (non-blocking); ``on_acted`` runs after the owner acted.

    News about a custom order opens the order's own message dialog: the delay message
    needs the new date the owner picks, and sending it moves the promised date. Either
    way, acting reschedules the tray and timer at once. A shipped order's look at its parcel
    opens that parcel in Zendingen (None is returned). A gift to send has no dialog of
    its own: its parcel opens (views/gift_task.py; None is returned); nor has an agreement to
    record: the collaboration's dialog opens at its deliverables (views/agreement_task.py)."""
    from desktop import reminders

    def acted(what: str) -> None:
        reminders.notify_changed()
        tell_views(parent)
        if on_acted is not None:
            on_acted(what)

    if item.kind == "custom_order" and item.action == "message":
        from desktop.views.order_message import open_for_due_item

        return open_for_due_item(item, parent, acted)
    if item.checks_arrival:  # no dialog: its parcel in Zendingen (tracking page, delivered, lost, returned)
        from desktop.presentation import due_texts
        from desktop.views.gift_task import _main_window

        window = _main_window(parent)
        parcel_id = due_texts.arrival_facts(item).get("parcel_id")
        if window is not None and parcel_id is not None:
            window.open_subject("shipment", parcel_id, item.person_id)
        return None
    if item.ships_an_order:  # the order's own shipping dialog (the first time, or again: "Ship again…")
        from desktop.views.order_message import open_ship_for_due_item

        return open_ship_for_due_item(item, parent, acted)
    if item.kind == "agreement":  # no message: the collaboration, to write down what she promised
        from desktop.views.agreement_task import open_agreement

        if open_agreement(item, parent):
            acted("recorded")
        return None
    if item.kind == "gift":  # no message: what sends the gift (the parcel, or a new one)
        from desktop.views.gift_task import open_gift

        open_gift(item, parent)
        return None
    dialog = DueStepDialog(item, parent)
    dialog.acted.connect(acted)
    dialog.setModal(False)
    dialog.show()
    return dialog


def tell_views(widget: QWidget | None) -> None:
    """What the owner did to a reminder changed the data (an order shipped, its promised date
    moved): every view showing it loads again, as after any other action, through the first
    ``data_changed`` up from ``widget`` (a view's, or the main window's for the tray), which
    the window answers with ``refresh_all``. Only telling the reminders (``notify_changed``)
    left the view on screen as it was when the dialog came from the tray: Maatwerk went on
    showing an order shipped from the tray as "Klaar", its button "Verzenden…" (review of
    Maatwerk, 2026-12-07)."""
    while widget is not None:
        changed = getattr(widget, "data_changed", None)
        if changed is not None:
            changed.emit()
            return
        widget = widget.parentWidget()


def _refresh(view, person_id: int) -> None:
    view.refresh_if_stale()  # the view on screen loaded again already (tell_views)
    view.show_detail(person_id)


def add_reminders_section(view, layout, person_id: int) -> None:
    """The "Reminders" part of a person's detail pane: her due and upcoming steps, each
    with an "Open" button (used by the influencer view; other panes may reuse it)."""
    from PySide6.QtWidgets import QHBoxLayout

    from desktop.views.base import plain_label

    now = utcnow()
    items = due.plan(now, person_id)
    view.add_section(layout, _("Reminders"))
    if not items:
        layout.addWidget(plain_label(_("Nothing to follow up on.")))
        return
    for item, text in due_lines(items, now):
        row = QHBoxLayout()
        row.addWidget(plain_label(text), 1)
        button = QPushButton(_("Open"))
        button.setObjectName(f"openDue_{item.key}")
        button.clicked.connect(lambda _c=False, it=item: open_due_item(
            it, view, on_acted=lambda _w: _refresh(view, person_id)))
        row.addWidget(button)
        holder = QWidget()
        holder.setLayout(row)
        layout.addWidget(holder)


def due_lines(items: list[DueItem], now: datetime) -> list[tuple[DueItem, str]]:
    """Short lines for lists (the influencer pane, later the Vandaag list), their moment
    as lists show one ("23 nov 2026, 09:00"): the long form ("maandag 23 november 2026,
    09:00"), which never breaks inside its date, was wider than the line beside the pane's
    "Open" button on a laptop and was cut off."""
    lines = []
    zone = due.owner_zone()
    for item in items:
        moment = i18n.list_moment(item.own_due.replace(tzinfo=timezone.utc).astimezone(zone))
        waiting = followup.waiting(item, now)  # due, or come due before a day off it waits through
        when = _("due since {moment}").format(moment=moment) if waiting else _("from {moment}").format(moment=moment)
        if item.step in SAYS_ITS_KIND:
            # TRANSLATORS: a reminder in a list: its step ("Check-in: parcel received?") and when it is due.
            text = _("{step} · {when}").format(step=label("due_step", item.step), when=when)
        else:
            text = _("{step} · {kind} · {when}").format(
                step=label("due_step", item.step), kind=label("due_kind", item.kind), when=when)
        lines.append((item, text))
    return lines


# The steps whose name already says what the reminder is about ("Check-in: parcel received?",
# "Send the gift", "Record the agreement", "After her answer: still not posted"): their kind ("Parcel received?") is
# not said again beside them (review of the two-week walk). The ladder's numbered steps and
# the strike say it by their kind: content overdue, or a reply overdue.
SAYS_ITS_KIND = frozenset({"received", "answered", "delay_warning", "no_update", "late", "ship", "ship_lost",
                           "ship_returned", "arrival", "send", "record"})


__all__ = ["DueStepDialog", "open_due_item", "tell_views", "open_url", "channel_url", "due_lines", "add_reminders_section"]
