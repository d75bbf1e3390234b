"""The decision after a final reminder nobody answered tells her the collaboration ended
(review of the influencer walk, 2026-12-06):

1. "Waarschuwing geven" or "Beëindigen zonder waarschuwing" ended the collaboration, closed
   the window and offered no message; the pane then had no "Beëindigen…" either, so the
   notice's "dan zet ik onze samenwerking stop" was never followed by a word. Now the ending
   message comes in the same flow ("Nu niet" skips it), and the pane offers "Afsluitend
   bericht…" until one is marked sent.
2. A joint decision's header called its second part "also in this message": a decision has none.
3. Snooze or done in a step's window told the reminders twice (two scans): once now.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop import i18n, reminders
from desktop.presentation import due_texts
from desktop.store import due, influencer_detail, settings
from desktop.store.models import Collaboration, Event, Person
from desktop.views import dialogs
from desktop.views.due_dialog import DueStepDialog, open_due_item
from desktop.views.small_dialogs import EndingMessageDialog

from .conftest import NOW


@pytest.fixture
def demo(demo_db, translator):
    settings.set("time_zone", "Europe/Amsterdam")
    i18n.set_language("en")  # the catalogs' Dutch for the new sentences comes with the lead's merge
    yield demo_db
    i18n.set_language("nl")


def _decision(language="en"):
    """Fleur's decision: her final reminder sent at NOW, unanswered for eight days."""
    fleur = next(i for i in due.due_now(NOW) if i.person_name == "Fleur Peeters")
    assert fleur.step == "4"
    Person.update(language=language).where(Person.id == fleur.person_id).execute()
    due.mark_sent(fleur, NOW, "instagram", "My final reminder")
    later = NOW + timedelta(days=8, hours=1)
    decision = next(i for i in due.due_now(later) if i.person_name == "Fleur Peeters")
    assert decision.action == "strike"
    return decision, later


def _offered(monkeypatch, send: bool):
    """Plays the owner in the dialogs that open: the ending message marked sent, or "Not now"."""
    seen = []

    def run(dialog):
        seen.append(dialog)
        return dialog.save() if send else False

    monkeypatch.setattr(dialogs, "run", run)
    return seen


def _ended(decision):
    ids = [c for (c,) in Collaboration.select(Collaboration.id).where(
        Collaboration.person == decision.person_id, Collaboration.status.in_(("ended", "failed"))).tuples()]
    assert ids
    return ids


def _messages_about(ids):
    return Event.select().where(Event.kind == "message", Event.direction == "out",
                                Event.subject_type == "collaboration", Event.subject_id.in_(ids)).count()


@pytest.mark.parametrize("choice", ["strike", "without"])
def test_the_decision_offers_the_ending_message_at_once(qtbot, demo, monkeypatch, frozen_clock, choice):
    decision, later = _decision()
    frozen_clock.set(later)
    seen = _offered(monkeypatch, send=True)
    acted = []
    dialog = open_due_item(decision, None, on_acted=acted.append)
    qtbot.addWidget(dialog)
    (dialog.strike_button if choice == "strike" else dialog.dismiss_button).click()
    [offer] = seen
    assert isinstance(offer, EndingMessageDialog)
    assert offer.windowTitle() == "Closing message to Fleur Peeters"
    text = offer.w("message").toPlainText()
    # in her language (English here), her form, the collaboration by name, the reason as it is
    title = Collaboration.get_by_id(_ended(decision)[0]).title
    assert text.startswith("Hello Fleur,\n\nWe've decided to end our collaboration “" + title + "”. The reason: "
                           "we haven't heard from you since our final reminder.\n\nThank you for your time"), text
    assert "strike" not in text.lower()  # the shop's own record, said neither way
    assert "Not now?" in offer.w("prompt").text()
    assert offer.buttons.button(offer.buttons.StandardButton.Close).text() == "Not now"
    assert _messages_about(_ended(decision)) == 1
    assert acted[-1] == "told"  # the views and the reminders hear of the message
    assert influencer_detail.untold_endings(decision.person_id) == []


