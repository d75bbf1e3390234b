"""After an erasure on request (AVG/GDPR art. 17): nothing of her stays behind or comes back.

- her address goes from other people's notes, as her name does, but never a common word
  alone nor anybody else's own address, name, e-mail or phone;
- what the window says when it is done names the mentions the question counted, and a
  disk too full to tidy the file up afterwards as such (not "start again");
- the export's times say their offset from UTC;
- a restore, the repair of a damaged file from a backup, or the shop's export imported
  again never brings back somebody erased since (the list beside the database,
  store/erasures.py), and the owner is told once when an older copy still held her;
- `afspraak export/erase --person` know a gift's recipient, as the Privacy menu does.
"""

from __future__ import annotations

import contextlib

import sqlite3

import pytest

from desktop.domain import privacy as rules
from desktop.store import privacy
from desktop.store.models import Event, Person, ShopOrder
from tests.conftest import NOW
from tests.test_order_importers import needs_orders


def lien_and_sanne():
    """Lien (as the demo shop has her: Grote Markt 1, 3500 Hasselt), and Sanne whose note
    says where Lien lives."""
    lien = Person.create(name="Lien Wouters", email="lien@example.be", phone="+32 470 12 34 11", street="Grote Markt 1",
                         postcode="3500", city="Hasselt", country="BE", is_influencer=True)
    sanne = Person.create(name="Sanne de Vries", email="sanne@example.nl", is_influencer=True)
    return lien, sanne


def search(database, word: str) -> int:
    return database.execute_sql("SELECT count(*) FROM event_fts WHERE event_fts MATCH ?", (word,)).fetchone()[0]


def test_her_address_goes_from_other_peoples_notes_and_the_search_index(database):
    lien, sanne = lien_and_sanne()
    note = Event.create(kind="note", person=sanne, at=NOW, text="Sanne raadt Lien Wouters aan, woont Grote Markt 1, "
                                                                 "3500  Hasselt. Grote Markt 12 is de winkel.")
    assert search(database, "grote") == 1
    holding = privacy.collect(database.connection(), lien.id)
    assert holding.mentions == 3  # her name, her street and number, her postcode with her place
    privacy.erase_person(database, lien.id, NOW)
    assert Event.get_by_id(note.id).text == "Sanne raadt […] aan, woont […], […]. Grote Markt 12 is de winkel."
    assert search(database, "hasselt") == 0 and search(database, "wouters") == 0
    assert search(database, "12") == 1  # another address, another house: not hers


def test_a_common_word_a_bare_number_and_a_housemates_own_address_stay(database):
    lien, sanne = lien_and_sanne()
    housemate = Person.create(name="Jef Wouters-Peeters", street="Grote Markt 1", postcode="3500", city="Hasselt")
    order = ShopOrder.create(platform="shopify", number="#7", person=housemate, ordered_on=NOW.date(),
                             ship_name="Jef Wouters-Peeters", ship_street="Grote Markt 1", ship_postcode="3500",
                             ship_city="Hasselt")
    text = "Op de Markt in Hasselt 3500 stuks verkocht; Grote Markt is druk."
    note = Event.create(kind="note", person=sanne, at=NOW, text=text)
    assert privacy.collect(database.connection(), lien.id).mentions == 0
    privacy.erase_person(database, lien.id, NOW)
    assert Event.get_by_id(note.id).text == text
    jef = Person.get_by_id(housemate.id)
    assert (jef.street, jef.postcode, jef.city) == ("Grote Markt 1", "3500", "Hasselt")
    order = ShopOrder.get_by_id(order.id)
    assert (order.ship_name, order.ship_street, order.ship_postcode) == ("Jef Wouters-Peeters", "Grote Markt 1", "3500")


def test_a_namesakes_own_name_and_a_shared_phone_stay_hers(database):
    """Erasing "Eva" made every other Eva's own name "[…]", and a phone the family shares
    left her sister without one: those columns of another person are that person's."""
    eva = Person.create(name="Eva", email="eva@example.nl", phone="+31 6 1111 2222", is_influencer=True)
    sister = Person.create(name="Eva", email="eva.b@example.nl", phone="+31 6 1111 2222", notes="Zus van Eva",
                           is_influencer=True)
    privacy.erase_person(database, eva.id, NOW)
    sister = Person.get_by_id(sister.id)
    assert (sister.name, sister.email, sister.phone, sister.notes) == ("Eva", "eva.b@example.nl", "+31 6 1111 2222",
                                                                       "Zus van […]")


