"""Every released schema version upgrades to the current one, and every row survives.

tests/data/schemas/vN.sqlite3 is written by ``make schema-fixture`` when version N is the
newest, and committed. A migration that changes stored values on purpose (a renamed or
converted column) lists them in CHANGED_ON_PURPOSE so the check skips exactly those.
"""

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop import paths
from desktop.store import migrations
from desktop.store.db import APPLICATION_ID, close_database
from desktop.store.recovery import open_checked

FIXTURES = sorted((Path(__file__).parent / "data" / "schemas").glob("v*.sqlite3"),
                  key=lambda p: int(p.stem[1:]))
# {(table, column)} whose values a migration changes on purpose.
CHANGED_ON_PURPOSE: set[tuple[str, str]] = set()
# {(table, column): check(old value, new row)}: values a migration may change, and how.
# v9 reads the app's own old event texts back as facts: the text goes, a fact comes.
# v14 spells a catalogue gift as everywhere else: "Ring Golf – maat 16" -> "Ring Golf (maat 16)".
CHANGED_INTO_FACTS = {
    ("event", "text"): lambda old, new: new["text"] == "" and new["fact"] != "",
    ("collaboration_product", "name"): lambda old, new: " – " in old and new["name"] == old.replace(" – ", " (", 1) + ")",
    # v18: a parcel packed or sent is no message: the app's own line of it has no direction.
    ("event", "direction"): lambda old, new: (old, new["direction"], new["kind"]) == ("out", "none", "shipment")
    and new["fact"] in ("shipment_ready", "shipment_sent"),
}
# {table: check(new row)}: rows an upgrade adds on purpose.
# v19 keeps the number of the rule the people's sort keys were made by (store/name_keys).
ADDED_ON_PURPOSE = {
    "setting": lambda new: new["key"] == "person_keys_made_with",
}


def rows_by_table(path: Path, only=None) -> dict[str, dict[int, dict]]:
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        # Full-text indexes (virtual tables and their shadow tables) are derived data,
        # rebuilt from their content table; the rows that matter are the real tables'.
        virtual = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'")]
        tables = [t for t in tables if not any(t == v or t.startswith(v + "_") for v in virtual)]
        if only is not None:  # the fixture's own tables (later versions add e.g. FTS5 shadow tables)
            tables = [t for t in tables if t in only]
        return {t: {r["rowid"]: dict(r) for r in con.execute(f'SELECT rowid AS rowid, * FROM "{t}"')} for t in tables}
    finally:
        con.close()


def test_there_is_a_fixture_for_version_1_and_none_from_the_future():
    versions = [int(p.stem[1:]) for p in FIXTURES]
    assert 1 in versions
    assert max(versions) <= migrations.CURRENT_VERSION


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_upgrade_keeps_every_row(data_dir, fixture):
    con = sqlite3.connect(fixture)
    version = con.execute("PRAGMA user_version").fetchone()[0]
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    con.close()
    assert fixture.stem == f"v{version}"
    before = rows_by_table(fixture)
    assert sum(len(rows) for rows in before.values()) > 100, "a fixture needs representative rows"

    target = paths.db_path()
    shutil.copyfile(fixture, target)
    assert open_checked(target) is None  # healthy: no recovery needed
    close_database()

    con = sqlite3.connect(target)
    assert con.execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()
    after = rows_by_table(target, only=set(before))
    for table, rows in before.items():
        assert table in after, f"table {table} disappeared"
        added = set(after[table]) - set(rows)
        assert set(rows) <= set(after[table]), f"rows of {table} lost"
        assert all(table in ADDED_ON_PURPOSE and ADDED_ON_PURPOSE[table](after[table][rowid]) for rowid in added), \
            f"rows of {table} added"
        for rowid, old in rows.items():
            new = after[table][rowid]
            for column, value in old.items():
                if column in new and (table, column) not in CHANGED_ON_PURPOSE and new[column] != value:
                    allowed = CHANGED_INTO_FACTS.get((table, column))
                    assert allowed is not None and allowed(value, new), f"{table}.{column} of row {rowid} changed"
    if version < migrations.CURRENT_VERSION:
        assert list(paths.backup_dir().glob(f"*before-migration-v{version}.sqlite3")), "no copy before migrating"
    assert schema_of(target) == schema_of(fresh_database(target.parent / "fresh.sqlite3"))


