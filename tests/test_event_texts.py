"""The app's own timeline events are facts, worded in the reader's language (issue 17).

desktop/event_texts.py renders them; the store keeps ``Event.fact`` + ``Event.params``.
What a person wrote stays as written; old texts are read back as facts by migration v9.
"""

from __future__ import annotations

import csv
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop import i18n, paths
from desktop.presentation import event_texts
from desktop.presentation import timeline, timeline_export
from desktop.presentation.timeline import TimelineFilter
from desktop.store import event_search, migrations
from desktop.store.db import close_database, db
from desktop.store.models import CustomOrder, Event, Person
from desktop.store.recovery import open_checked
from tests.conftest import NOW

SCHEMAS = Path(__file__).parent / "data" / "schemas"


def texts(f: TimelineFilter = TimelineFilter()) -> list[str]:
    return [e.text for e in timeline.iter_events(f)]


def order_event(number: str, kind: str) -> Event:
    order = CustomOrder.get(CustomOrder.order_number == number)
    return Event.get(Event.subject_type == "custom_order", Event.subject_id == order.id, Event.kind == kind)


# --- rendering -----------------------------------------------------------------------------

def test_a_fact_reads_in_the_language_of_the_moment_of_reading(demo_db):
    event = order_event("#1038", "status")
    assert event.fact == "order_status" and event.text == ""
    i18n.set_language("nl")
    assert event_texts.shown(event) == "Bestelling #1038: Nieuw → In productie"
    i18n.set_language("en")
    assert event_texts.shown(event) == "Order #1038: New → In production"
    assert event_texts.shown(order_event("#1041", "order")) == "Order #1041 confirmed"


def test_what_a_person_wrote_stays_as_written(demo_db):
    i18n.set_language("en")
    assert "Pakketje is binnen, dankjewel!" in texts(TimelineFilter(kind="message"))
    person = Person.get(Person.name == "Sanne de Vries")
    from desktop.store import influencers

    influencers.block(person, "nooit meer, te laat", NOW)
    blocked = Event.select().where(Event.fact == "person_status").order_by(Event.id.desc()).first()
    assert blocked.params["note"] == "nooit meer, te laat"
    assert event_texts.shown(blocked) == "Status: Active → Blocked · nooit meer, te laat"
    i18n.set_language("nl")
    assert event_texts.shown(blocked) == "Status: Actief → Geblokkeerd · nooit meer, te laat"


def test_an_unknown_fact_or_bad_params_falls_back_to_the_stored_text():
    assert event_texts.render("made_up_by_a_newer_version", {}, "zoals het er stond") == "zoals het er stond"
    assert event_texts.render("order_status", {"number": "#1"}, "oud") == "oud"  # no old/new
    assert event_texts.render("", {}, "een notitie") == "een notitie"


def test_every_fact_renders_in_both_languages_and_differs_where_the_words_do():
    samples = {
        "person_added": {}, "person_status": {"old": "active", "new": "inactive"},
        "strike": {"reason": "late", "note": "drie dagen"}, "strike_lifted": {"reason": "late"},
        "strikes_lifted_delivered": {}, "strike_after_reminders": {}, "reply_received": {},
        "collab_created": {"status": "agreed", "title": "Ring"}, "collab_exception": {"status": "inactive"},
        "agreement_changed": {"fields": ["deliverables"], "note": "later"},
        "agreement_confirmed": {"title": "Ring"},
        "collab_status": {"title": "Ring", "old": "agreed", "new": "failed", "why": "last_reminder"},
        "content_posted": {"deliverable": "reel", "platform": "instagram", "missing": ["#ad"]},
        "content_checked": {"deliverable": "story", "platform": "instagram", "in_order": ["item:platform_label"],
                            "missing": ["item:stories_first_last"], "unchecked": ["item:post_language"]},
        "rated": {"stars": 4.5, "title": "Ring", "work_again": False},
        "evidence_added": {"deliverable": "", "platform": "tiktok", "n": 2, "names": ["a.png", "b.png"]},
        "shipment_ready": {"items": [["Ring", 1]]}, "shipment_sent": {"carrier": "dhl", "items": [["Ring", 2]]},
        "shipment_delivered": {"carrier": "dhl", "items": [["Ring", 1]]}, "shipment_confirmed": {"items": [["Ring", 1]]},
        "shipment_returned": {"items": [["Ring", 1]]}, "shipment_lost": {"carrier": "postnl", "items": [["Ring", 1]]},
        "shipment_withdrawn": {"items": [["Ring", 1]]},
        "deadlines_moved": {"title": "Ring", "days": 9, "dates": ["2026-12-20"]},
        "order_entered": {"number": "#7", "date": "2026-12-01"},
        "order_status": {"number": "#7", "old": "ready", "new": "shipped"}, "order_confirmed": {"number": "#7"},
        "order_imported": {"number": "#7", "platform": "shopify", "date": "2026-12-01"},
        "order_date_moved": {"field": "promised_ready", "old": "2026-12-01", "new": "2026-12-04", "note": "ziek"},
        "order_shipped": {"number": "#7", "carrier": "postnl"}, "order_product": {"number": "#7", "product": "Ring"},
        "products_imported": {"file": "producten.csv", "new": 23, "updated": 0},
        "orders_imported": {"file": "", "platform": "etsy", "new": 0, "updated": 4, "custom_orders": 1},
    }
    assert set(samples) == event_texts.known_facts()
    same_in_both: set[str] = set()  # every fact has words of its own in each language
    for fact, params in samples.items():
        with i18n.speaking("nl"):
            dutch = event_texts.render(fact, params, "FALLBACK")
        with i18n.speaking("en"):
            english = event_texts.render(fact, params, "FALLBACK")
        assert "FALLBACK" not in (dutch, english), fact
        assert (dutch == english) == (fact in same_in_both), (fact, dutch, english)
        assert event_texts.search_words(fact, params).split("\n")[:2] == ([dutch, english] if dutch != english
                                                                            else [dutch])


