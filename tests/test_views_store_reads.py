"""What the views show when they ask the store instead of the models (issue #19: views run
no SQL): "Send to…" and "For custom order…" list the right rows, the privacy actions export
and erase through the store."""

from __future__ import annotations

import zipfile

import pytest

from desktop import i18n
from desktop.labels import label
from desktop.store import influencers as ops
from desktop.store.models import CustomOrder, Person, Product
from desktop.views import dialogs, privacy_actions
from desktop.views.main_window import MainWindow
from desktop.views.shipping import REFUSED_STATUSES

from .conftest import NOW


@pytest.fixture
def window(qtbot, demo_db, translator):
    i18n.set_language("nl")
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    w.show_view("influencers")
    return w


def chooser(monkeypatch, answer=None):
    asked = []

    def choose(parent, title, prompt, entries, current=None):
        asked.append(list(entries))
        return answer

    monkeypatch.setattr(dialogs, "choose", choose)
    return asked


def test_send_to_lists_every_influencer_by_name_with_why_she_gets_nothing(window, monkeypatch):
    blocked = Person.select().where(Person.is_influencer == True).order_by(Person.id).first()  # noqa: E712
    ops.block(blocked, "Never posted", NOW)
    product = Product.select().order_by(Product.id).first()
    window.shipping.catalogue.select_ids([product.id])
    asked = chooser(monkeypatch)

    window.shipping.send_selected()

    influencers = list(Person.select().where(Person.is_influencer == True).order_by(Person.name))  # noqa: E712
    assert len(influencers) > 1
    refused = [p for p in influencers if p.status in REFUSED_STATUSES]
    assert blocked.id in [p.id for p in refused] and len(refused) < len(influencers)
    assert asked == [[(p.id, p.name, label("person_status", p.status) if p in refused else None)
                      for p in influencers]]


def test_for_custom_order_lists_the_orders_not_made_yet_first_promised_first(window, monkeypatch):
    product = Product.select().order_by(Product.id).first()
    window.shipping.catalogue.select_ids([product.id])
    asked = chooser(monkeypatch)

    window.shipping.order_selected()

    waiting = list(CustomOrder.select().where(CustomOrder.status.in_(["new", "in_production", "ready"]))
                   .order_by(CustomOrder.promised_ready))
    assert waiting and CustomOrder.select().where(CustomOrder.status.not_in(["new", "in_production", "ready"])).exists()
    assert [entry[0] for entry in asked[0]] == [o.id for o in waiting]
    assert asked[0][0][1] == f"{waiting[0].order_number} voor {waiting[0].person.name}"


def test_privacy_actions_export_then_erase_a_person_through_the_store(demo_db, qapp, tmp_path, monkeypatch):
    person = Person.select().where(Person.is_influencer == True).order_by(Person.id).first()  # noqa: E712
    told = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(tmp_path / "export"))
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(dialogs, "confirm_with_option", lambda *a, **k: (True, False))

    out = privacy_actions.export_person(None, person.id)
    assert out == tmp_path / "export.zip"
    with zipfile.ZipFile(out) as z:
        assert person.name in z.read("data.json").decode("utf-8")

    assert privacy_actions.erase_person(None, person.id)
    assert Person.get_or_none(Person.id == person.id) is None
    assert person.name in told[-1]
