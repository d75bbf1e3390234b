"""Blocking dialogs behind small functions, so tests can replace them (Vorta's pattern)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    path, _selected = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


def ask_open_path(parent: QWidget | None, title: str, filters: str) -> str:
    path, _selected = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.Yes | QMessageBox.No, parent)
    box.setTextFormat(_plain())
    box.setDefaultButton(QMessageBox.No)
    return box.exec() == QMessageBox.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Information, title, text, QMessageBox.Ok, parent)
    box.setTextFormat(_plain())
    box.exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, parent)
    box.setTextFormat(_plain())
    box.exec()


def _plain():
    from PySide6.QtCore import Qt

    return Qt.PlainText


def confirm_with_option(parent: QWidget | None, title: str, text: str, option: str,
                        yes_text: str = "") -> tuple[bool, bool]:
    """Ask yes/no with one check box under the text; returns (yes, option checked)."""
    from PySide6.QtWidgets import QCheckBox

    box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Yes | QMessageBox.No, parent)
    box.setTextFormat(_plain())
    box.setDefaultButton(QMessageBox.No)
    if yes_text:
        box.button(QMessageBox.Yes).setText(yes_text)
    check = QCheckBox(option, box)
    box.setCheckBox(check)
    answer = box.exec() == QMessageBox.Yes
    return answer, check.isChecked()
