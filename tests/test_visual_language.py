"""One visual language across the dialogs: field labels without colons (as in every form),
money always with its currency sign, the same buttons for the same answers."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QLabel

ROOT = Path(__file__).resolve().parent.parent


def test_no_form_label_ends_in_a_colon():
    found = []
    for ui in sorted((ROOT / "ui").glob("*.ui")):
        for widget in ET.parse(ui).iter("widget"):
            if widget.get("class") not in ("QLabel", "QCheckBox", "QGroupBox"):
                continue
            for prop in widget.findall("property"):
                if prop.get("name") in ("text", "title"):
                    text = prop.findtext("string") or ""
                    if text.rstrip().endswith(":"):
                        found.append(f"{ui.name}: {widget.get('name')} “{text}”")
    assert not found, "\n".join(found)


def test_the_shipment_dialog_labels_read_like_the_others(qtbot, demo_db, translator):
    from desktop.store.models import Person, Product
    from desktop.views.shipping_dialogs import ShipmentDialog

    sanne = Person.get(Person.name == "Sanne de Vries")
    form = ShipmentDialog(None, sanne.id, [Product.select().first().id])
    qtbot.addWidget(form.dialog)
    texts = [label.text() for label in form.dialog.findChildren(QLabel) if label.buddy() is not None]
    assert texts and not [t for t in texts if t.endswith(":")]
    assert "&Vervoerder" in texts


def test_an_action_question_reads_action_or_cancel(qtbot, demo_db, translator):
    """The erase question: "Wissen" and "Annuleren", never "Wissen" and "Nee"."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.i18n import _
    from desktop.store.models import Person
    from desktop.views import dialogs, privacy_actions

    person = Person.get(Person.name == "Sanne de Vries")
    title, text, option = privacy_actions.erase_question(None, person)
    box, check = dialogs.option_box(None, title, text, option, yes_text=_("Erase"))
    qtbot.addWidget(box)
    assert (box.button(QMessageBox.Yes).text(), box.button(QMessageBox.No).text()) == ("Wissen", "Annuleren")
    assert box.defaultButton() is box.button(QMessageBox.No) and "Sanne de Vries" in text
    plain, _check = dialogs.option_box(None, "Vraag", "Zeker?", "Ook dit")
    qtbot.addWidget(plain)
    assert (plain.button(QMessageBox.Yes).text(), plain.button(QMessageBox.No).text()) == ("Ja", "Nee")


def test_the_language_questions_notes_are_readable_not_disabled(qtbot, qapp, language_question):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    from desktop.views import theme

    seen = {}

    def look():
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QDialog) and w.objectName() == "languageQuestion" and w.isVisible()), None)
        if dialog is None:  # its exec() has not shown it yet: look again on the next turn
            QTimer.singleShot(0, look)
            return
        for language in ("nl", "en"):
            note = dialog.findChild(QLabel, f"languageLater_{language}")
            colour = note.palette().color(note.foregroundRole())
            seen[language] = (note.isEnabled(), note.text(),
                              theme.contrast(colour, note.palette().color(note.backgroundRole())))
        dialog.accept()

    QTimer.singleShot(0, look)
    assert language_question.real(None) == "nl"  # the dialog itself (conftest answers it otherwise)
    assert seen["nl"][0] and seen["en"][0]
    assert seen["nl"][1].startswith("Je kunt") and seen["en"][1].startswith("You can")
    assert min(seen["nl"][2], seen["en"][2]) >= theme.MIN_CONTRAST


def test_every_amount_field_shows_its_currency_sign(qtbot, demo_db, translator):
    """An amount typed into a field shows "€" before it, as every amount shown beside it does."""
    from PySide6.QtGui import QAction

    from desktop.store.models import Collaboration, CustomOrder, Person, Product
    from desktop.views.collaboration_dialog import CollaborationDialog
    from desktop.views.order_dialog import OrderDialog
    from desktop.views.shipping_dialogs import ProductDialog, ShipmentDialog

    from .conftest import NOW

    sanne = Person.get(Person.name == "Sanne de Vries")
    order = OrderDialog(None, NOW, order_id=CustomOrder.select().first().id)
    collab = CollaborationDialog(None, collaboration=Collaboration.get(Collaboration.person == sanne))
    collab.search.select(Product.select().first().id)
    collab.add_chosen_gift()
    shipment = ShipmentDialog(None, sanne.id, [Product.select().first().id])
    product = ProductDialog(None)
    for widget in (order, collab, shipment.dialog, product.dialog):
        qtbot.addWidget(widget)
    fields = [order.price, order.deposit, collab.w("fee"), collab.w("product_cost"), collab.w("shipping"),
              collab.w("gifts").cellWidget(0, 2), shipment.shipping, product.fields["price"], product.fields["cost"]]
    for field in fields:
        assert field.property("currency") == "€", field.objectName()
        assert [a for a in field.actions() if isinstance(a, QAction) and a.objectName() == "currencySign"]
    # what is typed stays the bare amount the money parser reads
    order.price.setText("42,95")
    assert order.price.text() == "42,95"


def test_the_followers_hint_writes_numbers_as_each_language_does(qtbot, demo_db, translator):
    from desktop import i18n
    from desktop.domain.validation import parse_count
    from desktop.store.models import Person
    from desktop.views.influencer_dialog import InfluencerDialog

    sanne = Person.get(Person.name == "Sanne de Vries")
    hints = {}
    for language in ("nl", "en"):
        i18n.set_language(language)
        dialog = InfluencerDialog(None, sanne)
        qtbot.addWidget(dialog)
        hints[language] = dialog.w("handlesHelp").text()
    assert "12.700 of 12,7k" in hints["nl"]
    assert "12,700 or 12.7k" in hints["en"]
    assert parse_count("12,700") == parse_count("12.7k") == parse_count("12.700") == 12700  # all of them are read


def test_the_screenshots_type_english_into_english_shots():
    import importlib.util
    import sys

    sys.path.insert(0, str(ROOT / "docs"))
    try:
        spec = importlib.util.spec_from_file_location("shots", ROOT / "docs" / "make_screenshots.py")
        shots = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(shots)
    finally:
        sys.path.remove(str(ROOT / "docs"))
    shots.LANGUAGE = "en"
    assert shots.typed("cadeaubon van € 10", "€10 gift card") == "€10 gift card"
    source = (ROOT / "docs" / "make_screenshots.py").read_text(encoding="utf-8")
    for dutch in ("Sorry voor de stilte", "Mijn nieuwe ketting", "we stoppen met"):
        line = next(line for line in source.splitlines() if dutch in line)
        assert "typed(" in line, f"Dutch sample text typed into every shot: {line.strip()}"
    # Except where the dialog on screen asks for her language: Sanne's messages are in Dutch,
    # and the collaboration dialog says to write "Other products" in Dutch (a screenshot
    # review found English there under that very hint).
    line = next(line for line in source.splitlines() if "cadeaubon van" in line)
    assert "typed(" not in line and 'setText("cadeaubon van € 10")' in line
