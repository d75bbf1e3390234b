"""What she promised for the gift, written down (the owner's two-week walk, finding 1).

The README's own gesture, a product dropped onto a new influencer with the parcel dialog's
default "a new collaboration (proposed)", made a collaboration without deliverables: after
the one "is it there?" check-in nothing was ever followed up, and the pane said only "No
deliverables". Now the shop's gift with nothing written down in return is a task for the
owner ("Record the agreement", the morning after the parcel went out), offered at once after
the drop, said in the pane, and the agreement in writing names what she receives."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton

from desktop import i18n
from desktop.domain import followup
from desktop.domain import shipments as rules
from desktop.domain.followup import LadderSettings, make_contact, make_promise
from desktop.domain.validation import validate_person
from desktop.presentation import due_texts
from desktop.presentation.collab_texts import agreement_terms_text
from desktop.store import catalogue, due, influencer_detail, influencers, settings, shipping
from desktop.store.models import Collaboration, CollaborationProduct, Content, Deliverable

from .conftest import NOW
from .helpers import drag, make_window

AMS = ZoneInfo("Europe/Amsterdam")
S = LadderSettings(tz=AMS)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=AMS).astimezone(timezone.utc).replace(tzinfo=None)


# --- the rule (domain: `now` passed in) ----------------------------------------------------

def _plan(promise, now, states=(), contacts=()):
    return followup.plan([promise], {1: followup.PersonInfo(1, "Fleur Bakker")}, contacts, states, S, now)


MONDAY_AFTERNOON = utc(2026, 11, 16, 14, 30)


def _promise(sent=MONDAY_AFTERNOON):
    return make_promise("agreement", 1, "collaboration", 7, sent, details={"collaboration_id": 7})


def test_the_task_comes_the_morning_after_the_parcel_went_out_and_her_messages_do_not_stop_it():
    promise = _promise()
    [item] = _plan(promise, utc(2026, 11, 16, 15, 0))  # just sent: upcoming, not due
    assert (item.kind, item.step, item.action, item.channel, item.template) == ("agreement", "record", "task", "", "")
    assert item.due == utc(2026, 11, 17, 9, 0) > utc(2026, 11, 16, 15, 0)  # Tuesday, as the quiet hours end
    assert followup.due_now(_plan(promise, utc(2026, 11, 16, 23, 0)), utc(2026, 11, 16, 23, 0)) == []
    said = make_contact(1, utc(2026, 11, 17, 8, 0), "in", "instagram")  # "I'll post a reel!": still to write down
    [still] = _plan(promise, utc(2026, 11, 18, 12, 0), contacts=[said])
    assert still.key == item.key and still.due <= utc(2026, 11, 18, 12, 0)


def test_sent_on_a_saturday_the_task_waits_for_monday():
    [item] = _plan(_promise(utc(2026, 11, 21, 11, 0)), utc(2026, 11, 21, 12, 0))
    assert item.due == utc(2026, 11, 23, 9, 0)  # no task on a Sunday


def test_nothing_agreed_keeps_it_gone_and_a_snooze_moves_it():
    promise = _promise()
    now = utc(2026, 11, 18, 10, 0)
    [item] = _plan(promise, now)
    dismissed = followup.with_state([], item, "dismissed", now)
    assert _plan(promise, now, dismissed) == []
    assert _plan(promise, now + timedelta(days=60), dismissed) == []  # never back
    snoozed = followup.with_state([], item, "snoozed", now, snoozed_until=now + timedelta(days=1))
    [later] = _plan(promise, now, snoozed)
    assert later.key == item.key and later.due == now + timedelta(days=1)


@pytest.mark.parametrize("status, deliverables, contents, parcels, gift, expected", [
    ("proposed", 0, 0, ["sent"], False, True),  # the README's drop
    ("proposed", 0, 0, ["delivered"], False, True),
    ("received", 0, 0, ["received"], False, True),
    ("proposed", 0, 0, ["ready"], False, False),  # only packed: from the morning after it goes out
    ("shipped", 0, 0, ["returned"], False, False),  # never reached her
    ("received", 0, 0, [], True, True),  # the gift handed over ("Done without a parcel…")
    ("agreed", 0, 0, [], True, False),  # still to send: that is the gift task
    ("proposed", 1, 0, ["sent"], False, False),  # written down
    ("shipped", 0, 1, ["sent"], False, False),  # she posted: nothing left to watch
    ("posted", 0, 0, ["sent"], False, False),
    ("ended", 0, 0, ["sent"], False, False),
    ("done", 0, 0, ["sent"], False, False),
])
def test_when_a_gift_has_nothing_written_down_in_return(status, deliverables, contents, parcels, gift, expected):
    assert rules.promise_unrecorded(status, deliverables, contents, parcels, gift) is expected


def test_writing_it_down_makes_a_proposal_a_deal_at_the_point_its_parcels_reached():
    assert rules.status_once_agreed("proposed", ["sent"]) == "shipped"
    assert rules.status_once_agreed("proposed", ["delivered", "returned"]) == "shipped"
    assert rules.status_once_agreed("proposed", ["received"]) == "received"
    assert rules.status_once_agreed("proposed", ["ready"]) == "agreed"
    assert rules.status_once_agreed("shipped", ["sent"]) == "shipped"  # a deal stays as it is


# --- the store: the promise built, and gone again -----------------------------------------

@pytest.fixture
def shop(database):
    settings.set("time_zone", "Europe/Amsterdam")
    settings.set("shop_name", "Letterlief")
    return database


def _fleur(name="Fleur Bakker"):
    errors, cleaned = validate_person(dict(name=name, email="fleur@example.nl", street="Lange Nieuwstraat 4",
                                           postcode="3512 PH", city="Utrecht", country="NL", language="nl",
                                           address_form="je"), [], influencers.handle_owner)
    assert not errors, errors
    return influencers.save_person(cleaned, NOW)


def _luna():
    return catalogue.add_product(name="Naamketting Luna", sku="NK-LUNA", variant="", price_cents=3495, now=NOW)


def _drop(who, products, sent=True, now=NOW, collaboration_id=None):
    """What the README's drop does: a parcel, and with it a new proposed collaboration."""
    return shipping.create_shipment(shipping.NewShipment(
        person_id=who.id, items=[(p.id, 1) for p in products], sent=sent, collaboration_id=collaboration_id,
        collaboration_title="Cadeau: Naamketting Luna"), now)


