"""What a ladder message says and when it comes, over the real store (issue 17).

The messages are rendered through the store's compose path (``due_texts.compose`` and the
CLI's ``cli_due.as_dict``), in Dutch, and their text is checked: a late deliverable's
reminders never ask whether her parcel arrived, a final notice never cites a check-in,
step 1 never comes on the deadline day, and the views show each item's own moment.
The rules themselves: tests/test_ladder_composition.py.
"""

import json
import time as systime
from datetime import datetime, timedelta, timezone

import pytest

from desktop import cli, cli_due, i18n
from desktop.presentation import messages
from desktop.presentation import due_texts
from desktop.store import due, settings
from desktop.store.db import close_database
from desktop.store.models import Collaboration, Deliverable, Person, Product, Shipment, ShipmentItem

from .conftest import NOW

AMS = "Europe/Amsterdam"
LADDER = {"Sanne de Vries": "1", "Lotte Janssens": "2", "Noor Bakker": "3", "Fleur Peeters": "4"}


@pytest.fixture
def demo(demo_db):
    settings.set("time_zone", AMS)
    return demo_db


def local(y, m, d, h, mi=0):
    """A wall time in Amsterdam as naive UTC."""
    from zoneinfo import ZoneInfo

    return datetime(y, m, d, h, mi, tzinfo=ZoneInfo(AMS)).astimezone(timezone.utc).replace(tzinfo=None)


def late_collaboration(person: Person) -> Collaboration:
    """The demo collaboration of her late deliverable."""
    return (Collaboration.select().join(Deliverable)
            .where(Collaboration.person == person, Deliverable.delivered_at.is_null(), Deliverable.deadline < NOW)
            .get())


def open_parcel(person: Person, collaboration: Collaboration | None, product="Naamketting", days_ago=6) -> Shipment:
    """A parcel sent ``days_ago`` and not confirmed as received."""
    sent_at = NOW - timedelta(days=days_ago)
    shipment = Shipment.create(person=person, collaboration=collaboration, status="sent", sent_at=sent_at,
                               value_cents=4295, created_at=sent_at)
    ShipmentItem.create(shipment=shipment, product=Product.get(Product.name == product))
    return shipment


def another_collaboration(person: Person) -> Collaboration:
    """A second, live collaboration whose deliverable is weeks away."""
    c = Collaboration.create(person=person, title="Naamketting in een story", status="shipped",
                             agreed_at=NOW - timedelta(days=8), response_days=3)
    Deliverable.create(collaboration=c, kind="story", deadline=NOW + timedelta(days=20))
    return c


def parcel_phrase(person: Person, product="Naamketting") -> str:
    """How a reminder would ask this person about her parcel (her language and form): the
    closing question {pakketvraag} of a step-1 reminder."""
    return messages.parcel_question({"product": product}, due_texts.recipient(person))


def by_name(items):
    return {i.person_name: i for i in items}


# --- the content -------------------------------------------------------------------------

def test_a_late_reel_and_her_open_parcel_never_share_a_message(demo):
    """The issue's case: each of the four ladder steps with an open "received?" check-in
    for the same collaboration. No step asks about the parcel; step 4 cites only the
    agreement."""
    people = {name: Person.get(Person.name == name) for name in LADDER}
    for person in people.values():
        open_parcel(person, late_collaboration(person))
    items = by_name(due.due_now(NOW))
    for name, step in LADDER.items():
        item = items[name]
        assert item.step == step and [p.kind for p in item.parts] == ["deliverable"], name
        body = due_texts.compose(item, NOW).body
        phrase = parcel_phrase(people[name])
        assert phrase and phrase not in body, (name, body)
        assert "pakketje met je Naamketting" not in body
    # the check-in is not asked later on its own either, while the deliverable is late
    later = [i for i in due.plan(NOW) if i.person_name in LADDER]
    assert not any(p.kind == "shipment" for i in later for p in i.parts)


def test_without_the_rule_the_text_would_name_the_parcel(demo):
    """The text check above can fail: a check-in that IS cited (another collaboration's
    parcel, at step 1) is named in the rendered message."""
    sanne = Person.get(Person.name == "Sanne de Vries")
    open_parcel(sanne, another_collaboration(sanne))
    item = by_name(due.due_now(NOW))["Sanne de Vries"]
    assert item.step == "1" and [p.kind for p in item.parts] == ["deliverable", "shipment"]
    assert parcel_phrase(sanne) in due_texts.compose(item, NOW).body


