"""File → Settings…: one window, every page, one Save in one transaction, Cancel writes nothing,
impossible values refused with a message; the owner's time and the scheduler follow at once."""

from datetime import datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog

from desktop import autostart, clock, i18n, reminders
from desktop.scheduler import Scheduler
from desktop.presentation import due_texts
from desktop.store import due, settings, templates
from desktop.store.models import MessageTemplate, Setting

from .conftest import NOW


@pytest.fixture(autouse=True)
def own_config(tmp_path, monkeypatch):
    """Start at login writes into this test's own config folder (Linux: XDG autostart)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(autostart.sys, "platform", "linux")


def make(qtbot, page="shop"):
    from desktop.views.settings_window import SettingsWindow

    window = SettingsWindow(page=page, now=lambda: NOW)
    qtbot.addWidget(window)
    return window


def stored() -> tuple:
    """Everything the window could write: the settings rows and the owner's templates."""
    return (sorted((s.key, repr(s.value)) for s in Setting.select()),
            sorted((t.template, t.language, t.form, t.subject, t.body) for t in MessageTemplate.select()))


@pytest.fixture
def main_window(qtbot, database, translator):
    from desktop.views.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_menu_entry_and_ctrl_comma_open_the_one_window(qtbot, main_window, monkeypatch):
    from desktop.views import dialogs

    opened = []

    def run(dialog):
        opened.append(dialog)
        return False

    monkeypatch.setattr(dialogs, "run", run)
    action = main_window.findChild(QAction, "actionSettings")
    file_menu = [a.text() for a in main_window.menuBar().actions()[0].menu().actions()]
    assert action.text() == "I&nstellingen…" and action.text() in file_menu
    # the two entries it replaces are gone
    assert main_window.findChild(QAction, "actionLadderSettings") is None
    assert not any("Herinneringen en berichten" in text for text in file_menu)
    assert QKeySequence("Ctrl+,") in action.shortcuts()
    assert all(s in action.shortcuts() for s in QKeySequence.keyBindings(QKeySequence.Preferences))

    action.trigger()
    assert len(opened) == 1 and opened[0].windowTitle() == "Instellingen"
    assert opened[0].current_page() == "shop"
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(main_window, Qt.Key_Comma, Qt.ControlModifier)
    # Qt keeps Ctrl as held after a simulated Ctrl+, (its release carries the modifier): let
    # it go, or the next test's selectRow() adds to the selection as with Ctrl held
    qtbot.keyRelease(main_window, Qt.Key_Control)
    assert len(opened) == 2
    # Maatwerk's "Herinneringen…" opens the same window at its page
    from desktop.views import orders as orders_view

    shown = []
    monkeypatch.setattr(orders_view, "run_dialog", lambda dialog: shown.append(dialog) or QDialog.Rejected)
    main_window.show_view("orders")
    main_window.view("orders").settings_button.click()
    assert type(shown[0]).__name__ == "SettingsWindow" and shown[0].current_page() == "orders"


