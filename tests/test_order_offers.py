"""A review of the custom-order messages (order-offers): what a customer reads, for the five
readers (Dutch je/u, Belgian je/u, English).

1. The delay message quoted a ready date the customer never heard: the owner had moved it in
   the order's form since the confirmation, without a message.
2. The order's "Send message" offered messages untrue of its status (a cancelled order's
   "your order is ready", a new order's "on its way"), and none for a cancelled order.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from desktop.presentation import due_texts
from desktop.store import orders, settings
from desktop.store.models import CustomOrder, Person

from .conftest import NOW
from .readers import AMS, READERS, as_reader

ZONE = ZoneInfo(AMS)


def _at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """A moment of the owner's day, as the store keeps it (naive UTC)."""
    local = datetime.combine(day, time(hour, minute), tzinfo=ZONE)
    return local.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


@pytest.fixture
def shop(database):
    settings.set("time_zone", AMS)
    settings.set("shop_name", "Zilver & Zo")
    settings.set("owner_name", "Eva")
    return database


def _order(ready: date, **kw):
    from tests.test_orders_store import form

    values = dict(status="in_production", promised_ready=ready, promised_delivery=None, order_number="#2001",
                  ordered_on=date(2026, 11, 23), address_form="je", country="NL", money_locale="nl_NL")
    values.update(kw)
    status = values["status"]
    if status in ("new", "in_production", "ready"):
        return orders.save_order(form(**values), NOW)
    # a new order starts being made; "cancelled" and "delivered" are moves of it (store/orders.py)
    order = orders.save_order(form(**{**values, "status": "in_production"}), NOW)
    CustomOrder.update(status=status).where(CustomOrder.id == order.id).execute()
    return CustomOrder.get_by_id(order.id)


def _move_in_form(order, ready: date, at: datetime):
    """Bewerken…: the promised date moved, with a reason, and no message to the customer."""
    from tests.test_orders_store import form

    return orders.save_order(form(status=order.status, promised_ready=ready, promised_delivery=None,
                                  order_number=order.order_number, ordered_on=order.ordered_on, address_form="je",
                                  country="NL", money_locale="nl_NL", change_reason="Het zilver komt later binnen"),
                             at, order_id=order.id, person_id=order.person_id)


def _told_then_moved():
    """Order #2001, ready Monday 14 December; the confirmation says so; two hours later the
    owner moves it to Wednesday the 16th in the order's form."""
    order = _order(date(2026, 12, 14))
    confirmation = due_texts.compose_order(order.id, "order_confirmation", NOW)
    orders.record_message(order.id, "order_confirmation", "email", confirmation.body, NOW)
    _move_in_form(order, date(2026, 12, 16), _at(date(2026, 11, 23), 12, 30))
    return order


# --- 1. the delay quotes the date the customer was told ------------------------------------

def test_the_delay_after_a_date_moved_in_the_form_quotes_the_date_the_customer_was_told(shop):
    order = _told_then_moved()
    later = _at(date(2026, 11, 23), 13, 0)
    for key in READERS:
        as_reader(Person.get_by_id(order.person_id), *key)
        message = due_texts.compose_order(order.id, "order_delay", later, new_ready=date(2026, 12, 21))
        body = message.body.lower()
        assert "14 december" in body and "21 december" in body, (key, message.body)
        assert "16 december" not in body, (key, message.body)
        assert message.template == "order.delay", key
    as_reader(Person.get_by_id(order.person_id), "nl", "NL", "je")
    body = due_texts.compose_order(order.id, "order_delay", later, new_ready=date(2026, 12, 21)).body
    assert "We hadden je bestelling beloofd voor maandag 14 december." in body
    # sent: the customer now knows the 21st, and the next news starts from it
    orders.record_message(order.id, "order_delay", "email", body, later, new_ready=date(2026, 12, 21))
    assert orders.date_told(order.id) is None
    update = due_texts.compose_order(order.id, "order_update", _at(date(2026, 12, 1))).body
    assert "21 december" in update and "14 december" not in update and "16 december" not in update


def test_a_delay_once_the_date_she_was_told_is_over_is_late_news_about_that_date(shop):
    """On the 15th her day (the 14th) is over, the moved one (the 16th) not yet: the delay
    said "taking a little longer… we had promised your order for 16 December"."""
    order = _told_then_moved()
    for day in (date(2026, 12, 15), date(2026, 12, 18)):  # before and after the moved date too
        for key in READERS:
            as_reader(Person.get_by_id(order.person_id), *key)
            message = due_texts.compose_order(order.id, "order_delay", _at(day), new_ready=date(2026, 12, 21))
            body = message.body.lower()
            assert message.template == "order.late", (day, key)
            assert "14 december" in body and "16 december" not in body, (day, key, message.body)
    as_reader(Person.get_by_id(order.person_id), "nl", "NL", "je")
    body = due_texts.compose_order(order.id, "order_delay", _at(date(2026, 12, 15)), new_ready=date(2026, 12, 21)).body
    assert "je bestelling had op maandag 14 december klaar moeten zijn" in body
    assert "nu op maandag 21 december klaar" in body


