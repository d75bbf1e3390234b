"""Messages to a customer about a custom order, and shipping a finished order.

``OrderMessageDialog`` (ui/order_message.ui) shows the ready message in the customer's
language and form of address, lets the owner adjust it, copy it or open it in the mail
program, and "Mark as sent" logs it. The delay message also asks for the new expected
date: sending it records the new promised date with its history. Before the promised day
the update ("on schedule") comes first, with the question whether it will be late after
all: only her "It will be late…" turns it into the delay message with a new date.

``OrderShipDialog`` (ui/order_ship.ui) makes the shipment of a finished order.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.i18n import _
from desktop.labels import choices
from desktop.presentation import delivery_texts, due_texts, errors, messages, order_texts, undo_texts
from desktop.store import orders as store
from desktop.views.base import plain_label
from desktop.views.forms import date_field, date_problems, from_qdate, load_form, to_qdate, typed_day
from desktop.views.keys import letters_when_shown

# The messages the owner can pick, in the order offered. Their names are the owner's, never
# words to the customer: "Your order is ready" read "Je bestelling is klaar" in the menu, the
# pane's messages sent and Edit → Undo about a customer addressed with "u" (review of Maatwerk).
# Events keep the key (``Event.step``), so a message sent before is named in these words too.
MESSAGE_LABELS = {
    # TRANSLATORS: the kinds of message to a customer about a custom order, as the owner picks them (a name
    # for her, not words to the customer: no "you"/"je").
    "order_confirmation": i18n.N_("Order confirmation"),
    "order_update": i18n.N_("Update: still on schedule"),
    "order_delay": i18n.N_("Delay: a new expected date"),
    "order_ready": i18n.N_("Order ready"),
    # TRANSLATORS: offered instead of "Order ready" once the order's parcel got lost or came back: the
    # message tells the customer the order goes out again in a new parcel.
    "order_resend": i18n.N_("Didn't arrive: a new parcel follows"),
    "order_shipped": i18n.N_("Shipped, with tracking link"),
    "order_cancelled": i18n.N_("Order cancelled"),
}


def message_label(step: str) -> str:
    return _(MESSAGE_LABELS[step]) if step in MESSAGE_LABELS else step


def nothing_to_send(status: str) -> str:
    """Why no message is offered for an order in ``status`` (a delivered one: every ready
    message would be untrue by then, ``domain/orders.MESSAGES_BY_STATUS``)."""
    from desktop.labels import label

    # TRANSLATORS: the custom order's "Send message" button (tooltip) and dialog, for an order none of the
    # ready messages fit; {status} is its status, e.g. "Delivered".
    return _("There is no ready message for an order that is “{status}”. To tell the customer something, write to "
             "them yourself.").format(status=label("order_status", status))


def open_url(url: QUrl) -> bool:
    """Open a mailto: or web link outside the app (tests replace this)."""
    return QDesktopServices.openUrl(url)


def mailto(address: str, subject: str, body: str) -> QUrl:
    return QUrl("mailto:{to}?subject={subject}&body={body}".format(
        to=quote(address, safe="@"), subject=quote(subject, safe=""), body=quote(body, safe="")))


class _Clocked:
    """``now`` read when it is used: these dialogs are non-modal and may stay open for
    hours (opened from the tray), so the moment of sending is what gets recorded. Tests
    pass a fixed datetime."""

    def _set_clock(self, now) -> None:
        self._clock = now if callable(now) else (lambda: now)

    @property
    def now(self):
        return self._clock()

    def _remember_order(self, order) -> None:
        """The order as this dialog shows it (``store.as_shown``), for :meth:`_still_as_shown`."""
        self._shown = store.as_shown(order.id)
        self._named = (order.order_number, order.person.name)

    def _still_as_shown(self) -> bool:
        """Is the order still as this dialog showed it? These dialogs stay open beside
        everything else, and the same order may be shipped or its message marked sent
        meanwhile from another dialog, Vandaag or the tray: a press here then does nothing
        (a second parcel, or the message logged twice), says what happened, and closes the
        window, as a reminder's window does (``due_dialog.DueStepDialog._still_open``)."""
        from desktop.views import dialogs

        changed = store.changed_since(self.order_id, self._shown)
        if changed is None:
            return True
        sent = message_label(changed.step) if changed.what == "message" else ""
        title, text = order_texts.changed_since_words(*self._named, changed, sent)
        dialogs.inform(self, title, text)
        self.reject()
        return False


