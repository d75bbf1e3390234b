"""AVG/GDPR: export everything held on a person, erase them without a readable trace."""

import csv
import io
import json
import os
import shutil
import sqlite3
import stat
import zipfile
from datetime import date, datetime

import pytest

from desktop import cli, paths
from desktop.domain import privacy as rules
from desktop.store import backup, privacy
from desktop.store.db import close_database
from desktop.store.opening import open_database
from desktop.store.models import (
    AgreementVersion,
    AnonymousRecord,
    Collaboration,
    Content,
    CustomOrder,
    Deliverable,
    Event,
    Handle,
    Person,
    Product,
    Rating,
    Shipment,
    ShipmentItem,
    Strike,
)
from tests.conftest import NOW

NAME = "Quirina Zwanenburg-Oyelaran"
EMAIL = "quirina.zo@example.org"


def make_person(name=NAME, email=EMAIL, handle="quirina.makes"):
    """One person with a row of every kind, plus someone else who mentions her."""
    p = Person.create(name=name, email=email, phone="+31 6 9876 5432", is_influencer=True, is_customer=True,
                      street="Kerkstraat 7", city="Zwolle", notes="=HYPERLINK(\"http://evil\")", tags=["vip"])
    Handle.create(person=p, platform="instagram", name=handle, followers=5400)
    product = Product.get_or_none(Product.key == "P-1") or Product.create(key="P-1", name="Ring Golf", price_cents=2495)
    c = Collaboration.create(person=p, title="Ring voor een reel", status="done", fee_cents=1500, dos="Daglicht")
    AgreementVersion.create(collaboration=c, reason="Later posten", changes={"deadline": ["1 nov", "8 nov"]})
    d = Deliverable.create(collaboration=c, kind="reel", deadline=NOW)
    Content.create(collaboration=c, deliverable=d, url="https://instagram.com/p/abc", caption="Mijn nieuwe ring!",
                   views=1200, revenue_cents=4990)
    Rating.create(collaboration=c, communication=5, quality=4, punctuality=5, result=4, note="Fijn contact")
    o = CustomOrder.create(person=p, order_number="#1042", product=product, personalisation="Q",
                           price_cents=4495, deposit_cents=1000, ordered_on=date(2026, 11, 1))
    s = Shipment.create(person=p, collaboration=c, carrier="postnl", tracking_code="3SABCD1234567",
                        value_cents=2495, shipping_cents=495)
    ShipmentItem.create(shipment=s, product=product, quantity=1)
    Strike.create(person=p, collaboration=c, reason="late", evidence="Drie dagen te laat")
    Event.create(kind="message", text="Hoi, de ring is binnen!", person=p, at=NOW)
    Event.create(kind="note", text="Order klaar", subject_type="custom_order", subject_id=o.id, at=NOW)
    return p


def other_person():
    other = Person.create(name="Bram Jansen", email="bram@example.org", is_influencer=True)
    Collaboration.create(person=other, title="Armband", status="agreed")
    Event.create(kind="note", person=other, at=NOW,
                 text=f"Tip van {NAME} (@quirina.makes), mail {EMAIL}")
    return other


def test_export_holds_every_kind_of_row_as_json_and_csv(database, tmp_path):
    p = make_person()
    other_person()
    out = privacy.export_person(database.connection(), p.id, tmp_path / "export.zip", NOW)
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    archive = zipfile.ZipFile(out)
    names = set(archive.namelist())
    assert {"README.txt", "data.json", "csv/person.csv"} <= names
    document = json.loads(archive.read("data.json"))
    assert document["person"]["name"] == NAME
    assert document["person"]["tags"] == ["vip"]
    data = document["data"]
    for table in ("handle", "collaboration", "agreement_version", "deliverable", "content", "rating",
                  "custom_order", "shipment", "shipment_item", "strike", "event"):
        assert data.get(table), f"{table} missing from the export"
        assert f"csv/{table}.csv" in names
    # both events: the one linked to her and the one about her order
    assert sorted(e["text"] for e in data["event"]) == ["Hoi, de ring is binnen!", "Order klaar"]
    assert data["shipment_item"][0]["product_name"] == "Ring Golf"
    # nothing of the other person
    assert "Bram" not in archive.read("data.json").decode("utf-8")
    # the README says what it is, in the user's language (nl in tests)
    readme = archive.read("README.txt").decode("utf-8")
    assert NAME in readme and "1 samenwerking" in readme
    # a formula typed as a note is defused in the CSV
    rows = list(csv.DictReader(io.StringIO(archive.read("csv/person.csv").decode("utf-8-sig"))))
    assert rows[0]["notes"] == "'=HYPERLINK(\"http://evil\")"
    assert rows[0]["name"] == NAME


