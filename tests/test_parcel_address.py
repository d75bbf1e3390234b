"""Where a custom order's parcel goes, as the shop's order says (review of the import: the
ship dialog of a buyer's own order showed her gift's address, and the gift's the buyer's):
the ship dialog, Maatwerk's pane, Zendingen's pane and the carrier's tracking link."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.domain import shipments as rules
from desktop.store import orders as order_store
from desktop.store import shipping
from desktop.store.models import CustomOrder, Person, Shipment, ShopOrder
from tests.conftest import NOW
from tests.test_order_ship_to import GIFTS, import_bytes


@pytest.fixture
def gift_orders(database):
    """Lotte's gift (#1038, to Zoë in Gent) and her own order (#1039), made to order, ready."""
    import_bytes(GIFTS.read_bytes(), marks={"sku:NK-502"})
    orders = {o.order_number: o for o in CustomOrder.select()}
    assert set(orders) == {"#1038", "#1039"}
    CustomOrder.update(status="ready").execute()
    return orders


@pytest.fixture
def window(qtbot, gift_orders, translator):
    from desktop.views.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    return w


def test_the_ship_dialog_of_a_gift_names_its_recipient_and_the_shops_address(qtbot, window, gift_orders):
    from desktop.views.order_message import OrderShipDialog

    gift = OrderShipDialog(window, gift_orders["#1038"].id, NOW)
    qtbot.addWidget(gift)
    assert gift.form.findChild(QLabel, "heading").text() == "Aan Zoë Verhoeven, Kerkstraat 12, 9000 Gent, België"
    assert gift.form.findChild(QLabel, "deliveryNote").text() == (
        "Besteld door Lotte De Wit voor iemand anders: het adres is dat uit de bestelling in je webshop.")
    assert gift.carrier.currentData() == "bpost"
    own = OrderShipDialog(window, gift_orders["#1039"].id, NOW)
    qtbot.addWidget(own)
    assert own.form.findChild(QLabel, "heading").text() == "Aan Lotte De Wit, Meir 8, bus 3, 2000 Antwerpen, België"
    assert own.form.findChild(QLabel, "deliveryNote") is None  # her own address: nothing to add


def test_the_ship_dialog_says_when_her_address_in_afspraak_is_another_one(qtbot, window, gift_orders):
    from desktop.views.order_message import OrderShipDialog

    Person.update(street="Nationalestraat 2").execute()  # she told the owner she moved
    own = OrderShipDialog(window, gift_orders["#1039"].id, NOW)
    qtbot.addWidget(own)
    assert own.form.findChild(QLabel, "heading").text() == "Aan Lotte De Wit, Meir 8, bus 3, 2000 Antwerpen, België"
    assert own.form.findChild(QLabel, "deliveryNote").text() == (
        "Afspraak heeft een ander adres van deze klant: Nationalestraat 2, 2000 Antwerpen, België. Kijk na naar "
        "welk adres dit pakket moet.")


def test_a_gifts_tracking_link_and_parcel_name_the_recipients_place(qtbot, window, gift_orders):
    shipment = order_store.ship_order(gift_orders["#1038"].id, order_store.ShipInput("postnl", "3SABCD1234567"), NOW)
    assert shipment.tracking_url.endswith("-BE-9000")  # PostNL asks the postcode it goes to: Gent's
    view = window.view("shipments")
    view.refresh()
    texts = detail_texts(view, shipment.id)
    assert "Zending naar Zoë Verhoeven" in texts and any(t.startswith("Kerkstraat 12") for t in texts)
    assert Shipment.select().count() == 1


def detail_texts(view, row_id) -> list[str]:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    view.fill_detail(row_id, layout)
    return [w.text() for w in holder.findChildren(QLabel) if w.text()]


