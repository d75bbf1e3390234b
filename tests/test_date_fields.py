"""Date fields take a date typed in the language's own short form (issue 16).

In the collaboration dialog typing "17-12-2026" used to give "17-12--": Qt moves to the
next part by itself after "17", then skipped the month at the "-", and read a "-" in the
year as a minus sign. Every date field of the app now shows Babel's short date with a
four-digit year and takes it typed as one writes it; the calendar popup still works.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QDateTimeEdit, QDialog, QWidget

from desktop import i18n
from desktop.store.models import Collaboration, CustomOrder, Deliverable, Person
from desktop.views.collaboration_dialog import CollaborationDialog
from desktop.views.content_dialog import ContentDialog
from desktop.views.order_dialog import OrderDialog
from desktop.views.order_message import OrderMessageDialog
from desktop.views.quick_note import QuickNote
from desktop.views.timeline import TimelineView
from tests.conftest import NOW

TYPED = {"nl": ("17-12-2026", "dd-MM-yyyy"), "en": ("17/12/2026", "dd/MM/yyyy")}


def test_the_pattern_is_babels_short_date_with_four_digits_for_the_year():
    assert i18n.date_entry_pattern(locale=i18n.formatting_locale("nl")) == "dd-MM-yyyy"
    assert i18n.date_entry_pattern(locale=i18n.formatting_locale("en")) == "dd/MM/yyyy"
    assert i18n.date_entry_pattern(locale=i18n.formatting_locale("nl", "BE")) == "d/MM/yyyy"
    assert i18n.date_entry_pattern(True, i18n.formatting_locale("nl")) == "dd-MM-yyyy, HH:mm"


@pytest.fixture
def things(database, translator):
    person = Person.create(name="Sanne de Vries", is_influencer=True, is_customer=True, email="sanne@example.nl")
    collaboration = Collaboration.create(person=person, title="Ketting", status="agreed")
    Deliverable.create(collaboration=collaboration, kind="post", count=1, deadline=NOW + timedelta(days=7))
    order = CustomOrder.create(person=person, order_number="#1", ordered_on=date(2026, 11, 20),
                               promised_ready=date(2026, 12, 1))
    yield person, collaboration, order
    things_kept.clear()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


things_kept: list = []


def every_date_field(qtbot, things) -> list[tuple[str, QDateTimeEdit]]:
    """Each view or dialog that has date fields, opened, and its fields by name."""
    person, collaboration, order = things
    note = QuickNote(None, person.id, now=lambda: NOW)
    things_kept.append(note)  # the QuickNote owns its dialog's wiring
    shown: list[QWidget] = [
        CollaborationDialog(None, collaboration=collaboration),
        ContentDialog(None, collaboration=collaboration),
        OrderDialog(None, NOW),
        OrderMessageDialog(None, order.id, "order_delay", NOW),
        note.dialog,
        TimelineView(),
    ]
    shown[2].has_delivery.setChecked(True)  # its delivery date is enabled by this box
    things_kept.extend(shown)  # parentless dialogs live while Python holds them
    fields = []
    for widget in shown:
        qtbot.addWidget(widget)
        for edit in widget.findChildren(QDateTimeEdit):
            fields.append((f"{type(widget).__name__}.{edit.objectName() or 'deadline'}", edit))
    assert len(fields) >= 10
    return fields


@pytest.mark.parametrize("language", ["nl", "en"])
def test_typing_a_date_in_the_languages_own_form_gives_that_date(qtbot, things, language):
    i18n.set_language(language)
    typed, pattern = TYPED[language]
    for name, edit in every_date_field(qtbot, things):
        is_date_only = isinstance(edit, QDateEdit)
        assert edit.displayFormat() == (pattern if is_date_only else pattern + ", HH:mm"), name
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, typed if is_date_only else typed + " 14:05")
        assert edit.date() == QDate(2026, 12, 17), f"{name}: {edit.text()!r}"
        assert edit.text().startswith(typed), name
        if not is_date_only:
            assert edit.time().hour() == 14 and edit.time().minute() == 5, name


@pytest.mark.parametrize("language", ["nl", "en"])
def test_short_days_and_months_and_the_other_separator_are_read_too(qtbot, things, language):
    i18n.set_language(language)
    edit = CollaborationDialog(None, collaboration=things[1]).w("agreed_on")
    qtbot.addWidget(edit.window())
    for typed, wanted in (("7-3-2027", QDate(2027, 3, 7)), ("7/3/2027", QDate(2027, 3, 7)),
                          ("31.12.2026", QDate(2026, 12, 31))):
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, typed)
        assert edit.date() == wanted, (typed, edit.text())


def test_the_calendar_popup_still_sets_the_date(qtbot, things):
    i18n.set_language("nl")
    for name, edit in every_date_field(qtbot, things):
        assert edit.calendarPopup(), name
        calendar = edit.calendarWidget()
        calendar.setSelectedDate(QDate(2027, 1, 15))
        calendar.clicked.emit(QDate(2027, 1, 15))
        assert edit.date() == QDate(2027, 1, 15), name


def test_the_quick_note_moment_is_read_as_typed(qtbot, things):
    i18n.set_language("nl")
    note = QuickNote(None, things[0].id, now=lambda: NOW)
    qtbot.addWidget(note.dialog)
    note.at.setFocus()
    note.at.selectAll()
    qtbot.keyClicks(note.at, "17-12-2026 14:05")
    assert note.at.dateTime().toPython() == datetime(2026, 12, 17, 14, 5)


# --- what is typed is what is kept (badinput #1) ----------------------------------------
# Qt's own field cut the 31st to the length of the month it held while the owner typed:
# "31-12-2026" typed over 30-11-2026 saved 30-12, "29-02-2028" saved 28-02, and a day that
# does not exist (31-04-2027) saved 30-04 without a word.

NOVEMBER_30 = QDate(2026, 11, 30)


def type_into(qtbot, edit, typed: str, start: QDate = NOVEMBER_30) -> None:
    """As the owner does it: the field holds ``start``; she clicks into it (the window is
    active, the field gets the focus), selects it all, types, and leaves it."""
    edit.setDate(start)
    window = edit.window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    edit.setFocus(Qt.MouseFocusReason)
    qtbot.waitUntil(edit.hasFocus)
    edit.selectAll()
    qtbot.keyClicks(edit, typed if isinstance(edit, QDateEdit) else typed + " 14:05")
    edit.clearFocus()


def in_language(typed: str, language: str) -> str:
    return typed if language == "nl" else typed.replace("-", "/")


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("typed, meant", [("31-12-2026", QDate(2026, 12, 31)), ("31-01-2027", QDate(2027, 1, 31)),
                                          ("29-02-2028", QDate(2028, 2, 29)), ("30-03-2027", QDate(2027, 3, 30))])
def test_a_day_the_month_shown_lacks_is_the_day_kept(qtbot, things, language, typed, meant):
    i18n.set_language(language)
    for name, edit in every_date_field(qtbot, things):
        type_into(qtbot, edit, in_language(typed, language))
        assert edit.date() == meant, f"{name}: {edit.text()!r}"
        assert edit.text().startswith(in_language(typed, language)), name
        assert edit.problem() == "", name


NO_SUCH_DAYS = {
    "nl": {"31-04-2027": "31-04-2027 bestaat niet: april 2027 heeft 30 dagen.",
           "29-02-2027": "29-02-2027 bestaat niet: februari 2027 heeft 28 dagen.",
           "30-02-2028": "30-02-2028 bestaat niet: februari 2028 heeft 29 dagen."},
    "en": {"31/04/2027": "31/04/2027 does not exist: April 2027 has 30 days.",
           "29/02/2027": "29/02/2027 does not exist: February 2027 has 28 days.",
           "30/02/2028": "30/02/2028 does not exist: February 2028 has 29 days."},
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_day_that_does_not_exist_is_said_at_the_field_and_no_other_day_is_taken(qtbot, things, language):
    i18n.set_language(language)
    for name, edit in every_date_field(qtbot, things):
        for typed, said in NO_SUCH_DAYS[language].items():
            type_into(qtbot, edit, typed)
            assert edit.date() == NOVEMBER_30, f"{name}: {typed} became {edit.date()}"
            assert edit.text().startswith(typed), f"{name}: what she typed is still in the field"
            assert edit.problem() == said, name
            assert edit.toolTip() == said, name


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_year_outside_what_afspraak_takes_or_an_unfinished_date_is_said_not_left_at_the_old_one(
        qtbot, things, language):
    i18n.set_language(language)
    said = {"nl": {"01-01-1900": "Klopt het jaar 1900? Afspraak accepteert datums van 1990 tot en met 2099.",
                   "15-06-9999": "Klopt het jaar 9999? Afspraak accepteert datums van 1990 tot en met 2099.",
                   "17-12-202": "„17-12-202” is geen volledige datum: typ de dag, de maand en het jaar, "
                                "zoals 07-03-2027."},
            "en": {"01/01/1900": "Is the year 1900 right? Afspraak accepts dates from 1990 to 2099.",
                   "15/06/9999": "Is the year 9999 right? Afspraak accepts dates from 1990 to 2099.",
                   "17/12/202": "“17/12/202” is not a whole date: type the day, the month and the year, "
                                "like 07/03/2027."}}[language]
    edit = CollaborationDialog(None, collaboration=things[1]).w("agreed_on")
    qtbot.addWidget(edit.window())
    for typed, message in said.items():
        type_into(qtbot, edit, typed)
        assert edit.date() == NOVEMBER_30, typed
        assert edit.problem() == message


def test_a_two_digit_year_is_this_centurys(qtbot, things):
    edit = CollaborationDialog(None, collaboration=things[1]).w("agreed_on")
    qtbot.addWidget(edit.window())
    type_into(qtbot, edit, "17-12-27")
    assert edit.date() == QDate(2027, 12, 17) and edit.text() == "17-12-2027"


def test_the_arrow_keys_step_the_part_the_cursor_is_in(qtbot, things):
    edit = CollaborationDialog(None, collaboration=things[1]).w("agreed_on")
    qtbot.addWidget(edit.window())
    type_into(qtbot, edit, "31-01-2027")
    edit.setFocus()
    edit.lineEdit().setCursorPosition(4)  # in the month
    qtbot.keyClick(edit, Qt.Key_Up)
    assert edit.date() == QDate(2027, 2, 28)  # stepping a month from the 31st, as the calendar does
    edit.lineEdit().setCursorPosition(1)  # in the day
    qtbot.keyClick(edit, Qt.Key_Down)
    assert edit.date() == QDate(2027, 2, 27)


def test_picking_a_day_in_the_calendar_replaces_a_date_that_does_not_exist(qtbot, things):
    edit = CollaborationDialog(None, collaboration=things[1]).w("agreed_on")
    qtbot.addWidget(edit.window())
    type_into(qtbot, edit, "31-04-2027")
    assert edit.problem()
    # A red tint under the text: a frame on the field itself left its arrows blank (audit of 2026-12-05).
    assert "background-color" in edit.lineEdit().styleSheet() and edit.styleSheet() == ""
    edit.calendarWidget().clicked.emit(NOVEMBER_30)  # the same day it held: still a choice
    edit.setFocus(Qt.PopupFocusReason)  # the popup closes, the field has the focus again
    qtbot.waitUntil(edit.hasFocus)
    assert edit.problem() == "" and edit.text() == "30-11-2026" and edit.lineEdit().styleSheet() == ""


def test_every_date_field_reads_what_is_typed_itself(qtbot, things):
    from desktop.views.date_edit import DateEdit, DateTimeEdit

    for name, edit in every_date_field(qtbot, things):
        assert isinstance(edit, (DateEdit, DateTimeEdit)), name
    with pytest.raises(TypeError):
        from desktop.views.forms import date_field

        date_field(QDateEdit())


def test_no_dialog_saves_while_a_date_typed_does_not_exist(qtbot, things):
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QDialog

    from desktop.store.models import Event

    person, collaboration, order = things
    said = "31-04-2027 bestaat niet: april 2027 heeft 30 dagen."
    events = Event.select().count()

    dialog = OrderDialog(None, NOW)
    qtbot.addWidget(dialog)
    dialog.name.setText("Ingrid Jansen")
    dialog.price.setText("20")
    type_into(qtbot, dialog.promised_ready, "31-04-2027")
    dialog.save()
    assert dialog.result() != QDialog.Accepted and CustomOrder.select().count() == 1
    assert dialog.errors["promised_ready"].text() == said

    editor = CollaborationDialog(None, collaboration=collaboration)
    qtbot.addWidget(editor)
    type_into(qtbot, editor.w("deliverables").cellWidget(0, 2), "31-04-2027")
    assert not editor.save() and editor.error_text("deliverables") == said
    assert Deliverable.get().deadline == NOW + timedelta(days=7)

    content = ContentDialog(None, collaboration=collaboration)
    qtbot.addWidget(content)
    content.w("url").setText("https://www.instagram.com/p/Cx1/")
    type_into(qtbot, content.w("posted_on"), "31-04-2027")
    assert not content.save() and content.error_text("posted_on") == said

    message = OrderMessageDialog(None, order.id, "order_delay", NOW)
    qtbot.addWidget(message)
    type_into(qtbot, message.new_date, "31-04-2027")
    assert message.error.text() == said  # at once, before anything is pressed
    QGuiApplication.clipboard().setText("")
    message.copy()  # the message names another day: not copied
    assert QGuiApplication.clipboard().text() == ""
    message.mark_sent()
    assert message.sent_event is None and message.error.text() == said
    assert CustomOrder.get_by_id(order.id).promised_ready == date(2026, 12, 1)

    note = QuickNote(None, person.id, now=lambda: NOW)
    things_kept.append(note)
    qtbot.addWidget(note.dialog)
    note.text.setPlainText("Gebeld over de ketting")
    type_into(qtbot, note.at, "31-04-2027")
    note.save()
    assert note.errors["at"].text() == "31-04-2027 bestaat niet: april 2027 heeft 30 dagen."
    assert Event.select().count() == events


def test_the_timeline_says_when_a_date_typed_does_not_exist_and_when_its_period_is_reversed(
        qtbot, demo_db, translator):
    view = TimelineView()
    qtbot.addWidget(view)
    view.refresh()
    type_into(qtbot, view.to_date, "31-04-2027")
    view._apply_filter()
    assert view.no_match.isVisibleTo(view)
    assert view.no_match.text().startswith("31-04-2027 bestaat niet: april 2027 heeft 30 dagen.")

    view.clear_filters()
    view.set_filter(first=date(2026, 12, 31), last=date(2026, 1, 1))
    assert view.model.rowCount() == 0
    assert view.no_match.text().replace("\u00a0", " ") == (
        "Er kan niets in deze periode vallen: „Van” (31 dec 2026) ligt na „tot en met” (1 jan 2026). Draai de "
        "twee datums om, of klik op „Alles tonen”.")


KEYS = [Qt.Key_Backspace, Qt.Key_Delete, Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down, Qt.Key_Home, Qt.Key_End]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("with_time", [False, True])
def test_whatever_is_typed_the_field_holds_a_date_it_shows_or_says_why_not(qtbot, translator, language, with_time):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from desktop.views.date_edit import DateEdit, DateTimeEdit
    from desktop.views.forms import date_field

    i18n.set_language(language)
    holder = QWidget()
    qtbot.addWidget(holder)
    edit = (DateTimeEdit if with_time else DateEdit)(holder)
    edit.setCalendarPopup(True)
    date_field(edit)
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow)
    keys = st.lists(st.one_of(st.sampled_from(list("0123456789-/.: ,a")), st.sampled_from(KEYS)), max_size=24)

    @settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
    @given(keys)
    def typing(pressed):
        edit.setDate(NOVEMBER_30)
        edit.setFocus()
        qtbot.waitUntil(edit.hasFocus)
        edit.selectAll()
        for key in pressed:
            if isinstance(key, str):
                qtbot.keyClicks(edit, key)
            else:
                qtbot.keyClick(edit, key)
        edit.clearFocus()
        shown = edit.lineEdit().text()
        if edit.problem():  # what she typed stays, with the reason (and no dialog saves)
            assert shown != edit.textFromDateTime(edit.dateTime()), shown
        else:  # the date shown is the date kept
            assert shown == edit.textFromDateTime(edit.dateTime()), shown

    typing()


# --- the keyboard, and what a dialog saves (audit 7) ------------------------------------

def focused_in(qtbot, edit, reason=Qt.TabFocusReason) -> None:
    """``edit``'s window shown and active, and the focus in ``edit`` as Tab brings it there."""
    window = edit.window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    edit.setFocus(reason)
    qtbot.waitUntil(edit.hasFocus)