def test_an_import_says_what_changed_and_leaves_out_what_did_not():
    with i18n.speaking("nl"):
        assert event_texts.render("products_imported", {"file": "producten.csv", "new": 23, "updated": 0}) == (
            "Producten geïmporteerd: 23 nieuwe producten („producten.csv”)")  # the counts first (audit 10, F11)
        assert event_texts.render("products_imported", {"file": "p.csv", "new": 23, "updated": 4,
                                                        "without_price": 2}) == (
            "Producten geïmporteerd: 23 nieuwe producten, waarvan 2 zonder prijs, 4 producten bijgewerkt („p.csv”)")
    with i18n.speaking("en"):
        assert event_texts.render("orders_imported", {"file": "", "platform": "etsy", "new": 0, "updated": 4,
                                                      "custom_orders": 1}) == (
            "Orders from Etsy imported: 0 new orders, 4 orders updated, 1 new custom order")
        assert event_texts.render("orders_imported", {"file": "etsy.csv", "platform": "etsy", "new": 3, "updated": 0,
                                                      "custom_orders": 0, "new_customers": 2}) == (
            "Orders from Etsy imported: 3 new orders, 2 new customers (“etsy.csv”)")


# --- the timeline, its search and its export -------------------------------------------------

def test_the_english_timeline_shows_english_after_a_language_switch(qtbot, demo_db, translator):
    from desktop.app import Application

    application = Application([], cli_language=None)
    application.build_window()
    first = application.window

    def timeline_texts(window) -> list[str]:
        window.show_view("timeline")
        model = window.view("timeline").model
        column = model.columns.index("text")
        return [model.index(row, column).data() for row in range(model.rowCount())]

    dutch = timeline_texts(first)
    assert "Bestelling #1041 bevestigd" in dutch and "Bestelling #1038: Nieuw → In productie" in dutch
    first.switch_language("en")
    qtbot.waitUntil(lambda: application.window is not first)
    english = timeline_texts(application.window)
    assert "Order #1041 confirmed" in english and "Order #1038: New → In production" in english
    assert not any(t and t.startswith(("Bestelling", "Samenwerking", "Verzonden met")) for t in english)
    assert "Pakketje is binnen, dankjewel!" in english  # her words, as she wrote them
    application.shutdown()
    application.window.close()
    application.window.deleteLater()


@pytest.mark.parametrize("language, query, expected", [
    ("en", "production", "Order #1038: New → In production"),
    ("nl", "productie", "Bestelling #1038: Nieuw → In productie"),
    ("en", "confirmed #1041", "Order #1041 confirmed"),
    ("nl", "bevestigd 1041", "Bestelling #1041 bevestigd"),
])
def test_search_finds_an_app_event_by_the_words_on_screen(demo_db, language, query, expected):
    i18n.set_language(language)
    found = texts(TimelineFilter(text=query))
    assert expected in found