@pytest.mark.parametrize("owner, language, form, words", [
    ("nl", "en", "je", ("Personal data of", "1 collaboration", "4 Dec 2026")),
    ("en", "nl", "u", ("Persoonsgegevens van", "1 samenwerking", "4 dec 2026")),
    ("en", "nl", "je", ("Persoonsgegevens van", "1 samenwerking", "4 dec 2026")),
])
def test_the_readme_speaks_the_persons_language_not_the_owners(database, tmp_path, owner, language, form, words):
    """The README goes to the person who asked for her data: an English-speaking
    influencer got it in Dutch because the owner's app runs in Dutch (and the reverse)."""
    from desktop import i18n

    p = make_person()
    p.language, p.address_form = language, form
    p.save()
    i18n.set_language(owner)
    try:
        out = privacy.export_person(database.connection(), p.id, tmp_path / "export.zip", datetime(2026, 12, 4, 10))
    finally:
        i18n.set_language("nl")
    readme = zipfile.ZipFile(out).read("README.txt").decode("utf-8")
    for word in words:
        assert word in readme, readme
    other = ("samenwerking", "Persoonsgegevens") if language == "en" else ("collaboration", "Personal data")
    assert not any(word in readme for word in other), readme


@pytest.mark.parametrize("form", ["je", "u"])
def test_the_readme_promises_no_number_of_days_the_backups_do_not_keep(database, tmp_path, form):
    """Review of backups, 3: the README told the person the backups keep her data "for at most
    14 days"; they are kept by number (one a day the app is used: months for a weekly user),
    and the owner's own backups until she deletes them."""
    p = make_person()
    p.language, p.address_form = "en", form
    p.save()
    out = privacy.export_person(database.connection(), p.id, tmp_path / "export.zip", datetime(2026, 12, 4, 10))
    readme = zipfile.ZipFile(out).read("README.txt").decode("utf-8")
    assert "at most" not in readme and "14 days" not in readme, readme
    assert ("Backups made before that may still hold a copy until newer backups replace them or the shop deletes "
            "them, unless the shop erases it from the backups as well.") in readme, readme


def test_erase_removes_them_keeps_others_and_anonymous_numbers(database):
    p = make_person()
    other = other_person()
    holding = privacy.collect(database.connection(), p.id)
    assert holding.mentions == 3  # name, handle and e-mail in Bram's note
    counts = holding.counts()
    assert counts["collaboration"] == 1 and counts["event"] == 2 and counts["rating"] == 1
    text = rules.describe_erasure(NAME, counts, holding.mentions)
    assert "1 samenwerking" in text and "2 tijdlijngebeurtenissen" in text and "3 vermeldingen" in text

    result = privacy.erase_person(database, p.id, NOW)
    assert result.fully_purged
    assert Person.get_or_none(Person.id == p.id) is None
    for model in (Handle, AgreementVersion, Deliverable, Content, Rating, CustomOrder, Shipment, ShipmentItem, Strike):
        assert model.select().count() == 0, model  # all of these were hers
    assert Collaboration.select().count() == 1  # Bram's
    assert Event.select().where(Event.subject_type == "custom_order").count() == 0
    note = Event.get(Event.person == other)
    assert note.text == "Tip van […] (@[…]), mail […]"
    assert Product.select().count() == 1  # the shop's catalogue stays
    # the bookkeeping amounts stay, with no text and no link to anyone
    kinds = {r.kind: r.data for r in AnonymousRecord.select()}
    assert kinds["custom_order"]["price_cents"] == 4495 and kinds["custom_order"]["ordered_on"] == "2026-11-01"
    assert kinds["shipment"]["value_cents"] == 2495 and kinds["content"]["views"] == 1200
    assert kinds["shipment_item"]["product_id"] is not None
    assert "person" not in kinds and "handle" not in kinds
    dump = json.dumps([r.data for r in AnonymousRecord.select()], ensure_ascii=False)
    for secret in ("Quirina", "#1042", "3SABCD", "Fijn contact", "Daglicht", "person_id"):
        assert secret not in dump


def raw_files():
    base = paths.db_path()
    return [f for f in [base, base.with_name(base.name + "-wal"), base.with_name(base.name + "-shm")] if f.exists()]


