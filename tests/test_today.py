"""Vandaag: what is due now and today, with its ready message and the act/snooze/done buttons."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QPlainTextEdit, QPushButton, QWidget

from desktop import i18n
from desktop.store.models import Event, ReminderState
from desktop.views import today
from desktop.views.main_window import MainWindow
from desktop.views.today import bucket

from .conftest import NOW


@pytest.fixture
def window(qtbot, demo_db, translator, monkeypatch):
    monkeypatch.setattr(today, "utcnow", lambda: NOW)
    i18n.set_language("nl")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.show_today()
    return w


def test_buckets():
    end = datetime(2026, 11, 24, 0, 0)
    assert bucket(NOW - timedelta(hours=1), NOW, end) == "now"
    assert bucket(NOW + timedelta(hours=3), NOW, end) == "today"
    assert bucket(NOW + timedelta(days=3), NOW, end) == "week"
    assert bucket(NOW + timedelta(days=9), NOW, end) is None


def test_today_lists_what_is_due_most_urgent_first(window):
    view = window.current_view()
    assert view.key == "today"
    rows = [r for _i, r in view.item_rows()]
    assert len(rows) >= 5
    dues = [view.items[r.id].due for r in rows]
    assert dues == sorted(dues)
    first = rows[0]
    assert first.extra["group"] == "now" and first.colour == "red"
    # each row due now says how long it has waited, not "Nu" nine times (review 26)
    waited = {r.cells[1]: r.cells[0] for r in rows if r.extra["group"] == "now"}
    assert waited["Mila Smit"].replace("\u00a0", " ") == "Sinds 20 nov", waited  # her gift, due since 20 November
    assert all(text == "Nu" or text.startswith("Sinds ") for text in waited.values()), waited
    names = {r.cells[1] for r in rows}
    assert "Emma Visser" not in names  # she posted on time
    assert window.sidebar.item(0).text() == f"Vandaag ({view.due_now_count()})"


def test_detail_shows_the_ready_message_in_plain_text(window):
    view = window.current_view()
    row = next(i for i, r in view.item_rows() if view.items[r.id].action == "message")
    view.table.selectRow(row)
    text = view.detail.findChild(QPlainTextEdit, "todayMessage")
    assert text is not None and text.isReadOnly()
    item = view.items[view.model.rows[row].id]
    assert item.person_name.split()[0] in text.toPlainText()  # addressed by first name


def test_snooze_and_done_take_the_item_off_the_list(window, qtbot):
    view = window.current_view()
    before = view.model.rowCount()
    now_rows = [r for _i, r in view.item_rows() if r.extra["group"] == "now"]
    view.table.selectRow(view.model.rows.index(now_rows[0]))
    item = view.items[view.model.rows[view.table.currentIndex().row()].id]
    view.detail_footer.findChild(QPushButton, "todayTomorrow").click()
    qtbot.waitUntil(lambda: all(view.items[r.id].key != item.key or r.extra["group"] != "now" for _i, r in view.item_rows()))
    state = ReminderState.get(ReminderState.key == item.key)
    assert state.status == "snoozed" and state.snoozed_until > NOW
    first, row = view.item_rows()[0]
    view.table.selectRow(first)
    second = view.items[row.id]
    events_before = Event.select().count()
    view.detail_footer.findChild(QPushButton, "todayDone").click()
    qtbot.waitUntil(lambda: all(view.items[r.id].key != second.key for _i, r in view.item_rows()))
    assert ReminderState.get(ReminderState.key == second.key).status == "dismissed"
    assert Event.select().count() == events_before  # done without a message sends nothing
    assert view.model.rowCount() <= before


def test_open_and_send_opens_the_due_step_dialog(window, qtbot, monkeypatch):
    from desktop.views import due_dialog

    opened = []
    monkeypatch.setattr(due_dialog, "open_due_item", lambda item, parent=None, on_acted=None: opened.append(item))
    view = window.current_view()
    first, row = view.item_rows()[0]
    view.table.selectRow(first)
    view.detail_footer.findChild(QPushButton, "todayOpen").click()
    assert opened and opened[0].key == view.items[row.id].key


def test_english_and_empty_state(qtbot, database, translator, monkeypatch):
    monkeypatch.setattr(today, "utcnow", lambda: NOW)
    i18n.set_language("en")
    w = MainWindow()
    qtbot.addWidget(w)
    view = w.view("today")
    assert view.title.text() == "Today"
    assert view.pages.currentIndex() == 0
    assert view.empty_title.text() == "Nothing to do today"


def _settle(qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()


def _in_sight(window, widget) -> bool:
    """The whole widget is shown, inside the window (not scrolled away, not below the fold)."""
    from PySide6.QtCore import QRect

    top_left = widget.mapTo(window, widget.rect().topLeft())
    return widget.isVisible() and window.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["1366x768", "1920x1080"])
@pytest.mark.parametrize("steps_open", [False, True], ids=["steps-folded", "steps-open"])
def test_the_ready_message_takes_the_room_and_its_buttons_stay_in_view(window, qtbot, size, steps_open):
    from desktop.views.today import MESSAGE_MIN_LINES

    window.resize(*size)
    view = window.current_view()
    if steps_open:  # the owner opened "Zo begin je" above the list: the pane is ~150 px shorter
        from desktop.store import settings

        settings.set("example_shop", {})  # the shop as her own (the example shop shows no steps)
        window.show_getting_started()
        assert view.getting_started.steps_box.isVisible()
    for row, _item in view.item_rows():  # every row: the pane with bullets is the tallest
        view.table.selectRow(row)
        _settle(qtbot)
        text = view.detail.findChild(QPlainTextEdit, "todayMessage")
        for name in ("todayOpen", "todayHour", "todayTomorrow", "todayDone"):
            button = view.findChild(QPushButton, name)
            if button is None and name in view.SNOOZES and _item.extra["group"] != "now":
                continue  # a step of later today or the next days: only a snooze that moves it is offered
            assert button is not None and _in_sight(window, button), f"row {row}: {name} is out of sight at {size}"
        assert text.height() >= MESSAGE_MIN_LINES * text.fontMetrics().lineSpacing()
    if size == (1920, 1080):
        # a big screen: the message box takes the pane's free height, no empty space under it
        viewport = view.detail.parentWidget()
        below = viewport.height() - text.mapTo(viewport, text.rect().bottomLeft()).y()
        assert text.height() > 300 and below < 40, (text.height(), below)


def test_the_buttons_go_with_the_row_and_leave_with_it(window, qtbot):
    view = window.current_view()
    view.table.selectRow(view.item_rows()[0][0])
    _settle(qtbot)
    assert len([b for b in view.detail_footer.findChildren(QPushButton) if b.isVisible()]) == 4
    view.search.setText("niemand-heet-zo")
    view._apply_filter()
    qtbot.waitUntil(lambda: not view.detail_pending())
    _settle(qtbot)
    assert not view.detail_footer.isVisible()  # no row: no buttons for it


def test_step_three_without_another_channel_keeps_the_column_short(window):
    from desktop.domain.followup import NO_OTHER_CHANNEL
    from desktop.views.today import NO_CHANNEL_CELL, channel_text

    view = window.current_view()
    item = next(view.items[r.id] for _i, r in view.item_rows())
    fake = type("Item", (), {"channel": "", "channel_note": NO_OTHER_CHANNEL})()
    assert channel_text(fake, short=True) == NO_CHANNEL_CELL
    assert channel_text(fake) == "geen ander kanaal bekend"  # the detail pane's words
    assert channel_text(item, short=True) == channel_text(item)  # a known channel reads the same


def test_bullets_in_the_detail_wrap_under_their_text(window, qtbot):
    from desktop.store.models import Deliverable

    # A second open deliverable beside a late one of the same collaboration: one message for both.
    late = next(d for d in Deliverable.select().order_by(Deliverable.id)
                if d.delivered_at is None and d.deadline is not None and d.deadline < NOW)
    Deliverable.create(collaboration=late.collaboration, kind="story" if late.kind != "story" else "post",
                       deadline=late.deadline)
    view = window.current_view()
    view.refresh()
    window.resize(1366, 768)
    row = next(i for i, r in view.item_rows() if len(view.items[r.id].parts) > 1)
    view.table.selectRow(row)
    _settle(qtbot)
    bullets = [w for w in view.detail.findChildren(QWidget, "bulletItem") if w.isVisible()]
    assert len(bullets) == len(view.items[view.model.rows[row].id].parts)
    for bullet in bullets:
        mark, text = bullet.layout().itemAt(0).widget(), bullet.layout().itemAt(1).widget()
        assert mark.text() == "•"
        assert text.x() > mark.x() + mark.width()  # every line of the text starts right of the bullet
        assert "•" not in text.text()


def _headings(view) -> list[tuple[int, str]]:
    from PySide6.QtCore import Qt

    model = view.model
    return [(row, model.data(model.index(row, 0), Qt.DisplayRole)) for row in range(model.rowCount())
            if not model.flags(model.index(row, 0)) & Qt.ItemIsSelectable]


def test_what_is_due_now_stands_apart_from_the_coming_days(window, qtbot):
    """The sidebar said "Vandaag (7)" over ten rows, the three of the coming days right
    under the seven due now: she read ten things due today. Each group has a heading that
    says how many it lists; the nine are the sidebar's nine (Mila's gift, still to send,
    and order #1029, ready and still to ship, among them)."""
    view = window.current_view()
    headings = _headings(view)
    now = view.due_now_count()
    assert now == 9 and window.sidebar.item(0).text() == "Vandaag (9)"
    # the coming days: Kevin's, and Marieke's news before her order's date (Monday 30 November:
    # its late step, Tuesday 1 December, falls after the week)
    assert [text for _row, text in headings] == ["Nu te doen: 9 herinneringen", "Komende 7 dagen: 2 herinneringen"]
    (first, _t), (second, _t2) = headings
    assert first == 0 and all(view.model.rows[r].extra["group"] == "now" for r in range(1, second))
    assert second == 10 and all(view.items[view.model.rows[r].id].due > NOW for r in range(second + 1, view.model.rowCount()))
    for row, _text in headings:  # spanning the row: no cell of the columns below it
        assert view.table.columnSpan(row, 0) == view.model.columnCount()


