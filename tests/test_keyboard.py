"""Afspraak by keyboard alone: arrow keys, Tab, mnemonics, focus after an action, names.

A shop owner with a sore wrist, or one who listens to a screen reader, works the whole
app from the keyboard: the arrow keys go from event to event, Tab reads the screen in
order and never gets stuck, Alt+letter opens one thing only, and every button says what
it does.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop import i18n
from desktop.store.models import Event, Person
from desktop.views.main_window import MainWindow
from tests.conftest import NOW


def make_window(qtbot, language="nl"):
    i18n.set_language(language)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_timelines_arrow_keys_pass_over_its_day_headings(qtbot, database, translator, language):
    """Down from the last event of a day went to that day's... next heading and stopped
    there, the pane empty; on Vandaag the keys pass over a group's heading. The timeline
    now does the same (one shared way of being a heading row)."""
    sanne = Person.create(name="Sanne", is_influencer=True)
    for days, text in ((0, "Vandaag"), (1, "Gisteren"), (3, "Eerder")):
        for n in range(2):
            Event.create(at=NOW - timedelta(days=days, minutes=n), kind="note", text=f"{text} {n}", person=sanne)
    window = make_window(qtbot, language)
    window.show_view("timeline")
    view = window.view("timeline")
    table, model = view.table, view.model
    headings = model.heading_rows()
    assert len(headings) == 3
    table.setFocus()
    rows = [table.currentIndex().row()]
    for _ in range(model.rowCount()):
        QTest.keyClick(table, Qt.Key_Down)
        rows.append(table.currentIndex().row())
    assert not set(rows) & set(headings), rows
    assert rows[-1] == model.rowCount() - 1  # to the last event, no further
    assert sorted(set(rows)) == [r for r in range(model.rowCount()) if r not in headings]
    for _ in range(model.rowCount()):
        QTest.keyClick(table, Qt.Key_Up)
        assert not model.is_heading(table.currentIndex().row())
    assert table.currentIndex().row() == 1  # the newest event, under its day's heading
    assert view.current_id == model.event_at(1).id  # the pane follows the keys
    QTest.keyClick(table, Qt.Key_End, Qt.ControlModifier)
    assert table.currentIndex().row() == model.rowCount() - 1
    QTest.keyClick(table, Qt.Key_Home, Qt.ControlModifier)
    assert table.currentIndex().row() == 1
    # the day's heading keeps its own text colour (not greyed out as a disabled row)
    top = model.index(0, 0)
    assert model.data(top, Qt.ForegroundRole) is not None
