"""SIGKILL at random moments during writes, bulk writes, erasures and backups.

After every kill the database must open, pass ``PRAGMA integrity_check`` and
``foreign_key_check``, hold every change the worker reported as committed, and hold no
half-written change. ``AFSPRAAK_KILL_ROUNDS`` sets the number of kills (CI: a few;
``make kill-test``: 60).
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKER = ROOT / "tests" / "kill_worker.py"
ROUNDS = int(os.environ.get("AFSPRAAK_KILL_ROUNDS", "50"))


class Worker:
    def __init__(self, db_path: Path, seed: int, env: dict):
        self.lines: list[list[str]] = []
        self.ready = threading.Event()
        self.wrote = threading.Condition()
        self.proc = subprocess.Popen([sys.executable, str(WORKER), str(db_path), str(seed)], env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.proc.stdout:
            if not line.endswith("\n"):
                break  # cut off by the kill: never reported
            with self.wrote:
                self.lines.append(line.split())
                self.wrote.notify_all()
            if line.startswith("ready"):
                self.ready.set()

    def wait_for_writes(self, n: int, timeout: float) -> None:
        """Until the worker has reported n changes: a busy machine slows it, not the test."""
        with self.wrote:
            self.wrote.wait_for(lambda: sum(w[0] != "ready" for w in self.lines) >= n, timeout)

    def kill(self) -> list[list[str]]:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(30)
        self.reader.join(30)
        return [words for words in self.lines if words[0] != "ready"]


def check(db_path: Path, reported: dict) -> None:
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        people = {r[0] for r in con.execute("SELECT id FROM person")}
        # every reported person is there, every reported erasure holds
        missing = reported["people"] - people
        assert not missing, f"committed people lost: {sorted(missing)[:10]}"
        assert not (reported["erased"] & people), "an erased person came back"
        # no half-written change: every person has exactly its 2 handles and 1 event
        for pid, handles, events in con.execute(
                "SELECT p.id, (SELECT count(*) FROM handle h WHERE h.person_id = p.id), "
                "(SELECT count(*) FROM event e WHERE e.person_id = p.id) FROM person p"):
            assert (handles, events) == (2, 1), f"person {pid} half written: {handles} handles, {events} events"
        # bulk writes are all or nothing, and every reported one is complete
        counts = {}
        for (key,) in con.execute("SELECT key FROM product"):
            prefix = key.rsplit("-", 1)[0]
            counts[prefix] = counts.get(prefix, 0) + 1
        for prefix, n in reported["bulk"].items():
            assert counts.get(prefix) == n, f"bulk {prefix} incomplete: {counts.get(prefix)} of {n}"
        assert set(counts.values()) <= {300}, "a bulk write was half committed"
    finally:
        con.close()
    for path in reported["backups"]:
        b = sqlite3.connect(path)
        assert b.execute("PRAGMA integrity_check").fetchall() == [("ok",)], f"backup {path} damaged"
        b.close()


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_committed(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    db_path = data / "afspraak.sqlite3"
    env = dict(os.environ, AFSPRAAK_DATA_DIR=str(data), PYTHONPATH=str(ROOT))
    rnd = random.Random(int(os.environ.get("AFSPRAAK_KILL_SEED", "20261123")))
    reported = {"people": set(), "erased": set(), "bulk": {}, "backups": set()}
    kills_after_writes = 0
    for _round in range(ROUNDS):
        worker = Worker(db_path, rnd.randint(0, 10**6), env)
        assert worker.ready.wait(60), worker.proc.stderr.read() if worker.proc.poll() is not None else "no start"
        # a random moment: mid-transaction, mid-VACUUM, mid-backup... Most rounds first let the
        # worker report a few changes (counted, not timed, so a loaded machine changes nothing)
        worker.wait_for_writes(rnd.choice((0, 1, 1, 2, 3)), timeout=60)
        time.sleep(rnd.uniform(0.0, 0.2))
        lines = worker.kill()
        kills_after_writes += bool(lines)
        for words in lines:  # in order: ids of erased people can be used again
            if words[0] == "person":
                reported["people"].add(int(words[1]))
                reported["erased"].discard(int(words[1]))
            elif words[0] == "erasing":  # gone or not, both are right until "erased" is said
                reported["people"].discard(int(words[1]))
            elif words[0] == "erased":
                reported["erased"].add(int(words[1]))
            elif words[0] == "bulk":
                reported["bulk"][words[1]] = int(words[2])
            elif words[0] == "backup":
                reported["backups"].add(words[1])
        check(db_path, reported)
    assert kills_after_writes >= ROUNDS // 2, "the worker hardly wrote anything before the kills"
    assert reported["people"], "nothing was reported committed"
    # and the app itself opens it (migrations, checks) after all that
    from desktop.store import recovery
    from desktop.store.db import close_database

    assert recovery.open_checked(db_path) is None
    close_database()
