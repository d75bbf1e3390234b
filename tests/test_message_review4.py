"""The fourth review of the ready messages (2026-12-05): what the third left open. An
update says nothing that is untrue of an order not started yet; a follow-up claims no
agreement that was not made; the final notice names a working day; the news before the
promised date asks the owner first whether there is a delay at all."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from desktop import i18n
from desktop.presentation import due_texts, messages
from desktop.store import orders, settings
from desktop.store.models import CustomOrder, Person

from .conftest import NOW
from .readers import AMS, READERS, as_reader, reader


@pytest.fixture
def demo(demo_db):
    settings.set("time_zone", AMS)
    return demo_db


# Words that say the work has started ("we're working on your ...", "coming along").
IN_PROGRESS = ("working on", "coming along", "bezig", "werken aan", "vordert")


@pytest.mark.parametrize("status", ["new", "in_production"])
def test_an_update_claims_no_work_under_way_for_an_order_not_started(demo, status):
    """"Update: still on schedule" can be sent for any order being made, also one still
    "new": it said "we're working on your ..." of an order nobody had started."""
    order = CustomOrder.select().where(CustomOrder.status.in_(("new", "in_production"))).first()
    order.status = status
    order.promised_ready = (NOW + timedelta(days=10)).date()
    order.save()
    person = Person.get_by_id(order.person_id)
    for _sent in range(2):  # the usual wording, then the other one
        for lang, country, form in READERS:
            as_reader(person, lang, country, form)
            message = due_texts.compose_order(order.id, "order_update", NOW)
            assert message.template.startswith("order.update"), message.template
            body = message.body.lower()
            assert not [w for w in IN_PROGRESS if w in body], (lang, country, form, message.body)
            assert ("on schedule" in body or "on track" in body) if lang == "en" else "op schema" in body
        orders.record_message(order.id, "order_update", "email", message.body, NOW)


@pytest.mark.parametrize("lang, country, form", READERS)
@pytest.mark.parametrize("template_id", ["reply.2", "reply.2.alt"])
def test_a_reply_follow_up_claims_no_mutual_reply_agreement(template_id, lang, country, form):
    """The agreement says she replies within N days (N may be 1); it never said "we answer
    each other within a few days"."""
    values = dict(messages.sample_values(lang), bericht_van=date(2026, 11, 19), titel="Ketting")
    body = messages.render(template_id, values, reader(lang, country, form), now=NOW).body
    for claim in ("each other", "elkaar", "a few days", "een paar dagen"):
        assert claim not in body, (template_id, lang, country, form, body)


def test_the_final_notice_names_a_working_day(demo):
    """Sent on Friday 18 December, a week on is Christmas Day: the notice names Monday
    28 December (Boxing Day and a Sunday come between)."""
    from desktop.store import due

    moment = datetime(2026, 12, 18, 9, 30)
    item = next(i for i in due.plan(NOW) if i.kind == "deliverable")
    person = Person.get_by_id(item.person_id)
    values = due_texts.values_for(item, person, moment, due.ladder_settings())
    assert values["pauzedatum"] == date(2026, 12, 28)
    for lang, country, form in READERS:
        body = messages.render("ladder.4", values, reader(lang, country, form), now=moment,
                               tz=due.ladder_settings().tz).body
        assert ("Monday 28 December" if lang == "en" else "maandag 28 december") in body, body


def test_news_before_the_promised_date_asks_first_whether_it_will_be_late(qtbot, demo_db, translator, monkeypatch):
    """The step comes due for every order not ready two days before its date: its message
    is the "on schedule" update, and Vandaag asks the owner whether it is, and says how
    to tell the customer when it will be late (audit 8, finding 9)."""
    from desktop.views import today
    from desktop.views.main_window import MainWindow

    # Ingrid's order: its customer heard no other date (Kevin's #1038 was told of a delay,
    # so his next news is "on schedule" without "still", "as promised")
    order = CustomOrder.get(CustomOrder.order_number == "#1033")
    order.promised_ready = (NOW + timedelta(days=2)).date()
    order.save()
    moment = NOW + timedelta(hours=2)
    monkeypatch.setattr(today, "utcnow", lambda: moment)
    for language, words in (("nl", "Loopt de bestelling volgens plan voor"), ("en", "Is the order on schedule for")):
        i18n.set_language(language)
        w = MainWindow()
        qtbot.addWidget(w)
        w.show()
        w.show_today()
        view = w.current_view()
        rows = [r for r, row in view.item_rows() if view.items[row.id].step == "delay_warning"
                and view.items[row.id].parts[0].subject_id == order.id]
        assert rows, [view.items[row.id].step for _r, row in view.item_rows()]
        view.table.selectRow(rows[0])
        hint = view.detail.findChild(QLabel, "todayDelayQuestion")
        assert hint is not None and words in hint.text()
        assert i18n.detail_date(order.promised_ready) in hint.text()
        shown = view.detail.findChild(QPlainTextEdit, "todayMessage").toPlainText()
        assert "op schema." in shown and "zoals toegezegd" in shown and "vertraging" not in shown, shown  # Dutch, u
        other = next(r for r, row in view.item_rows() if view.items[row.id].step != "delay_warning")
        view.table.selectRow(other)
        assert view.detail.findChild(QLabel, "todayDelayQuestion") is None
        w.close()


