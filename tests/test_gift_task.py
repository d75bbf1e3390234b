"""The gift still to send: the shop's own promise to an influencer (audit 9, F4).

A collaboration agreed with a gift and no parcel sent (none, or one packed and left "ready")
is a task for the owner on the morning of the second day after the agreement: in Vandaag,
the tray and ``afspraak due``, with what to do and a button that opens what sends it."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QPlainTextEdit, QPushButton

from desktop import i18n
from desktop.domain import followup
from desktop.domain.followup import LadderSettings, make_contact, make_promise
from desktop.presentation import due_texts, event_texts
from desktop.store import due, settings, shipping
from desktop.store.models import (
    Collaboration,
    CollaborationProduct,
    Deliverable,
    Event,
    Person,
    Shipment,
    ShipmentItem,
)
from desktop.views import dialogs, today
from desktop.views.shipping_dialogs import ShipmentDialog

from .conftest import NOW
from .helpers import make_window

AMS = ZoneInfo("Europe/Amsterdam")
S = LadderSettings(tz=AMS)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=AMS).astimezone(timezone.utc).replace(tzinfo=None)


# --- the rule ------------------------------------------------------------------------

def _plan(promise, now, contacts=()):
    people = {1: followup.PersonInfo(1, "Mila Smit")}
    return followup.plan([promise], people, contacts, [], S, now)


def test_a_gift_agreed_on_monday_is_a_task_on_wednesday_morning_and_her_messages_do_not_stop_it():
    agreed = utc(2026, 11, 16, 14, 30)  # a Monday afternoon
    promise = make_promise("gift", 1, "collaboration", 7, agreed, details={"collaboration_id": 7})
    [item] = _plan(promise, utc(2026, 11, 17, 12, 0))
    assert (item.kind, item.step, item.action, item.channel, item.template) == ("gift", "send", "task", "", "")
    assert item.due == utc(2026, 11, 18, 9, 0)  # Wednesday, when the quiet hours end
    assert item.due > utc(2026, 11, 17, 12, 0)  # not due on Tuesday: upcoming
    # her message ("where is my parcel?") does not answer the shop's own promise
    said = make_contact(1, utc(2026, 11, 18, 10, 0), "in", "instagram")
    [still] = _plan(promise, utc(2026, 11, 19, 12, 0), [said])
    assert still.key == item.key and still.due <= utc(2026, 11, 19, 12, 0)


def test_agreed_on_a_saturday_the_task_waits_for_monday_not_sunday():
    promise = make_promise("gift", 1, "collaboration", 7, utc(2026, 11, 21, 11, 0))  # Saturday
    [item] = _plan(promise, utc(2026, 11, 21, 12, 0))
    assert item.due == utc(2026, 11, 23, 9, 0)  # Monday 09:00: no step on a Sunday


# --- the store's scan ------------------------------------------------------------------

@pytest.fixture
def demo(demo_db):
    settings.set("time_zone", "Europe/Amsterdam")
    return demo_db


def _mila():
    return Person.get(Person.name == "Mila Smit")


def _gift_items(now=NOW):
    return [i for i in due.plan(now) if i.kind == "gift"]


def test_the_demo_has_milas_gift_to_send_and_packing_it_keeps_the_task_until_it_is_sent(demo):
    [item] = _gift_items()
    collab = Collaboration.get_by_id(item.subject_id)
    assert item.person_id == _mila().id and collab.status == "agreed" and item.due <= NOW
    facts = due_texts.gift_facts(item)
    [earrings] = [g.product_id for g in CollaborationProduct.select().where(CollaborationProduct.collaboration == collab)]
    assert facts["product_ids"] == [earrings] and facts["parcel_id"] is None
    assert facts["deadline"] == Deliverable.get(Deliverable.collaboration == collab).deadline
    # packed and left "ready" (F4: this hid the promise): still a task, now about the parcel
    parcel = Shipment.create(person=_mila(), collaboration=collab, status="ready")
    ShipmentItem.create(shipment=parcel, product=earrings)
    [packed] = _gift_items()
    assert packed.key == item.key and due_texts.gift_facts(packed)["parcel_id"] == parcel.id
    # sent: the promise is kept, the task is gone (and her deliverables are chased from then on)
    shipping.advance(parcel.id, "send", NOW)
    assert _gift_items() == [] and _gift_items(NOW + timedelta(days=30)) == []


def test_no_task_without_a_gift_or_once_it_is_with_her(demo):
    [item] = _gift_items()
    collab = Collaboration.get_by_id(item.subject_id)
    CollaborationProduct.delete().where(CollaborationProduct.collaboration == collab).execute()
    assert _gift_items() == []  # nothing agreed to send
    collab.products = "twee paar oorbellen naar keuze"  # agreed in words: still the shop's to send
    collab.save()
    [words] = _gift_items()
    facts = due_texts.gift_facts(words)
    assert facts["product_ids"] == [] and facts["gift_words"] == "twee paar oorbellen naar keuze"
    mila = _mila()
    mila.status = "blocked"  # no gift goes to a person the owner blocked
    mila.save()
    assert _gift_items() == []
    mila.status = "active"
    mila.save()
    assert len(_gift_items()) == 1
    collab.status = "received"  # handed over and marked received by hand
    collab.save()
    assert _gift_items() == []


def test_done_without_a_parcel_and_a_snooze_act_on_the_task(demo):
    [item] = _gift_items()
    due.snooze(item, NOW, NOW + timedelta(hours=20))
    assert [i for i in due.due_now(NOW) if i.kind == "gift"] == []
    [later] = _gift_items()
    assert later.due == utc(2026, 11, 24, 9, 0)  # 20 hours on is 06:30: when the quiet hours end
    due.dismiss(later, NOW)
    assert _gift_items(NOW + timedelta(days=3)) == []


def test_a_gift_handed_over_another_way_has_her_deliverables_chased(demo):
    """"Afgerond zonder pakket" (audit 10, F1): the gift reached her by hand. Her TikTok was
    never chased again (the collaboration still waited for a gift); now it moves on to
    "received" and the deliverable is chased after its deadline. Handed over too late for
    a deadline, that deadline moves on by the days the gift waited, as for a parcel."""
    [item] = _gift_items()
    collab = Collaboration.get_by_id(item.subject_id)
    deliverable = Deliverable.get(Deliverable.collaboration == collab)
    deadline = deliverable.deadline

    def chased(now):
        return [i for i in due.plan(now, person_id=_mila().id) if i.kind == "deliverable"]

    assert chased(deadline + timedelta(days=3)) == []  # waiting for the gift
    due.dismiss(item, NOW)
    assert Collaboration.get_by_id(collab.id).status == "received"
    assert Deliverable.get_by_id(deliverable.id).deadline == deadline  # in time: the deadline stays
    [step] = chased(deadline + timedelta(days=3))
    assert step.subject_id == deliverable.id
    assert _gift_items(NOW + timedelta(days=3)) == []


def test_a_gift_handed_over_after_the_deadline_moves_it_on(demo):
    [item] = _gift_items()
    collab = Collaboration.get_by_id(item.subject_id)
    deliverable = Deliverable.get(Deliverable.collaboration == collab)
    late = deliverable.deadline + timedelta(days=1)
    due.dismiss(item, late)
    from desktop.store.influencers import local_day

    moved = local_day(Deliverable.get_by_id(deliverable.id).deadline)
    agreed = local_day(collab.agreed_at or collab.created_at)
    usual = agreed + timedelta(days=4)  # sent on the reminder's day, two days after the agreement; two on the way
    planned = min(14, max(0, (local_day(deliverable.deadline) - usual).days))
    assert moved == local_day(late) + timedelta(days=planned)  # the days she would have had, from today
    assert moved > local_day(late)  # she has time again after it reached her
    event = Event.get(Event.fact == "deadlines_moved", Event.subject_id == collab.id)
    assert event_texts.shown(event).startswith("Cadeau ") and "zonder pakket gegeven" in event_texts.shown(event)


def test_a_gift_handed_over_days_before_it_was_recorded_moves_the_deadline_from_then(demo):
    """Audit 11, F1: handed over on 5 Dec, "Afgerond zonder pakket" pressed on 18 Dec: the
    deadline moved from the 18th, and her first reminder named a date she never agreed to."""
    from desktop.store.influencers import local_day

    [item] = _gift_items()
    collab = Collaboration.get_by_id(item.subject_id)
    deliverable = Deliverable.get(Deliverable.collaboration == collab)
    agreed = local_day(collab.agreed_at or collab.created_at)
    given = agreed + timedelta(days=20)
    due.dismiss(item, deliverable.deadline + timedelta(days=5), given_on=given)
    planned = min(14, max(0, (local_day(deliverable.deadline) - (agreed + timedelta(days=4))).days))
    expected = max(local_day(deliverable.deadline), given + timedelta(days=planned))
    assert expected > local_day(deliverable.deadline)  # given late: it moves
    assert local_day(Deliverable.get_by_id(deliverable.id).deadline) == expected  # from the day she got it


# --- the words ------------------------------------------------------------------------

@pytest.mark.parametrize("language, expected", [
    ("nl", ["Mila Smit wacht nog op het cadeau dat op woensdag 18 november 2026 is afgesproken: Creolen klein.",
            "„Pakket maken…” opent een nieuw pakket met het cadeau al ingevuld.",
            "Eerste deadline: zondag 13 december 2026. Zolang het cadeau niet verstuurd is, krijgt Mila Smit geen "
            "herinneringen over de afspraak"]),
    ("en", ["Mila Smit is still waiting for the gift agreed on Wednesday, 18 November 2026: Creolen klein.",
            "“Pack the parcel…” opens a new parcel with the gift filled in.",
            "First deadline: Sunday, 13 December 2026. Until the gift is sent, Mila Smit gets no reminders"]),
])
def test_what_to_do_names_the_gift_its_date_and_the_way_to_send_it(demo, translator, language, expected):
    i18n.set_language(language)
    [item] = _gift_items()
    words = due_texts.task_words(item, NOW)
    for part in expected:
        assert part.replace("\u00a0", " ") in words.replace("\u00a0", " "), words
    assert "{" not in words and "[" not in words
    # the day after the deadline it is no "first deadline" ahead (audit 10, F8)
    later = due_texts.task_words(item, datetime(2026, 12, 14, 9, 0))
    assert ("De eerste deadline, zondag 13 december 2026, is al voorbij." if language == "nl" else
            "The first deadline, Sunday, 13 December 2026, has already passed.") in later.replace("\u00a0", " ")
    assert "Eerste deadline:" not in later and "First deadline:" not in later
    # part agreed in words: the parcel holds the catalogue products only, and says so (audit 10, F5)
    Collaboration.update(products="een cadeaudoosje").where(Collaboration.id == item.subject_id).execute()
    mixed = due_texts.task_words(item, NOW)
    assert "een cadeaudoosje" in mixed and ("cadeau al ingevuld" not in mixed and "gift filled in" not in mixed)
    assert ("Niet in de catalogus, dus niet op het pakket in de app: een cadeaudoosje." if language == "nl"
            else "Not in the catalogue, so not on the parcel in the app: een cadeaudoosje.") in mixed
    Collaboration.update(products="").where(Collaboration.id == item.subject_id).execute()
    # packed: the words and the button point at the parcel in Shipments
    collab = Collaboration.get_by_id(item.subject_id)
    Shipment.create(person=_mila(), collaboration=collab, status="ready")
    words = due_texts.task_words(item, NOW)
    assert ("Zendingen („Klaar om te verzenden”)" if language == "nl" else "Shipments (“Ready to send”)") in words
    assert due_texts.gift_open_text(due_texts.gift_facts(item)) == ("Pakket openen" if language == "nl"
                                                                      else "Show the parcel")


@pytest.mark.parametrize("language, said", [
    ("nl", "Het cadeau uit de afspraak „{title}” is nog niet verstuurd: het verdwijnt uit Vandaag"),
    ("en", "The gift agreed in “{title}” has not been sent: it leaves Today"),
])
def test_blocking_her_says_her_unsent_gift_leaves_vandaag(qtbot, demo, translator, language, said):
    """Audit 10, F7: blocking Mila took her gift task off Vandaag without a word."""
    from desktop.views.small_dialogs import BlockDialog

    i18n.set_language(language)
    [item] = _gift_items()
    title = Collaboration.get_by_id(item.subject_id).title
    dialog = BlockDialog(None, _mila())
    qtbot.addWidget(dialog)
    assert said.format(title=title) in dialog.w("prompt").text()
    dialog.w("reason").setText("Reageert nooit")
    assert dialog.save()
    assert _gift_items() == []  # gone, as said
    sanne = BlockDialog(None, Person.get(Person.name == "Sanne de Vries"))
    qtbot.addWidget(sanne)
    assert "Vandaag" not in sanne.w("prompt").text() and "Today" not in sanne.w("prompt").text()


# --- in the window ----------------------------------------------------------------------

@pytest.fixture
def window(qtbot, demo, translator, monkeypatch):
    monkeypatch.setattr(today, "utcnow", lambda: NOW)
    return make_window(qtbot, "nl", view="today")


def _select_gift(window, qtbot):
    view = window.current_view()
    row = next(i for i, r in view.item_rows() if view.items[r.id].kind == "gift")
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: view.detail_footer.findChild(QPushButton, "todayOpen") is not None)
    return view


def test_vandaag_packs_the_gift_for_its_collaboration_and_the_sent_parcel_ends_the_task(window, qtbot, monkeypatch):
    view = _select_gift(window, qtbot)
    item = view.items[view.current_id]
    assert view.model.rows[view.table.currentIndex().row()].cells[2] == "Cadeau versturen"
    footer = view.detail_footer
    assert footer.findChild(QPushButton, "todayOpen").text() == "Pakket maken…"
    assert footer.findChild(QPushButton, "todayDone").text() == "Afgerond zonder pakket…"
    shown = []

    def ask(parent, person_id, product_ids, collaboration_id=None):
        form = ShipmentDialog(parent, person_id, product_ids, collaboration_id=collaboration_id)
        shown.append(form)
        form.set_values(tracking="", sent=True)  # the chosen collaboration is left as the task chose it
        assert form.accept()
        return form.result

    monkeypatch.setattr(dialogs, "ask_shipment", ask)
    footer.findChild(QPushButton, "todayOpen").click()
    [form] = shown
    assert form.collaboration.currentData() == item.subject_id  # hers, not "a new collaboration"
    assert [p.id for p, _q in form.items] == due_texts.gift_facts(item)["product_ids"]
    parcel = Shipment.select().where(Shipment.collaboration == item.subject_id).get()
    assert parcel.status == "sent"
    qtbot.waitUntil(lambda: not any(i.kind == "gift" for i in window.view("today").items))


def test_a_packed_parcel_opens_in_zendingen(window, qtbot):
    view = window.current_view()
    collab = next(i for i in view.items if i.kind == "gift").subject_id
    earrings = CollaborationProduct.get(CollaborationProduct.collaboration == collab).product
    parcel = Shipment.create(person=_mila(), collaboration=collab, status="ready")
    ShipmentItem.create(shipment=parcel, product=earrings)
    window.refresh_all()  # as the parcel dialog does after packing it
    view = _select_gift(window, qtbot)
    button = view.detail_footer.findChild(QPushButton, "todayOpen")
    assert button.text() == "Pakket openen"
    button.click()
    assert window.current_view().key == "shipments"
    assert window.current_view().current_id == parcel.id


def test_done_without_a_parcel_takes_it_off_the_list(window, qtbot, monkeypatch):
    from desktop.views import dialogs

    asked = []

    def run(form):  # the day it reached her: today, as offered
        asked.append(form.windowTitle())
        form.buttons.accepted.emit()
        return form.result() == form.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run", run)
    view = _select_gift(window, qtbot)
    view.detail_footer.findChild(QPushButton, "todayDone").click()
    assert asked == ["Cadeau voor Mila Smit zonder pakket gegeven"]
    qtbot.waitUntil(lambda: not any(i.kind == "gift" for i in window.view("today").items))
    # Edit → Undo names what was done, and takes it back
    assert window.undo_action.text() == "&Ongedaan maken: cadeau voor Mila Smit zonder pakket gegeven"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: any(i.kind == "gift" for i in window.view("today").items))


def test_a_gift_given_late_without_a_parcel_says_her_deadline_moved(window, qtbot, monkeypatch):
    """"Afgerond zonder pakket" on a gift given after her first deadline would have needed it:
    the deadline moves on (audit 11), and the status bar says so at once, as after a late
    parcel, with where the message of the new date waits."""
    from datetime import date

    from desktop.store.influencers import end_of_day_utc
    from desktop.views import dialogs

    def run(form):  # the day it reached her: today, as offered
        form.buttons.accepted.emit()
        return form.result() == form.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run", run)
    view = _select_gift(window, qtbot)
    collab = next(i for i in view.items if i.kind == "gift").subject_id
    Deliverable.update(deadline=end_of_day_utc(date(2026, 11, 24))).where(
        Deliverable.collaboration == collab).execute()  # agreed 18 Nov: due the day after this Monday
    view.detail_footer.findChild(QPushButton, "todayDone").click()
    said = window.statusBar().currentMessage()
    assert said.startswith("Cadeau ") and "schuift op" in said and "(was 24 nov 2026)" in said, said
    assert said.endswith("Bericht met de nieuwe datum: bij Influencers, onder de samenwerking."), said


def test_afspraak_due_says_what_to_do(demo, capsys):
    from desktop import cli

    assert cli.main(["--lang", "en", "due", "--at", "2026-11-23T10:00"]) == 0
    out = capsys.readouterr().out
    assert "Mila Smit · Gift not sent yet · Send the gift" in out
    assert "is still waiting for the gift agreed on" in out
    # a terminal has no button: it says where the button is (audit 10, F10)
    assert "In the app, “Pack the parcel…” on this reminder in the “Today” view opens a new parcel" in out


def test_a_gift_agreed_in_words_shows_her_row_and_the_products_to_drag(window, qtbot):
    view = window.current_view()
    item = next(i for i in view.items if i.kind == "gift")
    CollaborationProduct.delete().where(CollaborationProduct.collaboration == item.subject_id).execute()
    Collaboration.update(products="een armband naar keuze").where(Collaboration.id == item.subject_id).execute()
    window.refresh_all()
    view = _select_gift(window, qtbot)
    words = view.detail.findChild(QPlainTextEdit, "todayMessage").toPlainText()
    assert "afgesproken: een armband naar keuze." in words
    assert "Sleep de producten uit het paneel Producten naar Mila Smit" in words
    button = view.detail_footer.findChild(QPushButton, "todayOpen")
    assert button.text() == "Tonen bij Influencers"
    button.click()
    assert window.current_view().key == "influencers" and window.current_view().current_id == _mila().id
    assert window.shipping.catalogue.isVisible()
    assert window.statusBar().currentMessage().startswith("Sleep de producten uit het paneel Producten")
