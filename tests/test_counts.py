"""A follower or result count too large to be real is told at its field (badinput #10).

"99999999999999999999" followers (or "1e30k", "infk") reached SQLite as a number it cannot
hold: OverflowError out of the dialog, and the crash dialog instead of a message. The same
for a post's views. Now such a count is refused at the field, in the owner's language,
and nothing is saved.
"""

from __future__ import annotations

import pytest

from desktop import i18n
from desktop.domain import validation
from desktop.domain.validation import HandleInput, parse_count
from desktop.store.models import Content, Person
from tests.conftest import NOW


@pytest.mark.parametrize("text", ["99999999999999999999", "99999999999999999k", "1e30k", "infk", "nank", "1e20m",
                                  "10000000001"])
def test_a_count_no_account_or_post_has_is_refused(text):
    with pytest.raises(ValueError):
        parse_count(text)


def test_the_largest_real_counts_are_read():
    assert parse_count("10.000.000.000") == 10_000_000_000
    assert parse_count("2,5m") == 2_500_000
    assert parse_count("612,4k") == 612_400


@pytest.mark.parametrize("language, said", [
    ("nl", "„99999999999999999999” is meer volgers dan iemand heeft: vul hoogstens 10 miljard in."),
    ("en", "“99999999999999999999” is more followers than anyone has: fill in at most 10 billion."),
])
def test_too_many_followers_is_said_at_the_field(translator, language, said):
    i18n.set_language(language)
    errors, _clean = validation.validate_person(
        {"name": "Sanne de Vries"}, [HandleInput("instagram", "@sanne", "99999999999999999999")],
        lambda platform, name: None)
    assert errors == {"followers_instagram": said}


def test_too_many_views_is_said_at_the_field(translator):
    errors, _clean = validation.validate_content(
        {"url": "https://www.instagram.com/p/Cx1/", "views": "99999999999999999999", "likes": "infk"}, NOW.date(),
        money_locale="nl_NL")
    assert errors["views"] == "„99999999999999999999” is meer dan een post ooit haalt: vul hoogstens 10 miljard in."
    assert errors["likes"] == "Vul een heel getal in van 0 of meer."


def test_the_influencer_dialog_says_it_and_saves_nothing(qtbot, database, translator):
    from desktop.views.influencer_dialog import InfluencerDialog

    dialog = InfluencerDialog(None)
    qtbot.addWidget(dialog)
    dialog.w("name").setText("Sanne de Vries")
    dialog.w("handle_instagram").setText("@sanne")
    dialog.w("followers_instagram").setText("99999999999999999999")
    assert dialog.save() is False  # was: OverflowError, the crash dialog
    assert "meer volgers dan iemand heeft" in dialog.error_text("followers_instagram")
    assert Person.select().count() == 0 and Content.select().count() == 0
