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
from desktop.presentation import due_texts, event_texts
from desktop.store import catalogue, due, influencers, settings, shipping
from desktop.store.models import Collaboration, Deliverable

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


def saved(who, values: dict, deliverables, now, collaboration=None):
    """A collaboration of ``who`` saved as the dialog saves it (``collaboration``: the one
    changed, else a new one), with ``deliverables`` as (kind, count, deadline)."""
    rows = [DeliverableInput(kind, count, deadline) for kind, count, deadline in deliverables]
    errors, cleaned = validate_collaboration(values, rows, person_status=who.status, is_new=collaboration is None,
                                             agreed=False, changed=True, money_locale="nl_NL")
    assert not errors, errors
    cleaned.pop("gifts", None)
    return influencers.save_collaboration(who, cleaned, rows, now, collaboration)


def agree(who, collaboration_id: int, deliverables, now=NOW, consequence=""):
    collaboration = Collaboration.get_by_id(collaboration_id)
    values = dict(title=collaboration.title, status="shipped", agreed_on=now.date(), products="",
                  required_mentions="@zilverenzo", required_hashtags="", consequence=consequence)
    return saved(who, values, deliverables, now, collaboration)


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
    assert [s.id for s in shipping.awaiting_receipt(NOW + timedelta(days=4, hours=1), due.ladder_settings(), {})] == [
        parcel.shipment_id]


def test_a_confirmed_parcel_gets_no_check_in(shop):
    sanne = person("Sanne de Vries")
    parcel = send(sanne, [product()])
    shipping.advance(parcel.shipment_id, "confirm", NOW + timedelta(days=2))
    # (what she promised for it is still to write down: the owner's task, no check-in)
    assert {kind for kind, _id in kinds(due_at(NOW + timedelta(days=4, hours=1), sanne))} == {"agreement"}


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


# --- finding 2: returned or lost, she owes nothing until a new parcel goes out ----------

def climb(who, start: datetime, days: int = 30):
    """Send every step of her ladder the moment it comes due, a day at a time; the items
    that came, with their messages (None for a task)."""
    seen = []
    now = start
    for _day in range(days):
        for item in due_at(now, who):
            text = due_texts.compose(item, now)
            seen.append((item, text))
            if item.action == "message":
                due.mark_sent(item, now, item.channel, text.body)
        now += timedelta(days=1)
    return seen


def chased_after_the_new_deadline(who, deadline=date(2026, 12, 18), named="vrijdag 18 december"):
    """A parcel sent on Thu 10 Dec moved her deadline (a resend: to Fri 18 Dec): until then
    only its check-in comes, then her ladder, whose first message names the new date; the
    items from the day after it on (each test says which steps it expects)."""
    start = date(2026, 12, 11)
    assert [(item.kind, item.step) for item, _text in climb(who, local(start, 11), days=(deadline - start).days + 1)
            ] == [("shipment", "received")]
    steps = climb(who, local(deadline + timedelta(days=1), 11), days=5)
    assert named in steps[0][1].body
    return steps


@pytest.mark.parametrize("action", ["return", "lose"])
def test_a_parcel_returned_or_lost_is_not_chased_and_no_strike_comes(shop, action):
    lotte = person("Lotte Peeters", form="u", country="BE")
    parcel = send(lotte, [product()])
    agree(lotte, parcel.new_collaboration_id, [("story", 1, date(2026, 12, 1))])
    if action == "lose":
        shipping.advance(parcel.shipment_id, "deliver", NOW + timedelta(days=1))  # "bezorgd", yet she has nothing
    shipping.advance(parcel.shipment_id, action, NOW + timedelta(days=3))
    assert not climb(lotte, local(date(2026, 11, 27), 11), days=40)  # no check-in, no ladder, no strike
    # ...while the same agreement with a parcel that arrived is chased to the strike
    sanne = person("Sanne de Vries")
    other = send(sanne, [product("Ring Zoë", 3500)])
    agree(sanne, other.new_collaboration_id, [("story", 1, date(2026, 12, 1))])
    steps = [item.step for item, _text in climb(sanne, local(date(2026, 11, 27), 11), days=40)]
    assert list(dict.fromkeys(steps))[-5:] == ["1", "2", "3", "4", "strike"]


def test_lost_is_a_status_with_its_event_and_only_for_a_parcel_on_its_way(shop):
    from desktop.domain import shipments as rules
    from desktop.labels import label
    from desktop.store.models import Event, Shipment

    noor = person("Noor Bakker", form="u")
    parcel = send(noor, [product()])
    shipping.advance(parcel.shipment_id, "lose", NOW + timedelta(days=3))
    assert Shipment.get_by_id(parcel.shipment_id).status == "lost" and label("shipment_status", "lost") == "Zoekgeraakt"
    event = Event.select().where(Event.fact == "shipment_lost").get()
    assert event_texts.shown(event) == "Zoekgeraakt bij PostNL: 1 × Armband Anker"
    assert [rules.can("lose", status) for status in ("ready", "sent", "delivered", "received", "returned", "lost")] == [
        False, True, True, False, False, False]