@pytest.mark.parametrize("street, postcode, city, terms", [
    ("Herestraat 15", "9711 AA", "Groningen", ["Herestraat 15", "9711 AA", "9711AA"]),
    ("Grote Markt 1", "3500", "Hasselt", ["Grote Markt 1", "3500 Hasselt"]),
    ("Markt", "3500", "", []),  # no house number, a postcode without its place: nothing alone
    ("  Meir  8, bus 3 ", "2000", "Antwerpen", ["Meir 8, bus 3", "2000 Antwerpen"]),
])
def test_what_of_an_address_names_her(street, postcode, city, terms):
    assert rules.address_terms(street, postcode, city) == terms


def test_a_dutch_postcode_is_found_however_it_is_spaced():
    pattern, _address = rules.mention_patterns({"name": "Mila Smit", "street": "Herestraat 15", "postcode": "9711 AA",
                                                "city": "Groningen"}, [])
    assert rules.scrub("Mila Smit (9711AA) en 9711 aa; niet 19711 AAB", pattern) == ("[…] ([…]) en […]; niet 19711 AAB", 3)


@pytest.mark.parametrize("language, mentions, full", [
    ("en", "2 mentions of them in other records, replaced by “[…]”", "is too full to tidy the database file up"),
    ("nl", "  • 2 ", "is te vol om het databasebestand daarna op te ruimen"),
])
def test_the_window_says_what_was_done_and_that_the_disk_is_full(database, monkeypatch, language, mentions, full):
    """The question counted "2 vermeldingen in andere gegevens"; what was done left them out.
    And when tidying the file up after the erasure met a full disk, the window said "Start
    Afspraak once more to clear the last traces", which a start does not do, and not why."""
    from desktop import i18n
    from desktop.views import dialogs, privacy_actions

    lien, sanne = lien_and_sanne()
    Event.create(kind="note", person=sanne, at=NOW, text="Lien Wouters (lien@example.be) komt langs.")

    def vacuum_on_a_full_disk(con):
        raise sqlite3.OperationalError("database or disk is full")

    told = []
    monkeypatch.setattr(privacy, "purge_files", vacuum_on_a_full_disk)
    monkeypatch.setattr(dialogs, "confirm_with_option", lambda *a, **k: (True, False))
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    i18n.set_language(language)
    assert privacy_actions.erase_person(None, lien.id)
    [text] = told
    assert mentions in text and full in text, text
    assert "Restart" not in text and "opnieuw" not in text, text
    assert Person.get_or_none(Person.id == lien.id) is None


# --- the export's times -------------------------------------------------------------------------

@pytest.mark.parametrize("language, said", [
    ("nl", "(Europe/Amsterdam)"),
    ("en", "Dates and times are in the shop's time zone (Europe/Amsterdam). The part at the end of a time, such as "
           "+01:00, is its offset from UTC."),
])
def test_the_exports_times_say_their_offset_from_utc(database, tmp_path, language, said):
    """data.json said "deadline": "2026-10-27 23:59:00", which was UTC without saying so: an
    hour earlier than the deadline on the shop's clock, for the person who reads it."""
    import csv
    import io
    import json
    import zipfile
    from datetime import datetime

    from desktop.store.models import Collaboration, Deliverable

    lien, _sanne = lien_and_sanne()
    lien.language = language
    lien.save()
    collaboration = Collaboration.create(person=lien, title="Reel", status="agreed")
    Deliverable.create(collaboration=collaboration, kind="reel", deadline=datetime(2026, 10, 27, 22, 59))  # 23:59 there
    out = privacy.export_person(database.connection(), lien.id, tmp_path / "lien.zip", NOW)
    archive = zipfile.ZipFile(out)
    document = json.loads(archive.read("data.json"))
    assert document["data"]["deliverable"][0]["deadline"] == "2026-10-27T23:59:00+01:00"
    assert document["person"]["created_at"] == "2026-11-23T10:30:00+01:00"
    assert document["exported_at"] == "2026-11-23T10:30:00+01:00"
    [row] = csv.DictReader(io.StringIO(archive.read("csv/deliverable.csv").decode("utf-8-sig")))
    assert row["deadline"] == "2026-10-27T23:59:00+01:00"
    assert said in archive.read("README.txt").decode("utf-8")