def holds_focus(edit) -> bool:
    widget = QApplication.focusWidget()
    return widget is not None and (widget is edit or edit.isAncestorOf(widget))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_tab_moves_on_from_a_date_field_to_the_next_field(qtbot, things, language):
    # Tab kept selecting the month of the field, whatever was typed: the owner could not
    # Tab past a date field (a keyboard trap). Shift+Tab left it.
    from desktop.views.date_edit import DateEdit

    i18n.set_language(language)
    dialog = OrderDialog(None, NOW)
    qtbot.addWidget(dialog)
    dialog.has_delivery.setChecked(True)
    for edit in (dialog.ordered_on, dialog.promised_ready, dialog.promised_delivery):
        assert isinstance(edit, DateEdit)
        focused_in(qtbot, edit)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)  # nothing typed: moves on
        assert not holds_focus(edit), f"{edit.objectName()}: Tab stayed in the field"
        focused_in(qtbot, edit)
        qtbot.keyClicks(QApplication.focusWidget(), in_language("31-12-2026", language))
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        assert not holds_focus(edit), f"{edit.objectName()}: Tab stayed in the field"
        assert edit.date() == QDate(2026, 12, 31) and edit.text() == in_language("31-12-2026", language)
        focused_in(qtbot, edit)
        qtbot.keyClicks(QApplication.focusWidget(), in_language("17-1", language))  # a short month
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Backtab, Qt.ShiftModifier)
        assert not holds_focus(edit), f"{edit.objectName()}: Shift+Tab stayed in the field"
        assert edit.date() == QDate(2026, 1, 17) and edit.text() == in_language("17-01-2026", language)

    # From the order date, Tab goes where Qt's focus chain goes next, as from any field.
    focused_in(qtbot, dialog.ordered_on)
    following = dialog.ordered_on.nextInFocusChain()
    while not (following.focusPolicy() & Qt.TabFocus and following.isVisible() and following.isEnabled()) \
            or dialog.ordered_on.isAncestorOf(following):
        following = following.nextInFocusChain()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    assert holds_focus(following), (QApplication.focusWidget(), following)


