from datetime import datetime, timedelta

import pytest

from desktop import demo
from desktop.store.models import CustomOrder, Event, Person, Product, Shipment

from .conftest import NOW


def test_demo_fills_a_believable_shop(database):
    counts = demo.fill(NOW)
    assert Person.select().where(Person.is_influencer == True).count() == 12  # noqa: E712
    assert Product.select().count() == 20
    assert CustomOrder.select().count() == 5
    assert Shipment.select().count() >= 8
    assert counts["events"] == Event.select().count()
    oldest = Event.select().order_by(Event.at).first().at
    assert (NOW - oldest).days >= 60  # a few months of timeline
    assert Event.select().where(Event.at > NOW).count() == 0


def test_demo_refuses_a_database_with_data(database):
    Person.create(name="Echte klant")
    with pytest.raises(demo.DatabaseNotEmpty):
        demo.fill(NOW)
    assert Person.select().count() == 1


def test_a_collaboration_never_lags_behind_its_parcel(database):
    """A parcel she confirmed makes the collaboration at least "received" (Tess's showed
    "Verzonden" beside "Ontvangst bevestigd"); a parcel sent makes it at least "shipped"."""
    from desktop.domain.collaborations import PIPELINE
    from desktop.store.models import Collaboration

    demo.fill(NOW)
    wanted = {"received": "received", "sent": "shipped"}
    for shipment in Shipment.select().where(Shipment.collaboration.is_null(False)):
        collab = Collaboration.get_by_id(shipment.collaboration_id)
        if shipment.status in wanted and collab.status in PIPELINE:
            assert PIPELINE.index(collab.status) >= PIPELINE.index(wanted[shipment.status]), (
                collab.title, collab.status, shipment.status)


def test_the_example_timeline_never_tells_of_a_parcel_before_it_went(database):
    """Tess thanked the shop for her parcel at 12:00, four hours before it was sent (random
    filler messages). Every message that speaks of a parcel names it, and comes after it
    was sent; her thanks and her "it arrived" after it arrived; her question when it comes,
    before. Nobody writes after she went quiet (the blocked influencer), nor after a promise
    the ladder is counting began (her answer would stop it)."""
    import re

    from desktop.store.models import Deliverable

    demo.fill(NOW)
    messages = list(Event.select().where(Event.kind == "message", Event.person.is_null(False)).order_by(Event.at))
    about_parcels = [e for e in messages if re.search(r"pakket|parcel|track|sieraad is", e.text, re.I)]
    assert len(about_parcels) >= 8
    for e in about_parcels:
        assert e.subject_type == "shipment", e.text
        parcel = Shipment.get_by_id(e.subject_id)
        assert parcel.person_id == e.person_id and e.at > parcel.sent_at, (e.person.name, e.text)
        if e.text == demo.HER_WORDS["underway"]:
            assert parcel.received_at is None or e.at < parcel.received_at, (e.person.name, e.text)
        else:  # thanks, "it is in", "I wear it every day"
            assert parcel.received_at is not None and e.at >= parcel.received_at, (e.person.name, e.text)
    blocked = Person.get(Person.status == "blocked")
    deadline = min(d.deadline for c in blocked.collaborations for d in c.deliverables)
    assert not [e.text for e in messages if e.person_id == blocked.id and e.direction == "in" and e.at > deadline]
    for d in Deliverable.select().where(Deliverable.delivered_at.is_null(), Deliverable.deadline < NOW):
        if d.collaboration.status in ("agreed", "shipped", "received", "posted"):
            assert not [e.text for e in messages if e.person_id == d.collaboration.person_id and e.at >= d.deadline
                        and e.kind == "message" and e.direction == "in"]
    for parcel in Shipment.select().where(Shipment.received_at.is_null()):
        assert not [e.text for e in messages if e.person_id == parcel.person_id and e.at >= parcel.sent_at]


