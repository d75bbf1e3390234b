"""Numbered schema migrations.

The schema version lives in ``PRAGMA user_version``; ``PRAGMA application_id`` marks the
file as ours. All the steps run in one transaction together with the version bump, so a
crash, a full disk or a step that fails leaves the database at the version it had, never
at one in between (the owner is told her data was not changed). Before
migrating a database that already holds a schema, a copy goes into ``backups/``.

To change the schema: add a function ``_vN(database)`` and append it to ``MIGRATIONS``;
never edit an earlier step; add a fixture database of the old version under
``tests/data/schemas/`` (``make schema-fixture``) so the upgrade is tested.
"""

from __future__ import annotations

import logging
from typing import Callable

import peewee

from desktop.store import schema_v1
from desktop.store.db import APPLICATION_ID

log = logging.getLogger(__name__)


class SchemaTooNew(Exception):
    """The database was written by a newer Afspraak than this one."""


class MigrationFailed(Exception):
    """A step of the upgrade failed for a reason that is neither the disk nor damage (those
    go up as they are): nothing was changed, the file is still at version ``start``."""

    def __init__(self, start: int, number: int):
        super().__init__(f"upgrading from version {start} failed at step {number}")
        self.start = start
        self.number = number


def _v1(database: peewee.SqliteDatabase) -> None:
    for sql in schema_v1.SQL:
        database.execute_sql(sql)


def _v2(database: peewee.SqliteDatabase) -> None:
    """Timeline: full-text search on event text and indexes for the timeline filters.

    ``event_fts`` is an external-content FTS5 table over ``event.text``: it stores only
    the index, the triggers keep it in step with every insert, update and delete
    (including the cascade when a person is erased). Tokens lose their accents, so
    "cafe" finds "café". After erasing personal data, run
    ``store.event_search.compact(database)`` so deleted words leave the index pages too.
    Each filter gets an index that also serves the newest-first order.
    """
    for sql in (
        'CREATE VIRTUAL TABLE "event_fts" USING fts5(text, content=\'event\', content_rowid=\'id\', '
        "tokenize='unicode61 remove_diacritics 2')",
        'CREATE TRIGGER "event_fts_ai" AFTER INSERT ON "event" BEGIN '
        'INSERT INTO "event_fts"(rowid, text) VALUES (new.id, new.text); END',
        'CREATE TRIGGER "event_fts_ad" AFTER DELETE ON "event" BEGIN '
        'INSERT INTO "event_fts"("event_fts", rowid, text) VALUES (\'delete\', old.id, old.text); END',
        'CREATE TRIGGER "event_fts_au" AFTER UPDATE OF text ON "event" BEGIN '
        'INSERT INTO "event_fts"("event_fts", rowid, text) VALUES (\'delete\', old.id, old.text); '
        'INSERT INTO "event_fts"(rowid, text) VALUES (new.id, new.text); END',
        'INSERT INTO "event_fts"("event_fts") VALUES (\'rebuild\')',
        # (kind, at) replaces the plain kind index; each serves "filter, newest first".
        'DROP INDEX IF EXISTS "event_kind"',
        'CREATE INDEX "event_kind_at" ON "event" ("kind", "at")',
        'CREATE INDEX "event_channel_at" ON "event" ("channel", "at")',
        'CREATE INDEX "event_direction_at" ON "event" ("direction", "at")',
    ):
        database.execute_sql(sql)


def _v3(database: peewee.SqliteDatabase) -> None:
    """Influencers (issue 4): what a collaboration gives and costs, and disclosure ticks."""
    for sql in (
        'ALTER TABLE "collaboration" ADD COLUMN "products" TEXT NOT NULL DEFAULT \'\'',
        'ALTER TABLE "collaboration" ADD COLUMN "product_cost_cents" INTEGER NOT NULL DEFAULT 0',
        'ALTER TABLE "collaboration" ADD COLUMN "shipping_cents" INTEGER NOT NULL DEFAULT 0',
        'ALTER TABLE "content" ADD COLUMN "disclosure_checks" TEXT NOT NULL DEFAULT \'{}\'',
        'ALTER TABLE "content" ADD COLUMN "missing" TEXT NOT NULL DEFAULT \'[]\'',
    ):
        database.execute_sql(sql)


