"""The ladder over the real store: the demo, acting on steps, the CLI and the dialog."""

import json
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QGuiApplication

from desktop import cli
from desktop.presentation import due_texts
from desktop.store import due, settings
from desktop.store.db import close_database
from desktop.store.models import Collaboration, Deliverable, Event, Person, ReminderState, Strike

from .conftest import NOW

AMS = ZoneInfo("Europe/Amsterdam")


def to_local(moment):
    return moment.replace(tzinfo=timezone.utc).astimezone(AMS)


@pytest.fixture
def demo(demo_db):
    settings.set("time_zone", "Europe/Amsterdam")
    return demo_db


def by_name(items):
    return {i.person_name: i for i in items}


def test_demo_has_one_item_per_step_a_check_in_and_nothing_for_the_punctual(demo):
    items = due.due_now(NOW)
    deliverables = {i.step: i.person_name for i in items if i.kind == "deliverable"}
    assert set(deliverables) == {"1", "2", "3", "4"}
    assert any(i.kind == "shipment" and i.step == "received" for i in items)
    assert "Emma Visser" not in by_name(items)  # posted on time
    assert len({i.person_id for i in items}) == len(items)  # one item per person


def test_sent_logs_an_event_and_moves_the_ladder(demo):
    sanne = by_name(due.due_now(NOW))["Sanne de Vries"]
    assert sanne.step == "1"
    text = due_texts.compose(sanne, NOW).body
    event = due.mark_sent(sanne, NOW, "instagram", text)
    assert (event.kind, event.direction, event.channel, event.step, event.text) == ("reminder", "out", "instagram", "1", text)
    assert ReminderState.get(ReminderState.key == sanne.key).status == "sent"
    assert "Sanne de Vries" not in by_name(due.due_now(NOW + timedelta(hours=3)))
    later = by_name(due.due_now(NOW + timedelta(hours=25)))["Sanne de Vries"]
    assert later.step == "2" and later.template == "ladder.2"


def test_a_reply_pauses_the_ladder_and_a_new_deadline_restarts_it(demo):
    noor = by_name(due.due_now(NOW))["Noor Bakker"]
    due.mark_reply(noor, NOW, "instagram", "Sorry, ik post hem morgen!")

    def post_items(now):
        return [i for i in due.plan(now) if any(p.kind == "deliverable" and p.subject_id == noor.subject_id
                                                 for p in i.parts)]
    # her answer pauses the late post (her TikTok, due in ten days, has its own ladder): not
    # asked about for a week; still not posted then, asked again from the first step
    # (walk-through finding 1: an answer used to end the chase for good)
    assert not [i for i in post_items(NOW + timedelta(days=3)) if i.due <= NOW + timedelta(days=3)]
    [back] = post_items(NOW + timedelta(days=3))
    assert back.step == "answered" and to_local(back.own_due) == datetime(2026, 12, 1, 9, 0, tzinfo=AMS)
    # its words know she wrote: no "I haven't heard from you" (walk-through 2, finding A)
    body = due_texts.compose(back, NOW + timedelta(days=8)).body
    assert "Bedankt voor je bericht van maandag 23 november" in body and "niets van je gehoord" not in body, body
    # a second answer in the meantime moves it on again
    due.mark_reply(noor, NOW + timedelta(days=5), "instagram", "Echt morgen!")
    [later] = post_items(NOW + timedelta(days=8))
    assert later.step == "answered" and to_local(later.own_due) == datetime(2026, 12, 7, 9, 0, tzinfo=AMS)
    # a new deadline after her answers starts the ladder afresh, from step 1
    d = Deliverable.get_by_id(noor.subject_id)
    d.deadline = NOW + timedelta(days=6)
    d.save()
    again = by_name(due.plan(NOW + timedelta(days=6, hours=2)))["Noor Bakker"]
    assert again.step == "1"


def test_snooze_moves_and_dismiss_moves_on(demo):
    lotte = by_name(due.due_now(NOW))["Lotte Janssens"]
    due.snooze(lotte, NOW, NOW + timedelta(hours=1))
    assert "Lotte Janssens" not in by_name(due.due_now(NOW))
    assert [i.key for i in due.due_now(NOW + timedelta(hours=1)) if i.person_name == "Lotte Janssens"] == [lotte.key]
    due.dismiss(lotte, NOW)
    nxt = by_name(due.plan(NOW))["Lotte Janssens"]
    assert nxt.step == "3" and nxt.due > NOW


