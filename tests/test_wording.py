"""One voice (docs/GLOSSARY.md): no holes in any message, je and u everywhere, Belgian
wording for Belgians, and none of the words we do not use in the Dutch catalog."""

import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from desktop.presentation import due_texts
from desktop import i18n
from desktop.presentation import messages as m
from desktop.domain import privacy
from desktop.presentation.messages import DaysLate, Money, Recipient

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 23, 9, 30)
READERS = {
    "nl-je": Recipient("Sanne", "nl", "NL", "je"),
    "nl-u": Recipient("Fleur", "nl", "NL", "u"),
    "nl_BE-je": Recipient("Lien", "nl", "BE", "je"),
    "nl_BE-u": Recipient("Ingrid", "nl", "BE", "u"),
    "en": Recipient("Emma", "en", "GB", "je"),
}
JE_WORDS = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.I)
U_WORDS = re.compile(r"\b(u|uw)\b", re.I)
HOLE = re.compile(r"[\[\]{}]")


def sample(reader: Recipient) -> dict:
    values = m.sample_values(reader.lang)
    values.update(voornaam=reader.first_name, dagen_te_laat=DaysLate(3), kosten=Money(2495),
                  afspraken=[m.describe("deliverable", {"what": "reel", "product": "Ketting Maan"}, reader)])
    return values


def without(values: dict, *names: str) -> dict:
    return {k: v for k, v in values.items() if k not in names}


@pytest.mark.parametrize("template_id", list(m.TEMPLATES))
@pytest.mark.parametrize("reader", list(READERS.values()), ids=list(READERS))
def test_every_template_has_no_holes_with_or_without_optional_values(template_id, reader):
    values = sample(reader)
    variants = [values, without(values, *m.OPTIONAL)] + [without(values, name) for name in m.PLACEHOLDERS]
    for v in variants:
        msg = m.render(template_id, v, reader, now=NOW)
        assert not HOLE.search(msg.subject), (template_id, msg.subject)
        assert not HOLE.search(msg.body), (template_id, msg.body)
        assert msg.subject.strip() and msg.body.strip()
    # Without any value at all: still no hole, only what could be said.
    bare = m.render(template_id, {}, Recipient("", reader.language, reader.country, reader.form), now=NOW)
    assert not HOLE.search(bare.subject + bare.body), bare


@pytest.mark.parametrize("template_id", list(m.TEMPLATES))
def test_optional_values_are_left_out_with_their_sentence_only(template_id):
    reader = READERS["nl-je"]
    full = m.render(template_id, sample(reader), reader, now=NOW)
    short = m.render(template_id, without(sample(reader), *(m.OPTIONAL - {"afzender"})), reader, now=NOW)
    assert not short.incomplete
    assert short.body.startswith("Hoi Sanne,") and short.body.endswith(f"Groetjes,\n{sample(reader)['afzender']}")
    assert len(short.body) <= len(full.body)
    # ...but not both names: a message signed by nobody asks first (audit 9, F3)
    unsigned = m.render(template_id, without(sample(reader), "afzender", "winkel"), reader, now=NOW)
    assert unsigned.incomplete == ("afzender", "winkel") and unsigned.body.endswith("Groetjes,")


def test_final_reminder_without_costs_drops_that_sentence():
    reader = READERS["nl-u"]
    values = sample(reader)
    with_costs = m.render("ladder.4", values, reader, now=NOW)
    # a notice about one collaboration, with nothing else of hers: its paragraphs about several
    # collaborations, what else ends and what still stands have nothing to say
    notice = ("gevolgen", "vervalt_ook", "blijft_staan")
    assert "een waarde van €\xa024,95" in with_costs.body and with_costs.missing == notice
    values["kosten"] = None
    msg = m.render("ladder.4", values, reader, now=NOW)
    assert "waarde" not in msg.body and "€" not in msg.body
    assert "zet ik onze samenwerking stop" in msg.body and "laatste herinnering" in msg.body
    assert msg.missing == ("kosten", *notice) and msg.incomplete == ()