def schema_of(path: Path) -> list[tuple]:
    """Every table, index, trigger and view of the file, with the SQL that makes it."""
    con = sqlite3.connect(path)
    try:
        return sorted(con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall(), key=str)
    finally:
        con.close()


def fresh_database(path: Path) -> Path:
    """A new file, made as Afspraak makes one: every migration from the start."""
    import peewee

    database = peewee.SqliteDatabase(str(path))
    migrations.migrate(database)
    database.close()
    return path


def test_a_new_file_has_the_indexes_the_lists_read_along(database):
    """v15, v19: the Influencers list (in the order of the stored sort keys) and its scores
    read along indexes: no sort of every influencer, no read of the event table for the
    scores (docs/PERFORMANCE.md, rounds 19 and 31)."""
    from desktop.store.models import PEOPLE_BY_NAME, Person

    # The list's own query, as Peewee writes it (store/influencers.people_pages), on a new file.
    sql, params = Person.select(Person.id).where(Person.is_influencer == True).order_by(*PEOPLE_BY_NAME).sql()  # noqa: E712
    plan = " ".join(row[3] for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params))
    columns = {name: [row[2] for row in database.execute_sql(f'PRAGMA index_info("{name}")')]
               for name in ("person_is_influencer_name_key_name_id", "person_is_influencer_name_id",
                            "event_person_id_kind_direction_at")}
    assert "TEMP B-TREE" not in plan and "COVERING INDEX person_is_influencer_name_key_name_id" in plan
    assert columns == {"person_is_influencer_name_key_name_id": ["is_influencer", "name_key", "name", "id"],
                       "person_is_influencer_name_id": [],  # v15's, gone with v19: nothing orders by it
                       "event_person_id_kind_direction_at": ["person_id", "kind", "direction", "at"]}


def test_the_app_reads_an_upgraded_fixture(qtbot, data_dir, translator):
    """The views open on the oldest fixture after its upgrade (the models fit the schema)."""
    from desktop.views.main_window import MainWindow

    shutil.copyfile(FIXTURES[0], paths.db_path())
    open_checked()
    window = MainWindow()
    qtbot.addWidget(window)
    for view in window.views:
        assert view.model.rowCount() > 0, view.key
    close_database()


# --- an upgrade that fails half-way ----------------------------------------------------

def _schema_and_rows(path: Path):
    con = sqlite3.connect(path)
    try:
        schema = sorted(con.execute("SELECT type, name, sql FROM sqlite_master").fetchall(), key=str)
        version = con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        con.close()
    return version, schema, rows_by_table(path)


def _failing_at(monkeypatch, number: int, error: Exception) -> None:
    """Step ``number`` does its work and then fails (the steps before it have run)."""
    step = migrations.MIGRATIONS[number - 1]

    def failing(database):
        step(database)
        raise error

    steps = list(migrations.MIGRATIONS)
    steps[number - 1] = failing
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)


@pytest.mark.parametrize("error", [ValueError("a step's own mistake"),
                                   sqlite3.OperationalError("database or disk is full")],
                         ids=["bug", "disk-full"])
def test_an_upgrade_that_fails_half_way_leaves_the_old_file_as_it_was(data_dir, monkeypatch, error):
    """The steps used to commit one by one: a failure at v11 left a v1 file at v10, which
    the older Afspraak could no longer open and this one had half upgraded."""
    target = paths.db_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FIXTURES[0], target)
    before = _schema_and_rows(target)
    _failing_at(monkeypatch, 11, error)
    from desktop.store.storage_errors import StorageProblem

    expected = migrations.MigrationFailed if isinstance(error, ValueError) else StorageProblem  # told as a full disk
    with pytest.raises(expected):
        open_checked(target)
    close_database()
    assert _schema_and_rows(target) == before
    con = sqlite3.connect(target)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    copies = list(paths.backup_dir().glob("*before-migration-v1.sqlite3"))
    # kept after a step's own failure; after a full disk the file is its twin and the copy
    # would only fill the disk further with every start that fails
    assert len(copies) == (1 if isinstance(error, ValueError) else 0)


