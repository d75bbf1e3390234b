"""The check-in of an influencer's new parcel, sent because the one before it got lost or came
back (parcel-truth).

Her first parcel got lost (or came back), the owner sent a new one, and four days later the
ladder offered the ordinary "Has your parcel arrived? Did the parcel with the … reach you
safely?": she could answer about the first, or wonder whether the shop knew there had been
two. The check-in about a new parcel says it is the new one, and why there is one, as the
order messages do for a custom order's new parcel ("order.shipped.again").
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.presentation import due_texts, messages
from desktop.store import due, settings, shipping
from desktop.store.models import Person

from .test_parcel_promises import agree, climb, due_at, local, person, product, send, shop  # noqa: F401


def _english(who: Person) -> Person:
    who.language = "en"
    who.save()
    return who


def _checkin(who, parcel_id, now):
    [item] = [i for i in due_at(now, who) if i.kind == "shipment" and i.subject_id == parcel_id]
    return item


@pytest.mark.parametrize("action,template,why", [
    ("lose", "shipment.received.again", "The parcel I sent you earlier got lost on its way."),
    ("return", "shipment.received.again.returned",
     "The parcel I sent you earlier was not delivered and came back to me."),
])
def test_the_check_in_of_a_new_parcel_says_it_is_the_new_one_and_why(shop, action, template, why):  # noqa: F811
    settings.set("shop_name", "Zilver & Zo")
    settings.set("owner_name", "Eva")
    sanne = _english(person("Sanne de Vries"))
    anker = product("Armband Anker")
    first = send(sanne, [anker])  # Mon 23 Nov
    agree(sanne, first.new_collaboration_id, [("story", 1, date(2026, 12, 20))])
    # its own check-in went out (four days on), then she said nothing came: marked lost or returned
    [(item, text)] = climb(sanne, local(date(2026, 11, 27), 11), days=1)
    assert item.kind == "shipment" and text.template == "shipment.received"
    shipping.advance(first.shipment_id, action, local(date(2026, 12, 2)))
    again = send(sanne, [anker], now=local(date(2026, 12, 3)),
                 collaboration_id=first.new_collaboration_id)
    assert shipping.replaced_parcel(again.shipment_id) == ("lost" if action == "lose" else "returned")
    now = local(date(2026, 12, 7), 11)
    checkin = _checkin(sanne, again.shipment_id, now)
    assert checkin.template == "shipment.received.alt"  # the step's own wording: the other one, this time
    message = due_texts.compose(checkin, now)
    assert message.template == template  # was "shipment.received.alt": "did my parcel reach you?"
    assert message.subject == "Has the new parcel arrived?"
    assert message.body.startswith("Hi Sanne,\n\n" + why + " On Thursday 3 December I sent you the Armband Anker "
                                   "again. Did the new parcel reach you safely? I'd love to hear what you think of it!")
    assert message.body.endswith("Best wishes,\nEva\nZilver & Zo") and message.missing == ()
    # marked sent like any check-in: the step's own template is what the ladder remembers
    due.mark_sent(checkin, now, checkin.channel, message.body)
    assert not [i for i in due_at(now + timedelta(days=1), sanne) if i.kind == "shipment"]


def test_a_first_parcel_and_one_beside_a_parcel_that_arrived_keep_the_plain_check_in(shop):  # noqa: F811
    sanne = _english(person("Sanne de Vries"))
    first = send(sanne, [product("Armband Anker")])
    assert shipping.replaced_parcel(first.shipment_id) is None
    message = due_texts.compose(_checkin(sanne, first.shipment_id, local(date(2026, 11, 27), 11)),
                                local(date(2026, 11, 27), 11))
    assert message.template == "shipment.received" and message.subject == "Has your parcel arrived?"
    # a second parcel while the first is with her: no replacement
    shipping.advance(first.shipment_id, "confirm", local(date(2026, 11, 28)))
    second = send(sanne, [product("Ring Zoë")], now=local(date(2026, 11, 30)),
                  collaboration_id=first.new_collaboration_id)
    assert shipping.replaced_parcel(second.shipment_id) is None
    assert shipping.replaced_parcel(10_000) is None


def test_the_parcel_question_and_description_name_the_new_parcel():
    reader = messages.Recipient("Sanne", "en", "NL", "je")
    again = {"product": "Armband Anker", "replaces": "lost"}
    assert messages.parcel_question(again, reader) == "Oh, and did the new parcel with the Armband Anker arrive safely?"
    assert messages.parcel_question({"replaces": "returned"}, reader) == (
        "Oh, and did the new parcel I sent you arrive safely?")
    assert messages.parcel_question({"product": "Armband Anker"}, reader) == (
        "Oh, and did the parcel with the Armband Anker arrive safely?")
    assert messages.describe("shipment", again, reader) == (
        "word on whether the new parcel with the Armband Anker arrived safely")
    # the check-in of its own takes the new parcel's wording; riding along, the question does
    owed = messages.describe_owed([("shipment", 7, again)], reader)
    assert owed.replaces == "lost" and messages.wording("shipment.received", owed) == "shipment.received.again"
    assert messages.wording("shipment.received.alt", messages.Owed((), replaces="returned")) == (
        "shipment.received.again.returned")
    deliverable = {"what": "story", "product": "Armband Anker", "collaboration_id": 3}
    riding = messages.describe_owed([("deliverable", 1, deliverable), ("shipment", 7, again)], reader)
    assert riding.replaces == "" and riding.pakketvraag == (
        "Oh, and did the new parcel with the Armband Anker arrive safely?")
    assert messages.wording("ladder.1", riding) == "ladder.1"


def test_the_new_check_ins_are_edited_like_the_plain_one():
    plain = set(messages.placeholders_for("shipment.received"))
    for template_id in ("shipment.received.again", "shipment.received.again.returned"):
        assert template_id in messages.template_ids()
        assert set(messages.placeholders_for(template_id)) == plain


def test_a_parcel_sent_after_the_gift_was_handed_over_gets_the_plain_check_in(shop):  # noqa: F811
    """Her first parcel (Armband Anker) got lost; the replacement was packed and then given to her
    by hand ("Done without a parcel…": the collaboration "received"). A later, different parcel
    (Oorbellen Ster) was checked in on as "The parcel I sent you earlier got lost on its way. On …
    I sent you the Oorbellen Ster again": untrue, she had her gift and the lost parcel held
    another product. Its check-in is the plain one."""
    settings.set("shop_name", "Zilver & Zo")
    settings.set("owner_name", "Eva")
    lotte = _english(person("Lotte Peeters"))
    first = send(lotte, [product("Armband Anker")])  # Mon 23 Nov
    collaboration = agree(lotte, first.new_collaboration_id, [("story", 2, date(2026, 12, 1))])
    shipping.advance(first.shipment_id, "lose", local(date(2026, 12, 4)))
    shipping.create_shipment(shipping.NewShipment(person_id=lotte.id, items=[(product("Armband Anker II").id, 1)],
                                                  collaboration_id=collaboration.id), local(date(2026, 12, 8)))
    given = local(date(2026, 12, 10), 11)
    [task] = [item for item in due_at(given, lotte) if item.kind == "gift"]
    due.dismiss(task, given, None)
    later = send(lotte, [product("Oorbellen Ster", 1999)], now=local(date(2026, 12, 12)),
                 collaboration_id=collaboration.id)
    assert shipping.replaced_parcel(later.shipment_id) is None  # was "lost"
    now = local(date(2026, 12, 16), 11)
    message = due_texts.compose(_checkin(lotte, later.shipment_id, now), now)
    assert message.template in ("shipment.received", "shipment.received.alt")
    assert "lost" not in message.body and "again" not in message.body
    assert "Oorbellen Ster" in message.body