def test_a_missing_needed_value_makes_the_message_incomplete():
    reader = READERS["nl-je"]
    msg = m.render("ladder.1", without(sample(reader), "afspraken"), reader, now=NOW)
    assert msg.incomplete == ("afspraken",)
    assert "Ik wacht nog op" not in msg.body and not HOLE.search(msg.body)


def test_a_missing_value_in_brackets_takes_only_its_brackets():
    reader = READERS["en"]
    msg = m.render("ladder.3.alt", without(sample(reader), "deadline"), reader, now=NOW)
    assert "about your reel with the Ketting Maan. I hope all is well!" in msg.body


def test_a_subject_loses_only_the_value():
    reader = READERS["nl-u"]
    msg = m.render("order.delay", without(sample(reader), "bestelnummer"), reader, now=NOW)
    assert msg.subject == "Nieuws over uw bestelling"


def test_delay_message_proposes_a_date_after_the_promised_one():
    from desktop.domain.orders import propose_new_date, validate_new_promise

    today = date(2026, 11, 23)
    for promised in (date(2026, 11, 25), date(2026, 11, 1), None):
        proposal = propose_new_date(promised, today, "NL")
        assert validate_new_promise(promised, proposal, today) == ""
    assert propose_new_date(date(2026, 11, 25), today, "NL") == date(2026, 12, 2)
    assert propose_new_date(date(2026, 11, 1), today, "NL") == date(2026, 11, 30)


def test_the_demo_ladder_over_ten_days_has_no_holes(demo_db, frozen_clock):
    from desktop.store import due

    seen = 0
    forms = set()
    for k in range(11):
        frozen_clock.set(NOW + timedelta(days=k))
        now = frozen_clock.now
        for item in due.plan(now):
            message = due_texts.compose(item, now)
            if message is None:
                continue
            seen += 1
            forms.add((message.language, message.form))
            assert not HOLE.search(message.subject), (item.template, message.subject)
            assert not HOLE.search(message.body), (item.template, message.body)
            assert not message.incomplete, (item.template, message.incomplete)
    assert seen >= 30 and ("nl", "u") in forms


def test_a_belgian_reader_gets_the_belgian_greeting_and_wording():
    be_je, be_u, nl_je = READERS["nl_BE-je"], READERS["nl_BE-u"], READERS["nl-je"]
    assert m.greeting(be_je) == "Dag Lien," and m.greeting(nl_je) == "Hoi Sanne,"
    assert m.sign_off(be_u) == "Met vriendelijke groeten," and m.sign_off(READERS["nl-u"]) == "Met vriendelijke groet,"
    msg = m.render("shipment.received.alt", sample(be_je), be_je, now=NOW)
    assert msg.body.startswith("Dag Lien,") and "pakje" in msg.body and "Laat je het eens weten?" in msg.body
    assert msg.subject == "Je pakje van Zilver & Zo"
    assert "Hoi" not in m.render("ladder.3", sample(be_je), be_je, now=NOW).body
    dutch = m.render("shipment.received.alt", sample(nl_je), nl_je, now=NOW)
    assert "pakket" in dutch.body and "pakje" not in dutch.body
    # No Belgian version of a template: the Dutch one, with the Belgian greeting.
    ladder = m.render("ladder.2", sample(be_je), be_je, now=NOW)
    assert ladder.body.startswith("Dag Lien,") and "waarom een afgesproken datum" in ladder.body


def test_new_belgian_customers_default_to_u_influencers_to_je():
    assert m.default_form("BE", "nl") == "u"
    assert m.default_form("be", "nl_BE") == "u"
    assert m.default_form("NL", "nl") == "je"
    assert m.default_form("BE", "en") == "je"
    from desktop.domain.validation import validate_person

    def form_of(values):
        errors, cleaned = validate_person(values, [], lambda _p, _n: None)
        assert not errors, errors
        return cleaned["address_form"]

    # an influencer (validate_person): je, Flemish or not (walk-through finding 11); u when picked
    assert m.default_form("BE", "nl", influencer=True) == "je"
    assert form_of({"name": "Lien Wouters", "country": "BE", "language": "nl"}) == "je"
    assert form_of({"name": "Lien Wouters", "country": "BE", "language": "nl", "address_form": "u"}) == "u"
    assert form_of({"name": "Sanne de Vries", "country": "NL", "language": "nl"}) == "je"


