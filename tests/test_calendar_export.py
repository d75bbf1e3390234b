"""A calendar file takes back what ended (review of the timeline, 2026-12-06, 1).

Before: an export listed only the open dates, so a date done, delivered or cancelled since the
last export was simply missing from the next file, and a calendar app that imports by UID kept
the old event for ever, while the status bar said "importing it again updates it". Now every
date an export gave her calendar comes back, same UID, as STATUS:CANCELLED with a higher
SEQUENCE and DTSTAMP, while its day is less than a year past; the window no longer promises an
update that Outlook (and others) do not do.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from icalendar import Calendar

from desktop import cli, i18n
from desktop.presentation import calendar_export
from desktop.store import calendar_record, settings
from desktop.store.db import close_database
from desktop.store.opening import open_database
from desktop.store.models import CustomOrder, Deliverable, Person
from desktop.views import dialogs
from tests.conftest import NOW
from tests.helpers import make_window


def events_of(path) -> dict:
    return {str(e["UID"]): e for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


def ended_in_the_demo():
    """What the reviewer changed in a copy of the example shop: order #1033 cancelled (its ready
    and its delivery date end) and the first open deliverable delivered."""
    order = CustomOrder.get(CustomOrder.order_number == "#1033")
    deliverable = Deliverable.get_by_id(1)
    CustomOrder.update(status="cancelled").where(CustomOrder.id == order.id).execute()
    Deliverable.update(delivered_at=NOW).where(Deliverable.id == deliverable.id).execute()
    return {f"order-ready-{order.id}@afspraak", f"order-delivery-{order.id}@afspraak",
            f"deliverable-{deliverable.id}@afspraak"}


def test_an_export_after_a_change_takes_back_what_ended(demo_db, tmp_path):
    i18n.set_language("en")
    first_path, second_path = tmp_path / "cal.ics", tmp_path / "cal2.ics"
    first_written = calendar_export.export(first_path, NOW)
    first = events_of(first_path)
    assert first_written.dates == len(first) == 16 and first_written.taken_back == 0
    ended = ended_in_the_demo()
    assert ended <= set(first)  # all three were in her calendar

    second_written = calendar_export.export(second_path, NOW + timedelta(hours=2))
    second = events_of(second_path)
    assert (second_written.dates, second_written.taken_back) == (13, 3)
    assert set(second) == set(first)  # UIDs stable: nothing missing, nothing new
    for uid, before in first.items():
        after = second[uid]
        assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
        assert after.decoded("DTSTAMP") > before.decoded("DTSTAMP")
        assert after.decoded("DTSTART") == before.decoded("DTSTART")
        assert after.decoded("DTEND") == before.decoded("DTEND")
        if uid in ended:
            assert str(after["STATUS"]) == "CANCELLED"
            assert str(after["SUMMARY"]) == f"No longer due: {before['SUMMARY']}"
            assert "no longer applies" in str(after["DESCRIPTION"])
        else:  # open ones as they were
            assert str(after["STATUS"]) == str(before["STATUS"]) == "CONFIRMED"
            assert str(after["SUMMARY"]) == str(before["SUMMARY"])
            assert str(after.get("DESCRIPTION", "")) == str(before.get("DESCRIPTION", ""))
    # no METHOD: a file to import, not an invitation (iTIP's CANCEL wants an organizer)
    assert "METHOD" not in Calendar.from_ical(second_path.read_bytes())


def test_a_removed_date_is_taken_back_on_the_day_her_calendar_has(demo_db, tmp_path):
    """A deliverable deleted (or its person erased) has no row left: its event comes back on the
    day the last export gave it, under a title that names nobody."""
    i18n.set_language("en")
    calendar_export.export(tmp_path / "a.ics", NOW)
    first = events_of(tmp_path / "a.ics")
    gone = Deliverable.get_by_id(1)
    Deliverable.delete().where(Deliverable.id == gone.id).execute()
    calendar_export.export(tmp_path / "b.ics", NOW + timedelta(days=1))
    event = events_of(tmp_path / "b.ics")[f"deliverable-{gone.id}@afspraak"]
    assert str(event["STATUS"]) == "CANCELLED"
    assert event.decoded("DTSTART") == first[f"deliverable-{gone.id}@afspraak"].decoded("DTSTART")
    assert str(event["SUMMARY"]) == "No longer due: a date removed from Afspraak"


def test_only_what_an_export_gave_her_calendar_is_taken_back(demo_db, tmp_path):
    """A date that ended before any export never was in her calendar: no cancelled event for it
    (an app may show a cancelled event it never had); the record holds codes and days, no words."""
    delivered = Deliverable.select().where(Deliverable.delivered_at.is_null(False)).first()
    calendar_export.export(tmp_path / "a.ics", NOW)
    calendar_export.export(tmp_path / "b.ics", NOW + timedelta(hours=1))
    events = events_of(tmp_path / "b.ics")
    assert f"deliverable-{delivered.id}@afspraak" not in events
    assert all(str(e["STATUS"]) == "CONFIRMED" for e in events.values())
    record = json.dumps(settings.get("calendar_exported"))
    assert not any(p.name in record for p in Person.select())
    assert set(calendar_record.exported()[1]) == set(events)


def test_a_date_that_comes_back_is_confirmed_again(demo_db, tmp_path):
    ended = ended_in_the_demo()
    CustomOrder.update(status="new").where(CustomOrder.order_number == "#1033").execute()
    Deliverable.update(delivered_at=None).where(Deliverable.id == 1).execute()
    calendar_export.export(tmp_path / "a.ics", NOW)
    ended_in_the_demo()
    calendar_export.export(tmp_path / "b.ics", NOW + timedelta(hours=1))
    CustomOrder.update(status="new").where(CustomOrder.order_number == "#1033").execute()
    Deliverable.update(delivered_at=None).where(Deliverable.id == 1).execute()
    calendar_export.export(tmp_path / "c.ics", NOW + timedelta(hours=2))
    cancelled, again = events_of(tmp_path / "b.ics"), events_of(tmp_path / "c.ics")
    for uid in ended:
        assert str(cancelled[uid]["STATUS"]) == "CANCELLED"
        assert str(again[uid]["STATUS"]) == "CONFIRMED"
        assert int(again[uid]["SEQUENCE"]) > int(cancelled[uid]["SEQUENCE"])


def test_sequence_rises_within_the_same_minute_and_when_the_clock_goes_back(demo_db, tmp_path):
    """A cancellation with the SEQUENCE of the export before it may be ignored as no news."""
    calendar_export.export(tmp_path / "a.ics", NOW)
    ended = ended_in_the_demo()
    calendar_export.export(tmp_path / "b.ics", NOW + timedelta(seconds=5))
    calendar_export.export(tmp_path / "c.ics", NOW - timedelta(days=3))
    a, b, c = (events_of(tmp_path / n) for n in ("a.ics", "b.ics", "c.ics"))
    uid = next(iter(ended))
    assert int(a[uid]["SEQUENCE"]) < int(b[uid]["SEQUENCE"]) < int(c[uid]["SEQUENCE"])


def test_an_ended_date_is_taken_back_for_a_year_then_forgotten(demo_db, tmp_path):
    calendar_export.export(tmp_path / "a.ics", NOW)
    ended = ended_in_the_demo()
    days = {uid: e.decoded("DTSTART") for uid, e in events_of(tmp_path / "a.ics").items() if uid in ended}
    latest = max(days.values())
    # taken back until its day is TAKE_BACK_DAYS past, then no more (and forgotten)
    still = NOW + timedelta(days=(latest - NOW.date()).days + calendar_export.TAKE_BACK_DAYS - 1)
    calendar_export.export(tmp_path / "b.ics", still)
    assert {uid for uid in ended if days[uid] == latest} <= set(events_of(tmp_path / "b.ics"))
    later = NOW + timedelta(days=(latest - NOW.date()).days + calendar_export.TAKE_BACK_DAYS + 2)
    calendar_export.export(tmp_path / "c.ics", later)
    assert not ended & set(events_of(tmp_path / "c.ics"))
    assert not ended & set(calendar_record.exported()[1])


def test_a_file_that_could_not_be_written_remembers_nothing(demo_db, tmp_path):
    calendar_export.export(tmp_path / "a.ics", NOW)
    before = calendar_record.exported()
    ended_in_the_demo()
    with pytest.raises(OSError):
        calendar_export.export(tmp_path / "missing" / "b.ics", NOW + timedelta(hours=1))
    assert calendar_record.exported() == before


def test_a_damaged_record_is_read_as_far_as_it_goes(database):
    settings.set("calendar_exported", {"sequence": "x", "dates": {"deliverable-1@afspraak": "gisteren",
                                                                   "deliverable-2@afspraak": "2026-11-20"}})
    assert calendar_record.exported() == (0, {"deliverable-2@afspraak": date(2026, 11, 20)})
    settings.set("calendar_exported", ["not", "a", "record"])
    assert calendar_record.exported() == (0, {})
    # a UID in the record that names no row of ours is taken back all the same, named by nobody
    settings.set("calendar_exported", {"sequence": 5, "dates": {"something-else@afspraak": "2026-11-20",
                                                                 "order-ready-x@afspraak": "2026-11-20"}})
    events = calendar_export.build_calendar(NOW).walk("VEVENT")
    assert {str(e["UID"]) for e in events} == {"something-else@afspraak", "order-ready-x@afspraak"}
    assert all(str(e["STATUS"]) == "CANCELLED" for e in events)


@pytest.mark.parametrize("language, words", [("nl", "beloofd klaar"), ("en", "promised ready date")])
def test_a_taken_back_title_is_in_the_readers_language(demo_db, tmp_path, language, words):
    calendar_export.export(tmp_path / "a.ics", NOW)
    order = CustomOrder.get(CustomOrder.order_number == "#1033")
    ended_in_the_demo()
    i18n.set_language(language)
    event = events_of_calendar(calendar_export.build_calendar(NOW + timedelta(hours=1)))[
        f"order-ready-{order.id}@afspraak"]
    assert words in str(event["SUMMARY"]) and "#1033" in str(event["SUMMARY"])


def events_of_calendar(cal) -> dict:
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_the_command_takes_back_what_ended_too(demo_db, tmp_path, capsys):
    close_database()
    assert cli.main(["--lang", "en", "calendar", "--out", str(tmp_path / "a.ics")]) == 0
    open_database()
    ended = ended_in_the_demo()
    close_database()
    assert cli.main(["--lang", "en", "calendar", "--out", str(tmp_path / "b.ics")]) == 0
    close_database()
    assert "13 dates written" in capsys.readouterr().out
    events = events_of(tmp_path / "b.ics")
    assert {uid for uid, e in events.items() if str(e["STATUS"]) == "CANCELLED"} == ended


def test_the_window_says_what_was_taken_back_and_promises_no_update(qtbot, demo_db, translator, tmp_path,
                                                                     monkeypatch):
    window = make_window(qtbot, "en")
    out = tmp_path / "menu.ics"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(out))
    window.action_calendar.trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith(f"16 dates exported to {out}.")
    assert "updates it" not in message and "cancelled" not in message
    assert "Not every calendar app updates them on a new import" in message
    assert "empty calendar of its own" in message
    ended_in_the_demo()
    window.action_calendar.trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith(f"13 dates exported to {out}. Not every calendar app")
    assert message.endswith(" 3 dates that ended are in it as cancelled.")


def deliver_the_first_deliverable():
    """One date ended: the first open deliverable delivered."""
    deliverable = Deliverable.get_by_id(1)
    Deliverable.update(delivered_at=NOW).where(Deliverable.id == deliverable.id).execute()
    return {f"deliverable-{deliverable.id}@afspraak"}


@pytest.mark.parametrize("language, lines", [
    ("en", {"open": "{n} dates written to {path}", "one": "1 date that ended is in it as cancelled.",
            "three": "3 dates that ended are in it as cancelled."}),
    ("nl", {"open": "{n} datums opgeslagen in {path}", "one": "1 datum die niet meer geldt, staat erin als geannuleerd.",
            "three": "3 datums die niet meer gelden, staan erin als geannuleerd."}),
])
@pytest.mark.parametrize("ended", ["one", "three"])
def test_the_command_says_how_many_ended_dates_it_wrote_as_cancelled(demo_db, tmp_path, capsys, language, lines,
                                                                      ended):
    """`afspraak calendar` said only the open dates; the ended ones it wrote as cancelled went
    unsaid (the window says them). Both now, each with its plural; none said when there are none."""
    close_database()
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert cli.main(["--lang", language, "calendar", "--out", str(first)]) == 0
    close_database()
    assert capsys.readouterr().out.splitlines() == [lines["open"].format(n=16, path=first)]
    open_database()
    taken_back = ended_in_the_demo() if ended == "three" else deliver_the_first_deliverable()
    close_database()
    assert cli.main(["--lang", language, "calendar", "--out", str(second)]) == 0
    close_database()
    still_open = 16 - len(taken_back)
    assert capsys.readouterr().out.splitlines() == [lines["open"].format(n=still_open, path=second), lines[ended]]
    events = events_of(second)
    assert {uid for uid, e in events.items() if str(e["STATUS"]) == "CANCELLED"} == taken_back