def test_not_now_leaves_the_ending_message_in_her_pane(qtbot, demo, monkeypatch, frozen_clock):
    from desktop.views.main_window import MainWindow
    from PySide6.QtWidgets import QPushButton

    decision, later = _decision()
    frozen_clock.set(later)
    seen = _offered(monkeypatch, send=False)
    dialog = open_due_item(decision, None)
    qtbot.addWidget(dialog)
    dialog.dismiss_button.click()
    assert len(seen) == 1 and _messages_about(_ended(decision)) == 0
    [ending] = influencer_detail.untold_endings(decision.person_id)
    assert ending.why == "last_reminder_no_strike" and set(ending.collaborations) == set(_ended(decision))

    window = MainWindow()
    qtbot.addWidget(window)
    window.show_view("influencers")
    view = window.view("influencers")
    view.refresh()
    view.show_detail(decision.person_id)

    def closing_buttons():
        return [b for b in view.detail.findChildren(QPushButton) if b.text() == "Closing message…"
                and not b.isHidden()]

    [button] = closing_buttons()
    seen = _offered(monkeypatch, send=True)
    button.click()
    [offer] = seen
    assert "we haven't heard from you since our final reminder" in offer.w("message").toPlainText()
    assert _messages_about(_ended(decision)) == 1
    view.show_detail(decision.person_id)
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert closing_buttons() == []  # told: the button is gone


def test_an_ending_told_in_the_end_dialog_is_not_offered_again(demo):
    """"Beëindigen…" with its message marked sent told her; unticked, the pane offers it later."""
    from desktop.store import influencers as ops

    person = Person.get(Person.name == "Fleur Peeters")
    Person.update(language="en").where(Person.id == person.id).execute()
    person = Person.get_by_id(person.id)
    told, untold = (Collaboration.create(person=person, title=title, status="agreed", created_at=NOW)
                    for title in ("Ring in a post", "Bracelet in a story"))
    ops.end_collaboration(told, "the timing", "Hi Fleur, we end it.", NOW)
    assert all(told.id not in e.collaborations for e in influencer_detail.untold_endings(person.id))
    ops.end_collaboration(untold, "the timing", None, NOW + timedelta(minutes=1))
    [ending] = [e for e in influencer_detail.untold_endings(person.id) if untold.id in e.collaborations]
    assert ending.why == ""  # the owner's own reason: the message quotes it
    body = due_texts.ending_message(person, [untold.title], NOW, ending.why, "the timing").body
    assert "The reason: the timing." in body


def test_vandaag_end_without_strike_offers_the_message_too(qtbot, demo, monkeypatch, frozen_clock):
    from desktop.views.today import TodayView

    decision, later = _decision()
    frozen_clock.set(later)
    seen = _offered(monkeypatch, send=False)
    view = TodayView()  # its clock is the frozen one, at ``later``
    qtbot.addWidget(view)
    view._decide_without_strike(decision)
    assert [type(d).__name__ for d in seen] == ["EndingMessageDialog"]
    assert Collaboration.get_by_id(_ended(decision)[0]).status == "ended"


@pytest.mark.parametrize("send", [True, False])
def test_done_from_the_tray_offers_the_ending_message_over_the_window_brought_up(qtbot, demo, monkeypatch,
                                                                                 frozen_clock, send):
    """Task-ends review, gap 2: "Done" reaching the app from the tray's popup or a notification
    (``Tray.done_items`` → ``Application._done``) ended the collaboration without a strike and
    offered no message, while the same answer in Vandaag or the step's window did. It takes
    their path now (``small_dialogs.mark_done``): the main window comes up and the ending
    message is offered over it; "Not now" leaves it in her pane."""
    from desktop import app as app_module
    from desktop.tray import Tray
    from desktop.views.main_window import MainWindow

    decision, later = _decision()
    frozen_clock.set(later)
    window = MainWindow()  # the app lives in the tray: its window is hidden
    qtbot.addWidget(window)
    assert not window.isVisible()
    shell = app_module.Application.__new__(app_module.Application)  # only its window is asked
    shell.window, shell.marks = window, False
    seen = []

    def run(dialog):
        seen.append((dialog, window.isVisible()))
        return dialog.save() if send else False

    monkeypatch.setattr(dialogs, "run", run)
    told = []
    reminders.changed.connect(lambda: told.append(1))
    tray = Tray(available=False)
    try:
        tray.done_items.connect(shell._done)
        tray.done_items.emit([decision])  # what the popup's and a notification's "Done" send
    finally:
        reminders.changed.disconnect()
        tray.hide()
    [(offer, window_shown)] = seen
    assert isinstance(offer, EndingMessageDialog) and offer.parent() is window and window_shown
    assert offer.windowTitle() == "Closing message to Fleur Peeters"
    assert Collaboration.get_by_id(_ended(decision)[0]).status == "ended"
    assert _messages_about(_ended(decision)) == (1 if send else 0)
    assert len(told) == (2 if send else 1)  # the message marked sent counts for the reminders too
    assert bool(influencer_detail.untold_endings(decision.person_id)) is not send


