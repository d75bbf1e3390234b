"""The ladder settings dialog: timings, and the template editor with preview and reset."""

from desktop.presentation import due_texts
from desktop.store import due, settings
from desktop.store.models import MessageTemplate

from .conftest import NOW


def make(qtbot):
    from desktop.views.ladder_settings import LadderSettingsDialog

    dialog = LadderSettingsDialog(now=lambda: NOW)
    qtbot.addWidget(dialog)
    return dialog


def test_timings_are_saved_and_refused_out_of_order(qtbot, demo_db, translator):
    dialog = make(qtbot)
    dialog.steps[1].setValue(12)
    dialog.skip_weekends.setChecked(True)
    assert dialog.store_timing()
    assert settings.get("ladder_step_hours") == [0, 12, 48, 72] and settings.get("skip_weekends") is True
    assert due.ladder_settings().step_hours == (0, 12, 48, 72)
    dialog.steps[2].setValue(5)
    assert not dialog.store_timing()
    assert "later komen dan de stap ervoor" in dialog.timing_problem.text()
    assert settings.get("ladder_step_hours") == [0, 12, 48, 72]


def test_template_editor_previews_on_real_data_validates_and_resets(qtbot, demo_db, translator):
    dialog = make(qtbot)
    dialog.template.setCurrentIndex(dialog.template.findData("ladder.1"))
    assert "{aanhef}" in dialog.body.toPlainText()
    assert dialog.preview_title.text().startswith("Voorbeeld voor ")
    assert "{aanhef}" not in dialog.preview.toPlainText() and dialog.preview.toPlainText().count("Hoi ") == 1
    dialog.body.setPlainText("Hoi {voornaam}, hoe staat het met {afspraken}? {oeps}")
    assert "oeps" in dialog.template_problem.text()
    assert not dialog.store_template()
    assert MessageTemplate.select().count() == 0
    dialog.body.setPlainText("Hoi {voornaam}, hoe staat het met {afspraken}?")
    assert dialog.store_template()
    assert due_texts.template_text("ladder.1", "nl", "je")[1] == "Hoi {voornaam}, hoe staat het met {afspraken}?"
    # the owner's wording is what the ladder now sends
    item = next(i for i in due.due_now(NOW) if i.template == "ladder.1")
    assert due_texts.compose(item, NOW).body.startswith("Hoi Sanne, hoe staat het met je reel")
    dialog.reset_template()
    assert MessageTemplate.select().count() == 0
    assert "Ik wacht nog op" in dialog.body.toPlainText()


def test_english_and_formal_defaults_load(qtbot, database, translator):
    dialog = make(qtbot)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.body.toPlainText().startswith("{aanhef}\n\nJust checking in")
    assert dialog.preview_title.text() == "Voorbeeld met verzonnen gegevens"
    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    dialog.form_box.setCurrentIndex(dialog.form_box.findData("u"))
    assert " u " in dialog.body.toPlainText()
