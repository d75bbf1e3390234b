"""A save that fails changes nothing: not the database, and not the object the dialog
holds (store/unsaved.py), so a later save cannot write the refused values after all."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.store import influencers as ops
from desktop.store.models import Collaboration, Handle, Person
from desktop.store.unsaved import restore_on_failure
from desktop.views.influencer_dialog import InfluencerDialog

from .conftest import NOW
from .helpers import collaboration_values

DISK_FULL = sqlite3.OperationalError("database or disk is full")


def fail(*_a, **_k):
    raise DISK_FULL


def test_restore_on_failure_puts_fields_and_changed_marks_back(database):
    person = Person.create(name="Sanne", email="sanne@example.nl")
    person.phone = "0612345678"  # changed before the block: kept as it was then
    with pytest.raises(ValueError):
        with restore_on_failure(person, None):
            person.name = "Iemand anders"
            person.email = ""
            raise ValueError("boom")
    assert (person.name, person.email, person.phone) == ("Sanne", "sanne@example.nl", "0612345678")
    assert person.dirty_fields == [Person.phone]
    with restore_on_failure(person):  # without a failure the new values stay
        person.name = "Sanne de Vries"
    assert person.name == "Sanne de Vries"


def test_a_failed_influencer_save_leaves_the_dialogs_person_as_stored(qtbot, demo_db, translator, monkeypatch):
    sanne = Person.get(Person.name == "Sanne de Vries")
    stored = dict(sanne.__data__)
    dialog = InfluencerDialog(person=sanne)
    qtbot.addWidget(dialog)
    dialog.w("name").setText("Sanne Veranderd")
    dialog.w("email").setText("nieuw@example.nl")
    with monkeypatch.context() as patched, pytest.raises(sqlite3.OperationalError):
        patched.setattr(Handle, "save", fail)  # the disk fills up halfway through
        dialog.save()
    assert dialog.person is sanne and sanne.__data__ == stored and not sanne.dirty_fields
    assert Person.get_by_id(sanne.id).__data__ == stored
    sanne.save()  # e.g. a later action on the same object: writes nothing of the refused edit
    assert Person.get_by_id(sanne.id).name == "Sanne de Vries"


def test_a_failed_collaboration_save_leaves_the_collaboration_as_stored(demo_db, monkeypatch):
    collab = Collaboration.select().where(Collaboration.status == "agreed").first()
    stored = dict(collab.__data__)
    monkeypatch.setattr(ops, "_sync_deliverables", fail)
    with pytest.raises(sqlite3.OperationalError):
        ops.save_collaboration(collab.person, {**collaboration_values(collab), "title": "Een andere titel"}, [], NOW, collab)
    assert collab.__data__ == stored and not collab.dirty_fields
    assert Collaboration.get_by_id(collab.id).title == stored["title"]



def test_a_failed_ending_blocking_or_strike_leaves_the_objects_as_stored(demo_db, monkeypatch):
    from desktop.store import influencers as store

    collab = Collaboration.select().where(Collaboration.status == "agreed").first()
    person = collab.person
    stored_collab, stored_person = dict(collab.__data__), dict(person.__data__)
    with monkeypatch.context() as patched:
        patched.setattr(store, "_fact", fail)  # the timeline write fails (a full disk)
        with pytest.raises(sqlite3.OperationalError):
            ops.end_collaboration(collab, "past niet", None, NOW, block_reason="nooit meer")
        with pytest.raises(sqlite3.OperationalError):
            ops.block(person, "nooit meer", NOW)
        with pytest.raises(sqlite3.OperationalError):
            ops.add_strike(person, {"reason": "late", "evidence": "", "event_ids": []}, NOW, collab)
    assert collab.__data__ == stored_collab and person.__data__ == stored_person
    assert Collaboration.get_by_id(collab.id).status == "agreed"
    collab.save()  # a later save writes nothing of the failed ending
    assert Collaboration.get_by_id(collab.id).ended_at is None
