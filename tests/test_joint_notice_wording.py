"""A final notice that ends several collaborations says so (review of the influencer ladder,
defect 1): one notice for Yara's reel and her stories, two agreements, said "onze samenwerking"
and "our collaboration", as if one ended. Its plural wording (``messages.wording``: the
templates "….several") in every variant, read as the recipient reads it."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest

from desktop.domain.message_rules import Recipient
from desktop.presentation import due_texts
from desktop.presentation import messages as m
from desktop.store.models import Person
from tests import test_ladder_conversation as conversation
from tests.test_ladder_conversation import START, _collab, _of, _person, walk

shop = conversation.shop  # the same shop fixture: its four products, its name and owner

NOW = datetime(2026, 12, 5, 8, 30)
VARIANTS = [("nl", "NL", "je"), ("nl", "NL", "u"), ("nl", "BE", "je"), ("nl", "BE", "u"), ("en", "NL", "je"),
            ("en", "BE", "u")]
# What a notice that ends several collaborations never says, and what it says instead.
SINGULAR = {"nl": r"\b(onze|de) samenwerking\b(?!en)|\bonze afspraak\b|Stopt onze samenwerking\b",
            "en": r"\b(our|the) collaboration\b(?!s)|\bour agreement\b(?!s)|\bthis agreement\b|\babout it:"}
PLURAL = {"nl": "onze samenwerkingen", "en": "our collaborations"}


def _ended(consequences: bool = True):
    return [
        m.NoticeCollaboration(("je reel met je Zilveren ketting Maan",),
                              {"agreed_at": date(2026, 10, 21), "consequence": "de ketting factureren" if consequences
                               else "", "value_cents": 4995}),
        m.NoticeCollaboration(("je twee stories met je Oorbellen Druppel",),
                              {"agreed_at": date(2026, 11, 10), "consequence": "geen nieuwe samenwerkingen"
                               if consequences else "", "value_cents": 2495}),
    ]


def _values(reader: Recipient, consequences: bool) -> dict:
    also = [{"kind": "tiktok", "product": "Armband met initiaal", "deadline": date(2026, 12, 8)}]
    words = m.notice_words(_ended(consequences), also, [], reader, NOW)
    afspraken = [m.describe("deliverable", {"what": "reel", "product": "Zilveren ketting Maan"}, reader),
                 m.describe("deliverable", {"what": "story", "count": 2, "product": "Oorbellen Druppel"}, reader)]
    # as ``due_texts.item_values`` gives them for several collaborations: no one consequence or
    # value for all; the days they were agreed only when no consequence gives each its own
    agreed = None if consequences else [date(2026, 10, 21), date(2026, 11, 10)]
    return dict(m.sample_values(reader.lang), afspraken=afspraken, deadline=date(2026, 12, 2), afgesproken_op=agreed,
                gevolg=None, kosten=None, **words)


@pytest.mark.parametrize("consequences", [True, False])
@pytest.mark.parametrize(("lang", "country", "form"), VARIANTS)
@pytest.mark.parametrize("template_id", sorted(m.SEVERAL_COLLABORATIONS))
def test_a_final_notice_that_ends_several_collaborations_says_so(template_id, lang, country, form, consequences):
    reader = Recipient("Yara", lang, country, form)
    owed = m.Owed(("…",), collaborations=2)
    several = m.wording(template_id, owed)
    assert several == m.SEVERAL_COLLABORATIONS[template_id] and several in m.TEMPLATES
    message = m.render(several, _values(reader, consequences), reader, NOW)
    text = (message.subject + "\n" + message.body).replace("\xa0", " ")
    assert re.search(SINGULAR[lang], text) is None, text
    assert PLURAL[lang] in text, text
    # the subject speaks of the agreements, the paragraph of what else ends of "our collaborations"
    assert ("afspraken" if lang == "nl" else "agreements") in message.subject
    also = ("Stoppen onze samenwerkingen, dan vervalt ook" if lang == "nl"
            else "If our collaborations end, so does the rest")
    assert also in text
    # each agreement's own consequence, or (none agreed) the days they were made, in the plural
    if consequences:
        assert "factureren" in text and text.count("factureren") == 1
    elif template_id in ("ladder.4", "answered.4"):
        made = {("nl", "ladder.4"): "We spraken dit af op woensdag 21 oktober en dinsdag 10 november.",
                ("nl", "answered.4"): "We spraken ze af op woensdag 21 oktober en dinsdag 10 november.",
                ("en", "ladder.4"): "We made these agreements on Wednesday 21 October and Tuesday 10 November.",
                ("en", "answered.4"): "We made them on Wednesday 21 October and Tuesday 10 November."}
        assert made[(lang, template_id)] in text
    # the form of address holds throughout: no "je" in a letter to "u", no "u" in one to "je"
    if lang == "nl":
        own = re.sub(r"(?m)^• .*$", "", text)  # the bullets quote the test's own Dutch phrases
        assert re.search(r"\b(je|jou|jouw)\b", own) is None if form == "u" else re.search(r"\b(u|uw)\b", own) is None


@pytest.mark.parametrize("template_id", sorted(m.SEVERAL_COLLABORATIONS))
def test_a_final_notice_about_one_collaboration_keeps_its_own_words(template_id):
    """Two deliverables of one collaboration are one agreement: "onze samenwerking", as before."""
    reader = Recipient("Fleur", "nl", "NL", "je")
    assert m.wording(template_id, m.Owed(("…",), collaborations=1)) == template_id
    assert m.wording(template_id, None) == template_id
    assert m.wording("ladder.3", m.Owed(("…",), collaborations=2)) == "ladder.3"
    assert m.notice_words(_ended()[:1], [{"kind": "post"}], [], reader, NOW)["vervalt_ook"].startswith(
        "Stopt onze samenwerking, dan vervalt ook")


def test_describe_owed_counts_the_collaborations_it_names():
    reader = Recipient("Yara", "nl", "NL", "je")
    parts = [("deliverable", 1, {"kind": "reel", "collaboration_id": 7}),
             ("deliverable", 2, {"kind": "story", "collaboration_id": 7})]
    assert m.describe_owed(parts, reader).collaborations == 1
    parts.append(("deliverable", 3, {"kind": "post", "collaboration_id": 8}))
    assert m.describe_owed(parts, reader).collaborations == 2


@pytest.mark.parametrize(("language", "country", "form", "plural", "subject"), [
    ("nl", "NL", "je", "dan zet ik onze samenwerkingen stop", "Laatste herinnering over onze afspraken"),
    ("nl", "BE", "u", "dan zet ik onze samenwerkingen stop", "Laatste herinnering over onze afspraken"),
    ("en", "NL", "je", "I'll end our collaborations", "Final reminder about our agreements"),
])
def test_the_joint_final_notice_of_the_walk_is_plural(shop, frozen_clock, monkeypatch, language, country, form,
                                                      plural, subject):
    """The store's walk (finding 5's Yara): her reel and her stories, two collaborations due the
    same day, get one final notice, and it ends "our collaborations" in her language and form."""
    y = _person("Yara Smit", country=country, email="yara@example.nl")
    Person.update(language=language, address_form=form).where(Person.id == y.id).execute()
    _collab(y, "Ketting in een reel", [("reel", date(2026, 12, 2), 1)], shop["KM"], START - timedelta(days=40),
            "de ketting factureren")
    _collab(y, "Oorbellen in stories", [("story", date(2026, 12, 2), 2)], shop["OD"], START - timedelta(days=20),
            "geen nieuwe samenwerkingen")
    subjects = {}  # step -> the subject of the ready message the owner copied
    compose = due_texts.compose

    def composed(item, now, *args, **kwargs):
        message = compose(item, now, *args, **kwargs)
        subjects[item.step] = message.subject
        return message

    monkeypatch.setattr(due_texts, "compose", composed)
    mine = _of(walk(frozen_clock, days=12), "Yara Smit")
    [final] = [d for d in mine if d.step == "4"]
    assert plural in final.body
    assert re.search(SINGULAR[language], final.body) is None, final.body
    assert subjects["4"] == subject
    assert final.template in ("ladder.4", "ladder.4.alt")  # what is recorded: the step's own template


def test_the_decision_after_a_joint_notice_says_what_it_said_of_them_all(shop, frozen_clock):
    """Vandaag's words for the decision after that notice: it said the collaborations would end,
    not "the collaboration"."""
    from desktop import i18n
    from desktop.store import due

    y = _person("Yara Smit", email="yara@example.nl")
    _collab(y, "Ketting in een reel", [("reel", date(2026, 12, 2), 1)], shop["KM"], START - timedelta(days=40))
    _collab(y, "Oorbellen in stories", [("story", date(2026, 12, 2), 2)], shop["OD"], START - timedelta(days=20))
    i18n.set_language("nl")
    now, decision = START, None
    while decision is None and now < START + timedelta(days=30):
        frozen_clock.set(now)
        for item in due.due_now(now):
            if item.action == "strike":
                decision = item
            else:
                due.mark_sent(item, now, item.channel, due_texts.compose(item, now).body)
        now += timedelta(hours=3)
    assert decision is not None
    words = due_texts.strike_decision_words(decision, now)
    assert "Daarin stond: is er op" in words and "nog geen reactie, dan stoppen de samenwerkingen." in words
    assert "stopt de samenwerking." not in words
