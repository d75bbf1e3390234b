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


# --- a custom order whose date the owner moved in its form -----------------------------

def _order(ready: date, made: datetime, **kw):
    from desktop.store import orders
    from tests.test_orders_store import form

    return orders.save_order(form(status="in_production", promised_ready=ready, promised_delivery=None,
                                  address_form="je", country="NL", money_locale="nl_NL", **kw), made)


def _move_in_form(order, ready: date, at: datetime):
    from desktop.store import orders
    from tests.test_orders_store import form

    return orders.save_order(form(status="in_production", promised_ready=ready, promised_delivery=None,
                                  address_form="je", country="NL", money_locale="nl_NL",
                                  change_reason="Het zilver kwam later"), at, order_id=order.id,
                             person_id=order.person_id)


def _order_news(order, day: date, at: time = time(11, 0)):
    now = _utc(day, at)
    return [i for i in due.plan(now) if i.kind == "custom_order" and i.subject_id == order.id and i.due <= now]


def _send(order, item, day: date, at: time = time(11, 0)) -> str:
    from desktop import i18n
    from desktop.presentation import due_texts
    from desktop.store import orders

    i18n.set_language("nl")
    now = _utc(day, at)
    body = due_texts.compose(item, now).body
    orders.record_message(order.id, orders.LADDER_STEPS[item.step], "email", body, now)
    return body


def test_a_date_moved_in_the_form_is_news_of_a_delay_not_on_schedule_as_promised(database):
    """Promised Wednesday 10 March; on the 3rd the owner moved it to the 17th in the order's
    form. The next news said "still on schedule… ready on 17 March, as promised": a date the
    customer never heard."""
    from desktop.store import orders

    order = _order(date(2027, 3, 10), _utc(date(2027, 2, 25), time(10, 0)))
    _move_in_form(order, date(2027, 3, 17), _utc(date(2027, 3, 3), time(11, 0)))
    assert orders.date_told(order.id) == date(2027, 3, 10)
    # the customer hears before the day they expect, the 10th (two days before: the 8th)
    days = [d for d in range(4, 11) if _order_news(order, date(2027, 3, d))]
    assert days and days[0] <= 8
    [item] = _order_news(order, date(2027, 3, days[0]))
    body = _send(order, item, date(2027, 3, days[0]))
    assert "10 maart" in body and "17 maart" in body and "zoals beloofd" not in body
    assert "langer dan gepland" in body
    # told now: the next news is about the 17th, and no longer a delay
    assert orders.date_told(order.id) is None


def test_a_date_moved_by_the_delay_message_was_told(database):
    from desktop.store import orders

    order = _order(date(2027, 3, 10), _utc(date(2027, 2, 25), time(10, 0)))
    orders.record_message(order.id, "order_delay", "email", "Het wordt de 17e", _utc(date(2027, 3, 3), time(11, 0)),
                          new_ready=date(2027, 3, 17))
    assert orders.date_told(order.id) is None


def test_a_date_moved_in_the_form_whose_old_day_is_over_is_late_news(database):
    from desktop import i18n
    from desktop.presentation import due_texts

    order = _order(date(2027, 3, 10), _utc(date(2027, 2, 25), time(10, 0)))
    _move_in_form(order, date(2027, 3, 17), _utc(date(2027, 3, 11), time(9, 0)))
    i18n.set_language("nl")
    message = due_texts.compose_order(order.id, "order_update", _utc(date(2027, 3, 12), time(10, 0)))
    assert message.template == "order.late"
    assert "had op woensdag 10 maart klaar moeten zijn" in message.body
    assert "nu op woensdag 17 maart klaar" in message.body and "op schema" not in message.body


def test_no_update_a_few_days_before_the_news_ahead_of_the_date(database):
    """Promised Tuesday 16 March: an update on Thursday the 11th and the news two days before
    the date (Sunday, moved back to Saturday the 13th) said the same, two days apart."""
    order = _order(date(2027, 3, 16), _utc(date(2027, 2, 25), time(10, 0)))
    sent = []
    for d in range(1, 17):
        for item in _order_news(order, date(2027, 3, d)):
            sent.append((d, _send(order, item, date(2027, 3, d))))
    days = [d for d, _body in sent]
    assert 13 in days and not any(13 - 3 <= d < 13 for d in days), days
    bodies = [body for _d, body in sent]
    assert all(a != b for a, b in zip(bodies, bodies[1:]))  # never the same words twice in a row


def test_three_updates_in_a_row_alternate_their_wording(database):
    from desktop import i18n
    from desktop.presentation import due_texts
    from desktop.store import orders

    order = _order(date(2027, 6, 30), _utc(date(2027, 3, 1), time(10, 0)))
    i18n.set_language("nl")
    templates = []
    for d in (date(2027, 3, 8), date(2027, 3, 15), date(2027, 3, 22)):
        message = due_texts.compose_order(order.id, "order_update", _utc(d, time(10, 0)))
        templates.append(message.template)
        orders.record_message(order.id, "order_update", "email", message.body, _utc(d, time(10, 0)))
    assert templates == ["order.update", "order.update.alt", "order.update"]


def test_an_influencers_own_order_hears_before_its_day_behind_her_reminders(database):
    """Her post was due Wednesday 3 March, her own order is promised Saturday the 6th. Its
    news (due Thursday) moved a day on behind her reminder on Thursday and again on Friday,
    and reached her on the Saturday itself."""
    from desktop import i18n
    from desktop.presentation import due_texts
    from desktop.store import orders

    p, _c, _d = _late_post(date(2027, 3, 3))
    order = _order(date(2027, 3, 6), _utc(date(2027, 2, 25), time(10, 0)))
    order.person = p
    order.save()
    i18n.set_language("nl")
    news_on = []
    for day in (4, 5, 6):
        now = _utc(date(2027, 3, day), time(9, 30))
        for item in [i for i in due.plan(now) if i.due <= now and i.person_id == p.id]:
            body = due_texts.compose(item, now).body
            if item.kind == "custom_order":
                news_on.append(day)
                orders.record_message(order.id, orders.LADDER_STEPS[item.step], "email", body, now)
            else:
                due.mark_sent(item, now, item.channel, body)
    assert news_on and news_on[0] < 6, news_on


def test_two_late_orders_of_one_customer_both_hear_on_the_day_after_their_date(database):
    """Two custom orders of one customer, both promised Wednesday 10 March and neither ready:
    the second order's apology waited a day behind the first's (the once-a-day courtesy), so
    that customer heard a day later than any other that her order was late."""
    from desktop import i18n
    from desktop.presentation import due_texts
    from desktop.store import orders

    first = _order(date(2027, 3, 10), _utc(date(2027, 3, 1), time(10, 0)))
    from tests.test_orders_store import form

    second = orders.save_order(form(status="in_production", promised_ready=date(2027, 3, 10), promised_delivery=None,
                                    address_form="je", country="NL", money_locale="nl_NL", order_number="#1051"),
                               _utc(date(2027, 3, 1), time(10, 5)), person_id=first.person_id)
    i18n.set_language("nl")
    heard = {}
    for day in (9, 10, 11, 12, 13):
        now = _utc(date(2027, 3, day), time(9, 30))
        for item in [i for i in due.plan(now) if i.due <= now and i.kind == "custom_order"]:
            body = due_texts.compose(item, now).body
            orders.record_message(item.subject_id, orders.LADDER_STEPS[item.step], "email", body, now)
            heard.setdefault(item.step, {}).setdefault(item.subject_id, day)
    assert heard.get("late") == {first.id: 11, second.id: 11}, heard