def test_after_step_four_the_strike_marks_the_collaboration_not_delivered(demo):
    fleur = by_name(due.due_now(NOW))["Fleur Peeters"]
    assert fleur.step == "4"
    due.mark_sent(fleur, NOW, "instagram", due_texts.compose(fleur, NOW).body)
    # "if there's still no reply from you by Monday 30 November" (seven days on): not proposed before
    # that Monday is over, then the morning after
    body = due_texts.compose(fleur, NOW).body
    assert "op maandag 30 november nog geen reactie" in body, body
    assert "Fleur Peeters" not in by_name(due.due_now(NOW + timedelta(days=7, hours=10)))  # Monday 20:30
    strike_item = by_name(due.due_now(NOW + timedelta(days=8, hours=1)))["Fleur Peeters"]
    assert strike_item.step == "strike" and strike_item.action == "strike"
    before = Strike.select().count()
    settings.set("strikes_to_inactive", 2)  # Fleur has one strike already: this one makes two
    due.apply_strike(strike_item, NOW + timedelta(days=8, hours=1), **due_texts.strike_words())
    assert Strike.select().count() == before + 1
    collab = Deliverable.get_by_id(fleur.subject_id).collaboration
    assert Collaboration.get_by_id(collab.id).status == "failed"
    assert Collaboration.get_by_id(collab.id).ended_at is not None
    assert Person.get(Person.name == "Fleur Peeters").status == "inactive"  # the policy, as for any strike
    assert "Fleur Peeters" not in by_name(due.plan(NOW + timedelta(days=10)))


@pytest.mark.parametrize("where", ["dialog", "vandaag"])
def test_no_strike_ends_the_collaboration_as_the_final_notice_said(qtbot, demo, translator, where, monkeypatch):
    """Walk-through finding 8: 'Geen waarschuwing' after the final notice left the
    collaboration open for ever, its post off every list, although the notice said it
    would end. Without a strike it ends now too, not held against her: from the step's
    dialog and from Vandaag's button (reminders.mark_done) alike."""
    from desktop import reminders
    from desktop.domain.notify import Announcement
    from desktop.notifications import DONE, buttons_for
    from desktop.presentation import event_texts

    fleur = by_name(due.due_now(NOW))["Fleur Peeters"]
    due.mark_sent(fleur, NOW, "instagram", due_texts.compose(fleur, NOW).body)
    at = NOW + timedelta(days=8, hours=1)
    strike_item = by_name(due.due_now(at))["Fleur Peeters"]
    assert DONE not in dict(buttons_for(Announcement([strike_item], summary=False)))  # decided in its dialog
    with pytest.raises(ValueError):
        due.dismiss(strike_item, at)
    strikes = Strike.select().count()
    if where == "dialog":
        from desktop.views import dialogs

        offered = []  # the ending message offered after the decision, answered "Not now"
        monkeypatch.setattr(dialogs, "run", lambda d: offered.append(d.windowTitle()) and False)
        dialog = make_dialog(qtbot, strike_item)
        assert dialog.dismiss_button.text() == "Beëindigen zonder waarschuwing"
        with qtbot.waitSignal(dialog.acted):
            dialog.dismiss_button.click()
        assert len(offered) == 1, offered
    else:
        reminders.mark_done([strike_item], at)
    collab = Collaboration.get_by_id(Deliverable.get_by_id(fleur.subject_id).collaboration_id)
    assert collab.status == "ended" and collab.ended_at is not None and Strike.select().count() == strikes
    assert "Fleur Peeters" not in by_name(due.plan(NOW + timedelta(days=30)))
    ended = Event.select().where(Event.fact == "collab_status").order_by(Event.id.desc()).first()
    assert event_texts.render(ended.fact, ended.params).endswith("Beëindigd na de laatste herinnering, zonder waarschuwing.")


def test_belgian_formal_message_in_the_recipients_locale_whatever_the_ui_language(demo):
    from desktop import i18n

    i18n.set_language("en")
    fleur = by_name(due.due_now(NOW))["Fleur Peeters"]
    body = due_texts.compose(fleur, NOW).body
    assert body.startswith("Beste Fleur") and "uw story met uw Ring Golf" in body
    assert "€\xa024,95" in body and "Zilver & Zo" in body