class OrderMessageDialog(_Clocked, QDialog):
    def __init__(self, parent, order_id: int, step: str, now):
        super().__init__(parent)
        self.order_id = order_id
        self._set_clock(now)
        self.sent_event = None
        self.order = store.find(order_id)
        self._remember_order(self.order)
        person = self.order.person
        self.setWindowTitle(_("Message to {name}").format(name=person.name))
        self.form = load_form("order_message.ui", self)
        letters_when_shown(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        f = self.form.findChild
        self.heading: QLabel = f(QLabel, "heading")
        self.kind: QComboBox = f(QComboBox, "kind")
        self.new_date: QDateEdit = f(QDateEdit, "newDate")
        self.reason: QLineEdit = f(QLineEdit, "reason")
        self.channel: QComboBox = f(QComboBox, "channel")
        self.subject: QLineEdit = f(QLineEdit, "subject")
        self.body: QPlainTextEdit = f(QPlainTextEdit, "body")
        self.reader_info: QLabel = f(QLabel, "readerInfo")
        self.error: QLabel = f(QLabel, "error")
        self.error.hide()
        self.mail_button: QPushButton = f(QPushButton, "mail")

        heading = self.add_heading_font()
        heading.setText(order_texts.heading(self.order.order_number, person.name))  # never "Order — for …"
        from desktop.clock import owner, to_local
        from desktop.domain.orders import offered_messages, opening_message, past_promise, propose_new_date

        today = to_local(self.now).date()
        late = past_promise(self.order.promised_ready, today, self.order.status)
        offered = offered_messages(self.order.status, late, list(MESSAGE_LABELS),
                                   parcel_gone=store.gone_parcel(order_id) is not None)
        step = opening_message(step, self.order.status, late, offered)
        for code in offered:
            self.kind.addItem(message_label(code), code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(step)))
        self.kind.setEnabled(bool(offered))
        for code, text in choices("channel"):
            if code in ("email", "whatsapp", "instagram", "phone", "other"):
                self.channel.addItem(text, code)
        self.channel.setCurrentIndex(self.channel.findData("email" if person.email else "whatsapp"))
        date_field(self.new_date)
        # A proposal she can change: a week after the promised date (never in the past).
        self.new_date.setDate(to_qdate(propose_new_date(self.order.promised_ready, today, owner().country,
                                                        skip_weekends=owner().skip_weekends)))
        form_name = _("formal (u)") if person.address_form == "u" else _("informal (je)")
        if person.language == "en":
            info = _("Written in English.")
        elif person.country == "BE":
            info = _("Written in Dutch, {form}, with dates and amounts as in Belgium.").format(form=form_name)
        else:
            info = _("Written in Dutch, {form}.").format(form=form_name)
        self.reader_info.setText(info + " " + _("You can change the text before sending it."))
        self._add_schedule_question(late)
        self._add_incomplete_note()
        self.mail_button.setEnabled(bool(person.email))
        if not person.email:
            self.mail_button.setToolTip(_("No email address for this customer."))

        self.kind.currentIndexChanged.connect(self.render)
        self.new_date.dateChanged.connect(self.render)
        self.new_date.problemChanged.connect(self._date_typed)
        f(QPushButton, "copy").clicked.connect(self.copy)
        self.mail_button.clicked.connect(self.open_mail)
        f(QPushButton, "markSent").clicked.connect(self.mark_sent)
        f(QPushButton, "close").clicked.connect(self.reject)
        self.render()
        if not offered:  # a delivered order (a reminder opened after it moved on): nothing true to send
            for button in (f(QPushButton, "copy"), self.mail_button, f(QPushButton, "markSent")):
                button.setEnabled(False)
            for field in (self.channel, self.subject, self.body):
                field.setEnabled(False)
            self.reader_info.hide()  # "you can change the text before sending it": there is none
            self.error.setText(nothing_to_send(self.order.status))
            self.error.show()
        self.resize(680, 600)

    def _add_schedule_question(self, late: bool) -> None:
        """Over an update before the promised day: is it on schedule? Only the owner knows;
        "It will be late…" switches to the delay message, which asks for the new date."""
        self.schedule_question = QWidget()
        self.schedule_question.setObjectName("scheduleQuestion")
        row = QHBoxLayout(self.schedule_question)
        row.setContentsMargins(0, 0, 0, 0)
        promised = self.order.promised_ready
        words = QLabel(_("Is the order on schedule for {date}? Then send this update. Will it be late? Then "
                         "tell the customer, with a new date.").format(
            date=i18n.detail_date(promised)) if promised is not None else "")
        words.setObjectName("scheduleWords")
        words.setWordWrap(True)
        row.addWidget(words, 1)
        # TRANSLATORS: button in the message dialog of a custom order: it switches the
        # "on schedule" update to the delay message, which asks for the new date.
        self.late_button = QPushButton(_("It will be late…"))
        self.late_button.setObjectName("willBeLate")
        self.late_button.clicked.connect(self.will_be_late)
        row.addWidget(self.late_button, 0, Qt.AlignTop)
        self._asks_schedule = promised is not None and not late
        self.form.layout().insertWidget(1, self.schedule_question)

    def _add_incomplete_note(self) -> None:
        """Over the message, when it lacks a value it needs (``Message.incomplete``): what is
        missing, and without the names that sign it the way to fill them in, as Vandaag and
        the reminder's dialog offer (an order confirmation went out ending on "Groetjes,"
        with nothing under it, and nothing said so). Shown again for every message chosen."""
        self.incomplete_note = QWidget()
        self.incomplete_note.setObjectName("incompleteNote")
        column = QVBoxLayout(self.incomplete_note)
        column.setContentsMargins(0, 0, 0, 0)
        self.incomplete_words = plain_label()
        self.incomplete_words.setObjectName("incompleteWords")
        column.addWidget(self.incomplete_words)
        # TRANSLATORS: button beside a message nobody signs: opens Settings at the shop's names.
        self.names_button = QPushButton(_("Fill in your names…"))
        self.names_button.setObjectName("fillInNames")
        self.names_button.clicked.connect(self._fill_in_names)
        column.addWidget(self.names_button, 0, Qt.AlignLeft)
        self.incomplete_note.hide()
        layout = self.form.layout()
        layout.insertWidget(layout.indexOf(self.body), self.incomplete_note)
        from desktop.views.keys import tab_in_reading_order

        tab_in_reading_order(self.subject, self.names_button, self.body)

    def _show_incomplete(self, message) -> None:
        """The note over a message that lacks what it needs (hidden over a whole one)."""
        from desktop.presentation.messages import PLACEHOLDERS, UNSIGNED

        missing = message.incomplete if message is not None else ()
        unsigned = UNSIGNED <= set(missing)
        others = [name for name in missing if name not in UNSIGNED]
        words = []
        if unsigned:
            words.append(_("This message is not signed: Afspraak does not know your name or your shop's name "
                           "yet, so nothing stands under the greeting at the end."))
        if others:
            words.append(_("Something this message needs is missing: {missing}. The sentences that need it "
                           "are left out.").format(missing=", ".join(_(PLACEHOLDERS[name]) for name in others)))
        self.incomplete_words.setText(" ".join(words))
        self.names_button.setVisible(unsigned)
        self.incomplete_note.setVisible(bool(words))

    def _fill_in_names(self) -> None:
        """Settings at the shop's names; saved, the message is written again, signed."""
        from desktop.views.settings_window import fill_in_names

        if fill_in_names(self):
            self.render()
            self.form.findChild(QPushButton, "copy").setFocus(Qt.OtherFocusReason)

    def will_be_late(self) -> None:
        self.kind.setCurrentIndex(self.kind.findData("order_delay"))
        self.new_date.setFocus()

    def add_heading_font(self) -> QLabel:
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        return self.heading

    def step(self) -> str:
        return self.kind.currentData()

    def chosen_date(self) -> date:
        return from_qdate(self.new_date.date())

    def render(self, *_args) -> None:
        delay = self.step() == "order_delay"
        self.schedule_question.setVisible(self._asks_schedule and self.step() == "order_update")
        for name in ("newDateLabel", "reasonLabel"):
            self.form.findChild(QLabel, name).setVisible(delay)
        self.new_date.setVisible(delay)
        self.reason.setVisible(delay)
        if self.step() is None:  # no message fits the order (a delivered one)
            self._show_incomplete(None)
            return
        message = due_texts.compose_order(self.order_id, self.step(), self.now, self.chosen_date() if delay else None)
        self._show_incomplete(message)
        # an owner's own wording with the greeting in a chat's layout, as a letter when e-mailed
        message = messages.for_channel(message, self.channel.currentData() or "")
        self.subject.setText(message.subject)
        self.body.setPlainText(message.body)
        self.error.hide()

    def _date_typed(self, problem: str) -> None:
        """A new date that is not a date: said at once (the message still names the last good one)."""
        self.error.setText(problem)
        self.error.setVisible(bool(problem))

    def _date_refused(self) -> bool:
        """Is the typed new date not a date? Then the message (which names another day) is
        neither copied, mailed nor recorded, and the reason is shown."""
        problem = date_problems({"new_date": self.new_date if self.step() == "order_delay" else None})
        if problem:
            self._date_typed(problem["new_date"])
        return bool(problem)

    def copy(self) -> None:
        if self.step() is None or self._date_refused():
            return
        QGuiApplication.clipboard().setText(self.body.toPlainText())

    def open_mail(self) -> None:
        if self.step() is None or self._date_refused():
            return
        open_url(mailto(self.order.person.email, self.subject.text(), self.body.toPlainText()))

    def mark_sent(self) -> None:
        delay = self.step() == "order_delay"
        if self.step() is None or self._date_refused() or not self._still_as_shown():
            return
        from desktop import reminders

        # A step on Edit → Undo (as a status move is): a message marked sent by mistake, or the
        # wrong one, is taken back with Ctrl+Z; the journal refuses it once something was done
        # to the order since (store/journal.py).
        what = undo_texts.order_message_sent(self.order.order_number, self.order.person.name,
                                             message_label(self.step()))
        try:
            with reminders.recorded(what):
                self.sent_event = store.record_message(
                    self.order_id, self.step(), self.channel.currentData(), self.body.toPlainText(), self.now,
                    new_ready=self.chosen_date() if delay else None,
                    reason=(self.reason.text().strip() or due_texts.delay_reason()) if delay else "")
        except store.OrderInvalid as exc:
            self.error.setText(errors.text(exc))
            self.error.show()
            return
        self.accept()


