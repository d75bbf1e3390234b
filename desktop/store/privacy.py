"""Export and erase one person (AVG/GDPR), on the live database and on backup files.

The rows that belong to a person are found from the schema itself, not from a list kept
by hand: every row that reaches the person row through foreign keys (a handle, a
collaboration and, through it, its deliverables, content and rating...), plus timeline
events whose ``subject_type``/``subject_id`` point at one of those rows. A table added
by a later migration is covered without touching this file, as long as it links to
the person with a foreign key. Rows of a table with its own ``person_id`` are only taken
when that column names this person (so another customer's shipment that happens to
point at this person's order is never exported or deleted).

Erasing deletes those rows, replaces mentions of the person in other rows, keeps the
anonymous numbers (``domain/privacy.py``) and then makes sure no copy stays readable in
the files: ``secure_delete`` overwrites freed space, every full-text index is rebuilt
and optimised, the database is VACUUMed and the WAL is checkpointed and truncated.

Everything here works on a plain DB-API connection, so the same code erases a person
from the live database and from every backup file.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import sqlite3
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from desktop import __version__, clock, paths
from desktop.domain import privacy as rules
from desktop.store import erasures, outgoing
from desktop.store.db import NotAnAfspraakDatabase, check_afspraak_file

log = logging.getLogger(__name__)

# Tables never walked into or scrubbed: settings, our own anonymous records.
SKIPPED_TABLES = frozenset({"setting", "anonymous_record"})


class PersonNotFound(Exception):
    pass


@dataclass
class Holding:
    """Everything the database holds on one person."""

    person: dict
    rows: dict[str, dict[int, dict]] = field(default_factory=dict)  # table -> rowid -> row
    order: list[str] = field(default_factory=list)  # tables in the order they were reached
    mentions: int = 0  # mentions of the person in rows that are not theirs
    # Deliveries to her in orders somebody else placed (a gift sent to her name at her address):
    # (table, order id) -> the order's number and day with the delivery's fields, not who placed
    # it; a shop order's, or a custom order's typed in its form (v17).
    deliveries: dict[tuple[str, int], dict] = field(default_factory=dict)
    unsent: list[str] = field(default_factory=list)  # numbers of those orders not sent yet
    elsewhere: int = 0  # deliveries to her name at another address: a namesake's, left alone

    def counts(self) -> dict[str, int]:
        counts = {"person": 1}
        for table in self.order:
            if table != "person" and self.rows.get(table):
                counts[table] = len(self.rows[table])
        if self.deliveries:
            counts[rules.DELIVERY_TO_HER] = len(self.deliveries)
        return counts

    def sections(self) -> dict[str, list[dict]]:
        found = {t: list(self.rows[t].values()) for t in self.order if t != "person" and self.rows.get(t)}
        if self.deliveries:
            found[rules.DELIVERY_TO_HER] = list(self.deliveries.values())
        return found


@dataclass
class Erased:
    counts: dict[str, int]
    mentions: int
    backups: list[Path] = field(default_factory=list)  # backup files the person was erased from
    backups_failed: list[Path] = field(default_factory=list)
    backups_unreached: list[Path] = field(default_factory=list)  # copies she saved, not found where she saved them
    fully_purged: bool = True  # False when the WAL could not be truncated (another reader)
    # The erasure is saved, but tidying the file up afterwards (VACUUM: a whole copy) met a
    # full disk or another storage problem: its kind (storage_errors), for the words.
    purge_problem: str | None = None


# --- schema ----------------------------------------------------------------------------
def _tables(con) -> list[str]:
    """Ordinary tables that hold data (no SQLite internals, no full-text shadow tables)."""
    rows = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    out = []
    for name, _sql in rows:
        if name.startswith("sqlite_") or name in virtual:
            continue
        if any(name.startswith(v + "_") for v in virtual):
            continue  # fts5 shadow tables (x_data, x_idx, x_content...)
        out.append(name)
    return out


def fts_tables(con) -> list[tuple[str, str]]:
    """(name, sql) of every FTS virtual table."""
    return [(name, sql) for name, sql in con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND upper(sql) LIKE 'CREATE VIRTUAL TABLE%USING FTS%'")]


def _columns(con, table: str) -> dict[str, str]:
    return {r[1]: (r[2] or "") for r in con.execute(f'PRAGMA table_info("{table}")')}


def _children(con, tables: list[str]) -> dict[str, list[tuple[str, str, str]]]:
    """parent table -> [(child table, child column, parent column)]."""
    children: dict[str, list[tuple[str, str, str]]] = {}
    for table in tables:
        for fk in con.execute(f'PRAGMA foreign_key_list("{table}")'):
            parent, column, to = fk[2], fk[3], fk[4] or "id"
            children.setdefault(parent, []).append((table, column, to))
    return children


def _unique_columns(con, table: str) -> set[str]:
    out = set()
    for index in con.execute(f'PRAGMA index_list("{table}")'):
        if index[2]:  # unique
            out |= {r[2] for r in con.execute(f'PRAGMA index_info("{index[1]}")')}
    return out


def _select(con, table: str, where: str, params) -> dict[int, dict]:
    cursor = con.execute(f'SELECT rowid AS "__rowid", * FROM "{table}" WHERE {where}', params)
    names = [d[0] for d in cursor.description]
    out = {}
    for values in cursor:
        row = dict(zip(names, values))
        out[row.pop("__rowid")] = row
    return out


def _chunks(ids, size=500):
    ids = list(ids)
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


# --- finding what belongs to a person ----------------------------------------------------
def collect(con, person_id: int) -> Holding:
    """Every row that belongs to ``person_id``, and how many other rows mention them."""
    found = _select(con, "person", "id = ?", (person_id,))
    if not found:
        raise PersonNotFound(person_id)
    tables = [t for t in _tables(con) if t not in SKIPPED_TABLES]
    children = _children(con, tables)
    columns = {t: _columns(con, t) for t in tables}
    person_fk = {t: col for parent, kids in children.items() if parent == "person" for t, col, _to in kids}
    holding = Holding(person=next(iter(found.values())))
    holding.rows["person"] = found
    holding.order.append("person")
    subject_tables = [t for t in tables if {"subject_type", "subject_id"} <= set(columns[t])]

    queue = ["person"]
    while queue:
        parent = queue.pop(0)
        parent_rows = holding.rows[parent]
        for child, column, to in children.get(parent, []):
            keys = [row[to] for row in parent_rows.values() if row.get(to) is not None]
            new = {}
            for chunk in _chunks(keys):
                where = f'"{column}" IN ({",".join("?" * len(chunk))})'
                params = list(chunk)
                if child in person_fk and child != "person":
                    where += f' AND "{person_fk[child]}" = ?'
                    params.append(person_id)
                new.update(_select(con, child, where, params))
            _add(holding, child, new, queue)
        # Rows that point at what we found by subject_type/subject_id (timeline events).
        if parent != "person":
            for table in subject_tables:
                ids = list(parent_rows.keys())
                new = {}
                for chunk in _chunks(ids):
                    new.update(_select(con, table, f'subject_type = ? AND subject_id IN ({",".join("?" * len(chunk))})',
                                       [parent, *chunk]))
                _add(holding, table, new, queue)
    holding.deliveries, holding.unsent, holding.elsewhere = _deliveries_to_her(con, holding)
    holding.mentions = _scrub_mentions(con, holding, dry_run=True)
    return holding


def _deliveries_to_her(con, holding: Holding) -> tuple[dict[tuple[str, int], dict], list[str], int]:
    """Orders placed by somebody else and sent to her (``Holding.deliveries``): her name at
    one of her addresses (her card's, or one she had her own orders sent to) or with one of
    her phone numbers, as an import after her erasure finds them (``store/shop_orders.
    _leave_out_erased``). Also the numbers of those not sent yet, and how many deliveries to
    her name go elsewhere: a namesake's, perhaps, left alone and told."""
    wanted = {key for key in person_keys(con, holding) if key.startswith(("name_address:", "name_phone:"))}
    name = rules.name_key(holding.person.get("name") or "")
    if not wanted or not name:
        return {}, [], 0
    found, unsent, elsewhere = {}, [], 0
    for recipient in recipients(con):  # none in a file of before the orders kept their delivery
        if recipient.key[1] != name.removeprefix("name:"):
            continue
        for d in recipient.deliveries:
            if d.order_id in holding.rows.get(d.table, {}):  # her own order: erased whole
                continue
            keys = {rules.name_address_key(d.ship.name, d.ship.street, d.ship.postcode),
                    *rules.name_phone_keys(d.ship.name, (d.ship.phone,))}
            if not keys & wanted:
                elsewhere += 1
                continue
            found[(d.table, d.order_id)] = rules.delivery_row(d)
            if d.unsent:
                unsent.append(d.number)
    return found, unsent, elsewhere


def _add(holding: Holding, table: str, new: dict[int, dict], queue: list[str]) -> None:
    have = holding.rows.setdefault(table, {})
    fresh = {k: v for k, v in new.items() if k not in have}
    if not fresh:
        return
    have.update(fresh)
    if table not in holding.order:
        holding.order.append(table)
    if table not in queue:
        queue.append(table)


def _scrub_mentions(con, holding: Holding, dry_run: bool) -> int:
    """Replace mentions of the person in rows that stay; returns how many there were. Her
    address only in free text: an address column of another row is whoever lives there's."""
    in_text, in_address = rules.mention_patterns(holding.person, list(holding.rows.get("handle", {}).values()))
    if in_text is None:
        return 0
    total = 0
    for table in _tables(con):
        if table in SKIPPED_TABLES:
            continue
        unique = _unique_columns(con, table)
        ours = holding.rows.get(table, {})
        blanked = {order_id: None for (kind, order_id) in holding.deliveries if kind == table}
        if blanked:  # blanked whole (erase_rows), not scrubbed
            ours = {**ours, **blanked}
        for column, declared in _columns(con, table).items():
            declared = declared.upper()
            where = rules.mentions_in(table, column)
            if column in unique or where is None or not ("TEXT" in declared or "CHAR" in declared or "CLOB" in declared):
                continue
            rows = con.execute(f'SELECT rowid, "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL AND "{column}" != \'\'')
            for rowid, value in rows.fetchall():
                if rowid in ours or not isinstance(value, str):
                    continue
                new, n = rules.scrub(value, in_address if where == "address" else in_text)
                if n:
                    total += n
                    if not dry_run:
                        con.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', (new, rowid))
    return total


# --- export ------------------------------------------------------------------------------
def export_person(con, person_id: int, out: Path, now: datetime) -> Path:
    """Write a zip with data.json, csv/*.csv and README.txt; mode 0600 (it is personal data)."""
    holding = collect(con, person_id)
    sections = holding.sections()
    _name_products(con, sections)
    zone, moments = clock.owner().tz, moment_columns(con)
    document = rules.export_document(holding.person, sections, now, __version__, json_columns(), moments, zone)
    readme = rules.readme_text(holding.person.get("name", ""), now, holding.counts(),
                               holding.person.get("address_form") or "je", holding.person.get("language") or None,
                               holding.person.get("country") or None, zone_name=rules.zone_name(zone, now))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme)
        archive.writestr("data.json", json.dumps(document, ensure_ascii=False, indent=2))
        for name, content in rules.csv_files(holding.person, sections, json_columns(), moments, zone).items():
            archive.writestr(f"csv/{name}", content)
    # A folder is named as the folder it is, not as the ".part" beside it that failed to take its
    # place; a full disk left half a zip of the person's data beside the export, listed nowhere.
    out = outgoing.write_whole(out, buffer.getvalue(), mode=0o600)  # (a missing folder: said, cli.py)
    paths.make_private_file(out)
    return out