def _v4(database: peewee.SqliteDatabase) -> None:
    """Anonymous records: what stays of an erased person's rows (numbers, days, codes)."""
    database.execute_sql(
        'CREATE TABLE "anonymous_record" ("id" INTEGER NOT NULL PRIMARY KEY, "erased_on" DATE NOT NULL, '
        '"kind" VARCHAR(255) NOT NULL, "data" TEXT NOT NULL)')
    database.execute_sql('CREATE INDEX "anonymous_record_kind" ON "anonymous_record" ("kind")')


def _v5(database: peewee.SqliteDatabase) -> None:
    """Follow-up ladder: what the owner did with each step, and owner-edited templates."""
    for sql in (
        'CREATE TABLE "reminder_state" ("id" INTEGER NOT NULL PRIMARY KEY, "key" VARCHAR(255) NOT NULL, '
        '"person_id" INTEGER, "subject_type" VARCHAR(255) NOT NULL, "subject_id" INTEGER, '
        '"step" VARCHAR(255) NOT NULL, "status" VARCHAR(255) NOT NULL, "at" DATETIME NOT NULL, '
        '"snoozed_until" DATETIME, "template" VARCHAR(255) NOT NULL, "event_id" INTEGER, '
        'FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE)',
        'CREATE UNIQUE INDEX "reminder_state_key" ON "reminder_state" ("key")',
        'CREATE INDEX "reminder_state_person_id" ON "reminder_state" ("person_id")',
        'CREATE TABLE "message_template" ("id" INTEGER NOT NULL PRIMARY KEY, "template" VARCHAR(255) NOT NULL, '
        '"language" VARCHAR(255) NOT NULL, "form" VARCHAR(255) NOT NULL, "subject" TEXT NOT NULL, '
        '"body" TEXT NOT NULL, "updated_at" DATETIME NOT NULL)',
        'CREATE UNIQUE INDEX "message_template_template_language_form" ON "message_template" '
        '("template", "language", "form")',
        # "Has she answered since the deadline?" as an index lookup per open promise.
        'CREATE INDEX "event_person_id_direction_at" ON "event" ("person_id", "direction", "at")',
    ):
        database.execute_sql(sql)


def _v6(database: peewee.SqliteDatabase) -> None:
    """Custom orders: the history of promised dates, and reference pictures."""
    database.execute_sql(
        'CREATE TABLE "order_date_change" ("id" INTEGER NOT NULL PRIMARY KEY, "custom_order_id" INTEGER NOT NULL, '
        '"field" VARCHAR(255) NOT NULL, "old_date" DATE, "new_date" DATE, "changed_at" DATETIME NOT NULL, '
        '"reason" TEXT NOT NULL, "event_id" INTEGER, '
        'FOREIGN KEY ("custom_order_id") REFERENCES "custom_order" ("id") ON DELETE CASCADE, '
        'FOREIGN KEY ("event_id") REFERENCES "event" ("id") ON DELETE SET NULL)')
    database.execute_sql('CREATE INDEX "order_date_change_custom_order_id" ON "order_date_change" ("custom_order_id")')
    database.execute_sql(
        'CREATE TABLE "order_picture" ("id" INTEGER NOT NULL PRIMARY KEY, "custom_order_id" INTEGER NOT NULL, '
        '"path" TEXT NOT NULL, "original_name" TEXT NOT NULL, "added_at" DATETIME NOT NULL, '
        'FOREIGN KEY ("custom_order_id") REFERENCES "custom_order" ("id") ON DELETE CASCADE)')
    database.execute_sql('CREATE INDEX "order_picture_custom_order_id" ON "order_picture" ("custom_order_id")')


def _v7(database: peewee.SqliteDatabase) -> None:
    """Evidence: pictures kept with a content record (screenshots of a post, a story, its
    figures), and the pictures a strike refers to.

    Several pictures per record (a story is often three screenshots), so a table rather
    than the single ``content.evidence_path`` of version 1, which stays unused.
    """
    database.execute_sql(
        'CREATE TABLE "content_evidence" ("id" INTEGER NOT NULL PRIMARY KEY, "content_id" INTEGER NOT NULL, '
        '"path" TEXT NOT NULL, "original_name" TEXT NOT NULL, "added_at" DATETIME NOT NULL, '
        'FOREIGN KEY ("content_id") REFERENCES "content" ("id") ON DELETE CASCADE)')
    database.execute_sql('CREATE INDEX "content_evidence_content_id" ON "content_evidence" ("content_id")')
    database.execute_sql('ALTER TABLE "strike" ADD COLUMN "evidence_ids" TEXT NOT NULL DEFAULT \'[]\'')