def open_for_due_item(item, parent=None, on_acted=None, now=None) -> OrderMessageDialog:
    """The message dialog for a custom-order reminder of the ladder (tray, Vandaag...)."""
    from desktop.clock import utcnow

    # Before the promised date the news is the "on schedule" update (she says when it will
    # be late); after it, the late news with a new date.
    step = store.LADDER_STEPS.get(item.step, "order_update")
    dialog = OrderMessageDialog(parent, item.subject_id, step, now or utcnow)
    if on_acted is not None:
        dialog.accepted.connect(lambda: on_acted("sent"))
    dialog.setModal(False)
    dialog.show()
    if dialog.step() == "order_delay":  # Vandaag's preview left the new date open: it is asked here first
        dialog.new_date.setFocus()
    return dialog


def open_ship_for_due_item(item, parent=None, on_acted=None, now=None) -> OrderShipDialog:
    """The shipping dialog for "ship the finished order" (Vandaag, the tray); once shipped,
    the message with the tracking link opens, as Maatwerk's "Ship…" does."""
    from desktop.clock import utcnow

    dialog = OrderShipDialog(parent, item.subject_id, now or utcnow)

    def shipped() -> None:
        if on_acted is not None:
            on_acted("sent")
        if dialog.shipment is not None:
            open_message = OrderMessageDialog(parent, item.subject_id, "order_shipped", now or utcnow)
            if on_acted is not None:
                open_message.accepted.connect(lambda: on_acted("sent"))
            open_message.setModal(False)
            open_message.show()
            dialog.message_dialog = open_message  # kept alive without a parent

    dialog.accepted.connect(shipped)
    dialog.setModal(False)
    dialog.show()
    return dialog


