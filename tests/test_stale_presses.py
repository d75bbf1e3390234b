"""A press on something shown earlier acts only on what is still open (review walk of the
reminders over days): a popup or a notification may still show a step the owner has since
sent from the tray's menu, and its "Afvinken", "Over 1 uur" or "Openen" must not take that
step back, act on it again, or open it as if it were still to do."""

from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest

from desktop import reminders
from desktop.domain.notify import Announcement
from desktop.i18n import _
from desktop.store import due, settings
from desktop.store.models import ReminderState
from desktop.tray import Tray

from .conftest import NOW
from .helpers import Item, describe


@pytest.fixture
def demo(demo_db):
    settings.set("time_zone", "Europe/Amsterdam")
    return demo_db


def by_name(items):
    return {i.person_name: i for i in items}


def state(key):
    found = ReminderState.get_or_none(ReminderState.key == key)
    return None if found is None else found.status


def test_the_store_never_takes_a_sent_step_back(demo):
    """The upsert overwrote whatever was stored: a final notice marked sent went to "done"
    (its strike decision never came) or to "snoozed" (the ladder went back to it)."""
    fleur = by_name(due.due_now(NOW))["Fleur Peeters"]
    assert fleur.step == "4"
    due.mark_sent(fleur, NOW, "instagram", "Mijn laatste herinnering")
    later = NOW + timedelta(minutes=1)
    due.dismiss(fleur, later)
    due.snooze(fleur, later, later + timedelta(hours=1))
    stored = ReminderState.get(ReminderState.key == fleur.key)
    assert (stored.status, stored.at, stored.snoozed_until) == ("sent", NOW, None)
    decision = by_name(due.due_now(NOW + timedelta(days=8, hours=1)))["Fleur Peeters"]
    assert decision.step == "strike"  # the decision the final notice announced still comes
    # a step done without a message is not brought back by an old "in 1 hour" either
    lotte = by_name(due.due_now(NOW))["Lotte Janssens"]
    due.dismiss(lotte, NOW)
    due.snooze(lotte, later, later + timedelta(hours=1))
    assert state(lotte.key) == "dismissed"
    assert by_name(due.plan(later))["Lotte Janssens"].step == "3"


def test_done_on_a_popup_still_up_after_the_final_notice_was_sent(qtbot, demo, frozen_clock, translator):
    """(a) 10:42 a popup shows Fleur's final notice; she opens it from the tray's menu and
    marks it sent; the popup closes, and "Afvinken" pressed on it before it did does not
    take the notice back: the strike decision still comes."""
    frozen_clock.set(NOW)
    tray = Tray(available=False)
    done = []
    tray.done_items.connect(done.append)
    fleur = by_name(reminders.due_items(NOW))["Fleur Peeters"]
    tray.set_items(reminders.due_items(NOW))
    tray.show_announcement(Announcement(items=[fleur], summary=False))
    assert tray.popup.isVisible() and tray.popup.done_button.isVisible()
    stale = list(tray.popup.items)
    due.mark_sent(fleur, NOW, "instagram", "Mijn laatste herinnering")  # from the tray's menu
    tray.set_items(reminders.due_items(NOW + timedelta(minutes=1)))  # what the scheduler hands on at once
    assert not tray.popup.isVisible() and tray.popup.items == []
    reminders.mark_done(stale, NOW + timedelta(minutes=1))  # a press that was on its way
    assert state(fleur.key) == "sent"
    assert by_name(due.due_now(NOW + timedelta(days=8, hours=1)))["Fleur Peeters"].step == "strike"
    tray.hide()


def test_a_press_on_an_old_summary_acts_only_on_what_is_still_open(qtbot, demo):
    """(b) The 09:00 summary: she sends Sanne's step 1 from the menu and Noor answers; then
    "Over 1 uur" on the summary. Sanne's step stays sent (the plan goes on to step 2), Noor's
    answered step gets nothing written, and only Lotte's is moved, with its own undo step."""
    shown = by_name(due.due_now(NOW))
    sanne, lotte, noor = shown["Sanne de Vries"], shown["Lotte Janssens"], shown["Noor Bakker"]
    due.mark_sent(sanne, NOW, "instagram", "Hoi Sanne")
    due.mark_reply(noor, NOW, "instagram", "Sorry, ik post hem morgen!")
    undo = []
    reminders.undoable.connect(lambda what, change: undo.append(what))
    at = NOW + timedelta(minutes=1)
    reminders.snooze([sanne, lotte, noor], at + timedelta(hours=1), at)
    assert state(sanne.key) == "sent"
    assert by_name(due.plan(at))["Sanne de Vries"].step == "2"
    assert state(lotte.key) == "snoozed"
    assert state(noor.key) is None  # her answer stopped that step: nothing is recorded about it
    assert undo == [_("reminder for {name} moved later").format(name="Lotte Janssens")]
    assert reminders.current([sanne, noor], at) == []
    [again] = reminders.current([lotte], at)
    assert again.key == lotte.key and again.due == at + timedelta(hours=1)  # as it is now


