"""Maatwerk, as the owner does it: an edit in the order form, then "Markeren als klaar"
(no step on Edit → Undo), then Ctrl+Z. The edit is not taken back under the order marked
ready; she is told what changed since and that nothing was taken back (review of the
custom orders, finding 1, case c)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop import i18n
from desktop.store import settings
from desktop.store.models import CustomOrder
from desktop.views import dialogs
from desktop.views.main_window import MainWindow
from tests.conftest import NOW
from tests.test_orders_views import Script, buttons, make_order


@pytest.fixture
def window(qtbot, database, translator):
    settings.set("time_zone", "Europe/Amsterdam")
    i18n.set_language("en")  # the catalogs' Dutch for the new sentences comes with the lead's merge
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.show_view("orders")
    w.view("orders").clock = lambda: NOW
    return w


def test_ctrl_z_after_marking_ready_takes_back_the_move_first_then_the_edit_under_it(qtbot, window, monkeypatch):
    """Marking ready is a step of its own (views/orders.py): Ctrl+Z takes it back first, and
    only then the edit made before it (before, Ctrl+Z took back the edit under a later "Klaar")."""
    order = make_order(status="in_production", ready_in=5)
    view = window.view("orders")
    view.refresh()
    view.select_order(order.id)

    def edit(dialog):
        dialog.personalisation.setText("Naam: Mila (sierlijk)")
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.LeftButton)

    Script(monkeypatch, edit)
    view.edit_order()
    assert window.undo_action.text() == "&Undo changes to the order for Sofie Maes"
    monkeypatch.setattr(dialogs, "confirm", lambda *a: False)  # no "it is ready" message now
    qtbot.mouseClick(buttons(view)["nextStatus"], Qt.LeftButton)  # Mark as ready: a step
    assert CustomOrder.get_by_id(order.id).status == "ready"
    assert window.undo_action.text() != "&Undo changes to the order for Sofie Maes"

    window.undo_action.trigger()
    o = CustomOrder.get_by_id(order.id)
    assert (o.personalisation, o.status) == ("Naam: Mila (sierlijk)", "in_production")
    assert window.undo_action.text() == "&Undo changes to the order for Sofie Maes"
    window.undo_action.trigger()
    assert CustomOrder.get_by_id(order.id).personalisation != "Naam: Mila (sierlijk)"
