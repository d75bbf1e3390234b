"""What a parcel's fate does to the ladder (audit 8, findings 2, 7 and 16): a parcel the
carrier marked delivered still gets its "is it there?" check-in; a collaboration that has
ended gets none; a parcel returned to the shop or lost by the carrier means she owes
nothing for it: its deliverables are not chased (nor is its value cited) until a new
parcel goes out, which gives her the time she had again."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from desktop.domain.validation import DeliverableInput, validate_collaboration, validate_person
from desktop.presentation import due_texts
from desktop.store import catalogue, due, influencers, settings, shipping
from desktop.store.models import Collaboration

from .conftest import NOW

AMS = ZoneInfo("Europe/Amsterdam")


def local(day: date, hour: int = 10) -> datetime:
    """A moment in the owner's zone as the store keeps it (naive UTC)."""
    moment = datetime(day.year, day.month, day.day, hour, tzinfo=AMS)
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


@pytest.fixture
def shop(database):
    settings.set("time_zone", "Europe/Amsterdam")
    return database


def person(name: str, form: str = "je", country: str = "NL"):
    errors, cleaned = validate_person(dict(name=name, email=f"{name.split()[0].lower()}@example.nl",
                                           street="Kerkstraat 1", postcode="1012 AB" if country == "NL" else "9000",
                                           city="Amsterdam", country=country, language="nl", address_form=form),
                                      [], influencers.handle_owner)
    assert not errors, errors
    return influencers.save_person(cleaned, NOW)


def product(name: str = "Armband Anker", cents: int = 6999):
    return catalogue.add_product(name=name, sku="", variant="", price_cents=cents, now=NOW)


def send(who, items, now=NOW, collaboration_id=None):
    return shipping.create_shipment(shipping.NewShipment(person_id=who.id, items=[(p.id, 1) for p in items],
                                                         sent=True, collaboration_id=collaboration_id), now)


def agree(who, collaboration_id: int, deliverables, now=NOW):
    collaboration = Collaboration.get_by_id(collaboration_id)
    values = dict(title=collaboration.title, status="shipped", agreed_on=now.date(), products="",
                  required_mentions="@zilverenzo", required_hashtags="", consequence="")
    rows = [DeliverableInput(kind, count, deadline) for kind, count, deadline in deliverables]
    errors, cleaned = validate_collaboration(values, rows, person_status=who.status, is_new=False, agreed=False,
                                             changed=True, money_locale="nl_NL")
    assert not errors, errors
    cleaned.pop("gifts", None)
    return influencers.save_collaboration(who, cleaned, rows, now, collaboration)


def due_at(now, who=None):
    """What is due at ``now`` (for ``who``): the items whose moment has come."""
    return [item for item in due.plan(now, who.id if who else None) if item.due <= now]


def kinds(items):
    return {(p.kind, p.subject_id) for item in items for p in item.parts}


# --- finding 7: "Bezorgd" still gets the check-in ------------------------------------

def test_a_parcel_the_carrier_delivered_still_gets_its_check_in(shop):
    sanne = person("Sanne de Vries")
    parcel = send(sanne, [product()])
    shipping.advance(parcel.shipment_id, "deliver", NOW + timedelta(days=2))  # the tracking page said so
    items = due_at(NOW + timedelta(days=4, hours=1), sanne)
    assert ("shipment", parcel.shipment_id) in kinds(items)
    assert [s.id for s in shipping.awaiting_receipt(NOW + timedelta(days=4, hours=1), 4)] == [parcel.shipment_id]


def test_a_confirmed_parcel_gets_no_check_in(shop):
    sanne = person("Sanne de Vries")
    parcel = send(sanne, [product()])
    shipping.advance(parcel.shipment_id, "confirm", NOW + timedelta(days=2))
    assert not due_at(NOW + timedelta(days=4, hours=1), sanne)


# --- finding 16: an ended collaboration gets no cheerful check-in ----------------------

def test_an_ended_collaboration_gets_no_parcel_check_in(shop):
    eva = person("Eva Jansen")
    parcel = send(eva, [product("Oorbellen ‘Maan’", 2250)])
    collaboration = agree(eva, parcel.new_collaboration_id, [("story", 1, date(2026, 12, 9))])
    influencers.end_collaboration(collaboration, "Eva stopt met Instagram", None, NOW + timedelta(days=2))
    assert not due_at(NOW + timedelta(days=4, hours=1), eva)
    # ...while a parcel of a collaboration that goes on still gets it
    noor = person("Noor Bakker")
    other = send(noor, [product("Ring Zoë", 3500)])
    agree(noor, other.new_collaboration_id, [("post", 1, date(2026, 12, 9))])
    assert ("shipment", other.shipment_id) in kinds(due_at(NOW + timedelta(days=4, hours=1), noor))
    assert due_texts.compose(due_at(NOW + timedelta(days=4, hours=1), noor)[0], NOW).body