def _tasks(now, who=None):
    return [i for i in due.plan(now, who.id if who else None) if i.kind == "agreement"]


MORNING_AFTER = utc(2026, 11, 24, 9, 0)  # NOW is Monday 23 November, 10:30 in Amsterdam


def test_a_drop_onto_a_new_influencer_is_a_task_the_next_morning_naming_what_she_got(shop):
    fleur = _fleur()
    created = _drop(fleur, [_luna()])
    assert Collaboration.get_by_id(created.new_collaboration_id).status == "proposed"
    [item] = _tasks(NOW)
    assert (item.person_id, item.subject_type, item.subject_id) == (fleur.id, "collaboration",
                                                                   created.new_collaboration_id)
    assert item.due == MORNING_AFTER and due.due_now(NOW) == []
    assert [i.kind for i in due.due_now(MORNING_AFTER)] == ["agreement"]
    assert _tasks(NOW, fleur) == [item]  # her pane's plan has it too
    facts = due_texts.agreement_facts(item)
    assert facts["product"] == "Naamketting Luna" and facts["sent_at"] == NOW
    assert facts["title"] == "Cadeau: Naamketting Luna"
    assert due_texts.subject_title(item) == "Cadeau: Naamketting Luna"


def test_a_packed_parcel_waits_until_it_goes_out(shop):
    fleur = _fleur()
    created = _drop(fleur, [_luna()], sent=False)
    assert _tasks(NOW + timedelta(days=5)) == []
    later = NOW + timedelta(days=2)
    shipping.advance(created.shipment_id, "send", later)
    [item] = _tasks(later)
    assert item.parts[0].reference == later  # from the day it went out


def test_gone_once_a_deliverable_is_written_down(shop):
    fleur = _fleur()
    created = _drop(fleur, [_luna()])
    assert _tasks(MORNING_AFTER)
    Deliverable.create(collaboration=created.new_collaboration_id, kind="reel", deadline=NOW + timedelta(days=14))
    assert _tasks(MORNING_AFTER) == [] and _tasks(MORNING_AFTER + timedelta(days=40)) == []


@pytest.mark.parametrize("ending", ["ended", "done", "failed"])
def test_gone_once_the_collaboration_ends(shop, ending):
    created = _drop(_fleur(), [_luna()])
    Collaboration.update(status=ending).where(Collaboration.id == created.new_collaboration_id).execute()
    assert _tasks(MORNING_AFTER) == []


