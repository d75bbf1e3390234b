"""Maatwerk's pane at 1366 × 768: a date stands beside its name. The form's margins were the
style's 9 px on each side (off the spacing scale), and "donderdag 26 november 2026" went
onto a line of its own under "Beloofd bezorgd" (review, session 33)."""

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel

from desktop import i18n

from .test_layout import shown_window


def _wrapped(view) -> list[str]:
    found = []
    for form in view.detail.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            name, value = form.itemAt(row, QFormLayout.LabelRole), form.itemAt(row, QFormLayout.FieldRole)
            if name is None or value is None or not isinstance(name.widget(), QLabel):
                continue
            if value.geometry().top() > name.geometry().bottom():  # under its name, not beside it
                found.append(f"{name.widget().text()}: {getattr(value.widget(), 'text', lambda: '')()}")
    return found


@pytest.mark.parametrize("language", ["nl", "en"])
def test_maatwerks_dates_stand_beside_their_names_at_1366(qtbot, demo_db, translator, monkeypatch, language):
    i18n.set_language(language)
    window = shown_window(qtbot, monkeypatch, (1366, 768), "orders")
    view = window.current_view()
    for _ in range(3):
        QCoreApplication.processEvents()
    problems = []
    for row in view.model.rows:
        if row.id is None:
            continue
        view.select_id(row.id)
        for _ in range(3):  # the pane's room given after it is filled
            QCoreApplication.processEvents()
        problems += [f"order {row.id}: {p}" for p in _wrapped(view)]
    assert not problems, "\n".join(problems)
