"""The template editor offers the placeholders a template can use by their plain meaning,
and puts the chosen one at the cursor of the subject or the body."""

import pytest
from PySide6.QtCore import Qt

from desktop import i18n
from desktop.presentation import messages

from .conftest import NOW


def make(qtbot, template_id="ladder.1"):
    """The template editor on its page of the settings window."""
    from desktop.views.settings_window import SettingsWindow

    window = SettingsWindow(page="templates", now=lambda: NOW)
    qtbot.addWidget(window)
    dialog = window.template_editor
    dialog.settings_window = window  # kept alive with the editor the tests use
    dialog.template.setCurrentIndex(dialog.template.findData(template_id))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return dialog


def offered(dialog):
    from desktop.views.template_editor import CODE_ROLE

    items = [dialog.placeholders.item(row) for row in range(dialog.placeholders.count())]
    return {item.data(CODE_ROLE): item.text() for item in items}


def choose(dialog, name):
    row = list(offered(dialog)).index(name)
    dialog.placeholders.setCurrentRow(row)
    return dialog.placeholders.item(row)


def focus(qtbot, widget):
    widget.setFocus(Qt.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)


@pytest.mark.parametrize("language, expected", [
    ("nl", {"voornaam": "Voornaam van de ontvanger", "deadline": "Deadline",
            "dagen_te_laat": "Aantal dagen te laat", "aanhef": "Aanhef"}),
    ("en", {"voornaam": "Recipient's first name", "deadline": "Deadline",
            "dagen_te_laat": "Number of days late", "aanhef": "Greeting"}),
])
def test_the_list_shows_plain_meanings_in_the_ui_language(qtbot, database, translator, language, expected):
    i18n.set_language(language)
    dialog = make(qtbot, "ladder.1.alt")
    shown = offered(dialog)
    for name, label in expected.items():
        assert shown[name] == label
    # a meaning, never the raw name: no braces, no underscores, not the code itself
    assert all("{" not in text and "_" not in text and text != name for name, text in shown.items())
    assert dialog.form.findChild(type(dialog.template_state), "placeholdersLabel").text() == (
        "&Invulvelden" if language == "nl" else "&Placeholders")
    # the code and what it holds are in the tooltip and the help line
    item = choose(dialog, "dagen_te_laat")
    assert item.toolTip().startswith("{dagen_te_laat}: ")
    assert dialog.placeholder_help.text() == item.toolTip()
    assert ("hoeveel dagen te laat" if language == "nl" else "how many days late") in item.toolTip()


def test_only_the_placeholders_of_this_template_are_offered(qtbot, database, translator):
    dialog = make(qtbot, "ladder.1")
    ladder = set(offered(dialog))
    assert {"voornaam", "aanhef", "groet", "afspraken", "deadline", "dagen_te_laat"} <= ladder
    assert not ladder & {"titel", "voorwaarden", "reden", "ontbreekt", "track_trace", "vervoerder"}
    dialog.template.setCurrentIndex(dialog.template.findData("agreement"))
    agreement = set(offered(dialog))
    assert {"voornaam", "aanhef", "groet", "titel", "voorwaarden"} <= agreement
    assert not agreement & {"deadline", "dagen_te_laat", "reden", "bestelnummer"}
    dialog.template.setCurrentIndex(dialog.template.findData("order.shipped"))
    assert {"vervoerder", "track_trace", "bestelnummer"} <= set(offered(dialog))
    assert list(offered(dialog)) == list(messages.placeholders_for("order.shipped"))


def test_every_default_template_uses_only_what_it_offers_and_every_placeholder_has_a_label():
    for template_id, template in messages.TEMPLATES.items():
        allowed = set(messages.placeholders_for(template_id))
        assert messages.placeholders_in(template.subject + template.body) <= allowed, template_id
        for language in ("nl", "en"):
            for form in messages.FORMS:
                subject, body = messages.default_text(template_id, language, form)
                assert messages.placeholders_in(subject + body) <= allowed, (template_id, language, form)
    assert set(messages.PLACEHOLDER_LABELS) == set(messages.PLACEHOLDERS)


def test_enter_inserts_the_code_at_the_cursor_and_the_preview_renders_it(qtbot, database, translator):
    dialog = make(qtbot, "ladder.1")
    dialog.body.setPlainText("Je bent nu  met je reel.")
    focus(qtbot, dialog.body)
    cursor = dialog.body.textCursor()
    cursor.setPosition(len("Je bent nu "))
    dialog.body.setTextCursor(cursor)
    choose(dialog, "dagen_te_laat")
    focus(qtbot, dialog.placeholders)
    qtbot.keyClick(dialog.placeholders, Qt.Key_Return)
    assert dialog.body.toPlainText() == "Je bent nu {dagen_te_laat} met je reel."
    assert dialog.body.hasFocus() and dialog.body.textCursor().position() == len("Je bent nu {dagen_te_laat}")
    # no due item in an empty database: the example values, 2 days late
    assert "Je bent nu 2 dagen te laat met je reel." in dialog.preview.toPlainText()
    assert dialog.template_problem.text() == ""


def test_double_click_and_the_button_insert_into_the_field_used_last(qtbot, database, translator):
    dialog = make(qtbot, "ladder.1")
    dialog.subject.setText("Herinnering van ")
    focus(qtbot, dialog.subject)
    dialog.subject.setCursorPosition(len("Herinnering van "))
    choose(dialog, "winkel")
    dialog.insert_button.click()
    assert dialog.subject.text() == "Herinnering van {winkel}"
    assert dialog.preview.toPlainText().startswith("Herinnering van Zilver & Zo\n")
    # a double-click on another placeholder goes to the subject too, at its cursor
    dialog.subject.setCursorPosition(0)
    item = choose(dialog, "voornaam")
    rect = dialog.placeholders.visualItemRect(item)
    # a real double-click: press and release, then the double-click
    qtbot.mouseClick(dialog.placeholders.viewport(), Qt.LeftButton, pos=rect.center())
    assert dialog.subject.text() == "Herinnering van {winkel}"  # one click only chooses
    qtbot.mouseDClick(dialog.placeholders.viewport(), Qt.LeftButton, pos=rect.center())
    assert dialog.subject.text() == "{voornaam}Herinnering van {winkel}"
    assert dialog.preview.toPlainText().startswith("SanneHerinnering van Zilver & Zo")
    # once the owner has been in the body, the body gets it
    dialog.body.setPlainText("")
    focus(qtbot, dialog.body)
    choose(dialog, "deadline")
    dialog.insert_button.click()
    assert dialog.body.toPlainText() == "{deadline}"
    assert dialog.subject.text() == "{voornaam}Herinnering van {winkel}"


def test_the_preview_of_a_notice_that_ends_several_collaborations_names_work_of_more_than_one(
        qtbot, database, translator):
    """Its example values name two things owed, as the plural wording says ("our collaborations"),
    not one reel."""
    dialog = make(qtbot, "ladder.4.several")
    text = dialog.preview.toPlainText()
    assert "onze samenwerkingen" in text or "our collaborations" in text
    assert "je twee stories" in text or "your two stories" in text
    dialog.template.setCurrentIndex(dialog.template.findData("ladder.4"))
    assert "stories" not in dialog.preview.toPlainText()
