"""Issue 21: the parcel dialog asks for the address when none is known and saves it to the
person with the parcel (one transaction, undone with it); a parcel without an address is
flagged in Zendingen; marking it as sent needs an explicit yes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from desktop import clock, i18n
from desktop.domain import shipments as rules
from desktop.store import shipping
from desktop.store.models import Event, Person, Product, Shipment
from desktop.views import dialogs
from desktop.views.shipments import NO_ADDRESS, ShipmentsView
from desktop.views.shipping_dialogs import ShipmentDialog

from .conftest import NOW


@pytest.fixture
def nl(translator, monkeypatch):
    monkeypatch.setattr(clock, "utcnow", lambda: NOW)
    i18n.set_language("nl")


@pytest.fixture
def eva(database):
    person = Person.create(name="Eva Smit", is_influencer=True, country="NL")  # no address yet
    product = Product.create(key="K1", name="Ketting", price_cents=2500)
    return person, product


def test_the_dialog_asks_for_a_missing_address_and_saves_it_to_her(qtbot, nl, eva):
    person, product = eva
    form = ShipmentDialog(None, person.id, [product.id])
    qtbot.addWidget(form.dialog)
    assert (form.street.text(), form.postcode.text(), form.city.text()) == ("", "", "")
    assert "nog geen adres bekend" in form.address_label.text()

    # Half an address, or a postcode of the wrong form, is refused at the field.
    form.set_values(address=("Lange Nieuwstraat 3", "", "Utrecht", "NL"))
    assert not form.accept()
    assert form.address_problem.isVisibleTo(form.dialog) and "postcode" in form.address_problem.text()
    form.set_values(address=("Lange Nieuwstraat 3", "35 11", "Utrecht", "NL"))
    assert not form.accept() and "Nederlandse postcode" in form.address_problem.text()

    form.set_values(carrier="postnl", tracking="3STUNM283054292", address=("Lange Nieuwstraat 3", "3512pn", "Utrecht", "NL"))
    assert form.accept()
    assert form.result.address == rules.Address("Lange Nieuwstraat 3", "3512 PN", "Utrecht", "NL")
    # the tracking link is built with the postcode typed here
    assert form.result.tracking_url.endswith("-NL-3512PN")
    created = shipping.create_shipment(form.result, NOW)
    person = Person.get_by_id(person.id)
    assert (person.street, person.postcode, person.city, person.country) == ("Lange Nieuwstraat 3", "3512 PN", "Utrecht", "NL")
    assert Shipment.get_by_id(created.shipment_id).person_id == person.id

    # Undo takes the typed address back with the parcel.
    shipping.undo_shipment(created)
    person = Person.get_by_id(person.id)
    assert (person.street, person.postcode, person.city) == ("", "", "")


def test_the_address_and_the_parcel_are_one_transaction(qtbot, nl, eva, monkeypatch):
    person, product = eva
    new = shipping.NewShipment(person_id=person.id, items=[(product.id, 1)],
                               address=rules.Address("Markt 1", "2000", "Antwerpen", "BE"))

    def broken(*_a, **_k):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(shipping.ShipmentItem, "create", broken)
    with pytest.raises(RuntimeError):
        shipping.create_shipment(new, NOW)
    person = Person.get_by_id(person.id)
    assert (person.street, person.city) == ("", "")  # nothing half-saved
    assert Shipment.select().count() == 0


def test_a_known_address_is_prefilled_and_kept(qtbot, nl, eva):
    _eva, product = eva
    sanne = Person.create(name="Sanne", is_influencer=True, street="Oudegracht 12", postcode="3511 AB",
                          city="Utrecht", country="NL")
    form = ShipmentDialog(None, sanne.id, [product.id])
    qtbot.addWidget(form.dialog)
    assert (form.street.text(), form.postcode.text(), form.city.text(), form.country.currentData()) == (
        "Oudegracht 12", "3511 AB", "Utrecht", "NL")
    form.set_values(carrier="postnl")
    assert form.accept()
    created = shipping.create_shipment(form.result, NOW)
    assert created.previous_address is None  # nothing changed on her profile


def test_sent_without_an_address_needs_an_explicit_yes(qtbot, nl, eva, monkeypatch):
    person, product = eva
    asked = []
    answer = [False]

    def confirm(parent, title, text):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(dialogs, "confirm", confirm)
    form = ShipmentDialog(None, person.id, [product.id], confirm=dialogs.confirm)
    qtbot.addWidget(form.dialog)
    form.set_values(carrier="postnl", sent=True)
    assert not form.accept()  # "no" keeps the dialog open
    assert form.result is None and "Eva Smit" in asked[0]
    answer[0] = True
    assert form.accept()
    assert form.result.sent and form.result.address is None
    # Not sent yet: no question (the parcel is flagged until the address is known).
    asked.clear()
    other = ShipmentDialog(None, person.id, [product.id], confirm=dialogs.confirm)
    qtbot.addWidget(other.dialog)
    other.set_values(carrier="postnl", sent=False)
    assert other.accept() and asked == []


def test_zendingen_flags_a_parcel_without_an_address(qtbot, nl, eva, monkeypatch):
    person, product = eva
    sanne = Person.create(name="Sanne", is_influencer=True, street="Oudegracht 12", postcode="3511 AB", city="Utrecht")
    flagged = shipping.create_shipment(shipping.NewShipment(person_id=person.id, items=[(product.id, 1)]), NOW)
    fine = shipping.create_shipment(shipping.NewShipment(person_id=sanne.id, items=[(product.id, 1)]), NOW)
    view = ShipmentsView()
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    view.refresh()
    ids = [r.id for r in view.model.rows]
    assert ids[0] == flagged.shipment_id  # what cannot go out comes first, though newer ones exist
    first = view.model.rows[0]
    assert first.cells[5] == "⚠ Klaar om te verzenden, geen adres" and first.colour == "red"
    assert "geen adres" not in view.model.rows[ids.index(fine.shipment_id)].cells[5]

    view.status_filter.setCurrentIndex(view.status_filter.findData(NO_ADDRESS))
    assert [r.id for r in view.model.rows] == [flagged.shipment_id]

    # The pane says so, and "Mark as sent" asks first.
    view.select_id(flagged.shipment_id)
    QApplication.processEvents()
    warning = view.detail.findChild(QLabel, "noAddressWarning")
    assert warning is not None and "Eva Smit" in warning.text()
    asked = []
    monkeypatch.setattr(dialogs, "confirm",
                        lambda parent, title, text: asked.append(text) or False)
    view.detail.findChild(QPushButton, "action_send").click()
    assert asked and Shipment.get_by_id(flagged.shipment_id).status == "ready"
    assert not Event.select().where(Event.subject_id == flagged.shipment_id, Event.text.startswith("Verzonden")).exists()

    # With the address filled in, the flag goes.
    Person.update(street="Lange Nieuwstraat 3", postcode="3512 PN", city="Utrecht").where(Person.id == person.id).execute()
    view.status_filter.setCurrentIndex(0)
    assert all("geen adres" not in r.cells[5] for r in view.model.rows)
