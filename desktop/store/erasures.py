"""Who was erased on request (AVG/GDPR art. 17), kept where no restore or repair reaches.

A restore (File → Restore a backup…, ``afspraak restore``), the repair of a damaged file
from a backup, or the shop's orders export imported again brought back somebody the owner
had erased since. This list is what none of them replaces: a file beside the database in the
data folder (``erased-on-request.json``), never inside it and never in a backup, holding

- per erasure only the moment and salted one-way fingerprints of the keys that tell the
  person (``domain/privacy.erasure_keys``: e-mail, handles, buyer accounts, name with
  address or phone, the record itself; a gift's recipient: her name with her address),
  HMAC-SHA256 with the list's own random salt; no name, no address, no number;
- written whole (a synced copy renamed into place, ``outgoing.write_whole``), the owner's
  only (0600), and in the erasure's own transaction: when that is taken back, so is the
  list's new line.

The database records how much of the list it has had applied: the setting
``erasures_applied`` ("<list id>:<count>"), written with each erasure. An open whose mark
is behind the list (a restored or repaired file, one put in place by hand) applies the
erasures since again (``store/privacy.reapply_erasures``, in one transaction) and keeps
how many people that removed for the owner to be told once (``erasures_untold``,
``take_untold``). An ordinary start only compares that mark with the list's count.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator

from desktop import clock, paths
from desktop.store import outgoing, storage_errors

log = logging.getLogger(__name__)

FILE_NAME = "erased-on-request.json"
FORMAT = "afspraak-erased-on-request"
MARK = "erasures_applied"  # setting: "<list id>:<erasures applied>"
UNTOLD = "erasures_untold"  # setting: people an open removed again, not told yet
PERSON, RECIPIENT = "person", "recipient"


@dataclass(frozen=True)
class Entry:
    at: datetime  # naive UTC
    kind: str  # PERSON or RECIPIENT
    prints: frozenset[str]

    def day(self) -> date:
        """The owner's day of the erasure: orders placed on it or before are hers to leave out."""
        return clock.to_local(self.at).date()


@dataclass
class ErasedList:
    id: str
    salt: bytes
    entries: list[Entry] = field(default_factory=list)

    @property
    def mark(self) -> str:
        return f"{self.id}:{len(self.entries)}"

    def fingerprint(self, key: str) -> str:
        from desktop.domain.privacy import fingerprint  # (not at an ordinary start: nobody is hashed then)

        return fingerprint(self.salt, key)

    def prints(self, keys: Iterable[str]) -> frozenset[str]:
        return frozenset(self.fingerprint(key) for key in keys if key)

    def since(self, mark: str | None) -> list[Entry]:
        """The erasures a database with ``mark`` has not had applied (all, from another list)."""
        list_id, _, count = (mark or "").partition(":")
        if list_id == self.id and count.isdigit():
            return self.entries[int(count):]
        return list(self.entries)

    def days(self, kind: str | None = None) -> dict[str, date]:
        """Fingerprint -> the day of the last erasure (of ``kind``, or any) that holds it."""
        out: dict[str, date] = {}
        for entry in self.entries:
            if kind is None or entry.kind == kind:
                day = entry.day()
                for found in entry.prints:
                    out[found] = max(day, out.get(found, day))
        return out


def list_path(folder: Path) -> Path:
    return Path(folder) / FILE_NAME


def folder_of(database) -> Path:
    """The data folder of an open database (where its list is)."""
    return Path(database.database).parent


def read(folder: Path) -> ErasedList | None:
    """The list in ``folder``; None when there is none (nobody erased there yet) or it cannot
    be read (then said in the log, and kept: ``_set_aside`` before a new one is written)."""
    path = list_path(folder)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        log.exception("the list of erasures on request cannot be read")
        return None
    try:
        document = json.loads(data)
        if document.get("format") != FORMAT:
            raise ValueError(document.get("format"))
        return ErasedList(id=str(document["id"]), salt=bytes.fromhex(document["salt"]), entries=[
            Entry(at=datetime.fromisoformat(item["at"].rstrip("Z")), kind=str(item["kind"]),
                  prints=frozenset(item["prints"])) for item in document["erased"]])
    except (ValueError, KeyError, TypeError, AttributeError):
        log.error("the list of erasures on request is unreadable: %s", path.name)
        return None


