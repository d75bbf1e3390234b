"""The store keeps facts; presentation/errors.py words what it refused (issue #19)."""

from __future__ import annotations

import pytest

from desktop import i18n
from desktop.presentation import errors
from desktop.store import pictures


def test_a_refused_picture_is_a_fact_worded_in_the_readers_language(tmp_path):
    fake = tmp_path / "nep.png"
    fake.write_text("dit is geen foto")
    with pytest.raises(pictures.NotAPicture) as refused:
        pictures.import_picture(fake)
    assert refused.value.reason == pictures.NOT_A_PICTURE and refused.value.file == "nep.png"
    with i18n.speaking("nl"):
        assert errors.text(refused.value) == "„nep.png” is geen afbeelding (PNG, JPEG, GIF of WebP)."
    with i18n.speaking("en"):
        assert errors.text(refused.value) == "“nep.png” is not a picture (PNG, JPEG, GIF or WebP)."


def test_every_picture_reason_has_its_words():
    for reason in (pictures.UNREADABLE, pictures.NOT_A_FILE, pictures.NOT_A_PICTURE, pictures.TOO_LARGE,
                   pictures.NONE_GIVEN, pictures.EMPTY, pictures.DAMAGED, pictures.TOO_MANY_PIXELS):
        with i18n.speaking("en"):
            worded = errors.text(pictures.NotAPicture(reason, "a.png", error="Permission denied"))
        assert worded and not worded.startswith(reason), reason


def test_a_disk_error_on_a_full_disk_is_told_as_a_full_disk(tmp_path, monkeypatch):
    import shutil
    from collections import namedtuple

    from desktop.store import storage_errors

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda folder: usage(10**9, 10**9 - 10, 10))
    assert storage_errors.as_told(storage_errors.DISK, tmp_path) == storage_errors.FULL
    with i18n.speaking("en"):
        assert errors.storage(storage_errors.DISK, tmp_path).startswith(
            f"The disk with your Afspraak data ({tmp_path}) is full.")
    monkeypatch.setattr(shutil, "disk_usage", lambda folder: usage(10**9, 10, 10**9 - 10))
    assert storage_errors.as_told(storage_errors.DISK, tmp_path) == storage_errors.DISK
    with i18n.speaking("en"):
        assert "reported an error" in errors.storage(storage_errors.DISK, tmp_path)


def test_an_order_refusal_holds_facts_and_the_domains_words(database):
    from datetime import date, datetime

    from desktop.domain.orders import OrderInput
    from desktop.store import orders

    now = datetime(2026, 11, 23, 9, 30)
    order = orders.save_order(OrderInput(name="Anna de Vries", order_number="#7", ordered_on=date(2026, 11, 20),
                                         promised_ready=date(2026, 11, 27), money_locale="nl_NL"), now)
    with pytest.raises(orders.OrderInvalid) as refused:
        orders.move_status(order.id, "shipped", now)
    problem = refused.value.errors["status"]
    assert problem == orders.Problem(orders.CANNOT_MOVE, {"old": order.status, "new": "shipped"})
    with i18n.speaking("en"):
        assert errors.fields(refused.value) == {"status": "An order that is new cannot become shipped."}
    with i18n.speaking("nl"):
        assert errors.fields(refused.value) == {"status": "Een bestelling met status nieuw kan niet naar verzonden."}
    with pytest.raises(orders.OrderInvalid) as refused:
        orders.ship_order(order.id, orders.ShipInput(), now)
    with i18n.speaking("nl"):
        assert errors.text(refused.value) == errors.order_problem(orders.Problem(orders.NOT_READY)) != "not_ready"
    assert errors.order_problem("Al gezegd door het domein.") == "Al gezegd door het domein."


