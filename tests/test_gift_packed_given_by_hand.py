"""A gift whose parcel is packed, settled "Afgerond zonder pakket…" (task-ends review, gap 1).

A parcel packed for an influencer and not sent makes the task "send the gift". Settling that
task without a parcel (the gift reached her by hand) ended the task but left the parcel
"Klaar om te verzenden": Zendingen and her pane went on showing it as packed, her
deliverables stayed on hold for it (``shipments.chased``), and the task came back for the
parcel. Now the packed parcel is taken out in the same transaction: one Edit → Undo step
brings both back, the timeline keeps what it held, and the dialog and Vandaag's button say
it goes before it does.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QPushButton

from desktop import i18n, reminders
from desktop.presentation import event_texts
from desktop.store import due, journal, settings, shipping
from desktop.store.models import Collaboration, CollaborationProduct, Deliverable, Event, Person, Shipment, ShipmentItem
from desktop.views import dialogs, today

from .conftest import NOW
from .helpers import make_window


@pytest.fixture
def demo(demo_db):
    settings.set("time_zone", "Europe/Amsterdam")
    return demo_db


def _mila():
    return Person.get(Person.name == "Mila Smit")


def _gift_items(now=NOW):
    return [i for i in due.plan(now) if i.kind == "gift"]


def _pack_milas_gift() -> tuple[int, int]:
    """Mila's agreed earrings packed in Zendingen and not sent: (collaboration, parcel)."""
    [item] = _gift_items()
    earrings = CollaborationProduct.get(CollaborationProduct.collaboration == item.subject_id).product_id
    packed = shipping.create_shipment(shipping.NewShipment(person_id=_mila().id, items=[(earrings, 1)],
                                                           collaboration_id=item.subject_id, sent=False), NOW)
    return item.subject_id, packed.shipment_id


def _parcel_ids() -> set[int]:
    """The parcels Zendingen lists."""
    return {row[0] for rows, _addresses in shipping.shipment_pages() for row in rows}


def _chased(now):
    return [i for i in due.plan(now, person_id=_mila().id) if i.kind == "deliverable"]


def test_done_without_a_parcel_takes_the_packed_parcel_out_and_one_undo_brings_both_back(demo):
    collab, parcel = _pack_milas_gift()
    [task] = _gift_items()
    assert parcel in _parcel_ids()
    deadline = Deliverable.get(Deliverable.collaboration == collab).deadline
    assert _chased(deadline + timedelta(days=3)) == []  # held for the gift

    with journal.recording() as change:  # what one Edit → Undo step holds
        due.dismiss(task, NOW)

    assert Shipment.get_or_none(Shipment.id == parcel) is None  # not "Klaar om te verzenden" any more
    assert not ShipmentItem.select().where(ShipmentItem.shipment == parcel).exists()
    assert parcel not in _parcel_ids()
    assert Collaboration.get_by_id(collab).status == "received"
    # the task does not come back for the parcel, and what she promised is chased again
    assert _gift_items(NOW + timedelta(days=3)) == [] and _gift_items(NOW + timedelta(days=30)) == []
    assert [i.subject_id for i in _chased(deadline + timedelta(days=3))]
    # the timeline keeps what the parcel held, and why it never went
    withdrawn = Event.get(Event.fact == "shipment_withdrawn")
    assert (withdrawn.person_id, withdrawn.subject_type, withdrawn.subject_id) == (_mila().id, "shipment", parcel)
    with i18n.speaking("en"):
        assert event_texts.shown(withdrawn) == (
            "Parcel taken out of Shipments, not sent: the gift was given without a parcel (1 × Creolen klein)")

    journal.undo(change)
    back = Shipment.get_by_id(parcel)
    assert back.status == "ready" and back.collaboration_id == collab
    assert ShipmentItem.select().where(ShipmentItem.shipment == parcel).count() == 1
    assert parcel in _parcel_ids()
    assert Collaboration.get_by_id(collab).status == "agreed"
    assert not Event.select().where(Event.fact == "shipment_withdrawn").exists()
    [again] = _gift_items()
    assert again.key == task.key


