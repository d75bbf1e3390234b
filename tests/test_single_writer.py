"""One writer: the thread that opened the database writes; others read; a CLI write waits.

A second GUI start hands over to the first (tests/test_app.py). Here: a write from a
background thread fails at once (query_only), reads from it work, and a CLI command that
writes while the GUI holds a write transaction waits (busy_timeout) instead of failing
with "database is locked".
"""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import peewee

from desktop import paths
from desktop.store.db import db
from desktop.store.models import Person

ROOT = Path(__file__).resolve().parent.parent


def in_thread(fn):
    box = {}

    def run():
        try:
            box["value"] = fn()
        except Exception as exc:
            box["error"] = exc
        finally:
            if not db.is_closed():
                db.close()  # the thread's own connection

    t = threading.Thread(target=run)
    t.start()
    t.join(30)
    return box


def test_background_thread_can_read_but_never_write(database):
    Person.create(name="Eigenaar")
    read = in_thread(lambda: [p.name for p in Person.select()])
    assert read == {"value": ["Eigenaar"]}
    wrote = in_thread(lambda: Person.create(name="Vanuit een thread"))
    assert isinstance(wrote.get("error"), peewee.OperationalError)
    assert "readonly" in str(wrote["error"])
    assert [p.name for p in Person.select()] == ["Eigenaar"]
    # the owner thread still writes
    Person.create(name="Nog steeds")
    assert Person.select().count() == 2


def test_cli_write_waits_for_the_gui_instead_of_failing(database):
    """The GUI holds a write transaction for a moment; the CLI's erase waits and succeeds."""
    victim = Person.create(name="Wis mij", email="wis@example.org")
    Person.create(name="Blijf")
    env = dict(os.environ, AFSPRAAK_DATA_DIR=str(paths.data_dir()), PYTHONPATH=str(ROOT))
    with database.atomic():
        Person.create(name="Schrijft nog")  # holds the write lock (WAL: one writer at a time)
        proc = subprocess.Popen([sys.executable, "-m", "desktop", "--lang", "en", "erase", "--person",
                                 str(victim.id), "--yes"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        time.sleep(1.5)  # the CLI is started and waiting for the lock by now
        assert proc.poll() is None, proc.communicate()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "locked" not in err
    assert "was erased" in out
    assert sorted(p.name for p in Person.select()) == ["Blijf", "Schrijft nog"]


def test_gui_reads_while_the_cli_writes(database):
    """WAL: a reader never blocks on (or blocks) a writer in another process."""
    Person.create(name="Al daar")
    env = dict(os.environ, AFSPRAAK_DATA_DIR=str(paths.data_dir()), PYTHONPATH=str(ROOT))
    code = ("import time\nfrom desktop.store.db import db\nfrom desktop.store.opening import open_database\n"
            "from desktop.store.models import Person\n"
            "open_database()\nwith db.atomic():\n    Person.create(name='Van de CLI')\n    print('holding', flush=True)\n"
            "    time.sleep(2)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True, cwd=str(ROOT))
    assert proc.stdout.readline().strip() == "holding"
    assert [p.name for p in Person.select()] == ["Al daar"]  # reads at once, sees the committed state
    proc.wait(30)
    assert sorted(p.name for p in Person.select()) == ["Al daar", "Van de CLI"]