def test_the_final_notice_cites_only_what_reached_her(shop):
    sanne = person("Sanne de Vries")
    lost = send(sanne, [product()])  # the € 69,99 bracelet: lost by the carrier
    # the value is cited as the stake of an agreed consequence (without one it is left out)
    collaboration = agree(sanne, lost.new_collaboration_id, [("post", 1, date(2026, 12, 1))],
                          consequence="de oorbellen alsnog factureren")
    arrived = send(sanne, [product("Oorbellen ‘Maan’", 2250)], collaboration_id=collaboration.id)
    shipping.advance(arrived.shipment_id, "confirm", NOW + timedelta(days=2))
    shipping.advance(lost.shipment_id, "lose", NOW + timedelta(days=3))
    seen = climb(sanne, local(date(2026, 12, 2), 11))
    final = [text.body for item, text in seen if item.final]
    assert len(final) == 1 and "€\xa022,50" in final[0], final
    assert "69,99" not in final[0] and "Armband" not in final[0] and "Oorbellen ‘Maan’" in final[0]


@pytest.mark.parametrize("how", ["sent at once", "ready, then sent"])
def test_a_new_parcel_gives_her_the_time_again_and_starts_a_fresh_ladder(shop, how):
    from desktop.store.models import Event

    lotte = person("Lotte Peeters")
    first = send(lotte, [product()])  # Mon 23 Nov
    collaboration = agree(lotte, first.new_collaboration_id, [("story", 2, date(2026, 12, 1))])
    story = collaboration.deliverables.get()
    # the deadline passes, two steps go out, then she says nothing came: the owner marks it lost
    seen = climb(lotte, local(date(2026, 12, 2), 11), days=2)
    assert [item.step for item, _text in seen] == ["1", "2"]
    shipping.advance(first.shipment_id, "lose", local(date(2026, 12, 4)))
    assert collaboration.id in [c.id for c in shipping.open_collaborations(lotte.id)]  # offered for the new parcel
    # Thu 10 Dec, 17 days after the first parcel: a new one to the same collaboration
    if how == "sent at once":
        again = send(lotte, [product("Armband Anker II", 6999)], now=local(date(2026, 12, 10)),
                     collaboration_id=collaboration.id)
    else:
        again = shipping.create_shipment(shipping.NewShipment(
            person_id=lotte.id, items=[(product("Armband Anker II", 6999).id, 1)],
            collaboration_id=collaboration.id), local(date(2026, 12, 8)))
        assert Deliverable.get_by_id(story.id).deadline == influencers.end_of_day_utc(date(2026, 12, 1))
        shipping.advance(again.shipment_id, "send", local(date(2026, 12, 10)))
    assert Deliverable.get_by_id(story.id).deadline == influencers.end_of_day_utc(date(2026, 12, 18))
    moved = Event.select().where(Event.fact == "deadlines_moved").get()
    assert event_texts.shown(moved) == ("Nieuw pakket verzonden, dus de deadline van Armband Anker schuift op: "
                                "18 dec 2026 (was 1 dec 2026)")
    # before the new deadline only the new parcel's check-in: no ladder resumed at step 3
    steps = chased_after_the_new_deadline(lotte)
    assert [item.step for item, _text in steps] == ["1", "2", "3", "4"]  # afresh, from step 1
    assert again.new_collaboration_id is None


def test_the_influencer_pane_knows_a_collaboration_is_on_hold(shop):
    from desktop.store import influencer_detail

    lotte = person("Lotte Peeters")
    parcel = send(lotte, [product()])
    agree(lotte, parcel.new_collaboration_id, [("story", 1, date(2026, 12, 1))])
    assert influencer_detail.detail(lotte.id).collaborations[0].chased
    shipping.advance(parcel.shipment_id, "return", NOW + timedelta(days=3))
    assert not influencer_detail.detail(lotte.id).collaborations[0].chased
    send(lotte, [product("Armband Anker II", 6999)], now=NOW + timedelta(days=5),
         collaboration_id=parcel.new_collaboration_id)
    assert influencer_detail.detail(lotte.id).collaborations[0].chased


# --- audit 9, F1 and the new user's finding 1: a gift not sent yet -----------------------

def agreed(who, deliverables, products: str = "de oorbellen", now=NOW):
    """A new collaboration agreed on ``now`` (Mon 23 Nov), no parcel yet."""
    values = dict(title="Oorbellen voor TikTok", status="agreed", agreed_on=now.date(), products=products,
                  required_mentions="@zilverenzo", required_hashtags="",
                  consequence="de oorbellen alsnog factureren tegen de winkelprijs")
    return saved(who, values, deliverables, now)


def test_a_gift_not_sent_yet_is_not_chased_nor_counted_against_her(shop):
    from desktop.store import influencer_detail

    mila = person("Mila Smit")
    collaboration = agreed(mila, [("tiktok", 1, date(2026, 12, 1))])
    # no reminder, no final notice, no strike to her: only the owner's own task, to send the gift
    # (audit 9, F4), every day until it is done
    came = climb(mila, local(date(2026, 12, 2), 11), days=40)
    assert came and {(item.kind, item.action, text) for item, text in came} == {("gift", "task", None)}
    shown = influencer_detail.detail(mila.id).collaborations[0]
    assert shown.gift_pending and not shown.chased
    assert "on_time" not in influencers.scores([mila.id], local(date(2027, 1, 15)))[mila.id].parts
    # ...nor once the gift is only packed; a collaboration with nothing to give is chased
    shipping.create_shipment(shipping.NewShipment(person_id=mila.id, items=[(product().id, 1)],
                                                  collaboration_id=collaboration.id), local(date(2026, 12, 3)))
    assert {item.kind for item, _text in climb(mila, local(date(2026, 12, 4), 11), days=10)} == {"gift"}
    noor = person("Noor Bakker")
    agreed(noor, [("post", 1, date(2026, 12, 1))], products="")
    assert [item.step for item, _text in climb(noor, local(date(2026, 12, 2), 11), days=5)][:2] == ["1", "2"]


