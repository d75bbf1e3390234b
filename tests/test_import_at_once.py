"""Two imports of orders into one data folder at the same time (review of data safety, 3).

Each import reads its plan first (who is new, which orders are stored) and writes it after:
two `afspraak import` runs at once each planned every customer as new and wrote them twice
("215 nieuwe klanten" from both, 450 people, every e-mail address twice), and the same file
twice at once ended in a raw English traceback (peewee.IntegrityError: UNIQUE constraint
failed: shop_order.platform, shop_order.number). The plan is now checked under the write
lock and made again when anything was written since it was read; the window's import too.

The other import is a real `afspraak import` in a process of its own, run at the moment
between the plan and the writing (deterministic: no race is timed).
"""

from __future__ import annotations

import os
import time
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli, paths
from desktop.domain import order_importers as oi
from desktop.store import shop_orders
from desktop.store.db import close_database
from desktop.store.models import Person, ShopOrder
from desktop.store.opening import open_database

from .conftest import NOW

ROOT = Path(__file__).resolve().parent.parent
HEADER = "order_number,order_date,status,order_total,billing_email,billing_first_name,billing_last_name,line_item_1\n"
CUSTOMERS = [(f"klant{n}@example.nl", f"Klant{n}", "de Vries") for n in range(1, 13)]


def orders_file(folder: Path, name: str, first: int, day: str = "2026-11-{d:02d} 10:00") -> Path:
    """A WooCommerce orders export: one order of each of the twelve customers, numbered from
    ``first`` (two files with other numbers: two exports of the same customers)."""
    rows = [f"{first + i},{day.format(d=1 + i)},processing,24.95,{email},{given},{family},"
            f"name:Ring Noor|sku:RG|quantity:1|total:24.95\n" for i, (email, given, family) in enumerate(CUSTOMERS)]
    path = folder / name
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def import_elsewhere(path: Path, language: str = "nl") -> subprocess.CompletedProcess:
    """`afspraak import` in a process of its own, on the same data folder (the other terminal)."""
    env = dict(os.environ, AFSPRAAK_DATA_DIR=str(paths.data_dir()), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "desktop", "--lang", language, "import", str(path)], env=env,
                          capture_output=True, text=True, timeout=120, cwd=str(ROOT))
    assert done.returncode == 0, done.stderr
    return done


def emails() -> list[str]:
    return sorted(p.email for p in Person.select() if p.email)


@pytest.mark.parametrize("same_file", [True, False], ids=["the same file", "another file of the same customers"])
def test_an_import_written_after_another_one_plans_again_and_makes_nobody_twice(database, tmp_path, same_file):
    mine = orders_file(tmp_path, "orders-a.csv", 3001)
    theirs = mine if same_file else orders_file(tmp_path, "orders-b.csv", 4001)
    plan = shop_orders.plan_import(oi.parse_orders(mine.read_bytes()), NOW)
    assert len(plan.new_customers) == 12 and len(plan.new_orders) == 12
    import_elsewhere(theirs)  # meanwhile: written and committed by the other process

    summary = shop_orders.apply_plan(plan, NOW, file_name=mine.name)
    assert summary.new_customers == 0 and summary.known_customers == 12
    assert (summary.new, summary.unchanged) == ((0, 12) if same_file else (12, 0))
    assert emails() == sorted(email for email, _given, _family in CUSTOMERS)  # each one once
    assert ShopOrder.select().count() == (12 if same_file else 24)


def test_an_import_with_nothing_written_since_its_plan_is_not_planned_again(database, tmp_path, monkeypatch):
    """The plan the preview showed is the one written, when nothing came in between."""
    path = orders_file(tmp_path, "orders.csv", 3001)
    plan = shop_orders.plan_import(oi.parse_orders(path.read_bytes()), NOW)
    monkeypatch.setattr(shop_orders, "plan_import", lambda *a, **k: pytest.fail("planned again"))
    summary = shop_orders.apply_plan(plan, NOW)
    assert (summary.new, summary.new_customers) == (12, 12)


def _with_another_import_after_the_plan(monkeypatch, other: Path) -> list:
    """``plan_import`` as it is, and right after its first plan the other process imports ``other``."""
    real, plans = shop_orders.plan_import, []

    def plan_then_other(parsed, now=None):
        plan = real(parsed, now)
        plans.append(plan)
        if len(plans) == 1:
            import_elsewhere(other)
        return plan

    monkeypatch.setattr(shop_orders, "plan_import", plan_then_other)
    return plans


@pytest.mark.parametrize("language, said", [("nl", ["Bestellingen uit WooCommerce:", "12 bestellingen ongewijzigd",
                                                    "12 bekende klanten"]),
                                            ("en", ["Orders from WooCommerce:", "12 orders unchanged",
                                                    "12 known customers"])])
def test_two_import_commands_at_once_make_each_customer_once_and_say_what_they_did(data_dir, tmp_path, capsys,
                                                                                   monkeypatch, language, said):
    path = orders_file(tmp_path, "orders.csv", 3001)
    plans = _with_another_import_after_the_plan(monkeypatch, path)
    assert cli.main(["--lang", language, "import", str(path)]) == 0
    out = capsys.readouterr()
    assert len(plans) == 2  # planned again, under the write lock
    assert out.out.split("\n")[:3] == said and "Traceback" not in out.err, out
    open_database()
    assert emails() == sorted(email for email, _given, _family in CUSTOMERS)
    assert ShopOrder.select().count() == 12
    close_database()