def test_tab_moves_on_from_every_date_field(qtbot, things):
    i18n.set_language("nl")
    for name, edit in every_date_field(qtbot, things):
        focused_in(qtbot, edit)
        qtbot.keyClicks(QApplication.focusWidget(), "17-12-2026" if isinstance(edit, QDateEdit) else "17-12-2026 14:05")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        assert not holds_focus(edit), f"{name}: Tab stayed in the field"
        assert edit.date() == QDate(2026, 12, 17), name

@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_dialog_saves_the_date_shown_even_when_save_takes_no_focus(qtbot, things, language):
    # On macOS a click on Save leaves the focus in the date field. The owner put the cursor
    # in the day of 23-11-2026 and typed 3: the field showed 3-11-2026, the dialog saved 23-11.
    from desktop.views.forms import date_problems

    i18n.set_language(language)
    dialog = OrderDialog(None, NOW)
    qtbot.addWidget(dialog)
    dialog.name.setText("Ingrid Jansen")
    dialog.price.setText("20")
    edit = dialog.ordered_on
    assert edit.date() == QDate(2026, 11, 23)
    focused_in(qtbot, edit, Qt.MouseFocusReason)
    edit.lineEdit().setSelection(0, 2)  # the day
    qtbot.keyClick(edit, Qt.Key_3)
    assert edit.text() == in_language("3-11-2026", language) and edit.hasFocus()
    assert edit.problem(), "the date shown is not the field's date yet"
    assert edit.toolTip() == "" and edit.lineEdit().styleSheet() == "", "while she types, no red frame"
    dialog.save()  # no focus change
    assert dialog.result() == QDialog.Accepted, dialog.summary.text()
    assert edit.text() == in_language("03-11-2026", language) and edit.problem() == ""
    assert CustomOrder.get_by_id(dialog.saved).ordered_on == date(2026, 11, 3)

    # The same for the quick note's moment (a short hour), and for date_problems itself.
    note = QuickNote(None, things[0].id, now=lambda: NOW)
    things_kept.append(note)
    qtbot.addWidget(note.dialog)
    note.at.setDateTime(note.at.dateTime().fromString("30-11-2026 14:05", "dd-MM-yyyy HH:mm"))
    focused_in(qtbot, note.at, Qt.MouseFocusReason)
    hour = len(in_language("30-11-2026, ", language))
    note.at.lineEdit().setSelection(hour, 2)
    qtbot.keyClick(note.at, Qt.Key_1)
    assert note.at.text() == in_language("30-11-2026, 1:05", language)
    assert date_problems({"at": note.at}) == {}
    assert note.at.dateTime().toPython() == datetime(2026, 11, 30, 1, 5)
    assert note.at.text() == in_language("30-11-2026, 01:05", language)