def json_columns() -> frozenset:
    """{(table, column)} stored as JSON text (tags, checklists...), from the models."""
    from desktop.store import models

    return frozenset((m._meta.table_name, f.column_name) for m in models.ALL_MODELS
                     for f in m._meta.sorted_fields if isinstance(f, models.JSONField))


def moment_columns(con) -> frozenset:
    """{(table, column)} that hold a moment (naive UTC): declared DATETIME, as the models' are."""
    return frozenset((table, column) for table in _tables(con)
                     for column, declared in _columns(con, table).items() if declared.upper().startswith("DATETIME"))


def _name_products(con, sections: dict[str, list[dict]]) -> None:
    """Add the product's name beside each product_id, so the export reads without the shop's catalogue."""
    try:
        names = {r[0]: r[1] for r in con.execute("SELECT id, name FROM product")}
    except sqlite3.Error:
        return
    for rows in sections.values():
        for row in rows:
            if row.get("product_id") in names:
                row["product_name"] = names[row["product_id"]]


# --- erase -------------------------------------------------------------------------------
def erase_rows(con, person_id: int, erased_on: date) -> Holding:
    """Delete everything of ``person_id`` inside the caller's transaction; returns what went."""
    holding = collect(con, person_id)
    has_anonymous = "anonymous_record" in {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if has_anonymous:
        for table in holding.order:
            types = _columns(con, table)
            for row in holding.rows[table].values():
                kept = rules.anonymous_values(table, row, types)
                if kept is not None:
                    con.execute('INSERT INTO "anonymous_record" ("erased_on", "kind", "data") VALUES (?, ?, ?)',
                                (erased_on.isoformat(), table, json.dumps(kept, ensure_ascii=False, sort_keys=True)))
    holding.mentions = _scrub_mentions(con, holding, dry_run=False)
    _blank_deliveries(con, holding.deliveries)
    for table in reversed(holding.order):  # children before parents
        for chunk in _chunks(holding.rows[table].keys()):
            con.execute(f'DELETE FROM "{table}" WHERE rowid IN ({",".join("?" * len(chunk))})', chunk)
    _refresh_fts(con)
    return holding


def _refresh_fts(con) -> None:
    """Rebuild full-text indexes over other tables and optimise all, so no erased token stays."""
    for name, sql in fts_tables(con):
        compact = (sql or "").replace(" ", "").lower()
        external = "content=" in compact and "content=''" not in compact and 'content=""' not in compact
        if external:
            con.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'rebuild\')')
        con.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'optimize\')')


