"""The findings of the sixth reading of the ready messages (review 26: every template for the
five readers, the example shop over a month, the catalog read whole). Each test renders what
the app would hand the owner and checks it says the right thing to the right person."""

import pytest

from desktop.presentation import collab_texts, messages
from desktop.store import settings
from desktop.store.models import Collaboration, Person

from .readers import AMS, READERS


@pytest.fixture
def demo(demo_db):
    settings.set("time_zone", AMS)
    return demo_db


DONT = {"nl": "• Niet doen: ", "en": "• Don't: "}
DO = {"nl": "• Wel doen: ", "en": "• Do: "}


@pytest.mark.parametrize("lang, country, form", READERS)
def test_a_dont_is_sent_as_a_dont_a_point_per_typed_line(demo, lang, country, form):
    """The owner typed under "Niet doen": "kortingscodes van andere merken" and, on a second
    line, "filters". The agreement said "• Let op: kortingscodes van andere merken" (read as
    "mind you use them") and the second line had no bullet."""
    noor = Person.get(Person.name == "Noor Bakker")
    noor.language, noor.country, noor.address_form = lang, country, form
    noor.save()
    collab = Collaboration.get(Collaboration.person == noor)
    collab.dos, collab.donts = "Eigen foto's\n\n- Daglicht", "kortingscodes van andere merken\nfilters"
    collab.save()
    terms = collab_texts.agreement_terms_text(Collaboration.get_by_id(collab.id)).split("\n")
    assert DONT[lang] + "kortingscodes van andere merken" in terms, terms
    assert DONT[lang] + "filters" in terms, terms
    assert DO[lang] + "Eigen foto's" in terms and DO[lang] + "Daglicht" in terms, terms
    assert not any(line.startswith(("Let op", "Please note")) or line in ("filters", "Daglicht") for line in terms)


def test_an_empty_owners_name_leaves_no_gap_in_the_signature(demo):
    """Settings take an empty name; every message then ended "Groetjes,\\n\\nZilver & Zo"."""
    from desktop.store import due
    from desktop.presentation import due_texts
    from .conftest import NOW

    settings.set("owner_name", "")
    items = [i for i in due.plan(NOW) if i.due <= NOW and i.action == "message"]
    assert items
    for item in items:
        body = due_texts.compose(item, NOW).body
        assert "\n\n" + settings.get("shop_name") not in body, body
        assert body.endswith("\n" + settings.get("shop_name")), body
    filled, missing = messages.fill_text("{groet}\n{afzender}\n{winkel}", {"groet": "Groetjes,", "afzender": "",
                                                                          "winkel": "Zilver & Zo"})
    assert filled == "Groetjes,\nZilver & Zo" and missing == ("afzender",)


@pytest.mark.parametrize("lang, words", [("nl", "Bedankt voor je TikTok-video"), ("en", "your TikTok video")])
def test_a_label_request_for_content_beyond_the_agreement_names_it_by_its_platform(demo, lang, words):
    """An over-delivered TikTok, linked to no agreed deliverable: "Bedankt voor je content" named
    nothing the reader would call it."""
    from desktop.store.models import Content
    from .conftest import NOW

    noor = Person.get(Person.name == "Noor Bakker")
    noor.language, noor.country, noor.address_form = lang, "NL", "je"
    noor.save()
    collab = Collaboration.get(Collaboration.person == noor)
    content = Content.create(collaboration=collab, url="https://www.tiktok.com/@noor/video/1", platform="tiktok",
                             posted_at=NOW, missing=["#zilverenzo"], disclosure_ok=True)
    request = collab_texts.label_request_message(Content.get_by_id(content.id))
    assert words in request, request
    assert "content" not in request.lower().replace("tiktok.com", ""), request


def test_the_about_line_of_a_message_names_every_deliverable_it_is_about(demo):
    """A step about "je post en je story" was listed "Over: Zegelring in post en story (Story)"."""
    from datetime import timedelta

    from desktop import i18n
    from desktop.presentation import due_texts
    from desktop.store import due
    from .conftest import NOW

    i18n.set_language("nl")
    seen = []
    for day in range(0, 21):
        now = NOW + timedelta(days=day)
        for item in due.plan(now):
            kinds = {p.details.get("what") for p in item.parts if p.kind == "deliverable"
                     and p.details.get("collaboration_id") == item.parts[0].details.get("collaboration_id")}
            if item.kind == "deliverable" and item.action == "message" and len(kinds) > 1:
                seen.append(due_texts.subject_title(item))
    assert seen, "the example shop has no message about two kinds of one collaboration in three weeks"
    assert all(" en " in title.rsplit("(", 1)[-1] for title in seen), seen