def test_the_late_reminder_after_a_moved_date_leaves_the_new_date_to_her(shop):
    """Vandaag's preview of the late news: the date she was told, and the new date open
    (never the moved date, which is over too)."""
    order = _told_then_moved()
    as_reader(Person.get_by_id(order.person_id), "nl", "NL", "je")
    message = due_texts.compose_order(order.id, "order_delay", _at(date(2026, 12, 18)), date_unchosen=True)
    assert "14 december" in message.body and "16 december" not in message.body
    assert due_texts.new_date_hole("nl") in message.body


# --- 2. only the messages true of where the order is, and the cancellation -----------------

def test_each_status_offers_only_the_messages_true_of_it():
    """A cancelled order offered the confirmation, "your order is ready" and "on its way";
    a new one "on its way" (without carrier or link) and "we have it ready"."""
    from desktop.domain.orders import STATUSES, offered_messages
    from desktop.views.order_message import MESSAGE_LABELS

    steps = list(MESSAGE_LABELS)
    offered = {status: offered_messages(status, False, steps) for status in STATUSES}
    assert offered == {
        "new": ["order_confirmation", "order_update", "order_delay"],
        "in_production": ["order_confirmation", "order_update", "order_delay"],
        "ready": ["order_ready"],
        "shipped": ["order_shipped"],
        "delivered": [],
        "cancelled": ["order_cancelled"],
    }
    assert offered_messages("in_production", True, steps) == ["order_confirmation", "order_delay"]
    # a message about a later step never before it happened
    pipeline = ["new", "in_production", "ready", "shipped", "delivered"]
    step_of = {"order_ready": "ready", "order_shipped": "shipped"}
    for status in pipeline:
        for step in offered[status]:
            assert pipeline.index(step_of.get(step, status)) <= pipeline.index(status), (status, step)
    assert all("order_cancelled" not in offered[status] for status in pipeline)


@pytest.fixture
def maatwerk(qtbot, shop, translator):
    from desktop import i18n
    from desktop.views.main_window import MainWindow

    i18n.set_language("nl")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_view("orders")
    view = window.view("orders")
    view.clock = lambda: NOW
    view.status_filter.setCurrentIndex(view.status_filter.findData("all"))
    return view


def _send_menu(view, order_id: int):
    from PySide6.QtWidgets import QApplication, QPushButton

    view.refresh()
    view.show_detail(order_id)
    QApplication.processEvents()
    button = view.detail.findChild(QPushButton, "sendMessage")
    return button, [a.data() for a in button.menu().actions() if not a.isSeparator()]


def test_the_send_message_menu_offers_only_what_is_true_of_the_order(maatwerk, monkeypatch):
    from desktop.store.models import CustomOrder
    from desktop.views import orders as orders_view

    order = _order(date(2026, 12, 14), status="new")
    for status, entries in (("new", ["order_confirmation", "order_update", "order_delay"]),
                            ("ready", ["order_ready"]), ("shipped", ["order_shipped"]),
                            ("cancelled", ["order_cancelled"])):
        CustomOrder.update(status=status).where(CustomOrder.id == order.id).execute()
        button, found = _send_menu(maatwerk, order.id)
        assert found == entries and button.isEnabled(), status
    # the promised day is over: no "still on schedule"
    CustomOrder.update(status="in_production", promised_ready=date(2026, 11, 20)).where(
        CustomOrder.id == order.id).execute()
    assert _send_menu(maatwerk, order.id)[1] == ["order_confirmation", "order_delay"]
    # delivered: nothing is true any more; the button says why
    CustomOrder.update(status="delivered").where(CustomOrder.id == order.id).execute()
    button, found = _send_menu(maatwerk, order.id)
    assert found == [] and not button.isEnabled()
    assert "Bezorgd" in button.toolTip() or "Delivered" in button.toolTip()
    # the cancelled order's entry opens the cancellation
    CustomOrder.update(status="cancelled").where(CustomOrder.id == order.id).execute()
    button, _found = _send_menu(maatwerk, order.id)
    opened = []
    monkeypatch.setattr(orders_view, "run_dialog", lambda d: opened.append(d.step()) or 0)
    [entry] = [a for a in button.menu().actions() if not a.isSeparator()]
    assert entry.text().endswith("…")
    entry.trigger()
    assert opened == ["order_cancelled"]


