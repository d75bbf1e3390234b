"""desktop/selfcheck.py: what `--smoke-test` checks beyond "the window showed"."""

from __future__ import annotations

import sys

import babel.localedata
import pytest

from desktop import i18n, paths, selfcheck


def test_everything_is_found_in_the_source_tree(qapp):
    assert selfcheck.problems() == []


@pytest.fixture
def empty_resource_root(tmp_path):
    # Not monkeypatch: its undo would come after conftest's data_dir teardown reloads the
    # catalogs, which would then cache the empty ones for the tests that follow.
    original = paths.resource_root
    paths.resource_root = lambda: tmp_path
    i18n.translations_for.cache_clear()
    yield tmp_path
    paths.resource_root = original
    i18n.translations_for.cache_clear()
    i18n.set_language(i18n.current_language())


def test_missing_catalogs_forms_and_icons_are_each_reported(qapp, empty_resource_root):
    problems = selfcheck.problems()
    assert any(p.startswith("no nl catalog") for p in problems)
    assert any(p.startswith("no en catalog") for p in problems)
    assert any(p.startswith("no .ui forms") for p in problems)
    assert any(p.startswith("no icons") for p in problems)


def test_an_icon_that_does_not_render_is_reported(qapp, empty_resource_root):
    (empty_resource_root / "resources").mkdir()
    (empty_resource_root / "resources" / "broken.svg").write_text("not an svg", encoding="utf-8")
    assert "icon broken.svg does not render" in " ".join(selfcheck.icon_problems())


def test_missing_babel_locale_data_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(babel.localedata, "_dirname", str(tmp_path))
    monkeypatch.setattr(babel.localedata, "_cache", {})
    if hasattr(babel.localedata, "_dict_cache"):  # Babel 2.19 keeps loaded locales here too
        monkeypatch.setattr(babel.localedata, "_dict_cache", {})
    problems = selfcheck.formatting_problems()
    assert sorted(p.split(":")[0] for p in problems) == [
        "Babel cannot format for en_GB", "Babel cannot format for nl_BE", "Babel cannot format for nl_NL"]


def test_a_module_that_cannot_be_imported_is_reported(monkeypatch):
    monkeypatch.setitem(sys.modules, "desktop.demo", None)  # makes importing it fail
    problems = selfcheck.module_problems()
    assert len(problems) == 1 and problems[0].startswith("module desktop.demo:")


def test_a_bundle_without_the_notification_library_is_reported(monkeypatch):
    assert selfcheck.notifier_problems() == []
    monkeypatch.setitem(sys.modules, "dbus_fast.aio", None)  # as if left out of the bundle
    problems = selfcheck.notifier_problems()
    assert len(problems) == 1 and problems[0].startswith("desktop-notifier cannot load")