def run_cli(*args):
    code = cli.main(list(args))
    close_database()
    return code


def test_cli_due_json(data_dir, capsys):
    assert run_cli("demo") == 0
    capsys.readouterr()
    # the demo is dated from the real clock: look a day ahead so every step has come due
    assert run_cli("--lang", "en", "due", "--json") == 0
    items = json.loads(capsys.readouterr().out)
    for item in items:
        assert {"kind", "person", "subject", "step", "channel", "due", "message"} <= set(item)
        assert item["kind"] in ("deliverable", "shipment", "reply", "custom_order", "gift")
    steps = {i["step"] for i in items if i["kind"] == "deliverable"}
    assert steps <= {1, 2, 3, 4}
    assert run_cli("due", "--at", "2026-12-07T10:00", "--json", "--lang", "nl") == 0
    json.loads(capsys.readouterr().out)
    assert run_cli("--lang", "en", "due", "--at", "yesterday") == 1
    assert "not a date" in capsys.readouterr().err
    for far in ("9999-12-31T23:59", "0001-01-01T00:00"):  # no day after (or before) them: told, no traceback
        assert run_cli("--lang", "en", "due", "--at", far) == 1
        assert f"“{far}” is not a date" in capsys.readouterr().err


def test_cli_due_text_is_in_the_chosen_language(demo, capsys):
    close_database()
    assert run_cli("due", "--lang", "nl", "--at", "2026-11-23T10:30+01:00") == 0
    out = capsys.readouterr().out
    assert "Stap 1: herinnering" in out and "Hoi Sanne" in out
    assert run_cli("due", "--lang", "nl", "--at", "2026-11-23T23:30+01:00") == 0
    out = capsys.readouterr().out.replace("\xa0", " ")  # quiet hours: what came up today waits through them
    assert "is er niets aan de beurt" not in out and "Stap 1: herinnering" in out
    assert "Tot dinsdag 24 november, 09:00 komen er geen nieuwe herinneringen bij. Deze stond al klaar." in out


def test_cli_due_with_nothing_to_do_says_so(database, capsys):
    assert run_cli("due", "--lang", "en", "--at", "2026-11-23T10:00") == 0
    assert capsys.readouterr().out.startswith("Nothing is due ")
    assert run_cli("due", "--lang", "en", "--json", "--at", "2026-11-23T10:00") == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("at, until", [
    ("2026-11-23T23:30", "2026-11-24T09:00:00+01:00"),  # an evening, in the quiet hours
    ("2026-11-24T07:45", "2026-11-24T09:00:00+01:00"),  # before 09:00 the next morning
    ("2026-11-29T12:00", "2026-11-30T09:00:00+01:00"),  # a Sunday
    ("2026-12-26T11:00", "2026-12-28T09:00:00+01:00"),  # Boxing Day (a Saturday), then a Sunday
])
def test_cli_due_lists_what_the_tray_counts(demo, at, until):
    """Review walk: `afspraak due` said nothing was due while the tray counted nine, on
    Sundays, holidays, before 09:00 and in the evening: it listed only ``due <= now``. It
    lists what the tray and Vandaag do (``followup.to_do``); what waits through a day off or
    the quiet hours says until when, in words and in its JSON's ``waits_until``."""
    import contextlib
    import io

    from desktop import cli_due, reminders

    now = cli_due.parse_moment(at)
    tray = reminders.due_items(now)
    assert len(tray) >= 5
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli_due.due_listing(at, True) == 0
    listed = json.loads(out.getvalue())
    assert [i["key"] for i in listed] == [i.key for i in tray]
    assert {i["waits_until"] for i in listed} == {until}
    assert all(i["due"] < until for i in listed)  # when each came up: before the day off or the night
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli_due.due_listing(at, False) == 0
    text = out.getvalue()
    assert "is er niets aan de beurt" not in text and text.count("── ") == len(tray)
    assert text.count("komen er geen nieuwe herinneringen bij") == len(tray)


# --- the dialog ----------------------------------------------------------------------

