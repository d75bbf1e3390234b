"""Every person's sort key is stored beside her name (Person.name_key, schema v19) so the
database sorts the lists of people (issue 20, docs/PERFORMANCE.md round 31). The order
stays exactly the one ``search_text.sort_key`` gives, after every kind of write: a new
influencer, an edit, an import, an undo and a redo, the demo shop, bulk inserts; a file from
before v19 gets its keys in the upgrade, and keys made by an older rule are made again once."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop import demo, paths
from desktop.domain import order_importers as oi
from desktop.domain import search_text
from desktop.store import influencers, journal, lookups, name_keys, orders, shop_orders, synthetic
from desktop.store.db import close_database
from desktop.store.models import Handle, Person
from desktop.store.opening import open_database
from desktop.store.recovery import open_checked
from tests.conftest import NOW

SCHEMAS = Path(__file__).parent / "data" / "schemas"
SHOP_FILE = Path(__file__).parent / "data" / "shop" / "shopify_orders_nl.csv"

# Names whose order SQLite's own (by code point) gets wrong: case, accents, quotes, a handle.
AWKWARD = ["Zoë Verhoeven", "anna de Wit", "Anna de Wit", "@juul.maakt", "Émilie Laurent", "D’Hondt",
           "dhondt", "Çelik", "  Bram  ", "Lotte", "@lotte.peeters", "'t Hart", "ÁRON", "bram"]


def _influencer(name: str) -> Person:
    cleaned = {"name": name, "handles": [], "email": "", "phone": "", "city": "", "country": "NL"}
    return influencers.save_person(cleaned, NOW)


def assert_sorted_as_sort_key() -> None:
    """Every stored key is its name's, and every list of people is in sort_key's order
    (equal keys by name, then id)."""
    stored = list(Person.select(Person.id, Person.name, Person.name_key, Person.is_influencer,
                                Person.is_customer).tuples())
    assert stored, "people to sort"
    assert [(pid, key) for pid, name, key, _i, _c in stored] == [(pid, search_text.sort_key(name))
                                                                 for pid, name, _k, _i, _c in stored]

    def expected(rows):
        return [pid for _key, _name, pid in sorted((search_text.sort_key(name), name, pid) for pid, name in rows)]

    everyone = [(pid, name) for pid, name, _k, _i, _c in stored]
    influencer_rows = [(pid, name) for pid, name, _k, influencer, _c in stored if influencer]
    customer_rows = [(pid, name) for pid, name, _k, _i, customer in stored if customer]
    assert [pid for pid, _name in lookups.person_names()] == expected(everyone)
    assert [p.id for p in lookups.influencers()] == expected(influencer_rows)
    assert [p.id for p in orders.customers()] == expected(customer_rows)
    pages = [p.id for page in influencers.people_pages(first=3, size=4) for p in page]
    assert pages == expected(influencer_rows)
    assert [e.name_key for e in lookups.everyone()] == sorted(search_text.sort_key(n) for _pid, n in everyone)


def test_the_rule_is_numbered_and_these_keys_are_its_own():
    """Changing what a name sorts by changes every stored key: count SORT_KEY_RULE up with
    it (store/name_keys makes the stored keys again once), then update these."""
    assert search_text.SORT_KEY_RULE == 1
    assert [search_text.sort_key(name) for name in AWKWARD] == [
        "zoe verhoeven", "anna de wit", "anna de wit", "juul.maakt", "emilie laurent", "dhondt",
        "dhondt", "celik", "bram", "lotte", "lotte.peeters", "t hart", "aron", "bram"]


def test_a_new_influencer_and_an_edit_keep_the_order(database):
    made = [_influencer(name) for name in AWKWARD]
    assert_sorted_as_sort_key()
    person = made[0]
    cleaned = {"name": "@aafje", "handles": [], "email": "", "phone": "", "city": "", "country": "NL"}
    influencers.save_person(cleaned, NOW, person)
    assert person.name_key == "aafje"  # the instance too
    assert Person.get_by_id(person.id).name_key == "aafje"
    assert next(iter(influencers.people_pages()))[0].id == person.id
    assert_sorted_as_sort_key()


def test_every_way_the_model_writes_a_name_writes_its_key(database):
    Person.create(name="Émilie", is_influencer=True)
    person = Person(name="zoë", is_customer=True)
    person.save()
    Person.insert(name="@bo", is_influencer=True).execute()
    Person.insert({Person.name: "Ängel", Person.is_customer: True}).execute()
    Person.insert_many([{"name": "Çelik", "is_influencer": True}, {Person.name: "anna", "name_key": "wrong"}]).execute()
    Person.insert_many([("Dirk", True), ("'t Hart", False)], fields=[Person.name, Person.is_influencer]).execute()
    Person.insert_many([("ÉÉN", "wrong", True)], fields=["name", "name_key", "is_customer"]).execute()
    Person.insert_many([dict(name="Bas")]).execute()
    Person.update(name="@Zeger").where(Person.name == "Dirk").execute()
    Person.update({Person.name: "Ålmo"}).where(Person.name == "@bo").execute()
    Person.update(city="Gent").execute()  # no name: the keys stay
    Person.replace(id=person.id, name="Öme", is_customer=True).execute()
    assert_sorted_as_sort_key()
    with pytest.raises(TypeError):
        Person.insert_many([("Noor", True)]).execute()  # tuples need their fields
    from peewee import fn

    with pytest.raises(TypeError):
        Person.update(name=fn.UPPER(Person.name)).execute()  # no key can follow an expression
    assert_sorted_as_sort_key()


def test_a_person_read_without_her_name_saves_without_blanking_her_key(database):
    """A person selected with a few columns and saved (review of the day's code): the save wrote
    sort_key(None), an empty key, and she sorted first in every list."""
    Person.create(name="Zoë Anders", is_influencer=True)
    partial = Person.select(Person.id, Person.status).get()
    partial.status = "blocked"
    partial.save()
    assert Person.select(Person.name, Person.name_key, Person.status).tuples().get() == (
        "Zoë Anders", "zoe anders", "blocked")


def test_an_import_its_undo_and_its_redo_keep_the_order(database):
    for name in AWKWARD:
        _influencer(name)
    before = set(Person.select(Person.id).tuples())
    with journal.recording() as change:
        plan = shop_orders.plan_import(oi.parse_orders(SHOP_FILE.read_bytes()), NOW)
        shop_orders.apply_plan(plan, NOW)
    assert set(Person.select(Person.id).tuples()) > before, "the file brings new customers"
    assert_sorted_as_sort_key()
    journal.undo(change)
    assert set(Person.select(Person.id).tuples()) == before
    assert_sorted_as_sort_key()
    journal.redo(change)
    assert_sorted_as_sort_key()


def test_an_edit_taken_back_and_done_again_keeps_the_order(database):
    people = [_influencer(name) for name in AWKWARD]
    cleaned = {"name": "Ǽbel", "handles": [], "email": "", "phone": "", "city": "", "country": "NL"}
    with journal.recording() as change:
        influencers.save_person(cleaned, NOW, people[3])
    assert Person.get_by_id(people[3].id).name_key == "æbel"
    assert_sorted_as_sort_key()
    journal.undo(change)
    assert Person.get_by_id(people[3].id).name_key == "juul.maakt"
    assert_sorted_as_sort_key()
    journal.redo(change)
    assert Person.get_by_id(people[3].id).name_key == "æbel"
    assert_sorted_as_sort_key()


def test_a_handle_only_person_sorts_by_her_handle(database):
    """Somebody saved by her handle alone is named by it (validation): among the J's."""
    for name in ("Jasmijn", "Karel", "Ilse"):
        _influencer(name)
    cleaned = {"name": "@juul.maakt", "handles": [("tiktok", "juul.maakt", None, "")], "email": "", "phone": "",
               "city": "", "country": "NL"}
    juul = influencers.save_person(cleaned, NOW)
    assert Handle.select().where(Handle.person == juul.id).count() == 1
    names = [p.name for page in influencers.people_pages() for p in page]
    assert names == ["Ilse", "Jasmijn", "@juul.maakt", "Karel"]
    assert_sorted_as_sort_key()


def test_somebody_added_between_the_first_page_and_the_rest_is_neither_listed_twice_nor_skipped(database):
    """The first page's ids are read alone; the rest's from after its last person (key,
    name, id), when the next page is asked for."""
    for name in ("Bram", "Dirk", "Fenna", "Hugo", "Jet", "Lot"):
        _influencer(name)
    pages = influencers.people_pages(first=3, size=2)
    first = [p.name for p in next(pages)]
    assert first == ["Bram", "Dirk", "Fenna"]
    _influencer("@anna")  # before the first page's last: the list's next reload shows her
    _influencer("Gijs")  # after it: in the rest
    rest = [p.name for page in pages for p in page]
    assert rest == ["Gijs", "Hugo", "Jet", "Lot"]


def test_the_demo_shop_and_the_synthetic_people_have_their_keys(database):
    demo.fill(NOW)
    synthetic.fill_events(10, NOW, people=Person.select().count() + 20)
    assert_sorted_as_sort_key()


def test_an_erased_person_leaves_her_namesakes_keys_as_they_were(database):
    """Erasing her replaces mentions of her in the rows that stay; a namesake's own name is
    not one (domain/privacy._OWN_IDENTITY), and neither is its sort key ("anna de wit")."""
    from desktop.store import privacy

    people = [_influencer(name) for name in AWKWARD]
    anna, namesake = people[2], people[1]
    privacy.erase_person(database, anna.id, now=NOW)
    assert not Person.select().where(Person.id == anna.id).exists()
    assert Person.get_by_id(namesake.id).name_key == "anna de wit"
    assert_sorted_as_sort_key()


# --- the stored keys ---------------------------------------------------------------------------------

def test_an_upgrade_from_v18_fills_every_key_and_the_list_sorts_by_them(data_dir):
    target = paths.db_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SCHEMAS / "v18.sqlite3", target)
    con = sqlite3.connect(target)
    for name in AWKWARD:
        con.execute("INSERT INTO person (name, is_influencer, is_customer, email, phone, whatsapp, street, postcode, "
                    "city, country, language, address_form, notes, tags, status, status_reason, created_at, "
                    "updated_at) VALUES (?, 1, 0, '', '', '', '', '', '', 'NL', 'nl', 'je', '', '[]', 'active', '', "
                    "'2026-11-01 10:00:00', '2026-11-01 10:00:00')", (name,))
    con.commit()
    count = con.execute("SELECT count(*) FROM person").fetchone()[0]
    con.close()
    assert open_checked(target) is None
    try:
        assert Person.select().count() == count
        assert_sorted_as_sort_key()
    finally:
        close_database()
    con = sqlite3.connect(target)
    try:
        stamp = con.execute("SELECT value FROM setting WHERE key = ?", (name_keys.KEYS_RULE,)).fetchone()
    finally:
        con.close()
    assert stamp == (json.dumps(search_text.SORT_KEY_RULE),)


def test_keys_made_by_another_rule_are_made_again_once_at_the_start(data_dir):
    open_database()
    for name in AWKWARD:
        _influencer(name)
    close_database()
    path = paths.db_path()
    con = sqlite3.connect(path)
    con.execute("UPDATE person SET name_key = 'stale ' || name")  # as an older rule made them
    con.execute("UPDATE setting SET value = '0' WHERE key = ?", (name_keys.KEYS_RULE,))
    con.commit()
    con.close()
    database = open_database()
    try:
        assert_sorted_as_sort_key()
        # Made with this rule now: the next start reads the setting and writes nothing.
        database.execute_sql("UPDATE person SET name_key = 'untouched' WHERE name = 'Lotte'")
        assert name_keys.follow_rule(database) == 0
        assert Person.get(Person.name == "Lotte").name_key == "untouched"
    finally:
        close_database()