def test_gone_once_she_posted_or_the_parcel_came_back_or_she_is_blocked(shop):
    fleur, luna = _fleur(), _luna()
    created = _drop(fleur, [luna])
    content = Content.create(collaboration=created.new_collaboration_id, url="https://instagram.com/p/x",
                             posted_at=NOW)
    assert _tasks(MORNING_AFTER) == []
    content.delete_instance()
    shipping.advance(created.shipment_id, "return", NOW + timedelta(days=1))
    assert _tasks(MORNING_AFTER) == []
    _drop(fleur, [luna], collaboration_id=created.new_collaboration_id)  # sent again: asked again
    assert len(_tasks(MORNING_AFTER)) == 1
    influencers.block(fleur, "Reageert nooit", NOW)
    assert _tasks(MORNING_AFTER) == []


def test_nothing_agreed_stays_gone_after_a_second_parcel(shop):
    fleur, luna = _fleur(), _luna()
    created = _drop(fleur, [luna])
    [item] = _tasks(MORNING_AFTER)
    due.dismiss(item, MORNING_AFTER)  # "Nothing agreed": a gift with no strings attached
    assert Collaboration.get_by_id(created.new_collaboration_id).status == "proposed"  # nothing else changed
    assert _tasks(MORNING_AFTER) == []
    _drop(fleur, [luna], now=NOW + timedelta(days=3), collaboration_id=created.new_collaboration_id)
    assert _tasks(NOW + timedelta(days=30)) == []


def test_a_gift_handed_over_without_a_parcel_asks_too(shop):
    """An agreed gift with nothing promised, given by hand ("Done without a parcel…")."""
    fleur = _fleur()
    luna = _luna()
    collab = Collaboration.create(person=fleur, title="Ketting", status="agreed", agreed_at=NOW, created_at=NOW)
    CollaborationProduct.create(collaboration=collab, product=luna, name="Naamketting Luna", quantity=1,
                                value_cents=3495)
    assert _tasks(NOW + timedelta(days=5)) == []  # to send first: the gift task
    [gift] = [i for i in due.plan(NOW + timedelta(days=3)) if i.kind == "gift"]
    due.dismiss(gift, NOW + timedelta(days=3))  # handed over
    [item] = _tasks(NOW + timedelta(days=3))
    assert item.due <= NOW + timedelta(days=3)  # given after the agreement's day: due at once
    facts = due_texts.agreement_facts(item)
    assert facts["product"] == "Naamketting Luna" and facts["sent_at"] is None


def test_the_pane_says_what_is_missing_and_after_nothing_agreed_that_nothing_was(shop):
    fleur = _fleur()
    created = _drop(fleur, [_luna()])

    def shown():
        [c] = influencer_detail.detail(fleur.id).collaborations
        return c.promise_missing, c.nothing_agreed

    assert shown() == (True, False)
    [item] = _tasks(MORNING_AFTER)
    due.dismiss(item, MORNING_AFTER)
    assert shown() == (False, True)
    Deliverable.create(collaboration=created.new_collaboration_id, kind="post", deadline=NOW + timedelta(days=9))
    assert shown() == (False, False)  # written down after all: the deliverable is shown


def test_the_pane_asks_already_for_a_packed_parcel(shop):
    fleur = _fleur()
    _drop(fleur, [_luna()], sent=False)
    [c] = influencer_detail.detail(fleur.id).collaborations
    assert (c.promise_missing, c.nothing_agreed) == (True, False)


@pytest.mark.parametrize("language, line", [("nl", "• Je ontvangt: 2 × Naamketting Luna, Armband Zon"),
                                            ("en", "• You receive: 2 × Naamketting Luna, Armband Zon")])
def test_the_agreement_in_writing_names_what_her_parcels_hold(shop, language, line):
    fleur = _fleur()
    luna, zon = _luna(), catalogue.add_product(name="Armband Zon", sku="", variant="", price_cents=1995, now=NOW)
    created = _drop(fleur, [luna, zon])
    _drop(fleur, [luna], collaboration_id=created.new_collaboration_id)
    lost = _drop(fleur, [catalogue.add_product(name="Oorbel Maan", sku="", variant="", price_cents=995, now=NOW)],
                 collaboration_id=created.new_collaboration_id)
    shipping.advance(lost.shipment_id, "lose", NOW + timedelta(days=3))  # never hers
    assert [(g.name, g.quantity, g.value_cents) for g in shipping.parcel_gifts(created.new_collaboration_id)] == [
        ("Naamketting Luna", 2, 3495), ("Armband Zon", 1, 1995)]
    fleur.language = language
    fleur.save()
    collab = Collaboration.get_by_id(created.new_collaboration_id)
    assert line in agreement_terms_text(collab)
    collab.products = "een cadeaubon"  # the agreement names its own gift: that is what she receives
    collab.save()
    assert ("ontvangt: een cadeaubon" if language == "nl" else "receive: een cadeaubon") in agreement_terms_text(collab)