@pytest.mark.parametrize("statuses, collab, names_gift, unsent", [
    ((), "agreed", True, True),  # named in the agreement, nothing packed yet
    ((), "agreed", False, False),  # nothing to give: her deliverables are chased
    ((), "shipped", True, False),  # handed over another way
    (("ready",), "agreed", False, True),  # packed, not with the carrier: not "returned or lost"
    (("ready",), "proposed", False, True),
    (("returned", "ready"), "shipped", True, True),  # the replacement is packed, not sent
    (("ready", "sent"), "shipped", True, False),  # one is on its way
    (("returned",), "shipped", True, False),  # back at the shop: a different hold
    (("lost",), "shipped", False, False),
    (("ready",), "ended", True, False),  # over: nothing waits
])
def test_a_gift_only_packed_is_not_sent_yet(statuses, collab, names_gift, unsent):
    """Review of the Influencers pane: a parcel made in Zendingen without "Al aan de vervoerder
    meegegeven" read as "stalled: the parcel came back or is lost"."""
    from desktop.domain.shipments import chased, gift_unsent

    assert gift_unsent(collab, names_gift, statuses) is unsent
    if unsent:
        assert not chased(statuses, unsent)  # never chased while the gift waits


def test_a_packed_parcel_of_a_deal_without_a_named_gift_holds_her_deliverables_for_the_gift(shop):
    """The reviewer's steps: a Reel by a date and no products on the agreement, then a product
    dropped on her and the parcel made, not handed to the carrier: the pane waits for the gift
    to be sent (not "returned or lost"), and the ladder does not chase her until it is."""
    from desktop.store import influencer_detail

    mila = person("Mila Smit")
    collaboration = agreed(mila, [("reel", 1, date(2026, 12, 1))], products="")
    shipping.create_shipment(shipping.NewShipment(person_id=mila.id, items=[(product().id, 1)],
                                                  collaboration_id=collaboration.id), local(date(2026, 11, 24)))
    shown = influencer_detail.detail(mila.id).collaborations[0]
    assert shown.gift_pending and not shown.chased
    assert not [item for item, _text in climb(mila, local(date(2026, 12, 2), 11), days=10)
                if item.kind == "deliverable"]
    [listed] = [p for page in influencers.people_pages() for p in page if p.id == mila.id]
    assert listed.held  # the list's "on hold" under her deadline, never red


def test_a_gift_sent_after_a_deadline_gives_her_the_time_she_agreed_to(shop):
    from desktop.store.models import Event

    mila = person("Mila Smit")
    collaboration = agreed(mila, [("tiktok", 1, date(2026, 12, 1)), ("post", 1, date(2027, 1, 29))])
    tiktok, post = collaboration.deliverables.order_by(Deliverable.deadline)
    send(mila, [product("Oorbellen Druppel", 2250)], now=local(date(2026, 12, 10)), collaboration_id=collaboration.id)
    # agreed Mon 23 Nov: sent on Wed 25 Nov, when the app reminds the owner, the gift would have
    # come on Fri 27 Nov, four days before the TikTok's deadline. Sent Thu 10 Dec, it comes on
    # Sat 12 Dec: four days from then, Wed 16 Dec, 15 days on
    assert Deliverable.get_by_id(tiktok.id).deadline == influencers.end_of_day_utc(date(2026, 12, 16))
    # the post moves with it: the deadlines keep the order and the spacing agreed
    assert Deliverable.get_by_id(post.id).deadline == influencers.end_of_day_utc(date(2027, 2, 13))
    moved = Event.select().where(Event.fact == "deadlines_moved").get()
    assert event_texts.shown(moved) == ("Cadeau 17 dagen na de afspraak verzonden, dus de deadline van Oorbellen "
                                        "voor TikTok schuift op: 16 dec 2026 (was 1 dec 2026), "
                                        "13 feb 2027 (was 29 jan 2027)")
    # the check-in first, the ladder only after the new deadline, from step 1
    steps = chased_after_the_new_deadline(mila, date(2026, 12, 16), "woensdag 16 december")
    assert [item.step for item, _text in steps][:2] == ["1", "2"]


def test_a_gift_sent_just_before_a_deadline_still_gives_her_the_time(shop):
    """Audit 10, F2: sent two days before the deadline, the parcel arrives on the deadline
    itself; the deadline stayed, and she was chased three days after the gift came."""
    mila = person("Mila Smit")
    collaboration = agreed(mila, [("tiktok", 1, date(2026, 12, 10))])
    [tiktok] = collaboration.deliverables
    send(mila, [product("Oorbellen Druppel", 2250)], now=local(date(2026, 12, 8)), collaboration_id=collaboration.id)
    # planned: here on Fri 27 Nov, 13 days before the deadline; now here on Thu 10 Dec: 13 days on
    assert Deliverable.get_by_id(tiktok.id).deadline == influencers.end_of_day_utc(date(2026, 12, 23))
    assert [item for item in due.plan(local(date(2026, 12, 14), 11), person_id=mila.id)
            if item.kind == "deliverable"] == []