@pytest.mark.parametrize("language, said", [("nl", "„{file}” is niet geïmporteerd."),
                                            ("en", "“{file}” was not imported.")])
def test_orders_of_another_shop_written_meanwhile_are_said_not_raised(data_dir, tmp_path, capsys, monkeypatch,
                                                                      language, said):
    """Planned again, the file's orders clash with another shop's written meanwhile under the
    same numbers: refused as at the first plan, in her words, nothing written."""
    path = orders_file(tmp_path, "orders.csv", 3001)
    other = orders_file(tmp_path, "andere-winkel.csv", 3001, day="2025-03-{d:02d} 09:00")
    _with_another_import_after_the_plan(monkeypatch, other)
    assert cli.main(["--lang", language, "import", str(path)]) == 1
    out = capsys.readouterr()
    assert out.err.startswith(said.format(file=path)) and "Traceback" not in out.err and not out.out, out
    open_database()
    assert ShopOrder.select().count() == 12
    assert {o.ordered_on.year for o in ShopOrder.select()} == {2025}  # only the other file's
    close_database()


@pytest.fixture
def window(qtbot, database, translator):
    from desktop.views.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


def test_an_import_command_while_the_window_imports_makes_nobody_twice(qtbot, window, tmp_path, monkeypatch):
    """`afspraak import` of the same customers while the window's preview is open: the
    window's import then plans again when she clicks Import."""
    from PySide6.QtWidgets import QDialog

    from desktop.views import dialogs, order_import

    told = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append(text))
    mine = orders_file(tmp_path, "orders-a.csv", 3001)
    theirs = orders_file(tmp_path, "orders-b.csv", 4001)

    def preview_open(preview):
        import_elsewhere(theirs)  # while she looks at the preview (planned: twelve new customers)
        return QDialog.Accepted

    monkeypatch.setattr(order_import, "run_dialog", preview_open)
    with qtbot.waitSignal(window.shipping.batch_finished, timeout=30000) as finished:
        window.shipping.import_files([mine])
    assert [(name, ok) for name, ok, _what in finished.args[0]] == [("orders-a.csv", True)]
    assert emails() == sorted(email for email, _given, _family in CUSTOMERS)
    assert ShopOrder.select().count() == 24
    assert told and "12 bekende klanten" in told[-1] and "nieuwe klant" not in told[-1], told


# --- products ----------------------------------------------------------------------------------
# A products import reads what is stored (``existing``) inside the transaction it writes in,
# which takes the write lock as it begins (``db.OwnedDatabase``: BEGIN IMMEDIATE): it has no
# plan read before, so nothing to plan again. A second import meanwhile waits for the lock
# (busy_timeout) and then finds the first one's products. Begun without the lock, the second
# read what was stored before the first one committed and could not write after it: SQLite
# says "database is locked" at once (the snapshot it read is stale), not after waiting.

PRODUCTS = 40

_PAUSED_IMPORT = """
import sys, time
from pathlib import Path
from desktop import cli
from desktop.store import catalogue

found = catalogue._find_by_name

def paused(*args, **kwargs):
    Path(sys.argv[2]).touch()  # in its transaction: the write lock taken, what is stored read
    while not Path(sys.argv[3]).exists():
        time.sleep(0.01)
    return found(*args, **kwargs)

catalogue._find_by_name = paused
sys.exit(cli.main(["--lang", "nl", "import", sys.argv[1]]))
"""


def products_file(folder: Path) -> Path:
    path = folder / "producten.csv"
    path.write_text("Handle,Title,Variant SKU,Variant Price\n"
                    + "".join(f"p{i},Ring {i},RG-{i:03d},{i + 5}.95\n" for i in range(PRODUCTS)), encoding="utf-8")
    return path


def test_two_products_imports_of_one_file_at_once_make_each_product_once(data_dir, tmp_path, capsys, monkeypatch):
    """The other `afspraak import` holds the write lock, paused after reading what is stored;
    this one begins the moment it is let go: it waits for the lock, then finds every product."""
    from desktop.store import catalogue
    from desktop.store.models import Event, Product

    path = products_file(tmp_path)
    open_database()
    close_database()  # made and migrated before either import opens it
    paused, go = tmp_path / "paused", tmp_path / "go"
    env = dict(os.environ, AFSPRAAK_DATA_DIR=str(paths.data_dir()), PYTHONPATH=str(ROOT))
    other = subprocess.Popen([sys.executable, "-c", _PAUSED_IMPORT, str(path), str(paused), str(go)], env=env,
                             cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(6000):  # (at most a minute: starting Python and opening the data)
            if paused.exists() or other.poll() is not None:
                break
            time.sleep(0.01)
        assert paused.exists(), other.communicate()
        real = catalogue.apply_import

        def when_let_go(*args, **kwargs):
            go.touch()  # the other import writes now, while this one asks for the lock
            return real(*args, **kwargs)

        monkeypatch.setattr(catalogue, "apply_import", when_let_go)
        assert cli.main(["--lang", "nl", "import", str(path)]) == 0
        theirs = other.communicate(timeout=120)
    finally:
        if other.poll() is None:
            other.kill()
            other.communicate()
    assert other.returncode == 0 and theirs[0].startswith(f"{PRODUCTS} nieuwe producten"), theirs
    out = capsys.readouterr()
    assert out.out.startswith(f"{PRODUCTS} producten ongewijzigd") and not out.err, out
    open_database()
    assert Product.select().count() == PRODUCTS  # each one once
    assert Event.select().where(Event.fact == "products_imported").count() == 1  # the first import's
    close_database()
