"""Qt's own texts in the UI language: a text field's right-click menu, standard buttons.

The app's translator (views/translator.py) answers from gettext first and then from Qt's
own catalog for the current language (qtbase_nl.qm); in English Qt keeps its own text.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit

from desktop import i18n
from desktop.views import translator as tr

DUTCH_MENU = ["Ongedaan maken", "Opnieuw", "Knippen", "Kopiëren", "Plakken", "Verwijderen", "Alles selecteren"]
ENGLISH_MENU = ["Undo", "Redo", "Cut", "Copy", "Paste", "Delete", "Select All"]


def menu_texts(widget) -> list[str]:
    """The standard context menu's entries without mnemonics, shortcuts and separators."""
    menu = widget.createStandardContextMenu()
    try:
        return [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if not a.isSeparator()]
    finally:
        menu.deleteLater()


@pytest.mark.parametrize("language, expected", [("nl", DUTCH_MENU), ("en", ENGLISH_MENU)])
def test_a_text_fields_right_click_menu_speaks_the_ui_language(qtbot, translator, language, expected):
    i18n.set_language(language)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.setText("Mila")
    assert menu_texts(field) == expected
    note = QPlainTextEdit()
    qtbot.addWidget(note)
    note.setPlainText("Bedankt voor de reel")
    assert menu_texts(note) == expected


def test_without_the_apps_translator_qt_stays_english(qtbot):
    """The test above can fail: Qt's Dutch comes from the app's translator only."""
    from PySide6.QtCore import QCoreApplication

    if tr._installed is not None:  # installed by an earlier test in this process
        QCoreApplication.removeTranslator(tr._installed)
    try:
        i18n.set_language("nl")
        field = QLineEdit()
        qtbot.addWidget(field)
        assert menu_texts(field) == ENGLISH_MENU
    finally:
        if tr._installed is not None:
            QCoreApplication.installTranslator(tr._installed)


def test_the_apps_own_words_come_first_and_qt_answers_the_rest(qtbot, translator):
    i18n.set_language("nl")
    # A text the app's catalog knows (its own wording) is answered from gettext...
    assert translator.translate("QPlatformTheme", "Cancel") == i18n._("Cancel") == "Annuleren"
    # ...one only Qt knows from Qt's Dutch; one nobody knows stays Qt's (a null answer).
    assert translator.translate("QLineEdit", "Select All") == "Alles selecteren"
    assert translator.translate("QLineEdit", "No such text anywhere") is None
    assert translator.translate("QGuiApplication", "QT_LAYOUT_DIRECTION") in ("LTR", None)
    buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Discard)
    qtbot.addWidget(buttons)
    assert sorted(b.text() for b in buttons.buttons()) == ["Opslaan", "Verwerpen"]


def test_the_right_click_menu_follows_a_language_switch_at_run_time(qtbot, demo_db, translator):
    from desktop.app import Application

    application = Application([], cli_language=None)
    application.build_window()
    first = application.window
    field = QLineEdit(first)
    field.setText("Mila")
    assert menu_texts(field) == DUTCH_MENU
    first.switch_language("en")
    qtbot.waitUntil(lambda: application.window is not first)
    field = QLineEdit(application.window)
    field.setText("Mila")
    assert menu_texts(field) == ENGLISH_MENU
    application.window.switch_language("nl")
    second = application.window
    qtbot.waitUntil(lambda: application.window is not second)
    field = QLineEdit(application.window)
    field.setText("Mila")
    assert menu_texts(field) == DUTCH_MENU
    application.shutdown()
    application.window.close()
    application.window.deleteLater()


def test_the_qt_catalog_is_loaded_once_per_language_and_not_for_english():
    assert tr.qt_catalog_name("nl") == "qtbase_nl"
    assert tr.qt_catalog_name("en_GB") is None
    assert tr.qt_catalog("en") is None
    dutch = tr.qt_catalog("nl")
    assert dutch is not None and dutch is tr.qt_catalog("nl_BE")
    assert dutch.language() == "nl_NL"


def test_a_missing_qt_catalog_is_reported_by_the_smoke_test(tmp_path, monkeypatch):
    from desktop import selfcheck

    assert selfcheck.qt_catalog_problems() == []
    monkeypatch.setattr(tr, "qt_translations_dir", lambda: str(tmp_path))
    monkeypatch.setattr(tr, "_qt_catalogs", {})  # forget the one loaded from PySide6
    assert selfcheck.qt_catalog_problems() == [f"no Qt catalog qtbase_nl.qm in {tmp_path}"]