def _v8(database: peewee.SqliteDatabase) -> None:
    """Covering indexes for the reminder scan (store/due.py): from the live
    collaborations (by status, with their person) to their open deliverables and
    deadlines without reading either table's rows. About 1.5 ms of a 16 ms scan on the
    benchmark shop (docs/PERFORMANCE.md, fix 23)."""
    database.execute_sql(
        'CREATE INDEX "collaboration_status_person_id" ON "collaboration" ("status", "person_id")')
    database.execute_sql(
        'CREATE INDEX "deliverable_collaboration_id_delivered_at_deadline_kind" '
        'ON "deliverable" ("collaboration_id", "delivered_at", "deadline", "kind")')


def _v9(database: peewee.SqliteDatabase) -> None:
    """The app's own events as facts, shown in the reader's language (desktop/event_texts.py).

    ``event.fact`` names what happened and ``event.params`` (JSON) holds its values;
    ``event.text`` keeps what a person wrote. Old texts the app wrote are read back as
    facts where ``store/legacy_events.py`` recognises them (Dutch and English, the
    patterns of versions up to 8); everything else stays text.

    The search index now covers two columns: ``text`` and ``words``, the sentence of a
    fact in every language the app speaks (written on save by ``Event.save``), so the
    owner finds an event by the words on screen in either language, and a language
    switch needs no re-indexing.
    """
    import json

    from desktop.store import event_search, legacy_events

    for sql in (
        'ALTER TABLE "event" ADD COLUMN "fact" VARCHAR(255) NOT NULL DEFAULT \'\'',
        'ALTER TABLE "event" ADD COLUMN "params" TEXT NOT NULL DEFAULT \'{}\'',
        'ALTER TABLE "event" ADD COLUMN "words" TEXT NOT NULL DEFAULT \'\'',
        'DROP TRIGGER IF EXISTS "event_fts_ai"',
        'DROP TRIGGER IF EXISTS "event_fts_ad"',
        'DROP TRIGGER IF EXISTS "event_fts_au"',
        'DROP TABLE IF EXISTS "event_fts"',
    ):
        database.execute_sql(sql)
    carriers = dict(database.execute_sql('SELECT id, carrier FROM "shipment"').fetchall())
    rows = database.execute_sql(
        'SELECT id, kind, text, subject_type, subject_id FROM "event" '
        'WHERE kind IN (\'status\', \'strike\', \'agreement\', \'content\', \'rating\', \'shipment\', '
        '\'order\', \'message\') AND text != \'\'').fetchall()
    updates = []
    for event_id, kind, text, subject_type, subject_id in rows:
        carrier = carriers.get(subject_id) if subject_type == "shipment" else None
        found = legacy_events.recognise(kind, text, subject_type, carrier)
        if found is None:
            continue
        fact, params = found
        updates.append((fact, json.dumps(params, ensure_ascii=False), event_search.search_words(fact, params), event_id))
    database.cursor().executemany(
        'UPDATE "event" SET "fact" = ?, "params" = ?, "words" = ?, "text" = \'\' WHERE id = ?', updates)
    for sql in (
        'CREATE VIRTUAL TABLE "event_fts" USING fts5(text, words, content=\'event\', content_rowid=\'id\', '
        "tokenize='unicode61 remove_diacritics 2')",
        'CREATE TRIGGER "event_fts_ai" AFTER INSERT ON "event" BEGIN '
        'INSERT INTO "event_fts"(rowid, text, words) VALUES (new.id, new.text, new.words); END',
        'CREATE TRIGGER "event_fts_ad" AFTER DELETE ON "event" BEGIN '
        'INSERT INTO "event_fts"("event_fts", rowid, text, words) VALUES (\'delete\', old.id, old.text, old.words); END',
        'CREATE TRIGGER "event_fts_au" AFTER UPDATE OF text, words ON "event" BEGIN '
        'INSERT INTO "event_fts"("event_fts", rowid, text, words) VALUES (\'delete\', old.id, old.text, old.words); '
        'INSERT INTO "event_fts"(rowid, text, words) VALUES (new.id, new.text, new.words); END',
        'INSERT INTO "event_fts"("event_fts") VALUES (\'rebuild\')',
    ):
        database.execute_sql(sql)