def test_a_cancelled_order_gets_a_cancellation_naming_the_order_and_promising_nothing(shop):
    order = _order(date(2026, 12, 14), status="cancelled", quantity=2, deposit_text="10")
    for key in READERS:
        as_reader(Person.get_by_id(order.person_id), *key)
        message = due_texts.compose_order(order.id, "order_cancelled", NOW)
        assert message.template == "order.cancelled" and not message.incomplete, key
        assert "#2001" in message.subject and "#2001" in message.body, (key, message.subject)
        assert "(2 " in message.body, (key, message.body)  # the product, with how many
        assert message.body.startswith(("Hoi Ingrid,", "Beste Ingrid,", "Dag Ingrid,", "Hi Ingrid,")), key
        assert message.body.endswith("Eva\nZilver & Zo"), key
        said = message.body.lower()
        # Afspraak knows of no refund, no reason and no date: the message promises none of them
        for word in ("refund", "terugbeta", "terugstort", "geld", "€", "10,00", "december", "omdat", "because"):
            assert word not in said, (key, word, message.body)


def test_a_cancellation_without_an_order_number_still_says_it_is_cancelled(shop):
    from desktop.presentation import messages

    order = _order(date(2026, 12, 14), status="cancelled", order_number="")
    for key in READERS:
        as_reader(Person.get_by_id(order.person_id), *key)
        message = due_texts.compose_order(order.id, "order_cancelled", NOW)
        english = messages.render("order.cancelled", messages.sample_values("en"),
                                  messages.Recipient("Ingrid", "en", "NL", "je"))
        assert "()" not in message.body and "  " not in message.subject, (key, message.subject, message.body)
        assert len(message.body.split("\n\n")) == len(english.body.split("\n\n")), (key, message.body)


def test_the_cancellation_is_sent_from_its_dialog_and_kept_on_the_timeline(qtbot, shop, translator):
    from desktop.store.models import Event
    from desktop.views.order_message import OrderMessageDialog, message_label

    order = _order(date(2026, 12, 14), status="cancelled")
    # asked for the confirmation (a new order saved as cancelled): the cancellation opens
    dialog = OrderMessageDialog(None, order.id, "order_confirmation", NOW)
    qtbot.addWidget(dialog)
    assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == ["order_cancelled"]
    assert "#2001" in dialog.body.toPlainText()
    dialog.mark_sent()
    [event] = Event.select().where(Event.kind == "message", Event.subject_id == order.id)
    assert event.step == "order_cancelled" and event.direction == "out"
    assert message_label(event.step) != event.step  # the timeline names the message


def test_a_delivered_order_has_no_message_to_send(qtbot, shop, translator):
    from PySide6.QtWidgets import QPushButton

    from desktop.store.models import Event
    from desktop.views.order_message import OrderMessageDialog

    order = _order(date(2026, 12, 14), status="delivered")
    dialog = OrderMessageDialog(None, order.id, "order_update", NOW)
    qtbot.addWidget(dialog)
    assert dialog.kind.count() == 0 and not dialog.body.toPlainText()
    assert not dialog.form.findChild(QPushButton, "markSent").isEnabled()
    assert not dialog.error.isHidden() and dialog.error.text()
    dialog.mark_sent()
    dialog.copy()
    assert not Event.select().where(Event.kind == "message").exists()


def test_the_cancellation_is_a_template_the_owner_can_edit(qtbot, shop, translator):
    from desktop.store import templates
    from desktop.views.template_editor import CODE_ROLE, TemplateEditor

    editor = TemplateEditor(None, now=lambda: NOW)
    qtbot.addWidget(editor)
    editor.template.setCurrentIndex(editor.template.findData("order.cancelled"))
    assert editor.template.currentData() == "order.cancelled"
    names = [editor.placeholders.item(i).data(CODE_ROLE) for i in range(editor.placeholders.count())]
    assert "bestelnummer" in names and "product" in names, names
    assert "{bestelnummer}" in editor.subject.text()
    templates.save("order.cancelled", "nl", "je", "Bestelling {bestelnummer} vervalt",
                   "{aanhef}\n\nJe {product} gaat niet door.\n\n{groet}\n{afzender}", NOW)
    order = _order(date(2026, 12, 14), status="cancelled")
    message = due_texts.compose_order(order.id, "order_cancelled", NOW)
    assert message.subject == "Bestelling #2001 vervalt" and "gaat niet door" in message.body
