"""Tijdlijn in the window: day headings, filters, opening subjects, quick note, exports."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest
from icalendar import Calendar
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from desktop import cli, i18n
from desktop.clock import to_local
from desktop.domain import notes, spreadsheet
from desktop.store import notes as note_store
from desktop.presentation import calendar_export
from desktop.store.db import close_database
from desktop.store.models import Collaboration, CustomOrder, Deliverable, Event, Handle, Person
from desktop.views import dialogs
from desktop.views.timeline_widget import PersonTimeline
from tests.conftest import NOW
from tests.helpers import make_window
from tests.helpers import press_in_window




def event_rows(model):
    return [model.event_at(r) for r in range(model.rowCount()) if not model.is_heading(r)]


@pytest.mark.parametrize("language,today", [("nl", "Vandaag"), ("en", "Today")])
def test_timeline_groups_by_day_with_localised_headings(qtbot, database, translator, language, today):
    now = NOW  # the app's clock is frozen here (conftest)
    sanne = Person.create(name="Sanne", is_influencer=True)
    Event.create(at=now, kind="message", channel="instagram", direction="in", text="Hoi!", person=sanne)
    Event.create(at=now - timedelta(days=1), kind="note", text="Gisteren gebeld", person=sanne)
    Event.create(at=now - timedelta(days=30), kind="note", text="Lang geleden", person=sanne)
    window = make_window(qtbot, language)
    window.show_view("timeline")
    view = window.view("timeline")
    model = view.model
    headings = [model.items[r].text for r in model.heading_rows()]
    assert headings[0] == today
    assert headings[1] == ("Gisteren" if language == "nl" else "Yesterday")
    assert len(headings) == 3
    assert view.table.columnSpan(model.heading_rows()[0], 0) == model.columnCount()
    assert view.current_id == event_rows(model)[0].id  # first event selected, not a heading
    assert view.count_label.text() == ("3 gebeurtenissen" if language == "nl" else "3 events")


def test_filters_and_search_in_the_view(qtbot, demo_db, translator):
    window = make_window(qtbot)
    view = window.view("timeline")
    total = view.model.total
    view.set_filter(kind="order")
    assert view.model.total == 5 and {e.kind for e in event_rows(view.model)} == {"order"}
    view.set_filter(kind=None, direction="in")
    assert event_rows(view.model) and all(e.direction == "in" for e in event_rows(view.model))
    view.clear_filters()
    assert view.model.total == total
    qtbot.keyClicks(view.search, "pakketje bin")
    qtbot.waitUntil(lambda: view.model.total and all("pakketje is binnen" in e.text.lower() for e in event_rows(view.model)))
    view.clear_filters()
    sanne = Person.get(Person.name == "Sanne de Vries")
    view.set_filter(person_id=sanne.id)
    assert {e.person_id for e in event_rows(view.model)} == {sanne.id}
    view.set_filter(person_id=None, text="zzzzz")
    assert view.no_match.isVisibleTo(view) and "Alles tonen" in view.no_match.text()
    assert not view.export_button.isEnabled()


def test_person_filter_is_read_when_used_and_follows_changed_people(qtbot, demo_db, translator):
    window = make_window(qtbot)
    view = window.view("timeline")
    box = view.person_box
    names = lambda: [box.itemText(i) for i in range(box.count())]  # noqa: E731
    # The owner clicks the person filter (or tabs into it): every person is there, A-Z.
    qtbot.mouseClick(box.lineEdit(), Qt.LeftButton)
    everyone = sorted(p.name for p in Person.select())
    assert names() == ["", *everyone]
    box.hidePopup()
    # A new person appears the next time the filter is used, after the view refreshed.
    Person.create(name="Aaron Nieuw")
    view.refresh()
    assert "Aaron Nieuw" not in names()  # nothing read on a refresh while nobody is chosen
    qtbot.keyClick(box.lineEdit(), Qt.Key_End)
    assert names()[1] == "Aaron Nieuw"
    # Typing a name picks the person; her filter stays when she is renamed and refreshed.
    sanne = Person.get(Person.name == "Sanne de Vries")
    box.setEditText("Sanne de Vries")
    view._person_typed()
    assert view.current_filter().person_id == sanne.id
    Person.update(name="Sanne van Dijk").where(Person.id == sanne.id).execute()
    view.refresh()
    assert box.currentText() == "Sanne van Dijk" and view.current_filter().person_id == sanne.id
    # The chosen person erased: the timeline shows everyone again.
    Event.delete().where(Event.person == sanne.id).execute()
    Person.delete().where(Person.id == sanne.id).execute()
    view.refresh()
    assert view.current_filter().person_id is None and view.model.total == Event.select().count()


def test_date_filter_is_inclusive_local_days(qtbot, demo_db, translator):
    window = make_window(qtbot)
    view = window.view("timeline")
    newest = event_rows(view.model)[0]
    day = to_local(newest.at).date()
    view.set_filter(first=day, last=day)
    rows = event_rows(view.model)
    assert rows and all(to_local(e.at).date() == day for e in rows)


def test_double_click_opens_the_subject(qtbot, demo_db, translator):
    window = make_window(qtbot)
    window.show_view("timeline")
    view = window.view("timeline")
    for kind, key, _subject_type in [("shipment", "shipments", "shipment"), ("order", "orders", "custom_order"),
                                    ("agreement", "influencers", "collaboration")]:
        window.show_view("timeline")
        view.set_filter(kind=kind)
        row = view.model.first_event_row()
        event = view.model.event_at(row)
        view.table.doubleClicked.emit(view.model.index(row, 2))
        assert window.current_view().key == key
        expected = event.subject_id if key != "influencers" else Collaboration.get_by_id(event.subject_id).person_id
        assert window.current_view().current_id == expected


def test_detail_button_opens_the_shipment(qtbot, demo_db, translator):
    window = make_window(qtbot)
    window.show_view("timeline")
    view = window.view("timeline")
    view.set_filter(kind="shipment")
    event = event_rows(view.model)[0]
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # the previous detail's widgets
    button = view.detail.findChild(QPushButton, "openSubject")
    assert button.text() == "Zending openen"
    qtbot.mouseClick(button, Qt.LeftButton)
    assert window.current_view().key == "shipments" and window.current_view().current_id == event.subject_id


def activate(qtbot, window):
    """Offscreen windows do not become active by themselves; shortcuts need an active window."""
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    QApplication.processEvents()
    if not window.isActiveWindow():
        QApplication.setActiveWindow(window)
    assert window.isActiveWindow()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_ctrl_n_logs_a_reply_that_lands_on_the_timeline(qtbot, demo_db, translator, language):
    window = make_window(qtbot, language)
    window.show_view("influencers")
    sanne = Person.get(Person.name == "Sanne de Vries")
    window.view("influencers").select_id(sanne.id)
    activate(qtbot, window)
    press_in_window(qtbot, window, window.view("influencers").table, Qt.Key_N, Qt.ControlModifier)  # Ctrl+N from any widget
    qtbot.waitUntil(lambda: window.quick_note is not None and window.quick_note.dialog.isVisible())
    note = window.quick_note
    assert note.person.currentText() == "Sanne de Vries"  # preselected from the current view
    assert note.dialog.windowTitle() == ("Snelle notitie" if language == "nl" else "Quick note")
    note.choose("dm")
    assert note.channel.currentData() == "instagram"
    note.direction.setCurrentIndex(note.direction.findData("in"))
    qtbot.keyClicks(note.text, "Sorry, de reel komt morgen!")
    before = Event.select().count()
    note.buttons.button(note.buttons.StandardButton.Save).click()
    assert not note.dialog.isVisible()
    assert Event.select().count() == before + 1
    stored = Event.select().order_by(Event.id.desc()).first()
    assert (stored.kind, stored.direction, stored.channel, stored.person_id) == ("message", "in", "instagram", sanne.id)
    assert stored.text == "Sorry, de reel komt morgen!"
    assert stored.at == NOW  # the app's clock (frozen in conftest), not the machine's
    view = window.view("timeline")
    assert event_rows(view.model)[0].id == stored.id  # newest first, already refreshed


def test_quick_note_refuses_bad_input_at_the_field(qtbot, demo_db, translator):
    window = make_window(qtbot)
    window.show_view("timeline")
    window.view("timeline").table.clearSelection()
    window.view("timeline").current_id = None
    window.open_quick_note()
    note = window.quick_note
    note.person.setEditText("Niemand Bestaat")
    note.choose("note")
    assert not note.channel.isEnabled() and not note.direction.isEnabled()
    before = Event.select().count()
    note.save()
    assert note.dialog.isVisible()
    assert note.errors["person"].isVisible() and note.errors["person"].text() == "Kies over wie dit gaat."
    assert note.errors["text"].text() == "Schrijf de notitie."
    assert Event.select().count() == before
    note.person.setEditText("Sanne de Vries")
    note.text.setPlainText("Wil graag armbanden proberen")
    note.at.setDateTime(note.at.dateTime().addDays(2))
    note.save()
    assert note.errors["at"].isVisible() and Event.select().count() == before
    note.at.setDateTime(note.at.dateTime().addDays(-3))
    note.save()
    assert not note.dialog.isVisible()
    stored = Event.select().order_by(Event.id.desc()).first()
    assert (stored.kind, stored.direction, stored.channel) == ("note", "none", "")


def test_log_entry_rules_without_qt(database):
    p = Person.create(name="Lotte")
    call = note_store.log_entry(notes.Entry(p.id, "call", "phone", "out", "", NOW), NOW)
    assert (call.kind, call.direction, call.channel) == ("call", "out", "phone")
    reply = note_store.log_entry(notes.Entry(p.id, "message", "whatsapp", "in", "Top!", NOW), NOW)
    assert (reply.kind, reply.direction) == ("message", "in")
    with pytest.raises(notes.Invalid) as refused:
        note_store.log_entry(notes.Entry(p.id, "message", "pigeon", "sideways", "", NOW + timedelta(hours=1)), NOW)
    assert set(refused.value.errors) == {"channel", "direction", "at"}


def test_person_history_widget_shows_only_that_person(qtbot, demo_db, translator):
    sanne = Person.get(Person.name == "Sanne de Vries")
    widget = PersonTimeline(sanne.id)
    qtbot.addWidget(widget)
    rows = event_rows(widget.model)
    assert rows and {e.person_id for e in rows} == {sanne.id}
    assert len(rows) == Event.select().where(Event.person == sanne).count()
    nobody = Person.create(name="Nieuw")
    widget.set_person(nobody.id)
    assert widget.empty.isVisibleTo(widget) and not widget.table.isVisibleTo(widget)


def test_order_detail_embeds_the_customer_history(qtbot, demo_db, translator):
    window = make_window(qtbot)
    window.show_view("orders")
    view = window.view("orders")
    order = CustomOrder.get_by_id(view.current_id)
    history = view.detail.findChild(PersonTimeline)
    assert history is not None and history.person_id == order.person_id
    assert any(e.subject_type == "custom_order" for e in event_rows(history.model))
    # in the narrow pane the text wraps onto the row's second line, and what is still cut
    # has its whole text in the tooltip
    text_column = history.model.columnCount() - 1
    assert history.table.wordWrap() and history.table.property("elideColumn") == text_column
    for row in range(history.model.rowCount()):
        if not history.model.is_heading(row):
            index = history.model.index(row, text_column)
            assert index.data().splitlines()[0] in index.data(Qt.ToolTipRole)


# --- CSV ---------------------------------------------------------------------------------

@pytest.mark.parametrize("value,expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+31 6 1234", "'+31 6 1234"),
    ("-5", "'-5"),
    ("@zilverenzo", "'@zilverenzo"),
    ("\t=1", "'\t=1"),
    ("gewoon tekst", "gewoon tekst"),
    ("a=b", "a=b"),
    (None, ""),
])
def test_csv_cells_that_look_like_formulas_are_defused(value, expected):
    assert spreadsheet.safe_cell(value) == expected


def test_timeline_csv_is_the_filtered_timeline(qtbot, database, translator, tmp_path, monkeypatch):
    p = Person.create(name="=Eva @home", is_influencer=True)
    for i in range(450):  # more than two pages: the export is not limited to what is loaded
        Event.create(at=NOW - timedelta(hours=i), kind="message", channel="email", direction="out",
                     text=f"Bericht {i}; met \"quotes\"", person=p)
    Event.create(at=NOW, kind="note", text="=1+1", person=p)
    window = make_window(qtbot)
    view = window.view("timeline")
    view.set_filter(kind="message")
    out = tmp_path / "tijdlijn.csv"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(out))
    view.export_button.click()
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark for spreadsheet programs
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["Datum", "Tijd", "Persoon", "Wat", "Kanaal", "Richting", "Tekst"]
    assert len(rows) == 451
    assert rows[1][2] == "'=Eva @home"
    assert rows[1][6] == 'Bericht 0; met "quotes"'
    assert all(r[3] == "Bericht" for r in rows[1:])
    assert "450" in window.statusBar().currentMessage()


@pytest.mark.parametrize("language, name", [("nl", "afspraak-tijdlijn-2026-11-23.csv"),
                                            ("en", "afspraak-timeline-2026-11-23.csv")])
def test_the_timeline_export_suggests_a_file_name_in_her_language(qtbot, database, translator, monkeypatch,
                                                                  language, name):
    """Review of the timeline, 2: the English window suggested the Dutch "afspraak-tijdlijn-….csv"."""
    from pathlib import Path

    suggested = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, title, path, filters: suggested.append(path))
    window = make_window(qtbot, language)
    window.view("timeline").export_csv()
    assert suggested == [str(Path.home() / name)]


# --- iCalendar ---------------------------------------------------------------------------

def test_calendar_round_trip_dates_time_zone_and_stable_uids(demo_db, tmp_path):
    out = tmp_path / "a.ics"
    count = calendar_export.write_calendar(out, NOW)
    cal = Calendar.from_ical(out.read_bytes())
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert len(events) == count
    open_deliverables = (Deliverable.select().join(Collaboration)
                         .where(Deliverable.delivered_at.is_null(), Deliverable.deadline.is_null(False),
                                Collaboration.status.in_(calendar_export.OPEN_COLLABORATIONS)))
    from desktop.store import influencer_detail

    # on hold as her reminders are (the demo's gift not sent yet): not in the calendar
    held = {shown.collaboration.id for pid in {d.collaboration.person_id for d in open_deliverables}
            for shown in influencer_detail.detail(pid).collaborations if not shown.chased}
    assert held  # the demo has one, and the rest are still listed below
    for d in open_deliverables:
        if d.collaboration_id in held:
            assert f"deliverable-{d.id}@afspraak" not in events
            continue
        e = events[f"deliverable-{d.id}@afspraak"]
        # a deadline is a day: an all-day event on its date in the owner's zone (it was a
        # half-hour event from 23:59 across midnight, on two days: walk-through finding 12)
        start = e.decoded("DTSTART")
        assert type(start) is date and start == to_local(d.deadline).date()
        assert e.decoded("DTEND") == start + timedelta(days=1)
        assert d.collaboration.person.name in str(e["SUMMARY"])
    delivered = Deliverable.select().where(Deliverable.delivered_at.is_null(False)).first()
    assert f"deliverable-{delivered.id}@afspraak" not in events
    new_order = CustomOrder.get(CustomOrder.order_number == "#1041")
    ready = events[f"order-ready-{new_order.id}@afspraak"]
    assert ready.decoded("DTSTART") == new_order.promised_ready  # an all-day date, no time zone games
    assert type(ready.decoded("DTSTART")) is date
    assert ready.decoded("DTEND") == new_order.promised_ready + timedelta(days=1)
    assert "Letter M" in str(ready["DESCRIPTION"])
    done = CustomOrder.get(CustomOrder.order_number == "#1020")  # delivered: no longer a promise
    assert not any(str(done.id) in uid for uid in events if uid.startswith("order-"))
    ready_only = CustomOrder.get(CustomOrder.order_number == "#1029")  # status ready: only delivery left
    assert f"order-ready-{ready_only.id}@afspraak" not in events
    assert f"order-delivery-{ready_only.id}@afspraak" in events

    # A later export keeps the UIDs and raises SEQUENCE, so a re-import updates.
    again = Calendar.from_ical(calendar_export.build_calendar(NOW + timedelta(hours=1)).to_ical())
    later = {str(e["UID"]): e for e in again.walk("VEVENT")}
    assert set(later) == set(events)
    uid = next(iter(events))
    assert int(later[uid]["SEQUENCE"]) > int(events[uid]["SEQUENCE"])


def test_a_collaboration_on_hold_has_no_deadline_in_the_calendar(demo_db):
    """Every parcel of it came back or got lost: she owes nothing until a new one reaches her
    (no reminders), so her calendar shows no deadline for it either."""
    from desktop.store.models import Shipment

    shipment = Shipment.select().join(Collaboration).where(Collaboration.status == "shipped").first()
    collab = shipment.collaboration
    uids = {f"deliverable-{d.id}@afspraak" for d in collab.deliverables if d.delivered_at is None}
    assert uids and uids <= {str(e["UID"]) for e in calendar_export.build_calendar(NOW).walk("VEVENT")}
    Shipment.update(status="lost").where(Shipment.collaboration == collab).execute()
    assert not uids & {str(e["UID"]) for e in calendar_export.build_calendar(NOW).walk("VEVENT")}


@pytest.mark.parametrize("products, parcel, listed", [
    ("de oorbellen", None, False),  # the gift the agreement names, not sent yet: her reminders wait
    ("", "ready", False),  # a parcel only packed, not handed to the carrier (review of the Influencers pane)
    ("", None, True),  # nothing to give: her deadline stands
    ("de oorbellen", "sent", True),
])
def test_a_deadline_waiting_for_the_gift_is_not_in_the_calendar(database, products, parcel, listed):
    """The calendar holds a deadline back exactly when her reminders do (shipments.chased with
    gift_unsent): it listed the deadline of a deal whose gift was still with the shop."""
    from desktop.store.models import Deliverable, Person, Shipment

    mila = Person.create(name="Mila Smit", is_influencer=True)
    collab = Collaboration.create(person=mila, title="Oorbellen", status="agreed", products=products)
    reel = Deliverable.create(collaboration=collab, kind="reel", deadline=NOW + timedelta(days=9))
    if parcel:
        Shipment.create(person=mila, collaboration=collab, status=parcel)
    uids = {str(e["UID"]) for e in calendar_export.build_calendar(NOW).walk("VEVENT")}
    assert (f"deliverable-{reel.id}@afspraak" in uids) is listed


def test_calendar_texts_follow_the_language(demo_db):
    i18n.set_language("en")
    cal = calendar_export.build_calendar(NOW)
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert any(s.endswith("promised ready date") for s in summaries)
    i18n.set_language("nl")
    cal = calendar_export.build_calendar(NOW)
    assert any("beloofd klaar" in str(e["SUMMARY"]) for e in cal.walk("VEVENT"))


def test_calendar_command(demo_db, tmp_path, capsys):
    close_database()
    out = tmp_path / "agenda.ics"
    assert cli.main(["--lang", "nl", "calendar", "--out", str(out)]) == 0
    close_database()
    assert "datums opgeslagen in" in capsys.readouterr().out
    assert Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert cli.main(["--lang", "en", "calendar", "--out", str(tmp_path / "missing" / "x.ics")]) == 1
    close_database()
    assert "could not be written" in capsys.readouterr().err


def test_calendar_menu_action(qtbot, demo_db, translator, tmp_path, monkeypatch):
    window = make_window(qtbot)
    out = tmp_path / "menu.ics"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(out))
    window.action_calendar.trigger()
    assert Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(out) in window.statusBar().currentMessage()  # what it says: tests/test_calendar_export.py


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["1366x768", "1920x1080"])
def test_the_timeline_opens_at_the_top_with_the_newest_days_heading_in_view(qtbot, demo_db, translator, size):
    window = make_window(qtbot)
    window.resize(*size)
    window.show_view("timeline")
    view = window.view("timeline")
    QApplication.processEvents()
    assert view.model.is_heading(0)
    assert view.table.currentIndex().row() == view.model.first_event_row() == 1
    assert view.table.verticalScrollBar().value() == 0
    assert view.table.rowAt(0) == 0  # the heading row is the first row on screen
    # a filter that starts with another day keeps that day's heading in view as well
    view.set_filter(kind="shipment")
    QApplication.processEvents()
    assert view.table.rowAt(0) == 0 and view.model.is_heading(0)


def test_the_person_filters_everyone_reads_as_a_value_not_as_switched_off(qtbot, demo_db, translator):
    """Review 26 (screens): "Iedereen" in the empty person filter was grey placeholder text
    beside "Alle soorten" in black, and read as a filter that was switched off."""
    from PySide6.QtGui import QPalette

    window = make_window(qtbot)
    field = window.view("timeline").person_box.lineEdit()
    assert field.text() == "" and field.placeholderText() == "Iedereen"
    pal = field.palette()
    assert pal.color(QPalette.PlaceholderText) == pal.color(QPalette.Text)


def test_the_search_and_the_person_filter_are_folded_as_every_list(qtbot, database, translator):
    """Review of the search: the timeline found "Anaïs" by her name only with its accents and
    nobody by a handle ("@annamaakt"), and its person filter listed "@juul.maakt" (known by her
    handle) before every name. Now it folds what is typed as every list does (search_text)."""
    anais = Person.create(name="Anaïs Çelik", is_influencer=True)
    juul = Person.create(name="@juul.maakt", is_influencer=True)
    Handle.create(person=juul, platform="tiktok", name="juul.maakt")
    anna = Person.create(name="Anna de Wit", is_influencer=True)
    Handle.create(person=anna, platform="instagram", name="annamaakt")
    Event.create(at=NOW, kind="note", text="Gebeld over de ketting", person=anais)
    Event.create(at=NOW - timedelta(hours=1), kind="note", text="Stuurde een DM", person=juul)
    Event.create(at=NOW - timedelta(hours=2), kind="note", text="Mailtje", person=anna)
    window = make_window(qtbot, "nl")
    window.show_view("timeline")
    view = window.view("timeline")
    for typed, who in (("anais", {anais.id}), ("CELIK", {anais.id}), ("@annamaakt", {anna.id}),
                       ("juul", {juul.id}), ("@juul", {juul.id})):
        view.set_filter(text=typed)
        assert {e.person_id for e in event_rows(view.model)} == who, typed
    view.clear_filters()
    box = view.person_box
    view.ensure_people()
    assert [box.itemText(i) for i in range(box.count())] == ["", "Anaïs Çelik", "Anna de Wit", "@juul.maakt"]
    completer = box.completer()
    for typed, wanted in (("anais", ["Anaïs Çelik"]), ("@juul", ["@juul.maakt"]), ("de wit", ["Anna de Wit"])):
        completer.setCompletionPrefix(typed)
        assert [completer.completionModel().index(r, 0).data() for r in range(completer.completionCount())] == wanted
    box.setEditText("anais celik")  # her whole name without its accents picks her
    view._person_typed()
    assert view.current_filter().person_id == anais.id
    # Somebody added since is found too once the filter is filled again.
    Person.create(name="Émile Nieuw")
    view.refresh()
    box.setEditText("")
    view._people_stale = True
    view.ensure_people()
    completer.setCompletionPrefix("emile")
    assert [completer.completionModel().index(r, 0).data() for r in range(completer.completionCount())] == [
        "Émile Nieuw"]