# --- the words ----------------------------------------------------------------------------

@pytest.mark.parametrize("language, expected", [
    ("nl", ["Je stuurde Fleur Bakker Naamketting Luna op maandag 23 november 2026.",
            "Er is nog niet vastgelegd wat Fleur Bakker daarvoor terugdoet, dus Afspraak kan niets opvolgen.",
            "„Afspraak vastleggen…” opent de samenwerking bij de opdrachten.",
            "Niets afgesproken, gewoon een cadeau zonder verplichtingen? Kies dan „Niets afgesproken”"]),
    ("en", ["You sent Fleur Bakker Naamketting Luna on Monday, 23 November 2026.",
            "Nothing is written down yet about what Fleur Bakker does in return",
            "“Record the agreement…” opens the collaboration at its deliverables.",
            "Nothing agreed, a gift with no strings attached? Then press “Nothing agreed”"]),
])
def test_what_to_do_names_the_gift_the_day_and_both_ways_out(shop, language, expected):
    i18n.set_language(language)
    _drop(_fleur(), [_luna()])
    [item] = _tasks(MORNING_AFTER)
    words = due_texts.task_words(item, MORNING_AFTER).replace("\u00a0", " ")
    for part in expected:
        assert part in words, words
    assert "{" not in words
    terminal = due_texts.task_words(item, MORNING_AFTER, in_app=False)
    assert ("in „Vandaag”" if language == "nl" else "in the “Today” view") in terminal
    assert ("in de app" if language == "nl" else "in the app") in terminal
    from desktop.labels import label

    assert label("due_step", "record") == ("Afspraak vastleggen" if language == "nl" else "Record the agreement")
    assert label("due_kind", "agreement") == ("Afspraak niet vastgelegd" if language == "nl"
                                              else "Agreement not recorded")
    assert due_texts.agreement_done_text() == ("Niets afgesproken" if language == "nl" else "Nothing agreed")


# --- in the window: the drop, the offer, Vandaag, the dialog -------------------------------

@pytest.fixture
def window(qtbot, shop, translator, frozen_clock):
    fleur = _fleur()
    _luna()
    window = make_window(qtbot, "nl", view="influencers", size=(1366, 768))
    window.fleur = fleur
    return window


def _drop_on_her(window, qtbot, monkeypatch):
    """Her row gets the product; the parcel dialog is answered with its defaults, sent."""
    from desktop.store.models import Product
    from desktop.views import dialogs
    from desktop.views.dropping import products_mime
    from desktop.views.shipping_dialogs import ShipmentDialog

    def ask(parent, person_id, product_ids, collaboration_id=None):
        form = ShipmentDialog(parent, person_id, product_ids, collaboration_id=collaboration_id)
        assert form.collaboration.currentData() is None  # "Een nieuwe voorgestelde samenwerking"
        form.set_values(tracking="", sent=True)
        assert form.accept()
        return form.result

    monkeypatch.setattr(dialogs, "ask_shipment", ask)
    view = window.view("influencers")
    view.refresh()
    mime = products_mime([Product.get().id])
    drag(view.table.viewport(), view.table.visualRect(view.model.index(0, 0)).center(), mime)
    qtbot.waitUntil(lambda: Collaboration.select().count() == 1)
    return Collaboration.get()