def purge_files(con) -> bool:
    """Make deleted data unreadable in the files: VACUUM, then checkpoint and truncate the WAL.

    Returns False when the WAL could not be emptied (another connection was reading).
    """
    con.execute("PRAGMA secure_delete = ON")
    con.execute("VACUUM")
    busy = 1
    for _attempt in range(20):
        busy, _log, _done = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if not busy:
            break
    return not busy


def erase_from_file(path: Path, person: dict, erased_on: date) -> bool:
    """Erase the same person from a backup file; True when they were in it.

    The person is matched by id *and* name (or e-mail), so a backup in which the id
    belonged to someone else is never touched.
    """
    def found(con):
        row = con.execute("SELECT id FROM person WHERE id = ? AND (name = ? OR (email != '' AND email = ?))",
                          (person["id"], person.get("name", ""), person.get("email", ""))).fetchone()
        return None if row is None else (lambda: erase_rows(con, row[0], erased_on))

    return _erase_in_file(path, found, foreign_keys=True)


def _erase_in_file(path: Path, found, foreign_keys: bool = False) -> bool:
    """Open the copy at ``path`` and, when ``found(con)`` hands back what to erase in it (a
    function; None: not in this copy), run that in one transaction and leave no readable
    trace in the file (``purge_files``); True when something was erased."""
    check_afspraak_file(path)
    con = sqlite3.connect(str(path), isolation_level=None)
    try:
        if foreign_keys:
            con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA secure_delete = ON")
        erase = found(con)
        if erase is None:
            return False
        con.execute("BEGIN IMMEDIATE")
        try:
            erase()
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        purge_files(con)
    finally:
        con.close()
    return True


