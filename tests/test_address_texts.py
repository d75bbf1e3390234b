"""One way to write a postal address (``presentation/address_texts``), and the five places
that write one through it.

Five places wrote an address each in their own way: the message's address block (the
town before the postcode in the United Kingdom, the country in the reader's language when
abroad), the parcel's line in the ship dialog and the Privacy menu's gift recipient
("SW1A 2AA London", the Netherlands named for a Dutch shop), the panes ("Nederland" under a
Dutch customer's address in Maatwerk, none under a Belgian influencer's in Zendingen) and
the import's preview ("GB" as the file wrote it). Now: the country's own order, and the
country named in the reader's language only when it is not the shop's own."""

from __future__ import annotations

from datetime import date

import pytest
from babel import Locale
from PySide6.QtWidgets import QApplication, QLabel

from desktop import i18n
from desktop.domain.privacy import Delivery
from desktop.domain.shipments import ShipTo
from desktop.presentation.address_texts import (PostalAddress, address_line, address_lines, address_text,
                                                country_words, place_line)
from desktop.presentation.delivery_texts import Parcel
from tests.conftest import NOW

NBSP = "\u00a0"


def lines(address: PostalAddress, language: str, home: str = "NL", **how) -> list[str]:
    return address_lines(address, locale=Locale.parse(language), home=home, **how)


def line(address: PostalAddress, language: str, home: str = "NL") -> str:
    return address_line(address, locale=Locale.parse(language), home=home)


NL = PostalAddress("Lange Voorhout 1", "2514 EA", "Den Haag", "NL", name="Fenna de Vries")
BE = PostalAddress("Kerkstraat 12", "9000", "Gent", "BE", name="Zoë Verhoeven")
DE = PostalAddress("Hauptstraße 1", "10115", "Berlin", "DE")
UK = PostalAddress("10 Downing Street", "SW1A 2AA", "London", "GB")
US = PostalAddress("1600 Pennsylvania Ave NW", "20500", "Washington", "US", region="DC")
FR_WRITTEN = PostalAddress("12 rue de Rivoli", "75001", "Paris", "other", written="France")


@pytest.mark.parametrize("address, language, expected", [
    # the shop's own country is not named; the postcode before the town
    (NL, "nl", ["Fenna de Vries", "Lange Voorhout 1", "2514 EA Den Haag"]),
    (NL, "en", ["Fenna de Vries", "Lange Voorhout 1", "2514 EA Den Haag"]),
    (BE, "nl", ["Zoë Verhoeven", "Kerkstraat 12", "9000 Gent", "België"]),
    (BE, "en", ["Zoë Verhoeven", "Kerkstraat 12", "9000 Gent", "Belgium"]),
    (DE, "nl", ["Hauptstraße 1", "10115 Berlin", "Duitsland"]),
    (DE, "en", ["Hauptstraße 1", "10115 Berlin", "Germany"]),
    # the town, then the postcode on a line of its own
    (UK, "nl", ["10 Downing Street", "London", "SW1A 2AA", "Verenigd Koninkrijk"]),
    (UK, "en", ["10 Downing Street", "London", "SW1A 2AA", "United Kingdom"]),
    # "City, ST 12345"
    (US, "nl", ["1600 Pennsylvania Ave NW", "Washington, DC 20500", "Verenigde Staten"]),
    (US, "en", ["1600 Pennsylvania Ave NW", "Washington, DC 20500", "United States"]),
    # a country the shop's file wrote out: known by its name, named in the reader's language
    (FR_WRITTEN, "nl", ["12 rue de Rivoli", "75001 Paris", "Frankrijk"]),
    (PostalAddress("Hauptstraße 1", "10115", "Berlin", written="Deutschland"), "en",
     ["Hauptstraße 1", "10115 Berlin", "Germany"]),
])
def test_an_address_is_written_as_its_country_writes_it(address, language, expected):
    assert lines(address, language) == expected


def test_the_shop_s_own_country_is_the_one_left_out():
    # a Belgian shop names the Netherlands, not Belgium
    assert lines(NL, "nl", home="BE")[-1] == "Nederland"
    assert lines(BE, "nl", home="BE")[-1] == "9000 Gent"
    # home "" names every country (a column of countries)
    assert country_words(NL, Locale.parse("en"), home="") == "Netherlands"


