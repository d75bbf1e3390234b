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
    assert item.toolTip().startswith("{dagen_te_laat}: " if language == "nl" else "{days_late}: ")
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


@pytest.mark.parametrize("language, label, code, help_start, intro", [
    ("nl", "Adres waar het pakket naartoe ging", "adres", "het adres waar het pakket naartoe ging",
     "We hadden het pakket gestuurd naar:"),
    ("en", "Address the parcel went to", "address", "the address the parcel went to", "We sent it to:"),
])
def test_the_returned_parcels_message_offers_the_address_it_went_to(qtbot, database, translator, language, label,
                                                                    code, help_start, intro):
    """resend-address: "is the address still right?" now shows the address, {adres}: offered
    (with what it holds) for that template only, and the preview shows an address block."""
    i18n.set_language(language)
    dialog = make(qtbot, "order.resend.returned")
    assert offered(dialog)["adres"] == label
    item = choose(dialog, "adres")
    assert item.toolTip().startswith("{" + code + "}: " + help_start)
    assert dialog.placeholder_help.text() == item.toolTip()
    assert intro + "\nJeroen de Graaf\nKerkstraat 12\n3811 AB Amersfoort\n\n" in dialog.preview.toPlainText()
    dialog.template.setCurrentIndex(dialog.template.findData("order.resend"))
    assert "adres" not in offered(dialog)


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
    qtbot.mouseRelease(dialog.placeholders.viewport(), Qt.LeftButton, pos=rect.center())  # (QTest leaves it down)
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


# --- the placeholders' names in the app's language ----------------------------------------------
# An owner who runs the app in English saw {aanhef}, {afspraken} … in the editor and had to type
# Dutch names. She reads and types English ones; a template is kept with the Dutch (canonical)
# names, so one saved before, or in either spelling, renders in both languages.

def test_every_placeholder_has_one_english_name_that_is_no_other_placeholders_name():
    from desktop.domain import message_rules

    assert set(message_rules.ENGLISH_NAMES) == set(messages.PLACEHOLDERS)
    english = list(message_rules.ENGLISH_NAMES.values())
    assert len(set(english)) == len(english)
    for dutch, name in message_rules.ENGLISH_NAMES.items():
        assert name == dutch or name not in messages.PLACEHOLDERS, name
        assert name.isidentifier() and name.islower()


def test_a_text_reads_in_either_spelling_and_is_kept_canonically():
    text = "{greeting} {{greeting}} {afspraken} by {deadline}, {days_late}. {onbekend} {\n{sign_off}"
    assert messages.canonical(text) == "{aanhef} {{greeting}} {afspraken} by {deadline}, {dagen_te_laat}. {onbekend} {\n{groet}"
    assert messages.spelled(messages.canonical(text), "en") == (
        "{greeting} {{greeting}} {promises} by {deadline}, {days_late}. {onbekend} {\n{sign_off}")
    assert messages.spelled(messages.canonical(text), "nl") == messages.canonical(text)
    assert messages.placeholders_in("{greeting} {aanhef} {promises}") == {"aanhef", "afspraken"}


@pytest.mark.parametrize("ui", ["nl", "en"])
def test_both_spellings_pass_the_check_and_an_unknown_name_lists_them_in_the_ui_language(ui):
    i18n.set_language(ui)
    assert messages.validate("{greeting} {aanhef} {days_late} {dagen_te_laat}") == []
    [problem] = messages.validate("{groeting}")
    assert ("{greeting}" in problem and "{aanhef}" not in problem) if ui == "en" else (
        "{aanhef}" in problem and "{greeting}" not in problem)


@pytest.mark.parametrize("language, form, country, start", [
    ("nl", "je", "NL", "Hoi Sanne,"), ("en", "je", "NL", "Hi Sanne,"), ("nl", "u", "BE", "Beste Sanne,")])
def test_a_template_in_either_spelling_renders_the_same_in_every_language(language, form, country, start):
    to = messages.Recipient("Sanne", language, country, form)
    values = messages.sample_values(language)
    dutch = ("Over {product}", "{aanhef}\n\nJe bent {dagen_te_laat}: {product}.\n\n{groet}\n{afzender}")
    english = ("Over {product}", "{greeting}\n\nJe bent {days_late}: {product}.\n\n{sign_off}\n{your_name}")
    one, other = (messages.render("ladder.1", values, to, now=NOW, override=texts) for texts in (dutch, english))
    assert (one.subject, one.body, one.missing) == (other.subject, other.body, other.missing)
    assert one.body.startswith(start) and "{" not in one.body and one.body.endswith("Eva")


