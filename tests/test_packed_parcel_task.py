"""A parcel packed for an influencer and not sent is a task to send it (parcel-truth).

The "send the gift" task counted only a gift the agreement names: a product dropped on her with
"already handed to the carrier" unticked, a parcel packed for an agreement that names no
product, or a new parcel packed after hers got lost, waited in Zendingen ("Klaar om te
verzenden") while Vandaag said "Nothing to follow up", and her deliverables were held for it
(``shipments.gift_unsent``). It comes due as a gift does after its agreement: a parcel packed on
Monday and not marked sent is a task on Wednesday morning.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from desktop import i18n
from desktop.presentation import due_texts
from desktop.store import due, shipping
from desktop.store.models import Collaboration, Person
from desktop.store.promises import gifts

from .conftest import NOW
from .test_parcel_promises import agree, person, product, send, shop  # noqa: F401

AMS = ZoneInfo("Europe/Amsterdam")
WEDNESDAY = datetime(2026, 11, 25, 9, 0, tzinfo=AMS).astimezone(timezone.utc).replace(tzinfo=None)


def pack(who, items, now=NOW, collaboration_id=None):
    return shipping.create_shipment(shipping.NewShipment(person_id=who.id, items=[(p.id, 1) for p in items],
                                                         sent=False, collaboration_id=collaboration_id), now)


def gift_items(now=NOW, who=None):
    return [i for i in due.plan(now, who.id if who else None) if i.kind == "gift"]


def test_a_product_dropped_on_her_and_only_packed_is_a_task_on_the_second_morning(shop):  # noqa: F811
    lotte = person("Lotte Peeters")
    packed = pack(lotte, [product("Armband Anker")])  # Monday 23 November, a new proposal, nothing agreed
    assert Collaboration.get_by_id(packed.new_collaboration_id).status == "proposed"
    [item] = gift_items()  # was none: "Nothing to follow up" while the parcel waited
    assert (item.person_id, item.subject_id, item.action) == (lotte.id, packed.new_collaboration_id, "task")
    assert item.due == WEDNESDAY  # not the moment it is packed: she posts it today or tomorrow
    assert not [i for i in due.due_now(NOW) if i.kind == "gift"]
    assert [i.subject_id for i in due.due_now(WEDNESDAY) if i.kind == "gift"] == [packed.new_collaboration_id]
    assert gifts.unsent_titles(lotte.id) == ["Armband Anker"]  # what blocking her takes off Vandaag
    # her own pane's scan finds it too, and another person's does not
    assert [i.subject_id for i in gift_items(who=lotte)] == [packed.new_collaboration_id]
    assert gift_items(who=person("Sanne de Vries")) == []
    # sent: the task is gone
    shipping.advance(packed.shipment_id, "send", WEDNESDAY)
    assert gift_items(WEDNESDAY) == [] and gifts.unsent_titles(lotte.id) == []


def test_an_agreement_that_names_no_product_and_a_parcel_packed_for_it(shop):  # noqa: F811
    lotte = person("Lotte Peeters")
    collab = Collaboration.create(person=lotte, title="Reel in december", status="agreed", products="",
                                  created_at=NOW - timedelta(days=10), agreed_at=NOW - timedelta(days=10))
    assert gift_items() == []  # nothing named, nothing packed: nothing the shop owes
    packed = pack(lotte, [product("Armband Anker")], collaboration_id=collab.id)
    [item] = gift_items()
    assert item.subject_id == collab.id and item.due == WEDNESDAY  # from the packing, not the agreement
    facts = due_texts.gift_facts(item)
    assert facts["parcel_id"] == packed.shipment_id and facts["parcel_items"] == [(1, "Armband Anker")]
    # its button opens the packed parcel in Zendingen ("Show the parcel"), not a new one
    assert due_texts.gift_open_text(facts) == due_texts.gift_open_text({"parcel_id": packed.shipment_id})
    assert facts["product_ids"] == [] and facts["gifts"] == [] and facts["gift_words"] == ""


def test_a_new_parcel_packed_after_hers_got_lost_is_a_task(shop):  # noqa: F811
    lotte = person("Lotte Peeters")
    anker = product("Armband Anker")
    first = send(lotte, [anker], now=NOW - timedelta(days=10))
    agree(lotte, first.new_collaboration_id, [("story", 1, date(2026, 12, 20))])
    shipping.advance(first.shipment_id, "lose", NOW - timedelta(days=2))
    assert gift_items() == []
    again = pack(lotte, [anker], collaboration_id=first.new_collaboration_id)
    [item] = gift_items()  # the collaboration is "shipped": the task counted only "agreed" ones
    assert item.subject_id == first.new_collaboration_id and item.due == WEDNESDAY
    shipping.advance(again.shipment_id, "send", NOW + timedelta(hours=3))
    assert gift_items(WEDNESDAY) == []


def test_no_task_for_a_packed_parcel_beside_one_with_her_nor_in_an_ended_collaboration(shop):  # noqa: F811
    lotte = person("Lotte Peeters")
    anker = product("Armband Anker")
    first = send(lotte, [anker])
    pack(lotte, [product("Ring Zoë")], collaboration_id=first.new_collaboration_id)
    assert gift_items() == []  # she has a parcel: the collaboration goes on (a second one is hers to send)
    noor = person("Noor Bakker")
    packed = pack(noor, [anker])
    Collaboration.update(status="ended").where(Collaboration.id == packed.new_collaboration_id).execute()
    assert gift_items() == []
    Collaboration.update(status="proposed").where(Collaboration.id == packed.new_collaboration_id).execute()
    Person.update(status="blocked").where(Person.id == noor.id).execute()
    assert gift_items() == []  # no gift goes to a person the owner blocked


@pytest.mark.parametrize("with_items", [True, False])
def test_what_to_do_names_the_parcel_the_day_it_was_packed_and_where_it_waits(shop, translator,  # noqa: F811
                                                                              with_items):
    i18n.set_language("en")
    lotte = person("Lotte Peeters")
    packed = pack(lotte, [product("Armband Anker")])
    if not with_items:  # a parcel whose product left the catalogue: no list with a hole
        from desktop.store.models import ShipmentItem

        ShipmentItem.delete().where(ShipmentItem.shipment == packed.shipment_id).execute()
    [item] = gift_items()
    words = due_texts.task_words(item, WEDNESDAY).replace("\u00a0", " ")
    first = "A parcel for Lotte Peeters has been ready since Monday, 23 November 2026 and has not been sent yet"
    assert words.startswith(first + (": Armband Anker." if with_items else "."))
    assert "Shipments (“Ready to send”): mark it as sent once it is on its way." in words
    assert "agreed on" not in words  # nothing was agreed: no "gift agreed on …"
    assert "{" not in words and "[" not in words
