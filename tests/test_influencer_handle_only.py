"""Somebody known only by her handle is saved without a made-up name (review of the
Influencers pane: "Vul een naam in." for "@juulsjewels_"): the lists show her handle with
its "@", and a message to her greets her without a name, naturally for every reader."""

import pytest
from PySide6.QtWidgets import QWidget

from desktop import clock, i18n
from desktop.domain import validation
from desktop.presentation import due_texts
from desktop.store import influencers
from desktop.store.models import Handle, Person
from desktop.views.influencer_dialog import InfluencerDialog
from desktop.views.influencers import InfluencersView
from tests.conftest import NOW
from tests.readers import READERS

NO_NAME = {("nl", "NL", "je"): "Hoi,", ("nl", "NL", "u"): "Goedendag,", ("nl", "BE", "je"): "Dag,",
           ("nl", "BE", "u"): "Goedendag,", ("en", "NL", "je"): "Hello,"}


def validated(name, handles):
    return validation.validate_person({"name": name}, [validation.HandleInput(p, text, "") for p, text in handles],
                                      lambda platform, handle: None)


@pytest.mark.parametrize("handles, name", [
    ([("instagram", "@juulsjewels_")], "@juulsjewels_"),
    ([("instagram", "https://www.instagram.com/juulsjewels_/")], "@juulsjewels_"),
    ([("tiktok", "@juul.maakt")], "@juul.maakt"),
    ([("blog", "https://juulsjewels.nl"), ("tiktok", "juul.maakt")], "@juul.maakt"),  # a social handle first
])
def test_a_handle_alone_is_enough_to_save_her(handles, name):
    i18n.set_language("en")
    errors, cleaned = validated("  ", handles)
    assert not errors, errors
    assert cleaned["name"] == name


def test_without_a_name_nor_a_handle_the_form_asks_for_either():
    i18n.set_language("en")
    errors, _cleaned = validated("\u200b", [("instagram", "")])
    assert errors == {"name": "Fill in a name or a handle."}


def test_a_blog_alone_saves_her_by_its_address_and_greets_her_without_it(database):
    i18n.set_language("en")
    errors, cleaned = validated("", [("blog", "https://juulsjewels.nl")])
    assert not errors and cleaned["name"]
    person = Person.create(name=cleaned["name"], is_influencer=True)
    assert due_texts.recipient(person).first_name == ""


@pytest.mark.parametrize("lang, country, form", READERS)
def test_a_message_to_her_greets_her_without_a_name(database, lang, country, form):
    i18n.set_language("en")
    errors, cleaned = validated("", [("instagram", "@juulsjewels_")])
    assert not errors
    cleaned.update(language=lang, country=country, address_form=form)
    person = influencers.save_person(cleaned, NOW)
    message = due_texts.compose_for(person, "ending", {"titel": "Ketting Maan", "reden": "de collectie stopt"}, NOW)
    lines = message.body.splitlines()
    assert lines[0] == NO_NAME[lang, country, form], message.body
    assert "juulsjewels" not in message.body and "{" not in message.body, message.body


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_dialog_saves_her_by_her_handle_and_the_list_shows_it(qtbot, database, translator, monkeypatch,
                                                                   language):
    monkeypatch.setattr(clock, "utcnow", lambda: NOW)
    i18n.set_language(language)
    d = InfluencerDialog()
    qtbot.addWidget(d)
    d.w("handle_instagram").setText("@juulsjewels_")
    d.w("followers_instagram").setText("2300")
    assert d.save() is True, d.errors
    [juul] = Person.select()
    assert juul.name == "@juulsjewels_" and [h.name for h in Handle.select()] == ["juulsjewels_"]
    v = InfluencersView()
    qtbot.addWidget(v)
    v.show()
    v.refresh()
    assert [r.cells[0] for r in v.model.rows] == ["@juulsjewels_"]
    v.select_person(juul.id)
    assert v.detail.findChildren(QWidget)  # her pane opens on the handle
    v.search.setText("@juul")
    v._apply_filter()
    assert [r.id for r in v.model.rows] == [juul.id]
