"""The rows follow the owner's midnight while the app stays open (in the tray): Maatwerk's
"1 dag te laat" / "nog 1 dag" and Tijdlijn's "Vandaag" / "Gisteren" headings (and a date's
year on New Year's Day) kept yesterday's words until she did something (review of the days
around New Year). At the scheduler's first check after her midnight they take today's words,
in place: her selection, search and scroll stay, and nothing else loads again."""

from datetime import datetime, timedelta

import pytest

from desktop import i18n, reminders
from desktop.domain import notes
from desktop.domain import orders as rules
from desktop.scheduler import Scheduler
from desktop.store import notes as note_store
from desktop.views.main_window import MainWindow
from desktop.views.orders import days_left_text
from desktop.views.timeline_model import Heading, TimelineModel

# Naive UTC. New Year's Eve, 22:00 in Amsterdam (the suite's owner zone, conftest), and
# ten minutes past her midnight: 1 January 2027, 00:10.
EVENING = datetime(2026, 12, 31, 21, 0)
AFTER_MIDNIGHT = datetime(2026, 12, 31, 23, 10)


@pytest.fixture
def window(qtbot, database, translator, frozen_clock):
    from desktop import demo

    frozen_clock.set(EVENING)
    demo.fill(EVENING)
    from desktop.store.models import Person

    someone = Person.select().order_by(Person.id).first().id
    note_store.log_entry(notes.Entry(person_id=someone, entry_kind="note", channel="", direction="",
                                     text="Nieuwe voorraad zilver besteld", at=EVENING), EVENING)
    i18n.set_language("nl")
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


@pytest.fixture
def scheduler(window, frozen_clock):
    """The app's wiring: each check hands what is due to the tray and the window (app._on_due_changed)."""
    from types import SimpleNamespace

    from desktop.app import Application

    app = SimpleNamespace(tray=SimpleNamespace(set_items=lambda items: None), window=window)
    s = Scheduler(reminders.due_items, reminders.next_due, clock=frozen_clock)
    s.due_changed.connect(lambda items: Application._on_due_changed(app, items))
    yield s
    s.timer.stop()


def _counting(view, monkeypatch):
    count = {"loads": 0, "resets": 0}
    real = view.load_rows

    def counting():
        count["loads"] += 1
        return real()

    monkeypatch.setattr(view, "load_rows", counting)
    view.model.modelReset.connect(lambda: count.__setitem__("resets", count["resets"] + 1))
    return count


def _days(view):
    return {row.id: (row.sublines or {}).get(2, "") for row in view.model.all_rows}


def test_maatwerk_counts_the_days_from_her_new_day(window, scheduler, frozen_clock, qtbot, monkeypatch):
    from desktop.store.models import CustomOrder

    window.show_view("orders")
    view = window.current_view()
    scheduler.check()
    making = [o for o in CustomOrder.select() if o.status in rules.IN_THE_MAKING and o.promised_ready]
    assert len(making) >= 2, "the demo shop has orders in the making"
    before = _days(view)
    for o in making:
        assert before[o.id] == days_left_text(rules.days_left(o.promised_ready, EVENING.date()))
    # She searches for one order and sits on it; the evening goes on, nothing changes.
    chosen = making[-1]
    view.search.setText(chosen.person.name.split()[0])
    view._apply_filter()
    assert view.select_id(chosen.id)
    shown = [row.id for row in view.model.rows]
    count = _counting(view, monkeypatch)
    frozen_clock.advance(timedelta(minutes=5))
    scheduler.check()
    assert count["loads"] == 0 and _days(view) == before
    # Her midnight passes (00:10 on New Year's Day in Amsterdam, still 2026 in UTC).
    frozen_clock.set(AFTER_MIDNIGHT)
    scheduler.check()
    new_day = AFTER_MIDNIGHT.date() + timedelta(days=1)
    after = _days(view)
    for o in making:
        assert after[o.id] == days_left_text(rules.days_left(o.promised_ready, new_day)), after
    assert after != before
    assert count["loads"] == 1 and count["resets"] == 0  # once, in place
    assert view.search.text() == chosen.person.name.split()[0]
    assert [row.id for row in view.model.rows] == shown
    assert view.current_id == chosen.id
    assert view.table.currentIndex().row() == view.model.index_of(chosen.id)
    # the rest of the night: nothing loads again
    frozen_clock.advance(timedelta(minutes=5))
    scheduler.check()
    assert count["loads"] == 1


def _headings(model):
    return [item.text for item in model.items if isinstance(item, Heading)]


def test_tijdlijn_headings_follow_her_midnight_and_the_new_year(window, scheduler, frozen_clock, qtbot, monkeypatch):
    window.show_view("timeline")
    view = window.current_view()
    scheduler.check()
    headings = _headings(view.model)
    assert headings[:3] == ["Vandaag", "Gisteren", "Dinsdag 29 december"], headings
    # She sits on an event further down the list, scrolled to it.
    row = view.model.heading_rows()[2] + 1
    view.table.selectRow(row)
    chosen = view.current_id
    assert chosen is not None
    view.table.scrollTo(view.model.index(row, 0))
    bar = view.table.verticalScrollBar()
    place = bar.value()
    count = _counting(view, monkeypatch)
    fetched = []
    monkeypatch.setattr(TimelineModel, "reload", lambda self: fetched.append(self))
    frozen_clock.set(AFTER_MIDNIGHT)
    scheduler.check()
    assert _headings(view.model)[:4] == [
        "Gisteren", "Woensdag 30 december 2026", "Dinsdag 29 december 2026", "Maandag 28 december 2026"]
    assert not fetched and count["resets"] == 0  # worded in place, nothing read again
    assert view.current_id == chosen and view.table.currentIndex().row() == row
    assert bar.value() == place


def test_a_persons_history_in_a_pane_follows_her_midnight(window, scheduler, frozen_clock):
    window.show_view("influencers")
    scheduler.check()
    histories = [m for m in window.findChildren(TimelineModel) if m.items]
    assert histories, "the influencer pane shows her history"
    frozen_clock.set(AFTER_MIDNIGHT)
    scheduler.check()
    for model in histories:
        for item in (i for i in model.items if isinstance(i, Heading)):
            if item.day == EVENING.date():
                assert item.text == "Gisteren"
            else:
                assert item.text.endswith(" 2026"), item.text
