"""Write tests/data/schemas/vN.sqlite3: a small database of the current schema version.

    make schema-fixture                      (or: .venv/bin/python tests/make_schema_fixture.py [--version N])

Run it once for every schema version you release and commit the file: from then on
tests/test_schema_upgrades.py upgrades it to the newest version on every test run and
checks that every row survived. The rows are the demo shop (a fixed date, a fixed seed)
plus a few awkward values: empty and NULL fields, accents and emoji, quotes, HTML.

``--version N`` builds an older version by running only the first N migrations; that
works only while the models can still write to that version (columns added later need
defaults), so normally make each fixture when its version is the newest.
``--version N --from FILE`` instead upgrades an older fixture with the raw migration
steps up to N (no models involved): how v2-v5 were made from v1, since those versions
were released together and no model can write them any more.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIXED_NOW = datetime(2026, 11, 23, 9, 30)


def build(version: int, out: Path) -> Path:
    from desktop import demo, paths
    from desktop.presentation import event_texts  # noqa: F401 - hands the store how events read
    from desktop.store import migrations
    from desktop.store.db import close_database
    from desktop.store.opening import open_database
    from desktop.store.models import CustomOrder, Event, Person

    paths.set_data_dir(tempfile.mkdtemp(prefix="afspraak-fixture-"))
    path = paths.db_path()
    all_steps = migrations.MIGRATIONS
    try:
        migrations.MIGRATIONS = all_steps[:version]
        migrations.CURRENT_VERSION = version
        open_database(path)
        demo.fill(FIXED_NOW, seed=7)
        odd = Person.create(name="Zoë ‘t Hooft 😊", email="", phone="", notes='<b>vet</b> "quotes" \\ back\\slash',
                            tags=[], is_customer=True, created_at=FIXED_NOW, updated_at=FIXED_NOW)
        CustomOrder.create(person=odd, personalisation="Ö & ü", price_cents=None, ordered_on=date(2026, 11, 1),
                           promised_ready=None, checklist=[{"text": "graveren", "done": False}], created_at=FIXED_NOW)
        Event.create(kind="note", text="", person=None, at=FIXED_NOW)
        if version >= 16:  # a shop order whose parcel goes to somebody else: its delivery (v16) through upgrades
            from desktop.store.models import ShopOrder, ShopOrderLine

            gift = ShopOrder.create(
                platform="shopify", number="#1038", person=odd, ordered_on=date(2026, 11, 4), currency="EUR",
                total_cents=3990, status="open", shop_status="paid", notes="Cadeau", item_count=1,
                imported_at=FIXED_NOW, updated_at=FIXED_NOW, ship_name="Zoë Verhoeven", ship_street="Kerkstraat 12",
                ship_postcode="9000", ship_city="Gent", ship_country="BE", ship_phone="+32 9 123 45 67")
            ShopOrderLine.create(shop_order=gift, name="Naamketting - goud", sku="NK-502", quantity=1, price_cents=3495)
        if version >= 17:  # an order typed in by hand with a delivery of its own (v17) through upgrades
            CustomOrder.create(person=odd, personalisation="L", ordered_on=date(2026, 11, 5),
                               promised_ready=date(2026, 11, 30), created_at=FIXED_NOW, ship_name="Lotte de Wit",
                               ship_street="Grote Markt 1", ship_postcode="2000", ship_city="Antwerpen",
                               ship_country="BE")
        if version >= 20:  # a delivery in the United States with its state (v20) through upgrades
            from desktop.store.models import ShopOrder

            ShopOrder.create(
                platform="etsy", number="3012345678", person=odd, ordered_on=date(2026, 11, 6), currency="USD",
                total_cents=4200, status="open", shop_status="paid", notes="", item_count=1, imported_at=FIXED_NOW,
                updated_at=FIXED_NOW, ship_name="Kaylee Brooks", ship_street="2016 E 5th Ave",
                ship_postcode="99503-2016", ship_city="ANCHORAGE", ship_country="United States", ship_region="AK")
    finally:
        close_database()
        migrations.MIGRATIONS = all_steps
        migrations.CURRENT_VERSION = len(all_steps)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("VACUUM INTO ?", (str(out),))
    finally:
        con.close()
    fixed = sqlite3.connect(out)
    fixed.execute("PRAGMA journal_mode = DELETE")
    assert fixed.execute("PRAGMA user_version").fetchone()[0] == version
    fixed.close()
    return out


def upgrade_copy(source: Path, version: int, out: Path) -> Path:
    """An older fixture brought to ``version`` by the migration steps alone."""
    import shutil

    import peewee

    from desktop.store import migrations

    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, out)
    database = peewee.SqliteDatabase(str(out), pragmas={"foreign_keys": 1})
    database.connect()
    try:
        start = migrations.schema_version(database)
        for number in range(start + 1, version + 1):
            with database.atomic():
                migrations.MIGRATIONS[number - 1](database)
                database.execute_sql(f"PRAGMA user_version = {number:d}")
        database.execute_sql("VACUUM")
    finally:
        database.close()
    return out


def main() -> None:
    from desktop.store import migrations

    parser = argparse.ArgumentParser()
    parser.add_argument("--version", type=int, default=migrations.CURRENT_VERSION)
    parser.add_argument("--out", default=None)
    parser.add_argument("--from", dest="source", default=None, help="upgrade this older fixture instead")
    args = parser.parse_args()
    out = Path(args.out) if args.out else ROOT / "tests" / "data" / "schemas" / f"v{args.version}.sqlite3"
    if args.source:
        print(upgrade_copy(Path(args.source), args.version, out))
    else:
        print(build(args.version, out))


if __name__ == "__main__":
    main()