def _document(listing: ErasedList) -> bytes:
    return json.dumps({
        "format": FORMAT, "version": 1, "id": listing.id, "salt": listing.salt.hex(),
        "erased": [{"at": entry.at.isoformat(timespec="seconds") + "Z", "kind": entry.kind,
                    "prints": sorted(entry.prints)} for entry in listing.entries],
    }, indent=1).encode("utf-8")


def _write(folder: Path, data: bytes) -> None:
    path = outgoing.write_whole(list_path(folder), data, mode=0o600)
    paths.make_private_file(path)


def _set_aside(folder: Path) -> None:
    """An unreadable list is never written over: kept beside it, for whoever looks into it."""
    path = list_path(folder)
    if path.exists():
        aside = path.with_name(f"erased-on-request-unreadable-{clock.utcnow():%Y%m%d-%H%M%S}.json")
        os.replace(path, aside)
        log.error("the unreadable list of erasures on request was kept as %s", aside.name)


def stored_mark(con) -> str | None:
    return _setting(con, MARK)


def _setting(con, key: str):
    try:
        row = con.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError:  # no settings table (yet): nothing applied
        return None
    return None if row is None or row[0] is None else json.loads(row[0])


def _set(con, key: str, value) -> None:
    con.execute('INSERT INTO setting ("key", "value") VALUES (?, ?) ON CONFLICT ("key") DO UPDATE SET value = '
                'excluded.value', (key, json.dumps(value)))


@contextmanager
def recording(database, now: datetime) -> Iterator[Callable[[str, Iterable[str]], None]]:
    """The erasure's transaction, handing out ``record(kind, keys)``: the erasure's line is
    added to the list (and the database's mark moved on) as the last thing the transaction
    does; when the transaction is taken back, the list is written back as it was."""
    folder = folder_of(database)
    before: list[bytes | None] = []

    def record(kind: str, keys: Iterable[str]) -> None:
        path = list_path(folder)
        before.append(path.read_bytes() if path.exists() else None)
        listing = read(folder)
        if listing is None:
            _set_aside(folder)
            listing = ErasedList(id=secrets.token_hex(8), salt=secrets.token_bytes(16))
        listing.entries.append(Entry(at=now, kind=kind, prints=listing.prints(keys)))
        _set(database.connection(), MARK, listing.mark)
        _write(folder, _document(listing))

    try:
        with database.atomic():
            yield record
    except BaseException:
        if before:
            _put_back(folder, before[0])
        raise


def _put_back(folder: Path, data: bytes | None) -> None:
    try:
        if data is None:
            list_path(folder).unlink(missing_ok=True)
        else:
            _write(folder, data)
    except OSError:  # the next open applies the line the database does not have: she asked for it
        log.exception("the list of erasures on request could not be put back")


def behind(database, folder: Path) -> tuple[ErasedList, list[Entry]] | None:
    """The list and the erasures the open ``database`` has not had applied; None when it is
    up to date (an ordinary start: one file read and one setting compared)."""
    listing = read(folder)
    if listing is None:
        return None
    mark = stored_mark(database.connection())
    if mark == listing.mark:
        return None
    return listing, listing.since(mark)


def applied(con, listing: ErasedList, removed: int) -> None:
    """Inside the transaction that applied the list again: the mark up to date, and ``removed``
    people more to tell the owner of."""
    _set(con, MARK, listing.mark)
    if removed:
        _set(con, UNTOLD, int(_setting(con, UNTOLD) or 0) + removed)


def take_untold() -> int:
    """How many people erased earlier an open removed again from the open data, not told
    yet; told from now on (0 when the disk refuses to note that: told again next time)."""
    from desktop.store.db import db

    con = db.connection()
    untold = int(_setting(con, UNTOLD) or 0)
    if untold:
        try:
            with db.atomic():
                con.execute("DELETE FROM setting WHERE key = ?", (UNTOLD,))
        except Exception as exc:
            if storage_errors.kind_of(exc) is None or storage_errors.is_damage(exc):
                raise
            log.warning("could not note that the erasures applied again were told (%s)", exc)
    return untold


def open_list() -> ErasedList | None:
    """The list of the open database's folder."""
    from desktop.store.db import db

    return read(folder_of(db.obj))
