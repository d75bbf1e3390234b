"""The messages to the owner's own customers about their custom orders, as a reviewer read
every one of them (review of the order messages, seven findings), for the five readers
(Dutch je/u, Belgian je/u, English):

1. a shop title written for search engines named in full ("Gepersonaliseerde ring |
   Zilver 925 | Cadeau voor haar | Naam ring");
2. a gift's "on its way" (and its confirmation's "especially for you") written as if the
   buyer received it, while the shop's order sends the parcel to somebody else;
3. ``afspraak due`` printing a new ready date the owner never chose;
4. Vandaag's "[nieuwe datum]" inside an English message;
5. a second delay worded like the first, word for word;
6. the "ready" news promising a tracking link that may never come;
7. "your necklace (3 pieces) is ready": the verb of one product with a count.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest

from desktop import i18n
from desktop.clock import to_local
from desktop.domain import orders as rules
from desktop.presentation import due_texts, messages
from desktop.store import due, orders, settings
from desktop.store.models import CustomOrder, Person, Product, ShopOrder, ShopOrderLine

from .conftest import NOW
from .readers import AMS, READERS, as_reader

TODAY = NOW.date()  # Monday 23 November 2026
STEPS = ("order_confirmation", "order_update", "order_delay", "order_ready", "order_shipped")
SEO_TITLE = "Gepersonaliseerde ring | Zilver 925 | Cadeau voor haar | Naam ring"


@pytest.fixture
def shop(database):
    settings.set("time_zone", AMS)
    settings.set("shop_name", "Zilver & Zo")
    settings.set("owner_name", "Eva")
    return database


def make_order(name="Marieke Smit", product="Armband met initiaal", number="#1050", ready_in=2, quantity=1,
               status="in_production", country="NL", form="je", lang="nl", personalisation="Letter J"):
    item = Product.create(key=f"P{Product.select().count()}", name=product, price_cents=2995)
    person = Person.create(name=name, email="klant@example.nl", country=country, address_form=form, language=lang,
                           street="Straat 1", postcode="3511 AB", city="Utrecht", is_customer=True)
    return CustomOrder.create(person=person, order_number=number, product=item, quantity=quantity,
                              personalisation=personalisation, price_cents=2995 * quantity,
                              ordered_on=TODAY - timedelta(days=6), promised_ready=TODAY + timedelta(days=ready_in),
                              promised_delivery=TODAY + timedelta(days=ready_in + 2), status=status)


def shipped_to(order: CustomOrder, name: str) -> None:
    """The shop's order of ``order`` sends its parcel to ``name`` in Antwerp."""
    shop_order = ShopOrder.create(platform="woocommerce", number=order.order_number.lstrip("#"), person=order.person,
                                  ordered_on=TODAY - timedelta(days=6), ship_name=name, ship_street="Dorpsstraat 5",
                                  ship_postcode="2000", ship_city="Antwerpen", ship_country="BE", currency="EUR")
    ShopOrderLine.create(shop_order=shop_order, name=order.product.name, quantity=order.quantity, custom_order=order,
                         product=order.product)


def every_reader(order: CustomOrder, step: str, now=NOW, **kw):
    """(reader, message) of ``step`` for each of the five readers."""
    person = Person.get_by_id(order.person_id)
    for key in READERS:
        as_reader(person, *key)
        yield key, due_texts.compose_order(order.id, step, now, **kw)


# --- 1. the product as a message names it ----------------------------------------------------

def test_an_order_message_names_the_product_without_its_shop_title(shop):
    order = make_order(product=SEO_TITLE, ready_in=-1)
    for step in STEPS:
        for key, message in every_reader(order, step):
            assert "Gepersonaliseerde ring" in message.body, (step, key, message.body)
            assert "|" not in message.body and "Zilver 925" not in message.body, (step, key, message.body)


def test_the_ladders_values_name_an_order_product_as_the_message_does(shop):
    """The order's facts for a ladder step (``item_values``) hold its short name too."""
    assert due_texts._in_message(SEO_TITLE) == "Gepersonaliseerde ring"
    assert due_texts._in_message([SEO_TITLE, "Gepersonaliseerde ring | Goud"]) == ["Gepersonaliseerde ring"]
    assert due_texts._in_message("Naamketting") == "Naamketting"


# --- 2. a gift: the parcel goes to somebody else -------------------------------------------