def test_afspraak_due_gives_the_on_schedule_update_before_the_promised_date(demo, capsys):
    """`afspraak due` showed the delay message (with a new date a week later) as the ready
    message two days before an order's date; it is the update, as the dialog opens on."""
    import json

    from desktop import cli
    from desktop.store.db import close_database

    # Ingrid's order: its customer heard no other date (Kevin's #1038 was told of a delay,
    # so his next news is "on schedule" without "still", "as promised")
    order = CustomOrder.get(CustomOrder.order_number == "#1033")
    order.promised_ready = (NOW + timedelta(days=2)).date()
    order.save()
    close_database()
    assert cli.main(["due", "--json", "--lang", "nl", "--at", "2026-11-23T12:00"]) == 0
    close_database()
    [news] = [i for i in json.loads(capsys.readouterr().out)
              if i["step"] == "delay_warning" and i["subject_id"] == order.id]
    assert news["template"] == "order.update"
    assert "op schema." in news["message"] and "nieuwe" not in news["message"].lower(), news["message"]


def test_a_reminder_names_every_product_she_was_sent(demo):
    """A bracelet and a necklace went out for one collaboration: the reminder named only
    the first. Every product sent is named, each once, listed as the reader lists things."""
    from desktop.store import due
    from desktop.store.models import Deliverable, Product, Shipment, ShipmentItem

    item = next(i for i in due.plan(NOW) if i.kind == "deliverable" and i.action == "message")
    deliverable = Deliverable.get_by_id(item.parts[0].subject_id)
    shipment = Shipment.select().where(Shipment.collaboration == deliverable.collaboration_id).first()
    sent = [i.product.name for i in shipment.items]
    extra = Product.select().where(Product.name.not_in(sent)).first()
    ShipmentItem.create(shipment=shipment, product=extra, quantity=1)
    ShipmentItem.create(shipment=shipment, product=shipment.items[0].product, quantity=1)  # named once
    person = Person.get_by_id(item.person_id)
    for lang, country, form in READERS:
        as_reader(person, lang, country, form)
        body = due_texts.compose(item, NOW).body
        names = list(dict.fromkeys(sent + [extra.name]))
        for name in names:
            assert body.count(name) == 1, (name, body)
        joined = (" and " if lang == "en" else " en ") + names[-1]
        assert joined in body, body


@pytest.mark.parametrize("template_id", ["ladder.1", "order.update", "reply.1", "ending"])
def test_an_english_reader_the_shop_addresses_formally_gets_a_formal_greeting(template_id):
    """"Hi Kevin," and "Best wishes," went to every English reader, also a customer the owner
    addresses formally (u): that reader gets "Hello Kevin," and "Kind regards," (fit for an e-mail
    and for a chat message alike)."""
    values = dict(messages.sample_values("en"), voornaam="Kevin", bericht_van=date(2026, 11, 19))
    formal = messages.render(template_id, values, reader("en", "NL", "u", "Kevin"), now=NOW).body
    informal = messages.render(template_id, values, reader("en", "NL", "je", "Kevin"), now=NOW).body
    assert formal.startswith("Hello Kevin,") and "Kind regards," in formal, formal
    assert informal.startswith("Hi Kevin,") and "Best wishes," in informal, informal
    # a Belgian customer written to in English, formally: the same (English has no Belgian wording)
    belgian = messages.render(template_id, values, reader("en", "BE", "u", "Kevin"), now=NOW).body
    assert belgian.startswith("Hello Kevin,") and "Kind regards," in belgian, belgian


@pytest.mark.parametrize("lang, country, form", READERS)
@pytest.mark.parametrize("template_id", ["reply.1", "reply.1.alt", "reply.2", "reply.2.alt", "reply.3", "reply.3.alt",
                                         "ending", "agreement"])
def test_a_collaboration_without_a_title_leaves_no_empty_quotes(template_id, lang, country, form):
    """A collaboration saved without a title (older or imported ones: the dialog fills one
    in) gave “A question about “”” and dropped the ending's "we've decided to end our
    collaboration": the quoted title goes, with its "about", and the sentence stays."""
    values = dict(messages.sample_values(lang), bericht_van=date(2026, 11, 19), titel="",
                  voorwaarden="• 1 reel")
    titled = messages.render(template_id, dict(values, titel="Ketting"), reader(lang, country, form), now=NOW)
    message = messages.render(template_id, values, reader(lang, country, form), now=NOW)
    for text in (message.subject, message.body):
        for pair in ("“”", "„”", '""', "‘’", "«»", " about.", " over.", "about,", "over,"):
            assert pair not in text, (pair, text)
    # the same sentences as with a title, only without it
    assert len(message.body.split(".")) == len(titled.body.split(".")), (titled.body, message.body)
    if template_id == "ending":
        assert ("decided to end our collaboration." if lang == "en"
                else "samenwerking te beëindigen.") in message.body, message.body


def test_an_own_template_with_the_title_after_a_line_break_loses_its_about_too():
    """An owner's wording may break the line before "about “{titel}”": without a title,
    the word goes with it, not left dangling ("Hi,\nabout we talked.")."""
    body = messages.fill("I wrote to you\nabout “{titel}” last week.", {"titel": ""})
    assert body == "I wrote to you last week." or body == "I wrote to you\nlast week.", body