def test_a_final_notice_never_cites_a_check_in_of_another_collaboration(demo):
    fleur = Person.get(Person.name == "Fleur Peeters")
    open_parcel(fleur, another_collaboration(fleur))
    final = by_name(due.due_now(NOW))["Fleur Peeters"]
    assert final.step == "4" and final.final and [p.kind for p in final.parts] == ["deliverable"]
    body = due_texts.compose(final, NOW).body
    assert parcel_phrase(fleur) not in body and "uw story met uw Ring Golf" in body
    due.mark_sent(final, NOW, final.channel, body)
    # the parcel question keeps its own message, the next day (never the same day)
    assert "Fleur Peeters" not in {i.person_name for i in due.due_now(NOW + timedelta(hours=5))
                                   if i.action == "message"}
    nxt = [i for i in due.due_now(NOW + timedelta(days=1)) if i.person_name == "Fleur Peeters" and i.action == "message"]
    assert [(i.step, [p.kind for p in i.parts]) for i in nxt] == [("received", ["shipment"])]
    assert "Naamketting" in due_texts.compose(nxt[0], NOW + timedelta(days=1)).body  # its own check-in template


def test_ten_days_of_afspraak_due_json_over_the_demo(demo):
    """What `afspraak due --json` gives each morning and afternoon for ten days, acting on
    every step it shows: steps 3 and 4 never name a parcel, step 4 cites only what is at
    its last step, no check-in or follow-up climbs past step 3, and each item's moment is
    its own step's."""
    people = {name: Person.get(Person.name == name) for name in LADDER}
    for name in ("Noor Bakker", "Fleur Peeters", "Lotte Janssens"):
        open_parcel(people[name], late_collaboration(people[name]))
    for name in ("Fleur Peeters", "Lotte Janssens"):
        open_parcel(people[name], another_collaboration(people[name]), product="Oorbellen Druppel", days_ago=5)
    phrases = {parcel_phrase(p, product) for p in people.values() for product in ("Naamketting", "Oorbellen Druppel")}
    seen: list[tuple[str, int | str]] = []
    zone = due.owner_zone()
    for day in range(10):
        for hour in (0, 5):
            now = NOW + timedelta(days=day, hours=hour)
            for item in [i for i in due.plan(now) if i.due <= now]:
                data = cli_due.as_dict(item, now)
                json.dumps(data, ensure_ascii=False)
                seen.append((data["person"], data["step"]))
                assert data["due"] == item.own_due.replace(tzinfo=timezone.utc).astimezone(zone).isoformat()
                assert data["due"] == data["parts"][0]["due"]
                kinds = [p["kind"] for p in data["parts"]]
                if data["step"] in (3, 4):
                    assert not any(phrase in data["message"] for phrase in phrases), data["message"]
                    assert "shipment" not in kinds
                if data["step"] == 4:  # the notice names its collaboration's late deliverables, nothing else
                    assert data["parts"][0]["step"] == 4 and set(kinds) == {"deliverable"}
                if data["kind"] in ("shipment", "reply"):
                    assert data["step"] in ("received", 1, 2, 3)
                if item.action == "message":
                    due.mark_sent(item, now, item.channel, data["message"])
                else:  # the lenient answer: the collaboration ends without a strike
                    due.end_without_strike(item, now, ending="Zonder waarschuwing beëindigd.")
    # not vacuous: the late ladders ran to the end, the other parcels were asked on their own
    for name in ("Noor Bakker", "Fleur Peeters"):
        assert {s for n, s in seen if n == name} >= {4, "strike"}, seen
    assert ("Fleur Peeters", "received") in seen and ("Lotte Janssens", 3) in seen


# --- the moment ----------------------------------------------------------------------------

def test_step_one_never_comes_on_the_deadline_day_whatever_the_computer_zone(demo, monkeypatch, capsys):
    """Sanne's reel is due today (18:00 in Amsterdam, the shop's zone): not missed today,
    in the scan, the plan and `afspraak due`, with the computer in New York or Tokyo;
    missed tomorrow morning. The same on the day the clocks go forward (28 March 2027)."""
    sanne = Person.get(Person.name == "Sanne de Vries")
    reel = Deliverable.get(Deliverable.collaboration == late_collaboration(sanne))

    def is_reel(part):
        return part.subject_type == "deliverable" and part.subject_id == reel.id
    for deadline, evening, morning in ((local(2026, 11, 23, 18), local(2026, 11, 23, 18, 30), local(2026, 11, 24, 9)),
                                       # Easter Sunday; Easter Monday is no working day either
                                       (local(2027, 3, 28, 18), local(2027, 3, 28, 20), local(2027, 3, 30, 9))):
        reel.deadline = deadline
        reel.save()
        for tz_env in ("America/New_York", "Asia/Tokyo"):
            with monkeypatch.context() as m:
                m.setenv("TZ", tz_env)
                systime.tzset()
                for now in (deadline, evening, deadline.replace(hour=20, minute=59)):
                    assert not any(is_reel(p) for i in due.due_now(now) for p in i.parts), (tz_env, now)
                    assert not any(is_reel(p) for i in due.plan(now) if i.due <= now for p in i.parts)
                [item] = [i for i in due.due_now(morning) if i.person_name == "Sanne de Vries"]
                assert item.step == "1" and item.own_due == morning
                assert "Sanne de Vries" not in {i.person_name for i in due.due_now(morning - timedelta(minutes=1))}
            systime.tzset()
        settings.set("time_zone", AMS)
    # the CLI, asked at 18:30 on the deadline day (its --at is the owner's wall time)
    reel.deadline = local(2026, 11, 23, 18)
    reel.save()
    close_database()
    assert cli.main(["due", "--json", "--lang", "nl", "--at", "2026-11-23T18:30"]) == 0
    close_database()
    assert "Sanne de Vries" not in {i["person"] for i in json.loads(capsys.readouterr().out)}
    assert cli.main(["due", "--json", "--lang", "nl", "--at", "2026-11-24T09:30"]) == 0
    close_database()
    [sanne_item] = [i for i in json.loads(capsys.readouterr().out) if i["person"] == "Sanne de Vries"]
    assert sanne_item["step"] == 1 and sanne_item["due"].startswith("2026-11-24T09:00")


