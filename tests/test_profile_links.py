"""Links that are no profile, and a profile where a post was asked for (badinput #15).

In the Instagram handle field a logged-out browser's link
"https://www.instagram.com/accounts/login/?next=/sanne/" was stored as the handle
"accounts"; Pinterest's short link to a pin ("https://pin.it/3abcXYZ") as the profile
"3abcxyz"; an Instagram profile was taken as a blog; and the content dialog took a
profile link as the post that was published.
"""

from __future__ import annotations

import pytest

from desktop import i18n
from desktop.domain import handles, validation
from tests.conftest import NOW


def refusal(platform: str, text: str) -> str:
    with pytest.raises(handles.HandleError) as refused:
        handles.normalise(platform, text)
    return str(refused.value)


def test_a_login_link_is_read_for_the_profile_it_leads_to():
    assert handles.normalise("instagram", "https://www.instagram.com/accounts/login/?next=/sanne.styled/") == (
        "sanne.styled")
    assert handles.normalise("instagram", "https://www.instagram.com/accounts/login/?next=%2Fsanne%2F") == "sanne"


@pytest.mark.parametrize("text", ["https://www.instagram.com/accounts/login/", "https://www.instagram.com/explore/",
                                  "https://www.instagram.com/direct/inbox/", "instagram.com/accounts/edit/",
                                  "https://www.instagram.com/accounts/login/?next=/p/Cx1/"])
def test_instagram_pages_that_are_no_profile_are_refused(text):
    i18n.set_language("nl")
    assert refusal("instagram", text) == "Deze link is geen profiel op Instagram."


def test_a_pin_it_short_link_is_refused_and_says_what_to_paste():
    i18n.set_language("nl")
    assert refusal("pinterest", "https://pin.it/3abcXYZ") == (
        "Dit is een korte Pinterest-link: open hem en plak het adres van het profiel zelf "
        "(pinterest.com/naam).")


@pytest.mark.parametrize("text, platform", [("https://www.instagram.com/sanne/", "Instagram"),
                                            ("tiktok.com/@noor.bakt", "TikTok")])
def test_a_social_profile_in_the_blog_field_is_refused(text, platform):
    i18n.set_language("nl")
    assert refusal("blog", text) == f"Dit is een link naar {platform}: vul die in bij {platform}."


def test_in_english_too():
    i18n.set_language("en")
    assert refusal("blog", "https://www.instagram.com/sanne/") == (
        "This is a link to Instagram: fill it in at Instagram.")


@pytest.mark.parametrize("url, is_profile", [
    ("https://www.instagram.com/sanne.styled/", True),
    ("https://www.instagram.com/p/Cx1abc/", False),
    ("https://www.instagram.com/reel/Cx1abc/", False),
    ("https://www.instagram.com/stories/sanne.styled/3123456/", False),
    ("https://www.tiktok.com/@noor.bakt", True),
    ("https://www.tiktok.com/@noor.bakt/video/7300000000000000000", False),
    ("https://www.youtube.com/@NoorBakt", True),
    ("https://www.youtube.com/watch?v=abc123", False),
    ("https://nl.pinterest.com/fleur_en_zo/", True),
    ("https://nl.pinterest.com/pin/123456/", False),
    ("https://mijnblog.nl/sieraden", False),
])
def test_a_profile_link_is_told_from_a_post(url, is_profile):
    assert handles.is_profile_link(url) is is_profile


def test_the_content_dialog_refuses_a_profile_as_the_post():
    i18n.set_language("nl")
    errors, _clean = validation.validate_content({"url": "https://www.instagram.com/sanne.styled/"}, NOW.date(),
                                                 money_locale="nl_NL")
    assert errors["url"] == ("Dit is de link naar een profiel, niet naar wat er geplaatst is: plak de link van de "
                             "post zelf.")
    errors, _clean = validation.validate_content({"url": "https://www.instagram.com/p/Cx1abc/"}, NOW.date(),
                                                 money_locale="nl_NL")
    assert "url" not in errors