def test_a_change_on_every_page_is_saved_at_once_and_the_clock_and_scheduler_see_it(qtbot, main_window,
                                                                                   monkeypatch, tmp_path):
    from desktop.views import dialogs

    evening = datetime(2026, 11, 23, 20, 30)  # 21:30 in Amsterdam and Brussels
    scheduler = Scheduler(due_source=lambda now: [], clock=lambda: NOW)
    assert scheduler.quiet(evening) and clock.owner().quiet_start == time(21, 0)
    before_steps = due.ladder_settings().step_hours
    assert before_steps == (0, 24, 48, 72)

    from desktop.views import settings_window

    monkeypatch.setattr(settings_window, "tray_available", lambda: True)  # offscreen has none

    def fill(window):
        window.show()
        window.shop_name.setText("Zilver & Zo")  # your shop
        window.owner_name.setText("Eva")
        window.time_zone.setCurrentIndex(window.time_zone.findData("Europe/Brussels"))
        window.step_days[1].setValue(2)  # ladder: step 2 on the 2nd day after the deadline at 12:00
        window.step_hours[1].setCurrentIndex(12)
        window.quiet_start.setTime(window.quiet_start.time().fromString("22:00", "HH:mm"))
        window.skip_weekends.setChecked(True)
        window.warn_days.setValue(3)  # custom orders
        window.lead_days.setValue(14)
        editor = window.template_editor  # templates
        editor.template.setCurrentIndex(editor.template.findData("ladder.1"))
        editor.body.setPlainText("Hoi {voornaam}, hoe staat het met {afspraken}?")
        window.close_to_tray.setChecked(False)  # start and language
        window.autostart.setChecked(True)
        window.language.setCurrentIndex(window.language.findData("en"))
        with qtbot.waitSignal(reminders.changed, timeout=1000):
            assert window.save()
        return window.result() == QDialog.Accepted

    monkeypatch.setattr(dialogs, "run", fill)
    with qtbot.waitSignal(main_window.language_changed, timeout=1000) as switched:
        main_window.open_settings()
    assert switched.args == ["en"]

    assert settings.get_many(["shop_name", "owner_name", "time_zone"]) == {
        "shop_name": "Zilver & Zo", "owner_name": "Eva", "time_zone": "Europe/Brussels"}
    assert settings.get("ladder_step_hours") == [0, 36, 48, 72]
    assert settings.get("quiet_start") == "22:00" and settings.get("skip_weekends") is True
    assert settings.get("delay_warning_days") == 3 and settings.get("order_lead_days") == 14
    assert due_texts.template_text("ladder.1", "nl", "je")[1:] == ("Hoi {voornaam}, hoe staat het met {afspraken}?", True)
    assert settings.get("close_to_tray") is False and settings.get("language") == "en"
    assert settings.get("autostart") is True and autostart.xdg_autostart_file().exists()
    assert autostart.xdg_autostart_file().is_relative_to(tmp_path)
    # the owner's time, the ladder and the scheduler use the new values without a restart
    owner = clock.owner()
    assert owner.quiet_start == time(22, 0) and owner.skip_weekends and owner.tz.key == "Europe/Brussels"
    assert due.ladder_settings().step_hours == (0, 36, 48, 72)
    assert not scheduler.quiet(evening)
    # and the File menu's ticks follow
    assert main_window.findChild(QAction, "actionAutostart").isChecked()
    assert not main_window.findChild(QAction, "actionCloseToTray").isChecked()


def test_cancel_changes_nothing(qtbot, demo_db, translator):
    settings.set("shop_name", "Zilver & Zo")
    before, owner = stored(), clock.owner()
    window = make(qtbot, "ladder")
    window.shop_name.setText("Iets anders")
    window.step_days[3].setValue(9)
    window.quiet_on.setChecked(False)
    window.warn_days.setValue(9)
    window.template_editor.body.setPlainText("Hoi {voornaam}")
    window.language.setCurrentIndex(window.language.findData("en"))
    window.autostart.setChecked(True)
    window.buttons.button(window.buttons.StandardButton.Cancel).click()
    assert window.result() == QDialog.Rejected
    assert stored() == before and clock.owner() == owner
    assert not autostart.xdg_autostart_file().exists() and i18n.current_language() == "nl"


@pytest.mark.parametrize("spoil, page, words", [
    (lambda w: w.step_days[2].setValue(1), "ladder", "Stap 3 moet later komen dan stap 2"),
    (lambda w: (w.step_days[1].setValue(1), w.step_hours[1].setCurrentIndex(0)), "ladder",
     "Stap 2 moet later komen dan stap 1"),
    (lambda w: w.quiet_end.setTime(w.quiet_start.time()), "ladder", "beginnen en eindigen op hetzelfde moment (21:00)"),
    (lambda w: w.template_editor.body.setPlainText("Hoi {voornaam} {oeps}"), "templates", "{oeps}"),
    (lambda w: w.template_editor.body.setPlainText("   "), "templates", "Het bericht is leeg."),
])
def test_impossible_values_are_refused_with_a_message_and_nothing_is_written(qtbot, demo_db, translator,
                                                                               spoil, page, words):
    before, owner = stored(), clock.owner()
    window = make(qtbot, "shop")
    window.show()
    window.shop_name.setText("Wordt niet bewaard")
    window.skip_weekends.setChecked(True)
    window.quiet_start.setTime(window.quiet_start.time().fromString("21:00", "HH:mm"))
    spoil(window)
    window.buttons.button(window.buttons.StandardButton.Save).click()
    assert window.result() != QDialog.Accepted and window.isVisible()
    assert window.problem.isVisible() and words in window.problem.text()
    assert "Er is niets opgeslagen." in window.problem.text()
    assert window.current_page() == page  # the page with the problem is shown
    assert stored() == before and clock.owner() == owner