def test_a_recipients_export_says_its_moment_with_its_offset(database, tmp_path):
    import json
    import zipfile

    from desktop.presentation import recipient_texts

    ShopOrder.create(platform="shopify", number="#9", ordered_on=NOW.date(), ship_name="Zoë Verhoeven",
                     ship_street="Kerkstraat 12", ship_postcode="9000", ship_city="Gent", ship_country="BE")
    [zoe] = privacy.recipients(database.connection())
    out = privacy.export_recipient(database.connection(), zoe.key, tmp_path / "zoe.zip", NOW,
                                   recipient_texts.readme(zoe, NOW))
    archive = zipfile.ZipFile(out)
    assert json.loads(archive.read("data.json"))["exported_at"] == "2026-11-23T10:30:00+01:00"
    assert "(Europe/Amsterdam)" in archive.read("README.txt").decode("utf-8")



# --- the list of erasures on request (store/erasures.py) ----------------------------------------

# What a start says of people erased on request that the data it opened still held.
STILL_THERE = "1 person you erased on request was still in your data, and has now been erased."


def run_cli(*args) -> int:
    from desktop import cli
    from desktop.store.db import close_database

    code = cli.main(list(args))
    close_database()
    return code


def the_list(data_dir):
    from desktop.store import erasures

    return erasures.read(data_dir)


def test_an_erasure_is_listed_beside_the_database_without_anything_readable(database, data_dir):
    import os
    import stat

    from desktop.store import erasures

    lien, _sanne = lien_and_sanne()
    ShopOrder.create(platform="etsy", number="#1", person=lien, ordered_on=NOW.date(), buyer="lienw1988")
    privacy.erase_person(database, lien.id, NOW)
    path = data_dir / erasures.FILE_NAME
    raw = path.read_bytes()
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    for secret in ("Lien", "Wouters", "lien@example.be", "470123411", "470 12", "Grote Markt", "lienw1988", "Hasselt"):
        assert secret.encode() not in raw, secret
    listing = the_list(data_dir)
    [entry] = listing.entries
    assert (entry.kind, entry.at) == ("person", NOW)
    # her e-mail, her name (alone, and with her phone and with her address), her buyer account, her record
    assert len(entry.prints) == 6
    assert listing.prints(["email:lien@example.be", "buyer:etsy:lienw1988"]) <= entry.prints
    assert erasures.stored_mark(database.connection()) == listing.mark


def test_a_list_that_cannot_be_read_is_kept_aside_not_written_over(database, data_dir):
    from desktop.store import erasures

    (data_dir / erasures.FILE_NAME).write_bytes(b'{"format": "afspraak-erased-on-req')  # cut off
    lien, _sanne = lien_and_sanne()
    privacy.erase_person(database, lien.id, NOW)
    [aside] = data_dir.glob("erased-on-request-unreadable-*.json")
    assert aside.read_bytes() == b'{"format": "afspraak-erased-on-req'
    assert len(the_list(data_dir).entries) == 1


def test_an_erasure_taken_back_leaves_the_list_as_it_was(database, data_dir):
    """The erasure's line is written in its transaction: when that fails, the list says
    nothing of it (and a second erasure that fails leaves the first one's line)."""
    from desktop.store import erasures

    lien, sanne = lien_and_sanne()
    privacy.erase_person(database, sanne.id, NOW)
    before = (data_dir / erasures.FILE_NAME).read_bytes()
    database.execute_sql("CREATE TEMP TRIGGER refuse BEFORE DELETE ON person WHEN old.id = %d "
                         "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END" % lien.id)
    with pytest.raises(Exception, match="disk trouble"):
        privacy.erase_person(database, lien.id, NOW)
    assert (data_dir / erasures.FILE_NAME).read_bytes() == before
    assert Person.get_by_id(lien.id).name == "Lien Wouters"