def _v10(database: peewee.SqliteDatabase) -> None:
    """Orders from the shop's own exports (issue 18): ``shop_order`` (key: platform +
    number) with its ``shop_order_line``s, and ``product.made_to_order``: a product made
    for each customer, whose orders become custom orders. (v10: it came after the event facts of v9.)"""
    for sql in (
        'ALTER TABLE "product" ADD COLUMN "made_to_order" INTEGER NOT NULL DEFAULT 0',
        'CREATE TABLE "shop_order" ("id" INTEGER NOT NULL PRIMARY KEY, "platform" VARCHAR(255) NOT NULL, '
        '"number" VARCHAR(255) NOT NULL, "person_id" INTEGER, "ordered_on" DATE NOT NULL, "ordered_at" DATETIME, '
        '"currency" VARCHAR(255) NOT NULL, "subtotal_cents" INTEGER, "shipping_cents" INTEGER, '
        '"tax_cents" INTEGER, "discount_cents" INTEGER, "total_cents" INTEGER, "status" VARCHAR(255) NOT NULL, '
        '"shop_status" VARCHAR(255) NOT NULL, "fulfilled_on" DATE, "notes" TEXT NOT NULL, '
        '"item_count" INTEGER NOT NULL, "imported_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, '
        'FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE)',
        'CREATE INDEX "shop_order_person_id" ON "shop_order" ("person_id")',
        'CREATE UNIQUE INDEX "shop_order_platform_number" ON "shop_order" ("platform", "number")',
        'CREATE TABLE "shop_order_line" ("id" INTEGER NOT NULL PRIMARY KEY, "shop_order_id" INTEGER NOT NULL, '
        '"position" INTEGER NOT NULL, "name" TEXT NOT NULL, "sku" VARCHAR(255) NOT NULL, '
        '"quantity" INTEGER NOT NULL, "price_cents" INTEGER, "personalisation" TEXT NOT NULL, '
        '"product_id" INTEGER, "custom_order_id" INTEGER, '
        'FOREIGN KEY ("shop_order_id") REFERENCES "shop_order" ("id") ON DELETE CASCADE, '
        'FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE SET NULL, '
        'FOREIGN KEY ("custom_order_id") REFERENCES "custom_order" ("id") ON DELETE SET NULL)',
        'CREATE INDEX "shop_order_line_shop_order_id" ON "shop_order_line" ("shop_order_id")',
        'CREATE INDEX "shop_order_line_product_id" ON "shop_order_line" ("product_id")',
        'CREATE INDEX "shop_order_line_custom_order_id" ON "shop_order_line" ("custom_order_id")',
    ):
        database.execute_sql(sql)


def _v11(database: peewee.SqliteDatabase) -> None:
    """Products of the catalogue given in a collaboration (issue 21): ``collaboration_product``,
    each with its quantity and value. The words typed before (``collaboration.products``)
    stay as they are: they are what the owner wrote, and are still shown and edited."""
    for sql in (
        'CREATE TABLE "collaboration_product" ("id" INTEGER NOT NULL PRIMARY KEY, '
        '"collaboration_id" INTEGER NOT NULL, "product_id" INTEGER, "name" TEXT NOT NULL, '
        '"quantity" INTEGER NOT NULL, "value_cents" INTEGER, "position" INTEGER NOT NULL, '
        'FOREIGN KEY ("collaboration_id") REFERENCES "collaboration" ("id") ON DELETE CASCADE, '
        'FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE SET NULL)',
        'CREATE INDEX "collaboration_product_collaboration_id" ON "collaboration_product" ("collaboration_id")',
        'CREATE INDEX "collaboration_product_product_id" ON "collaboration_product" ("product_id")',
    ):
        database.execute_sql(sql)


def _v12(database: peewee.SqliteDatabase) -> None:
    """The buyer's account on the platform with each shop order (Etsy's "Buyer User ID"):
    one buyer whose address is written two ways is one customer, also in a later import.
    Orders imported before keep "" until they are imported again."""
    for sql in (
        'ALTER TABLE "shop_order" ADD COLUMN "buyer" VARCHAR(255) NOT NULL DEFAULT \'\'',
        'CREATE INDEX "shop_order_platform_buyer" ON "shop_order" ("platform", "buyer")',
    ):
        database.execute_sql(sql)


