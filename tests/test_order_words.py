"""The wording of the messages a native reader read aloud (order-words).

- A parcel that came back is sent again only after an apology and the question whether the
  address it went to is still right (a returned parcel often means a wrong address); the
  message said neither.
- A gift's new parcel: the bad news, then an apology (not a cheerful "!" right after it), the
  new parcel named once, "onderweg" once, and the closing wish for the gift's recipient.
- Step 2's other wording is the one a late deliverable joining the conversation is first
  named in: it never "comes back to" it ("Ik kom nog even terug op", "I'm following up on").
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from desktop.presentation import due_texts
from desktop.presentation import messages as m
from desktop.store import orders, shipping
from desktop.store.models import Person
from tests.conftest import NOW
from tests.readers import READERS, as_reader, reader
from tests.test_order_messages import make_order, shipped_to, shop  # noqa: F401 (the fixture)

LATER = NOW + timedelta(days=3)

# The resend message after a parcel came back: (the apology, the line above the address, the
# question after it), per reader (resend-address: the address it went to is shown).
RETURNED = {
    ("nl", "NL", "je"): (
        "Helaas kon het pakket met je Armband met initiaal (bestelling #1050) niet worden bezorgd en is het bij ons "
        "teruggekomen. Sorry daarvoor!",
        "We hadden het pakket gestuurd naar:",
        "Klopt het adres nog? Zo niet, geef ons dan even het juiste adres door. We laten je weten zodra het nieuwe "
        "pakket onderweg is."),
    ("nl", "NL", "u"): (
        "Helaas kon het pakket met uw Armband met initiaal (bestelling #1050) niet worden bezorgd en is het bij ons "
        "teruggekomen. Onze excuses daarvoor.",
        "We hadden het pakket gestuurd naar:",
        "Klopt het adres nog? Zo niet, wilt u ons dan het juiste adres doorgeven? We laten u weten zodra het nieuwe "
        "pakket onderweg is."),
    ("nl", "BE", "je"): (
        "Helaas kon het pakje met je Armband met initiaal (bestelling #1050) niet geleverd worden en is het bij ons "
        "teruggekomen. Sorry daarvoor!",
        "We hadden het pakje gestuurd naar:",
        "Klopt het adres nog? Zo niet, geef ons dan eens het juiste adres door. We laten je weten zodra het nieuwe "
        "pakje onderweg is."),
    ("nl", "BE", "u"): (
        "Helaas kon het pakje met uw Armband met initiaal (bestelling #1050) niet geleverd worden en is het bij ons "
        "teruggekomen. Onze excuses daarvoor.",
        "We hadden het pakje gestuurd naar:",
        "Klopt het adres nog? Zo niet, wilt u ons dan het juiste adres doorgeven? We laten u weten zodra het nieuwe "
        "pakje onderweg is."),
    ("en", "NL", "je"): (
        "Unfortunately, the parcel with your Armband met initiaal (order #1050) couldn't be delivered and has come "
        "back to us. We're sorry about that.",
        "We sent it to:",
        "Is the address still right? If not, just reply with the correct one. We'll let you know as soon as the new "
        "parcel is on its way."),
}
APOLOGY = re.compile(r"Sorry daarvoor!|Onze excuses daarvoor\.|We're sorry about that[.!]")
ADDRESS = re.compile(r"klopt het adres nog\?|is the address still right\?", re.IGNORECASE)
BELGIUM = {"nl": "België", "en": "Belgium"}


def _gone(action: str, gift: bool):
    """Order #1050 of Marieke Smit (a gift to Jeroen de Graaf when ``gift``), its PostNL parcel lost or returned."""
    order = make_order(status="ready", lang="en")
    if gift:
        shipped_to(order, "Jeroen de Graaf")
    first = orders.ship_order(order.id, orders.ShipInput("postnl", "3SABCD1234560"), NOW)
    shipping.advance(first.id, action, NOW + timedelta(days=2))
    return order


@pytest.mark.parametrize("gift", [False, True])
def test_the_resend_after_a_returned_parcel_shows_the_address_it_went_to_and_asks_whether_it_is_right(
        shop, gift):  # noqa: F811
    """Was: "is the address we sent it to still right?" without the address: every customer had
    to ask "which address?", and of a gift it is not even hers. The address block is the one on
    the parcel, a line per part: the gift's recipient in Antwerp (the shop is Dutch, so the
    country is named, in the reader's language), else the customer's own (her card's country)."""
    order = _gone("return", gift)
    for key in READERS:
        as_reader(Person.get_by_id(order.person_id), *key)
        message = due_texts.compose_order(order.id, "order_resend", NOW + timedelta(days=2))
        assert message.template == "order.resend.returned", key
        apology, intro, question = RETURNED[key]
        country = [BELGIUM[key[0]]] if gift or key[1] == "BE" else []
        block = (["Jeroen de Graaf", "Dorpsstraat 5", "2000 Antwerpen"] if gift
                 else ["Marieke Smit", "Straat 1", "3511 AB Utrecht"]) + country
        paragraphs = message.body.split("\n\n")
        assert paragraphs[1:4] == [apology, "\n".join([intro, *block]), question], (key, message.body)
        assert APOLOGY.search(paragraphs[1]) and ADDRESS.search(paragraphs[3]), key
        assert message.missing == ()