def test_a_restore_erases_again_whom_the_backup_still_holds_and_says_so_once(database, data_dir, monkeypatch):
    from desktop.store import backup, erasures, opening
    from desktop.store.models import AnonymousRecord, Collaboration

    lien, sanne = lien_and_sanne()
    Collaboration.create(person=lien, title="Reel", status="done", fee_cents=2500)
    Event.create(kind="note", person=sanne, at=NOW, text="Lien Wouters woont Grote Markt 1.")
    taken = backup.backup_now(database, why="manual", now=NOW)
    privacy.erase_person(database, lien.id, NOW)
    assert AnonymousRecord.select().count() == 1
    opening.restore_open(taken)
    assert Person.get_or_none(Person.name == "Lien Wouters") is None
    assert Event.get(Event.person == sanne.id).text == "[…] woont […]."
    records = list(AnonymousRecord.select())
    assert [(r.kind, r.data["fee_cents"], str(r.erased_on)) for r in records] == [("collaboration", 2500, "2026-11-23")]
    assert b"Wouters" not in paths_db_bytes()
    assert erasures.take_untold() == 1
    assert erasures.take_untold() == 0  # told once
    # the next open compares a count and hashes nobody
    monkeypatch.setattr(rules, "fingerprint", lambda *a: pytest.fail("an ordinary open hashed somebody"))
    from desktop.store.db import close_database

    close_database()
    opening.open_database()
    assert erasures.take_untold() == 0


def paths_db_bytes() -> bytes:
    from desktop import paths

    base = paths.db_path()
    return b"".join(f.read_bytes() for f in (base, base.with_name(base.name + "-wal")) if f.exists())


def test_a_backup_of_after_the_erasure_holds_nobody_to_erase_again(database, data_dir):
    """Erased from the backups too (or a backup taken after the erasure): the restore
    finds nobody, says nothing, and counts nothing twice."""
    from desktop.store import backup, erasures, opening
    from desktop.store.models import AnonymousRecord

    lien, sanne = lien_and_sanne()
    taken = backup.backup_now(database, why="manual", now=NOW)
    privacy.erase_person(database, lien.id, NOW, backups=True)
    opening.restore_open(taken)
    assert Person.get_or_none(Person.name == "Lien Wouters") is None
    assert erasures.take_untold() == 0
    assert AnonymousRecord.select().count() == 0  # (she had nothing counted)
    assert Person.get_by_id(sanne.id).name == "Sanne de Vries"


def test_a_restore_erases_only_whom_the_erasure_did(database, data_dir):
    """Her second card (another name: the owner erased one) and her mother's card with the
    family's e-mail address stayed when she was erased; a restore left them too. Only her
    record, or her name with another of her keys, is hers (found by the kill test: the
    worker's people share e-mail addresses, and a line of the list whose erasure a kill took
    back erased them all at the next start)."""
    from desktop.store import backup, opening

    lien, _sanne = lien_and_sanne()
    card = Person.create(name="L. Wouters", email="lien@example.be", is_customer=True)
    mother = Person.create(name="An Wouters", email="lien@example.be", phone="+32 470 12 34 11")
    taken = backup.backup_now(database, why="manual", now=NOW)
    privacy.erase_person(database, lien.id, NOW)
    opening.restore_open(taken)
    assert Person.get_or_none(Person.id == lien.id) is None
    assert Person.get_by_id(card.id).name == "L. Wouters" and Person.get_by_id(mother.id).name == "An Wouters"


def test_an_unchanged_person_with_her_name_only_is_found_again_by_her_record(database, data_dir):
    """An influencer known by her name alone (no e-mail, phone, handle or address), whose
    name was changed after the backup: the backup's row is still hers."""
    from desktop.store import backup, opening

    only = Person.create(name="Fenna", is_influencer=True)
    namesake = Person.create(name="Fenna", is_influencer=True)  # her name alone tells nobody
    taken = backup.backup_now(database, why="manual", now=NOW)
    Person.update(name="Fenna K.").where(Person.id == only.id).execute()
    privacy.erase_person(database, only.id, NOW)
    opening.restore_open(taken)
    assert Person.get_or_none(Person.id == only.id) is None
    assert Person.get_by_id(namesake.id).name == "Fenna"