def backup_files() -> list[Path]:
    """Every copy of the data Afspraak made that can be reached now: the backups folder's, the
    copies in the data folder (a damaged file kept aside, File → Save a backup…'s old name),
    and those she saved elsewhere through Afspraak that are there now (``backup.saved_copies``;
    :func:`unreached_copies` are the others). Never the database itself."""
    from desktop.store import backup

    own = os.path.abspath(paths.db_path())
    found = {}
    for p in [*paths.backup_dir().glob("*.sqlite3"), *paths.data_dir().glob("afspraak-*.sqlite3"),
              *backup.saved_copies()[0]]:
        if os.path.abspath(p) != own and p.is_file():
            found.setdefault(os.path.abspath(p), p)
    return sorted(found.values())


def unreached_copies() -> list[Path]:
    """The copies she saved through Afspraak that are not where she saved them now (a USB
    stick not plugged in): an erase cannot reach them, and says so."""
    from desktop.store import backup

    return backup.saved_copies()[1]


def _remove_pictures(holding: Holding) -> None:
    """The picture files the erased rows pointed at (order references, content evidence)."""
    from desktop.store import pictures

    for table in holding.order:
        for row in holding.rows[table].values():
            path = row.get("path")
            if isinstance(path, str) and path.startswith("pictures/"):
                pictures.remove_file(path)  # only ever inside the picture folders