def test_open_on_an_old_notification_opens_today_instead_of_the_step_sent(demo, frozen_clock):
    """(c) "Openen" on a notification of Sanne's step 1, sent since from the menu: it opened
    the step ("Aan de beurt sinds …") and "Verstuurd" logged a second step 1. Now Vandaag
    opens; a step still open opens as the ladder plans it now."""
    from desktop.app import Application

    sanne = by_name(due.due_now(NOW))["Sanne de Vries"]
    lotte = by_name(due.due_now(NOW))["Lotte Janssens"]
    due.mark_sent(sanne, NOW, "instagram", "Hoi Sanne")
    frozen_clock.set(NOW + timedelta(hours=3))
    opened = []
    app = SimpleNamespace(bring_to_front=lambda: None, window=SimpleNamespace(
        show_today=lambda: opened.append("today"), open_due_item=opened.append))
    Application.open_item(app, sanne)
    assert opened == ["today"]
    Application.open_item(app, lotte)
    assert opened[1] is not lotte and opened[1].key == lotte.key


# --- the popup itself ---------------------------------------------------------------------

T0 = datetime(2026, 11, 23, 10, 0)


def test_the_popup_follows_what_is_still_due_and_closes_when_nothing_is(qtbot, translator):
    tray = Tray(available=False, describe=describe)
    items = [Item("a", T0, person_name="Anna"), Item("b", T0, person_name="Bo"), Item("c", T0, person_name="Cas")]
    tray.set_items(items)
    tray.show_announcement(Announcement(items=items, summary=True))
    assert tray.popup.title.text() == "3 herinneringen"
    tall = tray.popup.height()
    snoozed = []
    tray.snooze_items.connect(lambda shown, how: snoozed.append([i.key for i in shown]))
    tray.set_items(items[1:])  # Anna's handled from the menu
    assert [i.key for i in tray.popup.items] == ["b", "c"]
    assert tray.popup.title.text() == "2 herinneringen" and "Anna" not in tray.popup.shown_text()
    assert not tray.popup.done_button.isVisible()
    assert tray.popup.height() < tall  # it shrinks to what it says, no gap where Anna was
    tray.set_items(items[2:])
    assert tray.popup.isVisible() and tray.popup.title.text() == "Herinnering"
    assert tray.popup.shown_text() == "Cas: Reel is 2 dagen te laat" and tray.popup.done_button.isVisible()
    tray.popup.hour_button.click()
    assert snoozed == [["c"]]  # what it says, nothing it said before
    tray.show_announcement(Announcement(items=items[:1], summary=False))
    tray.set_items([])
    assert not tray.popup.isVisible()
    tray.hide()