@pytest.mark.parametrize("language, said", [
    ("en", "1 person erased earlier on request was removed from the restored data again."),
    ("nl", "1 "),
])
def test_the_command_line_restore_says_who_was_erased_again(data_dir, capsys, language, said):
    from desktop.store import backup
    from desktop.store.db import close_database
    from desktop.store.opening import open_database

    database = open_database()
    lien, _sanne = lien_and_sanne()
    taken = backup.backup_now(database, why="manual", now=NOW)
    close_database()
    assert run_cli("--lang", language, "erase", "--person", "lien@example.be", "--yes") == 0
    capsys.readouterr()
    assert run_cli("--lang", language, "restore", str(taken)) == 0
    captured = capsys.readouterr()
    assert said in captured.err
    assert run_cli("--lang", language, "export", "--person", "lien@example.be", "--out", str(data_dir / "x.zip")) == 1
    assert said not in capsys.readouterr().err  # once


def test_a_damaged_file_repaired_from_a_backup_does_not_bring_her_back(data_dir, capsys):
    """Env `res` of the review: erase Mila Smit, damage the file, start: Mila was back."""
    from desktop.store import backup
    from desktop.store.db import close_database
    from desktop.store.opening import open_database

    database = open_database()
    lien, _sanne = lien_and_sanne()
    backup.backup_now(database, why="manual", now=NOW)
    close_database()
    assert run_cli("--lang", "en", "erase", "--person", "Lien Wouters", "--yes") == 0
    damaged = bytearray((data_dir / "afspraak.sqlite3").read_bytes())
    damaged[:16] = b"garbage garbage!"
    (data_dir / "afspraak.sqlite3").write_bytes(bytes(damaged))
    capsys.readouterr()
    assert run_cli("--lang", "en", "export", "--person", "Lien Wouters", "--out", str(data_dir / "x.zip")) == 1
    err = capsys.readouterr().err
    assert "has been restored" in err and STILL_THERE in err
    assert "Nobody is called “Lien Wouters”" in err
    open_database()
    assert Person.get_or_none(Person.name == "Lien Wouters") is None


@pytest.mark.parametrize("language, said", [
    ("en", "1 person erased earlier on request was removed from the restored data again."), ("nl", "\n\n1 ")])
def test_the_windows_restore_says_who_was_erased_again(qtbot, database, translator, monkeypatch, language, said):
    """restore_gui.py r1 of the review: Lien Wouters was back after File → Restore."""
    from desktop import i18n
    from desktop.store import backup
    from desktop.views import dialogs
    from desktop.views.main_window import MainWindow

    lien, _sanne = lien_and_sanne()
    taken = backup.backup_now(database, why="manual", now=NOW)
    privacy.erase_person(database, lien.id, NOW)
    i18n.set_language(language)
    window = MainWindow()
    qtbot.addWidget(window)
    told = []
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(taken))
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    window.restore_backup()
    assert said in told[-1], told
    assert Person.get_or_none(Person.name == "Lien Wouters") is None


def test_an_erasure_a_crash_cut_off_is_finished_at_the_next_start_and_told_as_such(data_dir, capsys, monkeypatch,
                                                                                    no_other_instance):
    """The list is written as the erasure's last step, before its transaction is saved: a crash
    between the two left her in the data and her line on the list. The next start erased her,
    and said she "was removed from the restored data again", when nothing had been restored."""
    from desktop import app
    from desktop.store import erasures
    from desktop.store.db import close_database
    from desktop.store.opening import open_database

    database = open_database()
    lien, _sanne = lien_and_sanne()

    real_recording = erasures.recording

    @contextlib.contextmanager
    def cut_off(db, now):  # the power goes after the list was written, before the commit
        with real_recording(db, now) as record:
            yield record
            raise SystemExit("the power went")

    with monkeypatch.context() as patched:
        patched.setattr(erasures, "recording", cut_off)
        patched.setattr(erasures, "_put_back", lambda *_args: None)  # (a crash leaves no time to)
        with pytest.raises(SystemExit):
            privacy.erase_person(database, lien.id, NOW)
    assert Person.get_or_none(Person.name == "Lien Wouters") is not None and erasures.read(data_dir).entries
    close_database()
    assert app.run(cli_language="en", smoke_test=True) == 0
    err = capsys.readouterr().err
    assert err.count(STILL_THERE) == 1 and "restored" not in err
    open_database()
    assert Person.get_or_none(Person.name == "Lien Wouters") is None