def erase_person(database, person_id: int, now: datetime, backups: bool = False) -> Erased:
    """Erase a person from the live database (and from every backup when asked)."""
    con = database.connection()
    with erasures.recording(database, now) as record:  # kept beside the file: no restore brings her back
        holding = erase_rows(con, person_id, now.date())
        record(erasures.PERSON, person_keys(con, holding))
    purged, problem = _tidy_up(con)
    _remove_pictures(holding)
    result = Erased(counts=holding.counts(), mentions=holding.mentions, fully_purged=purged, purge_problem=problem)
    if backups:
        _erase_from_backups(result, lambda path: erase_from_file(path, holding.person, now.date()))
    return result


def _tidy_up(con) -> tuple[bool, str | None]:
    """``purge_files`` after an erasure was saved: (fully purged, the storage problem that
    stopped it or None)."""
    try:
        return purge_files(con), None
    except (sqlite3.Error, OSError) as exc:
        # The rows are gone (committed): a full disk while tidying up must not read as
        # "nothing was saved". VACUUM failing changes nothing; the WAL is emptied at close.
        from desktop.store import storage_errors

        problem = storage_errors.kind_of(exc)
        if problem is None or storage_errors.is_damage(exc):
            raise
        log.warning("tidying the file up after an erasure failed (%s)", problem)
        return False, problem


@contextlib.contextmanager
def _keeping_file_time(path: Path):
    """Put ``path``'s file time back after it was rewritten: an erase changes what a copy holds,
    never when it was made, and a repair once took a rewritten old backup for the newest
    (``backup.taken_at``, review of backups, 1)."""
    kept = path.stat()
    try:
        yield
    finally:
        try:
            os.utime(path, ns=(kept.st_atime_ns, kept.st_mtime_ns))
        except OSError:
            log.warning("could not keep the file time of %s", path.name)


def _erase_from_backups(result: Erased, erase_one) -> None:
    """``erase_one(path)`` (True when it found whom it erases there) on every backup file;
    what it did goes into ``result``."""
    from desktop.store import backup

    backup.sweep_unfinished()  # a killed copy's .part holds them too, and nothing else removes it
    for path in backup_files():
        try:
            with _keeping_file_time(path):
                found = erase_one(path)
            if found:
                result.backups.append(path)
        except (sqlite3.Error, OSError, NotAnAfspraakDatabase):
            log.exception("could not erase from backup %s", path.name)
            result.backups_failed.append(path)
    result.backups_unreached = unreached_copies()


# --- a gift's recipient (domain/privacy.py: no person of her own, only an order's delivery) --
class RecipientNotFound(Exception):
    pass


# Every shop order's delivery to a named recipient, with who placed it and whether a custom
# order made from it is still to be sent (constant SQL; the statuses bound). An order sent to
# its buyer under her name as written on her card is left out here already: most orders of a
# shop are, and the domain's comparison of names (``recipients``) cost 0.3 s for 20,000 of them.
_DELIVERIES = (
    'SELECT o.id, o.platform, o.number, o.ordered_on, p.name, o.ship_name, o.ship_street, o.ship_postcode, '
    'o.ship_city, o.ship_country, o.ship_phone, EXISTS (SELECT 1 FROM shop_order_line l JOIN custom_order c '
    'ON c.id = l.custom_order_id WHERE l.shop_order_id = o.id AND c.status IN ({statuses})), \'shop_order\', '
    '{region} FROM shop_order o LEFT JOIN person p ON p.id = o.person_id '
    'WHERE o.ship_name != \'\' AND (p.name IS NULL OR o.ship_name != p.name)'
)


# The same of the custom orders whose form sends the parcel to somebody else (v17): no phone,
# unsent while the order itself is.
_TYPED_DELIVERIES = (
    'SELECT c.id, \'\', c.order_number, c.ordered_on, p.name, c.ship_name, c.ship_street, c.ship_postcode, '
    'c.ship_city, c.ship_country, \'\', c.status IN ({statuses}), \'custom_order\', {region} '
    'FROM custom_order c JOIN person p ON p.id = c.person_id '
    'WHERE c.ship_name != \'\' AND c.ship_name != p.name'
)


