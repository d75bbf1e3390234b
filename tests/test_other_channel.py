"""Step 3 of the ladder ("try another channel") with an influencer who only has Instagram
(issue 21, item 7): it says so plainly, offers to add an e-mail address or phone number,
and proposes that channel once it is there. It never offers a message that says "I'm
trying to reach you this way" on the channel already used."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from desktop import i18n, reminders
from desktop.domain.followup import NO_OTHER_CHANNEL
from desktop.store.models import Handle, Person
from desktop.views import dialogs, today
from desktop.views.due_dialog import DueStepDialog
from desktop.views.main_window import MainWindow

from .conftest import NOW


def step_three(now=NOW):
    return next(i for i in reminders.plan(now) if i.step == "3" and i.due <= now)


@pytest.fixture
def only_instagram(demo_db, translator, monkeypatch):
    """The demo's influencer at step 3, with nothing but her Instagram handle."""
    i18n.set_language("nl")
    item = step_three()
    Person.update(email="", phone="", whatsapp="").where(Person.id == item.person_id).execute()
    Handle.delete().where(Handle.person == item.person_id, Handle.platform != "instagram").execute()

    def add_email(dialog) -> bool:  # the owner types an address in the edit dialog and saves
        assert dialog.focusProxy() is dialog.w("email")
        dialog.w("email").setText("sanne.tweede@example.nl")
        return dialog.save()

    monkeypatch.setattr(dialogs, "run", add_email)
    return step_three()


def test_the_step_proposes_no_channel_and_says_why(only_instagram):
    item = only_instagram
    assert (item.channel, item.channel_note) == ("", NO_OTHER_CHANNEL)


def test_the_dialog_says_so_plainly_and_the_proposal_changes_after_adding_an_email(qtbot, only_instagram):
    item = only_instagram
    dialog = DueStepDialog(item, now=lambda: NOW)
    qtbot.addWidget(dialog)
    first = item.person_name
    assert f"Van {first} ken je alleen Instagram." in dialog.hint.text()
    assert "e-mailadres of een telefoonnummer" in dialog.hint.text()
    assert "op deze manier" not in dialog.message.toPlainText()  # no "this way" on the same channel
    button = dialog.findChild(QPushButton, "addChannelButton")
    assert button is not None and not button.isHidden()
    assert dialog.current_channel() == "instagram"  # the only way there is, if she writes anyway

    button.click()
    qtbot.waitUntil(lambda: dialog.item.channel == "email")
    assert dialog.current_channel() == "email"
    # steps 1 and 2 went to her on Instagram (the example shop's owner sent them): by e-mail
    # now, "I'm trying to reach you this way" is true
    assert dialog.item.template == "ladder.3" and "op deze manier" in dialog.message.toPlainText()
    assert "ken je alleen" not in dialog.hint.text()
    assert dialog.add_channel is None
    assert Person.get_by_id(item.person_id).email == "sanne.tweede@example.nl"


def test_vandaag_shows_the_hint_and_the_add_button(qtbot, only_instagram, monkeypatch):
    monkeypatch.setattr(today, "utcnow", lambda: NOW)
    item = only_instagram
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_today()
    view = window.current_view()

    def row_of_step_three() -> int:
        return next(i for i, r in view.item_rows() if view.items[r.id].key == item.key)

    row = row_of_step_three()
    assert view.model.rows[row].cells[4] == "–"  # the narrow column; the pane says why
    assert "geen ander kanaal bekend" in view.model.rows[row].tooltip
    view.table.selectRow(row)
    hint = view.detail.findChild(QLabel, "todayNoOtherChannel")
    assert "ken je alleen Instagram" in hint.text()
    view.detail.findChild(QPushButton, "todayAddChannel").click()
    qtbot.waitUntil(lambda: view.model.rows[row_of_step_three()].cells[4] == "E-mail")
    assert view.items[view.model.rows[row_of_step_three()].id].channel == "email"


def test_english_words_it_too(qtbot, only_instagram):
    i18n.set_language("en")
    dialog = DueStepDialog(only_instagram, now=lambda: NOW)
    qtbot.addWidget(dialog)
    assert f"You only know {only_instagram.person_name}'s Instagram." in dialog.hint.text()
    assert dialog.findChild(QPushButton, "addChannelButton").text() == "Add an email address or phone number…"