@pytest.mark.parametrize("first, sent, shift", [
    (date(2026, 12, 1), date(2026, 11, 25), 0),  # sent when the app reminds the owner: on time
    (date(2026, 12, 1), date(2026, 11, 23), 0),  # sent early: never earlier
    (date(2026, 12, 1), date(2026, 11, 26), 1),  # a day after the reminder: a day on
    (date(2026, 12, 16), date(2026, 12, 6), 6),  # 19 days planned before the first: 14 kept
    (date(2027, 3, 1), date(2026, 12, 6), 0),  # the first months away: nothing moves
    (date(2026, 11, 23), date(2026, 12, 6), 15),  # due on the agreement day: moved to the arrival
])
def test_a_late_gift_moves_her_deadlines_as_far_as_her_first_one_needs(first, sent, shift):
    from desktop.domain.shipments import TRANSIT_DAYS, late_gift_shift

    arrives = sent + timedelta(days=TRANSIT_DAYS)
    assert late_gift_shift(first, date(2026, 11, 23), arrives) == shift


# --- audit 9, F2 and the new user's F8: check-ins that read as if nobody kept track -------

def test_no_check_in_for_a_parcel_sent_long_ago(shop):
    sanne = person("Sanne de Vries")
    parcel = send(sanne, [product()])  # Mon 23 Nov
    agree(sanne, parcel.new_collaboration_id, [("post", 1, date(2027, 3, 1))])
    assert ("shipment", parcel.shipment_id) in kinds(due_at(NOW + timedelta(days=22), sanne))  # the app was closed
    assert ("shipment", parcel.shipment_id) not in kinds(due_at(NOW + timedelta(days=31), sanne))


def test_no_check_in_once_she_posted_about_it(shop):
    from desktop.store.models import Content

    sanne = person("Sanne de Vries")
    parcel = send(sanne, [product()])
    collaboration = agree(sanne, parcel.new_collaboration_id, [("post", 1, date(2026, 12, 9))])
    assert ("shipment", parcel.shipment_id) in kinds(due_at(NOW + timedelta(days=5), sanne))
    Content.create(collaboration=collaboration, platform="instagram", posted_at=NOW + timedelta(days=2))
    assert ("shipment", parcel.shipment_id) not in kinds(due_at(NOW + timedelta(days=5), sanne))


# --- a parcel recorded on a later day than it went out --------------------------------

@pytest.mark.parametrize("how", ["created", "marked"])
def test_a_parcel_recorded_days_later_counts_from_the_day_it_went_out(shop, how):
    """Audit 10, left open: a parcel recorded days after it went out counted from the day it
    was recorded, so a late gift moved her deadlines too far and the "has it arrived?"
    question came days late. The day it went out is what counts; the timeline says both."""
    from desktop.store.models import Event, Shipment

    recorded = local(date(2026, 12, 10))
    mila, noor = person("Mila Smit"), person("Noor Bakker")
    parcels = {}
    for who, sent_on in ((mila, date(2026, 12, 7)), (noor, None)):
        collaboration = agreed(who, [("tiktok", 1, date(2026, 12, 1)), ("post", 1, date(2027, 1, 29))])
        new = shipping.NewShipment(person_id=who.id, items=[(product(f"Oorbellen {who.name}", 2250).id, 1)],
                                   sent=how == "created", sent_on=sent_on, collaboration_id=collaboration.id)
        made = shipping.create_shipment(new, recorded if how == "created" else NOW)
        if how == "marked":
            shipping.advance(made.shipment_id, "send", recorded, sent_on=sent_on)
        parcels[who.id] = made.shipment_id
    tiktok, post = Collaboration.get(Collaboration.person == mila).deliverables.order_by(Deliverable.deadline)
    # sent Mon 7 Dec, here Wed 9 Dec: the four days planned before the TikTok's deadline from
    # then, Sun 13 Dec, on the Monday after it (a working day, audit 11); recorded as sent on
    # the 10th, it moved to the 16th
    assert tiktok.deadline == influencers.end_of_day_utc(date(2026, 12, 14))
    assert post.deadline == influencers.end_of_day_utc(date(2027, 2, 10))
    assert Shipment.get_by_id(parcels[mila.id]).sent_at == local(date(2026, 12, 7), 12)
    assert Shipment.get_by_id(parcels[noor.id]).sent_at == recorded  # today: the moment it was recorded
    said = {e.person_id: event_texts.shown(e) for e in Event.select().where(Event.fact == "shipment_sent")}
    assert said[mila.id] == "Verzonden met PostNL op 7 dec 2026: 1 × Oorbellen Mila Smit"
    assert said[noor.id] == "Verzonden met PostNL: 1 × Oorbellen Noor Bakker"
    moved = Event.get((Event.fact == "deadlines_moved") & (Event.person == mila.id))
    assert moved.at == recorded and event_texts.shown(moved).startswith("Cadeau 14 dagen na de afspraak verzonden")
    assert event_texts.moved_deadlines_at(recorded).count("schuift op") == 2  # hers and Noor's, said at once
    # "has it arrived?" comes three days sooner for the parcel that went out three days earlier
    check_ins = {item.person_id: item.due for item in due.plan(recorded) if item.kind == "shipment"}
    assert (check_ins[noor.id].date() - check_ins[mila.id].date()).days == 3