def test_an_answer_comes_after_what_it_answers(database):
    """Her "Leuk, ik doe graag mee!" after the shop proposed; "Graag gedaan" after it thanked her."""
    demo.fill(NOW)
    answers = {demo.HER_WORDS[stage]: stage for stage in demo.REPLIES}
    for e in Event.select().where(Event.kind == "message", Event.direction == "in"):
        if e.text in answers:
            assert Event.select().where(Event.person == e.person_id, Event.direction == "out",
                                        Event.kind == "message", Event.at < e.at).exists(), e.text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_what_the_owner_typed_is_in_the_language_the_example_is_made_in(database, language):
    """Under an English UI the example showed "Geen post na drie maanden en drie
    herinneringen", "Deadline ruim voorbij", "Graveren"... Her own texts follow the
    language; the influencers' own words (a message she sent, a caption) stay Dutch."""
    from desktop import i18n
    from desktop.store.models import OrderDateChange, Rating, Strike

    i18n.set_language(language)
    demo.fill(NOW)
    english = language == "en"
    blocked = Person.get(Person.status == "blocked")
    assert blocked.status_reason == ("No post after three months and three reminders" if english
                                     else "Geen post na drie maanden en drie herinneringen")
    notes = {s.evidence for s in Strike.select()}
    assert notes == ({"Deadline long past", "Three messages left unanswered"} if english
                     else {"Deadline ruim voorbij", "Drie berichten onbeantwoord"})
    assert {item["text"] for o in CustomOrder.select() for item in o.checklist} == (
        {"Engrave", "Pack"} if english else {"Graveren", "Inpakken"})
    assert all(("forgot" in r.note or "TikTok as well" in r.note) == english for r in Rating.select())
    assert ("later than the supplier promised" in OrderDateChange.get().reason) == english
    sent = {e.text for e in Event.select().where(Event.kind == "message", Event.direction == "out")}
    assert ("Asked how it is going" in sent) == english and ("Gevraagd hoe het gaat" in sent) != english
    received = {e.text for e in Event.select().where(Event.kind == "message", Event.direction == "in")}
    assert "Pakketje is binnen, dankjewel!" in received  # her words, as she wrote them
    tags = {t for p in Person.select().where(Person.is_influencer == True) for t in p.tags}  # noqa: E712
    assert tags == ({"lifestyle", "jewellery", "mums", "fashion"} if english
                    else {"lifestyle", "sieraden", "mama", "mode"})


def test_the_example_strikes_come_after_the_date_the_final_notice_named(database):
    """Anouk's three strikes were dated 5, 10 and 15 days after her deadline, before the
    date her final notice named (a screenshot review): the app itself never proposes a
    strike before that date."""
    from desktop.domain import followup
    from desktop.store import due
    from desktop.store.models import Deliverable, Strike

    demo.fill(NOW)
    s = due.ladder_settings()
    for strike in Strike.select():
        deadlines = [d.deadline for d in Deliverable.select().where(Deliverable.collaboration == strike.collaboration_id)
                     if d.deadline is not None]
        if not deadlines or strike.reason != "late":
            continue
        last_reminder = min(deadlines) + timedelta(days=4)  # step 4: three days after the deadline's day
        assert followup.local_date(strike.created_at, s) > followup.pause_date(last_reminder, s), strike.created_at


@pytest.mark.parametrize("made", [
    datetime(2026, 12, 21, 9, 0),  # Monday 21 December 2026, 10:00 in Amsterdam: #1041 fell on Sunday 27
    datetime(2026, 11, 23, 8, 30),  # NOW's Monday: #1041 on Sunday 29, #1033 on Sunday 22 November
    datetime(2027, 3, 29, 8, 0),  # Easter Monday 2027
])
def test_the_example_shop_promises_its_orders_on_working_days(database, made):
    """The demo put its promised dates at today + N days, Sundays and Christmas included ("klaar
    op zondag 27 december"). A date to come moves on to the shop's next working day, as the order
    form proposes one (orders.default_ready); one gone by moves back, so the late orders stay late
    and the others on time."""
    from desktop import clock
    from desktop.domain import workdays
    from desktop.domain.orders import IN_THE_MAKING

    demo.fill(made)
    today = clock.to_local(made).date()
    country = clock.owner().country
    for order in CustomOrder.select():
        for day in (order.promised_ready, order.promised_delivery):
            assert workdays.is_working_day(day, country), (order.order_number, day)
        assert order.promised_delivery >= order.promised_ready
    late = [o.order_number for o in CustomOrder.select() if o.status in IN_THE_MAKING and o.promised_ready < today]
    to_come = [o.order_number for o in CustomOrder.select() if o.status in IN_THE_MAKING and o.promised_ready > today]
    assert late == ["#1033"] and sorted(to_come) == ["#1038", "#1041"]
