"""Review 27 (a native reading of every nl and en string), items 22, 25 and 34.

22. One rule: a button or menu entry that opens a dialog ends in "…", in both languages; one
    that acts at once (or only asks "are you sure?") does not.
25. The reminder's "done" button is an action of its own ("Afvinken"), no longer the
    collaboration status "Done" ("Afgerond") that shared its msgid.
34. In English a collaboration she did not fulfil is "Not fulfilled": "Not delivered" read
    as a parcel's status (Shipments' "Mark as delivered")."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from desktop import i18n, reminders
from desktop.domain.notify import Announcement
from desktop.labels import label
from desktop.notifications import buttons_for
from desktop.store.models import Collaboration, CustomOrder, Person
from desktop.tray import ReminderPopup
from desktop.views import dialogs
from desktop.views.due_dialog import DueStepDialog
from desktop.views.influencers import InfluencersView

from .conftest import NOW
from .helpers import Item

ROOT = Path(__file__).resolve().parent.parent


# --- 22: "…" on what opens a dialog ---------------------------------------------------------

def _forms(message) -> list[tuple[str, str]]:
    ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
    strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
    return [(ids[min(i, len(ids) - 1)], s) for i, s in enumerate(strings)]


def test_a_dutch_text_ends_in_an_ellipsis_exactly_when_its_english_does():
    with open(ROOT / "locales/nl/LC_MESSAGES/messages.po", "rb") as fh:
        catalog = read_po(fh)
    wrong = [(source, text) for message in catalog if message.id for source, text in _forms(message)
             if source.endswith("…") != text.endswith("…")]
    assert not wrong


# What each button of Emma's pane (a collaboration with her post placed, not rated yet) opens.
PANE = {
    "nl": {"personActions": {"Bewerken…": "InfluencerDialog", "Nieuwe samenwerking…": "CollaborationDialog",
                             "Waarschuwing geven…": "StrikeDialog", "Blokkeren…": "BlockDialog"},
           "collaborationActions": {"Bewerken…": "CollaborationDialog", "Content vastleggen…": "ContentDialog",
                                    "Afspraak op papier…": "MessageDialog", "Beoordelen…": "RatingDialog",
                                    "Beëindigen…": "EndDialog"}},
    "en": {"personActions": {"Edit…": "InfluencerDialog", "New collaboration…": "CollaborationDialog",
                             "Add a strike…": "StrikeDialog", "Block…": "BlockDialog"},
           "collaborationActions": {"Edit…": "CollaborationDialog", "Log content…": "ContentDialog",
                                    "Agreement in writing…": "MessageDialog", "Rate…": "RatingDialog",
                                    "End…": "EndDialog"}},
}


TOOLBAR = {"nl": {"newInfluencer": "Nieuwe influencer…", "newCollaboration": "Nieuwe samenwerking…"},
           "en": {"newInfluencer": "New influencer…", "newCollaboration": "New collaboration…"}}


def _shown_influencers(qtbot, language: str) -> InfluencersView:
    i18n.set_language(language)
    view = InfluencersView()
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.refresh()
    return view


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_button_of_the_influencer_pane_that_opens_a_dialog_says_so(qtbot, demo_db, translator, monkeypatch,
                                                                         language):
    """The card read "Bewerken / Nieuwe samenwerking / Waarschuwing geven / Blokkeren /
    Beëindigen…": four of the five open a dialog, only one said so."""
    opened = []
    monkeypatch.setattr(dialogs, "run", lambda dialog: opened.append(type(dialog).__name__) or False)
    emma = Person.get(Person.name == "Emma Visser")
    [collaboration] = Collaboration.select().where(Collaboration.person == emma)
    view = _shown_influencers(qtbot, language)
    view.select_person(emma.id)
    QApplication.processEvents()
    for holder, wanted in PANE[language].items():
        name = holder if holder == "personActions" else f"{holder}{collaboration.id}"
        row = view.detail.findChild(QWidget, name)
        buttons = {b.text(): b for b in row.findChildren(QPushButton) if b.isVisibleTo(view.detail)}
        assert set(wanted) <= set(buttons), (name, sorted(buttons))
        for text, dialog in wanted.items():
            opened.clear()
            buttons[text].click()
            assert opened == [dialog], text
    # the toolbar's two "new" buttons too
    for name, dialog in (("newInfluencer", "InfluencerDialog"), ("newCollaboration", "CollaborationDialog")):
        button = view.findChild(QPushButton, name)
        assert button.text() == TOOLBAR[language][name]
        opened.clear()
        button.click()
        assert opened == [dialog], name
    # the texts that name those buttons name them as they read
    view.show_detail(Person.create(name="Nina Jansen").id)  # no collaborations yet
    QApplication.processEvents()
    assert _pane_says(view, {"nl": "„Nieuwe samenwerking…”", "en": "“New collaboration…”"}[language])


def _pane_says(view, text: str) -> bool:
    return any(text in shown.text() for shown in view.detail.findChildren(QLabel) if shown.isVisibleTo(view.detail))


