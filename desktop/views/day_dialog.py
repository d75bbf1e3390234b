"""The day something happened, asked when the owner records it later: a parcel that went
out days ago ("Eerder verstuurd…" in Zendingen), a reminder she sent from her phone
yesterday ("Sent earlier…" on a reminder), an answer that came in yesterday ("Reply
received…" on a reminder), a gift handed over by hand ("Done without a parcel…" on a gift
task). A FormDialog on ui/day_dialog.ui; its save is one undo step, and
what follows from that day (the "received?" question, a late gift's new deadlines, the
week's wait after her answer) counts from it, never from the click."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from desktop.clock import to_local, utcnow
from desktop.domain import shipments as shipment_rules
from desktop.domain.dates import past_day_problem
from desktop.i18n import _
from desktop.store import due, shipping
from desktop.views.form_dialog import FormDialog
from desktop.views.forms import date_field, to_qdate, typed_day
from desktop.views.undo import parcel_marked, reminder_marked_sent


class DayDialog(FormDialog):
    """One day, today or earlier; ``record(day, now)`` writes what happened on it (``day``
    None: today, the moment it is recorded)."""

    form_name = "day_dialog.ui"

    def __init__(self, parent: QWidget | None, title: str, prompt: str, field_label: str, ok_text: str,
                 problem: Callable[[date, date], str], record: Callable[[date | None, datetime], None],
                 undo_text: str, days_back: int = 0):
        super().__init__(parent)
        self.problem, self.record, self._undo_text = problem, record, undo_text
        self.now: datetime | None = None  # the moment it was recorded, once saved
        self.today = to_local(utcnow()).date()
        self.setWindowTitle(title)
        self.w("prompt").setText(prompt)
        self.w("dayLabel").setText(field_label)
        start = self.today - timedelta(days=days_back)
        edit = self.w("day")
        edit.setDate(to_qdate(start))
        date_field(edit)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))

    def set_day(self, typed: str) -> None:
        """Type a day as the owner would (tests)."""
        self.w("day").lineEdit().setText(typed)

    def save(self) -> bool:
        day, problem = typed_day(self.w("day"), lambda day: self.problem(day, self.today))
        if not self.show_errors({"day": problem} if problem else {}):
            return False
        self.now = utcnow()
        self.record(None if day == self.today else day, self.now)
        return True

    def undo_text(self) -> str:
        return self._undo_text


def sent_earlier(parent: QWidget | None, shipment_id: int, name: str) -> DayDialog:
    """"Sent earlier…" in Zendingen: a packed parcel marked as sent on the day it went out."""
    return DayDialog(
        parent,
        # TRANSLATORS: title of the dialog behind "Sent earlier…" in Shipments.
        _("Parcel to {name} sent earlier").format(name=name),
        _("On which day did the parcel to {name} go out? Afspraak counts from that day: when to ask "
          "whether it arrived, and how far a late gift moves the deadlines.").format(name=name),
        _("Sent &on"), _("Mark as sent"), shipment_rules.sent_day_problem,
        lambda day, now: shipping.advance(shipment_id, "send", now, sent_on=day),
        parcel_marked(name, "sent"), days_back=1)


def message_sent_earlier(parent: QWidget | None, item, channel: str, text: str) -> DayDialog:
    """"Sent earlier…" on a reminder: the message went out on an earlier day (from her phone,
    say) and is marked now. It is logged on that day, and the next step keeps its spacing
    from it (a final notice's date too), never from the click."""
    name = item.person_name
    return DayDialog(
        parent,
        # TRANSLATORS: title of the dialog behind "Sent earlier…" on a reminder.
        _("Reminder to {name} sent earlier").format(name=name),
        _("On which day did you send this message to {name}? It goes on the timeline on that day, and the next "
          "reminder counts from it.").format(name=name),
        _("Sent &on"), _("Mark as sent"),
        lambda day, today: past_day_problem(day, today, _(
            "The message cannot have been sent on a day still to come: pick today or an earlier day.")),
        lambda day, now: due.mark_sent(item, now, channel, text, day=day),
        reminder_marked_sent(name), days_back=1)


def reply_received(parent: QWidget | None, item, channel: str) -> DayDialog:
    """"Reply received…" on a reminder: the day her answer came (today unless changed); the
    next message thanks her for her message of that day, and the week's wait counts from it."""
    name = item.person_name
    return DayDialog(
        parent,
        # TRANSLATORS: title of the dialog behind "Reply received…" on a reminder.
        _("Reply from {name}").format(name=name),
        _("On which day did {name} answer? The reminders count from that day, and the next one "
          "thanks {name} for the message of that day.").format(name=name),
        # TRANSLATORS: the field in the "Reply from …" dialog: the day the answer came in.
        _("Answered &on"), _("Log the reply"),
        lambda day, today: past_day_problem(day, today, _(
            "{name} cannot have answered on a day still to come: pick today or an earlier day.").format(name=name)),
        lambda day, now: due.mark_reply(item, now, channel, day=day),
        # TRANSLATORS: Edit → Undo "…"; {name} answered.
        _("reply from {name} logged").format(name=name))


def handed_over(parent: QWidget | None, item) -> DayDialog:
    """"Done without a parcel…" on a gift task: the day the gift reached her another way
    (handed over at a market, say); her deadlines move on from that day if it came late,
    never from the click (audit 11, F1). A parcel packed for it is taken out of Zendingen in
    the same step, and the prompt says so."""
    from desktop.presentation import due_texts
    from desktop.reminders import done_text

    name = item.person_name
    prompt = _("On which day did {name} get the gift? If that was later than planned, the deadlines move later by "
               "the same number of days, so that {name} keeps the days that were agreed.").format(name=name)
    packed = due_texts.packed_parcel_goes(due_texts.gift_facts(item), name)  # it goes in the same step
    return DayDialog(
        parent,
        # TRANSLATORS: title of the dialog behind "Done without a parcel…" on a gift reminder.
        _("Gift for {name} given without a parcel").format(name=name),
        f"{prompt}\n\n{packed}" if packed else prompt,
        # TRANSLATORS: the field in the "Gift given without a parcel" dialog: the day she got it.
        _("Given &on"), _("Done without a parcel"),
        lambda day, today: past_day_problem(day, today, _(
            "{name} cannot have got the gift on a day still to come: pick today or an earlier day.").format(
            name=name)),
        lambda day, now: due.dismiss(item, now, given_on=day),
        done_text(name, gift=True))