def grep(needle: str) -> list[str]:
    hits = []
    for f in raw_files():
        data = f.read_bytes()
        for enc in ("utf-8", "utf-16-le", "utf-16-be"):
            if needle.encode(enc) in data:
                hits.append(f.name)
    return hits


def add_fts_on_events(database):
    """Another FTS5 table as a later part of the app may add; the schema itself already has
    the external-content ``event_fts`` index (migration v2) that erase must purge."""
    assert database.execute_sql("SELECT count(*) FROM sqlite_master WHERE name = 'event_fts'").fetchone()[0] == 1
    # a plain FTS5 table holding its own copy of the text, kept in step by the app
    database.execute_sql("CREATE VIRTUAL TABLE note_search USING fts5(body)")


@pytest.mark.parametrize("with_fts", [False, True])
def test_no_readable_copy_left_in_the_database_files(database, with_fts):
    if with_fts:
        add_fts_on_events(database)
    for i in range(30):  # enough rows that pages are reused and rewritten
        Person.create(name=f"Filler {i}", notes="x" * 200)
    p = make_person()
    if with_fts:
        database.execute_sql("INSERT INTO note_search(rowid, body) VALUES (?, ?)", (p.id, f"{NAME} {EMAIL}"))
        database.execute_sql("CREATE TRIGGER note_search_gone AFTER DELETE ON person BEGIN "
                             "DELETE FROM note_search WHERE rowid = old.id; END")
    other_person()
    # more writes, so older page versions of her rows sit in the WAL
    for i in range(5):
        Person.update(notes=f"bijgewerkt {i} {NAME}").where(Person.id == p.id).execute()
    assert grep(NAME) and grep(EMAIL), "the test must see the data before it is erased"
    privacy.erase_person(database, p.id, NOW)
    # still usable afterwards
    assert Person.select().where(Person.name == "Bram Jansen").count() == 1
    for secret in (NAME, EMAIL, "quirina.makes", "Kerkstraat 7", "Hoi, de ring is binnen", "+31 6 9876 5432"):
        assert grep(secret) == [], f"{secret!r} still readable in {grep(secret)}"
    if with_fts:
        assert database.execute_sql("SELECT count(*) FROM event_fts WHERE event_fts MATCH 'Quirina'").fetchone()[0] == 0
        assert database.execute_sql("SELECT count(*) FROM event_fts WHERE event_fts MATCH 'Bram'").fetchone()[0] == 0
    close_database()
    con = sqlite3.connect(paths.db_path())
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_erase_from_backups_too(database):
    p = make_person()
    other_person()
    daily = backup.daily_backup(database, keep=14, now=NOW)
    manual = backup.backup_now(database, why="manual", now=NOW)
    # a backup in which the same id belongs to somebody else is left alone
    stranger = paths.backup_dir() / "afspraak-20260101-000000-stranger.sqlite3"
    backup.copy_database(database.connection(), stranger)
    con = sqlite3.connect(stranger)
    con.execute("UPDATE person SET name = 'Iemand anders', email = 'x@y.z' WHERE id = ?", (p.id,))
    con.commit()
    con.close()
    result = privacy.erase_person(database, p.id, NOW, backups=True)
    assert sorted(result.backups) == sorted([daily, manual])
    assert not result.backups_failed
    for f in (daily, manual):
        data = f.read_bytes()
        assert NAME.encode() not in data and EMAIL.encode() not in data
        con = sqlite3.connect(f)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM person WHERE name = 'Bram Jansen'").fetchone()[0] == 1
        con.close()
    con = sqlite3.connect(stranger)
    assert con.execute("SELECT name FROM person WHERE id = ?", (p.id,)).fetchone()[0] == "Iemand anders"
    con.close()


def run_cli(*args):
    code = cli.main(list(args))
    close_database()
    return code


def test_cli_export_and_erase(data_dir, tmp_path, capsys):
    open_database()
    p = make_person()
    pid = p.id
    close_database()
    out = tmp_path / "q.zip"
    assert run_cli("--lang", "en", "export", "--person", EMAIL, "--out", str(out)) == 0
    assert json.loads(zipfile.ZipFile(out).read("data.json"))["person"]["id"] == pid
    # without --yes: says what would go, erases nothing
    assert run_cli("--lang", "en", "erase", "--person", str(pid)) == 1
    captured = capsys.readouterr()
    assert "1 collaboration" in captured.out and "--yes" in captured.err
    open_database()
    assert Person.get_or_none(Person.id == pid) is not None
    close_database()
    assert run_cli("--lang", "nl", "erase", "--person", str(pid), "--yes") == 0
    said = capsys.readouterr().out
    assert "is gewist" in said
    assert "  • 1 samenwerking\n" in said  # what went, as without --yes it was named
    open_database()
    assert Person.get_or_none(Person.id == pid) is None
    close_database()
    assert run_cli("--lang", "en", "erase", "--person", str(pid), "--yes") == 1
    assert "no person with number" in capsys.readouterr().err