def make_dialog(qtbot, item, now=NOW):
    from desktop.views.due_dialog import DueStepDialog

    dialog = DueStepDialog(item, now=lambda: now)
    qtbot.addWidget(dialog)
    return dialog


def test_dialog_sends_and_the_ladder_moves(qtbot, demo, translator, monkeypatch):
    from desktop.views import due_dialog

    opened = []
    monkeypatch.setattr(due_dialog, "open_url", lambda url: opened.append(url) or True)
    sanne = by_name(due.due_now(NOW))["Sanne de Vries"]
    dialog = make_dialog(qtbot, sanne)
    assert "Hoi Sanne" in dialog.message.toPlainText()
    assert dialog.current_channel() == "instagram"
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.text()
    dialog.open_button.click()
    assert opened == ["https://www.instagram.com/sanne.styled/"]
    dialog.channel.setCurrentIndex(dialog.channel.findData("email"))
    assert dialog.open_button.text() == "Openen in mailprogramma"
    dialog.open_button.click()
    assert opened[-1].startswith("mailto:sanne@example.nl?subject=Even%20een%20berichtje") and "body=Hoi%20Sanne" in opened[-1]
    dialog.message.setPlainText("Hoi Sanne, lukt de reel nog?")
    with qtbot.waitSignal(dialog.acted) as signal:
        dialog.sent_button.click()
    assert signal.args == ["sent"]
    event = Event.select().order_by(Event.id.desc()).first()
    assert (event.kind, event.channel, event.direction, event.text) == (
        "reminder", "email", "out", "Hoi Sanne, lukt de reel nog?")
    assert by_name(due.plan(NOW))["Sanne de Vries"].step == "2"


def accept_day(monkeypatch, typed: str | None = None, asked: list | None = None):
    """Replace dialogs.run for the day dialog: type ``typed`` (else keep today), press OK."""
    from desktop.views import dialogs

    def run(form):
        if asked is not None:
            asked.append((form.windowTitle(), form.w("prompt").text()))
        if typed is not None:
            form.set_day(typed)
        form.buttons.accepted.emit()
        return form.result() == form.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run", run)


def test_dialog_reply_pauses_the_ladder(qtbot, demo, translator, monkeypatch):
    lotte = by_name(due.due_now(NOW))["Lotte Janssens"]
    dialog = make_dialog(qtbot, lotte)
    accept_day(monkeypatch)
    with qtbot.waitSignal(dialog.acted):
        dialog.reply_button.click()
    assert Event.select().where(Event.person == lotte.person_id, Event.direction == "in", Event.at == NOW).exists()
    assert "Lotte Janssens" not in by_name(due.due_now(NOW + timedelta(days=5)))
    back = by_name(due.plan(NOW + timedelta(days=5)))["Lotte Janssens"]  # a week on, thanking her for her message
    assert back.step == "answered" and to_local(back.own_due) == datetime(2026, 12, 1, 9, 0, tzinfo=AMS)


def test_dialog_whatsapp_link_and_snooze_until_tomorrow(qtbot, demo, translator, monkeypatch):
    from desktop.views import due_dialog

    opened = []
    monkeypatch.setattr(due_dialog, "open_url", lambda url: opened.append(url) or True)
    person = Person.get(Person.name == "Sanne de Vries")
    person.whatsapp = "+31 6 1234 5600"
    person.save()
    sanne = by_name(due.due_now(NOW))["Sanne de Vries"]
    dialog = make_dialog(qtbot, sanne)
    dialog.channel.setCurrentIndex(dialog.channel.findData("whatsapp"))
    dialog.open_button.click()
    assert opened[-1].startswith("https://wa.me/31612345600?text=Hoi%20Sanne")
    dialog.snooze_tomorrow.trigger()
    assert "Sanne de Vries" not in by_name(due.due_now(NOW + timedelta(hours=5)))
    tomorrow = by_name(due.plan(NOW))["Sanne de Vries"]
    assert tomorrow.key == sanne.key and tomorrow.due == NOW.replace(hour=8, minute=0) + timedelta(days=1)


