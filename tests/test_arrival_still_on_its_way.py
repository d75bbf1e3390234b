"""A shipped order's arrival check, its parcel still on its way: "the order's “Send message”
in Custom orders has the message with the tracking link" was said of a parcel with no link
(carrier "other", or no code), whose message then has none (review, session 33). The
sentence promises what the message quotes ({track_trace}: the link, else the code, else
nothing)."""

from datetime import date, datetime, timedelta

import pytest

from desktop import i18n
from desktop.presentation import due_texts
from desktop.store import due, orders, settings
from desktop.store.models import CustomOrder, Person

from .conftest import NOW
from .test_order_followup import SHIPPED


def _arrival(carrier, code):
    person = Person.create(name="Marc Peeters", email="marc@example.nl", country="NL", is_customer=True,
                           street="Kerkstraat 4", postcode="1234 AB", city="Utrecht")
    order = CustomOrder.create(person=person, order_number="MW-101", personalisation="Letter M",
                               ordered_on=date(2026, 11, 2), promised_ready=date(2026, 11, 16),
                               promised_delivery=date(2026, 11, 20), status="in_production")
    orders.move_status(order.id, "ready", SHIPPED - timedelta(hours=2))
    orders.ship_order(order.id, orders.ShipInput(carrier, code), SHIPPED)
    [item] = [i for i in due.due_now(NOW) if i.subject_type == "custom_order" and i.subject_id == order.id]
    return item


@pytest.mark.parametrize("carrier, code, promised", [
    ("postnl", "3SABCD1234567", "has the message with the tracking link."),
    ("other", "AB123456", "has the message with the tracking code."),
    ("other", "", "has a message to send."),
    ("postnl", "", "has a message to send."),
])
def test_still_on_its_way_promises_a_link_only_when_the_parcel_has_one(database, carrier, code, promised):
    settings.set("time_zone", "Europe/Amsterdam")
    i18n.set_language("en")
    try:
        words = due_texts.task_words(_arrival(carrier, code), NOW).replace("\xa0", " ")
        still = next(p for p in words.split("\n\n") if p.startswith("Still on its way?"))
        assert still.endswith(f"“Send message” in Custom orders {promised}"), still
        if promised != "has the message with the tracking link.":
            assert "tracking link" not in still
    finally:
        i18n.set_language("nl")



# Holy Saturday 2027, 11:00 in Amsterdam: Sunday and Easter Monday are days off, so the
# snooze button beside the check reads "Dinsdag 09:00".
EASTER_SATURDAY = datetime(2027, 3, 27, 10, 0)


@pytest.mark.parametrize("language, button", [("en", "Tuesday 09:00"), ("nl", "Dinsdag 09:00")])
def test_still_on_its_way_names_the_moment_its_button_names(database, language, button):
    """"Put this reminder off until tomorrow" stood beside a button "Dinsdag 09:00" on Easter
    Saturday (review of the days around Easter): the sentence names the button, so both say
    the same moment."""
    settings.set("time_zone", "Europe/Amsterdam")
    i18n.set_language(language)
    try:
        item = _arrival("postnl", "3SABCD1234567")
        assert due_texts.snooze_morning_label(EASTER_SATURDAY) == button
        words = due_texts.task_words(item, EASTER_SATURDAY).replace("\xa0", " ")
        still = words.split("\n\n")[-1]
        assert button in still, still
        assert "tomorrow" not in still.lower() and "morgen" not in still.lower(), still
    finally:
        i18n.set_language("nl")
