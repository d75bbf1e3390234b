"""Issue 21: the detail pane always shows the selected row, and follows the search and the
filters (ListView in views/base.py, shared by every list view)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from desktop import clock, i18n
from desktop.store.models import Person
from desktop.views.influencers import InfluencersView
from desktop.views.shipments import ShipmentsView

from .conftest import NOW


@pytest.fixture
def influencers(qtbot, demo_db, translator, monkeypatch):
    monkeypatch.setattr(clock, "utcnow", lambda: NOW)
    i18n.set_language("nl")
    view = InfluencersView()
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    view.refresh()
    return view


def pane_texts(view) -> list[str]:
    QApplication.processEvents()  # a layout shows the widgets added to it on the next turn
    return [label.text() for label in view.detail.findChildren(QLabel) if label.isVisibleTo(view.detail)]


def pane_buttons(view) -> list[str]:
    QApplication.processEvents()
    return [b.text() for b in view.detail.findChildren(QPushButton) if b.isVisibleTo(view.detail)]


def search(qtbot, view, text: str) -> None:
    view.search.clear()
    qtbot.keyClicks(view.search, text)  # as typed: the filter runs on its timer
    qtbot.waitUntil(lambda: view.model._needle == " ".join(text.lower().split()))
    qtbot.waitUntil(lambda: not view.detail_pending())  # the pane follows after the typing pause


def test_a_search_that_hides_the_selected_row_moves_the_pane_to_the_first_match(qtbot, influencers):
    view = influencers
    blocked = Person.get(Person.status == "blocked")
    view.select_id(blocked.id)
    assert view.current_id == blocked.id
    assert blocked.name in pane_texts(view)
    assert "Deblokkeren" in pane_buttons(view)

    search(qtbot, view, "sanne")
    sanne = Person.get(Person.name == "Sanne de Vries")
    assert [r.id for r in view.model.rows] == [sanne.id]
    # The row shown is the one selected, and the pane shows her, not the hidden one.
    assert view.table.currentIndex().row() == 0
    assert view.current_id == sanne.id
    texts = pane_texts(view)
    assert "Sanne de Vries" in texts and blocked.name not in texts
    assert "Deblokkeren" not in pane_buttons(view)
    assert view.findChild(QLabel, "detailHint") is None

    # Widening the search again keeps her selected (the row still shows).
    search(qtbot, view, "e")
    assert view.current_id == sanne.id
    assert view.model.rows[view.table.currentIndex().row()].id == sanne.id


def test_a_search_that_matches_nothing_shows_a_hint_in_place_of_the_pane(qtbot, influencers):
    view = influencers
    view.select_id(Person.get(Person.status == "blocked").id)
    search(qtbot, view, "zzqx")
    assert view.model.rows == []
    assert view.current_id is None
    hint = view.findChild(QLabel, "detailHint")
    assert hint is not None
    qtbot.waitUntil(hint.isVisible)  # a layout shows what is added to it on the next turn
    assert "Niets in de lijst" in hint.text()
    assert pane_buttons(view) == []  # no action left over for somebody no longer listed
    assert view.no_match.isVisible()

    # Clearing the search brings back a selected row with its detail.
    view.search.clear()
    qtbot.waitUntil(lambda: view.current_id is not None and not view.detail_pending())
    assert view.findChild(QLabel, "detailHint") is None
    assert view.model.rows[view.table.currentIndex().row()].id == view.current_id


def test_a_status_filter_moves_the_pane_too(qtbot, influencers):
    view = influencers
    active = Person.get(Person.status == "active")
    view.select_id(active.id)
    view.status_filter.setCurrentIndex(view.status_filter.findData("blocked"))
    blocked_ids = {p.id for p in Person.select().where(Person.status == "blocked")}
    assert {r.id for r in view.model.rows} == blocked_ids
    assert view.current_id in blocked_ids
    assert "Deblokkeren" in pane_buttons(view)


def test_every_list_view_shares_it_shipments(qtbot, demo_db, translator, monkeypatch):
    monkeypatch.setattr(clock, "utcnow", lambda: NOW)
    i18n.set_language("nl")
    view = ShipmentsView()
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    view.refresh()
    assert len(view.model.rows) >= 2
    last = view.model.rows[-1]
    view.select_id(last.id)
    name = last.cells[0]
    other = next(r for r in view.model.rows if r.cells[0] != name)
    search(qtbot, view, other.cells[0])
    assert last.id not in [r.id for r in view.model.rows]
    assert view.current_id == view.model.rows[0].id
    assert any(other.cells[0] in t for t in pane_texts(view))



def test_the_pane_waits_for_the_typing_pause(qtbot, influencers):
    """Each filtered keystroke moves the selection at once; the pane is rebuilt once, for
    the row selected when the owner pauses, not for every first row that flashes by."""
    view = influencers
    built = []
    fill = view.fill_detail
    view.fill_detail = lambda row_id, layout: (built.append(row_id), fill(row_id, layout))
    view.select_id(Person.get(Person.status == "blocked").id)
    built.clear()
    for text in ("s", "sa", "san", "sanne"):
        view.search.setText(text)
        view._apply_filter()  # what the search's own timer runs
        assert view.current_id == view.model.rows[view.table.currentIndex().row()].id
    sanne = Person.get(Person.name == "Sanne de Vries")
    assert view.current_id == sanne.id and built == [] and view.detail_pending()
    qtbot.waitUntil(lambda: not view.detail_pending())
    assert built == [sanne.id]
    assert "Sanne de Vries" in pane_texts(view)
    # A click (or any selection not made by the search) shows its pane at once.
    view.select_id(Person.get(Person.status == "blocked").id)
    assert built[-1] == view.current_id and not view.detail_pending()