def test_a_parcel_cannot_have_gone_out_on_a_day_still_to_come():
    from desktop.domain.shipments import sent_day_problem

    today = date(2026, 12, 10)
    assert sent_day_problem(today, today) == "" and sent_day_problem(date(2026, 11, 2), today) == ""
    assert "dag die nog moet komen" in sent_day_problem(date(2026, 12, 11), today)
    assert "1926" in sent_day_problem(date(1926, 12, 7), today)


# --- audit 11, F4: one strike decision for a collaboration ----------------------------

def test_a_post_and_a_story_late_together_ask_for_one_strike_decision(shop):
    from desktop.store.models import Event, Strike

    tess = person("Tess van Dijk")
    collaboration = agreed(tess, [("post", 1, date(2026, 12, 1)), ("story", 1, date(2026, 12, 1))], products="")
    came = climb(tess, local(date(2026, 12, 2), 11), days=30)
    assert any(item.action == "strike" for item, _text in came)
    decisions = [item for item in due_at(local(date(2026, 12, 15), 11), tess) if item.action == "strike"]
    assert len(decisions) == 1 and len(decisions[0].parts) == 2  # one decision, never two
    decision = decisions[0]
    assert due_texts.subject_title(decision) == "Oorbellen voor TikTok (Post en Story)"
    strike = due.apply_strike(decision, decision.due, **due_texts.strike_words(decision))
    reminded = Event.select().where(Event.id.in_(strike.event_ids))
    assert [e.kind for e in reminded] == ["reminder"] * 4  # the four messages about both
    assert {e.subject_id for e in reminded} <= {d.id for d in collaboration.deliverables}
    assert Strike.select().count() == 1
    assert [item for item in due.plan(decision.due + timedelta(days=1), tess.id) if item.action == "strike"] == []


# --- audit 11, F5: a gift handed over without a parcel is still named -----------------

def test_a_gift_handed_over_without_a_parcel_is_named_in_her_messages(shop):
    from desktop.store.models import CollaborationProduct
    from desktop.store.promises.facts import collaboration_details

    mila = person("Mila Smit")
    collaboration = agreed(mila, [("tiktok", 1, date(2026, 12, 10))])
    earrings = product("Creolen klein", 1995)
    CollaborationProduct.create(collaboration=collaboration, product=earrings, name="Creolen klein", quantity=2,
                                value_cents=1995)
    assert collaboration_details(collaboration.id)["product"] == ""  # not given yet: nothing is hers
    shipping.gift_handed_over(collaboration.id, local(date(2026, 11, 25)))  # at the market, on the reminder's day
    found = collaboration_details(collaboration.id)
    assert (found["product"], found["value_cents"]) == ("Creolen klein", 3990)
    came = [(item, text) for item, text in climb(mila, local(date(2026, 12, 11), 11), days=10) if text]
    assert "Creolen klein" in came[0][1].body
    final = next(text for item, text in came if item.final)
    assert "€\u00a039,90 waard" in final.body
    # a parcel that came back is not hers: nothing is cited, as before
    noor = person("Noor Bakker")
    other = agreed(noor, [("tiktok", 1, date(2026, 12, 10))])
    CollaborationProduct.create(collaboration=other, product=earrings, name="Creolen klein", value_cents=1995)
    parcel = send(noor, [earrings], now=local(date(2026, 11, 25)), collaboration_id=other.id)
    shipping.advance(parcel.shipment_id, "return", local(date(2026, 11, 30)))
    assert collaboration_details(other.id)["product"] == ""


def test_moved_deadlines_land_on_working_days_and_stay_apart():
    """Audit 11: a deadline the app moved could fall on a Sunday or a public holiday, and a
    Friday and a Saturday moved onto the Monday after became one day."""
    from desktop.domain.shipments import moved_deadlines

    by = lambda days: (lambda day: day + timedelta(days=days))  # noqa: E731
    # Fri 25 Dec (Christmas) and Sat 26 Dec (Boxing Day, a holiday) and Sun 27: Mon 28, Tue 29, Wed 30
    assert moved_deadlines([date(2026, 12, 1), date(2026, 12, 2), date(2026, 12, 3)], by(24), "NL") == [
        date(2026, 12, 28), date(2026, 12, 29), date(2026, 12, 30)]
    # two deliverables due the same day stay together; a day that does not move stays, a Sunday too
    assert moved_deadlines([date(2026, 12, 5), date(2026, 12, 5)], by(1), "NL") == [date(2026, 12, 7)] * 2
    assert moved_deadlines([date(2026, 12, 6)], by(0), "NL") == [date(2026, 12, 6)]


def test_deadlines_moved_by_a_late_gift_are_a_version_of_the_agreement_to_confirm(shop):
    """Audit 11: the app moved her deadlines and the agreement's history said nothing."""
    from desktop.store.models import AgreementVersion

    mila = person("Mila Smit")
    collaboration = agreed(mila, [("tiktok", 1, date(2026, 12, 1))])
    send(mila, [product("Oorbellen Druppel", 2250)], now=local(date(2026, 12, 8)), collaboration_id=collaboration.id)
    [version] = AgreementVersion.select().where(AgreementVersion.collaboration == collaboration.id)
    assert (version.requested_by, version.reason, version.confirmed) == ("shop", "", False)
    [(old, new)] = version.changes.values()
    assert old != new and "2026-12-01" in str(old) and "2026-12-01" not in str(new)