def test_the_timeline_follows_its_dates_without_finishing_them_under_the_cursor(qtbot, demo_db, translator):
    # The timeline asks its date fields what they say at every change of what they show;
    # finishing the typing there would write "3" as "03" while she goes on to type 30.
    i18n.set_language("nl")
    view = TimelineView()
    qtbot.addWidget(view)
    view.refresh()
    type_into(qtbot, view.to_date, "31-04-2027")
    assert view.no_match.text().startswith("31-04-2027 bestaat niet")
    focused_in(qtbot, view.to_date, Qt.MouseFocusReason)
    view.to_date.lineEdit().setSelection(0, 2)
    qtbot.keyClick(view.to_date, Qt.Key_3)  # the red frame goes: the timeline looks again
    assert view.to_date.text() == "3-04-2027" and not view.no_match.isVisibleTo(view)
    qtbot.keyClick(view.to_date, Qt.Key_0)
    assert view.to_date.text() == "30-04-2027" and view.to_date.date() == QDate(2027, 4, 30)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("keys", [(Qt.Key_V, Qt.ControlModifier), (Qt.Key_Insert, Qt.ShiftModifier)],
                         ids=["ctrl+v", "shift+insert"])
def test_a_date_pasted_with_the_keyboard_is_kept(qtbot, things, language, keys):
    # Ctrl+V of 31-12-2026 was undone at once: the field went back to its old date.
    from PySide6.QtGui import QGuiApplication

    i18n.set_language(language)
    edit = CollaborationDialog(None, collaboration=things[1]).w("agreed_on")
    qtbot.addWidget(edit.window())
    edit.setDate(NOVEMBER_30)
    focused_in(qtbot, edit)
    changes = []
    edit.dateChanged.connect(changes.append)
    QGuiApplication.clipboard().setText(in_language("31-12-2026", language))
    edit.lineEdit().selectAll()
    qtbot.keyClick(edit, *keys)
    assert edit.date() == QDate(2026, 12, 31) and edit.text() == in_language("31-12-2026", language)
    assert changes == [QDate(2026, 12, 31)] and edit.problem() == ""
    edit.clearFocus()
    assert edit.date() == QDate(2026, 12, 31) and edit.text() == in_language("31-12-2026", language)