GIFT_WORDS = {
    ("nl", "NL", "je"): ("Het pakket met je Armband met initiaal is onderweg naar Jeroen de Graaf!",
                         "We hopen dat Jeroen de Graaf er blij mee is!"),
    ("nl", "NL", "u"): ("Het pakket met uw Armband met initiaal is onderweg naar Jeroen de Graaf.",
                        "We hopen dat Jeroen de Graaf er blij mee is."),
    ("nl", "BE", "je"): ("Het pakje met je Armband met initiaal is onderweg naar Jeroen de Graaf!",
                         "We hopen dat Jeroen de Graaf er blij mee is!"),
    ("nl", "BE", "u"): ("Het pakje met uw Armband met initiaal is onderweg naar Jeroen de Graaf.",
                        "We hopen dat Jeroen de Graaf er blij mee is."),
    ("en", "NL", "je"): ("The parcel with your Armband met initiaal is on its way to Jeroen de Graaf!",
                         "We hope Jeroen de Graaf loves it!"),
}
# What the buyer of a gift is never told: to enjoy it herself, or "he"/"she" of the recipient.
NOT_TO_A_GIVER = re.compile(r"plezier|enjoy|\b(hij|zij|hem|haar|zijn|he|she|him|her|his)\b", re.I)


def test_a_gifts_parcel_is_on_its_way_to_its_recipient(shop):
    order = make_order(status="ready")
    shipped_to(order, "Jeroen de Graaf")
    orders.ship_order(order.id, orders.ShipInput(carrier="postnl", tracking_code="3SABCD1234567"), NOW)
    for key, message in every_reader(order, "order_shipped"):
        assert message.template == "order.shipped.gift", key
        first, closing = GIFT_WORDS[key]
        assert first in message.body and closing in message.body, (key, message.body)
        assert not NOT_TO_A_GIVER.search(message.body), (key, message.body)
        # the link follows the parcel to Antwerp: the carrier's page asks the recipient's postcode
        assert "3SABCD1234567" in message.body and "-BE-2000" in message.body, (key, message.body)
        assert message.body.index("Jeroen de Graaf") < message.body.index("3SABCD1234567")
        assert not message.incomplete


def test_a_gifts_confirmation_makes_it_for_its_recipient(shop):
    order = make_order()
    shipped_to(order, "Jeroen de Graaf")
    for key, message in every_reader(order, "order_confirmation"):
        assert message.template == "order.confirmation.gift", key
        wanted = "especially for Jeroen de Graaf" if key[0] == "en" else "speciaal voor Jeroen de Graaf"
        assert wanted in message.body, (key, message.body)
        assert "speciaal voor jou" not in message.body and "speciaal voor u" not in message.body
        assert "especially for you" not in message.body


def test_an_order_shipped_to_the_buyer_herself_is_hers_to_enjoy(shop):
    order = make_order(status="ready")
    shipped_to(order, "marieke smit")  # her own name, as the shop's file wrote it
    orders.ship_order(order.id, orders.ShipInput(carrier="postnl", tracking_code="3SABCD1234567"), NOW)
    for key, message in every_reader(order, "order_shipped"):
        assert message.template == "order.shipped", key
        assert "Jeroen" not in message.body and ("plezier" in message.body or "enjoy" in message.body), message.body
    for key, message in every_reader(order, "order_confirmation"):
        assert message.template == "order.confirmation", key


# --- 3. `afspraak due`: a new date only she chooses ----------------------------------------

@pytest.fixture
def late_orders(shop):
    """Two orders whose promised day (Friday) is over: one for a Dutch customer, one for an
    English one."""
    dutch = make_order(name="Ingrid van Leeuwen", product="Naamketting", number="#1033", ready_in=-3)
    english = make_order(name="Sarah O'Neil", product=SEO_TITLE, number="#1060", ready_in=-3, lang="en")
    return dutch, english


def _due(capsys, *args):
    from desktop import cli
    from desktop.store.db import close_database

    close_database()
    assert cli.main(["due", "--at", "2026-11-23T10:00", *args]) == 0
    close_database()
    return capsys.readouterr().out