def test_the_popups_morning_button_names_the_day_it_brings_the_reminder_back(qtbot, translator, frozen_clock):
    """Shown on Friday evening, "Morgen 09:00" is Saturday; still up on Saturday, a press
    brings the reminder back on Monday (Sunday is a day off), and the button says so."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QEnterEvent
    from PySide6.QtWidgets import QApplication

    friday_evening = datetime(2026, 11, 27, 19, 0)  # 20:00 in Amsterdam
    frozen_clock.set(friday_evening)
    tray = Tray(available=False, describe=describe)
    items = [Item("a", friday_evening)]
    tray.set_items(items)
    tray.show_announcement(Announcement(items=items, summary=False))
    assert tray.popup.tomorrow_button.text() == "Morgen 09:00"
    frozen_clock.set(datetime(2026, 11, 28, 9, 30))  # Saturday 10:30
    tray.set_items(items)  # the scheduler's next check
    assert tray.popup.tomorrow_button.text() == "Maandag 09:00"
    frozen_clock.set(datetime(2026, 11, 29, 23, 30))  # 00:30 on Monday night: on the way to a button
    QApplication.sendEvent(tray.popup, QEnterEvent(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5)))
    assert tray.popup.tomorrow_button.text() == "Vandaag 09:00"
    tray.hide()


# --- a reminder's window left open ---------------------------------------------------------

def _open_dialog(qtbot, item, now):
    from desktop.views.due_dialog import DueStepDialog

    dialog = DueStepDialog(item, now=lambda: now)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _told(monkeypatch):
    from desktop.views import dialogs

    told = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append((title, text)))
    return told


def _reminders_logged(item):
    from desktop.store.models import Event

    return Event.select().where(Event.kind == "reminder", Event.person == item.person_id,
                                Event.subject_type == item.subject_type, Event.subject_id == item.subject_id,
                                Event.step == item.step).count()


@pytest.mark.parametrize("elsewhere", ["sent", "done"])
def test_verstuurd_in_a_window_left_open_after_the_step_was_handled_elsewhere(qtbot, demo, translator, monkeypatch,
                                                                               elsewhere):
    """Sanne's step 1 open in its window; meanwhile it is marked sent from the tray's menu (or
    done on Vandaag). "Verstuurd" in the old window logged a second step 1 (or a message for a
    step she had closed): now it changes nothing, says what happened, and the window closes."""
    sanne = by_name(due.due_now(NOW))["Sanne de Vries"]
    at = NOW + timedelta(minutes=5)
    dialog = _open_dialog(qtbot, sanne, at)
    acted = []
    dialog.acted.connect(acted.append)
    if elsewhere == "sent":
        due.mark_sent(sanne, NOW + timedelta(minutes=2), "instagram", "Hoi Sanne")
    else:
        reminders.mark_done([sanne], NOW + timedelta(minutes=2))
    logged = _reminders_logged(sanne)
    told = _told(monkeypatch)
    undo = []
    reminders.undoable.connect(lambda what, change: undo.append(what))
    dialog.sent_button.click()
    assert _reminders_logged(sanne) == logged  # nothing logged a second time
    assert state(sanne.key) == ("sent" if elsewhere == "sent" else "dismissed")
    assert acted == [] and undo == []
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected
    [(title, text)] = told
    assert title == _("Already handled") and "Sanne de Vries" in text
    said = (_("While this window was open, this message to {name} was already marked as sent ({moment}).")
            if elsewhere == "sent" else
            _("While this window was open, this reminder for {name} was already marked as done ({moment})."))
    assert text.startswith(said.split("{name}")[0]) and said.split("{name}")[1].split("(")[0] in text
    assert _("Nothing was changed or logged a second time. Today shows what is still to do.") in text


def test_every_press_of_the_old_window_is_refused_and_english_says_so(qtbot, demo, translator, monkeypatch, frozen_clock):
    """The other buttons too: snooze, done, "reply received", "sent on an earlier day": none of
    them acts on a step handled since (an old "In 1 hour" put a sent step back); in English."""
    from desktop import i18n
    from desktop.views import dialogs

    i18n.set_language("en")
    try:
        sanne = by_name(due.due_now(NOW))["Sanne de Vries"]
        due.mark_sent(sanne, NOW, "instagram", "Hoi Sanne")
        asked = []
        monkeypatch.setattr(dialogs, "run", lambda dialog: asked.append(dialog) or True)
        for press in ("snooze", "dismiss", "reply", "earlier"):
            dialog = _open_dialog(qtbot, sanne, NOW + timedelta(minutes=5))
            told = _told(monkeypatch)
            {"snooze": dialog.snooze_hour.trigger, "dismiss": dialog.dismiss_button.click,
             "reply": dialog.reply_button.click, "earlier": dialog.sent_earlier_button.click}[press]()
            assert state(sanne.key) == "sent", press
            assert asked == [], press  # no day asked: nothing to log
            assert told and told[0][0] == "Already handled", press
            said = told[0][1].replace("\u00a0", " ")
            assert said.startswith("While this window was open, this message to Sanne de Vries was already "
                                   "marked as sent (23 Nov 2026, 10:30)."), said
            assert not dialog.isVisible(), press
    finally:
        i18n.set_language("nl")


def test_a_strike_pressed_in_a_window_left_open_is_not_given_twice(qtbot, demo, translator, monkeypatch):
    """Fleur's strike decision open in its window; the strike is given from another window.
    "Strike geven" in the old one gave her a second strike."""
    from desktop.store.models import Strike

    fleur = by_name(due.due_now(NOW))["Fleur Peeters"]
    due.mark_sent(fleur, NOW, "instagram", "Mijn laatste herinnering")
    later = NOW + timedelta(days=8, hours=1)
    decision = by_name(due.due_now(later))["Fleur Peeters"]
    assert decision.action == "strike"
    dialog = _open_dialog(qtbot, decision, later)
    from desktop.presentation import due_texts

    due.apply_strike(decision, later, **due_texts.strike_words(decision))
    strikes = Strike.select().where(Strike.person == decision.person_id).count()
    told = _told(monkeypatch)
    dialog.strike_button.click()
    assert Strike.select().where(Strike.person == decision.person_id).count() == strikes
    assert told and "Fleur Peeters" in told[0][1]


def test_a_step_only_moved_elsewhere_is_still_sent_from_the_window(qtbot, demo, translator, monkeypatch):
    """Snoozed from a popup is still open: "Verstuurd" in the window logs it, once."""
    sanne = by_name(due.due_now(NOW))["Sanne de Vries"]
    dialog = _open_dialog(qtbot, sanne, NOW + timedelta(minutes=5))
    reminders.snooze([sanne], NOW + timedelta(hours=1), NOW + timedelta(minutes=2))
    told = _told(monkeypatch)
    logged = _reminders_logged(sanne)
    dialog.sent_button.click()
    assert told == []
    assert state(sanne.key) == "sent" and _reminders_logged(sanne) == logged + 1
