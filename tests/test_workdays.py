"""Working days: a date the shop names to somebody is never a Sunday or a public holiday
of the shop's own country (domain/workdays.py: a Dutch shop works on 21 July, a Belgian one
on King's Day), and the final notice's date and the strike that follows it agree
(domain/followup.py)."""

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from desktop import clock
from desktop.domain import followup as f, holiday_dates, order_importers, orders, workdays
from desktop.domain.followup import LadderSettings, PersonInfo, Promise

from tests import ladder_states

AMS = ZoneInfo("Europe/Amsterdam")
S = LadderSettings(tz=AMS)


def test_the_generated_table_is_the_librarys_answer():
    """holiday_dates.py is `make holidays`' output: when the library learns of a new
    holiday (or a changed one), this fails and says to run it again."""
    assert set(holiday_dates.HOLIDAYS) == set(workdays.COUNTRIES)
    for country, years in holiday_dates.HOLIDAYS.items():
        assert min(years) <= 2024 and max(years) >= 2040
        for year in years:
            assert workdays.holidays_in(year, country) == workdays._library_year(year, country), \
                f"run `make holidays` ({country} {year})"


@pytest.mark.parametrize("day, expected", [
    (date(2026, 12, 25), date(2026, 12, 28)),  # Christmas, Boxing Day (NL), Sunday
    (date(2026, 12, 24), date(2026, 12, 24)),
    (date(2027, 3, 28), date(2027, 3, 30)),  # Easter Sunday and Monday move every year
    (date(2026, 5, 14), date(2026, 5, 15)),  # Ascension Day
    (date(2026, 4, 27), date(2026, 4, 28)),  # King's Day
    (date(2025, 5, 5), date(2025, 5, 6)),  # Liberation Day (a day off every fifth year)
    (date(2026, 11, 29), date(2026, 11, 30)),  # an ordinary Sunday
    # Good Friday: not a day off of the Algemene termijnenwet; most shops, and PostNL, work
    (date(2026, 4, 3), date(2026, 4, 3)),
    (date(2027, 3, 26), date(2027, 3, 26)),
    (date(2061, 4, 8), date(2061, 4, 8)),  # beyond the table: the library's answer, less Good Friday
    (date(2025, 12, 26), date(2025, 12, 27)),  # Boxing Day (a Friday)
    (date(2061, 12, 25), date(2061, 12, 27)),  # beyond the table: the library answers
    # Belgium's days off are working days of a Dutch shop
    (date(2026, 7, 21), date(2026, 7, 21)),  # Belgium's national day
    (date(2026, 5, 1), date(2026, 5, 1)),  # Labour Day
    (date(2026, 8, 15), date(2026, 8, 15)),  # Assumption (a Saturday)
    (date(2026, 11, 11), date(2026, 11, 11)),  # Armistice Day
    (date(2061, 7, 21), date(2061, 7, 21)),  # beyond the table too
])
def test_a_dutch_shop_names_its_own_working_days(day, expected):
    assert workdays.working_day(day, "NL") == expected


@pytest.mark.parametrize("day, expected", [
    (date(2026, 12, 25), date(2026, 12, 26)),  # Christmas: no Boxing Day in Belgium
    (date(2027, 3, 28), date(2027, 3, 30)),  # Easter Sunday and Monday
    (date(2026, 7, 21), date(2026, 7, 22)),  # Belgium's national day
    (date(2026, 5, 1), date(2026, 5, 2)),  # Labour Day
    (date(2026, 8, 15), date(2026, 8, 17)),  # Assumption (a Saturday), then a Sunday
    (date(2026, 11, 11), date(2026, 11, 12)),  # Armistice Day
    (date(2061, 7, 21), date(2061, 7, 22)),  # beyond the table: the library answers
    # the Netherlands' days off are working days of a Belgian shop
    (date(2026, 4, 27), date(2026, 4, 27)),  # King's Day
    (date(2025, 5, 5), date(2025, 5, 5)),  # Liberation Day
    (date(2026, 4, 3), date(2026, 4, 3)),  # Good Friday
    (date(2061, 4, 8), date(2061, 4, 8)),  # Good Friday beyond the table
    (date(2025, 12, 26), date(2025, 12, 26)),  # Boxing Day (a Friday)
])
def test_a_belgian_shop_names_its_own_working_days(day, expected):
    assert workdays.working_day(day, "BE") == expected


