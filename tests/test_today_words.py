"""Vandaag's words for what the owner has to do (review walk, an owner's first two weeks):
a strike decision says what it is about and what each choice does (F4), a reminder that
came due on Saturday is still to do on Sunday, and "tomorrow morning" names the day it
really comes back (F5), a direct message has no e-mail subject line over it (F3), and the
news of a late custom order leaves the new date to the owner (F6)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QPushButton

from desktop import clock, i18n
from desktop.presentation import due_texts
from desktop.store import due

from .conftest import NOW
from .helpers import make_window

AMS = ZoneInfo("Europe/Amsterdam")


def utc(y, m, d, h, mi=0):
    """A local Amsterdam wall time as naive UTC."""
    return datetime(y, m, d, h, mi, tzinfo=AMS).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


FRIDAY = utc(2026, 11, 27, 9, 30)
SATURDAY = utc(2026, 11, 28, 9, 30)
SUNDAY = utc(2026, 11, 29, 12, 0)


@pytest.fixture
def shop_from_friday(database, translator, frozen_clock):
    """The example shop as made on Friday 27 November (its reminders due from then on)."""
    from desktop import demo

    frozen_clock.set(FRIDAY)
    demo.fill(FRIDAY)
    return frozen_clock


def _today(qtbot, language="nl"):
    window = make_window(qtbot, language, size=(1366, 768))
    window.show_today()
    return window, window.current_view()


def _select(view, qtbot, pick):
    from PySide6.QtCore import QCoreApplication, QEvent

    for index, row in view.item_rows():
        if pick(view.items[row.id]):
            view.table.selectRow(index)
            QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
            QCoreApplication.processEvents()
            return view.items[row.id]
    raise AssertionError("no row for it")


def _fields(view) -> dict[str, str]:
    form = view.detail.findChild(QFormLayout)
    return {form.itemAt(r, QFormLayout.LabelRole).widget().text(): form.itemAt(r, QFormLayout.FieldRole).widget().text()
            for r in range(form.rowCount())}


def _box(view) -> str:
    return view.detail.findChild(QPlainTextEdit, "todayMessage").toPlainText()


def _button(view, name) -> QPushButton:
    return view.detail_footer.findChild(QPushButton, name)


# --- F5: a day off -----------------------------------------------------------------------

def test_what_came_due_before_sunday_stays_to_do_on_sunday_with_its_count(qtbot, shop_from_friday):
    from desktop import reminders
    from desktop.domain.notify import PopupPolicy

    shop_from_friday.set(SUNDAY)
    window, view = _today(qtbot)
    rows = [row for _i, row in view.item_rows()]
    now_rows = [row for row in rows if row.extra["group"] == "now"]
    count = view.due_now_count()
    assert count == len(now_rows) >= 5
    assert window.sidebar.item(0).text() == f"Vandaag ({count})"
    assert view.model.rows[0].cells[0] == f"Nu te doen: {count} herinneringen"
    # each says since when it waits (Friday, or earlier), never the Monday it may be sent
    assert all(row.cells[0].startswith("Sinds ") for row in now_rows), [row.cells[0] for row in now_rows]
    moments = [min(p.due for p in view.items[row.id].parts) for row in now_rows]
    assert moments == sorted(moments)  # most urgent first, as on any other day
    monday = utc(2026, 11, 30, 9)
    assert all(view.items[row.id].due == monday for row in now_rows)  # the ladder writes again on Monday
    item = _select(view, qtbot, lambda i: i.action == "message")
    fields = _fields(view)
    assert fields["Aan de beurt sinds"] == i18n.list_moment(clock.to_local(item.own_due)) and item.own_due < SUNDAY
    note = view.detail.findChild(QLabel, "todayWaitingNote")
    assert note is not None and "maandag 30 november" in note.text().replace("\u00a0", " ")
    # the tray's count is the same; nothing pops up on a Sunday
    waiting = reminders.due_items(SUNDAY)
    assert len(waiting) == count
    assert PopupPolicy().decide(SUNDAY, waiting, lambda moment: False) is None


def test_in_the_quiet_hours_what_came_due_today_is_still_to_do(qtbot, demo_db, translator, frozen_clock):
    """At 23:30 the morning's reminders were listed as "Next 7 days · 24 Nov" and the count
    went away until 09:00; they are still to do, and nothing new comes before the morning."""
    frozen_clock.set(utc(2026, 11, 23, 23, 30))
    window, view = _today(qtbot, "en")
    now_rows = [row for _i, row in view.item_rows() if row.extra["group"] == "now"]
    assert len(now_rows) == view.due_now_count() >= 5
    assert window.sidebar.item(0).text() == f"Today ({len(now_rows)})"
    _select(view, qtbot, lambda i: i.action == "message" and i.due > utc(2026, 11, 23, 23, 30))
    note = view.detail.findChild(QLabel, "todayWaitingNote").text().replace("\u00a0", " ")
    assert note == "No new reminders come up until Tuesday 24 November, 09:00. This one was already waiting."


def test_on_a_working_day_no_note_and_the_same_list(qtbot, shop_from_friday):
    window, view = _today(qtbot)
    assert all(row.cells[0] != "" for _i, row in view.item_rows())
    _select(view, qtbot, lambda i: i.due <= FRIDAY)
    assert view.detail.findChild(QLabel, "todayWaitingNote") is None


def test_tomorrow_morning_on_saturday_is_named_monday_and_brings_it_back_then(qtbot, shop_from_friday):
    from desktop.store.models import ReminderState

    shop_from_friday.set(SATURDAY)
    window, view = _today(qtbot)
    item = _select(view, qtbot, lambda i: i.action == "message" and i.due <= SATURDAY)
    button = _button(view, "todayTomorrow")
    assert button.text() == "Maandag 09:00"
    button.click()
    qtbot.waitUntil(lambda: ReminderState.get_or_none(ReminderState.key == item.key) is not None)
    back = next(i for i in due.plan(SATURDAY) if i.key == item.key)
    assert back.due == utc(2026, 11, 30, 9)  # Monday, as the button said
    shop_from_friday.set(FRIDAY)
    view.refresh()
    _select(view, qtbot, lambda i: i.due <= FRIDAY)
    assert _button(view, "todayTomorrow").text() == "Morgen 09:00"


@pytest.mark.parametrize(("now", "skip_weekends", "words"), [
    (utc(2026, 11, 27, 9, 30), False, "Tomorrow 09:00"),  # Friday: Saturday is a working day
    (utc(2026, 11, 27, 9, 30), True, "Monday 09:00"),  # ...unless she keeps her weekends free
    (utc(2026, 11, 28, 9, 30), False, "Monday 09:00"),  # Saturday: Sunday is a day off
    (utc(2026, 12, 24, 10), False, "Monday 09:00"),  # Christmas Eve: Christmas, Boxing Day, Sunday
    (utc(2026, 11, 24, 2), False, "Today 09:00"),  # in the night: this morning
], ids=["friday", "friday-weekends-free", "saturday", "christmas-eve", "night"])
def test_the_snooze_button_names_the_day_it_comes_back(now, skip_weekends, words):
    i18n.set_language("en")
    clock.set_owner(clock.OwnerTime(tz=AMS, skip_weekends=skip_weekends, country="NL"))
    assert due_texts.snooze_morning_label(now) == words
    i18n.set_language("nl")
    dutch = {"Tomorrow 09:00": "Morgen 09:00", "Monday 09:00": "Maandag 09:00"}
    if words in dutch:
        assert due_texts.snooze_morning_label(now) == dutch[words]


# --- F3: no subject line over a direct message --------------------------------------------

def test_only_an_email_has_its_subject_line_in_the_box(qtbot, demo_db, translator):
    window, view = _today(qtbot)
    seen = set()
    for index, row in view.item_rows():
        item = view.items[row.id]
        if item.action != "message":
            continue
        view.table.selectRow(index)
        message = due_texts.preview(item, NOW)
        text, body = _box(view), message.body.replace("\u00a0", " ")  # the box shows a no-break space as one
        if item.channel == "email":
            assert text == message.subject.replace("\u00a0", " ") + "\n\n" + body
        else:
            assert text == body and message.subject not in text, item.channel
        seen.add(item.channel)
    assert {"instagram", "phone", "email"} <= seen


def test_a_call_says_whom_to_ring_and_what_the_message_is_for(qtbot, demo_db, translator):
    window, view = _today(qtbot, "en")
    item = _select(view, qtbot, lambda i: i.channel == "phone")
    words = view.detail.findChild(QLabel, "todayPhoneWords").text()
    number = due.contact_info(item.person_id).phone
    assert number and words == f"Call {item.person_name} on {number}. No answer? Send this message as a text instead."


# --- F6: the new date of a late order is the owner's ---------------------------------------

def test_a_late_orders_news_leaves_the_new_date_open_until_the_dialog_asks_for_it(qtbot, demo_db, translator,
                                                                                 monkeypatch):
    from desktop.domain import orders
    from desktop.store.models import CustomOrder, Event
    from desktop.views import due_dialog, order_message

    monkeypatch.setattr(order_message, "open_url", lambda url: True)
    window, view = _today(qtbot)
    item = _select(view, qtbot, lambda i: i.kind == "custom_order" and i.step == "late")
    order = CustomOrder.get_by_id(item.subject_id)
    proposal = orders.propose_new_date(order.promised_ready, clock.to_local(NOW).date(), "NL")
    text = _box(view)
    assert due_texts.new_date_hole() in text
    box = view.detail.findChild(QPlainTextEdit, "todayMessage")
    # a preview she cannot copy with its hole: only the dialog hands the message over
    assert box.textInteractionFlags() == Qt.NoTextInteraction and box.contextMenuPolicy() == Qt.NoContextMenu
    assert i18n.format_date(proposal, "d MMMM") not in text.replace("\u00a0", " ")
    hints = [label.text() for label in view.detail.findChildren(QLabel)]
    assert "„Openen en versturen…” vraagt om de nieuwe datum en vult die in." in hints
    dialog = due_dialog.open_due_item(item, view)
    qtbot.addWidget(dialog)
    assert dialog.step() == "order_delay" and dialog.new_date.isVisible()
    assert due_texts.new_date_hole() not in dialog.body.toPlainText()
    chosen = proposal + timedelta(days=3)
    from desktop.views.forms import to_qdate

    dialog.new_date.setDate(to_qdate(chosen))
    assert i18n.format_date(chosen, "d MMMM") in dialog.body.toPlainText().replace("\u00a0", " ")
    dialog.mark_sent()
    sent = Event.select().where(Event.kind == "message", Event.direction == "out").order_by(Event.id.desc()).first()
    assert sent is not None and due_texts.new_date_hole() not in sent.text
    assert CustomOrder.get_by_id(item.subject_id).promised_ready == chosen


def test_the_proposed_new_date_is_a_day_the_shop_works():
    from desktop.domain import orders

    # a week on from Saturday 14 November is Saturday 21 November
    assert orders.propose_new_date(date(2026, 11, 13), date(2026, 11, 14), "NL") == date(2026, 11, 21)
    assert orders.propose_new_date(date(2026, 11, 13), date(2026, 11, 14), "NL", skip_weekends=True) == \
        date(2026, 11, 23)
    # ...and a week on from 18 December is Christmas: after Boxing Day and the weekend
    assert orders.propose_new_date(date(2026, 12, 18), date(2026, 12, 10), "NL", skip_weekends=True) == \
        date(2026, 12, 28)


# --- F4: the strike decision -----------------------------------------------------------

def _to_the_first_strike(frozen_clock) -> datetime:
    """The owner sends every message the day it comes, until a strike is to decide."""
    now = NOW
    while now < datetime(2026, 12, 20):
        items = due.plan(now)
        if any(i.action == "strike" and i.due <= now for i in items):
            frozen_clock.set(now)
            return now
        for item in items:
            if item.due <= now and item.action == "message":
                due.mark_sent(item, now, item.channel or "email", due_texts.compose(item, now).body)
        now += timedelta(days=1)
    raise AssertionError("no strike decision came")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_strike_decision_says_what_it_is_about_and_what_each_choice_does(qtbot, demo_db, translator,
                                                                            frozen_clock, monkeypatch, language):
    from desktop.domain import followup
    from desktop.store import influencers
    from desktop.store.models import Person, ReminderState
    from desktop.views import due_dialog

    now = _to_the_first_strike(frozen_clock)
    window, view = _today(qtbot, language)
    item = _select(view, qtbot, lambda i: i.action == "strike" and i.due <= now)
    notice = max(s.at for s in ReminderState.select().where(ReminderState.status == "sent")
                 if s.key.rpartition(":")[0] == item.key.rpartition(":")[0] and s.key.endswith(":4"))
    until = followup.pause_date(notice, due.ladder_settings())
    person = Person.get_by_id(item.person_id)
    policy = influencers.policy()
    count = len([s for s in person.strikes if s.lifted_at is None]) + 1
    text = _box(view).replace("\u00a0", " ")

    def day(value) -> str:
        return i18n.format_date(value, "EEEE d MMMM")

    assert day(clock.to_local(notice).date()) in text and day(until) in text
    if language == "en":
        assert text.startswith(f"No answer from {item.person_name} since the final reminder sent on ")
        assert f"This will be strike {count} of {policy.to_inactive}." in text
        assert "“Not fulfilled”" in text and "“Ended early”" in text
        assert (_button(view, "todayOpen").text(), _button(view, "todayDone").text()) == (
            "Decide…", "End without strike")
    else:
        assert f"Dit wordt waarschuwing {count} van {policy.to_inactive}." in text
        assert "„Niet nagekomen”" in text and "„Voortijdig gestopt”" in text
        assert _button(view, "todayDone").text() == "Beëindigen zonder waarschuwing"
    assert "a call, or a strike" not in text and "even bellen" not in text  # not the generic words
    opened = []
    monkeypatch.setattr(due_dialog, "open_due_item", lambda it, parent=None, on_acted=None: opened.append(it))
    _button(view, "todayOpen").click()
    assert [i.key for i in opened] == [item.key]  # "Decide…" opens the decision


def test_the_strike_words_name_the_limit_when_this_strike_reaches_it():
    i18n.set_language("en")
    from desktop.domain.followup import DueItem

    item = DueItem(1, "Tess", "deliverable", "deliverable", 1, "strike", "", NOW, "k", "", action="strike")
    facts = {"notice_sent": None, "counting": 2, "to_inactive": 3, "lift_when_delivered": True, "status": "active"}
    words = due_texts.strike_decision_words(item, NOW, facts)
    assert words.startswith("No answer from Tess since the final reminder.")
    assert ("This will be strike 3 of 3. The influencer becomes inactive: no new collaborations until the "
            "outstanding work is posted.") in words
    words = due_texts.strike_decision_words(item, NOW, {**facts, "lift_when_delivered": False})
    assert "This will be strike 3 of 3. The influencer becomes inactive: no new collaborations.\n" in words
    words = due_texts.strike_decision_words(item, NOW, {**facts, "counting": 0})
    assert "This will be strike 1 of 3.\n" in words and "inactive" not in words


def test_afspraak_due_in_the_night_names_when_a_waiting_step_comes_next(demo_db, capsys):
    """`afspraak due` in the quiet hours lists what the tray counts (review walk: it said
    "Nothing is due" while the tray counted nine); each step waiting through the night names
    when reminders come again, not the morning it first came up."""
    from desktop import cli
    from desktop.store import settings
    from desktop.store.db import close_database

    settings.set("time_zone", "Europe/Amsterdam")
    close_database()
    assert cli.main(["due", "--lang", "en", "--at", "2026-11-23T23:30"]) == 0
    close_database()
    out = capsys.readouterr().out.replace("\u00a0", " ")
    assert "Nothing is due" not in out
    waits = [line for line in out.splitlines() if "No new reminders come up until" in line]
    assert len(waits) == out.count("── ") >= 5
    # the news before an order's ready date of Tuesday 24 November lapses that day: it cannot wait
    cannot = [line for line in waits if "This news cannot wait that long: send it before Tuesday 24 November" in line]
    assert len(cannot) == 1, waits
    assert all("until Tuesday 24 November, 09:00. This one was already waiting." in line
               for line in waits if line not in cannot), waits


def test_the_popup_and_the_notification_name_the_same_day(qtbot, frozen_clock):
    """A popup on Saturday offered "Tomorrow 09:00" too: its button and the notification's
    say Monday, as Vandaag's does."""
    from desktop import notifications
    from desktop.domain.notify import Announcement
    from desktop.tray import ReminderPopup

    from .helpers import Item, describe

    i18n.set_language("en")
    frozen_clock.set(SATURDAY)
    announcement = Announcement(items=[Item("k", SATURDAY)], summary=False)
    assert (notifications.TOMORROW, "Monday 09:00") in notifications.buttons_for(announcement)
    popup = ReminderPopup()
    qtbot.addWidget(popup)
    popup.show_announcement(announcement, describe)
    assert popup.tomorrow_button.text() == "Monday 09:00"