@pytest.mark.parametrize("language, said", [
    ("en", "could not update your data, so it stops here. Nothing was changed"),
    ("nl", "kon je gegevens niet bijwerken en stopt daarom. Er is niets veranderd"),
])
def test_a_failed_upgrade_is_told_by_the_command_line(data_dir, monkeypatch, capsys, language, said):
    from desktop import cli

    target = paths.db_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FIXTURES[0], target)
    _failing_at(monkeypatch, 11, ValueError("a step's own mistake"))
    assert cli.main(["--lang", language, "due"]) == 1
    close_database()
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err
    assert sqlite3.connect(target).execute("PRAGMA user_version").fetchone()[0] == 1


def test_a_backup_that_cannot_be_upgraded_is_refused_by_restore(database, monkeypatch, tmp_path):
    from desktop.store import backup
    from desktop.store.db import NotAnAfspraakDatabase
    from desktop.store.models import Person

    Person.create(name="Keep me")
    close_database()
    before = paths.db_path().read_bytes()
    _failing_at(monkeypatch, 11, ValueError("a step's own mistake"))
    with pytest.raises(NotAnAfspraakDatabase):
        backup.restore(FIXTURES[0], paths.db_path())
    assert paths.db_path().read_bytes() == before
    assert not list(paths.db_path().parent.glob("*.restore*"))


def test_a_catalogue_gift_is_spelled_as_everywhere_else_after_the_upgrade(data_dir):
    """v14: a gift named by the catalogue search's old spelling ("Ring Golf – maat 16") of
    the product it is linked to reads "Ring Golf (maat 16)", as lists, parcels and messages
    write it; a name the owner typed, or one of a product renamed since, stays as it was."""
    target = paths.db_path()
    shutil.copyfile(Path(__file__).parent / "data" / "schemas" / "v13.sqlite3", target)
    con = sqlite3.connect(target)
    product_id, name, variant = con.execute(
        "SELECT id, name, variant FROM product WHERE variant != '' ORDER BY id LIMIT 1").fetchone()
    collaboration = con.execute("SELECT id FROM collaboration ORDER BY id LIMIT 1").fetchone()[0]
    kept = [f"{name} – {variant} extra", f"Eigen ontwerp – {variant}"]  # typed, or renamed since
    for typed in kept:
        con.execute("INSERT INTO collaboration_product (collaboration_id, product_id, name, quantity, position) "
                    "VALUES (?, ?, ?, 1, 9)", (collaboration, product_id, typed))
    con.execute("INSERT INTO collaboration_product (collaboration_id, product_id, name, quantity, position) "
                "VALUES (?, NULL, ?, 1, 9)", (collaboration, f"{name} – {variant}"))  # not linked: words only
    old = con.execute("SELECT COUNT(*) FROM collaboration_product cp JOIN product p ON p.id = cp.product_id "
                      "WHERE cp.name = p.name || ' – ' || p.variant").fetchone()[0]
    con.commit()
    con.close()
    assert old > 0, "the fixture has gifts of the old spelling"

    assert open_checked(target) is None
    close_database()
    con = sqlite3.connect(target)
    assert con.execute("SELECT COUNT(*) FROM collaboration_product cp JOIN product p ON p.id = cp.product_id "
                       "WHERE cp.name = p.name || ' – ' || p.variant").fetchone()[0] == 0
    assert con.execute("SELECT COUNT(*) FROM collaboration_product cp JOIN product p ON p.id = cp.product_id "
                       "WHERE cp.name = p.name || ' (' || p.variant || ')'").fetchone()[0] >= old
    names = {n for (n,) in con.execute("SELECT name FROM collaboration_product")}
    assert set(kept) <= names and f"{name} – {variant}" in names  # typed, renamed, not linked: as they were
    con.close()


