"""One amount typed into every dialog that takes money is the same number of cents in all.

Each dialog is driven through its own save / accept path (what the Save or OK button
calls), in the UI language the owner chose: "1.250" is € 1.250,00 in Dutch everywhere,
and refused everywhere in English (three decimals: a thousand or € 1,25?).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog

from desktop import clock, i18n
from desktop.store.models import Collaboration, Content, CustomOrder, Deliverable, Person, Product
from desktop.views.collaboration_dialog import CollaborationDialog
from desktop.views.content_dialog import ContentDialog
from desktop.views.order_dialog import OrderDialog
from desktop.views.shipping_dialogs import ProductDialog, ShipmentDialog
from tests.conftest import NOW


@pytest.fixture
def owner(qtbot, database, translator, monkeypatch):
    monkeypatch.setattr(clock, "utcnow", lambda: NOW)
    person = Person.create(name="Sanne de Vries", is_influencer=True, street="Markt 1", postcode="1011 AB",
                           city="Amsterdam", country="NL")
    product = Product.create(key="KT-01", name="Ketting Maan", price_cents=3995)
    collaboration = Collaboration.create(person=person, title="Ketting Maan", status="agreed")
    Deliverable.create(collaboration=collaboration, kind="post", count=1, deadline=NOW.date() + timedelta(days=7))
    yield person, product, collaboration
    # pytest-qt has closed the dialogs with deleteLater(); delete them now, while this test's
    # database is open, instead of letting eighty of them go in a later test's event loop.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# Each reader types ``text`` into the dialog's money field, presses save, and returns the
# cents the dialog handed on (or stored), or the message it showed at the field.

def order_price(qtbot, owner, text):
    dialog = OrderDialog(None, NOW)
    qtbot.addWidget(dialog)
    dialog.name.setText("Ingrid Jansen")
    dialog.price.setText(text)
    dialog.save()
    if dialog.result() == QDialog.Accepted:
        return CustomOrder.get_by_id(dialog.saved.id).price_cents
    assert CustomOrder.select().count() == 0
    assert dialog.errors["price"].isVisibleTo(dialog)
    return dialog.errors["price"].text()


def order_deposit(qtbot, owner, text):
    dialog = OrderDialog(None, NOW)
    qtbot.addWidget(dialog)
    dialog.name.setText("Ingrid Jansen")
    dialog.price.setText("5000")
    dialog.deposit.setText(text)
    dialog.save()
    if dialog.result() == QDialog.Accepted:
        return CustomOrder.get_by_id(dialog.saved.id).deposit_cents
    assert dialog.errors["deposit"].isVisibleTo(dialog)
    return dialog.errors["deposit"].text()


def parcel_shipping(qtbot, owner, text):
    person, product, _c = owner
    form = ShipmentDialog(None, person.id, [product.id])
    qtbot.addWidget(form.dialog)
    form.set_values(carrier="postnl", tracking="", shipping=text)
    if form.accept():
        return form.result.shipping_cents
    assert form.shipping_problem.isVisibleTo(form.dialog)
    return form.shipping_problem.text()


def product_price(qtbot, owner, text):
    form = ProductDialog(None)
    qtbot.addWidget(form.dialog)
    form.fields["name"].setText("Enkelbandje")
    form.fields["price"].setText(text)
    if form.accept():
        return form.result.price_cents
    assert form.problem.isVisibleTo(form.dialog)
    return form.problem.text()


def _collaboration(qtbot, owner, field, text):
    person, _p, _c = owner
    dialog = CollaborationDialog(None, person=person)
    qtbot.addWidget(dialog)
    dialog.w(field).setText(text)
    before = Collaboration.select().count()
    if dialog.save():
        return getattr(dialog.collaboration, field + "_cents")
    assert Collaboration.select().count() == before
    return dialog.error_text(field)


def collaboration_fee(qtbot, owner, text):
    return _collaboration(qtbot, owner, "fee", text)


def collaboration_product_cost(qtbot, owner, text):
    return _collaboration(qtbot, owner, "product_cost", text)


def collaboration_shipping(qtbot, owner, text):
    return _collaboration(qtbot, owner, "shipping", text)


def content_revenue(qtbot, owner, text):
    _person, _p, collaboration = owner
    dialog = ContentDialog(None, collaboration=collaboration)
    qtbot.addWidget(dialog)
    dialog.w("url").setText("https://www.instagram.com/p/Cx12ab/")
    dialog.w("revenue").setText(text)
    if dialog.save():
        return Content.get_by_id(dialog.content.id).revenue_cents
    assert Content.select().count() == 0
    return dialog.error_text("revenue")


READERS = [order_price, order_deposit, parcel_shipping, product_price, collaboration_fee,
           collaboration_product_cost, collaboration_shipping, content_revenue]


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.__name__)
@pytest.mark.parametrize("language,text,cents", [
    ("nl", "1.250", 125000),      # the case that used to be € 1,25 in the collaboration dialog
    ("nl", "1.250,00", 125000),
    ("nl", "€ 12,50", 1250),
    ("nl", "12.50", 1250),
    ("en", "1,250", 125000),
    ("en", "12.50", 1250),
])
def test_every_money_dialog_reads_an_amount_the_same(qtbot, owner, reader, language, text, cents):
    i18n.set_language(language)
    assert reader(qtbot, owner, text) == cents


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.__name__)
@pytest.mark.parametrize("language,text,words", [
    ("en", "1.250", "more than two decimal places"),
    ("nl", "1,250", "meer dan twee cijfers achter de komma"),
    ("nl", "-3", "negatief"),
    ("en", "twelve", "is not an amount"),
])
def test_every_money_dialog_refuses_the_same_at_the_field(qtbot, owner, reader, language, text, words):
    i18n.set_language(language)
    message = reader(qtbot, owner, text)
    assert isinstance(message, str) and words in message


def test_the_three_dialogs_agree_on_one_thousand_two_hundred_and_fifty(qtbot, owner):
    """The order, the parcel and the collaboration dialog: "1.250" typed in Dutch."""
    i18n.set_language("nl")
    seen = {reader.__name__: reader(qtbot, owner, "1.250")
            for reader in (order_price, parcel_shipping, collaboration_fee)}
    assert seen == {"order_price": 125000, "parcel_shipping": 125000, "collaboration_fee": 125000}


def _layout_item_wrappers() -> int:
    """Wrappers of layout items Qt handed out (itemAt...). The spacers a compiled form
    makes itself (created by Python, views/ui_forms/) are not counted: they live and go
    with their layout, which PySide knows of."""
    import shiboken6
    from PySide6.QtWidgets import QLayout, QLayoutItem

    return sum(isinstance(o, QLayoutItem) and not isinstance(o, QLayout) and not shiboken6.createdByPython(o)
               for o in shiboken6.getAllValidWrappers())


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.__name__)
def test_a_refused_amount_leaves_no_stale_layout_items_behind(qtbot, owner, reader):
    """Finding where to show the message must not ask layouts for their items: PySide keeps
    each QLayoutItem wrapper it hands out, Qt frees the item without telling it, and a later
    object at that address came back as a stale 'QWidgetItem' (and, eighty dialogs on, crashed)."""
    i18n.set_language("nl")
    before = _layout_item_wrappers()
    assert isinstance(reader(qtbot, owner, "twintig"), str)
    assert _layout_item_wrappers() == before
