"""A native-English review of the English words (the msgids are the English text):

1. Settings → Message templates opened on Dutch whatever the app's language;
2. the example consequence "invoice the product at retail price" read, in "the consequence
   we agreed on applies: …", as an order to the influencer;
3. "Disclosure in order" / "In order": in English "in order" means "called for";
5. step 4 was "last reminder" in some places and "final reminder" in others;
12. the ad disclosure had three names ("disclosure label", "ad label", "advertising label");
13. "informal (je)" / "formal (u)" said nothing to a reader without Dutch;
and the calques of the ready messages ("my message of {date}", "We had promised your order
for …", "Thank you for your time." opening the news of an ending).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from desktop import i18n
from desktop.domain import disclosure
from desktop.labels import label
from desktop.presentation import due_texts, messages
from desktop.presentation.disclosure_texts import check_choices, content_notes, missing_words
from desktop.store.models import Content, Person

from .conftest import NOW
from .readers import reader
from .test_pane_words import REEL_CAPTION, log_reel, sanne_with_a_reel

ROOT = Path(__file__).resolve().parent.parent


def settings_window(qtbot, language):
    from desktop.views.settings_window import SettingsWindow

    i18n.set_language(language)
    window = SettingsWindow(page="templates", now=lambda: NOW)
    qtbot.addWidget(window)
    return window


# --- 1. the template editor opens on the app's language --------------------------------------

@pytest.mark.parametrize("language, opening, preview", [
    ("en", "{greeting}\n\nJust checking in", "Preview with example values"),  # its placeholders in English too
    ("nl", "{aanhef}\n\nIk wacht nog op", "Voorbeeld met verzonnen gegevens"),
])
def test_the_template_editor_opens_on_the_apps_language(qtbot, database, translator, language, opening, preview):
    window = settings_window(qtbot, language)
    editor = window.template_editor
    assert editor.language.currentData() == language
    assert editor.body.toPlainText().startswith(opening), editor.body.toPlainText()
    assert editor.preview_title.text() == preview
    assert editor.edits == {}  # opening is not changing


def test_the_template_editor_names_the_forms_of_address_for_the_language_edited(qtbot, database, translator):
    window = settings_window(qtbot, "en")
    editor = window.template_editor
    forms = lambda: [editor.form_box.itemText(i) for i in range(editor.form_box.count())]  # noqa: E731
    # an English template: the greeting each form gives it
    assert forms() == ["informal (Hi …)", "formal (Hello …)"]
    editor.form_box.setCurrentIndex(editor.form_box.findData("u"))
    assert editor.preview.toPlainText().count("Hello Sanne,") == 1 and "Kind regards," in editor.preview.toPlainText()
    # a Dutch one: its pronoun, and the form chosen stays chosen
    editor.language.setCurrentIndex(editor.language.findData("nl"))
    assert forms() == ["informal (je)", "formal (u)"] and editor.form_box.currentData() == "u"
    assert " u " in editor.body.toPlainText()
    assert editor.describe(editor.selection()).endswith("(Dutch, formal (u))")


# --- 13. the forms of address say what they change ---------------------------------------------

@pytest.mark.parametrize("form", ["je", "u"])
def test_a_form_of_address_is_named_by_the_greeting_it_gives(form):
    i18n.set_language("en")
    body = messages.render("ladder.1", messages.sample_values("en"), reader("en", "NL", form, first="Sanne"),
                           now=NOW).body
    [greeting] = re.fullmatch(r"\w+ \((\w+) …\)", label("address_form", form)).groups()
    assert body.startswith(f"{greeting} Sanne,"), body


def test_the_order_form_offers_the_forms_by_what_they_change(qtbot, database, translator):
    from desktop.views.order_dialog import OrderDialog

    i18n.set_language("en")
    dialog = OrderDialog(None, NOW)
    qtbot.addWidget(dialog)
    box = dialog.address_form
    assert [(box.itemData(i), box.itemText(i)) for i in range(box.count())] == [
        ("je", "informal (Hi …)"), ("u", "formal (Hello …)")]


# --- 3. and 12. the disclosure in the pane -------------------------------------------------------

def test_the_pane_says_the_disclosure_is_ok_in_words_that_mean_it(database):
    _sanne, collab, reel = sanne_with_a_reel()
    content = log_reel(collab, reel, caption=REEL_CAPTION, ticks={"platform_label": True, "video_said": True})
    i18n.set_language("en")
    notes = content_notes(Content.get_by_id(content.id))
    assert notes.lines == [("ok", "✓ Disclosure OK")] and not notes.ask
    assert [words for _value, words in check_choices()] == ["OK", "Missing", "Not checked yet"]
    i18n.set_language("nl")
    assert content_notes(Content.get_by_id(content.id)).lines == [("ok", "✓ Reclamemelding in orde")]
    assert [words for _value, words in check_choices()] == ["In orde", "Ontbreekt", "Nog niet gecontroleerd"]


def test_the_advertising_label_has_one_name_and_old_words_are_still_read_back(database):
    i18n.set_language("en")
    assert missing_words(["item:label:NL", "item:label"]) == [
        "An advertising label that counts under the Dutch rules", "An advertising label that counts under the local rules"]
    # words an earlier version stored are still recognised and worded again
    assert missing_words(["A disclosure label that counts under the local rules",
                          "A disclosure label that counts under the rules for Belgium"]) == [
        "An advertising label that counts under the local rules", "An advertising label that counts under the Belgian rules"]
    i18n.set_language("nl")
    assert missing_words(["A disclosure label that counts under the local rules"]) == [
        "Een reclamemelding die geldt volgens de lokale regels"]
    _sanne, collab, reel = sanne_with_a_reel()
    content = log_reel(collab, reel, caption="Mijn nieuwe ketting!")
    i18n.set_language("en")
    assert "advertising label" in content_notes(Content.get_by_id(content.id)).lines[0][1]
    assert disclosure.label_item("NL").startswith("An advertising label")


# --- 2. the consequence's example, as the final reminder quotes it ------------------------------

def test_the_consequence_example_reads_as_what_the_shop_does(qtbot, database, translator):
    from desktop.views.collaboration_dialog import CollaborationDialog

    i18n.set_language("en")
    person = Person.create(name="Emma Clarke", is_influencer=True, language="en")
    dialog = CollaborationDialog(None, person=person)
    qtbot.addWidget(dialog)
    example = dialog.w("consequence").placeholderText()
    assert example == "Named in the final reminder, e.g. we invoice the product at its retail price"
    values = dict(messages.sample_values("en"), gevolg=example.split("e.g. ", 1)[1])
    body = messages.render("ladder.4", values, reader("en", "NL", "je"), now=NOW).body
    assert "In that case, the consequence we agreed on applies: we invoice the product at its retail price." in body


# --- 5. step 4 is the final reminder everywhere --------------------------------------------------

def test_step_4_is_the_final_reminder_wherever_it_is_named(qtbot, database, translator):
    i18n.set_language("en")
    assert label("due_step", "4") == "Step 4: final reminder"
    for template_id in ("ladder.4", "ladder.4.alt", "answered.4", "answered.4.alt"):
        assert "final reminder" in i18n._(messages.TEMPLATES[template_id].title)
    window = settings_window(qtbot, "en")
    window.strike_hours.setValue(48)
    assert window.strike_unit.text() == "hours after the final reminder was sent"
    words = due_texts.strike_words()
    assert words["ending"] == "Not delivered after the final reminder."
    assert due_texts.no_strike_words()["ending"] == "Ended after the final reminder, without a strike."


def test_no_english_text_keeps_a_word_the_review_found():
    """The English source of every text (the .py files and the .ui forms), as the catalogs
    are made from it: "email", "final reminder" for step 4, no "in order", no "my message of
    {date}"; "informal (je)" stays only where the message is Dutch, and the words older
    versions stored only to be read back."""
    from babel.messages.extract import extract_from_dir

    from desktop.i18n_extract import extract_ui

    keywords = {"_": None, "N_": None, "NN_": (1, 2), "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
                "NP_": ((1, "c"), 2)}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT / "desktop"), method_map=[("**.py", "desktop.i18n_extract:extract_python_forms")],
            keywords=keywords):
        found.update([message] if isinstance(message, str) else message)
    for ui in (ROOT / "ui").glob("*.ui"):
        with open(ui, "rb") as fh:
            found.update(m for _l, _f, m, _c in extract_ui(fh, None, None, None))
    found -= {disclosure.STORED_LABEL_TEXT, "informal (je)", "formal (u)"}
    review = re.compile(r"e-mail|last reminder|\bin order\b|message of \{|deadlines move on|disclosure label|"
                        r"\bad label|already over|of which|We had promised|per collaboration", re.IGNORECASE)
    assert sorted(text for text in found if review.search(text)) == []


# --- 7. the ready messages ------------------------------------------------------------------------

def test_the_messages_date_a_message_from_a_day_and_thank_last(database):
    i18n.set_language("en")
    to = reader("en", "NL", "je")

    def body(template_id, **values):
        return messages.render(template_id, dict(messages.sample_values("en"), **values), to, now=NOW).body

    assert "My message from Thursday 19 November about “Ketting” is still unanswered." in body(
        "reply.2", bericht_van=date(2026, 11, 19), titel="Ketting")
    assert "Thank you for writing to me on Friday 20 November." in body("answered.1.alt", antwoord_op=date(2026, 11, 20))
    assert "We'd promised your order would be ready on " in body("order.delay")
    ending = body("ending", titel="Ketting", reden="the timing doesn't work out")
    assert ("We've decided to end our collaboration “Ketting”. The reason: the timing doesn't work out.\n\n"
            "Thank you for your time, and we wish you all the best for the future.") in ending, ending
    # without a reason the ending still says so, and still thanks her
    ending = body("ending", titel="Ketting", reden="")
    assert "We've decided to end our collaboration “Ketting”." in ending and "reason" not in ending
    assert "Thank you for your time" in ending