@pytest.mark.parametrize("chosen, zone, country", [
    ("NL", "Europe/Brussels", "NL"),  # her choice over the time zone
    ("BE", "Europe/Amsterdam", "BE"),
    ("be", "", "BE"),
    ("", "Europe/Brussels", "BE"),  # none chosen: the time zone's country
    ("", "Europe/Amsterdam", "NL"),
    ("", "America/Curacao", "NL"),  # elsewhere, or no name for the zone: the Netherlands
    ("", "", "NL"),
    ("DE", "Europe/Brussels", "BE"),  # a value the app does not know counts as none
])
def test_the_shops_country_is_the_one_chosen_else_the_time_zones(chosen, zone, country):
    assert workdays.shop_country(chosen, zone) == country
    zone_info = ZoneInfo(zone) if zone else timezone.utc  # a zone without an IANA name
    assert LadderSettings.from_values({"shop_country": chosen}, tz=zone_info).country == country


def test_good_friday_is_a_working_day_of_the_shop():
    """Goede Vrijdag is not a day off in the Netherlands (not in the Algemene termijnenwet;
    the `holidays` library lists it all the same) nor a holiday in Belgium: a reminder due
    that morning goes that morning, and a final notice sent a week before names that Friday."""
    for shop in (NL_SHOP, BE_SHOP):
        assert f.settle(_utc(2026, 4, 3, 10), shop) == _utc(2026, 4, 3, 10)
        assert f.pause_date(_utc(2026, 3, 27, 10), shop) == date(2026, 4, 3)
    assert orders.default_ready(date(2026, 3, 27), 7, "NL") == date(2026, 4, 3)


def test_with_weekends_skipped_no_date_the_shop_names_is_a_saturday():
    """"No reminders at the weekend" (skip_weekends) makes Saturday a day off of the shop for
    every date it names, by one rule (``workdays.working_day``): a final notice sent on
    Friday 19 December 2025 named Saturday 27 December (Boxing Day the Friday before), and
    the strike waited for that Saturday only; an order made over Christmas was promised for
    that Saturday too. Without the setting, Saturday stays a working day."""
    skipping = LadderSettings(tz=AMS, country="NL", skip_weekends=True)
    sent_at = _utc(2025, 12, 19, 10)
    assert f.pause_date(sent_at, S) == date(2025, 12, 27)
    assert f.pause_date(sent_at, skipping) == date(2025, 12, 29)
    promise = Promise("deliverable", 1, "deliverable", 10, sent_at - timedelta(days=10))
    states = ladder_states.climbed(promise, 5, sent_at + timedelta(days=1))  # the notice sent at sent_at
    people = {1: PersonInfo(1, "Sanne", ("instagram",))}
    [strike] = [i for i in f.plan([promise], people, [], states, skipping, sent_at) if i.action == "strike"]
    assert strike.due == _utc(2025, 12, 30, 9)  # the Monday it named is over: Tuesday morning
    assert orders.default_ready(date(2025, 12, 16), 10, "NL") == date(2025, 12, 27)
    assert orders.default_ready(date(2025, 12, 16), 10, "NL", skip_weekends=True) == date(2025, 12, 29)
    assert order_importers.promised_ready(date(2025, 12, 16), 10, "NL", skip_weekends=True) == date(2025, 12, 29)
    assert orders.propose_new_date(date(2025, 12, 19), date(2025, 12, 19), "NL", skip_weekends=True) \
        == date(2025, 12, 29)
    assert workdays.working_day(date(2025, 12, 26), "NL", skip_weekends=True) == date(2025, 12, 29)


def test_a_new_date_for_a_late_order_is_never_christmas():
    assert orders.propose_new_date(date(2026, 12, 18), date(2026, 12, 10), "NL") == date(2026, 12, 28)


def test_a_promised_date_falls_on_the_shops_working_days():
    """The shop makes and ships the order: a Dutch shop promises 21 July and a Belgian one
    King's Day, whoever the customer is (both were moved on when the holidays of both
    countries were days off)."""
    assert orders.default_ready(date(2026, 7, 11), 10, "NL") == date(2026, 7, 21)
    assert orders.default_ready(date(2026, 7, 11), 10, "BE") == date(2026, 7, 22)
    assert orders.propose_new_date(date(2026, 4, 20), date(2026, 4, 1), "BE") == date(2026, 4, 27)
    assert orders.propose_new_date(date(2026, 4, 20), date(2026, 4, 1), "NL") == date(2026, 4, 28)


