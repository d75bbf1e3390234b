"""Long lists come in pages (docs/PERFORMANCE.md, fix 34): the first screenful at once, the
rest a chunk per event-loop turn. The rows, their order and what the search, the filters
and finding a row see are those of the whole list, whenever the owner asks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from desktop import clock, i18n
from desktop.store.models import Person, Product, Shipment, ShipmentItem
from desktop.views.rows import FIRST_ROWS
from desktop.views.shipments import ShipmentsView

from .conftest import NOW

SHIPMENTS = 340


@pytest.fixture
def nl(translator, monkeypatch):
    monkeypatch.setattr(clock, "utcnow", lambda: NOW)
    i18n.set_language("nl")


@pytest.fixture
def parcels(database):
    """340 parcels of three people, Eva without an address (her open ones are flagged);
    some made at the same moment (the order then goes by id)."""
    eva = Person.create(name="Eva Smit", is_influencer=True)
    sanne = Person.create(name="Sanne Bakker", is_influencer=True, street="Oudegracht 12", postcode="3511 AB",
                          city="Utrecht")
    noor = Person.create(name="Noor de Boer", is_influencer=True, street="Markt 1", postcode="9000", city="Gent")
    ketting = Product.create(key="K1", name="Ketting", variant="goud", price_cents=2500)
    ring = Product.create(key="R1", name="Ring", price_cents=1500)
    statuses = ["received", "delivered", "ready", "sent", "returned"]
    rows = []
    for i in range(SHIPMENTS):
        person = (eva, sanne, noor)[i % 3]
        rows.append(dict(person=person.id, status=statuses[i % 5], carrier="postnl" if i % 2 else "dpd",
                         tracking_code=f"3S{i:08}", created_at=NOW - timedelta(hours=(i * 7) % 300),
                         sent_at=None if statuses[i % 5] == "ready" else NOW - timedelta(days=i % 40)))
    Shipment.insert_many(rows).execute()
    items = []
    for shipment in Shipment.select():
        items.append(dict(shipment=shipment.id, product=ketting.id, quantity=1))
        if shipment.id % 4 == 0:
            items.append(dict(shipment=shipment.id, product=ring.id, quantity=2))
    ShipmentItem.insert_many(items).execute()
    return eva


def expected_ids(eva, statuses=None):
    shipments = [s for s in Shipment.select() if statuses is None or s.status in statuses]
    newest_first = sorted(shipments, key=lambda s: (s.created_at, s.id), reverse=True)
    lacking = [s for s in newest_first if s.person_id == eva.id and s.status in ("ready", "sent")]
    return [s.id for s in lacking] + [s.id for s in newest_first if s not in lacking]


@pytest.fixture
def view(qtbot, nl):
    v = ShipmentsView()
    qtbot.addWidget(v)
    v.resize(1300, 800)
    v.show()
    return v


def test_zendingen_shows_the_first_page_then_every_row_in_the_list_order(qtbot, parcels, view):
    view.refresh()
    lacking = [s.id for s in Shipment.select().order_by(Shipment.created_at.desc(), Shipment.id.desc())
               if s.person_id == parcels.id and s.status in ("ready", "sent")]
    newest = [s.id for s in Shipment.select().order_by(Shipment.created_at.desc(), Shipment.id.desc())]
    # The first page: the flagged parcels ahead of the newest FIRST_ROWS (without those).
    assert view.model.loading
    assert [r.id for r in view.model.rows] == lacking + [i for i in newest[:FIRST_ROWS] if i not in lacking]
    assert [r.id for r in view.model.rows[:len(lacking)]] == lacking
    assert all(r.colour == "red" for r in view.model.rows[:len(lacking)])
    qtbot.waitUntil(lambda: not view.model.loading)
    assert [r.id for r in view.model.rows] == expected_ids(parcels)
    by_id = {r.id: r for r in view.model.rows}
    last = Shipment.select().order_by(Shipment.created_at, Shipment.id).first()  # in the last page
    assert by_id[last.id].cells[1] == ("Ketting (goud), Ring" if last.id % 4 == 0 else "Ketting (goud)")
    assert by_id[last.id].cells[3] == last.tracking_code


def test_a_search_or_a_row_asked_for_before_every_row_is_in(qtbot, parcels, view):
    oldest = Shipment.select().order_by(Shipment.created_at, Shipment.id).first()
    view.refresh()
    assert view.model.loading and view.model.index_of(oldest.id) is not None  # read to the end to find it
    assert not view.model.loading

    view.refresh()
    view.search.setText(oldest.tracking_code)
    view._apply_filter()
    assert [r.id for r in view.model.rows] == [oldest.id]
    view.search.clear()
    view._apply_filter()
    assert [r.id for r in view.model.rows] == expected_ids(parcels)

    view.refresh()
    view.select_id(oldest.id)
    QApplication.processEvents()
    assert view.current_id == oldest.id and view.model.rows[view.table.currentIndex().row()].id == oldest.id


@pytest.mark.parametrize("status", ["ready", "received", ""])
def test_the_status_filter_over_pages(qtbot, parcels, view, status):
    view.status_filter.setCurrentIndex(view.status_filter.findData(status))  # refreshes when it changes
    if not status:
        view.refresh()
    qtbot.waitUntil(lambda: not view.model.loading)
    assert [r.id for r in view.model.rows] == expected_ids(parcels, (status,) if status else None)


# --- Influencers ------------------------------------------------------------------------

PEOPLE = 260


@pytest.fixture
def people(database):
    """260 influencers, 60 names twice (the order then goes by id), a tag on two of the
    last ones by name (so it comes in a later page)."""
    rows = []
    for i in range(PEOPLE):
        name = f"Influencer {i % 200:03}"
        tags = ["late-tag"] if i in (198, 199) else (["early"] if i == 3 else [])
        rows.append(dict(name=name, is_influencer=True, tags=tags, country="BE" if i % 3 == 0 else "NL"))
    Person.insert_many(rows).execute()
    Person.create(name="A customer", is_influencer=False)
    return [p.id for p in Person.select().where(Person.is_influencer == True)  # noqa: E712
            .order_by(Person.name, Person.id)]


@pytest.fixture
def influencers(qtbot, nl):
    from desktop.views.influencers import InfluencersView

    v = InfluencersView()
    qtbot.addWidget(v)
    v.resize(1300, 800)
    v.show()
    return v


def test_influencers_come_by_name_in_pages(qtbot, people, influencers):
    influencers.refresh()
    assert influencers.model.loading and [r.id for r in influencers.model.rows] == people[:FIRST_ROWS]
    assert influencers.tag_filter.findData("late-tag") == -1  # not in yet
    qtbot.waitUntil(lambda: not influencers.model.loading)
    assert [r.id for r in influencers.model.rows] == people
    assert influencers.tag_filter.findData("late-tag") > 0  # every influencer's tags once all are in


def test_the_tag_filter_offers_every_tag_when_reached_for_early(qtbot, people, influencers):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QFocusEvent

    influencers.refresh()
    assert influencers.model.loading
    QApplication.sendEvent(influencers.tag_filter, QFocusEvent(QEvent.Type.FocusIn))
    assert not influencers.model.loading and influencers.tag_filter.findData("late-tag") > 0


def test_influencer_filters_search_and_selection_see_every_row(qtbot, people, influencers):
    last = people[-1]
    influencers.refresh()
    influencers.select_person(last)
    assert influencers.current_id == last
    influencers.refresh()
    influencers.country_filter.setCurrentIndex(influencers.country_filter.findData("BE"))
    assert [r.id for r in influencers.model.rows] == [
        p.id for p in Person.select().where(Person.country == "BE", Person.is_influencer == True)  # noqa: E712
        .order_by(Person.name, Person.id)]
    influencers.country_filter.setCurrentIndex(0)
    influencers.refresh()
    influencers.search.setText("influencer 199")
    influencers._apply_filter()
    assert [r.id for r in influencers.model.rows] == people[-1:]  # the last by name: in the last page
    # The pane follows after the typing pause, then measures itself a turn later: both
    # while the view is still there (pytest-qt closes it next, and deletes it later).
    qtbot.waitUntil(lambda: not influencers.detail_pending())
    QApplication.processEvents()
