"""The due scan gives exactly what it gave before its rework (fix 27, docs/PERFORMANCE.md):
every field of every item and part, on the demo and on the benchmark's small shop, at
eleven moments, under two sets of settings, before and after the owner acted on steps,
for everyone and per person. The expected output was written by the code before the
rework (tests/make_due_golden.py)."""

import gzip
import json
from pathlib import Path

import pytest

from bench import generate
from desktop.store.db import close_database
from desktop.store.opening import open_database

from . import due_golden
from .conftest import NOW

GOLDEN = Path(__file__).parent / "data" / "due_golden.json.gz"


@pytest.fixture(scope="module")
def golden():
    return json.loads(gzip.decompress(GOLDEN.read_bytes()))


def _compare(found: dict, expected: dict) -> None:
    assert sorted(found) == sorted(expected)
    for name in sorted(expected):
        assert found[name] == expected[name], name
    assert sum(len(v) for v in expected.values()) > 500  # not a comparison of empty lists


def test_the_demo_scan_is_unchanged(demo_db, golden):
    _compare(due_golden.collect(NOW), golden["shops"]["demo"])


def test_the_generated_shop_scan_is_unchanged(data_dir, tmp_path, golden):
    assert golden["generator"] == generate.GENERATOR_VERSION, (
        "bench/generate.py changed: write the golden file again (tests/make_due_golden.py) with trusted code")
    shop = tmp_path / "small"
    generate.generate("small", seed=due_golden.SMALL_SEED, out=shop, now=due_golden.ANCHOR, quiet=True)
    open_database(shop / "afspraak.sqlite3")
    try:
        _compare(due_golden.collect(due_golden.ANCHOR), golden["shops"]["small"])
    finally:
        close_database()