def test_cli_person_lookup_by_ambiguous_name(data_dir, capsys):
    open_database()
    Person.create(name="Eva", email="eva1@example.org")
    Person.create(name="Eva", email="eva2@example.org")
    close_database()
    assert run_cli("--lang", "en", "export", "--person", "eva", "--out", "x.zip") == 1
    err = capsys.readouterr().err
    assert "More than one" in err and "eva1@example.org" in err and "eva2@example.org" in err


@pytest.mark.parametrize("language,done", [("nl", "is gewist"), ("en", "has been erased")])
def test_gui_privacy_menu_exports_and_erases_the_selected_person(qtbot, demo_db, translator, tmp_path, monkeypatch,
                                                                 language, done):
    from PySide6.QtGui import QAction

    from desktop import i18n
    from desktop.views import dialogs
    from desktop.views.main_window import MainWindow

    i18n.set_language(language)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_view("orders")
    order = CustomOrder.get_by_id(window.current_view().current_id)
    person_id, name = order.person_id, order.person.name
    told, asked = [], []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(tmp_path / "export"))
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(dialogs, "confirm_with_option",
                        lambda parent, title, text, option, yes_text="": asked.append(text) or (True, False))
    monkeypatch.setattr(dialogs, "choose", lambda parent, title, prompt, entries, current=None: current)
    window.findChild(QAction, "actionPrivacyExport").trigger()
    assert json.loads(zipfile.ZipFile(tmp_path / "export.zip").read("data.json"))["person"]["name"] == name
    window.findChild(QAction, "actionPrivacyErase").trigger()
    assert name in asked[0]
    assert Person.get_or_none(Person.id == person_id) is None
    assert done in told[-1]
    assert name not in [r.cells[0] for r in window.view("orders").model.all_rows]


@pytest.mark.parametrize("language, line, done", [
    ("nl", "Lotte Peeters · lotte.peeters@example.be · 1 bestelling", "is gewist"),
    ("en", "Lotte Peeters · lotte.peeters@example.be · 1 order", "has been erased"),
])
def test_a_customer_only_an_orders_import_brought_can_be_found_exported_and_erased(
        qtbot, database, translator, tmp_path, monkeypatch, language, line, done):
    """No list shows a customer whose orders came in by an import and hold nothing made to
    order; the privacy menu asks "who?" of everyone, found by typing her e-mail address."""
    from PySide6.QtGui import QAction

    from desktop import i18n
    from desktop.store.models import ShopOrder
    from desktop.views import dialogs
    from desktop.views.main_window import MainWindow
    from desktop.views.shipping_dialogs import Chooser
    from tests.test_shop_orders import NL_FILE, import_bytes

    import_bytes(NL_FILE.read_bytes())  # nothing ticked as made to order: no custom orders
    lotte = Person.get(Person.email == "lotte.peeters@example.be")
    assert not CustomOrder.select().where(CustomOrder.person == lotte.id).exists()
    assert ShopOrder.select().where(ShopOrder.person == lotte.id).count() == 1
    i18n.set_language(language)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_view("influencers")  # nobody selected there: an empty list
    shown, told, asked = [], [], []

    def choose(parent, title, prompt, entries, current=None):
        form = Chooser(parent, title, prompt, entries, current=current)
        shown.append((title, prompt, [text for _id, text, _blocked in entries]))
        qtbot.keyClicks(form.filter, "lotte.peeters@")
        assert form.accept()
        return form.result

    monkeypatch.setattr(dialogs, "choose", choose)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(tmp_path / "lotte"))
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(dialogs, "confirm_with_option",
                        lambda parent, title, text, option, yes_text="": asked.append(text) or (True, False))
    window.findChild(QAction, "actionPrivacyExport").trigger()
    assert line in shown[0][2] and len(shown[0][2]) == Person.select().count()
    data = json.loads(zipfile.ZipFile(tmp_path / "lotte.zip").read("data.json"))
    assert data["person"]["email"] == "lotte.peeters@example.be" and len(data["data"]["shop_order"]) == 1
    window.findChild(QAction, "actionPrivacyErase").trigger()
    assert "Lotte Peeters" in asked[0]
    assert Person.get_or_none(Person.id == lotte.id) is None
    assert not ShopOrder.select().where(ShopOrder.person == lotte.id).exists()
    assert done in told[-1]