def test_a_failure_inside_the_transaction_rolls_every_page_back(qtbot, demo_db, translator, monkeypatch):
    before, owner = stored(), clock.owner()
    window = make(qtbot)
    window.show()
    window.quiet_start.setTime(window.quiet_start.time().fromString("23:00", "HH:mm"))  # hands the clock new hours
    window.shop_name.setText("Zilver & Zo")
    window.template_editor.body.setPlainText("Hoi {voornaam}")

    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(templates, "save", full_disk)
    assert not window.save()
    assert "Er is niets opgeslagen" in window.problem.text() and "No space left" in window.problem.text()
    assert stored() == before and clock.owner() == owner  # the clock got its old quiet hours back


def test_stored_hours_read_and_write_back_unchanged(qtbot, database, translator):
    from desktop.views.settings_window import day_and_hour_to_hours, hours_to_day_and_hour

    for hours in range(0, 2000):
        day, hour = hours_to_day_and_hour(hours)
        assert day >= 1 and 0 <= hour < 24 and day_and_hour_to_hours(day, hour) == hours
    settings.set("ladder_step_hours", [6, 30, 54, 80])  # written by an older version's hours boxes
    settings.set("quiet_start", "00:00")  # equal: no quiet hours
    settings.set("quiet_end", "00:00")
    window = make(qtbot, "ladder")
    assert [(d.value(), h.currentData()) for d, h in zip(window.step_days, window.step_hours)] == [
        (1, 6), (2, 6), (3, 6), (4, 8)]
    assert window.step_units[0].text() == "dag na de deadline," and window.step_units[1].text() == "dagen na de deadline,"
    assert window.step_hours[0].currentText() == "om 06:00"
    assert not window.quiet_on.isChecked() and not window.quiet_start.isEnabled()
    assert window.save()
    assert settings.get("ladder_step_hours") == [6, 30, 54, 80]
    assert (settings.get("quiet_start"), settings.get("quiet_end")) == ("00:00", "00:00")
    assert clock.owner().quiet_start == clock.owner().quiet_end  # still no quiet hours


def test_a_step_in_the_quiet_hours_says_when_it_comes(qtbot, database, translator):
    window = make(qtbot, "ladder")
    # the default (00:00, in the quiet hours) reads as what it means, with no hint on every row
    assert [h.currentText() for h in window.step_hours] == ["als je stille uren voorbij zijn (09:00)"] * 4
    assert [h.text() for h in window.step_hints] == [""] * 4
    window.step_hours[0].setCurrentIndex(10)
    assert window.step_hours[0].currentText() == "om 10:00" and window.step_hints[0].text() == ""
    window.step_hours[0].setCurrentIndex(22)  # later in the evening: it waits, and says so
    assert window.step_hints[0].text() == "wacht tot 09:00 (stille uren)"
    window.quiet_on.setChecked(False)  # no quiet hours: midnight is midnight
    assert window.step_hours[1].currentText() == "om 00:00" and window.step_hints[0].text() == ""
    window.quiet_on.setChecked(True)
    window.step_hours[0].setCurrentIndex(10)
    assert "meteen" not in window.reply_note.text() and "na 1 dag en na 2 dagen" in window.reply_note.text()


