"""The due scan keeps its last loads while the database is unchanged (fix 27,
docs/PERFORMANCE.md), and never serves them after a change: every way the store writes,
another connection's commit, a rollback, a reopened database, other settings."""

import sqlite3
from datetime import timedelta

import pytest

from desktop.domain import followup
from desktop.presentation import due_texts
from desktop.store import due, influencers, settings
from desktop.store.db import close_database, db
from desktop.store.models import Deliverable, Person
from desktop.store.opening import open_database

from .conftest import NOW


@pytest.fixture
def demo(demo_db):
    settings.set("time_zone", "Europe/Amsterdam")
    return demo_db


def fresh(now, person_id=None):
    """(due now, the week's plan) read and planned without any kept load."""
    s = due.ladder_settings()
    found = due.load(now, s, person_id, due_only=True)
    week = due.load(now, s, person_id)
    return (followup.plan(found.promises, found.people, found.contacts, found.states, s, now, due_only=True),
            followup.plan(week.promises, week.people, week.contacts, week.states, s, now))


def scanned(now, person_id=None):
    return due.due_now(now, person_id), due.plan(now, person_id)


@pytest.fixture
def loads(monkeypatch):
    counted = []

    class Counting(due._Loaded):
        def __init__(self, now, *args):
            counted.append(now)
            super().__init__(now, *args)

    monkeypatch.setattr(due, "_Loaded", Counting)
    return counted


def test_a_moment_of_the_same_hour_is_not_read_again(demo, loads):
    first = scanned(NOW)
    assert len(loads) == 2  # due now and the week: two loads
    assert scanned(NOW) == first and len(loads) == 2
    person = first[0][0].person_id
    scanned(NOW, person)
    assert len(loads) == 4
    later = NOW + timedelta(minutes=17)  # the tray's next scan, Vandaag opened: taken from the loads
    taken, last = scanned(later), scanned(NOW + due.SPAN)
    assert len(loads) == 4
    assert taken == fresh(later) and last == fresh(NOW + due.SPAN)
    del loads[:]
    scanned(NOW + due.SPAN + timedelta(seconds=1))  # past the hour a load serves: read again
    assert len(loads) == 2
    scanned(NOW - timedelta(seconds=1))  # before it (the clock set back): read again
    assert len(loads) == 4