def test_the_privacy_menu_says_when_nobody_is_there(qtbot, database, translator, monkeypatch):
    from PySide6.QtGui import QAction

    from desktop.views import dialogs
    from desktop.views.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    told = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: pytest.fail("an empty list to choose from"))
    window.findChild(QAction, "actionPrivacyErase").trigger()
    assert told == ["Er staan nog van niemand gegevens in Afspraak."]


def test_everyone_is_listed_by_name_with_what_the_data_holds(database, translator):
    from desktop import i18n
    from desktop.presentation.people_texts import directory_line
    from desktop.store import lookups

    sanne = Person.create(name="Sanne de Vries", email="sanne@example.nl", is_influencer=True)
    bram = Person.create(name="bram Jansen", is_customer=True)
    CustomOrder.create(person=sanne, personalisation="S")
    for letter in "AB":
        CustomOrder.create(person=bram, personalisation=letter)
    Person.create(name="", email="iemand@example.be")
    entries = lookups.everyone()
    assert [e.name for e in entries] == ["", "bram Jansen", "Sanne de Vries"]
    i18n.set_language("nl")
    assert [directory_line(e.name, e.email, e.influencer, e.orders) for e in entries] == [
        "(zonder naam) · iemand@example.be", "bram Jansen · 2 bestellingen",
        "Sanne de Vries · sanne@example.nl · influencer, 1 bestelling"]
    i18n.set_language("en")
    assert directory_line("Sanne", "", True, 0) == "Sanne · influencer"
    assert directory_line("Bram", "", False, 1) == "Bram · 1 order"


