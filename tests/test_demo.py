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


def test_a_collaboration_never_lags_behind_its_parcel(database):
    """A parcel she confirmed makes the collaboration at least "received" (Tess's showed
    "Verzonden" beside "Ontvangst bevestigd"); a parcel sent makes it at least "shipped"."""
    from desktop.domain.collaborations import PIPELINE
    from desktop.store.models import Collaboration

    demo.fill(NOW)
    wanted = {"received": "received", "sent": "shipped"}
    for shipment in Shipment.select().where(Shipment.collaboration.is_null(False)):
        collab = Collaboration.get_by_id(shipment.collaboration_id)
        if shipment.status in wanted and collab.status in PIPELINE:
            assert PIPELINE.index(collab.status) >= PIPELINE.index(wanted[shipment.status]), (
                collab.title, collab.status, shipment.status)