def test_influencer_pane_lists_reminders_and_opens_the_dialog(qtbot, demo, translator, monkeypatch):
    from desktop.views import due_dialog
    from desktop.views.influencers import InfluencersView
    from PySide6.QtWidgets import QPushButton

    shown = []
    monkeypatch.setattr(due_dialog, "utcnow", lambda: NOW)
    monkeypatch.setattr(due_dialog.DueStepDialog, "show", lambda self: shown.append(self.item))
    view = InfluencersView()
    qtbot.addWidget(view)
    view.refresh()
    fleur = Person.get(Person.name == "Fleur Peeters")
    view.show_detail(fleur.id)
    buttons = [b for b in view.detail.findChildren(QPushButton) if b.objectName().startswith("openDue_")]
    assert len(buttons) == 1 and buttons[0].text() == "Openen"
    buttons[0].click()
    assert shown and shown[0].person_name == "Fleur Peeters" and shown[0].step == "4"


def test_subject_titles_in_bulk_name_what_each_item_is_about(demo):
    from desktop import i18n
    from desktop.domain.followup import DueItem
    from desktop.labels import label
    from desktop.store.models import CustomOrder, Shipment

    i18n.set_language("en")
    items = due.plan(NOW + timedelta(days=3))
    titles = due_texts.subject_titles(items)
    assert titles == [due_texts.subject_title(i) for i in items]
    seen = set()
    for item, title in zip(items, titles):
        if item.subject_type == "deliverable":
            d = Deliverable.get_by_id(item.subject_id)
            kinds = list(dict.fromkeys(label("deliverable", p.details.get("what")) for p in item.parts
                                       if p.kind == "deliverable"
                                       and p.details.get("collaboration_id") == d.collaboration_id))
            # every kind the item is about, of its collaboration (review 26): "(Story and Post)"
            assert title == f"{d.collaboration.title or '(untitled)'} ({' and '.join(kinds)})", title
        elif item.subject_type == "shipment":
            s = Shipment.get_by_id(item.subject_id)
            assert title.startswith(f"parcel sent {i18n.format_date(s.sent_at)}")
            assert title.endswith(f" · {s.collaboration.title}") if s.collaboration_id else True
        elif item.subject_type == "custom_order":
            assert title == f"order {CustomOrder.get_by_id(item.subject_id).order_number}"
        seen.add(item.subject_type)
    assert {"deliverable", "shipment", "custom_order"} <= seen
    # An answer overdue names the collaboration her message was about (test_message_review3.py);
    # unknown subjects say what they are.
    from desktop.store.models import Event

    person = Collaboration.get(Collaboration.status == "agreed").person
    newest = (Collaboration.select().where(Collaboration.person == person,
                                           Collaboration.status.in_(due.ACTIVE_COLLABS))
              .order_by(Collaboration.id.desc()).first())
    message = Event.create(at=NOW - timedelta(days=4), kind="message", direction="out", channel="email",
                           text="Vraagje", person=person, subject_type="collaboration", subject_id=newest.id)
    reply = DueItem(person.id, person.name, "reply", "event", message.id, "1", "", NOW, "k", "")
    gone = DueItem(person.id, person.name, "deliverable", "deliverable", 999999, "1", "", NOW, "k2", "")
    assert due_texts.subject_titles([reply, gone]) == [f"reply to your message · {newest.title}", "deliverable 999999"]


@pytest.mark.parametrize("step_hours", [None, [6, 30, 54, 80]])
def test_the_scan_of_what_is_due_now_equals_the_whole_plan_filtered(demo, step_hours):
    """due_now loads only the promises that can be due and plans only what is due: the
    same items as the whole week's plan filtered to now, hour by hour over a fortnight,
    for everyone and for each person, after acting on steps and under other step times."""
    from desktop.domain import followup

    if step_hours:
        settings.set("ladder_step_hours", step_hours)
    first = due.due_now(NOW)
    due.mark_sent(first[0], NOW, first[0].channel, "Hoi!")  # a step acted on moves that person's ladder
    due.snooze(first[1], NOW, NOW + timedelta(hours=20))
    due.dismiss(first[2], NOW)
    people = sorted({i.person_id for i in due.plan(NOW)})
    seen = 0
    for hours in range(-48, 14 * 24, 5):
        now = NOW + timedelta(hours=hours)
        expected = followup.due_now(due.plan(now), now)
        assert due.due_now(now) == expected, hours
        seen += len(expected)
    for person_id in people:
        for hours in (0, 30, 100):
            now = NOW + timedelta(hours=hours)
            assert due.due_now(now, person_id) == followup.due_now(due.plan(now, person_id), now)
    assert seen > 100  # the comparison is not between empty lists


