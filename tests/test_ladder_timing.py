"""What a walk through weeks of the ladder found (review 26), each shown in the store with
fixed moments in the owner's zone (Europe/Amsterdam, as tests/conftest.py sets it)."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desktop.store.influencers import end_of_day_utc
from desktop.store import due
from desktop.store.models import Collaboration, Deliverable, Event, Handle, Person, Shipment

AMS = ZoneInfo("Europe/Amsterdam")


def _utc(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=AMS).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def _late_post(deadline: date) -> tuple[Person, Collaboration, Deliverable]:
    """A post due on ``deadline``; the gift reached her well before."""
    p = Person.create(name="Eva Vroeg", is_influencer=True, email="eva@example.com")
    Handle.create(person=p, platform="instagram", name="eva")
    c = Collaboration.create(person=p, title="Oorbellen in een post", status="received",
                             agreed_at=datetime(2027, 2, 10), response_days=3)
    d = Deliverable.create(collaboration=c, kind="post", deadline=end_of_day_utc(deadline))
    Shipment.create(person=p, collaboration=c, status="received", sent_at=datetime(2027, 2, 11, 14),
                    received_at=datetime(2027, 2, 13, 11))
    return p, c, d


def _her_message(p: Person, c: Collaboration, at: datetime) -> None:
    Event.create(at=at, kind="message", channel="instagram", direction="in", person=p,
                 text="Het lukt vandaag niet meer, zaterdag staat hij online!",
                 subject_type="collaboration", subject_id=c.id)


def _steps(d: Deliverable, day: date) -> list[str]:
    now = _utc(day, time(9, 30))
    return [i.template for i in due.plan(now) if i.subject_id == d.id and i.due <= now]


def test_her_message_on_the_deadline_day_pauses_the_ladder(database):
    """She wrote at 16:00 on the deadline day that it would be Saturday; the whole ladder ran
    anyway, its second step saying nothing was heard from her."""
    p, c, d = _late_post(date(2027, 3, 3))
    _her_message(p, c, _utc(date(2027, 3, 3), time(16, 0)))
    for day in (4, 5, 6, 8, 9, 10):
        assert _steps(d, date(2027, 3, day)) == [], day
    # a week after her message she is asked again, with words that know she wrote
    assert _steps(d, date(2027, 3, 11)) == ["answered.1"]


def test_her_message_on_the_day_before_the_deadline_does_not_pause_it(database):
    """A message before the deadline day ("tomorrow it's online") is no answer to a deadline
    that then passed: step 1 comes the morning after."""
    p, c, d = _late_post(date(2027, 3, 3))
    _her_message(p, c, _utc(date(2027, 3, 2), time(23, 30)))
    assert _steps(d, date(2027, 3, 4)) == ["ladder.1"]


def test_a_message_on_the_deadline_day_counts_across_a_clock_change(database):
    """The deadline day of 31 October 2027 has 25 hours: her message in its first hour counts."""
    p, c, d = _late_post(date(2027, 10, 31))
    _her_message(p, c, _utc(date(2027, 10, 31), time(0, 20)))
    assert _steps(d, date(2027, 11, 1)) == []
    assert _utc(date(2027, 10, 31), time(0, 20)) < end_of_day_utc(date(2027, 10, 31)) - timedelta(days=1)