def test_without_an_address_the_resend_leaves_out_where_it_went_and_still_asks(shop):  # noqa: F811
    """A customer whose card has no address and whose order names no delivery: "We sent it
    to:" goes with the empty address, and "is the address still right?" reads on its own."""
    order = _gone("return", gift=False)
    Person.update(street="", postcode="", city="").where(Person.id == order.person_id).execute()
    for key in READERS:
        as_reader(Person.get_by_id(order.person_id), *key)
        message = due_texts.compose_order(order.id, "order_resend", NOW + timedelta(days=2))
        apology, intro, question = RETURNED[key]
        assert message.body.split("\n\n")[1:3] == [apology, question], (key, message.body)
        assert intro not in message.body and ":" not in message.body.split("\n\n")[1], key
        assert message.missing == ("adres",) and message.incomplete == ()


@pytest.mark.parametrize("reader_key", READERS, ids="-".join)
def test_a_lost_parcels_resend_message_asks_no_address(reader_key):
    """A parcel lost on its way says nothing about the address: the carrier lost it."""
    to = reader(*reader_key)
    body = m.render("order.resend", m.sample_values(to.lang), to, NOW).body
    assert not ADDRESS.search(body) and "adres" not in body and "address" not in body


# A gift's new parcel: (the news and the new parcel, the closing wish), per reader and what happened.
GIFT_AGAIN = {
    ("lose", "nl", "NL", "je"): (
        "Het pakket met je Armband met initiaal voor Jeroen de Graaf is onderweg zoekgeraakt. Sorry daarvoor! "
        "We hebben een nieuw pakket verstuurd. DHL bezorgt het. Hier kun je het volgen:",
        "We hopen dat Jeroen de Graaf er blij mee is!"),
    ("lose", "nl", "NL", "u"): (
        "Het pakket met uw Armband met initiaal voor Jeroen de Graaf is onderweg zoekgeraakt. Onze excuses "
        "daarvoor. We hebben een nieuw pakket verstuurd. DHL bezorgt het. Hier kunt u het volgen:",
        "We hopen dat Jeroen de Graaf er blij mee is."),
    ("lose", "nl", "BE", "je"): (
        "Het pakje met je Armband met initiaal voor Jeroen de Graaf is onderweg verloren gegaan. Sorry daarvoor! "
        "We hebben een nieuw pakje verstuurd. Het wordt geleverd door DHL. Hier kun je het volgen:",
        "We hopen dat Jeroen de Graaf er blij mee is!"),
    ("lose", "nl", "BE", "u"): (
        "Het pakje met uw Armband met initiaal voor Jeroen de Graaf is onderweg verloren gegaan. Onze excuses "
        "daarvoor. We hebben een nieuw pakje verstuurd. Het wordt geleverd door DHL. Hier kunt u het volgen:",
        "We hopen dat Jeroen de Graaf er blij mee is."),
    ("lose", "en", "NL", "je"): (
        "The parcel with your Armband met initiaal for Jeroen de Graaf got lost in the post. We're sorry about "
        "that! We've sent a new one. DHL is delivering it. You can follow it here:",
        "We hope Jeroen de Graaf loves it!"),
    ("return", "nl", "NL", "je"): (
        "Het pakket met je Armband met initiaal voor Jeroen de Graaf kon niet worden bezorgd en is bij ons "
        "teruggekomen. Sorry daarvoor! We hebben een nieuw pakket verstuurd. DHL bezorgt het. Hier kun je het "
        "volgen:",
        "We hopen dat Jeroen de Graaf er blij mee is!"),
    ("return", "nl", "NL", "u"): (
        "Het pakket met uw Armband met initiaal voor Jeroen de Graaf kon niet worden bezorgd en is bij ons "
        "teruggekomen. Onze excuses daarvoor. We hebben een nieuw pakket verstuurd. DHL bezorgt het. Hier kunt u "
        "het volgen:",
        "We hopen dat Jeroen de Graaf er blij mee is."),
    ("return", "nl", "BE", "je"): (
        "Het pakje met je Armband met initiaal voor Jeroen de Graaf kon niet geleverd worden en is bij ons "
        "teruggekomen. Sorry daarvoor! We hebben een nieuw pakje verstuurd. Het wordt geleverd door DHL. Hier kun "
        "je het volgen:",
        "We hopen dat Jeroen de Graaf er blij mee is!"),
    ("return", "nl", "BE", "u"): (
        "Het pakje met uw Armband met initiaal voor Jeroen de Graaf kon niet geleverd worden en is bij ons "
        "teruggekomen. Onze excuses daarvoor. We hebben een nieuw pakje verstuurd. Het wordt geleverd door DHL. "
        "Hier kunt u het volgen:",
        "We hopen dat Jeroen de Graaf er blij mee is."),
    ("return", "en", "NL", "je"): (
        "The parcel with your Armband met initiaal for Jeroen de Graaf couldn't be delivered and came back to us. "
        "We're sorry about that! We've sent a new one. DHL is delivering it. You can follow it here:",
        "We hope Jeroen de Graaf loves it!"),
}
BAD_NEWS = re.compile(r"(zoekgeraakt|verloren gegaan|teruggekomen|got lost in the post|came back to us)\. (\S+)")