def _deliveries_sql(sql: str, con, table: str, alias: str) -> str:
    """``sql`` with the statuses' placeholders and the delivery's region: its column, or ''
    in a file of before it was kept (v20: a backup)."""
    region = f"{alias}.{rules.REGION_COLUMN}" if rules.REGION_COLUMN in _columns(con, table) else "''"
    return sql.format(statuses=", ".join("?" * len(rules.UNSENT_ORDER_STATUSES)), region=region)


def recipients(con) -> list[rules.Recipient]:
    """Everyone orders were sent to who did not place them, by name: the shop's orders'
    deliveries, and those typed in a custom order's form; none in a file of before the
    orders kept their delivery (schema v16)."""
    if not set(rules.DELIVERY_COLUMNS) <= set(_columns(con, "shop_order")):
        return []
    rows = list(con.execute(_deliveries_sql(_DELIVERIES, con, "shop_order", "o"), rules.UNSENT_ORDER_STATUSES))
    if set(rules.DELIVERY_COLUMNS[:5]) <= set(_columns(con, "custom_order")):
        rows += con.execute(_deliveries_sql(_TYPED_DELIVERIES, con, "custom_order", "c"),
                            rules.UNSENT_ORDER_STATUSES).fetchall()
    return rules.recipients(rows)


def recipient(con, key: tuple[str, str, str]) -> rules.Recipient:
    """The recipient ``key`` (``domain/privacy.recipient_key``) as ``con`` holds her."""
    found = next((r for r in recipients(con) if r.key == tuple(key)), None)
    if found is None:
        raise RecipientNotFound(key)
    return found


def export_recipient(con, key, out: Path, now: datetime, readme: str) -> Path:
    """A zip of what is held on a gift's recipient, as ``export_person`` writes a person's:
    ``readme`` (worded for her by the caller), data.json, csv/shop_order.csv; mode 0600."""
    found = recipient(con, key)
    document = rules.recipient_export_document(found, now, __version__, clock.owner().tz)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme)
        archive.writestr("data.json", json.dumps(document, ensure_ascii=False, indent=2))
        for name, content in rules.recipient_csv_files(found).items():
            archive.writestr(f"csv/{name}", content)
    out = outgoing.write_whole(out, buffer.getvalue(), mode=0o600)  # (a missing folder: said, cli.py)
    paths.make_private_file(out)
    return out


def erase_recipient_rows(con, key) -> rules.Recipient:
    """Blank her delivery on every order sent to her, inside the caller's transaction: only
    those fields; the orders, their lines and their buyer stay. Returns whom it blanked."""
    found = recipient(con, key)
    _blank_deliveries(con, [(d.table, d.order_id) for d in found.deliveries])
    return found


def _blank_deliveries(con, orders) -> None:
    """Blank the delivery fields of these orders ((table, id): a shop order, or a custom
    order's typed delivery): only those; the orders stay the buyer's."""
    for table, columns in rules.DELIVERY_TABLES.items():
        ids = [(order_id,) for kind, order_id in orders if kind == table]
        if ids:
            present = _columns(con, table)  # (a backup of before v20 has no region)
            blank = ", ".join(f'"{column}" = \'\'' for column in columns if column in present)
            con.executemany(f'UPDATE "{table}" SET {blank} WHERE id = ?', ids)


def erase_recipient_from_file(path: Path, key) -> bool:
    """Erase the same recipient from a backup file (matched by her name and address, not
    by the orders' ids); True when she was in it."""
    def found(con):
        if not any(r.key == tuple(key) for r in recipients(con)):
            return None
        return lambda: erase_recipient_rows(con, key)

    return _erase_in_file(path, found)


def erase_recipient(database, key, backups: bool = False, now: datetime | None = None) -> Erased:
    """Erase a gift's recipient from the live database in one transaction (and from every
    backup when asked), leaving no readable copy in the file, as ``erase_person`` does."""
    con = database.connection()
    with erasures.recording(database, now or clock.utcnow()) as record:
        found = erase_recipient_rows(con, key)
        record(erasures.RECIPIENT, rules.recipient_erasure_keys(found.key))
    purged, problem = _tidy_up(con)
    counts: dict[str, int] = {}
    for d in found.deliveries:
        counts[d.table] = counts.get(d.table, 0) + 1
    result = Erased(counts=counts, mentions=0, fully_purged=purged,
                    purge_problem=problem)
    if backups:
        _erase_from_backups(result, lambda path: erase_recipient_from_file(path, key))
    return result


# --- erased on request: applied again where an older copy brought them back (store/erasures) --