def test_the_trays_done_on_the_task_is_one_undo_step_for_the_task_and_the_parcel(demo):
    """The tray's, a popup's or a notification's "Klaar" on the task (``reminders.mark_done``)
    takes the same way: one step on Edit → Undo for both."""
    collab, parcel = _pack_milas_gift()
    [task] = _gift_items()
    steps = []
    reminders.undoable.connect(lambda what, change: steps.append(change))
    try:
        reminders.mark_done([task], NOW)
    finally:
        reminders.undoable.disconnect()
    assert Shipment.get_or_none(Shipment.id == parcel) is None
    [step] = steps
    journal.undo(step)
    assert Shipment.get_by_id(parcel).status == "ready" and Collaboration.get_by_id(collab).status == "agreed"
    assert [i.key for i in _gift_items()] == [task.key]


def test_only_the_packed_parcel_goes_not_one_already_on_its_way(demo):
    """A parcel sent already is hers, whatever happened to the task: only "ready" ones are taken out."""
    collab, parcel = _pack_milas_gift()
    [task] = _gift_items()
    earrings = ShipmentItem.get(ShipmentItem.shipment == parcel).product_id
    other = Collaboration.create(person=_mila(), title="Ander", status="agreed", created_at=NOW)
    elsewhere = shipping.create_shipment(shipping.NewShipment(person_id=_mila().id, items=[(earrings, 1)],
                                                              collaboration_id=other.id, sent=False), NOW)
    due.dismiss(task, NOW)
    assert Shipment.get_or_none(Shipment.id == parcel) is None
    assert Shipment.get_by_id(elsewhere.shipment_id).status == "ready"  # another collaboration's parcel stays


# --- in the window ----------------------------------------------------------------------

@pytest.fixture
def window(qtbot, demo, translator, monkeypatch):
    monkeypatch.setattr(today, "utcnow", lambda: NOW)
    return make_window(qtbot, "en", view="today")


def _select_gift(window, qtbot):
    view = window.view("today")
    row = next(i for i, r in view.item_rows() if view.items[r.id].kind == "gift")
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: view.detail_footer.findChild(QPushButton, "todayDone") is not None)
    return view


def test_vandaag_says_the_packed_parcel_goes_and_undo_brings_it_back_to_zendingen(window, qtbot, monkeypatch):
    collab, parcel = _pack_milas_gift()
    window.refresh_all()  # as the parcel dialog does after packing it
    view = _select_gift(window, qtbot)
    button = view.detail_footer.findChild(QPushButton, "todayDone")
    said = "The parcel ready for Mila Smit since Monday, 23 November 2026 is taken out of Shipments: it will not be sent."
    assert said in button.toolTip().replace("\u00a0", " ")
    prompts = []

    def run(form):  # the day it reached her: today, as offered
        prompts.append(form.w("prompt").text())
        form.buttons.accepted.emit()
        return form.result() == form.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run", run)
    button.click()
    [prompt] = prompts
    assert prompt.replace("\u00a0", " ").endswith("\n\n" + said)
    qtbot.waitUntil(lambda: not any(i.kind == "gift" for i in window.view("today").items))
    assert Shipment.get_or_none(Shipment.id == parcel) is None
    window.show_view("shipments")
    shipments = window.view("shipments")
    qtbot.waitUntil(lambda: shipments.model.rowCount() > 0)
    assert parcel not in {row.id for row in shipments.model.rows}
    # one Edit → Undo step: the task and the packed parcel come back together
    assert window.undo_action.text() == "&Undo gift for Mila Smit given without a parcel"
    window.undo_action.trigger()
    assert Shipment.get_by_id(parcel).status == "ready" and Collaboration.get_by_id(collab).status == "agreed"
    qtbot.waitUntil(lambda: parcel in {row.id for row in shipments.model.rows})
    qtbot.waitUntil(lambda: any(i.kind == "gift" for i in window.view("today").items))


def test_without_a_packed_parcel_the_dialog_says_nothing_of_one(window, qtbot, monkeypatch):
    view = _select_gift(window, qtbot)
    button = view.detail_footer.findChild(QPushButton, "todayDone")
    assert "Shipments" not in button.toolTip()
    prompts = []

    def run(form):
        prompts.append(form.w("prompt").text())
        return False

    monkeypatch.setattr(dialogs, "run", run)
    button.click()
    [prompt] = prompts
    assert "Shipments" not in prompt and prompt.startswith("On which day did Mila Smit get the gift?")