def _v13(database: peewee.SqliteDatabase) -> None:
    """How many pieces a custom order is (audit 12, F11: "3 × Naamketting" was a line in its
    note, and every message said "your necklace"). An imported order takes the quantity of
    the shop order's line it was made from; one typed by hand was one piece. The note line
    the import wrote for it ("3 stuks", "3 pieces") goes: the field says it now."""
    database.execute_sql('ALTER TABLE "custom_order" ADD COLUMN "quantity" INTEGER NOT NULL DEFAULT 1')
    database.execute_sql(
        'UPDATE "custom_order" SET "quantity" = (SELECT MAX(1, MIN(l."quantity", 100000)) FROM "shop_order_line" l '
        'WHERE l."custom_order_id" = "custom_order"."id" ORDER BY l."id" LIMIT 1) '
        'WHERE EXISTS (SELECT 1 FROM "shop_order_line" l WHERE l."custom_order_id" = "custom_order"."id" '
        'AND l."quantity" > 1)')
    rows = database.execute_sql('SELECT "id", "quantity", "note" FROM "custom_order" WHERE "quantity" > 1').fetchall()
    for order_id, quantity, note in rows:
        lines = (note or "").split("\n")
        if lines[0].strip() in (f"{quantity} stuks", f"{quantity} pieces"):
            database.execute_sql('UPDATE "custom_order" SET "note" = ? WHERE "id" = ?',
                                 ("\n".join(lines[1:]), order_id))


def _v14(database: peewee.SqliteDatabase) -> None:
    """One spelling of a product with a variant: "Ring Golf (maat 16)", as every list,
    parcel and message writes it. A gift from the catalogue was named "Ring Golf – maat 16"
    (the catalogue search's old spelling): each such name, written by Afspraak for the
    product it is linked to, takes the other spelling; a name the owner typed stays."""
    database.execute_sql(
        'UPDATE "collaboration_product" SET "name" = (SELECT p."name" || \' (\' || p."variant" || \')\' '
        'FROM "product" p WHERE p."id" = "collaboration_product"."product_id") '
        'WHERE EXISTS (SELECT 1 FROM "product" p WHERE p."id" = "collaboration_product"."product_id" '
        'AND p."variant" IS NOT NULL AND p."variant" != \'\' '
        'AND "collaboration_product"."name" = p."name" || \' – \' || p."variant")')


def _v15(database: peewee.SqliteDatabase) -> None:
    """Two indexes the Influencers list reads along (docs/PERFORMANCE.md, round 19): her
    list by name without sorting every influencer first (5 -> 1 ms for its first screen,
    20 -> 5 ms for the rest), and each person's messages to and from her of one kind with
    their moments, read from the index alone for the list's scores (7.5 -> 2 ms)."""
    for sql in (
        'CREATE INDEX IF NOT EXISTS "person_is_influencer_name_id" ON "person" ("is_influencer", "name", "id")',
        'CREATE INDEX IF NOT EXISTS "event_person_id_kind_direction_at" ON "event" '
        '("person_id", "kind", "direction", "at")',
    ):
        database.execute_sql(sql)


def _v16(database: peewee.SqliteDatabase) -> None:
    """Where each shop order's parcel goes, as the shop says (review of the import: a
    buyer's gift went into her record as her address, and her own order was shipped to the
    gift's): the recipient's name, the delivery address (the country as the file writes it)
    and the recipient's phone. Orders imported before keep "" (the parcel goes to the
    customer's address, as before) until they are imported again."""
    for column in ("ship_name", "ship_street", "ship_postcode", "ship_city", "ship_country", "ship_phone"):
        database.execute_sql(f'ALTER TABLE "shop_order" ADD COLUMN "{column}" VARCHAR(255) NOT NULL DEFAULT \'\'')


def _v17(database: peewee.SqliteDatabase) -> None:
    """A custom order typed in by hand gets a delivery of its own, as an imported one has
    through its shop order (v16): a made-to-order piece given as a present goes to the
    recipient's name and address, not to the customer's. Orders stored before keep ""
    (their parcels go where they went: the customer's address, or the shop order's)."""
    for column in ("ship_name", "ship_street", "ship_postcode", "ship_city", "ship_country"):
        database.execute_sql(f'ALTER TABLE "custom_order" ADD COLUMN "{column}" VARCHAR(255) NOT NULL DEFAULT \'\'')


