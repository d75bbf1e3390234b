"""What the custom-order fixes of 2026-12 left (order-followups):

1. The order's message dialog said nothing of a message it could not sign (no shop or owner
   name yet): the confirmation went out ending on "Groetjes,".
2. Cancelling an order did not offer the cancellation message, as marking it ready offers
   the ready message.
3. After a new order was saved, "Send the customer an order confirmation now?" opened the
   ready message for an order saved as "Ready".
4. An order without a shop number read "Verzend bestelling —" and "Bestelling — bevestigd".
5. A lost or returned parcel of an order gave no lead: Zendingen never named the order, and
   Maatwerk still said "Verzonden" with "Markeren als bezorgd" as its main button.
"""

from __future__ import annotations

from datetime import date

import pytest

from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from desktop import i18n
from desktop.store import orders as store
from desktop.store import settings
from desktop.store.models import CustomOrder
from desktop.views import dialogs

from .conftest import NOW

BPOST = "323299999900001234567890"


def _order(**kw) -> CustomOrder:
    from tests.test_orders_store import form

    values = dict(name="Noor Visser", email="noor@example.nl", country="NL", language="nl", address_form="je",
                  order_number="#2001", ordered_on=date(2026, 11, 20), promised_ready=date(2026, 12, 4),
                  promised_delivery=None, status="new", money_locale="nl_NL")
    values.update(kw)
    return store.save_order(form(**values), NOW)


def _names_filled_in(monkeypatch, seen: list):
    """Settings answered as the owner would: her names typed on the page it opened at, saved."""

    def fill_in(window) -> bool:
        seen.append(window.current_page())
        window.shop_name.setText("Zilver & Zo")
        window.owner_name.setText("Eva")
        return window.save()

    monkeypatch.setattr(dialogs, "run", fill_in)


# --- 1. an unsigned order message says so, with the way to sign it ------------------------------

def test_the_order_message_dialog_says_a_message_is_not_signed_and_fills_in_the_names(
        qtbot, database, translator, monkeypatch):
    from desktop.views.order_message import OrderMessageDialog

    settings.set("shop_name", "")
    settings.set("owner_name", "")
    i18n.set_language("en")
    order = _order()
    dialog = OrderMessageDialog(None, order.id, "order_confirmation", NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    note = dialog.findChild(QLabel, "incompleteWords")
    assert note is not None and note.isVisible() and "not signed" in note.text()
    names = dialog.findChild(QPushButton, "fillInNames")
    assert names.isVisible()
    assert dialog.body.toPlainText().rstrip().endswith(",")  # "Cheers," with nobody under it
    seen: list = []
    _names_filled_in(monkeypatch, seen)
    names.click()
    assert seen == ["shop"]
    assert dialog.body.toPlainText().rstrip().endswith("Eva\nZilver & Zo")
    assert not dialog.findChild(QLabel, "incompleteWords").isVisible()
    assert not names.isVisible()


def test_a_signed_order_message_has_no_note(qtbot, database, translator):
    from desktop.views.order_message import OrderMessageDialog

    settings.set("shop_name", "Zilver & Zo")
    settings.set("owner_name", "")
    dialog = OrderMessageDialog(None, _order().id, "order_confirmation", NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.findChild(QLabel, "incompleteWords").isVisible()
    assert dialog.body.toPlainText().rstrip().endswith("Zilver & Zo")


# --- 2 and 3. the message offered after a move or a new order -----------------------------------

@pytest.fixture
def maatwerk(qtbot, database, translator):
    from .helpers import make_window

    settings.set("shop_name", "Zilver & Zo")
    settings.set("owner_name", "Eva")
    window = make_window(qtbot, "nl", view="orders", size=(1366, 768))
    view = window.view("orders")
    view.clock = lambda: NOW
    return view


def _opened(monkeypatch) -> list:
    """The order dialogs Maatwerk opens (message or shipping), by what they open on; closed at once."""
    from desktop.views import orders as orders_view

    opened: list = []
    monkeypatch.setattr(orders_view, "run_dialog", lambda d: opened.append(
        d.step() if hasattr(d, "step") else type(d).__name__) or QDialog.Rejected)
    return opened


def test_cancelling_an_order_offers_the_cancellation_message(qtbot, maatwerk, monkeypatch):
    order = _order(status="in_production")
    maatwerk.refresh()
    maatwerk.select_order(order.id)
    asked: list = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, text: asked.append((title, text)) or True)
    opened = _opened(monkeypatch)
    assert maatwerk.move_to("cancelled", order.id, "in_production")
    assert CustomOrder.get_by_id(order.id).status == "cancelled"
    assert asked[0][0] == "Bestelling annuleren"
    assert asked[1] == (i18n._("Order cancelled"), i18n._("Let the customer know the order is cancelled?"))
    assert opened == ["order_cancelled"]


def test_no_cancellation_message_when_she_says_no(qtbot, maatwerk, monkeypatch):
    order = _order(status="new")
    maatwerk.refresh()
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, _t: title == "Bestelling annuleren")
    opened = _opened(monkeypatch)
    assert maatwerk.move_to("cancelled", order.id, "new")
    assert opened == []


@pytest.mark.parametrize("status,question,step", [
    ("new", "orderbevestiging", "order_confirmation"),
    ("in_production", "orderbevestiging", "order_confirmation"),
    ("ready", "klaar is", "order_ready"),
])
def test_after_a_new_order_the_question_names_the_message_that_opens(qtbot, maatwerk, monkeypatch, status, question,
                                                                    step):
    """An order saved as "Klaar" was asked about an order confirmation and got the ready
    message: the question now names what opens."""
    from desktop.views import orders as orders_view

    opened: list = []
    choice = {"new": "Nieuw", "in_production": "In productie", "ready": "Klaar"}[status]

    def run(dialog):
        if hasattr(dialog, "step"):  # the message dialog: what it opens on
            opened.append(dialog.step())
            return QDialog.Rejected
        dialog.show()
        dialog.name.setText("Noor Visser")
        dialog.personalisation.setText("Letter N")
        dialog.price.setText("24,95")
        dialog.status.setCurrentIndex(dialog.status.findText(choice))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        dialog.hide()
        return dialog.result()

    monkeypatch.setattr(orders_view, "run_dialog", run)
    asked: list = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, text: asked.append((title, text)) or True)
    maatwerk.new_order()
    assert CustomOrder.get(CustomOrder.personalisation == "Letter N").status == status
    assert [title for title, _text in asked] == ["Bestelling opgeslagen"]
    assert question in asked[0][1]
    assert opened == [step]
