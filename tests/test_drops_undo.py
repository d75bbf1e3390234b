"""Every drop accounts for every file, and every drop can be undone and redone from the
Edit menu (issue #19 item 3, issue #21 item 6): several exports in one drop, a mixed
drop onto a record, several pictures onto one product, undo and redo with their texts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint

from desktop import i18n
from desktop.store import catalogue
from desktop.store.models import Content, ContentEvidence, Event, Product
from desktop.views import dialogs
from desktop.views.main_window import MainWindow

from .conftest import NOW
from .helpers import drag, end_drags, files_mime
from .shared_data import shop_exports
from .test_evidence import picture, record_point, show_person, yara_content

DATA = Path(__file__).parent / "data" / "shop"
EXPORTS = shop_exports()
needs_shared = pytest.mark.skipif(not EXPORTS, reason="shared/data/shop-exports is not beside the checkout")


@pytest.fixture
def window(qtbot, demo_db, translator):
    i18n.set_language("nl")
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    w.show_view("influencers")
    yield w
    end_drags()  # before the window goes (helpers.drag)


@pytest.fixture
def said(monkeypatch):
    """Every message box the app would show: (kind, title, text)."""
    shown = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: shown.append(("inform", title, text)))
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: shown.append(("warn", title, text)))
    return shown


def products():
    return sorted(Product.select(Product.id, Product.key, Product.name, Product.price_cents, Product.image_path).tuples())


def drop_files_on_window(qtbot, window, files):
    mime = files_mime(files)
    with qtbot.waitSignal(window.shipping.batch_finished, timeout=20000) as finished:
        assert drag(window, QPoint(300, 300), mime).isAccepted()
    return finished.args[0], mime


def test_two_exports_in_one_drop_are_both_imported_with_one_summary_and_one_undo(qtbot, window, said):
    before = products()
    results, _mime = drop_files_on_window(qtbot, window, [DATA / "woo_variations.csv", DATA / "shopify_variants.csv"])
    assert [(name, ok) for name, ok, _what in results] == [("woo_variations.csv", True), ("shopify_variants.csv", True)]
    assert len(said) == 1  # ONE summary, naming both files
    kind, _title, text = said[0]
    assert kind == "inform" and "„woo_variations.csv”: geïmporteerd" in text and "„shopify_variants.csv”" in text
    assert "2 van 2 bestanden geïmporteerd." in text
    after = products()
    assert len(after) > len(before)
    assert window.undo_action.text() == "&Ongedaan maken: import van 2 bestanden"
    # the timeline says when the catalogue arrived: one event per file, its name and what changed
    imported = list(Event.select().where(Event.fact == "products_imported").order_by(Event.id))
    assert [(e.kind, e.person_id, e.params["file"]) for e in imported] == [
        ("import", None, "woo_variations.csv"), ("import", None, "shopify_variants.csv")]
    from desktop.presentation import event_texts

    assert event_texts.render(imported[0].fact, imported[0].params).startswith("Producten geïmporteerd: ")
    assert event_texts.render(imported[0].fact, imported[0].params).endswith(" („woo_variations.csv”)")
    assert "nieuwe producten" in event_texts.render(imported[0].fact, imported[0].params)

    window.undo_action.trigger()  # both files in one step, their events with them
    assert products() == before
    assert not Event.select().where(Event.fact == "products_imported").exists()
    assert window.redo_action.text() == "Op&nieuw: import van 2 bestanden"
    window.redo_action.trigger()
    assert products() == after  # the same rows, ids included
    assert window.shipping.catalogue.model.rowCount() == len(after)


def test_a_bad_export_beside_a_good_one_is_named_and_does_not_stop_it(qtbot, window, said, tmp_path):
    bad = tmp_path / "kapot.csv"
    bad.write_text("Handle,Title,Variant Price\nring,Ring,24.95\nketting,Ketting,twintig\n", encoding="utf-8")
    shot = picture(tmp_path, "screenshot.png")
    before = len(products())
    results, _mime = drop_files_on_window(qtbot, window, [bad, DATA / "woo_variations.csv", shot])
    outcome = {name: ok for name, ok, _what in results}
    assert outcome == {"kapot.csv": False, "woo_variations.csv": True, "screenshot.png": False}
    assert len(products()) == before + 2 and not Product.select().where(Product.name == "Ketting").exists()
    assert len(said) == 1
    kind, _title, text = said[0]
    assert kind == "warn" and "Regel 3" in text and "twintig" in text
    assert "„screenshot.png”: niet geïmporteerd" in text and "alleen CSV-bestanden" in text
    assert "1 van 3 bestanden geïmporteerd." in text
    assert window.undo_action.text() == "&Ongedaan maken: import van „woo_variations.csv”"


@needs_shared
def test_real_exports_from_two_shops_in_one_drop(qtbot, window, said):
    by_name = {path.name: path for path in EXPORTS}
    files = [by_name["jewelery.csv"], by_name["sample_products.csv"]]
    before = products()
    results, _mime = drop_files_on_window(qtbot, window, files)
    assert all(ok for _name, ok, _what in results) and len(results) == 2
    assert len(said) == 1 and "jewelery.csv" in said[0][2] and "sample_products.csv" in said[0][2]
    window.undo_stack.undo()
    assert products() == before


def test_a_csv_with_a_screenshot_onto_a_content_record_is_refused_whole(qtbot, window, said, tmp_path):
    view = show_person(window, qtbot, "Yara Claes")
    content = yara_content()
    _record, pos = record_point(view, content.id)
    files = [picture(tmp_path, "story.png"), DATA / "woo_variations.csv"]
    mime = files_mime(files)
    evidence, events, known = ContentEvidence.select().count(), Event.select().count(), products()
    move = drag(view.detail_scroll.viewport(), pos, mime, drop=False)
    assert view.evidence_drops.highlight.isVisible() and view.evidence_drops.highlight.refused
    assert move.isAccepted()  # taken, to say why nothing is added
    drag(view.detail_scroll.viewport(), pos, mime)
    qtbot.waitUntil(lambda: bool(said))
    kind, title, text = said[0]
    assert kind == "warn" and "woo_variations.csv" in text and "Er is niets toegevoegd" in text
    qtbot.wait(20)
    assert (ContentEvidence.select().count(), Event.select().count(), products()) == (evidence, events, known)
    assert not window.undo_stack.canUndo()


def test_several_pictures_onto_one_product_get_a_message_and_change_nothing(qtbot, window, said, tmp_path):
    table = window.shipping.catalogue.table
    window.shipping.catalogue.show()
    product_id = window.shipping.catalogue.model.rows[0].id
    pos = table.visualRect(window.shipping.catalogue.model.index(0, 0)).center()
    mime = files_mime([picture(tmp_path, "voor.png"), picture(tmp_path, "achter.png", "#2e7d32")])
    before = products()
    drag(table.viewport(), pos, mime)
    qtbot.waitUntil(lambda: bool(said))
    assert "één foto" in said[0][2] and "2" in said[0][2] and "niets veranderd" in said[0][2]
    assert products() == before and Product.get_by_id(product_id).image_path == ""


def test_a_product_picture_drop_is_undone_and_redone(qtbot, window, said, tmp_path):
    catalogue_dock = window.shipping.catalogue
    catalogue_dock.show()
    table = catalogue_dock.table
    row = catalogue_dock.model.rows[0]
    pos = table.visualRect(catalogue_dock.model.index(0, 0)).center()
    mime = files_mime([picture(tmp_path, "ketting.png")])
    drag(table.viewport(), pos, mime)
    qtbot.waitUntil(lambda: Product.get_by_id(row.id).image_path != "")
    stored = Product.get_by_id(row.id).image_path
    assert catalogue.picture_file_at(stored) is not None
    title = Product.get_by_id(row.id).name
    assert window.undo_action.text().startswith("&Ongedaan maken: foto van " + title)

    window.undo_action.trigger()
    assert Product.get_by_id(row.id).image_path == ""
    assert "Ongedaan gemaakt: foto van" in window.statusBar().currentMessage()
    window.redo_action.trigger()
    assert Product.get_by_id(row.id).image_path == stored
    assert said == []


def test_undo_that_is_no_longer_possible_is_refused_and_changes_nothing(qtbot, window, said, monkeypatch):
    """An imported product a parcel uses since cannot be taken out: said, nothing changed,
    and the step leaves the stack (the ones before stay)."""
    from desktop.clock import utcnow
    from desktop.store import shipping
    from desktop.store.models import Person

    _results, _mime = drop_files_on_window(qtbot, window, [DATA / "woo_variations.csv"])
    said.clear()
    new = Product.select().order_by(Product.id.desc()).first()
    sanne = Person.get(Person.name == "Sanne de Vries")
    shipping.create_shipment(shipping.NewShipment(sanne.id, [(new.id, 1)]), utcnow())  # not through the stack
    before = products()
    window.undo_action.trigger()
    assert said and said[0][0] == "warn" and "niets teruggedraaid" in said[0][2]  # (store/journal: changed since)
    assert products() == before
    assert not window.undo_stack.canUndo() and not window.undo_stack.canRedo()


def test_edit_menu_says_what_undo_and_redo_take_back(qtbot, window):
    menu = window.findChild(type(window.edit_menu), "menuEdit")
    assert menu is window.edit_menu and menu.title() == "Be&werken"
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["&Ongedaan maken", "Op&nieuw"]
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    assert not window.undo_button.isVisible()
    from PySide6.QtGui import QKeySequence

    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.Undo)
    assert window.redo_action.shortcut() == QKeySequence(QKeySequence.Redo)


def test_content_record_evidence_drop_still_works_and_product_rows_still_take_a_csv(qtbot, window, said, tmp_path):
    """A drag without any picture is not for a record: a CSV dropped on the product panel is imported."""
    catalogue_dock = window.shipping.catalogue
    catalogue_dock.show()
    table = catalogue_dock.table
    pos = table.visualRect(catalogue_dock.model.index(0, 0)).center()
    mime = files_mime([DATA / "woo_variations.csv"])
    before = len(products())
    with qtbot.waitSignal(window.shipping.batch_finished, timeout=20000):
        drag(table.viewport(), pos, mime)
    assert len(products()) == before + 2
    assert Content.select().count() > 0


def test_a_mixed_drop_on_an_order_s_pictures_is_refused_whole(qtbot, database, translator, tmp_path):
    from desktop.views.order_dialog import OrderDialog

    from .conftest import NOW

    i18n.set_language("nl")
    dialog = OrderDialog(None, NOW)
    qtbot.addWidget(dialog)
    viewport = dialog.pictures.viewport()
    mime = files_mime([picture(tmp_path, "voorbeeld.png"), DATA / "woo_variations.csv"])
    assert drag(viewport, viewport.rect().center(), mime).isAccepted()
    qtbot.waitUntil(lambda: dialog.errors["pictures"].isVisibleTo(dialog))
    assert "niets toegevoegd" in dialog.errors["pictures"].text() and "woo_variations.csv" in dialog.errors["pictures"].text()
    assert dialog.pictures.count() == 0 and dialog.pending_pictures == []
    dialog.add_pictures([str(picture(tmp_path, "goed.png"))])
    assert dialog.pictures.count() == 1 and not dialog.errors["pictures"].isVisibleTo(dialog)
    end_drags()


def test_several_pictures_on_the_product_dialog_get_a_word(qtbot, database, translator, tmp_path):
    from desktop.views.shipping_dialogs import ProductDialog

    i18n.set_language("nl")
    form = ProductDialog(None)
    qtbot.addWidget(form.dialog)
    mime = files_mime([picture(tmp_path, "a.png"), picture(tmp_path, "b.png")])
    drag(form.picture_label, form.picture_label.rect().center(), mime)
    assert form.picture is None
    assert form.problem.isVisibleTo(form.dialog) and "één foto" in form.problem.text()
    end_drags()


def test_what_the_owner_does_to_a_reminder_can_be_undone(window, qtbot, monkeypatch):
    """Walk-through finding 15: "Reactie ontvangen", "Afgerond zonder bericht" and a strike
    acted at once, with nothing on Edit → Undo; a misclick ended the chase or moved the
    ladder a rung. Each is now taken back with Ctrl+Z, and done again with redo."""
    from desktop import reminders
    from desktop.store import due
    from desktop.store.models import Event
    from desktop.views.due_dialog import DueStepDialog

    def due_for(name):
        return next(i for i in due.due_now(NOW) if i.person_name == name)

    lotte = due_for("Lotte Janssens")
    dialog = DueStepDialog(lotte, window, now=lambda: NOW)
    qtbot.addWidget(dialog)
    replies = Event.select().where(Event.direction == "in").count()
    from desktop.views import dialogs

    monkeypatch.setattr(dialogs, "run", lambda form: form.buttons.accepted.emit() or form.result() == 1)
    dialog.reply_button.click()
    assert Event.select().where(Event.direction == "in").count() == replies + 1
    assert "Lotte Janssens" not in {i.person_name for i in due.due_now(NOW)}
    assert window.undo_stack.undoText() == "antwoord van Lotte Janssens vastgelegd"
    window.undo_stack.undo()
    assert Event.select().where(Event.direction == "in").count() == replies
    assert due_for("Lotte Janssens").key == lotte.key  # her step is due again, as before the click
    window.undo_stack.redo()
    assert "Lotte Janssens" not in {i.person_name for i in due.due_now(NOW)}
    # "Done without a message" from Vandaag or the tray: the ladder moved a rung; undone, back
    noor = due_for("Noor Bakker")
    reminders.mark_done([noor], NOW)
    assert noor.key not in {i.key for i in due.due_now(NOW)}
    assert window.undo_stack.undoText() == "herinnering voor Noor Bakker afgehandeld zonder bericht"
    window.undo_stack.undo()
    assert due_for("Noor Bakker").key == noor.key


@pytest.mark.parametrize("button, status", [("lost_button", "lost"), ("arrived_button", "received")])
def test_a_parcel_check_in_takes_arrived_or_lost(window, qtbot, button, status):
    """Walk-through 2, finding P: "Nee, niets ontvangen" came in on the check-in, whose dialog
    had no way to say so: logged as a reply, the lost parcel was chased to a strike."""
    from desktop.store import due
    from desktop.store.models import Shipment
    from desktop.views.due_dialog import DueStepDialog

    first = next(i for i in due.plan(NOW) if i.kind == "shipment")
    later = max(NOW, first.due) + timedelta(minutes=1)
    check_in = next(i for i in due.due_now(later) if i.kind == "shipment")
    dialog = DueStepDialog(check_in, window, now=lambda: later)
    qtbot.addWidget(dialog)
    assert dialog.lost_button.text() in ("Niet aangekomen: zoekgeraakt", "Not arrived: lost")
    getattr(dialog, button).click()
    assert Shipment.get_by_id(check_in.subject_id).status == status
    assert check_in.key not in {i.key for i in due.plan(later)}
    window.undo_stack.undo()
    assert Shipment.get_by_id(check_in.subject_id).status in ("sent", "delivered")
