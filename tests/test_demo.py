import pytest

from desktop import demo
from desktop.store.models import CustomOrder, Event, Person, Product, Shipment

from .conftest import NOW


def test_demo_fills_a_believable_shop(database):
    counts = demo.fill(NOW)
    assert Person.select().where(Person.is_influencer == True).count() == 12  # noqa: E712
    assert Product.select().count() == 20
    assert CustomOrder.select().count() == 5
    assert Shipment.select().count() >= 8
    assert counts["events"] == Event.select().count()
    oldest = Event.select().order_by(Event.at).first().at
    assert (NOW - oldest).days >= 60  # a few months of timeline
    assert Event.select().where(Event.at > NOW).count() == 0


def test_demo_refuses_a_database_with_data(database):
    Person.create(name="Echte klant")
    with pytest.raises(demo.DatabaseNotEmpty):
        demo.fill(NOW)
    assert Person.select().count() == 1