# --- the new dates told to her ---------------------------------------------------------

@pytest.mark.parametrize("language, form, country, expected", [
    ("nl", "je", "NL", ["Hoi Mila,", "Je pakketje is later verstuurd dan we hadden gepland",
                        "• Je TikTok-video: uiterlijk maandag 14 december (was dinsdag 1 december)",
                        "• Je twee stories: uiterlijk woensdag 16 december (was donderdag 3 december)",
                        "Wil je met een kort „ja” laten weten", "Komt het je niet uit?"]),
    ("nl", "u", "NL", ["Beste Mila,", "Uw pakket is later verstuurd", "• Uw TikTok-video: uiterlijk maandag 14 december",
                       "Wilt u met een kort „ja” laten weten"]),
    ("nl", "je", "BE", ["Dag Mila,", "Je pakje is later verstuurd", "• Je twee stories: uiterlijk woensdag 16 december",
                        "Past het niet, laat het me dan gerust weten."]),
    ("nl", "u", "BE", ["Uw pakje is later verstuurd", "(was dinsdag 1 december)"]),
    ("en", "je", "NL", ["Hi Mila,", "Your parcel went out later than we had planned, so you get more time.",
                        "• Your TikTok video: by Monday 14 December (was Tuesday 1 December)",
                        "• Your two stories: by Wednesday 16 December (was Thursday 3 December)",
                        "Could you reply with a quick “yes” to confirm?"]),
])
def test_deadlines_moved_by_a_late_gift_come_with_a_message_to_her(shop, language, form, country, expected):
    """The app moved her deadlines and offered no words to tell her (left open in the
    nineteenth session): the change's message says why, each new date beside the one agreed,
    in her language and form of address, and asks for a short "yes"."""
    from desktop.presentation.collab_texts import moved_deadlines, moved_message
    from desktop.store.models import AgreementVersion, Person

    settings.set("shop_name", "Zilver & Zo")
    settings.set("owner_name", "Eva")
    mila = person("Mila Smit", form, country)
    Person.update(language=language).where(Person.id == mila.id).execute()
    collaboration = agreed(mila, [("tiktok", 1, date(2026, 12, 1)), ("story", 2, date(2026, 12, 3))])
    send(mila, [product("Oorbellen Druppel", 2250)], now=local(date(2026, 12, 8)), collaboration_id=collaboration.id)
    [version] = AgreementVersion.select().where(AgreementVersion.collaboration == collaboration.id)
    assert [(kind, count) for kind, count, _new, _before in moved_deadlines(version)] == [("tiktok", 1), ("story", 2)]
    text = moved_message(version)
    for part in expected:
        assert part in text, (part, text)
    assert "{" not in text and "…" not in text and "Oorbellen voor TikTok" in text
    assert text.rstrip().endswith("Eva\nZilver & Zo")


@pytest.mark.parametrize("how, expected", [
    ("resent", "Het pakketje is helaas niet aangekomen, dus we hebben je een nieuw pakketje gestuurd. Daarom krijg je"),
    ("handed_over", "We konden je het cadeau pas later geven dan we hadden gepland"),
])
def test_the_message_about_moved_deadlines_says_why_they_moved(shop, how, expected):
    from desktop.presentation.collab_texts import moved_message
    from desktop.store.models import AgreementVersion

    mila = person("Mila Smit")
    collaboration = agreed(mila, [("tiktok", 1, date(2026, 12, 1))])
    if how == "resent":  # the first parcel came back; a new one goes out two weeks later
        first = send(mila, [product("Oorbellen Druppel", 2250)], now=local(date(2026, 11, 24)),
                     collaboration_id=collaboration.id)
        shipping.advance(first.shipment_id, "return", local(date(2026, 11, 30)))
        send(mila, [product("Oorbellen Ster", 2250)], now=local(date(2026, 12, 8)), collaboration_id=collaboration.id)
    else:  # handed over at a market, days after the deadline
        shipping.gift_handed_over(collaboration.id, local(date(2026, 12, 8)))
    version = (AgreementVersion.select().where(AgreementVersion.collaboration == collaboration.id)
               .order_by(AgreementVersion.id.desc()).get())
    text = moved_message(version)
    assert expected in text, text
    assert "uiterlijk" in text and "{" not in text


# --- a new parcel packed after a loss, then given by hand ("Done without a parcel…") ------

def test_a_replacement_given_by_hand_counts_as_with_her():
    """The domain: every parcel of a collaboration gone, yet the collaboration says the gift
    reached her (a replacement handed over): her deliverables are chased."""
    from desktop.domain import shipments as rules

    assert not rules.chased(["lost"], collab_status="shipped")
    assert not rules.chased(["returned", "ready"], collab_status="shipped")
    assert rules.chased(["lost"], collab_status="received")
    assert rules.chased(["returned"], collab_status="posted")
    assert not rules.chased([], gift_pending=True, collab_status="agreed")