def test_a_start_on_an_older_file_put_in_place_says_so_once(data_dir, capsys, no_other_instance):
    """A file copied back by hand (or by a sync program) is an older copy too."""
    import shutil

    from desktop import app
    from desktop.store import backup
    from desktop.store.db import close_database
    from desktop.store.opening import open_database

    database = open_database()
    lien, _sanne = lien_and_sanne()
    taken = backup.backup_now(database, why="manual", now=NOW)
    privacy.erase_person(database, lien.id, NOW)
    close_database()
    shutil.copyfile(taken, data_dir / "afspraak.sqlite3")
    assert app.run(cli_language="en", smoke_test=True) == 0
    assert capsys.readouterr().err.count(STILL_THERE) == 1
    assert app.run(cli_language="en", smoke_test=True) == 0
    assert "erased earlier" not in capsys.readouterr().err
    open_database()
    assert Person.get_or_none(Person.name == "Lien Wouters") is None



def test_a_restore_blanks_a_gift_recipients_delivery_again(database, data_dir):
    from desktop.store import backup, erasures, opening
    from tests.test_order_ship_to import GIFTS, import_bytes

    import_bytes(GIFTS.read_bytes())
    taken = backup.backup_now(database, why="manual", now=NOW)
    [zoe] = privacy.recipients(database.connection())
    privacy.erase_recipient(database, zoe.key)
    opening.restore_open(taken)
    gift = ShopOrder.get(ShopOrder.number == "#1038")
    assert (gift.ship_name, gift.ship_street, gift.ship_phone) == ("", "", "")
    assert ShopOrder.get(ShopOrder.number == "#1039").ship_name == "Lotte De Wit"  # the buyer's own order
    assert erasures.take_untold() == 1


# --- the shop's export imported again -----------------------------------------------------------

def be_file() -> bytes:
    from tests.test_order_importers import ORDERS_DIR

    return (ORDERS_DIR / "shopify" / "be_shop_orders_export_1.csv").read_bytes()


def import_orders(data: bytes, now=NOW):
    from desktop.domain import order_importers as oi
    from desktop.store import shop_orders

    plan = shop_orders.plan_import(oi.parse_orders(data), now)
    return plan, shop_orders.apply_plan(plan, now)


@needs_orders
def test_the_same_export_again_does_not_bring_an_erased_customer_back(database):
    """Env `imp` of the review: import, erase customer049, import again: "1 nieuwe klant"."""
    from desktop.i18n import set_language
    from desktop.presentation import import_texts
    from desktop.store.models import AnonymousRecord

    import_orders(be_file())
    her = Person.get(Person.email == "customer049@example.com")
    orders_before = ShopOrder.select().count()
    privacy.erase_person(database, her.id, NOW)
    assert ShopOrder.select().count() == orders_before - 1
    plan, summary = import_orders(be_file())
    assert (summary.new, summary.new_customers, summary.erased_orders) == (0, 0, 1)
    assert [o.number for o in plan.erased_orders] == ["#1039"]
    assert "customer049@example.com" not in {c.email for c in plan.parsed.customers.values()}
    assert Person.get_or_none(Person.email == "customer049@example.com") is None
    assert ShopOrder.select().count() == orders_before - 1  # her order once: in the anonymous records
    assert AnonymousRecord.select().where(AnonymousRecord.kind == "shop_order").count() == 1
    set_language("en")
    lines = import_texts.order_summary_lines(summary)
    assert not any("new customer" in line for line in lines)  # not "1 new customer" (nor a count of nothing)
    assert "1 order left out: it is from somebody erased on request, placed before the erasure (its amounts are " \
           "kept without a name)." in lines