def test_undo_with_the_keyboard_gives_back_the_date_before_the_paste(qtbot, things):
    from PySide6.QtGui import QGuiApplication

    i18n.set_language("nl")
    edit = CollaborationDialog(None, collaboration=things[1]).w("agreed_on")
    qtbot.addWidget(edit.window())
    edit.setDate(NOVEMBER_30)
    focused_in(qtbot, edit)
    QGuiApplication.clipboard().setText("31-12-2026")
    edit.lineEdit().selectAll()
    qtbot.keyClick(edit, Qt.Key_V, Qt.ControlModifier)
    assert edit.date() == QDate(2026, 12, 31)
    qtbot.keyClick(edit, Qt.Key_Z, Qt.ControlModifier)
    assert edit.text() == "30-11-2026" and edit.date() == NOVEMBER_30


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("key", [Qt.Key_Backspace, Qt.Key_Delete])
def test_erasing_a_selection_erases_all_of_it(qtbot, things, language, key):
    # Ctrl+A and Backspace emptied the day alone ("-11-2026").
    i18n.set_language(language)
    edit = CollaborationDialog(None, collaboration=things[1]).w("agreed_on")
    qtbot.addWidget(edit.window())
    edit.setDate(NOVEMBER_30)
    focused_in(qtbot, edit)
    qtbot.keyClick(edit, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClick(edit, key)
    assert edit.text() == in_language("--", language)
    qtbot.keyClicks(edit, "17122026")  # typed anew from the day
    assert edit.date() == QDate(2026, 12, 17) and edit.text() == in_language("17-12-2026", language)

    edit.lineEdit().setSelection(1, 4)  # "7-12": the end of the day and all of the month
    qtbot.keyClick(edit, key)
    assert edit.text() == in_language("1--2026", language)
    qtbot.keyClicks(edit, "5")  # the day goes on where the erasing was
    assert edit.text() == in_language("15--2026", language)

    edit.lineEdit().selectAll()
    qtbot.keyClick(edit, key)
    edit.clearFocus()  # left empty: said, and the date from before she began typing is kept
    assert edit.date() == NOVEMBER_30
    assert edit.problem() == {"nl": "Typ een datum, zoals 07-03-2027.",
                              "en": "Type a date, like 07/03/2027."}[language]



def test_typed_dates_hold_in_amsterdam_too():
    """Qt's date field keeps its value in UTC; a typed date was handed to it as local
    midnight, which in Amsterdam is 23:00 the day before in UTC: dates typed there were
    saved a day early (seen running the suite with TZ=Europe/Amsterdam; CI runs in UTC). Qt
    reads the zone once per process: this file's tests again, in a process of their
    own in the owner's zone."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, TZ="Europe/Amsterdam", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
                           str(Path(__file__).resolve()), "-k", "not amsterdam"],
                          capture_output=True, text=True, env=env, cwd=root, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "failed" not in done.stdout, done.stdout[-2000:]


def test_just_after_her_midnight_today_is_her_day_not_utcs(qtbot, things, frozen_clock):
    """At 00:30 in Amsterdam UTC is still on yesterday: a post logged as placed today was
    refused as "in the future", and a new order's dates started on yesterday."""
    from desktop.store.models import Content

    _person, collaboration, _order = things
    frozen_clock.set(datetime(2026, 11, 23, 23, 30))  # Tue 24 Nov, 00:30 in Amsterdam
    content = ContentDialog(None, collaboration=collaboration)
    qtbot.addWidget(content)
    content.w("url").setText("https://www.instagram.com/p/Cx1/")
    assert content.w("posted_on").date() == QDate(2026, 11, 24)
    assert content.save(), content.errors
    assert Content.get().posted_at == datetime(2026, 11, 23, 23, 30)  # today: the moment it was logged
    order = OrderDialog(None, datetime(2026, 11, 23, 23, 30))
    qtbot.addWidget(order)
    assert order.ordered_on.date() == QDate(2026, 11, 24)