def test_an_english_owner_reads_types_and_keeps_english_names(qtbot, database, translator):
    from desktop.store import settings, templates
    from desktop.views.template_editor import NAME_ROLE

    i18n.set_language("en")
    dialog = make(qtbot, "ladder.1")
    # the standard text of a Dutch template, in English names
    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    body = dialog.body.toPlainText()
    assert body.startswith("{greeting}") and "{promises}" in body and "{sign_off}" in body
    assert not messages.placeholders_in(body) - {"aanhef", "afspraken", "deadline", "groet", "afzender", "winkel",
                                                 "pakketvraag"}
    assert "{aanhef}" not in body and "{afspraken}" not in body and "{groet}" not in body
    assert dialog.edits == {}  # shown in other names, nothing changed
    # the list: the English name under each meaning, and inserted so
    item = choose(dialog, "dagen_te_laat")
    assert item.data(NAME_ROLE) == "days_late" and dialog.placeholder_help.text().startswith("{days_late}: ")
    dialog.body.setPlainText("{greeting} je bent  met {promises}.\n\n{sign_off}\n{your_name}")
    focus(qtbot, dialog.body)
    cursor = dialog.body.textCursor()
    cursor.setPosition(len("{greeting} je bent "))
    dialog.body.setTextCursor(cursor)
    dialog.insert_button.click()
    assert dialog.body.toPlainText() == "{greeting} je bent {days_late} met {promises}.\n\n{sign_off}\n{your_name}"
    assert dialog.template_problem.text() == ""
    assert dialog.preview.toPlainText().split("\n\n")[1].startswith("Hoi Sanne, je bent 2 dagen te laat met")
    # kept with the canonical names: it renders in every language, and reads in Dutch for a Dutch owner
    settings.save_changes({}, dialog.edits, NOW)
    dialog.saved()
    assert templates.own("ladder.1", "nl", "je")[1] == (
        "{aanhef} je bent {dagen_te_laat} met {afspraken}.\n\n{groet}\n{afzender}")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    assert dialog.body.toPlainText().startswith("{greeting} je bent {days_late}")
    assert dialog.edits == {}
    i18n.set_language("nl")
    dutch = make(qtbot, "ladder.1")
    dutch.language.setCurrentIndex(dutch.language.findData("nl"))
    assert dutch.body.toPlainText().startswith("{aanhef} je bent {dagen_te_laat}")


def test_a_template_saved_with_dutch_names_reads_in_english_and_renders(qtbot, database, translator):
    """Templates saved before keep working: the Dutch names are the canonical ones."""
    from desktop.store import templates

    templates.save("ladder.1", "en", "je", "About {product}", "{aanhef} you are {dagen_te_laat}.\n\n{groet}\n{afzender}",
                   NOW)
    i18n.set_language("en")
    dialog = make(qtbot, "ladder.1")
    assert dialog.language.currentData() == "en"
    assert dialog.body.toPlainText() == "{greeting} you are {days_late}.\n\n{sign_off}\n{your_name}"
    assert dialog.edits == {}
    assert "Hi Sanne, you are 2 days late." in dialog.preview.toPlainText()


def test_reply_1_parcel_says_when_it_is_sent_and_names_its_joined_question(qtbot, database, translator):
    """reply.1.parcel is sent instead of step 1 when a parcel check-in joins it: the editor says
    so (and that a reworded step 1 is sent instead when this one is not), and its {pakketvraag}
    is the question about her message and the parcel, not "has the parcel arrived?"."""
    i18n.set_language("en")
    dialog = make(qtbot, "reply.1.parcel")
    assert offered(dialog)["pakketvraag"] == "Question: did my message and the parcel arrive?"
    assert "unanswered message and the parcel" in choose(dialog, "pakketvraag").toolTip()
    assert dialog.template_state.text().startswith("Sent instead of step 1 when a parcel's check-in falls due")
    index = dialog.template.findData("reply.1.parcel")
    note = dialog.template.itemData(index, Qt.ToolTipRole)
    assert "If you changed step 1's text" in note
    # her step 1 gets the question before her sign-off (``messages.with_paragraph``), not at the end
    assert "before your sign-off" in note and "at the end" not in note
    assert dialog.template.itemText(index).endswith("step 1: did it arrive? (with a parcel check-in)")
    # elsewhere the closing question keeps its own name, and no note stands above the state
    dialog.template.setCurrentIndex(dialog.template.findData("ladder.1"))
    assert offered(dialog)["pakketvraag"] == "Question: has the parcel arrived?"
    assert dialog.template_state.text().startswith("This is the standard text.")
    # in Dutch its name follows its siblings' "stap 1: is het aangekomen? (…)", its note says
    # "verstuurd" (not "gaat … de deur uit") and where the question goes
    i18n.set_language("nl")
    dialog = make(qtbot, "reply.1.parcel")
    names = [dialog.template.itemText(i) for i in range(dialog.template.count())
             if dialog.template.itemData(i) in ("reply.1", "reply.1.parcel", "reply.1.alt")]
    assert len(names) == 3 and all(n.startswith("Onbeantwoord bericht, stap 1: is het aangekomen?") for n in names)
    note = dialog.template.itemData(dialog.template.findData("reply.1.parcel"), Qt.ToolTipRole)
    assert "de deur uit" not in note and "vóór je afsluiting" in note and "aan het eind" not in note
