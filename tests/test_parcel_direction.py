"""A timeline line's direction is who spoke (review of the timeline's Richting column):
"Sent" a message or call of the shop's, "Received" hers (her word that a parcel arrived
too), nothing for what happened to a parcel. A parcel only packed read "Verzonden", the
real "Verzonden met bpost" line had no direction, and filtering on "Verzonden" listed
parcels that never left. Stored rows of before: migration v18 (tests/test_schema_upgrades.py).
"""

from __future__ import annotations

from datetime import timedelta

from desktop.presentation import timeline
from desktop.presentation.timeline import TimelineFilter
from desktop.store import shipping
from desktop.store.models import Event, Person, Product, Shipment
from tests.conftest import NOW


def _directions(shipment_id: int) -> dict[str, str]:
    return {e.fact: e.direction for e in Event.select().where(Event.subject_type == "shipment",
                                                              Event.subject_id == shipment_id)}


def test_every_step_of_a_parcel_has_the_same_rule(database):
    person = Person.create(name="Sanne", street="Kerkstraat 1", postcode="3511 AB", city="Utrecht", country="NL")
    ring = Product.create(key="R1", sku="R1", name="Ring")
    packed = shipping.create_shipment(shipping.NewShipment(person.id, [(ring.id, 1)]), NOW)
    assert _directions(packed.shipment_id) == {"shipment_ready": "none"}
    shipping.advance(packed.shipment_id, "send", NOW + timedelta(hours=1))
    shipping.advance(packed.shipment_id, "deliver", NOW + timedelta(days=2))
    shipping.advance(packed.shipment_id, "confirm", NOW + timedelta(days=3))
    assert _directions(packed.shipment_id) == {"shipment_ready": "none", "shipment_sent": "none",
                                               "shipment_delivered": "none", "shipment_confirmed": "in"}
    sent = shipping.create_shipment(shipping.NewShipment(person.id, [(ring.id, 1)], sent=True), NOW)
    shipping.advance(sent.shipment_id, "lose", NOW + timedelta(days=9))
    other = shipping.create_shipment(shipping.NewShipment(person.id, [(ring.id, 1)], sent=True), NOW)
    shipping.advance(other.shipment_id, "return", NOW + timedelta(days=9))
    assert _directions(sent.shipment_id) == {"shipment_sent": "none", "shipment_lost": "none"}
    assert _directions(other.shipment_id) == {"shipment_sent": "none", "shipment_returned": "none"}
    assert [e for e in timeline.iter_events(TimelineFilter(direction="out")) if e.kind == "shipment"] == []


def test_the_example_shop_filtered_on_sent_lists_no_parcel(demo_db):
    assert Shipment.select().count() > 0
    sent = list(timeline.iter_events(TimelineFilter(direction="out")))
    assert sent and all(e.kind != "shipment" for e in sent)
    assert {e.direction for e in Event.select().where(Event.kind == "shipment", Event.fact != "shipment_confirmed")} \
        == {"none"}
