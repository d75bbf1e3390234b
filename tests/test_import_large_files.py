"""A large orders export (round 32 of docs/PERFORMANCE.md): read without holding every row,
its new rows written as Peewee writes them, and `afspraak import` saying how far it is."""

from __future__ import annotations

import io
import tracemalloc
from pathlib import Path

from bench.make_big_orders import make
from desktop import cli, i18n
from desktop.domain import importers
from desktop.domain import order_importers as oi
from desktop.store import shop_orders
from desktop.store.models import Person, ShopOrder, ShopOrderLine
from desktop.store.row_inserts import RowInserts, insert_person
from tests.conftest import NOW

SOURCE = Path(__file__).parent / "data" / "shop" / "shopify_orders_nl.csv"


def _large(tmp_path: Path, orders: int = 1500) -> bytes:
    out = tmp_path / "orders.csv"
    make(out, orders, SOURCE)
    return out.read_bytes()


def test_reading_holds_no_row_beyond_its_turn(tmp_path):
    """The rows of the file are not all held at once (every cell of 112,094 orders took over
    a GB, round 32), nor the text again at four bytes a character: at its peak the reading
    holds less than twice what it returns. Holding every row's cells, it held four times as
    much."""
    data = _large(tmp_path)
    tracemalloc.start()
    try:
        parsed = oi.parse_orders(data)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(parsed.orders) == 1500
    assert peak < 2 * kept


def test_the_two_passes_report_one_way_through(tmp_path):
    data = _large(tmp_path, 300)
    seen: list[float] = []
    oi.parse_orders(data, progress=lambda done, total: seen.append(done / total))
    assert seen == sorted(seen)  # never back to the start for the second pass
    assert 0.5 in seen and seen[-1] == 1.0
    assert any(0 < f < 0.5 for f in seen) and any(0.5 < f < 1 for f in seen)


def test_the_csv_reader_gets_the_lines_a_stringio_gave_it():
    import io
    import random

    rnd = random.Random(32)
    pieces = ["a", "é", "\r", "\n", "\r\n", '"', ",", ";", "\u2028", "\x0c", " "]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14)))
        assert list(importers.file_lines(text)) == list(io.StringIO(text, newline="")), repr(text)


def test_repeated_rows_are_still_told_by_what_they_hold():
    assert oi._cells_key(["#1", "a", " b ", "", ""]) == oi._cells_key(["#1", "a", "b"])
    assert oi._cells_key(["#1", "a,b"]) != oi._cells_key(["#1", "a", "b"])
    assert oi._cells_key(["#1", "ab", ""]) != oi._cells_key(["#1", "a", "b"])


def _row(model, rid: int) -> dict:
    row = model.select().where(model.id == rid).dicts().get()
    row.pop("id")
    return row


def test_rows_inserted_through_one_statement_are_the_rows_peewee_writes(database):
    values = dict(name="Émile d'Ath", email="e@example.be", phone="", street="Rue 1", postcode="7800", city="Ath",
                  country="BE", language="fr", address_form="u", is_customer=True, created_at=NOW, updated_at=NOW)
    by_peewee = Person.create(**values).id
    mine = insert_person(RowInserts(Person), values)
    assert mine == by_peewee + 1
    assert _row(Person, mine) == _row(Person, by_peewee)
    assert _row(Person, mine)["name_key"]  # the name's sort key beside it

    order = dict(platform="shopify", number="#1", person=mine, ordered_on=NOW.date(), ordered_at=NOW, currency="EUR",
                 total_cents=1234, imported_at=NOW, updated_at=NOW)
    first = ShopOrder.insert(**order).execute()
    second = RowInserts(ShopOrder).one(dict(order, number="#2"))
    assert _row(ShopOrder, second) == dict(_row(ShopOrder, first), number="#2")

    lines = RowInserts(ShopOrderLine)
    lines.many([dict(position=0, name="Ketting", sku="K-1", quantity=2, price_cents=995, personalisation="",
                     shop_order=second, product=None)])
    ShopOrderLine.create(shop_order=first, position=0, name="Ketting", sku="K-1", quantity=2, price_cents=995,
                         personalisation="", product=None)
    made = [dict(_row(ShopOrderLine, r.id), shop_order=None)
            for r in ShopOrderLine.select().order_by(ShopOrderLine.id)]
    assert made[0] == made[1]


def test_a_large_import_writes_what_it_wrote_before(database, tmp_path):
    """New customers, orders and lines through the prepared statements: the summary, and
    every order with its lines and customer, as the file says."""
    parsed = oi.parse_orders(_large(tmp_path, 200))
    plan = shop_orders.plan_import(parsed, NOW)
    summary = shop_orders.apply_plan(plan, NOW, file_name="orders.csv")
    assert (summary.new, summary.new_customers) == (200, 200)
    assert ShopOrder.select().count() == 200
    assert ShopOrderLine.select().count() == sum(len(o.lines) for o in parsed.orders)
    for order in parsed.orders[:5]:
        stored = ShopOrder.get(ShopOrder.number == order.number)
        assert stored.total_cents == order.total_cents
        assert [li.name for li in stored.lines.order_by(ShopOrderLine.position)] == [li.name for li in order.lines]
        assert stored.person.name == parsed.customers[order.customer_key].name
    again = shop_orders.apply_plan(shop_orders.plan_import(oi.parse_orders(_large(tmp_path, 200)), NOW), NOW)
    assert (again.new, again.updated, again.new_customers) == (0, 0, 0)


class _Terminal(io.StringIO):
    def __init__(self, tty: bool = True):
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_a_long_import_says_how_far_it_is_on_a_terminal():
    i18n.set_language("en")
    now = [0.0]
    stream = _Terminal()
    progress = cli._ImportProgress("orders.csv", stream=stream, clock=lambda: now[0])
    progress.reading(10, 100)
    assert stream.getvalue() == ""  # a usual file is done before a line is worth it
    now[0] = 5.0
    progress.reading(40, 100)
    progress.saving(112094)(1, 2)
    progress.done()
    shown = stream.getvalue()
    assert "\rReading orders.csv… 40%" in shown
    assert "Saving 112,094 orders… 50%" in shown
    assert shown.endswith("\r")  # the line taken away for the summary


def test_no_progress_lines_in_a_log_or_a_pipe():
    stream = _Terminal(tty=False)
    progress = cli._ImportProgress("orders.csv", stream=stream, clock=lambda: 100.0)
    progress.reading(40, 100)
    progress.done()
    assert stream.getvalue() == ""


def test_the_import_command_prints_only_its_summary_when_not_on_a_terminal(data_dir, tmp_path, capsys):
    out = tmp_path / "orders.csv"
    make(out, 30, SOURCE)
    assert cli.main(["--lang", "en", "import", str(out)]) == 0
    captured = capsys.readouterr()
    assert "30 new orders" in captured.out
    assert captured.err == ""