def test_afspraak_due_never_prints_a_new_date_she_did_not_choose(late_orders, capsys):
    dutch, english = late_orders
    proposal = rules.propose_new_date(dutch.promised_ready, TODAY, "NL")
    proposed = {i18n.format_date(proposal, "EEEE d MMMM", locale=i18n.formatting_locale(lang)) for lang in ("nl", "en")}
    items = {i["subject_id"]: i for i in json.loads(_due(capsys, "--json", "--lang", "nl"))
             if i["kind"] == "custom_order"}
    assert set(items) == {dutch.id, english.id}
    for order, hole in ((dutch, "[nieuwe datum]"), (english, "[new date]")):
        item = items[order.id]
        assert item["new_date_to_choose"] is True and item["template"] == "order.late", item
        assert hole in item["message"] and not any(day in item["message"] for day in proposed), item["message"]
    text = _due(capsys, "--lang", "nl")
    assert "[nieuwe datum]" in text and "[new date]" in text
    assert not any(day in text for day in proposed), text
    said = ("De nieuwe datum kies je zelf, dus dit bericht is nog niet klaar om te versturen. In de app vraagt "
            "„Openen en versturen…” bij deze herinnering in „Vandaag” om de datum en vult die in.")
    assert text.count(said) == 2, text
    english_text = _due(capsys, "--lang", "en")
    assert english_text.count("The new date is yours to choose, so this message is not ready to send yet.") == 2


def test_afspraak_due_says_no_date_is_to_choose_for_other_messages(shop, capsys):
    make_order(ready_in=2)  # news before the date: the "on schedule" update
    [item] = [i for i in json.loads(_due(capsys, "--json", "--at", "2026-11-23T10:00")) if i["kind"] == "custom_order"]
    assert item["template"] == "order.update" and item["new_date_to_choose"] is False
    assert "De nieuwe datum kies je zelf" not in _due(capsys, "--lang", "nl")


# --- 4. the hole in the message's language ----------------------------------------------------

@pytest.mark.parametrize("ui", ["nl", "en"])
def test_the_previews_date_hole_is_in_the_customers_language(late_orders, ui):
    i18n.set_language(ui)
    try:
        previews = {item.subject_id: due_texts.preview(item, NOW) for item in due.due_now(NOW)
                    if item.kind == "custom_order"}
    finally:
        i18n.set_language("nl")
    dutch, english = late_orders
    assert "ready on [new date]." in previews[english.id].body and "nieuwe datum" not in previews[english.id].body
    assert "nu op [nieuwe datum] klaar" in previews[dutch.id].body and "new date" not in previews[dutch.id].body
    assert all(due_texts.holds_new_date_hole(message) for message in previews.values())
    assert due_texts.new_date_hole("en") == "[new date]" and due_texts.new_date_hole("nl") == "[nieuwe datum]"


# --- 5. late again ------------------------------------------------------------------------

AGAIN = {"nl": re.compile(r"opnieuw|nog een keer|nogmaals|\book\b"), "en": re.compile(r"again|once more|either")}


def _sent(order, step, day, new_ready=None):
    orders.record_message(order.id, step, "email", f"{step} {day}", NOW + timedelta(days=day),
                          new_ready=new_ready and TODAY + timedelta(days=new_ready))


def test_a_second_delay_says_it_is_late_again_even_after_an_update_between(shop):
    order = make_order(name="Ingrid van Leeuwen", product="Naamketting", number="#1033", ready_in=-2)
    first = dict(every_reader(order, "order_delay", new_ready=TODAY + timedelta(days=16)))
    assert {m.template for m in first.values()} == {"order.late"}
    _sent(order, "order_delay", 0, new_ready=16)  # the late news: ready on Wednesday 9 December
    _sent(order, "order_update", 14)  # on schedule for the 9th
    # before the 9th: it will be late after all (the dialog's "It will be late…")
    before = dict(every_reader(order, "order_delay", NOW + timedelta(days=15), new_ready=TODAY + timedelta(days=21)))
    # after the 9th: late again
    after = dict(every_reader(order, "order_delay", NOW + timedelta(days=17), new_ready=TODAY + timedelta(days=23)))
    for key in READERS:
        assert before[key].template == "order.delay.again" and after[key].template == "order.late.again", key
        for message in (before[key], after[key]):
            body = message.body
            assert AGAIN[key[0]].search(body) and "Naamketting" in body, (key, body)
            assert body.split("\n\n")[1] != first[key].body.split("\n\n")[1], (key, body)
            assert ("9 December" if key[0] == "en" else "9 december") in body, (key, body)
            assert not message.incomplete
    assert "We didn't manage to finish everything by Wednesday 9 December either." in after["en", "NL", "je"].body
    assert "Het is ons ook op woensdag 9 december niet gelukt" in after["nl", "NL", "je"].body
    assert "Het is ons ook tegen woensdag 9 december niet gelukt" in after["nl", "BE", "je"].body