def test_an_erased_customer_who_orders_again_afterwards_is_a_customer_again(database, frozen_clock):
    """Her orders of before her erasure stay out (their amounts are in the anonymous
    records); an order she placed after it is new business, imported, and said."""
    from datetime import datetime

    from tests.test_order_ship_to import shopify_file

    lotte = {"Email": "lotte.dewit@example.be", "Billing Name": "Lotte De Wit", "Shipping Name": "Lotte De Wit"}
    before = shopify_file([{**lotte, "Name": "#1039"}])
    import_orders(before)
    privacy.erase_person(database, Person.get(Person.email == "lotte.dewit@example.be").id, NOW)
    later = datetime(2026, 11, 30, 9, 0)
    frozen_clock.set(later)
    after = shopify_file([{**lotte, "Name": "#1039"}, {**lotte, "Name": "#1050", "Created at": "2026-11-28 10:00:00 +0100",
                                                       "Paid at": "2026-11-28 10:00:00 +0100"}])
    plan, summary = import_orders(after, now=later)
    assert (summary.new, summary.new_customers, summary.erased_orders, summary.erased_returned) == (1, 1, 1, 1)
    assert [o.number for o in ShopOrder.select()] == ["#1050"]
    assert Person.get(Person.email == "lotte.dewit@example.be").name == "Lotte De Wit"


def test_the_same_export_again_does_not_write_an_erased_recipients_delivery_back(database):
    """Another helper's finding: her delivery came back with the next import of the file."""
    from desktop.i18n import set_language
    from desktop.presentation import import_texts
    from tests.test_order_ship_to import GIFTS

    import_orders(GIFTS.read_bytes())
    [zoe] = privacy.recipients(database.connection())
    privacy.erase_recipient(database, zoe.key)
    plan, summary = import_orders(GIFTS.read_bytes())
    gift = ShopOrder.get(ShopOrder.number == "#1038")
    assert (gift.ship_name, gift.ship_street, gift.ship_postcode, gift.ship_phone) == ("", "", "", "")
    assert (summary.updated, summary.unchanged, summary.erased_deliveries) == (0, 2, 1)
    assert privacy.recipients(database.connection()) == []
    set_language("en")
    assert "The delivery details of 1 order were not imported: its recipient was erased on request." in \
        import_texts.order_summary_lines(summary)


def test_a_gift_to_an_erased_person_stays_without_her_in_the_buyers_order(database):
    """Erasing the person blanks the delivery to her in somebody else's order (her name at her
    address: before, only her name went and her street stayed); the file again wrote it back."""
    from tests.test_order_ship_to import GIFTS

    import_orders(GIFTS.read_bytes())
    zoe = Person.create(name="Zoë Verhoeven", street="Kerkstraat 12", postcode="9000", city="Gent", country="BE")
    privacy.erase_person(database, zoe.id, NOW)
    kept = ShopOrder.get(ShopOrder.number == "#1038")
    assert (kept.ship_name, kept.ship_street, kept.ship_postcode, kept.ship_phone) == ("", "", "", "")
    plan, summary = import_orders(GIFTS.read_bytes())
    gift = ShopOrder.get(ShopOrder.number == "#1038")
    assert (gift.ship_name, gift.ship_street) == ("", "")
    assert summary.updated == 0 and summary.erased_deliveries == 1


@pytest.mark.parametrize("language, said", [("en", "2 orders left out (erased on request)"), ("nl", " · 2 ")])
def test_the_import_preview_counts_what_it_leaves_out(qtbot, database, language, said):
    from desktop.domain import order_importers as oi
    from desktop.i18n import set_language
    from desktop.store import shop_orders
    from desktop.views.order_import import OrderPreviewDialog
    from tests.test_order_ship_to import GIFTS

    import_orders(GIFTS.read_bytes())
    privacy.erase_person(database, Person.get(Person.email == "lotte.dewit@example.be").id, NOW)
    set_language(language)
    plan = shop_orders.plan_import(oi.parse_orders(GIFTS.read_bytes()), NOW)
    dialog = OrderPreviewDialog(plan, "orders_export.csv")
    qtbot.addWidget(dialog)
    assert said in dialog.counts.text() and len(plan.erased_orders) == 2
    assert "Lotte" not in " ".join(dialog.customers.item(r, c).text() for r in range(dialog.customers.rowCount())
                                   for c in range(dialog.customers.columnCount()) if dialog.customers.item(r, c))