# --- v16: where each shop order's parcel goes ------------------------------------------------

SHIP_COLUMNS = ["ship_name", "ship_street", "ship_postcode", "ship_city", "ship_country", "ship_phone"]
OLDER = [p for p in FIXTURES if int(p.stem[1:]) < 16]


@pytest.mark.parametrize("fixture", OLDER, ids=[p.stem for p in OLDER])
def test_every_older_file_keeps_where_its_orders_go_after_the_upgrade(data_dir, fixture):
    """From every released version: the shop orders get the delivery columns (empty for the
    orders stored before: their parcels go to the customer's address), and an orders file
    imported right after the upgrade keeps each order's delivery; the same file again
    changes nothing."""
    from desktop.domain import order_importers as oi
    from desktop.store import shop_orders
    from desktop.store.models import Person, ShopOrder
    from tests.conftest import NOW

    target = paths.db_path()
    shutil.copyfile(fixture, target)
    assert open_checked(target) is None
    con = sqlite3.connect(target)
    try:
        columns = {row[1]: (row[2], row[3], row[4]) for row in con.execute('PRAGMA table_info("shop_order")')}
        stored = con.execute('SELECT COUNT(*) FROM "shop_order" WHERE ' +
                             " OR ".join(f'"{c}" != \'\'' for c in SHIP_COLUMNS)).fetchone()[0]
    finally:
        con.close()
    assert {c: columns[c] for c in SHIP_COLUMNS} == {c: ("VARCHAR(255)", 1, "''") for c in SHIP_COLUMNS}
    assert stored == 0
    data = (Path(__file__).parent / "data" / "shop" / "shopify_gift_orders.csv").read_bytes()
    people = Person.select().count()
    plan = shop_orders.plan_import(oi.parse_orders(data), NOW)
    summary = shop_orders.apply_plan(plan, NOW)
    assert (summary.new, summary.new_customers) == (2, 1) and Person.select().count() == people + 1
    gift = ShopOrder.get(ShopOrder.number == "#1038")
    assert (gift.ship_name, gift.ship_city, gift.person.city) == ("Zoë Verhoeven", "Gent", "Antwerpen")
    again = shop_orders.apply_plan(shop_orders.plan_import(oi.parse_orders(data), NOW), NOW)
    assert (again.new, again.updated, again.unchanged, again.new_customers) == (0, 0, 2, 0)
    close_database()


def test_an_upgrade_that_fails_at_v16_leaves_the_v15_file_as_it_was(data_dir, monkeypatch):
    """The delivery columns are added in the upgrade's one transaction: a failure after
    them takes them back, and the file is the one version 15 wrote."""
    target = paths.db_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(__file__).parent / "data" / "schemas" / "v15.sqlite3", target)
    before = _schema_and_rows(target)
    _failing_at(monkeypatch, 16, ValueError("a step's own mistake"))
    with pytest.raises(migrations.MigrationFailed):
        open_checked(target)
    close_database()
    assert _schema_and_rows(target) == before


# --- v13 from a v12 file: each imported custom order's quantity ------------------------------

