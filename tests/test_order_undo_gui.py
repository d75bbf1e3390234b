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


def test_ctrl_z_after_marking_ready_does_not_take_back_the_edit_under_it(qtbot, window, monkeypatch):
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
    qtbot.mouseClick(buttons(view)["nextStatus"], Qt.LeftButton)  # Mark as ready: no step
    assert CustomOrder.get_by_id(order.id).status == "ready"

    said = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: said.append((title, text)))
    window.undo_action.trigger()

    o = CustomOrder.get_by_id(order.id)
    assert (o.personalisation, o.status) == ("Naam: Mila (sierlijk)", "ready")  # nothing taken back
    assert said == [("Not undone", "\n".join([
        "“changes to the order for Sofie Maes” was not undone. Since then, this changed:",
        "• 23\xa0Nov\xa02026: Status change: Order #1029: In production → Ready",
        "",
        "Undoing it now would put the old data back over that, so nothing was taken back. If something is still "
        "not right, change it yourself."]))]
    assert not window.undo_stack.canUndo()  # the step is off the stack: Ctrl+Z does not ask again