def test_a_heading_is_passed_over_by_keys_and_clicks(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    view = window.current_view()
    (_top, _t), (week, _t2) = _headings(view)
    assert view.table.currentIndex().row() == 1  # the first reminder, not the heading above it
    last_now = view.items[view.model.rows[week - 1].id]
    view.table.selectRow(week - 1)
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key_Down)
    assert view.table.currentIndex().row() == week + 1
    assert view.current_id == view.model.rows[week + 1].id  # the pane follows
    QTest.keyClick(view.table, Qt.Key_Up)
    assert view.table.currentIndex().row() == week - 1
    QTest.keyClick(view.table, Qt.Key_PageUp)
    assert view.table.currentIndex().row() == 1  # the top: the first reminder, under its heading
    view.table.selectRow(week - 1)
    heading = view.table.visualRect(view.model.index(week, 0)).center()
    QTest.mouseClick(view.table.viewport(), Qt.LeftButton, Qt.NoModifier, heading)
    _settle(qtbot)
    assert [i.row() for i in view.table.selectionModel().selectedRows()] == [week - 1]
    assert view.items[view.current_id].key == last_now.key
    assert view.detail.findChild(QPlainTextEdit, "todayMessage") is not None  # the pane still shows it


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_search_counts_what_it_leaves_under_each_heading(window, qtbot, language):
    i18n.set_language(language)
    view = window.current_view()
    view.refresh()
    view.search.setText("Kevin")
    view._apply_filter()
    qtbot.waitUntil(lambda: not view.detail_pending())
    expected = {"nl": ["Nu te doen: 1 herinnering", "Komende 7 dagen: 1 herinnering"],
                "en": ["To do now: 1 reminder", "Next 7 days: 1 reminder"]}[language]
    assert [text for _row, text in _headings(view)] == expected
    assert view.current_id is not None and view.items[view.current_id].person_name == "Kevin Jacobs"
    view.search.setText("Marieke")
    view._apply_filter()
    qtbot.waitUntil(lambda: not view.detail_pending())  # no pane left to build after the test
    assert [text for _row, text in _headings(view)] == [{"nl": "Komende 7 dagen: 1 herinnering",
                                                         "en": "Next 7 days: 1 reminder"}[language]]