def test_a_refused_template_keeps_the_domains_words_and_the_empty_body_as_a_fact(database):
    from datetime import datetime

    from desktop.store import templates

    with pytest.raises(templates.TemplateRefused) as refused:
        templates.save("deliverable_reminder", "nl", "je", "Hoi {onbekend}", "  ", datetime(2026, 11, 23, 9, 30))
    assert refused.value.empty and len(refused.value.problems) == 1
    with i18n.speaking("en"):
        words = errors.template_problems(refused.value)
    assert words[0] == refused.value.problems[0] and words[1] == "The message is empty."
    assert templates.own("deliverable_reminder", "nl", "je") is None


def test_an_imported_custom_order_and_its_moves_are_facts_worded_when_shown(database):
    from desktop.domain import order_importers as oi
    from desktop.presentation import event_texts
    from desktop.store import shop_orders
    from desktop.store.models import CustomOrder, Event, Product
    from tests.conftest import NOW
    from tests.test_order_importers import DATA
    from tests.test_shop_orders import IMPORTED  # the week the file's orders are recent

    for sku in ("NK-501", "NK-502", "SH-401"):
        Product.get_or_create(key=sku, defaults={"sku": sku, "name": sku})
    data = (DATA / "shopify_orders_nl.csv").read_bytes()
    plan = shop_orders.plan_import(oi.parse_orders(data), IMPORTED)
    shop_orders.apply_plan(plan, NOW, made_to_order={p.key for p in plan.products})
    mila = CustomOrder.get(CustomOrder.order_number == "#2001")
    imported = Event.get(Event.subject_type == "custom_order", Event.subject_id == mila.id, Event.kind == "order")
    assert (imported.fact, imported.text) == ("order_imported", "")
    assert imported.params == {"number": "#2001", "platform": "shopify", "date": "2026-11-12"}
    with i18n.speaking("nl"):
        assert event_texts.shown(imported) == "Maatwerkbestelling #2001 geïmporteerd uit Shopify, beloofd voor " \
            + i18n.format_date(mila.promised_ready)
    with i18n.speaking("en"):
        assert event_texts.shown(imported) == "Custom order #2001 imported from Shopify, promised for " \
            + i18n.format_date(mila.promised_ready)
    later = data.decode("utf-8").replace("paid,2026-11-02 10:14:00 +0100,unfulfilled,",
                                         "paid,2026-11-02 10:14:00 +0100,fulfilled,")
    shop_orders.apply_plan(shop_orders.plan_import(oi.parse_orders(later.encode()), IMPORTED), NOW)
    moved = Event.select().where(Event.subject_id == mila.id, Event.kind == "status").order_by(Event.id).first()
    assert (moved.fact, moved.text, moved.step) == ("order_status", "", "in_production")
    with i18n.speaking("en"):
        assert event_texts.shown(moved) == "Order #2001: New → In production (Shopify)"
    with i18n.speaking("nl"):
        assert event_texts.shown(moved) == "Bestelling #2001: Nieuw → In productie (Shopify)"


def test_the_orders_import_summary_is_worded_from_its_counts():
    from desktop.presentation import import_texts
    from desktop.store.shop_orders import OrderImportSummary

    summary = OrderImportSummary("shopify", new=2, custom_orders=1, without_customer=3, notes=["Een notitie."])
    with i18n.speaking("en"):
        lines = import_texts.order_summary_lines(summary)
    assert lines[:2] == ["2 new orders", "1 new custom order"]  # no counts of nothing
    assert lines[-2:] == ["Een notitie.", "3 made-to-order items are in orders without a customer: "
                                          "no custom orders were made for them."]


def test_an_orders_import_summary_with_more_notes_than_shown_says_how_many_more():
    from desktop.presentation import import_texts
    from desktop.store.shop_orders import OrderImportSummary

    summary = OrderImportSummary("shopify", notes=[f"Regel {n}." for n in range(2, 16)])
    with i18n.speaking("nl"):
        lines = import_texts.order_summary_lines(summary, limit=10)
    assert lines[-11:-1] == [f"Regel {n}." for n in range(2, 12)] and lines[-1] == "… en nog 4"