@pytest.mark.parametrize("given_on", [None, date(2026, 12, 9)])
def test_a_replacement_given_by_hand_lets_her_promises_go_on_from_that_day(shop, given_on):
    """Her first parcel (Mon 23 Nov) got lost; a new one was packed on Tue 8 Dec and not sent:
    its task to send it came, and on Thu 10 Dec the owner gave it to her by hand ("Done without
    a parcel…", the day asked). Her story stayed on hold for good (the collaboration "shipped"
    with only a lost parcel). Now her promises go on as after a new parcel that reached her:
    the deadline moves on by the days since the lost one went out, the ladder starts afresh
    from the new date, and no check-in asks about a parcel she was handed."""
    from desktop.store import influencer_detail, journal
    from desktop.store.models import CollaborationProduct, Event, Shipment

    lotte = person("Lotte Peeters")
    first = send(lotte, [product()])  # Mon 23 Nov
    collaboration = agree(lotte, first.new_collaboration_id, [("story", 2, date(2026, 12, 1))])
    story = collaboration.deliverables.get()
    assert [item.step for item, _text in climb(lotte, local(date(2026, 12, 2), 11), days=2)] == ["1", "2"]
    shipping.advance(first.shipment_id, "lose", local(date(2026, 12, 4)))
    again = product("Armband Anker II", 6999)
    packed = shipping.create_shipment(shipping.NewShipment(
        person_id=lotte.id, items=[(again.id, 1)], collaboration_id=collaboration.id), local(date(2026, 12, 8)))
    # (the gift the agreement names: what she has once it was handed over, the lost parcel's never)
    CollaborationProduct.create(collaboration=collaboration.id, product=again.id, name="Armband Anker II",
                                value_cents=6999)
    given = local(date(2026, 12, 10), 11)
    [task] = [item for item in due_at(given, lotte) if item.kind == "gift"]
    with journal.recording() as change:  # one Edit → Undo step takes it all back
        due.dismiss(task, given, given_on)
    journal.undo(change)
    assert Collaboration.get_by_id(collaboration.id).status == "shipped"
    assert Deliverable.get_by_id(story.id).deadline == influencers.end_of_day_utc(date(2026, 12, 1))
    assert Shipment.get_by_id(packed.shipment_id).status == "ready"
    [task] = [item for item in due_at(given, lotte) if item.kind == "gift"]
    due.dismiss(task, given, given_on)
    assert not Shipment.select().where(Shipment.id == packed.shipment_id).exists()  # out of Zendingen
    assert Collaboration.get_by_id(collaboration.id).status == "received"
    assert influencer_detail.detail(lotte.id).collaborations[0].chased
    # 17 days between the lost parcel and the hand-over (16 when it was given the day before)
    day = given_on or date(2026, 12, 10)
    deadline = date(2026, 12, 1) + (day - date(2026, 11, 23))
    assert Deliverable.get_by_id(story.id).deadline == influencers.end_of_day_utc(deadline)
    moved = Event.select().where(Event.fact == "deadlines_moved").get()
    assert moved.params["why"] == "handed_again"
    assert event_texts.shown(moved) == (
        f"Cadeau alsnog gegeven (het pakket kwam niet aan), dus de deadline van Armband Anker "
        f"schuift op: {deadline.day} dec 2026 (was 1 dec 2026)")
    from desktop.presentation.collab_texts import moved_message
    from desktop.store.models import AgreementVersion

    version = AgreementVersion.select().where(AgreementVersion.collaboration == collaboration.id).get()
    assert "Het pakketje is helaas niet aangekomen, dus je kreeg het cadeau later dan gepland." in (
        moved_message(version))
    # nothing until the new deadline (no check-in of a parcel she was handed), then her ladder afresh
    start = date(2026, 12, 11)
    assert not climb(lotte, local(start, 11), days=(deadline - start).days + 1)
    steps = climb(lotte, local(deadline + timedelta(days=1), 11), days=5)
    assert [item.step for item, _text in steps] == ["1", "2", "3", "4"]
    assert deadline.strftime("%-d december") in steps[0][1].body and "Armband Anker II" in steps[0][1].body


# Why her deadlines moved after the gift was given without a parcel, per reader: (language, country,
# form). Not "we gave it to you ourselves" ("zelf gegeven"): she may have collected it.
_HANDED_AGAIN_WHY = {
    ("nl", "NL", "je"): "Het pakketje is helaas niet aangekomen, dus je kreeg het cadeau later dan gepland. "
                        "Daarom krijg je meer tijd.",
    ("nl", "NL", "u"): "Uw pakket is helaas niet aangekomen, dus u kreeg het cadeau later dan gepland. "
                       "Daarom krijgt u meer tijd.",
    ("nl", "BE", "je"): "Het pakje is helaas niet toegekomen, dus je kreeg het cadeau later dan gepland. "
                        "Daarom krijg je meer tijd.",
    ("nl", "BE", "u"): "Uw pakje is helaas niet toegekomen, dus u kreeg het cadeau later dan gepland. "
                       "Daarom krijgt u meer tijd.",
    ("en", "NL", "je"): "Unfortunately the parcel didn't reach you, so the gift came to you later than planned. "
                        "We've moved your dates accordingly.",
}