def test_later_today_has_its_own_heading(window):
    """The three groups in their order, each only when it lists something."""
    from desktop.views.rows import Row
    from desktop.views.today import TodayView

    def row(n, group):
        return Row(id=n, cells=[str(n), "", "", "", ""], extra={"group": group})

    grouped = TodayView._grouped([row(0, "now"), row(1, "today"), row(2, "today"), row(3, "week")])
    assert [(r.heading, r.cells[0]) for r in grouped] == [
        (True, "Nu te doen: 1 herinnering"), (False, "0"),
        (True, "Later vandaag: 2 herinneringen"), (False, "1"), (False, "2"),
        (True, "Komende 7 dagen: 1 herinnering"), (False, "3")]
    assert [r.cells[0] for r in TodayView._grouped([row(5, "today")])] == ["Later vandaag: 1 herinnering", "5"]
    assert TodayView._grouped([]) == []


def _text_height(box: QPlainTextEdit) -> float:
    """The height of the box's text as laid out at the box's width."""
    doc = box.document()
    layout, block, height = doc.documentLayout(), doc.begin(), 2 * doc.documentMargin()
    while block.isValid():
        height += layout.blockBoundingRect(block).height()
        block = block.next()
    return height


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["1366x768", "1920x1080"])
@pytest.mark.parametrize("steps_open", [False, True], ids=["steps-folded", "steps-open"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_ready_message_shows_whole_without_a_scroll_bar(window, qtbot, size, steps_open, language):
    """The box showed a vertical scroll bar over a message that fitted ("Nieuws over uw
    bestelling #1038" on the screenshots), and with "Zo begin je" open on a laptop it was
    shorter than a usual message, scrolling inside a pane that scrolled too. Every
    message of the example shop reads whole in its box, from the first frame on."""
    from PySide6.QtCore import QCoreApplication

    i18n.set_language(language)
    window.resize(*size)
    view = window.current_view()
    if steps_open:
        from desktop.store import settings

        settings.set("example_shop", {})
        window.show_getting_started()
    view.refresh()
    _settle(qtbot)
    for row, _item in view.item_rows():
        view.table.selectRow(row)
        QCoreApplication.processEvents()  # what the first frame of the pane shows
        box = view.detail.findChild(QPlainTextEdit, "todayMessage")
        assert not box.verticalScrollBar().isVisible(), f"row {row}: a scroll bar over the first frame"
        assert not box.horizontalScrollBar().isVisible(), f"row {row}: a sideways scroll bar over the first frame"
        _settle(qtbot)
        assert box.viewport().height() >= _text_height(box), f"row {row}: the message is cut"
        assert not box.verticalScrollBar().isVisible(), f"row {row}: a scroll bar over a message that fits"


def test_a_message_longer_than_the_box_scrolls_in_it(qtbot):
    """The scroll bar comes when it is needed: a message longer than the box may grow to."""
    from PySide6.QtWidgets import QVBoxLayout

    from desktop.views.today import MESSAGE_MAX_LINES, ReadyMessageBox

    pane = QWidget()
    qtbot.addWidget(pane)
    layout = QVBoxLayout(pane)
    box = ReadyMessageBox("\n".join(f"regel {n}" for n in range(MESSAGE_MAX_LINES + 20)))
    layout.addWidget(box)
    short = ReadyMessageBox("Dag Julia,\n\nGroetjes")
    layout.addWidget(short)
    pane.resize(400, 600)
    pane.show()
    qtbot.waitUntil(lambda: box.verticalScrollBar().isVisible())
    assert box.verticalScrollBar().maximum() > 0
    assert box.minimumHeight() <= (MESSAGE_MAX_LINES + 1) * box.fontMetrics().lineSpacing() + 2 * box.frameWidth()
    assert not short.verticalScrollBar().isVisible()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_panes_moment_is_named_as_everywhere_else_in_both_languages(window, qtbot, language):
    """The pane named a step's moment "Due" in English and "Gepland" in Dutch: a deadline
    in one language, a plan in the other. It is when the step came (or comes) up, its
    turn: "Aan de beurt sinds" / "Due since", "Aan de beurt vanaf" / "Due from", as the
    due dialog ("Aan de beurt sinds …") and the influencer pane say it."""
    from PySide6.QtWidgets import QFormLayout

    from .test_layout import layout_problems

    i18n.set_language(language)
    window.resize(1366, 768)
    view = window.current_view()
    view.refresh()
    words = {"nl": ("Aan de beurt sinds", "Aan de beurt vanaf"), "en": ("Due since", "Due from")}[language]

    def fields() -> dict[str, str]:
        form = view.detail.findChild(QFormLayout)
        return {form.itemAt(r, QFormLayout.LabelRole).widget().text(): form.itemAt(r, QFormLayout.FieldRole).widget().text()
                for r in range(form.rowCount())}

    (_top, _t), (week, _t2) = _headings(view)
    for row, expected in ((1, words[0]), (week + 1, words[1])):
        view.table.selectRow(row)
        _settle(qtbot)
        shown = fields()
        assert expected in shown and not {"Due", "Gepland"} & set(shown), shown
        assert shown[expected] == i18n.list_moment(today.to_local(view.items[view.current_id].own_due))
        assert not layout_problems(window)


def test_one_strike_decision_for_a_post_and_a_story_named_in_one_final_notice(qtbot, demo_db, translator,
                                                                               frozen_clock):
    """Audit 11, F4: the example shop's Tess, her post and story late and every message
    sent, showed two strike decisions after her final notice (deciding one took the other
    away): one row now, about both."""
    from PySide6.QtWidgets import QLabel

    from desktop.presentation import due_texts
    from desktop.store import due

    now = NOW
    while now < datetime(2026, 12, 15, 10):  # the owner sends every message the day it comes
        for item in due.plan(now):
            if item.due <= now and item.action == "message":
                due.mark_sent(item, now, item.channel, due_texts.compose(item, now).body)
        now += timedelta(days=1)
    frozen_clock.set(now)
    i18n.set_language("nl")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.show_today()
    view = w.current_view()
    tess = [(i, r) for i, r in view.item_rows() if r.cells[1] == "Tess van Dijk"]
    assert [r.cells[2] for _i, r in tess] == ["Beslissen: waarschuwing en „Niet nagekomen”"]
    assert tess[0][1].cells[3] == "Zegelring in post en story (Story en Post)"
    view.table.selectRow(tess[0][0])
    assert any(label.text() == "Eén beslissing voor alles waar de laatste herinnering over ging."
               for label in view.detail.findChildren(QLabel))
