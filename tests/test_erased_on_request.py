"""After an erasure on request (AVG/GDPR art. 17): nothing of her stays behind or comes back.

- her address goes from other people's notes, as her name does, but never a common word
  alone nor anybody else's own address, name, e-mail or phone;
- what the window says when it is done names the mentions the question counted, and a
  disk too full to tidy the file up afterwards as such (not "start again");
"""

from __future__ import annotations

import sqlite3

import pytest

from desktop.domain import privacy as rules
from desktop.store import privacy
from desktop.store.models import Event, Person, ShopOrder
from tests.conftest import NOW


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
    ("en", "Dates and times are in the shop's time zone (Europe/Amsterdam). The end of a time, such as +01:00, is its "
           "difference from UTC."),
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