def person_keys(con, holding: Holding) -> set[str]:
    """What tells ``holding``'s person (``domain/privacy.erasure_keys``)."""
    return rules.erasure_keys(holding.person, list(holding.rows.get("handle", {}).values()),
                              list(holding.rows.get("shop_order", {}).values()))


def _everyones_keys(con) -> dict[int, set[str]]:
    """Person id -> her keys (``domain/privacy.erasure_keys``), for everyone the database holds."""
    handles: dict[int, list[dict]] = {}
    for person_id, platform, name in con.execute("SELECT person_id, platform, name FROM handle"):
        handles.setdefault(person_id, []).append({"platform": platform, "name": name})
    orders: dict[int, list[dict]] = {}
    columns = ("platform", "buyer", "ship_name", "ship_street", "ship_postcode")
    present = [c for c in columns if c in _columns(con, "shop_order")]  # (older files keep less)
    for person_id, *values in con.execute(
            f'SELECT person_id, {", ".join(present)} FROM shop_order WHERE person_id IS NOT NULL'):
        orders.setdefault(person_id, []).append(dict(zip(present, values)))
    return {person["id"]: rules.erasure_keys(person, handles.get(person["id"], []), orders.get(person["id"], []))
            for person in _select(con, "person", "1", ()).values()}


def reapply_erasures(database, listing: erasures.ErasedList, entries: list[erasures.Entry]) -> int:
    """Erase again, in one transaction, whoever of ``entries`` (erasures the open
    ``database`` has not had applied: it is a restored, repaired or older copy) it holds,
    as the erasure did (the rows, the mentions, the anonymous numbers dated on the day of
    the erasure; a recipient's deliveries blanked), then tidy the file up. Marks the
    database up to date and returns how many people it removed (also kept to be told:
    ``erasures.take_untold``)."""
    con = database.connection()
    people = [e for e in entries if e.kind == erasures.PERSON]
    wanted = frozenset().union(*(e.prints for e in entries if e.kind == erasures.RECIPIENT))
    holdings = []
    with database.atomic():
        if people:
            for person_id, keys in _everyones_keys(con).items():
                prints = {key: listing.fingerprint(key) for key in keys if key}
                entry = next((e for e in people if rules.is_hers(e.prints, prints)), None)
                if entry is not None:
                    holdings.append(erase_rows(con, person_id, entry.day()))
        blanked = 0
        if wanted:
            for found in recipients(con):
                if listing.prints(rules.recipient_erasure_keys(found.key)) & wanted:
                    erase_recipient_rows(con, found.key)
                    blanked += 1
        removed = len(holdings) + blanked
        erasures.applied(con, listing, removed)
    if removed:
        log.warning("%d erased on request were in the data opened, and were erased again", removed)
        _tidy_up(con)
        for holding in holdings:
            _remove_pictures(holding)
    return removed


# --- the open database (for the views, which hold no connection) ---------------------------

def holding_of(person_id: int) -> Holding:
    """``collect`` on the open database."""
    from desktop.store.db import db

    return collect(db.connection(), person_id)


def export_from_open(person_id: int, out: Path, now: datetime) -> Path:
    """``export_person`` from the open database."""
    from desktop.store.db import db

    return export_person(db.connection(), person_id, out, now)


def erase_from_open(person_id: int, now: datetime, backups: bool = False) -> Erased:
    """``erase_person`` from the open database (and from every backup when asked)."""
    from desktop.store.db import db

    return erase_person(db.obj, person_id, now, backups=backups)


def recipients_of_open() -> list[rules.Recipient]:
    """``recipients`` of the open database."""
    from desktop.store.db import db

    return recipients(db.connection())


def recipient_of_open(key) -> rules.Recipient | None:
    """``recipient`` of the open database; None when nothing was sent to her (any more)."""
    from desktop.store.db import db

    try:
        return recipient(db.connection(), key)
    except RecipientNotFound:
        return None


def export_recipient_from_open(key, out: Path, now: datetime, readme: str) -> Path:
    """``export_recipient`` from the open database."""
    from desktop.store.db import db

    return export_recipient(db.connection(), key, out, now, readme)


def erase_recipient_from_open(key, backups: bool = False) -> Erased:
    """``erase_recipient`` from the open database (and from every backup when asked)."""
    from desktop.store.db import db

    return erase_recipient(db.obj, key, backups=backups)