def merged_item(person_name="Sanne de Vries"):
    """Sanne's step 1 (due this morning) with a parcel of no collaboration whose check-in
    came due on Saturday: one message, two moments (a check-in rides along at step 1 only)."""
    person = Person.get(Person.name == person_name)
    open_parcel(person, None, product="Oorbellen Druppel", days_ago=6)  # its check-in on Saturday
    item = by_name(due.due_now(NOW))[person_name]
    assert [p.kind for p in item.parts] == ["deliverable", "shipment"]
    assert item.own_due == item.parts[0].due != item.due == item.parts[1].due
    return item


def moment_text(moment):
    return i18n.format_moment(moment.replace(tzinfo=timezone.utc).astimezone(due.owner_zone()))


def test_the_dialog_shows_the_items_own_moment(qtbot, demo, translator):
    from desktop.views.due_dialog import DueStepDialog, due_lines

    item = merged_item()
    dialog = DueStepDialog(item, now=lambda: NOW)
    qtbot.addWidget(dialog)
    assert moment_text(item.own_due) in dialog.hint.text()
    assert moment_text(item.due) not in dialog.hint.text()
    assert moment_text(item.parts[1].due) in dialog.about.text()  # the check-in, with its own moment
    [(_item, line)] = due_lines([item], NOW)
    listed = [i18n.list_moment(m.replace(tzinfo=timezone.utc).astimezone(due.owner_zone()))
              for m in (item.own_due, item.due)]
    assert listed[0] in line and listed[1] not in line  # a list's short moment, the item's own


def test_vandaag_shows_the_items_own_moment(qtbot, demo, translator, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from desktop.views import today
    from desktop.views.main_window import MainWindow

    item = merged_item()
    monkeypatch.setattr(today, "utcnow", lambda: NOW)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_today()
    view = window.current_view()
    row = next(i for i, r in view.item_rows() if view.items[r.id].key == item.key)
    view.table.selectRow(row)
    labels = view.detail.findChildren(QLabel)
    texts = [label.text() for label in labels]
    bullets = [label.text() for label in labels if label.parentWidget().objectName() == "bulletItem"]
    shown = lambda moment: i18n.list_moment(moment.replace(tzinfo=timezone.utc).astimezone(due.owner_zone()))  # noqa: E731
    assert shown(item.own_due) in texts  # the "Due" field: the step's own moment
    assert shown(item.due) not in texts
    assert any(t.endswith(shown(item.parts[1].due)) for t in bullets)  # each part its own


@pytest.mark.parametrize("hour, minute", [(9, 5), (16, 0), (20, 50)])
def test_the_demo_shows_every_step_whatever_the_hour_it_is_made(database, hour, minute):
    """The demo's deadlines are dates (the end of a day, as the dialog stores them): made
    at any waking hour, steps 1 to 4 are due at once, not only at the suite's NOW."""
    from desktop import demo

    settings.set("time_zone", AMS)
    now = local(2026, 12, 2, hour, minute)  # Wednesday 2 December, the day
    demo.fill(now)
    steps = {i.person_name: i.step for i in due.due_now(now) if i.kind == "deliverable"}
    assert steps == LADDER


def test_the_dialog_says_since_only_for_a_step_whose_turn_came(qtbot, demo, translator):
    """Audit 9 (new user, F5): a step planned for tomorrow read "Aan de beurt sinds …" in the
    dialog while Vandaag's pane said "vanaf"."""
    from desktop.views.due_dialog import DueStepDialog

    item = merged_item()
    came = DueStepDialog(item, now=lambda: NOW)
    early = DueStepDialog(item, now=lambda: item.own_due - timedelta(hours=20))
    qtbot.addWidget(came)
    qtbot.addWidget(early)
    assert came.hint.text().startswith(f"Aan de beurt sinds {moment_text(item.own_due)}.")
    assert early.hint.text().startswith(f"Aan de beurt vanaf {moment_text(item.own_due)}.")
