""""Sent earlier…" in Zendingen: the day a packed parcel went out, when the owner records
it on a later day (a FormDialog on ui/sent_day_dialog.ui; its save is one undo step)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from desktop.clock import to_local, utcnow
from desktop.domain import shipments as shipment_rules
from desktop.i18n import _
from desktop.store import shipping
from desktop.views.form_dialog import FormDialog
from desktop.views.forms import date_field, date_problems
from desktop.views.undo import parcel_marked


class SentDayDialog(FormDialog):
    """"Sent earlier…" in Zendingen: a packed parcel marked as sent on the day it went out,
    when that was before today (the "received?" question and a late gift's new deadlines
    count from then)."""

    form_name = "sent_day_dialog.ui"

    def __init__(self, parent: QWidget | None, shipment_id: int, name: str):
        super().__init__(parent)
        self.shipment_id, self.name = shipment_id, name
        self.now = None  # the moment it was recorded, once saved
        self.today = to_local(utcnow()).date()
        # TRANSLATORS: title of the dialog behind "Sent earlier…" in Shipments.
        self.setWindowTitle(_("Parcel to {name} sent earlier").format(name=name))
        self.w("prompt").setText(_(
            "On which day did the parcel to {name} go out? Afspraak counts from that day: when to ask "
            "whether it arrived, and how far a late gift moves the deadlines.").format(name=name))
        yesterday = self.today - timedelta(days=1)
        edit = self.w("sent_on")
        edit.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
        date_field(edit)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Mark as sent"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))

    def set_day(self, typed: str) -> None:
        """Type a day as the owner would (tests)."""
        self.w("sent_on").lineEdit().setText(typed)

    def save(self) -> bool:
        edit = self.w("sent_on")
        typed = date_problems({"sent_on": edit})
        if typed:
            return self.show_errors(typed)
        q = edit.date()
        day = date(q.year(), q.month(), q.day())
        problem = shipment_rules.sent_day_problem(day, self.today)
        if not self.show_errors({"sent_on": problem} if problem else {}):
            return False
        self.now = utcnow()
        shipping.advance(self.shipment_id, "send", self.now, sent_on=day)
        return True

    def undo_text(self) -> str:
        return parcel_marked(self.name, "sent")