@pytest.mark.parametrize("template_id", list(m.TEMPLATES))
@pytest.mark.parametrize("country", ["NL", "BE"])
def test_subjects_and_bodies_follow_je_and_u(template_id, country):
    je = Recipient("Sanne", "nl", country, "je")
    u = Recipient("Sanne", "nl", country, "u")
    msg_je = m.render(template_id, sample(je), je, now=NOW)
    msg_u = m.render(template_id, sample(u), u, now=NOW)
    link = re.compile(r"https?://\S+")  # jouw.postnl.nl is a link, not a form of address
    msg_je = m.Message(msg_je.subject, link.sub("", msg_je.body), template_id, "nl", "je")
    msg_u = m.Message(msg_u.subject, link.sub("", msg_u.body), template_id, "nl", "u")
    assert not U_WORDS.search(msg_je.subject) and not U_WORDS.search(msg_je.body), msg_je
    assert not JE_WORDS.search(msg_u.subject) and not JE_WORDS.search(msg_u.body), msg_u
    if JE_WORDS.search(msg_je.subject):
        assert U_WORDS.search(msg_u.subject), msg_u.subject
    assert msg_je.body.endswith("Groetjes,\nEva\nZilver & Zo")  # one signature in every message
    sign = "Met vriendelijke groeten," if country == "BE" else "Met vriendelijke groet,"
    assert sign + "\nEva" in msg_u.body


def test_agreement_terms_and_privacy_texts_follow_je_and_u():
    nl = i18n.translations_for("nl")
    assert nl.pgettext("je", "You receive: {products}").startswith("Je ontvangt")
    assert nl.pgettext("u", "You receive: {products}").startswith("U ontvangt")
    i18n.set_language("nl")
    je = privacy.readme_text("Sanne", "23 november 2026", {"person": 1}, form="je")
    u = privacy.readme_text("Fleur", "23 november 2026", {"person": 1}, form="u")
    assert "Je rechten" in je and "Uw rechten" in u
    assert not JE_WORDS.search(u.split("\n", 1)[1]), u
    assert not U_WORDS.search(je), je


def _nl_strings():
    with open(ROOT / "locales" / "nl" / "LC_MESSAGES" / "messages.po", "rb") as fh:
        catalog = read_po(fh)
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        for s in strings:
            yield message.id, re.sub(r"\{[^{}]*\}", "", s or "")


BANNED = {
    "strike": re.compile(r"\bstrikes?\b", re.I),
    "invulplek": re.compile(r"invulplek", re.I),
    "schakelen": re.compile(r"\bschakel", re.I),
    "ertoe doet": re.compile(r"ertoe doet", re.I),
    "laatst op de tijdlijn": re.compile(r"laatst op de tijdlijn", re.I),
    "liever niet": re.compile(r"liever niet:", re.I),
    "u spreekt met": re.compile(r"u spreekt met", re.I),
    "English quotes (we use „…”)": re.compile(r"“"),
}


@pytest.mark.parametrize("word", list(BANNED))
def test_the_dutch_catalog_uses_none_of_the_banned_words(word):
    found = [(mid, s) for mid, s in _nl_strings() if BANNED[word].search(s)]
    assert not found, found[:5]


def test_default_dutch_templates_use_one_sign_off_per_form():
    others = re.compile(r"^(Groeten|Hartelijke groet|Hartelijke groeten|Vriendelijke groet|Dankjewel!)", re.M)
    for template_id in m.TEMPLATES:
        for country in ("NL", "BE"):
            for form in ("je", "u"):
                _subject, body = m.default_text(template_id, "nl", form, country)
                assert not others.search(body), (template_id, form, body)
                assert body.rstrip().endswith("{groet}\n{afzender}\n{winkel}"), (template_id, form, country)


