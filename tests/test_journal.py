"""The undo journal (store/journal.py): an action recorded, taken back and done again with
the same ids; only the columns it changed; a step that is no longer possible changes nothing."""

from __future__ import annotations

import pytest

from desktop.domain.importers import parse_export
from desktop.store import catalogue, journal, shipping
from desktop.store.models import Collaboration, Event, Person, Product, Shipment, ShipmentItem

from .conftest import NOW


def _state():
    return (sorted(Product.select(Product.id, Product.key, Product.name, Product.price_cents).tuples()),
            Shipment.select().count(), ShipmentItem.select().count(), Event.select().count(),
            Collaboration.select().count())


def test_a_shipment_is_undone_and_redone_with_the_same_rows(demo_db):
    person = Person.get(Person.name == "Sanne de Vries")
    product = Product.get(Product.sku == "ZK-001")
    before = _state()
    with journal.recording() as change:
        created = shipping.create_shipment(shipping.NewShipment(person.id, [(product.id, 2)], sent=True), NOW)
    after = _state()
    assert not change.empty and {"shipment", "shipment_item", "event", "collaboration"} <= change.tables
    journal.undo(change)
    assert _state() == before and not Shipment.select().where(Shipment.id == created.shipment_id).exists()
    journal.redo(change)
    assert _state() == after
    shipment = Shipment.get_by_id(created.shipment_id)  # the same id again
    assert shipment.status == "sent" and [i.quantity for i in shipment.items] == [2]
    assert Event.get_by_id(created.event_id).subject_id == created.shipment_id
    # The search index follows (its own triggers fire on the replay too).
    from desktop.store.db import db

    indexed = db.execute_sql("SELECT count(*) FROM event_fts WHERE rowid = ?", (created.event_id,)).fetchone()[0]
    assert indexed == 1


def test_undo_of_an_import_restores_only_what_it_changed(demo_db):
    data = ("Handle,Title,Variant SKU,Variant Price\n"
            "ring,Ring,RG-1,10.00\n"
            "ketting,Ketting,ZK-001,99.00\n").encode()
    existing = Product.get(Product.sku == "ZK-001")
    with journal.recording() as change:
        catalogue.apply_import(parse_export(data), NOW)
    assert Product.get_by_id(existing.id).price_cents == 9900
    # Edited by hand afterwards, in a column the import did not touch.
    Product.update(made_to_order=True).where(Product.id == existing.id).execute()
    journal.undo(change)
    restored = Product.get_by_id(existing.id)
    assert restored.price_cents == existing.price_cents and restored.name == existing.name
    assert restored.made_to_order
    assert not Product.select().where(Product.sku == "RG-1").exists()
    journal.redo(change)
    assert Product.get(Product.sku == "RG-1").price_cents == 1000


def test_an_undo_that_is_no_longer_possible_changes_nothing(demo_db):
    data = "Handle,Title,Variant SKU,Variant Price\nring,Ring,RG-1,10.00\n".encode()
    with journal.recording() as change:
        catalogue.apply_import(parse_export(data), NOW)
    ring = Product.get(Product.sku == "RG-1")
    person = Person.get(Person.name == "Sanne de Vries")
    shipping.create_shipment(shipping.NewShipment(person.id, [(ring.id, 1)]), NOW)  # not recorded
    before = _state()
    with pytest.raises(journal.NotUndoable):
        journal.undo(change)
    assert _state() == before


def test_nothing_is_logged_outside_a_recording(demo_db):
    with journal.recording() as change:
        pass
    Product.update(name="X").where(Product.sku == "ZK-001").execute()
    assert change.empty
    with journal.recording() as change:
        Product.update(name="Y").where(Product.sku == "ZK-001").execute()
    assert len(change.undo_sql) == 1  # only the column that changed (updated_at untouched here)
