"""Edit → Undo takes back the save just made, not an older step past it (audit 9, new
owner F6: Ctrl+Z right after adding an influencer removed the product import made before
her), and an erased person's data cannot come back through it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from desktop import i18n
from desktop.store.models import Collaboration, Deliverable, Person, Product
from desktop.views import dialogs, privacy_actions
from desktop.views.main_window import MainWindow

from .conftest import NOW
from .helpers import make_window
from .test_drops_undo import drop_files_on_window, said  # noqa: F401 (fixture)
from .test_influencers_view import accept_with, fill_influencer, set_date

DATA = Path(__file__).parent / "data" / "shop"


@pytest.fixture
def window(qtbot, database, translator):
    def make(language: str = "nl") -> MainWindow:
        return make_window(qtbot, language, view="influencers", size=(1400, 900))
    yield make
    from .helpers import end_drags

    end_drags()


def people() -> list[tuple]:
    return sorted(Person.select(Person.id, Person.name).tuples())


@pytest.mark.parametrize("language, undo, redo", [
    ("nl", "&Ongedaan maken: nieuwe influencer Sanne de Vries", "Op&nieuw: nieuwe influencer Sanne de Vries"),
    ("en", "&Undo new influencer Sanne de Vries", "&Redo new influencer Sanne de Vries"),
])
def test_ctrl_z_after_adding_an_influencer_takes_her_back_not_the_import_before(
        qtbot, window, said, monkeypatch, language, undo, redo):  # noqa: F811
    w = window(language)
    drop_files_on_window(qtbot, w, [DATA / "woo_variations.csv"])
    products = sorted(Product.select(Product.id, Product.name).tuples())
    assert products
    monkeypatch.setattr(dialogs, "run", accept_with(fill_influencer))
    w.view("influencers").new_influencer()
    added = people()
    assert [name for _id, name in added] == ["Sanne de Vries"]
    assert w.undo_action.text() == undo
    # the button beside the message names it; the message does not say it again (review of Maatwerk)
    assert w.statusBar().currentMessage() == {
        "nl": "Gedaan (Ctrl+Z maakt het ongedaan)", "en": "Done (Ctrl+Z undoes it)"}[language]
    assert w.undo_button.isVisible() and w.undo_button.text() == {
        "nl": "Ongedaan maken: nieuwe influencer Sanne de Vries", "en": "Undo: new influencer Sanne de Vries"}[language]

    w.undo_action.trigger()
    assert people() == []  # she is taken back...
    assert sorted(Product.select(Product.id, Product.name).tuples()) == products  # ...the import stays
    assert w.redo_action.text() == redo
    w.redo_action.trigger()
    assert people() == added  # the same card, the same id
    assert {h.platform for h in Person.get().handles} == {"instagram", "tiktok"}


def test_a_cancelled_or_refused_save_is_no_step(qtbot, window, said, monkeypatch):  # noqa: F811
    w = window()
    drop_files_on_window(qtbot, w, [DATA / "woo_variations.csv"])
    before = w.undo_action.text()
    monkeypatch.setattr(dialogs, "run", accept_with(lambda d: None))  # Save on an empty form: refused
    w.view("influencers").new_influencer()
    assert people() == [] and w.undo_action.text() == before


def test_a_changed_collaboration_is_taken_back_whole(qtbot, window, said, monkeypatch):  # noqa: F811
    w = window()
    monkeypatch.setattr(dialogs, "run", accept_with(fill_influencer))
    v = w.view("influencers")
    v.new_influencer()
    today = NOW.date()

    def fill_collab(d):
        d.w("title").setText("Ketting Maan")
        table = d.w("deliverables")
        table.cellWidget(0, 0).setCurrentIndex(table.cellWidget(0, 0).findData("post"))
        set_date(table.cellWidget(0, 2), today + timedelta(days=7))
    monkeypatch.setattr(dialogs, "run", accept_with(fill_collab))
    v.new_collaboration()
    collab = Collaboration.get()
    assert w.undo_action.text() == "&Ongedaan maken: nieuwe samenwerking met Sanne de Vries"
    agreed = Deliverable.get().deadline

    def later(d):
        set_date(d.w("deliverables").cellWidget(0, 2), today + timedelta(days=14))
        d.w("change_reason").setText("Ziek, een week later")
        d.w("confirmed").setChecked(True)
    monkeypatch.setattr(dialogs, "run", accept_with(later))
    v.edit_collaboration(collab)
    assert Deliverable.get().deadline == agreed + timedelta(days=7)
    assert w.undo_action.text() == "&Ongedaan maken: wijzigingen in de samenwerking met Sanne de Vries"
    w.undo_action.trigger()
    assert Deliverable.get().deadline == agreed
    w.undo_action.trigger()
    assert Collaboration.select().count() == 0 and [n for _i, n in people()] == ["Sanne de Vries"]


def test_erasing_a_person_empties_edit_undo(qtbot, window, said, monkeypatch):  # noqa: F811
    w = window()
    monkeypatch.setattr(dialogs, "run", accept_with(fill_influencer))
    w.view("influencers").new_influencer()
    assert w.undo_stack.canUndo()
    monkeypatch.setattr(dialogs, "confirm_with_option", lambda *a, **k: (True, False))
    assert privacy_actions.erase_person(w, Person.get().id)
    assert people() == []
    # An older step's undo would bring her card back: nothing is left to undo or redo.
    assert not w.undo_stack.canUndo() and not w.undo_stack.canRedo()
    assert w.undo_stack.count() == 0


def test_an_order_change_is_a_step_and_one_with_pictures_forgets_the_older_ones(
        qtbot, demo_db, translator, tmp_path):
    from desktop.store.models import CustomOrder
    from desktop.views.order_dialog import OrderDialog

    from .test_evidence import picture

    i18n.set_language("nl")
    w = MainWindow()
    qtbot.addWidget(w)
    order = CustomOrder.select().order_by(CustomOrder.id).first()
    was = order.personalisation

    dialog = OrderDialog(None, NOW, order_id=order.id)
    qtbot.addWidget(dialog)
    dialog.personalisation.setText("Lotte & Co")
    dialog.save()
    assert CustomOrder.get_by_id(order.id).personalisation == "Lotte & Co"
    assert w.undo_action.text() == f"&Ongedaan maken: wijzigingen in de bestelling voor {order.person.name}"
    w.undo_action.trigger()
    assert CustomOrder.get_by_id(order.id).personalisation == was
    w.redo_action.trigger()
    assert w.undo_stack.canUndo()

    # A picture copied in is a file the journal does not hold: no step, and no older step
    # is taken back past it with Ctrl+Z.
    dialog = OrderDialog(None, NOW, order_id=order.id)
    qtbot.addWidget(dialog)
    dialog.add_pictures([str(picture(tmp_path, "ontwerp.png"))])
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert not w.undo_stack.canUndo() and w.undo_stack.count() == 0