def _span_matches_moments(start, span, due_only, people):
    s = due.ladder_settings()
    kinds = set()
    for person_id in (None, *people):
        wide = due._Loaded(start, s, person_id, due_only, span)
        moments = {start + timedelta(hours=h) for h in range(0, int(span.total_seconds()) // 3600 + 1, 5)}
        edges = [e for _promise, _bound, *both in wide.scan.found for e in both if e is not None]
        edges += [c.at + due.CONTACT_WINDOW for c in wide.recent]  # an outgoing contact out of the fortnight
        for edge in edges:
            moments |= {edge - timedelta(seconds=1), edge, edge + timedelta(seconds=1)}
        changes = 0
        previous = None
        for now in sorted(m for m in moments if start <= m <= start + span):
            taken = wide.at(now)
            assert taken == due.load(now, s, person_id, due_only), (person_id, now)
            changes += taken != previous
            previous = taken
        if person_id is None:
            assert changes > 3  # the span crossed windows: the comparison means something
            # What came into the span or went out of it: (kind, "from" or "until").
            kinds = {(p.kind, edge_name) for p, _bound, *edges in wide.scan.found
                     for edge_name, edge in zip(("from", "until"), edges)
                     if edge is not None and start < edge < start + span}
    return kinds


@pytest.mark.parametrize("due_only", [False, True], ids=["week", "due now"])
def test_one_load_gives_what_a_load_at_each_moment_of_its_span_gives(demo, due_only):
    """A load for a span, taken at a moment in it, is what a load at that moment reads:
    over three weeks of moments (promises come into the week ahead, parcels and messages
    age out of their windows, contacts out of the fortnight), for everyone and per
    person, and at the very moments a promise comes in or goes out."""
    _edges_in_the_span()
    people = sorted({i.person_id for i in due.plan(NOW)})[:3]
    kinds = _span_matches_moments(NOW - timedelta(days=2), timedelta(days=21), due_only, people)
    # Deliverables come into the week ahead, parcels and unanswered messages go out of their windows.
    assert {("deliverable", "from"), ("shipment", "until"), ("reply", "until")} <= kinds, kinds
    if not due_only:
        assert ("gift", "from") in kinds


def _edges_in_the_span():
    """Records whose promise comes into a span or goes out of it that the demo lacks: a
    parcel near the end of its 30 days, an unanswered message near the end of its 60, a
    gift agreed for later, and a message the shop sent her near the end of the fortnight
    the once-a-day rule looks at."""
    from desktop.domain import shipments as parcel_rules
    from desktop.store.models import Collaboration, Event, Shipment

    def person(name):
        return Person.create(name=name, is_influencer=True, email=f"{name.lower()}@example.nl")

    lieke = person("Lieke")
    worn = Collaboration.create(person=lieke, title="Armband", status="shipped", agreed_at=NOW - timedelta(days=40))
    Shipment.create(person=lieke, collaboration=worn, status=parcel_rules.AWAITING_RECEIPT[0],
                    sent_at=NOW - timedelta(days=25))
    noor = person("Noor")
    asked = Collaboration.create(person=noor, title="Ketting", status="agreed", agreed_at=NOW - timedelta(days=70))
    Event.create(person=noor, kind="message", direction="out", channel="email", at=NOW - timedelta(days=50),
                 subject_type="collaboration", subject_id=asked.id, text="Hoi Noor, hoe staat het ervoor?")
    Event.create(person=noor, kind="message", direction="out", channel="email", at=NOW - timedelta(days=10),
                 subject_type="", text="Fijne dag!")
    fenna = person("Fenna")
    Collaboration.create(person=fenna, title="Oorbellen", status=parcel_rules.GIFT_PENDING_STATUS,
                         products="Oorbellen Druppel", agreed_at=NOW + timedelta(days=12))


def _first_of(kind):
    return next(i for i in due.due_now(NOW) if i.kind == kind)


def _sent(): due.mark_sent(_first_of("deliverable"), NOW, "email", "Hoi!")
def _reply(): due.mark_reply(_first_of("deliverable"), NOW, "email", "Komt eraan")
def _snoozed(): due.snooze(_first_of("deliverable"), NOW, NOW + timedelta(hours=30))
def _dismissed(): due.dismiss(_first_of("shipment"), NOW)


def _strike():
    item = next(i for i in due.due_now(NOW) if i.step == "4")
    due.mark_sent(item, NOW, "email", "Laatste keer")
    later = NOW + timedelta(days=8, hours=1)  # the date the final notice named is over
    strike = next(i for i in due.due_now(later) if i.action == "strike")
    scanned(NOW)  # kept after the sent step, then the strike must show
    due.apply_strike(strike, later, **due_texts.strike_words())


def _delivered():
    Deliverable.update(delivered_at=NOW).where(Deliverable.id == _first_of("deliverable").subject_id).execute()


def _new_deadline():
    d = Deliverable.get_by_id(_first_of("deliverable").subject_id)
    d.deadline = NOW - timedelta(days=3)
    d.save()


def _blocked():
    influencers.block(Person.get_by_id(_first_of("deliverable").person_id), "spam", NOW)


def _ended():
    collab = Deliverable.get_by_id(_first_of("deliverable").subject_id).collaboration
    influencers.end_collaboration(collab, "late", None, NOW)


def _deleted():
    Deliverable.delete().where(Deliverable.id == _first_of("deliverable").subject_id).execute()


def _raw_sql():
    db.execute_sql("UPDATE collaboration SET status = 'done' WHERE id = ?",
                   [Deliverable.get_by_id(_first_of("deliverable").subject_id).collaboration_id])


def _step_hours(): settings.set("ladder_step_hours", [30, 54, 78, 100])
def _quiet(): settings.set("quiet_start", "08:00")
def _zone(): settings.set("time_zone", "Pacific/Auckland")


def _other_connection():
    """A commit by another connection (the CLI while the app runs)."""
    other = sqlite3.connect(db.database)
    try:
        other.execute("UPDATE deliverable SET delivered_at = ? WHERE id = ?",
                      (str(NOW), _first_of("deliverable").subject_id))
        other.commit()
    finally:
        other.close()


WRITES = [_sent, _reply, _snoozed, _dismissed, _strike, _delivered, _new_deadline, _blocked, _ended, _deleted,
          _raw_sql, _step_hours, _quiet, _zone, _other_connection]


@pytest.mark.parametrize("write", WRITES, ids=[w.__name__.strip("_") for w in WRITES])
def test_a_change_shows_in_the_next_scan(demo, write):
    moments = [NOW + timedelta(days=1, hours=1), NOW + timedelta(hours=7), NOW, NOW + timedelta(minutes=40)]
    before = {now: scanned(now) for now in moments}
    for now in moments:
        assert scanned(now) == before[now] == fresh(now)
    write()
    # The first moment asked after the write is one the kept load (from NOW) serves: the
    # write, not the moment, must make it read again.
    after = {now: scanned(now) for now in reversed(moments)}
    assert after == {now: fresh(now) for now in moments}
    assert after != before  # the write changed what is due: the comparison means something


def test_inside_a_transaction_nothing_is_kept(demo):
    before = scanned(NOW)
    item = _first_of("deliverable")
    with db.atomic() as transaction:
        Deliverable.update(delivered_at=NOW).where(Deliverable.id == item.subject_id).execute()
        inside = scanned(NOW)
        assert inside == fresh(NOW) != before
        transaction.rollback()
    assert scanned(NOW) == fresh(NOW) == before  # rolled back: the change is gone from the scan too


def test_a_reopened_database_is_read_again(demo, data_dir):
    before = scanned(NOW)
    item = _first_of("deliverable")
    path = db.database
    close_database()
    other = sqlite3.connect(path)  # changed while the app had it closed
    other.execute("UPDATE deliverable SET delivered_at = ? WHERE id = ?", (str(NOW), item.subject_id))
    other.commit()
    other.close()
    open_database()
    assert scanned(NOW) == fresh(NOW) != before


def test_what_is_kept_is_the_same_at_many_moments(demo):
    """Kept or not, every moment of a fortnight gives what a fresh load gives."""
    for hours in range(-24, 14 * 24, 7):
        now = NOW + timedelta(hours=hours)
        assert scanned(now) == fresh(now) == scanned(now), hours