def test_a_v12_file_gives_each_imported_custom_order_the_quantity_of_its_line(data_dir):
    """v12 was the one released version without a fixture: upgrading from it was never run.
    v13 gives a custom order made from a shop order's line that line's quantity, and drops
    the note line the import wrote for it ("3 stuks"); its buyer (v12) stays with the order."""
    target = paths.db_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(__file__).parent / "data" / "schemas" / "v12.sqlite3", target)
    con = sqlite3.connect(target)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 12
    three, one = [r[0] for r in con.execute("SELECT id FROM custom_order ORDER BY id LIMIT 2")]
    con.execute("UPDATE custom_order SET note = '3 stuks\nGraveer: Zoë' WHERE id = ?", (three,))
    con.execute("UPDATE custom_order SET note = '1 stuks' WHERE id = ?", (one,))
    order = con.execute(
        "INSERT INTO shop_order (platform, number, person_id, ordered_on, currency, status, shop_status, notes, "
        "item_count, imported_at, updated_at, buyer) SELECT 'etsy', '3001', person_id, '2026-11-02', 'EUR', 'open', "
        "'paid', '', 3, '2026-11-03 10:00:00', '2026-11-03 10:00:00', 'zoe-etsy-77' FROM custom_order WHERE id = ?",
        (three,)).lastrowid
    for position, (quantity, custom) in enumerate([(3, three), (1, one)]):
        con.execute("INSERT INTO shop_order_line (shop_order_id, position, name, sku, quantity, personalisation, "
                    "custom_order_id) VALUES (?, ?, 'Naamketting', 'NK-1', ?, '', ?)", (order, position, quantity, custom))
    con.commit()
    con.close()

    assert open_checked(target) is None
    close_database()
    con = sqlite3.connect(target)
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION
        quantities = dict(con.execute("SELECT id, quantity FROM custom_order WHERE id IN (?, ?)", (three, one)))
        notes = dict(con.execute("SELECT id, note FROM custom_order WHERE id IN (?, ?)", (three, one)))
        buyer = con.execute("SELECT buyer FROM shop_order WHERE id = ?", (order,)).fetchone()[0]
    finally:
        con.close()
    assert quantities == {three: 3, one: 1}
    assert notes == {three: "Graveer: Zoë", one: "1 stuks"}  # a note of one piece was never the import's
    assert buyer == "zoe-etsy-77"
    assert list(paths.backup_dir().glob("*before-migration-v12.sqlite3"))



# --- v18: a parcel is no message ---------------------------------------------------------------

BEFORE_18 = [p for p in FIXTURES if int(p.stem[1:]) < 18]


@pytest.mark.parametrize("fixture", BEFORE_18, ids=[p.stem for p in BEFORE_18])
def test_a_parcel_line_has_no_direction_after_the_upgrade(data_dir, fixture):
    """A timeline line's direction is who spoke. The app's own lines of a parcel packed or
    sent were stored as "Sent" (a parcel only packed among them) while its later steps had
    none: after the upgrade none of them has one, so filtering on "Sent" lists what the
    shop wrote, not parcels; her confirmation stays "Received", and a line the owner logged
    herself keeps the direction she chose."""
    target = paths.db_path()
    shutil.copyfile(fixture, target)
    con = sqlite3.connect(target)
    con.execute("INSERT INTO event (at, kind, channel, direction, text, subject_type, step) VALUES "
                "('2026-11-01 10:00:00', 'shipment', 'email', 'out', 'Pakket nagestuurd, zelf genoteerd', '', '')")
    con.commit()
    con.close()
    assert open_checked(target) is None
    close_database()
    con = sqlite3.connect(target)
    try:
        by_fact = con.execute("SELECT fact, direction, COUNT(*) FROM event WHERE kind = 'shipment' "
                              "GROUP BY fact, direction").fetchall()
        logged = con.execute("SELECT direction FROM event WHERE text = 'Pakket nagestuurd, zelf genoteerd'").fetchall()
    finally:
        con.close()
    parcels = {(fact, direction) for fact, direction, _n in by_fact if fact.startswith("shipment_")}
    assert ("shipment_sent", "none") in parcels, "the fixture has parcels sent"
    assert {d for f, d in parcels if f != "shipment_confirmed"} == {"none"}
    assert {d for f, d in parcels if f == "shipment_confirmed"} <= {"in"}
    assert logged == [("out",)]


def test_an_upgrade_that_fails_at_v18_leaves_the_v17_file_as_it_was(data_dir, monkeypatch):
    target = paths.db_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(__file__).parent / "data" / "schemas" / "v17.sqlite3", target)
    before = _schema_and_rows(target)
    _failing_at(monkeypatch, 18, ValueError("a step's own mistake"))
    with pytest.raises(migrations.MigrationFailed):
        open_checked(target)
    close_database()
    assert _schema_and_rows(target) == before
