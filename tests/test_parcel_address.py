"""Where a custom order's parcel goes, as the shop's order says (review of the import: the
ship dialog of a buyer's own order showed her gift's address, and the gift's the buyer's):
the ship dialog, Maatwerk's pane, Zendingen's pane and the carrier's tracking link."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.store import orders as order_store
from desktop.store.models import CustomOrder, Person, Shipment
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