def test_detail_buttons_ask_before_erasing(qtbot, demo_db, translator, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    from desktop.views import dialogs
    from desktop.views.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show_view("orders")
    person_id = CustomOrder.get_by_id(window.current_view().current_id).person_id
    monkeypatch.setattr(dialogs, "confirm_with_option", lambda *a, **k: (False, False))
    window.current_view().findChild(QPushButton, "privacyErase").click()
    assert Person.get_or_none(Person.id == person_id) is not None  # said no: nothing erased


@pytest.mark.parametrize("language, done, said", [
    ("en", "was erased", "The erasure is saved, but the disk with your Afspraak data"),
    ("nl", "is gewist", "Het wissen is opgeslagen, maar de schijf met je Afspraak-gegevens"),
])
def test_an_erasure_on_a_nearly_full_disk_is_told_as_done(data_dir, capsys, monkeypatch, language, done, said):
    """On a nearly full disk the rows' transaction fits but the VACUUM after it (a whole
    copy) does not (found with a real 4 MB tmpfs, audit8/safety_probes/p_erase_full.py):
    the person was erased, yet the command said "your last change was not saved"."""
    from desktop.store import privacy

    open_database()
    pid = make_person().id
    close_database()

    def vacuum_on_a_full_disk(con):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(privacy, "purge_files", vacuum_on_a_full_disk)
    assert run_cli("--lang", language, "erase", "--person", str(pid), "--yes") == 0
    captured = capsys.readouterr()
    assert done in captured.out and said in captured.err
    assert "not saved" not in captured.err and "niet opgeslagen" not in captured.err
    open_database()
    assert Person.get_or_none(Person.id == pid) is None


def holds(path, needle: str) -> bool:
    return needle.encode() in path.read_bytes()


def test_an_erase_from_the_backups_reaches_every_copy_afspraak_made_and_names_those_it_cannot(database, tmp_path):
    """Review of backups, 4: only the backups folder was erased from. The copies Afspraak made
    in the data folder (a damaged file kept aside, File → Save a backup…'s old suggestion)
    and the copies she saved elsewhere through Afspraak kept the person; a copy that is not
    where she saved it (a USB stick not plugged in) is named, never counted as done."""
    p = make_person()
    other_person()
    con = database.connection()
    in_data_folder = backup.backup_now(database, out=paths.data_dir() / "afspraak-backup.sqlite3", now=NOW)
    kept_aside = paths.data_dir() / "afspraak-damaged-20261120-080000.sqlite3"  # readable enough to erase from
    backup.copy_database(con, kept_aside)
    unreadable = paths.data_dir() / "afspraak-damaged-20261121-080000.sqlite3"
    backup.copy_database(con, unreadable)
    unreadable.write_bytes(b"\x00\x13garbage" * 500 + NAME.encode())
    for folder in ("Documenten", "STICK"):  # (a backup makes no folder where she names one)
        (tmp_path / folder).mkdir()
    documents = backup.backup_now(database, out=tmp_path / "Documenten" / "afspraak-backup-2026-11-23.sqlite3", now=NOW)
    stick = backup.backup_now(database, out=tmp_path / "STICK" / "afspraak-backup-2026-11-22.sqlite3", now=NOW)
    deleted = backup.backup_now(database, out=tmp_path / "Documenten" / "oud.sqlite3", now=NOW)
    shutil.rmtree(stick.parent)  # the stick taken out
    deleted.unlink()  # thrown away by her: nothing to reach, nothing to tell
    assert privacy.backup_files() == sorted([in_data_folder, kept_aside, unreadable, documents])  # not the database

    result = privacy.erase_person(database, p.id, NOW, backups=True)
    assert sorted(result.backups) == sorted([in_data_folder, kept_aside, documents])
    assert result.backups_failed == [unreadable] and result.backups_unreached == [stick]
    for copy in (in_data_folder, kept_aside, documents):
        assert not holds(copy, NAME) and not holds(copy, EMAIL), copy
        assert holds(copy, "Bram Jansen"), copy
    assert not paths.db_path().with_name("afspraak.sqlite3-journal").exists()


def test_the_erase_words_say_how_long_backups_keep_them_and_what_was_not_reached(qtbot, database, translator,
                                                                                 tmp_path, monkeypatch):
    """Review of backups, 3: the question and the done dialog said the backups keep the person
    "for up to 14 days": automatic backups are kept by number (one per day Afspraak is used),
    her own and the copies before a restore or an update until she deletes them. And after an
    erase from the backups, a copy it could not reach is named (review of backups, 4)."""
    from desktop import i18n
    from desktop.views import dialogs, privacy_actions

    i18n.set_language("en")
    asked, told = [], []
    first = make_person()
    second = make_person(name="Bram Visser", email="bram.v@example.org", handle="bram.v")
    (tmp_path / "STICK").mkdir()  # (a backup makes no folder where she names one)
    stick = backup.backup_now(database, out=tmp_path / "STICK" / "afspraak-backup.sqlite3", now=NOW)
    shutil.rmtree(stick.parent)
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    for person, tick in ((first, False), (second, True)):
        monkeypatch.setattr(dialogs, "confirm_with_option", lambda parent, title, text, option, yes_text="", tick=tick:
                            asked.append((text, option)) or (True, tick))
        assert privacy_actions.erase_person(None, person.id)
    text, option = asked[0]
    assert option == "Erase them from the backups too"
    assert ("Without the tick below, their data stays in the backups: Afspraak keeps 14 automatic backups (it makes "
            "one on each day you use it, so they can go back months) until newer ones replace them, and your own "
            "backups and the copies made before a restore or an update until you delete them.") in text
    without, ticked = told
    assert "days" not in without and "days" not in text
    assert ("The backups still hold their data: Afspraak keeps 14 automatic backups (one for each day you use it) "
            "until newer ones replace them, and your own backups and the copies made before a restore or an update "
            "until you delete them.") in without
    assert (f"1 backup you saved in {stick.parent} was not found there (is it on a USB stick that is not plugged "
            "in?): it still holds their data. Delete it once you have it at hand.") in ticked
    assert "Copies made outside Afspraak (copied by hand, or kept in a cloud service's version history) are not " \
           "included." in ticked


def test_the_command_says_how_long_backups_keep_them(data_dir, capsys):
    """Review of backups, 3: "Backup copies made before today still hold their data until they
    are rotated out; use --backups to erase them there too." Today's automatic backup holds them
    as well, her own backups never rotate out, and --backups can no longer be given once the
    person is gone."""
    open_database()
    pid = make_person().id
    close_database()
    assert run_cli("--lang", "en", "erase", "--person", str(pid), "--yes") == 0
    out = capsys.readouterr().out
    assert "before today" not in out and "rotated out" not in out
    assert "The backups still hold their data: Afspraak keeps 14 automatic backups (one for each day" in out
    assert "To erase someone from the backups as well, add --backups when you erase them." in out
