"""Edit → Undo never writes an older step over what was done after it (review of the custom
orders, finding 1). Not every action is a step (an order marked ready, a message sent, a
parcel made in Maatwerk are not), so the step Ctrl+Z reaches is not always the last thing
done: the journal compares the data with what the step left, and refuses (``ChangedSince``,
nothing taken back) when it was changed since or something was done about it since."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.orders import OrderInput
from desktop.store import journal, orders, shipping
from desktop.store.models import CustomOrder, Event, OrderDateChange, Person, Product, Shipment, ShipmentItem

from .conftest import NOW


def _new(name: str, email: str, country: str, postcode: str, status: str = "new", **kw) -> CustomOrder:
    values = dict(name=name, email=email, country=country, postcode=postcode, city="Amersfoort", street="Langestraat 2",
                  language="nl", order_number=kw.pop("order_number", "#1041"), personalisation="Letter M",
                  price_text="24,95", ordered_on=date(2026, 11, 20), promised_ready=date(2026, 12, 13),
                  promised_delivery=date(2026, 12, 15), money_locale="nl_NL")
    values.update(kw)
    order = orders.save_order(OrderInput(**values), NOW)
    if status != "new":
        CustomOrder.update(status=status).where(CustomOrder.id == order.id).execute()
    return CustomOrder.get_by_id(order.id)


def _form(order: CustomOrder, **changes) -> OrderInput:
    """The order form as it opens on ``order``, with ``changes`` typed in."""
    p = order.person
    values = dict(name=p.name, email=p.email, phone=p.phone, street=p.street, postcode=p.postcode, city=p.city,
                  country=p.country, language=p.language, address_form=p.address_form,
                  order_number=order.order_number, product_id=order.product_id, quantity=order.quantity,
                  personalisation=order.personalisation, font=order.font, colour=order.colour, size=order.size,
                  note=order.note, price_text=f"{order.price_cents // 100},{order.price_cents % 100:02d}",
                  deposit_text="", ordered_on=order.ordered_on, promised_ready=order.promised_ready,
                  promised_delivery=order.promised_delivery, status=order.status, checklist=order.checklist,
                  money_locale="nl_NL")
    values.update(changes)
    return OrderInput(**values)


def _saved_as_step(order: CustomOrder, **changes) -> journal.Change:
    """Bewerken… → Save: a step on Edit → Undo (views/order_dialog.py, saved_as_step)."""
    with journal.recording() as change:
        orders.save_order(_form(order, **changes), NOW, order_id=order.id, person_id=order.person_id)
    assert not change.empty
    return change


def _everything() -> tuple:
    """All an undo could touch, to see that a refused one changed nothing."""
    return (sorted(CustomOrder.select().tuples()), sorted(OrderDateChange.select().tuples()),
            sorted(Event.select(Event.id, Event.kind, Event.step, Event.fact, Event.text).tuples()),
            sorted(Shipment.select().tuples()), sorted(ShipmentItem.select().tuples()),
            sorted(Person.select(Person.id, Person.name, Person.email).tuples()))


def test_a_ready_date_moved_in_the_form_is_not_taken_back_over_the_delay_message_sent_since(database):
    """(a) Marieke: ready date 13 → 15 December with a reason; then a delay message with
    the 22nd, marked sent. Ctrl+Z put the ready date back to the 13th while the delivery
    stayed the 22nd, though the customer was told the 22nd."""
    order = _new("Marieke Hendriks", "marieke.h@example.nl", "NL", "3811 AA")
    edit = _saved_as_step(order, promised_ready=date(2026, 12, 15), change_reason="Zilver later geleverd")
    message = orders.record_message(order.id, "order_delay", "email", "Je sleutelhanger is op 22 december klaar.",
                                    NOW, new_ready=date(2026, 12, 22), reason="Zilver later geleverd")
    before = _everything()

    with pytest.raises(journal.ChangedSince) as refused:
        journal.undo(edit)

    assert _everything() == before  # nothing taken back
    o = CustomOrder.get_by_id(order.id)
    assert (o.promised_ready, o.promised_delivery) == (date(2026, 12, 22), date(2026, 12, 22))
    assert [(c.table, c.rowid, c.columns) for c in refused.value.changed] == [
        ("custom_order", order.id, ("promised_ready",))]  # the column the edit changed
    assert ("event", message.id) in {(a.table, a.rowid) for a in refused.value.added}
    assert all(a.about == ("custom_order", order.id) for a in refused.value.added)


def test_a_status_set_in_the_form_is_not_taken_back_under_the_parcel_sent_since(database):
    """(b) Kevin: Status "Klaar" in the form, then "Verzenden…" (bpost). Ctrl+Z left the
    order "In productie" while Zendingen showed its parcel "Verzonden"."""
    order = _new("Kevin Jacobs", "kevin.jacobs@example.be", "BE", "2800", status="in_production",
                 order_number="#1038")
    edit = _saved_as_step(order, status="ready")
    parcel = orders.ship_order(order.id, orders.ShipInput("bpost", "323212345678901234567890"), NOW)
    before = _everything()

    with pytest.raises(journal.ChangedSince) as refused:
        journal.undo(edit)

    assert _everything() == before
    assert CustomOrder.get_by_id(order.id).status == "shipped"
    assert Shipment.get_by_id(parcel.id).status == "sent"
    assert [(c.table, c.columns) for c in refused.value.changed] == [("custom_order", ("status",))]


def test_a_personalisation_edit_is_not_taken_back_after_the_order_was_marked_ready(database):
    """(c) The personalisation edited, then "Markeren als klaar", then Ctrl+Z: it took back
    the personalisation alone, under an order made (and marked ready) with the new one. The
    status is a column the edit did not change: what tells is the step marked since."""
    order = _new("Ingrid van Leeuwen", "ingrid.vl@example.nl", "NL", "2011 AB", status="in_production",
                 order_number="#1033")
    edit = _saved_as_step(order, personalisation="Naam: Ingrid (sierlijk)")
    orders.move_status(order.id, "ready", NOW)
    before = _everything()

    with pytest.raises(journal.ChangedSince) as refused:
        journal.undo(edit)

    assert _everything() == before
    o = CustomOrder.get_by_id(order.id)
    assert (o.personalisation, o.status) == ("Naam: Ingrid (sierlijk)", "ready")
    assert refused.value.changed == []  # the personalisation is still as the edit left it...
    [status_line] = refused.value.added  # ...but the order was moved on since
    assert status_line.table == "event" and Event.get_by_id(status_line.rowid).fact == "order_status"


def test_a_new_order_is_not_taken_away_from_under_the_message_sent_about_it(database):
    """An order added by a step and confirmed to the customer since: taking the order back
    would leave the message about an order that is not there."""
    with journal.recording() as added:
        order = _new("Sofie Maes", "sofie.maes@example.be", "BE", "8500")
    orders.record_message(order.id, "order_confirmation", "email", "Bedankt voor je bestelling!", NOW)
    before = _everything()
    with pytest.raises(journal.ChangedSince):
        journal.undo(added)
    assert _everything() == before


def test_an_edit_is_still_undone_and_redone_when_nothing_happened_since(database):
    order = _new("Marieke Hendriks", "marieke.h@example.nl", "NL", "3811 AA")
    start = _everything()
    edit = _saved_as_step(order, promised_ready=date(2026, 12, 15), change_reason="Zilver later geleverd",
                          personalisation="Letter K")
    edited = _everything()
    journal.undo(edit)
    assert _everything() == start
    journal.redo(edit)
    assert _everything() == edited
    journal.undo(edit)
    assert _everything() == start


def test_steps_taken_back_in_turn_still_reach_the_older_one(database):
    """A later step taken back first leaves the rows as the older step left them: that one
    can be taken back next, as Edit → Undo goes down its stack."""
    order = _new("Kevin Jacobs", "kevin.jacobs@example.be", "BE", "2800", status="in_production")
    start = _everything()
    edit = _saved_as_step(order, personalisation="Naam: Lotte")
    with journal.recording() as ready:
        orders.move_status(order.id, "ready", NOW)
    journal.undo(ready)
    journal.undo(edit)
    assert _everything() == start


def test_a_redo_is_refused_over_what_was_done_after_the_undo(database):
    """The same rule the other way: an edit taken back, then a delay message sent (the
    customer now expects the 20th): Ctrl+Y does not put the edit back under it."""
    order = _new("Kevin Jacobs", "kevin.jacobs@example.be", "BE", "2800", status="in_production")
    edit = _saved_as_step(order, personalisation="Naam: Lotte")
    journal.undo(edit)
    message = orders.record_message(order.id, "order_delay", "email", "Op 20 december klaar.", NOW,
                                    new_ready=date(2026, 12, 20), reason="Ziek")
    before = _everything()
    with pytest.raises(journal.ChangedSince) as refused:
        journal.redo(edit)
    assert _everything() == before
    assert CustomOrder.get_by_id(order.id).personalisation == "Letter M"
    assert ("event", message.id) in {(a.table, a.rowid) for a in refused.value.added}


def test_a_parcel_marked_delivered_since_keeps_its_making_from_being_undone(demo_db):
    """The same rule for every table: a parcel made by a drop (a step) and marked
    delivered in Zendingen since is not taken away under that."""
    person = Person.get(Person.name == "Sanne de Vries")
    product = Product.get(Product.sku == "ZK-001")
    with journal.recording() as made:
        created = shipping.create_shipment(shipping.NewShipment(person.id, [(product.id, 1)], sent=True), NOW)
    shipping.advance(created.shipment_id, "deliver", NOW)
    with pytest.raises(journal.ChangedSince) as refused:
        journal.undo(made)
    assert Shipment.get_by_id(created.shipment_id).status == "delivered"
    assert ("shipment", created.shipment_id) in {(c.table, c.rowid) for c in refused.value.changed}


def test_steps_joined_into_one_compare_as_one(database):
    """Several files imported as one step (views/shipping.py joins their changes)."""
    first = _new("Marieke Hendriks", "marieke.h@example.nl", "NL", "3811 AA")
    start = _everything()
    joined = journal.Change()
    for personalisation in ("Letter K", "Letter L"):
        with journal.recording() as part:
            orders.save_order(_form(CustomOrder.get_by_id(first.id), personalisation=personalisation), NOW,
                              order_id=first.id, person_id=first.person_id)
        joined.extend(part)
    orders.move_status(first.id, "in_production", NOW)
    with pytest.raises(journal.ChangedSince):
        journal.undo(joined)
    CustomOrder.update(status="new").where(CustomOrder.id == first.id).execute()
    Event.delete().where(Event.fact == "order_status").execute()
    journal.undo(joined)
    assert _everything() == start