def test_a_third_delay_in_a_row_is_not_worded_as_the_second(shop):
    order = make_order(ready_in=-2)
    seen = []
    for day in (0, 3, 6):
        now = NOW + timedelta(days=day)
        new_ready = to_local(now).date() + timedelta(days=2)
        message = due_texts.compose_order(order.id, "order_delay", now, new_ready=new_ready)
        seen.append(message)
        orders.record_message(order.id, "order_delay", "email", message.body, now, new_ready=new_ready)
    assert [m.template for m in seen] == ["order.late", "order.late.again", "order.late.again.alt"]
    assert seen[1].body != seen[2].body and seen[1].subject != seen[2].subject
    assert orders.delays_sent(order.id) == 3


# --- 6. the ready news promises only what comes -------------------------------------------

@pytest.mark.parametrize("key", READERS)
def test_the_ready_news_promises_no_tracking_link(shop, key):
    order = make_order(status="ready")
    as_reader(Person.get_by_id(order.person_id), *key)
    body = due_texts.compose_order(order.id, "order_ready", NOW).body
    assert not re.search(r"track|link", body, re.I), body
    said = {"nl": "laten we het je weten", "en": "we'll let you know once it's on its way"}[key[0]]
    assert said.replace("je", "u") in body if key[2] == "u" else said in body, body


def test_a_parcel_without_a_link_gets_the_message_the_ready_news_promised(shop):
    order = make_order(status="ready")
    orders.ship_order(order.id, orders.ShipInput(carrier="other", tracking_code=""), NOW)
    for key, message in every_reader(order, "order_shipped"):
        assert "onderweg" in message.body or "on its way" in message.body, (key, message.body)
        assert not re.search(r"track|link|volgen|follow", message.body, re.I), (key, message.body)


# --- 7. a count beside the product ----------------------------------------------------------

# "je Zilveren ketting Maan (3 stuks, Letter M) is klaar": a product with its count as the
# subject of a singular verb ("het pakket met je … (3 stuks) is onderweg" is the parcel's,
# "making your … (3 pieces) is taking longer" the making's).
VERB_AFTER_COUNT = re.compile(r"(?<!met )(?<!with )(?<!making )\b(je|uw|your) Zilveren ketting Maan \(3 (stuks|pieces)[^)]*\) "
                              r"(is|was|ligt|wasn't|isn't|has)\b", re.I)


@pytest.mark.parametrize("template_id", sorted(t for t in messages.TEMPLATES if t.startswith("order.")))
@pytest.mark.parametrize("key", READERS)
def test_no_order_message_puts_a_singular_verb_after_a_count(template_id, key):
    lang, country, form = key
    values = dict(messages.sample_values(lang), product="Zilveren ketting Maan (3 stuks)" if lang == "nl"
                  else "Zilveren ketting Maan (3 pieces)")
    body = messages.render(template_id, values, messages.Recipient("Sanne", lang, country, form), now=NOW).body
    assert "Zilveren ketting Maan (3" in body, body
    assert not VERB_AFTER_COUNT.search(body), (template_id, body)


def test_three_necklaces_are_ready_in_words_that_fit_three(shop):
    """The count beside the order number, as in the other order messages: beside the count
    the personalisation read as part of it ("(3 stuks, Letter M)"; review of Maatwerk)."""
    order = make_order(product="Zilveren ketting Maan", quantity=3, personalisation="Letter M", status="ready")
    words = {key: message.body for key, message in every_reader(order, "order_ready")}
    assert "Goed nieuws: we hebben je Zilveren ketting Maan (3 stuks, bestelling #1050) klaar!" in words["nl", "NL", "je"]
    assert "Goed nieuws: we hebben uw Zilveren ketting Maan (3 stuks, bestelling #1050) klaar!" in words["nl", "BE", "u"]
    assert "Good news: we've finished your Zilveren ketting Maan (3 pieces, order #1050)!" in words["en", "NL", "je"]
    assert not any("Letter M" in body for body in words.values())
