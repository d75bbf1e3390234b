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

from PySide6.QtWidgets import QLabel, QPushButton

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