def _strike_decision():
    """The decision after the last reminder (Fleur's, sent now): due the day after the date it named."""
    from desktop.store import due

    final = next(i for i in due.due_now(NOW) if i.step == "4")
    due.mark_sent(final, NOW, "email", "Laatste keer")
    later = NOW + timedelta(days=8, hours=1)
    return next(i for i in due.due_now(later) if i.action == "strike"), later


@pytest.mark.parametrize("language, texts", [
    ("nl", ("Nieuwe influencer…", "Nieuwe samenwerking…")),
    ("en", ("New influencer…", "New collaboration…")),
])
def test_the_first_steps_new_buttons_say_they_open_a_dialog(qtbot, database, translator, monkeypatch, language, texts):
    from desktop.views.main_window import MainWindow

    i18n.set_language(language)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    steps = window.view("today").getting_started
    influencer = steps.findChild(QPushButton, "gettingStartedInfluencer")
    assert (influencer.text(), steps.agreement_button.text()) == texts
    opened = []
    monkeypatch.setattr(dialogs, "run", lambda dialog: opened.append(type(dialog).__name__) or False)
    influencer.click()
    assert opened == ["InfluencerDialog"]


@pytest.mark.parametrize("language, reply, strike", [("nl", "Antwoord ontvangen…", "Waarschuwing geven"),
                                                      ("en", "Reply received…", "Add a strike")])
def test_reply_received_asks_the_day_and_says_so_a_strike_given_at_once_does_not(qtbot, demo_db, translator,
                                                                               monkeypatch, language, reply, strike):
    i18n.set_language(language)
    plan = reminders.plan(NOW)
    message = next(i for i in plan if i.due <= NOW and i.action == "message" and i.kind != "custom_order")
    dialog = DueStepDialog(message, now=lambda: NOW)
    qtbot.addWidget(dialog)
    assert dialog.reply_button.text() == reply
    opened = []
    monkeypatch.setattr(dialogs, "run", lambda d: opened.append(type(d).__name__) or False)
    dialog.reply_button.click()
    assert opened == ["DayDialog"]  # "on which day did she answer?"
    decision, later = _strike_decision()
    dialog = DueStepDialog(decision, now=lambda: later)
    qtbot.addWidget(dialog)
    assert dialog.strike_button.text() == strike  # the strike is given on the click, nothing asked


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_send_message_menu_entries_open_the_message_and_say_so(qtbot, demo_db, translator, monkeypatch,
                                                                   language):
    from desktop.views import orders as orders_view
    from desktop.views.main_window import MainWindow

    i18n.set_language(language)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_view("orders")
    view = window.view("orders")
    order = CustomOrder.select().where(CustomOrder.status == "in_production").first()
    view.select_order(order.id)
    QApplication.processEvents()
    menu = view.detail.findChild(QPushButton, "sendMessage").menu()
    entries = [a for a in menu.actions() if not a.isSeparator()]
    assert entries and all(a.text().endswith("…") for a in entries), [a.text() for a in entries]
    opened = []
    monkeypatch.setattr(orders_view, "run_dialog", lambda d: opened.append(type(d).__name__) or 0)
    entries[0].trigger()
    assert opened == ["OrderMessageDialog"]


# --- 25: the reminder's "done" is an action -------------------------------------------------

@pytest.mark.parametrize("language, action, status", [("nl", "Afvinken", "Afgerond"), ("en", "Done", "Done")])
def test_the_reminders_done_button_is_an_action_and_the_status_stays(qtbot, translator, language, action, status):
    """The popup read "Openen · Over 1 uur · Morgen 09:00 · Afgerond": three actions and a status."""
    i18n.set_language(language)
    popup = ReminderPopup()
    qtbot.addWidget(popup)
    assert popup.done_button.text() == action
    one = Announcement(items=[Item("a", datetime(2026, 11, 23, 10, 0))], summary=False)
    assert buttons_for(one)[-1] == ("done", action)  # the notification's button, as the popup's
    assert label("collab_status", "done") == status


# --- 34: "Not fulfilled" --------------------------------------------------------------------

@pytest.mark.parametrize("language, status", [("nl", "Niet nagekomen"), ("en", "Not fulfilled")])
def test_an_unfulfilled_collaboration_is_not_called_undelivered_in_english(qtbot, demo_db, translator, language,
                                                                           status):
    i18n.set_language(language)
    assert label("collab_status", "failed") == status
    assert label("due_step", "strike") == {"nl": "Beslissen: waarschuwing en „Niet nagekomen”",
                                           "en": "Decide: strike and “Not fulfilled”"}[language]
    decision, later = _strike_decision()
    dialog = DueStepDialog(decision, now=lambda: later)
    qtbot.addWidget(dialog)
    asked = dialog.strike_text.text()
    assert {"nl": "„Niet nagekomen”", "en": "“Not fulfilled”"}[language] in asked
    anouk = Person.get(Person.name == "Anouk Mulder")  # her collaboration is marked failed
    view = _shown_influencers(qtbot, language)
    view.select_person(anouk.id)
    QApplication.processEvents()
    assert _pane_says(view, f"Ketting Ster in een post · {status}")
    assert not _pane_says(view, "Not delivered")