def test_template_editor_previews_on_real_data_validates_and_resets_on_save(qtbot, demo_db, translator):
    window = make(qtbot, "templates")
    editor = window.template_editor
    editor.template.setCurrentIndex(editor.template.findData("ladder.1"))
    assert "{aanhef}" in editor.body.toPlainText()
    assert editor.preview_title.text().startswith("Voorbeeld voor ")
    assert "{aanhef}" not in editor.preview.toPlainText() and editor.preview.toPlainText().count("Hoi ") == 1
    editor.body.setPlainText("Hoi {voornaam}, hoe staat het met {afspraken}?")
    assert editor.template_state.text() == "Gewijzigd: wordt opgeslagen met de instellingen"
    # another template and back: the typed text is kept until Save
    editor.template.setCurrentIndex(editor.template.findData("ladder.2"))
    editor.template.setCurrentIndex(editor.template.findData("ladder.1"))
    assert editor.body.toPlainText() == "Hoi {voornaam}, hoe staat het met {afspraken}?"
    assert MessageTemplate.select().count() == 0
    assert window.save()
    assert due_texts.template_text("ladder.1", "nl", "je")[1] == "Hoi {voornaam}, hoe staat het met {afspraken}?"
    item = next(i for i in due.due_now(NOW) if i.template == "ladder.1")
    assert due_texts.compose(item, NOW).body.startswith("Hoi Sanne, hoe staat het met je reel")
    # back to the default wording: also only when saved
    window = make(qtbot, "templates")
    editor = window.template_editor
    editor.template.setCurrentIndex(editor.template.findData("ladder.1"))
    assert editor.template_state.text().startswith("Dit is je eigen tekst;")
    editor.reset_template()
    assert "Ik wacht nog op" in editor.body.toPlainText() and MessageTemplate.select().count() == 1
    assert window.save()
    assert MessageTemplate.select().count() == 0


def test_english_and_formal_defaults_load(qtbot, database, translator):
    window = make(qtbot, "templates")
    editor = window.template_editor
    editor.language.setCurrentIndex(editor.language.findData("en"))
    assert editor.body.toPlainText().startswith("{aanhef}\n\nJust checking in")
    assert editor.preview_title.text() == "Voorbeeld met verzonnen gegevens"
    editor.language.setCurrentIndex(editor.language.findData("nl"))
    editor.form_box.setCurrentIndex(editor.form_box.findData("u"))
    assert " u " in editor.body.toPlainText()
    assert editor.edits == {}  # looking is not changing


@pytest.mark.parametrize("language, title, pages, save, unit", [
    ("nl", "Instellingen", ["Je winkel", "Herinneringen", "Maatwerk", "Berichtsjablonen", "Opstarten en taal"],
     "Opslaan", "dagen na de deadline,"),
    ("en", "Settings", ["Your shop", "Follow-up reminders", "Custom orders", "Message templates", "Startup and language"],
     "Save", "days after the deadline,"),
])
def test_titles_and_labels_in_dutch_and_english(qtbot, database, translator, language, title, pages, save, unit):
    i18n.set_language(language)
    window = make(qtbot)
    assert window.windowTitle() == title
    assert [window.pages.item(row).text() for row in range(window.pages.count())] == pages
    assert window.buttons.button(window.buttons.StandardButton.Save).text() == save
    assert window.step_units[1].text() == unit


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_custom_orders_page_lines_up_with_the_others_and_its_labels_stay_on_one_line(qtbot, database,
                                                                                         translator, language):
    from PySide6.QtWidgets import QLabel

    i18n.set_language(language)
    window = make(qtbot, page="orders")
    window.resize(1000, 660)
    window.show()
    QApplication.processEvents()
    page = window.orders_form.parentWidget()
    intro = next(label for label in page.findChildren(QLabel) if label.parentWidget() is page)
    for name in ("warnLabel", "updateLabel"):
        label = window.orders_form.findChild(QLabel, name)
        assert label.mapTo(page, label.rect().topLeft()).x() == intro.x(), name  # not 9 px further in
        assert label.height() < 2 * label.fontMetrics().lineSpacing(), f"{name} wraps: “{label.text()}”"
    lead = window.lead_days
    lead_label = window.orders_form.layout().itemAt(0).layout().labelForField(lead)
    assert lead_label.height() < 2 * lead_label.fontMetrics().lineSpacing()


def test_without_a_tray_keeping_it_in_the_tray_is_not_ticked_and_what_she_chose_is_kept(qtbot, demo_db, translator):
    """Audit of 2026-12-05: on a desktop without a tray the box stood ticked (greyed) above
    the note that closing the window quits Afspraak, and start at login promised a start
    "in the tray"."""
    from PySide6.QtWidgets import QLabel, QSystemTrayIcon

    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen: no tray
    settings.set("close_to_tray", True)
    window = make(qtbot, "app")
    assert not window.close_to_tray.isChecked() and not window.close_to_tray.isEnabled()
    notes = " ".join(label.text() for label in window.findChildren(QLabel))
    assert "zonder venster in het systeemvak" not in notes and "geminimaliseerd" in notes
    window.buttons.button(window.buttons.StandardButton.Save).click()
    assert settings.get("close_to_tray") is True  # for a desktop that has a tray