def test_after_a_second_lost_parcel_the_hand_over_message_says_no_first_parcel(shop):
    """Her first parcel got lost, the new one sent after it got lost too, and the owner gave her the
    gift by hand: the message about her new dates said "Je eerste pakketje is helaas niet
    aangekomen" ("Unfortunately the first parcel didn't reach you"), untrue of the second. "The
    parcel" is true of either; for every reader."""
    from desktop.presentation.collab_texts import moved_message
    from desktop.store.models import AgreementVersion

    from .readers import as_reader

    lotte = person("Lotte Peeters")
    first = send(lotte, [product()])  # Mon 23 Nov
    collaboration = agree(lotte, first.new_collaboration_id, [("story", 2, date(2026, 12, 1))])
    shipping.advance(first.shipment_id, "lose", local(date(2026, 12, 2)))
    second = send(lotte, [product("Armband Anker II")], now=local(date(2026, 12, 3)), collaboration_id=collaboration.id)
    shipping.advance(second.shipment_id, "lose", local(date(2026, 12, 8)))
    shipping.create_shipment(shipping.NewShipment(person_id=lotte.id, items=[(product("Armband Anker III").id, 1)],
                                                  collaboration_id=collaboration.id), local(date(2026, 12, 9)))
    given = local(date(2026, 12, 11), 11)
    [task] = [item for item in due_at(given, lotte) if item.kind == "gift"]
    due.dismiss(task, given, None)
    version = (AgreementVersion.select().where(AgreementVersion.collaboration == collaboration.id)
               .order_by(AgreementVersion.id.desc()).get())
    for (lang, country, form), why in _HANDED_AGAIN_WHY.items():
        as_reader(lotte, lang, country, form)
        text = moved_message(AgreementVersion.get_by_id(version.id))  # her language and form as saved
        assert why in text, (lang, country, form, text)
        assert "eerste" not in text and "first" not in text


@pytest.mark.parametrize("how", ["new parcel", "by hand"])
def test_the_timeline_line_of_moved_deadlines_counts_them_and_no_days(shop, how):
    """Two deadlines moved after a lost parcel: the timeline said "Cadeau zonder pakket gegeven in
    plaats van het pakket dat niet aankwam, dus de deadline van Armband Anker schuift 17 dagen op:
    18 dec 2026 (was 1 dec 2026), 21 dec 2026 (was 3 dec 2026)" ('pakket' twice, one "deadline" for
    two dates, 17 days that held for the first only; "Nieuw pakket verzonden, dus de deadline …
    schuift 17 dagen op" alike). Now the number of deadlines decides the words, and no count."""
    from desktop import i18n
    from desktop.store.models import Event

    lotte = person("Lotte Peeters")
    first = send(lotte, [product()])  # Mon 23 Nov
    collaboration = agree(lotte, first.new_collaboration_id,
                          [("story", 2, date(2026, 12, 1)), ("reel", 1, date(2026, 12, 3))])
    shipping.advance(first.shipment_id, "lose", local(date(2026, 12, 4)))
    if how == "new parcel":
        send(lotte, [product("Armband Anker II")], now=local(date(2026, 12, 10)), collaboration_id=collaboration.id)
    else:
        shipping.create_shipment(shipping.NewShipment(person_id=lotte.id, items=[(product("Armband Anker II").id, 1)],
                                                      collaboration_id=collaboration.id), local(date(2026, 12, 8)))
        given = local(date(2026, 12, 10), 11)
        [task] = [item for item in due_at(given, lotte) if item.kind == "gift"]
        due.dismiss(task, given, None)
    moved = Event.select().where(Event.fact == "deadlines_moved").get()
    dates = {"nl": "18 dec 2026 (was 1 dec 2026), 21 dec 2026 (was 3 dec 2026)",
             "en": "18 Dec 2026 (was 1 Dec 2026), 21 Dec 2026 (was 3 Dec 2026)"}
    expected = {
        "new parcel": {"nl": "Nieuw pakket verzonden, dus de deadlines van Armband Anker schuiven op: ",
                       "en": "New parcel sent, so the deadlines of Armband Anker move: "},
        "by hand": {"nl": "Cadeau alsnog gegeven (het pakket kwam niet aan), dus de deadlines van Armband "
                          "Anker schuiven op: ",
                    "en": "Gift given another way after the parcel never arrived, so the deadlines of Armband Anker "
                          "move: "},
    }[how]
    for language in ("nl", "en"):
        with i18n.speaking(language):
            assert event_texts.shown(moved) == expected[language] + dates[language]
    # one deadline: its singular
    one = dict(moved.params, dates=moved.params["dates"][:1], before=moved.params["before"][:1])
    with i18n.speaking("en"):
        assert event_texts.render("deadlines_moved", one).startswith(
            expected["en"].replace("deadlines", "deadline").replace(" move:", " moves:"))
    # an event stored with the old line is found by the new words once the wording's stamp moves on
    from desktop.store import event_search
    from desktop.store.db import db

    db.execute_sql('UPDATE "event" SET "words" = ? WHERE id = ?', ("schuift 17 dagen op", moved.id))
    assert sum(event_search.rewrite_words(db, event_texts.wording_stamp())) >= 1
    assert Event.get_by_id(moved.id).words == event_texts.search_words("deadlines_moved", moved.params)
    assert "17 dagen" not in Event.get_by_id(moved.id).words
