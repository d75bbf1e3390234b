"""A click on a reminder while an import is being written waits for the import
(views/busy.py, store/db.py handing_turns): its write must not become part of the
import's transaction, which a cancel rolls back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from desktop.domain.importers import parse_export
from desktop.store import due
from desktop.store.catalogue import ImportCancelled, apply_import
from desktop.store.db import writing_in_steps
from desktop.store.models import Product, ReminderState
from desktop.views.busy import when_free

from .conftest import NOW

ROWS = 1200  # three chunks of 500: the event loop gets turns in between


def export() -> bytes:
    lines = ["Handle,Title,Variant SKU,Variant Price"]
    lines += [f"p{i},Product {i},SKU-{i:05d},{i % 90 + 5}.00" for i in range(ROWS)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def cancelled_import_with(click) -> None:
    """Import, 'click' on the first turn the import hands out, cancel on the second."""
    turns = []

    def step(done: int, total: int) -> bool:
        turns.append(done)
        if len(turns) == 1:
            click()
        QApplication.processEvents()
        return len(turns) < 2

    with pytest.raises(ImportCancelled):
        apply_import(parse_export(export()), NOW, progress=step)
    assert not writing_in_steps()


def test_an_action_waits_for_the_import_and_survives_its_cancel(qtbot, demo_db):
    item = due.due_now(NOW)[0]
    products = Product.select().count()
    ran = []

    def snooze():
        ran.append(writing_in_steps())
        due.snooze(item, NOW, NOW + timedelta(hours=3))

    cancelled_import_with(lambda: when_free(snooze))
    assert Product.select().count() == products  # the import is undone...
    qtbot.waitUntil(lambda: bool(ran))
    assert ran == [False]  # ...and the snooze ran after it, outside its transaction
    assert ReminderState.select().where(ReminderState.key.in_(item.keys), ReminderState.status == "snoozed").count() \
        == len(item.keys)


def test_without_waiting_the_same_write_would_be_undone_with_the_import(qtbot, demo_db):
    """The hazard when_free exists for (this test shows it is real)."""
    item = due.due_now(NOW)[0]
    cancelled_import_with(lambda: due.snooze(item, NOW, NOW + timedelta(hours=3)))
    assert not ReminderState.select().where(ReminderState.key.in_(item.keys)).exists()


def test_when_free_runs_at_once_when_nothing_is_written_in_steps(qapp):
    ran = []
    when_free(lambda: ran.append(1))
    assert ran == [1]


def test_clicks_while_waiting_count_once_the_last_one_winning(qtbot, demo_db):
    from desktop.views import busy

    ran = []

    def step(done: int, total: int) -> bool:
        if done == 500:
            for what in ("open", "open", "open"):
                when_free(lambda w=what: ran.append(w), key="open")
            when_free(lambda: ran.append("done"), key=("act", "k1"))
            when_free(lambda: ran.append("later"), key=("act", "k1"))
            when_free(lambda: ran.append("note"))  # no key: every click counts
            assert busy.waiting() == 3
        QApplication.processEvents()
        return True

    apply_import(parse_export(export()), NOW, progress=step)
    qtbot.waitUntil(lambda: busy.waiting() == 0)
    assert ran == ["open", "later", "note"]
    when_free(lambda: ran.append("now"))  # free again: at once
    assert ran[-1] == "now"