class _Dialogs:
    """``dialogs.run`` in a test: the collaboration dialog as the owner finds it, then saved
    with a reel (or cancelled)."""

    def __init__(self, qtbot, save=True):
        self.qtbot, self.save, self.seen = qtbot, save, []

    def __call__(self, dialog):
        self.qtbot.addWidget(dialog)
        table = dialog.w("deliverables")
        hint = dialog.findChild(QLabel, "agreementHint")
        self.seen.append(dict(tab=dialog.w("tabs").currentIndex(), status=dialog.w("status").currentData(),
                              rows=table.rowCount(), kind=table.cellWidget(0, 0).currentData(),
                              gifts=[g.name for g in dialog.gift_inputs()], hint=hint.text() if hint else "",
                              focus=dialog.focusWidget() is table.cellWidget(0, 0)))
        if not self.save:
            return False
        kind = table.cellWidget(0, 0)
        kind.setCurrentIndex(kind.findData("reel"))
        dialog.buttons.accepted.emit()
        return dialog.result() == dialog.DialogCode.Accepted


def test_the_drop_offers_it_at_once_and_later_leaves_the_task_in_vandaag(window, qtbot, monkeypatch,
                                                                         frozen_clock):
    from desktop.views import dialogs

    collab = _drop_on_her(window, qtbot, monkeypatch)
    bar = window.findChild(QLabel, "agreementOfferText")
    qtbot.waitUntil(lambda: bar is not None and bar.isVisible())
    assert bar.text().startswith("Nieuwe samenwerking met Fleur Bakker voor dit pakket. Wat doet Fleur Bakker "
                                 "ervoor terug?")
    assert "Later? Dan komt het terug in Vandaag." in bar.text()
    # her pane says what is missing, with the button that writes it down
    view = window.view("influencers")
    view.select_id(window.fleur.id)
    missing = view.detail.findChild(QLabel, f"noPromise{collab.id}")
    assert missing is not None and "Nog niet vastgelegd wat Fleur Bakker terugdoet" in missing.text()
    assert "Geen opdrachten." not in [w.text().strip() for w in view.detail.findChildren(QLabel)]
    window.findChild(QPushButton, "agreementOfferLater").click()
    assert not bar.isVisible()
    # the next morning: a task in Vandaag with its words and buttons
    frozen_clock.set(MORNING_AFTER + timedelta(minutes=5))
    window.show_view("today")
    today = window.view("today")
    monkeypatch.setattr(today, "_now", lambda: frozen_clock())
    today.refresh()
    [(row, shown)] = [(i, r) for i, r in today.item_rows() if today.items[r.id].kind == "agreement"]
    assert shown.cells[1:4] == ["Fleur Bakker", "Afspraak vastleggen", "Cadeau: Naamketting Luna"]
    assert shown.extra["group"] == "now"
    today.table.selectRow(row)
    qtbot.waitUntil(lambda: today.detail_footer.findChild(QPushButton, "todayOpen") is not None)
    words = today.detail.findChild(QPlainTextEdit, "todayMessage").toPlainText()
    assert "Je stuurde Fleur Bakker Naamketting Luna op " in words
    footer = today.detail_footer
    assert footer.findChild(QPushButton, "todayOpen").text() == "Afspraak vastleggen…"
    assert footer.findChild(QPushButton, "todayDone").text() == "Niets afgesproken"
    # acting on it: the collaboration at its deliverables, the gift filled in, made a deal
    run = _Dialogs(qtbot)
    monkeypatch.setattr(dialogs, "run", run)
    footer.findChild(QPushButton, "todayOpen").click()
    [seen] = run.seen
    assert seen["tab"] == 0 and seen["rows"] == 1 and seen["kind"] == "post" and seen["focus"]
    assert seen["status"] == "shipped" and seen["gifts"] == ["Naamketting Luna"]
    assert seen["hint"].startswith("Wat doet Fleur Bakker terug voor het cadeau?")
    collab = Collaboration.get_by_id(collab.id)
    assert collab.status == "shipped" and [d.kind for d in collab.deliverables] == ["reel"]
    qtbot.waitUntil(lambda: not any(i.kind == "agreement" for i in today.items))
    assert window.undo_action.text() == "&Ongedaan maken: wijzigingen in de samenwerking met Fleur Bakker"


def test_the_offer_opens_the_dialog_and_cancelling_it_leaves_the_task(window, qtbot, monkeypatch):
    from desktop.views import dialogs

    collab = _drop_on_her(window, qtbot, monkeypatch)
    run = _Dialogs(qtbot, save=False)
    monkeypatch.setattr(dialogs, "run", run)
    record = window.findChild(QPushButton, "agreementOfferRecord")
    qtbot.waitUntil(lambda: record.isVisible())
    assert record.text() == "Afspraak vastleggen…"
    record.click()
    assert len(run.seen) == 1 and not record.isVisible()
    assert [d for d in Collaboration.get_by_id(collab.id).deliverables] == []
    assert [i.subject_id for i in _tasks(MORNING_AFTER)] == [collab.id]  # still asked, the next morning