# --- the command line and a gift's recipient ---------------------------------------------------

def gifts_in(data_dir, *extra: dict):
    from desktop.store.db import close_database
    from desktop.store.opening import open_database
    from tests.test_order_ship_to import GIFTS, shopify_file

    open_database()
    import_orders(GIFTS.read_bytes())
    if extra:
        import_orders(shopify_file(list(extra)))
    close_database()


@pytest.mark.parametrize("language, done", [("nl", "De gegevens van Zoë Verhoeven zijn uit 1 bestelling gewist."),
                                            ("en", "The details of Zoë Verhoeven have been erased from 1 order.")])
def test_the_command_line_exports_and_erases_a_gifts_recipient(data_dir, tmp_path, capsys, language, done):
    import json
    import zipfile

    from desktop.store.opening import open_database

    gifts_in(data_dir)
    out = tmp_path / "zoe.zip"
    assert run_cli("--lang", language, "export", "--person", "zoë verhoeven", "--out", str(out)) == 0
    assert [o["ship_street"] for o in json.loads(zipfile.ZipFile(out).read("data.json"))["data"]["shop_order"]] == [
        "Kerkstraat 12"]
    assert "Lotte" not in zipfile.ZipFile(out).read("data.json").decode("utf-8")
    capsys.readouterr()
    assert run_cli("--lang", language, "erase", "--person", "+32 9 123 45 67") == 1  # by her phone: only asked
    said = capsys.readouterr()
    assert "#1038" in said.out and "Lotte De Wit" in said.out and "--yes" in said.err
    assert run_cli("--lang", language, "erase", "--person", "Zoë Verhoeven", "--yes") == 0
    assert done in capsys.readouterr().out
    open_database()
    assert ShopOrder.get(ShopOrder.number == "#1038").ship_street == ""
    assert ShopOrder.get(ShopOrder.number == "#1039").ship_name == "Lotte De Wit"


def test_two_recipients_of_one_name_are_told_apart_by_their_postcode(data_dir, tmp_path, capsys):
    from desktop.store.opening import open_database

    other = {"Name": "#1040", "Created at": "2026-11-06 10:00:00 +0100", "Shipping Name": "Zoë Verhoeven",
             "Shipping Street": "Veldstraat 1", "Shipping Address1": "Veldstraat 1", "Shipping Zip": "'2000",
             "Shipping City": "Antwerpen", "Shipping Phone": ""}
    gifts_in(data_dir, other)
    assert run_cli("--lang", "en", "erase", "--person", "Zoë Verhoeven", "--yes") == 1
    err = capsys.readouterr().err
    assert "Zoë Verhoeven, 9000: " in err and "Zoë Verhoeven, 2000: " in err and "name and postcode" in err
    assert run_cli("--lang", "en", "erase", "--person", "Zoë Verhoeven, 2000", "--yes") == 0
    open_database()
    assert ShopOrder.get(ShopOrder.number == "#1040").ship_street == ""
    assert ShopOrder.get(ShopOrder.number == "#1038").ship_street == "Kerkstraat 12"


def test_a_person_and_a_recipient_of_one_name_are_both_listed(data_dir, tmp_path, capsys):
    from desktop.store.db import close_database
    from desktop.store.opening import open_database

    gifts_in(data_dir)
    open_database()
    card = Person.create(name="Zoë Verhoeven", email="zoe@example.be")
    close_database()
    assert run_cli("--lang", "en", "export", "--person", "Zoë Verhoeven", "--out", str(tmp_path / "x.zip")) == 1
    err = capsys.readouterr().err
    assert f"  {card.id}: Zoë Verhoeven <zoe@example.be>" in err and "Zoë Verhoeven, 9000: " in err
    assert run_cli("--lang", "en", "export", "--person", "Nobody Here", "--out", str(tmp_path / "x.zip")) == 1
    assert "Nobody is called “Nobody Here”" in capsys.readouterr().err