def test_one_persons_plan_is_her_part_of_the_whole_plan(demo):
    """Her pane asks the plan of one person, through queries of their own (from her own
    parcels and messages, docs/PERFORMANCE.md round 19): the same items as the whole plan's
    for her, at moments over a fortnight, after a message sent today (one contact a day)."""
    first = due.due_now(NOW)
    due.mark_sent(first[0], NOW, first[0].channel, "Hoi!")
    mila = Person.get(Person.name == "Mila Smit")  # a question of four days ago, unanswered
    Event.create(at=NOW - timedelta(days=4), kind="message", channel="instagram", direction="out",
                 text="Heb je het pakketje al?", person=mila, subject_type="collaboration",
                 subject_id=Collaboration.get(Collaboration.person == mila).id)
    kinds = set()
    for hours in range(-24, 14 * 24, 19):
        now = NOW + timedelta(hours=hours)
        whole = due.plan(now)
        for person_id in sorted({i.person_id for i in whole}):
            hers = [i for i in whole if i.person_id == person_id]
            assert due.plan(now, person_id) == hers, (hours, person_id)
            kinds |= {part.kind for i in hers for part in i.parts}
        nobody = max(i.person_id for i in whole) + 1000
        assert due.plan(now, nobody) == []
    assert {"shipment", "reply", "deliverable"} <= kinds  # the rewritten queries are compared


def test_one_persons_promises_are_read_from_her_own_rows(demo):
    """The per-person queries start from her rows (the person indexes), not from every
    live collaboration or every message of the window (6 and 2 ms a pane on the large shop)."""
    from desktop.store import due as store_due
    from desktop.store.db import db
    from desktop.store.promises import parcels, replies

    for sql, params in ((parcels._OPEN_OF_ONE, [None] * parcels._OPEN_OF_ONE.count("?")),
                        (replies._LATEST_OUT_ONE, ["[]", "2026-01-01", 1]),
                        (store_due._RECENT_OUT_ONE, [1, "2026-01-01"])):
        plan = [row[3] for row in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()]
        tables = {"event", "shipment", "collaboration", "content", "s", "c", "ct"}
        assert not [step for step in plan if step.startswith("SCAN") and step.split()[1] in tables], plan
        # Her parcels or messages found through her id (whichever index a SQLite version picks
        # for the rest): the whole shop's queries only filtered the rows they read by it.
        assert any(step.startswith(("SEARCH s ", "SEARCH event ")) and "person_id=?" in step for step in plan), plan
        if sql is parcels._OPEN_OF_ONE:  # from her parcels to their collaborations, not the other way
            assert next(step for step in plan if step.startswith("SEARCH")).startswith("SEARCH s "), plan


def test_a_reply_logged_the_next_day_counts_from_the_day_it_came(qtbot, demo, translator, monkeypatch):
    """Audit 11, F3: her answer of Sunday, logged on Monday morning, was thanked for as a
    message of Monday and the week's wait counted from Monday."""
    from desktop.presentation import due_texts

    lotte = by_name(due.due_now(NOW))["Lotte Janssens"]
    dialog = make_dialog(qtbot, lotte)
    asked = []
    accept_day(monkeypatch, "22-11-2026", asked)
    with qtbot.waitSignal(dialog.acted):
        dialog.reply_button.click()
    assert asked == [("Antwoord van Lotte Janssens", "Op welke dag heeft Lotte Janssens geantwoord? De herinneringen "
                      "tellen vanaf die dag, en de volgende bedankt Lotte Janssens voor het bericht van die dag.")]
    reply = Event.select().where(Event.person == lotte.person_id, Event.direction == "in").order_by(Event.id.desc()).get()
    assert to_local(reply.at) == datetime(2026, 11, 22, 12, 0, tzinfo=AMS)
    back = by_name(due.plan(NOW + timedelta(days=5)))["Lotte Janssens"]  # a week after Sunday
    assert back.step == "answered" and to_local(back.own_due).date() == datetime(2026, 11, 30).date()
    assert "zondag 22 november" in due_texts.compose(back, back.own_due).body