def test_search_does_not_find_words_no_fact_has(demo_db):
    i18n.set_language("en")
    assert texts(TimelineFilter(text="nonexistentword")) == []
    # A fact's own code is not a word on screen.
    assert texts(TimelineFilter(text="order_status")) == []


def test_the_csv_export_is_in_the_language_of_the_moment(demo_db, tmp_path):
    for language, expected in (("en", "Order #1041 confirmed"), ("nl", "Bestelling #1041 bevestigd")):
        i18n.set_language(language)
        path = tmp_path / f"timeline-{language}.csv"
        timeline_export.export_csv(path, TimelineFilter(kind="order"))
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh, delimiter=";"))
        assert expected in [row[-1] for row in rows[1:]]


# --- migration v9 ----------------------------------------------------------------------------

OLD_TEXTS = [  # (kind, text as an older version stored it, fact it becomes or None)
    ("status", "Bestelling #1050: Klaar → Verzonden", "order_status"),
    ("status", "Order #1051: In production → Ready", "order_status"),
    ("shipment", "Verzonden met PostNL: 1 × Ketting Maan (goud), 2 × Oorbellen, klein", "shipment_sent"),
    ("shipment", "Receipt confirmed: 1 × Ring", "shipment_confirmed"),
    ("agreement", "Samenwerking afgesproken: Ring: goud → zilver", "collab_created"),
    ("status", "Ring: goud → zilver: Afgesproken → Verzonden", "collab_status"),
    ("strike", "Strike: Slechte communicatie · geen antwoord op drie berichten", "strike"),
    ("order", "Beloofde klaardatum verschoven van 20 nov 2026 naar 23 nov 2026: zilver kwam later", "order_date_moved"),
    ("message", "Verzonden met PostNL: zie mail", None),  # she wrote it: a message is never read as a fact
    ("note", "Bestelling #1050 bevestigd", None),
    ("status", "Iets wat de app nooit schreef", None),
]


def test_migration_v9_turns_old_texts_into_facts_and_leaves_the_rest(data_dir):
    target = paths.db_path()
    shutil.copyfile(SCHEMAS / "v8.sqlite3", target)
    con = sqlite3.connect(target)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 8
    old_ids = []
    for kind, text, _fact in OLD_TEXTS:
        cursor = con.execute("INSERT INTO event (at, kind, channel, direction, text, subject_type, step) "
                             "VALUES ('2026-11-20 10:00:00', ?, '', 'none', ?, '', '')", (kind, text))
        old_ids.append(cursor.lastrowid)
    confirmed = con.execute("SELECT id FROM event WHERE text = 'Bestelling #1041 bevestigd'").fetchone()[0]
    con.commit()
    con.close()

    open_checked(target)
    assert migrations.schema_version(db) == migrations.CURRENT_VERSION
    i18n.set_language("en")
    event = Event.get_by_id(confirmed)
    assert (event.fact, event.params, event.text) == ("order_confirmed", {"number": "#1041"}, "")
    assert event_texts.shown(event) == "Order #1041 confirmed"
    for event_id, (_kind, text, fact) in zip(old_ids, OLD_TEXTS):
        event = Event.get_by_id(event_id)
        if fact is None:
            assert (event.fact, event.text) == ("", text)
        else:
            assert (event.fact, event.text) == (fact, "")
            with i18n.speaking("nl"):
                # written in English, or reworded since (docs/GLOSSARY.md: strike → waarschuwing)
                if not text.startswith(("Order", "Receipt", "Samenwerking", "Strike")):
                    assert event_texts.shown(event) == text  # the Dutch reads exactly as it was written
    assert event_texts.shown(Event.get_by_id(old_ids[0])) == "Order #1050: Ready → Shipped"
    assert event_texts.shown(Event.get_by_id(old_ids[6])) == "Strike: Poor communication · geen antwoord op drie berichten"
    with i18n.speaking("nl"):
        assert event_texts.shown(Event.get_by_id(old_ids[6])) == (
            "Waarschuwing: Slechte communicatie · geen antwoord op drie berichten")
    assert event_texts.shown(Event.get_by_id(old_ids[7])) == (
        "Promised ready date moved from 20 Nov 2026 to 23 Nov 2026: zilver kwam later")
    # The index holds both languages' words, and the typed words as they were.
    assert "Order #1041 confirmed" in texts(TimelineFilter(text="confirmed 1041"))
    assert "Bestelling #1041 bevestigd" not in texts(TimelineFilter(text="bevestigd"))  # shown in English now
    with i18n.speaking("nl"):
        assert "Bestelling #1041 bevestigd" in texts(TimelineFilter(text="bevestigd"))
    assert texts(TimelineFilter(text="Iets wat de app")) == ["Iets wat de app nooit schreef"]
    assert event_search.indexed_count(db) == Event.select().count()
    close_database()