@pytest.mark.parametrize("language, other", [("nl", "Ander land"), ("en", "Other country")])
def test_a_country_afspraak_does_not_know(translator, language, other):
    i18n.set_language(language)
    # written by the shop's file but not a name Babel knows: as written, the postcode first
    unknown = PostalAddress("Hoofdweg 3", "123-45", "Bree", "other", written="Atlantis")
    assert lines(unknown, language) == ["Hoofdweg 3", "123-45 Bree", "Atlantis"]
    # no country at all: the postcode first, nothing named
    assert lines(PostalAddress("Hoofdweg 3", "123-45", "Bree"), language) == ["Hoofdweg 3", "123-45 Bree"]
    # "another country" typed in the form: said so to the owner, never on a parcel's address block
    typed = PostalAddress("Dorpsstraat 8", "SW1A 1AA", "London", "other", written="other")
    assert lines(typed, language)[-1] == other
    assert lines(typed, language, other_country=False) == ["Dorpsstraat 8", "SW1A 1AA London"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_missing_parts_leave_nothing_behind(language):
    for address in (PostalAddress(None, None, None, None, None, None, None),
                    PostalAddress("  ", "\t", " ", "", "", "  ")):
        assert lines(address, language) == [] and line(address, language) == "" and place_line(address) == ""
    assert lines(PostalAddress(city="Gent", country="BE"), language)[0] == "Gent"
    assert line(PostalAddress(postcode="9000", country="BE"), language) in ("9000, België", "9000, Belgium")
    assert lines(PostalAddress(street="Kerkstraat 12", country="NL"), language) == ["Kerkstraat 12"]
    assert lines(PostalAddress(postcode="SW1A 2AA", country="GB"), language)[0] == "SW1A 2AA"
    assert line(PostalAddress(city="London", country="GB"), language).startswith("London, ")
    # the United States without a state: no comma before nothing
    assert lines(PostalAddress(postcode="20500", city="Washington", country="US"), language)[0] == "Washington 20500"
    assert lines(PostalAddress(postcode="20500", country="US", region="DC"), language)[0] == "DC 20500"
    assert lines(PostalAddress("Kerkstraat  12 ", " 9000", "Gent ", "BE"), language, home="BE") == [
        "Kerkstraat 12", "9000 Gent"]
    for address in (NL, BE, DE, UK, US, FR_WRITTEN, PostalAddress(city="Gent")):
        for text in (line(address, language), *lines(address, language)):
            assert text and "None" not in text and not text.startswith((",", " ")) and not text.endswith((",", " "))
            assert ", ," not in text and "  " not in text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_one_line_puts_the_place_together(language):
    assert line(NL, language) == "Fenna de Vries, Lange Voorhout 1, 2514 EA Den Haag"
    assert line(UK, language).startswith("10 Downing Street, London SW1A 2AA, ")
    assert line(US, language).startswith("1600 Pennsylvania Ave NW, Washington, DC 20500, ")


def test_on_screen_a_place_is_never_broken_inside():
    assert address_text(NL, screen=True, home="NL", locale=Locale.parse("nl")).splitlines() == [
        "Fenna de Vries", "Lange Voorhout 1", f"2514{NBSP}EA{NBSP}Den{NBSP}Haag"]
    assert f"Washington,{NBSP}" not in address_text(US, screen=True, home="NL")  # may break after the comma
    assert address_text(NL, home="NL") == "Fenna de Vries\nLange Voorhout 1\n2514 EA Den Haag"  # a message: plain


def test_typed_text_stays_text():
    odd = PostalAddress("<b>Kerk</b>straat 1", "9000", "<i>Gent</i>", "BE", name="<a href='x'>Zoë</a>")
    assert line(odd, "nl") == "<a href='x'>Zoë</a>, <b>Kerk</b>straat 1, 9000 <i>Gent</i>, België"


# --- the callers ---------------------------------------------------------------------------------

def _parcel(street, postcode, city, iso, code, written, name="Zoë Verhoeven") -> Parcel:
    return Parcel(name=name, street=street, postcode=postcode, city=city, country="", country_code=code, phone="",
                  from_the_order=True, gift=True, iso_country=iso, country_written=written)


def test_the_parcel_s_line_is_the_formatter_s(translator):
    """The ship dialog's heading and note (``Parcel.one_line``)."""
    i18n.set_language("nl")
    uk = _parcel("10 Downing Street", "SW1A 2AA", "London", "GB", "other", "GB")
    assert uk.one_line() == "10 Downing Street, London SW1A 2AA, Verenigd Koninkrijk"
    assert _parcel("Lange Voorhout 1", "2514 EA", "Den Haag", "NL", "NL", "NL").one_line() == (
        "Lange Voorhout 1, 2514 EA Den Haag")  # the shop's own country, not named
    i18n.set_language("en")
    assert uk.one_line().endswith(", United Kingdom")


def test_the_message_s_address_block_is_the_formatter_s():
    from desktop.presentation.delivery_texts import address_block

    us = _parcel("1 Main St", "97201", "Portland, OR", "US", "other", "US")
    assert address_block(us, Locale.parse("en"), "NL") == "Zoë Verhoeven\n1 Main St\nPortland, OR 97201\nUnited States"


def test_the_privacy_menu_s_recipient_line_is_the_formatter_s(translator):
    from desktop.presentation.recipient_texts import delivery_text

    i18n.set_language("nl")
    ship = ShipTo("Zoë Verhoeven", "10 Downing Street", "SW1A 2AA", "London", "United Kingdom", "+44 20 7946 0000")
    delivery = Delivery(order_id=1, platform="shopify", number="#1038", ordered_on="2026-11-02", buyer="Lotte De Wit",
                        ship=ship)
    assert delivery_text(delivery) == ("Zoë Verhoeven, 10 Downing Street, London SW1A 2AA, Verenigd Koninkrijk, "
                                       "+44 20 7946 0000")
    dutch = Delivery(order_id=2, platform="shopify", number="#1039", ordered_on="2026-11-02", buyer="Lotte De Wit",
                     ship=ShipTo("Riet Jansen", "Dorpsstraat 8", "7411 KT", "Deventer", "NL"))
    assert delivery_text(dutch) == "Riet Jansen, Dorpsstraat 8, 7411 KT Deventer"


def _texts(pane) -> list[str]:
    return [label.text().replace(NBSP, " ") for label in pane.findChildren(QLabel)]


def test_the_maatwerk_pane_writes_both_addresses_through_it(qtbot, database, translator):
    from desktop.domain import orders as rules
    from desktop.store import orders as store
    from desktop.views.main_window import MainWindow

    i18n.set_language("nl")
    values = dict(name="Ingrid van Leeuwen", email="ingrid@example.nl", country="NL", language="nl",
                  address_form="je", street="Grote Houtstraat 50", postcode="2011 AB", city="Haarlem",
                  order_number="#1050", personalisation="Oma", price_text="42,95", ordered_on=date(2026, 11, 20),
                  promised_ready=date(2026, 11, 27), money_locale="nl_NL", status="ready", ship_to=True,
                  ship_name="Zoë Verhoeven", ship_street="Kerkstraat 12", ship_postcode="9000", ship_city="Gent",
                  ship_country="BE")
    order = store.save_order(rules.OrderInput(**values), NOW)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_view("orders")
    view = window.view("orders")
    view.clock = lambda: NOW
    view.refresh()
    view.select_order(order.id)
    QApplication.processEvents()
    texts = _texts(view.detail)
    assert "Grote Houtstraat 50\n2011 AB Haarlem" in texts  # her own card: the shop's country not named
    assert "Zoë Verhoeven\nKerkstraat 12\n9000 Gent\nBelgië" in texts  # where the parcel goes: abroad, named


def test_the_zendingen_pane_names_a_country_abroad(qtbot, demo_db, translator):
    from desktop.store.models import Person, Shipment
    from desktop.views.main_window import MainWindow

    i18n.set_language("nl")
    shipment = Shipment.select().where(Shipment.person.is_null(False) & Shipment.custom_order.is_null()).first()
    Person.update(street="Kerkstraat 12", postcode="9000", city="Gent", country="BE").where(
        Person.id == shipment.person_id).execute()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_view("shipments")
    view = window.view("shipments")
    view.select_id(shipment.id)
    QApplication.processEvents()
    assert "Kerkstraat 12\n9000 Gent\nBelgië" in _texts(view.detail)


def test_the_influencer_pane_leaves_the_country_to_its_own_field(qtbot, demo_db, translator):
    from desktop.store.models import Person
    from desktop.views.influencers import InfluencersView

    i18n.set_language("en")
    person = Person.select().where(Person.is_influencer).first()
    Person.update(street="Kerkstraat 12", postcode="9000", city="Gent", country="BE").where(
        Person.id == person.id).execute()
    view = InfluencersView()
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    view.model.complete()
    view.select_person(person.id)
    texts = _texts(view.detail)
    assert "Kerkstraat 12\n9000 Gent" in texts and "Belgium" in texts  # once, in the Country field


ETSY = ("Sale Date\tOrder ID\tBuyer User ID\tFull Name\tNumber of Items\tStreet 1\tShip City\tShip Zipcode\t"
        "Ship Country\tCurrency\tOrder Total\n"
        "11/20/2026\t301\tukbuyer\tAmelia Jones\t1\t10 Downing Street\tLondon\tSW1A 2AA\tUnited Kingdom\tGBP\t17.00\n"
        "11/20/2026\t302\tusbuyer\tEmma Smith\t1\t1 Main St\tColumbia Heights\t55421\tUnited States\tUSD\t17.00\n"
        "11/20/2026\t303\tnlbuyer\tFenna de Vries\t1\tLange Voorhout 1\tDen Haag\t2514 EA\tNetherlands\tEUR\t17.00\n")


@pytest.mark.parametrize("language, uk, us, nl", [
    ("nl", "Verenigd Koninkrijk", "Verenigde Staten", "Nederland"),
    ("en", "United Kingdom", "United States", "Netherlands"),
])
def test_the_import_preview_writes_the_place_as_its_country_does(qtbot, demo_db, translator, language, uk, us, nl):
    from desktop.domain import order_importers as oi
    from desktop.store import shop_orders
    from desktop.views import order_import

    i18n.set_language(language)
    plan = shop_orders.plan_import(oi.parse_orders(ETSY.encode()))
    preview = order_import.OrderPreviewDialog(plan, "EtsySoldOrders2026.csv")
    qtbot.addWidget(preview)
    table = preview.customers
    rows = {table.item(r, 1).text(): (table.item(r, 3).text(), table.item(r, 4).text())
            for r in range(table.rowCount())}
    assert rows["Amelia Jones"] == ("London SW1A 2AA", uk)
    assert rows["Emma Smith"] == ("Columbia Heights 55421", us)
    assert rows["Fenna de Vries"] == ("2514 EA Den Haag", nl)  # a column of countries names the shop's own too