def test_a_reply_cannot_come_on_a_day_still_to_come(qtbot, demo, translator, monkeypatch):
    from desktop.views import day_dialog

    lotte = by_name(due.due_now(NOW))["Lotte Janssens"]
    form = day_dialog.reply_received(None, lotte, "email")
    qtbot.addWidget(form)
    replies = Event.select().where(Event.direction == "in").count()
    form.set_day("24-11-2026")
    form.buttons.accepted.emit()
    assert form.error_text("day") == ("Lotte Janssens kan niet geantwoord hebben op een dag die nog moet komen: kies "
                                      "vandaag of een eerdere dag.")
    assert Event.select().where(Event.direction == "in").count() == replies


def test_a_reminder_sent_yesterday_is_logged_on_that_day(
        qtbot, demo, translator, monkeypatch):
    """"Eerder verstuurd…" on a reminder: she sent it from her phone on Sunday and marks it
    on Monday. Marked at the click, it went on the timeline on Monday and the next step
    came a day late; now it is logged on Sunday (midday, as a reply logged later)."""
    sanne = by_name(due.due_now(NOW))["Sanne de Vries"]
    dialog = make_dialog(qtbot, sanne)
    dialog.message.setPlainText("Hoi Sanne, lukt de reel nog?")
    assert not dialog.sent_earlier_button.isHidden() and dialog.sent_earlier_button.text() == "Eerder verstuurd…"
    asked = []
    accept_day(monkeypatch, "22-11-2026", asked)
    with qtbot.waitSignal(dialog.acted) as signal:
        dialog.sent_earlier_button.click()
    assert signal.args == ["sent"]
    assert asked == [("Herinnering aan Sanne de Vries eerder verstuurd",
                      "Op welke dag heb je dit bericht aan Sanne de Vries verstuurd? Het komt met die datum op de "
                      "tijdlijn, en de volgende herinnering telt vanaf die dag.")]
    event = Event.select().order_by(Event.id.desc()).first()
    sunday = datetime(2026, 11, 22, 12, 0, tzinfo=AMS)
    assert (event.kind, event.direction, event.text, to_local(event.at)) == (
        "reminder", "out", "Hoi Sanne, lukt de reel nog?", sunday)
    state = ReminderState.get(ReminderState.key == sanne.key)
    assert (state.status, to_local(state.at)) == ("sent", sunday)


@pytest.mark.parametrize("told", [True, False])
def test_a_step_marked_days_after_it_went_out_counts_from_that_day(demo, told):
    """Step 1 sent on Monday from her phone, marked on Thursday: told the day, step 2 keeps
    its day's spacing from Monday and is due on Thursday at once; marked at the click (as
    before), it waits until Friday."""
    from datetime import date

    sanne = by_name(due.due_now(NOW))["Sanne de Vries"]
    thursday = NOW + timedelta(days=3)
    event = due.mark_sent(sanne, thursday, "instagram", "Hoi!", day=date(2026, 11, 23) if told else None)
    sent = datetime(2026, 11, 23, 12, 0, tzinfo=AMS) if told else to_local(thursday)
    assert to_local(event.at) == sent
    step_two = by_name(due.plan(thursday))["Sanne de Vries"]
    assert step_two.step == "2"
    gap = timedelta(hours=settings.get("ladder_step_hours")[1] - settings.get("ladder_step_hours")[0])
    assert to_local(step_two.own_due) == sent + gap
    assert ("Sanne de Vries" in by_name(due.due_now(thursday))) is told


def test_a_reminder_cannot_be_sent_on_a_day_still_to_come(qtbot, demo, translator):
    from desktop.views import day_dialog

    sanne = by_name(due.due_now(NOW))["Sanne de Vries"]
    form = day_dialog.message_sent_earlier(None, sanne, "instagram", "Hoi!")
    qtbot.addWidget(form)
    before = Event.select().count(), ReminderState.select().count()
    form.set_day("24-11-2026")
    form.buttons.accepted.emit()
    assert form.error_text("day") == ("Het bericht kan niet verstuurd zijn op een dag die nog moet komen: kies "
                                      "vandaag of een eerdere dag.")
    assert (Event.select().count(), ReminderState.select().count()) == before