@pytest.mark.parametrize("action,template", [("lose", "order.shipped.gift.again"),
                                             ("return", "order.shipped.gift.again.returned")])
def test_a_gifts_new_parcel_says_sorry_after_the_bad_news_and_onderweg_once(shop, action, template):  # noqa: F811
    """Was: "… is onderweg zoekgeraakt, dus we hebben een nieuw pakket verstuurd. Dat is nu onderweg! …
    We hopen dat het in de smaak valt!": a cheer right after the bad news, "onderweg" twice, no apology."""
    order = _gone(action, gift=True)
    orders.ship_order(order.id, orders.ShipInput("dhl", "JVGL0123456789"), LATER)
    for key in READERS:
        as_reader(Person.get_by_id(order.person_id), *key)
        message = due_texts.compose_order(order.id, "order_shipped", LATER)
        assert message.template == template, key
        news, wish = GIFT_AGAIN[(action, *key)]
        paragraphs = message.body.split("\n\n")
        assert paragraphs[1].startswith(news + "\n") and "JVGL0123456789" in paragraphs[1], (key, message.body)
        assert paragraphs[2] == wish, (key, message.body)
        # right after the bad news comes the apology, not a cheer about the new parcel
        assert BAD_NEWS.search(message.body).group(2) in ("Sorry", "Onze", "We're"), (key, message.body)
        assert message.body.count("onderweg") <= 1 and message.body.count("on its way") == 0, (key, message.body)
        assert "in de smaak" not in message.body and "goes down well" not in message.body
        assert message.missing == ()


@pytest.mark.parametrize("template_id", ["order.shipped.gift.again", "order.shipped.gift.again.returned"])
@pytest.mark.parametrize("reader_key", READERS, ids="-".join)
def test_without_a_carrier_or_link_the_new_parcel_is_still_told(template_id, reader_key):
    """The carrier is a sentence of its own: "other" (no name to give) leaves out only that one,
    never "we've sent a new one" with it."""
    to = reader(*reader_key)
    values = {**m.sample_values(to.lang), "ontvanger": "Jeroen", "vervoerder": "", "track_trace": ""}
    body = m.render(template_id, values, to, NOW).body
    assert re.search(r"We hebben een nieuw (pakket|pakje) verstuurd\.|We've sent a new one\.", body), body
    assert re.search(r"Sorry daarvoor!|Onze excuses daarvoor\.|We're sorry about that!", body), body
    assert "volgen" not in body and "follow" not in body and "  " not in body and "{" not in body


def test_the_gifts_new_templates_use_only_the_placeholders_their_rule_lists():
    for template_id in ("order.resend.returned", "order.shipped.gift.again", "order.shipped.gift.again.returned"):
        template = m.TEMPLATES[template_id]
        used = m.placeholders_in(template.subject + template.body)
        allowed = set(m._EVERY_TEMPLATE) | set(m._PLACEHOLDERS_BY_FAMILY.get(template_id, m._ORDER))
        assert used <= allowed, (template_id, used - allowed)


# Step 2's other wording: its opening, per reader.
STEP_2_ALT = {
    ("nl", "NL", "je"): "Ik wil het graag even met je hebben over je reel met je Ketting Luna (deadline",
    ("nl", "NL", "u"): "Ik wil het graag met u hebben over uw reel met uw Ketting Luna (deadline",
    ("nl", "BE", "je"): "Ik wil het graag even met je hebben over je reel met je Ketting Luna (deadline",
    ("nl", "BE", "u"): "Ik wil het graag met u hebben over uw reel met uw Ketting Luna (deadline",
    ("en", "NL", "je"): "I'm getting in touch about your reel with the Ketting Luna (due",
}


@pytest.mark.parametrize("reader_key", READERS, ids="-".join)
def test_step_2s_other_wording_does_not_come_back_to_what_it_may_name_first(reader_key):
    """The wording of a step 2 that a late deliverable joins (``followup._Next.joined``): it is the
    first message to name it, so it does not "come back to" it."""
    to = reader(*reader_key)
    owed = [m.describe("deliverable", {"what": "reel", "product": "Ketting Luna"}, to)]
    body = m.render("ladder.2.alt", {**m.sample_values(to.lang), "afspraken": owed}, to, NOW).body
    assert body.split("\n\n")[1].startswith(STEP_2_ALT[reader_key]), body
    assert not re.search(r"terug op|following up|again|opnieuw|nog eens", body, re.I), body
