"""The order form's messages at its fields, whole, on a laptop of 1366 × 768.

A message longer than about a line was cut off after its first line: the form could not
grow past the screen's height, so Qt squeezed every row. The form now scrolls where the
dialog cannot grow further, each message wraps in its field's column (what she typed and
a message quotes, too long for a line, gets a place to break), and the dialog grows first.
The longest messages the form can give, in Dutch and English: three pictures refused at
once (each a paragraph with its reason), an amount and an e-mail address pasted without a
space, and with them a message at every other field that can have one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QRect
from PySide6.QtWidgets import QApplication, QLabel

from desktop import i18n
from desktop.presentation import errors
from desktop.store import pictures
from desktop.store.models import CustomOrder
from desktop.views.order_dialog import OrderDialog

from .conftest import NOW

LAPTOP = QRect(0, 0, 1366, 768 - 40)  # 1366 × 768 with a task bar

PASTED_EMAIL = "lotte.vermeulen.handgemaakte.sieraden.en.cadeaus.voor.iedereen" * 2  # no "@", no space
PASTED_PRICE = "vierentwintig-euro-en-vijfennegentig-cent-inclusief-verzendkosten-naar-belgie"
PICTURES = [
    ("Foto van de naamketting met de letter M voor Lotte - voorbeeld van de klant.jpg", b"\xff\xd8\xff\xe0" + b"x" * 40),
    ("Schermafbeelding_2026-11-20_om_14.32.07_bericht_van_de_klant_over_de_gravure.png", b""),
    ("Gravure-voorbeeld lettertype Great Vibes definitief versie 3.webp", b"not a picture at all"),
]


@pytest.fixture
def laptop(monkeypatch):
    monkeypatch.setattr(OrderDialog, "room", lambda self: LAPTOP)


def _shown(dialog: OrderDialog) -> OrderDialog:
    dialog.show()
    QApplication.processEvents()
    return dialog


def _refuse_pictures(dialog: OrderDialog, folder) -> str:
    files = []
    for name, data in PICTURES:
        (folder / name).write_bytes(data)
        files.append(str(folder / name))
    dialog.add_pictures(files)
    QApplication.processEvents()
    from pathlib import Path

    from desktop.views import picture_check

    return errors.pictures_refused(picture_check.refusals([Path(f) for f in files]))


def _messages(dialog: OrderDialog) -> dict[str, QLabel]:
    return {key: label for key, label in dialog.errors.items() if label.isVisibleTo(dialog)}


def _assert_whole(qtbot, dialog: OrderDialog, messages: dict[str, QLabel]) -> None:
    """Every message as tall as its text needs at its width, inside the form's width; the form
    as tall as it needs (scrolled where the dialog is at the screen's height); the dialog on
    the screen. (The scroll area lays its form out again on a later turn of the event loop.)"""
    form, scroll = dialog.form, dialog.scroll

    def laid_out() -> bool:
        return form.height() >= form.heightForWidth(form.width()) and form.width() <= scroll.viewport().width() and all(
            label.height() >= label.heightForWidth(label.width()) for label in messages.values())

    qtbot.waitUntil(laid_out)  # passes as soon as it holds; fails (as before the fix) if never
    assert dialog.height() <= LAPTOP.height()
    assert form.height() >= form.heightForWidth(form.width())  # not squeezed
    assert form.width() <= scroll.viewport().width()  # nothing off to the right
    if form.height() > scroll.viewport().height():
        assert scroll.verticalScrollBar().isVisible()
    for key, label in messages.items():
        assert label.height() >= label.heightForWidth(label.width()), (key, label.text())
        assert label.mapTo(form, label.rect().topRight()).x() <= form.width(), key
        assert label.width() >= label.fontMetrics().horizontalAdvance(label.text().split("\u200b")[0][:30]) - 1, key


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_longest_messages_of_a_new_order_are_shown_whole(qtbot, demo_db, translator, laptop, tmp_path,
                                                             language):
    i18n.set_language(language)
    dialog = OrderDialog(None, NOW)
    qtbot.addWidget(dialog)
    _shown(dialog)
    first_height = dialog.height()
    dialog.name.setText("")
    dialog.email.setText(PASTED_EMAIL)
    dialog.price.setText(PASTED_PRICE)
    dialog.deposit.setText("12,3456789" if language == "nl" else "12.3456789")
    dialog.ordered_on.setDate(QDate(2026, 12, 20))  # after today
    dialog.promised_ready.setDate(QDate(2026, 12, 10))
    dialog.has_delivery.setChecked(True)
    dialog.promised_delivery.setDate(QDate(2026, 12, 1))  # before the ready date
    dialog.save()
    QApplication.processEvents()
    said = _refuse_pictures(dialog, tmp_path)
    messages = _messages(dialog)
    assert set(messages) >= {"name", "email", "price", "deposit", "ordered_on", "promised_delivery", "pictures"}
    assert messages["pictures"].text().replace("\u200b", "") == said  # all of it, three paragraphs
    assert PASTED_EMAIL in messages["email"].text().replace("\u200b", "")
    assert dialog.height() > first_height  # it grew to say it
    _assert_whole(qtbot, dialog, messages)
    assert dialog.summary.isVisible()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_moved_date_without_a_reason_is_told_whole(qtbot, demo_db, translator, laptop, language):
    """An order being changed: its ready date moved before the day it was ordered, and no
    reason given (two long messages, one under the other)."""
    i18n.set_language(language)
    order = CustomOrder.get(CustomOrder.order_number == "#1033")
    dialog = OrderDialog(None, NOW, order_id=order.id)
    qtbot.addWidget(dialog)
    _shown(dialog)
    dialog.promised_ready.setDate(dialog.ordered_on.date().addDays(-3))
    QApplication.processEvents()
    dialog.save()
    messages = _messages(dialog)
    assert {"promised_ready", "change_reason"} <= set(messages)
    _assert_whole(qtbot, dialog, messages)


def test_a_name_of_a_file_without_spaces_breaks_in_its_message(qtbot, database, translator, laptop):
    """A refused file named without a single space (a phone's or a download's name) made its
    message as wide as the name: wider than the column, cut off on the right."""
    dialog = OrderDialog(None, NOW)
    qtbot.addWidget(dialog)
    _shown(dialog)
    name = "IMG_20261120_143207_bericht_van_de_klant_over_de_gravure_met_de_letter_M_voor_Lotte.jpg"
    dialog.show_errors({"pictures": errors.pictures_refused([pictures.NotAPicture(pictures.NOT_A_PICTURE, name)])})
    QApplication.processEvents()
    label = dialog.errors["pictures"]
    assert label.text().replace("\u200b", "").startswith("„" + name)
    _assert_whole(qtbot, dialog, {"pictures": label})


def test_a_long_run_without_a_space_gets_places_to_break_and_nothing_else_changes():
    from desktop.views.base import LONGEST_RUN, breakable

    short = "„12,3456789” heeft meer dan twee cijfers achter de komma. Typ centen als 24,95 en duizenden als 1.250."
    assert breakable(short) == short  # an ordinary message stays as it is
    name = "“Schermafbeelding_2026-11-20_om_14.32.07_bericht_van_de_klant.png” is empty"
    broken = breakable(name)
    assert broken.replace("\u200b", "") == name
    assert "Schermafbeelding_\u200b2026-" in broken  # after a separator, not in the middle of a word
    assert all(len(piece) <= LONGEST_RUN for word in broken.split() for piece in word.split("\u200b"))
    assert breakable(broken) == broken
    pasted = "x" * 100
    assert all(len(piece) <= LONGEST_RUN for piece in breakable(pasted).split("\u200b"))