def test_undoing_the_drop_takes_the_offer_away(window, qtbot, monkeypatch):
    _drop_on_her(window, qtbot, monkeypatch)
    bar = window.findChild(QLabel, "agreementOfferText")
    qtbot.waitUntil(lambda: bar.isVisible())
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: Collaboration.select().count() == 0)
    assert not bar.isVisible()


def _agreement_task_in_vandaag(window, qtbot, monkeypatch, frozen_clock):
    """The morning after the drop: Vandaag shown with the agreement task chosen; its view."""
    frozen_clock.set(MORNING_AFTER)
    window.show_view("today")
    today = window.view("today")
    monkeypatch.setattr(today, "_now", lambda: frozen_clock())
    today.refresh()
    [row] = [i for i, r in today.item_rows() if today.items[r.id].kind == "agreement"]
    today.table.selectRow(row)
    qtbot.waitUntil(lambda: today.detail_footer.findChild(QPushButton, "todayDone") is not None)
    return today


def test_nothing_agreed_in_vandaag_takes_it_off_for_good(window, qtbot, monkeypatch, frozen_clock):
    collab = _drop_on_her(window, qtbot, monkeypatch)
    today = _agreement_task_in_vandaag(window, qtbot, monkeypatch, frozen_clock)
    done = today.detail_footer.findChild(QPushButton, "todayDone")
    assert "komt niet terug" in done.toolTip()
    done.click()
    qtbot.waitUntil(lambda: not any(i.kind == "agreement" for i in today.items))
    assert window.undo_action.text() == "&Ongedaan maken: niets afgesproken met Fleur Bakker"
    assert _tasks(MORNING_AFTER + timedelta(days=20)) == []
    assert Collaboration.get_by_id(collab.id).status == "proposed"
    window.undo_action.trigger()  # a slip of the mouse: back in Vandaag
    qtbot.waitUntil(lambda: any(i.kind == "agreement" for i in today.items))
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: not any(i.kind == "agreement" for i in today.items))
    view = window.view("influencers")  # built by the drop, out of sight since: loads again when shown
    window.show_view("influencers")
    view.select_id(window.fleur.id)
    texts = [w.text().strip() for w in view.detail.findChildren(QLabel)]
    assert "Niets afgesproken: een cadeau zonder verplichtingen." in texts


def test_a_pane_out_of_sight_follows_what_vandaag_did(window, qtbot, monkeypatch, frozen_clock):
    """Acted on in Vandaag, with no undo or redo after it: the Influencers pane, built by
    the drop and out of sight since, kept offering "Afspraak vastleggen…" when shown again."""
    collab = _drop_on_her(window, qtbot, monkeypatch)
    view = window.view("influencers")
    view.select_id(window.fleur.id)
    assert view.detail.findChild(QLabel, f"noPromise{collab.id}") is not None
    today = _agreement_task_in_vandaag(window, qtbot, monkeypatch, frozen_clock)
    today.detail_footer.findChild(QPushButton, "todayDone").click()
    qtbot.waitUntil(lambda: not any(i.kind == "agreement" for i in today.items))
    window.show_view("influencers")
    view.select_id(window.fleur.id)
    assert view.detail.findChild(QLabel, f"noPromise{collab.id}") is None
    texts = [w.text().strip() for w in view.detail.findChildren(QLabel)]
    assert "Niets afgesproken: een cadeau zonder verplichtingen." in texts


def test_the_pane_button_writes_it_down(window, qtbot, monkeypatch):
    from desktop.views import dialogs

    collab = _drop_on_her(window, qtbot, monkeypatch)
    view = window.view("influencers")
    view.select_id(window.fleur.id)
    buttons = [b for b in view.detail.findChildren(QPushButton) if b.text() == "Afspraak vastleggen…"]
    assert len(buttons) == 1
    run = _Dialogs(qtbot)
    monkeypatch.setattr(dialogs, "run", run)
    buttons[0].click()
    assert run.seen and [d.kind for d in Collaboration.get_by_id(collab.id).deliverables] == ["reel"]
    qtbot.waitUntil(lambda: view.detail.findChild(QLabel, f"noPromise{collab.id}") is None)
    assert not window.findChild(QPushButton, "agreementOfferRecord").isVisible()  # offered no more