def _utc(y, m, d, h, mi=0):
    return datetime(y, m, d, h, mi, tzinfo=AMS).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def test_the_final_notice_names_a_working_day_and_the_strike_waits_for_it():
    """Sent on Friday 18 December 2026: a week later is Christmas Day, then Boxing Day and
    a Sunday. The notice names Monday 28 December, and the strike is not proposed before
    that Monday is over (it was the day after the 25th before)."""
    sent_at = _utc(2026, 12, 18, 10)
    assert f.pause_date(sent_at, S) == date(2026, 12, 28)
    assert f.pause_date(_utc(2026, 11, 23, 10), S) == date(2026, 11, 30)  # an ordinary week
    promise = Promise("deliverable", 1, "deliverable", 10, sent_at - timedelta(days=10))
    states = ladder_states.climbed(promise, 5, sent_at + timedelta(days=1))  # steps 1-4, the last at sent_at
    people = {1: PersonInfo(1, "Sanne", ("instagram",))}

    def due_at(moment):
        return f.due_now(f.plan([promise], people, [], states, S, moment), moment)

    assert due_at(_utc(2026, 12, 28, 23, 30)) == []
    [strike] = due_at(_utc(2026, 12, 29, 9, 30))
    assert strike.action == "strike"


NL_SHOP = LadderSettings(tz=AMS, country="NL")
BE_SHOP = LadderSettings(tz=ZoneInfo("Europe/Brussels"), country="BE")


def test_a_reminder_waits_for_the_shops_own_holidays_only():
    """A reel due Monday 20 July 2026: step 1 comes at the start of Tuesday 21 July, when the
    quiet hours end. A Dutch shop works that day (Belgium's national day) and reminds her
    then; a Belgian shop waits for Wednesday. King's Day (Monday 27 April) the other way round."""
    promise = f.make_promise("deliverable", 1, "deliverable", 10, _utc(2026, 7, 20, 23, 59))
    people = {1: PersonInfo(1, "Sanne", ("instagram",))}
    for shop, due in ((NL_SHOP, _utc(2026, 7, 21, 9)), (BE_SHOP, _utc(2026, 7, 22, 9))):
        [one] = f.plan([promise], people, [], [], shop, _utc(2026, 7, 21, 8))
        assert one.step == "1" and one.due == due
    assert f.settle(_utc(2026, 4, 27, 10), BE_SHOP) == _utc(2026, 4, 27, 10)
    assert f.settle(_utc(2026, 4, 27, 10), NL_SHOP) == _utc(2026, 4, 28, 9)
    assert f.allowed(_utc(2026, 11, 11, 12), NL_SHOP) and not f.allowed(_utc(2026, 11, 11, 12), BE_SHOP)


def test_the_final_notice_names_the_shops_working_day():
    """Sent on Tuesday 14 July 2026: a week later is 21 July, a working day in the Netherlands."""
    assert f.pause_date(_utc(2026, 7, 14, 10), NL_SHOP) == date(2026, 7, 21)
    assert f.pause_date(_utc(2026, 7, 14, 10), BE_SHOP) == date(2026, 7, 22)
    assert f.pause_date(_utc(2026, 4, 20, 10), BE_SHOP) == date(2026, 4, 27)
    assert f.pause_date(_utc(2026, 4, 20, 10), NL_SHOP) == date(2026, 4, 28)


def test_news_before_a_promised_date_moves_back_over_the_shops_holiday_only():
    """News two days before a date promised for Thursday 23 July would come on 21 July: a
    Belgian shop sends it the Monday before, a Dutch one on the day."""
    moment = _utc(2026, 7, 21, 9)
    assert f.working_day_before(moment, NL_SHOP) == moment
    assert f.working_day_before(moment, BE_SHOP) == _utc(2026, 7, 20, 9)


def test_the_store_hands_in_the_country_she_chose_else_her_time_zones(database):
    """The "shop_country" setting ("" until she chooses) reaches the clock's owner and the
    ladder at once, as her time zone does."""
    from desktop.store import due, settings

    assert settings.get("shop_country") == ""
    settings.set("time_zone", "Europe/Brussels")
    assert clock.owner().country == "BE" and due.ladder_settings().country == "BE"
    settings.set("shop_country", "NL")
    assert clock.owner().country == "NL" and due.ladder_settings().country == "NL"
    settings.set("time_zone", "Europe/Amsterdam")
    settings.set("shop_country", "BE")
    assert clock.owner().country == "BE" and due.ladder_settings().country == "BE"
    settings.reset("shop_country")
    assert clock.owner().country == "NL" and due.ladder_settings().country == "NL"