# --- one line of an event (her pane, the strike dialog) ---------------------------------------

@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_sent_reminder_reads_as_what_it_said_not_its_greeting(demo_db, language):
    """The influencer pane's latest events showed a sent reminder as "Hoi Noor,": the
    first line of the message. Its line now names the reminder and what it says."""
    from datetime import timedelta

    from desktop.presentation import due_texts
    from desktop.store import due, settings

    settings.set("time_zone", "Europe/Amsterdam")
    i18n.set_language(language)
    items = {i.person_name: i for i in due.due_now(NOW)}
    sanne = items["Sanne de Vries"]  # the ladder's first step: greeting, blank line, the message
    body = due_texts.compose(sanne, NOW).body
    greeting, blank, said = body.split("\n")[:3]
    assert (greeting, blank) == ("Hoi Sanne,", "") and said
    event = due.mark_sent(sanne, NOW, "instagram", body)
    prefix = {"nl": "Herinnering: ", "en": "Reminder: "}[language]
    first_sentence = said[:said.index(". ") + 1]  # "Ik wacht nog op je reel met … (deadline …)."
    assert len(first_sentence) < len(said)
    assert event_texts.line(event) == prefix + first_sentence
    assert "Hoi Sanne" not in event_texts.line(event)

    # A message of one line, greeting and all (the step that tries another channel), is
    # left whole.
    noor = items["Noor Bakker"]
    body = due_texts.compose(noor, NOW).body
    first = body.split("\n")[0]
    assert first.startswith("Hoi Noor, ik probeer") and len(first) > 100
    event = due.mark_sent(noor, NOW + timedelta(minutes=1), "whatsapp", body)
    assert event_texts.line(event) == prefix + first[:first.index(". ") + 1]
    # What she wrote back: as written; a long first line with a comma is not a greeting.
    answer = Event.get(Event.text == "Pakketje is binnen, dankjewel!")
    assert event_texts.line(answer) == "Pakketje is binnen, dankjewel!"
    answer.text = "Dank je wel voor het mooie pakket, de ketting is prachtig geworden,\nik post hem vrijdag."
    assert event_texts.line(answer) == "Dank je wel voor het mooie pakket, de ketting is prachtig geworden,"
    # What she wrote or the owner noted keeps its first line: "Ja," is not a greeting there.
    answer.text = "Ja,\nprima."
    assert event_texts.line(answer) == "Ja,"
    # A sentence goes on past "o.a." and "bijv.": a new one starts with a capital.
    event = due.mark_sent(sanne, NOW + timedelta(minutes=2), "instagram",
                          "Hoi Sanne,\n\nIk stuur o.a. de ketting en bijv. 2 oorbellen mee. Tot snel!")
    assert event_texts.line(event) == prefix + "Ik stuur o.a. de ketting en bijv. 2 oorbellen mee."
    # Afspraak's own facts: their first line, in the reader's language.
    assert event_texts.line(order_event("#1041", "order")) == {"nl": "Bestelling #1041 bevestigd",
                                                               "en": "Order #1041 confirmed"}[language]


@pytest.mark.parametrize("fact,params,english", [
    ("shipment_sent", {"items": [["Ring", 1]]}, "Parcel sent: 1 × Ring"),
    ("shipment_sent", {"day": "2026-11-20", "items": [["Ring", 1]]}, "Parcel sent on 20 Nov 2026: 1 × Ring"),
    ("shipment_delivered", {"items": [["Ring", 1]]}, "Parcel delivered: 1 × Ring"),
    ("shipment_lost", {"items": [["Ring", 1]]}, "Parcel lost on its way: 1 × Ring"),
    ("order_shipped", {"number": "#7"}, "Order #7 sent"),
    ("order_shipped", {"number": "#7", "day": "2026-11-20"}, "Order #7 sent on 20 Nov 2026"),
    ("order_shipped", {"number": "", event_texts._CUSTOMER: "Anna"}, "Order for Anna sent"),
    ("order_shipped", {"number": "", event_texts._CUSTOMER: "Anna", "day": "2026-11-20"}, "Order for Anna sent on 20 Nov 2026"),
])
@pytest.mark.parametrize("carrier", ["other", "", "made_up_carrier"])
def test_a_parcel_with_the_other_carrier_names_no_company(fact, params, english, carrier):
    """"Andere vervoerder" is the owner's choice of none of the listed carriers, not a
    company: the timeline leaves it out ("Parcel sent: …"), as the messages do, rather
    than "Sent with Other carrier" or "Verzonden met Andere vervoerder"."""
    params = {**params, "carrier": carrier}
    with i18n.speaking("en"):
        assert event_texts.render(fact, params, "FALLBACK") == english
    with i18n.speaking("nl"):
        dutch = event_texts.render(fact, params, "FALLBACK")
    assert "FALLBACK" not in dutch and "vervoerder" not in dutch.lower() and "carrier" not in dutch.lower()
    with i18n.speaking("en"):  # a named carrier is still named
        named = event_texts.render(fact, {**params, "carrier": "bpost"}, "FALLBACK")
    assert "bpost" in named