def _v18(database: peewee.SqliteDatabase) -> None:
    """A timeline line's direction is who spoke: "out" a message or call of the shop's, "in"
    hers (her word that a parcel arrived too), none for what happened to a parcel (review of
    the timeline: a parcel only packed read "Sent", the real "Sent with bpost" line had no
    direction, and filtering on "Sent" listed parcels that never left). The app's own lines
    of a parcel packed or sent were stored as "out": they go to none, as every later step of
    a parcel already was; what the owner logged herself stays as she chose."""
    database.execute_sql(
        'UPDATE "event" SET "direction" = \'none\' WHERE "kind" = \'shipment\' AND "direction" = \'out\' '
        'AND "fact" IN (\'shipment_ready\', \'shipment_sent\')')


def _v19(database: peewee.SqliteDatabase) -> None:
    """Every person's sort key beside her name (``name_key``: search_text.sort_key, case,
    accents, quotes and a leading "@" not counting), so the lists of people are sorted by
    the database again (issue 20, docs/PERFORMANCE.md round 31: the Influencers list folded
    every influencer's name before its first page, ~60 ms on 10,000). The keys of the rows
    stored are written here, in the upgrade's one transaction, with the number of the rule
    they were made by (store/name_keys). The Influencers list reads along a new index in
    that order; v15's index on the name, which nothing orders by any more, goes."""
    from desktop.store import name_keys

    database.execute_sql('ALTER TABLE "person" ADD COLUMN "name_key" VARCHAR(255) NOT NULL DEFAULT \'\'')
    name_keys.fill(database)
    for sql in (
        'DROP INDEX IF EXISTS "person_is_influencer_name_id"',
        'CREATE INDEX IF NOT EXISTS "person_is_influencer_name_key_name_id" ON "person" '
        '("is_influencer", "name_key", "name", "id")',
    ):
        database.execute_sql(sql)


def _v20(database: peewee.SqliteDatabase) -> None:
    """A delivery's state or province beside its town (``ship_region``: "AK", "ON", "VIC"),
    as the shop's file writes it (Etsy's "Ship State", Shopify's "Shipping Province",
    WooCommerce's "shipping_state"), so an address in the United States, Canada or
    Australia is written as there ("Anchorage, AK 99503"; review of the one address
    formatter: the state was read from no file and kept nowhere, "ANCHORAGE 99503-2016").
    Orders stored before keep "" until their file is imported again (it fills it in)."""
    for table in ("shop_order", "custom_order"):
        database.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "ship_region" VARCHAR(255) NOT NULL DEFAULT \'\'')


MIGRATIONS = [_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9, _v10, _v11, _v12, _v13, _v14, _v15, _v16, _v17, _v18,
              _v19, _v20]
CURRENT_VERSION = len(MIGRATIONS)


def schema_version(database: peewee.SqliteDatabase) -> int:
    return database.execute_sql("PRAGMA user_version").fetchone()[0]


def migrate(database: peewee.SqliteDatabase, before: Callable[[int], None] | None = None) -> int:
    """Bring the database to CURRENT_VERSION; returns the version it started at.

    ``before(version)`` runs first when an existing database (version > 0) is about to be
    migrated: the caller's backup of the file (store/opening.py)."""
    start = schema_version(database)
    if start > CURRENT_VERSION:
        raise SchemaTooNew(start)
    if start == CURRENT_VERSION:
        return start
    if start > 0 and before is not None:
        before(start)
    number = start
    try:
        # One transaction for every step: a step that fails takes the ones before it back
        # too, so the file stays the one the older Afspraak wrote and can still read.
        with database.atomic():
            for number in range(start + 1, CURRENT_VERSION + 1):
                log.info("migrating schema to version %d", number)
                MIGRATIONS[number - 1](database)
                database.execute_sql(f"PRAGMA user_version = {number:d}")
                database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID:d}")
    except Exception as exc:
        from desktop.store import storage_errors

        if storage_errors.is_damage(exc) or storage_errors.kind_of(exc) is not None:
            raise  # the disk or the file: told (and recovered from) as anywhere else
        log.exception("migrating from version %d failed at step %d; nothing was changed", start, number)
        raise MigrationFailed(start, number) from exc
    return start
