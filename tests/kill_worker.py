"""Writes to an Afspraak database until it is killed; the kill test's victim.

    python tests/kill_worker.py DATABASE SEED

Each change runs in one transaction and, once committed, is reported on stdout as one
line, so the parent knows exactly what must survive a SIGKILL:

    person ID         a person with 2 handles and 1 event (written together)
    bulk PREFIX N     N products in one transaction (an import-sized write)
    erasing ID        an erasure starts (the person may be gone before the next line)
    erased ID         a person erased with everything that names them (privacy erase + VACUUM)
    backup PATH       a consistent backup copy written
    ready             the database is open

When the CSV importer lands, add an "import" action here that imports a generated file
in one transaction and reports the number of rows.
"""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.store import backup, privacy
from desktop.store.db import db
from desktop.store.opening import open_database
from desktop.store.models import Event, Handle, Person, Product

NOW = datetime(2026, 11, 23, 9, 30)


def say(*words) -> None:
    sys.stdout.write(" ".join(str(w) for w in words) + "\n")
    sys.stdout.flush()


def write_person(rnd: random.Random, n: int) -> None:
    with db.atomic():
        p = Person.create(name=f"Kill {n} {rnd.random():.6f}", email=f"k{n}@example.org", notes="x" * rnd.randint(0, 3000))
        Handle.create(person=p, platform="instagram", name=f"k{p.id}_ig")
        Handle.create(person=p, platform="tiktok", name=f"k{p.id}_tt")
        Event.create(kind="note", text=f"written with person {p.id}", person=p, at=NOW)
    say("person", p.id)


def bulk(rnd: random.Random, n: int) -> None:
    prefix = f"B{n}-{rnd.randint(0, 10**9)}"
    count = 300
    with db.atomic():
        for i in range(count):
            Product.create(key=f"{prefix}-{i}", name=f"Bulk {i}", price_cents=i)
    say("bulk", prefix, count)


def erase(rnd: random.Random) -> None:
    ids = [p.id for p in Person.select(Person.id)]
    if not ids:
        return
    victim = rnd.choice(ids)
    say("erasing", victim)  # from here the person may be gone before "erased" is said
    privacy.erase_person(db.obj, victim, NOW)
    say("erased", victim)


def take_backup(n: int) -> None:
    path = backup.backup_now(db.obj, why=f"kill{n}", now=NOW + timedelta(seconds=n))
    say("backup", path)


def main() -> None:
    path, seed = Path(sys.argv[1]), int(sys.argv[2])
    rnd = random.Random(seed)
    open_database(path)
    say("ready")
    n = 0
    while True:
        n += 1
        roll = rnd.random()
        if roll < 0.70:
            write_person(rnd, n)
        elif roll < 0.85:
            bulk(rnd, n)
        elif roll < 0.95:
            erase(rnd)
        else:
            take_backup(n)


if __name__ == "__main__":
    main()