# --- stored words made again when the wording changed -------------------------------------------

OLD_WORDS = "Verzonden met Andere vervoerder: 1 × Ring\nSent with Other carrier: 1 × Ring"


def _stored_before_the_rename(person) -> Event:
    """A parcel line stored while the timeline still named "Andere vervoerder" (before the
    carrier was left out): its stored words are the old sentence."""
    event = Event.create(at=NOW, kind="shipment", direction="none", person=person, fact="shipment_sent",
                         params={"carrier": "other", "items": [["Ring", 1]]})
    db.execute_sql('UPDATE "event" SET "words" = ? WHERE id = ?', (OLD_WORDS, event.id))
    return event


def test_old_search_words_are_made_again_once_the_wording_changed(database):
    """Review of the search: typing "andere vervoerder" in the timeline found parcels whose line
    no longer says it (words stored before the rename). The words are made again where they
    read otherwise now, once per wording (its stamp kept); others are left alone."""
    person = Person.create(name="Sanne de Vries", is_influencer=True)
    old = _stored_before_the_rename(person)
    note = Event.create(at=NOW, kind="note", text="Andere vervoerder gekozen", person=person)  # her own words stay
    current = Event.create(at=NOW, kind="person", person=person, fact="person_added", params={})

    def found(text):
        return {e.id for e in timeline.fetch_page(TimelineFilter(text=text))}

    assert found("andere vervoerder") == {old.id, note.id}
    stamp = event_texts.wording_stamp()
    assert sum(event_search.rewrite_words(db, stamp, chunk=1)) == 1  # only the line that reads otherwise now
    assert found("andere vervoerder") == {note.id}
    assert found("pakket verzonden") == {old.id} and found("parcel sent ring") == {old.id}
    assert Event.get_by_id(old.id).words == event_texts.search_words("shipment_sent", old.params)
    assert Event.get_by_id(current.id).words == "Toegevoegd als influencer\nAdded as an influencer"
    assert event_search.indexed_count(db) == Event.select().count()
    # Made with this wording: the next start only compares the stamp.
    db.execute_sql('UPDATE "event" SET "words" = ? WHERE id = ?', (OLD_WORDS, old.id))
    assert list(event_search.rewrite_words(db, stamp)) == []
    assert Event.get_by_id(old.id).words == OLD_WORDS
    # Another wording (a catalog or WORDING_VERSION changed): made again.
    assert sum(event_search.rewrite_words(db, stamp + "+")) == 1
    assert found("andere vervoerder") == {note.id}


def test_the_stamp_follows_the_catalogs_and_the_wording_version(monkeypatch, tmp_path):
    stamp = event_texts.wording_stamp()
    assert stamp == event_texts.wording_stamp()
    monkeypatch.setattr(event_texts, "WORDING_VERSION", event_texts.WORDING_VERSION + 1)
    assert event_texts.wording_stamp() != stamp
    monkeypatch.undo()
    for language in i18n.LANGUAGES:  # a copy of the catalogs, one text reworded
        shutil.copytree(paths.locale_dir() / language, tmp_path / language)
    po = tmp_path / "nl" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Andere vervoerder"', 'msgstr "Een andere"'),
                  encoding="utf-8")
    monkeypatch.setattr(paths, "locale_dir", lambda: tmp_path)
    i18n.catalogs_fingerprint.cache_clear()
    try:
        assert event_texts.wording_stamp() != stamp
    finally:
        monkeypatch.undo()
        i18n.catalogs_fingerprint.cache_clear()
    assert event_texts.wording_stamp() == stamp