def test_the_dialog_asks_before_showing_an_incomplete_message(qtbot, demo_db, translator, monkeypatch):
    from desktop.store import due, settings
    from desktop.views.due_dialog import DueStepDialog

    settings.set("time_zone", "Europe/Amsterdam")
    sanne = next(i for i in due.due_now(NOW) if i.person_name == "Sanne de Vries")
    real = due_texts.compose(sanne, NOW)
    assert real.incomplete == ()
    lacking = m.render(sanne.template, {"voornaam": "Sanne"}, READERS["nl-je"], now=NOW)
    assert "afspraken" in lacking.incomplete
    monkeypatch.setattr(due_texts, "compose", lambda item, now, extra=None, channel=None: lacking)

    dialog = DueStepDialog(sanne, now=lambda: NOW)
    qtbot.addWidget(dialog)
    assert dialog.incomplete_question is not None and not dialog.incomplete_question.isHidden()
    assert dialog.message.toPlainText() == "" and not dialog.sent_button.isEnabled()
    dialog.incomplete_question.findChild(type(dialog.sent_button), "showIncomplete").click()
    assert dialog.incomplete_question.isHidden() and dialog.sent_button.isEnabled()
    assert dialog.message.toPlainText() == lacking.body and not HOLE.search(dialog.message.toPlainText())

    other = DueStepDialog(sanne, now=lambda: NOW)
    qtbot.addWidget(other)
    other.incomplete_question.findChild(type(other.sent_button), "writeOwn").click()
    assert other.message.toPlainText() == "" and other.subject.text() == lacking.subject

    monkeypatch.setattr(due_texts, "compose", lambda item, now, extra=None, channel=None: real)
    complete = DueStepDialog(sanne, now=lambda: NOW)
    qtbot.addWidget(complete)
    assert complete.incomplete_question is None and complete.message.toPlainText() == real.body


# --- the number agreed (audit 8, finding 6) ---------------------------------------------

POST_AND_THREE_STORIES = {
    "nl-je": "je post en je drie stories met je Oorbellen ‘Maan’",
    "nl-u": "uw post en uw drie stories met uw Oorbellen ‘Maan’",
    "nl_BE-je": "je post en je drie stories met je Oorbellen ‘Maan’",
    "nl_BE-u": "uw post en uw drie stories met uw Oorbellen ‘Maan’",
    "en": "your post and your three stories with the Oorbellen ‘Maan’",
}


@pytest.mark.parametrize("reader", list(READERS), ids=list(READERS))
def test_a_message_says_how_many_were_agreed(reader):
    to = READERS[reader]
    shared = {"collaboration_id": 7, "product": "Oorbellen ‘Maan’", "deadline": date(2026, 12, 11)}
    owed = m.describe_owed([("deliverable", 1, {**shared, "what": "post", "count": 1}),
                            ("deliverable", 2, {**shared, "what": "story", "count": 3})], to, NOW)
    assert owed.afspraken == (POST_AND_THREE_STORIES[reader],)
    final = m.render("ladder.4", {**sample(to), "afspraken": list(owed.afspraken)}, to, now=NOW)
    assert POST_AND_THREE_STORIES[reader] in final.body and not HOLE.search(final.body)
    alone = m.describe("deliverable", {"what": "story", "count": 2}, to)
    assert alone == {"en": "your two stories"}.get(reader, "uw twee stories" if reader.endswith("-u")
                                                   else "je twee stories")


@pytest.mark.parametrize(("kind", "count", "dutch", "english"), [
    ("story", 1, "je story", "your story"),
    ("post", 2, "je twee posts", "your two posts"),
    ("reel", 4, "je vier reels", "your four reels"),
    ("tiktok", 2, "je twee TikTok-video’s", "your two TikTok videos"),
    ("youtube", 10, "je tien YouTube-video’s", "your ten YouTube videos"),
    ("other", 3, "je drie bijdragen", "your three pieces of content"),  # not a calque (review 26)
    ("story", 12, "je 12 stories", "your 12 stories"),
])
def test_every_kind_and_number_reads_as_a_reader_says_it(kind, count, dutch, english):
    assert m.describe("deliverable", {"what": kind, "count": count}, READERS["nl-je"]) == dutch
    assert m.describe("deliverable", {"what": kind, "count": count}, READERS["en"]) == english


@pytest.mark.parametrize(("count", "posted", "dutch", "english"), [
    (2, 1, "uw resterende story", "your remaining story"),
    (3, 1, "uw twee resterende stories", "your two remaining stories"),
    (3, 0, "uw drie stories", "your three stories"),
])
def test_once_some_were_posted_a_message_names_the_ones_still_owed(count, posted, dutch, english):
    details = {"what": "story", "count": count, "posted": posted}
    assert m.describe("deliverable", details, READERS["nl-u"]) == dutch
    assert m.describe("deliverable", details, READERS["en"]) == english


