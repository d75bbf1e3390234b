import os
import sqlite3
import stat

import peewee
import pytest

from desktop import paths
from desktop.store import migrations, models, settings
from desktop.store.db import APPLICATION_ID, NotAnAfspraakDatabase, check_afspraak_file, close_database, db
from desktop.store.opening import open_database


def table_names(path):
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()


def test_fresh_database_has_every_table_and_marks(database):
    path = paths.db_path()
    assert path.name == "afspraak.sqlite3"
    expected = {m._meta.table_name for m in models.ALL_MODELS}
    assert expected <= table_names(path)
    assert database.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION
    assert database.execute_sql("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert database.execute_sql("PRAGMA secure_delete").fetchone()[0] == 1


def test_frozen_schema_matches_the_models(database):
    """Every model column exists in the migrated schema (catches a model change without a migration)."""
    for model in models.ALL_MODELS:
        columns = {c.name for c in database.get_columns(model._meta.table_name)}
        assert set(model._meta.columns) <= columns, model


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_files_are_private(database):
    assert stat.S_IMODE(os.stat(paths.data_dir()).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(paths.db_path()).st_mode) == 0o600


def test_foreign_keys_are_enforced(database):
    with pytest.raises(peewee.IntegrityError):
        models.Handle.create(person=9999, platform="instagram", name="x")


def test_settings_fall_back_to_defaults_and_store_changes(database):
    assert settings.get("backup_keep") == 14
    settings.set("backup_keep", 5)
    settings.set("backup_keep", 6)
    assert settings.get("backup_keep") == 6
    assert models.Setting.select().where(models.Setting.key == "backup_keep").count() == 1
    settings.reset("backup_keep")
    assert settings.get("backup_keep") == 14
    with pytest.raises(KeyError):
        settings.get("no-such-setting")


def test_the_window_state_is_saved_whole_or_not_at_all(database, monkeypatch):
    assert settings.save_window("AdnQywADAAA=", "orders") is True
    assert (settings.get("window_geometry"), settings.get("last_view")) == ("AdnQywADAAA=", "orders")

    real_set = settings.set

    def fail_on_the_view(key, value):
        if key == "last_view":
            raise peewee.OperationalError("disk I/O error")
        real_set(key, value)

    monkeypatch.setattr(settings, "set", fail_on_the_view)
    with pytest.raises(peewee.OperationalError):
        settings.save_window("BBBB", "timeline")
    monkeypatch.undo()
    # the geometry written before the failure went back with it: one transaction
    assert (settings.get("window_geometry"), settings.get("last_view")) == ("AdnQywADAAA=", "orders")


def test_the_window_state_waits_while_no_database_is_open(database):
    close_database()  # as during a restore
    assert settings.save_window("CCCC", "today") is False
    open_database()
    assert settings.get("window_geometry") != "CCCC"


def test_migration_takes_a_backup_and_is_atomic(database, monkeypatch):
    models.Person.create(name="Sanne")
    close_database()

    def next_fails(database):
        database.execute_sql('ALTER TABLE "person" ADD COLUMN "nickname" TEXT')
        raise RuntimeError("power cut")

    current = migrations.CURRENT_VERSION
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, next_fails])
    monkeypatch.setattr(migrations, "CURRENT_VERSION", current + 1)
    with pytest.raises(migrations.MigrationFailed) as failed:  # told as "nothing was changed"
        open_database()
    assert isinstance(failed.value.__cause__, RuntimeError)
    close_database()
    backups = list(paths.backup_dir().glob(f"*before-migration-v{current}.sqlite3"))
    assert len(backups) == 1
    con = sqlite3.connect(paths.db_path())
    assert con.execute("PRAGMA user_version").fetchone()[0] == current
    assert "nickname" not in {r[1] for r in con.execute("PRAGMA table_info(person)")}
    assert con.execute("SELECT name FROM person").fetchall() == [("Sanne",)]
    con.close()


def test_migration_step_runs_and_bumps_version(database, monkeypatch):
    close_database()

    def next_step(database):
        database.execute_sql('ALTER TABLE "person" ADD COLUMN "nickname" TEXT NOT NULL DEFAULT ""')

    current = migrations.CURRENT_VERSION
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, next_step])
    monkeypatch.setattr(migrations, "CURRENT_VERSION", current + 1)
    d = open_database()
    assert migrations.schema_version(d) == current + 1
    assert "nickname" in {c.name for c in d.get_columns("person")}


def test_newer_schema_is_refused(database):
    database.execute_sql("PRAGMA user_version = 99")
    close_database()
    with pytest.raises(migrations.SchemaTooNew):
        open_database()


def test_foreign_file_is_not_opened(data_dir):
    paths.db_path().write_text("hello")
    with pytest.raises(NotAnAfspraakDatabase):
        open_database()
    assert paths.db_path().read_text() == "hello"


def test_check_afspraak_file_refuses_other_sqlite(tmp_path):
    other = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(NotAnAfspraakDatabase):
        check_afspraak_file(other)


def test_proxy_is_bound(database):
    assert db.obj is database


def test_event_kind_at_index_serves_the_filtered_timeline(data_dir, monkeypatch):
    """A version-1 database gains the (kind, at) index; a kind filter newest-first uses it."""
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
        m.setattr(migrations, "CURRENT_VERSION", 1)
        d = open_database()
        # raw SQL: the model has columns version 1 has not
        d.execute_sql("INSERT INTO event (at, kind, channel, direction, text, subject_type, step) "
                      "VALUES ('2026-11-23 09:30:00', 'message', '', 'none', 'hallo', '', '')")
        close_database()
    d = open_database()
    assert migrations.schema_version(d) >= 2
    indexes = {row[1] for row in d.execute_sql("PRAGMA index_list(event)").fetchall()}
    assert "event_kind_at" in indexes and "event_kind" not in indexes
    query = (models.Event.select().where(models.Event.kind == "message")
             .order_by(models.Event.at.desc(), models.Event.id.desc()).limit(200))
    sql, params = query.sql()
    plan = " ".join(str(row[3]) for row in d.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())
    assert "event_kind_at" in plan and "TEMP B-TREE" not in plan
    assert [e.text for e in query] == ["hallo"]