def test_the_shops_country_is_chosen_on_the_shop_page_and_its_holidays_follow_at_once(qtbot, database, translator):
    """"As the time zone says" (stored "") names the country of the zone chosen above it, as
    that changes; a country chosen is saved and the ladder keeps that country's holidays:
    a Dutch shop works on 21 July, a Belgian one does not (domain/workdays.py)."""
    from datetime import date

    from desktop.domain import followup, workdays
    from desktop.labels import label

    window = make(qtbot)
    combo = window.shop_country
    assert combo.currentData() == "" and [combo.itemData(i) for i in range(combo.count())] == ["", "NL", "BE"]
    assert combo.itemText(1) == label("country", "NL") and combo.itemText(2) == label("country", "BE")
    window.time_zone.setCurrentIndex(window.time_zone.findData("Europe/Amsterdam"))
    assert label("country", "NL") in combo.itemText(0)
    window.time_zone.setCurrentIndex(window.time_zone.findData("Europe/Brussels"))
    assert label("country", "BE") in combo.itemText(0)
    assert window.save()
    assert settings.get("shop_country") == "" and clock.owner().country == "BE"
    assert due.ladder_settings().country == "BE"

    window = make(qtbot)
    assert window.shop_country.currentData() == "" and label("country", "BE") in window.shop_country.itemText(0)
    window.shop_country.setCurrentIndex(window.shop_country.findData("NL"))
    assert window.save()
    assert settings.get("shop_country") == "NL" and clock.owner().country == "NL"
    s = due.ladder_settings()
    assert s.country == "NL" and workdays.is_working_day(date(2026, 7, 21), s.country)
    national_day = datetime(2026, 7, 21, 8)  # 10:00 in Brussels, on a Tuesday
    assert followup.settle(national_day, s) == national_day
    assert make(qtbot).shop_country.currentData() == "NL"


def test_without_a_tray_the_file_menu_and_settings_agree_it_is_off(qtbot, main_window, monkeypatch):
    """On a desktop without a tray, File showed "Keep running in the tray…" ticked while
    Settings showed it unticked (review of the settings): closing ends Afspraak there."""
    from types import SimpleNamespace

    from desktop import app
    from desktop.views import settings_window

    settings.set("close_to_tray", True)
    monkeypatch.setattr(settings_window, "tray_available", lambda: False)
    monkeypatch.setattr(app, "_tray_available", lambda: False)
    page = make(qtbot, page="app")
    assert not page.close_to_tray.isChecked() and not page.close_to_tray.isEnabled()
    main_window.settings_saved(SimpleNamespace(language_chosen=None))
    assert not main_window.findChild(QAction, "actionCloseToTray").isChecked()
    shell = SimpleNamespace(window=main_window, _set_autostart=lambda on: None)
    app.Application._wire_tray_actions(shell)
    action = main_window.findChild(QAction, "actionCloseToTray")
    assert not action.isChecked() and not action.isEnabled()
    assert settings.get("close_to_tray") is True  # kept for a desktop that has a tray
    monkeypatch.setattr(settings_window, "tray_available", lambda: True)
    main_window.settings_saved(SimpleNamespace(language_chosen=None))
    assert action.isChecked()


@pytest.mark.parametrize("language, said", [("nl", "na 10 uur, na 1 dag en 10 uur en na 2 dagen en 10 uur"),
                                            ("en", "after 10 hours, after 1 day and 10 hours and after 2 days and 10 "
                                                   "hours")])
def test_the_reply_note_says_days_and_hours_not_58_hours(qtbot, database, translator, language, said):
    i18n.set_language(language)
    window = make(qtbot, "ladder")
    window.quiet_on.setChecked(False)
    for box, days in zip(window.step_days, (0, 2, 3, 4)):
        box.setValue(days)
    for at in window.step_hours:
        at.setCurrentIndex(10)
    assert said in window.reply_note.text(), window.reply_note.text()