def test_maatwerk_shows_where_a_gift_goes(qtbot, window, gift_orders):
    view = window.view("orders")
    view.refresh()
    gift = detail_texts(view, gift_orders["#1038"].id)
    assert "Verzenden naar" in gift
    assert "Zoë Verhoeven\nKerkstraat 12\n9000\u00a0Gent\nBelgië\n+32 9 123 45 67" in gift
    own = detail_texts(view, gift_orders["#1039"].id)
    assert "Verzenden naar" not in own  # her own address: said once


# --- Zendingen's "no address" follows where the parcel goes ------------------------------------

def gift_parcel(gift_orders, buyer_address: bool, recipient_address: bool, status: str = "sent") -> int:
    """The gift's parcel (#1038, to Zoë), its buyer Lotte with or without an address on her
    card, the shop's order with Zoë's whole address or only her street."""
    if not buyer_address:
        Person.update(street="", postcode="", city="").execute()
    if not recipient_address:  # the order names where it goes, but not all of it
        ShopOrder.update(ship_postcode="", ship_city="").where(ShopOrder.number == "#1038").execute()
    gift = gift_orders["#1038"]
    if status == "sent":
        return order_store.ship_order(gift.id, order_store.ShipInput("bpost"), NOW).id
    return Shipment.create(person=gift.person_id, custom_order=gift.id, status=status, created_at=NOW).id


def listed(statuses=None) -> dict[int, tuple]:
    return {row[0]: row for rows, _products in shipping.shipment_pages(statuses) for row in rows}


def test_the_list_reads_a_gifts_address_from_the_shops_order_not_the_buyers_card(gift_orders):
    sid = gift_parcel(gift_orders, buyer_address=False, recipient_address=True)
    row = listed()[sid]
    assert row[7:10] == ("Kerkstraat 12", "9000", "Gent")  # Zoë's, though Lotte's card has none
    assert not rules.missing_address(row[6], *row[7:10])


def test_the_list_flags_a_gift_whose_order_lacks_the_recipients_postcode(gift_orders):
    sid = gift_parcel(gift_orders, buyer_address=True, recipient_address=False)
    row = listed()[sid]
    assert row[7:10] == ("Kerkstraat 12", "", "")  # not Lotte's Meir 8, where it does not go
    assert rules.missing_address(row[6], *row[7:10])
    first, _products = next(shipping.shipment_pages())
    assert first[0][0] == sid  # what cannot go out comes first


def test_a_parcel_made_from_an_order_of_before_the_delivery_goes_to_the_customers_card(gift_orders):
    """An order imported before schema v16 (or whose recipient's data was erased) says
    nowhere: its parcel goes to the customer's card, as the ship dialog says."""
    ShopOrder.update(ship_name="", ship_street="", ship_postcode="", ship_city="", ship_country="",
                     ship_phone="").where(ShopOrder.number == "#1038").execute()
    sid = gift_parcel(gift_orders, buyer_address=True, recipient_address=True)
    assert listed()[sid][7:10] == ("Meir 8, bus 3", "2000", "Antwerpen")


@pytest.mark.parametrize("buyer_address, recipient_address, flagged", [(False, True, False), (True, False, True)])
def test_zendingen_flags_a_gift_by_the_recipients_address(qtbot, window, gift_orders, monkeypatch,
                                                          buyer_address, recipient_address, flagged):
    """Zendingen said "⚠ Verzonden, geen adres" of Lotte's gift to Zoë because Lotte's own card
    had no address, though the shop's order named Zoë's whole address; and said nothing of a
    gift whose order lacks Zoë's postcode and city because Lotte's card had hers."""
    from desktop.i18n import _
    from desktop.views.shipments import NO_ADDRESS

    sid = gift_parcel(gift_orders, buyer_address, recipient_address)
    view = window.view("shipments")
    view.refresh()
    row = next(r for r in view.model.all_rows if r.id == sid)
    assert ("geen adres" in row.cells[5]) is flagged and (row.colour == "red") is flagged
    view.status_filter.setCurrentIndex(view.status_filter.findData(NO_ADDRESS))
    assert [r.id for r in view.model.all_rows] == ([sid] if flagged else [])
    view.status_filter.setCurrentIndex(0)
    view.select_id(sid)
    warning = view.detail.findChild(QLabel, "noAddressWarning")
    if flagged:
        # the recipient's address is the shop order's to check, not the buyer's profile
        assert warning.text() == _("The shop's order gives no complete address for {name}: check it in your online "
                                   "shop before the parcel goes out.").format(name="Zoë Verhoeven")
    else:
        assert warning is None