def test_done_from_the_tray_on_a_message_opens_nothing(qtbot, demo, monkeypatch, frozen_clock):
    """A plain reminder done from the tray ends nothing: no offer, and the hidden window stays hidden."""
    from desktop import app as app_module
    from desktop.views.main_window import MainWindow

    seen = _offered(monkeypatch, send=True)
    window = MainWindow()
    qtbot.addWidget(window)
    shell = app_module.Application.__new__(app_module.Application)
    shell.window, shell.marks = window, False
    sanne = next(i for i in due.due_now(NOW) if i.person_name == "Sanne de Vries")
    shell._done([sanne])
    assert seen == [] and not window.isVisible()
    assert not any(i.key == sanne.key for i in due.due_now(NOW))


# --- a joint decision: several collaborations ---------------------------------------------------

from tests import test_ladder_conversation as conversation  # noqa: E402
from tests.test_ladder_conversation import START, _collab, _person  # noqa: E402

shop = conversation.shop


def _joint_decision(frozen_clock):
    y = _person("Yara Smit", email="yara@example.nl")
    Person.update(language="en").where(Person.id == y.id).execute()
    _collab(y, "Necklace in a reel", [("reel", date(2026, 12, 2), 1)], shop_products["KM"], START - timedelta(days=40))
    _collab(y, "Earrings in stories", [("story", date(2026, 12, 2), 2)], shop_products["OD"], START - timedelta(days=20))
    now, decision = START, None
    while decision is None and now < START + timedelta(days=30):
        frozen_clock.set(now)
        for item in due.due_now(now):
            if item.action == "strike":
                decision = item
            else:
                due.mark_sent(item, now, item.channel, due_texts.compose(item, now).body)
        now += timedelta(hours=3)
    assert decision is not None and len(decision.parts) > 1
    return decision, now


shop_products: dict = {}


@pytest.fixture
def joint(shop, translator, frozen_clock):
    shop_products.update(shop)
    i18n.set_language("en")
    yield _joint_decision(frozen_clock)
    i18n.set_language("nl")


def test_a_joint_decision_says_what_else_it_decides_not_what_else_is_in_a_message(qtbot, joint):
    decision, now = joint
    dialog = DueStepDialog(decision, now=lambda: now)
    qtbot.addWidget(dialog)
    lines = dialog.about.text().splitlines()
    assert len(lines) == len(decision.parts)
    assert all("also in this decision" in line for line in lines[1:]), lines
    assert "also in this message" not in dialog.about.text()
    # and its choices speak of the collaborations it ends, all of them
    assert ("Add a strike and mark the collaborations “Not fulfilled”?" in dialog.strike_text.text()
            and "they end either way" in dialog.strike_text.text()), dialog.strike_text.text()


def test_a_joint_decision_ends_both_with_one_message_naming_both(qtbot, joint, monkeypatch, frozen_clock):
    decision, now = joint
    frozen_clock.set(now)
    seen = _offered(monkeypatch, send=True)
    dialog = DueStepDialog(decision, now=lambda: now)
    qtbot.addWidget(dialog)
    dialog.strike_button.click()
    [offer] = seen
    text = offer.w("message").toPlainText()
    assert ("We've decided to end our collaborations “Necklace in a reel” and “Earrings in stories”." in text
            or "We've decided to end our collaborations “Earrings in stories” and “Necklace in a reel”." in text), text
    assert "Let Yara Smit know the collaborations have ended" in offer.w("prompt").text()
    assert influencer_detail.untold_endings(decision.person_id) == []  # one message told both


# --- the reminders told once -------------------------------------------------------------------

@pytest.mark.parametrize("press", ["snooze", "done"])
def test_a_snooze_or_done_in_the_window_tells_the_reminders_once(qtbot, demo, frozen_clock, press):
    sanne = next(i for i in due.due_now(NOW) if i.person_name == "Sanne de Vries")
    told = []
    reminders.changed.connect(lambda: told.append(1))
    try:
        dialog = open_due_item(sanne, None)
        qtbot.addWidget(dialog)
        (dialog.snooze_hour.trigger if press == "snooze" else dialog.dismiss_button.click)()
        assert len(told) == 1
    finally:
        reminders.changed.disconnect()


def test_a_decision_ended_in_the_window_tells_the_reminders_once_and_again_for_its_message(qtbot, demo, monkeypatch,
                                                                                         frozen_clock):
    decision, later = _decision()
    frozen_clock.set(later)
    _offered(monkeypatch, send=False)
    told = []
    reminders.changed.connect(lambda: told.append(1))
    try:
        dialog = open_due_item(decision, None)
        qtbot.addWidget(dialog)
        dialog.dismiss_button.click()
        assert len(told) == 1  # "Not now": nothing more to tell
    finally:
        reminders.changed.disconnect()
