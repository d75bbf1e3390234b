"""A custom order typed in by hand can go to another address (a present for somebody else).

An imported custom order kept where its parcel goes from the shop's order (schema v16); one
the owner typed in the order form had only the customer's own address: she could not say
that the piece goes to the grandmother in Deventer. The form now has "Deliver to another
address" (recipient, street, postcode and city, country: the shop's by default), checked as
a parcel's address is, kept with the order (schema v17), and used wherever the shop order's
delivery is: the pane, the ship dialog and its tracking link, Zendingen, the messages (a
gift's wording), Edit → Undo, and the privacy export and erasure of the recipient.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from desktop import i18n, paths
from desktop.domain import orders as rules
from desktop.presentation import delivery_texts
from desktop.store import journal, privacy
from desktop.store import orders as store
from desktop.store.models import CustomOrder, Person, ShopOrder, ShopOrderLine
from desktop.store.recovery import open_checked
from desktop.store.db import close_database
from tests.conftest import NOW

SCHEMAS = Path(__file__).parent / "data" / "schemas"
RIET = dict(ship_to=True, ship_name="Riet Jansen", ship_street="Dorpsstraat 8", ship_postcode="7411kt",
            ship_city="Deventer", ship_country="NL")


def form(**kw) -> rules.OrderInput:
    values = dict(name="Ingrid van Leeuwen", email="ingrid@example.nl", country="NL", language="nl",
                  address_form="je", street="Grote Houtstraat 50", postcode="2011 AB", city="Haarlem",
                  order_number="#1050", personalisation="Oma", price_text="42,95", ordered_on=date(2026, 11, 20),
                  promised_ready=date(2026, 11, 27), money_locale="nl_NL", status="ready")
    values.update(kw)
    return rules.OrderInput(**values)


def typed_delivery(order: CustomOrder) -> tuple:
    order = CustomOrder.get_by_id(order.id)
    return order.ship_name, order.ship_street, order.ship_postcode, order.ship_city, order.ship_country


# --- the form's section, checked as a parcel's address ----------------------------------------

def test_a_closed_section_sends_the_parcel_to_the_customer_whatever_it_held():
    clean, errors = rules.validate(form(ship_to=False, ship_name="Riet", ship_postcode="nonsense"))
    assert errors == {}
    assert {k: clean.values[k] for k in rules.SHIP_FIELDS} == dict.fromkeys(rules.SHIP_FIELDS, "")


@pytest.mark.parametrize("changes, wrong", [
    (dict(ship_name="  \u200b "), {"ship_name"}),  # nothing visible is no name
    (dict(ship_postcode="74111"), {"ship_postcode"}),  # not a Dutch postcode
    (dict(ship_postcode="74111", ship_country="BE"), {"ship_postcode"}),  # nor a Belgian one
    (dict(ship_city=""), {"ship_city"}),  # an address the carrier can deliver: all of it
    (dict(ship_street="", ship_postcode="", ship_city=""), {"ship_street", "ship_postcode", "ship_city"}),
    (dict(ship_country="XX"), {"ship_country"}),
])
def test_an_open_section_needs_a_recipient_and_an_address_a_carrier_takes(translator, changes, wrong):
    i18n.set_language("nl")
    clean, errors = rules.validate(form(**{**RIET, **changes}))
    assert clean is None and set(errors) == wrong


def test_a_typed_delivery_is_written_as_the_carriers_write_it():
    clean, errors = rules.validate(form(**{**RIET, "ship_name": "  Riet   Jansen ", "ship_street": " Dorpsstraat  8"}))
    assert errors == {}
    assert [clean.values[k] for k in rules.SHIP_FIELDS] == ["Riet Jansen", "Dorpsstraat 8", "7411 KT", "Deventer", "NL"]
    clean, _errors = rules.validate(form(**{**RIET, "ship_postcode": "1000", "ship_city": "Brussel",
                                            "ship_country": "BE"}))
    assert (clean.values["ship_postcode"], clean.values["ship_country"]) == ("1000", "BE")
    clean, errors = rules.validate(form(**{**RIET, "ship_postcode": "SW1A 1AA", "ship_city": "London",
                                           "ship_country": "other"}))
    assert errors == {} and clean.values["ship_postcode"] == "SW1A 1AA"  # no shape known for another country


# --- the store: kept with the order, and where its parcel goes --------------------------------

def test_a_typed_delivery_is_kept_and_is_where_the_parcel_goes(database, translator):
    i18n.set_language("nl")
    order = store.save_order(form(**RIET), NOW)
    assert typed_delivery(order) == ("Riet Jansen", "Dorpsstraat 8", "7411 KT", "Deventer", "NL")
    person = order.person
    assert (person.street, person.postcode, person.city) == ("Grote Houtstraat 50", "2011 AB", "Haarlem")  # hers
    parcel = delivery_texts.parcel_of(order.id, person)
    assert (parcel.name, parcel.one_line(), parcel.gift, parcel.typed) == (
        "Riet Jansen", "Dorpsstraat 8, 7411 KT Deventer", True, True)
    # "Verzenden…": the carrier's page asks the recipient's postcode, not the customer's
    shipment = store.ship_order(order.id, store.ShipInput(carrier="postnl", tracking_code="3SABCD1234567"), NOW)
    assert shipment.tracking_url.endswith("-NL-7411KT"), shipment.tracking_url
    # Zendingen's list: the parcel's address is hers
    assert store.ship_tos([order.id])[order.id].postcode == "7411 KT"


def test_another_country_is_named_as_the_customers_is(database, translator):
    i18n.set_language("nl")
    order = store.save_order(form(**{**RIET, "ship_postcode": "SW1A 1AA", "ship_city": "London",
                                     "ship_country": "other"}), NOW)
    parcel = delivery_texts.parcel_of(order.id, order.person)
    assert parcel.one_line() == "Dorpsstraat 8, SW1A 1AA London, Ander land"
    assert store.ship_to(order.id).iso_country == ""  # no tracking link guesses a country


def test_an_edit_keeps_it_changes_it_or_takes_it_away(database):
    order = store.save_order(form(**RIET), NOW)
    store.save_order(form(**{**RIET, "ship_city": "Zwolle", "ship_postcode": "8011 AA"}), NOW, order_id=order.id,
                     person_id=order.person_id)
    assert typed_delivery(order)[2:4] == ("8011 AA", "Zwolle")
    store.save_order(form(ship_to=False), NOW, order_id=order.id, person_id=order.person_id)
    assert typed_delivery(order) == ("",) * 5
    assert store.ship_to(order.id) is None  # to the customer again


def test_the_typed_delivery_goes_before_the_shop_orders(database):
    """An imported order she changed to go elsewhere: what she typed is where it goes."""
    order = store.save_order(form(), NOW)
    shop = ShopOrder.create(platform="shopify", number="#1050", person=order.person, ordered_on=NOW.date(),
                            ship_name="Zoë Verhoeven", ship_street="Kerkstraat 12", ship_postcode="9000",
                            ship_city="Gent", ship_country="BE")
    ShopOrderLine.create(shop_order=shop, name="Naamketting", custom_order=order)
    assert store.ship_to(order.id).name == "Zoë Verhoeven" and not store.ship_to(order.id).typed
    store.save_order(form(**RIET), NOW, order_id=order.id, person_id=order.person_id)
    assert (store.ship_to(order.id).name, store.ship_to(order.id).typed) == ("Riet Jansen", True)


def test_undo_and_redo_of_the_save_take_the_delivery_back_and_again(database):
    order = store.save_order(form(), NOW)
    with journal.recording() as change:
        store.save_order(form(**RIET), NOW, order_id=order.id, person_id=order.person_id)
    journal.undo(change)
    assert typed_delivery(order) == ("",) * 5 and store.ship_to(order.id) is None
    journal.redo(change)
    assert typed_delivery(order) == ("Riet Jansen", "Dorpsstraat 8", "7411 KT", "Deventer", "NL")


def test_an_undo_refused_names_the_delivery_as_the_form_does(database, translator):
    from desktop.presentation import undo_texts

    i18n.set_language("en")
    order = store.save_order(form(), NOW)
    with journal.recording() as change:
        store.save_order(form(**RIET), NOW, order_id=order.id, person_id=order.person_id)
    CustomOrder.update(ship_city="Zwolle", ship_postcode="8011 AA").where(CustomOrder.id == order.id).execute()
    with pytest.raises(journal.ChangedSince) as refused:
        journal.undo(change)
    text = undo_texts.refused(refused.value, "changes", undoing=True)
    assert text.count("Deliver to another address changed") == 1, text  # once, not per column


# --- the schema: v17 from every older file ----------------------------------------------------

OLDER = sorted((p for p in SCHEMAS.glob("v*.sqlite3") if int(p.stem[1:]) < 17), key=lambda p: int(p.stem[1:]))


@pytest.mark.parametrize("fixture", OLDER, ids=[p.stem for p in OLDER])
def test_every_older_file_gets_the_typed_delivery_and_keeps_its_orders(data_dir, fixture):
    target = paths.db_path()
    shutil.copyfile(fixture, target)
    before = sqlite3.connect(fixture).execute("SELECT COUNT(*) FROM custom_order").fetchone()[0]
    assert open_checked(target) is None
    con = sqlite3.connect(target)
    try:
        columns = {row[1]: (row[2], row[3], row[4]) for row in con.execute('PRAGMA table_info("custom_order")')}
        count, typed = con.execute("SELECT COUNT(*), SUM(ship_name || ship_street || ship_postcode || ship_city "
                                   "|| ship_country != '') FROM custom_order").fetchone()
    finally:
        con.close()
    assert {c: columns[c] for c in rules.SHIP_FIELDS} == {c: ("VARCHAR(255)", 1, "''") for c in rules.SHIP_FIELDS}
    assert (count, typed) == (before, 0)  # every order as it was: its parcel goes where it went
    saved = store.save_order(form(order_number="", **RIET), NOW)  # a present typed in right after the upgrade
    assert store.ship_to(saved.id).name == "Riet Jansen"
    close_database()


def test_an_upgrade_that_fails_at_v17_leaves_the_v16_file_as_it_was(data_dir, monkeypatch):
    """The typed delivery's columns are added in the upgrade's one transaction: a failure
    after them takes them back, and the file is the one version 16 wrote."""
    from desktop.store import migrations
    from tests.test_schema_upgrades import _failing_at, _schema_and_rows

    target = paths.db_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SCHEMAS / "v16.sqlite3", target)
    before = _schema_and_rows(target)
    _failing_at(monkeypatch, 17, ValueError("a step's own mistake"))
    with pytest.raises(migrations.MigrationFailed):
        open_checked(target)
    close_database()
    assert _schema_and_rows(target) == before


# --- privacy: the recipient of a present, and a person erased ----------------------------------

def test_the_recipient_of_a_typed_present_is_found_exported_and_erased(database, tmp_path):
    order = store.save_order(form(**RIET), NOW)
    [riet] = privacy.recipients(database.connection())
    [delivery] = riet.deliveries
    assert (riet.name, delivery.table, delivery.number, delivery.buyer, delivery.unsent) == (
        "Riet Jansen", "custom_order", "#1050", "Ingrid van Leeuwen", True)
    out = privacy.export_recipient(database.connection(), riet.key, tmp_path / "riet.zip", NOW, "README")
    with zipfile.ZipFile(out) as archive:
        data = json.loads(archive.read("data.json"))
        assert "csv/custom_order.csv" in archive.namelist()
    [row] = data["data"]["custom_order"]
    assert (row["ship_name"], row["ship_street"], row["ship_postcode"]) == ("Riet Jansen", "Dorpsstraat 8", "7411 KT")
    result = privacy.erase_recipient(database, riet.key)
    assert result.counts == {"custom_order": 1}
    assert typed_delivery(order) == ("",) * 5  # only her delivery: the order stays Ingrid's
    kept = CustomOrder.get_by_id(order.id)
    assert (kept.person.name, kept.order_number, kept.personalisation) == ("Ingrid van Leeuwen", "#1050", "Oma")
    assert privacy.recipients(database.connection()) == []
    assert delivery_texts.parcel_of(order.id, kept.person).name == "Ingrid van Leeuwen"  # to the buyer now


def test_an_erased_persons_address_goes_from_a_present_typed_for_her(database):
    """Riet is in Afspraak herself (an influencer, say): erased, her name and address go from
    the order Ingrid had sent to her; a present to a namesake elsewhere is left alone."""
    riet = Person.create(name="Riet Jansen", street="Dorpsstraat 8", postcode="7411 KT", city="Deventer",
                         is_influencer=True)
    present = store.save_order(form(**RIET), NOW)
    namesake = store.save_order(form(order_number="#1051", **{**RIET, "ship_street": "Kade 1",
                                                               "ship_postcode": "1011 AA", "ship_city": "Amsterdam"}),
                                NOW)
    holding = privacy.holding_of(riet.id)
    assert set(holding.deliveries) == {("custom_order", present.id)} and holding.elsewhere == 1
    assert "delivery" in holding.sections()
    privacy.erase_person(database, riet.id, NOW)
    assert typed_delivery(present) == ("",) * 5
    assert typed_delivery(namesake)[:2] == ("Riet Jansen", "Kade 1")
    assert CustomOrder.get_by_id(present.id).person.name == "Ingrid van Leeuwen"


def test_a_buyer_erased_takes_her_orders_typed_delivery_along(database):
    order = store.save_order(form(**RIET), NOW)
    holding = privacy.holding_of(order.person_id)
    [row] = holding.rows["custom_order"].values()
    assert row["ship_name"] == "Riet Jansen"  # in her export, with her order
    privacy.erase_person(database, order.person_id, NOW)
    assert CustomOrder.select().count() == 0
    con = database.connection()
    assert not [r for r in con.execute("SELECT data FROM anonymous_record") if "Dorpsstraat" in r[0] or "Riet" in r[0]]


# --- the form --------------------------------------------------------------------------------

@pytest.fixture
def nl(translator):
    i18n.set_language("nl")


def _save(dialog) -> None:
    dialog.save()
    QApplication.processEvents()


def test_the_form_opens_the_section_checks_it_saves_it_and_shows_it_again(qtbot, database, nl, monkeypatch):
    from desktop.store import settings
    from desktop.views import dialogs
    from desktop.views.order_dialog import OrderDialog

    settings.set("shop_country", "BE")  # the shop is in Belgium: a present goes there first
    monkeypatch.setattr(dialogs, "ask_which", lambda *a, **k: "save")
    dialog = OrderDialog(None, NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    # (the Dutch, "Bezorgen op een ander adres", once the catalogs have it)
    assert dialog.ship_to.text().replace("&", "") == i18n._("Deliver to another address (a gift, a workplace…)")
    assert not dialog.ship_to.isChecked() and not dialog.ship_fields.isVisible()
    assert dialog.ship_country.currentData() == "BE"
    dialog.name.setText("Ingrid van Leeuwen")
    dialog.ship_to.setChecked(True)
    assert dialog.ship_fields.isVisible() and dialog.ship_postcode.placeholderText() == "1000"
    dialog.ship_name.setText("<b>Riet</b> Jansen")  # plain text, wherever shown
    dialog.ship_street.setText("Dorpsstraat 8")
    dialog.ship_postcode.setText("7411 KT")  # a Dutch postcode for Belgium
    dialog.ship_city.setText("Deventer")
    _save(dialog)
    assert dialog.result() != QDialog.Accepted and CustomOrder.select().count() == 0
    assert dialog.errors["ship_postcode"].isVisible()
    assert "geen Belgische postcode" in dialog.errors["ship_postcode"].text()
    dialog.ship_country.setCurrentIndex(dialog.ship_country.findData("NL"))
    _save(dialog)
    assert dialog.result() == QDialog.Accepted, dialog.summary.text()
    order = CustomOrder.get()
    assert typed_delivery(order) == ("<b>Riet</b> Jansen", "Dorpsstraat 8", "7411 KT", "Deventer", "NL")

    again = OrderDialog(None, NOW, order_id=order.id)
    qtbot.addWidget(again)
    again.show()
    assert again.ship_to.isChecked() and again.ship_fields.isVisible()
    assert (again.ship_name.text(), again.ship_postcode.text(), again.ship_country.currentData()) == (
        "<b>Riet</b> Jansen", "7411 KT", "NL")
    again.ship_to.setChecked(False)  # to the customer after all
    _save(again)
    assert again.result() == QDialog.Accepted and typed_delivery(order) == ("",) * 5


def test_the_pane_and_the_ship_dialog_show_it_as_typed(qtbot, database, nl):
    from desktop.views import order_message
    from desktop.views.main_window import MainWindow

    order = store.save_order(form(**{**RIET, "ship_name": "<b>Riet</b> Jansen"}), NOW)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_view("orders")
    view = window.view("orders")
    view.clock = lambda: NOW
    view.refresh()
    view.select_order(order.id)
    QApplication.processEvents()
    [shown] = [label for label in view.detail.findChildren(QLabel) if "Dorpsstraat 8" in label.text()]
    assert shown.text().splitlines()[:2] == ["<b>Riet</b> Jansen", "Dorpsstraat 8"]
    assert "Deventer" in shown.text() and "Haarlem" not in shown.text()
    assert shown.textFormat() == Qt.PlainText
    ship = order_message.OrderShipDialog(window, order.id, NOW)
    qtbot.addWidget(ship)
    heading = ship.form.findChild(QLabel, "heading")
    assert heading.text() == "Aan <b>Riet</b> Jansen, Dorpsstraat 8, 7411 KT Deventer"  # the shop's own country unnamed
    assert heading.textFormat() == Qt.PlainText
    note = ship.form.findChild(QLabel, "deliveryNote")
    assert "Ingrid van Leeuwen" in note.text() and "webshop" not in note.text()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_form_with_the_section_open_fits_a_laptop_and_tells_its_messages_whole(
        qtbot, demo_db, translator, monkeypatch, language):
    from tests.test_order_form_messages import LAPTOP, _assert_whole, _messages
    from desktop.views.order_dialog import OrderDialog

    monkeypatch.setattr(OrderDialog, "room", lambda self: LAPTOP)
    i18n.set_language(language)
    late = CustomOrder.get(CustomOrder.order_number == "#1033")
    dialog = OrderDialog(None, NOW, order_id=late.id)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    dialog.ship_to.setChecked(True)
    QApplication.processEvents()
    _assert_whole(qtbot, dialog, {})
    assert dialog.ship_fields.isVisible()
    dialog.ship_postcode.setText("12345 Amsterdam-Zuidoost bij de brug")
    dialog.save()
    QApplication.processEvents()
    messages = _messages(dialog)
    assert {"ship_name", "ship_street", "ship_postcode", "ship_city"} <= set(messages)
    _assert_whole(qtbot, dialog, messages)


def test_the_erase_question_names_a_present_typed_without_a_number(database, translator):
    """A hand-made order need not have a shop number: the question names it by its buyer."""
    from desktop.presentation import recipient_texts

    i18n.set_language("en")
    store.save_order(form(order_number="", **RIET), NOW)
    [riet] = privacy.recipients(database.connection())
    _title, text = recipient_texts.erase_question(riet)
    assert ("custom order placed by Ingrid van Leeuwen, 20\u00a0Nov\u00a02026: Riet Jansen, Dorpsstraat 8, "
            "7411 KT Deventer") in text
    assert "The custom order placed by Ingrid van Leeuwen has not been sent yet" in text
    assert "order  placed" not in text and "Orders  have" not in text