def test_the_ladder_names_the_two_stories_agreed(database):
    from desktop.store import due, settings

    from .test_parcel_promises import agree, local, person, product, send

    settings.set("time_zone", "Europe/Amsterdam")
    sanne = person("Sanne de Vries")
    parcel = send(sanne, [product("Oorbellen ‘Maan’", 2250)])
    agree(sanne, parcel.new_collaboration_id, [("story", 2, date(2026, 12, 1))])
    now = local(date(2026, 12, 2), 11)
    item = next(i for i in due.plan(now, sanne.id) if i.kind == "deliverable")
    body = due_texts.compose(item, now).body
    assert "je twee stories met je Oorbellen ‘Maan’" in body, body
    # one of them posted: the message asks for the other one
    from desktop.store.models import Content, Deliverable

    story = Deliverable.get_by_id(item.subject_id)
    Content.create(collaboration=story.collaboration, deliverable=story, platform="instagram", posted_at=now)
    body = due_texts.compose(item, now).body
    assert "je resterende story met je Oorbellen ‘Maan’" in body, body


def test_deliverables_with_their_own_deadlines_are_named_in_date_order():
    """Audit 9, F4: "je TikTok-video (deadline woensdag 18 november), je TikTok-video
    (deadline dinsdag 1 december) en je TikTok-video (deadline donderdag 19 november)" went
    by the order the rows were made; a reader expects the calendar's."""
    to = READERS["nl-je"]
    shared = {"collaboration_id": 7, "product": "Oorbellen ‘Maan’", "what": "tiktok", "count": 1}
    owed = m.describe_owed([("deliverable", 1, {**shared, "deadline": date(2026, 11, 18)}),
                            ("deliverable", 2, {**shared, "deadline": date(2026, 12, 1)}),
                            ("deliverable", 3, {**shared, "deadline": date(2026, 11, 19)})], to, NOW)
    [listed] = owed.afspraken
    assert listed.index("18 november") < listed.index("19 november") < listed.index("1 december"), listed
    assert listed.count(" en ") == 1 and listed.count(", ") == 1, listed  # "a, b en c"


@pytest.mark.parametrize("reader, expected", [
    ("nl-je", "je reel met je Zegelring Zomer (deadline woensdag 4 november), je reel met je Sleutelhanger Veer "
              "(deadline dinsdag 10 november) en je reel met je Zegelring Zomer (deadline zaterdag 28 november)"),
    ("en", "your reel with the Zegelring Zomer (due Wednesday 4 November), your reel with the Sleutelhanger Veer "
           "(due Tuesday 10 November) and your reel with the Zegelring Zomer (due Saturday 28 November)"),
])
def test_deliverables_of_two_collaborations_are_one_flat_list_in_date_order(reader, expected):
    """Audit 9, messages F4: "je reel (deadline woensdag 4 november) en je reel (deadline
    dinsdag 10 november) en je reel (deadline zaterdag 28 november) met Zegelring Zomer en
    Sleutelhanger Veer": lists inside a list, the products seemingly of all three."""
    to = READERS[reader]
    ring = {"collaboration_id": 7, "product": "Zegelring Zomer", "what": "reel"}
    tag = {"collaboration_id": 8, "product": "Sleutelhanger Veer", "what": "reel"}
    owed = m.describe_owed([("deliverable", 1, {**ring, "deadline": date(2026, 11, 28)}),
                            ("deliverable", 2, {**tag, "deadline": date(2026, 11, 10)}),
                            ("deliverable", 3, {**ring, "deadline": date(2026, 11, 4)})], to, NOW)
    assert owed.afspraken == (expected,) and owed.deadline is None  # each phrase has its own
    body = m.render("ladder.1", {**sample(to), "afspraken": list(owed.afspraken), "deadline": owed.deadline}, to,
                    now=NOW).body
    assert expected in body and not HOLE.search(body) and " en je reel (" not in body.replace(expected, "")
