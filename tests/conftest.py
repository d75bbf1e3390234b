"""Test isolation: offscreen Qt, no D-Bus, a temporary data dir and database per test."""

from __future__ import annotations

import os
from datetime import datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"
os.environ.pop("AFSPRAAK_DATA_DIR", None)

from desktop import i18n, paths  # noqa: E402
from desktop.store.db import close_database, open_database  # noqa: E402

# A fixed "now" for tests that need one: a Monday morning, in UTC.
NOW = datetime(2026, 11, 23, 9, 30)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("AFSPRAAK_DATA_DIR", str(folder))
    paths.set_data_dir(None)
    i18n.set_language("nl")
    yield folder
    close_database()
    paths.set_data_dir(None)
    i18n.set_language("nl")


@pytest.fixture
def database(data_dir):
    database = open_database()
    yield database
    close_database()


@pytest.fixture
def demo_db(database):
    from desktop import demo

    demo.fill(NOW)
    return database


@pytest.fixture
def translator(qapp):
    from desktop.views import translator as tr

    return tr.install(qapp)


@pytest.fixture
def no_other_instance(monkeypatch):
    """The app's start does not look for (or hand over to) a running Afspraak."""
    from desktop import single_instance

    monkeypatch.setattr(single_instance, "notify_running", lambda *a, **k: False)
