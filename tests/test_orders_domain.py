"""Custom orders, pure rules: validation (money: tests/test_money.py), statuses, and the delay reminder on the ladder."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.domain import followup
from desktop.domain import order_reminders as r
from desktop.domain import orders
from desktop.domain import workdays
from desktop.domain.followup import LadderSettings, PersonInfo

AMS = ZoneInfo("Europe/Amsterdam")
UTC = ZoneInfo("UTC")
S = LadderSettings(tz=AMS)  # quiet hours 21:00-09:00, warn 2 days before
PEOPLE = {7: PersonInfo(7, "Ingrid", ("email",))}


def utc(y, m, d, h, mi=0, tz=AMS):
    """A local wall time as naive UTC."""
    return datetime(y, m, d, h, mi, tzinfo=tz).astimezone(UTC).replace(tzinfo=None)


def facts(status="in_production", ready=date(2026, 11, 27), order_id=3, **kw):
    return r.OrderFacts(order_id=order_id, person_id=7, status=status, promised_ready=ready, **kw)


def due(f, now, settings=S, contacts=(), states=()):
    promises = r.order_promises(f, settings)
    return followup.due_now(followup.plan(promises, PEOPLE, contacts, states, settings, now), now)


# --- the delay reminder ---------------------------------------------------------------

def test_delay_reminder_comes_due_n_days_before_at_the_end_of_the_quiet_hours():
    # promised Friday 27 November; 2 days before is Wednesday 25; quiet hours end at 09:00 there.
    f = facts(status="new")
    assert due(f, utc(2026, 11, 25, 8, 59)) == []
    [item] = due(f, utc(2026, 11, 25, 9, 0))
    assert (item.kind, item.step, item.subject_type, item.subject_id) == ("custom_order", "delay_warning", "custom_order", 3)
    assert item.due == utc(2026, 11, 25, 9, 0)
    assert item.template == "order.update"  # "on schedule"; the delay only when she says it will be late
    assert due(f, utc(2026, 11, 24, 20, 0)) == []  # the evening before: not yet


@pytest.mark.parametrize("ready, news", [
    (date(2026, 12, 28), (2026, 12, 24)),  # two days before is Boxing Day, then a Sunday: Christmas Eve
    (date(2026, 12, 27), (2026, 12, 24)),  # promised on a Sunday: never news after the date
    (date(2027, 1, 1), (2026, 12, 30)),  # two days before is a working day: as always
])
def test_news_before_the_date_moves_back_over_days_off(ready, news):
    """Walk-through 2, finding G: the news before a promised date was moved forward past the
    holidays, onto the promised day itself or past it. It moves back to the working day before."""
    [item] = [i for i in followup.plan(r.order_promises(facts(status="new", ready=ready), S), PEOPLE, (), (), S,
                                       utc(2026, 12, 20, 12)) if i.step == "delay_warning"]
    assert item.due == utc(*news, 9, 0)


def test_delay_reminder_uses_the_owners_time_zone_and_the_setting():
    no_quiet = LadderSettings(tz=AMS, quiet_start=time(0, 0), quiet_end=time(0, 0))
    f = facts()
    # local midnight in Amsterdam is 23:00 UTC the day before (winter time)
    assert due(f, datetime(2026, 11, 24, 22, 59), no_quiet) == []
    [item] = due(f, datetime(2026, 11, 24, 23, 0), no_quiet)
    assert item.due == datetime(2026, 11, 24, 23, 0)
    # the same order for an owner in New York: midnight there is 05:00 UTC
    ny = ZoneInfo("America/New_York")
    ny_settings = LadderSettings(tz=ny, quiet_start=time(0, 0), quiet_end=time(0, 0))
    assert due(f, datetime(2026, 11, 25, 4, 59), ny_settings) == []
    assert due(f, datetime(2026, 11, 25, 5, 0), ny_settings)[0].due == datetime(2026, 11, 25, 5, 0)
    # three days' warning instead of two
    three = LadderSettings(tz=AMS, delay_warning_days=3)
    assert due(f, utc(2026, 11, 24, 9, 0), three)[0].step == "delay_warning"
    assert due(f, utc(2026, 11, 24, 9, 0), S) == []


def test_delay_reminder_is_exact_across_a_daylight_saving_change(every_day_a_working_day):
    # promised Tuesday 30 March 2027; the clocks go forward on Sunday 28 March.
    no_quiet = LadderSettings(tz=AMS, quiet_start=time(0, 0), quiet_end=time(0, 0))
    f = facts(ready=date(2027, 3, 30))
    start = utc(2027, 3, 28, 0, 0)  # still winter time at midnight: 23:00 UTC on the 27th
    assert start == datetime(2027, 3, 27, 23, 0)
    assert due(f, start - timedelta(minutes=1), no_quiet) == []
    assert due(f, start, no_quiet)[0].due == start


def test_no_delay_reminder_inside_quiet_hours():
    f = facts()
    [item] = due(f, utc(2026, 11, 25, 20, 59))
    assert item.step == "delay_warning"
    assert due(f, utc(2026, 11, 25, 21, 0)) == []  # quiet from 21:00
    assert due(f, utc(2026, 11, 26, 3, 0)) == []
    assert due(f, utc(2026, 11, 26, 9, 0))[0].step == "delay_warning"


@pytest.mark.parametrize("status", ["ready", "shipped", "delivered", "cancelled"])
def test_no_delay_reminder_when_the_order_is_ready_or_further(status):
    f = facts(status=status)
    assert r.order_promises(f, S) == []
    assert due(f, utc(2026, 11, 26, 10, 0)) == []


def test_news_sent_on_the_warning_day_answers_the_delay_reminder():
    sent = utc(2026, 11, 25, 9, 30)
    assert due(facts(last_news_at=sent), utc(2026, 11, 25, 12, 0)) == []
    # news sent the week before does not
    assert due(facts(status="new", last_news_at=utc(2026, 11, 18, 9, 30)), utc(2026, 11, 25, 12, 0))


def test_a_new_promised_date_starts_the_reminder_afresh():
    later = facts(ready=date(2026, 12, 4))
    assert due(later, utc(2026, 11, 25, 12, 0)) == []
    assert due(later, utc(2026, 12, 2, 9, 0))[0].step == "delay_warning"


def test_one_message_per_day_also_for_the_shops_own_promises():
    contact = followup.Contact(7, utc(2026, 11, 25, 8, 0), "out", "email")
    items = due(facts(), utc(2026, 11, 25, 12, 0), contacts=[contact])
    assert items == []  # she heard from the shop today already; tomorrow then
    upcoming, late = followup.plan(r.order_promises(facts(), S), PEOPLE, [contact], [], S, utc(2026, 11, 25, 12, 0))
    assert (upcoming.step, upcoming.due) == ("delay_warning", utc(2026, 11, 26, 9, 0))
    assert (late.step, late.due) == ("late", utc(2026, 11, 28, 9, 0))  # the day after the promised Friday


def _plan(order_facts, now, contacts=()):
    promises = [p for f in order_facts for p in r.order_promises(f, S)]
    return followup.plan(promises, PEOPLE, list(contacts), [], S, now)


def _local_days(items):
    return [(i.subject_id, i.step, i.due.replace(tzinfo=UTC).astimezone(AMS).date()) for i in items]


def test_a_second_orders_news_is_never_pushed_onto_its_promised_day():
    """Audit 12, F3: two orders of one customer, both promised Friday 27 November: the news
    before the date of each is due Wednesday; the second waited a day behind the first, and
    a third order's landed on the Friday itself. Each comes before its date, on a day of its
    own while one is free, else beside the other that day."""
    three = [facts(order_id=n, ready=date(2026, 11, 27)) for n in (3, 4, 5)]
    news = [i for i in _plan(three, utc(2026, 11, 23, 10)) if i.step == "delay_warning"]
    assert _local_days(news) == [(3, "delay_warning", date(2026, 11, 25)), (4, "delay_warning", date(2026, 11, 26)),
                                 (5, "delay_warning", date(2026, 11, 26))]
    # the shop already wrote to her today about another order: the news due since Tuesday for
    # Thursday's order is still due now, not tomorrow (the promised day)
    written = followup.Contact(7, utc(2026, 11, 25, 9, 5), "out", "email")
    one = [facts(order_id=4, ready=date(2026, 11, 26))]
    assert _local_days(followup.due_now(_plan(one, utc(2026, 11, 25, 11), [written]), utc(2026, 11, 25, 11))) == [
        (4, "delay_warning", date(2026, 11, 24))]
    assert _local_days(followup.plan(r.order_promises(one[0], S), PEOPLE, [written], [], S, utc(2026, 11, 25, 11),
                                     due_only=True)) == [(4, "delay_warning", date(2026, 11, 24))]
    # news for a date further off still waits for the next free day
    later = [facts(order_id=4, ready=date(2026, 12, 4))]
    assert [i for i in _plan(later, utc(2026, 12, 2, 11), [followup.Contact(7, utc(2026, 12, 2, 9, 5), "out", "email")])
            if i.step == "delay_warning"][0].due == utc(2026, 12, 3, 9, 0)


def test_a_late_orders_apology_goes_before_another_orders_news_that_day():
    late = facts(order_id=3, ready=date(2026, 11, 24))
    coming = facts(order_id=4, ready=date(2026, 11, 27))
    items = _plan([late, coming], utc(2026, 11, 25, 8))
    assert _local_days(items)[:2] == [(3, "late", date(2026, 11, 25)), (4, "delay_warning", date(2026, 11, 26))]


def test_an_update_waits_for_the_news_before_the_date_when_that_comes_within_the_warning_days():
    """The update after a week of production fell a day before the news before the date (or
    on the promised day itself): two "on schedule" messages in a row."""
    since = utc(2026, 11, 20, 10, 30)
    f = facts(ready=date(2026, 11, 30), in_production_since=since)  # news due Sat 28, update would be Fri 27
    assert [(i.step, i.due) for i in _plan([f], utc(2026, 11, 23, 10))][:1] == [("delay_warning", utc(2026, 11, 28, 9))]
    far = facts(ready=date(2026, 12, 20), in_production_since=since)
    assert _plan([far], utc(2026, 11, 23, 10))[0].step == "no_update"


def test_no_update_reminder_after_x_days_in_production_without_news():
    since = utc(2026, 11, 10, 14, 0)
    f = facts(ready=date(2026, 12, 20), in_production_since=since)
    assert due(f, since + timedelta(days=6, hours=23)) == []
    [item] = due(f, since + timedelta(days=7))
    assert (item.step, item.template) == ("no_update", "order.update")
    # news sent three days ago moves it on
    f2 = facts(ready=date(2026, 12, 20), in_production_since=since, last_news_at=since + timedelta(days=5))
    assert due(f2, since + timedelta(days=7)) == []
    assert due(f2, since + timedelta(days=12)) == []  # a Sunday: the next working morning
    assert due(f2, since + timedelta(days=13))[0].step == "no_update"
    # not for an order that is not in production
    assert due(facts(status="new", ready=date(2026, 12, 20), in_production_since=since), since + timedelta(days=8)) == []


# --- statuses, urgency, summary -------------------------------------------------------------

def test_status_moves():
    assert orders.allowed_moves("new") == ["in_production", "cancelled"]
    assert orders.allowed_moves("in_production") == ["ready", "new", "cancelled"]
    assert orders.allowed_moves("ready") == ["shipped", "in_production", "cancelled"]
    assert orders.allowed_moves("delivered") == ["shipped"]
    assert orders.allowed_moves("cancelled") == ["new"]
    assert not orders.can_move("new", "delivered")


def test_urgency_colour():
    today = date(2026, 11, 23)
    assert orders.urgency_colour(orders.days_left(date(2026, 11, 22), today), 2) == "red"
    assert orders.urgency_colour(orders.days_left(date(2026, 11, 25), today), 2) == "amber"
    assert orders.urgency_colour(orders.days_left(date(2026, 11, 26), today), 2) == ""
    assert orders.urgency_colour(None, 2) == ""


def test_personalisation_summary():
    assert orders.personalisation_summary("Letter M", "Script", "", " 12 mm ") == "Letter M · Script · 12 mm"


# --- money and validation -----------------------------------------------------------------

def good(**kw):
    values = dict(name="Ingrid Jansen", email="ingrid@example.com", order_number="#1050", price_text="29,95",
                  deposit_text="10", ordered_on=date(2026, 11, 20), promised_ready=date(2026, 11, 27),
                  checklist=[{"text": " Graveren ", "done": False}, {"text": "", "done": True}],
                  money_locale="nl_NL")
    values.update(kw)
    return orders.OrderInput(**values)


def test_a_good_order_is_cleaned():
    clean, errors = orders.validate(good())
    assert errors == {}
    assert clean.price_cents == 2995 and clean.deposit_cents == 1000
    assert clean.values["checklist"] == [{"text": "Graveren", "done": False}]


@pytest.mark.parametrize("changes,field", [
    ({"name": "  "}, "name"),
    ({"email": "ingrid.example.com"}, "email"),
    ({"price_text": "-3"}, "price"),
    ({"price_text": "twintig"}, "price"),
    ({"price_text": "1,250"}, "price"),  # three decimals in Dutch: refused, not guessed
    ({"price_text": "20", "deposit_text": "12.50", "money_locale": "en_GB"}, None),
    ({"deposit_text": "40"}, "deposit"),
    ({"promised_ready": date(2026, 11, 19)}, "promised_ready"),
    ({"promised_ready": None}, "promised_ready"),
    ({"ordered_on": None}, "ordered_on"),
    ({"promised_delivery": date(2026, 11, 26)}, "promised_delivery"),
    ({"status": "lost"}, "status"),
])
def test_bad_input_is_named_at_its_field(changes, field):
    clean, errors = orders.validate(good(**changes))
    if field is None:  # the control case: the same form, read well
        assert errors == {} and clean is not None
        return
    assert clean is None
    assert field in errors and errors[field]


def test_the_amounts_are_read_in_the_locale_the_order_says():
    clean, errors = orders.validate(good(price_text="1.250", deposit_text="1.250,00"))
    assert errors == {} and (clean.price_cents, clean.deposit_cents) == (125000, 125000)
    clean, errors = orders.validate(good(price_text="1.250", deposit_text="", money_locale="en_GB"))
    assert clean is None and "price" in errors  # 1.250 in English: three decimals, refused
    clean, errors = orders.validate(good(price_text="1,250", deposit_text="", money_locale="en_GB"))
    assert errors == {} and clean.price_cents == 125000


def test_an_order_input_cannot_forget_its_locale():
    with pytest.raises(TypeError):
        orders.OrderInput(name="Ingrid", price_text="12,50")  # no money_locale


def test_order_numbers_are_unique_and_a_moved_date_needs_a_reason():
    _clean, errors = orders.validate(good(), taken_numbers={"#1050"})
    assert "order_number" in errors
    previous = {"promised_ready": date(2026, 11, 25), "promised_delivery": None}
    _clean, errors = orders.validate(good(), previous=previous)
    assert "change_reason" in errors
    clean, errors = orders.validate(good(change_reason="Gravure opnieuw"), previous=previous)
    assert errors == {} and clean.values["change_reason"] == "Gravure opnieuw"


def test_new_promise_must_be_later():
    today = date(2026, 11, 23)
    assert orders.validate_new_promise(date(2026, 11, 25), date(2026, 11, 25), today)
    assert orders.validate_new_promise(date(2026, 11, 25), date(2026, 11, 22), today)
    assert orders.validate_new_promise(date(2026, 11, 25), None, today)
    assert orders.validate_new_promise(date(2026, 11, 25), date(2026, 11, 30), today) == ""


# --- once the promised day is over (review finding 3) ----------------------------------------

def test_once_the_promised_day_is_over_the_late_news_replaces_the_others():
    """Promised Friday 27 November, the warning on Wednesday never acted on: from Saturday
    morning the reminder is the late news, not "news before the date" any more."""
    f = facts(ready=date(2026, 11, 27), in_production_since=utc(2026, 11, 12, 10, 0))
    assert due(f, utc(2026, 11, 26, 20, 0))[0].step == "delay_warning"  # the day before: still in time
    assert due(f, utc(2026, 11, 27, 20, 0)) == []  # the promised day itself: the news before it has lapsed
    [item] = due(f, utc(2026, 11, 28, 9, 0))
    assert (item.step, item.template) == ("late", "order.late") and [p.step for p in item.parts] == ["late"]
    # and it stays the late news on the days after
    assert [i.step for i in due(f, utc(2026, 12, 3, 12, 0))] == ["late"]


def test_the_news_before_the_date_lapses_on_the_promised_day():
    """Review walk: "Bericht sturen vóór de beloofde datum" stayed offered, and popped up, on
    the promised day itself ("De datum blijft maandag 26 oktober", sent on 26 October with
    the order not ready). From that day it is gone, also when snoozed onto it; the late news
    comes the morning after. Asked for on the day itself (0 days before), it keeps that day."""
    f = facts(ready=date(2026, 10, 26), in_production_since=utc(2026, 10, 20, 10, 0))
    [warning] = due(f, utc(2026, 10, 24, 9, 0))  # Saturday, two days before
    assert warning.step == "delay_warning"
    for moment in (utc(2026, 10, 26, 9, 0), utc(2026, 10, 26, 18, 0)):
        assert due(f, moment) == []
        assert not [i for i in followup.plan(r.order_promises(f, S), PEOPLE, (), (), S, moment)
                    if i.step == "delay_warning"]  # nor upcoming: not in the pane, not in the tray
    snoozed = followup.StepState(warning.key, "snoozed", utc(2026, 10, 25, 20, 0),
                                 snoozed_until=utc(2026, 10, 26, 9, 0), person_id=7)
    assert due(f, utc(2026, 10, 26, 9, 30), states=[snoozed]) == []
    assert [i.step for i in due(f, utc(2026, 10, 27, 9, 0))] == ["late"]
    same_day = LadderSettings(tz=AMS, delay_warning_days=0)
    assert due(f, utc(2026, 10, 25, 12, 0), settings=same_day) == []
    assert [i.step for i in due(f, utc(2026, 10, 26, 9, 0), settings=same_day)] == ["delay_warning"]


def test_no_update_is_ever_proposed_after_the_promised_date():
    """In production since Saturday 21 November, promised Friday 27: the update would come
    due Saturday 28, after the promised day; it never does, the late news does."""
    f = facts(ready=date(2026, 11, 27), in_production_since=utc(2026, 11, 21, 10, 0))
    steps = set()
    for hours in range(0, 24 * 20, 3):
        now = utc(2026, 11, 21, 10, 0) + timedelta(hours=hours)
        for item in due(f, now):
            steps.update(p.step for p in item.parts)
            assert not (item.template.startswith("order.update") and now >= utc(2026, 11, 28, 0, 0)), now
    assert "no_update" not in steps and {"delay_warning", "late"} <= steps
    # an update well before the date is still proposed
    early = facts(ready=date(2026, 12, 20), in_production_since=utc(2026, 11, 10, 14, 0))
    assert due(early, utc(2026, 11, 17, 14, 0))[0].step == "no_update"


def test_news_after_the_promised_day_answers_the_late_news():
    f = facts(ready=date(2026, 11, 27), last_news_at=utc(2026, 11, 28, 11, 0))
    assert due(f, utc(2026, 11, 28, 12, 0)) == []
    # news sent on the promised day itself (before it was over) does not
    f = facts(ready=date(2026, 11, 27), last_news_at=utc(2026, 11, 27, 11, 0))
    assert [i.step for i in due(f, utc(2026, 11, 28, 12, 0))] == ["late"]


def test_past_promise():
    today = date(2026, 11, 23)
    assert orders.past_promise(date(2026, 11, 22), today, "in_production")
    assert orders.past_promise(date(2026, 11, 22), today, "new")
    assert not orders.past_promise(date(2026, 11, 23), today, "in_production")  # the day itself
    assert not orders.past_promise(date(2026, 11, 22), today, "ready")
    assert not orders.past_promise(None, today, "new")


# --- a proposed ready date is never a Sunday (review finding 16) ----------------------------

@pytest.mark.parametrize("promised, today, proposed", [
    (date(2026, 11, 22), date(2026, 11, 23), date(2026, 11, 30)),  # promised Sunday, today Monday: a week on is Monday
    (date(2026, 11, 29), date(2026, 11, 23), date(2026, 12, 7)),   # promised Sunday 29: Sunday 6 December -> Monday 7
    (date(2026, 11, 15), date(2026, 11, 22), date(2026, 11, 30)),  # long past, today Sunday 22: Sunday 29 -> Monday 30
    (date(2026, 11, 28), date(2026, 11, 23), date(2026, 12, 5)),   # a Saturday stays a Saturday
    (None, date(2026, 11, 29), date(2026, 12, 7)),
])
def test_a_proposed_ready_date_moves_off_sunday(promised, today, proposed):
    found = orders.propose_new_date(promised, today, "NL")
    assert found == proposed and found.weekday() != 6
    assert orders.validate_new_promise(promised, found, today) == ""


def test_every_proposal_for_a_year_of_days_is_a_working_day_after_the_promise():
    today = date(2026, 11, 23)
    for offset in range(-40, 330):
        promised = today + timedelta(days=offset)
        found = orders.propose_new_date(promised, today, "NL")
        assert workdays.is_working_day(found, "NL") and found > max(promised, today)
        # a week on, or the first working day after it (Christmas and a Sunday: three days)
        week = max(promised, today) + timedelta(days=7)
        assert found == week or (found - week).days <= 3 and not any(
            workdays.is_working_day(week + timedelta(days=n), "NL") for n in range((found - week).days))
    assert workdays.working_day(date(2026, 11, 29), "NL") == date(2026, 11, 30)
    assert workdays.working_day(date(2026, 11, 30), "NL") == date(2026, 11, 30)


def test_the_order_dialog_opens_on_the_message_that_fits_where_the_order_is():
    from desktop.domain.orders import offered_messages, opening_message

    steps = ["order_confirmation", "order_update", "order_delay", "order_ready", "order_shipped", "order_cancelled"]
    making = offered_messages("in_production", False, steps)
    assert opening_message("order_update", "in_production", False, making) == "order_update"
    late = offered_messages("in_production", True, steps)
    assert "order_update" not in late and opening_message("order_update", "in_production", True, late) == "order_delay"
    # an order made since: the message of where it is now, whatever was asked for (the
    # confirmation's "we're making it" too); a delivered one has none (order-offers)
    for status, fits in (("ready", "order_ready"), ("shipped", "order_shipped"), ("cancelled", "order_cancelled")):
        made = offered_messages(status, False, steps)
        assert made == [fits]
        assert opening_message("order_update", status, False, made) == fits
        assert opening_message("order_confirmation", status, False, made) == fits
    assert offered_messages("delivered", False, steps) == []
    assert opening_message("order_shipped", "delivered", False, []) == ""


def test_a_ready_date_nobody_typed_is_a_working_day():
    """Audit 12, F6: 8 April 2021 plus 10 days is Sunday 18 April; the customer is told Monday.
    Christmas and Boxing Day are skipped too; a day at the end of the calendar holds."""
    from desktop.domain import order_importers
    from desktop.domain.orders import default_ready

    assert default_ready(date(2021, 4, 8), 10, "NL") == date(2021, 4, 19)
    assert order_importers.promised_ready(date(2021, 4, 8), 10, "NL") == date(2021, 4, 19)
    assert default_ready(date(2026, 12, 15), 10, "NL") == date(2026, 12, 28)
    assert default_ready(date(2026, 11, 23), 10, "NL") == date(2026, 12, 3)
    assert default_ready(date(2026, 11, 23), -3, "NL") == date(2026, 11, 23)