@pytest.mark.parametrize("buyer_address, recipient_address, asked", [(False, True, False), (True, False, True)])
def test_marking_a_gift_sent_asks_about_the_recipients_address(qtbot, window, gift_orders, monkeypatch,
                                                                buyer_address, recipient_address, asked):
    from PySide6.QtWidgets import QPushButton

    from desktop.views import dialogs

    sid = gift_parcel(gift_orders, buyer_address, recipient_address, status="ready")
    questions = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: questions.append(text) or False)
    view = window.view("shipments")
    view.refresh()
    view.select_id(sid)
    view.detail.findChild(QPushButton, "action_send").click()
    if asked:
        assert len(questions) == 1 and "Zoë Verhoeven" in questions[0]
        assert Shipment.get_by_id(sid).status == "ready"  # she said no
    else:
        assert questions == [] and Shipment.get_by_id(sid).status == "sent"


@pytest.mark.parametrize("ship, card, goes_to", [
    (rules.ShipTo("Zoë", "Kerkstraat 12", "9000", "Gent", "BE"), ("", "", ""), ("Kerkstraat 12", "9000", "Gent")),
    (rules.ShipTo("Zoë", "Kerkstraat 12", country="BE"), ("Meir 8", "2000", "Antwerpen"), ("Kerkstraat 12", "", "")),
    (rules.ShipTo("Zoë", country="BE"), ("Meir 8", "2000", "Antwerpen"), ("", "", "")),  # says where: Belgium
    (rules.ShipTo("Zoë"), ("Meir 8", "2000", "Antwerpen"), ("Meir 8", "2000", "Antwerpen")),  # a name only
    (rules.ShipTo("", " ", "", ""), ("Meir 8", "2000", "Antwerpen"), ("Meir 8", "2000", "Antwerpen")),
    (None, ("Meir 8", "2000", "Antwerpen"), ("Meir 8", "2000", "Antwerpen")),
])
def test_a_parcel_goes_where_the_shops_order_says_else_to_the_card(ship, card, goes_to):
    assert rules.parcel_address(ship, *card) == goes_to


@pytest.mark.parametrize("language, words", [("nl", "Zoë Verhoeven (cadeau van {buyer})"),
                                             ("en", "Zoë Verhoeven (gift from {buyer})")])
def test_the_list_names_a_gifts_recipient_with_its_buyer(qtbot, window, gift_orders, language, words):
    """Zendingen's first column named the buyer (Lotte) for a parcel that goes to Zoë in Gent,
    while its pane said "to Zoë" (review of the gift recipient); her own order stays hers."""
    from desktop import i18n

    i18n.set_language(language)
    sid = gift_parcel(gift_orders, buyer_address=True, recipient_address=True)
    own = order_store.ship_order(gift_orders["#1039"].id, order_store.ShipInput("bpost"), NOW).id
    buyer = gift_orders["#1038"].person.name
    assert listed()[sid][10] == "Zoë Verhoeven" and listed()[own][10] == ""
    window.show_view("shipments")
    view = window.view("shipments")
    view.refresh()
    cells = {row.id: row.cells[0] for row in view.model.all_rows}
    assert cells[sid] == words.format(buyer=buyer)
    assert cells[own] == buyer
    view.search.setText("Zoë")  # found by her name, as by the buyer's
    view._apply_filter()
    assert [view.model.row_at(r).id for r in range(view.model.rowCount())] == [sid]
