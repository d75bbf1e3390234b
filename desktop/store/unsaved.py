"""Model objects put back as they were when a change to them fails.

A store function sets the new values on the model object it was given, then saves it
inside a transaction. When anything in that transaction fails (a full disk, a
duplicate found by the database, a bug), the transaction rolls the database back, but
the object still holds the values that were never saved: the dialog or view that
handed it over would show them, and a later ``save()`` of the same object would write
them after all. ``restore_on_failure`` puts the objects' fields back as well.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import peewee


@contextmanager
def restore_on_failure(*objects: peewee.Model | None) -> Iterator[None]:
    """On an exception inside the block, give ``objects`` back their field values (and
    their record of changed fields) from before it, then let the exception go on."""
    kept = [(obj, dict(obj.__data__), set(obj._dirty)) for obj in objects if obj is not None]
    try:
        yield
    except BaseException:
        for obj, data, dirty in kept:
            obj.__data__.clear()
            obj.__data__.update(data)
            obj._dirty = dirty
        raise
