"""An order dated on a day still to come is a wrong date in the file: nothing of the file is
imported (audit of 2026-12-05: an order of 2098-01-01 became a custom order promised for
2098-01-11, and one of next June a promise seven months out, without a word)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog

from desktop import cli, i18n
from desktop.clock import utcnow
from desktop.domain import order_importers as oi
from desktop.store import shop_orders
from desktop.store.models import CustomOrder, Person, ShopOrder
from desktop.views import dialogs, order_import

from .test_order_import_gui import NL_FILE, drop_file, the_week_of_the_orders, window  # noqa: F401 (fixtures)
from .test_other_shop_orders import shifted, stored


def test_the_rule_allows_a_clock_set_wrong_and_not_a_wrong_date():
    today = date(2026, 11, 23)
    assert not oi.dated_ahead(date(2026, 11, 24), today) and not oi.dated_ahead(today, today)
    assert not oi.dated_ahead(date(2026, 12, 24), today)  # a month ahead: a clock set wrong, perhaps
    assert oi.dated_ahead(date(2026, 12, 25), today) and oi.dated_ahead(date(2098, 1, 1), today)
    assert oi.dated_ahead(date(2027, 6, 1), today) and not oi.dated_ahead(None, today)


@pytest.mark.parametrize("language, said", [
    ("nl", "„orders_export.csv” is niet geïmporteerd. 6 bestellingen hebben een datum die nog moet komen, zoals "
           "bestelling #2001 op regel 2 (2 november 2027). Kijk die datums na in je webshop en exporteer de "
           "bestellingen opnieuw. Er is niets veranderd."),
    ("en", "“orders_export.csv” was not imported. 6 orders are dated on days still to come, such as order #2001 "
           "on line 2 (2 November 2027). Check those dates in the shop and export the orders again. Nothing was "
           "changed."),
])
def test_a_file_with_orders_dated_ahead_is_refused_in_the_window_and_nothing_changes(
        qtbot, window, monkeypatch, tmp_path, language, said):  # noqa: F811
    i18n.set_language(language)
    before = (stored(), CustomOrder.select().count(), Person.select().count())
    previews, told = [], []
    monkeypatch.setattr(order_import, "run_dialog", lambda preview: previews.append(preview) or QDialog.Accepted)
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append(text))
    result = drop_file(qtbot, window, shifted(tmp_path, years=-1))
    assert not previews  # refused before the preview
    assert result == said and told == [said]
    assert (stored(), CustomOrder.select().count(), Person.select().count()) == before


def test_the_command_line_refuses_it_too_and_a_plan_with_it_is_never_written(database, tmp_path, capsys):
    i18n.set_language("en")
    ahead = shifted(tmp_path, years=-1)
    assert cli.main(["--lang", "en", "import", str(ahead)]) != 0
    assert "6 orders are dated on days still to come" in capsys.readouterr().err
    assert ShopOrder.select().count() == 0
    plan = shop_orders.plan_import(oi.parse_orders(ahead.read_bytes()))
    assert len(plan.dated_ahead) == 6
    with pytest.raises(shop_orders.OrdersDatedAhead):
        shop_orders.apply_plan(plan, utcnow())
    assert ShopOrder.select().count() == 0
    # The same file in its own year imports as before.
    assert cli.main(["--lang", "en", "import", str(NL_FILE)]) == 0
    assert ShopOrder.select().count() == 6


def test_an_order_already_stored_then_dated_ahead_is_told_by_its_date(database, tmp_path, capsys):
    """The file's order #2001 is stored, and the file now dates it a year ahead: the date is
    what is wrong, but it was said to be "an order of another Shopify shop" under the same
    number (its day differs from the stored one by more than a few days)."""
    i18n.set_language("en")
    assert cli.main(["--lang", "en", "import", str(NL_FILE)]) == 0
    before = stored()
    capsys.readouterr()
    assert cli.main(["--lang", "en", "import", str(shifted(tmp_path, years=-1))]) != 0
    err = capsys.readouterr().err
    assert "dated on days still to come" in err and "another" not in err, err
    assert stored() == before