class OrderShipDialog(_Clocked, QDialog):
    def __init__(self, parent, order_id: int, now):
        super().__init__(parent)
        self.order_id = order_id
        self._set_clock(now)
        self.shipment = None
        order = store.find(order_id)
        self._remember_order(order)
        self.setWindowTitle(order_texts.ship_title(order.order_number, order.person.name))
        self.form = load_form("order_ship.ui", self)
        letters_when_shown(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        f = self.form.findChild
        person = order.person
        # Where the parcel goes: the shop's order's delivery (a gift's recipient), else her address.
        self.parcel = parcel = delivery_texts.parcel_of(order_id, person)
        address = parcel.one_line()
        heading = _("To {name}, {address}").format(name=parcel.name, address=address)
        # Audit 12, F11: an order shipped to a customer without an address, without a word.
        # The same rule as Zendingen's question before a parcel is marked sent: a street, a
        # postcode and a city (domain/shipments.has_address).
        if parcel.empty:
            heading = _("To {name}: Afspraak has no address for them. Check the address in the shop's order "
                        "before you post the parcel.").format(name=parcel.name)
        elif not parcel.complete:
            # TRANSLATORS: {address} is what Afspraak has of it, e.g. "Kerkstraat 4, België" (no postcode, no city).
            heading = _("To {name}, {address}: this address is not complete. Check it in the shop's order "
                        "before you post the parcel.").format(name=parcel.name, address=address)
        f(QLabel, "heading").setText(heading)
        self._add_delivery_note(parcel, person)
        self._add_again_note(order_id)
        self.carrier: QComboBox = f(QComboBox, "carrier")
        for code, text in choices("carrier"):
            self.carrier.addItem(text, code)
        self.carrier.setCurrentIndex(self.carrier.findData("bpost" if parcel.country_code == "BE" else "postnl"))
        self.tracking_code: QLineEdit = f(QLineEdit, "trackingCode")
        self.tracking_url: QLineEdit = f(QLineEdit, "trackingUrl")
        # The day it went out, today unless she records it later (the parcel counts from it).
        from desktop.clock import to_local

        self.sent_on = self.form.findChild(QWidget, "sentOn")
        self.today = to_local(self.now).date()
        self.sent_on.setDate(to_qdate(self.today))
        date_field(self.sent_on)
        self.error: QLabel = f(QLabel, "error")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        # TRANSLATORS: button that records the shipment of a custom order.
        buttons.button(QDialogButtonBox.Ok).setText(_("Ship"))
        buttons.button(QDialogButtonBox.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.ship)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 220)

    def _add_delivery_note(self, parcel, person) -> None:
        """Under the heading: who ordered a gift; or, for her own order, that her address in
        Afspraak is not the one in the shop's order (she moved, or asked for another one):
        the owner checks which one the parcel goes to."""
        if parcel.gift and parcel.typed:
            # TRANSLATORS: in the ship dialog of a custom order that is a gift: {buyer} is the customer who
            # ordered it; the parcel goes to the recipient named above, whose address was typed in the order's form.
            text = _("Ordered by {buyer} for someone else: the address is the one you entered in the order.").format(
                buyer=person.name)
        elif parcel.gift:
            # TRANSLATORS: in the ship dialog of a custom order that is a gift: {buyer} is the customer who
            # ordered it; the parcel goes to the recipient named above.
            text = _("Ordered by {buyer} for someone else: the address is the one in the shop's order.").format(
                buyer=person.name)
        elif parcel.typed:  # another address of hers, typed in the order's form on purpose
            return
        elif delivery_texts.differs_from_card(parcel, person) and any(
                p.strip() for p in (person.street, person.postcode, person.city)):
            card = delivery_texts.parcel_of(None, person).one_line()
            # TRANSLATORS: in the ship dialog; {address} is the customer's address in Afspraak, which is not
            # the one in the shop's order (shown above it).
            text = _("Afspraak has another address for them: {address}. Check which one this parcel goes "
                     "to.").format(address=card)
        else:
            return
        note = plain_label(text)
        note.setObjectName("deliveryNote")
        self.form.layout().insertWidget(1, note)

    def _add_again_note(self, order_id: int) -> None:
        """Over a new parcel for an order whose parcel did not arrive (lost, returned): which
        one it replaces, and that that one stays in Zendingen as it is."""
        gone = store.gone_parcel(order_id)
        if gone is None:
            return
        # TRANSLATORS: in the ship dialog, after "The parcel sent on 3 Dec 2026 got lost.".
        note = plain_label(order_texts.parcel_gone(gone) + " " + _(
            "This is a new parcel for the order; that one stays in Shipments as it is."))
        note.setObjectName("againNote")
        self.form.layout().insertWidget(1, note)

    def ship(self) -> None:
        from desktop.domain.shipments import sent_day_problem

        sent_on, problem = typed_day(self.sent_on, lambda day: sent_day_problem(day, self.today))
        if problem:
            self.error.setText(problem)
            self.error.show()
            self.sent_on.setFocus()
            return
        if not self._still_as_shown():
            return
        from desktop import reminders

        order = store.find(self.order_id)
        # A step on Edit → Undo (as a status move is): the parcel and the order's "Shipped" are
        # taken back together; a message about it sent since is undone first (store/journal.py).
        what = undo_texts.order_shipped(order.order_number, order.person.name,
                                        again=store.gone_parcel(self.order_id) is not None)
        try:
            with reminders.recorded(what):
                self.shipment = store.ship_order(self.order_id, store.ShipInput(
                    self.carrier.currentData(), self.tracking_code.text(), self.tracking_url.text(), sent_on),
                    self.now)
        except store.OrderInvalid as exc:
            self.error.setText(errors.text(exc))
            self.error.show()
            return
        self.accept()
