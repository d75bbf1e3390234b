"""Orders of another shop under the same numbers are never mixed with hers (audit 9, new
owner F2): a second Shopify store (a test store, a shop opened again) numbers its orders
from #1001 too; importing its file updated her 2021 orders into hybrids (another shop's
date, amount and items under her customer's name). Now the file is refused, in her
language, naming one clash, and nothing changes; the same orders exported again (a day
apart at most: another time zone) still update as before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from desktop import cli, i18n
from desktop.clock import utcnow
from desktop.domain import order_importers as oi
from desktop.store import shop_orders
from desktop.store.models import Person, ShopOrder, ShopOrderLine
from desktop.views import dialogs, order_import

from .shared_data import shared_dir
from .test_order_import_gui import NL_FILE, drop_file, the_week_of_the_orders, window  # noqa: F401 (fixtures)

SHOPIFY = (shared_dir() / "data" / "shop-exports" / "orders" / "shopify") if shared_dir() else None
needs_shared = pytest.mark.skipif(SHOPIFY is None, reason="shared/data/shop-exports is not beside the checkout")


def shifted(tmp_path: Path, years: int = 0, days: int = 0, name: str = "orders_export.csv") -> Path:
    """The test shop's file with every order placed ``years`` earlier (another shop's
    orders under the same numbers) or ``days`` later (the same orders, another time zone)."""
    text = NL_FILE.read_text(encoding="utf-8-sig")

    def move(match: re.Match) -> str:
        year, month, day = int(match[1]) - years, int(match[2]), int(match[3]) + days
        return f"{year:04d}-{month:02d}-{day:02d} {match[4]}"
    path = tmp_path / name
    path.write_text(re.sub(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2}:\d{2} [+-]\d{4})", move, text), encoding="utf-8")
    return path


def stored() -> list[tuple]:
    return sorted(ShopOrder.select(ShopOrder.number, ShopOrder.ordered_on, ShopOrder.total_cents,
                                   ShopOrder.person).tuples())


def test_the_rule_allows_a_day_either_way():
    from datetime import date

    day = date(2026, 11, 2)
    assert not oi.another_shops_order(day, date(2026, 11, 3)) and not oi.another_shops_order(day, date(2026, 11, 1))
    assert oi.another_shops_order(day, date(2026, 11, 4)) and oi.another_shops_order(day, date(2021, 11, 2))
    assert not oi.another_shops_order(None, day)


@pytest.mark.parametrize("language, said", [
    ("nl", "„orders_export.csv” is niet geïmporteerd. 6 bestellingen hebben dezelfde nummers als bestellingen "
           "van een andere Shopify-winkel die al in Afspraak staan, zoals bestelling #2001 van 2 november 2023 "
           "(opgeslagen: geplaatst op 2 november 2026, Mila Jansen): importeren zou die bestellingen vervangen. "
           "Afspraak houdt de bestellingen van één winkel per platform bij. Er is niets veranderd."),
    ("en", "“orders_export.csv” was not imported. 6 orders have the same numbers as orders of another Shopify "
           "shop that are already in Afspraak, such as order #2001 of 2 November 2023 (stored: placed on "
           "2 November 2026, Mila Jansen): importing them would replace those orders. Afspraak keeps the "
           "orders of one shop per platform. Nothing was changed."),
])
def test_another_shops_file_is_refused_in_the_window_and_nothing_changes(
        qtbot, window, monkeypatch, tmp_path, language, said):  # noqa: F811
    monkeypatch.setattr(order_import, "run_dialog", lambda preview: QDialog.Accepted)
    monkeypatch.setattr(dialogs, "inform", lambda *a: None)
    drop_file(qtbot, window, NL_FILE)
    before = (stored(), ShopOrderLine.select().count(), Person.select().count())
    i18n.set_language(language)
    previews, told = [], []
    monkeypatch.setattr(order_import, "run_dialog", lambda preview: previews.append(preview) or QDialog.Accepted)
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append(text))
    result = drop_file(qtbot, window, shifted(tmp_path, years=3))
    assert not previews  # refused before the preview
    assert result == said and told == [said]
    assert (stored(), ShopOrderLine.select().count(), Person.select().count()) == before


def test_the_same_orders_a_day_later_in_another_time_zone_still_update(qtbot, window, monkeypatch, tmp_path):  # noqa: F811
    monkeypatch.setattr(order_import, "run_dialog", lambda preview: QDialog.Accepted)
    monkeypatch.setattr(dialogs, "inform", lambda *a: None)
    drop_file(qtbot, window, NL_FILE)
    summary = drop_file(qtbot, window, shifted(tmp_path, days=1))
    assert summary.updated == 6 and summary.new == 0
    assert ShopOrder.select().count() == 6


def test_the_command_line_refuses_it_too(database, tmp_path, capsys):
    i18n.set_language("en")
    assert cli.main(["--lang", "en", "import", str(NL_FILE)]) == 0
    before = stored()
    assert cli.main(["--lang", "en", "import", str(shifted(tmp_path, years=3))]) != 0
    err = capsys.readouterr().err
    assert "6 orders have the same numbers as orders of another Shopify shop" in err
    assert stored() == before


def test_a_plan_with_another_shops_orders_is_never_written(database, tmp_path):
    shop_orders.apply_plan(shop_orders.plan_import(oi.parse_orders(NL_FILE.read_bytes())), utcnow())
    before = stored()
    plan = shop_orders.plan_import(oi.parse_orders(shifted(tmp_path, years=3).read_bytes()))
    assert len(plan.other_shop) == 6 and not plan.updated_orders and not plan.new_orders
    with pytest.raises(shop_orders.OrdersOfAnotherShop):
        shop_orders.apply_plan(plan, utcnow())
    assert stored() == before


@needs_shared
def test_the_real_second_shopify_store_is_refused_after_the_belgian_shop(qtbot, window, monkeypatch):  # noqa: F811
    monkeypatch.setattr(order_import, "run_dialog", lambda preview: QDialog.Accepted)
    monkeypatch.setattr(dialogs, "inform", lambda *a: None)
    told = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append(text))
    drop_file(qtbot, window, SHOPIFY / "be_shop_orders_export_1.csv")
    before = (stored(), ShopOrderLine.select().count())
    assert len(before[0]) == 39
    result = drop_file(qtbot, window, SHOPIFY / "devstore_orders_export.csv")
    assert result.startswith("„devstore_orders_export.csv” is niet geïmporteerd. 19 bestellingen hebben "
                             "dezelfde nummers als bestellingen van een andere Shopify-winkel")
    assert (stored(), ShopOrderLine.select().count()) == before


def test_one_clashing_order_is_told_as_one(database, tmp_path):
    i18n.set_language("nl")
    shop_orders.apply_plan(shop_orders.plan_import(oi.parse_orders(NL_FILE.read_bytes())), utcnow())
    from desktop.presentation import import_texts

    text = NL_FILE.read_text(encoding="utf-8-sig").replace("2026-11-15 19:45:00", "2024-11-15 19:45:00")
    plan = shop_orders.plan_import(oi.parse_orders(text.encode()))
    assert import_texts.other_shop_text(plan) == (
        "1 bestelling heeft hetzelfde nummer als een bestelling van een andere Shopify-winkel die al in Afspraak "
        "staat: bestelling #2006 van 15 november 2024 (opgeslagen: geplaatst op 15 november 2026, "
        f"{plan.other_shop[0][2]}). Importeren zou die bestelling vervangen. Afspraak houdt de bestellingen van "
        "één winkel per platform bij.")
